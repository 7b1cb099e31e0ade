//! H.264 fmtp parameters (RFC 6184 §8.1).

use std::fmt;

use crate::attr::rtp::Fmtp;
use crate::error::ValueError;
use crate::lex::{self, PResult};

use super::{bounded_u8, flag, opt_param, opt_u32, Lookup, Scan};

/// The H.264 profiles, as named by the `profile_idc` and constraint flags of a
/// `profile-level-id` (ITU-T H.264 Annex A; the names WebRTC stacks use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum H264Profile {
    /// Constrained Baseline: `42` with constraint_set1, `4d` with constraint_set0, `58` with both.
    ConstrainedBaseline,
    /// Baseline: `42` (or `58` with constraint_set0).
    Baseline,
    /// Main: `4d`.
    Main,
    /// Extended: `58`.
    Extended,
    /// High: `64`.
    High,
    /// Constrained High: `64` with constraint_set4 and constraint_set5.
    ConstrainedHigh,
    /// Progressive High: `64` with constraint_set4.
    ProgressiveHigh,
    /// High 10: `6e`.
    High10,
    /// High 10 Intra: `6e` with constraint_set3.
    High10Intra,
    /// High 4:2:2: `7a`.
    High422,
    /// High 4:2:2 Intra: `7a` with constraint_set3.
    High422Intra,
    /// High 4:4:4 Predictive: `f4`.
    High444Predictive,
    /// High 4:4:4 Intra: `f4` with constraint_set3.
    High444Intra,
    /// CAVLC 4:4:4 Intra: `2c`.
    Cavlc444Intra,
    /// Any other `profile_idc` (scalable, multiview, ...).
    Other(u8),
}

const SET0: u8 = 0x80;
const SET1: u8 = 0x40;
const SET3: u8 = 0x10;
const SET4: u8 = 0x08;
const SET5: u8 = 0x04;

/// A parsed `profile-level-id`: three bytes written as six hex digits, e.g. `42e01f`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct H264ProfileLevelId {
    /// `profile_idc`, e.g. `0x42` (66, Baseline).
    pub profile_idc: u8,
    /// `profile-iop`: the constraint_set0..5 flags, most significant bit first.
    pub profile_iop: u8,
    /// `level_idc`: ten times the level number (`0x1f` = 31 = level 3.1).
    pub level_idc: u8,
}

impl H264ProfileLevelId {
    /// The value inferred when `profile-level-id` is absent (RFC 6184 §8.1): Baseline profile,
    /// level 1 (`42000a`).
    pub const DEFAULT: H264ProfileLevelId = H264ProfileLevelId {
        profile_idc: 0x42,
        profile_iop: 0,
        level_idc: 10,
    };

    /// Parses six hex digits (either case).
    pub fn parse(text: &str) -> Result<Self, ValueError> {
        lex::run(text, parse_profile_level_id)
    }

    /// A profile-level-id with the usual bytes for `profile` (e.g. `42e0` for Constrained
    /// Baseline, `640c` for Constrained High) and `level_idc`.
    pub fn from_profile(profile: H264Profile, level_idc: u8) -> Self {
        let (profile_idc, profile_iop) = match profile {
            H264Profile::ConstrainedBaseline => (0x42, 0xe0),
            H264Profile::Baseline => (0x42, 0x00),
            H264Profile::Main => (0x4d, 0x00),
            H264Profile::Extended => (0x58, 0x00),
            H264Profile::High => (0x64, 0x00),
            H264Profile::ConstrainedHigh => (0x64, SET4 | SET5),
            H264Profile::ProgressiveHigh => (0x64, SET4),
            H264Profile::High10 => (0x6e, 0x00),
            H264Profile::High10Intra => (0x6e, SET3),
            H264Profile::High422 => (0x7a, 0x00),
            H264Profile::High422Intra => (0x7a, SET3),
            H264Profile::High444Predictive => (0xf4, 0x00),
            H264Profile::High444Intra => (0xf4, SET3),
            H264Profile::Cavlc444Intra => (0x2c, 0x00),
            H264Profile::Other(idc) => (idc, 0x00),
        };
        H264ProfileLevelId {
            profile_idc,
            profile_iop,
            level_idc,
        }
    }

