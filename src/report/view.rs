//! Views: what the reports say about objectives, key results and
//! initiatives, built once from the model and the progress arithmetic and
//! shared by every output format.
//!
//! The field names and order are the JSON of SPEC §6; fields are only ever
//! added, never renamed.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Text;
use crate::model::Workspace;
use crate::model::objective::{CheckinValue, KeyResult, Objective};
use crate::model::source::Located;
use crate::progress::{KeyResultState, Status, objective_state};

/// An objective as reports show it.
#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub group: String,
    pub period: String,
    pub lead: Option<String>,
    pub aligned_to: Option<String>,
    pub progress: Option<f64>,
    pub expected: Option<f64>,
    pub status: Option<Status>,
    pub score: Option<f64>,
    pub description: Option<String>,
    pub commitment: &'static str,
    pub key_results: Vec<KeyResultView>,
    pub initiatives: Vec<InitiativeView>,
}

/// A key result as reports show it.
#[derive(Clone, Debug, Serialize)]
pub struct KeyResultView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    /// Its own lead, or the objective's.
    pub lead: Option<String>,
    pub weight: f64,
    pub unit: Option<String>,
    pub start: Option<f64>,
    pub target: Option<f64>,
    pub current: Option<Value>,
    pub progress: Option<f64>,
    pub raw_progress: Option<f64>,
    pub status: Option<Status>,
    pub checkins: Vec<CheckinView>,
}

/// A check-in's value: a number, or done or not for a milestone.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Done(bool),
}

/// A check-in as reports show it.
#[derive(Clone, Debug, Serialize)]
pub struct CheckinView {
    pub date: NaiveDate,
    pub value: Value,
    pub by: Option<String>,
    pub note: Option<String>,
    pub confidence: Option<&'static str>,
}

/// An initiative as reports show it.
#[derive(Clone, Debug, Serialize)]
pub struct InitiativeView {
    #[serde(rename = "ref")]
    pub reference: String,
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub supports: Vec<String>,
    pub status: &'static str,
    pub due: Option<NaiveDate>,
}

impl From<CheckinValue> for Value {
    fn from(value: CheckinValue) -> Value {
        match value {
            CheckinValue::Number(number) => Value::Number(number),
            CheckinValue::Done(done) => Value::Done(done),
        }
    }
}

impl KeyResultView {
    /// The note of the latest check-in that counts, if it has one.
    pub fn latest_note(&self) -> Option<&str> {
        self.checkins.last().and_then(|checkin| checkin.note.as_deref())
    }
}

/// Builds the view of an objective judged on `as_of`.
pub fn objective_view(
    workspace: &Workspace,
    objective: &Objective,
    as_of: NaiveDate,
) -> ObjectiveView {
    let settings = &workspace.settings;
    let period = settings.calendar.range(&objective.reference.period);
    let state = period.map(|period| objective_state(objective, period, as_of, &settings.progress));
    let reference = objective.reference.to_string();
    let lead = objective.lead.as_ref().map(|lead| lead.value.to_string());

    let key_results = objective
        .key_results
        .iter()
        .enumerate()
        .map(|(index, kr)| {
            let kr_state = state.as_ref().map(|state| state.key_results[index]);
            key_result_view(&reference, kr, kr_state, lead.as_deref(), as_of)
        })
        .collect();
    let initiatives = objective
        .initiatives
        .iter()
        .map(|initiative| InitiativeView {
            reference: format!("{reference}/{}", initiative.id),
            id: initiative.id.to_string(),
            title: text(&initiative.title),
            owner: initiative.owner.as_ref().map(|owner| owner.value.to_string()),
            supports: initiative.supports.iter().map(|kr| kr.value.to_string()).collect(),
            status: initiative.status.as_str(),
            due: initiative.due.as_ref().map(|due| due.value),
        })
        .collect();

    ObjectiveView {
        title: text(&objective.title),
        group: objective.reference.group.to_string(),
        period: objective.reference.period.to_string(),
        lead,
        aligned_to: objective.aligned_to.as_ref().map(|parent| parent.value.to_string()),
        progress: state.as_ref().and_then(|s| s.progress),
        expected: state.as_ref().map(|s| s.expected),
        status: state.as_ref().and_then(|s| s.status),
        score: state.as_ref().and_then(|s| s.score),
        description: objective.description.as_ref().map(|d| d.value.to_string()),
        commitment: objective.commitment.as_str(),
        key_results,
        initiatives,
        reference,
    }
}

fn key_result_view(
    objective: &str,
    kr: &KeyResult,
    state: Option<KeyResultState>,
    objective_lead: Option<&str>,
    as_of: NaiveDate,
) -> KeyResultView {
    // Check-ins after the day judged are not shown as if they had happened.
    let mut checkins: Vec<CheckinView> = kr
        .checkins
        .iter()
        .filter(|checkin| checkin.date.value <= as_of)
        .map(|checkin| CheckinView {
            date: checkin.date.value,
            value: checkin.value.into(),
            by: checkin.by.as_ref().map(|by| by.value.to_string()),
            note: checkin.note.as_ref().map(|note| note.to_string()),
            confidence: checkin.confidence.map(|confidence| confidence.as_str()),
        })
        .collect();
    // By date, the later one in the file last on a tie, as the arithmetic reads them.
    checkins.sort_by_key(|checkin| checkin.date);

    KeyResultView {
        reference: format!("{objective}/{}", kr.id),
        id: kr.id.to_string(),
        title: text(&kr.title),
        kind: kr.kind.as_str(),
        lead: kr
            .lead
            .as_ref()
            .map(|lead| lead.value.to_string())
            .or(objective_lead.map(str::to_owned)),
        weight: kr.weight,
        unit: kr.unit.as_ref().map(|unit| unit.to_string()),
        start: kr.start.as_ref().map(|start| start.value),
        target: kr.target.as_ref().map(|target| target.value),
        current: state.and_then(|s| s.current).map(Value::from),
        progress: state.and_then(|s| s.progress).map(|p| p.progress),
        raw_progress: state.and_then(|s| s.progress).map(|p| p.raw),
        status: state.and_then(|s| s.status),
        checkins,
    }
}

fn text(value: &Option<Located<Text>>) -> String {
    value.as_ref().map(|v| v.value.to_string()).unwrap_or_default()
}
