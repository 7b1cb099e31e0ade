//! Tests of the RTP payload rules: each lint fires on a broken variant of a fixture and stays
//! silent on the clean fixture or a fixed variant.

use crate::validate::tests::fixtures::{self, codes, edit};
use crate::validate::{validate, Diagnostic, Profile};
use crate::Session;

/// The diagnostics of `code` for `text` under `profile`.
fn found(text: &str, profile: Profile, code: &str) -> Vec<Diagnostic> {
    let session = Session::parse(text).expect("test input parses");
    validate(&session, profile)
        .into_iter()
        .filter(|d| d.code() == code)
        .collect()
}

/// The single diagnostic of `code`, with its line, column and message.
fn one(text: &str, profile: Profile, code: &str) -> (usize, usize, String) {
    let list = found(text, profile, code);
    assert_eq!(list.len(), 1, "{code}: {list:#?}");
    let d = &list[0];
    (d.line(), d.column(), d.message().to_owned())
}

fn fires(text: &str, profile: Profile, code: &str) {
    let all = codes(text, profile);
    assert!(all.contains(&code), "{code} not in {all:?}");
}

fn silent(text: &str, profile: Profile, code: &str) {
    let all = codes(text, profile);
    assert!(!all.contains(&code), "{code} in {all:?}");
}

/// Every clean fixture under its own profile.
fn silent_on_fixtures(code: &str) {
    for (text, profile) in [
        (fixtures::WEBRTC, Profile::Webrtc),
        (fixtures::SIP, Profile::Sip),
        (fixtures::ST2110, Profile::St2110),
        (fixtures::RFC8866, Profile::Rfc8866),
    ] {
        silent(text, profile, code);
    }
}

const SIP_MLINE: &str = "m=audio 49170 RTP/AVP 0 8 9 101";

// SDP0110 dynamic-pt-without-rtpmap

#[test]
fn dynamic_pt_without_rtpmap_fires_when_an_m_line_pt_has_no_rtpmap() {
    let text = edit(
        fixtures::SIP,
        SIP_MLINE,
        "m=audio 49170 RTP/AVP 0 8 9 101 96",
    );
    let (line, column, message) = one(&text, Profile::Sip, "SDP0110");
    assert_eq!((line, column), (6, 33));
    assert_eq!(message, "dynamic payload type `96` has no `a=rtpmap`");
    let text = edit(
        fixtures::SIP,
        SIP_MLINE,
        "m=audio 49170 RTP/AVP 0 8 9 101 19",
    );
    assert!(one(&text, Profile::Sip, "SDP0110")
        .2
        .starts_with("unassigned"));
}

#[test]
fn dynamic_pt_without_rtpmap_is_silent_for_static_pts_and_rejected_sections() {
    silent_on_fixtures("SDP0110");
    // PCMU needs no rtpmap.
    let text = edit(fixtures::SIP, "a=rtpmap:0 PCMU/8000\r\n", "");
    silent(&text, Profile::Sip, "SDP0110");
    // A rejected section may drop its attributes.
    let text = edit(
        fixtures::SIP,
        "a=sendrecv\r\n",
        "a=sendrecv\r\nm=video 0 RTP/AVP 96\r\n",
    );
    silent(&text, Profile::Sip, "SDP0110");
    // A malformed rtpmap is reported by the parser, not again here.
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:101 telephone-event/8000",
        "a=rtpmap:101 telephone-event/x",
    );
    let session = Session::parse_with(&text, &crate::ParseOptions::lenient()).unwrap();
    let list = validate(&session.session, Profile::Sip);
    assert!(list.iter().all(|d| d.code() != "SDP0110"), "{list:#?}");
}

// SDP0111-0113 attributes for payload types not on the m-line

#[test]
fn rtpmap_for_unlisted_pt_fires_when_the_pt_is_not_on_the_m_line() {
    let text = edit(
        fixtures::SIP,
        "a=ptime:20",
        "a=rtpmap:96 opus/48000/2\r\na=ptime:20",
    );
    let (line, column, message) = one(&text, Profile::Sip, "SDP0111");
    assert_eq!((line, column), (12, 10));
    assert!(message.contains("`96`"), "{message}");
}

