//! Event counts per period and group on PostgreSQL: buckets by `date_trunc`.

use sqlx::QueryBuilder;
use tracing::instrument;

use super::super::histogram::{Counts, GroupBy, Interval};
use super::super::{Filter, Result};
use super::Db;
use super::feed::{push_conditions, push_period};

/// SQL for the first day of the bucket of `ev.earliest` (a fixed expression, no input).
fn bucket_sql(interval: Interval) -> &'static str {
    match interval {
        Interval::Year => "date_trunc('year', ev.earliest)::date",
        Interval::Month => "date_trunc('month', ev.earliest)::date",
        // ISO weeks: date_trunc goes back to the Monday.
        Interval::Week => "date_trunc('week', ev.earliest)::date",
    }
}

fn group_sql(group_by: GroupBy) -> (&'static str, &'static str, &'static str) {
    match group_by {
        GroupBy::Nothing => ("'events'", "count(*)", ""),
        GroupBy::Kind => ("ev.kind", "count(*)", ""),
        GroupBy::Country => (
            "c.country",
            "count(*)",
            " cross join unnest(ev.countries) as c(country)",
        ),
    }
}

impl Db {
    #[instrument(skip_all)]
    pub(crate) async fn histogram(
        &self,
        filter: &Filter,
        interval: Interval,
        group_by: GroupBy,
    ) -> Result<Counts> {
        let fitting = interval.fitting();
        let (group, count, join) = group_sql(group_by);
        let mut q = QueryBuilder::new(format!(
            "select {} as bucket, {group}::text collate \"C\" as grp, {count} from events ev{join}
             where ev.earliest is not null",
            bucket_sql(interval)
        ));
        push_period(&mut q, filter);
        push_conditions(&mut q, filter);
        q.push(" and ev.precision = any(")
            .push_bind(fitting.clone())
            .push(")");
        q.push(" group by bucket, grp order by bucket, grp");
        let buckets = q.build_query_as().fetch_all(&self.pool).await?;

        let mut q = QueryBuilder::new(format!(
            "select {group}::text collate \"C\" as grp, {count} from events ev{join}
             where ev.earliest is not null"
        ));
        push_period(&mut q, filter);
        push_conditions(&mut q, filter);
        q.push(" and not ev.precision = any(")
            .push_bind(fitting)
            .push(")");
        q.push(" group by grp order by grp");
        let coarser = q.build_query_as().fetch_all(&self.pool).await?;
        Ok(Counts { buckets, coarser })
    }
}
