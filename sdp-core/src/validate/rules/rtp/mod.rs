//! RTP payload types and codecs: `m=` formats against `a=rtpmap`, `a=fmtp` and `a=rtcp-fb`,
//! static payload types (RFC 3551), RTCP multiplexing (RFC 5761), retransmission (RFC 4588),
//! redundancy and FEC (RFC 2198, RFC 5109), telephone events (RFC 4733), channel counts and
//! H.264 parameters (RFC 6184).
//!
//! Every rule here looks only at media sections whose protocol carries RTP
//! ([`MediaLine::is_rtp`]): the formats of other protocols are not payload types.

use std::hash::{Hash, Hasher};

use super::seen::FirstSeen;
use crate::attr::fmtp::H264Params;
use crate::attr::rtp::{RtcpFbPt, Rtpmap};
use crate::codec::{self, static_payload_type, Codec};
use crate::validate::{lints, Ctx, Loc};

mod section;

use section::{channel_count, fmtp_value, rtpmap_loc, Section};

lints! {
    DYNAMIC_PT_WITHOUT_RTPMAP = "SDP0110" "dynamic-pt-without-rtpmap" Warning [all] "RFC 8866 §5.14",
        title: "payload type without `a=rtpmap` and without a static assignment",
        explanation: "Only the payload types RFC 3551 assigns statically (0 PCMU, 8 PCMA, 9 G722...) mean something on their own. Any other number on the `m=` line, dynamic ones (96-127, and 35-63 which JSEP also uses) in particular, should be bound to an encoding by an `a=rtpmap` (RFC 8866 §5.14 makes it a SHOULD, so test fragments and some devices leave it out); without it the peer cannot know what the packets carry and drops the format or the whole section.",
        wrong: "m=audio 49170 RTP/AVP 0 96",
        right: "m=audio 49170 RTP/AVP 0 96\na=rtpmap:96 opus/48000/2";
    RTPMAP_FOR_UNLISTED_PT = "SDP0111" "rtpmap-for-unlisted-pt" Warning [all] "RFC 8866 §6.6",
        title: "`a=rtpmap` for a payload type that is not on the `m=` line",
        explanation: "An rtpmap describes one of the formats of its media section. One for a payload type that the `m=` line does not list is dead text: usually a codec removed from the `m=` line by SDP munging while its attributes were left behind. Peers ignore it, but it makes the offer misleading to read and to debug.",
        wrong: "m=audio 49170 RTP/AVP 0\na=rtpmap:96 opus/48000/2",
        right: "m=audio 49170 RTP/AVP 0 96\na=rtpmap:96 opus/48000/2";
    FMTP_FOR_UNLISTED_PT = "SDP0112" "fmtp-for-unlisted-pt" Warning [all] "RFC 8866 §6.15",
        title: "`a=fmtp` for a payload type that is not on the `m=` line",
        explanation: "Format parameters apply to a format of the media section. An fmtp whose payload type is not on the `m=` line applies to nothing; it is usually left over after a codec was removed, or its payload type was mistyped, in which case the codec it was meant for runs with default parameters.",
        wrong: "m=video 9 RTP/AVP 96\na=rtpmap:96 VP8/90000\na=fmtp:97 apt=96",
        right: "m=video 9 RTP/AVP 96 97\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000\na=fmtp:97 apt=96";
    RTCP_FB_FOR_UNLISTED_PT = "SDP0113" "rtcp-fb-for-unlisted-pt" Warning [all] "RFC 4585 §4.2",
        title: "`a=rtcp-fb` for a payload type that is not on the `m=` line",
        explanation: "RTCP feedback is negotiated per payload type of the section (or for all of them with `*`). Feedback for a payload type the `m=` line does not list applies to nothing; if the number is a typo, the codec it was meant for gets no NACK or PLI, which shows up as frozen video after packet loss.",
        wrong: "m=video 9 RTP/AVPF 96\na=rtpmap:96 VP8/90000\na=rtcp-fb:98 nack pli",
        right: "m=video 9 RTP/AVPF 96\na=rtpmap:96 VP8/90000\na=rtcp-fb:96 nack pli";
    CONFLICTING_RTPMAP = "SDP0114" "conflicting-rtpmap" Error [all] "RFC 8866 §6.6",
        title: "two `a=rtpmap` lines give different codecs to one payload type",
        explanation: "A payload type stands for one encoding within a media section. Two rtpmaps that disagree on the encoding name, clock rate or channels make the payload type ambiguous: parsers keep the first or the last, or refuse the description (libwebrtc does).",
        wrong: "m=video 9 RTP/AVP 108\na=rtpmap:108 VP8/90000\na=rtpmap:108 VP9/90000",
        right: "m=video 9 RTP/AVP 108 109\na=rtpmap:108 VP8/90000\na=rtpmap:109 VP9/90000";
    DUPLICATE_RTPMAP = "SDP0115" "duplicate-rtpmap" Warning [all] "RFC 8866 §6.6",
        title: "the same `a=rtpmap` is repeated",
        explanation: "An rtpmap repeated with the same codec is harmless to most parsers, but it is redundant and usually the sign of a template or munging step that appends lines without checking what is there; strict parsers may refuse it.",
        wrong: "a=rtpmap:111 opus/48000/2\na=rtpmap:111 opus/48000/2",
        right: "a=rtpmap:111 opus/48000/2";
    STATIC_PT_REMAPPED = "SDP0116" "static-pt-remapped" Warning [all] "RFC 3551 §6",
        title: "static payload type mapped to another codec than RFC 3551's",
        explanation: "Payload types 0-34 are assigned statically by RFC 3551 (0 is PCMU/8000, 8 PCMA/8000, 9 G722/8000...). An rtpmap may restate the assignment but should not change it: endpoints that trust the static table (many SIP phones and gateways) decode the packets with the wrong codec. Use a dynamic payload type for anything else.",
        wrong: "m=audio 49170 RTP/AVP 0\na=rtpmap:0 opus/48000/2",
        right: "m=audio 49170 RTP/AVP 96\na=rtpmap:96 opus/48000/2";
    PT_COLLIDES_WITH_RTCP = "SDP0117" "pt-collides-with-rtcp" Error [all] "RFC 5761 §4",
        title: "payload type 64-95 used with `a=rtcp-mux`",
        explanation: "When RTP and RTCP share a port, a receiver tells them apart by the second byte of the packet: RTCP packet types 192-223 are the same byte as an RTP packet with the marker bit set and payload type 64-95. RFC 5761 therefore forbids payload types 64-95 in a multiplexed session; with them, marked packets are taken for RTCP and dropped.",
        wrong: "m=audio 9 RTP/AVP 77\na=rtpmap:77 opus/48000/2\na=rtcp-mux",
        right: "m=audio 9 RTP/AVP 111\na=rtpmap:111 opus/48000/2\na=rtcp-mux";
    RTX_WITHOUT_APT = "SDP0118" "rtx-without-apt" Error [all] "RFC 4588 §8.1",
        title: "`rtx` payload type without a valid `apt` parameter",
        explanation: "An rtx payload type carries retransmissions of another payload type, named by the required fmtp parameter `apt`. Without it (no fmtp, no `apt`, or a value that is not a payload type) the receiver cannot tell which stream a retransmission repairs, and stacks drop the rtx format.",
        wrong: "a=rtpmap:97 rtx/90000",
        right: "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=96";
    RTX_APT_NOT_IN_SECTION = "SDP0119" "rtx-apt-not-in-section" Error [all] "RFC 4588 §8.1",
        title: "`apt` of an `rtx` payload type names a payload type not on the `m=` line",
        explanation: "The `apt` parameter names the original payload type an rtx format repairs, and that payload type must be one of the section's formats. A dangling `apt` (usually a codec removed by munging while its rtx was kept) leaves an rtx stream that repairs nothing; libwebrtc rejects such a codec list.",
        wrong: "m=video 9 RTP/AVPF 96 97\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000\na=fmtp:97 apt=100",
        right: "m=video 9 RTP/AVPF 96 97\na=rtpmap:96 VP8/90000\na=rtpmap:97 rtx/90000\na=fmtp:97 apt=96";
    RTX_CLOCK_RATE_MISMATCH = "SDP0120" "rtx-clock-rate-mismatch" Error [all] "RFC 4588 §8.1",
        title: "`rtx` clock rate differs from the clock rate of the payload type it repairs",
        explanation: "A retransmission packet keeps the timestamp of the original packet, so the rtx format's rate must equal the rate of the payload type named by `apt`. A different rate (e.g. `rtx/8000` for opus at 48000) breaks jitter and RTT computations on the repaired stream.",
        wrong: "a=rtpmap:111 opus/48000/2\na=rtpmap:112 rtx/8000\na=fmtp:112 apt=111",
        right: "a=rtpmap:111 opus/48000/2\na=rtpmap:112 rtx/48000\na=fmtp:112 apt=111";
    RTX_OF_RTX = "SDP0121" "rtx-of-rtx" Error [all] "RFC 4588 §8.1",
        title: "`rtx` payload type repairs another `rtx` payload type",
        explanation: "`apt` must name an original media format. Retransmissions are themselves repaired by retransmitting the original packet again, never by retransmitting a retransmission; an rtx whose `apt` is rtx is a mistake (often `apt` set to its own number) and stacks refuse it.",
        wrong: "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=97",
        right: "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=96";
    RED_BLOCK_NOT_IN_SECTION = "SDP0122" "red-block-not-in-section" Error [all] "RFC 2198 §5",
        title: "`red` fmtp lists a payload type not on the `m=` line",
        explanation: "The fmtp of a RED format lists the payload types of its primary and redundant blocks (`111/111`). Each must be a format of the same section, or the receiver cannot decode the blocks; it usually means the primary codec was removed by munging and the RED line was forgotten.",
        wrong: "m=audio 9 RTP/AVP 63 0\na=rtpmap:63 red/48000/2\na=fmtp:63 111/111",
        right: "m=audio 9 RTP/AVP 63 111\na=rtpmap:63 red/48000/2\na=fmtp:63 111/111\na=rtpmap:111 opus/48000/2";
    FEC_WITHOUT_PROTECTED_CODEC = "SDP0123" "fec-without-protected-codec" Warning [all] "RFC 5109 §14",
        title: "FEC format (`ulpfec`, `flexfec`) in a section with no media codec to protect",
        explanation: "ULPFEC and FlexFEC carry repair data for another format of the section. A section whose only formats are FEC, RED or rtx has nothing to protect, so no media can flow; it usually means the real codecs were filtered out while the helper formats were kept.",
        wrong: "m=video 9 RTP/AVPF 116\na=rtpmap:116 ulpfec/90000",
        right: "m=video 9 RTP/AVPF 96 116\na=rtpmap:96 VP8/90000\na=rtpmap:116 ulpfec/90000";
    TELEPHONE_EVENT_RATE_MISMATCH = "SDP0124" "telephone-event-rate-mismatch" Warning [all] "RFC 4733 §2.1",
        title: "`telephone-event` clock rate matches no audio codec of the section",
        explanation: "Telephone events (DTMF) share the SSRC and the timestamp line of the audio they interrupt, so their clock rate should be that of an audio codec of the section (telephone-event/48000 next to opus, /8000 next to PCMU). With no codec at that rate, events are only usable if the peer resamples timestamps; many gateways then play or detect no DTMF at all.",
        wrong: "m=audio 9 RTP/AVP 111 101\na=rtpmap:111 opus/48000/2\na=rtpmap:101 telephone-event/16000",
        right: "m=audio 9 RTP/AVP 111 101\na=rtpmap:111 opus/48000/2\na=rtpmap:101 telephone-event/48000";
    TOO_MANY_CHANNELS = "SDP0125" "too-many-channels" Error [Webrtc] "RFC 8866 §6.6, libwebrtc kMaxNumberOfChannels",
        title: "audio codec with more than 24 channels",
        explanation: "The encoding parameters of an audio rtpmap give its channel count. WebRTC stacks cap it: libwebrtc refuses a description with more than 24 channels for a codec (`kMaxNumberOfChannels`), so the whole offer fails to apply. A large count is usually a typo or a garbled value.",
        wrong: "a=rtpmap:108 ISAC/16000/512",
        right: "a=rtpmap:108 ISAC/16000";
    CHANNELS_ON_VIDEO = "SDP0126" "channels-on-video" Warning [all] "RFC 8866 §6.6",
        title: "encoding parameters (channels) on a video rtpmap",
        explanation: "The third part of an rtpmap (`/2`) is the audio channel count; no encoding parameters are defined for video. Most parsers ignore it, some refuse the line or misread the codec.",
        wrong: "m=video 9 RTP/AVP 96\na=rtpmap:96 H264/90000/1",
        right: "m=video 9 RTP/AVP 96\na=rtpmap:96 H264/90000";
    INVALID_H264_FMTP = "SDP0127" "invalid-h264-fmtp" Warning [all] "RFC 6184 §8.1",
        title: "H.264 fmtp parameter does not parse (`profile-level-id`, `packetization-mode`...)",
        explanation: "RFC 6184 gives H.264 parameters a precise form: `profile-level-id` is 6 hex digits (profile_idc, constraint flags, level_idc), `packetization-mode` 0, 1 or 2, and so on. Real cameras send truncated or decimal values; negotiation code that cannot read them falls back to Baseline level 1 or drops the codec, so the stream is refused or badly limited.",
        wrong: "a=rtpmap:96 H264/90000\na=fmtp:96 profile-level-id=4D001;packetization-mode=1",
        right: "a=rtpmap:96 H264/90000\na=fmtp:96 profile-level-id=4D001F;packetization-mode=1";
    DUPLICATE_FMTP_PARAMETER = "SDP0128" "duplicate-fmtp-parameter" Warning [all] "RFC 8866 §6.15",
        title: "fmtp parameter given twice",
        explanation: "Each format parameter is meant to have one value. When a key appears twice in one fmtp, parsers keep the first or the last, so the two ends may run with different settings; with the values equal, the repetition is only noise.",
        wrong: "a=fmtp:111 minptime=10;useinbandfec=1;minptime=20",
        right: "a=fmtp:111 minptime=10;useinbandfec=1";
    DUPLICATE_FMTP = "SDP0129" "duplicate-fmtp" Warning [all] "RFC 8866 §6.15",
        title: "two `a=fmtp` lines for one payload type",
        explanation: "The parameters of a format belong on one fmtp line. With two, parsers keep the first, the last, or merge them, so ends may disagree on the codec configuration; put every parameter on a single line.",
        wrong: "a=fmtp:111 minptime=10\na=fmtp:111 useinbandfec=1",
        right: "a=fmtp:111 minptime=10;useinbandfec=1";
    DUPLICATE_PAYLOAD_TYPE = "SDP0140" "duplicate-payload-type" Warning [all] "RFC 8866 §5.14",
        title: "payload type listed twice on the `m=` line",
        explanation: "The formats of an `m=` line are a preference-ordered list of distinct payload types. A repeated one adds nothing, and the list no longer maps one to one onto the codecs; some stacks refuse it.",
        wrong: "m=audio 49170 RTP/AVP 0 8 0",
        right: "m=audio 49170 RTP/AVP 0 8";
    RTPMAP_WITHOUT_CLOCK_RATE = "SDP0141" "rtpmap-without-clock-rate" Warning [all] "RFC 8866 §6.6",
        title: "`a=rtpmap` without a clock rate",
        explanation: "The rtpmap grammar is `<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`: the clock rate is required, since RTP timestamps cannot be read without it. Some IP cameras leave it out for metadata streams; tolerant parsers then guess or ignore the format.",
        wrong: "a=rtpmap:98 MetaData",
        right: "a=rtpmap:98 vnd.onvif.metadata/90000";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let rtsp = session.has_attribute("control")
        || session.media().iter().any(|m| m.has_attribute("control"));
    for (m, media) in session.media().iter().enumerate() {
        let Some(media_line) = ctx.media_line(m) else {
            continue;
        };
        if !media_line.is_rtp() {
            continue;
        }
        let section = Section::read(ctx, m, media, &media_line);
        // RTSP descriptions use port 0 for "chosen at SETUP", not for a rejected stream.
        let rejected = ctx.is_rejected(m) && !rtsp;
        check_mline(ctx, &section, rejected);
        check_rtpmaps(ctx, &section, media_line.media);
        check_orphans(ctx, &section, rejected);
        check_fmtps(ctx, &section);
        // The codecs `Media::codecs` gives, joined from the values the section already parsed.
        let codecs = codec::join(
            media_line.formats(),
            &section.rtpmap_values,
            &section.fmtp_values,
            &section.feedback_values,
        );
        check_repair(ctx, &section, &codecs);
        check_audio(ctx, &section, &codecs, media_line.media);
        check_h264(ctx, &section, &codecs);
    }
}

