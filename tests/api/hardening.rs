//! What a hostile client and a busy newsroom found (issue 10), one test per finding: each
//! failed before its fix.

use std::io::{Read, Write};
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use serde_json::{Value, json};
use tarikh::api::router;

use crate::support::{TOKEN, apps, problem, seeded};

fn with_host(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header("host", host)
        .header("x-forwarded-proto", "https")
        .body(Body::empty())
        .unwrap()
}

/// Item 1: the feeds' links never come from `Host` / `X-Forwarded-Proto`, so the first
/// reader after a write cannot decide every reader's links.
#[tokio::test]
async fn feed_links_ignore_the_host_header() {
    for app in apps().await {
        for uri in ["/feed.json", "/feed.atom"] {
            let poisoned = app.send(with_host(uri, "evil.example")).await;
            assert_eq!(poisoned.status, 200);
            let body = String::from_utf8(poisoned.body.clone()).unwrap();
            assert!(!body.contains("evil.example"), "{uri}: {body}");
            // Relative links without a configured public URL.
            assert!(
                body.contains("\"/api/v1/events/") || body.contains("href=\"/api/v1/events/"),
                "{uri}: {body}"
            );
            let next = app.send(with_host(uri, "localhost")).await;
            assert_eq!(next.body, poisoned.body, "{uri}: the same for every reader");
            // The one request header an answer depends on is named in Vary.
            let gzip = Request::get(uri)
                .header("accept-encoding", "gzip")
                .body(Body::empty())
                .unwrap();
            let r = app.send(gzip).await;
            assert_eq!(r.header("content-encoding"), "gzip", "{uri}");
            let vary: Vec<&str> = r
                .headers
                .get_all("vary")
                .iter()
                .map(|v| v.to_str().unwrap())
                .collect();
            assert!(
                vary.iter().any(|v| v.contains("accept-encoding")),
                "{uri}: {vary:?}"
            );
        }
    }
}

#[tokio::test]
async fn feed_links_use_the_configured_public_url() {
    for app in apps().await {
        let state = app
            .state
            .clone()
            .with_public_url("https://tarikh.example/")
            .unwrap();
        let app = app.with_state(state);
        let feed = app
            .send(with_host("/feed.json", "evil.example"))
            .await
            .json();
        assert_eq!(feed["feed_url"], "https://tarikh.example/feed.json");
        let id = feed["items"][0]["id"].as_str().unwrap();
        assert!(
            id.starts_with("https://tarikh.example/api/v1/events/"),
            "{id}"
        );
        let atom = app.send(with_host("/feed.atom", "evil.example")).await;
        let atom = String::from_utf8(atom.body).unwrap();
        assert!(
            atom.contains("<id>https://tarikh.example/feed.atom</id>"),
            "{atom}"
        );
        assert!(!atom.contains("evil.example"));
        for bad in [
            "ftp://x.example",
            "https://x.example/?a=1",
            "tarikh.example",
            "https://",
        ] {
            assert!(
                app.state.clone().with_public_url(bad).is_err(),
                "{bad} was accepted"
            );
        }
    }
}

fn article(text: &str, published_at: &str) -> Value {
    json!({"text": text, "published_at": published_at, "source": "test"})
}

/// Item 2: a write that cannot get its turn in time is a 503 with Retry-After, never a 500,
/// and nothing is stored; once the turn is free the same write succeeds.
#[tokio::test]
async fn a_write_that_waits_too_long_is_503_with_retry_after() {
    let app = seeded().await;
    let store = app
        .state
        .store
        .clone()
        .with_write_wait(Duration::from_millis(200));
    let mut state = app.state.clone();
    state.store = store.clone();
    let app = app.with_state(state);
    let before = app.document_count().await;
    let body = article("التقى بوتين شي في بكين يوم الجمعة الماضية.", "2018-06-12");
    {
        let _other_writer = store.write_permit().await.unwrap();
        let r = app.post_json("/api/v1/documents", &body).await;
        let d = problem(&r, 503);
        assert!(d.contains("busy"), "{d}");
        assert_eq!(r.header("retry-after"), "5");
    }
    assert_eq!(app.document_count().await, before);
    let r = app.post_json("/api/v1/documents", &body).await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
}

