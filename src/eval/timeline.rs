//! The timeline score: is the served timeline of "every happening between these countries, in
//! order" right? Gold events of all articles are grouped into happenings, and the entries the
//! feed serves (after the store merged the reports of many articles) are matched against them.
//!
//! - **Gold events**: those whose actors include every requested country.
//! - **Happenings**: gold events of one kind family (meeting, visit, summit and call are one,
//!   `contact`; any other kind is its own family) and the same date value are one happening.
//!   Then, finest first, each coarser group (`2019-06`, `2019`, or no date) joins the one
//!   happening of its family whose date lies inside its own, when there is exactly one such
//!   happening; with two or more inside it stays apart and is optional (no entry could be
//!   told from theirs); with none it is a happening of its own. A happening is dated by its finest
//!   date, and is optional when all its events are; an undated one that joined nothing (or
//!   one whose date is no calendar date, as `PRESENT_REF`) is optional too, as no entry can
//!   be checked against it.
//! - **Matching**: an entry fits a happening when the family agrees and the entry's date lies
//!   inside the happening's (score.py's `within`: a more precise date inside is right, a
//!   coarser one is not). Greedy: the coarsest entries first (they fit the fewest happenings),
//!   then in feed order; each takes the unmatched happening it fits that has the narrowest
//!   date (a required one before an optional one on a tie).
//! - **Figures**: recall is the share of required happenings matched. An entry is right when
//!   it is the first match of a happening, *repeated* when every happening it fits is matched
//!   already, *wrong* when it fits none; one that fits only optional happenings is neither
//!   right nor wrong and left out of precision, which is right / (right + repeated + wrong).

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::{CONTACT, Docs, Interval, get, interval, items, objects, py_float, py_str};
use super::{repr_str, round4, truthy, within};

/// A gold event about every requested country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldEvent {
    /// The gold article's id.
    pub article: String,
    pub kind: String,
    /// The TIMEX3 value; `None` when the gold gives no date.
    pub date: Option<String>,
    pub trigger: String,
    pub optional: bool,
}

/// One happening: the gold events of every article that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Happening {
    /// `contact` (meeting, visit, summit, call) or the kind itself.
    pub family: String,
    /// The finest date of its events; `None` when undated.
    pub date: Option<String>,
    pub optional: bool,
    pub events: Vec<GoldEvent>,
}

/// A served timeline entry, as far as the score looks at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub event_id: i64,
    pub kind: String,
    /// The entry's date value and its interval.
    pub date: String,
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    /// Participant countries, sorted.
    pub countries: Vec<String>,
    /// The first report: its article (the gold id), trigger and quote.
    pub article: Option<String>,
    pub trigger: String,
    pub quote: String,
}

/// The timeline figures for one set of countries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineScores {
    pub countries: Vec<String>,
    pub happenings: usize,
    pub required: usize,
    pub entries: usize,
    /// Required happenings matched by at least one entry.
    pub matched: usize,
    /// Entries that are the first match of a happening.
    pub right: usize,
    pub repeated: usize,
    pub wrong: usize,
    /// Entries that fit only optional happenings: left out of precision.
    pub neutral: usize,
    /// Required happenings no entry matched.
    pub missed: usize,
    pub recall: f64,
    pub precision: f64,
}

/// The family of a kind: `contact` for meeting, visit, summit and call.
pub fn family(kind: &str) -> &str {
    if CONTACT.contains(&kind) {
        "contact"
    } else {
        kind
    }
}

/// The gold events of the `gold` documents (JSON Lines values) whose actors include every one
/// of `countries`, document by document in gold order.
pub fn gold_events(gold: &[Value], countries: &[String]) -> Vec<GoldEvent> {
    let mut out = Vec::new();
    for &(id, doc) in &Docs::new(gold).docs {
        for e in objects(doc.get("events")) {
            let actor = |a: &Value| a.as_object().map_or(a, |a| get(a, "country")).clone();
            let actors: Vec<Value> = items(e.get("actors")).iter().map(actor).collect();
            if !countries.iter().all(|c| actors.iter().any(|a| a == c)) {
                continue;
            }
            out.push(GoldEvent {
                article: py_str(id),
                kind: py_str(get(e, "type")),
                date: get(e, "date").as_str().map(str::to_owned),
                trigger: py_str(get(e, "trigger")),
                optional: truthy(e.get("optional")),
            });
        }
    }
    out
}

