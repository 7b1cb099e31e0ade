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
        let kind = fb.kind_text();
        let supported = local.iter().any(|ours| {
            let mut words = ours.split_whitespace();
            words
                .next()
                .is_some_and(|word| word.eq_ignore_ascii_case(kind))
                && same_words(words, fb.params())
        });
        if !supported {
            continue;
        }
        // The type and its parameters joined with single spaces.
        let mut line = String::from(kind);
        for param in fb.params() {
            line.push(' ');
            line.push_str(param);
        }
        // B14: a PT line and a `*` line may say the same thing: answer it once.
        if !out.iter().any(|seen| seen.eq_ignore_ascii_case(&line)) {
            out.push(line);
        }
    }
    out
}

/// Whether `ours` and `theirs` are the same words, ignoring ASCII case.
fn same_words<'a, 'b>(
    mut ours: impl Iterator<Item = &'a str>,
    mut theirs: impl Iterator<Item = &'b str>,
) -> bool {
    loop {
        match (ours.next(), theirs.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
            _ => return false,
        }
    }
}
