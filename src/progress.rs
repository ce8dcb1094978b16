//! The arithmetic of progress, pace and score (SPEC §3): pure functions of
//! the model and a day.
//!
//! Only check-ins on or before the day count. Of those, the latest by date
//! wins, and the later one in the file breaks a tie. A period that has ended
//! is judged on its last day, so that a late check-in cannot change a score.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::objective::{
    Checkin, CheckinValue, Commitment, KeyResult, KeyResultKind, Objective,
};
use crate::model::period::DateRange;
use crate::model::settings::ProgressSettings;

/// How far a key result has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyResultProgress {
    /// Clamped to 0..1.
    pub progress: f64,
    /// Unclamped, so that overachievement and regression stay visible.
    pub raw: f64,
}

/// Where a key result or an objective stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Its period has not started.
    Upcoming,
    OnTrack,
    AtRisk,
    OffTrack,
    /// Progress 1; for a key result of an ended period, achieved.
    Done,
    /// An ended objective that reached its bar: 0.7, or 1.0 when committed.
    Accomplished,
    /// An ended objective or key result that did not.
    Missed,
}

/// A key result judged on a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyResultState {
    /// The latest value, or a metric's start before any check-in.
    pub current: Option<CheckinValue>,
    pub progress: Option<KeyResultProgress>,
    pub status: Option<Status>,
}

/// An objective judged on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveState {
    /// The weighted mean of its key results' progress; `None` without any.
    pub progress: Option<f64>,
    /// The share of the period gone by on the day judged.
    pub expected: f64,
    pub status: Option<Status>,
    /// The progress on the last day, once the period has ended.
    pub score: Option<f64>,
    /// Its key results' states, in file order.
    pub key_results: Vec<KeyResultState>,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::Done => "done",
            Status::Accomplished => "accomplished",
            Status::Missed => "missed",
        }
    }
}

/// The check-in that counts on `day`.
pub fn latest_checkin(key_result: &KeyResult, day: NaiveDate) -> Option<&Checkin> {
    key_result
        .checkins
        .iter()
        .filter(|checkin| checkin.date.value <= day)
        // `max_by_key` keeps the last of equal elements: the later one in the file.
        .max_by_key(|checkin| checkin.date.value)
}

/// A key result's progress on `day`, or `None` when its figures cannot
/// give one (a metric without start or target, or with both equal).
pub fn key_result_progress(key_result: &KeyResult, day: NaiveDate) -> Option<KeyResultProgress> {
    let latest = latest_checkin(key_result, day).map(|checkin| checkin.value);
    let met = |reached: bool| {
        let share = if reached { 1.0 } else { 0.0 };
        KeyResultProgress { progress: share, raw: share }
    };
    match key_result.kind {
        KeyResultKind::Metric => {
            let start = key_result.start.as_ref()?.value;
            let target = key_result.target.as_ref()?.value;
            let current = match latest {
                Some(CheckinValue::Number(value)) => value,
                _ => start,
            };
            metric_progress(start, target, current)
        }
        KeyResultKind::Milestone => Some(met(latest == Some(CheckinValue::Done(true)))),
        KeyResultKind::AtLeast | KeyResultKind::AtMost => {
            let target = key_result.target.as_ref()?.value;
            let reached = match latest {
                Some(CheckinValue::Number(value)) if key_result.kind == KeyResultKind::AtLeast => {
                    value >= target
                }
                Some(CheckinValue::Number(value)) => value <= target,
                _ => false,
            };
            Some(met(reached))
        }
    }
}

/// `(current - start) / (target - start)`, up or down; `None` when the
/// figures do not make a finite share.
pub fn metric_progress(start: f64, target: f64, current: f64) -> Option<KeyResultProgress> {
    let raw = (current - start) / (target - start);
    raw.is_finite().then(|| KeyResultProgress { progress: raw.clamp(0.0, 1.0), raw })
}

/// The share of a period's days gone by on `day`, counting that day.
pub fn expected(period: DateRange, day: NaiveDate) -> f64 {
    let passed = (day - period.start).num_days() + 1;
    (passed as f64 / period.days() as f64).clamp(0.0, 1.0)
}

/// The weighted mean of `(progress, weight)` pairs; `None` when there are none.
pub fn weighted_mean(parts: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, weights) =
        parts.into_iter().fold((0.0, 0.0), |(sum, weights), (progress, weight)| {
            (sum + progress * weight, weights + weight)
        });
    (weights > 0.0).then(|| sum / weights)
}

