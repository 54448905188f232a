//! Whether a report of a happening joins an event already stored, and what the event says once
//! it has. Pure functions: the store fetches the candidates and writes the outcome.
//!
//! [`decide`] lets a report join an event when all of these hold, and says why in words:
//!
//! 1. **Kinds are compatible**: equal, or both in the contact family (meeting, visit, summit,
//!    call): the visit and the talks it held are one entry.
//! 2. **Participants are the same countries** (as sets), and there is at least one: reports
//!    without participants have nothing to be matched on. Within the contact family one set
//!    may hold the other when they share two sides: a bilateral meeting on the sidelines of a
//!    summit, or a report that also names a country the talks were about, is the same entry.
//!    For other kinds the same holds only when one date is strictly inside the other: the
//!    month-precision mention of drills (or of a parade) naming the two hosts refines into
//!    the day's report that also names the third state taking part; two same-date reports
//!    naming different sets stay two happenings.
//! 3. **Both are dated.** Undated reports are never merged, they stay events of their own.
//! 4. **Places are compatible**: the same place, one of them missing, or a city and the
//!    country it lies in.
//! 5. **One date interval contains the other.** When several events qualify, the report joins
//!    the one whose interval is tightest (a tie is ambiguous and joins none). A report that
//!    contains two or more of them is never folded into one (a report of "2018" into one of
//!    two different months): it joins an event of exactly its own interval if there is one,
//!    and otherwise starts its own. A report joins one event at most: events never chain.
//! 6. Otherwise, **a conflicting date**: same precision, no overlap, first days within
//!    [`CONFLICT_DAYS`] of each other (2018-06-08 vs 2018-06-09). The report joins the
//!    nearest such event and the event records the disagreement. Not when the report's own
//!    document dates another happening of the same sides on that event's day: the visit of
//!    the 8th and the talks of the 9th in one article are two steps, not two sources.
//!
//! [`Aggregate`] is an event as the fold of its reports in the order they joined: the most
//! specific kind, the tightest date, the most specific place, the strongest status, and every
//! date conflict.

use chrono::NaiveDate;

use crate::extract::events::{Event, EventDate, EventKind, Participant, Place, Status};
use crate::extract::lexicon::events::PLACES;

/// Two same-precision dates that do not overlap are one happening reported with a conflict
/// when their first days are at most this many days apart.
pub const CONFLICT_DAYS: i64 = 3;

const CONFLICT_PREFIX: &str = "sources disagree: ";

/// What one source says about a happening.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub kind: EventKind,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: Status,
    pub date: Option<EventDate>,
    pub place: Option<Place>,
}

impl From<&Event> for Report {
    fn from(e: &Event) -> Report {
        Report {
            kind: e.kind,
            plover: e.plover.as_deref().map(str::to_owned),
            plover_mode: e.plover_mode.as_deref().map(str::to_owned),
            cameo: e.cameo.to_string(),
            status: e.status,
            date: e.date.clone(),
            place: e.location.clone(),
        }
    }
}

/// An event as stored: its reports folded together.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub kind: EventKind,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub cameo: String,
    pub status: Status,
    pub date: Option<EventDate>,
    pub place: Option<Place>,
    /// `sources disagree: 2018-06-08 vs 2018-06-09`, when they do.
    pub date_conflict: Option<String>,
}

impl Aggregate {
    /// The event as its first report tells it.
    pub fn new(r: &Report) -> Aggregate {
        Aggregate {
            kind: r.kind,
            plover: r.plover.clone(),
            plover_mode: r.plover_mode.clone(),
            cameo: r.cameo.clone(),
            status: r.status,
            date: r.date.clone(),
            place: r.place.clone(),
            date_conflict: None,
        }
    }

