//! The store's merging with hand-made events (independent of the event extractor): reports of
//! one happening from several documents become one event that keeps every source's claim,
//! counts articles and sources, records date conflicts, and is recomputed when a document's
//! evidence is replaced.

#[path = "common/backends.rs"]
mod backends;

use tarikh::extract::events::EventKind::{Call, Meeting, Visit};
use tarikh::extract::events::{Event, EventDate, EventKind, Participant, Place, Precision, Status};
use tarikh::extract::resolve::span;
use tarikh::store::{NewDocument, Outcome, Store};

fn date(value: &str) -> EventDate {
    let (earliest, latest) = span(value).unwrap();
    let precision = match value.len() {
        4 => Precision::Year,
        7 => Precision::Month,
        8 => Precision::Week,
        _ => Precision::Day,
    };
    EventDate {
        value: value.to_owned(),
        earliest,
        latest,
        precision,
    }
}

fn event(kind: EventKind, countries: &str, value: &str, place: &str) -> Event {
    let participants = countries
        .split('+')
        .filter(|c| !c.is_empty())
        .map(|c| Participant {
            name: format!("leader of {c}").into(),
            country: c.to_owned().into(),
            wikidata: None,
        })
        .collect();
    let location = (!place.is_empty()).then(|| Place {
        name: place.to_owned().into(),
        country: if place == "Beijing" { "CHN" } else { "RUS" }.into(),
        lat: 39.9,
        lon: 116.4,
        wikidata: None,
    });
    Event {
        kind,
        date: (!value.is_empty()).then(|| date(value)),
        participants,
        location,
        trigger: "التقى".to_owned(),
        start: 0,
        end: 5,
        status: Status::Held,
        plover: Some("CONSULT".into()),
        plover_mode: None,
        cameo: "040".into(),
        sentence: "التقى الرئيسان في بكين".to_owned(),
        sentence_start: 0,
        sentence_end: 22,
        date_start: None,
        date_end: None,
    }
}

async fn add(store: &Store, text: &str, source: &str, events: &[Event]) -> Outcome {
    let doc = NewDocument {
        text,
        published_at: "2018-06-12",
        url: None,
        title: None,
        source: (!source.is_empty()).then_some(source),
    };
    store.add_document(&doc, &[], events).await.unwrap()
}

/// A document (text, source) and the one event it reports (kind, countries, date, place, as
/// [`event`] takes them).
type Doc<'a> = (&'a str, &'a str, EventKind, &'a str, &'a str, &'a str);

/// Stores the documents in order, each with its one event.
async fn add_each<const N: usize>(store: &Store, docs: [Doc<'_>; N]) -> [Outcome; N] {
    let mut outcomes = [Outcome::default(); N];
    for (outcome, (text, source, kind, countries, value, place)) in outcomes.iter_mut().zip(docs) {
        *outcome = add(store, text, source, &[event(kind, countries, value, place)]).await;
    }
    outcomes
}

const CONTACT: [EventKind; 4] = [
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Summit,
    EventKind::Call,
];

#[tokio::test]
async fn reports_from_three_documents_make_one_event() {
    for db in backends::each().await {
        let store = db.store().await;
        let [a, b, c] = add_each(
            &store,
            [
                ("a", "gulf", Visit, "RUS+CHN", "2018-06", "Beijing"),
                ("b", "bbc", Meeting, "CHN+RUS", "2018-06-08", ""),
                ("c", "gulf", Meeting, "RUS+CHN", "2018-06-09", "Beijing"),
            ],
        )
        .await;
        assert_eq!((a.events_created, a.events_merged), (1, 0));
        assert_eq!((b.events_created, b.events_merged), (0, 1));
        assert_eq!((c.events_created, c.events_merged), (0, 1));

        let timeline = store
            .events_with_countries(&["RUS", "CHN"], &CONTACT)
            .await
            .unwrap();
        assert_eq!(timeline.len(), 1);
        let e = &timeline[0];
        assert_eq!(e.kind, EventKind::Visit);
        assert_eq!(e.date.value, "2018-06-08", "the day refines the month");
        assert_eq!(e.date.precision, Precision::Day);
        assert_eq!(
            e.date_conflict.as_deref(),
            Some("sources disagree: 2018-06-08 vs 2018-06-09")
        );
        assert_eq!(e.place.as_ref().unwrap().name, "Beijing");
        assert_eq!((e.article_count, e.source_count), (3, 2));
        let claims: Vec<&str> = e
            .evidence
            .iter()
            .map(|q| q.claimed.as_ref().unwrap().value.as_str())
            .collect();
        assert_eq!(
            claims,
            ["2018-06", "2018-06-08", "2018-06-09"],
            "each source keeps its own claim"
        );
        let reasons: Vec<&str> = e.evidence.iter().map(|q| q.merge_reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "new event: no earlier report of it",
                "same participants CHN+RUS, meeting ~ visit, 2018-06-08 within 2018-06, place Beijing (this source names none)",
                "same participants CHN+RUS, meeting ~ visit, 2018-06-09 vs 2018-06-08: sources disagree, 1 day apart, place Beijing",
            ]
        );
        let countries: Vec<&str> = e.participants.iter().map(|p| p.country.as_ref()).collect();
        assert_eq!(countries, ["CHN", "RUS"]);
    }
}

#[tokio::test]
async fn visit_and_meeting_in_one_document_are_one_event() {
    for db in backends::each().await {
        let store = db.store().await;
        let out = add(
            &store,
            "a",
            "",
            &[
                event(EventKind::Visit, "RUS+CHN", "2018-06-08", "Beijing"),
                event(EventKind::Meeting, "RUS+CHN", "2018-06-08", "Beijing"),
            ],
        )
        .await;
        assert_eq!((out.events_created, out.events_merged), (1, 1));
        let timeline = store.events_with_countries(&["CHN"], &[]).await.unwrap();
        assert_eq!(timeline.len(), 1);
        assert_eq!(
            (timeline[0].article_count, timeline[0].source_count),
            (1, 1)
        );
        assert_eq!(timeline[0].evidence.len(), 2);
    }
}

