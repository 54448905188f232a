//! The data version on PostgreSQL: bumped by every write transaction and announced with
//! NOTIFY on `tarikh_data`; each replica LISTENs, and reads the row once a second as well in
//! case it missed a notification (its listening connection was lost and made again).

use std::time::Duration;

use sqlx::PgConnection;
use sqlx::postgres::PgListener;
use tokio::sync::watch;

use super::{Db, Result};

/// The channel the versions are announced on.
const CHANNEL: &str = "tarikh_data";

/// The longest a replica goes without reading the version itself.
const READ_EVERY: Duration = Duration::from_secs(1);

/// Adds one to the data version and announces it at commit, inside the write transaction
/// `conn` is in: its last statement, so the row is held only until the commit.
pub(super) async fn bump(conn: &mut PgConnection) -> Result<()> {
    sqlx::query(
        "with v as (update data_version set version = version + 1 returning version)
         select pg_notify($1, version::text) from v",
    )
    .bind(CHANNEL)
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

    /// Sends every new version until the store closes or nobody follows any more.
    pub(crate) async fn follow_versions(&self, tx: watch::Sender<i64>) {
        let mut listener = match PgListener::connect_with(&self.pool).await {
            Ok(mut l) => match l.listen(CHANNEL).await {
                Ok(()) => Some(l),
                Err(e) => {
                    tracing::warn!("LISTEN {CHANNEL}: {e}; reading the version every second");
                    None
                }
            },
            Err(e) => {
                tracing::warn!("LISTEN {CHANNEL}: {e}; reading the version every second");
                None
            }
        };
        loop {
            if self.pool.is_closed() || tx.is_closed() {
                return;
            }
            let heard = match listener.as_mut() {
                Some(l) => match tokio::time::timeout(READ_EVERY, l.recv()).await {
                    Ok(Ok(n)) => n.payload().parse::<i64>().ok(),
                    // Lost the connection (the listener makes a new one on the next recv):
                    // read the row below.
                    Ok(Err(_)) | Err(_) => None,
                },
                None => {
                    tokio::time::sleep(READ_EVERY).await;
                    None
                }
            };
            let version = match heard {
                Some(v) => Ok(v),
                None => self.data_version().await,
            };
            match version {
                Ok(v) => {
                    // Versions only grow: a late notification never takes one back.
                    tx.send_if_modified(|seen| {
                        let newer = v > *seen;
                        if newer {
                            *seen = v;
                        }
                        newer
                    });
                }
                Err(e) if self.pool.is_closed() => {
                    tracing::debug!("the store closed: {e}");
                    return;
                }
                Err(e) => {
                    tracing::warn!("reading the data version: {e}");
                    tokio::time::sleep(READ_EVERY).await;
                }
            }
        }
    }
}
