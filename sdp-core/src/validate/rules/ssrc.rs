//! Sources and streams (`SDP06xx`): `a=ssrc`, `a=ssrc-group` (RFC 5576), `a=msid` (RFC 8830).

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::bundle::{bundle_groups, offset_of, typed_lines, value_of};
use crate::attr::msid::Msid;
use crate::attr::ssrc::{Ssrc, SsrcGroup, SsrcSemantics};
use crate::line::Line;
use crate::media::Media;
use crate::validate::{lints, Ctx};

lints! {
    SSRC_GROUP_UNKNOWN_SSRC = "SDP0601" "ssrc-group-unknown-ssrc" Warning [all] "RFC 5576 §4.2",
        title: "an `a=ssrc-group` member has no `a=ssrc` line",
        explanation: "The SSRCs of `a=ssrc-group` are sources described by `a=ssrc` lines of the same section. A member without one has no CNAME of its own, and stacks that build streams from the `a=ssrc` lines (libwebrtc among them) may drop the RTX or FEC stream it names. Some senders (ffmpeg's WHIP muxer) write the group alone.",
        wrong: "a=ssrc-group:FID 1001 1002\na=ssrc:1001 cname:x",
        right: "a=ssrc-group:FID 1001 1002\na=ssrc:1001 cname:x\na=ssrc:1002 cname:x";
    DUPLICATE_SSRC_IN_GROUP = "SDP0602" "duplicate-ssrc-in-group" Error [all] "RFC 5576 §4.2",
        title: "an SSRC appears twice in one `a=ssrc-group`",
        explanation: "A group relates different sources (a stream and its retransmission, simulcast layers). Listing a source twice relates it to itself, which is meaningless; libwebrtc refuses the description.",
        wrong: "a=ssrc-group:FID 1234 1234",
        right: "a=ssrc-group:FID 1234 1235";
    SSRC_GROUP_SIZE = "SDP0603" "ssrc-group-size" Error [all] "RFC 4588 §8.7",
        title: "`FID` group without exactly 2 SSRCs, or `FEC-FR` group with fewer than 2",
        explanation: "An `FID` group pairs a stream with its retransmission stream (RFC 4588) and so has exactly two SSRCs; an `FEC-FR` group (RFC 5956 §4.3) needs at least a source and a repair stream. Other sizes leave the receiver unable to tell which stream repairs which.",
        wrong: "a=ssrc-group:FID 1001 1002 1003",
        right: "a=ssrc-group:FID 1001 1002";
    SSRC_WITHOUT_CNAME = "SDP0604" "ssrc-without-cname" Warning [Webrtc] "RFC 5576 §6.1",
        title: "an SSRC has no `cname`",
        explanation: "Every source described with `a=ssrc` carries a `cname` source attribute: the CNAME ties the RTP streams of one endpoint together for synchronisation. Without it the receiver learns the CNAME only from RTCP, and lip sync starts late or not at all.",
        wrong: "a=ssrc:1001 msid:stream track",
        right: "a=ssrc:1001 cname:4TOk42mSjXCkVIa6\na=ssrc:1001 msid:stream track";
    SSRC_MSID_MALFORMED = "SDP0605" "ssrc-msid-malformed" Error [all] "RFC 8830 §2",
        title: "`a=ssrc:<n> msid:` value is not `<stream id> [<track id>]`",
        explanation: "The `msid` source attribute (the legacy Plan B form) carries the same value as `a=msid`: a stream id of 1-64 token characters, optionally a space and a track id of 1-64 token characters. Peers that read it split it the same way and refuse other values.",
        wrong: "a=ssrc:1001 msid:stream track extra",
        right: "a=ssrc:1001 msid:stream track";
    MSID_TRACK_CONFLICT = "SDP0606" "msid-track-conflict" Error [all] "RFC 8830 §2",
        title: "`a=msid` lines of one section name different tracks",
        explanation: "A media section carries one track, which may belong to several streams: several `a=msid` lines are fine, but they must name the same track id (msid-appdata). Different track ids in one section are a contradiction; libwebrtc refuses the description.",
        wrong: "a=msid:stream1 track1\na=msid:stream2 track2",
        right: "a=msid:stream1 track1\na=msid:stream2 track1";
    SSRC_MSID_MISMATCH = "SDP0607" "ssrc-msid-mismatch" Warning [all] "RFC 8830 §2",
        title: "`a=ssrc:<n> msid:` disagrees with the section's `a=msid`",
        explanation: "Older endpoints announce the stream and track per SSRC (`a=ssrc:<n> msid:`), newer ones per section (`a=msid`). When both are present they should say the same thing; stacks read one or the other, so a disagreement gives different tracks on different peers.",
        wrong: "a=msid:stream track\na=ssrc:1001 msid:stream other",
        right: "a=msid:stream track\na=ssrc:1001 msid:stream track";
    MSID_TRAILING_SPACE = "SDP0608" "msid-trailing-space" Warning [all] "RFC 8830 §2",
        title: "`a=msid` ends with a space but no track id",
        explanation: "`a=msid:<stream id> ` with a trailing space announces a track id (msid-appdata) and then leaves it out. Most parsers drop the space; libwebrtc refuses the line as a missing track id. Remove the space, or write the track id.",
        wrong: "a=msid:stream ",
        right: "a=msid:stream track";
    DUPLICATE_SSRC = "SDP0609" "duplicate-ssrc" Error [all] "RFC 3550 §8",
        title: "the same SSRC in two sections of one BUNDLE group",
        explanation: "An SSRC identifies one source within an RTP session, and the sections of a BUNDLE group share one session. The same SSRC in two bundled sections makes the receiver route one section's packets to the other; browsers refuse the description.",
        wrong: "a=group:BUNDLE 0 1\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=ssrc:1001 cname:x\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=ssrc:1001 cname:x",
        right: "a=group:BUNDLE 0 1\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=ssrc:1001 cname:x\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=ssrc:2001 cname:x";
    SSRC_WITHOUT_ATTRIBUTE = "SDP0610" "ssrc-without-attribute" Warning [all] "RFC 5576 §4.1",
        title: "`a=ssrc:<n>` without a source attribute",
        explanation: "`a=ssrc` attaches a source attribute (`cname:...`, `msid:...`) to an SSRC; the grammar has no bare form. Firefox's parser accepts `a=ssrc:<n>` alone, others refuse the line.",
        wrong: "a=ssrc:1001",
        right: "a=ssrc:1001 cname:4TOk42mSjXCkVIa6";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    for (m, media) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(media) {
            continue;
        }
        check_sources(ctx, m, media);
        check_groups(ctx, m, media);
        check_msid(ctx, m, media);
    }
    check_bundled_ssrcs(ctx);
}

