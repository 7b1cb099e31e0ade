//! DTLS rules (`SDP04xx`): certificate fingerprints, the `a=setup` role and `a=tls-id`
//! (RFC 8122, RFC 8842, RFC 8827).

use crate::attr::dtls::{Fingerprint, HashFunction, Setup, TlsId};
use crate::attr::{Attribute, TypedAttribute};
use crate::line::Line;
use crate::media::Media;
use crate::validate::rules::bundle::offset_of;
use crate::validate::rules::webrtc::{describe, is_dtls_proto, BundleGroups};
use crate::validate::{lints, Ctx, Loc};

lints! {
    UNKNOWN_FINGERPRINT_HASH = "SDP0401" "unknown-fingerprint-hash" Error [all] "RFC 8122 §5",
        title: "fingerprint with an unknown hash function",
        explanation: "The hash function of `a=fingerprint` must be one of the registered textual names: `sha-1`, `sha-224`, `sha-256`, `sha-384`, `sha-512`, `md5` or `md2`. A peer that does not know the function cannot check the certificate and fails the DTLS handshake.",
        wrong: "a=fingerprint:sha256 18:93:7B:...:23:0A",
        right: "a=fingerprint:sha-256 18:93:7B:...:23:0A";
    FINGERPRINT_LENGTH_MISMATCH = "SDP0402" "fingerprint-length-mismatch" Error [all] "RFC 8122 §5",
        title: "fingerprint length does not fit its hash function",
        explanation: "A fingerprint is the digest of the certificate, so it has exactly as many bytes as the hash function produces: 20 for `sha-1`, 32 for `sha-256`, 48 for `sha-384`, 64 for `sha-512`, 16 for `md5`. A different count means a truncated value or the wrong hash name, and the certificate will never match.",
        wrong: "a=fingerprint:sha-1 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A",
        right: "a=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A";
    WEAK_FINGERPRINT_HASH = "SDP0403" "weak-fingerprint-hash" Warning [Webrtc] "RFC 8827 §6.5",
        title: "fingerprint with a weak hash function only",
        explanation: "WebRTC endpoints must support SHA-256 fingerprints, and MD2, MD5 and SHA-1 no longer resist collisions. A level that offers only a weak fingerprint lets a forged certificate pass, and current browsers no longer generate them.",
        wrong: "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        right: "a=fingerprint:sha-256 18:93:7B:...:23:0A";
    FINGERPRINT_AT_BOTH_LEVELS = "SDP0404" "fingerprint-at-both-levels" Warning [Webrtc] "RFC 8122 §5",
        title: "fingerprint at session level and in media sections",
        explanation: "A media-level `a=fingerprint` replaces the session-level one for its section. Having both is legal but error-prone: JSEP puts the fingerprint in every section, some stacks read only one of the levels, and when they differ the handshake fails for some sections only.",
        wrong: "t=0 0\na=fingerprint:sha-256 18:93:...:0A\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:...:0A",
        right: "t=0 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:...:0A";
    BUNDLE_FINGERPRINT_MISMATCH = "SDP0405" "bundle-fingerprint-mismatch" Error [Webrtc] "RFC 8843 §7",
        title: "sections of one BUNDLE group have different fingerprints",
        explanation: "The sections of a BUNDLE group share one transport and so one DTLS association, which presents one certificate. Different fingerprints in the group cannot all match it; the peer refuses the description or fails the handshake.",
        wrong: "a=group:BUNDLE 0 1\nm=audio ...\na=fingerprint:sha-256 18:93:...:0A\nm=video ...\na=fingerprint:sha-256 AB:CD:...:EF",
        right: "a=group:BUNDLE 0 1\nm=audio ...\na=fingerprint:sha-256 18:93:...:0A\nm=video ...\na=fingerprint:sha-256 18:93:...:0A";
    MISSING_FINGERPRINT = "SDP0406" "missing-fingerprint" Error [Webrtc] "RFC 8842 §5",
        title: "DTLS section without a fingerprint",
        explanation: "A section whose protocol runs over DTLS (`UDP/TLS/RTP/SAVPF`, `UDP/DTLS/SCTP`...) must carry the certificate fingerprint, in the section, at session level or in its BUNDLE group. Without it the peer cannot authenticate the DTLS handshake, and browsers refuse the description.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:actpass",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:...:0A\na=setup:actpass";
    MISSING_SETUP = "SDP0407" "missing-setup" Warning [Webrtc] "RFC 8842 §5.2",
        title: "DTLS section without `a=setup`",
        explanation: "The `a=setup` attribute decides which side starts the DTLS handshake; offers must say `actpass` and answers `active` or `passive`. Browsers fall back to a default when it is missing (older Firefox and libwebrtc test descriptions omit it), but a peer that guesses the other way leaves both sides waiting.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:...:0A",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 18:93:...:0A\na=setup:actpass";
    SETUP_HOLDCONN = "SDP0408" "setup-holdconn" Error [Webrtc] "RFC 8842 §5.1",
        title: "`a=setup:holdconn` in a WebRTC description",
        explanation: "`holdconn` (RFC 4145) postpones the connection; DTLS-SRTP does not use it, and WebRTC stacks refuse the value. To pause media, change the direction instead.",
        wrong: "a=setup:holdconn",
        right: "a=setup:actpass";
    TLS_ID_LENGTH = "SDP0409" "tls-id-length" Warning [all] "RFC 8842 §4",
        title: "`a=tls-id` is not 20 to 255 characters long",
        explanation: "The tls-id tells a new DTLS association from the current one and must be random enough not to repeat, so RFC 8842 asks for 20 to 255 characters. A shorter one risks a collision and a missed renegotiation.",
        wrong: "a=tls-id:abc",
        right: "a=tls-id:1a2b3c4d5e6f7a8b9c0d1e2f";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let groups = BundleGroups::of(session);

    // Attribute values, at session level then per section.
    let attrs = ctx.attrs();
    let session_fps: Vec<(usize, Fingerprint<'_>)> = attrs.typed::<Fingerprint>(None).collect();
    for (i, attr) in attrs.all(None) {
        let Some(line) = session.lines().get(i) else {
            continue;
        };
        let loc = ctx.session_loc(i);
        let fp = attrs.typed_at::<Fingerprint>(None, i);
        check_value(ctx, loc, line, attr, fp);
    }
    check_weak(
        ctx,
        &session_fps
            .iter()
            .map(|(i, f)| (ctx.session_loc(*i), *f))
            .collect::<Vec<_>>(),
    );

    let mut with_own_fp = Vec::new();
    for (m, media) in ctx.media() {
        let fps: Vec<(Loc, Fingerprint<'_>)> = attrs
            .typed::<Fingerprint>(Some(m))
            .map(|(i, fp)| (ctx.media_loc(m, i), fp))
            .collect();
        for (i, attr) in attrs.all(Some(m)) {
            let Some(line) = media.lines().get(i) else {
                continue;
            };
            let loc = ctx.media_loc(m, i);
            let fp = attrs.typed_at::<Fingerprint>(Some(m), i);
            check_value(ctx, loc, line, attr, fp);
        }
        check_weak(ctx, &fps);
        if !fps.is_empty() {
            with_own_fp.push(describe(media, m));
        }
        if ctx.is_rejected_media(media) {
            continue;
        }
        check_presence(ctx, &groups, m, media, !session_fps.is_empty());
    }

    // RFC 8122 §5: a media-level fingerprint overrides the session-level one
    if let (Some((i, _)), false) = (session_fps.first(), with_own_fp.is_empty()) {
        ctx.report_help(
            &FINGERPRINT_AT_BOTH_LEVELS,
            ctx.session_loc(*i),
            format!(
                "`a=fingerprint` at session level and in section{} {}",
                if with_own_fp.len() > 1 { "s" } else { "" },
                with_own_fp.join(", ")
            ),
            "keep the fingerprint in the media sections only",
        );
    }
    check_bundle_fingerprints(ctx, &groups);
}

/// The value checks of one line: hash function and length (RFC 8122 §5), holdconn (RFC 8842
/// §5.1), tls-id length (RFC 8842 §4).
/// `attr` is `line` as an attribute and `fp` its typed value when it is a well-formed
/// fingerprint.
fn check_value(
    ctx: &mut Ctx<'_, '_>,
    loc: Loc,
    line: &Line<'_>,
    attr: Attribute<'_>,
    fp: Option<Fingerprint<'_>>,
) {
    match attr.name() {
        Fingerprint::NAME => {
            let Some(fp) = fp else {
                return;
            };
            let hash = fp.hash_str();
            if let HashFunction::Other(_) = fp.hash_function() {
                ctx.report_help(
                    &UNKNOWN_FINGERPRINT_HASH,
                    loc.in_value(line, 0, hash.len()),
                    format!("unknown fingerprint hash function `{hash}`"),
                    "use `sha-256`",
                );
            } else if !fp.length_matches_hash() {
                let value = attr.value().unwrap_or_default();
                let text = fp.fingerprint_str();
                let count = text.split(':').count();
                ctx.report(
                    &FINGERPRINT_LENGTH_MISMATCH,
                    loc.in_value(line, offset_of(value, text), text.len()),
                    format!(
                        "`{hash}` fingerprint has {count} bytes, expected {}",
                        fp.expected_len().unwrap_or_default()
                    ),
                );
            }
        }
        Setup::NAME => {
            if let Some(Ok(Setup::Holdconn)) = attr.parse_as::<Setup>() {
                ctx.report_help(
                    &SETUP_HOLDCONN,
                    loc.in_value(line, 0, attr.value().map_or(0, str::len)),
                    "`a=setup:holdconn` is not used with DTLS-SRTP",
                    "use `actpass` in an offer, `active` or `passive` in an answer",
                );
            }
        }
        TlsId::NAME => {
            if let Some(Ok(id)) = attr.parse_as::<TlsId>() {
                if !id.is_valid_length() {
                    ctx.report(
                        &TLS_ID_LENGTH,
                        loc.in_value(line, 0, id.as_str().len()),
                        format!("`a=tls-id` has {} characters", id.as_str().len()),
                    );
                }
            }
        }
        _ => {}
    }
}

/// RFC 8827 §6.5: SHA-256 is the baseline; warn on a level whose fingerprints are all weak.
fn check_weak(ctx: &mut Ctx<'_, '_>, fps: &[(Loc, Fingerprint<'_>)]) {
    let weak = |f: &Fingerprint<'_>| {
        matches!(
            f.hash_function(),
            HashFunction::Md2 | HashFunction::Md5 | HashFunction::Sha1
        )
    };
    if fps.is_empty() || !fps.iter().all(|(_, f)| weak(f)) {
        return;
    }
    for (loc, fp) in fps {
        ctx.report_help(
            &WEAK_FINGERPRINT_HASH,
            *loc,
            format!(
                "fingerprint uses the weak hash function `{}`",
                fp.hash_str()
            ),
            "use a `sha-256` fingerprint",
        );
    }
}

/// RFC 8842 §5: DTLS sections carry a fingerprint and a setup role.
fn check_presence(
    ctx: &mut Ctx<'_, '_>,
    groups: &BundleGroups,
    m: usize,
    media: &Media<'_>,
    session_fp: bool,
) {
    let session = ctx.session();
    if !ctx.media_line(m).is_some_and(|ml| is_dtls_proto(ml.proto)) {
        return;
    }
    if !session_fp && !groups.covered(ctx, m, |s| s.has_attribute("fingerprint")) {
        ctx.report_help(
            &MISSING_FINGERPRINT,
            ctx.mline_loc(m),
            format!("DTLS section {} has no `a=fingerprint`", describe(media, m)),
            "add the certificate fingerprint (`a=fingerprint:sha-256 ...`)",
        );
    }
    if !session.has_attribute("setup") && !groups.covered(ctx, m, |s| s.has_attribute("setup")) {
        ctx.report_help(
            &MISSING_SETUP,
            ctx.mline_loc(m),
            format!("DTLS section {} has no `a=setup`", describe(media, m)),
            "add `a=setup:actpass` to an offer, `a=setup:active` or `passive` to an answer",
        );
    }
}

/// A fingerprint as compared: lower-case hash name and bytes.
type FingerprintKey = (String, Vec<u8>);

/// The comparison key of a fingerprint.
fn key(fp: &Fingerprint<'_>) -> FingerprintKey {
    (fp.hash_str().to_ascii_lowercase(), fp.to_bytes())
}

/// RFC 8843 §7: one BUNDLE group, one DTLS association, one certificate.
fn check_bundle_fingerprints(ctx: &mut Ctx<'_, '_>, groups: &BundleGroups) {
    let session = ctx.session();
    for group in groups.groups() {
        let mut reference: Option<(String, Vec<FingerprintKey>)> = None;
        for &m in group {
            let Some(media) = session.media().get(m) else {
                continue;
            };
            if ctx.is_rejected_media(media) {
                continue;
            }
            let own: Vec<(usize, FingerprintKey)> = ctx
                .attrs()
                .typed::<Fingerprint>(Some(m))
                .map(|(i, fp)| (i, key(&fp)))
                .collect();
            let Some(&(first_line, _)) = own.first() else {
                continue;
            };
            let mut set: Vec<FingerprintKey> = own.into_iter().map(|(_, k)| k).collect();
            set.sort();
            match &reference {
                None => reference = Some((describe(media, m), set)),
                Some((name, expected)) if *expected != set => {
                    ctx.report(
                        &BUNDLE_FINGERPRINT_MISMATCH,
                        ctx.media_loc(m, first_line),
                        format!(
                            "section {} has another fingerprint than section {name} of its BUNDLE group",
                            describe(media, m)
                        ),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    const FP: &str = "a=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A";
    const OTHER_FP: &str = "a=fingerprint:sha-256 AA:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A";
    const SHA1_FP: &str =
        "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB";

    #[test]
    fn fixture_is_clean() {
        assert!(webrtc(fixtures::WEBRTC).is_empty());
    }

    #[test]
    fn unknown_fingerprint_hash_fires_for_sha256_without_dash() {
        let text = fixtures::WEBRTC.replace("a=fingerprint:sha-256 ", "a=fingerprint:sha256 ");
        let d = find(&text, "SDP0401");
        assert_eq!((d.line(), d.column()), (17, 15));
        assert_eq!(d.message(), "unknown fingerprint hash function `sha256`");
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0401"));
    }

    #[test]
    fn unknown_fingerprint_hash_is_silent_for_upper_case_names() {
        let text = fixtures::WEBRTC.replace("a=fingerprint:sha-256 ", "a=fingerprint:SHA-256 ");
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn fingerprint_length_mismatch_fires_when_sha1_has_32_bytes() {
        let text = fixtures::WEBRTC.replace("a=fingerprint:sha-256 ", "a=fingerprint:sha-1 ");
        let d = find(&text, "SDP0402");
        assert_eq!((d.line(), d.column()), (17, 21));
        assert_eq!(d.message(), "`sha-1` fingerprint has 32 bytes, expected 20");
    }

    #[test]
    fn fingerprint_length_mismatch_is_silent_for_a_real_sha1() {
        let text = fixtures::WEBRTC.replace(FP, SHA1_FP);
        assert!(!webrtc(&text).contains(&"SDP0402"));
    }

    #[test]
    fn weak_fingerprint_hash_fires_when_only_sha1_is_offered() {
        let text = fixtures::WEBRTC.replace(FP, SHA1_FP);
        assert_eq!(webrtc(&text).iter().filter(|c| **c == "SDP0403").count(), 3);
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0403"));
    }

    #[test]
    fn weak_fingerprint_hash_is_silent_beside_a_sha256() {
        let text = fixtures::WEBRTC.replace(FP, &format!("{SHA1_FP}\r\n{FP}"));
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn fingerprint_at_both_levels_fires_when_session_and_media_have_one() {
        let text = edit(fixtures::WEBRTC, "t=0 0\r\n", &format!("t=0 0\r\n{FP}\r\n"));
        let d = find(&text, "SDP0404");
        assert_eq!(d.line(), 5);
        assert_eq!(
            d.message(),
            "`a=fingerprint` at session level and in sections `0`, `1`, `2`"
        );
    }

    #[test]
    fn fingerprint_at_both_levels_is_silent_with_session_level_only() {
        let text = fixtures::WEBRTC
            .replace(&format!("{FP}\r\n"), "")
            .replace("t=0 0\r\n", &format!("t=0 0\r\n{FP}\r\n"));
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn bundle_fingerprint_mismatch_fires_when_video_has_another_certificate() {
        let text = fixtures::WEBRTC
            .replacen(FP, "@", 1)
            .replacen(FP, OTHER_FP, 1)
            .replacen('@', FP, 1);
        let d = find(&text, "SDP0405");
        assert_eq!(d.line(), 41);
        assert_eq!(
            d.message(),
            "section `1` has another fingerprint than section `0` of its BUNDLE group"
        );
    }

    #[test]
    fn bundle_fingerprint_mismatch_is_silent_without_bundle() {
        let text = fixtures::WEBRTC
            .replacen(FP, "@", 1)
            .replacen(FP, OTHER_FP, 1)
            .replacen('@', FP, 1);
        let text = edit(&text, "a=group:BUNDLE 0 1 2\r\n", "");
        assert!(!webrtc(&text).contains(&"SDP0405"));
    }

    #[test]
    fn missing_fingerprint_fires_when_no_section_has_one() {
        let text = fixtures::WEBRTC.replace(&format!("{FP}\r\n"), "");
        let d = find(&text, "SDP0406");
        assert_eq!(d.line(), 8);
        assert_eq!(d.message(), "DTLS section `0` has no `a=fingerprint`");
    }

    #[test]
    fn missing_fingerprint_is_silent_for_bundled_followers() {
        let text = fixtures::WEBRTC
            .replacen(FP, "@", 1)
            .replace(&format!("{FP}\r\n"), "")
            .replacen('@', FP, 1);
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }

    #[test]
    fn missing_setup_fires_when_no_section_has_one() {
        let text = fixtures::WEBRTC.replace("a=setup:actpass\r\n", "");
        assert_eq!(webrtc(&text).iter().filter(|c| **c == "SDP0407").count(), 3);
    }

    #[test]
    fn missing_setup_is_silent_with_session_level_setup() {
        let text = fixtures::WEBRTC
            .replace("a=setup:actpass\r\n", "")
            .replace("t=0 0\r\n", "t=0 0\r\na=setup:actpass\r\n");
        assert!(!webrtc(&text).contains(&"SDP0407"));
    }

    #[test]
    fn setup_holdconn_fires_in_webrtc() {
        let text = edit(fixtures::WEBRTC, "a=setup:actpass", "a=setup:holdconn");
        let d = find(&text, "SDP0408");
        assert_eq!((d.line(), d.column()), (18, 9));
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0408"));
    }

    #[test]
    fn setup_holdconn_is_silent_for_actpass() {
        assert!(!webrtc(fixtures::WEBRTC).contains(&"SDP0408"));
    }

    #[test]
    fn tls_id_length_fires_when_the_id_is_short() {
        let text = edit(
            fixtures::WEBRTC,
            "a=setup:actpass",
            "a=setup:actpass\r\na=tls-id:abc",
        );
        let d = find(&text, "SDP0409");
        assert_eq!(d.message(), "`a=tls-id` has 3 characters");
    }

    #[test]
    fn tls_id_length_is_silent_at_twenty_characters() {
        let text = edit(
            fixtures::WEBRTC,
            "a=setup:actpass",
            "a=setup:actpass\r\na=tls-id:1a2b3c4d5e6f7a8b9c0d",
        );
        assert!(webrtc(&text).is_empty(), "{:?}", webrtc(&text));
    }
}
