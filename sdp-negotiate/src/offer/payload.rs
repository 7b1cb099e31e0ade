//! Payload types and header-extension ids of an offer: one space each across the BUNDLE group,
//! stable from the previous descriptions (rulebook B1, B16, C3, C7, E5).

use std::collections::HashSet;

use super::previous::{PrevCodec, PrevSlot, Previous};
use crate::config::{CodecConfig, Config, MediaKind};

/// The rtp-stream-id extension simulcast needs (C8, D6).
pub(crate) const RID_URI: &str = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
/// The repaired-rtp-stream-id extension simulcast with RTX needs (D6).
pub(crate) const REPAIRED_RID_URI: &str = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

/// One format of an offered m-section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OfferCodec {
    pub(crate) pt: u8,
    pub(crate) name: String,
    pub(crate) clock_rate: u32,
    pub(crate) channels: Option<u16>,
    pub(crate) fmtp: Option<String>,
    pub(crate) rtcp_fb: Vec<String>,
    /// Whether this is the RTX entry of a primary (RFC 4588).
    pub(crate) is_rtx: bool,
}

/// A codec of the config: its kind, its index in the kind's list, and whether it is the RTX
/// entry of that codec.
type Key = (MediaKind, usize, bool);

/// The session's payload-type table (B16: a PT means one codec across the bundle).
#[derive(Debug, Default)]
pub(crate) struct PayloadTable {
    entries: Vec<(Key, u8)>,
}

pub(crate) fn kind_name(kind: MediaKind) -> &'static str {
    match kind {
        MediaKind::Audio => "audio",
        MediaKind::Video => "video",
        MediaKind::Application => "application",
    }
}

fn codecs_of(config: &Config, kind: MediaKind) -> &[CodecConfig] {
    match kind {
        MediaKind::Audio => &config.audio,
        MediaKind::Video => &config.video,
        MediaKind::Application => &[],
    }
}

/// `k=v;k=v` into lowercase keys (a bare value gets the empty key).
fn params_of(fmtp: Option<&str>) -> Vec<(String, String)> {
    fmtp.unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim().to_owned()),
            None => (String::new(), p.to_owned()),
        })
        .collect()
}

/// B2/B3 (simplified for our own formats): whether a previous format is the config codec.
fn same_codec(config: &CodecConfig, prev: &PrevCodec) -> bool {
    if !config.name.eq_ignore_ascii_case(&prev.name)
        || config.clock_rate != prev.clock_rate
        || config.channels.unwrap_or(1) != prev.channels
    {
        return false;
    }
    let ours = params_of(config.fmtp.as_deref());
    let get = |key: &str, default: &str| {
        ours.iter()
            .find(|(k, _)| k == key)
            .map_or(default.to_ascii_lowercase(), |(_, v)| {
                v.to_ascii_lowercase()
            })
    };
    let theirs = |key: &str, default: &str| prev.param(key).unwrap_or(default).to_ascii_lowercase();
    let eq = |key: &str, default: &str| get(key, default) == theirs(key, default);
    match config.name.to_ascii_lowercase().as_str() {
        // B3: packetization-mode and the profile (the first two bytes), not the level.
        "h264" => {
            let profile = |v: String| v.chars().take(4).collect::<String>();
            eq("packetization-mode", "0")
                && profile(get("profile-level-id", "42e01f"))
                    == profile(theirs("profile-level-id", "42e01f"))
        }
        "vp9" => eq("profile-id", "0"),
        "av1" => eq("profile", "0"),
        "h265" => eq("profile-id", "1") && eq("tier-flag", "0") && eq("tx-mode", "SRST"),
        _ => true,
    }
}

/// The RFC 3551 static payload type of a config codec, if it has one (G6; Chrome offers PCMU
/// as 0, PCMA as 8, G722 as 9, CN as 13).
fn static_pt(config: &CodecConfig) -> Option<u8> {
    (0..35).find(|&pt| {
        sdp_core::codec::static_payload_type(pt).is_some_and(|s| {
            s.encoding_name.eq_ignore_ascii_case(&config.name)
                && s.clock_rate == config.clock_rate
                && s.channels.unwrap_or(1) == config.channels.unwrap_or(1)
        })
    })
}

