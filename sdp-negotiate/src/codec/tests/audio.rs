//! Formats and base match (B1, B2), our own parameters (B6), telephone-event (B12), CN (B13).

use super::*;

#[test]
fn b1_formats_in_64_to_95_are_dropped_with_a_reason() {
    let offer = "
m=audio 9 RTP/AVP 72 36
c=IN IP4 0.0.0.0
a=rtpmap:72 opus/48000/2
a=rtpmap:36 opus/48000/2
";
    let out = audio(offer, &[opus()]);
    assert_eq!(pts(&out), [36]);
    assert!(reason(&out, 72).contains("64-95"));
}

#[test]
fn b1_dynamic_payload_types_35_to_63_match_by_name() {
    // Chrome puts audio RED at 63 and AV1 at 45.
    let out = audio(CHROME_AUDIO, &[opus(), codec("red", 48000).channels(2)]);
    assert_eq!(pts(&out), [111, 63]);
    assert_eq!(pts(&video(CHROME_VIDEO, &[codec("AV1", 90000)])), [45]);
}

#[test]
fn b1_static_payload_types_resolve_without_rtpmap() {
    let offer = "m=audio 9 RTP/AVP 0 8 9\nc=IN IP4 0.0.0.0";
    let out = audio(offer, &[codec("PCMA", 8000), codec("G722", 8000)]);
    assert_eq!(pts(&out), [8, 9]);
    assert_eq!(out.get(8).unwrap().name, "PCMA");
}

#[test]
fn b1_dynamic_payload_type_without_rtpmap_is_dropped() {
    let offer = "m=audio 9 RTP/AVP 96 0\nc=IN IP4 0.0.0.0";
    let out = audio(offer, &[codec("PCMU", 8000)]);
    assert_eq!(pts(&out), [0]);
    assert_eq!(reason(&out, 96), "dynamic payload type without rtpmap");
}

#[test]
fn b2_names_match_ignoring_case_and_the_answer_keeps_the_offer_spelling() {
    let offer = "m=video 9 UDP/TLS/RTP/SAVPF 100\nc=IN IP4 0.0.0.0\na=rtpmap:100 vp8/90000";
    let out = video(offer, &[codec("VP8", 90000)]);
    assert_eq!(out.codecs[0].name, "vp8");
}

#[test]
fn b2_audio_channels_default_to_one() {
    // Firefox writes G722/8000/1; our config leaves channels out.
    let out = audio(FIREFOX_AUDIO, &[codec("G722", 8000)]);
    assert_eq!(pts(&out), [9]);
    assert_eq!(out.codecs[0].channels, Some(1));
    let stereo = "m=audio 9 RTP/AVP 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 L16/44100/2";
    assert!(!audio(stereo, &[codec("L16", 44100)]).has_primary());
    assert!(audio(stereo, &[codec("L16", 44100).channels(2)]).has_primary());
}

#[test]
fn b2_clock_rate_must_be_equal() {
    let offer = "m=audio 9 RTP/AVP 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 G722/16000";
    assert!(!audio(offer, &[codec("G722", 8000)]).has_primary());
    let offer = "m=video 9 RTP/AVP 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 VP8/45000";
    assert!(!video(offer, &[codec("VP8", 90000)]).has_primary());
}

#[test]
fn b2_opus_without_channel_count_is_accepted_leniently() {
    let offer = "m=audio 9 RTP/AVP 111\nc=IN IP4 0.0.0.0\na=rtpmap:111 opus/48000";
    let out = audio(offer, &[opus()]);
    assert_eq!(pts(&out), [111]);
    // The answer keeps the offer's rtpmap text: no channel count.
    assert_eq!(out.codecs[0].channels, None);
    // Only for opus.
    let offer = "m=audio 9 RTP/AVP 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 L16/44100";
    assert!(!audio(offer, &[codec("L16", 44100).channels(2)]).has_primary());
}

#[test]
fn b3_codecs_without_match_keys_ignore_the_fmtp() {
    let ours = codec("opus", 48000).channels(2).fmtp("stereo=0;usedtx=1");
    assert_eq!(pts(&audio(FIREFOX_AUDIO, &[ours])), [109]);
    let vp8 = codec("VP8", 90000).fmtp("max-fr=30");
    assert_eq!(pts(&video(FIREFOX_VIDEO, &[vp8])), [120]);
}

#[test]
fn b6_opus_answer_has_our_parameters_not_the_offers() {
    let out = audio(FIREFOX_AUDIO, &[opus()]);
    let opus = out.get(109).unwrap();
    assert_eq!(
        opus.answer_fmtp.as_deref(),
        Some("minptime=10;useinbandfec=1")
    );
    assert_eq!(
        opus.offer_fmtp.as_deref(),
        Some("maxplaybackrate=48000;stereo=1;useinbandfec=1")
    );
}

