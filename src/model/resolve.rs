//! Resolving what a user typed into the thing it names.
//!
//! Files hold full references; on the command line leading segments may be
//! left out (`increase-engagement/weekly-actives`) where the rest names one
//! thing. A short reference that fits several prefers the current period,
//! and is otherwise an error that lists every candidate.

use std::fmt;

use crate::model::Workspace;
use crate::model::period::Period;

/// What a reference names, by position in the workspace.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    Group(&'a crate::model::org::Group),
    Objective(usize),
    KeyResult(usize, usize),
    Initiative(usize, usize),
}

/// Why a reference names nothing, or more than one thing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    NotFound { reference: String, nearest: Vec<String> },
    Ambiguous { reference: String, candidates: Vec<String> },
}

/// Every full reference of the workspace with its target.
fn every_reference(workspace: &Workspace) -> Vec<(String, Target<'_>)> {
    let mut all: Vec<(String, Target<'_>)> = workspace
        .groups
        .values()
        .map(|group| (group.id.to_string(), Target::Group(group)))
        .collect();
    for (index, objective) in workspace.objectives.iter().enumerate() {
        let reference = objective.reference.to_string();
        for (kr, key_result) in objective.key_results.iter().enumerate() {
            all.push((format!("{reference}/{}", key_result.id), Target::KeyResult(index, kr)));
        }
        for (item, initiative) in objective.initiatives.iter().enumerate() {
            all.push((format!("{reference}/{}", initiative.id), Target::Initiative(index, item)));
        }
        all.push((reference, Target::Objective(index)));
    }
    all
}

/// Whether `short` is `full` with leading segments left out.
fn fits(full: &str, short: &str) -> bool {
    full == short || full.ends_with(&format!("/{short}"))
}

/// Resolves `text`, preferring things of `current` when it fits several.
pub fn resolve<'a>(
    workspace: &'a Workspace,
    text: &str,
    current: &Period,
) -> Result<Target<'a>, ResolveError> {
    let text = text.trim_matches('/').trim_end_matches(".toml");
    let all = every_reference(workspace);
    let fitting: Vec<&(String, Target<'_>)> =
        all.iter().filter(|(full, _)| fits(full, text)).collect();
    let in_current = |target: &Target<'_>| match target {
        Target::Group(_) => false,
        Target::Objective(i) | Target::KeyResult(i, _) | Target::Initiative(i, _) => {
            &workspace.objectives[*i].reference.period == current
        }
    };
    let chosen: Vec<&&(String, Target<'_>)> = match fitting.as_slice() {
        [only] => return Ok(only.1),
        [] => {
            return Err(ResolveError::NotFound {
                reference: text.to_owned(),
                nearest: nearest(&all, text),
            });
        }
        several => several.iter().filter(|(_, target)| in_current(target)).collect(),
    };
    match chosen.as_slice() {
        [only] => Ok(only.1),
        _ => Err(ResolveError::Ambiguous {
            reference: text.to_owned(),
            candidates: fitting.iter().map(|(full, _)| full.clone()).collect(),
        }),
    }
}

/// The references closest to a text that names nothing, at most three.
fn nearest(all: &[(String, Target<'_>)], text: &str) -> Vec<String> {
    let last = text.rsplit('/').next().unwrap_or(text);
    let mut scored: Vec<(f64, &String)> = all
        .iter()
        .map(|(full, _)| {
            (strsim::jaro_winkler(full.rsplit('/').next().unwrap_or(full), last), full)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, full)| full.clone()).collect()
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NotFound { reference, .. } => {
                write!(f, "`{reference}` names nothing in this workspace")
            }
            ResolveError::Ambiguous { reference, candidates } => {
                // A long list says no more than its first few.
                let shown = crate::finding::quoted(candidates.iter().take(10), ", ");
                let more = candidates.len().saturating_sub(10);
                let rest = if more > 0 { format!(" and {more} more") } else { String::new() };
                write!(f, "`{reference}` could be any of: {shown}{rest}")
            }
        }
    }
}

impl ResolveError {
    /// What to do about it.
    pub fn help(&self) -> String {
        match self {
            ResolveError::NotFound { nearest, .. } if !nearest.is_empty() => {
                format!("did you mean {}?", crate::finding::quoted(nearest, " or "))
            }
            ResolveError::NotFound { .. } => "name a group, an objective as `group/period/objective`, or a key result or initiative below it".to_owned(),
            ResolveError::Ambiguous { .. } => "add the leading segments that tell them apart".to_owned(),
        }
    }
}

impl std::error::Error for ResolveError {}
