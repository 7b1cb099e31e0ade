use super::*;

fn round_trip<'a, T: TypedAttribute<'a> + PartialEq + fmt::Debug>(value: &'a str) -> T {
    let parsed = T::parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
    let written: &'static str = Box::leak(parsed.to_string().into_boxed_str());
    let again = T::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
    assert_eq!(again, parsed, "{value}");
    parsed
}

/// Every `a=control` value of the corpus (retina, gortsplib, sdp-transform, ...).
const CORPUS_CONTROLS: &[&str] = &[
    "*",
    "0",
    "1",
    "2",
    "?ctype=app106",
    "?ctype=video",
    "audio",
    "backchannel",
    "meta",
    "rtsp://*****/video=video1",
    "rtsp://10.0.0.1/media/video1/metadata",
    "rtsp://10.0.0.1/media/video1/video",
    "rtsp://10.0.100.50/profile5/media.smp",
    "rtsp://10.0.100.50/profile5/media.smp/trackID=a",
    "rtsp://10.0.100.50/profile5/media.smp/trackID=v",
    "rtsp://10.10.1.30:8554/onvif2/audio/trackID=0",
    "rtsp://10.10.1.30:8554/onvif2/audio/trackID=1",
    "rtsp://10.10.10.10:5556/vurix/1414/0/video",
    "rtsp://172.16.2.20/sid=96&overlay=on",
    "rtsp://192.168.0.1/audio",
    "rtsp://192.168.0.1/audioback",
    "rtsp://192.168.0.1/video",
    "rtsp://192.168.1.1:554/c266233d-e0e5-414f-9c57-9ed9d187c969",
    "rtsp://192.168.1.1:554/c266233d-e0e5-414f-9c57-9ed9d187c969/Video",
    "rtsp://192.168.1.20/camera1.sdp",
    "rtsp://192.168.1.63/defaultPr",
    "rtsp://192.168.1.63/defaultPrimary/micCfg0/trackID=9?mtu=1440&streamType=u",
    "rtsp://192.168.1.63/defaultPrimary/spk0/trackID=2?mtu=1440&streamType=u",
    "rtsp://192.168.5.106:554/Streaming/Channels/101/?transportmode=unicast&profile=Profile_1",
    "rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=1?transportmode=unicast&profile=Profile_1",
    "rtsp://192.168.5.106:554/Streaming/Channels/101/trackID=3?transportmode=unicast&profile=Profile_1",
    "rtsp://192.168.5.237/media/video1/metadata",
    "rtsp://192.168.5.237/media/video1/video",
    "rtsp://61.135.88.175:554/refuse/unavailable_media.wmv/",
    "rtsp://example.com/onvif_camera/audio",
    "rtsp://example.com/onvif_camera/metadata",
    "rtsp://example.com/onvif_camera/video",
    "rtx",
    "stream=1",
    "streamid=0",
    "streamid=1",
    "track0",
    "track1",
    "track2",
    "track3",
    "track=2",
    "trackID=0",
    "trackID=1",
    "trackID=2",
    "trackID=3",
    "trackID=4",
    "trackID=video",
    "trackid=1",
    "video",
];

#[test]
fn control_reads_every_corpus_value() {
    for v in CORPUS_CONTROLS {
        let c = round_trip::<Control>(v);
        assert_eq!(c.as_str(), *v);
        assert_eq!(c.to_string(), *v);
    }
}

#[test]
fn control_tells_aggregate_absolute_and_relative_apart() {
    let star = Control::parse("*").unwrap();
    assert!(star.is_aggregate());
    assert_eq!(star, Control::AGGREGATE);
    let abs = Control::parse("rtsp://192.0.2.1:554/live/trackID=1").unwrap();
    assert!(abs.is_absolute() && !abs.is_aggregate());
    for rel in ["trackID=1", "?ctype=video", "track1", "a:b/c", "1rtsp://x"] {
        let c = Control::parse(rel).unwrap();
        assert!(!c.is_absolute() || rel == "a:b/c", "{rel}");
    }
    assert!(!Control::parse("trackID=1").unwrap().is_absolute());
    assert!(!Control::parse("track=x:y").unwrap().is_absolute());
}

#[test]
fn control_resolves_against_a_base_url() {
    let base = "rtsp://192.0.2.1/live";
    let resolve = |c: &str| Control::parse(c).unwrap().resolve(base);
    assert_eq!(resolve("*"), base);
    assert_eq!(resolve("trackID=1"), "rtsp://192.0.2.1/live/trackID=1");
    assert_eq!(resolve("?ctype=video"), "rtsp://192.0.2.1/live?ctype=video");
    assert_eq!(resolve("rtsp://192.0.2.9/x"), "rtsp://192.0.2.9/x");
    assert_eq!(
        Control::parse("trackID=1")
            .unwrap()
            .resolve("rtsp://h/live/"),
        "rtsp://h/live/trackID=1"
    );
    assert_eq!(
        Control::parse("/trackID=1")
            .unwrap()
            .resolve("rtsp://h/live/"),
        "rtsp://h/live/trackID=1"
    );
}

