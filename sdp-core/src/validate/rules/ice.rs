//! ICE rules (`SDP03xx`): credentials, candidates and options (RFC 8839, RFC 6544, RFC 8858).

use crate::attr::ice::{
    Candidate, CandidateTransport, CandidateType, IceOptions, IcePwd, IceUfrag,
};
use crate::attr::{Attribute, TypedAttribute};
use crate::line::Line;
use crate::validate::rules::bundle::offset_of;
use crate::validate::rules::webrtc::{describe, BundleGroups};
use crate::validate::{lints, Ctx, Loc};

lints! {
    ICE_UFRAG_LENGTH = "SDP0301" "ice-ufrag-length" Error [all] "RFC 8839 §5.4",
        title: "`a=ice-ufrag` is not 4 to 256 characters long",
        explanation: "The ICE username fragment must have between 4 and 256 characters. libwebrtc refuses a remote description with a shorter or longer one when it applies it, and other agents may truncate or reject it.",
        wrong: "a=ice-ufrag:ab",
        right: "a=ice-ufrag:vsCn";
    ICE_PWD_LENGTH = "SDP0302" "ice-pwd-length" Error [all] "RFC 8839 §5.4",
        title: "`a=ice-pwd` is not 22 to 256 characters long",
        explanation: "The ICE password must have between 22 and 256 characters: it keys the STUN message integrity of the connectivity checks, and a short one weakens them. libwebrtc refuses a remote description with a password outside this range.",
        wrong: "a=ice-pwd:secret",
        right: "a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf";
    ICE_CREDENTIAL_CHARS = "SDP0303" "ice-credential-chars" Warning [all] "RFC 8839 §5.4",
        title: "ICE credential with characters outside `ice-char`",
        explanation: "`a=ice-ufrag` and `a=ice-pwd` may only hold letters, digits, `+` and `/`. Stacks are lenient here (Firefox refuses only `$`, because Google Meet sends `=` in passwords), so this is a warning; but `:` breaks the STUN username, which joins both fragments with a colon, and stricter peers refuse the rest.",
        wrong: "a=ice-ufrag:ufrag_voice",
        right: "a=ice-ufrag:ufragVoice";
    MISSING_ICE_CREDENTIALS = "SDP0304" "missing-ice-credentials" Error [Webrtc] "RFC 8839 §5.4",
        title: "section without ICE credentials",
        explanation: "Every WebRTC transport is set up with ICE, so each section that is not rejected needs `a=ice-ufrag` and `a=ice-pwd`, in the section, at session level, or in another section of its BUNDLE group. Without them the peer cannot answer connectivity checks and refuses the description.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=ice-ufrag:vsCn\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\na=mid:0";
    RTCP_CANDIDATE_WITH_MUX_ONLY = "SDP0305" "rtcp-candidate-with-mux-only" Warning [all] "RFC 8858 §6",
        title: "RTCP candidate in a section with `a=rtcp-mux-only`",
        explanation: "A section with `a=rtcp-mux-only` can only send RTCP on the RTP port, so it has no separate RTCP component and should not list candidates with component id 2. The peer ignores them, but they show that the candidates were gathered for another configuration.",
        wrong: "a=rtcp-mux\na=rtcp-mux-only\na=candidate:1 2 udp 2122260222 192.0.2.10 54322 typ host",
        right: "a=rtcp-mux\na=rtcp-mux-only\na=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host";
    CANDIDATE_PRIORITY_RANGE = "SDP0306" "candidate-priority-range" Warning [all] "RFC 8839 §5.1",
        title: "candidate priority outside 1 to 2^31-1",
        explanation: "A candidate's priority is a positive number below 2^31, computed from its type, local preference and component (RFC 8445 §5.1.2). A zero or larger priority is not one an ICE agent computes; it skews the pairing order, and strict agents drop the candidate.",
        wrong: "a=candidate:1 1 udp 0 192.0.2.10 54321 typ host",
        right: "a=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host";
    CANDIDATE_MISSING_RELATED_ADDRESS = "SDP0307" "candidate-missing-related-address" Warning [all] "RFC 8839 §5.1",
        title: "reflexive or relayed candidate without `raddr`/`rport`",
        explanation: "RFC 8839 requires the related address and port on server-reflexive, peer-reflexive and relayed candidates. ICE does not use them to connect, and libwebrtc accepts candidates without them, so this is a warning; browsers that hide addresses send `raddr 0.0.0.0 rport 0` rather than leaving them out.",
        wrong: "a=candidate:2 1 udp 1686052607 203.0.113.77 54327 typ srflx",
        right: "a=candidate:2 1 udp 1686052607 203.0.113.77 54327 typ srflx raddr 0.0.0.0 rport 0";
    TCP_CANDIDATE_WITHOUT_TCPTYPE = "SDP0308" "tcp-candidate-without-tcptype" Warning [all] "RFC 6544 §4.5",
        title: "TCP candidate without `tcptype`",
        explanation: "A TCP candidate must say whether it opens connections (`active`), accepts them (`passive`) or both (`so`). Without `tcptype` the peer cannot pair it correctly and usually ignores it.",
        wrong: "a=candidate:3 1 tcp 1518280447 192.0.2.10 9 typ host",
        right: "a=candidate:3 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active";
    UNKNOWN_ICE_OPTION = "SDP0309" "unknown-ice-option" Info [all] "RFC 8839 §5.6",
        title: "unknown ICE option",
        explanation: "`a=ice-options` lists ICE extensions the agent supports. Known ones are `trickle` (RFC 8840), `ice2` (RFC 8445), `rtp+ecn` (RFC 6679), `renomination` and Google's legacy `google-ice`. A peer ignores options it does not know, so an unknown one is only worth a look (a typo disables the extension).",
        wrong: "a=ice-options:trikle",
        right: "a=ice-options:trickle";
}

