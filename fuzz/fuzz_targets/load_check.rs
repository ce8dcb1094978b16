//! The loader, the validator and every renderer of findings and reports,
//! given arbitrary bytes as one file of an otherwise valid workspace.
//!
//! The first byte chooses the file and how it is read:
//! - bits 0-1: the objective file, a `group.toml`, `people.toml` or `okr.toml`;
//! - bits 2-3: the day judged on (inside, before or after the period);
//! - bit 4: colour in the human output and the tables;
//! - bit 5: for an objective file, the narrow load a check-in does.
//!
//! The rest is the file. Nothing may panic, and a file that opens for
//! editing must print back byte for byte (SPEC §7).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

use okr::model::period::Period;
use okr::model::reference::ObjectiveRef;
use okr::report::table::Terminal;
use okr::workspace::edit::EditFile;
use okr::workspace::{Overlay, Scope, load_scoped, load_with};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";

/// The files under test, by the selector's low two bits.
const TARGETS: [&str; 4] = [OBJECTIVE, "groups/web/group.toml", "people.toml", "okr.toml"];

/// A valid workspace: a company, a team, two objectives aligned one to the other.
const BASE: &[(&str, &str)] = &[
    (
        "okr.toml",
        "[organization]\nname = \"Acme\"\n\n[period.t1-2026]\nstart = 2026-01-05\nend = 2026-04-26\n",
    ),
    (
        "people.toml",
        "[person.alice]\nname = \"Alice\"\n\n[person.bob]\nname = \"Bob\"\nemail = \"bob@example.com\"\n",
    ),
    ("groups/acme/group.toml", "name = \"Acme\"\nkind = \"company\"\nlead = \"alice\"\n"),
    (
        "groups/web/group.toml",
        "name = \"Web\"\nkind = \"team\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = [\"alice\"]\n",
    ),
    (
        "groups/acme/2026-Q4/win.toml",
        "title = \"Win the mid-market\"\nlead = \"alice\"\n\n[key_result.deals]\ntitle = \"Deals\"\nkind = \"milestone\"\n",
    ),
    (
        OBJECTIVE,
        r#"title = "Make every page feel instant"
lead = "bob"
aligned_to = "acme/2026-Q4/win"

[key_result.load-time]
title = "Median page load"
start = 1200
target = 400
unit = "ms"

[[key_result.load-time.checkin]]
date = 2026-11-15
value = 900
by = "alice"
note = "CDN on"
confidence = "high"

[initiative.cdn]
title = "Move to a CDN"
owner = "alice"
supports = ["load-time"]
status = "in-progress"
due = 2026-12-01
"#,
    ),
];

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        // One thread: libFuzzer runs one input at a time, and a pool per
        // core would only compete with the fuzzer for the machine.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(1).build_global();
        let shm = std::path::Path::new("/dev/shm");
        let dir = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() };
        let dir = dir.expect("a temporary folder").keep();
        for (path, text) in BASE {
            let full = dir.join(path);
            std::fs::create_dir_all(full.parent().expect("a folder")).expect("folders");
            std::fs::write(full, text).expect("a file");
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else { return };
    let root = root();
    let relative = TARGETS[usize::from(selector & 3)];
    let as_of = [(2026, 11, 20), (2026, 9, 1), (2027, 2, 1), (2026, 12, 31)]
        [usize::from((selector >> 2) & 3)];
    let as_of = NaiveDate::from_ymd_opt(as_of.0, as_of.1, as_of.2).expect("a day");
    let colour = selector & 16 != 0;
    let narrow = selector & 32 != 0 && relative == OBJECTIVE;

    let overlay = Overlay::from([(relative.to_owned(), Some(file.to_vec()))]);
    let loaded = if narrow {
        let calendar = okr::model::period::Calendar::default();
        let reference =
            ObjectiveRef::parse("web/2026-Q4/faster-pages", &calendar).expect("a reference");
        load_scoped(root, overlay, Scope::Objective(&reference))
    } else {
        load_with(root, overlay)
    }
    .expect("the workspace root is readable");

    let report = okr::rules::check(&loaded, as_of);
    let _ = okr::render::human(&report, colour, true);
    let _ = okr::render::json(&report);
    let _ = okr::render::github(&report);
    let _ = okr::rules::load_errors(&loaded);

    let workspace = &loaded.workspace;
    let period = Period::parse("2026-Q4", &workspace.settings.calendar).expect("a period");
    let built = okr::report::build(workspace, &period, None, as_of);
    let _ = okr::report::markdown::render(&built);
    let _ = okr::report::table::render(&built, Terminal { width: Some(60), colour });
    let _ = okr::report::table::render(&built, Terminal { width: None, colour });
    let _ = okr::report::csv::render(&built);
    let _ = okr::report::json(&built);
    let web = okr::model::id::Id::parse("web").expect("an id");
    let _ = okr::report::json(&okr::report::periods::history(workspace, &web, as_of));
    let _ = okr::report::periods::tree(workspace, &period, as_of);
    for reference in ["load-time", "faster-pages", "web", "web/2026-Q4/faster-pages/cdn"] {
        let _ = okr::model::resolve::resolve(workspace, reference, &period);
    }

    // A file okr opens for editing must come back byte for byte when unchanged.
    if let Ok(opened) = EditFile::from_bytes(relative, file.to_vec()) {
        assert!(opened.render() == file, "an unchanged file does not print back as it was");
    }
});
