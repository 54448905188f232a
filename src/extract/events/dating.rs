//! Which date governs a trigger: its own clause, then its sentence. What an event with none
//! borrows from another happening is in [`lending`](super::lending). Never the article's own
//! date.

use chrono::NaiveDate;

use super::layout::*;
use super::{Event, EventDate, EventKind, Precision};
use crate::extract::grammar::Cursor;
use crate::extract::lexicon::events::{Form, TRIGGERS};
use crate::extract::lexicon::{
    Lex, is_appointment_word, is_clause_opener, is_end_word, is_relative_word, is_setting_word,
    is_start_word, is_times_word,
};
use crate::extract::resolve::span;
use crate::extract::token::Kind;
use crate::extract::{Timex, TimexType};

/// A date expression with its token range.
pub(super) struct Dated<'a> {
    pub(super) timex: &'a Timex,
    pub(super) first: usize,
    pub(super) last: usize,
}

pub(super) fn is_definite(g: &Cursor, i: usize) -> bool {
    // Verbs such as التقى start with the same two letters as the article.
    let noun = match g.lex(i) {
        Some(Lex::Trigger(n)) => TRIGGERS[usize::from(n)].2 == Form::Noun,
        _ => true,
    };
    let t = &g.t[i];
    noun && t.text(g.n).chars().skip(t.clitic).take(2).eq("ال".chars())
}

/// An event date and the original span of the expression it came from.
pub(super) type Governing = (EventDate, (usize, usize));

pub(super) fn governing_of(e: &Event) -> Option<Governing> {
    Some((e.date.clone()?, (e.date_start?, e.date_end?)))
}

/// The head word of a trigger, folded and without its article: what a later definite
/// word repeats ("العرض" after "عرض عسكري").
pub(super) fn head_of(g: &Cursor, i: usize) -> String {
    let t = &g.t[i];
    let text = t.text(g.n);
    let at = text
        .char_indices()
        .nth(t.clitic)
        .map_or(text.len(), |(b, _)| b);
    let first = text[at..].split(' ').next().unwrap_or("");
    first.strip_prefix("ال").unwrap_or(first).to_owned()
}

/// DATE and TIME expressions with a calendar interval date events; "حتى 2030" and "منذ 2014"
/// bound a period instead and never do.
pub(super) fn dates_events(g: &Cursor, t: &Timex, first: usize) -> bool {
    let bound = first.checked_sub(1).is_some_and(|k| {
        matches!(g.t[k].kind, Kind::Word) && ["حتي", "منذ"].contains(&g.t[k].text(g.n))
    });
    matches!(t.kind, TimexType::Date | TimexType::Time) && span(&t.value).is_some() && !bound
}

/// A definite trigger that refers back to an event already found ("الزيارة" after
/// "زيارة دولة", "الاتفاق" after "وقعت ... عقدا", "خلال اللقاء" after "قمة عبر الفيديو"): the
/// index of that event. A word of the same kind refers back unless its own clause dates it
/// elsewhere ("المحادثات الرسمية غدا" after "لقاء ... اليوم" is a second meeting; "زيارة
/// الدولة التي قام بها ... في مارس" is an earlier visit); the generic meeting words (لقاء,
/// اجتماع, محادثات) also refer back to a call.
pub(super) fn anaphor_of(
    g: &Cursor,
    i: usize,
    kind: EventKind,
    own: Option<&(Governing, Reach)>,
    events: &[Event],
    heads: &[String],
) -> Option<usize> {
    if !is_definite(g, i) {
        return None;
    }
    // A visit is a trip and a summit a gathering: "الاجتماع" during either is a second event.
    let refers_to =
        |e: &Event| e.kind == kind || (kind == EventKind::Meeting && e.kind == EventKind::Call);
    // The same word first ("المحادثات" after "محادثات موسعة", not the dinner of the day before).
    let here = head_of(g, i);
    let from = events.len().saturating_sub(REACH);
    let same_word = (from..events.len())
        .rev()
        .find(|&n| refers_to(&events[n]) && heads[n] == here);
    let prior = same_word.or_else(|| last_recent(events, refers_to))?;
    let e = &events[prior];
    // "معطيات ذلك اللقاء": a demonstrative points back whatever its clause dates.
    let pointed = i > 0 && word_in(g, i - 1, &["ذلك", "تلك", "هذا", "هذه", "هذين", "هاتين"]);
    let dated_elsewhere = !pointed
        && match (own, &e.date) {
            (Some(((d, _), Reach::Near | Reach::Clause)), Some(p)) => {
                d.latest < p.earliest || p.latest < d.earliest
            }
            _ => false,
        };
    (!dated_elsewhere).then_some(prior)
}