impl PayloadTable {
    /// Allocates a PT to every codec (and RTX) of `kinds`: the previous PT when a previous
    /// description used one for the same codec (E5), otherwise a free one, 96-127 first, then
    /// 35-63, never 64-95 (B1, RFC 5761 §4), never one the previous descriptions gave another
    /// codec. Codecs that find no free PT are left out of the offer.
    pub(crate) fn build(config: &Config, kinds: &[MediaKind], prev: &Previous) -> PayloadTable {
        let mut table = PayloadTable::default();
        let mut taken: HashSet<u8> = HashSet::new();
        for &kind in kinds {
            for (i, codec) in codecs_of(config, kind).iter().enumerate() {
                let same_kind = || prev.slots.iter().filter(|s| s.kind == kind_name(kind));
                let found = same_kind().find_map(|slot| {
                    slot.answer_codecs
                        .iter()
                        .chain(&slot.other_codecs)
                        .find(|c| !taken.contains(&c.pt) && same_codec(codec, c))
                });
                let Some(found) = found else { continue };
                taken.insert(found.pt);
                table.entries.push(((kind, i, false), found.pt));
                if !codec.rtx {
                    continue;
                }
                let apt = found.pt.to_string();
                let rtx = same_kind().find_map(|slot| {
                    slot.answer_codecs
                        .iter()
                        .chain(&slot.other_codecs)
                        .find(|c| {
                            c.name.eq_ignore_ascii_case("rtx")
                                && c.param("apt") == Some(apt.as_str())
                                && !taken.contains(&c.pt)
                        })
                });
                if let Some(rtx) = rtx {
                    taken.insert(rtx.pt);
                    table.entries.push(((kind, i, true), rtx.pt));
                }
            }
        }
        let mut free = (96..=127u8)
            .chain(35..=63)
            .filter(|pt| !prev.payload_types.contains(pt));
        for &kind in kinds {
            for (i, codec) in codecs_of(config, kind).iter().enumerate() {
                for rtx in [false, true] {
                    if (rtx && !codec.rtx) || table.get((kind, i, rtx)).is_some() {
                        continue;
                    }
                    let fixed = (!rtx)
                        .then(|| static_pt(codec))
                        .flatten()
                        .filter(|pt| !taken.contains(pt));
                    let pt = fixed.or_else(|| free.by_ref().find(|pt| !taken.contains(pt)));
                    if let Some(pt) = pt {
                        taken.insert(pt);
                        table.entries.push(((kind, i, rtx), pt));
                    }
                }
            }
        }
        table
    }

    fn get(&self, key: Key) -> Option<u8> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, pt)| *pt)
    }

    /// The formats of a `kind` section: the previous answer's order first, new formats after
    /// (E5); otherwise the config's order, each RTX right after its primary.
    pub(crate) fn section_codecs(
        &self,
        config: &Config,
        kind: MediaKind,
        slot: Option<&PrevSlot>,
    ) -> Vec<OfferCodec> {
        let configs = codecs_of(config, kind);
        let mut out: Vec<OfferCodec> = Vec::new();
        for (i, codec) in configs.iter().enumerate() {
            let Some(pt) = self.get((kind, i, false)) else {
                continue;
            };
            let mut fmtp = codec.fmtp.clone();
            if codec.name.eq_ignore_ascii_case("red") && fmtp.is_none() && kind == MediaKind::Audio
            {
                // B11: audio RED names the codec it protects (`111/111`): the first primary
                // with the same clock rate.
                let primary = configs.iter().enumerate().find(|(j, c)| {
                    c.clock_rate == codec.clock_rate
                        && !is_pseudo(&c.name)
                        && self.get((kind, *j, false)).is_some()
                });
                match primary.and_then(|(j, _)| self.get((kind, j, false))) {
                    Some(p) => fmtp = Some(format!("{p}/{p}")),
                    None => continue,
                }
            }
            out.push(OfferCodec {
                pt,
                name: codec.name.clone(),
                clock_rate: codec.clock_rate,
                channels: codec.channels,
                fmtp,
                rtcp_fb: codec.rtcp_fb.clone(),
                is_rtx: false,
            });
            if let Some(rtx) = codec.rtx.then(|| self.get((kind, i, true))).flatten() {
                // B10: one RTX per primary, apt = the primary's PT.
                out.push(OfferCodec {
                    pt: rtx,
                    name: "rtx".to_owned(),
                    clock_rate: codec.clock_rate,
                    channels: None,
                    fmtp: Some(format!("apt={pt}")),
                    rtcp_fb: Vec::new(),
                    is_rtx: true,
                });
            }
        }
        if let Some(slot) = slot {
            // E5: the formats of the most recent answer keep their order, new ones follow.
            let rank = |c: &OfferCodec| {
                slot.answer_codecs
                    .iter()
                    .position(|a| a.pt == c.pt)
                    .unwrap_or(usize::MAX)
            };
            out.sort_by_key(rank);
        }
        out
    }
}

