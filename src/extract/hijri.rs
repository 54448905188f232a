//! Hijri ↔ Gregorian conversion on the Umm al-Qura calendar (the official
//! calendar of Saudi Arabia), as implemented by `icu_calendar`'s
//! [`Hijri<UmmAlQura>`](icu_calendar::cal::Hijri). From 1300 AH to 1600 AH
//! (1882–2174 CE) the month lengths are the KACST tables shipped with the
//! library; outside that span the library falls back to the tabular (civil,
//! Friday-epoch) Islamic calendar. Years are AH, months are 1 (Muharram) to
//! 12 (Dhu al-Hijjah). Every function returns `None` (or an empty list) for
//! dates that do not exist or lie outside the library's range; none panics.
use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::{Hijri, hijri::UmmAlQura};
use icu_calendar::{Date, Iso};

/// A validated Umm al-Qura date, or `None`.
fn hijri(year: i32, month: u8, day: u8) -> Option<Date<Hijri<UmmAlQura>>> {
    Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()
}

/// An ISO date as a chrono date (`None` if chrono cannot hold it).
fn naive(iso: Date<Iso>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal.into(),
        iso.day_of_month().0.into(),
    )
}

/// The Gregorian day of an Umm al-Qura Hijri date; `None` when the date does
/// not exist (e.g. day 30 of a 29-day month, month 13, year out of the
/// library's range).
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::extract::hijri::to_gregorian;
/// // 22 Ramadan 1436 AH
/// assert_eq!(to_gregorian(1436, 9, 22), NaiveDate::from_ymd_opt(2015, 7, 9));
/// assert_eq!(to_gregorian(1446, 13, 1), None);
/// ```
pub fn to_gregorian(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    naive(hijri(year, month, day)?.to_calendar(Iso))
}

/// The Umm al-Qura Hijri date `(year, month, day)` of a Gregorian day; `None`
/// outside the library's range.
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::extract::hijri::from_gregorian;
/// let eid = NaiveDate::from_ymd_opt(2025, 3, 30).unwrap();
/// assert_eq!(from_gregorian(eid), Some((1446, 10, 1))); // 1 Shawwal 1446
/// ```
pub fn from_gregorian(date: NaiveDate) -> Option<(i32, u8, u8)> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    let iso = Date::try_new_iso(date.year(), month, day).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        h.month().ordinal,
        h.day_of_month().0,
    ))
}

/// First and last Gregorian day of an Umm al-Qura Hijri month; `None` for a
/// month outside 1–12 or a year outside the library's range.
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::extract::hijri::month_span;
/// // Ramadan 1446 AH: 29 days
/// let (first, last) = month_span(1446, 9).unwrap();
/// assert_eq!(first, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
/// assert_eq!(last, NaiveDate::from_ymd_opt(2025, 3, 29).unwrap());
/// ```
pub fn month_span(year: i32, month: u8) -> Option<(NaiveDate, NaiveDate)> {
    let first = hijri(year, month, 1)?;
    let last = hijri(year, month, first.days_in_month())?;
    Some((
        naive(first.to_calendar(Iso))?,
        naive(last.to_calendar(Iso))?,
    ))
}

/// Hijri years whose month `month` begins inside Gregorian year
/// `gregorian_year` (zero, one or two, ascending). Empty for a month outside
/// 1–12 or a year outside the library's range.
///
/// ```
/// use tarikh::extract::hijri::years_with_month_starting_in;
/// assert_eq!(years_with_month_starting_in(9, 2025), vec![1446]);
/// assert_eq!(years_with_month_starting_in(9, 2030), vec![1451, 1452]);
/// ```
pub fn years_with_month_starting_in(month: u8, gregorian_year: i32) -> Vec<i32> {
    // The Hijri year containing 1 January; month `month` of any earlier year
    // began before it, and a Hijri year is shorter than a Gregorian one, so
    // only this year and the next two can qualify.
    let Some((h0, _, _)) = NaiveDate::from_ymd_opt(gregorian_year, 1, 1).and_then(from_gregorian)
    else {
        return Vec::new();
    };
    (h0..=h0 + 2)
        .filter(|&y| month_span(y, month).is_some_and(|(a, _)| a.year() == gregorian_year))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn known_dates() {
        // (hijri year, month, day, gregorian) — Saudi Umm al-Qura dates.
        let table = [
            (1436, 9, 22, ymd(2015, 7, 9)),   // 22 Ramadan 1436
            (1440, 1, 1, ymd(2018, 9, 11)),   // 1 Muharram 1440
            (1445, 9, 1, ymd(2024, 3, 11)),   // 1 Ramadan 1445
            (1445, 10, 1, ymd(2024, 4, 10)),  // Eid al-Fitr 1445
            (1445, 12, 10, ymd(2024, 6, 16)), // Eid al-Adha 1445
            (1446, 1, 1, ymd(2024, 7, 7)),    // 1 Muharram 1446
            (1446, 9, 1, ymd(2025, 3, 1)),    // 1 Ramadan 1446
            (1446, 10, 1, ymd(2025, 3, 30)),  // Eid al-Fitr 1446
            (1447, 1, 1, ymd(2025, 6, 26)),   // 1 Muharram 1447
        ];
        for (y, m, d, g) in table {
            assert_eq!(to_gregorian(y, m, d), Some(g), "{y}-{m}-{d}");
            assert_eq!(from_gregorian(g), Some((y, m, d)), "{g}");
        }
    }

    #[test]
    fn invalid_dates() {
        let table = [
            (1446, 13, 1),  // no month 13
            (1446, 0, 1),   // no month 0
            (1446, 9, 0),   // no day 0
            (1446, 9, 31),  // no day 31
            (1446, 9, 30),  // Ramadan 1446 has 29 days
            (10_000, 1, 1), // outside the library's year range
            (i32::MIN, 1, 1),
        ];
        for (y, m, d) in table {
            assert_eq!(to_gregorian(y, m, d), None, "{y}-{m}-{d}");
        }
        assert_eq!(month_span(1446, 13), None);
        assert_eq!(month_span(i32::MAX, 1), None);
        assert_eq!(from_gregorian(NaiveDate::MAX), None);
    }

    #[test]
    fn month_spans() {
        let table = [
            (1446, 9, ymd(2025, 3, 1), ymd(2025, 3, 29)), // Ramadan 1446
            (1445, 12, ymd(2024, 6, 7), ymd(2024, 7, 6)), // Dhu al-Hijjah 1445
            (1446, 10, ymd(2025, 3, 30), ymd(2025, 4, 28)), // Shawwal 1446
        ];
        for (y, m, first, last) in table {
            assert_eq!(month_span(y, m), Some((first, last)), "{y}-{m}");
        }
    }

    #[test]
    fn month_starts_in_gregorian_year() {
        let table: [(u8, i32, &[i32]); 7] = [
            (9, 2025, &[1446]),
            (9, 2030, &[1451, 1452]),
            (1, 2025, &[1447]),
            (1, 2024, &[1446]),
            (13, 2025, &[]),
            (0, 2025, &[]),
            (9, i32::MAX, &[]),
        ];
        for (m, gy, want) in table {
            assert_eq!(years_with_month_starting_in(m, gy), want, "{m} {gy}");
        }
    }
}
