//! Events the sources give no date for: kept by the store, left off the timeline, listed
//! apart ("mentioned without a date") by event id, one keyset page at a time.

use serde::Serialize;
use utoipa::ToSchema;

use super::EvidenceQuote;
use crate::extract::events::{EventKind, Participant, Place, Status};

/// An event no report dates: a [`super::TimelineEntry`] without `date`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UndatedEntry {
    pub event_id: i64,
    pub kind: EventKind,
    pub status: Status,
    #[schema(required)]
    pub plover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub plover_mode: Option<String>,
    pub cameo: String,
    #[schema(required)]
    pub place: Option<Place>,
    /// Everyone any report names, by country then name.
    pub participants: Vec<Participant>,
    /// Distinct documents and distinct sources reporting it.
    pub article_count: i64,
    pub source_count: i64,
    /// Reports of it, all told.
    pub evidence_count: i64,
    /// The reports, in the order they joined: the first only, unless all were asked for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceQuote>,
}
