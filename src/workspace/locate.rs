//! Turning spans into files, lines and columns, and quoting the source line.
//!
//! Spans are byte ranges; only findings need lines and columns, so the files
//! they point into are read again here, once each, instead of keeping every
//! file's text in memory for the whole run.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::finding::Excerpt;
use crate::model::source::{EntryKind, FileId, Sources, Span};

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
    texts: HashMap<FileId, Option<String>>,
}

impl<'a> Locator<'a> {
    pub fn new(root: PathBuf, sources: &'a Sources) -> Self {
        Locator {
            root,
            sources,
            texts: HashMap::new(),
        }
    }

    /// The file, line, column and source line of a span.
    pub fn place(&mut self, span: Option<Span>) -> Place {
        let Some(span) = span else {
            return Place::default();
        };
        let path = self.sources.path(span.file).to_owned();
        let whole_file = Place {
            file: Some(path.clone()),
            line: Some(1),
            column: Some(1),
            excerpt: None,
        };
        match (self.sources.kind(span.file), span.range) {
            (EntryKind::Folder, _) => Place {
                file: Some(path),
                ..Place::default()
            },
            (EntryKind::File, None) => whole_file,
            (EntryKind::File, Some((start, end))) => match self.text(span.file) {
                Some(text) => locate_in(text, path, start as usize, end as usize),
                None => whole_file,
            },
        }
    }

    fn text(&mut self, file: FileId) -> Option<&str> {
        let path = self.root.join(self.sources.path(file));
        self.texts
            .entry(file)
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Some(
                    text.strip_prefix('\u{feff}')
                        .map(str::to_owned)
                        .unwrap_or(text),
                )
            })
            .as_deref()
    }
}

/// Lines and columns count from 1; a column counts characters, not bytes.
fn locate_in(text: &str, path: String, start: usize, end: usize) -> Place {
    let start = floor_char_boundary(text, start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;

    let line_text = text[line_start..line_end].trim_end_matches('\r');
    let underline_start = start - line_start;
    let underline_end = end.clamp(start, line_start + line_text.len()) - line_start;
    let excerpt = Excerpt {
        text: line_text.to_owned(),
        underline: underline_start..underline_end.max(underline_start),
    };
    Place {
        file: Some(path),
        line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
        column: Some(u32::try_from(column).unwrap_or(u32::MAX)),
        excerpt: Some(excerpt),
    }
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
        let text = "a = 1\ntitle = \"héllo\"\nb = x\n";
        let at = text.find('x').unwrap();
        let place = locate_in(text, "f.toml".into(), at, at + 1);
        assert_eq!((place.line, place.column), (Some(3), Some(5)));
        let at = text.find('\"').unwrap();
        let place = locate_in(text, "f.toml".into(), at, at + 8);
        assert_eq!((place.line, place.column), (Some(2), Some(9)));
        assert_eq!(place.excerpt.unwrap().text, "title = \"héllo\"");
        // After a two-byte character, columns still count characters.
        let at = text.find("llo").unwrap();
        assert_eq!(locate_in(text, "f".into(), at, at).column, Some(12));
    }
}
