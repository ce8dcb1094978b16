//! okr in a developer's toolbox: shell completions, the manual page, colour
//! conventions and a closed pipe.

use std::process::{Command, Stdio};

use crate::support::{AS_OF, FASTER_PAGES, Workspace, okr_command, repository};

#[test]
fn bash_completes_subcommands_from_the_generated_script() {
    let script = crate::support::okr_in(&repository(), &["completions", "bash"]).stdout;
    let ws = Workspace::bare();
    ws.write("okr.bash", &script);
    // Load the script in a real bash and ask it what `okr che<TAB>` offers.
    let probe = format!(
        "source {}; complete -p okr; COMP_WORDS=(okr che); COMP_CWORD=1; COMP_LINE='okr che'; COMP_POINT=7; _okr okr che okr; echo \"${{COMPREPLY[@]}}\"",
        ws.path().join("okr.bash").display()
    );
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    assert!(lines.next().is_some_and(|line| line.contains("-F _okr okr")), "{stdout}");
    let offered = lines.next().unwrap_or("");
    let mut words: Vec<&str> = offered.split_whitespace().collect();
    words.sort();
    assert_eq!(words, ["check", "checkin"], "{stdout}");

    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let run = crate::support::okr_in(&repository(), &["completions", shell]);
        assert_eq!(run.status, 0);
        assert!(run.stdout.contains("checkin"), "{shell}");
    }
}

#[test]
fn the_manual_page_is_roff_naming_every_command() {
    let page = crate::support::okr_in(&repository(), &["man"]).stdout;
    assert!(page.contains(".TH okr 1"), "{page}");
    for command in ["check", "report", "checkin", "completions"] {
        assert!(page.contains(command), "{command}");
    }
}

/// `okr check` (human, with a finding) under an environment and colour flag.
fn check_colour(env: &[(&str, &str)], flag: &str) -> bool {
    let ws = Workspace::new();
    ws.write(
        "groups/web/2026-Q4/faster-pages.toml",
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bob\"\ntitel = 1"),
    );
    let mut command = okr_command(ws.path());
    command
        .args(["check", "--as-of", AS_OF, "--color", flag])
        .env_remove("CLICOLOR")
        .env_remove("TERM");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    String::from_utf8_lossy(&output.stdout).contains('\u{1b}')
}

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
    // Not a terminal: no colour by default.
    assert!(!check_colour(&[], "auto"));
    // CLICOLOR_FORCE turns it on, NO_COLOR off, and NO_COLOR wins.
    assert!(check_colour(&[("CLICOLOR_FORCE", "1")], "auto"));
    assert!(!check_colour(&[("NO_COLOR", "1")], "auto"));
    assert!(!check_colour(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")], "auto"));
    // The flag beats the environment.
    assert!(check_colour(&[("NO_COLOR", "1")], "always"));
    assert!(!check_colour(&[("CLICOLOR_FORCE", "1")], "never"));
}

#[test]
fn machine_formats_never_carry_escape_codes() {
    let ws = Workspace::new();
    for args in [
        vec!["check", "--format", "json"],
        vec!["report", "--format", "json"],
        vec!["report", "--format", "csv"],
        vec!["report", "--format", "markdown"],
        vec!["list", "--format", "csv"],
    ] {
        let output = okr_command(ws.path())
            .args(&args)
            .args(["--as-of", AS_OF, "--color", "always"])
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap();
        assert!(!String::from_utf8_lossy(&output.stdout).contains('\u{1b}'), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_and_successfully() {
    let mut child = okr_command(&repository())
        .args(["-C", "examples/lumen-cycles", "report", "--as-of", "2026-11-20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and hang up, as `| head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