    /// Folds a report that [`decide`] let join.
    pub fn absorb(&mut self, r: &Report) {
        if contact_rank(r.kind) > contact_rank(self.kind) {
            self.kind = r.kind;
            self.plover = r.plover.clone();
            self.plover_mode = r.plover_mode.clone();
            self.cameo = r.cameo.clone();
        }
        if status_rank(r.status) > status_rank(self.status) {
            self.status = r.status;
        }
        match (&self.date, &r.date) {
            (Some(a), Some(c)) if contains(a, c) && width(c) < width(a) => {
                self.date = Some(c.clone());
            }
            (Some(a), Some(c)) if !overlaps(a, c) => {
                let note = self
                    .date_conflict
                    .get_or_insert_with(|| format!("{CONFLICT_PREFIX}{}", a.value));
                let listed = note[CONFLICT_PREFIX.len()..].split(" vs ");
                if !listed.clone().any(|v| v == c.value) {
                    note.push_str(" vs ");
                    note.push_str(&c.value);
                }
            }
            _ => {}
        }
        match (&self.place, &r.place) {
            (None, Some(p)) => self.place = Some(p.clone()),
            (Some(a), Some(p)) if is_country(a) && !is_country(p) && a.country == p.country => {
                self.place = Some(p.clone());
            }
            _ => {}
        }
    }
}

/// An event already stored that a report might join.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub event_id: i64,
    /// Sorted and distinct, as [`countries`] makes them.
    pub countries: Vec<String>,
    pub event: Aggregate,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Join { event_id: i64, reason: String },
    New { reason: String },
}

/// The distinct countries of a report's participants, sorted.
pub fn countries(participants: &[Participant]) -> Vec<String> {
    let mut c: Vec<String> = participants.iter().map(|p| p.country.to_string()).collect();
    c.sort();
    c.dedup();
    c
}

/// `CHN+RUS`: the key events are looked up by.
pub fn participant_key(countries: &[String]) -> String {
    countries.join("+")
}

/// The countries a stored participant key names: [`participant_key`] undone.
pub(crate) fn key_countries(key: &str) -> Vec<String> {
    key.split('+').map(str::to_owned).collect()
}

/// Which event, if any, a report joins (see the module doc for the rules). `told_apart` are
/// the dates the report's own document gives other happenings of the same sides: a document
/// that dates the visit on the 8th and the talks on the 9th does not disagree with itself.
pub fn decide(
    report: &Report,
    countries: &[String],
    candidates: &[Candidate],
    told_apart: &[&EventDate],
) -> Decision {
    if countries.is_empty() {
        return new("no participants to match on");
    }
    let Some(date) = &report.date else {
        return new("undated reports are never merged");
    };
    let comparable: Vec<(&Candidate, &EventDate, PlaceFit)> = candidates
        .iter()
        .filter(|c| kinds_compatible(report.kind, c.event.kind))
        .filter_map(|c| {
            let fit = place_fit(report.place.as_ref(), c.event.place.as_ref())?;
            Some((c, c.event.date.as_ref()?, fit))
        })
        .filter(|(c, d, _)| {
            sides_compatible(report.kind, c.event.kind, countries, &c.countries)
                || (sides_related(countries, &c.countries) && strictly_nested(d, date))
        })
        .collect();
    let nested: Vec<_> = comparable
        .iter()
        .filter(|(_, d, _)| contains(d, date) || contains(date, d))
        .collect();
    let inside: Vec<_> = nested
        .iter()
        .filter(|(_, d, _)| contains(date, d) && width(d) < width(date))
        .collect();
    if inside.len() >= 2 {
        // Folding the report into one of them would be a guess; an event with exactly its
        // interval is not.
        let same: Vec<_> = nested
            .iter()
            .filter(|(_, d, _)| same_interval(d, date))
            .collect();
        if let [(c, d, fit)] = same[..] {
            return join(report, countries, c, &date_words(date, d), *fit);
        }
        let mut list: Vec<String> = inside
            .iter()
            .take(3)
            .map(|(c, d, _)| format!("#{} {}", c.event_id, d.value))
            .collect();
        if inside.len() > 3 {
            list.push("…".to_owned());
        }
        return new(&format!(
            "{} contains {} events ({}), not merged into any",
            date.value,
            inside.len(),
            list.join(", ")
        ));
    }
    if let Some(best) = unique_min(&nested, |(_, d, _)| width(d)) {
        if let Some((c, d, fit)) = best {
            return join(report, countries, c, &date_words(date, d), *fit);
        }
        return new("fits several events equally well, not merged into any");
    }
    let conflicting: Vec<_> = comparable
        .iter()
        .filter(|(_, d, _)| d.precision == date.precision && !overlaps(d, date))
        .filter(|(_, d, _)| !told_apart.iter().any(|t| same_interval(t, d)))
        .filter(|(_, d, _)| days_apart(d.earliest, date.earliest) <= CONFLICT_DAYS)
        .collect();
    match unique_min(&conflicting, |(_, d, _)| {
        days_apart(d.earliest, date.earliest)
    }) {
        Some(Some((c, d, fit))) => {
            let n = days_apart(d.earliest, date.earliest);
            let words = format!(
                "{} vs {}: sources disagree, {n} day{} apart",
                date.value,
                d.value,
                if n == 1 { "" } else { "s" }
            );
            join(report, countries, c, &words, *fit)
        }
        Some(None) => new("conflicting dates fit several events equally, not merged"),
        None => new("no earlier report of it"),
    }
}

