//! Initial offers (JSEP §5.2.1; rulebook A, B, C, D).

use super::*;

fn data() -> OfferOptions<'static> {
    OfferOptions {
        data_channel: true,
        ..OfferOptions::default()
    }
}

#[test]
fn a32_initial_offer_session_lines() {
    let (offer, _) = initial(&[audio()], &OfferOptions::default());
    let origin = offer.origin().unwrap();
    assert_eq!(origin.username, "-");
    assert!(origin.session_id.parse::<u64>().unwrap() < 1 << 63);
    assert_eq!(origin.session_version, "1");
    assert_eq!(offer.name(), Some("-"));
    let text = offer.to_string();
    assert!(text.contains("t=0 0\r\n"), "{text}");
    assert!(text.contains("a=extmap-allow-mixed\r\n"), "{text}");
    assert!(text.contains("a=msid-semantic: WMS *\r\n"), "{text}");
}

#[test]
fn a5_initial_audio_offer_is_answerable() {
    let (offer, _) = initial(&[audio()], &OfferOptions::default());
    let m = &offer.media()[0];
    assert!(m
        .line()
        .value()
        .starts_with("audio 9 UDP/TLS/RTP/SAVPF 96 "));
    for attr in ["rtcp-mux", "rtcp-rsize", "sendrecv"] {
        assert!(m.has_attribute(attr), "{attr}");
    }
    assert_eq!(values(m, "setup"), ["actpass"]);
    assert_eq!(values(m, "rtcp"), ["9 IN IP4 0.0.0.0"]);
    assert_eq!(values(m, "ice-options"), ["trickle"]);
    assert_eq!(values(m, "fingerprint").len(), 1);
    assert_eq!(values(m, "mid"), ["0"]);
    assert_eq!(values(&offer.media()[0], "msid").len(), 1);
}

#[test]
fn jsep_initial_audio_video_offer_is_answerable() {
    let (offer, answer) = initial(&[audio(), video()], &OfferOptions::default());
    assert_eq!(mids(&offer), ["0", "1"]);
    assert!(offer.to_string().contains("a=group:BUNDLE 0 1\r\n"));
    assert_eq!(answer.negotiated.bundle_groups, [["0", "1"]]);
}

#[test]
fn a25_initial_audio_video_data_offer_is_answerable() {
    let (offer, _) = initial(&[audio(), video()], &data());
    assert_eq!(mids(&offer), ["0", "1", "2"]);
    let m = &offer.media()[2];
    assert_eq!(
        m.line().value(),
        "application 0 UDP/DTLS/SCTP webrtc-datachannel"
    );
    assert_eq!(values(m, "sctp-port"), ["5000"]);
    assert_eq!(values(m, "max-message-size"), ["262144"]);
    assert!(m.direction().is_none());
}

#[test]
fn a25_data_only_offer_is_answerable() {
    let (offer, _) = initial(&[], &data());
    assert_eq!(offer.media().len(), 1);
    assert_eq!(
        offer.media()[0].line().value(),
        "application 9 UDP/DTLS/SCTP webrtc-datachannel"
    );
    assert!(offer.to_string().contains("a=group:BUNDLE 0\r\n"));
}

#[test]
fn d1_simulcast_send_with_three_rids_is_answerable() {
    let t = Transceiver {
        send_rids: vec!["h".into(), "m".into(), "l".into()],
        msid: Some(("s".into(), "t".into())),
        ..video()
    };
    let (offer, answer) = initial(&[t], &OfferOptions::default());
    let m = &offer.media()[0];
    assert_eq!(values(m, "rid"), ["h send", "m send", "l send"]);
    assert_eq!(values(m, "simulcast"), ["send h;m;l"]);
    assert_eq!(values(m, "msid"), ["s t"]);
    // C8, D6: the rid extensions; A30: no SSRCs with rid simulcast.
    let ext = values(m, "extmap").join("\n");
    assert!(ext.contains(crate::offer::payload::RID_URI), "{ext}");
    assert!(
        ext.contains(crate::offer::payload::REPAIRED_RID_URI),
        "{ext}"
    );
    assert!(values(m, "ssrc").is_empty());
    let SectionOutcome::Accepted(s) = &answer.negotiated.sections[0] else {
        panic!()
    };
    assert_eq!(s.simulcast.as_ref().unwrap().recv, ["h", "m", "l"]);
}

#[test]
fn b16_two_audio_two_video_share_one_pt_space() {
    let (offer, _) = initial(&[audio(), audio(), video(), video()], &data());
    assert_eq!(mids(&offer), ["0", "1", "2", "3", "4"]);
    // One meaning per PT across the bundle, never 64-95 (B1).
    let maps = rtpmaps(&offer);
    let mut pts: Vec<&str> = maps.iter().map(|m| m.split(' ').next().unwrap()).collect();
    let count = pts.len();
    pts.dedup();
    assert_eq!(pts.len(), count, "{maps:#?}");
    for pt in pts {
        let pt: u8 = pt.parse().unwrap();
        assert!(!(64..=95).contains(&pt), "{pt}");
    }
    // Same codec, same PT in both sections of a kind.
    assert_eq!(
        values(&offer.media()[2], "rtpmap"),
        values(&offer.media()[3], "rtpmap")
    );
}

