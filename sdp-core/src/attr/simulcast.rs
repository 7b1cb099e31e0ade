//! Simulcast: `a=simulcast` (RFC 8853 and the legacy draft form).
//!
//! RFC 8853 writes `a=simulcast:send 1,~4;2;3 recv c`: per direction a `;`-separated list of
//! streams, each a `,`-separated list of alternative rids, `~` marking a paused one. Old
//! Firefox and Chrome wrote the form of draft-ietf-mmusic-sdp-simulcast-03:
//! `a=simulcast: send rid=1,4;2;3 paused=4 recv rid=c`. Both are read; the syntax is recorded
//! and written back. The lists stay borrowed text and are walked on demand.

use std::fmt;

use crate::attr::rid::{is_rid_char, parse_rid_id};
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

const DIR_EXPECTED: &str = "`send` or `recv`";

/// Which grammar an `a=simulcast` value follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimulcastSyntax {
    /// RFC 8853: `send 1;2 recv 3`, `~` for paused.
    Rfc8853,
    /// draft-ietf-mmusic-sdp-simulcast-03: `send rid=1;2 paused=2 recv rid=3`.
    Draft03,
}

/// A simulcast direction keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ScDir {
    Send,
    Recv,
}

// RFC 8853 §5.1: sc-send = %s"send" SP sc-str-list ; sc-recv = %s"recv" SP sc-str-list
fn parse_sc_dir(input: &str) -> PResult<'_, ScDir> {
    let len = input.bytes().take_while(u8::is_ascii_alphanumeric).count();
    match input.get(..len) {
        Some("send") => Ok((input.get(len..).unwrap_or_default(), ScDir::Send)),
        Some("recv") => Ok((input.get(len..).unwrap_or_default(), ScDir::Recv)),
        _ => lex::fail(input, DIR_EXPECTED),
    }
}

// RFC 8853 §5.1: sc-id = [sc-id-paused] rid-id ; sc-id-paused = "~"
// (draft-03 has no `~`.)
fn parse_sc_id(input: &str, syntax: SimulcastSyntax) -> PResult<'_, &str> {
    let after = match (syntax, input.strip_prefix('~')) {
        (SimulcastSyntax::Rfc8853, Some(after)) => after,
        _ => input,
    };
    parse_rid_id(after)
}

// RFC 8853 §5.1: sc-alt-list = sc-id *( "," sc-id )
fn parse_sc_alt_list(input: &str, syntax: SimulcastSyntax) -> PResult<'_, &str> {
    let (mut rest, _) = parse_sc_id(input, syntax)?;
    while let Some(next) = rest.strip_prefix(',') {
        rest = parse_sc_id(next, syntax)?.0;
    }
    Ok((
        rest,
        input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
    ))
}

// RFC 8853 §5.1: sc-str-list = sc-alt-list *( ";" sc-alt-list )
// draft-03:     sc-str-list = sc-id-type "=" sc-alt-list *( ";" sc-alt-list )
// `syntax` is `None` for the first list, whose form decides the syntax of the value.
fn parse_sc_str_list(
    input: &str,
    syntax: Option<SimulcastSyntax>,
) -> PResult<'_, (SimulcastSyntax, SimulcastList<'_>)> {
    let type_len = input
        .bytes()
        .take_while(|&b| is_rid_char(char::from(b)))
        .count();
    let id_type = input
        .get(..type_len)
        .filter(|t| !t.is_empty() && input.get(type_len..).is_some_and(|r| r.starts_with('=')));
    let (syntax, list_start, id_type) = match (syntax, id_type) {
        (None | Some(SimulcastSyntax::Draft03), Some(t)) => (
            SimulcastSyntax::Draft03,
            input.get(type_len + 1..).unwrap_or_default(),
            Some(t),
        ),
        (Some(SimulcastSyntax::Draft03), None) => {
            return lex::fail(input, "an id type and `=` (e.g. `rid=`)")
        }
        (None | Some(SimulcastSyntax::Rfc8853), _) => (SimulcastSyntax::Rfc8853, input, None),
    };
    let (mut rest, _) = parse_sc_alt_list(list_start, syntax)?;
    while let Some(next) = rest.strip_prefix(';') {
        rest = parse_sc_alt_list(next, syntax)?.0;
    }
    let streams = list_start
        .get(..lex::offset_in(list_start, rest))
        .unwrap_or_default();
    let (rest, paused) = match syntax {
        SimulcastSyntax::Draft03 => parse_sc_pause_list(rest)?,
        SimulcastSyntax::Rfc8853 => (rest, None),
    };
    Ok((
        rest,
        (
            syntax,
            SimulcastList {
                streams,
                id_type,
                paused,
            },
        ),
    ))
}