/// Checks on the `m=` line's format list.
fn check_mline(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, rejected: bool) {
    for (pt, loc) in &s.repeated {
        // RFC 8866 §5.14: the format list names each payload type once, in preference order.
        ctx.report_help(
            &DUPLICATE_PAYLOAD_TYPE,
            *loc,
            format!("payload type `{pt}` is listed more than once on the `m=` line"),
            "remove the repeated payload type",
        );
    }
    for (pt, loc) in &s.formats {
        // RFC 5761 §4: with RTP and RTCP multiplexed, payload types 64-95 must not be used (they
        // look like RTCP packet types 192-223 when the marker bit is set).
        if s.rtcp_mux && (64..=95).contains(pt) {
            ctx.report_help(
                &PT_COLLIDES_WITH_RTCP,
                *loc,
                format!("payload type `{pt}` collides with RTCP packet types in a section with `a=rtcp-mux`"),
                "use a dynamic payload type in 96-127 (or 35-63)",
            );
        }
        // RFC 8866 §6.6, RFC 3551 §3: a payload type that is not statically assigned must be
        // mapped by an rtpmap. Rejected sections (port 0) often drop their attributes.
        if !rejected && !s.mapped.contains(pt) && static_payload_type(*pt).is_none() {
            let kind = if (96..=127).contains(pt) || (35..=63).contains(pt) {
                "dynamic"
            } else {
                "unassigned"
            };
            ctx.report_help(
                &DYNAMIC_PT_WITHOUT_RTPMAP,
                *loc,
                format!("{kind} payload type `{pt}` has no `a=rtpmap`"),
                format!("add `a=rtpmap:{pt} <encoding name>/<clock rate>` to the section"),
            );
        }
    }
}

