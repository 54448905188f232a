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
//! let ctx = Ctx { dct: Some(dct), anchor: None, mode: Mode::News, future: false, present: false, lean_ahead: false, day_anchor: None };
//! // "الجمعة الماضية": the last Friday before Tuesday 12 June 2018
//! let r = resolve(&Expr::Weekday { wd: 5, shift: Some(-1) }, &ctx);
//! assert_eq!(r.value, "2018-06-08");
//! ```

use chrono::{Datelike, Duration, NaiveDate};

use super::hijri;
use super::{Mode, TimexType};

pub mod amount;
mod clock;
mod easter;
mod expr;
mod near;
mod nth;
mod period;
mod values;

pub use amount::Amount;
pub use expr::Expr;
pub use near::{LEAN_AHEAD_DAYS, day_value};
use near::{add_months, calendar_date, rel_unit, weekday_near, weekday_of_week, ymd};
use values::{decade_value, duration_value, hijri_near, hijri_value, season_value};
pub use values::{season_code, span};

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
    /// The clause's verb is a present one ([`Lex::Present`](super::lexicon::Lex::Present)):
    /// with `future`, a bare weekday may be the reference day itself.
    pub present: bool,
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
                r.and_then(|r| weekday_near(r, wd, shift, ctx.future(), ctx.present))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{Season, Unit};

    fn ctx(dct: &str, future: bool) -> Ctx {
        Ctx {
            dct: NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok(),
            anchor: None,
            mode: Mode::News,
            future,
            present: false,
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
            present: false,
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
                    present: false,
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
