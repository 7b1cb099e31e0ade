//! Our media streams: msid (A29), ssrc (A30), LS groups (A31).

use sdp_core::attr::msid::Msid;
use sdp_core::attr::ssrc::Ssrc;

use super::*;

fn local(mid: &str, direction: Direction) -> AnswerOptions<'static> {
    AnswerOptions {
        directions: vec![(mid.to_owned(), direction)],
        ..AnswerOptions::default()
    }
}

#[test]
fn a29_msid_when_we_send_with_a_dash_stream_and_a_fresh_track() {
    let answer = clean(CHROME, &webrtc());
    let audio = &answer.session.media()[0];
    let msid = value(audio, "msid").unwrap();
    let (stream, track) = msid.split_once(' ').unwrap();
    assert_eq!(stream, "-");
    assert!(!track.is_empty() && track.chars().all(|c| c.is_ascii_hexdigit()));
    // Never the offerer's track id.
    assert!(!CHROME.contains(track));
    // One msid per section, distinct tracks.
    let video = &answer.session.media()[1];
    assert_eq!(video.attributes_named("msid").count(), 1);
    assert_ne!(value(video, "msid"), Some(msid));
    assert!(audio.first::<Msid>().is_some());
}

#[test]
fn a29_configured_stream_id_is_used() {
    let mut config = webrtc();
    config.stream_id = Some("sfu-stream".to_owned());
    let answer = clean(CHROME, &config);
    for m in &answer.session.media()[..2] {
        assert!(value(m, "msid").unwrap().starts_with("sfu-stream "), "{m}");
    }
}

#[test]
fn a29_no_msid_when_we_do_not_send() {
    let answer = answer_clean(CHROME, &webrtc(), &local("0", Direction::RecvOnly));
    assert!(!answer.session.media()[0].has_attribute("msid"));
    assert!(answer.session.media()[1].has_attribute("msid"));
    // A sendonly offer: we only receive, so no msid.
    let text = CHROME.replacen("a=sendrecv", "a=sendonly", 1);
    let answer = clean(&text, &webrtc());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::RecvOnly)
    );
    assert!(!answer.session.media()[0].has_attribute("msid"));
    // Data sections never carry msid.
    assert!(!answer.session.media()[2].has_attribute("msid"));
}

#[test]
fn a30_ssrc_with_cname_and_an_fid_group_when_rtx_is_negotiated() {
    let answer = clean(CHROME, &webrtc());
    let audio = &answer.session.media()[0];
    let video = &answer.session.media()[1];
    // Audio: one SSRC, no group.
    let audio_ssrcs: Vec<Ssrc<'_>> = audio.typed().collect();
    assert_eq!(audio_ssrcs.len(), 1);
    assert!(!audio.has_attribute("ssrc-group"));
    // Video with RTX: primary and RTX SSRC in a FID group, both with the cname.
    let group = value(video, "ssrc-group").unwrap();
    let ids: Vec<u32> = group
        .strip_prefix("FID ")
        .unwrap()
        .split(' ')
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    let video_ssrcs: Vec<Ssrc<'_>> = video.typed().collect();
    assert_eq!(video_ssrcs.iter().map(|s| s.ssrc).collect::<Vec<_>>(), ids);
    // One cname for the whole answer, not the offerer's.
    let cnames: Vec<&str> = audio_ssrcs
        .iter()
        .chain(&video_ssrcs)
        .map(|s| s.cname().unwrap())
        .collect();
    assert!(cnames.windows(2).all(|w| w[0] == w[1]));
    assert_ne!(cnames[0], "yjul2uK1euuyTjKr");
    // The offerer's SSRCs are not ours.
    assert!(!answer.session.to_string().contains("2936993831"));
}

#[test]
fn a30_no_fid_group_without_rtx_and_no_ssrc_when_not_sending() {
    let mut config = webrtc();
    for codec in &mut config.video {
        codec.rtx = false;
    }
    let answer = clean(CHROME, &config);
    let video = &answer.session.media()[1];
    assert!(video.has_attribute("ssrc"));
    assert!(!video.has_attribute("ssrc-group"));
    let answer = answer_clean(CHROME, &webrtc(), &local("1", Direction::RecvOnly));
    let video = &answer.session.media()[1];
    assert!(!video.has_attribute("ssrc") && !video.has_attribute("ssrc-group"));
}

#[test]
fn a30_configured_cname_is_used() {
    let mut config = webrtc();
    config.cname = Some("Mq8YWw2DcCvq7ROX".to_owned());
    let answer = clean(CHROME, &config);
    for m in &answer.session.media()[..2] {
        assert!(m
            .typed::<Ssrc>()
            .all(|s| s.cname() == Some("Mq8YWw2DcCvq7ROX")));
    }
}

#[test]
fn a30_subsequent_answer_keeps_ssrcs_and_cname() {
    let offer = Session::parse(CHROME).unwrap();
    let first = clean(CHROME, &webrtc());
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    for i in 0..2 {
        let ssrcs = |a: &Answer| {
            a.session.media()[i]
                .attributes_named("ssrc")
                .chain(a.session.media()[i].attributes_named("ssrc-group"))
                .map(|a| format!("{}:{}", a.name(), a.value().unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ssrcs(&first), ssrcs(&second));
    }
}

#[test]
fn a31_offered_ls_group_is_not_mirrored() {
    let text = CHROME.replace(
        "a=group:BUNDLE 0 1 2\r\n",
        "a=group:BUNDLE 0 1 2\r\na=group:LS 0 1\r\n",
    );
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.to_string().contains("a=group:LS"));
    assert_eq!(answer.negotiated.bundle_groups, [vec!["0", "1", "2"]]);
}
