//! TempEval-3 style scoring of temporal expressions and events against gold annotations: a
//! port of `shared/eval/score.py`, so that `tarikh eval` prints the very figures it prints.
//!
//! Documents are JSON objects keyed by `"id"`. Gold: `{id, text, timexes, events,
//! distractors}`; system: `{id, timexes, events}`. Offsets are Unicode code points (char
//! indices) into the gold `text`, end exclusive.
//!
//! - Timexes: strict and relaxed (overlap) extent F1, value P/R/F1 (relaxed match with the exact
//!   TIMEX3 value), type accuracy over the relaxed matches, and how many occurrences of the
//!   distractor strings a system span touches. Each required gold timex takes the first unused
//!   system span with the same extent, else the first unused overlapping one. Optional gold
//!   timexes are neither required nor penalised: system spans touching only optional gold spans
//!   are dropped.
//! - Events: a system event (`type` or `kind`; `date` as a value or `{"value"}`; `actors` or
//!   `participants`, as codes or `{"country"}`) matches a gold one when the type agrees
//!   (meeting, visit, summit and call are one family), every gold actor takes part, and the
//!   system date lies inside the gold date's interval (weeks, quarters, seasons, halves,
//!   decades and centuries included). System events matching an optional gold event are not
//!   spurious.
//!
//! Malformed input never panics: a missing field reads as Python's `.get` would (`None`, or
//! empty for a list), and what score.py could not read (a line without `id`, an item that is
//! not an object, a timex without numeric `start`/`end`) is skipped. Figures are rounded like
//! Python's `round(x, 4)` and printed like Python's `repr`.
//!
//! [`timeline`] scores the served timeline (gold happenings across articles against the feed's
//! entries) and [`served`] builds that timeline from the gold articles (`tarikh eval --timeline`).

pub mod served;
pub mod timeline;

pub use served::{TimelineError, score_timeline};
pub use timeline::TimelineScores;

use std::collections::HashMap;
use std::fmt;

use chrono::{Days, NaiveDate, Weekday};
use serde::Serialize;
use serde_json::{Map, Value};

type Object = Map<String, Value>;
type Span = (f64, f64);
type Interval = (NaiveDate, NaiveDate);

/// Precision, recall and F1, each rounded to 4 decimals.
pub type Prf = (f64, f64, f64);

/// The scores of a system against the gold, shaped like the output of `score.py --json`.
/// `Display` writes the three lines `score.py` prints, without the final newline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Number of gold documents (distinct ids).
    pub documents: usize,
    /// Gold ids absent from the system output, sorted.
    pub missing_documents: Vec<Value>,
    /// Temporal expression scores.
    pub timex: TimexScores,
    /// Event scores.
    pub event: EventScores,
}

/// Timex counts over all documents; `type` counts the relaxed matches with the right type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TimexCounts {
    pub gold: usize,
    pub sys: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    #[serde(rename = "type")]
    pub type_ok: usize,
    pub distractor_hits: usize,
}

/// Timex figures: extent F1s, value P/R/F1 and type accuracy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimexScores {
    pub counts: TimexCounts,
    pub strict_f1: f64,
    pub relaxed_f1: f64,
    pub value_p_r_f1: Prf,
    pub type_accuracy: f64,
}

/// Event counts over all documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct EventCounts {
    pub gold: usize,
    pub sys: usize,
    pub matched: usize,
}

/// Event figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventScores {
    pub counts: EventCounts,
    pub p_r_f1: Prf,
}

