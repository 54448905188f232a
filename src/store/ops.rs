//! The operations of a [`Store`]: each is its backend's, behind the one signature. Writes take
//! the process's turn to write first ([`Store::write_permit`]).

use rustc_hash::{FxHashMap, FxHashSet};

use super::detail::{DocumentDetail, EventDetail, EvidencePage};
use super::documents::{Extracted, NewDocument, Outcome, StoredDocument};
use super::histogram::{Counts, GroupBy, Interval};
use super::timeline::Evidence;
use super::{
    Backend, CheckReport, Filter, Key, Order, Result, Store, StoreError, Tally, TimelineEntry,
    UndatedEntry,
};
use crate::extract::Timex;
use crate::extract::events::{Event, EventKind};

/// `on!(self, db => db.op(…))`: the operation on whichever backend the store has.
macro_rules! on {
    ($store:expr, $db:ident => $call:expr) => {
        match &$store.backend {
            Backend::Sqlite($db) => $call,
            Backend::Postgres($db) => $call,
        }
    };
}

impl Store {
    /// The documents with these content hashes that are stored, by hash.
    pub async fn stored_hashes(&self, hashes: &[String]) -> Result<FxHashMap<String, i64>> {
        on!(self, db => db.stored_hashes(hashes).await)
    }

    /// Which of these URLs a stored document has (a watched feed's items are known by their
    /// link, whatever became of their text).
    pub async fn stored_urls(&self, urls: &[&str]) -> Result<FxHashSet<String>> {
        on!(self, db => db.stored_urls(urls).await)
    }

