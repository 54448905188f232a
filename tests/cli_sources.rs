//! The binary with the new kinds of source (issue 12): `ingest` reads feed and page files
//! and names each one it skips and why; every command reads front matter after a UTF-8
//! byte order mark; a date with an offset is the local date at the source; `serve` says
//! when it starts with no articles; `watch` and `serve --watch` store a feed's items and
//! show its state at /api/v1/sources.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn tarikh(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .env_remove("TARIKH_TOKEN")
        .output()
        .unwrap()
}

const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة</title>
<item><title>لقاء</title><pubDate>Tue, 01 Mar 2022 01:00:00 +0300</pubDate>
<description>التقى الوزيران في موسكو يوم الأحد الماضي.</description></item>
</channel></rss>"#;

#[test]
fn ingest_reads_feeds_and_names_what_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_owned();
    std::fs::write(p("news.rss"), FEED).unwrap();
    std::fs::write(p("broken.xml"), "<rss><channel><item>").unwrap();
    std::fs::write(
        p("bom.md"),
        "\u{feff}---\npublished_at: 2022-03-01T01:00:00+03:00\n---\nزار الوزير القاهرة أمس.\n",
    )
    .unwrap();
    let out = tarikh(&[
        "ingest",
        &p("news.rss"),
        &p("broken.xml"),
        &p("bom.md"),
        "--db",
        &p("t.db"),
    ]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(!out.status.success(), "a skipped source is a failed run");
    assert!(
        stdout.contains("documents: 2 new, 0 unchanged, 1 failed"),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "{}: not a readable RSS or Atom feed",
            p("broken.xml")
        )),
        "{stderr}"
    );
    // `extract` reads the same file's front matter: أمس is the day before 1 March at the
    // source (28 February), not the day before 28 February in UTC.
    let out = tarikh(&["extract", &p("bom.md")]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["timexes"][0]["value"], "2022-02-28", "{json}");
}

#[test]
fn serve_says_when_it_starts_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["serve", "--addr", "127.0.0.1:0", "--seeds"])
        .arg(dir.path().join("no-seeds"))
        .arg("--db")
        .arg(&db)
        .env_remove("TARIKH_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let started = Instant::now();
    let mut said = None;
    for line in stderr.lines() {
        let line = line.unwrap();
        if line.contains("empty database") {
            said = Some(line);
            break;
        }
        if started.elapsed() > Duration::from_secs(20) {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let said = said.expect("serve never said it starts empty");
    assert!(
        said.contains("no seeds directory") && said.contains("tarikh ingest"),
        "{said}"
    );
}

/// A feed of one item on a free local port, served from this test's runtime.
async fn feed_server() -> String {
    use axum::routing::get;
    let app = axum::Router::new().route("/feed.xml", get(|| async { FEED }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("{base}/feed.xml")
}

/// The first line of the child's standard output that contains `what`, within 60 s.
async fn line_with(child: &mut std::process::Child, what: &'static str) -> String {
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let find = tokio::task::spawn_blocking(move || {
        stdout
            .lines()
            .map_while(Result::ok)
            .find(|l| l.contains(what))
    });
    let found = tokio::time::timeout(Duration::from_secs(60), find).await;
    found
        .ok()
        .and_then(Result::ok)
        .flatten()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_stores_a_feeds_items_and_refuses_files() {
    let out = tarikh(&["watch", "feed.xml"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not an http:// or https:// URL"),
        "{stderr}"
    );

    let url = feed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["watch", &url, "--interval", "1", "--db"])
        .arg(dir.path().join("t.db"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = line_with(&mut child, "new").await;
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(line, format!("{url}: 1 new, 0 already stored"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_watch_shows_its_feeds_at_api_sources() {
    let url = feed_server().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["serve", "--addr", "127.0.0.1:0", "--watch", &url])
        .args(["--watch-interval", "1", "--seeds"])
        .arg(dir.path().join("no-seeds"))
        .arg("--db")
        .arg(dir.path().join("t.db"))
        .env_remove("TARIKH_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = line_with(&mut child, "listening on").await;
    let api = line.rsplit(' ').next().unwrap_or_default().to_owned();
    let mut source = serde_json::Value::Null;
    for _ in 0..200 {
        if let Ok(r) = reqwest::get(format!("{api}/api/v1/sources")).await {
            let json: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
            source = json[0].clone();
            if source["items_ingested"] == 1 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(source["url"], url.as_str(), "{source}");
    assert_eq!(source["items_ingested"], 1, "{source}");
    assert_ne!(source["last_status"], "error", "{source}");
}
