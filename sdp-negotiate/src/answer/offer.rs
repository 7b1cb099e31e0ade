//! A pre-digested view of the offer: per m-section what the answer rules look at, with
//! session-level attributes inherited (JSEP §5.8: session attributes apply to every section).

use sdp_core::attr::bundle::{Group, GroupSemantics, Mid};
use sdp_core::attr::direction::Direction;
use sdp_core::attr::dtls::{Fingerprint, Setup, TlsId};
use sdp_core::attr::extmap::Extmap;
use sdp_core::attr::ice::{IceOptions, IcePwd, IceUfrag};
use sdp_core::attr::rid::Rid;
use sdp_core::attr::sctp::{MaxMessageSize, SctpPort, Sctpmap};
use sdp_core::attr::simulcast::Simulcast;
use sdp_core::field::MediaLine;
use sdp_core::{Media, Session};

use crate::config::MediaKind;

/// One offered m-section.
pub(crate) struct OfferedSection<'s> {
    pub(crate) index: usize,
    pub(crate) media: &'s Media<'s>,
    pub(crate) line: Option<MediaLine<'s>>,
    pub(crate) kind: Option<MediaKind>,
    pub(crate) mid: Option<&'s str>,
    pub(crate) bundle_only: bool,
    pub(crate) ufrag: Option<&'s str>,
    pub(crate) pwd: Option<&'s str>,
    pub(crate) ice_options: Vec<&'s str>,
    pub(crate) fingerprints: Vec<Fingerprint<'s>>,
    pub(crate) setup: Option<Setup>,
    pub(crate) tls_id: Option<&'s str>,
    pub(crate) direction: Direction,
    pub(crate) rtcp_mux: bool,
    pub(crate) rtcp_mux_only: bool,
    pub(crate) rtcp_rsize: bool,
    /// Media-level extmaps, then session-level ones not overridden.
    pub(crate) extmaps: Vec<Extmap<'s>>,
    /// Whether `a=extmap-allow-mixed` is in this section (media level).
    pub(crate) extmap_allow_mixed_media: bool,
    pub(crate) simulcast: Option<Simulcast<'s>>,
    pub(crate) rids: Vec<Rid<'s>>,
    pub(crate) sctp_port: Option<u16>,
    pub(crate) max_message_size: Option<u64>,
    pub(crate) sctpmap: Option<Sctpmap<'s>>,
}

impl OfferedSection<'_> {
    /// The port, 0 when the m-line does not parse.
    pub(crate) fn port(&self) -> u16 {
        self.line.map_or(0, |l| l.port)
    }

    /// The protocol as written.
    pub(crate) fn proto(&self) -> &str {
        self.line.map_or("", |l| l.proto)
    }

    /// A3(a): port 0 without bundle-only means the offerer disabled the section.
    pub(crate) fn disabled(&self) -> bool {
        self.port() == 0 && !self.bundle_only
    }

    /// Whether the protocol carries RTP.
    pub(crate) fn is_rtp(&self) -> bool {
        self.line.is_some_and(|l| l.is_rtp())
    }

    /// Whether the protocol is SCTP over DTLS (A25, A26): one of the three JSEP knows
    /// (RFC 9429 §5.1.2), as the validator's `SDP0905` says; a look-alike is not one.
    pub(crate) fn is_sctp(&self) -> bool {
        ["UDP/DTLS/SCTP", "TCP/DTLS/SCTP", "DTLS/SCTP"]
            .iter()
            .any(|p| self.proto().eq_ignore_ascii_case(p))
    }

    /// Whether the protocol is secure RTP: its profile (the last token) is `SAVP` or `SAVPF`
    /// (RFC 3711, RFC 5124), as the validator's `SDP0904` says; `SAVPFx` is not.
    pub(crate) fn is_srtp(&self) -> bool {
        self.proto()
            .rsplit('/')
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case("SAVP") || p.eq_ignore_ascii_case("SAVPF"))
    }

    /// Whether the legacy data-channel form is used (`DTLS/SCTP` with a port as format, A26).
    pub(crate) fn is_legacy_sctp(&self) -> bool {
        self.proto().eq_ignore_ascii_case("DTLS/SCTP")
    }
}

