//! Reading the SDPs a command works on: files, `-` for standard input, directories (every
//! `*.sdp` below them), and SDPs embedded in `chrome://webrtc-internals` dumps and SIP messages.
//!
//! One argument can give several SDPs (a dump holds every description of every connection; a SIP
//! trace holds several messages), so every SDP is an [`Input`] with its own label.
//!
//! ```
//! use sdp_cli::input::{split_sources, Kind};
//! let trace = "INVITE sip:bob@example.com SIP/2.0\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n";
//! let inputs = split_sources("call.txt", trace.as_bytes().to_vec()).unwrap();
//! assert_eq!(inputs[0].kind, Kind::SipBody);
//! assert_eq!(inputs[0].label, "call.txt (message 1: INVITE, line 4)");
//! assert_eq!(inputs[0].line_offset, 3);
//! ```

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where an SDP came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A file (or standard input) holding one SDP.
    Plain,
    /// A description event of a `chrome://webrtc-internals` dump.
    WebrtcInternals,
    /// The body of a SIP message.
    SipBody,
}

/// One SDP to work on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// How to name it in messages: the path, plus the connection and event for a dump entry or
    /// the message for a SIP body.
    pub label: String,
    /// The file (or `-`) it was read from.
    pub path: String,
    /// Where it came from.
    pub kind: Kind,
    /// The SDP bytes, exactly as they were (not necessarily UTF-8).
    pub bytes: Vec<u8>,
    /// Lines of the file before the SDP (a SIP body starts after the headers): added to line
    /// numbers so they point into the file the user has.
    pub line_offset: usize,
}

/// Why inputs could not be read.
#[derive(Debug)]
pub enum InputError {
    /// A path could not be read.
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A directory held no `*.sdp` file.
    EmptyDirectory {
        /// The directory.
        path: String,
    },
    /// A dump or SIP trace held no SDP.
    NoSdp {
        /// The file.
        path: String,
        /// What kind of file it looked like.
        what: &'static str,
    },
    /// `FILE#N` asked for an SDP the file does not have.
    NoSuchSdp {
        /// The file.
        path: String,
        /// The SDP asked for (from 1).
        n: usize,
        /// How many SDPs the file holds.
        count: usize,
    },
    /// `-` was given more than once: standard input can be read only once.
    StdinTwice,
    /// A file larger than the limit.
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { path, source } => write!(f, "cannot read {path}: {source}"),
            InputError::EmptyDirectory { path } => {
                write!(f, "{path}: no *.sdp file in this directory")
            }
            InputError::NoSdp { path, what } => write!(f, "{path}: {what} without any SDP"),
            InputError::NoSuchSdp { path, n, count } => write!(
                f,
                "{path}#{n}: the file holds {count} SDP{}; pick one from 1 to {count}",
                if *count == 1 { "" } else { "s" }
            ),
            InputError::StdinTwice => {
                f.write_str("`-` (standard input) is given twice; it can be read only once")
            }
            InputError::TooLarge { path, size, limit } => write!(
                f,
                "{path}: {size} bytes is more than the {limit}-byte input limit"
            ),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Files larger than this are refused before reading (a guard against reading a disk image by
/// mistake; the parser has its own, smaller, limit with a precise message).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every argument (`-` is standard input, read at most once) into inputs, in argument
/// order; directories are walked recursively for `*.sdp` files in sorted order. A file found
/// in a directory that holds no SDP (a SIP message without a body, an empty dump) is put in
/// `skipped` and the walk goes on; named on the command line, it is an error.
///
/// `FILE#N` picks the N-th SDP (from 1) of a file that holds several, e.g. one description of
/// a webrtc-internals dump or one message of a SIP trace (when no file is named `FILE#N`).
pub fn read_inputs(
    args: &[String],
    skipped: &mut Vec<InputError>,
) -> Result<Vec<Input>, InputError> {
    let mut out = Vec::new();
    if args.iter().filter(|a| *a == "-").count() > 1 {
        return Err(InputError::StdinTwice);
    }
    for arg in args {
        if arg == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|source| InputError::Io {
                    path: "<stdin>".to_owned(),
                    source,
                })?;
            check_size("<stdin>", bytes.len() as u64)?;
            out.extend(split_sources("<stdin>", bytes)?);
            continue;
        }
        if let Some((file, n)) = selector(arg) {
            let bytes = read_file(Path::new(file), file)?;
            let mut all = split_sources(file, bytes)?;
            let count = all.len();
            if n == 0 || n > count {
                return Err(InputError::NoSuchSdp {
                    path: file.to_owned(),
                    n,
                    count,
                });
            }
            out.push(all.swap_remove(n - 1));
            continue;
        }
        let path = Path::new(arg);
        let meta = std::fs::metadata(path).map_err(|source| InputError::Io {
            path: arg.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            if files.is_empty() {
                return Err(InputError::EmptyDirectory { path: arg.clone() });
            }
            files.sort();
            for file in files {
                let label = file.display().to_string();
                let bytes = read_file(&file, &label)?;
                match split_sources(&label, bytes) {
                    Ok(found) => out.extend(found),
                    Err(e @ InputError::NoSdp { .. }) => skipped.push(e),
                    Err(e) => return Err(e),
                }
            }
        } else {
            let bytes = read_file(path, arg)?;
            out.extend(split_sources(arg, bytes)?);
        }
    }
    Ok(out)
}

/// `FILE#N` when no file has that name but `FILE` exists.
fn selector(arg: &str) -> Option<(&str, usize)> {
    let (file, n) = arg.rsplit_once('#')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || Path::new(arg).exists() {
        return None;
    }
    Path::new(file)
        .is_file()
        .then(|| (file, n.parse().unwrap_or(0)))
}

/// Reads one argument that must hold exactly one SDP (e.g. the offer of `sdp answer`).
pub fn read_one(arg: &str) -> Result<Input, String> {
    let mut inputs = read_inputs(&[arg.to_owned()], &mut Vec::new()).map_err(|e| e.to_string())?;
    match inputs.len() {
        1 => Ok(inputs.remove(0)),
        n => Err(format!(
            "{arg}: holds {n} SDPs where one is expected; `{arg}#N` picks the N-th (1 to {n})"
        )),
    }
}

fn check_size(path: &str, size: u64) -> Result<(), InputError> {
    if size > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

fn read_file(path: &Path, label: &str) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: label.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    check_size(label, size)?;
    std::fs::read(path).map_err(io)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let io = |source| InputError::Io {
        path: dir.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        // file_type does not follow symlinks, so a link cycle cannot recurse forever.
        let kind = entry.file_type().map_err(io)?;
        if kind.is_dir() {
            walk(&path, files)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("sdp"))
        {
            files.push(path);
        }
    }
    Ok(())
}

/// Splits the content of one file into the SDPs it holds: a webrtc-internals dump gives one per
/// description event, a SIP message or trace one per SDP body, anything else is one SDP.
pub fn split_sources(path: &str, bytes: Vec<u8>) -> Result<Vec<Input>, InputError> {
    if let Some(found) = crate::webrtc_internals::extract(&bytes) {
        if found.is_empty() {
            return Err(InputError::NoSdp {
                path: path.to_owned(),
                what: "a webrtc-internals dump",
            });
        }
        return Ok(found
            .into_iter()
            .map(|d| Input {
                label: format!("{path} ({})", d.label),
                path: path.to_owned(),
                kind: Kind::WebrtcInternals,
                bytes: d.sdp.into_bytes(),
                line_offset: 0,
            })
            .collect());
    }
    if let Some(found) = crate::sip::extract(&bytes) {
        if found.is_empty() {
            return Err(InputError::NoSdp {
                path: path.to_owned(),
                what: "a SIP message",
            });
        }
        return Ok(found
            .into_iter()
            .map(|b| Input {
                label: format!(
                    "{path} (message {}: {}, line {})",
                    b.message,
                    b.method,
                    b.line_offset + 1
                ),
                path: path.to_owned(),
                kind: Kind::SipBody,
                bytes: b.body,
                line_offset: b.line_offset,
            })
            .collect());
    }
    Ok(vec![Input {
        label: path.to_owned(),
        path: path.to_owned(),
        kind: Kind::Plain,
        bytes,
        line_offset: 0,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_file_is_one_input() {
        let inputs = split_sources("a.sdp", b"v=0\r\n".to_vec()).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].kind, Kind::Plain);
        assert_eq!(inputs[0].label, "a.sdp");
    }

    #[test]
    fn binary_garbage_is_one_plain_input_left_to_the_parser() {
        let inputs = split_sources("x", vec![0xff, 0x00, 0xfe, b'{']).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].kind, Kind::Plain);
    }

