//! Who takes part: the people, states, demonyms and capitals of the clause or sentence, the
//! article's two sides for "الزعيمان" / "نظيره", an organisation's members for its summit.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::dating::{opens_predication, trigger_in};
use super::layout::*;
use super::sources::{is_source, names_person};
use super::{EventKind, Participant};
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::events::{ACTORS, ORGANISATIONS, PLACES};
use crate::extract::lexicon::{Lex, is_background_word};
use crate::extract::token::Kind;

/// The two countries the article names most: what "الزعيمان" and "نظيره" refer to.
pub(super) fn salient_pair(g: &Cursor) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, t) in g.t.iter().enumerate() {
        if let Some(c) = t.lex.and_then(country_of) {
            match counts.iter_mut().find(|(x, ..)| *x == c) {
                Some(e) => e.1 += 1,
                None => counts.push((c, 1, i)),
            }
        }
    }
    counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    counts
        .into_iter()
        .take(2)
        .map(|(c, _, first)| (c, first))
        .collect()
}

pub(super) fn country_of(lex: Lex) -> Option<&'static str> {
    match lex {
        Lex::Actor(n) => Some(ACTORS[usize::from(n)].1.country),
        Lex::Place(n) if PLACES[usize::from(n)].1.actor => Some(PLACES[usize::from(n)].1.country),
        _ => None,
    }
}

/// A participant a word names, and how specific it is: 0 a person, 1 an institution or
/// demonym, 2 a state or capital.
pub(super) fn participant(lex: Lex) -> Option<(&'static Participant, u8)> {
    match lex {
        Lex::Actor(n) => {
            let (p, rank) = &ACTOR_SIDES[usize::from(n)];
            Some((p, *rank))
        }
        Lex::Place(n) => PLACE_SIDES[usize::from(n)]
            .as_ref()
            .map(|(p, rank)| (p, *rank)),
        _ => None,
    }
}

/// [`participant`] of every actor, built once: the words name the same few many times over.
static ACTOR_SIDES: LazyLock<Vec<(Participant, u8)>> = LazyLock::new(|| {
    ACTORS
        .iter()
        .zip(IS_PERSON.iter())
        .map(|((_, a), &person)| {
            let p = Participant {
                name: a.name.into(),
                country: a.country.into(),
                wikidata: a.wikidata.map(Into::into),
            };
            (p, if person { 0 } else { 1 })
        })
        .collect()
});

/// [`participant`] of every place, built once; `None` for a place that stands for no state.
static PLACE_SIDES: LazyLock<Vec<Option<(Participant, u8)>>> = LazyLock::new(|| {
    PLACES
        .iter()
        .zip(STATE_OF.iter())
        .map(|((_, p), state)| {
            let state = state.map(|s| PLACES[s].1);
            p.actor.then(|| {
                let part = Participant {
                    name: state.map_or(p.name, |s| s.name).into(),
                    country: p.country.into(),
                    wikidata: state.and_then(|s| s.wikidata).map(Into::into),
                };
                (part, 2)
            })
        })
        .collect()
});

/// For each actor: a person (not a state's name).
pub(super) static IS_PERSON: LazyLock<Vec<bool>> = LazyLock::new(|| {
    let places: rustc_hash::FxHashSet<&str> = PLACES.iter().map(|(_, s)| s.name).collect();
    ACTORS
        .iter()
        .map(|(_, a)| !places.contains(a.name))
        .collect()
});

/// For each place: the gazetteer entry of its state.
pub(super) static STATE_OF: LazyLock<Vec<Option<usize>>> =
    LazyLock::new(|| PLACES.iter().map(|(_, p)| state_entry(p.country)).collect());

/// The gazetteer entry of a country's state (not one of its cities).
pub(super) fn state_entry(country: &str) -> Option<usize> {
    STATE_ENTRIES.get(country).copied()
}

/// Each country's first entry among the places that are not cities, looked up by
/// [`state_entry`].
static STATE_ENTRIES: LazyLock<rustc_hash::FxHashMap<&'static str, usize>> = LazyLock::new(|| {
    let mut first = rustc_hash::FxHashMap::default();
    for (n, (_, s)) in PLACES.iter().enumerate().filter(|(_, (_, s))| !s.city) {
        first.entry(s.country).or_insert(n);
    }
    first
});

