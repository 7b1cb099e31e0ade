//! A semantic diff of two session descriptions: what changed in meaning, not in text.
//!
//! [`diff`] compares two parsed [`Session`]s and lists every [`Change`]: media sections added,
//! removed or recycled, codecs, fmtp parameters, ICE restarts, candidates, DTLS, header
//! extensions, streams, and every other attribute or line. It ignores what carries no meaning:
//! line endings, spacing the typed forms normalise, and the order of lines whose order means
//! nothing (candidates, `a=ssrc` lines, `a=fmtp` before or after `a=rtpmap`, session attributes,
//! fmtp parameters within a line). Order that does carry meaning is compared: the m-line format
//! list (codec preference), the mids of an `a=group`, the SSRCs of an `a=ssrc-group`. Values a
//! section inherits from the session (direction, `c=`, ICE credentials, DTLS) are compared as
//! the section sees them; an rtpmap, fmtp or rtcp-fb line for a payload type the m-line does not
//! list means nothing to the endpoints and is not compared.
//!
//! ```
//! use sdp_cli::diff::{diff, parse_ignore, DiffOptions};
//! use sdp_core::Session;
//!
//! let a = Session::parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n\
//!                         m=audio 9 RTP/AVP 0 8\r\na=mid:a\r\n")?;
//! let b = Session::parse("v=0\no=- 1 2 IN IP4 0.0.0.0\ns=-\nt=0 0\n\
//!                         m=audio 9 RTP/AVP 8 0\na=mid:a\n")?;
//! let changes = diff(&a, &b, &DiffOptions::default());
//! let kinds: Vec<_> = changes.changes.iter().map(|c| c.kind.name()).collect();
//! assert_eq!(kinds, ["session-version", "codec-order"]);
//!
//! let quiet = DiffOptions::ignoring(parse_ignore("origin, codecs")?);
//! assert!(diff(&a, &b, &quiet).is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Matching media sections
//!
//! Sections are matched by `a=mid`; a section without a mid is matched with the section at the
//! same index. A section at the same index as one of the other side but with a different mid is
//! *recycled* (JSEP, RFC 9429 §5.2.2: a new transceiver reusing an m-line), and so is a port-0
//! section without mid whose index now holds a section with a mid. A recycled section is
//! reported as one `section-recycled` change, not compared line by line: its old and new
//! contents are unrelated. Sections left over are `section-added` or `section-removed`.
//!
//! # Transport changes under BUNDLE
//!
//! Values that belong to the transport (ICE credentials, DTLS fingerprint and setup role) are
//! compared per section, on their effective value (the section's own, else the session's). Where
//! sections share one transport (their mids are in the same `a=group:BUNDLE` of B) and changed
//! the same way, the change is reported once, on the first of them, and the mids of the others
//! are listed in its `shared_with`. So a browser's ICE restart of a bundled offer is one
//! `ice-restart` change, however many sections repeat the credentials. Values written only at
//! session level on both sides are compared there (a change with `section: null`).
//!
//! # JSON
//!
//! A [`Diff`] serialises as `{"changes": [<change>, ...]}`. Each change is one flat object:
//!
//! ```json
//! {"kind": "fmtp", "format": "102", "param": "profile-level-id",
//!  "op": "changed", "before": "42e01f", "after": "42001f",
//!  "section": {"a": {"index": 1, "mid": "1", "media": "video"},
//!              "b": {"index": 1, "mid": "1", "media": "video"}}}
//! ```
//!
//! - `kind`: what changed, one of the kebab-case names of [`ChangeKind`] (listed there with
//!   their extra fields, such as `format` and `param` above).
//! - `op`: `"added"` (`before` is null), `"removed"` (`after` is null) or `"changed"`.
//! - `before`, `after`: the value in A and in B as a string, or null when absent. Which value
//!   each kind compares is documented on its [`ChangeKind`] variant.
//! - `section`: null for a session-level change; otherwise the section in A (`a`) and in B
//!   (`b`), each `{"index", "mid", "media"}` (`index` from 0, `mid` null when the section has
//!   none) or null when the section exists on one side only.
//!
//! Field names and kind names are stable; new kinds may be added.

