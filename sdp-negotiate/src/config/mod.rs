//! The local endpoint's capabilities and policy, loadable from TOML or JSON.
//!
//! Start from a preset ([`Config::webrtc`], a browser-like endpoint; [`Config::sip_phone`], a
//! classic SIP audio phone) or load a file ([`Config::from_toml`], [`Config::from_json`],
//! [`Config::from_file`]). Loading checks the result ([`Config::check`]) and resolves the DTLS
//! identity ([`Config::resolve_identity`]).
//!
//! # File format
//!
//! The fields of [`Config`], as TOML tables and keys (JSON: the same as objects), plus one
//! optional top-level key, `preset = "webrtc"` or `preset = "sip"`, which starts from that
//! preset. The file's settings then apply on top of it:
//!
//! * tables merge key by key (`[ice]` with only `lite = true` keeps the preset's ICE options);
//! * any other value replaces the preset's, and lists replace whole lists (`[[audio]]` entries
//!   are the complete audio codec list, in preference order);
//! * `sctp = false` turns data channels off, `sctp = true` on with the defaults; in JSON,
//!   `null` resets any field to its default.
//!
//! Without a preset, absent fields take the defaults of [`Config::default`] (no codecs). Unknown
//! keys are errors, named with their dotted path (`video[2].fmtpp: unknown field ...`); syntax
//! errors give line and column.
//!
//! ```toml
//! # Every key is optional; this file sets most of them.
//! preset = "webrtc"            # or "sip"; absent: start from nothing
//! mode = "jsep"                # "auto" (from the offer), "jsep" or "classic"
//! extmap_allow_mixed = true
//! bundle = "max-bundle"        # "balanced", "max-bundle" or "max-compat"
//! rtcp_mux = "require"         # "require" or "negotiate"
//! rtcp_rsize = true
//! cname = "Mq8YWw2DcCvq7ROX"   # absent: random per session (RFC 7022)
//! stream_id = "sfu-stream"     # the a=msid stream id; absent: `-`
//! sctp = true                  # data channels on (default port and size); false: off
//!
//! [[audio]]                    # codecs in preference order
//! name = "opus"
//! clock_rate = 48000
//! channels = 2
//! fmtp = "minptime=10;useinbandfec=1"
//! rtcp_fb = ["transport-cc"]
//!
//! [[audio]]
//! name = "telephone-event"
//! clock_rate = 48000
//!
//! [[video]]
//! name = "VP8"
//! clock_rate = 90000
//! rtcp_fb = ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"]
//! rtx = true
//!
//! [[video]]
//! name = "H264"
//! clock_rate = 90000
//! fmtp = "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"
//! rtcp_fb = ["transport-cc", "nack", "nack pli"]
//! rtx = true
//!
//! [[header_extensions]]
//! uri = "urn:ietf:params:rtp-hdrext:sdes:mid"
//! kinds = ["audio", "video"]
//!
//! [[header_extensions]]
//! uri = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"
//! kinds = ["audio", "video"]
//! encrypt = false
//!
//! [audio_policy]
//! send = true
//! recv = true
//!
//! [video_policy]
//! send = false                 # receive-only video
//! recv = true
//!
//! [ice]
//! ufrag = "sfu1"               # absent: random (RFC 8839 §5.4: 4-256 ice-chars)
//! pwd = "cGFzc3dvcmQtb2YtMjItY2hhcnM"  # absent: random (22-256 ice-chars)
//! options = ["trickle"]
//! lite = true
//!
//! [dtls]
//! hash = "sha-256"             # or "sha-384", "sha-512"
//! # certificate_file = "cert.pem"   # with key_file; absent: a generated certificate
//! # key_file = "key.pem"
//!
//! [simulcast]
//! receive = true
//! max_layers = 3
//!
//! [compat]
//! rejected_transport_attrs = true
//! strict_9143 = false
//! jsep_strict = false
//! empty_bundle_group = true
//! session_level_fingerprint = false
//! max_message_size_cap = 262144
//! strict = false
//! vad = false
//! ```
//!
//! Setting `sctp = true` above is only needed without a preset; with one, a `[sctp]` table
//! (`port`, `max_message_size`) changes single values.

use serde::{Deserialize, Serialize};

use crate::identity::Identity;

mod check;
mod check_codec;
mod load;
mod path_de;
mod presets;
#[cfg(test)]
mod tests;

/// The media kind of an m-section (`m=audio`, `m=video`, `m=application`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// `m=audio`.
    Audio,
    /// `m=video`.
    Video,
    /// `m=application` (data channels).
    Application,
}

