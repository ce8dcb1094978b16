//! The domain: what a workspace holds, parsed into types.
//!
//! Nothing here reads files or prints; the workspace module fills these
//! types in and the rules, progress and reports read them.

/// Text read from the files: a title, a name, a note, a unit. Most are
/// short, and a large workspace holds hundreds of thousands of them, so one
/// of up to 24 bytes lives inline rather than in an allocation of its own.
pub type Text = compact_str::CompactString;

pub mod id;
pub mod objective;
pub mod org;
pub mod period;
pub mod reference;
pub mod resolve;
pub mod settings;
pub mod source;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::id::Id;
use crate::model::objective::Objective;
use crate::model::org::{Group, Person};
use crate::model::reference::ObjectiveRef;
use crate::model::settings::Settings;
use crate::model::source::{FileId, Sources, Span};

/// Everything a workspace holds, as far as it could be read.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub sources: Sources,
    /// `okr.toml`.
    pub settings_file: Option<FileId>,
    pub settings: Settings,
    pub people: BTreeMap<Id, Person>,
    pub groups: BTreeMap<Id, Group>,
    /// Every objective, sorted by reference.
    pub objectives: Vec<Objective>,
    /// Folders under `groups/` that hold period folders, with or without a `group.toml`.
    pub group_folders: BTreeMap<Id, Span>,
    /// What could not be read at all: rules that depend on it stay quiet
    /// rather than report the same problem again in other words.
    pub unreadable: Unreadable,
}

/// Files that exist but could not be parsed.
#[derive(Clone, Debug, Default)]
pub struct Unreadable {
    pub people: bool,
    /// `groups/` itself could not be listed.
    pub org_chart: bool,
    pub groups: BTreeSet<Id>,
    pub objectives: BTreeSet<ObjectiveRef>,
}

impl Workspace {
    /// The objective with this reference, if it was read.
    pub fn objective(&self, reference: &ObjectiveRef) -> Option<&Objective> {
        self.objectives
            .binary_search_by(|objective| objective.reference.cmp(reference))
            .ok()
            .map(|index| &self.objectives[index])
    }

    /// Whether an objective with this reference exists, readable or not.
    pub fn has_objective(&self, reference: &ObjectiveRef) -> bool {
        self.objective(reference).is_some() || self.unreadable.objectives.contains(reference)
    }

    /// Whether a group with this id exists, readable or not.
    pub fn has_group(&self, id: &Id) -> bool {
        self.groups.contains_key(id) || self.unreadable.groups.contains(id)
    }

    /// Whether `id` names a person; always true when `people.toml` could
    /// not be read, since then nobody can tell.
    pub fn knows_person(&self, id: &Id) -> bool {
        self.unreadable.people || self.people.contains_key(id)
    }
}
