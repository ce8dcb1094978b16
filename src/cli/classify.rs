//! `okr classify`: what a proposed objective really is, why, and what to do
//! with it (SPEC §5).
//!
//! It works outside a workspace too; inside one, the advice for an
//! initiative or a key result names objectives of the current period it
//! could go under.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use okr::classify::{self, Class, Classification, Focus, Homes};
use okr::model::Workspace;
use okr::render::printable;

use crate::cli::ui;

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// The statement to classify, or `-` to read one a line from stdin
    statement: String,

    /// Walk the decision as questions on a terminal; the answers decide
    #[arg(long)]
    ask: bool,

    /// Whether only one person should focus on it: the last question, answered
    #[arg(long, value_enum, value_name = "ANSWER")]
    single_person: Option<YesNo>,

    /// How to print the answer
    #[arg(long, value_enum, default_value_t = ClassifyFormat::Text)]
    format: ClassifyFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum YesNo {
    Yes,
    No,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ClassifyFormat {
    Text,
    Json,
}

/// The answer for one statement, as SPEC §5 prints it.
#[derive(Serialize)]
struct Answer {
    statement: String,
    class: Class,
    focus: Focus,
    reasons: Vec<String>,
    advice: String,
    /// Whether the validator would fail on it as personal development.
    certain: bool,
}

/// What the command knows besides the statement.
pub struct Surroundings {
    /// The workspace's objectives of the current period that read as
    /// objectives, matched on their title and their key results' titles.
    pub homes: Homes,
    /// Whether `--no-input` was given.
    pub no_input: bool,
    pub may_ask: bool,
}

impl Surroundings {
    /// The objectives of `workspace` (loaded for the current period) when
    /// okr runs in one; none elsewhere, since a statement can be judged
    /// without one.
    pub fn from(workspace: Option<&Workspace>, no_input: bool, may_ask: bool) -> Surroundings {
        let homes = workspace.map(homes).unwrap_or_default();
        Surroundings { homes, no_input, may_ask }
    }
}

/// The objectives an initiative or a key result could go under: those whose
/// title reads as an objective, since one that reads as work or a measure
/// is no home for more of it.
fn homes(ws: &Workspace) -> Homes {
    Homes::new(ws.objectives.iter().filter_map(|objective| {
        let title = &objective.title.as_ref()?.value;
        if classify::classify(title).class != Class::Objective {
            return None;
        }
        let mut text = title.to_string();
        for kr in &objective.key_results {
            if let Some(kr_title) = &kr.title {
                text.push_str(". ");
                text.push_str(&kr_title.value);
            }
        }
        Some((objective.reference.to_string(), text))
    }))
}

pub fn run(args: &ClassifyArgs, surroundings: &Surroundings) -> Result<ExitCode> {
    let focus = match args.single_person {
        Some(YesNo::Yes) => Focus::Individual,
        Some(YesNo::No) => Focus::Group,
        None => Focus::Unknown,
    };
    if args.statement == "-" {
        anyhow::ensure!(
            !args.ask,
            "`--ask` cannot read statements from stdin\nhelp: give one statement"
        );
        return each_line(args, focus, surroundings);
    }
    anyhow::ensure!(
        !(args.ask && surroundings.no_input),
        "`--ask` asks questions and `--no-input` forbids them\nhelp: drop one of the two"
    );
    anyhow::ensure!(
        !args.ask || surroundings.may_ask,
        "`--ask` needs a terminal\nhelp: run it in a terminal, or drop `--ask` and give `--single-person yes|no`"
    );
    anyhow::ensure!(
        has_words(&args.statement),
        "there is nothing to classify in `{}`\nhelp: give the statement in words, such as `okr classify \"Grow revenue in Europe\"`",
        printable(&args.statement)
    );

    let answer = if args.ask {
        walk(&args.statement, focus, surroundings)?
    } else {
        answer(&args.statement, classify::classify(&args.statement), focus, surroundings)
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        ClassifyFormat::Text => write!(out, "{}", text(&answer))?,
        ClassifyFormat::Json => write!(out, "{}", okr::report::json(&answer))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a statement has a letter or a digit to read.
fn has_words(statement: &str) -> bool {
    statement.chars().any(char::is_alphanumeric)
}

/// `okr classify -`: one answer a line, in order. Blank lines are skipped,
/// and so, with a warning on stderr, are lines that are not UTF-8 or have
/// no word to read, so that one bad line does not lose the rest.
fn each_line(args: &ClassifyArgs, focus: Focus, surroundings: &Surroundings) -> Result<ExitCode> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    for (number, line) in stdin.split(b'\n').enumerate() {
        let bytes = line?;
        let Ok(line) = std::str::from_utf8(&bytes) else {
            eprintln!("warning: line {} of stdin is not UTF-8; skipped", number + 1);
            continue;
        };
        let statement = line.trim_start_matches('\u{feff}').trim_end_matches('\r').trim();
        if statement.is_empty() {
            continue;
        }
        if !has_words(statement) {
            eprintln!("warning: line {} of stdin has nothing to classify; skipped", number + 1);
            continue;
        }
        let answer = answer(statement, classify::classify(statement), focus, surroundings);
        match args.format {
            ClassifyFormat::Text => {
                writeln!(out, "{}: {}", answer.class.as_str(), printable(&answer.statement))?;
            }
            ClassifyFormat::Json => {
                write!(out, "{}", okr::report::json(&answer))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn answer(
    statement: &str,
    found: Classification,
    focus: Focus,
    surroundings: &Surroundings,
) -> Answer {
    Answer {
        statement: statement.to_owned(),
        class: found.class,
        focus,
        reasons: found.reasons(),
        advice: advice(statement, found.class, focus, surroundings),
        certain: found.certain,
    }
}

/// The advice for `class`, naming the objectives an initiative or a key
/// result could go under.
fn advice(statement: &str, class: Class, focus: Focus, surroundings: &Surroundings) -> String {
    let homes = match class {
        Class::Initiative | Class::KeyResult => surroundings.homes.best(statement, None),
        Class::PersonalDevelopment | Class::Objective => Vec::new(),
    };
    classify::advice(class, focus, &homes)
}

fn text(answer: &Answer) -> String {
    let mut out = format!("{}: {}\n", answer.class.as_str(), printable(&answer.statement));
    if answer.focus != Focus::Unknown {
        let focus = if answer.focus == Focus::Individual { "one person" } else { "a group" };
        out.push_str(&format!("  focus: {focus}\n"));
    }
    for reason in &answer.reasons {
        out.push_str(&format!("  - {}\n", printable(reason)));
    }
    out.push_str(&format!("help: {}\n", answer.advice));
    out
}

/// `--ask`: the decision of SPEC §1 as questions, each pre-set to the
/// classifier's reading; the first yes decides. A `focus` already known
/// (from `--single-person`) answers the last question.
fn walk(statement: &str, focus: Focus, surroundings: &Surroundings) -> Result<Answer> {
    let found = classify::classify(statement);
    let questions = [
        (
            Class::PersonalDevelopment,
            "Is it about one person's own growth (a skill, a course, a certification)?",
        ),
        (
            Class::Initiative,
            "Is it something that must be done: a task or a project with a deliverable?",
        ),
        (
            Class::KeyResult,
            "Is it a number to move, or a milestone, that shows progress on something bigger?",
        ),
    ];
    eprintln!("{}", printable(statement));
    for (class, question) in questions {
        if ui::confirm(question, found.class == class)? {
            return Ok(decided(statement, class, Focus::Unknown, &found, surroundings));
        }
    }

    let focus = match focus {
        Focus::Unknown if ui::confirm("Should only one person focus on it?", false)? => {
            Focus::Individual
        }
        Focus::Unknown => Focus::Group,
        given => given,
    };
    Ok(decided(statement, Class::Objective, focus, &found, surroundings))
}

/// The answer the questions gave, with what the classifier read when it
/// read otherwise.
fn decided(
    statement: &str,
    class: Class,
    focus: Focus,
    found: &Classification,
    surroundings: &Surroundings,
) -> Answer {
    let said = match class {
        Class::PersonalDevelopment => "you answered that it is about one person's own growth",
        Class::Initiative => "you answered that it is something that must be done",
        Class::KeyResult => "you answered that it is a number or milestone that shows progress",
        Class::Objective if focus == Focus::Individual => {
            "you answered that it is an outcome only one person should focus on"
        }
        Class::Objective => "you answered that it is an outcome several people should focus on",
    };
    let mut reasons = vec![said.to_owned()];
    if found.class == class {
        reasons.extend(found.reasons());
    } else {
        let read = found.reasons().join("; ");
        reasons.push(format!("the classifier read it as {}: {read}", found.class.phrase()));
    }

    Answer {
        statement: statement.to_owned(),
        class,
        focus,
        reasons,
        advice: advice(statement, class, focus, surroundings),
        certain: class == Class::PersonalDevelopment,
    }
}
