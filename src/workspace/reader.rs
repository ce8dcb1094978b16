//! Typed reading of a parsed TOML table, one finding per problem.
//!
//! The parser gives a table of spanned values; a [`Fields`] reads the keys a
//! file format knows, in the types the format gives them, and reports every
//! key it does not know and every value of the wrong type instead of
//! stopping at the first, as a derived deserializer would.

use std::borrow::Cow;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::finding::{Finding, RuleId, closest, did_you_mean, quoted};
use crate::model::Text;
use crate::model::id::Id;
use crate::model::source::{FileId, Located, Span};

/// The keys of one table, read with findings pushed to a shared list.
pub struct Fields<'a, 'i> {
    pub table: &'a DeTable<'i>,
    pub file: FileId,
    /// The rule that reports a value of the wrong type here.
    pub rule: RuleId,
    /// What the table is, for messages: "objective", "key result `x`".
    pub what: String,
}

/// A short phrase naming a TOML value's type, for messages.
pub fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(datetime) if datetime.time.is_some() && datetime.date.is_some() => {
            "a date and time"
        }
        DeValue::Datetime(datetime) if datetime.date.is_none() => "a time",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// A span in `file` for a parsed value.
pub fn span_of<T>(file: FileId, value: &Spanned<T>) -> Span {
    Span::bytes(file, value.span())
}

