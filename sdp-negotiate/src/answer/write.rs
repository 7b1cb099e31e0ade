//! Writing the answer (rulebook A4, A5, A7-A15, A29-A32; G for classic mode) and the
//! [`Negotiated`] view of it.

use sdp_core::attr::direction::Direction;
use sdp_core::Session;

use super::bundle::{Groups, TransportPlan, Transports};
use super::offer::{OfferView, OfferedSection};
use super::plan::{AcceptedPlan, Plan};
use super::previous::PreviousAnswer;
use super::AnswerOptions;
use crate::codec::CodecRole;
use crate::config::{Config, MediaKind};
use crate::error::NegotiationError;
use crate::ice;
use crate::negotiated::{
    AcceptedSection, DtlsRole, Mode, Negotiated, RejectedSection, SectionOutcome, SimulcastOutcome,
    Transport,
};
use crate::sdp_write::{self, line};

#[allow(clippy::too_many_arguments)]
pub(crate) fn write_answer(
    view: &OfferView<'_>,
    plans: &[Plan],
    groups: &Groups,
    transports: &Transports,
    config: &Config,
    mode: Mode,
    options: &AnswerOptions<'_>,
    previous: Option<&PreviousAnswer>,
) -> Result<Session<'static>, NegotiationError> {
    let mut out = String::with_capacity(4096);
    let address = match mode {
        Mode::Jsep => "0.0.0.0".to_owned(),
        Mode::Classic => options
            .address
            .clone()
            .unwrap_or_else(|| "127.0.0.1".to_owned()),
    };
    let ip = if address.contains(':') { "IP6" } else { "IP4" };
    // `out` holds everything after the `o=` line; `o=` is decided at the end (A32, E8, G9).
    line!(out, "s=-");
    line!(out, "t=0 0");
    if mode == Mode::Jsep && config.ice.lite {
        line!(out, "a=ice-lite");
    }
    for group in &groups.groups {
        let mids: Vec<&str> = group
            .iter()
            .filter_map(|&i| view.sections.get(i).and_then(|s| s.mid))
            .collect();
        if mids.is_empty() {
            line!(out, "a=group:BUNDLE");
        } else {
            line!(out, "a=group:BUNDLE {}", mids.join(" "));
        }
    }
    // C5: echo extmap-allow-mixed at the level the offer used.
    if view.extmap_allow_mixed_session && config.extmap_allow_mixed {
        line!(out, "a=extmap-allow-mixed");
    }
    if mode == Mode::Jsep && config.compat.session_level_fingerprint {
        sdp_write::fingerprint_line(&mut out, config);
    }
    let cname = match previous
        .and_then(|p| p.cname.clone())
        .or_else(|| config.cname.clone())
    {
        Some(cname) => cname,
        None => ice::random_cname()?,
    };
    for (s, plan) in view.sections.iter().zip(plans) {
        match plan {
            Plan::Rejected(_) => write_rejected(&mut out, s, transports, config, mode, &address),
            Plan::Accepted(p) => {
                let ctx = SectionCtx {
                    s,
                    p,
                    groups,
                    transport: transports
                        .of_section
                        .get(s.index)
                        .copied()
                        .flatten()
                        .and_then(|t| transports.transports.get(t)),
                    config,
                    mode,
                    address: &address,
                    port: classic_port(options, s.index),
                    previous: previous.and_then(|pr| pr.section(s.mid)),
                    cname: &cname,
                };
                write_accepted(&mut out, &ctx)?;
            }
        }
    }
    // A32, E8, G9: the same o= username and session id as before; the version increments only
    // when the answer changed (RFC 4317 §2.5: an identical answer keeps its version).
    let (user, id, version) = match previous.and_then(|p| p.origin.clone()) {
        Some((user, id, version)) => {
            let unchanged = previous.is_some_and(|p| p.body == out);
            let version = if unchanged {
                version
            } else {
                version.saturating_add(1)
            };
            (user, id, version)
        }
        None => ("-".to_owned(), ice::random_session_id()?.to_string(), 1),
    };
    let out = format!("v=0\r\no={user} {id} {version} IN {ip} {address}\r\n{out}");
    // The lazy parse: every line we wrote comes from a typed writer or from a checked config
    // (Config::check) or offer value, and the tests strict-parse our answers across the corpus;
    // a strict parse here cost a fifth of the whole answer.
    let parsed = Session::parse(&out).map_err(|e| NegotiationError::ApiMisuse {
        reason: format!("the answer we wrote does not parse ({e}); a local value (codec fmtp, extension URI, ...) is malformed"),
    })?;
    Ok(parsed.into_owned())
}

