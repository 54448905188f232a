//! Every error class answers application/problem+json whose detail says what to fix, and no
//! bad request changes what is stored.

use axum::body::Body;
use axum::http::Request;
use serde_json::json;

use crate::support::{App, Reply, TOKEN, apps, problem, seeded_with};

async fn post_raw(app: &App, content_type: &str, body: Vec<u8>) -> Reply {
    let request = Request::post("/api/v1/documents")
        .header("content-type", content_type)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[tokio::test]
async fn unknown_route_is_404_and_unknown_event_too() {
    for app in apps().await {
        let d = problem(&app.get("/api/v2/events").await, 404);
        assert!(d.contains("/api/v2/events"), "{d}");
        let d = problem(&app.get("/api/v1/events/999999").await, 404);
        assert!(d.contains("999999"), "{d}");
        problem(&app.get("/api/v1/events/abc").await, 404);
        problem(&app.get("/api/v1/documents/0").await, 404);
    }
}

#[tokio::test]
async fn wrong_method_is_405() {
    for app in apps().await {
        let r = app
            .send(
                Request::delete("/api/v1/events")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        let d = problem(&r, 405);
        assert!(d.contains("DELETE"), "{d}");
        let r = app
            .send(
                Request::get("/api/v1/documents")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        problem(&r, 405);
    }
}

#[tokio::test]
async fn bad_filters_are_400_and_name_the_parameter() {
    for app in apps().await {
        let cases = [
            ("/api/v1/events?from=2024-13", "from", "YYYY-MM"),
            ("/api/v1/events?to=2022-02-30", "to", "2022-02-30"),
            ("/api/v1/events?country=Russia", "country", "alpha-3"),
            ("/api/v1/events?kind=party", "kind", "meeting"),
            ("/api/v1/events?limit=10001", "limit", "10000"),
            ("/api/v1/events?fields=date,quotes", "fields", "`quotes`"),
            ("/api/v1/events?countries=RUS", "countries", "country"),
            ("/api/v1/histogram?interval=day", "interval", "month"),
        ];
        for (uri, param, hint) in cases {
            let r = app.get(uri).await;
            let d = problem(&r, 400);
            assert_eq!(r.json()["param"], param, "{uri}");
            assert!(d.contains(hint), "{uri}: {d}");
        }
    }
}

#[tokio::test]
async fn bad_cursor_is_400() {
    for app in apps().await {
        let d = problem(&app.get("/api/v1/events?cursor=not-a-cursor").await, 400);
        assert!(d.contains("cursor"), "{d}");
        // A cursor is a position in the timeline: with other filters it starts their page after
        // the same position (every schema-valid cursor is accepted, as /openapi.json says).
        let first = app.get("/api/v1/events?limit=1").await.json();
        let cursor = first["next_cursor"].as_str().unwrap();
        let after = app
            .get(&format!("/api/v1/events?country=RUS&cursor={cursor}"))
            .await
            .json();
        let all = app.get("/api/v1/events?country=RUS").await.json();
        let ids = |page: &serde_json::Value| -> Vec<i64> {
            page["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["event_id"].as_i64().unwrap())
                .collect()
        };
        let first_id = first["events"][0]["event_id"].as_i64().unwrap();
        let expected: Vec<i64> = match ids(&all).iter().position(|id| *id == first_id) {
            Some(at) => ids(&all)[at + 1..].to_vec(),
            None => ids(&all),
        };
        assert_eq!(ids(&after), expected);
    }
}

#[tokio::test]
async fn bad_bodies_are_rejected_and_nothing_stored_changes() {
    for app in apps().await {
        let before = app.get("/api/v1/events?limit=500").await.body;
        let docs = app.document_count().await;

        let d = problem(&post_raw(&app, "text/plain", b"{}".to_vec()).await, 415);
        assert!(d.contains("application/json"), "{d}");
        let d = problem(
            &post_raw(&app, "application/json", b"{\"text\": ".to_vec()).await,
            422,
        );
        assert!(d.contains("EOF") || d.contains("line"), "{d}");
        let mut invalid = b"{\"text\": \"".to_vec();
        invalid.extend([0xff, 0xfe]);
        invalid.extend(b"\", \"published_at\": \"2022-09-15\"}");
        let d = problem(&post_raw(&app, "application/json", invalid).await, 422);
        assert!(d.contains("UTF-8"), "{d}");
        let impossible = json!({"text": "التقى بوتين شي في 31 شباط", "published_at": "2022-02-31"});
        let d = problem(&app.post_json("/api/v1/documents", &impossible).await, 422);
        assert!(d.contains("published_at"), "{d}");
        let missing = json!({"text": "نص"});
        let d = problem(&app.post_json("/api/v1/documents", &missing).await, 422);
        assert!(d.contains("published_at"), "{d}");
        let empty = json!({"text": "  ", "published_at": "2022-09-15"});
        let d = problem(&app.post_json("/api/v1/documents", &empty).await, 422);
        assert!(d.contains("text"), "{d}");
        let huge = json!({"text": "ا".repeat(3 << 20), "published_at": "2022-09-15"});
        let d = problem(&app.post_json("/api/v1/documents", &huge).await, 413);
        assert!(!d.is_empty());

        assert_eq!(app.document_count().await, docs);
        assert_eq!(app.get("/api/v1/events?limit=500").await.body, before);
    }
}

#[tokio::test]
async fn writes_need_the_token() {
    for app in apps().await {
        let article = json!({"text": "زار لافروف بكين أمس", "published_at": "2023-04-02"});
        let no_token = Request::post("/api/v1/documents")
            .header("content-type", "application/json")
            .body(Body::from(article.to_string()))
            .unwrap();
        let r = app.send(no_token).await;
        let d = problem(&r, 401);
        assert_eq!(r.header("www-authenticate"), "Bearer");
        assert!(d.contains("Bearer"), "{d}");
        let wrong = Request::post("/api/v1/documents")
            .header("content-type", "application/json")
            .header("authorization", "Bearer guess")
            .body(Body::from(article.to_string()))
            .unwrap();
        problem(&app.send(wrong).await, 401);

        let closed = seeded_with(None).await;
        let d = problem(&closed.post_json("/api/v1/documents", &article).await, 403);
        assert!(d.contains("TARIKH_TOKEN"), "{d}");
        assert_eq!(closed.document_count().await, 2);
        // Reads stay open.
        assert_eq!(closed.get("/api/v1/events").await.status, 200);
    }
}