/// Scores the `system` documents against the `gold` ones, one JSON value per JSON Lines line
/// (ids compare by their JSON text; a repeated id keeps its first place and its last line,
/// like score.py's dict). With `errors`, pushes the lines `score.py --errors` prints, in its
/// order: DISTRACTOR, MISSED, VALUE and SPURIOUS document by document, then EVENT MISSED and
/// EVENT SPURIOUS document by document. `format!("{report}\n")` is what score.py prints.
pub fn score(gold: &[Value], system: &[Value], errors: Option<&mut Vec<String>>) -> Report {
    let (gold, system) = (Docs::new(gold), Docs::new(system));
    let mut log = Log(errors);
    let ids = gold.docs.iter().map(|(id, _)| *id);
    let mut missing: Vec<Value> = ids.filter(|id| system.get(id).is_none()).cloned().collect();
    missing.sort_by_key(py_str);
    Report {
        documents: gold.docs.len(),
        missing_documents: missing,
        timex: score_timexes(&gold, &system, &mut log),
        event: score_events(&gold, &system, &mut log),
    }
}

/// What tarikh extracts from one gold document, as a system line for [`score`]: the gold's
/// text, DCT and (optional) mode in, `{"id", "timexes", "events"}` out.
pub fn system_line(doc: &Value) -> Value {
    let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
    let dct = doc
        .get("dct")
        .and_then(Value::as_str)
        .and_then(|d| crate::extract::Dct::parse(d).ok());
    let mode = doc
        .get("mode")
        .and_then(Value::as_str)
        .and_then(|m| m.parse().ok())
        .unwrap_or_default();
    let found = crate::extract::extract(text, dct, mode);
    serde_json::json!({
        "id": doc.get("id").cloned().unwrap_or(Value::Null),
        "timexes": found.timexes,
        "events": found.events,
    })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (t, e) = (&self.timex, &self.event);
        let (docs, missing) = (self.documents, self.missing_documents.len());
        writeln!(f, "documents {docs}  missing {missing}")?;
        let (strict, relaxed) = (py_float(t.strict_f1), py_float(t.relaxed_f1));
        let (value, type_acc) = (py_tuple(t.value_p_r_f1), py_float(t.type_accuracy));
        let hits = t.counts.distractor_hits;
        write!(
            f,
            "timex  strict F1 {strict}  relaxed F1 {relaxed}  value P/R/F1 {value}  "
        )?;
        writeln!(f, "type acc {type_acc}  distractors tagged {hits}")?;
        let (EventCounts { gold, sys, matched }, prf) = (e.counts, py_tuple(e.p_r_f1));
        write!(
            f,
            "events P/R/F1 {prf}  ({{'gold': {gold}, 'sys': {sys}, 'matched': {matched}}})"
        )
    }
}

/// Documents in first-seen order, a repeated id taking its last line (a Python dict).
#[derive(Default)]
struct Docs<'a> {
    docs: Vec<(&'a Value, &'a Object)>,
    index: HashMap<String, usize>,
}

impl<'a> Docs<'a> {
    fn new(lines: &'a [Value]) -> Self {
        let mut d = Docs::default();
        for doc in lines.iter().filter_map(Value::as_object) {
            let Some(id) = doc.get("id") else { continue };
            let next = d.docs.len();
            let i = *d.index.entry(id.to_string()).or_insert(next);
            if i == next {
                d.docs.push((id, doc));
            }
            d.docs[i].1 = doc;
        }
        d
    }

    fn get(&self, id: &Value) -> Option<&'a Object> {
        self.index.get(&id.to_string()).map(|&i| self.docs[i].1)
    }
}

/// The optional sink of `--errors` lines.
struct Log<'a>(Option<&'a mut Vec<String>>);

impl Log<'_> {
    fn push(&mut self, line: impl FnOnce() -> String) {
        if let Some(lines) = &mut self.0 {
            lines.push(line());
        }
    }
}

