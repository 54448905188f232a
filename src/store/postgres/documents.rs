//! Documents on PostgreSQL: stored with their timexes and the evidence of their events in one
//! transaction, as on SQLite, but beside other writers: a text two replicas store at once is
//! stored once (the unique content hash), and their reports of one happening end in one event
//! (the merge's advisory locks, [`super::events`]).

use rustc_hash::{FxHashMap, FxHashSet};
use sqlx::PgConnection;
use tracing::instrument;

use super::super::batch::DocEvents;
use super::super::documents::{Extracted, Outcome, StoredDocument, content_hash, count_added};
use super::super::{EXTRACTOR_VERSION, Result, codes};
use super::{Db, WRITE_ATTEMPTS, events, lexemes, retryable, tsquery};
use crate::extract::Timex;
use crate::extract::events::Event;
use crate::extract::normalize::fold;

impl Db {
    #[instrument(skip_all, fields(hashes = hashes.len()))]
    pub(crate) async fn stored_hashes(&self, hashes: &[String]) -> Result<FxHashMap<String, i64>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "select content_hash, document_id from documents where content_hash = any($1)",
        )
        .bind(hashes)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }

    #[instrument(skip_all, fields(urls = urls.len()))]
    pub(crate) async fn stored_urls(&self, urls: &[&str]) -> Result<FxHashSet<String>> {
        let rows: Vec<String> =
            sqlx::query_scalar("select distinct url from documents where url = any($1)")
                .bind(urls)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().collect())
    }

    /// See [`super::super::Store::add_documents`]; run again when it meets another writer
    /// in a deadlock.
    #[instrument(skip_all, fields(documents = batch.len()))]
    pub(crate) async fn add_documents(&self, batch: &[Extracted<'_>]) -> Result<Vec<Outcome>> {
        let mut attempt = 1;
        loop {
            match self.try_add_documents(batch).await {
                Err(e) if retryable(&e) && attempt < WRITE_ATTEMPTS => attempt += 1,
                done => return done,
            }
        }
    }

    async fn try_add_documents(&self, batch: &[Extracted<'_>]) -> Result<Vec<Outcome>> {
        let mut tx = self.pool.begin().await?;
        // The merge's locks first, before any row is written: writers that share a key take
        // turns, and none holds a row another waits for while it waits for a lock.
        let reports: Vec<&Event> = batch.iter().flat_map(|b| b.events.iter()).collect();
        events::lock_keys(&mut tx, &reports, &[]).await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        let mut fresh = Vec::new();
        for b in batch {
            let hash = content_hash(b.doc.text);
            let mut words = lexemes(b.doc.title.unwrap_or_default());
            words.extend(lexemes(&fold(b.doc.text)));
            words.sort();
            words.dedup();
            let inserted: Option<i64> = sqlx::query_scalar(
                "insert into documents
                    (text, url, title, source, published_at, content_hash, extractor_version,
                     search)
                 values ($1, $2, $3, $4, $5, $6, $7, array_to_tsvector($8))
                 on conflict (content_hash) do nothing
                 returning document_id",
            )
            .bind(b.doc.text)
            .bind(b.doc.url)
            .bind(b.doc.title)
            .bind(b.doc.source)
            .bind(b.doc.published_at)
            .bind(&hash)
            .bind(EXTRACTOR_VERSION)
            .bind(&words)
            .fetch_optional(&mut *tx)
            .await?;
            let (document_id, new) = match inserted {
                Some(id) => (id, true),
                None => {
                    let id = sqlx::query_scalar(
                        "select document_id from documents where content_hash = $1",
                    )
                    .bind(&hash)
                    .fetch_one(&mut *tx)
                    .await?;
                    (id, false)
                }
            };
            if new {
                insert_timexes(&mut tx, document_id, b.timexes).await?;
                fresh.push((outcomes.len(), document_id, b));
            }
            outcomes.push(Outcome {
                document_id,
                new,
                ..Outcome::default()
            });
        }
        if fresh.is_empty() {
            return Ok(outcomes);
        }
        let docs: Vec<DocEvents> = fresh
            .iter()
            .map(|(_, id, b)| DocEvents::of(*id, b))
            .collect();
        let added = events::add_events(&mut tx, &docs).await?;
        super::version::bump(&mut tx).await?;
        tx.commit().await?;
        count_added(&mut outcomes, fresh.iter().map(|(at, _, _)| *at), added);
        Ok(outcomes)
    }

    /// See [`super::super::Store::replace_extraction`].
    #[instrument(skip_all, fields(document_id = document_id))]
    pub(crate) async fn replace_extraction(
        &self,
        document_id: i64,
        timexes: &[Timex],
        events: &[Event],
    ) -> Result<Outcome> {
        let mut attempt = 1;
        loop {
            match self
                .try_replace_extraction(document_id, timexes, events)
                .await
            {
                Err(e) if retryable(&e) && attempt < WRITE_ATTEMPTS => attempt += 1,
                done => return done,
            }
        }
    }

    async fn try_replace_extraction(
        &self,
        document_id: i64,
        timexes: &[Timex],
        events: &[Event],
    ) -> Result<Outcome> {
        let mut tx = self.pool.begin().await?;
        // The events the old extraction reported are recomputed: lock their keys too.
        let keys: Vec<String> = sqlx::query_scalar(
            "select distinct ev.participant_key from events ev
             where ev.event_id in (select event_id from evidence where document_id = $1)",
        )
        .bind(document_id)
        .fetch_all(&mut *tx)
        .await?;
        let refs: Vec<&Event> = events.iter().collect();
        events::lock_keys(&mut tx, &refs, &keys).await?;
        sqlx::query("delete from timexes where document_id = $1")
            .bind(document_id)
            .execute(&mut *tx)
            .await?;
        let removed = events::remove_evidence_of(&mut tx, document_id).await?;
        insert_timexes(&mut tx, document_id, timexes).await?;
        let (source, text): (Option<String>, String) =
            sqlx::query_as("select source, text from documents where document_id = $1")
                .bind(document_id)
                .fetch_one(&mut *tx)
                .await?;
        let doc = DocEvents {
            document_id,
            source: source.as_deref(),
            text: &text,
            events,
        };
        let added = events::add_events(&mut tx, &[doc]).await?;
        sqlx::query(
            "update documents set extractor_version = $1, ingested_at = now()
             where document_id = $2",
        )
        .bind(EXTRACTOR_VERSION)
        .bind(document_id)
        .execute(&mut *tx)
        .await?;
        super::version::bump(&mut tx).await?;
        tx.commit().await?;
        Ok(Outcome::replaced(document_id, added[0], removed))
    }

    #[instrument(skip_all)]
    pub(crate) async fn document_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("select count(*) from documents")
            .fetch_one(&self.pool)
            .await?)
    }

    #[instrument(skip_all)]
    pub(crate) async fn stale_document_ids(&self) -> Result<Vec<i64>> {
        Ok(sqlx::query_scalar(
            "select document_id from documents where extractor_version < $1 order by document_id",
        )
        .bind(EXTRACTOR_VERSION)
        .fetch_all(&self.pool)
        .await?)
    }

    #[instrument(skip_all)]
    pub(crate) async fn document(&self, document_id: i64) -> Result<Option<StoredDocument>> {
        Ok(sqlx::query_as(
            "select document_id, text, published_at from documents where document_id = $1",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Documents whose title or text has every word of `query`, by id: the lexemes carry no
    /// positions or counts to rank by (SQLite ranks by bm25).
    #[instrument(skip_all)]
    pub(crate) async fn search_documents(&self, query: &str, limit: i64) -> Result<Vec<i64>> {
        let Some(q) = tsquery(query) else {
            return Ok(Vec::new());
        };
        Ok(sqlx::query_scalar(
            "select document_id from documents where search @@ $1::tsquery
             order by document_id limit $2",
        )
        .bind(q)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

async fn insert_timexes(
    conn: &mut PgConnection,
    document_id: i64,
    timexes: &[Timex],
) -> Result<()> {
    if timexes.is_empty() {
        return Ok(());
    }
    let texts: Vec<&str> = timexes.iter().map(|t| t.text.as_str()).collect();
    let starts: Vec<i64> = timexes.iter().map(|t| t.start as i64).collect();
    let ends: Vec<i64> = timexes.iter().map(|t| t.end as i64).collect();
    let types: Vec<&str> = timexes
        .iter()
        .map(|t| codes::timex_type_str(t.kind))
        .collect();
    let values: Vec<&str> = timexes.iter().map(|t| t.value.as_str()).collect();
    let mods: Vec<Option<&str>> = timexes
        .iter()
        .map(|t| t.modifier.map(codes::timex_mod_str))
        .collect();
    let earliest: Vec<Option<chrono::NaiveDate>> = timexes.iter().map(|t| t.earliest).collect();
    let latest: Vec<Option<chrono::NaiveDate>> = timexes.iter().map(|t| t.latest).collect();
    let rules: Vec<&str> = timexes.iter().map(|t| t.rule).collect();
    sqlx::query(
        "insert into timexes
            (document_id, text, span_start, span_end, type, value, mod, earliest, latest, rule)
         select $1, * from unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[],
                                  $7::text[], $8::date[], $9::date[], $10::text[])",
    )
    .bind(document_id)
    .bind(texts)
    .bind(starts)
    .bind(ends)
    .bind(types)
    .bind(values)
    .bind(mods)
    .bind(earliest)
    .bind(latest)
    .bind(rules)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
