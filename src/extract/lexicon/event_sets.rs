//! Lookups of the event word lists in [`events`](super::events), each folded once into a set:
//! what the event finder asks of a folded word (is it a setting word, a verb of discussing, a
//! news medium…).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::{events, folded};
use crate::extract::normalize::fold;

static AGREEMENT_NOUNS: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::AGREEMENT_NOUNS));

static SETTING_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::SETTING_WORDS));

/// True for a folded word that introduces the setting of a happening (في, خلال, هامش).
pub fn is_setting_word(folded: &str) -> bool {
    SETTING_WORDS.contains(folded)
}

static TIMES_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::TIMES_WORDS));

/// True for a folded word that counts occurrences (مرتين, مرات).
pub fn is_times_word(folded: &str) -> bool {
    TIMES_WORDS.contains(folded)
}

static DISCUSS_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::DISCUSS_WORDS));

static START_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::START_WORDS));

/// True for a folded verb of discussing (تناولت, ناقش).
pub fn is_discuss_word(folded: &str) -> bool {
    DISCUSS_WORDS.contains(folded)
}

static END_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::END_WORDS));

/// True for a folded verb that ends a happening (تنتهي, تختتم).
pub fn is_end_word(folded: &str) -> bool {
    END_WORDS.contains(folded)
}

/// True for a folded verb that starts or holds a happening (بدأها, تنطلق, المنعقدة).
pub fn is_start_word(folded: &str) -> bool {
    START_WORDS.contains(folded)
}

static BACKGROUND_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::BACKGROUND_WORDS));

/// True for a folded word that puts a military happening in the background (إثر, عقب).
pub fn is_background_word(folded: &str) -> bool {
    BACKGROUND_WORDS.contains(folded)
}

/// What a verb found by its spelling, not by the lexicon, tells: an announcement or talks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbTrigger {
    /// [`events::ANNOUNCEMENTS`].
    Announces(events::Form),
    /// [`events::TALK_VERBS`].
    Talks(events::Form),
}

/// Both word lists in one table: a word is looked up once.
static VERB_TRIGGERS: LazyLock<(HashMap<String, VerbTrigger>, usize)> = LazyLock::new(|| {
    let announces = events::ANNOUNCEMENTS
        .iter()
        .map(|&(w, f)| (fold(w), VerbTrigger::Announces(f)));
    let talks = events::TALK_VERBS
        .iter()
        .map(|&(w, f)| (fold(w), VerbTrigger::Talks(f)));
    let map: HashMap<String, VerbTrigger> = announces.chain(talks).collect();
    // With a conjunction before it, the longest word may be two bytes longer.
    let longest = map.keys().map(|w| w.len()).max().unwrap_or(0) + 2;
    (map, longest)
});

/// The announcement or talk verb a folded word is ([`VerbTrigger`]), with or without a
/// conjunction before it ("وأعلنت", "وبحث").
pub fn verb_trigger(folded: &str) -> Option<VerbTrigger> {
    let (map, longest) = &*VERB_TRIGGERS;
    if folded.len() > *longest {
        return None;
    }
    map.get(folded).copied().or_else(|| {
        let bare = folded
            .strip_prefix('و')
            .or_else(|| folded.strip_prefix('ف'))?;
        map.get(bare).copied()
    })
}

static ANNOUNCED_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::ANNOUNCED_WORDS));

/// True for a folded word that opens what is announced ([`events::ANNOUNCED_WORDS`]).
pub fn is_announced_word(folded: &str) -> bool {
    ANNOUNCED_WORDS.contains(folded)
}

static SCHEDULE_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::SCHEDULE_NOUNS));

/// True for a folded schedule noun ([`events::SCHEDULE_NOUNS`]).
pub fn is_schedule_noun(folded: &str) -> bool {
    SCHEDULE_NOUNS.contains(folded)
}

static MEDIA_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::MEDIA_WORDS));

/// True for a folded word of a news source's name ([`events::MEDIA_WORDS`]).
pub fn is_media_word(folded: &str) -> bool {
    MEDIA_WORDS.contains(folded)
}

static MEDIA_ADJECTIVES: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::MEDIA_ADJECTIVES));

/// True for a folded adjective of a news source ([`events::MEDIA_ADJECTIVES`]).
pub fn is_media_adjective(folded: &str) -> bool {
    MEDIA_ADJECTIVES.contains(folded)
}

static RELATIVE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::RELATIVE_WORDS));

/// True for a folded relative pronoun (الذي, التي).
pub fn is_relative_word(folded: &str) -> bool {
    RELATIVE_WORDS.contains(folded)
}

static DURING_IT_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::DURING_IT_WORDS));

/// True for a folded "during it" (خلاله, أثناءها) that ties a word to a happening just told.
pub fn is_during_it(folded: &str) -> bool {
    DURING_IT_WORDS.contains(folded)
}

static CLAUSE_OPENERS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::CLAUSE_OPENERS));

/// True for a folded word that opens a clause with a new predication (حيث, فيما, مؤكدا).
pub fn is_clause_opener(folded: &str) -> bool {
    CLAUSE_OPENERS.contains(folded)
}

/// True for a folded word naming a signed document (اتفاقية, عقدا, مذكرة).
pub fn is_agreement_noun(folded: &str) -> bool {
    AGREEMENT_NOUNS.contains(folded)
}

static APPOINTMENT_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded(events::APPOINTMENT_WORDS));

/// True for a folded noun of fixing a date ([`events::APPOINTMENT_WORDS`]).
pub fn is_appointment_word(folded: &str) -> bool {
    APPOINTMENT_WORDS.contains(folded)
}

static HABIT_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::HABIT_WORDS));

/// True for a folded word that makes a trigger a habit ([`events::HABIT_WORDS`]).
pub fn is_habit_word(folded: &str) -> bool {
    HABIT_WORDS.contains(folded)
}

static ONGOING_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| folded(events::ONGOING_WORDS));

/// True for a folded verb that says a happening is going on ([`events::ONGOING_WORDS`]).
pub fn is_ongoing_word(folded: &str) -> bool {
    ONGOING_WORDS.contains(folded)
}
