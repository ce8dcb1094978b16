//! Hand-made bad input: each gives a finding with its place, never a panic,
//! and the rest of the workspace is still checked.

use crate::support::{FASTER_PAGES, Workspace};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";
const OTHER: &str = "groups/web/2026-Q4/other.toml";

/// The base workspace with a second, broken-in-a-known-way objective beside
/// the file under test, so that each test can see the walk went on.
fn with_bad(contents: impl AsRef<[u8]>) -> Workspace {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, contents);
    ws.write(OTHER, "title = \"Other\"\nlead = \"bob\"\n");
    ws
}

fn assert_walk_went_on(check: &crate::support::Check) {
    check.expect("no-key-results", "warning", OTHER, 1);
}

#[test]
fn invalid_toml() {
    let check = with_bad("title = \"unclosed\nlead = \"bob\"\n").check();
    check.expect("parse-error", "error", OBJECTIVE, 1);
    assert_walk_went_on(&check);
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut bytes = b"title = \"caf".to_vec();
    bytes.extend([0xE9, b'"', b'\n']);
    let check = with_bad(bytes).check();
    let finding = check.expect("parse-error", "error", OBJECTIVE, 1);
    assert_eq!(finding["column"], 13);
    assert!(finding["message"].as_str().unwrap().contains("UTF-8"));
    assert_walk_went_on(&check);
}

#[test]
fn a_byte_order_mark_is_read_as_valid() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bob\"\ntitel = 1").as_bytes());
    let check = with_bad(bytes).check();
    // The mark is no character of the file: the unknown key sits at line 3, column 1.
    let finding = check.expect("unknown-key", "error", OBJECTIVE, 3);
    assert_eq!(finding["column"], 1);
    check.expect_none("parse-error");
}

#[test]
fn duplicate_keys() {
    let check =
        with_bad(FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bob\"\nlead = \"carol\""))
            .check();
    check.expect("parse-error", "error", OBJECTIVE, 3);
    assert!(check.of("parse-error")[0]["message"].as_str().unwrap().contains("duplicate key"));
    assert_walk_went_on(&check);
}

