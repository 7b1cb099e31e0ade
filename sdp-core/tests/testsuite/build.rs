//! Building descriptions from scratch through the typed API.

use sdp_core::attr::bundle::{Group, Mid};
use sdp_core::attr::direction::Direction;
use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::attr::extmap::Extmap;
use sdp_core::attr::ice::{Candidate, IceOptions, IcePwd, IceUfrag};
use sdp_core::attr::msid::Msid;
use sdp_core::attr::rtcp::{RtcpMux, RtcpRsize};
use sdp_core::attr::rtp::{Fmtp, Rtpmap};
use sdp_core::attr::sctp::{MaxMessageSize, SctpPort};
use sdp_core::field::{Connection, MediaLine, Origin};
use sdp_core::{Line, Media, ParseOptions, Session};

const FINGERPRINT: &str =
    "18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A";

fn transport(media: Media<'static>, mid: &str) -> Media<'static> {
    media
        .with_line(Line::new('c', Connection::new("0.0.0.0")))
        .with_attribute(&IceUfrag::new("vsCn"))
        .with_attribute(&IcePwd::new("Wnc8FZXWEzpLqDY1sS0kqIBf"))
        .with_attribute(&IceOptions::new("trickle"))
        .with_attribute(&Fingerprint::new("sha-256", FINGERPRINT))
        .with_attribute(&Setup::Actpass)
        .with_attribute(&Mid::new(mid))
}

#[test]
fn a_webrtc_offer_built_from_scratch_is_canonical_and_strictly_valid() {
    let origin = Origin::parse("- 4649351869055041161 2 IN IP4 127.0.0.1").unwrap();
    let audio = transport(
        Media::new(&MediaLine::new("audio", 9, "UDP/TLS/RTP/SAVPF", "111 0")),
        "0",
    )
    .with_attribute(&Candidate::host(
        "1",
        1,
        "udp",
        2122260223,
        "192.0.2.10",
        54321,
    ))
    .with_direction(Direction::SendRecv)
    .with_attribute(&Msid::new("stream", Some("track")))
    .with_attribute(&RtcpMux)
    .with_attribute(&RtcpRsize)
    .with_attribute(&Extmap::new(
        1,
        "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
    ))
    .with_attribute(&Rtpmap::new(111, "opus", 48000, Some(2)))
    .with_attribute(&Fmtp::new("111", "minptime=10;useinbandfec=1"))
    .with_attribute(&Rtpmap::new(0, "PCMU", 8000, None));
    let data = transport(
        Media::new(&MediaLine::new(
            "application",
            9,
            "UDP/DTLS/SCTP",
            "webrtc-datachannel",
        )),
        "1",
    )
    .with_attribute(&SctpPort(5000))
    .with_attribute(&MaxMessageSize(262144));
    let session = Session::new(&origin, "-")
        .with_attribute(&Group::new("BUNDLE", "0 1").unwrap())
        .with_media(audio)
        .with_media(data);

    let text = session.to_string();
    assert!(text.lines().all(|l| !l.is_empty()));
    assert_eq!(
        text.matches("\r\n").count(),
        text.matches('\n').count(),
        "CRLF everywhere"
    );
    let parsed = Session::parse_with(&text, &ParseOptions::strict()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.session, session);
    assert!(text.starts_with("v=0\r\no=- 4649351869055041161 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:vsCn\r\n"), "{text}");
    let audio = &parsed.session.media()[0];
    assert_eq!(audio.codecs().len(), 2);
    assert_eq!(audio.direction(), Some(Direction::SendRecv));
    assert_eq!(
        parsed.session.media_by_mid("1").map(|m| m.kind()),
        Some("application")
    );
}

#[test]
fn into_owned_outlives_the_input_and_stays_equal() {
    let owned = {
        let text = String::from(
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=x-odd:  kept  \n",
        );
        let session = Session::parse(&text).unwrap();
        let owned = session.clone().into_owned();
        assert_eq!(owned, session);
        owned
    };
    assert_eq!(
        owned.to_string(),
        "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=x-odd:  kept  \n"
    );
}

#[test]
fn write_io_matches_display() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/chrome-offer.sdp"
    ))
    .unwrap();
    let session = Session::parse(&text).unwrap();
    let mut bytes = Vec::new();
    session.write_io(&mut bytes).unwrap();
    assert_eq!(bytes, text.as_bytes());
    assert_eq!(session.written_len(), text.len());
}
