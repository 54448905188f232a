//! One event per happening in an article: later reports of the same happening join the first.

use super::dating::coarser;
use super::layout::*;
use super::participants::{is_person, shared_sides};
use super::{Event, EventKind, Participant, Precision};
use crate::extract::lexicon::gazetteer::organisation_in;
use crate::extract::normalize::Normalized;

/// One event per happening: a report of the same kind, date and sides (a paragraph the page
/// repeats, a quote that tells it again), undated mentions of sides the article dates, and
/// repeated named summits join the first report. Different people for one side make
/// different happenings.
pub(super) fn one_per_happening(
    text: &str,
    n: &Normalized,
    events: Vec<Event>,
    inherited: &[bool],
) -> Vec<Event> {
    let sides: Vec<Vec<&str>> = events
        .iter()
        .map(|e| {
            let mut c: Vec<&str> = e.participants.iter().map(|p| p.country.as_ref()).collect();
            c.sort_unstable();
            c
        })
        .collect();
    let subset = |a: usize, b: usize| sides[a].iter().all(|c| sides[b].contains(c));
    let family = |a: EventKind, b: EventKind| a == b || (a.is_contact() && b.is_contact());
    fn value(e: &Event) -> Option<&str> {
        e.date.as_ref().map(|d| d.value.as_str())
    }
    // Each summit's organisation, read once.
    let names: Vec<Option<&str>> = events
        .iter()
        .map(|e| {
            (e.kind == EventKind::Summit)
                .then(|| summit_name(text, n, e))
                .flatten()
        })
        .collect();
    // Each summit held by two with each other ("قمة مع نظيره"), read once.
    let held_with: Vec<bool> = events
        .iter()
        .map(|e| e.kind == EventKind::Summit && summit_with(text, n, e))
        .collect();
    let body = body_start(text);
    // "يزور الصين منتصف الشهر" then "زيارة رسمية يومي 15 و16": a week or month that holds the
    // day another report of the same kind, sides and status gives is that report, told
    // coarser.
    let refined: Vec<bool> = (0..events.len())
        .map(|n| {
            let near = n.saturating_sub(REACH)..(n + REACH).min(events.len());
            let e = &events[n];
            let coarse = e
                .date
                .as_ref()
                .is_some_and(|d| matches!(d.precision, Precision::Week | Precision::Month));
            coarse
                && near.into_iter().any(|o| {
                    let other = &events[o];
                    // "يعتزم زيارة الصين هذا الأسبوع لعقد قمة مع نظيره" and "من المقرر أن يلتقي
                    // بوتين مع شي" on a day of that week: a week that holds the article's date
                    // tells no status.
                    let week = e
                        .date
                        .as_ref()
                        .is_some_and(|d| d.precision == Precision::Week);
                    let summit = if e.kind == EventKind::Summit { n } else { o };
                    let kinds = [e.kind, other.kind];
                    let meeting_of_two = kinds.contains(&EventKind::Meeting)
                        && kinds.contains(&EventKind::Summit)
                        && names[summit].is_none()
                        && held_with[summit];
                    o != n
                        && (other.kind == e.kind || meeting_of_two)
                        && (other.status == e.status || week)
                        && sides[o] == sides[n]
                        && coarser(e.date.as_ref(), other.date.as_ref())
                        && !different_people(other, e)
                })
        })
        .collect();
    let mut kept: Vec<usize> = Vec::with_capacity(events.len());
    // (dated report, undated mention whose sides it takes).
    let mut widened: Vec<(usize, usize)> = Vec::new();
    for (n, e) in events.iter().enumerate() {
        if refined[n] {
            continue;
        }
        let borrowed = inherited[n];
        // Reports of one happening stand close together; a bounded look keeps huge inputs linear.
        let recent = &kept[kept.len().saturating_sub(REACH)..];
        let near = n.saturating_sub(REACH)..(n + REACH).min(events.len());
        // "لعقد قمة مع نظيره": a summit of two leaders with no organisation is their meeting.
        let meeting_of_two = |o: usize| {
            let summit = if e.kind == EventKind::Summit { n } else { o };
            let kinds = [events[o].kind, e.kind];
            kinds.contains(&EventKind::Meeting)
                && kinds.contains(&EventKind::Summit)
                && names[summit].is_none()
                && sides[n].len() == 2
                && held_with[summit]
        };
        let repeat = recent.iter().any(|&o| {
            let other = &events[o];
            (other.kind == e.kind || meeting_of_two(o))
                && value(other) == value(e)
                && (sides[o] == sides[n]
                    || ((borrowed || e.date.is_none()) && (subset(n, o) || subset(o, n))))
                && !different_people(other, e)
        });
        // An undated mention of sides a report dates is that report again: after it, or
        // before it with the same people and status (not "التقى لافروف وانغ، على أن يزور بوتين
        // الصين في مايو"); a headline's present tense ("بوتين يستقبل شي") is no status.
        let headline = e.sentence_start < body;
        let covered = e.date.is_none()
            && near.clone().any(|o| {
                let other = &events[o];
                other.date.is_some()
                    && family(other.kind, e.kind)
                    && subset(n, o)
                    && (other.start < e.start
                        || ((other.status == e.status || headline) && !different_people(other, e)))
            });
        // "الصين ترسل قوات إلى روسيا في إطار تدريب مشترك" and "مشاركة الصين في مناورات ...
        // المقررة بين 30 أغسطس و5 سبتمبر": an undated mention of a joint exercise names sides
        // the dated report of it left out, which it adds to that report.
        let widens = (e.date.is_none() && e.kind == EventKind::Military)
            .then(|| {
                near.clone().find(|&o| {
                    let other = &events[o];
                    other.date.is_some()
                        && other.kind == e.kind
                        && subset(o, n)
                        && !different_people(other, e)
                })
            })
            .flatten();
        if let Some(o) = widens {
            widened.push((o, n));
            continue;
        }
        let same_summit = names[n].is_some()
            && recent
                .iter()
                .any(|&o| events[o].kind == EventKind::Summit && names[o] == names[n]);
        if !repeat && !covered && !same_summit {
            kept.push(n);
        }
    }
    let mut keep = vec![false; events.len()];
    for n in kept {
        keep[n] = true;
    }
    let mut events = events;
    for (o, n) in widened {
        let added: Vec<Participant> = events[n]
            .participants
            .iter()
            .filter(|p| {
                !events[o]
                    .participants
                    .iter()
                    .any(|q| q.country == p.country)
            })
            .cloned()
            .collect();
        events[o].participants.extend(added);
    }
    events
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(e, _)| e)
        .collect()
}

