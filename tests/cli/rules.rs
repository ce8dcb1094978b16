//! Every rule of SPEC §4: a case where it fires, at the right place and
//! severity, and a case where it stays quiet.

use crate::support::{FASTER_PAGES, Workspace};

const OBJECTIVE: &str = "groups/web/2026-Q4/faster-pages.toml";

/// The base objective with `key = value` lines added after the lead (line 3 on).
fn objective_with(extra: &str) -> String {
    FASTER_PAGES.replacen("lead = \"bob\"\n", &format!("lead = \"bob\"\n{extra}"), 1)
}

#[test]
fn the_base_workspace_is_clean() {
    Workspace::new().check().expect_clean();
}

#[test]
fn parse_error_points_at_the_broken_line_and_other_files_are_still_checked() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q4/broken.toml", "title = \"ok\"\nlead = \n");
    ws.write(
        "groups/web/2026-Q4/other.toml",
        "title = \"Other\"\nlead = \"zed\"\n[key_result.a]\ntitle = \"A\"\nkind = \"milestone\"\n",
    );
    let check = ws.check();
    check.expect("parse-error", "error", "groups/web/2026-Q4/broken.toml", 2);
    check.expect("unknown-person", "error", "groups/web/2026-Q4/other.toml", 2);
    assert_eq!(check.status, 1);
}

#[test]
fn unknown_key_suggests_the_known_one() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, objective_with("descripton = \"typo\"\n"));
    let check = ws.check();
    let finding = check.expect("unknown-key", "error", OBJECTIVE, 3);
    assert_eq!(finding["column"], 1);
    assert!(finding["help"].as_str().unwrap().contains("did you mean `description`?"), "{finding}");

    let ws = Workspace::new();
    ws.write(OBJECTIVE, FASTER_PAGES.replace("unit = \"ms\"", "units = \"ms\""));
    let finding = ws.check().expect("unknown-key", "error", OBJECTIVE, 8).clone();
    assert!(finding["help"].as_str().unwrap().contains("`unit`"));

    Workspace::new().check().expect_none("unknown-key");
}

#[test]
fn unknown_key_in_group_and_settings_and_an_unknown_rule_name() {
    let ws = Workspace::new();
    ws.write("groups/web/group.toml", "name = \"Web\"\nkind = \"team\"\nparent = \"acme\"\nlead = \"bob\"\nmember = [\"carol\"]\n");
    ws.write(
        "okr.toml",
        "[organization]\nname = \"Acme\"\nfiscal_year = 1\n\n[rules]\nno-key-result = \"warn\"\n",
    );
    let check = ws.check();
    check.expect("unknown-key", "error", "groups/web/group.toml", 5);
    check.expect("unknown-key", "error", "okr.toml", 3);
    let rule = check.expect("unknown-key", "error", "okr.toml", 6);
    assert!(rule["help"].as_str().unwrap().contains("`no-key-results`"), "{rule}");
}

#[test]
fn bad_value_for_a_wrong_type_outside_key_results() {
    let ws = Workspace::new();
    ws.write(
        OBJECTIVE,
        FASTER_PAGES.replace("title = \"Make every page feel instant\"", "title = 42"),
    );
    let finding = ws.check().expect("bad-value", "error", OBJECTIVE, 1).clone();
    assert_eq!(finding["column"], 9);
    assert!(finding["message"].as_str().unwrap().contains("must be a string, found an integer"));
}

#[test]
fn bad_id_for_folders_files_and_table_keys() {
    let ws = Workspace::new();
    ws.write("groups/Web-Team/group.toml", "name = \"x\"\nparent = \"acme\"\n");
    ws.write("groups/web/2026-Q4/Faster_Pages.toml", FASTER_PAGES);
    ws.write("people.toml", "[person.alice]\nname = \"Alice\"\n\n[person.bob]\nname = \"Bob\"\n\n[person.carol]\nname = \"Carol\"\n\n[person.Dave]\nname = \"Dave\"\n");
    ws.write(
        "groups/web/2026-Q3/renamed.toml",
        FASTER_PAGES
            .replace("[key_result.load-time]", "[key_result.Load_Time]")
            .replace("key_result.load-time.checkin", "key_result.Load_Time.checkin"),
    );
    let check = ws.check();
    let folder: Vec<_> =
        check.of("bad-id").into_iter().filter(|d| d["file"] == "groups/Web-Team").collect();
    assert_eq!(folder.len(), 1, "{:#}", check.json);
    assert!(folder[0]["line"].is_null());
    check.expect("bad-id", "error", "groups/web/2026-Q4/Faster_Pages.toml", 1);
    check.expect("bad-id", "error", "people.toml", 10);
    check.expect("bad-id", "error", "groups/web/2026-Q3/renamed.toml", 4);
}

