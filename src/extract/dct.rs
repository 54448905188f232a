//! The document date's written forms, read exactly: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm` or
//! `YYYY-MM-DDThh:mm:ss`, two digits for every field but the year's four, nothing around it,
//! and a year the extractor can reason about ([`YEARS`]).
//!
//! ```
//! use tarikh::extract::Dct;
//! assert!(Dct::parse("2018-06-12T09:30").is_ok());
//! assert!(Dct::parse("2018-6-1").is_err());
//! assert!(Dct::parse("0000-01-01").is_err());
//! ```

use std::ops::RangeInclusive;

use chrono::{NaiveDate, NaiveTime};

use super::Dct;

/// The years a document date may have: news, back to the first newspapers and a little into
/// the future. Outside them relative dates would be resolved into years no calendar table
/// (Hijri above all) covers, so they are refused up front rather than guessed at.
pub const YEARS: RangeInclusive<i32> = 1800..=2200;

const FORMS: &str = "YYYY-MM-DD, YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss (2018-06-12, \
                     2018-06-12T09:30, 2018-06-12T09:30:00)";

pub(super) fn parse(s: &str) -> Result<Dct, String> {
    let bad = || format!("invalid document date {s:?}: expected {FORMS}");
    let b = s.as_bytes();
    // Exact shapes only: the lengths are 10, 16 and 19 with separators where they belong.
    let shape_ok = match b.len() {
        10 => true,
        16 => b[10] == b'T' && b[13] == b':',
        19 => b[10] == b'T' && b[13] == b':' && b[16] == b':',
        _ => false,
    };
    if !shape_ok || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let digits = |at: usize, len: usize| -> Result<u32, String> {
        let field = &b[at..at + len];
        if !field.iter().all(u8::is_ascii_digit) {
            return Err(bad());
        }
        Ok(field.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = digits(0, 4)? as i32;
    let (month, day) = (digits(5, 2)?, digits(8, 2)?);
    if !YEARS.contains(&year) {
        return Err(format!(
            "document date {s:?} is out of range: the year must be from {} to {}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("document date {s:?} is not a day of the calendar"))?;
    let time = match b.len() {
        10 => None,
        n => {
            let (h, m) = (digits(11, 2)?, digits(14, 2)?);
            let sec = if n == 19 { digits(17, 2)? } else { 0 };
            // chrono would take 60 as a leap second; a document date never needs one.
            let t = (sec < 60)
                .then(|| NaiveTime::from_hms_opt(h, m, sec))
                .flatten()
                .ok_or_else(|| {
                    format!(
                        "document date {s:?} has no such time of day (hh 00-23, mm and ss 00-59)"
                    )
                })?;
            Some(t)
        }
    };
    Ok(Dct { date, time })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_documented_forms() {
        let ok = [
            ("2018-06-12", "2018-06-12", None),
            ("2018-06-12T09:30", "2018-06-12", Some("09:30:00")),
            ("2018-06-12T23:59:59", "2018-06-12", Some("23:59:59")),
            ("1800-01-01", "1800-01-01", None),
            ("2200-12-31", "2200-12-31", None),
        ];
        for (given, date, time) in ok {
            let d = parse(given).unwrap_or_else(|e| panic!("{given}: {e}"));
            assert_eq!(d.date.to_string(), date, "{given}");
            assert_eq!(d.time.map(|t| t.to_string()).as_deref(), time, "{given}");
        }
        let bad = [
            ("2018-6-1", "expected YYYY-MM-DD"),
            (" 2018-06-12 ", "expected YYYY-MM-DD"),
            ("2018-06-12 ", "expected YYYY-MM-DD"),
            ("+12018-06-12", "expected YYYY-MM-DD"),
            ("2018-06-12T10:00:60", "no such time of day"),
            ("2018-06-12T24:00", "no such time of day"),
            ("2018-06-12T9:30", "expected YYYY-MM-DD"),
            ("2018-06-12t09:30", "expected YYYY-MM-DD"),
            ("2018-02-30", "not a day of the calendar"),
            ("0000-01-01", "out of range"),
            ("-0001-01-01", "expected YYYY-MM-DD"),
            ("+262142-12-31", "expected YYYY-MM-DD"),
            ("1799-12-31", "out of range"),
            ("2201-01-01", "out of range"),
            ("9999-12-31", "out of range"),
            ("٢٠١٨-٠٦-١٢", "expected YYYY-MM-DD"),
            ("", "expected YYYY-MM-DD"),
        ];
        for (given, why) in bad {
            match parse(given) {
                Ok(d) => panic!("{given:?} was accepted as {d:?}"),
                Err(e) => assert!(e.contains(why), "{given:?}: {e}"),
            }
        }
    }
}
