//! The histogram's shape: zero-filled buckets that ECharts (`dataset: {dimensions, source}`)
//! and Vega-Lite (`data: {values}` with a fold transform) take as they are.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::error::ApiError;
use super::params::HistogramQuery;
use super::params::types::{HistogramGroupBy, HistogramInterval};
use crate::store::{Counts, GroupBy, Interval};

/// At most this many buckets: weeks over centuries are not a chart. A longer range is cut to
/// the stretch of this many buckets that holds the most events, and what lies outside it is
/// counted in `outside`.
pub const MAX_BUCKETS: usize = 5000;

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
    /// Events before the first bucket and after the last one, when the range was longer than
    /// 5000 buckets and was cut to its busiest stretch (one article about the year 1200 must
    /// not make a monthly histogram impossible); both 0 otherwise.
    pub outside: Outside,
}

/// What a cut histogram leaves out.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Outside {
    pub before: i64,
    pub after: i64,
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
        let mut outside = Outside::default();
        if let (Some(first), Some(last)) = (first, last) {
            let (first, last) = busiest(q.interval, first, last, &counts.buckets);
            let mut counted = counts.buckets.iter().peekable();
            while let Some((_, _, n)) = counted.next_if(|(d, _, _)| *d < first) {
                outside.before += n;
            }
            let mut start = first;
            while start <= last {
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
            outside.after = counted.map(|(_, _, n)| n).sum();
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
            outside,
        })
    }
}

/// The bucket's number: consecutive buckets have consecutive numbers.
fn bucket_index(interval: Interval, d: NaiveDate) -> i64 {
    match interval {
        Interval::Year => i64::from(d.year()),
        Interval::Month => i64::from(d.year()) * 12 + i64::from(d.month0()),
        Interval::Week => i64::from(bucket_start(interval, d).num_days_from_ce()).div_euclid(7),
    }
}

/// The first and last bucket to show: `first..=last` when it is at most [`MAX_BUCKETS`] long,
/// else the stretch of that many buckets in it that holds the most events (the earliest such).
fn busiest(
    interval: Interval,
    first: NaiveDate,
    last: NaiveDate,
    counted: &[(NaiveDate, String, i64)],
) -> (NaiveDate, NaiveDate) {
    let width = MAX_BUCKETS as i64;
    let at = |d| bucket_index(interval, d);
    if at(last) - at(first) < width {
        return (first, last);
    }
    let inside: Vec<(i64, i64, NaiveDate)> = counted
        .iter()
        .filter(|(d, _, _)| (first..=last).contains(d))
        .map(|(d, _, n)| (at(*d), *n, *d))
        .collect();
    // Two pointers over the counted buckets (in date order): the window [lo, hi] of at most
    // `width` buckets with the largest sum.
    let (mut lo, mut sum, mut best) = (0, 0, (0, i64::MIN));
    for hi in 0..inside.len() {
        sum += inside[hi].1;
        while inside[hi].0 - inside[lo].0 >= width {
            sum -= inside[lo].1;
            lo += 1;
        }
        if sum > best.1 {
            best = (lo, sum);
        }
    }
    let start = inside
        .get(best.0)
        .map_or(first, |b| bucket_start(interval, b.2));
    let mut end = start;
    for _ in 1..width {
        let next = next_start(interval, end);
        if next > last {
            break;
        }
        end = next;
    }
    (start, end)
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
    fn too_many_buckets_are_cut_to_the_busiest_stretch() {
        let q = HistogramQuery::parse(Some("interval=week&from=1900&to=2026")).unwrap();
        let h = Histogram::new(&q, Counts::default()).unwrap();
        assert_eq!(h.buckets.len(), MAX_BUCKETS);
        assert_eq!(h.buckets[0]["bucket"], "1900-W01");

        // One event in 1200 and the rest in the 2010s: months from 1200 on would be 9,800.
        let q = HistogramQuery::parse(Some("interval=month")).unwrap();
        let counts = Counts {
            buckets: vec![
                (d("1200-05-01"), "events".into(), 1),
                (d("2018-06-01"), "events".into(), 3),
                (d("2019-01-01"), "events".into(), 2),
            ],
            coarser: vec![],
        };
        let h = Histogram::new(&q, counts).unwrap();
        assert_eq!(h.buckets.len(), 8, "2018-06 to 2019-01");
        assert_eq!((h.outside.before, h.outside.after), (1, 0));
        let shown: i64 = h
            .buckets
            .iter()
            .map(|b| b["events"].as_i64().unwrap())
            .sum();
        assert_eq!(shown, 5);
        assert_eq!(h.buckets[0]["bucket"], "2018-06");
    }
}
