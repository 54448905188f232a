//! Amounts of time: durations ("ثلاثة أيام", "عامين"), with fractions ("نصف ساعة", "ساعة
//! ونصف"), decimals ("3.5 ثانية") and parts ("عام واحد وشهر و21 يوما"); counted and vague
//! stretches before or after the reference ("الأشهر الستة الماضية" → P6M, "الأيام القليلة
//! الماضية" → PXD); decade words only where they are time, not "contract".

use super::super::lexicon::amounts::{List, decades, is};
use super::super::lexicon::{Count, Lex, Unit};
use super::super::resolve::amount::SCALE;
use super::super::resolve::{Amount, Expr};
use super::super::token::Kind;
use super::{Cursor, Hit, Rule, found};

/// Units from the largest: a compound's parts must come in this order.
fn rank(u: Unit) -> u8 {
    match u {
        Unit::Century => 8,
        Unit::Decade => 7,
        Unit::Year => 6,
        Unit::Month => 5,
        Unit::Week => 4,
        Unit::Day => 3,
        Unit::Hour => 2,
        Unit::Minute => 1,
        Unit::Second => 0,
    }
}

/// A unit word without the article or a clitic: (unit, count it carries).
fn unit_at(g: &Cursor, k: usize) -> Option<(Unit, Count)> {
    match g.lex(k)? {
        Lex::Unit(u, c) if !g.t[k].article && g.t[k].clitic == 0 => Some((u, c)),
        _ => None,
    }
}

/// The word at `k` without the clitics the lookup stripped.
fn stem<'a>(g: &'a Cursor, k: usize) -> &'a str {
    let t = &g.t[k];
    let w = g.text(k);
    w.char_indices().nth(t.clitic).map_or("", |(b, _)| &w[b..])
}

/// "عقد" (also the verb "held"), "عقدا", "عقدين": how many decades, when the word is one.
pub(super) fn decade_word(g: &Cursor, k: usize) -> Option<u32> {
    let t = g.t.get(k)?;
    let maybe = matches!(t.lex, Some(Lex::Past | Lex::Unit(Unit::Decade, _)));
    (maybe && t.kind == Kind::Word && !t.article)
        .then(|| decades(stem(g, k)))
        .flatten()
}

/// "3.5 ثانية", "2,5 ساعة": digits, a point or comma, one or two digits, all glued, then a
/// unit (the number is a code for every other rule).
fn decimal(g: &Cursor, i: usize) -> Option<(Unit, u64, usize)> {
    let a = g.t.get(i).filter(|t| t.kind == Kind::Number)?;
    let b =
        g.t.get(i + 2)
            .filter(|t| t.kind == Kind::Number && t.digits <= 2)?;
    if !g.punct(i + 1, ".,") || g.t[i + 1].space_before || b.space_before {
        return None;
    }
    let (u, _) = unit_at(g, i + 3)?;
    let frac = u64::from(b.value) * SCALE / 10u64.pow(b.digits as u32);
    Some((u, u64::from(a.value) * SCALE + frac, i + 4))
}

/// A decade word with no number before it, and, for the singular عقد (also the verbal noun
/// "holding": "بعد عقد الاجتماع"), nothing after it but the end of the clause or a word that
/// goes with a span ("منذ عقد من الزمن", "قبل عقد تقريبا", "بعد عقد على توقيعه").
pub(super) fn lone_decade(g: &Cursor, i: usize) -> bool {
    if i > 0 && g.number(i - 1).is_some() {
        return false;
    }
    if stem(g, i) != "عقد" {
        return true;
    }
    match g.t.get(i + 1) {
        None => true,
        Some(t) if t.kind == Kind::Punct => true,
        Some(_) => matches!(
            g.text(i + 1),
            "من" | "واحد" | "كامل" | "تقريبا" | "ونصف" | "علي" | "مضي"
        ),
    }
}

