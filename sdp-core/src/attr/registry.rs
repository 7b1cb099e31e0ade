//! The attribute registry: one table mapping each known attribute name to its typed form, its
//! scope (session, media or both) and the RFC that defines it.
//!
//! Dispatch is a single `match` on the exact name: no parser is tried after another.

use std::fmt;

use super::direction::Direction;
use super::{
    bundle, clock, crypto, dtls, extmap, ice, imageattr, media_info, msid, parse_typed, rid, rtcp,
    rtp, rtsp, sctp, simulcast, ssrc, text,
};
use crate::error::ValueError;
use crate::line::Line;

/// Where an attribute may appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Only at session level (before the first `m=`).
    Session,
    /// Only in a media section.
    Media,
    /// At either level.
    Both,
}

impl Scope {
    /// Whether the attribute may appear at session level (`true`) or media level (`false`).
    pub const fn allows(self, session_level: bool) -> bool {
        match self {
            Scope::Session => session_level,
            Scope::Media => !session_level,
            Scope::Both => true,
        }
    }
}

/// What the registry records of a known attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttrSpec {
    /// The attribute name.
    pub name: &'static str,
    /// Where it may appear.
    pub scope: Scope,
    /// Whether it takes no value (`a=rtcp-mux`).
    pub flag: bool,
    /// The defining document and section, e.g. `"RFC 8866 §6.6"`.
    pub rfc: &'static str,
}

/// A typed attribute that is one variant of [`AttrValue`]: borrows it back out of the enum.
///
/// ```
/// use sdp_core::attr::{bundle::Mid, registry::FromAttrValue};
/// use sdp_core::Line;
/// let line = Line::from_text("a=mid:audio");
/// let value = line.as_attribute().unwrap().typed().unwrap().unwrap();
/// assert_eq!(Mid::from_attr_value(&value).map(|m| m.as_str()), Some("audio"));
/// ```
pub trait FromAttrValue<'a>: super::TypedAttribute<'a> {
    /// The value when `value` is this type's variant.
    fn from_attr_value<'r>(value: &'r AttrValue<'a>) -> Option<&'r Self>;
}

