//! Per m-section decisions: accept or reject (A3), direction (A6), RTCP (A7-A9), codecs (B),
//! header extensions (C), simulcast (D) and data channels (A25-A27).

use sdp_core::attr::direction::Direction;
use sdp_core::attr::rid::RidDirection;
use sdp_core::attr::simulcast::SimulcastSyntax;

use super::offer::{OfferView, OfferedSection};
use super::AnswerOptions;
use crate::codec::{negotiate_codecs, CodecOptions, CodecOutcome};
use crate::config::{Config, MediaKind, RtcpMuxPolicy};
use crate::error::NegotiationError;
use crate::negotiated::{Mode, NegotiatedExtension, RejectReason, SctpParams};

/// The transport-wide congestion control extension (gates `transport-cc` feedback, B14).
pub(crate) const TRANSPORT_CC_URI: &str =
    "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
/// The RID extension simulcast needs (D6).
pub(crate) const RTP_STREAM_ID_URI: &str = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

/// What we decided for one section.
pub(crate) enum Plan {
    Accepted(Box<AcceptedPlan>),
    Rejected(RejectReason),
}

impl Plan {
    pub(crate) fn is_accepted(&self) -> bool {
        matches!(self, Plan::Accepted(_))
    }
}

/// An accepted section, before transports are assigned.
pub(crate) struct AcceptedPlan {
    pub(crate) kind: MediaKind,
    pub(crate) direction: Direction,
    pub(crate) codecs: CodecOutcome,
    pub(crate) extensions: Vec<NegotiatedExtension>,
    pub(crate) extmap_allow_mixed_media: bool,
    pub(crate) rtcp_mux: bool,
    pub(crate) rtcp_rsize: bool,
    pub(crate) simulcast: Option<SimulcastPlan>,
    pub(crate) sctp: Option<SctpPlan>,
    /// Whether the offered section carries its own ICE credentials and fingerprint (A3(e)).
    pub(crate) has_transport: bool,
}

/// Agreed simulcast: the streams of each direction with their paused mark.
pub(crate) struct SimulcastPlan {
    pub(crate) recv: Vec<(String, bool)>,
    pub(crate) send: Vec<(String, bool)>,
    pub(crate) draft: bool,
}

/// Agreed data channel.
pub(crate) struct SctpPlan {
    pub(crate) params: SctpParams,
    /// The max-message-size we write, `None` to omit it (A27).
    pub(crate) answer_max_message_size: Option<u64>,
    /// The format on the m-line (legacy: the SCTP port number).
    pub(crate) format: String,
}

pub(crate) fn plan_sections(
    view: &OfferView<'_>,
    config: &Config,
    mode: Mode,
    options: &AnswerOptions<'_>,
) -> Result<Vec<Plan>, NegotiationError> {
    let mut data_accepted = false;
    let mut chosen_ids = ChosenIds::default();
    let mut plans = Vec::with_capacity(view.sections.len());
    for s in &view.sections {
        let plan = match plan_section(view, s, config, mode, options, &mut chosen_ids)? {
            // A3(h): only the first data section is used.
            Plan::Accepted(p) if p.kind == MediaKind::Application && data_accepted => {
                Plan::Rejected(RejectReason::ExtraDataChannel)
            }
            Plan::Accepted(p) => {
                data_accepted |= p.kind == MediaKind::Application;
                Plan::Accepted(p)
            }
            rejected => rejected,
        };
        plans.push(plan);
    }
    Ok(plans)
}

fn reject(reason: RejectReason) -> Result<Plan, NegotiationError> {
    Ok(Plan::Rejected(reason))
}

