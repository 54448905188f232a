//! The PostgreSQL side: the same operations as [`super::sqlite`], each done PostgreSQL's way
//! (see `migrations/0001_init.sql`): identity ids, `date` columns, a `daterange` with a GiST
//! index for the period, a GIN index on each event's country array, `tsvector` for words.
//! Any number of processes may write at once: a merge takes an advisory lock per pair of
//! countries it may merge on ([`super::batch::lock_keys`]), and a transaction that deadlocks
//! or fails to serialise is run again.

mod check;
mod copy;
mod detail;
mod documents;
mod events;
mod feed;
mod histogram;
mod tally;
mod timeline;
mod undated;
mod version;

use std::str::FromStr;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use tracing::instrument;

use super::{DbUrl, Result, StoreError, Workload};

/// A pool on one PostgreSQL database.
#[derive(Clone, Debug)]
pub(crate) struct Db {
    pool: PgPool,
}

/// Write transactions of one process at once.
pub(super) const WRITERS: usize = 3;

/// How many times a write transaction that deadlocked or could not serialise is tried.
const WRITE_ATTEMPTS: usize = 5;

/// Connects to `url` and applies the migrations the database has not seen (sqlx takes an
/// advisory lock, so replicas starting together migrate once).
#[instrument(skip_all)]
pub(crate) async fn connect(url: &str, workload: Workload) -> Result<Db> {
    let open_error = |source| StoreError::Open {
        db: DbUrl::Postgres(url.to_owned()),
        source,
    };
    let options = PgConnectOptions::from_str(url).map_err(open_error)?;
    let pool = PgPoolOptions::new()
        .max_connections(match workload {
            Workload::Ingest => 4,
            Workload::Serve => 16,
        })
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(open_error)?;
    sqlx::migrate!("src/store/postgres/migrations")
        .run(&pool)
        .await?;
    Ok(Db { pool })
}

impl Db {
    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

/// Whether a failed transaction may succeed when run again: a deadlock (40P01) or a
/// serialisation failure (40001) between concurrent writers.
fn retryable(e: &StoreError) -> bool {
    match e {
        StoreError::Sql(sqlx::Error::Database(e)) => {
            matches!(e.code().as_deref(), Some("40001" | "40P01"))
        }
        _ => false,
    }
}

/// The distinct words of a text after Arabic folding, lower-cased, as the lexemes of a
/// `tsvector` (made with `array_to_tsvector`, so PostgreSQL's parser, which does not know
/// Arabic letters in every locale, never splits them). Words longer than a lexeme may be are
/// left out.
pub(super) fn lexemes(text: &str) -> Vec<String> {
    let mut words: Vec<String> = super::documents::search_words(text)
        .into_iter()
        .filter(|w| w.len() <= 1000)
        .map(|w| w.to_lowercase())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A `tsquery` requiring every word of `query` (folded like [`lexemes`]); `None` when it has
/// none. Each word is quoted, so that `&`, `!` or `:` in it are text.
pub(super) fn tsquery(query: &str) -> Option<String> {
    let words = lexemes(query);
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|w| format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''")))
            .collect::<Vec<_>>()
            .join(" & ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_folded_and_quoted() {
        assert_eq!(tsquery("أبريل").as_deref(), Some("'ابريل'"));
        assert_eq!(
            tsquery("Putin & it's").as_deref(),
            Some("'it' & 'putin' & 's'")
        );
        assert_eq!(tsquery(" - "), None);
    }
}
