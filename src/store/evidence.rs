//! Evidence rows: one per report of an event, with its participants and search entry; the
//! quote and the date's text cut out of the document as both backends store them.

use rustc_hash::FxHashMap;

use crate::extract::events::Event;

/// Longest quote kept whole; longer sentences are cut around the trigger.
const QUOTE_CHARS: usize = 280;

/// A report about to be written as evidence.
pub(crate) struct NewEvidence<'a> {
    pub evidence_id: i64,
    pub event_id: i64,
    pub document_id: i64,
    pub source_key: String,
    pub event: &'a Event,
    pub quote: String,
    /// The date expression's text, when one dates the report.
    pub date_text: Option<String>,
    pub reason: String,
}

/// The text of each span (code point offsets into `text`, end exclusive) in one pass over
/// `text`, however many spans: `None` for no span or one outside the text.
pub(crate) fn span_texts<'t>(
    text: &'t str,
    spans: &[Option<(usize, usize)>],
) -> Vec<Option<&'t str>> {
    let mut offsets: Vec<usize> = spans.iter().flatten().flat_map(|&(a, b)| [a, b]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut byte_at: FxHashMap<usize, usize> = FxHashMap::default();
    let mut wanted = offsets.into_iter().peekable();
    let ends = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    for (char_at, byte) in ends.enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if next == char_at {
            byte_at.insert(char_at, byte);
            wanted.next();
        }
    }
    spans
        .iter()
        .map(|span| {
            let (a, b) = (*span)?;
            text.get(*byte_at.get(&a)?..*byte_at.get(&b)?)
        })
        .collect()
}

/// The sentence, or when it is long the part around the trigger (at `trigger` chars into it),
/// with an ellipsis where it was cut.
pub(crate) fn quote(sentence: &str, trigger: usize) -> String {
    let sentence = sentence.trim();
    let chars: Vec<char> = sentence.chars().collect();
    if chars.len() <= QUOTE_CHARS {
        return sentence.to_owned();
    }
    let start = trigger
        .saturating_sub(QUOTE_CHARS / 3)
        .min(chars.len() - QUOTE_CHARS);
    let end = start + QUOTE_CHARS;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(chars[start..end].iter());
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_texts_count_code_points() {
        let text = "في 8 يونيو 2018 التقى";
        let spans = [
            Some((3, 15)),
            None,
            Some((0, 2)),
            Some((20, 30)),
            Some((3, 15)),
        ];
        assert_eq!(
            span_texts(text, &spans),
            [
                Some("8 يونيو 2018"),
                None,
                Some("في"),
                None,
                Some("8 يونيو 2018")
            ]
        );
        assert_eq!(span_texts("", &[Some((0, 0))]), [Some("")]);
    }

    #[test]
    fn long_sentences_are_cut_around_the_trigger() {
        let short = "التقى بوتين شي في بكين";
        assert_eq!(quote(short, 0), short);
        let long: String = "كلمة ".repeat(100);
        let q = quote(&long, 250);
        assert!(q.starts_with('…') && q.ends_with('…'));
        assert_eq!(q.chars().count(), QUOTE_CHARS + 2);
        assert!(!quote(&long, 0).starts_with('…'));
    }
}