macro_rules! registry {
    ($( $name:literal => $variant:ident($ty:ty), $scope:ident, $kind:ident, $rfc:literal; )*) => {
        /// The typed form of a known attribute, borrowing the attribute's text.
        ///
        /// `Display` writes the value only (nothing for property attributes); use
        /// [`AttrValue::to_line`] for the whole line.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum AttrValue<'a> {
            $(
                #[doc = concat!("`a=", $name, "` (", $rfc, ").")]
                $variant($ty),
            )*
            /// `a=sendrecv`, `a=sendonly`, `a=recvonly` or `a=inactive` (RFC 8866 §6.7).
            Direction(Direction),
        }

        /// Every known attribute, in table order.
        pub const SPECS: &[AttrSpec] = &[
            $( AttrSpec {
                name: $name,
                scope: Scope::$scope,
                flag: registry!(@flag $kind),
                rfc: $rfc,
            }, )*
            AttrSpec { name: "sendrecv", scope: Scope::Both, flag: true, rfc: "RFC 8866 §6.7.2" },
            AttrSpec { name: "sendonly", scope: Scope::Both, flag: true, rfc: "RFC 8866 §6.7.3" },
            AttrSpec { name: "recvonly", scope: Scope::Both, flag: true, rfc: "RFC 8866 §6.7.1" },
            AttrSpec { name: "inactive", scope: Scope::Both, flag: true, rfc: "RFC 8866 §6.7.4" },
        ];

        /// Parses a known attribute; `None` when the name is unknown.
        pub fn parse<'a>(name: &str, value: Option<&'a str>) -> Option<Result<AttrValue<'a>, ValueError>> {
            Some(match name {
                $( $name => parse_typed::<$ty>(value).map(AttrValue::$variant), )*
                "sendrecv" | "sendonly" | "recvonly" | "inactive" => match value {
                    None => Ok(AttrValue::Direction(Direction::from_name(name)?)),
                    Some(_) => Err(ValueError::new(0, "no value (this attribute is a property)")),
                },
                _ => return None,
            })
        }

        /// The spec and the typed parse of a known attribute in one dispatch (the parser's hot
        /// path); `None` when the name is unknown.
        pub fn parse_with_spec<'a>(
            name: &str,
            value: Option<&'a str>,
        ) -> Option<(&'static AttrSpec, Result<AttrValue<'a>, ValueError>)> {
            Some(match name {
                $( $name => (
                    const { &AttrSpec {
                        name: $name,
                        scope: Scope::$scope,
                        flag: registry!(@flag $kind),
                        rfc: $rfc,
                    } },
                    parse_typed::<$ty>(value).map(AttrValue::$variant),
                ), )*
                "sendrecv" | "sendonly" | "recvonly" | "inactive" => (spec(name)?, parse(name, value)?),
                _ => return None,
            })
        }

        /// What the registry knows of `name`.
        pub fn spec(name: &str) -> Option<&'static AttrSpec> {
            Some(match name {
                $( $name => const { &AttrSpec {
                    name: $name,
                    scope: Scope::$scope,
                    flag: registry!(@flag $kind),
                    rfc: $rfc,
                } }, )*
                "sendrecv" | "sendonly" | "recvonly" | "inactive" => {
                    return SPECS.iter().find(|s| s.name == name);
                }
                _ => return None,
            })
        }

        $(
            impl<'a> FromAttrValue<'a> for $ty {
                fn from_attr_value<'r>(value: &'r AttrValue<'a>) -> Option<&'r Self> {
                    match value {
                        AttrValue::$variant(v) => Some(v),
                        _ => None,
                    }
                }
            }
        )*

        impl AttrValue<'_> {
            /// The attribute name.
            pub fn name(&self) -> &'static str {
                match self {
                    $( AttrValue::$variant(_) => $name, )*
                    AttrValue::Direction(d) => d.name(),
                }
            }

            /// Whether the attribute is a property attribute (no value).
            pub fn is_flag(&self) -> bool {
                match self {
                    $( AttrValue::$variant(_) => registry!(@flag $kind), )*
                    AttrValue::Direction(_) => true,
                }
            }
        }

        impl fmt::Display for AttrValue<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $( AttrValue::$variant(v) => v.fmt(f), )*
                    AttrValue::Direction(_) => Ok(()),
                }
            }
        }

        #[cfg(test)]
        #[allow(clippy::type_complexity, clippy::extra_unused_lifetimes)]
        fn table_flags_match_types<'a>() -> Vec<(&'static str, bool, bool)> {
            vec![$( ($name, registry!(@flag $kind), <$ty as super::TypedAttribute<'a>>::FLAG), )*]
        }

        #[cfg(test)]
        #[allow(clippy::extra_unused_lifetimes)]
        fn table_names_match_types<'a>() -> Vec<(&'static str, &'static str)> {
            vec![$( ($name, <$ty as super::TypedAttribute<'a>>::NAME), )*]
        }
    };
    (@flag flag) => { true };
    (@flag value) => { false };
}

registry! {
    // RTP payload formats (rtp.rs)
    "rtpmap" => Rtpmap(rtp::Rtpmap<'a>), Media, value, "RFC 8866 §6.6";
    "fmtp" => Fmtp(rtp::Fmtp<'a>), Media, value, "RFC 8866 §6.15";
    "rtcp-fb" => RtcpFb(rtp::RtcpFb<'a>), Media, value, "RFC 4585 §4.2";
    // Media properties (media_info.rs)
    "ptime" => Ptime(media_info::Ptime), Media, value, "RFC 8866 §6.4";
    "maxptime" => MaxPtime(media_info::MaxPtime), Media, value, "RFC 8866 §6.5";
    "framerate" => Framerate(media_info::Framerate), Media, value, "RFC 8866 §6.13";
    "quality" => Quality(media_info::Quality), Media, value, "RFC 8866 §6.14";
    "orient" => Orient(media_info::Orient<'a>), Media, value, "RFC 8866 §6.8";
    // Header extensions (extmap.rs)
    "extmap" => Extmap(extmap::Extmap<'a>), Both, value, "RFC 8285 §8";
    "extmap-allow-mixed" => ExtmapAllowMixed(extmap::ExtmapAllowMixed), Both, flag, "RFC 8285 §6";
    // Sources and streams (ssrc.rs, msid.rs)
    "ssrc" => Ssrc(ssrc::Ssrc<'a>), Media, value, "RFC 5576 §4.1";
    "ssrc-group" => SsrcGroup(ssrc::SsrcGroup<'a>), Media, value, "RFC 5576 §4.2";
    "msid" => Msid(msid::Msid<'a>), Media, value, "RFC 8830 §2";
    "msid-semantic" => MsidSemantic(msid::MsidSemantic<'a>), Session, value, "draft-ietf-mmusic-msid-05 §3";
    // Grouping and BUNDLE (bundle.rs)
    "mid" => Mid(bundle::Mid<'a>), Media, value, "RFC 5888 §4";
    "group" => Group(bundle::Group<'a>), Session, value, "RFC 5888 §5";
    "bundle-only" => BundleOnly(bundle::BundleOnly), Media, flag, "RFC 9143 §6";
    // ICE (ice.rs)
    "ice-ufrag" => IceUfrag(ice::IceUfrag<'a>), Both, value, "RFC 8839 §5.4";
    "ice-pwd" => IcePwd(ice::IcePwd<'a>), Both, value, "RFC 8839 §5.4";
    "ice-options" => IceOptions(ice::IceOptions<'a>), Both, value, "RFC 8839 §5.6";
    "ice-lite" => IceLite(ice::IceLite), Session, flag, "RFC 8839 §5.3";
    "ice-mismatch" => IceMismatch(ice::IceMismatch), Media, flag, "RFC 8839 §5.5";
    "ice-pacing" => IcePacing(ice::IcePacing), Session, value, "RFC 8839 §5.7";
    "candidate" => Candidate(ice::Candidate<'a>), Media, value, "RFC 8839 §5.1";
    "end-of-candidates" => EndOfCandidates(ice::EndOfCandidates), Both, flag, "RFC 8840 §8.2";
    "remote-candidates" => RemoteCandidates(ice::RemoteCandidates<'a>), Media, value, "RFC 8839 §5.2";
    // DTLS (dtls.rs)
    "fingerprint" => Fingerprint(dtls::Fingerprint<'a>), Both, value, "RFC 8122 §5";
    "setup" => Setup(dtls::Setup), Both, value, "RFC 4145 §4";
    "tls-id" => TlsId(dtls::TlsId<'a>), Both, value, "RFC 8842 §4";
    // SRTP keying and identity (crypto.rs)
    "crypto" => Crypto(crypto::Crypto<'a>), Media, value, "RFC 4568 §9.1";
    "cryptex" => Cryptex(crypto::Cryptex), Both, flag, "RFC 9335 §5";
    "identity" => Identity(crypto::Identity<'a>), Both, value, "RFC 8827 §5";
    // RTCP (rtcp.rs)
    "rtcp" => Rtcp(rtcp::Rtcp<'a>), Media, value, "RFC 3605 §2.1";
    "rtcp-mux" => RtcpMux(rtcp::RtcpMux), Media, flag, "RFC 5761 §5.1.1";
    "rtcp-mux-only" => RtcpMuxOnly(rtcp::RtcpMuxOnly), Media, flag, "RFC 8858 §3";
    "rtcp-rsize" => RtcpRsize(rtcp::RtcpRsize), Media, flag, "RFC 5506 §5";
    // Data channels (sctp.rs)
    "sctp-port" => SctpPort(sctp::SctpPort), Media, value, "RFC 8841 §5.2";
    "max-message-size" => MaxMessageSize(sctp::MaxMessageSize), Media, value, "RFC 8841 §6";
    "sctpmap" => Sctpmap(sctp::Sctpmap<'a>), Media, value, "draft-ietf-mmusic-sctp-sdp-05 §4";
    // Simulcast and RID (simulcast.rs, rid.rs)
    "rid" => Rid(rid::Rid<'a>), Media, value, "RFC 8851 §4";
    "simulcast" => Simulcast(simulcast::Simulcast<'a>), Media, value, "RFC 8853 §5.1";
    "imageattr" => ImageAttr(imageattr::ImageAttr<'a>), Media, value, "RFC 6236 §3.1";
    // Media clocks and sources, ST 2110 (clock.rs)
    "ts-refclk" => TsRefclk(clock::TsRefclk<'a>), Both, value, "RFC 7273 §4.8";
    "mediaclk" => Mediaclk(clock::Mediaclk<'a>), Both, value, "RFC 7273 §5.8";
    "source-filter" => SourceFilter(clock::SourceFilter<'a>), Both, value, "RFC 4570 §3";
    // RTSP (rtsp.rs)
    "control" => Control(rtsp::Control<'a>), Both, value, "RFC 7826 §C.1.1";
    "range" => Range(rtsp::Range<'a>), Both, value, "RFC 7826 §C.1.5";
    // Free-text attributes (text.rs)
    "label" => Label(text::Label<'a>), Media, value, "RFC 4574 §4";
    "content" => Content(text::Content<'a>), Media, value, "RFC 4796 §5";
    "tool" => Tool(text::Tool<'a>), Session, value, "RFC 8866 §6.3";
    "cat" => Category(text::Category<'a>), Session, value, "RFC 8866 §6.1";
    "keywds" => Keywords(text::Keywords<'a>), Both, value, "RFC 8866 §6.2";
    "type" => ConferenceType(text::ConferenceType<'a>), Session, value, "RFC 8866 §6.9";
    "charset" => Charset(text::Charset<'a>), Both, value, "RFC 8866 §6.10";
    "sdplang" => SdpLang(text::SdpLang<'a>), Both, value, "RFC 8866 §6.11";
    "lang" => Lang(text::Lang<'a>), Both, value, "RFC 8866 §6.12";
}

impl AttrValue<'_> {
    /// The whole attribute as a new canonical line (`a=name:value` and CRLF).
    ///
    /// ```
    /// use sdp_core::attr::direction::Direction;
    /// use sdp_core::AttrValue;
    /// assert_eq!(AttrValue::Direction(Direction::RecvOnly).to_line().to_string(), "a=recvonly\r\n");
    /// ```
    pub fn to_line(&self) -> Line<'static> {
        if self.is_flag() {
            Line::from_text(format!("a={}", self.name()))
        } else {
            Line::from_text(format!("a={}:{}", self.name(), self))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_is_found_by_its_own_name() {
        for s in SPECS {
            assert_eq!(spec(s.name).map(|found| found.name), Some(s.name));
        }
        assert_eq!(spec("nope"), None);
    }

    #[test]
    fn table_names_agree_with_the_types() {
        for (name, typed) in table_names_match_types() {
            assert_eq!(name, typed);
        }
    }

    #[test]
    fn table_flags_agree_with_the_types() {
        for (name, table, typed) in table_flags_match_types() {
            assert_eq!(table, typed, "flag column of {name}");
        }
    }

    #[test]
    fn spec_records_scope_and_flag() {
        let rtpmap = spec("rtpmap").unwrap();
        assert_eq!(rtpmap.scope, Scope::Media);
        assert!(!rtpmap.flag);
        assert!(spec("rtcp-mux").unwrap().flag);
        assert_eq!(spec("group").unwrap().scope, Scope::Session);
        assert_eq!(spec("inactive").unwrap().name, "inactive");
    }

    #[test]
    fn direction_attributes_are_properties() {
        assert_eq!(
            parse("sendonly", None),
            Some(Ok(AttrValue::Direction(Direction::SendOnly)))
        );
        assert!(matches!(parse("sendonly", Some("x")), Some(Err(_))));
    }
}