#[test]
fn bad_period_for_folders_that_are_not_periods_and_stray_files() {
    let ws = Workspace::new();
    ws.write("groups/web/2026-Q5/x.toml", FASTER_PAGES);
    ws.write("groups/web/notes.md", "stray\n");
    let check = ws.check();
    let folder =
        check.of("bad-period").into_iter().find(|d| d["file"] == "groups/web/2026-Q5").cloned();
    assert!(folder.is_some(), "{:#}", check.json);
    check.expect("bad-period", "error", "groups/web/notes.md", 1);
}

#[test]
fn custom_periods_are_periods_once_declared() {
    let ws = Workspace::new();
    ws.write("groups/web/t1-2026/x.toml", FASTER_PAGES.replace("2026-11-15", "2026-02-01"));
    ws.check().of("bad-period").first().expect("an undeclared period is a bad period");
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n\n[period.t1-2026]\nstart = 2026-01-05\nend = 2026-04-26\n");
    ws.check().expect_clean();
}

#[test]
fn custom_periods_need_both_ends_in_order_and_a_name_of_their_own() {
    let ws = Workspace::new();
    ws.write(
        "okr.toml",
        "[organization]\nname = \"Acme\"\n\n[period.backwards]\nstart = 2026-04-26\nend = 2026-01-05\n\n[period.open]\nstart = 2026-01-05\n\n[period.2026-Q1]\nstart = 2026-01-01\nend = 2026-03-31\n\n[period.Cycle]\nstart = 2026-01-01\nend = 2026-03-31\n",
    );
    let check = ws.check();
    check.expect("bad-period", "error", "okr.toml", 6);
    check.expect("bad-period", "error", "okr.toml", 8);
    check.expect("bad-period", "error", "okr.toml", 11);
    check.expect("bad-id", "error", "okr.toml", 15);
}

#[cfg(unix)]
#[test]
fn link_outside_is_refused_and_a_link_inside_is_followed() {
    let ws = Workspace::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), FASTER_PAGES).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        ws.path().join("groups/web/2026-Q4/leak.toml"),
    )
    .unwrap();
    ws.check().expect("link-outside", "error", "groups/web/2026-Q4/leak.toml", 1);

    let ws = Workspace::new();
    ws.write("drafts/faster.toml", FASTER_PAGES);
    std::os::unix::fs::symlink(
        ws.path().join("drafts/faster.toml"),
        ws.path().join("groups/web/2026-Q4/linked.toml"),
    )
    .unwrap();
    let check = ws.check();
    check.expect_none("link-outside");
    // The linked objective was read: with two objectives bob is still within limits.
    check.expect_clean();
}

#[test]
fn owner_not_group_explains_people_lead_and_groups_own() {
    let ws = Workspace::new();
    ws.write(
        "groups/alice/2026-Q4/learn-german.toml",
        "title = \"Learn German\"\nlead = \"alice\"\n",
    );
    let finding = ws
        .check()
        .expect("owner-not-group", "error", "groups/alice/2026-Q4/learn-german.toml", 1)
        .clone();
    assert_eq!(finding["column"], 1);
    let help = finding["help"].as_str().unwrap();
    assert!(help.contains("people lead objectives and groups own them"), "{help}");
    assert!(help.contains("one-member team"), "{help}");
    assert!(help.contains("functional area"), "{help}");

    let ws = Workspace::new();
    ws.write("groups/ghost/2026-Q4/x.toml", FASTER_PAGES);
    let finding =
        ws.check().expect("owner-not-group", "error", "groups/ghost/2026-Q4/x.toml", 1).clone();
    assert!(!finding["help"].as_str().unwrap().contains("one-member"));
}

