//! Codec views: rtpmap, fmtp and rtcp-fb joined by payload type, static payload types resolved.
//!
//! PLACEHOLDER: replaced by the real view.

use crate::Attribute;

/// PLACEHOLDER.
#[derive(Debug, Clone)]
pub struct Codec<'s> {
    /// PLACEHOLDER.
    pub name: &'s str,
}

/// PLACEHOLDER.
pub fn codecs<'s>(
    formats: impl IntoIterator<Item = &'s str>,
    _attributes: impl IntoIterator<Item = Attribute<'s>>,
) -> Vec<Codec<'s>> {
    formats.into_iter().map(|name| Codec { name }).collect()
}
