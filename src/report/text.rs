//! How figures read in text: percentages, progress bars, numbers, scores.
//! Shared by markdown and the terminal so that both say the same thing.

use std::borrow::Cow;

use crate::progress::Status;
use crate::report::view::{KeyResultView, ObjectiveView, Value};

const BAR_CELLS: usize = 10;

/// `52%`, rounded to the nearest whole percent.
pub fn percent(progress: f64) -> String {
    format!("{:.0}%", progress * 100.0)
}

/// `█████░░░░░ 52%`: ten cells, each a tenth of the way.
pub fn bar(progress: f64) -> String {
    let filled = ((progress.clamp(0.0, 1.0) * BAR_CELLS as f64).round() as usize).min(BAR_CELLS);
    format!("{}{} {}", "█".repeat(filled), "░".repeat(BAR_CELLS - filled), percent(progress))
}

/// A figure as people write it: `1200`, `36.5`, `0.33`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// A figure with its unit: `45 %`, `1200 ms`.
pub fn with_unit(value: Option<f64>, unit: Option<&str>) -> String {
    match (value, unit) {
        (Some(value), Some(unit)) => format!("{} {unit}", number(value)),
        (Some(value), None) => number(value),
        (None, _) => String::new(),
    }
}

/// A key result's current value: a figure, or done or not.
pub fn current(kr: &KeyResultView) -> String {
    match kr.current {
        Some(Value::Number(value)) => with_unit(Some(value), kr.unit.as_deref()),
        Some(Value::Done(true)) => "done".to_owned(),
        Some(Value::Done(false)) => "not yet".to_owned(),
        None => "no check-in".to_owned(),
    }
}

/// A key result's start and target, as the kind gives them.
pub fn start_and_target(kr: &KeyResultView) -> (String, String) {
    let unit = kr.unit.as_deref();
    match kr.kind {
        "milestone" => (String::new(), "done".to_owned()),
        "at-least" => (String::new(), format!("≥ {}", with_unit(kr.target, unit))),
        "at-most" => (String::new(), format!("≤ {}", with_unit(kr.target, unit))),
        _ => (with_unit(kr.start, unit), with_unit(kr.target, unit)),
    }
}

/// Text from the files made safe for a terminal: a control character (an
/// escape, a carriage return) could move the cursor or change colours and a
/// bidirectional override could make a line read as another, so each
/// becomes `?` (see [`crate::render::unsafe_on_a_terminal`]), and a tab,
/// which no table can measure, a space. Line breaks stay: a table cell
/// holds several lines.
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_here = |c: char| c != '\n' && crate::render::unsafe_on_a_terminal(c);
    if !text.chars().any(|c| c == '\t' || unsafe_here(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if unsafe_here(c) => '?',
                c => c,
            })
            .collect(),
    )
}

/// `1 objective`, `2 objectives`.
pub fn count(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// A score as OKRs are graded: `0.70`.
pub fn score(score: f64) -> String {
    format!("{score:.2}")
}

/// A status word, or a dash when there is none.
pub fn status(status: Option<Status>) -> &'static str {
    status.map_or("—", Status::as_str)
}

/// How an objective stands in one phrase: its bar, or its score once ended.
pub fn standing(objective: &ObjectiveView) -> String {
    match (objective.score, objective.progress) {
        (Some(score_value), _) => {
            format!("score {} ({})", score(score_value), status(objective.status))
        }
        (None, Some(progress)) => format!("{} ({})", bar(progress), status(objective.status)),
        (None, None) => "no key results".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_figures() {
        assert_eq!(bar(0.52), "█████░░░░░ 52%");
        assert_eq!(bar(0.0), "░░░░░░░░░░ 0%");
        assert_eq!(bar(1.0), "██████████ 100%");
        // 0.3462 is 35% and 3.46 cells, which round to 3.
        assert_eq!(bar(0.3462), "███░░░░░░░ 35%");
        assert_eq!(number(1200.0), "1200");
        assert_eq!(number(36.5), "36.5");
        assert_eq!(number(2.0 / 3.0), "0.67");
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(score(0.7), "0.70");
    }

    #[test]
    fn control_characters_never_reach_a_terminal() {
        assert_eq!(printable("\u{1b}[2Jgone\rback\tand\nnext\u{7f}"), "?[2Jgone?back and\nnext?");
        assert!(matches!(printable("plain\ntext é"), Cow::Borrowed(_)));
    }
}
