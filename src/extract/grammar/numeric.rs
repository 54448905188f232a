//! Dates written in digits, in every layout news and forms use: "15/9/2022", "20 / 1 / 2026م",
//! "2022-09-15", "16.04.2021", "16/04/21", "29 / 7 / 1447هـ", "2/2013", "2015/3", a day and a
//! month alone after a word that makes them a date ("يوم 22-4", "في 4/22"), and seasons
//! written "2012/2013".
//!
//! Day first by default; month first only where the numbers force it (a second number above
//! 12). A year from 1300 to 1599, or one followed by هـ, is a Hijri year.

use super::super::lexicon::{Count, Lex, Unit, is_not_date_context};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::{Cursor, Found, Hit, Rule, date, found};

/// Numbers and the one separator between them: (value, digits, token) for each, the separator,
/// and whether it is spaced ("20 / 1 / 2026").
struct Run {
    parts: Vec<(u32, usize, usize)>,
    sep: char,
    spaced: bool,
}

/// The longest run of up to three numbers joined by one separator, starting at `i`; `None`
/// when more follow (a phone number, an address, a code).
fn run_at(g: &Cursor, i: usize) -> Option<Run> {
    let sep =
        g.t.get(i + 1)
            .filter(|t| t.kind == Kind::Punct && "/-.".contains(t.punct))?
            .punct;
    let spaced = !g.glued(i + 1);
    let joined = |k: usize| {
        let tight = g.glued(k) && g.glued(k + 1);
        let loose = sep == '/' && !g.glued(k) && !g.glued(k + 1);
        g.t.get(k)
            .is_some_and(|t| t.kind == Kind::Punct && t.punct == sep)
            && if spaced { loose } else { tight }
    };
    let mut parts = vec![(number(g, i, sep)?, i)];
    let mut k = i + 1;
    while joined(k) {
        let Some(v) = number(g, k + 1, sep) else {
            break;
        };
        parts.push((v, k + 1));
        k += 2;
        if parts.len() > 3 {
            return None;
        }
    }
    // "1/2/3/4", "05-12-34-56": more parts than a date has.
    if parts.len() == 3 && joined(k) {
        return None;
    }
    (parts.len() >= 2).then(|| Run {
        parts: parts.into_iter().map(|((v, d), t)| (v, d, t)).collect(),
        sep,
        spaced,
    })
}

/// A number token; a point between numbers makes them decimals for every other rule, so for
/// a dotted date the number is read as it stands.
fn number(g: &Cursor, i: usize, sep: char) -> Option<(u32, usize)> {
    match g.num(i) {
        Some(n) => Some(n),
        None if sep == '.' => {
            let t = g.t.get(i).filter(|t| t.kind == Kind::Number)?;
            let latin = |k: usize| g.t.get(k).is_some_and(|x| x.kind == Kind::Latin);
            let beside_latin =
                (i > 0 && latin(i - 1) && g.glued(i)) || (latin(i + 1) && g.glued(i + 1));
            (!beside_latin).then_some((t.value, t.digits))
        }
        None => None,
    }
}

/// The era mark after a year at `k`: "م" or "ميلادي" (Gregorian), "هـ" (Hijri).
fn era(g: &Cursor, k: usize) -> (Option<bool>, usize) {
    match g.lex(k) {
        Some(Lex::GregorianEra) => (Some(false), k + 1),
        Some(Lex::HijriEra) => (Some(true), k + 1),
        _ => (None, k),
    }
}

