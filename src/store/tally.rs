//! Every dated event's date, precision, kind, status, source count and countries, packed in
//! memory (16 bytes an event, plus 2 per country): a histogram over a million events is one
//! pass over an array in milliseconds, where SQLite needs a second to group the same rows.
//!
//! The tally answers the filters it holds (period, countries, kinds, status, sources); a
//! filter on participants, places or words goes to SQL. It is a snapshot: the API rebuilds
//! it after writes and uses SQL while it is stale.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use super::histogram::{Counts, GroupBy, Interval};
use super::{Filter, codes};

/// The select list of an event's precision, kind and status as their places in the code
/// tables, as [`Tally::push`] takes them: SQL generated from the tables (no input), the same on
/// both backends.
pub(super) fn word_codes_sql() -> String {
    let case = |column: &str, words: &mut dyn Iterator<Item = &'static str>| {
        let mut sql = format!("case {column}");
        for (i, w) in words.enumerate() {
            sql.push_str(&format!(" when '{w}' then {i}"));
        }
        sql + " else 0 end"
    };
    format!(
        "{}, {}, {}",
        case("precision", &mut codes::PRECISIONS.iter().map(|p| p.1)),
        case("kind", &mut codes::KINDS.iter().map(|k| k.as_str())),
        case("status", &mut codes::STATUSES.iter().map(|s| s.1)),
    )
}

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

impl Tally {
    /// Adds a dated event: its first day (days from the common era), the days to its last,
    /// its precision, kind and status (their places in the code tables) and source count. Its
    /// countries follow ([`Tally::push_country`]).
    pub(super) fn push(&mut self, earliest: i32, span: i64, words: [u8; 3], sources: i64) {
        let first = NaiveDate::from_num_days_from_ce_opt(earliest).unwrap_or_default();
        let [precision, kind, status] = words;
        self.rows.push(Row {
            earliest,
            span: span.clamp(0, u16::MAX as i64) as u16,
            month: (first.year().max(0) as u32 * 12 + first.month0()) as u16,
            precision,
            kind,
            status,
            sources: sources.clamp(0, MAX_SOURCES) as u8,
            countries_at: self.countries.len() as u32,
        });
    }

    /// Adds a country to the event pushed last (in country order).
    pub(super) fn push_country(&mut self, country: &str) {
        let cid = self.country_id(country);
        self.countries.push(cid);
    }

    /// The id of a country code, given it on first sight.
    pub(super) fn country_id(&mut self, country: &str) -> u16 {
        match self.ids.get(country) {
            Some(cid) => *cid,
            None => {
                let cid = self.codes.len() as u16;
                self.codes.push(country.to_owned());
                self.ids.insert(country.to_owned(), cid);
                cid
            }
        }
    }

    /// Where the countries of event `i` start.
    pub(super) fn set_countries_at(&mut self, i: usize, at: usize) {
        self.rows[i].countries_at = at as u32;
    }

    /// How many country entries it holds.
    pub(super) fn countries_len(&self) -> usize {
        self.countries.len()
    }

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