    /// The document with this content hash, if stored.
    pub async fn document_id_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self.stored_hashes(&[hash.to_owned()]).await?.remove(hash))
    }

    /// Stores one document with its timexes and events in one transaction, merging each event
    /// into the stored ones (see [`super::merge`]). A text already stored changes nothing.
    pub async fn add_document(
        &self,
        doc: &NewDocument<'_>,
        timexes: &[Timex],
        events: &[Event],
    ) -> Result<Outcome> {
        let one = Extracted {
            doc: *doc,
            timexes,
            events,
        };
        let outcomes = self.add_documents(&[one]).await?;
        Ok(outcomes[0])
    }

    /// Stores documents, in order, each with its timexes and events, all in one transaction:
    /// after a crash either all of them are stored, complete, or none of them is. Texts
    /// already stored (or repeated in the batch) are left alone and reported as not new.
    ///
    /// One transaction for many documents is what makes ingest fast: SQLite, and FTS5 above
    /// all, pay for every commit.
    pub async fn add_documents(&self, batch: &[Extracted<'_>]) -> Result<Vec<Outcome>> {
        let _turn = self.write_permit().await?;
        on!(self, db => db.add_documents(batch).await)
    }

    /// Replaces what was extracted from a stored document (its timexes and evidence) with a
    /// new extraction, in one transaction: the events it reported are recomputed from their
    /// remaining evidence (or deleted when none is left) before the new events are merged.
    pub async fn replace_extraction(
        &self,
        document_id: i64,
        timexes: &[Timex],
        events: &[Event],
    ) -> Result<Outcome> {
        let _turn = self.write_permit().await?;
        on!(self, db => db.replace_extraction(document_id, timexes, events).await)
    }

    pub async fn document_count(&self) -> Result<i64> {
        on!(self, db => db.document_count().await)
    }

    /// Documents extracted by an older extractor than this one, oldest first.
    pub async fn stale_document_ids(&self) -> Result<Vec<i64>> {
        on!(self, db => db.stale_document_ids().await)
    }

    pub async fn document(&self, document_id: i64) -> Result<Option<StoredDocument>> {
        on!(self, db => db.document(document_id).await)
    }

    /// Documents whose title or text contains every word of `query`, best match first. Both
    /// sides are folded, so أبريل finds ابريل.
    pub async fn search_documents(&self, query: &str, limit: i64) -> Result<Vec<i64>> {
        on!(self, db => db.search_documents(query, limit).await)
    }

    /// Up to `limit` events matching `filter` in `order`, starting after `after`, each with
    /// its participants and all its evidence.
    pub async fn feed(
        &self,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
    ) -> Result<Vec<TimelineEntry>> {
        self.feed_with(filter, order, after, limit, Evidence::All)
            .await
    }

    /// [`Store::feed`] with the reports `evidence` asks for.
    pub async fn feed_with(
        &self,
        filter: &Filter,
        order: Order,
        after: Option<Key>,
        limit: i64,
        evidence: Evidence,
    ) -> Result<Vec<TimelineEntry>> {
        on!(self, db => db.feed_with(filter, order, after, limit, evidence).await)
    }

    /// Dated events with every one of `countries` among their participants (ISO 3166 alpha-3)
    /// and of one of `kinds`, in timeline order (see [`super::feed`]). An empty list does not
    /// filter. Undated events have no place on a timeline and are left out.
    pub async fn events_with_countries(
        &self,
        countries: &[&str],
        kinds: &[EventKind],
    ) -> Result<Vec<TimelineEntry>> {
        let filter = Filter {
            countries: countries.iter().map(|c| c.to_string()).collect(),
            kinds: kinds.to_vec(),
            ..Filter::default()
        };
        self.feed(&filter, Order::Asc, None, i64::MAX).await
    }

    /// Up to `limit` undated events matching `filter` (its period aside: they have none),
    /// by event id, after the event `after`, with the reports `evidence` asks for.
    pub async fn undated(
        &self,
        filter: &Filter,
        after: Option<i64>,
        limit: i64,
        evidence: Evidence,
    ) -> Result<Vec<UndatedEntry>> {
        on!(self, db => db.undated(filter, after, limit, evidence).await)
    }

    /// How many undated events match `filter` (its period aside).
    pub async fn undated_count(&self, filter: &Filter) -> Result<i64> {
        on!(self, db => db.undated_count(filter).await)
    }

    /// The event `event_id` with one page of its evidence, or `None` when there is none such
    /// (or it is undated, and so on no timeline). Every column read is stored with the
    /// evidence (the quote, the date's text), so a page costs the same whatever the size of
    /// the documents or the number of reports.
    pub async fn event_detail(
        &self,
        event_id: i64,
        page: EvidencePage,
    ) -> Result<Option<EventDetail>> {
        on!(self, db => db.event_detail(event_id, page).await)
    }

    /// The document `document_id` with its temporal expressions and event reports, in text
    /// order.
    pub async fn document_detail(&self, document_id: i64) -> Result<Option<DocumentDetail>> {
        on!(self, db => db.document_detail(document_id).await)
    }

    /// Counts the events matching `filter` per `interval` and `group_by`.
    pub async fn histogram(
        &self,
        filter: &Filter,
        interval: Interval,
        group_by: GroupBy,
    ) -> Result<Counts> {
        on!(self, db => db.histogram(filter, interval, group_by).await)
    }

    /// Reads the tally of every dated event.
    pub async fn tally(&self) -> Result<Tally> {
        on!(self, db => db.tally().await)
    }

    /// Runs every check of the database and reports each problem in words.
    pub async fn check(&self) -> Result<CheckReport> {
        on!(self, db => db.check().await)
    }

    /// The version of the data in the database: every write transaction, by any process,
    /// adds one.
    pub async fn data_version(&self) -> Result<i64> {
        on!(self, db => db.data_version().await)
    }

    /// The data version as it changes, writes by other processes and replicas included:
    /// noticed within a second (SQLite: read every 250 ms; PostgreSQL: LISTEN/NOTIFY, and a
    /// read every second). Followed by a task of its own until the store closes or the
    /// receiver is dropped.
    pub async fn follow_versions(&self) -> Result<tokio::sync::watch::Receiver<i64>> {
        let (tx, rx) = tokio::sync::watch::channel(self.data_version().await?);
        let store = self.clone();
        tokio::spawn(async move { on!(store, db => db.follow_versions(tx).await) });
        Ok(rx)
    }

    /// A page of `table` to copy (see [`super::copy`]): SQLite's rows can be read so.
    pub(crate) async fn copy_page(&self, table: &str, after: i64) -> Result<super::copy::Page> {
        match &self.backend {
            Backend::Sqlite(db) => db.copy_page(table, after).await,
            Backend::Postgres(_) => Err(StoreError::Unsupported {
                backend: "PostgreSQL",
                operation: "reading a store to copy (tarikh migrate --from)",
            }),
        }
    }

    /// Writes a copied page: PostgreSQL takes them.
    pub(crate) async fn write_page(&self, page: super::copy::Page) -> Result<()> {
        match &self.backend {
            Backend::Postgres(db) => db.write_page(page).await,
            Backend::Sqlite(_) => Err(StoreError::Unsupported {
                backend: "SQLite",
                operation: "writing a copied store (tarikh migrate --to)",
            }),
        }
    }

    pub(crate) async fn finish_copy(&self) -> Result<()> {
        match &self.backend {
            Backend::Postgres(db) => db.finish_copy().await,
            Backend::Sqlite(_) => Err(StoreError::Unsupported {
                backend: "SQLite",
                operation: "writing a copied store (tarikh migrate --to)",
            }),
        }
    }

    /// Waits for running queries and closes every connection.
    pub async fn close(self) {
        on!(self, db => db.close().await)
    }
}
