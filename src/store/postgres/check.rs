//! `tarikh check` on PostgreSQL: the server keeps its own indexes and foreign keys sound, so
//! what is checked is what the store keeps itself: each event's countries and counts against
//! its evidence.

use tracing::instrument;

use super::super::{CheckReport, Result};
use super::Db;

impl Db {
    #[instrument(skip_all)]
    pub(crate) async fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let (countries, counts, orphans): (i64, i64, i64) = sqlx::query_as(
            "select
                 (select count(*) from events ev where ev.countries is distinct from
                     coalesce((select array_agg(distinct p.country order by p.country)
                               from participants p where p.event_id = ev.event_id), '{}')),
                 (select count(*) from events ev where
                     ev.article_count <> (select count(distinct document_id) from evidence e
                                          where e.event_id = ev.event_id)
                     or ev.source_count <> (select count(distinct source_key) from evidence e
                                            where e.event_id = ev.event_id)),
                 (select count(*) from events ev
                  where not exists (select 1 from evidence e where e.event_id = ev.event_id))",
        )
        .fetch_one(&self.pool)
        .await?;
        report
            .checked
            .push("event countries (events.countries, participants)");
        report
            .checked
            .push("event counts (article_count, source_count)");
        report.checked.push("events without evidence");
        if countries > 0 {
            report.problems.push(format!(
                "events.countries: {countries} events disagree with their participants"
            ));
        }
        if counts > 0 {
            report
                .problems
                .push(format!("events: {counts} events miscounted"));
        }
        if orphans > 0 {
            report
                .problems
                .push(format!("events: {orphans} events have no evidence"));
        }
        Ok(report)
    }
}
