//! One event with a page of its reports, and one document with its spans, on SQLite.

use tracing::instrument;

use super::super::detail::{
    DisagreementRow, DocumentDetail, EventDetail, EvidencePage, MAX_DISAGREEMENTS, SpanRow,
    next_cursor,
};
use super::super::rows::{ENTRY_COLUMNS, EntryRow, QUOTE_COLUMNS};
use super::super::timeline::Evidence;
use super::{Db, Result};

impl Db {
    /// The event `event_id` with one page of its evidence, or `None` when there is none such
    /// (or it is undated, and so on no timeline). Every column read is stored with the
    /// evidence (the quote, the date's text), so a page costs the same whatever the size of
    /// the documents or the number of reports.
    #[instrument(skip_all, fields(event_id))]
    pub(crate) async fn event_detail(
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
        let spans: Vec<SpanRow> = sqlx::query_as(&format!(
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
        let page = next_cursor(spans, page.limit)?;
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
        Ok(Some(EventDetail::new(entry, page, disagreements)?))
    }

    /// The document `document_id` with its temporal expressions and event reports, in text
    /// order.
    #[instrument(skip_all, fields(document_id))]
    pub(crate) async fn document_detail(&self, document_id: i64) -> Result<Option<DocumentDetail>> {
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
