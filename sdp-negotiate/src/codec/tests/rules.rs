//! Payload types and order (B7-B9), feedback (B14), empty intersections (B15), BUNDLE (B16),
//! and whole browser sections.

use super::*;

#[test]
fn b7_answer_uses_the_offer_payload_type_and_spelling() {
    let offer = "m=audio 9 RTP/AVP 109\nc=IN IP4 0.0.0.0\na=rtpmap:109 OPUS/48000/2";
    let out = audio(offer, &[opus()]);
    let c = &out.codecs[0];
    assert_eq!((c.payload_type, c.name.as_str()), (109, "OPUS"));
    assert_eq!((c.clock_rate, c.channels), (48000, Some(2)));
}

#[test]
fn b8_each_local_codec_pairs_with_the_first_matching_offer_only() {
    let offer = "
m=video 9 UDP/TLS/RTP/SAVPF 96 98
c=IN IP4 0.0.0.0
a=rtpmap:96 H264/90000
a=fmtp:96 packetization-mode=1;profile-level-id=42e01f
a=rtpmap:98 H264/90000
a=fmtp:98 packetization-mode=1;profile-level-id=42e032
";
    let cb = h264("packetization-mode=1;profile-level-id=42e01f");
    let out = video(offer, std::slice::from_ref(&cb));
    assert_eq!(pts(&out), [96]);
    assert_eq!(
        reason(&out, 98),
        "PT 96 already answers the same local codec (B8)"
    );
    // A second config of the same codec adds nothing: a PT is never answered twice.
    let cb_high_level = h264("packetization-mode=1;profile-level-id=42e034");
    assert_eq!(pts(&video(offer, &[cb, cb_high_level])), [96]);
}

