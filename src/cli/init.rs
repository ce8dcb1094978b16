//! `okr init [DIR] --org NAME`: a new workspace with its company.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use clap::Args;
use toml_edit::{Array, Item, Table, value};

use okr::model::id::Id;
use okr::workspace::edit::EditFile;
use okr::workspace::write::write_file;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to make a workspace of; the current one by default
    #[arg(value_name = "DIR")]
    directory: Option<PathBuf>,

    /// The organisation's name; the company group's id comes from it
    #[arg(long, value_name = "NAME")]
    org: String,

    /// The month (1 to 12) in which the fiscal year starts
    #[arg(long, value_name = "MONTH", value_parser = clap::value_parser!(u8).range(1..=12))]
    fiscal_year_start: Option<u8>,
}

pub fn run(args: &InitArgs, quiet: bool) -> Result<ExitCode> {
    let root = args.directory.clone().unwrap_or_else(|| PathBuf::from("."));
    if root.join("okr.toml").exists() {
        bail!("`{}` is a workspace already: it has an `okr.toml`", root.display());
    }
    let company = Id::from_title(&args.org).ok_or_else(|| anyhow!("no group id can be made from `{}`\nhelp: give the organisation a name with letters or digits", args.org))?;
    std::fs::create_dir_all(&root)?;

    let mut settings = EditFile::new("okr.toml");
    let mut organization = Table::new();
    organization.insert("name", value(args.org.as_str()));
    if let Some(month) = args.fiscal_year_start {
        organization.insert("fiscal_year_start", value(i64::from(month)));
    }
    settings.doc.insert("organization", Item::Table(organization));

    let mut group = EditFile::new("group.toml");
    group.doc.insert("name", value(args.org.as_str()));
    group.doc.insert("kind", value("company"));
    group.doc.insert("members", value(Array::new()));

    write_file(&root, "okr.toml", &settings.render())?;
    write_file(&root, "people.toml", b"")?;
    write_file(&root, &format!("groups/{company}/group.toml"), &group.render())?;
    // Writers leave their lock at the root; it is no part of the history.
    if !root.join(".gitignore").exists() {
        write_file(&root, ".gitignore", b".okr.lock\n")?;
    }
    if !quiet {
        eprintln!(
            "created a workspace for {} in `{}` with the company group `{company}`",
            args.org,
            root.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
