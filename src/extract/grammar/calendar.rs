//! Calendar rules: numeric dates, day and month, ranges of days, month names and years.

use super::super::lexicon::schedule::{english_month, is_english_weekday};
use super::super::lexicon::{Count, Lex, Unit, names_by_date};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::hijri::hijri_tail;
use super::numeric::numeric_date;
use super::relative::relative_unit;
use super::{Cursor, Found, Hit, Rule, date, found};

/// The day of the month: digits or an ordinal word, then an optional "من".
fn day_at(g: &Cursor, i: usize) -> Option<(u8, usize)> {
    let (d, j) = match g.day_digits(i) {
        Some(d) => (d, i + 1),
        None if g.lex(i) == Some(Lex::FirstDay) => (1, i + 1),
        None => {
            let (d, j) = g.ordinal(i).filter(|&(d, _)| (1..=31).contains(&d))?;
            (d as u8, j)
        }
    };
    let j = if g.lex(j) == Some(Lex::From) {
        j + 1
    } else {
        j
    };
    Some((d, j))
}

/// day_month: "16 أكتوبر/تشرين الأول", "الثامن من نوفمبر 2016", "22 رمضان 1436 هـ",
/// "14 من الشهر الجاري", "13 من الشهر نفسه".
pub fn day_month(g: &Cursor, i: usize) -> Option<Hit> {
    let hit = day_month_parts(g, i)?;
    let first = hit.1.first().map_or(i, |f| f.first);
    // "قوى 14 آذار" is a coalition's name, "ملعب 5 جويلية" a stadium's: consumed, not tagged.
    if first > 0 && names_by_date(g.text(first - 1)) {
        return Some((hit.0, vec![]));
    }
    Some(hit)
}

fn day_month_parts(g: &Cursor, i: usize) -> Option<Hit> {
    let (d, j, first) = match day_at(g, i) {
        Some((d, j)) => (d, j, i),
        None => {
            let (d, j) = article_day(g, i)?;
            (d, j, i - 1)
        }
    };
    if let Some((m, k, _)) = g.month(j) {
        let (e, end) = gregorian_tail(g, Some(d), m, k);
        return Some((end, vec![found(first, end, e, Rule::DayMonth)]));
    }
    if let Some((e, end)) = hijri_tail(g, Some(d), j) {
        return Some((end, vec![found(first, end, e, Rule::DayHijriMonth)]));
    }
    if first < i {
        return None;
    }
    // "التاسع عشر من هذا الشهر"
    if g.lex(j) == Some(Lex::This)
        && matches!(g.lex(j + 1), Some(Lex::Unit(Unit::Month, Count::One)))
    {
        let e = Expr::DayOfMonth {
            day: d,
            shift: 0,
            same: false,
        };
        return Some((j + 2, vec![found(i, j + 2, e, Rule::DayOfRelativeMonth)]));
    }
    // "في 25 الجاري": the month word left out.
    if g.lex(j) == Some(Lex::Shift(0)) && g.t[j].clitic == 0 {
        let e = Expr::DayOfMonth {
            day: d,
            shift: 0,
            same: false,
        };
        return Some((j + 1, vec![found(i, j + 1, e, Rule::DayOfRelativeMonth)]));
    }
    // "للمرة الأولى الشهر المقبل": an ordinal in words counts a day of the month only with
    // "من" ("الخامس من الشهر الجاري"); digits need none ("14 الشهر الجاري").
    let word_without_min = g.t[i].kind == Kind::Word && g.lex(j - 1) != Some(Lex::From);
    let is_month_word = matches!(g.lex(j), Some(Lex::Unit(Unit::Month, Count::One)))
        && g.t[j].article
        && !word_without_min;
    let e = match g.lex(j + 1).filter(|_| is_month_word)? {
        Lex::Shift(s) => Expr::DayOfMonth {
            day: d,
            shift: s,
            same: false,
        },
        Lex::Same => Expr::DayOfMonth {
            day: d,
            shift: 0,
            same: true,
        },
        // "27 من الشهر الثامن": the month by its rank, unless a noun follows that the month
        // is counted in ("الشهر الثالث للحرب").
        Lex::Ordinal(_) => {
            let (m, k) = g.ordinal(j + 1).filter(|&(m, _)| (1..=12).contains(&m))?;
            if counted_in(g, k) {
                return None;
            }
            let (e, end) = gregorian_tail(g, Some(d), m as u8, k);
            return Some((end, vec![found(i, end, e, Rule::DayMonth)]));
        }
        _ => return None,
    };
    Some((j + 2, vec![found(i, j + 2, e, Rule::DayOfRelativeMonth)]))
}