/// One part at `i`: (unit, count × [`SCALE`], next token). A number and a unit, a dual, "UNIT
/// واحد", a decimal ("3.5 ثانية"), a fraction of a unit ("نصف ساعة", "ربع قرن"), or, with
/// `bare`, a unit alone ("وشهر" inside a compound, "ساعة" before ونصف).
fn part(g: &Cursor, i: usize, bare: bool) -> Option<(Unit, u64, usize)> {
    // "3.5 ثانية", "2,5 ساعة": the number is a code for every other rule.
    if let Some(hit) = decimal(g, i) {
        return Some(hit);
    }
    if let Some(Lex::Fraction(f)) = g.lex(i) {
        if g.t[i].article || g.t[i].clitic > 0 {
            return None;
        }
        let (u, c) = unit_at(g, i + 1)?;
        // "نصف شهر مارس" is the middle of March.
        let month_after = matches!(g.lex(i + 2), Some(Lex::Month { .. } | Lex::HijriMonth(_)));
        if c != Count::One || month_after {
            return None;
        }
        return Some((u, u64::from(f) * SCALE / 60, i + 2));
    }
    if let Some(n) = decade_word(g, i).filter(|_| lone_decade(g, i)) {
        return Some((Unit::Decade, u64::from(n) * SCALE, i + 1));
    }
    if let Some((n, u, end)) = g.duration(i) {
        return Some((u, u64::from(n) * SCALE, end));
    }
    match g.lex(i)? {
        Lex::Unit(u, Count::One) if bare && !g.t[i].article => Some((u, SCALE, i + 1)),
        _ => None,
    }
}

/// "ونصف", "وربع", "والنصف" after a part, or "إلا ربعا": the fraction of its unit to add or
/// take away, and the token after it.
fn fraction_after(g: &Cursor, k: usize) -> Option<(i64, usize)> {
    match g.lex(k)? {
        Lex::Fraction(f) if g.t[k].clitic >= 1 && g.text(k).starts_with('و') => {
            Some((i64::from(f), k + 1))
        }
        Lex::Except => match g.lex(k + 1)? {
            Lex::Fraction(f) => Some((-i64::from(f), k + 2)),
            _ => None,
        },
        _ => None,
    }
}

/// The token after a و at `k` that joins the next part: `k` for a glued و (وشهر, وثلاثة),
/// `k + 1` for a separate one ("و 21", "و21").
fn joined(g: &Cursor, k: usize) -> Option<usize> {
    let t = g.t.get(k)?;
    if g.text(k) == "و" && t.kind == Kind::Word {
        return Some(k + 1);
    }
    (t.clitic == 1 && g.text(k).starts_with('و') && !t.article).then_some(k)
}

/// The part at `k` reached through a glued و: the و is a clitic of its first token.
fn part_after_and(g: &Cursor, k: usize) -> Option<(Unit, u64, usize)> {
    // "عامي و" at the end of the text: nothing after the و.
    let t = g.t.get(k)?;
    if t.clitic == 1 {
        // "وشهر", "وثلاثة أشهر": the lookup stripped the و.
        if let Some(Lex::Unit(u, Count::One)) = g.lex(k) {
            if !t.article {
                return Some((u, SCALE, k + 1));
            }
        }
        let (n, j) = g.number(k)?;
        let (u, c) = g.lex(j).and_then(|l| match l {
            Lex::Unit(u, c) if !g.t[j].article && g.t[j].clitic == 0 => Some((u, c)),
            _ => None,
        })?;
        return (c != Count::Two).then_some((u, u64::from(n) * SCALE, j + 1));
    }
    part(g, k, true)
}

/// A decade amount needs a word of time before it ("منذ عقدين", "استمرت عقدا", "أكثر من
/// ثلاثة عقود", "لعقد") or "من الزمن" after it: alone, عقد is a contract.
fn decade_is_time(g: &Cursor, first: usize, end: usize) -> bool {
    let before = |k: usize| {
        g.t.get(k)
            .is_some_and(|_| is(List::TimeAmountBefore, g.text(k)))
    };
    // "استمرت الحرب عقدا": a verb of lasting a few words before, in the same clause.
    let lasting = (first.saturating_sub(LASTING_REACH)..first)
        .filter(|&k| k >= g.sentence_start(first))
        .any(|k| {
            let w = g.text(k);
            is(List::Lasting, w) || w.strip_prefix('و').is_some_and(|w| is(List::Lasting, w))
        });
    let clitic_li = g.text(first).starts_with('ل') && g.t[first].clitic == 1;
    let more = first >= 2
        && matches!(g.text(first - 1), "من" | "عن")
        && is(List::MoreOrLess, g.text(first - 2));
    let of_time = g.lex(end) == Some(Lex::From) && matches!(g.text(end + 1), "الزمن" | "الزمان");
    (first > 0 && before(first - 1)) || lasting || clitic_li || more || of_time
}

