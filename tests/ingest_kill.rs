//! Each document is stored atomically: `tarikh ingest` killed with SIGKILL in the middle of a
//! large run leaves every stored document complete (all its timexes, its evidence pointing at
//! it), and running it again stores the rest.

#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use tarikh::extract::{Dct, Mode, extract_timexes};
use tarikh::frontmatter;

const DOCUMENTS: usize = 2000;
/// Kill once this many documents are stored (ingest commits them in batches).
const KILL_AFTER: i64 = tarikh::ingest::BATCH as i64 + 1;

/// Variations of the seed articles, each a distinct text with its own date.
fn write_corpus(path: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let bodies: Vec<String> = ["000_8d6a8d0227a23908.md", "002_7b02ddba6740264c.md"]
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(seeds.join(f)).unwrap();
            // about 3 KB: the size of a news article, and quick to extract in a debug build
            frontmatter::split(&text)
                .1
                .chars()
                .take(1500)
                .collect::<String>()
        })
        .collect();
    let mut out = BufWriter::new(File::create(path).unwrap());
    for i in 0..DOCUMENTS {
        let published = format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
        let text = format!("الخبر رقم {i}: {}", bodies[i % 2]);
        let line = serde_json::json!({"text": text, "published_at": published, "source": format!("s{}", i % 7)});
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
}

async fn stored(db: &Path) -> i64 {
    let Ok(options) = SqliteConnectOptions::from_str("sqlite:") else {
        return 0;
    };
    let Ok(mut conn) = options.filename(db).read_only(true).connect().await else {
        return 0;
    };
    let n = sqlx::query_scalar("select count(*) from documents")
        .fetch_one(&mut conn)
        .await
        .unwrap_or(0);
    let _ = conn.close().await;
    n
}

#[tokio::test]
async fn kill_9_leaves_whole_documents_only() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("big.jsonl");
    write_corpus(&corpus);
    let db = dir.path().join("t.db");
    let ingest = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tarikh"));
        c.arg("ingest").arg(&corpus).arg("--db").arg(&db);
        c
    };

    let mut child = ingest().stdout(Stdio::null()).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest finished before it was killed"
        );
        if db.exists() && stored(&db).await >= KILL_AFTER {
            break;
        }
        assert!(Instant::now() < deadline, "ingest stored nothing in time");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = tarikh::store::connect(&db).await.unwrap();
    let raw = sqlite_file::pool(&db).await;
    let docs: Vec<(i64, String, String)> =
        sqlx::query_as("select document_id, text, published_at from documents")
            .fetch_all(&raw)
            .await
            .unwrap();
    let kept = docs.len();
    assert!(
        kept >= KILL_AFTER as usize && kept < DOCUMENTS,
        "{kept} stored"
    );
    for (id, text, published_at) in &docs {
        let dct = Dct::parse(published_at).unwrap();
        let expected: Vec<(i64, i64, String)> = extract_timexes(text, Some(dct), Mode::News)
            .into_iter()
            .map(|t| (t.start as i64, t.end as i64, t.value))
            .collect();
        let got: Vec<(i64, i64, String)> = sqlx::query_as(
            "select span_start, span_end, value from timexes where document_id = ?
             order by timex_id",
        )
        .bind(id)
        .fetch_all(&raw)
        .await
        .unwrap();
        assert_eq!(got, expected, "document {id} is incomplete");
    }
    for (what, sql) in [
        (
            "evidence of a missing document",
            "select count(*) from evidence where document_id not in (select document_id from documents)",
        ),
        (
            "events without evidence",
            "select count(*) from events where event_id not in (select event_id from evidence)",
        ),
        (
            "participants without evidence",
            "select count(*) from participants where evidence_id not in (select evidence_id from evidence)",
        ),
        (
            "documents without search entry",
            "select count(*) from documents where document_id not in (select rowid from documents_fts)",
        ),
    ] {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&raw).await.unwrap();
        assert_eq!(n, 0, "{what}");
    }
    let violations = sqlx::query("pragma foreign_key_check")
        .fetch_all(&raw)
        .await
        .unwrap();
    assert!(violations.is_empty());
    store.close().await;

    let rerun = ingest().output().unwrap();
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let summary = String::from_utf8_lossy(&rerun.stdout);
    let want = format!(
        "documents: {} new, {kept} unchanged, 0 failed",
        DOCUMENTS - kept
    );
    assert!(summary.contains(&want), "{summary}");
    assert_eq!(stored(&db).await, DOCUMENTS as i64);
}
