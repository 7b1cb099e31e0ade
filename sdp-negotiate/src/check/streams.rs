//! F33-F36: msid, mids, tls-id, ice-options.

use sdp_core::attr::dtls::TlsId;
use sdp_core::attr::ice::IceOptions;
use sdp_core::attr::msid::Msid;
use sdp_core::attr::ssrc::Ssrc;
use sdp_core::{Media, Session};

use super::{is_sctp, media_or_session, Ctx, Report};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    msid(ctx, report);
    mids(ctx, report);
    tls_id(ctx, report);
    ice_options(ctx, report);
}

/// The track ids of a section, from `a=msid` and `a=ssrc:<n> msid:`, without repeats.
fn tracks<'s>(media: &'s Media<'_>) -> (bool, Vec<&'s str>) {
    let direct: Vec<Msid<'s>> = media.typed().collect();
    let via_ssrc: Vec<Msid<'s>> = media
        .typed::<Ssrc>()
        .filter_map(|s| s.msid()?.ok())
        .collect();
    let any = !direct.is_empty() || !via_ssrc.is_empty();
    let mut ids: Vec<&str> = Vec::new();
    for id in direct.iter().chain(&via_ssrc).filter_map(|m| m.track_id()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    (any, ids)
}

/// F33: a sending section names its stream and has one track (A29; JSEP §5.3.1).
fn msid(ctx: &Ctx<'_>, r: &mut Report) {
    for pair in ctx.accepted().filter(|p| !is_sctp(p.answer)) {
        let i = Some(pair.index);
        let (any, ids) = tracks(pair.answer);
        if ctx.jsep && ctx.answer.direction_of(pair.answer).sends() && !any {
            r.warning(
                "F33",
                i,
                "a sending section has no `a=msid`: the remote track gets no stream".to_owned(),
            );
        }
        if ids.len() > 1 {
            r.error(
                "F33",
                i,
                format!(
                    "{} msid tracks (`{}`) in one section; Unified Plan allows one",
                    ids.len(),
                    ids.join("`, `")
                ),
            );
        }
    }
}

/// F34: mids are non-empty, unique and at most 16 characters (A2).
fn mids(ctx: &Ctx<'_>, r: &mut Report) {
    let mut seen: Vec<&str> = Vec::new();
    for (index, media) in ctx.answer.media().iter().enumerate() {
        for attr in media.attributes_named("mid") {
            let mid = attr.value().unwrap_or_default();
            let i = Some(index);
            if mid.is_empty() {
                r.error("F34", i, "empty `a=mid`".to_owned());
                continue;
            }
            if seen.contains(&mid) {
                r.error("F34", i, format!("mid `{mid}` is used twice"));
            }
            seen.push(mid);
            let len = mid.chars().count();
            if len > 16 {
                r.warning(
                    "F34",
                    i,
                    format!("mid `{mid}` has {len} characters; libwebrtc and Firefox refuse more than 16"),
                );
            }
        }
    }
}

fn tls_of<'s>(session: &'s Session<'_>, media: &'s Media<'_>) -> Option<&'s str> {
    media_or_session::<TlsId>(session, media).map(|t| t.as_str())
}

/// F35: the answer's tls-id changes exactly when the offerer's does (A18; JSEP §5.3.2;
/// RFC 8842 §5). Needs the previous exchange.
fn tls_id(ctx: &Ctx<'_>, r: &mut Report) {
    let Some((prev_offer, prev_answer)) = ctx.previous else {
        return;
    };
    for pair in ctx.pairs.iter().filter(|p| ctx.owns_transport(p)) {
        let (Some(po), Some(pa)) = (
            prev_offer.media().get(pair.index),
            prev_answer.media().get(pair.index),
        ) else {
            continue;
        };
        if po.mid() != pair.offer.mid() {
            continue;
        }
        let answered = tls_of(ctx.answer, pair.answer);
        let answered_before = tls_of(prev_answer, pa);
        if answered.is_none() && answered_before.is_none() {
            continue;
        }
        let offer_changed = tls_of(ctx.offer, pair.offer) != tls_of(prev_offer, po);
        let answer_changed = answered != answered_before;
        let i = Some(pair.index);
        if answer_changed && !offer_changed {
            r.warning(
                "F35",
                i,
                "the answer's tls-id changed but the offer's did not (a new DTLS association)"
                    .to_owned(),
            );
        } else if offer_changed && !answer_changed {
            r.warning(
                "F35",
                i,
                "the offerer changed its tls-id but the answer keeps its own".to_owned(),
            );
        }
    }
}

/// F36: ice-options the offer did not have; `trickle` is exempt, as browsers always answer it
/// (A12).
fn ice_options(ctx: &Ctx<'_>, r: &mut Report) {
    let offered: Vec<&str> = ctx
        .offer
        .typed::<IceOptions>()
        .chain(
            ctx.offer
                .media()
                .iter()
                .flat_map(|m| m.typed::<IceOptions>()),
        )
        .flat_map(|o| o.iter())
        .collect();
    let mut look = |media: Option<usize>, options: &mut dyn Iterator<Item = IceOptions<'_>>| {
        for option in options.flat_map(|o| o.iter()) {
            if option != "trickle" && !offered.contains(&option) {
                r.warning(
                    "F36",
                    media,
                    format!("ice-option `{option}` was not offered"),
                );
            }
        }
    };
    look(None, &mut ctx.answer.typed::<IceOptions>());
    for pair in &ctx.pairs {
        look(Some(pair.index), &mut pair.answer.typed::<IceOptions>());
    }
}
