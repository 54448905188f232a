//! Where each token sits: its sentence, clause and paragraph, with a bounded reach so that
//! run-on scraped text never makes one trigger read the whole document.

use crate::extract::grammar::Cursor;
use crate::extract::grammar::cursor::one_of;
use crate::extract::lexicon::{Lex, is_discuss_word};
use crate::extract::token::Kind;

/// Where each token sits: its sentence, its clause, its paragraph; and the token range of
/// each sentence and clause.
pub(super) struct Layout {
    pub(super) sentence: Vec<usize>,
    pub(super) clause: Vec<usize>,
    pub(super) paragraph: Vec<usize>,
    pub(super) sentences: Vec<std::ops::Range<usize>>,
    pub(super) clauses: Vec<std::ops::Range<usize>>,
    /// How many verbs of discussing (تناولت, ناقش) stand before each token, and in the whole
    /// text at the end: the rules ask whether one stands between two words.
    discussing: Vec<u32>,
    /// Each token is the word منذ.
    pub(super) since: Vec<bool>,
    /// The tokens that can name a side (a person, state, capital, organisation or pair word),
    /// in order: the participant rules visit these, not every token of a sentence.
    names: Vec<usize>,
}

/// How many tokens either side of a trigger its sentence may reach: run-on "sentences" of
/// scraped text without punctuation must not make every event read the whole document.
pub(super) const REACH: usize = 60;

impl Layout {
    /// The clause around token `i`, at most [`REACH`] tokens either side.
    pub(super) fn clause_of(&self, i: usize) -> std::ops::Range<usize> {
        let c = &self.clauses[self.clause[i]];
        c.start.max(i.saturating_sub(REACH))..c.end.min(i + REACH + 1)
    }

    /// True when a verb of discussing stands among the tokens `from..to`.
    pub(super) fn discussing_in(&self, from: usize, to: usize) -> bool {
        from < to && self.discussing[to] > self.discussing[from]
    }

    /// The sentence around token `i`, at most [`REACH`] tokens either side.
    pub(super) fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        let s = &self.sentences[self.sentence[i]];
        s.start.max(i.saturating_sub(REACH))..s.end.min(i + REACH + 1)
    }

    /// The tokens of `within` that can name a side, in order (see [`names_side`]).
    pub(super) fn names_in(
        &self,
        within: std::ops::Range<usize>,
    ) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let from = self.names.partition_point(|&k| k < within.start);
        let to = self.names.partition_point(|&k| k < within.end);
        self.names[from..to.max(from)].iter().copied()
    }
}

/// True for a word that can name a side: a person or institution, a place, an organisation, a
/// pair word ("الزعيمان").
pub(super) fn names_side(lex: Option<Lex>) -> bool {
    matches!(
        lex,
        Some(Lex::Actor(_) | Lex::Place(_) | Lex::Organisation(_) | Lex::Pair)
    )
}

pub(super) fn layout(g: &Cursor) -> Layout {
    let (mut s, mut c, mut p) = (0, 0, 0);
    let n = g.t.len();
    let mut l = Layout {
        sentence: Vec::with_capacity(n),
        clause: Vec::with_capacity(n),
        paragraph: Vec::with_capacity(n),
        sentences: Vec::new(),
        clauses: Vec::new(),
        discussing: Vec::with_capacity(n + 1),
        since: Vec::with_capacity(n),
        names: Vec::new(),
    };
    let mut discussing = 0;
    let mut words_in_sentence = false;
    l.sentences.push(0..0);
    l.clauses.push(0..0);
    for (i, t) in g.t.iter().enumerate() {
        l.sentence.push(s);
        l.clause.push(c);
        l.paragraph.push(p);
        l.discussing.push(discussing);
        let word = (t.kind == Kind::Word).then(|| t.text(g.n));
        discussing += u32::from(word.is_some_and(is_discuss_word));
        l.since.push(word == Some("منذ"));
        if names_side(t.lex) {
            l.names.push(i);
        }
        l.sentences[s].end = i + 1;
        l.clauses[c].end = i + 1;
        // ".\n" ends one sentence, not two, and so does ".\n\n": a sentence of punctuation
        // alone is none.
        words_in_sentence |= t.kind != Kind::Punct;
        let sentence_end = g.sentence_end(i) && l.sentences[s].start < i && words_in_sentence;
        if sentence_end || (t.kind == Kind::Punct && one_of(",:()", t.punct)) {
            c += 1;
            l.clauses.push(i + 1..i + 1);
        }
        if sentence_end {
            words_in_sentence = false;
            s += 1;
            l.sentences.push(i + 1..i + 1);
        }
        if t.kind == Kind::Punct && t.punct == '\n' {
            p += 1;
        }
    }
    l.discussing.push(discussing);
    l
}

/// The index of the last of `events` that `f` accepts, among the last [`REACH`] of them: a
/// happening is referred back to from nearby, and a bounded look keeps long texts linear.
pub(super) fn last_recent<T>(events: &[T], f: impl Fn(&T) -> bool) -> Option<usize> {
    let from = events.len().saturating_sub(REACH);
    events[from..].iter().rposition(f).map(|n| from + n)
}

/// The token range of an original-text span.
pub(crate) fn token_range(g: &Cursor, start: usize, end: usize) -> Option<(usize, usize)> {
    let orig = |i: usize| {
        let t = &g.t[i];
        g.n.original_span(t.chars.0 + t.clitic, t.chars.1)
    };
    let first =
        g.t.partition_point(|t| g.n.original_span(t.chars.0 + t.clitic, t.chars.1).1 <= start);
    if first >= g.t.len() {
        return None;
    }
    let last = (first..g.t.len()).take_while(|&i| orig(i).0 < end).last()? + 1;
    Some((first, last))
}

/// True when token `k` is a word written as one of `words` (folded).
pub(super) fn word_in(g: &Cursor, k: usize, words: &[&str]) -> bool {
    g.t[k].kind == Kind::Word && words.contains(&g.t[k].text(g.n))
}

/// True when token `k` is the word "مع" (with), or "ومع".
pub(super) fn is_with(g: &Cursor, k: usize) -> bool {
    word_in(g, k, &["مع", "ومع"])
}
