//! The event finder: triggers → events with a date, participants, a place and a status, then
//! one event per happening in the article. The rules are described in the parent module.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::{Event, EventDate, EventKind, Participant, Place, Precision, Status};
use crate::extract::grammar::G;
use crate::extract::lexicon::events::{
    ACTORS, Form, ORGANISATIONS, PLACES, PlaceNeed, TRIGGERS, TriggerDef,
};
use crate::extract::lexicon::{Lex, is_agreement_noun};
use crate::extract::resolve::span;
use crate::extract::token::Kind;
use crate::extract::{Timex, TimexType};

/// A date expression with its token range.
struct Dated<'a> {
    timex: &'a Timex,
    first: usize,
    last: usize,
}

/// Where each token sits: its sentence, its clause, its paragraph; and the token range of
/// each sentence and clause.
struct Layout {
    sentence: Vec<usize>,
    clause: Vec<usize>,
    paragraph: Vec<usize>,
    sentences: Vec<std::ops::Range<usize>>,
    clauses: Vec<std::ops::Range<usize>>,
}

/// How many tokens either side of a trigger its sentence may reach: run-on "sentences" of
/// scraped text without punctuation must not make every event read the whole document.
const REACH: usize = 60;

impl Layout {
    /// The clause around token `i`, at most [`REACH`] tokens either side.
    fn clause_of(&self, i: usize) -> std::ops::Range<usize> {
        let c = &self.clauses[self.clause[i]];
        c.start.max(i.saturating_sub(REACH))..c.end.min(i + REACH + 1)
    }

    /// The sentence around token `i`, at most [`REACH`] tokens either side.
    fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        let s = &self.sentences[self.sentence[i]];
        s.start.max(i.saturating_sub(REACH))..s.end.min(i + REACH + 1)
    }
}

fn layout(g: &G) -> Layout {
    let (mut s, mut c, mut p) = (0, 0, 0);
    let n = g.t.len();
    let mut l = Layout {
        sentence: Vec::with_capacity(n),
        clause: Vec::with_capacity(n),
        paragraph: Vec::with_capacity(n),
        sentences: Vec::new(),
        clauses: Vec::new(),
    };
    l.sentences.push(0..0);
    l.clauses.push(0..0);
    for (i, t) in g.t.iter().enumerate() {
        l.sentence.push(s);
        l.clause.push(c);
        l.paragraph.push(p);
        l.sentences[s].end = i + 1;
        l.clauses[c].end = i + 1;
        let sentence_end = g.sentence_end(i);
        if sentence_end || (t.kind == Kind::Punct && ",:()".contains(t.punct)) {
            c += 1;
            l.clauses.push(i + 1..i + 1);
        }
        if sentence_end {
            s += 1;
            l.sentences.push(i + 1..i + 1);
        }
        if t.kind == Kind::Punct && t.punct == '\n' {
            p += 1;
        }
    }
    l
}

/// The token range of an original-text span.
pub(crate) fn token_range(g: &G, start: usize, end: usize) -> Option<(usize, usize)> {
    let orig = |i: usize| {
        let t = &g.t[i];
        g.n.original_span(t.chars.0 + t.clitic, t.chars.1)
    };
    let first =
        g.t.partition_point(|t| g.n.original_span(t.chars.0 + t.clitic, t.chars.1).1 <= start);
    if first >= g.t.len() {
        return None;
    }
    let last = (first..g.t.len()).take_while(|&i| orig(i).0 < end).last()? + 1;
    Some((first, last))
}

/// A trigger found at a token, before its date and participants are settled.
struct Candidate {
    tok: usize,
    def: TriggerDef,
    form: Form,
}

