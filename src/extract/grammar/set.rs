//! Sets: what recurs ("سنويا", "كل عام", "كل يوم اثنين", "كل صباح", "كل ثلاثة أشهر"), and how
//! often in each ("مرتين في الأسبوع" → P1W, freq 2X).

use super::super::lexicon::amounts::times;
use super::super::lexicon::{Count, DayPart, Lex, Unit};
use super::super::resolve::Expr;
use super::{Cursor, Hit, Rule, found};

/// A weekday after "يوم" in a set, with or without the article: "جمعة", "الجمعة", and the two
/// that are also numbers ("اثنين", "أحد").
fn weekday_after_yawm(g: &Cursor, k: usize) -> Option<u8> {
    match g.lex(k)? {
        Lex::Weekday(w) => Some(w),
        Lex::Number(2) if g.text(k) == "اثنين" => Some(1),
        Lex::Number(1) if g.text(k) == "احد" => Some(7),
        _ => None,
    }
}

/// TimeML's code for a part of the day.
fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Noon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
    }
}

fn every(unit: Unit, n: u32) -> Expr {
    Expr::Set {
        unit,
        n,
        weekday: None,
        day_part: None,
        freq: None,
    }
}

/// "مرتين", "مرة", "ثلاث مرات" ending right before `j`: (first token, how many times).
fn times_before(g: &Cursor, j: usize) -> Option<(usize, u32)> {
    let k = j.checked_sub(1)?;
    if g.t[k].kind != super::super::token::Kind::Word {
        return None;
    }
    // "لأول مرة في العام", "آخر مرة": which time, not how often.
    if k > 0 && matches!(g.lex(k - 1), Some(Lex::Ordinal(_))) {
        return None;
    }
    match times(g.text(k))? {
        0 => {
            let start = k.checked_sub(1)?;
            let (n, end) = g.number(start)?;
            (end == k && (2..=100).contains(&n)).then_some((start, n))
        }
        n => Some((k, n)),
    }
}

/// What follows "كل": "يوم اثنين", "جمعة", "صباح", "عام", "ثلاثة أشهر".
fn after_each(g: &Cursor, i: usize) -> Option<(Expr, usize)> {
    let week_day = |wd: u8| Expr::Set {
        unit: Unit::Week,
        n: 1,
        weekday: Some(wd),
        day_part: None,
        freq: None,
    };
    match g.lex(i)? {
        Lex::Unit(Unit::Day, Count::One) if !g.t[i].article => {
            if let Some(wd) = weekday_after_yawm(g, i + 1) {
                return Some((week_day(wd), i + 2));
            }
            Some((every(Unit::Day, 1), i + 1))
        }
        // "كل جمعة", "كل خميس": a weekday without the article.
        Lex::Weekday(wd) if !g.has_article(i) => Some((week_day(wd), i + 1)),
        Lex::DayPart(p) if !g.t[i].article => Some((
            Expr::Set {
                unit: Unit::Day,
                n: 1,
                weekday: None,
                day_part: Some(part_code(p)),
                freq: None,
            },
            i + 1,
        )),
        Lex::Unit(unit, Count::One) if !g.t[i].article => Some((every(unit, 1), i + 1)),
        _ => {
            let (n, unit, end) = g.duration(i)?;
            Some((every(unit, n), end))
        }
    }
}

/// set: "سنويا", "كل عام", "كل يوم جمعة", "كل يوم اثنين" (XXXX-WXX-1), "كل صباح"
/// (XXXX-XX-XXTMO), "كل أربع سنوات"; with how many times before it ("مرتين سنويا", "ثلاث
/// مرات كل أسبوع"), and "مرتين في الأسبوع", "مرة في الشهر" (in a generic unit, not "في الأسبوع
/// الماضي").
pub fn set(g: &Cursor, i: usize) -> Option<Hit> {
    let (e, end) = match g.lex(i)? {
        Lex::Every(unit) => (every(unit, 1), i + 1),
        Lex::Each => after_each(g, i + 1)?,
        Lex::YearPrep if g.text(i) == "في" => {
            let unit = match g.lex(i + 1) {
                Some(Lex::Unit(unit, Count::One)) if g.t[i + 1].article => unit,
                // "مرتين في اليوم": here اليوم is "the day", not "today".
                Some(Lex::RelDay(0)) if g.text(i + 1) == "اليوم" => Unit::Day,
                _ => return None,
            };
            // "مرتين في الأسبوع الماضي" is twice last week, not a set.
            let placed = matches!(
                g.lex(i + 2),
                Some(Lex::Shift(_) | Lex::Same | Lex::Following | Lex::Ordinal(_))
            );
            if placed || g.t[i + 1].clitic > 0 {
                return None;
            }
            times_before(g, i)?;
            (every(unit, 1), i + 2)
        }
        _ => return None,
    };
    let (first, e) = match (times_before(g, i), e) {
        (
            Some((first, n)),
            Expr::Set {
                unit,
                n: every_n,
                weekday,
                day_part,
                ..
            },
        ) => (
            first,
            Expr::Set {
                unit,
                n: every_n,
                weekday,
                day_part,
                freq: Some(n),
            },
        ),
        (_, e) => (i, e),
    };
    Some((end, vec![found(first, end, e, Rule::Set)]))
}
