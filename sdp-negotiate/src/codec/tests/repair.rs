//! RTX (B10), RED, ULPFEC and FlexFEC (B11).

use super::*;

/// VP8 at 96 with RTX at 97 and the given extra lines.
fn vp8_with(extra_pts: &str, extra: &str) -> String {
    format!(
        "m=video 9 UDP/TLS/RTP/SAVPF 96 {extra_pts}\nc=IN IP4 0.0.0.0\na=rtpmap:96 VP8/90000\n{}",
        extra.trim()
    )
}

#[test]
fn b10_rtx_follows_its_primary_with_the_offer_payload_types() {
    let out = video(CHROME_VIDEO, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(pts(&out), [96, 97]);
    let rtx = out.get(97).unwrap();
    assert_eq!(rtx.role, CodecRole::Rtx { apt: 96 });
    assert_eq!(rtx.answer_fmtp.as_deref(), Some("apt=96"));
    assert_eq!((rtx.name.as_str(), rtx.clock_rate), ("rtx", 90000));
}

#[test]
fn b10_rtx_whose_primary_is_dropped_is_dropped() {
    let out = video(CHROME_VIDEO, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(reason(&out, 99), "rtx for dropped PT 98 (B10)");
    assert_eq!(reason(&out, 103), "rtx for dropped PT 102 (B10)");
    // Firefox: rtx 119 repairs red 122, which we do not support.
    let out = video(FIREFOX_VIDEO, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(pts(&out), [120, 124]);
    assert_eq!(reason(&out, 119), "rtx for dropped PT 122 (B10)");
}

#[test]
fn b10_rtx_whose_apt_is_missing_from_the_m_line_is_dropped_when_lenient() {
    let offer = vp8_with("97", "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=45");
    let out = video(&offer, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(pts(&out), [96]);
    assert!(reason(&out, 97).contains("not in the m-line"));
    assert!(out.error().is_none());
}

#[test]
fn b10_rtx_whose_apt_is_missing_from_the_m_line_is_an_error_when_strict() {
    let offer = vp8_with("97", "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=45");
    let strict = CodecOptions {
        strict: true,
        ..CodecOptions::default()
    };
    let out = run(
        MediaKind::Video,
        &offer,
        &[codec("VP8", 90000).with_rtx()],
        strict,
    );
    let error = out
        .error()
        .expect("strict mode flags the missing apt target");
    assert_eq!(error.payload_type, 97);
    assert!(error.is_error() && error.reason.starts_with("error:"));
}

#[test]
fn b10_rtx_with_another_clock_rate_is_dropped() {
    let offer = vp8_with("97", "a=rtpmap:97 rtx/48000\na=fmtp:97 apt=96");
    let local = [codec("VP8", 90000).with_rtx(), codec("rtx", 48000)];
    let out = video(&offer, &local);
    assert_eq!(pts(&out), [96]);
    assert!(reason(&out, 97).contains("clock rate"));
}

#[test]
fn b10_rtx_keeps_the_offered_rtx_time() {
    let offer = vp8_with(
        "97",
        "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=96;rtx-time=3000",
    );
    let out = video(&offer, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(answer_fmtp(&out, 97), Some("apt=96;rtx-time=3000"));
}

#[test]
fn b10_one_rtx_per_primary() {
    let offer = vp8_with(
        "97 98",
        "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=96\na=rtpmap:98 rtx/90000\na=fmtp:98 apt=96",
    );
    let out = video(&offer, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(pts(&out), [96, 97]);
    assert!(reason(&out, 98).contains("already the rtx for PT 96"));
}

#[test]
fn b10_rtx_needs_local_support() {
    let out = video(CHROME_VIDEO, &[codec("VP8", 90000)]);
    assert_eq!(pts(&out), [96]);
    assert_eq!(reason(&out, 97), "rtx not supported for PT 96");
}

#[test]
fn b10_rtx_listed_by_name_covers_every_answered_codec_of_its_clock_rate() {
    let local = [
        codec("VP8", 90000),
        codec("VP9", 90000),
        codec("rtx", 90000).fb(&["nack"]),
    ];
    let offer = "
m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99
c=IN IP4 0.0.0.0
a=rtpmap:96 VP8/90000
a=rtpmap:97 rtx/90000
a=fmtp:97 apt=96
a=rtpmap:98 VP9/90000
a=rtpmap:99 rtx/90000
a=fmtp:99 apt=98
a=rtcp-fb:* nack
";
    let out = video(offer, &local);
    assert_eq!(pts(&out), [96, 97, 98, 99]);
    // The listed rtx config's feedback applies to RTX; VP8 and VP9 support none here.
    assert_eq!(out.get(97).unwrap().rtcp_fb, ["nack"]);
    assert!(out.get(96).unwrap().rtcp_fb.is_empty());
    // An RTX implied by `rtx = true` has no feedback.
    let out = video(offer, &[codec("VP8", 90000).with_rtx().fb(&["nack"])]);
    assert_eq!(out.get(96).unwrap().rtcp_fb, ["nack"]);
    assert!(out.get(97).unwrap().rtcp_fb.is_empty());
}

#[test]
fn b10_rtx_without_apt_is_dropped() {
    let offer = vp8_with("97", "a=rtpmap:97 rtx/90000");
    let out = video(&offer, &[codec("VP8", 90000).with_rtx()]);
    assert!(reason(&out, 97).contains("without a valid apt"));
}

#[test]
fn b10_rtx_may_repair_an_answered_red() {
    let local = [
        codec("VP8", 90000).with_rtx(),
        codec("red", 90000),
        codec("rtx", 90000),
        codec("ulpfec", 90000),
    ];
    let out = video(CHROME_VIDEO, &local);
    assert_eq!(pts(&out), [96, 97, 114, 115, 116]);
    assert_eq!(out.get(115).unwrap().role, CodecRole::Rtx { apt: 114 });
}

#[test]
fn b11_audio_red_is_kept_when_its_codecs_are_answered() {
    let out = audio(CHROME_AUDIO, &[opus(), codec("red", 48000).channels(2)]);
    assert_eq!(pts(&out), [111, 63]);
    let red = out.get(63).unwrap();
    assert_eq!(red.role, CodecRole::Red);
    // B11: the answer keeps the offer's redundancy fmtp.
    assert_eq!(red.answer_fmtp.as_deref(), Some("111/111"));
}

#[test]
fn b11_red_over_a_dropped_codec_is_dropped() {
    let local = [codec("PCMU", 8000), codec("red", 48000).channels(2)];
    let out = audio(CHROME_AUDIO, &local);
    assert_eq!(pts(&out), [0]);
    assert_eq!(reason(&out, 63), "red over dropped PT 111 (B11)");
    // A block PT missing from the m-line.
    let offer = "
m=audio 9 UDP/TLS/RTP/SAVPF 111 63
c=IN IP4 0.0.0.0
a=rtpmap:111 opus/48000/2
a=rtpmap:63 red/48000/2
a=fmtp:63 111/98
";
    let out = audio(offer, &[opus(), codec("red", 48000).channels(2)]);
    assert_eq!(pts(&out), [111]);
    assert!(reason(&out, 63).contains("not in the m-line"));
}

#[test]
fn b11_video_red_and_ulpfec_are_answered_together_and_are_not_primary() {
    let local = [
        codec("VP8", 90000),
        codec("red", 90000),
        codec("ulpfec", 90000),
    ];
    let out = video(CHROME_VIDEO, &local);
    assert_eq!(pts(&out), [96, 114, 116]);
    assert_eq!(out.get(114).unwrap().role, CodecRole::Red);
    assert_eq!(out.get(114).unwrap().answer_fmtp, None);
    assert_eq!(out.get(116).unwrap().role, CodecRole::Fec);
}

#[test]
fn b11_ulpfec_without_red_is_dropped() {
    let out = video(CHROME_VIDEO, &[codec("VP8", 90000), codec("ulpfec", 90000)]);
    assert_eq!(pts(&out), [96]);
    assert_eq!(reason(&out, 116), "ulpfec without an answered red (B11)");
}

#[test]
fn b11_flexfec_is_answered_only_when_supported() {
    let offer = "
m=video 9 UDP/TLS/RTP/SAVPF 96 35
c=IN IP4 0.0.0.0
a=rtpmap:96 VP8/90000
a=rtpmap:35 flexfec-03/90000
a=fmtp:35 repair-window=10000000
";
    let out = video(offer, &[codec("VP8", 90000)]);
    assert_eq!(pts(&out), [96]);
    let out = video(offer, &[codec("VP8", 90000), codec("flexfec-03", 90000)]);
    assert_eq!(pts(&out), [96, 35]);
    let fec = out.get(35).unwrap();
    assert_eq!(fec.role, CodecRole::Fec);
    assert_eq!(fec.answer_fmtp.as_deref(), Some("repair-window=10000000"));
}
