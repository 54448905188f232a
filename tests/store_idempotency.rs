//! Ingesting the same corpus twice leaves the database equal in content: the same rows in every
//! table (ingest timestamps aside), so the same row counts and the same event ids.

#[path = "common/backends.rs"]
mod backends;
#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;
use sqlx::{Column, Row, SqlitePool, TypeInfo, ValueRef};
use tarikh::ingest::{Summary, article_from_text, ingest_article, ingest_paths};
use tarikh::store::{self, Store};

/// Every row of every table (virtual and FTS shadow tables included), rendered and sorted.
async fn dump(pool: &SqlitePool) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut out = BTreeMap::new();
    for table in tables {
        let rows = sqlx::query(&format!("select * from \"{table}\""))
            .fetch_all(pool)
            .await
            .unwrap();
        let mut lines: Vec<String> = rows.iter().map(render).collect();
        lines.sort();
        out.insert(table, lines);
    }
    out
}

fn render(row: &sqlx::sqlite::SqliteRow) -> String {
    let mut cells = Vec::new();
    for (i, col) in row.columns().iter().enumerate() {
        if col.name() == "ingested_at" {
            continue;
        }
        let raw = row.try_get_raw(i).unwrap();
        let cell = if raw.is_null() {
            "NULL".to_owned()
        } else {
            match raw.type_info().name() {
                "INTEGER" => row.get::<i64, _>(i).to_string(),
                "REAL" => row.get::<f64, _>(i).to_string(),
                "TEXT" => format!("{:?}", row.get::<String, _>(i)),
                _ => format!("{:?}", row.get::<Vec<u8>, _>(i)),
            }
        };
        cells.push(format!("{}={cell}", col.name()));
    }
    cells.join(", ")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

async fn ingest(store: &Store, paths: &[PathBuf]) -> Summary {
    ingest_paths(store, paths, &ProgressBar::hidden(), |f| panic!("{f}"))
        .await
        .unwrap()
}

#[tokio::test]
async fn ingesting_the_seeds_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("t.db")).await.unwrap();
    let raw = sqlite_file::pool(&dir.path().join("t.db")).await;
    let first = ingest(&store, &[seeds()]).await;
    assert_eq!((first.new, first.unchanged, first.failed), (2, 0, 0));
    let before = dump(&raw).await;
    let event_ids: Vec<i64> = sqlx::query_scalar("select event_id from events order by 1")
        .fetch_all(&raw)
        .await
        .unwrap();

    let second = ingest(&store, &[seeds()]).await;
    assert_eq!(
        second,
        Summary {
            unchanged: 2,
            ..Summary::default()
        }
    );
    let after = dump(&raw).await;
    let counts = |d: &BTreeMap<String, Vec<String>>| -> Vec<(String, usize)> {
        d.iter().map(|(t, rows)| (t.clone(), rows.len())).collect()
    };
    assert_eq!(counts(&after), counts(&before));
    assert!(before["timexes"].len() > 10, "the seeds' dates were stored");
    for (table, rows) in &before {
        assert_eq!(&after[table], rows, "table {table} changed");
    }
    let ids_after: Vec<i64> = sqlx::query_scalar("select event_id from events order by 1")
        .fetch_all(&raw)
        .await
        .unwrap();
    assert_eq!(ids_after, event_ids);
}

#[tokio::test]
async fn a_file_and_its_copy_are_one_document() {
    for db in backends::each().await {
        let store = db.store().await;
        let dir = tempfile::tempdir().unwrap();
        let seed = seeds().join("002_7b02ddba6740264c.md");
        let copy = dir.path().join("copy.md");
        std::fs::copy(&seed, &copy).unwrap();
        let summary = ingest(&store, &[seed, copy]).await;
        assert_eq!((summary.new, summary.unchanged), (1, 1), "{}", db.name);
        assert_eq!(store.document_count().await.unwrap(), 1);
        // Ingesting again changes nothing the feed shows.
        let feed = store.events_with_countries(&[], &[]).await.unwrap();
        let again = ingest(&store, &[seeds()]).await;
        assert_eq!(again.new, 1, "{}: the other seed", db.name);
        let before = store.events_with_countries(&[], &[]).await.unwrap();
        assert!(before.len() >= feed.len());
        let twice = ingest(&store, &[seeds()]).await;
        assert_eq!((twice.new, twice.unchanged), (0, 2), "{}", db.name);
        let after = store.events_with_countries(&[], &[]).await.unwrap();
        assert_eq!(
            serde_json::to_string(&after).unwrap(),
            serde_json::to_string(&before).unwrap(),
            "{}",
            db.name
        );
    }
}

#[tokio::test]
async fn one_article_at_a_time_is_idempotent_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("t.db")).await.unwrap();
    let raw = sqlite_file::pool(&dir.path().join("t.db")).await;
    let text = std::fs::read_to_string(seeds().join("000_8d6a8d0227a23908.md")).unwrap();
    let article = article_from_text(&text).unwrap();
    let first = ingest_article(&store, &article).await.unwrap();
    let before = dump(&raw).await;
    let again = ingest_article(&store, &article).await.unwrap();
    assert!(first.new && !again.new);
    assert_eq!(again.document_id, first.document_id);
    assert_eq!(dump(&raw).await, before);
    // and a batch ingest of the same article agrees
    let summary = ingest(&store, &[seeds().join("000_8d6a8d0227a23908.md")]).await;
    assert_eq!(summary.unchanged, 1);
}
