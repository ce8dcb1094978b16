//! Rules that read an objective's title with the classifier: what was
//! written as an objective may be personal development, an initiative or a
//! key result (SPEC §1).

use crate::classify::{self, Class, Classification, Focus};
use crate::finding::{Finding, RuleId};
use crate::model::Workspace;
use crate::model::objective::Objective;
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

/// The objectives of the same period that an initiative or key result
/// could go under, best first: those that share words with the title, else
/// the objective it is aligned to.
fn homes(ws: &Workspace, objective: &Objective, title: &str) -> Vec<String> {
    let others: Vec<(String, &str)> = ws
        .objectives
        .iter()
        .filter(|other| other.reference != objective.reference)
        .filter(|other| other.reference.period == objective.reference.period)
        .filter_map(|other| {
            Some((other.reference.to_string(), other.title.as_ref()?.value.as_str()))
        })
        .collect();
    let found = classify::candidates(title, others.iter().map(|(r, t)| (r.as_str(), *t)));
    if !found.is_empty() {
        return found;
    }
    objective.aligned_to.iter().map(|parent| parent.value.to_string()).collect()
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
    classified(cx)
        .filter(|(_, _, c)| c.class == Class::Initiative)
        .filter_map(|(objective, title, c)| {
            let homes = homes(cx.workspace, objective, title);
            let help = classify::advice(Class::Initiative, Focus::Unknown, &homes);
            finding(RuleId::InitiativeAsObjective, objective, c.class, because(c), help)
        })
        .collect()
}

pub fn key_result_as_objective(cx: &Context<'_>) -> Vec<Finding> {
    classified(cx)
        .filter(|(_, _, c)| c.class == Class::KeyResult)
        .filter_map(|(objective, title, c)| {
            let homes = homes(cx.workspace, objective, title);
            let help = classify::advice(Class::KeyResult, Focus::Unknown, &homes);
            finding(RuleId::KeyResultAsObjective, objective, c.class, because(c), help)
        })
        .collect()
}
