//! `okr classify`, the classifier's three validator rules, `add objective`
//! asking about its title, and the classifier measured on labelled real
//! statements.

use serde_json::Value;

use okr::classify::{Class, classify};

use crate::support::{AS_OF, Workspace, okr_command, okr_in, shared_data};

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|line| serde_json::from_str(line).expect("one JSON object a line")).collect()
}

#[test]
fn the_four_statements_of_the_practice_land_in_their_classes() {
    let folder = tempfile::tempdir().unwrap();
    let cases = [
        ("Learn to speak German fluently", "personal-development"),
        ("Build feature X", "initiative"),
        ("Increase weekly active users from 10k to 15k", "key-result"),
        ("Increase engagement", "objective"),
    ];
    for (statement, class) in cases {
        let run = okr_in(folder.path(), &["classify", statement]);
        assert_eq!(run.status, 0, "{run:?}");
        assert_eq!(run.stdout.lines().next().unwrap(), format!("{class}: {statement}"));
        assert!(run.stdout.lines().any(|l| l.starts_with("  - ")), "a reason: {run:?}");
        assert!(run.stdout.lines().last().unwrap().starts_with("help: "), "{run:?}");
    }
}

#[test]
fn json_has_the_shape_of_the_spec() {
    let folder = tempfile::tempdir().unwrap();
    let run = okr_in(folder.path(), &["classify", "Get AWS certified", "--format", "json"]);
    assert_eq!(run.status, 0);
    let answer: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(answer["statement"], "Get AWS certified");
    assert_eq!(answer["class"], "personal-development");
    assert_eq!(answer["focus"], "unknown");
    assert_eq!(answer["reasons"], serde_json::json!(["a certification to gain: `certified`"]));
    assert!(answer["advice"].as_str().unwrap().contains("HR or performance tool"));
    assert_eq!(answer["certain"], true);
}

#[test]
fn single_person_sets_the_focus_and_the_advice() {
    let folder = tempfile::tempdir().unwrap();
    let ask = |answer: &str| {
        let args = ["classify", "Win the cargo-bike market", "--single-person", answer];
        let run = okr_in(folder.path(), &[&args[..], &["--format", "json"]].concat());
        serde_json::from_str::<Value>(&run.stdout).unwrap()
    };
    let alone = ask("yes");
    assert_eq!((&alone["class"], &alone["focus"]), (&"objective".into(), &"individual".into()));
    assert!(alone["advice"].as_str().unwrap().contains("one-member team"));
    let together = ask("no");
    assert_eq!(together["focus"], "group");
    assert!(!together["advice"].as_str().unwrap().contains("one-member team"));
}

#[test]
fn statements_from_stdin_are_answered_one_a_line_in_order() {
    let folder = tempfile::tempdir().unwrap();
    let input = "Increase engagement\n\n   \nGet AWS certified\r\nWrite the board deck";
    let run = |format: &str| {
        let mut command = okr_command(folder.path());
        command.args(["classify", "-", "--format", format]);
        command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
        let mut child = command.spawn().unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };

    let answers = json_lines(&run("json"));
    let classes: Vec<&str> = answers.iter().map(|a| a["class"].as_str().unwrap()).collect();
    assert_eq!(classes, ["objective", "personal-development", "initiative"]);
    assert_eq!(answers[1]["statement"], "Get AWS certified");

    assert_eq!(
        run("text"),
        "objective: Increase engagement\npersonal-development: Get AWS certified\ninitiative: Write the board deck\n"
    );
}

#[test]
fn nothing_to_classify_is_a_usage_error_and_a_bad_line_is_skipped() {
    let folder = tempfile::tempdir().unwrap();
    for statement in ["", "   ", "?!..."] {
        let run = okr_in(folder.path(), &["classify", statement]);
        assert_eq!(run.status, 2, "{statement:?}: {run:?}");
        assert!(run.stderr.contains("nothing to classify"), "{run:?}");
    }
    let missing = okr_in(folder.path(), &["-C", "no-such-folder", "classify", "Grow revenue"]);
    assert_eq!(missing.status, 2);
    assert!(missing.stderr.contains("`-C no-such-folder`: no such folder"), "{missing:?}");

    // A byte order mark, a line that is not UTF-8 and one of punctuation only.
    let mut command = okr_command(folder.path());
    command.args(["classify", "-"]);
    command.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
    command.stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\xef\xbb\xbfGet AWS certified\n\xff\xfe\n?!\nIncrease engagement\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "personal-development: Get AWS certified\nobjective: Increase engagement\n"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("line 2 of stdin is not UTF-8; skipped"), "{stderr}");
    assert!(stderr.contains("line 3 of stdin has nothing to classify; skipped"), "{stderr}");
}

