//! The workspace on disk: finding its root, loading its files into the
//! model with the place of every value, resolving places for findings, and
//! editing files as one checked, locked, atomic transaction.
//!
//! This is the only module of the library that touches the file system.

pub mod discover;
pub mod edit;
pub mod format;
pub mod load;
pub mod locate;
pub mod reader;
pub mod transaction;
pub mod write;

pub use discover::{NotAWorkspace, find_root, named_root};
pub use load::{Loaded, Overlay, Scope, load, load_scoped, load_with};
