//! Every dated event's date, precision, kind, status, source count and countries, packed in
//! memory (16 bytes an event, plus 2 per country): a histogram over a million events is one
//! pass over an array in milliseconds, where SQLite needs a second to group the same rows.
//!
//! The tally answers the filters it holds (period, countries, kinds, status, sources); a
//! filter on participants, places or words goes to SQL. It is a snapshot: the API rebuilds
//! it after writes and uses SQL while it is stale.

use chrono::{Datelike, NaiveDate};
use futures_util::TryStreamExt;
use rustc_hash::FxHashMap;
use sqlx::Row as _;
use tracing::instrument;

use super::histogram::{Counts, GroupBy, Interval};
use super::{Filter, Result, Store, codes};

/// Sources are counted up to this; `min_sources` above it goes to SQL.
const MAX_SOURCES: i64 = u8::MAX as i64;

#[derive(Debug, Clone, Copy)]
struct Row {
    /// Days from the common era (chrono's `num_days_from_ce`) of the first possible day.
    earliest: i32,
    /// Days from earliest to latest.
    span: u16,
    /// year * 12 + month0 of `earliest`.
    month: u16,
    precision: u8,
    kind: u8,
    status: u8,
    sources: u8,
    /// Where this event's countries start in `Tally::countries`; they end where the next
    /// event's start.
    countries_at: u32,
}

/// The snapshot.
#[derive(Debug, Default)]
pub struct Tally {
    rows: Vec<Row>,
    /// Country ids, per event, sorted; `rows[i].countries_at..rows[i + 1].countries_at`.
    countries: Vec<u16>,
    /// Country id → ISO code, and back.
    codes: Vec<String>,
    ids: FxHashMap<String, u16>,
}

impl Store {
    /// Reads the tally of every dated event (two streaming scans of indexes).
    #[instrument(skip_all)]
    pub async fn tally(&self) -> Result<Tally> {
        let mut t = Tally::default();
        let mut event_ids: Vec<i64> = Vec::new();
        // Every column an integer (the words mapped by SQL generated from the code tables,
        // days counted from the common era as chrono does): nothing to allocate per row.
        let case = |column: &str, words: &mut dyn Iterator<Item = &'static str>| {
            let mut sql = format!("case {column}");
            for (i, w) in words.enumerate() {
                sql.push_str(&format!(" when '{w}' then {i}"));
            }
            sql + " else 0 end"
        };
        let sql = format!(
            "select event_id, cast(julianday(earliest) - 1721424.5 as integer),
                    cast(julianday(latest) - julianday(earliest) as integer),
                    {}, {}, {}, source_count
             from events where earliest is not null order by event_id",
            case("precision", &mut codes::PRECISIONS.iter().map(|p| p.1)),
            case("kind", &mut codes::KINDS.iter().map(|k| k.as_str())),
            case("status", &mut codes::STATUSES.iter().map(|s| s.1)),
        );
        let mut rows =
            sqlx::query_as::<_, (i64, i32, i64, u8, u8, u8, i64)>(&sql).fetch(&self.pool);
        while let Some((id, earliest, span, precision, kind, status, sources)) =
            rows.try_next().await?
        {
            let first = NaiveDate::from_num_days_from_ce_opt(earliest).unwrap_or_default();
            event_ids.push(id);
            t.rows.push(Row {
                earliest,
                span: span.clamp(0, u16::MAX as i64) as u16,
                month: (first.year().max(0) as u32 * 12 + first.month0()) as u16,
                precision,
                kind,
                status,
                sources: sources.clamp(0, MAX_SOURCES) as u8,
                countries_at: 0,
            });
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
                if at < t.rows.len() {
                    t.rows[at].countries_at = t.countries.len() as u32;
                }
            }
            if at == event_ids.len() || event_ids[at] != id {
                continue; // an undated event's participant
            }
            let cid = match t.ids.get(country) {
                Some(cid) => *cid,
                None => {
                    let cid = t.codes.len() as u16;
                    t.codes.push(country.to_owned());
                    t.ids.insert(country.to_owned(), cid);
                    cid
                }
            };
            t.countries.push(cid);
        }
        for row in t.rows.iter_mut().skip(at + 1) {
            row.countries_at = t.countries.len() as u32;
        }
        Ok(t)
    }
}

