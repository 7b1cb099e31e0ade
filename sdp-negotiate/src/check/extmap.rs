//! F15-F16: header extensions (rulebook section C, RFC 8285).

use sdp_core::attr::direction::Direction;
use sdp_core::attr::extmap::{Extmap, ExtmapAllowMixed};
use sdp_core::TypedAttribute;

use super::{Ctx, Report};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    let offer_session: Vec<Extmap<'_>> = ctx.offer.typed().collect();
    let every_offered: Vec<Extmap<'_>> = ctx
        .offer
        .media()
        .iter()
        .flat_map(|m| m.typed::<Extmap>())
        .chain(offer_session.iter().copied())
        .collect();
    // Session-level extmaps of the answer: compared with every offered one.
    let answer_session: Vec<Extmap<'_>> = ctx.answer.typed().collect();
    extmaps(None, &answer_session, &every_offered, report);
    for pair in ctx.accepted() {
        let offered: Vec<Extmap<'_>> = pair
            .offer
            .typed::<Extmap>()
            .chain(offer_session.iter().copied())
            .collect();
        let answered: Vec<Extmap<'_>> = pair.answer.typed().collect();
        extmaps(Some(pair.index), &answered, &offered, report);
    }
    allow_mixed(ctx, report);
}

/// The extension `uri`, with the RFC 6904 encryption prefix when encrypted.
fn name(ext: &Extmap<'_>) -> String {
    if ext.encrypted {
        format!("urn:ietf:params:rtp-hdrext:encrypt {}", ext.uri)
    } else {
        ext.uri.to_owned()
    }
}

/// F15: each answered extension was offered (C1), keeps the offered ID (C2), has a valid and
/// unique ID (C3) and a direction compatible with the reversed offer direction (C4).
fn extmaps(media: Option<usize>, answered: &[Extmap<'_>], offered: &[Extmap<'_>], r: &mut Report) {
    for (n, ext) in answered.iter().enumerate() {
        let uri = name(ext);
        let id = ext.id;
        // C3: IDs are unique within a section.
        if answered.iter().take(n).any(|e| e.id == id) {
            r.error("F15", media, format!("extmap ID {id} is used twice"));
        }
        if id >= 4096 {
            // C2: 4096-4351 in an offer ask the answerer to choose; answers never use them.
            r.error(
                "F15",
                media,
                format!("extmap ID {id} of `{uri}` is 4096 or more: the answer must pick an ID"),
            );
        } else if id == 0 || id > 255 {
            r.error(
                "F15",
                media,
                format!("extmap ID {id} of `{uri}` is outside 1-255"),
            );
        }
        // An offer may map one URI to several ids (a session-level and a media-level line,
        // say): the answer may keep any of them, and its direction is judged by that one.
        let mut same_uri = offered
            .iter()
            .filter(|o| o.uri == ext.uri && o.encrypted == ext.encrypted);
        let Some(first) = same_uri.clone().next() else {
            r.error("F15", media, format!("extension `{uri}` was not offered"));
            continue;
        };
        let offer = same_uri.clone().find(|o| o.id == id).unwrap_or(first);
        // C2: a valid offered id (1-255) is kept; 4096-4351 ask the answerer to choose, and an
        // invalid one (0, 256-4095) cannot be echoed, so any valid answer id is fine there.
        if offer.id != id && same_uri.all(|o| (1..=255).contains(&o.id)) {
            r.error(
                "F15",
                media,
                format!(
                    "extension `{uri}` has ID {id} but the offer gave it ID {}",
                    offer.id
                ),
            );
        }
        let allowed = offer.direction.unwrap_or_default().reversed();
        let dir = ext.direction.unwrap_or_default();
        if (dir.sends() && !allowed.sends()) || (dir.receives() && !allowed.receives()) {
            r.warning(
                "F15",
                media,
                format!(
                    "extension `{uri}` is answered `{dir}` but offered `{}`; answer `{}` or \
                     leave it out",
                    offer.direction.unwrap_or_default(),
                    if allowed == Direction::Inactive {
                        "nothing".to_owned()
                    } else {
                        allowed.to_string()
                    }
                ),
            );
        }
    }
}

/// F16: `a=extmap-allow-mixed` only when the offer has it (C5).
fn allow_mixed(ctx: &Ctx<'_>, r: &mut Report) {
    let name = ExtmapAllowMixed::NAME;
    let offer_session = ctx.offer.has_attribute(name);
    let offer_anywhere = offer_session || ctx.offer.media().iter().any(|m| m.has_attribute(name));
    if ctx.answer.has_attribute(name) && !offer_anywhere {
        r.error(
            "F16",
            None,
            "`a=extmap-allow-mixed` is answered but was not offered".to_owned(),
        );
    }
    for pair in &ctx.pairs {
        if pair.answer.has_attribute(name) && !offer_session && !pair.offer.has_attribute(name) {
            r.error(
                "F16",
                Some(pair.index),
                "`a=extmap-allow-mixed` is answered but was not offered".to_owned(),
            );
        }
    }
}
