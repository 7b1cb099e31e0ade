//! Simulcast and rid (`SDP07xx`): `a=simulcast` (RFC 8853), `a=rid` (RFC 8851).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::bundle::{offset_of, typed_lines, value_of};
use crate::attr::rid::{Rid, RidDirection};
use crate::attr::simulcast::{Simulcast, SimulcastList, SimulcastSyntax};
use crate::line::Line;
use crate::media::Media;
use crate::validate::{lints, Ctx, Loc};

lints! {
    SIMULCAST_UNKNOWN_RID = "SDP0701" "simulcast-unknown-rid" Error [all] "RFC 8853 §5.1",
        title: "`a=simulcast` names a rid that no `a=rid` line defines",
        explanation: "The streams of `a=simulcast` are rids, each defined by an `a=rid` line of the same section. A rid without its `a=rid` has no direction and no restrictions, and browsers refuse the description (Chrome: \"the simulcast attribute references an unknown rid\").",
        wrong: "a=rid:hi send\na=simulcast:send hi;lo",
        right: "a=rid:hi send\na=rid:lo send\na=simulcast:send hi;lo";
    SIMULCAST_RID_DIRECTION = "SDP0702" "simulcast-rid-direction" Error [all] "RFC 8853 §5.1",
        title: "a simulcast stream's direction differs from its `a=rid`",
        explanation: "A rid listed after `send` in `a=simulcast` must be defined by `a=rid:<id> send`, and one listed after `recv` by `a=rid:<id> recv`. A mismatch usually comes from an answer that copied the offer's rids without reversing their direction.",
        wrong: "a=rid:hi recv\na=simulcast:send hi",
        right: "a=rid:hi send\na=simulcast:send hi";
    SIMULCAST_DUPLICATE_RID = "SDP0703" "simulcast-duplicate-rid" Error [all] "RFC 8853 §5.1",
        title: "a rid appears twice in `a=simulcast`",
        explanation: "Each rid is one simulcast stream, or one alternative of one stream, so it appears once in the send and receive lists. A repeated rid makes the streams ambiguous; parsers refuse it.",
        wrong: "a=simulcast:send hi;lo;hi",
        right: "a=simulcast:send hi;lo";
    RID_UNKNOWN_PT = "SDP0704" "rid-unknown-pt" Error [all] "RFC 8851 §4",
        title: "`a=rid` `pt=` names a payload type that is not on the `m=` line",
        explanation: "`pt=` restricts an RTP stream to some of the section's payload types, so each must be one of the formats of the `m=` line. An unknown payload type leaves the stream with a format that was never negotiated.",
        wrong: "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rid:hi send pt=97",
        right: "m=video 9 UDP/TLS/RTP/SAVPF 96 97\na=rid:hi send pt=97";
    DUPLICATE_RID = "SDP0705" "duplicate-rid" Error [all] "RFC 8851 §4",
        title: "two `a=rid` lines define the same rid and direction",
        explanation: "A rid id names one RTP stream of the section in one direction. Two definitions leave the restrictions of that stream ambiguous; peers refuse the description.",
        wrong: "a=rid:hi send max-width=1280\na=rid:hi send max-width=640",
        right: "a=rid:hi send max-width=1280\na=rid:lo send max-width=640";
    RIDS_WITHOUT_SIMULCAST = "SDP0706" "rids-without-simulcast" Warning [all] "RFC 8853 §5.1",
        title: "several send rids but no `a=simulcast`",
        explanation: "Sending several RTP streams of one source is simulcast, negotiated with `a=simulcast`. Without it the peer takes the rids as alternatives at best, and only one stream is sent; the `a=simulcast` line was probably lost.",
        wrong: "a=rid:hi send\na=rid:lo send",
        right: "a=rid:hi send\na=rid:lo send\na=simulcast:send hi;lo";
    LEGACY_SIMULCAST_SYNTAX = "SDP0707" "legacy-simulcast-syntax" Warning [Webrtc] "RFC 8853 §5.1",
        title: "`a=simulcast` in the draft-03 syntax",
        explanation: "Firefox before version 68 wrote `a=simulcast: send rid=hi;lo`, from draft-ietf-mmusic-sdp-simulcast-03. RFC 8853 dropped the `rid=` prefix (and `paused=` in favour of `~`); current browsers expect `a=simulcast:send hi;lo`.",
        wrong: "a=simulcast: send rid=hi;lo",
        right: "a=simulcast:send hi;lo";
    RID_DEPEND_UNKNOWN = "SDP0708" "rid-depend-unknown" Error [all] "RFC 8851 §5",
        title: "`depend=` names a rid that the section does not define",
        explanation: "`depend=` lists the rids of the streams a layered stream needs for decoding, and they are rids of the same section. A rid that is not defined there leaves the dependent stream undecodable.",
        wrong: "a=rid:2 send depend=1",
        right: "a=rid:1 send\na=rid:2 send depend=1";
    RID_RESTRICTION_WITHOUT_VALUE = "SDP0709" "rid-restriction-without-value" Warning [all] "RFC 8851 §5",
        title: "a numeric `a=rid` restriction has no value",
        explanation: "`max-width`, `max-height`, `max-fps`, `max-fs`, `max-br`, `max-pps` and `max-bpp` limit the stream to a number. The grammar lets the value out, but a limit without a number restricts nothing, and stacks read it differently (some as 0). Write the number, or drop the restriction.",
        wrong: "a=rid:hi send max-width;max-height=720",
        right: "a=rid:hi send max-width=1280;max-height=720";
}

