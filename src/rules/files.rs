//! Rules about the shape of files and folders, applied while loading.

use crate::finding::{Finding, RuleId};
use crate::rules::Context;

pub fn parse_error(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::ParseError)
}

pub fn unknown_key(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::UnknownKey)
}

pub fn bad_value(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::BadValue)
}

pub fn bad_id(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::BadId)
}

pub fn bad_period(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::BadPeriod)
}

pub fn link_outside(cx: &Context<'_>) -> Vec<Finding> {
    cx.loaded(RuleId::LinkOutside)
}