#[test]
fn twenty_thousand_nested_brackets() {
    let deep = format!(
        "title = \"Deep\"\nlead = \"bob\"\nx = {}{}\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let check = with_bad(deep).check();
    check.expect("parse-error", "error", OBJECTIVE, 3);
    assert_walk_went_on(&check);

    let tables = format!(
        "title = \"Deep\"\nlead = \"bob\"\nx = {}1{}\n",
        "{a = ".repeat(20_000),
        "}".repeat(20_000)
    );
    with_bad(tables).check().expect("parse-error", "error", OBJECTIVE, 3);
}

#[test]
fn nan_and_infinite_numbers_are_bad_key_results() {
    for (bad, line) in [("start = nan", 6), ("target = inf", 7), ("target = -inf", 7)] {
        let key = bad.split(' ').next().unwrap();
        let text = FASTER_PAGES
            .lines()
            .map(|l| if l.starts_with(&format!("{key} =")) { bad.to_owned() } else { l.to_owned() })
            .collect::<Vec<_>>()
            .join("\n");
        let check = with_bad(text).check();
        let finding = check.expect("bad-key-result", "error", OBJECTIVE, line);
        assert!(finding["message"].as_str().unwrap().contains("finite"), "{finding}");
        assert_walk_went_on(&check);
    }
}

#[test]
fn a_date_written_as_a_string_or_a_datetime() {
    let check =
        with_bad(FASTER_PAGES.replace("date = 2026-11-15", "date = \"2026-11-15\"")).check();
    let finding = check.expect("bad-key-result", "error", OBJECTIVE, 11);
    assert!(finding["help"].as_str().unwrap().contains("`date = 2026-11-15`"), "{finding}");
    assert_walk_went_on(&check);

    let check =
        with_bad(FASTER_PAGES.replace("date = 2026-11-15", "date = 2026-11-15T09:30:00Z")).check();
    let finding = check.expect("bad-key-result", "error", OBJECTIVE, 11);
    assert!(finding["message"].as_str().unwrap().contains("date and time"), "{finding}");

    let due = format!("{FASTER_PAGES}\n[initiative.cdn]\ntitle = \"CDN\"\ndue = \"soon\"\n");
    // 12 lines of the base objective, a blank line, then the initiative: `due` is line 16.
    with_bad(due).check().expect("bad-value", "error", OBJECTIVE, 16);
}

#[test]
fn a_value_of_the_wrong_type() {
    let check = with_bad(FASTER_PAGES.replace("start = 1200", "start = \"1200\"")).check();
    let finding = check.expect("bad-key-result", "error", OBJECTIVE, 6);
    assert!(finding["message"].as_str().unwrap().contains("must be a number, found a string"));
    // The missing start is not reported a second time.
    assert_eq!(check.of("bad-key-result").len(), 1, "{:#}", check.json);

    let ws = Workspace::new();
    ws.write(
        "groups/web/group.toml",
        "name = \"Web\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = \"carol\"\n",
    );
    ws.check().expect("bad-value", "error", "groups/web/group.toml", 4);
}

#[test]
fn a_table_where_a_value_belongs() {
    let check = with_bad(FASTER_PAGES.replace(
        "title = \"Median page load\"",
        "[key_result.load-time.title]\ntext = \"Median\"",
    ))
    .check();
    let finding = check.expect("bad-key-result", "error", OBJECTIVE, 5);
    assert!(finding["message"].as_str().unwrap().contains("found a table"), "{finding}");

    let inline =
        with_bad(FASTER_PAGES.replace("lead = \"bob\"", "lead = { id = \"bob\" }")).check();
    inline.expect("bad-value", "error", OBJECTIVE, 2);
    inline.expect_none("lead-missing");
}

#[test]
fn unknown_keys_get_a_did_you_mean() {
    let check = with_bad(
        FASTER_PAGES
            .replace("[key_result.load-time]", "[key_results.load-time]")
            .replace("[[key_result.load-time", "[[key_results.load-time"),
    )
    .check();
    let finding = check.expect("unknown-key", "error", OBJECTIVE, 4);
    assert!(finding["help"].as_str().unwrap().contains("did you mean `key_result`?"), "{finding}");
}

#[test]
fn names_that_are_not_ids_and_stray_files() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q4/Faster Pages.toml", FASTER_PAGES);
    ws.write("groups/web/2026-Q4/notes.txt", "notes\n");
    ws.write("groups/web/README.md", "# Web\n");
    ws.write("groups/stray.toml", "x = 1\n");
    ws.write("groups/web/.gitkeep", "");
    let check = ws.check();
    let name = check.expect("bad-id", "error", "groups/web/2026-Q4/Faster Pages.toml", 1);
    assert!(name["help"].as_str().unwrap().contains("faster-pages.toml"), "{name}");
    check.expect("bad-id", "error", "groups/web/2026-Q4/notes.txt", 1);
    check.expect("bad-period", "error", "groups/web/README.md", 1);
    check.expect("bad-id", "error", "groups/stray.toml", 1);
    // Hidden files such as `.gitkeep` are git's, not okr's.
    assert!(check.diagnostics().iter().all(|d| d["file"] != "groups/web/.gitkeep"));
}

#[test]
fn broken_settings_keep_their_defaults_and_the_walk_goes_on() {
    let ws = Workspace::new();
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\nfiscal_year_start = 13\n\n[limits]\nmax_objectives = \"five\"\n");
    ws.write(OTHER, "title = \"Other\"\nlead = \"bob\"\n");
    let check = ws.check();
    check.expect("bad-value", "error", "okr.toml", 3);
    check.expect("bad-value", "error", "okr.toml", 6);
    assert_walk_went_on(&check);

    ws.write("okr.toml", "[organization\nname = \"Acme\"\n");
    let check = ws.check();
    check.expect("parse-error", "error", "okr.toml", 1);
    assert_walk_went_on(&check);

    ws.write("okr.toml", "[organization]\n");
    ws.check().expect("bad-value", "error", "okr.toml", 1);
}

#[test]
fn unreadable_files_do_not_cascade_into_other_findings() {
    let ws = Workspace::new();
    ws.write("people.toml", "[person.alice\n");
    ws.write("groups/web/2026-Q3/parent.toml", "title = \"oops\n");
    ws.write(
        OBJECTIVE,
        FASTER_PAGES
            .replace("lead = \"bob\"", "lead = \"bob\"\naligned_to = \"web/2026-Q3/parent\""),
    );
    let check = ws.check();
    assert_eq!(check.of("parse-error").len(), 2, "{:#}", check.json);
    check.expect_none("unknown-person");
    check.expect_none("bad-alignment");
}

