//! The tally read from PostgreSQL: one scan of the dated events with their country arrays.

use futures_util::TryStreamExt;
use tracing::instrument;

use super::super::Result;
use super::super::tally::{Tally, word_codes_sql};
use super::Db;

impl Db {
    #[instrument(skip_all)]
    pub(crate) async fn tally(&self) -> Result<Tally> {
        // The words mapped to their place in the code tables by SQL generated from them;
        // days from the common era as chrono counts them: 0001-01-01 is day 1.
        let sql = format!(
            "select (earliest - date '0001-01-01' + 1)::int4, (latest - earliest)::int8,
                    {}, source_count, countries
             from events where earliest is not null order by event_id",
            word_codes_sql(),
        );
        let mut t = Tally::default();
        let mut rows = sqlx::query_as::<_, (i32, i64, i32, i32, i32, i64, Vec<String>)>(&sql)
            .fetch(&self.pool);
        while let Some((earliest, span, precision, kind, status, sources, countries)) =
            rows.try_next().await?
        {
            t.push(
                earliest,
                span,
                [precision as u8, kind as u8, status as u8],
                sources,
            );
            for country in &countries {
                t.push_country(country);
            }
        }
        Ok(t)
    }
}
