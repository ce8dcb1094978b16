//! Editing a user's file like a guest: through toml_edit, touching only
//! what changes.
//!
//! toml_edit keeps comments, order and quoting, but a few things it gets
//! wrong are put right here: it drops a byte order mark, mixes line endings
//! when a CRLF file holds a multi-line string, regroups dotted keys on any
//! write, and loses the comment after a value it replaces. The first two are
//! undone around parsing and printing; a file whose unchanged text does not
//! print back byte for byte is refused; replaced values keep their decor.

use std::fmt;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, Value};

const BYTE_ORDER_MARK: &str = "\u{feff}";

/// A file opened for editing.
#[derive(Clone, Debug)]
pub struct EditFile {
    /// Its path relative to the root, with `/` separators.
    pub relative: String,
    pub doc: DocumentMut,
    bom: bool,
    crlf: bool,
    /// The file did not end in a line break; toml_edit would add one.
    no_final_newline: bool,
}

/// Why a file cannot be edited.
#[derive(Debug)]
pub enum EditError {
    Read {
        relative: String,
        error: std::io::Error,
    },
    NotUtf8 {
        relative: String,
    },
    Parse {
        relative: String,
        message: String,
    },
    /// Printing the file unchanged would change it: a construct toml_edit
    /// rewrites, such as dotted keys.
    WouldRewrite {
        relative: String,
        line: usize,
        text: String,
    },
}

impl EditFile {
    /// A new, empty file.
    pub fn new(relative: &str) -> EditFile {
        EditFile {
            relative: relative.to_owned(),
            doc: DocumentMut::new(),
            bom: false,
            crlf: false,
            no_final_newline: false,
        }
    }

    /// Opens `relative` below `root` for editing.
    pub fn open(root: &Path, relative: &str) -> Result<EditFile, EditError> {
        let bytes = std::fs::read(root.join(relative))
            .map_err(|error| EditError::Read { relative: relative.to_owned(), error })?;
        EditFile::from_bytes(relative, bytes)
    }

    /// Reads a file's bytes for editing.
    pub fn from_bytes(relative: &str, bytes: Vec<u8>) -> Result<EditFile, EditError> {
        let relative_owned = relative.to_owned();
        let mut text = String::from_utf8(bytes)
            .map_err(|_| EditError::NotUtf8 { relative: relative_owned.clone() })?;
        let bom = text.starts_with(BYTE_ORDER_MARK);
        if bom {
            text.drain(..BYTE_ORDER_MARK.len());
        }
        // A file is CRLF when every line break is; a mixed file is edited as it is.
        let crlf =
            text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count();
        if crlf {
            text = text.replace("\r\n", "\n");
        }
        let doc: DocumentMut =
            text.parse().map_err(|error: toml_edit::TomlError| EditError::Parse {
                relative: relative_owned.clone(),
                message: error.message().to_owned(),
            })?;
        // A file that does not end in a line break keeps not ending in one,
        // whatever toml_edit does with its last line.
        let no_final_newline = !text.is_empty() && !text.ends_with('\n');
        let mut printed = doc.to_string();
        if no_final_newline && printed.ends_with('\n') {
            printed.pop();
        }
        if printed != text {
            let line = first_difference_line(&text, &printed);
            let quoted = text.lines().nth(line - 1).unwrap_or("").to_owned();
            return Err(EditError::WouldRewrite { relative: relative_owned, line, text: quoted });
        }
        Ok(EditFile { relative: relative.to_owned(), doc, bom, crlf, no_final_newline })
    }

    /// The file as an entry of an overlay: its path and its new bytes.
    pub fn change(&self) -> (String, Option<Vec<u8>>) {
        (self.relative.clone(), Some(self.render()))
    }

    /// The file's new bytes, in its own line endings and with its byte order mark.
    pub fn render(&self) -> Vec<u8> {
        let mut text = self.doc.to_string();
        if self.no_final_newline && text.ends_with('\n') {
            text.pop();
        } else if !self.no_final_newline && !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        if self.bom {
            text.insert_str(0, BYTE_ORDER_MARK);
        }
        text.into_bytes()
    }
}

