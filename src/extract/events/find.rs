//! The event finder: triggers → events with a date, participants, a place and a status, then
//! one event per happening in the article. The rules are described in the parent module.

use chrono::NaiveDate;

use super::announce::announcement;
use super::dating::*;
use super::happening::*;
use super::layout::*;
use super::lending::*;
use super::participants::*;
use super::place::*;
use super::subject::{dropped_subject, meets_no_side};
use super::triggers::*;
use super::{Event, EventDate, EventKind, Participant, Place, Status};
use crate::extract::Timex;
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::Lex;
use crate::extract::lexicon::events::{Form, PlaceNeed, TRIGGERS};

/// Finds the events of an analysed text.
pub(crate) fn events_in(
    text: &str,
    g: &Cursor,
    timexes: &[(Timex, (usize, usize))],
    dct: Option<NaiveDate>,
) -> Vec<Event> {
    let l = layout(g);
    // "من 5 إلى 7 يونيو", "يومي 13 و14": a happening is dated by its first day, so the later
    // end of a range or list dates nothing.
    let tail = |n: usize| {
        n > 0 && {
            let (first, prev_last) = (timexes[n].1.0, timexes[n - 1].1.1);
            first == prev_last + 1 && is_range_link(g, prev_last)
        }
    };
    let dated: Vec<Dated> = timexes
        .iter()
        .enumerate()
        .filter(|&(n, _)| !tail(n))
        .map(|(_, t)| t)
        .filter(|(t, (first, _))| dates_events(g, t, *first))
        .map(|(t, (first, last))| Dated {
            timex: t,
            first: *first,
            last: *last,
        })
        .collect();
    let pair = salient_pair(g);
    let mut events: Vec<Event> = Vec::new();
    // Per sentence, the date an anaphoric trigger ("الاجتماع") lends.
    let mut lent: Vec<(usize, Governing)> = Vec::new();
    let mut inherited: Vec<bool> = Vec::new();
    let found = candidates(g, &l);
    // Announcements are weighed apart: they date and join nothing of the other triggers.
    let triggers: Vec<(usize, EventKind)> = found
        .iter()
        .filter(|c| !c.def.announces)
        .map(|c| (c.tok, c.def.kind))
        .collect();
    let positions: Vec<usize> = triggers.iter().map(|&(k, _)| k).collect();
    // The sentence and the head word of each event found so far.
    let mut sentences: Vec<usize> = Vec::new();
    let mut heads: Vec<String> = Vec::new();
    for c in found {
        let sentence = l.sentence[c.tok];
        if c.def.announces {
            if let Some((date, sides)) = announcement(g, &l, &dated, &positions, c.tok) {
                let to_come = c.form == Form::Future;
                let status = status(g, &l, &c, to_come, Some(&date.0), dct);
                let coded = Coded {
                    kind: c.def.kind,
                    plover_mode: c.def.plover_mode,
                    cameo: c.def.cameo,
                };
                heads.push(head_of(g, c.tok));
                sentences.push(sentence);
                events.push(build(g, &l, &c, coded, Some(date), sides, None, status));
                inherited.push(false);
            }
            continue;
        }
        // "حيث من المقرر إقامة ... قمة": what is still to come takes no date of what was.
        // "وهو يستقبل بوتين": an imperfect after وهو tells what was going on, not what is to
        // come.
        let to_come = match c.form {
            Form::Future => !circumstantial(g, c.tok),
            Form::Past => false,
            Form::Noun => g.is_future(c.tok, c.tok + 1, g.sentence_start(c.tok)),
        };
        let own = date_for(g, &l, &dated, &positions, c.tok, to_come);
        // A definite repeat ("خلال اللقاء") is compared by a date right beside it only.
        let counted = counts_contacts(g, &l, c.tok, c.def.kind);
        let prior = anaphor_of(g, c.tok, c.def.kind, own.as_ref(), &events, &heads).or_else(|| {
            counted
                .then(|| last_recent(&events, |e| e.kind.is_contact()))
                .flatten()
        });
        let reach = own.as_ref().map(|(_, r)| *r);
        let own = own.map(|(d, _)| d);
        if let Some(prior) = prior {
            if let Some(d) = governing_of(&events[prior]) {
                lent.push((sentence, d));
            }
            continue;
        }
        // A ceremony that is only where a contact took place ("التقيا في حفل افتتاح") is part
        // of that contact.
        let previous = triggers.partition_point(|&(k, _)| k < c.tok).checked_sub(1);
        let setting_of_contact = c.def.kind == EventKind::Other
            && c.def.plover == Some("COOPERATE")
            && is_setting(g, c.tok)
            && previous.is_some_and(|p| {
                let (k, kind) = triggers[p];
                kind.is_contact() && l.clause[k] == l.clause[c.tok]
            });
        // "زار بكين في أكتوبر للمشاركة في منتدى ...": a summit a visit went to, with no date of
        // its own, is what the visit was for.
        let purpose_of_visit = c.def.kind == EventKind::Summit
            && is_purpose(g, c.tok)
            && reach.is_none_or(|r| r == Reach::Sentence)
            && previous.is_some_and(|p| {
                let (k, kind) = triggers[p];
                kind == EventKind::Visit && l.sentence[k] == sentence
            });
        if setting_of_contact || counted || purpose_of_visit {
            continue;
        }
        // "سيلتقي بالطلاب": those met are no side.
        if c.def.kind == EventKind::Meeting && c.form != Form::Noun && meets_no_side(g, &l, c.tok) {
            continue;
        }
        let on = own.as_ref().map(|(d, _)| d.earliest);
        let mut participants = participants(g, &l, &positions, c.tok, &pair, c.def.kind, on);
        // "كما سيجتمع مع رئيسي منغوليا والصين": the subject the verb leaves unsaid.
        if c.def.kind.is_contact() && c.form != Form::Noun {
            if let Some(p) = dropped_subject(g, &l, c.tok) {
                if !participants.iter().any(|q| q.country == p.country) {
                    participants.push(p.clone());
                }
            }
        }
        // A happening nobody takes part in is not one a timeline can show, and a contact
        // has two sides ("وصول ترامب إلى البيت الأبيض" is no visit).
        if participants.is_empty() || (c.def.kind.is_contact() && participants.len() < 2) {
            continue;
        }
        // With no date of its own, a definite contact continues the last one of the same
        // sides: it takes that date, and its place when it names none.
        let follows = (own.is_none())
            .then(|| definite_follow_up(g, c.tok, c.def.kind, &participants, &events))
            .flatten();
        let still_ahead = |d: &Governing| dct.is_none_or(|dct| d.0.latest >= dct);
        let borrowed = || {
            lent.iter()
                .rev()
                .find(|(s, d)| *s == sentence && (!to_come || still_ahead(d)))
                .map(|(_, d)| d.clone())
                .or_else(|| head_anaphor_date(g, &l, c.tok, &events, &heads))
                .or_else(|| follows.and_then(|n| governing_of(&events[n])))
        };
        let is_own = own.is_some();
        // "يواصل زيارته": going on as the article is written.
        let ongoing = || {
            (c.def.kind == EventKind::Visit)
                .then(|| ongoing_date(g, c.tok, dct))
                .flatten()
        };
        let date = own.or_else(borrowed).or_else(ongoing);
        // An undated mention of a happening already told ("وتأتي زيارة وانغ ...") is that
        // happening again.
        if date.is_none() {
            if let Some(prior) = earlier_report(&events, c.def.kind, &participants) {
                if let Some(d) = governing_of(&events[prior]) {
                    lent.push((sentence, d));
                }
                continue;
            }
        }
        let date = date.or_else(|| {
            if to_come {
                let during = matches!(
                    c.def.kind,
                    EventKind::Meeting | EventKind::Agreement | EventKind::Statement
                );
                during
                    .then(|| visit_date(&events, &sentences, sentence, &participants))
                    .flatten()
            } else {
                (!is_pluperfect(g, &l, c.tok))
                    .then(|| narrated_date(&events, &sentences, sentence, &participants))
                    .flatten()
            }
        });
        // A summit of two over video ("قمة عبر الفيديو") is a call; an organisation's summit
        // held online stays a summit.
        let bilateral = c.def.kind != EventKind::Summit || !names_organisation(g, &l, c.tok);
        let (kind, plover_mode, cameo) = match call_word_near(g, &l, c.tok) && bilateral {
            true if matches!(
                c.def.kind,
                EventKind::Meeting | EventKind::Call | EventKind::Summit
            ) =>
            {
                (EventKind::Call, Some("phone"), "041")
            }
            _ => (c.def.kind, c.def.plover_mode, c.def.cameo),
        };
        let location = location(g, &l, &positions, c.tok, c.def)
            .or_else(|| follows.and_then(|n| events[n].location.clone()))
            .or_else(|| {
                let purpose = (c.def.kind, is_purpose(g, c.tok));
                visit_of_sentence(&events, &sentences, sentence, purpose, &participants)
            });
        let status = status(g, &l, &c, to_come, date.as_ref().map(|d| &d.0), dct);
        let coded = Coded {
            kind,
            plover_mode,
            cameo,
        };
        // "يلتقيان الأسبوع المقبل خلال قمة ... في 23 يونيو": a meeting told only by the summit
        // it is held at, and dated more coarsely than it, is that summit.
        let framed = c.def.kind == EventKind::Summit
            && is_setting(g, c.tok)
            && previous.is_some_and(|p| l.clause[triggers[p].0] == l.clause[c.tok])
            && events.last().is_some_and(|e| {
                matches!(e.kind, EventKind::Meeting | EventKind::Call)
                    && coarser(e.date.as_ref(), date.as_ref().map(|d| &d.0))
            });
        let event = build(g, &l, &c, coded, date, participants, location, status);
        // "في 2 سبتمبر سيتوجه إلى بكين": the next leg of the trip just told.
        if c.def.needs_place == PlaceNeed::Destination && next_leg(&events, &event) {
            continue;
        }
        if framed {
            events.pop();
            heads.pop();
            sentences.pop();
            inherited.pop();
        }
        heads.push(head_of(g, c.tok));
        sentences.push(sentence);
        events.push(event);
        inherited.push(!is_own);
    }
    let mut kept = one_per_happening(text, g.n, events, &inherited);
    // Only the events kept carry their words: the trigger and the sentence, from the text.
    for e in &mut kept {
        e.trigger = g.n.original_slice(text, e.start, e.end).to_owned();
        e.sentence =
            g.n.original_slice(text, e.sentence_start, e.sentence_end)
                .to_owned();
    }
    kept
}

