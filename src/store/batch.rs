//! Merging a batch of documents' events in memory, whatever the backend: each report is
//! decided ([`merge::decide`]) against the stored events near it (which the backend fetches,
//! see [`windows`]) and the events the batch itself creates, and the outcome is the events to
//! write and the evidence rows. An event's columns always equal the fold of its evidence in
//! `evidence_id` order ([`Aggregate`]).

use chrono::{Days, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};

use super::documents::Extracted;
use super::evidence::{NewEvidence, quote, span_texts};
use super::merge::{self, Aggregate, Candidate, Decision, Report};
use super::rows::{EventRow, EvidenceReportRow};
use super::{MAX_REPORTS_PER_DOCUMENT, Result};
use crate::extract::events::{Event, EventDate};

/// How many reports of a document started an event and how many joined one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Added {
    pub created: usize,
    pub merged: usize,
}

/// The events extracted from one stored document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocEvents<'a> {
    pub document_id: i64,
    pub source: Option<&'a str>,
    /// The document's text: the spans of the events point into it.
    pub text: &'a str,
    pub events: &'a [Event],
}

impl<'a> DocEvents<'a> {
    /// The events of a document of the batch, now stored as `document_id`.
    pub fn of(document_id: i64, extracted: &Extracted<'a>) -> DocEvents<'a> {
        DocEvents {
            document_id,
            source: extracted.doc.source,
            text: extracted.doc.text,
            events: extracted.events,
        }
    }
}

/// How many events either side of a report in its document may tell its day apart.
const TOLD_APART_REACH: usize = 60;

/// The date windows the batch's reports look for candidates in, by participant key: each
/// report's interval widened by a conflict's reach, overlapping windows of one key joined.
/// A stored event whose interval overlaps a window is a candidate.
pub(crate) fn windows(docs: &[DocEvents<'_>]) -> Vec<(String, NaiveDate, NaiveDate)> {
    let reach = Days::new(merge::CONFLICT_DAYS as u64);
    let mut windows: Vec<(String, NaiveDate, NaiveDate)> = docs
        .iter()
        .flat_map(|d| d.events.iter())
        .filter(|e| !e.participants.is_empty())
        .filter_map(|e| {
            let d = e.date.as_ref()?;
            let key = merge::participant_key(&merge::countries(&e.participants));
            let lo = d.earliest.checked_sub_days(reach).unwrap_or(d.earliest);
            let hi = d.latest.checked_add_days(reach).unwrap_or(d.latest);
            Some((key, lo, hi))
        })
        .collect();
    // Overlapping windows of one key read the same events: look each range up once.
    windows.sort();
    windows.dedup_by(|next, kept| {
        let joins = next.0 == kept.0 && next.1 <= kept.2;
        if joins {
            kept.2 = kept.2.max(next.2);
        }
        joins
    });
    windows
}

/// The events a batch may join, by participant key: the stored ones near its reports, then
/// the ones it creates.
#[derive(Default)]
pub(crate) struct Pool {
    by_key: FxHashMap<String, Vec<Candidate>>,
    /// Events created or changed by the batch: to be written.
    changed: FxHashSet<i64>,
}

impl Pool {
    /// The stored events `rows` read (the backend's candidates near the batch's windows).
    pub fn of(rows: Vec<EventRow>) -> Result<Pool> {
        let mut pool = Pool::default();
        for row in rows {
            let (key, candidate) = row.into_candidate()?;
            pool.add(key, candidate);
        }
        Ok(pool)
    }

    /// A stored event that reports may join.
    pub fn add(&mut self, participant_key: String, candidate: Candidate) {
        self.by_key
            .entry(participant_key)
            .or_default()
            .push(candidate);
    }
}

/// What a batch writes: the events it created or changed (with their participant keys, in id
/// order) and its evidence, and per document what it did.
pub(crate) struct Plan<'a> {
    pub events: Vec<(String, Candidate)>,
    pub evidence: Vec<NewEvidence<'a>>,
    pub added: Vec<Added>,
}

/// Decides every report of `docs` (in order) against `pool`, handing new events the ids
/// `new_event_id` gives and evidence the ids `new_evidence_id` gives. A document's reports
/// of one event past [`MAX_REPORTS_PER_DOCUMENT`] are dropped.
pub(crate) fn plan<'a>(
    mut pool: Pool,
    docs: &[DocEvents<'a>],
    new_event_id: &mut dyn FnMut() -> i64,
    new_evidence_id: &mut dyn FnMut() -> i64,
) -> Plan<'a> {
    let mut evidence = Vec::new();
    let mut added = vec![Added::default(); docs.len()];
    for (doc, added) in docs.iter().zip(&mut added) {
        let source_key = match doc.source {
            Some(s) => s.to_owned(),
            None => format!("document {}", doc.document_id),
        };
        let date_spans: Vec<Option<(usize, usize)>> = doc
            .events
            .iter()
            .map(|e| e.date_start.zip(e.date_end))
            .collect();
        let date_texts = span_texts(doc.text, &date_spans);
        // Reports of this document per event: capped.
        let mut reports: FxHashMap<i64, usize> = FxHashMap::default();
        let sides: Vec<Vec<String>> = doc
            .events
            .iter()
            .map(|e| merge::countries(&e.participants))
            .collect();
        for (n, (e, date_text)) in doc.events.iter().zip(date_texts).enumerate() {
            let report = Report::from(e);
            let countries = sides[n].clone();
            // Candidates come from every participant set the report is compatible with.
            let candidates: Vec<Candidate> = pool
                .by_key
                .values()
                .flatten()
                .filter(|c| merge::sides_related(&countries, &c.countries))
                .cloned()
                .collect();
            // The other days this document gives the same sides, among its neighbouring
            // events (a bounded look keeps a document of thousands of events linear).
            let near =
                n.saturating_sub(TOLD_APART_REACH)..(n + TOLD_APART_REACH + 1).min(sides.len());
            let told_apart: Vec<&EventDate> = near
                .filter(|&o| o != n)
                .filter(|&o| {
                    merge::sides_compatible(report.kind, doc.events[o].kind, &countries, &sides[o])
                })
                .filter_map(|o| doc.events[o].date.as_ref())
                .collect();
            let (event_id, reason) =
                match merge::decide(&report, &countries, &candidates, &told_apart) {
                    Decision::Join { event_id, reason } => {
                        if reports.get(&event_id).copied().unwrap_or(0) >= MAX_REPORTS_PER_DOCUMENT
                        {
                            continue;
                        }
                        let Some(c) = pool
                            .by_key
                            .values_mut()
                            .flatten()
                            .find(|c| c.event_id == event_id)
                        else {
                            unreachable!("decide joins one of the candidates");
                        };
                        let before = c.event.clone();
                        c.event.absorb(&report);
                        if c.event != before {
                            pool.changed.insert(event_id);
                        }
                        added.merged += 1;
                        (event_id, reason)
                    }
                    Decision::New { reason } => {
                        let event_id = new_event_id();
                        let key = merge::participant_key(&countries);
                        pool.add(
                            key,
                            Candidate {
                                event_id,
                                countries,
                                event: Aggregate::new(&report),
                            },
                        );
                        pool.changed.insert(event_id);
                        added.created += 1;
                        (event_id, reason)
                    }
                };
            *reports.entry(event_id).or_default() += 1;
            evidence.push(NewEvidence {
                evidence_id: new_evidence_id(),
                event_id,
                document_id: doc.document_id,
                source_key: source_key.clone(),
                quote: quote(&e.sentence, e.start.saturating_sub(e.sentence_start)),
                date_text: date_text.map(str::to_owned),
                event: e,
                reason,
            });
        }
    }
    let Pool { by_key, changed } = pool;
    let mut events: Vec<(String, Candidate)> = by_key
        .into_iter()
        .flat_map(|(key, list)| list.into_iter().map(move |c| (key.clone(), c)))
        .filter(|(_, c)| changed.contains(&c.event_id))
        .collect();
    events.sort_by_key(|(_, c)| c.event_id);
    Plan {
        events,
        evidence,
        added,
    }
}

