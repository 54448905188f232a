//! Words that scraping glued together ("فيأبريل", "العامالماضي"): an unknown long word is
//! split where a known word ends it after a known start.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::{Kind, Token, analyse, lookup_word, new_token};
use crate::extract::lexicon::{GLUE_LEFT, LEXICON, Lex};
use crate::extract::normalize::{Normalized, fold};

/// Every single lexicon word of three letters or more worth splitting a glued word for
/// ([`glueable`]), to find where glued words meet.
static GLUE_RIGHT: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    LEXICON
        .words()
        .filter(|(w, lex)| glueable(*lex) && w.chars().count() >= 3)
        .map(|(w, _)| w)
        .collect()
});

/// The byte length of the longest word of [`GLUE_RIGHT`]: no longer ending can be one, so a
/// megabyte-long "word" is looked at only where it ends (linear, not quadratic).
static GLUE_RIGHT_MAX: LazyLock<usize> =
    LazyLock::new(|| GLUE_RIGHT.iter().map(|w| w.len()).max().unwrap_or(0));

/// The last three letters of every word of [`GLUE_RIGHT`].
static GLUE_ENDINGS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| GLUE_RIGHT.iter().map(|w| last_three(w)).collect());

/// The last three letters of a word (all of a shorter one).
fn last_three(w: &str) -> &str {
    w.char_indices().rev().nth(2).map_or(w, |(at, _)| &w[at..])
}

static GLUE_LEFT_FOLDED: LazyLock<Vec<String>> =
    LazyLock::new(|| GLUE_LEFT.iter().map(|w| fold(w)).collect());

/// True when a lexicon meaning is worth splitting a glued word for.
fn glueable(lex: Lex) -> bool {
    matches!(
        lex,
        Lex::Month {
            ambiguous: false,
            ..
        } | Lex::HijriMonth(_)
            | Lex::Weekday(_)
            | Lex::Shift(_)
            | Lex::Unit(..)
            | Lex::RelDay(_)
            | Lex::Actor(_)
            | Lex::Place(_)
    )
}

/// Splits unknown words that are two known words glued together.
pub(super) fn unglue(n: &Normalized, toks: Vec<Token>) -> Vec<Token> {
    // Most texts have no glued word: the tokens are copied only once one is found.
    let mut out: Option<Vec<Token>> = None;
    for (i, t) in toks.iter().enumerate() {
        let long_unknown = t.kind == Kind::Word && t.lex.is_none() && t.chars.1 - t.chars.0 >= 5;
        match long_unknown.then(|| find_glue(n, t)).flatten() {
            Some(at) => {
                let out = out.get_or_insert_with(|| {
                    let mut before = Vec::with_capacity(toks.len() + 16);
                    before.extend_from_slice(&toks[..i]);
                    before
                });
                let (left, right) = split_at(n, t, at);
                out.push(left);
                out.push(right);
            }
            None => {
                if let Some(out) = out.as_mut() {
                    out.push(*t);
                }
            }
        }
    }
    out.unwrap_or(toks)
}

/// The byte offset (inside the token) where a known word ends the token after a known start.
fn find_glue(n: &Normalized, t: &Token) -> Option<usize> {
    let w = t.text(n);
    // Every such word ends in three letters some glueable word ends in: one lookup rules
    // most tokens out.
    if !GLUE_ENDINGS.contains(last_three(w)) {
        return None;
    }
    // The known words that end the token, longest first, each after at least two bytes.
    let mut from = w.len().saturating_sub(*GLUE_RIGHT_MAX);
    while !w.is_char_boundary(from) {
        from -= 1;
    }
    let ends = w[from..]
        .char_indices()
        .map(|(start, _)| from + start)
        .filter(|&start| start >= 2 && GLUE_RIGHT.contains(&w[start..]));
    for start in ends {
        // The right part may carry its own clitics: "موسكووبكين" → "موسكو" + "وبكين".
        for cut in [start, start.saturating_sub(2)] {
            if cut < 2 || !w.is_char_boundary(cut) {
                continue;
            }
            let (left, right) = w.split_at(cut);
            // One letter is no glued word: "مبكرة" is not the era mark م + بكرة.
            if left.chars().nth(1).is_none() {
                continue;
            }
            let right_ok = lookup_word(right).is_some_and(|(lex, ..)| glueable(lex));
            let left_ok = GLUE_LEFT_FOLDED.iter().any(|g| g == left)
                || lookup_word(left).is_some()
                || GLUE_LEFT_FOLDED
                    .iter()
                    .any(|g| left.strip_prefix('و').is_some_and(|l| l == g));
            if right_ok && left_ok {
                return Some(cut);
            }
        }
    }
    None
}

fn split_at(n: &Normalized, t: &Token, at: usize) -> (Token, Token) {
    let left_chars = n.text[t.bytes.0..t.bytes.0 + at].chars().count();
    let mid = t.chars.0 + left_chars;
    let mut left = new_token(
        Kind::Word,
        (t.bytes.0, t.bytes.0 + at),
        (t.chars.0, mid),
        t.space_before,
    );
    let mut right = new_token(
        Kind::Word,
        (t.bytes.0 + at, t.bytes.1),
        (mid, t.chars.1),
        true,
    );
    analyse(n, &mut left);
    analyse(n, &mut right);
    (left, right)
}
