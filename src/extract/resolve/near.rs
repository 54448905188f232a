//! Dates placed near the reference day: a date with missing parts takes its year from the
//! reference and the sentence's direction, a weekday the nearest one in that direction, a
//! relative unit ("الأسبوع الماضي") its shift from the reference's week, month or year.

use chrono::{Datelike, Duration, NaiveDate};

use super::{Ctx, Resolved};
use crate::extract::Mode;
use crate::extract::lexicon::Unit;

pub(super) fn ymd(y: i32, m: u8, d: u8) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m.into(), d.into()).map(day_value)
}

pub fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The first day of the month `n` months from `d`'s; `d` itself when that is off the calendar.
pub(super) fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    let total = (d.year() * 12 + d.month0() as i32).checked_add(n);
    total
        .and_then(|t| NaiveDate::from_ymd_opt(t.div_euclid(12), t.rem_euclid(12) as u32 + 1, 1))
        .unwrap_or(d)
}

/// A date with missing parts: the year comes from the reference and the direction.
pub(super) fn calendar_date(
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    shift: Option<i8>,
    ctx: &Ctx,
) -> String {
    let year = match (year, month, ctx.reference()) {
        (Some(y), ..) => Some(y),
        // A story told in order: a date without a year is in the year of the last one.
        (None, Some(_), Some(r))
            if ctx.mode == Mode::Narrative && ctx.anchor.is_some() && shift.is_none() =>
        {
            Some(r.year())
        }
        (None, Some(m), Some(r)) => Some(year_for(m, day, r, shift, ctx.future(), ctx.lean_ahead)),
        _ => None,
    };
    let y = year.map_or("XXXX".to_owned(), |y| format!("{y:04}"));
    match (month, day) {
        (Some(m), Some(d)) => {
            if let Some(y) = year {
                if NaiveDate::from_ymd_opt(y, m.into(), d.into()).is_none() {
                    return format!("{y:04}-{m:02}");
                }
            }
            format!("{y}-{m:02}-{d:02}")
        }
        (Some(m), None) => format!("{y}-{m:02}"),
        _ => y,
    }
}

/// The year of the nearest (month, day) in the given direction from `r`.
///
/// A day the tense puts most of a year away while it lies within two weeks on the other
/// side is read as the near one: "الممتدة من 22 إلى 24 آذار" written on 20 March is this
/// March, whatever the verb of the sentence.
/// How far ahead an unmarked yearless day may lie and still be read as the coming one.
pub const LEAN_AHEAD_DAYS: i64 = 120;

/// How far the other direction's occurrence may lie when the tense was marked.
pub(super) const FLIP_DAYS: i64 = 14;

fn year_for(
    m: u8,
    day: Option<u8>,
    r: NaiveDate,
    shift: Option<i8>,
    future: bool,
    lean_ahead: bool,
) -> i32 {
    let here = (r.month() as u8, day.map_or(0, |_| r.day() as u8));
    let there = (m, day.unwrap_or(0));
    let y = r.year();
    let by_tense = |future: bool| match shift {
        Some(0) => y,
        Some(s) if s < 0 => {
            if there < here {
                y
            } else {
                y - 1
            }
        }
        Some(_) => {
            if there > here {
                y
            } else {
                y + 1
            }
        }
        None if future => {
            if there >= here {
                y
            } else {
                y + 1
            }
        }
        None => {
            if there <= here {
                y
            } else {
                y - 1
            }
        }
    };
    let chosen = by_tense(future);
    let (Some(d), None) = (day, shift) else {
        return chosen;
    };
    let distance = |year: i32| {
        NaiveDate::from_ymd_opt(year, m.into(), d.into())
            .map_or(i64::MAX, |x| (x - r).num_days().abs())
    };
    let other = by_tense(!future);
    let reach = if lean_ahead && !future {
        LEAN_AHEAD_DAYS
    } else {
        FLIP_DAYS
    };
    if distance(chosen) > 180 && distance(other) <= reach {
        other
    } else {
        chosen
    }
}

/// Weekday `wd` (1 Monday … 7 Sunday) of the week `week` weeks from `r`'s. The Arab week
/// begins on Saturday or Sunday, so a Saturday or Sunday is the one just before that week's
/// Monday: "السبت من الأسبوع المقبل" written on a Thursday is two days later.
pub(super) fn weekday_of_week(r: NaiveDate, wd: u8, week: i32) -> Option<NaiveDate> {
    let monday =
        r.checked_sub_signed(Duration::days(r.weekday().number_from_monday() as i64 - 1))?;
    let monday = monday.checked_add_signed(Duration::weeks(week.into()))?;
    let offset = if wd >= 6 {
        i64::from(wd) - 8
    } else {
        i64::from(wd) - 1
    };
    monday.checked_add_signed(Duration::days(offset))
}

/// `None` when the day would be off the calendar (a document date at its very edge).
pub(super) fn weekday_near(
    r: NaiveDate,
    wd: u8,
    shift: Option<i8>,
    future: bool,
    present: bool,
) -> Option<NaiveDate> {
    let today = r.weekday().number_from_monday() as i64;
    let back = (today - i64::from(wd)).rem_euclid(7); // days back to the last such weekday
    let fwd = (i64::from(wd) - today).rem_euclid(7);
    let (strict_back, strict_fwd) = (
        if back == 0 { 7 } else { back },
        if fwd == 0 { 7 } else { fwd },
    );
    match (shift, future) {
        (Some(s), _) if s < 0 => r.checked_sub_signed(Duration::days(strict_back)),
        (Some(s), _) if s > 0 => r.checked_add_signed(Duration::days(strict_fwd)),
        // "يستمر الطقس ... يوم السبت" written on a Saturday is today.
        (_, true) if present && fwd == 0 => Some(r),
        (_, true) => r.checked_add_signed(Duration::days(strict_fwd)),
        _ => r.checked_sub_signed(Duration::days(back)),
    }
}

pub(super) fn rel_unit(r: Option<NaiveDate>, unit: Unit, shift: i32) -> Resolved {
    let under = match unit {
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Year => "XXXX",
        _ => "XXXX-XX-XX",
    };
    let Some(r) = r else {
        return Resolved::date(under.to_owned());
    };
    let unknown = || Resolved::date(under.to_owned());
    let value = match unit {
        Unit::Week => {
            let Some(day) = r.checked_add_signed(Duration::weeks(shift.into())) else {
                return unknown();
            };
            let w = day.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Month => {
            let m = add_months(r, shift);
            format!("{:04}-{:02}", m.year(), m.month())
        }
        Unit::Year => match r.year().checked_add(shift) {
            Some(y) => format!("{y:04}"),
            None => return unknown(),
        },
        Unit::Decade => match shift.checked_mul(10).and_then(|s| r.year().checked_add(s)) {
            Some(y) => format!("{:03}", y / 10),
            None => return unknown(),
        },
        Unit::Century => match ((r.year() - 1) / 100).checked_add(shift) {
            Some(c) => format!("{c:02}"),
            None => return unknown(),
        },
        Unit::Day => match r.checked_add_signed(Duration::days(shift.into())) {
            Some(d) => day_value(d),
            None => return unknown(),
        },
        // Hours and minutes before the document: the day is the best a date can say.
        Unit::Hour | Unit::Minute | Unit::Second => day_value(r),
    };
    Resolved::date(value)
}
