//! `okr completions SHELL` and `okr man`: okr describing itself to shells
//! and to `man`, from the same clap definitions that parse its arguments.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    shell: Shell,
}

pub fn completions(args: &CompletionsArgs) -> Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "okr", &mut script);
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    std::io::stdout().lock().write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file kind: okr (for okr.toml), people, group or objective; all four when left out
    #[arg(value_parser = okr::schema::KINDS)]
    kind: Option<String>,
}

/// `okr schema`: the JSON Schema of a file kind, or of every kind by name.
pub fn schema(args: &SchemaArgs) -> Result<ExitCode> {
    let value = match &args.kind {
        Some(kind) => okr::schema::schema(kind).expect("clap allows only known kinds"),
        None => serde_json::Value::Object(
            okr::schema::KINDS
                .iter()
                .map(|kind| ((*kind).to_owned(), okr::schema::schema(kind).expect("a known kind")))
                .collect(),
        ),
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
