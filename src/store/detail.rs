//! One event with every report of it, and one document with what was read in it: the pages
//! behind a timeline entry.

use serde::Serialize;
use tracing::instrument;
use utoipa::ToSchema;

use super::timeline::{ENTRY_COLUMNS, EntryRow, Evidence, QUOTE_COLUMNS, QuoteRow};
use super::{EvidenceQuote, Result, Store, TimelineEntry};
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
struct SpanRow {
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
struct DisagreementRow {
    evidence_id: i64,
    document_id: i64,
    source: Option<String>,
    claimed_value: String,
    claimed_earliest: chrono::NaiveDate,
    claimed_latest: chrono::NaiveDate,
    claimed_precision: String,
}

impl Store {
    /// The event `event_id` with one page of its evidence, or `None` when there is none such
    /// (or it is undated, and so on no timeline). Every column read is stored with the
    /// evidence (the quote, the date's text), so a page costs the same whatever the size of
    /// the documents or the number of reports.
    #[instrument(skip_all, fields(event_id))]
    pub async fn event_detail(
        &self,
        event_id: i64,
        page: EvidencePage,
    ) -> Result<Option<EventDetail>> {
        let row: Option<EntryRow> = sqlx::query_as(&format!(
            "select {ENTRY_COLUMNS} from events ev
             where ev.event_id = ? and ev.earliest is not null"
        ))
        .bind(event_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut entries = [row.into_entry()?];
        self.fill_entries(&mut entries, Evidence::Counts).await?;
        let [entry] = entries;

        // One more than asked: whether it comes back says whether there is a next page.
        let mut spans: Vec<SpanRow> = sqlx::query_as(&format!(
            "select {QUOTE_COLUMNS}, e.status, e.place_name, e.place_country, e.place_lat,
                    e.place_lon, e.place_wikidata, e.sentence, e.sentence_start, e.sentence_end,
                    e.trigger_start, e.trigger_end, e.date_start, e.date_end, e.date_text
             from evidence e join documents d on d.document_id = e.document_id
             where e.event_id = ? and e.evidence_id > ?
             order by e.evidence_id limit ?"
        ))
        .bind(event_id)
        .bind(page.after.unwrap_or(0))
        .bind(page.limit + 1)
        .fetch_all(&self.pool)
        .await?;
        let more = spans.len() as i64 > page.limit;
        spans.truncate(page.limit as usize);
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
        let next_cursor = match evidence.last() {
            Some(last) if more => Some(last.quote.evidence_id.to_string()),
            _ => None,
        };
        let disagreements: Vec<DisagreementRow> = sqlx::query_as(
            "select e.evidence_id, e.document_id, d.source, e.claimed_value, e.claimed_earliest,
                    e.claimed_latest, e.claimed_precision
             from evidence e join documents d on d.document_id = e.document_id
             where e.evidence_id in (
                 select evidence_id from evidence indexed by evidence_claims
                 where event_id = ? and (claimed_latest < ? or claimed_earliest > ?)
                 order by evidence_id limit ?)
             order by e.evidence_id",
        )
        .bind(event_id)
        .bind(entry.date.earliest)
        .bind(entry.date.latest)
        .bind(MAX_DISAGREEMENTS)
        .fetch_all(&self.pool)
        .await?;
        let disagreements = disagreements
            .into_iter()
            .map(|d| {
                Ok(Disagreement {
                    evidence_id: d.evidence_id,
                    document_id: d.document_id,
                    source: d.source,
                    claimed: EventDate {
                        value: d.claimed_value,
                        earliest: d.claimed_earliest,
                        latest: d.claimed_latest,
                        precision: super::codes::precision(&d.claimed_precision)?,
                    },
                })
            })
            .collect::<Result<_>>()?;
        Ok(Some(EventDetail {
            entry,
            evidence,
            disagreements,
            next_cursor,
        }))
    }

    /// The document `document_id` with its temporal expressions and event reports, in text
    /// order.
    #[instrument(skip_all, fields(document_id))]
    pub async fn document_detail(&self, document_id: i64) -> Result<Option<DocumentDetail>> {
        let doc: Option<DocumentDetail> = sqlx::query_as(
            "select document_id, published_at, title, url, source, text from documents
             where document_id = ?",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(mut doc) = doc else { return Ok(None) };
        doc.timexes = sqlx::query_as(
            "select text, span_start as start, span_end as end, type, value, mod from timexes
             where document_id = ? order by span_start",
        )
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?;
        doc.events = sqlx::query_as(
            "select event_id, evidence_id, kind, trigger_start, trigger_end, sentence_start,
                    sentence_end, date_start, date_end
             from evidence where document_id = ? order by trigger_start",
        )
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(doc))
    }
}
