//! One event with every report of it, and one document with what was read in it: the pages
//! behind a timeline entry.

use serde::Serialize;
use tracing::instrument;
use utoipa::ToSchema;

use super::timeline::{ENTRY_COLUMNS, EntryRow};
use super::{EvidenceQuote, Result, Store, TimelineEntry};
use crate::extract::events::{EventDate, Place, Status};

/// An event and all its evidence, with the spans to highlight in each sentence.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventDetail {
    /// The entry as the feed shows it; its `evidence` is replaced by the fuller list below.
    #[serde(flatten)]
    pub entry: TimelineEntry,
    pub evidence: Vec<EvidenceDetail>,
    /// The reports whose own date does not overlap the event's.
    pub disagreements: Vec<Disagreement>,
}

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
    evidence_id: i64,
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

impl Store {
    /// The event `event_id` with all its evidence, or `None` when there is none such (or it
    /// is undated, and so on no timeline).
    #[instrument(skip_all, fields(event_id))]
    pub async fn event_detail(&self, event_id: i64) -> Result<Option<EventDetail>> {
        let row: Option<EntryRow> = sqlx::query_as(&format!(
            "select {ENTRY_COLUMNS} from events ev
             where ev.event_id = ? and ev.earliest is not null"
        ))
        .bind(event_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut entries = [row.into_entry()?];
        self.fill_entries(&mut entries).await?;
        let [mut entry] = entries;

        // substr counts characters, and the spans are code points: the date's own text.
        let spans: Vec<SpanRow> = sqlx::query_as(
            "select e.evidence_id, e.status, e.place_name, e.place_country, e.place_lat,
                    e.place_lon, e.place_wikidata, e.sentence, e.sentence_start, e.sentence_end,
                    e.trigger_start, e.trigger_end, e.date_start, e.date_end,
                    case when e.date_start is null then null
                         else substr(d.text, e.date_start + 1, e.date_end - e.date_start)
                    end as date_text
             from evidence e join documents d on d.document_id = e.document_id
             where e.event_id = ? order by e.evidence_id",
        )
        .bind(event_id)
        .fetch_all(&self.pool)
        .await?;
        let quotes = std::mem::take(&mut entry.evidence);
        let mut evidence = Vec::with_capacity(quotes.len());
        for (quote, s) in quotes.into_iter().zip(spans) {
            debug_assert_eq!(quote.evidence_id, s.evidence_id);
            let place = super::rows::place(
                s.place_name,
                s.place_country,
                s.place_lat,
                s.place_lon,
                s.place_wikidata,
            );
            evidence.push(EvidenceDetail {
                quote,
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
        let disagreements = evidence
            .iter()
            .filter_map(|e| {
                let claimed = e.quote.claimed.as_ref()?;
                let apart =
                    claimed.latest < entry.date.earliest || claimed.earliest > entry.date.latest;
                apart.then(|| Disagreement {
                    evidence_id: e.quote.evidence_id,
                    document_id: e.quote.document_id,
                    source: e.quote.source.clone(),
                    claimed: claimed.clone(),
                })
            })
            .collect();
        Ok(Some(EventDetail {
            entry,
            evidence,
            disagreements,
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
