//! The answer engine: `answer(offer, config)` (rulebook sections A, B, C, D and G).
//!
//! The work happens in stages, each in its own module:
//! 1. [`offer`]: a view of the offer with session-level attributes inherited;
//! 2. [`plan`]: per m-section, accept or reject (A3) and what is agreed (codecs B, header
//!    extensions C, simulcast D, data channel A25-A27, direction A6);
//! 3. [`bundle`]: BUNDLE groups and tags (A19-A24), then one transport per group or unbundled
//!    section with ICE credentials (A11, E6) and a DTLS role (A16, A17);
//! 4. [`write`]: the answer SDP (A4, A5, A7-A15, A29-A32).

use sdp_core::attr::bundle::Mid;
use sdp_core::attr::direction::Direction;
use sdp_core::Session;

use crate::config::{Config, ModePolicy};
use crate::error::NegotiationError;
use crate::negotiated::{Mode, Negotiated};

mod bundle;
mod offer;
mod plan;
mod previous;
mod write;

#[cfg(test)]
mod tests;

use offer::OfferView;

/// An answer: the SDP to send and what it agreed on.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The answer description (canonical text, CRLF).
    pub session: Session<'static>,
    /// What was agreed, per m-section.
    pub negotiated: Negotiated,
}

/// Options for one answer beyond the endpoint's [`Config`].
#[derive(Debug, Clone, Default)]
pub struct AnswerOptions<'p> {
    /// Our previous answer in this session: keeps ICE credentials, DTLS role, tls-id, msid and
    /// the `o=` line (rulebook A17, E8).
    pub previous_answer: Option<&'p Session<'p>>,
    /// The remote offer our previous answer answered: lets us see that the new offer restarts
    /// ICE for a transport (E6). Without it, credentials are kept.
    pub previous_offer: Option<&'p Session<'p>>,
    /// Mids the local side stops or refuses (A3(b)).
    pub stopped: Vec<String>,
    /// Per-mid local direction, overriding the media-kind policy of the config (A6).
    pub directions: Vec<(String, Direction)>,
    /// Classic mode: our media address for `c=` and `o=` (G2). Default `127.0.0.1`.
    pub address: Option<String>,
    /// Classic mode: the port of the first m-section; the others follow in steps of 2.
    /// Default 49170.
    pub port_base: Option<u16>,
}

/// Answers `offer` as the endpoint `config` describes (an initial answer).
///
/// ```
/// use sdp_negotiate::{answer, Config};
/// use sdp_core::Session;
/// let offer = Session::parse("v=0\r\no=alice 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8\r\n")?;
/// let answer = answer(&offer, &Config::sip_phone())?;
/// assert!(answer.session.to_string().contains("m=audio 49170 RTP/AVP 0 8\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn answer(offer: &Session<'_>, config: &Config) -> Result<Answer, NegotiationError> {
    answer_with(offer, config, &AnswerOptions::default())
}

/// Answers `offer` with [`AnswerOptions`] (subsequent answers, stopped sections, directions).
pub fn answer_with(
    offer: &Session<'_>,
    config: &Config,
    options: &AnswerOptions<'_>,
) -> Result<Answer, NegotiationError> {
    let view = OfferView::new(offer);
    let mode = mode_of(config.mode, &view);
    check_media_lines(offer)?;
    check_mids(offer)?;
    check_offer(&view, mode, config)?;
    let previous = options.previous_answer.map(previous::PreviousAnswer::new);
    let mut plans = plan::plan_sections(&view, config, mode, options)?;
    let groups = bundle::resolve(&view, &mut plans, config, mode, previous.as_ref());
    let transports = bundle::transports(
        &view,
        &plans,
        &groups,
        config,
        mode,
        options,
        previous.as_ref(),
    )?;
    let session = write::write_answer(
        &view,
        &plans,
        &groups,
        &transports,
        config,
        mode,
        options,
        previous.as_ref(),
    )?;
    let negotiated = write::negotiated(&view, plans, &groups, &transports, mode);
    Ok(Answer {
        session,
        negotiated,
    })
}

/// Token `index` of a section's `m=` line as written (0 media, 1 port, 2 proto, 3.. formats),
/// readable even when the line as a whole is malformed.
pub(crate) fn mline_token<'m>(media: &'m sdp_core::Media<'_>, index: usize) -> Option<&'m str> {
    media
        .line()
        .value()
        .split([' ', '\t'])
        .filter(|t| !t.is_empty())
        .nth(index)
}

