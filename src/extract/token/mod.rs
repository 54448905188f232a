//! Splits normalised text into tokens and looks each word up in the lexicon.
//!
//! A word is looked up as written, then without its attached clitics: a conjunction (و ف), a
//! preposition (ب ل ك, with ل + ال written لل) and the article ال, in that order, so
//! "وبالعام" finds عام. Fixed phrases ("كانون الثاني", "بعد غد") become one token. A long word the
//! lexicon does not know is split where scraping glued two words together ("فيأبريل",
//! "العامالماضي"), when both halves are known.
//!
//! ```
//! use tarikh::extract::{normalize::normalize, token::tokenize, lexicon::Lex};
//! let n = normalize("وفي كانون الثاني");
//! let toks = tokenize(&n);
//! assert_eq!(toks.len(), 2);
//! assert_eq!(toks[1].lex, Some(Lex::Month { n: 1, ambiguous: false }));
//! ```

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::lexicon::{Entry, LEXICON, Lex};
use super::normalize::Normalized;

mod glue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Arabic letters.
    Word,
    /// Latin letters (S-400, G20, Su-35).
    Latin,
    /// ASCII digits after normalisation; `value` holds the number when it fits.
    Number,
    /// One punctuation or symbol character; a line break is `'\n'`.
    Punct,
}

/// One token: a span of the normalised text and what the lexicon says of it.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the normalised text.
    pub bytes: (usize, usize),
    /// Char range in the normalised text (maps back through [`Normalized::original_span`]).
    pub chars: (usize, usize),
    pub lex: Option<Lex>,
    /// Chars of attached conjunction/preposition the lookup stripped (kept out of extents).
    pub clitic: usize,
    /// The article ال was stripped to find the word.
    pub article: bool,
    /// The word, with or without its proclitics, starts a fixed phrase of the lexicon.
    pub phrase: bool,
    /// Whitespace separates this token from the one before.
    pub space_before: bool,
    /// For numbers: the value, and the count of digits.
    pub value: u32,
    pub digits: usize,
    /// For punctuation: the character (a line break is `'\n'`).
    pub punct: char,
}

impl Token {
    pub fn text<'a>(&self, n: &'a Normalized) -> &'a str {
        &n.text[self.bytes.0..self.bytes.1]
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.punct == c
    }
}

/// Tokenises normalised text and analyses every word.
pub fn tokenize(n: &Normalized) -> Vec<Token> {
    let mut raw = split(n);
    for t in raw.iter_mut() {
        if t.kind == Kind::Word {
            analyse(n, t);
        }
    }
    let raw = glue::unglue(n, raw);
    merge_phrases(n, raw)
}

fn class(c: char) -> Option<Kind> {
    match c {
        '0'..='9' => Some(Kind::Number),
        'a'..='z' | 'A'..='Z' => Some(Kind::Latin),
        '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' => {
            Some(Kind::Word)
        }
        _ => None,
    }
}

fn new_token(kind: Kind, bytes: (usize, usize), chars: (usize, usize), space: bool) -> Token {
    Token {
        kind,
        bytes,
        chars,
        lex: None,
        clitic: 0,
        article: false,
        phrase: false,
        space_before: space,
        value: 0,
        digits: 0,
        punct: ' ',
    }
}

fn split(n: &Normalized) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(n.text.len() / 8);
    let mut space = true;
    // The run of letters or digits being read: its kind, where it starts (byte, char) and
    // whether a space comes before it. A token is made once the run ends.
    let mut run: Option<(Kind, usize, usize, bool)> = None;
    let mut chars = 0;
    for (ci, (bi, c)) in n.text.char_indices().enumerate() {
        chars = ci + 1;
        let cls = class(c);
        if let Some((kind, b0, c0, spaced)) = run {
            if Some(kind) == cls {
                continue;
            }
            out.push(finish(n, new_token(kind, (b0, bi), (c0, ci), spaced)));
            run = None;
        }
        match cls {
            Some(kind) => {
                run = Some((kind, bi, ci, space));
                space = false;
            }
            None if c == '\n' || !c.is_whitespace() => {
                let end = bi + c.len_utf8();
                let mut t = new_token(Kind::Punct, (bi, end), (ci, ci + 1), space);
                t.punct = c;
                out.push(t);
                space = false;
            }
            None => space = true,
        }
    }
    if let Some((kind, b0, c0, spaced)) = run {
        out.push(finish(
            n,
            new_token(kind, (b0, n.text.len()), (c0, chars), spaced),
        ));
    }
    out
}

fn finish(n: &Normalized, mut t: Token) -> Token {
    if t.kind == Kind::Number {
        let s = t.text(n);
        t.digits = s.len();
        t.value = if s.len() <= 9 {
            s.parse().unwrap_or(0)
        } else {
            u32::MAX
        };
    }
    t
}

