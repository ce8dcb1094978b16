//! The examples the repository ships and the real workspace in
//! `../shared/data`: what the README promises, what `okr.example.toml`
//! documents, and what a real company's OKRs look like to the validator.

use std::collections::BTreeSet;

use okr::model::settings::{Level, SETTINGS};
use okr::rules::RULES;

use crate::support::{AS_OF, Workspace, okr_in, repository, shared_data};

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Deny => "deny",
        Level::Warn => "warn",
        Level::Allow => "allow",
    }
}

#[test]
fn the_example_company_checks_clean() {
    let ws = Workspace::copy_of(&repository().join("examples/lumen-cycles"));
    ws.check().expect_clean();
    // It has what the tour promises: a department, teams and a one-member team.
    let groups = std::fs::read_dir(ws.path().join("groups")).unwrap().count();
    assert!(groups >= 8, "{groups} groups");
    let solo = std::fs::read_to_string(ws.path().join("groups/sustainability/group.toml")).unwrap();
    assert!(solo.contains("lead = \"noor\"") && !solo.contains("members"));
}

#[test]
fn the_broken_example_trips_every_rule() {
    let check = Workspace::copy_of(&repository().join("examples/broken")).check();
    let fired: BTreeSet<&str> =
        check.diagnostics().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    for rule in RULES {
        let name = rule.id.as_str();
        // A link out of the workspace cannot live in the repository; `rules.rs` tests it.
        if name == "link-outside" {
            continue;
        }
        assert!(fired.contains(name), "`{name}` does not fire on examples/broken");
    }
    assert_eq!(check.status, 1);
}

#[test]
fn okr_example_toml_documents_every_setting_and_rule() {
    let text = std::fs::read_to_string(repository().join("okr.example.toml")).unwrap();
    let document: toml::Table = toml::from_str(&text).expect("okr.example.toml is valid TOML");
    for setting in SETTINGS {
        let documented = match setting.table.strip_suffix(".*") {
            Some(table) => document[table].as_table().is_some_and(|entries| {
                entries.values().any(|entry| entry.get(setting.key).is_some())
            }),
            None => document.get(setting.table).and_then(|table| table.get(setting.key)).is_some(),
        };
        assert!(documented, "`{}.{}` is not in okr.example.toml", setting.table, setting.key);
        if let Some(default) = setting.default {
            let line = format!("{} = {default}", setting.key);
            assert!(
                text.lines().any(|l| l.trim() == line),
                "okr.example.toml does not show `{line}`"
            );
        }
    }
    let rules = document["rules"].as_table().expect("a [rules] table");
    for rule in RULES {
        let name = rule.id.as_str();
        assert_eq!(
            rules.get(name).and_then(|level| level.as_str()),
            Some(level_name(rule.level)),
            "rule `{name}` in okr.example.toml"
        );
    }
    assert_eq!(rules.len(), RULES.len(), "okr.example.toml lists a rule that does not exist");

    // Used as it is, it is a valid okr.toml.
    let ws = Workspace::copy_of(&repository().join("examples/lumen-cycles"));
    ws.write("okr.toml", &text);
    ws.check().expect_clean();
}

/// One `$ okr ...` command of the README with the output it shows.
struct Example {
    args: Vec<String>,
    expected: Vec<String>,
    /// The README shows only the start of the output (it ends with `...`).
    elided: bool,
}

/// The console examples of the README, and the `cargo run` lines of its set-up.
fn readme_examples() -> (Vec<Example>, Vec<Vec<String>>) {
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let mut examples: Vec<Example> = Vec::new();
    let mut runs = Vec::new();
    let mut block: Option<&str> = None;
    // A block inside a list item is indented; its lines lose that indent.
    let mut indent = 0;
    for raw in readme.lines() {
        if let Some(fence) = raw.trim_start().strip_prefix("```") {
            indent = raw.len() - raw.trim_start().len();
            block = if block.is_some() { None } else { Some(fence) };
            continue;
        }
        let line = raw.get(indent..).unwrap_or("");
        match block {
            Some("console") => {
                if let Some(command) = line.strip_prefix("$ okr ") {
                    let args =
                        shell_words::split(command).expect("README commands are shell words");
                    examples.push(Example { args, expected: Vec::new(), elided: false });
                } else if let Some(example) = examples.last_mut() {
                    if line == "..." {
                        example.elided = true;
                    } else if !example.elided {
                        example.expected.push(line.to_owned());
                    }
                }
            }
            Some("sh") => {
                if let Some(args) = line.strip_prefix("cargo run --release -- ") {
                    runs.push(args.split_whitespace().map(str::to_owned).collect());
                }
            }
            _ => {}
        }
    }
    (examples, runs)
}

