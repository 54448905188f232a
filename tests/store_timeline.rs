//! Issue 3's acceptance test: after ingesting the two seed articles, the Russia–China contact
//! timeline is exactly the five happenings they report, oldest first, each at its own
//! precision, with the visit and the talks of 2018-06-08 as one entry.

#[path = "common/backends.rs"]
mod backends;

use std::path::Path;

use indicatif::ProgressBar;
use tarikh::extract::events::{EventKind, Precision};
use tarikh::ingest::ingest_paths;

#[tokio::test]
async fn russia_china_contacts_from_the_seeds() {
    for db in backends::each().await {
        let store = db.store().await;
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let summary = ingest_paths(&store, &[seeds], &ProgressBar::hidden(), |f| {
            panic!("seed failed: {f}")
        })
        .await
        .unwrap();
        assert_eq!((summary.new, summary.failed), (2, 0));

        let kinds = [
            EventKind::Meeting,
            EventKind::Visit,
            EventKind::Summit,
            EventKind::Call,
        ];
        let timeline = store
            .events_with_countries(&["RUS", "CHN"], &kinds)
            .await
            .unwrap();
        let got: Vec<(&str, Precision)> = timeline
            .iter()
            .map(|e| (e.date.value.as_str(), e.date.precision))
            .filter(|(value, _)| *value != "2017") // "five meetings last year" may appear
            .collect();
        let shown: Vec<String> = timeline
            .iter()
            .map(|e| {
                let place = e.place.as_ref().map_or("-", |p| p.name.as_ref());
                let mut countries: Vec<&str> =
                    e.participants.iter().map(|p| p.country.as_ref()).collect();
                countries.dedup();
                let reports: Vec<String> = e
                    .evidence
                    .iter()
                    .map(|q| {
                        let claim = q.claimed.as_ref().map_or("undated", |d| d.value.as_str());
                        format!("{:?} {:?} {claim}", q.kind, q.trigger)
                    })
                    .collect();
                format!(
                    "#{} {} {:?} at {place} {countries:?} from {reports:?}",
                    e.event_id, e.date.value, e.kind
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2018-04", Precision::Month),
                ("2018-06-08", Precision::Day),
                ("2022-02", Precision::Month),
                ("2022-09", Precision::Month),
                ("2022-W37", Precision::Week),
            ],
            "timeline:\n{}",
            shown.join("\n")
        );

        // The Beijing visit and the meeting it held are one entry with two reports.
        let beijing = timeline
            .iter()
            .find(|e| e.date.value == "2018-06-08")
            .unwrap();
        assert_eq!(
            beijing.place.as_ref().map(|p| p.name.as_ref()),
            Some("Beijing")
        );
        let kinds: Vec<EventKind> = beijing.evidence.iter().map(|q| q.kind).collect();
        assert!(
            kinds.contains(&EventKind::Visit) && kinds.contains(&EventKind::Meeting),
            "{kinds:?}"
        );
        assert_eq!(beijing.article_count, 1);
        for entry in &timeline {
            let countries: Vec<&str> = entry
                .participants
                .iter()
                .map(|p| p.country.as_ref())
                .collect();
            assert!(
                countries.contains(&"RUS") && countries.contains(&"CHN"),
                "{countries:?}"
            );
            assert!(!entry.evidence.is_empty());
            assert!(
                entry
                    .evidence
                    .iter()
                    .all(|q| !q.quote.is_empty() && !q.merge_reason.is_empty())
            );
        }
    }
}
