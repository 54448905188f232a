//! Around the API: health, metrics, the OpenAPI document, and the feeds for feed readers.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::error::ApiError;
use super::openapi::{BadRequest, IfNoneMatch, MethodNotAllowed, NotModified, ServerError};
use super::params::feed_lang;
use super::params::types::ReaderFeedParams;
use crate::render;
use crate::store::{Evidence, Filter, Order, TimelineEntry};

/// How many of the newest events the feeds carry.
const FEED_ITEMS: i64 = 50;

/// The service is up and its database answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
    pub documents: i64,
}

/// `GET /healthz`: 200 when the database answers.
#[utoipa::path(
    get,
    path = "/healthz",
    operation_id = "healthz",
    tag = "service",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let documents = state.store.document_count().await?;
    Ok(Json(Health {
        status: "ok",
        documents,
    }))
}

/// `GET /metrics`
#[utoipa::path(
    get,
    path = "/metrics",
    operation_id = "metrics",
    tag = "service",
    responses(
        (status = 200, description = "Requests by route and status, their latency and cache \
            hits, in the OpenMetrics 1.0 text format (`version=1.0.0; charset=utf-8`)",
            body = String, content_type = "application/openmetrics-text"),
        (status = 405, response = MethodNotAllowed),
    )
)]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
}

/// `GET /openapi.json`
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    tag = "service",
    responses(
        (status = 200, description = "This document (OpenAPI 3.1)", body = Object,
            content_type = "application/json"),
        (status = 405, response = MethodNotAllowed),
    )
)]
pub async fn openapi() -> impl IntoResponse {
    Json(super::openapi::document())
}

/// The newest events, each with its first report only: an event of thousands of reports is
/// one feed item of one quote, and the feeds stay the same size whatever the reports.
async fn newest(state: &AppState) -> Result<Vec<TimelineEntry>, ApiError> {
    Ok(state
        .store
        .feed_with(
            &Filter::default(),
            Order::Desc,
            None,
            FEED_ITEMS,
            Evidence::First,
        )
        .await?)
}

/// `GET /feed.json`: JSON Feed 1.1 of the newest events.
#[utoipa::path(
    get,
    path = "/feed.json",
    operation_id = "json_feed",
    tag = "feeds",
    summary = "JSON Feed 1.1 of the 50 newest events, in English or Arabic",
    params(ReaderFeedParams, IfNoneMatch),
    responses(
        (status = 200, description = "The feed", body = render::JsonFeed,
            content_type = "application/feed+json", headers(
                ("ETag" = String, description = "A hash of the body"),
                ("Cache-Control" = String, description = "`no-cache`"),
            )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn json_feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<impl IntoResponse, ApiError> {
    let lang = feed_lang(raw.as_deref())?;
    let entries = newest(&state).await?;
    // The configured public URL, or relative links: never the request's Host.
    let feed = render::json_feed(&entries, &state.public_url, lang);
    Ok((
        [
            (header::CONTENT_TYPE, "application/feed+json"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"tarikh.json\"",
            ),
        ],
        Json(feed),
    ))
}

/// `GET /feed.atom`: Atom of the newest events.
#[utoipa::path(
    get,
    path = "/feed.atom",
    operation_id = "atom_feed",
    tag = "feeds",
    summary = "Atom (RFC 4287) feed of the 50 newest events, in English or Arabic",
    params(ReaderFeedParams, IfNoneMatch),
    responses(
        (status = 200, description = "The feed, UTF-8 XML", body = String,
            content_type = "application/atom+xml", headers(
                ("ETag" = String, description = "A hash of the body"),
                ("Cache-Control" = String, description = "`no-cache`"),
            )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn atom_feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<impl IntoResponse, ApiError> {
    let lang = feed_lang(raw.as_deref())?;
    let entries = newest(&state).await?;
    // Updated when the newest item was first reported: the feed changes with the data only.
    let updated = entries
        .iter()
        .filter_map(render::newest_published)
        .max()
        .unwrap_or_default();
    let xml = render::atom(&entries, &state.public_url, updated, lang);
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"tarikh.atom\"",
            ),
        ],
        xml,
    ))
}