fn classic_port(options: &AnswerOptions<'_>, index: usize) -> u16 {
    let base = options.port_base.unwrap_or(49170);
    let step = u16::try_from(index).unwrap_or(u16::MAX).saturating_mul(2);
    base.saturating_add(step)
}

struct SectionCtx<'a, 'p> {
    s: &'a OfferedSection<'a>,
    p: &'a AcceptedPlan,
    groups: &'a Groups,
    transport: Option<&'a TransportPlan>,
    config: &'a Config,
    mode: Mode,
    address: &'a str,
    port: u16,
    previous: Option<&'p super::previous::PreviousSection>,
    cname: &'a str,
}

/// ICE credentials, fingerprint, setup and tls-id (A11, A12, A15, A16, A18).
fn write_transport(out: &mut String, t: &TransportPlan, config: &Config) {
    let setup = if t.role == DtlsRole::Client {
        "active"
    } else {
        "passive"
    };
    sdp_write::transport_lines(
        out,
        &t.ice,
        &t.ice_options,
        config,
        setup,
        t.tls_id.as_deref(),
    );
}

fn write_accepted(out: &mut String, c: &SectionCtx<'_, '_>) -> Result<(), NegotiationError> {
    let (s, p) = (c.s, c.p);
    let bundled = c
        .groups
        .membership
        .get(s.index)
        .copied()
        .flatten()
        .is_some();
    let owns_transport = !bundled || c.groups.is_tag(s.index);
    let formats: Vec<String> = match &p.sctp {
        Some(sctp) => vec![sctp.format.clone()],
        None => p
            .codecs
            .codecs
            .iter()
            .map(|codec| codec.payload_type.to_string())
            .collect(),
    };
    // A5: port 9 and 0.0.0.0 before candidates (JSEP); real address and port in classic mode (G2).
    let (port, address) = match c.mode {
        Mode::Jsep => (9, "0.0.0.0"),
        Mode::Classic => (c.port, c.address),
    };
    let ip = if address.contains(':') { "IP6" } else { "IP4" };
    line!(
        out,
        "m={} {port} {} {}",
        s.media.kind(),
        s.proto(),
        formats.join(" ")
    );
    line!(out, "c=IN {ip} {address}");
    // A10: a=rtcp only when not muxing and not bundled.
    if c.mode == Mode::Jsep && p.sctp.is_none() && !p.rtcp_mux && !bundled {
        line!(out, "a=rtcp:9 IN IP4 0.0.0.0");
    }
    if let Some(t) = c.transport {
        // A21: repeat identical transport attributes in every bundled section unless strict 9143.
        if owns_transport || !c.config.compat.strict_9143 {
            write_transport(out, t, c.config);
        }
    }
    // A2: echo the mid if and only if offered.
    if let Some(mid) = s.mid {
        line!(out, "a=mid:{mid}");
    }
    for e in &p.extensions {
        let dir = if e.direction == Direction::SendRecv {
            String::new()
        } else {
            format!("/{}", e.direction)
        };
        let encrypt = if e.encrypted {
            "urn:ietf:params:rtp-hdrext:encrypt "
        } else {
            ""
        };
        line!(out, "a=extmap:{}{dir} {encrypt}{}", e.id, e.uri);
    }
    if p.extmap_allow_mixed_media {
        line!(out, "a=extmap-allow-mixed");
    }
    if p.sctp.is_none() {
        // A6: always an explicit media-level direction.
        line!(out, "a={}", p.direction);
        // A29: msid when we send; kept from the previous answer (E8). JSEP only (G1).
        if p.direction.sends() && c.mode == Mode::Jsep {
            let kept = c.previous.and_then(|pr| pr.msid.clone());
            sdp_write::msid_line(out, kept, c.config)?;
        }
        // A7, A8: rtcp-mux when offered; rtcp-mux-only only in the answerer-tagged section.
        if p.rtcp_mux {
            line!(out, "a=rtcp-mux");
            if s.rtcp_mux_only && owns_transport {
                line!(out, "a=rtcp-mux-only");
            }
        }
        if p.rtcp_rsize {
            line!(out, "a=rtcp-rsize");
        }
        for codec in &p.codecs.codecs {
            sdp_write::codec_lines(
                out,
                codec.payload_type,
                &codec.name,
                codec.clock_rate,
                codec.channels,
                &codec.rtcp_fb,
                codec.answer_fmtp.as_deref(),
            );
        }
        write_simulcast(out, p);
        write_ssrcs(out, c)?;
    }
    if let Some(sctp) = &p.sctp {
        if sctp.params.legacy {
            // A26: the legacy form echoes the offered port with the sctpmap.
            line!(
                out,
                "a=sctpmap:{} webrtc-datachannel 1024",
                sctp.params.local_port
            );
        } else {
            line!(out, "a=sctp-port:{}", sctp.params.local_port);
        }
        if let Some(mms) = sctp.answer_max_message_size {
            line!(out, "a=max-message-size:{mms}");
        }
    }
    Ok(())
}

