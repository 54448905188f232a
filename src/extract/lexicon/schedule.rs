//! Words that schedules, announcements and follow-up reports lean on: the past verbs of saying
//! (what they report may still lie ahead), the words for "the previous one" (counted from the
//! date the text just gave), and the week a weekday is placed in.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::folded;

/// Past verbs of saying and announcing. "أعلنت الوزارة أن الامتحانات تجرى في 19 سبتمبر": the
/// verb is past, the date it reports is not necessarily.
pub const REPORTING_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "أعلن",
    "أعلنت",
    "أكد",
    "أكدت",
    "أوضح",
    "أوضحت",
    "أفاد",
    "أفادت",
    "ذكر",
    "ذكرت",
    "كشف",
    "كشفت",
    "قرر",
    "قررت",
    "حدد",
    "حددت",
    "أصدر",
    "أصدرت",
];

/// "العام السابق", "الأسبوع السابق": the unit before the one the text just gave, unlike
/// الماضي, which counts from the document date.
pub const PREVIOUS: &[&str] = &["السابق", "السابقة"];

/// "يومي الأربعاء والخميس": the dual of يوم in construct, before two weekdays. Only there: on
/// its own يومي is "daily".
pub const DAYS_BEFORE_WEEKDAYS: &[&str] = &["يومي"];

static DAYS_BEFORE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(DAYS_BEFORE_WEEKDAYS));

/// True for a folded "يومي".
pub fn is_days_before_weekdays(folded: &str) -> bool {
    DAYS_BEFORE.contains(folded)
}

static REPORTING: LazyLock<HashSet<String>> = LazyLock::new(|| folded(REPORTING_VERBS));
static PREVIOUS_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded(PREVIOUS));

/// True for a folded past verb of saying or announcing.
pub fn is_reporting_verb(folded: &str) -> bool {
    REPORTING.contains(folded)
}

/// True for a folded "previous" (السابق, السابقة).
pub fn is_previous(folded: &str) -> bool {
    PREVIOUS_SET.contains(folded)
}