/// True when the trigger at `i` is the verb of a circumstantial clause ("وهو يستقبل").
fn circumstantial(g: &Cursor, i: usize) -> bool {
    i > 0 && super::layout::word_in(g, i - 1, &["وهو", "وهي", "وهما", "وهم"])
}

/// The kind and codings an event ends up with.
pub(super) struct Coded {
    pub(super) kind: EventKind,
    pub(super) plover_mode: Option<&'static str>,
    pub(super) cameo: &'static str,
}

/// The status of an event; `future` says whether its trigger speaks of what is to come.
pub(super) fn status(
    g: &Cursor,
    l: &Layout,
    c: &Candidate,
    future: bool,
    date: Option<&EventDate>,
    dct: Option<NaiveDate>,
) -> Status {
    // Called off in its own clause, or in a later clause that names it again ("على أن يلتقيا
    // أمس، لكن اللقاء تأجل").
    let same_kind = |k: usize| matches!(g.lex(k), Some(Lex::Trigger(n)) if TRIGGERS[usize::from(n)].1.kind == c.def.kind);
    let cancelled = l.clause_of(c.tok).any(|k| g.lex(k) == Some(Lex::Cancel))
        || (c.tok + 1..l.sentence_of(c.tok).end)
            .filter(|&k| g.lex(k) == Some(Lex::Cancel))
            .any(|k| l.clause_of(k).any(same_kind));
    let later = matches!((date, dct), (Some(d), Some(dct)) if d.earliest > dct);
    match () {
        _ if cancelled => Status::Cancelled,
        _ if later || (future && date.is_none_or(|d| dct.is_none_or(|dct| d.latest >= dct))) => {
            Status::Announced
        }
        _ => Status::Held,
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    g: &Cursor,
    l: &Layout,
    c: &Candidate,
    coded: Coded,
    date: Option<Governing>,
    participants: Vec<Participant>,
    location: Option<Place>,
    status: Status,
) -> Event {
    let t = &g.t[c.tok];
    let (start, end) = g.n.original_span(t.chars.0 + t.clitic, t.chars.1);
    let range = l.sentence_of(c.tok);
    let (first, last) = (range.start, range.end - 1);
    let (s_start, s_end) = g.n.original_span(g.t[first].chars.0, g.t[last].chars.1);
    let (date, date_span) = date.map_or((None, None), |(d, s)| (Some(d), Some(s)));
    Event {
        kind: coded.kind,
        date,
        participants,
        location,
        // Filled in for the events kept (see `events_in`).
        trigger: String::new(),
        start,
        end,
        status,
        plover: c.def.plover.map(Into::into),
        plover_mode: coded.plover_mode.map(Into::into),
        cameo: coded.cameo.into(),
        sentence: String::new(),
        sentence_start: s_start,
        sentence_end: s_end,
        date_start: date_span.map(|s| s.0),
        date_end: date_span.map(|s| s.1),
    }
}