/// A word at `k` that a rank is counted in: "للحرب", "من الحرب", "لولايته".
pub(super) fn counted_in(g: &Cursor, k: usize) -> bool {
    let noun = |k: usize| {
        g.t.get(k)
            .is_some_and(|t| t.kind == Kind::Word && t.lex.is_none())
    };
    noun(k) || (g.lex(k) == Some(Lex::From) && noun(k + 1))
}

/// "الـ21 من يناير": a day in digits glued to the article (which makes it a code for every
/// other rule: "الذكرى الـ80"), counted as a day only before a month; "بالـ3", "للـ5" too.
fn article_day(g: &Cursor, i: usize) -> Option<(u8, usize)> {
    let t =
        g.t.get(i)
            .filter(|t| t.kind == Kind::Number && t.digits <= 2)?;
    let before = i.checked_sub(1).map(|p| g.text(p))?;
    let article = matches!(before, "ال" | "بال" | "وال" | "فال" | "لل" | "وبال" | "ولل");
    if !article || !g.glued(i) || !(1..=31).contains(&t.value) {
        return None;
    }
    let j = if g.lex(i + 1) == Some(Lex::From) {
        i + 2
    } else {
        i + 1
    };
    Some((t.value as u8, j))
}

/// After a Gregorian month: a year ("2022", "عام 2022"), a shift (الماضي), or nothing.
pub(super) fn gregorian_tail(g: &Cursor, day: Option<u8>, m: u8, k: usize) -> (Expr, usize) {
    let k2 = if g.punct(k, ",") { k + 1 } else { k };
    if let Some(y) = g.year(k2, false) {
        return (date(Some(y), Some(m), day, None), g.after_era(k2 + 1));
    }
    if matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        if let Some(y) = g.year(k + 1, true) {
            return (date(Some(y), Some(m), day, None), g.after_era(k + 2));
        }
    }
    if let Some((y, end)) = year_of(g, k) {
        return (date(Some(y), Some(m), day, None), end);
    }
    // "مارس من العام الماضي", "يناير السنة القادمة": the month of a year counted from the
    // reference.
    let k_rel = if g.lex(k) == Some(Lex::From) {
        k + 1
    } else {
        k
    };
    if let Some((_, hits)) = relative_unit(g, k_rel) {
        if let [
            Found {
                expr:
                    Expr::RelUnit {
                        unit: Unit::Year,
                        shift,
                    },
                last,
                ..
            },
        ] = hits.as_slice()
        {
            let e = Expr::InRelativeYear {
                month: m,
                day,
                year_shift: *shift,
            };
            return (e, *last);
        }
    }
    if let Some(Lex::Shift(s)) = g.lex(k) {
        return (date(None, Some(m), day, Some(s)), k + 1);
    }
    (date(None, Some(m), day, None), k)
}

/// A year given after a month by a preposition: "من عام 2014", "في سنة 2014", "لعام 2014".
fn year_of(g: &Cursor, k: usize) -> Option<(i32, usize)> {
    let (k, glued) = match g.lex(k) {
        Some(Lex::From) => (k + 1, false),
        Some(Lex::YearPrep) if g.text(k) == "في" => (k + 1, false),
        _ => (k, true),
    };
    let word = g.t.get(k)?;
    let prep = if glued {
        word.clitic > 0 && matches!(g.text(k).chars().next(), Some('ل' | 'ب'))
    } else {
        word.clitic == 0
    };
    if !prep || !matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        return None;
    }
    Some((g.year(k + 1, false)?, g.after_era(k + 2)))
}

