//! The feeds for feed readers: JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) and
//! Atom (RFC 4287).

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};
use serde::Serialize;
use utoipa::ToSchema;

use super::{display_date, event_url, first_quote, first_web_url, headline, tags};
use crate::store::TimelineEntry;

/// The title of both feeds.
const FEED_TITLE: &str = "tarikh: dated events from Arabic news";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::Precision;
    use crate::render::fixtures::*;
    use serde_json::json;

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