#[test]
fn unknown_person_everywhere_a_person_is_named() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, format!(
        "{}by = \"zoe\"\n\n[initiative.cdn]\ntitle = \"Move to a CDN\"\nowner = \"yan\"\nsupports = [\"load-time\"]\n",
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"bobby\"")
    ));
    ws.write("groups/web/group.toml", "name = \"Web\"\nkind = \"team\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = [\"carol\", \"xavier\"]\n");
    let check = ws.check();
    let lead = check.expect("unknown-person", "error", OBJECTIVE, 2);
    assert!(lead["help"].as_str().unwrap().contains("did you mean `bob`?"), "{lead}");
    check.expect("unknown-person", "error", OBJECTIVE, 13);
    check.expect("unknown-person", "error", OBJECTIVE, 17);
    check.expect("unknown-person", "error", "groups/web/group.toml", 5);
    check.expect_none("lead-missing");
}

#[test]
fn lead_missing_when_no_lead_or_an_empty_one() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, FASTER_PAGES.replace("lead = \"bob\"\n", ""));
    ws.check().expect("lead-missing", "error", OBJECTIVE, 1);
    ws.write(OBJECTIVE, FASTER_PAGES.replace("lead = \"bob\"", "lead = \"\""));
    let check = ws.check();
    check.expect("lead-missing", "error", OBJECTIVE, 1);
    check.expect_none("unknown-person");
}

#[test]
fn lead_outside_group_unless_a_member_here_or_below() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, FASTER_PAGES.replace("lead = \"bob\"", "lead = \"alice\""));
    let check = ws.check();
    check.expect("lead-outside-group", "warning", OBJECTIVE, 2);
    assert_eq!(check.status, 0, "a warning does not fail the check");

    // carol is a member of web; bob leads web, which is below acme.
    ws.write(OBJECTIVE, FASTER_PAGES.replace("lead = \"bob\"", "lead = \"carol\""));
    ws.write("groups/acme/2026-Q4/grow.toml", FASTER_PAGES);
    ws.check().expect_none("lead-outside-group");
}

#[test]
fn group_tree_needs_one_company_parents_and_no_cycles() {
    let ws = Workspace::new();
    ws.write("groups/rival/group.toml", "name = \"Rival\"\nkind = \"company\"\n");
    ws.write("groups/orphan/group.toml", "name = \"Orphan\"\nkind = \"team\"\n");
    ws.write("groups/lost/group.toml", "name = \"Lost\"\nparent = \"nowhere\"\n");
    ws.write("groups/ping/group.toml", "name = \"Ping\"\nparent = \"pong\"\n");
    ws.write("groups/pong/group.toml", "name = \"Pong\"\nparent = \"ping\"\n");
    let check = ws.check();
    check.expect("group-tree", "error", "groups/rival/group.toml", 2);
    check.expect("group-tree", "error", "groups/orphan/group.toml", 1);
    check.expect("group-tree", "error", "groups/lost/group.toml", 2);
    let cycle = check.expect("group-tree", "error", "groups/ping/group.toml", 2);
    assert!(cycle["message"].as_str().unwrap().contains("cycle"));
    assert_eq!(check.of("group-tree").len(), 4, "one finding for the cycle: {:#}", check.json);

    let ws = Workspace::new();
    ws.write(
        "groups/acme/group.toml",
        "name = \"Acme\"\nkind = \"department\"\nlead = \"alice\"\n",
    );
    let none = ws.check();
    assert!(
        none.of("group-tree").iter().any(|d| d["message"] == "no group is the company"),
        "{:#}",
        none.json
    );
}

