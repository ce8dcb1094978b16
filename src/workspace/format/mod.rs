//! The file formats of SPEC §2, read into the domain model.
//!
//! Each submodule reads one kind of file from its parsed table; this module
//! owns what they share: decoding bytes, parsing TOML, and reporting both
//! failures as `parse-error` with the place where they happen.

pub mod group;
pub mod objective;
pub mod people;
pub mod settings;

use toml::Spanned;
use toml::de::DeTable;

use crate::finding::{Finding, RuleId};
use crate::model::source::{FileId, Span};

const BYTE_ORDER_MARK: &str = "\u{feff}";

/// Decodes a file's bytes as UTF-8 without its byte order mark, or reports
/// where the first byte that is not UTF-8 sits.
pub fn decode(bytes: Vec<u8>, file: FileId, findings: &mut Vec<Finding>) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with(BYTE_ORDER_MARK) {
                text.drain(..BYTE_ORDER_MARK.len());
            }
            Some(text)
        }
        Err(error) => {
            let bytes = error.as_bytes();
            let skip = if bytes.starts_with(BYTE_ORDER_MARK.as_bytes()) { 3 } else { 0 };
            let at = error.utf8_error().valid_up_to() - skip;
            findings.push(Finding::new(
                RuleId::ParseError,
                Span::bytes(file, at..at + 1),
                "the file is not valid UTF-8",
                "save the file as UTF-8; okr reads no other encoding",
            ));
            None
        }
    }
}

/// Parses TOML text, reporting every syntax error the parser finds.
pub fn parse<'i>(
    text: &'i str,
    file: FileId,
    findings: &mut Vec<Finding>,
) -> Option<Spanned<DeTable<'i>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    let mut reported: Vec<(usize, String)> = errors
        .iter()
        .map(|error| (error.span().map_or(0, |span| span.start), error.message().to_owned()))
        .collect();
    reported.sort();
    // The parser's recovery often reports one mistake twice on its line:
    // the first error of each line is the one to fix. Positions are sorted,
    // so lines are counted on from one error to the next.
    let (mut counted_to, mut line, mut last_line) = (0, 0, None);
    reported.retain(|(at, _)| {
        let at = (*at).min(text.len());
        line += text.as_bytes()[counted_to..at].iter().filter(|&&b| b == b'\n').count();
        counted_to = at;
        last_line.replace(line) != Some(line)
    });
    for (start, message) in reported {
        let end = (start + 1).min(text.len()).max(start);
        findings.push(Finding::new(
            RuleId::ParseError,
            Span::bytes(file, start..end),
            format!("invalid TOML: {}", message.trim_end_matches('\n')),
            parse_help(&message),
        ));
    }
    None
}

/// A hint for the most common TOML mistakes.
fn parse_help(message: &str) -> String {
    if message.contains("duplicate key") {
        "each key may appear once in a table: remove or rename one of them".into()
    } else if message.contains("recurse") {
        "the value is nested too deeply to be an okr file".into()
    } else if message.contains("must be quoted") {
        "put text values in double quotes: `title = \"...\"`".into()
    } else {
        "fix the syntax; the rest of this file is not checked until it parses".into()
    }
}
