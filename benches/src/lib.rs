//! Shared inputs and helpers for the sdpkit benchmarks and the allocation count.
//!
//! The inputs are the files under `data/` (see `data/README.md` for how they were made),
//! embedded at compile time so every benchmark reads the same bytes.

pub mod peers;

/// One benchmark input: a short name and its SDP text.
#[derive(Debug, Clone, Copy)]
pub struct Input {
    /// Short name, used as the benchmark id (`chrome_offer`, ...).
    pub name: &'static str,
    /// The SDP text, byte for byte as in `data/<name>.sdp`.
    pub text: &'static str,
}

/// The benchmark inputs, smallest first.
pub const INPUTS: [Input; 5] = [
    Input {
        name: "sip_audio",
        text: include_str!("../data/sip_audio.sdp"),
    },
    Input {
        name: "st2110_sender",
        text: include_str!("../data/st2110_sender.sdp"),
    },
    Input {
        name: "firefox_offer",
        text: include_str!("../data/firefox_offer.sdp"),
    },
    Input {
        name: "chrome_offer",
        text: include_str!("../data/chrome_offer.sdp"),
    },
    Input {
        name: "conference_20m",
        text: include_str!("../data/conference_20m.sdp"),
    },
];

/// The allocation budget of one parse of a description with `media` m-sections: the
/// session-level line vector, the media vector, and at most three per media section.
pub const fn alloc_budget(media: usize) -> usize {
    2 + 3 * media
}

/// A re-offer of `text`, as the `diff` benchmark compares it with the original: the origin's
/// session version is one higher, every `a=ice-ufrag` / `a=ice-pwd` gets a new value (an ICE
/// restart) and the first `a=sendrecv` becomes `a=recvonly`. Line endings are kept.
pub fn revised(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut direction_changed = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        let ending = &line[body.len()..];
        if let Some(origin) = body.strip_prefix("o=") {
            let mut fields: Vec<String> = origin.split(' ').map(str::to_owned).collect();
            if let Some(version) = fields.get_mut(2) {
                if let Ok(n) = version.parse::<u64>() {
                    *version = (n + 1).to_string();
                }
            }
            out.push_str("o=");
            out.push_str(&fields.join(" "));
        } else if body.starts_with("a=ice-ufrag:") {
            out.push_str("a=ice-ufrag:R3st");
        } else if body.starts_with("a=ice-pwd:") {
            out.push_str("a=ice-pwd:restartrestartrestart12");
        } else if body == "a=sendrecv" && !direction_changed {
            direction_changed = true;
            out.push_str("a=recvonly");
        } else {
            out.push_str(body);
        }
        out.push_str(ending);
    }
    out
}

/// The number of `m=` lines of `text` (lines starting with `m=`).
pub fn media_count(text: &str) -> usize {
    text.split('\n').filter(|l| l.starts_with("m=")).count()
}

/// The lower bound a line-oriented parser cannot beat: split `text` into lines (memchr over
/// `\n`, dropping a `\r` before it), split each line at its first `=` into type and value, and
/// an `a=` value at its first `:` into name and value. Allocation-free; every slice goes
/// through `sink` so the optimiser cannot drop the work.
///
/// Returns the number of lines seen.
#[inline]
pub fn split_floor(text: &str, mut sink: impl FnMut(&[u8])) -> usize {
    let bytes = text.as_bytes();
    let mut lines = 0;
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let mut line = &bytes[start..end];
        if let [rest @ .., b'\r'] = line {
            line = rest;
        }
        lines += 1;
        match memchr::memchr(b'=', line) {
            Some(eq) => {
                let (kind, value) = (&line[..eq], &line[eq + 1..]);
                sink(kind);
                if kind == b"a" {
                    match memchr::memchr(b':', value) {
                        Some(colon) => {
                            sink(&value[..colon]);
                            sink(&value[colon + 1..]);
                        }
                        None => sink(value),
                    }
                } else {
                    sink(value);
                }
            }
            None => sink(line),
        }
        start = end + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_sdp_with_media() {
        for input in INPUTS {
            // The ST 2110 sender is kept as captured, with LF endings; the others are CRLF.
            let eol = if input.name == "st2110_sender" {
                "\n"
            } else {
                "\r\n"
            };
            assert!(
                input.text.starts_with(&format!("v=0{eol}")),
                "{}",
                input.name
            );
            assert!(input.text.ends_with(eol), "{}", input.name);
            assert_eq!(
                input.text.matches('\n').count(),
                input.text.matches(eol).count()
            );
            assert!(media_count(input.text) >= 1, "{}", input.name);
        }
    }

    #[test]
    fn revised_inputs_differ_as_a_re_offer() {
        use sdp_cli::diff::{diff, DiffOptions};
        for input in INPUTS {
            let changed = revised(input.text);
            let a = sdp_core::Session::parse(input.text).expect("input parses");
            let b = sdp_core::Session::parse(&changed).expect("revised input parses");
            assert!(
                diff(&a, &a, &DiffOptions::default()).is_empty(),
                "{}",
                input.name
            );
            let changes = diff(&a, &b, &DiffOptions::default());
            let names: Vec<&str> = changes.changes.iter().map(|c| c.kind.name()).collect();
            assert!(
                names.contains(&"session-version"),
                "{}: {names:?}",
                input.name
            );
            let has_ice = input.text.contains("a=ice-ufrag:");
            assert_eq!(names.contains(&"ice-restart"), has_ice, "{}", input.name);
            let has_sendrecv =
                input.text.contains("a=sendrecv\r\n") || input.text.contains("a=sendrecv\n");
            assert_eq!(
                names.contains(&"direction"),
                has_sendrecv,
                "{}: {names:?}",
                input.name
            );
            assert_eq!(
                changed.matches('\n').count(),
                input.text.matches('\n').count()
            );
        }
    }

    #[test]
    fn split_floor_sees_every_line_and_field() {
        let mut seen = Vec::new();
        let n = split_floor("v=0\r\na=mid:0\na=rtcp-mux\r\nbad\r\n", |s| {
            seen.push(String::from_utf8_lossy(s).into_owned())
        });
        assert_eq!(n, 4);
        assert_eq!(seen, ["v", "0", "a", "mid", "0", "a", "rtcp-mux", "bad"]);
    }
}
