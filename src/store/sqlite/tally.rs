//! The tally read from SQLite: two streaming scans of indexes, side by side in event order.

use futures_util::TryStreamExt;
use sqlx::Row as _;
use tracing::instrument;

use super::super::tally::{Tally, word_codes_sql};
use super::{Db, Result};

impl Db {
    /// Reads the tally of every dated event (two streaming scans of indexes).
    #[instrument(skip_all)]
    pub(crate) async fn tally(&self) -> Result<Tally> {
        let mut t = Tally::default();
        let mut event_ids: Vec<i64> = Vec::new();
        // Every column an integer (the words mapped by SQL generated from the code tables,
        // days counted from the common era as chrono does): nothing to allocate per row.
        let sql = format!(
            "select event_id, cast(julianday(earliest) - 1721424.5 as integer),
                    cast(julianday(latest) - julianday(earliest) as integer),
                    {}, source_count
             from events where earliest is not null order by event_id",
            word_codes_sql(),
        );
        let mut rows =
            sqlx::query_as::<_, (i64, i32, i64, u8, u8, u8, i64)>(&sql).fetch(&self.pool);
        while let Some((id, earliest, span, precision, kind, status, sources)) =
            rows.try_next().await?
        {
            event_ids.push(id);
            t.push(earliest, span, [precision, kind, status], sources);
        }
        drop(rows);

        // Both scans are in event_id order: walk them side by side.
        let mut people = sqlx::query(
            "select distinct event_id, country from participants order by event_id, country",
        )
        .fetch(&self.pool);
        let mut at = 0;
        while let Some(row) = people.try_next().await? {
            let id: i64 = row.try_get(0)?;
            let country: &str = row.try_get(1)?;
            while at < event_ids.len() && event_ids[at] < id {
                at += 1;
                if at < t.len() {
                    let n = t.countries_len();
                    t.set_countries_at(at, n);
                }
            }
            if at == event_ids.len() || event_ids[at] != id {
                continue; // an undated event's participant
            }
            t.push_country(country);
        }
        let n = t.countries_len();
        for i in at + 1..t.len() {
            t.set_countries_at(i, n);
        }
        Ok(t)
    }
}