#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let (examples, runs) = readme_examples();
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let shown = readme.lines().filter(|line| line.trim_start().starts_with("$ okr ")).count();
    assert_eq!(examples.len(), shown, "every `$ okr` line of the README is run");
    // The examples run in order on a copy of `examples/`, since some edit it;
    // what they print is standard output, then standard error.
    let copy = Workspace::bare();
    let copied = Workspace::copy_of(&repository().join("examples"));
    std::fs::rename(copied.path(), copy.path().join("examples")).unwrap();
    for example in &examples {
        let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
        let run = okr_in(copy.path(), &args);
        let output = format!("{}{}", run.stdout, run.stderr);
        let printed: Vec<&str> = output.lines().collect();
        if example.elided {
            assert!(
                printed.len() > example.expected.len(),
                "`okr {}` printed less than the README shows",
                args.join(" ")
            );
            assert_eq!(
                printed[..example.expected.len()],
                example.expected,
                "`okr {}`",
                args.join(" ")
            );
        } else {
            assert_eq!(printed, example.expected, "`okr {}`", args.join(" "));
        }
    }

    assert_eq!(runs.len(), 1, "the set-up runs the main job once");
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = okr_in(&repository(), &args);
        assert_eq!(run.status, 0, "`cargo run --release -- {}`: {run:?}", args.join(" "));
    }
}

#[test]
fn the_readme_objective_file_is_a_valid_objective_of_the_example() {
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let blocks: Vec<&str> =
        readme.split("```toml\n").skip(1).map(|rest| rest.split("```").next().unwrap()).collect();
    assert_eq!(blocks.len(), 1);
    let ws = Workspace::copy_of(&repository().join("examples/lumen-cycles"));
    ws.write("groups/firmware/2026-Q4/diagnose-from-a-distance.toml", blocks[0]);
    ws.check().expect_clean();
}

#[test]
fn the_readme_test_command_is_what_ci_runs() {
    let readme = std::fs::read_to_string(repository().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(repository().join(".ci/run")).unwrap();
    assert!(readme.contains("\ncargo test --locked\n"));
    assert!(ci.lines().any(|line| line.trim() == "cargo test --locked"));
}

#[test]
fn the_sourcegraph_workspace_checks_without_errors() {
    let Some(folder) = shared_data("workspaces/sourcegraph") else {
        return;
    };
    let run = okr_in(&folder, &["check", "--format", "json", "--as-of", AS_OF]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["errors"], 0, "{json:#}");
    assert_eq!(run.status, 0);

    // Its fiscal year starts in February and is named by its end: 2021-Q1 ran
    // from February to April 2020, so check-ins of 2020-04-30 are in time.
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(diagnostics.iter().all(|d| d["rule"] != "checkin-date"), "{json:#}");

    // head-of-product leads five objectives of product in 2021-Q2, over the limit of 3.
    let product = std::fs::read_dir(folder.join("groups/product/2021-Q2")).unwrap().count();
    assert_eq!(product, 5);
    let over: Vec<_> = diagnostics.iter().filter(|d| d["rule"] == "leads-too-many").collect();
    assert_eq!(over.len(), 1);

    // The classifier fails nobody's CI here, and flags work and measures
    // written as objectives.
    assert!(diagnostics.iter().all(|d| d["rule"] != "personal-development"), "{json:#}");
    let flagged = |rule: &str, file: &str| {
        diagnostics.iter().any(|d| d["rule"] == rule && d["file"] == file && d["line"] == 1)
    };
    assert!(flagged(
        "initiative-as-objective",
        "groups/web/2021-Q2/pay-down-tech-design-debt.toml"
    ));
    assert!(flagged(
        "initiative-as-objective",
        "groups/marketing/2021-Q1/launch-our-new-category-on-march-4.toml"
    ));
    assert!(flagged(
        "key-result-as-objective",
        "groups/sales/2021-Q1/hire-at-least-2-sdrs-and-3-aes-at-least-1.toml"
    ));
    assert!(
        over[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`head-of-product` leads 5 objectives in 2021-Q2")
    );
}

#[test]
fn the_generator_writes_a_workspace_that_checks_clean() {
    // Cargo builds the examples for the tests, beside the test binaries.
    let test_binary = std::env::current_exe().unwrap();
    let generate =
        test_binary.parent().unwrap().parent().unwrap().join("examples").join("generate");
    if !generate.exists() {
        // `cargo test` builds the examples; a run of this test binary alone may not have.
        assert!(std::env::var_os("CI").is_none(), "CI builds `{}`", generate.display());
        eprintln!("skipped: `{}` is not built; run `cargo test`", generate.display());
        return;
    }
    let ws = Workspace::bare();
    let status = std::process::Command::new(&generate)
        .arg(ws.path())
        .args(["--teams", "6", "--departments", "2", "--periods", "2"])
        .status()
        .unwrap_or_else(|e| panic!("`{}` runs: {e}", generate.display()));
    assert!(status.success());
    // 6 teams of 2 quarters with 3 objectives each, 6 group files of teams,
    // 2 of departments, 1 company, okr.toml and people.toml.
    let check = ws.check();
    check.expect_clean();
    assert_eq!(check.json["diagnostics"].as_array().unwrap().len(), 0);
    let files = okr_in(ws.path(), &["check", "--as-of", AS_OF]).stdout;
    assert_eq!(files, format!("0 errors, 0 warnings in {} files\n", 6 * 2 * 3 + 6 + 2 + 1 + 2));
}
