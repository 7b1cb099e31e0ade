//! Image attributes: `a=imageattr` (RFC 6236).
//!
//! `a=imageattr:<PT or *> send <attr-list> [recv <attr-list>]` (or `recv` first) tells which
//! image sizes an endpoint sends and accepts. An attr-list is `*` or sets such as
//! `[x=[480:16:800],y=[100,200,300],sar=1.1,q=0.6]`. The lists stay borrowed text, checked by a
//! walk of the RFC grammar at parse time, and are read on demand.

use std::fmt;
use std::hash::{Hash, Hasher};

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex;

mod grammar;

use grammar::{parse_attr_list, parse_image_attr, parse_xyrange, PT_EXPECTED};

/// An image width or height: one value, a range, or a list of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XyRange<'a> {
    /// A single pixel count, e.g. `320`.
    Value(u32),
    /// `[min:max]` or `[min:step:max]`.
    Range {
        /// The smallest value.
        min: u32,
        /// The step between values, if given.
        step: Option<u32>,
        /// The largest value.
        max: u32,
    },
    /// `[v1,v2,...]`, the list text without brackets (see [`XyRange::discrete_values`]).
    Discrete(&'a str),
}

impl<'a> XyRange<'a> {
    /// The values of a discrete list, in order (nothing for other forms).
    pub fn discrete_values(&self) -> impl Iterator<Item = u32> + 'a {
        let text = match self {
            XyRange::Discrete(text) => *text,
            _ => "",
        };
        text.split(',').filter_map(|v| v.parse().ok())
    }
}

/// Splits at `,` outside brackets.
fn split_top_level(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let mut depth = 0usize;
        for (i, c) in current.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    rest = current.get(i + 1..);
                    return current.get(..i);
                }
                _ => {}
            }
        }
        rest = None;
        Some(current)
    })
}

/// One image set: `[x=..,y=..,sar=..,par=..,q=..]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ImageSet<'a> {
    text: &'a str,
}

impl<'a> ImageSet<'a> {
    /// The set as written, brackets included.
    pub fn as_str(&self) -> &'a str {
        self.text
    }

    /// The parameters (`x`, `y`, then the others) as `(key, value text)`, in order.
    pub fn params(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let inner = self
            .text
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or_default();
        split_top_level(inner).filter_map(|p| p.split_once('='))
    }

    fn param(&self, key: &str) -> Option<&'a str> {
        self.params().find(|&(k, _)| k == key).map(|(_, v)| v)
    }

    fn xy(&self, key: &str) -> XyRange<'a> {
        self.param(key)
            .and_then(|v| parse_xyrange(v).ok())
            .map_or(XyRange::Value(0), |(_, r)| r)
    }

    /// The width range.
    pub fn x(&self) -> XyRange<'a> {
        self.xy("x")
    }

    /// The height range.
    pub fn y(&self) -> XyRange<'a> {
        self.xy("y")
    }

    /// The sample aspect ratio text (`1.1`, `[1.1,1.3]`, `[0.5-0.7]`), if given.
    pub fn sar(&self) -> Option<&'a str> {
        self.param("sar")
    }

    /// The picture aspect ratio range text (`[1.2-1.3]`), if given.
    pub fn par(&self) -> Option<&'a str> {
        self.param("par")
    }

    /// The preference `q` (0 to 1; RFC 6236 defaults to 0.5 when absent).
    pub fn q(&self) -> Option<f64> {
        self.param("q").and_then(|v| v.parse().ok())
    }
}

/// `a=imageattr` (RFC 6236 §3.1): image sizes per payload type and direction.
///
/// ```
/// use sdp_core::attr::imageattr::{ImageAttr, XyRange};
/// use sdp_core::attr::TypedAttribute;
/// let a = ImageAttr::parse("97 send [x=1280,y=720] recv [x=1280,y=720] [x=320,y=180]").unwrap();
/// assert_eq!(a.pt, Some(97));
/// assert_eq!(a.send_sets().next().unwrap().x(), XyRange::Value(1280));
/// assert_eq!(a.recv_sets().count(), 2);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ImageAttr<'a> {
    /// The payload type; `None` for `*` (every payload type).
    pub pt: Option<u8>,
    send: Option<&'a str>,
    recv: Option<&'a str>,
    recv_first: bool,
}

fn sets(list: Option<&str>) -> impl Iterator<Item = ImageSet<'_>> {
    list.unwrap_or_default()
        .split([' ', '\t'])
        .filter(|s| s.starts_with('['))
        .map(|text| ImageSet { text })
}

