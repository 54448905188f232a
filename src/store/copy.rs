//! `tarikh migrate`: a whole store copied into another, every row with its id (documents,
//! timexes, events, evidence with its merge reasons, participants), a page of each table at a
//! time. The rows travel in these backend-free shapes; the source reads them and the target
//! writes them in its own way.

use chrono::NaiveDate;

use super::{Result, Store, StoreError};

/// Rows per page.
pub(crate) const PAGE: i64 = 1000;

/// What was copied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Copied {
    pub documents: usize,
    pub timexes: usize,
    pub events: usize,
    pub evidence: usize,
    pub participants: usize,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct DocumentCopy {
    pub document_id: i64,
    pub content_hash: String,
    pub published_at: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub extractor_version: i64,
    pub ingested_at: String,
    pub created_at: String,
    pub text: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct TimexCopy {
    pub timex_id: i64,
    pub document_id: i64,
    pub text: String,
    pub span_start: i64,
    pub span_end: i64,
    pub r#type: String,
    pub value: String,
    pub r#mod: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub rule: String,
    pub created_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct EventCopy {
    pub event_id: i64,
    pub participant_key: String,
    pub kind: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: String,
    pub date_value: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub precision: Option<String>,
    pub date_conflict: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_lat: Option<f64>,
    pub place_lon: Option<f64>,
    pub place_wikidata: Option<String>,
    pub article_count: i64,
    pub source_count: i64,
    pub created_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct EvidenceCopy {
    pub evidence_id: i64,
    pub event_id: i64,
    pub document_id: i64,
    pub source_key: String,
    pub kind: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: String,
    pub trigger_start: i64,
    pub trigger_end: i64,
    pub sentence_start: i64,
    pub sentence_end: i64,
    pub date_start: Option<i64>,
    pub date_end: Option<i64>,
    pub date_text: Option<String>,
    pub claimed_value: Option<String>,
    pub claimed_earliest: Option<NaiveDate>,
    pub claimed_latest: Option<NaiveDate>,
    pub claimed_precision: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_lat: Option<f64>,
    pub place_lon: Option<f64>,
    pub place_wikidata: Option<String>,
    pub created_at: String,
    pub trigger: String,
    pub merge_reason: String,
    pub quote: String,
    pub sentence: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct ParticipantCopy {
    pub participant_id: i64,
    pub event_id: i64,
    pub evidence_id: i64,
    pub name: String,
    pub country: String,
    pub wikidata: Option<String>,
    pub created_at: String,
}

/// One page of one table, in id order.
pub(crate) enum Page {
    Documents(Vec<DocumentCopy>),
    Timexes(Vec<TimexCopy>),
    Events(Vec<EventCopy>),
    Evidence(Vec<EvidenceCopy>),
    Participants(Vec<ParticipantCopy>),
}

/// The tables in the order they are copied (each row's references before it).
pub(crate) const TABLES: [&str; 5] = ["documents", "timexes", "events", "evidence", "participants"];

impl Page {
    pub fn len(&self) -> usize {
        match self {
            Page::Documents(r) => r.len(),
            Page::Timexes(r) => r.len(),
            Page::Events(r) => r.len(),
            Page::Evidence(r) => r.len(),
            Page::Participants(r) => r.len(),
        }
    }

    /// The id of its last row: the next page starts after it.
    pub fn last_id(&self) -> Option<i64> {
        match self {
            Page::Documents(r) => r.last().map(|r| r.document_id),
            Page::Timexes(r) => r.last().map(|r| r.timex_id),
            Page::Events(r) => r.last().map(|r| r.event_id),
            Page::Evidence(r) => r.last().map(|r| r.evidence_id),
            Page::Participants(r) => r.last().map(|r| r.participant_id),
        }
    }
}

/// Copies every row of `from` into `to`, which must hold no document yet; `progress` hears of
/// each page (table, rows so far).
pub async fn copy(
    from: &Store,
    to: &Store,
    mut progress: impl FnMut(&str, usize),
) -> Result<Copied> {
    if to.document_count().await? > 0 {
        return Err(StoreError::NotEmpty);
    }
    let _turn = to.write_permit().await?;
    let mut copied = Copied::default();
    for table in TABLES {
        let mut after = 0;
        let mut rows = 0;
        loop {
            let page = from.copy_page(table, after).await?;
            let Some(last) = page.last_id() else { break };
            rows += page.len();
            to.write_page(page).await?;
            after = last;
            progress(table, rows);
        }
        match table {
            "documents" => copied.documents = rows,
            "timexes" => copied.timexes = rows,
            "events" => copied.events = rows,
            "evidence" => copied.evidence = rows,
            _ => copied.participants = rows,
        }
    }
    to.finish_copy().await?;
    Ok(copied)
}
