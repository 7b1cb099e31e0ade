//! What an applied answer agreed on, read from the offer and the answer (the negotiator's side
//! of [`Negotiated`]), and the per-section transport attributes E6 and E7 compare.

use std::collections::HashMap;

use sdp_core::attr::bundle::{Group, GroupSemantics, Mid};
use sdp_core::attr::dtls::{Fingerprint, Setup, TlsId};
use sdp_core::attr::extmap::Extmap;
use sdp_core::attr::ice::{IcePwd, IceUfrag};
use sdp_core::attr::sctp::{MaxMessageSize, SctpPort};
use sdp_core::attr::simulcast::Simulcast;
use sdp_core::codec::Codec;
use sdp_core::{Media, Session};

use crate::codec::{CodecRole, NegotiatedCodec};
use crate::config::MediaKind;
use crate::negotiated::{
    AcceptedSection, DtlsRole, Mode, Negotiated, NegotiatedExtension, RejectReason,
    RejectedSection, SctpParams, SectionOutcome, SimulcastOutcome, Transport,
};

/// The transport attributes of one section, session-level values inherited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SectionTransport {
    pub(crate) ufrag: Option<String>,
    pub(crate) pwd: Option<String>,
    pub(crate) fingerprints: Vec<String>,
    pub(crate) setup: Option<Setup>,
    pub(crate) tls_id: Option<String>,
}

/// The transport attributes of `media` in `session`.
pub(crate) fn transport_of(session: &Session<'_>, media: &Media<'_>) -> SectionTransport {
    let mut fingerprints: Vec<String> = media
        .typed::<Fingerprint>()
        .map(|f| f.to_string())
        .collect();
    if fingerprints.is_empty() {
        fingerprints = session
            .typed::<Fingerprint>()
            .map(|f| f.to_string())
            .collect();
    }
    SectionTransport {
        ufrag: media
            .first::<IceUfrag>()
            .or_else(|| session.first::<IceUfrag>())
            .map(|u| u.as_str().to_owned()),
        pwd: media
            .first::<IcePwd>()
            .or_else(|| session.first::<IcePwd>())
            .map(|p| p.as_str().to_owned()),
        fingerprints,
        setup: media.first::<Setup>().or_else(|| session.first::<Setup>()),
        tls_id: media
            .first::<TlsId>()
            .or_else(|| session.first::<TlsId>())
            .map(|t| t.as_str().to_owned()),
    }
}

/// The transports of the sections that are not disabled, by mid (E6 compares only those).
pub(crate) fn active_transports(session: &Session<'_>) -> HashMap<String, SectionTransport> {
    session
        .media()
        .iter()
        .filter(|m| !m.is_disabled())
        .filter_map(|m| {
            let mid = m.first::<Mid>()?.as_str().to_owned();
            Some((mid, transport_of(session, m)))
        })
        .collect()
}

/// The role a codec plays, from its encoding name.
fn role_of(codec: &Codec<'_>) -> CodecRole {
    let name = codec.encoding_name.to_ascii_lowercase();
    match name.as_str() {
        "rtx" => CodecRole::Rtx {
            apt: codec
                .fmtp_param("apt")
                .and_then(|a| a.parse().ok())
                .unwrap_or_default(),
        },
        "red" => CodecRole::Red,
        "ulpfec" | "flexfec" | "flexfec-03" => CodecRole::Fec,
        "telephone-event" => CodecRole::TelephoneEvent,
        "cn" => CodecRole::ComfortNoise,
        _ => CodecRole::Primary,
    }
}

