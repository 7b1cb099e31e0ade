//! WebRTC security and transport rules (`SDP09xx`): SRTP only, no SDES or `k=`, RTP/RTCP
//! multiplexing, media types against protocols, attributes at the level they belong to.
//!
//! Also the helpers the transport families (ICE, DTLS, SCTP) share: BUNDLE groups and the
//! protocol classification.

use crate::line::{Line, LineKind};
use crate::media::Media;
use crate::session::Session;
use crate::span::Span;
use crate::validate::{lints, Ctx, Loc};

lints! {
    SDES_CRYPTO = "SDP0901" "sdes-crypto" Warning [Webrtc] "RFC 8827 §6.5",
        title: "`a=crypto` (SDES keying) in a WebRTC description",
        explanation: "WebRTC keys SRTP with DTLS-SRTP only; RFC 8827 forbids offering or accepting SDP Security Descriptions, which put the media keys in the signalling in clear. Browsers ignore `a=crypto` when a fingerprint is present, so this is a warning; a section with `a=crypto` and no fingerprint is refused (see SDP0406).",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:7B:...:23:0A";
    KEY_LINE = "SDP0902" "webrtc-key-line" Error [Webrtc] "RFC 8866 §5.12",
        title: "`k=` line in a WebRTC description",
        explanation: "The `k=` line carried an encryption key in the description itself. RFC 8866 made it obsolete: it must not be sent, and a receiver must discard it. WebRTC peers key their media with DTLS-SRTP; a `k=` line means the description was produced by something that does not speak WebRTC.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\nk=clear:secret",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111";
    RTCP_MUX_ONLY_WITHOUT_MUX = "SDP0903" "rtcp-mux-only-without-rtcp-mux" Error [all] "RFC 8858 §4.2",
        title: "`a=rtcp-mux-only` without `a=rtcp-mux`",
        explanation: "`a=rtcp-mux-only` says the endpoint can only multiplex RTP and RTCP on one port. RFC 8858 requires `a=rtcp-mux` beside it, so that a peer that does not know `rtcp-mux-only` still negotiates multiplexing with RFC 5761.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtcp-mux-only",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtcp-mux\na=rtcp-mux-only";
    INSECURE_RTP_PROFILE = "SDP0904" "insecure-rtp-profile" Error [Webrtc] "RFC 8827 §6.5",
        title: "RTP section without SRTP in a WebRTC description",
        explanation: "WebRTC media must be encrypted with SRTP, so an RTP section uses a secure profile (`UDP/TLS/RTP/SAVPF`, or `RTP/SAVPF` and the other SAVP variants JSEP accepts). `RTP/AVP` or `RTP/AVPF` announce plain RTP, which browsers refuse.",
        wrong: "m=audio 9 RTP/AVPF 111",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111";
    MEDIA_PROTOCOL_MISMATCH = "SDP0905" "media-protocol-mismatch" Error [Webrtc] "RFC 9429 §5.1.2",
        title: "media type does not fit the transport protocol",
        explanation: "In WebRTC, audio and video sections carry RTP (`UDP/TLS/RTP/SAVPF` and related profiles) and `application` sections carry data channels over SCTP (`UDP/DTLS/SCTP`, `TCP/DTLS/SCTP`, legacy `DTLS/SCTP`). Any other pairing, or a protocol JSEP does not know, makes libwebrtc refuse the whole description.",
        wrong: "m=video 9 UDP/DTLS/SCTP webrtc-datachannel",
        right: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel";
    MISSING_RTCP_MUX = "SDP0906" "missing-rtcp-mux" Warning [Webrtc] "RFC 8834 §4.5",
        title: "RTP section without `a=rtcp-mux`",
        explanation: "WebRTC endpoints multiplex RTP and RTCP on one port, and browsers use the `require` RTCP mux policy by default: they refuse a remote description whose RTP sections do not offer `a=rtcp-mux`. Sections bundled with one that has it are not reported.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=rtcp-mux";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    check_key_lines(ctx, session);
    let groups = BundleGroups::of(session);
    for (m, media) in ctx.media() {
        check_rtcp_mux_only(ctx, m, media);
        for (i, line) in attr_lines(media) {
            if line.is_attribute("crypto") {
                // RFC 8827 §6.5: WebRTC endpoints MUST NOT offer or accept SDES
                ctx.report_help(
                    &SDES_CRYPTO,
                    ctx.media_loc(m, i),
                    format!("`a=crypto` (SDES) in section {}", describe(media, m)),
                    "remove it: WebRTC keys SRTP with DTLS (`a=fingerprint`)",
                );
            }
        }
        if ctx.is_rejected_media(media) {
            continue;
        }
        check_protocol(ctx, m, media);
        // RFC 8834 §4.5, RFC 9429 §5.2.1: every RTP section offers rtcp-mux
        if proto_class(ctx, m) == Proto::Rtp
            && !groups.covered(ctx, m, |s| s.has_attribute("rtcp-mux"))
        {
            ctx.report_help(
                &MISSING_RTCP_MUX,
                ctx.mline_loc(m),
                format!("section {} has no `a=rtcp-mux`", describe(media, m)),
                "add `a=rtcp-mux`",
            );
        }
    }
}

