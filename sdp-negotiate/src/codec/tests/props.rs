//! Properties over generated m-sections: no panics, every offered format accounted for once,
//! and the answer's internal references hold (B9, B10, B11, B15).

use proptest::prelude::*;

use super::*;

const NAMES: [&str; 14] = [
    "opus/48000/2",
    "opus/48000",
    "PCMU/8000",
    "H264/90000",
    "h264/90000",
    "VP8/90000",
    "VP9/90000",
    "AV1/90000",
    "H265/90000",
    "rtx/90000",
    "red/90000",
    "red/48000/2",
    "ulpfec/90000",
    "telephone-event/8000",
];

const FMTPS: [&str; 14] = [
    "apt=96",
    "apt=97;rtx-time=3000",
    "apt=45",
    "apt=x",
    "96/96",
    "97/98/99",
    "profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1",
    "profile-level-id=42f00b",
    "profile-level-id=zz;packetization-mode=7",
    "profile-id=2",
    "level-id=300;tier-flag=2",
    "0-15,66",
    "300-1",
    "",
];

const FEEDBACK: [&str; 5] = ["nack", "nack pli", "transport-cc", "ccm fir", "trr-int 100"];

fn section() -> impl Strategy<Value = String> {
    let pt = prop::sample::select(vec![0u8, 8, 13, 35, 45, 63, 72, 96, 97, 98, 99, 100, 127]);
    let entry = (
        pt,
        prop::option::of(prop::sample::select(NAMES.to_vec())),
        prop::option::of(prop::sample::select(FMTPS.to_vec())),
        prop::option::of(prop::sample::select(FEEDBACK.to_vec())),
    );
    prop::collection::vec(entry, 1..10).prop_map(|entries| {
        let formats: Vec<String> = entries.iter().map(|e| e.0.to_string()).collect();
        let mut text = format!(
            "m=video 9 UDP/TLS/RTP/SAVPF {}\nc=IN IP4 0.0.0.0\n",
            formats.join(" ")
        );
        for (pt, name, fmtp, fb) in entries {
            if let Some(name) = name {
                text.push_str(&format!("a=rtpmap:{pt} {name}\n"));
            }
            if let Some(fmtp) = fmtp {
                text.push_str(&format!("a=fmtp:{pt} {fmtp}\n"));
            }
            if let Some(fb) = fb {
                text.push_str(&format!("a=rtcp-fb:{pt} {fb}\n"));
            }
        }
        text
    })
}

fn local_configs() -> Vec<CodecConfig> {
    vec![
        opus(),
        codec("PCMU", 8000),
        h264("profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1")
            .fb(&FEEDBACK)
            .with_rtx(),
        codec("VP8", 90000).with_rtx(),
        codec("VP9", 90000).fmtp("profile-id=2"),
        codec("H265", 90000),
        codec("red", 90000),
        codec("red", 48000).channels(2),
        codec("rtx", 90000),
        codec("ulpfec", 90000),
        codec("telephone-event", 8000),
    ]
}

proptest! {
    #[test]
    fn any_section_gives_a_consistent_outcome(text in section(), strict in any::<bool>()) {
        let text = HEAD.to_string()
            + &text.lines().map(|l| format!("{l}\r\n")).collect::<String>();
        let Ok(session) = Session::parse(&text) else {
            return Ok(());
        };
        let offered = session.media()[0].codecs();
        for kind in [MediaKind::Audio, MediaKind::Video] {
            let options = CodecOptions { strict, vad: true, transport_cc: true };
            let out = negotiate_codecs(kind, &offered, &local_configs(), &options);
            // Every offered format is answered or dropped, once, in offer order (B9).
            let mut seen: Vec<u8> = out.codecs.iter().map(|c| c.payload_type).collect();
            seen.extend(out.dropped.iter().map(|d| d.payload_type));
            seen.sort_unstable();
            let mut want: Vec<u8> = offered.iter().map(|c| c.payload_type).collect();
            want.sort_unstable();
            prop_assert_eq!(seen, want);
            let order: Vec<usize> = out
                .codecs
                .iter()
                .filter_map(|c| offered.iter().position(|o| o.payload_type == c.payload_type))
                .collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
            for c in &out.codecs {
                // B1: never a reserved PT.
                prop_assert!(!(64..=95).contains(&c.payload_type));
                // B10: RTX repairs an answered non-RTX format.
                if let CodecRole::Rtx { apt } = c.role {
                    let target = out.get(apt);
                    let repairs_media = target.is_some_and(|t| !matches!(t.role, CodecRole::Rtx { .. }));
                    prop_assert!(repairs_media, "rtx {} for {}", c.payload_type, apt);
                }
            }
            // B10: errors only in strict mode.
            prop_assert!(strict || out.error().is_none());
        }
    }
}
