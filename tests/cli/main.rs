//! Integration tests: the real `okr` binary on real folders.

// A test that unwraps fails loudly at the point of surprise, which is what a test is for.
#![allow(clippy::unwrap_used)]

mod bad_input;
mod classify;
mod edits;
mod examples;
mod hardening;
mod output;
mod reports;
mod rules;
mod schema;
mod support;
mod toolbox;
