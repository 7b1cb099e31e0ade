//! Catalogue consistency, the generated docs, and shared fixtures for the rule tests.

use super::*;

/// Clean descriptions that must validate without a single finding under their profile. Rule
/// tests mutate them (usually with `str::replace`) to trigger one rule at a time.
pub(crate) mod fixtures {
    /// A Chrome-like audio+video+data BUNDLE offer.
    pub(crate) const WEBRTC: &str = "v=0\r\n\
o=- 4649351869055041161 2 IN IP4 127.0.0.1\r\n\
s=-\r\n\
t=0 0\r\n\
a=group:BUNDLE 0 1 2\r\n\
a=extmap-allow-mixed\r\n\
a=msid-semantic: WMS stream\r\n\
m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n\
c=IN IP4 0.0.0.0\r\n\
a=rtcp:9 IN IP4 0.0.0.0\r\n\
a=candidate:1 1 udp 2122260223 192.0.2.10 54321 typ host generation 0\r\n\
a=candidate:2 1 udp 1686052607 203.0.113.77 54327 typ srflx raddr 192.0.2.10 rport 54321\r\n\
a=candidate:3 1 tcp 1518280447 192.0.2.10 9 typ host tcptype active\r\n\
a=ice-ufrag:vsCn\r\n\
a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n\
a=ice-options:trickle\r\n\
a=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\r\n\
a=setup:actpass\r\n\
a=mid:0\r\n\
a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n\
a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n\
a=sendrecv\r\n\
a=msid:stream audio-track\r\n\
a=rtcp-mux\r\n\
a=rtcp-rsize\r\n\
a=rtpmap:111 opus/48000/2\r\n\
a=rtcp-fb:111 transport-cc\r\n\
a=fmtp:111 minptime=10;useinbandfec=1\r\n\
a=rtpmap:63 red/48000/2\r\n\
a=fmtp:63 111/111\r\n\
a=rtpmap:0 PCMU/8000\r\n\
a=rtpmap:126 telephone-event/8000\r\n\
a=ssrc:1001 cname:4TOk42mSjXCkVIa6\r\n\
a=ssrc:1001 msid:stream audio-track\r\n\
m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 35\r\n\
c=IN IP4 0.0.0.0\r\n\
a=rtcp:9 IN IP4 0.0.0.0\r\n\
a=ice-ufrag:vsCn\r\n\
a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n\
a=ice-options:trickle\r\n\
a=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\r\n\
a=setup:actpass\r\n\
a=mid:1\r\n\
a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n\
a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n\
a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n\
a=sendrecv\r\n\
a=msid:stream video-track\r\n\
a=rtcp-mux\r\n\
a=rtcp-rsize\r\n\
a=rtpmap:96 VP8/90000\r\n\
a=rtcp-fb:96 goog-remb\r\n\
a=rtcp-fb:96 transport-cc\r\n\
a=rtcp-fb:96 ccm fir\r\n\
a=rtcp-fb:96 nack\r\n\
a=rtcp-fb:96 nack pli\r\n\
a=rtpmap:97 rtx/90000\r\n\
a=fmtp:97 apt=96\r\n\
a=rtpmap:98 H264/90000\r\n\
a=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n\
a=rtpmap:99 rtx/90000\r\n\
a=fmtp:99 apt=98\r\n\
a=rtpmap:35 AV1/90000\r\n\
a=rid:hi send\r\n\
a=rid:lo send pt=96\r\n\
a=simulcast:send hi;lo\r\n\
a=ssrc-group:FID 2001 2002\r\n\
a=ssrc:2001 cname:4TOk42mSjXCkVIa6\r\n\
a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\n\
m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n\
c=IN IP4 0.0.0.0\r\n\
a=ice-ufrag:vsCn\r\n\
a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n\
a=ice-options:trickle\r\n\
a=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\r\n\
a=setup:actpass\r\n\
a=mid:2\r\n\
a=sctp-port:5000\r\n\
a=max-message-size:262144\r\n";