impl Tally {
    /// How many events it holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn countries_of(&self, i: usize) -> &[u16] {
        let start = self.rows[i].countries_at as usize;
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.countries.len(), |r| r.countries_at as usize);
        &self.countries[start..end]
    }

    /// The same counts as [`Store::histogram`], or `None` when the filter needs SQL.
    pub fn histogram(&self, f: &Filter, interval: Interval, group_by: GroupBy) -> Option<Counts> {
        if f.participant.is_some() || f.place.is_some() || f.q.is_some() {
            return None;
        }
        if f.min_sources.is_some_and(|n| n > MAX_SOURCES) {
            return None;
        }
        if f.empty_period() {
            return Some(Counts::default());
        }
        let mut wanted = Vec::new();
        for c in &f.countries {
            match self.ids.get(c) {
                Some(id) => wanted.push(*id),
                None => return Some(Counts::default()), // nobody from there
            }
        }
        let kinds: Vec<u8> = codes::KINDS
            .iter()
            .enumerate()
            .filter(|(_, k)| f.kinds.contains(k))
            .map(|(i, _)| i as u8)
            .collect();
        let status = f.status.map(|s| s as u8);
        let from = f.from.map(|d| d.num_days_from_ce());
        let to = f.to.map(|d| d.num_days_from_ce());
        let min_sources = f.min_sources.unwrap_or(0);
        let fits = |p: u8| interval.fits(codes::PRECISIONS[p as usize].0);

        let mut buckets: FxHashMap<(i32, u16), i64> = FxHashMap::default();
        let mut coarser: FxHashMap<u16, i64> = FxHashMap::default();
        for (i, r) in self.rows.iter().enumerate() {
            let latest = r.earliest + r.span as i32;
            if from.is_some_and(|d| latest < d)
                || to.is_some_and(|d| r.earliest > d)
                || (!kinds.is_empty() && !kinds.contains(&r.kind))
                || status.is_some_and(|s| s != r.status)
                || (r.sources as i64) < min_sources
            {
                continue;
            }
            let countries = self.countries_of(i);
            if !wanted.iter().all(|c| countries.contains(c)) {
                continue;
            }
            let bucket = fits(r.precision).then(|| match interval {
                Interval::Year => (r.month / 12) as i32,
                Interval::Month => r.month as i32,
                // Day 1 of the common era was a Monday.
                Interval::Week => r.earliest - (r.earliest - 1).rem_euclid(7),
            });
            let mut add = |group: u16| match bucket {
                Some(b) => *buckets.entry((b, group)).or_default() += 1,
                None => *coarser.entry(group).or_default() += 1,
            };
            match group_by {
                GroupBy::Nothing => add(0),
                GroupBy::Kind => add(r.kind as u16),
                GroupBy::Country => countries.iter().for_each(|c| add(*c)),
            }
        }
        let name = |g: u16| -> String {
            match group_by {
                GroupBy::Nothing => "events".to_owned(),
                GroupBy::Kind => codes::KINDS[g as usize].as_str().to_owned(),
                GroupBy::Country => self.codes[g as usize].clone(),
            }
        };
        let mut out = Counts {
            buckets: buckets
                .into_iter()
                .map(|((b, g), n)| (bucket_day(interval, b), name(g), n))
                .collect(),
            coarser: coarser.into_iter().map(|(g, n)| (name(g), n)).collect(),
        };
        out.buckets.sort();
        out.coarser.sort();
        Some(out)
    }
}

/// The first day of a bucket from its number (a year, a month count, a Monday's day number).
fn bucket_day(interval: Interval, b: i32) -> NaiveDate {
    let day = match interval {
        Interval::Year => NaiveDate::from_ymd_opt(b, 1, 1),
        Interval::Month => NaiveDate::from_ymd_opt(b / 12, (b % 12) as u32 + 1, 1),
        Interval::Week => NaiveDate::from_num_days_from_ce_opt(b),
    };
    day.unwrap_or_default()
}
