//! States: every UN member and the observers and disputed states news names, from
//! `data/countries.tsv`. Their Arabic names come from CLDR through ICU4X
//! ([`RegionDisplayNames`] for `ar`, long and short forms), with the spellings news uses beside
//! them; demonyms are made from the masculine nisba (عراقي → عراقية, عراقيين, عراقيون).

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::{DisplayNamesOptions, Style};
use icu_locale_core::locale;
use icu_locale_core::subtags::Region;
use std::sync::LazyLock;

use super::table::{is_not_name, list, optional, rows};

/// A state of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// ISO 3166-1 alpha-3 (XKX for Kosovo, as the EU and IMF write it).
    pub code: &'static str,
    pub alpha2: &'static str,
    /// English name (Iraq).
    pub name: &'static str,
    pub wikidata: &'static str,
    /// An approximate centroid.
    pub lat: f64,
    pub lon: f64,
    /// Arabic names: CLDR's first, then the spellings news uses.
    pub names: Vec<&'static str>,
    /// Demonyms and their forms, without the article (the tokenizer strips it).
    pub demonyms: Vec<&'static str>,
}

/// Every state, in the order of the data file.
pub static STATES: LazyLock<Vec<State>> = LazyLock::new(|| {
    let names = Cldr::new();
    rows("countries.tsv", include_str!("../data/countries.tsv"), 9)
        .map(|(n, f)| {
            let coord = |s: &str| {
                s.parse::<f64>()
                    .unwrap_or_else(|_| panic!("countries.tsv:{n}: bad coordinate {s:?}"))
            };
            let mut arabic: Vec<&'static str> = names.of(f[1]);
            arabic.extend(list(f[7]));
            dedup(&mut arabic);
            let mut demonyms: Vec<&'static str> = list(f[6]).flat_map(nisba_forms).collect();
            demonyms.extend(list(f[8]));
            demonyms.retain(|d| !is_not_name(d));
            dedup(&mut demonyms);
            State {
                code: f[0],
                alpha2: f[1],
                name: f[2],
                wikidata: f[3],
                lat: coord(f[4]),
                lon: coord(f[5]),
                names: arabic,
                demonyms,
            }
        })
        .collect()
});

/// The state with this alpha-3 code.
pub fn state(code: &str) -> Option<&'static State> {
    STATES.iter().find(|s| s.code == code)
}

fn dedup(v: &mut Vec<&'static str>) {
    let mut seen: Vec<&str> = Vec::with_capacity(v.len());
    v.retain(|s| {
        let new = !seen.contains(s);
        seen.push(s);
        new
    });
}

/// عراقي → عراقي, عراقية, عراقيين, عراقيون.
fn nisba_forms(masculine: &'static str) -> Vec<&'static str> {
    let mut out = vec![masculine];
    for ending in ["ة", "ين", "ون"] {
        out.push(String::leak(format!("{masculine}{ending}")));
    }
    out
}

/// CLDR's Arabic region names, long and short.
struct Cldr {
    long: RegionDisplayNames,
    short: RegionDisplayNames,
}

impl Cldr {
    fn new() -> Self {
        let load = |style| {
            let mut options = DisplayNamesOptions::default();
            options.style = style;
            RegionDisplayNames::try_new(locale!("ar").into(), options)
                .unwrap_or_else(|e| panic!("CLDR region names for ar: {e}"))
        };
        Cldr {
            long: load(None),
            short: load(Some(Style::Short)),
        }
    }

    /// The Arabic names of a region: "ميانمار (بورما)" gives ميانمار and بورما; "الكونغو -
    /// كينشاسا" is also given without the dash. Names that are ordinary words (مالي) or shared
    /// (عمان) are left out; the data file gives them in phrases.
    fn of(&self, alpha2: &'static str) -> Vec<&'static str> {
        let Some(region) = optional(alpha2).and_then(|a| Region::try_from_str(a).ok()) else {
            return Vec::new();
        };
        let mut out: Vec<&'static str> = Vec::new();
        for name in [self.long.of(region), self.short.of(region)]
            .into_iter()
            .flatten()
        {
            let (outer, inner) = match name.split_once('(') {
                Some((a, b)) => (a.trim(), Some(b.trim_end_matches(')').trim())),
                None => (name.trim(), None),
            };
            for n in [Some(outer), inner, Some(&outer.replace(" - ", " ")[..])]
                .into_iter()
                .flatten()
            {
                if !n.is_empty() && !is_not_name(n) && !out.contains(&n) {
                    out.push(String::leak(n.to_owned()));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::gazetteer::table::is_alpha3;

    #[test]
    fn every_line_parses_with_a_valid_unique_code() {
        let mut codes: Vec<&str> = Vec::new();
        for s in STATES.iter() {
            assert!(is_alpha3(s.code), "{}: not an alpha-3 code", s.code);
            assert!(!codes.contains(&s.code), "{}: listed twice", s.code);
            codes.push(s.code);
            assert!(
                s.wikidata.starts_with('Q'),
                "{}: wikidata {}",
                s.code,
                s.wikidata
            );
            assert!((-90.0..=90.0).contains(&s.lat) && (-180.0..=180.0).contains(&s.lon));
        }
        // 193 UN members, with Taiwan, Palestine, Kosovo, the Vatican and Western Sahara.
        assert_eq!(codes.len(), 198);
    }

    #[test]
    fn arabic_names_come_from_cldr() {
        // CLDR's own names, not the data file's: none of these is typed there.
        for (code, name) in [
            ("IRQ", "العراق"),
            ("IRN", "إيران"),
            ("EGY", "مصر"),
            ("DEU", "ألمانيا"),
            ("FRA", "فرنسا"),
            ("JPN", "اليابان"),
            ("IDN", "إندونيسيا"),
        ] {
            let s = state(code).unwrap();
            assert!(s.names.contains(&name), "{code}: {:?}", s.names);
        }
        for s in STATES.iter() {
            assert!(!s.names.is_empty(), "{}: no Arabic name", s.code);
        }
    }

    #[test]
    fn ordinary_words_are_not_state_names() {
        let mali = state("MLI").unwrap();
        assert!(!mali.names.contains(&"مالي"), "{:?}", mali.names);
        assert!(mali.names.contains(&"جمهورية مالي"));
        assert!(mali.demonyms.is_empty());
        let oman = state("OMN").unwrap();
        assert!(oman.names.iter().all(|n| *n != "عمان" && *n != "عُمان"));
    }

    #[test]
    fn demonyms_have_their_forms() {
        let iraq = state("IRQ").unwrap();
        for d in ["عراقي", "عراقية", "عراقيين", "عراقيون"] {
            assert!(iraq.demonyms.contains(&d), "{d}");
        }
    }
}
