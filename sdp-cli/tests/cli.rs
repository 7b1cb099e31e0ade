//! Runs the real `sdp` binary: every command and option, exit codes, and bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example(name: &str) -> String {
    root().join("examples").join(name).display().to_string()
}

fn sdp() -> Command {
    let mut cmd = Command::cargo_bin("sdp").unwrap();
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    sdp().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], stdin: impl Into<Vec<u8>>) -> Output {
    sdp().args(args).write_stdin(stdin).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed by a signal")
}

/// A usage or I/O error: exit 2, one line on stderr, no panic or backtrace.
fn assert_usage_error(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(code(o), 2, "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(err.starts_with("sdp: error: "), "{err}");
    assert!(err.contains(needle), "{needle:?} not in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn temp(name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sdp-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

const CLEAN_SIP: &str = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n";

// ---- validate ----

#[test]
fn validate_clean_examples_exit_0() {
    let o = run(&[
        "validate",
        "examples/chrome-offer.sdp",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "examples/chrome-offer.sdp: ok (profile webrtc, 3 media sections)\n\
         examples/sip-phone-offer.sdp: ok (profile sip, 1 media section)\n\
         2 inputs checked: all ok\n"
    );
}

#[test]
fn validate_broken_example_shows_rustc_style_diagnostics_and_exits_1() {
    let o = run(&["validate", "examples/broken-offer.sdp"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains(
            "error[SDP0301]: `a=ice-ufrag` has 3 characters\n \
         --> examples/broken-offer.sdp:8:13\n  |\n\
         8 | a=ice-ufrag:abc\n  |             ^^^\n  \
         = help: use 4 to 256 letters, digits, `+` or `/`\n  \
         = note: RFC 8839 §5.4 (ice-ufrag-length); `sdp explain SDP0301` tells more\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with(
            "examples/broken-offer.sdp: 9 errors, 2 warnings (profile webrtc, 2 media sections)\n"
        ),
        "{out}"
    );
    // No colour into a pipe.
    assert!(!out.contains('\x1b'));
}

#[test]
fn validate_colour_is_forced_or_refused() {
    let o = run(&["--color", "always", "validate", "examples/broken-offer.sdp"]);
    assert!(stdout(&o).contains("\x1b[1;31merror\x1b[0m"));
    let o = run(&["validate", "--color", "never", "examples/broken-offer.sdp"]);
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn validate_profile_strict_and_deny_warnings() {
    // The Firefox answer has one warning: clean unless warnings are denied.
    let o = run(&["validate", "examples/firefox-answer.sdp"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = run(&["validate", "--deny-warnings", "examples/firefox-answer.sdp"]);
    assert_eq!(code(&o), 1);
    // An empty `s=` is a quirk the lenient parser accepts and the strict one refuses.
    let empty_name = CLEAN_SIP.replace("s=-", "s=");
    assert_eq!(code(&run_stdin(&["validate", "-"], empty_name.clone())), 0);
    let o = run_stdin(&["validate", "--strict", "-"], empty_name);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("(not parsed)"), "{}", stdout(&o));
    // A forced profile applies its rules: a SIP offer checked as WebRTC lacks ICE and DTLS.
    let o = run(&[
        "validate",
        "--profile",
        "webrtc",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("(profile webrtc,"), "{}", stdout(&o));
    let o = run(&[
        "validate",
        "--profile",
        "st2110",
        "examples/st2110-sender.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let o = run(&[
        "validate",
        "--profile",
        "rfc8866",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0);
    let o = run(&[
        "validate",
        "--profile",
        "sip",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0);
    let o = run(&[
        "validate",
        "--profile",
        "nope",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 2);
}

#[test]
fn validate_json_is_one_object_per_input() {
    let o = run(&[
        "validate",
        "--format",
        "json",
        "examples/broken-offer.sdp",
        "examples/chrome-offer.sdp",
    ]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let inputs = v.as_array().unwrap();
    assert_eq!(inputs.len(), 2);
    assert_eq!(inputs[0]["ok"], false);
    assert_eq!(inputs[0]["errors"], 9);
    assert_eq!(inputs[0]["diagnostics"][2]["code"], "SDP0301");
    assert_eq!(inputs[0]["diagnostics"][2]["line"], 8);
    assert_eq!(inputs[1]["ok"], true);
    assert_eq!(inputs[1]["profile"], "webrtc");
}

#[test]
fn validate_sarif_is_sarif_2_1_0() {
    let o = run(&["validate", "--format", "sarif", "examples/broken-offer.sdp"]);
    assert_eq!(code(&o), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 11);
    let r = &results[2];
    assert_eq!(r["ruleId"], "SDP0301");
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "examples/broken-offer.sdp"
    );
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
}

#[test]
fn validate_reads_stdin_and_directories() {
    let o = run_stdin(&["validate", "-"], CLEAN_SIP);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "<stdin>: ok (profile sip, 1 media section)\n");
    let o = run(&["validate", "examples"]);
    assert_eq!(code(&o), 1, "broken-offer.sdp is in examples/");
    // A file of a directory that holds no SDP is named on stderr and skipped; the rest is checked.
    let dir = temp("walk/a.sdp", CLEAN_SIP).parent().unwrap().to_owned();
    std::fs::write(
        dir.join("b.sdp"),
        "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n",
    )
    .unwrap();
    let walked = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(code(&walked), 0, "{}", stderr(&walked));
    assert!(
        stderr(&walked).contains("b.sdp: a SIP message without any SDP; skipped"),
        "{}",
        stderr(&walked)
    );
    let out = stdout(&o);
    assert!(out.ends_with("5 inputs checked: 1 failed\n"), "{out}");
}

#[test]
fn validate_sip_trace_points_into_the_trace() {
    let trace = format!(
        "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1\r\n\
         Content-Type: application/sdp\r\n\r\n{}",
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"
    );
    let path = temp("call.txt", trace);
    let o = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    // The m= line is line 9 of the trace (line 5 of the body).
    assert!(out.contains(":9:1\n"), "{out}");
    assert!(out.contains("9 | m=audio 49170 RTP/AVP 0\n"), "{out}");
    assert!(
        out.contains("(message 1: INVITE, line 5): 1 error"),
        "{out}"
    );
}

#[test]
fn validate_webrtc_internals_dump_labels_each_description() {
    let chrome = std::fs::read_to_string(example("chrome-offer.sdp")).unwrap();
    let dump = serde_json::json!({
        "getUserMedia": [],
        "PeerConnections": {"123-1": {"updateLog": [
            {"time": "10:00:00.001", "type": "createOffer", "value": "offerToReceiveAudio: true"},
            {"time": "10:00:00.002", "type": "createOfferOnSuccess", "value": format!("type: offer, sdp: {chrome}")},
            {"time": "10:00:00.003", "type": "setRemoteDescription", "value": "type: answer, sdp: v=0\r\no=x\r\n"}
        ]}}
    });
    let path = temp("dump.json", dump.to_string());
    let o = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("(connection 123-1, createOfferOnSuccess offer at 10:00:00.002): ok (profile webrtc, 3 media sections)"), "{out}");
    assert!(
        out.contains("(connection 123-1, setRemoteDescription answer at 10:00:00.003): "),
        "{out}"
    );
    // Its findings point at the description (the dump's lines are not the SDP's).
    let bad = out.lines().find(|l| l.contains("--> ")).unwrap();
    assert!(
        bad.contains("(connection 123-1, setRemoteDescription answer at 10:00:00.003):2:"),
        "{bad}"
    );
    let sarif = run(&["validate", "--format", "sarif", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert!(result["locations"][0]["physicalLocation"]["region"].is_null());
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("setRemoteDescription answer at 10:00:00.003) (SDP line 2,"));
    // DUMP#N picks one description for the commands that take one SDP.
    let picked = run(&["summary", &format!("{}#1", path.display())]);
    assert_eq!(code(&picked), 0, "{}", stderr(&picked));
    assert!(
        stdout(&picked).contains("createOfferOnSuccess offer"),
        "{}",
        stdout(&picked)
    );
    assert_usage_error(
        &run(&["anonymize", path.to_str().unwrap()]),
        "holds 2 SDPs where one is expected; `",
    );
    assert_usage_error(
        &run(&["anonymize", &format!("{}#3", path.display())]),
        "the file holds 2 SDPs; pick one from 1 to 2",
    );
    assert_eq!(
        code(&run(&["anonymize", &format!("{}#1", path.display())])),
        0
    );
    let empty = temp("empty-dump.json", r#"{"PeerConnections": {}}"#);
    assert_usage_error(
        &run(&["validate", empty.to_str().unwrap()]),
        "webrtc-internals dump without any SDP",
    );
}

#[test]
fn validate_bad_inputs() {
    assert_usage_error(
        &run(&["validate", "no/such/file.sdp"]),
        "cannot read no/such/file.sdp",
    );
    // Empty input, binary garbage: findings (exit 1), not crashes.
    let o = run_stdin(&["validate", "-"], "");
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("error[SDP0002]"), "{}", stdout(&o));
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let o = run_stdin(&["validate", "-"], garbage);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("error[SDP0001]"), "{}", stdout(&o));
    let o = run(&["validate"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn validate_a_10_mb_input() {
    let mut text =
        String::from("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n");
    let mut i = 0u32;
    while text.len() < 10 << 20 {
        text.push_str(&format!(
            "m=audio {} UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 192.0.2.1\r\na=mid:m{i}\r\na=rtpmap:111 opus/48000/2\r\n",
            10000 + (i % 50000)
        ));
        for c in 0..300 {
            text.push_str(&format!(
                "a=candidate:{c} 1 udp {} 192.0.2.{} {} typ host\r\n",
                2_000_000_000u32 - c,
                c % 250 + 1,
                20000 + c
            ));
        }
        i += 1;
    }
    let path = temp("huge.sdp", &text);
    let o = run(&["validate", "--format", "json", path.to_str().unwrap()]);
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["media_sections"], i as u64);
}

#[test]
fn validate_the_whole_corpus_with_valid_json() {
    let corpus = root().join("../shared/corpus");
    if !corpus.join("MANIFEST.tsv").exists() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let o = run(&["validate", "--format", "json", corpus.to_str().unwrap()]);
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let n = v.as_array().unwrap().len();
    eprintln!("validated {n} corpus inputs");
    assert!(n >= 578, "{n}");
}

// ---- explain ----

#[test]
fn explain_prints_the_catalogue_text() {
    let o = run(&["explain", "SDP0301"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.starts_with("SDP0301 (ice-ufrag-length): "), "{out}");
    assert!(out.contains("Wrong:") && out.contains("Right:"), "{out}");
    // By name and case-insensitively.
    assert_eq!(stdout(&run(&["explain", "ice-ufrag-length"])), out);
    assert_eq!(stdout(&run(&["explain", "sdp0301"])), out);
    let list = stdout(&run(&["explain", "list"]));
    assert!(list.lines().count() > 130, "{list}");
    assert!(list.contains("SDP0301 error    ice-ufrag-length"), "{list}");
    assert_usage_error(
        &run(&["explain", "SDP9999"]),
        "no lint has the code or name `SDP9999`",
    );
}

// ---- diff ----

/// The Chrome example re-offered with an ICE restart: new credentials, o= version 2 -> 3.
fn ice_restart_reoffer() -> String {
    let chrome = std::fs::read_to_string(example("chrome-offer.sdp")).unwrap();
    chrome
        .split_inclusive("\r\n")
        .map(|line| {
            if line.starts_with("a=ice-ufrag:") {
                "a=ice-ufrag:Pq3x\r\n".to_owned()
            } else if line.starts_with("a=ice-pwd:") {
                "a=ice-pwd:ZmVkY2JhOTg3NjU0MzIxMGFi\r\n".to_owned()
            } else if line.starts_with("o=") {
                line.replace(" 2 IN IP4", " 3 IN IP4")
            } else {
                line.to_owned()
            }
        })
        .collect()
}

#[test]
fn diff_of_an_ice_restart_reports_exactly_the_restart_and_the_version() {
    let reoffer = temp("restart.sdp", ice_restart_reoffer());
    let o = run(&[
        "diff",
        "examples/chrome-offer.sdp",
        reoffer.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let expected = format!(
        "--- examples/chrome-offer.sdp\n+++ {}\nsession\n  ~ session version 2 -> 3\n\
         m=audio mid 0\n  ~ ICE restart (ufrag vsCn -> Pq3x; also mids 1, 2)\n",
        reoffer.display()
    );
    assert_eq!(stdout(&o), expected);
    let o = run(&[
        "diff",
        "--format",
        "json",
        "examples/chrome-offer.sdp",
        reoffer.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["session-version", "ice-restart"]);
    // Ignoring both categories leaves nothing.
    let o = run(&[
        "diff",
        "--ignore",
        "origin,ice",
        "examples/chrome-offer.sdp",
        reoffer.to_str().unwrap(),
    ]);
    assert_eq!((code(&o), stdout(&o).as_str()), (0, ""));
}

#[test]
fn diff_of_identical_sdps_with_lf_and_crlf_reports_nothing() {
    let chrome = std::fs::read_to_string(example("chrome-offer.sdp")).unwrap();
    let o = run_stdin(
        &["diff", "examples/chrome-offer.sdp", "-"],
        chrome.replace("\r\n", "\n"),
    );
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
    let o = run_stdin(
        &["diff", "--format", "json", "examples/chrome-offer.sdp", "-"],
        chrome,
    );
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 0);
}

#[test]
fn diff_bad_arguments() {
    assert_usage_error(
        &run(&[
            "diff",
            "--ignore",
            "origin,bogus",
            "examples/chrome-offer.sdp",
            "examples/chrome-offer.sdp",
        ]),
        "--ignore: unknown category `bogus`",
    );
    assert_usage_error(
        &run(&["diff", "examples/chrome-offer.sdp", "nope.sdp"]),
        "cannot read nope.sdp",
    );
    assert_usage_error(
        &run(&["diff", "examples", "examples/chrome-offer.sdp"]),
        "where one is expected",
    );
    assert_eq!(code(&run(&["diff", "examples/chrome-offer.sdp"])), 2);
    assert_usage_error(
        &run(&["validate", "-", "-"]),
        "standard input) is given twice",
    );
    assert_usage_error(&run(&["diff", "-", "-"]), "standard input) is given twice");
    assert_usage_error(
        &run(&["check-answer", "-", "-"]),
        "standard input) is given twice",
    );
}

// ---- fmt ----

#[test]
fn fmt_writes_the_canonical_form() {
    let messy = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\n\nt=0  0\nm=audio 49170 RTP/AVP 0\n";
    let o = run_stdin(&["fmt", "-"], messy);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"
    );
    let o = run_stdin(&["fmt", "--lf", "-"], messy);
    assert_eq!(
        stdout(&o),
        "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 49170 RTP/AVP 0\n"
    );
    // The canonical form is canonical.
    let o = run_stdin(
        &["fmt", "--check", "-"],
        stdout(&run_stdin(&["fmt", "-"], messy)),
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn fmt_check_names_the_first_difference() {
    let o = run_stdin(
        &["fmt", "--check", "-"],
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0  0\r\n",
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        stdout(&o),
        "<stdin>:4: not canonical: `t=0  0` is written `t=0 0`\n"
    );
    let o = run(&[
        "fmt",
        "--check",
        "examples/chrome-offer.sdp",
        "examples/firefox-answer.sdp",
    ]);
    assert_eq!(code(&o), 1);
    // Chrome writes `a=msid-semantic: WMS`; RFC 8830 §3 has no space after the colon.
    assert_eq!(
        stdout(&o),
        "examples/chrome-offer.sdp:7: not canonical: `a=msid-semantic: WMS 34b022f6-dcff-4bff-af0d-e02447ddce64` \
         is written `a=msid-semantic:WMS 34b022f6-dcff-4bff-af0d-e02447ddce64`\n\
         examples/firefox-answer.sdp:1: not canonical: the line ends with LF instead of CRLF\n"
    );
    let o = run(&["fmt", "--check", "--lf", "examples/firefox-answer.sdp"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_usage_error(&run(&["fmt", "examples"]), "use --check for several");
    assert_usage_error(&run_stdin(&["fmt", "-"], ""), "<stdin>: SDP0002");
}

// ---- json, from-json ----

#[test]
fn json_and_back_reproduces_every_example_byte_for_byte() {
    for name in [
        "chrome-offer.sdp",
        "firefox-answer.sdp",
        "sip-phone-offer.sdp",
        "st2110-sender.sdp",
        "broken-offer.sdp",
    ] {
        let o = run(&["json", &example(name)]);
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["sdpkit_json"], 1);
        let back = run_stdin(&["from-json", "-"], o.stdout.clone());
        assert_eq!(code(&back), 0, "{name}: {}", stderr(&back));
        assert_eq!(back.stdout, std::fs::read(example(name)).unwrap(), "{name}");
    }
}

#[test]
fn json_reports_the_derived_media_summary() {
    let o = run(&["json", "examples/chrome-offer.sdp"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let audio = &v["media"][0];
    assert_eq!(audio["kind"], "audio");
    assert_eq!(audio["mid"], "0");
    assert_eq!(audio["codecs"][0]["name"], "opus");
    assert_eq!(audio["codecs"][0]["clock_rate"], 48000);
    // Several inputs: an array of documents.
    let o = run(&[
        "json",
        "examples/chrome-offer.sdp",
        "examples/sip-phone-offer.sdp",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn from_json_edits_and_bad_input() {
    // Editing a value in the lines changes the SDP.
    let doc = r#"{"sdpkit_json": 1, "session": {"lines": [{"type": "v", "value": "0"}, {"type": "s", "value": "edited"}]}, "media": []}"#;
    let o = run_stdin(&["from-json", "-"], doc);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "v=0\r\ns=edited\r\n");
    assert_usage_error(
        &run_stdin(&["from-json", "-"], "{nope"),
        "<stdin>: not an sdpkit JSON document",
    );
    assert_usage_error(&run_stdin(&["from-json", "-"], ""), "<stdin>: ");
    assert_usage_error(
        &run_stdin(
            &["from-json", "-"],
            r#"{"sdpkit_json": 1, "session": {"lines": [{"type": "vv"}]}}"#,
        ),
        "session.lines[0]: expected `type` to be one letter",
    );
    assert_usage_error(
        &run_stdin(
            &["from-json", "-"],
            r#"{"sdpkit_json": 99, "session": {"lines": []}}"#,
        ),
        "<stdin>: ",
    );
    assert_usage_error(
        &run(&["from-json", "missing.json"]),
        "cannot read missing.json",
    );
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_usage_error(&run_stdin(&["from-json", "-"], nested), "<stdin>: ");
}

// ---- anonymize ----

#[test]
fn anonymize_replaces_identifiers_and_keeps_the_findings() {
    let o = run(&["anonymize", "examples/chrome-offer.sdp"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let anonymous = stdout(&o);
    for secret in [
        "vsCn",
        "203.0.113.77",
        "4649351869055041161",
        "34b022f6-dcff-4bff-af0d-e02447ddce64",
    ] {
        assert!(!anonymous.contains(secret), "{secret} survived");
    }
    // Deterministic.
    assert_eq!(
        stdout(&run(&["anonymize", "examples/chrome-offer.sdp"])),
        anonymous
    );
    // The same validation result, also for the broken example.
    for name in ["chrome-offer.sdp", "broken-offer.sdp", "st2110-sender.sdp"] {
        let before = run(&["validate", "--format", "json", &example(name)]);
        let after = run_stdin(
            &["validate", "--format", "json", "-"],
            run(&["anonymize", &example(name)]).stdout,
        );
        let codes = |o: &Output| {
            let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
            v[0]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&before), codes(&after), "{name}");
    }
    assert_usage_error(&run(&["anonymize", "examples"]), "where one is expected");
    assert_usage_error(&run_stdin(&["anonymize", "-"], ""), "<stdin>: SDP0002");
}

// ---- summary ----

#[test]
fn summary_of_the_examples() {
    let o = run(&[
        "summary",
        "examples/chrome-offer.sdp",
        "examples/st2110-sender.sdp",
    ]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("examples/chrome-offer.sdp: origin - session 4649351869055041161 version 2, 3 media sections\n  groups: BUNDLE 0 1 2\n"), "{out}");
    assert!(out.contains("\n\nexamples/st2110-sender.sdp: origin - session 109502 version 53, 2 media sections\n  groups: DUP PRIMARY SECONDARY\n  m[0] video mid=PRIMARY recvonly port 50050 RTP/AVP\n       codecs: raw/90000\n"), "{out}");
    assert_usage_error(&run(&["summary", "missing.sdp"]), "cannot read missing.sdp");
    let o = run(&[
        "summary",
        "--format",
        "json",
        "examples/chrome-offer.sdp",
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v[0]["groups"][0]["mids"],
        serde_json::json!(["0", "1", "2"])
    );
    assert_eq!(v[0]["media"][0]["candidates"]["host"], 4);
    assert_eq!(v[0]["media"][2]["data_channel"]["sctp_port"], 5000);
    assert_eq!(v[1]["media"][0]["codecs"][3]["name"], "telephone-event");
}

// ---- answer, offer, check-answer ----

#[test]
fn answer_then_check_answer() {
    let o = run(&["answer", "--explain", "examples/chrome-offer.sdp"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let answer = stdout(&o);
    assert!(answer.starts_with("v=0\r\n"));
    assert!(answer.contains("a=group:BUNDLE 0 1 2\r\n"));
    let explained = stderr(&o);
    assert!(
        explained.starts_with("m[0] audio mid=0: accepted: sendrecv; codecs 111 opus/48000"),
        "{explained}"
    );
    assert!(
        explained.contains("m[2] application mid=2: accepted: "),
        "{explained}"
    );
    let path = temp("answer.sdp", &answer);
    let o = run(&[
        "check-answer",
        "examples/chrome-offer.sdp",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).ends_with(": legal for examples/chrome-offer.sdp\n"));
    let o = run(&[
        "check-answer",
        "--format",
        "json",
        "examples/chrome-offer.sdp",
        path.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], true);
}

#[test]
fn a_subsequent_answer_keeps_credentials_and_origin() {
    let first = stdout(&run(&["answer", "examples/chrome-offer.sdp"]));
    let path = temp("first-answer.sdp", &first);
    let o = run(&[
        "answer",
        "--previous-answer",
        path.to_str().unwrap(),
        "examples/chrome-offer.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let second = stdout(&o);
    let pick = |s: &str, prefix: &str| {
        s.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap()
            .to_owned()
    };
    assert_eq!(pick(&first, "a=ice-ufrag:"), pick(&second, "a=ice-ufrag:"));
    assert!(
        stderr(&o).contains("sdp: note: no certificate is configured"),
        "{}",
        stderr(&o)
    );
    // With a configured certificate the fingerprint stays too.
    let identity = sdp_negotiate::Identity::generate().unwrap();
    let cert = temp("cert.pem", identity.certificate_pem());
    temp("key.pem", &identity.key_pem);
    let config = temp(
        "endpoint.toml",
        "preset = \"webrtc\"\n[dtls]\ncertificate_file = \"cert.pem\"\nkey_file = \"key.pem\"\n",
    );
    assert!(cert.exists());
    let config = config.to_str().unwrap();
    let first = stdout(&run(&[
        "answer",
        "--config",
        config,
        "examples/chrome-offer.sdp",
    ]));
    let path = temp("first-answer-cert.sdp", &first);
    let o = run(&[
        "answer",
        "--config",
        config,
        "--previous-answer",
        path.to_str().unwrap(),
        "examples/chrome-offer.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("certificate"), "{}", stderr(&o));
    let second = stdout(&o);
    assert_eq!(
        pick(&first, "a=fingerprint:"),
        pick(&second, "a=fingerprint:")
    );
    assert_eq!(pick(&first, "a=ice-pwd:"), pick(&second, "a=ice-pwd:"));
    let session_id = |s: &str| pick(s, "o=").split(' ').nth(1).unwrap().to_owned();
    assert_eq!(session_id(&first), session_id(&second));
}

#[test]
fn previous_offer_lets_an_ice_restart_be_seen() {
    let first = temp(
        "restart-first-answer.sdp",
        stdout(&run(&["answer", "examples/chrome-offer.sdp"])),
    );
    let reoffer = temp("restart-reoffer.sdp", ice_restart_reoffer());
    let ufrag = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("a=ice-ufrag:"))
            .unwrap()
            .to_owned()
    };
    let first_ufrag = ufrag(&std::fs::read_to_string(&first).unwrap());
    // Without the previous offer the restart cannot be seen: credentials are kept.
    let kept = run(&[
        "answer",
        "--previous-answer",
        first.to_str().unwrap(),
        reoffer.to_str().unwrap(),
    ]);
    assert_eq!(code(&kept), 0, "{}", stderr(&kept));
    assert_eq!(ufrag(&stdout(&kept)), first_ufrag);
    // With it, the answer restarts too (rulebook E6): new credentials.
    let restarted = run(&[
        "answer",
        "--explain",
        "--previous-answer",
        first.to_str().unwrap(),
        "--previous-offer",
        "examples/chrome-offer.sdp",
        reoffer.to_str().unwrap(),
    ]);
    assert_eq!(code(&restarted), 0, "{}", stderr(&restarted));
    assert_ne!(ufrag(&stdout(&restarted)), first_ufrag);
    assert!(
        stderr(&restarted).contains("ICE restart"),
        "{}",
        stderr(&restarted)
    );
    // --previous-offer alone makes no sense.
    assert_eq!(
        code(&run(&[
            "answer",
            "--previous-offer",
            "examples/chrome-offer.sdp",
            "examples/chrome-offer.sdp"
        ])),
        2
    );
}

#[test]
fn answer_with_the_sip_preset_and_a_config_file() {
    let o = run(&["answer", "--preset", "sip", "examples/sip-phone-offer.sdp"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("m=audio "), "{}", stdout(&o));
    assert!(!stdout(&o).contains("a=ice-ufrag"));
    // A config file: the SIP phone limited to PCMA answers with PCMA alone.
    let config = temp(
        "phone.toml",
        "preset = \"sip\"\n[[audio]]\nname = \"PCMA\"\nclock_rate = 8000\n",
    );
    let o = run(&[
        "answer",
        "--config",
        config.to_str().unwrap(),
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("m=audio 49170 RTP/AVP 8\r\n"),
        "{}",
        stdout(&o)
    );
    // Without the preset the default policy requires rtcp-mux, which a SIP offer lacks.
    let strict = temp(
        "mux.toml",
        "mode = \"classic\"\n[[audio]]\nname = \"PCMA\"\nclock_rate = 8000\n",
    );
    let o = run(&[
        "answer",
        "--explain",
        "--config",
        strict.to_str().unwrap(),
        "examples/sip-phone-offer.sdp",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("m=audio 0 RTP/AVP 0\r\n"),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("rejected: RTCP multiplexing"),
        "{}",
        stderr(&o)
    );
    let bad = temp("bad.toml", "this is = = not toml");
    assert_usage_error(
        &run(&[
            "answer",
            "--config",
            bad.to_str().unwrap(),
            "examples/sip-phone-offer.sdp",
        ]),
        "bad.toml",
    );
    let bad_json = temp("bad.json", "{\"audio\": 5}");
    assert_usage_error(
        &run(&[
            "answer",
            "--config",
            bad_json.to_str().unwrap(),
            "examples/sip-phone-offer.sdp",
        ]),
        "bad.json",
    );
    assert_usage_error(
        &run(&["answer", "missing-offer.sdp"]),
        "cannot read missing-offer.sdp",
    );
    assert_usage_error(
        &run_stdin(&["answer", "-"], "v=0\r\n"),
        "<stdin>: SDP0010 (line 2, column 1): the mandatory session-level line(s) o=, s=, t=",
    );
    // SDP the engine cannot answer: two sections with one mid.
    assert_usage_error(
        &run(&["answer", "examples/broken-offer.sdp"]),
        "examples/broken-offer.sdp: cannot answer: invalid remote description (mid 0): duplicate or empty mid",
    );
}

#[test]
fn offer_shapes() {
    let o = run(&[
        "offer",
        "--audio",
        "1",
        "--video",
        "1",
        "--data",
        "--simulcast",
        "h,m,l",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let offer = stdout(&o);
    assert!(offer.contains("a=group:BUNDLE 0 1 2\r\n"), "{offer}");
    assert!(offer.contains("a=simulcast:send h;m;l\r\n"), "{offer}");
    assert!(
        offer.contains(" UDP/DTLS/SCTP webrtc-datachannel\r\n"),
        "{offer}"
    );
    // Our offer validates clean, and our answer to it is legal.
    let path = temp("offer.sdp", &offer);
    assert_eq!(
        code(&run(&[
            "validate",
            "--deny-warnings",
            path.to_str().unwrap()
        ])),
        0
    );
    let answer = temp(
        "offer-answer.sdp",
        stdout(&run(&["answer", path.to_str().unwrap()])),
    );
    assert_eq!(
        code(&run(&[
            "check-answer",
            path.to_str().unwrap(),
            answer.to_str().unwrap()
        ])),
        0
    );
    // A config file: receive-only video from a WebRTC preset.
    let config = temp(
        "recvonly.toml",
        "preset = \"webrtc\"\n[video_policy]\nsend = false\nrecv = true\n",
    );
    let o = run(&[
        "offer",
        "--config",
        config.to_str().unwrap(),
        "--audio",
        "0",
        "--video",
        "1",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("m=video 9 UDP/TLS/RTP/SAVPF "),
        "{}",
        stdout(&o)
    );
    // The SIP preset offers plain RTP/AVP, which our SIP answerer accepts.
    let o = run(&["offer", "--preset", "sip", "--audio", "1"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let sip_offer = stdout(&o);
    assert!(
        sip_offer.contains("m=audio 49170 RTP/AVP 0 8 9 96 97\r\n"),
        "{sip_offer}"
    );
    let path = temp("sip-offer.sdp", &sip_offer);
    let answer = temp(
        "sip-offer-answer.sdp",
        stdout(&run(&["answer", "--preset", "sip", path.to_str().unwrap()])),
    );
    assert_eq!(
        code(&run(&[
            "check-answer",
            path.to_str().unwrap(),
            answer.to_str().unwrap()
        ])),
        0
    );
    assert_usage_error(
        &run(&["offer", "--preset", "sip", "--video", "1"]),
        "no video codec",
    );
    assert_usage_error(
        &run(&["offer", "--video", "1", "--simulcast", "h,h"]),
        "rid `h` is given twice",
    );
    assert_usage_error(&run(&["offer", "--audio", "0"]), "nothing to offer");
    assert_usage_error(
        &run(&["offer", "--simulcast", "a,b"]),
        "needs a video section",
    );
    assert_usage_error(
        &run(&["offer", "--video", "1", "--simulcast", "a"]),
        "two or more rids",
    );
    assert_usage_error(
        &run(&["offer", "--video", "1", "--simulcast", "a,b c"]),
        "is not a rid",
    );
    assert_usage_error(&run(&["offer", "--audio", "100000"]), "at most 64");
    let max = usize::MAX.to_string();
    assert_usage_error(
        &run(&["offer", "--audio", &max, "--video", "1"]),
        "at most 64",
    );
}

#[test]
fn check_answer_finds_a_bad_answer() {
    let answer = stdout(&run(&["answer", "examples/chrome-offer.sdp"]))
        .replace("a=setup:active", "a=setup:actpass");
    let path = temp("bad-answer.sdp", answer);
    let o = run(&[
        "check-answer",
        "examples/chrome-offer.sdp",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("error[F"), "{}", stdout(&o));
}

// ---- completions, man, help ----

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}");
        assert!(stdout(&o).contains("validate"), "{shell}");
    }
    assert_eq!(code(&run(&["completions", "tcsh"])), 2);
    let man = run(&["man"]);
    assert_eq!(code(&man), 0);
    let page = stdout(&man);
    assert!(page.contains(".TH sdp 1"), "{page}");
    assert!(page.contains(".TH sdp-validate 1"), "{page}");
    // docs/sdp.1 is this output; SDP_BLESS=1 rewrites it.
    let committed = root().join("docs/sdp.1");
    if std::env::var_os("SDP_BLESS").is_some() {
        std::fs::write(&committed, &page).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&committed).unwrap(),
        page,
        "docs/sdp.1 is stale: run with SDP_BLESS=1"
    );
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("check-answer"));
    let o = run(&["--version"]);
    assert_eq!(stdout(&o), format!("sdp {}\n", env!("CARGO_PKG_VERSION")));
    // Usage errors are one line too.
    assert_usage_error(
        &run(&["frobnicate"]),
        "unrecognized subcommand 'frobnicate'",
    );
    assert_usage_error(
        &run(&["validate", "--bogus", "x"]),
        "unexpected argument '--bogus'",
    );
    assert_usage_error(
        &run(&["validate"]),
        "required arguments were not provided: <INPUT>...",
    );
    assert_eq!(code(&run(&[])), 2);
}

#[test]
fn a_closed_stdout_is_not_an_error() {
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdp"))
        .current_dir(root())
        .args([
            "validate",
            "examples/broken-offer.sdp",
            "examples/broken-offer.sdp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    assert!(matches!(o.status.code(), Some(0 | 1)), "{:?}", o.status);
}
