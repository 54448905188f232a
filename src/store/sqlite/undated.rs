//! The undated events on SQLite, by event id.

use sqlx::QueryBuilder;
use tracing::instrument;

use super::super::rows::{self, ENTRY_COLUMNS, EntryRow};
use super::super::timeline::Evidence;
use super::super::{Filter, UndatedEntry};
use super::feed::push_conditions;
use super::{Db, Result};

impl Db {
    /// Up to `limit` undated events matching `filter` (its period aside: they have none),
    /// by event id, after the event `after`, with the reports `evidence` asks for.
    #[instrument(skip_all)]
    pub(crate) async fn undated(
        &self,
        filter: &Filter,
        after: Option<i64>,
        limit: i64,
        evidence: Evidence,
    ) -> Result<Vec<UndatedEntry>> {
        let mut q = QueryBuilder::new(format!(
            "select {ENTRY_COLUMNS} from events ev where ev.earliest is null"
        ));
        push_conditions(&mut q, filter);
        if let Some(id) = after {
            q.push(" and ev.event_id > ").push_bind(id);
        }
        q.push(" order by ev.event_id limit ").push_bind(limit);
        let rows: Vec<EntryRow> = q.build_query_as().fetch_all(&self.pool).await?;
        let mut entries = rows::undated_entries(rows)?;
        self.fill_entries(&mut entries, evidence).await?;
        Ok(entries)
    }

    /// How many undated events match `filter` (its period aside).
    #[instrument(skip_all)]
    pub(crate) async fn undated_count(&self, filter: &Filter) -> Result<i64> {
        let mut q = QueryBuilder::new("select count(*) from events ev where ev.earliest is null");
        push_conditions(&mut q, filter);
        Ok(q.build_query_scalar().fetch_one(&self.pool).await?)
    }
}
