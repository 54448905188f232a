//! The feed in other shapes: TimelineJS, vis-timeline, CSV, JSON Feed and Atom.
//!
//! Pure functions: the caller brings the entries, the base URL and the clock. Every shape
//! takes its title from one [`headline`] and its date from one [`display_date`], so an event
//! reads the same everywhere. A date never claims more than the sources give: a month stays a
//! month, and a week, season or quarter becomes a range rather than an invented day.
//!
//! TimelineJS and vis-timeline put their strings into the page as HTML, and a document may
//! hold `<script>`, so every quote, name and title is escaped here before it goes in. CSV, JSON
//! Feed and Atom are written by the csv crate, serde and atom_syndication, which escape for
//! their own syntax.

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};
use serde::Serialize;
use utoipa::ToSchema;

use crate::extract::events::{EventDate, Precision, Status};
use crate::store::{EvidenceQuote, TimelineEntry};

/// The title of both feeds.
const FEED_TITLE: &str = "tarikh: dated events from Arabic news";

/// At most this many names in a headline: a summit can name twenty states.
const HEADLINE_NAMES: usize = 5;

/// The CSV columns, written even when there are no rows so an empty export still says what
/// it would hold. [`CsvRow`] has the same fields in the same order.
#[rustfmt::skip]
const CSV_COLUMNS: [&str; 15] = [
    "event_id", "date", "earliest", "latest", "precision", "kind", "status", "participants",
    "countries", "place", "article_count", "source_count", "sources", "urls", "quote",
];

/// What happened and who took part, in plain text: `Meeting: China, Russia`, or
/// `Visit (cancelled): Vladimir Putin` when it did not (or not yet) take place.
pub fn headline(e: &TimelineEntry) -> String {
    let mut label = capitalised(e.kind.as_str());
    if e.status != Status::Held {
        label = format!("{label} ({})", code(e.status));
    }
    let names = distinct(e.participants.iter().map(|p| p.name.as_ref()));
    if names.is_empty() {
        return label;
    }
    let mut list = names[..names.len().min(HEADLINE_NAMES)].join(", ");
    if names.len() > HEADLINE_NAMES {
        list += &format!(" and {} more", names.len() - HEADLINE_NAMES);
    }
    format!("{label}: {list}")
}

/// A date in English at the precision the sources give, no finer: `8 June 2018`,
/// `week of 12 September 2022`, `June 2018`, `summer 2016`, `third quarter of 2022`, `2018`,
/// `the 1990s`, `the 20th century`.
pub fn display_date(d: &EventDate) -> String {
    let (a, b) = (d.earliest, d.latest);
    match d.precision {
        Precision::Day => day_text(a),
        Precision::Week => format!("week of {}", day_text(a)),
        Precision::Month => a.format("%B %Y").to_string(),
        Precision::Season => season_text(d).unwrap_or_else(|| range_text(a, b)),
        Precision::Quarter => quarter_text(d).unwrap_or_else(|| range_text(a, b)),
        Precision::Year => a.year().to_string(),
        Precision::Decade => format!("the {}s", a.year()),
        Precision::Century => format!("the {} century", ordinal(a.year() / 100 + 1)),
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// `summer 2016`; winter runs from December, so it can span two years: `winter 2022–23`.
fn season_text(d: &EventDate) -> Option<String> {
    let name = match d.value.rsplit('-').next()? {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    };
    let (from, to) = (d.earliest.year(), d.latest.year());
    Some(if from == to {
        format!("{name} {from}")
    } else {
        format!("{name} {from}–{:02}", to % 100)
    })
}

/// `third quarter of 2022`, `first half of 2022` (halves are stored as quarter precision).
fn quarter_text(d: &EventDate) -> Option<String> {
    const NTH: [&str; 4] = ["first", "second", "third", "fourth"];
    let (unit, n) = match d.value.rsplit('-').next()?.split_at_checked(1)? {
        ("Q", n) => ("quarter", n),
        ("H", n) => ("half", n),
        _ => return None,
    };
    let nth = NTH.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
    Some(format!("{nth} {unit} of {}", d.earliest.year()))
}

/// The interval itself, for a value the names above do not know.
fn range_text(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day_text(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), day_text(b))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %B"), day_text(b))
    } else {
        format!("{} – {}", day_text(a), day_text(b))
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

// ---------------------------------------------------------------------------------------------
// TimelineJS 3: https://timeline.knightlab.com/docs/json-format.html

/// A TimelineJS 3 timeline: `new TL.Timeline(el, data)`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJs {
    pub events: Vec<TimelineJsEvent>,
}

/// One slide. `headline` and `text` are HTML, already escaped.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJsEvent {
    pub start_date: TimelineJsDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub end_date: Option<TimelineJsDate>,
    pub display_date: String,
    pub text: TimelineJsText,
    pub group: String,
    pub unique_id: String,
}

