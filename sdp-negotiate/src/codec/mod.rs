//! Codec intersection for RTP sections (rulebook section B).
//!
//! [`negotiate_codecs`] pairs the formats of one offered m-section with the local codec
//! configs and says, for every offered payload type, whether it is answered (with the fmtp and
//! feedback we write) or dropped (and why).
//!
//! The work runs in phases, each citing its rules:
//!
//! 1. B1: formats in 64-95 and dynamic payload types without rtpmap are dropped.
//! 2. B2/B3/B8: each local primary codec, in local order, pairs with the **first** offered format
//!    of the same codec (name, clock rate, channels, match key); answer fmtp per B4-B6.
//! 3. B11: RED (its referenced payload types must be answered primaries), then ULPFEC (only with
//!    RED) and FlexFEC.
//! 4. B10: RTX, for answered primaries (or RED) only.
//! 5. B12: telephone-event, preferably at the clock rates of answered primaries. B13: CN only
//!    with [`CodecOptions::vad`].
//! 6. B9: the answer keeps the offer's order; B14: feedback is intersected per payload type.
//!
//! # Local configs for the auxiliary formats
//!
//! `rtx`, `red`, `ulpfec`, `flexfec-03`, `telephone-event` and `CN` are listed in the local
//! config list like any codec, with their clock rate (e.g. `{name = "rtx", clock_rate = 90000}`,
//! `{name = "red", clock_rate = 48000, channels = 2}`, `{name = "telephone-event", clock_rate =
//! 8000}`); they match by B2 (name, clock rate, audio channels). RTX is also supported for a
//! codec whose own config has `rtx = true`. An RTX entry listed by name applies to every answered
//! format of its clock rate, and its `rtcp_fb` is the feedback we support on RTX; an RTX implied
//! by `rtx = true` has no feedback.
//!
//! # Choices where the rulebook leaves one
//!
//! - B3: an absent H.264 profile-level-id means 42e01f (libwebrtc, aiortc), not Firefox's 420010.
//!   A local config whose match-key parameters do not parse matches nothing (see
//!   [`check_local_codec`]).
//! - B8: a local config pairs with the first matching offered format; if an earlier local config
//!   already took that format, the later config adds nothing (a payload type is never answered
//!   twice).
//! - B9: codec preferences are not an input here: the answer is always in offer order.
//! - B10: RTX may also repair RED (Chrome offers `rtx` with `apt` = its `red`); an RTX whose
//!   `apt` is missing from the m-line is an error in strict mode: the function has no error
//!   path, so it records a [`DroppedCodec`] whose reason starts with `error:`
//!   ([`DroppedCodec::is_error`], [`CodecOutcome::error`]); **the caller turns that into a
//!   [`NegotiationError::RemoteInvalid`](crate::NegotiationError::RemoteInvalid)**. In lenient
//!   mode the RTX is dropped with a note. An RTX without a parsable `apt` is dropped.
//! - B11: the local `red` config's fmtp is not used for matching (local configs have no payload
//!   types to refer to): an offered RED matches when every payload type its fmtp lists is an
//!   answered primary codec. FlexFEC answers our fmtp, or the offer's when we wrote none.
//! - B12: telephone-event is kept at the clock rates of answered primaries; when no supported
//!   telephone-event has such a rate, the supported ones are kept anyway (libwebrtc then sends
//!   DTMF with the lowest-rate one). Events are narrowed to the intersection of both lists
//!   (`0-15` when absent), echoing the offer's text when nothing is removed.
//! - B14: the RFC 8888 `ack ccfb` all-sections rule is the caller's (see `feedback.rs`).
//! - B15: [`CodecOutcome::has_primary`]; the caller rejects the section without one.
//! - B16 (payload type consistency across a BUNDLE group) is a validator matter: as we answer
//!   with the offer's payload types (B7), we inherit the offerer's consistency.
//!
//! Not decided here: B1's "reject the description for a PT above 127" (such formats never
//! become a [`Codec`]: `sdp_core::codec::codecs` skips them; the m-line check is the caller's).

mod feedback;
mod h264;
mod matching;

