//! Writing the offer (JSEP §5.2.1, §5.2.2; rulebook A5, A10-A15, A25, A27, A29-A32, D, E5, E6).

use sdp_core::attr::direction::Direction;
use sdp_core::{ParseOptions, Session};

use super::payload::{ExtensionTable, PayloadTable};
use super::plan::{bundle_group, Slot, DATA_PROTO, RTP_PROTO};
use super::previous::{PrevSlot, Previous};
use super::{OfferOptions, Transceiver};
use crate::config::{Config, MediaKind};
use crate::error::NegotiationError;
use crate::ice::{self, IceCredentials};
use crate::sdp_write::{self, line};

/// Everything the writer needs.
pub(crate) struct OfferCtx<'a> {
    pub(crate) config: &'a Config,
    pub(crate) transceivers: &'a [Transceiver],
    pub(crate) options: &'a OfferOptions<'a>,
    pub(crate) prev: &'a Previous,
    pub(crate) slots: &'a [Slot],
    pub(crate) payloads: &'a PayloadTable,
    pub(crate) extensions: &'a ExtensionTable,
}

/// The session-wide values every section shares.
struct Shared {
    ice: IceCredentials,
    cname: String,
}

pub(crate) fn write_offer(c: &OfferCtx<'_>) -> Result<Session<'static>, NegotiationError> {
    let group = bundle_group(c.slots, c.prev);
    let shared = Shared {
        ice: credentials(c, &group)?,
        cname: match c.config.cname.clone().or_else(|| c.prev.cname.clone()) {
            Some(cname) => cname,
            None => ice::random_cname()?,
        },
    };
    let mut out = String::with_capacity(4096);
    // A32: o= keeps the session id and increments the version in subsequent offers (E5).
    let (user, id, version) = match &c.prev.origin {
        Some((user, id, version)) => (user.clone(), id.clone(), version.saturating_add(1)),
        None => ("-".to_owned(), ice::random_session_id()?.to_string(), 1),
    };
    line!(out, "v=0");
    line!(out, "o={user} {id} {version} IN IP4 0.0.0.0");
    line!(out, "s=-");
    line!(out, "t=0 0");
    // JSEP §5.2.1: one BUNDLE group with every active section, whatever the policy.
    if !group.is_empty() {
        line!(out, "a=group:BUNDLE {}", group.join(" "));
    }
    // C5: offered at session level when we support it.
    if c.config.extmap_allow_mixed {
        line!(out, "a=extmap-allow-mixed");
    }
    line!(out, "a=msid-semantic: WMS *");
    if c.config.compat.session_level_fingerprint {
        sdp_write::fingerprint_line(&mut out, c.config);
    }
    for slot in c.slots {
        let index_prev = slot.index_prev.and_then(|i| c.prev.slots.get(i));
        if !slot.active {
            write_disabled(&mut out, c, slot, index_prev, &shared);
            continue;
        }
        let continues = slot.continues.and_then(|i| c.prev.slots.get(i));
        match slot.kind {
            Some(MediaKind::Application) | None => write_data(&mut out, c, slot, &shared)?,
            Some(kind) => write_rtp(&mut out, c, slot, kind, continues, &shared)?,
        }
    }
    let parsed = Session::parse_with(&out, &ParseOptions::strict()).map_err(|e| {
        NegotiationError::ApiMisuse {
            reason: format!("the offer we wrote does not parse ({e}); a local value (codec fmtp, extension URI, ...) is malformed"),
        }
    })?;
    Ok(parsed.session.into_owned())
}

/// A11, E5, E6: one credential pair for the bundle transport, kept from the previous local
/// description (the tag's, else any member's) unless ICE restarts. A restart always draws new
/// random credentials, even when the config fixes them (a restart must change them, E6).
fn credentials(c: &OfferCtx<'_>, group: &[String]) -> Result<IceCredentials, NegotiationError> {
    if c.options.ice_restart {
        return Ok(IceCredentials::random()?);
    }
    let kept = group
        .iter()
        .filter_map(|mid| {
            c.prev
                .slots
                .iter()
                .find(|s| s.mid.as_deref() == Some(mid.as_str()))
        })
        .chain(c.prev.slots.iter())
        .find_map(|s| match (&s.ufrag, &s.pwd) {
            (Some(ufrag), Some(pwd)) => Some(IceCredentials {
                ufrag: ufrag.clone(),
                pwd: pwd.clone(),
            }),
            _ => None,
        });
    match kept {
        Some(creds) => Ok(creds),
        None => Ok(IceCredentials::from_config(&c.config.ice)?),
    }
}

/// A11, A12, A15, E5: ICE credentials and options, fingerprint, `setup:actpass`.
fn write_transport(out: &mut String, c: &OfferCtx<'_>, shared: &Shared) {
    // JSEP §5.2.1 and E5: every offer says actpass.
    sdp_write::transport_lines(
        out,
        &shared.ice,
        &c.config.ice.options,
        c.config,
        "actpass",
        None,
    );
}

fn write_mid(out: &mut String, slot: &Slot) {
    if let Some(mid) = &slot.mid {
        line!(out, "a=mid:{mid}");
    }
    if slot.bundle_only {
        line!(out, "a=bundle-only");
    }
}

/// The m-line port: 9 before candidates (A5), 0 for bundle-only (JSEP §5.2.1).
fn port(slot: &Slot) -> u16 {
    if slot.bundle_only {
        0
    } else {
        9
    }
}

fn write_rtp(
    out: &mut String,
    c: &OfferCtx<'_>,
    slot: &Slot,
    kind: MediaKind,
    continues: Option<&PrevSlot>,
    shared: &Shared,
) -> Result<(), NegotiationError> {
    let t = slot.transceiver.and_then(|i| c.transceivers.get(i));
    let direction = t.map_or(Direction::Inactive, |t| t.direction);
    let simulcast = t.is_some_and(Transceiver::simulcast);
    let codecs = c.payloads.section_codecs(c.config, kind, continues);
    let has_rtx = codecs.iter().any(|codec| codec.is_rtx);
    let formats: Vec<String> = codecs.iter().map(|codec| codec.pt.to_string()).collect();
    let proto = if slot.proto.is_empty() || slot.proto.contains("SCTP") {
        RTP_PROTO
    } else {
        &slot.proto
    };
    line!(
        out,
        "m={} {} {proto} {}",
        slot.kind_name,
        port(slot),
        formats.join(" ")
    );
    line!(out, "c=IN IP4 0.0.0.0");
    // A10 (JSEP §5.2.1): the placeholder RTCP address, as Chrome writes it in offers.
    line!(out, "a=rtcp:9 IN IP4 0.0.0.0");
    write_transport(out, c, shared);
    write_mid(out, slot);
    for (id, uri) in c.extensions.section(c.config, kind, simulcast, has_rtx) {
        line!(out, "a=extmap:{id} {uri}");
    }
    line!(out, "a={direction}");
    // A29, E5: msid when we send: the transceiver's, else the previous one, else a new one.
    if direction.sends() {
        let msid = t
            .and_then(|t| t.msid.as_ref())
            .map(|(stream, track)| format!("{stream} {track}"))
            .or_else(|| continues.and_then(|p| p.msid.clone()));
        sdp_write::msid_line(out, msid, c.config)?;
    }
    // A7, E5: always mux; every active section is in the BUNDLE group (BUNDLE §9.3).
    line!(out, "a=rtcp-mux");
    // A9, E5: rtcp-rsize in new sections, and in kept ones only if the last answer had it.
    if c.config.rtcp_rsize && continues.map_or(true, |p| p.answer_rtcp_rsize || p.disabled) {
        line!(out, "a=rtcp-rsize");
    }
    for codec in &codecs {
        sdp_write::codec_lines(
            out,
            codec.pt,
            &codec.name,
            codec.clock_rate,
            codec.channels,
            &codec.rtcp_fb,
            codec.fmtp.as_deref(),
        );
    }
    match t {
        // D1, RFC 8853 §5.2: a rid line per encoding, then the send list in preference order.
        Some(t) if simulcast => {
            for rid in &t.send_rids {
                line!(out, "a=rid:{rid} send");
            }
            line!(out, "a=simulcast:send {}", t.send_rids.join(";"));
        }
        // A30, E5: our SSRC (and its RTX in a FID group) when we send, kept from before.
        _ if direction.sends() => {
            let kept = continues.map_or(&[][..], |p| &p.ssrcs);
            sdp_write::ssrc_lines(out, kept, has_rtx, &shared.cname)?;
        }
        _ => {}
    }
    Ok(())
}

/// A25, A27: the data-channel section.
fn write_data(
    out: &mut String,
    c: &OfferCtx<'_>,
    slot: &Slot,
    shared: &Shared,
) -> Result<(), NegotiationError> {
    let Some(sctp) = c.config.sctp else {
        return Err(NegotiationError::ApiMisuse {
            reason: "a data channel was asked for but the config has no [sctp]".to_owned(),
        });
    };
    let proto = if slot.proto.ends_with("/DTLS/SCTP") {
        &slot.proto
    } else {
        DATA_PROTO
    };
    line!(
        out,
        "m=application {} {proto} webrtc-datachannel",
        port(slot)
    );
    line!(out, "c=IN IP4 0.0.0.0");
    write_transport(out, c, shared);
    write_mid(out, slot);
    line!(out, "a=sctp-port:{}", sctp.port);
    // A27: 65536 is the default and is left out.
    if sctp.max_message_size != 65_536 {
        line!(out, "a=max-message-size:{}", sctp.max_message_size);
    }
    Ok(())
}

/// E4: a stopped or unclaimed section keeps its slot: port 0, its mid, `a=inactive`, no msid,
/// SSRCs or extmaps; one format (A4's shape), and the transport attributes aiortc and GStreamer
/// expect in every section.
fn write_disabled(
    out: &mut String,
    c: &OfferCtx<'_>,
    slot: &Slot,
    prev: Option<&PrevSlot>,
    shared: &Shared,
) {
    let data = slot.kind == Some(MediaKind::Application);
    let proto = if slot.proto.is_empty() {
        if data {
            DATA_PROTO
        } else {
            RTP_PROTO
        }
    } else {
        &slot.proto
    };
    let format = match prev {
        Some(p) if !(data && p.first_format.is_empty()) => p.first_format.as_str(),
        _ if data => "webrtc-datachannel",
        _ => "0",
    };
    line!(out, "m={} 0 {proto} {format}", slot.kind_name);
    line!(out, "c=IN IP4 0.0.0.0");
    write_transport(out, c, shared);
    if let Some(mid) = &slot.mid {
        line!(out, "a=mid:{mid}");
    }
    if !data {
        line!(out, "a=inactive");
        if proto.contains("RTP") {
            line!(out, "a=rtcp-mux");
            if let Some(rtpmap) = prev.and_then(|p| p.first_rtpmap.as_ref()) {
                line!(out, "a=rtpmap:{rtpmap}");
            }
        }
    }
}