/// Checks on the rtpmap lines themselves.
fn check_rtpmaps(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, kind: &str) {
    let mut first: Vec<(usize, Rtpmap<'_>)> = Vec::with_capacity(s.rtpmaps.len());
    for &(i, map) in &s.rtpmaps {
        let pt = map.payload_type;
        match first.iter().find(|(_, m)| m.payload_type == pt) {
            None => {
                first.push((i, map));
            }
            Some(&(j, earlier)) => {
                let line = ctx.media_loc(s.index, j).line;
                let same = earlier
                    .encoding_name
                    .eq_ignore_ascii_case(map.encoding_name)
                    && earlier.clock_rate == map.clock_rate
                    && channel_count(earlier.channels) == channel_count(map.channels);
                if same {
                    // RFC 8866 §6.6: one rtpmap per payload type; a repeat is redundant.
                    ctx.report_help(
                        &DUPLICATE_RTPMAP,
                        ctx.media_loc(s.index, i),
                        format!("`a=rtpmap:{map}` repeats the rtpmap of line {line}"),
                        "remove the repeated line",
                    );
                } else {
                    // RFC 8866 §6.6: a payload type maps to one encoding in a media section.
                    ctx.report(
                        &CONFLICTING_RTPMAP,
                        ctx.media_loc(s.index, i),
                        format!(
                            "`a=rtpmap:{map}` conflicts with `a=rtpmap:{earlier}` on line {line}"
                        ),
                    );
                }
            }
        }
        let value = s
            .line(i)
            .and_then(|l| l.as_attribute())
            .and_then(|a| a.value())
            .unwrap_or_default();
        // RFC 8866 §6.6: `<encoding name>/<clock rate>` is required.
        if map.clock_rate.is_none() {
            ctx.report(
                &RTPMAP_WITHOUT_CLOCK_RATE,
                ctx.media_loc(s.index, i),
                format!("`a=rtpmap:{map}` gives no clock rate for payload type `{pt}`"),
            );
        }
        if let Some(channels) = map.channels {
            let at = value.rfind('/').map_or(0, |p| p + 1);
            let loc = s.value_loc(ctx, i, at, value.len().saturating_sub(at));
            if kind.eq_ignore_ascii_case("video") {
                // RFC 8866 §6.6: encoding parameters are defined for audio only.
                ctx.report_help(
                    &CHANNELS_ON_VIDEO,
                    loc,
                    format!("video rtpmap for payload type `{pt}` gives encoding parameters `/{channels}`"),
                    format!("write `a=rtpmap:{}`", Rtpmap { channels: None, ..map }),
                );
            } else if channels > 24 && kind.eq_ignore_ascii_case("audio") {
                // libwebrtc (kMaxNumberOfChannels): at most 24 channels per audio codec.
                ctx.report(
                    &TOO_MANY_CHANNELS,
                    loc,
                    format!("payload type `{pt}` has {channels} channels; WebRTC stacks accept at most 24"),
                );
            }
        }
        // RFC 3551 §6: payload types 0-34 are statically assigned; an rtpmap should agree.
        if let Some(known) = static_payload_type(pt) {
            let differs = !known.encoding_name.eq_ignore_ascii_case(map.encoding_name)
                || map.clock_rate.is_some_and(|r| r != known.clock_rate)
                || (kind.eq_ignore_ascii_case("audio")
                    && channel_count(map.channels) != channel_count(known.channels));
            if differs {
                let expected =
                    Rtpmap::new(pt, known.encoding_name, known.clock_rate, known.channels);
                ctx.report_help(
                    &STATIC_PT_REMAPPED,
                    s.pt_loc(ctx, i),
                    format!("`a=rtpmap:{map}` remaps static payload type `{pt}`, which RFC 3551 assigns to `{expected}`"),
                    "use a dynamic payload type (96-127) for this codec",
                );
            }
        }
    }
}

/// rtpmap, fmtp and rtcp-fb lines for payload types the `m=` line does not list.
fn check_orphans(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, rejected: bool) {
    if rejected || s.formats.is_empty() {
        return;
    }
    for &(i, map) in &s.rtpmaps {
        // RFC 8866 §6.6: an rtpmap maps one of the formats of the `m=` line.
        if !s.listed.contains(&map.payload_type) {
            ctx.report_help(
                &RTPMAP_FOR_UNLISTED_PT,
                s.pt_loc(ctx, i),
                format!(
                    "`a=rtpmap` for payload type `{}`, which the `m=` line does not list",
                    map.payload_type
                ),
                "add the payload type to the `m=` line or remove the line",
            );
        }
    }
    for &(i, fmtp) in &s.fmtps {
        // RFC 8866 §6.15: fmtp parameters apply to a format of the `m=` line.
        if let Some(pt) = fmtp.payload_type() {
            if !s.listed.contains(&pt) {
                ctx.report_help(
                    &FMTP_FOR_UNLISTED_PT,
                    s.pt_loc(ctx, i),
                    format!("`a=fmtp` for payload type `{pt}`, which the `m=` line does not list"),
                    "add the payload type to the `m=` line or remove the line",
                );
            }
        }
    }
    for &(i, fb) in &s.feedback {
        // RFC 4585 §4.2: feedback is for a payload type of the section, or `*`.
        if let RtcpFbPt::Pt(pt) = fb.pt() {
            if !s.listed.contains(&pt) {
                ctx.report_help(
                    &RTCP_FB_FOR_UNLISTED_PT,
                    s.pt_loc(ctx, i),
                    format!(
                        "`a=rtcp-fb` for payload type `{pt}`, which the `m=` line does not list"
                    ),
                    "add the payload type to the `m=` line, use `*`, or remove the line",
                );
            }
        }
    }
}

/// Repeated fmtp lines and repeated parameters within one fmtp.
///
/// [`FirstSeen`]: a hostile section with thousands of fmtp lines, or one fmtp line with
/// thousands of parameters, stays linear (issue 7).
fn check_fmtps(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>) {
    let mut first = FirstSeen::new();
    let mut keys = FirstSeen::new();
    for &(i, fmtp) in &s.fmtps {
        // RFC 8866 §6.15: the parameters of a format are given on one fmtp line.
        if let Some(j) = first.first_or_insert(fmtp.format(), i) {
            let line = ctx.media_loc(s.index, j).line;
            ctx.report_help(
                &DUPLICATE_FMTP,
                s.pt_loc(ctx, i),
                format!(
                    "second `a=fmtp` for format `{}` (the first is on line {line})",
                    fmtp.format()
                ),
                "merge the parameters into one `a=fmtp` line",
            );
        }
        // RFC 8866 §6.15: each parameter has one value.
        keys.clear();
        for param in fmtp.params() {
            let Some(key) = param.key else {
                continue;
            };
            // Keys compare ignoring ASCII case.
            let repeated = keys.first_or_insert(Caseless(key), ()).is_some();
            if repeated {
                let len = key.len() + 1 + param.value.len();
                ctx.report_help(
                    &DUPLICATE_FMTP_PARAMETER,
                    s.value_loc(ctx, i, param.offset, len),
                    format!(
                        "parameter `{key}` is given twice in the fmtp of format `{}`",
                        fmtp.format()
                    ),
                    "keep one value for the parameter",
                );
            }
        }
    }
}

/// A string that hashes and compares ignoring ASCII case (fmtp keys, RFC 4855 §3).
#[derive(Debug, Clone, Copy)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for b in self.0.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
        // Ends the key, as `str`'s own `Hash` does, so `ab`+`c` and `a`+`bc` differ in a tuple.
        state.write_u8(0xff);
    }
}

