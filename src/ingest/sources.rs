//! Feeds and web pages as articles. RSS and Atom (and JSON Feed) are read by feed-rs, each
//! item one article; an HTML page's article body is found by dom_smoothie (a port of
//! Mozilla's Readability), its date taken from the page's own metadata
//! (`article:published_time`, JSON-LD `datePublished`, then the first `<time datetime>`).
//! Each says in words what is wrong with a source it cannot read.

use chrono::{DateTime, Utc};
use dom_smoothie::{Config, Readability, TextMode};

use super::input::Article;
use super::published::document_date;

/// What a fetched or named source holds, from its first bytes: feeds are XML (or JSON Feed),
/// pages HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Feed,
    Page,
}

pub(super) fn sniff(body: &[u8]) -> Kind {
    let start = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    let start = start.trim_start_matches('\u{feff}').trim_start();
    let feedish = ["<rss", "<feed", "<rdf:rdf", "{"];
    if feedish.iter().any(|p| start.starts_with(p))
        || (start.starts_with("<?xml") && !start.contains("<html"))
    {
        Kind::Feed
    } else {
        Kind::Page
    }
}

/// One item of a feed: its article, or why it was skipped, named by its position and title.
pub(super) struct Item {
    pub origin: String,
    /// The item's `guid` / `id`, or one feed-rs makes from its link and title.
    pub id: String,
    pub article: Result<Article, String>,
}

/// The items of a feed, in the feed's order, or why the feed as a whole cannot be read.
/// `base` resolves relative links (the feed's own URL).
pub(super) fn feed_items(body: &[u8], base: Option<&str>) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .timestamp_parser(local_timestamp)
        .build()
        .parse(body)
        .map_err(|e| format!("not a readable RSS or Atom feed: {e}"))?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_owned());
    Ok(feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(n, entry)| {
            let title = entry.title.as_ref().map(|t| html_text(&t.content));
            let origin = match &title {
                Some(t) if !t.is_empty() => format!("item {} ({t})", n + 1),
                _ => format!("item {}", n + 1),
            };
            let id = entry.id.clone();
            let article = feed_article(entry, title, outlet.clone());
            Item {
                origin,
                id,
                article,
            }
        })
        .collect())
}

fn feed_article(
    entry: feed_rs::model::Entry,
    title: Option<String>,
    outlet: Option<String>,
) -> Result<Article, String> {
    let stamp = entry
        .published
        .or(entry.updated)
        .ok_or("no readable publication date (pubDate, published or updated)")?;
    let published_at = stamp.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string();
    let dct = document_date(&published_at)?;
    let body = entry
        .content
        .and_then(|c| c.body)
        .or(entry.summary.map(|s| s.content))
        .map(|b| html_text(&b))
        .unwrap_or_default();
    if body.trim().is_empty() {
        return Err("no text (content or description)".to_owned());
    }
    Ok(Article {
        text: body,
        published_at,
        dct,
        url: entry.links.first().map(|l| l.href.clone()),
        title: title.filter(|t| !t.is_empty()),
        source: outlet.filter(|o| !o.is_empty()),
    })
}

/// feed-rs stores every date in UTC; this parser keeps the clock as the source wrote it
/// (`Tue, 01 Mar 2022 01:00:00 +0300` is 01:00 on 1 March), so that the document date is the
/// local date at the source. The `Utc` of the result is that wall clock, not UTC.
fn local_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .map(|t| t.naive_local().and_utc())
        .ok()
        // A bare date or a time without a zone (seen in the wild) is the source's own clock.
        .or_else(|| {
            let dct = document_date(s).ok()?;
            Some(dct.date.and_time(dct.time.unwrap_or_default()).and_utc())
        })
}

/// The text of an HTML fragment (a feed item's content), paragraphs on their own lines.
fn html_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return html.trim().to_owned();
    }
    let doc = dom_query::Document::fragment(html);
    for tag in ["p", "br", "div", "li", "h1", "h2", "h3"] {
        doc.select(tag).after_html("\n");
    }
    tidy(&doc.root().text())
}

