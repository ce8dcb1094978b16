//! `okr check`: load the whole workspace, run every rule, print every finding.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use okr::{render, rules, workspace};

use crate::cli::Global;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,

    /// Fail on warnings too
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// rustc-style, with the source line
    Human,
    /// one JSON object
    Json,
    /// GitHub workflow annotations
    Github,
}

pub fn run(global: &Global, args: &CheckArgs) -> Result<ExitCode> {
    if global.verbose {
        eprintln!("checking `{}` as of {}", global.root.display(), global.as_of);
    }
    let loaded = workspace::load(&global.root)?;
    let report = rules::check(&loaded, global.as_of);

    let output = match args.format {
        CheckFormat::Human => render::human(&report, global.colour, !global.quiet),
        CheckFormat::Json => render::json(&report),
        CheckFormat::Github => render::github(&report),
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;

    let failed = report.errors > 0 || (args.strict && report.warnings > 0);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