impl MediaKind {
    /// The kind of an `m=` media type (`audio`, `video`, `application`); `None` for others.
    pub fn from_name(name: &str) -> Option<MediaKind> {
        match name {
            "audio" => Some(MediaKind::Audio),
            "video" => Some(MediaKind::Video),
            "application" => Some(MediaKind::Application),
            _ => None,
        }
    }

    /// The `m=` media type: `audio`, `video` or `application`.
    pub const fn as_str(self) -> &'static str {
        match self {
            MediaKind::Audio => "audio",
            MediaKind::Video => "video",
            MediaKind::Application => "application",
        }
    }
}

impl std::fmt::Display for MediaKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Engine mode (rulebook section 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModePolicy {
    /// JSEP when the offer carries ICE credentials and a fingerprint or a TLS/DTLS protocol,
    /// classic otherwise.
    #[default]
    Auto,
    /// WebRTC (JSEP, RFC 9429): ICE and DTLS mandatory.
    Jsep,
    /// Classic RFC 3264 / SIP.
    Classic,
}

/// One codec the endpoint supports, in preference order within its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodecConfig {
    /// Encoding name (`opus`, `VP8`, `H264`, `telephone-event`, `red`, `ulpfec`, `CN`, ...).
    pub name: String,
    /// Clock rate in Hz.
    pub clock_rate: u32,
    /// Audio channels (absent means 1, RFC 8866 §6.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u16>,
    /// The fmtp parameters we receive with, e.g. `minptime=10;useinbandfec=1`, or for H264
    /// `profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fmtp: Option<String>,
    /// Supported RTCP feedback, e.g. `nack`, `nack pli`, `ccm fir`, `goog-remb`, `transport-cc`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rtcp_fb: Vec<String>,
    /// Whether RTX (RFC 4588) is supported for this codec (video).
    #[serde(default)]
    pub rtx: bool,
}

/// A supported RTP header extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionConfig {
    /// The extension URI.
    pub uri: String,
    /// The media kinds it applies to.
    pub kinds: Vec<MediaKind>,
    /// Whether we can send the encrypted form (RFC 6904).
    #[serde(default)]
    pub encrypt: bool,
}

/// ICE settings (RFC 8839).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IceConfig {
    /// Fixed username fragment; random (24+ bits) when absent.
    pub ufrag: Option<String>,
    /// Fixed password; random (128+ bits) when absent.
    pub pwd: Option<String>,
    /// Options we support (`trickle`, `ice2`); only offered ones are echoed (rulebook A12).
    pub options: Vec<String>,
    /// Whether we are an ICE-lite agent (rulebook A13).
    pub lite: bool,
}

/// DTLS settings (RFC 8122, RFC 5763).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DtlsConfig {
    /// A PEM certificate file whose fingerprint we announce (with `key_file`).
    pub certificate_file: Option<String>,
    /// The private key of `certificate_file` (PEM), for the caller's DTLS stack.
    pub key_file: Option<String>,
    /// Hash function for the fingerprint (`sha-256` by default, rulebook A15).
    pub hash: Option<String>,
}

/// SCTP data-channel settings (RFC 8841).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SctpConfig {
    /// Our SCTP port (default 5000).
    pub port: u16,
    /// The largest message we can receive; 0 means any size (rulebook A27).
    pub max_message_size: u64,
}

impl Default for SctpConfig {
    fn default() -> Self {
        SctpConfig {
            port: 5000,
            max_message_size: 262_144,
        }
    }
}

/// BUNDLE policy (RFC 9429 §4.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BundlePolicy {
    /// One transport per media kind when the peer is not BUNDLE-aware.
    Balanced,
    /// Everything on one transport (what browsers effectively do; never unbundle, A24).
    #[default]
    MaxBundle,
    /// One transport per m-section when the peer is not BUNDLE-aware.
    MaxCompat,
}

/// RTCP multiplexing policy (RFC 9429 §4.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RtcpMuxPolicy {
    /// Reject RTP sections offered without `a=rtcp-mux` (all browsers).
    #[default]
    Require,
    /// Mux when offered, separate RTCP otherwise.
    Negotiate,
}

/// What we do with each media kind: whether we send and receive it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MediaPolicy {
    /// Whether we send this kind.
    pub send: bool,
    /// Whether we receive this kind.
    pub recv: bool,
}

impl Default for MediaPolicy {
    fn default() -> Self {
        MediaPolicy {
            send: true,
            recv: true,
        }
    }
}

/// Simulcast support (RFC 8853).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SimulcastConfig {
    /// Whether we can receive simulcast (answer `a=simulcast:recv`, rulebook D2).
    pub receive: bool,
    /// The most layers we accept.
    pub max_layers: u8,
}

