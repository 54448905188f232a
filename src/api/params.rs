//! Query strings → store filters. Each parameter is checked, and a bad one is named in the
//! error with the forms it accepts. Repeatable parameters (`country=RUS&country=CHN`) are why
//! this reads pairs instead of deserialising a struct.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Datelike, NaiveDate};

use super::error::ApiError;
use crate::extract::events::{EventKind, Status};
use crate::store::{Evidence, EvidencePage, Filter, GroupBy, Interval, Key, Order};

/// The parameters every filtered endpoint takes.
const FILTER_PARAMS: [&str; 9] = [
    "from",
    "to",
    "country",
    "participant",
    "kind",
    "status",
    "place",
    "q",
    "min_sources",
];

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;
/// Exports are read whole by charting tools: larger pages.
pub const DEFAULT_EXPORT_LIMIT: i64 = 1000;
pub const MAX_EXPORT_LIMIT: i64 = 10_000;

/// The shapes the feed comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    TimelineJs,
    Vis,
    Csv,
}

/// `GET /api/v1/events`.
#[derive(Debug, Clone)]
pub struct FeedQuery {
    pub filter: Filter,
    pub order: Order,
    pub limit: i64,
    pub after: Option<Key>,
    pub format: Format,
    /// `evidence=first` (the default of the JSON feed) or `all` (the default of exports).
    pub evidence: Evidence,
    /// The pairs as given, without `cursor`: the base of the next page's URL.
    pub pairs: Vec<(String, String)>,
}

/// `GET /api/v1/histogram`.
#[derive(Debug, Clone)]
pub struct HistogramQuery {
    pub filter: Filter,
    pub interval: Interval,
    pub group_by: GroupBy,
}

/// The pairs of a query string, each name one of `allowed`.
fn pairs(raw: Option<&str>, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.trim().to_owned()))
        .collect();
    for (name, _) in &pairs {
        if !allowed.contains(&name.as_str()) {
            return Err(ApiError::bad_param(
                name,
                format!(
                    "unknown parameter `{name}`; this endpoint takes {}",
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok(pairs)
}

/// The one value of a parameter that may be given once.
fn single<'a>(pairs: &'a [(String, String)], name: &str) -> Result<Option<&'a str>, ApiError> {
    let mut values = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
    let first = values.next();
    if values.next().is_some() {
        return Err(ApiError::bad_param(
            name,
            format!("`{name}` is given more than once; give it once"),
        ));
    }
    Ok(first.map(String::as_str))
}

fn all<'a>(pairs: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    pairs
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A word from a closed list, by its serde name.
fn word<T: serde::de::DeserializeOwned>(
    name: &str,
    value: &str,
    accepted: &str,
) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).map_err(|_| {
        ApiError::bad_param(name, format!("{name}: `{value}` is not one of {accepted}"))
    })
}

/// A partial date (2022, 2022-09, 2022-09-15) as its first and last day.
pub fn partial_date(name: &str, value: &str) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let bad = || {
        ApiError::bad_param(
            name,
            format!(
                "{name}: `{value}` is not a date; use YYYY, YYYY-MM or YYYY-MM-DD \
                 (2022, 2022-09, 2022-09-15)"
            ),
        )
    };
    let numbers: Vec<&str> = value.split('-').collect();
    let parse = |s: &str, len: usize| -> Result<u32, ApiError> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = parse(numbers[0], 4)? as i32;
    match numbers[1..] {
        [] => Ok((
            NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?,
            NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?,
        )),
        [m] => {
            let first = NaiveDate::from_ymd_opt(year, parse(m, 2)?, 1).ok_or_else(bad)?;
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .ok_or_else(bad)?;
            Ok((first, next.pred_opt().ok_or_else(bad)?))
        }
        [m, d] => {
            let day =
                NaiveDate::from_ymd_opt(year, parse(m, 2)?, parse(d, 2)?).ok_or_else(|| {
                    ApiError::bad_param(
                        name,
                        format!("{name}: `{value}` is not a day of the calendar"),
                    )
                })?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}

fn positive(name: &str, value: &str, max: i64) -> Result<i64, ApiError> {
    match value.parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(ApiError::bad_param(
            name,
            format!("{name}: `{value}` is not a whole number from 1 to {max}"),
        )),
    }
}

