//! Lines the offer writer and the answer writer both produce: the codec lines, the transport
//! attributes, `a=msid` and the SSRC block. Each function appends complete CRLF-ended lines.

use std::fmt::Write as _;

use crate::config::Config;
use crate::error::NegotiationError;
use crate::ice::{self, IceCredentials};

/// Appends one line with CRLF. Writing into a `String` cannot fail.
macro_rules! line {
    ($out:expr, $($arg:tt)*) => {{
        let _ = {
            use ::std::fmt::Write as _;
            $out.write_fmt(format_args!($($arg)*))
        };
        $out.push_str("\r\n");
    }};
}
pub(crate) use line;

/// Appends `n` in decimal (what `write!(out, "{n}")` writes).
fn push_u8(out: &mut String, n: u8) {
    if n >= 100 {
        out.push(char::from(b'0' + n / 100));
    }
    if n >= 10 {
        out.push(char::from(b'0' + n / 10 % 10));
    }
    out.push(char::from(b'0' + n % 10));
}

/// `a=rtpmap`, then `a=rtcp-fb` per feedback value, then `a=fmtp` of one payload type.
///
/// The codec lines are most of an offer or answer: push the text rather than go through
/// `write!` for every line.
pub(crate) fn codec_lines(
    out: &mut String,
    pt: u8,
    name: &str,
    clock_rate: u32,
    channels: Option<u16>,
    rtcp_fb: &[String],
    fmtp: Option<&str>,
) {
    out.push_str("a=rtpmap:");
    push_u8(out, pt);
    out.push(' ');
    out.push_str(name);
    let _ = write!(out, "/{clock_rate}");
    if let Some(ch) = channels {
        let _ = write!(out, "/{ch}");
    }
    out.push_str("\r\n");
    for fb in rtcp_fb {
        out.push_str("a=rtcp-fb:");
        push_u8(out, pt);
        out.push(' ');
        out.push_str(fb);
        out.push_str("\r\n");
    }
    if let Some(fmtp) = fmtp {
        out.push_str("a=fmtp:");
        push_u8(out, pt);
        out.push(' ');
        out.push_str(fmtp);
        out.push_str("\r\n");
    }
}

/// `a=fingerprint` of the config's identity, if it has one (A15).
pub(crate) fn fingerprint_line(out: &mut String, config: &Config) {
    if let Some(id) = &config.identity {
        line!(out, "a=fingerprint:{} {}", id.hash, id.fingerprint);
    }
}

/// ICE credentials and options, the media-level fingerprint (unless the config puts it at
/// session level), `a=setup` and `a=tls-id` (A11, A12, A15, A16, A18).
pub(crate) fn transport_lines(
    out: &mut String,
    ice: &IceCredentials,
    ice_options: &[String],
    config: &Config,
    setup: &str,
    tls_id: Option<&str>,
) {
    line!(out, "a=ice-ufrag:{}", ice.ufrag);
    line!(out, "a=ice-pwd:{}", ice.pwd);
    if !ice_options.is_empty() {
        line!(out, "a=ice-options:{}", ice_options.join(" "));
    }
    if !config.compat.session_level_fingerprint {
        fingerprint_line(out, config);
    }
    line!(out, "a=setup:{setup}");
    if let Some(tls_id) = tls_id {
        line!(out, "a=tls-id:{tls_id}");
    }
}

/// A29: `a=msid` with `msid` (stream and track), else the config's stream id (or `-`) and a
/// new random track id.
pub(crate) fn msid_line(
    out: &mut String,
    msid: Option<String>,
    config: &Config,
) -> Result<(), NegotiationError> {
    let msid = match msid {
        Some(msid) => msid,
        None => {
            let stream = config.stream_id.clone().unwrap_or_else(|| "-".to_owned());
            format!("{stream} {}", ice::random_hex(32)?)
        }
    };
    line!(out, "a=msid:{msid}");
    Ok(())
}

/// A30: our SSRC, and its RTX partner in an `a=ssrc-group:FID` when `has_rtx`, each with
/// `cname`. `kept` holds the previous SSRCs (primary first); missing ones are drawn at random.
pub(crate) fn ssrc_lines(
    out: &mut String,
    kept: &[u32],
    has_rtx: bool,
    cname: &str,
) -> Result<(), NegotiationError> {
    let primary = match kept.first() {
        Some(&ssrc) => ssrc,
        None => ice::random_ssrc()?,
    };
    let rtx = match (has_rtx, kept.get(1)) {
        (false, _) => None,
        (true, Some(&ssrc)) => Some(ssrc),
        (true, None) => Some(ice::random_ssrc()?),
    };
    if let Some(rtx) = rtx {
        line!(out, "a=ssrc-group:FID {primary} {rtx}");
    }
    line!(out, "a=ssrc:{primary} cname:{cname}");
    if let Some(rtx) = rtx {
        line!(out, "a=ssrc:{rtx} cname:{cname}");
    }
    Ok(())
}
