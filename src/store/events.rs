//! Events on the write side. The events extracted from a batch of documents are merged in
//! memory ([`merge::decide`] against the stored events near each report, fetched in one query,
//! and the events the batch itself creates) and written with a handful of statements whatever
//! the number of documents and events. An event's columns always equal the fold of its
//! evidence in `evidence_id` order ([`Aggregate`]).

use chrono::{Days, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use tracing::instrument;

use super::evidence::{NewEvidence, insert_evidence, quote, span_texts};
use super::merge::{self, Aggregate, Candidate, Decision, Report};
use super::rows::{EventRow, EvidenceReportRow, ReportRow};
use super::{MAX_REPORTS_PER_DOCUMENT, Result, codes};
use crate::extract::events::{Event, EventDate};

/// How many reports of a document started an event and how many joined one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Added {
    pub created: usize,
    pub merged: usize,
}

/// Width classes looked up for merge candidates: 2^20 days is beyond any TimeML value.
const WIDTH_CLASSES: u32 = 21;

/// SQLite's limit on bound parameters in one statement.
pub(super) const MAX_PARAMS: usize = 32_766;

/// The events extracted from one stored document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocEvents<'a> {
    pub document_id: i64,
    pub source: Option<&'a str>,
    /// The document's text: the spans of the events point into it.
    pub text: &'a str,
    pub events: &'a [Event],
}

/// How many events either side of a report in its document may tell its day apart.
const TOLD_APART_REACH: usize = 60;

