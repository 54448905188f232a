//! The rules of the temporal grammar, one function each, over lexicon-analysed tokens.
//! The grammar they implement is written out in [`super::timex`].

use super::TimexMod;
use super::lexicon::events::{Form, TRIGGERS};
use super::lexicon::{
    ClockPart, Count, DayPart, Lex, Occasion, Unit, is_future_verb, is_general_noun,
    is_not_date_context,
};
use super::normalize::Normalized;
use super::resolve::Expr;
use super::token::{Kind, Token};

/// One expression a rule found: tokens `first..last`, what it means, and the rule's name.
#[derive(Debug, Clone)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
    pub modifier: Option<TimexMod>,
    pub rule: &'static str,
}

/// A rule's answer: the token after the match, and the expressions in it (a range has two,
/// a consumed non-date none).
pub type Hit = (usize, Vec<Found>);

/// The tokens of one text and what the rules need to ask of them.
pub struct G<'a> {
    pub n: &'a Normalized,
    pub t: &'a [Token],
    /// Numbers that are part of a code, a decimal or a name (S-400, كوفيد-19, 7.62).
    pub code: Vec<bool>,
    /// For each token, the first token of its sentence.
    sentence_of: Vec<usize>,
}

/// How far (in tokens) a tense marker may stand from the expression it sets the tense of.
const TENSE_WINDOW: usize = 40;

