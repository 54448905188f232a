//! Organisations whose summits bring their members together, with their members over time,
//! from `data/organisations.tsv`: "قمة بريكس" in 2019 has five members, in 2024 nine.

use chrono::NaiveDate;
use std::sync::LazyLock;

use super::table::{list, optional, rows};
use crate::extract::normalize::fold;

/// An organisation of states.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// A short id (BRICS, SCO, LAS).
    pub id: &'static str,
    pub name: &'static str,
    pub spellings: Vec<&'static str>,
    members: Vec<Membership>,
}

#[derive(Debug, Clone, PartialEq)]
struct Membership {
    country: &'static str,
    from: NaiveDate,
    /// The last day of membership; `None` while a member.
    to: Option<NaiveDate>,
}

impl Organisation {
    /// Every state that has ever been a member.
    pub fn ever_members(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().map(|m| m.country)
    }

    /// The members on a date; with no date, the members today (those whose membership has not
    /// ended), which is the better guess for a summit reported without one.
    pub fn members(&self, on: Option<NaiveDate>) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for m in &self.members {
            let member = match on {
                Some(d) => m.from <= d && m.to.is_none_or(|to| d <= to),
                None => m.to.is_none(),
            };
            if member && !out.contains(&m.country) {
                out.push(m.country);
            }
        }
        out
    }
}

/// The members of an organisation on a date (see [`Organisation::members`]).
///
/// ```
/// use chrono::NaiveDate;
/// use tarikh::extract::lexicon::gazetteer::{members, organisation};
/// let brics = organisation("BRICS").unwrap();
/// let on = |y| NaiveDate::from_ymd_opt(y, 6, 1);
/// assert!(!members(brics, on(2019)).contains(&"EGY"));
/// assert!(members(brics, on(2024)).contains(&"EGY"));
/// ```
pub fn members(org: &Organisation, on: Option<NaiveDate>) -> Vec<&'static str> {
    org.members(on)
}

/// Every organisation, in the order of the data file.
pub static ORGANISATION_LIST: LazyLock<Vec<Organisation>> = LazyLock::new(|| {
    let mut orgs: Vec<Organisation> = Vec::new();
    for (n, f) in rows(
        "organisations.tsv",
        include_str!("../data/organisations.tsv"),
        5,
    ) {
        match f[0] {
            "org" => orgs.push(Organisation {
                id: f[1],
                name: f[2],
                spellings: list(f[3]).collect(),
                members: Vec::new(),
            }),
            "member" => {
                let date = |s: &str| {
                    let s = if s.len() == 4 {
                        format!("{s}-01-01")
                    } else {
                        s.to_owned()
                    };
                    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                        .unwrap_or_else(|_| panic!("organisations.tsv:{n}: bad date {s:?}"))
                };
                let (from, to) = (date(f[3]), optional(f[4]).map(date));
                let org = orgs
                    .iter_mut()
                    .find(|o| o.id == f[1])
                    .unwrap_or_else(|| panic!("organisations.tsv:{n}: unknown org {}", f[1]));
                org.members
                    .extend(f[2].split_whitespace().map(|country| Membership {
                        country,
                        from,
                        to,
                    }));
            }
            other => panic!("organisations.tsv:{n}: unknown kind {other:?}"),
        }
    }
    orgs
});

/// The organisation with this id.
pub fn organisation(id: &str) -> Option<&'static Organisation> {
    ORGANISATION_LIST.iter().find(|o| o.id == id)
}

/// Every spelling folded, longest first, with its organisation.
static FOLDED: LazyLock<Vec<(String, &'static Organisation)>> = LazyLock::new(|| {
    let mut v: Vec<(String, &'static Organisation)> = ORGANISATION_LIST
        .iter()
        .flat_map(|o| o.spellings.iter().map(move |s| (fold(s), o)))
        .collect();
    v.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
    v
});

/// Every folded spelling in one automaton: the leftmost match, the longest there.
static SPELLINGS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(FOLDED.iter().map(|(s, _)| s.as_str()))
        .unwrap_or_else(|e| panic!("organisation spellings: {e}"))
});

/// The organisation a folded text names first (by its longest spelling), to tell apart the
/// summits of two organisations without folding their names again.
pub fn organisation_in(folded: &str) -> Option<&'static Organisation> {
    SPELLINGS
        .find(folded)
        .map(|m| FOLDED[m.pattern().as_usize()].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::gazetteer::states::state;

    fn on(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn every_line_parses_and_names_known_states() {
        assert!(ORGANISATION_LIST.len() >= 10);
        for o in ORGANISATION_LIST.iter() {
            assert!(!o.spellings.is_empty() && !o.members.is_empty(), "{}", o.id);
            for m in &o.members {
                assert!(
                    state(m.country).is_some(),
                    "{}: unknown {}",
                    o.id,
                    m.country
                );
                assert!(m.to.is_none_or(|to| to >= m.from));
            }
        }
    }

    #[test]
    fn the_organisation_a_text_names() {
        let id = |t: &str| organisation_in(&fold(t)).map(|o| o.id);
        assert_eq!(id("قمة منظمة شنغهاي للتعاون في سمرقند"), Some("SCO"));
        assert_eq!(id("قمة منظمة شنغهاي، التقى"), Some("SCO"));
        assert_eq!(id("قمة بريكس، لتبدأ بعدها قمة منظمة شنغهاي"), Some("BRICS"));
        assert_eq!(id("قمة مجلس التعاون لدول الخليج العربية"), Some("GCC"));
        assert_eq!(id("قمة ثنائية"), None);
    }

    #[test]
    fn members_at_the_date() {
        let sco = organisation("SCO").unwrap();
        assert_eq!(sco.members(on(2015, 7, 10)).len(), 6);
        assert!(sco.members(on(2018, 6, 10)).contains(&"IND"));
        assert!(!sco.members(on(2022, 9, 16)).contains(&"IRN"));
        assert!(sco.members(on(2023, 7, 4)).contains(&"IRN"));
        assert!(sco.members(on(2024, 7, 4)).contains(&"BLR"));
        let brics = organisation("BRICS").unwrap();
        assert!(!brics.members(on(2010, 4, 15)).contains(&"ZAF"));
        assert_eq!(brics.members(on(2019, 11, 14)).len(), 5);
        assert_eq!(brics.members(on(2024, 10, 22)).len(), 9);
        assert_eq!(brics.members(None).len(), 10);
        let arab = organisation("LAS").unwrap();
        assert!(arab.members(on(2010, 3, 27)).contains(&"SYR"));
        assert!(!arab.members(on(2012, 3, 29)).contains(&"SYR"));
        assert!(arab.members(None).contains(&"SYR"));
        assert_eq!(arab.members(None).len(), 22);
        let eu = organisation("EU").unwrap();
        assert_eq!(eu.members(on(2019, 6, 1)).len(), 28);
        assert_eq!(eu.members(None).len(), 27);
        assert_eq!(organisation("GCC").unwrap().members(None).len(), 6);
        assert_eq!(organisation("G20").unwrap().members(None).len(), 19);
    }
}
