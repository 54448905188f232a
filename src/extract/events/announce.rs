//! Announcements that are themselves the news: "أعلنت وزارة التربية، مساء الثلاثاء، عن
//! روزنامة الامتحانات", "قرر مجلس الوزراء، اليوم الثلاثاء، منح عطلة رسمية". An exam calendar, a
//! holiday or a cabinet decision is what the article reports; a timeline of a ministry's or
//! a government's statements shows it on the day it was made.
//!
//! An announcement is an event only when
//! - nothing else in its sentence is a happening the finder knows: "أعلن الكرملين أن بوتين
//!   سيزور الصين" only introduces the visit;
//! - what it announces is a schedule or a decision: it holds a date of its own or names a
//!   calendar, a holiday, a postponement ("أن العلاقات في أفضل حالاتها" is a view, no news);
//! - the announcement itself is dated: a date between the verb and what it announces (أن، عن),
//!   or before the verb in its clause. A date inside what is announced ("أن العودة المدرسية
//!   ستكون يوم 15 سبتمبر") is that content's, never the statement's.
//!
//! Its side is the one announcing, named before what it announces; a ministry the text does
//! not tie to a state leaves the statement without a country rather than guessing one.

use super::Participant;
use super::dating::{Dated, Governing, event_date};
use super::layout::*;
use super::participants::participant;
use super::sources::is_source;
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::{is_announced_word, is_schedule_noun};
use crate::extract::token::Kind;

/// What an announcement at token `i` is, when it is one: its date with the date's original
/// span, and the side announcing. `triggers` are the other triggers' tokens.
pub(super) fn announcement(
    g: &Cursor,
    l: &Layout,
    dated: &[Dated],
    triggers: &[usize],
    i: usize,
) -> Option<(Governing, Vec<Participant>)> {
    let sentence = l.sentence_of(i);
    if triggers.iter().any(|k| sentence.contains(k)) {
        return None;
    }
    // What is announced starts at the first أن / عن after the verb ("قرر ...، اليوم الاثنين،
    // تعطيل الدوام": without one, after the announcement's own date).
    let complement = (i + 1..sentence.end).find(|&k| opens_content(g, k));
    let clause_start = l.clauses[l.clause[i]].start;
    // Without أن / عن, only a date set apart by commas is the announcement's: in "قرر تعطيل
    // الدوام يوم الخميس" the day is what was decided.
    let set_apart = |d: &Dated| {
        l.clauses[l.clause[d.first]]
            .clone()
            .all(|k| (d.first..d.last).contains(&k) || g.t[k].kind == Kind::Punct)
    };
    let date = dated
        .iter()
        .filter(|d| match complement {
            Some(c) => (d.first > i && d.last <= c) || (d.last <= i && d.first >= clause_start),
            None => d.first > i && set_apart(d),
        })
        .min_by_key(|d| if d.first > i { d.first - i } else { i - d.last })?;
    let content = complement.unwrap_or(date.last);
    // "أن العلاقات في أفضل حالاتها" is a view, not news people act on: what is announced
    // holds a date ("أن يوم الخميس المقبل عطلة") or names a schedule ("عن روزنامة الامتحانات").
    let dates_content = dated
        .iter()
        .any(|d| d.first >= content && d.first < sentence.end);
    let schedule = (content..sentence.end.min(content + 6)).any(|k| {
        let t = &g.t[k];
        let w = t.text(g.n);
        // With a preposition or conjunction fused on: "بموعد", "وروزنامة", "للامتحانات".
        let bare = w
            .strip_prefix("لل")
            .map(|r| format!("ال{r}"))
            .or_else(|| w.strip_prefix(['و', 'ف', 'ب', 'ل']).map(str::to_owned));
        t.kind == Kind::Word
            && (is_schedule_noun(w) || bare.as_deref().is_some_and(is_schedule_noun))
    });
    if !dates_content && !schedule {
        return None;
    }
    let on = event_date(date.timex)?;
    let mut sides: Vec<Participant> = Vec::new();
    for k in l.names_in(sentence.start.max(clause_start)..content) {
        let Some(lex) = g.lex(k) else { continue };
        if is_source(g, k) {
            continue;
        }
        if let Some((p, _)) = participant(lex) {
            if !sides.iter().any(|s| s.country == p.country) {
                sides.push(p.clone());
            }
        }
    }
    Some(((on, (date.timex.start, date.timex.end)), sides))
}

/// True when token `k` starts what is announced (أن, بأن, عن).
fn opens_content(g: &Cursor, k: usize) -> bool {
    let t = &g.t[k];
    t.kind == Kind::Word && is_announced_word(t.text(g.n))
}
