//! The terminal: colour, and how a failure is told. The only place that
//! knows whether a terminal is there.

use std::io::IsTerminal;

use okr::workspace::NotAWorkspace;

use crate::cli::ColorChoice;

/// Whether to colour standard output: `--color`, then `NO_COLOR`, then
/// whether standard output is a terminal.
pub fn colour_wanted(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
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