/// A meeting word that counts contacts ("هو لقاؤهما الثاني هذا العام", "هذا هو اللقاء
/// الثالث") speaks of the happening already told, and a verb with a count ("التقى الرئيسان
/// ثلاث مرات هذا العام", "تحادثا مرتين") sums several up: neither is a happening of its own.
pub(super) fn counts_contacts(g: &Cursor, l: &Layout, i: usize, kind: EventKind) -> bool {
    let clause = l.clause_of(i);
    let ordinal_next =
        i + 1 < clause.end && matches!(g.lex(i + 1), Some(Lex::Ordinal(n)) if n < 99);
    // "ثاني اتصال هاتفي بين الرئيسين": an ordinal before it; "أول زيارة" may be news itself.
    let ordinal_before = i > clause.start && is_times_word(g.t[i - 1].text(g.n));
    let times = (i + 1..(i + 5).min(clause.end)).any(|k| is_times_word(g.t[k].text(g.n)));
    // "وتعد المرة الثالثة التي يلتقي فيها الرئيسان": the how-many-th time (the first time
    // may be the news itself).
    let nth_time = (i.saturating_sub(4).max(clause.start)..i).any(|k| {
        word_in(g, k, &["المره", "للمره"])
            && matches!(g.lex(k + 1), Some(Lex::Ordinal(n)) if (2..99).contains(&n))
    });
    (kind == EventKind::Meeting && ordinal_next)
        || (kind.is_contact() && (times || ordinal_before || nth_time))
}

/// How a trigger's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// In its own clause, within a few words: "زيارة ... يوم الأربعاء".
    Near,
    /// In its own clause, further away.
    Clause,
    /// Elsewhere in its sentence.
    Sentence,
}

/// How many tokens apart a date and a trigger are still "near".
const NEAR: usize = 4;

/// How far a date may stand after its trigger across short comma-set phrases (the
/// agencies' "التقى شي، بنظيره بوتين، في بكين، الخميس"): up to four clauses on within this
/// many tokens.
const APPOSED: usize = 14;

/// The governing date: same clause first (nearest), then the nearest before it in the
/// sentence, then the nearest after it in a clause without a trigger of its own. For what is
/// still `to_come`, a date before the أن that reports it dates the report ("وذكر بيان، اليوم
/// السبت، أن لافروف سيجري مباحثات"), and the search goes on after the trigger ("سيجريان
/// محادثات، في الأول من أبريل").
///
/// In its clause, a date belongs to the nearest trigger before it: a date after another
/// trigger ("زيارة بوتين ردا على حضور شي العرض العسكري ... في 9 أيار") dates that one, and so
/// does a date before this trigger that follows another ("يلتقيا الأسبوع المقبل في قمة ...
/// يومي 13 و14"). A date inside a منذ phrase ("منذ توليه الرئاسة عام 2013") dates nothing
/// outside it.
pub(super) fn date_for(
    g: &Cursor,
    l: &Layout,
    dated: &[Dated],
    triggers: &[usize],
    i: usize,
    to_come: bool,
) -> Option<(Governing, Reach)> {
    let range = l.sentence_of(i);
    let lo = dated.partition_point(|d| d.first < range.start);
    let hi = dated.partition_point(|d| d.first < range.end);
    let here = &dated[lo..hi];
    let dist = |d: &Dated| {
        if d.first > i {
            d.first - i
        } else {
            i - d.last + 1
        }
    };
    // A trigger that only frames this one ("التقيا في حفل افتتاح ... في فبراير") lets its
    // date through.
    let since_between = |a: usize, b: usize| {
        (a + 1..b).any(|k| g.t[k].kind == Kind::Word && g.t[k].text(g.n) == "منذ")
    };
    // "التي تنتهي غدا الجمعة": the last day of a happening does not date it.
    let ends = |d: &Dated| {
        (d.first.saturating_sub(2)..d.first)
            .any(|k| g.t[k].kind == Kind::Word && is_end_word(g.t[k].text(g.n)))
    };
    let mine = |d: &&Dated| {
        if ends(d) {
            false
        } else if d.first > i {
            !trigger_in(g, triggers, i + 1..d.first)
                && !since_between(i, d.first)
                && !opener_between(g, i, d.first)
                && !framed_relative(g, triggers, i, d.first)
        } else {
            let clause_start = l.clauses[l.clause[i]].start;
            let reported = to_come && reported_after(g, d.timex.start, d.timex.end, i);
            !(trigger_in(g, triggers, clause_start..d.first)
                || reported
                || appointment_between(g, d.last, i))
        }
    };
    // "أعلن بوتين الأربعاء أنه اتفق ... على حضوره قمة ... في تشرين الأول": a date before the
    // أن is the report's; one after the trigger in its clause is its own.
    let reported = |d: &&Dated| d.first < i && reported_after(g, d.timex.start, d.timex.end, i);
    let in_own_clause = || {
        here.iter()
            .filter(|d| l.clause[d.first] == l.clause[i])
            .filter(mine)
    };
    let after_own = in_own_clause().any(|d| d.first > i);
    let in_clause = in_own_clause()
        .filter(|d| !(after_own && reported(d)))
        .min_by_key(|d| (dist(d), d.first < i));
    let before = || {
        here.iter()
            .filter(|d| d.last <= i)
            .max_by_key(|d| d.last)
            .filter(|d| !(to_come && reported_after(g, d.timex.start, d.timex.end, i)))
            .filter(|d| !appointment_between(g, d.last, i))
    };
    // A trigger word that fires ("، خلال اجتماع في موسكو أمس" set in the talks just told fires
    // none).
    let clause_has_trigger = |at: usize| {
        let clause = l.clause_of(at);
        triggers_within(triggers, clause).next().is_some()
    };
    let after = || {
        here.iter().find(|d| {
            // Two clauses on at most, and none of them a new predication: "، حيث أكد ...، في
            // إشارة إلى ... الأسبوع الماضي" is about something else.
            d.first > i
                && (l.clause[d.first] <= l.clause[i] + 2
                    || (d.first - i <= APPOSED && l.clause[d.first] <= l.clause[i] + 4))
                && !(l.clause[i] + 1..=l.clause[d.first]).any(|c| opens_predication(g, l, c))
                && !clause_has_trigger(d.first)
                && !since_between(i, d.first)
                && !opener_between(g, i, d.first)
        })
    };
    // The start verb of a summit framing this trigger starts the summit, not it.
    let start = started_on(g, l, here, i)
        .filter(|d| triggers_within(triggers, i + 1..d.first).next().is_none());
    let (d, reach) = match start.or(in_clause) {
        Some(d) if dist(d) <= NEAR => (d, Reach::Near),
        Some(d) => (d, Reach::Clause),
        // A decade or century in another clause ("في التسعينيات، لكن المفاوضات ...") dates no
        // single happening.
        None => (
            before()
                .or_else(after)
                .filter(|d| event_date(d.timex).is_some_and(|e| e.precision < Precision::Decade))?,
            Reach::Sentence,
        ),
    };
    Some(((event_date(d.timex)?, (d.timex.start, d.timex.end)), reach))
}

