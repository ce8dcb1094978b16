//! `okr.toml`: the organisation, its calendar, pace, limits and rule levels.

use std::collections::BTreeMap;

use toml::de::DeValue;

use crate::finding::{Finding, RuleId};
use crate::model::id::Id;
use crate::model::period::{DateRange, Period, YearLabel};
use crate::model::settings::{Level, SETTINGS_TABLES, Setting, Settings};
use crate::model::source::{FileId, Located, Span};
use crate::workspace::reader::{Fields, entry_id, span_of};

/// Reads `okr.toml`; whatever is missing or wrong keeps its default.
pub fn read(text: &str, file: FileId, findings: &mut Vec<Finding>) -> Settings {
    let mut settings = Settings::default();
    let Some(document) = super::parse(text, file, findings) else {
        return settings;
    };
    let top = Fields::new(document.get_ref(), file, RuleId::BadValue, "`okr.toml`");
    top.check_keys(&SETTINGS_TABLES, findings);

    read_organization(&top, &mut settings, findings);
    read_progress(&top, &mut settings, findings);
    read_limits(&top, &mut settings, findings);
    read_rules(&top, &mut settings, findings);
    read_periods(&top, &mut settings, findings);
    settings
}

fn section<'a, 'i>(
    top: &Fields<'a, 'i>,
    name: &str,
    findings: &mut Vec<Finding>,
) -> Option<Fields<'a, 'i>> {
    let table = top.table(name, findings)?;
    let fields = Fields::new(table, top.file, RuleId::BadValue, format!("`[{name}]`"));
    if name != "rules" && name != "period" {
        fields.check_keys(&Setting::keys_of(name), findings);
    }
    Some(fields)
}

fn read_organization(top: &Fields<'_, '_>, settings: &mut Settings, findings: &mut Vec<Finding>) {
    let Some(organization) = section(top, "organization", findings) else {
        findings.push(Finding::new(
            RuleId::BadValue,
            Span::whole(top.file),
            "`okr.toml` has no `[organization]` table",
            "name the organisation: `[organization]` then `name = \"Acme\"`",
        ));
        return;
    };
    settings.organization = organization.text("name", findings);
    let help = "name the organisation: `name = \"Acme\"`";
    organization.require(
        "name",
        &Setting::keys_of("organization"),
        Span::whole(top.file),
        help,
        findings,
    );
    if let Some(month) = organization.integer("fiscal_year_start", 1..=12, findings) {
        settings.calendar.fiscal_year_start = month.value as u32;
    }
    let label = organization.choice(
        "fiscal_year_label",
        &["start", "end"],
        |text| match text {
            "start" => Some(YearLabel::Start),
            "end" => Some(YearLabel::End),
            _ => None,
        },
        findings,
    );
    if let Some(label) = label {
        settings.calendar.year_label = label.value;
    }
}

fn read_progress(top: &Fields<'_, '_>, settings: &mut Settings, findings: &mut Vec<Finding>) {
    let Some(progress) = section(top, "progress", findings) else {
        return;
    };
    for (key, slot) in [
        ("at_risk_margin", &mut settings.progress.at_risk_margin),
        ("off_track_margin", &mut settings.progress.off_track_margin),
    ] {
        let Some(margin) = progress.number(key, findings) else {
            continue;
        };
        if (0.0..=1.0).contains(&margin.value) {
            *slot = margin.value;
        } else {
            let value = progress.get(key).expect("the key was just read");
            progress.bad(
                value,
                format!("`{key}` must be from 0 to 1"),
                "a margin is a share of progress, such as `0.1`".into(),
                findings,
            );
        }
    }
    if let Some(days) = progress.integer("stale_after_days", 1..=3660, findings) {
        settings.progress.stale_after_days = days.value as u32;
    }

    // At risk comes before off track: the first margin is the smaller.
    let (at_risk, off_track) =
        (settings.progress.at_risk_margin, settings.progress.off_track_margin);
    if at_risk > off_track {
        let value = progress.get("at_risk_margin").or(progress.get("off_track_margin"));
        findings.push(Finding::new(
            RuleId::BadValue,
            value.map_or(Span::whole(top.file), |value| span_of(top.file, value)),
            format!("`at_risk_margin` ({at_risk}) is larger than `off_track_margin` ({off_track})"),
            "a key result is at risk before it is off track: make `at_risk_margin` the smaller",
        ));
        settings.progress = crate::model::settings::ProgressSettings::default();
    }
}

