//! JSON Schemas of the four file formats, for editors with a TOML language
//! server: they validate and complete as people type.
//!
//! The schema types mirror the formats of SPEC §2 and are used for nothing
//! but their schemas; a test holds their keys to the loader's, in both
//! directions. Dates are TOML dates, which language servers treat as
//! strings in the `date` format.

use std::collections::BTreeMap;

use schemars::{JsonSchema, schema_for};
use serde_json::Value;

/// `okr.toml`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "okr.toml")]
struct SettingsFile {
    organization: Organization,
    progress: Option<Progress>,
    limits: Option<Limits>,
    /// Any rule of `okr check` and its level.
    rules: Option<BTreeMap<String, RuleLevel>>,
    /// Custom periods by id.
    period: Option<BTreeMap<String, CustomPeriod>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Organization {
    name: String,
    /// The month, 1 to 12, in which the fiscal year starts.
    #[schemars(range(min = 1, max = 12))]
    fiscal_year_start: Option<u8>,
    fiscal_year_label: Option<YearLabel>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum YearLabel {
    Start,
    End,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Progress {
    #[schemars(range(min = 0.0, max = 1.0))]
    at_risk_margin: Option<f64>,
    #[schemars(range(min = 0.0, max = 1.0))]
    off_track_margin: Option<f64>,
    #[schemars(range(min = 1))]
    stale_after_days: Option<u32>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Limits {
    #[schemars(range(min = 1))]
    max_objectives: Option<u32>,
    #[schemars(range(min = 1))]
    max_key_results: Option<u32>,
    #[schemars(range(min = 1))]
    max_objectives_per_lead: Option<u32>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum RuleLevel {
    Deny,
    Warn,
    Allow,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct CustomPeriod {
    #[schemars(with = "String", extend("format" = "date"))]
    start: (),
    #[schemars(with = "String", extend("format" = "date"))]
    end: (),
}

/// `people.toml`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "people.toml")]
struct PeopleFile {
    /// The people by id.
    person: Option<BTreeMap<String, Person>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Person {
    name: String,
    email: Option<String>,
}

/// `groups/<group>/group.toml`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "group.toml")]
struct GroupFile {
    name: String,
    kind: Option<GroupKind>,
    /// The group above this one; every group but the company has one.
    parent: Option<String>,
    lead: Option<String>,
    members: Option<Vec<String>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum GroupKind {
    Company,
    Department,
    Team,
}

/// `groups/<group>/<period>/<objective>.toml`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, title = "objective")]
struct ObjectiveFile {
    title: String,
    /// The one person who keeps the objective on track.
    lead: String,
    /// The objective this one serves, as `group/period/objective`.
    aligned_to: Option<String>,
    description: Option<String>,
    commitment: Option<Commitment>,
    key_result: Option<BTreeMap<String, KeyResult>>,
    initiative: Option<BTreeMap<String, Initiative>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Commitment {
    Aspirational,
    Committed,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct KeyResult {
    title: String,
    kind: Option<KeyResultKind>,
    start: Option<f64>,
    target: Option<f64>,
    unit: Option<String>,
    lead: Option<String>,
    #[schemars(range(min = 0.0))]
    weight: Option<f64>,
    checkin: Option<Vec<Checkin>>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum KeyResultKind {
    Metric,
    Milestone,
    AtLeast,
    AtMost,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Checkin {
    #[schemars(with = "String", extend("format" = "date"))]
    date: (),
    /// A number, or `true` or `false` for a milestone.
    value: CheckinValue,
    by: Option<String>,
    note: Option<String>,
    confidence: Option<Confidence>,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
enum CheckinValue {
    Number(f64),
    Done(bool),
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Confidence {
    High,
    Medium,
    Low,
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct Initiative {
    title: String,
    owner: Option<String>,
    /// Key results of the same objective that this work moves.
    supports: Option<Vec<String>>,
    status: Option<InitiativeStatus>,
    #[schemars(with = "Option<String>", extend("format" = "date"))]
    due: (),
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case")]
enum InitiativeStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// The file kinds that have a schema, by the name `okr schema` takes.
pub const KINDS: [&str; 4] = ["okr", "people", "group", "objective"];

/// The JSON Schema of one file kind.
pub fn schema(kind: &str) -> Option<Value> {
    let schema = match kind {
        "okr" => schema_for!(SettingsFile),
        "people" => schema_for!(PeopleFile),
        "group" => schema_for!(GroupFile),
        "objective" => schema_for!(ObjectiveFile),
        _ => return None,
    };
    Some(schema.to_value())
}
