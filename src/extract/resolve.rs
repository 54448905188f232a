//! Resolution: an expression found in the text, plus the anchor dates and the mode, becomes a
//! TimeML value. A pure function: the document date is passed in, nothing reads a clock.
//!
//! Directions: a date given without a year ("4 مارس", "مايو", "يوم الأحد") is the nearest
//! occurrence in the sentence's direction. Past narration means on or before the reference
//! day, future means after it (for weekdays strictly after, since "today" would be written
//! اليوم). An explicit الماضي/المقبل always wins: strictly before, strictly after.
//!
//! ```
//! use chrono::NaiveDate;
//! use tarikh::extract::{Mode, resolve::{resolve, Ctx, Expr}};
//! let dct = NaiveDate::from_ymd_opt(2018, 6, 12).unwrap();
//! let ctx = Ctx { dct: Some(dct), anchor: None, mode: Mode::News, future: false, lean_ahead: false, day_anchor: None };
//! // "الجمعة الماضية": the last Friday before Tuesday 12 June 2018
//! let r = resolve(&Expr::Weekday { wd: 5, shift: Some(-1) }, &ctx);
//! assert_eq!(r.value, "2018-06-08");
//! ```

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::hijri;
use super::lexicon::{Season, Unit};
use super::{Mode, TimexType};

pub mod amount;
mod clock;
mod easter;
mod nth;
mod period;

pub use amount::Amount;

/// What a rule found, before it is anchored.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date with any part missing. Without a year, `shift` says which occurrence:
    /// −1 the last one strictly before, 0 the current one, +1 the next one; `None` by tense.
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        shift: Option<i8>,
    },
    /// Day `day` of the month `shift` months from the reference ("14 من الشهر الجاري"), or of
    /// the month of the last date mentioned when `same` ("13 من الشهر نفسه").
    DayOfMonth {
        day: u8,
        shift: i8,
        same: bool,
    },
    /// A Hijri date (Umm al-Qura); without a day, the Hijri month.
    Hijri {
        year: i32,
        month: u8,
        day: Option<u8>,
    },
    /// A Hijri month or occasion without a Hijri year: in a Gregorian year, or the nearest.
    HijriNear {
        month: u8,
        day: Option<u8>,
        gregorian_year: Option<i32>,
        shift: Option<i8>,
    },
    /// Days from the reference: أمس −1, اليوم 0, غدا +1.
    RelDay(i32),
    /// A weekday: shift −1 strictly before, +1 strictly after, `None` by tense.
    Weekday {
        wd: u8,
        shift: Option<i8>,
    },
    /// Day `n` of a month (99: the last), or its nth `weekday` when one is given; `month` is
    /// a month expression (مارس 2014, الشهر القادم).
    NthDay {
        n: u8,
        weekday: Option<u8>,
        month: Box<Expr>,
    },
    /// The nth week (99: the last) that lies wholly in the month `month` resolves to.
    NthWeek {
        n: u8,
        month: Box<Expr>,
    },
    /// A month (and day) of the year `year_shift` years from the reference's: "مارس من العام
    /// الماضي".
    InRelativeYear {
        month: u8,
        day: Option<u8>,
        year_shift: i32,
    },
    /// Easter Sunday (Western, or Orthodox by the Julian computus) of a year, or the nearest.
    Easter {
        orthodox: bool,
        year: Option<i32>,
        shift: Option<i8>,
    },
    /// A weekday in the week `week` weeks from the reference's ("الأربعاء من الأسبوع المقبل").
    WeekdayOfWeek {
        wd: u8,
        week: i32,
    },
    /// The unit containing the reference moved by `shift`: الأسبوع الماضي, قبل يومين.
    RelUnit {
        unit: Unit,
        shift: i32,
    },
    /// The unit after (`1`) or the same as (`0`) the last date mentioned: اليوم التالي.
    FromLast {
        unit: Unit,
        shift: i32,
    },
    Season {
        season: Season,
        year: Option<i32>,
        shift: Option<i8>,
    },
    /// A quarter of a year; without a year, of the reference year moved by `shift`.
    Quarter {
        q: u8,
        year: Option<i32>,
        shift: i32,
    },
    Half {
        h: u8,
        year: Option<i32>,
        shift: i32,
    },
    /// A decade (9 = the nineties) in a given century (19 = 1900s), in the century `rel`
    /// centuries from the reference (القرن الماضي: −1), or the most recent one.
    Decade {
        digit: u8,
        century: Option<i32>,
        rel: Option<i32>,
    },
    /// A century in TimeML form: 19 = 1900–1999. `None` with a shift: relative.
    Century {
        value: Option<i32>,
        shift: i32,
    },
    /// A date and its clock time: "25 ابريل 2024 19:57", "السبت 21/09 الساعة 1:30 بعد
    /// الظهر" (`date` is an [`Expr::Date`] with its day).
    Timestamp {
        date: Box<Expr>,
        hour: u8,
        minute: u8,
        second: Option<u8>,
    },
    /// A clock time on the day of the sentence (or the reference day).
    Clock {
        hour: u8,
        minute: u8,
        second: Option<u8>,
    },
    Duration {
        n: u32,
        unit: Unit,
    },
    /// An amount made of parts or fractions: "ساعة ونصف", "عام واحد وشهر و21 يوما".
    Amount(Amount),
    /// A vague number of units: "الأيام القليلة الماضية" → PXD.
    FewUnits(Unit),
    /// The weekend of the week `week` weeks from the reference's, or (`None`) the nearest
    /// one in the sentence's direction.
    Weekend {
        week: Option<i32>,
    },
    /// The nth (99: the last) ISO week of a year, or of the reference's year moved by
    /// `shift`: "الأسبوع الأول من عام 2015" → 2015-W01, "… من العام المقبل".
    WeekOfYear {
        n: u8,
        year: Option<i32>,
        shift: i32,
    },
    /// A set: every `n` units, on a weekday, or in a part of the day (MO, AF, EV, NI),
    /// `freq` times in each.
    Set {
        unit: Unit,
        n: u32,
        weekday: Option<u8>,
        day_part: Option<&'static str>,
        freq: Option<u32>,
    },
    Vague(&'static str),
}