#[test]
fn b1_dynamic_pts_overflow_into_35_to_63() {
    let mut config = Config::webrtc();
    for level in ["0a", "0b", "0c", "0d", "14"] {
        config.video.push(crate::config::CodecConfig {
            name: "H264".into(),
            clock_rate: 90000,
            channels: None,
            fmtp: Some(format!("packetization-mode=1;profile-level-id=6400{level}")),
            rtcp_fb: vec!["nack".into()],
            rtx: true,
        });
    }
    let offer = offer(&config, &[audio(), video()], &OfferOptions::default()).unwrap();
    assert_answerable(&offer, &crate::AnswerOptions::default());
    let pts: Vec<u8> = rtpmaps(&offer)
        .iter()
        .map(|m| m.split(' ').next().unwrap().parse().unwrap())
        .collect();
    // 96-127 first, then 35-63, never 64-95; statics keep their numbers (G6).
    assert!(pts.contains(&0) && pts.contains(&8) && pts.contains(&9));
    assert!((96..=127).all(|pt| pts.contains(&pt)), "{pts:?}");
    assert!(pts.contains(&35), "{pts:?}");
    assert!(!pts.iter().any(|pt| (64..=95).contains(pt)), "{pts:?}");
}

#[test]
fn b10_rtx_per_video_codec_with_apt() {
    let (offer, _) = initial(&[video()], &OfferOptions::default());
    let m = &offer.media()[0];
    let codecs = m.codecs();
    let vp8 = codecs.iter().find(|c| c.is("VP8")).unwrap();
    let rtx = codecs
        .iter()
        .find(|c| c.is("rtx") && c.fmtp_param("apt") == Some(&vp8.payload_type.to_string()))
        .unwrap();
    assert_eq!(rtx.clock_rate, Some(90000));
    // A30: SSRC and its RTX in a FID group, with the cname.
    assert_eq!(values(m, "ssrc-group").len(), 1);
    assert!(values(m, "ssrc").iter().all(|v| v.contains(" cname:")));
}

#[test]
fn b11_audio_red_names_opus() {
    let (offer, _) = initial(&[audio()], &OfferOptions::default());
    let codecs = offer.media()[0].codecs();
    let opus = codecs.iter().find(|c| c.is("opus")).unwrap().payload_type;
    let red = codecs.iter().find(|c| c.is("red")).unwrap();
    assert_eq!(
        red.fmtp.as_ref().unwrap().params_text(),
        format!("{opus}/{opus}")
    );
}

#[test]
fn c3_extmap_ids_one_space_across_the_bundle() {
    let (offer, _) = initial(&[audio(), video()], &OfferOptions::default());
    let ids = extmap_ids(&offer);
    let mut uris: Vec<&str> = ids.iter().map(|(u, _)| u.as_str()).collect();
    let mut nums: Vec<u16> = ids.iter().map(|(_, i)| i.parse().unwrap()).collect();
    let (u, n) = (uris.len(), nums.len());
    uris.dedup();
    nums.sort();
    nums.dedup();
    assert_eq!((uris.len(), nums.len()), (u, n), "{ids:#?}");
    assert!(nums.iter().all(|id| (1..=14).contains(id)));
}

#[test]
fn a11_one_ice_pair_shared_in_the_bundle() {
    let (offer, _) = initial(&[audio(), video()], &data());
    let ufrags: Vec<Vec<String>> = offer
        .media()
        .iter()
        .map(|m| values(m, "ice-ufrag"))
        .collect();
    assert!(ufrags.iter().all(|u| u.len() == 1 && *u == ufrags[0]));
}

#[test]
fn jsep_max_bundle_marks_all_but_first_bundle_only() {
    let (offer, _) = initial(&[audio(), video()], &data());
    let marks: Vec<(Option<u16>, bool)> = offer
        .media()
        .iter()
        .map(|m| (m.port(), m.has_attribute("bundle-only")))
        .collect();
    assert_eq!(marks, [(Some(9), false), (Some(0), true), (Some(0), true)]);
}

#[test]
fn jsep_max_compat_offers_bundle_without_bundle_only() {
    let options = OfferOptions {
        bundle_policy: Some(BundlePolicy::MaxCompat),
        ..data()
    };
    let (offer, _) = initial(&[audio(), video()], &options);
    assert!(offer.to_string().contains("a=group:BUNDLE 0 1 2\r\n"));
    assert!(offer
        .media()
        .iter()
        .all(|m| m.port() == Some(9) && !m.has_attribute("bundle-only")));
}

#[test]
fn jsep_balanced_marks_all_but_first_of_each_kind() {
    let options = OfferOptions {
        bundle_policy: Some(BundlePolicy::Balanced),
        ..OfferOptions::default()
    };
    let (offer, _) = initial(&[audio(), video(), audio()], &options);
    let only: Vec<bool> = offer
        .media()
        .iter()
        .map(|m| m.has_attribute("bundle-only"))
        .collect();
    assert_eq!(only, [false, false, true]);
}

#[test]
fn a29_recvonly_has_no_msid_or_ssrc() {
    let t = Transceiver::new(MediaKind::Video, Direction::RecvOnly);
    let (offer, _) = initial(&[t], &OfferOptions::default());
    let m = &offer.media()[0];
    assert!(m.has_attribute("recvonly"));
    assert!(values(m, "msid").is_empty() && values(m, "ssrc").is_empty());
}

#[test]
fn offer_without_identity_is_api_misuse() {
    let config = Config {
        identity: None,
        ..Config::webrtc()
    };
    let err = offer(&config, &[audio()], &OfferOptions::default()).unwrap_err();
    assert!(matches!(err, NegotiationError::ApiMisuse { .. }));
    let err = offer(
        &Config::webrtc(),
        &[Transceiver::new(
            MediaKind::Application,
            Direction::SendRecv,
        )],
        &OfferOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, NegotiationError::ApiMisuse { .. }));
}
