//! `okr show REF`: one group, objective, key result or initiative.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use okr::model::resolve::{Target, resolve};
use okr::report::table::Terminal;
use okr::report::view::objective_view;
use okr::report::{self, text};

use crate::cli::{Global, ui};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// What to show: `group`, `group/period/objective`, or shorter where that is unambiguous
    #[arg(value_name = "REF")]
    reference: String,

    /// How to print it
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    format: ShowFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ShowFormat {
    Text,
    Json,
}

/// A group as `show` prints it.
#[derive(Serialize)]
struct GroupShown<'a> {
    id: String,
    name: Option<&'a str>,
    kind: &'static str,
    parent: Option<String>,
    lead: Option<String>,
    members: Vec<String>,
}

pub fn run(global: &Global, args: &ShowArgs) -> Result<ExitCode> {
    let loaded = global.load()?;
    let workspace = &loaded.workspace;
    let current = workspace.settings.calendar.quarter_of(global.as_of);
    let target = resolve(workspace, &args.reference, &current)
        .map_err(|error| anyhow::anyhow!("{error}\nhelp: {}", error.help()))?;
    let terminal = Terminal { width: ui::terminal_width(), colour: global.colour };
    let json = args.format == ShowFormat::Json;

    let output = match target {
        Target::Objective(index) => {
            let view = objective_view(workspace, &workspace.objectives[index], global.as_of);
            if json { report::json(&view) } else { report::table::objective_table(&view, terminal) }
        }
        Target::KeyResult(index, kr) => {
            let view = objective_view(workspace, &workspace.objectives[index], global.as_of);
            let kr = &view.key_results[kr];
            if json {
                report::json(kr)
            } else {
                let (start, target) = text::start_and_target(kr);
                let progress = kr.progress.map_or("—".to_owned(), text::bar);
                let mut out = format!("{}\n{}\n", text::printable(&kr.title), kr.reference);
                out.push_str(&text::printable(&format!(
                    "start {start} · current {} · target {target}\n",
                    text::current(kr)
                )));
                out.push_str(&format!("progress {progress} · {}\n", text::status(kr.status)));
                for checkin in &kr.checkins {
                    let value = match checkin.value {
                        report::view::Value::Number(n) => text::number(n),
                        report::view::Value::Done(done) => done.to_string(),
                    };
                    let note = checkin
                        .note
                        .as_deref()
                        .map(|n| format!(" · {}", text::printable(n)))
                        .unwrap_or_default();
                    out.push_str(&format!("  {} {value}{note}\n", checkin.date));
                }
                out
            }
        }
        Target::Initiative(index, item) => {
            let view = objective_view(workspace, &workspace.objectives[index], global.as_of);
            let initiative = &view.initiatives[item];
            if json {
                report::json(initiative)
            } else {
                let owner = initiative.owner.as_deref().unwrap_or("—");
                let due = initiative.due.map(|d| format!(" · due {d}")).unwrap_or_default();
                let supports = okr::finding::quoted(&initiative.supports, ", ");
                format!(
                    "{}\n{}\nowner {owner} · {}{due}\nsupports {supports}\n",
                    text::printable(&initiative.title),
                    initiative.reference,
                    initiative.status
                )
            }
        }
        Target::Group(group) => {
            let shown = GroupShown {
                id: group.id.to_string(),
                name: group.name.as_ref().map(|n| n.value.as_str()),
                kind: group.kind().as_str(),
                parent: group.parent.as_ref().map(|p| p.value.to_string()),
                lead: group.lead.as_ref().map(|l| l.value.to_string()),
                members: group.members.iter().map(|m| m.value.to_string()).collect(),
            };
            if json {
                report::json(&shown)
            } else {
                format!(
                    "{} ({})\n{} · parent {} · lead {} · members {}\n",
                    text::printable(shown.name.unwrap_or(&shown.id)),
                    shown.kind,
                    shown.id,
                    shown.parent.as_deref().unwrap_or("—"),
                    shown.lead.as_deref().unwrap_or("—"),
                    if shown.members.is_empty() {
                        "—".to_owned()
                    } else {
                        shown.members.join(", ")
                    }
                )
            }
        }
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