/// RTX, RED, FEC, CN and telephone-event are not primary codecs (B11-B13, B15).
fn is_pseudo(name: &str) -> bool {
    [
        "rtx",
        "red",
        "ulpfec",
        "flexfec-03",
        "cn",
        "telephone-event",
    ]
    .iter()
    .any(|p| name.eq_ignore_ascii_case(p))
}

/// The session's header-extension ids (C3: one space across the bundle, same URI same id).
#[derive(Debug, Default)]
pub(crate) struct ExtensionTable {
    ids: Vec<(String, u16)>,
}

impl ExtensionTable {
    /// Allocates ids to the extensions of `kinds` (and the rid extensions when `simulcast`):
    /// the previous id of the URI when there is one (C7), otherwise the lowest free id in 1-14
    /// (C3: one-byte ids only, never an id the previous descriptions gave another URI).
    /// Extensions that find no free id are left out of the offer.
    pub(crate) fn build(
        config: &Config,
        kinds: &[MediaKind],
        simulcast: bool,
        prev: &Previous,
    ) -> ExtensionTable {
        let mut wanted: Vec<&str> = config
            .header_extensions
            .iter()
            .filter(|e| e.kinds.iter().any(|k| kinds.contains(k)))
            .map(|e| e.uri.as_str())
            .collect();
        if simulcast {
            for uri in [RID_URI, REPAIRED_RID_URI] {
                if !wanted.contains(&uri) {
                    wanted.push(uri);
                }
            }
        }
        let max_kept = if config.extmap_allow_mixed { 255 } else { 14 };
        let mut table = ExtensionTable::default();
        for uri in &wanted {
            if let Some((_, id)) = prev.extmaps.iter().find(|(u, _)| u == uri) {
                if (1..=max_kept).contains(id) && *id != 15 && table.uri_of(*id).is_none() {
                    table.ids.push(((*uri).to_owned(), *id));
                }
            }
        }
        let reserved: HashSet<u16> = prev.extmaps.iter().map(|(_, id)| *id).collect();
        for uri in wanted {
            if table.id_of(uri).is_some() {
                continue;
            }
            let free = (1..=14u16).find(|id| !reserved.contains(id) && table.uri_of(*id).is_none());
            if let Some(id) = free {
                table.ids.push((uri.to_owned(), id));
            }
        }
        table
    }

    fn uri_of(&self, id: u16) -> Option<&str> {
        self.ids
            .iter()
            .find(|(_, i)| *i == id)
            .map(|(u, _)| u.as_str())
    }

    pub(crate) fn id_of(&self, uri: &str) -> Option<u16> {
        self.ids.iter().find(|(u, _)| u == uri).map(|(_, id)| *id)
    }

    /// The `(id, uri)` extmaps of a `kind` section, by id; the rid extensions join a simulcast
    /// section (D6: repaired-rtp-stream-id only with RTX).
    pub(crate) fn section(
        &self,
        config: &Config,
        kind: MediaKind,
        simulcast: bool,
        rtx: bool,
    ) -> Vec<(u16, String)> {
        let mut out: Vec<(u16, String)> = config
            .header_extensions
            .iter()
            .filter(|e| e.kinds.contains(&kind))
            .filter_map(|e| self.id_of(&e.uri).map(|id| (id, e.uri.clone())))
            .collect();
        if simulcast {
            let extra = if rtx {
                &[RID_URI, REPAIRED_RID_URI][..]
            } else {
                &[RID_URI][..]
            };
            for uri in extra {
                if !out.iter().any(|(_, u)| u == uri) {
                    if let Some(id) = self.id_of(uri) {
                        out.push((id, (*uri).to_owned()));
                    }
                }
            }
        }
        out.sort_by_key(|(id, _)| *id);
        out
    }
}
