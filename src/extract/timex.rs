//! Finds temporal expressions in Arabic text and resolves them to TimeML TIMEX3 values.
//!
//! The text is normalised ([`normalize`](super::normalize)), split into tokens whose words are
//! looked up in the [`lexicon`](super::lexicon) with their clitics stripped
//! ([`token`](super::token)), and the rules below are tried at every token; the longest match
//! wins. Each match is then resolved ([`resolve`](super::resolve)) against the document date,
//! the last date the text gave, the mode, and the tense of its sentence.
//!
//! # Grammar
//! The rules and their patterns are written out in [`grammar`](super::grammar).
//!
//! # Tense
//! The direction of a date without a year or of a bare weekday comes from the nearest marker
//! before it in its sentence: a future marker (سوف, المقرر, المتوقع, سـ + imperfect verb,
//! imperfect verbs of travel and meeting such as يصل, يزور) or a past verb (التقى, عقد, كان).
//! With neither, news is read as past narration.
//!
//! ```
//! use tarikh::extract::{extract_timexes, Dct, Mode};
//! let dct = Dct::parse("2018-06-12").unwrap();
//! let t = extract_timexes("والاجتماع إلى الرئيس الصيني، الجمعة الماضية", Some(dct), Mode::News);
//! assert_eq!((t[0].text.as_str(), t[0].value.as_str()), ("الجمعة الماضية", "2018-06-08"));
//! ```

use chrono::NaiveDate;

use super::grammar::tense::Tense;
use super::grammar::{Cursor, Found, RULES, Rule, with_clock};
use super::lexicon::schedule::is_since;
use super::lexicon::{Lex, Unit};
use super::normalize::normalize;
use super::resolve::{Ctx, Expr, resolve, span};
use super::token::{Kind, tokenize};
use super::{Dct, Mode, Timex, TimexType};