pub(crate) use matching::H264_DEFAULT_PROFILE_LEVEL_ID;
mod rtx_red;
mod telephony;
#[cfg(test)]
mod tests;

use sdp_core::codec::Codec;
use sdp_core::ValueError;
use serde::Serialize;

use crate::config::{CodecConfig, ConfigError, MediaKind};
use matching::{base_match, key_and_h264, local_fmtp, local_key, Kind, MatchKey};
use sdp_core::attr::fmtp::H264Params;

/// What role a negotiated format plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum CodecRole {
    /// A media codec (Opus, VP8, H264, ...); at least one is needed to accept a section (B15).
    Primary,
    /// Retransmission of the codec with payload type `apt` (RFC 4588, B10).
    Rtx {
        /// The primary's payload type.
        apt: u8,
    },
    /// Redundancy (RFC 2198, B11).
    Red,
    /// ULPFEC or FlexFEC (B11).
    Fec,
    /// DTMF events (RFC 4733, B12).
    TelephoneEvent,
    /// Comfort noise (RFC 3389, B13).
    ComfortNoise,
}

/// One codec both sides agreed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NegotiatedCodec {
    /// The offer's payload type (B7).
    pub payload_type: u8,
    /// The encoding name as the offer spelled it (B7).
    pub name: String,
    /// Clock rate.
    pub clock_rate: u32,
    /// Audio channels, as the offer wrote them.
    pub channels: Option<u16>,
    /// What it is.
    pub role: CodecRole,
    /// The fmtp we write in the answer: our receive parameters (B4-B6), `None` for none.
    pub answer_fmtp: Option<String>,
    /// The offer's fmtp: the parameters the remote receives with, for our sender.
    pub offer_fmtp: Option<String>,
    /// Agreed RTCP feedback (`nack`, `nack pli`, `transport-cc`, ...), B14.
    pub rtcp_fb: Vec<String>,
}

/// An offered format that was not answered, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedCodec {
    /// The offered payload type.
    pub payload_type: u8,
    /// Why it was dropped (e.g. "no matching local codec", "RTX for dropped PT 96").
    pub reason: String,
}

/// The result of intersecting one section's codecs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CodecOutcome {
    /// The agreed codecs, in answer order (B9).
    pub codecs: Vec<NegotiatedCodec>,
    /// The offered formats that were not answered.
    pub dropped: Vec<DroppedCodec>,
}

impl CodecOutcome {
    /// Whether at least one primary codec remains (B15).
    pub fn has_primary(&self) -> bool {
        self.codecs.iter().any(|c| c.role == CodecRole::Primary)
    }

    /// The first dropped format that strict mode turns into an error (B10), if any: the caller
    /// refuses the offer with it.
    pub fn error(&self) -> Option<&DroppedCodec> {
        self.dropped.iter().find(|d| d.is_error())
    }

    /// The agreed codec with payload type `pt`.
    pub fn get(&self, pt: u8) -> Option<&NegotiatedCodec> {
        self.codecs.iter().find(|c| c.payload_type == pt)
    }
}

impl DroppedCodec {
    /// The prefix of a reason that strict mode makes an error (B10).
    pub const ERROR_PREFIX: &'static str = "error:";

    /// Whether this drop is an error of the offer in strict mode (its reason starts with
    /// `error:`, see [`DroppedCodec::ERROR_PREFIX`]).
    pub fn is_error(&self) -> bool {
        self.reason.starts_with(Self::ERROR_PREFIX)
    }
}

/// Options that change the intersection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodecOptions {
    /// Answer CN (B13).
    pub vad: bool,
    /// Refuse (instead of dropping with a note) RTX whose apt is missing from the m-line (B10).
    pub strict: bool,
    /// Whether the transport-wide-cc extension was negotiated (gates `transport-cc`, B14).
    pub transport_cc: bool,
}

