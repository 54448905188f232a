//! Rows as read from either database (the column names are the same on both), and the
//! claims they make.

use chrono::NaiveDate;

use super::merge::{self, Aggregate, Candidate, Report};
use super::timeline::EvidenceQuote;
use super::{Result, StoreError, TimelineEntry, codes};
use crate::extract::events::{EventDate, Place};

/// An event's or an evidence row's claim, as read from the database.
#[derive(sqlx::FromRow)]
pub struct ReportRow {
    pub kind: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: String,
    pub date_value: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub precision: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_lat: Option<f64>,
    pub place_lon: Option<f64>,
    pub place_wikidata: Option<String>,
}

impl ReportRow {
    pub fn into_report(self) -> Result<Report> {
        let date = match (self.date_value, self.earliest, self.latest, self.precision) {
            (Some(value), Some(earliest), Some(latest), Some(precision)) => Some(EventDate {
                value,
                earliest,
                latest,
                precision: codes::precision(&precision)?,
            }),
            (None, _, _, _) => None,
            (Some(value), ..) => return Err(StoreError::corrupt("date", &value)),
        };
        let place = place(
            self.place_name,
            self.place_country,
            self.place_lat,
            self.place_lon,
            self.place_wikidata,
        );
        Ok(Report {
            kind: codes::kind(&self.kind)?,
            plover: self.plover,
            plover_mode: self.plover_mode,
            cameo: self.cameo,
            status: codes::status(&self.status)?,
            date,
            place,
        })
    }

    pub fn into_aggregate(self, date_conflict: Option<String>) -> Result<Aggregate> {
        let mut event = Aggregate::new(&self.into_report()?);
        event.date_conflict = date_conflict;
        Ok(event)
    }
}

/// A place from its columns: there is one when it has a name and a country.
pub fn place(
    name: Option<String>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    wikidata: Option<String>,
) -> Option<Place> {
    Some(Place {
        name: name?.into(),
        country: country?.into(),
        lat: lat.unwrap_or_default(),
        lon: lon.unwrap_or_default(),
        wikidata: wikidata.map(Into::into),
    })
}

#[derive(sqlx::FromRow)]
pub struct EventRow {
    pub event_id: i64,
    pub participant_key: String,
    pub date_conflict: Option<String>,
    #[sqlx(flatten)]
    pub report: ReportRow,
}

impl EventRow {
    /// The stored event as a candidate for reports to join, with its participant key.
    pub fn into_candidate(self) -> Result<(String, Candidate)> {
        let countries = merge::key_countries(&self.participant_key);
        let event = self.report.into_aggregate(self.date_conflict)?;
        let candidate = Candidate {
            event_id: self.event_id,
            countries,
            event,
        };
        Ok((self.participant_key, candidate))
    }
}

#[derive(sqlx::FromRow)]
pub struct EvidenceReportRow {
    pub event_id: i64,
    #[sqlx(flatten)]
    pub report: ReportRow,
}

/// The columns of `events ev` that an [`EntryRow`] reads, in a select list.
pub(crate) const ENTRY_COLUMNS: &str = "ev.event_id, ev.date_conflict, ev.article_count,
    ev.source_count, ev.kind, ev.plover, ev.plover_mode, ev.cameo, ev.status, ev.date_value,
    ev.earliest, ev.latest, ev.precision, ev.place_name, ev.place_country, ev.place_lat,
    ev.place_lon, ev.place_wikidata";

#[derive(sqlx::FromRow)]
pub(crate) struct EntryRow {
    event_id: i64,
    date_conflict: Option<String>,
    article_count: i64,
    source_count: i64,
    #[sqlx(flatten)]
    report: ReportRow,
}

impl EntryRow {
    /// The undated entry of an event the sources give no date for.
    pub(crate) fn into_undated(self) -> Result<super::UndatedEntry> {
        let report = self.report.into_report()?;
        Ok(super::UndatedEntry {
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

    pub(crate) fn into_entry(self) -> Result<TimelineEntry> {
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

/// The timeline entries of rows read with [`ENTRY_COLUMNS`], in their order.
pub(crate) fn entries(rows: Vec<EntryRow>) -> Result<Vec<TimelineEntry>> {
    rows.into_iter().map(EntryRow::into_entry).collect()
}

/// The undated entries of rows read with [`ENTRY_COLUMNS`], in their order.
pub(crate) fn undated_entries(rows: Vec<EntryRow>) -> Result<Vec<super::UndatedEntry>> {
    rows.into_iter().map(EntryRow::into_undated).collect()
}

/// The columns of `evidence e join documents d` that a [`QuoteRow`] reads.
pub(crate) const QUOTE_COLUMNS: &str = "e.evidence_id, e.event_id, e.document_id, d.title,
    d.url, d.source, d.published_at, e.kind, e.trigger, e.quote, e.claimed_value,
    e.claimed_earliest, e.claimed_latest, e.claimed_precision, e.merge_reason";

#[derive(sqlx::FromRow)]
pub(crate) struct QuoteRow {
    evidence_id: i64,
    pub(crate) event_id: i64,
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
    pub(crate) fn into_quote(self) -> Result<EvidenceQuote> {
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