/// Item 2: writers queue in the process: concurrent ingests all succeed.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_all_succeed() {
    for app in apps().await {
        let sentence = "وقال المتحدث إن الرئيس الروسي فلاديمير بوتين التقى نظيره الصيني شي جين بينغ \
                        في بكين يوم الجمعة الماضية لبحث التعاون. ";
        let mut tasks = Vec::new();
        for i in 0..8 {
            let router = app.router.clone();
            let text = format!("{} مقال {i}", sentence.repeat(300));
            tasks.push(tokio::spawn(async move {
                let request = Request::post("/api/v1/documents")
                    .header("content-type", "application/json")
                    .header("authorization", format!("Bearer {TOKEN}"))
                    .body(Body::from(article(&text, "2018-06-12").to_string()))
                    .unwrap();
                use tower::ServiceExt;
                router.oneshot(request).await.unwrap().status().as_u16()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), 201);
        }
    }
}

/// Item 3: one document gives an event at most five reports, however often it repeats the
/// sentence; the event's page lists its reports a page at a time; the feed carries the first
/// report of each event unless `evidence=all`.
#[tokio::test]
async fn reports_are_capped_paged_and_compact_in_the_feed() {
    for app in apps().await {
        let sentence = "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين يوم 8 \
                        يونيو 2018. ";
        let mut event_id = None;
        for i in 0..8 {
            let text = format!("{}\nالمصدر رقم {i}", sentence.repeat(40));
            let r = app
                .post_json("/api/v1/documents", &article(&text, "2018-06-12"))
                .await;
            assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
            let doc = r.json()["document_id"].as_i64().unwrap();
            let d = app.get(&format!("/api/v1/documents/{doc}")).await.json();
            let reports = d["events"].as_array().unwrap();
            assert!(
                (1..=5).contains(&reports.len()),
                "{} reports from one document",
                reports.len()
            );
            event_id = Some(reports[0]["event_id"].as_i64().unwrap());
        }
        let event_id = event_id.unwrap();
        let first = app
            .get(&format!("/api/v1/events/{event_id}?limit=7"))
            .await
            .json();
        let total = first["evidence_count"].as_i64().unwrap();
        assert!(total >= 8, "{total}");
        assert_eq!(first["evidence"].as_array().unwrap().len(), 7);
        let mut seen: Vec<i64> = Vec::new();
        let mut page = first;
        loop {
            for e in page["evidence"].as_array().unwrap() {
                seen.push(e["evidence_id"].as_i64().unwrap());
                assert!(e["sentence"].as_str().is_some());
            }
            let Some(cursor) = page["next_cursor"].as_str() else {
                break;
            };
            page = app
                .get(&format!(
                    "/api/v1/events/{event_id}?limit=7&cursor={cursor}"
                ))
                .await
                .json();
        }
        assert_eq!(seen.len() as i64, total);
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
        let d = problem(
            &app.get(&format!("/api/v1/events/{event_id}?cursor=x"))
                .await,
            400,
        );
        assert!(d.contains("cursor"), "{d}");

        let feed = app.get("/api/v1/events?limit=500").await.json();
        let entry = feed["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event_id"] == event_id)
            .unwrap()
            .clone();
        assert_eq!(entry["evidence"].as_array().unwrap().len(), 1);
        assert_eq!(entry["evidence_count"], total);
        let all = app
            .get("/api/v1/events?limit=500&evidence=all")
            .await
            .json();
        let entry = all["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["event_id"] == event_id)
            .unwrap()
            .clone();
        assert_eq!(entry["evidence"].as_array().unwrap().len() as i64, total);
        let d = problem(&app.get("/api/v1/events?evidence=some").await, 400);
        assert!(d.contains("first") && d.contains("all"), "{d}");
    }
}

