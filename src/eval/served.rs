//! The timeline as served: every gold article ingested into a fresh store in a temporary
//! directory by the code path of `tarikh ingest` and `POST /api/v1/documents`, then read back
//! page by page the way `GET /api/v1/events?country=RUS&country=CHN` serves it (the query
//! parsed by the API's own parser, the next page asked for with its cursor).

use serde_json::Value;

use super::timeline::{self, Entry, TimelineScores};
use super::{Docs, get, py_str};
use crate::api::error::ApiError;
use crate::api::params::{FeedQuery, MAX_LIMIT};
use crate::extract::Dct;
use crate::ingest::{Article, ingest_article};
use crate::store::{self, Key, Store, StoreError, TimelineEntry};

/// Why the served timeline could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TimelineError {
    #[error("cannot make a temporary directory for the store")]
    TempDir(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the countries make no valid feed query")]
    Query(#[from] ApiError),
    #[error("gold article {id}: {message}")]
    Article { id: String, message: String },
}

/// Ingests the `gold` articles (their `text`, `dct` as the publication date and `id` as the
/// title) into a fresh store and scores its timeline for `countries` (ISO 3166 alpha-3) against
/// the gold happenings. With `errors`, pushes the lines of [`timeline::score`].
pub async fn score_timeline(
    gold: &[Value],
    countries: &[String],
    errors: Option<&mut Vec<String>>,
) -> Result<TimelineScores, TimelineError> {
    let entries = served_entries(gold, countries).await?;
    let happenings = timeline::happenings(&timeline::gold_events(gold, countries));
    Ok(timeline::score(countries, &happenings, &entries, errors))
}

/// The entries the feed serves for `countries` once every gold article is stored, in feed order.
pub async fn served_entries(
    gold: &[Value],
    countries: &[String],
) -> Result<Vec<Entry>, TimelineError> {
    let dir = tempfile::tempdir()?;
    let store = store::connect(dir.path().join("timeline.db")).await?;
    let read = ingest_and_read(&store, gold, countries).await;
    store.close().await;
    Ok(read?.iter().map(entry).collect())
}

async fn ingest_and_read(
    store: &Store,
    gold: &[Value],
    countries: &[String],
) -> Result<Vec<TimelineEntry>, TimelineError> {
    for &(id, doc) in &Docs::new(gold).docs {
        ingest_article(store, &article(&py_str(id), doc)?).await?;
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for c in countries {
        query.append_pair("country", c);
    }
    let mut query = query.append_pair("limit", &MAX_LIMIT.to_string()).finish();
    let mut entries = Vec::new();
    loop {
        let q = FeedQuery::parse(Some(&query))?;
        // One more than asked, as the handler does: whether it comes back says whether there
        // is a next page.
        let mut page = store.feed(&q.filter, q.order, q.after, q.limit + 1).await?;
        let more = page.len() as i64 > q.limit;
        page.truncate(q.limit as usize);
        let next = page.last().filter(|_| more).map(Key::of);
        entries.append(&mut page);
        match next {
            Some(last) => query = q.next_query(last),
            None => return Ok(entries),
        }
    }
}

/// A gold line as the article `POST /api/v1/documents` would receive.
fn article(id: &str, doc: &serde_json::Map<String, Value>) -> Result<Article, TimelineError> {
    let fail = |message: String| TimelineError::Article {
        id: id.to_owned(),
        message,
    };
    let published_at = get(doc, "dct")
        .as_str()
        .ok_or_else(|| fail("no \"dct\" to publish it at".to_owned()))?
        .trim();
    Ok(Article {
        text: get(doc, "text").as_str().unwrap_or("").to_owned(),
        published_at: published_at.to_owned(),
        dct: Dct::parse(published_at).map_err(fail)?,
        url: None,
        title: Some(id.to_owned()),
        source: None,
    })
}

fn entry(e: &TimelineEntry) -> Entry {
    let mut countries: Vec<String> = e
        .participants
        .iter()
        .map(|p| p.country.to_string())
        .collect();
    countries.sort();
    countries.dedup();
    let first = e.evidence.first();
    Entry {
        event_id: e.event_id,
        kind: e.kind.as_str().to_owned(),
        date: e.date.value.clone(),
        earliest: e.date.earliest,
        latest: e.date.latest,
        countries,
        article: first.and_then(|q| q.title.clone()),
        trigger: first.map_or_else(String::new, |q| q.trigger.clone()),
        quote: first.map_or_else(String::new, |q| q.quote.clone()),
    }
}
