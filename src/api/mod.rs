//! The HTTP API. [`router`] builds the whole service from an [`AppState`]; `tarikh serve`
//! ([`serve`]) and the tests use it alike.
//!
//! - [`events`]: the chronological feed and its exports, one event, the histogram.
//! - [`documents`]: ingesting an article, reading one back, stateless extraction.
//! - [`meta`]: health, metrics, the OpenAPI document, JSON Feed and Atom.
//! - [`params`]: query strings → store filters, cursors; [`fields`]: the parts of a feed
//!   entry `fields=` asks for. [`error`]: problem+json.
//! - [`auth`]: the write token and the limit on failed attempts. [`guard`]: what every
//!   request passes (time limit, sizes, redacted logging).
//! - [`cache`]: ETags, 304s and a cache of rendered reads. [`metrics`]: Prometheus counters.
//! - [`snapshot`]: the in-memory tally the histogram counts from.
//! - [`undated`]: the events no report dates, listed apart.
//! - [`page`]: the timeline page at `/`.
//! - [`sources`]: the state of the feeds `serve --watch` follows.

pub mod auth;
pub mod cache;
pub mod documents;
pub mod error;
pub mod events;
pub mod fields;
pub mod guard;
pub mod histogram;
pub mod meta;
pub mod metrics;
pub mod openapi;
pub mod page;
pub mod params;
pub mod snapshot;
pub mod sources;
pub mod undated;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use tower_http::LatencyUnit;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};

use crate::ingest::watch::{WatchEvent, WatchOptions, WatchState};
use crate::store::Store;
use cache::ResponseCache;
use error::ApiError;
use metrics::Metrics;
use snapshot::Snapshot;

/// Largest request body: an article is a few tens of kilobytes; a book is not news.
pub const BODY_LIMIT: usize = 2 << 20;
/// A request that takes longer than this is answered 408 (problem+json) and dropped. Longer
/// than [`crate::store::WRITE_WAIT`] plus a write, so that a queued write is told 503, not 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How many filters' totals [`AppState::totals`] keeps.
const TOTALS_KEPT: usize = 4096;

/// What every handler shares; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The bearer token writes need; `None` disables writing.
    pub token: Option<Arc<str>>,
    pub cache: Arc<ResponseCache>,
    pub metrics: Arc<Metrics>,
    pub tally: Arc<Snapshot>,
    /// The public root of absolute links (`https://tarikh.example`, no trailing slash), or
    /// empty for links relative to this server. Configured, never read from a request: a
    /// `Host` header would otherwise decide the links of a cached feed for every reader.
    pub public_url: Arc<str>,
    pub failed_auths: Arc<auth::FailedAuths>,
    /// [`REQUEST_TIMEOUT`]; shorter in tests.
    pub request_timeout: Duration,
    /// The feeds watched beside the server (`serve --watch`); empty when none is.
    pub sources: WatchState,
    /// The `total` of each filter a feed page was asked with, by data generation: the pages
    /// of one walk share it, and counting a million events for each costs milliseconds.
    pub totals: Arc<quick_cache::sync::Cache<(u64, String), i64>>,
}

impl AppState {
    pub fn new(store: Store, token: Option<String>) -> AppState {
        AppState {
            store,
            token: token.filter(|t| !t.is_empty()).map(Arc::from),
            cache: Arc::default(),
            metrics: Arc::default(),
            tally: Arc::default(),
            public_url: Arc::from(""),
            failed_auths: Arc::default(),
            request_timeout: REQUEST_TIMEOUT,
            sources: WatchState::default(),
            totals: Arc::new(quick_cache::sync::Cache::new(TOTALS_KEPT)),
        }
    }

    /// The same state with absolute links under `url` (see [`public_url`]).
    pub fn with_public_url(mut self, url: &str) -> Result<AppState, String> {
        self.public_url = Arc::from(public_url(url)?);
        Ok(self)
    }

