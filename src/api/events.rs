//! The read side: the chronological feed (and its exports), one event, the histogram.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::AppState;
use super::error::ApiError;
use super::export;
use super::histogram::Histogram;
use super::params::{FeedQuery, Format, HistogramQuery};
use crate::store::{EventDetail, Key, TimelineEntry};

/// A page of the feed.
#[derive(Debug, Serialize)]
pub struct FeedPage {
    pub events: Vec<TimelineEntry>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    pub next_url: Option<String>,
}

/// `GET /api/v1/events`
pub async fn feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = FeedQuery::parse(raw.as_deref())?;
    // One more than asked: whether it comes back says whether there is a next page.
    let mut events = state
        .store
        .feed(&q.filter, q.order, q.after, q.limit + 1)
        .await?;
    let more = events.len() as i64 > q.limit;
    events.truncate(q.limit as usize);
    let next_query = match events.last() {
        Some(last) if more => Some(q.next_query(Key::of(last))),
        _ => None,
    };
    let next_url = next_query.as_ref().map(|n| format!("/api/v1/events?{n}"));
    let next_cursor = next_query
        .as_ref()
        .and_then(|n| n.rsplit_once("cursor=").map(|(_, c)| c.to_owned()));
    let link = next_url
        .as_ref()
        .map(|u| HeaderValue::from_str(&format!("<{u}>; rel=\"next\"")));
    let mut response = match q.format {
        Format::Json => Json(FeedPage {
            events,
            next_cursor,
            next_url,
        })
        .into_response(),
        Format::TimelineJs => Json(export::timelinejs(&events)).into_response(),
        Format::Vis => Json(export::vis(&events)).into_response(),
        Format::Csv => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            export::csv(&events),
        )
            .into_response(),
    };
    if let Some(link) = link {
        let link = link.map_err(|e| ApiError::Internal(format!("Link header: {e}")))?;
        response.headers_mut().insert(header::LINK, link);
    }
    Ok(response)
}

/// `GET /api/v1/events/{id}`
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EventDetail>, ApiError> {
    let not_found = || ApiError::NotFound(format!("there is no dated event {id}"));
    let event_id: i64 = id.parse().map_err(|_| not_found())?;
    let detail = state.store.event_detail(event_id).await?;
    detail.map(Json).ok_or_else(not_found)
}

/// `GET /api/v1/histogram`
pub async fn histogram(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Histogram>, ApiError> {
    let q = HistogramQuery::parse(raw.as_deref())?;
    let counts = state
        .store
        .histogram(&q.filter, q.interval, q.group_by)
        .await?;
    Ok(Json(Histogram::new(&q, counts)?))
}