/// Looks a word up, stripping clitics until something is found, and notes whether one of its
/// forms starts a phrase (one lookup per form serves both).
fn analyse(n: &Normalized, t: &mut Token) {
    let w = t.text(n);
    let forms = Forms::of(w);
    t.phrase = forms
        .iter()
        .any(|f| f.2.is_some_and(|e| !e.phrases.is_empty()));
    if let Some((lex, clitic, article)) = forms.lookup(w).or_else(|| trigger_with_suffix(w)) {
        t.lex = Some(lex);
        t.clitic = clitic;
        t.article = article;
    }
}

/// Single-word triggers as they stand before a pronoun suffix: زيارة → زيارت, لقاء → لقائ,
/// التقى → التقا, and the word itself.
static TRIGGER_STEMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut stems = FxHashSet::default();
    for (w, lex) in LEXICON.words() {
        if !matches!(lex, Lex::Trigger(_)) {
            continue;
        }
        let w = w.strip_prefix("ال").unwrap_or(w);
        stems.insert(w.to_owned());
        let Some(last) = w.chars().last() else {
            continue;
        };
        let body = &w[..w.len() - last.len_utf8()];
        let inflected: &[char] = match last {
            'ه' => &['ت'],
            'ء' => &['ئ', 'ؤ'],
            'ي' => &['ا'],
            _ => &[],
        };
        for c in inflected {
            stems.insert(format!("{body}{c}"));
        }
    }
    stems
});

/// Object and possessive pronouns an event word carries: "لقائهما", "زيارته", "استقبله".
const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "هن", "ها", "ه", "كم", "نا"];

/// An event trigger written with a pronoun suffix, looked up without it: the stem takes back
/// its ta marbuta (زيارت+ه → زيارة), its hamza (لقائ+ه → لقاء) or its alif maqsura (التقا+ه →
/// التقى). Only triggers are looked up this way: a suffix stripped from any word would turn
/// ordinary words into dates ("شهرها" is no month name).
fn trigger_with_suffix(w: &str) -> Option<(Lex, usize, bool)> {
    for suffix in PRONOUN_SUFFIXES {
        // The last byte first: most words end otherwise, and comparing the suffix is a call.
        if w.as_bytes().last() != suffix.as_bytes().last() {
            continue;
        }
        let Some(stem) = w.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) else {
            continue;
        };
        // Most words end in ه (a folded ta marbuta): look further only for a known stem.
        if !stripped_forms(stem).any(|(f, _)| TRIGGER_STEMS.contains(f)) {
            continue;
        }
        let last = stem.chars().last()?;
        let body = &stem[..stem.len() - last.len_utf8()];
        let restored = match last {
            'ت' => Some('ه'),
            'ئ' | 'ؤ' => Some('ء'),
            'ا' => Some('ي'),
            _ => None,
        };
        let forms = std::iter::once(stem.to_owned()).chain(restored.map(|c| format!("{body}{c}")));
        for form in forms {
            // A proclitic stripped as well must leave a stem of four letters: "وزاره" (the
            // ministry, its ta marbuta folded to ه) is not و + زار + ه.
            match lookup_word(&form) {
                Some(found @ (Lex::Trigger(_), clitic, article))
                    if (clitic == 0 && !article) || form.chars().count() - clitic >= 4 =>
                {
                    return Some(found);
                }
                _ => {}
            }
        }
    }
    None
}

/// The forms of a word with 0, 1 or 2 proclitic letters removed, and how many were removed.
fn stripped_forms(w: &str) -> impl Iterator<Item = (&str, usize)> {
    // String patterns: a fixed two-byte comparison each (a char pattern calls memcmp).
    let conj = w.strip_prefix("و").or_else(|| w.strip_prefix("ف"));
    let after_conj = conj.unwrap_or(w);
    let conj_len = usize::from(conj.is_some());
    let prep = after_conj
        .strip_prefix("ب")
        .or_else(|| after_conj.strip_prefix("ل"))
        .or_else(|| after_conj.strip_prefix("ك"));
    // A stripped form keeps at least two letters: "بل" is not ب + ل.
    let long = |f: &&str| f.chars().nth(1).is_some();
    [
        Some((w, 0)),
        conj.filter(long).map(|c| (c, 1)),
        prep.filter(long).map(|p| (p, conj_len + 1)),
    ]
    .into_iter()
    .flatten()
}

/// The forms of a word ([`stripped_forms`]) with what the lexicon holds under each.
struct Forms<'w> {
    forms: [(&'w str, usize, Option<&'static Entry>); 3],
    len: usize,
}

