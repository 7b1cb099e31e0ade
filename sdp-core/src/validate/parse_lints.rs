//! Catalogue entries for the parser's codes, so that its warnings read like every other
//! diagnostic and `sdp explain SDP0009` works.

use crate::error::ErrorCode;

use super::{lints, LintInfo};

lints! {
    INVALID_UTF8 = "SDP0001" "invalid-utf8" Error [all] "RFC 8866 §5",
        title: "input is not valid UTF-8",
        explanation: "SDP text is UTF-8 (RFC 8866 §5: the character set is ISO 10646 in UTF-8). A byte sequence that is not UTF-8 usually means a binary or truncated body, or text in a legacy charset.",
        wrong: "s=Caf\\xe9",
        right: "s=Café";
    EMPTY_INPUT = "SDP0002" "empty-input" Error [all] "RFC 8866 §5",
        title: "empty input",
        explanation: "There is nothing to parse: the input is empty or only white space.",
        wrong: "",
        right: "v=0";
    MISSING_VERSION = "SDP0003" "missing-version" Error [all] "RFC 8866 §5.1",
        title: "the description does not start with `v=`",
        explanation: "Every session description starts with `v=0`. Some RTSP cameras omit it; lenient parsing accepts that.",
        wrong: "o=- 1 1 IN IP4 192.0.2.1",
        right: "v=0\no=- 1 1 IN IP4 192.0.2.1";
    UNSUPPORTED_VERSION = "SDP0004" "unsupported-version" Error [all] "RFC 8866 §5.1",
        title: "protocol version is not `0`",
        explanation: "Only version 0 of SDP exists.",
        wrong: "v=1",
        right: "v=0";
    MISSING_EQUALS = "SDP0005" "missing-equals" Error [all] "RFC 8866 §5",
        title: "line is not of the form `<type>=<value>`",
        explanation: "Each line is one type letter, `=`, and a value. A line without `=` after its first character is not SDP; it often comes from a comment or a broken copy-and-paste.",
        wrong: "a",
        right: "a=recvonly";
    UNKNOWN_LINE_TYPE = "SDP0006" "unknown-line-type" Error [all] "RFC 8866 §5",
        title: "unknown line type",
        explanation: "RFC 8866 defines the types v o s i u e p c b t r z k a m. A parser must ignore or reject a description with another type letter; some SIP equipment adds `y=` or `f=` (GB28181).",
        wrong: "y=0100000001",
        right: "a=x-ssrc:0100000001";
    BLANK_LINE = "SDP0007" "blank-line" Error [all] "RFC 8866 §5",
        title: "blank line",
        explanation: "The grammar has no empty lines. Many parsers skip them, some reject the whole description.",
        wrong: "s=-\n\nt=0 0",
        right: "s=-\nt=0 0";
    INDENTED_LINE = "SDP0008" "indented-line" Error [all] "RFC 8866 §5",
        title: "indented line",
        explanation: "The type letter must be the first character of the line. Indentation usually comes from a template or a log.",
        wrong: " a=sendrecv",
        right: "a=sendrecv";
    OUT_OF_ORDER = "SDP0009" "out-of-order" Error [all] "RFC 8866 §5",
        title: "line out of order",
        explanation: "Lines follow a fixed order: at session level `v o s i u e p c b t r z k a`, in a media section `m i c b k a`. Strict parsers (libwebrtc among them) refuse a description whose lines are out of order.",
        wrong: "m=audio 9 RTP/AVP 0\na=sendrecv\nc=IN IP4 192.0.2.1",
        right: "m=audio 9 RTP/AVP 0\nc=IN IP4 192.0.2.1\na=sendrecv";
    MISSING_LINE = "SDP0010" "missing-line" Error [all] "RFC 8866 §5",
        title: "mandatory line missing",
        explanation: "`v=`, `o=`, `s=` and at least one `t=` are mandatory at session level.",
        wrong: "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-",
        right: "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0";
    DUPLICATE_LINE = "SDP0011" "duplicate-line" Error [all] "RFC 8866 §5",
        title: "line repeated",
        explanation: "`v o s i u c z k` appear at most once at session level, and `i k` at most once per media section.",
        wrong: "s=-\ns=call",
        right: "s=call";
    MALFORMED_LINE = "SDP0012" "malformed-line" Error [all] "RFC 8866 §9",
        title: "malformed line",
        explanation: "A structural line (`o=`, `c=`, `b=`, `t=`, `r=`, `z=`, `k=`, `m=`) does not follow its grammar in RFC 8866 §9. The message says which field and what was expected.",
        wrong: "m=video 65536 RTP/AVP 99",
        right: "m=video 49170 RTP/AVP 99";
    MALFORMED_ATTRIBUTE = "SDP0013" "malformed-attribute" Error [all] "RFC 8866 §5.13",
        title: "malformed attribute",
        explanation: "The value of a known attribute does not follow the grammar of the document that defines it (named in the message). Lenient parsing keeps the line as text; a peer is likely to reject it.",
        wrong: "a=rtpmap:abc opus/48000/2",
        right: "a=rtpmap:111 opus/48000/2";
    ATTRIBUTE_SCOPE = "SDP0014" "attribute-scope" Error [all] "RFC 8866 §5.13",
        title: "attribute at the wrong level",
        explanation: "Each attribute is defined as session-level, media-level or both. A media-level attribute at session level (or the reverse) is ignored by most stacks and refused by some (Firefox's parser among them). The parser accepts it (the grammar allows any attribute anywhere); validation reports it as an error in every profile.",
        wrong: "t=0 0\na=rtcp-mux\nm=audio 9 RTP/AVP 0",
        right: "t=0 0\nm=audio 9 RTP/AVP 0\na=rtcp-mux";
    EMPTY_ATTRIBUTE_NAME = "SDP0015" "empty-attribute-name" Error [all] "RFC 8866 §5.13",
        title: "attribute without a name",
        explanation: "`a=` must be followed by an attribute name.",
        wrong: "a=:x",
        right: "a=x-note:x";
    EMPTY_SESSION_NAME = "SDP0016" "empty-session-name" Warning [all] "RFC 8866 §5.3",
        title: "empty session name",
        explanation: "`s=` must not be empty; when a session has no name, RFC 8866 recommends `s=-` or `s= ` (a single space). RFC 4317's examples and much SIP equipment send an empty `s=`, which most parsers accept.",
        wrong: "s=",
        right: "s=-";
    LIMIT_EXCEEDED = "SDP0017" "limit-exceeded" Error [all] "sdpkit ParseOptions::limits",
        title: "input exceeds a parse limit",
        explanation: "The input is larger than the configured limits (input size, line length, number of lines, media sections or attributes per section). The limits protect services from hostile input; raise them in `ParseOptions` for trusted input.",
        wrong: "",
        right: "";
}

