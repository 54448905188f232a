//! The participants, report counts and reports of a page of entries, on SQLite.

use rustc_hash::FxHashMap;

use super::super::rows::{QUOTE_COLUMNS, QuoteRow};
use super::super::timeline::{Evidence, Fill, add_counts, add_participants, add_quotes, positions};
use super::{Db, Result};

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
        let ids = serde_json::to_string(&at.keys().collect::<Vec<_>>()).expect("ids serialise");

        let people: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
            "select distinct event_id, name, country, wikidata from participants
             where event_id in (select value from json_each(?))
             order by event_id, country, name, wikidata is null, wikidata",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        add_participants(entries, &at, people);

        // From the index alone: the count and the first report of each.
        let counts: Vec<(i64, i64, i64)> = sqlx::query_as(
            "select event_id, count(*), min(evidence_id) from evidence
             where event_id in (select value from json_each(?)) group by event_id",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let firsts = add_counts(entries, &at, counts);
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
        add_quotes(entries, &at, quotes)
    }
}