/// Finds the events of an analysed text.
pub(crate) fn events_in(
    text: &str,
    g: &G,
    timexes: &[(Timex, (usize, usize))],
    dct: Option<NaiveDate>,
) -> Vec<Event> {
    let l = layout(g);
    let dated: Vec<Dated> = timexes
        .iter()
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
    for c in candidates(g, &l) {
        let sentence = l.sentence[c.tok];
        let own = date_for(g, &l, &dated, c.tok);
        if let Some(prior) = anaphor_of(g, c.tok, c.def.kind, own.as_ref(), &events) {
            if let Some(d) = governing_of(&events[prior]) {
                lent.push((sentence, d));
            }
            continue;
        }
        let on = own.as_ref().map(|(d, _)| d.earliest);
        let participants = participants(g, &l, c.tok, &pair, c.def.kind, on);
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
        let borrowed = || {
            lent.iter()
                .rev()
                .find(|(s, _)| *s == sentence)
                .map(|(_, d)| d.clone())
                .or_else(|| head_anaphor_date(g, &l, c.tok, &events))
                .or_else(|| follows.and_then(|n| governing_of(&events[n])))
        };
        let is_own = own.is_some();
        let date = own.or_else(borrowed);
        let (kind, plover_mode, cameo) = match call_word_near(g, &l, c.tok) {
            true if matches!(c.def.kind, EventKind::Meeting | EventKind::Call) => {
                (EventKind::Call, Some("phone"), "041")
            }
            _ => (c.def.kind, c.def.plover_mode, c.def.cameo),
        };
        let location = location(g, &l, c.tok, c.def)
            .or_else(|| follows.and_then(|n| events[n].location.clone()));
        let status = status(g, &l, &c, date.as_ref().map(|d| &d.0), dct);
        let coded = Coded {
            kind,
            plover_mode,
            cameo,
        };
        events.push(build(
            text,
            g,
            &l,
            &c,
            coded,
            date,
            participants,
            location,
            status,
        ));
        inherited.push(!is_own);
    }
    one_per_happening(events, &inherited)
}

