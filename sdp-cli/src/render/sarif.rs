//! `sdp validate --format sarif`: SARIF 2.1.0 (OASIS), which code-scanning services show inline.
//!
//! One run; the tool's rules are the whole lint catalogue (id = code, name, title, explanation,
//! default level, RFC as a property); one result per finding with its file, line and column
//! (and end column when the span stays on the line).

use serde_json::{json, Value};

use sdp_core::validate::{catalogue, Severity};

use crate::report::Report;

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF 2.1.0 log of `reports`.
pub fn sarif_value(reports: &[Report]) -> Value {
    let lints = catalogue();
    let rules: Vec<Value> = lints
        .iter()
        .map(|lint| {
            json!({
                "id": lint.code,
                "name": lint.name,
                "shortDescription": {"text": lint.title},
                "fullDescription": {"text": lint.explanation},
                "help": {"text": format!("{}\n\nWrong:\n{}\n\nRight:\n{}", lint.explanation, lint.wrong, lint.right)},
                "defaultConfiguration": {"level": level(lint.severity)},
                "properties": {"rfc": lint.rfc, "profiles": lint.profiles_text()},
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        for f in &report.findings {
            let covered = f
                .span
                .and_then(|span| report.text.get(span.start..span.end))
                .filter(|c| !c.is_empty() && !c.contains('\n'));
            let region = match covered {
                Some(c) => json!({
                    "startLine": f.line,
                    "startColumn": f.column,
                    "endColumn": f.column + c.chars().count(),
                }),
                None => json!({"startLine": f.line, "startColumn": f.column}),
            };
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str(" (help: ");
                message.push_str(help);
                message.push(')');
            }
            let rule_index = lints.iter().position(|l| l.code == f.code);
            // Inside a webrtc-internals dump the SDP is a JSON string: its line numbers are
            // not the file's, so the region would point at the wrong place.
            let physical = if report.kind == crate::input::Kind::WebrtcInternals {
                message = format!(
                    "{} (SDP line {}, column {}): {message}",
                    report.label, f.line, f.column
                );
                json!({"artifactLocation": {"uri": uri(&report.path)}})
            } else {
                json!({"artifactLocation": {"uri": uri(&report.path)}, "region": region})
            };
            results.push(json!({
                "ruleId": f.code,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": {"text": message},
                "locations": [{"physicalLocation": physical}],
                "properties": {"input": report.label, "rfc": f.rfc},
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            // Columns count characters (Unicode code points), not UTF-16 units.
            "columnKind": "unicodeCodePoints",
            "tool": {"driver": {
                "name": "sdp",
                "informationUri": "https://github.com/sdpkit/sdpkit",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

/// A relative URI reference for a path (SARIF wants `/` separators and percent-escapes).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::split_sources;
    use crate::report::{check, CheckOptions};

    #[test]
    fn a_finding_becomes_a_result_pointing_at_its_rule() {
        let input = split_sources(
            "dir/my file.sdp",
            b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n".to_vec(),
        )
        .unwrap()
        .remove(0);
        let log = sarif_value(&[check(&input, &CheckOptions::default())]);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let result = &run["results"][0];
        assert_eq!(result["ruleId"], "SDP0101");
        assert_eq!(result["level"], "error");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], "SDP0101");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "dir/my%20file.sdp");
        assert_eq!(location["region"]["startLine"], 5);
        assert_eq!(location["region"]["startColumn"], 1);
        assert_eq!(location["region"]["endColumn"], 20);
    }

    #[test]
    fn every_lint_is_a_rule() {
        let log = sarif_value(&[]);
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), catalogue().len());
        assert!(log["runs"][0]["results"].as_array().unwrap().is_empty());
    }
}
