//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

mod common;
mod invariants;
