//! `GET /api/v1/sources`: the feeds `serve --watch` follows and how their fetches go.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::openapi::MethodNotAllowed;
use crate::ingest::watch::SourceState;

/// `GET /api/v1/sources`
#[utoipa::path(
    get,
    path = "/api/v1/sources",
    operation_id = "list_sources",
    tag = "sources",
    summary = "The feeds watched beside the server and how their fetches go",
    description = "Every feed `serve --watch` follows, in the order given; an empty list when \
        nothing is watched. Never cached: it changes with every fetch, not with the store.",
    responses(
        (status = 200, description = "Every watched feed: its last fetch and how it went, the \
            items seen and stored, the failures in a row and the next fetch",
            body = [SourceState]),
        (status = 405, response = MethodNotAllowed),
    )
)]
pub async fn list(State(state): State<AppState>) -> Response {
    let mut response = Json(state.sources.snapshot()).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
