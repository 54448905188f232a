//! What a grammar rule found, before it is anchored: the [`Expr`] the resolver turns into a
//! value.

use super::Amount;
use crate::extract::lexicon::{Season, Unit};

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