fn date_interval(date: Option<&str>) -> Option<Interval> {
    interval(&Value::String(date?.to_owned()))
}

/// Groups gold events into happenings (see the module doc), in timeline order: by first day,
/// the coarser first on a tie, then by family; undated ones last.
pub fn happenings(events: &[GoldEvent]) -> Vec<Happening> {
    let mut groups: Vec<Happening> = Vec::new();
    for e in events {
        let fam = family(&e.kind);
        match groups
            .iter_mut()
            .find(|h| h.family == fam && h.date == e.date)
        {
            Some(h) => h.events.push(e.clone()),
            None => groups.push(Happening {
                family: fam.to_owned(),
                date: e.date.clone(),
                optional: false,
                events: vec![e.clone()],
            }),
        }
    }
    let spans: Vec<Option<Interval>> = groups
        .iter()
        .map(|h| date_interval(h.date.as_deref()))
        .collect();
    // Finest first: the narrowest interval, then the longer value (a time of day before its
    // day); groups without a calendar date last.
    let width = |i: usize| spans[i].map_or(i64::MAX, |(a, b)| (b - a).num_days());
    let value_len = |i: usize| groups[i].date.as_ref().map_or(0, String::len);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (width(i), std::cmp::Reverse(value_len(i)), i));
    let mut joined: Vec<Option<usize>> = vec![None; groups.len()];
    // A coarser report with several finer happenings inside ("they met in June", of two June
    // meetings) cannot be told apart from them: it is optional.
    let mut ambiguous = vec![false; groups.len()];
    for (n, &i) in order.iter().enumerate() {
        let inside = |j: usize| match (spans[i], spans[j]) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(outer), Some(inner)) => outer.0 <= inner.0 && inner.1 <= outer.1,
        };
        let mut fits = order[..n]
            .iter()
            .copied()
            .filter(|&j| joined[j].is_none() && groups[j].family == groups[i].family && inside(j));
        match (fits.next(), fits.next()) {
            (Some(j), None) => joined[i] = Some(j),
            (Some(_), Some(_)) => ambiguous[i] = true,
            _ => {}
        }
    }
    // Each joined group hands its events to the happening it joined, finest first. Groups
    // join only happenings that joined nothing, so there are no chains to follow.
    for &i in &order {
        if let Some(j) = joined[i] {
            let events = std::mem::take(&mut groups[i].events);
            groups[j].events.extend(events);
        }
    }
    let mut out: Vec<(Option<Interval>, Happening)> = groups
        .into_iter()
        .zip(spans)
        .zip(joined.iter().zip(&ambiguous))
        .filter(|(_, (j, _))| j.is_none())
        .map(|((mut h, span), (_, &ambiguous))| {
            h.optional = span.is_none() || ambiguous || h.events.iter().all(|e| e.optional);
            (span, h)
        })
        .collect();
    out.sort_by(|(a, x), (b, y)| {
        let key = |s: &Option<Interval>| s.map(|(f, l)| (f, std::cmp::Reverse(l)));
        (a.is_none(), key(a), &x.family).cmp(&(b.is_none(), key(b), &y.family))
    });
    out.into_iter().map(|(_, h)| h).collect()
}

/// Whether `entry` fits `h`: same family, and the entry's date inside the happening's.
fn fits(entry: &Entry, h: &Happening) -> bool {
    let Some(date) = &h.date else { return false };
    if family(&entry.kind) != h.family {
        return false;
    }
    let (sys, gold) = (
        Value::String(entry.date.clone()),
        Value::String(date.clone()),
    );
    match (interval(&sys), interval(&gold)) {
        // A value score.py cannot read: the interval the store gives it.
        (None, Some(g)) => g.0 <= entry.earliest && entry.latest <= g.1,
        _ => within(&sys, &gold),
    }
}

/// What became of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The first match of happening `.0`.
    Right(usize),
    /// Fits only matched happenings; `.0` the narrowest, matched by entry `.1`.
    Repeated(usize, usize),
    Wrong,
    /// Fits only optional happenings.
    Neutral,
}

