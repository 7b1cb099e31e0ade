//! The endpoint options `sdp answer` and `sdp offer` share: a preset or a config file.

use clap::ValueEnum;
use sdp_negotiate::Config;

use crate::Failure;

/// Who we are: a preset, or a TOML/JSON config file.
#[derive(Debug, clap::Args)]
pub(crate) struct EndpointArgs {
    /// A built-in endpoint: a browser-like WebRTC endpoint or a SIP audio phone.
    #[arg(long, value_enum, default_value_t = Preset::Webrtc, conflicts_with = "config")]
    preset: Preset,
    /// A TOML or JSON config file (by extension; see sdp-negotiate's Config).
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Preset {
    /// Opus, RED, G722, PCMU/PCMA, VP8, VP9, H264, AV1, H265 with RTX/RED/ULPFEC, data channels.
    Webrtc,
    /// PCMU, PCMA, G722, Opus, telephone-event; no ICE or DTLS.
    Sip,
}

impl EndpointArgs {
    /// The endpoint's configuration.
    pub(crate) fn config(&self) -> Result<Config, Failure> {
        match &self.config {
            Some(path) => Config::from_file(path).map_err(|e| Failure::new(format!("{path}: {e}"))),
            None => Ok(match self.preset {
                Preset::Webrtc => Config::webrtc(),
                Preset::Sip => Config::sip_phone(),
            }),
        }
    }
}