// draft-03: [SP sc-pause-list] ; sc-pause-list = "paused=" sc-alt-list
fn parse_sc_pause_list(input: &str) -> PResult<'_, Option<&str>> {
    let (after_sp, sp) = lex::opt_sp(input)?;
    match after_sp.strip_prefix("paused=") {
        Some(list) if !sp.is_empty() => {
            let (rest, ids) = parse_sc_alt_list(list, SimulcastSyntax::Draft03)?;
            Ok((rest, Some(ids)))
        }
        _ => Ok((input, None)),
    }
}

// RFC 8853 §5.1: sc-value = ( sc-send [SP sc-recv] ) / ( sc-recv [SP sc-send] )
// (a leading space, as the draft-era browsers wrote, is accepted.)
fn parse_sc_value(input: &str) -> PResult<'_, Simulcast<'_>> {
    let (rest, _) = lex::opt_sp(input)?;
    let (rest, first_dir) = parse_sc_dir(rest)?;
    let (rest, _) = lex::sp(rest)?;
    let (rest, (syntax, first)) = parse_sc_str_list(rest, None)?;
    let mut sc = Simulcast {
        syntax,
        send: None,
        recv: None,
        recv_first: first_dir == ScDir::Recv,
    };
    let (after_sp, sp) = lex::opt_sp(rest)?;
    let rest = if sp.is_empty() || after_sp.is_empty() {
        rest
    } else {
        let (rest, second_dir) = parse_sc_dir(after_sp)?;
        if second_dir == first_dir {
            return lex::fail(
                after_sp,
                match first_dir {
                    ScDir::Send => "`recv` (`send` is already given)",
                    ScDir::Recv => "`send` (`recv` is already given)",
                },
            );
        }
        let (rest, _) = lex::sp(rest)?;
        let (rest, (_, second)) = parse_sc_str_list(rest, Some(syntax))?;
        match second_dir {
            ScDir::Send => sc.send = Some(second),
            ScDir::Recv => sc.recv = Some(second),
        }
        rest
    };
    match first_dir {
        ScDir::Send => sc.send = Some(first),
        ScDir::Recv => sc.recv = Some(first),
    }
    Ok((rest, sc))
}

/// One direction's list of simulcast streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SimulcastList<'a> {
    streams: &'a str,
    id_type: Option<&'a str>,
    paused: Option<&'a str>,
}

impl<'a> SimulcastList<'a> {
    /// The streams, in order of preference.
    pub fn streams(&self) -> impl Iterator<Item = SimulcastStream<'a>> + 'a {
        let paused = self.paused;
        self.streams
            .split(';')
            .filter(|s| !s.is_empty())
            .map(move |text| SimulcastStream { text, paused })
    }

    /// The stream list as written (after `rid=` in the draft form).
    pub fn as_str(&self) -> &'a str {
        self.streams
    }

    /// The draft-03 id type (`rid`, `pt`, ...); `None` in RFC 8853 syntax.
    pub fn id_type(&self) -> Option<&'a str> {
        self.id_type
    }

    /// The draft-03 `paused=` list as written, if any.
    pub fn paused_str(&self) -> Option<&'a str> {
        self.paused
    }

    /// Every rid of every stream, in order.
    pub fn rids(&self) -> impl Iterator<Item = SimulcastRid<'a>> + 'a {
        self.streams().flat_map(|s| s.alternatives())
    }
}

/// One simulcast stream: a list of alternative rids (RFC 8853 `sc-alt-list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SimulcastStream<'a> {
    text: &'a str,
    paused: Option<&'a str>,
}

impl<'a> SimulcastStream<'a> {
    /// The alternatives, in order.
    pub fn alternatives(&self) -> impl Iterator<Item = SimulcastRid<'a>> + 'a {
        let paused_list = self.paused;
        self.text.split(',').map(move |id| {
            let (rid, tilde) = match id.strip_prefix('~') {
                Some(rid) => (rid, true),
                None => (id, false),
            };
            let listed = paused_list.is_some_and(|list| list.split(',').any(|p| p == rid));
            SimulcastRid {
                rid,
                paused: tilde || listed,
            }
        })
    }

    /// The alternative list as written (`1,~4`).
    pub fn as_str(&self) -> &'a str {
        self.text
    }
}

/// One alternative of a simulcast stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SimulcastRid<'a> {
    /// The rid (without `~`).
    pub rid: &'a str,
    /// Whether the stream is paused (`~` in RFC 8853, `paused=` in draft-03).
    pub paused: bool,
}

