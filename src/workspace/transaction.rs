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
use crate::model::period::Period;
use crate::model::reference::ObjectiveRef;
use crate::rules;
use crate::workspace::load::{Loaded, Overlay, Scope, load, load_scoped, load_scoped_after};
use crate::workspace::write::{WorkspaceLock, lock, remove_file, write_file};

/// An edit under way: the workspace as it was, and the lock that keeps it so.
pub struct Transaction {
    pub loaded: Loaded,
    /// What is read, when the edit's checks need less than everything.
    scope: Narrowed,
    before: Vec<Diagnostic>,
    as_of: NaiveDate,
    _lock: WorkspaceLock,
}

/// How much of the workspace an edit's checks read.
enum Narrowed {
    Everything,
    Period(Period),
    /// One objective, with the people when the edit names a person.
    Objective(ObjectiveRef, bool),
}

impl Narrowed {
    /// Reads what the edit's checks need; `before` is the read the edit
    /// started from, whose unchanged people are taken out of it rather than
    /// read again.
    fn load(&self, root: &Path, overlay: Overlay, before: Option<&mut Loaded>) -> Result<Loaded> {
        let scope = match self {
            Narrowed::Everything => Scope::Everything,
            Narrowed::Period(period) => Scope::Exactly(period),
            Narrowed::Objective(reference, true) => Scope::Objective(reference),
            Narrowed::Objective(reference, false) => Scope::ObjectiveAlone(reference),
        };
        load_scoped_after(root, overlay, scope, before)
    }
}

/// What became of an edit.
pub enum Outcome {
    /// Written, with the new errors of the allowed rules it let through.
    Written(Vec<Diagnostic>),
    /// Refused, with the errors it would have added; nothing was written.
    Refused(Vec<Diagnostic>),
}

impl Transaction {
    /// Takes the lock and reads the workspace.
    pub fn begin(root: &Path, as_of: NaiveDate) -> Result<Transaction> {
        let lock = lock(root)?;
        let loaded = load(root)?;
        let before = errors(&loaded, as_of);
        Ok(Transaction { loaded, scope: Narrowed::Everything, before, as_of, _lock: lock })
    }

    /// Like [`Transaction::begin`], reading the objectives of one period only
    /// (the current quarter when `period` is `None`),
    /// for an edit whose checks look at nothing else (a check-in). Errors
    /// that come of the other periods being missing are found before and
    /// after alike, and so never block the edit.
    pub fn begin_in_period(
        root: &Path,
        as_of: NaiveDate,
        period: Option<Period>,
    ) -> Result<Transaction> {
        let lock = lock(root)?;
        let loaded = match &period {
            Some(period) => load_scoped(root, Overlay::new(), Scope::Exactly(period))?,
            None => load_scoped(root, Overlay::new(), Scope::Period(None, as_of))?,
        };
        // Without a period named, the current one: the quarter of the day.
        let period = period.unwrap_or_else(|| loaded.workspace.settings.calendar.quarter_of(as_of));
        let before = errors(&loaded, as_of);
        Ok(Transaction { loaded, scope: Narrowed::Period(period), before, as_of, _lock: lock })
    }

    /// Like [`Transaction::begin`], reading only the settings, the people
    /// (when `names_person`: the edit names someone, who must be known) and
    /// one objective, for an edit of that objective's key results and
    /// check-ins alone: no rule about them looks further. What the narrow
    /// read leaves out is missing before and after alike, and never blocks.
    pub fn begin_in_objective(
        root: &Path,
        as_of: NaiveDate,
        reference: ObjectiveRef,
        names_person: bool,
    ) -> Result<Transaction> {
        let lock = lock(root)?;
        let scope = Narrowed::Objective(reference, names_person);
        let loaded = scope.load(root, Overlay::new(), None)?;
        let before = errors(&loaded, as_of);
        Ok(Transaction { loaded, scope, before, as_of, _lock: lock })
    }

    /// Checks the edit and writes it when it adds no error. `allowed` names
    /// rules whose new errors do not block it (`add objective --force`).
    pub fn commit(mut self, edits: Overlay, allowed: &[&str]) -> Result<Outcome> {
        let root = self.loaded.root.clone();
        let after = self.scope.load(&root, edits, Some(&mut self.loaded))?;
        let (let_through, added): (Vec<_>, Vec<_>) =
            new_errors(&self.before, errors(&after, self.as_of))
                .into_iter()
                .partition(|error| allowed.contains(&error.rule));
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
        Ok(Outcome::Written(let_through))
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
fn new_errors(before: &[Diagnostic], after: Vec<Diagnostic>) -> Vec<Diagnostic> {
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
            _ => true,
        })
        .collect()
}