/// The offer as the answer rules see it.
pub(crate) struct OfferView<'s> {
    pub(crate) session: &'s Session<'s>,
    pub(crate) sections: Vec<OfferedSection<'s>>,
    /// BUNDLE groups: the mids in offer order.
    pub(crate) bundle_groups: Vec<Vec<&'s str>>,
    /// `a=extmap-allow-mixed` at session level.
    pub(crate) extmap_allow_mixed_session: bool,
    /// `a=ice-lite` at session level.
    pub(crate) ice_lite: bool,
    /// Whether the offer is a JSEP one (rulebook section 0), whatever mode we answer in.
    pub(crate) jsep: bool,
}

impl<'s> OfferView<'s> {
    pub(crate) fn new(session: &'s Session<'s>) -> Self {
        let session_ufrag = session.first::<IceUfrag>().map(|u| u.as_str());
        let session_pwd = session.first::<IcePwd>().map(|p| p.as_str());
        let session_options: Vec<&str> = session
            .typed::<IceOptions>()
            .flat_map(|o| o.iter().collect::<Vec<_>>())
            .collect();
        let session_fingerprints: Vec<Fingerprint<'_>> = session.typed::<Fingerprint>().collect();
        let session_setup = session.first::<Setup>();
        let session_tls_id = session.first::<TlsId>().map(|t| t.as_str());
        let session_extmaps: Vec<Extmap<'_>> = session.typed::<Extmap>().collect();
        let sections = session
            .media()
            .iter()
            .enumerate()
            .map(|(index, media)| {
                let line = media.media_line();
                let kind = MediaKind::from_name(media.kind());
                let media_options: Vec<&str> = media
                    .typed::<IceOptions>()
                    .flat_map(|o| o.iter().collect::<Vec<_>>())
                    .collect();
                let media_fingerprints: Vec<Fingerprint<'_>> =
                    media.typed::<Fingerprint>().collect();
                let mut extmaps: Vec<Extmap<'_>> = media.typed::<Extmap>().collect();
                for e in &session_extmaps {
                    if !extmaps.iter().any(|m| m.id == e.id) {
                        extmaps.push(*e);
                    }
                }
                OfferedSection {
                    index,
                    media,
                    line,
                    kind,
                    mid: media.first::<Mid>().map(|m| m.as_str()),
                    bundle_only: media.has_attribute("bundle-only"),
                    ufrag: media
                        .first::<IceUfrag>()
                        .map(|u| u.as_str())
                        .or(session_ufrag),
                    pwd: media.first::<IcePwd>().map(|p| p.as_str()).or(session_pwd),
                    ice_options: if media_options.is_empty() {
                        session_options.clone()
                    } else {
                        media_options
                    },
                    fingerprints: if media_fingerprints.is_empty() {
                        session_fingerprints.clone()
                    } else {
                        media_fingerprints
                    },
                    setup: media.first::<Setup>().or(session_setup),
                    tls_id: media
                        .first::<TlsId>()
                        .map(|t| t.as_str())
                        .or(session_tls_id),
                    direction: session.direction_of(media),
                    rtcp_mux: media.has_attribute("rtcp-mux"),
                    rtcp_mux_only: media.has_attribute("rtcp-mux-only"),
                    rtcp_rsize: media.has_attribute("rtcp-rsize"),
                    extmaps,
                    extmap_allow_mixed_media: media.has_attribute("extmap-allow-mixed"),
                    simulcast: media.first::<Simulcast>(),
                    rids: media.typed::<Rid>().collect(),
                    sctp_port: media.first::<SctpPort>().map(|p| p.0),
                    max_message_size: media.first::<MaxMessageSize>().map(|m| m.0),
                    sctpmap: media.first::<Sctpmap>(),
                }
            })
            .collect();
        let bundle_groups = session
            .typed::<Group>()
            .filter(|g| g.semantics() == GroupSemantics::Bundle)
            .map(|g| g.mids().collect())
            .collect();
        OfferView {
            session,
            sections,
            bundle_groups,
            extmap_allow_mixed_session: session.has_attribute("extmap-allow-mixed"),
            ice_lite: session.has_attribute("ice-lite"),
            jsep: crate::check::is_jsep_offer(session),
        }
    }

    /// The offered section with `mid`.
    pub(crate) fn by_mid(&self, mid: &str) -> Option<&OfferedSection<'s>> {
        self.sections.iter().find(|s| s.mid == Some(mid))
    }
}
