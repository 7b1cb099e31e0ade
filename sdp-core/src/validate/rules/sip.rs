//! SIP usage: offer/answer habits of SIP endpoints (RFC 3264, RFC 3551, RFC 4733).

use crate::attr::media_info::{MaxPtime, Ptime};
use crate::codec::Codec;
use crate::field::Connection;
use crate::line::{Line, LineKind};
use crate::media::Media;
use crate::validate::{lints, Ctx};

use super::structure::{describe, in_line, level_loc};

lints! {
    HOLD_WITH_ZERO_ADDRESS = "SDP1001" "hold-with-zero-address" Warning [Sip] "RFC 3264 §8.4",
        title: "hold signalled with `c=0.0.0.0`",
        explanation: "RFC 2543 put a call on hold by setting the connection address to 0.0.0.0. RFC 3264 no longer recommends it: RTCP stops, it does not work with IPv6 and it breaks connection-oriented media. Keep the real address and use `a=sendonly` or `a=inactive`.",
        wrong: "c=IN IP4 0.0.0.0\nm=audio 49170 RTP/AVP 0",
        right: "c=IN IP4 198.51.100.10\nm=audio 49170 RTP/AVP 0\na=sendonly";
    PTIME_NOT_FRAME_MULTIPLE = "SDP1003" "ptime-not-frame-multiple" Warning [Sip] "RFC 3551 §4.5",
        title: "`a=ptime` is not a whole number of codec frames",
        explanation: "Frame-based codecs put whole frames in a packet: 10 ms for G.729, 20 ms for GSM and AMR, 30 ms for G.723.1, 20 or 30 ms for iLBC. A packet time that is not a multiple of the preferred codec's frame cannot be honoured, and some gateways refuse the call or pick a packet time of their own.",
        wrong: "m=audio 49170 RTP/AVP 4\na=ptime:20",
        right: "m=audio 49170 RTP/AVP 4\na=ptime:30";
    PTIME_EXCEEDS_MAXPTIME = "SDP1004" "ptime-exceeds-maxptime" Warning [Sip] "RFC 8866 §6.5",
        title: "`a=ptime` larger than `a=maxptime`",
        explanation: "`a=maxptime` is the largest packet time the endpoint accepts and `a=ptime` the one it would like. A preferred packet time above the maximum contradicts itself; the peer has to guess which one to honour.",
        wrong: "a=ptime:40\na=maxptime:20",
        right: "a=ptime:20\na=maxptime:40";
    ORIGIN_NUMBER_TOO_LARGE = "SDP1005" "origin-number-too-large" Error [Sip] "RFC 3264 §5",
        title: "`o=` session id or version does not fit a signed 64-bit integer",
        explanation: "The session id and version of `o=` must be representable as a signed 64-bit integer. Endpoints parse them with `strtoll` or an `i64`, and a larger value fails to parse, breaking re-INVITEs that compare versions.",
        wrong: "o=- 18446744073709551615 1 IN IP4 198.51.100.10",
        right: "o=- 4611686018427387903 1 IN IP4 198.51.100.10";
}

/// Frame sizes in ms of frame-based audio codecs (RFC 3551 §4.5; AMR RFC 4867 §4.1).
const FRAMED: [(&str, f64); 5] = [
    ("G723", 30.0),
    ("G729", 10.0),
    ("GSM", 20.0),
    ("AMR", 20.0),
    ("AMR-WB", 20.0),
];

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    check_origin(ctx);
    check_hold(ctx);
    let session = ctx.session();
    for (i, m) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(m) || m.kind() != "audio" {
            continue;
        }
        let codecs = m.codecs();
        check_ptime(ctx, i, m, &codecs);
    }
}

/// The index of the first line of `media` that is attribute `name`.
fn attr_index(media: &Media<'_>, name: &str) -> Option<usize> {
    media.lines().iter().position(|l| l.is_attribute(name))
}

