//! The token cursor: the tokens of one text and the questions the rules ask of them (is this
//! a plain number, a day, a year, a month name, a range connector, glued to its neighbour?).

use super::super::lexicon::{Count, Lex, Unit, is_not_date_context};
use super::super::normalize::Normalized;
use super::super::token::{Kind, Token};

/// The tokens of one text and what the rules need to ask of them.
pub struct Cursor<'a> {
    pub n: &'a Normalized,
    pub t: &'a [Token],
    /// Numbers that are part of a code, a decimal or a name (S-400, كوفيد-19, 7.62).
    pub code: Vec<bool>,
    /// For each token, the first token of its sentence.
    pub(super) sentence_of: Vec<usize>,
}

/// Token `i` ends a sentence: ". ? ! ;" or a line break, but not the point of "19.00" or
/// "3.5" (glued between two numbers).
pub(super) fn ends_sentence(t: &[Token], i: usize) -> bool {
    let Some(tok) = t.get(i).filter(|tok| tok.kind == Kind::Punct) else {
        return false;
    };
    if !one_of(".?!;\n", tok.punct) {
        return false;
    }
    let number = |k: usize| t.get(k).is_some_and(|n| n.kind == Kind::Number);
    let inside_number = tok.punct == '.'
        && i > 0
        && number(i - 1)
        && number(i + 1)
        && !tok.space_before
        && !t[i + 1].space_before;
    !inside_number
}

impl<'a> Cursor<'a> {
    pub fn new(n: &'a Normalized, t: &'a [Token]) -> Cursor<'a> {
        let code = (0..t.len()).map(|i| is_code(n, t, i)).collect();
        let mut start = 0;
        let mut sentence_of = Vec::with_capacity(t.len());
        for i in 0..t.len() {
            sentence_of.push(start);
            if ends_sentence(t, i) {
                start = i + 1;
            }
        }
        Cursor {
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

    pub(crate) fn punct(&self, i: usize, set: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && one_of(set, t.punct))
    }

