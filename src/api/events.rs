//! The read side: the chronological feed (and its exports), one event, the histogram.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::error::ApiError;
use super::fields::FeedPageParts;
use super::histogram::Histogram;
use super::openapi::{
    BadRequest, FeedBody, IfNoneMatch, MethodNotAllowed, NotFound, NotModified, ServerError,
};
use super::params::types::{FeedFormat, FeedParams, FilterParams, HistogramParams, ReportParams};
use super::params::{FeedQuery, HistogramQuery, evidence_page};
use crate::render;
use crate::store::{Counts, EventDetail, Filter, GroupBy, Interval, Key, TimelineEntry};

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedPage {
    pub events: Vec<TimelineEntry>,
    /// Events matching the filters, on every page (the cursor and `limit` do not change it).
    #[schema(minimum = 0)]
    pub total: i64,
    /// Pass as `cursor` for the next page; null on the last page.
    #[schema(required)]
    pub next_cursor: Option<String>,
    /// The next page's URL, the same as the `Link` header's `rel="next"`; null on the last page.
    #[schema(required)]
    pub next_url: Option<String>,
}

/// `GET /api/v1/events`
#[utoipa::path(
    get,
    path = "/api/v1/events",
    operation_id = "list_events",
    tag = "events",
    summary = "The timeline: dated events in timeline order, a page at a time",
    params(FilterParams, FeedParams, IfNoneMatch),
    responses(
        (status = 200, description = "A page of the feed in the shape `format` asks for; \
            `format=csv` is RFC 4180 CSV in UTF-8, a header row and one row per event, the \
            lists in a cell joined by `; `",
            headers(
                ("Link" = String, description = "`</api/v1/events?…&cursor=…>; rel=\"next\"` \
                    when there is a next page"),
                ("ETag" = String, description = "A hash of the body: send it back as \
                    `If-None-Match` for a 304"),
                ("Cache-Control" = String, description = "`no-cache`: revalidate every time"),
                ("Content-Disposition" = String, description = "With `format=timelinejs`, \
                    `vis` or `csv`: `attachment` with a file name (tarikh-events.csv …)"),
            ),
            content(
                (FeedBody = "application/json"),
                (String = "text/csv"),
            )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn feed(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = FeedQuery::parse(raw.as_deref())?;
    // One more than asked: whether it comes back says whether there is a next page.
    let mut events = state
        .store
        .feed_with(&q.filter, q.order, q.after, q.limit + 1, q.evidence)
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
        FeedFormat::Json => match &q.fields {
            None => Json(FeedPage {
                events,
                total: total(&state, &q.filter).await?,
                next_cursor,
                next_url,
            })
            .into_response(),
            Some(fields) => Json(FeedPageParts {
                events: fields.of(&events)?,
                total: total(&state, &q.filter).await?,
                next_cursor,
                next_url,
            })
            .into_response(),
        },
        FeedFormat::Timelinejs => {
            attachment(Json(render::timelinejs(&events)), "tarikh-timelinejs.json")
        }
        FeedFormat::Vis => attachment(Json(render::vis(&events)), "tarikh-vis.json"),
        FeedFormat::Csv => {
            let csv = render::csv(&events);
            let body = if q.bom { format!("\u{feff}{csv}") } else { csv };
            attachment(
                ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body),
                "tarikh-events.csv",
            )
        }
    };
    if let Some(link) = link {
        let link = link.map_err(|e| ApiError::Internal(format!("Link header: {e}")))?;
        response.headers_mut().insert(header::LINK, link);
    }
    Ok(response)
}

/// The events matching `filter`: the histogram's count, from the tally when it is fresh,
/// kept for the pages that follow until the data changes.
async fn total(state: &AppState, filter: &Filter) -> Result<i64, ApiError> {
    let key = (state.cache.generation(), format!("{filter:?}"));
    if let Some(n) = state.totals.get(&key) {
        return Ok(n);
    }
    let c = counts(state, filter, Interval::Year, GroupBy::Nothing).await?;
    let bars: i64 = c.buckets.iter().map(|(_, _, n)| n).sum();
    let n = bars + c.coarser.iter().map(|(_, n)| n).sum::<i64>();
    state.totals.insert(key, n);
    Ok(n)
}

/// The histogram's counts, from the in-memory tally when it is fresh (and the filter needs no
/// SQL), else from the store while the tally is read again in the background.
async fn counts(
    state: &AppState,
    filter: &Filter,
    interval: Interval,
    group_by: GroupBy,
) -> Result<Counts, ApiError> {
    let counts = match state.tally.fresh(state.cache.generation()) {
        Some(tally) => {
            let f = filter.clone();
            tokio::task::spawn_blocking(move || tally.histogram(&f, interval, group_by))
                .await
                .map_err(|e| ApiError::Internal(format!("histogram task: {e}")))?
        }
        None => {
            state.refresh_tally();
            None
        }
    };
    Ok(match counts {
        Some(c) => c,
        None => state.store.histogram(filter, interval, group_by).await?,
    })
}

/// An export as a file to save, under a fixed name (nothing from the request goes into the
/// header).
pub(crate) fn attachment(body: impl IntoResponse, filename: &'static str) -> Response {
    let mut response = body.into_response();
    let value = format!("attachment; filename=\"{filename}\"");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `GET /api/v1/events/{id}`
#[utoipa::path(
    get,
    path = "/api/v1/events/{id}",
    operation_id = "get_event",
    tag = "events",
    summary = "One event with a page of its reports and the spans to highlight",
    params(
        ("id" = i64, Path, description = "The event's `event_id`"),
        ReportParams,
        IfNoneMatch,
    ),
    responses(
        (status = 200, description = "The event", body = EventDetail, headers(
            ("ETag" = String, description = "A hash of the body"),
            ("Cache-Control" = String, description = "`no-cache`"),
        )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventDetail>, ApiError> {
    let not_found = || ApiError::NotFound(format!("there is no dated event {id}"));
    let event_id: i64 = id.parse().map_err(|_| not_found())?;
    let page = evidence_page(raw.as_deref())?;
    let detail = state.store.event_detail(event_id, page).await?;
    detail.map(Json).ok_or_else(not_found)
}

/// `GET /api/v1/histogram`
#[utoipa::path(
    get,
    path = "/api/v1/histogram",
    operation_id = "histogram",
    tag = "events",
    summary = "Event counts per period and group, zero-filled, for charts",
    params(FilterParams, HistogramParams, IfNoneMatch),
    responses(
        (status = 200, description = "The histogram", body = Histogram, headers(
            ("ETag" = String, description = "A hash of the body"),
            ("Cache-Control" = String, description = "`no-cache`"),
        )),
        (status = 304, response = NotModified),
        (status = 400, response = BadRequest),
        (status = 405, response = MethodNotAllowed),
        (status = 500, response = ServerError),
    )
)]
pub async fn histogram(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Histogram>, ApiError> {
    let q = HistogramQuery::parse(raw.as_deref())?;
    let counts = counts(&state, &q.filter, q.interval, q.group_by).await?;
    Ok(Json(Histogram::new(&q, counts)?))
}
