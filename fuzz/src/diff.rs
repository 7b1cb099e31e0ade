//! `diff`: the semantic diff of two descriptions (the input split at its first NUL byte), with
//! and without ignored categories, and its human and JSON renderings. A description never
//! differs from itself, and the changes left after ignoring categories are a subset of all.

use sdp_cli::diff::{diff, render_human, Category, DiffOptions, IgnoreSet};
use sdp_core::Session;

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    let (a, b) = crate::split_pair(data);
    let (Some(a), Some(b)) = (crate::text(a), crate::text(b)) else {
        return;
    };
    let (Ok(a), Ok(b)) = (Session::parse(a), Session::parse(b)) else {
        return;
    };
    let all = diff(&a, &b, &DiffOptions::default());
    let mut out = Vec::new();
    render_human(&all, "a.sdp", "b.sdp", &mut out).expect("writing into a Vec");
    serde_json::to_string(&all).expect("a diff serializes");

    // Ignore a fuzzer-chosen set of categories: the bits of the last byte of the input, spread
    // over the category list.
    let mut ignore = IgnoreSet::new();
    let bits = u32::from(data.last().copied().unwrap_or(0)) * 0x0101;
    for (i, category) in Category::ALL.into_iter().enumerate() {
        if bits & (1 << (i % 16)) != 0 {
            ignore.insert(category);
        }
    }
    let some = diff(&a, &b, &DiffOptions::ignoring(ignore));
    for change in &some.changes {
        assert!(
            all.changes.contains(change),
            "ignoring categories produced a new change: {change:?}"
        );
    }

    for side in [&a, &b] {
        let same = diff(side, side, &DiffOptions::default());
        assert!(
            same.is_empty(),
            "a description differs from itself: {same:?}"
        );
    }
}
