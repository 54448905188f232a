//! Documents: one row per distinct text, stored in one transaction together with its
//! temporal expressions and the evidence of its events, so that a crash leaves either all of a
//! document or nothing of it. The types both backends take and give.

use super::batch::Added;
use crate::extract::Timex;
use crate::extract::events::Event;
use crate::extract::normalize::fold;

/// A document to store. `text` is the article body: every span extracted from it counts from
/// its first character.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    pub text: &'a str,
    /// The document creation time its relative dates were resolved against.
    pub published_at: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// What storing (or re-extracting) a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    pub document_id: i64,
    /// False when a document with the same text was already stored: nothing was written.
    pub new: bool,
    pub events_created: usize,
    /// Reports that joined an event already stored (or found earlier in the same document).
    pub events_merged: usize,
    /// Events left without evidence by a re-extraction, and deleted.
    pub events_removed: usize,
}

impl Outcome {
    /// What replacing the extraction of the stored document `document_id` did: the events
    /// its new reports created and joined, and those its old ones left without evidence.
    pub(crate) fn replaced(document_id: i64, added: Added, removed: usize) -> Outcome {
        Outcome {
            document_id,
            new: false,
            events_created: added.created,
            events_merged: added.merged,
            events_removed: removed,
        }
    }
}

/// Records what the events of each new document did in its outcome: `at` are the places of
/// the new documents in `outcomes`, in the order of `added`.
pub(crate) fn count_added(
    outcomes: &mut [Outcome],
    at: impl IntoIterator<Item = usize>,
    added: Vec<Added>,
) {
    for (at, added) in at.into_iter().zip(added) {
        outcomes[at].events_created = added.created;
        outcomes[at].events_merged = added.merged;
    }
}

/// A stored document, as re-extraction needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredDocument {
    pub document_id: i64,
    pub text: String,
    pub published_at: String,
}

/// The hash that decides whether a text is already stored: blake3, hex.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// One document with everything extracted from it, for [`Store::add_documents`].
#[derive(Debug, Clone, Copy)]
pub struct Extracted<'a> {
    pub doc: NewDocument<'a>,
    pub timexes: &'a [Timex],
    pub events: &'a [Event],
}

/// The words of a text or a query after Arabic folding: what both backends index and look
/// up (a quote's `-` or `OR` is punctuation or a word, never syntax).
pub(crate) fn search_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}
