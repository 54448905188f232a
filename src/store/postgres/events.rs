//! Events on the write side on PostgreSQL: the batch is merged in memory ([`batch::plan`])
//! against the stored events whose period overlaps its reports' windows (the GiST index),
//! under an advisory lock per merge key, and written with array statements.

use rustc_hash::FxHashSet;
use sqlx::PgConnection;
use tracing::instrument;

use super::super::batch::{self, Added, DocEvents, Plan, Pool};
use super::super::evidence::NewEvidence;
use super::super::merge::{self, Candidate};
use super::super::rows::{EventRow, EvidenceReportRow};
use super::super::{Result, codes};
use super::lexemes;
use crate::extract::events::Event;
use crate::extract::normalize::fold;

/// Takes, in one order for every writer, the transaction's advisory locks on the merge keys
/// of `reports` ([`batch::lock_keys`]) and on `participant_keys` (events about to be
/// recomputed). Reports that may join one event share a key, so two writers never decide
/// them at once: the second reads the event the first wrote.
pub(super) async fn lock_keys(
    conn: &mut PgConnection,
    reports: &[&Event],
    participant_keys: &[String],
) -> Result<()> {
    let mut keys: Vec<i64> = reports
        .iter()
        .flat_map(|e| batch::lock_keys(&merge::countries(&e.participants)))
        .chain(
            participant_keys
                .iter()
                .flat_map(|k| batch::lock_keys(&merge::key_countries(k))),
        )
        .map(|k| lock_id(&k))
        .collect();
    if keys.is_empty() {
        return Ok(());
    }
    keys.sort_unstable();
    keys.dedup();
    // unnest yields the keys in array order, so they are locked in that (sorted) order.
    sqlx::query("select pg_advisory_xact_lock(k) from unnest($1::bigint[]) as t(k)")
        .bind(keys)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A merge key as a 64-bit advisory lock id; other users of advisory locks are told apart by
/// the prefix hashed with it.
fn lock_id(key: &str) -> i64 {
    let hash = blake3::hash(format!("tarikh merge {key}").as_bytes());
    let bytes: [u8; 8] = hash.as_bytes()[..8].try_into().expect("8 bytes");
    i64::from_le_bytes(bytes)
}

/// Merges the events of documents (already inserted, in this order) into the stored events
/// and writes their evidence. The caller holds the merge locks.
#[instrument(skip_all, fields(documents = docs.len()))]
pub(super) async fn add_events(
    conn: &mut PgConnection,
    docs: &[DocEvents<'_>],
) -> Result<Vec<Added>> {
    let pool = fetch_candidates(conn, docs).await?;
    // New events and evidence are numbered provisionally (-1, -2, …) and given ids from their
    // sequences once counted: in order, and never another writer's.
    let (mut events, mut reports) = (0, 0);
    let mut plan = batch::plan(
        pool,
        docs,
        &mut || {
            events -= 1;
            events
        },
        &mut || {
            reports -= 1;
            reports
        },
    );
    let ids = next_ids(conn, "events", plan.new_events() as i64).await?;
    let evidence_ids = next_ids(conn, "evidence", plan.evidence.len() as i64).await?;
    plan.renumber(&ids, &evidence_ids);
    write_plan(conn, &plan).await?;
    Ok(plan.added)
}

/// `n` ids from the sequence of `table`'s id column, in the order handed out.
async fn next_ids(conn: &mut PgConnection, table: &str, n: i64) -> Result<Vec<i64>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let column = match table {
        "events" => "event_id",
        _ => "evidence_id",
    };
    Ok(sqlx::query_scalar(&format!(
        "select nextval(pg_get_serial_sequence('{table}', '{column}')) from generate_series(1, $1)"
    ))
    .bind(n)
    .fetch_all(&mut *conn)
    .await?)
}

async fn write_plan(conn: &mut PgConnection, plan: &Plan<'_>) -> Result<()> {
    for (key, c) in &plan.events {
        upsert_event(conn, key, c).await?;
    }
    insert_evidence(conn, &plan.evidence).await?;
    let touched: FxHashSet<i64> = plan.evidence.iter().map(|e| e.event_id).collect();
    refresh(conn, &touched.into_iter().collect::<Vec<_>>()).await
}

/// The stored events whose period overlaps a window of the batch ([`batch::windows`]).
async fn fetch_candidates(conn: &mut PgConnection, docs: &[DocEvents<'_>]) -> Result<Pool> {
    let windows = batch::windows(docs);
    if windows.is_empty() {
        return Ok(Pool::default());
    }
    let lo: Vec<_> = windows.iter().map(|w| w.1).collect();
    let hi: Vec<_> = windows.iter().map(|w| w.2).collect();
    let rows: Vec<EventRow> = sqlx::query_as(
        "select distinct ev.event_id, ev.participant_key, ev.date_conflict, ev.kind,
                ev.plover, ev.plover_mode, ev.cameo, ev.status, ev.date_value, ev.earliest,
                ev.latest, ev.precision, ev.place_name, ev.place_country, ev.place_lat,
                ev.place_lon, ev.place_wikidata
         from unnest($1::date[], $2::date[]) as w(lo, hi)
         join events ev on ev.period && daterange(w.lo, w.hi, '[]')
         order by ev.event_id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(&mut *conn)
    .await?;
    Pool::of(rows)
}

/// Inserts a new event or rewrites a changed one.
async fn upsert_event(conn: &mut PgConnection, key: &str, c: &Candidate) -> Result<()> {
    let e = &c.event;
    let date = e.date.as_ref();
    let place = e.place.as_ref();
    sqlx::query(
        "insert into events
            (event_id, participant_key, kind, plover, plover_mode, cameo, status, date_value,
             earliest, latest, precision, date_conflict, place_name, place_country, place_lat,
             place_lon, place_wikidata)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         on conflict (event_id) do update set
            kind = excluded.kind, plover = excluded.plover, plover_mode = excluded.plover_mode,
            cameo = excluded.cameo, status = excluded.status,
            date_value = excluded.date_value, earliest = excluded.earliest,
            latest = excluded.latest, precision = excluded.precision,
            date_conflict = excluded.date_conflict, place_name = excluded.place_name,
            place_country = excluded.place_country, place_lat = excluded.place_lat,
            place_lon = excluded.place_lon, place_wikidata = excluded.place_wikidata",
    )
    .bind(c.event_id)
    .bind(key)
    .bind(e.kind.as_str())
    .bind(&e.plover)
    .bind(&e.plover_mode)
    .bind(&e.cameo)
    .bind(codes::status_str(e.status))
    .bind(date.map(|d| d.value.as_str()))
    .bind(date.map(|d| d.earliest))
    .bind(date.map(|d| d.latest))
    .bind(date.map(|d| codes::precision_str(d.precision)))
    .bind(&e.date_conflict)
    .bind(place.map(|p| p.name.as_ref()))
    .bind(place.map(|p| p.country.as_ref()))
    .bind(place.map(|p| p.lat))
    .bind(place.map(|p| p.lon))
    .bind(place.and_then(|p| p.wikidata.as_deref()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Writes evidence rows with their search words, and their participants.
async fn insert_evidence(conn: &mut PgConnection, evidence: &[NewEvidence<'_>]) -> Result<()> {
    for n in evidence {
        let e = n.event;
        let date = e.date.as_ref();
        let place = e.location.as_ref();
        sqlx::query(
            "insert into evidence
                (evidence_id, event_id, document_id, source_key, kind, plover, plover_mode,
                 cameo, status, trigger, trigger_start, trigger_end, sentence, sentence_start,
                 sentence_end, quote, date_start, date_end, claimed_value, claimed_earliest,
                 claimed_latest, claimed_precision, place_name, place_country, place_lat,
                 place_lon, place_wikidata, merge_reason, date_text, search)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                     $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29,
                     array_to_tsvector($30))",
        )
        .bind(n.evidence_id)
        .bind(n.event_id)
        .bind(n.document_id)
        .bind(&n.source_key)
        .bind(e.kind.as_str())
        .bind(&e.plover)
        .bind(&e.plover_mode)
        .bind(&e.cameo)
        .bind(codes::status_str(e.status))
        .bind(&e.trigger)
        .bind(e.start as i64)
        .bind(e.end as i64)
        .bind(&e.sentence)
        .bind(e.sentence_start as i64)
        .bind(e.sentence_end as i64)
        .bind(&n.quote)
        .bind(e.date_start.map(|n| n as i64))
        .bind(e.date_end.map(|n| n as i64))
        .bind(date.map(|d| d.value.as_str()))
        .bind(date.map(|d| d.earliest))
        .bind(date.map(|d| d.latest))
        .bind(date.map(|d| codes::precision_str(d.precision)))
        .bind(place.map(|p| p.name.as_ref()))
        .bind(place.map(|p| p.country.as_ref()))
        .bind(place.map(|p| p.lat))
        .bind(place.map(|p| p.lon))
        .bind(place.and_then(|p| p.wikidata.as_deref()))
        .bind(&n.reason)
        .bind(&n.date_text)
        .bind(lexemes(&fold(&n.quote)))
        .execute(&mut *conn)
        .await?;
    }
    let people: Vec<_> = evidence
        .iter()
        .flat_map(|n| n.event.participants.iter().map(move |p| (n, p)))
        .collect();
    if people.is_empty() {
        return Ok(());
    }
    let events: Vec<i64> = people.iter().map(|(n, _)| n.event_id).collect();
    let evidence_ids: Vec<i64> = people.iter().map(|(n, _)| n.evidence_id).collect();
    let names: Vec<&str> = people.iter().map(|(_, p)| p.name.as_ref()).collect();
    let countries: Vec<&str> = people.iter().map(|(_, p)| p.country.as_ref()).collect();
    let wikidata: Vec<Option<&str>> = people.iter().map(|(_, p)| p.wikidata.as_deref()).collect();
    sqlx::query(
        "insert into participants (event_id, evidence_id, name, country, wikidata)
         select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[])",
    )
    .bind(events)
    .bind(evidence_ids)
    .bind(names)
    .bind(countries)
    .bind(wikidata)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Recounts the distinct documents and sources of events, and gathers their countries.
async fn refresh(conn: &mut PgConnection, event_ids: &[i64]) -> Result<()> {
    if event_ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "update events set
            article_count = (select count(distinct document_id) from evidence e
                             where e.event_id = events.event_id),
            source_count = (select count(distinct source_key) from evidence e
                            where e.event_id = events.event_id),
            countries = coalesce((select array_agg(distinct p.country order by p.country)
                                  from participants p where p.event_id = events.event_id), '{}')
         where event_id = any($1)",
    )
    .bind(event_ids)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Deletes a document's evidence and recomputes the events it was part of from the evidence
/// they have left; events left with none are deleted. Returns how many were.
pub(super) async fn remove_evidence_of(conn: &mut PgConnection, document_id: i64) -> Result<usize> {
    let touched: Vec<(i64, String)> = sqlx::query_as(
        "select event_id, participant_key from events where event_id in
            (select event_id from evidence where document_id = $1)",
    )
    .bind(document_id)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("delete from evidence where document_id = $1")
        .bind(document_id)
        .execute(&mut *conn)
        .await?;
    let ids: Vec<i64> = touched.iter().map(|t| t.0).collect();
    let rows: Vec<EvidenceReportRow> = sqlx::query_as(
        "select event_id, kind, plover, plover_mode, cameo, status,
                claimed_value as date_value, claimed_earliest as earliest,
                claimed_latest as latest, claimed_precision as precision,
                place_name, place_country, place_lat, place_lon, place_wikidata
         from evidence where event_id = any($1) order by evidence_id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    let recomputed = batch::recompute(&touched, rows)?;
    for (key, candidate) in &recomputed {
        upsert_event(conn, key, candidate).await?;
    }
    let kept: Vec<i64> = recomputed.iter().map(|(_, c)| c.event_id).collect();
    let removed = sqlx::query(
        "delete from events where event_id = any($1)
            and not exists (select 1 from evidence e where e.event_id = events.event_id)",
    )
    .bind(&ids)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    refresh(conn, &kept).await?;
    Ok(removed as usize)
}