pub(super) fn event_date(t: &Timex) -> Option<EventDate> {
    let value = t.value.split('T').next()?.to_owned();
    let (earliest, latest) = span(&value)?;
    Some(EventDate {
        precision: precision(&value, earliest, latest),
        value,
        earliest,
        latest,
    })
}

pub(super) fn precision(value: &str, a: NaiveDate, b: NaiveDate) -> Precision {
    let days = (b - a).num_days();
    match value {
        v if v.contains("-W") => Precision::Week,
        v if v.ends_with("SP") || v.ends_with("SU") || v.ends_with("FA") || v.ends_with("WI") => {
            Precision::Season
        }
        v if v.contains("-Q") || v.contains("-H") => Precision::Quarter,
        _ if days == 0 => Precision::Day,
        _ if days <= 31 => Precision::Month,
        _ if days <= 366 => Precision::Year,
        _ if days <= 3660 => Precision::Decade,
        _ => Precision::Century,
    }
}

/// The trigger positions of `triggers` (in order) that stand in `within`.
pub(super) fn triggers_within(
    triggers: &[usize],
    within: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + '_ {
    let from = triggers.partition_point(|&k| k < within.start);
    triggers[from..]
        .iter()
        .copied()
        .take_while(move |&k| k < within.end)
}

/// Whether a trigger other than a setting ("في حفل", "خلال قمة") stands in `within`: what
/// comes after it is that trigger's. `triggers` are the trigger positions, in order.
pub(super) fn trigger_in(g: &Cursor, triggers: &[usize], within: std::ops::Range<usize>) -> bool {
    triggers_within(triggers, within).any(|k| !is_setting(g, k))
}

/// A setting trigger between `i` and the date at `date`, and a relative pronoun after it:
/// "محادثات على هامش اجتماع ... الذي سيعقد بعد غد" dates the frame, not the talks.
fn framed_relative(g: &Cursor, triggers: &[usize], i: usize, date: usize) -> bool {
    triggers_within(triggers, i + 1..date)
        .filter(|&k| is_setting(g, k))
        .any(|k| {
            (k + 1..date).any(|j| g.t[j].kind == Kind::Word && is_relative_word(g.t[j].text(g.n)))
        })
}

