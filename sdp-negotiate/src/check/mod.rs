//! The answer checker: is `answer` a legal answer to `offer`? (rulebook section F).
//!
//! [`check_answer`] runs every check of rulebook section F (F1-F36) and returns one
//! [`Violation`] per problem, with the rule id, the severity the rulebook gives, the m-section
//! and a message. Checks that need the exchange before this one (F23's subsequent-offer case,
//! F24, F28, F35) run only when [`check_answer_with`] is given the previous offer and answer.
//!
//! Mode (rulebook section 0): the checks that make ICE, DTLS, BUNDLE and rtcp-mux mandatory run
//! only when the offer is a JSEP offer (it carries `ice-ufrag` and a fingerprint, or a TLS/DTLS
//! protocol). Checks that an answer does not *add* what the offer lacked (a BUNDLE group, a mid,
//! `rtcp-mux`, an extension) run in both modes: RFC 3264 and RFC 5888 forbid that in SIP too
//! (G1).
//!
//! ```
//! use sdp_core::Session;
//! use sdp_negotiate::check::{check_answer, Severity};
//!
//! let offer = Session::parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\n\
//!     t=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=sendonly\r\n").unwrap();
//! let answer = Session::parse("v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\n\
//!     t=0 0\r\nm=audio 49172 RTP/AVP 0\r\na=sendonly\r\n").unwrap();
//! let violations = check_answer(&offer, &answer);
//! assert_eq!(violations[0].rule, "F5");
//! assert_eq!(violations[0].severity, Severity::Error);
//! ```

use std::fmt;

use sdp_core::attr::bundle::{Group, GroupSemantics};
use sdp_core::{Media, Session, TypedAttribute};
use serde::Serialize;

mod bundle;
mod codecs;
mod data;
mod extmap;
mod simulcast;
mod streams;
mod structure;
mod transport;

#[cfg(test)]
mod tests;

/// How serious a violation is (rulebook F: E, W, I).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Legal, worth knowing.
    Info,
    /// Legal but risky with some peers.
    Warning,
    /// A browser or an RFC rejects it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One problem of an answer, with the rulebook rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule id, e.g. `F5`.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The m-section index concerned, if any.
    pub media: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.media {
            Some(m) => write!(
                f,
                "{}[{}] m-section {m}: {}",
                self.severity, self.rule, self.message
            ),
            None => write!(f, "{}[{}]: {}", self.severity, self.rule, self.message),
        }
    }
}

/// Options of the checker; the defaults follow the rulebook's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CheckOptions {
    /// F17: a missing `a=setup` in a section that owns its transport is an error instead of a
    /// warning (browsers treat it as `active`, A16).
    pub strict: bool,
    /// F20: warn about transport attributes repeated in non-tagged bundled sections, as RFC 9143
    /// §7.1.3 asks. Off by default: Chrome and Firefox repeat them and GStreamer and aiortc
    /// need them (A21).
    pub strict_9143: bool,
}

/// Checks that `answer` is a legal answer to `offer` (rulebook F1-F36).
///
/// The checks that need the previous exchange (F23 for a subsequent offer, F24, F28, F35) are
/// skipped; use [`check_answer_with`] to run them. Violations come sorted by rule, then
/// m-section.
pub fn check_answer(offer: &Session<'_>, answer: &Session<'_>) -> Vec<Violation> {
    check_answer_with(offer, answer, None)
}

/// Checks `answer` against `offer`, and, when `previous` (the previous offer and answer of the
/// same session) is given, also the rules about what must stay the same or change across
/// exchanges: F23 (rejecting the offerer-tagged section of an established group), F24
/// (removing a member from an established group), F28 (ICE restart) and F35 (tls-id).
pub fn check_answer_with(
    offer: &Session<'_>,
    answer: &Session<'_>,
    previous: Option<(&Session<'_>, &Session<'_>)>,
) -> Vec<Violation> {
    check_answer_with_options(offer, answer, previous, &CheckOptions::default())
}

/// [`check_answer_with`] with [`CheckOptions`].
pub fn check_answer_with_options(
    offer: &Session<'_>,
    answer: &Session<'_>,
    previous: Option<(&Session<'_>, &Session<'_>)>,
    options: &CheckOptions,
) -> Vec<Violation> {
    let ctx = Ctx::new(offer, answer, previous, *options);
    let mut report = Report::default();
    structure::check(&ctx, &mut report);
    codecs::check(&ctx, &mut report);
    extmap::check(&ctx, &mut report);
    transport::check(&ctx, &mut report);
    bundle::check(&ctx, &mut report);
    simulcast::check(&ctx, &mut report);
    data::check(&ctx, &mut report);
    streams::check(&ctx, &mut report);
    report.into_sorted()
}

