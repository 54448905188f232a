//! Any document date (issue 10, item 4): whatever string is given as the date, parsing it
//! either refuses it or gives a date in the supported years, and extraction against any date
//! chrono can represent never panics (`+262142-12-31`, `-0001-01-01`, `0000-01-01` did).

use chrono::{Datelike, NaiveDate, NaiveTime};
use proptest::prelude::*;
use tarikh::extract::dct::YEARS;
use tarikh::extract::{Dct, Mode, extract};

/// Relative expressions of every family the resolver shifts: days, weekdays, weeks, months,
/// years, decades, centuries, seasons, quarters, Hijri months, clock times.
const TEXT: &str = "التقى الوزيران أمس واليوم وغدا، ويلتقيان الجمعة المقبلة والأسبوع المقبل \
    والشهر المقبل والعام المقبل، وكانا التقيا الجمعة الماضية والأسبوع الماضي والشهر الماضي \
    والعام الماضي وفي العقد الماضي والقرن الماضي، وفي الصيف الماضي والربع الأول من العام، وفي \
    رمضان المقبل، وفي 5 مايو، وفي الساعة العاشرة صباحا، وبعد ثلاثة أيام، وفي التسعينيات.";

const MODES: [Mode; 3] = [Mode::News, Mode::Narrative, Mode::Colloquial];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A date chrono can hold, near or at its limits, never makes extraction panic.
    #[test]
    fn extraction_survives_any_representable_date(
        days in prop_oneof![
            Just(i32::MIN),
            Just(i32::MAX),
            any::<i32>(),
            -1000i32..1000,
        ],
        edge in prop_oneof![Just(None), Just(Some(true)), Just(Some(false))],
        time in prop::option::of((0u32..24, 0u32..60)),
    ) {
        let date = match edge {
            Some(true) => NaiveDate::MAX,
            Some(false) => NaiveDate::MIN,
            None => NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MAX),
        };
        let time = time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0));
        for mode in MODES {
            let _ = extract(TEXT, Some(Dct { date, time }), mode);
        }
    }

    /// Whatever the string, a date is only accepted in the supported years and in the
    /// documented shape.
    #[test]
    fn parsing_any_string_is_exact(s in "[-+0-9T: ]{0,22}") {
        if let Ok(d) = Dct::parse(&s) {
            prop_assert!(YEARS.contains(&d.date.year()), "{s:?} gave {d:?}");
            prop_assert!(matches!(s.len(), 10 | 16 | 19), "{s:?}");
            prop_assert!(!s.starts_with(['+', '-', ' ']) && !s.ends_with(' '), "{s:?}");
        }
    }

    /// Every date the parser accepts goes through the extractor.
    #[test]
    fn accepted_dates_extract(y in 1700i32..2300, m in 1u32..=12, d in 1u32..=31) {
        let s = format!("{y:04}-{m:02}-{d:02}");
        if let Ok(dct) = Dct::parse(&s) {
            prop_assert!(YEARS.contains(&y));
            let _ = extract(TEXT, Some(dct), Mode::News);
        } else {
            prop_assert!(!YEARS.contains(&y) || NaiveDate::from_ymd_opt(y, m, d).is_none());
        }
    }
}
