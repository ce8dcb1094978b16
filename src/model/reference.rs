//! References: the names of things by their path below `groups/`.
//!
//! Files always hold full references; the command line may shorten them,
//! which the workspace resolves (a later concern). Here a reference is
//! parsed from its full form only.

use std::fmt;

use crate::model::id::Id;
use crate::model::period::{Calendar, Period};

/// The full reference of an objective: `group/period/objective`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectiveRef {
    pub group: Id,
    pub period: Period,
    pub id: Id,
}

/// Why a text is not a full objective reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefError {
    /// The text does not have the three segments `group/period/objective`.
    Shape,
    /// A segment that should be an id is not one.
    BadId(String),
    /// The middle segment is not a period.
    BadPeriod(String),
}

impl ObjectiveRef {
    /// Parses `group/period/objective`.
    pub fn parse(text: &str, calendar: &Calendar) -> Result<ObjectiveRef, RefError> {
        let mut segments = text.split('/');
        let (Some(group), Some(period), Some(id), None) =
            (segments.next(), segments.next(), segments.next(), segments.next())
        else {
            return Err(RefError::Shape);
        };
        let group = Id::parse(group).map_err(|_| RefError::BadId(group.to_owned()))?;
        let period = Period::parse(period, calendar)
            .ok_or_else(|| RefError::BadPeriod(period.to_owned()))?;
        let id = Id::parse(id).map_err(|_| RefError::BadId(id.to_owned()))?;
        Ok(ObjectiveRef { group, period, id })
    }
}

impl fmt::Display for ObjectiveRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.group, self.period, self.id)
    }
}

impl fmt::Display for RefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefError::Shape => f.write_str("a reference has the form `group/period/objective`"),
            RefError::BadId(segment) => write!(f, "`{segment}` is not a valid id"),
            RefError::BadPeriod(segment) => write!(f, "`{segment}` is not a period"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_reference() {
        let calendar = Calendar::default();
        let reference = ObjectiveRef::parse("marketing/2026-Q4/grow", &calendar).unwrap();
        assert_eq!(reference.group.as_str(), "marketing");
        assert_eq!(reference.period, Period::Quarter(2026, 4));
        assert_eq!(reference.id.as_str(), "grow");
        assert_eq!(reference.to_string(), "marketing/2026-Q4/grow");
    }

    #[test]
    fn refuses_partial_or_malformed_references() {
        let calendar = Calendar::default();
        assert_eq!(ObjectiveRef::parse("2026-Q4/grow", &calendar), Err(RefError::Shape));
        assert_eq!(ObjectiveRef::parse("a/2026-Q4/b/c", &calendar), Err(RefError::Shape));
        assert_eq!(
            ObjectiveRef::parse("Marketing/2026-Q4/grow", &calendar),
            Err(RefError::BadId("Marketing".into()))
        );
        assert_eq!(
            ObjectiveRef::parse("marketing/Q4/grow", &calendar),
            Err(RefError::BadPeriod("Q4".into()))
        );
    }
}