/// The agreed codecs of one section: the answer's formats (PTs as in the answer), with the
/// fmtp each side receives with.
fn codecs(offer: &Media<'_>, answer: &Media<'_>) -> Vec<NegotiatedCodec> {
    let offered = offer.codecs();
    answer
        .codecs()
        .iter()
        .filter(|c| c.is_known())
        .map(|c| {
            let ours = offered.iter().find(|o| o.payload_type == c.payload_type);
            NegotiatedCodec {
                payload_type: c.payload_type,
                name: c.encoding_name.to_owned(),
                clock_rate: c.clock_rate.unwrap_or_default(),
                channels: c.channels,
                role: role_of(c),
                answer_fmtp: c.fmtp.map(|f| f.params_text().to_owned()),
                offer_fmtp: ours.and_then(|o| o.fmtp.map(|f| f.params_text().to_owned())),
                rtcp_fb: c
                    .rtcp_fb
                    .iter()
                    .map(|fb| match fb.params_text() {
                        Some(p) => format!("{} {p}", fb.kind_text()),
                        None => fb.kind_text().to_owned(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Builds the agreement of `offer` and `answer` from one side: `we_offered` says whether the
/// offer is ours (the answer then is theirs) or theirs.
pub(crate) fn negotiated_from(
    offer: &Session<'_>,
    answer: &Session<'_>,
    we_offered: bool,
) -> Negotiated {
    let mode = if crate::check::is_jsep_offer(offer) {
        Mode::Jsep
    } else {
        Mode::Classic
    };
    let bundle_groups: Vec<Vec<String>> = answer
        .typed::<Group>()
        .filter(|g| g.semantics() == GroupSemantics::Bundle)
        .map(|g| g.mids().map(str::to_owned).collect())
        .collect();
    let sections = offer
        .media()
        .iter()
        .enumerate()
        .map(|(index, o)| {
            let mid = o.first::<Mid>().map(|m| m.as_str().to_owned());
            let a = answer.media().get(index);
            let kind = MediaKind::from_name(o.kind());
            match (a, kind) {
                (Some(a), Some(kind)) if !a.is_disabled() && !o.is_disabled() => {
                    SectionOutcome::Accepted(accepted(
                        (offer, o),
                        (answer, a),
                        index,
                        mid,
                        kind,
                        &bundle_groups,
                        we_offered,
                    ))
                }
                _ => SectionOutcome::Rejected(RejectedSection {
                    index,
                    mid,
                    media: o.kind().to_owned(),
                    reason: if o.is_disabled() {
                        RejectReason::DisabledByOfferer
                    } else {
                        RejectReason::Stopped
                    },
                }),
            }
        })
        .collect();
    Negotiated {
        mode,
        sections,
        bundle_groups,
    }
}

/// One accepted section (see [`negotiated_from`]).
fn accepted(
    (offer, o): (&Session<'_>, &Media<'_>),
    (answer, a): (&Session<'_>, &Media<'_>),
    index: usize,
    mid: Option<String>,
    kind: MediaKind,
    bundle_groups: &[Vec<String>],
    we_offered: bool,
) -> AcceptedSection {
    let answered = answer.direction_of(a);
    let offer_t = transport_of(offer, o);
    let answer_t = transport_of(answer, a);
    let (local, remote) = if we_offered {
        (&offer_t, &answer_t)
    } else {
        (&answer_t, &offer_t)
    };
    // A16: `active` in the answer is the DTLS client; our role is the answerer's or its opposite.
    let answerer_role = match answer_t.setup {
        Some(Setup::Passive) => Some(DtlsRole::Server),
        Some(Setup::Active) | None if mode_is_jsep(offer) => Some(DtlsRole::Client),
        _ => None,
    };
    let dtls_role = answerer_role.map(|r| match (we_offered, r) {
        (false, r) => r,
        (true, DtlsRole::Client) => DtlsRole::Server,
        (true, DtlsRole::Server) => DtlsRole::Client,
    });
    let group = mid
        .as_deref()
        .and_then(|m| bundle_groups.iter().position(|g| g.iter().any(|x| x == m)));
    let tagged = group
        .and_then(|g| bundle_groups.get(g))
        .and_then(|g| g.first())
        .is_some_and(|t| Some(t) == mid.as_ref());
    let sctp = (kind == MediaKind::Application).then(|| {
        let port = |m: &Media<'_>| m.first::<SctpPort>().map_or(5000, |p| p.0);
        let (ours, theirs) = if we_offered { (o, a) } else { (a, o) };
        SctpParams {
            local_port: port(ours),
            remote_port: port(theirs),
            remote_max_message_size: theirs.first::<MaxMessageSize>().map_or(65536, |m| m.0),
            legacy: a
                .media_line()
                .is_some_and(|l| l.proto.eq_ignore_ascii_case("DTLS/SCTP")),
        }
    });
    // D: the answer's recv list is what the answerer receives.
    let simulcast = a.first::<Simulcast>().map(|sim| {
        let rids =
            |list: Option<sdp_core::attr::simulcast::SimulcastList<'_>>| -> Vec<(String, bool)> {
                list.map(|l| l.rids().map(|r| (r.rid.to_owned(), r.paused)).collect())
                    .unwrap_or_default()
            };
        let recv = rids(sim.recv_list());
        let send = rids(sim.send_list());
        let (ours_recv, ours_send) = if we_offered {
            (send, recv)
        } else {
            (recv, send)
        };
        SimulcastOutcome {
            paused: ours_recv
                .iter()
                .chain(&ours_send)
                .filter(|(_, p)| *p)
                .map(|(r, _)| r.clone())
                .collect(),
            recv: ours_recv.into_iter().map(|(r, _)| r).collect(),
            send: ours_send.into_iter().map(|(r, _)| r).collect(),
        }
    });
    AcceptedSection {
        index,
        mid,
        kind,
        // A6: the answered direction is the answerer's; the offerer's is its reverse.
        direction: if we_offered {
            answered.reversed()
        } else {
            answered
        },
        codecs: if kind == MediaKind::Application {
            Vec::new()
        } else {
            codecs(o, a)
        },
        extensions: extensions(answer, a, we_offered),
        transport: Transport {
            bundle_group: group,
            owns_transport: group.is_none() || tagged,
            local_ufrag: local.ufrag.clone().unwrap_or_default(),
            local_pwd: local.pwd.clone().unwrap_or_default(),
            remote_ufrag: remote.ufrag.clone(),
            remote_pwd: remote.pwd.clone(),
            ice_restart: false,
            dtls_role,
            remote_fingerprints: remote.fingerprints.clone(),
            rtcp_mux: a.has_attribute("rtcp-mux") || kind == MediaKind::Application,
        },
        sctp,
        simulcast,
        rtcp_rsize: a.has_attribute("rtcp-rsize"),
    }
}

/// The header extensions of the answer (media level, then session level), with our direction:
/// the answer's when we answered, its reverse when we offered (C4).
fn extensions(answer: &Session<'_>, a: &Media<'_>, we_offered: bool) -> Vec<NegotiatedExtension> {
    let mut out: Vec<NegotiatedExtension> = Vec::new();
    for ext in a.typed::<Extmap>().chain(answer.typed::<Extmap>()) {
        if out.iter().any(|e| e.id == ext.id) {
            continue;
        }
        let answered = ext.direction.unwrap_or_default();
        out.push(NegotiatedExtension {
            id: ext.id,
            uri: ext.uri.to_owned(),
            direction: if we_offered {
                answered.reversed()
            } else {
                answered
            },
            encrypted: ext.encrypted,
        });
    }
    out
}

/// Marks the accepted sections whose mid is in `restarted` as restarting ICE (E6).
pub(crate) fn mark_ice_restarts(negotiated: &mut Negotiated, restarted: &[String]) {
    for section in &mut negotiated.sections {
        if let SectionOutcome::Accepted(a) = section {
            if a.mid.as_ref().is_some_and(|mid| restarted.contains(mid)) {
                a.transport.ice_restart = true;
            }
        }
    }
}

/// Rulebook section 0, as the checker decides it.
fn mode_is_jsep(offer: &Session<'_>) -> bool {
    crate::check::is_jsep_offer(offer)
}
