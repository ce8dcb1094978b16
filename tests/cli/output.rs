//! The three output formats, the order of findings, exit statuses and how
//! the workspace is found.

use crate::support::{AS_OF, FASTER_PAGES, Workspace, okr_command, okr_in, repository};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";

fn with_typo() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        OBJECTIVE,
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bob\"\ndescripton = \"typo\""),
    );
    ws
}

#[test]
fn human_output_reads_like_rustc_and_ends_with_a_summary() {
    let run = with_typo().okr(&["check", "--as-of", AS_OF]);
    let expected = "\
error[unknown-key]: unknown key `descripton` in objective `faster-pages`
 --> groups/web/2026-Q4/faster-pages.toml:3:1
  |
3 | descripton = \"typo\"
  | ^^^^^^^^^^
  |
  = help: did you mean `description`?

1 error, 0 warnings in 5 files
";
    assert_eq!(run.stdout, expected);
    assert_eq!(run.status, 1);
}

#[test]
fn the_summary_counts_in_singular_and_plural() {
    let ws = Workspace::new();
    assert_eq!(ws.okr(&["check", "--as-of", AS_OF]).stdout, "0 errors, 0 warnings in 5 files\n");
    ws.write("groups/web/2026-Q4/a.toml", "title = \"A\"\nlead = \"carol\"\n");
    ws.write("groups/web/2026-Q4/b.toml", "title = \"B\"\nlead = \"carol\"\n");
    let run = ws.okr(&["check", "--as-of", AS_OF]);
    assert!(run.stdout.ends_with("\n0 errors, 2 warnings in 7 files\n"), "{}", run.stdout);
}

#[test]
fn json_has_the_shape_of_the_spec() {
    let check = with_typo().check();
    let expected = serde_json::json!({
        "errors": 1, "warnings": 0, "diagnostics": [{
            "severity": "error", "rule": "unknown-key",
            "message": "unknown key `descripton` in objective `faster-pages`",
            "help": "did you mean `description`?",
            "file": OBJECTIVE, "line": 3, "column": 1
        }]
    });
    assert_eq!(check.json, expected);

    // The keys come in the order of the spec, and the object is one line.
    let run = with_typo().okr(&["check", "--format", "json", "--as-of", AS_OF]);
    assert!(run.stdout.starts_with("{\"errors\":1,\"warnings\":0,\"diagnostics\":[{\"severity\":\"error\",\"rule\":\"unknown-key\",\"message\":"), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn json_places_are_null_where_a_finding_has_no_place() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q9/x.toml", FASTER_PAGES);
    let check = ws.check();
    let folder = check.of("bad-period")[0];
    assert_eq!(folder["file"], "groups/web/2026-Q9");
    assert!(folder["line"].is_null() && folder["column"].is_null());
}

#[test]
fn github_annotations_are_escaped_workflow_commands() {
    let ws = with_typo();
    ws.write("groups/web/2026-Q4/other.toml", "title = \"Other\"\nlead = \"carol\"\n");
    let run = ws.okr(&["check", "--format", "github", "--as-of", AS_OF]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=groups/web/2026-Q4/faster-pages.toml,line=3,col=1,title=okr unknown-key::unknown key `descripton` in objective `faster-pages`%0Ahelp: did you mean `description`?",
            "::warning file=groups/web/2026-Q4/other.toml,line=1,col=9,title=okr no-key-results::objective `other` has no key results%0Ahelp: add two to five key results that show it is achieved: `[key_result.<id>]` with `title`, `start` and `target`",
        ]
    );
    assert_eq!(run.status, 1);
}

#[test]
fn findings_are_sorted_by_file_line_and_column() {
    let check = Workspace::copy_of(&repository().join("examples/broken")).check();
    let places: Vec<(String, u64, u64)> = check
        .diagnostics()
        .iter()
        .filter(|d| d["file"].is_string())
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
    assert!(places.len() > 20);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let ws = with_typo();
    let always = ws.okr(&["check", "--as-of", AS_OF, "--color", "always"]);
    assert!(always.stdout.contains("\u{1b}["), "{}", always.stdout);
    let auto = ws.okr(&["check", "--as-of", AS_OF]);
    assert!(!auto.stdout.contains('\u{1b}'));
    let never = ws.okr(&["check", "--as-of", AS_OF, "--color", "never"]);
    assert!(!never.stdout.contains('\u{1b}'));
}

