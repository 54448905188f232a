//! The date an event with none of its own borrows from another happening: the dated contact a
//! definite word continues, the event a repeated head refers back to, the report a sentence goes
//! on narrating, the visit what is to come is held during, and the article's month for a visit
//! going on as it is written.

use chrono::NaiveDate;

use super::dating::{Governing, governing_of, is_definite};
use super::layout::*;
use super::participants::shared_sides;
use super::{Event, EventDate, EventKind, Participant, Precision, Status};
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::is_ongoing_word;
use crate::extract::resolve::span;
use crate::extract::token::Kind;

/// A definite contact trigger with no date of its own ("الاجتماع مع الزعيم الصيني") after a
/// dated contact of the same sides is part of it: the index of that contact.
pub(super) fn definite_follow_up(
    g: &Cursor,
    i: usize,
    kind: EventKind,
    participants: &[Participant],
    events: &[Event],
) -> Option<usize> {
    if !is_definite(g, i) || !kind.is_contact() {
        return None;
    }
    last_recent(events, |e| {
        e.kind.is_contact() && e.date.is_some() && shared_sides(&e.participants, participants) >= 2
    })
}

/// A definite word in the sentence that repeats the head of an earlier event's trigger
/// ("عقب العرض" after "العرض العسكري") in the trigger's clause lends that event's date (one in
/// another clause, "مشيرا إلى أنه بحث ذلك قبل المؤتمر الصحفي", speaks of something else).
/// `heads` holds the head of every event so far, so each call looks at its clause only.
pub(super) fn head_anaphor_date(
    g: &Cursor,
    l: &Layout,
    i: usize,
    events: &[Event],
    heads: &[String],
) -> Option<Governing> {
    if events.is_empty() {
        return None;
    }
    l.clause_of(i)
        .filter(|&k| k != i && g.t[k].kind == Kind::Word)
        .find_map(|k| {
            let t = &g.t[k];
            let text = t.text(g.n);
            let at = text
                .char_indices()
                .nth(t.clitic)
                .map_or(text.len(), |(b, _)| b);
            let stem = text[at..].strip_prefix("ال")?;
            if stem.chars().count() < 3 {
                return None;
            }
            last_recent(heads, |h| h == stem).and_then(|n| governing_of(&events[n]))
        })
}

/// An event with no date of its own, in the sentence of a dated report of the same sides or
/// the one after it, goes on narrating that happening and takes its date: "وصل شي إلى موسكو
/// يوم الأربعاء ... وأجرى شي محادثات مع بوتين". Announced happenings lend nothing.
pub(super) fn narrated_date(
    events: &[Event],
    sentences: &[usize],
    sentence: usize,
    participants: &[Participant],
) -> Option<Governing> {
    let need = participants.len().min(2);
    events
        .iter()
        .zip(sentences)
        .rev()
        .take_while(|&(_, &s)| sentence - s <= 1)
        .find(|&(e, _)| {
            let shared = shared_sides(participants, &e.participants);
            e.date.is_some() && e.status == Status::Held && need > 0 && shared >= need
        })
        .and_then(|(e, _)| governing_of(e))
}

/// What is still to come with no date of its own, told after a dated visit of the same sides
/// still to come (or in the sentence of a visit made, or the one after it), is held during
/// that visit and takes its date: "يزور لافروف الصين بعد غد ... وذكر بيان أن لافروف سيجري
/// مباحثات في بكين مع نظيره".
pub(super) fn visit_date(
    events: &[Event],
    sentences: &[usize],
    sentence: usize,
    participants: &[Participant],
) -> Option<Governing> {
    let from = events.len().saturating_sub(REACH);
    events[from..]
        .iter()
        .zip(&sentences[from..])
        .rev()
        .find(|&(e, &s)| {
            e.kind == EventKind::Visit
                && e.date.is_some()
                && (e.status == Status::Announced || sentence - s <= 1)
                && shared_sides(participants, &e.participants) >= 2
        })
        .and_then(|(e, _)| governing_of(e))
}

/// A happening the article says is going on ("يواصل الرئيس الصيني زيارته"), with no date of its
/// own: the article's month, with the span of the verb that says so.
pub(super) fn ongoing_date(g: &Cursor, i: usize, dct: Option<NaiveDate>) -> Option<Governing> {
    let dct = dct?;
    let verb = (i.saturating_sub(4)..i)
        .find(|&k| g.t[k].kind == Kind::Word && is_ongoing_word(g.t[k].text(g.n)))?;
    let value = dct.format("%Y-%m").to_string();
    let (earliest, latest) = span(&value)?;
    let t = &g.t[verb];
    let at = g.n.original_span(t.chars.0 + t.clitic, t.chars.1);
    let date = EventDate {
        value,
        earliest,
        latest,
        precision: Precision::Month,
    };
    Some((date, at))
}
