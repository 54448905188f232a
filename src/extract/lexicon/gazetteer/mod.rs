//! The gazetteer: the states, places, people and organisations events name, read once from
//! the data files under `lexicon/data/` and flattened into the spelling tables the lexicon is
//! built from ([`ACTORS`], [`PLACES`], [`ORGANISATIONS`]).
//!
//! States' Arabic names come from CLDR through ICU4X, beside the spellings news uses; a
//! state's name, its capital and its demonym (عراقي, العراقية …) all resolve to its ISO 3166
//! alpha-3 code. A spelling that is also an ordinary word or a first name (`not_names.txt`)
//! never names anything alone, and a spelling shared by two places (عمان) is given only in a
//! phrase that settles it. Where two entries share a spelling, the lexicon keeps the first:
//! people, then demonyms; states, then other places.
//!
//! ```
//! use tarikh::extract::lexicon::{lookup, Lex};
//! use tarikh::extract::lexicon::gazetteer::{ACTORS, PLACES};
//! let Some(Lex::Place(p)) = lookup("العراق") else { panic!() };
//! assert_eq!(PLACES[usize::from(p)].1.country, "IRQ");
//! let Some(Lex::Actor(a)) = lookup("بزشكيان") else { panic!() };
//! assert_eq!(ACTORS[usize::from(a)].1.country, "IRN");
//! ```

mod organisations;
mod people;
mod states;
mod table;

use std::sync::LazyLock;

pub use organisations::{ORGANISATION_LIST, Organisation, members, organisation, organisation_in};
pub use people::{Office, PEOPLE, Person, Role};
pub use states::{STATES, State, state};

/// A person, state or institution that takes part in events.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActorDef {
    pub name: &'static str,
    pub country: &'static str,
    pub wikidata: Option<&'static str>,
}

/// A city, region or state, with coordinates. `actor` states and capitals also stand for
/// their state as a participant ("تقارب بكين وموسكو").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceDef {
    pub name: &'static str,
    pub country: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub wikidata: Option<&'static str>,
    pub actor: bool,
    pub city: bool,
    /// A region states fight over (Crimea): what an annexation takes.
    pub territory: bool,
}

/// People (every spelling of each), then demonyms. States and capitals are in [`PLACES`] and
/// count as participants through metonymy.
pub static ACTORS: LazyLock<Vec<(&'static str, ActorDef)>> = LazyLock::new(|| {
    let people = PEOPLE.iter().flat_map(|p| {
        let def = ActorDef {
            name: p.name,
            country: p.country,
            wikidata: p.wikidata,
        };
        p.spellings.iter().map(move |s| (*s, def))
    });
    let demonyms = STATES.iter().flat_map(|s| {
        let def = ActorDef {
            name: s.name,
            country: s.code,
            wikidata: Some(s.wikidata),
        };
        s.demonyms.iter().map(move |d| (*d, def))
    });
    people.chain(demonyms).collect()
});

/// States (every Arabic name of each) first, so that a state is the first entry of its
/// country that is not a city; then capitals, seats of government, cities, seas and regions.
pub static PLACES: LazyLock<Vec<(&'static str, PlaceDef)>> = LazyLock::new(|| {
    let mut out: Vec<(&'static str, PlaceDef)> = Vec::new();
    for s in STATES.iter() {
        let def = PlaceDef {
            name: s.name,
            country: s.code,
            lat: s.lat,
            lon: s.lon,
            wikidata: Some(s.wikidata),
            actor: true,
            city: false,
            territory: false,
        };
        out.extend(s.names.iter().map(|n| (*n, def)));
    }
    out.extend(other_places());
    out
});

fn other_places() -> Vec<(&'static str, PlaceDef)> {
    let mut out = Vec::new();
    for (n, f) in table::rows("places.tsv", include_str!("../data/places.tsv"), 7) {
        let coord = |s: &str| {
            s.parse::<f64>()
                .unwrap_or_else(|_| panic!("places.tsv:{n}: bad coordinate {s:?}"))
        };
        let (actor, city, territory) = match f[5] {
            "capital" | "seat" => (true, true, false),
            "city" => (false, true, false),
            "sea" => (false, false, false),
            "region" => (true, false, true),
            other => panic!("places.tsv:{n}: unknown kind {other:?}"),
        };
        let def = PlaceDef {
            name: f[1],
            country: table::optional(f[2]).unwrap_or(""),
            lat: coord(f[3]),
            lon: coord(f[4]),
            wikidata: table::optional(f[6]),
            actor,
            city,
            territory,
        };
        out.extend(table::list(f[0]).map(|s| (s, def)));
    }
    out
}

/// Organisation spellings, each with its organisation.
pub static ORGANISATIONS: LazyLock<Vec<(&'static str, &'static Organisation)>> =
    LazyLock::new(|| {
        ORGANISATION_LIST
            .iter()
            .flat_map(|o| o.spellings.iter().map(move |s| (*s, o)))
            .collect()
    });

/// Fixed phrases that contain a name but name nothing (مسقط رأسه "his birthplace").
pub static IDIOMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| table::lines(include_str!("../data/idioms.txt")).collect());

/// Who a search names: a person of the gazetteer or a state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Named {
    /// The English name and the Wikidata id where known.
    Person {
        name: &'static str,
        wikidata: Option<&'static str>,
    },
    /// The ISO 3166 alpha-3 code.
    State(&'static str),
}

/// The person or state `text` names, in English (the full name or a surname only one person
/// has, any case) or in any Arabic spelling the gazetteer knows (compared after folding);
/// `None` for anything else.
///
/// ```
/// use tarikh::extract::lexicon::gazetteer::{named, Named};
/// let putin = Some(Named::Person { name: "Vladimir Putin", wikidata: Some("Q7747") });
/// assert_eq!(named("Putin"), putin);
/// assert_eq!(named("بوتين"), putin);
/// assert_eq!(named("روسيا"), Some(Named::State("RUS")));
/// assert_eq!(named("قمة"), None);
/// ```
pub fn named(text: &str) -> Option<Named> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let folded = crate::extract::normalize::fold(text);
    let arabic = |spellings: &[&str]| {
        spellings
            .iter()
            .any(|s| crate::extract::normalize::fold(s) == folded)
    };
    let person = |p: &Person| Named::Person {
        name: p.name,
        wikidata: p.wikidata,
    };
    if let Some(p) = PEOPLE
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(text) || arabic(&p.spellings))
    {
        return Some(person(p));
    }
    let mut surnames = PEOPLE.iter().filter(|p| {
        p.name
            .rsplit(' ')
            .next()
            .is_some_and(|last| last.eq_ignore_ascii_case(text))
    });
    if let (Some(p), None) = (surnames.next(), surnames.next()) {
        return Some(person(p));
    }
    STATES
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(text) || arabic(&s.names))
        .map(|s| Named::State(s.code))
}

#[cfg(test)]
mod tests;
