//! tarikh reads Arabic news, finds every date in it and resolves each one against the
//! article's publication date (the DCT), as TimeML TIMEX3 values.
//!
//! - [`extract`]: pure text → data (normalisation, lexicon, temporal expressions, resolution).
//!   No I/O and no clock: the document date is always passed in.
//! - [`eval`]: the TempEval-3 style scorer used by `tarikh eval`, the same figures as
//!   `shared/eval/score.py`.
//! - [`frontmatter`]: articles on disk with their publication date in a `---` block.
//! - [`store`]: the SQLite store of documents, their dates, and events merged across documents.
//! - [`ingest`]: articles from files, directories, feeds and web pages (files or URLs) into the
//!   store (`ingest`, `reextract`).
//! - [`render`]: the feed as TimelineJS, vis-timeline, CSV, JSON Feed and Atom.
//! - [`api`]: the HTTP service (`tarikh serve`): the chronological feed, histogram, exports,
//!   ingestion over HTTP and the timeline page.
//! - [`cli`]: the line-oriented commands of the binary (`extract`, `eval`).

pub mod api;
pub mod cli;
pub mod eval;
pub mod extract;
pub mod frontmatter;
pub mod ingest;
pub mod render;
pub mod store;
