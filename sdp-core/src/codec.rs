//! Codec views: rtpmap, fmtp and rtcp-fb joined by payload type, static payload types resolved.
//!
//! [`codecs`] takes the formats of an m-line and the attributes of its media section and gives
//! one [`Codec`] per payload type, in m-line order. Static payload types without an rtpmap are
//! resolved from the RFC 3551 table ([`static_payload_type`]).

use crate::attr::fmtp::{
    Av1Params, H264Params, H265Params, OpusParams, RedParams, RtxParams, TelephoneEventParams,
    Vp8Params, Vp9Params,
};
use crate::attr::rtp::{Fmtp, RtcpFb, Rtpmap};
use crate::attr::Attribute;
use crate::error::ValueError;
use crate::lex;

/// The media a static payload type is for (RFC 3551 §6, column "A/V").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StaticMediaType {
    /// Audio.
    Audio,
    /// Video.
    Video,
    /// Audio and video (MP2T).
    AudioVideo,
}

/// A payload type the RFC 3551 table assigns statically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StaticCodec {
    /// The payload type.
    pub payload_type: u8,
    /// The encoding name as RFC 3551 spells it.
    pub encoding_name: &'static str,
    /// The clock rate in Hz.
    pub clock_rate: u32,
    /// The channel count as an rtpmap would write it (`Some(2)` only for PT 10, L16 stereo;
    /// `None` means one channel for audio).
    pub channels: Option<u16>,
    /// Audio, video or both.
    pub media: StaticMediaType,
}

const fn st(
    payload_type: u8,
    encoding_name: &'static str,
    clock_rate: u32,
    channels: Option<u16>,
    media: StaticMediaType,
) -> StaticCodec {
    StaticCodec {
        payload_type,
        encoding_name,
        clock_rate,
        channels,
        media,
    }
}

use StaticMediaType::{Audio as A, AudioVideo as AV, Video as V};

// RFC 3551 §6, tables 4 and 5 (payload types not listed there are unassigned or dynamic).
const STATIC_TABLE: [StaticCodec; 24] = [
    st(0, "PCMU", 8000, None, A),
    st(3, "GSM", 8000, None, A),
    st(4, "G723", 8000, None, A),
    st(5, "DVI4", 8000, None, A),
    st(6, "DVI4", 16000, None, A),
    st(7, "LPC", 8000, None, A),
    st(8, "PCMA", 8000, None, A),
    st(9, "G722", 8000, None, A),
    st(10, "L16", 44100, Some(2), A),
    st(11, "L16", 44100, None, A),
    st(12, "QCELP", 8000, None, A),
    st(13, "CN", 8000, None, A),
    st(14, "MPA", 90000, None, A),
    st(15, "G728", 8000, None, A),
    st(16, "DVI4", 11025, None, A),
    st(17, "DVI4", 22050, None, A),
    st(18, "G729", 8000, None, A),
    st(25, "CelB", 90000, None, V),
    st(26, "JPEG", 90000, None, V),
    st(28, "nv", 90000, None, V),
    st(31, "H261", 90000, None, V),
    st(32, "MPV", 90000, None, V),
    st(33, "MP2T", 90000, None, AV),
    st(34, "H263", 90000, None, V),
];

/// The codec RFC 3551 assigns to payload type `pt`, if any.
///
/// ```
/// let pcmu = sdp_core::codec::static_payload_type(0).unwrap();
/// assert_eq!((pcmu.encoding_name, pcmu.clock_rate), ("PCMU", 8000));
/// assert!(sdp_core::codec::static_payload_type(96).is_none());
/// ```
pub fn static_payload_type(pt: u8) -> Option<StaticCodec> {
    STATIC_TABLE.iter().find(|c| c.payload_type == pt).copied()
}

/// One payload type of a media section: its rtpmap (or static assignment), fmtp and feedback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codec<'s> {
    /// The payload type.
    pub payload_type: u8,
    /// The encoding name as written in the rtpmap (or as RFC 3551 spells a static one); empty
    /// when unknown (see [`Codec::is_known`]).
    pub encoding_name: &'s str,
    /// The clock rate in Hz; `None` when unknown or left out of the rtpmap.
    pub clock_rate: Option<u32>,
    /// The encoding parameters (channel count) when written; `None` means one channel for audio.
    pub channels: Option<u16>,
    /// The first well-formed `a=fmtp` for this payload type.
    pub fmtp: Option<Fmtp<'s>>,
    /// The well-formed `a=rtcp-fb` lines for this payload type and for `*`, in attribute order.
    pub rtcp_fb: Vec<RtcpFb<'s>>,
    /// Whether name and clock rate come from the RFC 3551 static table (there is no rtpmap).
    pub is_static: bool,
}

