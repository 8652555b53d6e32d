//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

mod art_30_31_persons;
mod art_32_33_leniency;
mod art_36_37_time;
mod common;
mod invariants;
mod procedure;
mod bundled;
mod loaders;
