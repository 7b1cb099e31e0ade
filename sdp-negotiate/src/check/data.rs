//! F31: data channel sections (A25, A26; RFC 8841).

use sdp_core::attr::sctp::{SctpPort, Sctpmap};
use sdp_core::{Media, TypedAttribute};

use super::{is_sctp, Ctx, Report};

/// Which SDP form of the data channel a section uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// RFC 8841: `UDP/DTLS/SCTP webrtc-datachannel` with `a=sctp-port`.
    Modern,
    /// draft-ietf-mmusic-sctp-sdp-05: `DTLS/SCTP <port>` with `a=sctpmap`.
    Legacy,
}

/// Legacy for the `DTLS/SCTP` protocol, or an `a=sctpmap` with a port as the format; an
/// `a=sctpmap` beside the modern `webrtc-datachannel` format does not make the offer legacy:
/// JSEP §5.3.1 has the answer repeat that format (A25).
fn offer_form(media: &Media<'_>) -> Form {
    let legacy_proto = media
        .media_line()
        .is_some_and(|l| l.proto.eq_ignore_ascii_case("DTLS/SCTP"));
    let modern_fmt = formats(media).first() == Some(&"webrtc-datachannel");
    if legacy_proto || (media.has_attribute(Sctpmap::NAME) && !modern_fmt) {
        Form::Legacy
    } else {
        Form::Modern
    }
}

fn formats<'s>(media: &'s Media<'_>) -> Vec<&'s str> {
    media
        .media_line()
        .map(|l| l.formats().collect())
        .unwrap_or_default()
}

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    for pair in ctx.accepted().filter(|p| is_sctp(p.offer)) {
        let i = Some(pair.index);
        let (offered, answered) = (formats(pair.offer), formats(pair.answer));
        let has_port = pair.answer.has_attribute(SctpPort::NAME);
        let has_map = pair.answer.has_attribute(Sctpmap::NAME);
        match offer_form(pair.offer) {
            Form::Modern => {
                // A25: same fmt (JSEP §5.3.1), a=sctp-port (RFC 8841 §5).
                if offered != answered {
                    report.error(
                        "F31",
                        i,
                        format!(
                            "data section fmt `{}` differs from the offer's `{}`",
                            answered.join(" "),
                            offered.join(" ")
                        ),
                    );
                }
                if has_map {
                    report.error(
                        "F31",
                        i,
                        "legacy `a=sctpmap` answers a modern (RFC 8841) data channel offer"
                            .to_owned(),
                    );
                }
                if !has_port {
                    report.error("F31", i, "`a=sctp-port` is missing".to_owned());
                }
            }
            Form::Legacy => {
                // A26: fmt is our SCTP port, described by `a=sctpmap:<port>`.
                let port = answered.first().and_then(|f| f.parse::<u16>().ok());
                let Some(port) = port else {
                    report.error(
                        "F31",
                        i,
                        format!(
                            "data section fmt `{}` is not an SCTP port as the legacy offer's \
                             `{}`",
                            answered.join(" "),
                            offered.join(" ")
                        ),
                    );
                    continue;
                };
                if has_port && !has_map {
                    report.error(
                        "F31",
                        i,
                        "modern `a=sctp-port` answers a legacy (`a=sctpmap`) data channel offer"
                            .to_owned(),
                    );
                } else if !pair.answer.typed::<Sctpmap>().any(|m| m.number == port) {
                    report.error(
                        "F31",
                        i,
                        format!("`a=sctpmap:{port}` is missing for the legacy data channel"),
                    );
                }
            }
        }
    }
}