/// A TimelineJS date: only as many fields as the event's precision has.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimelineJsDate {
    pub year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub display_date: Option<String>,
}

/// A slide's title and body, both HTML.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineJsText {
    pub headline: String,
    pub text: String,
}

/// The entries as TimelineJS slides, one per event, grouped by kind.
pub fn timelinejs(entries: &[TimelineEntry]) -> TimelineJs {
    let events = entries.iter().map(timelinejs_event).collect();
    TimelineJs { events }
}

fn timelinejs_event(e: &TimelineEntry) -> TimelineJsEvent {
    let display = display_date(&e.date);
    let (mut start_date, end_date) = timelinejs_dates(&e.date);
    start_date.display_date = Some(display.clone());
    TimelineJsEvent {
        start_date,
        end_date,
        display_date: display,
        text: TimelineJsText {
            headline: escape_html(&headline(e)),
            text: timelinejs_text(e),
        },
        group: e.kind.as_str().to_owned(),
        unique_id: format!("event-{}", e.event_id),
    }
}

/// Day, month and year are single dates at their own precision; a week, season or quarter
/// is its first and last day; a decade or century its first and last year.
fn timelinejs_dates(d: &EventDate) -> (TimelineJsDate, Option<TimelineJsDate>) {
    let (a, b) = (d.earliest, d.latest);
    match d.precision {
        p @ (Precision::Day | Precision::Month | Precision::Year) => (js_date(a, p), None),
        Precision::Week | Precision::Season | Precision::Quarter => {
            (js_date(a, Precision::Day), Some(js_date(b, Precision::Day)))
        }
        Precision::Decade | Precision::Century => (
            js_date(a, Precision::Year),
            Some(js_date(b, Precision::Year)),
        ),
    }
}

/// `finest` is `Day`, `Month` or `Year`: the last field to fill.
fn js_date(d: NaiveDate, finest: Precision) -> TimelineJsDate {
    TimelineJsDate {
        year: d.year().to_string(),
        month: (finest <= Precision::Month).then(|| d.month().to_string()),
        day: (finest == Precision::Day).then(|| d.day().to_string()),
        display_date: None,
    }
}

/// The first report's quote, right to left, then where it was read, linked when the
/// document has a web address.
fn timelinejs_text(e: &TimelineEntry) -> String {
    let Some(q) = e.evidence.first() else {
        return String::new();
    };
    let who = escape_html(&attribution(q));
    let source = match q.url.as_deref().filter(|u| is_web_url(u)) {
        Some(url) => format!(r#"<p><a href="{}">{who}</a></p>"#, escape_html(url)),
        None => format!("<p>{who}</p>"),
    };
    format!(
        r#"<p dir="rtl" lang="ar">{}</p>{source}"#,
        escape_html(&q.quote)
    )
}

/// `Al Jazeera: <title>`, or whichever of the two the document has.
fn attribution(q: &EvidenceQuote) -> String {
    match (q.source.as_deref(), q.title.as_deref()) {
        (Some(s), Some(t)) => format!("{s}: {t}"),
        (Some(x), None) | (None, Some(x)) => x.to_owned(),
        (None, None) => format!("document {}", q.document_id),
    }
}

// ---------------------------------------------------------------------------------------------
// vis-timeline: https://visjs.github.io/vis-timeline/docs/timeline/#items

/// One vis-timeline DataSet item. vis puts `content` and `title` into the page as HTML, so
/// both are escaped.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VisItem {
    pub id: i64,
    pub content: String,
    pub start: String,
    /// Exclusive: the day after the last possible day.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub end: Option<String>,
    /// `point` for a known day, `range` for anything coarser.
    #[serde(rename = "type")]
    pub item_type: &'static str,
    pub group: String,
    /// The tooltip: the date, then the first quote. HTML too: vis shows it with `innerHTML`
    /// (after its own XSS filter), so a plain-text title would show its entities.
    pub title: String,
    /// `precision-day`, `precision-month` …, for the page to style.
    pub class_name: String,
}

/// The entries as vis-timeline items, one per event, grouped by kind.
pub fn vis(entries: &[TimelineEntry]) -> Vec<VisItem> {
    entries.iter().map(vis_item).collect()
}

