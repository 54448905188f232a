//! HTTP behaviour around the handlers: ETags, CORS, compression, metrics, and a real socket.

use std::io::{Read, Write};

use axum::body::Body;
use axum::http::Request;
use tarikh::api::router;

use crate::support::apps;

#[tokio::test]
async fn etag_gives_304_until_the_data_changes() {
    for app in apps().await {
        for uri in [
            "/api/v1/events?country=RUS&country=CHN",
            "/api/v1/histogram?interval=year",
            "/api/v1/events/1",
        ] {
            let first = app.get(uri).await;
            assert_eq!(first.status, 200, "{uri}");
            let etag = first.header("etag").to_owned();
            assert!(etag.starts_with('"'), "{uri}");
            let again = app
                .send(
                    Request::get(uri)
                        .header("if-none-match", &etag)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(again.status, 304, "{uri}");
            assert!(again.body.is_empty());
            let other = app
                .send(
                    Request::get(uri)
                        .header("if-none-match", "\"x\"")
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(other.status, 200);
            assert_eq!(other.body, first.body);
        }
    }
}

#[tokio::test]
async fn cors_lets_another_origin_read_the_feed() {
    for app in apps().await {
        let r = app
            .send(
                Request::get("/api/v1/events?limit=1")
                    .header("origin", "https://charts.example")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(r.header("access-control-allow-origin"), "*");
        let exposed = r
            .header("access-control-expose-headers")
            .to_ascii_lowercase();
        assert!(
            exposed.contains("link") && exposed.contains("etag"),
            "{exposed}"
        );
    }
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    for app in apps().await {
        for encoding in ["gzip", "br"] {
            let r = app
                .send(
                    Request::get("/api/v1/events?limit=500")
                        .header("accept-encoding", encoding)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(r.header("content-encoding"), encoding);
        }
    }
}

#[tokio::test]
async fn health_and_metrics() {
    for app in apps().await {
        let h = app.get("/healthz").await;
        assert_eq!(h.status, 200);
        assert_eq!(h.json()["documents"], 2);
        app.get("/api/v1/events").await;
        let m = app.get("/metrics").await;
        let text = String::from_utf8(m.body).unwrap();
        assert!(
            text.contains(
                "tarikh_http_requests_total{method=\"GET\",route=\"/api/v1/events\",status=\"200\"} 1"
            ),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_real_socket_on_port_0() {
    for app in apps().await {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(axum::serve(listener, router(app.state.clone())).into_future());
        let response = tokio::task::spawn_blocking(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            write!(
                s,
                "GET /api/v1/events?country=RUS&country=CHN HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out
        })
        .await
        .unwrap();
        server.abort();
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        assert!(response.contains("\"2022-W37\""), "{response}");
    }
}

/// The binary: `tarikh serve --addr 127.0.0.1:0` says where it listens, serves the seeds of an
/// empty database, and stops cleanly on SIGTERM.
#[test]
fn the_binary_serves_the_seeds_and_stops_on_sigterm() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("t.db"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TARIKH_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("tarikh listening on http://")
        .unwrap_or_else(|| panic!("{line}"))
        .to_owned();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        s,
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.contains("\"documents\":2"), "{out}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
}
