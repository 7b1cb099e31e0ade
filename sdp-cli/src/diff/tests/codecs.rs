//! One test per codec change kind: codecs, their order, fmtp parameters, feedback.

use super::kinds::BASE;
use super::*;

#[test]
fn codec_added_with_its_fmtp() {
    let c = only(
        "96 97 102\n",
        "96 97 102 98\na=rtpmap:98 VP9/90000\na=fmtp:98 profile-id=2\na=rtcp-fb:98 nack\n",
    );
    assert_eq!(
        c.kind,
        ChangeKind::Codec {
            format: "98".into(),
            fmtp: Some("profile-id=2".into())
        }
    );
    assert_eq!(values(&c), (None, Some("VP9/90000")));
    assert_eq!(mid(&c), Some("1"));
}

#[test]
fn codec_removed() {
    let c = only("111 0\n", "111\n");
    assert_eq!(
        c.kind,
        ChangeKind::Codec {
            format: "0".into(),
            fmtp: None
        }
    );
    assert_eq!(values(&c), (Some("PCMU/8000"), None));
}

#[test]
fn codec_rtpmap_changed() {
    let c = only("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000");
    assert_eq!(values(&c), (Some("VP8/90000"), Some("VP9/90000")));
    // Encoding names are case-insensitive.
    assert!(diff_text(BASE, &edit(BASE, "VP8/90000", "vp8/90000")).is_empty());
}

#[test]
fn codec_order() {
    let c = only("96 97 102\n", "102 96 97\n");
    assert_eq!(c.kind, ChangeKind::CodecOrder);
    assert_eq!(values(&c), (Some("96 97 102"), Some("102 96 97")));
}

#[test]
fn non_rtp_formats_are_compared_as_formats() {
    let a = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\n";
    let b = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=application 9 UDP/DTLS/SCTP other\n";
    let d = diff_text(a, b);
    assert_eq!(kinds(&d), ["codec", "codec"]);
    assert_eq!(values(&d.changes[0]), (Some("webrtc-datachannel"), None));
}

#[test]
fn fmtp_parameter_changed_key_by_key() {
    let c = only("profile-level-id=42e01f", "profile-level-id=42001f");
    assert_eq!(
        c.kind,
        ChangeKind::Fmtp {
            format: "102".into(),
            param: Some("profile-level-id".into())
        }
    );
    assert_eq!(values(&c), (Some("42e01f"), Some("42001f")));
}

#[test]
fn fmtp_parameter_added_and_removed() {
    let d = diff_text(
        BASE,
        &edit(
            BASE,
            "minptime=10;useinbandfec=1",
            "useinbandfec=1;stereo=1",
        ),
    );
    assert_eq!(kinds(&d), ["fmtp", "fmtp"]);
    assert_eq!((d.changes[0].op, d.changes[1].op), (Op::Removed, Op::Added));
    let c = only(
        "a=rtcp-fb:111 transport-cc\n",
        "a=rtcp-fb:111 transport-cc\na=fmtp:0 annexb=no\n",
    );
    assert_eq!((c.op, c.after.as_deref()), (Op::Added, Some("no")));
}

#[test]
fn fmtp_bare_values() {
    let c = only("a=fmtp:97 apt=96", "a=fmtp:97 apt=96;0-15");
    assert_eq!(
        c.kind,
        ChangeKind::Fmtp {
            format: "97".into(),
            param: None
        }
    );
    assert_eq!(values(&c), (None, Some("0-15")));
}

#[test]
fn rtcp_feedback_added() {
    let c = only(
        "a=rtcp-fb:96 nack\n",
        "a=rtcp-fb:96 nack\na=rtcp-fb:96 nack pli\n",
    );
    assert_eq!(
        c.kind,
        ChangeKind::RtcpFb {
            format: "96".into()
        }
    );
    assert_eq!(values(&c), (None, Some("nack pli")));
    let c = only(
        "a=rtcp-fb:96 nack\n",
        "a=rtcp-fb:96 nack\na=rtcp-fb:* ccm fir\n",
    );
    assert_eq!(c.kind, ChangeKind::RtcpFb { format: "*".into() });
}
