//! The values query parameters take, each read from its text with the error that says what it
//! accepts, and each describing itself to the OpenAPI document. Where a value has a shape, one
//! pattern is both its schema and its check, so the document says exactly what is accepted.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, SeqAccess, Visitor};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::extract::events::{EventKind, Status};
use crate::store::Key;

/// What a parameter that takes one value says when it is given twice.
const REPEATED: &str = "given more than once; give it once";

/// Reads one value as text and parses it; a parameter given twice is refused.
struct Text<T>(PhantomData<T>);

impl<'de, T: FromStr<Err = String>> Visitor<'de> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("one value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(de::Error::custom(REPEATED))
    }
}

/// `Deserialize` through `FromStr`, for the value types below.
macro_rules! deserialize_from_str {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(Text::<$t>(PhantomData))
            }
        }
    )*};
}

deserialize_from_str!(Period, CountryCode, Words, Cursor, ReportCursor);

impl<'de, T: Choice> Deserialize<'de> for Word<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Text::<Word<T>>(PhantomData))
    }
}

impl<'de, const MAX: i64> Deserialize<'de> for Whole<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Text::<Whole<MAX>>(PhantomData))
    }
}

/// A string schema with `pattern`.
fn pattern(pattern: &str, description: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .description(Some(description))
        .into()
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A calendar year, month or day (2022, 2022-09, 2022-09-15): every day of it, first to last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// YYYY, YYYY-MM or a real day YYYY-MM-DD (30 days have September; 29 February only in a
/// leap year of the Gregorian calendar).
pub const PERIOD_PATTERN: &str = concat!(
    r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?",
    r"|[0-9]{4}-(0[13-9]|1[0-2])-(29|30)",
    r"|[0-9]{4}-(0[13578]|1[02])-31",
    r"|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$",
);

static PERIOD: LazyLock<Regex> = LazyLock::new(|| Regex::new(PERIOD_PATTERN).expect("pattern"));
static DAY_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("pattern"));

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Period, String> {
        let not_a_date = || {
            format!(
                "`{s}` is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (2022, 2022-09, 2022-09-15)"
            )
        };
        if !PERIOD.is_match(s) {
            return Err(match DAY_SHAPE.is_match(s) {
                true => format!("`{s}` is not a day of the calendar"),
                false => not_a_date(),
            });
        }
        let n = |range: std::ops::Range<usize>| s[range].parse::<u32>().map_err(|_| not_a_date());
        let year = n(0..4)? as i32;
        let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).ok_or_else(not_a_date);
        match s.len() {
            4 => Ok(Period {
                first: day(1, 1)?,
                last: day(12, 31)?,
            }),
            7 => {
                let first = day(n(5..7)?, 1)?;
                let next = first.checked_add_months(chrono::Months::new(1));
                let last = next.and_then(|d| d.pred_opt()).ok_or_else(not_a_date)?;
                Ok(Period { first, last })
            }
            _ => {
                let d = day(n(5..7)?, n(8..10)?)?;
                Ok(Period { first: d, last: d })
            }
        }
    }
}

impl PartialSchema for Period {
    fn schema() -> RefOr<Schema> {
        pattern(
            PERIOD_PATTERN,
            "A year, a month or a day of the calendar: YYYY, YYYY-MM or YYYY-MM-DD.",
        )
    }
}

impl ToSchema for Period {}

// ---------------------------------------------------------------------------------------------
// Codes, words and numbers

/// An ISO 3166 alpha-3 country code, any case (`RUS`, `chn`); held in capitals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(pub String);

impl FromStr for CountryCode {
    type Err = String;

    fn from_str(s: &str) -> Result<CountryCode, String> {
        match s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
            true => Ok(CountryCode(s.to_ascii_uppercase())),
            false => Err(format!(
                "`{s}` is not an ISO 3166 alpha-3 code such as RUS or CHN"
            )),
        }
    }
}

impl PartialSchema for CountryCode {
    fn schema() -> RefOr<Schema> {
        pattern(
            "^[A-Za-z]{3}$",
            "An ISO 3166 alpha-3 country code, any case (RUS, chn).",
        )
    }
}

