//! The HTTP API: `router(state)` builds the whole service, used by `tarikh serve` and by the
//! tests alike.

pub mod export;
pub mod page;
