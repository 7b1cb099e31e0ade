//! Loading: presets, merging, formats, paths in errors, identity files.

use super::super::*;

/// The TOML example of the module docs, extracted so that it stays the one tested here.
fn doc_example() -> String {
    let source = include_str!("../mod.rs");
    let start = source.find("//! ```toml\n").unwrap() + "//! ```toml\n".len();
    let end = start + source[start..].find("//! ```\n").unwrap();
    source[start..end]
        .lines()
        .map(|l| l.strip_prefix("//! ").or(l.strip_prefix("//!")).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

fn without_identity(mut config: Config) -> Config {
    config.identity = None;
    config
}

#[test]
fn the_documented_toml_example_parses() {
    let config = Config::from_toml(&doc_example()).unwrap();
    assert_eq!(config.mode, ModePolicy::Jsep);
    assert_eq!(config.audio.len(), 2);
    assert_eq!(config.video[1].name, "H264");
    assert_eq!(config.header_extensions.len(), 2);
    assert_eq!(
        config.video_policy,
        MediaPolicy {
            send: false,
            recv: true
        }
    );
    assert_eq!(config.ice.ufrag.as_deref(), Some("sfu1"));
    assert!(config.ice.lite);
    // Given in the file; the preset has the same.
    assert_eq!(config.ice.options, ["trickle"]);
    assert_eq!(config.sctp, Some(SctpConfig::default()));
    assert_eq!(config.stream_id.as_deref(), Some("sfu-stream"));
    let identity = config.identity.unwrap();
    assert_eq!(identity.hash, "sha-256");
}

#[test]
fn both_presets_round_trip_through_toml() {
    for preset in [Config::webrtc(), Config::sip_phone()] {
        let text = preset.to_toml().unwrap();
        let parsed = Config::from_toml(&text).unwrap();
        assert_eq!(without_identity(parsed), without_identity(preset), "{text}");
    }
}

#[test]
fn both_presets_round_trip_through_json() {
    for preset in [Config::webrtc_capabilities(), Config::sip_phone()] {
        let text = preset.to_json().unwrap();
        let parsed = Config::from_json(&text).unwrap();
        assert_eq!(without_identity(parsed), preset);
    }
}

#[test]
fn a_preset_name_alone_gives_the_preset() {
    let webrtc = Config::from_toml(r#"preset = "webrtc""#).unwrap();
    assert!(webrtc.identity.is_some());
    assert_eq!(without_identity(webrtc), Config::webrtc_capabilities());
    let sip = Config::from_json(r#"{"preset": "sip"}"#).unwrap();
    assert_eq!(sip, Config::sip_phone());
}

#[test]
fn settings_apply_on_top_of_the_preset() {
    let config = Config::from_toml(
        r#"
preset = "webrtc"
rtcp_rsize = false

[[audio]]
name = "PCMU"
clock_rate = 8000

[sctp]
port = 5001

[compat]
vad = true
"#,
    )
    .unwrap();
    let preset = Config::webrtc_capabilities();
    // Lists replace, tables merge, values replace.
    assert_eq!(config.audio.len(), 1);
    assert_eq!(config.video, preset.video);
    assert_eq!(
        config.sctp,
        Some(SctpConfig {
            port: 5001,
            max_message_size: 262_144
        })
    );
    assert!(config.compat.vad && config.compat.rejected_transport_attrs);
    assert!(!config.rtcp_rsize);
    assert_eq!(config.header_extensions, preset.header_extensions);
}

#[test]
fn sctp_false_or_null_turns_data_channels_off() {
    let config = Config::from_toml("preset = \"webrtc\"\nsctp = false").unwrap();
    assert_eq!(config.sctp, None);
    let config = Config::from_json(r#"{"preset": "webrtc", "sctp": null}"#).unwrap();
    assert_eq!(config.sctp, None);
    let config = Config::from_toml("sctp = true").unwrap();
    assert_eq!(config.sctp, Some(SctpConfig::default()));
}

#[test]
fn without_a_preset_absent_fields_take_the_defaults() {
    let config = Config::from_toml("mode = \"classic\"").unwrap();
    assert_eq!(
        config,
        Config {
            mode: ModePolicy::Classic,
            ..Config::default()
        }
    );
    // Classic mode needs no DTLS: no identity is generated; other modes get one.
    assert!(config.identity.is_none());
    assert!(Config::from_toml("").unwrap().identity.is_some());
}

#[test]
fn the_identity_is_loaded_from_the_configured_files_relative_to_the_config() {
    let dir = std::env::temp_dir().join(format!("sdpkit-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let generated = crate::Identity::generate().unwrap();
    std::fs::write(dir.join("cert.pem"), generated.certificate_pem()).unwrap();
    std::fs::write(dir.join("key.pem"), &generated.key_pem).unwrap();
    let file = dir.join("endpoint.toml");
    std::fs::write(
        &file,
        "preset = \"webrtc\"\n[dtls]\ncertificate_file = \"cert.pem\"\nkey_file = \"key.pem\"\n\
         hash = \"sha-512\"\n",
    )
    .unwrap();
    let config = Config::from_file(&file).unwrap();
    let identity = config.identity.unwrap();
    assert_eq!(identity.certificate_der, generated.certificate_der);
    assert_eq!(identity.hash, "sha-512");
    assert_eq!(identity.fingerprint.len(), 64 * 3 - 1);

    let json = dir.join("endpoint.json");
    std::fs::write(
        &json,
        r#"{"mode": "jsep", "dtls": {"certificate_file": "missing.pem", "key_file": "key.pem"}}"#,
    )
    .unwrap();
    let err = Config::from_file(&json).unwrap_err();
    assert_eq!(err.path.as_deref(), Some("dtls.certificate_file"));
    assert!(err.message.starts_with("cannot read `"), "{err}");
    let err = Config::from_file(dir.join("endpoint.yaml")).unwrap_err();
    assert!(
        err.to_string().ends_with("name it `.toml` or `.json`"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Loads `toml` and returns the rendered error.
pub(super) fn toml_error(toml: &str) -> String {
    Config::from_toml(toml).unwrap_err().to_string()
}

#[test]
fn syntax_errors_give_line_and_column() {
    assert_eq!(
        toml_error("mode = \"jsep\"\nbundle = max-bundle\n"),
        "invalid TOML: string values must be quoted, expected literal string at line 2 column 10"
    );
    let err = Config::from_json("{\"mode\": \"jsep\",\n  \"audio\": [}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid JSON: expected value at line 2 column 13"
    );
    assert_eq!(
        Config::from_json("[1]").unwrap_err().to_string(),
        "a configuration is a table of settings (a JSON object)"
    );
}

#[test]
fn type_errors_name_the_dotted_path() {
    let cases = [
        (
            "[[video]]\nname = \"VP8\"\nclock_rate = 90000\nfmtpp = \"x\"",
            "video[0].fmtpp: unknown field `fmtpp`, expected one of `name`, `clock_rate`, \
             `channels`, `fmtp`, `rtcp_fb`, `rtx`",
        ),
        (
            "[[audio]]\nname = \"PCMU\"\nclock_rate = \"8000\"",
            "audio[0].clock_rate: invalid type: string \"8000\", expected u32",
        ),
        (
            "[[audio]]\nname = \"PCMU\"",
            "audio[0]: missing field `clock_rate`",
        ),
        (
            "mode = \"webrtc\"",
            "mode: unknown variant `webrtc`, expected one of `auto`, `jsep`, `classic`",
        ),
        (
            "[sctp]\nport = 70000",
            "sctp.port: invalid value: integer `70000`, expected u16",
        ),
        (
            "[[header_extensions]]\nuri = \"urn:x\"\nkinds = [\"text\"]",
            "header_extensions[0].kinds[0]: unknown variant `text`, expected one of `audio`, \
             `video`, `application`",
        ),
        (
            "identity = \"x\"",
            "identity: unknown field `identity`, expected one of `mode`, `audio`, `video`, \
             `header_extensions`, `extmap_allow_mixed`, `audio_policy`, `video_policy`, `ice`, \
             `dtls`, `sctp`, `bundle`, `rtcp_mux`, `rtcp_rsize`, `simulcast`, `compat`, `cname`, \
             `stream_id`",
        ),
        (
            "preset = \"chrome\"",
            "preset: unknown preset `chrome`, expected `webrtc` or `sip`",
        ),
        (
            "preset = 1",
            "preset: expected a preset name: `webrtc` or `sip`",
        ),
    ];
    for (toml, message) in cases {
        assert_eq!(toml_error(toml), message, "{toml}");
    }
}
