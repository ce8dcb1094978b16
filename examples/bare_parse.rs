//! The floor `okr check` is measured against: read every `.toml` file below
//! a folder and parse it into a table with the `toml` crate, on all cores,
//! doing nothing else. `cargo run --release --example bare_parse -- DIR`.

use std::path::{Path, PathBuf};

fn files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: bare_parse DIR");
        std::process::exit(2);
    };
    let mut found = Vec::new();
    files(Path::new(&root), &mut found);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = found.len().div_ceil(cores).max(1);
    let parsed: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = found
            .chunks(chunk)
            .map(|files| {
                scope.spawn(move || {
                    files
                        .iter()
                        .filter(|file| {
                            let text = std::fs::read_to_string(file).unwrap_or_default();
                            text.parse::<toml::Table>().is_ok()
                        })
                        .count()
                })
            })
            .collect();
        workers.into_iter().map(|worker| worker.join().unwrap_or(0)).sum()
    });
    // A benchmark baseline reports on stderr, like okr status lines.
    eprintln!("parsed {parsed} of {} files on {cores} cores", found.len());
}