impl<'a> G<'a> {
    pub fn new(n: &'a Normalized, t: &'a [Token]) -> G<'a> {
        let code = (0..t.len()).map(|i| is_code(n, t, i)).collect();
        let mut start = 0;
        let mut sentence_of = Vec::with_capacity(t.len());
        for (i, tok) in t.iter().enumerate() {
            sentence_of.push(start);
            if tok.kind == Kind::Punct && ".?!;\n".contains(tok.punct) {
                start = i + 1;
            }
        }
        G {
            n,
            t,
            code,
            sentence_of,
        }
    }

    pub fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i).and_then(|t| t.lex)
    }

    pub(crate) fn text(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.text(self.n))
    }

    fn punct(&self, i: usize, set: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && set.contains(t.punct))
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    /// The word carries the article ال, whether the lexicon entry includes it (الجمعة) or
    /// the lookup stripped it.
    fn has_article(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.article
                || t.text(self.n)
                    .chars()
                    .skip(t.clitic)
                    .take(2)
                    .eq("ال".chars())
        })
    }

    /// A plain number (not part of a code).
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Number && !self.code[i]).then_some((t.value, t.digits))
    }

    /// A day of the month written in digits.
    fn day_digits(&self, i: usize) -> Option<u8> {
        let (v, digits) = self.num(i)?;
        (digits <= 2 && (1..=31).contains(&v)).then_some(v as u8)
    }

    /// A four-digit year (1000–2999), or a three-digit one when `short` is allowed.
    fn year(&self, i: usize, short: bool) -> Option<i32> {
        let (v, digits) = self.num(i)?;
        let ok = (digits == 4 && (1000..3000).contains(&v)) || (short && digits == 3 && v >= 100);
        ok.then_some(v as i32)
    }

    /// A cardinal number in digits or words ("خمسة وعشرين", "أحد عشر").
    pub fn number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, _)) = self.num(i) {
            return Some((v, i + 1));
        }
        let Some(Lex::Number(a)) = self.lex(i) else {
            return None;
        };
        if self.t[i].article {
            return None;
        }
        match self.lex(i + 1) {
            Some(Lex::Number(10)) if a < 10 && self.t[i + 1].clitic == 0 => Some((a + 10, i + 2)),
            Some(Lex::Number(t))
                if a < 10 && (20..=90).contains(&t) && self.t[i + 1].clitic == 1 =>
            {
                Some((a + t, i + 2))
            }
            _ => Some((a, i + 1)),
        }
    }

    /// An ordinal in words: "الخامس", "الحادي عشر", "الحادي والعشرين".
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        let Some(Lex::Ordinal(a)) = self.lex(i) else {
            return None;
        };
        match self.lex(i + 1) {
            Some(Lex::Number(10)) if a < 10 => Some((a + 10, i + 2)),
            Some(Lex::Ordinal(t))
                if a < 10 && (t == 20 || t == 30) && self.t[i + 1].clitic == 1 =>
            {
                Some((a + t, i + 2))
            }
            _ => Some((a, i + 1)),
        }
    }

    /// A Gregorian month, with "شهر" before it and a second regional name after it:
    /// (month, next token, strong: needs no further context).
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let shahr =
            matches!(self.lex(i), Some(Lex::Unit(Unit::Month, Count::One))) && !self.t[i].article;
        let j = if shahr { i + 1 } else { i };
        // "شهر 3": the month by its number, as spoken in the Levant.
        if let Some(n) = self.day_digits(j).filter(|&n| shahr && n <= 12) {
            return Some((n, j + 1, true));
        }
        let Some(Lex::Month { n, ambiguous }) = self.lex(j) else {
            return None;
        };
        if self.t[j].article || (shahr && self.t[j].clitic > 0) {
            return None;
        }
        let same = |k: usize| matches!(self.lex(k), Some(Lex::Month { n: m, .. }) if m == n && self.t[k].clitic == 0);
        if self.punct(j + 1, "/-–") && same(j + 2) {
            return Some((n, j + 3, true));
        }
        if self.punct(j + 1, "(") && same(j + 2) && self.punct(j + 3, ")") {
            return Some((n, j + 4, true));
        }
        Some((n, j + 1, shahr || !ambiguous))
    }

    /// A unit of time and how many: "ثلاثة أيام", "يومين", "شهر واحد", "30 عاما".
    fn duration(&self, i: usize) -> Option<(u32, Unit, usize)> {
        if let Some((n, j)) = self.number(i) {
            if let Some(Lex::Unit(u, Count::Many | Count::One)) = self.lex(j) {
                let digits = self.t[i].kind == Kind::Number;
                let fits = (1..=1000).contains(&n) && !self.t[j].article && self.t[j].clitic == 0;
                if fits && (!digits || self.t[i].digits <= 3) {
                    return Some((n, u, j + 1));
                }
            }
            return None;
        }
        match self.lex(i)? {
            Lex::Unit(u, Count::Two) if !self.t[i].article => Some((2, u, i + 1)),
            Lex::Unit(u, Count::One)
                if !self.t[i].article && self.lex(i + 1) == Some(Lex::Number(1)) =>
            {
                Some((1, u, i + 2))
            }
            _ => None,
        }
    }

    /// A range connector at `j`: إلى, حتى, a dash, or a و glued to the number after it.
    fn connector(&self, j: usize) -> bool {
        self.lex(j) == Some(Lex::Until)
            || self.punct(j, "-–")
            || (self.text(j) == "و" && self.glued(j + 1))
    }

    /// The number at `k` is followed by a counted noun ("2000 جندي", "1500 شخصا") or a unit.
    fn counted(&self, k: usize) -> bool {
        let noun = self.t.get(k + 1).is_some_and(|t| {
            let w = t.text(self.n);
            t.kind == Kind::Word && t.lex.is_none() && (is_not_date_context(w) || w.ends_with('ا'))
        });
        noun || matches!(self.lex(k + 1), Some(Lex::Unit(..)))
    }

    /// The number at `k` is the first part of a numeric date or code (2022-09-15, 3:16).
    fn continues(&self, k: usize) -> bool {
        self.punct(k + 1, "/-.:")
            && self.glued(k + 1)
            && self.glued(k + 2)
            && self.t.get(k + 2).is_some_and(|t| t.kind == Kind::Number)
    }

    /// True when the verb at `k` follows "قبل أن" or "بعد أن".
    fn after_conjunction(&self, k: usize) -> bool {
        let word = |j: usize, w: &[&str]| {
            let t = &self.t[j];
            t.kind == Kind::Word && w.contains(&t.text(self.n))
        };
        k >= 2 && word(k - 1, &["ان"]) && word(k - 2, &["قبل", "بعد", "وقبل", "وبعد"])
    }

    /// Index of the first token of the sentence holding token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_of.get(i).copied().unwrap_or(0)
    }

    /// The tense of the sentence around tokens `first..last`: the nearest marker wins, looking
    /// back to the sentence start and ahead to the end of the clause (a tie goes to the one
    /// before).
    pub fn is_future(&self, first: usize, last: usize, sentence: usize) -> bool {
        // "من المقرر عقد قمة": a past form right after a future marker is a verbal noun.
        // "من المقرر أيضا عقد لقاء": an "also" between them changes nothing.
        let future_at = |j: usize| self.t[j].lex == Some(Lex::Future);
        let after_future = |k: usize| {
            k > 0
                && (future_at(k - 1)
                    || (k > 1 && self.t[k - 1].text(self.n) == "ايضا" && future_at(k - 2)))
        };
        let marker = |k: usize| {
            let t = &self.t[k];
            match t.lex {
                _ if t.kind != Kind::Word => None,
                Some(Lex::Past) if after_future(k) => None,
                Some(Lex::Trigger(n))
                    if TRIGGERS[usize::from(n)].2 == Form::Past && after_future(k) =>
                {
                    None
                }
                Some(Lex::Future) => Some(true),
                Some(Lex::Past) => Some(false),
                Some(Lex::Trigger(n)) => match TRIGGERS[usize::from(n)].2 {
                    Form::Past => Some(false),
                    // "قبل أن يتفق", "بعد أن يلتقيا": the subjunctive tells no tense.
                    Form::Future if self.after_conjunction(k) => None,
                    Form::Future => Some(true),
                    Form::Noun => None,
                },
                None if is_future_verb(t.text(self.n)) => Some(true),
                _ => None,
            }
        };
        let before = (sentence.max(first.saturating_sub(TENSE_WINDOW))..first)
            .rev()
            .find_map(|k| marker(k).map(|f| (first - k, f)));
        let after = (last..self.t.len().min(last + TENSE_WINDOW))
            .take_while(|&k| !self.sentence_end(k) && !self.punct(k, ","))
            .find_map(|k| marker(k).map(|f| (k + 1 - last, f)));
        match (before, after) {
            (Some(b), Some(a)) => {
                if a.0 < b.0 {
                    a.1
                } else {
                    b.1
                }
            }
            (Some((_, f)), None) | (None, Some((_, f))) => f,
            (None, None) => false,
        }
    }

    /// Token `i` ends a sentence.
    pub fn sentence_end(&self, i: usize) -> bool {
        self.punct(i, ".?!;\n")
    }
}

