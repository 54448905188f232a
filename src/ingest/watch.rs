//! Feeds followed over time (`tarikh watch`, `tarikh serve --watch`): each feed is fetched
//! on an interval with the validators of its last answer (`If-None-Match` with its `ETag`,
//! `If-Modified-Since` with its `Last-Modified`), so that an unchanged feed costs a 304 and
//! nothing else. The items of a changed feed that this watch has not seen are stored, unless
//! a stored document already has their link (unless several items of the feed share it) or
//! their text: an item is never stored twice, across restarts too. A feed that fails
//! (fetch, parse or store) is tried again after a wait that doubles with each consecutive
//! failure up to [`WatchOptions::max_backoff`] (or longer if the server's `Retry-After`
//! asks, up to a day), and back to the interval after a success;
//! every feed has its own loop, so one bad or slow feed never holds up the others. Nothing
//! here prints: what happens reaches the caller as [`WatchEvent`]s, and the state of every
//! feed is in a [`WatchState`] (served at `GET /api/v1/sources`).

use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};
use futures_util::future::join_all;
use rustc_hash::FxHashSet;
use serde::Serialize;
use utoipa::ToSchema;

use super::fetch::{Conditional, FetchError, Fetcher, Limits, Validators};
use super::guard::ExtractError;
use super::input::Article;
use super::sources::{Item, feed_items};
use super::{Failure, IngestError, ingest_article_found};
use crate::store::Store;

/// The longest `Retry-After` a watch waits for.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// How feeds are watched.
#[derive(Debug, Clone, Copy)]
pub struct WatchOptions {
    /// Between the fetches of a feed that answers.
    pub interval: Duration,
    /// The longest wait after failures (never shorter than `interval`).
    pub max_backoff: Duration,
    pub limits: Limits,
}

impl WatchOptions {
    /// Every `interval`, waiting at most an hour (or the interval, if longer) after failures,
    /// with the default fetch [`Limits`].
    pub fn every(interval: Duration) -> WatchOptions {
        WatchOptions {
            interval,
            max_backoff: interval.max(Duration::from_secs(3600)),
            limits: Limits::default(),
        }
    }

    /// The wait before the next fetch after `errors` consecutive failures (0 after a success):
    /// the interval, then twice as long for each failure, capped.
    pub fn delay(&self, errors: u32) -> Duration {
        let cap = self.max_backoff.max(self.interval);
        self.interval
            .checked_mul(1 << errors.min(20))
            .map_or(cap, |d| d.min(cap))
    }
}

/// How the last fetch of a feed went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FetchStatus {
    /// The feed was read and its new items stored.
    Ok,
    /// The server answered 304: nothing changed since the last fetch.
    NotModified,
    /// The feed could not be fetched, read or stored: `last_error` says why.
    Error,
}

/// One watched feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct SourceState {
    /// The feed's URL, as given.
    pub url: String,
    /// When it was last fetched (RFC 3339, UTC); null before the first fetch.
    #[schema(required)]
    pub last_fetch: Option<DateTime<Utc>>,
    /// How the last fetch went; null before the first.
    #[schema(required)]
    pub last_status: Option<FetchStatus>,
    /// Why the last fetch failed, when it did.
    #[schema(required)]
    pub last_error: Option<String>,
    /// Items read in the feed since the watch started, each counted once while it stays in
    /// the feed.
    pub items_seen: u64,
    /// Items stored as new documents since the watch started (the others were stored before,
    /// or skipped: no date, no text).
    pub items_ingested: u64,
    /// Failed fetches since the last that succeeded; each doubles the wait.
    pub consecutive_errors: u32,
    /// When it is fetched next (RFC 3339, UTC).
    pub next_fetch: DateTime<Utc>,
}

/// The state of every watched feed, shared between the watch and its readers (the API);
/// cheap to clone. Empty when nothing is watched.
#[derive(Debug, Clone, Default)]
pub struct WatchState(Arc<RwLock<Vec<SourceState>>>);

