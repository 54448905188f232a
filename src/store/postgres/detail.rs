//! One event with a page of its reports, and one document with its spans, on PostgreSQL.

use tracing::instrument;

use super::super::Result;
use super::super::detail::{
    DisagreementRow, DocumentDetail, EventDetail, EvidencePage, MAX_DISAGREEMENTS, SpanRow,
    next_cursor,
};
use super::super::rows::{ENTRY_COLUMNS, EntryRow, QUOTE_COLUMNS};
use super::super::timeline::Evidence;
use super::Db;

impl Db {
    #[instrument(skip_all, fields(event_id))]
    pub(crate) async fn event_detail(
        &self,
        event_id: i64,
        page: EvidencePage,
    ) -> Result<Option<EventDetail>> {
        let row: Option<EntryRow> = sqlx::query_as(&format!(
            "select {ENTRY_COLUMNS} from events ev
             where ev.event_id = $1 and ev.earliest is not null"
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
             where e.event_id = $1 and e.evidence_id > $2
             order by e.evidence_id limit $3"
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
             where e.event_id = $1 and (e.claimed_latest < $2 or e.claimed_earliest > $3)
             order by e.evidence_id limit $4",
        )
        .bind(event_id)
        .bind(entry.date.earliest)
        .bind(entry.date.latest)
        .bind(MAX_DISAGREEMENTS)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(EventDetail::new(entry, page, disagreements)?))
    }

    #[instrument(skip_all, fields(document_id))]
    pub(crate) async fn document_detail(&self, document_id: i64) -> Result<Option<DocumentDetail>> {
        let doc: Option<DocumentDetail> = sqlx::query_as(
            "select document_id, published_at, title, url, source, text from documents
             where document_id = $1",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(mut doc) = doc else { return Ok(None) };
        doc.timexes = sqlx::query_as(
            "select text, span_start as start, span_end as end, type, value, mod from timexes
             where document_id = $1 order by span_start, timex_id",
        )
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?;
        doc.events = sqlx::query_as(
            "select event_id, evidence_id, kind, trigger_start, trigger_end, sentence_start,
                    sentence_end, date_start, date_end
             from evidence where document_id = $1 order by trigger_start, evidence_id",
        )
        .bind(document_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(doc))
    }
}