#[test]
fn control_and_bidirectional_characters_never_reach_the_terminal() {
    let folder = tempfile::tempdir().unwrap();
    let statement = "\u{202e}Learn German\u{9b}31m\u{1b}[0m";
    let text = okr_in(folder.path(), &["classify", statement]);
    assert_eq!(
        text.stdout.lines().next().unwrap(),
        "personal-development: ???Learn German??31m?[0m"
    );
    let json = okr_in(folder.path(), &["classify", statement, "--format", "json"]);
    assert!(
        json.stdout.starts_with(r#"{"statement":"\u202eLearn German\u009b31m\u001b[0m""#),
        "{json:?}"
    );
    let answer: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(answer["statement"], statement, "JSON readers read the statement back as it was");
}

#[test]
fn ask_needs_a_terminal() {
    let folder = tempfile::tempdir().unwrap();
    let run = okr_in(folder.path(), &["classify", "Increase engagement", "--ask"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("`--ask` needs a terminal"), "{run:?}");
    let both = okr_in(folder.path(), &["--no-input", "classify", "Increase engagement", "--ask"]);
    assert_eq!(both.status, 2);
    assert!(both.stderr.contains("`--no-input` forbids them"), "{both:?}");
}

#[test]
fn in_a_workspace_the_advice_names_objectives_an_initiative_could_serve() {
    let ws = Workspace::new();
    let run = ws.okr(&["classify", "Ship lazy loading for every page", "--as-of", AS_OF]);
    assert!(run.stdout.starts_with("initiative: "), "{run:?}");
    assert!(run.stdout.contains("`web/2026-Q4/faster-pages`"), "{run:?}");
}

// --- the validator -----------------------------------------------------------

const OBJECTIVE_TAIL: &str =
    "lead = \"bob\"\n\n[key_result.done]\ntitle = \"Done\"\nkind = \"milestone\"\n";

fn with_objective(file: &str, title: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write(
        &format!("groups/web/2026-Q4/{file}.toml"),
        format!("title = \"{title}\"\n{OBJECTIVE_TAIL}"),
    );
    ws
}

#[test]
fn personal_development_is_an_error_with_its_cues_and_advice() {
    let ws = with_objective("aws", "Get AWS certified");
    let check = ws.check();
    let found = check.expect("personal-development", "error", "groups/web/2026-Q4/aws.toml", 1);
    assert_eq!(found["column"], 9);
    assert_eq!(
        found["message"],
        "objective `aws` reads as personal development: a certification to gain: `certified`"
    );
    assert!(found["help"].as_str().unwrap().starts_with("personal development belongs in an HR"));
    assert_eq!(check.status, 1);
}

#[test]
fn a_doubtful_reading_is_no_error() {
    // Weak cues only: a habit word, no course, no certification, no skill.
    let ws = with_objective("meetups", "Attend some meetups");
    let check = ws.check();
    assert_eq!(classify("Attend some meetups").class, Class::PersonalDevelopment);
    check.expect_none("personal-development");
    assert_eq!(check.status, 0);
}

#[test]
fn a_group_learning_together_is_not_personal_development() {
    let ws = with_objective("training", "Every support engineer completes the billing course");
    ws.check().expect_none("personal-development");
}

#[test]
fn initiatives_and_key_results_as_objectives_are_warnings_with_a_home() {
    let ws = with_objective("deck", "Write the board deck");
    ws.write(
        "groups/web/2026-Q4/revenue.toml",
        format!("title = \"Grow revenue from 2M to 3M\"\n{OBJECTIVE_TAIL}"),
    );
    let check = ws.check();
    let work =
        check.expect("initiative-as-objective", "warning", "groups/web/2026-Q4/deck.toml", 1);
    assert_eq!(
        work["message"],
        "objective `deck` reads as an initiative: an imperative verb of work: `Write`; a deliverable: `deck`"
    );
    assert!(work["help"].as_str().unwrap().contains("okr add initiative"));
    let measure =
        check.expect("key-result-as-objective", "warning", "groups/web/2026-Q4/revenue.toml", 1);
    assert!(measure["message"].as_str().unwrap().contains("a start and a target"));
    assert_eq!(check.status, 0);
}

#[test]
fn the_classifier_rules_can_be_set_like_any_other() {
    let ws = with_objective("aws", "Get AWS certified");
    ws.write(
        "okr.toml",
        "[organization]\nname = \"Acme\"\n\n[rules]\npersonal-development = \"warn\"\n",
    );
    let check = ws.check();
    check.expect("personal-development", "warning", "groups/web/2026-Q4/aws.toml", 1);
    assert_eq!(check.status, 0);
}

// --- add objective -------------------------------------------------------------

#[test]
fn add_objective_refuses_personal_development_unless_forced() {
    let ws = Workspace::new();
    let file = ws.path().join("groups/web/2026-Q4/get-aws-certified.toml");
    let args = [
        "add", "objective", "Get AWS certified", "--group", "web", "--lead", "bob", "--as-of",
        AS_OF,
    ];

    let refused = ws.okr(&args);
    assert_eq!(refused.status, 1, "{refused:?}");
    assert!(refused.stderr.contains("error[personal-development]"), "{refused:?}");
    assert!(refused.stderr.contains("give `--force`"), "{refused:?}");
    assert!(!file.exists());

    let forced = ws.okr(&[&args[..], &["--force"]].concat());
    assert_eq!(forced.status, 0, "{forced:?}");
    assert!(
        forced.stderr.contains("error[personal-development]"),
        "the finding is printed: {forced:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "title = \"Get AWS certified\"\nlead = \"bob\"\n"
    );
    ws.check().expect(
        "personal-development",
        "error",
        "groups/web/2026-Q4/get-aws-certified.toml",
        1,
    );
}

#[test]
fn add_objective_off_a_terminal_writes_an_initiative_with_a_warning() {
    let ws = Workspace::new();
    let args = [
        "add", "objective", "Write the board deck", "--group", "web", "--lead", "bob", "--as-of",
        AS_OF,
    ];
    let run = ws.okr(&args);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stderr.contains("warning: `Write the board deck` reads as an initiative"),
        "{run:?}"
    );
    assert!(ws.path().join("groups/web/2026-Q4/write-the-board-deck.toml").exists());
}

#[cfg(unix)]
mod prompts {
    use crate::support::pty::{keys, spawn};
    use crate::support::{AS_OF, Workspace};

    #[test]
    fn ask_walks_the_decision_and_the_answers_decide() {
        let ws = Workspace::new();
        let mut session = spawn(&ws, &["classify", "Write the board deck", "--ask"]);
        // Own growth? The classifier says no: Enter keeps it.
        session.exp_string("own growth").unwrap();
        session.exp_string("y/N").unwrap();
        keys(&mut session, "\r");
        // Something that must be done? Pre-set to yes; the person says no.
        session.exp_string("must be done").unwrap();
        session.exp_string("Y/n").unwrap();
        keys(&mut session, "n\r");
        session.exp_string("number to move").unwrap();
        keys(&mut session, "\r");
        session.exp_string("only one person").unwrap();
        keys(&mut session, "y\r");
        session.exp_string("objective: Write the board deck").unwrap();
        session.exp_string("focus: one person").unwrap();
        session
            .exp_string("you answered that it is an outcome only one person should focus on")
            .unwrap();
        session.exp_string("the classifier read it as an initiative").unwrap();
        session.exp_string("one-member team").unwrap();
        session.exp_eof().unwrap();
    }

    #[test]
    fn single_person_answers_the_last_question() {
        let ws = Workspace::new();
        let args = [
            "classify", "Increase engagement", "--ask", "--single-person", "no", "--format", "json",
        ];
        let mut session = spawn(&ws, &args);
        for question in ["own growth", "must be done", "number to move"] {
            session.exp_string(question).unwrap();
            keys(&mut session, "\r");
        }
        session.exp_string("\"class\":\"objective\",\"focus\":\"group\"").unwrap();
        session.exp_eof().unwrap();
    }

    #[test]
    fn add_objective_asks_before_writing_personal_development() {
        let ws = Workspace::new();
        let args = [
            "add", "objective", "Get AWS certified", "--group", "web", "--lead", "bob", "--as-of",
            AS_OF,
        ];
        let mut session = spawn(&ws, &args);
        session.exp_string("reads as personal development").unwrap();
        session.exp_string("Write it as an objective anyway?").unwrap();
        keys(&mut session, "\r");
        session.exp_string("nothing was written").unwrap();
        session.exp_eof().unwrap();
        assert!(!ws.path().join("groups/web/2026-Q4/get-aws-certified.toml").exists());
    }
}

// --- how good it is ------------------------------------------------------------

/// (label, answer) for each row of a labelled TSV: `id`, `class`,
/// `ambiguous`, `text`.
fn answers(path: &std::path::Path) -> Vec<(Class, Class)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (Class::parse(fields[1]).unwrap(), classify(fields[3]).class)
        })
        .collect()
}