#[test]
fn control_rejects_empty_and_spaced_values() {
    assert_eq!(
        Control::parse(""),
        Err(ValueError::new(0, "a control URL or `*`"))
    );
    assert_eq!(
        Control::parse("track 1"),
        Err(ValueError::new(6, "end of value"))
    );
    assert_eq!(Control::new("trackID=2").unwrap().as_str(), "trackID=2");
}

#[test]
fn range_reads_every_corpus_value() {
    for (v, unit, start, end) in [
        ("npt=0-", RangeUnit::Npt, Some("0"), None),
        ("npt=now-", RangeUnit::Npt, Some("now"), None),
        (
            "npt=3.000-6.185",
            RangeUnit::Npt,
            Some("3.000"),
            Some("6.185"),
        ),
        ("npt=0- 596.48", RangeUnit::Npt, Some("0"), Some("596.48")),
        ("clock=0-", RangeUnit::Clock, Some("0"), None),
    ] {
        let r = round_trip::<Range>(v);
        assert_eq!(r, Range { unit, start, end }, "{v}");
    }
}

#[test]
fn range_writes_canonically() {
    assert_eq!(
        Range::parse("npt=0- 596.48").unwrap().to_string(),
        "npt=0-596.48"
    );
    assert_eq!(Range::parse("npt=0 - 10").unwrap().to_string(), "npt=0-10");
    assert_eq!(Range::parse("npt=now-").unwrap().to_string(), "npt=now-");
    assert_eq!(Range::parse("npt").unwrap().to_string(), "npt");
}

#[test]
fn range_decodes_npt_times() {
    let r = Range::parse("npt=0.000-10.5").unwrap();
    assert_eq!(r.npt_start(), Some(NptTime::Seconds(0.0)));
    assert_eq!(r.npt_end(), Some(NptTime::Seconds(10.5)));
    let r = Range::parse("npt=now-").unwrap();
    assert_eq!(r.npt_start(), Some(NptTime::Now));
    assert_eq!(r.npt_end(), None);
    let r = round_trip::<Range>("npt=1:02:03.5-");
    assert_eq!(r.npt_start(), Some(NptTime::Seconds(3723.5)));
    let r = round_trip::<Range>("npt=-20");
    assert_eq!(r.start, None);
    assert_eq!(r.npt_end(), Some(NptTime::Seconds(20.0)));
    assert_eq!(NptTime::parse("5."), Ok(NptTime::Seconds(5.0)));
    assert_eq!(NptTime::parse("0:00:01."), Ok(NptTime::Seconds(1.0)));
    assert_eq!(
        Range::parse("clock=20240101T000000Z-").unwrap().npt_start(),
        None
    );
}

#[test]
fn range_keeps_clock_smpte_and_unknown_times_as_text() {
    let r = round_trip::<Range>("clock=20240101T000000Z-20240101T010000.5Z");
    assert_eq!(r.unit, RangeUnit::Clock);
    assert_eq!(r.start, Some("20240101T000000Z"));
    assert_eq!(r.end, Some("20240101T010000.5Z"));
    let r = round_trip::<Range>("smpte=10:07:00-10:07:33:05.01");
    assert_eq!(r.unit, RangeUnit::Smpte);
    assert_eq!(r.end, Some("10:07:33:05.01"));
    assert_eq!(
        round_trip::<Range>("smpte-30-drop=0:00:00-").unit,
        RangeUnit::Smpte30Drop
    );
    assert_eq!(
        round_trip::<Range>("smpte-25=-0:10:00").unit,
        RangeUnit::Smpte25
    );
    assert_eq!(
        round_trip::<Range>("frames=0-100").unit,
        RangeUnit::Other("frames")
    );
}

#[test]
fn range_reports_malformed_values() {
    let npt = "an NPT time (`now`, seconds or `h:mm:ss`)";
    assert_eq!(Range::parse(""), Err(ValueError::new(0, "a range unit")));
    assert_eq!(
        Range::parse("npt="),
        Err(ValueError::new(4, "a time or `-`"))
    );
    assert_eq!(
        Range::parse("npt=-"),
        Err(ValueError::new(5, "an end time"))
    );
    assert_eq!(
        Range::parse("npt=abc-"),
        Err(ValueError::new(4, "a time or `-`"))
    );
    assert_eq!(
        Range::parse("npt=0-abc"),
        Err(ValueError::new(6, "end of value"))
    );
    assert_eq!(
        Range::parse("npt=1:75:00-"),
        Err(ValueError::new(6, "minutes or seconds (00-59)"))
    );
    assert_eq!(Range::parse("npt=5"), Err(ValueError::new(5, "`-`")));
    assert_eq!(NptTime::parse("later"), Err(ValueError::new(0, npt)));
    assert_eq!(NptTime::parse(".5"), Err(ValueError::new(0, npt)));
}
