//! The binary at its document boundaries (issue 10): a bad document date is that line's or
//! that document's error and the others go on; `tarikh serve` refuses a short token;
//! `tarikh check` finds a damaged index.

#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn tarikh(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TARIKH_TOKEN")
        .env_remove("TARIKH_PUBLIC_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that refuses its arguments exits before reading: a broken pipe is no error.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

const TEXT: &str =
    "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين يوم الجمعة الماضية.";

#[test]
fn extract_jsonl_reports_an_extreme_date_and_reads_on() {
    let mut input = String::new();
    for (id, dct) in [
        (1, "2018-06-12"),
        (2, "+262142-12-31"),
        (3, "-0001-01-01"),
        (4, "0000-01-01"),
        (5, "2018-06-12T09:30"),
    ] {
        input += &serde_json::json!({"id": id, "dct": dct, "text": TEXT}).to_string();
        input.push('\n');
    }
    let out = tarikh(&["extract", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1), "a failure, not a crash (101)");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<i64> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, [1, 5]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    for line in ["line 2", "line 3", "line 4"] {
        assert!(stderr.contains(line), "{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn extract_refuses_an_extreme_dct() {
    let out = tarikh(&["extract", "--dct", "+262142-12-31"], TEXT);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
}

#[test]
fn ingest_skips_a_document_with_an_extreme_date_and_stores_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("docs.jsonl");
    let mut lines = String::new();
    for (i, date) in ["2018-06-12", "0000-01-01", "2018-06-13"]
        .iter()
        .enumerate()
    {
        let text = format!("{TEXT} ({i})");
        lines += &serde_json::json!({"text": text, "published_at": date}).to_string();
        lines.push('\n');
    }
    std::fs::write(&jsonl, lines).unwrap();
    let db = dir.path().join("t.db");
    let out = tarikh(
        &[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            jsonl.to_str().unwrap(),
        ],
        "",
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("2 new") && stdout.contains("1 failed"),
        "{stdout}"
    );
    assert!(
        stderr.contains("line 2") && stderr.contains("1800"),
        "{stderr}"
    );
}

/// Runs `tarikh serve` on a fresh database with `extra` arguments and `token` as
/// `TARIKH_TOKEN` (unset when `None`), expects it to refuse to start, and returns its stderr.
fn serve_refusal(extra: &[&str], token: Option<&str>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tarikh"));
    cmd.args([
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
    ])
    .args(extra)
    .current_dir(env!("CARGO_MANIFEST_DIR"));
    match token {
        Some(t) => cmd.env("TARIKH_TOKEN", t),
        None => cmd.env_remove("TARIKH_TOKEN"),
    };
    let out = cmd.output().unwrap();
    assert!(!out.status.success());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn serve_refuses_a_short_token() {
    let stderr = serve_refusal(&[], Some("short"));
    assert!(stderr.contains("at least 16"), "{stderr}");
}

#[test]
fn serve_refuses_a_bad_public_url() {
    let stderr = serve_refusal(&["--public-url", "tarikh.example"], None);
    assert!(stderr.contains("http(s)://"), "{stderr}");
}

#[test]
fn check_passes_a_sound_database_and_finds_a_damaged_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let out = tarikh(&["ingest", "--db", db, "seeds"], "");
    assert!(out.status.success());
    let out = tarikh(&["check", "--db", db], "");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("no problem found"), "{stdout}");
    assert!(stdout.contains("foreign keys"), "{stdout}");

    // A search entry for evidence that does not exist: the index no longer matches.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let raw = sqlite_file::pool(std::path::Path::new(db)).await;
        sqlx::query("insert into evidence_fts (rowid, quote) values (999999, 'x')")
            .execute(&raw)
            .await
            .unwrap();
        raw.close().await;
    });
    let out = tarikh(&["check", "--db", db], "");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("problem: evidence_fts"), "{stdout}");
}
