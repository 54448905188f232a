//! Tense: whether the sentence around an expression speaks of the future, which sets the
//! direction of a date given without a year and of a bare weekday.

use super::super::lexicon::events::{Form, TRIGGERS};
use super::super::lexicon::schedule::{is_complementizer, is_reporting_verb};
use super::super::lexicon::{Lex, is_future_verb, is_relative_word};
use super::super::token::Kind;
use super::Cursor;
use super::cursor::ends_sentence;

/// How far (in tokens) a tense marker may stand from the expression it sets the tense of.
const TENSE_WINDOW: usize = 40;

/// What the nearest tense marker says about an expression's clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// سوف, المقرر, سيزور …
    Future,
    /// A present verb of what goes on or is held (يستمر, تقام): now or coming.
    Present,
    /// A past verb of doing: التقى, عقد, كان.
    Past,
    /// Only a past verb of saying (قال, أعلن, أكد): what it reports may lie ahead.
    Reported,
    /// No marker: news narration, read as past.
    Unmarked,
}

impl Cursor<'_> {
    /// True when the word at `k` follows أن with one of `before` ahead of it.
    fn follows_an(&self, k: usize, before: &[&str]) -> bool {
        let word = |j: usize, w: &[&str]| {
            let t = &self.t[j];
            t.kind == Kind::Word && w.contains(&t.text(self.n))
        };
        k >= 2 && word(k - 1, &["ان"]) && word(k - 2, before)
    }

    /// True when the verb at `k` follows "قبل أن" or "بعد أن".
    pub(super) fn after_conjunction(&self, k: usize) -> bool {
        self.follows_an(k, &["قبل", "بعد", "وقبل", "وبعد"])
    }

    /// True when the word at `k` follows "على أن" (a verb of what is to come).
    fn after_ala_an(&self, k: usize) -> bool {
        self.follows_an(k, &["علي", "على"])
    }

    /// True for أن/إن and their forms with a pronoun or ب ("أنه", "بأن"), which open a
    /// reported clause.
    fn complementizer(&self, k: usize) -> bool {
        self.t[k].kind == Kind::Word && is_complementizer(self.text(k))
    }

    /// True when the word at `k` follows a relative pronoun (الذي, التي …).
    fn after_relative(&self, k: usize) -> bool {
        k >= 1 && self.t[k - 1].kind == Kind::Word && is_relative_word(self.t[k - 1].text(self.n))
    }

    /// Index of the first token of the sentence holding token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_of.get(i).copied().unwrap_or(0)
    }

    /// The tense of the sentence around tokens `first..last`: the nearest marker wins, looking
    /// back to the sentence start and ahead to the end of the clause (a tie goes to the one
    /// before).
    pub fn is_future(&self, first: usize, last: usize, sentence: usize) -> bool {
        self.tense(first, last, sentence) == Tense::Future
    }

    /// The [`Tense`] of the clause around tokens `first..last` (see [`Cursor::is_future`]).
    pub fn tense(&self, first: usize, last: usize, sentence: usize) -> Tense {
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
                // "على أن يعقدا لقاء آخر": what is agreed on is to come.
                _ if self.after_ala_an(k) => Some(Tense::Future),
                Some(Lex::Past) if after_future(k) => None,
                Some(Lex::Trigger(n))
                    if TRIGGERS[usize::from(n)].2 == Form::Past && after_future(k) =>
                {
                    None
                }
                Some(Lex::Future) => Some(Tense::Future),
                // "قبل أن تنطلق": the subjunctive tells no tense; "القمة التي تستمر ثلاثة
                // أيام" describes the summit, not the clause.
                Some(Lex::Present) if self.after_conjunction(k) || self.after_relative(k) => None,
                Some(Lex::Present) => Some(Tense::Present),
                Some(Lex::Past) if is_reporting_verb(t.text(self.n)) => Some(Tense::Reported),
                Some(Lex::Past) => Some(Tense::Past),
                Some(Lex::Trigger(n)) => match TRIGGERS[usize::from(n)].2 {
                    Form::Past => Some(Tense::Past),
                    // "قبل أن يتفق", "بعد أن يلتقيا": the subjunctive tells no tense.
                    Form::Future if self.after_conjunction(k) => None,
                    Form::Future => Some(Tense::Future),
                    Form::Noun => None,
                },
                None if is_future_verb(t.text(self.n)) => Some(Tense::Future),
                _ => None,
            }
        };
        // A present verb sets the tense of its own clause only: not across a comma.
        let mut comma_between = false;
        let before = (sentence.max(first.saturating_sub(TENSE_WINDOW))..first)
            .rev()
            .find_map(|k| {
                let found = marker(k)
                    .filter(|&f| f != Tense::Present || !comma_between)
                    .map(|f| (first - k, f));
                comma_between |= self.punct(k, ",");
                found
            });
        // A present verb after the expression describes a noun ("زيارة تستمر ثلاثة أيام"); it
        // sets the tense only as the clause's own verb, before the expression, or after a
        // topic set first with أما ("أما يوم السبت، فيكون الطقس").
        let topic =
            first > 0 && self.t[first - 1].kind == Kind::Word && self.text(first - 1) == "اما";
        // What follows أن is what a verb of saying reports, with a tense of its own: "أعلنت
        // الوزارة يوم الثلاثاء أن بوتين سيزور".
        let after = (last..self.t.len().min(last + TENSE_WINDOW))
            .take_while(|&k| {
                !self.sentence_end(k) && (topic || !self.punct(k, ",")) && !self.complementizer(k)
            })
            .find_map(|k| {
                marker(k)
                    .filter(|&f| topic || f != Tense::Present)
                    .map(|f| (k + 1 - last, f))
            });
        match (before, after) {
            (Some(b), Some(a)) => {
                if a.0 < b.0 {
                    a.1
                } else {
                    b.1
                }
            }
            (Some((_, f)), None) | (None, Some((_, f))) => f,
            (None, None) => Tense::Unmarked,
        }
    }

    /// Token `i` ends a sentence.
    pub fn sentence_end(&self, i: usize) -> bool {
        ends_sentence(self.t, i)
    }
}