/// RTX, RED and FEC.
fn check_repair(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, codecs: &[Codec<'_>]) {
    for codec in codecs {
        let pt = codec.payload_type;
        if codec.is("rtx") {
            check_rtx(ctx, s, codec, codecs);
        }
        // RFC 2198 §5: the blocks of a RED payload are formats of the same section.
        if let Some(Ok(red)) = codec.red() {
            if let Some((i, fmtp)) = s.fmtp(pt) {
                let base = fmtp.params().next().map_or(0, |p| p.offset);
                let mut at = 0;
                for block in red.as_str().split('/') {
                    if let Ok(block_pt) = block.parse::<u8>() {
                        if !s.listed.contains(&block_pt) {
                            ctx.report_help(
                                &RED_BLOCK_NOT_IN_SECTION,
                                s.value_loc(ctx, i, base + at, block.len()),
                                format!("red payload type `{pt}` carries blocks of payload type `{block_pt}`, which the `m=` line does not list"),
                                format!("add `{block_pt}` to the `m=` line or fix the `a=fmtp:{pt}` list"),
                            );
                        }
                    }
                    at += block.len() + 1;
                }
            }
        }
    }
    // RFC 5109 §14 (and FlexFEC, RFC 8627): FEC protects another format of the section.
    let is_helper = |c: &Codec<'_>| {
        c.is("rtx")
            || c.is("red")
            || c.is("ulpfec")
            || c.encoding_name
                .get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case("flexfec"))
    };
    let has_media = codecs.iter().any(|c| !is_helper(c));
    if !has_media && !s.in_fec_group {
        for codec in codecs.iter().filter(|c| c.is_known() && is_helper(c)) {
            if codec.is("rtx") || codec.is("red") {
                continue;
            }
            let loc = rtpmap_loc(ctx, s, codec.payload_type);
            ctx.report(
                &FEC_WITHOUT_PROTECTED_CODEC,
                loc,
                format!(
                    "`{}` payload type `{}` has no media codec to protect in this section",
                    codec.encoding_name, codec.payload_type
                ),
            );
        }
    }
}

