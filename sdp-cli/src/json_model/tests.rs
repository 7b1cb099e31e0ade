use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::test_corpus;

const CHROME: &str = include_str!("../../../examples/chrome-offer.sdp");

fn round_trip(text: &str) -> String {
    let session = Session::parse(text).unwrap();
    from_json(&to_json(&session).to_string()).unwrap()
}

fn doc(text: &str) -> Value {
    to_json(&Session::parse(text).unwrap())
}

fn error_of(json: &str) -> String {
    from_json(json).unwrap_err().to_string()
}

#[test]
fn every_corpus_file_round_trips_byte_for_byte() {
    let Some(root) = test_corpus::root() else {
        return;
    };
    for folder in ["valid", "invalid"] {
        let (mut parsed, mut not_utf8, mut refused) = (0, 0, 0);
        for (path, bytes) in test_corpus::files(&root.join(folder)) {
            let Ok(text) = std::str::from_utf8(&bytes) else {
                not_utf8 += 1;
                continue;
            };
            let Ok(session) = Session::parse(text) else {
                refused += 1;
                continue;
            };
            let json = to_json(&session).to_string();
            let back = from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(back == text, "{} does not round-trip", path.display());
            // The pretty form reads back the same.
            assert_eq!(from_json(&to_json_string(&session)).unwrap(), text);
            parsed += 1;
        }
        println!(
            "json round trip, {folder}/: {parsed} files byte-exact, {refused} refused by the \
             lenient parser, {not_utf8} not UTF-8"
        );
        if folder == "valid" {
            assert!(parsed > 400, "only {parsed} valid files parsed");
        }
    }
}

#[test]
fn chrome_offer_gets_a_derived_media_summary() {
    let json = doc(CHROME);
    assert_eq!(json["sdpkit_json"], 1);
    let audio = &json["media"][0];
    assert_eq!(audio["kind"], "audio");
    assert_eq!(audio["port"], 54321);
    assert_eq!(audio["proto"], "UDP/TLS/RTP/SAVPF");
    assert_eq!(
        audio["formats"],
        json!(["111", "63", "9", "0", "8", "13", "110", "126"])
    );
    assert_eq!(audio["mid"], "0");
    assert_eq!(audio["direction"], "sendrecv");
    assert_eq!(
        audio["codecs"][0],
        json!({
            "pt": 111, "name": "opus", "clock_rate": 48000, "channels": 2,
            "fmtp": {"minptime": "10", "useinbandfec": "1"},
            "rtcp_fb": ["transport-cc"]
        })
    );
    assert_eq!(audio["codecs"][1]["fmtp"], json!({"111/111": null}));
    assert_eq!(
        audio["lines"][0],
        json!({"type": "m", "value": "audio 54321 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126"})
    );
    assert_eq!(
        json["session"]["lines"][4],
        json!({"type": "a", "name": "group", "value": "BUNDLE 0 1 2"})
    );
    let data = json["media"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(data["kind"], "application");
    assert!(data.get("codecs").is_none(), "no codecs for SCTP: {data}");
    assert_eq!(round_trip(CHROME), CHROME);
}

#[test]
fn static_payload_types_are_marked_and_unknown_ones_have_no_name() {
    let text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 96\r\n\
                a=rtcp-fb:* nack\r\n";
    let codecs = &doc(text)["media"][0]["codecs"];
    assert_eq!(
        codecs[0],
        json!({"pt": 0, "name": "PCMU", "clock_rate": 8000, "static": true, "rtcp_fb": ["nack"]})
    );
    assert_eq!(codecs[1], json!({"pt": 96, "rtcp_fb": ["nack"]}));
}

#[test]
fn property_attributes_have_no_value_and_empty_values_stay_empty() {
    let text = "v=0\r\na=rtcp-mux\r\na=foo:\r\na=bar: \r\n";
    let lines = &doc(text)["session"]["lines"];
    assert_eq!(lines[1], json!({"type": "a", "name": "rtcp-mux"}));
    assert_eq!(lines[2], json!({"type": "a", "name": "foo", "value": ""}));
    assert_eq!(lines[3], json!({"type": "a", "name": "bar", "value": " "}));
    assert_eq!(round_trip(text), text);
}

#[test]
fn lines_the_typed_form_cannot_give_back_are_raw() {
    let text = "v=0\r\n\r\n  s=indented\r\nhello\r\na=rtcp-mux \r\ny=unknown\r\n1=digit\r\ns= \r\n";
    let lines = &doc(text)["session"]["lines"];
    assert_eq!(lines[1], json!({"raw": ""}));
    assert_eq!(lines[2], json!({"raw": "  s=indented"}));
    assert_eq!(lines[3], json!({"raw": "hello"}));
    assert_eq!(lines[4], json!({"raw": "a=rtcp-mux "}));
    assert_eq!(lines[5], json!({"type": "y", "value": "unknown"}));
    assert_eq!(lines[6], json!({"raw": "1=digit"}));
    assert_eq!(lines[7], json!({"type": "s", "value": " "}));
    assert_eq!(round_trip(text), text);
}

#[test]
fn line_endings_other_than_crlf_are_recorded() {
    let text = "v=0\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\nt=0 0\r\nm=audio 9 RTP/AVP 0\na=x\r";
    let json = doc(text);
    assert_eq!(json["session"]["lines"][0]["eol"], "lf");
    assert!(json["session"]["lines"][1].get("eol").is_none());
    assert_eq!(
        json["media"][0]["lines"][1],
        json!({"type": "a", "name": "x\r", "eol": "none"})
    );
    assert_eq!(round_trip(text), text);
}

#[test]
fn derived_fields_are_ignored_and_lines_are_the_source_of_truth() {
    let text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n";
    let mut json = doc(text);
    json["media"][0]["port"] = json!(1234);
    json["media"][0]["codecs"] = json!("anything");
    json["media"][0]["kind"] = json!({"nested": [1, 2]});
    assert_eq!(from_json(&json.to_string()).unwrap(), text);
    json["media"][0]["lines"][0]["value"] = json!("audio 5004 RTP/AVP 0");
    json["session"]["lines"][2]["value"] = json!("edited");
    json["session"]["lines"][2]["eol"] = json!("lf");
    assert_eq!(
        from_json(&json.to_string()).unwrap(),
        "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=edited\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\n"
    );
}

#[test]
fn a_hand_written_document_converts() {
    let json = r#"{"sdpkit_json": 1,
        "session": {"lines": [{"type": "v", "value": "0"}, {"type": "s"}, {"raw": "", "eol": "crlf"}]},
        "media": [{"lines": [{"type": "m", "value": "audio 9 RTP/AVP 0"},
                             {"type": "a", "name": "sendonly", "value": null, "eol": "none"}]}]}"#;
    assert_eq!(
        from_json(json).unwrap(),
        "v=0\r\ns=\r\n\r\nm=audio 9 RTP/AVP 0\r\na=sendonly"
    );
}