/// The filter parameters among `pairs`.
fn filter(pairs: &[(String, String)]) -> Result<Filter, ApiError> {
    let mut f = Filter::default();
    if let Some(v) = single(pairs, "from")? {
        f.from = Some(partial_date("from", v)?.0);
    }
    if let Some(v) = single(pairs, "to")? {
        f.to = Some(partial_date("to", v)?.1);
    }
    if let (Some(from), Some(to)) = (f.from, f.to)
        && from > to
    {
        return Err(ApiError::bad_param(
            "to",
            format!("to: the period ends ({to}) before it starts ({from})"),
        ));
    }
    for v in all(pairs, "country") {
        if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(ApiError::bad_param(
                "country",
                format!("country: `{v}` is not an ISO 3166 alpha-3 code such as RUS or CHN"),
            ));
        }
        let code = v.to_ascii_uppercase();
        if !f.countries.contains(&code) {
            f.countries.push(code);
        }
    }
    f.participant = single(pairs, "participant")?
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    for v in all(pairs, "kind") {
        let kind: EventKind = word(
            "kind",
            v,
            "meeting, visit, summit, call, agreement, military, statement, other",
        )?;
        if !f.kinds.contains(&kind) {
            f.kinds.push(kind);
        }
    }
    if let Some(v) = single(pairs, "status")? {
        f.status = Some(word::<Status>("status", v, "held, announced, cancelled")?);
    }
    f.place = single(pairs, "place")?
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    f.q = single(pairs, "q")?
        .filter(|v| !v.is_empty())
        .map(str::to_owned);
    if let Some(v) = single(pairs, "min_sources")? {
        f.min_sources = Some(positive("min_sources", v, 1_000_000)?);
    }
    Ok(f)
}

impl FeedQuery {
    pub fn parse(raw: Option<&str>) -> Result<FeedQuery, ApiError> {
        let mut allowed = FILTER_PARAMS.to_vec();
        allowed.extend(["order", "limit", "cursor", "format", "evidence"]);
        let pairs = pairs(raw, &allowed)?;
        let filter = filter(&pairs)?;
        let order = match single(&pairs, "order")? {
            None | Some("asc") => Order::Asc,
            Some("desc") => Order::Desc,
            Some(v) => {
                return Err(ApiError::bad_param(
                    "order",
                    format!("order: `{v}` is not asc (oldest first) or desc (newest first)"),
                ));
            }
        };
        let format = match single(&pairs, "format")? {
            None | Some("json") => Format::Json,
            Some("timelinejs") => Format::TimelineJs,
            Some("vis") => Format::Vis,
            Some("csv") => Format::Csv,
            Some(v) => {
                return Err(ApiError::bad_param(
                    "format",
                    format!("format: `{v}` is not one of json, timelinejs, vis, csv"),
                ));
            }
        };
        let (default, max) = match format {
            Format::Json => (DEFAULT_LIMIT, MAX_LIMIT),
            _ => (DEFAULT_EXPORT_LIMIT, MAX_EXPORT_LIMIT),
        };
        let limit = match single(&pairs, "limit")? {
            Some(v) => positive("limit", v, max)?,
            None => default,
        };
        let evidence = match single(&pairs, "evidence")? {
            None if format == Format::Json => Evidence::First,
            None | Some("all") => Evidence::All,
            Some("first") => Evidence::First,
            Some(v) => {
                return Err(ApiError::bad_param(
                    "evidence",
                    format!(
                        "evidence: `{v}` is not first (each event's first report) or all \
                         (every report)"
                    ),
                ));
            }
        };
        let after = match single(&pairs, "cursor")? {
            Some(v) => Some(decode_cursor(v, &filter, order)?),
            None => None,
        };
        let pairs = pairs.into_iter().filter(|(k, _)| k != "cursor").collect();
        Ok(FeedQuery {
            filter,
            order,
            limit,
            after,
            format,
            evidence,
            pairs,
        })
    }

    /// The query string of the page after `last`.
    pub fn next_query(&self, last: Key) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            s.append_pair(k, v);
        }
        s.append_pair("cursor", &encode_cursor(last, &self.filter, self.order));
        s.finish()
    }
}

/// `GET /api/v1/events/{id}`: which page of its reports.
pub fn evidence_page(raw: Option<&str>) -> Result<EvidencePage, ApiError> {
    let pairs = pairs(raw, &["limit", "cursor"])?;
    let limit = match single(&pairs, "limit")? {
        Some(v) => positive("limit", v, MAX_LIMIT)?,
        None => DEFAULT_LIMIT,
    };
    let after = match single(&pairs, "cursor")? {
        None => None,
        Some(v) => Some(v.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            ApiError::bad_param(
                "cursor",
                format!("cursor: `{v}` is not a cursor; pass the next_cursor of the previous page"),
            )
        })?),
    };
    Ok(EvidencePage { after, limit })
}

impl HistogramQuery {
    pub fn parse(raw: Option<&str>) -> Result<HistogramQuery, ApiError> {
        let mut allowed = FILTER_PARAMS.to_vec();
        allowed.extend(["interval", "group_by"]);
        let pairs = pairs(raw, &allowed)?;
        let interval = match single(&pairs, "interval")? {
            None | Some("month") => Interval::Month,
            Some("year") => Interval::Year,
            Some("week") => Interval::Week,
            Some(v) => {
                return Err(ApiError::bad_param(
                    "interval",
                    format!("interval: `{v}` is not one of year, month, week"),
                ));
            }
        };
        let group_by = match single(&pairs, "group_by")? {
            None | Some("") => GroupBy::Nothing,
            Some("kind") => GroupBy::Kind,
            Some("country") => GroupBy::Country,
            Some(v) => {
                return Err(ApiError::bad_param(
                    "group_by",
                    format!("group_by: `{v}` is not kind or country"),
                ));
            }
        };
        Ok(HistogramQuery {
            filter: filter(&pairs)?,
            interval,
            group_by,
        })
    }
}

