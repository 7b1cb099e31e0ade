//! Counts the heap allocations of one parse of each benchmark input, lenient and strict, and
//! checks them against the budget `2 + 3 * m` (m = number of media sections).
//!
//! ```text
//! cargo run --release -p sdp-benches --bin alloc_count
//! cargo test -p sdp-benches --bin alloc_count
//! ```
//!
//! Exits with status 1 when an input is over budget.

// A `#[global_allocator]` must be an `unsafe impl GlobalAlloc`: the trait is unsafe because
// the allocator promises to return valid memory. This file only forwards every call to
// `std::alloc::System` unchanged and bumps a counter, so the promise is System's own. The
// workspace lints (`unsafe_code = "forbid"`) apply to the library crates that opt in with
// `lints.workspace`; sdp-benches does not, and this file, a measuring tool outside any
// published crate, is the only place in it that allows unsafe code.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::process::ExitCode;

use sdp_benches::{alloc_budget, media_count, INPUTS};
use sdp_core::{ParseOptions, Session};

/// `System`, counting the allocations made on each thread.
struct Counting;

thread_local! {
    // Const-initialised and without a destructor, so touching it never allocates (which would
    // recurse into the allocator).
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static REALLOCS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

fn bump(cell: &'static std::thread::LocalKey<Cell<usize>>, by: usize) {
    // `try_with`: the key may already be gone while a thread is being torn down.
    let _ = cell.try_with(|c| c.set(c.get().wrapping_add(by)));
}

// SAFETY: every method forwards its arguments unchanged to `System`, which upholds the
// `GlobalAlloc` contract; the counters are thread-local `Cell`s that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCS, 1);
        bump(&BYTES, layout.size());
        // SAFETY: same contract as ours, forwarded.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump(&ALLOCS, 1);
        bump(&BYTES, layout.size());
        // SAFETY: same contract as ours, forwarded.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump(&REALLOCS, 1);
        bump(&BYTES, new_size.saturating_sub(layout.size()));
        // SAFETY: same contract as ours, forwarded.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours, forwarded.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What one parse cost on the heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cost {
    /// Calls to `alloc` and `alloc_zeroed`.
    allocs: usize,
    /// Calls to `realloc` (a vector growing); each is an allocation too.
    reallocs: usize,
    /// Bytes requested (growth only for `realloc`).
    bytes: usize,
}

impl Cost {
    /// Allocations of any kind: what the budget limits.
    fn total(self) -> usize {
        self.allocs + self.reallocs
    }
}

fn snapshot() -> Cost {
    Cost {
        allocs: ALLOCS.with(Cell::get),
        reallocs: REALLOCS.with(Cell::get),
        bytes: BYTES.with(Cell::get),
    }
}

/// The heap cost of parsing `text` once with `options` (the result is dropped afterwards, and
/// freeing is not counted). `None` when the parse fails.
fn parse_cost(text: &str, options: &ParseOptions) -> Option<Cost> {
    let before = snapshot();
    let parsed = Session::parse_with(text, options);
    let after = snapshot();
    let ok = std::hint::black_box(parsed).is_ok();
    ok.then(|| Cost {
        allocs: after.allocs - before.allocs,
        reallocs: after.reallocs - before.reallocs,
        bytes: after.bytes - before.bytes,
    })
}

/// One row of the report.
struct Row {
    input: &'static str,
    mode: &'static str,
    bytes: usize,
    media: usize,
    cost: Option<Cost>,
    budget: usize,
}

impl Row {
    fn passes(&self) -> bool {
        self.cost.is_some_and(|c| c.total() <= self.budget)
    }
}

fn measure() -> Vec<Row> {
    let mut rows = Vec::new();
    for input in INPUTS {
        let media = media_count(input.text);
        for (mode, options) in [
            ("lenient", ParseOptions::lenient()),
            ("strict", ParseOptions::strict()),
        ] {
            rows.push(Row {
                input: input.name,
                mode,
                bytes: input.text.len(),
                media,
                cost: parse_cost(input.text, &options),
                budget: alloc_budget(media),
            });
        }
    }
    rows
}

fn main() -> ExitCode {
    let rows = measure();
    println!(
        "{:<16} {:<8} {:>7} {:>3} {:>7} {:>8} {:>9} {:>6}  result",
        "input", "mode", "bytes", "m", "allocs", "reallocs", "heap B", "budget"
    );
    for row in &rows {
        let (allocs, reallocs, heap) = match row.cost {
            Some(c) => (
                c.allocs.to_string(),
                c.reallocs.to_string(),
                c.bytes.to_string(),
            ),
            None => ("-".into(), "-".into(), "-".into()),
        };
        let result = match (row.cost, row.passes()) {
            (None, _) => "FAIL (parse error)",
            (Some(_), true) => "PASS",
            (Some(_), false) => "FAIL",
        };
        println!(
            "{:<16} {:<8} {:>7} {:>3} {:>7} {:>8} {:>9} {:>6}  {result}",
            row.input, row.mode, row.bytes, row.media, allocs, reallocs, heap, row.budget
        );
    }
    if rows.iter().all(Row::passes) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_allocates_within_two_plus_three_per_media_section() {
        for row in measure() {
            let cost = row
                .cost
                .unwrap_or_else(|| panic!("{} ({}) does not parse", row.input, row.mode));
            assert!(
                cost.total() <= row.budget,
                "{} ({}): {} allocations ({} + {} reallocs), budget {} for m = {}",
                row.input,
                row.mode,
                cost.total(),
                cost.allocs,
                cost.reallocs,
                row.budget,
                row.media
            );
        }
    }

    #[test]
    fn counter_sees_allocations_on_this_thread() {
        let before = snapshot();
        let v = std::hint::black_box(vec![1u8; 64]);
        let after = snapshot();
        drop(v);
        assert_eq!(after.allocs - before.allocs, 1);
        assert_eq!(after.bytes - before.bytes, 64);
    }
}