/// The location of the SSRC at the start of an `a=ssrc` line's value.
fn ssrc_loc(ctx: &Ctx<'_, '_>, m: usize, i: usize, line: &Line<'_>) -> crate::validate::Loc {
    let len = value_of(line)
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    ctx.media_loc(m, i).in_value(line, 0, len)
}

/// `a=ssrc` lines: a source attribute on each, a `cname` for each SSRC.
fn check_sources(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    // SSRC -> (index of its first line, whether it has a cname), in order of appearance.
    let mut sources: Vec<(u32, usize, bool)> = Vec::new();
    let mut index: HashMap<u32, usize> = HashMap::new();
    for (i, line, ssrc) in typed_lines::<Ssrc>(&ctx.attrs(), media.lines(), Some(m)) {
        // RFC 5576 §4.1: ssrc-attr = "ssrc:" ssrc-id SP attribute.
        if ssrc.attribute.is_empty() {
            ctx.report_help(
                &SSRC_WITHOUT_ATTRIBUTE,
                ssrc_loc(ctx, m, i, line),
                format!("`a=ssrc:{}` has no source attribute", ssrc.ssrc),
                format!(
                    "describe the source, e.g. `a=ssrc:{} cname:<cname>`",
                    ssrc.ssrc
                ),
            );
        }
        let has_cname = ssrc.attribute == "cname";
        match index.entry(ssrc.ssrc) {
            Entry::Occupied(slot) => {
                if let Some(source) = sources.get_mut(*slot.get()) {
                    source.2 |= has_cname;
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(sources.len());
                sources.push((ssrc.ssrc, i, has_cname));
            }
        }
    }
    for (ssrc, i, has_cname) in sources {
        // RFC 5576 §6.1: every source described in SDP has a `cname`.
        if !has_cname {
            let Some(line) = media.lines().get(i) else {
                continue;
            };
            ctx.report_help(
                &SSRC_WITHOUT_CNAME,
                ssrc_loc(ctx, m, i, line),
                format!("SSRC {ssrc} has no `cname`"),
                format!("add `a=ssrc:{ssrc} cname:<cname>`, with the CNAME of the other sources"),
            );
        }
    }
}

/// `a=ssrc-group` lines: members declared, no repeats, the size of FID and FEC-FR groups.
fn check_groups(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    let declared: HashSet<u32> = media.typed::<Ssrc>().map(|s| s.ssrc).collect();
    for (i, line, group) in typed_lines::<SsrcGroup>(&ctx.attrs(), media.lines(), Some(m)) {
        let value = value_of(line);
        let loc = ctx.media_loc(m, i);
        let semantics = group.semantics_str();
        let mut seen: HashSet<u32> = HashSet::new();
        for token in group
            .ssrcs_str()
            .split([' ', '\t'])
            .filter(|t| !t.is_empty())
        {
            let Ok(ssrc) = token.parse::<u32>() else {
                continue;
            };
            let at = loc.in_value(line, offset_of(value, token), token.len());
            // RFC 5576 §4.2: a group relates distinct sources.
            if !seen.insert(ssrc) {
                ctx.report(
                    &DUPLICATE_SSRC_IN_GROUP,
                    at,
                    format!("SSRC {ssrc} is listed twice in `a=ssrc-group:{semantics}`"),
                );
                continue;
            }
            // RFC 5576 §4.2: the members are sources of this section, described by `a=ssrc`.
            if !declared.contains(&ssrc) {
                ctx.report_help(
                    &SSRC_GROUP_UNKNOWN_SSRC,
                    at,
                    format!("SSRC {ssrc} of `a=ssrc-group:{semantics}` has no `a=ssrc` line"),
                    format!("add `a=ssrc:{ssrc} cname:<cname>`"),
                );
            }
        }
        // RFC 4588 §8.7: FID pairs a stream with its retransmission stream;
        // RFC 5956 §4.3: FEC-FR groups at least one source and one repair stream.
        let count = group.ssrcs().count();
        let problem = match group.semantics() {
            SsrcSemantics::Fid if count != 2 => Some("exactly 2"),
            SsrcSemantics::FecFr if count < 2 => Some("at least 2"),
            _ => None,
        };
        if let Some(expected) = problem {
            ctx.report(
                &SSRC_GROUP_SIZE,
                loc,
                format!("`a=ssrc-group:{semantics}` lists {count} SSRCs; it needs {expected}"),
            );
        }
    }
}

/// `a=msid` lines and the `msid` source attribute.
fn check_msid(ctx: &mut Ctx<'_, '_>, m: usize, media: &Media<'_>) {
    let msids: Vec<(usize, &Line<'_>, Msid<'_>)> =
        typed_lines::<Msid>(&ctx.attrs(), media.lines(), Some(m)).collect();
    let mut track: Option<(&str, usize)> = None;
    for &(i, line, msid) in &msids {
        let loc = ctx.media_loc(m, i);
        let value = value_of(line);
        // RFC 8830 §2: msid-value = msid-id [ SP msid-appdata ]; a space with nothing after
        // it announces an appdata that is not there.
        let text = line.text();
        let trimmed = text.trim_end_matches([' ', '\t']);
        if msid.appdata.is_none() && trimmed.len() < text.len() {
            ctx.report_help(
                &MSID_TRAILING_SPACE,
                loc.in_value(line, value.len(), text.len() - trimmed.len()),
                format!(
                    "`a=msid:{}` is followed by white space but no track id",
                    msid.id
                ),
                "remove the trailing white space, or add the track id",
            );
        }
        // RFC 8830 §2: several `a=msid` lines put one track in several streams.
        let Some(appdata) = msid.appdata else {
            continue;
        };
        match track {
            None => track = Some((appdata, loc.line)),
            Some((first, first_line)) if first != appdata => {
                ctx.report(
                    &MSID_TRACK_CONFLICT,
                    loc.in_value(line, offset_of(value, appdata), appdata.len()),
                    format!(
                        "track id `{appdata}` differs from `{first}` on line {first_line}; a section carries one track"
                    ),
                );
            }
            Some(_) => {}
        }
    }
    // Stream id -> (whether one of its `a=msid` lines has no track id, its track ids).
    let mut section: HashMap<&str, (bool, HashSet<&str>)> = HashMap::new();
    for (_, _, msid) in &msids {
        let entry = section.entry(msid.id).or_default();
        match msid.appdata {
            Some(track) => {
                entry.1.insert(track);
            }
            None => entry.0 = true,
        }
    }
    for (i, line, ssrc) in typed_lines::<Ssrc>(&ctx.attrs(), media.lines(), Some(m)) {
        let Some(parsed) = ssrc.msid() else {
            continue;
        };
        let value = value_of(line);
        let msid_value = ssrc.value.unwrap_or_default();
        let loc = ctx.media_loc(m, i);
        let at = loc.in_value(line, offset_of(value, msid_value), msid_value.len());
        match parsed {
            // RFC 8830 §2: msid-id and msid-appdata are 1-64 token characters each.
            Err(err) => ctx.report(
                &SSRC_MSID_MALFORMED,
                at,
                format!(
                    "`msid:{msid_value}` of SSRC {}: expected {} at offset {}",
                    ssrc.ssrc, err.expected, err.offset
                ),
            ),
            // RFC 8830 §2: the per-SSRC msid repeats the section's `a=msid`.
            Ok(source) => {
                if msids.is_empty() {
                    continue;
                }
                // A missing track id, or the section's `-` (no stream), leaves that part open.
                let agrees = [source.id, "-"].iter().any(|id| {
                    section.get(id).is_some_and(|(any_track, tracks)| {
                        *any_track || source.appdata.map_or(true, |t| tracks.contains(t))
                    })
                });
                if !agrees {
                    ctx.report(
                        &SSRC_MSID_MISMATCH,
                        at,
                        format!(
                            "SSRC {} says `msid:{source}` but the section says `a=msid:{}`",
                            ssrc.ssrc,
                            msids
                                .first()
                                .map(|(_, _, s)| s.to_string())
                                .unwrap_or_default()
                        ),
                    );
                }
            }
        }
    }
}

/// The same SSRC in two sections of one BUNDLE group.
fn check_bundled_ssrcs(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    for group in bundle_groups(ctx) {
        // SSRC -> (section, 1-based line) where it was first declared.
        let mut owner: HashMap<u32, (usize, usize)> = HashMap::new();
        for &m in &group {
            let Some(media) = session
                .media()
                .get(m)
                .filter(|media| !ctx.is_rejected_media(media))
            else {
                continue;
            };
            let mut reported: HashSet<u32> = HashSet::new();
            for (i, line, ssrc) in typed_lines::<Ssrc>(&ctx.attrs(), media.lines(), Some(m)) {
                let loc = ssrc_loc(ctx, m, i, line);
                match owner.entry(ssrc.ssrc) {
                    Entry::Vacant(slot) => {
                        slot.insert((m, loc.line));
                    }
                    // RFC 3550 §8: an SSRC is unique within an RTP session; RFC 9143 §9.1:
                    // a BUNDLE group is one RTP session.
                    Entry::Occupied(first) => {
                        let (first_m, first_line) = *first.get();
                        if first_m != m && reported.insert(ssrc.ssrc) {
                            ctx.report(
                                &DUPLICATE_SSRC,
                                loc,
                                format!(
                                    "SSRC {} is already used on line {first_line}, in another section of the same BUNDLE group",
                                    ssrc.ssrc
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{codes, edit, SIP, WEBRTC};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    #[test]
    fn ssrc_group_unknown_ssrc_fires_when_a_member_is_not_declared() {
        let text = edit(WEBRTC, "a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\n", "");
        let d = find(&text, "SDP0601");
        assert_eq!(
            d.message(),
            "SSRC 2002 of `a=ssrc-group:FID` has no `a=ssrc` line"
        );
        assert_eq!((d.line(), d.column()), (67, 23));
        assert_eq!(webrtc(&text), ["SDP0601"]);
    }

    #[test]
    fn ssrc_group_unknown_ssrc_is_silent_when_members_are_declared() {
        assert!(webrtc(WEBRTC).is_empty());
    }

    #[test]
    fn duplicate_ssrc_in_group_fires_on_a_repeated_member() {
        let text = edit(WEBRTC, "FID 2001 2002", "FID 2001 2001");
        let d = find(&text, "SDP0602");
        assert_eq!(
            d.message(),
            "SSRC 2001 is listed twice in `a=ssrc-group:FID`"
        );
        assert_eq!(d.column(), 23);
    }

    #[test]
    fn duplicate_ssrc_in_group_is_silent_on_distinct_members() {
        let text = edit(WEBRTC, "FID 2001 2002", "FID 2002 2001");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn ssrc_group_size_fires_on_a_three_member_fid_group() {
        let text = edit(WEBRTC, "FID 2001 2002", "FID 2001 2002 2003");
        let text = edit(
            &text,
            "a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\n",
            "a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\na=ssrc:2003 cname:4TOk42mSjXCkVIa6\r\n",
        );
        let d = find(&text, "SDP0603");
        assert_eq!(
            d.message(),
            "`a=ssrc-group:FID` lists 3 SSRCs; it needs exactly 2"
        );
        assert_eq!(webrtc(&text), ["SDP0603"]);
    }

    #[test]
    fn ssrc_group_size_is_silent_on_sim_groups_of_three() {
        let text = edit(WEBRTC, "FID 2001 2002", "SIM 2001 2002 2003");
        let text = edit(
            &text,
            "a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\n",
            "a=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\na=ssrc:2003 cname:4TOk42mSjXCkVIa6\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn ssrc_without_cname_fires_when_no_line_gives_a_cname() {
        let text = edit(WEBRTC, "a=ssrc:1001 cname:4TOk42mSjXCkVIa6\r\n", "");
        assert_eq!(webrtc(&text), ["SDP0604"]);
        let d = find(&text, "SDP0604");
        assert_eq!(d.message(), "SSRC 1001 has no `cname`");
    }

    #[test]
    fn ssrc_without_cname_is_silent_outside_webrtc() {
        let text = edit(SIP, "a=sendrecv\r\n", "a=sendrecv\r\na=ssrc:5 msid:s t\r\n");
        assert!(codes(&text, Profile::Sip).is_empty());
    }

    #[test]
    fn ssrc_msid_malformed_fires_on_three_words() {
        let text = edit(
            WEBRTC,
            "a=ssrc:1001 msid:stream audio-track",
            "a=ssrc:1001 msid:stream audio-track x",
        );
        let d = find(&text, "SDP0605");
        assert_eq!(d.column(), 18);
        assert_eq!(webrtc(&text), ["SDP0605"]);
    }

    #[test]
    fn ssrc_msid_malformed_is_silent_on_a_stream_id_alone() {
        let text = edit(
            WEBRTC,
            "a=ssrc:1001 msid:stream audio-track",
            "a=ssrc:1001 msid:stream",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn msid_track_conflict_fires_on_two_track_ids() {
        let text = edit(
            WEBRTC,
            "a=msid:stream audio-track\r\n",
            "a=msid:stream audio-track\r\na=msid:other other-track\r\n",
        );
        let d = find(&text, "SDP0606");
        assert_eq!(
            d.message(),
            "track id `other-track` differs from `audio-track` on line 23; a section carries one track"
        );
        assert_eq!((d.line(), d.column()), (24, 14));
    }

    #[test]
    fn msid_track_conflict_is_silent_on_one_track_in_two_streams() {
        let text = edit(
            WEBRTC,
            "a=msid:stream audio-track\r\n",
            "a=msid:stream audio-track\r\na=msid:other audio-track\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn ssrc_msid_mismatch_fires_when_source_and_section_disagree() {
        let text = edit(
            WEBRTC,
            "a=ssrc:1001 msid:stream audio-track",
            "a=ssrc:1001 msid:stream video-track",
        );
        let d = find(&text, "SDP0607");
        assert_eq!(
            d.message(),
            "SSRC 1001 says `msid:stream video-track` but the section says `a=msid:stream audio-track`"
        );
    }

    #[test]
    fn ssrc_msid_mismatch_is_silent_when_section_omits_the_track_or_stream() {
        let text = edit(WEBRTC, "a=msid:stream audio-track", "a=msid:stream");
        assert!(webrtc(&text).is_empty());
        let text = edit(WEBRTC, "a=msid:stream audio-track", "a=msid:- audio-track");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn msid_trailing_space_fires_on_a_missing_track_id() {
        let text = edit(
            WEBRTC,
            "a=msid:stream audio-track\r\n",
            "a=msid:stream \r\n",
        );
        let text = edit(
            &text,
            "a=ssrc:1001 msid:stream audio-track",
            "a=ssrc:1001 msid:stream",
        );
        let d = find(&text, "SDP0608");
        assert_eq!((d.line(), d.column()), (23, 14));
        assert_eq!(webrtc(&text), ["SDP0608"]);
    }

    #[test]
    fn msid_trailing_space_is_silent_without_the_space() {
        let text = edit(WEBRTC, "a=msid:stream audio-track\r\n", "a=msid:stream\r\n");
        let text = edit(
            &text,
            "a=ssrc:1001 msid:stream audio-track",
            "a=ssrc:1001 msid:stream",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn duplicate_ssrc_fires_when_bundled_sections_share_an_ssrc() {
        let text = edit(
            WEBRTC,
            "a=ssrc:2001 cname:4TOk42mSjXCkVIa6",
            "a=ssrc:1001 cname:4TOk42mSjXCkVIa6",
        );
        let text = edit(&text, "FID 2001 2002", "FID 1001 2002");
        let d = find(&text, "SDP0609");
        assert_eq!(
            d.message(),
            "SSRC 1001 is already used on line 33, in another section of the same BUNDLE group"
        );
        assert_eq!(webrtc(&text), ["SDP0609"]);
    }

    #[test]
    fn duplicate_ssrc_is_silent_without_bundle() {
        let text = edit(
            WEBRTC,
            "a=ssrc:2001 cname:4TOk42mSjXCkVIa6",
            "a=ssrc:1001 cname:4TOk42mSjXCkVIa6",
        );
        let text = edit(&text, "FID 2001 2002", "FID 1001 2002");
        let text = edit(&text, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2");
        assert!(!webrtc(&text).contains(&"SDP0609"));
    }

    #[test]
    fn ssrc_without_attribute_fires_on_a_bare_ssrc() {
        let text = edit(
            WEBRTC,
            "a=ssrc:1001 msid:stream audio-track\r\n",
            "a=ssrc:1001 msid:stream audio-track\r\na=ssrc:1001\r\n",
        );
        assert_eq!(webrtc(&text), ["SDP0610"]);
    }

    #[test]
    fn ssrc_without_attribute_is_silent_on_the_fixture() {
        assert!(!webrtc(WEBRTC).contains(&"SDP0610"));
    }
}
