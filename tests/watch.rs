//! `watch` against a server on a free local port serving our own feeds: conditional requests
//! answered 304 (ETag and Last-Modified), an item added to a feed picked up at the next
//! fetch, nothing stored twice (across a restart, with an item's text edited, too) while
//! items sharing a link are all stored, and a missing feed reported in `GET /api/v1/sources`
//! and backed off while the others go on (a slow one too; a busy one's Retry-After kept).

#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http_body_util::BodyExt;
use serde_json::Value;
use tarikh::api::{AppState, router};
use tarikh::ingest::Limits;
use tarikh::ingest::watch::{FetchStatus, SourceState, WatchEvent, WatchOptions, WatchState};
use tarikh::store::{self, Store};
use tower::ServiceExt;

/// (link, title, pubDate, text); no pubDate makes an item that cannot be stored.
type Item = (&'static str, &'static str, Option<&'static str>, String);

fn rss(items: &[Item]) -> String {
    let items: String = items
        .iter()
        .map(|(link, title, date, text)| {
            let date = date.map_or(String::new(), |d| format!("<pubDate>{d}</pubDate>"));
            format!(
                "<item><title>{title}</title><link>{link}</link>{date}\
                 <description>{text}</description></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
         <title>نشرة المراقبة</title>{items}</channel></rss>"
    )
}

fn first_items() -> Vec<Item> {
    vec![
        (
            "https://news.example/a",
            "لقاء في موسكو",
            Some("Tue, 01 Mar 2022 10:00:00 +0300"),
            "التقى وزيرا الخارجية في موسكو يوم الأحد الماضي.".to_owned(),
        ),
        (
            "https://news.example/b",
            "مؤتمر في بكين",
            Some("Wed, 02 Mar 2022 10:00:00 +0300"),
            "يعقد المؤتمر في بكين في العاشر من أبريل المقبل.".to_owned(),
        ),
        (
            "https://news.example/c",
            "بلا تاريخ",
            None,
            "نص بلا تاريخ نشر.".to_owned(),
        ),
    ]
}

const LAST_MODIFIED: &str = "Tue, 01 Mar 2022 12:00:00 GMT";

/// What the server was asked, by path.
#[derive(Debug, Default, Clone, Copy)]
struct Hits {
    requests: usize,
    /// Requests with `If-None-Match` (or `If-Modified-Since`) naming the current version.
    not_modified: usize,
}

#[derive(Default)]
struct Served {
    /// The items of /feed.xml and its version (its ETag).
    feed: Mutex<(Vec<Item>, u32)>,
    hits: Mutex<BTreeMap<String, Hits>>,
}

impl Served {
    fn hit(&self, path: &str, not_modified: bool) {
        let mut hits = self.hits.lock().unwrap();
        let h = hits.entry(path.to_owned()).or_default();
        h.requests += 1;
        h.not_modified += usize::from(not_modified);
    }

    fn hits(&self, path: &str) -> Hits {
        self.hits
            .lock()
            .unwrap()
            .get(path)
            .copied()
            .unwrap_or_default()
    }

    fn change(&self, edit: impl FnOnce(&mut Vec<Item>)) {
        let mut feed = self.feed.lock().unwrap();
        edit(&mut feed.0);
        feed.1 += 1;
    }
}

/// /feed.xml answers 304 to the ETag of its current version.
async fn feed(State(served): State<Arc<Served>>, headers: HeaderMap) -> Response {
    let (body, etag) = {
        let feed = served.feed.lock().unwrap();
        (rss(&feed.0), format!("\"v{}\"", feed.1))
    };
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes());
    served.hit("/feed.xml", unchanged);
    if unchanged {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let xml = "application/rss+xml".to_owned();
    ([(header::CONTENT_TYPE, xml), (header::ETAG, etag)], body).into_response()
}

/// /dated.xml has a Last-Modified and no ETag, and answers 304 to `If-Modified-Since`.
async fn dated(State(served): State<Arc<Served>>, headers: HeaderMap) -> Response {
    let unchanged = headers
        .get(header::IF_MODIFIED_SINCE)
        .is_some_and(|v| v == LAST_MODIFIED);
    served.hit("/dated.xml", unchanged);
    if unchanged {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    // Both items link to the home page: a link shared names neither of them.
    let items = [
        (
            "https://other.example/",
            "قمة ثنائية",
            Some("Sat, 05 Mar 2022 09:00:00 +0200"),
            "عقدت القمة أمس في أنقرة.".to_owned(),
        ),
        (
            "https://other.example/",
            "زيارة إلى عمّان",
            Some("Sun, 06 Mar 2022 09:00:00 +0200"),
            "يزور الوفد عمّان الأسبوع المقبل.".to_owned(),
        ),
    ];
    ([(header::LAST_MODIFIED, LAST_MODIFIED)], rss(&items)).into_response()
}

/// /busy.xml asks to be left alone for a minute.
async fn busy() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "60")],
    )
        .into_response()
}