/// Everything a value depends on besides the expression.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// The document date.
    pub dct: Option<NaiveDate>,
    /// The last date the text gave (for narrative mode and "اليوم التالي").
    pub anchor: Option<NaiveDate>,
    pub mode: Mode,
    /// The clause speaks of the future.
    pub future: bool,
    /// No tense marker, or only a past verb of saying, decided `future`: a yearless day and
    /// month up to [`LEAN_AHEAD_DAYS`] ahead is the coming one rather than one almost a year
    /// back (a timetable written in August for "بين 19 و21 سبتمبر").
    pub lean_ahead: bool,
    /// The day an earlier expression of the same sentence named (for clock times).
    pub day_anchor: Option<NaiveDate>,
}

impl Ctx {
    /// The day relative expressions count from.
    fn reference(&self) -> Option<NaiveDate> {
        match self.mode {
            Mode::Narrative => self.anchor.or(self.dct),
            _ => self.dct,
        }
    }
    fn future(&self) -> bool {
        self.future || self.mode == Mode::Colloquial
    }
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
}

impl Resolved {
    fn date(value: String) -> Resolved {
        Resolved {
            kind: TimexType::Date,
            value,
        }
    }
}

/// Resolves an expression to its TIMEX3 type and value.
pub fn resolve(expr: &Expr, ctx: &Ctx) -> Resolved {
    let r = ctx.reference();
    let d = |v: Option<String>, under: &str| Resolved::date(v.unwrap_or_else(|| under.to_owned()));
    match *expr {
        Expr::Date {
            year,
            month,
            day,
            shift,
        } => Resolved::date(calendar_date(year, month, day, shift, ctx)),
        Expr::DayOfMonth { day, shift, same } => {
            let base = if same {
                ctx.anchor.or(r)
            } else {
                r.map(|r| add_months(r, shift.into()))
            };
            d(
                base.and_then(|b| ymd(b.year(), b.month() as u8, day)),
                "XXXX-XX-XX",
            )
        }
        Expr::Hijri { year, month, day } => d(hijri_value(year, month, day), "XXXX-XX-XX"),
        Expr::HijriNear {
            month,
            day,
            gregorian_year,
            shift,
        } => d(
            hijri_near(month, day, gregorian_year, shift, ctx),
            "XXXX-XX-XX",
        ),
        Expr::RelDay(n) => d(
            r.and_then(|r| r.checked_add_signed(Duration::days(n.into())))
                .map(day_value),
            "XXXX-XX-XX",
        ),
        Expr::Weekday { wd, shift } => {
            let under = format!("XXXX-WXX-{wd}");
            d(
                r.and_then(|r| weekday_near(r, wd, shift, ctx.future()))
                    .map(day_value),
                &under,
            )
        }
        Expr::WeekdayOfWeek { wd, week } => {
            let under = format!("XXXX-WXX-{wd}");
            d(
                r.and_then(|r| weekday_of_week(r, wd, week)).map(day_value),
                &under,
            )
        }
        Expr::NthDay {
            n,
            weekday,
            ref month,
        } => nth::nth_day(n, weekday, month, ctx),
        Expr::NthWeek { n, ref month } => nth::nth_week(n, month, ctx),
        Expr::Easter {
            orthodox,
            year,
            shift,
        } => d(easter::easter(orthodox, year, shift, ctx), "XXXX-XX-XX"),
        Expr::InRelativeYear {
            month,
            day,
            year_shift,
        } => nth::in_relative_year(month, day, year_shift, ctx),
        Expr::RelUnit { unit, shift } => rel_unit(r, unit, shift),
        Expr::FromLast { unit, shift } => rel_unit(ctx.anchor.or(r), unit, shift),
        Expr::Season {
            season,
            year,
            shift,
        } => d(season_value(season, year, shift, ctx), "XXXX-SU"),
        Expr::Quarter { q, year, shift } => {
            let y = year.or(r.and_then(|r| r.year().checked_add(shift)));
            d(y.map(|y| format!("{y:04}-Q{q}")), "XXXX-QX")
        }
        Expr::Half { h, year, shift } => {
            let y = year.or(r.and_then(|r| r.year().checked_add(shift)));
            d(y.map(|y| format!("{y:04}-H{h}")), "XXXX-HX")
        }
        Expr::Decade {
            digit,
            century,
            rel,
        } => {
            let century = century
                .or(rel.and_then(|s| r.and_then(|r| ((r.year() - 1) / 100 + 1).checked_add(s))));
            Resolved::date(decade_value(digit, century, r))
        }
        Expr::Century { value, shift } => {
            let c = value.or(r.and_then(|r| ((r.year() - 1) / 100).checked_add(shift)));
            d(c.map(|c| format!("{c:02}")), "XX")
        }
        Expr::Timestamp {
            ref date,
            hour,
            minute,
            second,
        } => clock::timestamp(date, hour, minute, second, ctx),
        Expr::Clock {
            hour,
            minute,
            second,
        } => clock::clock(hour, minute, second, ctx),
        Expr::Duration { n, unit } => Resolved {
            kind: TimexType::Duration,
            value: duration_value(n, unit),
        },
        Expr::Set {
            unit,
            n,
            weekday,
            day_part,
            ..
        } => Resolved {
            kind: TimexType::Set,
            value: match (weekday, day_part) {
                (Some(w), _) => format!("XXXX-WXX-{w}"),
                (None, Some(p)) => format!("XXXX-XX-XXT{p}"),
                _ => duration_value(n, unit),
            },
        },
        Expr::Amount(ref a) => Resolved {
            kind: TimexType::Duration,
            value: a.value(),
        },
        Expr::FewUnits(unit) => Resolved {
            kind: TimexType::Duration,
            value: duration_value(0, unit).replace('0', "X"),
        },
        Expr::Weekend { week } => d(period::weekend(week, ctx), "XXXX-WXX-WE"),
        Expr::WeekOfYear { n, year, shift } => {
            let y = year.or(r.and_then(|r| r.year().checked_add(shift)));
            d(y.and_then(|y| period::week_of_year(n, y)), "XXXX-WXX")
        }
        Expr::Vague(v) => Resolved::date(v.to_owned()),
    }
}

