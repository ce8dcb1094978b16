//! People and groups: who leads, and who owns.

use crate::model::Text;
use crate::model::id::Id;
use crate::model::source::{FileId, Located, Span};

/// A person from `people.toml`.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: Id,
    /// The `[person.<id>]` header.
    pub at: Span,
    pub name: Option<Located<Text>>,
    pub email: Option<Located<Text>>,
}

/// What a group is in the org chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Company,
    Department,
    Team,
}

/// A group from `groups/<id>/group.toml`.
#[derive(Clone, Debug)]
pub struct Group {
    pub id: Id,
    pub file: FileId,
    pub name: Option<Located<Text>>,
    /// `None` when the file does not say; such a group is a team.
    pub kind: Option<Located<GroupKind>>,
    pub parent: Option<Located<Id>>,
    pub lead: Option<Located<Id>>,
    pub members: Vec<Located<Id>>,
}

impl GroupKind {
    pub const NAMES: [&'static str; 3] = ["company", "department", "team"];

    /// The name the files use for it.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn parse(text: &str) -> Option<GroupKind> {
        match text {
            "company" => Some(GroupKind::Company),
            "department" => Some(GroupKind::Department),
            "team" => Some(GroupKind::Team),
            _ => None,
        }
    }
}

impl Group {
    pub fn kind(&self) -> GroupKind {
        self.kind.as_ref().map_or(GroupKind::Team, |kind| kind.value)
    }

    /// The lead and the members, each once: the people of the group.
    pub fn people(&self) -> Vec<&Id> {
        let mut people: Vec<&Id> = self.lead.iter().map(|lead| &lead.value).collect();
        for member in &self.members {
            if !people.contains(&&member.value) {
                people.push(&member.value);
            }
        }
        people
    }
}
