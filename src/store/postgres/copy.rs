//! Writing a copied store into PostgreSQL, a page per transaction, for `tarikh migrate`: the
//! ids as they were, the search words and each event's countries made here, and the
//! sequences moved past the copied ids at the end.

use sqlx::PgConnection;

use super::super::copy::{DocumentCopy, EventCopy, EvidenceCopy, Page, ParticipantCopy, TimexCopy};
use super::{Db, Result, lexemes};
use crate::extract::normalize::fold;

impl Db {
    pub(crate) async fn write_page(&self, page: Page) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        match page {
            Page::Documents(rows) => {
                for r in &rows {
                    document(&mut tx, r).await?;
                }
            }
            Page::Timexes(rows) => {
                for r in &rows {
                    timex(&mut tx, r).await?;
                }
            }
            Page::Events(rows) => {
                for r in &rows {
                    event(&mut tx, r).await?;
                }
            }
            Page::Evidence(rows) => {
                for r in &rows {
                    evidence(&mut tx, r).await?;
                }
            }
            Page::Participants(rows) => {
                for r in &rows {
                    participant(&mut tx, r).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Gathers each event's countries, moves every sequence past the ids copied, and bumps
    /// the data version.
    pub(crate) async fn finish_copy(&self) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "update events ev set countries = coalesce(
                 (select array_agg(distinct p.country order by p.country)
                  from participants p where p.event_id = ev.event_id), '{}')",
        )
        .execute(&mut *tx)
        .await?;
        for (table, id) in [
            ("documents", "document_id"),
            ("timexes", "timex_id"),
            ("events", "event_id"),
            ("evidence", "evidence_id"),
            ("participants", "participant_id"),
        ] {
            sqlx::query(&format!(
                "select setval(pg_get_serial_sequence('{table}', '{id}'),
                               coalesce((select max({id}) from {table}), 0) + 1, false)"
            ))
            .execute(&mut *tx)
            .await?;
        }
        super::version::bump(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn document(conn: &mut PgConnection, r: &DocumentCopy) -> Result<()> {
    let mut words = lexemes(r.title.as_deref().unwrap_or_default());
    words.extend(lexemes(&fold(&r.text)));
    words.sort();
    words.dedup();
    sqlx::query(
        "insert into documents
            (document_id, content_hash, published_at, source, url, title, extractor_version,
             ingested_at, created_at, text, search)
         values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10,
                 array_to_tsvector($11))",
    )
    .bind(r.document_id)
    .bind(&r.content_hash)
    .bind(&r.published_at)
    .bind(&r.source)
    .bind(&r.url)
    .bind(&r.title)
    .bind(r.extractor_version)
    .bind(&r.ingested_at)
    .bind(&r.created_at)
    .bind(&r.text)
    .bind(words)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn timex(conn: &mut PgConnection, r: &TimexCopy) -> Result<()> {
    sqlx::query(
        "insert into timexes
            (timex_id, document_id, text, span_start, span_end, type, value, mod, earliest,
             latest, rule, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz)",
    )
    .bind(r.timex_id)
    .bind(r.document_id)
    .bind(&r.text)
    .bind(r.span_start)
    .bind(r.span_end)
    .bind(&r.r#type)
    .bind(&r.value)
    .bind(&r.r#mod)
    .bind(r.earliest)
    .bind(r.latest)
    .bind(&r.rule)
    .bind(&r.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn event(conn: &mut PgConnection, r: &EventCopy) -> Result<()> {
    sqlx::query(
        "insert into events
            (event_id, participant_key, kind, plover, plover_mode, cameo, status, date_value,
             earliest, latest, precision, date_conflict, place_name, place_country, place_lat,
             place_lon, place_wikidata, article_count, source_count, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20::timestamptz)",
    )
    .bind(r.event_id)
    .bind(&r.participant_key)
    .bind(&r.kind)
    .bind(&r.plover)
    .bind(&r.plover_mode)
    .bind(&r.cameo)
    .bind(&r.status)
    .bind(&r.date_value)
    .bind(r.earliest)
    .bind(r.latest)
    .bind(&r.precision)
    .bind(&r.date_conflict)
    .bind(&r.place_name)
    .bind(&r.place_country)
    .bind(r.place_lat)
    .bind(r.place_lon)
    .bind(&r.place_wikidata)
    .bind(r.article_count)
    .bind(r.source_count)
    .bind(&r.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn evidence(conn: &mut PgConnection, r: &EvidenceCopy) -> Result<()> {
    sqlx::query(
        "insert into evidence
            (evidence_id, event_id, document_id, source_key, kind, plover, plover_mode, cameo,
             status, trigger_start, trigger_end, sentence_start, sentence_end, date_start,
             date_end, date_text, claimed_value, claimed_earliest, claimed_latest,
             claimed_precision, place_name, place_country, place_lat, place_lon,
             place_wikidata, created_at, trigger, merge_reason, quote, sentence, search)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20, $21, $22, $23, $24, $25, $26::timestamptz, $27, $28, $29, $30,
                 array_to_tsvector($31))",
    )
    .bind(r.evidence_id)
    .bind(r.event_id)
    .bind(r.document_id)
    .bind(&r.source_key)
    .bind(&r.kind)
    .bind(&r.plover)
    .bind(&r.plover_mode)
    .bind(&r.cameo)
    .bind(&r.status)
    .bind(r.trigger_start)
    .bind(r.trigger_end)
    .bind(r.sentence_start)
    .bind(r.sentence_end)
    .bind(r.date_start)
    .bind(r.date_end)
    .bind(&r.date_text)
    .bind(&r.claimed_value)
    .bind(r.claimed_earliest)
    .bind(r.claimed_latest)
    .bind(&r.claimed_precision)
    .bind(&r.place_name)
    .bind(&r.place_country)
    .bind(r.place_lat)
    .bind(r.place_lon)
    .bind(&r.place_wikidata)
    .bind(&r.created_at)
    .bind(&r.trigger)
    .bind(&r.merge_reason)
    .bind(&r.quote)
    .bind(&r.sentence)
    .bind(lexemes(&fold(&r.quote)))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn participant(conn: &mut PgConnection, r: &ParticipantCopy) -> Result<()> {
    sqlx::query(
        "insert into participants
            (participant_id, event_id, evidence_id, name, country, wikidata, created_at)
         values ($1, $2, $3, $4, $5, $6, $7::timestamptz)",
    )
    .bind(r.participant_id)
    .bind(r.event_id)
    .bind(r.evidence_id)
    .bind(&r.name)
    .bind(&r.country)
    .bind(&r.wikidata)
    .bind(&r.created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
