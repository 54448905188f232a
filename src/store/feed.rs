//! The feed: dated events matching a filter, in timeline order, one keyset page at a time.
//!
//! Timeline order is (earliest, latest descending, event_id): by first possible day, the
//! coarser date first on a tie, so "2022" comes before "February 2022" before "1 February
//! 2022". A page continues after the [`Key`] of the last event of the previous one: one range
//! scan at any depth on either backend's timeline index.

use chrono::NaiveDate;

use super::TimelineEntry;
use crate::extract::events::{EventKind, Status};

/// Which events the feed shows. Every field narrows it; the default shows every dated event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First and last day of the period an event's interval must overlap; `from` after `to`
    /// is an empty period, which nothing overlaps.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// ISO 3166 alpha-3 codes that must all be among the participants.
    pub countries: Vec<String>,
    /// A participant's Wikidata id (Q7747) or name (Vladimir Putin, any case).
    pub participant: Option<String>,
    /// The event's kind is one of these (within the contact family the most specific kind a
    /// report gave: a visit whose talks were also reported is a visit).
    pub kinds: Vec<EventKind>,
    pub status: Option<Status>,
    /// The place's name (any case), Wikidata id or country code.
    pub place: Option<String>,
    /// Words that must all occur in a quote, matched after Arabic folding.
    pub q: Option<String>,
    /// At least this many distinct sources.
    pub min_sources: Option<i64>,
}

impl Filter {
    /// Whether the period is empty (`from` after `to`): then no event matches.
    pub fn empty_period(&self) -> bool {
        matches!((self.from, self.to), (Some(from), Some(to)) if from > to)
    }
}

/// Oldest first, or newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Asc,
    Desc,
}

/// An event's place in timeline order: what a cursor carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub event_id: i64,
}

impl Key {
    pub fn of(entry: &TimelineEntry) -> Key {
        Key {
            earliest: entry.date.earliest,
            latest: entry.date.latest,
            event_id: entry.event_id,
        }
    }
}