impl ToSchema for CountryCode {}

/// Free text (a name, words to find): any string, trimmed; empty is no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words(pub String);

impl FromStr for Words {
    type Err = String;

    fn from_str(s: &str) -> Result<Words, String> {
        Ok(Words(s.trim().to_owned()))
    }
}

impl Words {
    /// The text, unless there is none.
    pub fn given(self) -> Option<String> {
        Some(self.0).filter(|s| !s.is_empty())
    }
}

/// A word of a closed list, read by its serde name.
pub trait Choice: DeserializeOwned {
    /// What the error says is accepted: "one of held, announced, cancelled".
    const EXPECTED: &'static str;
}

/// A parameter's word, `T` once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<T>(pub T);

impl<T: Choice> FromStr for Word<T> {
    type Err = String;

    fn from_str(s: &str) -> Result<Word<T>, String> {
        let text: de::value::StrDeserializer<'_, de::value::Error> = s.into_deserializer();
        T::deserialize(text)
            .map(Word)
            .map_err(|_| format!("`{s}` is not {}", T::EXPECTED))
    }
}

impl Choice for EventKind {
    const EXPECTED: &'static str =
        "one of meeting, visit, summit, call, agreement, military, statement, other";
}

impl Choice for Status {
    const EXPECTED: &'static str = "one of held, announced, cancelled";
}

/// Words of a closed list, comma-separated (`date,kind`): at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commas<T>(pub Vec<T>);

impl<T: Choice> FromStr for Commas<T> {
    type Err = String;

    fn from_str(s: &str) -> Result<Commas<T>, String> {
        s.split(',')
            .map(|w| w.parse::<Word<T>>().map(|w| w.0))
            .collect::<Result<_, _>>()
            .map(Commas)
    }
}

impl<'de, T: Choice> Deserialize<'de> for Commas<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Text::<Commas<T>>(PhantomData))
    }
}

/// A whole number from 1 to `MAX`, in plain digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole<const MAX: i64>(pub i64);

impl<const MAX: i64> FromStr for Whole<MAX> {
    type Err = String;

    fn from_str(s: &str) -> Result<Whole<MAX>, String> {
        let n = match s.bytes().all(|b| b.is_ascii_digit()) {
            true => s.parse::<i64>().ok(),
            false => None,
        };
        match n {
            Some(n) if (1..=MAX).contains(&n) => Ok(Whole(n)),
            _ => Err(format!("`{s}` is not a whole number from 1 to {MAX}")),
        }
    }
}

impl<const MAX: i64> PartialSchema for Whole<MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1))
            .maximum(Some(MAX))
            .into()
    }
}

impl<const MAX: i64> ToSchema for Whole<MAX> {}

// ---------------------------------------------------------------------------------------------
// Cursors

/// Where a feed page ended: the timeline position of its last event (see
/// [`crate::store::feed`]). The next page starts after it, in the order asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor(pub Key);

/// Days from the common era of `earliest` and of `latest`, then the event id. Every string of
/// this shape is a position (seven digits of days reach past the year 27,000).
pub const CURSOR_PATTERN: &str = r"^-?[0-9]{1,7}\.-?[0-9]{1,7}\.[0-9]{1,18}$";

static CURSOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(CURSOR_PATTERN).expect("pattern"));

impl FromStr for Cursor {
    type Err = String;

    fn from_str(s: &str) -> Result<Cursor, String> {
        let bad = || {
            format!(
                "`{s}` is not a cursor; use the next_cursor of a previous page, or leave it out"
            )
        };
        if !CURSOR.is_match(s) {
            return Err(bad());
        }
        let mut parts = s.split('.');
        let mut day = || {
            parts
                .next()
                .and_then(|p| p.parse::<i32>().ok())
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or_else(bad)
        };
        let (earliest, latest) = (day()?, day()?);
        let event_id = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        Ok(Cursor(Key {
            earliest,
            latest,
            event_id,
        }))
    }
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        use chrono::Datelike;
        let k = self.0;
        let (e, l) = (k.earliest.num_days_from_ce(), k.latest.num_days_from_ce());
        write!(f, "{e}.{l}.{}", k.event_id)
    }
}

