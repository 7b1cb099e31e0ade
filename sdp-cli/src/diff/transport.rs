//! Transport: ICE credentials (restarts) and candidates, DTLS fingerprint and setup role, and
//! the folding of one transport's changes under BUNDLE.

use std::collections::{BTreeMap, HashMap};

use sdp_core::attr::bundle::{Group, GroupSemantics};
use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::attr::ice::{Candidate, IcePwd, IceUfrag};
use sdp_core::{Media, Session};

use super::keyed::diff_keyed;
use super::session::Inherited;
use super::{Change, ChangeKind, Found, Sides};

/// ICE credentials of one level: ufrag and password.
type Credentials<'s> = (Option<&'s str>, Option<&'s str>);

/// The transport values written at session level, compared there when no section of either
/// side writes its own (otherwise [`diff_media_transport`] compares effective values).
pub(super) fn diff_session_transport(a: &Inherited, b: &Inherited, found: &mut Found) {
    if a.media_transport || b.media_transport {
        return;
    }
    compare_ice(
        (a.ufrag.clone(), a.pwd.clone()),
        (b.ufrag.clone(), b.pwd.clone()),
        found,
    );
    compare_fingerprints(a.fingerprints.clone(), b.fingerprints.clone(), found);
    compare_setup(a.setup, b.setup, found);
}

/// The transport values of a section, compared on their effective value (the section's own,
/// else the session's, RFC 8839 §5.4 and RFC 8122 §5) when either section has its own.
pub(super) fn diff_media_transport(s: &Sides<'_, '_, '_>, found: &mut Found) {
    let (own_a, own_b) = (media_credentials(s.ma), media_credentials(s.mb));
    let per_section = s.ia.media_transport || s.ib.media_transport;
    if per_section {
        let effective = |own: Credentials<'_>, session: &Inherited| {
            (
                own.0.map(str::to_owned).or_else(|| session.ufrag.clone()),
                own.1.map(str::to_owned).or_else(|| session.pwd.clone()),
            )
        };
        compare_ice(effective(own_a, s.ia), effective(own_b, s.ib), found);
    }

    // Compared as a set in their canonical form: their order and spacing mean nothing.
    let candidates = |m: &Media<'_>| -> Vec<(String, String)> {
        m.typed::<Candidate>()
            .map(|c| (c.to_string(), c.to_string()))
            .collect()
    };
    found.keyed(
        diff_keyed(candidates(s.ma), candidates(s.mb), false),
        |_| ChangeKind::Candidate,
    );

    let (fa, fb) = (
        fingerprints(s.ma.typed::<Fingerprint>()),
        fingerprints(s.mb.typed::<Fingerprint>()),
    );
    if per_section {
        compare_fingerprints(
            fa.or_else(|| s.ia.fingerprints.clone()),
            fb.or_else(|| s.ib.fingerprints.clone()),
            found,
        );
    }

    let (sa, sb) = (s.ma.first::<Setup>(), s.mb.first::<Setup>());
    if per_section {
        compare_setup(
            sa.map(Setup::as_str).or(s.ia.setup),
            sb.map(Setup::as_str).or(s.ib.setup),
            found,
        );
    }
}

fn media_credentials<'s>(m: &'s Media<'_>) -> Credentials<'s> {
    (
        m.first::<IceUfrag>().map(|u| u.as_str()),
        m.first::<IcePwd>().map(|p| p.as_str()),
    )
}

/// One change for new credentials, whichever of the two changed: that is what restarts ICE
/// (negotiation rule E6, JSEP §5.10), and two changes would read as two events.
fn compare_ice(
    (ufrag_a, pwd_a): (Option<String>, Option<String>),
    (ufrag_b, pwd_b): (Option<String>, Option<String>),
    found: &mut Found,
) {
    if ufrag_a != ufrag_b || pwd_a != pwd_b {
        let kind = ChangeKind::IceRestart {
            pwd_changed: pwd_a != pwd_b,
            shared_with: Vec::new(),
        };
        found.push(kind, ufrag_a, ufrag_b);
    }
}

/// The fingerprints, `hash VALUE` with the hash in lower case and the hex in upper case (RFC
/// 8122 §5 spells the hex upper case; the lower case some stacks write is the same value), sorted
/// and joined by `, `; `None` for none.
pub(super) fn fingerprints<'f>(list: impl Iterator<Item = Fingerprint<'f>>) -> Option<String> {
    let mut texts: Vec<String> = list
        .map(|f| {
            format!(
                "{} {}",
                f.hash_str().to_ascii_lowercase(),
                f.fingerprint_str().to_ascii_uppercase()
            )
        })
        .collect();
    texts.sort_unstable();
    texts.dedup();
    (!texts.is_empty()).then(|| texts.join(", "))
}

fn compare_fingerprints(a: Option<String>, b: Option<String>, found: &mut Found) {
    let kind = ChangeKind::Fingerprint {
        shared_with: Vec::new(),
    };
    found.compare(kind, a, b);
}

fn compare_setup(a: Option<&str>, b: Option<&str>, found: &mut Found) {
    let kind = ChangeKind::Setup {
        shared_with: Vec::new(),
    };
    found.compare(kind, a.map(str::to_owned), b.map(str::to_owned));
}

/// Sections bundled together in B share one transport: an identical ICE, fingerprint or setup
/// change of several of them is one change, kept on the first and listing the others' mids.
pub(super) fn fold_shared_transport(changes: &mut Vec<Change>, b: &Session<'_>) {
    let mut transport_of: BTreeMap<&str, usize> = BTreeMap::new();
    let bundles = b
        .typed::<Group>()
        .filter(|g| g.semantics() == GroupSemantics::Bundle);
    for (i, group) in bundles.enumerate() {
        for mid in group.mids() {
            transport_of.entry(mid).or_insert(i);
        }
    }
    if transport_of.is_empty() {
        return;
    }

    type Key = (usize, &'static str, Option<String>, Option<String>, bool);
    let mut first: HashMap<Key, usize> = HashMap::new();
    let mut kept: Vec<Change> = Vec::with_capacity(changes.len());
    for change in changes.drain(..) {
        let pwd_changed = match &change.kind {
            ChangeKind::IceRestart { pwd_changed, .. } => Some(*pwd_changed),
            ChangeKind::Fingerprint { .. } | ChangeKind::Setup { .. } => Some(false),
            _ => None,
        };
        let mid = change
            .section
            .as_ref()
            .and_then(|s| s.b.as_ref())
            .and_then(|b| b.mid.clone());
        let transport = mid
            .as_deref()
            .and_then(|mid| transport_of.get(mid).copied());
        let (Some(pwd_changed), Some(transport), Some(mid)) = (pwd_changed, transport, mid) else {
            kept.push(change);
            continue;
        };
        let key = (
            transport,
            change.kind.name(),
            change.before.clone(),
            change.after.clone(),
            pwd_changed,
        );
        if let Some(owner) = first.get(&key).and_then(|&i| kept.get_mut(i)) {
            if let ChangeKind::IceRestart { shared_with, .. }
            | ChangeKind::Fingerprint { shared_with }
            | ChangeKind::Setup { shared_with } = &mut owner.kind
            {
                shared_with.push(mid);
            }
            continue;
        }
        first.insert(key, kept.len());
        kept.push(change);
    }
    *changes = kept;
}
