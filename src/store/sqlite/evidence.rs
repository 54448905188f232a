//! Evidence rows on SQLite: one per report of an event, with its participants and search entry.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use super::super::evidence::NewEvidence;
use super::events::MAX_PARAMS;
use super::{Result, codes};
use crate::extract::normalize::fold;

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