#[test]
fn b8_chrome_offer_gives_one_h264_per_local_config() {
    let local = [
        h264("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
        h264("level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f"),
        h264("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f"),
    ];
    assert_eq!(pts(&video(CHROME_VIDEO, &local)), [106, 108, 127]);
}

#[test]
fn b9_answer_follows_the_offer_order_not_local_preference() {
    let local = [codec("PCMU", 8000), codec("G722", 8000), opus()];
    assert_eq!(pts(&audio(CHROME_AUDIO, &local)), [111, 9, 0]);
}

#[test]
fn b14_feedback_is_the_intersection_in_offer_order() {
    let all = ["nack", "nack pli", "ccm fir", "goog-remb", "transport-cc"];
    let with_twcc = CodecOptions {
        transport_cc: true,
        ..CodecOptions::default()
    };
    let out = run(
        MediaKind::Video,
        CHROME_VIDEO,
        &[codec("VP8", 90000).fb(&all)],
        with_twcc,
    );
    assert_eq!(
        out.get(96).unwrap().rtcp_fb,
        ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"]
    );
    // Only what both sides list.
    let out = video(
        CHROME_VIDEO,
        &[codec("VP8", 90000).fb(&["nack pli", "ccm tmmbr"])],
    );
    assert_eq!(out.get(96).unwrap().rtcp_fb, ["nack pli"]);
}

#[test]
fn b14_feedback_includes_wildcard_lines_and_ignores_case() {
    let offer = "
m=video 9 UDP/TLS/RTP/SAVPF 96
c=IN IP4 0.0.0.0
a=rtpmap:96 VP8/90000
a=rtcp-fb:* nack
a=rtcp-fb:96 NACK
a=rtcp-fb:96 NACK PLI
a=rtcp-fb:* ccm fir
";
    let local = codec("VP8", 90000).fb(&["nack", "nack pli", "CCM FIR"]);
    let out = video(offer, &[local]);
    assert_eq!(
        out.get(96).unwrap().rtcp_fb,
        ["nack", "NACK PLI", "ccm fir"]
    );
}

#[test]
fn b14_transport_cc_needs_the_transport_wide_cc_extension() {
    let local = [opus().fb(&["transport-cc"])];
    let out = audio(CHROME_AUDIO, &local);
    assert!(out.get(111).unwrap().rtcp_fb.is_empty());
    let twcc = CodecOptions {
        transport_cc: true,
        ..CodecOptions::default()
    };
    let out = run(MediaKind::Audio, CHROME_AUDIO, &local, twcc);
    assert_eq!(out.get(111).unwrap().rtcp_fb, ["transport-cc"]);
}

#[test]
fn b14_feedback_the_offer_lacks_is_never_answered() {
    // Firefox offers no feedback for VP9.
    let local = codec("VP9", 90000).fb(&["nack", "nack pli"]);
    let out = video(FIREFOX_VIDEO, &[local]);
    assert!(out.get(121).unwrap().rtcp_fb.is_empty());
}

#[test]
fn b15_empty_intersection_has_no_primary() {
    let out = video(CHROME_VIDEO, &[codec("H263", 90000)]);
    assert!(out.codecs.is_empty() && !out.has_primary());
    assert_eq!(out.dropped.len(), 27);
    let out = audio(CHROME_AUDIO, &[]);
    assert!(!out.has_primary());
    assert_eq!(out.dropped.len(), 8);
}

#[test]
fn b15_only_auxiliary_formats_left_is_no_primary() {
    let local = [
        codec("rtx", 90000),
        codec("red", 90000),
        codec("ulpfec", 90000),
    ];
    let out = video(CHROME_VIDEO, &local);
    // Video red has no fmtp to check and ulpfec rides on it; every rtx repairs a dropped codec
    // except the one for red. None of them is a primary: the caller rejects the section.
    assert_eq!(pts(&out), [114, 115, 116]);
    assert!(!out.has_primary());
}

#[test]
fn b16_answered_payload_types_are_the_offers_so_bundle_consistency_is_inherited() {
    // B16 is checked by the validator; here: every answered PT keeps the offered rtpmap.
    let session_text = HEAD.to_string()
        + &CHROME_VIDEO
            .trim()
            .lines()
            .map(|l| format!("{l}\r\n"))
            .collect::<String>();
    let session = Session::parse(&session_text).unwrap();
    let offered = session.media()[0].codecs();
    let out = negotiate_codecs(
        MediaKind::Video,
        &offered,
        &browser_video(),
        &CodecOptions::default(),
    );
    for answered in &out.codecs {
        let theirs = offered
            .iter()
            .find(|c| c.payload_type == answered.payload_type)
            .unwrap();
        assert_eq!(answered.name, theirs.encoding_name);
        assert_eq!(Some(answered.clock_rate), theirs.clock_rate);
    }
}

/// A browser-like video config.
fn browser_video() -> Vec<CodecConfig> {
    let fb = ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"];
    vec![
        codec("VP8", 90000).fb(&fb).with_rtx(),
        codec("VP9", 90000).fmtp("profile-id=0").fb(&fb).with_rtx(),
        h264("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f")
            .fb(&fb)
            .with_rtx(),
        codec("AV1", 90000).fb(&fb).with_rtx(),
        codec("red", 90000),
        codec("rtx", 90000),
        codec("ulpfec", 90000),
    ]
}

#[test]
fn chrome_video_offer_against_a_browser_like_config() {
    let out = video(CHROME_VIDEO, &browser_video());
    assert_eq!(pts(&out), [96, 97, 98, 99, 106, 107, 45, 46, 114, 115, 116]);
    assert_eq!(answer_fmtp(&out, 98), Some("profile-id=0"));
    assert_eq!(
        answer_fmtp(&out, 106),
        Some("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f")
    );
    assert_eq!(reason(&out, 49), "no matching local codec");
    assert_eq!(reason(&out, 50), "rtx for dropped PT 49 (B10)");
    assert!(out.error().is_none());
}

#[test]
fn firefox_video_offer_against_a_browser_like_config() {
    let out = video(FIREFOX_VIDEO, &browser_video()[..3]);
    assert_eq!(pts(&out), [120, 124, 121, 125, 126, 127]);
    assert_eq!(reason(&out, 97), "no matching local codec");
    assert_eq!(reason(&out, 98), "rtx for dropped PT 97 (B10)");
    assert_eq!(reason(&out, 123), "ulpfec without an answered red (B11)");
    assert_eq!(
        out.get(126).unwrap().rtcp_fb,
        ["nack", "nack pli", "ccm fir", "goog-remb"]
    );
}

#[test]
fn firefox_audio_offer_against_a_phone_like_config() {
    let local = [opus(), codec("PCMU", 8000), codec("telephone-event", 8000)];
    let out = audio(FIREFOX_AUDIO, &local);
    assert_eq!(pts(&out), [109, 0, 101]);
    assert_eq!(reason(&out, 9), "no matching local codec");
    assert_eq!(reason(&out, 8), "no matching local codec");
}
