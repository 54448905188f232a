//! The tally of events the histogram counts from ([`crate::store::Tally`]), rebuilt in the
//! background when a write has made it stale. While it is missing or stale, the histogram asks
//! SQL instead, so an answer is never older than the data.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use crate::store::{Store, Tally};

#[derive(Default)]
pub struct Snapshot {
    /// The tally and the data generation it was read at.
    current: RwLock<Option<(u64, Arc<Tally>)>>,
    building: AtomicBool,
}

impl Snapshot {
    /// The tally, if it was read at `generation`.
    pub fn fresh(&self, generation: u64) -> Option<Arc<Tally>> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        match &*current {
            Some((g, t)) if *g == generation => Some(t.clone()),
            _ => None,
        }
    }

    /// Starts reading a new tally in the background unless one is being read; `generation`
    /// reads the data version when the read starts.
    pub fn refresh(self: &Arc<Self>, store: Store, generation: impl Fn() -> u64 + Send + 'static) {
        if self.building.swap(true, Ordering::SeqCst) {
            return;
        }
        let this = self.clone();
        tokio::spawn(async move {
            let started_at = generation();
            let started = std::time::Instant::now();
            match store.tally().await {
                Ok(tally) => {
                    tracing::info!(
                        events = tally.len(),
                        ms = started.elapsed().as_millis() as u64,
                        "histogram tally read"
                    );
                    // Replacing the old one frees it: at most two are alive at once.
                    *this.current.write().unwrap_or_else(|e| e.into_inner()) =
                        Some((started_at, Arc::new(tally)));
                }
                Err(e) => tracing::warn!(error = %e, "reading the histogram tally failed"),
            }
            this.building.store(false, Ordering::SeqCst);
        });
    }
}
