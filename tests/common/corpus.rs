//! A store with a few hundred events: the seeds, the dev articles, and two with decade and
//! century dates, for tests that compare two ways of reading it.

use std::path::Path;

use tarikh::extract::Dct;
use tarikh::ingest::{Article, ingest_article, seed_if_empty};
use tarikh::store;

/// The seeds and the dev articles: a few hundred events over two decades and many countries.
#[allow(dead_code)]
pub async fn corpus() -> (tempfile::TempDir, store::Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("t.db")).await.unwrap();
    fill(&store).await;
    (dir, store)
}

/// The dev articles (tests/data/dev.jsonl), in file order, each dated by its DCT and named
/// by its id as its source.
#[allow(dead_code)]
pub fn dev_articles() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = std::fs::read_to_string(root.join("tests/data/dev.jsonl")).unwrap();
    dev.lines()
        .map(|line| {
            let j: serde_json::Value = serde_json::from_str(line).unwrap();
            let published_at = j["dct"].as_str().unwrap().to_owned();
            Article {
                text: j["text"].as_str().unwrap().to_owned(),
                dct: Dct::parse(&published_at).unwrap(),
                published_at,
                url: None,
                title: None,
                source: j["id"].as_str().map(str::to_owned),
            }
        })
        .collect()
}

/// Stores the corpus in `store`.
#[allow(dead_code)]
pub async fn fill(store: &store::Store) {
    let store = store.clone();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    seed_if_empty(&store, &root.join("seeds")).await.unwrap();
    for article in dev_articles() {
        ingest_article(&store, &article).await.unwrap();
    }
    for (text, published_at) in [
        ("زار بوتين الصين مرات عدة في التسعينيات.", "2020-01-01"),
        (
            "وقعت روسيا والصين معاهدة حسن الجوار في القرن العشرين.",
            "2020-01-01",
        ),
    ] {
        let article = Article {
            text: text.to_owned(),
            dct: Dct::parse(published_at).unwrap(),
            published_at: published_at.to_owned(),
            url: None,
            title: None,
            source: Some("wide".to_owned()),
        };
        ingest_article(&store, &article).await.unwrap();
    }
}