    pub(super) fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    /// The word carries the article ال, whether the lexicon entry includes it (الجمعة) or
    /// the lookup stripped it.
    pub(super) fn has_article(&self, i: usize) -> bool {
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
    pub(super) fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Number && !self.code[i]).then_some((t.value, t.digits))
    }

    /// A day of the month written in digits.
    pub(super) fn day_digits(&self, i: usize) -> Option<u8> {
        let (v, digits) = self.num(i)?;
        (digits <= 2 && (1..=31).contains(&v)).then_some(v as u8)
    }

    /// A four-digit year (1000–2999), or a three-digit one when `short` is allowed.
    pub(super) fn year(&self, i: usize, short: bool) -> Option<i32> {
        let (v, digits) = self.num(i)?;
        let ok = (digits == 4 && (1000..3000).contains(&v)) || (short && digits == 3 && v >= 100);
        ok.then_some(v as i32)
    }

    /// The token after a Gregorian era mark at `k` ("2026م", "2026 ميلادي"), or `k`.
    pub(super) fn after_era(&self, k: usize) -> usize {
        if self.lex(k) == Some(Lex::GregorianEra) {
            k + 1
        } else {
            k
        }
    }

    /// A cardinal number in digits or words ("خمسة وعشرين", "أحد عشر", "ألف وتسعمائة وتسعة
    /// وتسعين"; see [`Cursor::cardinal`]).
    pub fn number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((v, _)) = self.num(i) {
            return Some((v, i + 1));
        }
        self.cardinal(i)
    }

    /// An ordinal in words: "الخامس", "الحادي عشر", "الحادي والعشرين".
    pub(super) fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
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
    pub(super) fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let shahr =
            matches!(self.lex(i), Some(Lex::Unit(Unit::Month, Count::One))) && !self.t[i].article;
        let j = if shahr { i + 1 } else { i };
        // "شهر 3": the month by its number, as spoken in the Levant.
        if let Some(n) = self.day_digits(j).filter(|&n| shahr && n <= 12) {
            return Some((n, j + 1, true));
        }
        // "شهر ثلاثة", "شهر عشرة": in words too (not "شهر واحد", one month).
        if let Some((n, k)) = self
            .number(j)
            .filter(|&(n, _)| shahr && (2..=12).contains(&n))
        {
            if self.t[j].kind == Kind::Word && self.t[j].clitic == 0 {
                return Some((n as u8, k, true));
            }
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
        // "سبتمبر أيلول", "أكتوبر تشرين الأول": the second name with nothing between.
        if same(j + 1) {
            return Some((n, j + 2, true));
        }
        Some((n, j + 1, shahr || !ambiguous))
    }

    /// A unit of time and how many: "ثلاثة أيام", "يومين", "شهر واحد", "30 عاما".
    pub(super) fn duration(&self, i: usize) -> Option<(u32, Unit, usize)> {
        if let Some((n, j)) = self.number(i) {
            if let Some(Lex::Unit(u, Count::Many | Count::One)) = self.lex(j) {
                let digits = self.t[i].kind == Kind::Number;
                // Digits up to 1000 (a four-digit number is a year); words up to the thousands.
                let size = if digits {
                    n <= 1000 && self.t[i].digits <= 3
                } else {
                    n >= 1
                };
                let fits = size && n >= 1 && !self.t[j].article && self.t[j].clitic == 0;
                if fits {
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
    pub(crate) fn connector(&self, j: usize) -> bool {
        self.lex(j) == Some(Lex::Until)
            || self.punct(j, "-–")
            || (self.text(j) == "و" && self.glued(j + 1))
    }

    /// The number at `k` is followed by a counted noun ("2000 جندي", "1500 شخصا") or a unit.
    pub(super) fn counted(&self, k: usize) -> bool {
        let noun = self.t.get(k + 1).is_some_and(|t| {
            let w = t.text(self.n);
            t.kind == Kind::Word && t.lex.is_none() && (is_not_date_context(w) || w.ends_with('ا'))
        });
        // "100 ألف", "3 آلاف": a number of thousands.
        let big = matches!(self.lex(k + 1), Some(Lex::Number(n)) if n >= 100);
        noun || big || matches!(self.lex(k + 1), Some(Lex::Unit(..)))
    }

    /// The number at `k` is the first part of a numeric date or code (2022-09-15, 3:16).
    pub(super) fn continues(&self, k: usize) -> bool {
        self.punct(k + 1, "/-.:")
            && self.glued(k + 1)
            && self.glued(k + 2)
            && self.t.get(k + 2).is_some_and(|t| t.kind == Kind::Number)
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
    // "admin13 سبتمبر 2023": a byline glued to a date, the day still a day.
    let dated_byline = matches!(next.and_then(|x| x.lex), Some(Lex::Month { .. }))
        && t.get(i + 2)
            .is_some_and(|x| x.kind == Kind::Number && x.digits == 4);
    let latin_before = prev.is_some_and(|p| p.kind == Kind::Latin) && tight(i) && !dated_byline;
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
            .is_some_and(|p| p.kind == Kind::Punct && one_of(".,", p.punct))
            && t.get(if k > i { k + 1 } else { k.wrapping_sub(1) })
                .is_some_and(|x| x.kind == Kind::Number)
    };
    let decimal_after = tight(i + 1) && tight(i + 2) && decimal(i + 1);
    let decimal_before = i >= 2 && tight(i) && tight(i - 1) && decimal(i - 1);
    let latin_after = next.is_some_and(|x| x.kind == Kind::Latin) && tight(i + 1);
    latin_before || hyphen_before || word_before || decimal_after || decimal_before || latin_after
}

/// True when `c` is one of the characters of `set`: a plain loop, as the sets are a few
/// characters long (`str::contains` with a char searches with memchr, a call per token).
#[inline]
pub(crate) fn one_of(set: &str, c: char) -> bool {
    set.chars().any(|s| s == c)
}