/// D2-D5: `a=rid` per answered stream with the direction reversed, then `a=simulcast`.
fn write_simulcast(out: &mut String, p: &AcceptedPlan) {
    let Some(sim) = &p.simulcast else { return };
    for (rid, _) in &sim.recv {
        line!(out, "a=rid:{rid} recv");
    }
    for (rid, _) in &sim.send {
        line!(out, "a=rid:{rid} send");
    }
    let list = |streams: &[(String, bool)]| {
        streams
            .iter()
            .map(|(rid, paused)| {
                if *paused {
                    format!("~{rid}")
                } else {
                    rid.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut parts = Vec::new();
    if !sim.send.is_empty() {
        parts.push(if sim.draft {
            format!("send rid={}", list(&sim.send))
        } else {
            format!("send {}", list(&sim.send))
        });
    }
    if !sim.recv.is_empty() {
        parts.push(if sim.draft {
            format!("recv rid={}", list(&sim.recv))
        } else {
            format!("recv {}", list(&sim.recv))
        });
    }
    if sim.draft {
        line!(out, "a=simulcast: {}", parts.join(" "));
    } else {
        line!(out, "a=simulcast:{}", parts.join(" "));
    }
}

/// A30: our SSRC (and its RTX in a FID group) when we send; none with rid simulcast.
fn write_ssrcs(out: &mut String, c: &SectionCtx<'_, '_>) -> Result<(), NegotiationError> {
    let p = c.p;
    if c.mode != Mode::Jsep
        || !p.direction.sends()
        || p.simulcast.as_ref().is_some_and(|s| !s.send.is_empty())
    {
        return Ok(());
    }
    let has_rtx = p
        .codecs
        .codecs
        .iter()
        .any(|codec| matches!(codec.role, CodecRole::Rtx { .. }));
    let kept = c.previous.map_or(&[][..], |pr| &pr.ssrcs);
    sdp_write::ssrc_lines(out, kept, has_rtx, c.cname)
}

/// A4: port 0, same media and proto, one format, c=, mid, inactive, and the transport
/// attributes browsers and aiortc/GStreamer expect (option `rejected_transport_attrs`).
fn write_rejected(
    out: &mut String,
    s: &OfferedSection<'_>,
    transports: &Transports,
    config: &Config,
    mode: Mode,
    address: &str,
) {
    // A4: the offered media and proto, one format; read from the raw `m=` tokens so that a
    // malformed offered line is still echoed. B1: an RTP format in 64-95 collides with RTCP
    // under rtcp-mux (RFC 5761 §4), so the first other one is kept when there is one, and
    // rtcp-mux is left out when there is none.
    let reserved = |f: &str| s.is_rtp() && f.parse::<u8>().is_ok_and(|pt| (64..=95).contains(&pt));
    let format = if s.is_sctp() && !s.is_legacy_sctp() {
        "webrtc-datachannel"
    } else {
        let mut formats = (3..).map_while(|i| super::mline_token(s.media, i));
        let first = super::mline_token(s.media, 3);
        formats.find(|f| !reserved(f)).or(first).unwrap_or("0")
    };
    let proto = super::mline_token(s.media, 2).unwrap_or("RTP/AVP");
    let address = if mode == Mode::Jsep {
        "0.0.0.0"
    } else {
        address
    };
    let ip = if address.contains(':') { "IP6" } else { "IP4" };
    line!(out, "m={} 0 {proto} {format}", s.media.kind());
    line!(out, "c=IN {ip} {address}");
    if mode == Mode::Jsep && config.compat.rejected_transport_attrs {
        if let Some(t) = transports
            .of_section
            .get(s.index)
            .copied()
            .flatten()
            .and_then(|t| transports.transports.get(t))
        {
            write_transport(out, t, config);
        }
    }
    if let Some(mid) = s.mid {
        line!(out, "a=mid:{mid}");
    }
    if s.is_rtp() || s.kind != Some(MediaKind::Application) {
        line!(out, "a=inactive");
        if mode == Mode::Jsep
            && config.compat.rejected_transport_attrs
            && s.rtcp_mux
            && !reserved(format)
        {
            line!(out, "a=rtcp-mux");
        }
    }
}

/// The [`Negotiated`] view of the answer (the plans' codecs and extensions move into it).
pub(crate) fn negotiated(
    view: &OfferView<'_>,
    plans: Vec<Plan>,
    groups: &Groups,
    transports: &Transports,
    mode: Mode,
) -> Negotiated {
    let sections = view
        .sections
        .iter()
        .zip(plans)
        .map(|(s, plan)| match plan {
            Plan::Rejected(reason) => SectionOutcome::Rejected(RejectedSection {
                index: s.index,
                mid: s.mid.map(str::to_owned),
                media: s.media.kind().to_owned(),
                reason,
            }),
            Plan::Accepted(p) => {
                let group = groups.membership.get(s.index).copied().flatten();
                let t = transports
                    .of_section
                    .get(s.index)
                    .copied()
                    .flatten()
                    .and_then(|t| transports.transports.get(t));
                SectionOutcome::Accepted(AcceptedSection {
                    index: s.index,
                    mid: s.mid.map(str::to_owned),
                    kind: p.kind,
                    direction: p.direction,
                    codecs: p.codecs.codecs,
                    extensions: p.extensions,
                    transport: Transport {
                        bundle_group: group,
                        owns_transport: group.is_none() || groups.is_tag(s.index),
                        local_ufrag: t.map(|t| t.ice.ufrag.clone()).unwrap_or_default(),
                        local_pwd: t.map(|t| t.ice.pwd.clone()).unwrap_or_default(),
                        remote_ufrag: t.and_then(|t| t.remote_ufrag.clone()),
                        remote_pwd: t.and_then(|t| t.remote_pwd.clone()),
                        ice_restart: t.is_some_and(|t| t.ice_restart),
                        dtls_role: t.map(|t| t.role),
                        remote_fingerprints: t
                            .map(|t| t.remote_fingerprints.clone())
                            .unwrap_or_default(),
                        rtcp_mux: p.rtcp_mux || p.sctp.is_some(),
                    },
                    sctp: p.sctp.as_ref().map(|s| s.params),
                    simulcast: p.simulcast.as_ref().map(|sim| SimulcastOutcome {
                        recv: sim.recv.iter().map(|(r, _)| r.clone()).collect(),
                        send: sim.send.iter().map(|(r, _)| r.clone()).collect(),
                        paused: sim
                            .recv
                            .iter()
                            .chain(&sim.send)
                            .filter(|(_, p)| *p)
                            .map(|(r, _)| r.clone())
                            .collect(),
                    }),
                    rtcp_rsize: p.rtcp_rsize,
                })
            }
        })
        .collect();
    let bundle_groups = groups
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .filter_map(|&i| view.sections.get(i).and_then(|s| s.mid).map(str::to_owned))
                .collect()
        })
        .collect();
    Negotiated {
        mode,
        sections,
        bundle_groups,
    }
}