/// /slow.xml answers after longer than the fetch time limit.
async fn slow() -> StatusCode {
    tokio::time::sleep(Duration::from_secs(60)).await;
    StatusCode::OK
}

async fn missing(State(served): State<Arc<Served>>) -> StatusCode {
    served.hit("/missing.xml", false);
    StatusCode::NOT_FOUND
}

async fn serve_feeds(served: Arc<Served>) -> String {
    let app = Router::new()
        .route("/feed.xml", get(feed))
        .route("/dated.xml", get(dated))
        .route("/missing.xml", get(missing))
        .route("/slow.xml", get(slow))
        .route("/busy.xml", get(busy))
        .with_state(served);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    base
}

fn options() -> WatchOptions {
    WatchOptions {
        interval: Duration::from_secs(1),
        max_backoff: Duration::from_secs(60),
        limits: Limits {
            max_bytes: 1 << 20,
            timeout: Duration::from_secs(5),
            max_redirects: 2,
        },
    }
}

/// Starts watching `urls`; the events are collected in the second value.
fn start(
    store: &Store,
    urls: &[String],
) -> (
    WatchState,
    Arc<Mutex<Vec<WatchEvent>>>,
    tokio::task::JoinHandle<()>,
) {
    let state = WatchState::new(urls);
    let events = Arc::new(Mutex::new(Vec::new()));
    let (store, watched, heard) = (store.clone(), state.clone(), events.clone());
    let task = tokio::spawn(async move {
        let on_event = move |e| heard.lock().unwrap().push(e);
        tarikh::ingest::watch::watch(&store, &watched, options(), on_event)
            .await
            .unwrap();
    });
    (state, events, task)
}

