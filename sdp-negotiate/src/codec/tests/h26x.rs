//! B3 match keys (H264, VP9, AV1, H265) and the profile/level of the answer (B4, B5).

use super::*;

/// Five H.264 formats, one per profile class, all packetization-mode 1.
const H264_PROFILES: &str = "
m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100
c=IN IP4 0.0.0.0
a=rtpmap:96 H264/90000
a=fmtp:96 packetization-mode=1;profile-level-id=42e01f
a=rtpmap:97 H264/90000
a=fmtp:97 packetization-mode=1;profile-level-id=42001f
a=rtpmap:98 H264/90000
a=fmtp:98 packetization-mode=1;profile-level-id=640c1f
a=rtpmap:99 H264/90000
a=fmtp:99 packetization-mode=1;profile-level-id=4d001f
a=rtpmap:100 H264/90000
a=fmtp:100 packetization-mode=1;profile-level-id=64001f
";

#[test]
fn b3_h264_profiles_match_by_profile_class() {
    for (ours, expected) in [
        ("42e01f", 96),  // Constrained Baseline
        ("42c01f", 96),  // also CB (constraint_set1)
        ("4d801f", 96),  // Main with constraint_set0: CB
        ("42E01F", 96),  // hex is case-insensitive
        ("42001f", 97),  // Baseline, not CB
        ("640c1f", 98),  // Constrained High, not High
        ("4d001f", 99),  // Main
        ("64001f", 100), // High, not Constrained High
    ] {
        let local = h264(&format!("packetization-mode=1;profile-level-id={ours}"));
        let out = video(H264_PROFILES, &[local]);
        assert_eq!(pts(&out), [expected], "local {ours}");
    }
}

#[test]
fn b3_h264_baseline_offer_does_not_match_constrained_baseline() {
    // Chrome offers 42001f (Baseline) before 42e01f (CB): a CB config takes 106, not 102.
    let local = h264("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    let out = video(CHROME_VIDEO, &[local]);
    assert_eq!(pts(&out), [106]);
    assert_eq!(reason(&out, 102), "no matching local codec");
    let local = h264("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
    assert_eq!(pts(&video(CHROME_VIDEO, &[local])), [102]);
}

#[test]
fn b3_h264_packetization_mode_must_be_equal() {
    let pm0 = h264("level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f");
    assert_eq!(pts(&video(CHROME_VIDEO, &[pm0])), [108]);
    // No packetization-mode means 0.
    let implicit = h264("profile-level-id=42e01f");
    assert_eq!(pts(&video(CHROME_VIDEO, &[implicit])), [108]);
    let main_pm0 = h264("packetization-mode=0;profile-level-id=4d001f");
    assert_eq!(pts(&video(CHROME_VIDEO, &[main_pm0])), [39]);
    // H264_PROFILES has only mode 1.
    assert!(!video(H264_PROFILES, &[h264("profile-level-id=42e01f")]).has_primary());
}

#[test]
fn b3_h264_level_is_not_part_of_the_match() {
    let local = h264("packetization-mode=1;profile-level-id=42e00a");
    assert_eq!(pts(&video(H264_PROFILES, &[local])), [96]);
    let local = h264("packetization-mode=1;profile-level-id=640c34");
    assert_eq!(pts(&video(H264_PROFILES, &[local])), [98]);
}

#[test]
fn b3_h264_missing_profile_level_id_means_42e01f() {
    // Ours without profile-level-id is CB: it takes 96, never Baseline 97.
    assert_eq!(
        pts(&video(H264_PROFILES, &[h264("packetization-mode=1")])),
        [96]
    );
    // An offer without profile-level-id is CB too.
    let offer = one_video("H264", "packetization-mode=1");
    let cb = h264("packetization-mode=1;profile-level-id=42e01f");
    assert_eq!(pts(&video(&offer, &[cb])), [96]);
    let baseline = h264("packetization-mode=1;profile-level-id=42001f");
    assert!(!video(&offer, &[baseline]).has_primary());
    // Firefox's PT 97 writes 42e01f and no packetization-mode.
    let out = video(FIREFOX_VIDEO, &[h264("profile-level-id=42e01f")]);
    assert_eq!(pts(&out), [97]);
}

#[test]
fn b3_h264_unparsable_profile_level_id_matches_nothing() {
    let offer = one_video("H264", "packetization-mode=1;profile-level-id=zz01");
    let out = video(&offer, &[h264("packetization-mode=1")]);
    assert!(!out.has_primary());
    assert!(reason(&out, 96).starts_with("unparsable fmtp"), "{out:?}");
    // A broken local config matches nothing either.
    let broken = h264("packetization-mode=9");
    assert!(!video(H264_PROFILES, std::slice::from_ref(&broken)).has_primary());
    assert!(super::super::check_local_codec(&broken).is_err());
    assert!(super::super::check_local_codec(&h264("packetization-mode=1")).is_ok());
}

#[test]
fn b4_h264_level_asymmetry_on_both_sides_answers_our_level() {
    // libwebrtc's ConstrainedBaselineLevelAsymmetry: offer 42e015, answer 42e01f.
    let offer = one_video(
        "H264",
        "profile-level-id=42e015;level-asymmetry-allowed=1;packetization-mode=1",
    );
    let ours = "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f";
    let out = video(&offer, &[h264(ours)]);
    assert_eq!(answer_fmtp(&out, 96), Some(ours));
    // Also when our level is the lower one.
    let offer = one_video(
        "H264",
        "profile-level-id=42e034;level-asymmetry-allowed=1;packetization-mode=1",
    );
    assert_eq!(answer_fmtp(&video(&offer, &[h264(ours)]), 96), Some(ours));
}

#[test]
fn b4_h264_level_asymmetry_on_one_side_answers_the_lower_level() {
    // The offer does not allow asymmetry: min(ours, theirs) = 42e015.
    let offer = one_video("H264", "profile-level-id=42e015;packetization-mode=1");
    let ours = "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f";
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(ours)]), 96),
        Some("level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e015")
    );
    // We do not allow it and the offer's level is higher: ours stays.
    let offer = one_video(
        "H264",
        "profile-level-id=42e034;level-asymmetry-allowed=1;packetization-mode=1",
    );
    let ours = "packetization-mode=1;profile-level-id=42e01f";
    assert_eq!(answer_fmtp(&video(&offer, &[h264(ours)]), 96), Some(ours));
    // We do not allow it and the offer's level is lower: theirs, in our profile's bytes.
    let offer = one_video(
        "H264",
        "profile-level-id=4d8015;level-asymmetry-allowed=1;packetization-mode=1",
    );
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(ours)]), 96),
        Some("packetization-mode=1;profile-level-id=42e015")
    );
}

