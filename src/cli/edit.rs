//! `okr edit REF`: edit a file in `$VISUAL` or `$EDITOR`, checked before
//! it is saved.
//!
//! The editor works on a copy, and the workspace is not locked meanwhile:
//! the lock is taken only to save, and a file that changed on disk while
//! the editor was open is not overwritten.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;

use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::transaction::{Outcome, Transaction};

use crate::cli::Global;
use crate::cli::commit::target;

#[derive(Debug, Args)]
pub struct EditArgs {
    /// What to edit: a group, or an objective (also through one of its key results or initiatives)
    #[arg(value_name = "REF")]
    reference: String,
}

pub fn run(global: &Global, args: &EditArgs) -> Result<ExitCode> {
    let editor = editor()?;
    let relative = {
        let loaded = okr::workspace::load(&global.root)?;
        let workspace = &loaded.workspace;
        let file = match target(global, workspace, &args.reference)? {
            Target::Group(group) => group.file,
            Target::Objective(index)
            | Target::KeyResult(index, _)
            | Target::Initiative(index, _) => workspace.objectives[index].file,
        };
        workspace.sources.path(file).to_owned()
    };
    let original = std::fs::read(global.root.join(&relative))
        .with_context(|| format!("failed to read `{relative}`"))?;
    let copy = private_copy(&relative, &original)?;
    let interactive = global.may_ask;
    loop {
        open_editor(&editor, &copy)?;
        let edited = std::fs::read(&copy)?;
        if edited == original {
            let _ = std::fs::remove_file(&copy);
            if !global.quiet {
                eprintln!("no changes to `{relative}`");
            }
            return Ok(ExitCode::SUCCESS);
        }

        let transaction = Transaction::begin(&global.root, global.as_of)?;
        let on_disk = std::fs::read(global.root.join(&relative)).unwrap_or_default();
        if on_disk != original {
            bail!(
                "`{relative}` changed on disk while it was being edited; nothing was saved\nhelp: your text is kept in `{}`",
                copy.display()
            );
        }
        let edits = Overlay::from([(relative.clone(), Some(edited))]);
        match transaction.commit(edits, &[])? {
            Outcome::Written(_) => {
                let _ = std::fs::remove_file(&copy);
                if !global.quiet {
                    eprintln!("saved `{relative}`");
                }
                return Ok(ExitCode::SUCCESS);
            }
            Outcome::Refused(errors) => {
                let count = errors.len();
                let report = okr::rules::Report {
                    diagnostics: errors,
                    errors: count,
                    warnings: 0,
                    files: 0,
                };
                eprint!("{}", okr::render::human(&report, global.colour, false));
                let again = interactive
                    && dialoguer::Confirm::new()
                        .with_prompt("The edit adds errors. Edit it again?")
                        .default(true)
                        .interact()
                        .unwrap_or(false);
                if !again {
                    eprintln!(
                        "error: nothing was saved\nhelp: your text is kept in `{}`",
                        copy.display()
                    );
                    return Ok(ExitCode::from(1));
                }
            }
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, split as a shell would split it.
fn editor() -> Result<Vec<String>> {
    let command = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.trim().is_empty()))
        .ok_or_else(|| {
            anyhow!("no editor is set\nhelp: set `VISUAL` or `EDITOR`, such as `EDITOR=vi`")
        })?;
    let words = shell_words::split(&command)
        .map_err(|error| anyhow!("cannot read the editor command `{command}`: {error}"))?;
    if words.is_empty() {
        bail!("no editor is set\nhelp: set `VISUAL` or `EDITOR`, such as `EDITOR=vi`");
    }
    Ok(words)
}

/// A private copy for the editor: created anew under a name nobody can
/// guess, readable by its owner only, ending in the file's name so that the
/// editor knows it is TOML. It stays when the edit is not saved.
fn private_copy(relative: &str, contents: &[u8]) -> Result<PathBuf> {
    let name = relative.replace('/', "-");
    let mut copy = tempfile::Builder::new()
        .prefix("okr-edit-")
        .suffix(&format!("-{name}"))
        .tempfile()
        .context("failed to make a copy to edit")?;
    std::io::Write::write_all(&mut copy, contents).context("failed to make a copy to edit")?;
    let (_, path) = copy.keep().context("failed to keep the copy to edit")?;
    Ok(path)
}

fn open_editor(editor: &[String], file: &std::path::Path) -> Result<()> {
    let status = std::process::Command::new(&editor[0])
        .args(&editor[1..])
        .arg(file)
        .status()
        .with_context(|| format!("failed to start the editor `{}`", editor[0]))?;
    if !status.success() {
        bail!(
            "the editor `{}` failed ({status}); nothing was saved\nhelp: your text is kept in `{}`",
            editor[0],
            file.display()
        );
    }
    Ok(())
}
