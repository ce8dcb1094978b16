//! Loading a workspace: every file of the layout into the model.
//!
//! The walk goes through `groups/` in name order, so that findings and
//! reports come out the same on every machine. Every entry that does not fit
//! the layout is a finding; nothing stops the walk but an unreadable root.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::finding::{Finding, RuleId};
use crate::model::Workspace;
use crate::model::id::{Id, suggest_id};
use crate::model::objective::Objective;
use crate::model::org::Person;
use crate::model::period::Period;
use crate::model::reference::ObjectiveRef;
use crate::model::source::{EntryKind, FileId, Span};
use crate::workspace::discover::SETTINGS_FILE;
use crate::workspace::format;

/// A workspace as read, with what the reading found wrong.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    pub workspace: Workspace,
    pub findings: Vec<Finding>,
    /// The edits it was read with, which places must be read from too.
    pub overlay: Overlay,
}

/// Files as an edit would leave them, by path relative to the root with `/`
/// separators: new contents, or `None` for a file the edit removes. Loading
/// through an overlay checks an edit before anything is written.
pub type Overlay = BTreeMap<String, Option<Vec<u8>>>;

const PEOPLE_FILE: &str = "people.toml";
const GROUPS_FOLDER: &str = "groups";
const GROUP_FILE: &str = "group.toml";

/// How many objective files make starting threads worth it: a check-in
/// reads one, and the threads would cost more than the parse.
const PARALLEL_FROM: usize = 16;

/// Reads the whole workspace at `root`.
pub fn load(root: &Path) -> Result<Loaded> {
    load_with(root, Overlay::new())
}

/// Reads the whole workspace at `root` as it would be with `overlay` applied.
pub fn load_with(root: &Path, overlay: Overlay) -> Result<Loaded> {
    load_scoped(root, overlay, Scope::Everything)
}

