//! F17-F20, F25, F27, F28, F32: DTLS setup, ICE credentials, fingerprints, rtcp-mux, a=rtcp,
//! ICE restart, SDES and ice-lite.

use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::attr::ice::IceLite;
use sdp_core::attr::rtcp::{Rtcp, RtcpMux, RtcpMuxOnly};
use sdp_core::{LineKind, Media, Session, TypedAttribute};

use super::{media_or_session, raw_media_or_session, Ctx, Pair, Report};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    if ctx.jsep {
        setup(ctx, report);
        credentials(ctx, report);
        fingerprints(ctx, report);
        bundle_transport(ctx, report);
        sdes(ctx, report);
    }
    rtcp_mux(ctx, report);
    rtcp_in_bundle(ctx, report);
    ice_restart(ctx, report);
    // F32: RFC 8445 §6.1.1 needs one full agent (A13).
    if ctx.offer.has_attribute(IceLite::NAME) && ctx.answer.has_attribute(IceLite::NAME) {
        report.error(
            "F32",
            None,
            "both the offer and the answer are `a=ice-lite`: no side can be controlling".to_owned(),
        );
    }
}

/// F17, F18: the answerer's DTLS role (A16; RFC 5763 §5; JSEP §5.3.1).
fn setup(ctx: &Ctx<'_>, r: &mut Report) {
    let bad_value = |setup: Setup| matches!(setup, Setup::Actpass | Setup::Holdconn);
    if let Some(s) = ctx.answer.first::<Setup>().filter(|s| bad_value(*s)) {
        r.error(
            "F17",
            None,
            format!(
                "session-level `a=setup:{}`: an answer is active or passive",
                s.as_str()
            ),
        );
    }
    for pair in &ctx.pairs {
        let i = Some(pair.index);
        // The value is wrong wherever it appears (libwebrtc and Firefox refuse actpass).
        if let Some(s) = pair.answer.first::<Setup>().filter(|s| bad_value(*s)) {
            r.error(
                "F17",
                i,
                format!("`a=setup:{}`: an answer is active or passive", s.as_str()),
            );
        }
        if !ctx.owns_transport(pair) {
            continue;
        }
        let answered = media_or_session::<Setup>(ctx.answer, pair.answer);
        let Some(answered) = answered else {
            let message = "no `a=setup` in a section that owns its transport; browsers take \
                           it as active, RFC 4145 as passive"
                .to_owned();
            if ctx.options.strict {
                r.error("F17", i, message);
            } else {
                r.warning("F17", i, message);
            }
            continue;
        };
        let offered = media_or_session::<Setup>(ctx.offer, pair.offer);
        if matches!(answered, Setup::Active | Setup::Passive) && offered == Some(answered) {
            r.error(
                "F18",
                i,
                format!(
                    "`a=setup:{0}` answers `a=setup:{0}`: both sides take the same DTLS role",
                    answered.as_str()
                ),
            );
        }
    }
}

/// The raw ice-ufrag and ice-pwd of a section (session level as fallback).
fn ice_of<'s>(
    session: &'s Session<'_>,
    media: &'s Media<'_>,
) -> (Option<&'s str>, Option<&'s str>) {
    (
        raw_media_or_session(session, media, "ice-ufrag"),
        raw_media_or_session(session, media, "ice-pwd"),
    )
}

/// F19: ICE credentials present where a section owns its transport, and of legal length
/// (A11; RFC 8839 §5.4).
fn credentials(ctx: &Ctx<'_>, r: &mut Report) {
    let mut lengths =
        |media: Option<usize>, attrs: &mut dyn Iterator<Item = sdp_core::Attribute<'_>>| {
            for a in attrs {
                let (min, what) = match a.name() {
                    "ice-ufrag" => (4, "ice-ufrag"),
                    "ice-pwd" => (22, "ice-pwd"),
                    _ => continue,
                };
                let len = a.value().unwrap_or_default().chars().count();
                if !(min..=256).contains(&len) {
                    r.error(
                        "F19",
                        media,
                        format!("{what} has {len} characters; RFC 8839 asks for {min}-256"),
                    );
                }
            }
        };
    lengths(None, &mut ctx.answer.attributes());
    for pair in &ctx.pairs {
        lengths(Some(pair.index), &mut pair.answer.attributes());
    }
    for pair in ctx.pairs.iter().filter(|p| ctx.owns_transport(p)) {
        let (ufrag, pwd) = ice_of(ctx.answer, pair.answer);
        let fingerprint = media_or_session::<Fingerprint>(ctx.answer, pair.answer);
        let missing: Vec<_> = [
            ("`a=ice-ufrag`", ufrag.is_none()),
            ("`a=ice-pwd`", pwd.is_none()),
            ("`a=fingerprint`", fingerprint.is_none()),
        ]
        .iter()
        .filter(|(_, gone)| *gone)
        .map(|(name, _)| *name)
        .collect();
        if !missing.is_empty() {
            r.error(
                "F19",
                Some(pair.index),
                format!(
                    "{} missing in a section that owns its transport",
                    missing.join(", ")
                ),
            );
        }
    }
}

