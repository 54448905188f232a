//! The read side's entries: a dated event with its participants, place and the quotes that
//! report it, as every backend gives them.

use rustc_hash::FxHashMap;
use serde::Serialize;
use utoipa::ToSchema;

use super::Result;
use super::rows::QuoteRow;
use crate::extract::events::{EventDate, EventKind, Participant, Place, Status};

/// One entry of the timeline: an event and its evidence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    pub event_id: i64,
    pub kind: EventKind,
    pub status: Status,
    #[schema(required)]
    pub plover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub plover_mode: Option<String>,
    pub cameo: String,
    /// The tightest date the sources give.
    pub date: EventDate,
    /// `sources disagree: 2018-06-08 vs 2018-06-09`, when they do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub date_conflict: Option<String>,
    #[schema(required)]
    pub place: Option<Place>,
    /// Everyone any report names, by country then name.
    pub participants: Vec<Participant>,
    /// Distinct documents and distinct sources reporting it.
    pub article_count: i64,
    pub source_count: i64,
    /// Reports of it, all told (a document gives at most
    /// [`super::MAX_REPORTS_PER_DOCUMENT`]).
    pub evidence_count: i64,
    /// The reports, in the order they joined: the first only, unless all were asked for
    /// ([`Evidence`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceQuote>,
}

/// Which reports of each entry to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Evidence {
    /// The first report of each event: what a list shows, whatever the number of reports.
    #[default]
    First,
    /// Every report (exports, feeds for readers, tests).
    All,
    /// None: the caller pages them itself (the event's detail).
    Counts,
}

/// One report of an event: where it was read, what it claims, and why it joined.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceQuote {
    pub evidence_id: i64,
    pub document_id: i64,
    #[schema(required)]
    pub title: Option<String>,
    #[schema(required)]
    pub url: Option<String>,
    #[schema(required)]
    pub source: Option<String>,
    pub published_at: String,
    pub kind: EventKind,
    pub trigger: String,
    pub quote: String,
    /// This source's own date, which may be coarser than the event's or disagree with it.
    #[schema(required)]
    pub claimed: Option<EventDate>,
    pub merge_reason: String,
}

/// What a backend's `fill_entries` fills in: a dated entry or an undated one.
pub(crate) trait Fill {
    fn event_id(&self) -> i64;
    fn participants(&mut self) -> &mut Vec<Participant>;
    fn evidence_count(&mut self) -> &mut i64;
    fn evidence(&mut self) -> &mut Vec<EvidenceQuote>;
}

/// [`Fill`] for a type with the fields of that name.
macro_rules! fill {
    ($($t:ty),*) => {$(
        impl Fill for $t {
            fn event_id(&self) -> i64 {
                self.event_id
            }
            fn participants(&mut self) -> &mut Vec<Participant> {
                &mut self.participants
            }
            fn evidence_count(&mut self) -> &mut i64 {
                &mut self.evidence_count
            }
            fn evidence(&mut self) -> &mut Vec<EvidenceQuote> {
                &mut self.evidence
            }
        }
    )*};
}

fill!(TimelineEntry, super::undated::UndatedEntry);

/// Where each entry of a page is, by event id: what a backend's `fill_entries` asks its rows
/// about, and puts them back by.
pub(crate) fn positions<E: Fill>(entries: &[E]) -> FxHashMap<i64, usize> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.event_id(), i))
        .collect()
}

/// Adds the participant rows (event id, name, country, wikidata), read in the order of
/// their people, to the entries at `at`.
pub(crate) fn add_participants<E: Fill>(
    entries: &mut [E],
    at: &FxHashMap<i64, usize>,
    people: Vec<(i64, String, String, Option<String>)>,
) {
    for (event_id, name, country, wikidata) in people {
        let list = entries[at[&event_id]].participants();
        // One row per person: a report that gave the Wikidata id wins over one that did not.
        if !list.iter().any(|p| p.name == name && p.country == country) {
            list.push(Participant {
                name: name.into(),
                country: country.into(),
                wikidata: wikidata.map(Into::into),
            });
        }
    }
}

/// Sets the report counts from rows (event id, count, first evidence id), and returns the
/// first report of each, in the rows' order.
pub(crate) fn add_counts<E: Fill>(
    entries: &mut [E],
    at: &FxHashMap<i64, usize>,
    counts: Vec<(i64, i64, i64)>,
) -> Vec<i64> {
    let mut firsts = Vec::with_capacity(counts.len());
    for (event_id, n, first) in counts {
        *entries[at[&event_id]].evidence_count() = n;
        firsts.push(first);
    }
    firsts
}

/// Adds the quotes, in the rows' order, to the entries they report.
pub(crate) fn add_quotes<E: Fill>(
    entries: &mut [E],
    at: &FxHashMap<i64, usize>,
    quotes: Vec<QuoteRow>,
) -> Result<()> {
    for q in quotes {
        let i = at[&q.event_id];
        entries[i].evidence().push(q.into_quote()?);
    }
    Ok(())
}
