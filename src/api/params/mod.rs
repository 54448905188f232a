//! Query strings → what the store takes. Each endpoint's parameters are documented types
//! ([`types`]) that serde reads the query string into (repeated keys such as
//! `country=RUS&country=CHN` through serde_html_form), each value checked as it is read
//! ([`values`]); the conversions below only assemble them. A bad parameter is named in the
//! problem (`param`) with the forms it accepts, and a name no type documents is refused.

pub mod types;
pub mod values;

use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use utoipa::IntoParams;
use utoipa::openapi::path::{Parameter, ParameterIn};

use super::error::ApiError;
use super::fields::{EntryField, Fields};
use crate::extract::lexicon::gazetteer::{Named, named};
use crate::render::Lang;
use crate::store::{Evidence, EvidencePage, Filter, GroupBy, Interval, Key, Order};
use types::{
    CsvBom, FeedEvidence, FeedFormat, FeedLang, FeedParams, FilterParams, HistogramGroupBy,
    HistogramInterval, HistogramParams, ReaderFeedParams, ReportParams, SortOrder, UndatedParams,
};
use values::Cursor;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;
/// Exports are read whole by charting tools: larger pages.
pub const DEFAULT_EXPORT_LIMIT: i64 = 1000;
pub const MAX_EXPORT_LIMIT: i64 = 10_000;

/// `GET /api/v1/events`.
#[derive(Debug, Clone)]
pub struct FeedQuery {
    pub filter: Filter,
    pub order: Order,
    pub limit: i64,
    pub after: Option<Key>,
    pub format: FeedFormat,
    /// `bom=1`: a CSV export starts with a UTF-8 byte order mark.
    pub bom: bool,
    /// `evidence=first` (the default of the JSON feed) or `all` (the default of exports);
    /// none when `fields` leaves the reports out.
    pub evidence: Evidence,
    /// The parts of each entry (`format=json`); every part when `None`.
    pub fields: Option<Fields>,
    /// The pairs as given, without `cursor`: the base of the next page's URL.
    pub pairs: Vec<(String, String)>,
}

/// `GET /api/v1/events/undated`.
#[derive(Debug, Clone)]
pub struct UndatedQuery {
    /// The filters; `from` and `to` are read (and checked) but an undated event has no period.
    pub filter: Filter,
    pub limit: i64,
    /// The last event of the previous page.
    pub after: Option<i64>,
    /// The pairs as given, without `cursor`.
    pub pairs: Vec<(String, String)>,
}

/// `GET /api/v1/histogram`.
#[derive(Debug, Clone)]
pub struct HistogramQuery {
    pub filter: Filter,
    pub interval: Interval,
    pub group_by: GroupBy,
}

/// The names of the parameters documented by `params`.
fn names(params: &[Vec<Parameter>]) -> Vec<String> {
    params.iter().flatten().map(|p| p.name.clone()).collect()
}

fn query() -> Option<ParameterIn> {
    Some(ParameterIn::Query)
}

static FEED: LazyLock<Vec<String>> = LazyLock::new(|| {
    names(&[
        FilterParams::into_params(query),
        FeedParams::into_params(query),
    ])
});
static HISTOGRAM: LazyLock<Vec<String>> = LazyLock::new(|| {
    names(&[
        FilterParams::into_params(query),
        HistogramParams::into_params(query),
    ])
});
static REPORTS: LazyLock<Vec<String>> =
    LazyLock::new(|| names(&[ReportParams::into_params(query)]));
static UNDATED: LazyLock<Vec<String>> = LazyLock::new(|| {
    names(&[
        FilterParams::into_params(query),
        UndatedParams::into_params(query),
    ])
});
static READER_FEED: LazyLock<Vec<String>> =
    LazyLock::new(|| names(&[ReaderFeedParams::into_params(query)]));