/// The timexes of a list that have numeric `start` and `end`, with their span.
fn timexes(list: Option<&Value>) -> Vec<(Span, &Object)> {
    let span = |t: &Object| Some((t.get("start")?.as_f64()?, t.get("end")?.as_f64()?));
    objects(list).filter_map(|t| Some((span(t)?, t))).collect()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn score_timexes(gold: &Docs, system: &Docs, log: &mut Log) -> TimexScores {
    let mut c = TimexCounts::default();
    for &(id, g) in &gold.docs {
        let sys = timexes(system.get(id).and_then(|s| s.get("timexes")));
        timex_doc(&py_str(id), g, sys, &mut c, log);
    }
    let prf = |tp| prf(tp, c.sys, c.gold);
    let type_accuracy = match c.relaxed {
        0 => 0.0,
        n => round4(c.type_ok as f64 / n as f64),
    };
    TimexScores {
        counts: c,
        strict_f1: prf(c.strict).2,
        relaxed_f1: prf(c.relaxed).2,
        value_p_r_f1: prf(c.value),
        type_accuracy,
    }
}

/// Scores the timexes of one gold document.
fn timex_doc(id: &str, g: &Object, sys: Vec<(Span, &Object)>, c: &mut TimexCounts, log: &mut Log) {
    let (optional, required): (Vec<_>, Vec<_>) = timexes(g.get("timexes"))
        .into_iter()
        .partition(|t| truthy(t.1.get("optional")));
    let touches = |s: Span, gold: &[(Span, &Object)]| gold.iter().any(|o| overlaps(s, o.0));
    let keep = |s: &(Span, _)| !touches(s.0, &optional) || touches(s.0, &required);
    let sys: Vec<_> = sys.into_iter().filter(keep).collect();
    let text = g.get("text").and_then(Value::as_str).unwrap_or("");
    c.distractor_hits += distractor_hits(id, g, text, &sys, log);
    (c.gold, c.sys) = (c.gold + required.len(), c.sys + sys.len());
    let mut used = vec![false; sys.len()];
    for &(span, t) in &required {
        let first = |ok: &dyn Fn(Span) -> bool| (0..sys.len()).find(|&i| !used[i] && ok(sys[i].0));
        let Some(i) = first(&|s| s == span).or_else(|| first(&|s| overlaps(s, span))) else {
            let (text, value) = (py_repr(get(t, "text")), py_str(get(t, "value")));
            log.push(|| format!("MISSED {id}: {text} = {value}"));
            continue;
        };
        used[i] = true;
        let (s_span, s) = sys[i];
        c.relaxed += 1;
        c.strict += usize::from(s_span == span);
        c.type_ok += usize::from(py_eq(get(s, "type"), get(t, "type")));
        let ok = py_eq(get(s, "value"), get(t, "value"));
        c.value += usize::from(ok);
        if !ok {
            let (tt, gold) = (py_repr(get(t, "text")), py_str(get(t, "value")));
            let (got, on) = (py_str(get(s, "value")), repr_str(&py_slice(text, s_span)));
            log.push(|| format!("VALUE {id}: {tt} gold {gold} got {got} on {on}"));
        }
    }
    for &(span, s) in sys.iter().zip(&used).filter(|(_, u)| !**u).map(|(s, _)| s) {
        let (on, value) = (repr_str(&py_slice(text, span)), py_str(get(s, "value")));
        log.push(|| format!("SPURIOUS {id}: {on} = {value}"));
    }
}

/// How many occurrences of the gold distractor strings a system span touches.
fn distractor_hits(
    id: &str,
    g: &Object,
    text: &str,
    sys: &[(Span, &Object)],
    log: &mut Log,
) -> usize {
    let mut hits = 0;
    for d in items(g.get("distractors")).iter().filter_map(Value::as_str) {
        for span in find_chars(text, d) {
            if let Some((_, s)) = sys.iter().find(|s| overlaps(s.0, span)) {
                hits += 1;
                let (d, value) = (repr_str(d), py_str(get(s, "value")));
                log.push(|| format!("DISTRACTOR {id}: {d} tagged as {value}"));
            }
        }
    }
    hits
}

/// Char spans of the non-overlapping occurrences of `needle` in `text`, like
/// `re.finditer(re.escape(needle), text)` (an empty needle matches at every position).
fn find_chars(text: &str, needle: &str) -> Vec<Span> {
    let len = needle.chars().count();
    let (mut byte, mut chars) = (0, 0);
    let mut to_span = |(b, _): (usize, &str)| {
        chars += text[byte..b].chars().count();
        byte = b;
        (chars as f64, (chars + len) as f64)
    };
    text.match_indices(needle).map(&mut to_span).collect()
}

/// Python's `text[start:end]` on code points.
fn py_slice(text: &str, (start, end): Span) -> String {
    let len = text.chars().count() as f64;
    let at = |i: f64| (if i < 0.0 { i + len } else { i }).clamp(0.0, len) as usize;
    text.chars().take(at(end)).skip(at(start)).collect()
}

const CONTACT: [&str; 4] = ["meeting", "visit", "summit", "call"];

/// A system event read in either vocabulary (score.py's `system_event`).
struct SysEvent {
    kind: Value,
    date: Value,
    actors: Vec<Value>,
}

fn system_event(s: &Object) -> SysEvent {
    let or = |a: &str, b: &str| if truthy(s.get(a)) { s.get(a) } else { s.get(b) };
    let date = match get(s, "date") {
        Value::Object(d) => get(d, "value"),
        date => date,
    }
    .clone();
    let actor = |a: &Value| a.as_object().map_or(a, |a| get(a, "country")).clone();
    let actors = items(or("actors", "participants"))
        .iter()
        .map(actor)
        .collect();
    let kind = or("type", "kind").cloned().unwrap_or_default();
    SysEvent { kind, date, actors }
}

fn event_match(s: &SysEvent, g: &Object) -> bool {
    let contact = |v: &Value| v.as_str().is_some_and(|t| CONTACT.contains(&t));
    let kind = get(g, "type");
    let same_type = py_eq(&s.kind, kind) || contact(&s.kind) && contact(kind);
    let present = |a: &Value| s.actors.iter().any(|b| py_eq(a, b));
    let date = get(g, "date");
    same_type
        && items(g.get("actors")).iter().all(present)
        && (date.is_null() || within(&s.date, date))
}

fn score_events(gold: &Docs, system: &Docs, log: &mut Log) -> EventScores {
    let mut c = EventCounts::default();
    for &(id, g) in &gold.docs {
        let sys: Vec<_> = objects(system.get(id).and_then(|s| s.get("events")))
            .map(system_event)
            .collect();
        let (optional, required): (Vec<_>, Vec<_>) =
            objects(g.get("events")).partition(|e| truthy(e.get("optional")));
        let id = py_str(id);
        let mut used = vec![false; sys.len()];
        for e in &required {
            match (0..sys.len()).find(|&i| !used[i] && event_match(&sys[i], e)) {
                Some(i) => used[i] = true,
                None => log.push(|| {
                    let [kind, date, actors, trigger] =
                        ["type", "date", "actors", "trigger"].map(|k| py_str(get(e, k)));
                    format!("EVENT MISSED {id}: {kind} {date} {actors} ({trigger})")
                }),
            }
        }
        let matched = used.iter().filter(|&&u| u).count();
        let spurious = sys
            .iter()
            .zip(&used)
            .filter(|&(s, &u)| !u && !optional.iter().any(|o| event_match(s, o)));
        for (s, _) in spurious {
            c.sys += 1;
            let mut actors: Vec<Value> =
                s.actors.iter().filter(|a| !a.is_null()).cloned().collect();
            actors.sort_by_key(py_str);
            actors.dedup();
            let (kind, date) = (py_str(&s.kind), py_str(&s.date));
            let actors = py_repr(&Value::Array(actors));
            log.push(|| format!("EVENT SPURIOUS {id}: {kind} {date} {actors}"));
        }
        c.gold += required.len();
        c.matched += matched;
        c.sys += matched;
    }
    EventScores {
        counts: c,
        p_r_f1: prf(c.matched, c.sys, c.gold),
    }
}

/// True when the system date is the gold one or lies inside its interval (score.py's `within`).
fn within(sys: &Value, gold: &Value) -> bool {
    match (interval(gold), interval(sys)) {
        _ if py_eq(sys, gold) => true,
        (Some(g), Some(s)) => g.0 <= s.0 && s.1 <= g.1,
        _ => false,
    }
}

/// The first and last day of a TIMEX3 date value (`2022`, `2022-09`, `2022-09-15`, with an
/// optional `T…` time part; `2022-W37`, `2022-Q3`, `2022-SU` and the other seasons and halves,
/// decades `199`/`199X`, centuries `19`), or `None` when it is not a calendar date.
fn interval(value: &Value) -> Option<Interval> {
    let v: Vec<char> = value.as_str()?.chars().collect();
    let num = |len: usize| number(v.get(..len)?);
    let years = |first: i32, last: i32| Some((ymd(first, 1, 1)?, ymd(last, 12, 31)?));
    match (num(4), v.len()) {
        (Some(y), _) => calendar(y, &v[4..]).or_else(|| period(y, &v[4..])),
        (None, 3 | 4) if v.get(3).is_none_or(|&c| c == 'X') => {
            num(3).and_then(|n| years(n * 10, n * 10 + 9))
        }
        (None, 2) => num(2).and_then(|n| years(n * 100, n * 100 + 99)),
        _ => None,
    }
}

/// `[-MM[-DD]][T…]` after the year: that day, month or year (a `00` part counts as absent).
fn calendar(y: i32, t: &[char]) -> Option<Interval> {
    let two = |i: usize| (t.get(i) == Some(&'-')).then(|| number(t.get(i + 1..i + 3)?))?;
    let month = two(0);
    let day = month.and_then(|_| two(3));
    let rest = &t[3 * [month, day].iter().flatten().count()..];
    if !(rest.is_empty() || rest[0] == 'T' && !rest.contains(&'\n')) {
        return None;
    }
    match (month.unwrap_or(0) as u32, day.unwrap_or(0) as u32) {
        (m, d @ 1..) => ymd(y, m, d).map(|day| (day, day)),
        (m @ 1.., _) => Some((ymd(y, m, 1)?, month_end(y, m)?)),
        _ => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
    }
}

/// Quarters, seasons and halves, with their first and last months (past 12: the next year).
const PERIODS: [&str; 10] = ["Q1", "Q2", "Q3", "Q4", "SP", "SU", "FA", "WI", "H1", "H2"];
const MONTHS: [u32; 20] = [
    1, 3, 4, 6, 7, 9, 10, 12, 3, 5, 6, 8, 9, 11, 12, 14, 1, 6, 7, 12,
];

/// `-Www`, `-Qn`, `-SP|SU|FA|WI|H1|H2` after the year.
fn period(y: i32, t: &[char]) -> Option<Interval> {
    if let ['-', 'W', a, b] = t {
        let week = u32::try_from(number(&[*a, *b])?).ok()?;
        let start = ymd(y, 1, 1).and(NaiveDate::from_isoywd_opt(y, week, Weekday::Mon))?;
        return Some((start, start.checked_add_days(Days::new(6))?));
    }
    let name: String = t.iter().skip(1).collect();
    let i = PERIODS
        .iter()
        .position(|p| t.first() == Some(&'-') && *p == name)?;
    let (first, last) = (MONTHS[2 * i], MONTHS[2 * i + 1]);
    let end_year = y + i32::from(last > 12);
    Some((ymd(y, first, 1)?, month_end(end_year, (last - 1) % 12 + 1)?))
}

/// A date as Python's `datetime.date` accepts it (years 1 to 9999).
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).filter(|_| (1..=9999).contains(&y))
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y + i32::from(m == 12), m % 12 + 1, 1)?.pred_opt()
}

