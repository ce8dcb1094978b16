//! Terminal tables with comfy-table: they fit the terminal when its width
//! is known, stay whole when it is not, and are coloured by status only when
//! colour is on.

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use unicode_width::UnicodeWidthStr;

use crate::progress::Status;
use crate::report::Report;
use crate::report::text::{
    bar, count, current, printable, score, standing, start_and_target, status,
};
use crate::report::view::ObjectiveView;

/// How the terminal looks.
#[derive(Clone, Copy, Debug, Default)]
pub struct Terminal {
    /// Its width in columns; `None` when unknown (not a terminal, `COLUMNS=0`).
    pub width: Option<u16>,
    pub colour: bool,
}

/// The colour that goes with a status.
fn status_colour(status: Option<Status>) -> Option<Color> {
    match status? {
        Status::OnTrack | Status::Done | Status::Accomplished => Some(Color::Green),
        Status::AtRisk => Some(Color::Yellow),
        Status::OffTrack | Status::Missed => Some(Color::Red),
        Status::Upcoming => None,
    }
}

/// A table set up for `terminal`.
pub fn new_table(terminal: Terminal) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
    if terminal.colour {
        table.enforce_styling();
    }
    match terminal.width {
        Some(width) if width > 0 => {
            table.set_width(width).set_content_arrangement(ContentArrangement::Dynamic);
        }
        _ => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table
}

/// A status cell, coloured when colour is on.
pub fn status_cell(value: Option<Status>, text: String, terminal: Terminal) -> Cell {
    let cell = Cell::new(text);
    match status_colour(value) {
        Some(colour) if terminal.colour => cell.fg(colour),
        _ => cell,
    }
}

/// The whole report: a heading, the summary, and a table for each objective.
pub fn render(report: &Report, terminal: Terminal) -> String {
    let mut out = format!(
        "{}: {} (as of {})\n",
        printable(&report.organization),
        report.period,
        report.as_of
    );
    let summary = &report.summary;
    let counts = summary.status_counts();
    out.push_str(&count(summary.objectives, "objective"));
    if !counts.is_empty() {
        out.push_str(&format!(": {}", counts.join(", ")));
    }
    out.push('\n');
    if let Some(mean) = summary.mean_progress {
        out.push_str(&format!("mean progress {}\n", bar(mean)));
    }
    if !summary.off_track.is_empty() {
        out.push_str(&format!("off track: {}\n", summary.off_track.join(", ")));
    }
    for group in report.groups.iter().filter(|g| !g.objectives.is_empty()) {
        let name = printable(&group.name);
        out.push_str(&format!("\n{}{name} ({})\n", "  ".repeat(group.depth), group.kind));
        for objective in &group.objectives {
            out.push('\n');
            out.push_str(&objective_table(objective, terminal));
        }
    }
    out
}

/// One objective: its title and standing, then a table with a row a key
/// result and a row an initiative.
pub fn objective_table(objective: &ObjectiveView, terminal: Terminal) -> String {
    let mut facts = format!(
        "{} · lead {} · {}",
        objective.reference,
        printable(objective.lead.as_deref().unwrap_or("—")),
        standing(objective)
    );
    if let Some(parent) = &objective.aligned_to {
        facts.push_str(&format!(" · aligned to {}", printable(parent)));
    }
    let heading = format!(
        "{}\n{}\n",
        wrap(&printable(&objective.title), terminal.width),
        wrap(&facts, terminal.width)
    );
    if objective.key_results.is_empty() && objective.initiatives.is_empty() {
        return heading;
    }
    let mut table = new_table(terminal);
    table.set_header(vec!["key result", "start", "current", "target", "progress", "status"]);
    for kr in &objective.key_results {
        let (start, target) = start_and_target(kr);
        let progress = match (objective.score, kr.progress) {
            (Some(_), Some(p)) => score(p),
            (None, Some(p)) => bar(p),
            (_, None) => "—".to_owned(),
        };
        let title = match kr.latest_note() {
            Some(note) => format!("{}\n  {}", printable(&kr.title), printable(note)),
            None => printable(&kr.title).into_owned(),
        };
        table.add_row(vec![
            Cell::new(title),
            Cell::new(printable(&start)),
            Cell::new(printable(&current(kr))),
            Cell::new(printable(&target)),
            Cell::new(progress),
            status_cell(kr.status, status(kr.status).to_owned(), terminal),
        ]);
    }
    for initiative in &objective.initiatives {
        let due = initiative.due.map(|d| format!("due {d}")).unwrap_or_default();
        let owner = initiative.owner.as_deref().map(|o| format!(" ({o})")).unwrap_or_default();
        table.add_row(vec![
            Cell::new(printable(&format!("↳ {}{owner}", initiative.title))),
            Cell::new(""),
            Cell::new(""),
            Cell::new(due),
            Cell::new(""),
            Cell::new(initiative.status),
        ]);
    }
    format!("{heading}{table}\n")
}

/// Text wrapped at spaces to fit `width` columns on screen, measuring wide
/// characters (CJK, emoji) as two; a word wider than the line stands alone.
pub fn wrap(text: &str, width: Option<u16>) -> String {
    let Some(width) = width.map(usize::from).filter(|w| *w > 0) else {
        return text.to_owned();
    };
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}
