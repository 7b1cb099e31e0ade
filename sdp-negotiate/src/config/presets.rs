//! Ready-made endpoints: a browser-like WebRTC endpoint and a SIP audio phone.

use super::{
    BundlePolicy, CodecConfig, Config, ExtensionConfig, IceConfig, MediaKind, ModePolicy,
    RtcpMuxPolicy, SctpConfig, SimulcastConfig,
};
use crate::identity::Identity;

/// The RTCP feedback Chrome offers for every video codec.
const VIDEO_FEEDBACK: [&str; 5] = ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"];

/// The H264 formats Chrome offers (`chrome_offer.sdp` of the shared bench inputs), in its order:
/// Baseline, Constrained Baseline and Main with packetization-mode 1 then 0, High with mode 1.
const CHROME_H264: [(&str, u8); 7] = [
    ("42001f", 1),
    ("42001f", 0),
    ("42e01f", 1),
    ("42e01f", 0),
    ("4d001f", 1),
    ("4d001f", 0),
    ("64001f", 1),
];

/// The header extensions of Chrome's offer, with the kinds it offers each for, then the ones
/// libwebrtc accepts whenever offered (rulebook C1): abs-capture-time, dependency-descriptor and
/// generic-frame-descriptor-00.
const CHROME_EXTENSIONS: [(&str, &[MediaKind]); 15] = [
    ("urn:ietf:params:rtp-hdrext:ssrc-audio-level", AUDIO),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        BOTH,
    ),
    (
        "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        BOTH,
    ),
    ("urn:ietf:params:rtp-hdrext:sdes:mid", BOTH),
    ("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", VIDEO),
    (
        "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
        VIDEO,
    ),
    ("urn:ietf:params:rtp-hdrext:toffset", VIDEO),
    ("urn:3gpp:video-orientation", VIDEO),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
        VIDEO,
    ),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type",
        VIDEO,
    ),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/video-timing",
        VIDEO,
    ),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/color-space",
        VIDEO,
    ),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time",
        BOTH,
    ),
    (
        "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension",
        VIDEO,
    ),
    (
        "http://www.webrtc.org/experiments/rtp-hdrext/generic-frame-descriptor-00",
        VIDEO,
    ),
];

const AUDIO: &[MediaKind] = &[MediaKind::Audio];
const VIDEO: &[MediaKind] = &[MediaKind::Video];
const BOTH: &[MediaKind] = &[MediaKind::Audio, MediaKind::Video];

/// A codec without fmtp, feedback or RTX.
fn codec(name: &str, clock_rate: u32, channels: Option<u16>) -> CodecConfig {
    CodecConfig {
        name: name.to_owned(),
        clock_rate,
        channels,
        fmtp: None,
        rtcp_fb: Vec::new(),
        rtx: false,
    }
}

/// A 90 kHz video codec with Chrome's feedback and RTX.
fn video(name: &str, fmtp: Option<String>) -> CodecConfig {
    CodecConfig {
        fmtp,
        rtcp_fb: VIDEO_FEEDBACK.iter().map(|&fb| fb.to_owned()).collect(),
        rtx: true,
        ..codec(name, 90_000, None)
    }
}

impl Config {
    /// A browser-like WebRTC endpoint: what Chrome offers, in Chrome's order, in JSEP mode.
    ///
    /// * Audio: `opus/48000/2` (`minptime=10;useinbandfec=1`, transport-cc), `red/48000/2`,
    ///   G722, PCMU, PCMA, CN and telephone-event at 48000 and 8000 Hz.
    /// * Video: VP8, VP9 profiles 0 and 2, H264 (Baseline, Constrained Baseline, Main with
    ///   packetization-mode 1 and 0, High with mode 1, all with `level-asymmetry-allowed=1`),
    ///   AV1, H265, each with RTX and goog-remb, transport-cc, ccm fir, nack and nack pli; then
    ///   `red/90000` with RTX and `ulpfec/90000`.
    /// * Chrome's header extensions (see the source for the list), `extmap-allow-mixed`,
    ///   data channels ([`SctpConfig::default`]), max-bundle, rtcp-mux required, rtcp-rsize,
    ///   simulcast receive, ICE option `trickle` (echoed only when offered, A12).
    /// * A fresh ephemeral identity ([`Identity::generate`]). Should the operating system fail
    ///   to produce the key, `identity` is `None` and answering in JSEP mode reports it; call
    ///   [`Config::resolve_identity`] to get that error here instead.
    pub fn webrtc() -> Config {
        Config {
            identity: Identity::generate().ok(),
            ..Config::webrtc_capabilities()
        }
    }

