//! Easter Sunday by the Western (Gregorian) and the Orthodox (Julian) computus.

use chrono::{Datelike, Duration, NaiveDate};

use super::{Ctx, day_value};

/// Western Easter: the anonymous Gregorian algorithm (Meeus).
fn western(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(y, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// Orthodox Easter: the Julian algorithm (Meeus), moved to the Gregorian calendar.
fn orthodox(y: i32) -> Option<NaiveDate> {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let n = d + e + 114;
    let julian = NaiveDate::from_ymd_opt(y, (n / 31) as u32, (n % 31 + 1) as u32)?;
    // The Julian calendar runs behind the Gregorian by this many days in year y.
    let behind = y / 100 - y / 400 - 2;
    julian.checked_add_signed(Duration::days(behind.into()))
}

/// The day of Easter of `year`, or the one nearest the reference in the sentence's direction.
pub(super) fn easter(
    orthodox_rite: bool,
    year: Option<i32>,
    shift: Option<i8>,
    ctx: &Ctx,
) -> Option<String> {
    let of = |y: i32| {
        if !(1583..=4000).contains(&y) {
            return None;
        }
        if orthodox_rite {
            orthodox(y)
        } else {
            western(y)
        }
    };
    if let Some(y) = year {
        return of(y).map(day_value);
    }
    let r = ctx.reference()?;
    let days: Vec<NaiveDate> = (r.year() - 1..=r.year() + 1).filter_map(of).collect();
    let pick = match shift {
        Some(s) if s < 0 => days.iter().rev().find(|d| **d < r),
        Some(s) if s > 0 => days.iter().find(|d| **d > r),
        _ if ctx.future() => days.iter().find(|d| **d >= r),
        _ => days.iter().rev().find(|d| **d <= r),
    };
    pick.copied().map(day_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_computus() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(western(2013), d("2013-03-31"));
        assert_eq!(western(2024), d("2024-03-31"));
        assert_eq!(western(2025), d("2025-04-20"));
        assert_eq!(orthodox(2013), d("2013-05-05"));
        assert_eq!(orthodox(2024), d("2024-05-05"));
        assert_eq!(orthodox(2025), d("2025-04-20"));
    }
}