/// The `apt` of an rtx format (RFC 4588 §8.1), read from its first fmtp.
enum Apt<'s> {
    /// No fmtp for the rtx payload type.
    NoFmtp,
    /// An fmtp (at line `.0`) without `apt`.
    Missing(usize),
    /// `apt` is there but is not a payload type: line, offset and text of the value.
    Malformed(usize, usize, &'s str),
    /// A payload type, with the location of its value.
    Pt(u8, Loc),
}

fn read_apt<'s>(ctx: &Ctx<'_, '_>, s: &Section<'s, '_>, pt: u8) -> Apt<'s> {
    let Some((i, fmtp)) = s.fmtp(pt) else {
        return Apt::NoFmtp;
    };
    let Some(param) = fmtp.param("apt") else {
        return Apt::Missing(i);
    };
    let at = param.value_offset();
    match param.value.parse::<u8>() {
        Ok(apt) if apt <= 127 => Apt::Pt(apt, s.value_loc(ctx, i, at, param.value.len())),
        _ => Apt::Malformed(i, at, param.value),
    }
}

/// RTX: `apt` present, pointing at a non-rtx format of the section with the same clock rate.
fn check_rtx(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, codec: &Codec<'_>, codecs: &[Codec<'_>]) {
    let pt = codec.payload_type;
    // RFC 4588 §8.1: `apt` is a required parameter of rtx and names a payload type.
    let (apt, apt_loc) = match read_apt(ctx, s, pt) {
        Apt::NoFmtp => {
            ctx.report_help(
                &RTX_WITHOUT_APT,
                rtpmap_loc(ctx, s, pt),
                format!("rtx payload type `{pt}` has no `a=fmtp` with `apt`"),
                format!("add `a=fmtp:{pt} apt=<payload type>` naming the payload type it repairs"),
            );
            return;
        }
        Apt::Missing(i) => {
            ctx.report_help(
                &RTX_WITHOUT_APT,
                ctx.media_loc(s.index, i),
                format!("the fmtp of rtx payload type `{pt}` has no `apt` parameter"),
                "add `apt=<payload type>` naming the payload type it repairs",
            );
            return;
        }
        Apt::Malformed(i, at, text) => {
            ctx.report(
                &RTX_WITHOUT_APT,
                s.value_loc(ctx, i, at, text.len()),
                format!("`apt={text}` of rtx payload type `{pt}` is not a payload type (0-127)"),
            );
            return;
        }
        Apt::Pt(apt, loc) => (apt, loc),
    };
    // `codec::join` gives each payload type once.
    match codecs.iter().find(|c| c.payload_type == apt) {
        // RFC 4588 §8.1: `apt` names the original payload type, a format of the section.
        None => ctx.report_help(
            &RTX_APT_NOT_IN_SECTION,
            apt_loc,
            format!(
                "rtx payload type `{pt}` repairs payload type `{apt}`, which the `m=` line does not list"
            ),
            "point `apt` at a codec of the section, or remove the rtx format",
        ),
        // RFC 4588 §8.1: `apt` names an original stream, never a retransmission.
        Some(primary) if primary.is("rtx") => ctx.report(
            &RTX_OF_RTX,
            apt_loc,
            format!("rtx payload type `{pt}` repairs payload type `{apt}`, which is rtx itself"),
        ),
        Some(primary) => {
            // RFC 4588 §8.1: the rtx rate equals the rate of the repaired payload type.
            if let (Some(own), Some(orig)) = (codec.clock_rate, primary.clock_rate) {
                if own != orig {
                    ctx.report_help(
                        &RTX_CLOCK_RATE_MISMATCH,
                        rtpmap_loc(ctx, s, pt),
                        format!(
                            "rtx payload type `{pt}` runs at {own} Hz but repairs payload type `{apt}` (`{}`) at {orig} Hz",
                            primary.encoding_name
                        ),
                        format!("write `a=rtpmap:{pt} {}/{orig}`", codec.encoding_name),
                    );
                }
            }
        }
    }
}