/// Scores `entries` (in feed order) against `happenings`. With `errors`, pushes a line for every
/// missed required happening, wrong entry and repeated entry, in that order.
pub fn score(
    countries: &[String],
    happenings: &[Happening],
    entries: &[Entry],
    errors: Option<&mut Vec<String>>,
) -> TimelineScores {
    let spans: Vec<Interval> = happenings
        .iter()
        .map(|h| date_interval(h.date.as_deref()).unwrap_or((NaiveDate::MIN, NaiveDate::MAX)))
        .collect();
    let precise = |i: usize| {
        (
            (spans[i].1 - spans[i].0).num_days(),
            happenings[i].optional,
            i,
        )
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    // Coarsest entries first: they fit the fewest happenings.
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(entries[i].latest - entries[i].earliest),
            i,
        )
    });
    let mut matched_by: Vec<Option<usize>> = vec![None; happenings.len()];
    let mut verdicts = vec![Verdict::Wrong; entries.len()];
    for i in order {
        let mut fit: Vec<usize> = (0..happenings.len())
            .filter(|&h| fits(&entries[i], &happenings[h]))
            .collect();
        fit.sort_by_key(|&h| precise(h));
        let free = fit.iter().copied().find(|&h| matched_by[h].is_none());
        if let Some(h) = free {
            matched_by[h] = Some(i);
        }
        verdicts[i] = match (free, fit.first()) {
            (_, None) => Verdict::Wrong,
            _ if fit.iter().all(|&h| happenings[h].optional) => Verdict::Neutral,
            (Some(h), _) => Verdict::Right(h),
            (None, Some(&h)) => Verdict::Repeated(h, matched_by[h].unwrap_or(i)),
        };
    }
    let count = |f: fn(&Verdict) -> bool| verdicts.iter().filter(|v| f(v)).count();
    let required = happenings.iter().filter(|h| !h.optional).count();
    let matched = (0..happenings.len())
        .filter(|&h| !happenings[h].optional && matched_by[h].is_some())
        .count();
    let right = count(|v| matches!(v, Verdict::Right(_)));
    let repeated = count(|v| matches!(v, Verdict::Repeated(..)));
    let wrong = count(|v| matches!(v, Verdict::Wrong));
    let ratio = |n: usize, d: usize| {
        if d > 0 {
            round4(n as f64 / d as f64)
        } else {
            1.0
        }
    };
    if let Some(lines) = errors {
        error_lines(happenings, entries, &matched_by, &verdicts, lines);
    }
    TimelineScores {
        countries: countries.to_vec(),
        happenings: happenings.len(),
        required,
        entries: entries.len(),
        matched,
        right,
        repeated,
        wrong,
        neutral: count(|v| matches!(v, Verdict::Neutral)),
        missed: required - matched,
        recall: ratio(matched, required),
        precision: ratio(right, right + repeated + wrong),
    }
}

fn error_lines(
    happenings: &[Happening],
    entries: &[Entry],
    matched_by: &[Option<usize>],
    verdicts: &[Verdict],
    lines: &mut Vec<String>,
) {
    for (h, _) in happenings
        .iter()
        .zip(matched_by)
        .filter(|(h, m)| !h.optional && m.is_none())
    {
        // A coarse gold date that several happenings fit could be any of them.
        let finer = happenings.iter().filter(|f| finer_than(f, h)).count();
        let note = match finer {
            0 => String::new(),
            n => format!(" (coarser than {n} happenings)"),
        };
        lines.push(format!("TIMELINE MISSED {}{note}", describe(h)));
    }
    for (e, v) in entries.iter().zip(verdicts) {
        match *v {
            Verdict::Wrong => lines.push(format!("TIMELINE WRONG {}", show(e))),
            Verdict::Repeated(h, first) => lines.push(format!(
                "TIMELINE REPEATED {} (already matched by event {}: {} {})",
                show(e),
                entries[first].event_id,
                happenings[h].family,
                happenings[h].date.as_deref().unwrap_or("None"),
            )),
            Verdict::Right(_) | Verdict::Neutral => {}
        }
    }
}

/// Whether `fine` is another happening of the family of `coarse` dated inside it.
fn finer_than(fine: &Happening, coarse: &Happening) -> bool {
    let (Some(f), Some(c)) = (fine.date.as_deref(), coarse.date.as_deref()) else {
        return false;
    };
    fine.family == coarse.family
        && f != c
        && within(&Value::String(f.to_owned()), &Value::String(c.to_owned()))
}

/// `contact 2019-06-05: a01 visit 'زيارة'; a07 meeting 'محادثات'`.
fn describe(h: &Happening) -> String {
    let events: Vec<String> = h
        .events
        .iter()
        .map(|e| {
            let date = e.date.as_deref().unwrap_or("None");
            format!("{} {} {date} {}", e.article, e.kind, repr_str(&e.trigger))
        })
        .collect();
    let date = h.date.as_deref().unwrap_or("None");
    format!("{} {date}: {}", h.family, events.join("; "))
}

