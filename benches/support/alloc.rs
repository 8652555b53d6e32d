//! Allocation counting for the benchmarks that report allocations and heap
//! bytes. A benchmark opts in with `#[path = "support/alloc.rs"] mod alloc;`
//! and `#[global_allocator] static A: alloc::Global = alloc::COUNTING;`; the
//! other benchmarks keep the plain system allocator, so their timings carry
//! no counting overhead. The counting is `stats_alloc`'s (the crate forbids
//! `unsafe`, and a `GlobalAlloc` impl needs it).

#![allow(dead_code, reason = "each benchmark uses a different subset")]

use std::alloc::System;

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

/// The global allocator type the counting benchmarks declare.
pub type Global = &'static StatsAlloc<System>;

/// The system allocator, counting calls and bytes.
pub const COUNTING: Global = &INSTRUMENTED_SYSTEM;

/// What one call of a closure allocated.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counted {
    /// alloc + realloc calls.
    pub allocs: u64,
    /// Bytes requested (alloc, plus growth by realloc).
    pub bytes: u64,
    /// Net bytes still live when the closure returned (held by its result).
    pub live: i64,
}

/// What `f` allocates, with its result.
pub fn count<T>(f: impl FnOnce() -> T) -> (Counted, T) {
    let region = Region::new(COUNTING);
    let out = f();
    let s = region.change();
    let grown = s.bytes_reallocated.max(0) as u64;
    (
        Counted {
            allocs: (s.allocations + s.reallocations) as u64,
            bytes: s.bytes_allocated as u64 + grown,
            live: s.bytes_allocated as i64 - s.bytes_deallocated as i64 + s.bytes_reallocated as i64,
        },
        out,
    )
}