/// The ICE options this crate knows.
const KNOWN_ICE_OPTIONS: [&str; 5] = ["trickle", "ice2", "rtp+ecn", "renomination", "google-ice"];

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let attrs = ctx.attrs();
    for (i, attr) in attrs.all(None) {
        let Some(line) = session.lines().get(i) else {
            continue;
        };
        let loc = ctx.session_loc(i);
        check_attribute_line(ctx, loc, line, attr, None);
    }
    let groups = BundleGroups::of(session);
    let session_ufrag = session.has_attribute("ice-ufrag");
    let session_pwd = session.has_attribute("ice-pwd");
    for (m, media) in ctx.media() {
        let mux_only = media.has_attribute("rtcp-mux-only");
        for (i, attr) in attrs.all(Some(m)) {
            let Some(line) = media.lines().get(i) else {
                continue;
            };
            let loc = ctx.media_loc(m, i);
            check_attribute_line(ctx, loc, line, attr, Some(mux_only));
        }
        if ctx.is_rejected_media(media) {
            continue;
        }
        // RFC 8839 §5.4: ufrag and pwd are mandatory; JSEP (RFC 9429 §5.2.1) puts them in each
        // section, RFC 8843 §7 lets bundled sections rely on the tagged one
        let ufrag = session_ufrag || groups.covered(ctx, m, |s| s.has_attribute("ice-ufrag"));
        let pwd = session_pwd || groups.covered(ctx, m, |s| s.has_attribute("ice-pwd"));
        let missing = match (ufrag, pwd) {
            (true, true) => continue,
            (false, false) => "`a=ice-ufrag` and `a=ice-pwd`",
            (false, true) => "`a=ice-ufrag`",
            (true, false) => "`a=ice-pwd`",
        };
        ctx.report_help(
            &MISSING_ICE_CREDENTIALS,
            ctx.mline_loc(m),
            format!("section {} has no {missing}", describe(media, m)),
            "add the ICE credentials to the section (or at session level)",
        );
    }
}