/// A number from a TOML integer or float, if it is one.
pub fn number_of(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(integer) => {
            i64::from_str_radix(integer.as_str(), integer.radix()).ok().map(|n| n as f64)
        }
        DeValue::Float(float) => float.as_str().parse().ok(),
        _ => None,
    }
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(
        table: &'a DeTable<'i>,
        file: FileId,
        rule: RuleId,
        what: impl Into<String>,
    ) -> Self {
        Fields { table, file, rule, what: what.into() }
    }

    /// Reports every key that is not in `known`, with the closest known key.
    pub fn check_keys(&self, known: &[&str], findings: &mut Vec<Finding>) {
        for key in self.table.keys() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let list = quoted(known, ", ");
            findings.push(Finding::new(
                RuleId::UnknownKey,
                span_of(self.file, key),
                format!("unknown key `{name}` in {}", self.what),
                did_you_mean(name, known.iter().copied(), &format!("the known keys are {list}")),
            ));
        }
    }

    /// Whether `key` is truly absent: not written, and not misspelt either,
    /// since a misspelt key is already an `unknown-key` finding that names it.
    pub fn lacks(&self, key: &str, known: &[&str]) -> bool {
        self.get(key).is_none()
            && !self.table.keys().any(|written| {
                let written: &str = written.get_ref();
                !known.contains(&written) && closest(written, known.iter().copied()) == Some(key)
            })
    }

    /// Reports a required key that is truly absent (see [`Fields::lacks`]).
    pub fn require(
        &self,
        key: &str,
        known: &[&str],
        at: Span,
        help: &str,
        findings: &mut Vec<Finding>,
    ) {
        if self.lacks(key, known) {
            findings.push(Finding::new(
                self.rule,
                at,
                format!("{} has no `{key}`", self.what),
                help,
            ));
        }
    }

    /// The raw value of a key.
    pub fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// Reports a value of the wrong type.
    pub fn wrong_type(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
        expected: &str,
        example: &str,
        findings: &mut Vec<Finding>,
    ) {
        let found = type_name(value.get_ref());
        let help = match value.get_ref() {
            DeValue::Table(_) => format!("`{key}` holds a single value, not a table: `{example}`"),
            _ => format!("write it as {expected}: `{example}`"),
        };
        findings.push(Finding::new(
            self.rule,
            span_of(self.file, value),
            format!("`{key}` in {} must be {expected}, found {found}", self.what),
            help,
        ));
    }

    /// Reports a value of the right type but a wrong form.
    pub fn bad(
        &self,
        value: &Spanned<DeValue<'_>>,
        message: String,
        help: String,
        findings: &mut Vec<Finding>,
    ) {
        findings.push(Finding::new(self.rule, span_of(self.file, value), message, help));
    }

    /// A string value that says something: not empty, not only spaces.
    pub fn text(&self, key: &str, findings: &mut Vec<Finding>) -> Option<Located<Text>> {
        let text = self.string(key, findings)?;
        if text.value.trim().is_empty() {
            findings.push(Finding::new(
                self.rule,
                text.at,
                format!("`{key}` in {} is empty", self.what),
                format!("write the {key}, or leave the key out where it is optional"),
            ));
            return None;
        }
        Some(text)
    }

    /// A string value.
    pub fn string(&self, key: &str, findings: &mut Vec<Finding>) -> Option<Located<Text>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(text) => {
                Some(Located::new(Text::from(text.as_ref()), span_of(self.file, value)))
            }
            _ => {
                self.wrong_type(key, value, "a string", &format!("{key} = \"...\""), findings);
                None
            }
        }
    }

    /// A string value naming one of `names`, parsed by `parse`.
    pub fn choice<T>(
        &self,
        key: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
        findings: &mut Vec<Finding>,
    ) -> Option<Located<T>> {
        let text = self.string(key, findings)?;
        let value = self.get(key).expect("the key was just read");
        match parse(&text.value) {
            Some(parsed) => Some(Located::new(parsed, text.at)),
            None => {
                let list = quoted(names, ", ");
                let help =
                    did_you_mean(&text.value, names.iter().copied(), &format!("use one of {list}"));
                self.bad(
                    value,
                    format!(
                        "`{key}` in {} is `{}`, which is not one of {list}",
                        self.what, text.value
                    ),
                    help,
                    findings,
                );
                None
            }
        }
    }

    /// A string value holding an id; a malformed one is reported under `rule`.
    pub fn id(&self, key: &str, rule: RuleId, findings: &mut Vec<Finding>) -> Option<Located<Id>> {
        let text = self.string(key, findings)?;
        parse_id_value(text, key, &self.what, rule, findings)
    }

    /// An array of strings holding ids.
    pub fn ids(&self, key: &str, rule: RuleId, findings: &mut Vec<Finding>) -> Vec<Located<Id>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                "an array of ids",
                &format!("{key} = [\"a\", \"b\"]"),
                findings,
            );
            return Vec::new();
        };
        let mut ids: Vec<Located<Id>> = Vec::with_capacity(items.len());
        for item in items {
            let DeValue::String(text) = item.get_ref() else {
                self.wrong_type(
                    key,
                    item,
                    "a string",
                    &format!("{key} = [\"a\", \"b\"]"),
                    findings,
                );
                continue;
            };
            let text = Located::new(Text::from(text.as_ref()), span_of(self.file, item));
            let Some(id) = parse_id_value(text, key, &self.what, rule, findings) else {
                continue;
            };
            if ids.iter().any(|seen| seen.value == id.value) {
                findings.push(Finding::new(
                    RuleId::BadValue,
                    id.at,
                    format!("`{}` is listed twice in `{key}` of {}", id.value, self.what),
                    "name each one once",
                ));
                continue;
            }
            ids.push(id);
        }
        ids
    }

    /// A finite number, integer or float; `nan` and infinities are reported.
    pub fn number(&self, key: &str, findings: &mut Vec<Finding>) -> Option<Located<f64>> {
        let value = self.get(key)?;
        if !matches!(value.get_ref(), DeValue::Integer(_) | DeValue::Float(_)) {
            self.wrong_type(key, value, "a number", &format!("{key} = 10"), findings);
            return None;
        }
        match number_of(value.get_ref()) {
            Some(number) if number.is_finite() => {
                Some(Located::new(number, span_of(self.file, value)))
            }
            _ => {
                self.bad(
                    value,
                    format!("`{key}` in {} is not a finite number", self.what),
                    "progress needs real figures: write a number such as `10` or `12.5`, not `nan` or `inf`".into(),
                    findings,
                );
                None
            }
        }
    }

    /// A whole number within `range`.
    pub fn integer(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        findings: &mut Vec<Finding>,
    ) -> Option<Located<i64>> {
        let value = self.get(key)?;
        let DeValue::Integer(integer) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                "a whole number",
                &format!("{key} = {}", range.start()),
                findings,
            );
            return None;
        };
        match i64::from_str_radix(integer.as_str(), integer.radix()) {
            Ok(n) if range.contains(&n) => Some(Located::new(n, span_of(self.file, value))),
            _ => {
                self.bad(
                    value,
                    format!(
                        "`{key}` in {} must be from {} to {}",
                        self.what,
                        range.start(),
                        range.end()
                    ),
                    format!("write a whole number from {} to {}", range.start(), range.end()),
                    findings,
                );
                None
            }
        }
    }

    /// A TOML date, such as `2026-10-14`: not a string, not a date and time.
    pub fn date(&self, key: &str, findings: &mut Vec<Finding>) -> Option<Located<NaiveDate>> {
        let value = self.get(key)?;
        let at = span_of(self.file, value);
        match value.get_ref() {
            DeValue::Datetime(datetime) => {
                let Some(date) = datetime.date else {
                    self.wrong_type(key, value, "a date", &format!("{key} = 2026-10-14"), findings);
                    return None;
                };
                let parsed = NaiveDate::from_ymd_opt(
                    i32::from(date.year),
                    u32::from(date.month),
                    u32::from(date.day),
                );
                match parsed {
                    Some(day) if datetime.time.is_none() => Some(Located::new(day, at)),
                    Some(day) => {
                        self.bad(
                            value,
                            format!(
                                "`{key}` in {} must be a date, found a date and time",
                                self.what
                            ),
                            format!("keep only the day: `{key} = {day}`"),
                            findings,
                        );
                        None
                    }
                    None => {
                        self.bad(
                            value,
                            format!("`{key}` in {} is not a day of the calendar", self.what),
                            "write a real date".into(),
                            findings,
                        );
                        None
                    }
                }
            }
            DeValue::String(text) => {
                let help = match text.parse::<NaiveDate>() {
                    Ok(day) => format!("write it as a TOML date, without quotes: `{key} = {day}`"),
                    Err(_) => {
                        format!("write it as a TOML date, without quotes: `{key} = 2026-10-14`")
                    }
                };
                self.bad(
                    value,
                    format!("`{key}` in {} must be a TOML date, found a string", self.what),
                    help,
                    findings,
                );
                None
            }
            _ => {
                self.wrong_type(key, value, "a date", &format!("{key} = 2026-10-14"), findings);
                None
            }
        }
    }

    /// A sub-table, or `None` (reported) when the key holds something else.
    pub fn table(&self, key: &str, findings: &mut Vec<Finding>) -> Option<&'a DeTable<'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            _ => {
                self.wrong_type(key, value, "a table", &format!("[{key}]"), findings);
                None
            }
        }
    }
}

