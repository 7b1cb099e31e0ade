//! Timing: `t=`, `r=` and `z=` consistency (RFC 8866 §5.9-5.11).

use crate::field::{Repeat, TimeZones, Timing};
use crate::line::LineKind;
use crate::validate::{lints, Ctx};

lints! {
    REPEAT_UNBOUNDED = "SDP0130" "repeat-unbounded" Warning [all] "RFC 8866 §5.10",
        title: "`r=` repeats a session without a stop time",
        explanation: "Repeat times describe a bounded session that comes back at intervals. When the `t=` line before it has stop time 0 the session never ends, so there is nothing to repeat; receivers ignore the `r=` line or compute nonsense schedules.",
        wrong: "t=0 0\nr=7d 1h 0",
        right: "t=3034423619 3042462419\nr=7d 1h 0";
    REPEAT_DURATION_EXCEEDS_INTERVAL = "SDP0131" "repeat-duration-exceeds-interval" Warning [all] "RFC 8866 §5.10",
        title: "active duration longer than the repeat interval",
        explanation: "`r=<interval> <duration> <offsets>`: each repetition is active for `duration`, and a new one starts every `interval`. A duration longer than the interval makes repetitions overlap, which is almost always a swapped pair of fields.",
        wrong: "r=1h 7d 0",
        right: "r=7d 1h 0";
    REPEAT_OFFSET_OUT_OF_INTERVAL = "SDP0132" "repeat-offset-out-of-interval" Warning [all] "RFC 8866 §5.10",
        title: "repeat offset not smaller than the repeat interval",
        explanation: "Offsets place each repetition within one repeat interval, counted from the start time. An offset equal to or beyond the interval falls into the next cycle, so the schedule does not mean what it seems to.",
        wrong: "r=1d 1h 0 25h",
        right: "r=7d 1h 0 25h";
    ZONE_ADJUSTMENTS_NOT_INCREASING = "SDP0133" "zone-adjustments-not-increasing" Warning [all] "RFC 8866 §5.11",
        title: "`z=` adjustment times not in increasing order",
        explanation: "`z=` lists the times at which the time zone offset changes, in order. Out-of-order times make receivers apply the offsets in the wrong periods, shifting repeated sessions by the offset.",
        wrong: "z=2882844526 0 2898848070 -1h 2890000000 0",
        right: "z=2882844526 -1h 2898848070 0";
    STOP_BEFORE_START = "SDP0134" "stop-before-start" Warning [all] "RFC 8866 §5.9",
        title: "`t=` stop time before the start time",
        explanation: "A bounded session runs from its start time to its stop time (NTP seconds). A stop time before the start time describes a session that is never active; announcers and receivers drop it.",
        wrong: "t=3042462419 3034423619",
        right: "t=3034423619 3042462419";
    START_ZERO_WITH_STOP = "SDP0135" "start-zero-with-stop" Warning [all] "RFC 8866 §5.9",
        title: "`t=` start time 0 with a stop time",
        explanation: "Start time 0 with stop time 0 is a permanent session; start time 0 with a real stop time has no defined meaning (the session would have started in 1900). Give the real start time, or 0 for both.",
        wrong: "t=0 3042462419",
        right: "t=3034423619 3042462419";
}

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let mut current: Option<Timing> = None;
    for (i, line) in session.lines().iter().enumerate() {
        match line.kind() {
            LineKind::Timing => {
                current = Timing::parse(line.value()).ok();
                if let Some(t) = current {
                    check_timing(ctx, i, t);
                }
            }
            LineKind::Repeat => {
                if let Ok(r) = Repeat::parse(line.value()) {
                    check_repeat(ctx, i, current, &r);
                }
            }
            LineKind::TimeZones => {
                if let Ok(z) = TimeZones::parse(line.value()) {
                    check_zones(ctx, i, &z);
                }
            }
            _ => {}
        }
    }
}

fn check_timing(ctx: &mut Ctx<'_, '_>, i: usize, t: Timing) {
    let loc = ctx.session_loc(i);
    if t.start == 0 && t.stop != 0 {
        // RFC 8866 §5.9: start 0 means permanent only together with stop 0.
        ctx.report_help(
            &START_ZERO_WITH_STOP,
            loc,
            format!("start time 0 with stop time {}", t.stop),
            "give the real start time, or `t=0 0` for a permanent session",
        );
    } else if t.stop != 0 && t.stop < t.start {
        // RFC 8866 §5.9: the session is active from the start time to the stop time.
        ctx.report(
            &STOP_BEFORE_START,
            loc,
            format!("stop time {} is before start time {}", t.stop, t.start),
        );
    }
}

fn check_repeat(ctx: &mut Ctx<'_, '_>, i: usize, timing: Option<Timing>, r: &Repeat<'_>) {
    let loc = ctx.session_loc(i);
    // RFC 8866 §5.9, §5.10: stop time 0 is an unbounded session; repeating it means nothing.
    if let Some(t) = timing.filter(|t| t.stop == 0) {
        ctx.report(
            &REPEAT_UNBOUNDED,
            loc,
            format!(
                "`r=` repeats a session without stop time (`t={} {}`)",
                t.start, t.stop
            ),
        );
    }
    let (Some(interval), Some(duration)) = (r.interval.seconds(), r.duration.seconds()) else {
        return;
    };
    // RFC 8866 §5.10: each repetition is active for `duration` within each `interval`.
    if duration > interval {
        ctx.report(
            &REPEAT_DURATION_EXCEEDS_INTERVAL,
            loc,
            format!(
                "active duration `{}` is longer than repeat interval `{}`",
                r.duration, r.interval
            ),
        );
    }
    // RFC 8866 §5.10: offsets are counted from the start time within one interval.
    if let Some(offset) = r
        .offsets()
        .find(|o| o.seconds().is_some_and(|s| s >= interval))
    {
        ctx.report(
            &REPEAT_OFFSET_OUT_OF_INTERVAL,
            loc,
            format!(
                "offset `{offset}` is not smaller than repeat interval `{}`",
                r.interval
            ),
        );
    }
}