/// How many words a verb of lasting may stand before a decade amount.
const LASTING_REACH: usize = 3;

/// duration: "ثلاثة أيام", "يومين", "شهر واحد", "لمدة شهر" (the preposition outside), "نصف
/// ساعة", "ساعة ونصف" (PT1H30M), "3.5 ثانية", "عام واحد وشهر و21 يوما" (P1Y1M21D), "اثنا عشر
/// قرنا" (P12CE); "العامين الماضيين", "الأشهر الستة الماضية" (P6M), "الساعات الـ24 الأخيرة".
pub fn duration(g: &Cursor, i: usize) -> Option<Hit> {
    if g.lex(i) == Some(Lex::ForDuration) {
        if let Some(Lex::Unit(u, Count::One)) = g.lex(i + 1) {
            if !g.t[i + 1].article && fraction_after(g, i + 2).is_none() {
                let e = Expr::Duration { n: 1, unit: u };
                return Some((i + 2, vec![found(i + 1, i + 2, e, Rule::Duration)]));
            }
        }
        return None;
    }
    if let Some(hit) = counted_stretch(g, i).or_else(|| several(g, i)) {
        return Some(hit);
    }
    // "عاما كاملا", "شهرا واحدا": one unit, said whole.
    if let Some(Lex::Unit(u, Count::Many)) = g.lex(i) {
        let whole =
            g.t.get(i + 1).is_some_and(|t| t.kind == Kind::Word) && is(List::Whole, g.text(i + 1));
        let counted = i > 0 && g.number(i - 1).is_some();
        let time = u != Unit::Decade || decade_is_time(g, i, i + 2);
        if whole && !counted && !g.t[i].article && time {
            let e = Expr::Duration { n: 1, unit: u };
            return Some((i + 2, vec![found(i, i + 2, e, Rule::Duration)]));
        }
        return None;
    }
    let (unit, n, mut end) = part(g, i, true)?;
    // "دور الـ 16 يوم السبت": يوم before a weekday names the day; a number is never counted
    // in it (sixteen days would be "16 يوما").
    if end > i + 1
        && matches!(g.lex(end - 1), Some(Lex::Unit(Unit::Day, Count::One)))
        && matches!(g.lex(end), Some(Lex::Weekday(_)))
    {
        return None;
    }
    let mut parts = vec![(unit, n)];
    let alone = matches!(g.lex(i), Some(Lex::Unit(_, Count::One))) && end == i + 1;
    if let Some((f, next)) = fraction_after(g, end) {
        parts[0].1 = (n as i64 + f * SCALE as i64 / 60).max(0) as u64;
        end = next;
    }
    // "عام واحد وشهر و21 يوما": further parts, each of a smaller unit.
    while let Some(k) = joined(g, end) {
        let Some((u, m, next)) = part_after_and(g, k) else {
            break;
        };
        if rank(u) >= rank(parts.last()?.0) {
            break;
        }
        parts.push((u, m));
        end = next;
        if let Some((f, next)) = fraction_after(g, end) {
            let last = parts.last_mut()?;
            last.1 = (last.1 as i64 + f * SCALE as i64 / 60).max(0) as u64;
            end = next;
        }
    }
    // A unit alone ("ساعة", "شهر") is not an amount.
    if alone && end == i + 1 {
        return None;
    }
    if parts.iter().any(|p| p.0 == Unit::Decade) && !decade_is_time(g, i, end) {
        return None;
    }
    let e = match parts.as_slice() {
        [(u, n)] if n % SCALE == 0 => Expr::Duration {
            n: (n / SCALE) as u32,
            unit: *u,
        },
        _ => Expr::Amount(Amount(parts)),
    };
    Some((end, vec![found(i, end, e, Rule::Duration)]))
}

/// The words after a counted plural that place it before or after the reference: a shift
/// (الماضية, المقبلة) or الأخيرة.
fn placed(g: &Cursor, k: usize) -> bool {
    matches!(g.lex(k), Some(Lex::Shift(s)) if s != 0) || is(List::Last, g.text(k))
}

