//! Markdown, terminal tables, CSV and JSON of a report whose every text
//! (organisation, group names, titles, notes, units, owners) and figure is
//! arbitrary, on a terminal of any width, with colour on or off.
//!
//! Nothing may panic; markdown text from the files may neither start a new
//! line nor leave a `|` unescaped, so that it cannot break a table (SPEC §8);
//! and no control character but a line break (or a tab, in markdown)
//! reaches the page or, with colour off, the terminal.

#![no_main]

use std::collections::BTreeMap;

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

use okr::progress::Status;
use okr::report::table::Terminal;
use okr::report::view::{CheckinView, InitiativeView, KeyResultView, ObjectiveView, Value};
use okr::report::{GroupSection, Report, Summary};

#[derive(Arbitrary, Debug)]
struct Input {
    organization: String,
    width: Option<u16>,
    colour: bool,
    groups: Vec<Group>,
}

#[derive(Arbitrary, Debug)]
struct Group {
    name: String,
    depth: u8,
    objectives: Vec<Objective>,
}

#[derive(Arbitrary, Debug)]
struct Objective {
    title: String,
    lead: Option<String>,
    aligned_to: Option<String>,
    progress: Option<f64>,
    score: Option<f64>,
    status: u8,
    description: Option<String>,
    key_results: Vec<Kr>,
    initiatives: Vec<Initiative>,
}

#[derive(Arbitrary, Debug)]
struct Kr {
    title: String,
    kind: u8,
    unit: Option<String>,
    start: Option<f64>,
    target: Option<f64>,
    current: Option<Result<f64, bool>>,
    progress: Option<f64>,
    status: u8,
    notes: Vec<Option<String>>,
}

#[derive(Arbitrary, Debug)]
struct Initiative {
    title: String,
    owner: Option<String>,
    due: Option<u16>,
    status: u8,
}

const STATUSES: [Option<Status>; 8] = [
    None,
    Some(Status::Upcoming),
    Some(Status::OnTrack),
    Some(Status::AtRisk),
    Some(Status::OffTrack),
    Some(Status::Done),
    Some(Status::Accomplished),
    Some(Status::Missed),
];
const KINDS: [&str; 4] = ["metric", "milestone", "at-least", "at-most"];
const INITIATIVE_STATUSES: [&str; 4] = ["planned", "in-progress", "done", "dropped"];

fn status(n: u8) -> Option<Status> {
    STATUSES[usize::from(n) % STATUSES.len()]
}

fn day(n: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day") + chrono::Duration::days(i64::from(n))
}

/// Leads, owners and alignments are ids and references in a real report,
/// read through `Id::parse`: any text, made into one.
fn id(text: Option<String>) -> Option<String> {
    text.map(|text| okr::model::id::suggest_id(&text))
}

fn objective(group: usize, index: usize, o: Objective) -> ObjectiveView {
    let reference = format!("g{group}/2026-Q4/o{index}");
    let lead = id(o.lead);
    let key_results = o
        .key_results
        .into_iter()
        .enumerate()
        .map(|(k, kr)| KeyResultView {
            reference: format!("{reference}/k{k}"),
            id: format!("k{k}"),
            title: kr.title,
            kind: KINDS[usize::from(kr.kind) % KINDS.len()],
            lead: lead.clone(),
            weight: 1.0,
            unit: kr.unit,
            start: kr.start,
            target: kr.target,
            current: kr.current.map(|c| match c {
                Ok(number) => Value::Number(number),
                Err(done) => Value::Done(done),
            }),
            progress: kr.progress,
            raw_progress: kr.progress,
            status: status(kr.status),
            checkins: kr
                .notes
                .into_iter()
                .map(|note| CheckinView {
                    date: day(300),
                    value: Value::Number(1.0),
                    by: None,
                    note,
                    confidence: None,
                })
                .collect(),
        })
        .collect();
    let initiatives = o
        .initiatives
        .into_iter()
        .enumerate()
        .map(|(i, initiative)| InitiativeView {
            reference: format!("{reference}/i{i}"),
            id: format!("i{i}"),
            title: initiative.title,
            owner: id(initiative.owner),
            supports: Vec::new(),
            status: INITIATIVE_STATUSES[usize::from(initiative.status) % 4],
            due: initiative.due.map(day),
        })
        .collect();
    ObjectiveView {
        reference,
        title: o.title,
        group: format!("g{group}"),
        period: "2026-Q4".to_owned(),
        lead,
        aligned_to: id(o.aligned_to).map(|parent| format!("g0/2026-Q4/{parent}")),
        progress: o.progress,
        expected: Some(0.5),
        status: status(o.status),
        score: o.score,
        description: o.description,
        commitment: "aspirational",
        key_results,
        initiatives,
    }
}

/// Whether escaped markdown text keeps to one line, escapes every `|` and
/// holds no markup but the `<br>` that stands for a line break.
fn stays_in_its_cell(escaped: &str) -> bool {
    let escaped = escaped.replace("<br>", "");
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' | '\n' | '\r' | '<' | '>' => return false,
            _ => {}
        }
    }
    true
}

fuzz_target!(|input: Input| {
    let groups: Vec<GroupSection> = input
        .groups
        .into_iter()
        .enumerate()
        .map(|(g, group)| GroupSection {
            id: format!("g{g}"),
            name: group.name,
            kind: "team",
            depth: usize::from(group.depth % 8),
            objectives: group
                .objectives
                .into_iter()
                .enumerate()
                .map(|(i, o)| objective(g, i, o))
                .collect(),
        })
        .collect();
    let summary = okr::report::summarise(groups.iter().flat_map(|g| &g.objectives));
    let report = Report {
        organization: input.organization,
        period: "2026-Q4".to_owned(),
        as_of: day(320),
        summary: Summary { by_status: BTreeMap::new(), ..summary },
        groups,
    };
    let terminal = Terminal { width: input.width, colour: input.colour };

    let markdown = okr::report::markdown::render(&report);
    assert!(
        !markdown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character reaches the page: {markdown:?}"
    );
    let table = okr::report::table::render(&report, terminal);
    let _ = okr::report::csv::render(&report);
    let _ = okr::report::json(&report);

    let texts = std::iter::once(report.organization.as_str())
        .chain(report.groups.iter().map(|g| g.name.as_str()))
        .chain(report.groups.iter().flat_map(|g| &g.objectives).flat_map(|o| {
            std::iter::once(o.title.as_str())
                .chain(o.key_results.iter().map(|kr| kr.title.as_str()))
                .chain(o.key_results.iter().filter_map(|kr| kr.latest_note()))
                .chain(o.initiatives.iter().map(|i| i.title.as_str()))
        }));
    for text in texts {
        let escaped = okr::report::markdown::escape(text);
        assert!(stays_in_its_cell(&escaped), "{text:?} escapes as {escaped:?}");
        let _ = okr::report::table::wrap(text, input.width);
    }
    if !input.colour {
        assert!(
            !table.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reaches the terminal: {table:?}"
        );
    }
});
