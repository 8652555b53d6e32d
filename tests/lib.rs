//! Integration tests, organised like the law: one module per article or
//! group of articles, plus the crate-wide invariants of DESIGN.md.

// clippy.toml allows these inside `#[test]` functions only; the shared
// fixtures and helpers of this test crate fail the same way, by panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test fixtures and helpers fail by panicking"
)]

mod adversarial;
mod arithmetic;
mod art_28_32_37_readings;
mod art_30_31_persons;
mod art_32_33_leniency;
mod art_34_local_mitigation;
mod art_36_37_time;
mod art_58_review_sources;
mod audit;
mod batch;
mod bundled;
mod calendar;
mod catalogue_binary;
mod common;
mod evaluation;
mod guard;
mod guard_art35;
mod guard_reasons;
mod import;
mod instrument;
mod invariants;
mod liability;
mod list_lint;
mod loaders;
mod mechanism_credit;
mod mechanism_guidance;
mod mechanism_tolerance;
mod mutation_assess;
mod mutation_decision;
mod mutation_guard;
mod mutation_proposal;
mod pattern;
mod procedure;
mod procedure_hearing;
mod provision;
mod publicity;
mod record;
mod register;
mod report;
mod report_files;
mod special_law_aggravation;
mod testkit;
mod transition_agreement;
