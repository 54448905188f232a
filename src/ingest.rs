//! Articles into the store: what `tarikh ingest`, `tarikh reextract`, the server's seeding
//! and `POST /api/v1/documents` share. Nothing here prints: progress and skipped sources reach
//! the caller (a progress bar it owns, an `on_failure` callback); the terminal is `crate::cli`'s.
//!
//! Inputs are text files with a `---` front matter giving at least `published_at` (`.md`,
//! `.txt`; also `title`, `url`, `source`), JSON Lines files (`.jsonl`, `.ndjson`) of
//! `{"text", "published_at", "url", "title", "source"}`, RSS / Atom feeds and HTML article
//! pages (module `sources`), as files or `http(s)://` URLs (module `fetch`), and directories,
//! walked recursively in name order (module `input`). Every article is extracted
//! ([`crate::extract`]) and stored complete with everything found in it, [`BATCH`] articles
//! per transaction ([`crate::store`]); an article whose text is already stored is counted as
//! unchanged and not extracted again. A bad file, line, feed item or page is reported by name
//! and skipped; the rest of the run goes on. Feeds followed over time: module [`watch`].

mod fetch;
mod guard;
mod input;
mod published;
mod sources;
pub mod watch;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::extract::{Extraction, Mode};
use crate::store::{Extracted, NewDocument, Outcome, Store, StoreError, content_hash};

pub use fetch::{Fetcher, Limits, is_url};
pub use guard::{ExtractError, extract_blocking, extract_caught};
pub use input::{Article, article_from_text};
use input::{InputKind, article_from_json, collect, read_text_file};
pub use published::document_date;
use sources::{Kind, feed_items, page_article, sniff};

/// An input that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file, and for JSON Lines the line: `feed.jsonl line 3`.
    pub origin: String,
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// What an ingest run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub events_created: usize,
    pub events_merged: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "documents: {} new, {} unchanged, {} failed; events: {} created, {} merged",
            self.new, self.unchanged, self.failed, self.events_created, self.events_merged
        )
    }
}

/// What a reextract run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReextractSummary {
    pub documents: usize,
    pub failed: usize,
    pub events_created: usize,
    pub events_merged: usize,
    pub events_removed: usize,
}

impl fmt::Display for ReextractSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "documents: {} re-extracted, {} failed; events: {} created, {} merged, {} removed",
            self.documents,
            self.failed,
            self.events_created,
            self.events_merged,
            self.events_removed
        )
    }
}

/// Errors that stop a run. Bad inputs do not: they are [`Failure`]s.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Only from [`ingest_article`]: a run reports a failed extraction as a [`Failure`].
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

/// Articles stored per transaction. One, so that a kill at any moment leaves every earlier
/// article complete and none half-written. Commits are what SQLite, and FTS5 above all, pay
/// for: 256 per transaction ingests about six times faster (1,600 against 255 articles/s on
/// the dev articles repeated) but a kill then loses the articles of the open batch.
pub const BATCH: usize = 1;

/// Ingests files, directories and URLs (feeds and pages) with the default fetch [`Limits`].
/// `progress` counts input bytes (its length is set here); `on_failure` hears of every
/// skipped input as it happens.
pub async fn ingest_paths(
    store: &Store,
    paths: &[PathBuf],
    progress: &ProgressBar,
    on_failure: impl FnMut(&Failure),
) -> Result<Summary, IngestError> {
    ingest_sources(store, paths, Limits::default(), progress, on_failure).await
}

/// [`ingest_paths`] with the fetch [`Limits`] for URLs.
pub async fn ingest_sources(
    store: &Store,
    paths: &[PathBuf],
    limits: Limits,
    progress: &ProgressBar,
    on_failure: impl FnMut(&Failure),
) -> Result<Summary, IngestError> {
    let mut run = Run {
        store,
        progress,
        summary: Summary::default(),
        on_failure,
        pending: Vec::with_capacity(BATCH),
        ready: None,
    };
    let mut inputs = Vec::new();
    for path in paths {
        if let Err(message) = collect(path, true, &mut inputs) {
            run.fail(path.display().to_string(), message);
        }
    }
    progress.set_length(inputs.iter().map(|i| i.bytes).sum());
    let mut fetcher = None;
    for input in &inputs {
        let name = input.path.display().to_string();
        match input.kind {
            InputKind::Jsonl => run.jsonl_file(&input.path).await?,
            InputKind::Text => match read_text_file(&input.path) {
                Ok(a) => run.article(name, a).await?,
                Err(message) => run.fail(name, message),
            },
            InputKind::Feed | InputKind::Page => match std::fs::read(&input.path) {
                Ok(body) => {
                    let kind = if input.kind == InputKind::Feed {
                        Kind::Feed
                    } else {
                        Kind::Page
                    };
                    run.source(name, None, kind, &body).await?;
                }
                Err(e) => run.fail(name, format!("cannot read: {e}")),
            },
            InputKind::Url => {
                let fetcher = match &fetcher {
                    Some(f) => f,
                    None => match Fetcher::new(limits) {
                        Ok(f) => fetcher.insert(f),
                        Err(message) => {
                            run.fail(name, message);
                            continue;
                        }
                    },
                };
                match fetcher.get(&name).await {
                    Ok(got) => {
                        let kind = sniff(&got.body);
                        run.source(name, Some(&got.url), kind, &got.body).await?;
                    }
                    Err(message) => run.fail(name, message),
                }
            }
        }
        if input.kind != InputKind::Jsonl {
            progress.inc(input.bytes);
        }
    }
    run.flush().await?;
    if let Some(last) = run.ready.take() {
        run.store_batch(last).await?;
    }
    Ok(run.summary)
}