/// RFC 8866 §5.12: `k=` MUST NOT be sent.
fn check_key_lines(ctx: &mut Ctx<'_, '_>, session: &Session<'_>) {
    for (i, line) in session.lines().iter().enumerate() {
        if line.kind() == LineKind::Key {
            ctx.report(
                &KEY_LINE,
                ctx.session_loc(i),
                "obsolete `k=` line at session level",
            );
        }
    }
    for (m, media) in ctx.media() {
        for (i, line) in media.lines().iter().enumerate() {
            if line.kind() == LineKind::Key {
                ctx.report(
                    &KEY_LINE,
                    ctx.media_loc(m, i),
                    format!("obsolete `k=` line in section {}", describe(media, m)),
                );
            }
        }
    }
}

fn check_rtcp_mux_only(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    if media.has_attribute("rtcp-mux") {
        return;
    }
    if let Some((i, _)) = attr_lines(media).find(|(_, l)| l.is_attribute("rtcp-mux-only")) {
        ctx.report_help(
            &RTCP_MUX_ONLY_WITHOUT_MUX,
            ctx.media_loc(m, i),
            format!(
                "`a=rtcp-mux-only` without `a=rtcp-mux` in section {}",
                describe(media, m)
            ),
            "add `a=rtcp-mux` to the section",
        );
    }
}

/// RFC 8827 §6.5 (SRTP only) and RFC 9429 §5.1.2 (the protocols JSEP knows per media type).
fn check_protocol(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    let Some(ml) = ctx.media_line(m) else {
        return;
    };
    let class = classify(ml.proto);
    let loc = mline_part(ctx, m, media, ml.proto);
    let fits = match (ml.media, class) {
        ("audio" | "video", Proto::Rtp) | ("application", Proto::Sctp) => true,
        ("audio" | "video" | "application", _) => false,
        // other media types (text, image...) are answered with port 0 by JSEP; not ours to judge
        _ => true,
    };
    if !fits {
        let expected = if ml.media == "application" {
            "`UDP/DTLS/SCTP`"
        } else {
            "`UDP/TLS/RTP/SAVPF`"
        };
        ctx.report_help(
            &MEDIA_PROTOCOL_MISMATCH,
            loc,
            format!("`{}` section with protocol `{}`", ml.media, ml.proto),
            format!("use {expected} for `{}` in WebRTC", ml.media),
        );
        return;
    }
    if class == Proto::Rtp && !is_secure_rtp(ml.proto) {
        ctx.report_help(
            &INSECURE_RTP_PROFILE,
            loc,
            format!(
                "section {} uses `{}`, which is not SRTP",
                describe(media, m),
                ml.proto
            ),
            "use `UDP/TLS/RTP/SAVPF`",
        );
    }
}

/// Whether an RTP protocol is secure: its profile is SAVP or SAVPF (RFC 3711, RFC 5124).
fn is_secure_rtp(proto: &str) -> bool {
    proto
        .rsplit('/')
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("SAVP") || p.eq_ignore_ascii_case("SAVPF"))
}

/// What a section's transport carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Proto {
    /// RTP, secure or not (`RTP/AVP`, `UDP/TLS/RTP/SAVPF`...).
    Rtp,
    /// SCTP over DTLS (`UDP/DTLS/SCTP`, `TCP/DTLS/SCTP`, legacy `DTLS/SCTP`).
    Sctp,
    /// Anything else, or an unreadable `m=` line.
    Other,
}

/// Classifies a protocol.
pub(crate) fn classify(proto: &str) -> Proto {
    if crate::field::media_line::is_rtp_proto(proto) {
        Proto::Rtp
    } else if ["UDP/DTLS/SCTP", "TCP/DTLS/SCTP", "DTLS/SCTP"]
        .iter()
        .any(|p| proto.eq_ignore_ascii_case(p))
    {
        Proto::Sctp
    } else {
        Proto::Other
    }
}

/// The protocol class of a section.
pub(crate) fn proto_class(ctx: &Ctx<'_, '_>, m: usize) -> Proto {
    ctx.media_line(m)
        .map_or(Proto::Other, |ml| classify(ml.proto))
}

/// Whether the protocol runs over DTLS (and so needs a fingerprint): `UDP/TLS/RTP/...`,
/// `TCP/DTLS/RTP/...`, `.../DTLS/SCTP` (RFC 5764, RFC 8841).
pub(crate) fn is_dtls_proto(proto: &str) -> bool {
    proto
        .split('/')
        .any(|p| p.eq_ignore_ascii_case("TLS") || p.eq_ignore_ascii_case("DTLS"))
}

