//! `sdp check-answer`: whether an answer is legal for an offer (rulebook section F).

use std::io::Write;

use sdp_negotiate::{check_answer, Severity};

use super::parse_description as parse;
use crate::{Env, Failure, Format, Outcome};

/// Check an answer against its offer; exit 1 on any error.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// The offer.
    #[arg(value_name = "OFFER")]
    offer: String,
    /// The answer.
    #[arg(value_name = "ANSWER")]
    answer: String,
}

pub(crate) fn run(args: Args, env: &Env, out: &mut dyn Write) -> Result<Outcome, Failure> {
    super::stdin_once(&args.offer, &args.answer)?;
    let offer_input = sdp_cli::input::read_one(&args.offer).map_err(Failure::new)?;
    let answer_input = sdp_cli::input::read_one(&args.answer).map_err(Failure::new)?;
    let offer = parse(&offer_input)?;
    let answer = parse(&answer_input)?;
    let violations = check_answer(&offer, &answer);
    let errors = violations
        .iter()
        .filter(|v| v.severity == Severity::Error)
        .count();
    match args.format {
        crate::Format::Json => {
            let value = serde_json::json!({
                "offer": offer_input.label,
                "answer": answer_input.label,
                "ok": errors == 0,
                "violations": violations,
            });
            serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        crate::Format::Human => {
            let style = sdp_cli::render::Style { color: env.color };
            for v in &violations {
                let severity = match v.severity {
                    Severity::Error => style.paint(31, "error"),
                    Severity::Warning => style.paint(33, "warning"),
                    Severity::Info => style.paint(36, "info"),
                };
                let at = v
                    .media
                    .map_or_else(String::new, |m| format!(" m-section {m}:"));
                writeln!(out, "{severity}[{}]{at} {}", v.rule, v.message)?;
            }
            let warnings = violations.len() - errors;
            if violations.is_empty() {
                writeln!(
                    out,
                    "{}: legal for {}",
                    answer_input.label, offer_input.label
                )?;
            } else {
                writeln!(
                    out,
                    "{}: {errors} error(s), {warnings} warning(s) or note(s) against {}",
                    answer_input.label, offer_input.label
                )?;
            }
        }
    }
    Ok(if errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
