//! Golden files pin what the seeds' feed, histogram and exports look like. When an output
//! changes on purpose, rerun with UPDATE_GOLDEN=1 and review the diff of tests/data/api/.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::apps;

const CASES: [(&str, &str); 5] = [
    (
        "feed_rus_chn.json",
        "/api/v1/events?country=RUS&country=CHN",
    ),
    (
        "histogram_month_kind.json",
        "/api/v1/histogram?interval=month&group_by=kind&country=RUS&country=CHN",
    ),
    (
        "histogram_year_country.json",
        "/api/v1/histogram?interval=year&group_by=country&from=2017",
    ),
    (
        "timelinejs_rus_chn.json",
        "/api/v1/events?country=RUS&country=CHN&format=timelinejs",
    ),
    (
        "vis_rus_chn.json",
        "/api/v1/events?country=RUS&country=CHN&format=vis",
    ),
];

#[tokio::test]
async fn seeds_outputs_match_the_golden_files() {
    for app in apps().await {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/api");
        let update = std::env::var_os("UPDATE_GOLDEN").is_some();
        let mut failures = Vec::new();
        for (file, uri) in CASES {
            let r = app.get(uri).await;
            assert_eq!(r.status, 200, "{uri}");
            let got = r.json();
            let path = dir.join(file);
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
                continue;
            }
            let want: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| {
                    panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display())
                }))
                .unwrap();
            if got != want {
                failures.push(format!(
                    "{file} ({uri}) differs; got:\n{}",
                    serde_json::to_string_pretty(&got).unwrap()
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }
}

#[tokio::test]
async fn csv_export_has_a_row_per_event_with_precision_and_source() {
    for app in apps().await {
        let r = app
            .get("/api/v1/events?country=RUS&country=CHN&format=csv")
            .await;
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").starts_with("text/csv"));
        let json = app
            .get("/api/v1/events?country=RUS&country=CHN")
            .await
            .json();
        let mut reader = csv::Reader::from_reader(&r.body[..]);
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let events = json["events"].as_array().unwrap();
        assert_eq!(rows.len(), events.len());
        for (row, e) in rows.iter().zip(events) {
            assert_eq!(
                row[col("precision")],
                *e["date"]["precision"].as_str().unwrap()
            );
            assert_eq!(
                row[col("quote")],
                *e["evidence"][0]["quote"].as_str().unwrap()
            );
            assert!(!row[col("sources")].is_empty());
        }
    }
}
