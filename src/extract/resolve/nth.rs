//! Days and weeks counted inside a month: the nth day, weekday or week, or the last one
//! ("ثالث ثلاثاء من أيلول 2014" → 2014-09-16, "آخر يوم من أكتوبر 2015" → 2015-10-31,
//! "الأسبوع الأول من أكتوبر 2014" → 2014-W41), and a month of a year counted from the
//! reference ("مارس من العام الماضي").

use chrono::{Datelike, Duration, NaiveDate};

use super::{Ctx, Expr, Resolved, day_value, hijri, resolve, span};

/// The ordinal that means "the last".
const LAST: u8 = 99;

/// The first and last day of the month `month` resolves to: a Gregorian month, or the Hijri
/// month whose first day it resolves to.
fn month_bounds(month: &Expr, ctx: &Ctx) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = span(&resolve(month, ctx).value)?;
    if first < last {
        return Some((first, last));
    }
    let (year, month, _) = hijri::from_gregorian(first)?;
    hijri::month_span(year, month)
}

/// Day `n` (or the last, 99) of the month `month` resolves to, or its nth `weekday`.
pub(super) fn nth_day(n: u8, weekday: Option<u8>, month: &Expr, ctx: &Ctx) -> Resolved {
    let value = month_bounds(month, ctx)
        .and_then(|(first, last)| pick(n, weekday, first, last))
        .map_or_else(|| "XXXX-XX-XX".to_owned(), day_value);
    Resolved::date(value)
}

/// The nth (or last) week wholly inside the month `month` resolves to, as an ISO week.
pub(super) fn nth_week(n: u8, month: &Expr, ctx: &Ctx) -> Resolved {
    let value = month_bounds(month, ctx)
        .and_then(|(first, last)| {
            let monday = pick(if n == LAST { 1 } else { n }, Some(1), first, last)?;
            let sunday = |d: NaiveDate| d.checked_add_signed(Duration::days(6));
            let monday = if n == LAST {
                let last_monday = pick(LAST, Some(1), first, last)?;
                if sunday(last_monday)? <= last {
                    last_monday
                } else {
                    last_monday.checked_sub_signed(Duration::days(7))?
                }
            } else {
                monday
            };
            (sunday(monday)? <= last).then_some(monday)
        })
        .map_or_else(
            || "XXXX-WXX".to_owned(),
            |d| {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            },
        );
    Resolved::date(value)
}

/// Month `month` (and day `day`) of the reference's year moved by `year_shift`.
pub(super) fn in_relative_year(month: u8, day: Option<u8>, year_shift: i32, ctx: &Ctx) -> Resolved {
    let y = ctx
        .reference()
        .and_then(|r| r.year().checked_add(year_shift));
    let value = match (y, day) {
        (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, month.into(), d.into())
            .map_or_else(|| format!("{y:04}-{month:02}"), day_value),
        (Some(y), None) => format!("{y:04}-{month:02}"),
        (None, Some(d)) => format!("XXXX-{month:02}-{d:02}"),
        (None, None) => format!("XXXX-{month:02}"),
    };
    Resolved::date(value)
}

fn pick(n: u8, weekday: Option<u8>, first: NaiveDate, last: NaiveDate) -> Option<NaiveDate> {
    let day = match (weekday, n) {
        (None, LAST) => last,
        (None, n) => first.checked_add_signed(Duration::days(i64::from(n) - 1))?,
        (Some(wd), LAST) => {
            let back =
                (i64::from(last.weekday().number_from_monday()) - i64::from(wd)).rem_euclid(7);
            last.checked_sub_signed(Duration::days(back))?
        }
        (Some(wd), n) => {
            let fwd =
                (i64::from(wd) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
            first.checked_add_signed(Duration::days(fwd + 7 * (i64::from(n) - 1)))?
        }
    };
    (first..=last).contains(&day).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_and_last_days_of_a_month() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (sep1, sep30) = (d("2014-09-01"), d("2014-09-30"));
        assert_eq!(pick(3, Some(2), sep1, sep30), Some(d("2014-09-16")));
        assert_eq!(pick(LAST, Some(1), sep1, sep30), Some(d("2014-09-29")));
        assert_eq!(pick(LAST, None, sep1, sep30), Some(sep30));
        assert_eq!(pick(1, None, sep1, sep30), Some(sep1));
        // September 2014 has four Saturdays (6, 13, 20, 27), not five.
        assert_eq!(pick(5, Some(6), sep1, sep30), None);
    }

    #[test]
    fn weeks_wholly_inside_a_month() {
        let ctx = Ctx {
            dct: NaiveDate::from_ymd_opt(2013, 2, 12),
            anchor: None,
            mode: crate::extract::Mode::News,
            future: false,
            present: false,
            lean_ahead: false,
            day_anchor: None,
        };
        let month = |m| Expr::Date {
            year: Some(2014),
            month: Some(m),
            day: None,
            shift: None,
        };
        assert_eq!(nth_week(1, &month(10), &ctx).value, "2014-W41");
        assert_eq!(nth_week(LAST, &month(9), &ctx).value, "2014-W39");
        assert_eq!(in_relative_year(3, Some(4), -1, &ctx).value, "2012-03-04");
    }
}