/// An ingest run under way.
struct Run<'a, F> {
    store: &'a Store,
    progress: &'a ProgressBar,
    summary: Summary,
    on_failure: F,
    /// Articles read and not yet extracted, with where they were read (for failures).
    pending: Vec<(String, Article)>,
    /// The previous batch, extracted and not yet stored: it is written while the next one is
    /// extracted, so that extraction and SQLite each keep a core busy.
    ready: Option<Vec<(Article, Extraction)>>,
}

impl<F: FnMut(&Failure)> Run<'_, F> {
    fn fail(&mut self, origin: String, message: String) {
        self.summary.failed += 1;
        (self.on_failure)(&Failure { origin, message });
    }

    async fn article(&mut self, origin: String, a: Article) -> Result<(), StoreError> {
        self.pending.push((origin, a));
        if self.pending.len() >= BATCH {
            self.flush().await?;
        }
        Ok(())
    }

    /// Extracts the pending articles whose text is not stored yet (on a blocking thread) while
    /// the previous batch is stored. An article the extractor fails on is a [`Failure`].
    async fn flush(&mut self) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut self.pending);
        let hashes: Vec<String> = pending.iter().map(|(_, a)| content_hash(&a.text)).collect();
        let mut seen = self.store.stored_hashes(&hashes).await?;
        let mut fresh = Vec::with_capacity(pending.len());
        for (a, hash) in pending.into_iter().zip(hashes) {
            if seen.insert(hash, 0).is_none() {
                fresh.push(a);
            } else {
                self.summary.unchanged += 1;
            }
        }
        let job = tokio::task::spawn_blocking(move || {
            fresh
                .into_iter()
                .map(|(origin, a)| {
                    let found = extract_caught(&a.text, Some(a.dct), Mode::News);
                    (origin, a, found)
                })
                .collect::<Vec<_>>()
        });
        if let Some(previous) = self.ready.take() {
            self.store_batch(previous).await?;
        }
        let extracted = match job.await {
            Ok(extracted) => extracted,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        };
        let mut ready = Vec::with_capacity(extracted.len());
        for (origin, a, found) in extracted {
            match found {
                Ok(found) => ready.push((a, found)),
                Err(e) => self.fail(origin, e.to_string()),
            }
        }
        self.ready = Some(ready);
        Ok(())
    }

    /// Stores extracted articles in one transaction.
    async fn store_batch(
        &mut self,
        extracted: Vec<(Article, Extraction)>,
    ) -> Result<(), StoreError> {
        let batch: Vec<Extracted> = extracted
            .iter()
            .map(|(a, x)| Extracted {
                doc: NewDocument {
                    text: &a.text,
                    published_at: &a.published_at,
                    url: a.url.as_deref(),
                    title: a.title.as_deref(),
                    source: a.source.as_deref(),
                },
                timexes: &x.timexes,
                events: &x.events,
            })
            .collect();
        let outcomes = self.store.add_documents(&batch).await?;
        let s = &mut self.summary;
        for o in outcomes {
            if o.new {
                s.new += 1;
                s.events_created += o.events_created;
                s.events_merged += o.events_merged;
            } else {
                s.unchanged += 1;
            }
        }
        self.progress
            .set_message(format!("{} documents", s.new + s.unchanged));
        Ok(())
    }

    /// A feed (each item an article, each bad item its own failure) or a page. `url` is where
    /// it was fetched from, after redirects.
    async fn source(
        &mut self,
        origin: String,
        url: Option<&str>,
        kind: Kind,
        body: &[u8],
    ) -> Result<(), StoreError> {
        match kind {
            Kind::Feed => match feed_items(body, url) {
                Ok(items) => {
                    for item in items {
                        let at = format!("{origin} {}", item.origin);
                        match item.article {
                            Ok(a) => self.article(at, a).await?,
                            Err(message) => self.fail(at, message),
                        }
                    }
                }
                Err(message) => self.fail(origin, message),
            },
            Kind::Page => {
                let read = std::str::from_utf8(body)
                    .map_err(|e| {
                        format!(
                            "not valid UTF-8 (first bad byte at offset {}); pages are read as UTF-8",
                            e.valid_up_to()
                        )
                    })
                    .and_then(|html| page_article(html, url));
                match read {
                    Ok(a) => self.article(origin, a).await?,
                    Err(message) => self.fail(origin, message),
                }
            }
        }
        Ok(())
    }

    /// Streams a JSON Lines file, so that memory stays flat however long it is.
    async fn jsonl_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let name = path.display();
        let mut reader = match File::open(path) {
            Ok(f) => BufReader::new(f),
            Err(e) => {
                self.fail(name.to_string(), format!("cannot read: {e}"));
                return Ok(());
            }
        };
        let mut buf = Vec::new();
        for line_no in 1.. {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(n) => self.progress.inc(n as u64),
                Err(e) => {
                    let at = line_no - 1;
                    self.fail(
                        name.to_string(),
                        format!("cannot read after line {at}: {e}"),
                    );
                    break;
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match article_from_json(&buf) {
                Ok(a) => self.article(format!("{name} line {line_no}"), a).await?,
                Err(message) => self.fail(format!("{name} line {line_no}"), message),
            }
        }
        Ok(())
    }
}

