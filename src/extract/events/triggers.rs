//! Trigger tokens, and the rules that keep a trigger word from firing alone (a signing verb
//! without an agreement noun, an arrival without a destination, "قنوات الاتصال").

use super::EventKind;
use super::dating::is_definite;
use super::layout::*;
use super::participants::*;
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::events::{
    ANNOUNCE, Form, MEET, PLACES, PlaceNeed, TRIGGERS, TriggerDef,
};
use crate::extract::lexicon::{
    Lex, VerbTrigger, is_agreement_noun, is_discuss_word, is_during_it, is_habit_word, verb_trigger,
};
use crate::extract::token::Kind;

/// A trigger found at a token, before its date and participants are settled.
pub(super) struct Candidate {
    pub(super) tok: usize,
    pub(super) def: TriggerDef,
    pub(super) form: Form,
}

/// Trigger tokens, with the rules that keep a trigger from firing alone.
pub(super) fn candidates(g: &Cursor, l: &Layout) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for i in 0..g.t.len() {
        let Some(Lex::Trigger(n)) = g.lex(i) else {
            // "أعلنت الوزارة": an announcement, weighed by the finder once every trigger is
            // known (it never absorbs nor is absorbed).
            let t = &g.t[i];
            if t.kind == Kind::Word && matches!(t.lex, None | Some(Lex::Past)) {
                match verb_trigger(t.text(g.n)) {
                    Some(VerbTrigger::Announces(form)) => out.push(Candidate {
                        tok: i,
                        def: ANNOUNCE,
                        form,
                    }),
                    Some(VerbTrigger::Talks(form)) if talks_with(g, l, i, &out) => {
                        out.push(Candidate {
                            tok: i,
                            def: MEET,
                            form,
                        })
                    }
                    _ => {}
                }
            }
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
        // Two words apart only for the same kind ("لقاء قمة"): "المحادثات عن توقيع" is two.
        // What a signing verb signs is part of it: "وقع الجانبان مذكرة تفاهم".
        // A definite first word takes no complement: "سبقت القمة محادثات" is two.
        let absorbed = last_trigger(&out).is_some_and(|p| {
            l.clause[p.tok] == l.clause[i]
                && ((i - p.tok == 1 && !is_definite(g, p.tok))
                    || (i - p.tok == 2 && p.def.kind == def.kind)
                    || (i - p.tok <= 6 && p.def.needs_agreement_noun && def.needs_signing))
        });
        if absorbed {
            continue;
        }
        // "محادثات تناولت المناورات المشتركة": what talks are about is no happening.
        let topic = (i.saturating_sub(2)..i)
            .any(|k| l.clause[k] == l.clause[i] && is_discuss_word(g.t[k].text(g.n)));
        if topic {
            continue;
        }
        // "أجرى اتصالا هاتفيا ... اتفقا خلاله على": agreed during the contact just told (a
        // verb of agreeing: one of signing, "وقع خلالها اتفاقية", signs a document of its own).
        let agreeing =
            def.kind == EventKind::Agreement && !def.needs_agreement_noun && !def.needs_signing;
        let during_contact = agreeing
            && g.t.get(i + 1).is_some_and(|t| is_during_it(t.text(g.n)))
            && last_trigger(&out)
                .is_some_and(|p| p.def.kind.is_contact() && l.sentence[p.tok] == l.sentence[i]);
        if during_contact {
            continue;
        }
        // "يشارك في افتتاح المنتدى سنويا", "تجري المناورات سنويا": a habit is no happening (a
        // quantity "سنويا" far after the trigger, "اتفاقية لتوريد ... من الغاز سنويا", is not
        // what makes it one).
        let habit = (i + 1..(i + 4).min(g.t.len()))
            .take_while(|&k| l.clause[k] == l.clause[i])
            .any(|k| g.t[k].kind == Kind::Word && is_habit_word(g.t[k].text(g.n)));
        if habit {
            continue;
        }
        // "ناقش بوتين مع شي ... خلال لقاء جمعهما": the meeting or call a verb of discussing is
        // set in is the talks it told (a summit is a happening of its own).
        let setting_of_talks = matches!(def.kind, EventKind::Meeting | EventKind::Call)
            && super::dating::is_setting(g, i)
            && last_trigger(&out).is_some_and(|p| {
                !matches!(g.lex(p.tok), Some(Lex::Trigger(_))) && l.sentence[p.tok] == l.sentence[i]
            });
        if setting_of_talks {
            continue;
        }
        out.push(Candidate { tok: i, def, form });
    }
    out
}