#[test]
fn b4_h264_level_1b_sits_between_1_and_1_1() {
    let ours_1b = "packetization-mode=1;profile-level-id=42f00b";
    // Offer level 1 is below 1b.
    let offer = one_video("H264", "profile-level-id=42e00a;packetization-mode=1");
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(ours_1b)]), 96),
        Some("packetization-mode=1;profile-level-id=42e00a")
    );
    // Offer level 1.1 is above 1b.
    let offer = one_video("H264", "profile-level-id=42e00b;packetization-mode=1");
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(ours_1b)]), 96),
        Some(ours_1b)
    );
    // An offered 1b is written in our profile's spelling: 42f00b for CB, 42100b for Baseline.
    let offer = one_video("H264", "profile-level-id=42f00b;packetization-mode=1");
    let cb = "packetization-mode=1;profile-level-id=42e01f";
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(cb)]), 96),
        Some("packetization-mode=1;profile-level-id=42f00b")
    );
    let offer = one_video("H264", "profile-level-id=42100b;packetization-mode=1");
    let baseline = "packetization-mode=1;profile-level-id=42001f";
    assert_eq!(
        answer_fmtp(&video(&offer, &[h264(baseline)]), 96),
        Some("packetization-mode=1;profile-level-id=42100b")
    );
}

#[test]
fn b4_h264_profile_level_id_is_omitted_when_neither_side_set_it() {
    let offer = one_video("H264", "packetization-mode=1");
    let out = video(
        &offer,
        &[h264("packetization-mode=1;level-asymmetry-allowed=1")],
    );
    assert_eq!(
        answer_fmtp(&out, 96),
        Some("packetization-mode=1;level-asymmetry-allowed=1")
    );
    // Only the offer set it: we write our implicit 42e01f.
    let offer = one_video("H264", "packetization-mode=1;profile-level-id=42e01f");
    let out = video(&offer, &[h264("packetization-mode=1")]);
    assert_eq!(
        answer_fmtp(&out, 96),
        Some("packetization-mode=1;profile-level-id=42e01f")
    );
}