/// Items 4 and 10: document dates only in the documented forms and years 1800–2200, with an
/// answer that says which form was expected; the extremes that overflowed are refused.
#[tokio::test]
async fn document_dates_are_read_exactly() {
    for app in apps().await {
        let before = app.document_count().await;
        let cases = [
            ("+262142-12-31", "expected YYYY-MM-DD"),
            ("-0001-01-01", "expected YYYY-MM-DD"),
            ("0000-01-01", "from 1800 to 2200"),
            ("2018-6-1", "expected YYYY-MM-DD"),
            (" 2018-06-12 ", "expected YYYY-MM-DD"),
            ("2018-06-12T10:00:60", "no such time of day"),
            ("+12018-06-12", "expected YYYY-MM-DD"),
        ];
        for (date, why) in cases {
            let r = app
                .post_json("/api/v1/documents", &article("اجتمع الوزراء أمس.", date))
                .await;
            let d = problem(&r, 422);
            assert!(d.contains("published_at") && d.contains(why), "{date}: {d}");
            let r = app
                .post_json(
                    "/api/v1/extract",
                    &json!({"text": "اجتمع الوزراء أمس الجمعة الماضية", "dct": date}),
                )
                .await;
            let d = problem(&r, 422);
            assert!(d.contains("dct") && d.contains(why), "{date}: {d}");
        }
        assert_eq!(app.document_count().await, before);
    }
}