impl WatchState {
    /// The state of `urls`, none fetched yet, all due now.
    pub fn new(urls: &[String]) -> WatchState {
        let now = Utc::now().trunc_subsecs(0);
        let sources = urls
            .iter()
            .map(|url| SourceState {
                url: url.clone(),
                last_fetch: None,
                last_status: None,
                last_error: None,
                items_seen: 0,
                items_ingested: 0,
                consecutive_errors: 0,
                next_fetch: now,
            })
            .collect();
        WatchState(Arc::new(RwLock::new(sources)))
    }

    /// Every feed as it is now, in the order given.
    pub fn snapshot(&self) -> Vec<SourceState> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn update(&self, at: usize, change: impl FnOnce(&mut SourceState)) {
        let mut sources = self.0.write().unwrap_or_else(|e| e.into_inner());
        if let Some(source) = sources.get_mut(at) {
            change(source);
        }
    }
}

/// What a watch reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// A feed was read: `new` items stored, `known` ones already stored; the items seen
    /// before by this watch are not counted.
    Read {
        url: String,
        new: usize,
        known: usize,
    },
    /// The server said the feed is unchanged (304).
    NotModified { url: String },
    /// An item was skipped (no date, no text, the extractor failed); the rest of the feed
    /// was read. Reported once per item.
    ItemSkipped(Failure),
    /// The feed could not be fetched, read or stored; it is tried again in `retry_in`.
    Failed {
        url: String,
        message: String,
        retry_in: Duration,
    },
}

/// Watches the feeds of `state` until dropped (returning at once when there is none),
/// storing their new items in `store` and keeping `state` up to date. Fails only when the
/// HTTP client cannot start.
pub async fn watch(
    store: &Store,
    state: &WatchState,
    options: WatchOptions,
    on_event: impl Fn(WatchEvent) + Sync,
) -> Result<(), String> {
    let fetcher = Fetcher::new(options.limits)?;
    let urls: Vec<String> = state.snapshot().into_iter().map(|s| s.url).collect();
    let watch = Watch {
        store,
        state,
        options,
        fetcher,
        on_event: &on_event,
    };
    join_all(
        urls.iter()
            .enumerate()
            .map(|(at, url)| watch.follow(at, url)),
    )
    .await;
    Ok(())
}

struct Watch<'a, F> {
    store: &'a Store,
    state: &'a WatchState,
    options: WatchOptions,
    fetcher: Fetcher,
    on_event: &'a F,
}

/// What one feed's loop keeps between fetches.
#[derive(Default)]
struct Memory {
    validators: Validators,
    /// The ids of the items of the feed read (and stored, or skipped) so far.
    seen: FxHashSet<String>,
    seen_count: u64,
    ingested: u64,
}

