//! `tarikh check`: whether a database is sound, without the sqlite3 shell (whose FTS5 may be
//! too old for the index, see the README): SQLite's integrity check, the foreign keys, each
//! full-text index against its table, and the country posting lists against the events.

use tracing::instrument;

use super::super::CheckReport;
use super::{Db, Result};

impl Db {
    /// Runs every check and reports each problem in words.
    #[instrument(skip_all)]
    pub(crate) async fn check(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        let integrity: Vec<String> = sqlx::query_scalar("pragma integrity_check")
            .fetch_all(&self.pool)
            .await?;
        report.checked.push("integrity (pragma integrity_check)");
        report.problems.extend(
            integrity
                .into_iter()
                .filter(|line| line != "ok")
                .map(|line| format!("integrity: {line}")),
        );

        let orphans: Vec<(String, Option<i64>, String)> =
            sqlx::query_as("select \"table\", rowid, parent from pragma_foreign_key_check")
                .fetch_all(&self.pool)
                .await?;
        report
            .checked
            .push("foreign keys (pragma foreign_key_check)");
        report
            .problems
            .extend(orphans.into_iter().map(|(table, rowid, parent)| {
                let row = rowid.map_or("a row".to_owned(), |r| format!("row {r}"));
                format!("foreign key: {row} of {table} points to no {parent}")
            }));

        for (fts, table) in [("documents_fts", "documents"), ("evidence_fts", "evidence")] {
            // FTS5's own check of its index (and, for evidence_fts, against its stored text).
            let own = sqlx::query(&format!(
                "insert into {fts} ({fts}, rank) values ('integrity-check', 0)"
            ))
            .execute(&self.pool)
            .await;
            if let Err(e) = own {
                report.problems.push(format!("{fts}: {e}"));
            }
            let (indexed, rows): (i64, i64) = sqlx::query_as(&format!(
                "select (select count(*) from {fts}), (select count(*) from {table})"
            ))
            .fetch_one(&self.pool)
            .await?;
            if indexed != rows {
                report.problems.push(format!(
                    "{fts}: {indexed} rows indexed for {rows} rows of {table}"
                ));
            }
        }
        report
            .checked
            .push("full-text indexes (FTS5 integrity-check, rows)");

        // The postings the triggers keep, against what the events and participants say.
        let (missing, extra, miscounted): (i64, i64, i64) = sqlx::query_as(
            "with want as (
                 select distinct p.country, ev.width_class, ev.earliest, ev.latest, ev.event_id
                 from participants p join events ev on ev.event_id = p.event_id
                 where ev.earliest is not null and ev.width_class is not null)
             select
                 (select count(*) from (select * from want except
                     select country, width_class, earliest, latest, event_id
                     from event_countries)),
                 (select count(*) from (select country, width_class, earliest, latest, event_id
                     from event_countries except select * from want)),
                 (select count(*) from (
                     select country, count(*) from event_countries group by country
                     except select country, events from country_counts where events > 0))",
        )
        .fetch_one(&self.pool)
        .await?;
        report
            .checked
            .push("country posting lists (event_countries, country_counts)");
        if missing + extra + miscounted > 0 {
            report.problems.push(format!(
                "event_countries: {missing} postings missing, {extra} extra, \
                 {miscounted} countries miscounted"
            ));
        }
        Ok(report)
    }
}