/// "السنوات الماضية", "الأشهر الأخيرة": a vague stretch. الأخيرة is "the last" of anything
/// ("الدقائق الأخيرة" of a match, "الأيام الأخيرة من رمضان"): a stretch before the reference
/// only for months and longer, and with nothing after it that it is the last part of.
fn vague_placed(g: &Cursor, unit: Unit, k: usize) -> bool {
    if matches!(g.lex(k), Some(Lex::Shift(s)) if s != 0) {
        return true;
    }
    let long = matches!(
        unit,
        Unit::Month | Unit::Year | Unit::Decade | Unit::Century
    );
    let of_something = g.lex(k + 1) == Some(Lex::From)
        || g.t.get(k + 1).is_some_and(|t| {
            t.kind == Kind::Word && (t.article || g.text(k + 1).starts_with('ل')) && t.lex.is_none()
        });
    long && is(List::Last, g.text(k)) && !of_something
}

/// A number with the article: "الستة", "العشر", or "الـ24" (digits glued to ال).
fn article_number(g: &Cursor, k: usize) -> Option<(u32, usize)> {
    if g.text(k) == "ال" {
        let t =
            g.t.get(k + 1)
                .filter(|t| t.kind == Kind::Number && !t.space_before)?;
        return (t.digits <= 3).then_some((t.value, k + 2));
    }
    if !g.t.get(k)?.article {
        return None;
    }
    match g.lex(k)? {
        Lex::Number(n) if n < 1000 => Some((n, k + 1)),
        _ => None,
    }
}

/// "العامين الماضيين", "الأشهر الستة الماضية", "السنوات العشر الأخيرة", "الساعات الـ24
/// الماضية", "الـ48 ساعة المقبلة": that many units before or after the reference, a
/// DURATION; "الأيام القليلة الماضية", "السنوات الأخيرة", "العقود الماضية": a vague one.
fn counted_stretch(g: &Cursor, i: usize) -> Option<Hit> {
    // "الـ48 ساعة المقبلة": tried at the digits, the article before them.
    if i > 0 && g.text(i - 1) == "ال" && g.t[i].kind == Kind::Number {
        let (n, j) = article_number(g, i - 1)?;
        let (unit, _) = unit_at(g, j)?;
        if !placed(g, j + 1) {
            return None;
        }
        let e = Expr::Duration { n, unit };
        return Some((j + 2, vec![found(i - 1, j + 2, e, Rule::Duration)]));
    }
    let Some(Lex::Unit(unit, count)) = g.lex(i) else {
        return None;
    };
    if !g.t[i].article || count == Count::One {
        return None;
    }
    // "أحد الأسابيع الماضية", "بعض الأيام الماضية": one or some of them, not a stretch.
    if i > 0 && (matches!(g.lex(i - 1), Some(Lex::Number(1))) || g.text(i - 1) == "بعض") {
        return None;
    }
    let e = match count {
        Count::Two if placed(g, i + 1) => (Expr::Duration { n: 2, unit }, i + 2),
        Count::Many => {
            if let Some((n, j)) = article_number(g, i + 1).filter(|&(_, j)| placed(g, j)) {
                (Expr::Duration { n, unit }, j + 1)
            } else if is(List::Few, g.text(i + 1)) {
                let end = if placed(g, i + 2) { i + 3 } else { i + 2 };
                (Expr::FewUnits(unit), end)
            } else if vague_placed(g, unit, i + 1) {
                (Expr::FewUnits(unit), i + 2)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some((e.1, vec![found(i, e.1, e.0, Rule::Duration)]))
}

/// "عدة أيام", "بضعة أسابيع": an unstated number of units, PXD, tried at the plural; "قبل عدة
/// أيام" / "بعد بضعة أشهر" is a time before or after the reference that the text does not
/// date: PAST_REF / FUTURE_REF, the preposition inside as for `ago`.
fn several(g: &Cursor, i: usize) -> Option<Hit> {
    let (unit, Count::Many) = unit_at(g, i)? else {
        return None;
    };
    let k = i.checked_sub(1).filter(|&k| is(List::Several, g.text(k)))?;
    let (e, first, rule) = match k.checked_sub(1).and_then(|p| g.lex(p)) {
        Some(Lex::Before) => (Expr::Vague("PAST_REF"), k - 1, Rule::Ago),
        Some(Lex::After) => (Expr::Vague("FUTURE_REF"), k - 1, Rule::Ago),
        _ => (Expr::FewUnits(unit), k, Rule::Duration),
    };
    if unit == Unit::Decade && first == k && !decade_is_time(g, first, i + 1) {
        return None;
    }
    Some((i + 1, vec![found(first, i + 1, e, rule)]))
}
