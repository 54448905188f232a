//! Events: who met whom, where, when, according to which sentence.
//!
//! A trigger word from the lexicon (زيارة, التقى, قمة, اتصال هاتفي, وقع …, also with a
//! pronoun suffix: لقائهما, زيارته, استقبله) makes an event of its sentence, unless it only
//! counts contacts ("لقاؤهما الثاني", "تحادثا مرتين"), names what talks were about ("تناولت
//! المناورات"), is the ceremony a meeting took place at ("التقيا في حفل افتتاح") or the forum a
//! visit went to with no date of its own ("زار بكين للمشاركة في منتدى").
//!
//! **Dating.** The date is the expression that governs the trigger: in its own clause the
//! nearest one, where a date belongs to the nearest trigger before it (so a date after
//! another trigger dates that one, and a date inside a منذ phrase dates nothing outside it),
//! and a date right after a start verb ("بدأها الأحد", "تنطلق الشهر المقبل") wins; then the
//! nearest before it in the sentence; then one in the next two clauses unless one of them
//! opens a new predication (حيث, في إشارة إلى). The later end of a range or list dates
//! nothing: a happening is dated by its first day. With no date of its own, an event takes
//! the date of the happening it refers back to (a definite repeat, "عقب العرض"), or, when it
//! goes on narrating a dated report of the same sides in that sentence or the one before,
//! that report's date; a pluperfect ("وكان ... قد") continues nothing. Never the article's
//! own date.
//!
//! **Participants** are the people, states, demonyms and capitals of the clause or sentence,
//! resolved to ISO 3166 alpha-3 codes (الزعيمان / نظيره / الوفدين bring in the two sides the
//! article is about, an organisation its members at the date); not the city a meeting is held
//! in, a state the talks are about, or one in a منذ phrase.
//!
//! **One event per happening** in an article: a definite repeat ("الزيارة", "خلال اللقاء"), an
//! undated mention of a happening already told ("وتأتي زيارة وانغ"), a report of the same kind,
//! date and sides (a paragraph the page repeats), and a meeting told only by the summit it is
//! held at join the first report; reports naming different people for one side stay apart.
//!
//! **Announcements** that are themselves the news ("أعلنت وزارة التربية، مساء الثلاثاء، عن
//! روزنامة الامتحانات") are statements of the side announcing, on the day the text gives
//! them, when they announce a schedule or a decision and nothing else in the sentence is a
//! happening.
//!
//! One job a file: `layout` (sentences, clauses, paragraphs), `triggers` (which trigger words
//! fire), `dating` (the governing date), `lending` (the date borrowed from another happening),
//! `participants`, `subject` (the subject a coordinated verb leaves unsaid), `sources` (the
//! state a news source belongs to), `place`, `announce`, `happening` (one event per
//! happening), and `find`, which drives them in document order. Every look back at earlier
//! events is bounded, so a text of any length is read in linear time.
//!
//! ```
//! use tarikh::extract::{extract, Dct, Mode};
//! let text = "التقى الرئيس الصيني شي جين بينغ نظيره الروسي فلاديمير بوتين أمس الأربعاء في أوفا.";
//! let out = extract(text, Some(Dct::parse("2015-07-09").unwrap()), Mode::News);
//! let e = &out.events[0];
//! assert_eq!(e.kind.as_str(), "meeting");
//! assert_eq!(e.date.as_ref().unwrap().value, "2015-07-08");
//! let mut countries: Vec<&str> = e.participants.iter().map(|p| p.country.as_ref()).collect();
//! countries.sort();
//! assert_eq!(countries, ["CHN", "RUS"]);
//! assert_eq!(e.location.as_ref().unwrap().name, "Ufa");
//! ```

mod announce;
mod dating;
pub(crate) mod find;
mod happening;
mod layout;
mod lending;
mod participants;
mod place;
mod sources;
mod subject;
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
    #[schema(value_type = String)]
    pub name: Name,
    #[schema(value_type = String)]
    pub country: Name,
    /// Wikidata id where known (Q7747 for Vladimir Putin).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, value_type = Option<String>)]
    pub wikidata: Option<Name>,
}

/// A name, code or id: borrowed from the gazetteer when extraction found it (most are the
/// same few states and leaders, so an event costs no copy of them), owned when read back
/// from a store.
pub type Name = std::borrow::Cow<'static, str>;

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Place {
    /// English name (Beijing).
    #[schema(value_type = String)]
    pub name: Name,
    #[schema(value_type = String)]
    pub country: Name,
    pub lat: f64,
    pub lon: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, value_type = Option<String>)]
    pub wikidata: Option<Name>,
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
    #[schema(nullable = false, value_type = Option<String>)]
    pub plover: Option<Name>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, value_type = Option<String>)]
    pub plover_mode: Option<Name>,
    /// CAMEO code: 040 consult, 042 make a visit, 043 host a visit, 057 sign an agreement …
    #[schema(value_type = String)]
    pub cameo: Name,
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
    let g = super::grammar::Cursor::new(&n, &toks);
    let located: Vec<(Timex, (usize, usize))> = timexes
        .iter()
        .filter_map(|t| Some((t.clone(), layout::token_range(&g, t.start, t.end)?)))
        .collect();
    find::events_in(text, &g, &located, dct)
}