/// The restrictions whose value is a number (RFC 8851 §5).
const NUMERIC: [&str; 7] = [
    "max-width",
    "max-height",
    "max-fps",
    "max-fs",
    "max-br",
    "max-pps",
    "max-bpp",
];

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    for (m, media) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(media) {
            continue;
        }
        let rids = check_rids(ctx, m, media);
        check_simulcast(ctx, m, media, &rids);
    }
}

/// The directions each rid id is defined with.
type RidTable<'s> = HashMap<&'s str, Vec<RidDirection>>;

/// `a=rid` lines: payload types, repeats, dependencies, restrictions, simulcast presence.
fn check_rids<'s>(ctx: &mut Ctx<'s, '_>, m: usize, media: &'s Media<'_>) -> RidTable<'s> {
    let rid_lines: Vec<(usize, &Line<'_>, Rid<'_>)> =
        typed_lines::<Rid>(&ctx.attrs(), media.lines(), Some(m)).collect();
    let formats: HashSet<u8> = ctx
        .media_line(m)
        .map(|l| l.payload_types().collect())
        .unwrap_or_default();
    let mut table: RidTable<'s> = HashMap::new();
    let mut first_line: HashMap<(&str, RidDirection), usize> = HashMap::new();
    let mut send_rids: Vec<usize> = Vec::new();
    for &(i, line, rid) in &rid_lines {
        let loc = ctx.media_loc(m, i);
        let value = value_of(line);
        let id = rid.id();
        // RFC 8851 §4: a rid id names one stream per direction.
        match first_line.entry((id, rid.direction())) {
            Entry::Occupied(first) => {
                ctx.report(
                    &DUPLICATE_RID,
                    loc.in_value(line, 0, id.len()),
                    format!(
                        "rid `{id}` ({}) is already defined on line {}",
                        rid.direction(),
                        first.get()
                    ),
                );
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert(loc.line);
            }
        }
        table.entry(id).or_default().push(rid.direction());
        if rid.direction() == RidDirection::Send {
            send_rids.push(i);
        }
        // RFC 8851 §4: the payload types of `pt=` are formats of the m= line.
        if let Some(list) = rid.payload_types_str() {
            for pt in list.split(',') {
                let known = pt.parse::<u8>().is_ok_and(|pt| formats.contains(&pt));
                if !known {
                    ctx.report(
                        &RID_UNKNOWN_PT,
                        loc.in_value(line, offset_of(value, pt), pt.len()),
                        format!(
                            "rid `{id}` names payload type {pt}, which is not on the `m=` line"
                        ),
                    );
                }
            }
        }
        for (key, restriction) in rid.restrictions() {
            // RFC 8851 §5: a numeric restriction limits the stream to its value.
            if restriction.is_none() && NUMERIC.contains(&key) {
                ctx.report_help(
                    &RID_RESTRICTION_WITHOUT_VALUE,
                    loc.in_value(line, offset_of(value, key), key.len()),
                    format!("rid `{id}` has `{key}` without a value"),
                    format!("write `{key}=<number>`, or remove it"),
                );
            }
        }
    }
    // RFC 8851 §5: `depend=` lists rids of the same section.
    for &(i, line, rid) in &rid_lines {
        for dep in rid.depend() {
            if !table.contains_key(dep) {
                ctx.report(
                    &RID_DEPEND_UNKNOWN,
                    ctx.media_loc(m, i)
                        .in_value(line, offset_of(value_of(line), dep), dep.len()),
                    format!(
                        "rid `{}` depends on rid `{dep}`, which the section does not define",
                        rid.id()
                    ),
                );
            }
        }
    }
    // RFC 8853 §5.1: several send streams of one source are negotiated with `a=simulcast`.
    if send_rids.len() > 1 && !media.has_attribute("simulcast") {
        if let Some(&i) = send_rids.get(1) {
            ctx.report_help(
                &RIDS_WITHOUT_SIMULCAST,
                ctx.media_loc(m, i),
                format!("{} send rids but no `a=simulcast`", send_rids.len()),
                "add `a=simulcast:send <rid>;<rid>...` listing them",
            );
        }
    }
    table
}

