//! One test per transport change kind: ICE, candidates, DTLS fingerprint and setup.

use super::kinds::BASE;
use super::*;

#[test]
fn ice_restart_of_bundled_sections() {
    let b = BASE.replace("a=ice-ufrag:aaaa", "a=ice-ufrag:bbbb");
    let d = diff_text(BASE, &b);
    assert_eq!(kinds(&d), ["ice-restart"]);
    assert_eq!(
        d.changes[0].kind,
        ChangeKind::IceRestart {
            pwd_changed: false,
            shared_with: vec!["1".into()]
        }
    );
}

#[test]
fn ice_password_alone_is_a_restart() {
    let c = only(
        "a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa",
        "a=ice-pwd:bbbbbbbbbbbbbbbbbbbbbbbb",
    );
    assert_eq!(
        c.kind,
        ChangeKind::IceRestart {
            pwd_changed: true,
            shared_with: vec![]
        }
    );
    assert_eq!(values(&c), (Some("aaaa"), Some("aaaa")));
}

#[test]
fn ice_credentials_moved_to_session_level_unchanged_are_no_change() {
    let b = BASE
        .replace("a=ice-ufrag:aaaa\na=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa\n", "")
        .replace(
            "t=0 0\n",
            "t=0 0\na=ice-ufrag:aaaa\na=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa\n",
        );
    // Every section's effective credentials are the same: where they are written means
    // nothing to the ICE agent (RFC 8839 §5.4).
    assert!(diff_text(BASE, &b).is_empty());
    assert!(diff_text(&b, BASE).is_empty());
    // A change of value while moving is still a restart, reported on the section.
    let c = b.replace("a=ice-ufrag:aaaa\na=ice-pwd", "a=ice-ufrag:bbbb\na=ice-pwd");
    let d = diff_text(BASE, &c);
    assert_eq!(kinds(&d), ["ice-restart"]);
    assert!(d.changes[0].section.is_some());
}

#[test]
fn candidate_added_and_removed() {
    let c = only(
        "typ host\n",
        "typ host\na=candidate:2 1 udp 1686052607 203.0.113.7 50001 typ srflx raddr 192.0.2.10 rport 50000\n",
    );
    assert_eq!((c.kind, c.op), (ChangeKind::Candidate, Op::Added));
    assert_eq!(
        c.after.as_deref(),
        Some("2 1 udp 1686052607 203.0.113.7 50001 typ srflx raddr 192.0.2.10 rport 50000")
    );
    let c = only(
        "a=candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host\n",
        "",
    );
    assert_eq!((c.kind, c.op), (ChangeKind::Candidate, Op::Removed));
}

#[test]
fn fingerprint_changed_for_the_bundle() {
    let b = BASE.replace("sha-256 AB:CD", "sha-256 BA:CD");
    let d = diff_text(BASE, &b);
    assert_eq!(kinds(&d), ["fingerprint"]);
    assert_eq!(
        d.changes[0].kind,
        ChangeKind::Fingerprint {
            shared_with: vec!["1".into()]
        }
    );
    // Hash and hex case mean nothing.
    let lower = BASE.replace("sha-256 AB:CD", "SHA-256 ab:cd");
    assert!(diff_text(BASE, &lower).is_empty());
}

#[test]
fn setup_role() {
    let c = only("a=setup:actpass", "a=setup:active");
    assert_eq!(
        c.kind,
        ChangeKind::Setup {
            shared_with: vec![]
        }
    );
    assert_eq!(values(&c), (Some("actpass"), Some("active")));
}