mod attributes;
mod codecs;
mod ignore;
mod keyed;
mod matching;
mod media;
mod render;
mod session;
mod streams;
mod transport;

#[cfg(test)]
mod tests;

use serde::Serialize;

use sdp_core::{Media, Session};

pub use ignore::{parse_ignore, Category, IgnoreSet};
pub use render::render_human;

/// What [`diff`] compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiffOptions {
    /// The categories of change left out of the result.
    pub ignore: IgnoreSet,
}

impl DiffOptions {
    /// Options that leave out the changes of the `ignore` categories.
    pub fn ignoring(ignore: IgnoreSet) -> Self {
        DiffOptions { ignore }
    }
}

/// The semantic differences between two sessions, A and B: session-level changes first, then
/// the changes of each media section in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// The changes, in a stable order.
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether the two sessions mean the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One difference between A and B.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed, with the key that identifies it (payload type, fmtp parameter, ...).
    #[serde(flatten)]
    pub kind: ChangeKind,
    /// Whether the value was added, removed or changed; follows from `before` and `after`.
    pub op: Op,
    /// The value in A, `None` when A does not have it.
    pub before: Option<String>,
    /// The value in B, `None` when B does not have it.
    pub after: Option<String>,
    /// The media section, `None` for a session-level change.
    pub section: Option<SectionRef>,
}

impl Change {
    /// A change of `kind` from `before` to `after` (`op` follows from which of them is present).
    pub fn new(
        kind: ChangeKind,
        before: Option<String>,
        after: Option<String>,
        section: Option<SectionRef>,
    ) -> Change {
        let op = match (&before, &after) {
            (None, Some(_)) => Op::Added,
            (Some(_), None) => Op::Removed,
            _ => Op::Changed,
        };
        Change {
            kind,
            op,
            before,
            after,
            section,
        }
    }

    /// The categories the change belongs to; ignoring any of them leaves it out.
    pub fn categories(&self) -> &'static [Category] {
        self.kind.categories()
    }
}

/// Whether a value appeared, disappeared or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// Only B has it.
    Added,
    /// Only A has it.
    Removed,
    /// Both have it, with different values.
    Changed,
}

/// Where a change is: the media section in A and in B.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SectionRef {
    /// The section in A, `None` for a section only B has.
    pub a: Option<SectionId>,
    /// The section in B, `None` for a section only A has.
    pub b: Option<SectionId>,
}

/// One media section of one side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct SectionId {
    /// Its position among the media sections, from 0.
    pub index: usize,
    /// Its `a=mid`, if it has one.
    pub mid: Option<String>,
    /// Its media type, e.g. `audio`.
    pub media: String,
}

impl SectionId {
    fn of(index: usize, media: &Media<'_>) -> SectionId {
        SectionId {
            index,
            mid: media.mid().map(str::to_owned),
            media: media.kind().to_owned(),
        }
    }
}

