//! Codec-specific views of `a=fmtp` parameters.
//!
//! PLACEHOLDER: replaced by the real views.
