//! The words the store writes for the extractor's enums, and back. They are the serde names,
//! so a row reads the same as `tarikh extract` output.

use crate::extract::events::{EventKind, Precision, Status};
use crate::extract::{TimexMod, TimexType};

use super::StoreError;

pub(super) const KINDS: [EventKind; 8] = [
    EventKind::Meeting,
    EventKind::Visit,
    EventKind::Summit,
    EventKind::Call,
    EventKind::Agreement,
    EventKind::Military,
    EventKind::Statement,
    EventKind::Other,
];

pub(super) const STATUSES: [(Status, &str); 3] = [
    (Status::Held, "held"),
    (Status::Announced, "announced"),
    (Status::Cancelled, "cancelled"),
];

pub(super) const PRECISIONS: [(Precision, &str); 8] = [
    (Precision::Day, "day"),
    (Precision::Week, "week"),
    (Precision::Month, "month"),
    (Precision::Season, "season"),
    (Precision::Quarter, "quarter"),
    (Precision::Year, "year"),
    (Precision::Decade, "decade"),
    (Precision::Century, "century"),
];

pub fn kind(s: &str) -> Result<EventKind, StoreError> {
    KINDS
        .into_iter()
        .find(|k| k.as_str() == s)
        .ok_or_else(|| StoreError::corrupt("kind", s))
}

pub fn status_str(s: Status) -> &'static str {
    STATUSES
        .iter()
        .find(|(x, _)| *x == s)
        .map_or("held", |p| p.1)
}

pub fn status(s: &str) -> Result<Status, StoreError> {
    STATUSES
        .iter()
        .find(|(_, name)| *name == s)
        .map(|p| p.0)
        .ok_or_else(|| StoreError::corrupt("status", s))
}

pub fn precision_str(p: Precision) -> &'static str {
    PRECISIONS
        .iter()
        .find(|(x, _)| *x == p)
        .map_or("day", |p| p.1)
}

pub fn precision(s: &str) -> Result<Precision, StoreError> {
    PRECISIONS
        .iter()
        .find(|(_, name)| *name == s)
        .map(|p| p.0)
        .ok_or_else(|| StoreError::corrupt("precision", s))
}

pub fn timex_type_str(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

pub fn timex_mod_str(m: TimexMod) -> &'static str {
    match m {
        TimexMod::Start => "START",
        TimexMod::Mid => "MID",
        TimexMod::End => "END",
        TimexMod::Approx => "APPROX",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_match_serde() {
        for k in KINDS {
            assert_eq!(kind(k.as_str()).unwrap(), k);
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        for (s, name) in STATUSES {
            assert_eq!(status(status_str(s)).unwrap(), s);
            assert_eq!(serde_json::to_value(s).unwrap(), name);
        }
        for (p, name) in PRECISIONS {
            assert_eq!(precision(precision_str(p)).unwrap(), p);
            assert_eq!(serde_json::to_value(p).unwrap(), name);
        }
        assert!(kind("party").is_err());
        for t in [
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ] {
            assert_eq!(serde_json::to_value(t).unwrap(), timex_type_str(t));
        }
        for m in [
            TimexMod::Start,
            TimexMod::Mid,
            TimexMod::End,
            TimexMod::Approx,
        ] {
            assert_eq!(serde_json::to_value(m).unwrap(), timex_mod_str(m));
        }
    }
}