/// The item with the smallest key: `None` when there are none, `Some(None)` on a tie.
fn unique_min<T>(items: &[T], key: impl Fn(&T) -> i64) -> Option<Option<&T>> {
    let best = items.iter().map(&key).min()?;
    let mut at_best = items.iter().filter(|i| key(i) == best);
    let first = at_best.next();
    Some(if at_best.next().is_some() {
        None
    } else {
        first
    })
}

fn new(why: &str) -> Decision {
    Decision::New {
        reason: format!("new event: {why}"),
    }
}

fn join(
    report: &Report,
    countries: &[String],
    c: &Candidate,
    dates: &str,
    fit: PlaceFit,
) -> Decision {
    let kinds = if report.kind == c.event.kind {
        report.kind.as_str().to_owned()
    } else {
        format!("{} ~ {}", report.kind.as_str(), c.event.kind.as_str())
    };
    let place = match (fit, &report.place, &c.event.place) {
        (PlaceFit::Same, Some(p), _) => format!("place {}", p.name),
        (PlaceFit::CityInCountry, Some(a), Some(b)) => {
            let (city, country) = if is_country(a) { (b, a) } else { (a, b) };
            format!("place {} in {}", city.name, country.name)
        }
        (_, None, Some(e)) => format!("place {} (this source names none)", e.name),
        (_, Some(p), None) => format!("place {} (new to the event)", p.name),
        _ => "no place".to_owned(),
    };
    Decision::Join {
        event_id: c.event_id,
        reason: format!(
            "{}, {kinds}, {dates}, {place}",
            sides_words(countries, &c.countries)
        ),
    }
}

fn sides_words(report: &[String], event: &[String]) -> String {
    if report == event {
        format!("same participants {}", participant_key(report))
    } else {
        format!(
            "participants {} ~ {}",
            participant_key(report),
            participant_key(event)
        )
    }
}

fn date_words(report: &EventDate, event: &EventDate) -> String {
    if report.value == event.value {
        format!("same date {}", report.value)
    } else if contains(event, report) {
        format!("{} within {}", report.value, event.value)
    } else {
        format!("{} contains {}", report.value, event.value)
    }
}

/// Equal country sets; for two contacts, one set inside the other with two sides shared.
pub fn sides_compatible(a: EventKind, b: EventKind, x: &[String], y: &[String]) -> bool {
    x == y || (a.is_contact() && b.is_contact() && sides_related(x, y))
}

/// Equal country sets, or one inside the other with two sides shared: the sets two reports of
/// one happening may give (a passing mention of drills names the two hosts, the report of
/// the day a third that took part).
pub fn sides_related(x: &[String], y: &[String]) -> bool {
    let inside = |p: &[String], q: &[String]| p.iter().all(|c| q.contains(c));
    x == y || (x.len().min(y.len()) >= 2 && (inside(x, y) || inside(y, x)))
}

/// One interval inside the other and narrower: a coarser report of a finer one, or the reverse.
fn strictly_nested(a: &EventDate, b: &EventDate) -> bool {
    (contains(a, b) || contains(b, a)) && width(a) != width(b)
}

