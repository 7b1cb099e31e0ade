//! The categories of change a caller can leave out (`sdp diff --ignore ice,candidates`).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A category of change, named by a stable kebab-case word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// `origin`: the `o=` line (session id, version and the other fields).
    Origin,
    /// `candidates`: ICE candidates, `a=end-of-candidates`, `a=remote-candidates`.
    Candidates,
    /// `ssrc`: `a=ssrc` lines (cname included) and `a=ssrc-group`.
    Ssrc,
    /// `msid`: `a=msid`, `a=msid-semantic`, and the msid/mslabel/label of `a=ssrc`.
    Msid,
    /// `ice`: ICE credentials (restarts), `a=ice-options`, `a=ice-lite` and the other ICE
    /// attributes except candidates.
    Ice,
    /// `fingerprint`: DTLS fingerprints and `a=tls-id`.
    Fingerprint,
    /// `setup`: the DTLS role (`a=setup`).
    Setup,
    /// `extmap`: header extensions and `a=extmap-allow-mixed`.
    Extmap,
    /// `rtcp-fb`: RTCP feedback entries.
    RtcpFb,
    /// `bandwidth`: `b=` lines.
    Bandwidth,
    /// `codecs`: codecs, their order (preference) and their fmtp parameters.
    Codecs,
    /// `direction`: `a=sendrecv`, `a=sendonly`, `a=recvonly`, `a=inactive`.
    Direction,
    /// `port`: the port of the `m=` line.
    Port,
    /// `rid`: `a=rid` and `a=simulcast`.
    Rid,
    /// `group`: `a=group` (BUNDLE and the others) and `a=bundle-only`.
    Group,
    /// `connection`: `c=` lines.
    Connection,
}

impl Category {
    /// Every category, in the order of the documentation.
    pub const ALL: [Category; 16] = [
        Category::Origin,
        Category::Candidates,
        Category::Ssrc,
        Category::Msid,
        Category::Ice,
        Category::Fingerprint,
        Category::Setup,
        Category::Extmap,
        Category::RtcpFb,
        Category::Bandwidth,
        Category::Codecs,
        Category::Direction,
        Category::Port,
        Category::Rid,
        Category::Group,
        Category::Connection,
    ];

    /// The stable name, e.g. `"rtcp-fb"`.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Origin => "origin",
            Category::Candidates => "candidates",
            Category::Ssrc => "ssrc",
            Category::Msid => "msid",
            Category::Ice => "ice",
            Category::Fingerprint => "fingerprint",
            Category::Setup => "setup",
            Category::Extmap => "extmap",
            Category::RtcpFb => "rtcp-fb",
            Category::Bandwidth => "bandwidth",
            Category::Codecs => "codecs",
            Category::Direction => "direction",
            Category::Port => "port",
            Category::Rid => "rid",
            Category::Group => "group",
            Category::Connection => "connection",
        }
    }

    /// The category named `name`, exactly as [`Category::name`] spells it.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Category {
    type Err = String;

    /// Reads a category name; the error names the valid ones.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Category::from_name(name).ok_or_else(|| {
            let valid: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
            format!(
                "unknown category `{name}`; valid categories: {}",
                valid.join(", ")
            )
        })
    }
}

/// A set of [`Category`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IgnoreSet(u32);

impl IgnoreSet {
    /// The empty set: nothing ignored.
    pub const fn new() -> Self {
        IgnoreSet(0)
    }

    /// Adds `category`.
    pub fn insert(&mut self, category: Category) {
        self.0 |= category.bit();
    }

    /// The set with `category` added (for building).
    pub fn with(mut self, category: Category) -> Self {
        self.insert(category);
        self
    }

    /// Whether `category` is in the set.
    pub const fn contains(&self, category: Category) -> bool {
        self.0 & category.bit() != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The categories in the set, in the order of [`Category::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = Category> + '_ {
        Category::ALL.into_iter().filter(|&c| self.contains(c))
    }
}

impl FromIterator<Category> for IgnoreSet {
    fn from_iter<I: IntoIterator<Item = Category>>(iter: I) -> Self {
        iter.into_iter().fold(IgnoreSet::new(), IgnoreSet::with)
    }
}

/// Reads a comma-separated list of category names (`"ice, candidates"`); white space around
/// the names and empty items are allowed. The error names the unknown category and lists the
/// valid ones.
///
/// ```
/// use sdp_cli::diff::{parse_ignore, Category};
/// let set = parse_ignore("ice,candidates").unwrap();
/// assert!(set.contains(Category::Ice) && !set.contains(Category::Ssrc));
/// let err = parse_ignore("ice,cnadidates").unwrap_err();
/// assert!(err.starts_with("unknown category `cnadidates`; valid categories: origin, candidates"));
/// ```
pub fn parse_ignore(list: &str) -> Result<IgnoreSet, String> {
    list.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::parse::<Category>)
        .collect()
}

/// The categories of an attribute that only the generic `attribute` change covers: the
/// attributes of each category's family that have no change kind of their own, and malformed
/// lines of those that do.
pub(super) fn attribute_categories(name: &str) -> &'static [Category] {
    use Category as C;
    match name {
        "ice-ufrag" | "ice-pwd" | "ice-options" | "ice-lite" | "ice-mismatch" | "ice-pacing" => {
            &[C::Ice]
        }
        "candidate" | "end-of-candidates" | "remote-candidates" => &[C::Candidates],
        "fingerprint" | "tls-id" => &[C::Fingerprint],
        "setup" => &[C::Setup],
        "extmap" | "extmap-allow-mixed" => &[C::Extmap],
        "rtcp-fb" => &[C::RtcpFb],
        "rtpmap" | "fmtp" => &[C::Codecs],
        "ssrc" | "ssrc-group" => &[C::Ssrc],
        "msid" | "msid-semantic" => &[C::Msid],
        "rid" | "simulcast" => &[C::Rid],
        "group" | "bundle-only" => &[C::Group],
        "sendrecv" | "sendonly" | "recvonly" | "inactive" => &[C::Direction],
        _ => &[],
    }
}
