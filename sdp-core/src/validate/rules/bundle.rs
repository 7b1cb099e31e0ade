//! BUNDLE and mids (`SDP02xx`): `a=mid`, `a=group`, `a=bundle-only` (RFC 5888, RFC 9143,
//! RFC 9429).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::attr::bundle::{Group, GroupSemantics, Mid};
use crate::attr::registry::FromAttrValue;
use crate::line::Line;
use crate::validate::context::{Attrs, Captures};
use crate::validate::{lints, Ctx};

lints! {
    DUPLICATE_MID = "SDP0201" "duplicate-mid" Error [all] "RFC 5888 §4",
        title: "two media sections have the same mid",
        explanation: "The identification tag of `a=mid` names one media section, so it must be unique in the description. Groups, BUNDLE demultiplexing and JSEP's transceiver matching all look sections up by mid; with a repeated mid they pick the wrong one, and browsers refuse the description.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:0",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1";
    MID_TOO_LONG = "SDP0202" "mid-too-long" Warning [Webrtc] "RFC 8285 §4.2",
        title: "mid longer than 16 bytes",
        explanation: "With BUNDLE, each RTP packet carries its section's mid in the `sdes:mid` header extension, and the one-byte header form holds at most 16 bytes of data. libwebrtc does not send longer mids, so the receiver cannot map the packets to their section. JSEP (RFC 9429 §5.2.1) recommends mids of 3 bytes or less.",
        wrong: "a=mid:audio-transceiver-number-0",
        right: "a=mid:0";
    GROUP_UNKNOWN_MID = "SDP0203" "group-unknown-mid" Warning [all] "RFC 5888 §5",
        title: "a group names a mid that no media section has",
        explanation: "The tags of `a=group` refer to the `a=mid` of media sections of the same description. A tag that no section carries is usually a section that was removed, or a typo. Most parsers ignore it, but browsers refuse a BUNDLE group that names a missing mid when the description is applied.",
        wrong: "a=group:BUNDLE 0 1\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0",
        right: "a=group:BUNDLE 0\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0";
    MID_BUNDLED_TWICE = "SDP0204" "mid-bundled-twice" Error [all] "RFC 9143 §5",
        title: "a mid appears in two BUNDLE groups, or twice in one",
        explanation: "A media section uses exactly one transport, so it belongs to at most one BUNDLE group, and a group lists each mid once. A section in two groups would need two transports at once; peers refuse the description.",
        wrong: "a=group:BUNDLE 0 1\na=group:BUNDLE 1 2",
        right: "a=group:BUNDLE 0 1\na=group:BUNDLE 2";
    BUNDLE_ONLY_WITH_PORT = "SDP0205" "bundle-only-with-port" Error [all] "RFC 9143 §6",
        title: "`a=bundle-only` on a section whose port is not 0",
        explanation: "`a=bundle-only` asks the answerer to accept the section only inside the BUNDLE group, and works because the section has port 0: a peer that does not support BUNDLE sees a disabled section and leaves it. With a real port, such a peer accepts the section on its own transport, which is what `bundle-only` was meant to prevent.",
        wrong: "m=video 9 UDP/TLS/RTP/SAVPF 96\na=bundle-only",
        right: "m=video 0 UDP/TLS/RTP/SAVPF 96\na=bundle-only";
    BUNDLE_ONLY_OUTSIDE_BUNDLE = "SDP0206" "bundle-only-outside-bundle" Error [all] "RFC 9143 §6",
        title: "`a=bundle-only` on a section that is in no BUNDLE group",
        explanation: "A `bundle-only` section can be used only through the transport of its BUNDLE group. Outside any group (or without a mid to be listed by one) it has no transport at all and is bound to be rejected.",
        wrong: "a=group:BUNDLE 0\nm=video 0 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=bundle-only",
        right: "a=group:BUNDLE 0 1\nm=video 0 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=bundle-only";
    MISSING_MID = "SDP0207" "missing-mid" Warning [Webrtc] "RFC 9429 §5.2.1",
        title: "media section without `a=mid`",
        explanation: "JSEP gives every media section an `a=mid`: transceivers, BUNDLE, ICE candidates (`sdpMid`) and simulcast all refer to sections by mid. Browsers still accept remote descriptions without mids (and invent them), but such a section cannot be bundled or named by candidates and simulcast.",
        wrong: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=rtcp-mux",
        right: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=rtcp-mux";
    BUNDLE_TAG_UNUSABLE = "SDP0208" "bundle-tag-unusable" Warning [all] "RFC 9143 §7.2",
        title: "the first mid of a BUNDLE group names a rejected or bundle-only section",
        explanation: "The first mid of a BUNDLE group is the tagged section, whose port and candidates give the transport of the whole group. If that section is rejected (port 0) or `bundle-only`, the group has no usable transport address; the mids of rejected sections should be removed from the group instead.",
        wrong: "a=group:BUNDLE 0 1\nm=audio 0 UDP/TLS/RTP/SAVPF 111\na=mid:0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1",
        right: "a=group:BUNDLE 1\nm=audio 0 UDP/TLS/RTP/SAVPF 111\na=mid:0\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1";
    EMPTY_BUNDLE_GROUP = "SDP0209" "empty-bundle-group" Info [all] "RFC 5888 §5",
        title: "`a=group:BUNDLE` lists no mid",
        explanation: "An empty group is legal and bundles nothing. Browsers write it when every section was rejected or none is left to bundle; elsewhere it is usually a template left unfilled.",
        wrong: "a=group:BUNDLE",
        right: "a=group:BUNDLE 0 1";
    MID_NOT_TOKEN = "SDP0210" "mid-not-token" Warning [all] "RFC 5888 §4",
        title: "mid is not a token",
        explanation: "An identification tag is an RFC 8866 `token`: visible ASCII without separators such as `;`, `,`, `/`, `:`, `\"` or brackets. Some parsers cut the tag at such a character and then fail to match it with `a=group`.",
        wrong: "a=mid:secondary;",
        right: "a=mid:secondary";
}

