//! Hardening: every input the fuzzers found worth keeping, crashes at any
//! moment of a write, many writers at once, and the refusals that keep a
//! workspace whole when the file system or the user works against it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{AS_OF, Workspace, okr_command, okr_in, repository};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";

/// Every file below `root` with its bytes, hidden ones included, without the
/// lock a writer leaves (SPEC §7: it is not part of the workspace).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let file_type = entry.file_type().unwrap();
            if file_type.is_dir() {
                stack.push(path);
            } else if file_type.is_file() {
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                if relative != Path::new(".okr.lock") {
                    found.insert(relative, std::fs::read(&path).unwrap());
                }
            }
        }
    }
    found
}

/// The files okr writes to and then renames: `.okr-XXXXXX.tmp`.
fn temporary_files(root: &Path) -> Vec<PathBuf> {
    snapshot(root)
        .into_keys()
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            name.starts_with(".okr-") && name.ends_with(".tmp")
        })
        .collect()
}

/// Runs `okr` with `--as-of` set, as every test here judges on [`AS_OF`].
fn okr_on(folder: &Path, args: &[&str]) -> crate::support::Run {
    let mut all = args.to_vec();
    all.extend(["--as-of", AS_OF]);
    okr_in(folder, &all)
}

// ---------------------------------------------------------------------------
// The fuzzers' regression inputs, through the real binary.

/// The files a `load_check` input may stand for, by its first byte's low two
/// bits, as in `fuzz/fuzz_targets/load_check.rs`.
const FUZZED_FILES: [&str; 4] = [OBJECTIVE, "groups/web/group.toml", "people.toml", "okr.toml"];

#[test]
fn every_fuzz_regression_input_is_checked_without_a_panic() {
    let folder = repository().join("fuzz/regressions/load_check");
    let mut inputs: Vec<PathBuf> =
        std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.path()).collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in `{}`", folder.display());
    let ws = Workspace::new();
    let base = snapshot(ws.path());
    for input in &inputs {
        let bytes = std::fs::read(input).unwrap();
        let Some((&selector, file)) = bytes.split_first() else { continue };
        for (path, contents) in &base {
            ws.write(path.to_str().unwrap(), contents);
        }
        ws.write(FUZZED_FILES[usize::from(selector & 3)], file);
        let name = input.file_name().unwrap().to_string_lossy();
        for args in [
            &["check"][..],
            &["check", "--format", "json"],
            &["check", "--format", "github", "--color", "always"],
            &["report", "--format", "markdown"],
            &["report", "--format", "table", "--color", "always"],
        ] {
            let run = okr_on(ws.path(), args);
            // 0 or 1 for `check`; 0 or 2 for a report of a workspace it cannot read.
            // A panic exits 101, and a signal gives no code at all (-1 here).
            assert!(
                [0, 1, 2].contains(&run.status) && !run.stderr.contains("panicked"),
                "`okr {}` on `{name}`: {run:?}",
                args.join(" ")
            );
            if args[0] == "check" {
                assert!(run.status <= 1, "`okr {}` on `{name}`: {run:?}", args.join(" "));
            }
        }
    }
    eprintln!("{} fuzz regression inputs checked", inputs.len());
}

#[test]
fn control_characters_of_titles_and_notes_never_reach_the_terminal() {
    // Found by the `report_render` fuzz target: TOML escapes put an escape
    // sequence, a bell or a carriage return in a title or a note.
    let ws = Workspace::new();
    let hostile = crate::support::FASTER_PAGES
        .replace("Make every page", "Make\\u0007 every\\u001b[2J page")
        .replace("Median page load", "Median\\rpage\\u001b]0;pwned\\u0007 load")
        .replace("value = 900\n", "value = 900\nnote = \"tab\\there\\u009b31m\"\n");
    ws.write(OBJECTIVE, hostile);
    // Each control character becomes `?`; markdown escapes the `[` and `]` as well.
    let title = "Make? every?[2J page";
    let kr = "Median?page?]0;pwned? load";
    for (args, shows) in [
        (&["report", "--format", "table"][..], title),
        (&["report", "--format", "markdown"], "Make? every?\\[2J page"),
        (&["show", "faster-pages"], title),
        (&["show", "load-time"], kr),
        (&["list", "objectives"], title),
        (&["list", "key-results"], kr),
        (&["tree"], title),
        (&["history", "web", "--format", "table"], title),
        (&["history", "web", "--format", "markdown"], "Make? every?\\[2J page"),
    ] {
        let run = okr_on(ws.path(), args);
        assert_eq!(run.status, 0, "okr {}: {run:?}", args.join(" "));
        // A tab is no harm to a terminal, and markdown keeps it as it was.
        let markdown = args.contains(&"markdown");
        let control =
            run.stdout.chars().find(|c| c.is_control() && *c != '\n' && !(markdown && *c == '\t'));
        assert_eq!(control, None, "okr {}: {:?}", args.join(" "), run.stdout);
        assert!(run.stdout.contains(shows), "okr {}: {}", args.join(" "), run.stdout);
    }
}

