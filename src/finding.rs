//! Findings: what the loader and the rules say about a workspace.
//!
//! A [`Finding`] is raw: a rule, words and a [`Span`]. Once the rule's level
//! is known and the span is turned into a file, line and column, it becomes
//! a [`Diagnostic`], which is what every output format prints.

use serde::Serialize;

use crate::model::source::Span;

/// The name of every rule the validator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    ParseError,
    UnknownKey,
    BadValue,
    BadId,
    BadPeriod,
    LinkOutside,
    OwnerNotGroup,
    UnknownPerson,
    LeadMissing,
    LeadOutsideGroup,
    GroupTree,
    BadKeyResult,
    NoKeyResults,
    TooManyKeyResults,
    TooManyObjectives,
    LeadsTooMany,
    BadAlignment,
    AlignmentPeriod,
    InitiativeLinks,
    CheckinDate,
    StaleKeyResult,
    PersonalDevelopment,
    InitiativeAsObjective,
    KeyResultAsObjective,
    IndividualObjective,
}

/// Something wrong with the workspace, before its severity is decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: RuleId,
    /// What is wrong, in the user's terms: a lowercase phrase, no final period.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// Where it applies, when it applies somewhere.
    pub at: Option<Span>,
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A finding ready to print: its severity decided and its place resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub rule: &'static str,
    pub message: String,
    pub help: String,
    /// The path relative to the workspace root, with `/` separators.
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The source line and the byte range to underline in it, for human output.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

/// The line of source a diagnostic points into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub underline: std::ops::Range<usize>,
}

impl RuleId {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::ParseError => "parse-error",
            RuleId::UnknownKey => "unknown-key",
            RuleId::BadValue => "bad-value",
            RuleId::BadId => "bad-id",
            RuleId::BadPeriod => "bad-period",
            RuleId::LinkOutside => "link-outside",
            RuleId::OwnerNotGroup => "owner-not-group",
            RuleId::UnknownPerson => "unknown-person",
            RuleId::LeadMissing => "lead-missing",
            RuleId::LeadOutsideGroup => "lead-outside-group",
            RuleId::GroupTree => "group-tree",
            RuleId::BadKeyResult => "bad-key-result",
            RuleId::NoKeyResults => "no-key-results",
            RuleId::TooManyKeyResults => "too-many-key-results",
            RuleId::TooManyObjectives => "too-many-objectives",
            RuleId::LeadsTooMany => "leads-too-many",
            RuleId::BadAlignment => "bad-alignment",
            RuleId::AlignmentPeriod => "alignment-period",
            RuleId::InitiativeLinks => "initiative-links",
            RuleId::CheckinDate => "checkin-date",
            RuleId::StaleKeyResult => "stale-key-result",
            RuleId::PersonalDevelopment => "personal-development",
            RuleId::InitiativeAsObjective => "initiative-as-objective",
            RuleId::KeyResultAsObjective => "key-result-as-objective",
            RuleId::IndividualObjective => "individual-objective",
        }
    }
}

impl Finding {
    pub fn new(
        rule: RuleId,
        at: impl Into<Option<Span>>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Finding {
        Finding { rule, message: message.into(), help: help.into(), at: at.into() }
    }
}

/// Items in backticks, joined by `separator`: "`a`, `b`".
pub fn quoted<T: std::fmt::Display>(items: impl IntoIterator<Item = T>, separator: &str) -> String {
    items.into_iter().map(|item| format!("`{item}`")).collect::<Vec<_>>().join(separator)
}

/// The closest of `candidates` to `word`, when one is close enough to be a
/// likely typo, for "did you mean" hints.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A sentence offering the closest candidate, or `fallback` when none is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    fallback: &str,
) -> String {
    match closest(word, candidates) {
        Some(candidate) => format!("did you mean `{candidate}`?"),
        None => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_close_words() {
        assert_eq!(closest("titel", ["title", "lead", "key_result"]), Some("title"));
        assert_eq!(closest("keyresult", ["title", "lead", "key_result"]), Some("key_result"));
        assert_eq!(closest("zzz", ["title", "lead"]), None);
    }
}
