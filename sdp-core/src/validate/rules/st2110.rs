//! SMPTE ST 2110: clock signalling (RFC 7273 as ST 2110-10 profiles it), source filters and the
//! mandatory parameters of the essence formats.
//!
//! The rules apply to sections that carry an ST 2110 essence (`raw` video, `L16`/`L24` audio,
//! `AM824`, `smpte291` ancillary data, `jxsv`); other sections of a description detected as
//! ST 2110 (an RFC 7273 clock on a PCMU stream, say) are left alone.

use std::net::IpAddr;

use crate::attr::clock::{Mediaclk, MediaclkSource, TsRefclk};
use crate::attr::TypedAttribute;
use crate::codec::Codec;
use crate::line::Line;
use crate::media::Media;
use crate::validate::{lints, Ctx, Loc};

use super::structure::{describe, level_loc};

lints! {
    MISSING_TS_REFCLK = "SDP1101" "st2110-missing-ts-refclk" Error [St2110] "SMPTE ST 2110-10 §8; RFC 7273 §4.8",
        title: "ST 2110 stream without `a=ts-refclk`",
        explanation: "ST 2110 senders declare the reference clock of their RTP timestamps with `a=ts-refclk` (normally the PTP grandmaster). Without it a receiver cannot align the stream with others, so it cannot be switched or mixed in sync.",
        wrong: "m=video 50000 RTP/AVP 96\na=rtpmap:96 raw/90000\na=mediaclk:direct=0",
        right: "m=video 50000 RTP/AVP 96\na=rtpmap:96 raw/90000\na=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37\na=mediaclk:direct=0";
    MISSING_MEDIACLK = "SDP1102" "st2110-missing-mediaclk" Error [St2110] "SMPTE ST 2110-10 §8; RFC 7273 §5.8",
        title: "ST 2110 stream without `a=mediaclk`",
        explanation: "ST 2110 senders declare how the media clock relates to the reference clock with `a=mediaclk:direct=0`: RTP timestamps count from the PTP epoch. Without it receivers cannot recover the capture time of a packet.",
        wrong: "a=rtpmap:96 raw/90000\na=ts-refclk:ptp=IEEE1588-2008:traceable",
        right: "a=rtpmap:96 raw/90000\na=ts-refclk:ptp=IEEE1588-2008:traceable\na=mediaclk:direct=0";
    MEDIACLK_NOT_DIRECT_ZERO = "SDP1103" "st2110-mediaclk-not-direct-zero" Warning [St2110] "SMPTE ST 2110-10 §8; RFC 7273 §5.8",
        title: "ST 2110 media clock other than `direct=0`",
        explanation: "ST 2110-10 derives RTP timestamps directly from the PTP time with no offset, which `a=mediaclk:direct=0` states. A `sender` clock or a non-zero offset is valid RFC 7273 but not what ST 2110 receivers expect; many only lock to `direct=0`.",
        wrong: "a=mediaclk:sender",
        right: "a=mediaclk:direct=0";
    VIDEO_FMTP_MISSING_PARAMETER = "SDP1104" "st2110-video-fmtp-missing-parameter" Error [St2110] "SMPTE ST 2110-20 §7",
        title: "ST 2110-20 video fmtp lacks a mandatory parameter",
        explanation: "Uncompressed video (`raw/90000`) must state `sampling`, `depth`, `width`, `height`, `exactframerate`, `colorimetry`, `PM` and `SSN` in its fmtp. A receiver needs every one to unpack the pixel groups; missing ones make it refuse the stream.",
        wrong: "a=rtpmap:96 raw/90000\na=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080",
        right: "a=rtpmap:96 raw/90000\na=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080; exactframerate=25; depth=10; colorimetry=BT709; PM=2110GPM; SSN=ST2110-20:2017; TP=2110TPN";
    VIDEO_MISSING_TP = "SDP1105" "st2110-video-missing-tp" Warning [St2110] "SMPTE ST 2110-21 §8",
        title: "ST 2110-20 video without sender type `TP`",
        explanation: "ST 2110-21 senders declare their timing model with `TP=2110TPN`, `2110TPNL` or `2110TPW`, which tells a receiver how much buffering it needs. Senders that predate ST 2110-21 omit it; receivers then assume the widest model.",
        wrong: "a=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080; exactframerate=25; depth=10; colorimetry=BT709; PM=2110GPM; SSN=ST2110-20:2017",
        right: "a=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080; exactframerate=25; depth=10; colorimetry=BT709; PM=2110GPM; SSN=ST2110-20:2017; TP=2110TPN";
    AUDIO_MISSING_PTIME = "SDP1106" "st2110-audio-missing-ptime" Error [St2110] "SMPTE ST 2110-30 §6",
        title: "ST 2110-30/31 audio without `a=ptime`",
        explanation: "PCM (`L16`, `L24`) and AES3 (`AM824`) streams must state their packet time (typically `a=ptime:1` or `a=ptime:0.125`). Receivers size their buffers and check conformance levels from it; without it they fall back to guesses that break at other packet times.",
        wrong: "m=audio 5004 RTP/AVP 97\na=rtpmap:97 L24/48000/2",
        right: "m=audio 5004 RTP/AVP 97\na=rtpmap:97 L24/48000/2\na=ptime:1";
    MULTICAST_WITHOUT_SOURCE_FILTER = "SDP1107" "st2110-multicast-without-source-filter" Warning [St2110] "RFC 4570 §3; SMPTE ST 2110-10 §8",
        title: "ST 2110 multicast stream without `a=source-filter`",
        explanation: "ST 2110 networks use source-specific multicast: receivers join (source, group), and the source comes from `a=source-filter: incl`. Without it a receiver can only make an any-source join, which many broadcast networks block.",
        wrong: "c=IN IP4 239.100.9.10/32",
        right: "c=IN IP4 239.100.9.10/32\na=source-filter: incl IN IP4 239.100.9.10 192.0.2.33";
    TS_REFCLK_NOT_PTP = "SDP1108" "st2110-ts-refclk-not-ptp" Warning [St2110] "SMPTE ST 2110-10 §8",
        title: "ST 2110 reference clock is neither PTP nor `localmac`",
        explanation: "ST 2110 streams are timed from PTP (SMPTE ST 2059-2); a sender without PTP lock signals its free-running clock with `localmac=`. An NTP, GPS or `local` reference is valid RFC 7273 but not an ST 2110 timing source, so receivers cannot align the stream.",
        wrong: "a=ts-refclk:ntp=/traceable/",
        right: "a=ts-refclk:ptp=IEEE1588-2008:traceable";
    RAW_VIDEO_CLOCK_RATE = "SDP1109" "st2110-raw-video-clock-rate" Error [St2110] "SMPTE ST 2110-20 §7",
        title: "ST 2110-20 video with a clock rate other than 90000",
        explanation: "Uncompressed video uses the 90 kHz RTP clock. Another rate breaks the mapping from PTP time to RTP timestamps that receivers rely on.",
        wrong: "a=rtpmap:96 raw/48000",
        right: "a=rtpmap:96 raw/90000";
}