// ---------------------------------------------------------------------------
// Crashes: a write killed at any moment leaves the old file or the new one.

/// An objective of `krs` key results with `checkins` check-ins each, all in
/// the last ten days before [`AS_OF`] so that no key result is stale.
fn big_objective(krs: usize, checkins: usize) -> String {
    let mut text = String::from("title = \"Make every page feel instant\"\nlead = \"bob\"\n");
    for k in 0..krs {
        let _ = write!(
            text,
            "\n[key_result.kr-{k}]\ntitle = \"Key result {k}\"\nstart = 0\ntarget = 100\n"
        );
        for c in 0..checkins {
            let _ = write!(
                text,
                "\n[[key_result.kr-{k}.checkin]]\ndate = 2026-11-{:02}\nvalue = {}\nnote = \"step {c}\"\n",
                11 + c % 9,
                c * 10
            );
        }
    }
    text
}

const BIG: &str = "groups/web/2026-Q4/big.toml";
const KILLS: u32 = 20;
/// Delays after okr says it writes, for the kills aimed at the write itself.
const WINDOW_KILLS: [u64; 5] = [0, 1, 2, 4, 8];

/// What a kill series found.
struct Kills {
    survived: u32,
    finished_first: u32,
    /// Kills after which the files were the new ones.
    found_new: u32,
    /// Kills aimed at the write itself.
    in_write: u32,
    temporary_left: usize,
}

