//! The HTTP API, driven through `router(state)` with `oneshot` (and once through a real
//! socket), each test against its own fresh SQLite database seeded from `seeds/`.

mod documents;
mod errors;
mod feed;
mod golden;
mod hardening;
mod http;
mod openapi;
mod sources;
mod support;
mod undated;
