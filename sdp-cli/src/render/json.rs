//! `sdp validate --format json`: a JSON array with one object per input.
//!
//! ```json
//! [{"input": "x.sdp", "path": "x.sdp", "profile": "sip", "media_sections": 1, "ok": false,
//!   "errors": 1, "warnings": 0, "infos": 0,
//!   "diagnostics": [{"code": "SDP0101", "name": "dynamic-pt-without-rtpmap", "severity": "error",
//!     "message": "...", "line": 6, "column": 19, "span": {"start": 88, "end": 90},
//!     "help": null, "rfc": "RFC 8866 §6.6", "media": 0}]}]
//! ```
//! `span` offsets are bytes into the SDP text (for a SIP body: into the body); `line` counts
//! from the start of the file. `ok` is false when an error (or, with `--deny-warnings`, a
//! warning) was found.

use serde_json::{json, Value};

use sdp_core::validate::Severity;

use crate::report::Report;

/// The JSON object of one input.
pub fn report_value(report: &Report, deny_warnings: bool) -> Value {
    let diagnostics: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "code": f.code,
                "name": f.name,
                "severity": f.severity.as_str(),
                "message": f.message,
                "line": f.line,
                "column": f.column,
                "span": f.span.map(|s| json!({"start": s.start, "end": s.end})),
                "help": f.help,
                "rfc": f.rfc,
                "media": f.media,
            })
        })
        .collect();
    json!({
        "input": report.label,
        "path": report.path,
        "profile": report.profile.map(|p| p.name()),
        "media_sections": report.media_sections,
        "ok": !report.fails(deny_warnings),
        "errors": report.count(Severity::Error),
        "warnings": report.count(Severity::Warning),
        "infos": report.count(Severity::Info),
        "diagnostics": diagnostics,
    })
}

/// The JSON array of every input.
pub fn reports_value(reports: &[Report], deny_warnings: bool) -> Value {
    Value::Array(
        reports
            .iter()
            .map(|r| report_value(r, deny_warnings))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::split_sources;
    use crate::report::{check, CheckOptions};

    #[test]
    fn one_object_per_input_with_counts_and_diagnostics() {
        let input = split_sources(
            "x.sdp",
            b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n".to_vec(),
        )
        .unwrap()
        .remove(0);
        let report = check(&input, &CheckOptions::default());
        let value = reports_value(&[report], false);
        let text = serde_json::to_string(&value).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back[0]["input"], "x.sdp");
        assert_eq!(back[0]["ok"], false);
        assert_eq!(back[0]["errors"], 1);
        assert_eq!(back[0]["profile"], "sip");
        assert_eq!(back[0]["diagnostics"][0]["code"], "SDP0101");
        assert_eq!(back[0]["diagnostics"][0]["line"], 5);
        assert_eq!(
            back[0]["diagnostics"][0]["span"]["end"].as_u64().unwrap()
                - back[0]["diagnostics"][0]["span"]["start"].as_u64().unwrap(),
            19
        );
    }
}
