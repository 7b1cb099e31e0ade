use super::*;
use crate::attr::direction::Direction;
use crate::attr::rtcp::RtcpMux;
use crate::options::Limits;

const HEAD: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

fn strict(text: &str) -> Result<Parsed<'_>, ParseError> {
    parse(text, &ParseOptions::strict(), true)
}

fn lenient(text: &str) -> Parsed<'_> {
    parse(text, &ParseOptions::lenient(), true).unwrap()
}

#[test]
fn strict_errors_render_line_column_expected_and_found() {
    let cases: &[(&str, &str)] = &[
        ("", "line 1, column 1: expected an SDP description, found empty input"),
        ("v=1\r\n", "line 1, column 3: expected protocol version `0`, found \"1\""),
        ("v=0foo\r\n", "line 1, column 3: expected protocol version `0` in `v=` line, found \"0foo\""),
        ("v=0\r\no=- x 1 IN IP4 1.2.3.4\r\n", "line 2, column 5: expected a numeric session id in `o=` line, found \"x\""),
        (
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux:1\r\n",
            "line 6, column 12: expected no value (this attribute is a property) in a=rtcp-mux, found \"1\"",
        ),
        ("v=0\r\nhello\r\n", "line 2, column 1: expected `<type>=<value>`, found \"hello\""),
        ("v=0\r\n\r\n", "line 2, column 1: no blank lines (RFC 8866 §5)"),
        ("v=0\r\n o=- 1 1 IN IP4 1.2.3.4\r\n", "line 2, column 1: no white space before the line type"),
        (
            "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n  m=audio 9 RTP/AVP 0\r\n",
            "line 5, column 1: no white space before the line type",
        ),
        ("v=0\r\ns=-\r\no=- 1 1 IN IP4 1.2.3.4\r\n", "line 3, column 1: lines in the order v o s i u e p c b t r z k a (RFC 8866 §5), but `o=` comes too late"),
        ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\ns=x\r\n", "line 4, column 1: at most one `s=` line at session level"),
        ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n", "line 4, column 1: the mandatory session-level line(s) t= (RFC 8866 §5)"),
        ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=\r\nt=0 0\r\n", "line 3, column 1: expected a session name (use `s=-` or `s= ` when there is none)"),
        ("v=0\r\ny=x\r\n", "line 2, column 1: a line type RFC 8866 defines (v o s i u e p c b t r z k a m), not `y=`"),
        ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\na=\r\n", "line 5, column 1: expected an attribute name after `a=`"),
        ("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\na=foo:\r\n", "line 5, column 7: expected a value after `:` in a=foo, found end of line"),
        ("s=-\r\n", "line 1, column 1: expected `v=0` as the first line, found \"s=-\""),
        ("hello world", "line 1, column 1: expected `v=0` as the first line, found \"hello\""),
    ];
    for (text, message) in cases {
        let err = strict(text).unwrap_err();
        assert_eq!(err.to_string(), *message, "input {text:?}");
    }
}

#[test]
fn garbage_is_an_error_even_when_lenient() {
    for text in ["hello world", "\u{0}\u{1}\u{2}", "   \n  \n", "x\ny\nz"] {
        assert!(
            parse(text, &ParseOptions::lenient(), true).is_err(),
            "{text:?}"
        );
    }
}

#[test]
fn lenient_mode_records_each_quirk_with_its_code_and_keeps_the_text() {
    let text = "\r\n v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=\r\ny=123\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux:x\r\nc=IN IP4 0.0.0.0\r\n";
    let parsed = lenient(text);
    let codes: Vec<ErrorCode> = parsed.warnings.iter().map(|w| w.code()).collect();
    assert_eq!(
        codes,
        [
            ErrorCode::BlankLine,
            ErrorCode::IndentedLine,
            ErrorCode::EmptySessionName,
            ErrorCode::UnknownLineType,
            ErrorCode::MalformedAttribute,
            ErrorCode::OutOfOrder,
            ErrorCode::MissingLine,
        ]
    );
    assert_eq!(parsed.session.to_string(), text);
    // The malformed attribute is kept, not dropped.
    assert!(parsed.session.media()[0].has_attribute("rtcp-mux"));
}

