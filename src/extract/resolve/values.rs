//! Values of the other calendars and grains: Hijri dates (Umm al-Qura, with their Gregorian
//! value), seasons, decades and durations; and [`span`], the days a value covers.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::Ctx;
use super::near::{FLIP_DAYS, LEAN_AHEAD_DAYS, add_months, day_value};
use crate::extract::hijri;
use crate::extract::lexicon::{Season, Unit};

pub(super) fn hijri_value(year: i32, month: u8, day: Option<u8>) -> Option<String> {
    match day {
        Some(d) => hijri::to_gregorian(year, month, d).map(day_value),
        None => hijri::month_span(year, month).and_then(|(a, _)| month_of_most_days(a)),
    }
}

/// A Hijri month is named by the Gregorian month holding most of its days.
fn month_of_most_days(first: NaiveDate) -> Option<String> {
    let mid = first.checked_add_signed(Duration::days(14))?;
    Some(format!("{:04}-{:02}", mid.year(), mid.month()))
}

pub(super) fn hijri_near(
    month: u8,
    day: Option<u8>,
    gy: Option<i32>,
    shift: Option<i8>,
    ctx: &Ctx,
) -> Option<String> {
    let at = |hy: i32| match day {
        Some(d) => hijri::to_gregorian(hy, month, d),
        None => hijri::month_span(hy, month).map(|(a, _)| a),
    };
    let hy = if let Some(gy) = gy {
        *hijri::years_with_month_starting_in(month, gy).first()?
    } else {
        let r = ctx.reference()?;
        let now = hijri::from_gregorian(r)?.0;
        let mut years: Vec<(i32, NaiveDate)> = (now - 1..=now + 1)
            .filter_map(|y| at(y).map(|d| (y, d)))
            .collect();
        years.sort_by_key(|&(_, d)| d);
        let by_tense = |future: bool| match shift {
            Some(s) if s < 0 => years.iter().rev().find(|(_, d)| *d < r),
            Some(s) if s > 0 => years.iter().find(|(_, d)| *d > r),
            _ if future => years.iter().find(|(_, d)| *d >= r),
            _ => years.iter().rev().find(|(_, d)| *d <= r),
        };
        let chosen = by_tense(ctx.future());
        // As for a yearless Gregorian day (`near::year_for`): an occasion the tense puts most of a
        // year away while it lies a few days on the other side is the near one ("عيد الفطر
        // غدا" in a sentence without a future verb).
        let other = by_tense(!ctx.future()).filter(|_| shift.is_none());
        let distance =
            |p: Option<&(i32, NaiveDate)>| p.map_or(i64::MAX, |(_, d)| (*d - r).num_days().abs());
        let reach = if ctx.lean_ahead && !ctx.future() {
            LEAN_AHEAD_DAYS
        } else {
            FLIP_DAYS
        };
        let pick = if distance(chosen) > 180 && distance(other) <= reach {
            other
        } else {
            chosen
        };
        pick?.0
    };
    hijri_value(hy, month, day)
}

/// The first month of each season (winter starts in December).
fn season_start(s: Season) -> u32 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}

pub fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Autumn => "FA",
        Season::Winter => "WI",
    }
}

pub(super) fn season_value(
    s: Season,
    year: Option<i32>,
    shift: Option<i8>,
    ctx: &Ctx,
) -> Option<String> {
    let code = season_code(s);
    let y = match (year, ctx.reference()) {
        (Some(y), _) => y,
        (None, None) => return None,
        (None, Some(r)) => {
            let start = |y: i32| NaiveDate::from_ymd_opt(y, season_start(s), 1);
            // The season of year y runs from its start for three months.
            let end = |y: i32| start(y).and_then(|d| add_months(d, 3).pred_opt());
            let ry = r.year();
            let years = [ry - 1, ry, ry + 1];
            match shift {
                Some(0) => {
                    if s == Season::Winter && r.month() <= 2 {
                        ry - 1
                    } else {
                        ry
                    }
                }
                Some(x) if x < 0 => *years
                    .iter()
                    .rev()
                    .find(|&&y| end(y).is_some_and(|e| e < r))?,
                Some(_) => *years.iter().find(|&&y| start(y).is_some_and(|b| b > r))?,
                None if ctx.future() => *years.iter().find(|&&y| end(y).is_some_and(|e| e >= r))?,
                None => *years
                    .iter()
                    .rev()
                    .find(|&&y| start(y).is_some_and(|b| b <= r))?,
            }
        }
    };
    Some(format!("{y:04}-{code}"))
}

/// `century` counts as people do: 20 = the twentieth = 1900s.
pub(super) fn decade_value(digit: u8, century: Option<i32>, r: Option<NaiveDate>) -> String {
    let c = century.map(|c| c - 1).unwrap_or_else(|| {
        // The most recent such decade that has begun: the twenties are 202 in 2022, 192 in 2015.
        let now = r.map_or(1999, |r| r.year());
        if 2000 + 10 * i32::from(digit) <= now {
            20
        } else {
            19
        }
    });
    format!("{}{}", c, digit)
}

pub(super) fn duration_value(n: u32, unit: Unit) -> String {
    match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
    }
}

/// First and last day a DATE/TIME value covers; `None` for durations, sets, vague and
/// underspecified values.
pub fn span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date_part = value.split('T').next()?;
    let parts: Vec<&str> = date_part.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    match (parts.first()?.len(), parts.get(1), parts.get(2)) {
        (2, None, None) => Some((day(year * 100, 1, 1)?, day(year * 100 + 99, 12, 31)?)),
        (3, None, None) => Some((day(year * 10, 1, 1)?, day(year * 10 + 9, 12, 31)?)),
        (4, None, None) => Some((day(year, 1, 1)?, day(year, 12, 31)?)),
        (4, Some(p), None) => {
            let (first, months) = match *p {
                "Q1" => (1, 3),
                "Q2" => (4, 3),
                "Q3" => (7, 3),
                "Q4" => (10, 3),
                "H1" => (1, 6),
                "H2" => (7, 6),
                "SP" => (3, 3),
                "SU" => (6, 3),
                "FA" => (9, 3),
                "WI" => (12, 3),
                p if p.starts_with('W') => {
                    let w = p[1..].parse().ok()?;
                    let start = NaiveDate::from_isoywd_opt(year, w, Weekday::Mon)?;
                    return Some((start, start.checked_add_signed(Duration::days(6))?));
                }
                p => (p.parse().ok()?, 1),
            };
            let start = day(year, first, 1)?;
            Some((start, add_months(start, months).pred_opt()?))
        }
        (4, Some(m), Some(d)) => {
            let d = day(year, m.parse().ok()?, d.parse().ok()?)?;
            Some((d, d))
        }
        _ => None,
    }
}
