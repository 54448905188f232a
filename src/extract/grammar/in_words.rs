//! Dates whose numbers are written in words: years ("عام ألف وتسعمائة وتسعة وتسعين", "في
//! ألفين وسبعة وعشرين") and days before a month name ("خمسة وعشرين ديسمبر").

use super::super::lexicon::{Count, Lex, Unit};
use super::super::token::Kind;
use super::calendar::gregorian_tail;
use super::{Cursor, Hit, Rule, date, found};

/// A year in words, 1000–2999, at `i`: its value and the token after it.
fn year_words(g: &Cursor, i: usize) -> Option<(i32, usize)> {
    let (v, end) = g.cardinal(i)?;
    (1000..3000).contains(&v).then_some((v as i32, end))
}

/// The words after a number at `k` count something ("ألفين وخمسة جنود", "ألفين وعشرين
/// جنديا", "ألف وتسعمائة عام").
fn counts_something(g: &Cursor, k: usize) -> bool {
    g.counted(k - 1)
}

/// year_in_words: "عام ألفين وعشرين", "سنة ألف وتسعمائة وتسعة وتسعين" (1000–2999); without a
/// year word, a compound of 1901–2099 with units or tens after في/منذ/خلال/بحلول/حتى, before
/// the era mark م, or standing alone between punctuation ("في ألفين وسبعة وعشرين"). A round
/// number alone ("ألفين") is a count unless a year word says otherwise; so is any number before
/// a counted noun, or after إلى/من ("ارتفع العدد إلى ألف وخمسين").
pub fn year_in_words(g: &Cursor, i: usize) -> Option<Hit> {
    let year_word = matches!(g.lex(i), Some(Lex::Unit(Unit::Year, Count::One)));
    let (y, end) = year_words(g, i + usize::from(year_word))?;
    if year_word {
        if g.lex(end) == Some(Lex::HijriEra) {
            return Some((end + 1, vec![]));
        }
        let era = g.after_era(end);
        let e = date(Some(y), None, None, None);
        return Some((era, vec![found(i, era, e, Rule::YearInWords)]));
    }
    // Without a year word, only the shapes of recent years (ألف وتسعمائة و…, ألفين و…):
    // counts in words are far more common in news than years in words.
    let compound = y % 100 != 0 && end - i >= 2 && (1900..2100).contains(&y);
    let era = g.lex(end) == Some(Lex::GregorianEra);
    let prep = i > 0 && (g.lex(i - 1) == Some(Lex::YearPrep) || g.text(i - 1) == "حتي");
    // A phrase standing by itself: a heading, a list item, an answer.
    let edge = |k: Option<usize>| {
        k.and_then(|k| g.t.get(k))
            .is_none_or(|t| t.kind == Kind::Punct)
    };
    let alone = edge(i.checked_sub(1)) && edge(Some(end));
    if !compound || counts_something(g, end) || !(era || prep || alone) {
        return None;
    }
    // Not the end of a longer count: "مئتين وألفين" is read from its first word.
    if i > 0 && g.t[i].clitic == 1 && matches!(g.lex(i - 1), Some(Lex::Number(_))) {
        return None;
    }
    let last = g.after_era(end);
    let e = date(Some(y), None, None, None);
    Some((last, vec![found(i, last, e, Rule::YearInWords)]))
}

/// day_in_words: a day of the month as a cardinal in words before an unambiguous month name
/// ("خمسة وعشرين ديسمبر", "عشرين من أبريل 2024"), the month's year or shift after it.
pub fn day_in_words(g: &Cursor, i: usize) -> Option<Hit> {
    let (d, j) = g.cardinal(i).filter(|&(d, _)| (1..=31).contains(&d))?;
    if g.t[i].kind != Kind::Word {
        return None;
    }
    let j = if g.lex(j) == Some(Lex::From) {
        j + 1
    } else {
        j
    };
    let (m, k, strong) = g.month(j)?;
    if !strong {
        return None;
    }
    let (e, end) = gregorian_tail(g, Some(d as u8), m, k);
    Some((end, vec![found(i, end, e, Rule::DayInWords)]))
}