/// A member state of an organisation, named as the gazetteer names states.
pub(super) fn member(country: &'static str) -> &'static Participant {
    &MEMBER_SIDES[country]
}

/// [`member`] of every country some organisation has, built once.
static MEMBER_SIDES: LazyLock<rustc_hash::FxHashMap<&'static str, Participant>> =
    LazyLock::new(|| {
        let countries = ORGANISATIONS.iter().flat_map(|(_, o)| o.ever_members());
        countries
            .map(|country| {
                let state = state_entry(country).map(|s| &PLACES[s].1);
                let p = Participant {
                    name: state.map_or(country, |s| s.name).into(),
                    country: country.into(),
                    wikidata: state.and_then(|s| s.wikidata).map(Into::into),
                };
                (country, p)
            })
            .collect()
    });

/// The people and states of the clause (of the sentence when the clause names fewer than
/// two sides); the article's two sides when the sentence refers to
/// them; for a contact with one side named, the sides of the sentence before it. A summit of
/// an organisation brings in its members `on` the event's own date (today's without one).
pub(super) fn participants(
    g: &Cursor,
    l: &Layout,
    triggers: &[usize],
    i: usize,
    pair: &[(&'static str, usize)],
    kind: EventKind,
    on: Option<NaiveDate>,
) -> Vec<Participant> {
    let sentence = l.sentence[i];
    // The sides are the gazetteer's, built once; copied only for the answer.
    let mut out: Vec<(&'static Participant, u8)> = Vec::new();
    fn add(out: &mut Vec<(&'static Participant, u8)>, (p, rank): (&'static Participant, u8)) {
        match out.iter_mut().find(|(x, _)| x.country == p.country) {
            Some(x) if rank < x.1 => *x = (p, rank),
            Some(_) => {}
            None => out.push((p, rank)),
        }
    }
    let tokens = |s: usize| {
        let r = l.sentences[s].clone();
        r.start.max(i.saturating_sub(2 * REACH))..r.end.min(i + REACH + 1)
    };
    let needs_two = kind.is_contact() || matches!(kind, EventKind::Agreement | EventKind::Military);
    // "تجاه الصين": the state after a topic preposition is talked about, not taking part;
    // "في أستانا": the city a meeting or call is held in is its place, not a party (a visit's
    // destination is one, and a summit's host takes part in it).
    let topic = talk_topic(g, l, i);
    let named = |k: usize| match g.lex(k) {
        Some(Lex::Actor(_) | Lex::Place(_)) if k > 0 && g.lex(k - 1) == Some(Lex::Topic) => None,
        // "ناقش الرئيسان ... مخرجات الاتصالات الروسية الأميركية": what a verb of discussing
        // discusses takes no part.
        Some(Lex::Actor(_) | Lex::Place(_)) if topic.is_some_and(|t| k >= t) => None,
        Some(Lex::Place(p)) if talks(kind) && is_venue(g, k, p) => None,
        Some(Lex::Actor(_)) if talks(kind) && is_capital_of(g, k) => None,
        // "مباحثات تتناول الصراع في أوكرانيا": what the talks are about takes no part.
        Some(Lex::Actor(_) | Lex::Place(_)) if k > i && discussed(g, l, i, k) => None,
        // "نقلته وكالة الأنباء الفرنسية": the state a news source belongs to reports the
        // happening (an interview given to it is another matter).
        Some(lex @ (Lex::Actor(_) | Lex::Place(_)))
            if kind != EventKind::Statement && !names_person(lex) && is_source(g, k) =>
        {
            None
        }
        // "أول لقاء منذ اندلاع الحرب في أوكرانيا": a state in a منذ phrase is background.
        // The happening the phrase names ("منذ زيارة شي إلى موسكو") keeps its own sides.
        Some(Lex::Actor(_) | Lex::Place(_))
            if since_phrase(l, k).is_some_and(|j| Some(j) != since_phrase(l, i)) =>
        {
            None
        }
        lex => lex,
    };
    // "بعث ببرقية تعزية إثر الهجوم على قاعة ... قرب موسكو": a military happening in the
    // background has the sides its own phrase names.
    let background = (i.saturating_sub(3)..i).find(|&k| {
        kind == EventKind::Military
            && l.clause[k] == l.clause[i]
            && g.t[k].kind == Kind::Word
            && is_background_word(g.t[k].text(g.n))
    });
    if let Some(from) = background {
        for k in l.names_in(from..l.clause_of(i).end) {
            if let Some(lex) = named(k).filter(|&x| x != Lex::Pair) {
                participant(lex).into_iter().for_each(|p| add(&mut out, p));
            }
        }
        // "عقب ضمها شبه جزيرة القرم": the pronoun is the state named last before the phrase.
        let w = g.t[i].text(g.n);
        if out.len() < 2 && ["ها", "هما", "هم"].iter().any(|s| w.ends_with(s)) {
            let before = l.names_in(l.sentence_of(i).start..from).rev();
            if let Some(p) = before.filter_map(|k| named(k).and_then(participant)).next() {
                add(&mut out, p);
            }
        }
        return out.into_iter().map(|(p, _)| p.clone()).collect();
    }
    let mut refers_to_pair = false;
    // The members of the organisation a summit is named after.
    let mut members: Vec<&str> = Vec::new();
    // Where a pair word naming two countries stands ("البلدان", not "الزعيمان").
    let mut country_pair_at: Option<usize> = None;
    for k in l
        .names_in(l.sentence_of(i))
        .filter(|&k| l.clause[k] == l.clause[i])
    {
        match named(k) {
            // "بين الرئيسين «بوتين» و«ترمب»": a pair word the names right after it spell out.
            Some(Lex::Pair) if named_after_pair(g, k) => {}
            Some(Lex::Pair) => {
                refers_to_pair = true;
                if is_country_pair(g, k) {
                    country_pair_at = Some(k);
                }
            }
            Some(Lex::Organisation(o)) if kind == EventKind::Summit && k > i && k - i <= 5 => {
                for c in ORGANISATIONS[usize::from(o)].1.members(on) {
                    members.push(c);
                    add(&mut out, (member(c), 3));
                }
            }
            Some(lex) => participant(lex).into_iter().for_each(|p| add(&mut out, p)),
            None => {}
        }
    }
    // "الصين والهند ... قبل أن يتفق البلدان": two countries its own sentence has just named,
    // when it names two; else (and for the leaders, "الزعيمان") the two the article is about.
    let named_before = |end: usize| {
        let mut seen: Vec<usize> = Vec::new();
        let within = l.sentences[sentence]
            .start
            .max(end.saturating_sub(2 * REACH))..end;
        for k in l.names_in(within).rev() {
            let Some(c) = named(k).and_then(country_of) else {
                continue;
            };
            if !seen
                .iter()
                .any(|&j| g.lex(j).and_then(country_of) == Some(c))
            {
                seen.push(k);
            }
            if seen.len() == 3 {
                break;
            }
        }
        seen
    };
    let add_pair = |out: &mut Vec<(&'static Participant, u8)>| {
        let local = country_pair_at.map(named_before).unwrap_or_default();
        if local.len() == 2 {
            local
                .iter()
                .filter_map(|&k| g.lex(k).and_then(participant))
                .for_each(|p| add(out, p));
            return;
        }
        pair.iter()
            .filter_map(|&(_, first)| g.lex(first).and_then(participant))
            .for_each(|p| add(out, p));
    };
    if refers_to_pair {
        add_pair(&mut out);
    }
    if out.len() < 2 || !needs_two {
        let mut pair_in_sentence = false;
        // "اتصال بوتين بالرئيس المنتخب، بينما أثار اتصال ترامب برئيسة تايوان غضب بكين":
        // A later clause that opens a new predication (بينما، فيما، حيث) and holds another
        // trigger names that one's sides.
        let cutoff = (l.clause[i] + 1..l.clauses.len())
            .take_while(|&c| l.sentence[l.clauses[c].start.min(g.t.len() - 1)] == sentence)
            .find(|&c| opens_predication(g, l, c))
            .map_or(usize::MAX, |c| l.clauses[c].start);
        let others = |k: usize| k >= cutoff && trigger_in(g, triggers, i + 1..k);
        for k in l.names_in(l.sentence_of(i)).filter(|&k| !others(k)) {
            match named(k) {
                Some(Lex::Pair) => pair_in_sentence = true,
                Some(lex) => participant(lex).into_iter().for_each(|p| add(&mut out, p)),
                None => {}
            }
        }
        if pair_in_sentence && !refers_to_pair {
            add_pair(&mut out);
        }
    }
    if needs_two && out.len() < 2 && sentence > 0 {
        l.names_in(tokens(sentence - 1))
            .filter(|&k| l.paragraph[k] == l.paragraph[i])
            .filter_map(|k| named(k).and_then(participant))
            .for_each(|p| add(&mut out, p));
    }
    // "القمة بين ترامب وكيم في سنغافورة": a state named only as where two others meet is no
    // third side.
    if kind.is_contact() {
        let venue_only = venue_only_countries(g, l, i);
        // Members of the organisation whose summit it is take part wherever it meets.
        let keep = |(p, _): &(&'static Participant, u8)| {
            let c = p.country.as_ref();
            members.contains(&c) || !venue_only.contains(&c)
        };
        if out.iter().filter(|x| keep(x)).count() >= 2 {
            out.retain(keep);
        }
    }
    out.into_iter().map(|(p, _)| p.clone()).collect()
}

/// True when an organisation is named right after a summit word ("قمة بريكس", "القمة التاسعة
/// لمجموعة \"بريكس\"").
pub(super) fn names_organisation(g: &Cursor, l: &Layout, i: usize) -> bool {
    (i + 1..(i + 6).min(g.t.len()))
        .take_while(|&k| l.clause[k] == l.clause[i])
        .any(|k| matches!(g.lex(k), Some(Lex::Organisation(_))))
}

/// True when a person is named within three tokens after the pair word at `k`.
pub(super) fn named_after_pair(g: &Cursor, k: usize) -> bool {
    (k + 1..(k + 4).min(g.t.len()))
        .any(|j| matches!(g.lex(j), Some(Lex::Actor(a)) if IS_PERSON[usize::from(a)]))
}

/// True when a participant is a person, not a state standing for itself.
pub(super) fn is_person(p: &Participant) -> bool {
    PERSON_NAMES.contains(p.name.as_ref())
}

/// The names of the people among the actors.
static PERSON_NAMES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    ACTORS
        .iter()
        .zip(IS_PERSON.iter())
        .filter(|&(_, &person)| person)
        .map(|((_, a), _)| a.name)
        .collect()
});

/// True when the city at `k` is where something happens: a capital after في or with ب
/// attached ("في أستانا", "ببكين").
fn is_venue(g: &Cursor, k: usize, place: u16) -> bool {
    PLACES[usize::from(place)].1.city && placed_at(g, k)
}

/// True when the word at `k` follows في or carries ب: "في أستانا", "ببكين".
fn placed_at(g: &Cursor, k: usize) -> bool {
    let t = &g.t[k];
    let attached_bi = t.text(g.n).chars().take(t.clitic).any(|c| c == 'ب');
    let after_fi = k > 0 && g.t[k - 1].kind == Kind::Word && g.t[k - 1].text(g.n) == "في";
    attached_bi || after_fi
}

/// How many countries two lists of participants share.
pub(super) fn shared_sides(a: &[Participant], b: &[Participant]) -> usize {
    a.iter()
        .filter(|p| b.iter().any(|q| q.country == p.country))
        .count()
}

fn talks(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Meeting | EventKind::Call | EventKind::Statement
    )
}

/// True for a demonym naming the capital a meeting is held in: "في العاصمة الصينية".
fn is_capital_of(g: &Cursor, k: usize) -> bool {
    let word = |j: usize, w: &[&str]| word_in(g, j, w);
    k >= 2 && word(k - 1, &["العاصمه", "مدينه"]) && word(k - 2, &["في"])
}

/// Where the منذ stands when the word at `k` is in a منذ phrase of its clause, a few words
/// after it.
fn since_phrase(l: &Layout, k: usize) -> Option<usize> {
    (k.saturating_sub(5)..k)
        .rev()
        .find(|&j| l.clause[j] == l.clause[k] && l.since[j])
}

/// True when a verb of discussing stands between the trigger at `i` and the word at `k`, in
/// one clause: the word is the topic.
pub(super) fn discussed(_g: &Cursor, l: &Layout, i: usize, k: usize) -> bool {
    l.clause[k] == l.clause[i] && l.discussing_in(i + 1, k)
}

/// True for a pair word that names two countries: البلدان, البلدين, بلديهما.
fn is_country_pair(g: &Cursor, k: usize) -> bool {
    let t = &g.t[k];
    let text = t.text(g.n);
    let w = text
        .char_indices()
        .nth(t.clitic)
        .map_or("", |(at, _)| &text[at..]);
    COUNTRY_PAIRS.iter().any(|p| w == p)
}

/// The pair words that name two countries, folded once.
static COUNTRY_PAIRS: LazyLock<[String; 3]> =
    LazyLock::new(|| ["البلدان", "البلدين", "بلديهما"].map(crate::extract::normalize::fold));

/// The countries the sentence of token `i` names only as a place things happen in: after في or
/// with ب attached, or as the city of "في العاصمة اللاوسية فينتيان".
fn venue_only_countries(g: &Cursor, l: &Layout, i: usize) -> Vec<&'static str> {
    let word = |j: usize, w: &[&str]| word_in(g, j, w);
    let venue = |k: usize| {
        let in_capital = k >= 3
            && matches!(g.lex(k - 1), Some(Lex::Actor(_)))
            && word(k - 2, &["العاصمه"])
            && word(k - 3, &["في"]);
        let in_city = k >= 2 && word(k - 1, &["مدينه", "العاصمه"]) && word(k - 2, &["في"]);
        matches!(g.lex(k), Some(Lex::Place(_))) && (placed_at(g, k) || in_capital || in_city)
            || (matches!(g.lex(k), Some(Lex::Actor(_))) && is_capital_of(g, k))
    };
    let mut venues: Vec<&'static str> = Vec::new();
    let mut elsewhere: Vec<&'static str> = Vec::new();
    for k in l.names_in(l.sentence_of(i)) {
        let Some(c) = g.lex(k).and_then(country_of) else {
            continue;
        };
        if venue(k) {
            venues.push(c)
        } else {
            elsewhere.push(c)
        }
    }
    venues.retain(|c| !elsewhere.contains(c));
    venues
}