/// Item 10: one JSON value per body, nothing after it.
#[tokio::test]
async fn trailing_bytes_after_the_json_are_refused() {
    for app in apps().await {
        let before = app.document_count().await;
        for uri in ["/api/v1/documents", "/api/v1/extract"] {
            let body = r#"{"text": "نص", "published_at": "2018-06-12", "dct": "2018-06-12"} xx"#;
            let body = if uri.ends_with("extract") {
                body.replace(r#""published_at": "2018-06-12", "#, "")
            } else {
                body.replace(r#", "dct": "2018-06-12""#, "")
            };
            let request = Request::post(uri)
                .header("content-type", "application/json")
                .header("authorization", format!("Bearer {TOKEN}"))
                .body(Body::from(body))
                .unwrap();
            let d = problem(&app.send(request).await, 422);
            assert!(d.contains("nothing after it"), "{uri}: {d}");
        }
        assert_eq!(app.document_count().await, before);
    }
}

fn post_with_auth(authorization: &str) -> Request<Body> {
    Request::post("/api/v1/documents")
        .header("content-type", "application/json")
        .header("authorization", authorization)
        .body(Body::from(
            article("اجتمع الوزراء أمس في الرياض.", "2018-06-12").to_string(),
        ))
        .unwrap()
}

/// Item 8: failed authentications are limited per client: after ten, every write from it is
/// refused with 429 and Retry-After, even the right token, until the window ends.
#[tokio::test]
async fn token_guessing_is_rate_limited() {
    for app in apps().await {
        for i in 0..tarikh::api::auth::MAX_FAILURES {
            let r = app.send(post_with_auth(&format!("Bearer guess-{i}"))).await;
            problem(&r, 401);
        }
        let r = app.send(post_with_auth("Bearer guess-again")).await;
        let d = problem(&r, 429);
        assert!(d.contains("failed authentications"), "{d}");
        let wait: u64 = r.header("retry-after").parse().unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
        let r = app.send(post_with_auth(&format!("Bearer {TOKEN}"))).await;
        problem(&r, 429);
    }
}

/// Item 8: the scheme name is case-insensitive (RFC 9110 §11.1).
#[tokio::test]
async fn the_bearer_scheme_in_any_case() {
    for app in apps().await {
        for scheme in ["bearer", "BEARER", "Bearer"] {
            let r = app.send(post_with_auth(&format!("{scheme} {TOKEN}"))).await;
            assert!(
                r.status == 201 || r.status == 200,
                "{scheme}: {}",
                String::from_utf8_lossy(&r.body)
            );
        }
    }
}

/// Item 9: every answer is problem+json with nosniff: unknown assets, long targets, too many
/// headers, and a body shorter than its Content-Length (on a real socket).
#[tokio::test]
async fn every_error_is_problem_json() {
    for app in apps().await {
        let r = app.get("/assets/nothing-here.js").await;
        problem(&r, 404);
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        let r = app.get("/api/v1/events").await;
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        let long = format!("/api/v1/events?q={}", "a".repeat(10_000));
        problem(&app.get(&long).await, 414);
        let mut request = Request::get("/api/v1/events");
        for i in 0..80 {
            request = request.header(format!("x-h{i}"), "v");
        }
        problem(&app.send(request.body(Body::empty()).unwrap()).await, 431);

        let mut state = app.state.clone();
        state.request_timeout = Duration::from_millis(300);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(axum::serve(listener, router(state)).into_future());
        let response = tokio::task::spawn_blocking(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            write!(
                s,
                "POST /api/v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                 Content-Length: 100\r\n\r\n{{\"text\": "
            )
            .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out
        })
        .await
        .unwrap();
        server.abort();
        assert!(response.starts_with("HTTP/1.1 408"), "{response}");
        assert!(response.contains("application/problem+json"), "{response}");
        assert!(response.contains("Content-Length"), "{response}");
    }
}

/// Item 9, what remains: a request hyper cannot parse never reaches the service, and hyper
/// answers it with a bare 400 that no layer can give a body (README, "What hyper answers
/// itself"). The connection is closed; the server goes on serving.
#[tokio::test]
async fn malformed_requests_get_hypers_bare_400() {
    for app in apps().await {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(axum::serve(listener, router(app.state.clone())).into_future());
        let answers = tokio::task::spawn_blocking(move || {
            let requests: [&[u8]; 4] = [
                b"GARBAGE\r\n\r\n",
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            ];
            requests.map(|request| {
                let mut s = std::net::TcpStream::connect(addr).unwrap();
                s.write_all(request).unwrap();
                let mut out = String::new();
                s.read_to_string(&mut out).unwrap();
                out.to_ascii_lowercase()
            })
        })
        .await
        .unwrap();
        server.abort();
        let (bad, good) = answers.split_at(3);
        for answer in bad {
            assert!(
                answer.starts_with("http/1.1 400 bad request\r\n"),
                "{answer}"
            );
            assert!(answer.contains("content-length: 0\r\n"), "{answer}");
            assert!(answer.contains("connection: close\r\n"), "{answer}");
            assert!(answer.ends_with("\r\n\r\n"), "no body: {answer}");
        }
        assert!(good[0].starts_with("http/1.1 200 ok"), "{}", good[0]);
    }
}

/// Item 7: made-up methods do not grow the metrics.
#[tokio::test]
async fn metrics_label_only_known_methods() {
    for app in apps().await {
        for i in 0..50 {
            let request = Request::builder()
                .method(format!("MADEUP{i}").as_str())
                .uri("/api/v1/events")
                .body(Body::empty())
                .unwrap();
            app.send(request).await;
        }
        let text = String::from_utf8(app.get("/metrics").await.body).unwrap();
        assert!(!text.contains("MADEUP"), "{text}");
        assert!(text.contains("method=\"OTHER\""), "{text}");
    }
}

/// Item 6: a range of more than 5000 buckets is cut to its busiest stretch, not refused.
#[tokio::test]
async fn a_long_histogram_range_is_cut_not_refused() {
    for app in apps().await {
        let r = app
            .get("/api/v1/histogram?interval=week&from=1800&to=2026")
            .await;
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        let h = r.json();
        let buckets = h["buckets"].as_array().unwrap();
        assert!(
            !buckets.is_empty() && buckets.len() <= 5000,
            "{}",
            buckets.len()
        );
        assert_eq!(h["outside"]["before"], 0);
    }
}
