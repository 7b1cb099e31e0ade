use super::*;

fn round_trip<'a, T: TypedAttribute<'a> + PartialEq + fmt::Debug>(value: &'a str) -> T {
    let parsed = T::parse(value).unwrap_or_else(|e| panic!("{value}: {e}"));
    let written: &'static str = Box::leak(parsed.to_string().into_boxed_str());
    let again = T::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
    assert_eq!(again, parsed, "{value}");
    parsed
}

const GMID: &str = "39-A7-94-FF-FE-07-CB-D0";

#[test]
fn ts_refclk_reads_ptp_with_grandmaster_and_bare_domain() {
    let v = "ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37";
    let clk = round_trip::<TsRefclk>(v);
    let TsRefclk::Ptp { version, clock } = clk else {
        panic!("{clk:?}")
    };
    assert_eq!(version, PtpVersion::Ieee1588_2008);
    let PtpClock::Grandmaster { gmid, domain } = clock else {
        panic!("{clock:?}")
    };
    assert_eq!(gmid.as_str(), GMID);
    assert_eq!(
        gmid.octets().collect::<Vec<_>>(),
        [0x39, 0xA7, 0x94, 0xFF, 0xFE, 0x07, 0xCB, 0xD0]
    );
    assert_eq!(domain, Some(PtpDomain::Number(37)));
    assert_eq!(clk.to_string(), v);
}

#[test]
fn ts_refclk_reads_every_corpus_form() {
    for v in [
        "ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:37",
        "ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:0",
        "ptp=IEEE1588-2008:traceable",
        "ptp=IEEE1588-2008:08-00-11-FF-FE-21-A5-45:42",
        "local",
        "ptp=IEEE802.1AS-2011:39-A7-94-FF-FE-07-CB-D0",
        "ptp=IEEE1588-2008:ec-46-70-ff-fe-00-ce-de",
        "ptp=IEEE1588-2008:00-1D-C1-FF-FE-12-00-A4:0",
        "ntp=203.0.113.10",
        "ntp=198.51.100.22",
        "ntp=/traceable/",
    ] {
        assert_eq!(round_trip::<TsRefclk>(v).to_string(), v);
    }
}

#[test]
fn ts_refclk_reads_rfc_7273_domains_and_versions() {
    let clk = round_trip::<TsRefclk>("ptp=IEEE1588-2002:39-A7-94-FF-FE-07-CB-D0:domain-name=abc");
    assert!(matches!(
        clk,
        TsRefclk::Ptp {
            version: PtpVersion::Ieee1588_2002,
            clock: PtpClock::Grandmaster {
                domain: Some(PtpDomain::Name("abc")),
                ..
            }
        }
    ));
    let clk = round_trip::<TsRefclk>("ptp=IEEE1588-2019:39-A7-94-FF-FE-07-CB-D0:domain-nmbr=5");
    assert!(matches!(
        clk,
        TsRefclk::Ptp {
            version: PtpVersion::Ieee1588_2019,
            clock: PtpClock::Grandmaster {
                domain: Some(PtpDomain::Nmbr(5)),
                ..
            }
        }
    ));
    let clk = round_trip::<TsRefclk>("ptp=IEEE1588-2030:traceable");
    assert!(matches!(
        clk,
        TsRefclk::Ptp {
            version: PtpVersion::Other("IEEE1588-2030"),
            clock: PtpClock::Traceable
        }
    ));
}

#[test]
fn ts_refclk_reads_ntp_hosts_with_ports() {
    assert_eq!(
        round_trip::<TsRefclk>("ntp=ntp.example.com:123"),
        TsRefclk::Ntp {
            host: "ntp.example.com",
            port: Some(123)
        }
    );
    assert_eq!(
        round_trip::<TsRefclk>("ntp=[2001:db8::1]:123"),
        TsRefclk::Ntp {
            host: "[2001:db8::1]",
            port: Some(123)
        }
    );
}

#[test]
fn ts_refclk_reads_the_simple_sources() {
    assert_eq!(round_trip::<TsRefclk>("gps"), TsRefclk::Gps);
    assert_eq!(round_trip::<TsRefclk>("gal"), TsRefclk::Gal);
    assert_eq!(round_trip::<TsRefclk>("glonass"), TsRefclk::Glonass);
    assert_eq!(
        round_trip::<TsRefclk>("private"),
        TsRefclk::Private { traceable: false }
    );
    assert_eq!(
        round_trip::<TsRefclk>("private:traceable"),
        TsRefclk::Private { traceable: true }
    );
    let mac = round_trip::<TsRefclk>("localmac=CA-FE-01-02-03-04");
    let TsRefclk::LocalMac(mac) = mac else {
        panic!("{mac:?}")
    };
    assert_eq!(mac.octets().count(), 6);
}

