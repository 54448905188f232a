//! A fresh install seeds itself from `seeds/`; a database with documents is left alone.

use std::path::Path;

use tarikh::ingest::seed_if_empty;
use tarikh::store::{self, NewDocument};

#[tokio::test]
async fn seeds_only_an_empty_database() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("fresh.db")).await.unwrap();
    let summary = seed_if_empty(&store, &seeds)
        .await
        .unwrap()
        .expect("seeded");
    assert_eq!((summary.new, summary.failed), (2, 0));
    assert_eq!(store.document_count().await.unwrap(), 2);
    assert!(seed_if_empty(&store, &seeds).await.unwrap().is_none());

    let used = store::connect(dir.path().join("used.db")).await.unwrap();
    let doc = NewDocument {
        text: "نص",
        published_at: "2024-01-01",
        url: None,
        title: None,
        source: None,
    };
    used.add_document(&doc, &[], &[]).await.unwrap();
    assert!(seed_if_empty(&used, &seeds).await.unwrap().is_none());
    assert_eq!(used.document_count().await.unwrap(), 1);
}
