//! The generic comparison: every attribute and line that no typed comparison covers, so that no
//! difference goes unreported (unknown attributes, `a=rtcp-mux`, `a=ptime`, `t=`, malformed
//! lines, ...).

use sdp_core::{Attribute, Line, LineKind};

use super::keyed::diff_keyed;
use super::{ChangeKind, Found};

/// Compares the attributes of one level as a multiset of `(name, value)`, leaving out those a
/// typed comparison covers: a name in `typed` whose value parses.
pub(super) fn diff_attributes<'x, 'y>(
    a: impl Iterator<Item = Attribute<'x>>,
    b: impl Iterator<Item = Attribute<'y>>,
    typed: &[&str],
    found: &mut Found,
) {
    let generic = |attr: &Attribute<'_>| {
        let is_covered = typed.contains(&attr.name()) && matches!(attr.typed(), Some(Ok(_)));
        (!is_covered).then(|| (attr.name().to_owned(), canonical_value(attr)))
    };
    let a: Vec<_> = a.filter_map(|x| generic(&x)).collect();
    let b: Vec<_> = b.filter_map(|x| generic(&x)).collect();
    found.keyed(diff_keyed(a, b, true), |name| ChangeKind::Attribute {
        name,
    });
}

/// The value in its canonical spelling when it parses, so that spacing and the case of
/// case-insensitive tokens are no difference; as written (trimmed) otherwise. Empty for a
/// property attribute.
fn canonical_value(attr: &Attribute<'_>) -> String {
    match attr.typed() {
        Some(Ok(v)) if v.is_flag() => String::new(),
        Some(Ok(v)) => v.to_string(),
        _ => attr.value().unwrap_or_default().trim().to_owned(),
    }
}

/// Compares the non-attribute lines of one level that `is_typed` does not claim, as a multiset
/// of `(type letter, value)`.
pub(super) fn diff_lines(
    a: &[Line<'_>],
    b: &[Line<'_>],
    is_typed: &dyn Fn(LineKind, &str) -> bool,
    found: &mut Found,
) {
    let generic = |line: &Line<'_>| {
        if is_typed(line.kind(), line.value()) {
            return None;
        }
        Some(match line.letter() {
            Some(letter) => (letter.to_string(), line.value().to_owned()),
            None => ("?".to_owned(), line.text().trim().to_owned()),
        })
    };
    let a: Vec<_> = a.iter().filter_map(generic).collect();
    let b: Vec<_> = b.iter().filter_map(generic).collect();
    found.keyed(diff_keyed(a, b, true), |letter| ChangeKind::Line { letter });
}
