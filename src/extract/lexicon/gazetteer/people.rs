//! People: heads of state and government and foreign ministers since 2010, from
//! `data/people.tsv`, with the spellings Arabic news gives them and their offices.

use std::sync::LazyLock;

use super::table::{list, optional, rows};

/// What office a person held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    /// Another official news quotes as the state's voice (a spokesman, an army commander).
    Official,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "HOS" => Role::HeadOfState,
            "HOG" => Role::HeadOfGovernment,
            "FM" => Role::ForeignMinister,
            "OFFICIAL" => Role::Official,
            _ => return None,
        })
    }
}

/// One term in one office: `to` is `None` while in office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Office {
    pub role: Role,
    pub from: u16,
    pub to: Option<u16>,
}

/// A person of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// English name (Mohammed Shia al-Sudani).
    pub name: &'static str,
    pub country: &'static str,
    pub wikidata: Option<&'static str>,
    /// Arabic spellings, the full name first.
    pub spellings: Vec<&'static str>,
    pub offices: Vec<Office>,
}

/// Every person, in the order of the data file; the lines of one person are joined.
pub static PEOPLE: LazyLock<Vec<Person>> = LazyLock::new(|| {
    let mut people: Vec<Person> = Vec::new();
    for (n, f) in rows("people.tsv", include_str!("../data/people.tsv"), 7) {
        let year = |s: &str| {
            s.parse::<u16>()
                .unwrap_or_else(|_| panic!("people.tsv:{n}: bad year {s:?}"))
        };
        let (from, to) = (year(f[2]), optional(f[3]).map(year));
        let offices = f[1].split(',').map(|r| Office {
            role: Role::parse(r).unwrap_or_else(|| panic!("people.tsv:{n}: bad role {r:?}")),
            from,
            to,
        });
        let wikidata = optional(f[5]);
        match people
            .iter_mut()
            .find(|p| p.name == f[4] && p.country == f[0])
        {
            Some(p) => {
                p.offices.extend(offices);
                for s in list(f[6]) {
                    if !p.spellings.contains(&s) {
                        p.spellings.push(s);
                    }
                }
                p.wikidata = p.wikidata.or(wikidata);
            }
            None => people.push(Person {
                name: f[4],
                country: f[0],
                wikidata,
                spellings: list(f[6]).collect(),
                offices: offices.collect(),
            }),
        }
    }
    people
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::gazetteer::states::state;
    use crate::extract::lexicon::gazetteer::table::is_not_name;

    #[test]
    fn every_line_parses_and_names_a_known_state() {
        for p in PEOPLE.iter() {
            assert!(
                state(p.country).is_some(),
                "{}: unknown state {}",
                p.name,
                p.country
            );
            assert!(!p.spellings.is_empty(), "{}: no spelling", p.name);
            assert!(!p.offices.is_empty());
            for o in &p.offices {
                assert!(
                    o.to.is_none_or(|to| to >= o.from),
                    "{}: term ends before it starts",
                    p.name
                );
            }
            if let Some(q) = p.wikidata {
                assert!(
                    q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()),
                    "{q}"
                );
            }
        }
    }

    #[test]
    fn no_spelling_is_an_ordinary_word_or_a_first_name() {
        for p in PEOPLE.iter() {
            for s in &p.spellings {
                assert!(
                    !is_not_name(s),
                    "{}: {s} is an ordinary word or a first name",
                    p.name
                );
                assert!(
                    !s.chars().any(|c| c.is_ascii_alphabetic()),
                    "{}: {s}",
                    p.name
                );
            }
        }
    }

    #[test]
    fn offices_of_one_person_are_joined() {
        let erdogan = PEOPLE
            .iter()
            .find(|p| p.name == "Recep Tayyip Erdogan")
            .unwrap();
        assert_eq!(erdogan.offices.len(), 2);
        assert_eq!(erdogan.wikidata, Some("Q39259"));
        let sudani = PEOPLE
            .iter()
            .find(|p| p.name == "Mohammed Shia al-Sudani")
            .unwrap();
        assert_eq!(sudani.country, "IRQ");
        assert!(sudani.spellings.contains(&"محمد شياع السوداني"));
    }
}
