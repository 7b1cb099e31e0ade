//! The offer generator: `offer(config, transceivers, options)` (JSEP §5.2; rulebook A, B, C, D
//! for what answers need, E4-E6 for subsequent offers).
//!
//! The work happens in stages:
//! 1. [`previous`]: the current local and remote descriptions, digested (mids, PTs, extmap ids,
//!    ICE credentials, SSRCs, the last answer's BUNDLE group);
//! 2. [`plan`]: one slot per m-section: kept, stopped (port 0), recycled (E4) or new;
//! 3. [`payload`]: one payload-type space and one extmap-id space across the bundle (B16, C3);
//! 4. [`write`]: the offer SDP.

use sdp_core::attr::direction::Direction;
use sdp_core::Session;

use crate::config::{BundlePolicy, Config, MediaKind};
use crate::error::NegotiationError;

mod classic;
mod payload;
mod plan;
mod previous;
mod write;

#[cfg(test)]
mod tests;

/// One RTP transceiver of the local side, as the offer should describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transceiver {
    /// Audio or video ([`MediaKind::Application`] is refused: data channels are
    /// [`OfferOptions::data_channel`]).
    pub kind: MediaKind,
    /// The direction we want (JSEP §5.2.1; a stopped transceiver is offered `inactive`).
    pub direction: Direction,
    /// Simulcast send encodings (rid-ids, RFC 8851); two or more offer `a=simulcast:send`
    /// (rulebook D); empty or one: no simulcast.
    pub send_rids: Vec<String>,
    /// The `a=msid` stream id and track id; absent: the config's stream id (or `-`) and a
    /// random track id, written only when the direction sends (A29).
    pub msid: Option<(String, String)>,
    /// Stopped: the section keeps its slot with port 0, no msid, `a=inactive` (E4).
    pub stopped: bool,
    /// The mid a previous negotiation gave this transceiver; `None` for a new one.
    pub mid: Option<String>,
}

impl Transceiver {
    /// A new, unnegotiated transceiver of `kind` with `direction`.
    pub fn new(kind: MediaKind, direction: Direction) -> Transceiver {
        Transceiver {
            kind,
            direction,
            send_rids: Vec::new(),
            msid: None,
            stopped: false,
            mid: None,
        }
    }

    /// Whether this transceiver sends simulcast (two or more rids).
    fn simulcast(&self) -> bool {
        self.send_rids.len() >= 2
    }
}

/// Options for one offer beyond the endpoint's [`Config`].
#[derive(Debug, Clone, Copy, Default)]
pub struct OfferOptions<'p> {
    /// Offer a data-channel section (`m=application ... UDP/DTLS/SCTP webrtc-datachannel`).
    pub data_channel: bool,
    /// Restart ICE: new credentials for every transport (E6).
    pub ice_restart: bool,
    /// The current local description (our previous offer or answer): keeps mids, PTs, extmap
    /// ids, ICE credentials, msid, SSRCs and the `o=` line (E5).
    pub previous_local: Option<&'p Session<'p>>,
    /// The current remote description: its port-0 sections can be recycled (E4), its PTs and
    /// extmap ids are kept (E5), and when it is the answer, its BUNDLE group is kept.
    pub previous_remote: Option<&'p Session<'p>>,
    /// The BUNDLE policy (default: the config's, [`Config::bundle`]).
    pub bundle_policy: Option<BundlePolicy>,
    /// Classic mode: our media address for `c=` and `o=` (G2). Default `127.0.0.1`.
    pub address: Option<&'p str>,
    /// Classic mode: the port of the first m-section; the others follow in steps of 2.
    /// Default 49170.
    pub port_base: Option<u16>,
}

/// Creates an offer for `transceivers` (and a data channel when asked) as the endpoint `config`
/// describes: an initial offer (JSEP §5.2.1) without previous descriptions, a subsequent offer
/// (JSEP §5.2.2, rulebook E4-E6) with them.
///
/// ```
/// use sdp_core::attr::direction::Direction;
/// use sdp_negotiate::{answer, check_answer, offer, Config, MediaKind, OfferOptions, Transceiver};
/// let config = Config::webrtc();
/// let transceivers = [
///     Transceiver::new(MediaKind::Audio, Direction::SendRecv),
///     Transceiver::new(MediaKind::Video, Direction::SendRecv),
/// ];
/// let offer = offer(&config, &transceivers, &OfferOptions::default())?;
/// assert!(offer.to_string().contains("a=group:BUNDLE 0 1\r\n"));
/// let answer = answer(&offer, &Config::webrtc())?;
/// assert!(check_answer(&offer, &answer.session).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn offer(
    config: &Config,
    transceivers: &[Transceiver],
    options: &OfferOptions<'_>,
) -> Result<Session<'static>, NegotiationError> {
    // A config that only does classic SIP (the SIP preset) offers RTP/AVP (rulebook G).
    if config.mode == crate::config::ModePolicy::Classic {
        return classic::offer_classic(config, transceivers, options);
    }
    if config.identity.is_none() {
        return Err(NegotiationError::ApiMisuse {
            reason: "an offer needs a DTLS identity: use a preset or load the config, which generate one".to_owned(),
        });
    }
    if transceivers
        .iter()
        .any(|t| t.kind == MediaKind::Application)
    {
        return Err(NegotiationError::ApiMisuse {
            reason: "a transceiver is audio or video; data channels are OfferOptions::data_channel"
                .to_owned(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    for mid in transceivers.iter().filter_map(|t| t.mid.as_deref()) {
        if mid.is_empty() || !seen.insert(mid) {
            return Err(NegotiationError::ApiMisuse {
                reason: format!("transceiver mid `{mid}` is empty or given twice (rulebook A2)"),
            });
        }
    }
    let prev = previous::Previous::new(options.previous_local, options.previous_remote);
    let policy = options.bundle_policy.unwrap_or(config.bundle);
    let slots = plan::plan(transceivers, options, &prev, policy);
    let kinds: Vec<MediaKind> = [MediaKind::Audio, MediaKind::Video]
        .into_iter()
        .filter(|k| slots.iter().any(|s| s.active && s.kind == Some(*k)))
        .collect();
    let simulcast = slots.iter().any(|s| {
        s.active
            && s.transceiver
                .and_then(|i| transceivers.get(i))
                .is_some_and(Transceiver::simulcast)
    });
    let payloads = payload::PayloadTable::build(config, &kinds, &prev);
    let extensions = payload::ExtensionTable::build(config, &kinds, simulcast, &prev);
    write::write_offer(&write::OfferCtx {
        config,
        transceivers,
        options,
        prev: &prev,
        slots: &slots,
        payloads: &payloads,
        extensions: &extensions,
    })
}
