//! Reports: views built from the model and the progress arithmetic, and
//! their renderers (markdown, terminal tables, JSON, CSV).
//!
//! Everything here is a pure function of a workspace and a day, so the same
//! workspace and `--as-of` give the same bytes on every machine.

pub mod csv;
pub mod markdown;
pub mod periods;
pub mod table;
pub mod text;
pub mod view;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Workspace;
use crate::model::id::Id;
use crate::model::org::GroupKind;
use crate::model::period::Period;
use crate::progress::Status;
use crate::report::view::{ObjectiveView, objective_view};

/// A report of one period: SPEC §8.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub organization: String,
    pub period: String,
    pub as_of: NaiveDate,
    pub summary: Summary,
    pub groups: Vec<GroupSection>,
}

/// The opening of a report: how the period stands as a whole.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub objectives: usize,
    /// How many objectives have each status, by status name.
    pub by_status: BTreeMap<&'static str, usize>,
    /// The mean progress of the objectives that have one.
    pub mean_progress: Option<f64>,
    /// The references of the objectives that are off track.
    pub off_track: Vec<String>,
}

impl Summary {
    /// `6 on-track`, `4 at-risk`...: the statuses that occur, in report order.
    pub fn status_counts(&self) -> Vec<String> {
        STATUS_ORDER
            .iter()
            .filter_map(|status| {
                self.by_status.get(status.as_str()).map(|n| format!("{n} {}", status.as_str()))
            })
            .collect()
    }
}

/// One group of a report with its objectives of the period.
#[derive(Clone, Debug, Serialize)]
pub struct GroupSection {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    /// How far below the company it sits: 0 for the company.
    pub depth: usize,
    pub objectives: Vec<ObjectiveView>,
}

/// Statuses in the order reports list them.
pub const STATUS_ORDER: [Status; 7] = [
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::Done,
    Status::Accomplished,
    Status::Missed,
    Status::Upcoming,
];

/// Builds the report of `period` on `as_of`, for every group or for `top`
/// and the groups below it.
pub fn build(workspace: &Workspace, period: &Period, top: Option<&Id>, as_of: NaiveDate) -> Report {
    let groups: Vec<GroupSection> = org_chart_order(workspace, top)
        .into_iter()
        .map(|(id, depth)| {
            let group = workspace.groups.get(id);
            let objectives = workspace
                .objectives
                .iter()
                .filter(|o| &o.reference.group == id && &o.reference.period == period)
                .map(|objective| objective_view(workspace, objective, as_of))
                .collect();
            GroupSection {
                id: id.to_string(),
                name: group
                    .and_then(|g| g.name.as_ref())
                    .map_or_else(|| id.to_string(), |n| n.value.to_string()),
                kind: group.map_or("team", |g| g.kind().as_str()),
                depth,
                objectives,
            }
        })
        .collect();
    let summary = summarise(groups.iter().flat_map(|g| &g.objectives));
    Report {
        organization: workspace
            .settings
            .organization
            .as_ref()
            .map_or_else(String::new, |o| o.value.to_string()),
        period: period.to_string(),
        as_of,
        summary,
        groups,
    }
}

/// Groups in org-chart order with their depth: the company first, then
/// depth first, siblings by id. Groups the tree does not reach (a broken
/// org chart) follow, by id, so that nothing is left out.
pub fn org_chart_order<'a>(workspace: &'a Workspace, top: Option<&'a Id>) -> Vec<(&'a Id, usize)> {
    let mut children: BTreeMap<&Id, Vec<&Id>> = BTreeMap::new();
    let mut roots = Vec::new();
    for group in workspace.groups.values() {
        match group.parent.as_ref().filter(|p| workspace.groups.contains_key(&p.value)) {
            Some(parent) => children.entry(&parent.value).or_default().push(&group.id),
            None => roots.push(&group.id),
        }
    }
    // Companies before other roots; each list is already sorted by id.
    roots.sort_by_key(|id| (workspace.groups[*id].kind() != GroupKind::Company, *id));
    let starts: Vec<&Id> = match top {
        Some(top) => vec![top],
        None => roots,
    };

    let mut order = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for start in starts {
        let mut stack = vec![(start, 0)];
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            order.push((id, depth));
            for child in children.get(id).into_iter().flatten().rev() {
                stack.push((child, depth + 1));
            }
        }
    }
    if top.is_none() {
        // Groups caught in a cycle of parents are reached from no root.
        for id in workspace.groups.keys() {
            if !seen.contains(id) {
                order.push((id, 0));
            }
        }
    }
    order
}

