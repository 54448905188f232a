//! Golden cases for the temporal tagger. Every `tests/data/timex/*.toml` holds `[[case]]`
//! tables: `name`, `text`, optional `dct` ("2022-09-15"; absent = no document date), optional
//! `mode` (news | narrative | colloquial; default news) and `expect`, the COMPLETE list of
//! expressions in text order, each `{ text, type, value }` with an optional `mod`
//! (START | MID | END, checked only when given), `freq` (a SET's frequency), `conflict` (the
//! weekday given disagrees with the date) and `local_value` (that weekday's reading, or
//! "none"), each checked only when given. All cases run; failures are listed together
//! with expected and actual side by side, then a per-file summary, then one panic.

mod common;

use std::collections::HashSet;

use serde::Deserialize;
use tarikh::extract::{Dct, Mode, Timex, extract_timexes};

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
    /// A string ("2022-09-15"); a bare TOML date is accepted too.
    dct: Option<toml::Value>,
    mode: Option<String>,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    /// A SET's frequency ("2X"), checked only when given.
    freq: Option<String>,
    /// Whether the weekday the text gives disagrees with its date, checked only when given.
    conflict: Option<bool>,
    /// The reading a conflicting weekday gives (see `Timex::local_value`; "none" for no
    /// reading), checked only when given.
    local_value: Option<String>,
}

/// Upper-case names as in TimeML: `DATE`, `START`.
fn upper<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x)
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn show(text: &str, kind: &str, value: &str, modifier: Option<&str>) -> String {
    let m = modifier.map(|m| format!(" mod={m}")).unwrap_or_default();
    format!("«{text}» {kind} {value}{m}")
}

/// Runs one case; `Err` holds the printable failure.
fn run(case: &Case) -> Result<(), String> {
    let dct = match &case.dct {
        None => None,
        Some(toml::Value::String(s)) => Some(Dct::parse(s)?),
        Some(toml::Value::Datetime(d)) => Some(Dct::parse(&d.to_string())?),
        Some(other) => return Err(format!("dct must be a date string, got {other}")),
    };
    let mode: Mode = case.mode.as_deref().unwrap_or("news").parse()?;
    let got: Vec<Timex> = extract_timexes(&case.text, dct, mode);
    let mut problems = Vec::new();
    for t in &got {
        let slice: String = case
            .text
            .chars()
            .skip(t.start)
            .take(t.end.saturating_sub(t.start))
            .collect();
        if slice != t.text || t.start > t.end {
            problems.push(format!(
                "offsets {}..{} give «{slice}» but text is «{}»",
                t.start, t.end, t.text
            ));
        }
    }
    let same = got.len() == case.expect.len()
        && got.iter().zip(&case.expect).all(|(g, e)| {
            g.text == e.text
                && upper(&g.kind) == e.kind
                && g.value == e.value
                && e.modifier
                    .as_ref()
                    .is_none_or(|m| g.modifier.map(|gm| upper(&gm)).as_ref() == Some(m))
                && e.freq.as_ref().is_none_or(|f| g.freq.as_ref() == Some(f))
                && e.conflict.is_none_or(|c| c == g.conflict.is_some())
                && e.local_value
                    .as_deref()
                    .is_none_or(|v| g.local_value.as_deref().unwrap_or("none") == v)
        });
    if !same {
        problems.push("expressions differ".to_owned());
    }
    if problems.is_empty() {
        return Ok(());
    }
    let rows = case.expect.len().max(got.len());
    let mut out = format!(
        "  text: {}\n  {}\n  {:<55} | actual\n",
        case.text,
        problems.join("; "),
        "expected"
    );
    for i in 0..rows {
        let e = case.expect.get(i).map_or(String::from("—"), |e| {
            show(&e.text, &e.kind, &e.value, e.modifier.as_deref())
        });
        let a = got.get(i).map_or(String::from("—"), |g| {
            let m = g.modifier.map(|m| upper(&m));
            show(&g.text, &upper(&g.kind), &g.value, m.as_deref())
        });
        let mark = if e == a { ' ' } else { '✗' };
        out.push_str(&format!("  {mark} {e:<53} | {a}\n"));
    }
    Err(out)
}

#[test]
fn golden_timex_cases() {
    let (mut failed, mut total) = (0, 0);
    let mut summary = Vec::new();
    let mut names = HashSet::new();
    for (file_name, src) in common::case_files("timex") {
        let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{file_name}: {e}"));
        let mut pass = 0;
        for case in &file.case {
            let result = if names.insert(case.name.clone()) {
                run(case)
            } else {
                Err("  duplicate case name\n".to_owned())
            };
            match result {
                Ok(()) => pass += 1,
                Err(msg) => println!("FAIL {file_name} :: {}\n{msg}", case.name),
            }
        }
        let n = file.case.len();
        summary.push(format!("{file_name}: {pass}/{n} cases pass"));
        failed += n - pass;
        total += n;
    }
    println!("{}", summary.join("\n"));
    println!("total: {}/{total} cases pass", total - failed);
    assert!(
        failed == 0,
        "{failed} of {total} golden cases failed (see output above)"
    );
}