fn first_difference_line(original: &str, printed: &str) -> usize {
    let at = original.bytes().zip(printed.bytes()).take_while(|(a, b)| a == b).count();
    original[..at.min(original.len())].matches('\n').count() + 1
}

/// A string value as one line: newlines and control characters escaped,
/// so that a CRLF file cannot change what it says. `literal` asks for a
/// `'literal'` string, as the value it replaces was written, where the text
/// allows one.
pub fn text(value: &str, literal: bool) -> Value {
    let plain = !value.chars().any(|c| c == '\'' || c.is_control());
    let written = if literal && plain {
        format!("'{value}'")
    } else {
        let mut escaped = String::from("\"");
        for c in value.chars() {
            match c {
                '"' => escaped.push_str("\\\""),
                '\\' => escaped.push_str("\\\\"),
                '\n' => escaped.push_str("\\n"),
                '\r' => escaped.push_str("\\r"),
                '\t' => escaped.push_str("\\t"),
                c if c.is_control() => escaped.push_str(&format!("\\u{:04X}", u32::from(c))),
                c => escaped.push(c),
            }
        }
        escaped.push('"');
        escaped
    };
    written.parse().expect("an escaped TOML string parses")
}

/// A number as the user typed it (`1e3` stays `1e3`), or `None` when the
/// text is not a finite decimal number.
pub fn number(typed: &str) -> Option<Value> {
    typed.parse::<f64>().ok().filter(|n| n.is_finite())?;
    match typed.parse::<Value>() {
        Ok(value @ (Value::Integer(_) | Value::Float(_))) => Some(value),
        // Rust reads forms TOML does not (`1.`, `.5`): write the figure plainly.
        _ => typed.parse::<f64>().ok().map(Value::from),
    }
}

/// Sets `key` in `table`, keeping the comments around an old value and, for
/// text, its quoting.
pub fn set_value(table: &mut Table, key: &str, mut new: Value) {
    // The comment above a key belongs to the key, the one after it to the
    // value: the key stays, and the new value takes the old one's decor.
    if let Some(old) = table.get_mut(key).and_then(Item::as_value_mut) {
        if let (Value::String(was), Some(now)) = (&*old, new.as_str()) {
            let literal = was
                .as_repr()
                .and_then(|repr| repr.as_raw().as_str())
                .is_some_and(|raw| raw.starts_with('\''));
            new = text(now, literal);
        }
        *new.decor_mut() = old.decor().clone();
        *old = new;
        return;
    }
    new.decor_mut().set_prefix(" ");
    table.insert(key, Item::Value(new));
}

/// The highest position of a table and every table below it.
pub fn last_position(table: &Table) -> Option<isize> {
    let below = table.iter().filter_map(|(_, item)| match item {
        Item::Table(sub) => last_position(sub),
        Item::ArrayOfTables(array) => array.iter().filter_map(last_position).max(),
        _ => None,
    });
    below.chain(table.position()).max()
}

/// Removes `[<table>.<id>]` with everything below it and the comment lines
/// directly above its header. Comments above a blank line before those are
/// not its own: they stay where they were, above what now follows.
pub fn remove_entry(doc: &mut DocumentMut, table: &str, id: &str) {
    let Some(Item::Table(parent)) = doc.get_mut(table) else { return };
    let Some(Item::Table(removed)) = parent.remove(id) else { return };
    let prefix = removed.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
    let heading_starts = prefix.trim_end_matches('\n').rfind("\n\n").map_or(0, |blank| blank + 2);
    // What stays keeps its lines, not the blank line that parted it from the heading.
    let kept = format!("{}\n", prefix[..heading_starts].trim_end_matches('\n'));
    if !kept.contains('#') {
        return;
    }
    let after = last_position(&removed).unwrap_or(0);
    match first_table_after(doc.as_table_mut(), after) {
        Some(next) => {
            let own = next.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
            next.decor_mut().set_prefix(format!("{kept}{own}"));
        }
        None => {
            let trailing = doc.trailing().as_str().unwrap_or("").to_owned();
            doc.set_trailing(format!("{kept}{trailing}"));
        }
    }
}

