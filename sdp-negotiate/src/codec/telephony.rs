//! telephone-event (rulebook B12) and comfort noise (B13).

use sdp_core::attr::fmtp::TelephoneEventParams;
use sdp_core::attr::rtp::Fmtp;

use super::matching::{local_fmtp, Kind};
use super::Engine;

impl Engine<'_, '_> {
    /// B12: the telephone-events we support, kept at the clock rates of answered primaries when
    /// any of them has such a rate (otherwise all of them, as libwebrtc); events narrowed.
    pub(super) fn negotiate_telephone_events(&mut self) {
        let supported: Vec<usize> = self
            .open_of(Kind::TelephoneEvent)
            .into_iter()
            .filter(|&i| (0..self.local.len()).any(|li| self.same_codec(i, li)))
            .collect();
        let mut usable = Vec::new();
        for i in supported {
            if (0..self.local.len()).any(|li| self.same_codec(i, li) && self.events_agree(i, li)) {
                usable.push(i);
            } else {
                self.drop_slot(i, "no telephone event in common (B12)");
            }
        }
        let primary_rates: Vec<u32> = self
            .answered_of(Kind::Primary)
            .filter_map(|(slot, _)| slot.codec.clock_rate)
            .collect();
        let rate_of = |engine: &Self, i: usize| {
            engine
                .slots
                .get(i)
                .and_then(|s| s.codec.clock_rate)
                .unwrap_or_default()
        };
        let at_primary_rate = |engine: &Self, i: usize| primary_rates.contains(&rate_of(engine, i));
        if usable.iter().any(|&i| at_primary_rate(self, i)) {
            for i in usable {
                if !at_primary_rate(self, i) {
                    let reason = format!(
                        "telephone-event/{}: no answered codec has this clock rate (B12)",
                        rate_of(self, i)
                    );
                    self.drop_slot(i, reason);
                }
            }
        }
        self.pair_by_config(Kind::TelephoneEvent, |engine, i, li| {
            engine.events_agree(i, li)
        });
    }

    /// Whether offered telephone-event `i` and local config `li` have an event in common.
    fn events_agree(&self, i: usize, li: usize) -> bool {
        let (Some(slot), Some(config)) = (self.slots.get(i), self.local.get(li)) else {
            return false;
        };
        events_answer(local_fmtp(config).as_ref(), slot.codec.fmtp.as_ref()).is_ok()
    }

    /// B13: CN only when VAD is wanted (JSEP §5.3.3.1; libwebrtc `StripCNCodecs`).
    pub(super) fn negotiate_comfort_noise(&mut self) {
        if !self.options.vad {
            for i in self.open_of(Kind::ComfortNoise) {
                self.drop_slot(i, "CN is answered only when VAD is wanted (B13)");
            }
            return;
        }
        self.pair_by_config(Kind::ComfortNoise, |_, _, _| true);
    }
}

/// The events of a telephone-event fmtp (`0-15` without one, or when it does not parse).
fn event_set(fmtp: Option<&Fmtp<'_>>) -> [bool; 256] {
    let params = fmtp
        .and_then(|f| TelephoneEventParams::from_fmtp(f).ok())
        .unwrap_or_default();
    let mut set = [false; 256];
    for range in params.events() {
        for event in range {
            if let Some(bit) = set.get_mut(usize::from(event)) {
                *bit = true;
            }
        }
    }
    set
}

/// B12: the telephone-event fmtp we answer: the offer's text when we support all its events,
/// else the common events as ranges (`0-15,66`); `Err` when there is none in common.
pub(super) fn events_answer(
    ours: Option<&Fmtp<'_>>,
    theirs: Option<&Fmtp<'_>>,
) -> Result<Option<String>, ()> {
    let (our_set, their_set) = (event_set(ours), event_set(theirs));
    let common: Vec<bool> = our_set
        .iter()
        .zip(&their_set)
        .map(|(a, b)| *a && *b)
        .collect();
    if !common.contains(&true) {
        return Err(());
    }
    if common.as_slice() == their_set.as_slice() {
        return Ok(theirs
            .map(|f| f.params_text())
            .filter(|t| !t.is_empty())
            .map(str::to_string));
    }
    let mut ranges: Vec<String> = Vec::new();
    let mut start: Option<usize> = None;
    for (event, &on) in common.iter().chain(std::iter::once(&false)).enumerate() {
        match (on, start) {
            (true, None) => start = Some(event),
            (false, Some(first)) => {
                let last = event - 1;
                ranges.push(if first == last {
                    first.to_string()
                } else {
                    format!("{first}-{last}")
                });
                start = None;
            }
            _ => {}
        }
    }
    Ok(Some(ranges.join(",")))
}