/// Runs `args` to completion to learn its duration and its outcome, then
/// `KILLS` times more, killed (SIGKILL) at moments spread from 0 to that
/// duration. Each time the `watched` files must be, byte for byte, all as
/// before or all as after, and parse as TOML. Left-over temporary files are
/// hidden and so no part of the workspace: `okr check` says nothing of them.
/// Five more kills are aimed at the write itself.
fn kill_series(name: &str, args: &[&str], watched: &[&str]) -> Kills {
    let ws = Workspace::new();
    ws.write(BIG, big_objective(2000, 2));
    let read = || -> Vec<Option<Vec<u8>>> {
        watched.iter().map(|path| std::fs::read(ws.path().join(path)).ok()).collect()
    };
    let old = read();
    let restore = || {
        for (path, bytes) in watched.iter().zip(&old) {
            match bytes {
                Some(bytes) => {
                    ws.write(path, bytes);
                }
                None => {
                    let _ = std::fs::remove_file(ws.path().join(path));
                }
            }
        }
    };
    let mut all = args.to_vec();
    all.extend(["--as-of", AS_OF, "-q"]);

    // The longer of two runs: other tests share the machine, and kills
    // spread over a duration too short would all land before the write.
    let mut duration = Duration::ZERO;
    let mut new = None;
    for _ in 0..2 {
        let started = Instant::now();
        let run = okr_in(ws.path(), &all);
        duration = duration.max(started.elapsed());
        assert_eq!(run.status, 0, "{name}: {run:?}");
        let after = read();
        assert_ne!(old, after, "{name} changed nothing");
        assert!(new.as_ref().is_none_or(|new| *new == after), "{name} is not repeatable");
        new = Some(after);
        restore();
    }
    let new = new.unwrap();

    let mut kills =
        Kills { survived: 0, finished_first: 0, found_new: 0, in_write: 0, temporary_left: 0 };
    for i in 0..KILLS {
        let delay = duration.mul_f64(f64::from(i) / f64::from(KILLS - 1));
        let mut child = okr_command(ws.path())
            .args(&all)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // Kill sends SIGKILL on Unix; it fails only when the process is gone.
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert_ne!(status.code(), Some(101), "{name}: okr panicked");
        if status.success() {
            kills.finished_first += 1;
        }
        let now = read();
        if now == new {
            kills.found_new += 1;
        }
        assert!(
            now == old || now == new,
            "{name}: killed after {delay:?}, a file is neither old nor new"
        );
        for (path, bytes) in watched.iter().zip(&now) {
            if let Some(bytes) = bytes {
                let text = std::str::from_utf8(bytes).unwrap();
                assert!(text.parse::<toml::Table>().is_ok(), "{name}: `{path}` does not parse");
            }
        }
        kills.survived += 1;
        restore();
    }
    // Then kills inside the write itself: okr logs each file it is about to
    // write, move or remove, and the kill follows that line by 0 to 8 ms.
    for delay_ms in WINDOW_KILLS {
        let mut child = okr_command(ws.path())
            .args(&all)
            .env("OKR_LOG", "okr::workspace::transaction=debug")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
        let writing = |line: &String| {
            ["writing `", "moving `", "removing `"].iter().any(|w| line.contains(w))
        };
        let reached =
            std::io::BufRead::lines(stderr).map_while(Result::ok).any(|line| writing(&line));
        assert!(reached, "{name}: okr never said it was writing");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        assert_ne!(status.code(), Some(101), "{name}: okr panicked");
        let now = read();
        if now == new {
            kills.found_new += 1;
        }
        assert!(
            now == old || now == new,
            "{name}: killed {delay_ms} ms into the write, a file is neither old nor new"
        );
        kills.in_write += 1;
        kills.survived += 1;
        restore();
    }
    kills.temporary_left = temporary_files(ws.path()).len();
    let check = ws.check();
    assert_eq!(check.status, 0, "{name}: {:#}", check.json);
    assert!(
        check.diagnostics().iter().all(|d| !d["file"].as_str().unwrap_or("").contains("/.okr-")),
        "{name}: a temporary file was read as part of the workspace: {:#}",
        check.json
    );
    eprintln!(
        "{name}: {} of {} kills survived ({} aimed at the write; {} found the new file, {} runs had finished), {} temporary files left, hidden; one run takes {duration:?}",
        kills.survived,
        KILLS + kills.in_write,
        kills.in_write,
        kills.found_new,
        kills.finished_first,
        kills.temporary_left
    );
    kills
}

#[cfg(unix)]
#[test]
fn a_checkin_killed_at_any_moment_leaves_the_old_file_or_the_new() {
    let kills = kill_series("checkin", &["checkin", "web/2026-Q4/big/kr-1999", "42"], &[BIG]);
    assert_eq!(kills.survived, KILLS + 5);
}

#[cfg(unix)]
#[test]
fn an_objective_moved_and_killed_at_any_moment_is_at_one_place_or_the_other() {
    let moved = "groups/web/2026-Q4/moved.toml";
    let kills = kill_series("mv", &["mv", "web/2026-Q4/big", "web/2026-Q4/moved"], &[BIG, moved]);
    assert_eq!(kills.survived, KILLS + 5);
}

#[cfg(unix)]
#[test]
fn a_key_result_removed_and_killed_at_any_moment_leaves_the_old_file_or_the_new() {
    let kills = kill_series("rm", &["rm", "web/2026-Q4/big/kr-1000"], &[BIG]);
    assert_eq!(kills.survived, KILLS + 5);
}

#[test]
fn a_temporary_file_left_by_a_crash_is_no_part_of_the_workspace() {
    let ws = Workspace::new();
    // What a write killed between making its temporary file and renaming it
    // leaves in the file's folder: `.okr-`, six random characters, `.tmp`.
    ws.write("groups/web/2026-Q4/.okr-a1B2c3.tmp", "title = \"half a fi");
    ws.write("groups/web/.okr-x9Y8z7.tmp", [0xFF, 0xFE]);
    ws.check().expect_clean();
    assert_eq!(okr_on(ws.path(), &["checkin", "load-time", "850", "-q"]).status, 0);
    ws.check().expect_clean();
}

// ---------------------------------------------------------------------------
// Many writers at once.