#[test]
fn errors_name_the_problem_and_where_it_is() {
    let line = |l: &str| format!(r#"{{"sdpkit_json":1,"session":{{"lines":[{l}]}}}}"#);
    let media = |l: &str| {
        format!(r#"{{"sdpkit_json":1,"session":{{"lines":[]}},"media":[{{"lines":[{l}]}}]}}"#)
    };
    let cases = [
        ("", "not an sdpkit JSON document: EOF while parsing a value at line 1 column 0"),
        ("{", "not an sdpkit JSON document: EOF while parsing an object at line 1 column 1"),
        ("[]", "not an sdpkit JSON document: invalid type: sequence, expected an sdpkit JSON object at line 1 column 0"),
        ("{}", "expected a `sdpkit_json` version field (`\"sdpkit_json\": 1`)"),
        (r#"{"sdpkit_json":2}"#, "unsupported `sdpkit_json` version 2 (this build reads version 1)"),
        (r#"{"sdpkit_json":"1"}"#, "unsupported `sdpkit_json` version \"1\" (this build reads version 1)"),
        (r#"{"sdpkit_json":1}"#, "not an sdpkit JSON document: missing field `session` at line 1 column 17"),
        (&line(r#"{"type":"v","value":0}"#), "not an sdpkit JSON document: invalid type: integer `0`, expected a string at line 1 column 58"),
        (&line(r#"{"type":"v","vaule":"0"}"#), "not an sdpkit JSON document: unknown field `vaule`, expected one of `type`, `name`, `value`, `raw`, `eol` at line 1 column 56"),
        (&line(r#"{"type":"v","eol":"cr"}"#), "not an sdpkit JSON document: unknown variant `cr`, expected one of `crlf`, `lf`, `none` at line 1 column 59"),
        (&line("{}"), "session.lines[0]: expected `type` or `raw` in a line"),
        (&line(r#"{"type":"v","raw":"v=0"}"#), "session.lines[0]: expected `type` or `raw`, not both"),
        (&line(r#"{"raw":"v=0","value":"0"}"#), "session.lines[0]: expected no `name` or `value` beside `raw`"),
        (&line(r#"{"type":"ab"}"#), "session.lines[0]: expected `type` to be one letter, found \"ab\""),
        (&line(r#"{"type":"1"}"#), "session.lines[0]: expected `type` to be one letter, found \"1\""),
        (&line(r#"{"type":""}"#), "session.lines[0]: expected `type` to be one letter, found \"\""),
        (&line(r#"{"type":"a","value":"x"}"#), "session.lines[0]: expected `name` in an `a` line"),
        (&line(r#"{"type":"c","name":"x"}"#), "session.lines[0]: expected no `name` in a `c` line (only `a` lines have one)"),
        (&line(r#"{"type":"a","name":"mid:0"}"#), "session.lines[0]: expected an attribute name without `:`, found \"mid:0\""),
        (&line(r#"{"type":"s","value":"a\nb"}"#), "session.lines[0]: expected text without a line feed (`\\n`)"),
        (&line(r#"{"raw":"s=x\r","eol":"lf"}"#), "session.lines[0]: expected `eol` `crlf` or `none` for text ending in `\\r`, found `lf`"),
        (&line(r#"{"type":"v","eol":"none"},{"type":"s"}"#), "session.lines[0]: expected `eol` `none` only on the last line of the document"),
        (&line(r#"{"type":"m","value":"audio 9 RTP/AVP 0"}"#), "session.lines[0]: expected no `m=` line here: each media section is an entry of `media`, its `m=` line first"),
        (&media(""), "media[0].lines[0]: expected an `m=` line first in a media entry, found no lines"),
        (&media(r#"{"type":"a","name":"mid","value":"0"}"#), "media[0].lines[0]: expected an `m=` line first in a media entry, found \"a=mid:0\""),
        (&media(r#"{"type":"m","value":"audio 9 RTP/AVP 0"},{"raw":" m=video 9 RTP/AVP 96"}"#), "media[0].lines[1]: expected no `m=` line here: each media section is an entry of `media`, its `m=` line first"),
    ];
    for (input, expected) in cases {
        assert_eq!(error_of(input), expected, "{input}");
    }
}

#[test]
fn error_accessors_give_position_and_path() {
    let err = from_json("{\n  \"sdpkit_json\": 1,\n  \"session\": 3\n}").unwrap_err();
    assert_eq!(err.line_column(), Some((3, 14)));
    let err = from_json(r#"{"sdpkit_json":1,"session":{"lines":[]},"media":[{"lines":[]}]}"#)
        .unwrap_err();
    assert_eq!(
        err.line_path(),
        Some(LinePath {
            media: Some(0),
            line: 0
        })
    );
    assert_eq!(err.line_column(), None);
}

#[test]
fn deeply_nested_junk_is_an_error_not_a_crash() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let inputs = [
        deep(100_000),
        format!(r#"{{"sdpkit_json":1,"junk":{}}}"#, deep(100_000)),
        format!(r#"{{"junk":{},"sdpkit_json":1}}"#, deep(100_000)),
        format!(r#"{{"sdpkit_json":{}}}"#, deep(100_000)),
        format!(
            r#"{{"sdpkit_json":1,"session":{{"lines":[]}},"media":[{{"kind":{},"lines":[]}}]}}"#,
            deep(100_000)
        ),
        format!(
            r#"{{"sdpkit_json":1,"session":{{"lines":[{{"type":{}}}]}}}}"#,
            deep(100_000)
        ),
        "{\"a\":".repeat(100_000),
    ];
    for input in inputs {
        assert!(from_json(&input).is_err());
    }
}

#[test]
fn wrong_types_everywhere_are_errors() {
    let inputs = [
        "null",
        "1",
        "\"text\"",
        r#"{"sdpkit_json":1e400}"#,
        r#"{"sdpkit_json":-1}"#,
        r#"{"sdpkit_json":18446744073709551616}"#,
        r#"{"sdpkit_json":1,"session":[]}"#,
        r#"{"sdpkit_json":1,"session":{"lines":{}}}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[null]}}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[[]]}}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[]},"media":{}}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[]},"media":[{"lines":null}]}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[{"type":true}]}}"#,
        r#"{"sdpkit_json":1,"session":{"lines":[{"raw":"\ud800"}]}}"#,
        "{\"sdpkit_json\":1,\"session\":{\"lines\":[{\"raw\":\"\u{0}\"}]}} trailing",
    ];
    for input in inputs {
        assert!(from_json(input).is_err(), "{input}");
    }
}

/// One line of a "soup": the shapes the lenient parser keeps, in any order.
fn soup_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("v=0".to_owned()),
        Just("o=- 1 2 IN IP4 127.0.0.1".to_owned()),
        Just("s=-".to_owned()),
        Just("s=".to_owned()),
        Just("t=0 0".to_owned()),
        Just("c=IN IP4 0.0.0.0".to_owned()),
        Just("m=audio 9 RTP/AVP 0 96".to_owned()),
        Just("  m=video 9 RTP/AVP 96".to_owned()),
        Just("a=rtpmap:96 opus/48000/2".to_owned()),
        Just("a=fmtp:96 minptime=10".to_owned()),
        Just("a=rtcp-mux".to_owned()),
        Just("a=sendonly".to_owned()),
        Just("a=".to_owned()),
        Just("a=:x".to_owned()),
        Just(String::new()),
        "[a-z]=[ -~]{0,12}",
        "a=[a-z-]{0,6}(:[ -~]{0,10})?",
        "[ \t]{0,2}[a-z]{0,2}=?[ -~]{0,8}[ \t]{0,2}",
        "[^\n]{0,10}",
    ]
}

fn soup() -> impl Strategy<Value = String> {
    let line = (soup_line(), prop_oneof![Just("\r\n"), Just("\n")]);
    (proptest::collection::vec(line, 1..16), any::<bool>()).prop_map(|(lines, cut)| {
        let mut text: String = lines.iter().map(|(l, eol)| format!("{l}{eol}")).collect();
        if cut {
            // Without the final line ending, as files without a trailing newline are.
            text.truncate(text.trim_end_matches(['\r', '\n']).len());
        }
        format!("v=0\r\n{text}")
    })
}

proptest! {
    #[test]
    fn line_soups_that_parse_round_trip(text in soup()) {
        if let Ok(session) = Session::parse(&text) {
            let json = to_json(&session).to_string();
            prop_assert_eq!(from_json(&json).unwrap(), text);
        }
    }

    #[test]
    fn from_json_never_panics_on_arbitrary_text(text in "[{}\\[\\]\":,a-z0-9 \\\\ntrue]{0,80}") {
        let _ = from_json(&text);
    }

    #[test]
    fn from_json_never_panics_on_arbitrary_lines(
        kind in proptest::option::of("[ -~]{0,3}"),
        name in proptest::option::of("[ -~\n\r]{0,5}"),
        value in proptest::option::of("[ -~\n\r]{0,5}"),
        raw in proptest::option::of("[ -~\n\r]{0,5}"),
        eol in proptest::option::of(prop_oneof![Just(LineEnding::Crlf), Just(LineEnding::Lf), Just(LineEnding::None)]),
        in_media in any::<bool>(),
    ) {
        let line = LineEntry { kind, name, value, raw, eol };
        let doc = if in_media {
            json!({"sdpkit_json": 1, "session": {"lines": []}, "media": [{"lines": [line]}]})
        } else {
            json!({"sdpkit_json": 1, "session": {"lines": [line]}})
        };
        if let Ok(text) = from_json(&doc.to_string()) {
            // Whatever is accepted reads back as the same lines.
            if let Ok(session) = Session::parse(&text) {
                let again = from_json(&to_json(&session).to_string()).unwrap();
                prop_assert_eq!(again, text);
            }
        }
    }
}

#[test]
fn the_documented_example_is_what_to_json_writes() {
    let docs = include_str!("../../../docs/json.md");
    let example = docs.split("## Example").nth(1).unwrap();
    let block = example.split("```json\n").nth(1).unwrap();
    let documented: Value = serde_json::from_str(block.split("```").next().unwrap()).unwrap();
    let sdp = include_str!("../../../examples/sip-phone-offer.sdp");
    assert_eq!(documented, doc(sdp));
    assert_eq!(from_json(&documented.to_string()).unwrap(), sdp);
}