/// The value of a run of decimal digits of any script, as Python's `\d` and `int()` read it.
fn number(digits: &[char]) -> Option<i32> {
    let digit = |c: char| {
        let run = DIGIT_ZEROS
            .partition_point(|&z| z <= c as u32)
            .checked_sub(1)?;
        Some(c as u32 - DIGIT_ZEROS[run]).filter(|d| *d < 10)
    };
    digits
        .iter()
        .try_fold(0, |n, &c| Some(n * 10 + digit(c)? as i32))
}

/// Zeros of the Unicode decimal digit runs (Unicode 14, Python 3.11).
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Python's `round(x, 4)`: the exact binary value rounded half to even, read back.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// score.py's `prf`: precision, recall and F1 (an empty side counts as 1.0), rounded.
fn prf(tp: usize, n_sys: usize, n_gold: usize) -> Prf {
    let ratio = |n: usize| if n > 0 { tp as f64 / n as f64 } else { 1.0 };
    let (p, r) = (ratio(n_sys), ratio(n_gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (round4(p), round4(r), round4(f))
}

/// Python's `repr` of a float: the shortest round-trip digits, `.0` on whole numbers.
fn py_float(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        x.to_string()
    }
}

fn py_tuple((p, r, f): Prf) -> String {
    format!("({}, {}, {})", py_float(p), py_float(r), py_float(f))
}

static NULL: Value = Value::Null;

/// `m.get(key)`, `None` when absent.
fn get<'a>(m: &'a Object, key: &str) -> &'a Value {
    m.get(key).unwrap_or(&NULL)
}

