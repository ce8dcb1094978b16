//! GitHub-flavoured markdown for wikis and pull requests.
//!
//! Every piece of text from the files goes through [`escape`], so that a
//! `|`, a newline, a `<`, a `#` or a `*` in a title can neither break a
//! table nor inject markup.

use std::fmt::Write;

use crate::finding::quoted;
use crate::report::Report;
use crate::report::text::{
    bar, count, current, percent, score, standing, start_and_target, status,
};
use crate::report::view::ObjectiveView;

/// Escapes text for a markdown line or a table cell.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => continue,
            '\n' => {
                out.push_str("<br>");
                line_start = true;
                continue;
            }
            // An escape or another control character does nothing good in
            // a page, and on a terminal it could move the cursor or recolour;
            // a bidirectional override could make a line read as another.
            c if crate::render::unsafe_on_a_terminal(c) => out.push('?'),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' if line_start => out.push_str("\\#"),
            // A list marker only when a space follows: `-8000` stays as it is.
            '-' | '+' if line_start && chars.peek() == Some(&' ') => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = line_start && c == ' ';
    }
    out
}

/// The whole report as one markdown page.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", escape(&report.organization), escape(&report.period));
    out.push_str(&summary(report));
    for group in report.groups.iter().filter(|g| !g.objectives.is_empty()) {
        let _ = writeln!(out, "\n## {} ({})", escape(&group.name), group.kind);
        for objective in &group.objectives {
            out.push('\n');
            out.push_str(&objective_section(objective));
        }
    }
    out
}

fn summary(report: &Report) -> String {
    let summary = &report.summary;
    let mut out = format!("As of {}: {}", report.as_of, count(summary.objectives, "objective"));
    let counts = summary.status_counts();
    if !counts.is_empty() {
        let _ = write!(out, ", {}", counts.join(", "));
    }
    out.push_str(".\n");
    if let Some(mean) = summary.mean_progress {
        let _ = writeln!(out, "\nMean progress: {}", bar(mean));
    }
    if !summary.off_track.is_empty() {
        let _ = writeln!(out, "\nOff track: {}", quoted(&summary.off_track, ", "));
    }
    out
}

/// One objective: a heading, a line of facts, then its key results and initiatives.
pub fn objective_section(objective: &ObjectiveView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### {}\n", escape(&objective.title));
    let mut facts = vec![
        format!("`{}`", objective.reference),
        format!("lead {}", objective.lead.as_deref().map_or("—".to_owned(), escape)),
        standing(objective),
    ];
    if let Some(parent) = &objective.aligned_to {
        facts.push(format!("aligned to `{parent}`"));
    }
    let _ = writeln!(out, "{}", facts.join(" · "));

    if !objective.key_results.is_empty() {
        out.push_str(
            "\n| Key result | Start | Current | Target | Progress | Status | Latest note |\n",
        );
        out.push_str("| --- | ---: | ---: | ---: | --- | --- | --- |\n");
        for kr in &objective.key_results {
            let (start, target) = start_and_target(kr);
            let progress = match (objective.score, kr.progress) {
                (Some(_), Some(p)) => format!("{} ({})", percent(p), score(p)),
                (None, Some(p)) => bar(p),
                (_, None) => "—".to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                escape(&kr.title),
                escape(&start),
                escape(&current(kr)),
                escape(&target),
                progress,
                status(kr.status),
                escape(kr.latest_note().unwrap_or("")),
            );
        }
    }
    if !objective.initiatives.is_empty() {
        out.push_str("\n| Initiative | Owner | Status | Due |\n| --- | --- | --- | --- |\n");
        for initiative in &objective.initiatives {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&initiative.title),
                escape(initiative.owner.as_deref().unwrap_or("")),
                initiative.status,
                initiative.due.map(|d| d.to_string()).unwrap_or_default(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_from_a_file_becomes_markup() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(escape("# Heading"), "\\# Heading");
        assert_eq!(escape("C# and F#"), "C# and F#");
        assert_eq!(
            escape("*bold* _it_ `code` [link](x)"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)"
        );
        assert_eq!(escape("one\r\ntwo\n# three"), "one<br>two<br>\\# three");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("-8000 EUR"), "-8000 EUR");
        assert_eq!(escape("AT&T"), "AT&amp;T");
        assert_eq!(escape("\u{1b}[31mred\u{7}"), "?\\[31mred?");
    }
}