/// The fmtp parameters of `raw` video that ST 2110-20 §7 makes mandatory.
const VIDEO_PARAMS: [&str; 8] = [
    "sampling",
    "depth",
    "width",
    "height",
    "exactframerate",
    "colorimetry",
    "PM",
    "SSN",
];

/// The ST 2110 essence of a codec: `video` (-20), `audio` (-30/-31), `other` (-22, -40).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Essence {
    Video,
    Audio,
    Other,
}

fn essence(codec: &Codec<'_>) -> Option<Essence> {
    if codec.is("raw") {
        Some(Essence::Video)
    } else if codec.is("L16") || codec.is("L24") || codec.is("AM824") {
        Some(Essence::Audio)
    } else if codec.is("smpte291") || codec.is("jxsv") {
        Some(Essence::Other)
    } else {
        None
    }
}

/// The first attribute `T` of the media section, else of the session: (level, line index,
/// value).
fn effective<'s, T: TypedAttribute<'s> + 's>(
    session_lines: &'s [Line<'_>],
    media: &'s Media<'_>,
    mi: usize,
) -> Option<(Option<usize>, usize, T)> {
    let find = |lines: &'s [Line<'_>]| {
        lines.iter().enumerate().find_map(|(i, l)| {
            let attr = l.as_attribute()?;
            Some((i, attr.parse_as::<T>()?.ok()?))
        })
    };
    find(media.lines())
        .map(|(i, t)| (Some(mi), i, t))
        .or_else(|| find(session_lines).map(|(i, t)| (None, i, t)))
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    for (mi, m) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(m) {
            continue;
        }
        let codecs = m.codecs();
        let essences: Vec<(&Codec<'_>, Essence)> = codecs
            .iter()
            .filter_map(|c| Some((c, essence(c)?)))
            .collect();
        if essences.is_empty() {
            continue;
        }
        check_clocks(ctx, mi, m);
        check_source_filter(ctx, mi, m);
        for &(codec, kind) in &essences {
            match kind {
                Essence::Video => check_video(ctx, mi, m, codec),
                Essence::Audio => check_audio(ctx, mi, m, codec),
                Essence::Other => {}
            }
        }
    }
}