fn vis_item(e: &TimelineEntry) -> VisItem {
    let d = &e.date;
    let point = d.precision == Precision::Day;
    let mut title = escape_html(&display_date(d));
    if let Some(q) = e.evidence.first() {
        title += &format!(
            r#"<br><span dir="rtl" lang="ar">{}</span>"#,
            escape_html(&q.quote)
        );
    }
    VisItem {
        id: e.event_id,
        content: escape_html(&headline(e)),
        start: d.earliest.to_string(),
        end: (!point).then(|| (d.latest + Days::new(1)).to_string()),
        item_type: if point { "point" } else { "range" },
        group: e.kind.as_str().to_owned(),
        title,
        class_name: format!("precision-{}", code(d.precision)),
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

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
    let mut w = csv::WriterBuilder::new()
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

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1: https://www.jsonfeed.org/version/1.1/

/// A JSON Feed 1.1 document (`application/feed+json`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JsonFeed {
    pub version: &'static str,
    pub title: &'static str,
    pub home_page_url: String,
    pub feed_url: String,
    pub items: Vec<JsonFeedItem>,
}

/// One event as a JSON Feed item.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JsonFeedItem {
    /// The event's API URL, which is also its permalink.
    pub id: String,
    pub url: String,
    /// The first report's article, when it has a web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub external_url: Option<String>,
    pub title: String,
    pub content_text: String,
    /// RFC 3339: when the event was first reported (its first report's publication).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub date_published: Option<String>,
    pub tags: Vec<String>,
    pub language: &'static str,
}

/// The entries as a JSON Feed, in the order given. `base_url` is the service's public root
/// (`https://tarikh.example`), with or without a trailing slash.
pub fn json_feed(entries: &[TimelineEntry], base_url: &str) -> JsonFeed {
    let base = base_url.trim_end_matches('/');
    JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: FEED_TITLE,
        home_page_url: format!("{base}/"),
        feed_url: format!("{base}/feed.json"),
        items: entries.iter().map(|e| json_feed_item(e, base)).collect(),
    }
}

fn json_feed_item(e: &TimelineEntry, base: &str) -> JsonFeedItem {
    let url = event_url(base, e.event_id);
    let quote = first_quote(e);
    let mut content_text = display_date(&e.date);
    if !quote.is_empty() {
        content_text = format!("{content_text}\n\n{quote}");
    }
    JsonFeedItem {
        id: url.clone(),
        url,
        external_url: first_web_url(e).map(str::to_owned),
        title: headline(e),
        content_text,
        date_published: newest_published(e).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        tags: tags(e),
        language: "ar",
    }
}

// ---------------------------------------------------------------------------------------------
// Atom: RFC 4287

/// The entries as an Atom feed (`application/atom+xml`), in the order given. `updated` is the
/// feed's own time, and any entry's whose reports carry no readable date. With an empty
/// `base_url` the links are relative and the ids (which must be absolute) `urn:tarikh:…`.
pub fn atom(entries: &[TimelineEntry], base_url: &str, updated: DateTime<FixedOffset>) -> String {
    let base = base_url.trim_end_matches('/');
    let feed = Feed {
        title: Text::plain(FEED_TITLE),
        id: if base.is_empty() {
            "urn:tarikh:feed".to_owned()
        } else {
            format!("{base}/feed.atom")
        },
        updated,
        // RFC 4287 wants an author on the feed when its entries have none.
        authors: vec![Person {
            name: "tarikh".to_owned(),
            ..Person::default()
        }],
        links: vec![
            link(format!("{base}/feed.atom"), "self", "application/atom+xml"),
            link(format!("{base}/"), "alternate", "text/html"),
        ],
        entries: entries
            .iter()
            .map(|e| atom_entry(e, base, updated))
            .collect(),
        ..Feed::default()
    };
    feed.to_string()
}

/// The title carries the date, which Atom has no other place for; the summary is the quote,
/// marked as Arabic.
fn atom_entry(e: &TimelineEntry, base: &str, updated: DateTime<FixedOffset>) -> Entry {
    let url = event_url(base, e.event_id);
    let mut links = vec![link(url.clone(), "alternate", "application/json")];
    if let Some(article) = first_web_url(e) {
        links.push(link(article.to_owned(), "related", "text/html"));
    }
    let summary = e.evidence.first().map(|q| Text {
        lang: Some("ar".to_owned()),
        ..Text::plain(q.quote.as_str())
    });
    let categories = tags(e).into_iter().map(|term| Category {
        term,
        ..Category::default()
    });
    let id = if base.is_empty() {
        format!("urn:tarikh:event:{}", e.event_id)
    } else {
        url
    };
    Entry {
        title: Text::plain(format!("{} ({})", headline(e), display_date(&e.date))),
        id,
        updated: newest_published(e).unwrap_or(updated),
        links,
        summary,
        categories: categories.collect(),
        ..Entry::default()
    }
}