/// What changed. Serialised as `"kind": "<kebab-case name>"` plus the variant's fields; the
/// values compared are the change's `before` and `after`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// `session-id`: the session id of `o=` (a new session, not a new version).
    SessionId,
    /// `session-version`: the version of `o=`.
    SessionVersion,
    /// `origin`: another field of `o=` (`username`, `net-type`, `addr-type`, `address`), or
    /// `line` with the whole value when either `o=` does not parse.
    Origin {
        /// Which field.
        field: String,
    },
    /// `session-name`: the `s=` text.
    SessionName,
    /// `connection`: the `c=` line(s) of the session, or the effective ones of a section.
    Connection,
    /// `bandwidth`: the value of the `b=` line of this type.
    Bandwidth {
        /// The bandwidth type, upper case (`AS`, `TIAS`, ...).
        bwtype: String,
    },
    /// `line`: any other line (`i= u= e= p= t= r= z= k=`, unknown or malformed lines, and
    /// `c=`/`b=`/`m=` lines that do not parse), by type letter; the value is the text after `=`.
    Line {
        /// The type letter, `?` for a line without one.
        letter: String,
    },
    /// `attribute`: any attribute no other kind covers (and malformed ones of those it does),
    /// by name; the value is the canonical text after `:`, empty for a property attribute.
    Attribute {
        /// The attribute name.
        name: String,
    },
    /// `group`: the mids of an `a=group` line (in order), by semantics.
    Group {
        /// The semantics, upper case (`BUNDLE`, `LS`, ...).
        semantics: String,
    },
    /// `direction`: the effective direction of a section, or the session-level direction
    /// attribute.
    Direction,
    /// `section-added`: a section only B has; `after` is its `m=` value.
    SectionAdded,
    /// `section-removed`: a section only A has; `before` is its `m=` value.
    SectionRemoved,
    /// `section-recycled`: the section at this index is a different one (a new mid); `before`
    /// and `after` are the `m=` values.
    SectionRecycled,
    /// `section-moved`: the same section (same mid) at another index; the values are the indexes.
    SectionMoved,
    /// `media-type`: the media type of the `m=` line.
    MediaType,
    /// `port`: the port of the `m=` line (`port/count` when a count is given).
    Port,
    /// `proto`: the transport protocol of the `m=` line.
    Proto,
    /// `mid`: the `a=mid` of a section matched by index.
    Mid,
    /// `codec`: the codec of a format (the rtpmap, e.g. `VP8/90000`, or the static payload type's
    /// name; the format itself for a non-RTP format).
    Codec {
        /// The m-line format: the payload type for RTP.
        format: String,
        /// The fmtp parameters of an added or removed codec, as written.
        fmtp: Option<String>,
    },
    /// `codec-order`: the m-line format list (codec preference), when the formats both sides
    /// have are in a different order.
    CodecOrder,
    /// `fmtp`: one fmtp parameter of a codec both sides have.
    Fmtp {
        /// The m-line format (payload type).
        format: String,
        /// The parameter name as written, `None` for the bare values (RED's `111/111`,
        /// telephone-event's `0-15`), which are compared together.
        param: Option<String>,
    },
    /// `rtcp-fb`: one feedback entry (`nack pli`) of a codec both sides have, or of `*`.
    RtcpFb {
        /// The payload type, or `*`.
        format: String,
    },
    /// `ice-restart`: new ICE credentials; the values are the ufrags.
    IceRestart {
        /// Whether `a=ice-pwd` changed too. A change of either credential is a restart
        /// (negotiation rule E6, JSEP §5.10); a restart should change both.
        pwd_changed: bool,
        /// The mids of the other sections on the same BUNDLE transport with the same change.
        shared_with: Vec<String>,
    },
    /// `candidate`: one ICE candidate (compared as a set, canonical text).
    Candidate,
    /// `fingerprint`: the effective DTLS fingerprints (`hash VALUE`, sorted, joined by `, `).
    Fingerprint {
        /// The mids of the other sections on the same BUNDLE transport with the same change.
        shared_with: Vec<String>,
    },
    /// `setup`: the effective DTLS role.
    Setup {
        /// The mids of the other sections on the same BUNDLE transport with the same change.
        shared_with: Vec<String>,
    },
    /// `extmap`: a header extension, by URI; the value is `id[/direction][ attributes]`.
    Extmap {
        /// The extension URI, after `urn:ietf:params:rtp-hdrext:encrypt ` for an encrypted one.
        uri: String,
    },
    /// `ssrc`: one source attribute of an SSRC (`a=ssrc:<ssrc> <attribute>:<value>`).
    Ssrc {
        /// The SSRC, in decimal.
        ssrc: String,
        /// The source attribute name (`cname`, `msid`, ...).
        attribute: String,
    },
    /// `ssrc-group`: the SSRCs of an `a=ssrc-group` (in order), by semantics.
    SsrcGroup {
        /// The semantics (`FID`, `SIM`, ...).
        semantics: String,
    },
    /// `msid`: an `a=msid` value (`stream track`).
    Msid,
    /// `rid`: an `a=rid`, by id; the value is the rest of the line (`send pt=96;max-width=640`).
    Rid {
        /// The rid.
        id: String,
    },
    /// `simulcast`: the `a=simulcast` value.
    Simulcast,
}

