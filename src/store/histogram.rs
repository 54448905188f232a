//! Event counts per period and group, for charts: the store counts, the API shapes.

use chrono::NaiveDate;

use super::codes;
use crate::extract::events::Precision;

/// The width of a histogram bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Year,
    Month,
    /// ISO weeks, Monday to Sunday.
    Week,
}

impl Interval {
    /// The date precisions that fit in one bucket: a coarser event would be piled onto the
    /// bucket of its first day, so it is counted apart instead.
    pub(crate) fn fits(self, p: Precision) -> bool {
        p <= match self {
            Interval::Year => Precision::Year,
            Interval::Month => Precision::Month,
            Interval::Week => Precision::Week,
        }
    }

    /// The stored names of the precisions that [fit](Interval::fits), finest first: the
    /// histogram's buckets count the events of these, its coarser list the others.
    pub(crate) fn fitting(self) -> Vec<&'static str> {
        codes::PRECISIONS
            .iter()
            .filter(|(p, _)| self.fits(*p))
            .map(|(_, name)| *name)
            .collect()
    }
}

/// What the bars of a histogram are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// One group, "events".
    Nothing,
    Kind,
    /// Each participating country; an event counts once in each of its countries.
    Country,
}

/// Counts of matching events per bucket and group, and of those coarser than the interval.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// (first day of the bucket, group, events), by bucket then group; empty buckets absent.
    pub buckets: Vec<(NaiveDate, String, i64)>,
    /// (group, events) whose date is coarser than the interval.
    pub coarser: Vec<(String, i64)>,
}
