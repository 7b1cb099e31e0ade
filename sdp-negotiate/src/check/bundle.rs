//! F21-F24, F26: BUNDLE groups, bundle-only, the tagged section, rejected sections.

use sdp_core::attr::bundle::BundleOnly;
use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::TypedAttribute;

use super::{bundle_groups, media_or_session, raw_media_or_session, Ctx, Report, State};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    groups(ctx, report);
    bundle_only(ctx, report);
    tagged_rejected(ctx, report);
    removed_members(ctx, report);
    rejected_sections(ctx, report);
}

/// The mids of `group`, comma-free, for messages.
fn show(group: &[&str]) -> String {
    format!("`a=group:BUNDLE {}`", group.join(" "))
}

/// F21: each answer group answers one offer group with a subset of its mids (A19; RFC 5888
/// §9.2; BUNDLE §7.3).
fn groups(ctx: &Ctx<'_>, r: &mut Report) {
    let mut answered_offer_groups: Vec<usize> = Vec::new();
    for (n, group) in ctx.answer_bundles.iter().enumerate() {
        let matching = group.iter().find_map(|mid| {
            ctx.offer_bundles
                .iter()
                .position(|offered| offered.contains(mid))
        });
        let matching = match (matching, group.is_empty()) {
            (Some(g), _) => Some(g),
            // An empty group (every member rejected, A19) answers an offered group.
            (None, true) => {
                (0..ctx.offer_bundles.len()).find(|g| !answered_offer_groups.contains(g))
            }
            (None, false) => None,
        };
        let Some(offer_group) = matching else {
            r.error(
                "F21",
                None,
                format!("{} has no corresponding group in the offer", show(group)),
            );
            continue;
        };
        if answered_offer_groups.contains(&offer_group) {
            r.error(
                "F21",
                None,
                format!(
                    "{} answers an offered group another answer group already answers",
                    show(group)
                ),
            );
        }
        answered_offer_groups.push(offer_group);
        let offered = ctx
            .offer_bundles
            .get(offer_group)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (pos, mid) in group.iter().enumerate() {
            if !offered.contains(mid) {
                let moved = ctx.offer_bundles.iter().any(|g| g.contains(mid));
                r.error(
                    "F21",
                    None,
                    format!(
                        "mid `{mid}` in {} is not in the offered {}{}",
                        show(group),
                        show(offered),
                        if moved { " (it moved group)" } else { "" }
                    ),
                );
            }
            let twice = group.iter().take(pos).any(|m| m == mid)
                || ctx.answer_bundles.iter().take(n).any(|g| g.contains(mid));
            if twice {
                r.error(
                    "F21",
                    None,
                    format!("mid `{mid}` is listed in two BUNDLE groups"),
                );
            }
            if ctx.answer.media_by_mid(mid).is_none() {
                r.error(
                    "F21",
                    None,
                    format!(
                        "mid `{mid}` in {} names no m-section of the answer",
                        show(group)
                    ),
                );
            }
        }
    }
}

/// F22: no `a=bundle-only` in an accepted answer section (JSEP §5.3.1); RFC 8843-style port 0
/// for bundled sections is tolerated with a warning (A23).
fn bundle_only(ctx: &Ctx<'_>, r: &mut Report) {
    if ctx.answer.has_attribute(BundleOnly::NAME) {
        r.error("F22", None, "`a=bundle-only` in an answer".to_owned());
    }
    for pair in ctx.accepted() {
        let i = Some(pair.index);
        if pair.answer.has_attribute(BundleOnly::NAME) {
            r.error("F22", i, "`a=bundle-only` in an answer".to_owned());
        }
        if pair.state == State::Bundled8843 {
            r.warning(
                "F22",
                i,
                "port 0 for a bundled section (RFC 8843 form); RFC 9143 answers give it the \
                 BUNDLE port"
                    .to_owned(),
            );
        }
    }
}