impl PartialSchema for Cursor {
    fn schema() -> RefOr<Schema> {
        pattern(
            CURSOR_PATTERN,
            "A position in the timeline: the next_cursor of a previous page.",
        )
    }
}

impl ToSchema for Cursor {}

/// Where a page of an event's reports ended: the last report's `evidence_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportCursor(pub i64);

pub const REPORT_CURSOR_PATTERN: &str = r"^[1-9][0-9]{0,17}$";

static REPORT_CURSOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(REPORT_CURSOR_PATTERN).expect("pattern"));

impl FromStr for ReportCursor {
    type Err = String;

    fn from_str(s: &str) -> Result<ReportCursor, String> {
        match REPORT_CURSOR.is_match(s) {
            true => s.parse().map(ReportCursor).map_err(|e| e.to_string()),
            false => Err(format!(
                "`{s}` is not a cursor; pass the next_cursor of the previous page"
            )),
        }
    }
}

impl PartialSchema for ReportCursor {
    fn schema() -> RefOr<Schema> {
        pattern(
            REPORT_CURSOR_PATTERN,
            "The next_cursor of the previous page.",
        )
    }
}

impl ToSchema for ReportCursor {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_cover_their_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("2022", "2022-01-01", "2022-12-31"),
            ("2022-09", "2022-09-01", "2022-09-30"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2022-12", "2022-12-01", "2022-12-31"),
            ("2022-09-15", "2022-09-15", "2022-09-15"),
            ("2024-02-29", "2024-02-29", "2024-02-29"),
            ("2000-02-29", "2000-02-29", "2000-02-29"),
            ("0000", "0000-01-01", "0000-12-31"),
        ];
        for (text, first, last) in cases {
            let p: Period = text.parse().unwrap();
            assert_eq!((p.first, p.last), (d(first), d(last)), "{text}");
        }
        for bad in [
            "2024-13",
            "22",
            "2022-9",
            "2022-02-30",
            "2023-02-29",
            "1900-02-29",
            "2022-09-31",
            "2022-09-15-1",
            " 2022",
            "",
            "x",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    /// The pattern and the calendar agree on every day of four centuries and their months.
    #[test]
    fn the_period_pattern_is_the_calendar() {
        let re = Regex::new(PERIOD_PATTERN).unwrap();
        for year in [1600, 1700, 1800, 1900, 1996, 1999, 2000, 2023, 2024, 2100] {
            for month in 1..=12 {
                for day in 1..=31 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let real = NaiveDate::from_ymd_opt(year, month, day).is_some();
                    assert_eq!(re.is_match(&text), real, "{text}");
                }
            }
        }
    }

    #[test]
    fn cursors_are_positions() {
        let key = Key {
            earliest: NaiveDate::from_ymd_opt(2018, 6, 8).unwrap(),
            latest: NaiveDate::from_ymd_opt(2018, 6, 30).unwrap(),
            event_id: 7,
        };
        let text = Cursor(key).to_string();
        assert_eq!(text.parse::<Cursor>().unwrap(), Cursor(key));
        for ok in ["0.0.0", "-5.9999999.123456789012345678"] {
            assert!(ok.parse::<Cursor>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "1.2",
            "1.2.3.4",
            "bm9uc2Vuc2U",
            "1.2.-3",
            "12345678.1.1",
            "+1.1.1",
        ] {
            assert!(bad.parse::<Cursor>().is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_words_and_codes() {
        assert_eq!("500".parse::<Whole<500>>(), Ok(Whole(500)));
        for bad in ["0", "501", "+5", "-1", " 5", "5.0", ""] {
            assert!(bad.parse::<Whole<500>>().is_err(), "{bad}");
        }
        assert_eq!(
            "visit".parse::<Word<EventKind>>(),
            Ok(Word(EventKind::Visit))
        );
        let e = "party".parse::<Word<EventKind>>().unwrap_err();
        assert!(e.contains("meeting"), "{e}");
        assert_eq!("rus".parse::<CountryCode>(), Ok(CountryCode("RUS".into())));
        assert!("Russia".parse::<CountryCode>().is_err());
    }
}
