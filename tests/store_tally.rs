//! The in-memory tally gives the same histogram counts as SQL, whatever the filter.

#[path = "common/backends.rs"]
mod backends;
#[path = "common/corpus.rs"]
mod corpus;

use chrono::NaiveDate;
use tarikh::extract::events::{EventKind, Status};
use tarikh::store::{Filter, GroupBy, Interval};

#[tokio::test]
async fn tally_and_sql_agree() {
    for db in backends::each().await {
        let store = db.store().await;
        corpus::fill(&store).await;
        let tally = store.tally().await.unwrap();
        assert!(tally.len() > 40, "{}", tally.len());
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let filters = [
            Filter::default(),
            Filter {
                countries: vec!["RUS".into(), "CHN".into()],
                ..Filter::default()
            },
            Filter {
                countries: vec!["ATA".into()],
                ..Filter::default()
            },
            Filter {
                kinds: vec![EventKind::Visit, EventKind::Summit],
                status: Some(Status::Held),
                ..Filter::default()
            },
            Filter {
                from: day("2015-01-01"),
                to: day("2022-09-13"),
                min_sources: Some(1),
                ..Filter::default()
            },
            Filter {
                min_sources: Some(2),
                ..Filter::default()
            },
        ];
        let mut nonempty = 0;
        for f in &filters {
            for interval in [Interval::Year, Interval::Month, Interval::Week] {
                for group_by in [GroupBy::Nothing, GroupBy::Kind, GroupBy::Country] {
                    let sql = store.histogram(f, interval, group_by).await.unwrap();
                    let mem = tally.histogram(f, interval, group_by).unwrap();
                    assert_eq!(mem, sql, "{f:?} {interval:?} {group_by:?}");
                    nonempty += usize::from(!sql.buckets.is_empty());
                }
            }
        }
        assert!(nonempty > 20);
        // Filters the tally does not hold are left to SQL.
        let words = Filter {
            q: Some("بوتين".into()),
            ..Filter::default()
        };
        assert!(
            tally
                .histogram(&words, Interval::Year, GroupBy::Nothing)
                .is_none()
        );
    }
}