/// Numbers inside codes and decimals: glued to Latin letters (G20, Su-35), to a word by a
/// hyphen (كوفيد-19), or to another number by a point or comma (7.62, 1,500).
fn is_code(n: &Normalized, t: &[Token], i: usize) -> bool {
    if t[i].kind != Kind::Number {
        return false;
    }
    let tight = |k: usize| t.get(k).is_some_and(|x| !x.space_before);
    let prev = i.checked_sub(1).map(|k| &t[k]);
    let next = t.get(i + 1);
    let latin_before = prev.is_some_and(|p| p.kind == Kind::Latin) && tight(i);
    let hyphen_before = prev.is_some_and(|p| p.kind == Kind::Punct && p.punct == '-')
        && tight(i)
        && i >= 2
        && tight(i - 1)
        && matches!(t[i - 2].kind, Kind::Latin | Kind::Word);
    let word_before = prev.is_some_and(|p| {
        p.kind == Kind::Word && p.text(n).chars().count() == 2 && p.text(n) == "ال"
    }) && tight(i);
    let decimal = |k: usize| {
        t.get(k)
            .is_some_and(|p| p.kind == Kind::Punct && ".,".contains(p.punct))
            && t.get(if k > i { k + 1 } else { k.wrapping_sub(1) })
                .is_some_and(|x| x.kind == Kind::Number)
    };
    let decimal_after = tight(i + 1) && tight(i + 2) && decimal(i + 1);
    let decimal_before = i >= 2 && tight(i) && tight(i - 1) && decimal(i - 1);
    let latin_after = next.is_some_and(|x| x.kind == Kind::Latin) && tight(i + 1);
    latin_before || hyphen_before || word_before || decimal_after || decimal_before || latin_after
}

fn found(first: usize, last: usize, expr: Expr, rule: &'static str) -> Found {
    Found {
        first,
        last,
        expr,
        modifier: None,
        rule,
    }
}

fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>, shift: Option<i8>) -> Expr {
    Expr::Date {
        year,
        month,
        day,
        shift,
    }
}