impl<'s> Codec<'s> {
    /// Whether the encoding is known: from an rtpmap or the static table. A dynamic payload
    /// type without rtpmap (or with a malformed one) gives an unknown codec with an empty name.
    pub fn is_known(&self) -> bool {
        !self.encoding_name.is_empty()
    }

    /// Whether the encoding name is `name`, ignoring ASCII case.
    pub fn is(&self, name: &str) -> bool {
        self.is_known() && self.encoding_name.eq_ignore_ascii_case(name)
    }

    /// The rtpmap this codec was built from, or would be written with (`None` when unknown).
    pub fn rtpmap(&self) -> Option<Rtpmap<'s>> {
        self.is_known().then_some(Rtpmap {
            payload_type: self.payload_type,
            encoding_name: self.encoding_name,
            clock_rate: self.clock_rate,
            channels: self.channels,
        })
    }

    /// The value of fmtp parameter `key` (ignoring ASCII case).
    pub fn fmtp_param(&self, key: &str) -> Option<&'s str> {
        self.fmtp.as_ref()?.get(key)
    }

    /// Reads a codec view when the codec is `name`: from the fmtp, or `default` without one.
    fn view<T>(
        &self,
        name: &str,
        read: impl FnOnce(&Fmtp<'s>) -> Result<T, ValueError>,
        default: impl FnOnce() -> Result<T, ValueError>,
    ) -> Option<Result<T, ValueError>> {
        if !self.is(name) {
            return None;
        }
        Some(self.fmtp.as_ref().map_or_else(default, read))
    }

    /// The H.264 parameters, when this is H264 (`Err` for a malformed known parameter).
    pub fn h264(&self) -> Option<Result<H264Params<'s>, ValueError>> {
        self.view("H264", H264Params::from_fmtp, || Ok(H264Params::default()))
    }

    /// The H.265 parameters, when this is H265.
    pub fn h265(&self) -> Option<Result<H265Params<'s>, ValueError>> {
        self.view("H265", H265Params::from_fmtp, || Ok(H265Params::default()))
    }

    /// The VP8 parameters, when this is VP8.
    pub fn vp8(&self) -> Option<Result<Vp8Params, ValueError>> {
        self.view("VP8", Vp8Params::from_fmtp, || Ok(Vp8Params::default()))
    }

    /// The VP9 parameters, when this is VP9.
    pub fn vp9(&self) -> Option<Result<Vp9Params, ValueError>> {
        self.view("VP9", Vp9Params::from_fmtp, || Ok(Vp9Params::default()))
    }

    /// The AV1 parameters, when this is AV1.
    pub fn av1(&self) -> Option<Result<Av1Params, ValueError>> {
        self.view("AV1", Av1Params::from_fmtp, || Ok(Av1Params::default()))
    }

    /// The Opus parameters, when this is opus.
    pub fn opus(&self) -> Option<Result<OpusParams, ValueError>> {
        self.view("opus", OpusParams::from_fmtp, || Ok(OpusParams::default()))
    }

    /// The telephone events, when this is telephone-event (`0-15` without fmtp).
    pub fn telephone_event(&self) -> Option<Result<TelephoneEventParams<'s>, ValueError>> {
        self.view("telephone-event", TelephoneEventParams::from_fmtp, || {
            Ok(TelephoneEventParams::default())
        })
    }

    /// The RED block payload types, when this is red.
    pub fn red(&self) -> Option<Result<RedParams<'s>, ValueError>> {
        self.view("red", RedParams::from_fmtp, || Ok(RedParams::default()))
    }

    /// The rtx parameters, when this is rtx (`Err` without an fmtp: `apt` is required).
    pub fn rtx(&self) -> Option<Result<RtxParams, ValueError>> {
        self.view("rtx", RtxParams::from_fmtp, || {
            Err(ValueError::new(0, "apt=<payload type>"))
        })
    }

    /// The payload type an rtx codec repairs (`apt`), when this is rtx with a valid fmtp.
    pub fn rtx_apt(&self) -> Option<u8> {
        Some(self.rtx()?.ok()?.apt)
    }

    /// Whether there is feedback of `kind` with first parameter `param`, e.g.
    /// `codec.has_feedback(FeedbackType::Nack, Some("pli"))`.
    pub fn has_feedback(
        &self,
        kind: crate::attr::rtp::FeedbackType<'_>,
        param: Option<&str>,
    ) -> bool {
        self.rtcp_fb.iter().any(|fb| fb.is(kind, param))
    }
}