fn plan_section(
    view: &OfferView<'_>,
    s: &OfferedSection<'_>,
    config: &Config,
    mode: Mode,
    options: &AnswerOptions<'_>,
    chosen_ids: &mut ChosenIds,
) -> Result<Plan, NegotiationError> {
    // A3(a): the offerer disabled it.
    if s.disabled() {
        return reject(RejectReason::DisabledByOfferer);
    }
    // A3(b): we stop or refuse it.
    if s.mid
        .is_some_and(|mid| options.stopped.iter().any(|m| m == mid))
    {
        return reject(RejectReason::Stopped);
    }
    let Some(line) = s.line else {
        return reject(RejectReason::Unsupported(
            "a malformed `m=` line".to_owned(),
        ));
    };
    let Some(kind) = s.kind else {
        return reject(RejectReason::Unsupported(format!(
            "media type `{}`",
            s.media.kind()
        )));
    };
    // Section 0: in a JSEP offer ICE and DTLS are mandatory, which a classic-only endpoint
    // cannot provide; `check_answer` judges the answer by the offer's mode (F19), so a section
    // accepted without them would be an illegal answer.
    if mode == Mode::Classic && view.jsep {
        return reject(RejectReason::Unsupported(
            "ICE and DTLS, which a JSEP offer requires (rulebook section 0)".to_owned(),
        ));
    }
    let has_transport = s.ufrag.is_some() && s.pwd.is_some() && !s.fingerprints.is_empty();
    if mode == Mode::Jsep && s.setup == Some(sdp_core::attr::dtls::Setup::Holdconn) {
        // A16: holdconn is not a role an answer can take.
        return reject(RejectReason::DtlsSetup(
            "the offer says `holdconn`".to_owned(),
        ));
    }
    if kind == MediaKind::Application {
        return plan_data(
            s,
            config,
            has_transport,
            line.formats().next().unwrap_or_default(),
        );
    }
    // A3(d): audio and video need RTP; JSEP needs SRTP over DTLS, classic mode plain RTP.
    if !s.is_rtp() {
        return reject(RejectReason::Unsupported(format!(
            "protocol `{}` for {}",
            s.proto(),
            s.media.kind()
        )));
    }
    let secure = s.is_srtp();
    match mode {
        Mode::Jsep if !secure => {
            return reject(RejectReason::Unsupported(format!(
                "insecure protocol `{}` in WebRTC",
                s.proto()
            )));
        }
        // G11: SDES keying (a=crypto) is not supported.
        Mode::Classic if secure => {
            return reject(RejectReason::Unsupported(
                "SRTP with SDES keying (RFC 4568)".to_owned(),
            ));
        }
        _ => {}
    }
    // A7, A8: we can always multiplex; the policy decides whether we must. An offer with
    // rtcp-mux-only (RFC 8858) muxes even without its `a=rtcp-mux` line (A8: answer rtcp-mux).
    let rtcp_mux = s.rtcp_mux || s.rtcp_mux_only;
    if !rtcp_mux && config.rtcp_mux == RtcpMuxPolicy::Require {
        return reject(RejectReason::RtcpMux(
            "the offer does not multiplex RTCP, and the policy requires it".to_owned(),
        ));
    }
    let direction = direction_for(view, s, kind, config, mode, options);
    let allow_mixed = config.extmap_allow_mixed
        && (view.extmap_allow_mixed_session || s.extmap_allow_mixed_media);
    let extensions = negotiate_extensions(view, s, config, kind, allow_mixed, chosen_ids);
    let codec_options = CodecOptions {
        vad: config.compat.vad,
        strict: config.compat.strict,
        transport_cc: extensions.iter().any(|e| e.uri == TRANSPORT_CC_URI),
    };
    let local = if kind == MediaKind::Audio {
        &config.audio
    } else {
        &config.video
    };
    let offered = s.media.codecs();
    let codecs = negotiate_codecs(kind, &offered, local, &codec_options);
    if config.compat.strict {
        if let Some(bad) = codecs
            .dropped
            .iter()
            .find(|d| d.reason.starts_with("error:"))
        {
            return Err(NegotiationError::RemoteInvalid {
                mid: s.mid.map(str::to_owned),
                reason: format!("payload type {}: {}", bad.payload_type, bad.reason),
            });
        }
    }
    // B15: no primary codec in common rejects the section, not the answer.
    if !codecs.has_primary() {
        return reject(RejectReason::NoCommonCodec);
    }
    let simulcast = plan_simulcast(s, config, direction, &codecs, &extensions);
    Ok(Plan::Accepted(Box::new(AcceptedPlan {
        kind,
        direction,
        codecs,
        extensions,
        extmap_allow_mixed_media: s.extmap_allow_mixed_media && config.extmap_allow_mixed,
        rtcp_mux,
        rtcp_rsize: s.rtcp_rsize && config.rtcp_rsize,
        simulcast,
        sctp: None,
        has_transport,
    })))
}

