//! Reading the gazetteer's data files: tab-separated rows, `#` comments, `-` for an empty
//! field, `|` between the spellings of one field. The files are compiled in, so a malformed
//! line is a bug in the repository: reading panics with the file and line, and the tests read
//! every file.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use crate::extract::normalize::fold;

/// The data rows of a table: (line number, fields), each with `columns` fields; empty fields
/// at the end of a line may be left out.
pub(super) fn rows(
    file: &'static str,
    text: &'static str,
    columns: usize,
) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(n, l)| {
            let mut fields: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            if fields.len() < columns {
                fields.resize(columns, "");
            }
            assert!(
                fields.len() == columns,
                "{file}:{}: {} fields, want {columns}: {l:?}",
                n + 1,
                fields.len()
            );
            (n + 1, fields)
        })
}

/// The spellings of a field: none for "-" or "".
pub(super) fn list(field: &'static str) -> impl Iterator<Item = &'static str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

/// A field that may be empty ("-" or "").
pub(super) fn optional(field: &'static str) -> Option<&'static str> {
    (!field.is_empty() && field != "-").then_some(field)
}

/// The lines of a word list (one entry a line, `#` comments).
pub(super) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static NOT_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lines(include_str!("../data/not_names.txt"))
        .map(fold)
        .collect()
});

/// True for a spelling that must never name anything alone (see `data/not_names.txt`), with
/// or without the article.
pub(super) fn is_not_name(spelling: &str) -> bool {
    let f = fold(spelling);
    NOT_NAMES.contains(&f) || f.strip_prefix("ال").is_some_and(|b| NOT_NAMES.contains(b))
}

/// True for an ISO 3166 alpha-3 shape: three ASCII capitals.
#[cfg(test)]
pub(super) fn is_alpha3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}
