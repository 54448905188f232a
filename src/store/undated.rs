//! Events the sources give no date for: kept by the store, left off the timeline, listed
//! apart ("mentioned without a date") by event id, one keyset page at a time.

use serde::Serialize;
use sqlx::QueryBuilder;
use tracing::instrument;
use utoipa::ToSchema;

use super::feed::{Filter, push_conditions};
use super::timeline::{ENTRY_COLUMNS, EntryRow, Evidence};
use super::{EvidenceQuote, Result, Store};
use crate::extract::events::{EventKind, Participant, Place, Status};

/// An event no report dates: a [`super::TimelineEntry`] without `date`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UndatedEntry {
    pub event_id: i64,
    pub kind: EventKind,
    pub status: Status,
    #[schema(required)]
    pub plover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub plover_mode: Option<String>,
    pub cameo: String,
    #[schema(required)]
    pub place: Option<Place>,
    /// Everyone any report names, by country then name.
    pub participants: Vec<Participant>,
    /// Distinct documents and distinct sources reporting it.
    pub article_count: i64,
    pub source_count: i64,
    /// Reports of it, all told.
    pub evidence_count: i64,
    /// The reports, in the order they joined: the first only, unless all were asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceQuote>,
}

impl Store {
    /// Up to `limit` undated events matching `filter` (its period aside: they have none),
    /// by event id, after the event `after`, with the reports `evidence` asks for.
    #[instrument(skip_all)]
    pub async fn undated(
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
        let mut entries = rows
            .into_iter()
            .map(EntryRow::into_undated)
            .collect::<Result<Vec<_>>>()?;
        self.fill_entries(&mut entries, evidence).await?;
        Ok(entries)
    }

    /// How many undated events match `filter` (its period aside).
    #[instrument(skip_all)]
    pub async fn undated_count(&self, filter: &Filter) -> Result<i64> {
        let mut q = QueryBuilder::new("select count(*) from events ev where ev.earliest is null");
        push_conditions(&mut q, filter);
        Ok(q.build_query_scalar().fetch_one(&self.pool).await?)
    }
}