/// The table placed first after position `after`, anywhere in the document.
fn first_table_after(table: &mut Table, after: isize) -> Option<&mut Table> {
    let mut best: Option<(isize, Vec<Step>)> = None;
    visit(table, &mut Vec::new(), &mut |position, path| {
        if position > after && best.as_ref().is_none_or(|(b, _)| position < *b) {
            best = Some((position, path.to_vec()));
        }
    });
    let (_, path) = best?;
    path.iter().try_fold(table, |table, step| match step {
        Step::Key(key) => table.get_mut(key)?.as_table_mut(),
        Step::Entry(key, index) => table.get_mut(key)?.as_array_of_tables_mut()?.get_mut(*index),
    })
}

/// A step from a table to one below it: a sub-table, or an entry of an
/// array of tables.
#[derive(Clone)]
enum Step {
    Key(String),
    Entry(String, usize),
}

/// Calls `seen` with the position and path of every table that is written
/// with a header of its own.
fn visit(table: &Table, path: &mut Vec<Step>, seen: &mut dyn FnMut(isize, &[Step])) {
    for (key, item) in table.iter() {
        match item {
            Item::Table(sub) => {
                path.push(Step::Key(key.to_owned()));
                if let (Some(position), false) = (sub.position(), sub.is_implicit()) {
                    seen(position, path);
                }
                visit(sub, path, seen);
                path.pop();
            }
            Item::ArrayOfTables(array) => {
                for (index, sub) in array.iter().enumerate() {
                    path.push(Step::Entry(key.to_owned(), index));
                    if let Some(position) = sub.position() {
                        seen(position, path);
                    }
                    visit(sub, path, seen);
                    path.pop();
                }
            }
            _ => {}
        }
    }
}

/// Makes room after position `after`: every table placed later moves one on.
pub fn make_room_after(table: &mut Table, after: isize) {
    if let Some(position) = table.position().filter(|p| *p > after) {
        table.set_position(Some(position + 1));
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(sub) => make_room_after(sub, after),
            Item::ArrayOfTables(array) => array.iter_mut().for_each(|t| make_room_after(t, after)),
            _ => {}
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Read { relative, error } => write!(f, "cannot read `{relative}`: {error}"),
            EditError::NotUtf8 { relative } => write!(f, "`{relative}` is not UTF-8"),
            EditError::Parse { relative, message } => {
                write!(f, "`{relative}` is not valid TOML: {}", message.trim_end())
            }
            EditError::WouldRewrite { relative, line, text } => write!(
                f,
                "okr cannot edit `{relative}` without rewriting what it did not change, from line {line}: `{}`",
                text.trim()
            ),
        }
    }
}

impl EditError {
    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            EditError::WouldRewrite { .. } => {
                "okr edits a file only when its unchanged text prints back byte for byte, and the TOML library it edits with rewrites this line: dotted keys among other keys (`a.b = 1`) and quotes or spaces in a header (`[key_result . x]`) are such lines; write it plainly, as `[key_result.x]` with `title = ...` below"
            }
            EditError::NotUtf8 { .. } | EditError::Parse { .. } => {
                "`okr check` shows where; fix the file first"
            }
            EditError::Read { .. } => "make the file readable",
        }
    }
}

