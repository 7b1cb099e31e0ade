//! Tests of the codec intersection, named after the rule and behaviour they pin down.
//!
//! Fixtures are m-sections copied from real Chrome and Firefox offers
//! (`bench-inputs/chrome_offer.sdp`, `firefox_offer.sdp`), parsed with `Session::parse` and
//! read with `Media::codecs`.

mod audio;
mod h26x;
mod props;
mod repair;
mod rules;

use sdp_core::Session;

use super::{negotiate_codecs, CodecOptions, CodecOutcome, CodecRole};
use crate::config::{CodecConfig, MediaKind};

const HEAD: &str = "v=0\r\no=- 4649351869055041161 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

/// Chrome's audio m-section (codec lines only).
const CHROME_AUDIO: &str = "
m=audio 54321 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
c=IN IP4 203.0.113.77
a=rtpmap:111 opus/48000/2
a=rtcp-fb:111 transport-cc
a=fmtp:111 minptime=10;useinbandfec=1
a=rtpmap:63 red/48000/2
a=fmtp:63 111/111
a=rtpmap:9 G722/8000
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:13 CN/8000
a=rtpmap:110 telephone-event/48000
a=rtpmap:126 telephone-event/8000
";

/// Chrome's video m-section (codec lines only).
const CHROME_VIDEO: &str = "
m=video 54321 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 102 103 104 105 106 107 108 109 127 125 39 40 112 113 45 46 49 50 114 115 116
c=IN IP4 203.0.113.77
a=rtpmap:96 VP8/90000
a=rtcp-fb:96 goog-remb
a=rtcp-fb:96 transport-cc
a=rtcp-fb:96 ccm fir
a=rtcp-fb:96 nack
a=rtcp-fb:96 nack pli
a=rtpmap:97 rtx/90000
a=fmtp:97 apt=96
a=rtpmap:98 VP9/90000
a=rtcp-fb:98 nack
a=rtcp-fb:98 nack pli
a=fmtp:98 profile-id=0
a=rtpmap:99 rtx/90000
a=fmtp:99 apt=98
a=rtpmap:100 VP9/90000
a=rtcp-fb:100 nack
a=fmtp:100 profile-id=2
a=rtpmap:101 rtx/90000
a=fmtp:101 apt=100
a=rtpmap:102 H264/90000
a=rtcp-fb:102 nack
a=rtcp-fb:102 nack pli
a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
a=rtpmap:103 rtx/90000
a=fmtp:103 apt=102
a=rtpmap:104 H264/90000
a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f
a=rtpmap:105 rtx/90000
a=fmtp:105 apt=104
a=rtpmap:106 H264/90000
a=rtcp-fb:106 goog-remb
a=rtcp-fb:106 transport-cc
a=rtcp-fb:106 ccm fir
a=rtcp-fb:106 nack
a=rtcp-fb:106 nack pli
a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
a=rtpmap:107 rtx/90000
a=fmtp:107 apt=106
a=rtpmap:108 H264/90000
a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f
a=rtpmap:109 rtx/90000
a=fmtp:109 apt=108
a=rtpmap:127 H264/90000
a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f
a=rtpmap:125 rtx/90000
a=fmtp:125 apt=127
a=rtpmap:39 H264/90000
a=fmtp:39 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=4d001f
a=rtpmap:40 rtx/90000
a=fmtp:40 apt=39
a=rtpmap:112 H264/90000
a=fmtp:112 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=64001f
a=rtpmap:113 rtx/90000
a=fmtp:113 apt=112
a=rtpmap:45 AV1/90000
a=rtcp-fb:45 nack
a=fmtp:45 level-idx=5;profile=0;tier=0
a=rtpmap:46 rtx/90000
a=fmtp:46 apt=45
a=rtpmap:49 H265/90000
a=fmtp:49 level-id=156;profile-id=1;tier-flag=0;tx-mode=SRST
a=rtpmap:50 rtx/90000
a=fmtp:50 apt=49
a=rtpmap:114 red/90000
a=rtpmap:115 rtx/90000
a=fmtp:115 apt=114
a=rtpmap:116 ulpfec/90000
";

/// Firefox's audio m-section (codec lines only).
const FIREFOX_AUDIO: &str = "
m=audio 61243 UDP/TLS/RTP/SAVPF 109 9 0 8 101
c=IN IP4 203.0.113.44
a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1
a=fmtp:101 0-15
a=rtpmap:109 opus/48000/2
a=rtpmap:9 G722/8000/1
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
";

