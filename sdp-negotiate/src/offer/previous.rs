//! What a subsequent offer keeps from the current local and remote descriptions (rulebook E4,
//! E5, E6).

use std::collections::{BTreeSet, HashSet};

use sdp_core::attr::bundle::{Group, GroupSemantics};
use sdp_core::attr::dtls::Setup;
use sdp_core::attr::extmap::Extmap;
use sdp_core::attr::ice::{IcePwd, IceUfrag};
use sdp_core::attr::msid::Msid;
use sdp_core::attr::ssrc::Ssrc;
use sdp_core::{Media, Session};

/// One codec of a previous m-section, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PrevCodec {
    pub(crate) pt: u8,
    pub(crate) name: String,
    pub(crate) clock_rate: u32,
    pub(crate) channels: u16,
    /// `(key, value)` fmtp parameters, keys lowercased.
    pub(crate) params: Vec<(String, String)>,
}

impl PrevCodec {
    /// The value of fmtp parameter `key` (lowercase).
    pub(crate) fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// One m-section slot of the current descriptions (same index in local and remote).
#[derive(Debug, Clone, Default)]
pub(crate) struct PrevSlot {
    /// `audio`, `video`, `application`, ...
    pub(crate) kind: String,
    pub(crate) mid: Option<String>,
    pub(crate) proto: String,
    /// E4: port 0 in the current local **or** remote description.
    pub(crate) disabled: bool,
    /// The first format of our m-line and its rtpmap value, for a section kept at port 0.
    pub(crate) first_format: String,
    pub(crate) first_rtpmap: Option<String>,
    /// Our ICE credentials in this section (A11, E5).
    pub(crate) ufrag: Option<String>,
    pub(crate) pwd: Option<String>,
    /// Our `a=msid` value.
    pub(crate) msid: Option<String>,
    /// Our SSRCs, primary first.
    pub(crate) ssrcs: Vec<u32>,
    /// Codecs of the most recent answer, in its format order (E5), then the other
    /// description's (for PT stability when the answer lacks one).
    pub(crate) answer_codecs: Vec<PrevCodec>,
    pub(crate) other_codecs: Vec<PrevCodec>,
    /// Whether the most recent answer had `a=rtcp-rsize` here (E5).
    pub(crate) answer_rtcp_rsize: bool,
}

/// The current local and remote descriptions, digested.
#[derive(Debug, Clone, Default)]
pub(crate) struct Previous {
    pub(crate) slots: Vec<PrevSlot>,
    /// Every mid either description used (never reused for a new section, E4).
    pub(crate) mids: HashSet<String>,
    /// Header extension URIs and their ids, the answer's first (C7).
    pub(crate) extmaps: Vec<(String, u16)>,
    /// Every payload type either description used (never given another meaning).
    pub(crate) payload_types: BTreeSet<u8>,
    /// The most recent answer's BUNDLE group (the tag first), if any (E5).
    pub(crate) answer_group: Option<Vec<String>>,
    /// Our `o=` username, session id and version (A32).
    pub(crate) origin: Option<(String, String, u64)>,
    /// The cname of our sources.
    pub(crate) cname: Option<String>,
}

/// Whether `session` is an answer: JSEP offers always carry `setup:actpass` (E5), answers
/// `active` or `passive` (A16).
fn is_answer(session: &Session<'_>) -> bool {
    let media_setup = session
        .media()
        .iter()
        .filter_map(|m| m.first::<Setup>())
        .next();
    matches!(
        media_setup.or_else(|| session.first::<Setup>()),
        Some(Setup::Active | Setup::Passive)
    )
}

fn codecs_of(media: &Media<'_>) -> Vec<PrevCodec> {
    media
        .codecs()
        .iter()
        .filter(|c| c.is_known())
        .map(|c| PrevCodec {
            pt: c.payload_type,
            name: c.encoding_name.to_owned(),
            clock_rate: c.clock_rate.unwrap_or_default(),
            channels: c.channels.unwrap_or(1),
            params: c
                .fmtp
                .as_ref()
                .map(|f| {
                    f.params()
                        .map(|p| (p.key.unwrap_or("").to_ascii_lowercase(), p.value.to_owned()))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

impl Previous {
    pub(crate) fn new(local: Option<&Session<'_>>, remote: Option<&Session<'_>>) -> Previous {
        let mut out = Previous::default();
        // The most recent answer: whichever description is one (the remote one by default).
        let (answer, other) = match (local, remote) {
            (Some(l), Some(r)) if is_answer(l) && !is_answer(r) => (Some(l), Some(r)),
            (l, r) => (r.or(l), if r.is_some() { l } else { None }),
        };
        let count = local
            .map_or(0, |s| s.media().len())
            .max(remote.map_or(0, |s| s.media().len()));
        for index in 0..count {
            let ours = local.and_then(|s| s.media().get(index));
            let theirs = remote.and_then(|s| s.media().get(index));
            let base = ours.or(theirs);
            let Some(base) = base else { continue };
            let session_ufrag = local.and_then(|s| s.first::<IceUfrag>().map(|u| u.as_str()));
            let session_pwd = local.and_then(|s| s.first::<IcePwd>().map(|p| p.as_str()));
            let in_answer = answer.and_then(|s| s.media().get(index));
            let in_other = other.and_then(|s| s.media().get(index));
            let first_codec = base.codecs().into_iter().next();
            let ssrcs: Vec<Ssrc<'_>> = ours
                .map(|m| m.typed::<Ssrc>().collect())
                .unwrap_or_default();
            let mut ids: Vec<u32> = Vec::new();
            for s in &ssrcs {
                if !ids.contains(&s.ssrc) {
                    ids.push(s.ssrc);
                }
            }
            if out.cname.is_none() {
                out.cname = ssrcs.iter().find_map(|s| s.cname()).map(str::to_owned);
            }
            let slot = PrevSlot {
                kind: base.kind().to_owned(),
                mid: base.mid().map(str::to_owned),
                proto: base
                    .media_line()
                    .map(|l| l.proto.to_owned())
                    .unwrap_or_default(),
                disabled: [ours, theirs]
                    .iter()
                    .flatten()
                    .any(|m| m.port() == Some(0) && !m.has_attribute("bundle-only")),
                first_format: crate::answer::mline_token(base, 3)
                    .unwrap_or("0")
                    .to_owned(),
                first_rtpmap: first_codec
                    .as_ref()
                    .and_then(|c| c.rtpmap())
                    .map(|r| r.to_string()),
                ufrag: ours
                    .and_then(|m| m.first::<IceUfrag>().map(|u| u.as_str()))
                    .or(session_ufrag)
                    .map(str::to_owned),
                pwd: ours
                    .and_then(|m| m.first::<IcePwd>().map(|p| p.as_str()))
                    .or(session_pwd)
                    .map(str::to_owned),
                msid: ours.and_then(|m| m.first::<Msid>()).map(|m| m.to_string()),
                ssrcs: ids,
                answer_codecs: in_answer.map(codecs_of).unwrap_or_default(),
                other_codecs: in_other.map(codecs_of).unwrap_or_default(),
                answer_rtcp_rsize: in_answer.is_some_and(|m| m.has_attribute("rtcp-rsize")),
            };
            out.slots.push(slot);
        }
        for session in [answer, other].into_iter().flatten() {
            let session_extmaps: Vec<Extmap<'_>> = session.typed::<Extmap>().collect();
            for media in session.media() {
                if let Some(mid) = media.mid() {
                    out.mids.insert(mid.to_owned());
                }
                for e in media
                    .typed::<Extmap>()
                    .chain(session_extmaps.iter().copied())
                {
                    if !out.extmaps.iter().any(|(uri, _)| uri == e.uri) {
                        out.extmaps.push((e.uri.to_owned(), e.id));
                    }
                }
                for c in media.codecs() {
                    out.payload_types.insert(c.payload_type);
                }
            }
        }
        out.answer_group = answer.and_then(|a| {
            a.typed::<Group>()
                .find(|g| g.semantics() == GroupSemantics::Bundle)
                .map(|g| g.mids().map(str::to_owned).collect())
        });
        out.origin = local.and_then(|l| l.origin()).map(|o| {
            (
                o.username.to_owned(),
                o.session_id.to_owned(),
                o.session_version_u64().unwrap_or_default(),
            )
        });
        out
    }
}
