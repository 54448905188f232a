//! The feeds for feed readers: JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) and
//! Atom (RFC 4287), in English or Arabic ([`Lang`]): titles and dates in the feed's language,
//! the quotes as the sources wrote them. An item links to the event on the page
//! (`/?event=N`), in the feed's language; its id stays the event's API URL.

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};
use serde::Serialize;
use utoipa::ToSchema;

use super::{
    Lang, display_date_in, event_url, first_quote, first_web_url, headline_in, page_url, tags,
};
use crate::store::TimelineEntry;

/// The title of both feeds, by language.
fn feed_title(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "tarikh: dated events from Arabic news",
        Lang::Ar => "تاريخ: أحداث مؤرخة من الأخبار العربية",
    }
}

/// `?lang=ar` on the Arabic feed's own links, nothing on the English one.
fn lang_query(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Ar => "?lang=ar",
    }
}

/// A JSON Feed 1.1 document (`application/feed+json`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JsonFeed {
    pub version: &'static str,
    pub title: &'static str,
    /// The page, in the feed's language.
    pub home_page_url: String,
    pub feed_url: String,
    /// `en` or `ar`: the language of the titles and dates.
    pub language: &'static str,
    pub items: Vec<JsonFeedItem>,
}

/// One event as a JSON Feed item.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JsonFeedItem {
    /// The event's API URL: its permanent id.
    pub id: String,
    /// The event on the page (`/?event=N`, with `&lang=ar` in the Arabic feed).
    pub url: String,
    /// The first report's article, when it has a web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub external_url: Option<String>,
    pub title: String,
    /// The date in words, then the first report's quote (in Arabic, as written).
    pub content_text: String,
    /// RFC 3339: when the event was first reported (its first report's publication).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub date_published: Option<String>,
    pub tags: Vec<String>,
    /// The feed's language, that of the title and date.
    pub language: &'static str,
}

/// The entries as a JSON Feed in `lang`, in the order given. `base_url` is the service's
/// public root (`https://tarikh.example`), with or without a trailing slash.
pub fn json_feed(entries: &[TimelineEntry], base_url: &str, lang: Lang) -> JsonFeed {
    let base = base_url.trim_end_matches('/');
    let query = lang_query(lang);
    JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: feed_title(lang),
        home_page_url: format!("{base}/{query}"),
        feed_url: format!("{base}/feed.json{query}"),
        language: lang.code(),
        items: entries
            .iter()
            .map(|e| json_feed_item(e, base, lang))
            .collect(),
    }
}

fn json_feed_item(e: &TimelineEntry, base: &str, lang: Lang) -> JsonFeedItem {
    let quote = first_quote(e);
    let mut content_text = display_date_in(&e.date, lang);
    if !quote.is_empty() {
        content_text = format!("{content_text}\n\n{quote}");
    }
    JsonFeedItem {
        id: event_url(base, e.event_id),
        url: page_url(base, e.event_id, lang),
        external_url: first_web_url(e).map(str::to_owned),
        title: headline_in(e, lang),
        content_text,
        date_published: newest_published(e).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        tags: tags(e),
        language: lang.code(),
    }
}

// ---------------------------------------------------------------------------------------------
// Atom: RFC 4287

/// The entries as an Atom feed (`application/atom+xml`) in `lang`, in the order given.
/// `updated` is the feed's own time, and any entry's whose reports carry no readable date.
/// With an empty `base_url` the links are relative and the ids (which must be absolute)
/// `urn:tarikh:…`.
pub fn atom(
    entries: &[TimelineEntry],
    base_url: &str,
    updated: DateTime<FixedOffset>,
    lang: Lang,
) -> String {
    let base = base_url.trim_end_matches('/');
    let query = lang_query(lang);
    let feed = Feed {
        title: Text::plain(feed_title(lang)),
        id: match (base.is_empty(), lang) {
            (true, Lang::En) => "urn:tarikh:feed".to_owned(),
            (true, Lang::Ar) => "urn:tarikh:feed:ar".to_owned(),
            (false, _) => format!("{base}/feed.atom{query}"),
        },
        updated,
        // RFC 4287 wants an author on the feed when its entries have none.
        authors: vec![Person {
            name: "tarikh".to_owned(),
            ..Person::default()
        }],
        links: vec![
            link(
                format!("{base}/feed.atom{query}"),
                "self",
                "application/atom+xml",
            ),
            link(format!("{base}/{query}"), "alternate", "text/html"),
        ],
        lang: Some(lang.code().to_owned()),
        entries: entries
            .iter()
            .map(|e| atom_entry(e, base, updated, lang))
            .collect(),
        ..Feed::default()
    };
    feed.to_string()
}

