//! `tarikh reextract` redoes the documents stored by an older extractor, and only those; the
//! result is what a fresh ingest would have stored.

#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::path::Path;
use std::process::Command;

use indicatif::ProgressBar;
use tarikh::ingest::{ingest_paths, reextract};
use tarikh::store::{self, EXTRACTOR_VERSION, Store};

/// The stored content that does not depend on row ids or timestamps.
async fn content(store: &Store, db: &Path) -> (Vec<(i64, i64, String, String)>, Vec<String>) {
    let raw = sqlite_file::pool(db).await;
    let timexes = sqlx::query_as(
        "select span_start, span_end, value, rule from timexes order by document_id, span_start",
    )
    .fetch_all(&raw)
    .await
    .unwrap();
    let events = store
        .events_with_countries(&[], &[])
        .await
        .unwrap()
        .into_iter()
        .map(|e| {
            let quotes: Vec<&str> = e.evidence.iter().map(|q| q.quote.as_str()).collect();
            format!("{} {:?} {:?} {quotes:?}", e.date.value, e.kind, e.place)
        })
        .collect();
    (timexes, events)
}

#[tokio::test]
async fn old_documents_are_re_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let store = store::connect(&db).await.unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    ingest_paths(&store, &[seeds], &ProgressBar::hidden(), |f| panic!("{f}"))
        .await
        .unwrap();
    let fresh = content(&store, &db).await;
    let nothing = reextract(&store, &ProgressBar::hidden(), |f| panic!("{f}"))
        .await
        .unwrap();
    assert_eq!(nothing.documents, 0, "current documents are left alone");

    let raw = sqlite_file::pool(&db).await;
    sqlx::query("update documents set extractor_version = ?")
        .bind(EXTRACTOR_VERSION - 1)
        .execute(&raw)
        .await
        .unwrap();
    sqlx::query("delete from timexes")
        .execute(&raw)
        .await
        .unwrap();
    assert_eq!(store.stale_document_ids().await.unwrap().len(), 2);
    store.close().await;

    let out = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["reextract", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("documents: 2 re-extracted, 0 failed"),
        "{stdout}"
    );

    let store = store::connect(&db).await.unwrap();
    assert!(store.stale_document_ids().await.unwrap().is_empty());
    assert_eq!(content(&store, &db).await, fresh);
    // Events deleted and made again: the country posting lists follow.
    let check = store.check().await.unwrap();
    assert!(check.is_ok(), "{:?}", check.problems);
}
