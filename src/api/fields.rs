//! `fields=`: the parts of each feed entry a client asks for (`fields=date,kind,participants`),
//! so that a list that shows dates and names does not carry every quote. `event_id` is always
//! given; a part left out is absent, not null.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use super::error::ApiError;
use super::params::values::{Choice, Commas};
use crate::store::TimelineEntry;

/// A part of a feed entry: one of its properties, by the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryField {
    EventId,
    Kind,
    Status,
    Plover,
    PloverMode,
    Cameo,
    Date,
    DateConflict,
    Place,
    Participants,
    ArticleCount,
    SourceCount,
    EvidenceCount,
    Evidence,
}

impl Choice for EntryField {
    const EXPECTED: &'static str = "one of event_id, kind, status, plover, plover_mode, cameo, \
        date, date_conflict, place, participants, article_count, source_count, \
        evidence_count, evidence";
}

/// The parts asked for.
pub type Fields = Commas<EntryField>;

impl Fields {
    /// Whether the entries carry their reports at all (else only their counts are loaded).
    pub fn has(&self, field: EntryField) -> bool {
        self.0.contains(&field)
    }

    /// Each of `entries` with its `event_id` and the parts asked for.
    pub fn of(&self, entries: &[TimelineEntry]) -> Result<Vec<Map<String, Value>>, ApiError> {
        let json = |e: serde_json::Error| ApiError::Internal(format!("entry as JSON: {e}"));
        let names: Vec<Value> = self
            .0
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<_, _>>()
            .map_err(json)?;
        let keep = |k: &String| k == "event_id" || names.iter().any(|n| n == k.as_str());
        entries
            .iter()
            .map(|entry| match serde_json::to_value(entry).map_err(json)? {
                Value::Object(mut all) => {
                    all.retain(|k, _| keep(k));
                    Ok(all)
                }
                _ => Err(ApiError::Internal("an entry is not a JSON object".into())),
            })
            .collect()
    }
}

/// A page of the feed with `fields=`: [`super::events::FeedPage`] whose entries have only the
/// parts asked for.
#[derive(Debug, Serialize)]
pub struct FeedPageParts {
    pub events: Vec<Map<String, Value>>,
    pub total: i64,
    pub next_cursor: Option<String>,
    pub next_url: Option<String>,
}

impl PartialSchema for FeedPageParts {
    fn schema() -> RefOr<Schema> {
        let nullable = || {
            ObjectBuilder::new().schema_type(utoipa::openapi::schema::SchemaType::from_iter([
                utoipa::openapi::schema::Type::String,
                utoipa::openapi::schema::Type::Null,
            ]))
        };
        ObjectBuilder::new()
            .description(Some(
                "A page of the feed with `fields=`: each entry has its `event_id` and the parts \
                 asked for.",
            ))
            .property(
                "events",
                ArrayBuilder::new().items(Ref::from_schema_name(TimelineEntryParts::name())),
            )
            .required("events")
            .property(
                "total",
                ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::Integer)
                    .minimum(Some(0))
                    .description(Some("Events matching the filters, on every page")),
            )
            .required("total")
            .property("next_cursor", nullable())
            .required("next_cursor")
            .property("next_url", nullable())
            .required("next_url")
            .into()
    }
}

impl ToSchema for FeedPageParts {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((
            TimelineEntryParts::name().into_owned(),
            TimelineEntryParts::schema(),
        ));
    }
}

/// [`TimelineEntry`] of which only `event_id` is sure to be there.
pub struct TimelineEntryParts;

impl PartialSchema for TimelineEntryParts {
    fn schema() -> RefOr<Schema> {
        let mut schema = TimelineEntry::schema();
        if let RefOr::T(Schema::Object(object)) = &mut schema {
            object.required = vec!["event_id".to_owned()];
            object.description = Some(
                "A timeline entry with the parts `fields` asked for: `event_id` and those."
                    .to_owned(),
            );
        }
        schema
    }
}

impl ToSchema for TimelineEntryParts {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::params::values::Word;

    /// Every part is a property of an entry, and every property can be asked for.
    #[test]
    fn the_parts_are_the_properties_of_an_entry() {
        let RefOr::T(Schema::Object(entry)) = TimelineEntry::schema() else {
            panic!("an entry is an object");
        };
        let mut properties: Vec<&str> = entry.properties.keys().map(String::as_str).collect();
        properties.sort_unstable();
        let listed = EntryField::EXPECTED.trim_start_matches("one of ");
        let mut names: Vec<&str> = listed.split(", ").collect();
        for name in &names {
            let field: Word<EntryField> = name.parse().unwrap();
            assert_eq!(serde_json::to_value(field.0).unwrap(), *name);
        }
        names.sort_unstable();
        assert_eq!(names, properties);
    }

    #[test]
    fn unknown_parts_are_named() {
        let e = "date,quotes".parse::<Fields>().unwrap_err();
        assert!(e.starts_with("`quotes` is not one of event_id"), "{e}");
        assert!("".parse::<Fields>().is_err());
        assert_eq!(
            "date,kind".parse::<Fields>().unwrap().0,
            [EntryField::Date, EntryField::Kind]
        );
    }
}
