//! Data channel rules (`SDP08xx`): `a=sctp-port`, `a=max-message-size` and the legacy
//! `a=sctpmap` form (RFC 8841, draft-ietf-mmusic-sctp-sdp-05).

use crate::attr::sctp::{MaxMessageSize, SctpPort};
use crate::attr::TypedAttribute;
use crate::media::Media;
use crate::validate::rules::webrtc::{attr_lines, describe, mline_part};
use crate::validate::{lints, Ctx};

lints! {
    SCTP_PORT_ZERO = "SDP0801" "sctp-port-zero" Error [all] "RFC 8841 §5.2",
        title: "`a=sctp-port:0`",
        explanation: "`a=sctp-port` gives the SCTP port of the data channel association. SCTP reserves port 0 (RFC 9260 §3.1), so no association can use it; the data channels of the section never open.",
        wrong: "a=sctp-port:0",
        right: "a=sctp-port:5000";
    MAX_MESSAGE_SIZE_UNLIMITED = "SDP0802" "max-message-size-unlimited" Info [all] "RFC 8841 §6",
        title: "`a=max-message-size:0` (no limit)",
        explanation: "A maximum message size of 0 means the endpoint accepts messages of any size. That is legal, but the sender then has no limit to respect, and a very large message can exhaust the receiver's memory; most endpoints announce a finite size (256 KiB in Chrome and Firefox).",
        wrong: "a=max-message-size:0",
        right: "a=max-message-size:262144";
    LEGACY_DATA_CHANNEL = "SDP0803" "legacy-data-channel" Warning [Webrtc] "RFC 8841 §4",
        title: "data channel section in the legacy `DTLS/SCTP` + `a=sctpmap` form",
        explanation: "Before RFC 8841, data channels were described as `m=application <port> DTLS/SCTP 5000` with `a=sctpmap:5000 webrtc-datachannel <streams>` (draft-ietf-mmusic-sctp-sdp-05). Current browsers send `UDP/DTLS/SCTP webrtc-datachannel` with `a=sctp-port` and still accept the old form, but newer stacks may not.",
        wrong: "m=application 9 DTLS/SCTP 5000\na=sctpmap:5000 webrtc-datachannel 1024",
        right: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=sctp-port:5000";
    MIXED_DATA_CHANNEL_FORMS = "SDP0804" "mixed-data-channel-forms" Error [all] "RFC 8841 §4",
        title: "legacy `a=sctpmap` mixed with the RFC 8841 form",
        explanation: "`a=sctpmap` belongs to the legacy `DTLS/SCTP <port>` form only. Beside `a=sctp-port`, or in a `UDP/DTLS/SCTP` or `TCP/DTLS/SCTP` section whose format is `webrtc-datachannel`, it gives the SCTP port twice, and parsers disagree on which one wins.",
        wrong: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=sctpmap:5000 webrtc-datachannel 1024",
        right: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=sctp-port:5000";
    MISSING_SCTP_PORT = "SDP0805" "missing-sctp-port" Info [Webrtc] "RFC 8841 §5.2",
        title: "data channel section without `a=sctp-port`",
        explanation: "Without `a=sctp-port`, the SCTP port defaults to 5000. Every browser uses 5000, so the default works; the attribute makes it explicit and is what JSEP endpoints send.",
        wrong: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2",
        right: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2\na=sctp-port:5000";
    UNKNOWN_SCTP_FORMAT = "SDP0806" "unknown-sctp-format" Error [Webrtc] "RFC 8841 §4",
        title: "SCTP section whose format is not `webrtc-datachannel`",
        explanation: "In `UDP/DTLS/SCTP` and `TCP/DTLS/SCTP` sections, the format names the SCTP association usage; WebRTC knows only `webrtc-datachannel` (RFC 8864). A port number there is the legacy form with the new protocol name, and browsers refuse the section.",
        wrong: "m=application 9 UDP/DTLS/SCTP 5000",
        right: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    for (m, media) in ctx.media() {
        check_values(ctx, m, media);
        if ctx.is_rejected_media(media) {
            continue;
        }
        check_form(ctx, m, media);
    }
}

