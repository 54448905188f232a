//! A bad file or line is reported by name (and line) and skipped; everything else in the run
//! is stored, and the exit code says something failed.

#[path = "common/sqlite.rs"]
mod sqlite_file;

use std::fs;
use std::process::Command;

const GOOD: &str = "---\npublished_at: 2022-09-15\ntitle: قمة\nsource: bbc\n---\n\
    التقى الرئيسان في سمرقند هذا الأسبوع.\n";

fn json_line(text: &str, published_at: &str) -> String {
    serde_json::json!({"text": text, "published_at": published_at, "source": "feed"}).to_string()
}

#[tokio::test]
async fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(input.join("sub")).unwrap();
    fs::write(input.join("good.md"), GOOD).unwrap();
    fs::write(
        input.join("sub/nested.txt"),
        GOOD.replace("قمة", "زيارة").replace("التقى", "زار"),
    )
    .unwrap();
    let mut bad_utf8 = b"---\npublished_at: 2022-09-15\n---\n".to_vec();
    bad_utf8.extend_from_slice(b"\xd8\xa7\xff\xfe");
    fs::write(input.join("bad_utf8.md"), bad_utf8).unwrap();
    fs::write(input.join("no_date.md"), "---\ntitle: بلا تاريخ\n---\nنص").unwrap();
    fs::write(input.join("bad_date.md"), "---\npublished_at: أمس\n---\nنص").unwrap();
    fs::write(
        input.join("broken_front.md"),
        "---\npublished_at: 2022-09-15\nنص",
    )
    .unwrap();
    fs::write(input.join("notes.csv"), "not,an,article\n").unwrap();
    let feed = [
        json_line("قمة في بكين في فبراير/شباط", "2022-09-15"),
        "{\"text\": \"نص\", ".to_owned(),
        String::new(),
        r#"{"text": "نص بلا تاريخ"}"#.to_owned(),
        json_line("زيارة إلى روسيا في شهر سبتمبر/أيلول", "2022-09-15"),
    ];
    fs::write(input.join("feed.jsonl"), feed.join("\n")).unwrap();
    let missing = dir.path().join("missing.md");
    let db = dir.path().join("t.db");

    let out = Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .arg("ingest")
        .arg(&input)
        .arg(&missing)
        .env("TARIKH_DB", &db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "exit code must say something failed");
    for (name, why) in [
        ("bad_utf8.md", "not valid UTF-8"),
        ("no_date.md", "no published_at"),
        ("bad_date.md", "invalid document date"),
        ("broken_front.md", "broken front matter"),
        ("feed.jsonl line 2", "not a JSON object"),
        ("feed.jsonl line 4", "missing field `published_at`"),
        ("missing.md", "cannot read"),
    ] {
        let line = stderr.lines().find(|l| l.contains(name));
        assert!(
            line.is_some_and(|l| l.contains(why)),
            "{name}: expected {why:?} in\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("good.md")
            && !stderr.contains("nested.txt")
            && !stderr.contains("notes.csv")
    );
    assert!(
        stdout.contains("documents: 4 new, 0 unchanged, 7 failed"),
        "{stdout}"
    );

    let raw = sqlite_file::pool(&db).await;
    let titles: Vec<(Option<String>, Option<String>)> =
        sqlx::query_as("select title, source from documents order by document_id")
            .fetch_all(&raw)
            .await
            .unwrap();
    assert_eq!(
        titles,
        [
            (None, Some("feed".to_owned())),
            (None, Some("feed".to_owned())),
            (Some("قمة".to_owned()), Some("bbc".to_owned())),
            (Some("زيارة".to_owned()), Some("bbc".to_owned())),
        ],
        "feed.jsonl, good.md, sub/nested.txt in name order"
    );
}