#[test]
fn two_dozen_writers_at_once_keep_every_change_exactly_once() {
    let ws = Workspace::new();
    // Eight key results for `okr set` to change, one each, checked in lately.
    let mut objective = crate::support::FASTER_PAGES.to_owned();
    for k in 0..8 {
        let _ = write!(
            objective,
            "\n[key_result.s{k}]\ntitle = \"S{k}\"\nstart = 0\ntarget = 10\n\n[[key_result.s{k}.checkin]]\ndate = 2026-11-18\nvalue = 1\n"
        );
    }
    ws.write(OBJECTIVE, &objective);
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n\n[limits]\nmax_key_results = 20\n");
    let commands: Vec<Vec<String>> = (0..24)
        .map(|i| {
            let words: Vec<String> = match i % 3 {
                0 => vec!["checkin".into(), "load-time".into(), format!("{}", 2000 + i)],
                1 => vec![
                    "set".into(),
                    format!("web/2026-Q4/faster-pages/s{}", i / 3),
                    "target".into(),
                    format!("{}", 100 + i),
                ],
                _ => vec![
                    "add".into(),
                    "kr".into(),
                    "faster-pages".into(),
                    format!("New {i}"),
                    "--id".into(),
                    format!("new-{i}"),
                    "--milestone".into(),
                ],
            };
            words
        })
        .collect();
    let children: Vec<_> = commands
        .iter()
        .map(|words| {
            okr_command(ws.path())
                .args(words)
                .args(["--as-of", AS_OF, "-q"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (child, words) in children.into_iter().zip(&commands) {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "okr {}: {}",
            words.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    let text = std::fs::read_to_string(ws.path().join(OBJECTIVE)).unwrap();
    let mut kept = 0;
    for i in 0..24 {
        let (needle, what) = match i % 3 {
            0 => (format!("value = {}\n", 2000 + i), "check-in"),
            1 => (
                format!(
                    "[key_result.s{k}]\ntitle = \"S{k}\"\nstart = 0\ntarget = {}\n",
                    100 + i,
                    k = i / 3
                ),
                "set",
            ),
            _ => (format!("[key_result.new-{i}]\n"), "new key result"),
        };
        assert_eq!(text.matches(&needle).count(), 1, "{what} {i} is not there once:\n{text}");
        kept += 1;
    }
    // One check-in of the base objective, one of each `s` key result, eight new.
    assert_eq!(text.matches("[[key_result.load-time.checkin]]").count(), 1 + 8);
    assert_eq!(text.matches(".checkin]]").count(), 1 + 8 + 8);
    // Eight new key results, each a milestone after the last key result.
    assert_eq!(text.matches("kind = \"milestone\"").count(), 8);
    let check = ws.check();
    assert_eq!((check.status, check.json["errors"].as_u64()), (0, Some(0)), "{:#}", check.json);
    eprintln!("{kept} of 24 concurrent edits kept exactly once");
}

// ---------------------------------------------------------------------------
// Refusals that protect: each is refused with a message, and nothing changes.

/// Runs `args` and asserts it exits with `status`, says `says` on stderr and
/// leaves every file of the workspace as it was.
fn refused(ws_root: &Path, args: &[&str], status: i32, says: &str) {
    let before = snapshot(ws_root);
    let run = okr_on(ws_root, args);
    assert_eq!(run.status, status, "okr {}: {run:?}", args.join(" "));
    assert!(
        run.stderr.contains(says),
        "okr {}: expected `{says}` in {}",
        args.join(" "),
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "okr {}: {}", args.join(" "), run.stderr);
    assert!(snapshot(ws_root) == before, "okr {} changed the workspace", args.join(" "));
}

/// Whether this process can write files whatever their permissions say (root).
#[cfg(unix)]
fn permissions_do_not_bind(folder: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = folder.join(".probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o444)).unwrap();
    let writable = std::fs::OpenOptions::new().write(true).open(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    writable
}

/// Makes a file or folder unwritable for the length of a test: by its
/// permissions, or for root, whom permissions do not bind, by the immutable
/// attribute, which binds root too. `None`, with the reason printed, where
/// neither works here.
#[cfg(unix)]
struct Unwritable {
    path: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl Unwritable {
    fn make(path: &Path, mode: u32) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let folder = if path.is_dir() { path } else { path.parent().unwrap() };
        if !permissions_do_not_bind(folder) {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
            return Some(Unwritable { path: path.to_path_buf(), immutable: false });
        }
        let made = Command::new("chattr").arg("+i").arg(path).output();
        match made {
            Ok(output) if output.status.success() => {
                Some(Unwritable { path: path.to_path_buf(), immutable: true })
            }
            other => {
                eprintln!(
                    "skipped: running as root, whom permissions do not bind, and `chattr +i` is not available here ({other:?})"
                );
                None
            }
        }
    }
}

#[cfg(unix)]
impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        } else {
            let mode = if self.path.is_dir() { 0o755 } else { 0o644 };
            let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(mode));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced() {
    let ws = Workspace::new();
    let Some(guard) = Unwritable::make(&ws.path().join(OBJECTIVE), 0o444) else { return };
    refused(
        ws.path(),
        &["checkin", "load-time", "850"],
        2,
        "cannot write `groups/web/2026-Q4/faster-pages.toml`",
    );
    refused(ws.path(), &["set", "load-time", "target", "350"], 2, "cannot write");
    // Permissions let anyone remove a read-only file from a folder they may
    // write; only the immutable attribute keeps it.
    if guard.immutable {
        refused(ws.path(), &["rm", "faster-pages"], 2, "failed to remove");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gets_no_file() {
    let ws = Workspace::new();
    let Some(_guard) = Unwritable::make(&ws.path().join("groups/web/2026-Q4"), 0o555) else {
        return;
    };
    let says = "failed to create a temporary file in";
    refused(ws.path(), &["checkin", "load-time", "850"], 2, says);
    refused(ws.path(), &["add", "objective", "Grow", "--group", "web", "--lead", "bob"], 2, says);
}

/// A small file system of its own, mounted for one test and unmounted after.
#[cfg(target_os = "linux")]
struct SmallDisk {
    mount: PathBuf,
    _dir: tempfile::TempDir,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    /// A tmpfs of `kb` kilobytes, or `None`, with the reason printed, where
    /// this process may not mount one (not root, or a container without the
    /// capability).
    fn mount(kb: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mount = dir.path().join("disk");
        std::fs::create_dir(&mount).unwrap();
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kb}k"), "tmpfs"])
            .arg(&mount)
            .output();
        match output {
            Ok(output) if output.status.success() => Some(SmallDisk { mount, _dir: dir }),
            other => {
                eprintln!("skipped: a small tmpfs cannot be mounted here to fill ({other:?})");
                None
            }
        }
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.mount).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_old_file_and_no_temporary_one() {
    use std::io::Write;
    let Some(disk) = SmallDisk::mount(512) else { return };
    let root = disk.mount.join("ws");
    for (path, bytes) in snapshot(Workspace::new().path()) {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
    }
    // About 110 KB: room for the file, not for a second copy of it once the
    // disk is filled up.
    std::fs::write(root.join(BIG), big_objective(300, 3)).unwrap();
    std::fs::write(root.join(".okr.lock"), "").unwrap();
    let mut filler = std::fs::File::create(disk.mount.join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.write_all(&[0]);
    drop(filler);

    refused(&root, &["checkin", "web/2026-Q4/big/kr-299", "42"], 2, "failed to write");
    assert!(temporary_files(&root).is_empty(), "a temporary file was left on the full disk");
    refused(&root, &["rm", "web/2026-Q4/big/kr-5"], 2, "failed to write");
    // With room again, the same edit goes through.
    std::fs::remove_file(disk.mount.join("filler")).unwrap();
    assert_eq!(okr_on(&root, &["checkin", "web/2026-Q4/big/kr-299", "42", "-q"]).status, 0);
}

#[cfg(unix)]
#[test]
fn a_group_linked_to_etc_is_neither_read_nor_written_through() {
    let ws = Workspace::new();
    std::os::unix::fs::symlink("/etc", ws.path().join("groups/etc")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", ws.path().join("groups/web/2026-Q4/passwd.toml"))
        .unwrap();
    let check = ws.check();
    // A link is an entry of its folder, whatever it leads to: a finding at its first line.
    check.expect("link-outside", "error", "groups/etc", 1);
    check.expect("link-outside", "error", "groups/web/2026-Q4/passwd.toml", 1);
    assert_eq!(check.of("link-outside").len(), 2, "{:#}", check.json);
    // Nothing of what the links lead to is read, let alone printed.
    let human = okr_on(ws.path(), &["check"]);
    assert!(!human.stdout.contains("root:"), "{}", human.stdout);

    let group_file = Path::new("/etc/group.toml");
    let existed = group_file.exists();
    refused(
        ws.path(),
        &["add", "group", "etc", "--name", "Etc", "--parent", "acme"],
        2,
        "outside the workspace",
    );
    // Checking the edit did not list `/etc` through the link either.
    let run = okr_on(ws.path(), &["add", "group", "etc", "--name", "Etc", "--parent", "acme"]);
    assert!(!run.stderr.contains("is not a period"), "{}", run.stderr);
    assert_eq!(group_file.exists(), existed, "okr wrote into /etc");
    refused(
        ws.path(),
        &["add", "objective", "Grow", "--group", "etc", "--lead", "bob"],
        2,
        "`etc` is not a group",
    );
}

/// Ids that would leave the workspace or name no portable file.
const HOSTILE_IDS: [&str; 8] =
    ["..", "/etc/passwd", "a/../../b", "con", "aux", "nul", "com1", "lpt1"];

#[test]
fn hostile_ids_are_refused_wherever_an_id_is_given() {
    let ws = Workspace::new();
    for bad in HOSTILE_IDS {
        let device = !bad.contains('.') && !bad.contains('/');
        let says = if device { "it is a device name on Windows" } else { "is not an id" };
        for args in [
            &["add", "person", bad, "--name", "X"][..],
            &["add", "group", bad, "--name", "X", "--parent", "acme"],
            &["add", "objective", "Grow", "--group", "web", "--lead", "bob", "--id", bad],
            &["add", "kr", "faster-pages", "Speed", "--milestone", "--id", bad],
            &["add", "initiative", "faster-pages", "Work", "--owner", "carol", "--id", bad],
        ] {
            refused(ws.path(), args, 2, says);
        }
        let objective = format!("web/2026-Q4/{bad}");
        for args in [
            &["mv", "faster-pages", &objective][..],
            &["mv", "load-time", bad],
            &["checkin", bad, "1"],
            &["checkin", &format!("web/2026-Q4/{bad}/load-time"), "1"],
            &["add", "objective", "Grow", "--group", bad, "--lead", "bob"],
            &["add", "objective", "Grow", "--group", "web", "--lead", "bob", "--period", bad],
            &["add", "objective", "Grow", "--group", "web", "--lead", "bob", "--aligned-to", bad],
            &["set", "faster-pages", "aligned_to", bad],
            &["rm", bad],
            &["show", bad],
        ] {
            refused(ws.path(), args, 2, "error: ");
        }
        // A lead or an owner is checked as the reference it is: the edit adds an error.
        refused(
            ws.path(),
            &["add", "objective", "Grow", "--group", "web", "--lead", bad],
            1,
            "nothing was written",
        );
        refused(ws.path(), &["set", "faster-pages", "lead", bad], 1, "nothing was written");
    }
}

#[test]
fn a_title_that_reads_as_a_device_name_gets_a_portable_id() {
    let ws = Workspace::new();
    let run = okr_on(ws.path(), &["add", "objective", "Con", "--group", "web", "--lead", "bob"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(ws.path().join("groups/web/2026-Q4/con-1.toml").is_file());
    let run = okr_on(ws.path(), &["add", "kr", "con-1", "AUX", "--milestone"]);
    assert_eq!(run.status, 0, "{run:?}");
    let text = std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/con-1.toml")).unwrap();
    assert!(text.contains("[key_result.aux-1]\n"), "{text}");
}

#[test]
fn a_nul_byte_cannot_reach_okr_through_its_arguments() {
    // The operating system passes arguments as C strings: one with a NUL
    // byte cannot be given to any program, so a NUL reaches okr only from
    // a file, which the hostile catalogue covers.
    let ws = Workspace::new();
    let spawned = okr_command(ws.path()).args(["add", "person", "a\0b", "--name", "X"]).output();
    assert_eq!(spawned.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
}

// ---------------------------------------------------------------------------
// The hostile-input catalogue of `tests/hostile`.

/// A case that is generated here rather than committed, by its folder name.
fn generate(case: &str, ws: &Workspace) {
    match case {
        "objective-of-50-mb" => {
            // 50 MB of comment lines, then a misspelt key on the last line.
            let line = format!("# {}\n", "x".repeat(98));
            let mut text = String::from("title = \"Big\"\nlead = \"bob\"\n");
            text.push_str(&line.repeat(500_000));
            text.push_str("titel = \"at the end\"\n");
            ws.write(OBJECTIVE, text);
        }
        "checkins-100000" => {
            let mut text = crate::support::FASTER_PAGES.to_owned();
            for n in 0..100_000 {
                let _ = write!(
                    text,
                    "\n[[key_result.load-time.checkin]]\ndate = 2026-11-{:02}\nvalue = {}\n",
                    1 + n % 15,
                    1200 - n % 700
                );
            }
            ws.write(OBJECTIVE, text);
        }
        "key-results-10000" => {
            let mut text = String::from("title = \"Everything at once\"\nlead = \"bob\"\n");
            for k in 0..10_000 {
                let _ = write!(
                    text,
                    "\n[key_result.kr-{k}]\ntitle = \"Key result {k}\"\nkind = \"milestone\"\n\n[[key_result.kr-{k}.checkin]]\ndate = 2026-11-15\nvalue = false\n"
                );
            }
            ws.write(OBJECTIVE, text);
        }
        "titles-of-100-kb" => {
            let title = "Make pages fast ".repeat(6400);
            let note = "ünïcödé ✓ ".repeat(8000);
            let text = crate::support::FASTER_PAGES
                .replace("Make every page feel instant", &title)
                .replace("Median page load", &title)
                .replace("value = 900\n", &format!("value = 900\nnote = \"{note}\"\n"));
            ws.write(OBJECTIVE, text);
        }
        other => panic!("no generator for the case `{other}`"),
    }
}

/// One expected finding: `severity rule file line column`, `-` for none.
fn finding_line(d: &serde_json::Value) -> String {
    let or_dash = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "-".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    format!(
        "{} {} {} {} {}",
        or_dash(&d["severity"]),
        or_dash(&d["rule"]),
        or_dash(&d["file"]),
        or_dash(&d["line"]),
        or_dash(&d["column"])
    )
}

/// Runs the cases of `tests/hostile` that are committed, or those that are
/// generated, and checks that each gives exactly the findings of its
/// `expected` file (severity, rule, file, line, column).
fn hostile_cases(generated: bool) {
    let cases = repository().join("tests/hostile");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir() && e.path().join("generated").exists() == generated)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= if generated { 4 } else { 15 }, "only {} cases", names.len());
    for name in &names {
        let case = cases.join(name);
        let ws = Workspace::new();
        for (path, bytes) in snapshot(&case) {
            let path = path.to_str().unwrap();
            if path != "expected" && path != "generated" {
                ws.write(path, bytes);
            }
        }
        if generated {
            generate(name, &ws);
        }
        let started = Instant::now();
        let check = ws.check();
        let took = started.elapsed();
        let mut got: Vec<String> = check.diagnostics().iter().map(finding_line).collect();
        got.sort();
        let expected = std::fs::read_to_string(case.join("expected")).unwrap();
        let mut want: Vec<String> = expected
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        want.sort();
        assert_eq!(got, want, "{name}: the findings\n{:#}", check.json);
        let status = if want.iter().any(|l| l.starts_with("error ")) { 1 } else { 0 };
        assert_eq!(check.status, status, "{name}");
        if generated {
            eprintln!("{name}: `okr check --format json` took {took:?}");
            continue;
        }
        // The human output of the same findings prints too, and so does a report.
        let human = okr_on(ws.path(), &["check"]);
        assert_eq!(human.status, status, "{name}: {}", human.stderr);
        let report = okr_on(ws.path(), &["report", "--format", "json"]);
        assert_eq!(report.status, 0, "{name}: {}", report.stderr);
        assert!(serde_json::from_str::<serde_json::Value>(&report.stdout).is_ok(), "{name}");
    }
}

#[test]
fn every_committed_hostile_case_gives_exactly_its_findings() {
    hostile_cases(false);
}

/// The large cases: they must finish; how fast is measured by hand, not here.
#[test]
fn every_generated_hostile_case_gives_exactly_its_findings() {
    hostile_cases(true);
}