/// `mid`-based name of a section for messages: ``mid `0` `` or `#2` (1-based) without a mid.
pub(crate) fn describe(media: &Media<'_>, m: usize) -> String {
    match media.mid() {
        Some(mid) => format!("`{mid}`"),
        None => format!("#{}", m + 1),
    }
}

/// The attribute lines of a section with their index in [`Media::lines`].
pub(crate) fn attr_lines<'m, 'a>(
    media: &'m Media<'a>,
) -> impl Iterator<Item = (usize, &'m Line<'a>)> + 'm {
    media
        .lines()
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind() == LineKind::Attribute)
}

/// The location of `part` (a slice of the `m=` line's text) in the `m=` line of section `m`.
pub(crate) fn mline_part(ctx: &Ctx<'_, '_>, m: usize, media: &Media<'_>, part: &str) -> Loc {
    let loc = ctx.mline_loc(m);
    let text = media.line().text();
    let Some(start) = crate::lex::subslice_offset(text, part) else {
        return loc;
    };
    Loc {
        column: text.get(..start).map_or(1, |t| t.chars().count() + 1),
        span: loc
            .span
            .map(|s| Span::new(s.start + start, (s.start + start + part.len()).min(s.end))),
        ..loc
    }
}

/// The BUNDLE groups of a description (RFC 9143 §7): for each, the indices of its sections, in
/// the order of the `a=group:BUNDLE` line (the first is the offerer's tagged section).
#[derive(Debug, Default)]
pub(crate) struct BundleGroups {
    groups: Vec<Vec<usize>>,
    /// Section index to group index.
    member: Vec<(usize, usize)>,
}

