//! One slot per m-section of the offer: kept, stopped, recycled or new (rulebook E4, E5), the
//! BUNDLE group and bundle-only marks (JSEP §5.2.1, E5).

use std::collections::HashSet;

use super::previous::Previous;
use super::{OfferOptions, Transceiver};
use crate::config::{BundlePolicy, MediaKind};

/// The RTP protocol of new sections (JSEP §5.1.2).
pub(crate) const RTP_PROTO: &str = "UDP/TLS/RTP/SAVPF";
/// The data-channel protocol of new sections (A25).
pub(crate) const DATA_PROTO: &str = "UDP/DTLS/SCTP";

/// One m-section of the offer.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// The media kind, `None` for a kind we do not know (kept at port 0).
    pub(crate) kind: Option<MediaKind>,
    /// The `m=` media token.
    pub(crate) kind_name: String,
    pub(crate) mid: Option<String>,
    /// Port 9 (or bundle-only); `false`: port 0.
    pub(crate) active: bool,
    /// The transceiver it describes.
    pub(crate) transceiver: Option<usize>,
    /// The previous section it continues (same mid), `None` for new and recycled sections.
    pub(crate) continues: Option<usize>,
    /// The previous section at this index, kept or not (for port-0 sections' formats).
    pub(crate) index_prev: Option<usize>,
    pub(crate) proto: String,
    /// JSEP §5.2.1: port 0 with `a=bundle-only` (initial offers only, E5).
    pub(crate) bundle_only: bool,
    /// E4: port 0 in the current local or remote description, so reusable with a new mid.
    recyclable: bool,
    /// Already given to a new transceiver in this offer.
    recycled: bool,
}

struct Mids {
    used: HashSet<String>,
    next: u64,
}

impl Mids {
    /// E4: "0", "1", ... never one the previous descriptions or a transceiver used.
    fn allocate(&mut self) -> String {
        loop {
            let mid = self.next.to_string();
            self.next = self.next.saturating_add(1);
            if self.used.insert(mid.clone()) {
                return mid;
            }
        }
    }
}

pub(crate) fn plan(
    transceivers: &[Transceiver],
    options: &OfferOptions<'_>,
    prev: &Previous,
    policy: BundlePolicy,
) -> Vec<Slot> {
    let mut mids = Mids {
        used: prev.mids.clone(),
        next: 0,
    };
    mids.used
        .extend(prev.slots.iter().filter_map(|s| s.mid.clone()));
    mids.used
        .extend(transceivers.iter().filter_map(|t| t.mid.clone()));
    // E4: never shrink; every previous section keeps its slot, at port 0 unless claimed.
    let mut slots: Vec<Slot> = prev
        .slots
        .iter()
        .enumerate()
        .map(|(i, p)| Slot {
            kind: MediaKind::from_name(&p.kind),
            kind_name: p.kind.clone(),
            mid: p.mid.clone(),
            active: false,
            transceiver: None,
            continues: Some(i),
            index_prev: Some(i),
            proto: p.proto.clone(),
            bundle_only: false,
            recyclable: p.disabled,
            recycled: false,
        })
        .collect();
    let mut new: Vec<Option<usize>> = Vec::new();
    for (ti, t) in transceivers.iter().enumerate() {
        let existing = t.mid.as_deref().and_then(|mid| {
            slots
                .iter_mut()
                .find(|s| s.mid.as_deref() == Some(mid) && s.kind == Some(t.kind))
        });
        match existing {
            Some(slot) => {
                slot.transceiver = Some(ti);
                // E4: a stopped transceiver keeps its slot at port 0; E5: the others keep
                // their mid (a previously rejected one is revived).
                slot.active = !t.stopped;
                if !t.stopped {
                    slot.recyclable = false;
                }
            }
            None if t.stopped => {}
            None => new.push(Some(ti)),
        }
    }
    if options.data_channel {
        let kept = slots
            .iter_mut()
            .find(|s| s.kind == Some(MediaKind::Application) && !s.recyclable);
        match kept {
            Some(slot) => slot.active = true,
            None => new.push(None),
        }
    }
    for entry in new {
        let transceiver = entry.and_then(|ti| transceivers.get(ti).map(|t| (ti, t)));
        let (kind, proto) = match transceiver {
            Some((_, t)) => (t.kind, RTP_PROTO),
            None => (MediaKind::Application, DATA_PROTO),
        };
        // A transceiver given a mid we never saw keeps it (it cannot clash: mids are unique).
        let mid = match transceiver.and_then(|(_, t)| t.mid.clone()) {
            Some(mid) => mid,
            None => mids.allocate(),
        };
        let fresh = Slot {
            kind: Some(kind),
            kind_name: super::payload::kind_name(kind).to_owned(),
            mid: Some(mid),
            active: true,
            transceiver: entry,
            continues: None,
            index_prev: None,
            proto: proto.to_owned(),
            bundle_only: false,
            recyclable: false,
            recycled: false,
        };
        // E4: reuse a port-0 slot with a new mid, possibly of another media type, but never
        // a data section for RTP (Firefox `GetTransceiverForLocal`) nor RTP for data.
        let data = kind == MediaKind::Application;
        let reusable = slots.iter_mut().find(|s| {
            s.recyclable
                && !s.active
                && !s.recycled
                && (s.kind == Some(MediaKind::Application)) == data
                && s.transceiver
                    .and_then(|ti| transceivers.get(ti))
                    .map_or(true, |t| t.stopped)
        });
        match reusable {
            Some(slot) => {
                *slot = Slot {
                    index_prev: slot.index_prev,
                    recycled: true,
                    ..fresh
                };
            }
            None => slots.push(fresh),
        }
    }
    // JSEP §5.2.1: in an initial offer, max-bundle marks every section but the first
    // bundle-only, balanced every section but the first of each media type; max-compat none.
    // E5: never in a subsequent offer.
    if options.previous_local.is_none() && options.previous_remote.is_none() {
        let mut first_seen: Vec<&str> = Vec::new();
        let mut any = false;
        for slot in slots.iter_mut().filter(|s| s.active) {
            slot.bundle_only = match policy {
                BundlePolicy::MaxBundle => any,
                BundlePolicy::Balanced => first_seen.contains(&slot.kind_name.as_str()),
                BundlePolicy::MaxCompat => false,
            };
            any = true;
            if !first_seen.contains(&slot.kind_name.as_str()) {
                first_seen.push(match slot.kind {
                    Some(k) => super::payload::kind_name(k),
                    None => "",
                });
            }
        }
    }
    slots
}

/// E5: the last answer's BUNDLE group minus the sections now at port 0, plus the new and
/// revived mids; the tag (first mid) is therefore never a section being rejected. Initial
/// offers group every active section (JSEP §5.2.1, all policies).
pub(crate) fn bundle_group(slots: &[Slot], prev: &Previous) -> Vec<String> {
    let active: Vec<&str> = slots
        .iter()
        .filter(|s| s.active)
        .filter_map(|s| s.mid.as_deref())
        .collect();
    let mut group: Vec<String> = prev
        .answer_group
        .iter()
        .flatten()
        .filter(|m| active.contains(&m.as_str()))
        .cloned()
        .collect();
    for mid in active {
        if !group.iter().any(|m| m == mid) {
            group.push(mid.to_owned());
        }
    }
    group
}
