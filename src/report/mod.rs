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
    /// How many objectives have each status, in the order of [`STATUS_ORDER`].
    pub by_status: BTreeMap<&'static str, usize>,
    /// The mean progress of the objectives that have one.
    pub mean_progress: Option<f64>,
    /// The references of the objectives that are off track.
    pub off_track: Vec<String>,
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
                    .map_or_else(|| id.to_string(), |n| n.value.clone()),
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
            .map_or_else(String::new, |o| o.value.clone()),
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
        match group
            .parent
            .as_ref()
            .filter(|p| workspace.groups.contains_key(&p.value))
        {
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
    let mut out =
        serde_json::to_string(value).expect("views serialize: strings, numbers and lists only");
    out.push('\n');
    out
}