impl ChangeKind {
    /// The stable kebab-case name, as in the JSON `kind` field.
    pub fn name(&self) -> &'static str {
        match self {
            ChangeKind::SessionId => "session-id",
            ChangeKind::SessionVersion => "session-version",
            ChangeKind::Origin { .. } => "origin",
            ChangeKind::SessionName => "session-name",
            ChangeKind::Connection => "connection",
            ChangeKind::Bandwidth { .. } => "bandwidth",
            ChangeKind::Line { .. } => "line",
            ChangeKind::Attribute { .. } => "attribute",
            ChangeKind::Group { .. } => "group",
            ChangeKind::Direction => "direction",
            ChangeKind::SectionAdded => "section-added",
            ChangeKind::SectionRemoved => "section-removed",
            ChangeKind::SectionRecycled => "section-recycled",
            ChangeKind::SectionMoved => "section-moved",
            ChangeKind::MediaType => "media-type",
            ChangeKind::Port => "port",
            ChangeKind::Proto => "proto",
            ChangeKind::Mid => "mid",
            ChangeKind::Codec { .. } => "codec",
            ChangeKind::CodecOrder => "codec-order",
            ChangeKind::Fmtp { .. } => "fmtp",
            ChangeKind::RtcpFb { .. } => "rtcp-fb",
            ChangeKind::IceRestart { .. } => "ice-restart",
            ChangeKind::Candidate => "candidate",
            ChangeKind::Fingerprint { .. } => "fingerprint",
            ChangeKind::Setup { .. } => "setup",
            ChangeKind::Extmap { .. } => "extmap",
            ChangeKind::Ssrc { .. } => "ssrc",
            ChangeKind::SsrcGroup { .. } => "ssrc-group",
            ChangeKind::Msid => "msid",
            ChangeKind::Rid { .. } => "rid",
            ChangeKind::Simulcast => "simulcast",
        }
    }

    /// The categories of this kind of change, for [`DiffOptions::ignore`].
    pub fn categories(&self) -> &'static [Category] {
        use Category as C;
        match self {
            ChangeKind::SessionId | ChangeKind::SessionVersion | ChangeKind::Origin { .. } => {
                &[C::Origin]
            }
            ChangeKind::Connection => &[C::Connection],
            ChangeKind::Bandwidth { .. } => &[C::Bandwidth],
            ChangeKind::Attribute { name } => ignore::attribute_categories(name),
            ChangeKind::Group { .. } => &[C::Group],
            ChangeKind::Direction => &[C::Direction],
            ChangeKind::Port => &[C::Port],
            ChangeKind::Codec { .. } | ChangeKind::CodecOrder | ChangeKind::Fmtp { .. } => {
                &[C::Codecs]
            }
            ChangeKind::RtcpFb { .. } => &[C::RtcpFb],
            ChangeKind::IceRestart { .. } => &[C::Ice],
            ChangeKind::Candidate => &[C::Candidates],
            ChangeKind::Fingerprint { .. } => &[C::Fingerprint],
            ChangeKind::Setup { .. } => &[C::Setup],
            ChangeKind::Extmap { .. } => &[C::Extmap],
            // The Plan B stream attributes of an SSRC are msid information as much as SSRC
            // information: ignoring either category hides them.
            ChangeKind::Ssrc { attribute, .. } => match attribute.as_str() {
                "msid" | "mslabel" | "label" => &[C::Ssrc, C::Msid],
                _ => &[C::Ssrc],
            },
            ChangeKind::SsrcGroup { .. } => &[C::Ssrc],
            ChangeKind::Msid => &[C::Msid],
            ChangeKind::Rid { .. } | ChangeKind::Simulcast => &[C::Rid],
            ChangeKind::SessionName
            | ChangeKind::Line { .. }
            | ChangeKind::SectionAdded
            | ChangeKind::SectionRemoved
            | ChangeKind::SectionRecycled
            | ChangeKind::SectionMoved
            | ChangeKind::MediaType
            | ChangeKind::Proto
            | ChangeKind::Mid => &[],
        }
    }
}

