//! `tarikh check`: whether a database is sound, without the sqlite3 shell (whose FTS5 may be
//! too old for the index, see the README): SQLite's integrity check, the foreign keys, each
//! full-text index against its table, and the country posting lists against the events.

/// What [`Store::check`] found: empty when all is well.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<String>,
    /// What was checked, for the user: `integrity`, `foreign keys`, …
    pub checked: Vec<&'static str>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}
