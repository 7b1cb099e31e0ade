//! RTP header extensions (`SDP05xx`): `a=extmap`, `a=extmap-allow-mixed` (RFC 8285).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::bundle::{bundle_groups, typed_lines};
use super::seen::FirstSeen;
use crate::attr::extmap::Extmap;
use crate::line::Line;
use crate::validate::{lints, Ctx, Loc};

lints! {
    DUPLICATE_EXTMAP_ID = "SDP0501" "duplicate-extmap-id" Error [all] "RFC 8285 §5",
        title: "the same extension id is mapped twice",
        explanation: "An `a=extmap` id names one header extension in the RTP packets of a media section (or of every section, at session level), so each id is mapped once. With two mappings the receiver cannot tell which extension a packet carries; libwebrtc refuses the description.",
        wrong: "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\na=extmap:3 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        right: "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\na=extmap:4 urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    EXTMAP_ID_OUT_OF_RANGE = "SDP0502" "extmap-id-out-of-range" Error [all] "RFC 8285 §5",
        title: "extension id outside 1-255 (and 4096-4351)",
        explanation: "RTP header extension ids are 1-14 in the one-byte header form and 1-255 in the two-byte form; 0 is padding. RFC 8285 §7 also lets an offer use 4096-4351 for extensions the answerer should number. Any other id cannot be sent.",
        wrong: "a=extmap:0 urn:ietf:params:rtp-hdrext:sdes:mid",
        right: "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid";
    EXTMAP_TWO_BYTE_ID = "SDP0503" "extmap-two-byte-id" Warning [all] "RFC 8285 §4.2",
        title: "extension id above 14 without `a=extmap-allow-mixed`",
        explanation: "Ids 15-255 only fit the two-byte header form (15 is reserved in the one-byte form). Without `a=extmap-allow-mixed` many stacks, libwebrtc among them, send and expect one-byte headers only, and drop an extension they cannot place. Use ids 1-14, or declare `a=extmap-allow-mixed`.",
        wrong: "a=extmap:15 urn:ietf:params:rtp-hdrext:sdes:mid",
        right: "a=extmap-allow-mixed\na=extmap:15 urn:ietf:params:rtp-hdrext:sdes:mid";
    EXTMAP_BUNDLE_CONFLICT = "SDP0504" "extmap-bundle-conflict" Error [all] "RFC 9143 §9.1",
        title: "one extension id means different extensions in one BUNDLE group",
        explanation: "The sections of a BUNDLE group share one RTP session, and the receiver reads header extensions before it knows which section a packet belongs to (the mid itself is one of them). An id must therefore map to the same extension in every bundled section; browsers refuse a description where it does not.",
        wrong: "a=group:BUNDLE 0 1\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=extmap:3 urn:ietf:params:rtp-hdrext:toffset",
        right: "a=group:BUNDLE 0 1\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=mid:0\na=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\nm=video 9 UDP/TLS/RTP/SAVPF 96\na=mid:1\na=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid";
    EXTMAP_SESSION_AND_MEDIA = "SDP0505" "extmap-session-and-media" Warning [all] "RFC 8285 §5",
        title: "`a=extmap` both at session level and in media sections",
        explanation: "Session-level mappings apply to every section, and each section may add its own; the two sets then share one id space, which is easy to get wrong. libwebrtc refuses descriptions that mix the two levels; write all mappings in the media sections.",
        wrong: "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\nm=audio 9 RTP/AVP 0\na=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid",
        right: "m=audio 9 RTP/AVP 0\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\na=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid";
    DUPLICATE_EXTMAP_URI = "SDP0506" "duplicate-extmap-uri" Warning [all] "RFC 8285 §5",
        title: "the same extension is mapped to two ids",
        explanation: "Mapping one extension twice in a section wastes an id and leaves the peer to guess which id the sender will use. It usually comes from merging two lists of extensions. Mappings that differ in direction or extension attributes, or an encrypted and a plain one (RFC 6904), are distinct and not reported.",
        wrong: "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\na=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid",
        right: "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid";
}