/// The checks on one attribute line; `mux_only` is `Some` in a media section, telling whether
/// it has `a=rtcp-mux-only`. `attr` is `line` as an attribute.
fn check_attribute_line(
    ctx: &mut Ctx<'_, '_>,
    loc: Loc,
    line: &Line<'_>,
    attr: Attribute<'_>,
    mux_only: Option<bool>,
) {
    let value = attr.value();
    match attr.name() {
        IceUfrag::NAME => {
            if let Some(Ok(u)) = attr.parse_as::<IceUfrag>() {
                check_credential(
                    ctx,
                    loc,
                    line,
                    "ice-ufrag",
                    u.as_str(),
                    u.is_valid_length(),
                    u.has_only_ice_chars(),
                );
            }
        }
        IcePwd::NAME => {
            if let Some(Ok(p)) = attr.parse_as::<IcePwd>() {
                check_credential(
                    ctx,
                    loc,
                    line,
                    "ice-pwd",
                    p.as_str(),
                    p.is_valid_length(),
                    p.has_only_ice_chars(),
                );
            }
        }
        IceOptions::NAME => {
            if let Some(Ok(o)) = attr.parse_as::<IceOptions>() {
                for tag in o.iter().filter(|t| !KNOWN_ICE_OPTIONS.contains(t)) {
                    // RFC 8839 §5.6: unknown options are ignored by the peer
                    let at = value.map_or(0, |v| offset_of(v, tag));
                    ctx.report(
                        &UNKNOWN_ICE_OPTION,
                        loc.in_value(line, at, tag.len()),
                        format!("unknown ICE option `{tag}`"),
                    );
                }
            }
        }
        Candidate::NAME => {
            if let (Some(Ok(c)), Some(mux_only)) = (attr.parse_as::<Candidate>(), mux_only) {
                check_candidate(ctx, loc, line, &c, mux_only);
            }
        }
        _ => {}
    }
}

/// RFC 8839 §5.4: `ufrag = 4*256ice-char`, `password = 22*256ice-char`.
#[allow(clippy::too_many_arguments)]
fn check_credential(
    ctx: &mut Ctx<'_, '_>,
    loc: Loc,
    line: &Line<'_>,
    name: &str,
    text: &str,
    length_ok: bool,
    chars_ok: bool,
) {
    let at = loc.in_value(line, 0, text.len());
    if !length_ok {
        let (lint, range) = if name == "ice-ufrag" {
            (&ICE_UFRAG_LENGTH, "4 to 256")
        } else {
            (&ICE_PWD_LENGTH, "22 to 256")
        };
        ctx.report_help(
            lint,
            at,
            format!("`a={name}` has {} characters", text.chars().count()),
            format!("use {range} letters, digits, `+` or `/`"),
        );
    }
    if !chars_ok {
        let bad: String = text
            .chars()
            .filter(|c| !crate::attr::ice::is_ice_char(*c))
            .take(1)
            .collect();
        ctx.report_help(
            &ICE_CREDENTIAL_CHARS,
            at,
            format!("`a={name}` contains `{bad}`, which is not an ice-char"),
            "use only letters, digits, `+` and `/`",
        );
    }
}