/// Every line of `lines` (the lines of level `media` of the session `attrs` was read from) that
/// is a well-formed `T`, with its index; the typed values are parsed once per validation.
pub(crate) fn typed_lines<'c, 's, 'l, 'a, T: FromAttrValue<'s> + Clone + 'c>(
    attrs: &'c Attrs<'s>,
    lines: &'l [Line<'a>],
    media: Option<usize>,
) -> impl Iterator<Item = (usize, &'l Line<'a>, T)> + Captures<'s> + 'c
where
    'l: 'c,
{
    attrs
        .typed::<T>(media)
        .filter_map(move |(i, typed)| Some((i, lines.get(i)?, typed)))
}

/// The byte offset of `part` (a sub-slice of `whole`) within `whole`; 0, the start of the value,
/// when it is not one.
pub(crate) fn offset_of(whole: &str, part: &str) -> usize {
    crate::lex::subslice_offset(whole, part).unwrap_or(0)
}

/// The attribute value of `line` (empty when it has none).
pub(crate) fn value_of<'l>(line: &'l Line<'_>) -> &'l str {
    line.as_attribute()
        .and_then(|a| a.value())
        .unwrap_or_default()
}

/// The media sections of each BUNDLE group, as indices, one list per session-level
/// `a=group:BUNDLE` line (mids that name no section are left out).
pub(crate) fn bundle_groups(ctx: &Ctx<'_, '_>) -> Vec<Vec<usize>> {
    let attrs = ctx.attrs();
    // mid -> the first section with it. Hashed: real descriptions have a handful of sections,
    // but scans made thousands quadratic in two rule families that call this (issue 7).
    let mut by_mid: HashMap<&str, usize> = HashMap::new();
    for m in 0..ctx.session().media().len() {
        for (_, mid) in attrs.typed::<Mid>(Some(m)) {
            by_mid.entry(mid.as_str()).or_insert(m);
        }
    }
    attrs
        .typed::<Group>(None)
        .map(|(_, g)| g)
        .filter(|g| g.semantics() == GroupSemantics::Bundle)
        .map(|g| {
            g.mids()
                .filter_map(|mid| by_mid.get(mid).copied())
                .collect()
        })
        .collect()
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let by_mid = check_mids(ctx);
    let bundled = check_groups(ctx, &by_mid);
    check_bundle_only(ctx, &bundled);
}

