//! The events no report dates, listed apart from the timeline ("mentioned without a date").

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::error::ApiError;
use super::openapi::{BadRequest, IfNoneMatch, MethodNotAllowed, NotModified, ServerError};
use super::params::UndatedQuery;
use super::params::types::{FilterParams, UndatedParams};
use crate::store::{Evidence, UndatedEntry};

/// A page of the undated events.
#[derive(Debug, Serialize, ToSchema)]
pub struct UndatedPage {
    pub events: Vec<UndatedEntry>,
    /// Undated events matching the filters, on every page.
    #[schema(minimum = 0)]
    pub total: i64,
    /// Pass as `cursor` for the next page; null on the last page.
    #[schema(required)]
    pub next_cursor: Option<String>,
    /// The next page's URL, the same as the `Link` header's `rel="next"`; null on the last page.
    #[schema(required)]
    pub next_url: Option<String>,
}

/// `GET /api/v1/events/undated`
#[utoipa::path(
    get,
    path = "/api/v1/events/undated",
    operation_id = "list_undated_events",
    tag = "events",
    summary = "Events the sources mention without a date, by event id, a page at a time",
    description = "The events the timeline leaves out because no report gives them a date, \
        each with its first report. The feed's filters apply, but for the period: `from` and \
        `to` are checked and otherwise ignored (an undated event has no period), so the page \
        can pass its filters as they are.",
    params(FilterParams, UndatedParams, IfNoneMatch),
    responses(
        (status = 200, description = "A page of undated events", body = UndatedPage, headers(
            ("Link" = String, description = "`rel=\"next\"` when there is a next page"),
            ("ETag" = String, description = "A hash of the body"),
            ("Cache-Control" = String, description = "`no-cache`"),
        )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = UndatedQuery::parse(raw.as_deref())?;
    // One more than asked: whether it comes back says whether there is a next page.
    let mut events = state
        .store
        .undated(&q.filter, q.after, q.limit + 1, Evidence::First)
        .await?;
    let more = events.len() as i64 > q.limit;
    events.truncate(q.limit as usize);
    let last = events.last().map(|e| e.event_id).filter(|_| more);
    let next_url = last.map(|id| format!("/api/v1/events/undated?{}", q.next_query(id)));
    let page = UndatedPage {
        total: state.store.undated_count(&q.filter).await?,
        events,
        next_cursor: last.map(|id| id.to_string()),
        next_url,
    };
    let link = page
        .next_url
        .as_ref()
        .map(|u| HeaderValue::from_str(&format!("<{u}>; rel=\"next\"")));
    let mut response = Json(page).into_response();
    if let Some(link) = link {
        let link = link.map_err(|e| ApiError::Internal(format!("Link header: {e}")))?;
        response.headers_mut().insert(header::LINK, link);
    }
    Ok(response)
}
