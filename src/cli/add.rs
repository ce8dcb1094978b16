//! `okr add person|group|objective|kr|initiative`.

use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use toml_edit::{Array, DocumentMut, Item, Table, value};

use okr::classify::{Class, Classification, Focus};
use okr::model::id::Id;
use okr::model::objective::InitiativeStatus;
use okr::model::org::GroupKind;
use okr::model::resolve::Target;
use okr::workspace::Overlay;
use okr::workspace::edit::{EditFile, last_position, make_room_after, text};
use okr::workspace::transaction::Transaction;

use crate::cli::checkin::toml_date;
use crate::cli::commit::{Printed, finish, open, target};
use crate::cli::{Global, parse_day, ui};

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(subcommand)]
    what: AddCommand,

    #[command(flatten)]
    printed: Printed,
}

#[derive(Debug, Subcommand)]
enum AddCommand {
    /// A person, in `people.toml`
    Person {
        /// The person's id, such as `alice`
        id: String,
        /// The name people know them by
        #[arg(long)]
        name: Option<String>,
        /// Their email address
        #[arg(long)]
        email: Option<String>,
    },
    /// A group: a department or a team
    Group {
        /// The group's id, which is also its folder
        id: String,
        /// The name people know it by
        #[arg(long)]
        name: Option<String>,
        /// The group above it in the org chart
        #[arg(long)]
        parent: Option<String>,
        /// The person who leads the group
        #[arg(long)]
        lead: Option<String>,
        /// A member; repeat for more
        #[arg(long = "member")]
        members: Vec<String>,
        /// What the group is in the org chart
        #[arg(long, value_parser = ["team", "department"], default_value = "team")]
        kind: String,
    },
    /// An objective of a group
    Objective {
        /// What the group wants to achieve
        title: String,
        /// The group that owns it
        #[arg(long)]
        group: Option<String>,
        /// The one person who keeps it on track
        #[arg(long)]
        lead: Option<String>,
        /// Its period; the quarter of the as-of day by default
        #[arg(long)]
        period: Option<String>,
        /// The objective it serves, as `group/period/objective`
        #[arg(long)]
        aligned_to: Option<String>,
        /// Its id; derived from the title by default
        #[arg(long)]
        id: Option<String>,
        /// Why it matters now
        #[arg(long)]
        description: Option<String>,
        /// Write it even when its title reads as personal development; `okr check` still reports it
        #[arg(long)]
        force: bool,
    },
    /// A key result of an objective
    Kr(KrArgs),
    /// An initiative: the work that moves key results
    Initiative {
        /// The objective it belongs to
        objective: String,
        /// What the work is
        title: String,
        /// Who does it
        #[arg(long)]
        owner: Option<String>,
        /// A key result it moves; repeat for more
        #[arg(long = "supports")]
        supports: Vec<String>,
        /// When it is due (YYYY-MM-DD)
        #[arg(long, value_parser = parse_day)]
        due: Option<NaiveDate>,
        /// Where it stands; planned by default
        #[arg(long, value_parser = InitiativeStatus::NAMES)]
        status: Option<String>,
        /// Its id; derived from the title by default
        #[arg(long)]
        id: Option<String>,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("measure").required(true).args(["start", "milestone", "at_least", "at_most"])))]
struct KrArgs {
    /// The objective it measures
    objective: String,
    /// What it measures
    title: String,
    /// Where the metric starts (with `--target`)
    #[arg(long, allow_negative_numbers = true, requires = "target")]
    start: Option<String>,
    /// Where the metric should end
    #[arg(long, allow_negative_numbers = true, requires = "start")]
    target: Option<String>,
    /// Done or not
    #[arg(long)]
    milestone: bool,
    /// A level to hold: met while the latest value is at or above N
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    at_least: Option<String>,
    /// A level to hold: met while the latest value is at or below N
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    at_most: Option<String>,
    /// The unit of its figures, such as `%` or `ms`
    #[arg(long)]
    unit: Option<String>,
    /// Its own lead; the objective's lead by default
    #[arg(long)]
    lead: Option<String>,
    /// How much it counts in the objective's progress; 1 by default
    #[arg(long, allow_negative_numbers = true)]
    weight: Option<String>,
    /// Its id; derived from the title by default
    #[arg(long)]
    id: Option<String>,
}

