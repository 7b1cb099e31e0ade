//! Header extensions C1-C8.

use sdp_core::attr::extmap::Extmap;

use super::*;
use crate::config::{ExtensionConfig, MediaKind};

const AUDIO_LEVEL: &str = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
const MID_URI: &str = "urn:ietf:params:rtp-hdrext:sdes:mid";
const ENCRYPT: &str = "urn:ietf:params:rtp-hdrext:encrypt";

/// The extmaps of section `index` as (id, direction, encrypted, uri).
fn extmaps(answer: &Answer, index: usize) -> Vec<(u16, Option<Direction>, bool, String)> {
    answer.session.media()[index]
        .typed::<Extmap>()
        .map(|e| (e.id, e.direction, e.encrypted, e.uri.to_owned()))
        .collect()
}

fn uris(answer: &Answer, index: usize) -> Vec<String> {
    extmaps(answer, index).into_iter().map(|e| e.3).collect()
}

#[test]
fn c1_unsupported_uri_is_dropped() {
    let text = chrome_with(
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:9 urn:example:unknown\r\na=sendrecv",
    );
    let answer = clean(&text, &webrtc());
    assert!(!uris(&answer, 0).iter().any(|u| u == "urn:example:unknown"));
    assert!(uris(&answer, 0).iter().any(|u| u == MID_URI));
}

#[test]
fn c1_uri_supported_for_another_kind_only_is_dropped() {
    // Audio level is an audio extension: offered in video, it is not answered.
    let text = chrome_with(
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
    );
    let answer = clean(&text, &webrtc());
    assert!(uris(&answer, 0).iter().any(|u| u == AUDIO_LEVEL));
    assert!(!uris(&answer, 1).iter().any(|u| u == AUDIO_LEVEL));
}

#[test]
fn c1_never_answers_an_extension_that_was_not_offered() {
    for offer in [CHROME, FIREFOX] {
        let parsed = Session::parse(offer).unwrap();
        let answer = clean(offer, &webrtc());
        for (o, a) in parsed.media().iter().zip(answer.session.media()) {
            for e in a.typed::<Extmap>() {
                assert!(
                    o.typed::<Extmap>()
                        .any(|x| x.uri == e.uri && x.id == e.id && x.encrypted == e.encrypted),
                    "{e:?} not offered"
                );
            }
        }
    }
    // No extensions offered: none answered.
    let answer = clean(&jsep_offer("", &[audio("0", "")]), &webrtc());
    assert!(extmaps(&answer, 0).is_empty());
}

#[test]
fn c2_the_offers_id_is_kept() {
    let text = chrome_with(
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=extmap:12 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
    );
    let answer = clean(&text, &webrtc());
    assert!(extmaps(&answer, 0)
        .iter()
        .any(|e| e.0 == 12 && e.3 == AUDIO_LEVEL));
}

#[test]
fn c2_ids_4096_to_4351_get_a_free_id() {
    // C3: the id must be free in every section of the BUNDLE group. Chrome's offer uses 1-8,
    // 10, 11, 13 and 14: 4096 becomes 9.
    let text = chrome_with(
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
        "a=extmap:4096 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:1 urn:example:unknown\r\n",
    );
    let answer = clean(&text, &webrtc());
    let maps = extmaps(&answer, 0);
    let level = maps.iter().find(|e| e.3 == AUDIO_LEVEL).unwrap();
    assert_eq!(level.0, 9);
    let mut ids: Vec<u16> = maps.iter().map(|e| e.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), maps.len());
    assert!(maps.iter().all(|e| (1..=14).contains(&e.0)));
}

#[test]
fn c2_c3_chosen_ids_are_one_per_uri_across_bundled_sections() {
    let text = jsep_offer(
        "a=group:BUNDLE 0 1\r\n",
        &[
            audio(
                "0",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:4100 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:4101 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n",
            ),
            video(
                "1",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:4101 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\na=extmap:4102 urn:ietf:params:rtp-hdrext:toffset\r\n",
            ),
        ],
    );
    let answer = clean(&text, &webrtc());
    let audio = extmaps(&answer, 0);
    let video = extmaps(&answer, 1);
    let id = |maps: &[(u16, Option<Direction>, bool, String)], uri: &str| {
        maps.iter().find(|e| e.3.ends_with(uri)).map(|e| e.0)
    };
    assert_eq!(id(&audio, "ssrc-audio-level"), Some(2));
    assert_eq!(id(&audio, "abs-send-time"), Some(3));
    // The same URI keeps its id in the other section; another URI gets another id.
    assert_eq!(id(&video, "abs-send-time"), Some(3));
    assert_eq!(id(&video, "toffset"), Some(4));
}

