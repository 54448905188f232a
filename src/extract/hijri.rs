//! Hijri (Umm al-Qura) ↔ Gregorian conversion. STUB: being written.
use chrono::NaiveDate;

/// The Gregorian day of an Umm al-Qura Hijri date; `None` when the date does not exist.
pub fn to_gregorian(_year: i32, _month: u8, _day: u8) -> Option<NaiveDate> {
    None
}

/// First and last Gregorian day of an Umm al-Qura Hijri month.
pub fn month_span(_year: i32, _month: u8) -> Option<(NaiveDate, NaiveDate)> {
    None
}

/// Hijri years whose month `month` begins inside Gregorian year `gregorian_year` (zero, one or two).
pub fn years_with_month_starting_in(_month: u8, _gregorian_year: i32) -> Vec<i32> {
    Vec::new()
}
