//! The tagger measured on the annotated articles, with the scorer behind `tarikh eval`:
//! the seed articles must be read completely, the development set to the bar.

use serde_json::Value;
use tarikh::eval::{Report, score, system_line};

fn measure(path: &str) -> (Report, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let gold: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect();
    let system: Vec<Value> = gold.iter().map(system_line).collect();
    let mut errors = Vec::new();
    let report = score(&gold, &system, Some(&mut errors));
    (report, errors)
}

#[test]
fn seed_articles_every_date_and_event_found() {
    let (r, errors) = measure("tests/data/seeds_gold.jsonl");
    let shown = errors.join("\n");
    let t = r.timex.counts;
    assert_eq!(
        t.value, t.gold,
        "every required expression with its value:\n{shown}"
    );
    assert_eq!(t.distractor_hits, 0, "no distractor tagged:\n{shown}");
    let (precision, recall, _) = r.event.p_r_f1;
    assert_eq!(recall, 1.0, "every required event:\n{shown}");
    assert_eq!(precision, 1.0, "no spurious event:\n{shown}");
}

#[test]
fn development_set_meets_the_bar() {
    let (r, errors) = measure("tests/data/dev.jsonl");
    let shown = errors.join("\n");
    assert!(
        r.timex.relaxed_f1 >= 0.95,
        "relaxed F1 {}:\n{shown}",
        r.timex.relaxed_f1
    );
    assert!(
        r.timex.value_p_r_f1.2 >= 0.99,
        "value F1 {}:\n{shown}",
        r.timex.value_p_r_f1.2
    );
    // The 40 articles: measured 0.914; issue 9's bar is 0.90.
    assert!(
        r.event.p_r_f1.2 >= 0.90,
        "event F1 {}:\n{shown}",
        r.event.p_r_f1.2
    );
    assert_eq!(
        r.timex.counts.distractor_hits, 0,
        "distractors tagged:\n{shown}"
    );
}
