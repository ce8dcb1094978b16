//! The writing commands of SPEC §6 with the guarantees of §7: before and
//! after folders for every command, byte for byte; checks before writing;
//! concurrent writers; untouched files left alone.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::support::{FASTER_PAGES, Workspace, okr_in, repository};

/// Every file below `folder`, relative, without the lock a writer leaves.
fn files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap().to_path_buf();
                if relative != Path::new(".okr.lock") && relative != Path::new(".keep") {
                    found.push(relative);
                }
            }
        }
    }
    found.sort();
    found
}

/// Runs each case of `tests/edits`: `in/` copied to a temporary folder,
/// the command of `cmd` run there, the result compared with `out/`.
#[test]
fn every_writing_command_changes_exactly_what_it_means_to() {
    let cases = repository().join("tests/edits");
    let mut ran = 0;
    for case in std::fs::read_dir(&cases).unwrap().flatten().filter(|e| e.path().is_dir()) {
        let case = case.path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let ws = Workspace::copy_of(&case.join("in"));
        let command = std::fs::read_to_string(case.join("cmd")).unwrap();
        let args = shell_words::split(command.trim()).unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = okr_in(ws.path(), &args);
        let status =
            std::fs::read_to_string(case.join("status")).map_or(0, |s| s.trim().parse().unwrap());
        assert_eq!(run.status, status, "{name}: {run:?}");

        let expected = case.join("out");
        assert_eq!(files(ws.path()), files(&expected), "{name}: the files");
        for file in files(&expected) {
            let want = std::fs::read(expected.join(&file)).unwrap();
            let got = std::fs::read(ws.path().join(&file)).unwrap();
            assert!(
                want == got,
                "{name}: `{}` differs:\n{}",
                file.display(),
                String::from_utf8_lossy(&got)
            );
        }
        ran += 1;
    }
    assert!(ran >= 10, "only {ran} cases");
}

#[test]
fn a_workspace_built_only_with_commands_checks_clean() {
    let ws = Workspace::bare();
    let okr = |args: &[&str]| {
        let mut all = vec!["--as-of", "2026-11-20"];
        all.extend_from_slice(args);
        let run = ws.okr(&all);
        assert_eq!(run.status, 0, "okr {}: {run:?}", args.join(" "));
        run
    };
    okr(&["init", "--org", "Acme Corp"]);
    okr(&["add", "person", "alice", "--name", "Alice"]);
    okr(&["add", "person", "bob", "--name", "Bob"]);
    okr(&["set", "acme-corp", "lead", "alice"]);
    okr(&[
        "add", "group", "web", "--name", "Web", "--parent", "acme-corp", "--lead", "bob",
        "--member", "alice",
    ]);
    let added = okr(&[
        "add", "objective", "Make pages fast", "--group", "web", "--lead", "bob", "--format",
        "json",
    ]);
    assert_eq!(added.stdout, "{\"ref\":\"web/2026-Q4/make-pages-fast\"}\n");
    assert!(
        added.stderr.contains("added objective web/2026-Q4/make-pages-fast"),
        "{}",
        added.stderr
    );
    okr(&[
        "add", "kr", "make-pages-fast", "Median load", "--start", "1200", "--target", "400",
        "--unit", "ms",
    ]);
    okr(&["add", "kr", "make-pages-fast", "CDN live", "--milestone"]);
    okr(&[
        "add", "initiative", "make-pages-fast", "Move to a CDN", "--owner", "alice", "--supports",
        "cdn-live",
    ]);
    okr(&["checkin", "median-load", "900", "--by", "bob"]);
    okr(&["checkin", "cdn-live", "done"]);
    let check = ws.check();
    check.expect_clean();
    let shown: serde_json::Value =
        serde_json::from_str(&okr(&["show", "make-pages-fast", "--format", "json"]).stdout)
            .unwrap();
    // (900 - 1200) / (400 - 1200) = 0.375 and the milestone done: (0.375 + 1) / 2.
    assert!((shown["progress"].as_f64().unwrap() - 0.6875).abs() < 1e-9, "{shown}");
}

