//! The read side: dated events by participant countries and kind, oldest first, each with its
//! participants, place and the quotes that report it.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use tracing::instrument;
use utoipa::ToSchema;

use super::feed::{Filter, Order};
use super::rows::ReportRow;
use super::{Result, Store, StoreError, codes};
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

impl Store {
    /// Dated events with every one of `countries` among their participants (ISO 3166 alpha-3)
    /// and of one of `kinds`, in timeline order (see
    /// [`super::feed`]). An empty list does not filter. Undated events have no place on a
    /// timeline and are left out.
    #[instrument(skip_all)]
    pub async fn events_with_countries(
        &self,
        countries: &[&str],
        kinds: &[EventKind],
    ) -> Result<Vec<TimelineEntry>> {
        let filter = Filter {
            countries: countries.iter().map(|c| c.to_string()).collect(),
            kinds: kinds.to_vec(),
            ..Filter::default()
        };
        // SQLite reads a negative limit as none.
        self.feed(&filter, Order::Asc, None, -1).await
    }

    /// Loads the participants, the report counts and the reports `evidence` asks for of
    /// `entries`.
    pub(super) async fn fill_entries<E: Fill>(
        &self,
        entries: &mut [E],
        evidence: Evidence,
    ) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let at: FxHashMap<i64, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.event_id(), i))
            .collect();
        let ids = serde_json::to_string(&at.keys().collect::<Vec<_>>()).expect("ids serialise");

        let people: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
            "select distinct event_id, name, country, wikidata from participants
             where event_id in (select value from json_each(?))
             order by event_id, country, name, wikidata is null, wikidata",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
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

        // From the index alone: the count and the first report of each.
        let counts: Vec<(i64, i64, i64)> = sqlx::query_as(
            "select event_id, count(*), min(evidence_id) from evidence
             where event_id in (select value from json_each(?)) group by event_id",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let mut firsts = Vec::with_capacity(counts.len());
        for (event_id, n, first) in counts {
            *entries[at[&event_id]].evidence_count() = n;
            firsts.push(first);
        }
        let which = match evidence {
            Evidence::Counts => return Ok(()),
            Evidence::First => "e.evidence_id in (select value from json_each(?))",
            Evidence::All => "e.event_id in (select value from json_each(?))",
        };
        let quotes: Vec<QuoteRow> = sqlx::query_as(&format!(
            "select {QUOTE_COLUMNS} from evidence e join documents d on d.document_id = e.document_id
             where {which} order by e.event_id, e.evidence_id"
        ))
        .bind(match evidence {
            Evidence::First => serde_json::to_string(&firsts).expect("ids serialise"),
            _ => ids,
        })
        .fetch_all(&self.pool)
        .await?;
        for q in quotes {
            let i = at[&q.event_id];
            entries[i].evidence().push(q.into_quote()?);
        }
        Ok(())
    }
}

/// What [`Store::fill_entries`] fills in: a dated entry or an undated one.
pub(super) trait Fill {
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

/// The columns of `events ev` that an [`EntryRow`] reads, in a select list.
pub(super) const ENTRY_COLUMNS: &str = "ev.event_id, ev.date_conflict, ev.article_count,
    ev.source_count, ev.kind, ev.plover, ev.plover_mode, ev.cameo, ev.status, ev.date_value,
    ev.earliest, ev.latest, ev.precision, ev.place_name, ev.place_country, ev.place_lat,
    ev.place_lon, ev.place_wikidata";

#[derive(sqlx::FromRow)]
pub(super) struct EntryRow {
    event_id: i64,
    date_conflict: Option<String>,
    article_count: i64,
    source_count: i64,
    #[sqlx(flatten)]
    report: ReportRow,
}

impl EntryRow {
    /// The undated entry of an event the sources give no date for.
    pub(super) fn into_undated(self) -> Result<super::undated::UndatedEntry> {
        let report = self.report.into_report()?;
        Ok(super::undated::UndatedEntry {
            event_id: self.event_id,
            kind: report.kind,
            status: report.status,
            plover: report.plover,
            plover_mode: report.plover_mode,
            cameo: report.cameo,
            place: report.place,
            participants: Vec::new(),
            article_count: self.article_count,
            source_count: self.source_count,
            evidence_count: 0,
            evidence: Vec::new(),
        })
    }

    pub(super) fn into_entry(self) -> Result<TimelineEntry> {
        let report = self.report.into_report()?;
        let Some(date) = report.date else {
            return Err(StoreError::corrupt("date", "null"));
        };
        Ok(TimelineEntry {
            event_id: self.event_id,
            kind: report.kind,
            status: report.status,
            plover: report.plover,
            plover_mode: report.plover_mode,
            cameo: report.cameo,
            date,
            date_conflict: self.date_conflict,
            place: report.place,
            participants: Vec::new(),
            article_count: self.article_count,
            source_count: self.source_count,
            evidence_count: 0,
            evidence: Vec::new(),
        })
    }
}

/// The columns of `evidence e join documents d` that a [`QuoteRow`] reads.
pub(super) const QUOTE_COLUMNS: &str = "e.evidence_id, e.event_id, e.document_id, d.title,
    d.url, d.source, d.published_at, e.kind, e.trigger, e.quote, e.claimed_value,
    e.claimed_earliest, e.claimed_latest, e.claimed_precision, e.merge_reason";

#[derive(sqlx::FromRow)]
pub(super) struct QuoteRow {
    evidence_id: i64,
    event_id: i64,
    document_id: i64,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    published_at: String,
    kind: String,
    trigger: String,
    quote: String,
    claimed_value: Option<String>,
    claimed_earliest: Option<NaiveDate>,
    claimed_latest: Option<NaiveDate>,
    claimed_precision: Option<String>,
    merge_reason: String,
}

impl QuoteRow {
    pub(super) fn into_quote(self) -> Result<EvidenceQuote> {
        let claimed = match (
            self.claimed_value,
            self.claimed_earliest,
            self.claimed_latest,
            self.claimed_precision,
        ) {
            (Some(value), Some(earliest), Some(latest), Some(precision)) => Some(EventDate {
                value,
                earliest,
                latest,
                precision: codes::precision(&precision)?,
            }),
            _ => None,
        };
        Ok(EvidenceQuote {
            evidence_id: self.evidence_id,
            document_id: self.document_id,
            title: self.title,
            url: self.url,
            source: self.source,
            published_at: self.published_at,
            kind: codes::kind(&self.kind)?,
            trigger: self.trigger,
            quote: self.quote,
            claimed,
            merge_reason: self.merge_reason,
        })
    }
}
