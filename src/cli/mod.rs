//! The command line: what the user typed, resolved once into what the
//! library needs, then handed to one module per command.

mod add;
mod check;
mod checkin;
mod classify;
mod commit;
pub mod config;
mod edit;
mod help;
mod history;
mod init;
mod list;
mod mv;
mod report;
mod rm;
mod set;
mod show;
mod tree;
pub mod ui;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use okr::model::Workspace;
use okr::model::id::Id;
use okr::model::period::Period;
use okr::workspace::{Loaded, find_root, named_root};

/// Objectives and key results kept as TOML files in a git repository.
#[derive(Debug, Parser)]
#[command(name = "okr", version, about, max_term_width = 100)]
pub struct Cli {
    /// Run as if started in DIR
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub directory: Option<PathBuf>,

    /// Judge the workspace as on this day (YYYY-MM-DD) instead of today; also `OKR_AS_OF`
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<NaiveDate>,

    /// When to colour the output
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Print less: no summary or status lines
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: the workspace and the day it is judged on, on stderr
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Never prompt; fail where a value is missing (`check` never prompts)
    #[arg(long, global = true)]
    pub no_input: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the workspace: every file, every rule
    Check(check::CheckArgs),
    /// Record where a key result stands
    Checkin(checkin::CheckinArgs),
    /// Say what a proposed objective really is: personal development, an initiative, a key result or an objective
    Classify(classify::ClassifyArgs),
    /// Create a workspace with its company group
    Init(init::InitArgs),
    /// Add a person, group, objective, key result or initiative
    Add(add::AddArgs),
    /// Change one field of a group, objective, key result or initiative
    Set(set::SetArgs),
    /// Move an objective, or rename a key result or initiative
    Mv(mv::MvArgs),
    /// Remove what nothing references any more
    Rm(rm::RmArgs),
    /// Edit a group's or an objective's file in your editor, checked before it is saved
    Edit(edit::EditArgs),
    /// Print a completion script for a shell
    Completions(help::CompletionsArgs),
    /// Print the manual page, in roff
    Man,
    /// Print your own settings and where each came from
    Config,
    /// Print the JSON Schema of a file kind, for editors
    Schema(help::SchemaArgs),
    /// Print the references of the workspace, one a line, for shell completion
    #[command(name = "__references", hide = true)]
    References,
    /// Report a period: progress, pace and score of every objective
    Report(report::ReportArgs),
    /// Show one group, objective, key result or initiative
    Show(show::ShowArgs),
    /// List objectives, key results, initiatives, groups or people
    List(list::ListArgs),
    /// Show how a period's objectives align, the company's at the root
    Tree(tree::TreeArgs),
    /// Show a group's objectives and scores period by period
    History(history::HistoryArgs),
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parses `YYYY-MM-DD` exactly: four-digit year, two-digit month and day.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let shape = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let day = shape.then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()).flatten();
    day.ok_or_else(|| format!("`{text}` is not a date; write it as YYYY-MM-DD"))
}