#[test]
fn bad_key_result_for_missing_or_equal_figures_and_bad_numbers() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, FASTER_PAGES.replace("target = 400\n", ""));
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 4);

    ws.write(OBJECTIVE, FASTER_PAGES.replace("target = 400", "target = 1200"));
    let equal = ws.check();
    equal.expect("bad-key-result", "error", OBJECTIVE, 7);
    assert!(equal.of("bad-key-result")[0]["help"].as_str().unwrap().contains("at-least"));

    for bad in ["nan", "inf", "-inf", "+nan"] {
        ws.write(OBJECTIVE, FASTER_PAGES.replace("value = 900", &format!("value = {bad}")));
        let check = ws.check();
        check.expect("bad-key-result", "error", OBJECTIVE, 12);
        assert_eq!(check.of("bad-key-result").len(), 1, "{bad}: {:#}", check.json);
        ws.write(OBJECTIVE, FASTER_PAGES.replace("start = 1200", &format!("start = {bad}")));
        ws.check().expect("bad-key-result", "error", OBJECTIVE, 6);
    }

    ws.write(OBJECTIVE, FASTER_PAGES.replace("value = 900", "value = \"900\""));
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 12);
    ws.write(OBJECTIVE, FASTER_PAGES.replace("value = 900", "value = true"));
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 12);
    ws.write(
        OBJECTIVE,
        FASTER_PAGES.replace("kind", "x").replace("unit = \"ms\"", "kind = \"milestone\""),
    );
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 12);
    ws.write(OBJECTIVE, FASTER_PAGES.replace("unit = \"ms\"", "kind = \"percentage\""));
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 8);

    ws.write(OBJECTIVE, FASTER_PAGES);
    ws.check().expect_none("bad-key-result");
}

#[test]
fn levels_need_only_a_target_and_milestones_need_no_figures() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, "title = \"T\"\nlead = \"bob\"\n\n[key_result.up]\ntitle = \"Uptime\"\nkind = \"at-least\"\ntarget = 99.9\n\n[[key_result.up.checkin]]\ndate = 2026-11-19\nvalue = 99.95\n\n[key_result.ship]\ntitle = \"Ship\"\nkind = \"milestone\"\n\n[[key_result.ship.checkin]]\ndate = 2026-11-19\nvalue = false\n");
    ws.check().expect_clean();
    ws.write(OBJECTIVE, "title = \"T\"\nlead = \"bob\"\n\n[key_result.up]\ntitle = \"Uptime\"\nkind = \"at-most\"\n");
    ws.check().expect("bad-key-result", "error", OBJECTIVE, 4);
}

#[test]
fn no_key_results_warns() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, "title = \"Make every page feel instant\"\nlead = \"bob\"\n");
    let check = ws.check();
    check.expect("no-key-results", "warning", OBJECTIVE, 1);
    assert_eq!(check.status, 0);
    Workspace::new().check().expect_none("no-key-results");
}

fn key_results(count: usize) -> String {
    let mut text = String::from("title = \"T\"\nlead = \"bob\"\n");
    for n in 1..=count {
        text.push_str(&format!("\n[key_result.kr{n}]\ntitle = \"KR {n}\"\nkind = \"milestone\"\n\n[[key_result.kr{n}.checkin]]\ndate = 2026-11-19\nvalue = false\n"));
    }
    text
}

#[test]
fn too_many_key_results_points_at_the_first_one_over_the_limit() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, key_results(5));
    ws.check().expect_clean();
    ws.write(OBJECTIVE, key_results(6));
    // Each key result takes 8 lines after the 2 of the objective: the sixth starts on line 44.
    ws.check().expect("too-many-key-results", "warning", OBJECTIVE, 44);
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[limits]\nmax_key_results = 6\n");
    ws.check().expect_clean();
}

#[test]
fn too_many_objectives_for_a_group_in_a_period() {
    let ws = Workspace::new();
    ws.write(
        "groups/web/group.toml",
        "name = \"Web\"\nparent = \"acme\"\nlead = \"bob\"\nmembers = [\"carol\"]\n",
    );
    for n in 1..=4 {
        ws.write(
            &format!("groups/web/2026-Q4/more-{n}.toml"),
            FASTER_PAGES.replace("\"bob\"", "\"carol\""),
        );
    }
    ws.check().expect_none("too-many-objectives");
    ws.write("groups/web/2026-Q4/more-5.toml", FASTER_PAGES.replace("\"bob\"", "\"carol\""));
    // Sorted by id, the sixth objective is more-5.
    let check = ws.check();
    check.expect("too-many-objectives", "warning", "groups/web/2026-Q4/more-5.toml", 1);
    // Another period is counted on its own.
    assert_eq!(check.of("too-many-objectives").len(), 1);
}