    /// The profile named by `profile_idc` and the constraint flags.
    pub fn profile(&self) -> H264Profile {
        let iop = self.profile_iop;
        let has = |bits: u8| iop & bits == bits;
        match self.profile_idc {
            0x42 if has(SET1) => H264Profile::ConstrainedBaseline,
            0x42 => H264Profile::Baseline,
            // A Main stream that also obeys the Baseline constraints (H.264 A.2.1.1).
            0x4d if has(SET0) => H264Profile::ConstrainedBaseline,
            0x4d => H264Profile::Main,
            0x58 if has(SET0 | SET1) => H264Profile::ConstrainedBaseline,
            0x58 if has(SET0) => H264Profile::Baseline,
            0x58 => H264Profile::Extended,
            0x64 if has(SET4 | SET5) => H264Profile::ConstrainedHigh,
            0x64 if has(SET4) => H264Profile::ProgressiveHigh,
            0x64 => H264Profile::High,
            0x6e if has(SET3) => H264Profile::High10Intra,
            0x6e => H264Profile::High10,
            0x7a if has(SET3) => H264Profile::High422Intra,
            0x7a => H264Profile::High422,
            0xf4 if has(SET3) => H264Profile::High444Intra,
            0xf4 => H264Profile::High444Predictive,
            0x2c => H264Profile::Cavlc444Intra,
            other => H264Profile::Other(other),
        }
    }

    /// Whether the level is 1b: `level_idc` 11 with constraint_set3 in the Baseline, Main and
    /// Extended profiles, or `level_idc` 9 (H.264 A.3.1, RFC 6184 §8.1).
    pub fn is_level_1b(&self) -> bool {
        self.level_idc == 9
            || (self.level_idc == 11
                && self.profile_iop & SET3 != 0
                && matches!(self.profile_idc, 0x42 | 0x4d | 0x58))
    }

    /// A number that orders levels, with 1b between 1 and 1.1 (comparing `level_idc` alone puts
    /// 1b, written 11 or 9, in the wrong place; libwebrtc's `IsLess` does the same).
    ///
    /// ```
    /// use sdp_core::attr::fmtp::H264ProfileLevelId;
    /// let level = |s| H264ProfileLevelId::parse(s).unwrap().level_order();
    /// assert!(level("42e00a") < level("42f00b") && level("42f00b") < level("42e00b"));
    /// ```
    pub fn level_order(&self) -> u16 {
        if self.is_level_1b() {
            21
        } else {
            u16::from(self.level_idc) * 2
        }
    }
}

impl fmt::Display for H264ProfileLevelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02x}{:02x}{:02x}",
            self.profile_idc, self.profile_iop, self.level_idc
        )
    }
}

// RFC 6184 §8.1: profile-level-id = 6HEXDIG (profile_idc, profile-iop, level_idc)
fn parse_profile_level_id(input: &str) -> PResult<'_, H264ProfileLevelId> {
    const EXPECTED: &str = "a profile-level-id (6 hex digits)";
    let digits = input.bytes().take_while(u8::is_ascii_hexdigit).count();
    let byte = |at: usize| {
        input
            .get(at..at + 2)
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
    };
    match (digits, byte(0), byte(2), byte(4)) {
        (6, Some(profile_idc), Some(profile_iop), Some(level_idc)) => Ok((
            input.get(6..).unwrap_or_default(),
            H264ProfileLevelId {
                profile_idc,
                profile_iop,
                level_idc,
            },
        )),
        _ => lex::fail(input, EXPECTED),
    }
}

/// The H.264 `packetization-mode` (RFC 6184 §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum H264PacketizationMode {
    /// `0`: single NAL unit mode (the default).
    #[default]
    SingleNal = 0,
    /// `1`: non-interleaved mode (what WebRTC uses).
    NonInterleaved = 1,
    /// `2`: interleaved mode.
    Interleaved = 2,
}

