//! CSV (RFC 4180), one row per event.

use chrono::NaiveDate;
use serde::Serialize;

use super::{code, countries, distinct, first_quote};
use crate::store::TimelineEntry;

/// The CSV columns, written even when there are no rows so an empty export still says what
/// it would hold. [`CsvRow`] has the same fields in the same order.
#[rustfmt::skip]
const CSV_COLUMNS: [&str; 15] = [
    "event_id", "date", "earliest", "latest", "precision", "kind", "status", "participants",
    "countries", "place", "article_count", "source_count", "sources", "urls", "quote",
];

/// One line of the CSV export; fields in the order of [`CSV_COLUMNS`].
#[derive(Serialize)]
struct CsvRow<'a> {
    event_id: i64,
    date: &'a str,
    earliest: NaiveDate,
    latest: NaiveDate,
    precision: String,
    kind: &'static str,
    status: String,
    participants: String,
    countries: String,
    place: String,
    article_count: i64,
    source_count: i64,
    sources: String,
    urls: String,
    quote: String,
}

/// The entries as CSV (RFC 4180, UTF-8 without a byte order mark), a header and one row per
/// event; lists inside a cell are joined by `; `.
pub fn csv(entries: &[TimelineEntry]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's fifteen plain fields.
    w.write_record(CSV_COLUMNS).expect("header");
    for e in entries {
        w.serialize(csv_row(e)).expect("flat row");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("rows are UTF-8 strings")
}

fn csv_row(e: &TimelineEntry) -> CsvRow<'_> {
    let names = distinct(e.participants.iter().map(|p| p.name.as_ref()));
    let sources = e
        .evidence
        .iter()
        .filter_map(|q| q.source.as_deref().or(q.title.as_deref()));
    let urls = e.evidence.iter().filter_map(|q| q.url.as_deref());
    CsvRow {
        event_id: e.event_id,
        date: &e.date.value,
        earliest: e.date.earliest,
        latest: e.date.latest,
        precision: code(e.date.precision),
        kind: e.kind.as_str(),
        status: code(e.status),
        participants: cell(&names.join("; ")),
        countries: countries(e).join("; "),
        place: cell(e.place.as_ref().map_or("", |p| p.name.as_ref())),
        article_count: e.article_count,
        source_count: e.source_count,
        sources: cell(&distinct(sources).join("; ")),
        urls: cell(&distinct(urls).join("; ")),
        quote: cell(first_quote(e)),
    }
}

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and these
/// cells come from documents anyone with the token can post: a leading `'` keeps it text
/// (OWASP's advice on CSV injection).
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::Precision;
    use crate::render::fixtures::*;

    fn read_csv(text: &str) -> (Vec<String>, Vec<::csv::StringRecord>) {
        let mut r = ::csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().unwrap().iter().map(str::to_owned).collect();
        let rows = r.records().collect::<Result<_, _>>().unwrap();
        (header, rows)
    }

    #[test]
    fn csv_round_trips_an_arabic_quote_with_comma_and_quotes() {
        let quote = r#"قال المتحدث: "لن نتراجع"، وأضاف, بحسب المصدر، إن "الزيارة" ناجحة"#;
        let mut e = entry();
        e.evidence[0].quote = quote.to_owned();
        let (header, rows) = read_csv(&csv(&[e, at("2022-W37", Precision::Week)]));
        assert_eq!(header, CSV_COLUMNS);
        assert_eq!(rows.len(), 2);
        let want = [
            "12",
            "2018-06-08",
            "2018-06-08",
            "2018-06-08",
            "day",
            "meeting",
            "held",
            "China; Xi Jinping; Russia; Vladimir Putin",
            "CHN; RUS",
            "Beijing",
            "2",
            "1",
            "Al Jazeera",
            "https://news.example/3; https://news.example/4",
            quote,
        ];
        assert_eq!(rows[0].iter().collect::<Vec<_>>(), want);
        assert_eq!(
            rows[1].iter().skip(1).take(4).collect::<Vec<_>>(),
            ["2022-W37", "2022-09-12", "2022-09-18", "week"]
        );
    }

    #[test]
    fn csv_without_events_is_its_header() {
        assert_eq!(csv(&[]).trim_end(), CSV_COLUMNS.join(","));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            (QUOTE, QUOTE),
        ];
        for (quote, want) in cases {
            let mut e = entry();
            e.evidence[0].quote = quote.to_owned();
            let (_, rows) = read_csv(&csv(&[e]));
            assert_eq!(&rows[0][14], want);
        }
    }
}
