//! SDP as JSON and back: the stable model behind `sdp json` and `sdp from-json`.
//!
//! The model is a wire format: it is versioned (`"sdpkit_json": 1`), documented in
//! `docs/json.md`, and changes only with a new version number.
//!
//! ```json
//! {
//!   "sdpkit_json": 1,
//!   "session": { "lines": [ {"type": "v", "value": "0"}, ... ] },
//!   "media": [
//!     {
//!       "kind": "audio", "port": 9, "proto": "UDP/TLS/RTP/SAVPF", "formats": ["111"],
//!       "mid": "0", "direction": "sendrecv",
//!       "codecs": [{"pt": 111, "name": "opus", "clock_rate": 48000, "channels": 2,
//!                   "fmtp": {"minptime": "10"}, "rtcp_fb": ["transport-cc"]}],
//!       "lines": [ {"type": "m", "value": "audio 9 UDP/TLS/RTP/SAVPF 111"}, ... ]
//!     }
//!   ]
//! }
//! ```
//!
//! - **The `lines` are the source of truth.** Every line of the description is there, in order:
//!   the session-level lines in `session.lines`, and each media section (its `m=` line first) in
//!   one entry of `media`. Converting back writes exactly these lines, so
//!   `from_json(to_json(x))` gives `x` back byte for byte, and a value edited in the JSON is
//!   what the SDP says afterwards.
//! - **The media summary is derived and output-only.** `kind`, `port`, `port_count`, `proto`,
//!   `formats`, `mid`, `direction` and `codecs` are computed from the lines with sdp-core's
//!   typed views, for scripts that only read; [`from_json`] ignores them.
//!
//! A line is one of:
//!
//! | JSON | SDP line |
//! |---|---|
//! | `{"type":"a","name":"rtcp-mux"}` | `a=rtcp-mux` (a property: no `value`) |
//! | `{"type":"a","name":"foo","value":""}` | `a=foo:` (an empty value) |
//! | `{"type":"a","name":"mid","value":"0"}` | `a=mid:0` |
//! | `{"type":"c","value":"IN IP4 0.0.0.0"}` | `c=IN IP4 0.0.0.0` (any other type letter) |
//! | `{"raw":"  a=indented"}` | a line kept as text: blank, malformed, indented, ... |
//!
//! plus `"eol"`: absent for CRLF, `"lf"` for a bare LF, `"none"` for a last line without an
//! ending. The `value` is the exact text after `x=` (or after `a=name:`), trailing white space
//! included.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use sdp_core::codec::Codec;
use sdp_core::{Eol, Line, LineKind, Media, Session};

mod error;
mod write;

pub use error::{JsonError, LinePath, LineProblem};

/// The version of the model this build writes and reads (`"sdpkit_json": 1`).
pub const VERSION: u64 = 1;

/// A whole description in the JSON model.
///
/// Serializing gives the documented JSON; deserializing reads it back, ignoring the derived
/// media fields. Use [`Document::from_session`] and [`Document::to_sdp`] to convert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The model version, [`VERSION`].
    pub sdpkit_json: u64,
    /// The session-level lines.
    pub session: SessionLines,
    /// The media sections, in order.
    #[serde(default)]
    pub media: Vec<MediaEntry>,
}

/// The session level: the lines before the first `m=` line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionLines {
    /// The lines, in order.
    pub lines: Vec<LineEntry>,
}

/// One media section: a derived summary and the lines, its `m=` line first.
///
/// Only `lines` is read back; the other fields are written for readers and skipped on input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaEntry {
    /// The media type of the `m=` line (`audio`, `video`, `application`, ...).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The port of the `m=` line, when it parses.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// The number of ports, when the `m=` line has `port/count`.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub port_count: Option<u32>,
    /// The transport protocol, when the `m=` line parses.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub proto: Option<String>,
    /// The formats of the `m=` line, as written, when it parses.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub formats: Option<Vec<String>>,
    /// The `a=mid` value.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub mid: Option<String>,
    /// The effective direction (the section's, else the session's, else `sendrecv`).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// The codecs (rtpmap, fmtp and rtcp-fb joined by payload type), for RTP media whose
    /// `m=` line parses.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub codecs: Option<Vec<CodecSummary>>,
    /// The lines of the section, the `m=` line first. The source of truth.
    pub lines: Vec<LineEntry>,
}