fn check_origin(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let Some((i, line)) = session
        .lines()
        .iter()
        .enumerate()
        .find(|(_, l)| l.kind() == LineKind::Origin)
    else {
        return;
    };
    // o=<username> <sess-id> <sess-version> ...: fields 1 and 2.
    let value = line.value();
    let mut at = 0;
    for (field, text) in value.split(' ').enumerate() {
        let start = at;
        at += text.len() + 1;
        let what = match field {
            1 => "session id",
            2 => "session version",
            0 => continue,
            _ => break,
        };
        // RFC 3264 §5: the session id and version fit a signed 64-bit integer.
        let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        if digits && text.parse::<i64>().is_err() {
            ctx.report_help(
                &ORIGIN_NUMBER_TOO_LARGE,
                in_line(
                    ctx.session_loc(i),
                    line,
                    line.value_offset() + start,
                    text.len(),
                ),
                format!("{what} `{text}` does not fit a signed 64-bit integer"),
                "use a value below 2^63 (and below 2^62 for a new session's version)",
            );
        }
    }
}

fn check_hold(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    // ICE offers use 0.0.0.0 as a placeholder until candidates are known (RFC 8840 §4.1).
    let ice = |lines: &[Line<'_>]| {
        lines
            .iter()
            .any(|l| l.is_attribute("ice-ufrag") || l.is_attribute("candidate"))
    };
    if ice(session.lines()) {
        return;
    }
    let zero = |l: &Line<'_>| {
        l.kind() == LineKind::Connection
            && Connection::parse(l.value()).is_ok_and(|c| c.address == "0.0.0.0")
    };
    let mut session_reported = false;
    for (mi, m) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(m) || ice(m.lines()) {
            continue;
        }
        let own: Vec<usize> = m
            .lines()
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind() == LineKind::Connection)
            .map(|(i, _)| i)
            .collect();
        // RFC 3264 §8.4: hold with c=0.0.0.0 is no longer recommended.
        let found = if own.is_empty() {
            if session_reported {
                continue;
            }
            let at = session.lines().iter().position(zero);
            session_reported = at.is_some();
            at.map(|i| level_loc(ctx, None, i))
        } else {
            own.into_iter()
                .find(|&i| m.lines().get(i).is_some_and(zero))
                .map(|i| level_loc(ctx, Some(mi), i))
        };
        if let Some(loc) = found {
            ctx.report_help(
                &HOLD_WITH_ZERO_ADDRESS,
                loc,
                format!(
                    "`c=` address 0.0.0.0 for {} signals hold the RFC 2543 way",
                    describe(mi, m)
                ),
                "keep the real address and put the stream on hold with `a=sendonly` or `a=inactive`",
            );
        }
    }
}

fn frame_ms(codec: &Codec<'_>) -> Option<f64> {
    if codec.is("iLBC") {
        // RFC 3952 §5: mode=20 or mode=30 (the default).
        return Some(if codec.fmtp_param("mode") == Some("20") {
            20.0
        } else {
            30.0
        });
    }
    FRAMED
        .iter()
        .find(|(name, _)| codec.is(name))
        .map(|&(_, ms)| ms)
}

