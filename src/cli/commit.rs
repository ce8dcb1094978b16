//! What every writing command shares: opening files for an edit, and
//! committing it with the words the user sees.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use okr::model::Workspace;
use okr::model::resolve::{Target, resolve};
use okr::render;
use okr::rules::Report;
use okr::workspace::Overlay;
use okr::workspace::edit::EditFile;
use okr::workspace::transaction::{Outcome, Transaction};

use crate::cli::Global;

/// `--format` of a writing command: `json` prints the reference of what was
/// written on stdout, for scripts.
#[derive(Debug, clap::Args)]
pub struct Printed {
    /// Print the reference of what was written as JSON on stdout
    #[arg(long = "format", global = true, value_name = "FORMAT", value_parser = ["text", "json"], default_value = "text")]
    format: String,
}

impl Printed {
    pub fn json(&self) -> bool {
        self.format == "json"
    }
}

/// Opens a workspace file for editing, through the overlay when an earlier
/// step of the same command already changed it.
pub fn open(global: &Global, overlay: &Overlay, relative: &str) -> Result<EditFile> {
    let opened = match overlay.get(relative) {
        Some(Some(bytes)) => EditFile::from_bytes(relative, bytes.clone()),
        _ => EditFile::open(&global.root, relative),
    };
    opened.map_err(|error| anyhow!("{error}\nhelp: {}", error.help()))
}

/// Resolves a reference the user typed, preferring the current period.
pub fn target<'a>(global: &Global, workspace: &'a Workspace, text: &str) -> Result<Target<'a>> {
    let current = workspace.settings.calendar.quarter_of(global.as_of);
    resolve(workspace, text, &current).map_err(|error| {
        let unreadable = workspace.unreadable.objectives.len();
        let hint = if unreadable > 0 {
            let files = okr::report::text::count(unreadable, "objective file");
            format!(
                "{}; {files} cannot be read and may hold it (`okr check` shows why)",
                error.help()
            )
        } else {
            error.help()
        };
        anyhow!("{error}\nhelp: {hint}")
    })
}

/// Refuses to move or remove an objective while some objective files cannot
/// be read: they might still point at it, and would be left pointing at nothing.
pub fn every_objective_readable(workspace: &Workspace) -> Result<()> {
    let Some(first) = workspace.unreadable.objectives.iter().next() else { return Ok(()) };
    let files = okr::report::text::count(workspace.unreadable.objectives.len(), "objective file");
    anyhow::bail!(
        "{files} cannot be read, such as `{first}`, and may point at what is being changed\nhelp: fix them first; `okr check` shows what is wrong"
    )
}

/// Commits an edit: on success says what was done on stderr and, with
/// `json`, prints the new reference on stdout; a refused edit prints the
/// errors it would add and exits 1.
pub fn finish(
    global: &Global,
    transaction: Transaction,
    edits: Overlay,
    allowed: &[&str],
    done: &str,
    reference: &str,
    json: bool,
) -> Result<ExitCode> {
    match transaction.commit(edits, allowed)? {
        Outcome::Written(let_through) => {
            if !let_through.is_empty() {
                let count = let_through.len();
                let report =
                    Report { diagnostics: let_through, errors: count, warnings: 0, files: 0 };
                eprint!("{}", render::human(&report, global.colour, false));
            }
            if !global.quiet {
                eprintln!("{done}");
            }
            if json {
                let line = serde_json::json!({ "ref": reference }).to_string();
                writeln!(std::io::stdout().lock(), "{line}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Refused(errors) => {
            let count = errors.len();
            let report = Report { diagnostics: errors, errors: count, warnings: 0, files: 0 };
            eprint!("{}", render::human(&report, global.colour, false));
            let errors = okr::report::text::count(count, "error");
            eprintln!("error: this edit would add {errors}; nothing was written");
            Ok(ExitCode::from(1))
        }
    }
}
