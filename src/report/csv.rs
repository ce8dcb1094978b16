//! CSV for spreadsheets: one row a key result, with its objective's facts
//! repeated on each; an objective without key results gets a row of its own.

use crate::report::Report;
use crate::report::view::{KeyResultView, ObjectiveView, Value};

const HEADER: [&str; 22] = [
    "period", "group", "objective", "objective_title", "lead", "objective_progress",
    "objective_status", "score", "aligned_to", "key_result", "key_result_title", "kind",
    "key_result_lead", "weight", "unit", "start", "target", "current", "progress", "raw_progress",
    "status", "latest_note",
];

fn figure(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn objective_cells(objective: &ObjectiveView) -> Vec<String> {
    vec![
        objective.period.clone(),
        objective.group.clone(),
        objective.reference.clone(),
        objective.title.clone(),
        objective.lead.clone().unwrap_or_default(),
        figure(objective.progress),
        objective.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        figure(objective.score),
        objective.aligned_to.clone().unwrap_or_default(),
    ]
}

fn key_result_cells(kr: &KeyResultView) -> Vec<String> {
    let current = match kr.current {
        Some(Value::Number(value)) => value.to_string(),
        Some(Value::Done(done)) => done.to_string(),
        None => String::new(),
    };
    vec![
        kr.reference.clone(),
        kr.title.clone(),
        kr.kind.to_owned(),
        kr.lead.clone().unwrap_or_default(),
        kr.weight.to_string(),
        kr.unit.clone().unwrap_or_default(),
        figure(kr.start),
        figure(kr.target),
        current,
        figure(kr.progress),
        figure(kr.raw_progress),
        kr.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        kr.latest_note().unwrap_or("").to_owned(),
    ]
}

/// The report as CSV, with a header row.
pub fn render(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let rows = report.groups.iter().flat_map(|g| &g.objectives).flat_map(|objective| {
        let head = objective_cells(objective);
        let rows: Vec<Vec<String>> = if objective.key_results.is_empty() {
            vec![head.iter().cloned().chain(std::iter::repeat_n(String::new(), 13)).collect()]
        } else {
            objective
                .key_results
                .iter()
                .map(|kr| head.iter().cloned().chain(key_result_cells(kr)).collect())
                .collect()
        };
        rows
    });
    let written = std::iter::once(HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>())
        .chain(rows)
        .try_for_each(|row| writer.write_record(&row));
    written.expect("writing CSV to memory cannot fail");
    let bytes = writer.into_inner().expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of strings is UTF-8")
}
