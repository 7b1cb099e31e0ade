//! F29-F30: simulcast and rid (rulebook section D; RFC 8853, RFC 8851).

use sdp_core::attr::extmap::Extmap;
use sdp_core::attr::rid::Rid;
use sdp_core::attr::simulcast::Simulcast;
use sdp_core::TypedAttribute;

use super::{Ctx, Pair, Report};

/// The RFC 8852 rtp-stream-id header extension (D6).
const RTP_STREAM_ID: &str = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    for pair in ctx.accepted().filter(|p| p.is_rtp()) {
        let raw: Vec<&str> = pair
            .answer
            .attributes_named(Simulcast::NAME)
            .filter_map(|a| a.value())
            .collect();
        if raw.is_empty() && !pair.answer.has_attribute(Rid::NAME) {
            continue;
        }
        let answered: Vec<Simulcast<'_>> = raw
            .iter()
            .filter_map(|value| match Simulcast::parse(value) {
                Ok(sc) => Some(sc),
                Err(_) => {
                    malformed(pair.index, value, report);
                    None
                }
            })
            .collect();
        rids(pair, &answered, report);
        // F30, D6: without rtp-stream-id Chrome sends one layer (`SimulcastIsRejected`).
        if !raw.is_empty()
            && !pair
                .answer
                .typed::<Extmap>()
                .any(|e| e.uri == RTP_STREAM_ID)
        {
            report.warning(
                "F30",
                Some(pair.index),
                format!("simulcast is answered without the `{RTP_STREAM_ID}` extension"),
            );
        }
    }
}

/// F29: a value that does not parse; D1 names the doubled direction Safari refuses.
fn malformed(index: usize, value: &str, r: &mut Report) {
    let words: Vec<&str> = value.split_whitespace().collect();
    let repeated = ["send", "recv"]
        .into_iter()
        .find(|dir| words.iter().filter(|w| *w == dir).count() > 1);
    let message = match repeated {
        Some(dir) => format!("`a=simulcast:{value}` gives `{dir}` twice"),
        None => format!("`a=simulcast:{value}` is malformed"),
    };
    r.error("F29", Some(index), message);
}

/// F29: rids declared, offered, reversed and restricted to the m-line's formats (D1-D5).
fn rids(pair: &Pair<'_>, answered: &[Simulcast<'_>], r: &mut Report) {
    let i = Some(pair.index);
    let answer_rids: Vec<Rid<'_>> = pair.answer.typed().collect();
    let offer_rids: Vec<Rid<'_>> = pair.offer.typed().collect();
    let offer_sc: Option<Simulcast<'_>> = pair.offer.first();

    for sc in answered {
        // D1 (JSEP §5.8.3): every rid of a=simulcast has an a=rid line.
        for rid in sc.send().chain(sc.recv()).flat_map(|s| s.alternatives()) {
            if !answer_rids.iter().any(|a| a.id() == rid.rid) {
                r.error(
                    "F29",
                    i,
                    format!("simulcast rid `{}` has no `a=rid` line", rid.rid),
                );
            }
        }
        // D2: the answer receives what the offer sends and sends what it receives.
        let lists = [
            (
                "recv",
                sc.recv_list(),
                offer_sc.and_then(|o| o.send_list()),
                "send",
            ),
            (
                "send",
                sc.send_list(),
                offer_sc.and_then(|o| o.recv_list()),
                "recv",
            ),
        ];
        for (dir, list, offered, offered_dir) in lists {
            let Some(list) = list else { continue };
            for rid in list.rids() {
                let present = offered.is_some_and(|o| o.rids().any(|x| x.rid == rid.rid));
                let offered_anywhere = offer_rids.iter().any(|o| o.id() == rid.rid);
                if !present && offered_anywhere {
                    r.error(
                        "F29",
                        i,
                        format!(
                            "simulcast `{dir}` lists `{}`, which is not in the offer's \
                             `{offered_dir}` list: directions are not reversed",
                            rid.rid
                        ),
                    );
                }
            }
        }
    }

    let formats: Vec<u8> = pair
        .answer
        .media_line()
        .map(|l| l.payload_types().collect())
        .unwrap_or_default();
    let mut named: Vec<&str> = Vec::new();
    let in_simulcast = answered
        .iter()
        .flat_map(|sc| sc.send().chain(sc.recv()))
        .flat_map(|s| s.alternatives().map(|a| a.rid));
    for id in answer_rids.iter().map(|a| a.id()).chain(in_simulcast) {
        if !named.contains(&id) {
            named.push(id);
        }
    }
    for id in named {
        // D3: never a rid-id the offer did not have.
        if !offer_rids.iter().any(|o| o.id() == id) {
            r.error("F29", i, format!("rid `{id}` was not offered"));
        }
    }
    for rid in &answer_rids {
        if let Some(offered) = offer_rids.iter().find(|o| o.id() == rid.id()) {
            if rid.direction() != offered.direction().reversed() {
                r.error(
                    "F29",
                    i,
                    format!(
                        "`a=rid:{} {}` answers `a=rid:{} {}`: the direction is not reversed",
                        rid.id(),
                        rid.direction(),
                        offered.id(),
                        offered.direction()
                    ),
                );
            }
        }
        // D5: pt= lists formats of this m-line.
        let outside: Vec<_> = rid
            .payload_types()
            .filter(|pt| !formats.contains(pt))
            .map(|pt| pt.to_string())
            .collect();
        if !outside.is_empty() {
            r.error(
                "F29",
                i,
                format!(
                    "`a=rid:{}` restricts to PT {}, which the m-line lacks",
                    rid.id(),
                    outside.join(", ")
                ),
            );
        }
    }
}