/// Stores one article unless its text is already stored (then it is not even extracted).
/// For callers that take the extractor's panic as their own (tests, `tarikh eval`): the
/// server and `tarikh ingest` report it as that document's error instead
/// ([`ingest_article_found`], [`ingest_paths`]).
pub async fn ingest_article(store: &Store, a: &Article) -> Result<Outcome, StoreError> {
    match ingest_article_found(store, a).await {
        Ok((outcome, _)) => Ok(outcome),
        Err(IngestError::Store(e)) => Err(e),
        Err(IngestError::Extract(e)) => panic!("{e}"),
    }
}

/// [`ingest_article`], with what was found in the article (nothing for a text stored before).
/// Extraction runs on the blocking pool, before the write transaction.
pub async fn ingest_article_found(
    store: &Store,
    a: &Article,
) -> Result<(Outcome, Extraction), IngestError> {
    if let Some(document_id) = store.document_id_by_hash(&content_hash(&a.text)).await? {
        let outcome = Outcome {
            document_id,
            ..Outcome::default()
        };
        return Ok((outcome, Extraction::default()));
    }
    let found = extract_blocking(a.text.clone(), Some(a.dct), Mode::News).await?;
    // Writing takes a turn at the cores like extracting: a second writer's extraction does
    // not take the core the readers are left.
    let _turn = guard::cpu_turn().await?;
    // The write's own CPU (folding the text for the index, merging every report, building
    // the rows: tens of ms for a long article) runs off the async workers too, driven on a
    // blocking thread; SQLite's part runs on the connection's thread either way.
    let (store, a) = (store.clone(), a.clone());
    let span = tracing::Span::current();
    let runtime = tokio::runtime::Handle::current();
    let written = tokio::task::spawn_blocking(move || {
        let _entered = span.enter();
        let doc = NewDocument {
            text: &a.text,
            published_at: &a.published_at,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            source: a.source.as_deref(),
        };
        let outcome = runtime.block_on(store.add_document(&doc, &found.timexes, &found.events));
        outcome.map(|o| (o, found))
    })
    .await;
    match written {
        Ok(result) => Ok(result?),
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => Err(IngestError::Extract(ExtractError::Cancelled)),
    }
}

/// Re-extracts every document stored by an older extractor (see
/// [`store::EXTRACTOR_VERSION`]), one transaction each.
pub async fn reextract(
    store: &Store,
    progress: &ProgressBar,
    mut on_failure: impl FnMut(&Failure),
) -> Result<ReextractSummary, IngestError> {
    let mut summary = ReextractSummary::default();
    let ids = store.stale_document_ids().await?;
    progress.set_length(ids.len() as u64);
    for document_id in ids {
        progress.inc(1);
        let Some(doc) = store.document(document_id).await? else {
            continue; // deleted meanwhile
        };
        let dct = match document_date(&doc.published_at) {
            Ok(dct) => dct,
            Err(message) => {
                summary.failed += 1;
                on_failure(&Failure {
                    origin: format!("document {document_id}"),
                    message,
                });
                continue;
            }
        };
        let found = match extract_blocking(doc.text, Some(dct), Mode::News).await {
            Ok(found) => found,
            Err(e) => {
                summary.failed += 1;
                on_failure(&Failure {
                    origin: format!("document {document_id}"),
                    message: e.to_string(),
                });
                continue;
            }
        };
        let outcome = store
            .replace_extraction(document_id, &found.timexes, &found.events)
            .await?;
        summary.documents += 1;
        summary.events_created += outcome.events_created;
        summary.events_merged += outcome.events_merged;
        summary.events_removed += outcome.events_removed;
    }
    Ok(summary)
}

/// Ingests `seeds_dir` when the database holds no document yet: a fresh install starts with
/// the seed articles. Returns what it did, or `None` when the database was not empty.
pub async fn seed_if_empty(
    store: &Store,
    seeds_dir: &Path,
) -> Result<Option<Summary>, IngestError> {
    if store.document_count().await? > 0 {
        return Ok(None);
    }
    let summary = ingest_paths(
        store,
        &[seeds_dir.to_owned()],
        &ProgressBar::hidden(),
        |f| tracing::warn!(failure = %f, "seed article skipped"),
    )
    .await?;
    tracing::info!(%summary, "seeded the database from {}", seeds_dir.display());
    Ok(Some(summary))
}