/// Fingerprints normalised for comparison: lowercase hash name and digest bytes, sorted.
type FingerprintSet = Vec<(String, Vec<u8>)>;

/// The fingerprints of a section (session level as fallback), normalised for comparison.
fn fingerprint_set(session: &Session<'_>, media: &Media<'_>) -> FingerprintSet {
    let own: Vec<Fingerprint<'_>> = media.typed().collect();
    let list = if own.is_empty() {
        session.typed().collect()
    } else {
        own
    };
    let mut set: Vec<_> = list
        .iter()
        .map(|f| (f.hash_str().to_ascii_lowercase(), f.to_bytes()))
        .collect();
    set.sort();
    set
}

/// F19: one fingerprint for the whole answer, at one level (A15).
fn fingerprints(ctx: &Ctx<'_>, r: &mut Report) {
    let name = Fingerprint::NAME;
    if ctx.answer.has_attribute(name) && ctx.answer.media().iter().any(|m| m.has_attribute(name)) {
        r.warning(
            "F19",
            None,
            "`a=fingerprint` at both session and media level (GStreamer refuses it)".to_owned(),
        );
    }
    // Non-tagged bundled sections are compared with their tag by F20.
    let mut reference: Option<(usize, FingerprintSet)> = None;
    for pair in ctx
        .pairs
        .iter()
        .filter(|p| !ctx.is_bundled(p) || ctx.owns_transport(p))
    {
        let set = fingerprint_set(ctx.answer, pair.answer);
        if set.is_empty() {
            continue;
        }
        match &reference {
            None => reference = Some((pair.index, set)),
            Some((first, known)) if *known != set => r.error(
                "F19",
                Some(pair.index),
                format!("the fingerprint differs from m-section {first}'s"),
            ),
            Some(_) => {}
        }
    }
}