#[test]
fn lenient_mode_accepts_input_without_v_line() {
    let parsed = lenient("m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n");
    assert_eq!(parsed.session.media().len(), 1);
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.code() == ErrorCode::MissingVersion));
}

#[test]
fn scope_problems_are_warnings_even_in_strict_mode() {
    let text = format!(
        "{HEAD}a=candidate:1 1 udp 1 1.2.3.4 5 typ host\r\nm=audio 9 RTP/AVP 0\r\na=ice-lite\r\n"
    );
    let parsed = strict(&text).unwrap();
    let codes: Vec<ErrorCode> = parsed.warnings.iter().map(|w| w.code()).collect();
    assert_eq!(
        codes,
        [ErrorCode::AttributeScope, ErrorCode::AttributeScope]
    );
    assert!(parsed.warnings[0]
        .to_string()
        .contains("`a=candidate` only in a media section"));
}

#[test]
fn typed_attribute_errors_point_into_the_value() {
    let text = format!("{HEAD}m=audio 9 RTP/AVP 0\r\na=rtcp-mux-only:zz\r\n");
    let err = strict(&text).unwrap_err();
    assert_eq!(err.code(), ErrorCode::MalformedAttribute);
    assert_eq!((err.line(), err.column()), (6, 17));
    assert_eq!(err.found(), Some("zz"));
    assert_eq!(&text[err.span().start..err.span().end], "zz");
}

#[test]
fn line_endings_and_missing_final_newline_round_trip() {
    for text in [
        "v=0\no=- 1 1 IN IP4 1.2.3.4\ns=-\nt=0 0\n",
        "v=0\r\no=- 1 1 IN IP4 1.2.3.4\ns=-\r\nt=0 0",
        "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0",
        "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\na=x-trailing:1  \r\n",
    ] {
        let session = strict(text).unwrap().session;
        assert_eq!(session.to_string(), text);
        assert_eq!(session.written_len(), text.len());
    }
}

#[test]
fn changed_lines_are_canonical_and_the_rest_untouched() {
    let text = format!("{HEAD}m=audio 49170 RTP/AVP 0\na=sendrecv  \na=x-keep:  odd  spacing\n");
    let mut session = lenient(&text).session;
    let media = &mut session.media_mut()[0];
    media.set_direction(Direction::SendOnly);
    media.set_port(0);
    media.push_attribute(&RtcpMux);
    assert_eq!(
        session.to_string(),
        format!(
            "{HEAD}m=audio 0 RTP/AVP 0\r\na=sendonly\r\na=x-keep:  odd  spacing\na=rtcp-mux\r\n"
        )
    );
}

#[test]
fn appending_after_a_line_without_ending_adds_one() {
    let mut session = lenient("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0").session;
    session.push_attribute(&RtcpMux);
    assert_eq!(
        session.to_string(),
        "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\na=rtcp-mux\r\n"
    );
}

#[test]
fn limits_refuse_oversized_input_in_both_modes() {
    let small = Limits {
        max_input_bytes: 10,
        ..Limits::default()
    };
    let err = parse(HEAD, &ParseOptions::lenient().with_limits(small), true).unwrap_err();
    assert_eq!(err.code(), ErrorCode::LimitExceeded);
    let media = Limits {
        max_media: 1,
        ..Limits::default()
    };
    let two = format!("{HEAD}m=audio 9 RTP/AVP 0\r\nm=video 9 RTP/AVP 96\r\n");
    let err = parse(&two, &ParseOptions::lenient().with_limits(media), true).unwrap_err();
    assert_eq!((err.code(), err.line()), (ErrorCode::LimitExceeded, 6));
    let attrs = Limits {
        max_attributes_per_section: 1,
        ..Limits::default()
    };
    let text = format!("{HEAD}a=x:1\r\na=y:2\r\n");
    assert!(parse(&text, &ParseOptions::strict().with_limits(attrs), true).is_err());
    let lines = Limits {
        max_lines: 3,
        ..Limits::default()
    };
    assert!(parse(HEAD, &ParseOptions::strict().with_limits(lines), true).is_err());
    let long = Limits {
        max_line_bytes: 20,
        ..Limits::default()
    };
    assert!(parse(HEAD, &ParseOptions::strict().with_limits(long), true).is_err());
}

