//! `groups/<group>/<period>/<id>.toml`: an objective with its key results,
//! check-ins and initiatives.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::finding::{Finding, RuleId};
use crate::model::id::Id;
use crate::model::objective::{
    Checkin, CheckinValue, Commitment, Confidence, Initiative, InitiativeStatus, KeyResult,
    KeyResultKind, Objective,
};
use crate::model::period::Calendar;
use crate::model::reference::ObjectiveRef;
use crate::model::source::{FileId, InFile, Located, Span};
use crate::workspace::reader::{Fields, entry_id, span_of, type_name};

pub const OBJECTIVE_KEYS: [&str; 7] =
    ["title", "lead", "aligned_to", "description", "commitment", "key_result", "initiative"];
pub const KEY_RESULT_KEYS: [&str; 8] =
    ["title", "kind", "start", "target", "unit", "lead", "weight", "checkin"];
pub const CHECKIN_KEYS: [&str; 5] = ["date", "value", "by", "note", "confidence"];
pub const INITIATIVE_KEYS: [&str; 5] = ["title", "owner", "supports", "status", "due"];

/// Reads an objective file; `None` when it cannot be parsed at all.
pub fn read(
    reference: ObjectiveRef,
    text: &str,
    file: FileId,
    calendar: &Calendar,
    findings: &mut Vec<Finding>,
) -> Option<Objective> {
    let document = super::parse(text, file, findings)?;
    let fields = Fields::new(
        document.get_ref(),
        file,
        RuleId::BadValue,
        format!("objective `{}`", reference.id),
    );
    fields.check_keys(&OBJECTIVE_KEYS, findings);

    let title = fields.text("title", findings);
    let help = "say what the group wants to achieve: `title = \"Make onboarding effortless\"`";
    fields.require("title", &OBJECTIVE_KEYS, Span::whole(file), help, findings);
    // An empty `lead` counts as none: `lead-missing` says so, not `unknown-person`.
    let lead_written = match fields.get("lead").map(|value| value.get_ref()) {
        None => false,
        Some(DeValue::String(text)) => !text.trim().is_empty(),
        Some(_) => true,
    };
    let lead = if lead_written { fields.id("lead", RuleId::UnknownPerson, findings) } else { None };
    let aligned_to = read_alignment(&fields, calendar, findings);
    let description = fields.string("description", findings);
    let commitment = fields
        .choice("commitment", &Commitment::NAMES, Commitment::parse, findings)
        .map_or(Commitment::default(), |c| c.value);
    let key_results = read_entries(&fields, "key_result", findings, read_key_result);
    let initiatives = read_entries(&fields, "initiative", findings, read_initiative);
    report_shared_ids(&key_results, &initiatives, findings);

    Some(Objective {
        reference,
        file,
        title,
        lead,
        lead_written,
        aligned_to,
        description,
        commitment,
        key_results,
        initiatives,
    })
}

fn read_alignment(
    fields: &Fields<'_, '_>,
    calendar: &Calendar,
    findings: &mut Vec<Finding>,
) -> Option<Located<ObjectiveRef>> {
    let text = fields.string("aligned_to", findings)?;
    match ObjectiveRef::parse(&text.value, calendar) {
        Ok(reference) => Some(Located::new(reference, text.at)),
        Err(error) => {
            findings.push(Finding::new(
                RuleId::BadAlignment,
                text.at,
                format!("`aligned_to` is `{}`, which is not an objective reference: {error}", text.value),
                "name the parent objective in full: `aligned_to = \"acme/2026-Q4/win-the-mid-market\"`",
            ));
            None
        }
    }
}

type EntryReader<T> = fn(Id, Span, &Fields<'_, '_>, &mut Vec<Finding>) -> Option<T>;

