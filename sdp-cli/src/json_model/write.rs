//! From the model back to SDP text: each line written exactly, with checks that the text reads
//! back as the same lines and sections.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use sdp_core::{Line, LineKind};

use super::error::{JsonError, LinePath, LineProblem};
use super::{Document, LineEnding, LineEntry, VERSION};

/// Only the version of a document; every other field is skipped unread. Unlike a derived
/// struct it accepts only a JSON object, not an array of positional fields.
struct VersionProbe {
    sdpkit_json: Option<Value>,
}

impl<'de> Deserialize<'de> for VersionProbe {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = VersionProbe;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an sdpkit JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionProbe, A::Error> {
        let mut version = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "sdpkit_json" && version.is_none() {
                version = Some(map.next_value::<Value>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(VersionProbe {
            sdpkit_json: version.filter(|v| !v.is_null()),
        })
    }
}

/// Checks the `sdpkit_json` field before the document is read in full.
pub(super) fn check_version(text: &str) -> Result<(), JsonError> {
    let probe: VersionProbe = serde_json::from_str(text).map_err(JsonError::Json)?;
    match probe.sdpkit_json {
        None => Err(JsonError::MissingVersion),
        Some(v) if v.as_u64() == Some(VERSION) => Ok(()),
        Some(v) => Err(JsonError::UnsupportedVersion {
            found: v.to_string(),
        }),
    }
}

/// The text of one line, without its ending.
fn line_text(entry: &LineEntry) -> Result<String, LineProblem> {
    let text = match (&entry.kind, &entry.raw) {
        (None, None) => return Err(LineProblem::NoTypeOrRaw),
        (Some(_), Some(_)) => return Err(LineProblem::TypeAndRaw),
        (None, Some(raw)) => {
            if entry.name.is_some() || entry.value.is_some() {
                return Err(LineProblem::RawWithParts);
            }
            raw.clone()
        }
        (Some(kind), None) => typed_text(kind, entry)?,
    };
    if text.contains('\n') {
        return Err(LineProblem::LineBreak);
    }
    Ok(text)
}

/// `x=value`, or `a=name[:value]` for attributes.
fn typed_text(kind: &str, entry: &LineEntry) -> Result<String, LineProblem> {
    let mut chars = kind.chars();
    let letter = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => c,
        _ => return Err(LineProblem::BadType(kind.to_owned())),
    };
    let value = entry.value.as_deref();
    if letter != 'a' {
        if entry.name.is_some() {
            return Err(LineProblem::NameOnNonAttribute(kind.to_owned()));
        }
        return Ok(format!("{letter}={}", value.unwrap_or_default()));
    }
    let name = entry.name.as_deref().ok_or(LineProblem::MissingName)?;
    if name.contains(':') {
        return Err(LineProblem::ColonInName(name.to_owned()));
    }
    Ok(match value {
        Some(value) => format!("a={name}:{value}"),
        None => format!("a={name}"),
    })
}

/// Where the lines go and which position they have.
struct Writer {
    out: String,
    remaining: usize,
}

impl Writer {
    /// Appends one line; `first_in_media` tells whether it must be an `m=` line.
    fn push(
        &mut self,
        entry: &LineEntry,
        at: LinePath,
        first_in_media: bool,
    ) -> Result<(), JsonError> {
        let fail = |problem| JsonError::Line { at, problem };
        self.remaining = self.remaining.saturating_sub(1);
        let text = line_text(entry).map_err(fail)?;
        // The parser decides what starts a section; ask it rather than guess.
        let is_media = Line::from_text(text.as_str()).kind() == LineKind::Media;
        if first_in_media && !is_media {
            return Err(fail(LineProblem::NotMediaLine(Some(text))));
        }
        if !first_in_media && is_media {
            return Err(fail(LineProblem::StrayMediaLine));
        }
        let eol = entry.eol.unwrap_or(LineEnding::Crlf);
        match eol {
            LineEnding::None if self.remaining > 0 => {
                return Err(fail(LineProblem::NoEolBeforeEnd));
            }
            LineEnding::Lf if text.ends_with('\r') => {
                return Err(fail(LineProblem::CarriageReturnBeforeLf));
            }
            _ => {}
        }
        self.out.push_str(&text);
        self.out.push_str(eol.as_str());
        Ok(())
    }
}

/// Writes the document's lines in order.
pub(super) fn to_sdp(doc: &Document) -> Result<String, JsonError> {
    let total = doc.session.lines.len() + doc.media.iter().map(|m| m.lines.len()).sum::<usize>();
    let mut writer = Writer {
        out: String::new(),
        remaining: total,
    };
    for (i, entry) in doc.session.lines.iter().enumerate() {
        writer.push(
            entry,
            LinePath {
                media: None,
                line: i,
            },
            false,
        )?;
    }
    for (m, media) in doc.media.iter().enumerate() {
        if media.lines.is_empty() {
            return Err(JsonError::Line {
                at: LinePath {
                    media: Some(m),
                    line: 0,
                },
                problem: LineProblem::NotMediaLine(None),
            });
        }
        for (i, entry) in media.lines.iter().enumerate() {
            let at = LinePath {
                media: Some(m),
                line: i,
            };
            writer.push(entry, at, i == 0)?;
        }
    }
    Ok(writer.out)
}
