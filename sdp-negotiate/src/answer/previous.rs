//! What a subsequent answer keeps from our previous one (rulebook A17, A18, E8).

use std::collections::HashMap;

use sdp_core::attr::bundle::{Group, GroupSemantics, Mid};
use sdp_core::attr::dtls::{Setup, TlsId};
use sdp_core::attr::ice::{IcePwd, IceUfrag};
use sdp_core::attr::msid::Msid;
use sdp_core::attr::ssrc::Ssrc;
use sdp_core::Session;

/// Per-mid state of our previous answer.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreviousSection {
    pub(crate) ufrag: Option<String>,
    pub(crate) pwd: Option<String>,
    pub(crate) setup: Option<Setup>,
    pub(crate) tls_id: Option<String>,
    /// `a=msid` value (stream and track), kept for transceivers that still send (E8).
    pub(crate) msid: Option<String>,
    /// Our SSRCs in order of appearance (primary first).
    pub(crate) ssrcs: Vec<u32>,
}

/// Our previous answer, digested.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreviousAnswer {
    pub(crate) sections: HashMap<String, PreviousSection>,
    /// `o=` username, session id and version.
    pub(crate) origin: Option<(String, String, u64)>,
    /// BUNDLE groups (tag first).
    pub(crate) bundle_groups: Vec<Vec<String>>,
    /// The text after the `v=` and `o=` lines: an identical new answer keeps the version (E8, G9).
    pub(crate) body: String,
    /// Our CNAME: the first one in section order (one per session, RFC 7022).
    pub(crate) cname: Option<String>,
}

impl PreviousAnswer {
    pub(crate) fn new(answer: &Session<'_>) -> Self {
        let session_ufrag = answer.first::<IceUfrag>().map(|u| u.as_str().to_owned());
        let session_pwd = answer.first::<IcePwd>().map(|p| p.as_str().to_owned());
        let session_setup = answer.first::<Setup>();
        let mut sections = HashMap::new();
        for media in answer.media() {
            let Some(mid) = media.first::<Mid>() else {
                continue;
            };
            let ssrcs: Vec<Ssrc<'_>> = media.typed::<Ssrc>().collect();
            let mut ids: Vec<u32> = Vec::new();
            for s in &ssrcs {
                if !ids.contains(&s.ssrc) {
                    ids.push(s.ssrc);
                }
            }
            sections.insert(
                mid.as_str().to_owned(),
                PreviousSection {
                    ufrag: media
                        .first::<IceUfrag>()
                        .map(|u| u.as_str().to_owned())
                        .or_else(|| session_ufrag.clone()),
                    pwd: media
                        .first::<IcePwd>()
                        .map(|p| p.as_str().to_owned())
                        .or_else(|| session_pwd.clone()),
                    setup: media.first::<Setup>().or(session_setup),
                    tls_id: media.first::<TlsId>().map(|t| t.as_str().to_owned()),
                    msid: media.first::<Msid>().map(|m| m.to_string()),
                    ssrcs: ids,
                },
            );
        }
        let origin = answer.origin().map(|o| {
            (
                o.username.to_owned(),
                o.session_id.to_owned(),
                o.session_version_u64().unwrap_or_default(),
            )
        });
        let bundle_groups = answer
            .typed::<Group>()
            .filter(|g| g.semantics() == GroupSemantics::Bundle)
            .map(|g| g.mids().map(str::to_owned).collect())
            .collect();
        let body = answer
            .to_string()
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("v=") && !l.starts_with("o="))
            .collect();
        let cname = answer
            .media()
            .iter()
            .find_map(|m| m.typed::<Ssrc>().find_map(|s| s.cname().map(str::to_owned)));
        PreviousAnswer {
            sections,
            origin,
            bundle_groups,
            body,
            cname,
        }
    }

    /// Our previous state for `mid`.
    pub(crate) fn section(&self, mid: Option<&str>) -> Option<&PreviousSection> {
        self.sections.get(mid?)
    }
}
