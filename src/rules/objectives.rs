//! Rules about objectives: their load, their alignment, their initiatives.

use std::collections::BTreeMap;

use crate::finding::{Finding, RuleId, did_you_mean, quoted};
use crate::model::id::Id;
use crate::model::objective::Objective;
use crate::model::period::Period;
use crate::model::reference::ObjectiveRef;
use crate::model::source::Span;
use crate::rules::{Context, graph};

/// Where a finding about a whole objective points: its title, else its file.
fn objective_place(objective: &Objective) -> Span {
    objective.title.as_ref().map_or(Span::whole(objective.file), |title| title.at)
}

pub fn no_key_results(cx: &Context<'_>) -> Vec<Finding> {
    cx.workspace
        .objectives
        .iter()
        .filter(|objective| objective.key_results.is_empty())
        .map(|objective| {
            Finding::new(
                RuleId::NoKeyResults,
                objective_place(objective),
                format!("objective `{}` has no key results", objective.reference.id),
                "add two to five key results that show it is achieved: `[key_result.<id>]` with `title`, `start` and `target`",
            )
        })
        .collect()
}

pub fn too_many_key_results(cx: &Context<'_>) -> Vec<Finding> {
    let limit = cx.workspace.settings.limits.max_key_results as usize;
    let mut findings = Vec::new();
    for objective in &cx.workspace.objectives {
        let count = objective.key_results.len();
        if count > limit {
            findings.push(Finding::new(
                RuleId::TooManyKeyResults,
                objective.key_results[limit].at,
                format!("objective `{}` has {count} key results; the limit is {limit}", objective.reference.id),
                "keep the few that show the objective is achieved, and move the rest to initiatives or the next period",
            ));
        }
    }
    findings
}

pub fn too_many_objectives(cx: &Context<'_>) -> Vec<Finding> {
    let limit = cx.workspace.settings.limits.max_objectives as usize;
    let mut by_group: BTreeMap<(&Id, &Period), Vec<&Objective>> = BTreeMap::new();
    for objective in &cx.workspace.objectives {
        by_group
            .entry((&objective.reference.group, &objective.reference.period))
            .or_default()
            .push(objective);
    }
    by_group
        .into_iter()
        .filter(|(_, objectives)| objectives.len() > limit)
        .map(|((group, period), objectives)| {
            Finding::new(
                RuleId::TooManyObjectives,
                Span::whole(objectives[limit].file),
                format!("`{group}` has {} objectives in {period}; the limit is {limit}", objectives.len()),
                "focus: keep the objectives that matter most this period and drop or defer the others",
            )
        })
        .collect()
}

pub fn leads_too_many(cx: &Context<'_>) -> Vec<Finding> {
    let limit = cx.workspace.settings.limits.max_objectives_per_lead as usize;
    let mut by_lead: BTreeMap<(&Id, &Period), Vec<&Objective>> = BTreeMap::new();
    for objective in &cx.workspace.objectives {
        if let Some(lead) = &objective.lead {
            by_lead.entry((&lead.value, &objective.reference.period)).or_default().push(objective);
        }
    }
    let mut findings = Vec::new();
    for ((lead, period), objectives) in by_lead {
        if objectives.len() <= limit {
            continue;
        }
        let list = quoted(objectives.iter().map(|o| &o.reference), ", ");
        let at = objectives[limit].lead.as_ref().expect("grouped by lead").at;
        findings.push(Finding::new(
            RuleId::LeadsTooMany,
            at,
            format!(
                "`{lead}` leads {} objectives in {period}; the limit is {limit}: {list}",
                objectives.len()
            ),
            "one person can keep only a few objectives on track: hand some to other leads",
        ));
    }
    findings
}

pub fn bad_alignment(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let mut findings = cx.loaded(RuleId::BadAlignment);
    for objective in &ws.objectives {
        let Some(parent) = &objective.aligned_to else {
            continue;
        };
        if ws.has_objective(&parent.value) {
            continue;
        }
        // Candidates are the objectives of the period it names: a typo is
        // most likely in the group or the id, and the list stays short.
        let known: Vec<String> = ws
            .objectives
            .iter()
            .filter(|o| o.reference.period == parent.value.period)
            .map(|o| o.reference.to_string())
            .collect();
        let wanted = parent.value.to_string();
        findings.push(Finding::new(
            RuleId::BadAlignment,
            parent.at,
            format!("`aligned_to` names `{wanted}`, which is no objective"),
            did_you_mean(
                &wanted,
                known.iter().map(String::as_str),
                "name an existing objective as `group/period/objective`, or remove `aligned_to`",
            ),
        ));
    }
    findings.extend(alignment_cycles(cx));
    findings
}

/// Alignment chains that come back to where they started, each reported once.
fn alignment_cycles(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let parent_of = |reference: &ObjectiveRef| {
        let parent = &ws.objective(reference)?.aligned_to.as_ref()?.value;
        ws.objective(parent).map(|objective| &objective.reference)
    };
    graph::cycles(ws.objectives.iter().map(|o| &o.reference), parent_of)
        .into_iter()
        .map(|cycle| {
            let names = quoted(&cycle, " → ");
            let first = ws.objective(cycle[0]).expect("cycles are made of objectives");
            Finding::new(
                RuleId::BadAlignment,
                first.aligned_to.as_ref().map(|parent| parent.at),
                format!("alignment forms a cycle: {names} → `{}`", cycle[0]),
                "alignment points up the org chart: remove or change one `aligned_to` of the cycle",
            )
        })
        .collect()
}

pub fn alignment_period(cx: &Context<'_>) -> Vec<Finding> {
    let ws = cx.workspace;
    let calendar = &ws.settings.calendar;
    let mut findings = Vec::new();
    for objective in &ws.objectives {
        let Some(parent) = &objective.aligned_to else {
            continue;
        };
        let (Some(own), Some(theirs)) =
            (calendar.range(&objective.reference.period), calendar.range(&parent.value.period))
        else {
            continue;
        };
        if theirs.contains(&own) {
            continue;
        }
        findings.push(Finding::new(
            RuleId::AlignmentPeriod,
            parent.at,
            format!(
                "objective `{}` of {} is aligned to an objective of {}, which does not contain it",
                objective.reference.id, objective.reference.period, parent.value.period
            ),
            format!(
                "align it to an objective of {} or of a period that contains it",
                objective.reference.period
            ),
        ));
    }
    findings
}

pub fn initiative_links(cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = cx.loaded(RuleId::InitiativeLinks);
    for objective in &cx.workspace.objectives {
        for initiative in &objective.initiatives {
            for supported in &initiative.supports {
                if objective.key_result(&supported.value).is_some() {
                    continue;
                }
                let fallback = if objective.key_results.is_empty() {
                    "this objective has no key results yet: add the one this work moves".to_owned()
                } else {
                    let list = quoted(objective.key_results.iter().map(|kr| &kr.id), ", ");
                    format!("an initiative supports key results of its own objective: {list}")
                };
                findings.push(Finding::new(
                    RuleId::InitiativeLinks,
                    supported.at,
                    format!(
                        "initiative `{}` supports `{}`, which is no key result of this objective",
                        initiative.id, supported.value
                    ),
                    did_you_mean(
                        supported.value.as_str(),
                        objective.key_results.iter().map(|kr| kr.id.as_str()),
                        &fallback,
                    ),
                ));
            }
        }
    }
    findings
}
