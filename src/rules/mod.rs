//! The validator: every rule of SPEC §4 as data, and the engine that runs them.
//!
//! A rule is a name, a default level, a one-line description and one
//! function from the workspace to findings. Rules about the shape of files
//! (a parse error, an unknown key) are found while loading; their functions
//! hand on what the loader found, so that every finding still comes from
//! its rule and every rule can be set to deny, warn or allow.

mod classified;
mod files;
mod graph;
mod key_results;
mod objectives;
mod org;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use rayon::prelude::*;

use crate::classify::{Classification, classify};
use crate::finding::{Diagnostic, Finding, RuleId, Severity, did_you_mean};
use crate::model::Workspace;
use crate::model::settings::Level;
use crate::workspace::Loaded;
use crate::workspace::locate::Locator;

/// One rule of the validator.
pub struct Rule {
    pub id: RuleId,
    pub level: Level,
    pub description: &'static str,
    pub check: fn(&Context<'_>) -> Vec<Finding>,
}

/// What a rule can see.
pub struct Context<'a> {
    pub workspace: &'a Workspace,
    /// What loading found, for the rules that the loader applies.
    pub load_findings: &'a [Finding],
    /// The day the workspace is judged on.
    pub as_of: NaiveDate,
    /// What each objective's title reads as, by index: read once, on all
    /// cores, for the three rules that ask.
    pub readings: OnceLock<Vec<Option<Classification>>>,
}

/// The outcome of a check.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// How many files were read.
    pub files: usize,
}

/// Every rule, in the order of SPEC §4.
pub const RULES: &[Rule] = &[
    Rule {
        id: RuleId::ParseError,
        level: Level::Deny,
        description: "a file is not valid TOML or not UTF-8",
        check: files::parse_error,
    },
    Rule {
        id: RuleId::UnknownKey,
        level: Level::Deny,
        description: "a key the format does not know",
        check: files::unknown_key,
    },
    Rule {
        id: RuleId::BadValue,
        level: Level::Deny,
        description: "a value of the wrong type or form, or a required key missing",
        check: files::bad_value,
    },
    Rule {
        id: RuleId::BadId,
        level: Level::Deny,
        description: "a file or folder name, or a table key, is not a valid id",
        check: files::bad_id,
    },
    Rule {
        id: RuleId::BadPeriod,
        level: Level::Deny,
        description: "a period folder is not a period",
        check: files::bad_period,
    },
    Rule {
        id: RuleId::LinkOutside,
        level: Level::Deny,
        description: "a link in `groups/` leads outside the workspace",
        check: files::link_outside,
    },
    Rule {
        id: RuleId::OwnerNotGroup,
        level: Level::Deny,
        description: "objectives sit under a folder with no `group.toml`",
        check: org::owner_not_group,
    },
    Rule {
        id: RuleId::UnknownPerson,
        level: Level::Deny,
        description: "a lead, member, owner or `by` names nobody",
        check: org::unknown_person,
    },
    Rule {
        id: RuleId::LeadMissing,
        level: Level::Deny,
        description: "an objective has no lead",
        check: org::lead_missing,
    },
    Rule {
        id: RuleId::LeadOutsideGroup,
        level: Level::Warn,
        description: "an objective's lead is not a member of its group or of a group below it",
        check: org::lead_outside_group,
    },
    Rule {
        id: RuleId::GroupTree,
        level: Level::Deny,
        description: "not exactly one company, a parent missing, or a cycle",
        check: org::group_tree,
    },
    Rule {
        id: RuleId::BadKeyResult,
        level: Level::Deny,
        description: "missing start or target, `start == target`, a value of the wrong type, a number that is `nan` or infinite",
        check: key_results::bad_key_result,
    },
    Rule {
        id: RuleId::NoKeyResults,
        level: Level::Warn,
        description: "an objective with no key results",
        check: objectives::no_key_results,
    },
    Rule {
        id: RuleId::TooManyKeyResults,
        level: Level::Warn,
        description: "more than `max_key_results` on an objective",
        check: objectives::too_many_key_results,
    },
    Rule {
        id: RuleId::TooManyObjectives,
        level: Level::Warn,
        description: "more than `max_objectives` for a group in a period",
        check: objectives::too_many_objectives,
    },
    Rule {
        id: RuleId::LeadsTooMany,
        level: Level::Warn,
        description: "a person leads more than `max_objectives_per_lead` in a period",
        check: objectives::leads_too_many,
    },
    Rule {
        id: RuleId::BadAlignment,
        level: Level::Deny,
        description: "`aligned_to` names no objective, or alignment forms a cycle",
        check: objectives::bad_alignment,
    },
    Rule {
        id: RuleId::AlignmentPeriod,
        level: Level::Warn,
        description: "the parent objective's period does not contain this one's",
        check: objectives::alignment_period,
    },
    Rule {
        id: RuleId::InitiativeLinks,
        level: Level::Deny,
        description: "`supports` names no key result of the same objective",
        check: objectives::initiative_links,
    },
    Rule {
        id: RuleId::CheckinDate,
        level: Level::Warn,
        description: "a check-in before the period, after its end, or after the as-of date",
        check: key_results::checkin_date,
    },
    Rule {
        id: RuleId::StaleKeyResult,
        level: Level::Warn,
        description: "in a running period, a key result with no recent check-in",
        check: key_results::stale_key_result,
    },
    Rule {
        id: RuleId::PersonalDevelopment,
        level: Level::Deny,
        description: "an objective reads as personal development, on strong cues only",
        check: classified::personal_development,
    },
    Rule {
        id: RuleId::InitiativeAsObjective,
        level: Level::Warn,
        description: "an objective reads as a task or project",
        check: classified::initiative_as_objective,
    },
    Rule {
        id: RuleId::KeyResultAsObjective,
        level: Level::Warn,
        description: "an objective reads as a measurable key result",
        check: classified::key_result_as_objective,
    },
    Rule {
        id: RuleId::IndividualObjective,
        level: Level::Warn,
        description: "an objective of a one-member group: accepted, with what keeps it healthy",
        check: org::individual_objective,
    },
];