/// An `a=extmap` line with its place.
struct Mapping<'s> {
    loc: Loc,
    line: &'s Line<'s>,
    extmap: Extmap<'s>,
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let session_allows_mixed = session.has_attribute("extmap-allow-mixed");

    let session_maps: Vec<Mapping<'_>> = typed_lines::<Extmap>(&ctx.attrs(), session.lines(), None)
        .map(|(i, line, extmap)| Mapping {
            loc: ctx.session_loc(i),
            line,
            extmap,
        })
        .collect();
    check_scope(ctx, &session_maps, session_allows_mixed);

    let mut media_maps: Vec<Vec<Mapping<'_>>> = Vec::with_capacity(session.media().len());
    for (m, media) in session.media().iter().enumerate() {
        let maps: Vec<Mapping<'_>> = typed_lines::<Extmap>(&ctx.attrs(), media.lines(), Some(m))
            .map(|(i, line, extmap)| Mapping {
                loc: ctx.media_loc(m, i),
                line,
                extmap,
            })
            .collect();
        let allows_mixed = session_allows_mixed || media.has_attribute("extmap-allow-mixed");
        check_scope(ctx, &maps, allows_mixed);
        media_maps.push(maps);
    }

    // RFC 8285 §5: mappings may sit at either level; mixing them is legal but libwebrtc
    // refuses it, and the shared id space invites conflicts.
    if let Some(first_session) = session_maps.first() {
        if let Some(first_media) = media_maps.iter().flatten().next() {
            ctx.report_help(
                &EXTMAP_SESSION_AND_MEDIA,
                first_media.loc,
                format!(
                    "`a=extmap` is also used at session level (line {})",
                    first_session.loc.line
                ),
                "move every `a=extmap` into the media sections",
            );
        }
    }

    // RFC 9143 §9.1: bundled sections form one RTP session, where an id maps to one extension.
    for group in bundle_groups(ctx) {
        let mut by_id: HashMap<u16, &Mapping<'_>> = HashMap::new();
        for &m in &group {
            let live = session
                .media()
                .get(m)
                .is_some_and(|media| !ctx.is_rejected_media(media));
            let Some(maps) = media_maps.get(m).filter(|_| live) else {
                continue;
            };
            for map in maps {
                match by_id.entry(map.extmap.id) {
                    Entry::Vacant(slot) => {
                        slot.insert(map);
                    }
                    Entry::Occupied(first) => {
                        let first = first.get();
                        if first.extmap.uri != map.extmap.uri
                            || first.extmap.encrypted != map.extmap.encrypted
                        {
                            ctx.report(
                                &EXTMAP_BUNDLE_CONFLICT,
                                id_loc(map),
                                format!(
                                    "extension id {} is `{}` here but `{}` on line {}, in the same BUNDLE group",
                                    map.extmap.id, map.extmap.uri, first.extmap.uri, first.loc.line
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The location of the id of an `a=extmap` line.
fn id_loc(map: &Mapping<'_>) -> Loc {
    let value = map
        .line
        .as_attribute()
        .and_then(|a| a.value())
        .unwrap_or_default();
    let len = value.bytes().take_while(u8::is_ascii_digit).count();
    map.loc.in_value(map.line, 0, len)
}

/// The rules within one scope (the session level, or one media section).
fn check_scope(ctx: &mut Ctx<'_, '_>, maps: &[Mapping<'_>], allows_mixed: bool) {
    // The first mapping of each id and of each (URI, encrypted): [`FirstSeen`] scans the
    // handful of a real section and hashes the thousands of a hostile one (issue 7).
    let mut by_id = FirstSeen::new();
    let mut by_uri = FirstSeen::new();
    for map in maps {
        let id = map.extmap.id;
        // Computed only for a report.
        let at = || id_loc(map);
        // RFC 8285 §5: each id is used once per media section (or once at session level).
        if let Some(first) = by_id.first_or_insert(id, map) {
            let also = if first.extmap.uri == map.extmap.uri {
                String::new()
            } else {
                format!(" (for `{}`)", first.extmap.uri)
            };
            ctx.report_help(
                &DUPLICATE_EXTMAP_ID,
                at(),
                format!(
                    "extension id {id} is already mapped on line {}{also}",
                    first.loc.line
                ),
                "give each extension its own id",
            );
        }
        // RFC 8285 §4.2, §4.3: ids are 1-14 (one-byte form) or 1-255 (two-byte form);
        // RFC 8285 §7: an offer may use 4096-4351 for the answerer to renumber.
        if id == 0 || (256..4096).contains(&id) || id > 4351 {
            ctx.report(
                &EXTMAP_ID_OUT_OF_RANGE,
                at(),
                format!("extension id {id} is outside 1-255"),
            );
        } else if (15..=255).contains(&id) && !allows_mixed {
            // RFC 8285 §4.2: 15 is reserved and ids above it do not fit the one-byte form;
            // §6: `extmap-allow-mixed` says both forms may be used.
            ctx.report_help(
                &EXTMAP_TWO_BYTE_ID,
                at(),
                format!("extension id {id} needs the two-byte header form"),
                "use an id from 1 to 14, or add `a=extmap-allow-mixed`",
            );
        }
        // RFC 8285 §5: one id per extension is all a section needs.
        let key = (map.extmap.uri, map.extmap.encrypted);
        if let Some(first) = by_uri.first_or_insert(key, map) {
            // Different directions or extension attributes make different mappings
            // (RFC 8285 §5 shows one URI mapped twice with different attributes).
            let distinct = matches!(
                (first.extmap.direction, map.extmap.direction),
                (Some(a), Some(b)) if a != b
            ) || first.extmap.attributes != map.extmap.attributes;
            if first.extmap.id != id && !distinct {
                ctx.report(
                    &DUPLICATE_EXTMAP_URI,
                    at(),
                    format!(
                        "`{}` is already mapped to id {} on line {}",
                        map.extmap.uri, first.extmap.id, first.loc.line
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{codes, edit, SIP, WEBRTC};
    use crate::validate::tests::fixtures::{find, webrtc};
    use crate::validate::Profile;

    const AUDIO_LEVEL: &str = "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n";

    #[test]
    fn duplicate_extmap_id_fires_when_an_id_is_mapped_twice() {
        let text = edit(
            WEBRTC,
            AUDIO_LEVEL,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:1 urn:ietf:params:rtp-hdrext:toffset\r\n",
        );
        let d = find(&text, "SDP0501");
        assert_eq!((d.line(), d.column()), (21, 10));
        assert_eq!(
            d.message(),
            "extension id 1 is already mapped on line 20 (for `urn:ietf:params:rtp-hdrext:ssrc-audio-level`)"
        );
    }

    #[test]
    fn duplicate_extmap_id_is_silent_when_ids_differ() {
        let text = edit(
            WEBRTC,
            AUDIO_LEVEL,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:2 urn:ietf:params:rtp-hdrext:toffset\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn extmap_id_out_of_range_fires_on_zero_and_above_255() {
        let zero = edit(WEBRTC, "a=extmap:1 urn", "a=extmap:0 urn");
        assert_eq!(webrtc(&zero), ["SDP0502"]);
        let big = edit(WEBRTC, "a=extmap:1 urn", "a=extmap:256 urn");
        let d = find(&big, "SDP0502");
        assert_eq!(d.message(), "extension id 256 is outside 1-255");
        assert_eq!(d.span().map(|s| s.end - s.start), Some(3));
    }

    #[test]
    fn extmap_id_out_of_range_is_silent_on_the_offer_range() {
        let text = edit(WEBRTC, "a=extmap:1 urn", "a=extmap:4096 urn");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn extmap_two_byte_id_fires_without_allow_mixed() {
        let text = edit(WEBRTC, "a=extmap:1 urn", "a=extmap:15 urn");
        let text = edit(&text, "a=extmap-allow-mixed\r\n", "");
        assert_eq!(webrtc(&text), ["SDP0503"]);
    }

    #[test]
    fn extmap_two_byte_id_is_silent_with_allow_mixed() {
        let text = edit(WEBRTC, "a=extmap:1 urn", "a=extmap:15 urn");
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn extmap_bundle_conflict_fires_when_bundled_sections_disagree() {
        let text = edit(
            WEBRTC,
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        );
        let d = find(&text, "SDP0504");
        assert_eq!(
            d.message(),
            "extension id 1 is `urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id` here but \
             `urn:ietf:params:rtp-hdrext:ssrc-audio-level` on line 20, in the same BUNDLE group"
        );
        assert_eq!(d.line(), 45);
    }

    #[test]
    fn extmap_bundle_conflict_is_silent_without_bundle() {
        let text = edit(
            WEBRTC,
            "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        );
        let text = edit(&text, "a=group:BUNDLE 0 1 2\r\n", "a=group:BUNDLE 0 2\r\n");
        assert!(!webrtc(&text).contains(&"SDP0504"));
    }

    #[test]
    fn extmap_session_and_media_fires_when_both_levels_map() {
        let text = edit(
            SIP,
            "t=0 0\r\n",
            "t=0 0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
        );
        let text = edit(
            &text,
            "a=sendrecv\r\n",
            "a=sendrecv\r\na=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n",
        );
        assert_eq!(codes(&text, Profile::Sip), ["SDP0505"]);
    }

    #[test]
    fn extmap_session_and_media_is_silent_with_one_level() {
        let text = edit(
            SIP,
            "t=0 0\r\n",
            "t=0 0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
        );
        assert!(codes(&text, Profile::Sip).is_empty());
    }

    #[test]
    fn duplicate_extmap_uri_fires_when_a_uri_has_two_ids() {
        let text = edit(
            WEBRTC,
            AUDIO_LEVEL,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
        );
        assert_eq!(webrtc(&text), ["SDP0506"]);
    }

    #[test]
    fn duplicate_extmap_uri_is_silent_when_attributes_differ() {
        let text = edit(
            WEBRTC,
            AUDIO_LEVEL,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level vad=on\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }

    #[test]
    fn duplicate_extmap_uri_is_silent_for_encrypted_and_plain_forms() {
        let text = edit(
            WEBRTC,
            AUDIO_LEVEL,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:2 urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n",
        );
        assert!(webrtc(&text).is_empty());
    }
}
