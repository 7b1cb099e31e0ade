//! What an offer/answer exchange agreed on: the view a media pipeline configures itself from.

use sdp_core::attr::direction::Direction;
use sdp_core::validate::Profile;
use serde::Serialize;

use crate::codec::NegotiatedCodec;
use crate::config::MediaKind;

/// JSEP (WebRTC) or classic RFC 3264 (rulebook section 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// WebRTC: ICE and DTLS mandatory.
    Jsep,
    /// Classic SIP offer/answer.
    Classic,
}

impl Mode {
    /// The validation profile a description of this mode is checked under: WebRTC for JSEP,
    /// SIP for classic offer/answer.
    ///
    /// ```
    /// use sdp_core::validate::Profile;
    /// use sdp_negotiate::negotiated::Mode;
    /// assert_eq!(Mode::Jsep.validation_profile(), Profile::Webrtc);
    /// assert_eq!(Mode::Classic.validation_profile(), Profile::Sip);
    /// ```
    pub fn validation_profile(self) -> Profile {
        match self {
            Mode::Jsep => Profile::Webrtc,
            Mode::Classic => Profile::Sip,
        }
    }
}

/// Our DTLS role (RFC 5763 §5: `a=setup:active` is the DTLS client).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DtlsRole {
    /// We connect (`a=setup:active`).
    Client,
    /// We accept (`a=setup:passive`).
    Server,
}

/// Everything the exchange agreed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Negotiated {
    /// The mode used.
    pub mode: Mode,
    /// One entry per m-section, in order.
    pub sections: Vec<SectionOutcome>,
    /// The answer's BUNDLE groups (mids, the tagged one first).
    pub bundle_groups: Vec<Vec<String>>,
}

impl Negotiated {
    /// Whether every m-section was rejected (a SIP stack typically answers 488, rulebook G12).
    pub fn all_rejected(&self) -> bool {
        self.sections
            .iter()
            .all(|s| matches!(s, SectionOutcome::Rejected(_)))
    }

    /// The accepted sections.
    pub fn accepted(&self) -> impl Iterator<Item = &AcceptedSection> {
        self.sections.iter().filter_map(|s| match s {
            SectionOutcome::Accepted(a) => Some(a),
            SectionOutcome::Rejected(_) => None,
        })
    }
}

/// The outcome of one m-section.
// Boxing the accepted variant would cost an allocation per section for no gain: a
// `Negotiated` holds one outcome per m-section, and most are accepted.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum SectionOutcome {
    /// Accepted, with what was agreed.
    Accepted(AcceptedSection),
    /// Rejected (port 0), with why.
    Rejected(RejectedSection),
}

/// A rejected m-section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RejectedSection {
    /// Index of the m-section.
    pub index: usize,
    /// Its mid, if the offer had one.
    pub mid: Option<String>,
    /// The media type as offered.
    pub media: String,
    /// Why it was rejected.
    pub reason: RejectReason,
}

/// Why an m-section was rejected (rulebook A3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RejectReason {
    /// A3(a): the offer disabled it (port 0 without bundle-only).
    DisabledByOfferer,
    /// A3(b): the local side stopped or refuses it.
    Stopped,
    /// A3(c), B15: no primary codec in common.
    NoCommonCodec,
    /// A3(d): the media type or protocol is not supported (which one).
    Unsupported(String),
    /// A3(e): a section that owns its transport lacks ICE credentials or a fingerprint.
    MissingTransport(String),
    /// A3(f), A23: a bundle-only section that cannot be kept in a BUNDLE group.
    BundleOnlyNotBundled,
    /// A3(g), A22: rejected with the BUNDLE-tagged section of an established group.
    BundleTagRejected,
    /// A3(h): a second or later SCTP data section.
    ExtraDataChannel,
    /// A3(i), A7, A8: RTCP multiplexing required on one side and impossible on the other.
    RtcpMux(String),
    /// A16: the offer used `a=setup:holdconn`.
    DtlsSetup(String),
}

