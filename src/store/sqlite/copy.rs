//! Reading a SQLite store a page at a time, for `tarikh migrate`.

use super::super::copy::{PAGE, Page};
use super::{Db, Result};

impl Db {
    /// The rows of `table` after id `after`, in id order (`PAGE` of them at most).
    pub(crate) async fn copy_page(&self, table: &str, after: i64) -> Result<Page> {
        let sql = |columns: &str, id: &str| {
            format!("select {columns} from {table} where {id} > ? order by {id} limit ?")
        };
        Ok(match table {
            "documents" => Page::Documents(
                sqlx::query_as(&sql(
                    "document_id, content_hash, published_at, source, url, title,
                     extractor_version, ingested_at, created_at, text",
                    "document_id",
                ))
                .bind(after)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?,
            ),
            "timexes" => Page::Timexes(
                sqlx::query_as(&sql(
                    "timex_id, document_id, text, span_start, span_end, type, value, mod,
                     earliest, latest, rule, created_at",
                    "timex_id",
                ))
                .bind(after)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?,
            ),
            "events" => Page::Events(
                sqlx::query_as(&sql(
                    "event_id, participant_key, kind, plover, plover_mode, cameo, status,
                     date_value, earliest, latest, precision, date_conflict, place_name,
                     place_country, place_lat, place_lon, place_wikidata, article_count,
                     source_count, created_at",
                    "event_id",
                ))
                .bind(after)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?,
            ),
            "evidence" => Page::Evidence(
                sqlx::query_as(&sql(
                    "evidence_id, event_id, document_id, source_key, kind, plover, plover_mode,
                     cameo, status, trigger_start, trigger_end, sentence_start, sentence_end,
                     date_start, date_end, date_text, claimed_value, claimed_earliest,
                     claimed_latest, claimed_precision, place_name, place_country, place_lat,
                     place_lon, place_wikidata, created_at, trigger, merge_reason, quote,
                     sentence",
                    "evidence_id",
                ))
                .bind(after)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?,
            ),
            _ => Page::Participants(
                sqlx::query_as(&sql(
                    "participant_id, event_id, evidence_id, name, country, wikidata, created_at",
                    "participant_id",
                ))
                .bind(after)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?,
            ),
        })
    }
}