#[test]
fn b6_codec_without_local_fmtp_has_no_answer_fmtp() {
    let out = video(FIREFOX_VIDEO, &[codec("VP8", 90000)]);
    assert_eq!(answer_fmtp(&out, 120), None);
    assert_eq!(
        out.codecs[0].offer_fmtp.as_deref(),
        Some("max-fs=12288;max-fr=60")
    );
}

#[test]
fn b12_telephone_event_is_kept_only_at_answered_clock_rates() {
    let te = [
        codec("telephone-event", 48000),
        codec("telephone-event", 8000),
    ];
    let local = [opus(), te[0].clone(), te[1].clone()];
    let out = audio(CHROME_AUDIO, &local);
    assert_eq!(pts(&out), [111, 110]);
    assert_eq!(
        reason(&out, 126),
        "telephone-event/8000: no answered codec has this clock rate (B12)"
    );
    // With PCMU answered too, both rates are useful.
    let local = [opus(), codec("PCMU", 8000), te[0].clone(), te[1].clone()];
    let out = audio(CHROME_AUDIO, &local);
    assert_eq!(pts(&out), [111, 0, 110, 126]);
    assert_eq!(out.get(126).unwrap().role, CodecRole::TelephoneEvent);
}

#[test]
fn b12_telephone_event_is_kept_when_no_supported_rate_matches_a_primary() {
    // Firefox offers only telephone-event/8000; we answer opus only.
    let out = audio(FIREFOX_AUDIO, &[opus(), codec("telephone-event", 8000)]);
    assert_eq!(pts(&out), [109, 101]);
    assert_eq!(answer_fmtp(&out, 101), Some("0-15"));
}

#[test]
fn b12_telephone_events_are_echoed_or_narrowed() {
    let offer = |fmtp: &str| {
        format!(
            "m=audio 9 RTP/AVP 0 101\nc=IN IP4 0.0.0.0\na=rtpmap:101 telephone-event/8000\n{fmtp}"
        )
    };
    let te = |fmtp: Option<&str>| {
        let c = codec("telephone-event", 8000);
        [codec("PCMU", 8000), fmtp.map_or(c.clone(), |f| c.fmtp(f))]
    };
    let with_list = offer("a=fmtp:101 0-15,66,70");
    assert_eq!(
        answer_fmtp(&audio(&with_list, &te(Some("0-15,70"))), 101),
        Some("0-15,70")
    );
    assert_eq!(
        answer_fmtp(&audio(&with_list, &te(None)), 101),
        Some("0-15")
    );
    assert_eq!(
        answer_fmtp(&audio(&with_list, &te(Some("0-255"))), 101),
        Some("0-15,66,70")
    );
    // No fmtp in the offer means 0-15; we may narrow it.
    let bare = offer("");
    assert_eq!(answer_fmtp(&audio(&bare, &te(None)), 101), None);
    assert_eq!(
        answer_fmtp(&audio(&bare, &te(Some("0-11"))), 101),
        Some("0-11")
    );
    // Nothing in common.
    let out = audio(&offer("a=fmtp:101 66"), &te(None));
    assert_eq!(pts(&out), [0]);
    assert_eq!(reason(&out, 101), "no telephone event in common (B12)");
}

#[test]
fn b12_telephone_event_is_not_a_primary_codec() {
    let out = audio(FIREFOX_AUDIO, &[codec("telephone-event", 8000)]);
    assert_eq!(pts(&out), [101]);
    assert!(!out.has_primary());
}

#[test]
fn b13_cn_is_dropped_without_vad() {
    let local = [opus(), codec("PCMU", 8000), codec("CN", 8000)];
    let out = audio(CHROME_AUDIO, &local);
    assert_eq!(pts(&out), [111, 0]);
    assert_eq!(
        reason(&out, 13),
        "CN is answered only when VAD is wanted (B13)"
    );
}

#[test]
fn b13_cn_is_answered_with_vad_and_is_not_primary() {
    let local = [opus(), codec("PCMU", 8000), codec("CN", 8000)];
    let vad = CodecOptions {
        vad: true,
        ..CodecOptions::default()
    };
    let out = run(MediaKind::Audio, CHROME_AUDIO, &local, vad);
    assert_eq!(pts(&out), [111, 0, 13]);
    assert_eq!(out.get(13).unwrap().role, CodecRole::ComfortNoise);
    let only_cn = run(MediaKind::Audio, CHROME_AUDIO, &[codec("CN", 8000)], vad);
    assert_eq!(pts(&only_cn), [13]);
    assert!(!only_cn.has_primary());
}