/// Refuses a parameter none of `known` names.
fn only(raw: &str, known: &[String]) -> Result<(), ApiError> {
    for (name, _) in form_urlencoded::parse(raw.as_bytes()) {
        if !known.iter().any(|k| *k == name) {
            return Err(ApiError::bad_param(
                &name,
                format!(
                    "unknown parameter `{name}`; this endpoint takes {}",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// The parameters `T` documents, read from the query string; the others are left to the
/// other type of the endpoint.
fn read<T: DeserializeOwned>(raw: &str) -> Result<T, ApiError> {
    let query = serde_html_form::Deserializer::new(form_urlencoded::parse(raw.as_bytes()));
    serde_path_to_error::deserialize(query).map_err(|e| {
        let param = match e.path().iter().next() {
            Some(Segment::Map { key }) => key.clone(),
            _ => String::new(),
        };
        ApiError::bad_param(&param, format!("{param}: {}", e.inner()))
    })
}

impl From<FilterParams> for Filter {
    fn from(p: FilterParams) -> Filter {
        let mut countries: Vec<String> = Vec::new();
        for code in p.country {
            if !countries.contains(&code.0) {
                countries.push(code.0);
            }
        }
        let mut kinds = Vec::new();
        for kind in p.kind {
            if !kinds.contains(&kind.0) {
                kinds.push(kind.0);
            }
        }
        let mut participant = p.participant.and_then(|w| w.given());
        let mut q = p.q.and_then(|w| w.given());
        // A search that is a known name, in English or Arabic, is that participant: the
        // quotes are Arabic and often name him by his office alone.
        match q.as_deref().map(named) {
            // By name: a report that found him without a Wikidata id counts too.
            Some(Some(Named::Person { name, .. })) if participant.is_none() => {
                participant = Some(name.to_owned());
                q = None;
            }
            Some(Some(Named::State(code))) => {
                if !countries.iter().any(|c| c == code) {
                    countries.push(code.to_owned());
                }
                q = None;
            }
            _ => {}
        }
        Filter {
            from: p.from.map(|p| p.first),
            to: p.to.map(|p| p.last),
            countries,
            participant,
            kinds,
            status: p.status.map(|w| w.0),
            place: p.place.and_then(|w| w.given()),
            q,
            min_sources: p.min_sources.map(|n| n.0),
        }
    }
}

impl From<SortOrder> for Order {
    fn from(o: SortOrder) -> Order {
        match o {
            SortOrder::Asc => Order::Asc,
            SortOrder::Desc => Order::Desc,
        }
    }
}

impl From<HistogramInterval> for Interval {
    fn from(i: HistogramInterval) -> Interval {
        match i {
            HistogramInterval::Year => Interval::Year,
            HistogramInterval::Month => Interval::Month,
            HistogramInterval::Week => Interval::Week,
        }
    }
}

impl From<Option<HistogramGroupBy>> for GroupBy {
    fn from(g: Option<HistogramGroupBy>) -> GroupBy {
        match g {
            None => GroupBy::Nothing,
            Some(HistogramGroupBy::Kind) => GroupBy::Kind,
            Some(HistogramGroupBy::Country) => GroupBy::Country,
        }
    }
}

impl FeedQuery {
    pub fn parse(raw: Option<&str>) -> Result<FeedQuery, ApiError> {
        let raw = raw.unwrap_or("");
        only(raw, &FEED)?;
        let filter: FilterParams = read(raw)?;
        let feed: FeedParams = read(raw)?;
        let format = feed.format.map_or(FeedFormat::Json, |w| w.0);
        let (default, max) = match format {
            FeedFormat::Json => (DEFAULT_LIMIT, MAX_LIMIT),
            _ => (DEFAULT_EXPORT_LIMIT, MAX_EXPORT_LIMIT),
        };
        let fields = feed.fields.filter(|_| format == FeedFormat::Json);
        let evidence = match (feed.evidence.map(|w| w.0), format) {
            _ if fields
                .as_ref()
                .is_some_and(|f| !f.has(EntryField::Evidence)) =>
            {
                Evidence::Counts
            }
            (Some(FeedEvidence::First), _) | (None, FeedFormat::Json) => Evidence::First,
            (Some(FeedEvidence::All), _) | (None, _) => Evidence::All,
        };
        let pairs = form_urlencoded::parse(raw.as_bytes())
            .filter(|(k, _)| k != "cursor")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Ok(FeedQuery {
            filter: filter.into(),
            order: feed.order.map_or(Order::Asc, |w| w.0.into()),
            limit: feed.limit.map_or(default, |n| n.0.min(max)),
            after: feed.cursor.map(|c| c.0),
            format,
            bom: feed.bom.is_some_and(|w| w.0 == CsvBom::With),
            evidence,
            fields,
            pairs,
        })
    }

    /// The query string of the page after `last`.
    pub fn next_query(&self, last: Key) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            s.append_pair(k, v);
        }
        s.append_pair("cursor", &Cursor(last).to_string());
        s.finish()
    }
}

impl UndatedQuery {
    pub fn parse(raw: Option<&str>) -> Result<UndatedQuery, ApiError> {
        let raw = raw.unwrap_or("");
        only(raw, &UNDATED)?;
        let filter: FilterParams = read(raw)?;
        let page: UndatedParams = read(raw)?;
        let mut filter: Filter = filter.into();
        (filter.from, filter.to) = (None, None);
        Ok(UndatedQuery {
            filter,
            limit: page.limit.map_or(DEFAULT_LIMIT, |n| n.0),
            after: page.cursor.map(|c| c.0),
            pairs: form_urlencoded::parse(raw.as_bytes())
                .filter(|(k, _)| k != "cursor")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        })
    }

    /// The query string of the page after the event `last`.
    pub fn next_query(&self, last: i64) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.pairs {
            s.append_pair(k, v);
        }
        s.append_pair("cursor", &last.to_string());
        s.finish()
    }
}

impl HistogramQuery {
    pub fn parse(raw: Option<&str>) -> Result<HistogramQuery, ApiError> {
        let raw = raw.unwrap_or("");
        only(raw, &HISTOGRAM)?;
        let filter: FilterParams = read(raw)?;
        let histogram: HistogramParams = read(raw)?;
        Ok(HistogramQuery {
            filter: filter.into(),
            interval: histogram.interval.map_or(Interval::Month, |w| w.0.into()),
            group_by: histogram.group_by.map(|w| w.0).into(),
        })
    }
}

/// `GET /api/v1/events/{id}`: which page of its reports.
pub fn evidence_page(raw: Option<&str>) -> Result<EvidencePage, ApiError> {
    let raw = raw.unwrap_or("");
    only(raw, &REPORTS)?;
    let page: ReportParams = read(raw)?;
    Ok(EvidencePage {
        after: page.cursor.map(|c| c.0),
        limit: page.limit.map_or(DEFAULT_LIMIT, |n| n.0),
    })
}

/// `GET /feed.json`, `GET /feed.atom`: the language of the feed.
pub fn feed_lang(raw: Option<&str>) -> Result<Lang, ApiError> {
    let raw = raw.unwrap_or("");
    only(raw, &READER_FEED)?;
    let p: ReaderFeedParams = read(raw)?;
    Ok(match p.lang.map(|w| w.0) {
        None | Some(FeedLang::En) => Lang::En,
        Some(FeedLang::Ar) => Lang::Ar,
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::extract::events::EventKind;

    #[test]
    fn a_cursor_continues_after_its_position() {
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
        assert_eq!(again.filter, q.filter);
        assert!(FeedQuery::parse(Some("cursor=bm9uc2Vuc2U")).is_err());
    }

    #[test]
    fn parameters_are_checked() {
        let bad = [
            ("from=2024-13", "from"),
            ("to=2022-02-29", "to"),
            ("country=Russia", "country"),
            ("country=RUS&country=x", "country"),
            ("kind=party", "kind"),
            ("status=maybe", "status"),
            ("limit=0", "limit"),
            ("limit=10001", "limit"),
            ("min_sources=-1", "min_sources"),
            ("order=up", "order"),
            ("format=xml", "format"),
            ("evidence=some", "evidence"),
            ("fields=date,quotes", "fields"),
            ("countries=RUS", "countries"),
            ("from=2020&from=2021", "from"),
        ];
        for (query, param) in bad {
            match FeedQuery::parse(Some(query)) {
                Err(ApiError::BadParam { param: p, detail }) => {
                    assert_eq!(p, param, "{query}: {detail}");
                    assert!(detail.contains(param), "{detail}");
                }
                other => panic!("{query}: {other:?}"),
            }
        }
        let q = FeedQuery::parse(Some(
            "country=rus&country=CHN&country=RUS&kind=visit&limit=500",
        ))
        .unwrap();
        assert_eq!(q.filter.countries, ["RUS", "CHN"]);
        assert_eq!(q.filter.kinds, [EventKind::Visit]);
        assert_eq!(q.limit, 500);
        assert_eq!(FeedQuery::parse(Some("limit=501")).unwrap().limit, 500);
        let csv = FeedQuery::parse(Some("format=csv&limit=10000")).unwrap();
        assert_eq!((csv.limit, csv.evidence), (10_000, Evidence::All));
        let q = FeedQuery::parse(Some("fields=date,kind&q=+&participant=")).unwrap();
        assert_eq!(q.evidence, Evidence::Counts);
        assert_eq!((q.filter.q, q.filter.participant), (None, None));
        // A period that ends before it starts is empty, not an error.
        assert!(FeedQuery::parse(Some("from=2021&to=2020")).is_ok());
    }

    #[test]
    fn the_histogram_and_an_events_reports_take_their_own() {
        let h = HistogramQuery::parse(Some("interval=week&group_by=country&kind=visit")).unwrap();
        assert_eq!((h.interval, h.group_by), (Interval::Week, GroupBy::Country));
        for (query, param) in [("interval=day", "interval"), ("order=asc", "order")] {
            match HistogramQuery::parse(Some(query)) {
                Err(ApiError::BadParam { param: p, .. }) => assert_eq!(p, param, "{query}"),
                other => panic!("{query}: {other:?}"),
            }
        }
        let page = evidence_page(Some("limit=7&cursor=12")).unwrap();
        assert_eq!((page.limit, page.after), (7, Some(12)));
        assert!(evidence_page(Some("limit=501")).is_err());
        assert!(evidence_page(Some("cursor=x")).is_err());
        assert!(evidence_page(Some("kind=visit")).is_err());
        assert_eq!(feed_lang(None).unwrap(), Lang::En);
        assert_eq!(feed_lang(Some("lang=ar")).unwrap(), Lang::Ar);
        for query in ["lang=fr", "kind=visit"] {
            assert!(feed_lang(Some(query)).is_err(), "{query}");
        }
    }
}