#[test]
fn ts_refclk_keeps_unknown_sources() {
    assert_eq!(
        round_trip::<TsRefclk>("atomic=cs-133"),
        TsRefclk::Other("atomic=cs-133")
    );
    assert_eq!(
        round_trip::<TsRefclk>("sundial"),
        TsRefclk::Other("sundial")
    );
}

#[test]
fn ts_refclk_reports_malformed_values() {
    let eui = "a grandmaster id (EUI-64, `xx-xx-xx-xx-xx-xx-xx-xx`)";
    assert_eq!(
        TsRefclk::parse("ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB"),
        Err(ValueError::new(18, eui))
    );
    assert_eq!(
        TsRefclk::parse("ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-DG"),
        Err(ValueError::new(18, eui))
    );
    assert_eq!(
        TsRefclk::parse("ptp=IEEE1588-2008"),
        Err(ValueError::new(17, "`:` and a grandmaster id"))
    );
    assert_eq!(
        TsRefclk::parse("ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:300"),
        Err(ValueError::new(42, "a PTP domain (0-255)"))
    );
    assert_eq!(
        TsRefclk::parse("ptp=IEEE1588-2008:39-A7-94-FF-FE-07-CB-D0:domain-name="),
        Err(ValueError::new(54, "a PTP domain name (1-16 characters)"))
    );
    assert_eq!(TsRefclk::parse("ntp"), Err(ValueError::new(3, "`=`")));
    assert_eq!(
        TsRefclk::parse("ntp="),
        Err(ValueError::new(4, "an NTP server host or `/traceable/`"))
    );
    assert_eq!(
        TsRefclk::parse("ntp=host:99999"),
        Err(ValueError::new(9, "a port number"))
    );
    assert_eq!(
        TsRefclk::parse("localmac=01-02"),
        Err(ValueError::new(9, "a MAC address (`xx-xx-xx-xx-xx-xx`)"))
    );
    assert_eq!(
        TsRefclk::parse("local extra"),
        Err(ValueError::new(6, "end of value"))
    );
    assert_eq!(
        TsRefclk::parse(""),
        Err(ValueError::new(0, "a clock source"))
    );
}

#[test]
fn hex_id_checks_octet_count_and_digits() {
    assert_eq!(HexId::new(GMID, 8).unwrap().as_str(), GMID);
    assert!(HexId::new(GMID, 6).is_err());
    assert!(HexId::new("0-1-2", 3).is_err());
    assert!(HexId::new("", 0).is_err());
}

#[test]
fn mediaclk_reads_every_corpus_form() {
    for v in [
        "direct=0",
        "id=MDA6NjA6MmI6MjA6MTI6MWY= sender",
        "direct=963214424 rate=1000/1001",
        "direct=963214424",
        "direct=654321",
        "direct=0 rate=90000",
        "IEEE1722=38-D6-6D-8E-D2-78-13-2F",
    ] {
        assert_eq!(round_trip::<Mediaclk>(v).to_string(), v);
    }
}

#[test]
fn mediaclk_reads_direct_offset_and_rate() {
    let m = round_trip::<Mediaclk>("direct=963214424 rate=1000/1001");
    assert_eq!(m.id, None);
    assert_eq!(
        m.source,
        MediaclkSource::Direct {
            offset: Some(963_214_424),
            rate: Some(ClockRate {
                num: 1000,
                den: Some(1001)
            })
        }
    );
    let m = round_trip::<Mediaclk>("direct");
    assert_eq!(
        m.source,
        MediaclkSource::Direct {
            offset: None,
            rate: None
        }
    );
    assert_eq!(
        Mediaclk::parse("direct=0   rate=90000")
            .unwrap()
            .to_string(),
        "direct=0 rate=90000"
    );
}

#[test]
fn mediaclk_reads_id_and_keeps_unknown_clocks() {
    let m = round_trip::<Mediaclk>("id=MDA6NjA6MmI6MjA6MTI6MWY= sender");
    assert_eq!(m.id, Some("MDA6NjA6MmI6MjA6MTI6MWY="));
    assert_eq!(m.source, MediaclkSource::Sender);
    let m = round_trip::<Mediaclk>("audio-word-clock=48000 locked");
    assert_eq!(
        m.source,
        MediaclkSource::Other("audio-word-clock=48000 locked")
    );
    assert_eq!(Mediaclk::new(MediaclkSource::Sender).to_string(), "sender");
}