    /// [`Config::webrtc`] without an identity (the loader resolves the identity itself).
    pub(super) fn webrtc_capabilities() -> Config {
        let opus = CodecConfig {
            fmtp: Some("minptime=10;useinbandfec=1".to_owned()),
            rtcp_fb: vec!["transport-cc".to_owned()],
            ..codec("opus", 48_000, Some(2))
        };
        let audio = vec![
            opus,
            codec("red", 48_000, Some(2)),
            codec("G722", 8_000, None),
            codec("PCMU", 8_000, None),
            codec("PCMA", 8_000, None),
            codec("CN", 8_000, None),
            codec("telephone-event", 48_000, None),
            codec("telephone-event", 8_000, None),
        ];
        let mut video_codecs = vec![
            video("VP8", None),
            video("VP9", Some("profile-id=0".to_owned())),
            video("VP9", Some("profile-id=2".to_owned())),
        ];
        video_codecs.extend(CHROME_H264.iter().map(|(profile_level_id, mode)| {
            let fmtp = format!(
                "level-asymmetry-allowed=1;packetization-mode={mode};\
                 profile-level-id={profile_level_id}"
            );
            video("H264", Some(fmtp))
        }));
        video_codecs.push(video(
            "AV1",
            Some("level-idx=5;profile=0;tier=0".to_owned()),
        ));
        video_codecs.push(video(
            "H265",
            Some("level-id=156;profile-id=1;tier-flag=0;tx-mode=SRST".to_owned()),
        ));
        video_codecs.push(CodecConfig {
            rtx: true,
            ..codec("red", 90_000, None)
        });
        video_codecs.push(codec("ulpfec", 90_000, None));
        let header_extensions = CHROME_EXTENSIONS
            .iter()
            .map(|(uri, kinds)| ExtensionConfig {
                uri: (*uri).to_owned(),
                kinds: kinds.to_vec(),
                encrypt: false,
            })
            .collect();
        Config {
            mode: ModePolicy::Jsep,
            audio,
            video: video_codecs,
            header_extensions,
            extmap_allow_mixed: true,
            ice: IceConfig {
                options: vec!["trickle".to_owned()],
                ..IceConfig::default()
            },
            sctp: Some(SctpConfig::default()),
            bundle: BundlePolicy::MaxBundle,
            rtcp_mux: RtcpMuxPolicy::Require,
            rtcp_rsize: true,
            simulcast: SimulcastConfig {
                receive: true,
                max_layers: 3,
            },
            identity: None,
            ..Config::default()
        }
    }

