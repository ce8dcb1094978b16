//! `groups/<id>/group.toml`: one group of the org chart.

use crate::finding::{Finding, RuleId};
use crate::model::id::Id;
use crate::model::org::{Group, GroupKind};
use crate::model::source::{FileId, Span};
use crate::workspace::reader::Fields;

pub const GROUP_KEYS: [&str; 5] = ["name", "kind", "parent", "lead", "members"];

/// Reads a group file; `None` when it cannot be parsed at all.
pub fn read(id: Id, text: &str, file: FileId, findings: &mut Vec<Finding>) -> Option<Group> {
    let document = super::parse(text, file, findings)?;
    let fields = Fields::new(document.get_ref(), file, RuleId::BadValue, format!("group `{id}`"));
    fields.check_keys(&GROUP_KEYS, findings);

    let name = fields.text("name", findings);
    let help = "give the group the name people know it by: `name = \"Marketing\"`";
    fields.require("name", &GROUP_KEYS, Span::whole(file), help, findings);
    let kind = fields.choice("kind", &GroupKind::NAMES, GroupKind::parse, findings);
    let parent = fields.id("parent", RuleId::GroupTree, findings);
    let lead = fields.id("lead", RuleId::UnknownPerson, findings);
    let members = fields.ids("members", RuleId::UnknownPerson, findings);
    Some(Group { id, file, name, kind, parent, lead, members })
}
