//! The query parameters of each endpoint as one type each: serde reads the query string into
//! it and utoipa documents it, so a parameter is defined once, here.

use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::values::{Choice, CountryCode, Cursor, Period, ReportCursor, Whole, Word, Words};
use crate::api::fields::Fields;
use crate::extract::events::{EventKind, Status};

/// Events per page of the feed; more than [`super::MAX_LIMIT`] with `format=json` is a page
/// of that many.
pub type Limit = Whole<{ super::MAX_EXPORT_LIMIT }>;
/// Reports per page of one event.
pub type ReportLimit = Whole<{ super::MAX_LIMIT }>;
/// The largest `min_sources`.
pub type MinSources = Whole<1_000_000>;

/// The filters the feed and the histogram share. Every one narrows the events.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// Events whose interval overlaps the period from the first day of this one: YYYY,
    /// YYYY-MM or YYYY-MM-DD.
    #[param(inline, example = "2018-06")]
    pub from: Option<Period>,
    /// Events whose interval overlaps the period up to the last day of this one: YYYY,
    /// YYYY-MM or YYYY-MM-DD. A `to` before `from` is an empty period: no events.
    #[param(inline, example = "2018")]
    pub to: Option<Period>,
    /// ISO 3166 alpha-3 code of a participating country (any case). Repeatable: events with
    /// every one given among their participants (`country=RUS&country=CHN`).
    #[param(style = Form, explode, value_type = Option<Vec<CountryCode>>,
        example = json!(["RUS", "CHN"]))]
    pub country: Vec<CountryCode>,
    /// A participant's Wikidata id (Q7747) or English name (Vladimir Putin, any case).
    #[param(value_type = Option<String>)]
    pub participant: Option<Words>,
    /// The event's kind (of a contact, the most specific kind a report gave: a visit whose
    /// talks were also reported is a visit). Repeatable: events of any one of those given
    /// (`kind=visit&kind=summit`).
    #[param(style = Form, explode, value_type = Option<Vec<EventKind>>)]
    pub kind: Vec<Word<EventKind>>,
    /// Whether the event took place, is announced, or was called off.
    #[param(value_type = Option<Status>)]
    pub status: Option<Word<Status>>,
    /// The place's English name (any case), Wikidata id or ISO 3166 alpha-3 country code.
    #[param(value_type = Option<String>)]
    pub place: Option<Words>,
    /// Words that must all occur in a report's quote, matched after Arabic normalisation. A
    /// known person's or state's name alone, in English or Arabic (`Putin`, `بوتين`,
    /// `Russia`, `روسيا`), finds the events they take part in instead, as `participant` or
    /// `country` would (a person so only when `participant` is not given).
    #[param(value_type = Option<String>)]
    pub q: Option<Words>,
    /// At least this many distinct sources report the event.
    #[param(inline)]
    pub min_sources: Option<MinSources>,
}

/// The parameters of the feed besides its filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// Timeline order: `asc` oldest first (default), `desc` newest first.
    #[param(inline, value_type = Option<SortOrder>, default = json!("asc"))]
    pub order: Option<Word<SortOrder>>,
    /// Events per page, 1 to 10000: with `format=json` (default 50) a page holds at most 500
    /// and a larger `limit` is a page of 500; the exports take up to 10000 (default 1000).
    #[param(inline)]
    pub limit: Option<Limit>,
    /// Where the previous page ended: its `next_cursor`, a position in the timeline. The page
    /// starts after it, in the order asked for, among the events the filters give.
    #[param(inline)]
    pub cursor: Option<Cursor>,
    /// The shape of the answer: `json` a page of timeline entries (default), `timelinejs` a
    /// TimelineJS 3 timeline, `vis` vis-timeline items, `csv` a CSV file.
    #[param(inline, value_type = Option<FeedFormat>, default = json!("json"))]
    pub format: Option<Word<FeedFormat>>,
    /// With `format=csv`, `1` starts the file with a UTF-8 byte order mark, so that a
    /// spreadsheet (Excel above all) opens its Arabic as UTF-8; `0` (default) without.
    /// The other formats ignore it.
    #[param(inline, value_type = Option<CsvBom>, default = json!("0"))]
    pub bom: Option<Word<CsvBom>>,
    /// Which reports each entry carries: `first` (the default with `format=json`; every entry
    /// still has `evidence_count`, `article_count`, `source_count`) or `all` (the default of
    /// the exports). An event's every report is paged at `/api/v1/events/{id}`.
    #[param(inline, value_type = Option<FeedEvidence>)]
    pub evidence: Option<Word<FeedEvidence>>,
    /// With `format=json`, the parts of each entry to give, comma-separated
    /// (`fields=date,kind,participants`); `event_id` is always given. Every part when absent.
    /// The exports have their own columns and ignore it.
    #[param(inline, style = Form, explode = false, min_items = 1,
        value_type = Option<Vec<EntryField>>, example = json!(["date", "kind"]))]
    pub fields: Option<Fields>,
}