impl Context<'_> {
    /// What each objective's title reads as, by index.
    pub fn readings(&self) -> &[Option<Classification>] {
        self.readings.get_or_init(|| {
            self.workspace
                .objectives
                .par_iter()
                .map(|objective| objective.title.as_ref().map(|title| classify(&title.value)))
                .collect()
        })
    }

    /// What the loader found for one rule.
    pub fn loaded(&self, rule: RuleId) -> Vec<Finding> {
        self.load_findings.iter().filter(|finding| finding.rule == rule).cloned().collect()
    }
}

/// How many of the loader's findings are errors at the levels `okr.toml`
/// sets: what a scoped load can tell without the rules that look across
/// the whole workspace.
pub fn load_errors(loaded: &Loaded) -> usize {
    let (levels, _) = levels(&loaded.workspace);
    loaded.findings.iter().filter(|finding| levels[&finding.rule] == Level::Deny).count()
}

/// Looks a rule up by name.
pub fn rule_named(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id.as_str() == name)
}

/// Runs every rule on a loaded workspace and resolves the findings.
pub fn check(loaded: &Loaded, as_of: NaiveDate) -> Report {
    let workspace = &loaded.workspace;
    let (levels, mut findings) = levels(workspace);
    let context =
        Context { workspace, load_findings: &loaded.findings, as_of, readings: OnceLock::new() };
    for rule in RULES {
        findings.extend((rule.check)(&context));
    }

    // In the order of their places, so that the locator reads each file forward.
    findings.sort_by_key(|finding| finding.at.map(|at| (at.file, at.range)));
    let mut locator = Locator::new(loaded.root.clone(), &workspace.sources, &loaded.overlay);
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .filter_map(|finding| {
            let severity = match levels[&finding.rule] {
                Level::Deny => Severity::Error,
                Level::Warn => Severity::Warning,
                Level::Allow => return None,
            };
            let place = locator.place(finding.at);
            Some(Diagnostic {
                severity,
                rule: finding.rule.as_str(),
                message: finding.message,
                help: finding.help,
                file: place.file,
                line: place.line,
                column: place.column,
                excerpt: place.excerpt,
            })
        })
        .collect();
    // By place; findings without one come last.
    diagnostics.sort_by(|a, b| place_order(a).cmp(&place_order(b)));
    diagnostics.dedup();

    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    Report { diagnostics, errors, warnings, files: workspace.sources.file_count() }
}

/// The order of findings: by file, line and column, those without a place
/// last, then by rule and message so that the order never depends on the run.
fn place_order(d: &Diagnostic) -> (bool, Option<&str>, Option<u32>, Option<u32>, &str, &str) {
    (d.file.is_none(), d.file.as_deref(), d.line, d.column, d.rule, &d.message)
}

/// Each rule's level: its default unless `[rules]` says otherwise. A name
/// there that is no rule is itself a finding.
fn levels(workspace: &Workspace) -> (BTreeMap<RuleId, Level>, Vec<Finding>) {
    let mut levels: BTreeMap<RuleId, Level> =
        RULES.iter().map(|rule| (rule.id, rule.level)).collect();
    let mut findings = Vec::new();
    for (name, level) in &workspace.settings.rules {
        match rule_named(&name.value) {
            Some(rule) => {
                levels.insert(rule.id, *level);
            }
            None => findings.push(Finding::new(
                RuleId::UnknownKey,
                name.at,
                format!("`{}` in `[rules]` is not a rule", name.value),
                did_you_mean(
                    &name.value,
                    RULES.iter().map(|rule| rule.id.as_str()),
                    "`okr.example.toml` lists every rule",
                ),
            )),
        }
    }
    (levels, findings)
}
