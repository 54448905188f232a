//! Extraction at the document boundary. A panic inside the extractor is that document's
//! error, logged, and never takes the other documents (or the server) down with it; on the
//! server extraction runs on the blocking pool, inside the span of the request that asked.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::extract::{Dct, Extraction, Mode, extract};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The extractor panicked on this text: a bug, reported for this document only.
    #[error("the extractor failed on this document: {0}")]
    Panicked(String),
    /// The blocking task was cancelled (the runtime is shutting down).
    #[error("the extraction was cancelled")]
    Cancelled,
    /// The long texts posted before this one kept every turn for longer than [`TURN_WAIT`].
    #[error("waited {} s for the texts posted before this one", TURN_WAIT.as_secs())]
    Busy,
}

/// How long a text waits for its turn at the cores ([`EXTRACTING`]) before it is refused as
/// busy (an HTTP 503): the same as a write waits for its turn at the store.
pub const TURN_WAIT: Duration = crate::store::WRITE_WAIT;

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

/// Texts being extracted or written at once: one core fewer than the machine has (at least
/// one), so that however many long texts are posted, a core is left for the async workers
/// (health checks, reads). Writes are one at a time anyway, so more would only queue before
/// the store. A process-wide bound, because the cores are.
static EXTRACTING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Semaphore::new(cores.saturating_sub(1).max(1))
});

/// [`extract_caught`] on the blocking pool, so that a long text never stalls the async
/// workers (health checks, reads), logged under the caller's span. At most [`EXTRACTING`]
/// run at once; the others wait their turn without holding a thread.
pub async fn extract_blocking(
    text: String,
    dct: Option<Dct>,
    mode: Mode,
) -> Result<Extraction, ExtractError> {
    let _turn = cpu_turn().await?;
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || {
        let _lower = LowerPriority::new();
        span.in_scope(|| extract_caught(&text, dct, mode))
    })
    .await
    .map_err(|_| ExtractError::Cancelled)?
}

/// A turn at the cores for CPU-heavy work on a text (extracting it, writing what was found),
/// waiting at most [`TURN_WAIT`].
pub async fn cpu_turn() -> Result<SemaphorePermit<'static>, ExtractError> {
    match tokio::time::timeout(TURN_WAIT, EXTRACTING.acquire()).await {
        Ok(Ok(turn)) => Ok(turn),
        Ok(Err(_)) => Err(ExtractError::Cancelled),
        Err(_) => Err(ExtractError::Busy),
    }
}

/// While alive, the current thread runs at a lower CPU priority (nice +10 on Linux), so that
/// on a busy machine the scheduler serves the async workers (health checks, reads) before a
/// long extraction. The priority is put back when it is dropped (which needs the privilege
/// to raise it again; without it the blocking thread stays nice, which only its other
/// background work notices).
struct LowerPriority {
    #[cfg(target_os = "linux")]
    before: Option<libc::c_int>,
}

impl LowerPriority {
    fn new() -> LowerPriority {
        #[cfg(target_os = "linux")]
        {
            // SAFETY: gettid has no preconditions; getpriority/setpriority on this thread's
            // id only change its scheduling priority.
            unsafe {
                let tid = libc::gettid() as libc::id_t;
                let before = libc::getpriority(libc::PRIO_PROCESS, tid);
                let ok = libc::setpriority(libc::PRIO_PROCESS, tid, before + 10) == 0;
                LowerPriority {
                    before: ok.then_some(before),
                }
            }
        }
        #[cfg(not(target_os = "linux"))]
        LowerPriority {}
    }
}

impl Drop for LowerPriority {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if let Some(before) = self.before {
            // SAFETY: as in new.
            unsafe {
                let tid = libc::gettid() as libc::id_t;
                libc::setpriority(libc::PRIO_PROCESS, tid, before);
            }
        }
    }
}