#[test]
fn twenty_checkins_at_once_are_all_kept() {
    let ws = Workspace::new();
    let children: Vec<_> = (0..20)
        .map(|n| {
            crate::support::okr_command(ws.path())
                .args(["checkin", "load-time", &(800 + n).to_string(), "--as-of", "2026-11-20"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    for n in 0..20 {
        assert!(text.contains(&format!("value = {}\n", 800 + n)), "check-in {n} is lost:\n{text}");
    }
    assert_eq!(text.matches("[[key_result.load-time.checkin]]").count(), 21);
}

#[test]
fn files_an_edit_does_not_change_keep_their_bytes_and_time() {
    let ws = Workspace::new();
    let people = ws.path().join("people.toml");
    let old = SystemTime::now() - Duration::from_secs(86_400);
    std::fs::File::options().write(true).open(&people).unwrap().set_modified(old).unwrap();
    let before = std::fs::read(&people).unwrap();
    assert_eq!(ws.okr(&["checkin", "load-time", "850", "--as-of", "2026-11-20"]).status, 0);
    assert_eq!(std::fs::read(&people).unwrap(), before);
    assert_eq!(std::fs::metadata(&people).unwrap().modified().unwrap(), old);
}

#[test]
fn bad_input_is_refused_and_touches_nothing() {
    let ws = Workspace::new();
    let snapshot = || {
        files(ws.path())
            .into_iter()
            .map(|f| (std::fs::read(ws.path().join(&f)).unwrap(), f))
            .collect::<Vec<_>>()
    };
    let before = snapshot();
    let long = "x".repeat(65);
    let cases: Vec<Vec<&str>> = vec![
        vec!["checkin", "load-time", "fast"],
        vec!["checkin", "nothing", "1"],
        vec!["add", "person", "../x", "--name", "X"],
        vec!["add", "person", "Bad Name", "--name", "X"],
        vec!["add", "person", "", "--name", "X"],
        vec!["add", "person", &long, "--name", "X"],
        vec!["add", "group", "../../etc", "--name", "X", "--parent", "acme"],
        vec!["add", "objective", "Grow", "--group", "nobody", "--lead", "bob"],
        vec!["add", "objective", "Grow", "--group", "web", "--lead", "bob", "--period", "2026-Q5"],
        vec!["add", "objective", "Grow", "--group", "web", "--lead", "bob", "--id", "../../x"],
        vec![
            "add", "objective", "Make every page feel instant", "--group", "web", "--lead", "bob",
            "--id", "faster-pages",
        ],
        vec!["add", "kr", "faster-pages", "Speed", "--start", "1", "--target", "x"],
        vec!["add", "kr", "faster-pages", "Speed"],
        vec!["set", "faster-pages", "colour", "red"],
        vec!["set", "load-time", "target", "soon"],
        vec!["mv", "faster-pages", "web/2026-Q4/../x"],
        vec!["rm", "nothing"],
    ];
    for args in cases {
        let mut all = args.clone();
        all.extend(["--as-of", "2026-11-20"]);
        let run = ws.okr(&all);
        assert_eq!(run.status, 2, "okr {}: {run:?}", args.join(" "));
        assert!(run.stderr.starts_with("error: "), "okr {}: {}", args.join(" "), run.stderr);
        assert_eq!(snapshot(), before, "okr {} touched a file", args.join(" "));
    }
    // A valid edit that adds an error exits 1 and writes nothing either.
    let run = ws.okr(&[
        "add", "objective", "Grow", "--group", "web", "--lead", "zed", "--as-of", "2026-11-20",
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stderr.contains("unknown-person") && run.stderr.contains("nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(), before);
}

#[test]
fn an_existing_error_elsewhere_does_not_block_an_unrelated_edit() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q4/broken.toml", "title = \n");
    assert_eq!(ws.okr(&["checkin", "load-time", "850", "--as-of", "2026-11-20"]).status, 0);
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(
        text.ends_with("[[key_result.load-time.checkin]]\ndate = 2026-11-20\nvalue = 850\n"),
        "{text}"
    );
    assert_eq!(
        FASTER_PAGES.len()
            + "\n[[key_result.load-time.checkin]]\ndate = 2026-11-20\nvalue = 850\n".len(),
        text.len()
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_workspace_is_never_written_through() {
    let ws = Workspace::new();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("people.toml");
    std::fs::write(&target, "[person.bob]\nname = \"Bob\"\n").unwrap();
    std::fs::remove_file(ws.path().join("people.toml")).unwrap();
    std::os::unix::fs::symlink(&target, ws.path().join("people.toml")).unwrap();
    let run = ws.okr(&["add", "person", "dana", "--name", "Dana", "--as-of", "2026-11-20"]);
    assert_ne!(run.status, 0, "{run:?}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "[person.bob]\nname = \"Bob\"\n");
}

/// An editor: a shell script that runs `body` on the file it is given.
fn editor(ws: &Workspace, body: &str) -> String {
    let script = ws.path().join(".editor.sh");
    std::fs::write(&script, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    format!("sh {}", script.display())
}

#[cfg(unix)]
#[test]
fn edit_saves_a_valid_edit_and_refuses_a_broken_one() {
    let ws = Workspace::new();
    let file = ws.path().join("groups/web/2026-Q4/faster-pages.toml");
    let run = |editor: &str| {
        crate::support::okr_command(ws.path())
            .env("EDITOR", editor)
            .env_remove("VISUAL")
            .args(["edit", "load-time", "--as-of", "2026-11-20"])
            .output()
            .unwrap()
    };

    let output = run(&editor(&ws, "sed -i 's/target = 400/target = 350/' \"$1\""));
    assert!(output.status.success(), "{output:?}");
    assert!(std::fs::read_to_string(&file).unwrap().contains("target = 350\n"));

    let before = std::fs::read(&file).unwrap();
    let output = run(&editor(&ws, "sed -i 's/lead = \"bob\"/lead = \"zed\"/' \"$1\""));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown-person") && stderr.contains("your text is kept in"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was saved");

    // The file changes on disk while the editor is open: the editor's text is not saved over it.
    let sneaky = format!(
        "echo '# changed' >> {}\nsed -i 's/target = 350/target = 300/' \"$1\"",
        file.display()
    );
    let output = run(&editor(&ws, &sneaky));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("changed on disk"));
    let on_disk = std::fs::read_to_string(&file).unwrap();
    assert!(on_disk.ends_with("# changed\n") && !on_disk.contains("target = 300"), "{on_disk}");

    let output = crate::support::okr_command(ws.path())
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .args(["edit", "load-time"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("set `VISUAL` or `EDITOR`"));
}

#[test]
fn a_missing_value_off_a_terminal_names_the_flag() {
    let ws = Workspace::new();
    let run =
        ws.okr(&["add", "objective", "Grow signups", "--lead", "bob", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("`--group` is required"), "{}", run.stderr);
    let run = ws.okr(&["--no-input", "add", "person", "dana", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("`--name` is required"), "{}", run.stderr);
}

#[cfg(unix)]
mod prompts {
    use rexpect::session::spawn_command;

    use crate::support::Workspace;
    use crate::support::pty::{keys, spawn};

    #[test]
    fn missing_values_are_asked_for_with_the_workspace_as_choices() {
        let ws = Workspace::new();
        let mut session =
            spawn(&ws, &["add", "objective", "Grow signups", "--as-of", "2026-11-20"]);
        // The choices are acme, then web: one down (`j`) and enter.
        session.exp_string("Group that owns it").unwrap();
        session.exp_string("web").unwrap();
        keys(&mut session, "j");
        keys(&mut session, "\r");
        // alice, bob, carol: one down is bob.
        session.exp_string("Lead").unwrap();
        session.exp_string("carol").unwrap();
        keys(&mut session, "j");
        keys(&mut session, "\r");
        session.exp_string("added objective web/2026-Q4/grow-signups").unwrap();
        session.exp_eof().unwrap();
        let text = std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/grow-signups.toml"))
            .unwrap();
        assert_eq!(text, "title = \"Grow signups\"\nlead = \"bob\"\n");
    }

    #[test]
    fn edit_offers_to_reopen_a_broken_edit_with_the_text_kept() {
        let ws = Workspace::new();
        // The first run breaks the lead; the second finds the broken text and mends it.
        let script = ws.path().join(".editor.sh");
        std::fs::write(&script, "#!/bin/sh\nif grep -q zed \"$1\"; then sed -i 's/zed/carol/' \"$1\"; else sed -i 's/\"bob\"/\"zed\"/' \"$1\"; fi\n").unwrap();
        let mut command = crate::support::okr_command(ws.path());
        command
            .args(["edit", "faster-pages", "--as-of", "2026-11-20"])
            .env("TERM", "xterm")
            .env("EDITOR", format!("sh {}", script.display()));
        let mut session = spawn_command(command, Some(10_000)).unwrap();
        session.exp_string("Edit it again?").unwrap();
        keys(&mut session, "y");
        session.exp_string("saved `groups/web/2026-Q4/faster-pages.toml`").unwrap();
        session.exp_eof().unwrap();
        let text = std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml"))
            .unwrap();
        assert!(text.contains("lead = \"carol\"\n"), "{text}");
    }

    #[test]
    fn checkin_asks_for_the_key_result_and_the_value() {
        let ws = Workspace::new();
        let mut session = spawn(&ws, &["checkin", "--as-of", "2026-11-20"]);
        session.exp_string("Key result").unwrap();
        session.exp_string("web/2026-Q4/faster-pages/load-time").unwrap();
        keys(&mut session, "\r");
        session.exp_string("Value").unwrap();
        keys(&mut session, "850\r");
        session.exp_string("checked in 850 on web/2026-Q4/faster-pages/load-time").unwrap();
        session.exp_eof().unwrap();
        let text = std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml"))
            .unwrap();
        assert!(text.ends_with("date = 2026-11-20\nvalue = 850\n"), "{text}");
    }

    #[test]
    fn ctrl_c_at_a_prompt_writes_nothing_and_shows_the_cursor_again() {
        let ws = Workspace::new();
        let before = std::fs::read_dir(ws.path().join("groups/web/2026-Q4")).unwrap().count();
        let mut session =
            spawn(&ws, &["add", "objective", "Grow signups", "--as-of", "2026-11-20"]);
        session.exp_string("web").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        session.send_control('c').unwrap();
        let rest = session.exp_eof().unwrap();
        // The escape sequence that shows the cursor, sent after the prompt hid it.
        assert!(rest.contains("\u{1b}[?25h"), "{rest:?}");
        let after = std::fs::read_dir(ws.path().join("groups/web/2026-Q4")).unwrap().count();
        assert_eq!(before, after);
    }
}

#[cfg(unix)]
#[test]
fn a_write_keeps_permissions_and_follows_a_link_inside_the_workspace() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    let real = ws.path().join("drafts/faster-pages.toml");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::rename(ws.path().join("groups/web/2026-Q4/faster-pages.toml"), &real).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = ws.path().join("groups/web/2026-Q4/faster-pages.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    assert_eq!(ws.okr(&["checkin", "load-time", "850", "--as-of", "2026-11-20"]).status, 0);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link stays a link"
    );
    assert!(std::fs::read_to_string(&real).unwrap().ends_with("value = 850\n"));
    assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
}

#[test]
fn rm_refuses_what_is_still_referenced_and_mv_a_key_result_follows_its_initiatives() {
    let ws = Workspace::new();
    let objective = format!(
        "{FASTER_PAGES}\n[initiative.cdn]\ntitle = \"CDN\"\nowner = \"carol\"\nsupports = [\"load-time\"] # the main lever\n"
    );
    ws.write("groups/web/2026-Q4/faster-pages.toml", &objective);
    let run = ws.okr(&["rm", "load-time", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("still support `load-time`"), "{}", run.stderr);

    ws.write("groups/acme/2026-Q4/win.toml", "title = \"Win\"\nlead = \"alice\"\n");
    ws.write(
        "groups/web/2026-Q4/faster-pages.toml",
        objective.replace("lead = \"bob\"", "lead = \"bob\"\naligned_to = \"acme/2026-Q4/win\""),
    );
    let run = ws.okr(&["rm", "acme/2026-Q4/win", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("still align to `acme/2026-Q4/win`"), "{}", run.stderr);

    assert_eq!(ws.okr(&["mv", "load-time", "median-load", "--as-of", "2026-11-20"]).status, 0);
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(
        text.contains("[key_result.median-load]\n")
            && text.contains("[[key_result.median-load.checkin]]\n"),
        "{text}"
    );
    assert!(text.contains("supports = [\"median-load\"] # the main lever\n"), "{text}");
}

#[test]
fn a_file_with_dotted_keys_is_refused_by_name_not_rewritten() {
    let ws = Workspace::new();
    // Dotted keys with another key between them: toml_edit would group them on any write.
    let dotted = "title = \"Make every page feel instant\"\nkey_result.load-time.title = \"Median page load\"\nlead = \"bob\"\nkey_result.load-time.start = 1200\nkey_result.load-time.target = 400\n";
    ws.write("groups/web/2026-Q4/faster-pages.toml", dotted);
    // The loader reads dotted keys; only editing refuses them.
    ws.check().expect_none("parse-error");
    let run = ws.okr(&["set", "load-time", "target", "350", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("dotted keys"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap(),
        dotted
    );
}

#[test]
fn a_negative_value_is_a_value_and_a_milestone_takes_done() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q4/faster-pages.toml", "title = \"T\"\nlead = \"bob\"\n\n[key_result.delta]\ntitle = \"Delta\"\nstart = 0\ntarget = -10\n\n[key_result.ship]\ntitle = \"Ship\"\nkind = \"milestone\"\n");
    assert_eq!(ws.okr(&["checkin", "delta", "-4.5", "--as-of", "2026-11-20"]).status, 0);
    assert_eq!(
        ws.okr(&["checkin", "ship", "done", "--date", "2026-11-19", "--as-of", "2026-11-20"])
            .status,
        0
    );
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(
        text.contains("[[key_result.delta.checkin]]\ndate = 2026-11-20\nvalue = -4.5\n"),
        "{text}"
    );
    assert!(
        text.contains("[[key_result.ship.checkin]]\ndate = 2026-11-19\nvalue = true\n"),
        "{text}"
    );
    assert_eq!(ws.okr(&["checkin", "ship", "maybe", "--as-of", "2026-11-20"]).status, 2);
}

#[cfg(unix)]
#[test]
fn writes_never_leave_the_workspace_through_a_folder_or_lock_link() {
    let ws = Workspace::new();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), ws.path().join("groups/web/2027-Q1")).unwrap();
    let run = ws.okr(&[
        "add", "objective", "Zip it", "--group", "web", "--lead", "bob", "--period", "2027-Q1",
        "--as-of", "2026-11-20",
    ]);
    assert_ne!(run.status, 0, "{run:?}");
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        0,
        "nothing was written outside"
    );

    let ws = Workspace::new();
    std::os::unix::fs::symlink(outside.path().join("lock"), ws.path().join(".okr.lock")).unwrap();
    let run = ws.okr(&["checkin", "load-time", "850", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(!outside.path().join("lock").exists());
}

#[cfg(unix)]
#[test]
fn new_files_get_the_usual_mode_and_edit_copies_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::new();
    // What any new file gets here, the umask applied.
    let probe = ws.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    std::fs::remove_file(&probe).unwrap();
    assert_eq!(
        ws.okr(&[
            "add", "objective", "Grow", "--group", "web", "--lead", "bob", "--as-of", "2026-11-20"
        ])
        .status,
        0
    );
    let mode = std::fs::metadata(ws.path().join("groups/web/2026-Q4/grow.toml"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, usual);

    let breaking = editor(&ws, "sed -i 's/\"bob\"/\"zed\"/' \"$1\"");
    let output = crate::support::okr_command(ws.path())
        .env("EDITOR", breaking)
        .env_remove("VISUAL")
        .args(["edit", "faster-pages", "--as-of", "2026-11-20"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let kept = stderr
        .split("kept in `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .expect("the copy's path");
    let copy = Path::new(kept);
    assert!(copy.file_name().unwrap().to_string_lossy().starts_with("okr-edit-"));
    assert_eq!(
        std::fs::metadata(copy).unwrap().permissions().mode() & 0o077,
        0,
        "only its owner may read the copy"
    );
    std::fs::remove_file(copy).unwrap();
}

#[test]
fn rm_removes_a_group_without_objectives_and_refuses_while_files_are_unreadable() {
    let ws = Workspace::new();
    assert_eq!(
        ws.okr(&[
            "add", "group", "solo", "--name", "Solo", "--parent", "acme", "--as-of", "2026-11-20"
        ])
        .status,
        0
    );
    let run = ws.okr(&["rm", "solo", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(!ws.path().join("groups/solo").exists());

    ws.write("groups/acme/2026-Q4/win.toml", "title = \"Win\"\nlead = \"alice\"\n");
    ws.write(
        "groups/web/2026-Q4/broken.toml",
        "title = \"Grow\"\naligned_to = \"acme/2026-Q4/win\"\nlead = = \"bob\"\n",
    );
    let run = ws.okr(&["rm", "acme/2026-Q4/win", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("cannot be read"), "{}", run.stderr);
    assert!(ws.path().join("groups/acme/2026-Q4/win.toml").exists());
}

#[test]
fn aligned_to_takes_a_short_reference_and_writes_it_in_full() {
    let ws = Workspace::new();
    ws.write("groups/acme/2026-Q4/win-the-mid-market.toml", "title = \"Win\"\nlead = \"alice\"\n\n[key_result.deals]\ntitle = \"Deals\"\nstart = 1\ntarget = 3\n\n[[key_result.deals.checkin]]\ndate = 2026-11-18\nvalue = 2\n");
    assert_eq!(
        ws.okr(&[
            "set", "faster-pages", "aligned_to", "win-the-mid-market", "--as-of", "2026-11-20"
        ])
        .status,
        0
    );
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(text.contains("aligned_to = \"acme/2026-Q4/win-the-mid-market\"\n"), "{text}");
}

#[test]
fn a_checkin_reads_one_period_yet_alignment_to_another_does_not_block_it() {
    let ws = Workspace::new();
    // The parent lives in the year 2026, outside the check-in's quarter.
    ws.write("groups/acme/2026/year.toml", "title = \"Year\"\nlead = \"alice\"\n\n[key_result.k]\ntitle = \"K\"\nkind = \"milestone\"\n");
    ws.write(
        "groups/web/2026-Q4/faster-pages.toml",
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bob\"\naligned_to = \"acme/2026/year\""),
    );
    ws.check().expect_none("bad-alignment");
    let run = ws.okr(&["checkin", "load-time", "850", "--as-of", "2026-11-20", "-v"]);
    assert_eq!(run.status, 0, "{run:?}");
    let text =
        std::fs::read_to_string(ws.path().join("groups/web/2026-Q4/faster-pages.toml")).unwrap();
    assert!(text.ends_with("value = 850\n"), "{text}");
    // A new error is still refused on the scoped load.
    let refused = ws.okr(&["checkin", "load-time", "800", "--by", "zed", "--as-of", "2026-11-20"]);
    assert_eq!(refused.status, 1, "{refused:?}");
}

#[test]
fn a_checkin_by_full_reference_reads_its_own_file_and_still_refuses_new_errors() {
    let ws = Workspace::new();
    // Broken files elsewhere: a narrow read does not see them, nor need to.
    ws.write("groups/acme/group.toml", "name = \n");
    ws.write("groups/web/2026-Q3/old.toml", "title = \n");
    let run =
        ws.okr(&["checkin", "web/2026-Q4/faster-pages/load-time", "850", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 0, "{run:?}");
    let file = ws.path().join("groups/web/2026-Q4/faster-pages.toml");
    assert!(std::fs::read_to_string(&file).unwrap().ends_with("value = 850\n"));
    let before = std::fs::read(&file).unwrap();
    let refused = ws.okr(&[
        "checkin",
        "web/2026-Q4/faster-pages/load-time",
        "800",
        "--by",
        "zed",
        "--as-of",
        "2026-11-20",
    ]);
    assert_eq!(refused.status, 1, "{refused:?}");
    assert!(refused.stderr.contains("unknown-person"), "{}", refused.stderr);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // A full reference to nothing still says so.
    let missing =
        ws.okr(&["checkin", "web/2026-Q4/nothing/load-time", "1", "--as-of", "2026-11-20"]);
    assert_eq!(missing.status, 2, "{missing:?}");
}

#[test]
fn a_checkin_takes_the_people_it_read_once_and_their_old_errors_stay_old() {
    let ws = Workspace::new();
    // An error already in `people.toml`: carol has no name. An edit checks the
    // workspace before and after; the people read before are taken again, and
    // their finding must still be the same one, not a new error.
    ws.write(
        "people.toml",
        "[person.alice]\nname = \"Alice\"\n\n[person.bob]\nname = \"Bob\"\n\n[person.carol]\n",
    );
    assert_eq!(ws.check().of("bad-value").len(), 1);
    let full = "web/2026-Q4/faster-pages/load-time";
    let run = ws.okr(&["checkin", full, "850", "--by", "carol", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 0, "{run:?}");
    let file = ws.path().join("groups/web/2026-Q4/faster-pages.toml");
    assert!(std::fs::read_to_string(&file).unwrap().ends_with("by = \"carol\"\n"));

    // A check-in by nobody still needs no people, and one by a stranger is refused.
    assert_eq!(ws.okr(&["checkin", full, "840", "--as-of", "2026-11-20"]).status, 0);
    let refused = ws.okr(&["checkin", full, "830", "--by", "dave", "--as-of", "2026-11-20"]);
    assert_eq!(refused.status, 1, "{refused:?}");
    assert!(refused.stderr.contains("`dave`, `by` of a check-in of `load-time`"), "{refused:?}");
}