/// numeric_date: 15/9/2022, ١٥-٩-٢٠٢٢, 2022-09-15.
pub fn numeric_date(g: &G, i: usize) -> Option<Hit> {
    let sep =
        g.t.get(i + 1)
            .filter(|t| t.kind == Kind::Punct && "/-.".contains(t.punct))?
            .punct;
    let ok = (i + 1..=i + 4).all(|k| g.glued(k)) && g.punct(i + 3, &sep.to_string());
    if !ok && sep == '/' && g.glued(i + 1) && g.glued(i + 2) {
        let (m, digits) = g.num(i)?;
        let y = g.year(i + 2, false)?;
        let more = g.punct(i + 3, "/-.") && g.glued(i + 3);
        if digits > 2 || !(1..=12).contains(&m) || more {
            return None;
        }
        let e = date(Some(y), Some(m as u8), None, None);
        return Some((i + 3, vec![found(i, i + 3, e, "numeric_date")]));
    }
    let (a, da) = g.num(i).filter(|_| ok)?;
    let (b, _) = g.num(i + 2)?;
    let (c, dc) = g.num(i + 4)?;
    let (y, m, d) = match (da, dc) {
        (4, 1..=2) => (a as i32, b, c),
        (1..=2, 4) => (c as i32, b, a),
        _ => return None,
    };
    chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    let e = date(Some(y), Some(m as u8), Some(d as u8), None);
    Some((i + 5, vec![found(i, i + 5, e, "numeric_date")]))
}

/// clock: "الساعة العاشرة صباحا", "الساعة 14:30", "14:30", "الساعة الثالثة بعد الظهر".
pub fn clock(g: &G, i: usize) -> Option<Hit> {
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
    Some((k, vec![found(i, k, e, "clock")]))
}