/// F20: one transport per answer BUNDLE group (A21; GStreamer `validate_sdp`).
fn bundle_transport(ctx: &Ctx<'_>, r: &mut Report) {
    for group in &ctx.answer_bundles {
        let members: Vec<&Pair<'_>> = group
            .iter()
            .filter_map(|mid| ctx.pair_by_answer_mid(mid))
            .filter(|p| p.accepted())
            .collect();
        let Some((tag, rest)) = members.split_first() else {
            continue;
        };
        let (tag_ufrag, tag_pwd) = ice_of(ctx.answer, tag.answer);
        let tag_fp = fingerprint_set(ctx.answer, tag.answer);
        for member in rest {
            let (ufrag, pwd) = ice_of(ctx.answer, member.answer);
            let fp = fingerprint_set(ctx.answer, member.answer);
            let mut differing = Vec::new();
            if ufrag.is_some() && tag_ufrag.is_some() && ufrag != tag_ufrag {
                differing.push("ice-ufrag");
            }
            if pwd.is_some() && tag_pwd.is_some() && pwd != tag_pwd {
                differing.push("ice-pwd");
            }
            if !fp.is_empty() && !tag_fp.is_empty() && fp != tag_fp {
                differing.push("fingerprint");
            }
            if !differing.is_empty() {
                r.error(
                    "F20",
                    Some(member.index),
                    format!(
                        "{} differ from the BUNDLE-tagged m-section {} of the same group",
                        differing.join(", "),
                        tag.index
                    ),
                );
            }
            if ctx.options.strict_9143 {
                let repeated: Vec<_> = ["ice-ufrag", "ice-pwd", "fingerprint", "setup"]
                    .into_iter()
                    .filter(|n| member.answer.has_attribute(n))
                    .collect();
                if !repeated.is_empty() {
                    r.warning(
                        "F20",
                        Some(member.index),
                        format!(
                            "{} repeated in a non-tagged bundled section (RFC 9143 §7.1.3)",
                            repeated.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

/// F25: rtcp-mux answered only when offered, required when bundled or when the offer has
/// rtcp-mux-only (A7, A8; RFC 5761 §5.1.1; RFC 8858).
fn rtcp_mux(ctx: &Ctx<'_>, r: &mut Report) {
    for pair in &ctx.pairs {
        let i = Some(pair.index);
        let muxed = pair.answer.has_attribute(RtcpMux::NAME);
        // RFC 8858 §4 has an rtcp-mux-only offer carry `a=rtcp-mux` too; one that forgot it
        // still asks for mux, and A8 answers it with `a=rtcp-mux`, which the clause below
        // requires: that answer must not be an error here as well.
        let offered =
            pair.offer.has_attribute(RtcpMux::NAME) || pair.offer.has_attribute(RtcpMuxOnly::NAME);
        if muxed && !offered {
            r.error(
                "F25",
                i,
                "`a=rtcp-mux` is answered but was not offered".to_owned(),
            );
        }
        if !pair.accepted() || muxed {
            continue;
        }
        // RTCP multiplexing is about RTP sections (RFC 8858 §3): an rtcp-mux-only line in a
        // data channel section asks nothing of the answer (A25 writes no rtcp-mux there).
        if pair.is_rtp() && pair.offer.has_attribute(RtcpMuxOnly::NAME) {
            r.error(
                "F25",
                i,
                "the offer has `a=rtcp-mux-only` but the answer has no `a=rtcp-mux`".to_owned(),
            );
        } else if ctx.jsep && pair.is_rtp() && ctx.is_bundled(pair) {
            r.error(
                "F25",
                i,
                "a bundled RTP section lacks `a=rtcp-mux` (libwebrtc: \"rtcp-mux must be \
                 enabled when BUNDLE is enabled\")"
                    .to_owned(),
            );
        }
    }
}

/// F27: no `a=rtcp` in a bundled section (A10; BUNDLE §9.3.1.2). A warning, not the
/// rulebook's error: Chrome writes `a=rtcp:9 IN IP4 0.0.0.0` in every section, bundled or not,
/// and every stack ignores it when muxing (rulebook P1: what Chrome emits must pass).
fn rtcp_in_bundle(ctx: &Ctx<'_>, r: &mut Report) {
    for pair in ctx.pairs.iter().filter(|p| ctx.is_bundled(p)) {
        if pair.answer.has_attribute(Rtcp::NAME) {
            r.warning(
                "F27",
                Some(pair.index),
                "`a=rtcp` in a bundled section".to_owned(),
            );
        }
    }
}

/// F32: no SDES keying in a JSEP answer (JSEP §5.2.1; A32).
fn sdes(ctx: &Ctx<'_>, r: &mut Report) {
    let mut look = |media: Option<usize>, lines: &[sdp_core::Line<'_>]| {
        for line in lines {
            let what = if line.kind() == LineKind::Key {
                "`k=`"
            } else if line.is_attribute("crypto") {
                "`a=crypto`"
            } else if line.is_attribute("key-mgmt") {
                "`a=key-mgmt`"
            } else {
                continue;
            };
            r.error(
                "F32",
                media,
                format!("{what} in a JSEP answer (DTLS-SRTP only)"),
            );
        }
    };
    look(None, ctx.answer.lines());
    for pair in &ctx.pairs {
        look(Some(pair.index), pair.answer.lines());
    }
}

/// F28: the answer changes ICE credentials exactly for the transports the offer restarts (E6;
/// JSEP §5.10). Needs the previous exchange: without it nothing can be told.
fn ice_restart(ctx: &Ctx<'_>, r: &mut Report) {
    let Some((prev_offer, prev_answer)) = ctx.previous else {
        return;
    };
    let mut restarts = Vec::new();
    for pair in ctx.pairs.iter().filter(|p| ctx.owns_transport(p)) {
        let (Some(po), Some(pa)) = (
            prev_offer.media().get(pair.index),
            prev_answer.media().get(pair.index),
        ) else {
            continue;
        };
        // Compare only the same, enabled section (E4: a recycled slot has a new mid).
        if po.mid() != pair.offer.mid() || po.port() == Some(0) || pa.port() == Some(0) {
            continue;
        }
        let offered = ice_of(ctx.offer, pair.offer);
        let before = ice_of(prev_offer, po);
        let answered = ice_of(ctx.answer, pair.answer);
        let answered_before = ice_of(prev_answer, pa);
        if offered.0.is_none() || before.0.is_none() || answered.0.is_none() {
            continue;
        }
        let restarted = offered != before;
        let changed = answered != answered_before;
        let i = Some(pair.index);
        if changed && !restarted {
            r.error(
                "F28",
                i,
                "the answer changes its ICE credentials but the offer did not restart ICE"
                    .to_owned(),
            );
        } else if restarted && !changed {
            r.error(
                "F28",
                i,
                "the offer restarts ICE but the answer keeps its ICE credentials".to_owned(),
            );
        }
        restarts.push((pair.index, restarted));
    }
    // E6: Firefox refuses a restart of some transports only.
    if restarts.iter().any(|(_, r)| *r) && restarts.iter().any(|(_, r)| !*r) {
        let which: Vec<_> = restarts
            .iter()
            .filter(|(_, r)| *r)
            .map(|(i, _)| i.to_string())
            .collect();
        r.warning(
            "F28",
            None,
            format!(
                "partial ICE restart (m-section {} only); Firefox refuses it",
                which.join(", ")
            ),
        );
    }
}
