//! `a=fmtp` (RFC 8866 §6.15): a format and its parameters, walked on demand.

use std::fmt;
use std::hash::{Hash, Hasher};

use nom::combinator::opt;
use nom::Parser;

use super::parse_token;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

/// `a=fmtp` (RFC 8866 §6.15): `<format> <format specific parameters>`.
///
/// The format is a token: an RTP payload type in RTP media ([`Fmtp::payload_type`]), anything
/// else in other media (`webrtc-datachannel`, `*`). The parameters are kept as written (possibly
/// empty: `a=fmtp:96` occurs in camera SDP) and walked with [`Fmtp::params`].
///
/// ```
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let fmtp = Fmtp::parse("111 minptime=10;useinbandfec=1").unwrap();
/// assert_eq!(fmtp.payload_type(), Some(111));
/// assert_eq!(fmtp.get("UseInbandFec"), Some("1"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Fmtp<'a> {
    format: &'a str,
    params: &'a str,
    /// Byte offset of `params` in the attribute value, for error offsets of the views.
    params_at: usize,
}

impl<'a> Fmtp<'a> {
    /// An fmtp from a format and its parameter text, e.g. `Fmtp::new("96", "apt=100")`.
    pub fn new(format: &'a str, params: &'a str) -> Self {
        Fmtp {
            format,
            params,
            params_at: format.len() + 1,
        }
    }

    /// The format as written, e.g. `"96"`.
    pub fn format(&self) -> &'a str {
        self.format
    }

    /// The format as a payload type, when it is a number 0-127.
    pub fn payload_type(&self) -> Option<u8> {
        lex::run(self.format, lex::payload_type).ok()
    }

    /// The parameter text as written, without the white space before it.
    pub fn params_text(&self) -> &'a str {
        self.params
    }

    /// The parameters in order.
    ///
    /// Parameters are separated by `;` (RFC 8866 leaves the syntax to each format; the
    /// `key=value;key=value` form is the common one). White space separates them too, for devices
    /// that write `QCIF=2 MAXBR=2180`; empty items (`;;`, a trailing `;`) are skipped. An item
    /// without `=` is a bare value (RED's `111/111`, telephone-event's `0-15`, ST 2110's
    /// `interlace`).
    pub fn params(&self) -> impl Iterator<Item = FmtpParam<'a>> + '_ {
        let base = self.params_at;
        let text = self.params;
        let mut pos = 0;
        std::iter::from_fn(move || loop {
            // One byte scan finds the end of the item and its first `=`. The separators and `=`
            // are ASCII, so every index used below is a character boundary.
            let bytes = text.as_bytes();
            if pos >= bytes.len() {
                return None;
            }
            let start = pos;
            let mut end = start;
            let mut eq = None;
            while let Some(&b) = bytes.get(end) {
                match b {
                    b';' | b' ' | b'\t' => break,
                    b'=' if eq.is_none() => eq = Some(end),
                    _ => {}
                }
                end += 1;
            }
            // The separators are one byte long.
            pos = end + 1;
            if end == start {
                continue;
            }
            let offset = base + start;
            return Some(match eq {
                Some(eq) => FmtpParam {
                    key: Some(text.get(start..eq).unwrap_or_default()),
                    value: text.get(eq + 1..end).unwrap_or_default(),
                    offset,
                },
                None => FmtpParam {
                    key: None,
                    value: text.get(start..end).unwrap_or_default(),
                    offset,
                },
            });
        })
    }

    /// The first parameter whose key is `key`, ignoring ASCII case.
    pub fn param(&self, key: &str) -> Option<FmtpParam<'a>> {
        self.params()
            .find(|p| p.key.is_some_and(|k| k.eq_ignore_ascii_case(key)))
    }

    /// The value of the first parameter whose key is `key`, ignoring ASCII case.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.param(key).map(|p| p.value)
    }

    /// Whether `name` is present as a key or as a bare value, ignoring ASCII case (for flags such
    /// as ST 2110's `interlace`).
    pub fn has(&self, name: &str) -> bool {
        self.params()
            .any(|p| p.key.unwrap_or(p.value).eq_ignore_ascii_case(name))
    }

    /// Parameter text from `(key, value)` pairs, joined with `;` (for building an fmtp).
    pub fn join_params<'k>(pairs: impl IntoIterator<Item = (&'k str, &'k str)>) -> String {
        let mut out = String::new();
        for (key, value) in pairs {
            if !out.is_empty() {
                out.push(';');
            }
            out.push_str(key);
            out.push('=');
            out.push_str(value);
        }
        out
    }

    pub(crate) fn params_at(&self) -> usize {
        self.params_at
    }
}

// The offset of the parameters only serves error reporting: equal text is equal.
impl PartialEq for Fmtp<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.format == other.format && self.params == other.params
    }
}

impl Eq for Fmtp<'_> {}

impl Hash for Fmtp<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.format.hash(state);
        self.params.hash(state);
    }
}

/// One fmtp parameter: `key=value`, or a bare value without key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FmtpParam<'a> {
    /// The key as written, or `None` for a bare value.
    pub key: Option<&'a str>,
    /// The value as written (after the first `=` when there is a key).
    pub value: &'a str,
    /// Byte offset of the parameter in the fmtp attribute value.
    pub offset: usize,
}

