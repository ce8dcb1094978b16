//! An edit as one transaction: lock, apply in memory, check, then write.
//!
//! The edited files are loaded through an overlay and checked with every
//! rule. An edit is refused when it adds an error: an error finding that
//! the workspace did not have before. Errors that were already there, in
//! this file or elsewhere, do not block an unrelated edit.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;

use crate::finding::{Diagnostic, Severity};
use crate::rules;
use crate::workspace::load::{Loaded, Overlay, load, load_with};
use crate::workspace::write::{WorkspaceLock, lock, remove_file, write_file};

/// An edit under way: the workspace as it was, and the lock that keeps it so.
pub struct Transaction {
    pub loaded: Loaded,
    before: Vec<Diagnostic>,
    as_of: NaiveDate,
    _lock: WorkspaceLock,
}

/// What became of an edit.
pub enum Outcome {
    Written,
    /// Refused, with the errors it would have added; nothing was written.
    Refused(Vec<Diagnostic>),
}

impl Transaction {
    /// Takes the lock and reads the workspace.
    pub fn begin(root: &Path, as_of: NaiveDate) -> Result<Transaction> {
        let lock = lock(root)?;
        let loaded = load(root)?;
        let before = errors(&loaded, as_of);
        Ok(Transaction { loaded, before, as_of, _lock: lock })
    }

    /// Checks the edit and writes it when it adds no error. `allowed` names
    /// rules whose new errors do not block it (`add objective --force`).
    pub fn commit(self, edits: Overlay, allowed: &[&str]) -> Result<Outcome> {
        let root = self.loaded.root.clone();
        let after = load_with(&root, edits)?;
        let added = new_errors(&self.before, errors(&after, self.as_of), allowed);
        if !added.is_empty() {
            log::debug!("refused: the edit adds {} errors", added.len());
            return Ok(Outcome::Refused(added));
        }
        for (relative, contents) in &after.overlay {
            log::debug!(
                "writing `{relative}` ({})",
                contents.as_ref().map_or("removed".to_owned(), |b| format!("{} bytes", b.len()))
            );
            match contents {
                Some(bytes) => write_file(&root, relative, bytes)?,
                None => remove_file(&root, relative)?,
            }
        }
        Ok(Outcome::Written)
    }
}

fn errors(loaded: &Loaded, as_of: NaiveDate) -> Vec<Diagnostic> {
    rules::check(loaded, as_of)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The errors of `after` that `before` did not have, counted by rule, file
/// and message so that an edit moving lines about is not taken for new ones.
fn new_errors(before: &[Diagnostic], after: Vec<Diagnostic>, allowed: &[&str]) -> Vec<Diagnostic> {
    let key = |d: &Diagnostic| (d.rule, d.file.clone(), d.message.clone());
    let mut seen: BTreeMap<_, usize> = BTreeMap::new();
    for diagnostic in before {
        *seen.entry(key(diagnostic)).or_default() += 1;
    }
    after
        .into_iter()
        .filter(|diagnostic| match seen.get_mut(&key(diagnostic)) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => !allowed.contains(&diagnostic.rule),
        })
        .collect()
}