/// `a=simulcast`: its rids are defined, in the right direction, once; its syntax.
fn check_simulcast(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>, rids: &RidTable<'_>) {
    for (i, line, simulcast) in typed_lines::<Simulcast>(&ctx.attrs(), media.lines(), Some(m)) {
        let loc = ctx.media_loc(m, i);
        // RFC 8853 §5.1 replaced the draft-03 form (`rid=` prefix, `paused=`).
        if simulcast.syntax() == SimulcastSyntax::Draft03 {
            ctx.report_help(
                &LEGACY_SIMULCAST_SYNTAX,
                loc,
                "`a=simulcast` uses the draft-03 syntax (`rid=`)",
                format!("write it as `a=simulcast:{}`", rfc8853_form(&simulcast)),
            );
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let lists = [
            (RidDirection::Send, simulcast.send_list()),
            (RidDirection::Recv, simulcast.recv_list()),
        ];
        for (direction, list) in lists {
            let Some(list) = list else {
                continue;
            };
            // draft-03 could list payload types (`pt=`) instead of rids.
            let names_rids = list.id_type().map_or(true, |t| t == "rid");
            for alt in list.rids() {
                let at = rid_loc(loc, line, alt.rid);
                // RFC 8853 §5.1: each rid is one stream or alternative, listed once.
                if !seen.insert(alt.rid) {
                    ctx.report(
                        &SIMULCAST_DUPLICATE_RID,
                        at,
                        format!("rid `{}` is listed twice in `a=simulcast`", alt.rid),
                    );
                    continue;
                }
                if !names_rids {
                    continue;
                }
                // RFC 8853 §5.1: each rid of the lists has an `a=rid` line of the same
                // direction in the section.
                match rids.get(alt.rid) {
                    None => ctx.report_help(
                        &SIMULCAST_UNKNOWN_RID,
                        at,
                        format!("rid `{}` has no `a=rid` line", alt.rid),
                        format!("add `a=rid:{} {direction}`", alt.rid),
                    ),
                    Some(dirs) if !dirs.contains(&direction) => ctx.report(
                        &SIMULCAST_RID_DIRECTION,
                        at,
                        format!(
                            "rid `{}` is listed under `{direction}` but `a=rid:{}` says `{}`",
                            alt.rid,
                            alt.rid,
                            direction.reversed()
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}

/// The location of `rid` (a sub-slice of the value) in an `a=simulcast` line.
fn rid_loc(loc: Loc, line: &Line<'_>, rid: &str) -> Loc {
    loc.in_value(line, offset_of(value_of(line), rid), rid.len())
}

/// The RFC 8853 spelling of a (draft-03) value, for the help line.
fn rfc8853_form(simulcast: &Simulcast<'_>) -> String {
    let list = |dir: &str, list: Option<SimulcastList<'_>>| {
        list.map(|l| {
            let streams: Vec<String> = l
                .streams()
                .map(|s| {
                    s.alternatives()
                        .map(|a| {
                            if a.paused {
                                format!("~{}", a.rid)
                            } else {
                                a.rid.to_owned()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .collect();
            format!("{dir} {}", streams.join(";"))
        })
    };
    [
        list("send", simulcast.send_list()),
        list("recv", simulcast.recv_list()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{edit, WEBRTC};
    use crate::validate::tests::fixtures::{find, webrtc};

    #[test]
    fn simulcast_unknown_rid_fires_when_a_rid_is_not_defined() {
        let text = edit(
            WEBRTC,
            "a=simulcast:send hi;lo",
            "a=simulcast:send hi;lo;mid",
        );
        let d = find(&text, "SDP0701");
        assert_eq!(d.message(), "rid `mid` has no `a=rid` line");
        assert_eq!((d.line(), d.column()), (66, 24));
        assert_eq!(d.help(), Some("add `a=rid:mid send`"));
        assert_eq!(webrtc(&text), ["SDP0701"]);
    }

    #[test]
    fn simulcast_unknown_rid_is_silent_when_every_rid_is_defined() {
        assert!(webrtc(WEBRTC).is_empty());
    }

    #[test]
    fn simulcast_rid_direction_fires_when_directions_differ() {
        let text = edit(WEBRTC, "a=rid:lo send pt=96", "a=rid:lo recv pt=96");
        let d = find(&text, "SDP0702");
        assert_eq!(
            d.message(),
            "rid `lo` is listed under `send` but `a=rid:lo` says `recv`"
        );
        assert_eq!(webrtc(&text), ["SDP0702"]);
    }

    #[test]
    fn simulcast_rid_direction_is_silent_on_matching_recv() {
        let text = edit(
            WEBRTC,
            "a=rid:hi send\r\na=rid:lo send",
            "a=rid:hi recv\r\na=rid:lo recv",
        );
        let text = edit(&text, "a=simulcast:send hi;lo", "a=simulcast:recv hi;lo");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn simulcast_duplicate_rid_fires_on_a_repeated_rid() {
        let text = edit(
            WEBRTC,
            "a=simulcast:send hi;lo",
            "a=simulcast:send hi;lo,hi",
        );
        let d = find(&text, "SDP0703");
        assert_eq!(d.column(), 24);
        assert_eq!(webrtc(&text), ["SDP0703"]);
    }

    #[test]
    fn simulcast_duplicate_rid_is_silent_on_alternatives() {
        let text = edit(WEBRTC, "a=simulcast:send hi;lo", "a=simulcast:send hi,lo");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn rid_unknown_pt_fires_on_a_payload_type_not_offered() {
        let text = edit(WEBRTC, "a=rid:lo send pt=96", "a=rid:lo send pt=96,100");
        let d = find(&text, "SDP0704");
        assert_eq!(
            d.message(),
            "rid `lo` names payload type 100, which is not on the `m=` line"
        );
        assert_eq!((d.line(), d.column()), (65, 21));
    }

    #[test]
    fn rid_unknown_pt_is_silent_on_offered_payload_types() {
        let text = edit(WEBRTC, "a=rid:lo send pt=96", "a=rid:lo send pt=96,98");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn duplicate_rid_fires_on_the_same_id_and_direction() {
        let text = edit(WEBRTC, "a=rid:lo send pt=96", "a=rid:hi send pt=96");
        let d = find(&text, "SDP0705");
        assert_eq!(d.message(), "rid `hi` (send) is already defined on line 64");
    }

    #[test]
    fn duplicate_rid_is_silent_on_the_same_id_in_both_directions() {
        let text = edit(
            WEBRTC,
            "a=rid:lo send pt=96\r\n",
            "a=rid:lo send pt=96\r\na=rid:lo recv\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn rids_without_simulcast_fires_on_two_send_rids_alone() {
        let text = edit(WEBRTC, "a=simulcast:send hi;lo\r\n", "");
        assert_eq!(webrtc(&text), ["SDP0706"]);
    }

    #[test]
    fn rids_without_simulcast_is_silent_on_one_rid() {
        let text = edit(WEBRTC, "a=simulcast:send hi;lo\r\n", "");
        let text = edit(&text, "a=rid:lo send pt=96\r\n", "");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn legacy_simulcast_syntax_fires_on_the_draft_form() {
        let text = edit(
            WEBRTC,
            "a=simulcast:send hi;lo",
            "a=simulcast: send rid=hi;lo paused=lo",
        );
        let d = find(&text, "SDP0707");
        assert_eq!(d.help(), Some("write it as `a=simulcast:send hi;~lo`"));
        assert_eq!(webrtc(&text), ["SDP0707"]);
    }

    #[test]
    fn legacy_simulcast_syntax_is_silent_on_rfc8853() {
        assert!(!webrtc(WEBRTC).contains(&"SDP0707"));
    }

    #[test]
    fn rid_depend_unknown_fires_on_an_undefined_rid() {
        let text = edit(
            WEBRTC,
            "a=rid:lo send pt=96",
            "a=rid:lo send pt=96;depend=hi,base",
        );
        let d = find(&text, "SDP0708");
        assert_eq!(
            d.message(),
            "rid `lo` depends on rid `base`, which the section does not define"
        );
        assert_eq!(webrtc(&text), ["SDP0708"]);
    }

    #[test]
    fn rid_depend_unknown_is_silent_on_defined_rids() {
        let text = edit(
            WEBRTC,
            "a=rid:lo send pt=96",
            "a=rid:lo send pt=96;depend=hi",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn rid_restriction_without_value_fires_on_a_bare_max_width() {
        let text = edit(
            WEBRTC,
            "a=rid:hi send",
            "a=rid:hi send max-width;max-height=720",
        );
        let d = find(&text, "SDP0709");
        assert_eq!((d.line(), d.column()), (64, 15));
        assert_eq!(webrtc(&text), ["SDP0709"]);
    }

    #[test]
    fn rid_restriction_without_value_is_silent_with_values_and_flags() {
        let text = edit(
            WEBRTC,
            "a=rid:hi send",
            "a=rid:hi send max-width=1280;x-flag",
        );
        assert!(webrtc(&text).is_empty());
    }
}