/// Reads every `[<table>.<id>]` entry with `read`, checking each id.
fn read_entries<T>(
    fields: &Fields<'_, '_>,
    table: &str,
    findings: &mut Vec<Finding>,
    read: EntryReader<T>,
) -> Vec<T> {
    let Some(entries) = fields.table(table, findings) else {
        return Vec::new();
    };
    let (what, rule) = match table {
        "key_result" => ("key result", RuleId::BadKeyResult),
        _ => ("initiative", RuleId::BadValue),
    };
    let mut read_entries = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let at = span_of(fields.file, key);
        let Some(id) = entry_id(fields.file, table, key, what, findings) else {
            continue;
        };
        let DeValue::Table(entry) = value.get_ref() else {
            let parent = Fields::new(entries, fields.file, rule, format!("`[{table}]`"));
            parent.wrong_type(
                key.get_ref(),
                value,
                "a table",
                &format!("[{table}.{id}]"),
                findings,
            );
            continue;
        };
        let entry = Fields::new(entry, fields.file, rule, format!("{what} `{id}`"));
        read_entries.extend(read(id, at, &entry, findings));
    }
    read_entries
}

fn read_key_result(
    id: Id,
    at: Span,
    fields: &Fields<'_, '_>,
    findings: &mut Vec<Finding>,
) -> Option<KeyResult> {
    fields.check_keys(&KEY_RESULT_KEYS, findings);
    let title = fields.text("title", findings);
    let help = "say what it measures: `title = \"Raise 7-day activation\"`";
    fields.require("title", &KEY_RESULT_KEYS, at, help, findings);
    let kind = fields
        .choice("kind", &KeyResultKind::NAMES, KeyResultKind::parse, findings)
        .map_or(KeyResultKind::default(), |kind| kind.value);
    let start = fields.number("start", findings);
    let target = fields.number("target", findings);
    report_missing_figures(at, kind, fields, findings);
    let unit = fields.string("unit", findings);
    let lead = fields.id("lead", RuleId::UnknownPerson, findings);
    let weight = read_weight(fields, findings);
    let (checkins, unreadable_checkins) = read_checkins(fields, kind, findings);
    Some(KeyResult {
        id,
        at,
        title,
        kind,
        start,
        target,
        unit: unit.map(|unit| unit.value),
        lead,
        weight,
        checkins,
        unreadable_checkins,
    })
}

/// A metric needs `start` and `target`; a level to hold needs `target`.
fn report_missing_figures(
    at: Span,
    kind: KeyResultKind,
    fields: &Fields<'_, '_>,
    findings: &mut Vec<Finding>,
) {
    if kind == KeyResultKind::Metric {
        let help = "give the figure it starts from, such as `start = 32`; a milestone is `kind = \"milestone\"`";
        fields.require("start", &KEY_RESULT_KEYS, at, help, findings);
    }
    if kind != KeyResultKind::Milestone {
        let help = "give the figure it aims for, such as `target = 45`";
        fields.require("target", &KEY_RESULT_KEYS, at, help, findings);
    }
}

/// The weight, a positive number, 1 when absent or wrong.
fn read_weight(fields: &Fields<'_, '_>, findings: &mut Vec<Finding>) -> f64 {
    let Some(weight) = fields.number("weight", findings) else {
        return 1.0;
    };
    if weight.value > 0.0 {
        return weight.value;
    }
    let value = fields.get("weight").expect("the key was just read");
    fields.bad(
        value,
        format!("`weight` in {} must be above 0", fields.what),
        "a weight says how much a key result counts, such as `2.0`; leave it out for 1".into(),
        findings,
    );
    1.0
}

/// The check-ins that could be read, and whether any could not.
fn read_checkins(
    fields: &Fields<'_, '_>,
    kind: KeyResultKind,
    findings: &mut Vec<Finding>,
) -> (Vec<Checkin>, bool) {
    let Some(value) = fields.get("checkin") else {
        return (Vec::new(), false);
    };
    let DeValue::Array(items) = value.get_ref() else {
        fields.bad(
            value,
            format!(
                "`checkin` in {} must be an array of tables, found {}",
                fields.what,
                type_name(value.get_ref())
            ),
            "write each check-in under a double-bracket header: `[[key_result.<id>.checkin]]`"
                .into(),
            findings,
        );
        return (Vec::new(), true);
    };
    // As many as the array holds, so that no slack stays behind: a large
    // workspace keeps hundreds of thousands of check-ins.
    let mut checkins = Vec::with_capacity(items.len());
    checkins.extend(items.iter().filter_map(|item| read_checkin(fields, item, kind, findings)));
    let unreadable = checkins.len() < items.len();
    (checkins, unreadable)
}

