//! Periods and amounts of time: durations, sets, seasons, decades, centuries, quarters and
//! halves, vague references, and the parts (مطلع، منتصف، نهاية) of any of them.

use super::super::lexicon::{Count, Lex, Unit};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::calendar::{month, year_word};
use super::relative::relative_unit;
use super::stretch::relative_decade;
use super::{Cursor, Hit, Rule, date, found};

/// season: "صيف 2016", "الصيف", "الشتاء الماضي", "هذا الصيف". Not "الربيع العربي".
pub fn season(g: &Cursor, i: usize) -> Option<Hit> {
    let this = g.lex(i) == Some(Lex::This);
    let j = i + usize::from(this);
    let Some(Lex::Season(season)) = g.lex(j) else {
        return None;
    };
    let article = g.t[j].article;
    let k = if matches!(g.lex(j + 1), Some(Lex::Unit(Unit::Year, Count::One))) {
        j + 2
    } else {
        j + 1
    };
    let (e, end) = match (g.year(k, false), g.lex(j + 1)) {
        (Some(y), _) if !article => (
            Expr::Season {
                season,
                year: Some(y),
                shift: None,
            },
            k + 1,
        ),
        (_, _) if this && article => (
            Expr::Season {
                season,
                year: None,
                shift: Some(0),
            },
            j + 1,
        ),
        (_, Some(Lex::Shift(s))) if article => (
            Expr::Season {
                season,
                year: None,
                shift: Some(s),
            },
            j + 2,
        ),
        _ if article => {
            let next_is_adjective = g.t.get(j + 1).is_some_and(|t| {
                t.kind == Kind::Word && t.lex.is_none() && g.text(j + 1).starts_with("ال")
            });
            if next_is_adjective {
                return None;
            }
            (
                Expr::Season {
                    season,
                    year: None,
                    shift: None,
                },
                j + 1,
            )
        }
        _ => return None,
    };
    Some((end, vec![found(i, end, e, Rule::Season)]))
}

/// decade: "التسعينيات", "ثمانينيات القرن الماضي", "عشرينيات القرن العشرين".
pub fn decade(g: &Cursor, i: usize) -> Option<Hit> {
    let Some(Lex::Decade(digit)) = g.lex(i) else {
        return None;
    };
    let (century, rel, end) = match century_at(g, i + 1) {
        Some((Expr::Century { value, shift }, end)) => (
            value.map(|v| v + 1),
            value.is_none().then_some(shift + 1),
            end,
        ),
        _ if g.has_article(i) => (None, None, i + 1),
        _ => return None,
    };
    let rel = rel.map(|r| r - 1);
    Some((
        end,
        vec![found(
            i,
            end,
            Expr::Decade {
                digit,
                century,
                rel,
            },
            Rule::Decade,
        )],
    ))
}

/// "القرن" and what names the century.
fn century_at(g: &Cursor, i: usize) -> Option<(Expr, usize)> {
    if g.lex(i) != Some(Lex::Century) {
        return None;
    }
    if let Some((n, end)) = g
        .ordinal(i + 1)
        .or_else(|| g.num(i + 1).map(|(v, _)| (v, i + 2)))
    {
        return (1..=30).contains(&n).then_some((
            Expr::Century {
                value: Some(n as i32 - 1),
                shift: 0,
            },
            end,
        ));
    }
    match g.lex(i + 1)? {
        Lex::Shift(s) => Some((
            Expr::Century {
                value: None,
                shift: s.into(),
            },
            i + 2,
        )),
        _ => None,
    }
}

/// century: "القرن العشرين" → 19, "القرن الحادي والعشرين" → 20, "القرن الماضي".
pub fn century(g: &Cursor, i: usize) -> Option<Hit> {
    let (e, end) = century_at(g, i)?;
    Some((end, vec![found(i, end, e, Rule::Century)]))
}

/// quarter_half: "الربع الأول من 2023", "النصف الثاني من العام الجاري", "الربع الأخير من عام 2022".
pub fn quarter_half(g: &Cursor, i: usize) -> Option<Hit> {
    let quarter = match g.lex(i)? {
        Lex::Quarter => true,
        Lex::Half => false,
        _ => return None,
    };
    let (n, j) = g.ordinal(i + 1)?;
    let n = match (quarter, n) {
        (true, 99) => 4,
        (false, 99) => 2,
        (true, 1..=4) | (false, 1..=2) => n as u8,
        _ => return None,
    };
    let j = if g.lex(j) == Some(Lex::From) {
        j + 1
    } else {
        j
    };
    let (year, shift, end) = if let Some(y) = g.year(j, false) {
        (Some(y), 0, j + 1)
    } else if let (Some(Lex::Unit(Unit::Year, Count::One)), Some(y)) =
        (g.lex(j), g.year(j + 1, true))
    {
        (Some(y), 0, j + 2)
    } else if let Some((_, hits)) = relative_unit(g, j) {
        match hits.first().map(|f| &f.expr) {
            Some(Expr::RelUnit {
                unit: Unit::Year,
                shift,
            }) => (None, *shift, hits[0].last),
            _ => return None,
        }
    } else {
        return None;
    };
    let e = if quarter {
        Expr::Quarter { q: n, year, shift }
    } else {
        Expr::Half { h: n, year, shift }
    };
    Some((end, vec![found(i, end, e, Rule::QuarterHalf)]))
}

/// vague: "الآن", "حاليا", "مؤخرا", "في وقت سابق", "قريبا".
pub fn vague(g: &Cursor, i: usize) -> Option<Hit> {
    let Some(Lex::Vague(v)) = g.lex(i) else {
        return None;
    };
    Some((
        i + 1,
        vec![found(i, i + 1, Expr::Vague(v.value()), Rule::Vague)],
    ))
}

/// part_of: "مطلع ماي الجاري", "منتصف 2015", "أواخر الشهر الماضي", "نهاية العام": the
/// expression after it, with mod START / MID / END.
pub fn part_of(g: &Cursor, i: usize) -> Option<Hit> {
    let Some(Lex::Part(m)) = g.lex(i) else {
        return None;
    };
    let j = i + 1;
    let inner = [
        month,
        relative_unit,
        year_word,
        season,
        decade,
        relative_decade,
        century,
    ]
    .iter()
    .filter_map(|rule| rule(g, j))
    .max_by_key(|(end, _)| *end);
    let (end, mut pieces) = match inner {
        Some(hit) if hit.1.len() == 1 => hit,
        _ => {
            let e = if let Some(y) = g.year(j, false) {
                (j + 1, date(Some(y), None, None, None))
            } else if let Some(Lex::Unit(
                unit @ (Unit::Week | Unit::Month | Unit::Year),
                Count::One,
            )) = g.lex(j)
            {
                if !g.t[j].article {
                    return None;
                }
                (j + 1, Expr::RelUnit { unit, shift: 0 })
            } else {
                return None;
            };
            (e.0, vec![found(j, e.0, e.1, Rule::PartOf)])
        }
    };
    pieces[0].first = i;
    pieces[0].modifier = Some(m);
    pieces[0].rule = Rule::PartOf;
    Some((end, pieces))
}