/// A6: answer-send = offer-recv and local-send; answer-recv = offer-send and local-recv.
fn direction_for(
    view: &OfferView<'_>,
    s: &OfferedSection<'_>,
    kind: MediaKind,
    config: &Config,
    mode: Mode,
    options: &AnswerOptions<'_>,
) -> Direction {
    let policy = if kind == MediaKind::Audio {
        config.audio_policy
    } else {
        config.video_policy
    };
    let (local_send, local_recv) = match s
        .mid
        .and_then(|mid| options.directions.iter().find(|(m, _)| m == mid))
    {
        Some((_, d)) => (d.sends(), d.receives()),
        None => (policy.send, policy.recv),
    };
    let offer = s.direction;
    // G4: in classic mode a 0.0.0.0 connection address is the legacy RFC 2543 hold: the
    // offerer receives nothing, so we do not send. In JSEP it is only the placeholder.
    let held = mode == Mode::Classic
        && view
            .session
            .connection_of(s.media)
            .is_some_and(|c| c.address == "0.0.0.0" || c.address == "::");
    Direction::from_flags(
        offer.receives() && local_send && !held,
        offer.sends() && local_recv,
    )
}

/// C2, C3: the ids we chose for offered ids 4096-4351, by (URI, encrypted), across sections: one
/// URI keeps one id, and a chosen id means one URI in the whole answer (a BUNDLE group shares
/// one id space).
#[derive(Default)]
pub(crate) struct ChosenIds(Vec<(String, bool, u16)>);

/// C1-C5: answer the offered extensions we support, with the offer's id, reversed direction.
fn negotiate_extensions(
    view: &OfferView<'_>,
    s: &OfferedSection<'_>,
    config: &Config,
    kind: MediaKind,
    allow_mixed: bool,
    chosen_ids: &mut ChosenIds,
) -> Vec<NegotiatedExtension> {
    let mut out: Vec<NegotiatedExtension> = Vec::new();
    let max_id: u16 = if allow_mixed { 255 } else { 14 };
    for ext in &s.extmaps {
        // C1: match by URI for this media kind; C6: encrypted only if we can.
        let Some(local) = config
            .header_extensions
            .iter()
            .find(|c| c.uri == ext.uri && c.kinds.contains(&kind))
        else {
            continue;
        };
        if ext.encrypted && !local.encrypt {
            continue;
        }
        // C4: reverse the offer's direction; drop what ends up inactive.
        let direction = ext.direction.unwrap_or_default().reversed();
        if direction == Direction::Inactive {
            continue;
        }
        if out
            .iter()
            .any(|e| e.uri == ext.uri && e.encrypted == ext.encrypted)
        {
            continue;
        }
        // C2, C3: the offer's id when it is a valid one (1-255); ids 4096-4351 ask us to pick
        // one, and an invalid id (0, 256-4095, above 4351) is replaced the same way rather than
        // echoed into an answer the checker (F15) refuses.
        let id = if (1..=255).contains(&ext.id) {
            ext.id
        } else {
            // C3: free in this section and in every offered section (a BUNDLE group shares
            // ids), and not chosen for another URI; the id already chosen for this URI first.
            let free = |id: u16, out: &[NegotiatedExtension]| {
                !view
                    .sections
                    .iter()
                    .any(|o| o.extmaps.iter().any(|e| e.id == id))
                    && !out.iter().any(|e| e.id == id)
                    && !chosen_ids.0.iter().any(|(uri, encrypted, chosen)| {
                        *chosen == id && (uri != ext.uri || *encrypted != ext.encrypted)
                    })
            };
            let before = chosen_ids
                .0
                .iter()
                .find(|(uri, encrypted, _)| uri == ext.uri && *encrypted == ext.encrypted)
                .map(|(_, _, id)| *id)
                .filter(|&id| id <= max_id && free(id, &out));
            match before.or_else(|| (1..=max_id).find(|&id| free(id, &out))) {
                Some(id) => {
                    if before.is_none() {
                        chosen_ids.0.push((ext.uri.to_owned(), ext.encrypted, id));
                    }
                    id
                }
                None => continue,
            }
        };
        // C3: ids are unique within a section; a second mapping of an answered id is dropped.
        if out.iter().any(|e| e.id == id) {
            continue;
        }
        out.push(NegotiatedExtension {
            id,
            uri: ext.uri.to_owned(),
            direction,
            encrypted: ext.encrypted,
        });
    }
    out
}