/// A short fingerprint of what a page lists, so that a cursor is not used with other filters.
fn fingerprint(filter: &Filter, order: Order) -> String {
    let h = blake3::hash(format!("{filter:?}{order:?}").as_bytes());
    h.to_hex()[..8].to_owned()
}

/// The opaque cursor: where the page ended, for which query. Its layout is not an interface.
pub fn encode_cursor(k: Key, filter: &Filter, order: Order) -> String {
    let plain = format!(
        "1.{}.{}.{}.{}",
        k.earliest.num_days_from_ce(),
        k.latest.num_days_from_ce(),
        k.event_id,
        fingerprint(filter, order)
    );
    URL_SAFE_NO_PAD.encode(plain)
}

fn decode_cursor(cursor: &str, filter: &Filter, order: Order) -> Result<Key, ApiError> {
    let bad = |why: &str| {
        ApiError::bad_param(
            "cursor",
            format!("cursor: {why}; use the next_cursor of a previous page, or leave it out"),
        )
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| bad("not a cursor this service made"))?;
    let plain = String::from_utf8(bytes).map_err(|_| bad("not a cursor this service made"))?;
    let parts: Vec<&str> = plain.split('.').collect();
    let [_version @ "1", earliest, latest, id, print] = parts[..] else {
        return Err(bad("not a cursor this service made"));
    };
    if print != fingerprint(filter, order) {
        return Err(bad(
            "it belongs to a query with other filters or another order",
        ));
    }
    let day = |s: &str| {
        s.parse::<i32>()
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or_else(|| bad("not a cursor this service made"))
    };
    Ok(Key {
        earliest: day(earliest)?,
        latest: day(latest)?,
        event_id: id
            .parse()
            .map_err(|_| bad("not a cursor this service made"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_period() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("2022", "2022-01-01", "2022-12-31"),
            ("2022-09", "2022-09-01", "2022-09-30"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2022-12", "2022-12-01", "2022-12-31"),
            ("2022-09-15", "2022-09-15", "2022-09-15"),
        ];
        for (text, first, last) in cases {
            assert_eq!(
                partial_date("from", text).unwrap(),
                (d(first), d(last)),
                "{text}"
            );
        }
        for bad in [
            "2024-13",
            "22",
            "2022-9",
            "2022-02-30",
            "2022-09-15-1",
            "",
            "x",
        ] {
            assert!(partial_date("from", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_cursor_only_continues_its_own_query() {
        let q = FeedQuery::parse(Some("country=RUS&country=CHN&limit=2")).unwrap();
        let key = Key {
            earliest: NaiveDate::from_ymd_opt(2018, 6, 8).unwrap(),
            latest: NaiveDate::from_ymd_opt(2018, 6, 8).unwrap(),
            event_id: 7,
        };
        let next = q.next_query(key);
        assert!(next.starts_with("country=RUS&country=CHN&limit=2&cursor="));
        let again = FeedQuery::parse(Some(&next)).unwrap();
        assert_eq!(again.after, Some(key));
        let cursor = next.rsplit('=').next().unwrap();
        let other = FeedQuery::parse(Some(&format!("country=RUS&cursor={cursor}")));
        assert!(matches!(other, Err(ApiError::BadParam { .. })));
        let desc = FeedQuery::parse(Some(&format!("{next}&order=desc")));
        assert!(matches!(desc, Err(ApiError::BadParam { .. })));
        assert!(FeedQuery::parse(Some("cursor=bm9uc2Vuc2U")).is_err());
    }

    #[test]
    fn parameters_are_checked() {
        let bad = [
            ("from=2024-13", "from"),
            ("to=2020&from=2021", "to"),
            ("country=Russia", "country"),
            ("kind=party", "kind"),
            ("status=maybe", "status"),
            ("limit=0", "limit"),
            ("limit=501", "limit"),
            ("min_sources=-1", "min_sources"),
            ("order=up", "order"),
            ("format=xml", "format"),
            ("countries=RUS", "countries"),
            ("from=2020&from=2021", "from"),
        ];
        for (query, param) in bad {
            match FeedQuery::parse(Some(query)) {
                Err(ApiError::BadParam { param: p, .. }) => assert_eq!(p, param, "{query}"),
                other => panic!("{query}: {other:?}"),
            }
        }
        let q = FeedQuery::parse(Some("country=rus&country=CHN&kind=visit&limit=500")).unwrap();
        assert_eq!(q.filter.countries, ["RUS", "CHN"]);
        assert_eq!(q.filter.kinds, [EventKind::Visit]);
        assert_eq!(q.limit, 500);
        assert_eq!(
            FeedQuery::parse(Some("format=csv&limit=10000"))
                .unwrap()
                .limit,
            10_000
        );
    }
}