/// What a prompt offers to choose from.
#[derive(Clone, Copy)]
enum Choices {
    Nothing,
    Groups,
    People,
}

/// Asks for missing values before the lock is taken, so that a person
/// thinking at a prompt does not hold up other writers; the workspace is
/// read for the choices only when something is asked.
struct Asker<'a> {
    global: &'a Global,
    workspace: Option<[Vec<String>; 2]>,
}

impl Asker<'_> {
    fn value(
        &mut self,
        given: &Option<String>,
        flag: &str,
        prompt: &str,
        choices: Choices,
    ) -> Result<String> {
        if given.is_some() || !self.global.may_ask {
            return ui::value_or_ask(given.as_deref(), flag, prompt, &[], self.global.may_ask);
        }
        if self.workspace.is_none() {
            let loaded = okr::workspace::load(&self.global.root)?;
            let workspace = &loaded.workspace;
            let groups = okr::report::org_chart_order(workspace, None)
                .into_iter()
                .map(|(id, _)| id.to_string())
                .collect();
            let people = workspace.people.keys().map(|id| id.to_string()).collect();
            self.workspace = Some([groups, people]);
        }
        let [groups, people] = self.workspace.as_ref().expect("just read");
        let offered: &[String] = match choices {
            Choices::Nothing => &[],
            Choices::Groups => groups,
            Choices::People => people,
        };
        ui::value_or_ask(None, flag, prompt, offered, true)
    }
}

pub fn run(global: &Global, args: &AddArgs) -> Result<ExitCode> {
    let mut asker = Asker { global, workspace: None };
    // The values each kind asks for, in the order it uses them.
    let (first, second) = match &args.what {
        AddCommand::Person { name, .. } => {
            (asker.value(name, "--name", "Name", Choices::Nothing)?, String::new())
        }
        AddCommand::Group { name, parent, .. } => (
            asker.value(name, "--name", "Name", Choices::Nothing)?,
            asker.value(parent, "--parent", "Parent group", Choices::Groups)?,
        ),
        AddCommand::Objective { group, lead, .. } => (
            asker.value(group, "--group", "Group that owns it", Choices::Groups)?,
            asker.value(
                &lead.clone().or(global.config.me.clone()),
                "--lead",
                "Lead",
                Choices::People,
            )?,
        ),
        AddCommand::Initiative { owner, .. } => {
            (asker.value(owner, "--owner", "Owner", Choices::People)?, String::new())
        }
        AddCommand::Kr(_) => (String::new(), String::new()),
    };
    let mut allowed: &[&str] = &[];
    let reading = match &args.what {
        AddCommand::Objective { title, .. } => Some(okr::classify::classify(title)),
        _ => None,
    };
    if let (AddCommand::Objective { title, force, .. }, Some(reading)) = (&args.what, &reading) {
        match judge_title(global, title, reading, *force)? {
            Judgement::Write => {}
            Judgement::Force => allowed = CLASSIFIER_RULES,
            Judgement::Stop => {
                eprintln!("error: nothing was written");
                return Ok(ExitCode::from(1));
            }
        }
    }

    let transaction = Transaction::begin(&global.root, global.as_of)?;
    let (edits, what, reference) = match &args.what {
        AddCommand::Person { id, email, .. } => {
            add_person(global, &transaction, id, &first, email.as_deref())?
        }
        AddCommand::Group { id, lead, members, kind, .. } => {
            add_group(&transaction, id, &first, &second, lead.as_deref(), members, kind)?
        }
        AddCommand::Objective { title, period, aligned_to, id, description, .. } => {
            let new = NewObjective {
                title,
                group: &first,
                lead: &second,
                period: period.as_deref(),
                aligned_to: aligned_to.as_deref(),
                id: id.as_deref(),
                description: description.as_deref(),
            };
            add_objective(global, &transaction, new)?
        }
        AddCommand::Kr(kr) => add_key_result(global, &transaction, &kr.objective, kr)?,
        AddCommand::Initiative { objective, title, supports, due, status, id, .. } => {
            add_initiative(
                global,
                &transaction,
                objective,
                title,
                &first,
                supports,
                *due,
                status.as_deref(),
                id.as_deref(),
            )?
        }
    };
    let done = format!("added {what} {reference}");
    let status =
        finish(global, transaction, edits, allowed, &done, &reference, args.printed.json())?;
    if status == ExitCode::from(1) && reading.is_some_and(|reading| reading.certain) {
        eprintln!(
            "help: reword it, or give `--force` to write it anyway; `okr check` then reports it until it is reworded or `[rules] personal-development` is set to `warn`"
        );
    }
    Ok(status)
}

