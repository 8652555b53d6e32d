//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

// clippy.toml allows these inside `#[test]` functions only; the shared
// fixtures and helpers of this test crate fail the same way, by panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test fixtures and helpers fail by panicking"
)]

mod audit;
mod common;
mod guard;
mod invariants;
