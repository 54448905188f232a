//! Checks across the whole gazetteer: no spelling names two states, and every spelling reaches
//! the lexicon (no timex word or other table takes it first).

use rustc_hash::FxHashMap as HashMap;

use super::*;
use crate::extract::lexicon::{LEXICON, Lex, lookup};
use crate::extract::normalize::fold;
use crate::extract::token::lookup_word;

/// Every spelling with the country it names.
fn spellings() -> Vec<(&'static str, &'static str)> {
    let actors = ACTORS.iter().map(|(s, a)| (*s, a.country));
    let places = PLACES
        .iter()
        .filter(|(_, p)| !p.country.is_empty())
        .map(|(s, p)| (*s, p.country));
    actors.chain(places).collect()
}

#[test]
fn no_spelling_names_two_states() {
    let mut by_spelling: HashMap<String, (&str, &str)> = HashMap::default();
    let mut clashes = Vec::new();
    for (s, country) in spellings() {
        match by_spelling.get(&fold(s)) {
            Some(&(other, c)) if c != country => {
                clashes.push(format!("{s} ({country}) / {other} ({c})"));
            }
            Some(_) => {}
            None => {
                by_spelling.insert(fold(s), (s, country));
            }
        }
    }
    // The article of a demonym is stripped when a word is looked up: a name "السوداني" would
    // take "the Sudanese" from Sudan.
    let demonyms: HashMap<String, &str> = STATES
        .iter()
        .flat_map(|st| st.demonyms.iter().map(|d| (fold(d), st.code)))
        .collect();
    for (s, country) in spellings() {
        let f = fold(s);
        if let Some(&c) = f.strip_prefix("ال").and_then(|bare| demonyms.get(bare)) {
            if c != country {
                clashes.push(format!("{s} ({country}) / the demonym of {c}"));
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "spellings naming two states:\n{}",
        clashes.join("\n")
    );
}

#[test]
fn every_spelling_reaches_the_lexicon() {
    let mut lost = Vec::new();
    for (s, _) in spellings() {
        let f = fold(s);
        let found = match f.split_once(' ') {
            None => LEXICON.word(&f),
            Some((first, rest)) => {
                let rest: Vec<&str> = rest.split(' ').collect();
                LEXICON
                    .phrases(first)
                    .iter()
                    .find(|(r, _)| *r == rest)
                    .map(|(_, lex)| *lex)
            }
        };
        if !matches!(found, Some(Lex::Actor(_) | Lex::Place(_))) {
            lost.push(format!("{s}: {found:?}"));
        }
    }
    assert!(
        lost.is_empty(),
        "spellings another table takes first:\n{}",
        lost.join("\n")
    );
}

#[test]
fn places_name_known_states() {
    for (s, p) in PLACES.iter() {
        assert!(
            p.country.is_empty() || state(p.country).is_some(),
            "{s}: {}",
            p.country
        );
        assert!(
            (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon),
            "{s}"
        );
    }
}

#[test]
fn the_first_place_of_a_state_is_the_state() {
    for st in STATES.iter() {
        let first = PLACES.iter().find(|(_, p)| !p.city && p.country == st.code);
        assert_eq!(first.map(|(_, p)| p.name), Some(st.name), "{}", st.code);
    }
}

#[test]
fn states_capitals_demonyms_and_people_resolve() {
    let country = |w: &str| match lookup_word(&fold(w)).map(|(lex, ..)| lex) {
        Some(Lex::Actor(a)) => Some(ACTORS[usize::from(a)].1.country),
        Some(Lex::Place(p)) => Some(PLACES[usize::from(p)].1.country),
        _ => None,
    };
    for (w, want) in [
        ("العراق", "IRQ"),
        ("العراقي", "IRQ"),
        ("العراقية", "IRQ"),
        ("العراقيين", "IRQ"),
        ("عراقيون", "IRQ"),
        ("بغداد", "IRQ"),
        ("إيران", "IRN"),
        ("بزشكيان", "IRN"),
        ("المغرب", "MAR"),
        ("السعودية", "SAU"),
        ("الإمارات", "ARE"),
        ("أمريكا", "USA"),
        ("الأمريكيين", "USA"),
        ("أردوغان", "TUR"),
        ("السيسي", "EGY"),
        ("ماكرون", "FRA"),
        ("الفاتيكان", "VAT"),
        ("كوسوفو", "XKX"),
    ] {
        assert_eq!(country(w), Some(want), "{w}");
    }
    for w in [
        "مالي",
        "المالية",
        "عمان",
        "رئيسي",
        "سعيد",
        "أمل",
        "الأسد",
        "محمد",
        "علي",
    ] {
        assert_eq!(country(w), None, "{w} must not name anything alone");
    }
}

#[test]
fn existing_names_and_ids_are_kept() {
    let actor = |w: &str| match lookup(w) {
        Some(Lex::Actor(a)) => ACTORS[usize::from(a)].1,
        other => panic!("{w}: {other:?}"),
    };
    assert_eq!(actor("بوتين").name, "Vladimir Putin");
    assert_eq!(actor("بوتين").wikidata, Some("Q7747"));
    assert_eq!(actor("شي").wikidata, Some("Q15031"));
    assert_eq!(actor("ترامب").wikidata, Some("Q22686"));
    assert_eq!(actor("كيم").wikidata, Some("Q56226"));
    assert_eq!(actor("مدفيديف").wikidata, Some("Q23530"));
    assert_eq!(actor("بايدن").wikidata, Some("Q6279"));
}
