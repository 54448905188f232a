//! Every page of the feed, followed by its keys, is the filtered timeline in order, whatever
//! the period, countries, order and page size: the narrow and wide scans, the walks of a
//! country's posting list and the cursor bounds lose and repeat nothing.

#[path = "common/backends.rs"]
mod backends;
#[path = "common/corpus.rs"]
mod corpus;

use chrono::NaiveDate;
use tarikh::store::{Filter, Key, Order};

#[tokio::test]
async fn pages_are_the_filtered_timeline() {
    for db in backends::each().await {
        let store = db.store().await;
        corpus::fill(&store).await;
        let all = store
            .feed(&Filter::default(), Order::Asc, None, i64::MAX)
            .await
            .unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(
            all.iter()
                .any(|e| (e.date.latest - e.date.earliest).num_days() > 512),
            "the corpus needs an event longer than 512 days"
        );
        let periods = [
            (None, None),
            (Some("1995-06-01"), None),
            (Some("2015-01-01"), Some("2019-12-31")),
            (Some("2022-09-13"), Some("2022-09-13")),
        ];
        let country_sets: [&[&str]; 4] = [&[], &["CHN"], &["RUS", "CHN"], &["CHN", "RUS", "XXX"]];
        let mut with_countries = 0;
        for ((from, to), countries) in periods
            .into_iter()
            .flat_map(|p| country_sets.iter().map(move |c| (p, *c)))
        {
            let f = Filter {
                from: from.map(day),
                to: to.map(day),
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..Filter::default()
            };
            let want: Vec<i64> = all
                .iter()
                .filter(|e| f.from.is_none_or(|d| e.date.latest >= d))
                .filter(|e| f.to.is_none_or(|d| e.date.earliest <= d))
                .filter(|e| {
                    countries
                        .iter()
                        .all(|c| e.participants.iter().any(|p| p.country == *c))
                })
                .map(|e| e.event_id)
                .collect();
            if countries.is_empty() {
                assert!(!want.is_empty(), "{from:?}");
            } else {
                with_countries += want.len();
            }
            for order in [Order::Asc, Order::Desc] {
                for limit in [1, 3, 500] {
                    let mut got = Vec::new();
                    let mut after = None;
                    loop {
                        let page = store.feed(&f, order, after, limit).await.unwrap();
                        got.extend(page.iter().map(|e| e.event_id));
                        match page.last() {
                            Some(last) if page.len() as i64 == limit => after = Some(Key::of(last)),
                            _ => break,
                        }
                    }
                    let mut want = want.clone();
                    if order == Order::Desc {
                        want.reverse();
                    }
                    assert_eq!(
                        got, want,
                        "{from:?}..{to:?} {countries:?} {order:?} by {limit}"
                    );
                }
            }
        }
        assert!(
            with_countries > 0,
            "no event of the corpus has the countries asked for"
        );
    }
}