impl Default for SimulcastConfig {
    fn default() -> Self {
        SimulcastConfig {
            receive: true,
            max_layers: 3,
        }
    }
}

/// The rulebook's compatibility options; defaults follow the rulebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Compat {
    /// A4: rejected sections keep ICE credentials, fingerprint, setup and rtcp-mux (default on).
    pub rejected_transport_attrs: bool,
    /// A21: omit repeated transport attributes in non-tagged bundled sections (default off).
    pub strict_9143: bool,
    /// A22: rejecting the tagged section rejects the whole group, as JSEP says (default off).
    pub jsep_strict: bool,
    /// A19: emit an empty `a=group:BUNDLE` when every member is rejected (default on).
    pub empty_bundle_group: bool,
    /// A15: write the fingerprint at session level instead of in every section (default off).
    pub session_level_fingerprint: bool,
    /// A27: the most we answer for max-message-size (libwebrtc: 262144). Must not be 0, which
    /// SDP reads as "any size"; a config holding 0 anyway is treated as having no cap.
    pub max_message_size_cap: u64,
    /// B10/A3: refuse the whole offer on errors JSEP calls errors instead of dropping or
    /// rejecting the part concerned (default off: lenient).
    pub strict: bool,
    /// B13: answer CN when offered (voice activity detection wanted).
    pub vad: bool,
}

impl Default for Compat {
    fn default() -> Self {
        Compat {
            rejected_transport_attrs: true,
            strict_9143: false,
            jsep_strict: false,
            empty_bundle_group: true,
            session_level_fingerprint: false,
            max_message_size_cap: 262_144,
            strict: false,
            vad: false,
        }
    }
}

/// The local endpoint: capabilities, identity and policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// JSEP, classic or chosen from the offer.
    pub mode: ModePolicy,
    /// Audio codecs, in preference order.
    pub audio: Vec<CodecConfig>,
    /// Video codecs, in preference order.
    pub video: Vec<CodecConfig>,
    /// RTP header extensions.
    pub header_extensions: Vec<ExtensionConfig>,
    /// Whether we support `a=extmap-allow-mixed` (two-byte headers mixed with one-byte).
    pub extmap_allow_mixed: bool,
    /// Audio direction policy.
    pub audio_policy: MediaPolicy,
    /// Video direction policy.
    pub video_policy: MediaPolicy,
    /// ICE.
    pub ice: IceConfig,
    /// DTLS.
    pub dtls: DtlsConfig,
    /// Data channels; `None` when unsupported.
    pub sctp: Option<SctpConfig>,
    /// BUNDLE policy.
    pub bundle: BundlePolicy,
    /// RTCP mux policy.
    pub rtcp_mux: RtcpMuxPolicy,
    /// Echo `a=rtcp-rsize` when offered (A9).
    pub rtcp_rsize: bool,
    /// Simulcast.
    pub simulcast: SimulcastConfig,
    /// Compatibility options.
    pub compat: Compat,
    /// The CNAME of our RTP sources (RFC 7022: random per session when empty).
    pub cname: Option<String>,
    /// The media stream id for our tracks (`a=msid`), `-` when none.
    pub stream_id: Option<String>,
    /// Our certificate and key: loaded from `dtls.certificate_file` or generated.
    #[serde(skip)]
    pub identity: Option<Identity>,
}

impl Default for Config {
    /// An endpoint that supports nothing yet: add codecs, or start from a preset.
    fn default() -> Self {
        Config {
            mode: ModePolicy::Auto,
            audio: Vec::new(),
            video: Vec::new(),
            header_extensions: Vec::new(),
            extmap_allow_mixed: true,
            audio_policy: MediaPolicy::default(),
            video_policy: MediaPolicy::default(),
            ice: IceConfig::default(),
            dtls: DtlsConfig::default(),
            sctp: None,
            bundle: BundlePolicy::default(),
            rtcp_mux: RtcpMuxPolicy::default(),
            rtcp_rsize: true,
            simulcast: SimulcastConfig::default(),
            compat: Compat::default(),
            cname: None,
            stream_id: None,
            identity: None,
        }
    }
}

/// Why a configuration was refused: where (a dotted path such as `video[2].fmtp`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Where in the configuration, when known.
    pub path: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{path}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// An error about the configuration as a whole.
    pub fn new(message: impl Into<String>) -> Self {
        ConfigError {
            path: None,
            message: message.into(),
        }
    }

    /// An error about the value at `path` (`video[2].fmtp`).
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        ConfigError {
            path: Some(path.into()),
            message: message.into(),
        }
    }
}
