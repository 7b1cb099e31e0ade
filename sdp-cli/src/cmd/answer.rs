//! `sdp answer`: answer an offer as a configured endpoint.

use std::io::Write;

use sdp_negotiate::{answer_with, AnswerOptions, SectionOutcome};

use super::{config::EndpointArgs, parse_description as parse};
use crate::{Failure, Outcome};

/// Answer an offer: prints the answer SDP on stdout.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// Our previous answer in this session: keeps ICE credentials, DTLS role, tls-id, mids and
    /// the o= line (a subsequent answer).
    #[arg(long, value_name = "FILE")]
    previous_answer: Option<String>,
    /// The offer the previous answer answered: lets an ICE restart in the new offer be seen.
    #[arg(long, value_name = "FILE", requires = "previous_answer")]
    previous_offer: Option<String>,
    /// Print the per-m-section decisions on stderr.
    #[arg(long)]
    explain: bool,
    /// The offer (a file or `-`).
    #[arg(value_name = "OFFER")]
    offer: String,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let config = args.endpoint.config()?;
    let offer_input = sdp_cli::input::read_one(&args.offer).map_err(Failure::new)?;
    let offer = parse(&offer_input)?;
    let previous_input = args
        .previous_answer
        .as_deref()
        .map(sdp_cli::input::read_one)
        .transpose()
        .map_err(Failure::new)?;
    let previous = previous_input.as_ref().map(parse).transpose()?;
    let previous_offer_input = args
        .previous_offer
        .as_deref()
        .map(sdp_cli::input::read_one)
        .transpose()
        .map_err(Failure::new)?;
    let previous_offer = previous_offer_input.as_ref().map(parse).transpose()?;
    if previous.is_some() && previous_offer.is_none() {
        let _ = writeln!(
            std::io::stderr(),
            "sdp: note: without --previous-offer an ICE restart in this offer cannot be seen; \
             the previous answer's ICE credentials are kept"
        );
    }
    if previous.is_some() && config.dtls.certificate_file.is_none() {
        // Without a configured certificate each run generates one, so the fingerprint
        // cannot be the previous answer's; say so rather than let the change surprise.
        let _ = writeln!(
            std::io::stderr(),
            "sdp: note: no certificate is configured, so this answer announces a new DTLS \
             fingerprint; a config with [dtls] certificate_file keeps it"
        );
    }
    let options = AnswerOptions {
        previous_answer: previous.as_ref(),
        previous_offer: previous_offer.as_ref(),
        ..AnswerOptions::default()
    };
    let answer = answer_with(&offer, &config, &options)
        .map_err(|e| Failure::new(format!("{}: cannot answer: {e}", offer_input.label)))?;
    if args.explain {
        let mut err = std::io::stderr().lock();
        for section in &answer.negotiated.sections {
            // Explanations are best effort: a closed stderr must not lose the answer.
            let _ = writeln!(err, "{}", explain(section));
        }
    }
    answer.session.write_io(out)?;
    Ok(Outcome::Clean)
}

/// One line per m-section: what was agreed, or why it was rejected.
fn explain(section: &SectionOutcome) -> String {
    match section {
        SectionOutcome::Rejected(r) => format!(
            "m[{}] {} mid={}: rejected: {}",
            r.index,
            r.media,
            r.mid.as_deref().unwrap_or("-"),
            r.reason
        ),
        SectionOutcome::Accepted(a) => {
            let mut parts = vec![format!("{}", a.direction)];
            if !a.codecs.is_empty() {
                let codecs: Vec<String> = a
                    .codecs
                    .iter()
                    .map(|c| format!("{} {}/{}", c.payload_type, c.name, c.clock_rate))
                    .collect();
                parts.push(format!("codecs {}", codecs.join(", ")));
            }
            if !a.extensions.is_empty() {
                parts.push(format!("{} header extensions", a.extensions.len()));
            }
            let t = &a.transport;
            if let Some(group) = t.bundle_group {
                parts.push(format!(
                    "BUNDLE group {group}{}",
                    if t.owns_transport {
                        " (owns the transport)"
                    } else {
                        ""
                    }
                ));
            }
            if let Some(role) = t.dtls_role {
                parts.push(format!("DTLS {role:?}").to_lowercase());
            }
            if t.rtcp_mux {
                parts.push("rtcp-mux".to_owned());
            }
            if t.ice_restart {
                parts.push("ICE restart".to_owned());
            }
            if let Some(sctp) = &a.sctp {
                parts.push(format!(
                    "SCTP port {} (remote {}, max-message-size {}{})",
                    sctp.local_port,
                    sctp.remote_port,
                    sctp.remote_max_message_size,
                    if sctp.legacy { ", legacy sctpmap" } else { "" }
                ));
            }
            if let Some(sim) = &a.simulcast {
                parts.push(format!(
                    "simulcast recv {} send {}",
                    sim.recv.join(";"),
                    sim.send.join(";")
                ));
            }
            format!(
                "m[{}] {} mid={}: accepted: {}",
                a.index,
                a.kind,
                a.mid.as_deref().unwrap_or("-"),
                parts.join("; ")
            )
        }
    }
}