/// range_days: "من 20 إلى 22 مارس", "بين 20 و22 آذار", "من 31 آب إلى 3 أيلول", "أيام 3 و4 و5
/// جوان": each bare day takes its month and year from its partner.
pub fn range_days(g: &Cursor, i: usize) -> Option<Hit> {
    let bare_day = |at: usize| match g.day_digits(at) {
        Some(d) => Some((d, at + 1)),
        None => {
            let (d, j) = g.ordinal(at).filter(|&(d, _)| (1..=31).contains(&d))?;
            Some((d as u8, j))
        }
    };
    // "أيام 3 و4 و5 جوان": a list, one expression per member, each with the month of the last.
    // Read in one pass and bounded (a month has no more days), so that a run of "1-1-1-…"
    // neither recurses nor makes every start position re-read the rest of the run.
    let mut days: Vec<(usize, usize, u8)> = Vec::new();
    let mut k = i;
    let (end, mut second) = loop {
        let (d, j) = bare_day(k)?;
        if !g.connector(j) {
            return None;
        }
        days.push((k, j, d));
        k = j + 1;
        if let Some(hit) = day_month(g, k) {
            break hit;
        }
        if days.len() == MAX_LIST_DAYS {
            return None;
        }
    };
    for &(start, j, d) in days.iter().rev() {
        let first = with_day(&second.first()?.expr, d)?;
        second.insert(0, found(start, j, first, Rule::RangeDays));
    }
    Some((end, second))
}

/// How many bare days a list or range may give before its month ("أيام 3 و4 و5 جوان").
const MAX_LIST_DAYS: usize = 31;

/// The expression of a day-month with another day of the same month and year.
fn with_day(e: &Expr, d1: u8) -> Option<Expr> {
    Some(match e.clone() {
        Expr::Date {
            year, month, shift, ..
        } => date(year, month, Some(d1), shift),
        Expr::Hijri { year, month, .. } => Expr::Hijri {
            year,
            month,
            day: Some(d1),
        },
        Expr::HijriNear {
            month,
            gregorian_year,
            shift,
            ..
        } => Expr::HijriNear {
            month,
            day: Some(d1),
            gregorian_year,
            shift,
        },
        Expr::DayOfMonth { shift, same, .. } => Expr::DayOfMonth {
            day: d1,
            shift,
            same,
        },
        Expr::InRelativeYear {
            month, year_shift, ..
        } => Expr::InRelativeYear {
            month,
            day: Some(d1),
            year_shift,
        },
        _ => return None,
    })
}

/// month: "فبراير/شباط", "شهر سبتمبر/أيلول", "حزيران ٢٠١٢", "مايو الماضي", "أيلول (سبتمبر)".
/// An ambiguous name (مارس, آب, شباط, نيسان …) needs a year, a shift, "شهر", a doubled form, or
/// a preposition before it.
pub fn month(g: &Cursor, i: usize) -> Option<Hit> {
    let (m, k, strong) = g.month(i)?;
    let (e, end) = gregorian_tail(g, None, m, k);
    let anchored = end > k;
    let prep_before = i.checked_sub(1).and_then(|p| g.lex(p)).is_some_and(|l| {
        matches!(
            l,
            Lex::YearPrep
                | Lex::From
                | Lex::Until
                | Lex::Before
                | Lex::After
                | Lex::Between
                | Lex::Part(_)
        )
    });
    let prep_attached = g.t[i].clitic > 0 && !g.text(i).starts_with('و');
    // "باب" (a door) is not ب + آب: a two-letter name behind a clitic needs a year or a shift.
    let short = g.t[i].clitic > 0 && g.text(i).chars().count() <= g.t[i].clitic + 2;
    if short && !anchored {
        return None;
    }
    if !(strong || anchored || prep_before || prep_attached) {
        return None;
    }
    Some((end, vec![found(i, end, e, Rule::Month)]))
}