impl<'a> ImageAttr<'a> {
    /// An image attribute from its payload type and attr-lists (`"*"` or sets such as
    /// `"[x=320,y=240] [x=640,y=480]"`), checked against the grammar. At least one list is
    /// needed.
    pub fn new(
        pt: Option<u8>,
        send: Option<&'a str>,
        recv: Option<&'a str>,
    ) -> Result<Self, ValueError> {
        if send.is_none() && recv.is_none() {
            return Err(ValueError::new(0, "a send or recv attr-list"));
        }
        if pt.is_some_and(|pt| pt > 127) {
            return Err(ValueError::new(0, PT_EXPECTED));
        }
        let check = |list: &'a str| lex::run(list, parse_attr_list);
        Ok(ImageAttr {
            pt,
            send: send.map(check).transpose()?,
            recv: recv.map(check).transpose()?,
            recv_first: send.is_none(),
        })
    }

    /// The send attr-list as written (`*` or sets), if present.
    pub fn send_str(&self) -> Option<&'a str> {
        self.send
    }

    /// The recv attr-list as written (`*` or sets), if present.
    pub fn recv_str(&self) -> Option<&'a str> {
        self.recv
    }

    /// Whether the send list is `*` (any size).
    pub fn send_is_any(&self) -> bool {
        self.send == Some("*")
    }

    /// Whether the recv list is `*` (any size).
    pub fn recv_is_any(&self) -> bool {
        self.recv == Some("*")
    }

    /// The send sets, in order (none for `*` or no send list).
    pub fn send_sets(&self) -> impl Iterator<Item = ImageSet<'a>> + 'a {
        sets(self.send)
    }

    /// The recv sets, in order (none for `*` or no recv list).
    pub fn recv_sets(&self) -> impl Iterator<Item = ImageSet<'a>> + 'a {
        sets(self.recv)
    }
}

fn list_eq(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a == "*") == (b == "*") && sets(Some(a)).eq(sets(Some(b))),
        _ => false,
    }
}

/// Equal when the payload type, the direction order and the sets are; spacing between sets
/// is not compared.
impl PartialEq for ImageAttr<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.pt == other.pt
            && self.recv_first == other.recv_first
            && list_eq(self.send, other.send)
            && list_eq(self.recv, other.recv)
    }
}

impl Eq for ImageAttr<'_> {}

impl Hash for ImageAttr<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.pt.hash(state);
        self.recv_first.hash(state);
        for list in [self.send, self.recv] {
            list.is_some().hash(state);
            list.is_some_and(|l| l == "*").hash(state);
            sets(list).for_each(|s| s.text.hash(state));
        }
    }
}

impl<'a> TypedAttribute<'a> for ImageAttr<'a> {
    const NAME: &'static str = "imageattr";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_image_attr)
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, dir: &str, list: &str) -> fmt::Result {
    write!(f, " {dir}")?;
    if list == "*" {
        return f.write_str(" *");
    }
    for set in sets(Some(list)) {
        write!(f, " {}", set.text)?;
    }
    Ok(())
}

