//! Pure text → data. Nothing here touches a clock, a file or a database.
//!
//! ```
//! use tarikh::extract::{extract_timexes, Dct, Mode};
//! let dct = Dct::parse("2022-09-15").unwrap();
//! let found = extract_timexes("سيعقد المؤتمر في 16 أكتوبر/تشرين الأول", Some(dct), Mode::News);
//! assert_eq!(found[0].text, "16 أكتوبر/تشرين الأول");
//! assert_eq!(found[0].value, "2022-10-16");
//! ```

pub mod dct;
pub mod events;
pub mod grammar;
pub mod hijri;
pub mod lexicon;
pub mod normalize;
pub mod resolve;
pub mod timex;
pub mod token;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use timex::extract_timexes;

/// Everything found in one text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub timexes: Vec<Timex>,
    pub events: Vec<events::Event>,
}

/// Finds the temporal expressions and the events of a text in one pass over its tokens.
pub fn extract(text: &str, dct: Option<Dct>, mode: Mode) -> Extraction {
    let n = normalize::normalize(text);
    let toks = token::tokenize(&n);
    let g = grammar::Cursor::new(&n, &toks);
    let located = timex::timexes_in(text, &g, dct, mode);
    let events = events::find::events_in(text, &g, &located, dct.map(|d| d.date));
    Extraction {
        timexes: located.into_iter().map(|(t, _)| t).collect(),
        events,
    }
}

/// How relative expressions are anchored (TimeML practice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The document date anchors relative expressions; the sentence's tense picks the direction.
    #[default]
    News,
    /// The last date mentioned anchors relative expressions.
    Narrative,
    /// Chat-like text: the document date anchors, and ambiguous dates prefer the future.
    Colloquial,
}

impl std::str::FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "news" => Ok(Mode::News),
            "narrative" => Ok(Mode::Narrative),
            "colloquial" => Ok(Mode::Colloquial),
            other => Err(format!(
                "unknown mode {other:?}: expected news, narrative or colloquial"
            )),
        }
    }
}

/// The document creation time: a date, and a time of day when the source gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dct {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl Dct {
    /// Parses exactly `YYYY-MM-DD`, `YYYY-MM-DDThh:mm` or `YYYY-MM-DDThh:mm:ss`, with a year
    /// in [`dct::YEARS`]; the error says which form was expected (see [`dct`]).
    pub fn parse(s: &str) -> Result<Dct, String> {
        dct::parse(s)
    }
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// TIMEX3 `mod` for مطلع/أوائل (START), منتصف (MID), أواخر/نهاية (END) and similar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Approx,
}

/// One temporal expression found in a text.
///
/// `start`/`end` are Unicode code point offsets into the original text, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Timex {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2022-09-15`, `2022-09`, `2022-W37`, `2022-SU`, `199`, `P3D`, `PRESENT_REF` …
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub modifier: Option<TimexMod>,
    /// First and last calendar day the value covers, for DATE and TIME values that name one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub earliest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub latest: Option<NaiveDate>,
    /// `weekday` when the weekday the text gives is not the weekday of its date ("الأحد 29
    /// رمضان" on a Saturday by Umm al-Qura): `value` stays the calendar's.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub conflict: Option<String>,
    /// With a weekday conflict, the day that weekday names within two days of `value` (a
    /// local sighting of a Hijri month, or a slip of the date): the text's own reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub local_value: Option<String>,
    /// For a SET, how many times in each period ("مرتين في الأسبوع" → `2X`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub freq: Option<String>,
    /// The grammar rule that found the expression (see [`timex`]).
    pub rule: &'static str,
}