/// telephone-event clock rates.
fn check_audio(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, codecs: &[Codec<'_>], kind: &str) {
    if !kind.eq_ignore_ascii_case("audio") {
        return;
    }
    let is_audio_codec = |c: &Codec<'_>| {
        c.is_known()
            && !["telephone-event", "CN", "red", "rtx", "ulpfec"]
                .iter()
                .any(|n| c.is(n))
    };
    let mut rates: Vec<u32> = codecs
        .iter()
        .filter(|c| is_audio_codec(c))
        .filter_map(|c| c.clock_rate)
        .collect();
    rates.sort_unstable();
    rates.dedup();
    if rates.is_empty() {
        return;
    }
    for codec in codecs.iter().filter(|c| c.is("telephone-event")) {
        let Some(rate) = codec.clock_rate else {
            continue;
        };
        // RFC 4733 §2.1: events use the timestamp clock of the audio they go with.
        if !rates.contains(&rate) {
            let loc = rtpmap_loc(ctx, s, codec.payload_type);
            let list: Vec<String> = rates.iter().map(u32::to_string).collect();
            ctx.report(
                &TELEPHONE_EVENT_RATE_MISMATCH,
                loc,
                format!(
                    "telephone-event payload type `{}` runs at {rate} Hz, but the audio codecs of the section run at {} Hz",
                    codec.payload_type,
                    list.join(", ")
                ),
            );
        }
    }
}

