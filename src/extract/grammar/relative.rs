//! Relative rules: days and weekdays, units moved from the reference, Rule::Ago.

use super::super::lexicon::schedule::{
    is_days_before_weekdays, is_equating_word, is_previous, is_source_word, outlet_place,
};
use super::super::lexicon::{Count, Lex, Unit, is_general_noun};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::calendar::day_month;
use super::days::bare_weekday;
use super::numeric::numeric_date;
use super::{Cursor, Hit, Rule, found};

/// relative_day: "أمس", "البارحة", "أول أمس", "اليوم", "غدا", "بعد غد", with a weekday that
/// confirms it ("أمس الأربعاء") and a part of the day before it ("صباح اليوم الأربعاء");
/// "اليوم التالي" and "اليوم نفسه" count from the last date given.
pub fn relative_day(g: &Cursor, i: usize) -> Option<Hit> {
    let mut j = if matches!(g.lex(i), Some(Lex::DayPart(_))) {
        i + 1
    } else {
        i
    };
    // "يوم أمس", "صباح يوم غد السبت": يوم before the word for the day belongs to it.
    if matches!(g.lex(j), Some(Lex::Unit(Unit::Day, Count::One)))
        && !g.has_article(j)
        && matches!(g.lex(j + 1), Some(Lex::RelDay(n)) if n != 0)
    {
        j += 1;
    }
    // "نفس اليوم", "ذات اليوم": the day the text just gave, as "اليوم نفسه".
    if j == i && g.lex(i) == Some(Lex::Same) && g.lex(i + 1) == Some(Lex::RelDay(0)) {
        let e = Expr::FromLast {
            unit: Unit::Day,
            shift: 0,
        };
        return Some((i + 2, vec![found(i, i + 2, e, Rule::RelativeDay)]));
    }
    let Some(Lex::RelDay(n)) = g.lex(j) else {
        return None;
    };
    if n == 0 && j == i && outlet_name(g, i) {
        return Some((i + 1, vec![]));
    }
    let k = j + 1;
    let (e, end) = match g.lex(k) {
        Some(Lex::Weekday(_)) if g.text(k).starts_with("ال") => {
            // "اليوم الجمعة 20 غشت 2021": one noun phrase, the date says which day.
            if let Some((end, mut dated)) = numeric_date(g, k + 1).or_else(|| day_month(g, k + 1)) {
                if let [one] = dated.as_mut_slice() {
                    one.first = i;
                    one.rule = Rule::RelativeDayDate;
                    return Some((end, dated));
                }
            }
            (Expr::RelDay(n.into()), k + 1)
        }
        Some(Lex::Following) if n == 0 => (
            Expr::FromLast {
                unit: Unit::Day,
                shift: 1,
            },
            k + 1,
        ),
        Some(Lex::Shift(-1)) if n == 0 => (
            Expr::FromLast {
                unit: Unit::Day,
                shift: -1,
            },
            k + 1,
        ),
        Some(Lex::Same) if n == 0 => (
            Expr::FromLast {
                unit: Unit::Day,
                shift: 0,
            },
            k + 1,
        ),
        // "اليوم الأول", "اليوم الوطني": "the day", not "today".
        Some(Lex::Ordinal(_)) if n == 0 => return None,
        None if n == 0
            && g.text(k).starts_with("ال")
            && g.t.get(k).is_some_and(|t| t.kind == Kind::Word) =>
        {
            return None;
        }
        _ => (Expr::RelDay(n.into()), k),
    };
    Some((end, vec![found(i, end, e, Rule::RelativeDay)]))
}