fn read_limits(top: &Fields<'_, '_>, settings: &mut Settings, findings: &mut Vec<Finding>) {
    let Some(limits) = section(top, "limits", findings) else {
        return;
    };
    for (key, slot) in [
        ("max_objectives", &mut settings.limits.max_objectives),
        ("max_key_results", &mut settings.limits.max_key_results),
        ("max_objectives_per_lead", &mut settings.limits.max_objectives_per_lead),
    ] {
        if let Some(limit) = limits.integer(key, 1..=1000, findings) {
            *slot = limit.value as u32;
        }
    }
}

fn read_rules(top: &Fields<'_, '_>, settings: &mut Settings, findings: &mut Vec<Finding>) {
    let Some(rules) = section(top, "rules", findings) else {
        return;
    };
    for name in rules.table.keys() {
        let name_text: &str = name.get_ref();
        let level = rules.choice(name_text, &Level::NAMES, Level::parse, findings);
        if let Some(level) = level {
            settings
                .rules
                .push((Located::new(name_text.to_owned(), span_of(top.file, name)), level.value));
        }
    }
}

fn read_periods(top: &Fields<'_, '_>, settings: &mut Settings, findings: &mut Vec<Finding>) {
    let Some(periods) = section(top, "period", findings) else {
        return;
    };
    let mut custom = BTreeMap::new();
    for (name, value) in periods.table {
        let Some(id) = custom_period_id(name.get_ref(), top.file, name, findings) else {
            continue;
        };
        let DeValue::Table(table) = value.get_ref() else {
            let example = format!("[period.{id}]");
            periods.wrong_type(name.get_ref(), value, "a table", &example, findings);
            continue;
        };
        let what = format!("`[period.{id}]`");
        let period = Fields::new(table, top.file, RuleId::BadValue, what);
        if let Some(range) = read_period(&id, &period, span_of(top.file, name), findings) {
            custom.insert(id, range);
        }
    }
    settings.calendar.custom = custom;
}

/// The days of one custom period: both ends given, the end not before the start.
fn read_period(
    id: &Id,
    period: &Fields<'_, '_>,
    header: Span,
    findings: &mut Vec<Finding>,
) -> Option<DateRange> {
    period.check_keys(&Setting::keys_of("period.*"), findings);
    if period.get("start").is_none() || period.get("end").is_none() {
        findings.push(Finding::new(
            RuleId::BadPeriod,
            header,
            format!("period `{id}` needs both `start` and `end`"),
            "give both days as TOML dates: `start = 2026-01-05` and `end = 2026-04-26`",
        ));
        return None;
    }
    let start = period.date("start", findings)?;
    let end = period.date("end", findings)?;
    if end.value < start.value {
        findings.push(Finding::new(
            RuleId::BadPeriod,
            end.at,
            format!("period `{id}` ends on {} before it starts on {}", end.value, start.value),
            "make `end` the same day as `start` or later",
        ));
        return None;
    }
    Some(DateRange { start: start.value, end: end.value })
}

/// A custom period's id: valid, and not a standard period name in disguise.
fn custom_period_id(
    text: &str,
    file: FileId,
    key: &toml::Spanned<std::borrow::Cow<'_, str>>,
    findings: &mut Vec<Finding>,
) -> Option<Id> {
    let at = span_of(file, key);
    if Period::parse_standard(text).is_some() {
        findings.push(Finding::new(
            RuleId::BadPeriod,
            at,
            format!("custom period `{text}` has the name of a standard period"),
            "standard periods need no declaration; give a custom period another name, such as `t1-2026`",
        ));
        return None;
    }
    entry_id(file, "period", key, "custom period", findings)
}
