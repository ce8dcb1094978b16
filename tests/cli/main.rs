//! Integration tests: the real `okr` binary on real folders.

mod bad_input;
mod examples;
mod output;
mod rules;
mod support;