#[test]
fn limit_errors_name_the_limit_and_what_was_found() {
    let text = format!("{HEAD}m=audio 9 RTP/AVP 0\r\na=x:1\r\na=y:2\r\nm=video 9 RTP/AVP 96\r\n");
    let table = [
        (
            Limits { max_input_bytes: 10, ..Limits::default() },
            "line 1, column 1: expected an input of at most 10 bytes (limit `max_input_bytes` of `ParseOptions`), found 100 bytes",
        ),
        (
            Limits { max_line_bytes: 20, ..Limits::default() },
            "line 2, column 1: expected lines of at most 20 bytes (limit `max_line_bytes` of `ParseOptions`), found a line of 24 bytes",
        ),
        (
            Limits { max_lines: 3, ..Limits::default() },
            "line 4, column 1: expected at most 3 lines (limit `max_lines` of `ParseOptions`)",
        ),
        (
            Limits { max_media: 1, ..Limits::default() },
            "line 8, column 1: expected at most 1 media sections (limit `max_media` of `ParseOptions`)",
        ),
        (
            Limits { max_attributes_per_section: 1, ..Limits::default() },
            "line 7, column 1: expected at most 1 attributes per section (limit `max_attributes_per_section` of `ParseOptions`)",
        ),
    ];
    for (limits, message) in table {
        for options in [ParseOptions::lenient(), ParseOptions::strict()] {
            let err = parse(&text, &options.with_limits(limits), true).unwrap_err();
            assert_eq!(err.code(), ErrorCode::LimitExceeded);
            assert_eq!(err.to_string(), message);
        }
    }
}

#[test]
fn parse_bytes_reports_the_first_invalid_byte() {
    let err = crate::Session::parse_bytes(b"v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=\xc3\x28\r\n")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidUtf8);
    assert_eq!(
        (err.line(), err.column(), err.span().start),
        (3, 3, 31),
        "{err}"
    );
}

#[test]
fn media_sections_get_their_own_lines_and_exact_capacity() {
    let text = format!("{HEAD}a=group:BUNDLE 0 1\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\nm=video 9 RTP/AVP 96\r\na=mid:1\r\na=recvonly\r\n");
    let session = strict(&text).unwrap().session;
    assert_eq!(session.lines().len(), 5);
    assert_eq!(session.media().len(), 2);
    assert_eq!(session.media()[1].lines().len(), 2);
    assert_eq!(session.media()[1].mid(), Some("1"));
    assert_eq!(
        session.direction_of(&session.media()[1]),
        Direction::RecvOnly
    );
    assert_eq!(
        session.direction_of(&session.media()[0]),
        Direction::SendRecv
    );
}

#[test]
fn repeat_groups_may_alternate_with_timing_lines() {
    let text = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=1 2\r\nr=7d 1h 0 25h\r\nt=3 4\r\nz=2882844526 -1h 2898848070 0\r\n";
    let session = strict(text).unwrap().session;
    assert_eq!(session.timings().count(), 2);
    assert_eq!(session.repeats().count(), 1);
    assert_eq!(session.time_zones().unwrap().adjustments().count(), 2);
    let err = strict("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nr=7d 1h 0\r\nt=0 0\r\n").unwrap_err();
    assert_eq!(err.code(), ErrorCode::OutOfOrder);
}