/// Whether `offer` is a JSEP offer (rulebook section 0): it carries `ice-ufrag` and a
/// fingerprint, or one of its protocols is a WebRTC one: RTP over DTLS-SRTP
/// (`UDP/TLS/RTP/SAVPF`, `TCP/DTLS/RTP/SAVPF`, ...) or SCTP over DTLS (`UDP/DTLS/SCTP`,
/// `DTLS/SCTP`). Otherwise it is a classic RFC 3264 offer, for which ICE, DTLS, BUNDLE and
/// rtcp-mux are optional (G1).
///
/// TLS over TCP alone (`TCP/TLS/BFCP`, `TCP/TLS/MSRP`) is SIP, not WebRTC, as in the
/// validator's profile detection (`sdp_core::validate::Profile::detect`): section 0 reads
/// "proto contains TLS or DTLS" with the WebRTC protocols in mind.
pub fn is_jsep_offer(offer: &Session<'_>) -> bool {
    let anywhere = |name: &str| {
        offer.has_attribute(name) || offer.media().iter().any(|m| m.has_attribute(name))
    };
    let webrtc_proto = offer.media().iter().any(|m| {
        m.media_line().is_some_and(|l| {
            let proto = l.proto.to_ascii_uppercase();
            proto.contains("TLS/RTP") || proto.contains("DTLS/RTP") || proto.ends_with("DTLS/SCTP")
        })
    });
    (anywhere("ice-ufrag") && anywhere("fingerprint")) || webrtc_proto
}

/// The violations found so far.
#[derive(Debug, Default)]
struct Report {
    found: Vec<Violation>,
}

impl Report {
    fn push(
        &mut self,
        rule: &'static str,
        severity: Severity,
        media: Option<usize>,
        message: String,
    ) {
        self.found.push(Violation {
            rule,
            severity,
            media,
            message,
        });
    }

    fn error(&mut self, rule: &'static str, media: Option<usize>, message: String) {
        self.push(rule, Severity::Error, media, message);
    }

    fn warning(&mut self, rule: &'static str, media: Option<usize>, message: String) {
        self.push(rule, Severity::Warning, media, message);
    }

    fn info(&mut self, rule: &'static str, media: Option<usize>, message: String) {
        self.push(rule, Severity::Info, media, message);
    }

    /// The violations by rule number, then m-section (session-level first), in finding order
    /// otherwise.
    fn into_sorted(mut self) -> Vec<Violation> {
        self.found.sort_by_key(|v| (rule_number(v.rule), v.media));
        self.found
    }
}

/// `F12` → 12 (unknown ids last).
fn rule_number(rule: &str) -> u32 {
    rule.strip_prefix('F')
        .and_then(|n| n.parse().ok())
        .unwrap_or(u32::MAX)
}

/// What the answer did with an m-section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Accepted: a non-zero port.
    Accepted,
    /// Port 0 but listed (not first) in an answer BUNDLE group, for a section the offer did not
    /// disable: the RFC 8843 form of a bundled section, or str0m's (A23, F22). Counts as
    /// accepted.
    Bundled8843,
    /// Rejected: port 0 otherwise.
    Rejected,
}

/// One m-section of the offer and the answer at the same index.
#[derive(Debug, Clone, Copy)]
struct Pair<'c> {
    index: usize,
    offer: &'c Media<'c>,
    answer: &'c Media<'c>,
    state: State,
}

impl Pair<'_> {
    fn accepted(&self) -> bool {
        self.state != State::Rejected
    }

    /// Whether the offer disabled the section: port 0 without `a=bundle-only` (A3a).
    fn offer_disabled(&self) -> bool {
        self.offer.is_disabled()
    }

    fn is_rtp(&self) -> bool {
        self.offer.media_line().is_some_and(|l| l.is_rtp())
            && self.answer.media_line().is_some_and(|l| l.is_rtp())
    }
}

