//! Where a happening took place.

use super::dating::trigger_in;
use super::layout::*;
use super::participants::{discussed, shared_sides};
use super::{Event, EventKind, Participant, Place};
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::Lex;
use crate::extract::lexicon::events::{PLACES, PlaceNeed, TriggerDef};

/// The place of the event: where a visit goes ("إلى بكين"), else the nearest place after
/// في/ب in the clause, else the nearest place in the sentence. Cities win over countries.
/// A place in a later clause after another trigger is that one's ("زيارة ... بدأها بمحادثات،
/// أشرفا بعدها على مناورات في بحر الصين الشرقي": the drills are at sea, the visit is not).
/// `triggers` are the token positions of every trigger, in order.
pub(super) fn location(
    g: &Cursor,
    l: &Layout,
    triggers: &[usize],
    i: usize,
    def: TriggerDef,
) -> Option<Place> {
    let (need, kind_is_visit) = (def.needs_place, def.kind == EventKind::Visit);
    let place = |k: usize| match g.lex(k) {
        Some(Lex::Place(n)) => Some(PLACES[usize::from(n)].1),
        _ => None,
    };
    let dist = |k: usize| k.abs_diff(i);
    let mut best: Option<(usize, usize, crate::extract::lexicon::events::PlaceDef)> = None;
    for k in l.names_in(l.sentence_of(i)) {
        let Some(p) = place(k) else { continue };
        // "مباحثات تتناول الصراع في أوكرانيا": the topic is not where the talks are held.
        if k > i && discussed(g, l, i, k) {
            continue;
        }
        if k > i && l.clause[k] != l.clause[i] && trigger_in(g, triggers, i + 1..k) {
            continue;
        }
        // "إلى" marks where a visit goes; before a capital elsewhere it names an addressee
        // ("رسالة إلى واشنطن").
        let goes_to = kind_is_visit || need == PlaceNeed::Destination;
        let marked_here = k > 0 && g.t[k - 1].text(g.n) == "في"
            || goes_to && k > 0 && matches!(g.t[k - 1].text(g.n), "الي" | "الى")
            || g.t[k].text(g.n).starts_with('ب');
        let visit_object = kind_is_visit && k > i && k - i <= 6;
        // A capital or seat of government named as an actor ("أكد الكرملين") is no place.
        let annexed = need == PlaceNeed::Territory && p.territory;
        if p.actor && !(marked_here || visit_object || annexed) {
            continue;
        }
        // What an annexation takes is where it happens.
        if need == PlaceNeed::Territory && !(p.territory && k > i) {
            continue;
        }
        let marked = k > 0 && matches!(g.t[k - 1].text(g.n), "في" | "الي" | "الى")
            || g.t[k].text(g.n).starts_with('ب');
        let same_clause = l.clause[k] == l.clause[i];
        // Lower is better: the place a visit names right after it ("زيارة روسيا"), then the
        // clause, cities before states, places marked by في/إلى/ب, then distance.
        let to = k > 0 && matches!(g.t[k - 1].text(g.n), "الي" | "الى");
        let object = kind_is_visit && k > i && (k - i <= 2 || (to && k - i <= 6));
        let rank = usize::from(!object) * 8
            + usize::from(!same_clause) * 4
            + usize::from(!p.city) * 2
            + usize::from(!marked);
        if best.is_none_or(|(r, d, _)| (rank, dist(k)) < (r, d)) {
            best = Some((rank, dist(k), p));
        }
    }
    best.map(|(.., p)| Place {
        name: p.name.into(),
        country: p.country.into(),
        lat: p.lat,
        lon: p.lon,
        wikidata: p.wikidata.map(Into::into),
    })
}

/// The place of the visit told earlier in the same sentence, for talks, a meeting or what the
/// visit is for ("لحضور العرض العسكري") when they name none: "بدأ زيارة لموسكو بمحادثات مع
/// بوتين" held the talks in Moscow. `sentences` holds the sentence of each of `events`.
pub(super) fn visit_of_sentence(
    events: &[Event],
    sentences: &[usize],
    sentence: usize,
    (kind, purpose): (EventKind, bool),
    participants: &[Participant],
) -> Option<Place> {
    if !purpose && !matches!(kind, EventKind::Meeting | EventKind::Summit) {
        return None;
    }
    let n = last_recent(events, |e| e.kind == EventKind::Visit)?;
    (sentences[n] == sentence && shared_sides(&events[n].participants, participants) >= 2)
        .then(|| events[n].location.clone())
        .flatten()
}
