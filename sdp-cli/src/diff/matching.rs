//! Which media section of A is which section of B.

use std::collections::BTreeMap;

use sdp_core::Session;

/// A section of A and its counterpart in B; one side is `None` for an added or removed section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct SectionPair {
    pub(super) a: Option<usize>,
    pub(super) b: Option<usize>,
    /// The two sections share an index but not an identity: B reuses A's m-line.
    pub(super) recycled: bool,
}

/// Pairs the sections: first by equal mid, then the rest by index. At one index, two different
/// mids mean a recycled m-line (RFC 9429 §5.2.2), and so does a mid appearing where A had a
/// port-0 section without one. Ordered by index in B, a removed section at its index in A.
pub(super) fn pair_sections(a: &Session<'_>, b: &Session<'_>) -> Vec<SectionPair> {
    let (na, nb) = (a.media().len(), b.media().len());
    let mut a_used = vec![false; na];
    let mut pairs: Vec<SectionPair> = Vec::new();
    let mut b_paired = vec![false; nb];

    // Reversed lists, so that `pop` hands out A's sections of a mid in order (a mid used twice
    // is invalid, yet each section still finds at most one partner).
    let mut a_by_mid: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, m) in a.media().iter().enumerate().rev() {
        if let Some(mid) = m.mid() {
            a_by_mid.entry(mid).or_default().push(i);
        }
    }
    for (ib, mb) in b.media().iter().enumerate() {
        let Some(ia) = mb.mid().and_then(|mid| a_by_mid.get_mut(mid)?.pop()) else {
            continue;
        };
        set(&mut a_used, ia);
        set(&mut b_paired, ib);
        pairs.push(SectionPair {
            a: Some(ia),
            b: Some(ib),
            recycled: false,
        });
    }

    for (ib, mb) in b.media().iter().enumerate() {
        if b_paired.get(ib).copied().unwrap_or(true) {
            continue;
        }
        let Some(ma) = a.media().get(ib) else {
            continue;
        };
        if a_used.get(ib).copied().unwrap_or(true) {
            continue;
        }
        let recycled = match (ma.mid(), mb.mid()) {
            (Some(_), Some(_)) => true,
            (None, Some(_)) => ma.port() == Some(0),
            // A mid dropped, or never used: the same section, compared line by line.
            (Some(_), None) | (None, None) => false,
        };
        set(&mut a_used, ib);
        set(&mut b_paired, ib);
        pairs.push(SectionPair {
            a: Some(ib),
            b: Some(ib),
            recycled,
        });
    }

    for (ib, paired) in b_paired.iter().enumerate() {
        if !paired {
            pairs.push(SectionPair {
                a: None,
                b: Some(ib),
                recycled: false,
            });
        }
    }
    for (ia, used) in a_used.iter().enumerate() {
        if !used {
            pairs.push(SectionPair {
                a: Some(ia),
                b: None,
                recycled: false,
            });
        }
    }
    // A removed section sorts after the section B has at its index.
    pairs.sort_by_key(|p| match (p.b, p.a) {
        (Some(ib), _) => (ib, 0),
        (None, Some(ia)) => (ia, 1),
        (None, None) => (usize::MAX, 2),
    });
    pairs
}

fn set(flags: &mut [bool], i: usize) {
    if let Some(flag) = flags.get_mut(i) {
        *flag = true;
    }
}