fn kinds_compatible(a: EventKind, b: EventKind) -> bool {
    a == b || (a.is_contact() && b.is_contact())
}

/// Within the contact family, the kind that says most about the happening wins.
fn contact_rank(k: EventKind) -> u8 {
    match k {
        EventKind::Summit => 4,
        EventKind::Visit => 3,
        EventKind::Meeting => 2,
        EventKind::Call => 1,
        _ => 0,
    }
}

/// One source saying it took place outweighs announcements; a cancellation outweighs an
/// announcement.
fn status_rank(s: Status) -> u8 {
    match s {
        Status::Held => 2,
        Status::Cancelled => 1,
        Status::Announced => 0,
    }
}

fn contains(outer: &EventDate, inner: &EventDate) -> bool {
    outer.earliest <= inner.earliest && inner.latest <= outer.latest
}

fn same_interval(a: &EventDate, b: &EventDate) -> bool {
    a.earliest == b.earliest && a.latest == b.latest
}

fn overlaps(a: &EventDate, b: &EventDate) -> bool {
    a.earliest <= b.latest && b.earliest <= a.latest
}

fn width(d: &EventDate) -> i64 {
    (d.latest - d.earliest).num_days()
}

fn days_apart(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days().abs()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum PlaceFit {
    Same,
    Missing,
    CityInCountry,
}

/// `None` when the places rule the merge out.
fn place_fit(a: Option<&Place>, b: Option<&Place>) -> Option<PlaceFit> {
    let (Some(a), Some(b)) = (a, b) else {
        return Some(PlaceFit::Missing);
    };
    let same = match (&a.wikidata, &b.wikidata) {
        (Some(x), Some(y)) => x == y,
        _ => a.name == b.name && a.country == b.country,
    };
    if same {
        Some(PlaceFit::Same)
    } else if a.country == b.country && is_country(a) != is_country(b) {
        Some(PlaceFit::CityInCountry)
    } else {
        None
    }
}

/// Whether a place is a whole country (or a region) rather than a city in it, as the
/// gazetteer lists it.
pub fn is_country(p: &Place) -> bool {
    PLACES
        .iter()
        .any(|(_, d)| !d.city && d.name == p.name && d.country == p.country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resolve::span;
    use EventKind::*;

    fn date(value: &str) -> EventDate {
        let (earliest, latest) = span(value).unwrap();
        let precision = match value.len() {
            4 => crate::extract::events::Precision::Year,
            7 => crate::extract::events::Precision::Month,
            8 => crate::extract::events::Precision::Week,
            _ => crate::extract::events::Precision::Day,
        };
        EventDate {
            value: value.to_owned(),
            earliest,
            latest,
            precision,
        }
    }

    fn place(name: &str) -> Place {
        let country = match name {
            "Beijing" | "Shanghai" | "China" => "CHN",
            "Moscow" | "Kazan" | "Russia" => "RUS",
            "Samarkand" | "Uzbekistan" => "UZB",
            other => panic!("no test place {other}"),
        };
        Place {
            name: name.to_owned().into(),
            country: country.to_owned().into(),
            lat: 0.0,
            lon: 0.0,
            wikidata: None,
        }
    }

    fn report(kind: EventKind, value: &str, at: &str) -> Report {
        Report {
            kind,
            plover: Some("CONSULT".to_owned()),
            plover_mode: None,
            cameo: "040".to_owned(),
            status: Status::Held,
            date: (!value.is_empty()).then(|| date(value)),
            place: (!at.is_empty()).then(|| place(at)),
        }
    }

    fn cc(key: &str) -> Vec<String> {
        key.split('+')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// (event_id, kind, countries, date, place); "" for none.
    type Existing = (i64, EventKind, &'static str, &'static str, &'static str);
    /// (kind, countries, date, place) of a report; "" for none.
    type Said = (EventKind, &'static str, &'static str, &'static str);
    /// (kind, date value, place) of each report, in order.
    type Reports = &'static [(EventKind, &'static str, &'static str)];
    /// (kind, date value, place, date conflict) of an event.
    type Folded = (EventKind, &'static str, &'static str, Option<&'static str>);

    fn candidates(existing: &[Existing]) -> Vec<Candidate> {
        existing
            .iter()
            .map(|&(id, kind, key, value, at)| Candidate {
                event_id: id,
                countries: cc(key),
                event: Aggregate::new(&report(kind, value, at)),
            })
            .collect()
    }

    #[test]
    fn a_document_does_not_disagree_with_itself() {
        // Another source's talks of the 8th: the same talks, one day off.
        let existing = candidates(&[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")]);
        let talks = report(Meeting, "2018-06-09", "Beijing");
        let joined = decide(&talks, &cc("CHN+RUS"), &existing, &[]);
        assert!(
            matches!(joined, Decision::Join { event_id: 1, .. }),
            "{joined:?}"
        );
        // The same article dated the arrival on the 8th and the talks on the 9th: two steps.
        let arrival = date("2018-06-08");
        let apart = decide(&talks, &cc("CHN+RUS"), &existing, &[&arrival]);
        assert!(matches!(apart, Decision::New { .. }), "{apart:?}");
    }

    #[test]
    fn decisions() {
        // name, report (kind, countries, date, place), existing events, joins (0 = new event)
        #[rustfmt::skip]
        let cases: &[(&str, Said, &[Existing], i64)] = &[
            ("visit and meeting same day same city", (Meeting, "CHN+RUS", "2018-06-08", "Beijing"),
                &[(1, Visit, "CHN+RUS", "2018-06-08", "Beijing")], 1),
            ("day report refines a month", (Visit, "CHN+RUS", "2018-06-08", "Beijing"),
                &[(1, Meeting, "CHN+RUS", "2018-06", "")], 1),
            ("month report joins a day event", (Meeting, "CHN+RUS", "2018-06", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")], 1),
            ("summit and call are contact", (Call, "CHN+RUS", "2022-W37", ""),
                &[(1, Summit, "CHN+RUS", "2022-09-15", "")], 1),
            ("statement is not contact", (Statement, "CHN+RUS", "2018-06-08", "Beijing"),
                &[(1, Visit, "CHN+RUS", "2018-06-08", "Beijing")], 0),
            ("military only with military", (Military, "RUS+UKR", "2022-02", ""),
                &[(1, Military, "RUS+UKR", "2022", "")], 1),
            ("a contact naming a third side joins", (Meeting, "CHN+IND+RUS", "2018-06-08", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "")], 1),
            ("a bilateral meeting joins the summit", (Meeting, "CHN+RUS", "2022-W37", "Samarkand"),
                &[(1, Summit, "CHN+KAZ+RUS+UZB", "2022-W37", "Samarkand")], 1),
            ("contacts sharing one side stay apart", (Meeting, "CHN+IND", "2018-06-08", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "")], 0),
            ("other kinds need equal sets", (Military, "RUS+UKR+USA", "2022-02", ""),
                &[(1, Military, "RUS+UKR", "2022-02", "")], 0),
            ("a coarser mention of drills joins the day naming a third side", (Military, "CHN+RUS", "2018-09", ""),
                &[(1, Military, "CHN+MNG+RUS", "2018-09-11", "")], 1),
            ("a parade's day joins its month naming fewer sides", (Other, "CHN+PRK+RUS", "2025-09-03", "Beijing"),
                &[(1, Other, "CHN+RUS", "2025-09", "Beijing")], 1),
            ("other kinds sharing one side stay apart though nested", (Military, "RUS+UKR", "2022-02", ""),
                &[(1, Military, "RUS+USA", "2022-02-24", "")], 0),
            ("no participants never merges", (Meeting, "", "2018-06-08", ""),
                &[(1, Meeting, "", "2018-06-08", "")], 0),
            ("undated never merges with dated", (Meeting, "CHN+RUS", "", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "")], 0),
            ("undated never merges with undated", (Meeting, "CHN+RUS", "", ""),
                &[(1, Meeting, "CHN+RUS", "", "")], 0),
            ("dated never joins undated", (Meeting, "CHN+RUS", "2018-06-08", ""),
                &[(1, Meeting, "CHN+RUS", "", "")], 0),
            ("different cities", (Meeting, "CHN+RUS", "2018-06-08", "Shanghai"),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")], 0),
            ("city inside the event's country", (Visit, "CHN+RUS", "2018-04", "Moscow"),
                &[(1, Visit, "CHN+RUS", "2018-04", "Russia")], 1),
            ("country holding the event's city", (Visit, "CHN+RUS", "2018-04", "Russia"),
                &[(1, Visit, "CHN+RUS", "2018-04-20", "Moscow")], 1),
            ("city in another country", (Visit, "CHN+RUS", "2018-04", "Beijing"),
                &[(1, Visit, "CHN+RUS", "2018-04", "Russia")], 0),
            ("overlap without containment", (Meeting, "CHN+RUS", "2022-W35", ""),
                &[(1, Meeting, "CHN+RUS", "2022-09", "")], 0),
            ("year never folded into one of two months", (Meeting, "CHN+RUS", "2018", ""),
                &[(1, Visit, "CHN+RUS", "2018-04", ""), (2, Meeting, "CHN+RUS", "2018-06", "")], 0),
            ("year joins the same year beside two months", (Meeting, "CHN+RUS", "2018", ""),
                &[(1, Visit, "CHN+RUS", "2018-04", ""), (2, Meeting, "CHN+RUS", "2018-06", ""),
                  (3, Meeting, "CHN+RUS", "2018", "")], 3),
            ("year joins the only month", (Meeting, "CHN+RUS", "2018", ""),
                &[(1, Visit, "CHN+RUS", "2018-04", ""), (2, Meeting, "CHN+RUS", "2019-06", "")], 1),
            ("tightest of the events holding it", (Meeting, "CHN+RUS", "2018-06-08", ""),
                &[(1, Meeting, "CHN+RUS", "2018", ""), (2, Meeting, "CHN+RUS", "2018-06", "")], 2),
            ("a tie joins none", (Meeting, "CHN+RUS", "2018-06-08", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06", "Beijing"), (2, Meeting, "CHN+RUS", "2018-06", "Moscow")], 0),
            ("conflicting days within 3 days", (Meeting, "CHN+RUS", "2018-06-09", "Beijing"),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")], 1),
            ("days 4 apart are two events", (Meeting, "CHN+RUS", "2018-06-12", "Beijing"),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")], 0),
            ("adjacent months are two events", (Meeting, "CHN+RUS", "2018-07", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06", "")], 0),
            ("conflict only at the same precision", (Meeting, "CHN+RUS", "2018-06-09", ""),
                &[(1, Meeting, "CHN+RUS", "2018-W22", "")], 0),
            ("nearest conflicting day", (Meeting, "CHN+RUS", "2018-06-10", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-07", ""), (2, Meeting, "CHN+RUS", "2018-06-08", "")], 2),
            ("containment beats a conflict", (Meeting, "CHN+RUS", "2018-06-09", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", ""), (2, Meeting, "CHN+RUS", "2018-06", "")], 2),
        ];
        let mut failures = Vec::new();
        for (name, (kind, key, value, at), existing, want) in cases {
            let got = decide(
                &report(*kind, value, at),
                &cc(key),
                &candidates(existing),
                &[],
            );
            let joined = match &got {
                Decision::Join { event_id, .. } => *event_id,
                Decision::New { .. } => 0,
            };
            if joined != *want {
                failures.push(format!("{name}: expected {want}, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn reasons_say_why() {
        let cases: &[(&str, Said, &[Existing], &str)] = &[
            (
                "refinement",
                (Visit, "CHN+RUS", "2018-06-08", "Beijing"),
                &[(1, Meeting, "CHN+RUS", "2018-06", "")],
                "same participants CHN+RUS, visit ~ meeting, 2018-06-08 within 2018-06, \
                 place Beijing (new to the event)",
            ),
            (
                "same day",
                (Meeting, "CHN+RUS", "2018-06-08", "Beijing"),
                &[(1, Visit, "CHN+RUS", "2018-06-08", "Beijing")],
                "same participants CHN+RUS, meeting ~ visit, same date 2018-06-08, place Beijing",
            ),
            (
                "conflict",
                (Meeting, "CHN+RUS", "2018-06-09", ""),
                &[(1, Meeting, "CHN+RUS", "2018-06-08", "Beijing")],
                "same participants CHN+RUS, meeting, 2018-06-09 vs 2018-06-08: sources \
                 disagree, 1 day apart, place Beijing (this source names none)",
            ),
            (
                "city in country",
                (Visit, "CHN+RUS", "2018", "Moscow"),
                &[(1, Visit, "CHN+RUS", "2018-04", "Russia")],
                "same participants CHN+RUS, visit, 2018 contains 2018-04, place Moscow in Russia",
            ),
            (
                "ambiguous",
                (Meeting, "CHN+RUS", "2018", ""),
                &[
                    (1, Visit, "CHN+RUS", "2018-04", ""),
                    (2, Meeting, "CHN+RUS", "2018-06", ""),
                ],
                "new event: 2018 contains 2 events (#1 2018-04, #2 2018-06), not merged into any",
            ),
            (
                "undated",
                (Meeting, "CHN+RUS", "", ""),
                &[],
                "new event: undated reports are never merged",
            ),
        ];
        for (name, (kind, key, value, at), existing, want) in cases {
            let got = decide(
                &report(*kind, value, at),
                &cc(key),
                &candidates(existing),
                &[],
            );
            let reason = match got {
                Decision::Join { reason, .. } | Decision::New { reason } => reason,
            };
            assert_eq!(reason, *want, "{name}");
        }
    }

    #[test]
    fn aggregates() {
        // name, reports in order, (kind, date value, place, conflict)
        #[rustfmt::skip]
        let cases: &[(&str, Reports, Folded)] = &[
            ("month refined to day", &[(Meeting, "2018-06", ""), (Visit, "2018-06-08", "Beijing")],
                (Visit, "2018-06-08", "Beijing", None)),
            ("coarser report keeps the day", &[(Visit, "2018-06-08", "Beijing"), (Meeting, "2018", "")],
                (Visit, "2018-06-08", "Beijing", None)),
            ("country refined to city", &[(Visit, "2018-04", "Russia"), (Visit, "2018-04", "Moscow")],
                (Visit, "2018-04", "Moscow", None)),
            ("city kept over country", &[(Visit, "2018-04", "Moscow"), (Visit, "2018-04", "Russia")],
                (Visit, "2018-04", "Moscow", None)),
            ("summit outranks meeting", &[(Meeting, "2022-W37", ""), (Summit, "2022-W37", "Samarkand")],
                (Summit, "2022-W37", "Samarkand", None)),
            ("conflict recorded once per value",
                &[(Meeting, "2018-06-08", ""), (Meeting, "2018-06-09", ""), (Meeting, "2018-06-09", ""),
                  (Meeting, "2018-06-10", "")],
                (Meeting, "2018-06-08", "", Some("sources disagree: 2018-06-08 vs 2018-06-09 vs 2018-06-10"))),
        ];
        for (name, reports, (kind, value, at, conflict)) in cases {
            let mut agg = Aggregate::new(&report(reports[0].0, reports[0].1, reports[0].2));
            for (k, v, a) in &reports[1..] {
                agg.absorb(&report(*k, v, a));
            }
            assert_eq!(agg.kind, *kind, "{name}");
            assert_eq!(
                agg.date.as_ref().map(|d| d.value.as_str()),
                Some(*value),
                "{name}"
            );
            assert_eq!(
                agg.place.as_ref().map_or("", |p| p.name.as_ref()),
                *at,
                "{name}"
            );
            assert_eq!(agg.date_conflict.as_deref(), *conflict, "{name}");
        }
    }

    #[test]
    fn status_held_wins() {
        let mut agg = Aggregate::new(&Report {
            status: Status::Announced,
            ..report(Visit, "2018-06", "")
        });
        agg.absorb(&report(Visit, "2018-06-08", ""));
        assert_eq!(agg.status, Status::Held);
    }
}
