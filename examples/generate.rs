//! Writes a large, valid workspace for benchmarks:
//! `cargo run --release --example generate -- OUT [--teams N] [--departments N]
//! [--people N] [--periods N] [--objectives N] [--key-results N] [--checkins N]
//! [--initiatives N]`.
//!
//! By default: 1,000 teams under 20 departments, 5 people a team, 8 quarters
//! (2025-Q1 to 2026-Q4), 3 objectives a team a quarter, 3 metric key results
//! each with 6 check-ins, and 2 initiatives. Figures are made from the
//! numbers of the things they belong to, so every run writes the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

struct Shape {
    teams: usize,
    departments: usize,
    people: usize,
    periods: usize,
    objectives: usize,
    key_results: usize,
    checkins: usize,
    initiatives: usize,
}

fn main() {
    let (out, shape) = match arguments() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!(
                "usage: generate OUT [--teams N] [--departments N] [--people N] [--periods N] [--objectives N] [--key-results N] [--checkins N] [--initiatives N]"
            );
            std::process::exit(2);
        }
    };
    if let Err(error) = generate(&out, &shape) {
        eprintln!("error: failed to write `{}`: {error}", out.display());
        std::process::exit(1);
    }
}

fn arguments() -> Result<(PathBuf, Shape), String> {
    let mut shape = Shape {
        teams: 1000,
        departments: 20,
        people: 5,
        periods: 8,
        objectives: 3,
        key_results: 3,
        checkins: 6,
        initiatives: 2,
    };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let slot = match arg.as_str() {
            "--teams" => &mut shape.teams,
            "--departments" => &mut shape.departments,
            "--people" => &mut shape.people,
            "--periods" => &mut shape.periods,
            "--objectives" => &mut shape.objectives,
            "--key-results" => &mut shape.key_results,
            "--checkins" => &mut shape.checkins,
            "--initiatives" => &mut shape.initiatives,
            flag if flag.starts_with("--") => return Err(format!("unknown flag `{flag}`")),
            path => {
                out = Some(PathBuf::from(path));
                continue;
            }
        };
        let value = args.next().ok_or(format!("`{arg}` needs a number"))?;
        *slot = value.parse().map_err(|_| format!("`{arg} {value}` is not a number"))?;
    }
    if shape.departments == 0 || shape.people == 0 || shape.periods > 8 {
        return Err("needs a department, a person a team, and at most 8 periods".into());
    }
    Ok((out.ok_or("name the folder to write")?, shape))
}

/// The quarters, oldest first, with their first day.
const QUARTERS: [(&str, &str); 8] = [
    ("2025-Q1", "2025-01"),
    ("2025-Q2", "2025-04"),
    ("2025-Q3", "2025-07"),
    ("2025-Q4", "2025-10"),
    ("2026-Q1", "2026-01"),
    ("2026-Q2", "2026-04"),
    ("2026-Q3", "2026-07"),
    ("2026-Q4", "2026-10"),
];

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    fs::write(path, text)
}

fn generate(out: &Path, shape: &Shape) -> std::io::Result<()> {
    write(
        &out.join("okr.toml"),
        "[organization]\nname = \"Generated Corp\"\n\n[progress]\nstale_after_days = 120\n",
    )?;

    let mut people = String::new();
    for team in 0..shape.teams {
        for member in 0..shape.people {
            let _ =
                write!(people, "[person.p{team}-{member}]\nname = \"Person {team}.{member}\"\n\n");
        }
    }
    people.push_str("[person.ceo]\nname = \"Chief executive\"\n");
    write(&out.join("people.toml"), &people)?;

    write(
        &out.join("groups/corp/group.toml"),
        "name = \"Generated Corp\"\nkind = \"company\"\nlead = \"ceo\"\n",
    )?;
    for department in 0..shape.departments {
        let text = format!(
            "name = \"Department {department}\"\nkind = \"department\"\nparent = \"corp\"\nlead = \"ceo\"\n"
        );
        write(&out.join(format!("groups/d{department}/group.toml")), &text)?;
    }
    for team in 0..shape.teams {
        let members: Vec<String> = (1..shape.people).map(|m| format!("\"p{team}-{m}\"")).collect();
        let text = format!(
            "name = \"Team {team}\"\nkind = \"team\"\nparent = \"d{}\"\nlead = \"p{team}-0\"\nmembers = [{}]\n",
            team % shape.departments,
            members.join(", ")
        );
        write(&out.join(format!("groups/t{team}/group.toml")), &text)?;
        for (period, month) in QUARTERS.iter().take(shape.periods) {
            for objective in 0..shape.objectives {
                let path = out.join(format!("groups/t{team}/{period}/objective-{objective}.toml"));
                write(&path, &objective_file(team, objective, month, shape))?;
            }
        }
    }
    Ok(())
}

fn objective_file(team: usize, objective: usize, month: &str, shape: &Shape) -> String {
    let lead = format!("p{team}-{}", objective % shape.people);
    let mut text = format!(
        "title = \"Objective {objective} of team {team}\"\nlead = \"{lead}\"\ndescription = \"Generated for benchmarks.\"\n"
    );
    for kr in 0..shape.key_results {
        let start = 10 + (team + kr) % 50;
        let target = start + 20 + kr * 5;
        let _ = write!(
            text,
            "\n[key_result.kr-{kr}]\ntitle = \"Key result {kr}\"\nstart = {start}\ntarget = {target}\nunit = \"%\"\n"
        );
        for checkin in 0..shape.checkins {
            // Check-ins fall in the first two months of the quarter, on days 1 to 19.
            let (year, first) = month.split_once('-').expect("year-month");
            let month_number: usize = first.parse::<usize>().expect("a month") + checkin % 2;
            let day = 1 + (checkin * 4 + team) % 19;
            let value = start + (checkin + 1) * (target - start) / (shape.checkins + 1);
            let _ = write!(
                text,
                "\n[[key_result.kr-{kr}.checkin]]\ndate = {year}-{month_number:02}-{day:02}\nvalue = {value}\nby = \"{lead}\"\nnote = \"Week {checkin}\"\n"
            );
        }
    }
    for initiative in 0..shape.initiatives {
        let supports = initiative % shape.key_results.max(1);
        let _ = write!(
            text,
            "\n[initiative.work-{initiative}]\ntitle = \"Initiative {initiative}\"\nowner = \"{lead}\"\nstatus = \"in-progress\"\n"
        );
        if shape.key_results > 0 {
            let _ = writeln!(text, "supports = [\"kr-{supports}\"]");
        }
    }
    text
}
