//! Days counted inside a month: the nth day or weekday, or the last one
//! ("ثالث ثلاثاء من أيلول 2014" → 2014-09-16, "آخر يوم من أكتوبر 2015" → 2015-10-31).

use chrono::{Datelike, Duration, NaiveDate};

use super::{Ctx, Expr, Resolved, day_value, resolve, span};

/// The ordinal that means "the last".
const LAST: u8 = 99;

/// Day `n` (or the last, 99) of the month `month` resolves to, or its nth `weekday`.
pub(super) fn nth_day(n: u8, weekday: Option<u8>, month: &Expr, ctx: &Ctx) -> Resolved {
    let value = span(&resolve(month, ctx).value)
        .and_then(|(first, last)| pick(n, weekday, first, last))
        .map_or_else(|| "XXXX-XX-XX".to_owned(), day_value);
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
}
