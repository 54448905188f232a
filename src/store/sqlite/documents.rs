//! Documents on SQLite: stored with their timexes and their events' evidence in one
//! transaction, under the process's turn to write and SQLite's write lock.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use tracing::instrument;

use super::super::batch::DocEvents;
use super::super::documents::{
    Extracted, Outcome, StoredDocument, content_hash, count_added, search_words,
};
use super::events::{self, MAX_PARAMS};
use super::{Db, EXTRACTOR_VERSION, Result, codes};
use crate::extract::Timex;
use crate::extract::events::Event;
use crate::extract::normalize::fold;

impl Db {
    /// The documents with these content hashes that are stored, by hash.
    #[instrument(skip_all, fields(hashes = hashes.len()))]
    pub(crate) async fn stored_hashes(&self, hashes: &[String]) -> Result<FxHashMap<String, i64>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "select content_hash, document_id from documents
             where content_hash in (select value from json_each(?))",
        )
        .bind(serde_json::to_string(hashes).expect("strings serialise"))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }

    /// Which of these URLs a stored document has (a watched feed's items are known by their
    /// link, whatever became of their text).
    #[instrument(skip_all, fields(urls = urls.len()))]
    pub(crate) async fn stored_urls(&self, urls: &[&str]) -> Result<FxHashSet<String>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "select distinct url from documents
             where url in (select value from json_each(?))",
        )
        .bind(serde_json::to_string(urls).expect("strings serialise"))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().collect())
    }

    /// Stores documents, in order, each with its timexes and events, all in one transaction:
    /// after a crash either all of them are stored, complete, or none of them is. Texts
    /// already stored (or repeated in the batch) are left alone and reported as not new.
    ///
    /// One transaction for many documents is what makes ingest fast: SQLite, and FTS5 above
    /// all, pay for every commit.
    #[instrument(skip_all, fields(documents = batch.len()))]
    pub(crate) async fn add_documents(&self, batch: &[Extracted<'_>]) -> Result<Vec<Outcome>> {
        let hashes: Vec<String> = batch.iter().map(|b| content_hash(b.doc.text)).collect();
        // IMMEDIATE takes the write lock up front: reading and then writing in a deferred
        // transaction could fail with "database is locked" beside another writer. Holding it
        // also makes max(document_id) + 1 a free id.
        let mut tx = self.pool.begin_with("begin immediate").await?;
        let mut known: FxHashMap<String, i64> = sqlx::query_as(
            "select content_hash, document_id from documents
             where content_hash in (select value from json_each(?))",
        )
        .bind(serde_json::to_string(&hashes).expect("strings serialise"))
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .collect();
        let mut last_id: i64 =
            sqlx::query_scalar("select coalesce(max(document_id), 0) from documents")
                .fetch_one(&mut *tx)
                .await?;
        let mut outcomes = Vec::with_capacity(batch.len());
        let mut fresh = Vec::new();
        for (at, (b, hash)) in batch.iter().zip(&hashes).enumerate() {
            let new = !known.contains_key(hash);
            if new {
                last_id += 1;
                known.insert(hash.clone(), last_id);
                fresh.push((last_id, hash.as_str(), b, at));
            }
            outcomes.push(Outcome {
                document_id: known[hash],
                new,
                ..Outcome::default()
            });
        }
        if fresh.is_empty() {
            return Ok(outcomes);
        }
        insert_documents(&mut tx, &fresh).await?;
        let timexes: Vec<(i64, &Timex)> = fresh
            .iter()
            .flat_map(|(id, _, b, _)| b.timexes.iter().map(move |t| (*id, t)))
            .collect();
        insert_timexes(&mut tx, &timexes).await?;
        let events: Vec<DocEvents> = fresh
            .iter()
            .map(|(id, _, b, _)| DocEvents::of(*id, b))
            .collect();
        let added = events::add_events(&mut tx, &events).await?;
        super::version::bump(&mut tx).await?;
        tx.commit().await?;
        count_added(&mut outcomes, fresh.iter().map(|(_, _, _, at)| *at), added);
        Ok(outcomes)
    }

    /// Replaces what was extracted from a stored document (its timexes and evidence) with a
    /// new extraction, in one transaction: the events it reported are recomputed from their
    /// remaining evidence (or deleted when none is left) before the new events are merged.
    #[instrument(skip_all, fields(document_id = document_id))]
    pub(crate) async fn replace_extraction(
        &self,
        document_id: i64,
        timexes: &[Timex],
        events: &[Event],
    ) -> Result<Outcome> {
        let mut tx = self.pool.begin_with("begin immediate").await?;
        sqlx::query("delete from timexes where document_id = ?")
            .bind(document_id)
            .execute(&mut *tx)
            .await?;
        let removed = events::remove_evidence_of(&mut tx, document_id).await?;
        let rows: Vec<(i64, &Timex)> = timexes.iter().map(|t| (document_id, t)).collect();
        insert_timexes(&mut tx, &rows).await?;
        let (source, text): (Option<String>, String) =
            sqlx::query_as("select source, text from documents where document_id = ?")
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
            "update documents
             set extractor_version = ?, ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             where document_id = ?",
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
        let n = sqlx::query_scalar("select count(*) from documents")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    /// Documents extracted by an older extractor than this one, oldest first.
    #[instrument(skip_all)]
    pub(crate) async fn stale_document_ids(&self) -> Result<Vec<i64>> {
        let ids = sqlx::query_scalar(
            "select document_id from documents where extractor_version < ? order by document_id",
        )
        .bind(EXTRACTOR_VERSION)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }

    #[instrument(skip_all)]
    pub(crate) async fn document(&self, document_id: i64) -> Result<Option<StoredDocument>> {
        let doc = sqlx::query_as(
            "select document_id, text, published_at from documents where document_id = ?",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(doc)
    }

    /// Documents whose title or text contains every word of `query`, best match first. Both
    /// sides are folded, so أبريل finds ابريل.
    #[instrument(skip_all)]
    pub(crate) async fn search_documents(&self, query: &str, limit: i64) -> Result<Vec<i64>> {
        let Some(expr) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let ids = sqlx::query_scalar(
            "select rowid from documents_fts where documents_fts match ? order by rank limit ?",
        )
        .bind(expr)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }
}

/// The words of a user's query as FTS5 strings (so that quotes, `-` or `OR` in it are text,
/// not syntax), all required. `None` when it has no words.
pub(crate) fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = search_words(query)
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A new document: its id, content hash, what was extracted, and its place in the batch.
type Fresh<'a, 'b> = (i64, &'a str, &'a Extracted<'b>, usize);

async fn insert_documents(conn: &mut SqliteConnection, fresh: &[Fresh<'_, '_>]) -> Result<()> {
    for chunk in fresh.chunks(MAX_PARAMS / 8) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "insert into documents
                (document_id, text, url, title, source, published_at, content_hash,
                 extractor_version, ingested_at) ",
        );
        q.push_values(chunk, |mut row, (id, hash, b, _)| {
            row.push_bind(*id)
                .push_bind(b.doc.text)
                .push_bind(b.doc.url)
                .push_bind(b.doc.title)
                .push_bind(b.doc.source)
                .push_bind(b.doc.published_at)
                .push_bind(*hash)
                .push_bind(EXTRACTOR_VERSION)
                .push_unseparated(", strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
        });
        q.build().execute(&mut *conn).await?;
    }
    for chunk in fresh.chunks(MAX_PARAMS / 3) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into documents_fts (rowid, title, text) ");
        q.push_values(chunk, |mut row, (id, _, b, _)| {
            row.push_bind(*id)
                .push_bind(b.doc.title.map(fold))
                .push_bind(fold(b.doc.text));
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

async fn insert_timexes(conn: &mut SqliteConnection, timexes: &[(i64, &Timex)]) -> Result<()> {
    #[derive(Serialize)]
    struct Row<'a> {
        document_id: i64,
        text: &'a str,
        start: usize,
        end: usize,
        r#type: &'static str,
        value: &'a str,
        r#mod: Option<&'static str>,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
        rule: &'static str,
    }
    if timexes.is_empty() {
        return Ok(());
    }
    let rows: Vec<Row> = timexes
        .iter()
        .map(|(document_id, t)| Row {
            document_id: *document_id,
            text: &t.text,
            start: t.start,
            end: t.end,
            r#type: codes::timex_type_str(t.kind),
            value: &t.value,
            r#mod: t.modifier.map(codes::timex_mod_str),
            earliest: t.earliest,
            latest: t.latest,
            rule: t.rule,
        })
        .collect();
    sqlx::query(
        "insert into timexes
            (document_id, text, span_start, span_end, type, value, mod, earliest, latest, rule)
         select value ->> 'document_id', value ->> 'text', value ->> 'start', value ->> 'end',
                value ->> 'type', value ->> 'value', value ->> 'mod', value ->> 'earliest',
                value ->> 'latest', value ->> 'rule'
         from json_each(?)",
    )
    .bind(serde_json::to_string(&rows).expect("rows serialise"))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_folded_and_quoted() {
        assert_eq!(fts_query("أبريل").as_deref(), Some("\"ابريل\""));
        assert_eq!(
            fts_query("بوتين OR \"شي\"").as_deref(),
            Some("\"بوتين\" \"OR\" \"شي\"")
        );
        assert_eq!(fts_query(" - "), None);
    }
}
