//! A replica killed with SIGKILL while it is taking writes loses nothing it acknowledged:
//! four clients POST articles to `tarikh serve` (the built binary), the replica is killed once
//! a dozen have been acknowledged, and a fresh replica on the same database serves every
//! acknowledged article whole (its text and every date found in it), takes each again as
//! "stored before" under the same id, and the store passes `tarikh check`. On each backend:
//! a SQLite file, a PostgreSQL database. The kill comes while the other clients' requests are
//! in flight (being read, extracted or written): none of those is acknowledged, and whether
//! it was stored or not, `tarikh check` must find the store sound.

#[path = "common/backends.rs"]
mod backends;

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tarikh::store::DbUrl;

const TOKEN: &str = "kill-test-token-5c1e";
const CLIENTS: usize = 4;
/// Kill the replica once this many articles are acknowledged.
const KILL_AFTER: usize = 12;

/// What the --db of a command says for `url`.
fn db_arg(url: &DbUrl) -> String {
    match url {
        DbUrl::Sqlite(path) => path.display().to_string(),
        DbUrl::Postgres(url) => url.clone(),
    }
}

/// A `tarikh serve` process, killed when dropped (a failing test leaves none behind).
struct Replica(Child);

impl Replica {
    /// SIGKILL, and how it ended.
    fn kill(&mut self) -> ExitStatus {
        self.0.kill().unwrap();
        self.0.wait().unwrap()
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `tarikh serve` on `db`, and the address it listens on.
fn serve(db: &str) -> (Replica, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db", db])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TARIKH_TOKEN", TOKEN)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut replica = Replica(child);
    let mut line = String::new();
    BufReader::new(replica.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("tarikh listening on http://")
        .unwrap_or_else(|| panic!("tarikh serve said {line:?}"))
        .to_owned();
    (replica, addr)
}

/// The dev articles, each in a few distinct versions (a numbered dispatch line before it):
/// many reports of the same visits and talks, so that writes merge into stored events.
fn articles() -> Vec<Value> {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dev.jsonl");
    let dev = std::fs::read_to_string(dev).unwrap();
    let mut out = Vec::new();
    for copy in 0..5 {
        for line in dev.lines() {
            let j: Value = serde_json::from_str(line).unwrap();
            out.push(json!({
                "text": format!("النشرة رقم {copy}\n{}", j["text"].as_str().unwrap()),
                "published_at": j["dct"],
                "source": format!("{}-{copy}", j["id"].as_str().unwrap()),
            }));
        }
    }
    out
}

/// An article as acknowledged: the body sent and the answer.
struct Acked {
    sent: Value,
    reply: Value,
}

async fn post(client: &reqwest::Client, base: &str, body: &Value) -> reqwest::Result<Value> {
    let r = client
        .post(format!("{base}/api/v1/documents"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await?;
    let status = r.status();
    let reply: Value = serde_json::from_slice(&r.bytes().await?).unwrap();
    assert!(status.is_success(), "{status}: {reply}");
    Ok(reply)
}

/// The (start, end, value) of each date of a document or an answer.
fn dates(doc: &Value) -> Vec<(i64, i64, String)> {
    doc["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let value = t["value"].as_str().unwrap_or_default().to_owned();
            (
                t["start"].as_i64().unwrap(),
                t["end"].as_i64().unwrap(),
                value,
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_replica_killed_mid_write_loses_nothing_it_acknowledged() {
    let articles = articles();
    for db in backends::each().await {
        let url = db_arg(&db.url);
        let (mut replica, addr) = serve(&url);
        let base = format!("http://{addr}");
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()
            .unwrap();
        let acked = Arc::new(Mutex::new(Vec::<Acked>::new()));
        let queue = Arc::new(Mutex::new(articles.clone()));
        let mut clients = Vec::new();
        for _ in 0..CLIENTS {
            let (client, base, acked, queue) =
                (client.clone(), base.clone(), acked.clone(), queue.clone());
            clients.push(tokio::spawn(async move {
                loop {
                    let Some(body) = queue.lock().unwrap().pop() else {
                        return;
                    };
                    // An error is the replica gone: what it did not answer is not acknowledged.
                    let Ok(reply) = post(&client, &base, &body).await else {
                        return;
                    };
                    acked.lock().unwrap().push(Acked { sent: body, reply });
                }
            }));
        }
        let deadline = Instant::now() + Duration::from_secs(120);
        while acked.lock().unwrap().len() < KILL_AFTER {
            assert!(
                Instant::now() < deadline,
                "{}: too few writes in time",
                db.name
            );
            assert!(
                !clients.iter().all(|c| c.is_finished()),
                "{}: the clients stopped before the kill",
                db.name
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        let status = replica.kill();
        assert_eq!(status.signal(), Some(9), "{}: {status}", db.name);
        for c in clients {
            c.await.unwrap();
        }
        let acked = std::mem::take(&mut *acked.lock().unwrap());
        assert!(
            acked.len() < articles.len(),
            "{}: every article was acknowledged before the kill",
            db.name
        );

        let (fresh, addr) = serve(&url);
        let base = format!("http://{addr}");
        for a in &acked {
            let id = a.reply["document_id"].as_i64().unwrap();
            let r = client
                .get(format!("{base}/api/v1/documents/{id}"))
                .send()
                .await
                .unwrap();
            let doc: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
            let context = format!("{}: document {id}", db.name);
            assert_eq!(doc["text"], a.sent["text"], "{context}");
            if a.reply["created"] == true {
                assert_eq!(dates(&doc), dates(&a.reply), "{context}: its dates");
                let reported = !a.reply["events"].as_array().unwrap().is_empty();
                let stored = !doc["events"].as_array().unwrap().is_empty();
                assert_eq!(stored, reported, "{context}: its events");
            }
            let again = post(&client, &base, &a.sent).await.unwrap();
            assert_eq!(again["created"], false, "{context}");
            assert_eq!(again["document_id"], id, "{context}");
        }
        drop(fresh);

        let check = Command::new(env!("CARGO_BIN_EXE_tarikh"))
            .args(["check", "--db", &url])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success(), "{}: {said}", db.name);
        assert!(said.contains("no problem found"), "{}: {said}", db.name);
    }
}
