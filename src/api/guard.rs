//! What every request passes before a handler: a time limit and size limits that answer in
//! problem+json like every other error, and a request line fit for the log (no token).

use axum::extract::{Request, State};
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::error::ApiError;

/// Longest request target (path and query) answered: a filter needs a few hundred bytes.
/// hyper refuses targets over 64 KiB itself, with an empty 414.
pub const MAX_URI_BYTES: usize = 8 << 10;
/// Most header bytes (names and values) and headers in one request. hyper refuses more than
/// 100 headers or ~400 KiB itself, with an empty 431.
pub const MAX_HEADER_BYTES: usize = 16 << 10;
pub const MAX_HEADERS: usize = 64;

/// Answers 408 problem+json when the request is not read and answered in the state's
/// `request_timeout` ([`super::REQUEST_TIMEOUT`]): a body shorter than its `Content-Length`,
/// a client that stalls.
pub async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = state.request_timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::RequestTimeout(format!(
            "the request was not received and answered within {} ms: send the whole body at \
             once, with a Content-Length equal to its size",
            limit.as_millis()
        ))
        .into_response(),
    }
}

/// Refuses request targets and header sets larger than any client of this API needs, as
/// problem+json (414, 431), before hyper's own limits would answer with an empty body.
pub async fn sizes(request: Request, next: Next) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if target > MAX_URI_BYTES {
        return ApiError::UriTooLong(format!(
            "the request target is {target} bytes; at most {MAX_URI_BYTES} are read"
        ))
        .into_response();
    }
    let headers = request.headers();
    let bytes: usize = headers
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    if headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES {
        return ApiError::HeadersTooLarge(format!(
            "{} headers of {bytes} bytes; at most {MAX_HEADERS} headers of {MAX_HEADER_BYTES} \
             bytes in all are read",
            headers.len()
        ))
        .into_response();
    }
    next.run(request).await
}

/// The request target for the log: a query that carries a `token` (a client that put its
/// secret in the URL) is replaced by `[redacted]`. Headers are never logged.
pub fn loggable_uri(uri: &Uri) -> String {
    let path = uri.path();
    match uri.query() {
        None => path.to_owned(),
        Some(q) if has_token(q) => format!("{path}?[redacted]"),
        Some(q) => format!("{path}?{q}"),
    }
}

fn has_token(query: &str) -> bool {
    form_urlencoded::parse(query.as_bytes()).any(|(k, _)| {
        let k = k.to_ascii_lowercase();
        k.contains("token") || k == "authorization" || k.contains("secret")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_with_a_token_are_not_logged() {
        let cases = [
            ("/api/v1/events?country=RUS", "/api/v1/events?country=RUS"),
            ("/api/v1/events?token=s3cret", "/api/v1/events?[redacted]"),
            (
                "/api/v1/events?a=1&TOKEN=s3cret",
                "/api/v1/events?[redacted]",
            ),
            (
                "/api/v1/events?access_token=s3cret",
                "/api/v1/events?[redacted]",
            ),
            ("/api/v1/events?%74oken=s3cret", "/api/v1/events?[redacted]"),
            ("/healthz", "/healthz"),
        ];
        for (given, logged) in cases {
            let uri: Uri = given.parse().unwrap();
            assert_eq!(loggable_uri(&uri), logged, "{given}");
        }
    }
}
