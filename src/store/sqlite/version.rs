//! The data version on SQLite: bumped by every write transaction, polled by servers.

use std::time::Duration;

use sqlx::SqliteConnection;
use tokio::sync::watch;

use super::{Db, Result};

/// How often a server reads the version: writes by another process show within this.
const POLL: Duration = Duration::from_millis(250);

/// Adds one to the data version, inside the write transaction `conn` is in.
pub(super) async fn bump(conn: &mut SqliteConnection) -> Result<()> {
    sqlx::query("update data_version set version = version + 1")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Db {
    pub(crate) async fn data_version(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("select version from data_version")
            .fetch_one(&self.pool)
            .await?)
    }

    /// The version, read every [`POLL`] (one row of one page) until the store closes or
    /// nobody follows any more.
    pub(crate) async fn follow_versions(&self, tx: watch::Sender<i64>) {
        loop {
            tokio::time::sleep(POLL).await;
            if self.pool.is_closed() || tx.is_closed() {
                return;
            }
            match self.data_version().await {
                Ok(v) => {
                    tx.send_if_modified(|seen| std::mem::replace(seen, v) != v);
                }
                Err(e) => tracing::warn!("reading the data version: {e}"),
            }
        }
    }
}