fn check_zones(ctx: &mut Ctx<'_, '_>, i: usize, z: &TimeZones<'_>) {
    // RFC 8866 §5.11: the adjustment times are listed in order.
    let mut last: Option<u64> = None;
    for (time, _) in z.adjustments() {
        if let Some(prev) = last.filter(|&p| time <= p) {
            ctx.report(
                &ZONE_ADJUSTMENTS_NOT_INCREASING,
                ctx.session_loc(i),
                format!("adjustment time {time} does not come after {prev}"),
            );
            return;
        }
        last = Some(time);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::{validate, Profile};
    use crate::Session;

    /// The RFC 8866 fixture with `t=0 0` replaced by `timing` (which may add `r=`/`z=` lines).
    fn with_timing(timing: &str) -> String {
        edit(fixtures::RFC8866, "t=0 0\r\n", timing)
    }

    #[test]
    fn fixtures_are_clean_of_timing_lints() {
        for (text, profile) in [
            (fixtures::WEBRTC, Profile::Webrtc),
            (fixtures::SIP, Profile::Sip),
            (fixtures::ST2110, Profile::St2110),
            (fixtures::RFC8866, Profile::Rfc8866),
        ] {
            assert!(!codes(text, profile).iter().any(|c| c.starts_with("SDP013")));
        }
    }

    #[test]
    fn repeat_unbounded_fires_after_t_zero() {
        let text = with_timing("t=0 0\r\nr=7d 1h 0\r\n");
        let session = Session::parse(&text).unwrap();
        let d = validate(&session, Profile::Rfc8866)
            .into_iter()
            .find(|d| d.code() == "SDP0130")
            .unwrap();
        assert_eq!((d.line(), d.column()), (6, 1));
        assert_eq!(
            d.message(),
            "`r=` repeats a session without stop time (`t=0 0`)"
        );
    }

    #[test]
    fn repeat_unbounded_is_silent_for_bounded_session() {
        let text = with_timing("t=3034423619 3042462419\r\nr=7d 1h 0 25h\r\n");
        assert!(codes(&text, Profile::Rfc8866)
            .iter()
            .all(|c| !c.starts_with("SDP013")));
    }

    #[test]
    fn repeat_duration_exceeds_interval_fires_on_swapped_fields() {
        let text = with_timing("t=3034423619 3042462419\r\nr=1h 7d 0\r\n");
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0131"));
    }

    #[test]
    fn repeat_duration_exceeds_interval_is_silent_when_shorter() {
        let text = with_timing("t=3034423619 3042462419\r\nr=604800 3600 0 90000\r\n");
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0131"));
    }

    #[test]
    fn repeat_offset_out_of_interval_fires_on_large_offset() {
        let text = with_timing("t=3034423619 3042462419\r\nr=1d 1h 0 25h\r\n");
        let session = Session::parse(&text).unwrap();
        let d = validate(&session, Profile::Rfc8866)
            .into_iter()
            .find(|d| d.code() == "SDP0132")
            .unwrap();
        assert_eq!(
            d.message(),
            "offset `25h` is not smaller than repeat interval `1d`"
        );
    }

    #[test]
    fn repeat_offset_out_of_interval_is_silent_within_interval() {
        let text = with_timing("t=3034423619 3042462419\r\nr=7d 1h 0 25h\r\n");
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0132"));
    }

    #[test]
    fn zone_adjustments_not_increasing_fires_on_unordered_times() {
        let text = with_timing(
            "t=3034423619 3042462419\r\nr=7d 1h 0\r\nz=2882844526 0 2898848070 -1h 2890000000 0\r\n",
        );
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0133"));
    }

    #[test]
    fn zone_adjustments_not_increasing_is_silent_in_order() {
        let text = with_timing(
            "t=3034423619 3042462419\r\nr=7d 1h 0\r\nz=2882844526 -1h 2898848070 0\r\n",
        );
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0133"));
    }

    #[test]
    fn stop_before_start_fires_on_reversed_times() {
        let text = with_timing("t=3042462419 3034423619\r\n");
        assert!(codes(&text, Profile::Rfc8866).contains(&"SDP0134"));
    }

    #[test]
    fn stop_before_start_is_silent_for_unbounded_stop() {
        let text = with_timing("t=3042462419 0\r\n");
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0134"));
    }

    #[test]
    fn start_zero_with_stop_fires_on_zero_start() {
        let text = with_timing("t=0 3042462419\r\n");
        let found = codes(&text, Profile::Rfc8866);
        assert!(found.contains(&"SDP0135"), "{found:?}");
        assert!(!found.contains(&"SDP0134"));
    }

    #[test]
    fn start_zero_with_stop_is_silent_for_permanent_session() {
        assert!(!codes(fixtures::RFC8866, Profile::Rfc8866).contains(&"SDP0135"));
    }
}