#[test]
fn b4_h264_answer_writes_the_offered_packetization_mode_and_keeps_our_parameters() {
    let offer = one_video(
        "H264",
        "packetization-mode=0;profile-level-id=42e01f;sprop-parameter-sets=Z0IACpZTBYmI,aMljiA==",
    );
    let out = video(&offer, &[h264("profile-level-id=42e01f;max-fs=3600")]);
    // Our max-fs, never the offer's sprop-parameter-sets; packetization-mode as offered.
    assert_eq!(
        answer_fmtp(&out, 96),
        Some("profile-level-id=42e01f;max-fs=3600;packetization-mode=0")
    );
    assert!(out.codecs[0]
        .offer_fmtp
        .as_deref()
        .is_some_and(|f| f.contains("sprop-parameter-sets")));
}

#[test]
fn b3_vp9_profile_id_must_be_equal_and_defaults_to_zero() {
    let p2 = codec("VP9", 90000).fmtp("profile-id=2");
    assert_eq!(pts(&video(CHROME_VIDEO, &[p2])), [100]);
    assert_eq!(pts(&video(CHROME_VIDEO, &[codec("VP9", 90000)])), [98]);
    // Firefox's VP9 has no profile-id: profile 0.
    let p0 = codec("VP9", 90000).fmtp("profile-id=0");
    assert_eq!(pts(&video(FIREFOX_VIDEO, &[p0])), [121]);
}

#[test]
fn b3_av1_profile_must_match_but_level_and_tier_need_not() {
    let ours = codec("AV1", 90000).fmtp("level-idx=8;profile=0;tier=1");
    let out = video(CHROME_VIDEO, &[ours]);
    assert_eq!(pts(&out), [45]);
    // B6: AV1 answers our own level-idx and tier.
    assert_eq!(answer_fmtp(&out, 45), Some("level-idx=8;profile=0;tier=1"));
    let high = codec("AV1", 90000).fmtp("profile=1");
    assert!(!video(CHROME_VIDEO, &[high]).has_primary());
}

#[test]
fn b3_h265_profile_tier_and_tx_mode_must_match() {
    let ok = "level-id=93;profile-id=1;tier-flag=0;tx-mode=SRST";
    assert_eq!(
        pts(&video(CHROME_VIDEO, &[codec("H265", 90000).fmtp(ok)])),
        [49]
    );
    // Defaults (1, 0, SRST) match explicit values.
    assert_eq!(pts(&video(CHROME_VIDEO, &[codec("H265", 90000)])), [49]);
    for other in ["profile-id=2", "tier-flag=1", "tx-mode=MRST"] {
        let local = codec("H265", 90000).fmtp(other);
        assert!(!video(CHROME_VIDEO, &[local]).has_primary(), "{other}");
    }
}

#[test]
fn b5_h265_answers_the_lower_level() {
    // Offer level-id 156 (5.2), ours 93 (3.1): 93.
    let ours = "level-id=93;profile-id=1;tier-flag=0;tx-mode=SRST";
    let out = video(CHROME_VIDEO, &[codec("H265", 90000).fmtp(ours)]);
    assert_eq!(answer_fmtp(&out, 49), Some(ours));
    // Ours higher (180): the offer's 156.
    let ours = "level-id=180;profile-id=1;tier-flag=0;tx-mode=SRST";
    let out = video(CHROME_VIDEO, &[codec("H265", 90000).fmtp(ours)]);
    assert_eq!(
        answer_fmtp(&out, 49),
        Some("level-id=156;profile-id=1;tier-flag=0;tx-mode=SRST")
    );
    // We wrote none of them, the offer did: all three written.
    let out = video(CHROME_VIDEO, &[codec("H265", 90000).fmtp("tx-mode=SRST")]);
    assert_eq!(
        answer_fmtp(&out, 49),
        Some("tx-mode=SRST;profile-id=1;tier-flag=0;level-id=93")
    );
}

#[test]
fn b5_h265_profile_tier_level_are_omitted_when_neither_side_set_them() {
    let offer = "m=video 9 UDP/TLS/RTP/SAVPF 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 H265/90000";
    let out = video(offer, &[codec("H265", 90000)]);
    assert_eq!(answer_fmtp(&out, 96), None);
    let out = video(offer, &[codec("H265", 90000).fmtp("tx-mode=SRST")]);
    assert_eq!(answer_fmtp(&out, 96), Some("tx-mode=SRST"));
}
