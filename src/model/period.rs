//! Periods and the fiscal calendar that turns them into dates.
//!
//! Folder names such as `2026-Q4` are parsed into [`Period`] values; only a
//! [`Calendar`], built from `okr.toml`, knows which days a period covers,
//! because `fiscal_year_start`, `fiscal_year_label` and the custom periods
//! all shift that answer.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::id::Id;

/// A span of time that objectives are set for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A fiscal year, `2026`.
    Year(i32),
    /// A fiscal half, `2026-H1` or `2026-H2`.
    Half(i32, u8),
    /// A fiscal quarter, `2026-Q1` to `2026-Q4`.
    Quarter(i32, u8),
    /// A period declared as `[period.<id>]` in `okr.toml`.
    Custom(Id),
}

/// A closed range of days: both `start` and `end` belong to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Which year names a fiscal year that straddles two calendar years.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum YearLabel {
    /// The calendar year in which the fiscal year starts.
    #[default]
    Start,
    /// The calendar year in which the fiscal year ends.
    End,
}

/// The organisation's fiscal calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The month, 1 to 12, in which a fiscal year starts.
    pub fiscal_year_start: u32,
    pub year_label: YearLabel,
    pub custom: BTreeMap<Id, DateRange>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar { fiscal_year_start: 1, year_label: YearLabel::Start, custom: BTreeMap::new() }
    }
}

impl Period {
    /// Parses a period name: a standard form, or a custom period the
    /// calendar declares. `None` means the name is not a period at all.
    pub fn parse(text: &str, calendar: &Calendar) -> Option<Period> {
        if let Some(standard) = Period::parse_standard(text) {
            return Some(standard);
        }
        let id = Id::parse(text).ok()?;
        calendar.custom.contains_key(&id).then_some(Period::Custom(id))
    }

    /// Parses `2026`, `2026-H1` or `2026-Q3`, the forms every workspace knows.
    pub fn parse_standard(text: &str) -> Option<Period> {
        let (year, rest) = text.split_at_checked(4)?;
        if !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        match rest.as_bytes() {
            [] => Some(Period::Year(year)),
            [b'-', b'H', n @ b'1'..=b'2'] => Some(Period::Half(year, n - b'0')),
            [b'-', b'Q', n @ b'1'..=b'4'] => Some(Period::Quarter(year, n - b'0')),
            _ => None,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(year) => write!(f, "{year:04}"),
            Period::Half(year, half) => write!(f, "{year:04}-H{half}"),
            Period::Quarter(year, quarter) => write!(f, "{year:04}-Q{quarter}"),
            Period::Custom(id) => write!(f, "{id}"),
        }
    }
}