/// The parameters of the histogram besides its filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct HistogramParams {
    /// The width of a bucket: `year`, `month` (default) or ISO `week`.
    #[param(inline, value_type = Option<HistogramInterval>, default = json!("month"))]
    pub interval: Option<Word<HistogramInterval>>,
    /// Split each bucket by event kind or by participating country (an event counts once in
    /// each of its countries); one group, `events`, when absent.
    #[param(inline, value_type = Option<HistogramGroupBy>)]
    pub group_by: Option<Word<HistogramGroupBy>>,
}

/// Which page of one event's reports.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// Reports per page (50).
    #[param(inline)]
    pub limit: Option<ReportLimit>,
    /// The `next_cursor` of the previous page.
    #[param(inline)]
    pub cursor: Option<ReportCursor>,
}

/// The parameters of the undated events besides the filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct UndatedParams {
    /// Events per page, 1 to 500 (50).
    #[param(inline)]
    pub limit: Option<ReportLimit>,
    /// The `next_cursor` of the previous page.
    #[param(inline)]
    pub cursor: Option<ReportCursor>,
}

/// The parameters of the feeds for feed readers (`/feed.json`, `/feed.atom`).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ReaderFeedParams {
    /// The language of the titles and dates, and of the page the items link to: `en`
    /// (default) or `ar`. The quotes are Arabic, as the sources wrote them, in both.
    #[param(inline, value_type = Option<FeedLang>, default = json!("en"))]
    pub lang: Option<Word<FeedLang>>,
}

/// The language of a feed for feed readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedLang {
    En,
    Ar,
}

impl Choice for FeedLang {
    const EXPECTED: &'static str = "en (English) or ar (Arabic)";
}

/// Timeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

impl Choice for SortOrder {
    const EXPECTED: &'static str = "asc (oldest first) or desc (newest first)";
}

/// The shapes the feed comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedFormat {
    Json,
    Timelinejs,
    Vis,
    Csv,
}

impl Choice for FeedFormat {
    const EXPECTED: &'static str = "one of json, timelinejs, vis, csv";
}

/// Whether a CSV export starts with a UTF-8 byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
pub enum CsvBom {
    #[serde(rename = "0")]
    Without,
    #[serde(rename = "1")]
    With,
}

impl Choice for CsvBom {
    const EXPECTED: &'static str = "1 (a UTF-8 byte order mark first) or 0 (none)";
}

/// Which reports a feed entry carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedEvidence {
    First,
    All,
}

impl Choice for FeedEvidence {
    const EXPECTED: &'static str = "first (each event's first report) or all (every report)";
}

/// The width of a histogram bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum HistogramInterval {
    Year,
    Month,
    Week,
}

impl Choice for HistogramInterval {
    const EXPECTED: &'static str = "one of year, month, week";
}

/// What the bars of a histogram are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HistogramGroupBy {
    Kind,
    Country,
}

impl Choice for HistogramGroupBy {
    const EXPECTED: &'static str = "kind or country";
}

pub use crate::api::fields::EntryField;
