//! Semantic checks: every refused configuration with its exact message.

use super::super::*;
use super::load::toml_error;

/// A change to the test base.
type Edit = Box<dyn FnOnce(&mut Config)>;

/// A config with one audio codec (`opus`) and one video codec (`VP8`), for the tables below.
fn base() -> Config {
    let mut config = Config::sip_phone();
    config.audio.truncate(4);
    config.video = Config::webrtc_capabilities().video;
    config.video.truncate(1);
    config
}

fn problem(edit: impl FnOnce(&mut Config)) -> String {
    let mut config = base();
    edit(&mut config);
    config.check().unwrap_err().to_string()
}

#[test]
fn the_test_base_is_valid() {
    base().check().unwrap();
}

#[test]
fn check_refuses_bad_codec_entries_with_their_path() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|c| c.audio[0].clock_rate = 0),
            "audio[0].clock_rate: clock rate must be above 0",
        ),
        (
            Box::new(|c| c.audio[1].channels = Some(0)),
            "audio[1].channels: channel count must be above 0 (leave it out for 1)",
        ),
        (
            Box::new(|c| c.video[0].channels = Some(1)),
            "video[0].channels: video codecs have no channel count",
        ),
        (
            Box::new(|c| c.audio[0].name = String::new()),
            "audio[0].name: codec name is empty",
        ),
        (
            Box::new(|c| c.audio[0].name = "PCMU/8000".into()),
            "audio[0].name: `PCMU/8000` is not an encoding name (no spaces, `/` or control \
             characters)",
        ),
        (
            Box::new(|c| c.audio[3].channels = None),
            "audio[3].name: opus is always `opus/48000/2`: clock_rate = 48000, channels = 2 \
             (RFC 7587 §7)",
        ),
        (
            Box::new(|c| c.video[0].clock_rate = 48_000),
            "video[0].clock_rate: `VP8` runs at 90000 Hz, not 48000 (B2)",
        ),
        (
            Box::new(|c| {
                let vp8 = c.video.remove(0);
                c.audio.push(vp8);
            }),
            "audio[4].name: `VP8` is a codec for video: list it under `video`, not `audio`",
        ),
    ];
    for (edit, message) in cases {
        assert_eq!(problem(edit), message);
    }
}

#[test]
fn check_refuses_malformed_fmtp() {
    let cases = [
        (
            "VP9",
            "profile-id=7",
            "malformed fmtp: expected a profile-id (0-3), found `7` at byte 11",
        ),
        (
            "H264",
            "packetization-mode=1;profile-level-id=42zz1f",
            "malformed fmtp: expected a profile-level-id (6 hex digits), found `42zz1f` at byte 38",
        ),
        (
            "H264",
            "packetization-mode",
            "fmtp parameter `packetization-mode` is not `name=value`",
        ),
        (
            "H264",
            "packetization-mode=1;Packetization-Mode=0",
            "fmtp parameter `Packetization-Mode` appears twice",
        ),
        ("VP8", "=5", "fmtp parameter `5` has no name"),
        ("VP8", "  ", "fmtp is empty: leave it out"),
        (
            "VP8",
            "max-fr=30\r\na=x",
            "fmtp must be one line without control characters",
        ),
        (
            "AV1",
            "profile=3",
            "malformed fmtp: expected a profile (0-2), found `3` at byte 8",
        ),
    ];
    for (name, fmtp, message) in cases {
        let result = problem(|c| {
            c.video[0].name = name.into();
            c.video[0].fmtp = Some(fmtp.into());
        });
        assert_eq!(result, format!("video[0].fmtp: {message}"), "{name} {fmtp}");
    }
    let result = problem(|c| c.audio[3].fmtp = Some("stereo=2".into()));
    assert_eq!(
        result,
        "audio[3].fmtp: malformed fmtp: expected 0 or 1, found `2` at byte 7"
    );
    let mut config = Config::sip_phone();
    config.audio[4].fmtp = Some("0-16,300".into());
    assert_eq!(
        config.check().unwrap_err().to_string(),
        "audio[4].fmtp: malformed fmtp: expected end of value, found `,300` at byte 4"
    );
}

