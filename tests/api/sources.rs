//! `GET /api/v1/sources`: an empty list without `serve --watch`, else every watched feed, as
//! the OpenAPI document describes it, before its first fetch and after a failed one.

use std::time::Duration;

use serde_json::json;
use tarikh::ingest::Limits;
use tarikh::ingest::watch::{WatchOptions, WatchState, watch};

use crate::openapi::{document, documented};
use crate::support::apps;

#[tokio::test]
async fn sources_are_listed_as_documented() {
    for app in apps().await {
        let doc = document(&app).await;
        let none = app.get("/api/v1/sources").await;
        assert_eq!(none.json(), json!([]));
        assert_eq!(none.header("cache-control"), "no-store");
        documented(&doc, "get", "/api/v1/sources", &none);

        // Port 1 refuses connections: a failed fetch at once.
        let urls = ["http://127.0.0.1:1/feed.xml".to_owned()];
        let watched = WatchState::new(&urls);
        let mut state = app.state.clone();
        state.sources = watched.clone();
        let app = app.with_state(state);
        let before = app.get("/api/v1/sources").await;
        let listed = before.json();
        assert_eq!(listed[0]["url"], urls[0]);
        assert_eq!(listed[0]["last_fetch"], json!(null));
        documented(&doc, "get", "/api/v1/sources", &before);

        let options = WatchOptions {
            limits: Limits {
                timeout: Duration::from_secs(5),
                ..Limits::default()
            },
            ..WatchOptions::every(Duration::from_secs(60))
        };
        let store = app.state.store.clone();
        let task = tokio::spawn(async move { watch(&store, &watched, options, |_| {}).await });
        let mut failed = None;
        for _ in 0..100 {
            let r = app.get("/api/v1/sources").await;
            if r.json()[0]["last_status"] == "error" {
                failed = Some(r);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        task.abort();
        let failed = failed.expect("the fetch never failed");
        let source = &failed.json()[0];
        assert!(
            source["last_error"]
                .as_str()
                .unwrap()
                .contains("cannot connect"),
            "{source}"
        );
        assert_eq!(source["consecutive_errors"], 1, "{source}");
        documented(&doc, "get", "/api/v1/sources", &failed);
    }
}
