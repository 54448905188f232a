//! Golden cases for the event finder. Every `tests/data/events/*.toml` holds `[[case]]`
//! tables: `name`, `text`, optional `dct` ("2013-03-20"; absent = no document date) and
//! `expect`, the COMPLETE list of events in the order the extractor reports them, each
//! `{ kind, date, countries, location, status }`. `kind`, `date` (a TimeML value; omitted =
//! the event must be undated) and `countries` (the participants' ISO alpha-3 codes, compared
//! as a set) are always checked; `location` (English name, "" = no place) and `status`
//! (held | announced | cancelled) only when given.
//! A case the extractor is known to get wrong carries `known_gap = "why"`: it is reported,
//! not failed, and it fails the moment it passes, so the mark is removed with the fix.
//! All cases run; failures are listed with expected and actual side by side, then a per-file
//! summary, then one panic.

mod common;

use std::collections::{BTreeSet, HashSet};

use serde::Deserialize;
use tarikh::extract::events::Event;
use tarikh::extract::{Dct, Mode, extract};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    /// A string ("2013-03-20"); a bare TOML date is accepted too.
    dct: Option<toml::Value>,
    expect: Vec<Expected>,
    /// Why the extractor gets this case wrong today.
    known_gap: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    kind: String,
    date: Option<String>,
    countries: Vec<String>,
    location: Option<String>,
    status: Option<String>,
}

/// Lower-case serde names: `held`, `announced`.
fn name_of<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn countries(e: &Event) -> BTreeSet<String> {
    e.participants
        .iter()
        .map(|p| p.country.to_string())
        .collect()
}

/// `[CHN,RUS]`
fn show_set<'a>(set: impl IntoIterator<Item = &'a String>) -> String {
    let sorted: BTreeSet<&str> = set.into_iter().map(String::as_str).collect();
    format!("[{}]", sorted.into_iter().collect::<Vec<_>>().join(","))
}

fn matches(e: &Expected, g: &Event) -> bool {
    let sorted: BTreeSet<String> = e.countries.iter().cloned().collect();
    let place = g.location.as_ref().map_or("", |p| p.name.as_ref());
    e.kind == g.kind.as_str()
        && e.date.as_deref() == g.date.as_ref().map(|d| d.value.as_str())
        && sorted == countries(g)
        && e.location.as_ref().is_none_or(|l| l == place)
        && e.status.as_ref().is_none_or(|s| *s == name_of(&g.status))
}

fn show_expected(e: &Expected) -> String {
    let mut s = format!(
        "{} {} {}",
        e.kind,
        e.date.as_deref().unwrap_or("undated"),
        show_set(&e.countries)
    );
    if let Some(l) = &e.location {
        let l = if l.is_empty() { "-" } else { l };
        s.push_str(&format!(" @{l}"));
    }
    if let Some(st) = &e.status {
        s.push_str(&format!(" {st}"));
    }
    s
}

fn show_actual(g: &Event) -> String {
    let date = g.date.as_ref().map_or("undated", |d| d.value.as_str());
    let place = g.location.as_ref().map_or("-", |p| p.name.as_ref());
    let status = name_of(&g.status);
    format!(
        "«{}» {} {date} {} @{place} {status}",
        g.trigger,
        g.kind.as_str(),
        show_set(&countries(g))
    )
}

/// Catches typos in the case files, which would otherwise read as extractor failures.
fn check_expected(e: &Expected) -> Result<(), String> {
    const KINDS: &[&str] = &[
        "meeting",
        "visit",
        "summit",
        "call",
        "agreement",
        "military",
        "statement",
        "other",
    ];
    const STATUSES: &[&str] = &["held", "announced", "cancelled"];
    let code = |c: &String| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase());
    if !KINDS.contains(&e.kind.as_str()) {
        return Err(format!("  unknown kind {:?}\n", e.kind));
    }
    if !e.countries.iter().all(code) {
        return Err(format!("  bad country code in {:?}\n", e.countries));
    }
    if e.status.as_deref().is_some_and(|s| !STATUSES.contains(&s)) {
        return Err(format!("  unknown status {:?}\n", e.status));
    }
    Ok(())
}

/// Runs one case; `Err` holds the printable failure.
fn run(case: &Case) -> Result<(), String> {
    let dct = match &case.dct {
        None => None,
        Some(toml::Value::String(s)) => Some(Dct::parse(s)?),
        Some(toml::Value::Datetime(d)) => Some(Dct::parse(&d.to_string())?),
        Some(other) => return Err(format!("dct must be a date string, got {other}")),
    };
    for e in &case.expect {
        check_expected(e)?;
    }
    let got = extract(&case.text, dct, Mode::News).events;
    let same =
        got.len() == case.expect.len() && case.expect.iter().zip(&got).all(|(e, g)| matches(e, g));
    if same {
        return Ok(());
    }
    let mut out = format!("  text: {}\n  {:<50} | actual\n", case.text, "expected");
    for i in 0..case.expect.len().max(got.len()) {
        let (e, g) = (case.expect.get(i), got.get(i));
        let ok = matches!((e, g), (Some(e), Some(g)) if matches(e, g));
        let mark = if ok { ' ' } else { '✗' };
        let e = e.map_or("—".to_owned(), show_expected);
        let g = g.map_or("—".to_owned(), show_actual);
        out.push_str(&format!("  {mark} {e:<48} | {g}\n"));
    }
    Err(out)
}

#[test]
fn golden_event_cases() {
    let (mut failed, mut total, mut gaps) = (0, 0, 0);
    let mut summary = Vec::new();
    let mut names = HashSet::new();
    for (file_name, src) in common::case_files("events") {
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{file_name}: {e}"));
        let mut pass = 0;
        for case in &file.case {
            let result = if names.insert(case.name.clone()) {
                run(case)
            } else {
                Err("  duplicate case name\n".to_owned())
            };
            match (result, &case.known_gap) {
                (Ok(()), None) => pass += 1,
                (Err(msg), None) => println!("FAIL {file_name} :: {}\n{msg}", case.name),
                (Err(msg), Some(why)) => {
                    pass += 1;
                    gaps += 1;
                    println!("KNOWN GAP {file_name} :: {} ({why})\n{msg}", case.name);
                }
                (Ok(()), Some(_)) => println!(
                    "FAIL {file_name} :: {}\n  passes now: remove its known_gap mark\n",
                    case.name
                ),
            }
        }
        let n = file.case.len();
        summary.push(format!("{file_name}: {pass}/{n} cases pass"));
        failed += n - pass;
        total += n;
    }
    println!("{}", summary.join("\n"));
    println!(
        "total: {}/{total} cases pass ({gaps} of them known gaps)",
        total - failed
    );
    assert!(
        failed == 0,
        "{failed} of {total} golden event cases failed (see output above)"
    );
}