impl Plan<'_> {
    /// Gives the events and evidence numbered provisionally (below zero, -1 first) the ids
    /// `ids` and `evidence_ids` in that order, in the events, the evidence and the merge
    /// reasons that name them.
    pub fn renumber(&mut self, ids: &[i64], evidence_ids: &[i64]) {
        let real = |id: i64| if id < 0 { ids[(-id - 1) as usize] } else { id };
        for (_, c) in &mut self.events {
            c.event_id = real(c.event_id);
        }
        self.events.sort_by_key(|(_, c)| c.event_id);
        for e in &mut self.evidence {
            e.event_id = real(e.event_id);
            if e.evidence_id < 0 {
                e.evidence_id = evidence_ids[(-e.evidence_id - 1) as usize];
            }
            // A report that contains several events lists them by id ("#-2 2018-06").
            if e.reason.contains("#-") {
                for (k, id) in ids.iter().enumerate().rev() {
                    e.reason = e
                        .reason
                        .replace(&format!("#-{} ", k + 1), &format!("#{id} "));
                }
            }
        }
    }

    /// How many events it creates.
    pub fn new_events(&self) -> usize {
        self.added.iter().map(|a| a.created).sum()
    }
}

/// Events folded from their reports (event id, report row), read in `evidence_id` order.
fn fold(rows: Vec<EvidenceReportRow>) -> Result<FxHashMap<i64, Aggregate>> {
    let mut folded: FxHashMap<i64, Aggregate> = FxHashMap::default();
    for row in rows {
        let report = row.report.into_report()?;
        folded
            .entry(row.event_id)
            .and_modify(|e| e.absorb(&report))
            .or_insert_with(|| Aggregate::new(&report));
    }
    Ok(folded)
}

