//! Hijri months and occasions (Islamic and fixed Gregorian ones).

use super::super::lexicon::{Count, Lex, Occasion, Unit};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::calendar::gregorian_tail;
use super::{Cursor, Hit, Rule, found};

/// A Hijri month at `j` and what follows it: a Hijri year (with or without هـ), a Gregorian
/// year, a shift, or nothing.
pub(super) fn hijri_tail(g: &Cursor, day: Option<u8>, j: usize) -> Option<(Expr, usize)> {
    let shahr = matches!(g.lex(j), Some(Lex::Unit(Unit::Month, Count::One))) && !g.t[j].article;
    let j = j + usize::from(shahr);
    let Some(Lex::HijriMonth(m)) = g.lex(j) else {
        return None;
    };
    if g.t[j].article {
        return None;
    }
    let k = j + 1;
    let k_year = if matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        k + 1
    } else {
        k
    };
    if let Some(y) = g.year(k_year, true) {
        let era = g.lex(k_year + 1) == Some(Lex::HijriEra);
        let end = k_year + 1 + usize::from(era);
        if era || (1300..1600).contains(&y) {
            return Some((
                Expr::Hijri {
                    year: y,
                    month: m,
                    day,
                },
                end,
            ));
        }
        return Some((
            Expr::HijriNear {
                month: m,
                day,
                gregorian_year: Some(y),
                shift: None,
            },
            end,
        ));
    }
    if let Some(Lex::Shift(s)) = g.lex(k) {
        return Some((
            Expr::HijriNear {
                month: m,
                day,
                gregorian_year: None,
                shift: Some(s),
            },
            k + 1,
        ));
    }
    // Without a year, صفر ("zero") and the names people carry need a day or "شهر".
    let evidence = shahr || (day.is_some() && m != 2);
    evidence.then_some((
        Expr::HijriNear {
            month: m,
            day,
            gregorian_year: None,
            shift: None,
        },
        k,
    ))
}

/// hijri_month: "شهر رمضان", "رمضان 1446 هـ", "رمضان المقبل", "ذو الحجة 1445", and a bare
/// month after a preposition ("في رمضان", "خلال شعبان"), not صفر and not a name ("إلى رجب طيب
/// أردوغان": a word without the article right after it).
pub fn hijri_month(g: &Cursor, i: usize) -> Option<Hit> {
    if let Some((e, end)) = hijri_tail(g, None, i) {
        return Some((end, vec![found(i, end, e, Rule::HijriMonth)]));
    }
    let Some(Lex::HijriMonth(month)) = g.lex(i) else {
        return None;
    };
    let prep = i > 0
        && matches!(
            g.lex(i - 1),
            Some(Lex::YearPrep | Lex::From | Lex::Until | Lex::Before | Lex::After | Lex::Part(_))
        );
    let name_after = g.t.get(i + 1).is_some_and(|t| {
        t.kind == Kind::Word && t.lex.is_none() && !t.article && !g.text(i + 1).starts_with("ال")
    });
    if month == 2 || g.t[i].article || g.t[i].clitic > 0 || !prep || name_after {
        return None;
    }
    let e = Expr::HijriNear {
        month,
        day: None,
        gregorian_year: None,
        shift: None,
    };
    Some((i + 1, vec![found(i, i + 1, e, Rule::HijriMonth)]))
}

/// occasion: "عيد الفطر", "عيد الأضحى عام 2024", "عيد الفطر المقبل".
pub fn occasion(g: &Cursor, i: usize) -> Option<Hit> {
    let Some(Lex::Occasion(o)) = g.lex(i) else {
        return None;
    };
    let (month, day) = match o {
        Occasion::EidAlFitr => (10, 1),
        Occasion::EidAlAdha => (12, 10),
        Occasion::HijriNewYear => (1, 1),
        Occasion::Mawlid => (3, 12),
        // "عيد الميلاد الخامس لابنتها", "عيد الميلاد الـ50": a birthday, consumed, not tagged.
        Occasion::Christmas if matches!(g.lex(i + 1), Some(Lex::Ordinal(_))) => {
            return Some((i + 1, vec![]));
        }
        Occasion::Christmas
            if g.t
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Number && t.digits <= 3) =>
        {
            return Some((i + 1, vec![]));
        }
        Occasion::Christmas => return gregorian_occasion(g, i, 12, 25),
        Occasion::GregorianNewYear => return gregorian_occasion(g, i, 1, 1),
        Occasion::Easter => return easter(g, i, false),
        Occasion::OrthodoxEaster => return easter(g, i, true),
    };
    let k = i + 1;
    let k_year = if matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        k + 1
    } else {
        k
    };
    let (e, end) = match (g.year(k_year, false), g.lex(k)) {
        (Some(y), _) if (1300..1600).contains(&y) => (
            Expr::Hijri {
                year: y,
                month,
                day: Some(day),
            },
            k_year + 1,
        ),
        (Some(y), _) => (
            Expr::HijriNear {
                month,
                day: Some(day),
                gregorian_year: Some(y),
                shift: None,
            },
            k_year + 1,
        ),
        (None, Some(Lex::Shift(s))) => (
            Expr::HijriNear {
                month,
                day: Some(day),
                gregorian_year: None,
                shift: Some(s),
            },
            k + 1,
        ),
        _ => (
            Expr::HijriNear {
                month,
                day: Some(day),
                gregorian_year: None,
                shift: None,
            },
            k,
        ),
    };
    let end = if g.lex(end) == Some(Lex::HijriEra) {
        end + 1
    } else {
        end
    };
    Some((end, vec![found(i, end, e, Rule::Occasion)]))
}

/// A fixed Gregorian day (عيد الميلاد) with an optional year or shift.
fn gregorian_occasion(g: &Cursor, i: usize, m: u8, d: u8) -> Option<Hit> {
    let (e, end) = gregorian_tail(g, Some(d), m, i + 1);
    Some((end, vec![found(i, end, e, Rule::Occasion)]))
}

/// Easter by either computus, with an optional year ("عيد الفصح 2013", "عيد الفصح عام 2013")
/// or shift ("عيد الفصح المقبل").
fn easter(g: &Cursor, i: usize, orthodox: bool) -> Option<Hit> {
    let k = i + 1;
    let k_year = if matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        k + 1
    } else {
        k
    };
    let (year, shift, end) = match (g.year(k_year, false), g.lex(k)) {
        (Some(y), _) => (Some(y), None, g.after_era(k_year + 1)),
        (None, Some(Lex::Shift(s))) => (None, Some(s), k + 1),
        _ => (None, None, k),
    };
    let e = Expr::Easter {
        orthodox,
        year,
        shift,
    };
    Some((end, vec![found(i, end, e, Rule::Occasion)]))
}
