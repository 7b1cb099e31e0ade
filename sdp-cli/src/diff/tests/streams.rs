//! One test per stream and header-extension change kind, and the generic fallback.

use super::kinds::BASE;
use super::*;

#[test]
fn extmap_renumbered_and_added() {
    let c = only("a=extmap:2 ", "a=extmap:5 ");
    assert_eq!(
        c.kind,
        ChangeKind::Extmap {
            uri: "urn:ietf:params:rtp-hdrext:toffset".into()
        }
    );
    assert_eq!(values(&c), (Some("2"), Some("5")));
    let c = only(
        "a=extmap:2 urn:ietf:params:rtp-hdrext:toffset\n",
        "a=extmap:2 urn:ietf:params:rtp-hdrext:toffset\na=extmap:3/sendonly urn:3gpp:video-orientation\n",
    );
    assert_eq!((c.op, c.after.as_deref()), (Op::Added, Some("3/sendonly")));
}

#[test]
fn ssrc_attribute_changed() {
    let c = only("a=ssrc:1111 cname:c1", "a=ssrc:1111 cname:c2");
    assert_eq!(
        c.kind,
        ChangeKind::Ssrc {
            ssrc: "1111".into(),
            attribute: "cname".into()
        }
    );
    assert_eq!(values(&c), (Some("c1"), Some("c2")));
}

#[test]
fn ssrc_group_order() {
    let c = only("FID 2222 3333", "FID 3333 2222");
    assert_eq!(
        c.kind,
        ChangeKind::SsrcGroup {
            semantics: "FID".into()
        }
    );
}

#[test]
fn msid() {
    let c = only("a=msid:s1 a1", "a=msid:s1 a2");
    assert_eq!(c.kind, ChangeKind::Msid);
    assert_eq!(values(&c), (Some("s1 a1"), Some("s1 a2")));
}

#[test]
fn rid_restriction_added() {
    let c = only("a=rid:l send", "a=rid:l send max-width=320");
    assert_eq!(c.kind, ChangeKind::Rid { id: "l".into() });
    assert_eq!(values(&c), (Some("send"), Some("send max-width=320")));
}

#[test]
fn simulcast() {
    let c = only("a=simulcast:send h;l", "a=simulcast:send l;h");
    assert_eq!(c.kind, ChangeKind::Simulcast);
    assert_eq!(values(&c), (Some("send h;l"), Some("send l;h")));
}

#[test]
fn malformed_attribute_of_a_typed_family_is_still_compared() {
    let c = only("typ host\n", "typ host\na=candidate:garbage\n");
    assert_eq!(
        c.kind,
        ChangeKind::Attribute {
            name: "candidate".into()
        }
    );
    assert_eq!(
        (c.after.as_deref(), c.categories()),
        (Some("garbage"), &[Category::Candidates][..])
    );
    // A malformed setup line also leaves the section without a setup role.
    let d = diff_text(BASE, &edit(BASE, "a=setup:actpass", "a=setup:sideways"));
    assert_eq!(kinds(&d), ["setup", "attribute"]);
    assert_eq!(d.changes[0].after, None);
}
