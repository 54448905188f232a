//! Arabic orthographic normalisation that never loses the way back to the original text.
//!
//! [`normalize`] folds the spelling variants news text is full of, and records for every
//! character of the result the code point span it came from in the original:
//!
//! | original | becomes | why |
//! |---|---|---|
//! | أ إ آ ٱ | ا | hamza and madda on alef are written or dropped at will |
//! | ى | ي | alef maqsura and yeh are confused in typing |
//! | ة | ه | taa marbuta is often typed as heh |
//! | ک ی | ك ي | Persian keyboard letters in Arabic text |
//! | ـ (tatweel), harakat, Quranic marks | dropped | decoration, not spelling |
//! | presentation forms (U+FB50–FDFF, U+FE70–FEFF) | their compatibility decomposition | PDF and legacy encodings |
//! | ٠-٩, ۰-۹ | 0-9 | Arabic-Indic and Persian digits |
//! | ، ؛ ؟ ٫ ٬ | , ; ? . , | Arabic punctuation |
//!
//! Clitics (و ف ب ل ك, ال) and words glued together by scraping are handled where words are
//! looked up (`token`), since splitting them needs the lexicon.
//!
//! ```
//! use tarikh::extract::normalize::normalize;
//! let n = normalize("أبريـلَ ٢٠١٨");
//! assert_eq!(n.text, "ابريل 2018");
//! // "ابريل" is normalised chars 0..5 and came from original chars 0..7 (tatweel and fatha kept)
//! assert_eq!(n.original_span(0, 5), (0, 7));
//! ```

use unicode_normalization::char::decompose_compatible;

/// A normalised text and, for each of its characters, the original code point span.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// `spans[i]` is the original (start, end) code point span of normalised char `i`.
    /// A dropped mark extends the span of the character before it.
    spans: Vec<(u32, u32)>,
    original_len: usize,
    /// Byte offset in the original text of each original char, and of its end.
    original_bytes: Vec<u32>,
}

impl Normalized {
    /// Maps a normalised char range `start..end` to the original code point range.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.spans.len() {
            let at = self
                .spans
                .get(start)
                .map_or(self.original_len, |s| s.0 as usize);
            return (at, at);
        }
        let end = end.min(self.spans.len());
        (self.spans[start].0 as usize, self.spans[end - 1].1 as usize)
    }

    /// The original text between two original code point offsets (as returned by
    /// [`original_span`](Self::original_span)); `text` must be the text that was normalised.
    pub fn original_slice<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        let byte = |i: usize| {
            self.original_bytes
                .get(i)
                .map_or(text.len(), |&b| b as usize)
        };
        text.get(byte(start)..byte(end.max(start))).unwrap_or("")
    }

    /// Number of characters in the normalised text.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Normalises `text`, keeping the map back to original offsets.
pub fn normalize(text: &str) -> Normalized {
    let chars = text.chars().count();
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        // One span per character (more only where a ligature is taken apart).
        spans: Vec::with_capacity(chars),
        original_len: 0,
        original_bytes: Vec::with_capacity(chars + 1),
    };
    let mut pos = 0u32;
    // Most characters stay as they are: they are copied a run at a time.
    let mut run = 0;
    for (byte, c) in text.char_indices() {
        out.original_bytes.push(byte as u32);
        if fold_char_fast(c) == Some(c) && !is_presentation_form(c) {
            out.spans.push((pos, pos + 1));
        } else {
            out.text.push_str(&text[run..byte]);
            run = byte + c.len_utf8();
            push_folded(&mut out, c, pos);
        }
        pos += 1;
    }
    out.text.push_str(&text[run..]);
    out.original_bytes.push(text.len() as u32);
    out.original_len = pos as usize;
    out
}

/// Normalises a word list entry or any string where offsets do not matter.
pub fn fold(s: &str) -> String {
    normalize(s).text
}

fn push_folded(out: &mut Normalized, c: char, pos: u32) {
    if is_presentation_form(c) {
        let mut parts = Vec::with_capacity(2);
        decompose_compatible(c, |d| parts.push(d));
        for d in parts {
            push_simple(out, d, pos);
        }
    } else {
        push_simple(out, c, pos);
    }
}

fn push_simple(out: &mut Normalized, c: char, pos: u32) {
    match fold_char_fast(c) {
        Some(f) => {
            out.text.push(f);
            out.spans.push((pos, pos + 1));
        }
        None => {
            // A dropped mark belongs to the letter it decorates.
            if let Some(last) = out.spans.last_mut() {
                if last.1 == pos {
                    last.1 = pos + 1;
                }
            }
        }
    }
}

/// [`fold_char`] with ASCII and the Arabic block (U+0600–U+06FF) answered without a branch
/// per case: most characters of a text are there.
fn fold_char_fast(c: char) -> Option<char> {
    match c as u32 {
        0..=0x7F => Some(c),
        code @ 0x600..=0x6FF => {
            let folded = ARABIC_BLOCK[(code - 0x600) as usize];
            char::from_u32(folded)
        }
        _ => fold_char(c),
    }
}

/// [`fold_char`] of every code point of the Arabic block, `u32::MAX` (no char) where the
/// character is dropped.
static ARABIC_BLOCK: [u32; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let c = char::from_u32(0x600 + i as u32).expect("the Arabic block holds chars");
        table[i] = match fold_char(c) {
            Some(f) => f as u32,
            None => u32::MAX,
        };
        i += 1;
    }
    table
};

/// The folded form of one character, or `None` for a character that is dropped.
const fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        'ی' => 'ي',
        '\u{0640}' => return None,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => return None,
        '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' => return None,
        '\u{200C}'..='\u{200F}' | '\u{FEFF}' => return None,
        '٠'..='٩' => (b'0' + (c as u32 - '٠' as u32) as u8) as char,
        '۰'..='۹' => (b'0' + (c as u32 - '۰' as u32) as u8) as char,
        '،' | '٬' => ',',
        '؛' => ';',
        '؟' => '?',
        '٫' => '.',
        _ => c,
    })
}

fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_digits_and_punctuation() {
        let cases = [
            ("إبريل", "ابريل"),
            ("آذار", "اذار"),
            ("الأولى", "الاولي"),
            ("مدينة", "مدينه"),
            ("١٥/٩/٢٠٢٢", "15/9/2022"),
            ("۱۴۰۱", "1401"),
            ("مؤكدًا،", "مؤكدا,"),
            ("ﻷن", "لان"),
            ("هـ", "ه"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).text, want, "normalising {input:?}");
        }
    }

    #[test]
    fn spans_point_into_the_original() {
        let original = "قرّر في ﻷجل";
        let n = normalize(original);
        assert_eq!(n.text, "قرر في لاجل");
        // "قرر" covers the shadda too.
        assert_eq!(n.original_span(0, 3), (0, 4));
        // the ligature ﻷ expands to two chars that both point at it.
        let (s, e) = n.original_span(7, 11);
        assert_eq!(n.original_slice(original, s, e), "ﻷجل");
    }

    #[test]
    fn empty_and_out_of_range_spans() {
        let n = normalize("ـــ");
        assert!(n.is_empty());
        assert_eq!(n.original_span(0, 0), (3, 3));
    }
}