/// Compares two sessions, A (before) and B (after).
///
/// Never panics, whatever the sessions hold; the time taken grows as `n log n` in their size.
pub fn diff(a: &Session<'_>, b: &Session<'_>, options: &DiffOptions) -> Diff {
    let mut changes = Vec::new();
    let mut found = Found::default();
    let (inherited_a, inherited_b) = (session::Inherited::of(a), session::Inherited::of(b));
    session::diff_session((a, &inherited_a), (b, &inherited_b), &mut found);
    found.flush(None, &mut changes);

    for pair in matching::pair_sections(a, b) {
        let ma = pair.a.and_then(|i| a.media().get(i).map(|m| (i, m)));
        let mb = pair.b.and_then(|i| b.media().get(i).map(|m| (i, m)));
        let section = SectionRef {
            a: ma.map(|(i, m)| SectionId::of(i, m)),
            b: mb.map(|(i, m)| SectionId::of(i, m)),
        };
        match (ma, mb) {
            (Some((_, ma)), Some((_, mb))) if pair.recycled => found.push(
                ChangeKind::SectionRecycled,
                Some(ma.line().value().to_owned()),
                Some(mb.line().value().to_owned()),
            ),
            (Some((ia, ma)), Some((ib, mb))) => {
                if ia != ib {
                    found.push(
                        ChangeKind::SectionMoved,
                        Some(ia.to_string()),
                        Some(ib.to_string()),
                    );
                }
                let sides = Sides {
                    ia: &inherited_a,
                    ib: &inherited_b,
                    ma,
                    mb,
                };
                media::diff_media(&sides, &mut found);
            }
            (Some((_, ma)), None) => found.push(
                ChangeKind::SectionRemoved,
                Some(ma.line().value().to_owned()),
                None,
            ),
            (None, Some((_, mb))) => found.push(
                ChangeKind::SectionAdded,
                None,
                Some(mb.line().value().to_owned()),
            ),
            (None, None) => {}
        }
        found.flush(Some(section), &mut changes);
    }

    transport::fold_shared_transport(&mut changes, b);
    changes.retain(|c| {
        !c.categories()
            .iter()
            .any(|&cat| options.ignore.contains(cat))
    });
    Diff { changes }
}

/// A matched pair of media sections with the values each inherits from its session.
struct Sides<'s, 'a, 'b> {
    ia: &'s session::Inherited,
    ib: &'s session::Inherited,
    ma: &'s Media<'a>,
    mb: &'s Media<'b>,
}

/// The changes found at one level, before they are given their section.
#[derive(Default)]
struct Found {
    items: Vec<(ChangeKind, Option<String>, Option<String>)>,
}

impl Found {
    fn push(&mut self, kind: ChangeKind, before: Option<String>, after: Option<String>) {
        self.items.push((kind, before, after));
    }

    /// Records a change when the two values differ.
    fn compare(&mut self, kind: ChangeKind, before: Option<String>, after: Option<String>) {
        if before != after {
            self.push(kind, before, after);
        }
    }

    /// Records the output of [`keyed::diff_keyed`], naming each change's kind from its key.
    fn keyed<K>(&mut self, deltas: Vec<keyed::Delta<K>>, kind: impl Fn(K) -> ChangeKind) {
        for d in deltas {
            self.push(kind(d.key), d.before, d.after);
        }
    }

    fn flush(&mut self, section: Option<SectionRef>, out: &mut Vec<Change>) {
        out.extend(
            self.items
                .drain(..)
                .map(|(kind, before, after)| Change::new(kind, before, after, section.clone())),
        );
    }
}
