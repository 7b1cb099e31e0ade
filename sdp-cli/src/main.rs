//! `sdp`: validate, diff, format, convert and negotiate SDP (RFC 8866, JSEP RFC 9429, RFC 3264).
//!
//! A thin layer over `sdp-core`, `sdp-negotiate` and the `sdp_cli` library: one file per
//! command in `cmd/`. Exit codes: 0 clean, 1 findings or differences, 2 usage or I/O error (one
//! line on stderr).
#![forbid(unsafe_code)]

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod cmd;

/// Validate, diff, format, convert and negotiate SDP (RFC 8866; WebRTC JSEP RFC 9429; SIP RFC 3264).
///
/// Inputs are files, `-` for standard input, directories (every *.sdp below them), and the SDPs
/// inside chrome://webrtc-internals dumps and SIP messages or traces.
#[derive(Debug, Parser)]
#[command(name = "sdp", version, max_term_width = 100)]
pub(crate) struct Cli {
    /// When to colour human output (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Human text or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Format {
    /// Text for people.
    #[default]
    Human,
    /// JSON for scripts.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(cmd::validate::Args),
    Explain(cmd::explain::Args),
    Diff(cmd::diff::Args),
    Fmt(cmd::fmt::Args),
    Json(cmd::json::Args),
    FromJson(cmd::from_json::Args),
    Summary(cmd::summary::Args),
    Anonymize(cmd::anonymize::Args),
    Answer(cmd::answer::Args),
    Offer(cmd::offer::Args),
    CheckAnswer(cmd::check_answer::Args),
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

/// What a command gives back: success or findings (exit 1); errors are [`Failure`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: findings, differences, a non-canonical input.
    Findings,
}

/// A usage or I/O error: exit 2 with one line on stderr.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input, a missing file, an invalid config: the message says which.
    Usage(String),
    /// Writing the output failed.
    Output(io::Error),
}

impl Failure {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Failure::Usage(message.into())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<sdp_cli::input::InputError> for Failure {
    fn from(e: sdp_cli::input::InputError) -> Self {
        Failure::Usage(e.to_string())
    }
}

/// What every command gets besides its arguments.
pub(crate) struct Env {
    /// Whether human output is coloured.
    pub(crate) color: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal()
                && !std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
        }
    };
    let env = Env { color };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &env, &mut out).and_then(|outcome| {
        out.flush()?;
        Ok(outcome)
    });
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        // A reader that stops early (`sdp validate dir | head`) is not an error of ours.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            let _ = writeln!(io::stderr(), "sdp: error: cannot write the output: {e}");
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            let _ = writeln!(io::stderr(), "sdp: error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout (exit 0). A usage error is one line on stderr (exit 2), as
/// every other error: clap's own message adds a usage block and a hint over several lines.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        // `sdp` alone: the help is the useful answer, but it is still a usage error.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let text = e.render().to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let mut message = lines
                .next()
                .unwrap_or("invalid arguments")
                .trim_start_matches("error: ")
                .to_owned();
            // "the following required arguments were not provided:" names them on the next line.
            if message.ends_with(':') {
                if let Some(next) = lines.next() {
                    message.push(' ');
                    message.push_str(next);
                }
            }
            let _ = writeln!(io::stderr(), "sdp: error: {message} (see `sdp --help`)");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, env: &Env, out: &mut dyn Write) -> Result<Outcome, Failure> {
    match command {
        Command::Validate(args) => cmd::validate::run(args, env, out),
        Command::Explain(args) => cmd::explain::run(args, out),
        Command::Diff(args) => cmd::diff::run(args, env, out),
        Command::Fmt(args) => cmd::fmt::run(args, out),
        Command::Json(args) => cmd::json::run(args, out),
        Command::FromJson(args) => cmd::from_json::run(args, out),
        Command::Summary(args) => cmd::summary::run(args, out),
        Command::Anonymize(args) => cmd::anonymize::run(args, out),
        Command::Answer(args) => cmd::answer::run(args, out),
        Command::Offer(args) => cmd::offer::run(args, out),
        Command::CheckAnswer(args) => cmd::check_answer::run(args, env, out),
        Command::Completions(args) => cmd::completions::run(args, out),
        Command::Man(args) => cmd::man::run(args, out),
    }
}