#[test]
fn rtpmap_for_unlisted_pt_is_silent_when_every_rtpmap_is_listed() {
    silent_on_fixtures("SDP0111");
}

#[test]
fn fmtp_for_unlisted_pt_fires_when_the_pt_is_not_on_the_m_line() {
    let text = edit(fixtures::SIP, "a=fmtp:101 0-16", "a=fmtp:102 0-16");
    let (line, column, _) = one(&text, Profile::Sip, "SDP0112");
    assert_eq!((line, column), (11, 8));
}

#[test]
fn fmtp_for_unlisted_pt_is_silent_when_every_fmtp_is_listed() {
    silent_on_fixtures("SDP0112");
}

#[test]
fn rtcp_fb_for_unlisted_pt_fires_when_the_pt_is_not_on_the_m_line() {
    let text = edit(
        fixtures::WEBRTC,
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:100 goog-remb",
    );
    let (_, column, message) = one(&text, Profile::Webrtc, "SDP0113");
    assert_eq!(column, 11);
    assert!(message.contains("`100`"), "{message}");
}

#[test]
fn rtcp_fb_for_unlisted_pt_is_silent_for_listed_pts_and_wildcards() {
    silent_on_fixtures("SDP0113");
    let text = edit(
        fixtures::WEBRTC,
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:* goog-remb",
    );
    silent(&text, Profile::Webrtc, "SDP0113");
}

// SDP0114-0115 repeated rtpmaps

#[test]
fn conflicting_rtpmap_fires_when_two_rtpmaps_disagree() {
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:96 VP8/90000\r\n",
        "a=rtpmap:96 VP8/90000\r\na=rtpmap:96 VP9/90000\r\n",
    );
    let (line, _, message) = one(&text, Profile::Webrtc, "SDP0114");
    assert_eq!(
        message,
        format!(
            "`a=rtpmap:96 VP9/90000` conflicts with `a=rtpmap:96 VP8/90000` on line {}",
            line - 1
        )
    );
    silent(&text, Profile::Webrtc, "SDP0115");
}

#[test]
fn conflicting_rtpmap_is_silent_when_the_repeat_agrees() {
    silent_on_fixtures("SDP0114");
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:96 VP8/90000\r\n",
        "a=rtpmap:96 VP8/90000\r\na=rtpmap:96 vp8/90000\r\n",
    );
    silent(&text, Profile::Webrtc, "SDP0114");
}

#[test]
fn duplicate_rtpmap_fires_when_an_rtpmap_is_repeated() {
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:8 PCMA/8000\r\n",
        "a=rtpmap:8 PCMA/8000\r\na=rtpmap:8 PCMA/8000/1\r\n",
    );
    let (line, column, message) = one(&text, Profile::Sip, "SDP0115");
    assert_eq!((line, column), (9, 1));
    assert!(message.ends_with("line 8"), "{message}");
}

#[test]
fn duplicate_rtpmap_is_silent_on_single_rtpmaps() {
    silent_on_fixtures("SDP0115");
}

// SDP0116 static-pt-remapped

#[test]
fn static_pt_remapped_fires_when_an_rtpmap_changes_a_static_codec() {
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:8 PCMU/8000",
    );
    let (_, column, message) = one(&text, Profile::Sip, "SDP0116");
    assert_eq!(column, 10);
    assert!(message.contains("`8 PCMA/8000`"), "{message}");
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:9 G722/8000",
        "a=rtpmap:9 G722/16000",
    );
    fires(&text, Profile::Sip, "SDP0116");
}

#[test]
fn static_pt_remapped_is_silent_when_the_rtpmap_restates_the_table() {
    silent_on_fixtures("SDP0116");
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:0 pcmu/8000/1",
    );
    silent(&text, Profile::Sip, "SDP0116");
}

// SDP0117 pt-collides-with-rtcp

#[test]
fn pt_collides_with_rtcp_fires_when_a_muxed_section_uses_64_to_95() {
    let text = edit(
        fixtures::WEBRTC,
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126 77",
    );
    let text = edit(
        &text,
        "a=rtpmap:0 PCMU/8000\r\n",
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:77 G726-32/8000\r\n",
    );
    let (line, column, _) = one(&text, Profile::Webrtc, "SDP0117");
    assert_eq!((line, column), (8, 42));
}