/// H.264 parameters that do not parse.
fn check_h264(ctx: &mut Ctx<'_, '_>, s: &Section<'_, '_>, codecs: &[Codec<'_>]) {
    for codec in codecs.iter().filter(|c| c.is("H264")) {
        let Some((i, fmtp)) = s.fmtp(codec.payload_type) else {
            continue;
        };
        // RFC 6184 §8.1: profile-level-id is 6 hex digits, packetization-mode 0-2, ...
        if let Err(e) = H264Params::from_fmtp(&fmtp) {
            let value = fmtp_value(s, i);
            // The parameter the error is in, whole (`key=value`).
            let param = fmtp
                .params()
                .take_while(|p| p.offset <= e.offset)
                .last()
                .and_then(|p| {
                    let len = p.key.map_or(0, |k| k.len() + 1) + p.value.len();
                    Some((p.offset, value.get(p.offset..p.offset + len)?))
                });
            let (at, text) = param.unwrap_or((e.offset, e.found_in(value)));
            // Where in the parameter the error is, when not at its start.
            let rest = text
                .get(e.offset.saturating_sub(at)..)
                .filter(|r| !r.is_empty() && e.offset > at && !text.ends_with(&format!("={r}")))
                .map(|r| format!(" before `{r}`"))
                .unwrap_or_default();
            ctx.report(
                &INVALID_H264_FMTP,
                s.value_loc(ctx, i, at, text.len()),
                format!(
                    "`{text}` in the H.264 fmtp of payload type `{}` does not parse: expected {}{rest}",
                    codec.payload_type, e.expected
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;