fn check_ptime(ctx: &mut Ctx<'_, '_>, mi: usize, m: &Media<'_>, codecs: &[Codec<'_>]) {
    let (Some(ptime), Some(index)) = (m.first::<Ptime>(), attr_index(m, "ptime")) else {
        return;
    };
    let loc = ctx.media_loc(mi, index);
    // RFC 8866 §6.4, §6.5: ptime is the preferred packet time, maxptime the largest accepted.
    if let Some(max) = m.first::<MaxPtime>() {
        if ptime.ms() > max.ms() {
            ctx.report(
                &PTIME_EXCEEDS_MAXPTIME,
                loc,
                format!("`a=ptime:{ptime}` is larger than `a=maxptime:{max}`"),
            );
        }
    }
    // RFC 3551 §4.5: frame-based codecs carry whole frames; check the preferred codec.
    let preferred = codecs
        .iter()
        .find(|c| c.is_known() && !c.is("telephone-event") && !c.is("CN") && !c.is("red"));
    let Some((codec, frame)) = preferred.and_then(|c| Some((c, frame_ms(c)?))) else {
        return;
    };
    let rest = ptime.ms() % frame;
    if ptime.ms() > 0.0 && rest > 1e-6 && frame - rest > 1e-6 {
        ctx.report_help(
            &PTIME_NOT_FRAME_MULTIPLE,
            loc,
            format!(
                "`a=ptime:{ptime}` is not a multiple of the {frame} ms frame of {} (PT {}), the preferred codec",
                codec.encoding_name, codec.payload_type
            ),
            format!("use a multiple of {frame} ms, e.g. `a=ptime:{}`", frame * (ptime.ms() / frame).ceil()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::Profile;

    fn find(text: &str, code: &str) -> crate::validate::Diagnostic {
        crate::validate::tests::fixtures::find_in(text, Profile::Sip, code)
    }

    #[test]
    fn fixtures_are_clean_of_sip_lints() {
        assert!(!codes(fixtures::SIP, Profile::Sip)
            .iter()
            .any(|c| c.starts_with("SDP10")));
    }

    #[test]
    fn hold_with_zero_address_fires_on_session_c() {
        let text = edit(fixtures::SIP, "c=IN IP4 198.51.100.10", "c=IN IP4 0.0.0.0");
        let d = find(&text, "SDP1001");
        assert_eq!((d.line(), d.column()), (4, 1));
        assert!(d.message().contains("media section 1 (`m=audio`)"));
    }

    #[test]
    fn hold_with_zero_address_is_silent_with_sendonly_and_for_ice() {
        let text = edit(fixtures::SIP, "a=sendrecv", "a=sendonly");
        assert!(!codes(&text, Profile::Sip).contains(&"SDP1001"));
        let ice = edit(fixtures::SIP, "c=IN IP4 198.51.100.10", "c=IN IP4 0.0.0.0");
        let ice = edit(&ice, "a=sendrecv", "a=sendrecv\r\na=ice-ufrag:abcd");
        assert!(!codes(&ice, Profile::Sip).contains(&"SDP1001"));
    }

    #[test]
    fn ptime_not_frame_multiple_fires_for_g723() {
        let text = edit(fixtures::SIP, "RTP/AVP 0 8 9 101", "RTP/AVP 4 0 101");
        let d = find(&text, "SDP1003");
        assert!(
            d.message().contains("30 ms frame of G723 (PT 4)"),
            "{}",
            d.message()
        );
        assert_eq!(d.help(), Some("use a multiple of 30 ms, e.g. `a=ptime:30`"));
    }

    #[test]
    fn ptime_not_frame_multiple_is_silent_for_g729_at_20ms() {
        let text = edit(fixtures::SIP, "RTP/AVP 0 8 9 101", "RTP/AVP 18 0 101");
        assert!(!codes(&text, Profile::Sip).contains(&"SDP1003"));
    }

    #[test]
    fn ptime_exceeds_maxptime_fires_when_larger() {
        let text = edit(
            fixtures::SIP,
            "a=ptime:20\r\n",
            "a=ptime:40\r\na=maxptime:20\r\n",
        );
        let d = find(&text, "SDP1004");
        assert_eq!(d.message(), "`a=ptime:40` is larger than `a=maxptime:20`");
    }

    #[test]
    fn ptime_exceeds_maxptime_is_silent_when_smaller() {
        let text = edit(
            fixtures::SIP,
            "a=ptime:20\r\n",
            "a=ptime:20\r\na=maxptime:40\r\n",
        );
        assert!(!codes(&text, Profile::Sip).contains(&"SDP1004"));
    }

    #[test]
    fn origin_number_too_large_fires_above_i64() {
        let text = edit(
            fixtures::SIP,
            "alice 2890844526 2890844526",
            "alice 2890844526 9223372036854775808",
        );
        let d = find(&text, "SDP1005");
        assert_eq!((d.line(), d.column()), (2, 20));
        assert!(d
            .message()
            .starts_with("session version `9223372036854775808`"));
    }

    #[test]
    fn origin_number_too_large_is_silent_at_i64_max() {
        let text = edit(
            fixtures::SIP,
            "alice 2890844526 2890844526",
            "alice 9223372036854775807 1",
        );
        assert!(!codes(&text, Profile::Sip).contains(&"SDP1005"));
    }
}
