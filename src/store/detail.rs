//! One event with every report of it, and one document with what was read in it: the pages
//! behind a timeline entry.

use serde::Serialize;
use utoipa::ToSchema;

use super::rows::QuoteRow;
use super::{EvidenceQuote, Result, TimelineEntry};
use crate::extract::events::{EventDate, Place, Status};

/// An event and a page of its evidence, with the spans to highlight in each sentence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventDetail {
    /// The entry as the feed shows it (`evidence_count` counts every report); its `evidence`
    /// is replaced by the fuller page below.
    #[serde(flatten)]
    pub entry: TimelineEntry,
    /// The reports of this page, in the order they joined.
    pub evidence: Vec<EvidenceDetail>,
    /// The reports whose own date does not overlap the event's (the first
    /// [`MAX_DISAGREEMENTS`] of them, over all pages).
    pub disagreements: Vec<Disagreement>,
    /// Pass as `cursor` for the next page of reports; null on the last page.
    #[schema(required)]
    pub next_cursor: Option<String>,
}

/// Which reports of an event to read: those after `after` (an `evidence_id`), `limit` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidencePage {
    pub after: Option<i64>,
    pub limit: i64,
}

/// Disagreements listed at most: enough to see that sources differ, and bounded.
pub const MAX_DISAGREEMENTS: i64 = 50;

/// One report with its sentence and spans (code points into the document, end exclusive).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceDetail {
    #[serde(flatten)]
    pub quote: EvidenceQuote,
    pub status: Status,
    /// This source's own place.
    #[schema(required)]
    pub place: Option<Place>,
    pub sentence: String,
    pub sentence_start: i64,
    pub sentence_end: i64,
    pub trigger_start: i64,
    pub trigger_end: i64,
    /// The expression that dates this report, when one does.
    #[schema(required)]
    pub date_text: Option<String>,
    #[schema(required)]
    pub date_start: Option<i64>,
    #[schema(required)]
    pub date_end: Option<i64>,
}

/// A source that dates the event differently from the others.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Disagreement {
    pub evidence_id: i64,
    pub document_id: i64,
    #[schema(required)]
    pub source: Option<String>,
    pub claimed: EventDate,
}

/// A stored article with the spans read in it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, ToSchema)]
pub struct DocumentDetail {
    pub document_id: i64,
    pub published_at: String,
    #[schema(required)]
    pub title: Option<String>,
    #[schema(required)]
    pub url: Option<String>,
    #[schema(required)]
    pub source: Option<String>,
    pub text: String,
    #[sqlx(skip)]
    pub timexes: Vec<TimexSpan>,
    #[sqlx(skip)]
    pub events: Vec<EventSpan>,
}

/// A temporal expression of a stored document.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, ToSchema)]
pub struct TimexSpan {
    pub text: String,
    pub start: i64,
    pub end: i64,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    #[sqlx(rename = "mod")]
    #[schema(nullable = false)]
    pub modifier: Option<String>,
}

/// A report of an event in a stored document, and where it is.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, ToSchema)]
pub struct EventSpan {
    pub event_id: i64,
    pub evidence_id: i64,
    pub kind: String,
    pub trigger_start: i64,
    pub trigger_end: i64,
    pub sentence_start: i64,
    pub sentence_end: i64,
    #[schema(required)]
    pub date_start: Option<i64>,
    #[schema(required)]
    pub date_end: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct SpanRow {
    #[sqlx(flatten)]
    quote: QuoteRow,
    status: String,
    place_name: Option<String>,
    place_country: Option<String>,
    place_lat: Option<f64>,
    place_lon: Option<f64>,
    place_wikidata: Option<String>,
    sentence: String,
    sentence_start: i64,
    sentence_end: i64,
    trigger_start: i64,
    trigger_end: i64,
    date_text: Option<String>,
    date_start: Option<i64>,
    date_end: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DisagreementRow {
    evidence_id: i64,
    document_id: i64,
    source: Option<String>,
    claimed_value: String,
    claimed_earliest: chrono::NaiveDate,
    claimed_latest: chrono::NaiveDate,
    claimed_precision: String,
}

impl DisagreementRow {
    pub(crate) fn into_disagreement(self) -> Result<Disagreement> {
        Ok(Disagreement {
            evidence_id: self.evidence_id,
            document_id: self.document_id,
            source: self.source,
            claimed: EventDate {
                value: self.claimed_value,
                earliest: self.claimed_earliest,
                latest: self.claimed_latest,
                precision: super::codes::precision(&self.claimed_precision)?,
            },
        })
    }
}

impl EventDetail {
    /// The detail of the event `entry`: a page of its reports ([`next_cursor`]) and the
    /// rows of those that disagree on its date.
    pub(crate) fn new(
        entry: TimelineEntry,
        (evidence, next_cursor): (Vec<EvidenceDetail>, Option<String>),
        disagreements: Vec<DisagreementRow>,
    ) -> Result<EventDetail> {
        let disagreements = disagreements
            .into_iter()
            .map(DisagreementRow::into_disagreement)
            .collect::<Result<_>>()?;
        Ok(EventDetail {
            entry,
            evidence,
            disagreements,
            next_cursor,
        })
    }
}

/// The reports of a page read with one more than `limit` asked for, and the cursor of the
/// next page when that one came back.
pub(crate) fn next_cursor(
    mut spans: Vec<SpanRow>,
    limit: i64,
) -> Result<(Vec<EvidenceDetail>, Option<String>)> {
    let more = spans.len() as i64 > limit;
    spans.truncate(limit as usize);
    let mut evidence = Vec::with_capacity(spans.len());
    for s in spans {
        let place = super::rows::place(
            s.place_name,
            s.place_country,
            s.place_lat,
            s.place_lon,
            s.place_wikidata,
        );
        evidence.push(EvidenceDetail {
            quote: s.quote.into_quote()?,
            status: super::codes::status(&s.status)?,
            place,
            sentence: s.sentence,
            sentence_start: s.sentence_start,
            sentence_end: s.sentence_end,
            trigger_start: s.trigger_start,
            trigger_end: s.trigger_end,
            date_text: s.date_text,
            date_start: s.date_start,
            date_end: s.date_end,
        });
    }
    let next = match evidence.last() {
        Some(last) if more => Some(last.quote.evidence_id.to_string()),
        _ => None,
    };
    Ok((evidence, next))
}
