//! Tense: whether the sentence around an expression speaks of the future, which sets the
//! direction of a date given without a year and of a bare weekday.

use super::super::lexicon::events::{Form, TRIGGERS};
use super::super::lexicon::{Lex, is_future_verb};
use super::super::token::Kind;
use super::Cursor;

/// How far (in tokens) a tense marker may stand from the expression it sets the tense of.
const TENSE_WINDOW: usize = 40;

impl Cursor<'_> {
    /// True when the verb at `k` follows "قبل أن" or "بعد أن".
    pub(super) fn after_conjunction(&self, k: usize) -> bool {
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
