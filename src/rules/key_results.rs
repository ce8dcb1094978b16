//! Rules about key results and their check-ins.

use crate::finding::{Finding, RuleId};
use crate::model::objective::{KeyResult, KeyResultKind};
use crate::progress::{key_result_progress, latest_checkin};
use crate::rules::Context;

pub fn bad_key_result(cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = cx.loaded(RuleId::BadKeyResult);
    for objective in &cx.workspace.objectives {
        for kr in &objective.key_results {
            findings.extend(figures_problem(kr));
        }
    }
    findings
}

/// A metric must move: its start and target differ. (Missing figures are
/// found by the loader, which knows which keys were written.)
fn figures_problem(kr: &KeyResult) -> Option<Finding> {
    if kr.kind != KeyResultKind::Metric {
        return None;
    }
    let (start, target) = (kr.start.as_ref()?, kr.target.as_ref()?);
    (start.value == target.value).then(|| {
        Finding::new(
            RuleId::BadKeyResult,
            target.at,
            format!("key result `{}` starts where it ends: `start` and `target` are both {}", kr.id, target.value),
            "a metric moves from `start` to `target`; a level to hold is `kind = \"at-least\"` or `kind = \"at-most\"` with a `target`",
        )
    })
}

pub fn checkin_date(cx: &Context<'_>) -> Vec<Finding> {
    let calendar = &cx.workspace.settings.calendar;
    let mut findings = Vec::new();
    for objective in &cx.workspace.objectives {
        let Some(range) = calendar.range(&objective.reference.period) else {
            continue;
        };
        let period = &objective.reference.period;
        for kr in &objective.key_results {
            for checkin in &kr.checkins {
                let day = checkin.date.value;
                let (problem, help) = if day < range.start {
                    (
                        format!("is before {period} starts on {}", range.start),
                        "check the date, or move the check-in to the objective of the period it belongs to",
                    )
                } else if day > range.end {
                    (
                        format!("is after {period} ended on {}", range.end),
                        "a check-in after the period does not change its score: check the date",
                    )
                } else if day > cx.as_of {
                    (
                        format!("is after the as-of date {}", cx.as_of),
                        "check the date: a check-in reports what has happened",
                    )
                } else {
                    continue;
                };
                findings.push(Finding::new(
                    RuleId::CheckinDate,
                    checkin.date.at(objective.file),
                    format!("check-in of {day} on key result `{}` {problem}", kr.id),
                    help,
                ));
            }
        }
    }
    findings
}

pub fn stale_key_result(cx: &Context<'_>) -> Vec<Finding> {
    let calendar = &cx.workspace.settings.calendar;
    let days = i64::from(cx.workspace.settings.progress.stale_after_days);
    let mut findings = Vec::new();
    for objective in &cx.workspace.objectives {
        let Some(range) = calendar.range(&objective.reference.period) else {
            continue;
        };
        if !range.contains_day(cx.as_of) {
            continue;
        }
        for kr in &objective.key_results {
            // A key result that is done needs no more news, and one with a
            // check-in that could not be read may well have some.
            let done = key_result_progress(kr, cx.as_of).is_some_and(|p| p.progress >= 1.0);
            if done || kr.unreadable_checkins {
                continue;
            }
            // A check-in dated before the period says nothing about this one.
            let last = latest_checkin(kr, cx.as_of)
                .map(|c| c.date.value)
                .filter(|day| *day >= range.start);
            let since = last.unwrap_or(range.start);
            let quiet = (cx.as_of - since).num_days();
            if quiet <= days {
                continue;
            }
            let message = match last {
                Some(day) => format!(
                    "key result `{}` has had no check-in for {quiet} days, since {day}",
                    kr.id
                ),
                None => format!(
                    "key result `{}` has had no check-in in the {quiet} days since {} started",
                    kr.id, objective.reference.period
                ),
            };
            findings.push(Finding::new(
                RuleId::StaleKeyResult,
                kr.at,
                message,
                format!("record where it stands with a check-in; `stale_after_days` in `okr.toml` sets the limit ({days} days)"),
            ));
        }
    }
    findings
}