fn link(href: String, rel: &str, mime_type: &str) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: Some(mime_type.to_owned()),
        ..Link::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

fn event_url(base: &str, event_id: i64) -> String {
    format!("{base}/api/v1/events/{event_id}")
}

fn first_quote(e: &TimelineEntry) -> &str {
    e.evidence.first().map_or("", |q| q.quote.as_str())
}

/// Only http(s) addresses become links: a `javascript:` URL in a posted document must not.
fn is_web_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn first_web_url(e: &TimelineEntry) -> Option<&str> {
    e.evidence
        .iter()
        .filter_map(|q| q.url.as_deref())
        .find(|u| is_web_url(u))
}

/// The kind, then the participants' countries: a feed reader's categories.
fn tags(e: &TimelineEntry) -> Vec<String> {
    let mut tags = vec![e.kind.as_str().to_owned()];
    tags.extend(countries(e).into_iter().map(str::to_owned));
    tags
}

fn countries(e: &TimelineEntry) -> Vec<&str> {
    distinct(e.participants.iter().map(|p| p.country.as_ref()))
}

/// When the newest of the entry's reports was published (the feeds load each event's first
/// report only, so there it is when the event was first reported). The store keeps `YYYY-MM-DD` or
/// `YYYY-MM-DDThh:mm[:ss]` without a zone, read as UTC (midnight when there is no time).
pub fn newest_published(e: &TimelineEntry) -> Option<DateTime<FixedOffset>> {
    e.evidence
        .iter()
        .filter_map(|q| published(&q.published_at))
        .max()
}

fn published(s: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let naive = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            day.and_hms_opt(0, 0, 0)
        })?;
    Some(naive.and_utc().fixed_offset())
}

