//! `okr report`: one period, optionally one group and the groups below it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use okr::report::{self, table::Terminal};

use crate::cli::{Global, ui};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period to report; the quarter of the as-of day by default
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,

    /// Only this group and the groups below it
    #[arg(long, value_name = "GROUP")]
    group: Option<String>,

    /// How to print the report; markdown unless your config says otherwise
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// GitHub-flavoured markdown, for wikis and pull requests
    Markdown,
    /// Tables for the terminal
    Table,
    /// One JSON object
    Json,
    /// One row a key result
    Csv,
}

pub fn run(global: &Global, args: &ReportArgs) -> Result<ExitCode> {
    let loaded = global.load_period(args.period.as_deref())?;
    let workspace = &loaded.workspace;
    let period = global.period(workspace, args.period.as_deref())?;
    let group = args.group.as_deref().map(|group| global.group(workspace, group)).transpose()?;
    let report = report::build(workspace, &period, group, global.as_of);

    let format = args.format.unwrap_or(match global.config.format.as_deref() {
        Some("table") => ReportFormat::Table,
        Some("json") => ReportFormat::Json,
        Some("csv") => ReportFormat::Csv,
        _ => ReportFormat::Markdown,
    });
    let output = match format {
        ReportFormat::Markdown => report::markdown::render(&report),
        ReportFormat::Table => {
            let terminal = Terminal { width: ui::terminal_width(), colour: global.colour };
            report::table::render(&report, terminal)
        }
        ReportFormat::Json => report::json(&report),
        ReportFormat::Csv => report::csv::render(&report),
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
