//! Repair formats: RTX (rulebook B10), RED, ULPFEC and FlexFEC (B11).

use sdp_core::codec::Codec;

use super::matching::{base_match, Kind};
use super::{Answer, CodecRole, Engine, SlotState};

impl Engine<'_, '_> {
    /// B11: RED over answered primaries only, then ULPFEC (only with RED) and FlexFEC.
    pub(super) fn negotiate_red_and_fec(&mut self) {
        for i in self.open_of(Kind::Red) {
            if let Some(reason) = self.red_problem(i) {
                self.drop_slot(i, reason);
            }
        }
        self.pair_by_config(Kind::Red, |_, _, _| true);

        // B11: ulpfec only together with red (Firefox `JsepTrack::NegotiateCodecs`).
        if self.answered_of(Kind::Red).next().is_none() {
            for i in self.open_of(Kind::Ulpfec) {
                self.drop_slot(i, "ulpfec without an answered red (B11)");
            }
        }
        self.pair_by_config(Kind::Ulpfec, |_, _, _| true);
        // B11: flexfec only if supported, i.e. listed locally.
        self.pair_by_config(Kind::FlexFec, |_, _, _| true);
    }

    /// Why offered RED `i` cannot be answered whatever we support: a listed payload type that
    /// is missing or not an answered primary (B11: the blocks must be codecs both sides use).
    fn red_problem(&self, i: usize) -> Option<String> {
        let codec = self.slots.get(i)?.codec;
        // Video red/90000 has no fmtp: nothing to check.
        let fmtp = codec.fmtp.filter(|f| !f.params_text().is_empty())?;
        let red = match codec.red()? {
            Ok(red) => red,
            Err(e) => {
                return Some(format!(
                    "unparsable red fmtp `{}` ({e})",
                    fmtp.params_text()
                ))
            }
        };
        for pt in red.payload_types() {
            if self.slot_of(pt).is_none() {
                return Some(format!("red lists PT {pt}, which is not in the m-line"));
            }
            if self.answer_of(pt).map(|a| a.role) != Some(CodecRole::Primary) {
                return Some(format!("red over dropped PT {pt} (B11)"));
            }
        }
        None
    }

    /// B10: each offered RTX is answered when it repairs an answered format of its clock rate
    /// that we support RTX for, one RTX per format; otherwise dropped (strict mode: an `apt`
    /// missing from the m-line is an error).
    pub(super) fn negotiate_rtx(&mut self) {
        for i in self.open_of(Kind::Rtx) {
            let Some(slot) = self.slots.get(i) else {
                continue;
            };
            let state = match self.rtx_answer(slot.codec) {
                Ok(answer) => SlotState::Answered(answer),
                Err(reason) => SlotState::Dropped(reason),
            };
            self.set(i, state);
        }
    }

    /// How RTX `rtx` is answered, or why it is dropped.
    fn rtx_answer(&self, rtx: &Codec<'_>) -> Result<Answer, String> {
        let pt = rtx.payload_type;
        let Some(Ok(params)) = rtx.rtx() else {
            return Err("rtx without a valid apt (RFC 4588 §8.1)".to_string());
        };
        let apt = params.apt;
        let Some(target) = self.slot_of(apt) else {
            // B10, JSEP §5.10: "If any referenced primary payload types are not present, this
            // MUST result in an error."
            return Err(if self.options.strict {
                format!(
                    "error: rtx PT {pt} repairs PT {apt}, which is not in the m-line (JSEP §5.10)"
                )
            } else {
                format!(
                    "rtx PT {pt} repairs PT {apt}, which is not in the m-line (an error in \
                     strict mode, JSEP §5.10)"
                )
            });
        };
        let SlotState::Answered(repaired) = &target.state else {
            // B10: drop RTX whose primary was dropped.
            return Err(format!("rtx for dropped PT {apt} (B10)"));
        };
        if target.kind == Kind::Rtx {
            return Err(format!("rtx for PT {apt}, which is itself rtx"));
        }
        // B10: equal clock rates.
        if rtx.clock_rate != target.codec.clock_rate {
            return Err(format!(
                "rtx clock rate differs from that of PT {apt} ({})",
                target.codec.clock_rate.unwrap_or_default()
            ));
        }
        // B10: one RTX per primary.
        if let Some((first, _)) = self
            .answered_of(Kind::Rtx)
            .find(|(_, a)| a.role == CodecRole::Rtx { apt })
        {
            return Err(format!(
                "PT {} is already the rtx for PT {apt} (one per format, B10)",
                first.codec.payload_type
            ));
        }
        // Supported when listed by name at this clock rate, or flagged on the repaired codec.
        let listed = self
            .local
            .iter()
            .position(|c| Kind::of(&c.name) == Kind::Rtx && base_match(self.media, rtx, c));
        let flagged = repaired
            .local
            .and_then(|li| self.local.get(li))
            .is_some_and(|c| c.rtx);
        if listed.is_none() && !flagged {
            return Err(format!("rtx not supported for PT {apt}"));
        }
        // B6: RTX keeps apt (the offer's primary PT, B7) and the offer's rtx-time.
        let mut fmtp = format!("apt={apt}");
        if let Some(ms) = params.rtx_time {
            fmtp.push_str(&format!(";rtx-time={ms}"));
        }
        Ok(Answer {
            role: CodecRole::Rtx { apt },
            local: listed,
            fmtp: Some(fmtp),
        })
    }
}