/// A date from its year, month and day: Hijri when marked so or in the Hijri range, checked
/// against its calendar.
fn full_date(y: i32, m: u32, d: u32, hijri_mark: Option<bool>) -> Option<Expr> {
    let hijri = hijri_mark.unwrap_or((1300..1600).contains(&y));
    if hijri {
        let ok = (1..=12).contains(&m) && (1..=30).contains(&d);
        return ok.then_some(Expr::Hijri {
            year: y,
            month: m as u8,
            day: Some(d as u8),
        });
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some(date(Some(y), Some(m as u8), Some(d as u8), None))
}

/// Day and month of two numbers, day first unless the second cannot be a month.
fn day_and_month(a: u32, b: u32) -> Option<(u32, u32)> {
    match (a, b) {
        (1..=31, 1..=12) => Some((a, b)),
        (1..=12, 13..=31) => Some((b, a)),
        _ => None,
    }
}

/// numeric_date: every layout of a date in digits (see the module doc).
pub fn numeric_date(g: &Cursor, i: usize) -> Option<Hit> {
    // The run first: most tokens start none, and it is cheaper than the word lookup.
    let run = run_at(g, i)?;
    // "القرار 2231/2015", "المادة 3/2": numbers of a text, not dates.
    if i > 0 && is_not_date_context(g.text(i - 1)) || number_sign(g, i) {
        return None;
    }
    let last = run.parts.last()?.2;
    let (hijri_mark, end) = era(g, last + 1);
    let one = |e: Expr| Some((end, vec![found(i, end, e, Rule::NumericDate)]));
    match run.parts.as_slice() {
        &[(a, 4, _), (b, 1..=2, _), (c, 1..=2, _)] => one(full_date(a as i32, b, c, hijri_mark)?),
        &[(a, 1..=2, _), (b, 1..=2, _), (c, 4, _)] => {
            let (d, m) = day_and_month(a, b)?;
            one(full_date(c as i32, m, d, hijri_mark)?)
        }
        // "16/04/21": a two-digit year, written tight.
        &[(a, 1..=2, _), (b, 1..=2, _), (c, 2, _)]
            if !run.spaced && run.sep != '.' && hijri_mark.is_none() =>
        {
            let (d, m) = day_and_month(a, b)?;
            let y = if c < 70 { 2000 + c } else { 1900 + c };
            one(full_date(y as i32, m, d, Some(false))?)
        }
        _ if run.spaced || run.parts.len() != 2 => None,
        // "2/2013", "2015/3": a month of a year.
        &[(m, 1..=2, _), (y, 4, _)] | &[(y, 4, _), (m, 1..=2, _)]
            if run.sep == '/' && (1..=12).contains(&m) =>
        {
            if hijri_mark.unwrap_or((1300..1600).contains(&y)) {
                let e = Expr::Hijri {
                    year: y as i32,
                    month: m as u8,
                    day: None,
                };
                return one(e);
            }
            one(date(Some(y as i32), Some(m as u8), None, None))
        }
        &[(y1, 4, _), (y2, d2, k2)] if run.sep != '.' => season_years(g, i, y1, y2, d2, k2),
        // "يوم 22-4", "في 4/22": a day and a month after a word that makes them a date.
        &[(a, 1..=2, _), (b, 1..=2, k)] if run.sep != '.' && dated_before(g, i) => {
            // "في 3/4 من الحالات": a fraction of something.
            let fraction_of = g.lex(k + 1) == Some(Lex::From)
                && g.t
                    .get(k + 2)
                    .is_some_and(|t| t.kind == Kind::Word && t.lex.is_none());
            if g.counted(k) || g.punct(k + 1, "%") || fraction_of {
                return None;
            }
            let (d, m) = day_and_month(a, b)?;
            one(date(None, Some(m as u8), Some(d as u8), None))
        }
        _ => None,
    }
}

/// season_years: "2012/2013", "2023-24": two consecutive years, one expression each, as the
/// two ends of any range are.
fn season_years(g: &Cursor, i: usize, y1: u32, y2: u32, d2: usize, k2: usize) -> Option<Hit> {
    let second = match d2 {
        4 if y2 == y1 + 1 => y2,
        2 if y2 == (y1 + 1) % 100 => y1 + 1,
        _ => return None,
    };
    if !(1900..2100).contains(&y1) || g.counted(k2) {
        return None;
    }
    let year = |y: u32| date(Some(y as i32), None, None, None);
    let pieces: Vec<Found> = vec![
        found(i, i + 1, year(y1), Rule::NumericDate),
        found(k2, k2 + 1, year(second), Rule::SeasonYears),
    ];
    Some((k2 + 1, pieces))
}

/// "رقم 3/2015", "عدد 12/2": a number sign before the digits.
fn number_sign(g: &Cursor, i: usize) -> bool {
    i > 0
        && matches!(
            g.text(i - 1),
            "رقم" | "برقم" | "عدد" | "العدد" | "no" | "No"
        )
}

/// A day and a month in digits alone need a word before them that makes them a date: a
/// weekday, "يوم", "تاريخ", or a preposition of time.
fn dated_before(g: &Cursor, i: usize) -> bool {
    i > 0
        && matches!(
            g.lex(i - 1),
            Some(
                Lex::Weekday(_)
                    | Lex::Unit(Unit::Day, Count::One | Count::Two)
                    | Lex::DateWord
                    | Lex::YearPrep
                    | Lex::From
                    | Lex::Until
                    | Lex::Before
                    | Lex::After
            )
        )
}