#[test]
fn mediaclk_reports_malformed_values() {
    assert_eq!(
        Mediaclk::parse("direct=x"),
        Err(ValueError::new(7, "a clock offset"))
    );
    assert_eq!(
        Mediaclk::parse("direct=0 rate=/1001"),
        Err(ValueError::new(14, "a rate numerator"))
    );
    assert_eq!(
        Mediaclk::parse("direct=0 rate=1000/"),
        Err(ValueError::new(19, "a rate denominator"))
    );
    assert_eq!(
        Mediaclk::parse("IEEE1722=38-D6"),
        Err(ValueError::new(
            9,
            "a stream id (EUI-64, `xx-xx-xx-xx-xx-xx-xx-xx`)"
        ))
    );
    assert_eq!(Mediaclk::parse("IEEE1722"), Err(ValueError::new(8, "`=`")));
    assert_eq!(Mediaclk::parse("id=x"), Err(ValueError::new(4, "a space")));
    assert_eq!(
        Mediaclk::parse(""),
        Err(ValueError::new(0, "a media clock"))
    );
}

#[test]
fn source_filter_reads_every_corpus_form() {
    for v in [
        "incl IN IP4 233.252.0.1 198.51.100.1",
        "incl IN IP4 233.252.0.1 198.51.100.1 198.51.100.2",
        "incl IN IP4 232.21.21.133 172.29.226.24",
        " incl IN IP4 239.50.2.2 192.168.60.38",
        " incl IN IP4 233.252.0.0 192.0.2.0",
        " incl IN IP4 * 10.175.31.17",
    ] {
        let f = round_trip::<SourceFilter>(v);
        assert_eq!(f.to_string(), format!(" {}", v.trim_start()));
    }
}

#[test]
fn source_filter_exposes_its_parts() {
    let f = round_trip::<SourceFilter>(" excl IN * * 192.0.2.1  2001:db8::1 src.example.com");
    assert_eq!(f.mode, FilterMode::Excl);
    assert_eq!(f.nettype, "IN");
    assert_eq!(f.addrtypes, FilterAddrTypes::Any);
    assert_eq!(f.dest, FilterDest::Any);
    assert_eq!(
        f.sources().collect::<Vec<_>>(),
        ["192.0.2.1", "2001:db8::1", "src.example.com"]
    );
    assert_eq!(
        f.to_string(),
        " excl IN * * 192.0.2.1 2001:db8::1 src.example.com"
    );
    let f = round_trip::<SourceFilter>("incl IN IP6 FF0E::11A 2001:db8::2");
    assert_eq!(f.addrtypes, FilterAddrTypes::Ip6);
    assert_eq!(f.dest, FilterDest::Address("FF0E::11A"));
}

#[test]
fn source_filter_builds_from_parts() {
    let f = SourceFilter::new(
        FilterMode::Incl,
        "IN",
        FilterAddrTypes::Ip4,
        FilterDest::Address("232.3.4.5"),
        "192.0.2.10 192.0.2.11",
    )
    .unwrap();
    assert_eq!(
        f.to_string(),
        " incl IN IP4 232.3.4.5 192.0.2.10 192.0.2.11"
    );
    assert!(SourceFilter::new(
        FilterMode::Incl,
        "IN",
        FilterAddrTypes::Ip4,
        FilterDest::Any,
        "",
    )
    .is_err());
}

#[test]
fn source_filter_reports_malformed_values() {
    assert_eq!(
        SourceFilter::parse("include IN IP4 * 1.2.3.4"),
        Err(ValueError::new(0, "`incl` or `excl`"))
    );
    assert_eq!(
        SourceFilter::parse(" incl IN IP4 239.0.0.1"),
        Err(ValueError::new(22, "a space"))
    );
    assert_eq!(
        SourceFilter::parse("incl IN IP4 239.0.0.1 "),
        Err(ValueError::new(22, "a source address"))
    );
    assert_eq!(
        SourceFilter::parse("incl IN IP4 239.0.0.1 1.2.3.4/24"),
        Err(ValueError::new(29, "end of value"))
    );
    assert_eq!(
        SourceFilter::parse("incl IN IP4 # 1.2.3.4"),
        Err(ValueError::new(12, "a destination address or `*`"))
    );
}