/// Waits (at most 30 s) until `done` holds of the state of the feeds.
async fn until(state: &WatchState, what: &str, done: impl Fn(&[SourceState]) -> bool) {
    for _ in 0..300 {
        if done(&state.snapshot()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: never happened; {:#?}", state.snapshot());
}

async fn documents(dir: &tempfile::TempDir) -> Vec<(String, String)> {
    sqlx::query_as("select url, text from documents order by document_id")
        .fetch_all(&sqlite_file::pool(&dir.path().join("t.db")).await)
        .await
        .unwrap()
}

async fn sources_json(state: &AppState) -> Value {
    let request = Request::get("/api/v1/sources").body(Body::empty()).unwrap();
    let response = router(state.clone()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&body).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_follows_feeds_and_stores_each_item_once() {
    let served = Arc::new(Served::default());
    served.change(|items| *items = first_items());
    let base = serve_feeds(served.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = store::connect(dir.path().join("t.db")).await.unwrap();
    let urls: Vec<String> = [
        "feed.xml",
        "dated.xml",
        "missing.xml",
        "slow.xml",
        "busy.xml",
    ]
    .iter()
    .map(|p| format!("{base}/{p}"))
    .collect();
    let (state, events, task) = start(&store, &urls);

    // Both feeds read, then asked conditionally and answered 304.
    until(&state, "both feeds answer 304", |s| {
        s[0].last_status == Some(FetchStatus::NotModified)
            && s[1].last_status == Some(FetchStatus::NotModified)
    })
    .await;
    assert!(served.hits("/feed.xml").not_modified >= 1);
    assert!(served.hits("/dated.xml").not_modified >= 1);
    let s = state.snapshot();
    assert_eq!((s[0].items_seen, s[0].items_ingested), (3, 2), "{s:#?}");
    assert_eq!((s[1].items_seen, s[1].items_ingested), (2, 2), "{s:#?}");
    assert_eq!(documents(&dir).await.len(), 4);

    // An item added is stored at the next fetch; the first item's text edited is not stored
    // again (the watch has seen it: same link, same title).
    served.change(|items| {
        items[0].3 = "التقى وزيرا الخارجية في موسكو يوم الأحد الماضي، وفق بيان.".to_owned();
        items.push((
            "https://news.example/d",
            "زيارة إلى القاهرة",
            Some("Thu, 03 Mar 2022 10:00:00 +0300"),
            "يزور الرئيس القاهرة غدا.".to_owned(),
        ));
    });
    until(&state, "the new item is stored", |s| {
        s[0].items_ingested == 3
    })
    .await;
    let stored = documents(&dir).await;
    assert_eq!(stored.len(), 5, "{stored:#?}");
    assert_eq!(stored[4].0, "https://news.example/d");

    // The missing feed: its error in /api/v1/sources, a wait that doubles, and no harm done.
    until(&state, "two failures in a row", |s| {
        s[2].consecutive_errors >= 2
    })
    .await;
    let mut api = AppState::new(store.clone(), None);
    api.sources = state.clone();
    let json = sources_json(&api).await;
    let listed: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    assert_eq!(listed, urls);
    let bad = &json[2];
    assert_eq!(bad["last_status"], "error", "{bad}");
    assert!(
        bad["last_error"].as_str().unwrap().contains("HTTP 404"),
        "{bad}"
    );
    let at = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
    let errors = bad["consecutive_errors"].as_u64().unwrap();
    let wait = at(&bad["next_fetch"]) - at(&bad["last_fetch"]);
    assert!(wait.num_seconds() >= 1 << errors, "{bad}");
    let good = &json[0];
    assert_eq!(good["last_error"], Value::Null, "{good}");
    assert_eq!(good["consecutive_errors"], 0, "{good}");
    assert_eq!(good["items_ingested"], 3, "{good}");
    assert!(served.hits("/missing.xml").requests < served.hits("/feed.xml").requests);
    // A 503 with Retry-After: the wait the server asked for, longer than the backoff.
    let busy = &json[4];
    assert!(
        busy["last_error"].as_str().unwrap().contains("503"),
        "{busy}"
    );
    let wait = at(&busy["next_fetch"]) - at(&busy["last_fetch"]);
    assert!(wait.num_seconds() >= 60, "{busy}");
    // All this while the slow feed was still being fetched, or had timed out.
    let slow = &json[3];
    assert!(
        slow["last_fetch"].is_null()
            || slow["last_error"]
                .as_str()
                .is_some_and(|e| e.contains("no complete answer")),
        "{slow}"
    );
    task.abort();

    // The undated item was reported once, not at every fetch.
    let skipped: Vec<WatchEvent> = events
        .lock()
        .unwrap()
        .iter()
        .filter(|e| matches!(e, WatchEvent::ItemSkipped(_)))
        .cloned()
        .collect();
    assert_eq!(skipped.len(), 1, "{skipped:#?}");

    // A new watch over the same store (a restart) stores nothing again: not the edited item
    // (its link is stored), not the others (their text is).
    let (state, _, task) = start(&store, &urls[..2]);
    until(&state, "the restarted watch reads both feeds", |s| {
        s.iter().all(|s| s.last_fetch.is_some())
    })
    .await;
    let s = state.snapshot();
    assert_eq!((s[0].items_seen, s[0].items_ingested), (4, 0), "{s:#?}");
    assert_eq!((s[1].items_seen, s[1].items_ingested), (2, 0), "{s:#?}");
    task.abort();
    assert_eq!(documents(&dir).await.len(), 5);
}