/// D1-D7: receive (or send) the offered simulcast streams we can, one alternative each.
fn plan_simulcast(
    s: &OfferedSection<'_>,
    config: &Config,
    direction: Direction,
    codecs: &CodecOutcome,
    extensions: &[NegotiatedExtension],
) -> Option<SimulcastPlan> {
    let sim = s.simulcast.as_ref()?;
    // D6: without the rtp-stream-id extension the offerer cannot label its layers.
    if !extensions.iter().any(|e| e.uri == RTP_STREAM_ID_URI) {
        return None;
    }
    let answered: Vec<u8> = codecs.codecs.iter().map(|c| c.payload_type).collect();
    let max = usize::from(config.simulcast.max_layers.max(1));
    let pick = |streams: Vec<sdp_core::attr::simulcast::SimulcastStream<'_>>,
                their_dir: RidDirection| {
        let mut kept: Vec<(String, bool)> = Vec::new();
        for stream in streams {
            // D3: one alternative per stream, the first one that is usable.
            let usable = stream.alternatives().find(|alt| {
                s.rids.iter().any(|r| {
                    r.id() == alt.rid
                        && r.direction() == their_dir
                        // D5: a rid restricted to payload types we did not answer is dropped.
                        && (r.payload_types().next().is_none() || r.payload_types().any(|pt| answered.contains(&pt)))
                })
            });
            if let Some(alt) = usable {
                // D1: ignore duplicate rids, keep the first.
                if !kept.iter().any(|(rid, _)| rid == alt.rid) && kept.len() < max {
                    kept.push((alt.rid.to_owned(), alt.paused));
                }
            }
        }
        // D3: fewer than two streams is no simulcast at all.
        if kept.len() < 2 {
            Vec::new()
        } else {
            kept
        }
    };
    let recv = if config.simulcast.receive && direction.receives() {
        pick(sim.send().collect(), RidDirection::Send)
    } else {
        Vec::new()
    };
    // D7: an offer asking to receive simulcast is answered `send` when we send.
    let send = if direction.sends() {
        pick(sim.recv().collect(), RidDirection::Recv)
    } else {
        Vec::new()
    };
    if recv.is_empty() && send.is_empty() {
        return None;
    }
    Some(SimulcastPlan {
        recv,
        send,
        draft: sim.syntax() == SimulcastSyntax::Draft03,
    })
}

/// A25-A27: the data channel, modern or legacy form.
fn plan_data(
    s: &OfferedSection<'_>,
    config: &Config,
    has_transport: bool,
    format: &str,
) -> Result<Plan, NegotiationError> {
    let Some(local) = config.sctp else {
        return reject(RejectReason::Unsupported("data channels".to_owned()));
    };
    if !s.is_sctp() {
        return reject(RejectReason::Unsupported(format!(
            "protocol `{}` for data",
            s.proto()
        )));
    }
    let legacy = s.is_legacy_sctp();
    let (remote_port, format) = if legacy {
        // A26: `DTLS/SCTP <port>` with `a=sctpmap:<port> webrtc-datachannel <streams>`.
        match &s.sctpmap {
            Some(map) if map.app == "webrtc-datachannel" => (map.number, map.number.to_string()),
            _ => {
                return reject(RejectReason::Unsupported(
                    "a legacy SCTP section without `a=sctpmap` for webrtc-datachannel".to_owned(),
                ))
            }
        }
    } else {
        if format != "webrtc-datachannel" {
            return reject(RejectReason::Unsupported(format!(
                "SCTP application `{format}`"
            )));
        }
        (s.sctp_port.unwrap_or(5000), "webrtc-datachannel".to_owned())
    };
    // A27: 65536 when absent, 0 is any size; answer min(offer, cap), the cap for 0.
    let remote_mms = s.max_message_size.unwrap_or(65_536);
    // Our limit: the local one (0: any size) under the compat cap (0 would mean "any size"
    // too, so it counts as no cap; `Config::check` refuses it).
    let cap = [local.max_message_size, config.compat.max_message_size_cap]
        .into_iter()
        .filter(|&n| n != 0)
        .min();
    let ours = match (remote_mms, cap) {
        (0, Some(cap)) => cap,
        (0, None) => 0,
        (theirs, Some(cap)) => theirs.min(cap),
        (theirs, None) => theirs,
    };
    Ok(Plan::Accepted(Box::new(AcceptedPlan {
        kind: MediaKind::Application,
        direction: Direction::SendRecv,
        codecs: CodecOutcome::default(),
        extensions: Vec::new(),
        extmap_allow_mixed_media: false,
        rtcp_mux: false,
        rtcp_rsize: false,
        simulcast: None,
        sctp: Some(SctpPlan {
            params: SctpParams {
                local_port: if legacy { remote_port } else { local.port },
                remote_port,
                remote_max_message_size: remote_mms,
                legacy,
            },
            answer_max_message_size: (ours != 65_536).then_some(ours),
            format,
        }),
        has_transport,
    })))
}
