//! `sdp validate`: rustc-style diagnostics, JSON or SARIF for every input.

use std::io::Write;

use clap::ValueEnum;
use sdp_cli::render::{self, Style};
use sdp_cli::report::{check, CheckOptions, Report};
use sdp_core::validate::Profile;

use crate::{Env, Failure, Outcome};

/// Check SDPs against the grammar and the rules of a profile.
///
/// Exit 1 when an input has an error (or a warning, with --deny-warnings).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The rules to apply; auto picks from the content (ICE or fingerprint: webrtc; ts-refclk or
    /// mediaclk: st2110; RTP/AVP without ICE: sip; else rfc8866).
    #[arg(long, value_enum, default_value_t = ProfileArg::Auto)]
    profile: ProfileArg,
    /// Parse strictly: quirks the lenient parser accepts with a warning become errors.
    #[arg(long)]
    strict: bool,
    /// Exit 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ValidateFormat::Human)]
    format: ValidateFormat,
    /// Files, directories (every *.sdp below), `-` for stdin, webrtc-internals dumps, SIP traces.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProfileArg {
    Auto,
    Rfc8866,
    Webrtc,
    Sip,
    St2110,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Auto => Profile::Auto,
            ProfileArg::Rfc8866 => Profile::Rfc8866,
            ProfileArg::Webrtc => Profile::Webrtc,
            ProfileArg::Sip => Profile::Sip,
            ProfileArg::St2110 => Profile::St2110,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ValidateFormat {
    /// rustc-style diagnostics.
    Human,
    /// A JSON array, one object per input.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

pub(crate) fn run(args: Args, env: &Env, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let inputs = super::read_all(&args.inputs)?;
    let options = CheckOptions {
        profile: args.profile.into(),
        strict: args.strict,
    };
    let style = Style { color: env.color };
    let mut reports: Vec<Report> = Vec::with_capacity(inputs.len());
    let mut failed = 0usize;
    for input in &inputs {
        let report = check(input, &options);
        failed += usize::from(report.fails(args.deny_warnings));
        // Human output streams, so a directory of thousands shows progress.
        if args.format == ValidateFormat::Human {
            render::human::write_report(out, &report, style)?;
        } else {
            reports.push(report);
        }
    }
    match args.format {
        ValidateFormat::Human => {
            if inputs.len() > 1 {
                let verdict = match failed {
                    0 => "all ok".to_owned(),
                    n => format!("{n} failed"),
                };
                writeln!(out, "{} inputs checked: {verdict}", inputs.len())?;
            }
        }
        ValidateFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &render::json::reports_value(&reports, args.deny_warnings),
            )
            .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ValidateFormat::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &render::sarif::sarif_value(&reports))
                .map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(if failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