/// `event 12 visit 2019-06-05 [CHN, RUS]: a01 'زيارة' «the quote»`.
fn show(e: &Entry) -> String {
    const QUOTE: usize = 120;
    let mut quote: String = e.quote.chars().take(QUOTE).collect();
    if e.quote.chars().nth(QUOTE).is_some() {
        quote.push('…');
    }
    let article = e.article.as_deref().unwrap_or("?");
    format!(
        "event {} {} {} [{}]: {article} {} «{quote}»",
        e.event_id,
        e.kind,
        e.date,
        e.countries.join(", "),
        repr_str(&e.trigger),
    )
}

impl fmt::Display for TimelineScores {
    /// `timeline RUS+CHN  happenings 120 (required 101)  entries 98  recall 0.78  …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "timeline {}  happenings {} (required {})  entries {}  recall {}  precision {}  \
             repeated {}  wrong {}  missed {}  optional-only {}",
            self.countries.join("+"),
            self.happenings,
            self.required,
            self.entries,
            py_float(self.recall),
            py_float(self.precision),
            self.repeated,
            self.wrong,
            self.missed,
            self.neutral,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn countries() -> Vec<String> {
        vec!["RUS".to_owned(), "CHN".to_owned()]
    }

    /// A gold event about Russia and China: (article, kind, date, optional).
    type Gold = (&'static str, &'static str, Option<&'static str>, bool);

    /// A happening as [`grouped`] lists it: (family, date or "None", optional, articles).
    type Happening = (&'static str, &'static str, bool, &'static str);

    /// The gold events about Russia and China of `events` (see [`Gold`]).
    fn gold(events: &[(&str, &str, Option<&str>, bool)]) -> Vec<GoldEvent> {
        let events: Vec<GoldEvent> = events
            .iter()
            .map(|&(article, kind, date, optional)| GoldEvent {
                article: article.to_owned(),
                kind: kind.to_owned(),
                date: date.map(str::to_owned),
                trigger: format!("{kind} trigger"),
                optional,
            })
            .collect();
        events
    }

    /// The happenings of `events`, as (family, date, optional, articles).
    fn grouped(events: &[(&str, &str, Option<&str>, bool)]) -> Vec<(String, String, bool, String)> {
        happenings(&gold(events))
            .into_iter()
            .map(|h| {
                let articles: Vec<&str> = h.events.iter().map(|e| e.article.as_str()).collect();
                let date = h.date.clone().unwrap_or_else(|| "None".to_owned());
                (h.family, date, h.optional, articles.join(" "))
            })
            .collect()
    }

    fn row(
        family: &str,
        date: &str,
        optional: bool,
        articles: &str,
    ) -> (String, String, bool, String) {
        (family.into(), date.into(), optional, articles.into())
    }

    fn entry(event_id: i64, kind: &str, date: &str) -> Entry {
        let (earliest, latest) = interval(&json!(date)).expect("a calendar date");
        Entry {
            event_id,
            kind: kind.to_owned(),
            date: date.to_owned(),
            earliest,
            latest,
            countries: countries(),
            article: Some("a1".to_owned()),
            trigger: "t".to_owned(),
            quote: "q".to_owned(),
        }
    }

    /// (matched, right, repeated, wrong, neutral, missed) of `entries` against `events`.
    fn counts(
        events: &[(&str, &str, Option<&str>, bool)],
        entries: &[Entry],
    ) -> (usize, usize, usize, usize, usize, usize) {
        let s = score(&countries(), &happenings(&gold(events)), entries, None);
        (s.matched, s.right, s.repeated, s.wrong, s.neutral, s.missed)
    }

    #[test]
    fn gold_events_need_every_country() {
        let docs = [
            json!({"id": "a1", "events": [
                {"type": "visit", "date": "2019-06-05", "actors": ["CHN", "RUS"], "trigger": "زيارة"},
                {"type": "call", "date": "2019-06", "actors": ["RUS", "USA"]},
                {"type": "summit", "date": null, "actors": [{"country": "RUS"}, {"country": "CHN"}],
                 "optional": true}]}),
            json!({"id": 7, "events": [{"type": "meeting", "actors": ["RUS", "CHN", "IND"]}]}),
        ];
        let got: Vec<(String, String, Option<String>, bool)> = gold_events(&docs, &countries())
            .into_iter()
            .map(|e| (e.article, e.kind, e.date, e.optional))
            .collect();
        let expected = [
            ("a1", "visit", Some("2019-06-05"), false),
            ("a1", "summit", None, true),
            ("7", "meeting", None, false),
        ]
        .map(|(a, k, d, o)| (a.to_owned(), k.to_owned(), d.map(str::to_owned), o));
        assert_eq!(got, expected);
    }

    /// Gold events (article, kind, date, optional) and the happenings they make (family, date
    /// or "None", optional, articles), each case named by what it shows.
    const GROUPINGS: &[(&str, &[Gold], &[Happening])] = &[
        (
            "one happening per family and date across articles",
            &[
                ("a1", "visit", Some("2019-06-05"), false),
                ("a2", "meeting", Some("2019-06-05"), false),
                ("a2", "agreement", Some("2019-06-05"), false),
                ("a3", "call", Some("2019-06-06"), false),
            ],
            &[
                ("agreement", "2019-06-05", false, "a2"),
                ("contact", "2019-06-05", false, "a1 a2"),
                ("contact", "2019-06-06", false, "a3"),
            ],
        ),
        (
            // The year joins the month that joined the day; the undated meeting joins too. The
            // exercise is of another family and stays apart.
            "a coarser date joins the one happening inside it",
            &[
                ("a1", "summit", Some("2019"), false),
                ("a2", "visit", Some("2019-06"), false),
                ("a3", "meeting", Some("2019-06-05"), false),
                ("a4", "meeting", None, false),
                ("a4", "military", Some("2019-06"), false),
            ],
            &[
                ("military", "2019-06", false, "a4"),
                ("contact", "2019-06-05", false, "a3 a2 a1 a4"),
            ],
        ),
        (
            // The June visit could be either of two, the undated call any of three; the undated
            // statement has nothing to join: all three are optional.
            "a coarser date with two happenings inside stays apart and optional",
            &[
                ("a1", "visit", Some("2019-06"), false),
                ("a2", "visit", Some("2019-06-05"), false),
                ("a3", "visit", Some("2019-06-20"), false),
                ("a4", "call", None, false),
                ("a5", "statement", None, false),
            ],
            &[
                ("contact", "2019-06", true, "a1"),
                ("contact", "2019-06-05", false, "a2"),
                ("contact", "2019-06-20", false, "a3"),
                ("contact", "None", true, "a4"),
                ("statement", "None", true, "a5"),
            ],
        ),
        (
            "a happening is optional when all its events are",
            &[
                ("a1", "agreement", Some("2019-06-05"), true),
                ("a2", "agreement", Some("2019-06-05"), false),
                ("a3", "other", Some("2019-06-07"), true),
                ("a3", "other", Some("2019-06"), true),
            ],
            &[
                ("agreement", "2019-06-05", false, "a1 a2"),
                ("other", "2019-06-07", true, "a3 a3"),
            ],
        ),
    ];

    #[test]
    fn gold_events_make_happenings() {
        for (case, events, expected) in GROUPINGS {
            let expected: Vec<_> = expected
                .iter()
                .map(|&(family, date, optional, articles)| row(family, date, optional, articles))
                .collect();
            assert_eq!(grouped(events), expected, "{case}");
        }
    }

    #[test]
    fn each_required_happening_matched_once_is_perfect() {
        let events = [
            ("a1", "visit", Some("2019-06-05"), false),
            ("a2", "meeting", Some("2019-06"), false),
            ("a2", "agreement", Some("2019-06"), false),
        ];
        // The summit entry is the visit's family; the agreement entry is more precise than
        // its gold, which is right.
        let entries = [
            entry(1, "summit", "2019-06-05"),
            entry(2, "agreement", "2019-06-05"),
        ];
        assert_eq!(counts(&events, &entries), (2, 2, 0, 0, 0, 0));
        let s = score(&countries(), &happenings(&gold(&events)), &entries, None);
        assert_eq!((s.recall, s.precision), (1.0, 1.0));
    }

    #[test]
    fn a_repeated_entry_lowers_precision() {
        let events = [("a1", "visit", Some("2019-06-05"), false)];
        let entries = [
            entry(1, "visit", "2019-06-05"),
            entry(2, "meeting", "2019-06-05"),
        ];
        assert_eq!(counts(&events, &entries), (1, 1, 1, 0, 0, 0));
        let mut errors = Vec::new();
        let s = score(
            &countries(),
            &happenings(&gold(&events)),
            &entries,
            Some(&mut errors),
        );
        assert_eq!((s.recall, s.precision), (1.0, 0.5));
        assert_eq!(
            errors,
            [
                "TIMELINE REPEATED event 2 meeting 2019-06-05 [RUS, CHN]: a1 't' «q» \
              (already matched by event 1: contact 2019-06-05)"
            ]
        );
    }

    #[test]
    fn a_month_entry_does_not_match_a_day_happening() {
        let events = [("a1", "visit", Some("2019-06-05"), false)];
        let entries = [entry(1, "visit", "2019-06")];
        assert_eq!(counts(&events, &entries), (0, 0, 0, 1, 0, 1));
        let mut errors = Vec::new();
        let s = score(
            &countries(),
            &happenings(&gold(&events)),
            &entries,
            Some(&mut errors),
        );
        assert_eq!((s.recall, s.precision), (0.0, 0.0));
        assert_eq!(
            errors,
            [
                "TIMELINE MISSED contact 2019-06-05: a1 visit 2019-06-05 'visit trigger'",
                "TIMELINE WRONG event 1 visit 2019-06 [RUS, CHN]: a1 't' «q»",
            ]
        );
    }

    #[test]
    fn wrong_family_or_date_is_wrong() {
        let events = [("a1", "visit", Some("2019-06-05"), false)];
        let entries = [
            entry(1, "agreement", "2019-06-05"),
            entry(2, "visit", "2019-06-06"),
        ];
        assert_eq!(counts(&events, &entries), (0, 0, 0, 2, 0, 1));
    }

    #[test]
    fn an_entry_of_an_optional_happening_counts_for_nothing() {
        let events = [
            ("a1", "visit", Some("2019-06-05"), false),
            ("a1", "other", Some("2019-06-07"), true),
        ];
        let right = [entry(1, "visit", "2019-06-05")];
        let with_optional = [
            entry(1, "visit", "2019-06-05"),
            entry(2, "other", "2019-06-07"),
        ];
        assert_eq!(counts(&events, &right), (1, 1, 0, 0, 0, 0));
        assert_eq!(counts(&events, &with_optional), (1, 1, 0, 0, 1, 0));
        let s = score(
            &countries(),
            &happenings(&gold(&events)),
            &with_optional,
            None,
        );
        assert_eq!((s.entries, s.recall, s.precision), (2, 1.0, 1.0));
        // Twice: still nothing.
        let twice = [
            entry(2, "other", "2019-06-07"),
            entry(3, "other", "2019-06-07"),
        ];
        assert_eq!(counts(&events, &twice), (0, 0, 0, 0, 2, 1));
    }

    #[test]
    fn the_coarser_entry_takes_the_coarser_happening() {
        // Two June visits and a June visit of unknown day: the month could be either, so it
        // is an optional happening beside two required ones.
        let events = [
            ("a1", "visit", Some("2019-06-05"), false),
            ("a2", "visit", Some("2019-06-20"), false),
            ("a3", "visit", Some("2019-06"), false),
        ];
        // The month entry takes the month happening and counts for nothing; the days are right.
        let entries = [
            entry(1, "visit", "2019-06"),
            entry(2, "visit", "2019-06-05"),
            entry(3, "visit", "2019-06-20"),
        ];
        assert_eq!(counts(&events, &entries), (2, 2, 0, 0, 1, 0));
        // A second entry on the 5th takes the month, which still fits it (the first match of a
        // happening is right, optional or not); the 20th is missed.
        let entries = [
            entry(2, "visit", "2019-06-05"),
            entry(4, "visit", "2019-06-05"),
        ];
        assert_eq!(counts(&events, &entries), (1, 2, 0, 0, 0, 1));
        let mut errors = Vec::new();
        let h = happenings(&gold(&events));
        score(&countries(), &h, &entries, Some(&mut errors));
        assert_eq!(
            errors,
            ["TIMELINE MISSED contact 2019-06-20: a2 visit 2019-06-20 'visit trigger'"]
        );
    }

    #[test]
    fn nothing_to_score_is_perfect_and_prints_one_line() {
        let s = score(&countries(), &[], &[], None);
        assert_eq!(
            s.to_string(),
            "timeline RUS+CHN  happenings 0 (required 0)  entries 0  recall 1.0  precision 1.0  \
             repeated 0  wrong 0  missed 0  optional-only 0"
        );
    }
}
