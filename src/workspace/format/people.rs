//! `people.toml`: the people who lead objectives and own initiatives.

use std::collections::BTreeMap;

use toml::de::DeValue;

use crate::finding::{Finding, RuleId};
use crate::model::id::Id;
use crate::model::org::Person;
use crate::model::source::FileId;
use crate::workspace::reader::{Fields, entry_id, span_of};

pub const PERSON_KEYS: [&str; 2] = ["name", "email"];

/// Reads `people.toml`; `None` when it cannot be parsed at all.
pub fn read(text: &str, file: FileId, findings: &mut Vec<Finding>) -> Option<BTreeMap<Id, Person>> {
    let document = super::parse(text, file, findings)?;
    let top = Fields::new(document.get_ref(), file, RuleId::BadValue, "`people.toml`");
    top.check_keys(&["person"], findings);

    let Some(table) = top.table("person", findings) else {
        return Some(BTreeMap::new());
    };
    // Gathered, then built in one go: a company lists thousands of people.
    let mut people = Vec::with_capacity(table.len());
    for (key, value) in table {
        let at = span_of(file, key);
        let Some(id) = entry_id(file, "person", key, "person", findings) else {
            continue;
        };
        let what = format!("person `{id}`");
        let DeValue::Table(fields) = value.get_ref() else {
            top.wrong_type(key.get_ref(), value, "a table", &format!("[person.{id}]"), findings);
            continue;
        };
        let fields = Fields::new(fields, file, RuleId::BadValue, what);
        fields.check_keys(&PERSON_KEYS, findings);
        let name = fields.text("name", findings);
        let help = "give the name people know them by: `name = \"Alice Martin\"`";
        fields.require("name", &PERSON_KEYS, at, help, findings);
        let email = fields.string("email", findings);
        people.push((id.clone(), Person { id, at, name, email }));
    }
    Some(people.into_iter().collect())
}