/// weekday: "يوم الجمعة", "الجمعة الماضية", "يوم الأربعاء الماضي", "مساء الأحد", "يومي
/// الأربعاء والخميس من الأسبوع المقبل" (each day in that week; the week is its own expression).
pub fn weekday(g: &Cursor, i: usize) -> Option<Hit> {
    // "أحد الأسبوع الماضي", "ثلاثاء الأسبوع الفائت": the weekday of that week.
    if let Some(wd) = bare_weekday(g, i) {
        let (end, hits) = relative_unit(g, i + 1)?;
        let Expr::RelUnit {
            unit: Unit::Week,
            shift: week,
        } = hits.first()?.expr
        else {
            return None;
        };
        let e = Expr::WeekdayOfWeek { wd, week };
        return Some((end, vec![found(i, end, e, Rule::Weekday)]));
    }
    let mut j = i;
    if matches!(g.lex(j), Some(Lex::DayPart(_))) {
        j += 1;
    }
    let yawm = matches!(g.lex(j), Some(Lex::Unit(Unit::Day, Count::One))) && !g.t[j].article;
    if yawm {
        j += 1;
    }
    let Some(Lex::Weekday(wd)) = g.lex(j) else {
        return None;
    };
    let article = g.has_article(j);
    if !article && !yawm {
        return None;
    }
    // "كلا الاثنين" is "both of them".
    if wd == 1 && i > 0 && g.text(i - 1) == "كلا" {
        return None;
    }
    let (shift, end) = match g.lex(j + 1) {
        Some(Lex::Shift(s)) if s != 0 => (Some(s), j + 2),
        _ => (None, j + 1),
    };
    // "الثلاثاء 15 سبتمبر": the date says which one, in one expression. Set apart by a comma
    // or "الموافق" ("يوم الخميس، 11 يونيو", "يوم السبت المقبل الموافق 12 يونيو"), the weekday
    // is an expression of its own with the date's value, and the date is found after it.
    let (k, apart) = equated_at(g, end);
    if apart || shift.is_none() {
        if let Some((date_end, mut dated)) = numeric_date(g, k).or_else(|| day_month(g, k)) {
            if let [one] = dated.as_mut_slice() {
                one.first = i;
                one.rule = Rule::WeekdayDate;
                one.weekday = Some(wd);
                if !apart {
                    return Some((date_end, dated));
                }
                one.last = end;
                return Some((end, dated));
            }
        }
    }
    let e = match week_of_list(g, j).filter(|_| shift.is_none()) {
        Some(week) => Expr::WeekdayOfWeek { wd, week },
        None => Expr::Weekday { wd, shift },
    };
    // "يومي الأربعاء": the dual يومي has no entry of its own (alone it is "daily"), so the
    // weekday after it takes it in.
    let first = if !yawm && j == i && i > 0 && is_days_before_weekdays(g.text(i - 1)) {
        i - 1
    } else {
        i
    };
    Some((end, vec![found(first, end, e, Rule::Weekday)]))
}

/// "اليوم" at `i` ends an outlet's name ("لموقع روسيا اليوم", "قناة "روسيا اليوم"",
/// "المصدر: روسيا اليوم", "لروسيا اليوم"): a place before it, and before that a word for a
/// source, a colon or a quote, or ل glued to the place. Elsewhere "تشهد مصر اليوم" is today.
fn outlet_name(g: &Cursor, i: usize) -> bool {
    if i == 0 || g.t[i - 1].kind != Kind::Word {
        return false;
    }
    let Some(glued_li) = outlet_place(g.text(i - 1)) else {
        return false;
    };
    let marked = i.checked_sub(2).is_some_and(|k| {
        (g.t[k].kind == Kind::Word && is_source_word(g.text(k))) || g.punct(k, ":\"“«")
    });
    glued_li || marked
}

/// Where a date equated with the weekday before `k` would start: after a comma, "الموافق" or
/// both ("ليوم الأحد، الموافق، 2/1/2022"), and whether anything set it apart.
fn equated_at(g: &Cursor, k: usize) -> (usize, bool) {
    let mut j = k;
    if g.punct(j, ",") {
        j += 1;
    }
    if is_equating_word(g.text(j)) {
        j += 1;
        if g.punct(j, ",") {
            j += 1;
        }
    }
    (j, j > k)
}

/// The week a weekday (or a list of them: "الأربعاء والخميس") at `j` is placed in by a
/// following "من الأسبوع المقبل" / "من هذا الأسبوع": its shift from the reference's week.
fn week_of_list(g: &Cursor, j: usize) -> Option<i32> {
    let mut k = j + 1;
    while matches!(g.lex(k), Some(Lex::Weekday(_))) && g.t[k].clitic == 1 && g.has_article(k) {
        k += 1;
    }
    if g.lex(k) != Some(Lex::From) {
        return None;
    }
    let (_, hits) = relative_unit(g, k + 1)?;
    match hits.first()?.expr {
        Expr::RelUnit {
            unit: Unit::Week,
            shift,
        } => Some(shift),
        _ => None,
    }
}

