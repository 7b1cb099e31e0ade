//! Streams: `a=ssrc`, `a=ssrc-group`, `a=msid`, `a=rid` and `a=simulcast`.

use sdp_core::attr::msid::Msid;
use sdp_core::attr::rid::Rid;
use sdp_core::attr::simulcast::Simulcast;
use sdp_core::attr::ssrc::{Ssrc, SsrcGroup};
use sdp_core::Media;

use super::keyed::diff_keyed;
use super::{ChangeKind, Found};

pub(super) fn diff_streams(ma: &Media<'_>, mb: &Media<'_>, found: &mut Found) {
    found.keyed(diff_keyed(msids(ma), msids(mb), true), |()| {
        ChangeKind::Msid
    });
    // Each `a=ssrc` line is one attribute of one source: keyed by both, so that a new cname is
    // a change of that source and the lines' order means nothing.
    found.keyed(
        diff_keyed(ssrcs(ma), ssrcs(mb), true),
        |(ssrc, attribute): (u32, String)| ChangeKind::Ssrc {
            ssrc: ssrc.to_string(),
            attribute,
        },
    );
    found.keyed(
        diff_keyed(ssrc_groups(ma), ssrc_groups(mb), true),
        |semantics| ChangeKind::SsrcGroup { semantics },
    );
    found.keyed(diff_keyed(rids(ma), rids(mb), true), |id| ChangeKind::Rid {
        id,
    });
    found.compare(ChangeKind::Simulcast, simulcast(ma), simulcast(mb));
}

fn msids<'s>(m: &'s Media<'_>) -> impl Iterator<Item = ((), String)> + 's {
    m.typed::<Msid>().map(|x| ((), x.to_string()))
}

fn ssrcs<'s>(m: &'s Media<'_>) -> impl Iterator<Item = ((u32, String), String)> + 's {
    m.typed::<Ssrc>().map(|s| {
        (
            (s.ssrc, s.attribute.to_owned()),
            s.value.unwrap_or_default().to_owned(),
        )
    })
}

/// The SSRCs in order, which carries meaning: an FID group names the original stream before
/// its retransmission stream, a SIM group its layers from the lowest.
fn ssrc_groups<'s>(m: &'s Media<'_>) -> impl Iterator<Item = (String, String)> + 's {
    m.typed::<SsrcGroup>().map(|g| {
        let ssrcs: Vec<String> = g.ssrcs().map(|s| s.to_string()).collect();
        (g.semantics().as_str().to_ascii_uppercase(), ssrcs.join(" "))
    })
}

fn rids<'s>(m: &'s Media<'_>) -> impl Iterator<Item = (String, String)> + 's {
    m.typed::<Rid>().map(|r| {
        let text = r.to_string();
        let rest = text
            .strip_prefix(r.id())
            .map_or(text.as_str(), str::trim_start)
            .to_owned();
        (r.id().to_owned(), rest)
    })
}

fn simulcast(m: &Media<'_>) -> Option<String> {
    m.first::<Simulcast>()
        .map(|s| s.to_string().trim().to_owned())
}