/// The id of a `[<table>.<id>]` entry, or a `bad-id` finding when its key is not one.
pub fn entry_id(
    file: FileId,
    table: &str,
    key: &Spanned<Cow<'_, str>>,
    what: &str,
    findings: &mut Vec<Finding>,
) -> Option<Id> {
    let text: &str = key.get_ref();
    match Id::parse(text) {
        Ok(id) => Some(id),
        Err(error) => {
            findings.push(Finding::new(
                RuleId::BadId,
                span_of(file, key),
                format!("{what} id `{text}` is not a valid id: {error}"),
                format!(
                    "use lowercase letters, digits and dashes, such as `[{table}.{}]`",
                    crate::model::id::suggest_id(text)
                ),
            ));
            None
        }
    }
}

/// Parses a string value as an id, reporting it under `rule` when it is not one.
fn parse_id_value(
    text: Located<Text>,
    key: &str,
    what: &str,
    rule: RuleId,
    findings: &mut Vec<Finding>,
) -> Option<Located<Id>> {
    match Id::parse(&text.value) {
        Ok(id) => Some(Located::new(id, text.at)),
        Err(error) => {
            findings.push(Finding::new(
                rule,
                text.at,
                format!("`{key}` in {what} is `{}`, which is not an id: {error}", text.value),
                format!(
                    "ids are lowercase letters, digits and single dashes, such as `{}`",
                    crate::model::id::suggest_id(&text.value)
                ),
            ));
            None
        }
    }
}