    /// Starts reading the histogram tally in the background if it is missing or stale.
    pub fn refresh_tally(&self) {
        let cache = self.cache.clone();
        self.tally
            .refresh(self.store.clone(), move || cache.generation());
    }

    /// Follows the store's data version: a write by another process or replica (or by this
    /// one) drops the cached answers and the tally within a second. Runs until the store
    /// closes.
    pub async fn follow_writes(
        &self,
    ) -> Result<tokio::task::JoinHandle<()>, crate::store::StoreError> {
        let mut versions = self.store.follow_versions().await?;
        let state = self.clone();
        Ok(tokio::spawn(async move {
            while versions.changed().await.is_ok() {
                state.cache.invalidate();
                state.refresh_tally();
            }
        }))
    }
}

/// The whole service.
pub fn router(state: AppState) -> Router {
    let reads = Router::new()
        .route("/api/v1/events", get(events::feed))
        .route("/api/v1/events/undated", get(undated::list))
        .route("/api/v1/events/{id}", get(events::one))
        .route("/api/v1/histogram", get(events::histogram))
        .route("/api/v1/documents/{id}", get(documents::one))
        .route("/feed.json", get(meta::json_feed))
        .route("/feed.atom", get(meta::atom_feed))
        .route_layer(from_fn_with_state(state.clone(), cache::etag_and_cache));
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH])
        .expose_headers([
            header::LINK,
            header::ETAG,
            HeaderName::from_static("x-request-id"),
        ]);
    Router::new()
        .merge(reads)
        .merge(page::routes())
        .route("/api/v1/documents", post(documents::create))
        .route("/api/v1/extract", post(documents::extract_only))
        .route("/api/v1/sources", get(sources::list))
        .route("/openapi.json", get(meta::openapi))
        .route("/healthz", get(meta::healthz))
        .route("/metrics", get(meta::metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(from_fn_with_state(state.clone(), metrics::track))
        .layer(cors)
        .layer(CompressionLayer::new())
        .layer(from_fn_with_state(state.clone(), guard::time_limit))
        .layer(from_fn(guard::sizes))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|r: &Request| {
                    let route = r
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("unmatched", MatchedPath::as_str);
                    let uri = guard::loggable_uri(r.uri());
                    tracing::info_span!("request", method = %r.method(), %uri, route)
                })
                // One line per request at the default level: status and latency.
                .on_response(
                    DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                )
                .on_failure(DefaultOnFailure::new().level(tracing::Level::WARN)),
        )
        .with_state(state)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!(
        "no route {}; the API is under /api/v1 (see /openapi.json)",
        uri.path()
    ))
}

async fn method_not_allowed(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::MethodNotAllowed(format!(
        "{} does not answer {method}; see /openapi.json for its methods",
        uri.path()
    ))
}