#[test]
fn garbage_bytes_never_panic_in_any_format() {
    let pieces: [&[u8]; 16] = [
        b"[",
        b"]",
        b"=",
        b"\"",
        b"'",
        b"\n",
        b"\r",
        b"\r\n",
        b"key_result.",
        b"checkin",
        b"date = 2026-01-01",
        b"value",
        b" 1.5 ",
        b"{",
        &[0xFF],
        "\u{e9}\u{1b}".as_bytes(),
    ];
    let mut seed: u32 = 7;
    for round in 0..40 {
        let mut bytes = Vec::new();
        for _ in 0..200 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            bytes.extend_from_slice(pieces[(seed >> 16) as usize % pieces.len()]);
        }
        let ws = with_bad(bytes);
        for format in ["human", "json", "github"] {
            let run = ws.okr(&["check", "--format", format, "--as-of", "2026-11-20"]);
            assert!(run.status == 0 || run.status == 1, "round {round}, {format}: {run:?}");
            assert!(!run.stdout.contains('\u{1b}'), "round {round}, {format}: raw escape");
        }
    }
}

#[test]
fn an_open_string_before_a_crlf_and_a_bad_byte_print_in_every_format() {
    for bytes in [
        &b"title = \"x\r\nlead = \"bob\"\r\n"[..],
        b"title = 'x\r\n",
        b"title = \"caf\xe9\"\nlead = \"bob\"\n",
    ] {
        let ws = with_bad(bytes);
        for format in ["human", "json", "github"] {
            let run = ws.okr(&["check", "--format", format, "--as-of", "2026-11-20"]);
            assert_eq!(run.status, 1, "{format}: {run:?}");
            assert!(run.stdout.contains("parse-error"), "{format}: {}", run.stdout);
        }
    }
}

#[test]
fn a_misspelt_key_is_one_finding_not_two() {
    let check = with_bad(FASTER_PAGES.replace("target = 400", "traget = 400")).check();
    let typo = check.expect("unknown-key", "error", OBJECTIVE, 7);
    assert!(typo["help"].as_str().unwrap().contains("did you mean `target`?"));
    check.expect_none("bad-key-result");

    let check = with_bad(FASTER_PAGES.replace("title = \"Make", "titel = \"Make")).check();
    check.expect("unknown-key", "error", OBJECTIVE, 1);
    check.expect_none("bad-value");
}

#[test]
fn an_unreadable_checkin_does_not_make_a_key_result_stale() {
    // The only check-in has a quoted date: the finding is the date, not a quiet key result.
    let check = with_bad(FASTER_PAGES.replace("date = 2026-11-15", "date = \"2026-11-15\""))
        .check_with(&["--as-of", "2026-12-20"]);
    check.expect("bad-key-result", "error", OBJECTIVE, 11);
    check.expect_none("stale-key-result");
}

#[test]
fn a_lead_who_is_nobody_is_not_also_outside_the_group() {
    let check = with_bad(FASTER_PAGES.replace("lead = \"bob\"", "lead = \"anne\"")).check();
    check.expect("unknown-person", "error", OBJECTIVE, 2);
    check.expect_none("lead-outside-group");
}

#[test]
fn a_lowercase_quarter_gets_a_did_you_mean() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-q4/x.toml", FASTER_PAGES);
    let check = ws.check();
    let folder = check.of("bad-period");
    assert!(
        folder[0]["help"].as_str().unwrap().starts_with("did you mean `2026-Q4`?"),
        "{:#}",
        check.json
    );
}

#[test]
fn a_person_needs_a_name() {
    let ws = Workspace::new();
    ws.write("people.toml", "[person.alice]\nname = \"Alice\"\n\n[person.bob]\nname = \"Bob\"\n\n[person.carol]\nemail = \"carol@example.com\"\n");
    ws.check().expect("bad-value", "error", "people.toml", 7);
}

