//! Integration tests of sdp-core: the shared corpus, building from scratch, properties.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod build;
mod corpus;
mod proptest;
mod regressions;