#[test]
fn b14_check_refuses_unknown_or_malformed_rtcp_fb() {
    let known = "expected `nack`, `nack pli`, `nack sli`, `nack rpsi`, `nack app`, `ccm fir`, \
                 `ccm tmmbr`, `ccm tstr`, `ccm vbcm`, `ack rpsi`, `ack app`, `ack ccfb`, \
                 `trr-int <ms>`, `goog-remb` or `transport-cc`";
    let cases = [
        ("nak", format!("unknown rtcp-fb `nak`, {known}")),
        ("nack foo", format!("unknown rtcp-fb `nack foo`, {known}")),
        ("ccm", format!("unknown rtcp-fb `ccm`, {known}")),
        (
            "goog-remb 1",
            format!("unknown rtcp-fb `goog-remb 1`, {known}"),
        ),
        (
            "nack;pli",
            "malformed rtcp-fb `nack;pli`: expected end of value at byte 4".to_owned(),
        ),
        (
            "trr-int x",
            "malformed rtcp-fb `trr-int x`: expected an interval in milliseconds at byte 8"
                .to_owned(),
        ),
        (
            "",
            "malformed rtcp-fb ``: expected a feedback type at byte 0".to_owned(),
        ),
    ];
    for (fb, message) in cases {
        let result = problem(|c| c.video[0].rtcp_fb.push(fb.into()));
        assert_eq!(result, format!("video[0].rtcp_fb[5]: {message}"), "{fb}");
    }
    assert_eq!(
        problem(|c| c.video[0].rtcp_fb.push("NACK  PLI".into())),
        "video[0].rtcp_fb[5]: rtcp-fb `NACK  PLI` is listed twice"
    );
    let mut config = base();
    config.video[0].rtcp_fb = [
        "ccm tmmbr smaxpr=120",
        "trr-int 100",
        "ack ccfb",
        "nack app x",
    ]
    .map(String::from)
    .to_vec();
    config.check().unwrap();
}

fn codec(name: &str, clock_rate: u32) -> CodecConfig {
    CodecConfig {
        name: name.into(),
        clock_rate,
        channels: None,
        fmtp: None,
        rtcp_fb: Vec::new(),
        rtx: false,
    }
}

#[test]
fn b10_b11_check_refuses_rtx_red_or_fec_without_a_media_codec() {
    assert_eq!(
        problem(|c| c.video = vec![codec("red", 90_000)]),
        "video[0]: `red` needs a media codec at 90000 Hz in `video` (B10, B11)"
    );
    assert_eq!(
        problem(|c| c.video = vec![codec("rtx", 90_000)]),
        "video[0]: `rtx` needs a media codec at 90000 Hz in `video` (B10, B11)"
    );
    assert_eq!(
        problem(|c| c.audio.push(CodecConfig {
            channels: Some(2),
            ..codec("red", 16_000)
        })),
        "audio[4]: `red` needs a media codec at 16000 Hz in `audio` (B10, B11)"
    );
    assert_eq!(
        problem(|c| c.video.push(codec("ulpfec", 90_000))),
        "video[1]: `ulpfec` needs `red` in `video` (B11)"
    );
    assert_eq!(
        problem(|c| {
            c.video.push(CodecConfig {
                rtx: true,
                ..codec("ulpfec", 90_000)
            });
            c.video.push(codec("red", 90_000));
        }),
        "video[1].rtx: RTX protects media codecs and `red`, not `ulpfec` (B10)"
    );
    // An explicit rtx entry beside a media codec of its rate, red with rtx: fine.
    let mut config = base();
    config.video.push(codec("rtx", 90_000));
    config.video.push(CodecConfig {
        rtx: true,
        ..codec("red", 90_000)
    });
    config.check().unwrap();
}