/// `a=simulcast` (RFC 8853 §5.1, and draft-ietf-mmusic-sdp-simulcast-03).
///
/// ```
/// use sdp_core::attr::simulcast::{Simulcast, SimulcastSyntax};
/// use sdp_core::attr::TypedAttribute;
/// let sc = Simulcast::parse("send 1,~4;2;3 recv c").unwrap();
/// assert_eq!(sc.syntax(), SimulcastSyntax::Rfc8853);
/// let first = sc.send().next().unwrap();
/// let alts: Vec<_> = first.alternatives().map(|a| (a.rid, a.paused)).collect();
/// assert_eq!(alts, [("1", false), ("4", true)]);
/// assert_eq!(sc.recv().count(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Simulcast<'a> {
    syntax: SimulcastSyntax,
    send: Option<SimulcastList<'a>>,
    recv: Option<SimulcastList<'a>>,
    recv_first: bool,
}

impl<'a> Simulcast<'a> {
    /// An RFC 8853 value from the send and receive stream lists (e.g. `Some("1,~4;2;3")`),
    /// checked against the grammar. At least one list is needed.
    pub fn new(send: Option<&'a str>, recv: Option<&'a str>) -> Result<Self, ValueError> {
        if send.is_none() && recv.is_none() {
            return Err(ValueError::new(0, "a send or recv stream list"));
        }
        let list = |text: &'a str| {
            lex::run(text, |i| {
                let (rest, (_, list)) = parse_sc_str_list(i, Some(SimulcastSyntax::Rfc8853))?;
                Ok((rest, list))
            })
        };
        Ok(Simulcast {
            syntax: SimulcastSyntax::Rfc8853,
            send: send.map(list).transpose()?,
            recv: recv.map(list).transpose()?,
            recv_first: send.is_none(),
        })
    }

    /// Which grammar the value follows.
    pub fn syntax(&self) -> SimulcastSyntax {
        self.syntax
    }

    /// The streams this side sends (none when there is no send list).
    pub fn send(&self) -> impl Iterator<Item = SimulcastStream<'a>> + 'a {
        self.send.into_iter().flat_map(|l| l.streams())
    }

    /// The streams this side receives (none when there is no recv list).
    pub fn recv(&self) -> impl Iterator<Item = SimulcastStream<'a>> + 'a {
        self.recv.into_iter().flat_map(|l| l.streams())
    }

    /// The send list, with its draft-03 details.
    pub fn send_list(&self) -> Option<SimulcastList<'a>> {
        self.send
    }

    /// The recv list, with its draft-03 details.
    pub fn recv_list(&self) -> Option<SimulcastList<'a>> {
        self.recv
    }
}

impl<'a> TypedAttribute<'a> for Simulcast<'a> {
    const NAME: &'static str = "simulcast";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_sc_value)
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, dir: &str, list: &SimulcastList<'_>) -> fmt::Result {
    write!(f, "{dir} ")?;
    if let Some(id_type) = list.id_type {
        write!(f, "{id_type}=")?;
    }
    f.write_str(list.streams)?;
    if let Some(paused) = list.paused {
        write!(f, " paused={paused}")?;
    }
    Ok(())
}

