//! `okr checkin KR VALUE`: record where a key result stands.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use clap::Args;
use toml_edit::{ArrayOfTables, Item, Table, value};

use okr::model::objective::KeyResultKind;
use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::edit::{last_position, make_room_after, text};
use okr::workspace::transaction::Transaction;

use crate::cli::commit::{Printed, finish, open, target};
use crate::cli::{Global, parse_day, ui};

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The key result
    #[arg(value_name = "KR")]
    key_result: Option<String>,

    /// The figure on that day, or `true`, `false` or `done` for a milestone
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    value: Option<String>,

    /// The day of the check-in; the as-of day by default
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    date: Option<NaiveDate>,

    /// Who checks in
    #[arg(long, value_name = "PERSON")]
    by: Option<String>,

    /// What happened
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,

    /// The lead's confidence: high, medium or low
    #[arg(long, value_name = "LEVEL")]
    confidence: Option<String>,

    #[command(flatten)]
    printed: Printed,
}

pub fn run(global: &Global, args: &CheckinArgs) -> Result<ExitCode> {
    // Asked for before the lock is taken, with the current period's key results as choices.
    let key_result = match &args.key_result {
        Some(given) => given.clone(),
        None => {
            let choices = if global.may_ask { current_key_results(global)? } else { Vec::new() };
            ui::value_or_ask(None, "KR", "Key result", &choices, global.may_ask)?
        }
    };
    let value_text =
        ui::value_or_ask(args.value.as_deref(), "VALUE", "Value", &[], global.may_ask)?;

    // Without `--by`, the check-in is by `me` of the user's config, if set.
    let by = args.by.as_ref().or(global.config.me.as_ref());
    let transaction = begin(global, &key_result, by.is_some())?;
    let workspace = &transaction.loaded.workspace;
    let Target::KeyResult(index, kr) = target(global, workspace, &key_result)? else {
        bail!(
            "`{}` is not a key result\nhelp: name one as `group/period/objective/key-result`, or shorter",
            key_result
        );
    };
    let objective = &workspace.objectives[index];
    let key_result = &objective.key_results[kr];
    let reference = format!("{}/{}", objective.reference, key_result.id);
    let checkin_value = parse_value(key_result.kind, &value_text)?;
    let relative = workspace.sources.path(objective.file).to_owned();

    let mut file = open(global, &Overlay::new(), &relative)?;
    let mut checkin = Table::new();
    checkin.insert("date", value(toml_date(args.date.unwrap_or(global.as_of))));
    checkin.insert("value", value(checkin_value));
    if let Some(by) = by {
        checkin.insert("by", Item::Value(text(by, false)));
    }
    if let Some(note) = &args.note {
        checkin.insert("note", Item::Value(text(note, false)));
    }
    if let Some(confidence) = &args.confidence {
        checkin.insert("confidence", Item::Value(text(confidence, false)));
    }
    append_checkin(&mut file.doc, key_result.id.as_str(), checkin)?;

    let edits = Overlay::from([file.change()]);
    let done = format!("checked in {value_text} on {reference}");
    finish(global, transaction, edits, &[], &done, &reference, args.printed.json())
}

/// A check-in's checks look at its own objective only, and at the people
/// when it names someone. A full reference names the file to read; a short
/// one is looked for in the period it names, or the current one, which it
/// prefers; only a reference found in neither needs the whole workspace.
fn begin(global: &Global, reference: &str, names_person: bool) -> Result<Transaction> {
    let named = reference.split('/').find_map(okr::model::period::Period::parse_standard);
    // A full reference names its file: nothing else need be read.
    if let Some((objective, _)) = reference.rsplit_once('/') {
        let calendar = okr::model::period::Calendar::default();
        let full = okr::model::reference::ObjectiveRef::parse(objective, &calendar)
            .ok()
            .filter(|_| named.is_some());
        if let Some(full) = full {
            let narrow =
                Transaction::begin_in_objective(&global.root, global.as_of, full, names_person)?;
            if found_key_result(global, &narrow, reference) {
                return Ok(narrow);
            }
        }
    }
    let scoped = Transaction::begin_in_period(&global.root, global.as_of, named)?;
    if found_key_result(global, &scoped, reference) {
        return Ok(scoped);
    }
    drop(scoped);
    Transaction::begin(&global.root, global.as_of)
}

/// Whether `reference` names a key result of what `transaction` read.
fn found_key_result(global: &Global, transaction: &Transaction, reference: &str) -> bool {
    let workspace = &transaction.loaded.workspace;
    let current = workspace.settings.calendar.quarter_of(global.as_of);
    matches!(
        okr::model::resolve::resolve(workspace, reference, &current),
        Ok(Target::KeyResult(..))
    )
}

/// The key results of the current period, for a prompt.
fn current_key_results(global: &Global) -> Result<Vec<String>> {
    // Only the current period is offered, so only it is read.
    let scope = okr::workspace::Scope::Period(None, global.as_of);
    let loaded = okr::workspace::load_scoped(&global.root, Overlay::new(), scope)?;
    Ok(loaded
        .workspace
        .objectives
        .iter()
        .flat_map(|o| o.key_results.iter().map(move |kr| format!("{}/{}", o.reference, kr.id)))
        .collect())
}

/// A check-in's value in the type its key result's kind asks for.
fn parse_value(kind: KeyResultKind, text: &str) -> Result<toml_edit::Value> {
    match kind {
        KeyResultKind::Milestone => match text {
            "true" | "done" | "yes" => Ok(true.into()),
            "false" | "no" => Ok(false.into()),
            _ => Err(anyhow!(
                "`{text}` is not a milestone's value\nhelp: check in `true` (or `done`) or `false`"
            )),
        },
        _ => {
            let number: f64 = text.parse().ok().filter(|n: &f64| n.is_finite()).ok_or_else(|| anyhow!("`{text}` is not a number\nhelp: check in the figure on that day, such as `36.5` or `-12`"))?;
            // Whole numbers stay integers, as people write them.
            Ok(if number.fract() == 0.0 && number.abs() < 1e15 && !text.contains(['.', 'e', 'E']) {
                (number as i64).into()
            } else {
                number.into()
            })
        }
    }
}

/// A day as a TOML date, never a string.
pub fn toml_date(day: NaiveDate) -> toml_edit::Datetime {
    use chrono::Datelike;
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: day.year() as u16,
            month: day.month() as u8,
            day: day.day() as u8,
        }),
        time: None,
        offset: None,
    }
}

/// Adds a check-in after the last one of its key result, or after the key
/// result's own table when it has none.
fn append_checkin(
    doc: &mut toml_edit::DocumentMut,
    key_result: &str,
    mut checkin: Table,
) -> Result<()> {
    let table = doc["key_result"][key_result]
        .as_table_mut()
        .ok_or_else(|| anyhow!("key result `{key_result}` is not written as a table here\nhelp: write it as `[key_result.{key_result}]`"))?;
    let after = last_position(table).unwrap_or(0);
    make_room_after(doc.as_table_mut(), after);
    checkin.set_position(Some(after + 1));

    let table = doc["key_result"][key_result].as_table_mut().expect("just found");
    match table.get_mut("checkin") {
        Some(Item::ArrayOfTables(checkins)) => checkins.push(checkin),
        Some(_) => bail!(
            "`checkin` of `{key_result}` is not an array of tables\nhelp: write check-ins as `[[key_result.{key_result}.checkin]]`"
        ),
        None => {
            let mut checkins = ArrayOfTables::new();
            checkins.push(checkin);
            table.insert("checkin", Item::ArrayOfTables(checkins));
        }
    }
    Ok(())
}
