//! okr: objectives and key results kept as TOML files in a git repository.
//!
//! The library is the domain and never touches the terminal:
//!
//! - [`model`]: ids, references and their resolution, periods, people,
//!   groups, objectives;
//! - [`workspace`]: finding, loading and locating files on disk, and editing
//!   them safely;
//! - [`rules`]: the validator's rules and their engine;
//! - [`progress`]: the arithmetic of progress, pace and score;
//! - [`report`]: the views and renderers of reports;
//! - [`finding`] and [`render`]: what the validator says and how it prints;
//! - [`schema`]: JSON Schemas of the file formats, for editors.
//!
//! The `okr` binary is a thin layer over it, one module per command.

pub mod classify;
pub mod finding;
pub mod model;
pub mod progress;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod workspace;
