//! The terminal: colour, and how a failure is told. The only place that
//! knows whether a terminal is there.

use std::io::IsTerminal;

use okr::workspace::NotAWorkspace;

use crate::cli::ColorChoice;

/// Whether to colour standard output: `--color always` or `never` decide;
/// otherwise `NO_COLOR`, set to any value, turns colour off, and anstream's
/// reading of the other conventions decides (`CLICOLOR_FORCE` turns it on,
/// and else only a terminal gets colour).
pub fn colour_wanted(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // anstream ignores an empty `NO_COLOR`; okr honours it set to any value.
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some() => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) == anstream::ColorChoice::Always
        }
    }
}

/// Whether a failure is only the reader of standard output going away
/// (`okr report | head -1`): that ends okr quietly, and successfully.
pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints why a command could not run, with a hint where there is one.
pub fn report_failure(error: &anyhow::Error) {
    eprintln!("error: {error}");
    for cause in error.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    if let Some(not_a_workspace) = error.downcast_ref::<NotAWorkspace>() {
        eprintln!("help: {}", not_a_workspace.help());
    }
}

/// The terminal's width for tables: `COLUMNS` when it is set (0 meaning
/// unknown), else the terminal's own when standard output is one.
pub fn terminal_width() -> Option<u16> {
    match std::env::var("COLUMNS").ok().map(|columns| columns.trim().parse::<u16>()) {
        Some(Ok(0)) => None,
        Some(Ok(width)) => Some(width),
        _ if std::io::stdout().is_terminal() => comfy_table::Table::new().width(),
        _ => None,
    }
}

/// Whether okr may ask: both ends are a terminal and `--no-input` is absent.
pub fn may_ask(no_input: bool) -> bool {
    !no_input && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// A required value: the one given, else asked for on a terminal (from
/// `choices` when the workspace has some), else an error naming the flag.
pub fn value_or_ask(
    given: Option<&str>,
    flag: &str,
    prompt: &str,
    choices: &[String],
    may_ask: bool,
) -> anyhow::Result<String> {
    if let Some(given) = given {
        return Ok(given.to_owned());
    }
    if !may_ask {
        anyhow::bail!(
            "`{flag}` is required\nhelp: give it on the command line; okr asks for it only on a terminal"
        );
    }
    restore_terminal_on_interrupt();
    let theme = dialoguer::theme::SimpleTheme;
    let answer = if choices.is_empty() {
        dialoguer::Input::<String>::with_theme(&theme).with_prompt(prompt).interact_text()
    } else {
        let select =
            dialoguer::Select::with_theme(&theme).with_prompt(prompt).items(choices).default(0);
        select.interact().map(|index| choices[index].clone())
    };
    // In raw mode Ctrl-C reaches the prompt as a key, not as a signal: it
    // ends okr like the signal does, before anything is written.
    answer.map_err(|error| prompt_failed(error, flag))
}

/// A yes-or-no question on a terminal, with `default` pre-selected.
pub fn confirm(prompt: &str, default: bool) -> anyhow::Result<bool> {
    restore_terminal_on_interrupt();
    let theme = dialoguer::theme::SimpleTheme;
    let answer = dialoguer::Confirm::with_theme(&theme)
        .with_prompt(prompt)
        .default(default)
        .wait_for_newline(true)
        .interact();
    answer.map_err(|error| prompt_failed(error, prompt))
}

/// What a failed prompt means: Ctrl-C ends okr, anything else is an error.
fn prompt_failed(dialoguer::Error::IO(error): dialoguer::Error, what: &str) -> anyhow::Error {
    let _ = console::Term::stderr().show_cursor();
    if error.kind() == std::io::ErrorKind::Interrupted {
        eprintln!();
        std::process::exit(130);
    }
    anyhow::anyhow!("cannot ask `{what}`: {error}")
}

/// Ctrl-C at a prompt ends okr before anything is written; the cursor a
/// prompt hides is shown again, so that the terminal stays usable.
fn restore_terminal_on_interrupt() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            let _ = console::Term::stderr().show_cursor();
            eprintln!();
            std::process::exit(130);
        });
    });
}