/// year: "عام 2014", "سنة ١٩٩٩", "العام 2030", "بين عامي 2014 و2018" (two expressions).
pub fn year_word(g: &Cursor, i: usize) -> Option<Hit> {
    if !matches!(
        g.lex(i),
        Some(Lex::Unit(Unit::Year, Count::One | Count::Two))
    ) {
        return None;
    }
    // "الموسم الدراسي عام 2023/2024": the year word belongs to the first year of a season.
    if g.continues(i + 1) {
        let (end, mut pieces) = numeric_date(g, i + 1)?;
        if pieces.len() != 2 {
            return None;
        }
        pieces[0].first = i;
        pieces[0].rule = Rule::Year;
        return Some((end, pieces));
    }
    let y = g.year(i + 1, true)?;
    if g.lex(i + 2) == Some(Lex::HijriEra) {
        // A Hijri year alone has no Gregorian year to name: consumed, not tagged.
        return Some((i + 3, vec![]));
    }
    let era = g.after_era(i + 2);
    let mut out = vec![found(i, era, date(Some(y), None, None, None), Rule::Year)];
    let end = year_partner(g, era, &mut out);
    Some((end, out))
}

/// The second year of a range: "و2018", "إلى 2018", "-2018".
fn year_partner(g: &Cursor, k: usize, out: &mut Vec<Found>) -> usize {
    match g
        .year(k + 1, false)
        .filter(|_| g.connector(k) && !g.counted(k + 1))
    {
        Some(y2) => {
            let e = date(Some(y2), None, None, None);
            out.push(found(k + 1, k + 2, e, Rule::YearRange));
            k + 2
        }
        None => k,
    }
}

/// year_after_preposition: "في 2015", "منذ 2014", "حتى 2030", "من 2014 إلى 2018" (the
/// preposition is outside the expression). A count after the number ("في 2000 جندي") vetoes it.
pub fn year_after_preposition(g: &Cursor, i: usize) -> Option<Hit> {
    let prep = g.lex(i)?;
    if !matches!(
        prep,
        Lex::YearPrep | Lex::From | Lex::Until | Lex::Before | Lex::After | Lex::Between
    ) {
        return None;
    }
    let y = g.year(i + 1, false).filter(|y| (1800..=2100).contains(y))?;
    if g.counted(i + 1) || g.continues(i + 1) || g.lex(i + 2) == Some(Lex::HijriEra) {
        return None;
    }
    // "من 2000 إلى 3000 جندي": a range of counts, not of years.
    let partner = i + 3;
    if g.connector(i + 2)
        && g.num(partner).is_some()
        && (g.year(partner, false).is_none() || g.counted(partner))
    {
        return None;
    }
    let mut out = vec![found(
        i + 1,
        i + 2,
        date(Some(y), None, None, None),
        Rule::YearAfterPreposition,
    )];
    let end = year_partner(g, i + 2, &mut out);
    Some((end, out))
}

/// latin_date: an English dateline inside an Arabic page, "Saturday 17 June, 2023",
/// "June 17, 2023", "17 Jun 2023": tried at the day, taking in the month and weekday before it.
pub fn latin_date(g: &Cursor, i: usize) -> Option<Hit> {
    let latin = |k: usize| {
        g.t.get(k)
            .filter(|t| t.kind == Kind::Latin)
            .map(|_| g.text(k))
    };
    let d = g.day_digits(i)?;
    let after_comma = |k: usize| if g.punct(k, ",") { k + 1 } else { k };
    let (m, first, year_at) = match latin(i + 1).and_then(english_month) {
        Some(m) => (m, i, after_comma(i + 2)),
        None => {
            let m = latin(i.checked_sub(1)?).and_then(english_month)?;
            (m, i - 1, after_comma(i + 1))
        }
    };
    let y = g.year(year_at, false)?;
    chrono::NaiveDate::from_ymd_opt(y, m.into(), d.into())?;
    let before = |k: usize| {
        if k > 0 && g.punct(k - 1, ",") {
            k - 1
        } else {
            k
        }
    };
    let wd = before(first);
    let first = match wd.checked_sub(1).and_then(latin) {
        Some(w) if is_english_weekday(w) => wd - 1,
        _ => first,
    };
    let e = date(Some(y), Some(m), Some(d), None);
    Some((
        year_at + 1,
        vec![found(first, year_at + 1, e, Rule::LatinDate)],
    ))
}