/// One codec of a media section (derived, output-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodecSummary {
    /// The payload type.
    pub pt: u8,
    /// The encoding name; absent for a dynamic payload type without a usable rtpmap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The clock rate in Hz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock_rate: Option<u32>,
    /// The channel count, when the rtpmap gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<u16>,
    /// Whether name and clock rate come from the RFC 3551 static table (no rtpmap).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub r#static: bool,
    /// The fmtp parameters: `key=value` as `"key": "value"` (the first of repeated keys),
    /// a bare item such as `0-15` as `"0-15": null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fmtp: Option<Map<String, Value>>,
    /// The feedback types, e.g. `"nack pli"`, including those of `a=rtcp-fb:*`.
    #[serde(default)]
    pub rtcp_fb: Vec<String>,
}

/// One line: typed (`type`, `name`, `value`) or kept as text (`raw`), and its ending.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineEntry {
    /// The type letter (`"a"`, `"c"`, ...), for a line written `<type>=<value>`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The attribute name, for `a` lines only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The text after `x=` (after `a=name:` for attributes); absent for a property attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The whole line as text, for lines the typed form cannot give back exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// The line ending; absent for CRLF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eol: Option<LineEnding>,
}

/// A line ending in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    /// `\r\n`; written by leaving `eol` out, accepted when given.
    Crlf,
    /// A bare `\n`.
    Lf,
    /// No ending: only the last line of a description.
    None,
}

impl LineEnding {
    /// The model's form of a parsed line ending (`None` for CRLF, which the model leaves out).
    pub fn from_eol(eol: Eol) -> Option<LineEnding> {
        match eol {
            Eol::CrLf => None,
            Eol::Lf => Some(LineEnding::Lf),
            Eol::None => Some(LineEnding::None),
        }
    }

    /// The bytes of the ending.
    pub const fn as_str(self) -> &'static str {
        match self {
            LineEnding::Crlf => "\r\n",
            LineEnding::Lf => "\n",
            LineEnding::None => "",
        }
    }
}

impl LineEntry {
    /// The model's form of one line: typed when `type`/`name`/`value` give its exact text
    /// back, `raw` otherwise.
    pub fn from_line(line: &Line<'_>) -> LineEntry {
        let eol = LineEnding::from_eol(line.eol());
        let text = line.text();
        let typed = typed_parts(line);
        match typed {
            Some((letter, name, value)) => LineEntry {
                kind: Some(letter.to_string()),
                name: name.map(str::to_owned),
                value: value.map(str::to_owned),
                raw: None,
                eol,
            },
            None => LineEntry {
                raw: Some(text.to_owned()),
                eol,
                ..LineEntry::default()
            },
        }
    }
}

/// The type letter, attribute name and value of a line, when writing them back as
/// `x=value` / `a=name[:value]` gives the line's exact text and the name is the one sdp-core
/// reads (a line such as `a=rtcp-mux ` with trailing white space stays raw, so that its `name`
/// never carries the spaces).
fn typed_parts<'l>(line: &'l Line<'_>) -> Option<(char, Option<&'l str>, Option<&'l str>)> {
    if line.is_indented() {
        return None;
    }
    let letter = line.letter().filter(char::is_ascii_alphabetic)?;
    let text = line.text();
    let rest = text.get(2..)?;
    if !text.starts_with(letter) || text.as_bytes().get(1) != Some(&b'=') {
        return None;
    }
    if line.kind() != LineKind::Attribute {
        return Some((letter, None, Some(rest)));
    }
    let (name, value) = match rest.split_once(':') {
        Some((name, value)) => (name, Some(value)),
        None => (rest, None),
    };
    let core_name = line.as_attribute().map(|a| a.name());
    (core_name == Some(name)).then_some((letter, Some(name), value))
}

