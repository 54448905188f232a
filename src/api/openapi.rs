//! The OpenAPI 3.1 document of the API, served at `/openapi.json`: generated from the
//! handlers' `#[utoipa::path]` attributes and the `ToSchema` types of their bodies.
//!
//! Query strings are read by hand in [`super::params`] (repeatable parameters), so the
//! parameter structs and enums here only describe them; nothing parses into them.

use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, Modify, OpenApi, PartialSchema, ToResponse, ToSchema};

use super::documents::{ExtractRequest, Extracted, Ingested, NewArticle};
use super::error::Problem;
use super::events::FeedPage;
use super::export::{
    JsonFeed, JsonFeedItem, TimelineJs, TimelineJsDate, TimelineJsEvent, TimelineJsText, VisItem,
};
use super::histogram::{Histogram, Outside};
use super::meta::Health;
use super::{documents, events, meta};
use crate::extract::events::{Event, EventDate, EventKind, Participant, Place, Precision, Status};
use crate::extract::{Mode, Timex, TimexMod, TimexType};
use crate::store::detail::{Disagreement, EventSpan, EvidenceDetail, TimexSpan};
use crate::store::{DocumentDetail, EventDetail, EvidenceQuote, TimelineEntry};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "tarikh",
        version = env!("CARGO_PKG_VERSION"),
        description = "Dated events read from Arabic news: who met whom, where and when, and \
            the sentences that say so, as a timeline.\n\n\
            **Offsets.** Every span (`start`/`end`, `sentence_start`/`sentence_end`, \
            `trigger_start`/`trigger_end`, `date_start`/`date_end`) counts Unicode code \
            points (not bytes, not UTF-16 units) into the original text as it was sent, end \
            exclusive.\n\n\
            **Dates.** An event's date is a TimeML value (`2018-06-08`, `2022-W37`, `2016-SU`) \
            with the first and last calendar day it can mean (`earliest`, `latest`) and its \
            `precision`.\n\n\
            **Errors** are `application/problem+json` (RFC 9457) whose `detail` says what to \
            fix. **Reads** carry an `ETag`; send it back as `If-None-Match` to get a 304."
    ),
    servers((url = "/", description = "This server")),
    paths(
        events::feed,
        events::one,
        events::histogram,
        documents::create,
        documents::one,
        documents::extract_only,
        meta::json_feed,
        meta::atom_feed,
        meta::healthz,
        meta::metrics,
        meta::openapi,
    ),
    components(
        schemas(
            FeedPage, FeedBody, TimelineEntry, EvidenceQuote, EventDetail, EvidenceDetail,
            Disagreement, DocumentDetail, TimexSpan, EventSpan, Histogram, NewArticle,
            Ingested, ExtractRequest, Extracted, Timex, TimexType, TimexMod, Mode, Event,
            EventDate, EventKind, Status, Precision, Participant, Place, TimelineJs,
            TimelineJsEvent, TimelineJsDate, TimelineJsText, VisItem, JsonFeed, JsonFeedItem,
            Health, Problem, Outside, CountryCode,
        ),
        responses(
            NotModified, BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed,
            PayloadTooLarge, UnsupportedMediaType, Unprocessable, TooManyRequests,
            Unavailable, ServerError,
        ),
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "events", description = "The timeline: the feed and its exports, one event, the histogram"),
        (name = "documents", description = "Articles: ingest one, read one back, extract without storing"),
        (name = "feeds", description = "The newest events for feed readers"),
        (name = "service", description = "Health, metrics and this document"),
    ),
)]
pub struct ApiDoc;

/// The document served at `/openapi.json`.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `bearer`: the token the server was started with (`TARIKH_TOKEN`), for writes.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "The token the server was started with (TARIKH_TOKEN); without one, writing is \
                 disabled and answers 403.",
            ))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

// ---------------------------------------------------------------------------------------------
// Query parameters

/// The filters the feed and the histogram share. Every one narrows the events.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// Events whose interval overlaps the period from the first day of this one: YYYY,
    /// YYYY-MM or YYYY-MM-DD.
    #[param(
        pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$",
        example = "2018-06"
    )]
    pub from: Option<String>,
    /// Events whose interval overlaps the period up to the last day of this one: YYYY,
    /// YYYY-MM or YYYY-MM-DD; not before `from`.
    #[param(
        pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$",
        example = "2018"
    )]
    pub to: Option<String>,
    /// ISO 3166 alpha-3 code of a participating country (any case). Repeatable: events with
    /// every one given among their participants (`country=RUS&country=CHN`).
    #[param(style = Form, explode, value_type = Option<Vec<CountryCode>>,
        example = json!(["RUS", "CHN"]))]
    pub country: Option<Vec<String>>,
    /// A participant's Wikidata id (Q7747) or English name (Vladimir Putin, any case).
    pub participant: Option<String>,
    /// The event's kind (of a contact, the most specific kind a report gave: a visit whose
    /// talks were also reported is a visit). Repeatable: events of any one of those given
    /// (`kind=visit&kind=summit`).
    #[param(style = Form, explode)]
    pub kind: Option<Vec<EventKind>>,
    /// Whether the event took place, is announced, or was called off.
    pub status: Option<Status>,
    /// The place's English name (any case), Wikidata id or ISO 3166 alpha-3 country code.
    pub place: Option<String>,
    /// Words that must all occur in a report's quote, matched after Arabic normalisation.
    pub q: Option<String>,
    /// At least this many distinct sources report the event.
    #[param(minimum = 1, maximum = 1_000_000)]
    pub min_sources: Option<i64>,
}

