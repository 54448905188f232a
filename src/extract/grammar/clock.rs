//! Clock times: "الساعة العاشرة صباحا", "14:30", "الثالثة إلا ربعا".

use super::super::lexicon::{ClockPart, DayPart, Lex, Unit};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::{Cursor, Found, Hit, Rule, found};

/// clock: "الساعة العاشرة صباحا", "الساعة 14:30", "14:30", "الساعة الثالثة بعد الظهر".
pub fn clock(g: &Cursor, i: usize) -> Option<Hit> {
    let has_hour = g.lex(i) == Some(Lex::Hour);
    let j = usize::from(has_hour) + i;
    let (mut h, mut m, mut k) = if let Some((h, _)) = g
        .num(j)
        .filter(|_| g.punct(j + 1, ":") && g.glued(j + 1) && g.glued(j + 2))
    {
        let (m, md) = g.num(j + 2)?;
        if h > 23 || md != 2 || m > 59 {
            return None;
        }
        (h, m, j + 3)
    } else if has_hour || matches!(g.lex(j), Some(Lex::Ordinal(_))) {
        let (h, k) = g.ordinal(j).or_else(|| g.number(j).filter(|_| has_hour))?;
        if !(1..=12).contains(&h) {
            return None;
        }
        (h, 0, k)
    } else {
        return None;
    };
    // Minutes in words count only after a whole hour, and "إلا" never before midnight.
    let words = clock_minutes(g, k).filter(|&(mm, _)| m == 0 && (mm >= 0 || h > 0));
    if let Some((minutes, next)) = words {
        (h, m, k) = if minutes < 0 {
            (h - 1, (60 + minutes) as u32, next)
        } else {
            (h, minutes as u32, next)
        };
    }
    let part = matches!(
        g.lex(k),
        Some(Lex::ClockPart(_) | Lex::DayPart(DayPart::Evening))
    );
    if !has_hour && g.t[i].kind != Kind::Number && !part {
        return None;
    }
    // A bare "3:16" could be a verse or a score: it needs two hour digits, a part of the
    // day, or a preposition before it.
    let prep_before = i > 0
        && matches!(
            g.lex(i - 1),
            Some(Lex::YearPrep | Lex::From | Lex::Until | Lex::Before | Lex::After)
        );
    if !has_hour && g.t[i].kind == Kind::Number && g.t[i].digits < 2 && !part && !prep_before {
        return None;
    }
    match g.lex(k) {
        Some(Lex::ClockPart(ClockPart::Pm) | Lex::DayPart(DayPart::Evening)) => {
            if h < 12 && !(g.text(k).starts_with("ليل") && h < 6) {
                h += 12;
            }
            k += 1;
        }
        Some(Lex::ClockPart(ClockPart::Am)) => {
            if h == 12 {
                h = 0;
            }
            k += 1;
        }
        _ => {}
    }
    let e = Expr::Clock {
        hour: h as u8,
        minute: m as u8,
    };
    Some((k, vec![found(i, k, e, Rule::Clock)]))
}

/// Minutes after an hour: "والربع", "والنصف", "وثلث", "إلا ربعا", "و18 دقيقة",
/// "وخمس وأربعون دقيقة". Negative for "إلا".
fn clock_minutes(g: &Cursor, k: usize) -> Option<(i32, usize)> {
    let t = g.t.get(k)?;
    match t.lex {
        Some(Lex::Fraction(f)) if t.clitic == 1 => return Some((f.into(), k + 1)),
        Some(Lex::Quarter) if t.clitic == 1 => return Some((15, k + 1)),
        Some(Lex::Half) if t.clitic == 1 => return Some((30, k + 1)),
        Some(Lex::Except) => {
            return match g.lex(k + 1)? {
                Lex::Fraction(f) => Some((-i32::from(f), k + 2)),
                Lex::Quarter => Some((-15, k + 2)),
                _ => None,
            };
        }
        _ => {}
    }
    let j = if g.text(k) == "و" { k + 1 } else { k };
    if j == k && !(t.clitic == 1 && matches!(t.lex, Some(Lex::Number(_)))) {
        return None;
    }
    let (n, next) = g.number(j)?;
    let unit = matches!(g.lex(next), Some(Lex::Unit(Unit::Minute, _)));
    (n < 60 && unit).then_some((n as i32, next + 1))
}

/// timestamp: a full date and the clock time right after it, one TIME ("25 ابريل 2024 19:57",
/// "9-10-2023, 17:29", "الجمعة 26 أبريل 2024، 08:27"). `hit` is the date a rule found.
pub fn with_clock(g: &Cursor, hit: Hit) -> Hit {
    let (end, pieces) = &hit;
    let [
        Found {
            first,
            expr:
                Expr::Date {
                    year: Some(year),
                    month: Some(month),
                    day: Some(day),
                    shift: None,
                },
            ..
        },
    ] = pieces.as_slice()
    else {
        return hit;
    };
    let k = if g.punct(*end, ",") { end + 1 } else { *end };
    let after = clock(g, k);
    let Some((
        clock_end,
        [
            Found {
                expr: Expr::Clock { hour, minute },
                ..
            },
        ],
    )) = after.as_ref().map(|(e, p)| (*e, p.as_slice()))
    else {
        return hit;
    };
    let e = Expr::Timestamp {
        year: *year,
        month: *month,
        day: *day,
        hour: *hour,
        minute: *minute,
    };
    (
        clock_end,
        vec![found(*first, clock_end, e, Rule::Timestamp)],
    )
}