/// Mids: uniqueness, length, form and presence. Returns each mid's section and line.
fn check_mids<'s>(ctx: &mut Ctx<'s, '_>) -> HashMap<&'s str, (usize, usize)> {
    let session = ctx.session();
    let mut by_mid: HashMap<&'s str, (usize, usize)> = HashMap::new();
    for (m, media) in session.media().iter().enumerate() {
        for (i, line, mid) in typed_lines::<Mid>(&ctx.attrs(), media.lines(), Some(m)) {
            let tag = mid.as_str();
            let loc = ctx.media_loc(m, i);
            let at = loc.in_value(line, 0, tag.len());
            match by_mid.entry(tag) {
                // RFC 5888 §4: an identification tag is unique within the description.
                Entry::Occupied(first) => {
                    let (_, first_line) = *first.get();
                    ctx.report_help(
                        &DUPLICATE_MID,
                        at,
                        format!("mid `{tag}` is already used on line {first_line}"),
                        "give each media section its own mid",
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert((m, loc.line));
                }
            }
            // RFC 8285 §4.2: one-byte header extension data is 1-16 bytes (the MID extension
            // of RFC 9143 §14 carries the mid); RFC 9429 §5.2.1 recommends 3 bytes or less.
            if tag.len() > 16 {
                ctx.report(
                    &MID_TOO_LONG,
                    at,
                    format!(
                        "mid `{tag}` is {} bytes long; the RTP `sdes:mid` header extension carries at most 16",
                        tag.len()
                    ),
                );
            }
            // RFC 5888 §4: identification-tag = token.
            if !mid.is_token() {
                ctx.report(
                    &MID_NOT_TOKEN,
                    at,
                    format!("mid `{tag}` holds characters that are not allowed in a token"),
                );
            }
        }
        // RFC 9429 §5.2.1: every m= section gets an `a=mid`.
        if !media.has_attribute("mid") && !ctx.is_rejected_media(media) {
            ctx.report_help(
                &MISSING_MID,
                ctx.mline_loc(m),
                format!("media section {} has no `a=mid`", m + 1),
                "add `a=mid:<tag>` with a tag unique in the description",
            );
        }
    }
    by_mid
}

/// Groups: unknown mids, BUNDLE membership, the tagged section, empty groups. Returns the
/// mids that are in a BUNDLE group.
fn check_groups<'s>(
    ctx: &mut Ctx<'s, '_>,
    by_mid: &HashMap<&'s str, (usize, usize)>,
) -> HashMap<&'s str, usize> {
    let session = ctx.session();
    // mid -> the line (1-based) of the BUNDLE group that lists it first.
    let mut bundled: HashMap<&'s str, usize> = HashMap::new();
    for (i, line, group) in typed_lines::<Group>(&ctx.attrs(), session.lines(), None) {
        let value = value_of(line);
        let loc = ctx.session_loc(i);
        let is_bundle = group.semantics() == GroupSemantics::Bundle;
        for mid in group.mids() {
            let at = loc.in_value(line, offset_of(value, mid), mid.len());
            // RFC 5888 §5: the tags of a group are the mids of media sections.
            if !by_mid.contains_key(mid) {
                ctx.report(
                    &GROUP_UNKNOWN_MID,
                    at,
                    format!(
                        "`a=group:{}` names mid `{mid}`, which no media section has",
                        group.semantics_str()
                    ),
                );
            }
            if !is_bundle {
                continue;
            }
            // RFC 9143 §5: a media section is in at most one BUNDLE group.
            match bundled.entry(mid) {
                Entry::Occupied(first) => {
                    let message = if *first.get() == loc.line {
                        format!("mid `{mid}` is listed twice in this BUNDLE group")
                    } else {
                        format!(
                            "mid `{mid}` is already in the BUNDLE group on line {}",
                            first.get()
                        )
                    };
                    ctx.report(&MID_BUNDLED_TWICE, at, message);
                }
                Entry::Vacant(slot) => {
                    slot.insert(loc.line);
                }
            }
        }
        if !is_bundle {
            continue;
        }
        // RFC 5888 §5 allows a group without tags; worth knowing for BUNDLE.
        if group.is_empty() {
            ctx.report(
                &EMPTY_BUNDLE_GROUP,
                loc,
                "`a=group:BUNDLE` lists no mid, so nothing is bundled",
            );
        }
        // RFC 9143 §7.2: the first mid is the tagged section, whose transport the group uses.
        let tagged = group.mids().next().and_then(|mid| {
            let (m, _) = by_mid.get(mid)?;
            Some((mid, session.media().get(*m)?))
        });
        if let Some((mid, media)) = tagged {
            let problem = if ctx.is_rejected_media(media) {
                Some("is rejected (port 0)")
            } else if media.has_attribute("bundle-only") {
                Some("is `bundle-only`")
            } else {
                None
            };
            if let Some(problem) = problem {
                ctx.report_help(
                    &BUNDLE_TAG_UNUSABLE,
                    loc.in_value(line, offset_of(value, mid), mid.len()),
                    format!("the first mid of the BUNDLE group, `{mid}`, {problem}"),
                    "list first a section with a real port, and drop the mids of rejected sections",
                );
            }
        }
    }
    bundled
}

