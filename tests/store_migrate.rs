//! `tarikh migrate`: a SQLite store copied into PostgreSQL answers the same feed, details and
//! histogram, with the same ids, and goes on from there.

#[path = "common/backends.rs"]
mod backends;
#[path = "common/corpus.rs"]
mod corpus;

use tarikh::store::{self, EvidencePage, Filter, GroupBy, Interval, NewDocument, Order};

#[tokio::test]
async fn a_sqlite_store_copied_into_postgresql_answers_the_same() {
    let mut dbs = backends::each().await.into_iter();
    let sqlite = dbs.next().unwrap();
    let Some(postgres) = dbs.next() else {
        return; // said by backends::each
    };
    let from = sqlite.store().await;
    corpus::fill(&from).await;
    let to = postgres.store().await;
    let copied = store::copy::copy(&from, &to, |_, _| {}).await.unwrap();
    assert!(
        copied.events > 100 && copied.evidence >= copied.events,
        "{copied:?}"
    );

    let all = Filter::default();
    let feed_from = from.feed(&all, Order::Asc, None, i64::MAX).await.unwrap();
    let feed_to = to.feed(&all, Order::Asc, None, i64::MAX).await.unwrap();
    assert_eq!(json(&feed_from), json(&feed_to));
    for filter in [
        Filter {
            countries: vec!["RUS".into(), "CHN".into()],
            ..Filter::default()
        },
        Filter {
            q: Some("بوتين".into()),
            ..Filter::default()
        },
    ] {
        for group in [GroupBy::Nothing, GroupBy::Kind, GroupBy::Country] {
            assert_eq!(
                from.histogram(&filter, Interval::Month, group)
                    .await
                    .unwrap(),
                to.histogram(&filter, Interval::Month, group).await.unwrap()
            );
        }
        assert_eq!(
            json(
                &from
                    .undated(&filter, None, 1000, Default::default())
                    .await
                    .unwrap()
            ),
            json(
                &to.undated(&filter, None, 1000, Default::default())
                    .await
                    .unwrap()
            )
        );
    }
    let page = EvidencePage {
        after: None,
        limit: 100,
    };
    for e in feed_from.iter().step_by(17) {
        assert_eq!(
            json(&from.event_detail(e.event_id, page).await.unwrap()),
            json(&to.event_detail(e.event_id, page).await.unwrap())
        );
        let doc = e.evidence[0].document_id;
        assert_eq!(
            json(&from.document_detail(doc).await.unwrap()),
            json(&to.document_detail(doc).await.unwrap())
        );
    }
    assert!(to.check().await.unwrap().is_ok());
    assert!(
        store::copy::copy(&from, &to, |_, _| {}).await.is_err(),
        "not into a full store"
    );

    // The copy goes on where the original would have: new ids after the copied ones.
    let doc = NewDocument {
        text: "نص جديد",
        published_at: "2030-01-01",
        url: None,
        title: None,
        source: None,
    };
    let added = to.add_document(&doc, &[], &[]).await.unwrap();
    assert_eq!(added.document_id as usize, copied.documents + 1);
}

/// JSON of an answer, to compare answers whole.
fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}
