use super::*;

fn round_trip<'a, T: TypedAttribute<'a> + PartialEq + fmt::Debug>(value: &'a str) -> T {
    let parsed = T::parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
    let written: &'static str = Box::leak(parsed.to_string().into_boxed_str());
    let again = T::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
    assert_eq!(again, parsed, "{value}");
    parsed
}

#[test]
fn text_attributes_keep_corpus_values_as_written() {
    for v in [
        "LIVE555 Streaming Media v2011.05.25 CHAM.LI@ANJVISION.COM",
        "vlc 3.0.11",
        "libavformat 58.25.100",
        "IDS uEye Live RTSP Server:Jul 17 2025 - 13:23:42",
    ] {
        let tool = round_trip::<Tool>(v);
        assert_eq!(tool.as_str(), v);
        assert_eq!(tool.to_string(), v);
    }
    for v in ["1", "3", "10", "11", "foobar"] {
        assert_eq!(round_trip::<Label>(v).as_str(), v);
    }
    assert_eq!(round_trip::<Keywords>("Dante").as_str(), "Dante");
    assert_eq!(round_trip::<Charset>("UTF-8").as_str(), "UTF-8");
    assert_eq!(
        Charset::new("ISO-8859-1").unwrap().to_string(),
        "ISO-8859-1"
    );
}

#[test]
fn text_attributes_reject_empty_text_and_line_breaks() {
    assert_eq!(
        Label::parse(""),
        Err(ValueError::new(0, "a non-empty text"))
    );
    assert_eq!(
        Tool::parse("x\ny"),
        Err(ValueError::new(1, "text without NUL, CR or LF"))
    );
    assert_eq!(
        Keywords::new("a\0b"),
        Err(ValueError::new(1, "text without NUL, CR or LF"))
    );
    assert_eq!(
        Label::parse("\r"),
        Err(ValueError::new(0, "text without NUL, CR or LF"))
    );
    assert_eq!(Label::parse(" spaced ").unwrap().as_str(), " spaced ");
}

#[test]
fn category_splits_into_levels() {
    let cat = round_trip::<Category>("sport.football.league");
    assert_eq!(
        cat.levels().collect::<Vec<_>>(),
        ["sport", "football", "league"]
    );
}

#[test]
fn content_reads_rfc_kinds_and_keeps_others_in_order() {
    assert_eq!(
        round_trip::<Content>("slides").kinds().collect::<Vec<_>>(),
        [ContentKind::Slides]
    );
    let c = round_trip::<Content>("main,speaker,sl,alt,g.722-notes");
    assert_eq!(
        c.kinds().collect::<Vec<_>>(),
        [
            ContentKind::Main,
            ContentKind::Speaker,
            ContentKind::Sl,
            ContentKind::Alt,
            ContentKind::Other("g.722-notes")
        ]
    );
    assert!(c.contains(ContentKind::Alt));
    assert!(!c.contains(ContentKind::Slides));
    assert_eq!(c.to_string(), "main,speaker,sl,alt,g.722-notes");
}

#[test]
fn content_tolerates_spaces_after_commas_and_writes_without() {
    let c = round_trip::<Content>("slides, speaker");
    assert_eq!(c.to_string(), "slides,speaker");
    assert_eq!(c, Content::new("slides,speaker").unwrap());
}

#[test]
fn content_reports_malformed_lists() {
    let kind = "a content kind (`main`, `slides`, ...)";
    assert_eq!(Content::parse(""), Err(ValueError::new(0, kind)));
    assert_eq!(Content::parse(",main"), Err(ValueError::new(0, kind)));
    assert_eq!(
        Content::parse("main,"),
        Err(ValueError::new(4, "end of value"))
    );
    assert_eq!(
        Content::parse("main slides"),
        Err(ValueError::new(5, "end of value"))
    );
}

#[test]
fn conference_type_names_rfc_types_and_keeps_others() {
    assert_eq!(
        round_trip::<ConferenceType>("broadcast"),
        ConferenceType::Broadcast
    );
    assert_eq!(
        round_trip::<ConferenceType>("meeting"),
        ConferenceType::Meeting
    );
    assert_eq!(
        round_trip::<ConferenceType>("moderated"),
        ConferenceType::Moderated
    );
    assert_eq!(round_trip::<ConferenceType>("test"), ConferenceType::Test);
    assert_eq!(round_trip::<ConferenceType>("H332"), ConferenceType::H332);
    let other = round_trip::<ConferenceType>("notstridable");
    assert_eq!(other, ConferenceType::Other("notstridable"));
    assert_eq!(other.to_string(), "notstridable");
    assert_eq!(
        ConferenceType::parse(""),
        Err(ValueError::new(0, "a non-empty text"))
    );
}

#[test]
fn language_attributes_check_tags() {
    let l = round_trip::<SdpLang>("en");
    assert_eq!(l.primary(), "en");
    let l = round_trip::<Lang>("de-CH-1996");
    assert_eq!(l.primary(), "de");
    assert_eq!(l.subtags().collect::<Vec<_>>(), ["de", "CH", "1996"]);
    assert_eq!(round_trip::<Lang>("x-klingon").as_str(), "x-klingon");
    assert_eq!(Lang::new("zh-Hant-TW").unwrap().to_string(), "zh-Hant-TW");
}

#[test]
fn language_attributes_reject_malformed_tags() {
    let tag = "a language tag (e.g. `en` or `de-CH`)";
    assert_eq!(Lang::parse(""), Err(ValueError::new(0, tag)));
    assert_eq!(Lang::parse("1en"), Err(ValueError::new(0, tag)));
    assert_eq!(Lang::parse("en-"), Err(ValueError::new(3, tag)));
    assert_eq!(Lang::parse("toolongtag"), Err(ValueError::new(0, tag)));
    assert_eq!(
        SdpLang::parse("en_US"),
        Err(ValueError::new(2, "end of value"))
    );
    assert_eq!(
        SdpLang::parse("en fr"),
        Err(ValueError::new(3, "end of value"))
    );
}
