//! The local endpoint's capabilities and policy, loadable from TOML or JSON.
//!
//! INTERFACE: the types are fixed; presets, loading and checks are being written.

use serde::{Deserialize, Serialize};

use crate::identity::Identity;

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
    /// A27: the most we answer for max-message-size (libwebrtc: 262144).
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
