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
        "source {}; complete -p okr; COMP_WORDS=(okr che); COMP_CWORD=1; COMP_LINE='okr che'; COMP_POINT=7; _okr_references okr che okr; echo \"${{COMPREPLY[@]}}\"",
        ws.path().join("okr.bash").display()
    );
    let output = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    assert!(lines.next().is_some_and(|line| line.contains("-F _okr_references okr")), "{stdout}");
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
fn bash_completes_references_from_the_workspace() {
    let script = crate::support::okr_in(&repository(), &["completions", "bash"]).stdout;
    let ws = Workspace::new();
    ws.write(".okr.bash", &script);
    let binary =
        std::path::Path::new(env!("CARGO_BIN_EXE_okr")).parent().unwrap().display().to_string();
    let probe = format!(
        "export PATH={binary}:$PATH; source .okr.bash; COMP_WORDS=(okr checkin fast); COMP_CWORD=2; COMP_LINE='okr checkin fast'; COMP_POINT=16; _okr_references okr fast checkin; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let output = Command::new("bash")
        .current_dir(ws.path())
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .unwrap();
    let mut offered: Vec<String> =
        String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect();
    offered.sort();
    assert_eq!(
        offered,
        ["faster-pages", "faster-pages/load-time"],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
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
    // NO_COLOR counts whatever its value, even empty.
    assert!(!check_colour(&[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")], "auto"));
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

/// Every `okr …` command line in a YAML document's strings.
fn okr_commands(yaml: &yaml_rust2::Yaml, found: &mut Vec<String>) {
    match yaml {
        yaml_rust2::Yaml::String(text) => {
            for line in text.lines() {
                if let Some(at) = line.find("okr ") {
                    found.push(line[at..].to_owned());
                }
            }
        }
        yaml_rust2::Yaml::Array(items) => items.iter().for_each(|item| okr_commands(item, found)),
        yaml_rust2::Yaml::Hash(map) => map.iter().for_each(|(key, value)| {
            okr_commands(key, found);
            okr_commands(value, found);
        }),
        _ => {}
    }
}

#[test]
fn the_ci_workflow_and_pre_commit_hook_are_yaml_that_run_real_commands() {
    for (path, expected) in [
        ("examples/ci/okr.yml", vec!["okr check --format github", "okr report --format markdown"]),
        (".pre-commit-hooks.yaml", vec!["okr check"]),
    ] {
        let text = std::fs::read_to_string(repository().join(path)).unwrap();
        let documents =
            yaml_rust2::YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut commands = Vec::new();
        documents.iter().for_each(|document| okr_commands(document, &mut commands));
        for want in &expected {
            assert!(
                commands.iter().any(|c| c.starts_with(want)),
                "{path} runs no `{want}`: {commands:?}"
            );
        }
        // Each names a real subcommand with real flags: okr accepts them with `--help`.
        for command in &commands {
            let words: Vec<&str> =
                command.split_whitespace().take_while(|w| *w != ">>").skip(1).collect();
            let mut args = words.clone();
            args.push("--help");
            let run = crate::support::okr_in(&repository(), &args);
            assert_eq!(
                run.status,
                0,
                "{path}: `okr {}` is not a command okr knows: {}",
                words.join(" "),
                run.stderr
            );
        }
    }
    let hooks = yaml_rust2::YamlLoader::load_from_str(
        &std::fs::read_to_string(repository().join(".pre-commit-hooks.yaml")).unwrap(),
    )
    .unwrap();
    assert_eq!(hooks[0][0]["id"].as_str(), Some("okr-check"));
    assert_eq!(hooks[0][0]["language"].as_str(), Some("rust"));
}

#[test]
fn the_users_config_sets_me_the_report_format_and_colour() {
    let ws = Workspace::new();
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("okr");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(
        config_dir.join("config.toml"),
        "me = \"carol\"\nformat = \"csv\"\ncolor = \"never\"\n",
    )
    .unwrap();
    let okr = |args: &[&str]| {
        okr_command(ws.path()).env("XDG_CONFIG_HOME", home.path()).args(args).output().unwrap()
    };

    let shown = String::from_utf8(okr(&["config"]).stdout).unwrap();
    assert!(shown.contains("me = \"carol\"  # from `"), "{shown}");
    assert!(shown.contains("format = \"csv\"  # from `"), "{shown}");

    assert_eq!(okr(&["checkin", "load-time", "850", "--as-of", AS_OF]).status.code(), Some(0));
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(text.ends_with("value = 850\nby = \"carol\"\n"), "{text}");

    let report = String::from_utf8(okr(&["report", "--as-of", AS_OF]).stdout).unwrap();
    assert!(report.starts_with("period,group,objective,"), "{report}");
    // `me` leads a new objective when `--lead` is not given.
    assert_eq!(
        okr(&["add", "objective", "Grow", "--group", "web", "--as-of", AS_OF]).status.code(),
        Some(0)
    );
    let grow = std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/grow.toml")).unwrap();
    assert_eq!(grow, "title = \"Grow\"\nlead = \"carol\"\n");
    // `color = "never"` beats CLICOLOR_FORCE; `--color` beats the config.
    let coloured = |flag: &[&str]| {
        let mut command = okr_command(ws.path());
        command
            .env("XDG_CONFIG_HOME", home.path())
            .env("CLICOLOR_FORCE", "1")
            .args(["show", "faster-pages", "--as-of", AS_OF])
            .args(flag);
        String::from_utf8_lossy(&command.output().unwrap().stdout).contains('\u{1b}')
    };
    assert!(!coloured(&[]));
    assert!(coloured(&["--color", "always"]));
    // The flag still wins over the config.
    let markdown =
        String::from_utf8(okr(&["report", "--format", "markdown", "--as-of", AS_OF]).stdout)
            .unwrap();
    assert!(markdown.starts_with("# Acme: 2026-Q4"));

    std::fs::write(config_dir.join("config.toml"), "colour = \"never\"\n").unwrap();
    let output = okr(&["report", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a valid okr config"));

    // Without a config file every setting is its default.
    let empty = tempfile::tempdir().unwrap();
    let output =
        okr_command(ws.path()).env("XDG_CONFIG_HOME", empty.path()).arg("config").output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("format = \"markdown\"  # default"));
}

#[test]
fn developer_logs_appear_only_when_okr_log_asks() {
    let ws = Workspace::new();
    let quiet = okr_command(ws.path())
        .args(["check", "--as-of", AS_OF])
        .env_remove("OKR_LOG")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "");
    let logged = okr_command(ws.path())
        .args(["check", "--as-of", AS_OF])
        .env("OKR_LOG", "debug")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&logged.stderr);
    assert!(stderr.contains("DEBUG okr::workspace::load] loaded 5 files"), "{stderr}");
    // Logs go to stderr: stdout is the same as without them.
    assert_eq!(logged.stdout, quiet.stdout);
}
