//! Which date governs a trigger: its own clause, then its sentence, then the happening it
//! refers back to. Never the article's own date.

use chrono::NaiveDate;

use super::layout::*;
use super::{Event, EventDate, EventKind, Participant, Precision};
use crate::extract::grammar::G;
use crate::extract::lexicon::Lex;
use crate::extract::resolve::span;
use crate::extract::token::Kind;
use crate::extract::{Timex, TimexType};

/// A date expression with its token range.
pub(super) struct Dated<'a> {
    pub(super) timex: &'a Timex,
    pub(super) first: usize,
    pub(super) last: usize,
}

/// A definite contact trigger with no date of its own ("الاجتماع مع الزعيم الصيني") after a
/// dated contact of the same sides is part of it: the index of that contact.
pub(super) fn definite_follow_up(
    g: &G,
    i: usize,
    kind: EventKind,
    participants: &[Participant],
    events: &[Event],
) -> Option<usize> {
    if !is_definite(g, i) || !kind.is_contact() {
        return None;
    }
    events.iter().rposition(|e| {
        let shared = e
            .participants
            .iter()
            .filter(|p| participants.iter().any(|q| q.country == p.country));
        e.kind.is_contact() && e.date.is_some() && shared.count() >= 2
    })
}

pub(super) fn is_definite(g: &G, i: usize) -> bool {
    let t = &g.t[i];
    t.text(g.n).chars().skip(t.clitic).take(2).eq("ال".chars())
}

/// An event date and the original span of the expression it came from.
pub(super) type Governing = (EventDate, (usize, usize));

pub(super) fn governing_of(e: &Event) -> Option<Governing> {
    Some((e.date.clone()?, (e.date_start?, e.date_end?)))
}

/// A definite word in the sentence that repeats the head of an earlier event's trigger
/// ("عقب العرض" after "العرض العسكري") lends that event's date.
pub(super) fn head_anaphor_date(
    g: &G,
    l: &Layout,
    i: usize,
    events: &[Event],
) -> Option<Governing> {
    if events.is_empty() {
        return None;
    }
    let heads: Vec<String> = events
        .iter()
        .map(|e| {
            let folded = crate::extract::normalize::fold(&e.trigger);
            let first = folded.split(' ').next().unwrap_or("");
            first.trim_start_matches("ال").to_owned()
        })
        .collect();
    l.sentence_of(i)
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
            heads
                .iter()
                .rposition(|h| h == stem)
                .and_then(|n| governing_of(&events[n]))
        })
}

/// DATE and TIME expressions with a calendar interval date events; "حتى 2030" and "منذ 2014"
/// bound a period instead and never do.
pub(super) fn dates_events(g: &G, t: &Timex, first: usize) -> bool {
    let bound = first.checked_sub(1).is_some_and(|k| {
        matches!(g.t[k].kind, Kind::Word) && ["حتي", "منذ"].contains(&g.t[k].text(g.n))
    });
    matches!(t.kind, TimexType::Date | TimexType::Time) && span(&t.value).is_some() && !bound
}

/// A definite trigger that refers back to an event already found ("الزيارة" after
/// "زيارة دولة", "الاتفاق" after "وقعت ... عقدا"): the index of that event. The same word
/// always refers back; another word of the same kind does unless its clause dates it
/// elsewhere ("المحادثات الرسمية غدا" after "لقاء ... اليوم" is a second meeting).
pub(super) fn anaphor_of(
    g: &G,
    i: usize,
    kind: EventKind,
    own: Option<&Governing>,
    events: &[Event],
) -> Option<usize> {
    if !is_definite(g, i) {
        return None;
    }
    let lemma = |w: &str| {
        let f = crate::extract::normalize::fold(w);
        let f = f.split(' ').next().unwrap_or("").to_owned();
        let f = f.trim_start_matches(['و', 'ف', 'ب', 'ل']).to_owned();
        f.trim_start_matches("ال").to_owned()
    };
    let t = &g.t[i];
    let here = lemma(&t.text(g.n).chars().skip(t.clitic).collect::<String>());
    let prior = events.iter().rposition(|e| e.kind == kind)?;
    let e = &events[prior];
    let same_word = lemma(&e.trigger) == here;
    let compatible = match (own, &e.date) {
        (None, _) | (_, None) => true,
        (Some((d, _)), Some(p)) => d.earliest <= p.latest && p.earliest <= d.latest,
    };
    (same_word || compatible).then_some(prior)
}

/// The governing date: same clause first (nearest), then the nearest before it in the
/// sentence, then the nearest after it in a clause without a trigger of its own.
pub(super) fn date_for(g: &G, l: &Layout, dated: &[Dated], i: usize) -> Option<Governing> {
    let range = l.sentence_of(i);
    let lo = dated.partition_point(|d| d.first < range.start);
    let hi = dated.partition_point(|d| d.first < range.end);
    let here = &dated[lo..hi];
    let dist = |d: &Dated| {
        if d.first > i {
            d.first - i
        } else {
            i - d.last + 1
        }
    };
    let in_clause = here
        .iter()
        .filter(|d| l.clause[d.first] == l.clause[i])
        .min_by_key(|d| (dist(d), d.first < i));
    let before = || here.iter().filter(|d| d.last <= i).max_by_key(|d| d.last);
    let clause_has_trigger = |at: usize| {
        l.clause_of(at)
            .any(|k| matches!(g.lex(k), Some(Lex::Trigger(_))))
    };
    let after = || {
        here.iter()
            .find(|d| d.first > i && !clause_has_trigger(d.first))
    };
    let d = in_clause.or_else(before).or_else(after)?;
    Some((event_date(d.timex)?, (d.timex.start, d.timex.end)))
}

pub(super) fn event_date(t: &Timex) -> Option<EventDate> {
    let value = t.value.split('T').next()?.to_owned();
    let (earliest, latest) = span(&value)?;
    Some(EventDate {
        precision: precision(&value, earliest, latest),
        value,
        earliest,
        latest,
    })
}

pub(super) fn precision(value: &str, a: NaiveDate, b: NaiveDate) -> Precision {
    let days = (b - a).num_days();
    match value {
        v if v.contains("-W") => Precision::Week,
        v if v.ends_with("SP") || v.ends_with("SU") || v.ends_with("FA") || v.ends_with("WI") => {
            Precision::Season
        }
        v if v.contains("-Q") || v.contains("-H") => Precision::Quarter,
        _ if days == 0 => Precision::Day,
        _ if days <= 31 => Precision::Month,
        _ if days <= 366 => Precision::Year,
        _ if days <= 3660 => Precision::Decade,
        _ => Precision::Century,
    }
}
