//! `sdp explain CODE`: the catalogue text of a lint.

use std::io::Write;

use sdp_core::validate::{catalogue, lookup, LintInfo};

use crate::{Failure, Outcome};

/// Explain a diagnostic code (e.g. SDP0203) or lint name (e.g. duplicate-mid).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format (JSON: the lint's fields; for `list`, an array of them).
    #[arg(long, value_enum, default_value_t)]
    format: crate::Format,
    /// The code or name; `list` prints every code with its title.
    #[arg(value_name = "CODE")]
    code: String,
}

/// A lint as JSON.
fn lint_value(lint: &LintInfo) -> serde_json::Value {
    serde_json::json!({
        "code": lint.code,
        "name": lint.name,
        "severity": lint.severity.as_str(),
        "profiles": lint.profiles_text(),
        "rfc": lint.rfc,
        "title": lint.title,
        "explanation": lint.explanation,
        "wrong": lint.wrong,
        "right": lint.right,
    })
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.format == crate::Format::Json {
        let value = if args.code == "list" {
            serde_json::Value::Array(catalogue().into_iter().map(lint_value).collect())
        } else {
            lint_value(lookup(args.code.trim()).ok_or_else(|| unknown(&args.code))?)
        };
        serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(Outcome::Clean);
    }
    if args.code == "list" {
        for lint in catalogue() {
            writeln!(
                out,
                "{} {:<8} {:<36} {}",
                lint.code,
                lint.severity.as_str(),
                lint.name,
                lint.title
            )?;
        }
        return Ok(Outcome::Clean);
    }
    match lookup(args.code.trim()) {
        Some(lint) => {
            out.write_all(lint.explain().as_bytes())?;
            if !lint.explain().ends_with('\n') {
                writeln!(out)?;
            }
            Ok(Outcome::Clean)
        }
        None => Err(unknown(&args.code)),
    }
}

fn unknown(code: &str) -> Failure {
    Failure::new(format!(
        "no lint has the code or name `{code}`; `sdp explain list` lists them"
    ))
}
