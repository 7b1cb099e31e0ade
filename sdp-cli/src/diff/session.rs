//! Session-level changes: `o=`, `s=`, `c=`, `b=`, groups, and the session-level attributes.

use sdp_core::attr::bundle::Group;
use sdp_core::attr::direction::Direction;
use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::attr::ice::{IcePwd, IceUfrag};
use sdp_core::field::Connection;
use sdp_core::{LineKind, Session};

use super::keyed::diff_keyed;
use super::{attributes, media, transport, ChangeKind, Found};

/// The attributes this module and its helpers compare by type at session level; the generic
/// comparison takes the rest (and malformed lines of these).
const TYPED: &[&str] = &[
    "group",
    "ice-ufrag",
    "ice-pwd",
    "fingerprint",
    "setup",
    "extmap",
    "sendrecv",
    "sendonly",
    "recvonly",
    "inactive",
];

/// The session-level values a media section inherits when it has none of its own, read once
/// rather than for every section.
#[derive(Debug, Default)]
pub(super) struct Inherited {
    /// The session-level direction attribute (RFC 8866 §6.7).
    pub(super) direction: Option<Direction>,
    /// The first session-level `c=`, canonical (RFC 8866 §5.7).
    pub(super) connection: Option<String>,
    /// `a=ice-ufrag` (RFC 8839 §5.4).
    pub(super) ufrag: Option<String>,
    /// `a=ice-pwd` (RFC 8839 §5.4).
    pub(super) pwd: Option<String>,
    /// The fingerprints as [`transport::fingerprints`] writes them (RFC 8122 §5).
    pub(super) fingerprints: Option<String>,
    /// `a=setup` (RFC 4145 §4).
    pub(super) setup: Option<&'static str>,
    /// Whether some media section writes its own ICE credentials, fingerprint or setup: then
    /// transport values are compared per section on their effective value, so moving a value
    /// between the session and the sections is not a change.
    pub(super) media_transport: bool,
}

impl Inherited {
    pub(super) fn of(s: &Session<'_>) -> Inherited {
        Inherited {
            direction: s
                .attributes()
                .find_map(|a| Direction::from_name(a.name()).filter(|_| a.value().is_none())),
            connection: s.connection().map(|c| c.to_string()),
            ufrag: s.first::<IceUfrag>().map(|u| u.as_str().to_owned()),
            pwd: s.first::<IcePwd>().map(|p| p.as_str().to_owned()),
            fingerprints: transport::fingerprints(s.typed::<Fingerprint>()),
            setup: s.first::<Setup>().map(Setup::as_str),
            media_transport: s.media().iter().any(|m| {
                ["ice-ufrag", "ice-pwd", "fingerprint", "setup"]
                    .iter()
                    .any(|name| m.has_attribute(name))
            }),
        }
    }
}

pub(super) fn diff_session(
    (a, ia): (&Session<'_>, &Inherited),
    (b, ib): (&Session<'_>, &Inherited),
    found: &mut Found,
) {
    diff_origin(a, b, found);
    found.compare(
        ChangeKind::SessionName,
        a.name().map(str::to_owned),
        b.name().map(str::to_owned),
    );
    found.compare(
        ChangeKind::Connection,
        media::connections_text(session_connections(a)),
        media::connections_text(session_connections(b)),
    );
    found.keyed(
        media::bandwidth_deltas(a.bandwidths(), b.bandwidths()),
        |bwtype| ChangeKind::Bandwidth { bwtype },
    );
    // The attribute itself; each section reports its effective direction.
    found.compare(
        ChangeKind::Direction,
        ia.direction.map(|d| d.name().to_owned()),
        ib.direction.map(|d| d.name().to_owned()),
    );
    found.keyed(diff_keyed(groups(a), groups(b), true), |semantics| {
        ChangeKind::Group { semantics }
    });
    transport::diff_session_transport(ia, ib, found);
    found.keyed(media::extmap_deltas(a.typed(), b.typed()), |uri| {
        ChangeKind::Extmap { uri }
    });
    attributes::diff_attributes(a.attributes(), b.attributes(), TYPED, found);
    attributes::diff_lines(a.lines(), b.lines(), &session_line_is_typed, found);
}

/// Session id and version apart: a new id is a new session, a new version an update of it.
fn diff_origin(a: &Session<'_>, b: &Session<'_>, found: &mut Found) {
    match (a.origin(), b.origin()) {
        (Some(oa), Some(ob)) => {
            let field = |name: &str, x: &str, y: &str, found: &mut Found| {
                let kind = ChangeKind::Origin {
                    field: name.to_owned(),
                };
                found.compare(kind, Some(x.to_owned()), Some(y.to_owned()));
            };
            found.compare(
                ChangeKind::SessionId,
                Some(oa.session_id.to_owned()),
                Some(ob.session_id.to_owned()),
            );
            found.compare(
                ChangeKind::SessionVersion,
                Some(oa.session_version.to_owned()),
                Some(ob.session_version.to_owned()),
            );
            field("username", oa.username, ob.username, found);
            field("net-type", oa.net_type, ob.net_type, found);
            field("addr-type", oa.addr_type, ob.addr_type, found);
            field("address", oa.address, ob.address, found);
        }
        _ => found.compare(
            ChangeKind::Origin {
                field: "line".to_owned(),
            },
            origin_text(a),
            origin_text(b),
        ),
    }
}

fn origin_text(s: &Session<'_>) -> Option<String> {
    s.lines()
        .iter()
        .find(|l| l.kind() == LineKind::Origin)
        .map(|l| l.value().to_owned())
}

fn session_connections<'s>(s: &'s Session<'_>) -> impl Iterator<Item = Connection<'s>> + 's {
    s.lines()
        .iter()
        .filter(|l| l.kind() == LineKind::Connection)
        .filter_map(|l| Connection::parse(l.value()).ok())
}

fn groups<'s>(s: &'s Session<'_>) -> impl Iterator<Item = (String, String)> + 's {
    s.typed::<Group>().map(|g| {
        let mids: Vec<&str> = g.mids().collect();
        (g.semantics().as_str().to_ascii_uppercase(), mids.join(" "))
    })
}

/// The lines [`diff_session`] compares by type (when they parse).
fn session_line_is_typed(kind: LineKind, value: &str) -> bool {
    match kind {
        LineKind::Origin | LineKind::SessionName | LineKind::Attribute | LineKind::Blank => true,
        LineKind::Connection => Connection::parse(value).is_ok(),
        LineKind::Bandwidth => sdp_core::field::Bandwidth::parse(value).is_ok(),
        _ => false,
    }
}
