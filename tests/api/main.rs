//! The HTTP API, driven through `router(state)` with `oneshot` (and once through a real
//! socket), each test against its own fresh database seeded from `seeds/`: on SQLite, and on
//! PostgreSQL too when TARIKH_TEST_PG is set (`support::apps`).

#[path = "../common/backends.rs"]
mod backends;
mod documents;
mod errors;
mod feed;
mod golden;
mod hardening;
mod http;
mod openapi;
mod replicas;
mod sources;
mod support;
mod undated;