/// The parameters of the feed besides its filters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// Timeline order: `asc` oldest first (default), `desc` newest first.
    #[param(inline, default = json!("asc"))]
    pub order: Option<SortOrder>,
    /// Events per page: 1 to 500 with `format=json` (default 50), 1 to 10000 for the
    /// exports (default 1000).
    #[param(minimum = 1, maximum = 10_000)]
    pub limit: Option<i64>,
    /// Where the previous page ended: its `next_cursor`. Opaque (URL-safe base64); it only
    /// continues a query with the same filters and order, and any other is a 400.
    #[param(pattern = r"^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
    /// The shape of the answer: `json` a page of timeline entries (default), `timelinejs` a
    /// TimelineJS 3 timeline, `vis` vis-timeline items, `csv` a CSV file.
    #[param(inline, default = json!("json"))]
    pub format: Option<FeedFormat>,
    /// Which reports each entry carries: `first` (the default with `format=json`; every entry
    /// still has `evidence_count`, `article_count`, `source_count`) or `all` (the default of
    /// the exports). An event's every report is paged at `/api/v1/events/{id}`.
    #[param(inline)]
    pub evidence: Option<FeedEvidence>,
}

/// Which reports a feed entry carries.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedEvidence {
    First,
    All,
}

/// The parameters of the histogram besides its filters.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistogramParams {
    /// The width of a bucket: `year`, `month` (default) or ISO `week`.
    #[param(inline, default = json!("month"))]
    pub interval: Option<HistogramInterval>,
    /// Split each bucket by event kind or by participating country (an event counts once in
    /// each of its countries); one group, `events`, when absent.
    #[param(inline)]
    pub group_by: Option<HistogramGroupBy>,
}

/// `If-None-Match` on the reads: a 304 instead of the body when the `ETag` is unchanged.
#[derive(IntoParams)]
#[into_params(names("If-None-Match"), parameter_in = Header)]
pub struct IfNoneMatch(
    /// An `ETag` of an earlier answer to the same request (or a list of them, or `*`).
    pub Option<String>,
);

/// An ISO 3166 alpha-3 country code, any case (`RUS`, `chn`).
pub struct CountryCode;

impl PartialSchema for CountryCode {
    fn schema() -> RefOr<Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[A-Za-z]{3}$"))
            .into()
    }
}

impl ToSchema for CountryCode {}

/// Timeline order.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

/// The shapes the feed comes in.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FeedFormat {
    Json,
    Timelinejs,
    Vis,
    Csv,
}

/// The width of a histogram bucket.
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum HistogramInterval {
    Year,
    Month,
    Week,
}

/// What the bars of a histogram are split by.
#[derive(ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HistogramGroupBy {
    Kind,
    Country,
}

// ---------------------------------------------------------------------------------------------
// Bodies and responses

/// The feed as JSON, in the shape `format` asks for: a [`FeedPage`] (`json`), a
/// [`TimelineJs`] timeline (`timelinejs`) or an array of [`VisItem`] (`vis`). `anyOf`, not
/// `oneOf`: an empty page fits more than one.
pub struct FeedBody;

impl PartialSchema for FeedBody {
    fn schema() -> RefOr<Schema> {
        AnyOfBuilder::new()
            .item(Ref::from_schema_name(FeedPage::name()))
            .item(Ref::from_schema_name(TimelineJs::name()))
            .item(ArrayBuilder::new().items(Ref::from_schema_name(VisItem::name())))
            .description(Some(
                "The feed in the shape `format` asks for: a FeedPage (json), a TimelineJS \
                 timeline (timelinejs) or vis-timeline items (vis).",
            ))
            .into()
    }
}

impl ToSchema for FeedBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        for (name, schema) in [
            (FeedPage::name(), FeedPage::schema()),
            (TimelineJs::name(), TimelineJs::schema()),
            (VisItem::name(), VisItem::schema()),
        ] {
            schemas.push((name.into_owned(), schema));
        }
        FeedPage::schemas(schemas);
        TimelineJs::schemas(schemas);
        VisItem::schemas(schemas);
    }
}

/// Not modified: the `If-None-Match` given names the current `ETag`.
#[derive(ToResponse)]
#[response(headers(
    ("ETag" = String, description = "The representation's tag, unchanged"),
    ("Cache-Control" = String, description = "`no-cache`: revalidate every time"),
))]
pub struct NotModified;

/// A query parameter is malformed, repeated or unknown; `param` names it and `detail` gives
/// the forms it accepts.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct BadRequest(pub Problem);

/// No `Authorization: Bearer` token, or not the server's.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("WWW-Authenticate" = String, description = "`Bearer`"))
)]
pub struct Unauthorized(pub Problem);

/// Writing is disabled: the server was started without a token (`TARIKH_TOKEN`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Forbidden(pub Problem);

/// There is no such event, document or route.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct NotFound(pub Problem);

/// The path does not answer this method.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct MethodNotAllowed(pub Problem);

/// The body is over the 2 MiB limit.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct PayloadTooLarge(pub Problem);

/// The body is not sent as `Content-Type: application/json`.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct UnsupportedMediaType(pub Problem);

/// The body is not UTF-8, not JSON, or not the JSON expected: `detail` names the field.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct Unprocessable(pub Problem);

/// The server failed; the `detail` is opaque and the error is in the server's log.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
pub struct ServerError(pub Problem);

/// More than 10 failed authentications from this address in a minute: every write from it is
/// refused until `Retry-After` seconds have passed.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct TooManyRequests(pub Problem);

/// The writes queued before this one did not finish in time: nothing was stored; send it again
/// after `Retry-After` seconds.
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct Unavailable(pub Problem);
