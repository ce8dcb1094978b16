//! The three faces of a check: for people, for scripts, for GitHub.
//!
//! Each renderer turns a [`Report`] into a string; printing it, and whether
//! the terminal wants colour, is the binary's business.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Reset, Style};
use serde::Serialize;

use crate::finding::{Diagnostic, Severity};
use crate::report::text::count;
use crate::rules::Report;

/// rustc-style findings with the source line, then a one-line summary
/// when `with_summary` is set.
pub fn human(report: &Report, colour: bool, with_summary: bool) -> String {
    let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&human_diagnostic(&renderer, diagnostic, colour));
        out.push_str("\n\n");
    }
    if with_summary {
        out.push_str(&summary(report));
        out.push('\n');
    }
    out
}

fn human_diagnostic(renderer: &Renderer, diagnostic: &Diagnostic, colour: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = printable(&diagnostic.message);
    let help_text = printable(&diagnostic.help);
    let title = level.primary_title(message.as_ref()).id(diagnostic.rule);
    let help = Level::HELP.message(help_text.as_ref());
    match (&diagnostic.file, &diagnostic.excerpt, diagnostic.line) {
        (Some(file), Some(excerpt), Some(line)) => {
            let snippet = Snippet::source(printable(&excerpt.text))
                .line_start(line as usize)
                .path(printable(file))
                .annotation(AnnotationKind::Primary.span(excerpt.underline.clone()));
            renderer.render(&[title.element(snippet).element(help)])
        }
        (Some(file), _, _) => {
            // A finding about a whole file or folder has no line to quote;
            // the library would print its place unindented, so it is laid
            // out here the way the library lays out the others.
            let file = printable(file);
            let place = match (diagnostic.line, diagnostic.column) {
                (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
                _ => file.into_owned(),
            };
            let header = renderer.render(&[Group::with_title(title)]);
            let (gutter, bold, reset) = if colour {
                let gutter = Style::new().bold().fg_color(Some(AnsiColor::BrightBlue.into()));
                (
                    gutter.render().to_string(),
                    Style::new().bold().render().to_string(),
                    Reset.render().to_string(),
                )
            } else {
                Default::default()
            };
            format!(
                "{header}\n {gutter}-->{reset} {place}\n  {gutter}={reset} {bold}help{reset}: {}",
                help_text
            )
        }
        _ => renderer.render(&[Group::with_title(title).element(help)]),
    }
}

/// `2 errors, 3 warnings in 41 files`.
pub fn summary(report: &Report) -> String {
    format!(
        "{}, {} in {}",
        count(report.errors, "error"),
        count(report.warnings, "warning"),
        count(report.files, "file")
    )
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

/// The JSON object of SPEC §4, on one line.
pub fn json(report: &Report) -> String {
    let body = JsonReport {
        errors: report.errors,
        warnings: report.warnings,
        diagnostics: &report.diagnostics,
    };
    let out =
        serde_json::to_string(&body).expect("diagnostics serialize: strings and numbers only");
    json_safe(out) + "\n"
}

/// One GitHub workflow command a finding, escaped as the runner expects.
pub fn github(report: &Report) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        if let Some(file) = &diagnostic.file {
            properties.push(format!("file={}", printable(&escape_property(file))));
        }
        if let Some(line) = diagnostic.line {
            properties.push(format!("line={line}"));
        }
        if let Some(column) = diagnostic.column {
            properties.push(format!("col={column}"));
        }
        properties.push(format!("title={}", escape_property(&format!("okr {}", diagnostic.rule))));
        let message = format!("{}\nhelp: {}", diagnostic.message, diagnostic.help);
        let message = printable(&escape_data(&message)).into_owned();
        out.push_str(&format!("::{command} {}::{}\n", properties.join(","), message));
    }
    out
}

/// Text from the files made safe for a terminal: a control character could
/// move the cursor or change colours, and a bidirectional override or a line
/// separator could make a line read as something it is not, so each becomes
/// `?`, one for each of its bytes, which keeps byte offsets into the text
/// valid.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_on_a_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_on_a_terminal(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Control characters (but tab), bidirectional marks, embeddings, overrides
/// and isolates, and the Unicode line and paragraph separators.
pub fn unsafe_on_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// JSON made safe to print: `serde_json` escapes the C0 controls only, so
/// DEL, the C1 controls (one of which starts an escape sequence on some
/// terminals), the bidirectional controls and the line separators are
/// escaped here as `\uXXXX`, which any JSON reader reads back the same.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(unsafe_on_a_terminal) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_on_a_terminal(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes a workflow command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property, where `:` and `,` also separate.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_not_sent_to_the_terminal() {
        assert_eq!(printable("a\u{1b}[31mb\tc"), "a?[31mb\tc");
        assert_eq!(printable("\u{85}x").len(), "\u{85}x".len());
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c%\r"), "a%3Ab%2Cc%25%0D");
    }
}