/// Joins the formats of an m-line with the rtpmap, fmtp and rtcp-fb attributes of its media
/// section.
///
/// - One [`Codec`] per format that is a payload type (0-127), in m-line order; other formats
///   (`webrtc-datachannel`, `*`) are skipped, and so are repeats of a payload type.
/// - The first well-formed rtpmap and fmtp for a payload type win; malformed ones are skipped
///   (the session parser reports them).
/// - A payload type without rtpmap is resolved from the RFC 3551 static table
///   (`is_static = true`); a dynamic one is kept as an unknown codec with an empty name
///   ([`Codec::is_known`] is `false`), so that the list still matches the m-line.
/// - `rtcp_fb` holds the feedback lines for the payload type and the `*` ones, in order.
///
/// ```
/// use sdp_core::{codec::codecs, Attribute};
/// let attrs = [
///     Attribute::new("rtpmap", Some("96 VP8/90000")),
///     Attribute::new("rtcp-fb", Some("* nack")),
///     Attribute::new("rtpmap", Some("97 rtx/90000")),
///     Attribute::new("fmtp", Some("97 apt=96")),
/// ];
/// let list = codecs(["96", "97", "0"], attrs);
/// assert!(list[0].is("vp8") && list[0].rtcp_fb.len() == 1);
/// assert_eq!(list[1].rtx_apt(), Some(96));
/// assert!(list[2].is("PCMU") && list[2].is_static);
/// ```
pub fn codecs<'s>(
    formats: impl IntoIterator<Item = &'s str>,
    attributes: impl IntoIterator<Item = Attribute<'s>>,
) -> Vec<Codec<'s>> {
    let mut rtpmaps = Vec::new();
    let mut fmtps = Vec::new();
    let mut feedback = Vec::new();
    for attr in attributes {
        if let Some(Ok(map)) = attr.parse_as::<Rtpmap>() {
            rtpmaps.push(map);
        } else if let Some(Ok(fmtp)) = attr.parse_as::<Fmtp>() {
            // Read each fmtp's payload type once, not once per format looked up.
            fmtps.push((fmtp.payload_type(), fmtp));
        } else if let Some(Ok(fb)) = attr.parse_as::<RtcpFb>() {
            feedback.push(fb);
        }
    }

    let mut out: Vec<Codec<'s>> = Vec::new();
    for format in formats {
        let Ok(pt) = lex::run(format, lex::payload_type) else {
            continue;
        };
        if out.iter().any(|c| c.payload_type == pt) {
            continue;
        }
        let fmtp = fmtps
            .iter()
            .find(|(own, _)| *own == Some(pt))
            .map(|&(_, fmtp)| fmtp);
        let rtcp_fb = feedback
            .iter()
            .filter(|fb| fb.pt().matches(pt))
            .copied()
            .collect();
        let mut codec = Codec {
            payload_type: pt,
            encoding_name: "",
            clock_rate: None,
            channels: None,
            fmtp,
            rtcp_fb,
            is_static: false,
        };
        if let Some(map) = rtpmaps.iter().find(|m| m.payload_type == pt) {
            codec.encoding_name = map.encoding_name;
            codec.clock_rate = map.clock_rate;
            codec.channels = map.channels;
        } else if let Some(known) = static_payload_type(pt) {
            codec.encoding_name = known.encoding_name;
            codec.clock_rate = Some(known.clock_rate);
            codec.channels = known.channels;
            codec.is_static = true;
        }
        out.push(codec);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::fmtp::H264Profile;
    use crate::attr::rtp::FeedbackType;

    fn attrs(lines: &[&'static str]) -> Vec<Attribute<'static>> {
        lines
            .iter()
            .map(|line| {
                let (name, value) = line.trim_start_matches("a=").split_once(':').unwrap();
                Attribute::new(name, Some(value))
            })
            .collect()
    }

    #[test]
    fn static_table_matches_rfc_3551() {
        assert_eq!(STATIC_TABLE.len(), 24);
        let l16 = static_payload_type(10).unwrap();
        assert_eq!(
            (l16.encoding_name, l16.clock_rate, l16.channels),
            ("L16", 44100, Some(2))
        );
        assert_eq!(
            static_payload_type(33).unwrap().media,
            StaticMediaType::AudioVideo
        );
        assert_eq!(static_payload_type(18).unwrap().encoding_name, "G729");
        for unassigned in [1, 2, 19, 24, 27, 29, 30, 35, 95, 96, 127, 200] {
            assert!(static_payload_type(unassigned).is_none(), "{unassigned}");
        }
    }

    #[test]
    fn chrome_audio_section_joins_by_payload_type() {
        let list = codecs(
            "111 63 9 0 8 13 110 126".split(' '),
            attrs(&[
                "a=rtpmap:111 opus/48000/2",
                "a=rtcp-fb:111 transport-cc",
                "a=fmtp:111 minptime=10;useinbandfec=1",
                "a=rtpmap:63 red/48000/2",
                "a=fmtp:63 111/111",
                "a=rtpmap:9 G722/8000",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:13 CN/8000",
                "a=rtpmap:110 telephone-event/48000",
                "a=rtpmap:126 telephone-event/8000",
            ]),
        );
        let names: Vec<_> = list.iter().map(|c| c.encoding_name).collect();
        assert_eq!(
            names,
            [
                "opus",
                "red",
                "G722",
                "PCMU",
                "PCMA",
                "CN",
                "telephone-event",
                "telephone-event"
            ]
        );
        let opus = &list[0];
        assert_eq!((opus.clock_rate, opus.channels), (Some(48000), Some(2)));
        assert!(opus.opus().unwrap().unwrap().useinbandfec);
        assert!(opus.has_feedback(FeedbackType::TransportCc, None));
        assert_eq!(
            list[1]
                .red()
                .unwrap()
                .unwrap()
                .payload_types()
                .collect::<Vec<_>>(),
            [111, 111]
        );
        assert!(list.iter().all(|c| !c.is_static && c.is_known()));
        assert!(list[6].telephone_event().unwrap().unwrap().contains(15));
        assert!(list[0].h264().is_none());
    }

    #[test]
    fn firefox_video_section_collects_wildcard_and_own_feedback() {
        let list = codecs(
            ["120", "124", "126", "127"],
            attrs(&[
                "a=fmtp:126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1",
                "a=fmtp:120 max-fs=12288;max-fr=60",
                "a=fmtp:124 apt=120",
                "a=fmtp:127 apt=126",
                "a=rtcp-fb:120 nack",
                "a=rtcp-fb:120 nack pli",
                "a=rtcp-fb:* ccm tmmbr",
                "a=rtcp-fb:126 nack pli",
                "a=rtpmap:120 VP8/90000",
                "a=rtpmap:124 rtx/90000",
                "a=rtpmap:126 H264/90000",
                "a=rtpmap:127 rtx/90000",
            ]),
        );
        assert_eq!(list.len(), 4);
        assert_eq!(list[0].vp8().unwrap().unwrap().max_fs, Some(12288));
        assert_eq!(list[0].rtcp_fb.len(), 3);
        assert!(list[0].has_feedback(FeedbackType::Ccm, Some("tmmbr")));
        assert_eq!(list[1].rtx_apt(), Some(120));
        assert_eq!(list[1].rtcp_fb.len(), 1);
        let h264 = list[2].h264().unwrap().unwrap();
        assert_eq!(h264.profile(), H264Profile::ConstrainedBaseline);
        assert_eq!(list[2].fmtp_param("packetization-mode"), Some("1"));
        assert_eq!(list[3].rtx_apt(), Some(126));
    }

    #[test]
    fn static_payload_types_resolve_without_rtpmap_and_rtpmap_wins() {
        let list = codecs(
            ["0", "8", "18", "96"],
            attrs(&["a=rtpmap:8 pcma/8000", "a=fmtp:18 annexb=no"]),
        );
        assert!(list[0].is_static && list[0].is("PCMU"));
        assert_eq!(list[0].clock_rate, Some(8000));
        assert!(!list[1].is_static && list[1].encoding_name == "pcma");
        assert_eq!(list[2].fmtp_param("annexb"), Some("no"));
        assert!(!list[3].is_known() && !list[3].is("") && !list[3].is_static);
        assert_eq!(list[3].rtpmap(), None);
        assert_eq!(list[0].rtpmap().unwrap().to_string(), "0 PCMU/8000");
    }

    #[test]
    fn codecs_skip_non_payload_formats_repeats_and_malformed_attributes() {
        let list = codecs(
            ["webrtc-datachannel", "*", "200", "96", "96", "97"],
            attrs(&[
                "a=rtpmap:96 opus/x",
                "a=rtpmap:96 opus/48000/2",
                "a=rtpmap:96 speex/8000",
                "a=fmtp:96;bad",
                "a=fmtp:96 stereo=1",
                "a=rtcp-fb:96 trr-int x",
                "a=rtcp-fb:96 nack",
                "a=rtpmap:97 rtx/90000",
            ]),
        );
        assert_eq!(list.len(), 2);
        assert!(list[0].is("opus") && list[0].channels == Some(2));
        assert!(list[0].opus().unwrap().unwrap().stereo);
        assert_eq!(list[0].rtcp_fb.len(), 1);
        assert_eq!(
            list[1].rtx(),
            Some(Err(ValueError::new(0, "apt=<payload type>")))
        );
        assert_eq!(list[1].rtx_apt(), None);
    }

    #[test]
    fn codec_views_report_malformed_fmtp() {
        let list = codecs(
            ["96"],
            attrs(&[
                "a=rtpmap:96 h264/90000",
                "a=fmtp:96 profile-level-id=TeAo;packetization-mode=1",
            ]),
        );
        assert_eq!(
            list[0].h264(),
            Some(Err(ValueError::new(
                20,
                "a profile-level-id (6 hex digits)"
            )))
        );
        assert!(list[0].vp9().is_none());
    }
}
