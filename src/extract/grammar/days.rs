//! Days named by their place in a month or a week: "اليوم الأول من شهر ثلاثة", "آخر يوم من
//! أكتوبر 2015", "ثالث ثلاثاء من أيلول 2014", "الاثنين الأخير من آذار", "مايو الحادي
//! والعشرين", "يوليو 13-15", "أحد الأسبوع الماضي".

use super::super::lexicon::{Count, Lex, Unit};
use super::super::resolve::Expr;
use super::calendar::{counted_in, gregorian_tail};
use super::hijri::hijri_tail;
use super::relative::relative_unit;
use super::{Cursor, Found, Hit, Rule, date, found};

/// The ordinal that stands for "last" (الأخير, آخر).
pub const LAST: u32 = 99;

/// A weekday at `k` as a construct-state noun, without its article: "ثلاثاء", "خميس", and the
/// two that are also numbers, "أحد" and "اثنين".
pub(super) fn bare_weekday(g: &Cursor, k: usize) -> Option<u8> {
    let t = g.t.get(k)?;
    if t.article || t.clitic > 0 {
        return None;
    }
    match t.lex? {
        Lex::Weekday(wd) if !g.has_article(k) => Some(wd),
        Lex::Number(1) if g.text(k) == "احد" => Some(7),
        Lex::Number(2) if g.text(k) == "اثنين" => Some(1),
        _ => None,
    }
}

/// The month a day is counted in, after "من", "في" or a glued ب: a named month with its
/// year ("أيلول 2014", "شهر عشرة سنة 2015", "مارس من عام 2014"), "الشهر القادم", or a Hijri
/// month ("رمضان 1445"), which is given as its first day.
fn month_ref(g: &Cursor, j: usize) -> Option<(Expr, usize)> {
    let j = if matches!(g.lex(j), Some(Lex::From | Lex::YearPrep)) {
        j + 1
    } else {
        j
    };
    if let Some((m, k, _)) = g.month(j) {
        return Some(gregorian_tail(g, None, m, k));
    }
    // "في الشهر التاسع سنة 2014"
    if matches!(g.lex(j), Some(Lex::Unit(Unit::Month, Count::One))) && g.t[j].article {
        if let Some((m, k)) = g.ordinal(j + 1).filter(|&(m, _)| (1..=12).contains(&m)) {
            if !counted_in(g, k) {
                return Some(gregorian_tail(g, None, m as u8, k));
            }
        }
    }
    // "من رمضان", "من شهر شعبان 1445": a Hijri month, given by its first day.
    if let Some(found) = hijri_tail(g, Some(1), j) {
        return Some(found);
    }
    let (_, hits) = relative_unit(g, j)?;
    match hits.first()? {
        f @ Found {
            expr: Expr::RelUnit {
                unit: Unit::Month, ..
            },
            ..
        } => Some((f.expr.clone(), f.last)),
        _ => None,
    }
}

/// "من", "في" or a ب glued to the next word: what joins a day to its month.
fn of_month(g: &Cursor, k: usize) -> bool {
    matches!(g.lex(k), Some(Lex::From | Lex::YearPrep))
        || g.text(k).starts_with('ب') && g.t.get(k).is_some_and(|t| t.clitic > 0)
}

fn nth(n: u32, wd: Option<u8>, month: Expr) -> Expr {
    Expr::NthDay {
        n: n as u8,
        weekday: wd,
        month: Box::new(month),
    }
}

