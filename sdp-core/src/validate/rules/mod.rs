//! The validation rules, one family per module. Each module declares its lints with
//! `lints!` (code, severity, profiles, RFC, explanation, examples) beside the code that checks
//! them, and exposes `check(&mut Ctx)`.
//!
//! Code ranges: `SDP01xx` structure, timing and RTP payloads, `SDP02xx` BUNDLE and mids,
//! `SDP03xx` ICE, `SDP04xx` DTLS, `SDP05xx` header extensions, `SDP06xx` sources and streams,
//! `SDP07xx` simulcast and rid, `SDP08xx` data channels, `SDP09xx` WebRTC security and
//! transport, `SDP10xx` SIP, `SDP11xx` ST 2110.

use super::{Ctx, LintInfo};

pub mod bundle;
pub mod dtls;
pub mod extmap;
pub mod ice;
pub mod rtp;
pub mod sctp;
mod seen;
pub mod simulcast;
pub mod sip;
pub mod ssrc;
pub mod st2110;
pub mod structure;
pub mod timing;
pub mod webrtc;

/// A family: its lints and its check.
type Family = (&'static [&'static LintInfo], fn(&mut Ctx<'_, '_>));

/// The families, in the order they run.
const FAMILIES: [Family; 13] = [
    (structure::LINTS, structure::check),
    (timing::LINTS, timing::check),
    (rtp::LINTS, rtp::check),
    (bundle::LINTS, bundle::check),
    (ice::LINTS, ice::check),
    (dtls::LINTS, dtls::check),
    (extmap::LINTS, extmap::check),
    (ssrc::LINTS, ssrc::check),
    (simulcast::LINTS, simulcast::check),
    (sctp::LINTS, sctp::check),
    (webrtc::LINTS, webrtc::check),
    (sip::LINTS, sip::check),
    (st2110::LINTS, st2110::check),
];

/// Runs every family that has a lint in the profile: a family whose lints all belong to
/// other profiles would only compute what `Ctx::report` then drops.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>) {
    for (lints, check) in FAMILIES {
        if lints.iter().any(|l| ctx.enabled(l)) {
            check(ctx);
        }
    }
}

/// Every rule's lint.
pub(crate) fn lints() -> impl Iterator<Item = &'static LintInfo> {
    FAMILIES
        .into_iter()
        .flat_map(|(lints, _)| lints.iter().copied())
}