/// Finds and resolves every temporal expression in `text`.
///
/// Offsets are Unicode code points into `text`, end exclusive. With no document date,
/// relative values stay underspecified (`XXXX-02`).
pub fn extract_timexes(text: &str, dct: Option<Dct>, mode: Mode) -> Vec<Timex> {
    let n = normalize(text);
    let toks = tokenize(&n);
    let g = Cursor::new(&n, &toks);
    timexes_in(text, &g, dct, mode)
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// The expressions of an analysed text, each with its token range.
pub(crate) fn timexes_in(
    text: &str,
    g: &Cursor,
    dct: Option<Dct>,
    mode: Mode,
) -> Vec<(Timex, (usize, usize))> {
    let found = find_all(g);
    let mut ctx = Ctx {
        dct: dct.map(|d| d.date),
        anchor: None,
        mode,
        future: false,
        present: false,
        lean_ahead: false,
        day_anchor: None,
    };
    let mut out = Vec::with_capacity(found.len());
    let mut sentence_of_day_anchor = usize::MAX;
    // A day given as a heading ("يوم الجمعة 27 ديسمبر" on a line of its own) dates the clock
    // times of the lines under it, until another day is given.
    let mut heading_day = None;
    // The last day an expression gave, and the token after it: a clock time in a sentence
    // that names no day is on that day when it was given a few sentences before ("التقى
    // الرئيسان أمس الخميس. وبدأت المحادثات في الساعة العاشرة").
    let mut recent_day: Option<(NaiveDate, usize)> = None;
    // The day the expression just before gave, and the token after it.
    let mut range_start: Option<(NaiveDate, usize)> = None;
    for (idx, f) in found.iter().enumerate() {
        let sentence = g.sentence_start(f.first);
        if sentence != sentence_of_day_anchor {
            ctx.day_anchor = recent_day
                .filter(|&(day, at)| {
                    f.first.saturating_sub(at) <= RECENT_DAY_TOKENS && near_dct(day, ctx.dct)
                })
                .map(|(day, _)| day)
                .or(heading_day.filter(|&day| near_dct(day, ctx.dct)));
        }
        let tense = g.tense(f.first, f.last, sentence);
        ctx.future = matches!(tense, Tense::Future | Tense::Present);
        ctx.present = tense == Tense::Present;
        ctx.lean_ahead = matches!(tense, Tense::Reported | Tense::Unmarked) && !after_since(g, f);
        let r = match found.get(idx + 1).filter(|_| f.rule == Rule::RangeDays) {
            Some(partner) => resolve(
                &with_partner_year(&f.expr, &resolve(&partner.expr, &ctx).value),
                &ctx,
            ),
            // "من 22 مارس 2012 إلى 01 أفريل": a range's second end without a year is the
            // next such day after the first end.
            None if range_end_after(g, f, range_start) => resolve(
                &f.expr,
                &Ctx {
                    dct: range_start.map(|(day, _)| day),
                    anchor: range_start.map(|(day, _)| day),
                    future: true,
                    present: false,
                    lean_ahead: false,
                    ..ctx
                },
            ),
            None => match day_named_after(g, &found, idx, &ctx) {
                Some(day) => resolve(
                    &f.expr,
                    &Ctx {
                        anchor: Some(day),
                        ..ctx
                    },
                ),
                None => resolve(&f.expr, &ctx),
            },
        };
        let interval = span(&r.value);
        range_start = interval
            .filter(|(a, b)| a == b && r.kind == TimexType::Date)
            .map(|(a, _)| (a, f.last));
        if let (Some((a, b)), TimexType::Date | TimexType::Time) = (interval, r.kind) {
            if r.kind == TimexType::Date {
                ctx.anchor = Some(a);
            }
            if a == b {
                ctx.day_anchor = Some(a);
                if r.kind == TimexType::Date {
                    recent_day = Some((a, f.last));
                }
                sentence_of_day_anchor = sentence;
                heading_day = is_heading(g, f, sentence).then_some(a);
            }
        }
        out.push((
            to_timex(text, g, f, r.kind, r.value, interval),
            (f.first, f.last),
        ));
    }
    out
}

/// `f` is a day and month without a year right after a connector (إلى, حتى, a dash) that
/// follows the day `start` gave.
fn range_end_after(g: &Cursor, f: &Found, start: Option<(NaiveDate, usize)>) -> bool {
    let yearless = matches!(
        f.expr,
        Expr::Date {
            year: None,
            month: Some(_),
            day: Some(_),
            shift: None,
        }
    );
    yearless && start.is_some_and(|(_, end)| end + 1 == f.first && g.connector(end))
}

/// The expression stands in a clause opened by منذ ("منذ أن أرسلت موسكو قواتها ... في 24
/// فبراير"): it lies in the past, and a yearless day and month does not lean ahead.
fn after_since(g: &Cursor, f: &Found) -> bool {
    let start = g
        .sentence_start(f.first)
        .max(f.first.saturating_sub(SINCE_WINDOW));
    (start..f.first)
        .rev()
        .take_while(|&k| !g.punct(k, ","))
        .any(|k| g.t[k].kind == Kind::Word && is_since(g.text(k)))
}

/// How far back (in tokens) منذ may stand from the expression it puts in the past.
const SINCE_WINDOW: usize = 20;

/// A day of the news around the document date (within [`RECENT_DAY_SPAN`] days), not a
/// day of history ("9 مايو 1945"); any day when there is no document date.
fn near_dct(day: NaiveDate, dct: Option<NaiveDate>) -> bool {
    dct.is_none_or(|d| (day - d).num_days().abs() <= RECENT_DAY_SPAN)
}

/// How many days from the document date a day of the news may lie.
const RECENT_DAY_SPAN: i64 = 62;

/// How far back (in tokens) the day a clock time takes from an earlier sentence may lie.
const RECENT_DAY_TOKENS: usize = 80;

/// How many tokens a heading may hold before its date, and after it before the line ends.
const HEADING_BEFORE: usize = 6;
const HEADING_AFTER: usize = 3;

/// The expression stands at the head of a short line ("برنامج يوم الجمعة 27 ديسمبر:"): few
/// tokens before it in its sentence, and the line ends (or a colon opens a list) right after.
fn is_heading(g: &Cursor, f: &Found, sentence: usize) -> bool {
    f.first - sentence <= HEADING_BEFORE
        && (f.last..f.last + HEADING_AFTER)
            .take_while(|&k| k < g.t.len())
            .any(|k| g.sentence_end(k) || g.text(k) == ":")
}

/// Runs the rules left to right; the longest match at a token wins.
fn find_all(g: &Cursor) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < g.t.len() {
        let t = &g.t[i];
        if t.kind != Kind::Number && t.lex.is_none_or(Lex::is_event_word) {
            debug_assert!(RULES.iter().all(|rule| rule(g, i).is_none()));
            i += 1;
            continue;
        }
        let best = RULES.iter().filter_map(|rule| rule(g, i)).fold(
            None::<(usize, Vec<Found>)>,
            |best, hit| match best {
                Some(b) if b.0 >= hit.0 => Some(b),
                _ => Some(hit),
            },
        );
        match best.map(|hit| with_clock(g, hit)) {
            Some((end, pieces)) => {
                out.extend(pieces);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// "اليوم التالي لإطلاق العملية في 24 فيفري": a day counted from a happening named right after
/// it (the word after starts with the preposition ل) counts from that happening's day, when the
/// same sentence gives the day within [`NAMED_AFTER_REACH`] tokens. Without the ل ("في اليوم
/// التالي، وصل ...") it counts from the last date given.
fn day_named_after(g: &Cursor, found: &[Found], idx: usize, ctx: &Ctx) -> Option<NaiveDate> {
    let f = &found[idx];
    if !matches!(
        f.expr,
        Expr::FromLast {
            unit: Unit::Day,
            ..
        }
    ) {
        return None;
    }
    g.t.get(f.last).filter(|t| t.kind == Kind::Word)?;
    let text = g.text(f.last);
    if !text.starts_with('ل') || text.chars().count() < 4 {
        return None;
    }
    let partner = found.get(idx + 1).filter(|p| {
        p.first - f.last <= NAMED_AFTER_REACH
            && g.sentence_start(p.first) == g.sentence_start(f.first)
    })?;
    let (a, b) = span(&resolve(&partner.expr, ctx).value)?;
    (a == b).then_some(a)
}

/// How far after "اليوم التالي ل…" the happening's day may be given, in tokens.
const NAMED_AFTER_REACH: usize = 10;

/// The bare first day of a range takes the year its partner resolved to.
fn with_partner_year(expr: &Expr, partner_value: &str) -> Expr {
    match (expr, partner_value.get(..4).and_then(|y| y.parse().ok())) {
        (
            Expr::Date {
                year: None,
                month,
                day,
                shift,
            },
            Some(y),
        ) => Expr::Date {
            year: Some(y),
            month: *month,
            day: *day,
            shift: *shift,
        },
        _ => expr.clone(),
    }
}

fn to_timex(
    text: &str,
    g: &Cursor,
    f: &Found,
    kind: TimexType,
    value: String,
    interval: Option<(NaiveDate, NaiveDate)>,
) -> Timex {
    let first = &g.t[f.first];
    let last = &g.t[f.last - 1];
    let (start, end) =
        g.n.original_span(first.chars.0 + first.clitic, last.chars.1);
    let surface = g.n.original_slice(text, start, end).to_owned();
    let dated = matches!(kind, TimexType::Date | TimexType::Time);
    let local = weekday_conflict(f, interval);
    Timex {
        text: surface,
        start,
        end,
        kind,
        value,
        modifier: f.modifier,
        earliest: interval.filter(|_| dated).map(|i| i.0),
        latest: interval.filter(|_| dated).map(|i| i.1),
        conflict: local.as_ref().map(|_| "weekday".to_owned()),
        local_value: local.flatten(),
        freq: match f.expr {
            Expr::Set { freq: Some(n), .. } => Some(format!("{n}X")),
            _ => None,
        },
        rule: f.rule.name(),
    }
}

/// How far a weekday's own day may lie from the date it was written with and still be read as
/// the same day (a Hijri month sighted a day or two off Umm al-Qura).
const LOCAL_READING_DAYS: i64 = 2;

/// A weekday written with a date it is not the weekday of: `Some(local reading)`, where the
/// reading is the day of that weekday within [`LOCAL_READING_DAYS`], if there is one.
fn weekday_conflict(f: &Found, interval: Option<(NaiveDate, NaiveDate)>) -> Option<Option<String>> {
    use chrono::Datelike;
    let wd = f.weekday?;
    let (a, b) = interval?;
    if a != b || a.weekday().number_from_monday() == u32::from(wd) {
        return None;
    }
    let local = (-LOCAL_READING_DAYS..=LOCAL_READING_DAYS)
        .filter_map(|d| a.checked_add_signed(chrono::Duration::days(d)))
        .filter(|d| d.weekday().number_from_monday() == u32::from(wd))
        .min_by_key(|d| (*d - a).num_days().abs())
        .map(super::resolve::day_value);
    Some(local)
}