impl<'a> FmtpParam<'a> {
    /// Byte offset of the value in the fmtp attribute value.
    pub fn value_offset(&self) -> usize {
        self.offset + self.key.map_or(0, |k| k.len() + 1)
    }
}

// RFC 8866 §6.15: fmtp-value = fmt SP format-specific-params
// (fmt = token; the parameters are a byte-string, possibly absent in real SDP)
fn parse_fmtp_value(input: &str) -> PResult<'_, Fmtp<'_>> {
    let (rest, format) = expect("a format (payload type or token)", parse_token)(input)?;
    let (rest, gap) = opt(lex::sp).parse(rest)?;
    let params = rest.trim_end_matches([' ', '\t']);
    if gap.is_none() && !params.is_empty() {
        return lex::fail(rest, "a space");
    }
    let left = rest.get(params.len()..).unwrap_or_default();
    Ok((
        left,
        Fmtp {
            format,
            params,
            params_at: lex::offset_in(input, rest),
        },
    ))
}

impl<'a> TypedAttribute<'a> for Fmtp<'a> {
    const NAME: &'static str = "fmtp";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_fmtp_value)
    }
}

impl fmt::Display for Fmtp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.format)?;
        if !self.params.is_empty() {
            write!(f, " {}", self.params)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::rtp::tests::round_trips;

    #[test]
    fn fmtp_walks_key_value_and_bare_parameters_in_order() {
        let f: Fmtp = round_trips("111 minptime=10; useinbandfec=1");
        assert_eq!(f.payload_type(), Some(111));
        let params: Vec<_> = f.params().map(|p| (p.key, p.value, p.offset)).collect();
        assert_eq!(
            params,
            [(Some("minptime"), "10", 4), (Some("useinbandfec"), "1", 17)]
        );
        assert_eq!(f.get("USEINBANDFEC"), Some("1"));
        assert_eq!(f.get("stereo"), None);
        let red: Fmtp = round_trips("63 111/111");
        assert_eq!(
            red.params().next().map(|p| (p.key, p.value)),
            Some((None, "111/111"))
        );
        let dtmf: Fmtp = round_trips("101 0-15");
        assert_eq!(dtmf.params().count(), 1);
    }

    #[test]
    fn fmtp_splits_at_white_space_and_skips_empty_items() {
        let f: Fmtp = round_trips("120   x-google-min-bitrate=10;  x-google-max-quantization=40");
        assert_eq!(
            f.params_text(),
            "x-google-min-bitrate=10;  x-google-max-quantization=40"
        );
        assert_eq!(f.get("x-google-max-quantization"), Some("40"));
        assert_eq!(
            f.param("x-google-max-quantization").unwrap().value_offset(),
            58
        );
        let f: Fmtp = round_trips("115 QCIF=2 MAXBR=2180");
        assert_eq!(f.get("MAXBR"), Some("2180"));
        let f: Fmtp = round_trips("96 ;level-asymmetry-allowed=1;packetization-mode=1;");
        assert_eq!(f.params().count(), 2);
        let f: Fmtp =
            round_trips("112 sampling=YCbCr-4:2:2; width=1280; height=720; interlace; depth=10;");
        assert!(f.has("interlace") && f.has("width") && !f.has("segmented"));
        assert_eq!(f.get("sampling"), Some("YCbCr-4:2:2"));
    }

    #[test]
    fn fmtp_accepts_a_format_without_parameters_and_non_rtp_formats() {
        let f: Fmtp = round_trips("96");
        assert_eq!(
            (f.format(), f.params_text(), f.params().count()),
            ("96", "", 0)
        );
        assert_eq!(f.to_string(), "96");
        let f: Fmtp = round_trips("webrtc-datachannel max-message-size=65536");
        assert_eq!(f.payload_type(), None);
        assert_eq!(f.get("max-message-size"), Some("65536"));
        assert_eq!(Fmtp::parse("*").unwrap().payload_type(), None);
        assert_eq!(Fmtp::parse("200 a=1").unwrap().payload_type(), None);
    }

    #[test]
    fn fmtp_rejects_a_missing_format_or_space() {
        assert_eq!(
            Fmtp::parse(""),
            Err(ValueError::new(0, "a format (payload type or token)"))
        );
        assert_eq!(
            Fmtp::parse(" 96 a=1"),
            Err(ValueError::new(0, "a format (payload type or token)"))
        );
        assert_eq!(
            Fmtp::parse("96;apt=100"),
            Err(ValueError::new(2, "a space"))
        );
    }

    #[test]
    fn fmtp_builds_from_pairs_and_writes_canonically() {
        let text = Fmtp::join_params([("minptime", "10"), ("useinbandfec", "1")]);
        let f = Fmtp::new("111", &text);
        assert_eq!(f.to_string(), "111 minptime=10;useinbandfec=1");
        assert_eq!(f.param("useinbandfec").unwrap().offset, 16);
        assert_eq!(Fmtp::parse("111  minptime=10;useinbandfec=1").unwrap(), f);
    }
}
