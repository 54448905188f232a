//! Articles on disk: an optional UTF-8 byte order mark, then an optional front matter block of `key: value` lines between `---`
//! lines, then the article text. `seeds/` uses it to carry each article's publication date.
//!
//! ```
//! use tarikh::frontmatter::split;
//! let (meta, body) = split("---\npublished_at: 2022-09-15\ntitle: قمة\n---\nنص المقال");
//! assert_eq!(meta.get("published_at"), Some("2022-09-15"));
//! assert_eq!(body, "نص المقال");
//! ```

/// The `key: value` pairs of a front matter block, in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta(Vec<(String, String)>);

impl Meta {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits a front matter block from the text. Text without one is all body. A byte order
/// mark before it is not part of the text (editors on Windows write one), so every command
/// that reads front matter reads it the same.
pub fn split(text: &str) -> (Meta, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Meta::default(), text);
    };
    let Some(end) = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(str::len))
    else {
        return (Meta::default(), text);
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let body = rest.get(end + 5..).unwrap_or("");
    (Meta(pairs), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_front_matter_is_all_body() {
        let (meta, body) = split("---- ليس رأسا");
        assert_eq!(meta, Meta::default());
        assert_eq!(body, "---- ليس رأسا");
    }

    #[test]
    fn a_byte_order_mark_is_not_text() {
        let (meta, body) = split("\u{feff}---\npublished_at: 2022-09-15\n---\nنص");
        assert_eq!(meta.get("published_at"), Some("2022-09-15"));
        assert_eq!(body, "نص");
        assert_eq!(split("\u{feff}نص").1, "نص");
    }

    #[test]
    fn unterminated_front_matter_is_body() {
        let (meta, body) = split("---\npublished_at: 2022-09-15\nنص");
        assert!(meta.get("published_at").is_none());
        assert!(body.starts_with("---"));
    }
}
