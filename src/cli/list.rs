//! `okr list`: objectives, key results, initiatives, groups or people, one
//! row each, filtered by period, group and lead.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use okr::model::Workspace;
use okr::report::table::{Terminal, new_table};
use okr::report::text;
use okr::report::view::{ObjectiveView, objective_view};

use crate::cli::{Global, ui};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list
    #[arg(value_enum, default_value_t = ListKind::Objectives)]
    kind: ListKind,

    /// Only this period
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,

    /// Only this group (not the groups below it)
    #[arg(long, value_name = "GROUP")]
    group: Option<String>,

    /// Only what this person leads (or owns, for initiatives)
    #[arg(long, value_name = "PERSON")]
    lead: Option<String>,

    /// How to print the list
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListKind {
    Objectives,
    KeyResults,
    Initiatives,
    Groups,
    People,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Csv,
}

/// Rows as JSON objects, and the columns that text and CSV show of them.
struct Rows {
    columns: &'static [&'static str],
    rows: Vec<Value>,
}

pub fn run(global: &Global, args: &ListArgs) -> Result<ExitCode> {
    let loaded = global.load()?;
    let workspace = &loaded.workspace;
    let period = args.period.as_deref().map(|p| global.period(workspace, Some(p))).transpose()?;
    let group = args.group.as_deref().map(|g| global.group(workspace, g)).transpose()?;
    let lead = args.lead.as_deref();

    let objectives = || {
        workspace
            .objectives
            .iter()
            .filter(|o| period.as_ref().is_none_or(|p| &o.reference.period == p))
            .filter(|o| group.is_none_or(|g| &o.reference.group == g))
            .map(|o| objective_view(workspace, o, global.as_of))
    };
    let rows = match args.kind {
        ListKind::Objectives => objective_rows(
            objectives().filter(|o| lead.is_none_or(|l| o.lead.as_deref() == Some(l))),
        ),
        ListKind::KeyResults => key_result_rows(objectives().collect(), lead),
        ListKind::Initiatives => initiative_rows(objectives().collect(), lead),
        ListKind::Groups => group_rows(workspace, lead),
        ListKind::People => people_rows(workspace),
    };

    let output = match args.format {
        ListFormat::Json => okr::report::json(&rows.rows),
        ListFormat::Csv => csv(&rows),
        ListFormat::Table => {
            table(&rows, Terminal { width: ui::terminal_width(), colour: global.colour })
        }
    };
    std::io::stdout().lock().write_all(output.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn objective_rows(objectives: impl Iterator<Item = ObjectiveView>) -> Rows {
    let rows = objectives
        .map(|o| {
            let mut row = serde_json::to_value(&o).expect("views serialize");
            if let Value::Object(map) = &mut row {
                map.remove("key_results");
                map.remove("initiatives");
            }
            row
        })
        .collect();
    Rows { columns: &["ref", "title", "lead", "progress", "status", "score"], rows }
}

fn key_result_rows(objectives: Vec<ObjectiveView>, lead: Option<&str>) -> Rows {
    let rows = objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .filter(|kr| lead.is_none_or(|l| kr.lead.as_deref() == Some(l)))
        .map(|kr| serde_json::to_value(kr).expect("views serialize"))
        .collect();
    Rows { columns: &["ref", "title", "kind", "lead", "current", "progress", "status"], rows }
}

fn initiative_rows(objectives: Vec<ObjectiveView>, owner: Option<&str>) -> Rows {
    let rows = objectives
        .iter()
        .flat_map(|o| &o.initiatives)
        .filter(|i| owner.is_none_or(|l| i.owner.as_deref() == Some(l)))
        .map(|i| serde_json::to_value(i).expect("views serialize"))
        .collect();
    Rows { columns: &["ref", "title", "owner", "status", "due"], rows }
}

fn group_rows(workspace: &Workspace, lead: Option<&str>) -> Rows {
    let rows = okr::report::org_chart_order(workspace, None)
        .into_iter()
        .filter_map(|(id, _)| workspace.groups.get(id))
        .filter(|g| lead.is_none_or(|l| g.lead.as_ref().is_some_and(|gl| gl.value.as_str() == l)))
        .map(|g| {
            json!({
                "id": g.id.as_str(),
                "name": g.name.as_ref().map(|n| n.value.as_str()),
                "kind": g.kind().as_str(),
                "parent": g.parent.as_ref().map(|p| p.value.as_str()),
                "lead": g.lead.as_ref().map(|l| l.value.as_str()),
                "members": g.members.iter().map(|m| m.value.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    Rows { columns: &["id", "name", "kind", "parent", "lead"], rows }
}

fn people_rows(workspace: &Workspace) -> Rows {
    let rows = workspace
        .people
        .values()
        .map(|p| {
            json!({
                "id": p.id.as_str(),
                "name": p.name.as_ref().map(|n| n.value.as_str()),
                "email": p.email.as_ref().map(|e| e.value.as_str()),
            })
        })
        .collect();
    Rows { columns: &["id", "name", "email"], rows }
}

/// A cell as text: figures of progress as percentages, the rest as written.
fn cell(column: &str, value: &Value) -> String {
    match (column, value) {
        (_, Value::Null) => String::new(),
        ("progress", Value::Number(n)) => n.as_f64().map(text::percent).unwrap_or_default(),
        ("score", Value::Number(n)) => n.as_f64().map(text::score).unwrap_or_default(),
        (_, Value::Number(n)) => n.as_f64().map(text::number).unwrap_or_default(),
        (_, Value::String(s)) => text::printable(s).into_owned(),
        (_, other) => other.to_string(),
    }
}

fn table(rows: &Rows, terminal: Terminal) -> String {
    let mut table = new_table(terminal);
    table.set_header(rows.columns.to_vec());
    for row in &rows.rows {
        table.add_row(rows.columns.iter().map(|c| cell(c, &row[c])).collect::<Vec<_>>());
    }
    format!("{table}\n")
}

fn csv(rows: &Rows) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let header = writer.write_record(rows.columns);
    let body = rows.rows.iter().try_for_each(|row| {
        writer.write_record(rows.columns.iter().map(|c| match &row[c] {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }))
    });
    header.and(body).expect("writing CSV to memory cannot fail");
    String::from_utf8(writer.into_inner().expect("flushing CSV to memory cannot fail"))
        .expect("CSV of strings is UTF-8")
}