/// How much of the workspace a command needs.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    Everything,
    /// The settings, people, groups and the objectives of one period, named
    /// as typed, or the quarter of the day when `None`. A report of one
    /// period reads that period's folders only.
    Period(Option<&'a str>, chrono::NaiveDate),
    /// The settings, people, groups and the objectives of this period.
    Exactly(&'a Period),
    /// The settings, the people and this one objective: all that the rules
    /// about one objective's own key results and check-ins look at. The
    /// people are most of the cost: a check-in `--by` someone in a company
    /// of 5,000 takes about three times as long as in a small workspace,
    /// parsing `people.toml` to know the name.
    Objective(&'a ObjectiveRef),
    /// The settings and this one objective, for an edit that names no
    /// person: every person it names is unknown before and after alike.
    ObjectiveAlone(&'a ObjectiveRef),
}

/// Reads what `scope` needs of the workspace at `root`, through `overlay`.
/// Rules that look across periods cannot be trusted on a scoped load.
pub fn load_scoped(root: &Path, overlay: Overlay, scope: Scope<'_>) -> Result<Loaded> {
    load_scoped_after(root, overlay, scope, None)
}

/// Like [`load_scoped`], taking the people out of `before`, an earlier load of
/// the same workspace, when `overlay` leaves `people.toml` alone: an edit
/// under the lock checks the workspace twice, and a company's list of people
/// is the largest file a check-in reads.
pub fn load_scoped_after(
    root: &Path,
    overlay: Overlay,
    scope: Scope<'_>,
    before: Option<&mut Loaded>,
) -> Result<Loaded> {
    let known_people = before.filter(|_| !overlay.contains_key(PEOPLE_FILE)).map(KnownPeople::take);
    let mut loader = Loader {
        overlay,
        known_people,
        only: None,
        pending: Vec::new(),
        root: root.to_path_buf(),
        canonical_root: fs::canonicalize(root)
            .with_context(|| format!("failed to read workspace `{}`", root.display()))?,
        workspace: Workspace::default(),
        findings: Vec::new(),
    };
    let started = std::time::Instant::now();
    loader.read_settings();
    let calendar = &loader.workspace.settings.calendar;
    loader.only = match scope {
        Scope::Everything => None,
        // A period that does not parse reads none; the command says so.
        Scope::Period(Some(text), _) => Some(
            Period::parse(text, calendar)
                .unwrap_or(Period::Custom(Id::parse("none").expect("an id"))),
        ),
        Scope::Period(None, day) => Some(calendar.quarter_of(day)),
        Scope::Exactly(period) => Some(period.clone()),
        Scope::Objective(_) | Scope::ObjectiveAlone(_) => None,
    };
    match scope {
        Scope::Objective(reference) => {
            loader.read_people();
            loader.read_one_objective(reference);
        }
        Scope::ObjectiveAlone(reference) => loader.read_one_objective(reference),
        Scope::Everything | Scope::Period(..) | Scope::Exactly(_) => {
            loader.read_people();
            loader.read_groups();
        }
    }
    loader.read_objectives();
    log::debug!(
        "loaded {} files of `{}` in {:?}, with {} findings",
        loader.workspace.sources.file_count(),
        loader.root.display(),
        started.elapsed(),
        loader.findings.len()
    );
    loader.workspace.objectives.sort_by(|a, b| a.reference.cmp(&b.reference));
    Ok(Loaded {
        root: loader.root,
        workspace: loader.workspace,
        findings: loader.findings,
        overlay: loader.overlay,
    })
}

struct Loader {
    overlay: Overlay,
    /// The people as an earlier load read them, to take instead of reading.
    known_people: Option<KnownPeople>,
    /// The one period to read objectives of, when the load is scoped.
    only: Option<Period>,
    /// Objective files found by the walk, read after it, in parallel.
    pending: Vec<(ObjectiveRef, PathBuf, FileId)>,
    root: PathBuf,
    canonical_root: PathBuf,
    workspace: Workspace,
    findings: Vec<Finding>,
}

/// One entry of a folder under `groups/`, links resolved.
struct Entry {
    name: String,
    path: PathBuf,
    relative: String,
    is_dir: bool,
}

/// What an earlier load read of `people.toml`.
struct KnownPeople {
    /// `None` when the file was absent.
    file: Option<FileId>,
    people: BTreeMap<Id, Person>,
    findings: Vec<Finding>,
    unreadable: bool,
}

impl KnownPeople {
    /// Takes the people out of `loaded`, which keeps the rest.
    fn take(loaded: &mut Loaded) -> KnownPeople {
        let file = loaded.workspace.sources.find(PEOPLE_FILE);
        let findings = loaded
            .findings
            .iter()
            .filter(|finding| file.is_some() && finding.at.map(|at| at.file) == file)
            .cloned()
            .collect();
        KnownPeople {
            file,
            people: std::mem::take(&mut loaded.workspace.people),
            findings,
            unreadable: loaded.workspace.unreadable.people,
        }
    }
}

impl Loader {
    fn read_settings(&mut self) {
        let file = self.workspace.sources.add(SETTINGS_FILE.into(), EntryKind::File);
        self.workspace.settings_file = Some(file);
        if let Some(text) = self.read_root_file(SETTINGS_FILE, file) {
            self.workspace.settings = format::settings::read(&text, file, &mut self.findings);
        }
    }

    fn read_people(&mut self) {
        if let Some(known) = self.known_people.take() {
            return self.take_people(known);
        }
        let path = self.root.join(PEOPLE_FILE);
        let in_overlay = self.overlay.get(PEOPLE_FILE).map(Option::is_some);
        if in_overlay == Some(false)
            || (in_overlay.is_none() && fs::symlink_metadata(&path).is_err())
        {
            return;
        }
        let file = self.workspace.sources.add(PEOPLE_FILE.into(), EntryKind::File);
        let people = self
            .read_root_file(PEOPLE_FILE, file)
            .and_then(|text| format::people::read(&text, file, &mut self.findings));
        match people {
            Some(people) => self.workspace.people = people,
            None => self.workspace.unreadable.people = true,
        }
    }

    /// Takes the people an earlier load read, registering the file again so
    /// that its findings point where they did.
    fn take_people(&mut self, known: KnownPeople) {
        let Some(old) = known.file else {
            return;
        };
        let file = self.workspace.sources.add(PEOPLE_FILE.into(), EntryKind::File);
        self.findings.extend(known.findings.into_iter().map(|mut finding| {
            if let Some(at) = finding.at.as_mut().filter(|at| at.file == old) {
                at.file = file;
            }
            finding
        }));
        self.workspace.people = known.people;
        self.workspace.unreadable.people = known.unreadable;
    }

    fn read_groups(&mut self) {
        let groups = self.root.join(GROUPS_FOLDER);
        let is_link = fs::symlink_metadata(&groups).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && self.link_target(&groups).is_none() {
            let file = self.workspace.sources.add(GROUPS_FOLDER.into(), EntryKind::Folder);
            self.findings.push(link_outside(GROUPS_FOLDER, file));
            self.workspace.unreadable.org_chart = true;
            return;
        }
        match fs::metadata(&groups) {
            Err(_) if !self.overlay_has_below(GROUPS_FOLDER) => return,
            Err(_) => {}
            Ok(metadata) if !metadata.is_dir() => {
                let file = self.workspace.sources.add(GROUPS_FOLDER.into(), EntryKind::File);
                self.findings.push(Finding::new(
                    RuleId::BadId,
                    Span::whole(file),
                    "`groups` is a file, but it must be the folder that holds the groups",
                    "move it aside and create the folder `groups/`, with a folder for each group",
                ));
                return;
            }
            Ok(_) => {}
        }
        let folder = self.workspace.sources.add(GROUPS_FOLDER.into(), EntryKind::Folder);
        let Some(entries) = self.entries(&groups, GROUPS_FOLDER, folder) else {
            self.workspace.unreadable.org_chart = true;
            return;
        };
        for entry in entries {
            if !entry.is_dir {
                let file = self.workspace.sources.add(entry.relative.clone(), EntryKind::File);
                self.findings.push(Finding::new(
                    RuleId::BadId,
                    Span::whole(file),
                    format!(
                        "`{}` is a file, but `groups/` holds only group folders",
                        entry.relative
                    ),
                    "move it out of `groups/`; a group lives in `groups/<group>/group.toml`",
                ));
                continue;
            }
            let folder = self.workspace.sources.add(entry.relative.clone(), EntryKind::Folder);
            if let Some(id) = self.folder_id(&entry, folder, "group") {
                self.read_group_folder(id, &entry, folder);
            }
        }
    }

    fn read_group_folder(&mut self, id: Id, folder: &Entry, folder_id: FileId) {
        let Some(entries) = self.entries(&folder.path, &folder.relative, folder_id) else {
            self.workspace.group_folders.insert(id.clone(), Span::whole(folder_id));
            self.workspace.unreadable.groups.insert(id);
            return;
        };
        // An empty folder is nothing yet (git does not even keep one), and
        // is what removing a group leaves for a moment.
        if entries.is_empty() {
            return;
        }
        self.workspace.group_folders.insert(id.clone(), Span::whole(folder_id));
        for entry in entries {
            if entry.name == GROUP_FILE && !entry.is_dir {
                self.read_group(id.clone(), &entry);
            } else if entry.is_dir {
                let period_folder =
                    self.workspace.sources.add(entry.relative.clone(), EntryKind::Folder);
                match Period::parse(&entry.name, &self.workspace.settings.calendar) {
                    Some(period) if self.only.as_ref().is_some_and(|only| *only != period) => {}
                    Some(period) => self.read_period_folder(&id, period, &entry, period_folder),
                    None => self.findings.push(bad_period_folder(&entry, period_folder)),
                }
            } else {
                let file = self.workspace.sources.add(entry.relative.clone(), EntryKind::File);
                self.findings.push(Finding::new(
                    RuleId::BadPeriod,
                    Span::whole(file),
                    format!("`{}` is neither `group.toml` nor a period folder", entry.relative),
                    format!("a group folder holds `group.toml` and period folders such as `{}/2026-Q4/`; move other files out of `groups/`", folder.relative),
                ));
            }
        }
    }

    fn read_group(&mut self, id: Id, entry: &Entry) {
        let file = self.workspace.sources.add(entry.relative.clone(), EntryKind::File);
        let group = self
            .read_text(&entry.path, file)
            .and_then(|text| format::group::read(id.clone(), &text, file, &mut self.findings));
        match group {
            Some(group) => {
                self.workspace.groups.insert(id, group);
            }
            None => {
                self.workspace.unreadable.groups.insert(id);
            }
        }
    }

    fn read_period_folder(
        &mut self,
        group: &Id,
        period: Period,
        folder: &Entry,
        folder_id: FileId,
    ) {
        let entries = self.entries(&folder.path, &folder.relative, folder_id).unwrap_or_default();
        for entry in entries {
            let kind = if entry.is_dir { EntryKind::Folder } else { EntryKind::File };
            let file = self.workspace.sources.add(entry.relative.clone(), kind);
            let Some(stem) = entry.name.strip_suffix(".toml").filter(|_| !entry.is_dir) else {
                self.findings.push(Finding::new(
                    RuleId::BadId,
                    Span::whole(file),
                    format!("`{}` is not an objective file", entry.relative),
                    "a period folder holds only objective files named `<objective-id>.toml`",
                ));
                continue;
            };
            let id = match Id::parse(stem) {
                Ok(id) => id,
                Err(error) => {
                    self.findings.push(Finding::new(
                        RuleId::BadId,
                        Span::whole(file),
                        format!("objective file name `{}` is not a valid id: {error}", entry.name),
                        format!("rename it to `{}.toml`", suggest_id(stem)),
                    ));
                    continue;
                }
            };
            let reference = ObjectiveRef { group: group.clone(), period: period.clone(), id };
            self.pending.push((reference, entry.path, file));
        }
    }

    /// Queues one objective file by its reference, without walking `groups/`.
    fn read_one_objective(&mut self, reference: &ObjectiveRef) {
        let relative = format!(
            "{GROUPS_FOLDER}/{}/{}/{}.toml",
            reference.group, reference.period, reference.id
        );
        let path = self.root.join(&relative);
        let file = self.workspace.sources.add(relative, EntryKind::File);
        self.pending.push((reference.clone(), path, file));
    }

    /// Reads the objective files the walk found, on all cores when there are
    /// enough of them to pay for the threads: each file is parsed on its own,
    /// and the results are gathered in the walk's order, so that the outcome
    /// does not depend on the threads.
    fn read_objectives(&mut self) {
        use rayon::prelude::*;
        let pending = std::mem::take(&mut self.pending);
        let (overlay, sources, calendar) =
            (&self.overlay, &self.workspace.sources, &self.workspace.settings.calendar);
        let read_one = |(reference, path, file): (ObjectiveRef, PathBuf, FileId)| {
            let mut findings = Vec::new();
            let relative = sources.path(file);
            let objective = read_text(&path, relative, overlay.get(relative), file, &mut findings)
                .and_then(|text| {
                    format::objective::read(reference.clone(), &text, file, calendar, &mut findings)
                });
            (objective.ok_or(reference), findings)
        };
        let (read, findings): (Vec<Result<Objective, ObjectiveRef>>, Vec<Vec<Finding>>) =
            if pending.len() < PARALLEL_FROM {
                pending.into_iter().map(read_one).unzip()
            } else {
                pending.into_par_iter().map(read_one).unzip()
            };
        self.findings.extend(findings.into_iter().flatten());
        // Collected in place, into the memory the results were gathered in.
        let unreadable = &mut self.workspace.unreadable.objectives;
        let objectives: Vec<Objective> = read
            .into_iter()
            .filter_map(|read| read.map_err(|reference| unreadable.insert(reference)).ok())
            .collect();
        if self.workspace.objectives.is_empty() {
            self.workspace.objectives = objectives;
        } else {
            self.workspace.objectives.extend(objectives);
        }
    }

    fn read_text(&mut self, path: &Path, file: FileId) -> Option<String> {
        let relative = self.workspace.sources.path(file);
        read_text(path, relative, self.overlay.get(relative), file, &mut self.findings)
    }

    /// A file at the root, read only while it stays inside the workspace.
    fn read_root_file(&mut self, name: &str, file: FileId) -> Option<String> {
        let path = self.root.join(name);
        if self.overlay.contains_key(name) {
            return self.read_text(&path, file);
        }
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && self.link_target(&path).is_none() {
            self.findings.push(link_outside(name, file));
            return None;
        }
        self.read_text(&path, file)
    }

    /// A folder's id, or a `bad-id` finding when its name is not one.
    fn folder_id(&mut self, entry: &Entry, folder: FileId, what: &str) -> Option<Id> {
        match Id::parse(&entry.name) {
            Ok(id) => Some(id),
            Err(error) => {
                self.findings.push(Finding::new(
                    RuleId::BadId,
                    Span::whole(folder),
                    format!("{what} folder `{}` is not a valid id: {error}", entry.name),
                    format!("rename the folder to `{}`", suggest_id(&entry.name)),
                ));
                None
            }
        }
    }

    /// The entries of a folder in name order, hidden ones skipped and links
    /// followed only while they stay inside the workspace; `None`, with a
    /// finding, when the folder cannot be listed.
    fn entries(&mut self, folder: &Path, relative: &str, folder_id: FileId) -> Option<Vec<Entry>> {
        let listing = match fs::read_dir(folder) {
            Ok(listing) => Some(listing),
            // A folder an edit is about to create.
            Err(_) if self.overlay_has_below(relative) => None,
            Err(error) => {
                self.findings.push(Finding::new(
                    RuleId::ParseError,
                    Span::whole(folder_id),
                    format!("cannot list `{relative}`: {error}"),
                    "make the folder readable, or move it out of the workspace",
                ));
                return None;
            }
        };
        let mut entries = Vec::new();
        for dir_entry in listing.into_iter().flatten().flatten() {
            let name = dir_entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = dir_entry.path();
            let relative = format!("{relative}/{name}");
            let Ok(file_type) = dir_entry.file_type() else {
                continue;
            };
            let is_dir = if file_type.is_symlink() {
                match self.link_target(&path) {
                    Some(target) => target.is_dir(),
                    None => {
                        let file = self.workspace.sources.add(relative.clone(), EntryKind::File);
                        self.findings.push(link_outside(&relative, file));
                        continue;
                    }
                }
            } else {
                file_type.is_dir()
            };
            entries.push(Entry { name, path, relative, is_dir });
        }
        self.apply_overlay(folder, relative, &mut entries);
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Some(entries)
    }

    /// Whether the overlay creates a file below `relative`.
    fn overlay_has_below(&self, relative: &str) -> bool {
        let prefix = format!("{relative}/");
        self.overlay
            .range(prefix.clone()..)
            .take_while(|(path, _)| path.starts_with(&prefix))
            .any(|(_, contents)| contents.is_some())
    }

    /// Removes the entries an edit deletes and adds those it creates, with
    /// the folders that new files imply.
    fn apply_overlay(&self, folder: &Path, relative: &str, entries: &mut Vec<Entry>) {
        let prefix = format!("{relative}/");
        entries.retain(|entry| self.overlay.get(&entry.relative) != Some(&None));
        for (path, contents) in self.overlay.range(prefix.clone()..) {
            let Some(rest) = path.strip_prefix(&prefix) else { break };
            if contents.is_none() {
                continue;
            }
            let (name, is_dir) = match rest.split_once('/') {
                Some((dir, _)) => (dir, true),
                None => (rest, false),
            };
            // A link out of the workspace was left out of the listing, with
            // its finding; an edit through it must not bring it back in.
            let leads_outside = || {
                let path = folder.join(name);
                fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
                    && self.link_target(&path).is_none()
            };
            if !entries.iter().any(|entry| entry.name == name) && !leads_outside() {
                entries.push(Entry {
                    name: name.to_owned(),
                    path: folder.join(name),
                    relative: format!("{prefix}{name}"),
                    is_dir,
                });
            }
        }
    }

    /// Where a link leads, when that is inside the workspace.
    fn link_target(&self, link: &Path) -> Option<PathBuf> {
        let target = fs::canonicalize(link).ok()?;
        target.starts_with(&self.canonical_root).then_some(target)
    }
}

fn bad_period_folder(entry: &Entry, folder: FileId) -> Finding {
    let general = "name period folders like `2026`, `2026-H1` or `2026-Q4`, or declare a custom period as `[period.<id>]` with `start` and `end` in `okr.toml`";
    let help = match Period::parse_standard(&entry.name.to_ascii_uppercase()) {
        Some(period) => format!("did you mean `{period}`? {general}"),
        None => general.to_owned(),
    };
    Finding::new(
        RuleId::BadPeriod,
        Span::whole(folder),
        format!("`{}` is not a period", entry.relative),
        help,
    )
}

/// A file's text (from the overlay when an edit changed it), or `None` with
/// a finding when it is not a regular file (a folder, a pipe that would never
/// end, a device), cannot be read, or is not UTF-8.
fn read_text(
    path: &Path,
    relative: &str,
    edited: Option<&Option<Vec<u8>>>,
    file: FileId,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    if let Some(Some(bytes)) = edited {
        return format::decode(bytes.clone(), file, findings);
    }
    let bytes = match fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => fs::read(path).map_err(|error| error.to_string()),
        Ok(metadata) if metadata.is_dir() => Err("it is a folder".to_owned()),
        Ok(_) => Err("it is not a regular file".to_owned()),
        Err(error) => Err(error.to_string()),
    };
    match bytes {
        Ok(bytes) => format::decode(bytes, file, findings),
        Err(reason) => {
            findings.push(Finding::new(
                RuleId::ParseError,
                Span::whole(file),
                format!("cannot read `{relative}`: {reason}"),
                "okr reads regular files only: make it one that okr can read, or move it out of the workspace",
            ));
            None
        }
    }
}

fn link_outside(relative: &str, file: FileId) -> Finding {
    Finding::new(
        RuleId::LinkOutside,
        Span::whole(file),
        format!("`{relative}` is a link that leads outside the workspace or nowhere"),
        "okr reads nothing outside the workspace: replace the link with the file itself",
    )
}
