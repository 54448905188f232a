//! The histogram's shape: zero-filled buckets that ECharts (`dataset: {dimensions, source}`)
//! and Vega-Lite (`data: {values}` with a fold transform) take as they are.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::error::ApiError;
use super::openapi::{HistogramGroupBy, HistogramInterval};
use super::params::HistogramQuery;
use crate::store::{Counts, GroupBy, Interval};

/// More buckets than this is a mistake (weeks over centuries), not a chart.
const MAX_BUCKETS: usize = 5000;

/// Event counts per bucket of `interval`, split by `group_by`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Histogram {
    #[schema(value_type = HistogramInterval, inline)]
    pub interval: &'static str,
    /// `kind` or `country`; null when the events are one group, `events`.
    #[schema(value_type = Option<HistogramGroupBy>, inline, required)]
    pub group_by: Option<&'static str>,
    /// `bucket` and then one name per group: the columns of each bucket.
    pub dimensions: Vec<String>,
    /// One object per bucket, oldest first, every group present (0 when empty), plus the
    /// bucket's first and last day: `{"bucket": "2018-06", "start": "2018-06-01", "end":
    /// "2018-06-30", "meeting": 2, "visit": 0}`.
    pub buckets: Vec<Map<String, Value>>,
    /// Events less precise than the interval (a year-precision event in a monthly histogram),
    /// counted here instead of being piled onto their first bucket: `total` and per group.
    pub coarser: Map<String, Value>,
}

impl Histogram {
    pub fn new(q: &HistogramQuery, counts: Counts) -> Result<Histogram, ApiError> {
        let mut groups: Vec<&str> = counts
            .buckets
            .iter()
            .map(|(_, g, _)| g.as_str())
            .chain(counts.coarser.iter().map(|(g, _)| g.as_str()))
            .collect();
        groups.sort_unstable();
        groups.dedup();

        let first = q
            .filter
            .from
            .or(counts.buckets.first().map(|b| b.0))
            .map(|d| bucket_start(q.interval, d));
        let last = q
            .filter
            .to
            .or(counts.buckets.last().map(|b| b.0))
            .map(|d| bucket_start(q.interval, d));
        let mut buckets = Vec::new();
        if let (Some(first), Some(last)) = (first, last) {
            let mut start = first;
            let mut counted = counts.buckets.iter().peekable();
            while start <= last {
                if buckets.len() == MAX_BUCKETS {
                    return Err(ApiError::bad_param(
                        "interval",
                        format!(
                            "interval: more than {MAX_BUCKETS} buckets from {first} to {last}; \
                             use a coarser interval or a shorter from/to"
                        ),
                    ));
                }
                let next = next_start(q.interval, start);
                let mut row = Map::new();
                row.insert("bucket".into(), label(q.interval, start).into());
                row.insert("start".into(), start.to_string().into());
                row.insert("end".into(), (next - Duration::days(1)).to_string().into());
                for g in &groups {
                    row.insert((*g).into(), 0.into());
                }
                while let Some((_, g, n)) = counted.next_if(|(d, _, _)| *d < next) {
                    row.insert(g.clone(), (*n).into());
                }
                buckets.push(row);
                start = next;
            }
        }

        let mut coarser = Map::new();
        let total: i64 = counts.coarser.iter().map(|(_, n)| n).sum();
        coarser.insert("total".into(), total.into());
        for (g, n) in &counts.coarser {
            coarser.insert(g.clone(), (*n).into());
        }
        let mut dimensions = vec!["bucket".to_owned()];
        dimensions.extend(groups.iter().map(|g| g.to_string()));
        Ok(Histogram {
            interval: match q.interval {
                Interval::Year => "year",
                Interval::Month => "month",
                Interval::Week => "week",
            },
            group_by: match q.group_by {
                GroupBy::Nothing => None,
                GroupBy::Kind => Some("kind"),
                GroupBy::Country => Some("country"),
            },
            dimensions,
            buckets,
            coarser,
        })
    }
}

/// The first day of the bucket holding `d`.
fn bucket_start(interval: Interval, d: NaiveDate) -> NaiveDate {
    match interval {
        Interval::Year => d.with_ordinal(1).unwrap_or(d),
        Interval::Month => d.with_day(1).unwrap_or(d),
        Interval::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
    }
}

fn next_start(interval: Interval, start: NaiveDate) -> NaiveDate {
    match interval {
        Interval::Year => start + Months::new(12),
        Interval::Month => start + Months::new(1),
        Interval::Week => start + Duration::days(7),
    }
}

/// 2022, 2022-09, 2022-W37 (ISO week-numbering year).
fn label(interval: Interval, start: NaiveDate) -> String {
    match interval {
        Interval::Year => start.format("%Y").to_string(),
        Interval::Month => start.format("%Y-%m").to_string(),
        Interval::Week => {
            let w = start.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn buckets_are_zero_filled_and_coarser_events_counted_apart() {
        let q = HistogramQuery::parse(Some("interval=month&group_by=kind")).unwrap();
        let counts = Counts {
            buckets: vec![
                (d("2018-04-01"), "meeting".into(), 1),
                (d("2018-06-01"), "visit".into(), 2),
            ],
            coarser: vec![("summit".into(), 1)],
        };
        let h = Histogram::new(&q, counts).unwrap();
        assert_eq!(h.dimensions, ["bucket", "meeting", "summit", "visit"]);
        let labels: Vec<&str> = h
            .buckets
            .iter()
            .map(|b| b["bucket"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["2018-04", "2018-05", "2018-06"]);
        assert_eq!(h.buckets[1]["visit"], 0);
        assert_eq!(h.buckets[2]["visit"], 2);
        assert_eq!(h.buckets[2]["end"], "2018-06-30");
        assert_eq!(h.coarser["total"], 1);
        assert_eq!(h.coarser["summit"], 1);
    }

    #[test]
    fn weeks_are_iso_weeks() {
        assert_eq!(
            bucket_start(Interval::Week, d("2022-09-15")),
            d("2022-09-12")
        );
        assert_eq!(label(Interval::Week, d("2022-09-12")), "2022-W37");
        assert_eq!(label(Interval::Week, d("2021-01-04")), "2021-W01");
        assert_eq!(label(Interval::Week, d("2020-12-28")), "2020-W53");
    }

    #[test]
    fn too_many_buckets_is_a_bad_request() {
        let q = HistogramQuery::parse(Some("interval=week&from=1900&to=2026")).unwrap();
        assert!(matches!(
            Histogram::new(&q, Counts::default()),
            Err(ApiError::BadParam { .. })
        ));
    }
}
