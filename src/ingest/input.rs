//! Articles from files: text with a `---` front matter, JSON Lines, directories walked in
//! name order. Each reader says in words what is wrong with a bad input.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::published::document_date;
use crate::extract::Dct;
use crate::frontmatter;

/// One article to store.
#[derive(Debug, Clone)]
pub struct Article {
    /// The body: front matter removed, line ends as `\n`.
    pub text: String,
    pub published_at: String,
    pub dct: Dct,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
}

/// A source to read, found on the command line or in a directory.
pub(super) struct Input {
    pub path: PathBuf,
    pub kind: InputKind,
    pub bytes: u64,
}

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InputKind {
    /// A front matter text file.
    Text,
    Jsonl,
    /// An RSS or Atom file (`.xml`, `.rss`, `.atom`).
    Feed,
    /// An HTML article page (`.html`, `.htm`).
    Page,
    /// An `http://` or `https://` address: a feed or a page, told apart by its first bytes.
    Url,
}

fn kind_of(path: &Path) -> Option<InputKind> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => Some(InputKind::Jsonl),
        Some("md" | "txt") => Some(InputKind::Text),
        Some("xml" | "rss" | "atom") => Some(InputKind::Feed),
        Some("html" | "htm") => Some(InputKind::Page),
        _ => None,
    }
}

/// Adds a URL, a file, or the articles of a directory tree, in name order. A file named on
/// the command line is read whatever its extension (as front matter text unless it is
/// JSON Lines, a feed or a page); in directories only `.md`, `.txt`, `.jsonl`, `.ndjson`,
/// `.xml`, `.rss`, `.atom`, `.html` and `.htm` files are, hidden ones and symbolic links to
/// directories are not.
pub(super) fn collect(path: &Path, named: bool, out: &mut Vec<Input>) -> Result<(), String> {
    if named && path.to_str().is_some_and(super::fetch::is_url) {
        out.push(Input {
            path: path.to_owned(),
            kind: InputKind::Url,
            bytes: 0,
        });
        return Ok(());
    }
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.is_file() {
        let kind = kind_of(path).or(named.then_some(InputKind::Text));
        if let Some(kind) = kind {
            out.push(Input {
                path: path.to_owned(),
                kind,
                bytes: meta.len(),
            });
        }
        return Ok(());
    }
    if !meta.is_dir() {
        return Err("not a file or directory".to_owned());
    }
    let mut entries = fs::read_dir(path)
        .and_then(|dir| dir.collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("cannot list the directory: {e}"))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let linked_dir = entry.file_type().is_ok_and(|t| t.is_symlink()) && entry.path().is_dir();
        if !linked_dir {
            collect(&entry.path(), false, out)?;
        }
    }
    Ok(())
}

pub(super) fn read_text_file(path: &Path) -> Result<Article, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    article_from_text(&text)
}

/// An article from a text with a front matter block.
pub fn article_from_text(text: &str) -> Result<Article, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let (meta, body) = frontmatter::split(&text);
    let has_block = body.len() < text.len();
    if !has_block && text.starts_with("---") {
        return Err("broken front matter: no closing --- line".to_owned());
    }
    let Some(published_at) = meta.get("published_at").filter(|p| !p.is_empty()) else {
        return Err(if has_block {
            "no published_at in the front matter".to_owned()
        } else {
            "no front matter with a published_at date".to_owned()
        });
    };
    let dct = document_date(published_at)?;
    if body.trim().is_empty() {
        return Err("no text after the front matter".to_owned());
    }
    let field = |k: &str| meta.get(k).filter(|v| !v.is_empty()).map(str::to_owned);
    Ok(Article {
        text: body.to_owned(),
        published_at: published_at.to_owned(),
        dct,
        url: field("url"),
        title: field("title"),
        source: field("source"),
    })
}

/// One line of a JSON Lines file.
#[derive(Deserialize)]
struct JsonArticle {
    text: String,
    published_at: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

pub(super) fn article_from_json(line: &[u8]) -> Result<Article, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    let j: JsonArticle = serde_json::from_str(line)
        .map_err(|e| format!("not a JSON object with \"text\" and \"published_at\": {e}"))?;
    let dct = document_date(j.published_at.trim())?;
    if j.text.trim().is_empty() {
        return Err("empty \"text\"".to_owned());
    }
    Ok(Article {
        published_at: j.published_at.trim().to_owned(),
        dct,
        text: j.text,
        url: j.url,
        title: j.title,
        source: j.source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_articles() {
        let ok =
            article_from_text("---\npublished_at: 2018-06-12\ntitle: زيارة\nsource: gulf\n---\nنص")
                .unwrap();
        assert_eq!(ok.text, "نص");
        assert_eq!(ok.title.as_deref(), Some("زيارة"));
        assert_eq!(ok.source.as_deref(), Some("gulf"));
        assert_eq!(ok.url, None);
        let crlf = article_from_text("\u{feff}---\r\npublished_at: 2018-06-12\r\n---\r\nنص\r\n");
        assert_eq!(crlf.unwrap().text, "نص\n");
        #[rustfmt::skip]
        let bad = [
            ("---\npublished_at: 2018-06-12\nنص", "broken front matter: no closing --- line"),
            ("---\ntitle: x\n---\nنص", "no published_at in the front matter"),
            ("نص بلا تاريخ", "no front matter with a published_at date"),
            ("---\npublished_at: 2018-06-12\n---\n  \n", "no text after the front matter"),
        ];
        for (text, why) in bad {
            assert_eq!(article_from_text(text).unwrap_err(), why, "{text:?}");
        }
        let bad_date = article_from_text("---\npublished_at: 12/06/2018\n---\nنص").unwrap_err();
        assert!(bad_date.contains("invalid document date"), "{bad_date}");
    }

    #[test]
    fn json_articles() {
        let ok = article_from_json(
            r#"{"text": "نص", "published_at": "2022-09-15", "url": "u"}"#.as_bytes(),
        )
        .unwrap();
        assert_eq!((ok.text.as_str(), ok.url.as_deref()), ("نص", Some("u")));
        for (line, why) in [
            (
                r#"{"text": "نص"}"#.as_bytes(),
                "missing field `published_at`",
            ),
            (
                r#"{"text": "نص", "published_at": "x"}"#.as_bytes(),
                "invalid document date",
            ),
            (br#"{"text": " ", "published_at": "2022-09-15"}"#, "empty"),
            (b"{\"text\": \"\xff\"", "not valid UTF-8"),
            (b"[1, 2", "not a JSON object"),
        ] {
            let err = article_from_json(line).unwrap_err();
            assert!(err.contains(why), "{err}");
        }
    }
}