/// True when the date at original offsets `start..end` stands before trigger `i` with the
/// complementizer أن (إن) between them: the date belongs to the verb that reports.
pub(super) fn reported_after(g: &Cursor, start: usize, end: usize, i: usize) -> bool {
    let Some((_, last)) = token_range(g, start, end) else {
        return false;
    };
    let word = |k: usize, w: &[&str]| word_in(g, k, w);
    // "قبل أن يشارك": a conjunction of time, not a report.
    let of_time = |k: usize| k > 0 && word(k - 1, &["قبل", "بعد", "منذ", "حتي", "الي"]);
    last <= i && (last..i).any(|k| word(k, &["ان", "انه", "انها", "بان", "بانه"]) && !of_time(k))
}

/// True when the trigger at `k` is introduced as the setting of another ("في حفل", "على هامش
/// القمة").
pub(super) fn is_setting(g: &Cursor, k: usize) -> bool {
    k > 0 && is_setting_word(g.t[k - 1].text(g.n))
}

/// "وكان ... قد التقى": the pluperfect tells of an earlier happening, which continues nothing
/// the text just dated.
pub(super) fn is_pluperfect(g: &Cursor, l: &Layout, i: usize) -> bool {
    let word = |k: usize, w: &[&str]| word_in(g, k, w);
    let clause = l.clause_of(i);
    let qad = (i.saturating_sub(3).max(clause.start)..i).any(|k| word(k, &["قد"]));
    let kana =
        (clause.start..i).any(|k| word(k, &["كان", "وكان", "كانت", "وكانت", "كانا", "وكانا"]));
    qad && kana
}

/// True for the word or dash that joins the two ends of a range or list: إلى, حتى, و, -.
pub(super) fn is_range_link(g: &Cursor, k: usize) -> bool {
    let t = &g.t[k];
    match t.kind {
        Kind::Punct => "-–—".contains(t.punct),
        Kind::Word => ["الي", "حتي", "و"].contains(&t.text(g.n)),
        _ => false,
    }
}

/// The date right after a verb that starts or holds the happening, in its clause ("زيارة ...
/// بدأها الأحد الماضي", "مناورات ... التي تنطلق الشهر المقبل").
fn started_on<'a, 'b>(
    g: &Cursor,
    l: &Layout,
    dated: &'a [Dated<'b>],
    i: usize,
) -> Option<&'a Dated<'b>> {
    let clause = l.clause_of(i);
    dated.iter().find(|d| {
        d.first > i
            && d.first < clause.end
            && l.clause[d.first] == l.clause[i]
            && (d.first.saturating_sub(2).max(i + 1)..d.first)
                .any(|k| g.t[k].kind == Kind::Word && is_start_word(g.t[k].text(g.n)))
    })
}

/// True when `a` is a date strictly coarser than `b` that holds it.
pub(super) fn coarser(a: Option<&EventDate>, b: Option<&EventDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.earliest <= b.earliest
                && b.latest <= a.latest
                && (a.latest - a.earliest) > (b.latest - b.earliest)
        }
        _ => false,
    }
}

/// True when the trigger at `k` is what a visit went for: "للمشاركة في منتدى", "لحضور القمة".
pub(super) fn is_purpose(g: &Cursor, k: usize) -> bool {
    let word = |j: usize| {
        let w = g.t[j].text(g.n);
        g.t[j].kind == Kind::Word
            && ["للمشاركه", "والمشاركه", "المشاركه", "لحضور", "وحضور"].contains(&w)
    };
    (k.saturating_sub(2)..k).any(word)
}

/// True when a noun of fixing a date ("موعدا") stands between tokens `a` and `b`: a date before
/// it dates the fixing.
fn appointment_between(g: &Cursor, a: usize, b: usize) -> bool {
    (a..b).any(|k| g.t[k].kind == Kind::Word && is_appointment_word(g.t[k].text(g.n)))
}

/// True when a word that opens a new predication stands between tokens `a` and `b`, commas or
/// not: in "حدد بوتين موعدا لزيارة الصين مؤكدا تقارير أوردتها وسائل إعلام الشهر الماضي" the
/// month dates the reports, not the visit.
fn opener_between(g: &Cursor, a: usize, b: usize) -> bool {
    (a + 1..b).any(|k| g.t[k].kind == Kind::Word && is_clause_opener(g.t[k].text(g.n)))
}

/// True when clause `c` opens with a word that starts a new predication (حيث, فيما, بينما,
/// مؤكدا, في إشارة).
pub(super) fn opens_predication(g: &Cursor, l: &Layout, c: usize) -> bool {
    let r = l.clauses[c].clone();
    r.take(2)
        .any(|k| g.t[k].kind == Kind::Word && is_clause_opener(g.t[k].text(g.n)))
}
