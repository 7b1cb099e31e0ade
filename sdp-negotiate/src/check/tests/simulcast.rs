//! F29-F30: simulcast and rid.

use super::*;

#[test]
fn f29_simulcast_rid_without_a_rid_line_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=rid:f ");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F29", Severity::Error, Some(1)),
        "simulcast rid `f` has no `a=rid` line"
    );
}

#[test]
fn f29_direction_repeated_in_simulcast_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=simulcast:recv q;h;f",
        "a=simulcast:recv q;h recv f",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F29", Severity::Error, Some(1)),
        "`a=simulcast:recv q;h recv f` gives `recv` twice"
    );
}

#[test]
fn f29_unoffered_rid_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=rid:f recv",
        "a=rid:f recv\r\na=rid:x recv",
    );
    let answer = edit_media(
        &answer,
        1,
        "a=simulcast:recv q;h;f",
        "a=simulcast:recv q;h;f;x",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F29", Severity::Error, Some(1)),
        "rid `x` was not offered"
    );
}

#[test]
fn f29_direction_not_reversed_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=rid:q recv", "a=rid:q send");
    let answer = edit_media(
        &answer,
        1,
        "a=simulcast:recv q;h;f",
        "a=simulcast:recv h;f send q",
    );
    let found = run(CHROME_OFFER, &answer);
    let messages: Vec<_> = found
        .iter()
        .filter(|v| v.rule == "F29")
        .map(|v| v.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "simulcast `send` lists `q`, which is not in the offer's `recv` list: directions are not reversed",
            "`a=rid:q send` answers `a=rid:q send`: the direction is not reversed",
        ]
    );
}

#[test]
fn f29_rid_pt_outside_the_m_line_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=rid:q recv", "a=rid:q recv pt=96,104");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F29", Severity::Error, Some(1)),
        "`a=rid:q` restricts to PT 104, which the m-line lacks"
    );
}

#[test]
fn f29_answer_dropping_a_layer_is_fine() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=rid:f ");
    let answer = edit_media(&answer, 1, "a=simulcast:recv q;h;f", "a=simulcast:recv q;h");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f30_simulcast_without_the_rtp_stream_id_extension_is_a_warning() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=extmap:10 ");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F30", Severity::Warning, Some(1)),
        "simulcast is answered without the `urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id` extension"
    );
}