impl DateRange {
    /// Whether `day` falls inside the range.
    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether `other` lies wholly inside this range.
    pub fn contains(&self, other: &DateRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The number of days in the range, counting both ends.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

impl Calendar {
    /// The days a period covers, or `None` for a custom period this
    /// calendar does not declare or a year outside what dates can hold.
    pub fn range(&self, period: &Period) -> Option<DateRange> {
        let (year, offset, length) = match period {
            Period::Year(year) => (*year, 0, 12),
            Period::Half(year, half) => (*year, 6 * (u32::from(*half) - 1), 6),
            Period::Quarter(year, quarter) => (*year, 3 * (u32::from(*quarter) - 1), 3),
            Period::Custom(id) => return self.custom.get(id).copied(),
        };
        let start = self.fiscal_year_first_day(year)?.checked_add_months(Months::new(offset))?;
        let end = start.checked_add_months(Months::new(length))?.pred_opt()?;
        Some(DateRange { start, end })
    }

    /// The fiscal quarter that holds `day`: the current period on that day.
    pub fn quarter_of(&self, day: NaiveDate) -> Period {
        let months_since_start = (day.month() + 12 - self.fiscal_year_start) % 12;
        let starts_in =
            if day.month() >= self.fiscal_year_start { day.year() } else { day.year() - 1 };
        let named = match self.year_label {
            YearLabel::End if self.fiscal_year_start != 1 => starts_in + 1,
            _ => starts_in,
        };
        Period::Quarter(named, (months_since_start / 3 + 1) as u8)
    }

    /// The first day of the fiscal year that the calendar names `year`.
    fn fiscal_year_first_day(&self, year: i32) -> Option<NaiveDate> {
        let starts_in = match self.year_label {
            YearLabel::End if self.fiscal_year_start != 1 => year - 1,
            _ => year,
        };
        NaiveDate::from_ymd_opt(starts_in, self.fiscal_year_start, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    fn calendar(start: u32, label: YearLabel) -> Calendar {
        Calendar { fiscal_year_start: start, year_label: label, custom: BTreeMap::new() }
    }

    fn range_of(calendar: &Calendar, period: &str) -> (NaiveDate, NaiveDate) {
        let period = Period::parse(period, calendar).expect("a period");
        let range = calendar.range(&period).expect("a range");
        (range.start, range.end)
    }

    #[test]
    fn parses_standard_periods_and_refuses_near_misses() {
        let calendar = Calendar::default();
        assert_eq!(Period::parse("2026", &calendar), Some(Period::Year(2026)));
        assert_eq!(Period::parse("2026-H2", &calendar), Some(Period::Half(2026, 2)));
        assert_eq!(Period::parse("2026-Q4", &calendar), Some(Period::Quarter(2026, 4)));
        for bad in ["2026-Q5", "2026-Q0", "2026-H3", "2026-q4", "Q4-2026", "26-Q4", "20260", ""] {
            assert_eq!(Period::parse(bad, &calendar), None, "{bad}");
        }
    }

    #[test]
    fn custom_periods_exist_only_when_declared() {
        let mut calendar = Calendar::default();
        assert_eq!(Period::parse("t1-2026", &calendar), None);
        let id = Id::parse("t1-2026").unwrap();
        let range = DateRange { start: day("2026-01-05"), end: day("2026-04-26") };
        calendar.custom.insert(id.clone(), range);
        let period = Period::parse("t1-2026", &calendar).unwrap();
        assert_eq!(period, Period::Custom(id));
        assert_eq!(calendar.range(&period), Some(range));
        assert_eq!(range.days(), 112);
    }

    #[test]
    fn calendar_years_by_default() {
        let calendar = Calendar::default();
        assert_eq!(range_of(&calendar, "2026"), (day("2026-01-01"), day("2026-12-31")));
        assert_eq!(range_of(&calendar, "2026-H2"), (day("2026-07-01"), day("2026-12-31")));
        assert_eq!(range_of(&calendar, "2026-Q1"), (day("2026-01-01"), day("2026-03-31")));
        assert_eq!(range_of(&calendar, "2026-Q4"), (day("2026-10-01"), day("2026-12-31")));
    }

    #[test]
    fn fiscal_year_starting_in_april() {
        let calendar = calendar(4, YearLabel::Start);
        assert_eq!(range_of(&calendar, "2026-Q1"), (day("2026-04-01"), day("2026-06-30")));
        assert_eq!(range_of(&calendar, "2026-Q4"), (day("2027-01-01"), day("2027-03-31")));
        assert_eq!(range_of(&calendar, "2026"), (day("2026-04-01"), day("2027-03-31")));
    }

    #[test]
    fn the_end_label_names_a_year_by_its_last_month() {
        let calendar = calendar(2, YearLabel::End);
        assert_eq!(range_of(&calendar, "2021-Q1"), (day("2020-02-01"), day("2020-04-30")));
        assert_eq!(range_of(&calendar, "2025-Q1"), (day("2024-02-01"), day("2024-04-30")));
        assert_eq!(range_of(&calendar, "2025"), (day("2024-02-01"), day("2025-01-31")));
        // January starts make both labels agree: the year starts and ends in one calendar year.
        let january = Calendar { year_label: YearLabel::End, ..Calendar::default() };
        assert_eq!(range_of(&january, "2026-Q1"), (day("2026-01-01"), day("2026-03-31")));
    }

    #[test]
    fn every_quarter_for_every_start_month_tiles_the_year() {
        for label in [YearLabel::Start, YearLabel::End] {
            for start in 1..=12 {
                let calendar = calendar(start, label);
                let year = calendar.range(&Period::Year(2026)).unwrap();
                assert_eq!(year.start.month(), start);
                assert_eq!(year.start.day(), 1);
                let mut next = year.start;
                for q in 1..=4 {
                    let quarter = calendar.range(&Period::Quarter(2026, q)).unwrap();
                    assert_eq!(quarter.start, next, "start {start} quarter {q}");
                    assert!(year.contains(&quarter));
                    // Each quarter holds three whole months.
                    assert_eq!(
                        quarter.start.checked_add_months(Months::new(3)).unwrap().pred_opt(),
                        Some(quarter.end)
                    );
                    // And the calendar maps each of its days back to that quarter.
                    assert_eq!(calendar.quarter_of(quarter.start), Period::Quarter(2026, q));
                    assert_eq!(calendar.quarter_of(quarter.end), Period::Quarter(2026, q));
                    next = quarter.end.succ_opt().unwrap();
                }
                assert_eq!(next.pred_opt(), Some(year.end));
                for h in 1..=2 {
                    let half = calendar.range(&Period::Half(2026, h)).unwrap();
                    assert!(year.contains(&half));
                    assert_eq!(
                        half.start,
                        calendar.range(&Period::Quarter(2026, 2 * h - 1)).unwrap().start
                    );
                    assert_eq!(
                        half.end,
                        calendar.range(&Period::Quarter(2026, 2 * h)).unwrap().end
                    );
                }
            }
        }
    }

    #[test]
    fn leap_years_have_a_longer_first_quarter() {
        let calendar = Calendar::default();
        let q1_2028 = calendar.range(&Period::Quarter(2028, 1)).unwrap();
        assert_eq!(q1_2028.days(), 91);
        assert_eq!(q1_2028.end, day("2028-03-31"));
        assert_eq!(calendar.range(&Period::Quarter(2027, 1)).unwrap().days(), 90);
        assert_eq!(calendar.range(&Period::Quarter(2026, 4)).unwrap().days(), 92);
        assert_eq!(calendar.range(&Period::Year(2028)).unwrap().days(), 366);
        // A fiscal year from March holds the leap day in its last month.
        let march = calendar_from_march();
        assert_eq!(march.range(&Period::Quarter(2027, 4)).unwrap().end, day("2028-02-29"));
    }

    fn calendar_from_march() -> Calendar {
        calendar(3, YearLabel::Start)
    }

    #[test]
    fn the_current_period_is_the_quarter_of_the_day() {
        assert_eq!(Calendar::default().quarter_of(day("2026-12-03")), Period::Quarter(2026, 4));
        assert_eq!(
            calendar(4, YearLabel::Start).quarter_of(day("2027-02-10")),
            Period::Quarter(2026, 4)
        );
        assert_eq!(
            calendar(2, YearLabel::End).quarter_of(day("2020-03-15")),
            Period::Quarter(2021, 1)
        );
        assert_eq!(
            calendar(2, YearLabel::End).quarter_of(day("2021-01-31")),
            Period::Quarter(2021, 4)
        );
    }
}
