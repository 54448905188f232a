//! Writers beside each other: two stores on one database (two replicas, or a server and
//! `tarikh ingest`) storing reports of the same happening at the same moment end with one
//! event holding every report, on each backend.

#[path = "common/backends.rs"]
mod backends;

use tarikh::extract::events::{Event, EventDate, EventKind, Participant, Precision, Status};
use tarikh::store::NewDocument;

fn meeting(countries: &str) -> Event {
    let day = "2018-06-08".parse().unwrap();
    Event {
        kind: EventKind::Meeting,
        date: Some(EventDate {
            value: "2018-06-08".to_owned(),
            earliest: day,
            latest: day,
            precision: Precision::Day,
        }),
        participants: countries
            .split('+')
            .map(|c| Participant {
                name: format!("leader of {c}").into(),
                country: c.to_owned().into(),
                wikidata: None,
            })
            .collect(),
        location: None,
        trigger: "التقى".to_owned(),
        start: 0,
        end: 5,
        status: Status::Held,
        plover: Some("CONSULT".into()),
        plover_mode: None,
        cameo: "040".into(),
        sentence: "التقى الرئيسان".to_owned(),
        sentence_start: 0,
        sentence_end: 14,
        date_start: None,
        date_end: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_writers_merging_one_happening_end_with_one_event() {
    const WRITERS: usize = 16;
    const DOCUMENTS: usize = 3;
    for db in backends::each().await {
        // Two handles with their own pools: two replicas of the service.
        let replicas = [db.store().await, db.store().await];
        let mut tasks = Vec::new();
        for w in 0..WRITERS {
            let store = replicas[w % 2].clone();
            tasks.push(tokio::spawn(async move {
                for d in 0..DOCUMENTS {
                    // Two country sets that merge with each other (a third side named too).
                    let sides = if (w + d) % 3 == 0 {
                        "CHN+RUS+USA"
                    } else {
                        "CHN+RUS"
                    };
                    let text = format!("تقرير {w} رقم {d}");
                    let doc = NewDocument {
                        text: &text,
                        published_at: "2018-06-12",
                        url: None,
                        title: None,
                        source: Some("wire"),
                    };
                    store
                        .add_document(&doc, &[], &[meeting(sides)])
                        .await
                        .unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let events = replicas[0].events_with_countries(&[], &[]).await.unwrap();
        assert_eq!(events.len(), 1, "{}: {events:#?}", db.name);
        assert_eq!(
            events[0].evidence_count,
            (WRITERS * DOCUMENTS) as i64,
            "{}",
            db.name
        );
        assert_eq!(db.count("documents").await, (WRITERS * DOCUMENTS) as i64);
        for store in replicas {
            store.close().await;
        }
    }
}
