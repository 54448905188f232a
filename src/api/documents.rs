//! Articles over HTTP: ingest one, read one back with its spans, or extract without storing.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::Writer;
use super::error::ApiError;
use super::openapi::{
    Forbidden, IfNoneMatch, MethodNotAllowed, NotFound, NotModified, PayloadTooLarge, ServerError,
    TooManyRequests, Unauthorized, Unavailable, Unprocessable, UnsupportedMediaType,
};
use super::{AppState, BODY_LIMIT};
use crate::extract::events::Event;
use crate::extract::{Dct, Mode, Timex};
use crate::ingest::{Article, IngestError, extract_blocking, ingest_article_found};
use crate::store::DocumentDetail;

/// An article to store: the body of `POST /api/v1/documents`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    /// The article body: not empty, not only white space.
    #[schema(min_length = 1, pattern = r"\S")]
    pub text: String,
    /// The publication date relative dates are resolved against: exactly YYYY-MM-DD,
    /// YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss, or RFC 3339 with an offset
    /// (2022-03-01T10:00:00+03:00, …Z: the date is the local date at the source), a year from
    /// 1800 to 2200 (the pattern stops at day 28: it cannot know the length of a month).
    #[schema(
        pattern = r"^(18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]((\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]))?)?)?$"
    )]
    pub published_at: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
}

/// What ingesting an article did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ingested {
    pub document_id: i64,
    /// False when the same text was already stored (nothing else happened).
    pub created: bool,
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
}

/// A text to read without storing it: the body of `POST /api/v1/extract`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// The text: not empty, not only white space.
    #[schema(min_length = 1, pattern = r"\S")]
    pub text: String,
    /// The document's date, in the forms of `published_at`; without it relative dates stay
    /// underspecified (XXXX-02).
    #[schema(
        pattern = r"^(18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]((\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]))?)?)?$"
    )]
    pub dct: Option<String>,
    /// news (default), narrative or colloquial.
    pub mode: Option<Mode>,
}

/// What was found in the text.
#[derive(Debug, Serialize, ToSchema)]
pub struct Extracted {
    pub timexes: Vec<Timex>,
    pub events: Vec<Event>,
}

/// A JSON body: the content type, the size, UTF-8 and the JSON are each checked, and an error
/// names which one failed and where.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let essence = content_type.split(';').next().unwrap_or("").trim();
        if !essence.eq_ignore_ascii_case("application/json") {
            return Err(ApiError::UnsupportedMediaType(format!(
                "the body must be JSON sent as Content-Type: application/json (got {})",
                if content_type.is_empty() {
                    "none"
                } else {
                    &content_type
                }
            )));
        }
        let body = Bytes::from_request(request, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge(format!(
                    "the body is over the {} MiB limit; send one article per request",
                    BODY_LIMIT >> 20
                ))
            } else {
                ApiError::Unprocessable(format!("the body could not be read: {}", e.body_text()))
            }
        })?;
        let text = std::str::from_utf8(&body).map_err(|e| {
            ApiError::Unprocessable(format!(
                "the body is not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ))
        })?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let value = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let at = if path == "." {
                String::new()
            } else {
                format!("field `{path}`: ")
            };
            ApiError::Unprocessable(format!("{at}{inner}"))
        })?;
        // One JSON value and nothing after it but white space.
        de.end().map_err(|e| {
            ApiError::Unprocessable(format!(
                "the body must be one JSON object with nothing after it: {e}"
            ))
        })?;
        Ok(JsonBody(value))
    }
}

fn dct(field: &str, value: &str) -> Result<Dct, ApiError> {
    crate::ingest::document_date(value)
        .map_err(|e| ApiError::Unprocessable(format!("field `{field}`: {e}")))
}

fn non_empty(text: &str) -> Result<(), ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::Unprocessable(
            "field `text`: the text is empty".into(),
        ));
    }
    Ok(())
}

/// `POST /api/v1/documents`: 201 with what was found, or 200 with the id of the same text
/// stored before.
#[utoipa::path(
    post,
    path = "/api/v1/documents",
    operation_id = "create_document",
    tag = "documents",
    summary = "Ingest an article: store it, extract its dates and events, merge them",
    request_body(content = NewArticle, content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Stored: the expressions and events found in it",
            body = Ingested),
        (status = 200, description = "The same text was stored before: its `document_id`, \
            `created: false`, and nothing else done", body = Ingested),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 405, response = MethodNotAllowed),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 429, response = TooManyRequests),
        (status = 500, response = ServerError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    _: Writer,
    JsonBody(a): JsonBody<NewArticle>,
) -> Result<(StatusCode, Json<Ingested>), ApiError> {
    non_empty(&a.text)?;
    let dct = dct("published_at", &a.published_at)?;
    let article = Article {
        text: a.text.replace("\r\n", "\n"),
        published_at: a.published_at,
        dct,
        url: a.url,
        title: a.title,
        source: a.source,
    };
    let (outcome, found) =
        ingest_article_found(&state.store, &article)
            .await
            .map_err(|e| match e {
                IngestError::Store(e) => ApiError::Store(e),
                IngestError::Extract(e) => ApiError::from(e),
            })?;
    if !outcome.new {
        return Ok((
            StatusCode::OK,
            Json(Ingested {
                document_id: outcome.document_id,
                created: false,
                timexes: Vec::new(),
                events: Vec::new(),
            }),
        ));
    }
    state.cache.invalidate();
    Ok((
        StatusCode::CREATED,
        Json(Ingested {
            document_id: outcome.document_id,
            created: true,
            timexes: found.timexes,
            events: found.events,
        }),
    ))
}

/// `GET /api/v1/documents/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/documents/{id}",
    operation_id = "get_document",
    tag = "documents",
    summary = "A stored article with the expressions and event reports read in it",
    params(("id" = i64, Path, description = "The document's `document_id`"), IfNoneMatch),
    responses(
        (status = 200, description = "The document", body = DocumentDetail, headers(
            ("ETag" = String, description = "A hash of the body"),
            ("Cache-Control" = String, description = "`no-cache`"),
        )),
        (status = 304, response = NotModified),
        (status = 404, response = NotFound),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentDetail>, ApiError> {
    let not_found = || ApiError::NotFound(format!("there is no document {id}"));
    let document_id: i64 = id.parse().map_err(|_| not_found())?;
    let doc = state.store.document_detail(document_id).await?;
    doc.map(Json).ok_or_else(not_found)
}

/// `POST /api/v1/extract`: nothing is stored, so no token is needed.
#[utoipa::path(
    post,
    path = "/api/v1/extract",
    operation_id = "extract",
    tag = "documents",
    summary = "Find the dates and events of a text without storing it",
    request_body(content = ExtractRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "What was found", body = Extracted),
        (status = 405, response = MethodNotAllowed),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
        (status = 500, response = ServerError),
    )
)]
pub async fn extract_only(
    JsonBody(r): JsonBody<ExtractRequest>,
) -> Result<Json<Extracted>, ApiError> {
    non_empty(&r.text)?;
    let dct = r.dct.as_deref().map(|d| dct("dct", d)).transpose()?;
    let text = r.text;
    let mode = r.mode.unwrap_or(Mode::News);
    let found = extract_blocking(text, dct, mode)
        .await
        .map_err(ApiError::from)?;
    Ok(Json(Extracted {
        timexes: found.timexes,
        events: found.events,
    }))
}
