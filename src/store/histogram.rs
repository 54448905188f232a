//! Event counts per period and group, for charts: the store counts, the API shapes.

use chrono::NaiveDate;
use sqlx::{QueryBuilder, Sqlite};
use tracing::instrument;

use super::feed::{Filter, Widths};
use super::{Result, Store, codes};
use crate::extract::events::Precision;

/// The width of a histogram bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Year,
    Month,
    /// ISO weeks, Monday to Sunday.
    Week,
}

impl Interval {
    /// The date precisions that fit in one bucket: a coarser event would be piled onto the
    /// bucket of its first day, so it is counted apart instead.
    pub(super) fn fits(self, p: Precision) -> bool {
        p <= match self {
            Interval::Year => Precision::Year,
            Interval::Month => Precision::Month,
            Interval::Week => Precision::Week,
        }
    }

    /// SQL for the first day of the bucket of `ev.earliest` (a fixed expression, no input).
    fn bucket_sql(self) -> &'static str {
        match self {
            Interval::Year => "substr(ev.earliest, 1, 4) || '-01-01'",
            Interval::Month => "substr(ev.earliest, 1, 7) || '-01'",
            // The Monday on or before: 'weekday 1' moves forward to a Monday.
            Interval::Week => "date(ev.earliest, '-6 days', 'weekday 1')",
        }
    }
}

/// What the bars of a histogram are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// One group, "events".
    Nothing,
    Kind,
    /// Each participating country; an event counts once in each of its countries.
    Country,
}

impl GroupBy {
    fn group_sql(self) -> &'static str {
        match self {
            GroupBy::Nothing => "'events'",
            GroupBy::Kind => "ev.kind",
            GroupBy::Country => "p.country",
        }
    }

    /// An event joined to its participants appears once per participant row.
    fn count_sql(self) -> &'static str {
        match self {
            GroupBy::Country => "count(distinct ev.event_id)",
            _ => "count(*)",
        }
    }

    fn join_sql(self) -> &'static str {
        match self {
            GroupBy::Country => " join participants p on p.event_id = ev.event_id",
            _ => "",
        }
    }
}

/// Counts of matching events per bucket and group, and of those coarser than the interval.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// (first day of the bucket, group, events), by bucket then group; empty buckets absent.
    pub buckets: Vec<(NaiveDate, String, i64)>,
    /// (group, events) whose date is coarser than the interval.
    pub coarser: Vec<(String, i64)>,
}

impl Store {
    /// Counts the events matching `filter` per `interval` and `group_by`.
    #[instrument(skip_all)]
    pub async fn histogram(
        &self,
        filter: &Filter,
        interval: Interval,
        group_by: GroupBy,
    ) -> Result<Counts> {
        let fitting: Vec<&str> = codes::PRECISIONS
            .iter()
            .filter(|(p, _)| interval.fits(*p))
            .map(|(_, name)| *name)
            .collect();
        let fitting = serde_json::to_string(&fitting).expect("strings serialise");

        let mut q = QueryBuilder::new(format!(
            "select {} as bucket, {} as grp, {} from events ev{} where ",
            interval.bucket_sql(),
            group_by.group_sql(),
            group_by.count_sql(),
            group_by.join_sql()
        ));
        self.push_filter(&mut q, filter, Widths::All).await?;
        push_precision(&mut q, "in", &fitting);
        q.push(" group by bucket, grp order by bucket, grp");
        let buckets = q.build_query_as().fetch_all(&self.pool).await?;

        let mut q = QueryBuilder::new(format!(
            "select {} as grp, {} from events ev{} where ",
            group_by.group_sql(),
            group_by.count_sql(),
            group_by.join_sql()
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
