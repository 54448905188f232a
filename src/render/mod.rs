//! The feed in other shapes: TimelineJS, vis-timeline, CSV, JSON Feed and Atom, one file
//! each, beside the wording they share.
//!
//! Pure functions: the caller brings the entries, the base URL and the clock. Every shape
//! takes its title from one [`headline`] and its date from one [`display_date`] ([`date`]),
//! so an event reads the same everywhere. A date never claims more than the sources give: a
//! month stays a month, and a week, season or quarter becomes a range rather than an invented
//! day.
//!
//! TimelineJS and vis-timeline put their strings into the page as HTML, and a document may
//! hold `<script>`, so every quote, name and title is escaped here before it goes in. CSV, JSON
//! Feed and Atom are written by the csv crate, serde and atom_syndication, which escape for
//! their own syntax.
//!
//! - [`timelinejs`]: TimelineJS 3 slides; [`vis`]: vis-timeline items; [`mod@csv`]: the CSV
//!   export; [`feeds`]: JSON Feed 1.1 and Atom.

pub mod csv;
pub mod date;
pub mod feeds;
pub mod timelinejs;
pub mod vis;

#[cfg(test)]
mod fixtures;

use serde::Serialize;

use crate::extract::events::Status;
use crate::store::{EvidenceQuote, TimelineEntry};

pub use self::csv::csv;
pub use date::display_date;
pub use feeds::{JsonFeed, JsonFeedItem, atom, json_feed, newest_published};
pub use timelinejs::{TimelineJs, TimelineJsDate, TimelineJsEvent, TimelineJsText, timelinejs};
pub use vis::{VisItem, vis};

/// At most this many names in a headline: a summit can name twenty states.
const HEADLINE_NAMES: usize = 5;

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

/// `Al Jazeera: <title>`, or whichever of the two the document has.
fn attribution(q: &EvidenceQuote) -> String {
    match (q.source.as_deref(), q.title.as_deref()) {
        (Some(s), Some(t)) => format!("{s}: {t}"),
        (Some(x), None) | (None, Some(x)) => x.to_owned(),
        (None, None) => format!("document {}", q.document_id),
    }
}

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
    use crate::extract::events::Participant;
    use crate::render::fixtures::*;

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
}