#[test]
fn b8_check_refuses_duplicate_codecs() {
    assert_eq!(
        problem(|c| c.audio.push(codec("pcmu", 8_000))),
        "audio[4]: duplicate of `audio[0]` (same name, clock rate, channels and fmtp)"
    );
    assert_eq!(
        problem(|c| c.audio.push(CodecConfig {
            channels: Some(1),
            ..codec("PCMA", 8_000)
        })),
        "audio[4]: duplicate of `audio[1]` (same name, clock rate, channels and fmtp)"
    );
    assert_eq!(
        problem(|c| {
            let mut vp9 = codec("VP9", 90_000);
            vp9.fmtp = Some("profile-id=0;max-fr=30".into());
            let mut again = vp9.clone();
            again.fmtp = Some("MAX-FR=30; profile-id=0".into());
            c.video.push(vp9);
            c.video.push(again);
        }),
        "video[2]: duplicate of `video[1]` (same name, clock rate, channels and fmtp)"
    );
    // Same codec, other parameters: Chrome lists VP9 and H264 several times.
    Config::webrtc_capabilities().check().unwrap();
}

#[test]
fn check_refuses_bad_header_extensions() {
    let ext = |uri: &str, kinds: &[MediaKind]| ExtensionConfig {
        uri: uri.into(),
        kinds: kinds.to_vec(),
        encrypt: false,
    };
    let mid = "urn:ietf:params:rtp-hdrext:sdes:mid";
    let cases = [
        (
            ext("", &[MediaKind::Audio]),
            "header_extensions[0].uri: extension URI is empty",
        ),
        (
            ext("urn:a b", &[MediaKind::Audio]),
            "header_extensions[0].uri: extension URI `urn:a b` contains white space",
        ),
        (
            ext("toffset", &[MediaKind::Video]),
            "header_extensions[0].uri: `toffset` is not a URI (RFC 8285 §5 names extensions by \
             URI)",
        ),
        (
            ext(
                "urn:ietf:params:rtp-hdrext:encrypt urn:x",
                &[MediaKind::Video],
            ),
            "header_extensions[0].uri: write the plain URI and set `encrypt = true` (RFC 6904)",
        ),
        (
            ext(mid, &[]),
            "header_extensions[0].kinds: list the media kinds it applies to: `audio`, `video` \
             or both",
        ),
        (
            ext(mid, &[MediaKind::Application]),
            "header_extensions[0].kinds[0]: `application` sections carry no RTP: extensions \
             apply to `audio` and `video`",
        ),
        (
            ext(mid, &[MediaKind::Video, MediaKind::Video]),
            "header_extensions[0].kinds[1]: `video` is listed twice",
        ),
    ];
    for (extension, message) in cases {
        assert_eq!(problem(|c| c.header_extensions = vec![extension]), message);
    }
    assert_eq!(
        problem(|c| {
            c.header_extensions = vec![
                ext(mid, &[MediaKind::Audio]),
                ext(mid, &[MediaKind::Video, MediaKind::Audio]),
            ]
        }),
        "header_extensions[1]: duplicate of `header_extensions[0]` (same URI and media kind)"
    );
    let mut config = base();
    let mut encrypted = ext(mid, &[MediaKind::Audio]);
    encrypted.encrypt = true;
    config.header_extensions = vec![ext(mid, &[MediaKind::Audio]), encrypted];
    config.check().unwrap();
}

#[test]
fn a11_check_refuses_ice_credentials_outside_rfc_8839() {
    assert_eq!(
        problem(|c| c.ice.ufrag = Some("ab".into())),
        "ice.ufrag: ice-ufrag must be 4 to 256 characters long (RFC 8839 §5.4), got 2"
    );
    assert_eq!(
        problem(|c| c.ice.ufrag = Some("ab-cd".into())),
        "ice.ufrag: ice-ufrag must consist of ice-chars (`A-Z`, `a-z`, `0-9`, `+`, `/`; RFC \
         8839 §5.4), found `-` at byte 2"
    );
    assert_eq!(
        problem(|c| c.ice.pwd = Some("short".into())),
        "ice.pwd: ice-pwd must be 22 to 256 characters long (RFC 8839 §5.4), got 5"
    );
    assert_eq!(
        problem(|c| c.ice.pwd = Some(format!("{}=", "p".repeat(24)))),
        "ice.pwd: ice-pwd must consist of ice-chars (`A-Z`, `a-z`, `0-9`, `+`, `/`; RFC 8839 \
         §5.4), found `=` at byte 24"
    );
    assert_eq!(
        problem(|c| c.ice.options = vec!["trickle".into(), "ice 2".into()]),
        "ice.options[1]: ice option `ice 2` must be 1 or more ice-chars (RFC 8839 §5.6)"
    );
    assert_eq!(
        problem(|c| c.ice.options = vec!["trickle".into(), "trickle".into()]),
        "ice.options[1]: ice option `trickle` is listed twice"
    );
}