impl std::error::Error for EditError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &[u8], change: impl FnOnce(&mut DocumentMut)) -> Vec<u8> {
        let mut file = EditFile::from_bytes("f.toml", text.to_vec()).expect("an editable file");
        change(&mut file.doc);
        file.render()
    }

    #[test]
    fn unchanged_files_print_back_byte_for_byte() {
        for text in [
            &b"a = 1\n# c\n\n[t]\nb = 'x' # d\n"[..],
            b"a = 1",
            b"[t]\na = 1",
            b"a = 1\n# the end",
            b"a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n",
            "\u{feff}a = 1\n".as_bytes(),
        ] {
            assert_eq!(edit(text, |_| {}), text);
        }
    }

    #[test]
    fn a_crlf_file_with_a_multiline_string_stays_crlf() {
        let out = edit(b"a = \"\"\"x\r\ny\"\"\"\r\nb = 1\r\n", |doc| {
            set_value(doc.as_table_mut(), "b", Value::from(2))
        });
        assert_eq!(out, b"a = \"\"\"x\r\ny\"\"\"\r\nb = 2\r\n");
    }

    #[test]
    fn a_missing_final_newline_stays_missing() {
        let out = edit(b"a = 1", |doc| set_value(doc.as_table_mut(), "a", Value::from(2)));
        assert_eq!(out, b"a = 2");
    }

    #[test]
    fn a_file_ending_in_a_comment_keeps_its_missing_line_break() {
        let out =
            edit(b"a = 1\n# the end", |doc| set_value(doc.as_table_mut(), "a", Value::from(2)));
        assert_eq!(out, b"a = 2\n# the end");
    }

    #[test]
    fn a_new_file_ends_with_a_line_break() {
        let mut file = EditFile::new("new.toml");
        file.doc.insert("a", toml_edit::value(1));
        assert_eq!(file.render(), b"a = 1\n");
    }

    #[test]
    fn a_byte_order_mark_is_kept() {
        let out = edit("\u{feff}b = 1\n".as_bytes(), |doc| {
            set_value(doc.as_table_mut(), "b", Value::from(2))
        });
        assert_eq!(out, "\u{feff}b = 2\n".as_bytes());
    }

    #[test]
    fn a_replaced_value_keeps_its_comment() {
        let out = edit(b"# above\nb = 1 # after\nc = 3\n", |doc| {
            set_value(doc.as_table_mut(), "b", Value::from(2))
        });
        assert_eq!(out, b"# above\nb = 2 # after\nc = 3\n");
    }

    #[test]
    fn text_keeps_its_quoting_and_stays_on_one_line() {
        let out =
            edit(b"a = 'x' # c\n", |doc| set_value(doc.as_table_mut(), "a", Value::from("y")));
        assert_eq!(out, b"a = 'y' # c\n");
        let out = edit(b"a = 'x'\r\n", |doc| {
            set_value(doc.as_table_mut(), "a", Value::from("two\nlines"))
        });
        assert_eq!(out, b"a = \"two\\nlines\"\r\n");
        assert_eq!(text("say \"hi\"\t", false).to_string(), "\"say \\\"hi\\\"\\t\"");
    }

    #[test]
    fn numbers_keep_the_form_they_were_typed_in() {
        assert_eq!(number("1e3").map(|v| v.to_string()), Some("1e3".to_owned()));
        assert_eq!(number("-12").map(|v| v.to_string()), Some("-12".to_owned()));
        assert_eq!(number("2.50").map(|v| v.to_string()), Some("2.50".to_owned()));
        assert!(number("nan").is_none());
        assert!(number("0x10").is_none());
        assert!(number("1e400").is_none());
    }

    #[test]
    fn removing_a_table_takes_its_heading_comment_and_leaves_the_rest() {
        let text = b"a = 1\n\n# A note about the file.\n\n# The one to go.\n[t.gone]\nx = 1\n\n# The next.\n[t.next]\ny = 2\n";
        let out = edit(text, |doc| remove_entry(doc, "t", "gone"));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a = 1\n\n# A note about the file.\n\n# The next.\n[t.next]\ny = 2\n"
        );
        let last = edit(b"a = 1\n\n# Note.\n\n# Last.\n[t.gone]\nx = 1\n", |doc| {
            remove_entry(doc, "t", "gone")
        });
        assert_eq!(String::from_utf8(last).unwrap(), "a = 1\n\n# Note.\n");
    }

    #[test]
    fn dotted_keys_are_refused_with_their_line() {
        let error =
            EditFile::from_bytes("f.toml", b"a.b = 1\nc = 2\na.d = 3\n".to_vec()).unwrap_err();
        assert!(matches!(error, EditError::WouldRewrite { line: 2, .. }), "{error}");
    }
}