/// Intersects the offered codecs of one RTP section with ours (rulebook B1-B16).
///
/// `offered` is the section's [`Media::codecs`](sdp_core::Media::codecs), `local` our configs
/// for its media kind in preference order. Every offered payload type ends up either in
/// [`CodecOutcome::codecs`] (offer order, offer payload types and spelling) or in
/// [`CodecOutcome::dropped`] with a reason. See the module docs for the phases and choices.
///
/// ```
/// use sdp_core::Session;
/// use sdp_negotiate::codec::{negotiate_codecs, CodecOptions};
/// use sdp_negotiate::{CodecConfig, MediaKind};
///
/// let sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n\
///            m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\n\
///            a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n";
/// let offer = Session::parse(sdp).unwrap();
/// let offered = offer.media()[0].codecs();
/// let opus = CodecConfig {
///     name: "opus".into(),
///     clock_rate: 48000,
///     channels: Some(2),
///     fmtp: Some("useinbandfec=1".into()),
///     rtcp_fb: vec![],
///     rtx: false,
/// };
/// let outcome = negotiate_codecs(MediaKind::Audio, &offered, &[opus], &CodecOptions::default());
/// assert!(outcome.has_primary());
/// assert_eq!(outcome.codecs[0].payload_type, 111);
/// assert_eq!(outcome.codecs[0].answer_fmtp.as_deref(), Some("useinbandfec=1"));
/// assert_eq!(outcome.dropped[0].payload_type, 0); // PCMU: not supported
/// ```
pub fn negotiate_codecs(
    kind: MediaKind,
    offered: &[Codec<'_>],
    local: &[CodecConfig],
    options: &CodecOptions,
) -> CodecOutcome {
    let mut engine = Engine::new(kind, offered, local, options);
    // B2, B3, B8: primaries first; everything else refers to them.
    engine.pair_by_config(Kind::Primary, |_, _, _| true);
    engine.negotiate_red_and_fec(); // B11
    engine.negotiate_rtx(); // B10
    engine.negotiate_telephone_events(); // B12
    engine.negotiate_comfort_noise(); // B13
    engine.finish()
}

/// Checks that a local codec config can be used: the parameters its match key is read from
/// (H264 profile-level-id and packetization-mode, VP9 profile-id, AV1 profile, H265
/// profile-id/tier-flag/tx-mode) parse. A config that fails matches nothing in
/// [`negotiate_codecs`]. The path of the error is left for the caller (e.g. `video[2].fmtp`).
pub fn check_local_codec(config: &CodecConfig) -> Result<(), ConfigError> {
    local_key(config).map(|_| ()).map_err(|e| ConfigError {
        path: None,
        message: format!("fmtp of `{}`: {e}", config.name),
    })
}

/// What became of one offered format.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SlotState {
    /// Not decided yet.
    Open,
    /// Answered.
    Answered(Answer),
    /// Dropped, with the reason.
    Dropped(String),
}

/// How an offered format is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    role: CodecRole,
    /// The local config it paired with (whose feedback list applies); `None` for an RTX implied
    /// by `rtx = true`.
    local: Option<usize>,
    /// The fmtp we write.
    fmtp: Option<String>,
}

/// One offered format and its fate.
#[derive(Debug)]
struct Slot<'a, 's> {
    codec: &'a Codec<'s>,
    kind: Kind,
    /// Its B3 match key (`Err` when the fmtp does not parse).
    key: Result<MatchKey, ValueError>,
    /// Its H.264 parameters (the defaults for other codecs and unparsable fmtps).
    h264: H264Params<'s>,
    state: SlotState,
}

/// The intersection in progress.
struct Engine<'a, 's> {
    media: MediaKind,
    local: &'a [CodecConfig],
    /// The B3 match key of each local config (`None` when its fmtp does not parse).
    local_keys: Vec<Option<MatchKey>>,
    /// The H.264 parameters of each local config (the defaults for other codecs).
    local_h264: Vec<H264Params<'a>>,
    options: &'a CodecOptions,
    slots: Vec<Slot<'a, 's>>,
}