#[test]
fn check_refuses_bad_transport_and_naming_settings() {
    let cases: Vec<(Edit, &str)> =
        vec![
        (
            Box::new(|c| c.sctp = Some(SctpConfig { port: 0, max_message_size: 0 })),
            "sctp.port: SCTP port must be 1 to 65535, not 0 (RFC 8841 §5)",
        ),
        (
            Box::new(|c| c.compat.max_message_size_cap = 0),
            "compat.max_message_size_cap: a cap of 0 would be written as max-message-size 0, \
             which means any size (RFC 8841 §6)",
        ),
        (
            Box::new(|c| c.dtls.certificate_file = Some("cert.pem".into())),
            "dtls.key_file: `dtls.certificate_file` needs `dtls.key_file`, the certificate's \
             private key",
        ),
        (
            Box::new(|c| c.dtls.key_file = Some("key.pem".into())),
            "dtls.certificate_file: `dtls.key_file` needs `dtls.certificate_file`",
        ),
        (
            Box::new(|c| c.dtls.hash = Some("sha-1".into())),
            "dtls.hash: unsupported fingerprint hash `sha-1`, expected `sha-256`, `sha-384` or \
             `sha-512`",
        ),
        (
            Box::new(|c| {
                c.simulcast.receive = true;
                c.simulcast.max_layers = 0;
            }),
            "simulcast.max_layers: at least 1 layer is needed to receive simulcast",
        ),
        (
            Box::new(|c| c.cname = Some(String::new())),
            "cname: cname is empty: leave it out for a random one (RFC 7022)",
        ),
        (
            Box::new(|c| c.cname = Some("my phone".into())),
            "cname: cname `my phone` contains white space, which `a=ssrc` cannot carry",
        ),
        (
            Box::new(|c| c.cname = Some("x".repeat(256))),
            "cname: cname is 256 bytes long, above the 255 an RTCP SDES item holds (RFC 3550 \
             §6.5)",
        ),
        (
            Box::new(|c| c.stream_id = Some("a:b".into())),
            "stream_id: stream id `a:b` must be 1 to 64 token characters (RFC 8830 §2)",
        ),
    ];
    for (edit, message) in cases {
        assert_eq!(problem(edit), message);
    }
}

#[test]
fn problems_lists_every_problem_in_document_order() {
    let mut config = base();
    config.audio[0].clock_rate = 0;
    config.video[0].rtcp_fb.push("nak".into());
    config.sctp = Some(SctpConfig {
        port: 0,
        max_message_size: 0,
    });
    let paths: Vec<_> = config
        .problems()
        .into_iter()
        .map(|p| p.path.unwrap_or_default())
        .collect();
    assert_eq!(
        paths,
        ["audio[0].clock_rate", "video[0].rtcp_fb[5]", "sctp.port"]
    );
}

#[test]
fn loading_runs_the_semantic_checks() {
    assert_eq!(
        toml_error("preset = \"sip\"\n[sctp]\nport = 0"),
        "sctp.port: SCTP port must be 1 to 65535, not 0 (RFC 8841 §5)"
    );
    assert_eq!(
        toml_error("preset = \"webrtc\"\n[ice]\nufrag = \"x\""),
        "ice.ufrag: ice-ufrag must be 4 to 256 characters long (RFC 8839 §5.4), got 1"
    );
}