/// The rules that read titles with the classifier: the only errors
/// `add objective --force` lets through (SPEC §7).
const CLASSIFIER_RULES: &[&str] =
    &["personal-development", "initiative-as-objective", "key-result-as-objective"];

/// What to do with an objective after reading its title.
enum Judgement {
    Write,
    /// Write it, letting the classifier's errors through.
    Force,
    Stop,
}

/// Reads a new objective's title with the classifier. A title that reads
/// as personal development or an initiative is asked about on a terminal,
/// before the lock is taken; elsewhere personal development is refused by
/// the validator unless `--force` is given, and an initiative or a key
/// result is written with a warning.
fn judge_title(
    global: &Global,
    title: &str,
    reading: &Classification,
    force: bool,
) -> Result<Judgement> {
    let class = reading.class;
    if force {
        return Ok(Judgement::Force);
    }
    if class == Class::Objective {
        return Ok(Judgement::Write);
    }

    let asked = matches!(class, Class::PersonalDevelopment | Class::Initiative) && global.may_ask;
    // Off a terminal the validator's finding says it, when it is one.
    if !asked && reading.certain {
        return Ok(Judgement::Write);
    }
    let reasons = reading.reasons().join("; ");
    let title = okr::render::printable(title);
    // Certain personal development is an error of `okr check`; the rest warns.
    let level = if reading.certain { "error" } else { "warning" };
    eprintln!("{level}: `{title}` reads as {}: {reasons}", class.phrase());
    if !asked {
        return Ok(Judgement::Write);
    }
    eprintln!("help: {}", okr::classify::advice(class, Focus::Unknown, &[]));
    if ui::confirm("Write it as an objective anyway?", false)? {
        Ok(Judgement::Force)
    } else {
        Ok(Judgement::Stop)
    }
}