/// Merges the events of documents (already inserted, in this order) into the stored events
/// and writes their evidence. Returns, per document, how many events it created and merged.
/// A document's reports of one event past [`MAX_REPORTS_PER_DOCUMENT`] are dropped.
#[instrument(skip_all, fields(documents = docs.len()))]
pub(crate) async fn add_events(
    conn: &mut SqliteConnection,
    docs: &[DocEvents<'_>],
) -> Result<Vec<Added>> {
    let mut pool = Pool::fetch(conn, docs).await?;
    // Ids are handed out here, under the write lock the transaction holds, so that the batch
    // goes in with a few multi-row statements. Event ids are never reused (autoincrement).
    let (mut last_event, mut last_evidence): (i64, i64) = sqlx::query_as(
        "select max((select coalesce(max(event_id), 0) from events),
                    (select coalesce(max(seq), 0) from sqlite_sequence where name = 'events')),
                (select coalesce(max(evidence_id), 0) from evidence)",
    )
    .fetch_one(&mut *conn)
    .await?;
    let mut evidence = Vec::new();
    let mut added = vec![Added::default(); docs.len()];
    for (doc, added) in docs.iter().zip(&mut added) {
        let source_key = match doc.source {
            Some(s) => s.to_owned(),
            None => format!("document {}", doc.document_id),
        };
        let date_spans: Vec<Option<(usize, usize)>> = doc
            .events
            .iter()
            .map(|e| e.date_start.zip(e.date_end))
            .collect();
        let date_texts = span_texts(doc.text, &date_spans);
        // Reports of this document per event: capped.
        let mut reports: FxHashMap<i64, usize> = FxHashMap::default();
        let sides: Vec<Vec<String>> = doc
            .events
            .iter()
            .map(|e| merge::countries(&e.participants))
            .collect();
        for (n, (e, date_text)) in doc.events.iter().zip(date_texts).enumerate() {
            let report = Report::from(e);
            let countries = sides[n].clone();
            // Candidates come from every participant set the report is compatible with.
            let candidates: Vec<Candidate> = pool
                .by_key
                .values()
                .flatten()
                .filter(|c| merge::sides_related(&countries, &c.countries))
                .cloned()
                .collect();
            // The other days this document gives the same sides, among its neighbouring
            // events (a bounded look keeps a document of thousands of events linear).
            let near =
                n.saturating_sub(TOLD_APART_REACH)..(n + TOLD_APART_REACH + 1).min(sides.len());
            let told_apart: Vec<&EventDate> = near
                .filter(|&o| o != n)
                .filter(|&o| {
                    merge::sides_compatible(report.kind, doc.events[o].kind, &countries, &sides[o])
                })
                .filter_map(|o| doc.events[o].date.as_ref())
                .collect();
            let (event_id, reason) =
                match merge::decide(&report, &countries, &candidates, &told_apart) {
                    Decision::Join { event_id, reason } => {
                        if reports.get(&event_id).copied().unwrap_or(0) >= MAX_REPORTS_PER_DOCUMENT
                        {
                            continue;
                        }
                        let Some(c) = pool
                            .by_key
                            .values_mut()
                            .flatten()
                            .find(|c| c.event_id == event_id)
                        else {
                            unreachable!("decide joins one of the candidates");
                        };
                        let before = c.event.clone();
                        c.event.absorb(&report);
                        if c.event != before {
                            pool.changed.insert(event_id);
                        }
                        added.merged += 1;
                        (event_id, reason)
                    }
                    Decision::New { reason } => {
                        last_event += 1;
                        let key = merge::participant_key(&countries);
                        pool.by_key.entry(key).or_default().push(Candidate {
                            event_id: last_event,
                            countries,
                            event: Aggregate::new(&report),
                        });
                        pool.changed.insert(last_event);
                        added.created += 1;
                        (last_event, reason)
                    }
                };
            *reports.entry(event_id).or_default() += 1;
            last_evidence += 1;
            evidence.push(NewEvidence {
                evidence_id: last_evidence,
                event_id,
                document_id: doc.document_id,
                source_key: source_key.clone(),
                quote: quote(&e.sentence, e.start.saturating_sub(e.sentence_start)),
                date_text: date_text.map(str::to_owned),
                event: e,
                reason,
            });
        }
    }
    upsert_events(conn, &pool.changed_events()).await?;
    insert_evidence(conn, &evidence).await?;
    let touched: FxHashSet<i64> = evidence.iter().map(|e| e.event_id).collect();
    refresh_counts(conn, &touched.into_iter().collect::<Vec<_>>()).await?;
    Ok(added)
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
    let rows: Vec<(i64, ReportRow)> = sqlx::query_as::<_, EvidenceReportRow>(
        "select event_id, kind, plover, plover_mode, cameo, status,
                claimed_value as date_value, claimed_earliest as earliest,
                claimed_latest as latest, claimed_precision as precision,
                place_name, place_country, place_lat, place_lon, place_wikidata
         from evidence where event_id in (select value from json_each(?))
         order by evidence_id",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| (r.event_id, r.report))
    .collect();
    let mut folded: FxHashMap<i64, Aggregate> = FxHashMap::default();
    for (event_id, row) in rows {
        let report = row.into_report()?;
        folded
            .entry(event_id)
            .and_modify(|e| e.absorb(&report))
            .or_insert_with(|| Aggregate::new(&report));
    }
    let mut recomputed = Vec::new();
    for (event_id, key) in &touched {
        if let Some(event) = folded.remove(event_id) {
            let countries = key.split('+').map(str::to_owned).collect();
            recomputed.push((
                key.as_str(),
                Candidate {
                    event_id: *event_id,
                    countries,
                    event,
                },
            ));
        }
    }
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

/// The events a batch may join, by participant key: the stored ones near its reports, then
/// the ones it creates.
struct Pool {
    by_key: FxHashMap<String, Vec<Candidate>>,
    /// Events created or changed by the batch: to be written.
    changed: FxHashSet<i64>,
}

impl Pool {
    /// The stored events with the participants of a report whose dates overlap it or start
    /// within a conflict's reach of it: one narrow range scan per report and width class
    /// (see the migration), all in one query.
    async fn fetch(conn: &mut SqliteConnection, docs: &[DocEvents<'_>]) -> Result<Pool> {
        let reach = Days::new(merge::CONFLICT_DAYS as u64);
        let mut windows: Vec<(String, NaiveDate, NaiveDate)> = docs
            .iter()
            .flat_map(|d| d.events.iter())
            .filter(|e| !e.participants.is_empty())
            .filter_map(|e| {
                let d = e.date.as_ref()?;
                let key = merge::participant_key(&merge::countries(&e.participants));
                let lo = d.earliest.checked_sub_days(reach).unwrap_or(d.earliest);
                let hi = d.latest.checked_add_days(reach).unwrap_or(d.latest);
                Some((key, lo, hi))
            })
            .collect();
        let mut pool = Pool {
            by_key: FxHashMap::default(),
            changed: FxHashSet::default(),
        };
        if windows.is_empty() {
            return Ok(pool);
        }
        // Overlapping windows of one key read the same events: look each range up once.
        windows.sort();
        windows.dedup_by(|next, kept| {
            let joins = next.0 == kept.0 && next.1 <= kept.2;
            if joins {
                kept.2 = kept.2.max(next.2);
            }
            joins
        });
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
        for row in rows {
            let countries = row.participant_key.split('+').map(str::to_owned).collect();
            let event = row.report.into_aggregate(row.date_conflict)?;
            pool.by_key
                .entry(row.participant_key)
                .or_default()
                .push(Candidate {
                    event_id: row.event_id,
                    countries,
                    event,
                });
        }
        Ok(pool)
    }

    /// The events to write, with their participant keys, in id order.
    fn changed_events(&self) -> Vec<(&str, &Candidate)> {
        let mut out: Vec<(&str, &Candidate)> = self
            .by_key
            .iter()
            .flat_map(|(key, list)| list.iter().map(move |c| (key.as_str(), c)))
            .filter(|(_, c)| self.changed.contains(&c.event_id))
            .collect();
        out.sort_by_key(|(_, c)| c.event_id);
        out
    }
}

/// ceil(log2(days covered)).
fn width_class(date: &EventDate) -> i64 {
    let days = (date.latest - date.earliest).num_days().max(0) as u64 + 1;
    i64::from(days.next_power_of_two().trailing_zeros())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_classes() {
        let d = |a: &str, b: &str| EventDate {
            value: String::new(),
            earliest: a.parse().unwrap(),
            latest: b.parse().unwrap(),
            precision: crate::extract::events::Precision::Day,
        };
        for (a, b, k) in [
            ("2018-06-08", "2018-06-08", 0),
            ("2018-06-08", "2018-06-09", 1),
            ("2018-06-04", "2018-06-10", 3),
            ("2018-06-01", "2018-06-30", 5),
            ("2018-01-01", "2018-12-31", 9),
            ("2001-01-01", "2100-12-31", 16),
        ] {
            let date = d(a, b);
            assert_eq!(width_class(&date), k, "{a}..{b}");
            let days = (date.latest - date.earliest).num_days() + 1;
            assert!(days <= 1 << k);
        }
    }
}