impl fmt::Display for ImageAttr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pt {
            Some(pt) => write!(f, "{pt}")?,
            None => f.write_str("*")?,
        }
        let send = self.send.map(|l| ("send", l));
        let recv = self.recv.map(|l| ("recv", l));
        let (first, second) = if self.recv_first {
            (recv, send)
        } else {
            (send, recv)
        };
        for (dir, list) in first.into_iter().chain(second) {
            write_list(f, dir, list)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::grammar::{DIR_EXPECTED, Q_EXPECTED, XY_EXPECTED};
    use super::*;

    const CORPUS: [&str; 8] = [
        "* recv *",
        "* send [x=330,y=250,sar=[1.1,1.3,1.9],q=0.1] recv [x=800,y=[50,80,30],sar=1.1]",
        "100 recv [x=1280,y=720] [x=320,y=180] send [x=1280,y=720]",
        "97 send [x=1280,y=720] recv [x=1280,y=720] [x=320,y=180] [x=160,y=90]",
        "97 send [x=[480:16:800],y=[100,200,300],par=[1.2-1.3],q=0.6] [x=1080,y=[144:176],sar=[0.5-0.7]] recv *",
        "98 send [x=320,y=180,sar=1.1,q=0.6]",
        "98 send [x=320,y=180]",
        "99 send [x=160,y=90]",
    ];

    #[test]
    fn imageattr_reads_every_corpus_value_and_round_trips() {
        for text in CORPUS {
            let a = ImageAttr::parse(text).unwrap();
            assert_eq!(a.to_string(), text);
            assert_eq!(ImageAttr::parse(&a.to_string()).unwrap(), a);
        }
    }

    #[test]
    fn imageattr_reads_ranges_lists_and_parameters() {
        let a = ImageAttr::parse(CORPUS[4]).unwrap();
        assert_eq!(a.pt, Some(97));
        assert!(a.recv_is_any());
        assert_eq!(a.recv_sets().count(), 0);
        let sets: Vec<_> = a.send_sets().collect();
        assert_eq!(sets.len(), 2);
        let first = sets.first().unwrap();
        assert_eq!(
            first.x(),
            XyRange::Range {
                min: 480,
                step: Some(16),
                max: 800
            }
        );
        assert_eq!(
            first.y().discrete_values().collect::<Vec<_>>(),
            [100, 200, 300]
        );
        assert_eq!(first.par(), Some("[1.2-1.3]"));
        assert_eq!(first.q(), Some(0.6));
        assert_eq!(first.sar(), None);
        let second = sets.get(1).unwrap();
        assert_eq!(
            second.y(),
            XyRange::Range {
                min: 144,
                step: None,
                max: 176
            }
        );
        assert_eq!(second.sar(), Some("[0.5-0.7]"));
        assert_eq!(
            second.params().map(|(k, _)| k).collect::<Vec<_>>(),
            ["x", "y", "sar"]
        );
    }

    #[test]
    fn imageattr_keeps_direction_order_and_wildcard_pt() {
        let a = ImageAttr::parse(CORPUS[2]).unwrap();
        assert_eq!(a.recv_sets().count(), 2);
        assert_eq!(a.send_sets().count(), 1);
        assert!(a.to_string().starts_with("100 recv"));
        let any = ImageAttr::parse("* recv *").unwrap();
        assert_eq!(any.pt, None);
        assert!(any.recv_is_any());
        assert_eq!(any.send_str(), None);
    }

    #[test]
    fn imageattr_accepts_extension_parameters_and_spacing() {
        let a =
            ImageAttr::parse("96  send  [x=320,y=240,foo=bar,baz=[1-2]]\t[x=640,y=480]").unwrap();
        assert_eq!(
            a.to_string(),
            "96 send [x=320,y=240,foo=bar,baz=[1-2]] [x=640,y=480]"
        );
        assert_eq!(ImageAttr::parse(&a.to_string()).unwrap(), a);
        let set = a.send_sets().next().unwrap();
        assert_eq!(
            set.params().collect::<Vec<_>>(),
            [("x", "320"), ("y", "240"), ("foo", "bar"), ("baz", "[1-2]")]
        );
    }

    #[test]
    fn imageattr_rejects_malformed_values() {
        // invalid/webrtc-sdp/33.sdp
        assert_eq!(
            ImageAttr::parse("flob"),
            Err(ValueError::new(0, PT_EXPECTED))
        );
        assert_eq!(
            ImageAttr::parse("128 send *"),
            Err(ValueError::new(0, PT_EXPECTED))
        );
        assert_eq!(ImageAttr::parse("97"), Err(ValueError::new(2, "a space")));
        assert_eq!(
            ImageAttr::parse("97 both *"),
            Err(ValueError::new(3, DIR_EXPECTED))
        );
        assert_eq!(
            ImageAttr::parse("97 send *  send *"),
            Err(ValueError::new(11, "the other direction"))
        );
        assert_eq!(
            ImageAttr::parse("97 send x=1"),
            Err(ValueError::new(8, "`[` (an image set) or `*`"))
        );
        assert_eq!(
            ImageAttr::parse("97 send [y=1,x=2]"),
            Err(ValueError::new(9, "`x=`"))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=0,y=2]"),
            Err(ValueError::new(11, XY_EXPECTED))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=[1:],y=2]"),
            Err(ValueError::new(14, XY_EXPECTED))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=1,y=2,q=1.5]"),
            Err(ValueError::new(19, Q_EXPECTED))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=1,y=2,par=1.1]"),
            Err(ValueError::new(21, "`[` and a range of aspect ratios"))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=1,y=2"),
            Err(ValueError::new(16, "`]` or `,`"))
        );
        assert_eq!(
            ImageAttr::parse("97 send [x=1,y=2] foo"),
            Err(ValueError::new(18, DIR_EXPECTED))
        );
    }

    #[test]
    fn imageattr_new_checks_lists() {
        let a = ImageAttr::new(Some(97), Some("[x=320,y=240]"), Some("*")).unwrap();
        assert_eq!(a.to_string(), "97 send [x=320,y=240] recv *");
        assert_eq!(a, ImageAttr::parse("97 send [x=320,y=240] recv *").unwrap());
        let r = ImageAttr::new(None, None, Some("*")).unwrap();
        assert_eq!(r, ImageAttr::parse("* recv *").unwrap());
        assert!(ImageAttr::new(Some(97), None, None).is_err());
        assert!(ImageAttr::new(Some(200), Some("*"), None).is_err());
        assert!(ImageAttr::new(Some(97), Some("[x=1]"), None).is_err());
    }
}