#[test]
fn c2_no_free_one_byte_id_drops_the_extension_without_allow_mixed() {
    let taken: String = (1..=14)
        .map(|id| format!("a=extmap:{id} urn:example:taken{id}\r\n"))
        .collect();
    let section = audio(
        "0",
        &format!("{taken}a=extmap:4200 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"),
    );
    let text = jsep_offer("", std::slice::from_ref(&section));
    let answer = clean(&text, &webrtc());
    assert!(extmaps(&answer, 0).is_empty());
    // With two-byte headers allowed, an id above 14 is free.
    let answer = clean(
        &jsep_offer("a=extmap-allow-mixed\r\n", &[section]),
        &webrtc(),
    );
    assert_eq!(extmaps(&answer, 0), [(15, None, false, MID_URI.to_owned())]);
}

#[test]
fn c3_answered_ids_are_unique_within_a_section() {
    // A (broken) offer that maps one id to two supported URIs: only the first is answered.
    let section = audio(
        "0",
        "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:3 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
    );
    let text = jsep_offer("", &[section]);
    let parsed = Session::parse(&text).unwrap();
    let answer = answer(&parsed, &webrtc()).unwrap();
    assert_eq!(extmaps(&answer, 0), [(3, None, false, MID_URI.to_owned())]);
    assert_clean(&answer, Profile::Webrtc);
}

#[test]
fn c3_the_same_uri_offered_twice_is_answered_once() {
    let section = audio(
        "0",
        "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid\r\n",
    );
    let answer = clean(&jsep_offer("", &[section]), &webrtc());
    assert_eq!(extmaps(&answer, 0), [(3, None, false, MID_URI.to_owned())]);
}

#[test]
fn c4_direction_is_reversed_and_inactive_is_dropped() {
    let section = audio(
        "0",
        "a=extmap:1/recvonly urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:3/sendonly urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:2/inactive http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\na=extmap:4/sendrecv http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n",
    );
    let answer = clean(&jsep_offer("", &[section]), &webrtc());
    let maps = extmaps(&answer, 0);
    assert_eq!(
        maps,
        [
            (1, Some(Direction::SendOnly), false, AUDIO_LEVEL.to_owned()),
            (3, Some(Direction::RecvOnly), false, MID_URI.to_owned()),
            (
                4,
                None,
                false,
                crate::answer::plan::TRANSPORT_CC_URI.to_owned()
            ),
        ]
    );
    // sendrecv is written without `/dir`.
    assert!(answer
        .session
        .to_string()
        .contains("a=extmap:4 http://www.ietf.org/id/draft-holmer"));
}

#[test]
fn c4_firefox_recvonly_extension_is_answered_sendonly() {
    let answer = clean(FIREFOX, &webrtc());
    let playout = extmaps(&answer, 1)
        .into_iter()
        .find(|e| e.3.ends_with("playout-delay"))
        .unwrap();
    assert_eq!(playout.0, 6);
    assert_eq!(playout.1, Some(Direction::SendOnly));
}

#[test]
fn c5_extmap_allow_mixed_is_echoed_at_the_offers_level() {
    // Session level (Chrome).
    let answer = clean(CHROME, &webrtc());
    assert!(answer.session.has_attribute("extmap-allow-mixed"));
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| !m.has_attribute("extmap-allow-mixed")));
    // Media level: only in that section.
    let text = jsep_offer(
        "a=group:BUNDLE 0 1\r\n",
        &[audio("0", "a=extmap-allow-mixed\r\n"), video("1", "")],
    );
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.has_attribute("extmap-allow-mixed"));
    assert!(answer.session.media()[0].has_attribute("extmap-allow-mixed"));
    assert!(!answer.session.media()[1].has_attribute("extmap-allow-mixed"));
}