/// Lines trimmed, runs of blank lines cut to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    out.trim_end().to_owned()
}

/// An HTML article page: its body, title, date and outlet. `url` is where it was read
/// (absolute), kept as the article's URL.
pub(super) fn page_article(html: &str, url: Option<&str>) -> Result<Article, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut page = Readability::new(html, url, Some(config))
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let time_tag = page
        .doc
        .select("time[datetime]")
        .attr("datetime")
        .map(|t| t.trim().to_owned());
    let found = page
        .parse()
        .map_err(|e| format!("no article text found in the page: {e}"))?;
    let Some(published_at) = found
        .published_time
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or(time_tag)
    else {
        return Err(
            "no publication date in the page (article:published_time, JSON-LD \
                    datePublished or <time datetime>)"
                .to_owned(),
        );
    };
    let dct = document_date(&published_at)?;
    let text = tidy(&found.text_content);
    if text.is_empty() {
        return Err("no article text found in the page".to_owned());
    }
    let host = url
        .and_then(|u| reqwest::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned));
    Ok(Article {
        text,
        published_at,
        dct,
        url: url.map(str::to_owned).or(found.url),
        title: Some(found.title.trim().to_owned()).filter(|t| !t.is_empty()),
        source: found.site_name.filter(|s| !s.trim().is_empty()).or(host),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>صحيفة الاختبار</title>
<item><title>قمة في موسكو</title><link>https://news.example/1</link>
<pubDate>Tue, 01 Mar 2022 01:00:00 +0300</pubDate>
<description>&lt;p&gt;التقى الرئيسان يوم الأحد الماضي.&lt;/p&gt;</description></item>
<item><title>بلا تاريخ</title><description>نص</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_keep_the_local_date_title_link_and_outlet() {
        let items = feed_items(RSS.as_bytes(), None).unwrap();
        assert_eq!(items.len(), 2);
        let a = items[0].article.as_ref().unwrap();
        assert_eq!(a.published_at, "2022-03-01T01:00:00");
        assert_eq!(a.dct.date.to_string(), "2022-03-01");
        assert_eq!(a.text, "التقى الرئيسان يوم الأحد الماضي.");
        assert_eq!(a.title.as_deref(), Some("قمة في موسكو"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/1"));
        assert_eq!(a.source.as_deref(), Some("صحيفة الاختبار"));
        assert_eq!(items[1].origin, "item 2 (بلا تاريخ)");
        assert!(
            items[1]
                .article
                .as_ref()
                .unwrap_err()
                .contains("no readable publication date")
        );
    }

    #[test]
    fn feed_dates_keep_the_clock_of_the_source() {
        let local = |s| local_timestamp(s).map(|t| t.naive_utc().to_string());
        #[rustfmt::skip]
        let cases = [
            ("Tue, 01 Mar 2022 01:00:00 +0300", Some("2022-03-01 01:00:00")),
            ("Mon, 28 Feb 2022 22:00:00 GMT", Some("2022-02-28 22:00:00")),
            ("2022-03-01T01:00:00+03:00", Some("2022-03-01 01:00:00")),
            ("2022-03-01", Some("2022-03-01 00:00:00")),
            ("2022-03-01T09:30", Some("2022-03-01 09:30:00")),
            ("yesterday", None),
        ];
        for (s, want) in cases {
            assert_eq!(local(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn broken_xml_is_one_error_for_the_feed() {
        let e = feed_items(b"<rss><channel><item><title>x</title>", None)
            .err()
            .unwrap();
        assert!(e.starts_with("not a readable RSS or Atom feed"), "{e}");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(RSS.as_bytes()), Kind::Feed);
        assert_eq!(sniff(b"\xef\xbb\xbf <feed xmlns=\"\">"), Kind::Feed);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Kind::Page);
    }
}
