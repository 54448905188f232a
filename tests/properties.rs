//! Properties that must hold for any input: extraction never panics, every timex span points
//! at exactly its text in the original, timexes come in order without overlapping, and the
//! normaliser's offset map stays inside the original and is monotonic.
//!
//! Case counts are kept small enough for the whole file to run in a few seconds in debug mode;
//! raise them with `PROPTEST_CASES=5000 cargo test --test properties` for a longer hunt.
//! `TARIKH_HUGE_BYTES` sets the size of the huge-text test (default 3 MB). The properties also
//! check that resolved values are well formed and that spans do not depend on the document
//! date or the mode.

use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use tarikh::extract::normalize::normalize;
use tarikh::extract::{Dct, Mode, Timex, extract_timexes};

const MODES: [Mode; 3] = [Mode::News, Mode::Narrative, Mode::Colloquial];

/// Cases per proptest, unless `PROPTEST_CASES` says otherwise.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // Failures are reported with their minimized input; no need to write regression files
        // next to the test sources.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/// The span invariants of one extraction result.
fn check_spans(text: &str, found: &[Timex]) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut prev: Option<&Timex> = None;
    for t in found {
        prop_assert!(
            t.start < t.end,
            "empty or reversed span {}..{} for {:?} (rule {})",
            t.start,
            t.end,
            t.text,
            t.rule
        );
        prop_assert!(
            t.end <= chars.len(),
            "span {}..{} past the end of a {}-char text (rule {})",
            t.start,
            t.end,
            chars.len(),
            t.rule
        );
        let piece: String = chars[t.start..t.end].iter().collect();
        prop_assert_eq!(
            &t.text,
            &piece,
            "timex text differs from the original at {}..{} (rule {})",
            t.start,
            t.end,
            t.rule
        );
        if let Some(p) = prev {
            prop_assert!(
                p.start < t.start,
                "timexes out of order: {:?} at {}..{} ({}) before {:?} at {}..{} ({})",
                p.text,
                p.start,
                p.end,
                p.rule,
                t.text,
                t.start,
                t.end,
                t.rule
            );
            prop_assert!(
                p.end <= t.start,
                "timexes overlap: {:?} at {}..{} ({}) and {:?} at {}..{} ({})",
                p.text,
                p.start,
                p.end,
                p.rule,
                t.text,
                t.start,
                t.end,
                t.rule
            );
        }
        prev = Some(t);
    }
    Ok(())
}

/// What a resolved value must look like: non-empty, TIMEX3 characters only; a full date is a
/// real calendar day, a month is 01–12, a clock time is 00:00–23:59 (or 24:00); the text has
/// no surrounding whitespace; `earliest <= latest`.
fn check_values(found: &[Timex]) -> Result<(), TestCaseError> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for t in found {
        let v = t.value.as_str();
        let what = format!("value {v:?} of {:?} (rule {})", t.text, t.rule);
        prop_assert!(!v.is_empty(), "empty {}", what);
        prop_assert!(
            v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-:_.".contains(c)),
            "odd characters in {}",
            what
        );
        prop_assert_eq!(t.text.trim(), t.text.as_str(), "untrimmed text, {}", what);
        if let (Some(a), Some(b)) = (t.earliest, t.latest) {
            prop_assert!(a <= b, "earliest {} after latest {}, {}", a, b, what);
        }
        let (date, time) = v.split_once('T').unwrap_or((v, ""));
        let parts: Vec<&str> = date.split('-').collect();
        if parts.len() >= 2 && parts[0].len() == 4 && digits(parts[0]) && digits(parts[1]) {
            let month: u32 = parts[1].parse().unwrap_or(0);
            prop_assert!((1..=12).contains(&month), "month out of range in {}", what);
            if parts.len() == 3 && digits(parts[2]) {
                prop_assert!(
                    NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                    "no such calendar day in {}",
                    what
                );
            }
        }
        let clock = time
            .split_once(':')
            .map(|(h, m)| (h, m.get(..2).unwrap_or(m)))
            .filter(|(h, m)| digits(h) && digits(m));
        if let Some((h, m)) = clock {
            let h: u32 = h.parse().unwrap_or(99);
            let m: u32 = m.parse().unwrap_or(99);
            prop_assert!(
                (h < 24 && m < 60) || (h, m) == (24, 0),
                "no such time of day in {}",
                what
            );
        }
    }
    Ok(())
}

