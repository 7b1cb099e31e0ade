//! H.265 (HEVC) fmtp parameters (RFC 7798 §7.1).

use crate::attr::rtp::Fmtp;
use crate::error::ValueError;
use crate::lex::{self, PResult};

use super::{bounded_u8, opt_param, Lookup, Scan};

/// The H.265 `tx-mode` (RFC 7798 §7.1): how the stream is spread over RTP sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum H265TxMode {
    /// `SRST`: single RTP stream on a single media transport (the default).
    #[default]
    Srst,
    /// `MRST`: multiple RTP streams on a single media transport.
    Mrst,
    /// `MRMT`: multiple RTP streams on multiple media transports.
    Mrmt,
}

impl H265TxMode {
    /// The parameter value, e.g. `"SRST"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            H265TxMode::Srst => "SRST",
            H265TxMode::Mrst => "MRST",
            H265TxMode::Mrmt => "MRMT",
        }
    }
}

// RFC 7798 §7.1: tx-mode = "SRST" / "MRST" / "MRMT"
fn parse_tx_mode(input: &str) -> PResult<'_, H265TxMode> {
    let mode = [H265TxMode::Srst, H265TxMode::Mrst, H265TxMode::Mrmt]
        .into_iter()
        .find(|m| {
            input
                .get(..4)
                .is_some_and(|head| head.eq_ignore_ascii_case(m.as_str()))
        });
    match mode {
        Some(mode) => Ok((input.get(4..).unwrap_or_default(), mode)),
        None => lex::fail(input, "a tx-mode (SRST, MRST or MRMT)"),
    }
}

/// H.265 fmtp parameters (RFC 7798 §7.1), with the values RFC 7798 infers when absent.
///
/// ```
/// use sdp_core::attr::fmtp::H265Params;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let fmtp = Fmtp::parse("96 level-id=93;profile-id=1;tier-flag=0;tx-mode=SRST").unwrap();
/// let h265 = H265Params::from_fmtp(&fmtp).unwrap();
/// assert_eq!((h265.profile_id, h265.level_id, h265.tier_flag), (1, 93, false));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct H265Params<'a> {
    /// `profile-space`, 0-3 (default 0).
    pub profile_space: u8,
    /// `profile-id`, 0-31 (default 1, the Main profile).
    pub profile_id: u8,
    /// `tier-flag`: `true` for the High tier (default `false`, Main tier).
    pub tier_flag: bool,
    /// `level-id`: 30 times the level number (default 93, level 3.1).
    pub level_id: u8,
    /// `interop-constraints`: twelve hex digits, as written.
    pub interop_constraints: Option<&'a str>,
    /// `tx-mode` (default `SRST`).
    pub tx_mode: H265TxMode,
    /// `sprop-vps`: base64 video parameter sets, comma-separated, as written.
    pub sprop_vps: Option<&'a str>,
    /// `sprop-sps`: base64 sequence parameter sets, comma-separated, as written.
    pub sprop_sps: Option<&'a str>,
    /// `sprop-pps`: base64 picture parameter sets, comma-separated, as written.
    pub sprop_pps: Option<&'a str>,
    /// `sprop-max-don-diff`, when present.
    pub sprop_max_don_diff: Option<u16>,
}

impl Default for H265Params<'_> {
    fn default() -> Self {
        H265Params {
            profile_space: 0,
            profile_id: 1,
            tier_flag: false,
            level_id: 93,
            interop_constraints: None,
            tx_mode: H265TxMode::Srst,
            sprop_vps: None,
            sprop_sps: None,
            sprop_pps: None,
            sprop_max_don_diff: None,
        }
    }
}

impl<'a> H265Params<'a> {
    /// Reads the H.265 parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'a>) -> Result<Self, ValueError> {
        let scan = Scan::new(
            fmtp,
            [
                "tier-flag",
                "profile-space",
                "profile-id",
                "level-id",
                "interop-constraints",
                "tx-mode",
                "sprop-vps",
                "sprop-sps",
                "sprop-pps",
                "sprop-max-don-diff",
            ],
        );
        let d = H265Params::default();
        let tier = opt_param(&scan, "tier-flag", bounded_u8(1, "a tier-flag (0 or 1)"))?;
        Ok(H265Params {
            profile_space: opt_param(
                &scan,
                "profile-space",
                bounded_u8(3, "a profile-space (0-3)"),
            )?
            .unwrap_or(d.profile_space),
            profile_id: opt_param(&scan, "profile-id", bounded_u8(31, "a profile-id (0-31)"))?
                .unwrap_or(d.profile_id),
            tier_flag: tier == Some(1),
            level_id: opt_param(&scan, "level-id", lex::u8_dec("a level-id (0-255)"))?
                .unwrap_or(d.level_id),
            interop_constraints: scan.get("interop-constraints"),
            tx_mode: opt_param(&scan, "tx-mode", parse_tx_mode)?.unwrap_or(d.tx_mode),
            sprop_vps: scan.get("sprop-vps"),
            sprop_sps: scan.get("sprop-sps"),
            sprop_pps: scan.get("sprop-pps"),
            sprop_max_don_diff: opt_param(
                &scan,
                "sprop-max-don-diff",
                lex::u16_dec("a decoding order number difference"),
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    fn h265(value: &str) -> Result<H265Params<'_>, ValueError> {
        H265Params::from_fmtp(&Fmtp::parse(value).unwrap())
    }

    #[test]
    fn h265_defaults_follow_rfc_7798() {
        let p = h265("96").unwrap();
        assert_eq!(p, H265Params::default());
        assert_eq!((p.profile_space, p.profile_id, p.level_id), (0, 1, 93));
        assert_eq!((p.tier_flag, p.tx_mode), (false, H265TxMode::Srst));
    }

    #[test]
    fn h265_reads_camera_parameter_sets() {
        let p = h265("96 profile-space=0;profile-id=1;tier-flag=0;level-id=150;interop-constraints=000000000000;sprop-vps=QAEMAf//AWAAAAMAAAMAAAMAAAMAlqwJ;sprop-sps=QgEBAWAAAAMAAAMAAAMAAAMAlqABQCAF;sprop-pps=RAHgdrAmQA==").unwrap();
        assert_eq!((p.profile_id, p.level_id), (1, 150));
        assert_eq!(p.interop_constraints, Some("000000000000"));
        assert_eq!(p.sprop_vps, Some("QAEMAf//AWAAAAMAAAMAAAMAAAMAlqwJ"));
        assert_eq!(p.sprop_pps, Some("RAHgdrAmQA=="));
        let p = h265("96 profile-id=2;tier-flag=1;level-id=186;tx-mode=MRST;sprop-max-don-diff=32")
            .unwrap();
        assert_eq!(
            (p.profile_id, p.tier_flag, p.tx_mode),
            (2, true, H265TxMode::Mrst)
        );
        assert_eq!(p.sprop_max_don_diff, Some(32));
    }

    #[test]
    fn h265_rejects_out_of_range_values() {
        assert_eq!(
            h265("96 profile-space=4"),
            Err(ValueError::new(17, "a profile-space (0-3)"))
        );
        assert_eq!(
            h265("96 tier-flag=2"),
            Err(ValueError::new(13, "a tier-flag (0 or 1)"))
        );
        assert_eq!(
            h265("96 level-id=300"),
            Err(ValueError::new(12, "a level-id (0-255)"))
        );
        assert_eq!(
            h265("96 tx-mode=XYZW"),
            Err(ValueError::new(11, "a tx-mode (SRST, MRST or MRMT)"))
        );
    }
}