/// relative_unit: "الأسبوع الماضي", "الشهر الجاري", "العام المقبل", "هذا العام",
/// "هذه السنة", "الشهر نفسه", "العام التالي".
pub fn relative_unit(g: &Cursor, i: usize) -> Option<Hit> {
    let this = g.lex(i) == Some(Lex::This);
    let j = i + usize::from(this);
    let Some(Lex::Unit(unit, Count::One)) = g.lex(j) else {
        return None;
    };
    // "الأمين العام السابق" is the former secretary-general.
    if !this && j > 0 && is_general_noun(g.text(j - 1)) {
        return None;
    }
    if !g.t[j].article
        || !matches!(
            unit,
            Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century
        )
    {
        return None;
    }
    let (e, end) = match (g.lex(j + 1), g.lex(j + 2)) {
        // "الأسبوع قبل الماضي", "العام بعد المقبل"
        (Some(Lex::Before), Some(Lex::Shift(-1))) if !this => {
            (Expr::RelUnit { unit, shift: -2 }, j + 3)
        }
        (Some(Lex::After), Some(Lex::Shift(1))) if !this => {
            (Expr::RelUnit { unit, shift: 2 }, j + 3)
        }
        // "العام السابق" after "عام 2025": the year before the one just given.
        (Some(Lex::Shift(-1)), _) if !this && is_previous(g.text(j + 1)) => {
            (Expr::FromLast { unit, shift: -1 }, j + 2)
        }
        (Some(Lex::Shift(s)), _) if !this => (
            Expr::RelUnit {
                unit,
                shift: s.into(),
            },
            j + 2,
        ),
        (Some(Lex::Following), _) if !this => (Expr::FromLast { unit, shift: 1 }, j + 2),
        (Some(Lex::Same), _) if !this => (Expr::FromLast { unit, shift: 0 }, j + 2),
        _ if this => (Expr::RelUnit { unit, shift: 0 }, j + 1),
        _ => return None,
    };
    Some((end, vec![found(i, end, e, Rule::RelativeUnit)]))
}

/// ago: "قبل يومين", "قبل ثلاثة أشهر", "بعد أسبوع": a date that many units away.
pub fn ago(g: &Cursor, i: usize) -> Option<Hit> {
    let sign = match g.lex(i)? {
        Lex::Before => -1,
        Lex::After => 1,
        _ => return None,
    };
    // "قبل عقد": the singular عقد is also a verb and a verbal noun, so the lexicon does not
    // hold it as a unit.
    let lone =
        |k: usize| super::amount::decade_word(g, k) == Some(1) && super::amount::lone_decade(g, k);
    let (n, unit, end) = match g.lex(i + 1) {
        Some(Lex::Past) if lone(i + 1) => (1, Unit::Decade, i + 2),
        Some(Lex::Unit(u, Count::One))
            if !g.t[i + 1].article && g.lex(i + 2) != Some(Lex::Number(1)) =>
        {
            (1, u, i + 2)
        }
        _ => g.duration(i + 1)?,
    };
    // "قبل شهر رمضان" is "before the month of Ramadan", "قبل عام 2020" before the year 2020,
    // "قبل يوم الجمعة" before Friday.
    let names_next = matches!(
        g.lex(end),
        Some(Lex::Month { .. } | Lex::HijriMonth(_) | Lex::Weekday(_))
    ) || g.num(end).is_some()
        || g.cardinal(end).is_some_and(|(v, _)| v >= 1000);
    if names_next && end == i + 2 {
        return None;
    }
    // "بعد عشر سنوات من إنهاء السياسة", "قبل 24 ساعة من بدء التصويت": counted from a
    // happening, not from the reference: the amount alone, a DURATION ("من الآن" is the
    // reference).
    if anchored_elsewhere(g, end) {
        if let Some(hit) = super::amount::duration(g, i + 1) {
            return Some(hit);
        }
        let e = Expr::Duration { n, unit };
        return Some((end, vec![found(i + 1, end, e, Rule::Duration)]));
    }
    // "قبل عقدين" is twenty years back, not the decade before last: a year.
    let (unit, n) = match unit {
        Unit::Decade => (Unit::Year, n * 10),
        Unit::Century => (Unit::Year, n * 100),
        u => (u, n),
    };
    let e = Expr::RelUnit {
        unit,
        shift: sign * n as i32,
    };
    Some((end, vec![found(i, end, e, Rule::Ago)]))
}

/// After an offset at `k`: "من" or "على" (folded علي) and a happening ("من إنهاء", "على توقيع"), not "من
/// الآن" / "من اليوم".
fn anchored_elsewhere(g: &Cursor, k: usize) -> bool {
    let prep = g.lex(k) == Some(Lex::From) || g.text(k) == "علي";
    // "بعد عقد من الزمن": "of time" says nothing of a happening.
    let now = matches!(g.lex(k + 1), Some(Lex::Vague(_) | Lex::RelDay(_)))
        || matches!(g.text(k + 1), "الزمن" | "الزمان");
    prep && !now && g.t.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
}
