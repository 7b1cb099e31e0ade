//! VP8 (RFC 7741 §6.1), VP9 (RFC 9628 §6) and AV1 (AV1 RTP payload format §7.2) fmtp
//! parameters.

use crate::attr::rtp::Fmtp;
use crate::error::ValueError;

use super::{bounded_u8, opt_param, opt_u32, Scan};

/// VP8 fmtp parameters (RFC 7741 §6.1). Both are receiver limits and optional.
///
/// ```
/// use sdp_core::attr::fmtp::Vp8Params;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let vp8 = Vp8Params::from_fmtp(&Fmtp::parse("120 max-fs=12288;max-fr=60").unwrap()).unwrap();
/// assert_eq!((vp8.max_fr, vp8.max_fs), (Some(60), Some(12288)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Vp8Params {
    /// `max-fr`: the highest frame rate the receiver decodes, in frames per second.
    pub max_fr: Option<u32>,
    /// `max-fs`: the largest frame the receiver decodes, in macroblocks (16x16 pixels).
    pub max_fs: Option<u32>,
}

impl Vp8Params {
    /// Reads the VP8 parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'_>) -> Result<Self, ValueError> {
        let scan = Scan::new(fmtp, ["max-fr", "max-fs"]);
        Ok(Vp8Params {
            max_fr: opt_u32(&scan, "max-fr", "a frame rate")?,
            max_fs: opt_u32(&scan, "max-fs", "a frame size in macroblocks")?,
        })
    }
}

/// VP9 fmtp parameters (RFC 9628 §6).
///
/// ```
/// use sdp_core::attr::fmtp::Vp9Params;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let vp9 = Vp9Params::from_fmtp(&Fmtp::parse("98 profile-id=2").unwrap()).unwrap();
/// assert_eq!(vp9.profile_id, 2);
/// assert_eq!(Vp9Params::default().profile_id, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Vp9Params {
    /// `profile-id`, 0-3 (default 0).
    pub profile_id: u8,
    /// `max-fr`: the highest frame rate the receiver decodes.
    pub max_fr: Option<u32>,
    /// `max-fs`: the largest frame the receiver decodes, in macroblocks.
    pub max_fs: Option<u32>,
}

impl Vp9Params {
    /// Reads the VP9 parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'_>) -> Result<Self, ValueError> {
        let scan = Scan::new(fmtp, ["profile-id", "max-fr", "max-fs"]);
        Ok(Vp9Params {
            profile_id: opt_param(&scan, "profile-id", bounded_u8(3, "a profile-id (0-3)"))?
                .unwrap_or(0),
            max_fr: opt_u32(&scan, "max-fr", "a frame rate")?,
            max_fs: opt_u32(&scan, "max-fs", "a frame size in macroblocks")?,
        })
    }
}

/// AV1 fmtp parameters (AV1 RTP payload format, §7.2.1 "Media type definition").
///
/// ```
/// use sdp_core::attr::fmtp::Av1Params;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let av1 = Av1Params::from_fmtp(&Fmtp::parse("45 level-idx=5;profile=0;tier=0").unwrap());
/// assert_eq!(av1, Ok(Av1Params::default()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Av1Params {
    /// `profile`, 0-2 (default 0, Main).
    pub profile: u8,
    /// `level-idx`, 0-31 (default 5, level 3.1).
    pub level_idx: u8,
    /// `tier`, 0-1 (default 0, Main tier).
    pub tier: u8,
}

impl Default for Av1Params {
    fn default() -> Self {
        Av1Params {
            profile: 0,
            level_idx: 5,
            tier: 0,
        }
    }
}

impl Av1Params {
    /// Reads the AV1 parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'_>) -> Result<Self, ValueError> {
        let scan = Scan::new(fmtp, ["profile", "level-idx", "tier"]);
        let d = Av1Params::default();
        Ok(Av1Params {
            profile: opt_param(&scan, "profile", bounded_u8(2, "a profile (0-2)"))?
                .unwrap_or(d.profile),
            level_idx: opt_param(&scan, "level-idx", bounded_u8(31, "a level-idx (0-31)"))?
                .unwrap_or(d.level_idx),
            tier: opt_param(&scan, "tier", bounded_u8(1, "a tier (0 or 1)"))?.unwrap_or(d.tier),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    fn fmtp(value: &str) -> Fmtp<'_> {
        Fmtp::parse(value).unwrap()
    }

    #[test]
    fn vp8_limits_are_optional() {
        assert_eq!(Vp8Params::from_fmtp(&fmtp("96")), Ok(Vp8Params::default()));
        assert_eq!(
            Vp8Params::from_fmtp(&fmtp("96 max-fr=x")),
            Err(ValueError::new(10, "a frame rate"))
        );
    }

    #[test]
    fn vp9_profile_defaults_to_zero_and_is_bounded() {
        assert_eq!(Vp9Params::from_fmtp(&fmtp("98")).unwrap().profile_id, 0);
        let p = Vp9Params::from_fmtp(&fmtp("98 profile-id=1;max-fs=8160;max-fr=30")).unwrap();
        assert_eq!(
            (p.profile_id, p.max_fs, p.max_fr),
            (1, Some(8160), Some(30))
        );
        assert_eq!(
            Vp9Params::from_fmtp(&fmtp("98 profile-id=4")),
            Err(ValueError::new(14, "a profile-id (0-3)"))
        );
    }

    #[test]
    fn av1_defaults_follow_the_payload_spec() {
        let p = Av1Params::from_fmtp(&fmtp("45")).unwrap();
        assert_eq!((p.profile, p.level_idx, p.tier), (0, 5, 0));
        let p = Av1Params::from_fmtp(&fmtp("45 profile=1;level-idx=8;tier=1")).unwrap();
        assert_eq!((p.profile, p.level_idx, p.tier), (1, 8, 1));
        assert_eq!(
            Av1Params::from_fmtp(&fmtp("45 tier=2")),
            Err(ValueError::new(8, "a tier (0 or 1)"))
        );
    }
}