/// Firefox's video m-section (codec lines only).
const FIREFOX_VIDEO: &str = "
m=video 61243 UDP/TLS/RTP/SAVPF 120 124 121 125 126 127 97 98 123 122 119
c=IN IP4 203.0.113.44
a=fmtp:126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1
a=fmtp:97 profile-level-id=42e01f;level-asymmetry-allowed=1
a=fmtp:120 max-fs=12288;max-fr=60
a=fmtp:124 apt=120
a=fmtp:121 max-fs=12288;max-fr=60
a=fmtp:125 apt=121
a=fmtp:127 apt=126
a=fmtp:98 apt=97
a=fmtp:119 apt=122
a=rtcp-fb:120 nack
a=rtcp-fb:120 nack pli
a=rtcp-fb:120 ccm fir
a=rtcp-fb:120 goog-remb
a=rtcp-fb:120 transport-cc
a=rtcp-fb:126 nack
a=rtcp-fb:126 nack pli
a=rtcp-fb:126 ccm fir
a=rtcp-fb:126 goog-remb
a=rtcp-fb:126 transport-cc
a=rtcp-fb:97 nack
a=rtcp-fb:97 nack pli
a=rtpmap:120 VP8/90000
a=rtpmap:124 rtx/90000
a=rtpmap:121 VP9/90000
a=rtpmap:125 rtx/90000
a=rtpmap:126 H264/90000
a=rtpmap:127 rtx/90000
a=rtpmap:97 H264/90000
a=rtpmap:98 rtx/90000
a=rtpmap:123 ulpfec/90000
a=rtpmap:122 red/90000
a=rtpmap:119 rtx/90000
";

/// Negotiates the first m-section of `section` (lines of an SDP body after the session head).
fn run(
    kind: MediaKind,
    section: &str,
    local: &[CodecConfig],
    options: CodecOptions,
) -> CodecOutcome {
    let text: String = HEAD.to_string()
        + &section
            .trim()
            .lines()
            .map(|line| format!("{}\r\n", line.trim()))
            .collect::<String>();
    let session = Session::parse(&text).expect("fixture parses");
    let offered = session.media()[0].codecs();
    negotiate_codecs(kind, &offered, local, &options)
}

/// [`run`] for audio with default options.
fn audio(section: &str, local: &[CodecConfig]) -> CodecOutcome {
    run(MediaKind::Audio, section, local, CodecOptions::default())
}

/// [`run`] for video with default options.
fn video(section: &str, local: &[CodecConfig]) -> CodecOutcome {
    run(MediaKind::Video, section, local, CodecOptions::default())
}

/// A local codec config without fmtp, feedback or RTX.
fn codec(name: &str, clock_rate: u32) -> CodecConfig {
    CodecConfig {
        name: name.to_string(),
        clock_rate,
        channels: None,
        fmtp: None,
        rtcp_fb: Vec::new(),
        rtx: false,
    }
}

/// Builders for local configs.
trait Build {
    fn fmtp(self, fmtp: &str) -> Self;
    fn channels(self, n: u16) -> Self;
    fn fb(self, lines: &[&str]) -> Self;
    fn with_rtx(self) -> Self;
}

impl Build for CodecConfig {
    fn fmtp(mut self, fmtp: &str) -> Self {
        self.fmtp = Some(fmtp.to_string());
        self
    }
    fn channels(mut self, n: u16) -> Self {
        self.channels = Some(n);
        self
    }
    fn fb(mut self, lines: &[&str]) -> Self {
        self.rtcp_fb = lines.iter().map(|l| l.to_string()).collect();
        self
    }
    fn with_rtx(mut self) -> Self {
        self.rtx = true;
        self
    }
}

fn opus() -> CodecConfig {
    codec("opus", 48000)
        .channels(2)
        .fmtp("minptime=10;useinbandfec=1")
}

fn h264(fmtp: &str) -> CodecConfig {
    codec("H264", 90000).fmtp(fmtp)
}

/// The answered payload types, in answer order.
fn pts(outcome: &CodecOutcome) -> Vec<u8> {
    outcome.codecs.iter().map(|c| c.payload_type).collect()
}

/// Why `pt` was dropped (panics when it was not).
fn reason(outcome: &CodecOutcome, pt: u8) -> &str {
    outcome
        .dropped
        .iter()
        .find(|d| d.payload_type == pt)
        .map(|d| d.reason.as_str())
        .unwrap_or_else(|| panic!("PT {pt} was not dropped: {outcome:#?}"))
}

/// The answer fmtp of `pt` (panics when it is not answered).
fn answer_fmtp(outcome: &CodecOutcome, pt: u8) -> Option<&str> {
    outcome
        .get(pt)
        .unwrap_or_else(|| panic!("PT {pt} was not answered: {outcome:#?}"))
        .answer_fmtp
        .as_deref()
}

/// A one-codec video section with `fmtp` at PT 96.
fn one_video(name: &str, fmtp: &str) -> String {
    format!(
        "m=video 9 UDP/TLS/RTP/SAVPF 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 {name}/90000\na=fmtp:96 {fmtp}"
    )
}

#[test]
fn every_offered_payload_type_is_answered_or_dropped() {
    let out = video(CHROME_VIDEO, &[codec("VP8", 90000).with_rtx()]);
    assert_eq!(out.codecs.len() + out.dropped.len(), 27);
    assert_eq!(pts(&out), [96, 97]);
}