impl std::fmt::Display for RejectReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RejectReason::DisabledByOfferer => f.write_str("disabled in the offer (port 0)"),
            RejectReason::Stopped => f.write_str("stopped by the local side"),
            RejectReason::NoCommonCodec => f.write_str("no codec in common"),
            RejectReason::Unsupported(what) => write!(f, "unsupported: {what}"),
            RejectReason::MissingTransport(what) => {
                write!(f, "missing transport attributes: {what}")
            }
            RejectReason::BundleOnlyNotBundled => {
                f.write_str("bundle-only section outside any BUNDLE group")
            }
            RejectReason::BundleTagRejected => {
                f.write_str("the BUNDLE-tagged section of its group was rejected")
            }
            RejectReason::ExtraDataChannel => {
                f.write_str("only the first data-channel section is used")
            }
            RejectReason::RtcpMux(why) => write!(f, "RTCP multiplexing: {why}"),
            RejectReason::DtlsSetup(why) => write!(f, "DTLS setup: {why}"),
        }
    }
}

/// An accepted m-section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedSection {
    /// Index of the m-section.
    pub index: usize,
    /// Its mid, if any.
    pub mid: Option<String>,
    /// Audio, video or application.
    pub kind: MediaKind,
    /// The direction of our answer (what we do).
    #[serde(serialize_with = "direction_name")]
    pub direction: Direction,
    /// The agreed codecs (empty for data channels).
    pub codecs: Vec<NegotiatedCodec>,
    /// The agreed header extensions.
    pub extensions: Vec<NegotiatedExtension>,
    /// Transport: BUNDLE, ICE, DTLS, RTCP mux.
    pub transport: Transport,
    /// Data-channel parameters, for an SCTP section.
    pub sctp: Option<SctpParams>,
    /// Simulcast, when agreed.
    pub simulcast: Option<SimulcastOutcome>,
    /// Whether reduced-size RTCP was agreed.
    pub rtcp_rsize: bool,
}

/// A header extension both sides use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NegotiatedExtension {
    /// The id (the offer's, rulebook C2).
    pub id: u16,
    /// The URI.
    pub uri: String,
    /// Our direction for it.
    #[serde(serialize_with = "direction_name")]
    pub direction: Direction,
    /// Whether the encrypted form (RFC 6904) is used.
    pub encrypted: bool,
}

/// Transport of an accepted section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transport {
    /// Index into [`Negotiated::bundle_groups`] when the section is bundled.
    pub bundle_group: Option<usize>,
    /// Whether the section carries the transport (the BUNDLE-tagged one, or unbundled).
    pub owns_transport: bool,
    /// Our ICE username fragment.
    pub local_ufrag: String,
    /// Our ICE password.
    pub local_pwd: String,
    /// The remote ICE username fragment.
    pub remote_ufrag: Option<String>,
    /// The remote ICE password.
    pub remote_pwd: Option<String>,
    /// Whether the offer restarts ICE for this transport (E6).
    pub ice_restart: bool,
    /// Our DTLS role (JSEP only).
    pub dtls_role: Option<DtlsRole>,
    /// The remote certificate fingerprints (`sha-256 AB:CD:...`).
    pub remote_fingerprints: Vec<String>,
    /// Whether RTP and RTCP share the port.
    pub rtcp_mux: bool,
}

/// Data-channel (SCTP) parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SctpParams {
    /// Our SCTP port.
    pub local_port: u16,
    /// The remote SCTP port.
    pub remote_port: u16,
    /// The largest message the remote can receive (0: any size).
    pub remote_max_message_size: u64,
    /// Whether the legacy `DTLS/SCTP` + `a=sctpmap` form is used (A26).
    pub legacy: bool,
}

/// Serializes a direction as its attribute name (`sendrecv`, ...).
fn direction_name<S: serde::Serializer>(
    direction: &Direction,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(direction.name())
}

/// Agreed simulcast (rulebook D).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SimulcastOutcome {
    /// The rids we receive, in preference order.
    pub recv: Vec<String>,
    /// The rids we send, in preference order.
    pub send: Vec<String>,
    /// Rids marked paused (`~`) by the offer.
    pub paused: Vec<String>,
}
