//! Where a happening took place.

use super::layout::*;
use super::participants::discussed;
use super::{EventKind, Place};
use crate::extract::grammar::G;
use crate::extract::lexicon::Lex;
use crate::extract::lexicon::events::{PLACES, PlaceNeed, TriggerDef};

/// The place of the event: where a visit goes ("إلى بكين"), else the nearest place after
/// في/ب in the clause, else the nearest place in the sentence. Cities win over countries.
pub(super) fn location(g: &G, l: &Layout, i: usize, def: TriggerDef) -> Option<Place> {
    let (need, kind_is_visit) = (def.needs_place, def.kind == EventKind::Visit);
    let place = |k: usize| match g.lex(k) {
        Some(Lex::Place(n)) => Some(PLACES[usize::from(n)].1),
        _ => None,
    };
    let dist = |k: usize| k.abs_diff(i);
    let mut best: Option<(usize, usize, crate::extract::lexicon::events::PlaceDef)> = None;
    for k in l.sentence_of(i) {
        let Some(p) = place(k) else { continue };
        // "مباحثات تتناول الصراع في أوكرانيا": the topic is not where the talks are held.
        if k > i && discussed(g, l, i, k) {
            continue;
        }
        let marked_here = k > 0 && matches!(g.t[k - 1].text(g.n), "في" | "الي" | "الى")
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
        name: p.name.to_owned(),
        country: p.country.to_owned(),
        lat: p.lat,
        lon: p.lon,
        wikidata: p.wikidata.map(str::to_owned),
    })
}