impl<'w> Forms<'w> {
    fn of(w: &'w str) -> Forms<'w> {
        let mut out = Forms {
            forms: [("", 0, None); 3],
            len: 0,
        };
        for (form, clitic) in stripped_forms(w) {
            out.forms[out.len] = (form, clitic, LEXICON.entry(form));
            out.len += 1;
        }
        out
    }

    fn iter(&self) -> impl Iterator<Item = &(&'w str, usize, Option<&'static Entry>)> {
        self.forms[..self.len].iter()
    }

    /// [`lookup_word`] of the word these are the forms of.
    fn lookup(&self, w: &str) -> Option<(Lex, usize, bool)> {
        for &(form, clitic, entry) in self.iter() {
            if let Some(lex) = entry.and_then(|e| e.word) {
                return Some((lex, clitic, false));
            }
            if let Some(found) = lookup_bare(w, form, clitic) {
                return Some(found);
            }
        }
        None
    }
}

/// Finds a folded word in the lexicon: (meaning, clitic chars stripped, article stripped).
pub fn lookup_word(w: &str) -> Option<(Lex, usize, bool)> {
    Forms::of(w).lookup(w)
}

/// A form of `w` that is not a lexicon word as it stands, looked up without its article.
fn lookup_bare(w: &str, form: &str, clitic: usize) -> Option<(Lex, usize, bool)> {
    // ل + ال is written لل: "للعام" → ل + (ال)عام.
    if clitic > 0 && form.starts_with("ل") && w.contains("لل") {
        if let Some(bare) = form.strip_prefix("ل").filter(|b| b.chars().count() >= 2) {
            let with_article = format!("ال{bare}");
            if let Some(lex) = LEXICON.word(&with_article) {
                return Some((lex, clitic, false));
            }
            if let Some(lex) = LEXICON.word(bare) {
                return Some((lex, clitic, true));
            }
        }
    }
    if let Some(bare) = form.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
        if let Some(lex) = LEXICON.word(bare) {
            return Some((lex, clitic, true));
        }
    }
    None
}

/// Joins fixed phrases ("كانون الثاني", "بعد غد", "عيد الفطر") into one token.
fn merge_phrases(n: &Normalized, mut toks: Vec<Token>) -> Vec<Token> {
    // In place: token `kept` is written only after every token before `i` was read.
    let mut kept = 0;
    let mut i = 0;
    while i < toks.len() {
        if let Some((len, lex, clitic)) = phrase_at(n, &toks, i) {
            let mut t = toks[i];
            t.bytes.1 = toks[i + len - 1].bytes.1;
            t.chars.1 = toks[i + len - 1].chars.1;
            t.lex = Some(lex);
            t.clitic = clitic;
            t.article = false;
            toks[kept] = t;
            i += len;
        } else {
            toks[kept] = toks[i];
            i += 1;
        }
        kept += 1;
    }
    toks.truncate(kept);
    toks
}

/// The longest fixed phrase starting at token `i`: (tokens, meaning, clitic chars).
fn phrase_at(n: &Normalized, toks: &[Token], i: usize) -> Option<(usize, Lex, usize)> {
    let first = &toks[i];
    if first.kind != Kind::Word || !first.phrase {
        return None;
    }
    for (form, clitic) in stripped_forms(first.text(n)) {
        for (rest, lex) in LEXICON.phrases(form) {
            let Some(next) = toks.get(i + 1..i + 1 + rest.len()) else {
                continue;
            };
            let same = next.iter().zip(rest).all(|(t, w)| t.text(n) == w);
            if same && next.iter().all(|t| t.space_before) {
                return Some((rest.len() + 1, *lex, clitic));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::normalize;

    fn words(text: &str) -> Vec<(String, Option<Lex>)> {
        let n = normalize(text);
        tokenize(&n)
            .iter()
            .map(|t| (t.text(&n).to_owned(), t.lex))
            .collect()
    }

    #[test]
    fn clitics_are_stripped_for_lookup() {
        let n = normalize("وبالعام للعام والماضي");
        let toks = tokenize(&n);
        assert_eq!(
            toks[0].lex,
            Some(Lex::Unit(
                crate::extract::lexicon::Unit::Year,
                crate::extract::lexicon::Count::One
            ))
        );
        assert_eq!((toks[0].clitic, toks[0].article), (2, true));
        assert!(toks[1].lex.is_some());
        assert_eq!(toks[2].lex, Some(Lex::Shift(-1)));
    }

    #[test]
    fn glued_words_are_split_only_when_both_halves_are_known() {
        let w = words("فيأبريل العامالماضي سياسيا");
        let texts: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["في", "ابريل", "العام", "الماضي", "سياسيا"]);
    }

    #[test]
    fn phrases_become_one_token() {
        let w = words("كانون 2 و بعد غد");
        assert_eq!(w[0].0, "كانون 2");
        assert_eq!(
            w[0].1,
            Some(Lex::Month {
                n: 1,
                ambiguous: false
            })
        );
        assert_eq!(w.last().map(|x| x.1), Some(Some(Lex::RelDay(2))));
    }

    #[test]
    fn numbers_and_codes() {
        let n = normalize("S-400 و٢٠١٨");
        let toks = tokenize(&n);
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Latin,
                Kind::Punct,
                Kind::Number,
                Kind::Word,
                Kind::Number
            ]
        );
        assert_eq!(toks[4].value, 2018);
        assert!(!toks[4].space_before);
    }
}
