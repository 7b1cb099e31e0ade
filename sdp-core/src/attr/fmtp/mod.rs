//! Codec-specific views of `a=fmtp` parameters.
//!
//! An [`Fmtp`] keeps its parameters as text; the views here read the parameters one codec
//! defines into typed fields, applying the defaults its RFC gives for absent parameters. Each view
//! has `from_fmtp(&Fmtp) -> Result<Self, ValueError>` and, where every parameter is optional,
//! `Default` (the values that apply when there is no `a=fmtp` line at all).
//!
//! Parameter keys are matched ignoring ASCII case (RFC 4855 §3 makes media type parameter names
//! case-insensitive); when a key repeats, the first one counts. Unknown parameters are ignored
//! (read them with [`Fmtp::get`]); a known parameter with a malformed value is an error whose
//! offset points into the fmtp attribute value.
//!
//! | view | codec | defined by |
//! |---|---|---|
//! | [`H264Params`] | H264 | RFC 6184 §8.1 |
//! | [`H265Params`] | H265 | RFC 7798 §7.1 |
//! | [`Vp8Params`] | VP8 | RFC 7741 §6.1 |
//! | [`Vp9Params`] | VP9 | RFC 9628 §6 |
//! | [`Av1Params`] | AV1 | AV1 RTP payload format §7.2 |
//! | [`OpusParams`] | opus | RFC 7587 §6.1 |
//! | [`TelephoneEventParams`] | telephone-event | RFC 4733 §2.4.1 |
//! | [`RedParams`] | red | RFC 2198 §5 |
//! | [`RtxParams`] | rtx | RFC 4588 §8.1 |

use nom::character::complete::one_of;
use nom::Parser;

use crate::attr::rtp::{Fmtp, FmtpParam};
use crate::error::ValueError;
use crate::lex::{self, expect, PError};

mod audio;
mod h264;
mod h265;
mod repair;
mod vpx;

pub use audio::{OpusParams, TelephoneEventParams};
pub use h264::{H264PacketizationMode, H264Params, H264Profile, H264ProfileLevelId};
pub use h265::{H265Params, H265TxMode};
pub use repair::{RedParams, RtxParams};
pub use vpx::{Av1Params, Vp8Params, Vp9Params};

/// Where a view looks its parameters up: an [`Fmtp`] (one walk per key) or a [`Scan`] (one
/// walk for all the keys a view reads).
trait Lookup<'a> {
    /// The first parameter whose key is `key`, ignoring ASCII case.
    fn param(&self, key: &str) -> Option<FmtpParam<'a>>;

    /// The value of [`Lookup::param`].
    fn get(&self, key: &str) -> Option<&'a str> {
        self.param(key).map(|p| p.value)
    }
}

impl<'a> Lookup<'a> for Fmtp<'a> {
    fn param(&self, key: &str) -> Option<FmtpParam<'a>> {
        Fmtp::param(self, key)
    }
}

/// The first parameter of each of `N` keys, found in a single walk over the parameters (a view
/// reads up to ten keys; looking each up with [`Fmtp::param`] walks the text ten times).
///
/// Answers exactly as [`Fmtp::param`] does: keys match ignoring ASCII case and the first
/// occurrence counts. A key not in the list falls back to [`Fmtp::param`].
struct Scan<'f, 'a, const N: usize> {
    fmtp: &'f Fmtp<'a>,
    keys: [&'static str; N],
    found: [Option<FmtpParam<'a>>; N],
}

impl<'f, 'a, const N: usize> Scan<'f, 'a, N> {
    fn new(fmtp: &'f Fmtp<'a>, keys: [&'static str; N]) -> Self {
        let mut found = [None; N];
        for param in fmtp.params() {
            let Some(key) = param.key else { continue };
            let slot = keys
                .iter()
                .zip(found.iter_mut())
                .find(|(k, _)| k.eq_ignore_ascii_case(key));
            if let Some((_, slot @ None)) = slot {
                *slot = Some(param);
            }
        }
        Scan { fmtp, keys, found }
    }
}

impl<'a, const N: usize> Lookup<'a> for Scan<'_, 'a, N> {
    fn param(&self, key: &str) -> Option<FmtpParam<'a>> {
        match self.keys.iter().position(|k| *k == key) {
            Some(i) => self.found.get(i).copied().flatten(),
            None => self.fmtp.param(key),
        }
    }
}

/// Parses the whole value of `param` with `parser`; errors are offset into the fmtp value.
fn value_of<'a, O, P>(param: &FmtpParam<'a>, parser: P) -> Result<O, ValueError>
where
    P: Parser<&'a str, Output = O, Error = PError<'a>>,
{
    lex::run(param.value, parser)
        .map_err(|e| ValueError::new(param.value_offset() + e.offset, e.expected))
}

/// The value of parameter `key` read with `parser`, `None` when the parameter is absent.
fn opt_param<'a, O, P>(
    fmtp: &impl Lookup<'a>,
    key: &str,
    parser: P,
) -> Result<Option<O>, ValueError>
where
    P: Parser<&'a str, Output = O, Error = PError<'a>>,
{
    fmtp.param(key).map(|p| value_of(&p, parser)).transpose()
}

/// A `u32` parameter.
fn opt_u32<'a>(
    fmtp: &impl Lookup<'a>,
    key: &str,
    expected: &'static str,
) -> Result<Option<u32>, ValueError> {
    opt_param(fmtp, key, lex::u32_dec(expected))
}

/// A number in `0..=max` that fits a `u8`.
fn bounded_u8<'a>(max: u8, expected: &'static str) -> impl Fn(&'a str) -> lex::PResult<'a, u8> {
    move |input: &'a str| {
        let (rest, n) = lex::u8_dec(expected)(input)?;
        if n > max {
            return lex::fail(input, expected);
        }
        Ok((rest, n))
    }
}

/// A `0`/`1` flag parameter, `false` when absent.
fn flag<'a>(fmtp: &impl Lookup<'a>, key: &str, expected: &'static str) -> Result<bool, ValueError> {
    let read = expect(expected, one_of("01")).map(|c| c == '1');
    Ok(opt_param(fmtp, key, read)?.unwrap_or(false))
}

/// The offset to report for a parameter the view requires but does not find.
fn missing(fmtp: &Fmtp<'_>, expected: &'static str) -> ValueError {
    ValueError::new(fmtp.params_at(), expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    #[test]
    fn value_errors_point_into_the_fmtp_value() {
        let fmtp = Fmtp::parse("96 a=1;stereo=2").unwrap();
        assert_eq!(
            flag(&fmtp, "stereo", "0 or 1"),
            Err(ValueError::new(14, "0 or 1"))
        );
        assert_eq!(opt_u32(&fmtp, "a", "n"), Ok(Some(1)));
        assert_eq!(opt_u32(&fmtp, "b", "n"), Ok(None));
        assert_eq!(
            opt_param(&fmtp, "a", bounded_u8(0, "zero")),
            Err(ValueError::new(5, "zero"))
        );
        assert_eq!(missing(&fmtp, "apt"), ValueError::new(3, "apt"));
    }
}
