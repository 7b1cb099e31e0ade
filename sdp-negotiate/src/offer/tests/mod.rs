//! Offer generator tests, named after the rulebook rule they pin down.

use sdp_core::attr::direction::Direction;
use sdp_core::validate::{validate, Profile, Severity};
use sdp_core::{ParseOptions, Session};

use super::*;
use crate::check::Severity as CheckSeverity;
use crate::negotiated::SectionOutcome;
use crate::Answer;

mod classic;
mod initial;
mod subsequent;

fn audio() -> Transceiver {
    Transceiver::new(MediaKind::Audio, Direction::SendRecv)
}

fn video() -> Transceiver {
    Transceiver::new(MediaKind::Video, Direction::SendRecv)
}

/// The offer parses strictly, has no validation error, and our own engine answers it with
/// every active section accepted and an answer `check_answer` finds no error in.
fn assert_answerable(offer: &Session<'_>, answer_options: &crate::AnswerOptions<'_>) -> Answer {
    let text = offer.to_string();
    let parsed = Session::parse_with(&text, &ParseOptions::strict()).unwrap();
    let errors: Vec<String> = validate(&parsed.session, Profile::Webrtc)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{text}\n{errors:#?}");
    let answer = crate::answer_with(offer, &Config::webrtc(), answer_options).unwrap();
    let violations: Vec<String> = crate::check_answer(offer, &answer.session)
        .into_iter()
        .filter(|v| v.severity == CheckSeverity::Error)
        .map(|v| v.to_string())
        .collect();
    assert!(
        violations.is_empty(),
        "{text}\n{}\n{violations:#?}",
        answer.session
    );
    for (media, outcome) in offer.media().iter().zip(&answer.negotiated.sections) {
        let disabled = media.port() == Some(0) && !media.has_attribute("bundle-only");
        assert_eq!(
            matches!(outcome, SectionOutcome::Accepted(_)),
            !disabled,
            "{text}\n{}\n{outcome:?}",
            answer.session
        );
    }
    answer
}

/// A fresh offer, checked.
fn initial(transceivers: &[Transceiver], options: &OfferOptions<'_>) -> (Session<'static>, Answer) {
    let offer = offer(&Config::webrtc(), transceivers, options).unwrap();
    let answer = assert_answerable(&offer, &crate::AnswerOptions::default());
    (offer, answer)
}

/// The values of every `a=<name>` of `media`.
fn values(media: &sdp_core::Media<'_>, name: &str) -> Vec<String> {
    media
        .attributes_named(name)
        .filter_map(|a| a.value().map(str::to_owned))
        .collect()
}

/// The mids of `session` in order.
fn mids(session: &Session<'_>) -> Vec<String> {
    session
        .media()
        .iter()
        .map(|m| m.mid().unwrap_or("").to_owned())
        .collect()
}

/// `uri -> id` of every extmap in `session`.
fn extmap_ids(session: &Session<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = session
        .media()
        .iter()
        .flat_map(|m| values(m, "extmap"))
        .filter_map(|v| {
            let (id, uri) = v.split_once(' ')?;
            Some((uri.to_owned(), id.to_owned()))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// `rtpmap value` per PT of every section, `(pt, codec)`.
fn rtpmaps(session: &Session<'_>) -> Vec<String> {
    let mut out: Vec<String> = session
        .media()
        .iter()
        .filter(|m| m.port() != Some(0) || m.has_attribute("bundle-only"))
        .flat_map(|m| values(m, "rtpmap"))
        .collect();
    out.sort();
    out.dedup();
    out
}
