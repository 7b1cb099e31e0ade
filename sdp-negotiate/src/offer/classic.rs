//! Classic RFC 3264 offers (SIP): plain RTP/AVP sections, no ICE, DTLS, BUNDLE or mids.
//!
//! A SIP phone's offer (RFC 3264 §5, rulebook G): one `c=` at session level, an `m=` line per
//! stream on ports stepping by two (RTP, then RTCP on the next odd port), static payload types
//! where RFC 3551 assigns one and dynamic ones from 96 otherwise, an rtpmap for every payload
//! type (RFC 3264 §5.1 recommends it also for static ones) and the direction attribute.

use std::fmt::Write as _;

use sdp_core::codec::static_payload_type;
use sdp_core::Session;

use super::{OfferOptions, Transceiver};
use crate::config::{CodecConfig, Config, MediaKind};
use crate::error::NegotiationError;
use crate::{ice, sdp_write};

/// The first port of a classic offer without `OfferOptions::port_base` (RFC 3264's examples).
const DEFAULT_PORT: u16 = 49170;

/// An initial or subsequent classic offer for `transceivers`.
pub(super) fn offer_classic(
    config: &Config,
    transceivers: &[Transceiver],
    options: &OfferOptions<'_>,
) -> Result<Session<'static>, NegotiationError> {
    if options.data_channel {
        return Err(misuse(
            "a classic (SIP) offer has no data channel (RFC 8841 is WebRTC)",
        ));
    }
    if transceivers.iter().any(Transceiver::simulcast) {
        return Err(misuse(
            "a classic (SIP) offer has no simulcast (RFC 8853 needs rid, a JSEP feature)",
        ));
    }
    let address = options.address.unwrap_or("127.0.0.1");
    let ip = if address.contains(':') { "IP6" } else { "IP4" };
    let base = options.port_base.unwrap_or(DEFAULT_PORT);
    // E5, G9: a subsequent offer keeps the o= username and session id and bumps the version.
    let previous_origin = options.previous_local.and_then(|p| p.origin());
    let (user, id, version) = match previous_origin {
        Some(o) => (
            o.username.to_owned(),
            o.session_id.to_owned(),
            o.session_version_u64().unwrap_or(0).saturating_add(1),
        ),
        None => ("-".to_owned(), ice::random_session_id()?.to_string(), 1),
    };
    let mut out = String::with_capacity(512);
    let _ = write!(
        out,
        "v=0\r\no={user} {id} {version} IN {ip} {address}\r\ns=-\r\nc=IN {ip} {address}\r\nt=0 0\r\n"
    );
    for (index, t) in transceivers.iter().enumerate() {
        let codecs = match t.kind {
            MediaKind::Audio => &config.audio,
            MediaKind::Video => &config.video,
            MediaKind::Application => return Err(misuse("a transceiver is audio or video")),
        };
        if codecs.is_empty() {
            return Err(misuse(&format!(
                "the config has no {} codec to offer",
                t.kind.as_str()
            )));
        }
        let step = u16::try_from(index * 2).unwrap_or(u16::MAX);
        // A stopped transceiver keeps its slot with port 0 (RFC 3264 §8.2).
        let port = if t.stopped {
            0
        } else {
            base.saturating_add(step)
        };
        let pts = payload_types(codecs);
        let list: Vec<String> = pts.iter().map(|(pt, _)| pt.to_string()).collect();
        let _ = write!(
            out,
            "m={} {port} RTP/AVP {}\r\n",
            t.kind.as_str(),
            list.join(" ")
        );
        for (pt, codec) in &pts {
            sdp_write::codec_lines(
                &mut out,
                *pt,
                &codec.name,
                codec.clock_rate,
                codec.channels,
                &[],
                codec.fmtp.as_deref(),
            );
        }
        let direction = if t.stopped {
            sdp_core::attr::direction::Direction::Inactive
        } else {
            t.direction
        };
        let _ = write!(out, "a={direction}\r\n");
    }
    let session = Session::parse(&out).map_err(|e| NegotiationError::ApiMisuse {
        reason: format!(
            "the offer we wrote does not parse ({e}); a local value (codec fmtp, ...) is malformed"
        ),
    })?;
    Ok(session.into_owned())
}

/// RFC 3551's static payload type for a codec it assigns one to, dynamic ones (96-127) for
/// the rest, in the config's preference order.
fn payload_types(codecs: &[CodecConfig]) -> Vec<(u8, &CodecConfig)> {
    let mut next_dynamic = 96u8;
    let mut out = Vec::with_capacity(codecs.len());
    for codec in codecs {
        let fixed = (0..=34u8).find(|&pt| {
            static_payload_type(pt).is_some_and(|s| {
                s.encoding_name.eq_ignore_ascii_case(&codec.name)
                    && s.clock_rate == codec.clock_rate
                    && s.channels.unwrap_or(1) == codec.channels.unwrap_or(1)
            })
        });
        let pt = match fixed {
            Some(pt) => pt,
            None if next_dynamic <= 127 => {
                next_dynamic += 1;
                next_dynamic - 1
            }
            // More than 32 dynamic codecs: the rest cannot be offered (RFC 3551 §3).
            None => continue,
        };
        out.push((pt, codec));
    }
    out
}

fn misuse(reason: &str) -> NegotiationError {
    NegotiationError::ApiMisuse {
        reason: reason.to_owned(),
    }
}