    /// A SIP audio phone in classic RFC 3264 mode (rulebook G).
    ///
    /// PCMU, PCMA, G722 and `opus/48000/2`, then `telephone-event/8000` with events 0-16 (the
    /// DTMF digits and flash, RFC 4733 §3.2). No ICE, no DTLS (no identity), no data channels,
    /// no header extensions, no video; rtcp-mux when offered, separate RTCP otherwise.
    pub fn sip_phone() -> Config {
        let audio = vec![
            codec("PCMU", 8_000, None),
            codec("PCMA", 8_000, None),
            codec("G722", 8_000, None),
            CodecConfig {
                fmtp: Some("useinbandfec=1".to_owned()),
                ..codec("opus", 48_000, Some(2))
            },
            CodecConfig {
                fmtp: Some("0-16".to_owned()),
                ..codec("telephone-event", 8_000, None)
            },
        ];
        Config {
            mode: ModePolicy::Classic,
            audio,
            video: Vec::new(),
            header_extensions: Vec::new(),
            extmap_allow_mixed: false,
            sctp: None,
            // G1: a SIP peer seldom knows BUNDLE; never group more than the offer did.
            bundle: BundlePolicy::MaxCompat,
            rtcp_mux: RtcpMuxPolicy::Negotiate,
            rtcp_rsize: false,
            simulcast: SimulcastConfig {
                receive: false,
                max_layers: 1,
            },
            identity: None,
            ..Config::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository's Chrome offer (same codecs and extensions as the shared bench input).
    const CHROME_OFFER: &str = include_str!("../../../examples/chrome-offer.sdp");

    #[test]
    fn webrtc_preset_has_chromes_codecs_in_chromes_order() {
        let config = Config::webrtc_capabilities();
        let ours: Vec<String> = config
            .audio
            .iter()
            .chain(&config.video)
            .flat_map(|c| {
                let rtpmap = match c.channels {
                    Some(ch) => format!("{}/{}/{ch}", c.name, c.clock_rate),
                    None => format!("{}/{}", c.name, c.clock_rate),
                };
                let rtx = c.rtx.then(|| "rtx/90000".to_owned());
                std::iter::once(rtpmap).chain(rtx)
            })
            .collect();
        let chrome: Vec<String> = CHROME_OFFER
            .lines()
            .filter_map(|l| l.strip_prefix("a=rtpmap:"))
            .filter_map(|v| v.split_once(' ').map(|(_, c)| c.to_owned()))
            .collect();
        assert_eq!(ours, chrome);
    }

    #[test]
    fn webrtc_preset_h264_fmtp_is_chromes() {
        let config = Config::webrtc_capabilities();
        let ours: Vec<&str> = config
            .video
            .iter()
            .filter(|c| c.name == "H264")
            .filter_map(|c| c.fmtp.as_deref())
            .collect();
        let chrome: Vec<&str> = CHROME_OFFER
            .lines()
            .filter_map(|l| l.strip_prefix("a=fmtp:"))
            .filter_map(|v| v.split_once(' ').map(|(_, f)| f))
            .filter(|f| f.contains("profile-level-id"))
            .collect();
        assert_eq!(ours, chrome);
    }

    #[test]
    fn webrtc_preset_offers_every_extension_of_chromes_offer() {
        let config = Config::webrtc_capabilities();
        for line in CHROME_OFFER
            .lines()
            .filter_map(|l| l.strip_prefix("a=extmap:"))
        {
            let uri = line.split_once(' ').map(|(_, u)| u).unwrap();
            assert!(
                config.header_extensions.iter().any(|e| e.uri == uri),
                "{uri}"
            );
        }
    }

    #[test]
    fn webrtc_preset_is_jsep_with_an_identity_and_data_channels() {
        let config = Config::webrtc();
        assert_eq!(config.mode, ModePolicy::Jsep);
        assert_eq!(
            config.identity.as_ref().map(|i| i.hash.as_str()),
            Some("sha-256")
        );
        assert_eq!(config.sctp, Some(SctpConfig::default()));
        assert_eq!(
            (config.bundle, config.rtcp_mux),
            (BundlePolicy::MaxBundle, RtcpMuxPolicy::Require)
        );
        assert!(config.simulcast.receive);
        config.check().unwrap();
    }

    #[test]
    fn g1_sip_preset_is_classic_without_ice_dtls_or_data_channels() {
        let config = Config::sip_phone();
        assert_eq!(config.mode, ModePolicy::Classic);
        assert!(config.identity.is_none() && config.sctp.is_none());
        assert_eq!(config.rtcp_mux, RtcpMuxPolicy::Negotiate);
        let names: Vec<&str> = config.audio.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["PCMU", "PCMA", "G722", "opus", "telephone-event"]);
        assert_eq!(config.audio[4].fmtp.as_deref(), Some("0-16"));
        assert!(config.video.is_empty() && config.header_extensions.is_empty());
        config.check().unwrap();
    }
}
