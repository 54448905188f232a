//! The binary with the new kinds of source (issue 12): `ingest` reads feed and page files
//! and names each one it skips and why; every command reads front matter after a UTF-8
//! byte order mark; a date with an offset is the local date at the source; `serve` says
//! when it starts with no articles.

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
