//! The OpenAPI 3.1 document of the API, served at `/openapi.json`: generated from the
//! handlers' `#[utoipa::path]` attributes and the `ToSchema` types of their bodies.
//!
//! The query parameters are the types [`super::params::types`] reads query strings into.

use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, Modify, OpenApi, PartialSchema, ToResponse, ToSchema};

use super::documents::{ExtractRequest, Extracted, Ingested, NewArticle};
use super::error::Problem;
use super::events::FeedPage;
use super::fields::FeedPageParts;
use super::histogram::{Histogram, Outside};
use super::meta::Health;
use super::params::values::CountryCode;
use super::undated::UndatedPage;
use super::{documents, events, meta, sources, undated};
use crate::extract::events::{Event, EventDate, EventKind, Participant, Place, Precision, Status};
use crate::extract::{Mode, Timex, TimexMod, TimexType};
use crate::ingest::watch::{FetchStatus, SourceState};
use crate::render::{
    JsonFeed, JsonFeedItem, TimelineJs, TimelineJsDate, TimelineJsEvent, TimelineJsText, VisItem,
};
use crate::store::detail::{Disagreement, EventSpan, EvidenceDetail, TimexSpan};
use crate::store::{DocumentDetail, EventDetail, EvidenceQuote, TimelineEntry, UndatedEntry};

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
        undated::list,
        events::histogram,
        documents::create,
        documents::one,
        documents::extract_only,
        meta::json_feed,
        meta::atom_feed,
        meta::healthz,
        meta::metrics,
        meta::openapi,
        sources::list,
    ),
    components(
        schemas(
            FeedPage, FeedBody, TimelineEntry, EvidenceQuote, EventDetail, EvidenceDetail,
            Disagreement, DocumentDetail, TimexSpan, EventSpan, Histogram, NewArticle,
            Ingested, ExtractRequest, Extracted, Timex, TimexType, TimexMod, Mode, Event,
            EventDate, EventKind, Status, Precision, Participant, Place, TimelineJs,
            TimelineJsEvent, TimelineJsDate, TimelineJsText, VisItem, JsonFeed, JsonFeedItem,
            Health, Problem, Outside, CountryCode, SourceState, FetchStatus, UndatedPage,
            UndatedEntry,
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
        (name = "sources", description = "The feeds watched beside the server (`serve --watch`)"),
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

/// `If-None-Match` on the reads: a 304 instead of the body when the `ETag` is unchanged.
#[derive(IntoParams)]
#[into_params(names("If-None-Match"), parameter_in = Header)]
pub struct IfNoneMatch(
    /// An `ETag` of an earlier answer to the same request (or a list of them, or `*`).
    pub Option<String>,
);

// ---------------------------------------------------------------------------------------------
// Bodies and responses

/// The feed as JSON, in the shape `format` asks for: a [`FeedPage`] (`json`; a
/// [`FeedPageParts`] with `fields`), a [`TimelineJs`] timeline (`timelinejs`) or an array of
/// [`VisItem`] (`vis`). `anyOf`, not `oneOf`: an empty page fits more than one.
pub struct FeedBody;

impl PartialSchema for FeedBody {
    fn schema() -> RefOr<Schema> {
        AnyOfBuilder::new()
            .item(Ref::from_schema_name(FeedPage::name()))
            .item(Ref::from_schema_name(FeedPageParts::name()))
            .item(Ref::from_schema_name(TimelineJs::name()))
            .item(ArrayBuilder::new().items(Ref::from_schema_name(VisItem::name())))
            .description(Some(
                "The feed in the shape `format` asks for: a FeedPage (json; a FeedPageParts \
                 with `fields`), a TimelineJS timeline (timelinejs) or vis-timeline items \
                 (vis).",
            ))
            .into()
    }
}

impl ToSchema for FeedBody {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        for (name, schema) in [
            (FeedPage::name(), FeedPage::schema()),
            (FeedPageParts::name(), FeedPageParts::schema()),
            (TimelineJs::name(), TimelineJs::schema()),
            (VisItem::name(), VisItem::schema()),
        ] {
            schemas.push((name.into_owned(), schema));
        }
        FeedPage::schemas(schemas);
        FeedPageParts::schemas(schemas);
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
