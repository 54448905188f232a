//! Event counts per period and group on SQLite.

use sqlx::{QueryBuilder, Sqlite};
use tracing::instrument;

use super::super::Filter;
use super::super::histogram::{Counts, GroupBy, Interval};
use super::feed::Widths;
use super::{Db, Result};

/// SQL for the first day of the bucket of `ev.earliest` (a fixed expression, no input).
fn bucket_sql(interval: Interval) -> &'static str {
    match interval {
        Interval::Year => "substr(ev.earliest, 1, 4) || '-01-01'",
        Interval::Month => "substr(ev.earliest, 1, 7) || '-01'",
        // The Monday on or before: 'weekday 1' moves forward to a Monday.
        Interval::Week => "date(ev.earliest, '-6 days', 'weekday 1')",
    }
}

/// The group's column, its count, and the join it needs: an event joined to its
/// participants appears once per participant row.
fn group_sql(group_by: GroupBy) -> (&'static str, &'static str, &'static str) {
    match group_by {
        GroupBy::Nothing => ("'events'", "count(*)", ""),
        GroupBy::Kind => ("ev.kind", "count(*)", ""),
        GroupBy::Country => (
            "p.country",
            "count(distinct ev.event_id)",
            " join participants p on p.event_id = ev.event_id",
        ),
    }
}

impl Db {
    /// Counts the events matching `filter` per `interval` and `group_by`.
    #[instrument(skip_all)]
    pub(crate) async fn histogram(
        &self,
        filter: &Filter,
        interval: Interval,
        group_by: GroupBy,
    ) -> Result<Counts> {
        let fitting = serde_json::to_string(&interval.fitting()).expect("strings serialise");

        let (group, count, join) = group_sql(group_by);
        let mut q = QueryBuilder::new(format!(
            "select {} as bucket, {group} as grp, {count} from events ev{join} where ",
            bucket_sql(interval)
        ));
        self.push_filter(&mut q, filter, Widths::All).await?;
        push_precision(&mut q, "in", &fitting);
        q.push(" group by bucket, grp order by bucket, grp");
        let buckets = q.build_query_as().fetch_all(&self.pool).await?;

        let mut q = QueryBuilder::new(format!(
            "select {group} as grp, {count} from events ev{join} where "
        ));
        self.push_filter(&mut q, filter, Widths::All).await?;
        push_precision(&mut q, "not in", &fitting);
        q.push(" group by grp order by grp");
        let coarser = q.build_query_as().fetch_all(&self.pool).await?;
        Ok(Counts { buckets, coarser })
    }
}

fn push_precision(q: &mut QueryBuilder<'_, Sqlite>, op: &'static str, list: &str) {
    q.push(format_args!(
        " and ev.precision {op} (select value from json_each("
    ))
    .push_bind(list.to_owned())
    .push("))");
}