/// The day to judge on: `--as-of`, else `OKR_AS_OF` unless it is empty, else today.
fn as_of(flag: Option<NaiveDate>) -> Result<NaiveDate> {
    if let Some(day) = flag {
        return Ok(day);
    }
    match std::env::var("OKR_AS_OF") {
        Ok(text) if !text.is_empty() => {
            parse_day(&text).map_err(|error| anyhow::anyhow!("OKR_AS_OF: {error}"))
        }
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Settings every command shares, resolved from the global options.
pub struct Global {
    pub root: PathBuf,
    /// The user's own settings.
    pub config: config::UserConfig,
    pub as_of: NaiveDate,
    pub colour: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// Whether okr may prompt for a missing value.
    pub may_ask: bool,
}

impl Cli {
    /// Finds the workspace: `-C DIR` is searched upward like the current
    /// folder; `OKR_WORKSPACE` names the root itself.
    fn global(&self) -> Result<Global> {
        let root = match (&self.directory, std::env::var_os("OKR_WORKSPACE")) {
            (Some(directory), _) if !directory.is_dir() => {
                let problem = if directory.exists() { "not a folder" } else { "no such folder" };
                anyhow::bail!("`-C {}`: {problem}", directory.display())
            }
            (Some(directory), _) => find_root(directory)?,
            (None, Some(named)) if !named.is_empty() => named_root(&PathBuf::from(named))?,
            _ => find_root(&std::env::current_dir()?)?,
        };
        let as_of = as_of(self.as_of)?;
        let config = config::load()?;
        let colour = match (self.color, config.color.as_deref()) {
            (Some(choice), _) => choice,
            (None, Some("always")) => ColorChoice::Always,
            (None, Some("never")) => ColorChoice::Never,
            (None, _) => ColorChoice::Auto,
        };
        Ok(Global {
            root,
            as_of,
            colour: ui::colour_wanted(colour),
            config,
            quiet: self.quiet,
            verbose: self.verbose,
            may_ask: ui::may_ask(self.no_input),
        })
    }
}

impl Cli {
    /// What `okr classify` can use of the workspace it runs in, if any: a
    /// statement is judged the same outside one. A `-C` folder that does
    /// not exist is still an error, as for every command.
    fn classify_surroundings(&self) -> Result<classify::Surroundings> {
        let may_ask = ui::may_ask(self.no_input);
        if let Some(directory) = self.directory.as_ref().filter(|d| !d.is_dir()) {
            let problem = if directory.exists() { "not a folder" } else { "no such folder" };
            anyhow::bail!("`-C {}`: {problem}", directory.display());
        }
        let Ok(global) = self.global() else {
            if self.verbose {
                eprintln!("classifying outside a workspace: no objectives to suggest");
            }
            return Ok(classify::Surroundings::from(None, self.no_input, may_ask));
        };
        if global.verbose {
            eprintln!(
                "classifying in `{}`, with the objectives of the period of {}",
                global.root.display(),
                global.as_of
            );
        }
        let scope = okr::workspace::Scope::Period(None, global.as_of);
        let loaded =
            okr::workspace::load_scoped(&global.root, okr::workspace::Overlay::new(), scope).ok();
        Ok(classify::Surroundings::from(
            loaded.as_ref().map(|l| &l.workspace),
            self.no_input,
            may_ask,
        ))
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // These make a workspace or print about okr itself: they look for none.
    match &cli.command {
        Command::Init(args) => return init::run(args, cli.quiet),
        Command::Completions(args) => return help::completions(args),
        Command::Man => return help::man(),
        Command::Config => return config::show(&config::load()?),
        Command::Schema(args) => return help::schema(args),
        Command::Classify(args) => return classify::run(args, &cli.classify_surroundings()?),
        _ => {}
    }
    let global = cli.global()?;
    match &cli.command {
        Command::Check(args) => check::run(&global, args),
        Command::Checkin(args) => checkin::run(&global, args),
        Command::Init(_)
        | Command::Completions(_)
        | Command::Man
        | Command::Config
        | Command::Schema(_)
        | Command::Classify(_) => {
            unreachable!("handled before the workspace is looked for")
        }
        Command::Add(args) => add::run(&global, args),
        Command::Set(args) => set::run(&global, args),
        Command::Mv(args) => mv::run(&global, args),
        Command::Rm(args) => rm::run(&global, args),
        Command::Edit(args) => edit::run(&global, args),
        Command::Report(args) => report::run(&global, args),
        Command::Show(args) => show::run(&global, args),
        Command::List(args) => list::run(&global, args),
        Command::Tree(args) => tree::run(&global, args),
        Command::History(args) => history::run(&global, args),
        Command::References => help::references(&global),
    }
}

impl Global {
    /// Loads the workspace for a command that reads it, and says on stderr
    /// when it has errors, since figures from broken files may be off.
    pub fn load(&self) -> Result<Loaded> {
        let loaded = okr::workspace::load(&self.root)?;
        self.warn_of_errors(okr::rules::check(&loaded, self.as_of).errors, "the workspace has");
        Ok(loaded)
    }

    /// Loads what a report of one period needs. Only what the loader found
    /// is counted for the warning: rules that look across periods would see
    /// the rest of the workspace missing.
    pub fn load_period(&self, period: Option<&str>) -> Result<Loaded> {
        let scope = okr::workspace::Scope::Period(period, self.as_of);
        let loaded =
            okr::workspace::load_scoped(&self.root, okr::workspace::Overlay::new(), scope)?;
        self.warn_of_errors(okr::rules::load_errors(&loaded), "the files of this period have");
        Ok(loaded)
    }

    /// Says on stderr, unless quiet, that figures may rest on broken files.
    fn warn_of_errors(&self, errors: usize, whose: &str) {
        if errors > 0 && !self.quiet {
            let errors = okr::report::text::count(errors, "error");
            eprintln!("warning: {whose} {errors}; `okr check` lists them");
        }
    }

    /// The period named on the command line, or the quarter of the as-of day.
    pub fn period(&self, workspace: &Workspace, text: Option<&str>) -> Result<Period> {
        let calendar = &workspace.settings.calendar;
        match text {
            None => Ok(calendar.quarter_of(self.as_of)),
            Some(text) => Period::parse(text, calendar).ok_or_else(|| {
                anyhow::anyhow!(
                    "`{text}` is not a period: use `2026`, `2026-H1`, `2026-Q4` or a custom period of `okr.toml`"
                )
            }),
        }
    }

    /// The group named on the command line.
    pub fn group<'a>(&self, workspace: &'a Workspace, text: &str) -> Result<&'a Id> {
        let id = Id::parse(text)
            .ok()
            .and_then(|id| workspace.groups.get_key_value(&id).map(|(key, _)| key));
        id.ok_or_else(|| {
            let hint = match okr::finding::closest(text, workspace.groups.keys().map(Id::as_str)) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => String::new(),
            };
            anyhow::anyhow!("`{text}` is not a group{hint}")
        })
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