fn ymd(y: i32, m: u8, d: u8) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m.into(), d.into()).map(day_value)
}

pub fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The first day of the month `n` months from `d`'s; `d` itself when that is off the calendar.
fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    let total = (d.year() * 12 + d.month0() as i32).checked_add(n);
    total
        .and_then(|t| NaiveDate::from_ymd_opt(t.div_euclid(12), t.rem_euclid(12) as u32 + 1, 1))
        .unwrap_or(d)
}

/// A date with missing parts: the year comes from the reference and the direction.
fn calendar_date(
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
const FLIP_DAYS: i64 = 14;

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
fn weekday_of_week(r: NaiveDate, wd: u8, week: i32) -> Option<NaiveDate> {
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
fn weekday_near(r: NaiveDate, wd: u8, shift: Option<i8>, future: bool) -> Option<NaiveDate> {
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
        (_, true) => r.checked_add_signed(Duration::days(strict_fwd)),
        _ => r.checked_sub_signed(Duration::days(back)),
    }
}

fn rel_unit(r: Option<NaiveDate>, unit: Unit, shift: i32) -> Resolved {
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

fn hijri_value(year: i32, month: u8, day: Option<u8>) -> Option<String> {
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

fn hijri_near(
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
        // As for a yearless Gregorian day ([`year_for`]): an occasion the tense puts most of a
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

fn season_value(s: Season, year: Option<i32>, shift: Option<i8>, ctx: &Ctx) -> Option<String> {
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
fn decade_value(digit: u8, century: Option<i32>, r: Option<NaiveDate>) -> String {
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

fn duration_value(n: u32, unit: Unit) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(dct: &str, future: bool) -> Ctx {
        Ctx {
            dct: NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok(),
            anchor: None,
            mode: Mode::News,
            future,
            lean_ahead: false,
            day_anchor: None,
        }
    }

    #[test]
    fn weekdays_follow_direction() {
        let tue = ctx("2018-06-12", false);
        let cases = [
            (
                Expr::Weekday {
                    wd: 5,
                    shift: Some(-1),
                },
                &tue,
                "2018-06-08",
            ),
            (
                Expr::Weekday {
                    wd: 2,
                    shift: Some(-1),
                },
                &tue,
                "2018-06-05",
            ),
            (Expr::Weekday { wd: 2, shift: None }, &tue, "2018-06-12"),
            (Expr::Weekday { wd: 3, shift: None }, &tue, "2018-06-06"),
        ];
        for (e, c, want) in cases {
            assert_eq!(resolve(&e, c).value, want, "{e:?}");
        }
        let fut = ctx("2013-03-20", true);
        assert_eq!(
            resolve(&Expr::Weekday { wd: 5, shift: None }, &fut).value,
            "2013-03-22"
        );
        assert_eq!(
            resolve(&Expr::Weekday { wd: 3, shift: None }, &fut).value,
            "2013-03-27"
        );
    }

    #[test]
    fn months_without_year() {
        let past = ctx("2014-05-22", false);
        let fut = ctx("2014-05-22", true);
        let m = |month, day, shift| Expr::Date {
            year: None,
            month: Some(month),
            day,
            shift,
        };
        assert_eq!(resolve(&m(3, Some(4), None), &past).value, "2014-03-04");
        assert_eq!(resolve(&m(9, None, None), &past).value, "2013-09");
        assert_eq!(resolve(&m(9, None, None), &fut).value, "2014-09");
        assert_eq!(resolve(&m(5, None, Some(-1)), &past).value, "2013-05");
        assert_eq!(resolve(&m(5, None, Some(0)), &past).value, "2014-05");
        assert_eq!(resolve(&m(7, None, Some(1)), &past).value, "2014-07");
        assert_eq!(resolve(&m(2, Some(31), None), &past).value, "2014-02");
    }

    #[test]
    fn relative_units() {
        let c = ctx("2022-09-15", false);
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Week,
                    shift: 0
                },
                &c
            )
            .value,
            "2022-W37"
        );
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Month,
                    shift: -1
                },
                &c
            )
            .value,
            "2022-08"
        );
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Year,
                    shift: 1
                },
                &c
            )
            .value,
            "2023"
        );
        assert_eq!(
            resolve(
                &Expr::RelUnit {
                    unit: Unit::Day,
                    shift: -2
                },
                &c
            )
            .value,
            "2022-09-13"
        );
    }

    #[test]
    fn no_document_date_stays_underspecified() {
        let c = Ctx {
            dct: None,
            anchor: None,
            mode: Mode::News,
            future: false,
            lean_ahead: false,
            day_anchor: None,
        };
        let feb = Expr::Date {
            year: None,
            month: Some(2),
            day: None,
            shift: None,
        };
        assert_eq!(resolve(&feb, &c).value, "XXXX-02");
        assert_eq!(resolve(&Expr::RelDay(-1), &c).value, "XXXX-XX-XX");
    }

    #[test]
    fn spans_of_values() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(span("2022-W37"), Some((d("2022-09-12"), d("2022-09-18"))));
        assert_eq!(span("2022-02"), Some((d("2022-02-01"), d("2022-02-28"))));
        assert_eq!(span("2016-SU"), Some((d("2016-06-01"), d("2016-08-31"))));
        assert_eq!(span("199"), Some((d("1990-01-01"), d("1999-12-31"))));
        assert_eq!(
            span("2023-03-21T15:00"),
            Some((d("2023-03-21"), d("2023-03-21")))
        );
        assert_eq!(span("P3D"), None);
        assert_eq!(span("XXXX-02"), None);
    }

    /// A reference at either end of the calendar resolves to an underspecified value instead
    /// of overflowing (`-0001-01-01`, `+262142-12-31` once crashed the server).
    #[test]
    fn the_edges_of_the_calendar_do_not_overflow() {
        let units = [
            Unit::Second,
            Unit::Minute,
            Unit::Hour,
            Unit::Day,
            Unit::Week,
            Unit::Month,
            Unit::Year,
            Unit::Decade,
            Unit::Century,
        ];
        let mut exprs = vec![
            Expr::RelDay(-1),
            Expr::RelDay(1),
            Expr::RelDay(i32::MAX),
            Expr::Quarter {
                q: 1,
                year: None,
                shift: i32::MAX,
            },
            Expr::Century {
                value: None,
                shift: i32::MAX,
            },
        ];
        for shift in [i32::MIN, -1, 1, i32::MAX] {
            for unit in units {
                exprs.push(Expr::RelUnit { unit, shift });
            }
            let month = Box::new(Expr::RelUnit {
                unit: Unit::Month,
                shift,
            });
            exprs.push(Expr::NthWeek {
                n: 99,
                month: month.clone(),
            });
            exprs.push(Expr::NthDay {
                n: 99,
                weekday: Some(1),
                month,
            });
            exprs.push(Expr::InRelativeYear {
                month: 12,
                day: Some(31),
                year_shift: shift,
            });
        }
        for orthodox in [false, true] {
            exprs.push(Expr::Easter {
                orthodox,
                year: None,
                shift: None,
            });
        }
        for wd in 1..=7 {
            for shift in [Some(-1), None, Some(1)] {
                exprs.push(Expr::Weekday { wd, shift });
            }
        }
        for season in [
            Season::Spring,
            Season::Summer,
            Season::Autumn,
            Season::Winter,
        ] {
            exprs.push(Expr::Season {
                season,
                year: None,
                shift: None,
            });
        }
        for dct in [NaiveDate::MIN, NaiveDate::MAX] {
            for future in [false, true] {
                let c = Ctx {
                    dct: Some(dct),
                    anchor: None,
                    mode: Mode::News,
                    future,
                    lean_ahead: false,
                    day_anchor: None,
                };
                for e in &exprs {
                    // Any value will do: what matters is that there is one.
                    let _ = resolve(e, &c);
                }
            }
        }
    }
}