/// `a=bundle-only`: port 0 and membership of a BUNDLE group.
fn check_bundle_only(ctx: &mut Ctx<'_, '_>, bundled: &HashMap<&str, usize>) {
    let session = ctx.session();
    for (m, media) in session.media().iter().enumerate() {
        let Some(i) = media
            .lines()
            .iter()
            .position(|l| l.is_attribute("bundle-only"))
        else {
            continue;
        };
        let loc = ctx.media_loc(m, i);
        // RFC 9143 §6: a bundle-only section has port 0, so that a peer without BUNDLE
        // support leaves it.
        if let Some(port) = media.port().filter(|&p| p != 0) {
            ctx.report_help(
                &BUNDLE_ONLY_WITH_PORT,
                loc,
                format!("`a=bundle-only` on a section with port {port}"),
                "set the port of the `m=` line to 0",
            );
        }
        // RFC 9143 §6: a bundle-only section is usable only inside a BUNDLE group.
        let in_group = media
            .first::<Mid>()
            .is_some_and(|mid| bundled.contains_key(mid.as_str()));
        if !in_group {
            let message = match media.first::<Mid>() {
                Some(mid) => format!("`a=bundle-only` on mid `{mid}`, which no BUNDLE group lists"),
                None => {
                    "`a=bundle-only` on a section without a mid, which no BUNDLE group can list"
                        .to_owned()
                }
            };
            ctx.report(&BUNDLE_ONLY_OUTSIDE_BUNDLE, loc, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{codes, edit, RFC8866, WEBRTC};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    #[test]
    fn duplicate_mid_fires_when_two_sections_share_a_mid() {
        let text = edit(WEBRTC, "a=mid:1\r\n", "a=mid:0\r\n");
        let d = find(&text, "SDP0201");
        assert_eq!((d.line(), d.column()), (43, 7));
        assert_eq!(d.message(), "mid `0` is already used on line 19");
    }

    #[test]
    fn duplicate_mid_is_silent_on_distinct_mids() {
        assert!(!webrtc(WEBRTC).contains(&"SDP0201"));
    }

    #[test]
    fn mid_too_long_fires_when_mid_exceeds_16_bytes() {
        let long = "abcdefghijklmnopq";
        let text = edit(WEBRTC, "a=mid:2\r\n", &format!("a=mid:{long}\r\n"));
        let text = edit(&text, "BUNDLE 0 1 2", &format!("BUNDLE 0 1 {long}"));
        assert_eq!(webrtc(&text), ["SDP0202"]);
    }

    #[test]
    fn mid_too_long_is_silent_at_16_bytes() {
        let long = "abcdefghijklmnop";
        let text = edit(WEBRTC, "a=mid:2\r\n", &format!("a=mid:{long}\r\n"));
        let text = edit(&text, "BUNDLE 0 1 2", &format!("BUNDLE 0 1 {long}"));
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn group_unknown_mid_fires_when_group_names_a_missing_mid() {
        let text = edit(WEBRTC, "BUNDLE 0 1 2", "BUNDLE 0 1 2 3");
        let d = find(&text, "SDP0203");
        assert_eq!((d.line(), d.column()), (5, 22));
        assert_eq!(
            d.message(),
            "`a=group:BUNDLE` names mid `3`, which no media section has"
        );
    }

    #[test]
    fn group_unknown_mid_is_silent_when_every_mid_exists() {
        let text = edit(
            WEBRTC,
            "a=group:BUNDLE 0 1 2\r\n",
            "a=group:BUNDLE 0 1 2\r\na=group:LS 0 1\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn mid_bundled_twice_fires_when_a_mid_is_in_two_bundle_groups() {
        let text = edit(
            WEBRTC,
            "a=group:BUNDLE 0 1 2\r\n",
            "a=group:BUNDLE 0 1\r\na=group:BUNDLE 2 1\r\n",
        );
        let d = find(&text, "SDP0204");
        assert_eq!(
            d.message(),
            "mid `1` is already in the BUNDLE group on line 5"
        );
        let twice = edit(WEBRTC, "BUNDLE 0 1 2", "BUNDLE 0 1 2 1");
        assert_eq!(webrtc(&twice), ["SDP0204"]);
    }

    #[test]
    fn mid_bundled_twice_is_silent_for_disjoint_groups() {
        let text = edit(
            WEBRTC,
            "a=group:BUNDLE 0 1 2\r\n",
            "a=group:BUNDLE 0 1\r\na=group:BUNDLE 2\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn bundle_only_with_port_fires_when_port_is_not_zero() {
        let text = edit(WEBRTC, "a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
        let d = find(&text, "SDP0205");
        assert_eq!(d.message(), "`a=bundle-only` on a section with port 9");
        assert_eq!(d.line(), 44);
    }

    #[test]
    fn bundle_only_with_port_is_silent_on_port_zero() {
        let text = edit(WEBRTC, "a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
        let text = edit(&text, "m=video 9 ", "m=video 0 ");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn bundle_only_outside_bundle_fires_when_no_group_lists_the_mid() {
        let text = edit(WEBRTC, "a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
        let text = edit(&text, "m=video 9 ", "m=video 0 ");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 0 2");
        assert_eq!(webrtc(&text), ["SDP0206"]);
    }

    #[test]
    fn bundle_only_outside_bundle_is_silent_when_bundled() {
        let text = edit(WEBRTC, "a=mid:2\r\n", "a=mid:2\r\na=bundle-only\r\n");
        let text = edit(&text, "m=application 9 ", "m=application 0 ");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn missing_mid_fires_when_a_webrtc_section_has_no_mid() {
        let text = edit(WEBRTC, "a=mid:2\r\n", "");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 0 1");
        let d = find(&text, "SDP0207");
        assert_eq!((d.line(), d.column()), (70, 1));
        assert_eq!(webrtc(&text), ["SDP0207"]);
    }

    #[test]
    fn missing_mid_is_silent_on_rejected_sections_and_other_profiles() {
        let text = edit(WEBRTC, "a=mid:2\r\n", "");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 0 1");
        let text = edit(&text, "m=application 9 ", "m=application 0 ");
        assert!(!webrtc(&text).contains(&"SDP0207"));
        assert!(codes(RFC8866, Profile::Rfc8866).is_empty());
    }

    #[test]
    fn bundle_tag_unusable_fires_when_the_first_mid_is_rejected() {
        let text = edit(WEBRTC, "m=audio 9 ", "m=audio 0 ");
        let d = find(&text, "SDP0208");
        assert_eq!(
            d.message(),
            "the first mid of the BUNDLE group, `0`, is rejected (port 0)"
        );
        assert_eq!((d.line(), d.column()), (5, 16));
    }

    #[test]
    fn bundle_tag_unusable_is_silent_when_rejected_mid_is_not_first() {
        let text = edit(WEBRTC, "m=audio 9 ", "m=audio 0 ");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 1 2");
        assert!(!webrtc(&text).contains(&"SDP0208"));
    }

    #[test]
    fn empty_bundle_group_fires_on_group_without_mids() {
        let text = edit(WEBRTC, "a=group:BUNDLE 0 1 2\r\n", "a=group:BUNDLE\r\n");
        assert_eq!(webrtc(&text), ["SDP0209"]);
    }

    #[test]
    fn empty_bundle_group_is_silent_on_the_fixture() {
        assert!(webrtc(WEBRTC).is_empty());
    }

    #[test]
    fn mid_not_token_fires_on_a_semicolon() {
        let text = edit(WEBRTC, "a=mid:2\r\n", "a=mid:2;\r\n");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 0 1 2;");
        assert_eq!(webrtc(&text), ["SDP0210"]);
    }

    #[test]
    fn mid_not_token_is_silent_on_token_mids() {
        let text = edit(WEBRTC, "a=mid:2\r\n", "a=mid:data-0_x\r\n");
        let text = edit(&text, "BUNDLE 0 1 2", "BUNDLE 0 1 data-0_x");
        assert!(webrtc(&text).is_empty());
    }
}