/// Checks a public base URL: `http(s)://host[:port][/path]`, no query or fragment; returns it
/// without a trailing slash.
pub fn public_url(url: &str) -> Result<String, String> {
    let bad = |why: &str| {
        format!(
            "public URL {url:?} {why}: expected http(s)://host[:port][/path], such as https://tarikh.example"
        )
    };
    let uri: axum::http::Uri = url.parse().map_err(|_| bad("is not a URL"))?;
    if !matches!(uri.scheme_str(), Some("http" | "https")) {
        return Err(bad("does not start with http:// or https://"));
    }
    if uri.authority().is_none_or(|a| a.host().is_empty()) {
        return Err(bad("has no host"));
    }
    if uri.query().is_some() || url.contains('#') || url.contains('@') {
        return Err(bad("has a query, fragment or user name"));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// How `tarikh serve` was started.
pub struct ServeOptions {
    pub addr: SocketAddr,
    /// The write token (`TARIKH_TOKEN`); at least [`auth::MIN_TOKEN_CHARS`] characters.
    pub token: Option<String>,
    /// `--public-url` / `TARIKH_PUBLIC_URL`.
    pub public_url: Option<String>,
    /// The feeds to watch beside the server (`--watch`), and how.
    pub watch: Vec<String>,
    pub watch_options: WatchOptions,
}

/// Opens the database, seeds it when empty, and serves until SIGINT or SIGTERM. `ready` is
/// called with the bound address (port 0 picks a free one).
pub async fn serve(
    options: ServeOptions,
    db: &crate::store::DbUrl,
    seeds: &Path,
    ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    use anyhow::Context;
    let ServeOptions {
        addr,
        token,
        public_url,
        watch,
        watch_options,
    } = options;
    if let Some(t) = &token
        && t.chars().count() < auth::MIN_TOKEN_CHARS
    {
        anyhow::bail!(
            "TARIKH_TOKEN is {} characters long; a write token needs at least {} \
             (for instance: openssl rand -hex 32)",
            t.chars().count(),
            auth::MIN_TOKEN_CHARS
        );
    }
    let mut state_url = String::new();
    if let Some(url) = &public_url {
        state_url = self::public_url(url).map_err(anyhow::Error::msg)?;
    }
    let store = crate::store::connect_with(db, crate::store::Workload::Serve)
        .await
        .with_context(|| format!("opening {db}"))?;
    let seeded = if seeds.is_dir() {
        crate::ingest::seed_if_empty(&store, seeds)
            .await
            .with_context(|| format!("seeding from {}", seeds.display()))?
    } else {
        None
    };
    let empty = match seeded {
        Some(summary) => summary.new + summary.unchanged == 0,
        None => store.document_count().await? == 0,
    };
    if empty {
        let why = if seeds.is_dir() {
            format!("no seed article in {}", seeds.display())
        } else {
            format!("no seeds directory {}", seeds.display())
        };
        tracing::warn!(
            "{why}: starting with an empty database; add articles with `tarikh ingest PATH|URL` \
             or POST /api/v1/documents"
        );
    }
    if token.as_deref().is_none_or(str::is_empty) {
        tracing::info!("TARIKH_TOKEN is not set: the write endpoints answer 403");
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("listening on {addr}"))?;
    let bound = listener.local_addr()?;
    tracing::info!(%bound, "serving");
    ready(bound);
    if state_url.is_empty() {
        tracing::info!("no --public-url (TARIKH_PUBLIC_URL): the feeds' links are relative");
    }
    let mut state = AppState::new(store.clone(), token);
    state.public_url = Arc::from(state_url);
    state.sources = WatchState::new(&watch);
    state.refresh_tally();
    state
        .follow_writes()
        .await
        .context("following the database's data version")?;
    let watcher = (!watch.is_empty()).then(|| {
        let (store, sources) = (store.clone(), state.sources.clone());
        tokio::spawn(async move {
            let watched = crate::ingest::watch::watch(&store, &sources, watch_options, log_watch);
            if let Err(e) = watched.await {
                tracing::error!("cannot watch the feeds: {e}");
            }
        })
    });
    let app = router(state);
    // The peer address keys the limit on failed authentications.
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    if let Some(watcher) = watcher {
        watcher.abort();
        let _ = watcher.await;
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// What the watch beside the server does, in its log.
fn log_watch(event: WatchEvent) {
    match event {
        WatchEvent::Read { url, new, known } if new > 0 => {
            tracing::info!(%url, new, known, "feed read");
        }
        WatchEvent::Read { url, new, known } => tracing::debug!(%url, new, known, "feed read"),
        WatchEvent::NotModified { url } => tracing::debug!(%url, "feed not modified"),
        WatchEvent::ItemSkipped(failure) => tracing::warn!(%failure, "feed item skipped"),
        WatchEvent::Failed {
            url,
            message,
            retry_in,
        } => tracing::warn!(%url, retry_in_s = retry_in.as_secs(), "feed failed: {message}"),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