/// Counts by status, mean progress and what is off track.
pub fn summarise<'a>(objectives: impl IntoIterator<Item = &'a ObjectiveView>) -> Summary {
    let objectives: Vec<&ObjectiveView> = objectives.into_iter().collect();
    let mut by_status = BTreeMap::new();
    for objective in &objectives {
        if let Some(status) = objective.status {
            *by_status.entry(status.as_str()).or_insert(0) += 1;
        }
    }
    let progress: Vec<f64> = objectives.iter().filter_map(|o| o.progress).collect();
    let mean_progress =
        (!progress.is_empty()).then(|| progress.iter().sum::<f64>() / progress.len() as f64);
    Summary {
        objectives: objectives.len(),
        by_status,
        mean_progress,
        off_track: objectives
            .iter()
            .filter(|o| o.status == Some(Status::OffTrack))
            .map(|o| o.reference.clone())
            .collect(),
    }
}

/// Any report value as JSON on one line.
pub fn json<T: Serialize>(value: &T) -> String {
    let out =
        serde_json::to_string(value).expect("views serialize: strings, numbers and lists only");
    crate::render::json_safe(out) + "\n"
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::objective::{
        Checkin, CheckinValue, Commitment, KeyResult, KeyResultKind, Objective,
    };
    use crate::model::org::Group;
    use crate::model::reference::ObjectiveRef;
    use crate::model::source::{FileId, InFile, Located, Span};

    fn at() -> Span {
        Span::whole(FileId(0))
    }

    fn id(text: &str) -> Id {
        Id::parse(text).expect("test ids are valid")
    }

    /// A workspace with one company and one objective of 2026-Q4 holding a
    /// key result of each kind with the given figures.
    fn workspace(start: f64, target: f64, current: f64, weight: f64) -> Workspace {
        let mut workspace = Workspace::default();
        workspace.groups.insert(
            id("acme"),
            Group {
                id: id("acme"),
                file: FileId(0),
                name: None,
                kind: None,
                parent: None,
                lead: None,
                members: Vec::new(),
            },
        );
        let checkin = |value| Checkin {
            date: InFile::of(Located::new("2026-11-10".parse().expect("a date"), at())),
            value,
            by: None,
            note: None,
            confidence: None,
        };
        let kr = |name: &str, kind, value| KeyResult {
            id: id(name),
            at: at(),
            title: None,
            kind,
            start: Some(Located::new(start, at())),
            target: Some(Located::new(target, at())),
            unit: None,
            lead: None,
            weight,
            checkins: vec![checkin(value)],
            unreadable_checkins: false,
        };
        workspace.objectives.push(Objective {
            reference: ObjectiveRef {
                group: id("acme"),
                period: Period::Quarter(2026, 4),
                id: id("o"),
            },
            file: FileId(0),
            title: None,
            lead: None,
            lead_written: false,
            aligned_to: None,
            description: None,
            commitment: Commitment::Aspirational,
            key_results: vec![
                kr("metric", KeyResultKind::Metric, CheckinValue::Number(current)),
                kr("least", KeyResultKind::AtLeast, CheckinValue::Number(current)),
                kr("most", KeyResultKind::AtMost, CheckinValue::Number(current)),
                kr("milestone", KeyResultKind::Milestone, CheckinValue::Done(current > start)),
            ],
            initiatives: Vec::new(),
        });
        workspace
    }

    fn has_nan(text: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric()).any(|word| ["NaN", "nan", "inf"].contains(&word))
    }

    proptest! {
        #[test]
        fn no_output_holds_nan(start in -1e6f64..1e6, target in -1e6f64..1e6, current in -1e9f64..1e9, weight in 0.001f64..10.0, day in 0i64..200) {
            // Equal figures are what makes 0 / 0; make them likely.
            let target = if day % 5 == 0 { start } else { target };
            let workspace = workspace(start, target, current, weight);
            let as_of = NaiveDate::from_ymd_opt(2026, 9, 1).expect("a date") + chrono::Duration::days(day);
            let report = build(&workspace, &Period::Quarter(2026, 4), None, as_of);
            for text in [markdown::render(&report), table::render(&report, table::Terminal::default()), json(&report), csv::render(&report)] {
                prop_assert!(!has_nan(&text), "{}", text);
            }
            for objective in report.groups.iter().flat_map(|g| &g.objectives) {
                prop_assert!(objective.progress.is_none_or(|p| (0.0..=1.0).contains(&p)));
            }
        }
    }
}
