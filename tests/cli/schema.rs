//! `okr schema`: the JSON Schemas validate the example workspace, and they
//! know exactly the keys the loader knows.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use okr::workspace::format::{group, objective, people};

use crate::support::{okr_in, repository};

fn schema(kind: &str) -> Value {
    let run = okr_in(&repository(), &["schema", kind]);
    assert_eq!(run.status, 0, "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

/// A TOML document as the JSON a language server validates: dates are strings.
fn as_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::from(n),
        toml::Value::Float(n) => Value::from(n),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(as_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, as_json(v))).collect())
        }
    }
}

fn validate(kind: &str, file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    let document = as_json(toml::Value::Table(toml::from_str(&text).unwrap()));
    let validator = jsonschema::validator_for(&schema(kind)).unwrap();
    let errors: Vec<String> = validator.iter_errors(&document).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", file.display());
}

#[test]
fn every_file_of_the_example_workspace_validates() {
    let root = repository().join("examples/lumen-cycles");
    validate("okr", &root.join("okr.toml"));
    validate("okr", &repository().join("okr.example.toml"));
    validate("people", &root.join("people.toml"));
    let mut objectives = 0;
    for group in std::fs::read_dir(root.join("groups")).unwrap().flatten() {
        validate("group", &group.path().join("group.toml"));
        for period in
            std::fs::read_dir(group.path()).unwrap().flatten().filter(|e| e.path().is_dir())
        {
            for file in std::fs::read_dir(period.path()).unwrap().flatten() {
                validate("objective", &file.path());
                objectives += 1;
            }
        }
    }
    assert_eq!(objectives, 16);
}

#[test]
fn a_schema_refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&schema("objective")).unwrap();
    let typo = serde_json::json!({"title": "T", "lead": "bob", "titel": "x"});
    assert!(!validator.is_valid(&typo));
    let bad_kind = serde_json::json!({"title": "T", "lead": "bob", "key_result": {"a": {"title": "A", "kind": "percentage"}}});
    assert!(!validator.is_valid(&bad_kind));
}

/// The property names of a schema object, following a `$ref` into `$defs`.
fn keys(schema: &Value, object: &Value) -> BTreeSet<String> {
    let object = match object.get("$ref").and_then(Value::as_str) {
        Some(reference) => &schema["$defs"][reference.trim_start_matches("#/$defs/")],
        None => object,
    };
    object["properties"].as_object().unwrap().keys().cloned().collect()
}

/// The schema of the values of a map-of-tables property (`key_result`, `person`).
fn entries<'a>(schema: &'a Value, object: &'a Value, key: &str) -> &'a Value {
    let property = &object["properties"][key];
    let map = property
        .get("anyOf")
        .and_then(|any| any[0].as_object())
        .map_or(property, |_| &property["anyOf"][0]);
    let values = &map["additionalProperties"];
    match values.get("$ref").and_then(Value::as_str) {
        Some(reference) => &schema["$defs"][reference.trim_start_matches("#/$defs/")],
        None => values,
    }
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn schema_and_loader_know_the_same_keys() {
    let objective_schema = schema("objective");
    assert_eq!(keys(&objective_schema, &objective_schema), set(&objective::OBJECTIVE_KEYS));
    let kr = entries(&objective_schema, &objective_schema, "key_result");
    assert_eq!(keys(&objective_schema, kr), set(&objective::KEY_RESULT_KEYS));
    let checkin = &kr["properties"]["checkin"];
    let items = checkin
        .get("items")
        .or_else(|| checkin["anyOf"][0].get("items"))
        .or_else(|| checkin["type"].as_array().and(checkin.get("items")))
        .unwrap();
    assert_eq!(keys(&objective_schema, items), set(&objective::CHECKIN_KEYS));
    let initiative = entries(&objective_schema, &objective_schema, "initiative");
    assert_eq!(keys(&objective_schema, initiative), set(&objective::INITIATIVE_KEYS));

    let group_schema = schema("group");
    assert_eq!(keys(&group_schema, &group_schema), set(&group::GROUP_KEYS));
    let people_schema = schema("people");
    assert_eq!(
        keys(&people_schema, entries(&people_schema, &people_schema, "person")),
        set(&people::PERSON_KEYS)
    );

    let settings = schema("okr");
    assert_eq!(keys(&settings, &settings), set(&okr::model::settings::SETTINGS_TABLES));
    for table in ["organization", "progress", "limits"] {
        let property = &settings["properties"][table];
        let object = property.get("$ref").map_or_else(|| &property["anyOf"][0], |_| property);
        assert_eq!(
            keys(&settings, object),
            set(&okr::model::settings::Setting::keys_of(table)),
            "[{table}]"
        );
    }
}
