//! The participants, report counts and reports of a page of entries, on PostgreSQL.

use rustc_hash::FxHashMap;

use super::super::Result;
use super::super::rows::{QUOTE_COLUMNS, QuoteRow};
use super::super::timeline::{Evidence, Fill, add_counts, add_participants, add_quotes, positions};
use super::Db;

impl Db {
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
        let at: FxHashMap<i64, usize> = positions(entries);
        let ids: Vec<i64> = at.keys().copied().collect();
        let people: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
            // Not distinct (PostgreSQL sorts a distinct list by its own columns only): the
            // loop below keeps one row per person. Byte order, as SQLite sorts.
            "select event_id, name, country, wikidata from participants
             where event_id = any($1)
             order by event_id, country collate \"C\", name collate \"C\", wikidata is null,
                      wikidata",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        add_participants(entries, &at, people);
        let counts: Vec<(i64, i64, i64)> = sqlx::query_as(
            "select event_id, count(*), min(evidence_id) from evidence
             where event_id = any($1) group by event_id",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let firsts = add_counts(entries, &at, counts);
        let (which, list) = match evidence {
            Evidence::Counts => return Ok(()),
            Evidence::First => ("e.evidence_id = any($1)", firsts),
            Evidence::All => ("e.event_id = any($1)", ids),
        };
        let quotes: Vec<QuoteRow> = sqlx::query_as(&format!(
            "select {QUOTE_COLUMNS} from evidence e join documents d on d.document_id = e.document_id
             where {which} order by e.event_id, e.evidence_id"
        ))
        .bind(list)
        .fetch_all(&self.pool)
        .await?;
        add_quotes(entries, &at, quotes)
    }
}
