//! Evidence rows: one per report of an event, with its participants and search entry.

use rustc_hash::FxHashMap;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::events::MAX_PARAMS;
use super::{Result, codes};
use crate::extract::events::Event;
use crate::extract::normalize::fold;

/// Longest quote kept whole; longer sentences are cut around the trigger.
const QUOTE_CHARS: usize = 280;

/// A report about to be written as evidence.
pub(super) struct NewEvidence<'a> {
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

/// Writes evidence rows, their participants and their search entries.
pub(super) async fn insert_evidence(
    conn: &mut SqliteConnection,
    evidence: &[NewEvidence<'_>],
) -> Result<()> {
    for chunk in evidence.chunks(MAX_PARAMS / 29) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "insert into evidence
                (evidence_id, event_id, document_id, source_key, kind, plover, plover_mode, cameo,
                 status,
                 trigger, trigger_start, trigger_end, sentence, sentence_start, sentence_end,
                 quote, date_start, date_end, claimed_value, claimed_earliest, claimed_latest,
                 claimed_precision, place_name, place_country, place_lat, place_lon,
                 place_wikidata, merge_reason, date_text) ",
        );
        q.push_values(chunk, |mut row, n| {
            let e = n.event;
            let date = e.date.as_ref();
            let place = e.location.as_ref();
            row.push_bind(n.evidence_id)
                .push_bind(n.event_id)
                .push_bind(n.document_id)
                .push_bind(&n.source_key)
                .push_bind(e.kind.as_str())
                .push_bind(&e.plover)
                .push_bind(&e.plover_mode)
                .push_bind(&e.cameo)
                .push_bind(codes::status_str(e.status))
                .push_bind(&e.trigger)
                .push_bind(e.start as i64)
                .push_bind(e.end as i64)
                .push_bind(&e.sentence)
                .push_bind(e.sentence_start as i64)
                .push_bind(e.sentence_end as i64)
                .push_bind(&n.quote)
                .push_bind(e.date_start.map(|n| n as i64))
                .push_bind(e.date_end.map(|n| n as i64))
                .push_bind(date.map(|d| d.value.as_str()))
                .push_bind(date.map(|d| d.earliest))
                .push_bind(date.map(|d| d.latest))
                .push_bind(date.map(|d| codes::precision_str(d.precision)))
                .push_bind(place.map(|p| p.name.as_ref()))
                .push_bind(place.map(|p| p.country.as_ref()))
                .push_bind(place.map(|p| p.lat))
                .push_bind(place.map(|p| p.lon))
                .push_bind(place.and_then(|p| p.wikidata.as_deref()))
                .push_bind(&n.reason)
                .push_bind(&n.date_text);
        });
        q.build().execute(&mut *conn).await?;
    }
    let people: Vec<_> = evidence
        .iter()
        .flat_map(|n| n.event.participants.iter().map(move |p| (n, p)))
        .collect();
    for chunk in people.chunks(MAX_PARAMS / 5) {
        let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
            "insert into participants (event_id, evidence_id, name, country, wikidata) ",
        );
        q.push_values(chunk, |mut row, (n, p)| {
            row.push_bind(n.event_id)
                .push_bind(n.evidence_id)
                .push_bind(&p.name)
                .push_bind(&p.country)
                .push_bind(&p.wikidata);
        });
        q.build().execute(&mut *conn).await?;
    }
    for chunk in evidence.chunks(MAX_PARAMS / 2) {
        let mut q: QueryBuilder<Sqlite> =
            QueryBuilder::new("insert into evidence_fts (rowid, quote) ");
        q.push_values(chunk, |mut row, n| {
            row.push_bind(n.evidence_id).push_bind(fold(&n.quote));
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// The text of each span (code point offsets into `text`, end exclusive) in one pass over
/// `text`, however many spans: `None` for no span or one outside the text.
pub(super) fn span_texts<'t>(
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
pub(super) fn quote(sentence: &str, trigger: usize) -> String {
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
