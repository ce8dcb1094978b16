//! Progress, pace and score through the real binary (SPEC §3), and the
//! reports of SPEC §6 and §8. Every expected figure is worked out by hand.

use serde_json::Value;

use crate::support::{Workspace, okr_command, repository, shared_data};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 0.00005)
}

/// `okr show REF --format json` as of a day.
fn show(ws: &Workspace, reference: &str, as_of: &str) -> Value {
    let run = ws.okr(&["show", reference, "--format", "json", "--as-of", as_of]);
    assert_eq!(run.status, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// An objective of web in 2026-Q4 led by bob with these key result tables.
fn objective(key_results: &str) -> String {
    format!("title = \"Make every page feel instant\"\nlead = \"bob\"\n{key_results}")
}

fn metric(id: &str, start: f64, target: f64, current: f64) -> String {
    format!(
        "\n[key_result.{id}]\ntitle = \"{id}\"\nstart = {start:?}\ntarget = {target:?}\n\n[[key_result.{id}.checkin]]\ndate = 2026-11-10\nvalue = {current:?}\n"
    )
}

#[test]
fn metric_arithmetic_up_down_over_and_under() {
    let ws = Workspace::new();
    let krs = [
        metric("down", 120.0, 60.0, 90.0),
        metric("to-zero", 200.0, 0.0, 100.0),
        metric("over", 0.0, 10.0, 15.0),
        metric("under", 10.0, 20.0, 5.0),
        metric("activation", 32.0, 45.0, 36.5),
    ];
    ws.write(OBJECTIVE, objective(&krs.concat()));
    let shown = show(&ws, "faster-pages", "2026-11-15");
    let krs = shown["key_results"].as_array().unwrap();
    // (90 - 120) / (60 - 120) = 0.5; (100 - 200) / (0 - 200) = 0.5
    assert!(close(&krs[0]["progress"], 0.5) && close(&krs[0]["raw_progress"], 0.5));
    assert!(close(&krs[1]["progress"], 0.5));
    // (15 - 0) / 10 = 1.5, clamped to 1; (5 - 10) / 10 = -0.5, clamped to 0
    assert!(close(&krs[2]["progress"], 1.0) && close(&krs[2]["raw_progress"], 1.5));
    assert!(close(&krs[3]["progress"], 0.0) && close(&krs[3]["raw_progress"], -0.5));
    // 4.5 / 13 = 0.34615
    assert!(close(&krs[4]["progress"], 0.34615), "{}", krs[4]["progress"]);
    assert_eq!(krs[4]["current"], 36.5);
    assert_eq!(krs[4]["ref"], "web/2026-Q4/faster-pages/activation");
    // The key result has no lead of its own: the objective's leads it.
    assert_eq!(krs[4]["lead"], "bob");
    // 2026-11-15 is day 46 of the 92 of 2026-Q4.
    assert!(close(&shown["expected"], 0.5));
}

#[test]
fn weights_and_the_objective_mean() {
    let ws = Workspace::new();
    let heavy =
        metric("heavy", 0.0, 10.0, 5.0).replace("target = 10.0\n", "target = 10.0\nweight = 2.0\n");
    let light = metric("light", 0.0, 10.0, 10.0);
    ws.write(OBJECTIVE, objective(&format!("{heavy}{light}")));
    let shown = show(&ws, "web/2026-Q4/faster-pages", "2026-11-15");
    // (2 * 0.5 + 1 * 1) / 3 = 0.6667
    assert!(close(&shown["progress"], 0.66667), "{}", shown["progress"]);
    // Expected 0.5, at_risk_margin 0.1: 0.6667 >= 0.4 is on track.
    assert_eq!(shown["status"], "on-track");
    assert_eq!(shown["key_results"][1]["status"], "done");
    assert!(shown["score"].is_null());
}

#[test]
fn status_follows_the_margins_of_okr_toml() {
    let ws = Workspace::new();
    // 0.3 done on day 46 of 92 (expected 0.5).
    ws.write(OBJECTIVE, objective(&metric("kr", 0.0, 10.0, 3.0)));
    // 0.3 < 0.5 - 0.1 but >= 0.5 - 0.3: at risk.
    assert_eq!(show(&ws, "faster-pages", "2026-11-15")["status"], "at-risk");
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[progress]\nat_risk_margin = 0.05\noff_track_margin = 0.15\n");
    // 0.3 < 0.5 - 0.15: off track.
    assert_eq!(show(&ws, "faster-pages", "2026-11-15")["status"], "off-track");
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[progress]\nat_risk_margin = 0.2\n");
    assert_eq!(show(&ws, "faster-pages", "2026-11-15")["status"], "on-track");
}

#[test]
fn only_checkins_up_to_the_day_count_and_the_later_one_wins_a_tie() {
    let ws = Workspace::new();
    let kr = "\n[key_result.kr]\ntitle = \"KR\"\nstart = 0\ntarget = 10\n\n[[key_result.kr.checkin]]\ndate = 2026-11-10\nvalue = 4\n\n[[key_result.kr.checkin]]\ndate = 2026-11-10\nvalue = 6\n\n[[key_result.kr.checkin]]\ndate = 2026-11-02\nvalue = 9\n\n[[key_result.kr.checkin]]\ndate = 2026-11-18\nvalue = 8\n";
    ws.write(OBJECTIVE, objective(kr));
    // On 11-15 the check-ins of 11-10 are the latest; of the two, the later in the file.
    let kr = &show(&ws, "faster-pages/kr", "2026-11-15");
    assert_eq!(kr["current"], 6.0);
    assert_eq!(kr["checkins"].as_array().unwrap().len(), 3);
    // Before any check-in a metric stands at its start.
    let before = &show(&ws, "faster-pages/kr", "2026-10-20");
    assert_eq!((before["current"].as_f64(), before["progress"].as_f64()), (Some(0.0), Some(0.0)));
}

#[test]
fn levels_milestones_and_objectives_without_key_results() {
    let ws = Workspace::new();
    let krs = "\n[key_result.up]\ntitle = \"Uptime\"\nkind = \"at-least\"\ntarget = 99.9\n\n[[key_result.up.checkin]]\ndate = 2026-11-01\nvalue = 99.95\n\n[[key_result.up.checkin]]\ndate = 2026-11-12\nvalue = 99.8\n\n[key_result.cost]\ntitle = \"Cost\"\nkind = \"at-most\"\ntarget = 100\n\n[[key_result.cost.checkin]]\ndate = 2026-11-12\nvalue = 100\n\n[key_result.ship]\ntitle = \"Ship\"\nkind = \"milestone\"\n\n[[key_result.ship.checkin]]\ndate = 2026-11-12\nvalue = true\n\n[key_result.new]\ntitle = \"New\"\nkind = \"at-least\"\ntarget = 5\n";
    ws.write(OBJECTIVE, objective(krs));
    let shown = show(&ws, "faster-pages", "2026-11-15");
    let progress: Vec<f64> = shown["key_results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kr| kr["progress"].as_f64().unwrap())
        .collect();
    // 99.8 < 99.9 misses the level; 100 <= 100 holds it; the milestone is done; no check-in is 0.
    assert_eq!(progress, [0.0, 1.0, 1.0, 0.0]);
    assert!(close(&shown["progress"], 0.5));

    ws.write(OBJECTIVE, objective(""));
    let empty = show(&ws, "faster-pages", "2026-11-15");
    assert!(empty["progress"].is_null() && empty["status"].is_null() && empty["score"].is_null());
}

#[test]
fn an_ended_period_is_scored_on_its_last_day_by_commitment() {
    let ws = Workspace::new();
    // 7 of 10 by the end of the quarter, then 10 in January: too late to count.
    let kr = "\n[key_result.kr]\ntitle = \"KR\"\nstart = 0\ntarget = 10\n\n[[key_result.kr.checkin]]\ndate = 2026-12-31\nvalue = 7\n\n[[key_result.kr.checkin]]\ndate = 2027-01-05\nvalue = 10\n";
    ws.write(OBJECTIVE, objective(kr));
    let shown = show(&ws, "faster-pages", "2027-02-01");
    assert!(close(&shown["score"], 0.7) && close(&shown["progress"], 0.7));
    assert_eq!(shown["status"], "accomplished");
    assert_eq!(shown["key_results"][0]["status"], "missed");
    assert!(close(&shown["expected"], 1.0));

    ws.write(
        OBJECTIVE,
        objective(kr).replace("lead = \"bob\"", "lead = \"bob\"\ncommitment = \"committed\""),
    );
    assert_eq!(show(&ws, "faster-pages", "2027-02-01")["status"], "missed");

    // Before the period starts, it is upcoming.
    let upcoming = show(&ws, "faster-pages", "2026-09-30");
    assert_eq!(upcoming["status"], "upcoming");
    assert_eq!(upcoming["key_results"][0]["status"], "upcoming");
}

#[test]
fn initiatives_never_count_toward_progress() {
    let ws = Workspace::new();
    let with = format!(
        "{}\n[initiative.cdn]\ntitle = \"CDN\"\nowner = \"carol\"\nsupports = [\"kr\"]\nstatus = \"done\"\ndue = 2026-11-01\n",
        metric("kr", 0.0, 10.0, 2.0)
    );
    ws.write(OBJECTIVE, objective(&with));
    let shown = show(&ws, "faster-pages", "2026-11-15");
    assert!(close(&shown["progress"], 0.2));
    let initiative = &shown["initiatives"][0];
    assert_eq!(initiative["ref"], "web/2026-Q4/faster-pages/cdn");
    assert_eq!(
        (&initiative["status"], &initiative["due"]),
        (&Value::from("done"), &Value::from("2026-11-01"))
    );
}

#[test]
fn show_json_has_the_fields_of_the_spec() {
    let ws = Workspace::new();
    let shown = show(&ws, "faster-pages", "2026-11-20");
    for key in [
        "ref", "title", "group", "period", "lead", "aligned_to", "progress", "expected", "status",
        "score", "key_results", "initiatives",
    ] {
        assert!(shown.get(key).is_some(), "no `{key}` in {shown:#}");
    }
    let kr = &shown["key_results"][0];
    for key in [
        "ref", "id", "title", "kind", "lead", "weight", "unit", "start", "target", "current",
        "progress", "raw_progress", "status", "checkins",
    ] {
        assert!(kr.get(key).is_some(), "no `{key}` in {kr:#}");
    }
    assert_eq!(
        kr["checkins"][0],
        serde_json::json!({"date": "2026-11-15", "value": 900.0, "by": null, "note": null, "confidence": null})
    );
}

#[test]
fn short_references_prefer_the_current_period_and_ambiguity_lists_candidates() {
    let ws = Workspace::new();
    ws.write(
        "groups/web/2026-Q3/faster-pages.toml",
        crate::support::FASTER_PAGES.replace("2026-11-15", "2026-09-15"),
    );
    // In 2026-Q4 the short name means the objective of 2026-Q4.
    assert_eq!(show(&ws, "faster-pages", "2026-11-20")["period"], "2026-Q4");
    // In 2027-Q1 neither is current: it is ambiguous.
    let run = ws.okr(&["show", "faster-pages", "--as-of", "2027-01-10"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("web/2026-Q3/faster-pages")
            && run.stderr.contains("web/2026-Q4/faster-pages"),
        "{}",
        run.stderr
    );
    let missing = ws.okr(&["show", "faster-page", "--as-of", "2026-11-20"]);
    assert_eq!(missing.status, 2);
    assert!(missing.stderr.contains("did you mean"), "{}", missing.stderr);
}

/// The report of the example company as of a day, in a format.
fn example_report(format: &str, extra: &[&str]) -> String {
    let mut args =
        vec!["-C", "examples/lumen-cycles", "report", "--as-of", "2026-11-20", "--format", format];
    args.extend_from_slice(extra);
    let run = crate::support::okr_in(&repository(), &args);
    assert_eq!(run.status, 0, "{run:?}");
    run.stdout
}

#[test]
fn report_json_lists_groups_in_org_chart_order_and_keeps_empty_ones() {
    let report: Value = serde_json::from_str(&example_report("json", &[])).unwrap();
    assert_eq!(report["organization"], "Lumen Cycles");
    assert_eq!(report["period"], "2026-Q4");
    assert_eq!(report["as_of"], "2026-11-20");
    let groups: Vec<&str> =
        report["groups"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap()).collect();
    // The company, then depth first with siblings by id.
    assert_eq!(
        groups,
        [
            "lumen", "engineering", "app", "firmware", "platform", "go-to-market", "marketing",
            "support", "product", "sustainability"
        ]
    );
    let sustainability = &report["groups"][9];
    assert_eq!(sustainability["objectives"].as_array().unwrap().len(), 0);
    assert_eq!(report["summary"]["objectives"], 11);

    // become-the-bike-families-recommend: referral (37 - 31) / 14 = 0.4286 weighs 2,
    // NPS (44 - 38) / 17 = 0.3529 weighs 1: (0.8571 + 0.3529) / 3 = 0.4034.
    let lumen = &report["groups"][0]["objectives"][0];
    assert!(close(&lumen["progress"], 0.40336), "{}", lumen["progress"]);
    // Day 51 of 92: expected 0.5543; 0.4034 is below 0.4543 but above 0.2543.
    assert_eq!(lumen["status"], "at-risk");

    let scoped: Value =
        serde_json::from_str(&example_report("json", &["--group", "engineering"])).unwrap();
    let ids: Vec<&str> =
        scoped["groups"].as_array().unwrap().iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["engineering", "app", "firmware", "platform"]);
}

#[test]
fn report_markdown_leaves_out_empty_groups_and_is_the_same_every_time() {
    let markdown = example_report("markdown", &[]);
    assert!(
        markdown.starts_with("# Lumen Cycles: 2026-Q4\n\nAs of 2026-11-20: 11 objectives"),
        "{markdown}"
    );
    assert!(markdown.contains("## Engineering (department)"));
    assert!(!markdown.contains("Sustainability"), "a group without objectives is left out");
    assert!(
        markdown.contains(
            "| Gross margin per bike | 18 % | 24 % | 30 % | █████░░░░░ 50% | on-track |  |"
        ),
        "{markdown}"
    );
    assert_eq!(markdown, example_report("markdown", &[]));
}

#[test]
fn markdown_escapes_whatever_a_title_holds() {
    let ws = Workspace::new();
    ws.write(
        OBJECTIVE,
        crate::support::FASTER_PAGES
            .replace("Make every page feel instant", "# <b>Fast</b> | *now*")
            .replace("Median page load", "p50 | `load`\\nnext"),
    );
    let run = ws.okr(&["report", "--as-of", "2026-11-20"]);
    assert!(run.stdout.contains("### \\# &lt;b&gt;Fast&lt;/b&gt; \\| \\*now\\*"), "{}", run.stdout);
    assert!(run.stdout.contains("| p50 \\| \\`load\\`<br>next |"), "{}", run.stdout);
}

#[test]
fn report_tables_fit_the_width_and_colour_only_when_asked() {
    let run = |columns: &str, colour: &str| {
        let output = okr_command(&repository())
            .env("COLUMNS", columns)
            .args([
                "-C", "examples/lumen-cycles", "report", "--as-of", "2026-11-20", "--format",
                "table", "--color", colour,
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    let narrow = run("80", "never");
    let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 80, "a line of {widest} columns");
    assert!(!narrow.contains('\u{1b}'));
    let unknown = run("0", "never");
    assert!(unknown.contains("Gross margin per bike"));
    assert!(run("120", "always").contains('\u{1b}'));
}

#[test]
fn report_csv_has_a_row_a_key_result() {
    let csv = example_report("csv", &[]);
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The 11 objectives of 2026-Q4 have 2 + 2 (lumen) + 2 (engineering) + 2 (product)
    // + 1 (go-to-market) + 2 + 1 (app) + 2 (firmware) + 1 (platform) + 2 (marketing)
    // + 1 (support) = 18 key results.
    assert_eq!(rows.len(), 18);
    assert_eq!(&rows[0][2], "lumen/2026-Q4/become-the-bike-families-recommend");
}

#[test]
fn history_and_tree() {
    let run = crate::support::okr_in(
        &repository(),
        &[
            "-C", "examples/lumen-cycles", "history", "firmware", "--format", "json", "--as-of",
            "2026-11-20",
        ],
    );
    let history: Value = serde_json::from_str(&run.stdout).unwrap();
    let periods: Vec<&str> = history["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-Q3", "2026-Q4"]);
    // make-updates-boring ended: milestone done (1) and update time (7 - 22) / (5 - 22) = 0.8824: mean 0.9412.
    assert!(close(&history["periods"][0]["objectives"][0]["score"], 0.94118), "{history:#}");

    let run = crate::support::okr_in(
        &repository(),
        &["-C", "examples/lumen-cycles", "tree", "--as-of", "2026-11-20"],
    );
    assert!(
        run.stdout.starts_with("lumen/2026-Q4/become-the-bike-families-recommend"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("├── go-to-market/2026-Q4/turn-riders-into-advocates"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("│   ├── app/2026-Q4/make-sharing-a-ride-delightful"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_sourcegraph_report_of_2021_q2() {
    let Some(folder) = shared_data("workspaces/sourcegraph") else {
        return;
    };
    let run = |format: &str| {
        let run = crate::support::okr_in(
            &folder,
            &["report", "--period", "2021-Q2", "--as-of", "2020-08-15", "--format", format],
        );
        assert_eq!(run.status, 0, "{run:?}");
        run.stdout
    };
    let report: Value = serde_json::from_str(&run("json")).unwrap();
    let objective = |reference: &str| {
        report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["objectives"].as_array().unwrap())
            .find(|o| o["ref"] == reference)
            .cloned()
            .unwrap()
    };
    // 2021-Q2 of a fiscal year from February named by its end: 2020-05-01 to 2020-07-31, ended.
    // A milestone not done (0) and hires 2 of 2 (1): score 0.5, missed.
    let engineering =
        objective("engineering/2021-Q2/organize-and-grow-engineering-team-to-support");
    assert!(close(&engineering["score"], 0.5));
    assert_eq!(engineering["status"], "missed");
    // Four milestones, one done on the last day: 0.25.
    let product = objective("product/2021-Q2/deliver-on-projects-to-increase-and-support");
    assert!(close(&product["score"], 0.25));
    // Milestones 0 and 1, hires 1 of 2: (0 + 1 + 0.5) / 3 = 0.5.
    let ce = objective("customer-engineering/2021-Q2/build-a-team-and-pipeline-to-achieve-the");
    assert!(close(&ce["score"], 0.5));

    let markdown = run("markdown");
    assert!(markdown.contains("`engineering/2021-Q2/organize-and-grow-engineering-team-to-support` · lead vp-eng · score 0.50 (missed)"), "{markdown}");
    assert!(run("table").contains("score 0.50 (missed)"));
    assert!(run("csv").lines().count() > 29);
    for text in [run("markdown"), run("table"), run("csv"), run("json")] {
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        assert!(
            !words.iter().any(|w| ["NaN", "nan", "inf", "infinity"].contains(w)),
            "no NaN or infinity in any output"
        );
    }
}

#[test]
fn tables_measure_emoji_and_cjk_by_their_width_on_screen() {
    use unicode_width::UnicodeWidthStr;
    let ws = Workspace::new();
    ws.write(
        OBJECTIVE,
        crate::support::FASTER_PAGES
            .replace(
                "Make every page feel instant",
                "🚀 页面加载更快 — make every page feel instant for every rider 🚲",
            )
            .replace("Median page load", "中位数加载时间 ⏱️ for the slowest pages on old phones"),
    );
    for columns in ["60", "100"] {
        let output = okr_command(ws.path())
            .env("COLUMNS", columns)
            .args(["report", "--format", "table", "--as-of", "2026-11-20"])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let limit: usize = columns.parse().unwrap();
        for line in text.lines() {
            assert!(
                line.width() <= limit,
                "{} columns wide at COLUMNS={columns}: {line}",
                line.width()
            );
        }
        assert!(text.contains("页面"), "{text}");
    }
}

fn example(args: &[&str]) -> crate::support::Run {
    let mut all = vec!["-C", "examples/lumen-cycles", "--as-of", "2026-11-20"];
    all.extend_from_slice(args);
    crate::support::okr_in(&repository(), &all)
}

#[test]
fn list_filters_by_period_group_and_lead() {
    let objectives: Value =
        serde_json::from_str(&example(&["list", "--period", "2026-Q4", "--format", "json"]).stdout)
            .unwrap();
    let objectives = objectives.as_array().unwrap();
    assert_eq!(objectives.len(), 11);
    assert!(objectives.iter().all(|o| o.get("key_results").is_none() && o["period"] == "2026-Q4"));

    // chen leads an objective in each quarter, two key results each, none with a lead of its own.
    let krs: Value = serde_json::from_str(
        &example(&["list", "key-results", "--lead", "chen", "--format", "json"]).stdout,
    )
    .unwrap();
    let refs: Vec<&str> =
        krs.as_array().unwrap().iter().map(|kr| kr["ref"].as_str().unwrap()).collect();
    assert_eq!(
        refs,
        [
            "firmware/2026-Q3/make-updates-boring/rollback-ready",
            "firmware/2026-Q3/make-updates-boring/update-time",
            "firmware/2026-Q4/diagnose-from-a-distance/fault-codes",
            "firmware/2026-Q4/diagnose-from-a-distance/battery-health",
        ]
    );

    let app = example(&["list", "initiatives", "--group", "app", "--format", "csv"]);
    assert_eq!(app.stdout.lines().count(), 4, "a header and three initiatives: {}", app.stdout);
    let people = example(&["list", "people", "--format", "csv"]);
    assert_eq!(people.stdout.lines().count(), 20, "a header and 19 people");
    let groups = example(&["list", "groups"]);
    assert!(groups.stdout.contains("sustainability"), "{}", groups.stdout);
    assert_eq!(example(&["list", "--group", "nobody"]).status, 2);
    assert_eq!(example(&["list", "--period", "2026-Q9"]).status, 2);
}

#[test]
fn show_prints_groups_key_results_and_initiatives_as_text() {
    let group = example(&["show", "firmware"]);
    assert_eq!(
        group.stdout,
        "Firmware (team)\nfirmware · parent engineering · lead chen · members lars, ines\n"
    );
    let kr = example(&["show", "diagnose-from-a-distance/fault-codes"]);
    // (70 - 20) / (90 - 20) = 0.714: 71%, seven cells.
    assert!(kr.stdout.contains("progress ███████░░░ 71% · on-track"), "{}", kr.stdout);
    assert!(kr.stdout.contains("  2026-10-21 45\n  2026-11-17 70\n"), "{}", kr.stdout);
    let initiative = example(&["show", "fault-code-catalogue"]);
    assert!(
        initiative.stdout.contains("owner ines · in-progress · due 2026-12-11"),
        "{}",
        initiative.stdout
    );
    let json: Value = serde_json::from_str(
        &example(&["show", "fault-code-catalogue", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(json["supports"], serde_json::json!(["fault-codes"]));
}

#[test]
fn reading_commands_warn_about_a_broken_workspace_on_stderr() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q4/broken.toml", "title = \n");
    let run = ws.okr(&["report", "--as-of", "2026-11-20"]);
    assert_eq!(run.status, 0);
    assert!(
        run.stderr
            .contains("warning: the files of this period have 1 error; `okr check` lists them"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("# Acme: 2026-Q4"));
    // Other reading commands look at the whole workspace.
    let list = ws.okr(&["list", "--as-of", "2026-11-20"]);
    assert!(
        list.stderr.contains("warning: the workspace has 1 error; `okr check` lists them"),
        "{}",
        list.stderr
    );
}