fn check_clocks(ctx: &mut Ctx<'_, '_>, mi: usize, m: &Media<'_>) {
    let session = ctx.session();
    // ST 2110-10 §8 (RFC 7273 §4.8): the reference clock is signalled.
    match effective::<TsRefclk<'_>>(session.lines(), m, mi) {
        None if !has_named(session.lines(), m, "ts-refclk") => ctx.report_help(
            &MISSING_TS_REFCLK,
            ctx.mline_loc(mi),
            format!("{} has no `a=ts-refclk`", describe(mi, m)),
            "add the PTP reference, e.g. `a=ts-refclk:ptp=IEEE1588-2008:traceable`",
        ),
        None => {}
        // ST 2110-10 §8: PTP, or localmac= for a sender without PTP lock.
        Some((level, i, clock))
            if !matches!(clock, TsRefclk::Ptp { .. } | TsRefclk::LocalMac(_)) =>
        {
            ctx.report(
                &TS_REFCLK_NOT_PTP,
                level_loc(ctx, level, i),
                format!(
                    "reference clock `{clock}` of {} is not PTP",
                    describe(mi, m)
                ),
            );
        }
        Some(_) => {}
    }
    // ST 2110-10 §8 (RFC 7273 §5.8): the media clock is signalled, as direct=0.
    match effective::<Mediaclk<'_>>(session.lines(), m, mi) {
        None if !has_named(session.lines(), m, "mediaclk") => ctx.report_help(
            &MISSING_MEDIACLK,
            ctx.mline_loc(mi),
            format!("{} has no `a=mediaclk`", describe(mi, m)),
            "add `a=mediaclk:direct=0`",
        ),
        None => {}
        Some((level, i, clock))
            if !matches!(
                clock.source,
                MediaclkSource::Direct {
                    offset: Some(0),
                    ..
                }
            ) =>
        {
            ctx.report_help(
                &MEDIACLK_NOT_DIRECT_ZERO,
                level_loc(ctx, level, i),
                format!(
                    "media clock `{clock}` of {} is not `direct=0`",
                    describe(mi, m)
                ),
                "use `a=mediaclk:direct=0`",
            );
        }
        Some(_) => {}
    }
}

/// Whether attribute `name` is present at media or session level, well-formed or not (a
/// malformed one was reported by the parser).
fn has_named(session_lines: &[Line<'_>], m: &Media<'_>, name: &str) -> bool {
    m.has_attribute(name) || session_lines.iter().any(|l| l.is_attribute(name))
}

fn check_source_filter(ctx: &mut Ctx<'_, '_>, mi: usize, m: &Media<'_>) {
    let session = ctx.session();
    let Some(c) = session.connection_of(m) else {
        return;
    };
    let multicast = c.address.parse::<IpAddr>().is_ok_and(|a| a.is_multicast());
    // RFC 4570 §3, ST 2110-10 §8: SSM receivers need the source from a=source-filter.
    if multicast && !has_named(session.lines(), m, "source-filter") {
        ctx.report_help(
            &MULTICAST_WITHOUT_SOURCE_FILTER,
            ctx.mline_loc(mi),
            format!(
                "{} sends to multicast group `{}` without `a=source-filter`",
                describe(mi, m),
                c.address
            ),
            format!(
                "add `a=source-filter: incl IN IP4 {} <sender address>`",
                c.address
            ),
        );
    }
}

/// The location of the `a=<name>:<pt> ...` line of payload type `pt`, else of the `m=` line.
fn pt_line_loc(ctx: &Ctx<'_, '_>, mi: usize, m: &Media<'_>, name: &str, pt: u8) -> Option<Loc> {
    let pt = pt.to_string();
    m.lines()
        .iter()
        .position(|l| {
            l.as_attribute().is_some_and(|a| {
                a.name() == name
                    && a.value()
                        .and_then(|v| v.split([' ', '\t']).next())
                        .is_some_and(|f| f == pt)
            })
        })
        .map(|i| ctx.media_loc(mi, i))
}

fn check_video(ctx: &mut Ctx<'_, '_>, mi: usize, m: &Media<'_>, codec: &Codec<'_>) {
    let pt = codec.payload_type;
    let rtpmap_loc = pt_line_loc(ctx, mi, m, "rtpmap", pt).unwrap_or_else(|| ctx.mline_loc(mi));
    // ST 2110-20 §7: the RTP clock of raw video is 90 kHz.
    if let Some(rate) = codec.clock_rate.filter(|&r| r != 90_000) {
        ctx.report(
            &RAW_VIDEO_CLOCK_RATE,
            rtpmap_loc,
            format!("raw video PT {pt} uses clock rate {rate}, not 90000"),
        );
    }
    let fmtp_loc = pt_line_loc(ctx, mi, m, "fmtp", pt).unwrap_or(rtpmap_loc);
    let has = |key: &str| codec.fmtp.as_ref().is_some_and(|f| f.has(key));
    // ST 2110-20 §7: mandatory media type parameters of raw video.
    let missing: Vec<String> = VIDEO_PARAMS
        .iter()
        .filter(|p| !has(p))
        .map(|p| format!("`{p}`"))
        .collect();
    if !missing.is_empty() {
        ctx.report(
            &VIDEO_FMTP_MISSING_PARAMETER,
            fmtp_loc,
            format!(
                "raw video PT {pt} lacks mandatory fmtp parameter{} {}",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", ")
            ),
        );
    }
    // ST 2110-21 §8: the sender type.
    if !has("TP") {
        ctx.report_help(
            &VIDEO_MISSING_TP,
            fmtp_loc,
            format!("raw video PT {pt} does not declare its sender type `TP`"),
            "add `TP=2110TPN` (or `2110TPNL`, `2110TPW`) to the fmtp",
        );
    }
}