    /// A SIP phone's audio offer.
    pub(crate) const SIP: &str = "v=0\r\n\
o=alice 2890844526 2890844526 IN IP4 198.51.100.10\r\n\
s=-\r\n\
c=IN IP4 198.51.100.10\r\n\
t=0 0\r\n\
m=audio 49170 RTP/AVP 0 8 9 101\r\n\
a=rtpmap:0 PCMU/8000\r\n\
a=rtpmap:8 PCMA/8000\r\n\
a=rtpmap:9 G722/8000\r\n\
a=rtpmap:101 telephone-event/8000\r\n\
a=fmtp:101 0-16\r\n\
a=ptime:20\r\n\
a=sendrecv\r\n";

    /// An ST 2110-20 video sender.
    pub(crate) const ST2110: &str = "v=0\r\n\
o=- 1443716955 1443716955 IN IP4 192.0.2.33\r\n\
s=st2110 video\r\n\
t=0 0\r\n\
m=video 50000 RTP/AVP 96\r\n\
c=IN IP4 239.100.9.10/32\r\n\
a=source-filter: incl IN IP4 239.100.9.10 192.0.2.33\r\n\
a=rtpmap:96 raw/90000\r\n\
a=fmtp:96 sampling=YCbCr-4:2:2; width=1920; height=1080; exactframerate=30000/1001; depth=10; TCS=SDR; colorimetry=BT709; PM=2110GPM; SSN=ST2110-20:2017; TP=2110TPN\r\n\
a=ts-refclk:ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37\r\n\
a=mediaclk:direct=0\r\n\
a=mid:primary\r\n";

    /// A generic description (an RTSP camera's).
    pub(crate) const RFC8866: &str = "v=0\r\n\
o=- 1 1 IN IP4 192.0.2.5\r\n\
s=Camera\r\n\
c=IN IP4 0.0.0.0\r\n\
t=0 0\r\n\
a=control:*\r\n\
a=range:npt=0-\r\n\
m=video 0 RTP/AVP 96\r\n\
a=rtpmap:96 H264/90000\r\n\
a=fmtp:96 packetization-mode=1;profile-level-id=640028\r\n\
a=control:trackID=1\r\n";

    use crate::validate::{validate, Profile};
    use crate::Session;

    /// The codes `validate` reports for `text` under `profile`.
    pub(crate) fn codes(text: &str, profile: Profile) -> Vec<&'static str> {
        let session = Session::parse(text).expect("fixture parses");
        validate(&session, profile)
            .iter()
            .map(|d| d.code())
            .collect()
    }

    /// The codes `validate` reports for `text` under the WebRTC profile.
    pub(crate) fn webrtc(text: &str) -> Vec<&'static str> {
        codes(text, Profile::Webrtc)
    }

    /// The first diagnostic with `code` for `text` under `profile`; panics when there is none.
    pub(crate) fn find_in(text: &str, profile: Profile, code: &str) -> crate::validate::Diagnostic {
        let session = Session::parse(text).expect("fixture parses");
        validate(&session, profile)
            .into_iter()
            .find(|d| d.code() == code)
            .unwrap_or_else(|| panic!("no {code}"))
    }

    /// The first diagnostic with `code` for `text` under the WebRTC profile.
    pub(crate) fn find(text: &str, code: &str) -> crate::validate::Diagnostic {
        find_in(text, Profile::Webrtc, code)
    }

    /// `base` with `from` replaced by `to`, checking that `from` occurs.
    pub(crate) fn edit(base: &str, from: &str, to: &str) -> String {
        assert!(base.contains(from), "fixture has no {from:?}");
        base.replacen(from, to, 1)
    }
}

use fixtures::codes;

