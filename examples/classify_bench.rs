//! How well the classifier tells the four classes apart, on labelled
//! statements: accuracy per class, the confusion matrix, and the two rates
//! that matter most (real objectives and key results called personal
//! development, and personal development found).
//!
//! `cargo run --release --example classify_bench -- [FILE.tsv]... [--errors]`
//!
//! Each file is a TSV with a header and the columns `id`, `class`,
//! `ambiguous` and `text`, as in `../shared/data/statements-dev.tsv`. With
//! no file, it reads both labelled sets from `../shared/data`. Half by half
//! (odd and even rows) figures show whether the cues generalise or fit.

#![allow(clippy::print_stdout, reason = "a benchmark prints its figures")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use okr::classify::{Class, classify};

struct Labelled {
    id: String,
    class: Class,
    text: String,
}

fn read(path: &PathBuf) -> Result<Vec<Labelled>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(class), Some(text)) = (fields.first(), fields.get(1), fields.get(3))
        else {
            return Err(format!("{}:{}: fewer than four columns", path.display(), number + 1));
        };
        let class = Class::parse(class)
            .ok_or_else(|| format!("{}:{}: unknown class `{class}`", path.display(), number + 1))?;
        rows.push(Labelled { id: (*id).to_owned(), class, text: (*text).to_owned() });
    }
    Ok(rows)
}

/// Counts of (label, answer).
struct Confusion(BTreeMap<(Class, Class), usize>);

impl Confusion {
    fn of<'a>(rows: impl Iterator<Item = &'a Labelled>) -> Confusion {
        let mut counts = BTreeMap::new();
        for row in rows {
            *counts.entry((row.class, classify(&row.text).class)).or_insert(0) += 1;
        }
        Confusion(counts)
    }

    fn count(&self, label: Class, answer: Class) -> usize {
        self.0.get(&(label, answer)).copied().unwrap_or(0)
    }

    fn labelled(&self, label: Class) -> usize {
        Class::ALL.iter().map(|&answer| self.count(label, answer)).sum()
    }

    fn total(&self) -> usize {
        self.0.values().sum()
    }

    fn accuracy(&self) -> f64 {
        let right: usize = Class::ALL.iter().map(|&c| self.count(c, c)).sum();
        right as f64 / self.total().max(1) as f64
    }

    /// The share of real objectives and key results called personal
    /// development: the error that fails someone's CI.
    fn false_personal_development(&self) -> (usize, usize) {
        let real = [Class::Objective, Class::KeyResult];
        let called = real.iter().map(|&c| self.count(c, Class::PersonalDevelopment)).sum();
        let all = real.iter().map(|&c| self.labelled(c)).sum();
        (called, all)
    }

    fn print(&self, name: &str) {
        println!("{name}: {} statements, accuracy {:.3}", self.total(), self.accuracy());
        println!(
            "  {:<22}{:>8}{:>8}{:>8}{:>8}   recall",
            "label \\ answer", "pd", "init", "kr", "obj"
        );
        for label in Class::ALL {
            let row: Vec<String> = Class::ALL
                .iter()
                .map(|&answer| format!("{:>8}", self.count(label, answer)))
                .collect();
            let recall = self.count(label, label) as f64 / self.labelled(label).max(1) as f64;
            println!("  {:<22}{}   {recall:.3}", label.as_str(), row.join(""));
        }
        let (called, all) = self.false_personal_development();
        println!(
            "  objectives and key results called personal development: {called}/{all} = {:.3}",
            called as f64 / all.max(1) as f64
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let mut files: Vec<PathBuf> =
        args.iter().filter(|a| !a.starts_with("--")).map(PathBuf::from).collect();
    if files.is_empty() {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
        files = vec![data.join("statements-dev.tsv"), data.join("statements-extra-dev.tsv")];
    }

    for file in &files {
        let rows = match read(file) {
            Ok(rows) => rows,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(2);
            }
        };
        let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        Confusion::of(rows.iter()).print(&name);
        Confusion::of(rows.iter().step_by(2)).print(&format!("{name}, odd rows"));
        Confusion::of(rows.iter().skip(1).step_by(2)).print(&format!("{name}, even rows"));
        println!();

        if errors {
            for row in &rows {
                let answer = classify(&row.text);
                if answer.class != row.class {
                    println!(
                        "  {} {} -> {}: {} [{}]",
                        row.id,
                        row.class.as_str(),
                        answer.class.as_str(),
                        row.text,
                        answer.reasons().join("; ")
                    );
                }
            }
            println!();
        }
    }
}