/// The catalogue entry of a parser code.
pub fn lint_for_parse_code(code: ErrorCode) -> &'static LintInfo {
    match code {
        ErrorCode::InvalidUtf8 => &INVALID_UTF8,
        ErrorCode::EmptyInput => &EMPTY_INPUT,
        ErrorCode::MissingVersion => &MISSING_VERSION,
        ErrorCode::UnsupportedVersion => &UNSUPPORTED_VERSION,
        ErrorCode::MissingEquals => &MISSING_EQUALS,
        ErrorCode::UnknownLineType => &UNKNOWN_LINE_TYPE,
        ErrorCode::BlankLine => &BLANK_LINE,
        ErrorCode::IndentedLine => &INDENTED_LINE,
        ErrorCode::OutOfOrder => &OUT_OF_ORDER,
        ErrorCode::MissingLine => &MISSING_LINE,
        ErrorCode::DuplicateLine => &DUPLICATE_LINE,
        ErrorCode::MalformedLine => &MALFORMED_LINE,
        ErrorCode::MalformedAttribute => &MALFORMED_ATTRIBUTE,
        ErrorCode::AttributeScope => &ATTRIBUTE_SCOPE,
        ErrorCode::EmptyAttributeName => &EMPTY_ATTRIBUTE_NAME,
        ErrorCode::EmptySessionName => &EMPTY_SESSION_NAME,
        ErrorCode::LimitExceeded => &LIMIT_EXCEEDED,
    }
}
