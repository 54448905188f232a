//! Weeks named by their place: the weekend (2016-W45-WE) and the nth week of a year.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::Ctx;

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// The weekend of the week `week` weeks from the reference's; without a shift, the last one
/// begun on or before the reference in past narration, the coming (or current) one ahead.
/// TimeML's WE is the Saturday and Sunday of an ISO week.
pub fn weekend(week: Option<i32>, ctx: &Ctx) -> Option<String> {
    let r = ctx.reference()?;
    let day = match week {
        Some(w) => r.checked_add_signed(Duration::weeks(w.into()))?,
        None if ctx.future() => r,
        None => {
            // The Saturday on or before the reference.
            let back = (r.weekday().num_days_from_monday() + 7 - 5) % 7;
            r.checked_sub_signed(Duration::days(back.into()))?
        }
    };
    Some(format!("{}-WE", iso_week(day)))
}

/// The nth ISO week of a year (99: its last).
pub fn week_of_year(n: u8, year: i32) -> Option<String> {
    let n = if n == 99 {
        NaiveDate::from_ymd_opt(year, 12, 28)?.iso_week().week()
    } else {
        u32::from(n)
    };
    let d = NaiveDate::from_isoywd_opt(year, n, Weekday::Mon)?;
    Some(iso_week(d))
}