/// The items of a list; none for anything else.
fn items(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn objects(v: Option<&Value>) -> impl Iterator<Item = &Object> {
    items(v).iter().filter_map(Value::as_object)
}

/// Python's truth value of an optional JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
    }
}

/// Python's `==` on JSON values, as far as numbers go (`1 == 1.0`).
fn py_eq(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// Python's `str()` of a JSON value.
fn py_str(v: &Value) -> String {
    v.as_str().map_or_else(|| py_repr(v), str::to_owned)
}

/// Python's `repr()` of a JSON value (objects approximated by their JSON).
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Number(n) if n.is_f64() => py_float(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => repr_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        _ => v.to_string(),
    }
}

/// Python's `repr()` of a string: single quotes unless it holds `'` and no `"`; backslash
/// escapes for the quote, `\\`, `\n`, `\r`, `\t` and unprintable characters.
fn repr_str(s: &str) -> String {
    let quote = ['\'', '"'][usize::from(s.contains('\'') && !s.contains('"'))];
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => out.extend(['\\', c]),
            c if printable(c) => out.push(c),
            c => out.push_str(&match u32::from(c) {
                n @ ..0x100 => format!("\\x{n:02x}"),
                n @ ..0x10000 => format!("\\u{n:04x}"),
                n => format!("\\U{n:08x}"),
            }),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for assigned characters of the Basic Multilingual Plane: not a
/// control, format or separator character (the space aside).
fn printable(c: char) -> bool {
    !(c.is_control()
        || matches!(c, '\u{a0}' | '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}'
            | '\u{70f}' | '\u{890}' | '\u{891}' | '\u{8e2}' | '\u{1680}' | '\u{180e}'
            | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{206f}'
            | '\u{3000}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(path: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn load(path: &str) -> Vec<Value> {
        let text = read(path);
        let lines = text.lines().filter(|l| !l.trim().is_empty());
        lines
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect()
    }

    fn fixture(errors: Option<&mut Vec<String>>) -> Report {
        let gold = load("tests/data/score/gold.jsonl");
        score(&gold, &load("tests/data/score/system.jsonl"), errors)
    }

    /// `expected*.txt` and `expected.json` are what `python3 shared/eval/score.py
    /// tests/data/score/gold.jsonl tests/data/score/system.jsonl [--errors|--json]` printed.
    #[test]
    fn prints_what_score_py_prints() {
        assert_eq!(
            format!("{}\n", fixture(None)),
            read("tests/data/score/expected.txt")
        );
    }

    #[test]
    fn error_lines_are_those_of_score_py() {
        let mut errors = Vec::new();
        let report = fixture(Some(&mut errors));
        let printed = format!("{}\n{report}\n", errors.join("\n"));
        assert_eq!(printed, read("tests/data/score/expected_errors.txt"));
    }

    #[test]
    fn serialises_like_score_py_json() {
        let expected: Value =
            serde_json::from_str(&read("tests/data/score/expected.json")).unwrap();
        assert_eq!(serde_json::to_value(fixture(None)).unwrap(), expected);
    }

    /// Gold scored against itself: what score.py prints for the same file given twice.
    #[test]
    fn gold_against_itself_is_perfect() {
        for (path, docs, events) in [
            ("tests/data/seeds_gold.jsonl", 2, 9),
            ("tests/data/dev.jsonl", 40, 203),
        ] {
            let gold = load(path);
            let mut errors = Vec::new();
            let report = score(&gold, &gold, Some(&mut errors));
            assert_eq!(errors, Vec::<String>::new(), "{path}");
            let expected = format!(
                "documents {docs}  missing 0\n\
                 timex  strict F1 1.0  relaxed F1 1.0  value P/R/F1 (1.0, 1.0, 1.0)  type acc 1.0  \
                 distractors tagged 0\n\
                 events P/R/F1 (1.0, 1.0, 1.0)  \
                 ({{'gold': {events}, 'sys': {events}, 'matched': {events}}})"
            );
            assert_eq!(format!("{report}"), expected, "{path}");
            let c = report.timex.counts;
            assert!(c.gold > 0 && [c.sys, c.strict, c.relaxed, c.value, c.type_ok] == [c.gold; 5]);
        }
    }

    #[test]
    fn empty_input_scores_like_score_py() {
        let report = score(&[], &[], None);
        let expected = "documents 0  missing 0\n\
            timex  strict F1 1.0  relaxed F1 1.0  value P/R/F1 (1.0, 1.0, 1.0)  type acc 0.0  \
            distractors tagged 0\n\
            events P/R/F1 (1.0, 1.0, 1.0)  ({'gold': 0, 'sys': 0, 'matched': 0})";
        assert_eq!(format!("{report}"), expected);
    }

    fn days(value: &str) -> Option<(String, String)> {
        interval(&json!(value)).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn intervals() {
        let cases = [
            ("2022", "2022-01-01", "2022-12-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2022-12", "2022-12-01", "2022-12-31"),
            ("2022-09-15", "2022-09-15", "2022-09-15"),
            ("2022-09-15T10:00", "2022-09-15", "2022-09-15"),
            ("2022-09T", "2022-09-01", "2022-09-30"),
            ("2022-09-00", "2022-09-01", "2022-09-30"),
            ("2022-00", "2022-01-01", "2022-12-31"),
            ("2022-W37", "2022-09-12", "2022-09-18"),
            ("2020-W53", "2020-12-28", "2021-01-03"),
            ("2022-Q4", "2022-10-01", "2022-12-31"),
            ("2022-SU", "2022-06-01", "2022-08-31"),
            ("2023-WI", "2023-12-01", "2024-02-29"),
            ("2022-H2", "2022-07-01", "2022-12-31"),
            ("199", "1990-01-01", "1999-12-31"),
            ("199X", "1990-01-01", "1999-12-31"),
            ("19", "1900-01-01", "1999-12-31"),
            ("٢٠١٤-٠٥", "2014-05-01", "2014-05-31"),
        ];
        for (value, first, last) in cases {
            assert_eq!(days(value), Some((first.into(), last.into())), "{value}");
        }
        // score.py raises ValueError on impossible dates; they are no interval here.
        for value in ["2022-13", "2022-02-30", "2022-W54", "0000", "00"] {
            assert_eq!(days(value), None, "{value}");
        }
        let not_dates = [
            "PAST_REF", "P3D", "1", "19X", "199XX", "20221", "2022-9", "2022-W1",
        ];
        for value in not_dates
            .into_iter()
            .chain(["2022-Q5", "2022-09-15\n", "2022-09-15Tx\n"])
        {
            assert_eq!(days(value), None, "{value:?}");
        }
        assert_eq!(interval(&json!(2022)), None);
    }

    #[test]
    fn within_needs_a_date_as_precise_as_gold() {
        assert!(within(&json!("2022-09-14"), &json!("2022-W37")));
        assert!(within(&json!("2022-W37"), &json!("2022-09")));
        assert!(!within(&json!("2022-09"), &json!("2022-W37")));
        assert!(!within(&Value::Null, &json!("2022")));
        assert!(within(&json!("PAST_REF"), &json!("PAST_REF")));
    }

    #[test]
    fn rounds_and_prints_like_python() {
        let cases = [
            (0.03125, "0.0312"),
            (0.09375, "0.0938"),
            (2.0 / 3.0, "0.6667"),
            (0.99995, "1.0"),
        ];
        for (x, printed) in cases {
            assert_eq!(py_float(round4(x)), printed);
        }
        assert_eq!(py_float(0.0), "0.0");
        assert_eq!(prf(0, 0, 3), (1.0, 0.0, 0.0));
        assert_eq!(prf(2, 3, 4), (0.6667, 0.5, 0.5714));
    }

    #[test]
    fn reprs_like_python() {
        assert_eq!(repr_str("عام 2014"), "'عام 2014'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(
            repr_str("'\"\\\n\u{200f}\u{1}"),
            "'\\'\"\\\\\\n\\u200f\\x01'"
        );
        let v = json!([null, true, 1, 1.5, 2.0, "x", ["y"]]);
        assert_eq!(py_repr(&v), "[None, True, 1, 1.5, 2.0, 'x', ['y']]");
        assert_eq!(py_str(&json!("x")), "x");
    }

    #[test]
    fn finds_code_point_spans() {
        assert_eq!(
            find_chars("عام 2014 و 2014", "2014"),
            [(4.0, 8.0), (11.0, 15.0)]
        );
        assert_eq!(find_chars("aaa", "aa"), [(0.0, 2.0)]);
        assert_eq!(find_chars("ab", ""), [(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]);
        assert_eq!(py_slice("عام 2014", (4.0, 8.0)), "2014");
        assert_eq!(py_slice("abc", (-2.0, 10.0)), "bc");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        let gold = [
            json!({"id": 1, "text": 5, "timexes": "ab", "events": null, "distractors": ["", 3]}),
            json!([1]),
            json!({"no id": true}),
            json!({"id": "b", "text": "abc", "timexes": [{"start": 0, "end": 2}], "events": [
                {"type": "visit", "actors": "RUS", "date": "2022"}, 7]}),
        ];
        let system = [
            json!({"id": 1, "timexes": [{"start": "a"}, 3], "events": [1, {"date": {"x": 1}}]}),
            json!({"id": "b", "timexes": {"start": 0}, "events": [
                {"kind": "call", "participants": [{"country": "R"}, "U", "S", 4],
                 "date": {"value": "2022-01"}},
                {"type": [], "actors": null}]}),
        ];
        let mut errors = Vec::new();
        let report = score(&gold, &system, Some(&mut errors));
        assert_eq!((report.documents, report.missing_documents.len()), (2, 0));
        assert_eq!((report.timex.counts.gold, report.timex.counts.sys), (1, 0));
        let c = report.event.counts;
        assert_eq!((c.gold, c.sys, c.matched), (1, 3, 1));
        let lines = [
            "MISSED b: None = None",
            "EVENT SPURIOUS 1: None None []",
            "EVENT SPURIOUS b: None None []",
        ];
        assert_eq!(errors, lines);
    }

    #[test]
    fn repeated_ids_keep_first_place_and_last_line() {
        let gold = [
            json!({"id": "a", "text": "", "timexes": []}),
            json!({"id": "z"}),
            json!({"id": "a"}),
        ];
        let report = score(&gold, &[json!({"id": "a"})], None);
        assert_eq!(report.missing_documents, [json!("z")]);
        assert_eq!(report.documents, 2);
    }
}
