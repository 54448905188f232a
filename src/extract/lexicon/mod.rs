//! Every word list the tagger knows: months of all calendars and regions, weekdays, number
//! words, units, relative words and the markers that set a sentence's tense; event words in
//! [`events`] and the gazetteer of states, places, people and organisations in [`gazetteer`].
//!
//! Entries are written in ordinary Arabic spelling and folded with
//! [`normalize::fold`](super::normalize::fold) when the tables are built, so a table never has to
//! list أبريل, ابريل and إبريل separately. Multi-word entries ("كانون الثاني", "بعد غد") are
//! matched token by token.
//!
//! ```
//! use tarikh::extract::lexicon::{lookup, Lex};
//! assert_eq!(lookup("شباط"), Some(Lex::Month { n: 2, ambiguous: true }));
//! assert_eq!(lookup("أيلول"), Some(Lex::Month { n: 9, ambiguous: false }));
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::TimexMod;
use super::normalize::fold;

pub mod amounts;
mod calendar_words;
mod event_sets;
pub mod events;
pub mod gazetteer;
pub mod schedule;
mod words;

use calendar_words::{DECADES, HIJRI_MONTHS, MONTHS, NUMBERS, ORDINALS, UNITS, WEEKDAYS};
pub use event_sets::*;
use words::WORDS;
pub use words::{
    GENERAL_NOUNS, GLUE_LEFT, NAMED_BY_DATE, NOT_DATE_CONTEXT, NOT_FUTURE_VERBS, PRESENT_VERBS,
};

/// What a word (or a fixed multi-word phrase) means to the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// A Gregorian month, 1–12. `ambiguous` names that are also ordinary words or names
    /// (مارس "practised", آب "father", نيسان, شباط …) need a date context to count.
    Month {
        n: u8,
        ambiguous: bool,
    },
    /// An Islamic (Hijri) month, 1–12.
    HijriMonth(u8),
    /// هـ, للهجرة, هجري: the year before it is a Hijri year.
    HijriEra,
    /// م, ميلادي: the year before it is a Gregorian year.
    GregorianEra,
    /// تاريخ: the digits after it are a date ("بتاريخ 4/22").
    DateWord,
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    Weekday(u8),
    /// A unit of time and how many the word itself says (يومين = 2 days).
    Unit(Unit, Count),
    /// A cardinal number word.
    Number(u32),
    /// An ordinal word (الأول, الخامس, العاشرة …).
    Ordinal(u32),
    /// فاتح, غرة: the first day of the month named next.
    FirstDay,
    /// Days from the anchor: أمس −1, اليوم 0, غدا +1, أول أمس −2, بعد غد +2.
    RelDay(i8),
    /// الماضي −1, الجاري/الحالي 0, المقبل/القادم +1.
    Shift(i8),
    /// هذا / هذه.
    This,
    /// مطلع, منتصف, نهاية …
    Part(TimexMod),
    Season(Season),
    /// صباح, مساء, ظهر, ليلة: a part of a day before a day expression.
    DayPart(DayPart),
    /// صباحا, مساء, بعد الظهر, ليلا: after a clock time, moves it to the afternoon or not.
    ClockPart(ClockPart),
    /// ربع, ثلث, نصف: minutes of an hour in "الثالثة والربع".
    Fraction(u8),
    /// إلا: "الثانية عشرة إلا ربعا".
    Except,
    /// الساعة.
    Hour,
    /// Decade words: التسعينيات → 9.
    Decade(u8),
    Century,
    Quarter,
    Half,
    Occasion(Occasion),
    /// Vague references: الآن → PRESENT_REF.
    Vague(VagueRef),
    /// Adverbs of repetition: سنويا → P1Y.
    Every(Unit),
    /// كل.
    Each,
    /// نفسه, ذاته: "the same" (الشهر نفسه).
    Same,
    /// التالي: "the following" (اليوم التالي).
    Following,
    /// قبل.
    Before,
    /// بعد.
    After,
    /// من.
    From,
    /// إلى, حتى.
    Until,
    /// بين.
    Between,
    /// لمدة, طوال: the unit after it is a duration of one.
    ForDuration,
    /// في, منذ, خلال, بحلول …: prepositions that make a bare four-digit number a year.
    YearPrep,
    /// Words that make the clause future: سوف, المقرر, المتوقع, يعتزم, سيزور …
    Future,
    /// Present (imperfect) verbs of what goes on or is held: يستمر, تشهد, تقام, يواجه … The
    /// clause speaks of now or what is coming ([`PRESENT_VERBS`]).
    Present,
    /// Past verbs and كان: the clause narrates the past.
    Past,
    /// An event trigger: index into [`events::TRIGGERS`].
    Trigger(u16),
    /// A person, demonym or institution: index into [`gazetteer::ACTORS`].
    Actor(u16),
    /// A place: index into [`gazetteer::PLACES`].
    Place(u16),
    /// الموقعة, التوصل, أبرم: an agreement noun near it was signed or reached.
    SignWord,
    /// منظمة شنغهاي, بريكس: an organisation, index into [`gazetteer::ORGANISATIONS`].
    Organisation(u16),
    /// هاتفيا, بالفيديو: the contact was a call.
    CallWord,
    /// ألغى, تأجيل: the happening was called off.
    Cancel,
    /// الزعيمان, نظيره: the two sides the article is about.
    Pair,
    /// تجاه, بشأن: the state named next is what is talked about, not a party.
    Topic,
    /// مسقط رأسه: a fixed phrase that contains a name but names nothing.
    Idiom,
}

