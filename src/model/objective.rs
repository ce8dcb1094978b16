//! Objectives with their key results, check-ins and initiatives.

use chrono::NaiveDate;

use crate::model::Text;
use crate::model::id::Id;
use crate::model::reference::ObjectiveRef;
use crate::model::source::{FileId, InFile, Located, Span};

/// One objective file: `groups/<group>/<period>/<id>.toml`.
#[derive(Clone, Debug)]
pub struct Objective {
    /// Its reference, which is also its path: owner, period and id.
    pub reference: ObjectiveRef,
    pub file: FileId,
    pub title: Option<Located<Text>>,
    pub lead: Option<Located<Id>>,
    /// Whether a non-empty `lead` was written, even one that is not an id.
    pub lead_written: bool,
    pub aligned_to: Option<Located<ObjectiveRef>>,
    pub description: Option<Located<Text>>,
    pub commitment: Commitment,
    pub key_results: Vec<KeyResult>,
    pub initiatives: Vec<Initiative>,
}

/// How an ended objective is graded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Commitment {
    /// Accomplished at a score of 0.7.
    #[default]
    Aspirational,
    /// Accomplished only at a score of 1.0.
    Committed,
}

/// How a key result measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeyResultKind {
    /// A number moving from `start` to `target`, up or down.
    #[default]
    Metric,
    /// Done or not.
    Milestone,
    /// A level to hold: met while the latest value is at or above `target`.
    AtLeast,
    /// A level to hold: met while the latest value is at or below `target`.
    AtMost,
}

/// A `[key_result.<id>]` table.
#[derive(Clone, Debug)]
pub struct KeyResult {
    pub id: Id,
    /// The table's header key.
    pub at: Span,
    pub title: Option<Located<Text>>,
    pub kind: KeyResultKind,
    pub start: Option<Located<f64>>,
    pub target: Option<Located<f64>>,
    /// No place is kept: nothing reports on a unit.
    pub unit: Option<Text>,
    pub lead: Option<Located<Id>>,
    pub weight: f64,
    /// The check-ins that could be read, in file order.
    pub checkins: Vec<Checkin>,
    /// Whether some check-in could not be read: then nobody can tell how
    /// recent the latest one is.
    pub unreadable_checkins: bool,
}

/// One `[[key_result.<id>.checkin]]`.
#[derive(Clone, Debug)]
/// A large workspace holds hundreds of thousands, so it keeps the places
/// that findings point at after loading (the date, `by`) and no more: a
/// value of the wrong type is reported while loading, and nothing reports
/// on a note.
pub struct Checkin {
    pub date: InFile<NaiveDate>,
    pub value: CheckinValue,
    pub by: Option<InFile<Id>>,
    pub note: Option<Text>,
    pub confidence: Option<Confidence>,
}

/// What a check-in reports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CheckinValue {
    /// The current figure of a metric or a level.
    Number(f64),
    /// Whether a milestone is done.
    Done(bool),
}

/// The lead's own judgement at a check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// An `[initiative.<id>]` table: the work that moves key results.
#[derive(Clone, Debug)]
pub struct Initiative {
    pub id: Id,
    pub at: Span,
    pub title: Option<Located<Text>>,
    pub owner: Option<Located<Id>>,
    pub supports: Vec<Located<Id>>,
    pub status: InitiativeStatus,
    pub due: Option<Located<NaiveDate>>,
}

/// Where an initiative stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InitiativeStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl Commitment {
    pub const NAMES: [&'static str; 2] = ["aspirational", "committed"];

    /// The name the files use for it.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<Commitment> {
        match text {
            "aspirational" => Some(Commitment::Aspirational),
            "committed" => Some(Commitment::Committed),
            _ => None,
        }
    }
}

impl KeyResultKind {
    pub const NAMES: [&'static str; 4] = ["metric", "milestone", "at-least", "at-most"];

    /// The name the files use for it.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<KeyResultKind> {
        match text {
            "metric" => Some(KeyResultKind::Metric),
            "milestone" => Some(KeyResultKind::Milestone),
            "at-least" => Some(KeyResultKind::AtLeast),
            "at-most" => Some(KeyResultKind::AtMost),
            _ => None,
        }
    }
}

impl Confidence {
    pub const NAMES: [&'static str; 3] = ["high", "medium", "low"];

    /// The name the files use for it.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<Confidence> {
        match text {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        }
    }
}

impl InitiativeStatus {
    pub const NAMES: [&'static str; 4] = ["planned", "in-progress", "done", "dropped"];

    /// The name the files use for it.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<InitiativeStatus> {
        match text {
            "planned" => Some(InitiativeStatus::Planned),
            "in-progress" => Some(InitiativeStatus::InProgress),
            "done" => Some(InitiativeStatus::Done),
            "dropped" => Some(InitiativeStatus::Dropped),
            _ => None,
        }
    }
}

impl Objective {
    /// The key result or initiative with this id, if any: they share one namespace.
    pub fn key_result(&self, id: &Id) -> Option<&KeyResult> {
        self.key_results.iter().find(|kr| &kr.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_variants_agree() {
        for name in KeyResultKind::NAMES {
            assert_eq!(KeyResultKind::parse(name).map(KeyResultKind::as_str), Some(name));
        }
        for name in Commitment::NAMES {
            assert_eq!(Commitment::parse(name).map(Commitment::as_str), Some(name));
        }
        for name in Confidence::NAMES {
            assert_eq!(Confidence::parse(name).map(Confidence::as_str), Some(name));
        }
        for name in InitiativeStatus::NAMES {
            assert_eq!(InitiativeStatus::parse(name).map(InitiativeStatus::as_str), Some(name));
        }
    }
}