#[test]
fn leads_too_many_in_one_period() {
    let ws = Workspace::new();
    for name in ["b", "c"] {
        ws.write(&format!("groups/web/2026-Q4/{name}.toml"), FASTER_PAGES);
    }
    ws.write("groups/web/2026-Q3/old.toml", FASTER_PAGES.replace("2026-11-15", "2026-09-15"));
    ws.check().expect_none("leads-too-many");
    ws.write("groups/web/2026-Q4/d.toml", FASTER_PAGES);
    // bob leads b, c, d and faster-pages in 2026-Q4: the fourth, by reference, is faster-pages.
    ws.check().expect("leads-too-many", "warning", OBJECTIVE, 2);
}

#[test]
fn bad_alignment_for_missing_parents_and_cycles() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, objective_with("aligned_to = \"acme/2026-Q4/grow\"\n"));
    ws.check().expect("bad-alignment", "error", OBJECTIVE, 3);
    ws.write(OBJECTIVE, objective_with("aligned_to = \"grow\"\n"));
    ws.check().expect("bad-alignment", "error", OBJECTIVE, 3);

    ws.write(
        "groups/acme/2026-Q4/grow.toml",
        FASTER_PAGES.replace(
            "lead = \"bob\"",
            "lead = \"alice\"\naligned_to = \"web/2026-Q4/faster-pages\"",
        ),
    );
    ws.write(OBJECTIVE, objective_with("aligned_to = \"acme/2026-Q4/grow\"\n"));
    let check = ws.check();
    assert_eq!(check.of("bad-alignment").len(), 1, "one finding a cycle: {:#}", check.json);
    check.expect("bad-alignment", "error", "groups/acme/2026-Q4/grow.toml", 3);

    ws.write(
        "groups/acme/2026-Q4/grow.toml",
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"alice\""),
    );
    ws.check().expect_clean();
}

#[test]
fn alignment_period_when_the_parent_period_does_not_contain_this_one() {
    let ws = Workspace::new();
    ws.write(
        "groups/acme/2026-Q3/old.toml",
        FASTER_PAGES
            .replace("lead = \"bob\"", "lead = \"alice\"")
            .replace("2026-11-15", "2026-09-15"),
    );
    ws.write(OBJECTIVE, objective_with("aligned_to = \"acme/2026-Q3/old\"\n"));
    ws.check().expect("alignment-period", "warning", OBJECTIVE, 3);

    ws.write(
        "groups/acme/2026/year.toml",
        FASTER_PAGES.replace("lead = \"bob\"", "lead = \"alice\""),
    );
    ws.write(OBJECTIVE, objective_with("aligned_to = \"acme/2026/year\"\n"));
    ws.check().expect_clean();
}

#[test]
fn initiative_links_must_name_a_key_result_of_the_same_objective() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, format!("{FASTER_PAGES}\n[initiative.cdn]\ntitle = \"Move to a CDN\"\nowner = \"carol\"\nsupports = [\"load-tim\"]\nstatus = \"in-progress\"\ndue = 2026-12-01\n"));
    let finding = ws.check().expect("initiative-links", "error", OBJECTIVE, 17).clone();
    assert!(finding["help"].as_str().unwrap().contains("did you mean `load-time`?"));
    ws.write(OBJECTIVE, format!("{FASTER_PAGES}\n[initiative.cdn]\ntitle = \"Move to a CDN\"\nowner = \"carol\"\nsupports = [\"load-time\"]\n"));
    ws.check().expect_clean();
}

