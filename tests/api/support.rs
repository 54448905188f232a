//! A seeded app per test, and requests that return status, headers and body.

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tarikh::api::{AppState, router};
use tarikh::ingest;
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-3f9a";

pub struct App {
    pub router: Router,
    pub state: AppState,
    /// The backend, for messages.
    pub backend: &'static str,
    /// The database (none for a second replica on another app's).
    _db: Option<crate::backends::TestDb>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }
}

/// A fresh SQLite database with the seed articles, served with write token [`TOKEN`] (or
/// none).
pub async fn seeded_with(token: Option<&str>) -> App {
    seeded_on(crate::backends::sqlite(), token).await
}

/// The seeded app on every backend to test ([`crate::backends::each`]), with [`TOKEN`].
pub async fn apps() -> Vec<App> {
    apps_with(Some(TOKEN)).await
}

/// [`apps`] with write token `token` (or none).
pub async fn apps_with(token: Option<&str>) -> Vec<App> {
    let mut apps = Vec::new();
    for db in crate::backends::each().await {
        apps.push(seeded_on(db, token).await);
    }
    apps
}

/// On every backend, two apps on one fresh seeded database, each with its own store (two
/// replicas of the service), the second following the writes made through the first; the
/// first takes writes with [`TOKEN`].
pub async fn replicas() -> Vec<(App, App)> {
    let mut pairs = Vec::new();
    for db in crate::backends::each().await {
        let name = db.name;
        let second = db.store().await;
        let first = seeded_on(db, Some(TOKEN)).await;
        let state = AppState::new(second, None);
        state.follow_writes().await.unwrap();
        let second = App {
            router: router(state.clone()),
            state,
            backend: name,
            _db: None,
        };
        pairs.push((first, second));
    }
    pairs
}

async fn seeded_on(db: crate::backends::TestDb, token: Option<&str>) -> App {
    let store = db.store().await;
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    ingest::seed_if_empty(&store, &seeds)
        .await
        .unwrap()
        .unwrap();
    let state = AppState::new(store, token.map(str::to_owned));
    App {
        router: router(state.clone()),
        state,
        backend: db.name,
        _db: Some(db),
    }
}

pub async fn seeded() -> App {
    seeded_with(Some(TOKEN)).await
}

impl App {
    /// The same database served with another state (a public URL, shorter time limits).
    pub fn with_state(self, state: AppState) -> App {
        App {
            router: router(state.clone()),
            state,
            backend: self.backend,
            _db: self._db,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// A POST with a JSON body and the right token.
    pub async fn post_json(&self, uri: &str, body: &Value) -> Reply {
        let request = Request::post(uri)
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    pub async fn document_count(&self) -> i64 {
        self.state.store.document_count().await.unwrap()
    }
}

/// The (value, precision) of each event of a feed page.
pub fn dates(page: &Value) -> Vec<(String, String)> {
    page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"]["value"].as_str().unwrap().to_owned(),
                e["date"]["precision"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Checks the problem document and returns its detail.
pub fn problem(r: &Reply, status: u16) -> String {
    assert_eq!(
        r.status.as_u16(),
        status,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.header("content-type"), "application/problem+json");
    let p = r.json();
    assert_eq!(p["status"], status);
    assert!(p["title"].as_str().is_some_and(|t| !t.is_empty()));
    p["detail"].as_str().unwrap().to_owned()
}
