//! Rows as read from the database, and the claims they make.

use chrono::NaiveDate;

use super::merge::{Aggregate, Report};
use super::{Result, StoreError, codes};
use crate::extract::events::{EventDate, Place};

/// An event's or an evidence row's claim, as read from the database.
#[derive(sqlx::FromRow)]
pub struct ReportRow {
    pub kind: String,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: String,
    pub date_value: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub precision: Option<String>,
    pub place_name: Option<String>,
    pub place_country: Option<String>,
    pub place_lat: Option<f64>,
    pub place_lon: Option<f64>,
    pub place_wikidata: Option<String>,
}

impl ReportRow {
    pub fn into_report(self) -> Result<Report> {
        let date = match (self.date_value, self.earliest, self.latest, self.precision) {
            (Some(value), Some(earliest), Some(latest), Some(precision)) => Some(EventDate {
                value,
                earliest,
                latest,
                precision: codes::precision(&precision)?,
            }),
            (None, _, _, _) => None,
            (Some(value), ..) => return Err(StoreError::corrupt("date", &value)),
        };
        let place = place(
            self.place_name,
            self.place_country,
            self.place_lat,
            self.place_lon,
            self.place_wikidata,
        );
        Ok(Report {
            kind: codes::kind(&self.kind)?,
            plover: self.plover,
            plover_mode: self.plover_mode,
            cameo: self.cameo,
            status: codes::status(&self.status)?,
            date,
            place,
        })
    }

    pub fn into_aggregate(self, date_conflict: Option<String>) -> Result<Aggregate> {
        let mut event = Aggregate::new(&self.into_report()?);
        event.date_conflict = date_conflict;
        Ok(event)
    }
}

/// A place from its columns: there is one when it has a name and a country.
pub fn place(
    name: Option<String>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    wikidata: Option<String>,
) -> Option<Place> {
    Some(Place {
        name: name?.into(),
        country: country?.into(),
        lat: lat.unwrap_or_default(),
        lon: lon.unwrap_or_default(),
        wikidata: wikidata.map(Into::into),
    })
}

#[derive(sqlx::FromRow)]
pub struct EventRow {
    pub event_id: i64,
    pub participant_key: String,
    pub date_conflict: Option<String>,
    #[sqlx(flatten)]
    pub report: ReportRow,
}

#[derive(sqlx::FromRow)]
pub struct EvidenceReportRow {
    pub event_id: i64,
    #[sqlx(flatten)]
    pub report: ReportRow,
}
