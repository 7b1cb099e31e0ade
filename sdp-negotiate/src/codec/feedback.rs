//! RTCP feedback for an answered payload type (rulebook B14).

use sdp_core::attr::rtp::{FeedbackType, RtcpFb};

/// B14: the feedback we answer for one payload type: the offer's lines for it and its `*` lines
/// (both in `offered`, as [`sdp_core::codec::Codec::rtcp_fb`] collects them), kept when we
/// support them. Type and parameters compare ignoring ASCII case (libwebrtc
/// `IntersectFeedbackParams`); the offer's spelling and order are kept, each line once.
///
/// `transport-cc` is kept only when `transport_cc` says the transport-wide-cc header extension
/// was negotiated too (libwebrtc, str0m).
///
/// Not decided here, because it needs every section: RFC 8888 `ack ccfb` is kept like any other
/// line when both sides list it; the caller drops it unless every RTP section of the offer has it
/// (and then drops transport-cc instead).
pub(super) fn intersect_feedback(
    offered: &[RtcpFb<'_>],
    local: &[String],
    transport_cc: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for fb in offered {
        if fb.kind() == FeedbackType::TransportCc && !transport_cc {
            continue;
        }
        let params: Vec<&str> = fb.params().collect();
        let supported = local.iter().any(|ours| {
            let mut words = ours.split_whitespace();
            words
                .next()
                .is_some_and(|kind| kind.eq_ignore_ascii_case(fb.kind_text()))
                && same_words(words, &params)
        });
        if !supported {
            continue;
        }
        let line = std::iter::once(fb.kind_text())
            .chain(params.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        // B14: a PT line and a `*` line may say the same thing: answer it once.
        if !out.iter().any(|seen| seen.eq_ignore_ascii_case(&line)) {
            out.push(line);
        }
    }
    out
}

/// Whether `ours` and `theirs` are the same words, ignoring ASCII case.
fn same_words<'a>(ours: impl Iterator<Item = &'a str>, theirs: &[&str]) -> bool {
    let ours: Vec<&str> = ours.collect();
    ours.len() == theirs.len()
        && ours
            .iter()
            .zip(theirs)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}