/// Minutes after an hour: "والربع", "والنصف", "وثلث", "إلا ربعا", "و18 دقيقة",
/// "وخمس وأربعون دقيقة". Negative for "إلا".
fn clock_minutes(g: &G, k: usize) -> Option<(i32, usize)> {
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

/// The day of the month: digits or an ordinal word, then an optional "من".
fn day_at(g: &G, i: usize) -> Option<(u8, usize)> {
    let (d, j) = match g.day_digits(i) {
        Some(d) => (d, i + 1),
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
pub fn day_month(g: &G, i: usize) -> Option<Hit> {
    let hit = day_month_parts(g, i)?;
    // "قوى 14 آذار" is a coalition's name: consumed, not tagged.
    if i > 0 && is_general_noun(g.text(i - 1)) {
        return Some((hit.0, vec![]));
    }
    Some(hit)
}

fn day_month_parts(g: &G, i: usize) -> Option<Hit> {
    let (d, j) = day_at(g, i)?;
    if let Some((m, k, _)) = g.month(j) {
        let (e, end) = gregorian_tail(g, Some(d), m, k);
        return Some((end, vec![found(i, end, e, "day_month")]));
    }
    if let Some((e, end)) = hijri_tail(g, Some(d), j) {
        return Some((end, vec![found(i, end, e, "day_hijri_month")]));
    }
    let is_month_word =
        matches!(g.lex(j), Some(Lex::Unit(Unit::Month, Count::One))) && g.t[j].article;
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
        _ => return None,
    };
    Some((j + 2, vec![found(i, j + 2, e, "day_of_relative_month")]))
}

/// After a Gregorian month: a year ("2022", "عام 2022"), a shift (الماضي), or nothing.
fn gregorian_tail(g: &G, day: Option<u8>, m: u8, k: usize) -> (Expr, usize) {
    let k2 = if g.punct(k, ",") { k + 1 } else { k };
    if let Some(y) = g.year(k2, false) {
        return (date(Some(y), Some(m), day, None), k2 + 1);
    }
    if matches!(g.lex(k), Some(Lex::Unit(Unit::Year, Count::One))) {
        if let Some(y) = g.year(k + 1, true) {
            return (date(Some(y), Some(m), day, None), k + 2);
        }
    }
    if let Some(Lex::Shift(s)) = g.lex(k) {
        return (date(None, Some(m), day, Some(s)), k + 1);
    }
    (date(None, Some(m), day, None), k)
}

/// A Hijri month at `j` and what follows it: a Hijri year (with or without هـ), a Gregorian
/// year, a shift, or nothing.
fn hijri_tail(g: &G, day: Option<u8>, j: usize) -> Option<(Expr, usize)> {
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

/// range_days: "من 20 إلى 22 مارس", "بين 20 و22 آذار", "من 31 آب إلى 3 أيلول": the bare first
/// day takes its month and year from its partner.
pub fn range_days(g: &G, i: usize) -> Option<Hit> {
    let (d1, j) = match g.day_digits(i) {
        Some(d) => (d, i + 1),
        None => {
            let (d, j) = g.ordinal(i).filter(|&(d, _)| (1..=31).contains(&d))?;
            (d as u8, j)
        }
    };
    if !g.connector(j) {
        return None;
    }
    let k = j + 1;
    let (end, mut second) = day_month(g, k)?;
    let first = match second.first()?.expr.clone() {
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
        _ => return None,
    };
    second.insert(0, found(i, j, first, "range_days"));
    Some((end, second))
}

/// month: "فبراير/شباط", "شهر سبتمبر/أيلول", "حزيران ٢٠١٢", "مايو الماضي", "أيلول (سبتمبر)".
/// An ambiguous name (مارس, آب, شباط, نيسان …) needs a year, a shift, "شهر", a doubled form, or
/// a preposition before it.
pub fn month(g: &G, i: usize) -> Option<Hit> {
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
    if !(strong || anchored || prep_before || prep_attached) {
        return None;
    }
    Some((end, vec![found(i, end, e, "month")]))
}

/// hijri_month: "شهر رمضان", "رمضان 1446 هـ", "رمضان المقبل", "ذو الحجة 1445".
pub fn hijri_month(g: &G, i: usize) -> Option<Hit> {
    let (e, end) = hijri_tail(g, None, i)?;
    Some((end, vec![found(i, end, e, "hijri_month")]))
}

/// occasion: "عيد الفطر", "عيد الأضحى عام 2024", "عيد الفطر المقبل".
pub fn occasion(g: &G, i: usize) -> Option<Hit> {
    let Some(Lex::Occasion(o)) = g.lex(i) else {
        return None;
    };
    let (month, day) = match o {
        Occasion::EidAlFitr => (10, 1),
        Occasion::EidAlAdha => (12, 10),
        Occasion::HijriNewYear => (1, 1),
        Occasion::Mawlid => (3, 12),
        Occasion::Christmas => return gregorian_occasion(g, i, 12, 25),
        Occasion::GregorianNewYear => return gregorian_occasion(g, i, 1, 1),
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
    Some((end, vec![found(i, end, e, "occasion")]))
}

/// A fixed Gregorian day (عيد الميلاد) with an optional year or shift.
fn gregorian_occasion(g: &G, i: usize, m: u8, d: u8) -> Option<Hit> {
    let (e, end) = gregorian_tail(g, Some(d), m, i + 1);
    Some((end, vec![found(i, end, e, "occasion")]))
}

/// year: "عام 2014", "سنة ١٩٩٩", "العام 2030", "بين عامي 2014 و2018" (two expressions).
pub fn year_word(g: &G, i: usize) -> Option<Hit> {
    if !matches!(
        g.lex(i),
        Some(Lex::Unit(Unit::Year, Count::One | Count::Two))
    ) {
        return None;
    }
    let y = g.year(i + 1, true).filter(|_| !g.continues(i + 1))?;
    if g.lex(i + 2) == Some(Lex::HijriEra) {
        // A Hijri year alone has no Gregorian year to name: consumed, not tagged.
        return Some((i + 3, vec![]));
    }
    let mut out = vec![found(i, i + 2, date(Some(y), None, None, None), "year")];
    let end = year_partner(g, i + 2, &mut out);
    Some((end, out))
}

/// The second year of a range: "و2018", "إلى 2018", "-2018".
fn year_partner(g: &G, k: usize, out: &mut Vec<Found>) -> usize {
    match g
        .year(k + 1, false)
        .filter(|_| g.connector(k) && !g.counted(k + 1))
    {
        Some(y2) => {
            let e = date(Some(y2), None, None, None);
            out.push(found(k + 1, k + 2, e, "year_range"));
            k + 2
        }
        None => k,
    }
}

/// year_after_preposition: "في 2015", "منذ 2014", "حتى 2030", "من 2014 إلى 2018" (the
/// preposition is outside the expression). A count after the number ("في 2000 جندي") vetoes it.
pub fn year_after_preposition(g: &G, i: usize) -> Option<Hit> {
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
        "year_after_preposition",
    )];
    let end = year_partner(g, i + 2, &mut out);
    Some((end, out))
}

/// relative_day: "أمس", "البارحة", "أول أمس", "اليوم", "غدا", "بعد غد", with a weekday that
/// confirms it ("أمس الأربعاء") and a part of the day before it ("صباح اليوم الأربعاء");
/// "اليوم التالي" and "اليوم نفسه" count from the last date given.
pub fn relative_day(g: &G, i: usize) -> Option<Hit> {
    let j = if matches!(g.lex(i), Some(Lex::DayPart(_))) {
        i + 1
    } else {
        i
    };
    let Some(Lex::RelDay(n)) = g.lex(j) else {
        return None;
    };
    let k = j + 1;
    let (e, end) = match g.lex(k) {
        Some(Lex::Weekday(_)) if g.text(k).starts_with("ال") => (Expr::RelDay(n.into()), k + 1),
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
    Some((end, vec![found(i, end, e, "relative_day")]))
}

/// weekday: "يوم الجمعة", "الجمعة الماضية", "يوم الأربعاء الماضي", "مساء الأحد".
pub fn weekday(g: &G, i: usize) -> Option<Hit> {
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
    // "الثلاثاء 15 سبتمبر", "يوم الجمعة، 22 مارس 2013": the date says which one.
    let k = if g.punct(j + 1, ",") { j + 2 } else { j + 1 };
    if let Some((end, mut dated)) = numeric_date(g, k).or_else(|| day_month(g, k)) {
        if dated.len() == 1 {
            dated[0].first = i;
            dated[0].rule = "weekday_date";
            return Some((end, dated));
        }
    }
    let (shift, end) = match g.lex(j + 1) {
        Some(Lex::Shift(s)) if s != 0 => (Some(s), j + 2),
        _ => (None, j + 1),
    };
    Some((
        end,
        vec![found(i, end, Expr::Weekday { wd, shift }, "weekday")],
    ))
}

/// relative_unit: "الأسبوع الماضي", "الشهر الجاري", "العام المقبل", "هذا العام",
/// "هذه السنة", "الشهر نفسه", "العام التالي".
pub fn relative_unit(g: &G, i: usize) -> Option<Hit> {
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
    Some((end, vec![found(i, end, e, "relative_unit")]))
}

/// ago: "قبل يومين", "قبل ثلاثة أشهر", "بعد أسبوع": a date that many units away.
pub fn ago(g: &G, i: usize) -> Option<Hit> {
    let sign = match g.lex(i)? {
        Lex::Before => -1,
        Lex::After => 1,
        _ => return None,
    };
    let (n, unit, end) = match g.lex(i + 1) {
        Some(Lex::Unit(u, Count::One))
            if !g.t[i + 1].article && g.lex(i + 2) != Some(Lex::Number(1)) =>
        {
            (1, u, i + 2)
        }
        _ => g.duration(i + 1)?,
    };
    // "قبل شهر رمضان" is "before the month of Ramadan".
    if matches!(g.lex(end), Some(Lex::Month { .. } | Lex::HijriMonth(_))) {
        return None;
    }
    let e = Expr::RelUnit {
        unit,
        shift: sign * n as i32,
    };
    Some((end, vec![found(i, end, e, "ago")]))
}

/// duration: "ثلاثة أيام", "يومين", "ست سنوات", "30 عاما", "شهر واحد", "لمدة شهر" (the
/// preposition outside the expression).
pub fn duration(g: &G, i: usize) -> Option<Hit> {
    if g.lex(i) == Some(Lex::ForDuration) {
        if let Some(Lex::Unit(u, Count::One)) = g.lex(i + 1) {
            if !g.t[i + 1].article {
                let e = Expr::Duration { n: 1, unit: u };
                return Some((i + 2, vec![found(i + 1, i + 2, e, "duration")]));
            }
        }
        return None;
    }
    // "العامين الماضيين", "الشهرين المقبلين": the last or next two units.
    if let (Some(Lex::Unit(unit, Count::Two)), Some(Lex::Shift(s))) = (g.lex(i), g.lex(i + 1)) {
        if g.t[i].article && s != 0 {
            let e = Expr::Duration { n: 2, unit };
            return Some((i + 2, vec![found(i, i + 2, e, "duration")]));
        }
    }
    let (n, unit, end) = g.duration(i)?;
    Some((
        end,
        vec![found(i, end, Expr::Duration { n, unit }, "duration")],
    ))
}

/// set: "سنويا", "كل عام", "كل أسبوع", "كل يوم جمعة", "كل أربع سنوات".
pub fn set(g: &G, i: usize) -> Option<Hit> {
    if let Some(Lex::Every(unit)) = g.lex(i) {
        return Some((
            i + 1,
            vec![found(
                i,
                i + 1,
                Expr::Set {
                    unit,
                    n: 1,
                    weekday: None,
                },
                "set",
            )],
        ));
    }
    if g.lex(i) != Some(Lex::Each) {
        return None;
    }
    let (e, end) = match g.lex(i + 1) {
        Some(Lex::Unit(Unit::Day, Count::One)) if matches!(g.lex(i + 2), Some(Lex::Weekday(_))) => {
            let Some(Lex::Weekday(w)) = g.lex(i + 2) else {
                return None;
            };
            (
                Expr::Set {
                    unit: Unit::Week,
                    n: 1,
                    weekday: Some(w),
                },
                i + 3,
            )
        }
        Some(Lex::Unit(unit, Count::One)) if !g.t[i + 1].article => (
            Expr::Set {
                unit,
                n: 1,
                weekday: None,
            },
            i + 2,
        ),
        _ => {
            let (n, unit, end) = g.duration(i + 1)?;
            (
                Expr::Set {
                    unit,
                    n,
                    weekday: None,
                },
                end,
            )
        }
    };
    Some((end, vec![found(i, end, e, "set")]))
}

/// season: "صيف 2016", "الصيف", "الشتاء الماضي", "هذا الصيف". Not "الربيع العربي".
pub fn season(g: &G, i: usize) -> Option<Hit> {
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
    Some((end, vec![found(i, end, e, "season")]))
}

/// decade: "التسعينيات", "ثمانينيات القرن الماضي", "عشرينيات القرن العشرين".
pub fn decade(g: &G, i: usize) -> Option<Hit> {
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
            "decade",
        )],
    ))
}

