//! Codec views: rtpmap, fmtp and rtcp-fb joined by payload type, static payload types resolved.
//!
//! PLACEHOLDER: replaced by the real view.
