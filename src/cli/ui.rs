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