/// "القرن" and what names the century.
fn century_at(g: &G, i: usize) -> Option<(Expr, usize)> {
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
pub fn century(g: &G, i: usize) -> Option<Hit> {
    let (e, end) = century_at(g, i)?;
    Some((end, vec![found(i, end, e, "century")]))
}

/// quarter_half: "الربع الأول من 2023", "النصف الثاني من العام الجاري", "الربع الأخير من عام 2022".
pub fn quarter_half(g: &G, i: usize) -> Option<Hit> {
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
    Some((end, vec![found(i, end, e, "quarter_half")]))
}

/// vague: "الآن", "حاليا", "مؤخرا", "في وقت سابق", "قريبا".
pub fn vague(g: &G, i: usize) -> Option<Hit> {
    let Some(Lex::Vague(v)) = g.lex(i) else {
        return None;
    };
    Some((
        i + 1,
        vec![found(i, i + 1, Expr::Vague(v.value()), "vague")],
    ))
}

/// part_of: "مطلع ماي الجاري", "منتصف 2015", "أواخر الشهر الماضي", "نهاية العام": the
/// expression after it, with mod START / MID / END.
pub fn part_of(g: &G, i: usize) -> Option<Hit> {
    let Some(Lex::Part(m)) = g.lex(i) else {
        return None;
    };
    let j = i + 1;
    let inner = [month, relative_unit, year_word, season, decade, century]
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
            (e.0, vec![found(j, e.0, e.1, "part_of")])
        }
    };
    pieces[0].first = i;
    pieces[0].modifier = Some(m);
    pieces[0].rule = "part_of";
    Some((end, pieces))
}

/// Every rule, tried at each token; the longest match wins, the earlier rule on a tie.
pub const RULES: &[fn(&G, usize) -> Option<Hit>] = &[
    numeric_date,
    clock,
    range_days,
    day_month,
    part_of,
    month,
    hijri_month,
    occasion,
    year_word,
    year_after_preposition,
    relative_day,
    weekday,
    relative_unit,
    ago,
    duration,
    set,
    season,
    decade,
    century,
    quarter_half,
    vague,
];