#[test]
fn pt_collides_with_rtcp_is_silent_without_rtcp_mux() {
    silent_on_fixtures("SDP0117");
    let text = edit(
        fixtures::SIP,
        SIP_MLINE,
        "m=audio 49170 RTP/AVP 0 8 9 101 77",
    );
    let text = edit(&text, "a=ptime", "a=rtpmap:77 G726-32/8000\r\na=ptime");
    silent(&text, Profile::Sip, "SDP0117");
}

// SDP0118-0121 rtx

#[test]
fn rtx_without_apt_fires_when_fmtp_or_apt_is_missing_or_malformed() {
    let text = edit(fixtures::WEBRTC, "a=fmtp:97 apt=96\r\n", "");
    let (_, _, message) = one(&text, Profile::Webrtc, "SDP0118");
    assert_eq!(message, "rtx payload type `97` has no `a=fmtp` with `apt`");
    let text = edit(
        fixtures::WEBRTC,
        "a=fmtp:97 apt=96",
        "a=fmtp:97 rtx-time=3000",
    );
    fires(&text, Profile::Webrtc, "SDP0118");
    let text = edit(fixtures::WEBRTC, "a=fmtp:97 apt=96", "a=fmtp:97 apt=x6");
    let (_, column, _) = one(&text, Profile::Webrtc, "SDP0118");
    assert_eq!(column, 15);
}

#[test]
fn rtx_without_apt_is_silent_when_apt_is_given() {
    silent_on_fixtures("SDP0118");
    let text = edit(
        fixtures::WEBRTC,
        "a=fmtp:97 apt=96",
        "a=fmtp:97 apt=96;rtx-time=3000",
    );
    silent(&text, Profile::Webrtc, "SDP0118");
}

#[test]
fn rtx_apt_not_in_section_fires_when_apt_names_an_unlisted_pt() {
    let text = edit(fixtures::WEBRTC, "a=fmtp:97 apt=96", "a=fmtp:97 apt=100");
    let (_, column, message) = one(&text, Profile::Webrtc, "SDP0119");
    assert_eq!(column, 15);
    assert!(message.contains("`100`"), "{message}");
}

#[test]
fn rtx_apt_not_in_section_is_silent_when_apt_is_listed() {
    silent_on_fixtures("SDP0119");
}

#[test]
fn rtx_clock_rate_mismatch_fires_when_rates_differ() {
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:97 rtx/90000",
        "a=rtpmap:97 rtx/48000",
    );
    let (_, _, message) = one(&text, Profile::Webrtc, "SDP0120");
    assert!(
        message.contains("48000 Hz") && message.contains("90000 Hz"),
        "{message}"
    );
}

#[test]
fn rtx_clock_rate_mismatch_is_silent_when_rates_agree() {
    silent_on_fixtures("SDP0120");
}

#[test]
fn rtx_of_rtx_fires_when_apt_names_another_rtx() {
    let text = edit(fixtures::WEBRTC, "a=fmtp:99 apt=98", "a=fmtp:99 apt=97");
    one(&text, Profile::Webrtc, "SDP0121");
    silent(&text, Profile::Webrtc, "SDP0120");
}

#[test]
fn rtx_of_rtx_is_silent_when_apt_names_a_codec() {
    silent_on_fixtures("SDP0121");
}

// SDP0122 red-block-not-in-section

#[test]
fn red_block_not_in_section_fires_when_a_block_pt_is_unlisted() {
    let text = edit(fixtures::WEBRTC, "a=fmtp:63 111/111", "a=fmtp:63 111/109");
    let (line, column, message) = one(&text, Profile::Webrtc, "SDP0122");
    assert_eq!((line, column), (30, 15));
    assert!(message.contains("`109`"), "{message}");
}

#[test]
fn red_block_not_in_section_is_silent_when_blocks_are_listed() {
    silent_on_fixtures("SDP0122");
}

// SDP0123 fec-without-protected-codec