/// A definite contact trigger with no date of its own ("الاجتماع مع الزعيم الصيني") after a
/// dated contact of the same sides is part of it: the index of that contact.
fn definite_follow_up(
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

fn is_definite(g: &G, i: usize) -> bool {
    let t = &g.t[i];
    t.text(g.n).chars().skip(t.clitic).take(2).eq("ال".chars())
}

/// An event date and the original span of the expression it came from.
type Governing = (EventDate, (usize, usize));

fn governing_of(e: &Event) -> Option<Governing> {
    Some((e.date.clone()?, (e.date_start?, e.date_end?)))
}

/// A definite word in the sentence that repeats the head of an earlier event's trigger
/// ("عقب العرض" after "العرض العسكري") lends that event's date.
fn head_anaphor_date(g: &G, l: &Layout, i: usize, events: &[Event]) -> Option<Governing> {
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

/// The kind and codings an event ends up with.
struct Coded {
    kind: EventKind,
    plover_mode: Option<&'static str>,
    cameo: &'static str,
}

/// DATE and TIME expressions with a calendar interval date events; "حتى 2030" and "منذ 2014"
/// bound a period instead and never do.
fn dates_events(g: &G, t: &Timex, first: usize) -> bool {
    let bound = first.checked_sub(1).is_some_and(|k| {
        matches!(g.t[k].kind, Kind::Word) && ["حتي", "منذ"].contains(&g.t[k].text(g.n))
    });
    matches!(t.kind, TimexType::Date | TimexType::Time) && span(&t.value).is_some() && !bound
}

/// Trigger tokens, with the rules that keep a trigger from firing alone.
fn candidates(g: &G, l: &Layout) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for i in 0..g.t.len() {
        let Some(Lex::Trigger(n)) = g.lex(i) else {
            continue;
        };
        let (_, def, form) = TRIGGERS[usize::from(n)];
        if !place_follows(g, l, i, def.needs_place) {
            continue;
        }
        if def.needs_agreement_noun && !agreement_noun_follows(g, l, i, form) {
            continue;
        }
        if def.needs_signing && !signing_in_clause(g, l, i) {
            continue;
        }
        // "قنوات الاتصال" is no call: a call names its two sides or its medium.
        if def.kind == EventKind::Call && !call_word_near(g, l, i) && clause_countries(g, l, i) < 2
        {
            continue;
        }
        // "توقيع بيان مشترك", "قمة منتدى آسيا": the second word belongs to the first.
        let absorbed = out
            .last()
            .is_some_and(|p| i - p.tok <= 2 && l.clause[p.tok] == l.clause[i]);
        if absorbed {
            continue;
        }
        out.push(Candidate { tok: i, def, form });
    }
    out
}

/// A signing word (وقع, توقيع, الموقعة, التوصل) within four tokens in the same clause.
fn signing_in_clause(g: &G, l: &Layout, i: usize) -> bool {
    (i.saturating_sub(4)..(i + 5).min(g.t.len()))
        .filter(|&k| k != i && l.clause[k] == l.clause[i])
        .any(|k| match g.lex(k) {
            Some(Lex::SignWord) => true,
            Some(Lex::Trigger(n)) => TRIGGERS[usize::from(n)].1.needs_agreement_noun,
            _ => false,
        })
}

/// What a signing trigger signs: for a verb (وقع) an agreement noun anywhere after it in the
/// sentence ("وقعت شركة ... أمس ... عقدا"); for the noun (توقيع) one right after it ("توقيع
/// اتفاقية"), so that "توقيع ... على عريضة" stays a petition.
fn agreement_noun_follows(g: &G, l: &Layout, i: usize, form: Form) -> bool {
    let reach = if form == Form::Noun { 4 } else { REACH };
    (i + 1..l.sentence_of(i).end.min(i + 1 + reach)).any(|k| {
        let t = &g.t[k];
        let w: String = t
            .text(g.n)
            .chars()
            .skip(t.clitic)
            .take_while(|&c| c != ' ')
            .collect();
        is_agreement_noun(&w) || is_agreement_noun(w.trim_start_matches("ال"))
    })
}

/// A place within four tokens after the trigger, in the same clause.
/// The place a trigger needs: "إلى" and a place within the clause for arrivals, a territory
/// right after an annexation.
fn place_follows(g: &G, l: &Layout, i: usize, need: PlaceNeed) -> bool {
    let ahead =
        |n: usize| (i + 1..(i + 1 + n).min(g.t.len())).take_while(|&k| l.clause[k] == l.clause[i]);
    let place = |k: usize| match g.lex(k) {
        Some(Lex::Place(p)) => Some(PLACES[usize::from(p)].1),
        _ => None,
    };
    match need {
        PlaceNeed::None => true,
        // "إلى بكين", "إلى مدينة تيانجين", "إلى العاصمة الروسية موسكو".
        PlaceNeed::Destination => ahead(10).any(|k| {
            let to = |j: usize| matches!(g.t[j].text(g.n), "الي" | "الى");
            place(k).is_some() && (k.saturating_sub(3)..k).any(to)
        }),

        PlaceNeed::Territory => ahead(4).any(|k| place(k).is_some_and(|p| p.territory)),
    }
}

/// A definite trigger that refers back to an event already found ("الزيارة" after
/// "زيارة دولة", "الاتفاق" after "وقعت ... عقدا"): the index of that event. The same word
/// always refers back; another word of the same kind does unless its clause dates it
/// elsewhere ("المحادثات الرسمية غدا" after "لقاء ... اليوم" is a second meeting).
fn anaphor_of(
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

/// How many countries the clause of token `i` names.
fn clause_countries(g: &G, l: &Layout, i: usize) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for c in l.clause_of(i).filter_map(|k| g.lex(k).and_then(country_of)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.len()
}

fn call_word_near(g: &G, l: &Layout, i: usize) -> bool {
    (i.saturating_sub(3)..(i + 9).min(g.t.len()))
        .filter(|&k| l.clause[k] == l.clause[i])
        .any(|k| g.lex(k) == Some(Lex::CallWord))
}

/// The governing date: same clause first (nearest), then the nearest before it in the
/// sentence, then the nearest after it in a clause without a trigger of its own.
fn date_for(g: &G, l: &Layout, dated: &[Dated], i: usize) -> Option<Governing> {
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

fn event_date(t: &Timex) -> Option<EventDate> {
    let value = t.value.split('T').next()?.to_owned();
    let (earliest, latest) = span(&value)?;
    Some(EventDate {
        precision: precision(&value, earliest, latest),
        value,
        earliest,
        latest,
    })
}

fn precision(value: &str, a: NaiveDate, b: NaiveDate) -> Precision {
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

/// The two countries the article names most: what "الزعيمان" and "نظيره" refer to.
fn salient_pair(g: &G) -> Vec<(&'static str, usize)> {
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

fn country_of(lex: Lex) -> Option<&'static str> {
    match lex {
        Lex::Actor(n) => Some(ACTORS[usize::from(n)].1.country),
        Lex::Place(n) if PLACES[usize::from(n)].1.actor => Some(PLACES[usize::from(n)].1.country),
        _ => None,
    }
}

/// A participant a word names, and how specific it is: 0 a person, 1 an institution or
/// demonym, 2 a state or capital.
fn participant(lex: Lex) -> Option<(Participant, u8)> {
    match lex {
        Lex::Actor(n) => {
            let a = ACTORS[usize::from(n)].1;
            let p = Participant {
                name: a.name.to_owned(),
                country: a.country.to_owned(),
                wikidata: a.wikidata.map(str::to_owned),
            };
            Some((p, if IS_PERSON[usize::from(n)] { 0 } else { 1 }))
        }
        Lex::Place(n) => {
            let p = PLACES[usize::from(n)].1;
            let state = STATE_OF[usize::from(n)].map(|s| PLACES[s].1);
            p.actor.then(|| {
                let part = Participant {
                    name: state.map_or(p.name, |s| s.name).to_owned(),
                    country: p.country.to_owned(),
                    wikidata: state.and_then(|s| s.wikidata).map(str::to_owned),
                };
                (part, 2)
            })
        }
        _ => None,
    }
}

/// For each actor: a person (not a state's name).
static IS_PERSON: LazyLock<Vec<bool>> = LazyLock::new(|| {
    ACTORS
        .iter()
        .map(|(_, a)| PLACES.iter().all(|(_, s)| s.name != a.name))
        .collect()
});

/// For each place: the gazetteer entry of its state.
static STATE_OF: LazyLock<Vec<Option<usize>>> =
    LazyLock::new(|| PLACES.iter().map(|(_, p)| state_entry(p.country)).collect());

/// The gazetteer entry of a country's state (not one of its cities).
fn state_entry(country: &str) -> Option<usize> {
    PLACES
        .iter()
        .position(|(_, s)| !s.city && s.country == country)
}

/// A member state of an organisation, named as the gazetteer names states.
fn member(country: &str) -> Participant {
    let state = state_entry(country).map(|s| &PLACES[s].1);
    Participant {
        name: state.map_or(country, |s| s.name).to_owned(),
        country: country.to_owned(),
        wikidata: state.and_then(|s| s.wikidata).map(str::to_owned),
    }
}

/// The people and states of the clause (of the sentence when the clause names fewer than
/// two sides); the article's two sides when the sentence refers to
/// them; for a contact with one side named, the sides of the sentence before it. A summit of
/// an organisation brings in its members `on` the event's own date (today's without one).
fn participants(
    g: &G,
    l: &Layout,
    i: usize,
    pair: &[(&'static str, usize)],
    kind: EventKind,
    on: Option<NaiveDate>,
) -> Vec<Participant> {
    let sentence = l.sentence[i];
    let mut out: Vec<(Participant, u8)> = Vec::new();
    fn add(out: &mut Vec<(Participant, u8)>, (p, rank): (Participant, u8)) {
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
    // "تجاه الصين": the state after a topic preposition is talked about, not taking part.
    let named = |k: usize| match g.lex(k) {
        Some(Lex::Actor(_) | Lex::Place(_)) if k > 0 && g.lex(k - 1) == Some(Lex::Topic) => None,
        lex => lex,
    };
    let mut refers_to_pair = false;
    for k in l.sentence_of(i).filter(|&k| l.clause[k] == l.clause[i]) {
        match named(k) {
            Some(Lex::Pair) => refers_to_pair = true,
            Some(Lex::Organisation(o)) if kind == EventKind::Summit && k > i && k - i <= 3 => {
                for c in ORGANISATIONS[usize::from(o)].1.members(on) {
                    add(&mut out, (member(c), 3));
                }
            }
            Some(lex) => participant(lex).into_iter().for_each(|p| add(&mut out, p)),
            None => {}
        }
    }
    let add_pair = |out: &mut Vec<(Participant, u8)>| {
        pair.iter()
            .filter_map(|&(_, first)| g.lex(first).and_then(participant))
            .for_each(|p| add(out, p));
    };
    if refers_to_pair {
        add_pair(&mut out);
    }
    if out.len() < 2 || !needs_two {
        let mut pair_in_sentence = false;
        for k in l.sentence_of(i) {
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
        tokens(sentence - 1)
            .filter(|&k| l.paragraph[k] == l.paragraph[i])
            .filter_map(|k| named(k).and_then(participant))
            .for_each(|p| add(&mut out, p));
    }
    out.into_iter().map(|(p, _)| p).collect()
}

/// The place of the event: where a visit goes ("إلى بكين"), else the nearest place after
/// في/ب in the clause, else the nearest place in the sentence. Cities win over countries.
fn location(g: &G, l: &Layout, i: usize, def: TriggerDef) -> Option<Place> {
    let (need, kind_is_visit) = (def.needs_place, def.kind == EventKind::Visit);
    let place = |k: usize| match g.lex(k) {
        Some(Lex::Place(n)) => Some(PLACES[usize::from(n)].1),
        _ => None,
    };
    let dist = |k: usize| k.abs_diff(i);
    let mut best: Option<(usize, usize, crate::extract::lexicon::events::PlaceDef)> = None;
    for k in l.sentence_of(i) {
        let Some(p) = place(k) else { continue };
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

fn status(
    g: &G,
    l: &Layout,
    c: &Candidate,
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
    let sentence_start = g.sentence_start(c.tok);
    let future = match c.form {
        Form::Future => true,
        Form::Past => false,
        Form::Noun => g.is_future(c.tok, c.tok + 1, sentence_start),
    };
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
fn build(
    text: &str,
    g: &G,
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
    let slice = |a: usize, b: usize| g.n.original_slice(text, a, b).to_owned();
    let (date, date_span) = date.map_or((None, None), |(d, s)| (Some(d), Some(s)));
    Event {
        kind: coded.kind,
        date,
        participants,
        location,
        trigger: slice(start, end),
        start,
        end,
        status,
        plover: c.def.plover.map(str::to_owned),
        plover_mode: coded.plover_mode.map(str::to_owned),
        cameo: coded.cameo.to_owned(),
        sentence: slice(s_start, s_end),
        sentence_start: s_start,
        sentence_end: s_end,
        date_start: date_span.map(|s| s.0),
        date_end: date_span.map(|s| s.1),
    }
}

/// One event per happening: repeats in the same sentence, undated mentions of sides already
/// dated, and repeated named summits join the first report.
fn one_per_happening(events: Vec<Event>, inherited: &[bool]) -> Vec<Event> {
    let sides: Vec<Vec<&str>> = events
        .iter()
        .map(|e| {
            let mut c: Vec<&str> = e.participants.iter().map(|p| p.country.as_str()).collect();
            c.sort_unstable();
            c
        })
        .collect();
    let subset = |a: usize, b: usize| sides[a].iter().all(|c| sides[b].contains(c));
    let family = |a: EventKind, b: EventKind| a == b || (a.is_contact() && b.is_contact());
    fn value(e: &Event) -> Option<&str> {
        e.date.as_ref().map(|d| d.value.as_str())
    }
    let mut kept: Vec<usize> = Vec::with_capacity(events.len());
    for (n, e) in events.iter().enumerate() {
        let borrowed = inherited[n];
        // Reports of one happening stand close together; a bounded look keeps huge inputs linear.
        let recent = &kept[kept.len().saturating_sub(REACH)..];
        let near = n.saturating_sub(REACH)..(n + REACH).min(events.len());
        let repeat = recent.iter().any(|&o| {
            let other = &events[o];
            other.kind == e.kind
                && value(other) == value(e)
                && ((other.sentence_start == e.sentence_start && sides[o] == sides[n])
                    || ((borrowed || e.date.is_none()) && (subset(n, o) || subset(o, n))))
        });
        // An undated mention after a dated report of the same sides is that report again.
        let covered = e.date.is_none()
            && near.clone().any(|o| {
                let other = &events[o];
                other.start < e.start
                    && other.date.is_some()
                    && family(other.kind, e.kind)
                    && subset(n, o)
            });
        let same_summit = e.kind == EventKind::Summit
            && recent.iter().any(|&o| {
                let other = &events[o];
                other.kind == EventKind::Summit
                    && summit_name(other).is_some()
                    && summit_name(other) == summit_name(e)
            });
        if !repeat && !covered && !same_summit {
            kept.push(n);
        }
    }
    let mut keep = vec![false; events.len()];
    for n in kept {
        keep[n] = true;
    }
    events
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(e, _)| e)
        .collect()
}

/// The organisation a summit is named after, read from its sentence after the trigger.
fn summit_name(e: &Event) -> Option<usize> {
    let after: String = e
        .sentence
        .chars()
        .skip(e.start.saturating_sub(e.sentence_start))
        .take(40)
        .collect();
    let folded = crate::extract::normalize::fold(&after);
    ORGANISATIONS
        .iter()
        .position(|(name, _)| folded.contains(&crate::extract::normalize::fold(name)))
        .map(|i| i.min(1))
}
