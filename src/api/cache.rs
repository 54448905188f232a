//! ETags, conditional requests and a cache of rendered read responses.
//!
//! The store changes only when a document is ingested, so a rendered page stays right until
//! then: responses are cached under the store's generation, which every write bumps, and an
//! old generation's entries are simply never asked for again and age out. The ETag is a hash
//! of the body, so it is the same across restarts and replicas for the same data.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use super::AppState;
use super::error::ApiError;

/// Total size of the cached bodies: a bound on the memory the cache can hold.
const CACHE_BYTES: u64 = 24 << 20;
/// Bodies larger than this (big exports) are served but not cached.
const MAX_CACHED_BODY: usize = 1 << 20;

/// A rendered response: what is needed to answer the same request again.
#[derive(Clone)]
struct Cached {
    content_type: Option<HeaderValue>,
    /// The file name of an export (`attachment; filename=…`).
    disposition: Option<HeaderValue>,
    link: Option<HeaderValue>,
    etag: HeaderValue,
    body: Bytes,
}

#[derive(Clone)]
struct BodyWeighter;

impl Weighter<(u64, String), Arc<Cached>> for BodyWeighter {
    fn weight(&self, key: &(u64, String), value: &Arc<Cached>) -> u64 {
        (key.1.len() + value.body.len() + 256) as u64
    }
}

/// The cache, and the store generation it is keyed by.
pub struct ResponseCache {
    generation: AtomicU64,
    entries: Cache<(u64, String), Arc<Cached>, BodyWeighter>,
}

impl Default for ResponseCache {
    fn default() -> Self {
        ResponseCache {
            generation: AtomicU64::new(0),
            entries: Cache::with_weighter(16_384, CACHE_BYTES, BodyWeighter),
        }
    }
}

impl ResponseCache {
    /// The version of the data: it changes with every write.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Forgets every cached response: called after each write to the store.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}

/// Middleware for the read routes: answers from the cache when it can, else renders, tags
/// the response with an ETag and keeps it; `If-None-Match` with that ETag gets a 304.
pub async fn etag_and_cache(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(uri) = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
    else {
        return Ok(next.run(request).await);
    };
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let key = (state.cache.generation.load(Ordering::SeqCst), uri);
    if let Some(hit) = state.cache.entries.get(&key) {
        state.metrics.cache_hit();
        return Ok(answer(&hit, if_none_match.as_ref()));
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|e| ApiError::Internal(format!("reading a rendered body: {e}")))?;
    let hash = blake3::hash(&body);
    let etag = HeaderValue::from_str(&format!("\"{}\"", &hash.to_hex()[..20]))
        .expect("hex is a valid header value");
    let cached = Arc::new(Cached {
        content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
        disposition: parts.headers.get(header::CONTENT_DISPOSITION).cloned(),
        link: parts.headers.get(header::LINK).cloned(),
        etag,
        body,
    });
    if cached.body.len() <= MAX_CACHED_BODY {
        state.cache.entries.insert(key, cached.clone());
    }
    Ok(answer(&cached, if_none_match.as_ref()))
}

fn answer(c: &Cached, if_none_match: Option<&HeaderValue>) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, c.etag.clone());
    // Revalidate every time: the ETag makes that a 304 when nothing changed.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Some(link) = &c.link {
        headers.insert(header::LINK, link.clone());
    }
    if matches(if_none_match, &c.etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    if let Some(t) = &c.content_type {
        headers.insert(header::CONTENT_TYPE, t.clone());
    }
    if let Some(d) = &c.disposition {
        headers.insert(header::CONTENT_DISPOSITION, d.clone());
    }
    (headers, Body::from(c.body.clone())).into_response()
}

/// Whether `If-None-Match` (a list of tags, or `*`) names `etag`; weak tags compare by value.
fn matches(if_none_match: Option<&HeaderValue>, etag: &HeaderValue) -> bool {
    let Some(Ok(list)) = if_none_match.map(HeaderValue::to_str) else {
        return false;
    };
    let etag = etag.to_str().unwrap_or_default();
    list.split(',')
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_lists() {
        let etag = HeaderValue::from_static("\"abc\"");
        let h = |s: &'static str| HeaderValue::from_static(s);
        assert!(matches(Some(&h("\"abc\"")), &etag));
        assert!(matches(Some(&h("\"x\", W/\"abc\"")), &etag));
        assert!(matches(Some(&h("*")), &etag));
        assert!(!matches(Some(&h("\"abcd\"")), &etag));
        assert!(!matches(None, &etag));
    }
}