/// First occurrences, in order, without empties.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in items {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The serde name of a store enum (`held`, `month`): the word the JSON API uses for it.
fn code(v: impl Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Text made safe to put between HTML tags or inside a quoted attribute.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::{EventKind, Participant, Place};
    use crate::extract::resolve::span;
    use serde_json::json;

    const QUOTE: &str = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين في بكين.";
    const HOSTILE: &str = r#"<script>alert("x") & 'y'</script>"#;
    const HOSTILE_ESCAPED: &str =
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;";

    fn date(value: &str, precision: Precision) -> EventDate {
        let (earliest, latest) = span(value).unwrap();
        EventDate {
            value: value.to_owned(),
            earliest,
            latest,
            precision,
        }
    }

    fn person(name: &str, country: &str) -> Participant {
        Participant {
            name: name.to_owned().into(),
            country: country.to_owned().into(),
            wikidata: None,
        }
    }

    fn report(evidence_id: i64, quote: &str, published_at: &str) -> EvidenceQuote {
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
    fn entry() -> TimelineEntry {
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
    fn hostile() -> TimelineEntry {
        let mut e = entry();
        e.participants = vec![person("<b>Bob</b>", "USA")];
        e.evidence[0].quote = HOSTILE.to_owned();
        e.evidence[0].title = Some("<img src=x onerror=alert(1)>".to_owned());
        e.evidence[0].url = Some("javascript:alert(1)".to_owned());
        e
    }

    fn at(value: &str, precision: Precision) -> TimelineEntry {
        TimelineEntry {
            date: date(value, precision),
            ..entry()
        }
    }

    /// value, precision, display date, TimelineJS start and end (present fields joined by
    /// `-`), vis start, end and type.
    type Case = (
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
    const PRECISIONS: &[Case] = &[
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

    fn joined(d: Option<&TimelineJsDate>) -> String {
        let Some(d) = d else { return String::new() };
        [Some(&d.year), d.month.as_ref(), d.day.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("-")
    }

    #[test]
    fn display_dates_keep_their_precision() {
        for &(value, precision, want, ..) in PRECISIONS {
            assert_eq!(display_date(&date(value, precision)), want, "{value}");
        }
    }

    #[test]
    fn unknown_values_show_their_interval() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("2022-09-12", "2022-09-18", "12–18 September 2022"),
            ("2022-09-12", "2022-10-03", "12 September – 3 October 2022"),
            (
                "2022-12-28",
                "2023-01-03",
                "28 December 2022 – 3 January 2023",
            ),
        ];
        for (a, b, want) in cases {
            for precision in [Precision::Season, Precision::Quarter] {
                let odd = EventDate {
                    value: "2022-XX".to_owned(),
                    earliest: d(a),
                    latest: d(b),
                    precision,
                };
                assert_eq!(display_date(&odd), want, "{a}..{b} {precision:?}");
            }
        }
    }

    #[test]
    fn ordinals() {
        for (n, want) in [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (11, "11th"),
            (21, "21st"),
        ] {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn headlines() {
        let many: Vec<Participant> = ["A", "B", "C", "D", "E", "F", "G"]
            .iter()
            .map(|n| person(n, "XXX"))
            .collect();
        let cases: [(Status, Vec<Participant>, &str); 5] = [
            (
                Status::Held,
                entry().participants,
                "Meeting: China, Xi Jinping, Russia, Vladimir Putin",
            ),
            (
                Status::Cancelled,
                vec![person("Russia", "RUS")],
                "Meeting (cancelled): Russia",
            ),
            (Status::Announced, vec![], "Meeting (announced)"),
            (
                Status::Held,
                vec![person("Russia", "RUS"), person("Russia", "RUS")],
                "Meeting: Russia",
            ),
            (Status::Held, many, "Meeting: A, B, C, D, E and 2 more"),
        ];
        for (status, participants, want) in cases {
            let e = TimelineEntry {
                status,
                participants,
                ..entry()
            };
            assert_eq!(headline(&e), want);
        }
    }

    #[test]
    fn timelinejs_dates_go_down_to_the_real_precision() {
        for &(value, precision, display, start, end, ..) in PRECISIONS {
            let js = timelinejs(&[at(value, precision)]);
            let ev = &js.events[0];
            assert_eq!(joined(Some(&ev.start_date)), start, "{value} start");
            assert_eq!(joined(ev.end_date.as_ref()), end, "{value} end");
            assert_eq!(ev.display_date, display, "{value}");
            assert_eq!(ev.start_date.display_date.as_deref(), Some(display));
        }
    }

    #[test]
    fn timelinejs_shape() {
        let got = serde_json::to_value(timelinejs(&[at("2018-06", Precision::Month)])).unwrap();
        let ev = &got["events"][0];
        assert_eq!(
            ev["start_date"],
            json!({"year": "2018", "month": "6", "display_date": "June 2018"})
        );
        assert!(ev.get("end_date").is_none());
        assert_eq!(ev["group"], "meeting");
        assert_eq!(ev["unique_id"], "event-12");
        assert_eq!(
            ev["text"]["headline"],
            "Meeting: China, Xi Jinping, Russia, Vladimir Putin"
        );
        assert_eq!(
            ev["text"]["text"],
            format!(
                r#"<p dir="rtl" lang="ar">{QUOTE}</p><p><a href="https://news.example/3">Al Jazeera: بوتين في بكين</a></p>"#
            )
        );
    }

    #[test]
    fn timelinejs_escapes_what_documents_bring() {
        let ev = &timelinejs(&[hostile()]).events[0];
        assert_eq!(ev.text.headline, "Meeting: &lt;b&gt;Bob&lt;/b&gt;");
        let text = &ev.text.text;
        assert!(text.contains(HOSTILE_ESCAPED), "{text}");
        for raw in ["<script", "<img", "<b>", "javascript:"] {
            assert!(!text.contains(raw), "{raw} in {text}");
        }
    }

    #[test]
    fn vis_items_by_precision() {
        for &(value, precision, .., start, end, item_type) in PRECISIONS {
            let item = &vis(&[at(value, precision)])[0];
            assert_eq!(item.start, start, "{value}");
            assert_eq!(item.end.as_deref().unwrap_or(""), end, "{value}");
            assert_eq!(item.item_type, item_type, "{value}");
            assert_eq!(item.class_name, format!("precision-{}", code(precision)));
        }
    }

    #[test]
    fn vis_shape() {
        let got = serde_json::to_value(vis(&[entry()])).unwrap();
        assert_eq!(
            got[0],
            json!({
                "id": 12,
                "content": "Meeting: China, Xi Jinping, Russia, Vladimir Putin",
                "start": "2018-06-08",
                "type": "point",
                "group": "meeting",
                "title": format!(r#"8 June 2018<br><span dir="rtl" lang="ar">{QUOTE}</span>"#),
                "className": "precision-day",
            })
        );
    }

    #[test]
    fn vis_escapes_content_and_title() {
        let item = &vis(&[hostile()])[0];
        assert_eq!(item.content, "Meeting: &lt;b&gt;Bob&lt;/b&gt;");
        assert!(item.title.contains(HOSTILE_ESCAPED), "{}", item.title);
        assert!(!item.title.contains("<script"), "{}", item.title);
    }

    fn read_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut r = csv::Reader::from_reader(text.as_bytes());
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

    #[test]
    fn published_at_becomes_rfc3339() {
        let cases = [
            ("2022-09-15", Some("2022-09-15T00:00:00Z")),
            ("2022-09-15T10:30", Some("2022-09-15T10:30:00Z")),
            ("2022-09-15T10:30:05", Some("2022-09-15T10:30:05Z")),
            (
                "2022-09-15T10:30:05+03:00",
                Some("2022-09-15T10:30:05+03:00"),
            ),
            ("15/09/2022", None),
        ];
        for (s, want) in cases {
            let got = published(s).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true));
            assert_eq!(got.as_deref(), want, "{s}");
        }
    }

    #[test]
    fn json_feed_shape() {
        let got = serde_json::to_value(json_feed(&[entry()], "https://t.example/")).unwrap();
        let item = json!({
            "id": "https://t.example/api/v1/events/12",
            "url": "https://t.example/api/v1/events/12",
            "external_url": "https://news.example/3",
            "title": "Meeting: China, Xi Jinping, Russia, Vladimir Putin",
            "content_text": format!("8 June 2018\n\n{QUOTE}"),
            "date_published": "2018-06-10T08:30:00Z",
            "tags": ["meeting", "CHN", "RUS"],
            "language": "ar",
        });
        let want = json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "tarikh: dated events from Arabic news",
            "home_page_url": "https://t.example/",
            "feed_url": "https://t.example/feed.json",
            "items": [item],
        });
        assert_eq!(got, want);
    }

    #[test]
    fn json_feed_links_only_web_addresses() {
        let feed = json_feed(&[hostile()], "https://t.example");
        assert_eq!(
            feed.items[0].external_url.as_deref(),
            Some("https://news.example/4")
        );
    }

    fn updated() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2024-01-02T03:04:05Z").unwrap()
    }

    #[test]
    fn atom_parses_back() {
        let mut bare = at("2022-Q3", Precision::Quarter);
        bare.event_id = 13;
        bare.evidence.clear();
        let xml = atom(&[entry(), bare], "https://t.example", updated());
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.id, "https://t.example/feed.atom");
        assert_eq!(feed.title.value, FEED_TITLE);
        assert_eq!(feed.updated, updated());
        assert_eq!(feed.entries.len(), 2);

        let e = &feed.entries[0];
        assert_eq!(e.id, "https://t.example/api/v1/events/12");
        assert_eq!(
            e.title.value,
            "Meeting: China, Xi Jinping, Russia, Vladimir Putin (8 June 2018)"
        );
        assert_eq!(e.updated.to_rfc3339(), "2018-06-10T08:30:00+00:00");
        let summary = e.summary.as_ref().unwrap();
        assert_eq!(
            (summary.value.as_str(), summary.lang.as_deref()),
            (QUOTE, Some("ar"))
        );
        let terms: Vec<&str> = e.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(terms, ["meeting", "CHN", "RUS"]);
        let links: Vec<(&str, &str)> = e
            .links
            .iter()
            .map(|l| (l.rel.as_str(), l.href.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("alternate", "https://t.example/api/v1/events/12"),
                ("related", "https://news.example/3")
            ]
        );

        let bare = &feed.entries[1];
        assert_eq!(bare.updated, updated(), "no report: the feed's own time");
        assert!(bare.summary.is_none());
        assert!(bare.title.value.ends_with("(third quarter of 2022)"));
    }

    #[test]
    fn atom_escapes_a_script_quote() {
        let xml = atom(&[hostile()], "https://t.example", updated());
        assert!(!xml.contains("<script"), "{xml}");
        assert!(xml.contains("&lt;script&gt;"), "{xml}");
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.entries[0].summary.as_ref().unwrap().value, HOSTILE);
        let related: Vec<&str> = feed.entries[0]
            .links
            .iter()
            .filter(|l| l.rel == "related")
            .map(|l| l.href.as_str())
            .collect();
        assert_eq!(related, ["https://news.example/4"]);
    }
}
