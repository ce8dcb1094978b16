//! `okr set REF FIELD VALUE`: change one field, in the type the format gives it.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use clap::Args;
use toml_edit::{Item, Value};

use okr::finding::did_you_mean;
use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::edit::set_value;
use okr::workspace::transaction::Transaction;

use crate::cli::checkin::toml_date;
use crate::cli::commit::{Printed, finish, open, target};
use crate::cli::{Global, parse_day};

#[derive(Debug, Args)]
pub struct SetArgs {
    /// What to change: a group, an objective, a key result or an initiative
    #[arg(value_name = "REF")]
    reference: String,
    /// The field, such as `title`, `lead` or `target`
    #[arg(value_name = "FIELD")]
    field: String,
    /// The new value
    #[arg(value_name = "VALUE", allow_hyphen_values = true)]
    value: String,
    #[command(flatten)]
    printed: Printed,
}

/// How a field's value is written.
#[derive(Clone, Copy)]
enum Type {
    Text,
    Number,
    Date,
}

const GROUP_FIELDS: &[(&str, Type)] =
    &[("name", Type::Text), ("kind", Type::Text), ("parent", Type::Text), ("lead", Type::Text)];
const OBJECTIVE_FIELDS: &[(&str, Type)] = &[
    ("title", Type::Text),
    ("lead", Type::Text),
    ("aligned_to", Type::Text),
    ("description", Type::Text),
    ("commitment", Type::Text),
];
const KEY_RESULT_FIELDS: &[(&str, Type)] = &[
    ("title", Type::Text),
    ("kind", Type::Text),
    ("start", Type::Number),
    ("target", Type::Number),
    ("unit", Type::Text),
    ("lead", Type::Text),
    ("weight", Type::Number),
];
const INITIATIVE_FIELDS: &[(&str, Type)] =
    &[("title", Type::Text), ("owner", Type::Text), ("status", Type::Text), ("due", Type::Date)];

pub fn run(global: &Global, args: &SetArgs) -> Result<ExitCode> {
    let transaction = Transaction::begin(&global.root, global.as_of)?;
    let workspace = &transaction.loaded.workspace;
    let found = target(global, workspace, &args.reference)?;
    let (relative, path, fields, reference): (String, Vec<String>, _, String) = match found {
        Target::Group(group) => (
            workspace.sources.path(group.file).to_owned(),
            vec![],
            GROUP_FIELDS,
            group.id.to_string(),
        ),
        Target::Objective(index) => {
            let objective = &workspace.objectives[index];
            (
                workspace.sources.path(objective.file).to_owned(),
                vec![],
                OBJECTIVE_FIELDS,
                objective.reference.to_string(),
            )
        }
        Target::KeyResult(index, kr) => {
            let objective = &workspace.objectives[index];
            let id = objective.key_results[kr].id.to_string();
            let reference = format!("{}/{id}", objective.reference);
            (
                workspace.sources.path(objective.file).to_owned(),
                vec!["key_result".into(), id],
                KEY_RESULT_FIELDS,
                reference,
            )
        }
        Target::Initiative(index, item) => {
            let objective = &workspace.objectives[index];
            let id = objective.initiatives[item].id.to_string();
            let reference = format!("{}/{id}", objective.reference);
            (
                workspace.sources.path(objective.file).to_owned(),
                vec!["initiative".into(), id],
                INITIATIVE_FIELDS,
                reference,
            )
        }
    };
    let Some(&(_, kind)) = fields.iter().find(|(name, _)| *name == args.field) else {
        let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        let fallback = format!("the fields here are {}", okr::finding::quoted(&names, ", "));
        bail!(
            "`{}` is no field of `{reference}`\nhelp: {}",
            args.field,
            did_you_mean(&args.field, names, &fallback)
        );
    };
    let value = match args.field.as_str() {
        "aligned_to" => crate::cli::add::full_objective_reference(global, workspace, &args.value)?,
        _ => args.value.clone(),
    };
    let new = typed(kind, &args.field, &value)?;

    let mut file = open(global, &Overlay::new(), &relative)?;
    let table = path
        .iter()
        .try_fold(file.doc.as_table_mut(), |table, key| table.get_mut(key).and_then(Item::as_table_mut))
        .ok_or_else(|| anyhow!("`{reference}` is not written as a table in `{relative}`\nhelp: edit it with `okr edit`"))?;
    set_value(table, &args.field, new);

    let edits = Overlay::from([file.change()]);
    let done = format!("set {} of {reference} to {}", args.field, args.value);
    finish(global, transaction, edits, &[], &done, &reference, args.printed.json())
}

fn typed(kind: Type, field: &str, text: &str) -> Result<Value> {
    match kind {
        Type::Text => Ok(okr::workspace::edit::text(text, false)),
        Type::Number => okr::workspace::edit::number(text).ok_or_else(|| {
            anyhow!(
                "`{field}` takes a number, not `{text}`\nhelp: give a figure such as `45` or `12.5`"
            )
        }),
        Type::Date => parse_day(text)
            .map(|day| toml_date(day).into())
            .map_err(|error| anyhow!("`{field}` takes a date: {error}")),
    }
}