/// Rulebook section 0: JSEP when the offer carries ICE credentials and a fingerprint, or a
/// TLS/DTLS protocol; classic otherwise.
fn mode_of(policy: ModePolicy, view: &OfferView<'_>) -> Mode {
    match policy {
        ModePolicy::Jsep => Mode::Jsep,
        ModePolicy::Classic => Mode::Classic,
        // The checker decides the same way, so that it judges answers by the engine's mode.
        ModePolicy::Auto if view.jsep => Mode::Jsep,
        ModePolicy::Auto => Mode::Classic,
    }
}

/// Problems that make the whole offer unanswerable (rulebook P2: otherwise reject sections).
/// Every `m=` line must follow the grammar: the answer echoes its media type and proto, also
/// for a rejected section (RFC 3264 §6), and cannot write a line that does not parse.
fn check_media_lines(offer: &Session<'_>) -> Result<(), NegotiationError> {
    for media in offer.media() {
        if let Err(e) = sdp_core::field::MediaLine::parse(media.line().value()) {
            return Err(NegotiationError::RemoteInvalid {
                mid: media.mid().map(str::to_owned),
                reason: format!(
                    "the m= line `{}` does not follow RFC 8866 §5.14: {e}",
                    media.line().text()
                ),
            });
        }
    }
    Ok(())
}

/// A2: the answer echoes each `a=mid` byte for byte, so a mid that does not follow the
/// identification-tag grammar (RFC 5888 §4), an empty one included, cannot be answered: left
/// out, the answer would drop a mid the offer has (F3); echoed, it would not parse. Duplicate
/// mids refuse the offer in classic mode too, not only in JSEP (where A2 says so): echoed, they
/// would make an answer that breaks RFC 5888 §4's uniqueness, which the validator refuses.
fn check_mids(offer: &Session<'_>) -> Result<(), NegotiationError> {
    let mut seen = std::collections::HashSet::new();
    for media in offer.media() {
        for attr in media.attributes_named("mid") {
            if let Some(Err(e)) = attr.parse_as::<Mid>() {
                return Err(NegotiationError::RemoteInvalid {
                    mid: attr.value().map(str::to_owned),
                    reason: format!(
                        "`a=mid:{}` is not a valid mid ({e}; RFC 5888 §4, rulebook A2)",
                        attr.value().unwrap_or_default()
                    ),
                });
            }
        }
        // The first mid is the section's (the one echoed and checked, F3).
        if let Some(mid) = media.mid() {
            if !seen.insert(mid) {
                return Err(NegotiationError::RemoteInvalid {
                    mid: Some(mid.to_owned()),
                    reason: "duplicate or empty mid (RFC 9429 §5.8, rulebook A2)".to_owned(),
                });
            }
        }
    }
    Ok(())
}

/// C3: within a BUNDLE group an extmap id means one URI (RFC 9143 §9.1). The answer echoes the
/// offer's ids (C2), so an offered group where one id means two URIs cannot be answered
/// without breaking it; libwebrtc refuses such a description as a whole too.
fn check_bundled_extmap_ids(view: &OfferView<'_>) -> Result<(), NegotiationError> {
    for group in &view.bundle_groups {
        let mut meaning: std::collections::HashMap<u16, (&str, bool)> =
            std::collections::HashMap::new();
        let members = view
            .sections
            .iter()
            .filter(|s| s.mid.is_some_and(|mid| group.contains(&mid)));
        for s in members {
            // Ids outside 1-255 are not echoed (C2: the answer picks its own).
            for e in s.extmaps.iter().filter(|e| (1..=255).contains(&e.id)) {
                let (uri, encrypted) = *meaning.entry(e.id).or_insert((e.uri, e.encrypted));
                if uri != e.uri || encrypted != e.encrypted {
                    return Err(NegotiationError::RemoteInvalid {
                        mid: s.mid.map(str::to_owned),
                        reason: format!(
                            "extmap id {} means both `{uri}` and `{}` in one BUNDLE group \
                             (RFC 9143 §9.1, rulebook C3)",
                            e.id, e.uri
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}

fn check_offer(view: &OfferView<'_>, mode: Mode, config: &Config) -> Result<(), NegotiationError> {
    check_bundled_extmap_ids(view)?;
    // An offer without media is legal (3264 §5: an empty session) and gets an empty answer.
    if mode == Mode::Jsep {
        // A2 (duplicate or empty mids) is checked for both modes by `check_mids`.
        // A13: two lite agents cannot run ICE.
        if view.ice_lite && config.ice.lite {
            return Err(NegotiationError::Incompatible {
                reason: "both sides are ICE-lite (RFC 8445 §6.1.1)".to_owned(),
            });
        }
        if config.identity.is_none() {
            return Err(NegotiationError::ApiMisuse {
                reason: "a JSEP answer needs a DTLS identity: use a preset or load the config, which generate one".to_owned(),
            });
        }
    }
    Ok(())
}