/// RFC 8839 §5.1 (priority, related address), RFC 6544 §4.5 (tcptype),
/// RFC 8858 §6 (no RTCP candidates with rtcp-mux-only).
fn check_candidate(
    ctx: &mut Ctx<'_, '_>,
    loc: Loc,
    line: &Line<'_>,
    c: &Candidate<'_>,
    mux_only: bool,
) {
    // the component id range (1-256, RFC 8839 §5.1) is checked by the parser (SDP0013)
    if c.component() == 2 && mux_only {
        ctx.report_help(
            &RTCP_CANDIDATE_WITH_MUX_ONLY,
            loc,
            format!(
                "candidate `{}` is for RTCP (component 2) but the section has `a=rtcp-mux-only`",
                c.foundation()
            ),
            "drop the RTCP candidates",
        );
    }
    let priority = c.priority();
    if priority == 0 || priority > 0x7fff_ffff {
        ctx.report(
            &CANDIDATE_PRIORITY_RANGE,
            loc,
            format!("candidate `{}` has priority {priority}", c.foundation()),
        );
    }
    let derived = matches!(
        c.kind(),
        CandidateType::Srflx | CandidateType::Prflx | CandidateType::Relay
    );
    if derived && (c.related_address().is_none() || c.related_port().is_none()) {
        ctx.report_help(
            &CANDIDATE_MISSING_RELATED_ADDRESS,
            loc,
            format!(
                "`{}` candidate `{}` has no `raddr`/`rport`",
                c.kind_str(),
                c.foundation()
            ),
            "add `raddr 0.0.0.0 rport 0` if the base address is to stay hidden",
        );
    }
    if c.transport() == CandidateTransport::Tcp && c.extension("tcptype").is_none() {
        ctx.report_help(
            &TCP_CANDIDATE_WITHOUT_TCPTYPE,
            loc.in_value(
                line,
                0,
                line.as_attribute()
                    .and_then(|a| a.value())
                    .map_or(0, str::len),
            ),
            format!("TCP candidate `{}` has no `tcptype`", c.foundation()),
            "add `tcptype active`, `tcptype passive` or `tcptype so`",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    const HOST: &str = "a=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host generation 0";

    #[test]
    fn fixture_is_clean() {
        assert!(webrtc(fixtures::WEBRTC).is_empty());
    }

    #[test]
    fn ice_ufrag_length_fires_when_the_ufrag_is_too_short() {
        let text = edit(fixtures::WEBRTC, "a=ice-ufrag:vsCn", "a=ice-ufrag:vsC");
        let d = find(&text, "SDP0301");
        assert_eq!((d.line(), d.column()), (14, 13));
        assert_eq!(d.message(), "`a=ice-ufrag` has 3 characters");
    }

    #[test]
    fn ice_ufrag_length_is_silent_at_four_characters() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0301"));
    }

    #[test]
    fn ice_pwd_length_fires_when_the_password_is_too_short() {
        let text = edit(
            fixtures::WEBRTC,
            "a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf",
            "a=ice-pwd:pwd",
        );
        assert!(webrtc(&text).contains(&"SDP0302"));
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0302"));
    }

    #[test]
    fn ice_pwd_length_is_silent_at_twenty_two_characters() {
        let text = edit(
            fixtures::WEBRTC,
            "a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf",
            "a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqI",
        );
        assert!(!webrtc(&text).contains(&"SDP0302"));
    }

    #[test]
    fn ice_credential_chars_fires_when_the_ufrag_has_an_underscore() {
        let text = edit(fixtures::WEBRTC, "a=ice-ufrag:vsCn", "a=ice-ufrag:vs_Cn");
        let d = find(&text, "SDP0303");
        assert_eq!(
            d.message(),
            "`a=ice-ufrag` contains `_`, which is not an ice-char"
        );
    }

    #[test]
    fn ice_credential_chars_is_silent_for_plus_and_slash() {
        let text = edit(fixtures::WEBRTC, "a=ice-ufrag:vsCn", "a=ice-ufrag:v+C/");
        assert!(!webrtc(&text).contains(&"SDP0303"));
    }

    #[test]
    fn missing_ice_credentials_fires_when_an_unbundled_section_has_none() {
        let text = edit(fixtures::WEBRTC, "a=group:BUNDLE 0 1 2\r\n", "");
        let text = edit(
            &text,
            "a=ice-ufrag:vsCn\r\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n",
            "",
        );
        let d = find(&text, "SDP0304");
        assert_eq!(d.line(), 7);
        assert_eq!(
            d.message(),
            "section `0` has no `a=ice-ufrag` and `a=ice-pwd`"
        );
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0304"));
    }

    #[test]
    fn missing_ice_credentials_fires_when_the_whole_bundle_lacks_them() {
        let text = fixtures::WEBRTC.replace("a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n", "");
        assert_eq!(webrtc(&text).iter().filter(|c| **c == "SDP0304").count(), 3);
    }

    #[test]
    fn missing_ice_credentials_is_silent_for_bundled_followers_and_session_level() {
        let creds = "a=ice-ufrag:vsCn\r\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\na=ice-options:trickle\r\na=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\r\na=setup:actpass\r\na=mid:1";
        let text = edit(fixtures::WEBRTC, creds, "a=ice-options:trickle\r\na=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\r\na=setup:actpass\r\na=mid:1");
        assert!(!webrtc(&text).contains(&"SDP0304"));
        let session_level = fixtures::WEBRTC
            .replace(
                "a=ice-ufrag:vsCn\r\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n",
                "",
            )
            .replace(
                "t=0 0\r\n",
                "t=0 0\r\na=ice-ufrag:vsCn\r\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n",
            );
        assert!(
            webrtc(&session_level).is_empty(),
            "{:?}",
            webrtc(&session_level)
        );
    }

    #[test]
    fn rtcp_candidates_are_fine_without_mux_only() {
        let text = edit(
            fixtures::WEBRTC,
            HOST,
            "a=candidate:1 2 udp 2122260222 192.0.2.10 54322 typ host generation 0",
        );
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn rtcp_candidate_with_mux_only_fires_when_component_two_and_mux_only() {
        let text = edit(
            fixtures::WEBRTC,
            HOST,
            "a=candidate:1 2 udp 2122260222 192.0.2.10 54322 typ host generation 0",
        );
        let text = edit(
            &text,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111",
            "a=rtcp-mux\r\na=rtcp-mux-only\r\na=rtcp-rsize\r\na=rtpmap:111",
        );
        assert!(webrtc(&text).contains(&"SDP0305"));
    }

    #[test]
    fn rtcp_candidate_with_mux_only_is_silent_for_rtp_candidates() {
        let text = edit(
            fixtures::WEBRTC,
            "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:111",
            "a=rtcp-mux\r\na=rtcp-mux-only\r\na=rtcp-rsize\r\na=rtpmap:111",
        );
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn candidate_priority_range_fires_when_priority_is_zero() {
        let text = edit(
            fixtures::WEBRTC,
            HOST,
            "a=candidate:1 1 udp 0 192.0.2.10 54321 typ host generation 0",
        );
        assert!(webrtc(&text).contains(&"SDP0306"));
    }

    #[test]
    fn candidate_priority_range_is_silent_for_browser_priorities() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0306"));
    }

    #[test]
    fn candidate_missing_related_address_fires_when_srflx_has_no_raddr() {
        let text = edit(
            fixtures::WEBRTC,
            " typ srflx raddr 192.0.2.10 rport 54321",
            " typ srflx generation 0",
        );
        let d = find(&text, "SDP0307");
        assert_eq!(d.message(), "`srflx` candidate `2` has no `raddr`/`rport`");
    }

    #[test]
    fn candidate_missing_related_address_is_silent_for_hidden_base() {
        let text = edit(
            fixtures::WEBRTC,
            " typ srflx raddr 192.0.2.10 rport 54321",
            " typ srflx raddr 0.0.0.0 rport 0",
        );
        assert!(!webrtc(&text).contains(&"SDP0307"));
    }

    #[test]
    fn tcp_candidate_without_tcptype_fires_when_tcptype_is_missing() {
        let text = edit(fixtures::WEBRTC, " typ host tcptype active", " typ host");
        let d = find(&text, "SDP0308");
        assert_eq!((d.line(), d.column()), (13, 13));
    }

    #[test]
    fn tcp_candidate_without_tcptype_is_silent_with_tcptype() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0308"));
    }

    #[test]
    fn unknown_ice_option_fires_for_a_typo() {
        let text = edit(
            fixtures::WEBRTC,
            "a=ice-options:trickle",
            "a=ice-options:trickle trikle",
        );
        let d = find(&text, "SDP0309");
        assert_eq!((d.line(), d.column()), (16, 23));
        assert_eq!(d.message(), "unknown ICE option `trikle`");
    }

    #[test]
    fn unknown_ice_option_is_silent_for_known_options() {
        let text = edit(
            fixtures::WEBRTC,
            "a=ice-options:trickle",
            "a=ice-options:trickle ice2 renomination google-ice",
        );
        assert!(webrtc(&text).is_empty());
    }
}