#[test]
fn the_workspace_is_found_by_walking_up() {
    let ws = with_typo();
    let run = okr_in(
        &ws.path().join("groups/web/2026-Q4"),
        &["check", "--as-of", AS_OF, "--format", "json"],
    );
    assert_eq!(run.status, 1);
    // Paths stay relative to the root, wherever okr was started.
    assert!(run.stdout.contains(&format!("\"file\":\"{OBJECTIVE}\"")), "{}", run.stdout);
}

#[test]
fn dash_c_and_okr_workspace_name_the_workspace() {
    let ws = with_typo();
    let elsewhere = tempfile::tempdir().unwrap();
    let root = ws.path().to_str().unwrap();
    assert_eq!(okr_in(elsewhere.path(), &["-C", root, "check", "--as-of", AS_OF]).status, 1);
    let nested = ws.path().join("groups/web");
    assert_eq!(
        okr_in(elsewhere.path(), &["check", "-C", nested.to_str().unwrap(), "--as-of", AS_OF])
            .status,
        1
    );

    let output = okr_command(elsewhere.path())
        .env("OKR_WORKSPACE", root)
        .args(["check", "--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("descripton"));

    // -C wins over OKR_WORKSPACE.
    let clean = Workspace::new();
    let output = okr_command(elsewhere.path())
        .env("OKR_WORKSPACE", root)
        .args(["-C", clean.path().to_str().unwrap(), "check", "--as-of", AS_OF])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn outside_a_workspace_the_command_cannot_run() {
    let empty = tempfile::tempdir().unwrap();
    let run = okr_in(empty.path(), &["check"]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("`okr.toml`"), "{}", run.stderr);
    assert!(run.stderr.contains("okr init --org"), "{}", run.stderr);

    let output =
        okr_command(empty.path()).env("OKR_WORKSPACE", empty.path()).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("okr.toml"));
}

#[test]
fn bad_arguments_exit_2() {
    let ws = Workspace::new();
    for day in ["2026-13-01", "26-1-1", "+2026-01-01", " 2026-11-20", "2026-11-20x", "20261120"] {
        let run = ws.okr(&["check", "--as-of", day]);
        assert_eq!(run.status, 2, "{day:?}: {run:?}");
        assert!(run.stderr.contains("write it as YYYY-MM-DD"), "{}", run.stderr);
    }
    assert_eq!(ws.okr(&["check", "--format", "yaml"]).status, 2);
    assert_eq!(ws.okr(&["frobnicate"]).status, 2);
    assert_eq!(ws.okr(&["--help"]).status, 0);
}

#[test]
fn okr_as_of_sets_the_day() {
    let ws = Workspace::new();
    // 30 days after the last check-in the key result is stale.
    let output = okr_command(ws.path())
        .env("OKR_AS_OF", "2026-12-15")
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("stale-key-result"));
    let output = okr_command(ws.path())
        .env("OKR_AS_OF", AS_OF)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains("stale-key-result"));
}

#[test]
fn dash_c_to_a_missing_folder_says_so() {
    let empty = tempfile::tempdir().unwrap();
    let run = okr_in(empty.path(), &["-C", "no/such/place", "check"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("`-C no/such/place`: no such folder"), "{}", run.stderr);
}

#[test]
fn quiet_drops_the_summary_and_verbose_tells_where_and_when() {
    let ws = with_typo();
    let quiet = ws.okr(&["-q", "check", "--as-of", AS_OF]);
    assert!(quiet.stdout.starts_with("error[unknown-key]"));
    assert!(!quiet.stdout.contains("1 error"), "{}", quiet.stdout);
    assert_eq!(quiet.status, 1);
    assert_eq!(Workspace::new().okr(&["check", "-q", "--as-of", AS_OF]).stdout, "");

    let verbose = ws.okr(&["check", "-v", "--as-of", AS_OF]);
    assert!(verbose.stderr.contains("as of 2026-11-20"), "{}", verbose.stderr);
    assert!(verbose.stdout.ends_with("1 error, 0 warnings in 5 files\n"));
}
