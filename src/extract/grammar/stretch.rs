//! Stretches named by their place: the weekend ("عطلة نهاية الأسبوع" → 2016-W45-WE), the rest
//! of a unit ("بقية الأسبوع"), the decade before or after ("العقد القادم"), the nth week of a
//! year ("الأسبوع الأول من عام 2015" → 2015-W01) and a month of this year ("هذا مارس").

use super::super::TimexMod;
use super::super::lexicon::amounts::{List, is};
use super::super::lexicon::{Count, Lex, Unit};
use super::super::resolve::Expr;
use super::relative::relative_unit;
use super::{Cursor, Found, Hit, Rule, date, found};

/// "الأسبوع" (with the article) at `k`.
fn the_week(g: &Cursor, k: usize) -> bool {
    matches!(g.lex(k), Some(Lex::Unit(Unit::Week, Count::One))) && g.t[k].article
}

/// weekend: "عطلة نهاية الأسبوع", "عطلة نهاية الأسبوع الماضي", "عطلة نهاية هذا الأسبوع"
/// (tried at نهاية; "نهاية الأسبوع" alone is the end of the week, a `part_of`).
pub fn weekend(g: &Cursor, i: usize) -> Option<Hit> {
    if g.lex(i) != Some(Lex::Part(TimexMod::End)) || i == 0 || !is(List::Weekend, g.text(i - 1)) {
        return None;
    }
    let (week, end) = if g.lex(i + 1) == Some(Lex::This) && the_week(g, i + 2) {
        (Some(0), i + 3)
    } else if the_week(g, i + 1) {
        match g.lex(i + 2) {
            Some(Lex::Shift(s)) => (Some(i32::from(s)), i + 3),
            _ => (None, i + 2),
        }
    } else {
        return None;
    };
    let e = Expr::Weekend { week };
    Some((end, vec![found(i - 1, end, e, Rule::Weekend)]))
}

/// rest_of: "بقية الأسبوع", "باقي العام الجاري", "ما تبقى من الشهر": the unit itself, tried at
/// the unit (the word before it has no meaning of its own to the lexicon).
pub fn rest_of(g: &Cursor, i: usize) -> Option<Hit> {
    if !matches!(g.lex(i), Some(Lex::Unit(_, Count::One) | Lex::This)) {
        return None;
    }
    let first = match i.checked_sub(1) {
        Some(k) if is(List::Rest, g.text(k)) => k,
        Some(k) if g.lex(k) == Some(Lex::From) && k > 0 && is(List::Rest, g.text(k - 1)) => {
            if k >= 2 && g.text(k - 2) == "ما" {
                k - 2
            } else {
                k - 1
            }
        }
        _ => return None,
    };
    if let Some((end, mut hits)) = relative_unit(g, i) {
        if let [one] = hits.as_mut_slice() {
            one.first = first;
            one.rule = Rule::RestOf;
            return Some((end, hits));
        }
        return None;
    }
    let Some(Lex::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), Count::One)) = g.lex(i)
    else {
        return None;
    };
    if !g.t[i].article {
        return None;
    }
    let e = Expr::RelUnit { unit, shift: 0 };
    Some((i + 1, vec![found(first, i + 1, e, Rule::RestOf)]))
}

/// Words before "العقد الحالي" that make it the current decade, not the current contract.
fn time_word_before(g: &Cursor, k: usize) -> bool {
    matches!(
        g.lex(k),
        Some(Lex::YearPrep | Lex::Part(_) | Lex::Until | Lex::ForDuration)
    ) || is(List::TimeAmountBefore, g.text(k))
}

/// relative_decade: "العقد الماضي", "العقد المقبل", "خلال العقد الحالي", "هذا العقد" (العقد is
/// also "the contract": the current one needs a word of time before it, and none is followed
/// by a ل of whose it is: "العقد المقبل للاعب").
pub fn relative_decade(g: &Cursor, i: usize) -> Option<Hit> {
    let this = g.lex(i) == Some(Lex::This);
    let j = i + usize::from(this);
    let t = g.t.get(j)?;
    if !t.article || !matches!(t.lex, Some(Lex::Past)) || !g.text(j).ends_with("عقد") {
        return None;
    }
    let before = |k: usize| k > 0 && time_word_before(g, k - 1);
    let (shift, end) = match g.lex(j + 1) {
        _ if this => (0, j + 1),
        Some(Lex::Shift(0)) if before(i) => (0, j + 2),
        Some(Lex::Shift(s)) if s != 0 => (i32::from(s), j + 2),
        _ => return None,
    };
    let whose = g.t.get(end).is_some_and(|t| {
        t.kind == super::super::token::Kind::Word
            && g.text(end).starts_with('ل')
            && (t.clitic == 1 || t.lex.is_none())
    });
    if whose || g.text(end) == "مع" {
        return None;
    }
    let e = Expr::RelUnit {
        unit: Unit::Decade,
        shift,
    };
    Some((end, vec![found(i, end, e, Rule::RelativeDecade)]))
}

/// week_of_year: "الأسبوع الأول من عام 2015", "أول أسبوع في 2015", "الأسبوع الأخير من عام
/// 2014", "الأسبوع الأول من العام المقبل": the ISO week (a week of a month is `nth_day`).
pub fn week_of_year(g: &Cursor, i: usize) -> Option<Hit> {
    let (n, j) = if the_week(g, i) {
        g.ordinal(i + 1)?
    } else {
        let (n, j) = g.ordinal(i)?;
        let one_week = matches!(g.lex(j), Some(Lex::Unit(Unit::Week, Count::One)));
        if !one_week || g.t[j].article {
            return None;
        }
        (n, j + 1)
    };
    if !(1..=53).contains(&n) && n != 99 {
        return None;
    }
    if !matches!(g.lex(j), Some(Lex::From | Lex::YearPrep)) {
        return None;
    }
    let k = j + 1;
    let (year, shift, end) = match g.year(k, false) {
        Some(y) => (Some(y), 0, k + 1),
        None if g.year(k + 1, false).is_some()
            && matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) =>
        {
            (g.year(k + 1, false), 0, k + 2)
        }
        // "الأسبوع الأول من العام المقبل", "من هذا العام".
        None => match relative_unit(g, k)?.1.as_slice() {
            [
                Found {
                    expr:
                        Expr::RelUnit {
                            unit: Unit::Year,
                            shift,
                        },
                    last,
                    ..
                },
            ] => (None, *shift, *last),
            _ => return None,
        },
    };
    let e = Expr::WeekOfYear {
        n: n as u8,
        year,
        shift,
    };
    Some((end, vec![found(i, end, e, Rule::WeekOfYear)]))
}

/// this_month: "هذا مارس", "هذا الشهر" aside: a month named with هذا is this year's.
pub fn this_month(g: &Cursor, i: usize) -> Option<Hit> {
    if g.lex(i) != Some(Lex::This) {
        return None;
    }
    let (m, end, strong) = g.month(i + 1)?;
    // "هذا مارس الضغوط": "this one practised", a verb and its object.
    let object = g
        .t
        .get(end)
        .is_some_and(|t| t.kind == super::super::token::Kind::Word && t.article && t.lex.is_none());
    if !strong && object {
        return None;
    }
    let e = date(None, Some(m), None, Some(0));
    Some((end, vec![found(i, end, e, Rule::ThisMonth)]))
}