fn check_audio(ctx: &mut Ctx<'_, '_>, mi: usize, m: &Media<'_>, codec: &Codec<'_>) {
    // ST 2110-30 §6 (and -31): the packet time is signalled.
    if !m.has_attribute("ptime") {
        let loc = pt_line_loc(ctx, mi, m, "rtpmap", codec.payload_type)
            .unwrap_or_else(|| ctx.mline_loc(mi));
        ctx.report_help(
            &AUDIO_MISSING_PTIME,
            loc,
            format!(
                "{} audio PT {} has no `a=ptime`",
                codec.encoding_name, codec.payload_type
            ),
            "add the packet time, e.g. `a=ptime:1`",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::Profile;

    fn find(text: &str, code: &str) -> crate::validate::Diagnostic {
        crate::validate::tests::fixtures::find_in(text, Profile::St2110, code)
    }

    fn st(text: &str) -> Vec<&'static str> {
        codes(text, Profile::St2110)
    }

    /// An ST 2110-30 audio sender built from the video fixture.
    fn audio() -> String {
        let text = edit(
            fixtures::ST2110,
            "m=video 50000 RTP/AVP 96",
            "m=audio 50000 RTP/AVP 97",
        );
        let text = edit(
            &text,
            "a=rtpmap:96 raw/90000",
            "a=rtpmap:97 L24/48000/2\r\na=ptime:1",
        );
        let start = text.find("a=fmtp:96").unwrap();
        let end = start + text[start..].find("\r\n").unwrap() + 2;
        format!("{}{}", &text[..start], &text[end..])
    }

    #[test]
    fn fixtures_are_clean_of_st2110_lints() {
        assert!(!st(fixtures::ST2110).iter().any(|c| c.starts_with("SDP11")));
        assert!(
            !st(&audio()).iter().any(|c| c.starts_with("SDP11")),
            "{:?}",
            st(&audio())
        );
    }

    #[test]
    fn missing_ts_refclk_fires_without_reference_clock() {
        let text = edit(
            fixtures::ST2110,
            "a=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37\r\n",
            "",
        );
        let d = find(&text, "SDP1101");
        assert_eq!((d.line(), d.column()), (5, 1));
    }

    #[test]
    fn missing_ts_refclk_is_silent_with_session_level_clock() {
        let line = "a=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37\r\n";
        let text = edit(fixtures::ST2110, line, "");
        let text = edit(&text, "t=0 0\r\n", &format!("t=0 0\r\n{line}"));
        assert!(!st(&text).contains(&"SDP1101"));
    }

    #[test]
    fn missing_mediaclk_fires_without_media_clock() {
        let text = edit(fixtures::ST2110, "a=mediaclk:direct=0\r\n", "");
        assert!(st(&text).contains(&"SDP1102"));
    }

    #[test]
    fn missing_mediaclk_is_silent_for_non_st2110_sections() {
        let text = edit(fixtures::ST2110, "a=mediaclk:direct=0\r\n", "");
        let text = edit(&text, "raw/90000", "H264/90000");
        let found = st(&text);
        assert!(
            !found.contains(&"SDP1102") && !found.contains(&"SDP1104"),
            "{found:?}"
        );
    }

    #[test]
    fn mediaclk_not_direct_zero_fires_for_sender_clock() {
        let text = edit(fixtures::ST2110, "a=mediaclk:direct=0", "a=mediaclk:sender");
        let d = find(&text, "SDP1103");
        assert_eq!(d.line(), 11);
        assert!(
            d.message().starts_with("media clock `sender`"),
            "{}",
            d.message()
        );
    }

    #[test]
    fn mediaclk_not_direct_zero_is_silent_for_direct_zero_with_rate() {
        let text = edit(
            fixtures::ST2110,
            "a=mediaclk:direct=0",
            "a=mediaclk:direct=0 rate=90000",
        );
        assert!(!st(&text).contains(&"SDP1103"));
    }

    #[test]
    fn video_fmtp_missing_parameter_names_the_parameters() {
        let text = edit(fixtures::ST2110, " depth=10;", "");
        let text = edit(&text, " PM=2110GPM;", "");
        let d = find(&text, "SDP1104");
        assert_eq!((d.line(), d.column()), (9, 1));
        assert_eq!(
            d.message(),
            "raw video PT 96 lacks mandatory fmtp parameters `depth`, `PM`"
        );
    }

    #[test]
    fn video_fmtp_missing_parameter_is_silent_with_all_parameters() {
        assert!(!st(fixtures::ST2110).contains(&"SDP1104"));
    }

    #[test]
    fn video_missing_tp_fires_without_tp() {
        let text = edit(fixtures::ST2110, "; TP=2110TPN", "");
        let found = st(&text);
        assert!(
            found.contains(&"SDP1105") && !found.contains(&"SDP1104"),
            "{found:?}"
        );
    }

    #[test]
    fn video_missing_tp_is_silent_with_tp() {
        assert!(!st(fixtures::ST2110).contains(&"SDP1105"));
    }

    #[test]
    fn audio_missing_ptime_fires_without_ptime() {
        let text = edit(&audio(), "a=ptime:1\r\n", "");
        let d = find(&text, "SDP1106");
        assert_eq!(d.message(), "L24 audio PT 97 has no `a=ptime`");
    }

    #[test]
    fn audio_missing_ptime_is_silent_with_ptime() {
        assert!(!st(&audio()).contains(&"SDP1106"));
    }

    #[test]
    fn multicast_without_source_filter_fires_without_filter() {
        let text = edit(
            fixtures::ST2110,
            "a=source-filter: incl IN IP4 239.100.9.10 192.0.2.33\r\n",
            "",
        );
        assert!(st(&text).contains(&"SDP1107"));
    }

    #[test]
    fn multicast_without_source_filter_is_silent_for_unicast() {
        let text = edit(
            fixtures::ST2110,
            "a=source-filter: incl IN IP4 239.100.9.10 192.0.2.33\r\n",
            "",
        );
        let text = edit(&text, "c=IN IP4 239.100.9.10/32", "c=IN IP4 192.0.2.34");
        assert!(!st(&text).contains(&"SDP1107"));
    }

    #[test]
    fn ts_refclk_not_ptp_fires_for_ntp() {
        let text = edit(
            fixtures::ST2110,
            "a=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37",
            "a=ts-refclk:ntp=/traceable/",
        );
        assert!(st(&text).contains(&"SDP1108"));
    }

    #[test]
    fn ts_refclk_not_ptp_is_silent_for_localmac() {
        let text = edit(
            fixtures::ST2110,
            "a=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37",
            "a=ts-refclk:localmac=00-1B-21-0F-A3-5C",
        );
        assert!(!st(&text).contains(&"SDP1108"));
    }

    #[test]
    fn raw_video_clock_rate_fires_for_48000() {
        let text = edit(fixtures::ST2110, "raw/90000", "raw/48000");
        let d = find(&text, "SDP1109");
        assert_eq!(
            (d.line(), d.message()),
            (8, "raw video PT 96 uses clock rate 48000, not 90000")
        );
    }

    #[test]
    fn raw_video_clock_rate_is_silent_at_90000() {
        assert!(!st(fixtures::ST2110).contains(&"SDP1109"));
    }
}
