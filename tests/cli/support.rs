//! A small builder for tests: write a workspace into a temporary folder,
//! run the real `okr` binary on it, and read what it printed.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

/// The day the tests judge workspaces on, inside 2026-Q4 (its 51st day).
pub const AS_OF: &str = "2026-11-20";

/// A temporary workspace.
pub struct Workspace {
    dir: TempDir,
}

/// What one run of `okr` did.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The JSON of `okr check --format json`, with helpers to ask about it.
#[derive(Debug)]
pub struct Check {
    pub status: i32,
    pub json: Value,
}

/// A valid workspace to break: a company with a team of two and one objective.
const BASE: &[(&str, &str)] = &[
    ("okr.toml", "[organization]\nname = \"Acme\"\n"),
    (
        "people.toml",
        "[person.alice]\nname = \"Alice\"\n\n[person.bob]\nname = \"Bob\"\n\n[person.carol]\nname = \"Carol\"\n",
    ),
    ("groups/acme/group.toml", "name = \"Acme\"\nkind = \"company\"\nlead = \"alice\"\n"),
    (
        "groups/web/group.toml",
        "name = \"Web\"\nkind = \"team\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = [\"carol\"]\n",
    ),
    ("groups/web/2026-Q4/faster-pages.toml", FASTER_PAGES),
];

/// The base workspace's objective: a metric checked in 5 days before [`AS_OF`].
pub const FASTER_PAGES: &str = r#"title = "Make every page feel instant"
lead = "bob"

[key_result.load-time]
title = "Median page load"
start = 1200
target = 400
unit = "ms"

[[key_result.load-time.checkin]]
date = 2026-11-15
value = 900
"#;

impl Workspace {
    /// The base workspace, which checks clean.
    pub fn new() -> Workspace {
        let workspace = Workspace::bare();
        for (path, text) in BASE {
            workspace.write(path, text);
        }
        workspace
    }

    /// An empty folder.
    pub fn bare() -> Workspace {
        Workspace { dir: tempfile::tempdir().expect("a temporary folder") }
    }

    /// A copy of a folder of the repository, or of `../shared/data`.
    pub fn copy_of(source: &Path) -> Workspace {
        let workspace = Workspace::bare();
        copy_tree(source, workspace.path());
        workspace
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file, creating its folders.
    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) -> &Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("a file has a folder")).expect("folders");
        std::fs::write(full, text).expect("a written file");
        self
    }

    /// Runs `okr` in the workspace root.
    pub fn okr(&self, args: &[&str]) -> Run {
        okr_in(self.path(), args)
    }

    /// Runs `okr check --format json` with extra arguments, on [`AS_OF`]
    /// unless they give `--as-of`.
    pub fn check_with(&self, args: &[&str]) -> Check {
        let mut all = vec!["check", "--format", "json"];
        if !args.contains(&"--as-of") {
            all.extend(["--as-of", AS_OF]);
        }
        all.extend_from_slice(args);
        let run = self.okr(&all);
        let json = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("`okr check` printed no JSON ({e}): {run:?}"));
        Check { status: run.status, json }
    }

    pub fn check(&self) -> Check {
        self.check_with(&[])
    }
}

/// Runs `okr` in `folder` with a clean environment.
pub fn okr_in(folder: &Path, args: &[&str]) -> Run {
    let output = okr_command(folder).args(args).output().expect("okr runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The `okr` binary, started in `folder`, with none of okr's variables set
/// and no user config (a test that wants one sets `XDG_CONFIG_HOME`).
pub fn okr_command(folder: &Path) -> Command {
    // What okr keeps in the temporary folder (the text of a refused edit)
    // stays in the test's own folder, hidden, and goes with it.
    let temporary = folder.join(".tmp");
    let _ = std::fs::create_dir_all(&temporary);
    let mut command = Command::new(env!("CARGO_BIN_EXE_okr"));
    command
        .current_dir(folder)
        .env("TMPDIR", &temporary)
        .env("XDG_CONFIG_HOME", folder.join(".no-user-config"))
        .env_remove("OKR_LOG")
        .env_remove("OKR_WORKSPACE")
        .env_remove("OKR_AS_OF")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// The repository's own folder.
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/data/<path>`, or `None` (with the reason printed) where the
/// folder is absent and the run is not CI, which must have it.
pub fn shared_data(path: &str) -> Option<PathBuf> {
    let folder = repository().join("../shared/data").join(path);
    if folder.exists() {
        return Some(folder);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have `{}`", folder.display());
    eprintln!("skipped: `{}` is absent on this machine", folder.display());
    None
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a readable folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copied file");
        }
    }
}

impl Check {
    pub fn diagnostics(&self) -> &Vec<Value> {
        self.json["diagnostics"].as_array().expect("`diagnostics` is an array")
    }

    /// The diagnostics of one rule.
    pub fn of(&self, rule: &str) -> Vec<&Value> {
        self.diagnostics().iter().filter(|d| d["rule"] == rule).collect()
    }

    /// Asserts that `rule` fired once with this severity at `file:line`, and returns it.
    pub fn expect(&self, rule: &str, severity: &str, file: &str, line: u64) -> &Value {
        let found = self.of(rule);
        let at = |d: &&&Value| d["file"] == file && d["line"] == line;
        let Some(diagnostic) = found.iter().find(at) else {
            panic!("no `{rule}` at {file}:{line} in {:#}", self.json);
        };
        assert_eq!(diagnostic["severity"], severity, "{diagnostic:#}");
        assert!(!diagnostic["message"].as_str().unwrap_or("").is_empty());
        assert!(!diagnostic["help"].as_str().unwrap_or("").is_empty());
        diagnostic
    }

    /// Asserts that `rule` did not fire.
    pub fn expect_none(&self, rule: &str) {
        assert!(self.of(rule).is_empty(), "unexpected `{rule}` in {:#}", self.json);
    }

    /// Asserts that nothing fired at all.
    pub fn expect_clean(&self) {
        assert_eq!(self.diagnostics().len(), 0, "expected a clean check: {:#}", self.json);
        assert_eq!(self.status, 0);
    }
}

/// A real pseudo-terminal, for the commands that prompt.
#[cfg(unix)]
pub mod pty {
    use rexpect::session::{PtySession, spawn_command};

    use super::{Workspace, okr_command};

    /// Sends keys once the prompt has had time to put the terminal in raw mode.
    pub fn keys(session: &mut PtySession, keys: &str) {
        std::thread::sleep(std::time::Duration::from_millis(200));
        session.send(keys).unwrap();
        session.flush().unwrap();
    }

    /// `okr` with `args` in `ws`, on a terminal.
    pub fn spawn(ws: &Workspace, args: &[&str]) -> PtySession {
        let mut command = okr_command(ws.path());
        command.args(args).env("TERM", "xterm");
        spawn_command(command, Some(10_000)).expect("okr starts in a pseudo-terminal")
    }
}
