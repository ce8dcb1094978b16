//! The settings of `okr.toml`, with their defaults.
//!
//! [`SETTINGS`] is the one list of every key `okr.toml` knows. The loader
//! takes its known keys from it and a test holds `okr.example.toml` to it,
//! so a setting cannot be added without being documented.

use crate::model::Text;
use crate::model::period::Calendar;
use crate::model::source::Located;

/// One documented setting of `okr.toml`.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The table it lives in; `period.*` for the keys of a custom period.
    pub table: &'static str,
    pub key: &'static str,
    /// Its default, as written in TOML, or `None` where it has none.
    pub default: Option<&'static str>,
}

/// Every setting of `okr.toml` but the rule levels, whose keys are rule names.
pub const SETTINGS: &[Setting] = &[
    Setting { table: "organization", key: "name", default: None },
    Setting { table: "organization", key: "fiscal_year_start", default: Some("1") },
    Setting { table: "organization", key: "fiscal_year_label", default: Some("\"start\"") },
    Setting { table: "progress", key: "at_risk_margin", default: Some("0.1") },
    Setting { table: "progress", key: "off_track_margin", default: Some("0.3") },
    Setting { table: "progress", key: "stale_after_days", default: Some("14") },
    Setting { table: "limits", key: "max_objectives", default: Some("5") },
    Setting { table: "limits", key: "max_key_results", default: Some("5") },
    Setting { table: "limits", key: "max_objectives_per_lead", default: Some("3") },
    Setting { table: "period.*", key: "start", default: None },
    Setting { table: "period.*", key: "end", default: None },
];

/// The tables `okr.toml` may hold at its top level.
pub const SETTINGS_TABLES: [&str; 5] = ["organization", "progress", "limits", "rules", "period"];

/// How seriously a rule's findings are taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// An error: `okr check` fails.
    Deny,
    /// A warning: `okr check` fails only with `--strict`.
    Warn,
    /// Not reported.
    Allow,
}

/// The workspace's settings, defaults filled in.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub organization: Option<Located<Text>>,
    pub calendar: Calendar,
    pub progress: ProgressSettings,
    pub limits: Limits,
    /// The `[rules]` entries as written: the rule engine checks the names.
    pub rules: Vec<(Located<String>, Level)>,
}

/// How pace is judged.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ProgressSettings {
    pub at_risk_margin: f64,
    pub off_track_margin: f64,
    pub stale_after_days: u32,
}

/// How much a group, an objective and a person can carry in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_objectives: u32,
    pub max_key_results: u32,
    pub max_objectives_per_lead: u32,
}

impl Level {
    pub const NAMES: [&'static str; 3] = ["deny", "warn", "allow"];

    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "deny" => Some(Level::Deny),
            "warn" => Some(Level::Warn),
            "allow" => Some(Level::Allow),
            _ => None,
        }
    }
}

impl Default for ProgressSettings {
    fn default() -> Self {
        ProgressSettings { at_risk_margin: 0.1, off_track_margin: 0.3, stale_after_days: 14 }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_objectives: 5, max_key_results: 5, max_objectives_per_lead: 3 }
    }
}

impl Setting {
    /// The settings of one table, by key.
    pub fn keys_of(table: &str) -> Vec<&'static str> {
        SETTINGS.iter().filter(|s| s.table == table).map(|s| s.key).collect()
    }
}