/// RFC 8841 §5.2 (port 0) and §6 (size 0 is unlimited).
fn check_values(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    let attrs = ctx.attrs();
    for (i, attr) in attrs.all(Some(m)) {
        let Some(line) = media.lines().get(i) else {
            continue;
        };
        // The value's location, computed only when a finding is reported.
        let loc = |ctx: &Ctx<'_, '_>| {
            let value_len = attr.value().map_or(0, str::len);
            ctx.media_loc(m, i).in_value(line, 0, value_len)
        };
        match attr.name() {
            SctpPort::NAME => {
                if let Some(Ok(SctpPort(0))) = attr.parse_as::<SctpPort>() {
                    ctx.report_help(
                        &SCTP_PORT_ZERO,
                        loc(ctx),
                        format!("`a=sctp-port:0` in section {}", describe(media, m)),
                        "use `a=sctp-port:5000`",
                    );
                }
            }
            MaxMessageSize::NAME
                if attr
                    .parse_as::<MaxMessageSize>()
                    .and_then(Result::ok)
                    .is_some_and(|s| s.is_unlimited()) =>
            {
                ctx.report(
                    &MAX_MESSAGE_SIZE_UNLIMITED,
                    loc(ctx),
                    format!(
                        "section {} accepts messages of any size",
                        describe(media, m)
                    ),
                );
            }
            _ => {}
        }
    }
}

