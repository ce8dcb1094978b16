//! An edit as one transaction: lock, apply in memory, check, then write.
//!
//! The edited files are loaded through an overlay and checked with every
//! rule. An edit is refused when it adds an error: an error finding that
//! the workspace did not have before. Errors that were already there, in
//! this file or elsewhere, do not block an unrelated edit.
//!
//! The lock keeps other `okr` processes out, but not an editor or `git`:
//! every file read is stamped when the edit begins, and the edit is refused
//! when a file it writes has changed on disk since.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::finding::{Diagnostic, Severity};
use crate::model::period::Period;
use crate::model::reference::ObjectiveRef;
use crate::rules;
use crate::workspace::load::{Loaded, Overlay, Scope, load, load_scoped, load_scoped_after};
use crate::workspace::write::{
    WorkspaceLock, is_plain_file, lock, move_file, remove_file, write_file,
};

/// An edit under way: the workspace as it was, and the lock that keeps it so.
pub struct Transaction {
    pub loaded: Loaded,
    /// What is read, when the edit's checks need less than everything.
    scope: Narrowed,
    before: Vec<Diagnostic>,
    as_of: NaiveDate,
    /// Every file read, as it was on disk when the edit began.
    stamps: BTreeMap<String, Stamp>,
    _lock: WorkspaceLock,
}

/// A file's length and time of change: what tells that it changed on disk.
type Stamp = (u64, Option<SystemTime>);

fn stamp(root: &Path, relative: &str) -> Option<Stamp> {
    std::fs::metadata(root.join(relative)).ok().map(|m| (m.len(), m.modified().ok()))
}

/// The stamps of every file the load read that exists.
fn stamps(loaded: &Loaded) -> BTreeMap<String, Stamp> {
    let root = &loaded.root;
    loaded
        .workspace
        .sources
        .files()
        .filter_map(|relative| Some((relative.to_owned(), stamp(root, relative)?)))
        .collect()
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
        let stamps = stamps(&loaded);
        Ok(Transaction { loaded, scope: Narrowed::Everything, before, as_of, stamps, _lock: lock })
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
        let stamps = stamps(&loaded);
        Ok(Transaction {
            loaded,
            scope: Narrowed::Period(period),
            before,
            as_of,
            stamps,
            _lock: lock,
        })
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
        let stamps = stamps(&loaded);
        Ok(Transaction { loaded, scope, before, as_of, stamps, _lock: lock })
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
        let overlay = &after.overlay;
        for relative in overlay.keys() {
            let now = stamp(&root, relative);
            // A file the edit did not read must still not exist: it is new.
            if now.as_ref() != self.stamps.get(relative) {
                bail!(
                    "`{relative}` changed on disk while okr was editing it; nothing was written\nhelp: run the command again, which reads it anew"
                );
            }
        }
        // New files first, then moves, then removals: a crash part way
        // leaves every objective with a file.
        let mut removed: Vec<&str> =
            overlay.iter().filter(|(_, c)| c.is_none()).map(|(p, _)| p.as_str()).collect();
        let mut moves = Vec::new();
        for (relative, contents) in overlay {
            let Some(bytes) = contents else { continue };
            // A new file with the very bytes of a file the edit removes is
            // that file moved: renamed, so that a crash leaves it at one
            // place or the other.
            let moved = removed.iter().position(|old| {
                is_plain_file(&root, old)
                    && std::fs::read(root.join(old)).is_ok_and(|old| old == *bytes)
            });
            match moved {
                Some(index) => moves.push((removed.swap_remove(index), relative)),
                None => {
                    log::debug!("writing `{relative}` ({} bytes)", bytes.len());
                    write_file(&root, relative, bytes)?;
                }
            }
        }
        for (from, to) in moves {
            log::debug!("moving `{from}` to `{to}`");
            move_file(&root, from, to)?;
        }
        for relative in removed {
            log::debug!("removing `{relative}`");
            remove_file(&root, relative)?;
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

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    const OBJECTIVE: &str = "groups/acme/2026-Q4/grow.toml";
    const GROW: &str = "title = \"Grow\"\nlead = \"alice\"\n";

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    /// A company of one person with one objective.
    fn workspace() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in [
            ("okr.toml", "[organization]\nname = \"Acme\"\n"),
            ("people.toml", "[person.alice]\nname = \"Alice\"\n"),
            ("groups/acme/group.toml", "name = \"Acme\"\nkind = \"company\"\nlead = \"alice\"\n"),
            (OBJECTIVE, GROW),
        ] {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, text).unwrap();
        }
        dir
    }

    #[test]
    fn an_edit_is_refused_when_its_file_changed_on_disk_since_it_was_read() {
        let dir = workspace();
        let transaction = Transaction::begin(dir.path(), day()).unwrap();
        // An editor saves the file while okr is at work: a longer text.
        let by_hand = "title = \"Grow faster\"\nlead = \"alice\"\n";
        fs::write(dir.path().join(OBJECTIVE), by_hand).unwrap();
        let edits = Overlay::from([(
            OBJECTIVE.to_owned(),
            Some(b"title = \"Grow\"\nlead = \"alice\"\ndescription = \"Why\"\n".to_vec()),
        )]);
        let error = transaction.commit(edits, &[]).err().expect("the edit is refused");
        assert!(error.to_string().contains("changed on disk"), "{error}");
        assert_eq!(fs::read_to_string(dir.path().join(OBJECTIVE)).unwrap(), by_hand);
    }

    #[test]
    fn a_new_file_is_not_written_over_one_that_appeared_meanwhile() {
        let dir = workspace();
        let new = "groups/acme/2026-Q4/win.toml";
        let transaction = Transaction::begin(dir.path(), day()).unwrap();
        fs::write(dir.path().join(new), "# someone else's\n").unwrap();
        let edits = Overlay::from([(new.to_owned(), Some(GROW.replace("Grow", "Win").into()))]);
        assert!(transaction.commit(edits, &[]).is_err());
        assert_eq!(fs::read_to_string(dir.path().join(new)).unwrap(), "# someone else's\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_moved_file_is_renamed_so_that_a_crash_leaves_it_somewhere() {
        use std::os::unix::fs::MetadataExt;
        let dir = workspace();
        let inode = fs::metadata(dir.path().join(OBJECTIVE)).unwrap().ino();
        let moved = "groups/acme/2027-Q1/grow.toml";
        let transaction = Transaction::begin(dir.path(), day()).unwrap();
        let edits = Overlay::from([
            (OBJECTIVE.to_owned(), None),
            (moved.to_owned(), Some(GROW.as_bytes().to_vec())),
        ]);
        assert!(matches!(transaction.commit(edits, &[]).unwrap(), Outcome::Written(_)));
        // The same file, renamed: one step, where a copy and a removal are two.
        assert_eq!(fs::metadata(dir.path().join(moved)).unwrap().ino(), inode);
        assert!(!dir.path().join("groups/acme/2026-Q4").exists(), "the empty folder goes");
    }
}
