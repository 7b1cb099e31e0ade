//! BUNDLE groups and tags (rulebook A19-A24), and one transport per group or unbundled section
//! with ICE credentials (A11, E6) and a DTLS role (A16, A17).

use sdp_core::attr::dtls::Setup;

use super::offer::OfferView;
use super::plan::Plan;
use super::previous::PreviousAnswer;
use super::AnswerOptions;
use crate::config::Config;
use crate::error::NegotiationError;
use crate::ice::IceCredentials;
use crate::negotiated::{DtlsRole, Mode, RejectReason};

/// The answer's BUNDLE groups.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    /// Each group's member sections, the tagged one first (A20).
    pub(crate) groups: Vec<Vec<usize>>,
    /// For each section, its group.
    pub(crate) membership: Vec<Option<usize>>,
}

impl Groups {
    /// Whether `index` is the BUNDLE-tagged section of its group.
    pub(crate) fn is_tag(&self, index: usize) -> bool {
        self.membership
            .get(index)
            .copied()
            .flatten()
            .and_then(|g| self.groups.get(g))
            .and_then(|g| g.first())
            == Some(&index)
    }
}

/// A19-A23: decides the answer's groups and rejects what cannot be bundled.
pub(crate) fn resolve(
    view: &OfferView<'_>,
    plans: &mut [Plan],
    config: &Config,
    mode: Mode,
    previous: Option<&PreviousAnswer>,
) -> Groups {
    let mut out = Groups {
        groups: Vec::new(),
        membership: vec![None; plans.len()],
    };
    let mut claimed = vec![false; plans.len()];
    if mode == Mode::Jsep {
        for offered in &view.bundle_groups {
            // A mid in two offered groups belongs to the first (the validator flags the offer).
            let members: Vec<usize> = offered
                .iter()
                .filter_map(|mid| view.by_mid(mid).map(|s| s.index))
                .filter(|&i| {
                    claimed
                        .get_mut(i)
                        .is_some_and(|c| !std::mem::replace(c, true))
                })
                .collect();
            if members.is_empty() {
                continue;
            }
            let usable = |i: usize, plans: &[Plan]| {
                let accepted = matches!(plans.get(i), Some(Plan::Accepted(p)) if p.has_transport);
                let bundle_only = view
                    .sections
                    .get(i)
                    .is_some_and(|s| s.bundle_only && s.port() == 0);
                accepted && !bundle_only
            };
            // A22: an established group keeps its tag; losing it rejects the whole group.
            let established = previous.and_then(|p| {
                p.bundle_groups.iter().find_map(|g| {
                    let tag = g.first()?;
                    members
                        .iter()
                        .copied()
                        .find(|&i| view.sections.get(i).and_then(|s| s.mid) == Some(tag.as_str()))
                })
            });
            let first_offered = members.first().copied();
            let tag = match established {
                Some(tag) if !plans.get(tag).is_some_and(Plan::is_accepted) => None,
                Some(tag) => Some(tag),
                // A22 option: JSEP rejects the whole group when the offerer's tag is rejected.
                None if config.compat.jsep_strict
                    && !first_offered.is_some_and(|i| usable(i, plans)) =>
                {
                    None
                }
                // A20: the first usable mid in offer order.
                None => members.iter().copied().find(|&i| usable(i, plans)),
            };
            let Some(tag) = tag else {
                let reason = if established.is_some() || config.compat.jsep_strict {
                    RejectReason::BundleTagRejected
                } else {
                    RejectReason::BundleOnlyNotBundled
                };
                for &i in &members {
                    let bundle_only = view.sections.get(i).is_some_and(|s| s.bundle_only);
                    if let Some(plan) = plans.get_mut(i) {
                        if plan.is_accepted()
                            && (bundle_only || established.is_some() || config.compat.jsep_strict)
                        {
                            *plan = Plan::Rejected(reason.clone());
                        }
                    }
                }
                // A19: keep an empty group when every member is rejected (libwebrtc).
                if config.compat.empty_bundle_group
                    && members
                        .iter()
                        .all(|&i| !plans.get(i).is_some_and(Plan::is_accepted))
                {
                    out.groups.push(Vec::new());
                }
                continue;
            };
            let group_index = out.groups.len();
            let mut group = vec![tag];
            for &i in &members {
                if i != tag && plans.get(i).is_some_and(Plan::is_accepted) {
                    group.push(i);
                }
            }
            for &i in &group {
                if let Some(slot) = out.membership.get_mut(i) {
                    *slot = Some(group_index);
                }
            }
            out.groups.push(group);
        }
    }
    for (i, plan) in plans.iter_mut().enumerate() {
        let bundled = out.membership.get(i).copied().flatten().is_some();
        let Some(s) = view.sections.get(i) else {
            continue;
        };
        match plan {
            // A23: a bundle-only section cannot live outside a group.
            Plan::Accepted(_) if s.bundle_only && !bundled => {
                *plan = Plan::Rejected(RejectReason::BundleOnlyNotBundled)
            }
            // A3(e): an unbundled section owns its transport and needs its attributes.
            Plan::Accepted(p) if mode == Mode::Jsep && !bundled && !p.has_transport => {
                *plan = Plan::Rejected(RejectReason::MissingTransport(
                    "ice-ufrag, ice-pwd or fingerprint".to_owned(),
                ));
            }
            _ => {}
        }
    }
    out
}

