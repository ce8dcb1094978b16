//! `okr rm REF`: remove an objective, key result, initiative or group,
//! unless something still references it.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;

use okr::finding::quoted;
use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::edit::remove_entry;
use okr::workspace::transaction::Transaction;

use crate::cli::Global;
use crate::cli::commit::{Printed, every_objective_readable, finish, open, target};

#[derive(Debug, Args)]
pub struct RmArgs {
    /// What to remove
    #[arg(value_name = "REF")]
    reference: String,
    #[command(flatten)]
    printed: Printed,
}

pub fn run(global: &Global, args: &RmArgs) -> Result<ExitCode> {
    let transaction = Transaction::begin(&global.root, global.as_of)?;
    let workspace = &transaction.loaded.workspace;
    let (edits, what, reference) = match target(global, workspace, &args.reference)? {
        Target::Objective(index) => {
            every_objective_readable(workspace)?;
            let objective = &workspace.objectives[index];
            let reference = objective.reference.to_string();
            let aligned: Vec<String> = workspace
                .objectives
                .iter()
                .filter(|o| o.aligned_to.as_ref().is_some_and(|p| p.value == objective.reference))
                .map(|o| o.reference.to_string())
                .collect();
            if !aligned.is_empty() {
                bail!(
                    "{} still align to `{reference}`\nhelp: align them elsewhere first, or move the objective with `okr mv`",
                    quoted(&aligned, ", ")
                );
            }
            (
                Overlay::from([(workspace.sources.path(objective.file).to_owned(), None)]),
                "objective",
                reference,
            )
        }
        Target::KeyResult(index, kr) => {
            let objective = &workspace.objectives[index];
            let id = &objective.key_results[kr].id;
            let supporting: Vec<&str> = objective
                .initiatives
                .iter()
                .filter(|i| i.supports.iter().any(|s| &s.value == id))
                .map(|i| i.id.as_str())
                .collect();
            if !supporting.is_empty() {
                bail!(
                    "initiatives {} still support `{id}`\nhelp: change their `supports` first",
                    quoted(&supporting, ", ")
                );
            }
            let relative = workspace.sources.path(objective.file).to_owned();
            let mut file = open(global, &Overlay::new(), &relative)?;
            remove_entry(&mut file.doc, "key_result", id.as_str());
            (Overlay::from([file.change()]), "key result", format!("{}/{id}", objective.reference))
        }
        Target::Initiative(index, item) => {
            let objective = &workspace.objectives[index];
            let id = &objective.initiatives[item].id;
            let relative = workspace.sources.path(objective.file).to_owned();
            let mut file = open(global, &Overlay::new(), &relative)?;
            remove_entry(&mut file.doc, "initiative", id.as_str());
            (Overlay::from([file.change()]), "initiative", format!("{}/{id}", objective.reference))
        }
        Target::Group(group) => {
            let owns =
                workspace.objectives.iter().filter(|o| o.reference.group == group.id).count();
            let children: Vec<&str> = workspace
                .groups
                .values()
                .filter(|g| g.parent.as_ref().is_some_and(|p| p.value == group.id))
                .map(|g| g.id.as_str())
                .collect();
            if owns > 0 {
                bail!(
                    "group `{}` owns {}, whose history stays with it\nhelp: a group with objectives is kept; move them with `okr mv` first if it really goes",
                    group.id,
                    okr::report::text::count(owns, "objective")
                );
            }
            if !children.is_empty() {
                bail!(
                    "groups {} still have `{}` as their parent\nhelp: give them another parent first",
                    quoted(&children, ", "),
                    group.id
                );
            }
            (
                Overlay::from([(workspace.sources.path(group.file).to_owned(), None)]),
                "group",
                group.id.to_string(),
            )
        }
    };
    let done = format!("removed {what} {reference}");
    finish(global, transaction, edits, &[], &done, &reference, args.printed.json())
}
