//! The store: documents, their temporal expressions, and events merged across documents with
//! the evidence for each, on SQLite (the embedded default) or PostgreSQL (for many writers
//! and replicas). [`connect`] picks the backend once from a [`DbUrl`]; a [`Store`] answers the
//! same operations whichever it is, and nothing above this module knows which.
//!
//! Here are the backend-free types and the pure logic; `sqlite/` and `postgres/` each hold
//! their SQL and their own `migrations/` (atuin's layout).
//!
//! - [`documents`]: what a stored document is and what storing one did.
//! - `batch`, `evidence`, `rows`: merging a batch's events into the stored ones in memory,
//!   the evidence rows it writes, rows as read back.
//! - [`merge`]: the pure decision of which event a report joins, and the event it makes.
//! - [`timeline`], [`feed`]: the read side: filtered events in timeline order, a keyset page
//!   at a time, with their participants and evidence; [`histogram`]: counts per period;
//!   [`undated`]: the events no report dates, listed apart;
//!   [`detail`]: one event with all its reports, one document with its spans; [`tally`]: the
//!   events packed in memory for histograms.

mod batch;
pub mod check;
mod codes;
pub mod copy;
pub mod detail;
pub mod documents;
mod evidence;
pub mod feed;
pub mod histogram;
pub mod merge;
mod ops;
mod postgres;
mod rows;
mod sqlite;
pub mod tally;
pub mod timeline;
pub mod undated;
mod url;

use std::sync::Arc;
use std::time::Duration;

pub use check::CheckReport;
pub use detail::EvidencePage;
pub use detail::{DocumentDetail, EventDetail};
pub use documents::{Extracted, NewDocument, Outcome, StoredDocument, content_hash};
pub use feed::{Filter, Key, Order};
pub use histogram::{Counts, GroupBy, Interval};
pub use tally::Tally;
pub use timeline::{Evidence, EvidenceQuote, TimelineEntry};
pub use undated::UndatedEntry;
pub use url::DbUrl;

/// The version of what extraction writes into the store. Bump it whenever `extract` finds
/// different timexes or events for the same text; `tarikh reextract` then redoes every
/// document stored with an older one.
pub const EXTRACTOR_VERSION: i64 = 6;

/// Reports one document may give of one event: an article that repeats a sentence a
/// thousand times is one source saying it once, and must not make the event's page grow.
pub const MAX_REPORTS_PER_DOCUMENT: usize = 5;

/// How long a write waits for the writers queued before it: past this it is refused as busy
/// (an HTTP 503 with Retry-After) rather than left to time out.
pub const WRITE_WAIT: Duration = Duration::from_secs(20);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {db}: {source}")]
    Open { db: DbUrl, source: sqlx::Error },
    /// An operation this backend does not do (yet): said, never guessed at.
    #[error("{operation} is not available on {backend} yet")]
    Unsupported {
        backend: &'static str,
        operation: &'static str,
    },
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("unexpected {column} {value:?} in the database")]
    Corrupt { column: &'static str, value: String },
    /// `tarikh migrate` copies into an empty store only.
    #[error("the database to copy into already holds documents")]
    NotEmpty,
    /// The writes queued before this one did not finish in time.
    #[error("the database is busy with other writes: {0}")]
    Busy(String),
}

impl StoreError {
    /// The database could not take the request now (queued writers, another process holding
    /// SQLite's lock, writers meeting in PostgreSQL, no connection free): worth retrying
    /// later, not a fault.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy(_) => true,
            // SQLITE_BUSY (5) and its extended codes (517: BUSY_SNAPSHOT, 261: BUSY_RECOVERY);
            // PostgreSQL's deadlock (40P01) and serialisation failure (40001) still there
            // after the store's own retries, and its "too many connections" (53300).
            StoreError::Sql(sqlx::Error::Database(e)) => matches!(
                e.code().as_deref(),
                Some("5" | "261" | "517" | "40001" | "40P01" | "53300")
            ),
            // No connection free in time.
            StoreError::Sql(sqlx::Error::PoolTimedOut) => true,
            _ => false,
        }
    }

    fn corrupt(column: &'static str, value: &str) -> StoreError {
        StoreError::Corrupt {
            column,
            value: value.to_owned(),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A handle on the database; cheap to clone (a connection pool).
#[derive(Clone, Debug)]
pub struct Store {
    backend: Backend,
    /// The writes of this process in flight at once: one on SQLite, which has one writer (and
    /// a writer waiting inside SQLite's busy handler fails with "database is locked", while one
    /// waiting here queues in order and is told "busy" after [`WRITE_WAIT`]); a few on
    /// PostgreSQL, fewer than its pool's connections so that reads always find one.
    writer: Arc<tokio::sync::Semaphore>,
    /// [`WRITE_WAIT`]; shorter in tests.
    write_wait: Duration,
}

/// The backend a [`Store`] talks to, chosen once by [`connect`].
#[derive(Clone, Debug)]
enum Backend {
    Sqlite(sqlite::Db),
    Postgres(postgres::Db),
}

/// What the connections are for: each backend sizes its caches and pool by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// Ingest: SQLite keeps 64 MiB of page cache per connection (merging reads the indexes of
    /// events and evidence over and over while document text streams past them).
    Ingest,
    /// A server: memory bounded whatever it is asked (SQLite: 8 MiB per connection).
    Serve,
}

/// Opens the database `db` names (a path is a SQLite file, created when missing) and applies
/// the migrations it has not seen.
pub async fn connect(db: impl Into<DbUrl>) -> Result<Store> {
    connect_with(db, Workload::Ingest).await
}

/// [`connect`] for the job.
pub async fn connect_with(db: impl Into<DbUrl>, workload: Workload) -> Result<Store> {
    let (backend, writers) = match db.into() {
        DbUrl::Sqlite(path) => (Backend::Sqlite(sqlite::connect(&path, workload).await?), 1),
        // Writers of many processes meet in the database (advisory locks, retries), so this
        // one only keeps its writes within its pool.
        DbUrl::Postgres(url) => (
            Backend::Postgres(postgres::connect(&url, workload).await?),
            postgres::WRITERS,
        ),
    };
    Ok(Store {
        backend,
        writer: Arc::new(tokio::sync::Semaphore::new(writers)),
        write_wait: WRITE_WAIT,
    })
}

impl Store {
    /// The same store, with writes refused as busy after waiting `wait` for their turn.
    pub fn with_write_wait(mut self, wait: Duration) -> Store {
        self.write_wait = wait;
        self
    }

    /// The turn to write: every write transaction of this process holds it throughout. Waits
    /// behind the writes queued before it, for at most [`WRITE_WAIT`], then
    /// [`StoreError::Busy`].
    pub async fn write_permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>> {
        match tokio::time::timeout(self.write_wait, self.writer.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(StoreError::Busy("the store is closing".into())),
            Err(_) => Err(StoreError::Busy(format!(
                "waited {} ms for the writes queued before this one",
                self.write_wait.as_millis()
            ))),
        }
    }
}