impl MediaEntry {
    /// The model's form of a media section of `session`, with its derived summary.
    pub fn from_media(session: &Session<'_>, media: &Media<'_>) -> MediaEntry {
        let media_line = media.media_line();
        let codecs = media_line.filter(|m| m.is_rtp()).map(|_| {
            media
                .codecs()
                .iter()
                .map(CodecSummary::from_codec)
                .collect()
        });
        let mut lines = Vec::with_capacity(media.lines().len() + 1);
        lines.push(LineEntry::from_line(media.line()));
        lines.extend(media.lines().iter().map(LineEntry::from_line));
        MediaEntry {
            kind: Some(media.kind().to_owned()),
            port: media_line.map(|m| m.port),
            port_count: media_line.and_then(|m| m.port_count),
            proto: media_line.map(|m| m.proto.to_owned()),
            formats: media_line.map(|m| m.formats().map(str::to_owned).collect()),
            mid: media.mid().map(str::to_owned),
            direction: Some(session.direction_of(media).name().to_owned()),
            codecs,
            lines,
        }
    }
}

impl CodecSummary {
    /// The summary of one codec view.
    pub fn from_codec(codec: &Codec<'_>) -> CodecSummary {
        let fmtp = codec.fmtp.as_ref().map(|fmtp| {
            let mut params = Map::new();
            for param in fmtp.params() {
                let (key, value) = match param.key {
                    Some(key) => (key, Value::String(param.value.to_owned())),
                    None => (param.value, Value::Null),
                };
                params.entry(key.to_owned()).or_insert(value);
            }
            params
        });
        CodecSummary {
            pt: codec.payload_type,
            name: codec.is_known().then(|| codec.encoding_name.to_owned()),
            clock_rate: codec.clock_rate,
            channels: codec.channels,
            r#static: codec.is_static,
            fmtp,
            rtcp_fb: codec
                .rtcp_fb
                .iter()
                .map(|fb| match fb.params_text() {
                    Some(params) => format!("{} {params}", fb.kind_text()),
                    None => fb.kind_text().to_owned(),
                })
                .collect(),
        }
    }
}

impl Document {
    /// The model of `session`: every line, and the derived media summaries.
    pub fn from_session(session: &Session<'_>) -> Document {
        Document {
            sdpkit_json: VERSION,
            session: SessionLines {
                lines: session.lines().iter().map(LineEntry::from_line).collect(),
            },
            media: session
                .media()
                .iter()
                .map(|m| MediaEntry::from_media(session, m))
                .collect(),
        }
    }

    /// Reads a document from JSON text, checking the version first (so that a document of
    /// another version gets a version error, not a shape error).
    pub fn from_json_str(text: &str) -> Result<Document, JsonError> {
        write::check_version(text)?;
        serde_json::from_str(text).map_err(JsonError::Json)
    }

    /// The SDP text the lines spell, checked so that it reads back as the same lines and
    /// sections.
    pub fn to_sdp(&self) -> Result<String, JsonError> {
        write::to_sdp(self)
    }
}

/// The JSON model of `session` (see the module docs for the shape).
///
/// ```
/// let sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux\r\n";
/// let session = sdp_core::Session::parse(sdp).unwrap();
/// let json = sdp_cli::json_model::to_json(&session);
/// assert_eq!(json["media"][0]["codecs"][0]["name"], "PCMU");
/// assert_eq!(json["media"][0]["lines"][1], serde_json::json!({"type": "a", "name": "rtcp-mux"}));
/// let back = sdp_cli::json_model::from_json(&json.to_string()).unwrap();
/// assert_eq!(back, sdp);
/// ```
pub fn to_json(session: &Session<'_>) -> Value {
    // Serializing these plain structs cannot fail (string keys, no non-finite floats); the
    // `Null` fallback only keeps the signature free of an error nobody can get.
    serde_json::to_value(Document::from_session(session)).unwrap_or(Value::Null)
}

/// The JSON model of `session` as pretty-printed text, ending with a newline.
pub fn to_json_string(session: &Session<'_>) -> String {
    let mut text =
        serde_json::to_string_pretty(&Document::from_session(session)).unwrap_or_default();
    text.push('\n');
    text
}

/// The SDP text of a JSON document: its lines, written exactly.
///
/// Errors carry serde_json's line and column for JSON that does not fit the model, and the
/// path of the offending line (`media[1].lines[0]`) for lines that cannot be written.
pub fn from_json(text: &str) -> Result<String, JsonError> {
    Document::from_json_str(text)?.to_sdp()
}

#[cfg(test)]
mod tests;