fn share(
    rows: &[(Class, Class)],
    of: impl Fn(Class) -> bool,
    called: impl Fn(Class) -> bool,
) -> f64 {
    let of: Vec<_> = rows.iter().filter(|(label, _)| of(*label)).collect();
    of.iter().filter(|(_, answer)| called(*answer)).count() as f64 / of.len() as f64
}

#[test]
fn on_the_labelled_statements_it_clears_the_bars_with_room() {
    let Some(dev) = shared_data("statements-dev.tsv") else {
        return;
    };
    let rows = answers(&dev);
    assert_eq!(rows.len(), 281);
    let accuracy = rows.iter().filter(|(label, answer)| label == answer).count() as f64 / 281.0;
    // The bar is 0.80 on a held-out half; the dev set keeps a margin.
    assert!(accuracy >= 0.85, "accuracy {accuracy:.3}");
    let real = |c: Class| matches!(c, Class::Objective | Class::KeyResult);
    let pd = |c: Class| c == Class::PersonalDevelopment;
    assert!(share(&rows, real, pd) <= 0.03);

    let Some(extra) = shared_data("statements-extra-dev.tsv") else {
        return;
    };
    let rows = answers(&extra);
    assert!(share(&rows, pd, pd) >= 0.80, "personal development found {:.3}", share(&rows, pd, pd));
    let group = |c: Class| c == Class::Objective;
    assert!(share(&rows, group, pd) <= 0.10);
}
