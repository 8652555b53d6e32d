//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "fixtures and helpers outside `#[test]` functions fail loudly on bad test data"
)]

mod common;
mod invariants;
mod mechanism_credit;
mod mechanism_guidance;
mod mechanism_tolerance;