/// F23: the tagged section is not rejected while other members stay (A22; BUNDLE §7.3.3).
fn tagged_rejected(ctx: &Ctx<'_>, r: &mut Report) {
    for group in &ctx.answer_bundles {
        let mut members = group.iter().filter_map(|mid| ctx.pair_by_answer_mid(mid));
        let Some(first) = members.next() else {
            continue;
        };
        if !first.accepted() && members.any(|p| p.accepted()) {
            r.error(
                "F23",
                Some(first.index),
                format!(
                    "the first mid of {} is rejected while other members are accepted",
                    show(group)
                ),
            );
        }
    }
    // Subsequent exchange: the offerer-tagged section of an established group (E5).
    let Some((_, prev_answer)) = ctx.previous else {
        return;
    };
    let established = bundle_groups(prev_answer);
    for group in &ctx.offer_bundles {
        let Some(tag) = group.first() else {
            continue;
        };
        if !established.iter().any(|g| g.contains(tag)) {
            continue;
        }
        let Some(tagged) = ctx.pairs.iter().find(|p| p.offer.mid() == Some(*tag)) else {
            continue;
        };
        let others_kept = group
            .iter()
            .skip(1)
            .filter_map(|mid| ctx.pairs.iter().find(|p| p.offer.mid() == Some(*mid)))
            .any(|p| p.accepted());
        if !tagged.accepted() && others_kept {
            r.error(
                "F23",
                Some(tagged.index),
                format!(
                    "the offerer-tagged `{tag}` of an established BUNDLE group is rejected \
                     but other members stay accepted; reject the whole group"
                ),
            );
        }
    }
}

/// F24: an accepted section does not leave an established group (libwebrtc "Answer cannot
/// remove m= section ... from already-established BUNDLE group"), nor a bundle-only one its
/// offered group (A23, A24; BUNDLE §7.3.2).
fn removed_members(ctx: &Ctx<'_>, r: &mut Report) {
    let established = ctx
        .previous
        .map(|(_, a)| bundle_groups(a))
        .unwrap_or_default();
    for pair in ctx.accepted() {
        let Some(mid) = pair.offer.mid() else {
            continue;
        };
        let offered_bundled = ctx.offer_bundles.iter().any(|g| g.contains(&mid));
        if !offered_bundled || ctx.answer_group_of(pair).is_some() {
            continue;
        }
        if established.iter().any(|g| g.contains(&mid)) {
            r.error(
                "F24",
                Some(pair.index),
                format!("mid `{mid}` leaves its established BUNDLE group without being rejected"),
            );
        } else if pair.offer.has_attribute(BundleOnly::NAME) {
            r.error(
                "F24",
                Some(pair.index),
                format!("bundle-only mid `{mid}` is accepted outside the BUNDLE group"),
            );
        }
    }
}

/// F26: the shape of a rejected section (A4).
fn rejected_sections(ctx: &Ctx<'_>, r: &mut Report) {
    for pair in ctx.pairs.iter().filter(|p| p.state == State::Rejected) {
        let i = Some(pair.index);
        if let Some(mid) = pair.answer.mid() {
            if ctx.answer_bundles.iter().any(|g| g.contains(&mid)) {
                r.error(
                    "F26",
                    i,
                    format!("rejected mid `{mid}` is listed in a BUNDLE group"),
                );
            }
        }
        if pair.answer.has_attribute(BundleOnly::NAME) {
            r.error(
                "F26",
                i,
                "a rejected section carries `a=bundle-only`".to_owned(),
            );
        }
        let mut missing = Vec::new();
        if ctx.answer.connection_of(pair.answer).is_none() {
            missing.push("`c=`");
        }
        // A4 rejected_transport_attrs: aiortc and GStreamer check rejected sections too.
        if ctx.jsep {
            for name in ["ice-ufrag", "ice-pwd"] {
                if raw_media_or_session(ctx.answer, pair.answer, name).is_none() {
                    missing.push(if name == "ice-ufrag" {
                        "`a=ice-ufrag`"
                    } else {
                        "`a=ice-pwd`"
                    });
                }
            }
            if media_or_session::<Fingerprint>(ctx.answer, pair.answer).is_none() {
                missing.push("`a=fingerprint`");
            }
            if media_or_session::<Setup>(ctx.answer, pair.answer).is_none() {
                missing.push("`a=setup`");
            }
        }
        if !missing.is_empty() {
            r.warning(
                "F26",
                i,
                format!(
                    "rejected section without {} (aiortc and GStreamer check rejected \
                     sections too)",
                    missing.join(", ")
                ),
            );
        }
    }
}
