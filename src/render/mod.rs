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
mod words;

#[cfg(test)]
mod fixtures;

use serde::Serialize;

use crate::extract::events::Status;
use crate::store::{EvidenceQuote, TimelineEntry};

pub use self::csv::csv;
pub use date::{display_date, display_date_in};
pub use feeds::{JsonFeed, JsonFeedItem, atom, json_feed, newest_published};
pub use timelinejs::{TimelineJs, TimelineJsDate, TimelineJsEvent, TimelineJsText, timelinejs};
pub use vis::{VisItem, vis};

/// At most this many names in a headline: a summit can name twenty states.
const HEADLINE_NAMES: usize = 5;

/// The language of a feed's own words, its titles and dates; the quotes stay as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    /// The BCP 47 code: `en`, `ar`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

/// What happened and who took part, in plain text: `Meeting: China, Russia`, or
/// `Visit (cancelled): Vladimir Putin` when it did not (or not yet) take place.
pub fn headline(e: &TimelineEntry) -> String {
    headline_in(e, Lang::En)
}

/// [`headline`] in `lang`; in Arabic with the gazetteer's Arabic names:
/// `لقاء (أُلغي): الصين، روسيا`.
pub fn headline_in(e: &TimelineEntry, lang: Lang) -> String {
    let mut label = match lang {
        Lang::En => capitalised(e.kind.as_str()),
        Lang::Ar => words::kind(e.kind).to_owned(),
    };
    if e.status != Status::Held {
        let status = match lang {
            Lang::En => code(e.status),
            Lang::Ar => words::status(e.status).to_owned(),
        };
        label = format!("{label} ({status})");
    }
    let names = distinct(e.participants.iter().map(|p| match lang {
        Lang::En => p.name.as_ref(),
        Lang::Ar => words::name(p),
    }));
    if names.is_empty() {
        return label;
    }
    let shown = &names[..names.len().min(HEADLINE_NAMES)];
    let more = names.len() - shown.len();
    let list = match lang {
        Lang::En if more > 0 => format!("{} and {more} more", shown.join(", ")),
        Lang::En => shown.join(", "),
        Lang::Ar if more > 0 => format!("{} و{more} غيرهم", shown.join("، ")),
        Lang::Ar => shown.join("، "),
    };
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

/// The event in the API: a feed item's permanent id.
fn event_url(base: &str, event_id: i64) -> String {
    format!("{base}/api/v1/events/{event_id}")
}

/// The event on the page, in `lang`: where a reader of a feed goes.
fn page_url(base: &str, event_id: i64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{base}/?event={event_id}"),
        Lang::Ar => format!("{base}/?event={event_id}&lang=ar"),
    }
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

    #[test]
    fn arabic_headlines_use_the_gazetteer_names() {
        let e = entry();
        assert_eq!(
            headline_in(&e, Lang::Ar),
            "لقاء: الصين، شي جين بينغ، روسيا، فلاديمير بوتين"
        );
        let cancelled = TimelineEntry {
            status: Status::Cancelled,
            participants: vec![person("Nowhere Land", "XXX")],
            ..entry()
        };
        assert_eq!(
            headline_in(&cancelled, Lang::Ar),
            "لقاء (أُلغي): Nowhere Land"
        );
        let many = TimelineEntry {
            participants: ["A", "B", "C", "D", "E", "F"]
                .iter()
                .map(|n| person(n, "XXX"))
                .collect(),
            ..entry()
        };
        assert_eq!(headline_in(&many, Lang::Ar), "لقاء: A، B، C، D، E و1 غيرهم");
    }
}