fn read_checkin(
    fields: &Fields<'_, '_>,
    item: &Spanned<DeValue<'_>>,
    kind: KeyResultKind,
    findings: &mut Vec<Finding>,
) -> Option<Checkin> {
    let DeValue::Table(table) = item.get_ref() else {
        fields.wrong_type("checkin", item, "a table", "[[key_result.<id>.checkin]]", findings);
        return None;
    };
    let checkin = Fields::new(
        table,
        fields.file,
        RuleId::BadKeyResult,
        format!("a check-in of {}", fields.what),
    );
    checkin.check_keys(&CHECKIN_KEYS, findings);
    let at = span_of(fields.file, item);

    let date = checkin.date("date", findings);
    checkin.require("date", &CHECKIN_KEYS, at, "date it: `date = 2026-10-14`", findings);
    let value = read_checkin_value(&checkin, table, at, kind, findings);
    let by = checkin.id("by", RuleId::UnknownPerson, findings).map(InFile::of);
    let note = checkin.string("note", findings).map(|note| note.value);
    let confidence = checkin
        .choice("confidence", &Confidence::NAMES, Confidence::parse, findings)
        .map(|c| c.value);
    Some(Checkin { date: InFile::of(date?), value: value?.value, by, note, confidence })
}

/// A check-in's value: a number for metrics and levels, `true` or `false` for milestones.
fn read_checkin_value(
    checkin: &Fields<'_, '_>,
    table: &DeTable<'_>,
    at: Span,
    kind: KeyResultKind,
    findings: &mut Vec<Finding>,
) -> Option<Located<CheckinValue>> {
    let Some(value) = table.get("value") else {
        let help = "give the figure on that day: `value = 36.5`, or `true` for a milestone";
        checkin.require("value", &CHECKIN_KEYS, at, help, findings);
        return None;
    };
    let place = span_of(checkin.file, value);
    match (kind, value.get_ref()) {
        (KeyResultKind::Milestone, DeValue::Boolean(done)) => {
            Some(Located::new(CheckinValue::Done(*done), place))
        }
        (KeyResultKind::Milestone, _) => {
            checkin.wrong_type(
                "value",
                value,
                "`true` or `false` for a milestone",
                "value = true",
                findings,
            );
            None
        }
        (_, DeValue::Integer(_) | DeValue::Float(_)) => checkin
            .number("value", findings)
            .map(|number| Located::new(CheckinValue::Number(number.value), place)),
        (_, DeValue::Boolean(_)) => {
            checkin.bad(
                value,
                format!(
                    "`value` in {} is a boolean, but the key result is not a milestone",
                    checkin.what
                ),
                "give a number, or make the key result `kind = \"milestone\"`".into(),
                findings,
            );
            None
        }
        _ => {
            checkin.wrong_type("value", value, "a number", "value = 36.5", findings);
            None
        }
    }
}

fn read_initiative(
    id: Id,
    at: Span,
    fields: &Fields<'_, '_>,
    findings: &mut Vec<Finding>,
) -> Option<Initiative> {
    fields.check_keys(&INITIATIVE_KEYS, findings);
    let title = fields.text("title", findings);
    let help = "say what work it is: `title = \"Ship the in-app setup checklist\"`";
    fields.require("title", &INITIATIVE_KEYS, at, help, findings);
    let owner = fields.id("owner", RuleId::UnknownPerson, findings);
    let supports = fields.ids("supports", RuleId::InitiativeLinks, findings);
    let status = fields
        .choice("status", &InitiativeStatus::NAMES, InitiativeStatus::parse, findings)
        .map_or(InitiativeStatus::default(), |status| status.value);
    let due = fields.date("due", findings);
    Some(Initiative { id, at, title, owner, supports, status, due })
}

/// Key results and initiatives of one objective share one namespace.
fn report_shared_ids(
    key_results: &[KeyResult],
    initiatives: &[Initiative],
    findings: &mut Vec<Finding>,
) {
    for initiative in initiatives {
        if key_results.iter().any(|kr| kr.id == initiative.id) {
            findings.push(Finding::new(
                RuleId::BadId,
                initiative.at,
                format!("`{}` names both a key result and an initiative", initiative.id),
                "key results and initiatives of one objective share one namespace: rename one of them",
            ));
        }
    }
}