/// Where the topic of a verb of discussing at `i` begins ([`crate::extract::lexicon::verb_trigger`]
/// words are no lexicon triggers): after the sides that follow it ("ناقش الرئيسان بوتين وشي
/// مخرجات ..."), at the first word that is neither a side, "مع" nor a title before one; right
/// after a dual, whose sides stand before it ("بوتين وشي ناقشا مخرجات ..."), save "مع" and the
/// side after it. `None` for any other trigger.
fn talk_topic(g: &Cursor, l: &Layout, i: usize) -> Option<usize> {
    let t = &g.t[i];
    if t.kind != Kind::Word || matches!(t.lex, Some(Lex::Trigger(_))) {
        return None;
    }
    let w = t.text(g.n);
    if !matches!(
        crate::extract::lexicon::verb_trigger(w),
        Some(crate::extract::lexicon::VerbTrigger::Talks(_))
    ) {
        return None;
    }
    let dual = w.ends_with('ا') || w.ends_with("ان");
    let clause = l.clause_of(i);
    let mut seen_side = false;
    let mut with = false;
    for k in i + 1..clause.end {
        let tk = &g.t[k];
        if tk.kind != Kind::Word {
            continue;
        }
        if is_with(g, k) {
            with = true;
            continue;
        }
        if names_side(tk.lex) {
            if dual && !with {
                return Some(k);
            }
            seen_side = true;
            continue;
        }
        // A word after the sides: the topic starts here (a title before the first side, such
        // as "وزير الخارجية", does not end them).
        if seen_side || (dual && !with) {
            return Some(k);
        }
    }
    None
}
