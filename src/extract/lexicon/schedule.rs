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

/// أن and إن with what is glued to them: they open the clause a verb of saying reports.
pub const COMPLEMENTIZERS: &[&str] = &[
    "أن",
    "إن",
    "بأن",
    "وأن",
    "وإن",
    "أنه",
    "أنها",
    "أنهم",
    "أنهما",
    "بأنه",
    "بأنها",
    "إنه",
    "إنها",
];

static COMPLEMENTIZER: LazyLock<HashSet<String>> = LazyLock::new(|| folded(COMPLEMENTIZERS));

/// True for a folded أن, إن, بأن, أنه …
pub fn is_complementizer(folded: &str) -> bool {
    COMPLEMENTIZER.contains(folded)
}

/// "منذ": what it introduces lies in the past ("منذ أن أرسلت قواتها في 24 فبراير").
pub const SINCE_WORDS: &[&str] = &["منذ", "ومنذ"];

static SINCE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(SINCE_WORDS));

/// True for a folded منذ.
pub fn is_since(folded: &str) -> bool {
    SINCE.contains(folded)
}

/// Places whose name with اليوم is an outlet's ("روسيا اليوم", "مصر اليوم", "المصري اليوم").
pub const OUTLET_PLACES: &[&str] = &[
    "روسيا",
    "مصر",
    "المصري",
    "بغداد",
    "فلسطين",
    "سوريا",
    "لبنان",
    "تونس",
    "الجزائر",
    "العراق",
    "السودان",
    "ليبيا",
    "اليمن",
    "الأردن",
    "الخليج",
    "أخبار",
];

/// Words that name where a report comes from, before an outlet's name ("لموقع روسيا اليوم",
/// "نقلا عن مصر اليوم", "المصدر: روسيا اليوم").
pub const SOURCE_WORDS: &[&str] = &[
    "موقع",
    "لموقع",
    "بموقع",
    "الموقع",
    "قناة",
    "لقناة",
    "صحيفة",
    "لصحيفة",
    "جريدة",
    "لجريدة",
    "شبكة",
    "لشبكة",
    "وكالة",
    "لوكالة",
    "عن",
    "حسب",
    "بحسب",
    "وفق",
    "وفقا",
    "المصدر",
    "مصدر",
    "نقلته",
    "نقلت",
    "ذكرت",
    "أوردت",
];

static OUTLET: LazyLock<HashSet<String>> = LazyLock::new(|| folded(OUTLET_PLACES));
static SOURCE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(SOURCE_WORDS));

/// A folded place that makes an outlet's name with اليوم: `Some(false)` as it stands,
/// `Some(true)` with ل glued to it ("لروسيا اليوم").
pub fn outlet_place(folded: &str) -> Option<bool> {
    if OUTLET.contains(folded) {
        return Some(false);
    }
    folded
        .strip_prefix('ل')
        .is_some_and(|w| OUTLET.contains(w))
        .then_some(true)
}

/// True for a folded word that names the source of a report.
pub fn is_source_word(folded: &str) -> bool {
    SOURCE.contains(folded)
}

/// "يوم الاثنين الموافق 16 آذار": the word that equates a weekday with the date after it.
pub const EQUATING_WORDS: &[&str] = &["الموافق", "الموافقة", "والموافق"];

static EQUATING: LazyLock<HashSet<String>> = LazyLock::new(|| folded(EQUATING_WORDS));

/// True for a folded "الموافق".
pub fn is_equating_word(folded: &str) -> bool {
    EQUATING.contains(folded)
}

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

/// English month names and their abbreviations, for datelines printed in English inside
/// Arabic pages ("Saturday 17 June, 2023").
pub const ENGLISH_MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// English weekday names and abbreviations, kept with the date they precede.
pub const ENGLISH_WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// The month an English name (any case) stands for.
pub fn english_month(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    ENGLISH_MONTHS
        .iter()
        .find(|(n, _)| *n == w)
        .map(|&(_, m)| m)
}

/// True for an English weekday name (any case).
pub fn is_english_weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    ENGLISH_WEEKDAYS.contains(&w.as_str())
}