#[test]
fn checkin_date_before_the_period_or_after_the_as_of_date() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, format!("{FASTER_PAGES}\n[[key_result.load-time.checkin]]\ndate = 2026-09-30\nvalue = 1000\n\n[[key_result.load-time.checkin]]\ndate = 2026-11-21\nvalue = 800\n"));
    let check = ws.check();
    check.expect("checkin-date", "warning", OBJECTIVE, 15);
    check.expect("checkin-date", "warning", OBJECTIVE, 19);
    assert_eq!(check.of("checkin-date").len(), 2);

    // After the period ended: judged as of a later day.
    let ended = ws.check_with(&["--as-of", "2027-02-01"]);
    assert_eq!(ended.of("checkin-date").len(), 1, "only the September one: {:#}", ended.json);
    ws.write(OBJECTIVE, FASTER_PAGES.replace("2026-11-15", "2027-01-03"));
    ws.check_with(&["--as-of", "2027-02-01"]).expect("checkin-date", "warning", OBJECTIVE, 11);
}

#[test]
fn stale_key_result_after_quiet_weeks_in_a_running_period() {
    let ws = Workspace::new();
    // 15 days since the check-in of 2026-11-05 with a limit of 14.
    ws.write(OBJECTIVE, FASTER_PAGES.replace("2026-11-15", "2026-11-05"));
    ws.check().expect("stale-key-result", "warning", OBJECTIVE, 4);
    // 14 days is within the limit.
    ws.write(OBJECTIVE, FASTER_PAGES.replace("2026-11-15", "2026-11-06"));
    ws.check().expect_none("stale-key-result");
    // Without check-ins the count starts at the period's first day: 2026-10-15 is day 15.
    ws.write(OBJECTIVE, FASTER_PAGES.split("[[").next().unwrap());
    ws.check_with(&["--as-of", "2026-10-15"]).expect_none("stale-key-result");
    ws.check_with(&["--as-of", "2026-10-16"]).expect("stale-key-result", "warning", OBJECTIVE, 4);
    // An ended period is not stale.
    ws.check_with(&["--as-of", "2027-01-10"]).expect_none("stale-key-result");
    // A done key result needs no news.
    ws.write(
        OBJECTIVE,
        FASTER_PAGES.replace("2026-11-15", "2026-10-02").replace("value = 900", "value = 400"),
    );
    ws.check().expect_none("stale-key-result");
    // The limit comes from okr.toml.
    ws.write(OBJECTIVE, FASTER_PAGES.replace("2026-11-15", "2026-11-05"));
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[progress]\nstale_after_days = 30\n");
    ws.check().expect_clean();
}

#[test]
fn individual_objective_names_the_one_member_group() {
    let ws = Workspace::new();
    ws.write("groups/solo/group.toml", "name = \"Solo\"\nparent = \"acme\"\nlead = \"carol\"\n");
    ws.write("groups/solo/2026-Q4/own.toml", FASTER_PAGES.replace("\"bob\"", "\"carol\""));
    let check = ws.check();
    let finding =
        check.expect("individual-objective", "warning", "groups/solo/2026-Q4/own.toml", 1);
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("`solo`") && message.contains("one-member"), "{message}");
    assert!(finding["help"].as_str().unwrap().contains("align"));
    Workspace::new().check().expect_none("individual-objective");
}

#[test]
fn rules_can_be_set_to_deny_warn_or_allow() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, "title = \"T\"\nlead = \"bob\"\n");
    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[rules]\nno-key-results = \"deny\"\n");
    let check = ws.check();
    check.expect("no-key-results", "error", OBJECTIVE, 1);
    assert_eq!((check.status, &check.json["errors"]), (1, &serde_json::json!(1)));

    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[rules]\nno-key-results = \"allow\"\n");
    ws.check().expect_clean();

    ws.write("okr.toml", "[organization]\nname = \"Acme\"\n[rules]\nno-key-results = \"loud\"\n");
    ws.check().expect("bad-value", "error", "okr.toml", 4);
}

#[test]
fn strict_fails_on_warnings() {
    let ws = Workspace::new();
    ws.write(OBJECTIVE, "title = \"T\"\nlead = \"bob\"\n");
    assert_eq!(ws.check().status, 0);
    assert_eq!(ws.check_with(&["--strict"]).status, 1);
    assert_eq!(Workspace::new().check_with(&["--strict"]).status, 0);
}
