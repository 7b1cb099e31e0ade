//! The changes of one media section present on both sides: its `m=` line, mid, direction,
//! `c=` and `b=` lines and header extensions here; the rest delegated by family.

use sdp_core::attr::direction::Direction;
use sdp_core::attr::extmap::{Extmap, ENCRYPT_URI};
use sdp_core::field::{Bandwidth, Connection};
use sdp_core::{LineKind, Media};

use super::keyed::{diff_keyed, Delta};
use super::{attributes, codecs, streams, transport, ChangeKind, Found, Sides};

/// The attributes compared by type in a media section (see [`attributes::diff_attributes`]).
const TYPED: &[&str] = &[
    "mid",
    "rtpmap",
    "fmtp",
    "rtcp-fb",
    "ice-ufrag",
    "ice-pwd",
    "candidate",
    "fingerprint",
    "setup",
    "extmap",
    "ssrc",
    "ssrc-group",
    "msid",
    "rid",
    "simulcast",
    "sendrecv",
    "sendonly",
    "recvonly",
    "inactive",
];

pub(super) fn diff_media(s: &Sides<'_, '_, '_>, found: &mut Found) {
    let (ma, mb) = (s.ma, s.mb);
    match (ma.media_line(), mb.media_line()) {
        (Some(la), Some(lb)) => {
            found.compare(
                ChangeKind::MediaType,
                Some(la.media.to_owned()),
                Some(lb.media.to_owned()),
            );
            let port = |l: &sdp_core::field::MediaLine<'_>| match l.port_count {
                Some(count) => format!("{}/{count}", l.port),
                None => l.port.to_string(),
            };
            found.compare(ChangeKind::Port, Some(port(&la)), Some(port(&lb)));
            found.compare(
                ChangeKind::Proto,
                Some(la.proto.to_owned()),
                Some(lb.proto.to_owned()),
            );
        }
        // A malformed m= line has no fields to compare: compare its text.
        _ => found.compare(
            ChangeKind::Line {
                letter: "m".to_owned(),
            },
            Some(ma.line().value().to_owned()),
            Some(mb.line().value().to_owned()),
        ),
    }
    found.compare(
        ChangeKind::Mid,
        ma.mid().map(str::to_owned),
        mb.mid().map(str::to_owned),
    );
    found.compare(
        ChangeKind::Direction,
        Some(effective_direction(ma, s.ia.direction)),
        Some(effective_direction(mb, s.ib.direction)),
    );
    // A section's own c= overrides the session's (RFC 8866 §5.7): compare the effective lines,
    // unless both sections inherit them, which the session-level comparison covers.
    let (ca, cb) = (
        connections_text(ma.connections()),
        connections_text(mb.connections()),
    );
    if ca.is_some() || cb.is_some() {
        found.compare(
            ChangeKind::Connection,
            ca.or_else(|| s.ia.connection.clone()),
            cb.or_else(|| s.ib.connection.clone()),
        );
    }
    found.keyed(
        bandwidth_deltas(ma.bandwidths(), mb.bandwidths()),
        |bwtype| ChangeKind::Bandwidth { bwtype },
    );

    transport::diff_media_transport(s, found);
    codecs::diff_codecs(ma, mb, found);
    found.keyed(extmap_deltas(ma.typed(), mb.typed()), |uri| {
        ChangeKind::Extmap { uri }
    });
    streams::diff_streams(ma, mb, found);

    attributes::diff_attributes(ma.attributes(), mb.attributes(), TYPED, found);
    attributes::diff_lines(ma.lines(), mb.lines(), &media_line_is_typed, found);
}

/// The section's own direction attribute, else the session's, else `sendrecv` (RFC 8866 §6.7).
fn effective_direction(m: &Media<'_>, session: Option<Direction>) -> String {
    m.direction()
        .or(session)
        .unwrap_or_default()
        .name()
        .to_owned()
}

/// The `c=` lines, canonical, sorted and joined by `, `; `None` for none.
pub(super) fn connections_text<'c>(lines: impl Iterator<Item = Connection<'c>>) -> Option<String> {
    let mut texts: Vec<String> = lines.map(|c| c.to_string()).collect();
    texts.sort_unstable();
    texts.dedup();
    (!texts.is_empty()).then(|| texts.join(", "))
}

/// `b=` lines by upper-case type (`AS` and `as` are one modifier).
pub(super) fn bandwidth_deltas<'x, 'y>(
    a: impl Iterator<Item = Bandwidth<'x>>,
    b: impl Iterator<Item = Bandwidth<'y>>,
) -> Vec<Delta<String>> {
    let item = |bw: Bandwidth<'_>| (bw.bwtype.to_ascii_uppercase(), bw.bandwidth.to_string());
    diff_keyed(a.map(item), b.map(item), true)
}

/// Header extensions by URI: what identifies an extension is its URI; the id is only its number
/// in this session, so a renumbered extension is one change.
pub(super) fn extmap_deltas<'x, 'y>(
    a: impl Iterator<Item = Extmap<'x>>,
    b: impl Iterator<Item = Extmap<'y>>,
) -> Vec<Delta<String>> {
    let item = |e: Extmap<'_>| {
        let uri = if e.encrypted {
            format!("{ENCRYPT_URI} {}", e.uri)
        } else {
            e.uri.to_owned()
        };
        let mut value = e.id.to_string();
        if let Some(direction) = e.direction {
            value.push('/');
            value.push_str(direction.name());
        }
        if let Some(attributes) = e.attributes {
            value.push(' ');
            value.push_str(attributes);
        }
        (uri, value)
    };
    diff_keyed(a.map(item), b.map(item), true)
}

/// The lines [`diff_media`] compares by type (when they parse).
fn media_line_is_typed(kind: LineKind, value: &str) -> bool {
    match kind {
        LineKind::Attribute | LineKind::Blank => true,
        LineKind::Connection => Connection::parse(value).is_ok(),
        LineKind::Bandwidth => Bandwidth::parse(value).is_ok(),
        _ => false,
    }
}
