//! Who a verb of meeting speaks of when its clause does not say: the subject Arabic drops in a
//! coordinated verb ("في 2 سبتمبر سيتوجه الرئيس إلى بكين ...، كما سيجتمع مع رئيس منغوليا"),
//! and the people met when they are no side at all ("سيلتقي بالطلاب").

use super::Participant;
use super::layout::*;
use super::participants::{IS_PERSON, participant};
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::Lex;
use crate::extract::token::Kind;

/// The subject a meeting verb at `i` leaves unsaid: its clause names no side before a "مع"
/// that follows it within a few words (or before an object with ب fused on), so the subject is the sentence's, the first person
/// its earlier clauses name (Arabic news opens a sentence with its subject, and a later
/// "كما سيجتمع" or "ثم التقى" goes on with it).
pub(super) fn dropped_subject(g: &Cursor, l: &Layout, i: usize) -> Option<&'static Participant> {
    let clause = l.clause_of(i);
    // "سيلتقي بقادة فيتنام وتايلاند": the one met with ب fused on its object.
    let fused_bi = g.t.get(i + 1).is_some_and(|t| {
        let w = t.text(g.n);
        t.kind == Kind::Word && w.starts_with('ب') && w.chars().count() > 4
    });
    let with = (i + 1..(i + 5).min(clause.end))
        .find(|&k| is_with(g, k))
        .or_else(|| fused_bi.then_some(i + 1))?;
    if l.names_in(clause.start..with).next().is_some() {
        return None;
    }
    let sentence = l.sentence_of(i);
    l.names_in(sentence.start..clause.start)
        .find(|&k| matches!(g.lex(k), Some(Lex::Actor(a)) if IS_PERSON[usize::from(a)]))
        .and_then(|k| g.lex(k))
        .and_then(participant)
        .map(|(p, _)| p)
}

/// True when a verb of meeting at `i` meets people who are no side: its object, with ب
/// fused on ("سيلتقي بالطلاب", "التقى بأعضاء الجالية"), is followed by no name within two
/// words ("التقى بالرئيس الروسي" names one).
pub(super) fn meets_no_side(g: &Cursor, l: &Layout, i: usize) -> bool {
    let Some(object) = g.t.get(i + 1) else {
        return false;
    };
    let w = object.text(g.n);
    let fused = object.kind == Kind::Word && w.starts_with('ب') && w.chars().count() > 4;
    fused
        && !names_side(object.lex)
        && l.names_in(i + 1..(i + 4).min(l.clause_of(i).end))
            .next()
            .is_none()
}
