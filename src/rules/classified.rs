//! Rules that read an objective's title with the classifier: what was
//! written as an objective may be personal development, an initiative or a
//! key result (SPEC §1).

use std::collections::BTreeMap;

use crate::classify::{self, Class, Classification, Focus, Homes};
use crate::finding::{Finding, RuleId};
use crate::model::Workspace;
use crate::model::objective::Objective;
use crate::model::period::Period;
use crate::rules::Context;

/// Each titled objective with what its title reads as.
fn classified<'a>(
    cx: &'a Context<'_>,
) -> impl Iterator<Item = (&'a Objective, &'a str, &'a Classification)> {
    cx.workspace.objectives.iter().zip(cx.readings()).filter_map(|(objective, reading)| {
        let title = objective.title.as_ref()?;
        Some((objective, title.value.as_str(), reading.as_ref()?))
    })
}

/// Every titled objective of each period, as a place an initiative or a
/// key result of that period could go.
fn homes_by_period(ws: &Workspace) -> BTreeMap<&Period, Homes> {
    let mut texts: BTreeMap<&Period, Vec<(String, &str)>> = BTreeMap::new();
    for objective in &ws.objectives {
        if let Some(title) = &objective.title {
            let entry = (objective.reference.to_string(), title.value.as_str());
            texts.entry(&objective.reference.period).or_default().push(entry);
        }
    }
    texts.into_iter().map(|(period, texts)| (period, Homes::new(texts))).collect()
}

/// The objectives of the same period that an initiative or key result
/// could go under, best first: those that share words with the title, else
/// the objective it is aligned to.
fn homes(by_period: &BTreeMap<&Period, Homes>, objective: &Objective, title: &str) -> Vec<String> {
    let reference = objective.reference.to_string();
    let found = by_period
        .get(&objective.reference.period)
        .map(|homes| homes.best(title, Some(&reference)))
        .unwrap_or_default();
    if !found.is_empty() {
        return found;
    }
    objective.aligned_to.iter().map(|parent| parent.value.to_string()).collect()
}

/// The findings of a rule that reads objectives classed `class` as
/// something else, with advice that names where they could go.
fn misread(cx: &Context<'_>, class: Class, rule: RuleId) -> Vec<Finding> {
    let flagged: Vec<_> = classified(cx).filter(|(_, _, c)| c.class == class).collect();
    if flagged.is_empty() {
        return Vec::new();
    }
    let by_period = homes_by_period(cx.workspace);
    flagged
        .into_iter()
        .filter_map(|(objective, title, c)| {
            let homes = homes(&by_period, objective, title);
            let help = classify::advice(class, Focus::Unknown, &homes);
            finding(rule, objective, c.class, because(c), help)
        })
        .collect()
}

fn because(classification: &Classification) -> String {
    classification.reasons().join("; ")
}

fn finding(
    rule: RuleId,
    objective: &Objective,
    class: Class,
    reasons: String,
    help: String,
) -> Option<Finding> {
    let title = objective.title.as_ref()?;
    Some(Finding::new(
        rule,
        title.at,
        format!("objective `{}` reads as {}: {reasons}", objective.reference.id, class.phrase()),
        help,
    ))
}

pub fn personal_development(cx: &Context<'_>) -> Vec<Finding> {
    classified(cx)
        .filter(|(_, _, c)| c.class == Class::PersonalDevelopment && c.certain)
        .filter_map(|(objective, _, c)| {
            let help = classify::advice(Class::PersonalDevelopment, Focus::Unknown, &[]);
            finding(RuleId::PersonalDevelopment, objective, c.class, because(c), help)
        })
        .collect()
}

pub fn initiative_as_objective(cx: &Context<'_>) -> Vec<Finding> {
    misread(cx, Class::Initiative, RuleId::InitiativeAsObjective)
}

pub fn key_result_as_objective(cx: &Context<'_>) -> Vec<Finding> {
    misread(cx, Class::KeyResult, RuleId::KeyResultAsObjective)
}
