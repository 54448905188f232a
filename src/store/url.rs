//! Which database a store opens: `--db` / `TARIKH_DB` parsed once, at the edge, into a
//! [`DbUrl`]. `sqlite:tarikh.db` (or a bare path) is the embedded SQLite file;
//! `postgres://user@host/db` (or `postgresql://`) a PostgreSQL server.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Where the store lives. Only [`super::connect`] looks inside: nothing above the store knows
/// which backend it talks to.
#[derive(Clone, PartialEq, Eq)]
pub enum DbUrl {
    /// A SQLite file, created when missing.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL, as libpq and sqlx read it.
    Postgres(String),
}

impl DbUrl {
    /// Whether the database is known to be absent: a SQLite file that does not exist. A
    /// server's database is not looked for here (connecting says).
    pub fn is_missing(&self) -> bool {
        match self {
            DbUrl::Sqlite(path) => !path.exists(),
            DbUrl::Postgres(_) => false,
        }
    }
}

impl FromStr for DbUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<DbUrl, String> {
        if s.is_empty() {
            return Err("an empty database URL (sqlite:PATH, a path, or postgres://…)".into());
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(s.to_owned()));
        }
        if let Some(path) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(format!("{s:?} names no SQLite file (sqlite:tarikh.db)"));
            }
            return Ok(DbUrl::Sqlite(PathBuf::from(path)));
        }
        // Any other scheme is a mistake, not a file name: `mysql://…` must not create a file.
        if let Some((scheme, _)) = s.split_once("://") {
            return Err(format!(
                "{scheme}:// is not a database tarikh can use (sqlite:PATH or postgres://…)"
            ));
        }
        Ok(DbUrl::Sqlite(PathBuf::from(s)))
    }
}

impl From<&Path> for DbUrl {
    fn from(path: &Path) -> DbUrl {
        DbUrl::Sqlite(path.to_owned())
    }
}

impl From<PathBuf> for DbUrl {
    fn from(path: PathBuf) -> DbUrl {
        DbUrl::Sqlite(path)
    }
}

impl From<&PathBuf> for DbUrl {
    fn from(path: &PathBuf) -> DbUrl {
        DbUrl::Sqlite(path.clone())
    }
}

impl From<&DbUrl> for DbUrl {
    fn from(url: &DbUrl) -> DbUrl {
        url.clone()
    }
}

/// For messages: the SQLite path, or the server URL without its password.
impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbUrl::Sqlite(path) => write!(f, "{}", path.display()),
            DbUrl::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// Never prints the password (logs, errors).
impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbUrl::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DbUrl::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&without_password(url))
                .finish(),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find('/') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split_once(':').map_or(user, |(n, _)| n);
            format!("{scheme}://{name}:***@{host}{tail}")
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        let sqlite = |p: &str| DbUrl::Sqlite(PathBuf::from(p));
        for (s, want) in [
            ("tarikh.db", sqlite("tarikh.db")),
            ("/data/tarikh.db", sqlite("/data/tarikh.db")),
            ("sqlite:tarikh.db", sqlite("tarikh.db")),
            ("sqlite:///data/t.db", sqlite("/data/t.db")),
            (
                "postgres://tarikh@db/tarikh",
                DbUrl::Postgres("postgres://tarikh@db/tarikh".into()),
            ),
            (
                "postgresql://h/d",
                DbUrl::Postgres("postgresql://h/d".into()),
            ),
        ] {
            assert_eq!(s.parse::<DbUrl>().unwrap(), want, "{s}");
        }
        for bad in ["", "sqlite:", "mysql://h/d"] {
            assert!(bad.parse::<DbUrl>().is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_are_not_shown() {
        let url: DbUrl = "postgres://me:secret@db:5432/t".parse().unwrap();
        assert_eq!(url.to_string(), "postgres://me:***@db:5432/t");
        assert!(!format!("{url:?}").contains("secret"));
        let url: DbUrl = "postgres://me@db/t?host=/tmp".parse().unwrap();
        assert_eq!(url.to_string(), "postgres://me@db/t?host=/tmp");
    }
}