#[test]
fn fixtures_are_clean_under_their_profiles() {
    for (text, profile) in [
        (fixtures::WEBRTC, Profile::Webrtc),
        (fixtures::SIP, Profile::Sip),
        (fixtures::ST2110, Profile::St2110),
        (fixtures::RFC8866, Profile::Rfc8866),
    ] {
        let session = crate::Session::parse_with(text, &crate::ParseOptions::strict()).unwrap();
        assert!(
            session.warnings.is_empty(),
            "{profile}: {:?}",
            session.warnings
        );
        let found: Vec<String> = validate(&session.session, profile)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(found.is_empty(), "{profile} fixture: {found:#?}");
        assert_eq!(Profile::detect(&session.session), profile, "detection");
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let all = catalogue();
    let mut codes = std::collections::HashSet::new();
    let mut names = std::collections::HashSet::new();
    for l in &all {
        assert!(codes.insert(l.code), "duplicate code {}", l.code);
        assert!(names.insert(l.name), "duplicate name {}", l.name);
        assert!(l.code.len() == 7 && l.code.starts_with("SDP"), "{}", l.code);
        assert!(
            l.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            l.name
        );
        assert!(
            !l.title.is_empty() && !l.explanation.is_empty() && !l.rfc.is_empty(),
            "{}",
            l.code
        );
    }
}

#[test]
fn parse_codes_all_have_catalogue_entries() {
    for code in crate::ErrorCode::ALL {
        assert_eq!(lint_for_parse_code(*code).code, code.code());
    }
}

#[test]
fn lookup_finds_by_code_and_name() {
    assert_eq!(lookup("sdp0009").map(|l| l.name), Some("out-of-order"));
    assert_eq!(lookup("out-of-order").map(|l| l.code), Some("SDP0009"));
    assert!(lookup("SDP9999").is_none());
    assert!(lookup("SDP0009").unwrap().explain().contains("Wrong:"));
}

#[test]
fn profiles_are_detected_from_the_content() {
    let detect = |text: &str| Profile::detect(&crate::Session::parse(text).unwrap());
    assert_eq!(detect(fixtures::WEBRTC), Profile::Webrtc);
    assert_eq!(detect(fixtures::SIP), Profile::Sip);
    assert_eq!(detect(fixtures::ST2110), Profile::St2110);
    assert_eq!(detect(fixtures::RFC8866), Profile::Rfc8866);
    assert_eq!("WebRTC".parse::<Profile>(), Ok(Profile::Webrtc));
    assert!("h323".parse::<Profile>().is_err());
}

#[test]
fn parse_warnings_become_diagnostics() {
    let text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 192.0.2.1\r\n";
    let parsed = crate::Session::parse_with(text, &crate::ParseOptions::lenient()).unwrap();
    let found = validate_parsed(&parsed, Profile::Auto);
    assert_eq!(found[0].code(), "SDP0009");
    assert_eq!((found[0].line(), found[0].column()), (7, 1));
    assert_eq!(found[0].severity(), Severity::Error);
}

#[test]
fn diagnostics_display_severity_code_place_and_source() {
    let text = fixtures::edit(
        fixtures::SIP,
        "m=audio 49170 RTP/AVP 0 8 9 101",
        "m=audio 49170 RTP/AVP 0 8 9 101 96",
    );
    let found = validate(&crate::Session::parse(&text).unwrap(), Profile::Sip);
    let first = found.iter().find(|d| d.code() == "SDP0110").unwrap();
    assert!(
        first
            .to_string()
            .starts_with("warning[SDP0110]: line 6, column 33: dynamic payload type `96`"),
        "{first}"
    );
    let _ = codes;
}

/// `docs/lints.md` is rendered from the catalogue; `SDP_BLESS=1` rewrites it.
#[test]
fn lint_docs_are_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/lints.md");
    let rendered = catalogue_markdown();
    if std::env::var_os("SDP_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &rendered).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(current == rendered, "docs/lints.md is stale: run `SDP_BLESS=1 cargo test -p sdp-core --lib lint_docs` and commit it");
}