/// The title carries the date, which Atom has no other place for; the summary is the quote,
/// marked as Arabic. The first link is the event on the page, then the event as JSON.
fn atom_entry(e: &TimelineEntry, base: &str, updated: DateTime<FixedOffset>, lang: Lang) -> Entry {
    let url = event_url(base, e.event_id);
    let mut links = vec![
        link(page_url(base, e.event_id, lang), "alternate", "text/html"),
        link(url.clone(), "alternate", "application/json"),
    ];
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
    let title = format!(
        "{} ({})",
        headline_in(e, lang),
        display_date_in(&e.date, lang)
    );
    Entry {
        title: Text {
            lang: Some(lang.code().to_owned()),
            ..Text::plain(title)
        },
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
        let got =
            serde_json::to_value(json_feed(&[entry()], "https://t.example/", Lang::En)).unwrap();
        let item = json!({
            "id": "https://t.example/api/v1/events/12",
            "url": "https://t.example/?event=12",
            "external_url": "https://news.example/3",
            "title": "Meeting: China, Xi Jinping, Russia, Vladimir Putin",
            "content_text": format!("8 June 2018\n\n{QUOTE}"),
            "date_published": "2018-06-10T08:30:00Z",
            "tags": ["meeting", "CHN", "RUS"],
            "language": "en",
        });
        let want = json!({
            "version": "https://jsonfeed.org/version/1.1",
            "title": "tarikh: dated events from Arabic news",
            "home_page_url": "https://t.example/",
            "feed_url": "https://t.example/feed.json",
            "language": "en",
            "items": [item],
        });
        assert_eq!(got, want);
    }

    #[test]
    fn json_feed_links_only_web_addresses() {
        let feed = json_feed(&[hostile()], "https://t.example", Lang::En);
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
        let xml = atom(&[entry(), bare], "https://t.example", updated(), Lang::En);
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.id, "https://t.example/feed.atom");
        assert_eq!(feed.title.value, feed_title(Lang::En));
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
                ("alternate", "https://t.example/?event=12"),
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
        let xml = atom(&[hostile()], "https://t.example", updated(), Lang::En);
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

    #[test]
    fn arabic_feeds_speak_arabic_and_link_to_the_arabic_page() {
        let feed = json_feed(&[entry()], "https://t.example", Lang::Ar);
        assert_eq!(feed.title, "تاريخ: أحداث مؤرخة من الأخبار العربية");
        assert_eq!(feed.language, "ar");
        assert_eq!(feed.home_page_url, "https://t.example/?lang=ar");
        assert_eq!(feed.feed_url, "https://t.example/feed.json?lang=ar");
        let item = &feed.items[0];
        assert_eq!(item.id, "https://t.example/api/v1/events/12");
        assert_eq!(item.url, "https://t.example/?event=12&lang=ar");
        assert_eq!(item.title, "لقاء: الصين، شي جين بينغ، روسيا، فلاديمير بوتين");
        assert_eq!(item.content_text, format!("8 حزيران 2018\n\n{QUOTE}"));
        assert_eq!(item.language, "ar");

        let xml = atom(&[entry()], "", updated(), Lang::Ar);
        let feed: Feed = xml.parse().unwrap();
        assert_eq!(feed.id, "urn:tarikh:feed:ar");
        assert_eq!(feed.lang.as_deref(), Some("ar"));
        let e = &feed.entries[0];
        assert_eq!(
            e.title.value,
            "لقاء: الصين، شي جين بينغ، روسيا، فلاديمير بوتين (8 حزيران 2018)"
        );
        assert_eq!(e.title.lang.as_deref(), Some("ar"));
        assert_eq!(e.links[0].href, "/?event=12&lang=ar");
        assert_eq!(e.links[0].mime_type.as_deref(), Some("text/html"));
    }
}
