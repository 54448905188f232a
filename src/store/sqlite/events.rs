//! Events on the write side. The events extracted from a batch of documents are merged in
//! memory ([`merge::decide`] against the stored events near each report, fetched in one query,
//! and the events the batch itself creates) and written with a handful of statements whatever
//! the number of documents and events. An event's columns always equal the fold of its
//! evidence in `evidence_id` order ([`Aggregate`]).

use rustc_hash::FxHashSet;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use tracing::instrument;

use super::super::batch::{self, Added, DocEvents, Pool, width_class};
use super::super::merge::Candidate;
use super::super::rows::{EventRow, EvidenceReportRow};

/// Width classes looked up for merge candidates: 2^20 days is beyond any TimeML value.
const WIDTH_CLASSES: u32 = 21;

/// SQLite's limit on bound parameters in one statement.
pub(super) const MAX_PARAMS: usize = 32_766;
use super::evidence::insert_evidence;
use super::{Result, codes};

/// Merges the events of documents (already inserted, in this order) into the stored events
/// and writes their evidence (see [`batch::plan`]). Returns, per document, how many events it
/// created and merged.
#[instrument(skip_all, fields(documents = docs.len()))]
pub(crate) async fn add_events(
    conn: &mut SqliteConnection,
    docs: &[DocEvents<'_>],
) -> Result<Vec<Added>> {
    let pool = fetch_candidates(conn, docs).await?;
    // Ids are handed out here, under the write lock the transaction holds, so that the batch
    // goes in with a few multi-row statements. Event ids are never reused (autoincrement).
    let (mut last_event, mut last_evidence): (i64, i64) = sqlx::query_as(
        "select max((select coalesce(max(event_id), 0) from events),
                    (select coalesce(max(seq), 0) from sqlite_sequence where name = 'events')),
                (select coalesce(max(evidence_id), 0) from evidence)",
    )
    .fetch_one(&mut *conn)
    .await?;
    let plan = batch::plan(
        pool,
        docs,
        &mut || {
            last_event += 1;
            last_event
        },
        &mut || {
            last_evidence += 1;
            last_evidence
        },
    );
    let events: Vec<(&str, &Candidate)> =
        plan.events.iter().map(|(k, c)| (k.as_str(), c)).collect();
    upsert_events(conn, &events).await?;
    insert_evidence(conn, &plan.evidence).await?;
    let touched: FxHashSet<i64> = plan.evidence.iter().map(|e| e.event_id).collect();
    refresh_counts(conn, &touched.into_iter().collect::<Vec<_>>()).await?;
    Ok(plan.added)
}

