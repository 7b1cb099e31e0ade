//! The human rendering of a [`Diff`]: changes grouped by section, one per line, marked `+`
//! (added), `-` (removed) or `~` (changed). No colour: the caller decides.

use std::io::{self, Write};

use super::{Change, ChangeKind, Diff, Op, SectionId, SectionRef};

/// Writes `diff` for a reader: a `--- A` / `+++ B` header, then the session-level changes under
/// `session` and each section's under a heading such as `m=audio mid 0`:
///
/// ```text
/// --- offer-1.sdp
/// +++ offer-2.sdp
/// session
///   ~ session version 2 -> 3
/// m=audio mid 0
///   ~ ICE restart (ufrag vsCn -> Pq3x; also mids 1, 2)
///   + codec 96 VP8/90000
///   ~ fmtp 102: profile-level-id 42e01f -> 42001f
/// ```
///
/// Writes nothing for an empty diff, as `diff(1)` does. Control characters in values are
/// escaped, so that an SDP cannot drive the terminal.
pub fn render_human(
    diff: &Diff,
    a_label: &str,
    b_label: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    if diff.is_empty() {
        return Ok(());
    }
    writeln!(out, "--- {}", clean(a_label))?;
    writeln!(out, "+++ {}", clean(b_label))?;
    let mut current: Option<&Option<SectionRef>> = None;
    for change in &diff.changes {
        if current != Some(&change.section) {
            writeln!(out, "{}", heading(change.section.as_ref()))?;
            current = Some(&change.section);
        }
        let sign = match change.op {
            Op::Added => '+',
            Op::Removed => '-',
            Op::Changed => '~',
        };
        writeln!(out, "  {sign} {}", clean(&describe(change)))?;
    }
    Ok(())
}

fn heading(section: Option<&SectionRef>) -> String {
    let Some(section) = section else {
        return "session".to_owned();
    };
    match (&section.a, &section.b) {
        (Some(a), Some(b)) if a.mid != b.mid || a.media != b.media => {
            format!("{} -> {}", name(a), name(b))
        }
        (_, Some(one)) | (Some(one), None) => name(one),
        (None, None) => "m=?".to_owned(),
    }
}

fn name(id: &SectionId) -> String {
    match &id.mid {
        Some(mid) => format!("m={} mid {mid}", id.media),
        None => format!("m={} #{}", id.media, id.index),
    }
}