impl BundleGroups {
    /// Reads the `a=group:BUNDLE` lines of `session`.
    pub(crate) fn of(session: &Session<'_>) -> Self {
        // mid -> section; the last section with a mid wins (as a map built in order keeps it).
        let by_mid: Vec<(&str, usize)> = session
            .media()
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((m.mid()?, i)))
            .collect();
        let section_of = |mid: &str| {
            by_mid
                .iter()
                .rev()
                .find(|(k, _)| *k == mid)
                .map(|(_, i)| *i)
        };
        let mut out = BundleGroups::default();
        for attr in session.attributes().filter(|a| a.name() == "group") {
            let mut words = attr.value().unwrap_or_default().split_ascii_whitespace();
            if words.next() != Some("BUNDLE") {
                continue;
            }
            let members: Vec<usize> = words.filter_map(section_of).collect();
            let index = out.groups.len();
            for &m in &members {
                // The first group a section is in counts.
                if !out.member.iter().any(|(s, _)| *s == m) {
                    out.member.push((m, index));
                }
            }
            out.groups.push(members);
        }
        out
    }

    /// The sections bundled with section `m` (itself included), if it is in a group.
    pub(crate) fn group_of(&self, m: usize) -> Option<&[usize]> {
        let (_, g) = self.member.iter().find(|(s, _)| *s == m)?;
        self.groups.get(*g).map(Vec::as_slice)
    }

    /// The groups, each as its sections' indices.
    pub(crate) fn groups(&self) -> impl Iterator<Item = &[usize]> + '_ {
        self.groups.iter().map(Vec::as_slice)
    }

    /// Whether section `m` satisfies `has`, by itself or through a non-rejected section of its
    /// BUNDLE group (RFC 8843 §7: transport attributes may sit in the tagged section only).
    pub(crate) fn covered(
        &self,
        ctx: &Ctx<'_, '_>,
        m: usize,
        has: impl Fn(&Media<'_>) -> bool,
    ) -> bool {
        let session = ctx.session();
        let own = session.media().get(m).is_some_and(&has);
        own || self.group_of(m).is_some_and(|g| {
            g.iter().any(|&o| {
                session
                    .media()
                    .get(o)
                    .is_some_and(|s| !ctx.is_rejected(o) && has(s))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::webrtc;
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::{validate, Profile};
    use crate::Session;

    const AUDIO_M: &str = "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126";

    #[test]
    fn fixture_is_clean() {
        assert!(webrtc(fixtures::WEBRTC).is_empty());
    }

    #[test]
    fn sdes_crypto_fires_when_a_section_has_a_crypto_line() {
        let text = edit(
            fixtures::WEBRTC,
            "a=setup:actpass\r\na=mid:0",
            "a=setup:actpass\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\na=mid:0",
        );
        let found = validate(&Session::parse(&text).unwrap(), Profile::Webrtc);
        let d = found.iter().find(|d| d.code() == "SDP0901").unwrap();
        assert_eq!((d.line(), d.column()), (19, 1));
        assert_eq!(d.message(), "`a=crypto` (SDES) in section `0`");
        assert!(codes(&text, Profile::Sip).iter().all(|c| *c != "SDP0901"));
    }

    #[test]
    fn sdes_crypto_is_silent_without_crypto() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0901"));
    }

    #[test]
    fn key_line_fires_when_a_section_has_k() {
        let text = edit(
            fixtures::WEBRTC,
            "c=IN IP4 0.0.0.0\r\na=rtcp:9",
            "c=IN IP4 0.0.0.0\r\nk=clear:secret\r\na=rtcp:9",
        );
        assert!(webrtc(&text).contains(&"SDP0902"));
        let text = edit(fixtures::WEBRTC, "t=0 0\r\n", "t=0 0\r\nk=prompt\r\n");
        assert!(webrtc(&text).contains(&"SDP0902"));
    }

    #[test]
    fn key_line_is_silent_outside_webrtc() {
        let text = edit(fixtures::SIP, "t=0 0\r\n", "t=0 0\r\nk=prompt\r\n");
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0902"));
    }

    #[test]
    fn rtcp_mux_only_without_rtcp_mux_fires_when_mux_is_missing() {
        let text = edit(
            fixtures::WEBRTC,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111",
            "a=rtcp-mux-only\r\na=rtcp-rsize\r\na=rtpmap:111",
        );
        let found = validate(&Session::parse(&text).unwrap(), Profile::Webrtc);
        let d = found.iter().find(|d| d.code() == "SDP0903").unwrap();
        assert_eq!(d.line(), 24);
        assert!(d.message().contains("section `0`"), "{}", d.message());
        let sip = edit(fixtures::SIP, "a=sendrecv", "a=sendrecv\r\na=rtcp-mux-only");
        assert!(codes(&sip, Profile::Sip).contains(&"SDP0903"));
    }

    #[test]
    fn rtcp_mux_only_without_rtcp_mux_is_silent_with_both() {
        let text = edit(
            fixtures::WEBRTC,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111",
            "a=rtcp-mux\r\na=rtcp-mux-only\r\na=rtcp-rsize\r\na=rtpmap:111",
        );
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn insecure_rtp_profile_fires_when_audio_is_plain_rtp() {
        let text = edit(fixtures::WEBRTC, AUDIO_M, "m=audio 9 RTP/AVPF 111 63 0 126");
        let found = validate(&Session::parse(&text).unwrap(), Profile::Webrtc);
        let d = found.iter().find(|d| d.code() == "SDP0904").unwrap();
        assert_eq!((d.line(), d.column()), (8, 11));
        assert_eq!(
            d.message(),
            "section `0` uses `RTP/AVPF`, which is not SRTP"
        );
    }

    #[test]
    fn insecure_rtp_profile_is_silent_for_savpf_variants() {
        let text = edit(
            fixtures::WEBRTC,
            AUDIO_M,
            "m=audio 9 RTP/SAVPF 111 63 0 126",
        );
        assert!(!webrtc(&text).contains(&"SDP0904"));
        assert!(!codes(fixtures::SIP, Profile::Sip).contains(&"SDP0904"));
    }

    #[test]
    fn media_protocol_mismatch_fires_when_video_uses_sctp_or_an_unknown_proto() {
        let text = edit(
            fixtures::WEBRTC,
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 35",
            "m=video 9 UDP/DTLS/SCTP 120",
        );
        assert!(webrtc(&text).contains(&"SDP0905"));
        let text = edit(
            fixtures::WEBRTC,
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 35",
            "m=video 9 SOMETHING 120",
        );
        assert!(webrtc(&text).contains(&"SDP0905"));
        let text = edit(
            fixtures::WEBRTC,
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
            "m=application 9 RTP/SAVPF 100",
        );
        assert!(webrtc(&text).contains(&"SDP0905"));
    }

    #[test]
    fn media_protocol_mismatch_is_silent_for_matching_pairs() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0905"));
    }

    #[test]
    fn missing_rtcp_mux_fires_when_an_unbundled_rtp_section_lacks_it() {
        let text = edit(fixtures::WEBRTC, "a=group:BUNDLE 0 1 2\r\n", "");
        let text = edit(
            &text,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111",
            "a=rtcp-rsize\r\na=rtpmap:111",
        );
        let found = validate(&Session::parse(&text).unwrap(), Profile::Webrtc);
        let d = found.iter().find(|d| d.code() == "SDP0906").unwrap();
        assert_eq!(d.line(), 7);
    }

    #[test]
    fn missing_rtcp_mux_is_silent_for_bundled_followers() {
        let text = edit(
            fixtures::WEBRTC,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:96",
            "a=rtcp-rsize\r\na=rtpmap:96",
        );
        assert!(!webrtc(&text).contains(&"SDP0906"));
    }
}
