//! Extraction at the document boundary. A panic inside the extractor is that document's
//! error, logged, and never takes the other documents (or the server) down with it; on the
//! server extraction runs on the blocking pool, inside the span of the request that asked.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::extract::{Dct, Extraction, Mode, extract};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The extractor panicked on this text: a bug, reported for this document only.
    #[error("the extractor failed on this document: {0}")]
    Panicked(String),
    /// The blocking task was cancelled (the runtime is shutting down).
    #[error("the extraction was cancelled")]
    Cancelled,
}

/// [`extract`], with a panic turned into an error for this text.
pub fn extract_caught(
    text: &str,
    dct: Option<Dct>,
    mode: Mode,
) -> Result<Extraction, ExtractError> {
    catch_unwind(AssertUnwindSafe(|| extract(text, dct, mode))).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        tracing::error!(
            panic = %message,
            chars = text.len(),
            dct = ?dct.map(|d| d.date),
            "extraction panicked; the document is skipped"
        );
        ExtractError::Panicked(message)
    })
}

/// [`extract_caught`] on the blocking pool, so that a long text never stalls the async
/// workers (health checks, reads), logged under the caller's span.
pub async fn extract_blocking(
    text: String,
    dct: Option<Dct>,
    mode: Mode,
) -> Result<Extraction, ExtractError> {
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(|| extract_caught(&text, dct, mode)))
        .await
        .map_err(|_| ExtractError::Cancelled)?
}
