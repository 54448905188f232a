//! The backends a store or API test runs on: SQLite always, in a temporary file, and
//! PostgreSQL when `TARIKH_TEST_PG` is a `postgres://` URL (tests/pg/start.sh starts a server
//! and sets it), in a database of its own made for the test. Without it, the first test of
//! the binary says that the PostgreSQL half was skipped.

#![allow(dead_code)]

use std::io::Write;
use std::str::FromStr;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use sqlx::Connection;
use tarikh::store::DbUrl;

/// A fresh, empty database on one backend; a SQLite file goes with it.
pub struct TestDb {
    /// `sqlite` or `postgres`, for messages.
    pub name: &'static str,
    pub url: DbUrl,
    _dir: Option<tempfile::TempDir>,
}

/// A fresh database on every backend to test.
pub async fn each() -> Vec<TestDb> {
    let mut dbs = vec![sqlite()];
    match std::env::var("TARIKH_TEST_PG") {
        Ok(url) if !url.is_empty() => dbs.push(postgres(&url).await),
        _ => {
            static SAID: Once = Once::new();
            // Straight to stderr, past the test harness's capture: it must be seen.
            SAID.call_once(|| {
                let _ = std::io::stderr().write_all(
                    b"note: TARIKH_TEST_PG is not set: the PostgreSQL half of the store and \
                      API tests was skipped (tests/pg/start.sh starts a server)\n",
                );
            });
        }
    }
    dbs
}

pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    TestDb {
        name: "sqlite",
        url: DbUrl::Sqlite(dir.path().join("t.db")),
        _dir: Some(dir),
    }
}

/// A new database on the server at `admin` (left there: the server is thrown away).
pub async fn postgres(admin: &str) -> TestDb {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let name = format!(
        "tarikh_test_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let options = sqlx::postgres::PgConnectOptions::from_str(admin).expect("TARIKH_TEST_PG");
    let mut conn = sqlx::PgConnection::connect_with(&options)
        .await
        .unwrap_or_else(|e| panic!("TARIKH_TEST_PG: {e}"));
    sqlx::query(&format!("create database {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    TestDb {
        name: "postgres",
        url: DbUrl::Postgres(with_database(admin, &name)),
        _dir: None,
    }
}

/// `postgres://u@h:p/old?host=/tmp` with the database `name` instead.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a postgres:// URL");
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (rest, String::new()),
    };
    let authority = before_query.split('/').next().unwrap_or_default();
    format!("{scheme}://{authority}/{name}{query}")
}

impl TestDb {
    /// Rows in `table`, read beside the store.
    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("select count(*) from {table}");
        match &self.url {
            DbUrl::Sqlite(path) => {
                let options = sqlx::sqlite::SqliteConnectOptions::new().filename(path);
                let mut conn = sqlx::SqliteConnection::connect_with(&options)
                    .await
                    .unwrap();
                sqlx::query_scalar(&sql).fetch_one(&mut conn).await.unwrap()
            }
            DbUrl::Postgres(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
                sqlx::query_scalar(&sql).fetch_one(&mut conn).await.unwrap()
            }
        }
    }

    /// The store on it.
    pub async fn store(&self) -> tarikh::store::Store {
        // Which backend a failing test ran on: shown with its output.
        println!("backend: {}", self.name);
        tarikh::store::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }
}
