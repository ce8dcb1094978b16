//! okr: objectives and key results kept as TOML files in a git repository.
//!
//! The library is the domain and never touches the terminal:
//!
//! - [`model`]: ids, references, periods, people, groups, objectives;
//! - [`workspace`]: finding, loading and locating files on disk;
//! - [`rules`]: the validator's rules and their engine;
//! - [`progress`]: the arithmetic of progress;
//! - [`finding`] and [`render`]: what the validator says and how it prints.
//!
//! The `okr` binary is a thin layer over it, one module per command.

pub mod finding;
pub mod model;
pub mod progress;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod workspace;