/// Deletes a document's evidence and recomputes the events it was part of from the evidence
/// they have left; events left with none are deleted. Returns how many were.
#[instrument(skip_all, fields(document_id = document_id))]
pub(crate) async fn remove_evidence_of(
    conn: &mut SqliteConnection,
    document_id: i64,
) -> Result<usize> {
    let touched: Vec<(i64, String)> = sqlx::query_as(
        "select event_id, participant_key from events where event_id in
            (select event_id from evidence where document_id = ?)",
    )
    .bind(document_id)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("delete from evidence where document_id = ?")
        .bind(document_id)
        .execute(&mut *conn)
        .await?;
    let ids = json_ids(touched.iter().map(|t| t.0));
    let rows: Vec<EvidenceReportRow> = sqlx::query_as(
        "select event_id, kind, plover, plover_mode, cameo, status,
                claimed_value as date_value, claimed_earliest as earliest,
                claimed_latest as latest, claimed_precision as precision,
                place_name, place_country, place_lat, place_lon, place_wikidata
         from evidence where event_id in (select value from json_each(?))
         order by evidence_id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let recomputed = batch::recompute(&touched, rows)?;
    let refs: Vec<(&str, &Candidate)> = recomputed.iter().map(|(k, c)| (*k, c)).collect();
    upsert_events(conn, &refs).await?;
    let removed = sqlx::query(
        "delete from events where event_id in (select value from json_each(?))
            and event_id not in (select event_id from evidence)",
    )
    .bind(&ids)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    let kept: Vec<i64> = recomputed.iter().map(|(_, c)| c.event_id).collect();
    refresh_counts(conn, &kept).await?;
    Ok(removed as usize)
}

/// The stored events whose dates overlap the windows of the batch's reports
/// ([`batch::windows`]): one narrow range scan per window and width class (see the
/// migrations), all in one query.
async fn fetch_candidates(conn: &mut SqliteConnection, docs: &[DocEvents<'_>]) -> Result<Pool> {
    let windows = batch::windows(docs);
    if windows.is_empty() {
        return Ok(Pool::default());
    }
    let windows = serde_json::to_string(&windows).expect("windows serialise");
    let rows: Vec<EventRow> = sqlx::query_as(
        "with recursive
            classes (k) as (select 0 union all select k + 1 from classes where k < ?2),
            windows (key, lo, hi) as (
                select value ->> 0, value ->> 1, value ->> 2 from json_each(?1))
         select distinct ev.event_id, ev.participant_key, ev.date_conflict, ev.kind,
                ev.plover, ev.plover_mode, ev.cameo, ev.status, ev.date_value, ev.earliest,
                ev.latest, ev.precision, ev.place_name, ev.place_country, ev.place_lat,
                ev.place_lon, ev.place_wikidata
         from windows cross join classes cross join events ev
         where ev.width_class = classes.k
             and ev.earliest between date(windows.lo, printf('-%d days', 1 << classes.k))
                 and windows.hi
             and ev.latest >= windows.lo
         order by ev.event_id",
    )
    .bind(windows)
    .bind(WIDTH_CLASSES - 1)
    .fetch_all(&mut *conn)
    .await?;
    Pool::of(rows)
}

const AGGREGATE_COLUMNS: [&str; 16] = [
    "kind",
    "plover",
    "plover_mode",
    "cameo",
    "status",
    "date_value",
    "earliest",
    "latest",
    "precision",
    "width_class",
    "date_conflict",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_wikidata",
];

/// Inserts new events and rewrites changed ones.
async fn upsert_events(conn: &mut SqliteConnection, events: &[(&str, &Candidate)]) -> Result<()> {
    let per_row = AGGREGATE_COLUMNS.len() + 2;
    for chunk in events.chunks(MAX_PARAMS / per_row) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into events (event_id, participant_key, ");
        q.push(AGGREGATE_COLUMNS.join(", ")).push(") ");
        q.push_values(chunk, |mut row, (key, c)| {
            let e = &c.event;
            let date = e.date.as_ref();
            let place = e.place.as_ref();
            row.push_bind(c.event_id)
                .push_bind(*key)
                .push_bind(e.kind.as_str())
                .push_bind(&e.plover)
                .push_bind(&e.plover_mode)
                .push_bind(&e.cameo)
                .push_bind(codes::status_str(e.status))
                .push_bind(date.map(|d| d.value.as_str()))
                .push_bind(date.map(|d| d.earliest))
                .push_bind(date.map(|d| d.latest))
                .push_bind(date.map(|d| codes::precision_str(d.precision)))
                .push_bind(date.map(width_class))
                .push_bind(&e.date_conflict)
                .push_bind(place.map(|p| p.name.as_ref()))
                .push_bind(place.map(|p| p.country.as_ref()))
                .push_bind(place.map(|p| p.lat))
                .push_bind(place.map(|p| p.lon))
                .push_bind(place.and_then(|p| p.wikidata.as_deref()));
        });
        q.push(" on conflict (event_id) do update set ");
        let sets: Vec<String> = AGGREGATE_COLUMNS
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        q.push(sets.join(", "));
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Recounts the distinct documents and sources of events.
async fn refresh_counts(conn: &mut SqliteConnection, event_ids: &[i64]) -> Result<()> {
    if event_ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "update events set
            article_count = (
                select count(distinct document_id) from evidence e
                where e.event_id = events.event_id),
            source_count = (
                select count(distinct source_key) from evidence e
                where e.event_id = events.event_id)
         where event_id in (select value from json_each(?))",
    )
    .bind(json_ids(event_ids.iter().copied()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn json_ids(ids: impl Iterator<Item = i64>) -> String {
    serde_json::to_string(&ids.collect::<Vec<_>>()).expect("ids serialise")
}