/// RFC 8841 §4 and §5.2: the form of the data channel section.
fn check_form(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    let Some(ml) = ctx.media_line(m) else {
        return;
    };
    let legacy_proto = ml.proto.eq_ignore_ascii_case("DTLS/SCTP");
    let new_proto = ml.proto.eq_ignore_ascii_case("UDP/DTLS/SCTP")
        || ml.proto.eq_ignore_ascii_case("TCP/DTLS/SCTP");
    let sctpmap = attr_lines(media).find(|(_, l)| l.is_attribute("sctpmap"));
    let has_port = media.has_attribute("sctp-port");

    if let Some((i, _)) = sctpmap {
        if has_port || new_proto {
            let with = if has_port {
                "`a=sctp-port`".to_owned()
            } else {
                format!("protocol `{}`", ml.proto)
            };
            ctx.report_help(
                &MIXED_DATA_CHANNEL_FORMS,
                ctx.media_loc(m, i),
                format!(
                    "`a=sctpmap` together with {with} in section {}",
                    describe(media, m)
                ),
                "use `UDP/DTLS/SCTP webrtc-datachannel` with `a=sctp-port` only",
            );
            return;
        }
    }
    if legacy_proto || sctpmap.is_some() {
        let loc = match sctpmap {
            Some((i, _)) if !legacy_proto => ctx.media_loc(m, i),
            _ => mline_part(ctx, m, media, ml.proto),
        };
        ctx.report_help(
            &LEGACY_DATA_CHANNEL,
            loc,
            format!(
                "section {} uses the legacy data channel form",
                describe(media, m)
            ),
            "use `m=application 9 UDP/DTLS/SCTP webrtc-datachannel` with `a=sctp-port:5000`",
        );
        return;
    }
    if !new_proto {
        return;
    }
    // RFC 8841 §4: the format is the association usage, `webrtc-datachannel` for WebRTC
    if let Some(bad) = ml.formats().find(|f| *f != "webrtc-datachannel") {
        ctx.report_help(
            &UNKNOWN_SCTP_FORMAT,
            mline_part(ctx, m, media, bad),
            format!("`{}` section with format `{bad}`", ml.proto),
            "use the format `webrtc-datachannel`",
        );
    }
    // RFC 8841 §5.2: without the attribute the port is 5000
    if !has_port {
        ctx.report_help(
            &MISSING_SCTP_PORT,
            ctx.mline_loc(m),
            format!(
                "section {} has no `a=sctp-port` (5000 is assumed)",
                describe(media, m)
            ),
            "add `a=sctp-port:5000`",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    const DATA_M: &str = "m=application 9 UDP/DTLS/SCTP webrtc-datachannel";

    fn legacy() -> String {
        let text = edit(fixtures::WEBRTC, DATA_M, "m=application 9 DTLS/SCTP 5000");
        edit(
            &text,
            "a=sctp-port:5000",
            "a=sctpmap:5000 webrtc-datachannel 1024",
        )
    }

    #[test]
    fn fixture_is_clean() {
        assert!(webrtc(fixtures::WEBRTC).is_empty());
    }

    #[test]
    fn sctp_port_zero_fires_for_port_zero() {
        let text = edit(fixtures::WEBRTC, "a=sctp-port:5000", "a=sctp-port:0");
        let d = find(&text, "SDP0801");
        assert_eq!((d.line(), d.column()), (78, 13));
        assert_eq!(d.message(), "`a=sctp-port:0` in section `2`");
    }

    #[test]
    fn sctp_port_zero_is_silent_for_5000() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0801"));
    }

    #[test]
    fn max_message_size_unlimited_fires_for_zero() {
        let text = edit(
            fixtures::WEBRTC,
            "a=max-message-size:262144",
            "a=max-message-size:0",
        );
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0802"));
    }

    #[test]
    fn max_message_size_unlimited_is_silent_for_a_limit() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0802"));
    }

    #[test]
    fn legacy_data_channel_fires_for_dtls_sctp_with_sctpmap() {
        let d = find(&legacy(), "SDP0803");
        assert_eq!((d.line(), d.column()), (70, 17));
        assert_eq!(legacy_codes(), ["SDP0803"]);
    }

    fn legacy_codes() -> Vec<&'static str> {
        webrtc(&legacy())
    }

    #[test]
    fn legacy_data_channel_is_silent_for_the_rfc_8841_form() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0803"));
    }

    #[test]
    fn mixed_data_channel_forms_fires_when_sctpmap_sits_beside_sctp_port() {
        let text = edit(
            fixtures::WEBRTC,
            "a=sctp-port:5000",
            "a=sctp-port:5000\r\na=sctpmap:5000 webrtc-datachannel 1024",
        );
        let d = find(&text, "SDP0804");
        assert_eq!(d.line(), 79);
        let text = edit(
            fixtures::WEBRTC,
            "a=sctp-port:5000",
            "a=sctpmap:5000 webrtc-datachannel 1024",
        );
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0804"));
    }

    #[test]
    fn mixed_data_channel_forms_is_silent_for_the_legacy_form() {
        assert!(!webrtc(&legacy()).contains(&"SDP0804"));
    }

    #[test]
    fn missing_sctp_port_fires_when_the_attribute_is_absent() {
        let text = edit(fixtures::WEBRTC, "a=sctp-port:5000\r\n", "");
        let d = find(&text, "SDP0805");
        assert_eq!(d.line(), 70);
    }

    #[test]
    fn missing_sctp_port_is_silent_with_sctp_port() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0805"));
    }

    #[test]
    fn unknown_sctp_format_fires_for_a_port_number_format() {
        let text = edit(
            fixtures::WEBRTC,
            DATA_M,
            "m=application 9 UDP/DTLS/SCTP 5000",
        );
        let d = find(&text, "SDP0806");
        assert_eq!((d.line(), d.column()), (70, 31));
        assert_eq!(d.message(), "`UDP/DTLS/SCTP` section with format `5000`");
    }

    #[test]
    fn unknown_sctp_format_is_silent_for_webrtc_datachannel() {
        let text = edit(
            fixtures::WEBRTC,
            DATA_M,
            "m=application 9 TCP/DTLS/SCTP webrtc-datachannel",
        );
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }
}