#[test]
fn c5_extmap_allow_mixed_is_never_written_when_not_offered_or_not_supported() {
    let text = CHROME.replace("a=extmap-allow-mixed\r\n", "");
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.to_string().contains("extmap-allow-mixed"));
    let mut config = webrtc();
    config.extmap_allow_mixed = false;
    let answer = clean(CHROME, &config);
    assert!(!answer.session.to_string().contains("extmap-allow-mixed"));
    let media_level = jsep_offer("", &[audio("0", "a=extmap-allow-mixed\r\n")]);
    let answer = clean(&media_level, &config);
    assert!(!answer.session.to_string().contains("extmap-allow-mixed"));
}

#[test]
fn c6_encrypted_form_is_answered_only_when_we_can_encrypt() {
    let section = audio(
        "0",
        &format!("a=extmap:1 {ENCRYPT} {AUDIO_LEVEL}\r\na=extmap:2 {AUDIO_LEVEL}\r\n"),
    );
    let text = jsep_offer("", &[section]);
    // The preset does not encrypt: the plain form only.
    let answer = clean(&text, &webrtc());
    assert_eq!(
        extmaps(&answer, 0),
        [(2, None, false, AUDIO_LEVEL.to_owned())]
    );
    // With encryption supported: both forms, each with its own id.
    let mut config = webrtc();
    config.header_extensions.push(ExtensionConfig {
        uri: AUDIO_LEVEL.to_owned(),
        kinds: vec![MediaKind::Audio],
        encrypt: true,
    });
    config
        .header_extensions
        .retain(|e| e.uri != AUDIO_LEVEL || e.encrypt);
    let answer = clean(&text, &config);
    assert_eq!(
        extmaps(&answer, 0),
        [
            (1, None, true, AUDIO_LEVEL.to_owned()),
            (2, None, false, AUDIO_LEVEL.to_owned()),
        ]
    );
    assert!(answer
        .session
        .to_string()
        .contains(&format!("a=extmap:1 {ENCRYPT} {AUDIO_LEVEL}\r\n")));
}

#[test]
fn c6_cryptex_is_not_answered() {
    let text = CHROME.replace("a=rtcp-rsize\r\n", "a=rtcp-rsize\r\na=cryptex\r\n");
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.to_string().contains("cryptex"));
}

#[test]
fn c7_subsequent_answers_keep_extension_ids() {
    let offer = Session::parse(CHROME).unwrap();
    let first = clean(CHROME, &webrtc());
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    for i in 0..2 {
        assert_eq!(extmaps(&first, i), extmaps(&second, i));
    }
    assert_eq!(
        answer_negotiated_extensions(&first),
        answer_negotiated_extensions(&second)
    );
}

fn answer_negotiated_extensions(answer: &Answer) -> Vec<(u16, String)> {
    answer
        .negotiated
        .accepted()
        .flat_map(|a| a.extensions.iter().map(|e| (e.id, e.uri.clone())))
        .collect()
}

#[test]
fn c8_the_mid_extension_is_answered_in_every_bundled_rtp_section() {
    for offer in [CHROME, FIREFOX] {
        let answer = clean(offer, &webrtc());
        for (i, m) in answer.session.media().iter().enumerate() {
            if m.kind() == "application" {
                continue;
            }
            assert!(uris(&answer, i).iter().any(|u| u == MID_URI), "{m}");
        }
    }
}

#[test]
fn c8_simulcast_keeps_rtp_stream_id_and_repaired_rtp_stream_id() {
    let answer = clean(CHROME, &webrtc());
    let video = uris(&answer, 1);
    assert!(video
        .iter()
        .any(|u| u == crate::answer::plan::RTP_STREAM_ID_URI));
    assert!(video
        .iter()
        .any(|u| u == "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"));
}

#[test]
fn c2_c3_an_invalid_offered_id_is_replaced_by_a_free_one() {
    let text = CHROME
        .replace(
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:300 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        )
        .replace("a=extmap-allow-mixed\r\n", "");
    let offer = Session::parse(&text).unwrap().into_owned();
    let answer = crate::answer(&offer, &Config::webrtc()).unwrap();
    let ids: Vec<u16> = answer.session.media()[0]
        .typed::<sdp_core::attr::extmap::Extmap>()
        .map(|e| e.id)
        .collect();
    assert!(ids.iter().all(|id| (1..=14).contains(id)), "{ids:?}");
    let f15: Vec<String> = crate::check_answer(&offer, &answer.session)
        .iter()
        .filter(|v| v.rule == "F15")
        .map(|v| v.to_string())
        .collect();
    assert!(f15.is_empty(), "{f15:?}");
}
