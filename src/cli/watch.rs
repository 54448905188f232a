//! `tarikh watch FEED_URL... [--db DB] [--interval SECS]` at the terminal: the runtime, a
//! line on standard output for the first read of each feed and each that stored something,
//! a line on standard error for
//! each failure (with the wait before the next try) and each skipped item; until Ctrl-C or
//! SIGTERM. The work is [`crate::ingest::watch`]'s.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;

use crate::ingest::watch::{WatchEvent, WatchOptions, WatchState, watch};
use crate::store::{self, DbUrl};

/// `--interval` and `--watch-interval`: whole seconds, at least one.
pub fn interval(s: &str) -> Result<Duration, String> {
    match s.parse::<u64>() {
        Ok(n) if n > 0 => Ok(Duration::from_secs(n)),
        _ => Err(format!("{s:?} is not a whole number of seconds, 1 or more")),
    }
}

/// A feed to watch: an http:// or https:// URL.
pub fn feed_url(s: &str) -> Result<String, String> {
    if crate::ingest::is_url(s) {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "{s:?} is not an http:// or https:// URL (watch follows feeds on the web; \
             `tarikh ingest` reads files)"
        ))
    }
}

/// `tarikh watch`.
pub fn run_watch(db: &DbUrl, urls: &[String], interval: Duration) -> anyhow::Result<ExitCode> {
    super::ingest::runtime()?.block_on(async {
        let store = store::connect(db)
            .await
            .with_context(|| format!("cannot open the database {db}"))?;
        let state = WatchState::new(urls);
        eprintln!(
            "tarikh: watching {} feed{} every {} s into {}; Ctrl-C stops",
            urls.len(),
            if urls.len() == 1 { "" } else { "s" },
            interval.as_secs(),
            db
        );
        let watched = watch(&store, &state, WatchOptions::every(interval), print);
        let result = tokio::select! {
            r = watched => r.map_err(anyhow::Error::msg),
            () = stop() => Ok(()),
        };
        store.close().await;
        result?;
        Ok(ExitCode::SUCCESS)
    })
}

fn print(event: WatchEvent) {
    match event {
        // The first read of each feed, then the reads that stored something.
        WatchEvent::Read { url, new, known } if new + known > 0 => {
            println!("{url}: {new} new, {known} already stored");
            let _ = std::io::stdout().flush();
        }
        WatchEvent::Read { .. } | WatchEvent::NotModified { .. } => {}
        WatchEvent::ItemSkipped(failure) => eprintln!("tarikh: {failure}"),
        WatchEvent::Failed {
            url,
            message,
            retry_in,
        } => eprintln!(
            "tarikh: {url}: {message}; next try in {} s",
            retry_in.as_secs()
        ),
    }
}

/// Ctrl-C, or SIGTERM where there is one.
async fn stop() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = term.recv() => {},
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
