//! The served timeline measured on the annotated articles (`tarikh eval --timeline`): every
//! gold article ingested into a fresh store, the Russia–China feed scored against the gold
//! happenings across articles. The floors sit just under the figures measured when this test
//! was written, so that a change to extraction or merging that makes the timeline worse fails
//! here; raise them when it gets better.

use serde_json::Value;
use tarikh::eval::{TimelineScores, score_timeline};

async fn measure(path: &str) -> (TimelineScores, String) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let gold: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect();
    let countries = ["RUS".to_owned(), "CHN".to_owned()];
    let mut errors = Vec::new();
    let scores = score_timeline(&gold, &countries, Some(&mut errors))
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("{path}: {scores}");
    (scores, errors.join("\n"))
}

/// Asserts the floors, printing the figures and every error line when one is not met.
fn at_least(path: &str, s: &TimelineScores, errors: &str, recall: f64, precision: f64) {
    assert!(
        s.recall >= recall && s.precision >= precision,
        "{path}: recall {} (floor {recall}), precision {} (floor {precision})\n{s}\n{errors}",
        s.recall,
        s.precision,
    );
}

#[tokio::test]
async fn seed_articles_timeline() {
    let path = "tests/data/seeds_gold.jsonl";
    let (s, errors) = measure(path).await;
    // Measured: 8 happenings (4 required), 8 entries; recall 1.0, precision 0.8 (one wrong entry).
    assert_eq!((s.happenings, s.required), (8, 4), "{s}\n{errors}");
    at_least(path, &s, &errors, 1.0, 0.79);
}

#[tokio::test]
async fn development_set_timeline() {
    let path = "tests/data/dev.jsonl";
    let (s, errors) = measure(path).await;
    // The 40 development articles. Measured: 149 happenings (105 required), 137 entries;
    // recall 0.9524, precision 0.9528: the bar issue 9 sets (0.95 and 0.95).
    assert_eq!((s.happenings, s.required), (149, 105), "{s}\n{errors}");
    at_least(path, &s, &errors, 0.95, 0.95);
}