/// True when a summit is named by who holds it with whom: "قمة مع نظيره", "قمة ثنائية", "قمة
/// بين الزعيمين" (not "منتدى", nor "سبقت القمة محادثات").
fn summit_with(text: &str, n: &Normalized, e: &Event) -> bool {
    let word = n.original_slice(text, e.start, e.end);
    let next = n.original_slice(text, e.end, e.end + 16);
    let next = next.split_whitespace().next().unwrap_or("");
    word.ends_with("قمة") && ["مع", "بين", "ثنائية"].contains(&next)
}

/// Lines (not counting blank ones) a page may print before its body: a timestamp, the headline, the headline again,
/// the outlet and a byline.
const HEAD_LINES: usize = 8;

/// Where the body of an article starts (in code points): the first line among the first
/// [`HEAD_LINES`] that ends as a sentence does. What stands before it is the page's heading:
/// a headline has no final stop, and its present tense ("بوتين يصل إلى الصين") tells no
/// status. A text with no such line has only its first sentence for a headline.
pub(super) fn body_start(text: &str) -> usize {
    let mut at = 0;
    // Blank lines a scraped page puts between its header lines are no lines of it.
    let mut printed = 0;
    for line in text.split_inclusive('\n') {
        let end = line.trim_end();
        if end.ends_with(['.', '!', '?', '؟']) && !end.ends_with("..") {
            return at;
        }
        at += line.chars().count();
        printed += usize::from(!end.trim().is_empty());
        if printed == HEAD_LINES {
            break;
        }
    }
    1
}

/// The id of the organisation a summit is named after, read from the 40 characters of its
/// sentence that start at the trigger (`text` is the article, `n` its normalisation).
pub(super) fn summit_name(text: &str, n: &Normalized, e: &Event) -> Option<&'static str> {
    let end = e.sentence_end.min(e.start + 40);
    let after = n.original_slice(text, e.start, end);
    organisation_in(&crate::extract::normalize::fold(after)).map(|o| o.id)
}

/// The earlier event an undated mention repeats: the same kind, and sides that contain the
/// mention's or are contained in them (two at least for a contact).
pub(super) fn earlier_report(
    events: &[Event],
    kind: EventKind,
    participants: &[Participant],
) -> Option<usize> {
    let need = if kind.is_contact() { 2 } else { 1 };
    last_recent(events, |e| {
        let shared = shared_sides(participants, &e.participants);
        e.kind == kind
            && e.date.is_some()
            && shared >= need
            && (shared == participants.len() || shared == e.participants.len())
    })
}

/// True when two reports name different people for one side: Putin receiving Wang Yi and
/// Wang Yi's talks with Lavrov the same day are two happenings.
fn different_people(a: &Event, b: &Event) -> bool {
    a.participants.iter().any(|p| {
        b.participants
            .iter()
            .any(|q| p.country == q.country && p.name != q.name && is_person(p) && is_person(q))
    })
}

/// The visit a later arrival continues: "يتوجه بوتين إلى الصين في زيارة تستمر أربعة أيام ...
/// في 2 سبتمبر سيتوجه إلى بكين" is the next leg of one trip. A going verb of sides the last
/// visit holds, with its status, to a place in the country that visit went to (or named
/// none), a few days after that visit began.
pub(super) fn next_leg(events: &[Event], e: &Event) -> bool {
    const TRIP_DAYS: i64 = 6;
    let Some(d) = &e.date else { return false };
    let Some(n) = last_recent(events, |v| v.kind == EventKind::Visit && v.date.is_some()) else {
        return false;
    };
    let v = &events[n];
    let Some(first) = &v.date else { return false };
    let days = (d.earliest - first.earliest).num_days();
    let country = |x: &Event| x.location.as_ref().map(|p| p.country.clone());
    let same_land = match (country(v), country(e)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    (1..=TRIP_DAYS).contains(&days)
        && v.status == e.status
        && shared_sides(&v.participants, &e.participants) == e.participants.len()
        && same_land
        && !different_people(v, e)
}
