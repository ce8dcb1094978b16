//! Views across periods and along alignment: a group's history and the
//! alignment tree of a period.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Workspace;
use crate::model::id::Id;
use crate::model::period::Period;
use crate::model::reference::ObjectiveRef;
use crate::progress::Status;
use crate::report::org_chart_order;
use crate::report::view::{ObjectiveView, objective_view};

/// `okr history GROUP`: its objectives period by period, oldest first.
#[derive(Clone, Debug, Serialize)]
pub struct History {
    pub group: String,
    pub periods: Vec<HistoryPeriod>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HistoryPeriod {
    pub period: String,
    pub objectives: Vec<HistoryObjective>,
}

/// An objective in a history: how it stood or ended.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryObjective {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub progress: Option<f64>,
    pub score: Option<f64>,
    pub status: Option<Status>,
}

/// A group's history as of a day: periods by their first day, then name.
pub fn history(workspace: &Workspace, group: &Id, as_of: NaiveDate) -> History {
    let calendar = &workspace.settings.calendar;
    let mut periods: Vec<&Period> = workspace
        .objectives
        .iter()
        .filter(|o| &o.reference.group == group)
        .map(|o| &o.reference.period)
        .collect();
    periods.sort_by_key(|period| {
        (calendar.range(period).map(|r| (r.start, r.end)), period.to_string())
    });
    periods.dedup();
    let periods = periods
        .into_iter()
        .map(|period| HistoryPeriod {
            period: period.to_string(),
            objectives: workspace
                .objectives
                .iter()
                .filter(|o| &o.reference.group == group && &o.reference.period == period)
                .map(|objective| {
                    let view = objective_view(workspace, objective, as_of);
                    HistoryObjective {
                        reference: view.reference,
                        title: view.title,
                        progress: view.progress,
                        score: view.score,
                        status: view.status,
                    }
                })
                .collect(),
        })
        .collect();
    History { group: group.to_string(), periods }
}

/// An objective in the alignment tree, with those aligned to it.
#[derive(Clone, Debug, Serialize)]
pub struct TreeNode {
    #[serde(flatten)]
    pub objective: ObjectiveView,
    pub children: Vec<TreeNode>,
}

/// The alignment tree of a period: objectives aligned to nothing of the
/// period at the root, in org-chart order, each with what aligns to it.
/// Objectives caught in an alignment cycle have no root and are left out;
/// `okr check` reports the cycle.
pub fn tree(workspace: &Workspace, period: &Period, as_of: NaiveDate) -> Vec<TreeNode> {
    let objectives = &workspace.objectives;
    let in_period: BTreeMap<&ObjectiveRef, usize> = objectives
        .iter()
        .enumerate()
        .filter(|(_, o)| &o.reference.period == period)
        .map(|(index, o)| (&o.reference, index))
        .collect();
    let rank: BTreeMap<&Id, usize> = org_chart_order(workspace, None)
        .into_iter()
        .enumerate()
        .map(|(rank, (id, _))| (id, rank))
        .collect();

    let mut roots = Vec::new();
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &index in in_period.values() {
        let parent = objectives[index].aligned_to.as_ref().and_then(|p| in_period.get(&p.value));
        match parent {
            Some(&parent) => children.entry(parent).or_default().push(index),
            None => roots.push(index),
        }
    }
    let order_key = |index: &usize| {
        let reference = &objectives[*index].reference;
        (rank.get(&reference.group).copied().unwrap_or(usize::MAX), reference.id.clone())
    };
    roots.sort_by_key(order_key);
    for list in children.values_mut() {
        list.sort_by_key(order_key);
    }

    let cx = TreeContext { workspace, as_of, children: &children };
    roots.into_iter().map(|root| cx.node(root)).collect()
}

struct TreeContext<'a> {
    workspace: &'a Workspace,
    as_of: NaiveDate,
    children: &'a BTreeMap<usize, Vec<usize>>,
}

impl TreeContext<'_> {
    /// An objective and, below it, what aligns to it. Every node is reached
    /// from one root only, since each objective has at most one parent.
    ///
    /// This recurses once a level: an alignment chain thousands of
    /// objectives deep inside one period could exhaust the stack. Real
    /// alignment is a few levels deep; an explicit stack would lift the limit.
    fn node(&self, index: usize) -> TreeNode {
        TreeNode {
            objective: objective_view(
                self.workspace,
                &self.workspace.objectives[index],
                self.as_of,
            ),
            children: self
                .children
                .get(&index)
                .into_iter()
                .flatten()
                .map(|&child| self.node(child))
                .collect(),
        }
    }
}