    #[test]
    fn a_missing_file_names_the_path() {
        let err = read_inputs(&["/nonexistent/x.sdp".to_owned()], &mut Vec::new()).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("cannot read /nonexistent/x.sdp: "));
    }

    #[test]
    fn directories_are_walked_in_sorted_order_for_sdp_files_only() {
        let dir = std::env::temp_dir().join(format!("sdp-cli-walk-{}", std::process::id()));
        let sub = dir.join("sub");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.join("b.sdp"), "v=0\r\n").unwrap();
        std::fs::write(sub.join("a.SDP"), "v=0\r\n").unwrap();
        std::fs::write(dir.join("notes.txt"), "x").unwrap();
        std::fs::write(dir.join("c.sdp"), "OPTIONS sip:a@b SIP/2.0\r\n\r\n").unwrap();
        let mut skipped = Vec::new();
        let inputs = read_inputs(&[dir.display().to_string()], &mut skipped).unwrap();
        assert_eq!(skipped.len(), 1, "c.sdp holds a SIP message without SDP");
        let names: Vec<_> = inputs
            .iter()
            .map(|i| Path::new(&i.label).file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["b.sdp", "a.SDP"]);
        let empty = dir.join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        let err = read_inputs(&[empty.display().to_string()], &mut Vec::new()).unwrap_err();
        assert!(matches!(err, InputError::EmptyDirectory { .. }));
        // FILE#N picks one SDP of a file holding several.
        let trace = dir.join("trace.txt");
        std::fs::write(
            &trace,
            "INVITE sip:a@b SIP/2.0\r\nc: application/sdp\r\n\r\nv=0\r\n\
             SIP/2.0 200 OK\r\nc: application/sdp\r\n\r\nv=1\r\n",
        )
        .unwrap();
        let second = read_inputs(&[format!("{}#2", trace.display())], &mut Vec::new()).unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].bytes, b"v=1\r\n");
        let err = read_inputs(&[format!("{}#3", trace.display())], &mut Vec::new()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("#3: the file holds 2 SDPs; pick one from 1 to 2"),
            "{err}"
        );
        assert!(read_one(&trace.display().to_string())
            .unwrap_err()
            .contains("#N` picks the N-th (1 to 2)"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