impl fmt::Display for Simulcast<'_> {
    /// RFC 8853: `send 1;2 recv 3`. Draft-03 keeps the leading space the draft-era browsers
    /// wrote: ` send rid=1;2 paused=2 recv rid=3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.syntax == SimulcastSyntax::Draft03 {
            f.write_str(" ")?;
        }
        let send = self.send.as_ref().map(|l| ("send", l));
        let recv = self.recv.as_ref().map(|l| ("recv", l));
        let (first, second) = if self.recv_first {
            (recv, send)
        } else {
            (send, recv)
        };
        let mut sep = "";
        for (dir, list) in first.into_iter().chain(second) {
            f.write_str(sep)?;
            write_list(f, dir, list)?;
            sep = " ";
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rids<'a>(streams: impl Iterator<Item = SimulcastStream<'a>>) -> Vec<Vec<(&'a str, bool)>> {
        streams
            .map(|s| s.alternatives().map(|a| (a.rid, a.paused)).collect())
            .collect()
    }

    #[test]
    fn simulcast_reads_rfc8853_lists() {
        let sc = Simulcast::parse("send 1,~4;2;3 recv c").unwrap();
        assert_eq!(sc.syntax(), SimulcastSyntax::Rfc8853);
        assert_eq!(
            rids(sc.send()),
            [
                vec![("1", false), ("4", true)],
                vec![("2", false)],
                vec![("3", false)]
            ]
        );
        assert_eq!(rids(sc.recv()), [vec![("c", false)]]);
        assert_eq!(sc.send_list().unwrap().as_str(), "1,~4;2;3");
        assert_eq!(sc.send_list().unwrap().id_type(), None);
    }

    #[test]
    fn simulcast_reads_single_direction_values() {
        let r = Simulcast::parse("recv f;h;q").unwrap();
        assert_eq!(r.send().count(), 0);
        assert_eq!(rids(r.recv()).len(), 3);
        let s = Simulcast::parse("send h;m;l").unwrap();
        assert_eq!(
            s.send_list()
                .unwrap()
                .rids()
                .map(|a| a.rid)
                .collect::<Vec<_>>(),
            ["h", "m", "l"]
        );
        assert!(s.recv_list().is_none());
    }

    #[test]
    fn simulcast_reads_the_draft03_form() {
        let sc = Simulcast::parse(" send rid=1,4;2;3 paused=4 recv rid=c").unwrap();
        assert_eq!(sc.syntax(), SimulcastSyntax::Draft03);
        assert_eq!(
            rids(sc.send()),
            [
                vec![("1", false), ("4", true)],
                vec![("2", false)],
                vec![("3", false)]
            ]
        );
        assert_eq!(rids(sc.recv()), [vec![("c", false)]]);
        let list = sc.send_list().unwrap();
        assert_eq!(
            (list.id_type(), list.paused_str()),
            (Some("rid"), Some("4"))
        );
        let r = Simulcast::parse(" recv rid=foo;bar").unwrap();
        assert_eq!(rids(r.recv()), [vec![("foo", false)], vec![("bar", false)]]);
        assert_eq!(
            Simulcast::parse("recv rid=hi;mid;lo").unwrap().syntax(),
            SimulcastSyntax::Draft03
        );
    }

    #[test]
    fn simulcast_writes_each_syntax_back() {
        for (text, canonical) in [
            ("send 1,~4;2;3 recv c", "send 1,~4;2;3 recv c"),
            ("recv f;h;q", "recv f;h;q"),
            ("recv a  send b", "recv a send b"),
            (
                " send rid=1,4;2;3 paused=4 recv rid=c",
                " send rid=1,4;2;3 paused=4 recv rid=c",
            ),
            (" send rid=foo;bar", " send rid=foo;bar"),
            ("recv rid=hi;mid;lo", " recv rid=hi;mid;lo"),
            (" send q;h", "send q;h"),
        ] {
            let sc = Simulcast::parse(text).unwrap();
            assert_eq!(sc.to_string(), canonical, "{text}");
            assert_eq!(Simulcast::parse(&sc.to_string()).unwrap(), sc, "{text}");
        }
    }

    #[test]
    fn simulcast_rejects_malformed_values() {
        let rid = "a rid id (letters, digits, `-`, `_`)";
        assert_eq!(Simulcast::parse(""), Err(ValueError::new(0, DIR_EXPECTED)));
        assert_eq!(
            Simulcast::parse("sendrecv a"),
            Err(ValueError::new(0, DIR_EXPECTED))
        );
        assert_eq!(Simulcast::parse("send"), Err(ValueError::new(4, "a space")));
        assert_eq!(Simulcast::parse("send "), Err(ValueError::new(5, rid)));
        assert_eq!(Simulcast::parse("send 1;;2"), Err(ValueError::new(7, rid)));
        assert_eq!(Simulcast::parse("send 1,"), Err(ValueError::new(7, rid)));
        assert_eq!(Simulcast::parse("send ~~1"), Err(ValueError::new(6, rid)));
        assert_eq!(
            Simulcast::parse("send 1 send 2"),
            Err(ValueError::new(7, "`recv` (`send` is already given)"))
        );
        assert_eq!(
            Simulcast::parse("send 1 foo 2"),
            Err(ValueError::new(7, DIR_EXPECTED))
        );
        assert_eq!(
            Simulcast::parse("send rid=1 recv 2"),
            Err(ValueError::new(16, "an id type and `=` (e.g. `rid=`)"))
        );
        assert_eq!(
            Simulcast::parse("send rid=~1"),
            Err(ValueError::new(9, rid))
        );
        assert_eq!(
            Simulcast::parse("send 1 paused=1"),
            Err(ValueError::new(7, DIR_EXPECTED))
        );
    }

    #[test]
    fn simulcast_new_builds_rfc8853_values() {
        let sc = Simulcast::new(Some("1,~4;2"), Some("c")).unwrap();
        assert_eq!(sc.to_string(), "send 1,~4;2 recv c");
        assert_eq!(sc, Simulcast::parse("send 1,~4;2 recv c").unwrap());
        let recv_only = Simulcast::new(None, Some("a")).unwrap();
        assert_eq!(recv_only.to_string(), "recv a");
        assert_eq!(recv_only, Simulcast::parse("recv a").unwrap());
        assert_eq!(
            Simulcast::new(None, None),
            Err(ValueError::new(0, "a send or recv stream list"))
        );
        assert!(Simulcast::new(Some("a b"), None).is_err());
        assert!(Simulcast::new(Some("rid=a"), None).is_err());
    }
}