/// H.264 fmtp parameters (RFC 6184 §8.1).
///
/// ```
/// use sdp_core::attr::fmtp::{H264PacketizationMode, H264Params, H264Profile};
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let fmtp = Fmtp::parse(
///     "102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
/// ).unwrap();
/// let h264 = H264Params::from_fmtp(&fmtp).unwrap();
/// assert_eq!(h264.profile(), H264Profile::ConstrainedBaseline);
/// assert_eq!(h264.packetization_mode, H264PacketizationMode::NonInterleaved);
/// assert!(h264.level_asymmetry_allowed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct H264Params<'a> {
    /// `profile-level-id`, when present (see [`H264Params::profile_level_id_or_default`]).
    pub profile_level_id: Option<H264ProfileLevelId>,
    /// `packetization-mode` (default 0, single NAL unit mode).
    pub packetization_mode: H264PacketizationMode,
    /// `level-asymmetry-allowed=1` (RFC 6184 §8.2.2; default `false`).
    pub level_asymmetry_allowed: bool,
    /// `sprop-parameter-sets`: base64 SPS/PPS NAL units, comma-separated, as written.
    pub sprop_parameter_sets: Option<&'a str>,
    /// `max-mbps`: maximum macroblock processing rate (macroblocks/s).
    pub max_mbps: Option<u32>,
    /// `max-smbps`: maximum static macroblock processing rate.
    pub max_smbps: Option<u32>,
    /// `max-fs`: maximum frame size in macroblocks.
    pub max_fs: Option<u32>,
    /// `max-cpb`: maximum coded picture buffer size.
    pub max_cpb: Option<u32>,
    /// `max-dpb`: maximum decoded picture buffer size.
    pub max_dpb: Option<u32>,
    /// `max-br`: maximum video bit rate.
    pub max_br: Option<u32>,
}

