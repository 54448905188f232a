//! Events: who met whom, where, when, according to which sentence.
//!
//! A trigger word from the lexicon (زيارة, التقى, قمة, اتصال هاتفي, وقع …) makes an event of
//! its sentence. Its date is the expression that governs it: one in the same clause first,
//! then the nearest one before it in the sentence, then one after it in a clause that dates
//! nothing else; a definite mention of an earlier event ("الاجتماع", "عقب العرض") lends that
//! event's date to its sentence. Never the article's own date. Participants are the people,
//! states, demonyms and capitals the sentence names (الزعيمان / نظيره bring in the two sides
//! the article is about), each resolved to an ISO 3166 alpha-3 code. One happening gives one
//! event per article: a definite repeat ("الزيارة") or an undated mention of the same sides
//! joins the dated one.
//!
//! One job a file: `layout` (sentences, clauses, paragraphs), `triggers` (which trigger words
//! fire), `dating` (the governing date), `participants`, `place`, `happening` (one event per
//! happening), and `find`, which drives them in document order.
//!
//! ```
//! use tarikh::extract::{extract, Dct, Mode};
//! let text = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين أمس الأربعاء في أوفا.";
//! let out = extract(text, Some(Dct::parse("2015-07-09").unwrap()), Mode::News);
//! let e = &out.events[0];
//! assert_eq!(e.kind.as_str(), "meeting");
//! assert_eq!(e.date.as_ref().unwrap().value, "2015-07-08");
//! let mut countries: Vec<&str> = e.participants.iter().map(|p| p.country.as_str()).collect();
//! countries.sort();
//! assert_eq!(countries, ["CHN", "RUS"]);
//! assert_eq!(e.location.as_ref().unwrap().name, "Ufa");
//! ```

mod dating;
pub(crate) mod find;
mod happening;
mod layout;
mod participants;
mod place;
mod triggers;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Timex;

/// Coarse kind of a happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Visit,
    Summit,
    Call,
    Agreement,
    Military,
    Statement,
    Other,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Visit => "visit",
            EventKind::Summit => "summit",
            EventKind::Call => "call",
            EventKind::Agreement => "agreement",
            EventKind::Military => "military",
            EventKind::Statement => "statement",
            EventKind::Other => "other",
        }
    }

    /// Meetings, visits, summits and calls are one family: reports of the same contact may
    /// name it differently.
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            EventKind::Meeting | EventKind::Visit | EventKind::Summit | EventKind::Call
        )
    }
}

/// Whether the happening took place, is announced, or was called off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Announced,
    Cancelled,
}

/// How precise a date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The date of an event: the TimeML value of the expression that governs it, its interval and
/// its precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EventDate {
    pub value: String,
    pub earliest: chrono::NaiveDate,
    pub latest: chrono::NaiveDate,
    pub precision: Precision,
}

/// A person or state taking part, resolved to a country (ISO 3166 alpha-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub struct Participant {
    /// English name of the person or state.
    pub name: String,
    pub country: String,
    /// Wikidata id where known (Q7747 for Vladimir Putin).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub wikidata: Option<String>,
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Place {
    /// English name (Beijing).
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub wikidata: Option<String>,
}

/// One happening found in a text.
///
/// `start`/`end` (the trigger) and `date_start`/`date_end` (the governing expression) are
/// Unicode code point offsets into the original text, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    pub kind: EventKind,
    #[schema(required)]
    pub date: Option<EventDate>,
    pub participants: Vec<Participant>,
    #[schema(required)]
    pub location: Option<Place>,
    pub trigger: String,
    pub start: usize,
    pub end: usize,
    pub status: Status,
    /// PLOVER event type (CONSULT, AGREE, ASSAULT …) and mode (visit, third-party, phone …);
    /// PLOVER has no type for plain statements, so those have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub plover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub plover_mode: Option<String>,
    /// CAMEO code: 040 consult, 042 make a visit, 043 host a visit, 057 sign an agreement …
    pub cameo: String,
    /// The sentence the event was read from, and its span.
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The span of the date expression that dates it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub date_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub date_end: Option<usize>,
}

/// Finds the events of a text whose temporal expressions are already known (as returned by
/// [`extract_timexes`](super::extract_timexes) for the same text).
pub fn extract_events(text: &str, timexes: &[Timex], dct: Option<chrono::NaiveDate>) -> Vec<Event> {
    let n = super::normalize::normalize(text);
    let toks = super::token::tokenize(&n);
    let g = super::grammar::G::new(&n, &toks);
    let located: Vec<(Timex, (usize, usize))> = timexes
        .iter()
        .filter_map(|t| Some((t.clone(), layout::token_range(&g, t.start, t.end)?)))
        .collect();
    find::events_in(text, &g, &located, dct)
}