#[tokio::test]
async fn a_year_is_not_folded_into_one_of_two_months_and_undated_stays_apart() {
    for db in backends::each().await {
        let store = db.store().await;
        let [_, _, year] = add_each(
            &store,
            [
                ("a", "", Visit, "RUS+CHN", "2018-04", ""),
                ("b", "", Meeting, "RUS+CHN", "2018-06", ""),
                ("c", "", Meeting, "RUS+CHN", "2018", ""),
            ],
        )
        .await;
        assert_eq!(year.events_created, 1);
        let undated = [event(EventKind::Meeting, "RUS+CHN", "", "")];
        add(&store, "d", "", &undated).await;
        add(&store, "e", "", &undated).await;
        assert_eq!(
            db.count("events").await,
            5,
            "three dated events, two undated ones"
        );

        let timeline = store
            .events_with_countries(&["RUS", "CHN"], &CONTACT)
            .await
            .unwrap();
        let values: Vec<&str> = timeline.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(
            values,
            ["2018", "2018-04", "2018-06"],
            "undated events are not on the timeline"
        );
        assert!(
            timeline[0].evidence[0]
                .merge_reason
                .contains("not merged into any")
        );
    }
}

#[tokio::test]
async fn timeline_filters_by_countries_and_kinds() {
    for db in backends::each().await {
        let store = db.store().await;
        add(
            &store,
            "a",
            "",
            &[
                event(EventKind::Summit, "RUS+CHN+IND", "2022-W37", ""),
                event(EventKind::Military, "RUS+UKR", "2022-02", ""),
                event(EventKind::Statement, "RUS+CHN", "2022-02", ""),
            ],
        )
        .await;
        let contact = store
            .events_with_countries(&["RUS", "CHN"], &CONTACT)
            .await
            .unwrap();
        assert_eq!(contact.len(), 1, "a superset of the countries matches");
        assert_eq!(contact[0].kind, EventKind::Summit);
        let russia = store.events_with_countries(&["RUS"], &[]).await.unwrap();
        let kinds: Vec<EventKind> = russia.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EventKind::Military, EventKind::Statement, EventKind::Summit]
        );
        assert!(
            store
                .events_with_countries(&["USA"], &[])
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn replacing_a_documents_extraction_recomputes_its_events() {
    for db in backends::each().await {
        let store = db.store().await;
        let [a, b] = add_each(
            &store,
            [
                ("a", "gulf", Meeting, "RUS+CHN", "2018-06", ""),
                ("b", "bbc", Visit, "RUS+CHN", "2018-06-08", "Beijing"),
            ],
        )
        .await;
        let before = store.events_with_countries(&[], &[]).await.unwrap();
        assert_eq!(
            (before.len(), before[0].date.value.as_str()),
            (1, "2018-06-08")
        );

        let out = store
            .replace_extraction(b.document_id, &[], &[])
            .await
            .unwrap();
        assert_eq!(out.events_removed, 0);
        let after = store.events_with_countries(&[], &[]).await.unwrap();
        assert_eq!(after[0].event_id, before[0].event_id);
        assert_eq!(
            after[0].date.value, "2018-06",
            "back to what the remaining source says"
        );
        assert_eq!(after[0].kind, EventKind::Meeting);
        assert_eq!(after[0].place, None);
        assert_eq!((after[0].article_count, after[0].source_count), (1, 1));

        let out = store
            .replace_extraction(a.document_id, &[], &[])
            .await
            .unwrap();
        assert_eq!(
            out.events_removed, 1,
            "an event without evidence is removed"
        );
        // SQLite keeps the quotes' search index in a table of its own.
        let search = (db.name == "sqlite").then_some("evidence_fts");
        for table in ["events", "evidence", "participants"]
            .into_iter()
            .chain(search)
        {
            assert_eq!(db.count(table).await, 0, "{table}");
        }
        assert_eq!(db.count("documents").await, 2);

        add_each(&store, [("c", "", Call, "RUS+USA", "2022-03-01", "")]).await;
        let next = store.events_with_countries(&[], &[]).await.unwrap();
        assert!(
            next[0].event_id > before[0].event_id,
            "a removed event's id is not reused"
        );
    }
}

#[tokio::test]
async fn the_same_text_is_stored_once() {
    for db in backends::each().await {
        let store = db.store().await;
        let events = [event(EventKind::Meeting, "RUS+CHN", "2018-06-08", "")];
        let first = add(&store, "نص واحد", "gulf", &events).await;
        let again = add(&store, "نص واحد", "bbc", &events).await;
        assert!(first.new && !again.new);
        assert_eq!(again.document_id, first.document_id);
        assert_eq!(db.count("evidence").await, 1);
    }
}

#[tokio::test]
async fn search_folds_arabic_spelling() {
    for db in backends::each().await {
        let store = db.store().await;
        let a = add(&store, "زار وزير الدفاع روسيا في أبريل الماضي", "", &[]).await;
        add(&store, "قمة في سمرقند", "", &[]).await;
        assert_eq!(
            store.search_documents("ابريل", 10).await.unwrap(),
            [a.document_id]
        );
        assert_eq!(
            store.search_documents("إبريل روسيا", 10).await.unwrap(),
            [a.document_id]
        );
        assert!(store.search_documents("بكين", 10).await.unwrap().is_empty());
        assert!(store.search_documents("\"", 10).await.unwrap().is_empty());
    }
}