/// Judges an objective of `period` on `as_of`.
pub fn objective_state(
    objective: &Objective,
    period: DateRange,
    as_of: NaiveDate,
    pace: &ProgressSettings,
) -> ObjectiveState {
    let ended = as_of > period.end;
    let upcoming = as_of < period.start;
    // An ended period is judged on its last day.
    let day = if ended { period.end } else { as_of };
    let expected = expected(period, day);

    let key_results: Vec<KeyResultState> = objective
        .key_results
        .iter()
        .map(|kr| {
            let progress = key_result_progress(kr, day);
            let status =
                progress.map(|p| key_result_status(p.progress, expected, ended, upcoming, pace));
            KeyResultState { current: current_value(kr, day), progress, status }
        })
        .collect();
    let progress = weighted_mean(
        objective
            .key_results
            .iter()
            .zip(&key_results)
            .filter_map(|(kr, state)| Some((state.progress?.progress, kr.weight))),
    );
    let score = progress.filter(|_| ended);
    let status = progress.map(|progress| {
        if ended {
            let bar = match objective.commitment {
                Commitment::Aspirational => 0.7,
                Commitment::Committed => 1.0,
            };
            if progress >= bar { Status::Accomplished } else { Status::Missed }
        } else {
            pace_status(progress, expected, upcoming, pace)
        }
    });
    ObjectiveState { progress, expected, status, score, key_results }
}

/// A key result's latest value on `day`, or a metric's start before any.
fn current_value(kr: &KeyResult, day: NaiveDate) -> Option<CheckinValue> {
    match latest_checkin(kr, day) {
        Some(checkin) => Some(checkin.value),
        None if kr.kind == KeyResultKind::Metric => {
            kr.start.as_ref().map(|start| CheckinValue::Number(start.value))
        }
        None => None,
    }
}

fn key_result_status(
    progress: f64,
    expected: f64,
    ended: bool,
    upcoming: bool,
    pace: &ProgressSettings,
) -> Status {
    match ended {
        true if progress >= 1.0 => Status::Done,
        true => Status::Missed,
        false => pace_status(progress, expected, upcoming, pace),
    }
}

/// The status in a running or upcoming period.
fn pace_status(progress: f64, expected: f64, upcoming: bool, pace: &ProgressSettings) -> Status {
    if upcoming {
        Status::Upcoming
    } else if progress >= 1.0 {
        Status::Done
    } else if progress >= expected - pace.at_risk_margin {
        Status::OnTrack
    } else if progress >= expected - pace.off_track_margin {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    fn metric(start: f64, target: f64, current: f64) -> KeyResultProgress {
        metric_progress(start, target, current).expect("a finite share")
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.00005
    }

    #[test]
    fn metrics_up_and_down() {
        // (90 - 120) / (60 - 120) = -30 / -60
        assert_eq!(metric(120.0, 60.0, 90.0), KeyResultProgress { progress: 0.5, raw: 0.5 });
        // (100 - 200) / (0 - 200)
        assert_eq!(metric(200.0, 0.0, 100.0), KeyResultProgress { progress: 0.5, raw: 0.5 });
        // Overachieved: (15 - 0) / 10 = 1.5, shown as 1.
        assert_eq!(metric(0.0, 10.0, 15.0), KeyResultProgress { progress: 1.0, raw: 1.5 });
        // Regressed: (5 - 10) / 10 = -0.5, shown as 0.
        assert_eq!(metric(10.0, 20.0, 5.0), KeyResultProgress { progress: 0.0, raw: -0.5 });
        // (36.5 - 32) / 13 = 4.5 / 13 = 0.34615...
        assert!(close(metric(32.0, 45.0, 36.5).progress, 0.3462));
        assert_eq!(metric_progress(5.0, 5.0, 5.0), None);
    }

    #[test]
    fn weights_count() {
        // (2 * 0.5 + 1 * 1) / 3 = 2 / 3
        assert!(close(weighted_mean([(0.5, 2.0), (1.0, 1.0)]).unwrap(), 0.6667));
        assert_eq!(weighted_mean([]), None);
    }

    #[test]
    fn expected_is_the_share_of_days_gone_by_counting_today() {
        let q4 = DateRange { start: day("2026-10-01"), end: day("2026-12-31") };
        // 92 days; the 46th is November 15 (31 days of October, then 15).
        assert_eq!(expected(q4, day("2026-11-15")), 0.5);
        assert_eq!(expected(q4, day("2026-10-01")), 1.0 / 92.0);
        assert_eq!(expected(q4, day("2026-09-01")), 0.0);
        assert_eq!(expected(q4, day("2027-02-01")), 1.0);
    }

    proptest! {
        #[test]
        fn progress_stays_between_zero_and_one(start in -1e9f64..1e9, target in -1e9f64..1e9, current in -1e12f64..1e12) {
            if let Some(p) = metric_progress(start, target, current) {
                prop_assert!((0.0..=1.0).contains(&p.progress));
                prop_assert!(p.raw.is_finite());
            }
        }

        #[test]
        fn moving_toward_the_target_never_lowers_progress(start in -1e6f64..1e6, target in -1e6f64..1e6, current in -1e6f64..1e6, step in 0.0f64..1e6) {
            prop_assume!(start != target);
            let toward = if target > start { current + step } else { current - step };
            let before = metric_progress(start, target, current).unwrap();
            let after = metric_progress(start, target, toward).unwrap();
            prop_assert!(after.progress >= before.progress);
        }

        #[test]
        fn expected_stays_between_zero_and_one(offset in -400i64..400, length in 0i64..400) {
            let start = day("2026-01-01");
            let period = DateRange { start, end: start + chrono::Duration::days(length) };
            let share = expected(period, start + chrono::Duration::days(offset));
            prop_assert!((0.0..=1.0).contains(&share));
        }
    }
}