/// The last candidate found that is not an announcement: announcements never absorb a
/// trigger nor frame one.
fn last_trigger(found: &[Candidate]) -> Option<&Candidate> {
    found.iter().rev().find(|p| !p.def.announces)
}

/// True when a verb of discussing at `i` tells talks: it names both sides ("ناقش بوتين وشي",
/// "أن بوتين، وشي، ناقشا") or says with whom ("بحث الوزير مع نظيره"), and no contact already
/// told in its sentence is what the discussing belongs to ("خلال اللقاء ناقش الزعيمان"). Sides
/// told only by a pair word ("بحث الجانبان", "الزعيمين بحثا") are those of a contact told
/// before: what it discussed, not talks of their own.
fn talks_with(g: &Cursor, l: &Layout, i: usize, found: &[Candidate]) -> bool {
    let told = last_trigger(found)
        .is_some_and(|p| p.def.kind.is_contact() && l.sentence[p.tok] == l.sentence[i]);
    if told {
        return false;
    }
    let sentence = l.sentence_of(i);
    let behind = sentence.start.max(i.saturating_sub(8))..i;
    let ahead = i + 1..(i + 7).min(sentence.end);
    let named: Vec<usize> = l
        .names_in(behind.start..ahead.end)
        .filter(|&k| k < i || l.clause[k] == l.clause[i])
        .collect();
    // The side nearest the verb is a pair word that spells out no one.
    let nearest = named.iter().min_by_key(|&&k| k.abs_diff(i));
    if nearest.is_some_and(|&k| g.lex(k) == Some(Lex::Pair) && !named_after_pair(g, k)) {
        return false;
    }
    let mut with = false;
    for k in ahead.clone().take_while(|&k| l.clause[k] == l.clause[i]) {
        if is_with(g, k) {
            with = true;
        } else if with && names_side(g.lex(k)) {
            return true;
        }
    }
    let mut countries: Vec<&str> = named
        .iter()
        .filter_map(|&k| g.lex(k).and_then(country_of))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    countries.len() >= 2
}

/// A signing word (وقع, توقيع, الموقعة, التوصل) within four tokens in the same clause.
pub(super) fn signing_in_clause(g: &Cursor, l: &Layout, i: usize) -> bool {
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
pub(super) fn agreement_noun_follows(g: &Cursor, l: &Layout, i: usize, form: Form) -> bool {
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
pub(super) fn place_follows(g: &Cursor, l: &Layout, i: usize, need: PlaceNeed) -> bool {
    let ahead =
        |n: usize| (i + 1..(i + 1 + n).min(g.t.len())).take_while(|&k| l.clause[k] == l.clause[i]);
    let place = |k: usize| match g.lex(k) {
        Some(Lex::Place(p)) => Some(PLACES[usize::from(p)].1),
        _ => None,
    };
    match need {
        PlaceNeed::None => true,
        // "إلى بكين", "إلى مدينة تيانجين", "إلى العاصمة الروسية موسكو", and the capital
        // named by its state alone: "إلى العاصمة الصينية".
        PlaceNeed::Destination => ahead(10).any(|k| {
            let to = |j: usize| matches!(g.t[j].text(g.n), "الي" | "الى");
            let capital = k >= 2
                && matches!(g.lex(k), Some(Lex::Actor(_)))
                && word_in(g, k - 1, &["العاصمه"])
                && to(k - 2);
            (place(k).is_some() && (k.saturating_sub(3)..k).any(to)) || capital
        }),

        PlaceNeed::Territory => ahead(4).any(|k| place(k).is_some_and(|p| p.territory)),
    }
}

/// How many countries the clause of token `i` names.
pub(super) fn clause_countries(g: &Cursor, l: &Layout, i: usize) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for c in l
        .names_in(l.clause_of(i))
        .filter_map(|k| g.lex(k).and_then(country_of))
    {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.len()
}

pub(super) fn call_word_near(g: &Cursor, l: &Layout, i: usize) -> bool {
    (i.saturating_sub(3)..(i + 9).min(g.t.len()))
        .filter(|&k| l.clause[k] == l.clause[i])
        .any(|k| g.lex(k) == Some(Lex::CallWord))
}
