//! The arithmetic of progress: pure functions of the model and a day.
//!
//! Only check-ins on or before the as-of day count. Of those, the latest by
//! date wins, and the later one in the file breaks a tie.

use chrono::NaiveDate;

use crate::model::objective::{Checkin, CheckinValue, KeyResult, KeyResultKind};

/// How far a key result has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyResultProgress {
    /// Clamped to 0..1.
    pub progress: f64,
    /// Unclamped, so that overachievement and regression stay visible.
    pub raw: f64,
}

/// The check-in that counts on `as_of`.
pub fn latest_checkin(key_result: &KeyResult, as_of: NaiveDate) -> Option<&Checkin> {
    key_result
        .checkins
        .iter()
        .filter(|checkin| checkin.date.value <= as_of)
        // `max_by_key` keeps the last of equal elements: the later one in the file.
        .max_by_key(|checkin| checkin.date.value)
}

/// A key result's progress on `as_of`, or `None` when its figures cannot
/// give one (a metric without start or target, or with both equal).
pub fn key_result_progress(key_result: &KeyResult, as_of: NaiveDate) -> Option<KeyResultProgress> {
    let latest = latest_checkin(key_result, as_of).map(|checkin| checkin.value.value);
    let met = |reached: bool| KeyResultProgress {
        progress: f64::from(u8::from(reached)),
        raw: f64::from(u8::from(reached)),
    };
    match key_result.kind {
        KeyResultKind::Metric => {
            let start = key_result.start.as_ref()?.value;
            let target = key_result.target.as_ref()?.value;
            if start == target {
                return None;
            }
            let current = match latest {
                Some(CheckinValue::Number(value)) => value,
                _ => start,
            };
            let raw = (current - start) / (target - start);
            Some(KeyResultProgress {
                progress: raw.clamp(0.0, 1.0),
                raw,
            })
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