/// The events of `touched` (event id, participant key) that still have reports, recomputed
/// from their evidence `rows` (read in `evidence_id` order), in the order of `touched`: what
/// removing a document's evidence rewrites. The others are left with no evidence.
pub(crate) fn recompute(
    touched: &[(i64, String)],
    rows: Vec<EvidenceReportRow>,
) -> Result<Vec<(&str, Candidate)>> {
    let mut folded = fold(rows)?;
    Ok(touched
        .iter()
        .filter_map(|(event_id, key)| {
            let event = folded.remove(event_id)?;
            let candidate = Candidate {
                event_id: *event_id,
                countries: merge::key_countries(key),
                event,
            };
            Some((key.as_str(), candidate))
        })
        .collect())
}

/// ceil(log2(days covered)).
pub(crate) fn width_class(date: &EventDate) -> i64 {
    let days = (date.latest - date.earliest).num_days().max(0) as u64 + 1;
    i64::from(days.next_power_of_two().trailing_zeros())
}

/// The advisory lock keys of a report with these (sorted, distinct) countries: every pair of
/// them, or the one country. Two reports that may merge ([`merge::sides_related`]: the same
/// set, or one inside the other sharing two sides) share a key, so two writers merging them
/// take turns.
pub(crate) fn lock_keys(countries: &[String]) -> Vec<String> {
    match countries {
        [] => Vec::new(),
        [one] => vec![one.clone()],
        _ => {
            let mut keys = Vec::new();
            for (i, a) in countries.iter().enumerate() {
                for b in &countries[i + 1..] {
                    keys.push(format!("{a}+{b}"));
                }
            }
            keys
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_classes() {
        let d = |a: &str, b: &str| EventDate {
            value: String::new(),
            earliest: a.parse().unwrap(),
            latest: b.parse().unwrap(),
            precision: crate::extract::events::Precision::Day,
        };
        for (a, b, k) in [
            ("2018-06-08", "2018-06-08", 0),
            ("2018-06-08", "2018-06-09", 1),
            ("2018-06-04", "2018-06-10", 3),
            ("2018-06-01", "2018-06-30", 5),
            ("2018-01-01", "2018-12-31", 9),
            ("2001-01-01", "2100-12-31", 16),
        ] {
            let date = d(a, b);
            assert_eq!(width_class(&date), k, "{a}..{b}");
            let days = (date.latest - date.earliest).num_days() + 1;
            assert!(days <= 1 << k);
        }
    }

    #[test]
    fn related_sides_share_a_lock_key() {
        let s = |v: &[&str]| v.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let sets = [
            s(&["RUS"]),
            s(&["CHN", "RUS"]),
            s(&["CHN", "RUS", "USA"]),
            s(&["CHN", "USA"]),
            s(&["IND", "PAK"]),
        ];
        for x in &sets {
            for y in &sets {
                let kx = lock_keys(x);
                let shared = lock_keys(y).iter().any(|k| kx.contains(k));
                if merge::sides_related(x, y) {
                    assert!(shared, "{x:?} {y:?}");
                }
            }
        }
        assert!(lock_keys(&[]).is_empty());
    }
}