/// Extracts in every mode and checks the span invariants of each result.
fn check_all_modes(text: &str, dct: Option<Dct>) -> Result<(), TestCaseError> {
    for mode in MODES {
        let found = extract_timexes(text, dct, mode);
        check_spans(text, &found)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// A document date between 1900 and 2100 on any valid day, sometimes with a time of day,
/// sometimes absent.
fn dct() -> impl Strategy<Value = Option<Dct>> {
    let some = (
        1900i32..=2100,
        1u32..=12,
        1u32..=31,
        prop::option::of((0u32..24, 0u32..60)),
    )
        .prop_map(|(y, m, d, hm)| {
            // Clamp the day to the month's length so every draw is a valid date.
            let date = (0..4)
                .find_map(|back| NaiveDate::from_ymd_opt(y, m, d - back))
                .expect("day 28 exists in every month");
            let time = hm.and_then(|(h, mi)| NaiveTime::from_hms_opt(h, mi, 0));
            Dct { date, time }
        });
    prop::option::weighted(0.85, some)
}

/// Characters Arabic news text is made of, with the variants the normaliser folds.
fn arabic_alphabet() -> Vec<char> {
    let mut v: Vec<char> = Vec::new();
    v.extend('\u{0621}'..='\u{064A}'); // letters
    v.extend('\u{064B}'..='\u{0652}'); // harakat
    v.push('\u{0640}'); // tatweel
    v.extend('\u{0660}'..='\u{0669}'); // Arabic-Indic digits
    v.extend('\u{06F0}'..='\u{06F9}'); // Persian digits
    v.extend('0'..='9');
    v.extend('\u{FB50}'..='\u{FB60}'); // presentation forms A
    v.extend(['\u{FEF5}', '\u{FEF7}', '\u{FEF9}', '\u{FEFB}', '\u{FEFC}']); // lam-alef ligatures
    v.extend(['\u{FE8D}', '\u{FEE1}', '\u{FEE3}', '\u{FEF3}', '\u{FEFF}']); // forms, BOM/ZWNBSP
    v.extend([
        '\u{0671}', '\u{06A9}', '\u{06CC}', '\u{0670}', '\u{200C}', '\u{200F}',
    ]);
    v.extend(['ک', 'ی', 'ة', 'ى', 'أ', 'إ', 'آ']);
    v.extend("/-:.،؛؟٫٬()«»,;?!\"'".chars());
    // Weight the separators: a space is far more common than any one letter.
    v.extend(std::iter::repeat_n(' ', 12));
    v.extend(['\n', '\n', '\t', '\u{00A0}']);
    v
}

/// A string drawn from [`arabic_alphabet`].
fn arabic_string(max_len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(arabic_alphabet()), 0..max_len)
        .prop_map(|v| v.into_iter().collect())
}

/// Words and phrases dates are made of.
const VOCAB: &[&str] = &[
    // Egyptian/Gulf months
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "إبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    // Levantine/Iraqi months
    "كانون الثاني",
    "كانون الأول",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "تشرين",
    // Maghrebi months
    "جانفي",
    "فيفري",
    "أفريل",
    "ماي",
    "جوان",
    "جويلية",
    "أوت",
    "يوليوز",
    "غشت",
    "شتنبر",
    "نونبر",
    "دجنبر",
    // weekdays
    "السبت",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "يوم",
    // relative days and shifts
    "أمس",
    "البارحة",
    "أول",
    "اليوم",
    "غدا",
    "غداً",
    "بعد غد",
    "التالي",
    "الماضي",
    "الماضية",
    "المقبل",
    "المقبلة",
    "القادم",
    "الجاري",
    "الحالي",
    "المنصرم",
    "نفسه",
    // prepositions and conjunctions
    "قبل",
    "بعد",
    "من",
    "إلى",
    "حتى",
    "بين",
    "و",
    "في",
    "منذ",
    "خلال",
    "لمدة",
    // units
    "عام",
    "العام",
    "عامي",
    "سنة",
    "السنة",
    "هذا",
    "هذه",
    "الأسبوع",
    "أسبوع",
    "أسبوعين",
    "الشهر",
    "شهر",
    "شهرين",
    "أيام",
    "يومين",
    "ثلاثة",
    "خمس",
    "سنوات",
    "ساعات",
    "دقيقة",
    "كل",
    "سنويا",
    "شهريا",
    "يوميا",
    // parts
    "مطلع",
    "أوائل",
    "منتصف",
    "أواخر",
    "نهاية",
    "بداية",
    // Hijri
    "رمضان",
    "شوال",
    "محرم",
    "ذي الحجة",
    "هـ",
    "للهجرة",
    "عيد الفطر",
    "عيد الأضحى",
    // clock
    "الساعة",
    "صباحا",
    "صباح",
    "مساء",
    "مساءً",
    "بعد الظهر",
    "والنصف",
    "الثالثة",
    "العاشرة",
    "الواحدة",
    "الثانية عشرة",
    "إلا",
    "ربعا",
    "والربع",
    "وثلث",
    "دقيقة",
    "ليلا",
    "ظهرا",
    // decades, centuries, quarters
    "القرن",
    "التسعينيات",
    "الثمانينات",
    "الربع",
    "النصف",
    "الأول",
    "الثاني",
    "الحادي والعشرين",
    "العشرين",
    "الخامس عشر",
    // seasons and vague
    "صيف",
    "الصيف",
    "الشتاء",
    "الآن",
    "حاليا",
    "مؤخرا",
    "قريبا",
    // tense markers
    "سوف",
    "المقرر",
    "يصل",
    "عقد",
    "كان",
    // noise
    "الرئيس",
    "المادة",
    "مليار",
    "دولار",
    "جندي",
    "S-400",
    "كوفيد-١٩",
    "الـ80",
    // punctuation pieces
    "/",
    "-",
    ":",
    ".",
    "،",
    "(",
    ")",
    "\n",
];

/// The Arabic-Indic digit for an ASCII digit.
fn to_indic(c: char) -> char {
    char::from_u32('\u{0660}' as u32 + (c as u32 - '0' as u32)).unwrap_or(c)
}

/// An ASCII or Arabic-Indic number in 0..3000, sometimes zero-padded; day-, month- and
/// year-sized numbers are drawn more often than their share of the range.
fn number() -> impl Strategy<Value = String> {
    let n = prop_oneof![
        2 => 0u32..3000,
        3 => 1u32..=32,
        2 => 1900u32..=2100,
        1 => 1380u32..=1480,
    ];
    (n, any::<bool>(), 0usize..3).prop_map(|(n, indic, pad)| {
        let ascii = match pad {
            0 => format!("{n:02}"),
            _ => n.to_string(),
        };
        if indic {
            ascii.chars().map(to_indic).collect()
        } else {
            ascii
        }
    })
}

/// A sequence of date words and numbers, joined mostly by spaces and sometimes by nothing.
fn date_words(max_words: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(VOCAB).prop_map(str::to_string),
        1 => number(),
    ];
    let sep = prop_oneof![
        8 => Just(" "),
        2 => Just(""),
        1 => Just("، "),
        1 => Just(". "),
        1 => Just("\n"),
    ];
    prop::collection::vec((piece, sep), 0..max_words).prop_map(|v| {
        let mut s = String::new();
        for (p, sep) in v {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

/// What may follow a clock time: minutes, "to", a part of the day.
const CLOCK_TAILS: &[&str] = &[
    "",
    "إلا ربعا",
    "إلا ثلثا",
    "إلا ربعا صباحا",
    "إلا ربعا مساء",
    "والنصف",
    "والربع مساء",
    "وثلث",
    "و18 دقيقة",
    "و59 دقيقة",
    "صباحا",
    "مساء",
    "ليلا",
    "بعد الظهر",
];

/// One date-shaped phrase built from the grammar's patterns, with numbers in or out of range:
/// `D/M/YYYY`, `YYYY-MM-DD`, `DAY MONTH YEAR`, `من D إلى D MONTH`, `الساعة HH:MM`, ….
fn date_phrase() -> impl Strategy<Value = String> {
    let word = || prop::sample::select(VOCAB).prop_map(str::to_string);
    let sep = || prop::sample::select(&["/", "-", ".", " / ", "\\", ":"][..]);
    let digits = |n: u32, indic: bool| -> String {
        let s = n.to_string();
        if indic {
            s.chars().map(to_indic).collect()
        } else {
            s
        }
    };
    prop_oneof![
        (1u32..=31, 1u32..=12, 1900u32..=2100, sep(), any::<bool>()).prop_map(
            move |(d, m, y, s, indic)| {
                format!(
                    "{}{s}{}{s}{}",
                    digits(d, indic),
                    digits(m, indic),
                    digits(y, indic)
                )
            }
        ),
        (number(), sep(), number(), sep(), number())
            .prop_map(|(a, s1, b, s2, c)| format!("{a}{s1}{b}{s2}{c}")),
        (number(), word(), number()).prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        (number(), word(), word(), number()).prop_map(|(d, m, m2, y)| format!("{d} {m}/{m2} {y}")),
        (number(), number(), word()).prop_map(|(a, b, m)| format!("من {a} إلى {b} {m}")),
        (number(), number(), word()).prop_map(|(a, b, m)| format!("{a}-{b} {m}")),
        (number(), number()).prop_map(|(h, m)| format!("الساعة {h}:{m}")),
        (
            prop::sample::select(&["الساعة ", ""][..]),
            0u32..=25,
            0u32..=61,
            prop::sample::select(CLOCK_TAILS)
        )
            .prop_map(|(pre, h, m, tail)| format!("{pre}{h:02}:{m:02} {tail}")),
        (
            prop::sample::select(&["الواحدة", "الثانية عشرة", "الثالثة", "العاشرة", "12", "0"][..]),
            prop::sample::select(CLOCK_TAILS)
        )
            .prop_map(|(h, tail)| format!("الساعة {h} {tail}")),
        (word(), number(), word()).prop_map(|(a, n, b)| format!("{a} {n} {b}")),
        (number(), number()).prop_map(|(a, b)| format!("عامي {a} و{b}")),
        number().prop_map(|n| format!("في {n}")),
    ]
}

/// Date-shaped phrases, date words and numbers mixed into one text.
fn date_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        2 => date_phrase(),
        2 => prop::sample::select(VOCAB).prop_map(str::to_string),
        1 => number(),
    ];
    let sep = prop_oneof![
        6 => Just(" "),
        1 => Just(""),
        1 => Just("، "),
        1 => Just(". "),
        1 => Just(" ("),
        1 => Just(") "),
    ];
    prop::collection::vec((piece, sep), 0..max_pieces).prop_map(|v| {
        v.into_iter()
            .flat_map(|(p, s)| [p, s.to_string()])
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(400))]

    /// Arbitrary bytes, decoded lossily: anything a scraper might hand over.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), dct in dct()) {
        let text = String::from_utf8_lossy(&bytes);
        check_all_modes(&text, dct)?;
    }

    /// Arbitrary Unicode strings.
    #[test]
    fn random_unicode_never_panics(text in any::<String>(), dct in dct()) {
        check_all_modes(&text, dct)?;
    }

    /// Strings over an Arabic-heavy alphabet with harakat, tatweel, digits of three scripts,
    /// presentation forms and punctuation.
    #[test]
    fn arabic_alphabet_spans_hold(text in arabic_string(300), dct in dct()) {
        check_all_modes(&text, dct)?;
    }
}

proptest! {
    #![proptest_config(config(1500))]

    /// Sequences of real date words and numbers: these reach deep into the grammar.
    #[test]
    fn date_word_sequences_spans_hold(text in date_words(40), dct in dct()) {
        check_all_modes(&text, dct)?;
    }

    /// Date-shaped phrases (numeric dates, ranges, clock times) among date words.
    #[test]
    fn date_phrases_spans_hold(text in date_text(16), dct in dct()) {
        check_all_modes(&text, dct)?;
    }

    /// Date words with random Arabic-alphabet noise glued in between.
    #[test]
    fn date_words_with_noise_spans_hold(
        parts in prop::collection::vec((date_words(6), arabic_string(6)), 0..8),
        dct in dct(),
    ) {
        let text: String = parts.into_iter().flat_map(|(a, b)| [a, b]).collect();
        check_all_modes(&text, dct)?;
    }
}

proptest! {
    #![proptest_config(config(600))]

    /// Resolved values are well formed (see [`check_values`]).
    #[test]
    fn resolved_values_are_valid(
        text in prop_oneof![date_text(16), date_words(30)],
        dct in dct(),
    ) {
        for mode in MODES {
            check_values(&extract_timexes(&text, dct, mode))?;
        }
    }

    /// Extents come from the grammar alone: the document date and the mode change values,
    /// never which text is a timex.
    #[test]
    fn spans_do_not_depend_on_dct_or_mode(
        text in prop_oneof![date_text(16), date_words(30)],
        dct in dct(),
    ) {
        let spans = |dct, mode| -> Vec<(usize, usize)> {
            extract_timexes(&text, dct, mode).iter().map(|t| (t.start, t.end)).collect()
        };
        let base = spans(None, Mode::News);
        for mode in MODES {
            prop_assert_eq!(&spans(dct, mode), &base, "in {:?} mode with {:?}", mode, dct);
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// The normaliser's offset map: every normalised char range maps inside the original,
    /// spans never run backwards, and both ends are monotonic in the normalised position.
    #[test]
    fn normalize_spans_are_monotonic(
        text in prop_oneof![arabic_string(80), any::<String>(), date_words(10)],
    ) {
        let original_len = text.chars().count();
        let n = normalize(&text);
        prop_assert_eq!(n.len(), n.text.chars().count());
        prop_assert!(n.len() <= original_len * 4, "normalised text grew more than 4x");
        let len = n.len();
        let mut prev_char: Option<(usize, usize)> = None;
        for i in 0..len {
            let (s, e) = n.original_span(i, i + 1);
            prop_assert!(s < e, "char {} maps to empty/reversed span {}..{}", i, s, e);
            prop_assert!(e <= original_len, "char {} maps to {}..{} past {}", i, s, e, original_len);
            if let Some((ps, pe)) = prev_char {
                prop_assert!(ps <= s && pe <= e, "char {} maps to {}..{} before {}..{}", i, s, e, ps, pe);
            }
            prev_char = Some((s, e));
        }
        // Every range (bounded for long texts) agrees with its end characters.
        let step = (len / 40).max(1);
        for i in (0..len).step_by(step) {
            for j in (i + 1..=len).step_by(step) {
                let (s, e) = n.original_span(i, j);
                prop_assert!(s < e && e <= original_len, "range {}..{} maps to {}..{}", i, j, s, e);
                prop_assert_eq!(s, n.original_span(i, i + 1).0);
                prop_assert_eq!(e, n.original_span(j - 1, j).1);
                let (s2, e2) = n.original_span(i, (j + 1).min(len));
                prop_assert!(s2 == s && e2 >= e, "range end not monotonic at {}..{}", i, j);
            }
        }
        // Empty and out-of-range requests stay inside the original.
        for (i, j) in [(0, 0), (len, len), (len, len + 3), (len + 5, len + 1), (len / 2, len / 2)] {
            let (s, e) = n.original_span(i, j);
            prop_assert!(s <= e && e <= original_len, "({}, {}) maps to {}..{}", i, j, s, e);
        }
        // A char dropped by normalisation is covered by the span of the char before it, or
        // leads the text: the spans together cover original[first_start..].
        if len > 0 {
            let (s, _) = n.original_span(0, 1);
            let (_, e) = n.original_span(len - 1, len);
            prop_assert_eq!(n.original_span(0, len), (s, e));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs the properties above once found, minimized by proptest
// ---------------------------------------------------------------------------------------------

/// Every input here broke a property; they run on every `cargo test`, whatever the random seed.
#[test]
fn minimized_failures_stay_fixed() {
    let cases = [
        // clock: HH:MM before إلا subtracts an hour from 0 (u32 overflow panic in debug builds).
        "الساعة 00:00 إلا ربعا",
        "00:30 إلا ربعا",
        // clock: hour 24 is accepted with any minutes, giving T24:01, T24:30.
        "الساعة 24:01",
        "الساعة 24:00 والنصف",
        // duration: a separate و at the very end of the text ("عامي و ") read the token after it.
        "عامي و ",
        "ثلاثة أيام و",
    ];
    let dcts = [None, Dct::parse("2022-09-15").ok()];
    let mut failures = Vec::new();
    for text in cases {
        // One report per input is enough.
        'input: for dct in dcts {
            for mode in MODES {
                let run = std::panic::catch_unwind(|| extract_timexes(text, dct, mode));
                let result = match run {
                    Err(_) => Err("panicked".to_string()),
                    Ok(found) => check_spans(text, &found)
                        .and_then(|()| check_values(&found))
                        .map_err(|e| e.to_string()),
                };
                if let Err(e) = result {
                    failures.push(format!("{text:?} ({mode:?}, dct {dct:?}): {e}"));
                    break 'input;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Huge and pathological inputs (no timing assertions: these only must finish without panic)
// ---------------------------------------------------------------------------------------------

const PARAGRAPH: &str = "موسكو – يصل الرئيس الصيني إلى العاصمة الروسية يوم الجمعة في زيارة دولة تستمر \
ثلاثة أيام، هي الأولى له منذ انتخابه في ١٤ من الشهر الجاري. وقال مساعد الرئيس إن الزيارة، الممتدة من \
٢٢ إلى ٢٤ آذار، ستتضمن محادثات، على أن يعقد الجانبان قمة في 16 أكتوبر/تشرين الأول 2022 الساعة \
الثالثة بعد الظهر. وكان الاتفاق قد وقع في 15/9/2022، أي قبل يومين من عيد الأضحى عام 2024، وفي \
رمضان 1446 هـ أعلن الوزير أمس الأربعاء أن الربع الأول من 2023 شهد نموا، مقارنة بالتسعينيات \
والقرن الحادي والعشرين. ويجتمع المجلس كل عام في مطلع ماي الجاري أو منتصف الشهر المقبل.\n";

fn check_big(text: &str, dct: Option<Dct>, mode: Mode) -> Vec<Timex> {
    let started = std::time::Instant::now();
    let found = extract_timexes(text, dct, mode);
    if let Err(e) = check_spans(text, &found) {
        panic!("span invariant broken on a {}-byte input: {e}", text.len());
    }
    eprintln!(
        "{} bytes, {mode:?}: {} timexes in {:.2?}",
        text.len(),
        found.len(),
        started.elapsed()
    );
    found
}

#[test]
fn huge_news_text_is_handled() {
    let dct = Dct::parse("2022-09-15").ok();
    let bytes: usize = std::env::var("TARIKH_HUGE_BYTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000_000);
    let copies = bytes / PARAGRAPH.len() + 1;
    let text = PARAGRAPH.repeat(copies);
    let found = check_big(&text, dct, Mode::News);
    let per_paragraph = check_big(PARAGRAPH, dct, Mode::News).len();
    assert!(per_paragraph > 0, "the paragraph itself has dates");
    assert!(
        found.len() >= per_paragraph * copies / 2,
        "found {} timexes in {copies} copies of a paragraph with {per_paragraph}",
        found.len()
    );
    // Narrative mode chains anchors through the whole text.
    check_big(
        &text[..text.floor_char_boundary(500_000)],
        dct,
        Mode::Narrative,
    );
}

#[test]
fn pathological_repetitions_are_handled() {
    let dct = Dct::parse("2022-09-15").ok();
    let cases: Vec<(&str, String)> = vec![
        ("100k «/»", "/".repeat(100_000)),
        ("100k «١»", "١".repeat(100_000)),
        ("100k «١ »", "١ ".repeat(100_000)),
        ("100k «من »", "من ".repeat(100_000)),
        ("100k «من ١ »", "من ١ ".repeat(100_000)),
        ("100k «1/»", "1/".repeat(100_000)),
        ("100k «1-»", "1-".repeat(100_000)),
        ("50k «من 20 إلى »", "من 20 إلى ".repeat(50_000)),
        ("50k «فيأبريل»", "فيأبريل".repeat(50_000)),
        ("100k tatweels", "\u{0640}".repeat(100_000)),
        ("100k harakat", "\u{064E}".repeat(100_000)),
        ("100k lam-alef ligatures", "\u{FEF7}".repeat(100_000)),
        ("100k newlines", "\n".repeat(100_000)),
        (
            "1 MB single word",
            "بالعامالماضي".repeat(1_000_000 / 24 + 1),
        ),
        ("1 MB of one letter", "ع".repeat(500_000)),
        ("1 MB of digits", "7".repeat(1_000_000)),
        ("1 MB Latin word", "a".repeat(1_000_000)),
        // Thousands of timexes in one sentence (no . ? ! ; or line break): the tense and
        // sentence look-ups must not rescan the sentence for every timex.
        ("100k «12:»", "12:".repeat(100_000)),
        ("30k «مارس/آذار »", "مارس/آذار ".repeat(30_000)),
    ];
    for (name, text) in &cases {
        // Modes differ only in how values resolve; the one that chains anchors through the
        // text is worth a second pass where there are timexes to chain.
        let modes: &[Mode] = if name.contains("12:") || name.contains("مارس") {
            &[Mode::News, Mode::Narrative]
        } else {
            &[Mode::News]
        };
        for &mode in modes {
            let started = std::time::Instant::now();
            let found = extract_timexes(text, dct, mode);
            if let Err(e) = check_spans(text, &found) {
                panic!("{name}, {mode:?}: {e}");
            }
            eprintln!(
                "{name} ({} bytes), {mode:?}: {} timexes in {:.2?}",
                text.len(),
                found.len(),
                started.elapsed()
            );
        }
    }
}