/// nth_day: "اليوم الأول من شهر ثلاثة", "اليوم الأخير من شهر عشرة سنة 2015", "ثالث يوم من
/// شهر عشرة", "آخر يوم من أكتوبر 2015", and the nth weekday: "ثالث ثلاثاء من أيلول 2014",
/// "آخر اثنين من الشهر القادم", "ثالث يوم ثلاثاء بأيلول", "الاثنين الأخير من آذار",
/// "الأربعاء الثانية من شهر أكتوبر" (a feminine ordinal or الأخير after a weekday counts
/// weekdays; a masculine one is the day of the month, as in "الثلاثاء الثالث من سبتمبر").
pub fn nth_day(g: &Cursor, i: usize) -> Option<Hit> {
    let yawm = |k: usize| {
        matches!(g.lex(k), Some(Lex::Unit(Unit::Day, Count::One)))
            && g.t.get(k).is_some_and(|t| t.clitic == 0)
    };
    // "يوم الاثنين الأخير من آذار": يوم belongs to the weekday.
    let w = if yawm(i) && matches!(g.lex(i + 1), Some(Lex::Weekday(_))) {
        i + 1
    } else {
        i
    };
    if let Some(hit) = nth_week(g, i) {
        return Some(hit);
    }
    let (n, wd, k) = match g.lex(w)? {
        // "اليوم الأول من ...", "اليوم الأخير من ..."
        Lex::RelDay(0) if g.text(i) == "اليوم" => {
            let (n, k) = g.ordinal(i + 1)?;
            (n, None, k)
        }
        // "ثالث يوم من ...", "آخر اثنين من ...", "ثالث يوم ثلاثاء ب..."
        Lex::Ordinal(_) if !g.has_article(i) => {
            let (n, k) = g.ordinal(i)?;
            let k = if yawm(k) && bare_weekday(g, k + 1).is_some() {
                k + 1
            } else {
                k
            };
            match bare_weekday(g, k) {
                Some(wd) => (n, Some(wd), k + 1),
                None if yawm(k) => (n, None, k + 1),
                None => return None,
            }
        }
        // "الاثنين الأخير من آذار", "الأربعاء الثانية من شهر أكتوبر"
        Lex::Weekday(wd) if g.has_article(w) => {
            let (n, k) = g.ordinal(w + 1)?;
            let feminine = g.text(w + 1).ends_with('ه') || g.text(w + 1) == "الاولي";
            if n != LAST && !feminine {
                return None;
            }
            (n, Some(wd), k)
        }
        _ => return None,
    };
    if !((1..=5).contains(&n) || n == LAST) || !of_month(g, k) {
        return None;
    }
    let (month, end) = month_ref(g, k)?;
    Some((end, vec![found(i, end, nth(n, wd, month), Rule::NthDay)]))
}

/// The nth (or last) week of a month: "الأسبوع الأول من شهر عشرة 2014", "أول أسبوع بشهر
/// أكتوبر 2014", "آخر أسبوع في سبتمبر لعام 2014": the weeks that lie wholly in the month.
fn nth_week(g: &Cursor, i: usize) -> Option<Hit> {
    let week = |k: usize| matches!(g.lex(k), Some(Lex::Unit(Unit::Week, Count::One)));
    let (n, k) = if week(i) && g.t[i].article && g.t[i].clitic == 0 {
        g.ordinal(i + 1)?
    } else if matches!(g.lex(i), Some(Lex::Ordinal(_))) && !g.has_article(i) {
        let (n, k) = g.ordinal(i)?;
        if !week(k) || g.t[k].article || g.t[k].clitic > 0 {
            return None;
        }
        (n, k + 1)
    } else {
        return None;
    };
    if !((1..=5).contains(&n) || n == LAST) || !of_month(g, k) {
        return None;
    }
    let (month, end) = month_ref(g, k)?;
    let e = Expr::NthWeek {
        n: n as u8,
        month: Box::new(month),
    };
    Some((end, vec![found(i, end, e, Rule::NthDay)]))
}

/// month_day: a month and then its day, "مايو الحادي والعشرين", "تموز 13 الى 15", "يوليو
/// 13-15" (two expressions, each with the month). Digits after a month count only as the
/// first end of a range of days (which makes even an ambiguous name a month); an ordinal
/// word is the day after a strong name or a preposition.
pub fn month_day(g: &Cursor, i: usize) -> Option<Hit> {
    let (m, k, strong) = g.month(i)?;
    // "مارس الأول ضغوطا" is "the former exerted pressure": an ambiguous name needs a
    // preposition before it.
    let prep = i > 0 && matches!(g.lex(i - 1), Some(Lex::YearPrep | Lex::From | Lex::Until));
    let ordinal = g
        .ordinal(k)
        .filter(|&(d, _)| (1..=31).contains(&d) && (strong || prep));
    if let Some((d, end)) = ordinal {
        let (e, end) = gregorian_tail(g, Some(d as u8), m, end);
        return Some((end, vec![found(i, end, e, Rule::MonthDay)]));
    }
    let d1 = g.day_digits(k)?;
    if !g.connector(k + 1) {
        return None;
    }
    let d2 = g.day_digits(k + 2).filter(|&d2| d2 > d1)?;
    if g.counted(k + 2) || g.continues(k + 2) {
        return None;
    }
    let (e2, end) = gregorian_tail(g, Some(d2), m, k + 3);
    let Expr::Date { year, shift, .. } = e2 else {
        return None;
    };
    let e1 = date(year, Some(m), Some(d1), shift);
    Some((
        end,
        vec![
            found(i, k + 1, e1, Rule::MonthDay),
            found(k + 2, end, e2, Rule::RangeDays),
        ],
    ))
}