/// Everything the checks share: the two descriptions, their pairs and BUNDLE groups.
struct Ctx<'c> {
    offer: &'c Session<'c>,
    answer: &'c Session<'c>,
    previous: Option<(&'c Session<'c>, &'c Session<'c>)>,
    options: CheckOptions,
    jsep: bool,
    pairs: Vec<Pair<'c>>,
    /// The mids of each `a=group:BUNDLE` of the offer.
    offer_bundles: Vec<Vec<&'c str>>,
    /// The mids of each `a=group:BUNDLE` of the answer.
    answer_bundles: Vec<Vec<&'c str>>,
}

impl<'c> Ctx<'c> {
    fn new(
        offer: &'c Session<'c>,
        answer: &'c Session<'c>,
        previous: Option<(&'c Session<'c>, &'c Session<'c>)>,
        options: CheckOptions,
    ) -> Self {
        let offer_bundles = bundle_groups(offer);
        let answer_bundles = bundle_groups(answer);
        let pairs = offer
            .media()
            .iter()
            .zip(answer.media())
            .enumerate()
            .map(|(index, (o, a))| {
                let in_group_not_first = a.mid().is_some_and(|mid| {
                    answer_bundles
                        .iter()
                        .any(|g| g.iter().skip(1).any(|m| *m == mid))
                });
                let state = if a.port() != Some(0) {
                    State::Accepted
                } else if in_group_not_first && !o.is_disabled() {
                    State::Bundled8843
                } else {
                    State::Rejected
                };
                Pair {
                    index,
                    offer: o,
                    answer: a,
                    state,
                }
            })
            .collect();
        Ctx {
            offer,
            answer,
            previous,
            options,
            jsep: is_jsep_offer(offer),
            pairs,
            offer_bundles,
            answer_bundles,
        }
    }

    fn accepted(&self) -> impl Iterator<Item = &Pair<'c>> + '_ {
        self.pairs.iter().filter(|p| p.accepted())
    }

    /// The answer BUNDLE group listing `pair`'s mid, and the position in it.
    fn answer_group_of(&self, pair: &Pair<'_>) -> Option<(usize, usize)> {
        let mid = pair.answer.mid()?;
        self.answer_bundles
            .iter()
            .enumerate()
            .find_map(|(g, mids)| Some((g, mids.iter().position(|m| *m == mid)?)))
    }

    /// Whether an accepted section is bundled: listed in an answer BUNDLE group.
    fn is_bundled(&self, pair: &Pair<'_>) -> bool {
        pair.accepted() && self.answer_group_of(pair).is_some()
    }

    /// Whether an accepted section owns its transport: it is not bundled, or it is the tagged
    /// (first) section of its BUNDLE group (A14, A21).
    fn owns_transport(&self, pair: &Pair<'_>) -> bool {
        pair.accepted() && self.answer_group_of(pair).map_or(true, |(_, pos)| pos == 0)
    }

    /// The accepted pair whose answer mid is `mid`.
    fn pair_by_answer_mid(&self, mid: &str) -> Option<&Pair<'c>> {
        self.pairs.iter().find(|p| p.answer.mid() == Some(mid))
    }
}

/// The mids of every `a=group:BUNDLE` of a session.
fn bundle_groups<'c>(session: &'c Session<'c>) -> Vec<Vec<&'c str>> {
    session
        .typed::<Group>()
        .filter(|g| g.semantics() == GroupSemantics::Bundle)
        .map(|g| g.mids().collect())
        .collect()
}

/// The first well-formed `T` of the section, else of the session (session-level attributes
/// apply to every section, JSEP §5.3.1).
fn media_or_session<'s, T: TypedAttribute<'s> + 's>(
    session: &'s Session<'_>,
    media: &'s Media<'_>,
) -> Option<T> {
    media.first::<T>().or_else(|| session.first::<T>())
}

/// The raw value of attribute `name` in the section, else at session level.
fn raw_media_or_session<'s>(
    session: &'s Session<'_>,
    media: &'s Media<'_>,
    name: &str,
) -> Option<&'s str> {
    media
        .attribute(name)
        .or_else(|| session.attribute(name))
        .and_then(|a| a.value())
}

/// Whether the section is an SCTP data section (`m=application ... DTLS/SCTP ...`): its
/// protocol has an `SCTP` token and no `RTP` one. A protocol with both (`RTP/AVPLS/SCTP`) is
/// read as RTP, as the answer engine reads it, so that the checker does not hold an answer to
/// the rules of a data channel the engine never saw.
fn is_sctp(media: &Media<'_>) -> bool {
    media
        .media_line()
        .is_some_and(|l| !l.is_rtp() && l.proto.split('/').any(|p| p.eq_ignore_ascii_case("SCTP")))
}
