//! The library half of the `sdp` command: reading inputs (files, stdin, directories,
//! `chrome://webrtc-internals` dumps, SIP messages), the semantic diff, the JSON model,
//! anonymization and the renderers the commands share. No command-line parsing here; the binary
//! (`src/main.rs`) is a thin layer of one file per command over these modules.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod anonymize;
pub mod diff;
pub mod input;
pub mod json_model;
pub mod render;
pub mod report;
pub mod sip;
pub mod summary;
pub mod webrtc_internals;

#[cfg(test)]
mod test_corpus;