impl Lex {
    /// True for the words only the event pass reads (triggers, names, event markers): no rule
    /// of [`grammar::RULES`](super::grammar::RULES) starts at one, so the tagger skips them.
    pub fn is_event_word(self) -> bool {
        matches!(
            self,
            Trigger(_)
                | Actor(_)
                | Place(_)
                | SignWord
                | Organisation(_)
                | CallWord
                | Cancel
                | Pair
                | Topic
                | Idiom
        )
    }
}

/// A vague reference to a time, as TIMEX3 values it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VagueRef {
    Present,
    Past,
    Future,
}

impl VagueRef {
    /// The TIMEX3 value: PRESENT_REF, PAST_REF, FUTURE_REF.
    pub fn value(self) -> &'static str {
        match self {
            VagueRef::Present => "PRESENT_REF",
            VagueRef::Past => "PAST_REF",
            VagueRef::Future => "FUTURE_REF",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// How many units a unit word carries by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    One,
    Two,
    /// The plural (أيام) or the accusative singular after 11–99 (عاما): needs a number.
    Many,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Noon,
    Evening,
    Night,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockPart {
    Am,
    Pm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// عيد الفطر: 1 Shawwal.
    EidAlFitr,
    /// عيد الأضحى: 10 Dhu al-Hijjah.
    EidAlAdha,
    /// عيد الميلاد: 25 December (Gregorian).
    Christmas,
    /// رأس السنة الميلادية: 1 January (Gregorian).
    GregorianNewYear,
    /// رأس السنة الهجرية: 1 Muharram.
    HijriNewYear,
    /// المولد النبوي: 12 Rabi' al-Awwal.
    Mawlid,
    /// عيد الفصح: Easter Sunday by the Western (Gregorian) computus.
    Easter,
    /// عيد الفصح الشرقي/الأرثوذكسي, عيد القيامة: Easter Sunday by the Julian computus.
    OrthodoxEaster,
}

use Lex::*;

/// What the lexicon holds under one folded word: its meaning alone and the phrases it starts,
/// found with one lookup.
#[derive(Debug, Default)]
pub struct Entry {
    /// The meaning of the word on its own.
    pub word: Option<Lex>,
    /// Phrases that start with the word: (remaining words, meaning), longest first.
    pub phrases: Vec<(Vec<String>, Lex)>,
}

/// Every folded word (or first word of a phrase) and what it means.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: HashMap<String, Entry>,
}

impl Lexicon {
    fn insert(&mut self, entry: &str, lex: Lex) {
        let folded = fold(entry);
        let mut words = folded.split(' ').map(str::to_owned);
        let first = words.next().unwrap_or_default();
        let rest: Vec<String> = words.collect();
        let e = self.entries.entry(first).or_default();
        if rest.is_empty() {
            e.word.get_or_insert(lex);
        } else {
            e.phrases.push((rest, lex));
            e.phrases
                .sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
    }

    /// Everything under a folded word: its meaning and the phrases it starts.
    pub fn entry(&self, folded: &str) -> Option<&Entry> {
        self.entries.get(folded)
    }

    /// The meaning of a single folded word.
    pub fn word(&self, folded: &str) -> Option<Lex> {
        self.entry(folded).and_then(|e| e.word)
    }

    /// Every single-word entry.
    pub fn words(&self) -> impl Iterator<Item = (&str, Lex)> {
        self.entries
            .iter()
            .filter_map(|(w, e)| e.word.map(|lex| (w.as_str(), lex)))
    }

    /// Phrases that start with the folded word.
    pub fn phrases(&self, folded: &str) -> &[(Vec<String>, Lex)] {
        self.entry(folded).map_or(&[], |e| e.phrases.as_slice())
    }
}

/// The lexicon, built once from the tables above.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lx = Lexicon::default();
    for &(w, n, ambiguous) in MONTHS {
        lx.insert(w, Month { n, ambiguous });
    }
    for &(w, n) in HIJRI_MONTHS {
        lx.insert(w, HijriMonth(n));
    }
    for &(w, d) in WEEKDAYS {
        lx.insert(w, Weekday(d));
    }
    for &(w, u, c) in UNITS {
        lx.insert(w, Unit(u, c));
    }
    for &(w, n) in NUMBERS.iter().chain(amounts::BIG_NUMBERS) {
        lx.insert(w, Number(n));
    }
    for &(w, n) in ORDINALS {
        lx.insert(w, Ordinal(n));
    }
    for &(w, d) in DECADES {
        lx.insert(w, Decade(d));
        // "ثمانينيات القرن الماضي": the decade in a construct state has no article.
        lx.insert(w.trim_start_matches("ال"), Decade(d));
    }
    for &(w, lex) in WORDS {
        lx.insert(w, lex);
    }
    for w in ["هـ", "ه", "هجري", "هجرية", "للهجرة", "الهجري", "الهجرية"]
    {
        lx.insert(w, HijriEra);
    }
    for w in ["م", "ميلادي", "ميلادية", "للميلاد"] {
        lx.insert(w, GregorianEra);
    }
    lx.insert("تاريخ", DateWord);
    for (i, (w, ..)) in events::TRIGGERS.iter().enumerate() {
        lx.insert(w, Trigger(i as u16));
    }
    // Idioms first: their words must not read as the names inside them.
    for w in gazetteer::IDIOMS.iter() {
        lx.insert(w, Idiom);
    }
    for (i, (w, _)) in gazetteer::ACTORS.iter().enumerate() {
        lx.insert(w, Actor(i as u16));
    }
    for (i, (w, _)) in gazetteer::PLACES.iter().enumerate() {
        lx.insert(w, Place(i as u16));
    }
    for (i, (w, _)) in gazetteer::ORGANISATIONS.iter().enumerate() {
        lx.insert(w, Organisation(i as u16));
    }
    for (list, lex) in [
        (events::SIGN_WORDS, SignWord),
        (events::CALL_WORDS, CallWord),
        (events::CANCEL_WORDS, Cancel),
        (events::PAIR_WORDS, Pair),
        (events::TOPIC_WORDS, Topic),
    ] {
        for w in list {
            lx.insert(w, lex);
        }
    }
    // Last, so that a word with another meaning (the trigger يفتتح) keeps it.
    for w in PRESENT_VERBS {
        lx.insert(w, Present);
    }
    for w in schedule::REPORTING_VERBS {
        lx.insert(w, Past);
    }
    lx
});

