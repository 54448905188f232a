//! The SQLite side: documents, their temporal expressions, and events merged across documents
//! with the evidence for each. The schema is `migrations/`, applied by [`connect`].
//!
//! - [`documents`]: storing a document with everything extracted from it, in one transaction.
//! - `events`, `evidence`, `rows`: merging extracted events into stored ones and writing their
//!   evidence; rows as read back.
//! - [`merge`]: the pure decision of which event a report joins, and the event it makes.
//! - [`timeline`], [`feed`]: the read side: filtered events in timeline order, a keyset page
//!   at a time, with their participants and evidence; [`histogram`]: counts per period;
//!   [`undated`]: the events no report dates, listed apart;
//!   [`detail`]: one event with all its reports, one document with its spans; [`tally`]: the
//!   events packed in memory for histograms.

pub mod check;
mod codes;
pub mod detail;
pub mod documents;
mod events;
mod evidence;
pub mod feed;
pub mod histogram;
pub mod merge;
mod rows;
pub mod tally;
pub mod timeline;
pub mod undated;
mod url;

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tracing::instrument;

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
pub const EXTRACTOR_VERSION: i64 = 4;

/// Reports one document may give of one event: an article that repeats a sentence a
/// thousand times is one source saying it once, and must not make the event's page grow.
pub const MAX_REPORTS_PER_DOCUMENT: usize = 5;

/// How long a connection waits for another writer before giving up with "database is locked".
/// Writers of this process never meet that way (they queue on [`Store::write_permit`]); this is
/// for another process (`tarikh ingest`) writing to the same file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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
    /// The writes queued before this one did not finish in time.
    #[error("the database is busy with other writes: {0}")]
    Busy(String),
}

impl StoreError {
    /// The database could not take the write now (queued writers, or another process holding
    /// SQLite's lock): worth retrying later, not a fault.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy(_) => true,
            // SQLITE_BUSY (5) and its extended codes (517: BUSY_SNAPSHOT, 261: BUSY_RECOVERY).
            StoreError::Sql(sqlx::Error::Database(e)) => {
                matches!(e.code().as_deref(), Some("5" | "261" | "517"))
            }
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
    pool: SqlitePool,
    /// One write transaction at a time: SQLite has one writer, and a writer waiting inside
    /// SQLite's busy handler fails with "database is locked" after [`BUSY_TIMEOUT`], while one
    /// waiting here queues in order and is told "busy" after [`WRITE_WAIT`].
    writer: Arc<tokio::sync::Semaphore>,
    /// [`WRITE_WAIT`]; shorter in tests.
    write_wait: Duration,
}

/// How much page cache each connection keeps, in KiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheSize {
    /// 64 MiB: merging reads the indexes of events and evidence over and over while document
    /// text streams past them.
    Ingest,
    /// 8 MiB: a server's memory must stay bounded whatever it is asked (4 connections).
    Serve,
}

/// Opens the database `db` names (a path is a SQLite file) and applies the migrations it has
/// not seen.
pub async fn connect(db: impl Into<DbUrl>) -> Result<Store> {
    connect_with(db, CacheSize::Ingest).await
}

/// [`connect`] for the job.
pub async fn connect_with(db: impl Into<DbUrl>, cache: CacheSize) -> Result<Store> {
    match db.into() {
        DbUrl::Sqlite(path) => connect_sqlite(&path, cache).await,
        DbUrl::Postgres(_) => Err(StoreError::Unsupported {
            backend: "PostgreSQL",
            operation: "connect",
        }),
    }
}

/// Opens (creating it if missing) the SQLite file at `path` in WAL mode with foreign keys on
/// and a busy timeout.
#[instrument(skip_all, fields(path = %path.display()))]
async fn connect_sqlite(path: &Path, cache: CacheSize) -> Result<Store> {
    let open_error = |source| StoreError::Open {
        db: DbUrl::Sqlite(path.to_owned()),
        source,
    };
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(open_error)?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // In WAL mode NORMAL loses no committed transaction when the process dies, only
        // (possibly) the last ones on power loss; FULL would sync on every document.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .pragma(
            "cache_size",
            match cache {
                CacheSize::Ingest => "-65536",
                CacheSize::Serve => "-8192",
            },
        )
        // Ingest: statement journals (multi-row inserts inside a transaction) in memory, not
        // temp files. Serve: sorts and groups over a million rows spill to a file instead of
        // growing the process.
        .pragma(
            "temp_store",
            match cache {
                CacheSize::Ingest => "memory",
                CacheSize::Serve => "file",
            },
        )
        // Each connection keeps its prepared statements; the feed's are built per filter, so a
        // server would otherwise hold a hundred compiled programs per connection.
        .statement_cache_capacity(match cache {
            CacheSize::Ingest => 100,
            CacheSize::Serve => 24,
        })
        // Checkpoint every ~40 MiB of WAL rather than 4: fewer rewrites of hot index pages.
        .pragma("wal_autocheckpoint", "10000");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(open_error)?;
    sqlx::migrate!().run(&pool).await?;
    Ok(Store {
        pool,
        writer: Arc::new(tokio::sync::Semaphore::new(1)),
        write_wait: WRITE_WAIT,
    })
}

impl Store {
    /// The pool, for callers that run their own read queries (tests, the HTTP layer).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

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

    /// Waits for running queries and closes every connection (checkpointing the WAL).
    pub async fn close(self) {
        self.pool.close().await;
    }
}
