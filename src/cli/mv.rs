//! `okr mv REF NEW-REF`: move an objective to another group, period or id,
//! or rename a key result or initiative, rewriting what pointed at it.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use clap::Args;
use toml_edit::{Array, Item, Value};

use okr::model::id::Id;
use okr::model::reference::ObjectiveRef;
use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::edit::set_value;
use okr::workspace::transaction::Transaction;

use crate::cli::Global;
use crate::cli::commit::{Printed, every_objective_readable, finish, open, target};

#[derive(Debug, Args)]
pub struct MvArgs {
    /// What to move
    #[arg(value_name = "REF")]
    reference: String,
    /// Its new full reference: `group/period/objective`, or
    /// `group/period/objective/new-id` for a key result or initiative
    #[arg(value_name = "NEW-REF")]
    new_reference: String,
    #[command(flatten)]
    printed: Printed,
}

pub fn run(global: &Global, args: &MvArgs) -> Result<ExitCode> {
    let transaction = Transaction::begin(&global.root, global.as_of)?;
    let workspace = &transaction.loaded.workspace;
    let calendar = &workspace.settings.calendar;
    let (edits, what, reference) = match target(global, workspace, &args.reference)? {
        Target::Objective(index) => {
            every_objective_readable(workspace)?;
            let objective = &workspace.objectives[index];
            let new = ObjectiveRef::parse(&args.new_reference, calendar)
                .map_err(|error| anyhow!("`{}` is not a full objective reference: {error}\nhelp: name where it goes as `group/period/objective`", args.new_reference))?;
            if workspace.has_objective(&new) {
                bail!("`{new}` exists already");
            }
            if !workspace.groups.contains_key(&new.group) {
                bail!(
                    "`{}` is not a group\nhelp: objectives are owned by groups; add it with `okr add group` first",
                    new.group
                );
            }
            let old_relative = workspace.sources.path(objective.file).to_owned();
            let new_relative = format!("groups/{}/{}/{}.toml", new.group, new.period, new.id);
            let bytes = std::fs::read(global.root.join(&old_relative))?;
            let mut edits = Overlay::from([(old_relative, None), (new_relative, Some(bytes))]);
            // Every objective aligned to the old reference follows it.
            for child in workspace
                .objectives
                .iter()
                .filter(|o| o.aligned_to.as_ref().is_some_and(|p| p.value == objective.reference))
            {
                let relative = workspace.sources.path(child.file).to_owned();
                let mut file = open(global, &edits, &relative)?;
                set_value(file.doc.as_table_mut(), "aligned_to", Value::from(new.to_string()));
                let (relative, bytes) = file.change();
                edits.insert(relative, bytes);
            }
            (edits, "objective", new.to_string())
        }
        Target::KeyResult(index, _) | Target::Initiative(index, _) => {
            let objective = &workspace.objectives[index];
            let (prefix, new_id) =
                args.new_reference.rsplit_once('/').unwrap_or(("", args.new_reference.as_str()));
            if !prefix.is_empty() && prefix != objective.reference.to_string() {
                bail!(
                    "a key result or initiative stays in its objective\nhelp: name the new id as `{}/<new-id>`",
                    objective.reference
                );
            }
            let new_id =
                Id::parse(new_id).map_err(|error| anyhow!("`{new_id}` is not an id: {error}"))?;
            let old_id = match okr::model::resolve::resolve(
                workspace,
                &args.reference,
                &calendar.quarter_of(global.as_of),
            ) {
                Ok(Target::KeyResult(_, kr)) => objective.key_results[kr].id.clone(),
                Ok(Target::Initiative(_, item)) => objective.initiatives[item].id.clone(),
                _ => unreachable!("resolved above"),
            };
            let is_kr = objective.key_result(&old_id).is_some();
            let taken = objective.key_result(&new_id).is_some()
                || objective.initiatives.iter().any(|i| i.id == new_id);
            if taken {
                bail!("`{new_id}` is taken in `{}`", objective.reference);
            }
            let relative = workspace.sources.path(objective.file).to_owned();
            let mut file = open(global, &Overlay::new(), &relative)?;
            let table = if is_kr { "key_result" } else { "initiative" };
            rename_entry(&mut file.doc, table, old_id.as_str(), new_id.as_str())?;
            if is_kr {
                rename_supports(&mut file.doc, old_id.as_str(), new_id.as_str());
            }
            let what = if is_kr { "key result" } else { "initiative" };
            (Overlay::from([file.change()]), what, format!("{}/{new_id}", objective.reference))
        }
        Target::Group(group) => bail!(
            "okr does not move groups yet: `{}` keeps its id\nhelp: a group's id is its folder and is named in `parent` and `aligned_to` across the workspace",
            group.id
        ),
    };
    let done = format!("moved {what} to {reference}");
    finish(global, transaction, edits, &[], &done, &reference, args.printed.json())
}

/// Renames `[<table>.<old>]` in place: the key changes, the table with its
/// position and comments does not.
fn rename_entry(doc: &mut toml_edit::DocumentMut, table: &str, old: &str, new: &str) -> Result<()> {
    let parent = doc
        .get_mut(table)
        .and_then(Item::as_table_mut)
        .ok_or_else(|| anyhow!("no `{table}` table"))?;
    // A sub-table prints at its own position, so a new key in the map does
    // not move it in the file.
    let (key, item) = parent.remove_entry(old).ok_or_else(|| anyhow!("no `{old}` in `{table}`"))?;
    let new_key = toml_edit::Key::new(new).with_leaf_decor(key.leaf_decor().clone());
    parent.insert_formatted(&new_key, item);
    Ok(())
}

/// Points initiatives that supported `old` at `new`.
fn rename_supports(doc: &mut toml_edit::DocumentMut, old: &str, new: &str) {
    let Some(initiatives) = doc.get_mut("initiative").and_then(Item::as_table_mut) else { return };
    for (_, initiative) in initiatives.iter_mut() {
        let Some(supports) = initiative.get_mut("supports").and_then(Item::as_array_mut) else {
            continue;
        };
        let renamed: Array = supports
            .iter()
            .map(|s| {
                if s.as_str() == Some(old) {
                    Value::from(new).decorated(
                        s.decor().prefix().and_then(|p| p.as_str()).unwrap_or(""),
                        s.decor().suffix().and_then(|p| p.as_str()).unwrap_or(""),
                    )
                } else {
                    s.clone()
                }
            })
            .collect();
        let decor = supports.decor().clone();
        let trailing = supports.trailing().clone();
        let comma = supports.trailing_comma();
        *supports = renamed;
        *supports.decor_mut() = decor;
        supports.set_trailing(trailing);
        supports.set_trailing_comma(comma);
    }
}