#[cfg(unix)]
#[test]
fn a_pipe_is_reported_not_waited_for() {
    let ws = with_bad(FASTER_PAGES);
    let fifo = ws.path().join("groups/web/2026-Q4/pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let check = ws.check();
    let finding = check.expect("parse-error", "error", "groups/web/2026-Q4/pipe.toml", 1);
    assert!(finding["message"].as_str().unwrap().contains("not a regular file"));
    assert_walk_went_on(&check);
}

#[test]
fn people_toml_as_a_folder_is_a_finding_and_quiets_unknown_person() {
    let ws = with_bad(FASTER_PAGES);
    std::fs::remove_file(ws.path().join("people.toml")).unwrap();
    ws.write("people.toml/inside.txt", "x");
    let check = ws.check();
    let finding = check.expect("parse-error", "error", "people.toml", 1);
    assert!(finding["message"].as_str().unwrap().contains("it is a folder"), "{finding}");
    check.expect_none("unknown-person");
    assert_walk_went_on(&check);
}

#[cfg(unix)]
#[test]
fn root_files_linked_outside_are_refused() {
    let ws = with_bad(FASTER_PAGES);
    let outside = tempfile::tempdir().unwrap();
    let people = outside.path().join("people.toml");
    std::fs::write(&people, "[person.bob]\nname = \"Bob\"\n").unwrap();
    std::fs::remove_file(ws.path().join("people.toml")).unwrap();
    std::os::unix::fs::symlink(&people, ws.path().join("people.toml")).unwrap();
    let check = ws.check();
    check.expect("link-outside", "error", "people.toml", 1);
    assert_walk_went_on(&check);
}

#[test]
fn an_okr_toml_folder_or_a_groups_file_is_a_finding() {
    let ws = Workspace::bare();
    ws.write("okr.toml/x", "x");
    let check = ws.check();
    check.expect("parse-error", "error", "okr.toml", 1);

    let ws = Workspace::bare();
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n");
    ws.write("groups", "not a folder\n");
    ws.check().expect("bad-id", "error", "groups", 1);
}

#[test]
fn empty_titles_repeated_ids_and_margins_in_the_wrong_order() {
    let check = with_bad(
        FASTER_PAGES.replace("title = \"Make every page feel instant\"", "title = \"  \""),
    )
    .check();
    check.expect("bad-value", "error", OBJECTIVE, 1);

    let ws = Workspace::new();
    ws.write(
        "groups/web/group.toml",
        "name = \"Web\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = [\"carol\", \"carol\"]\n",
    );
    let twice = ws.check().expect("bad-value", "error", "groups/web/group.toml", 4).clone();
    // `members = [` is 11 characters and `"carol", ` 9 more: the second `carol` opens at 21.
    assert_eq!(twice["column"], 21, "the second `carol`");

    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[progress]\nat_risk_margin = 0.4\noff_track_margin = 0.2\n");
    ws.check().expect("bad-value", "error", "okr.toml", 4);
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_never_reach_the_terminal() {
    let ws = with_bad(FASTER_PAGES);
    ws.write("groups/web/2026-Q4/a\u{1b}[31mb.toml", FASTER_PAGES);
    for format in ["human", "github"] {
        let run = ws.okr(&["check", "--format", format, "--as-of", "2026-11-20"]);
        assert!(run.stdout.contains("bad-id"), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains('\u{1b}'), "{format}: a raw escape in {}", run.stdout);
    }
}

#[cfg(unix)]
#[test]
fn a_groups_folder_linked_outside_is_refused() {
    let ws = Workspace::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::rename(ws.path().join("groups"), outside.path().join("groups")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("groups"), ws.path().join("groups")).unwrap();
    let check = ws.check();
    assert_eq!(check.of("link-outside").len(), 1, "{:#}", check.json);
    assert_eq!(check.of("link-outside")[0]["file"], "groups");
    // Nothing was read through it, and what could not be read is not blamed on the org chart.
    check.expect_none("group-tree");
}

#[test]
fn an_open_string_is_one_finding_at_one_place_in_every_format() {
    let ws = with_bad("title = \"x\r\nlead = \"bob\"\r\n");
    let check = ws.check();
    let errors = check.of("parse-error");
    assert_eq!(errors.len(), 1, "{:#}", check.json);
    // The `\r` is no character of the line: the place is its end, column 11.
    assert_eq!(
        (&errors[0]["line"], &errors[0]["column"]),
        (&serde_json::json!(1), &serde_json::json!(11))
    );
    let human = ws.okr(&["check", "--as-of", "2026-11-20"]);
    assert!(human.stdout.contains(&format!("{OBJECTIVE}:1:11")), "{}", human.stdout);
    let github = ws.okr(&["check", "--format", "github", "--as-of", "2026-11-20"]);
    assert!(github.stdout.contains("line=1,col=11,"), "{}", github.stdout);
}
