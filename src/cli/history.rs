//! `okr history GROUP`: a group's objectives and scores, oldest period first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use comfy_table::Cell;

use okr::report::markdown::escape;
use okr::report::periods::{History, HistoryObjective, history};
use okr::report::table::{Terminal, new_table, status_cell};
use okr::report::{self, text};

use crate::cli::{Global, ui};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The group
    #[arg(value_name = "GROUP")]
    group: String,

    /// How to print the history
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    format: HistoryFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum HistoryFormat {
    Table,
    Markdown,
    Json,
}

pub fn run(global: &Global, args: &HistoryArgs) -> Result<ExitCode> {
    let loaded = global.load()?;
    let group = global.group(&loaded.workspace, &args.group)?;
    let history = history(&loaded.workspace, group, global.as_of);
    let output = match args.format {
        HistoryFormat::Json => report::json(&history),
        HistoryFormat::Markdown => markdown(&history),
        HistoryFormat::Table => {
            table(&history, Terminal { width: ui::terminal_width(), colour: global.colour })
        }
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Progress while a period runs, the score once it has ended.
fn standing(objective: &HistoryObjective) -> String {
    match (objective.score, objective.progress) {
        (Some(score), _) => text::score(score),
        (None, Some(progress)) => text::bar(progress),
        (None, None) => "—".to_owned(),
    }
}

fn table(history: &History, terminal: Terminal) -> String {
    let mut table = new_table(terminal);
    table.set_header(vec!["period", "objective", "progress or score", "status"]);
    for period in &history.periods {
        for objective in &period.objectives {
            table.add_row(vec![
                Cell::new(&period.period),
                Cell::new(format!(
                    "{}\n{}",
                    text::printable(&objective.title),
                    objective.reference
                )),
                Cell::new(standing(objective)),
                status_cell(objective.status, text::status(objective.status).to_owned(), terminal),
            ]);
        }
    }
    format!("{}\n", table)
}

fn markdown(history: &History) -> String {
    let mut out = format!(
        "# History of `{}`\n\n| Period | Objective | Progress or score | Status |\n| --- | --- | --- | --- |\n",
        history.group
    );
    for period in &history.periods {
        for objective in &period.objectives {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                period.period,
                escape(&objective.title),
                standing(objective),
                text::status(objective.status)
            ));
        }
    }
    out
}