/// One transport of the answer (JSEP).
#[derive(Debug, Clone)]
pub(crate) struct TransportPlan {
    pub(crate) ice: IceCredentials,
    pub(crate) ice_restart: bool,
    pub(crate) role: DtlsRole,
    pub(crate) remote_ufrag: Option<String>,
    pub(crate) remote_pwd: Option<String>,
    pub(crate) remote_fingerprints: Vec<String>,
    pub(crate) ice_options: Vec<String>,
    pub(crate) tls_id: Option<String>,
}

/// The transports, and which one each section uses (rejected sections included, for A4).
#[derive(Debug, Default)]
pub(crate) struct Transports {
    pub(crate) transports: Vec<TransportPlan>,
    pub(crate) of_section: Vec<Option<usize>>,
}

pub(crate) fn transports(
    view: &OfferView<'_>,
    plans: &[Plan],
    groups: &Groups,
    config: &Config,
    mode: Mode,
    options: &AnswerOptions<'_>,
    previous: Option<&PreviousAnswer>,
) -> Result<Transports, NegotiationError> {
    let mut out = Transports {
        transports: Vec::new(),
        of_section: vec![None; plans.len()],
    };
    if mode != Mode::Jsep {
        return Ok(out);
    }
    // The previous remote offer, read the way the current one is (session level inherited).
    let prev_offer = options.previous_offer.map(OfferView::new);
    for group in &groups.groups {
        let Some(&tag) = group.first() else { continue };
        let t = transport_for(view, tag, config, prev_offer.as_ref(), previous)?;
        out.transports.push(t);
        for &i in group {
            if let Some(slot) = out.of_section.get_mut(i) {
                *slot = Some(out.transports.len() - 1);
            }
        }
    }
    for (i, plan) in plans.iter().enumerate() {
        let unassigned = out.of_section.get(i).is_some_and(Option::is_none);
        // Unbundled accepted sections own a transport; rejected ones share the first (A4).
        if unassigned && plan.is_accepted() {
            let t = transport_for(view, i, config, prev_offer.as_ref(), previous)?;
            out.transports.push(t);
            if let Some(slot) = out.of_section.get_mut(i) {
                *slot = Some(out.transports.len() - 1);
            }
        }
    }
    if config.compat.rejected_transport_attrs {
        let fallback = match out.transports.first() {
            Some(_) => 0,
            None => {
                let first =
                    (0..plans.len()).find(|&i| view.sections.get(i).is_some_and(|s| !s.disabled()));
                let t = transport_for(
                    view,
                    first.unwrap_or(0),
                    config,
                    prev_offer.as_ref(),
                    previous,
                )?;
                out.transports.push(t);
                0
            }
        };
        for slot in &mut out.of_section {
            if slot.is_none() {
                *slot = Some(fallback);
            }
        }
    }
    Ok(out)
}

fn transport_for(
    view: &OfferView<'_>,
    index: usize,
    config: &Config,
    prev_offer: Option<&OfferView<'_>>,
    previous: Option<&PreviousAnswer>,
) -> Result<TransportPlan, NegotiationError> {
    let s = view.sections.get(index);
    let mid = s.and_then(|s| s.mid);
    let before = previous.and_then(|p| p.section(mid));
    // The same section of the previous offer: by mid, else by position.
    let old = match (prev_offer, s) {
        (Some(prev), Some(s)) => match s.mid {
            Some(mid) => prev.by_mid(mid),
            None => prev.sections.get(s.index),
        },
        _ => None,
    };
    // E6: the offer restarts ICE when its credentials differ from the previous offer's.
    let ice_restart = match (old, s) {
        (Some(old), Some(s)) => old.ufrag.is_some() && (old.ufrag != s.ufrag || old.pwd != s.pwd),
        _ => false,
    };
    // A11, E8: keep our credentials unless the transport restarts.
    let ice = match before {
        Some(b) if !ice_restart => match (&b.ufrag, &b.pwd) {
            (Some(ufrag), Some(pwd)) => IceCredentials {
                ufrag: ufrag.clone(),
                pwd: pwd.clone(),
            },
            _ => IceCredentials::from_config(&config.ice)?,
        },
        _ => IceCredentials::from_config(&config.ice)?,
    };
    // A16, A17: active to actpass unless we are already the DTLS server.
    let role = match s.and_then(|s| s.setup) {
        Some(Setup::Active) => DtlsRole::Server,
        Some(Setup::Passive) => DtlsRole::Client,
        _ => match before.and_then(|b| b.setup) {
            Some(Setup::Passive) => DtlsRole::Server,
            _ => DtlsRole::Client,
        },
    };
    // A12: echo only the offered options we support.
    let ice_options = s
        .map(|s| {
            s.ice_options
                .iter()
                .filter(|o| config.ice.options.iter().any(|c| c == *o))
                .map(|o| (*o).to_owned())
                .collect()
        })
        .unwrap_or_default();
    // A18: tls-id only when offered; kept unless the offerer changed its own.
    let tls_id = match s.and_then(|s| s.tls_id) {
        None => None,
        Some(theirs) => {
            let offerer_kept = old.and_then(|o| o.tls_id) == Some(theirs);
            match before.and_then(|b| b.tls_id.clone()) {
                Some(ours) if offerer_kept => Some(ours),
                _ => Some(crate::ice::random_ice_string(32)?),
            }
        }
    };
    Ok(TransportPlan {
        ice,
        ice_restart,
        role,
        remote_ufrag: s.and_then(|s| s.ufrag).map(str::to_owned),
        remote_pwd: s.and_then(|s| s.pwd).map(str::to_owned),
        remote_fingerprints: s
            .map(|s| s.fingerprints.iter().map(ToString::to_string).collect())
            .unwrap_or_default(),
        ice_options,
        tls_id,
    })
}