type Added = (Overlay, &'static str, String);

/// An id the user gave, or one derived from a title; taken ids are refused.
fn new_id(given: Option<&str>, title: &str, taken: impl Fn(&Id) -> bool) -> Result<Id> {
    let id = match given {
        Some(given) => Id::parse(given).map_err(|error| anyhow!("`{given}` is not an id: {error}\nhelp: ids are lowercase letters, digits and single dashes"))?,
        None => Id::from_title(title).ok_or_else(|| anyhow!("no id can be made from `{title}`\nhelp: give one with `--id`"))?,
    };
    if taken(&id) {
        bail!("`{id}` is taken\nhelp: choose another with `--id`");
    }
    Ok(id)
}

fn parse_id(text: &str, what: &str) -> Result<Id> {
    Id::parse(text).map_err(|error| anyhow!("{what} `{text}` is not an id: {error}\nhelp: ids are lowercase letters, digits and single dashes"))
}

/// Adds `[<table>.<id>]` at the end of the document, creating `<table>`.
fn append_entry(doc: &mut DocumentMut, table: &str, id: &Id, mut entry: Table) {
    let after = last_position(doc.as_table()).unwrap_or(0);
    entry.set_position(Some(after + 1));
    let parent = doc.entry(table).or_insert_with(|| {
        let mut implicit = Table::new();
        implicit.set_implicit(true);
        Item::Table(implicit)
    });
    if let Some(parent) = parent.as_table_mut() {
        parent.insert(id.as_str(), Item::Table(entry));
    }
}

fn add_person(
    global: &Global,
    transaction: &Transaction,
    id: &str,
    name: &str,
    email: Option<&str>,
) -> Result<Added> {
    let id = parse_id(id, "person")?;
    if transaction.loaded.workspace.people.contains_key(&id) {
        bail!("person `{id}` is already in `people.toml`");
    }
    let exists = global.root.join("people.toml").exists();
    let mut file = if exists {
        open(global, &Overlay::new(), "people.toml")?
    } else {
        EditFile::new("people.toml")
    };
    let mut person = Table::new();
    person.insert("name", Item::Value(text(name, false)));
    if let Some(email) = email {
        person.insert("email", Item::Value(text(email, false)));
    }
    append_entry(&mut file.doc, "person", &id, person);
    Ok((Overlay::from([file.change()]), "person", id.to_string()))
}

fn add_group(
    transaction: &Transaction,
    id: &str,
    name: &str,
    parent: &str,
    lead: Option<&str>,
    members: &[String],
    kind: &str,
) -> Result<Added> {
    let id = parse_id(id, "group")?;
    let workspace = &transaction.loaded.workspace;
    if workspace.groups.contains_key(&id) || workspace.group_folders.contains_key(&id) {
        bail!("group `{id}` exists already");
    }
    let kind = GroupKind::parse(kind).expect("clap allows only group kinds");
    let mut file = EditFile::new(&format!("groups/{id}/group.toml"));
    let doc = &mut file.doc;
    doc.insert("name", Item::Value(text(name, false)));
    doc.insert("kind", value(kind.as_str()));
    doc.insert("parent", Item::Value(text(parent, false)));
    if let Some(lead) = lead {
        doc.insert("lead", Item::Value(text(lead, false)));
    }
    doc.insert("members", value(members.iter().map(String::as_str).collect::<Array>()));
    Ok((Overlay::from([file.change()]), "group", id.to_string()))
}

struct NewObjective<'a> {
    title: &'a str,
    group: &'a str,
    lead: &'a str,
    period: Option<&'a str>,
    aligned_to: Option<&'a str>,
    id: Option<&'a str>,
    description: Option<&'a str>,
}

fn add_objective(
    global: &Global,
    transaction: &Transaction,
    new: NewObjective<'_>,
) -> Result<Added> {
    let workspace = &transaction.loaded.workspace;
    let group = global.group(workspace, new.group)?;
    let period = global.period(workspace, new.period)?;
    let folder = format!("groups/{group}/{period}");
    let id =
        new_id(new.id, new.title, |id| global.root.join(format!("{folder}/{id}.toml")).exists())?;

    let mut file = EditFile::new(&format!("{folder}/{id}.toml"));
    let doc = &mut file.doc;
    doc.insert("title", Item::Value(text(new.title, false)));
    doc.insert("lead", Item::Value(text(new.lead, false)));
    if let Some(parent) = new.aligned_to {
        let parent = full_objective_reference(global, workspace, parent)?;
        doc.insert("aligned_to", Item::Value(text(&parent, false)));
    }
    if let Some(description) = new.description {
        doc.insert("description", Item::Value(text(description, false)));
    }
    let reference = format!("{group}/{period}/{id}");
    Ok((Overlay::from([file.change()]), "objective", reference))
}

/// The full reference of the objective a short one names.
pub fn full_objective_reference(
    global: &Global,
    workspace: &okr::model::Workspace,
    text: &str,
) -> Result<String> {
    match target(global, workspace, text)? {
        Target::Objective(index) => Ok(workspace.objectives[index].reference.to_string()),
        _ => bail!(
            "`{text}` is not an objective\nhelp: align to an objective, as `group/period/objective` or shorter"
        ),
    }
}

/// The objective a reference names, with its file opened for editing.
fn objective_file(
    global: &Global,
    transaction: &Transaction,
    text: &str,
) -> Result<(String, EditFile, Vec<Id>)> {
    let workspace = &transaction.loaded.workspace;
    let Target::Objective(index) = target(global, workspace, text)? else {
        bail!(
            "`{text}` is not an objective\nhelp: name one as `group/period/objective`, or shorter"
        );
    };
    let objective = &workspace.objectives[index];
    let relative = workspace.sources.path(objective.file).to_owned();
    let taken = objective
        .key_results
        .iter()
        .map(|kr| kr.id.clone())
        .chain(objective.initiatives.iter().map(|i| i.id.clone()))
        .collect();
    Ok((objective.reference.to_string(), open(global, &Overlay::new(), &relative)?, taken))
}

