//! One event in every shape's tests: Xi and Putin meet in Beijing, and its hostile twin.

use crate::extract::events::{EventDate, EventKind, Participant, Place, Precision, Status};
use crate::extract::resolve::span;
use crate::store::{EvidenceQuote, TimelineEntry};

pub(crate) const QUOTE: &str =
    "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في بكين.";
pub(crate) const HOSTILE: &str = r#"<script>alert("x") & 'y'</script>"#;
pub(crate) const HOSTILE_ESCAPED: &str =
    "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;";

pub(crate) fn date(value: &str, precision: Precision) -> EventDate {
    let (earliest, latest) = span(value).unwrap();
    EventDate {
        value: value.to_owned(),
        earliest,
        latest,
        precision,
    }
}

pub(crate) fn person(name: &str, country: &str) -> Participant {
    Participant {
        name: name.to_owned().into(),
        country: country.to_owned().into(),
        wikidata: None,
    }
}

pub(crate) fn report(evidence_id: i64, quote: &str, published_at: &str) -> EvidenceQuote {
    EvidenceQuote {
        evidence_id,
        document_id: evidence_id,
        title: Some("بوتين في بكين".to_owned()),
        url: Some(format!("https://news.example/{evidence_id}")),
        source: Some("Al Jazeera".to_owned()),
        published_at: published_at.to_owned(),
        kind: EventKind::Meeting,
        trigger: "التقى".to_owned(),
        quote: quote.to_owned(),
        claimed: None,
        merge_reason: "first report".to_owned(),
    }
}

/// Event 12: Xi and Putin meet in Beijing on 8 June 2018, reported twice by one source.
pub(crate) fn entry() -> TimelineEntry {
    TimelineEntry {
        event_id: 12,
        kind: EventKind::Meeting,
        status: Status::Held,
        plover: Some("CONSULT".to_owned()),
        plover_mode: None,
        cameo: "040".to_owned(),
        date: date("2018-06-08", Precision::Day),
        date_conflict: None,
        place: Some(Place {
            name: "Beijing".into(),
            country: "CHN".into(),
            lat: 39.9,
            lon: 116.4,
            wikidata: Some("Q956".into()),
        }),
        participants: vec![
            person("China", "CHN"),
            person("Xi Jinping", "CHN"),
            person("Russia", "RUS"),
            person("Vladimir Putin", "RUS"),
        ],
        article_count: 2,
        source_count: 1,
        evidence_count: 1,
        evidence: vec![
            report(3, QUOTE, "2018-06-09"),
            report(4, "وصل بوتين إلى بكين.", "2018-06-10T08:30"),
        ],
    }
}

/// The event with a `<script>` quote, a tag for a name, an `<img>` title and a
/// `javascript:` URL: what a hostile posted document could carry.
pub(crate) fn hostile() -> TimelineEntry {
    let mut e = entry();
    e.participants = vec![person("<b>Bob</b>", "USA")];
    e.evidence[0].quote = HOSTILE.to_owned();
    e.evidence[0].title = Some("<img src=x onerror=alert(1)>".to_owned());
    e.evidence[0].url = Some("javascript:alert(1)".to_owned());
    e
}

pub(crate) fn at(value: &str, precision: Precision) -> TimelineEntry {
    TimelineEntry {
        date: date(value, precision),
        ..entry()
    }
}

/// value, precision, display date, TimelineJS start and end (present fields joined by
/// `-`), vis start, end and type.
pub(crate) type Case = (
    &'static str,
    Precision,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
pub(crate) const PRECISIONS: &[Case] = &[
    ("2018-06-08", Precision::Day, "8 June 2018", "2018-6-8", "", "2018-06-08", "", "point"),
    ("2022-W37", Precision::Week, "week of 12 September 2022",
        "2022-9-12", "2022-9-18", "2022-09-12", "2022-09-19", "range"),
    ("2018-06", Precision::Month, "June 2018", "2018-6", "", "2018-06-01", "2018-07-01", "range"),
    ("2016-SU", Precision::Season, "summer 2016",
        "2016-6-1", "2016-8-31", "2016-06-01", "2016-09-01", "range"),
    ("2022-WI", Precision::Season, "winter 2022–23",
        "2022-12-1", "2023-2-28", "2022-12-01", "2023-03-01", "range"),
    ("2022-Q3", Precision::Quarter, "third quarter of 2022",
        "2022-7-1", "2022-9-30", "2022-07-01", "2022-10-01", "range"),
    ("2022-H1", Precision::Quarter, "first half of 2022",
        "2022-1-1", "2022-6-30", "2022-01-01", "2022-07-01", "range"),
    ("2018", Precision::Year, "2018", "2018", "", "2018-01-01", "2019-01-01", "range"),
    ("199", Precision::Decade, "the 1990s", "1990", "1999", "1990-01-01", "2000-01-01", "range"),
    ("19", Precision::Century, "the 20th century",
        "1900", "1999", "1900-01-01", "2000-01-01", "range"),
];