const FEC_ONLY: &str = "v=0\r\n\
o=- 1 1 IN IP4 192.0.2.1\r\n\
s=-\r\n\
c=IN IP4 192.0.2.1\r\n\
t=0 0\r\n\
m=video 49170 RTP/AVP 116\r\n\
a=rtpmap:116 ulpfec/90000\r\n\
a=mid:v\r\n";

#[test]
fn fec_without_protected_codec_fires_when_fec_is_alone() {
    let (line, _, message) = one(FEC_ONLY, Profile::Sip, "SDP0123");
    assert_eq!(line, 7);
    assert!(message.contains("`ulpfec`"), "{message}");
    let text = edit(FEC_ONLY, "ulpfec/90000", "flexfec-03/90000");
    fires(&text, Profile::Sip, "SDP0123");
}

#[test]
fn fec_without_protected_codec_is_silent_with_a_codec_or_an_fec_group() {
    silent_on_fixtures("SDP0123");
    let text = edit(FEC_ONLY, "RTP/AVP 116", "RTP/AVP 96 116");
    let text = edit(
        &text,
        "a=rtpmap:116",
        "a=rtpmap:96 VP8/90000\r\na=rtpmap:116",
    );
    silent(&text, Profile::Sip, "SDP0123");
    let text = edit(FEC_ONLY, "t=0 0\r\n", "t=0 0\r\na=group:FEC v\r\n");
    silent(&text, Profile::Sip, "SDP0123");
}

// SDP0124 telephone-event-rate-mismatch

#[test]
fn telephone_event_rate_mismatch_fires_when_no_codec_has_the_rate() {
    let text = edit(
        fixtures::SIP,
        "a=rtpmap:101 telephone-event/8000",
        "a=rtpmap:101 telephone-event/16000",
    );
    let (line, _, message) = one(&text, Profile::Sip, "SDP0124");
    assert_eq!(line, 10);
    assert!(
        message.contains("16000 Hz") && message.contains("8000 Hz"),
        "{message}"
    );
}

#[test]
fn telephone_event_rate_mismatch_is_silent_when_a_codec_has_the_rate() {
    silent_on_fixtures("SDP0124");
}

// SDP0125 too-many-channels

#[test]
fn too_many_channels_fires_when_an_audio_codec_has_more_than_24() {
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:111 opus/48000/2",
        "a=rtpmap:111 opus/48000/512",
    );
    let (_, column, message) = one(&text, Profile::Webrtc, "SDP0125");
    assert_eq!(column, 25);
    assert!(message.contains("512 channels"), "{message}");
}

#[test]
fn too_many_channels_is_silent_outside_webrtc_and_at_24() {
    silent_on_fixtures("SDP0125");
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:111 opus/48000/2",
        "a=rtpmap:111 opus/48000/24",
    );
    silent(&text, Profile::Webrtc, "SDP0125");
    // libwebrtc's MaxChannels test input: plain RTP/AVP, which auto-detection takes for SIP.
    let max_channels = "v=0\r\no=- 11 22 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
                        m=audio 49232 RTP/AVP 108\r\na=rtpmap:108 ISAC/16000/512\r\n";
    let session = Session::parse(max_channels).unwrap();
    assert_eq!(Profile::detect(&session), Profile::Sip);
    silent(max_channels, Profile::Sip, "SDP0125");
    fires(max_channels, Profile::Webrtc, "SDP0125");
}

// SDP0126 channels-on-video

#[test]
fn channels_on_video_fires_when_a_video_rtpmap_has_channels() {
    let text = edit(
        fixtures::WEBRTC,
        "a=rtpmap:96 VP8/90000",
        "a=rtpmap:96 VP8/90000/1",
    );
    let (_, column, _) = one(&text, Profile::Webrtc, "SDP0126");
    assert_eq!(column, 23);
}

#[test]
fn channels_on_video_is_silent_on_audio_channels() {
    silent_on_fixtures("SDP0126");
}

// SDP0127 invalid-h264-fmtp

