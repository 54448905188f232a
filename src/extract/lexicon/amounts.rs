//! Word lists for amounts of time: the hundreds and thousands of the number words, the decade
//! words (which also mean "contract"), the words that count occurrences (مرتين), and the
//! words of periods (بقية, القليلة, عطلة نهاية الأسبوع).

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::super::normalize::fold;

/// Hundreds and thousands, as written joined or apart (ثلاثمائة, ثلاثمئة), with their
/// construct and accusative forms. "آلاف" and "ألفا" multiply the number before them.
pub const BIG_NUMBERS: &[(&str, u32)] = &[
    ("مئتان", 200),
    ("مئتين", 200),
    ("مئتا", 200),
    ("مئتي", 200),
    ("مائتان", 200),
    ("مائتين", 200),
    ("مائتا", 200),
    ("مائتي", 200),
    ("ثلاثمائة", 300),
    ("ثلاثمئة", 300),
    ("ثلثمائة", 300),
    ("أربعمائة", 400),
    ("أربعمئة", 400),
    ("خمسمائة", 500),
    ("خمسمئة", 500),
    ("ستمائة", 600),
    ("ستمئة", 600),
    ("سبعمائة", 700),
    ("سبعمئة", 700),
    ("ثمانمائة", 800),
    ("ثمانمئة", 800),
    ("ثمانيمائة", 800),
    ("تسعمائة", 900),
    ("تسعمئة", 900),
    ("ألف", 1000),
    ("ألفا", 1000),
    ("آلاف", 1000),
    ("ألفان", 2000),
    ("ألفين", 2000),
    ("ألفي", 2000),
];

/// Decade words other than the plural عقود (which the unit table holds): they are also the
/// noun "contract" (وقعت الشركة عقدا), so they count as time only beside a word of time.
pub const DECADE_WORDS: &[(&str, u32)] = &[("عقد", 1), ("عقدا", 1), ("عقدين", 2), ("عقدان", 2)];

/// Words right before an amount that make it an amount of time: prepositions of time and
/// verbs of lasting ("منذ عقد", "استمرت عقدين", "على مدى ثلاثة عقود").
pub const TIME_AMOUNT_BEFORE: &[&str] = &[
    "منذ",
    "قبل",
    "بعد",
    "خلال",
    "لمدة",
    "مدة",
    "طوال",
    "طيلة",
    "مدى",
    "نحو",
    "قرابة",
    "حوالي",
    "زهاء",
    "مرور",
    "مضي",
];

/// Verbs of lasting: a decade amount a few words after one is time ("استمرت الحرب عقدا").
pub const LASTING_VERBS: &[&str] = &[
    "استمر",
    "استمرت",
    "دام",
    "دامت",
    "امتد",
    "امتدت",
    "ظل",
    "ظلت",
    "قضى",
    "قضت",
    "حكم",
    "عاش",
    "مضى",
    "مضت",
    "يستمر",
    "تستمر",
    "ستستمر",
    "سيستمر",
    "يدوم",
    "تدوم",
];

/// "أكثر من عقدين", "أقل من عقد": the word two before an amount, with من or عن between.
pub const MORE_OR_LESS: &[&str] = &["أكثر", "أقل", "أزيد", "يقرب", "يزيد", "يربو"];

/// Words that count occurrences, and how many: "مرة", "مرتين", "ثلاث مرات" (the number before
/// مرات counts).
pub const TIMES: &[(&str, u32)] = &[("مرة", 1), ("مرتين", 2), ("مرتان", 2), ("مرات", 0)];

/// "بقية الأسبوع", "ما تبقى من الشهر": the rest of a unit.
pub const REST_WORDS: &[&str] = &["بقية", "باقي", "تبقى", "وبقية"];

/// "الأيام القليلة الماضية": a few units, a vague amount (PXD).
pub const FEW_WORDS: &[&str] = &["القليلة", "القليلين"];

/// "عدة أيام", "بضعة أسابيع": an unstated number of units before a plural (PXD).
pub const SEVERAL_WORDS: &[&str] = &["عدة", "بضعة", "بضع"];

/// "عطلة نهاية الأسبوع": the word before "نهاية الأسبوع" that makes it the weekend.
pub const WEEKEND_WORDS: &[&str] = &["عطلة", "العطلة", "وعطلة", "بعطلة", "لعطلة", "إجازة", "عطل"];

/// "الساعات الـ24 الماضية": the words after a counted plural that say which ones.
pub const LAST_WORDS: &[&str] = &["الأخيرة", "الأخيرين", "الأخيرتين"];

/// "عاما كاملا", "شهرا واحدا": the word after a unit in the accusative that makes it one
/// whole unit.
pub const WHOLE_WORDS: &[&str] = &["كاملا", "كاملة", "واحدا", "واحدة", "كاملاً", "واحداً"];

static SETS: LazyLock<[HashSet<String>; 9]> = LazyLock::new(|| {
    [
        TIME_AMOUNT_BEFORE,
        LASTING_VERBS,
        MORE_OR_LESS,
        REST_WORDS,
        FEW_WORDS,
        WEEKEND_WORDS,
        LAST_WORDS,
        SEVERAL_WORDS,
        WHOLE_WORDS,
    ]
    .map(|list| list.iter().map(|w| fold(w)).collect())
});

/// Which list a folded word is looked up in.
#[derive(Debug, Clone, Copy)]
pub enum List {
    TimeAmountBefore,
    Lasting,
    MoreOrLess,
    Rest,
    Few,
    Weekend,
    Last,
    Several,
    Whole,
}

/// True when the folded word is in the list.
pub fn is(list: List, folded: &str) -> bool {
    SETS[list as usize].contains(folded)
}

static COUNTS: LazyLock<[rustc_hash::FxHashMap<String, u32>; 2]> = LazyLock::new(|| {
    [TIMES, DECADE_WORDS].map(|list| list.iter().map(|&(w, n)| (fold(w), n)).collect())
});

/// How many times a folded word counts ("مرتين" → 2; "مرات" → 0, the number before it counts).
pub fn times(folded: &str) -> Option<u32> {
    COUNTS[0].get(folded).copied()
}

/// How many decades a folded word names, when it is a decade word.
pub fn decades(folded: &str) -> Option<u32> {
    COUNTS[1].get(folded).copied()
}