/// The text of one change, without its sign.
fn describe(change: &Change) -> String {
    let before = change.before.as_deref();
    let after = change.after.as_deref();
    let value = after.or(before).unwrap_or_default();
    // "x -> y" for a change; the value alone for an addition or removal.
    let delta = || match (before, after) {
        (Some(b), Some(a)) => format!("{} -> {}", shown(b), shown(a)),
        _ => value.to_owned(),
    };
    match &change.kind {
        ChangeKind::SessionId => format!("session id {} (a new session)", delta()),
        ChangeKind::SessionVersion => format!("session version {}", delta()),
        ChangeKind::Origin { field } => format!("origin {field} {}", delta()),
        ChangeKind::SessionName => format!("session name {}", delta()),
        ChangeKind::Connection => format!("c= {}", delta()),
        ChangeKind::Bandwidth { bwtype } => match change.op {
            Op::Changed => format!("b={bwtype} {}", delta()),
            _ => format!("b={bwtype}:{value}"),
        },
        ChangeKind::Line { letter } => match change.op {
            Op::Changed => format!("{letter}= {}", delta()),
            _ => format!("{letter}={value}"),
        },
        ChangeKind::Attribute { name } => match change.op {
            Op::Changed => format!("a={name}: {}", delta()),
            _ if value.is_empty() => format!("a={name}"),
            _ => format!("a={name}:{value}"),
        },
        ChangeKind::Group { semantics } => format!("group {semantics} {}", delta()),
        ChangeKind::Direction => format!("direction {}", delta()),
        ChangeKind::SectionAdded => format!("section m={value}"),
        ChangeKind::SectionRemoved => format!("section m={value}"),
        ChangeKind::SectionRecycled => format!(
            "recycled m-line: m={} -> m={}",
            before.unwrap_or_default(),
            after.unwrap_or_default()
        ),
        ChangeKind::SectionMoved => format!("moved from index {}", delta()),
        ChangeKind::MediaType => format!("media type {}", delta()),
        ChangeKind::Port => format!("port {}", delta()),
        ChangeKind::Proto => format!("proto {}", delta()),
        ChangeKind::Mid => format!("mid {}", delta()),
        ChangeKind::Codec { format, fmtp } => match fmtp {
            Some(fmtp) if change.op != Op::Changed => format!("codec {format} {value} ({fmtp})"),
            _ => format!("codec {format} {}", delta()),
        },
        ChangeKind::CodecOrder => format!("codec order {}", delta()),
        ChangeKind::Fmtp { format, param } => match (param, change.op) {
            (Some(param), Op::Changed) => format!("fmtp {format}: {param} {}", delta()),
            (Some(param), _) => format!("fmtp {format}: {param}={value}"),
            (None, _) => format!("fmtp {format}: {}", delta()),
        },
        ChangeKind::RtcpFb { format } => format!("rtcp-fb {format} {value}"),
        ChangeKind::IceRestart {
            pwd_changed,
            shared_with,
        } => {
            let what = match (before, after) {
                (Some(b), Some(a)) if b == a => format!("ICE restart (pwd only, ufrag {a}"),
                (None, None) => "ICE restart (pwd only".to_owned(),
                (Some(_), Some(_)) if !pwd_changed => {
                    format!("ICE restart (ufrag only, {}", delta())
                }
                (Some(_), Some(_)) => format!("ICE restart (ufrag {}", delta()),
                (None, Some(a)) => format!("ICE credentials (ufrag {a}"),
                (Some(b), None) => format!("ICE credentials (ufrag {b}"),
            };
            format!("{what}{})", also(shared_with))
        }
        ChangeKind::Candidate => format!("candidate {value}"),
        ChangeKind::Fingerprint { shared_with } => {
            format!("fingerprint {}{}", delta(), parenthesised(shared_with))
        }
        ChangeKind::Setup { shared_with } => {
            format!("setup {}{}", delta(), parenthesised(shared_with))
        }
        ChangeKind::Extmap { uri } => match change.op {
            Op::Changed => format!("extmap {uri}: {}", delta()),
            _ => format!("extmap {value} {uri}"),
        },
        ChangeKind::Ssrc { ssrc, attribute } => match change.op {
            Op::Changed => format!("ssrc {ssrc} {attribute}: {}", delta()),
            _ if value.is_empty() => format!("ssrc {ssrc} {attribute}"),
            _ => format!("ssrc {ssrc} {attribute}:{value}"),
        },
        ChangeKind::SsrcGroup { semantics } => format!("ssrc-group {semantics} {}", delta()),
        ChangeKind::Msid => format!("msid {}", delta()),
        ChangeKind::Rid { id } => format!("rid {id} {}", delta()),
        ChangeKind::Simulcast => format!("simulcast {}", delta()),
    }
}

/// An empty value is shown as `""`, so that `x -> ` does not look truncated.
fn shown(value: &str) -> &str {
    if value.is_empty() {
        "\"\""
    } else {
        value
    }
}

fn also(mids: &[String]) -> String {
    if mids.is_empty() {
        String::new()
    } else {
        format!("; also mids {}", mids.join(", "))
    }
}

fn parenthesised(mids: &[String]) -> String {
    if mids.is_empty() {
        String::new()
    } else {
        format!(" (also mids {})", mids.join(", "))
    }
}

/// The text with control characters escaped (`\r`, `\u{1b}`).
fn clean(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