#[test]
fn invalid_h264_fmtp_fires_when_profile_level_id_does_not_parse() {
    let text = edit(
        fixtures::RFC8866,
        "profile-level-id=640028",
        "profile-level-id=TeAo",
    );
    let (line, column, message) = one(&text, Profile::Rfc8866, "SDP0127");
    assert_eq!((line, column), (10, 32));
    assert_eq!(
        message,
        "`profile-level-id=TeAo` in the H.264 fmtp of payload type `96` does not parse: \
         expected a profile-level-id (6 hex digits)"
    );
    let text = edit(
        fixtures::WEBRTC,
        "packetization-mode=1",
        "packetization-mode=7",
    );
    fires(&text, Profile::Webrtc, "SDP0127");
}

#[test]
fn invalid_h264_fmtp_is_silent_on_well_formed_parameters() {
    silent_on_fixtures("SDP0127");
}

// SDP0128-0129 repeated fmtp parameters and lines

#[test]
fn duplicate_fmtp_parameter_fires_when_a_key_repeats() {
    let text = edit(
        fixtures::WEBRTC,
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=fmtp:111 minptime=10;useinbandfec=1;MINPTIME=20",
    );
    let (_, column, message) = one(&text, Profile::Webrtc, "SDP0128");
    assert_eq!(column, 39);
    assert!(message.contains("`MINPTIME`"), "{message}");
}

#[test]
fn duplicate_fmtp_parameter_is_silent_on_distinct_keys() {
    silent_on_fixtures("SDP0128");
}

#[test]
fn duplicate_fmtp_fires_when_a_pt_has_two_fmtp_lines() {
    let text = edit(
        fixtures::WEBRTC,
        "a=fmtp:111 minptime=10;useinbandfec=1\r\n",
        "a=fmtp:111 minptime=10;useinbandfec=1\r\na=fmtp:111 stereo=1\r\n",
    );
    let (line, _, message) = one(&text, Profile::Webrtc, "SDP0129");
    assert!(
        message.ends_with(&format!("line {})", line - 1)),
        "{message}"
    );
}

#[test]
fn duplicate_fmtp_is_silent_with_one_fmtp_per_pt() {
    silent_on_fixtures("SDP0129");
}

// SDP0140 duplicate-payload-type

#[test]
fn duplicate_payload_type_fires_when_the_m_line_repeats_a_pt() {
    let text = edit(
        fixtures::SIP,
        SIP_MLINE,
        "m=audio 49170 RTP/AVP 0 8 9 101 8",
    );
    let (line, column, _) = one(&text, Profile::Sip, "SDP0140");
    assert_eq!((line, column), (6, 33));
}

#[test]
fn duplicate_payload_type_is_silent_on_distinct_pts() {
    silent_on_fixtures("SDP0140");
}

// SDP0141 rtpmap-without-clock-rate

#[test]
fn rtpmap_without_clock_rate_fires_when_the_rate_is_left_out() {
    let text = edit(fixtures::SIP, "a=rtpmap:9 G722/8000", "a=rtpmap:9 G722");
    one(&text, Profile::Sip, "SDP0141");
    silent(&text, Profile::Sip, "SDP0116");
}

#[test]
fn rtpmap_without_clock_rate_is_silent_with_a_rate() {
    silent_on_fixtures("SDP0141");
}

// Scope

#[test]
fn rules_skip_sections_that_do_not_carry_rtp() {
    let text = edit(
        fixtures::WEBRTC,
        "a=sctp-port:5000\r\n",
        "a=sctp-port:5000\r\na=rtpmap:96 opus/48000/2\r\na=fmtp:97 apt=1\r\n",
    );
    let all = codes(&text, Profile::Webrtc);
    let ours =
        |c: &&str| ("SDP0110"..="SDP0129").contains(c) || ("SDP0140"..="SDP0149").contains(c);
    assert!(!all.iter().any(ours), "{all:?}");
}

#[test]
fn corpus_rtpmap_conflicts_from_libwebrtc_are_errors() {
    let text = "v=0\r\no=- 11 22 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
                m=video 49232 RTP/AVP 108\r\na=rtpmap:108 VP8/90000\r\na=rtpmap:108 VP9/90000\r\n";
    let list = found(text, Profile::Auto, "SDP0114");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].severity(), crate::validate::Severity::Error);
    assert_eq!((list[0].line(), list[0].column()), (7, 1));
}