impl<'a> H264Params<'a> {
    /// Reads the H.264 parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'a>) -> Result<Self, ValueError> {
        let scan = Scan::new(
            fmtp,
            [
                "packetization-mode",
                "profile-level-id",
                "level-asymmetry-allowed",
                "sprop-parameter-sets",
                "max-mbps",
                "max-smbps",
                "max-fs",
                "max-cpb",
                "max-dpb",
                "max-br",
            ],
        );
        let mode = opt_param(
            &scan,
            "packetization-mode",
            bounded_u8(2, "a packetization-mode (0, 1 or 2)"),
        )?;
        Ok(H264Params {
            profile_level_id: opt_param(&scan, "profile-level-id", parse_profile_level_id)?,
            packetization_mode: match mode {
                Some(1) => H264PacketizationMode::NonInterleaved,
                Some(2) => H264PacketizationMode::Interleaved,
                _ => H264PacketizationMode::SingleNal,
            },
            level_asymmetry_allowed: flag(&scan, "level-asymmetry-allowed", "0 or 1")?,
            sprop_parameter_sets: scan.get("sprop-parameter-sets"),
            max_mbps: opt_u32(&scan, "max-mbps", "a macroblock rate")?,
            max_smbps: opt_u32(&scan, "max-smbps", "a macroblock rate")?,
            max_fs: opt_u32(&scan, "max-fs", "a frame size in macroblocks")?,
            max_cpb: opt_u32(&scan, "max-cpb", "a buffer size")?,
            max_dpb: opt_u32(&scan, "max-dpb", "a buffer size")?,
            max_br: opt_u32(&scan, "max-br", "a bit rate")?,
        })
    }

    /// The `profile-level-id`, or the Baseline level 1 value RFC 6184 §8.1 infers without one.
    pub fn profile_level_id_or_default(&self) -> H264ProfileLevelId {
        self.profile_level_id.unwrap_or(H264ProfileLevelId::DEFAULT)
    }

    /// The profile (of the default `profile-level-id` when absent).
    pub fn profile(&self) -> H264Profile {
        self.profile_level_id_or_default().profile()
    }

    /// The `level_idc` (of the default `profile-level-id` when absent).
    pub fn level_idc(&self) -> u8 {
        self.profile_level_id_or_default().level_idc
    }

    /// The base64 parameter sets of `sprop-parameter-sets`, in order.
    pub fn parameter_sets(&self) -> impl Iterator<Item = &'a str> {
        self.sprop_parameter_sets
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    fn h264(value: &str) -> Result<H264Params<'_>, ValueError> {
        H264Params::from_fmtp(&Fmtp::parse(value).unwrap())
    }

    #[test]
    fn profile_level_ids_name_their_profiles() {
        let cases = [
            ("42e01f", H264Profile::ConstrainedBaseline),
            ("42c01f", H264Profile::ConstrainedBaseline),
            ("4d401f", H264Profile::Main),
            ("4d801f", H264Profile::ConstrainedBaseline),
            ("42001f", H264Profile::Baseline),
            ("42A01E", H264Profile::Baseline),
            ("4d001f", H264Profile::Main),
            ("58c01f", H264Profile::ConstrainedBaseline),
            ("58801f", H264Profile::Baseline),
            ("58001f", H264Profile::Extended),
            ("640c1f", H264Profile::ConstrainedHigh),
            ("64081f", H264Profile::ProgressiveHigh),
            ("64001f", H264Profile::High),
            ("6e001f", H264Profile::High10),
            ("7a1029", H264Profile::High422Intra),
            ("f4001f", H264Profile::High444Predictive),
            ("2c001f", H264Profile::Cavlc444Intra),
            ("53001f", H264Profile::Other(0x53)),
        ];
        for (text, profile) in cases {
            let id = H264ProfileLevelId::parse(text).unwrap();
            assert_eq!(id.profile(), profile, "{text}");
            let canonical = H264ProfileLevelId::from_profile(profile, id.level_idc);
            assert_eq!(canonical.profile(), profile, "{text}");
        }
    }

    #[test]
    fn profile_level_id_reads_bytes_and_writes_lowercase_hex() {
        let id = H264ProfileLevelId::parse("4D001F").unwrap();
        assert_eq!(
            (id.profile_idc, id.profile_iop, id.level_idc),
            (0x4d, 0, 31)
        );
        assert_eq!(id.to_string(), "4d001f");
        assert!(H264ProfileLevelId::parse("42f00b").unwrap().is_level_1b());
        assert!(!H264ProfileLevelId::parse("42e00b").unwrap().is_level_1b());
        assert!(!H264ProfileLevelId::parse("64100b").unwrap().is_level_1b());
        for bad in ["TeAo", "5046314", "42e0", "33", "42e01g"] {
            let expected = ValueError::new(0, "a profile-level-id (6 hex digits)");
            assert_eq!(H264ProfileLevelId::parse(bad), Err(expected), "{bad}");
        }
    }

    #[test]
    fn h264_defaults_follow_rfc_6184() {
        let p = h264("96").unwrap();
        assert_eq!(p, H264Params::default());
        assert_eq!(p.profile_level_id_or_default().to_string(), "42000a");
        assert_eq!((p.profile(), p.level_idc()), (H264Profile::Baseline, 10));
        assert_eq!(p.packetization_mode, H264PacketizationMode::SingleNal);
        assert!(!p.level_asymmetry_allowed);
    }

    #[test]
    fn h264_reads_camera_parameters() {
        let p = h264("96 profile-level-id=64001f; packetization-mode=1; max-mbps=122500; max-fs=8192; max-br=20010; sar=13").unwrap();
        assert_eq!(p.profile(), H264Profile::High);
        assert_eq!(
            (p.max_mbps, p.max_fs, p.max_br),
            (Some(122500), Some(8192), Some(20010))
        );
        let p = h264("96 packetization-mode=1;profile-level-id=4d002a;sprop-parameter-sets=Z00AKp2oHgCJ+WbgICAgQA==,aO48gA==").unwrap();
        assert_eq!(
            p.parameter_sets().collect::<Vec<_>>(),
            ["Z00AKp2oHgCJ+WbgICAgQA==", "aO48gA=="]
        );
        assert_eq!(p.profile(), H264Profile::Main);
    }

    #[test]
    fn h264_rejects_malformed_known_parameters() {
        assert_eq!(
            h264("96 profile-level-id=TeAo;packetization-mode=1"),
            Err(ValueError::new(20, "a profile-level-id (6 hex digits)"))
        );
        assert_eq!(
            h264("96 packetization-mode=3"),
            Err(ValueError::new(22, "a packetization-mode (0, 1 or 2)"))
        );
        assert_eq!(
            h264("127 profile-level-id=42e01f;level-asymmetry-allowed=1:packetization-mode=0"),
            Err(ValueError::new(53, "end of value"))
        );
    }
}