impl<'a, 's> Engine<'a, 's> {
    /// Classifies the offered formats and drops the unusable ones (B1).
    fn new(
        media: MediaKind,
        offered: &'a [Codec<'s>],
        local: &'a [CodecConfig],
        options: &'a CodecOptions,
    ) -> Self {
        let slots = offered
            .iter()
            .map(|codec| {
                let state = if matching::is_reserved_payload_type(codec.payload_type) {
                    // B1: ignore formats in 64-95.
                    SlotState::Dropped(
                        "payload types 64-95 collide with RTCP under rtcp-mux (RFC 5761 §4)"
                            .to_string(),
                    )
                } else if !codec.is_known() {
                    SlotState::Dropped("dynamic payload type without rtpmap".to_string())
                } else {
                    SlotState::Open
                };
                let (key, h264) = key_and_h264(codec.encoding_name, codec.fmtp.as_ref());
                Slot {
                    codec,
                    kind: Kind::of(codec.encoding_name),
                    key,
                    h264,
                    state,
                }
            })
            .collect();
        let (local_keys, local_h264) = local
            .iter()
            .map(|c| {
                let (key, h264) = key_and_h264(&c.name, local_fmtp(c).as_ref());
                (key.ok(), h264)
            })
            .unzip();
        Engine {
            media,
            local,
            local_keys,
            local_h264,
            options,
            slots,
        }
    }

    fn is_open(&self, i: usize) -> bool {
        self.slots
            .get(i)
            .is_some_and(|s| s.state == SlotState::Open)
    }

    fn set(&mut self, i: usize, state: SlotState) {
        if let Some(slot) = self.slots.get_mut(i) {
            slot.state = state;
        }
    }

    fn drop_slot(&mut self, i: usize, reason: impl Into<String>) {
        self.set(i, SlotState::Dropped(reason.into()));
    }

    /// The indices of the open slots of `kind`, in offer order.
    fn open_of(&self, kind: Kind) -> Vec<usize> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == kind && s.state == SlotState::Open)
            .map(|(i, _)| i)
            .collect()
    }

    /// The slot of offered payload type `pt`.
    fn slot_of(&self, pt: u8) -> Option<&Slot<'a, 's>> {
        self.slots.iter().find(|s| s.codec.payload_type == pt)
    }

    /// How offered payload type `pt` is answered, if it is.
    fn answer_of(&self, pt: u8) -> Option<&Answer> {
        match &self.slot_of(pt)?.state {
            SlotState::Answered(answer) => Some(answer),
            _ => None,
        }
    }

    /// The answered slots of `kind`.
    fn answered_of(&self, kind: Kind) -> impl Iterator<Item = (&Slot<'a, 's>, &Answer)> + '_ {
        self.slots.iter().filter_map(move |s| match &s.state {
            SlotState::Answered(a) if s.kind == kind => Some((s, a)),
            _ => None,
        })
    }

    /// Whether offered slot `i` and local config `li` are the same codec (B2, B3).
    fn same_codec(&self, i: usize, li: usize) -> bool {
        let (Some(slot), Some(config)) = (self.slots.get(i), self.local.get(li)) else {
            return false;
        };
        let local_key = self.local_keys.get(li).copied().flatten();
        slot.kind == Kind::of(&config.name)
            && base_match(self.media, slot.codec, config)
            && matches!((&slot.key, local_key), (Ok(a), Some(b)) if *a == b)
    }

    /// B8: each local config of `kind`, in local order, pairs with the first offered format of
    /// the same codec that `accept(engine, slot, config)` allows; the format is answered unless an earlier config
    /// already took it.
    fn pair_by_config(&mut self, kind: Kind, accept: impl Fn(&Self, usize, usize) -> bool) {
        for li in 0..self.local.len() {
            let Some(config) = self.local.get(li) else {
                continue;
            };
            if Kind::of(&config.name) != kind {
                continue;
            }
            let first = (0..self.slots.len()).find(|&i| {
                !matches!(
                    self.slots.get(i).map(|s| &s.state),
                    Some(SlotState::Dropped(_))
                ) && self.same_codec(i, li)
                    && accept(self, i, li)
            });
            let Some(i) = first.filter(|&i| self.is_open(i)) else {
                continue;
            };
            let Some(slot) = self.slots.get(i) else {
                continue;
            };
            let fmtp = self.answer_fmtp(slot, li, config);
            let role = match kind {
                Kind::Primary => CodecRole::Primary,
                Kind::Red => CodecRole::Red,
                Kind::Ulpfec | Kind::FlexFec => CodecRole::Fec,
                Kind::TelephoneEvent => CodecRole::TelephoneEvent,
                Kind::ComfortNoise => CodecRole::ComfortNoise,
                // RTX pairs by apt (B10), never here.
                Kind::Rtx => continue,
            };
            self.set(
                i,
                SlotState::Answered(Answer {
                    role,
                    local: Some(li),
                    fmtp,
                }),
            );
        }
    }

    /// The fmtp we answer for `slot` paired with `config` (B4-B6, B11, B12).
    fn answer_fmtp(&self, slot: &Slot<'_, '_>, li: usize, config: &CodecConfig) -> Option<String> {
        let ours = local_fmtp(config);
        let theirs = slot.codec.fmtp.as_ref();
        let offer_text = || theirs.map(|f| f.params_text()).filter(|t| !t.is_empty());
        match slot.kind {
            Kind::Primary if slot.codec.is("H264") => {
                let our_params = self.local_h264.get(li).copied().unwrap_or_default();
                h264::h264_answer_fmtp(ours.as_ref(), theirs, &our_params, &slot.h264)
            }
            Kind::Primary if slot.codec.is("H265") => h264::h265_answer_fmtp(ours.as_ref(), theirs),
            // B11: RED keeps the offer's redundancy fmtp.
            Kind::Red => offer_text().map(str::to_string),
            // B11: FlexFEC's repair-window is required (RFC 8627 §5.1.2): ours, else the offer's.
            Kind::FlexFec => ours
                .map(|f| f.params_text().to_string())
                .or_else(|| offer_text().map(str::to_string)),
            // B12: echo or narrow the events.
            Kind::TelephoneEvent => telephony::events_answer(ours.as_ref(), theirs)
                .ok()
                .flatten(),
            // B6: our own receive parameters (Opus, VP8, VP9, AV1, CN, ulpfec, ...).
            _ => ours.map(|f| f.params_text().to_string()),
        }
    }

    /// Why open slot `i` was not answered.
    fn leftover_reason(&self, i: usize) -> String {
        let Some(slot) = self.slots.get(i) else {
            return String::new();
        };
        if let Err(e) = &slot.key {
            return format!("unparsable fmtp ({e}): matches no codec (B3)");
        }
        let taken = (0..self.local.len())
            .filter(|&li| self.same_codec(i, li))
            .find_map(|li| {
                self.slots
                    .iter()
                    .find(|s| matches!(&s.state, SlotState::Answered(a) if a.local == Some(li)))
            });
        match taken {
            Some(first) => format!(
                "PT {} already answers the same local codec (B8)",
                first.codec.payload_type
            ),
            None => "no matching local codec".to_string(),
        }
    }

    /// B9: the answer in offer order, with feedback (B14); the rest dropped with reasons.
    fn finish(self) -> CodecOutcome {
        let mut outcome = CodecOutcome::default();
        for (i, slot) in self.slots.iter().enumerate() {
            let codec = slot.codec;
            match &slot.state {
                SlotState::Answered(answer) => {
                    let ours = answer
                        .local
                        .and_then(|li| self.local.get(li))
                        .map(|c| c.rtcp_fb.as_slice())
                        .unwrap_or_default();
                    outcome.codecs.push(NegotiatedCodec {
                        payload_type: codec.payload_type,
                        // B7: the offer's payload type and spelling.
                        name: codec.encoding_name.to_string(),
                        clock_rate: codec.clock_rate.unwrap_or_default(),
                        channels: codec.channels,
                        role: answer.role,
                        answer_fmtp: answer.fmtp.clone(),
                        offer_fmtp: codec
                            .fmtp
                            .map(|f| f.params_text())
                            .filter(|t| !t.is_empty())
                            .map(str::to_string),
                        rtcp_fb: feedback::intersect_feedback(
                            &codec.rtcp_fb,
                            ours,
                            self.options.transport_cc,
                        ),
                    });
                }
                SlotState::Dropped(reason) => outcome.dropped.push(DroppedCodec {
                    payload_type: codec.payload_type,
                    reason: reason.clone(),
                }),
                SlotState::Open => outcome.dropped.push(DroppedCodec {
                    payload_type: codec.payload_type,
                    reason: self.leftover_reason(i),
                }),
            }
        }
        outcome
    }
}