impl<F: Fn(WatchEvent) + Sync> Watch<'_, F> {
    /// The loop of one feed: fetch, record, wait; forever.
    async fn follow(&self, at: usize, url: &str) {
        let mut memory = Memory::default();
        let mut errors = 0u32;
        loop {
            let fetched_at = Utc::now().trunc_subsecs(0);
            let result = self.poll(url, &mut memory).await;
            let (status, error, asked) = match result {
                Ok(status) => {
                    errors = 0;
                    (status, None, None)
                }
                Err(e) => {
                    errors = errors.saturating_add(1);
                    (FetchStatus::Error, Some(e.message), e.retry_after)
                }
            };
            // A server's Retry-After is honoured, up to a day.
            let asked = asked.unwrap_or_default().min(LONGEST_RETRY_AFTER);
            let delay = self.options.delay(errors).max(asked);
            if let Some(message) = &error {
                (self.on_event)(WatchEvent::Failed {
                    url: url.to_owned(),
                    message: message.clone(),
                    retry_in: delay,
                });
            }
            let next = TimeDelta::from_std(delay)
                .ok()
                .and_then(|d| Utc::now().trunc_subsecs(0).checked_add_signed(d))
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
            self.state.update(at, |s| {
                s.last_fetch = Some(fetched_at);
                s.last_status = Some(status);
                s.last_error = error;
                s.items_seen = memory.seen_count;
                s.items_ingested = memory.ingested;
                s.consecutive_errors = errors;
                s.next_fetch = next;
            });
            tokio::time::sleep(delay).await;
        }
    }

    /// One fetch of a feed and the storing of its unseen items. The validators are kept only
    /// when every item was dealt with, so that a feed whose storing failed is read whole
    /// again next time rather than answered 304.
    async fn poll(&self, url: &str, memory: &mut Memory) -> Result<FetchStatus, FetchError> {
        let answer = self.fetcher.get_if_changed(url, &memory.validators).await?;
        let (fetched, validators) = match answer {
            Conditional::NotModified => {
                (self.on_event)(WatchEvent::NotModified {
                    url: url.to_owned(),
                });
                return Ok(FetchStatus::NotModified);
            }
            Conditional::Changed(fetched, validators) => (fetched, validators),
        };
        let items = feed_items(&fetched.body, Some(&fetched.url))?;
        let (new, known) = self.store_items(url, items, memory).await?;
        memory.validators = validators;
        (self.on_event)(WatchEvent::Read {
            url: url.to_owned(),
            new,
            known,
        });
        Ok(FetchStatus::Ok)
    }

    /// Stores the items of a feed this watch has not seen; returns how many were new and how
    /// many already stored. A store that fails stops it (the items left are tried next time).
    async fn store_items(
        &self,
        url: &str,
        items: Vec<Item>,
        memory: &mut Memory,
    ) -> Result<(usize, usize), String> {
        // Only the items still in the feed are remembered: memory stays the feed's size
        // however long the watch runs (an item that comes back is found in the store).
        let current: FxHashSet<String> = items.iter().map(|item| item.id.clone()).collect();
        memory.seen.retain(|id| current.contains(id));
        let repeated = repeated_links(&items);
        // An item is known by its link, unless the link is shared by several items of the
        // feed (some feeds give every item the home page): those are known by their text.
        let unseen: Vec<_> = items
            .into_iter()
            .filter(|item| !memory.seen.contains(&item.id))
            .collect();
        let links: Vec<&str> = unseen
            .iter()
            .filter_map(|item| identity(item.article.as_ref().ok()?, &repeated))
            .collect();
        let mut stored = self
            .store
            .stored_urls(&links)
            .await
            .map_err(|e| format!("cannot read the store: {e}"))?;
        let (mut new, mut known) = (0, 0);
        for item in unseen {
            let skip = |message: String| {
                (self.on_event)(WatchEvent::ItemSkipped(Failure {
                    origin: format!("{url} {}", item.origin),
                    message,
                }));
            };
            match &item.article {
                Err(message) => skip(message.clone()),
                Ok(a) if identity(a, &repeated).is_some_and(|u| stored.contains(u)) => known += 1,
                Ok(a) => match ingest_article_found(self.store, a).await {
                    Ok((outcome, _)) if outcome.new => {
                        new += 1;
                        memory.ingested += 1;
                        stored.extend(identity(a, &repeated).map(str::to_owned));
                    }
                    Ok(_) => known += 1,
                    Err(IngestError::Extract(e @ ExtractError::Panicked(_))) => {
                        skip(e.to_string());
                    }
                    Err(e) => return Err(format!("cannot store {}: {e}", item.origin)),
                },
            }
            memory.seen.insert(item.id);
            memory.seen_count += 1;
        }
        Ok((new, known))
    }
}

/// The link an article is known by, unless several items of its feed share it.
fn identity<'a>(a: &'a Article, repeated: &FxHashSet<String>) -> Option<&'a str> {
    a.url.as_deref().filter(|u| !repeated.contains(*u))
}

/// The links more than one item of a feed has.
fn repeated_links(items: &[Item]) -> FxHashSet<String> {
    let mut links = FxHashSet::default();
    let mut repeated = FxHashSet::default();
    for item in items {
        if let Some(link) = item.article.as_ref().ok().and_then(|a| a.url.as_deref())
            && !links.insert(link)
        {
            repeated.insert(link.to_owned());
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_with_each_failure_up_to_the_cap() {
        let options = WatchOptions {
            interval: Duration::from_secs(60),
            max_backoff: Duration::from_secs(600),
            limits: Limits::default(),
        };
        let waits: Vec<u64> = (0..6).map(|n| options.delay(n).as_secs()).collect();
        assert_eq!(waits, [60, 120, 240, 480, 600, 600]);
        assert_eq!(options.delay(u32::MAX).as_secs(), 600);
        let long = WatchOptions::every(Duration::from_secs(7200));
        assert_eq!(long.delay(3), Duration::from_secs(7200));
    }
}
