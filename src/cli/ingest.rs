//! `tarikh ingest` and `tarikh reextract` at the terminal: the runtime, the progress bar on
//! standard error (only when it is a terminal), a line per skipped source, the summary and
//! the exit code. The work is [`crate::ingest`]'s.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::ingest::{ingest_paths, reextract};
use crate::store::{self, DbUrl};

/// `tarikh ingest PATH... --db DB`.
pub fn run_ingest(db: &DbUrl, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let store = store::connect(db)
            .await
            .with_context(|| format!("cannot open the database {db}"))?;
        let progress = progress_bar("{wide_bar} {bytes}/{total_bytes} {msg}");
        let summary = ingest_paths(&store, paths, &progress, |f| {
            progress.suspend(|| eprintln!("tarikh: {f}"));
        })
        .await
        .context("ingest stopped")?;
        progress.finish_and_clear();
        store.close().await;
        println!("{summary}");
        Ok(exit_code(summary.failed))
    })
}

/// `tarikh reextract --db DB`.
pub fn run_reextract(db: &DbUrl) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let store = store::connect(db)
            .await
            .with_context(|| format!("cannot open the database {db}"))?;
        let progress = progress_bar("{wide_bar} {pos}/{len} documents");
        let summary = reextract(&store, &progress, |f| {
            progress.suspend(|| eprintln!("tarikh: {f}"));
        })
        .await
        .context("reextract stopped")?;
        progress.finish_and_clear();
        store.close().await;
        println!("{summary}");
        Ok(exit_code(summary.failed))
    })
}

/// `tarikh migrate --from DB --to DB`.
pub fn run_migrate(from: &DbUrl, to: &DbUrl) -> anyhow::Result<ExitCode> {
    if from.is_missing() {
        anyhow::bail!("there is no database {from}");
    }
    runtime()?.block_on(async {
        let source = store::connect(from)
            .await
            .with_context(|| format!("cannot open the database {from}"))?;
        let target = store::connect(to)
            .await
            .with_context(|| format!("cannot open the database {to}"))?;
        let progress = progress_bar("{spinner} {msg}");
        let copied = store::copy::copy(&source, &target, |table, rows| {
            progress.set_message(format!("{table}: {rows} rows"));
        })
        .await
        .with_context(|| format!("copying {from} into {to}"))?;
        progress.finish_and_clear();
        source.close().await;
        target.close().await;
        println!(
            "copied {} documents, {} timexes, {} events, {} evidence rows, {} participants",
            copied.documents, copied.timexes, copied.events, copied.evidence, copied.participants
        );
        Ok(ExitCode::SUCCESS)
    })
}

pub(super) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// A bar on standard error, or none when standard error is not a terminal (logs, pipes, tests).
fn progress_bar(template: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