/// A word list with every word folded, for lookups of folded text.
fn folded(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

static NOT_FUTURE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(NOT_FUTURE_VERBS));

static NOT_DATE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(NOT_DATE_CONTEXT));

/// The meaning of one word written in any spelling (no clitics stripped).
pub fn lookup(word: &str) -> Option<Lex> {
    LEXICON.word(&fold(word))
}

static GENERAL: LazyLock<HashSet<String>> = LazyLock::new(|| folded(GENERAL_NOUNS));

static NAMED: LazyLock<HashSet<String>> = LazyLock::new(|| folded(NAMED_BY_DATE));

/// True for a folded noun that "العام" qualifies as "general" ("الأمين العام").
pub fn is_general_noun(folded: &str) -> bool {
    GENERAL.contains(folded)
}

/// True for a folded word that makes the day and month after it a name ("قوى 14 آذار",
/// "بملعب 8 ماي 1945"), with a preposition, a conjunction or the article glued to it.
pub fn names_by_date(folded: &str) -> bool {
    let mut w = folded;
    for _ in 0..2 {
        if NAMED.contains(w) {
            return true;
        }
        match w.strip_prefix(['و', 'ف', 'ب', 'ل']) {
            Some(rest) => w = rest,
            None => break,
        }
    }
    NAMED.contains(w)
        || w.strip_prefix("ال")
            .is_some_and(|rest| NAMED.contains(rest))
}

/// True for a folded word that makes a number beside it a count, not a date.
pub fn is_not_date_context(folded: &str) -> bool {
    NOT_DATE.contains(folded)
}

/// True for a folded word that looks like a future verb: سـ + an imperfect prefix (سيزور,
/// ستعقد, سنعمل), not one of the ordinary words that start the same way.
pub fn is_future_verb(folded: &str) -> bool {
    // "وستفتتح", "فسيزور": the conjunction before سـ.
    let folded = match folded.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.starts_with('س') => rest,
        _ => folded,
    };
    let mut chars = folded.chars();
    let (Some('س'), Some(p)) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(p, 'ي' | 'ت' | 'ن') && folded.chars().count() >= 5 && !NOT_FUTURE.contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_share_one_entry() {
        for (word, want) in [
            ("ابريل", 4),
            ("إبريل", 4),
            ("أبريل", 4),
            ("يونيه", 6),
            ("يونية", 6),
            ("اغسطس", 8),
            ("غشت", 8),
            ("جانفي", 1),
        ] {
            assert!(
                matches!(lookup(word), Some(Month { n, .. }) if n == want),
                "{word} should be month {want}"
            );
        }
    }

    #[test]
    fn phrases_are_listed_under_their_first_word() {
        let kanun = LEXICON.phrases(&fold("كانون"));
        assert!(kanun.iter().any(|(rest, lex)| rest == &["الثاني"]
            && *lex
                == Month {
                    n: 1,
                    ambiguous: false
                }));
        assert!(lookup("كانون").is_none());
    }

    #[test]
    fn future_verbs_and_lookalikes() {
        assert!(is_future_verb(&fold("سيزور")));
        assert!(is_future_verb(&fold("ستعقد")));
        assert!(!is_future_verb(&fold("سياسة")));
        assert!(!is_future_verb(&fold("سنة")));
        assert!(!is_future_verb(&fold("سافر")));
    }
}
