//! The SQLite side: one file, one writer at a time (the process queues its writes on the
//! store's turn to write, other processes wait on SQLite's lock), WAL for readers beside it.
//! The schema is `migrations/`; ids are handed out as max() + 1 under the write lock, and the
//! feed scans by width class and walks per-country posting lists that triggers keep.

mod check;
mod copy;
mod detail;
mod documents;
mod events;
mod evidence;
mod feed;
mod histogram;
mod tally;
mod timeline;
mod undated;
mod version;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use tracing::instrument;

use super::{DbUrl, EXTRACTOR_VERSION, Result, StoreError, Workload, codes};

/// How long a connection waits for another writer before giving up with "database is locked".
/// Writers of this process never meet that way (they queue on the store's turn to write); this
/// is for another process (`tarikh ingest`) writing to the same file.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A pool on one SQLite file.
#[derive(Clone, Debug)]
pub(crate) struct Db {
    pool: SqlitePool,
}

/// Opens (creating it if missing) the SQLite file at `path` in WAL mode with foreign keys on
/// and a busy timeout.
#[instrument(skip_all, fields(path = %path.display()))]
pub(super) async fn connect(path: &Path, workload: Workload) -> Result<Db> {
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
            match workload {
                Workload::Ingest => "-65536",
                Workload::Serve => "-8192",
            },
        )
        // Ingest: statement journals (multi-row inserts inside a transaction) in memory, not
        // temp files. Serve: sorts and groups over a million rows spill to a file instead of
        // growing the process.
        .pragma(
            "temp_store",
            match workload {
                Workload::Ingest => "memory",
                Workload::Serve => "file",
            },
        )
        // Each connection keeps its prepared statements; the feed's are built per filter, so a
        // server would otherwise hold a hundred compiled programs per connection.
        .statement_cache_capacity(match workload {
            Workload::Ingest => 100,
            Workload::Serve => 24,
        })
        // Checkpoint every ~40 MiB of WAL rather than 4: fewer rewrites of hot index pages.
        .pragma("wal_autocheckpoint", "10000");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(open_error)?;
    sqlx::migrate!("src/store/sqlite/migrations")
        .run(&pool)
        .await?;
    Ok(Db { pool })
}

impl Db {
    /// Waits for running queries and closes every connection (checkpointing the WAL).
    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}
