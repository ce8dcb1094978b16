//! The `okr` binary: parse the command line, run the command, and turn the
//! outcome into an exit status (0 fine, 1 findings, 2 could not run).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Developer logs, to stderr, only when `OKR_LOG` asks for them
    // (`OKR_LOG=debug`, `OKR_LOG=okr::workspace=trace`).
    env_logger::Builder::from_env(
        env_logger::Env::new().filter("OKR_LOG").write_style("OKR_LOG_STYLE"),
    )
    .init();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(status) => status,
        Err(error) if cli::ui::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            cli::ui::report_failure(&error);
            ExitCode::from(2)
        }
    }
}
