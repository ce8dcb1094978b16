//! Turning spans into files, lines and columns, and quoting the source line.
//!
//! Spans are byte ranges; only findings need lines and columns, so the files
//! they point into are read again here, once each, instead of keeping every
//! file's text in memory for the whole run.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::finding::Excerpt;
use crate::model::source::{EntryKind, FileId, Sources, Span};
use crate::workspace::load::Overlay;

/// A resolved place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub excerpt: Option<Excerpt>,
}

/// Resolves spans of one workspace, reading each file at most once.
pub struct Locator<'a> {
    root: PathBuf,
    sources: &'a Sources,
    overlay: &'a Overlay,
    texts: HashMap<FileId, Option<SourceText>>,
}

/// A file's text with where each of its lines starts, so that a file with
/// many findings is not scanned again for each.
struct SourceText {
    text: String,
    line_starts: Vec<usize>,
    /// The last place resolved, as (byte offset, column): columns of later
    /// places on the same line count on from it, so that many findings on
    /// one long line cost one pass over it when they come in order.
    cursor: (usize, usize),
}

/// Lines longer than this are not quoted: a megabyte of one line helps
/// nobody read a finding, and quoting it for each would be slow.
const LONGEST_QUOTED_LINE: usize = 1000;

impl<'a> Locator<'a> {
    pub fn new(root: PathBuf, sources: &'a Sources, overlay: &'a Overlay) -> Self {
        Locator { root, sources, overlay, texts: HashMap::new() }
    }

    /// The file, line, column and source line of a span.
    pub fn place(&mut self, span: Option<Span>) -> Place {
        let Some(span) = span else {
            return Place::default();
        };
        let path = self.sources.path(span.file).to_owned();
        let whole_file =
            Place { file: Some(path.clone()), line: Some(1), column: Some(1), excerpt: None };
        match (self.sources.kind(span.file), span.range) {
            (EntryKind::Folder, _) => Place { file: Some(path), ..Place::default() },
            (EntryKind::File, None) => whole_file,
            (EntryKind::File, Some((start, end))) => match self.text(span.file) {
                Some(text) => locate_in(text, path, start as usize, end as usize),
                None => whole_file,
            },
        }
    }

    fn text(&mut self, file: FileId) -> Option<&mut SourceText> {
        let relative = self.sources.path(file);
        let path = self.root.join(relative);
        let edited = self.overlay.get(relative).cloned();
        self.texts
            .entry(file)
            .or_insert_with(|| {
                let bytes = match edited {
                    Some(edited) => edited?,
                    None => std::fs::read(path).ok()?,
                };
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
                Some(SourceText::new(text))
            })
            .as_mut()
    }
}

impl SourceText {
    fn new(text: String) -> SourceText {
        let line_starts =
            std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        SourceText { text, line_starts, cursor: (0, 1) }
    }
}

/// Lines and columns count from 1; a column counts characters, not bytes.
fn locate_in(source: &mut SourceText, path: String, start: usize, end: usize) -> Place {
    let text = &source.text;
    let start = floor_char_boundary(text, start.min(text.len()));
    let line = source.line_starts.partition_point(|&line_start| line_start <= start);
    let line_start = source.line_starts[line - 1];
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // The quoted line drops its `\r`; the place and the underline stay
    // inside what is quoted and on character boundaries, whatever the span said.
    let line_text = text[line_start..line_end].trim_end_matches('\r');
    let start = start.min(line_start + line_text.len());

    let (cursor, cursor_column) = source.cursor;
    let column = if (line_start..=start).contains(&cursor) {
        cursor_column + text[cursor..start].chars().count()
    } else {
        text[line_start..start].chars().count() + 1
    };
    source.cursor = (start, column);

    let excerpt = (line_text.len() <= LONGEST_QUOTED_LINE).then(|| {
        let underline_start = start - line_start;
        let underline_end = ceil_char_boundary(
            line_text,
            end.saturating_sub(line_start).clamp(underline_start, line_text.len()),
        );
        Excerpt { text: line_text.to_owned(), underline: underline_start..underline_end }
    });
    Place {
        file: Some(path),
        line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
        column: Some(u32::try_from(column).unwrap_or(u32::MAX)),
        excerpt,
    }
}

fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let raw = "a = 1\ntitle = \"héllo\"\nb = x\n";
        let text = &mut SourceText::new(raw.to_owned());
        let at = raw.find('x').unwrap();
        let place = locate_in(text, "f.toml".into(), at, at + 1);
        assert_eq!((place.line, place.column), (Some(3), Some(5)));
        let at = raw.find('\"').unwrap();
        let place = locate_in(text, "f.toml".into(), at, at + 8);
        assert_eq!((place.line, place.column), (Some(2), Some(9)));
        assert_eq!(place.excerpt.unwrap().text, "title = \"héllo\"");
        // A span past the end of its line, as a parser gives for a string
        // left open before `\r\n`, underlines nothing past the quoted line.
        let mut crlf = SourceText::new("title = \"x\r\n".to_owned());
        let place = locate_in(&mut crlf, "f".into(), 11, 12);
        assert_eq!((place.line, place.column), (Some(1), Some(11)));
        assert_eq!(place.excerpt.unwrap().underline, 10..10);
        // A span inside a replaced invalid byte is widened to the whole character.
        let mut lossy = SourceText::new("title = \"caf\u{fffd}\"".to_owned());
        let place = locate_in(&mut lossy, "f".into(), 12, 13);
        assert_eq!(place.excerpt.unwrap().underline, 12..15);
        // Places on one line counted on from the last agree with a fresh count.
        let mut long = SourceText::new(format!("a = [{}]\n", "1, ".repeat(2000)));
        let columns: Vec<Option<u32>> = [5, 50, 500, 5000]
            .iter()
            .map(|&at| locate_in(&mut long, "f".into(), at, at).column)
            .collect();
        assert_eq!(columns, [Some(6), Some(51), Some(501), Some(5001)]);
        let early = locate_in(&mut long, "f".into(), 7, 8);
        assert_eq!(early.column, Some(8));
        assert!(early.excerpt.is_none(), "a line that long is not quoted");
        // After a two-byte character, columns still count characters.
        let at = raw.find("llo").unwrap();
        assert_eq!(locate_in(text, "f".into(), at, at).column, Some(12));
    }
}
