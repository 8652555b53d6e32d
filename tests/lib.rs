//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code and its fixtures: a failed unwrap is a failed test"
)]

mod common;
mod invariants;
mod record;
mod report;