fn number(text: &str, flag: &str) -> Result<toml_edit::Value> {
    okr::workspace::edit::number(text).ok_or_else(|| {
        anyhow!("`--{flag} {text}` is not a number\nhelp: give a figure such as `32` or `12.5`")
    })
}

fn add_key_result(
    global: &Global,
    transaction: &Transaction,
    objective: &str,
    args: &KrArgs,
) -> Result<Added> {
    let (objective, mut file, taken) = objective_file(global, transaction, objective)?;
    let id = new_id(args.id.as_deref(), &args.title, |id| taken.contains(id))?;

    let mut kr = Table::new();
    kr.insert("title", Item::Value(text(&args.title, false)));
    match (&args.start, &args.target, args.milestone, &args.at_least, &args.at_most) {
        (Some(start), Some(target), ..) => {
            kr.insert("start", value(number(start, "start")?));
            kr.insert("target", value(number(target, "target")?));
        }
        (_, _, true, _, _) => {
            kr.insert("kind", value("milestone"));
        }
        (_, _, _, Some(level), _) => {
            kr.insert("kind", value("at-least"));
            kr.insert("target", value(number(level, "at-least")?));
        }
        (_, _, _, _, Some(level)) => {
            kr.insert("kind", value("at-most"));
            kr.insert("target", value(number(level, "at-most")?));
        }
        _ => unreachable!("clap requires one way to measure"),
    }
    if let Some(unit) = &args.unit {
        kr.insert("unit", Item::Value(text(unit, false)));
    }
    if let Some(lead) = &args.lead {
        kr.insert("lead", Item::Value(text(lead, false)));
    }
    if let Some(weight) = &args.weight {
        kr.insert("weight", value(number(weight, "weight")?));
    }
    insert_key_result(&mut file.doc, &id, kr);
    Ok((Overlay::from([file.change()]), "key result", format!("{objective}/{id}")))
}

/// A new key result goes after the last key result, before the initiatives.
fn insert_key_result(doc: &mut DocumentMut, id: &Id, mut kr: Table) {
    let last_kr = doc.get("key_result").and_then(Item::as_table).and_then(last_position);
    let first_initiative = doc
        .get("initiative")
        .and_then(Item::as_table)
        .and_then(|table| table.iter().filter_map(|(_, item)| item.as_table()?.position()).min());
    let after = match (last_kr, first_initiative) {
        (Some(last), _) => last,
        (None, Some(first)) => first - 1,
        (None, None) => last_position(doc.as_table()).unwrap_or(0),
    };
    make_room_after(doc.as_table_mut(), after);
    kr.set_position(Some(after + 1));
    let parent = doc.entry("key_result").or_insert_with(|| {
        let mut implicit = Table::new();
        implicit.set_implicit(true);
        Item::Table(implicit)
    });
    if let Some(parent) = parent.as_table_mut() {
        parent.insert(id.as_str(), Item::Table(kr));
    }
}

#[allow(clippy::too_many_arguments)]
fn add_initiative(
    global: &Global,
    transaction: &Transaction,
    objective: &str,
    title: &str,
    owner: &str,
    supports: &[String],
    due: Option<NaiveDate>,
    status: Option<&str>,
    id: Option<&str>,
) -> Result<Added> {
    let (objective, mut file, taken) = objective_file(global, transaction, objective)?;
    let id = new_id(id, title, |id| taken.contains(id))?;
    let mut initiative = Table::new();
    initiative.insert("title", Item::Value(text(title, false)));
    initiative.insert("owner", Item::Value(text(owner, false)));
    if !supports.is_empty() {
        initiative
            .insert("supports", value(supports.iter().map(String::as_str).collect::<Array>()));
    }
    if let Some(status) = status {
        initiative.insert("status", Item::Value(text(status, false)));
    }
    if let Some(due) = due {
        initiative.insert("due", value(toml_date(due)));
    }
    append_entry(&mut file.doc, "initiative", &id, initiative);
    Ok((Overlay::from([file.change()]), "initiative", format!("{objective}/{id}")))
}
