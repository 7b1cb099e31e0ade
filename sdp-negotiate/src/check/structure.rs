//! F1-F5: m-line count, order, media type, proto, mid, disabled sections, direction.

use sdp_core::attr::direction::Direction;

use super::{is_sctp, Ctx, Report};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    count_and_order(ctx, report);
    for pair in &ctx.pairs {
        let i = Some(pair.index);
        // F1: same media type at every index (A1; 3264 §6).
        if pair.offer.kind() != pair.answer.kind() {
            report.error(
                "F1",
                i,
                format!(
                    "media type `{}` where the offer has `{}`",
                    pair.answer.kind(),
                    pair.offer.kind()
                ),
            );
        }
        // F2: byte-identical proto (JSEP §5.1.2, §5.3.1).
        // Read from the raw `m=` tokens so that a malformed line (no format, say) still compares.
        let offer_proto = crate::answer::mline_token(pair.offer, 2);
        let answer_proto = crate::answer::mline_token(pair.answer, 2);
        if offer_proto != answer_proto {
            report.error(
                "F2",
                i,
                format!(
                    "proto `{}` differs from the offer's `{}`",
                    answer_proto.unwrap_or_default(),
                    offer_proto.unwrap_or_default()
                ),
            );
        }
        // F3: mid echoed byte for byte, rejected sections included; never added (A2).
        match (pair.offer.mid(), pair.answer.mid()) {
            (Some(o), None) => {
                report.error("F3", i, format!("`a=mid:{o}` of the offer is missing"));
            }
            (Some(o), Some(a)) if o != a => {
                report.error(
                    "F3",
                    i,
                    format!("`a=mid:{a}` differs from the offer's `a=mid:{o}`"),
                );
            }
            (None, Some(a)) => {
                report.error(
                    "F3",
                    i,
                    format!("`a=mid:{a}` is added but the offer has no mid here"),
                );
            }
            _ => {}
        }
        // F4: a section the offer disabled stays at port 0 (A3a).
        if pair.offer_disabled() && pair.answer.port() != Some(0) {
            report.error(
                "F4",
                i,
                format!(
                    "port {} enables a section the offer disabled (port 0 without \
                     `a=bundle-only`)",
                    pair.answer.port().unwrap_or_default()
                ),
            );
        }
        direction(ctx, pair, report);
    }
}

/// F1: as many m-sections as the offer, in the same order.
fn count_and_order(ctx: &Ctx<'_>, report: &mut Report) {
    let (offered, answered) = (ctx.offer.media().len(), ctx.answer.media().len());
    if offered != answered {
        report.error(
            "F1",
            None,
            format!("the answer has {answered} m-sections but the offer has {offered}"),
        );
        return;
    }
    // The same mids in another order: say so once, besides the per-index F3 errors.
    let mut offer_mids: Vec<_> = ctx.offer.media().iter().filter_map(|m| m.mid()).collect();
    let mut answer_mids: Vec<_> = ctx.answer.media().iter().filter_map(|m| m.mid()).collect();
    if offer_mids != answer_mids && !offer_mids.is_empty() {
        let in_order = format!("`{}`", offer_mids.join(" "));
        offer_mids.sort_unstable();
        answer_mids.sort_unstable();
        if offer_mids == answer_mids {
            report.error(
                "F1",
                None,
                format!("the m-sections are reordered: the offer's mid order is {in_order}"),
            );
        }
    }
}

/// F5: the answer direction follows the A6 table (3264 §6.1): it sends only if the offer
/// receives, and receives only if the offer sends.
fn direction(ctx: &Ctx<'_>, pair: &super::Pair<'_>, report: &mut Report) {
    if !pair.accepted() || pair.offer_disabled() || is_sctp(pair.offer) {
        return;
    }
    let offered = ctx.offer.direction_of(pair.offer);
    let answered = ctx.answer.direction_of(pair.answer);
    let allowed =
        |d: Direction| (!d.sends() || offered.receives()) && (!d.receives() || offered.sends());
    if !allowed(answered) {
        let legal: Vec<_> = Direction::ALL
            .iter()
            .filter(|d| allowed(**d))
            .map(|d| format!("`{d}`"))
            .collect();
        report.error(
            "F5",
            Some(pair.index),
            format!(
                "`{answered}` answer to a `{offered}` offer; allowed: {}",
                legal.join(" or ")
            ),
        );
    }
}
