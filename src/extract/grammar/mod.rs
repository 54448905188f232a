//! The temporal grammar: a [`Cursor`] over lexicon-analysed tokens, the [`tense`] of a
//! sentence, and the rules, one function each, by family: [`calendar`] (numeric dates, day and
//! month, ranges, months, years), [`in_words`] (years and days in words), [`hijri`] (Hijri
//! months, occasions), [`clock`], [`relative`] (days, weekdays, shifted units, ago),
//! [`amount`] (durations, their fractions and parts, counted and vague stretches), [`set`],
//! [`stretch`] (the weekend, the rest of a unit, the decade, weeks of a year) and [`period`]
//! (seasons, decades, centuries, quarters, vague references, parts of a period). Number words
//! up to the thousands are read by [`Cursor::cardinal`] ([`numbers`]). Every expression found
//! names its [`Rule`].
//!
//! # Grammar
//!
//! `DAY` is 1–31 in digits or an ordinal word (الخامس عشر); `MONTH` is any regional month name,
//! optionally after "شهر" and optionally doubled (`MONTH/MONTH`, `MONTH (MONTH)`); `YEAR` is a
//! four-digit number; `CARDINAL` a number in words up to the thousands (ثلاثمائة وخمسة وستين,
//! ثلاثة آلاف, ألف وتسعمائة وتسعة وتسعين) and `N` one in digits or words; `SHIFT` is
//! الماضي/المقبل/القادم/الجاري/الحالي/المنصرم and their feminines.
//!
//! | rule | pattern | example → value |
//! |---|---|---|
//! | `numeric_date` | `D/M/YYYY [م\|هـ]`, `D / M / YYYY`, `D.M.YYYY`, `D/M/YY`, `YYYY-MM-DD`, `M/YYYY`, `YYYY/M`, `(WEEKDAY\|يوم\|تاريخ\|في …) D/M` (month first only when forced) | ٢٩ / ٧ / ١٤٤٧هـ → 2026-01-18; يوم 4/22 → …-04-22 |
//! | `season_years` | the second year of `YYYY/YYYY` or `YYYY/YY`, consecutive years (the first is `numeric_date`) | موسم 2012/2013 → 2012, 2013 |
//! | `latin_date` | `[WEEKDAY-en [,]] (D MONTH-en \| MONTH-en D) [,] YYYY` | Saturday 17 June, 2023 → 2023-06-17 |
//! | `clock` | `الساعة (ORD \| N) [والنصف \| إلا ربعا \| و N دقيقة] [صباحا\|مساء\|بعد الظهر\|هذه الليلة …]`, `[الساعة] HH:MM[:SS]`, `N (صباحا\|مساء …)`, `منتصف الليل` (T24:00; `منتصف ليلة DAY` is a `timestamp`); before `من DAYPART [DAY]` the hour takes that half of the day and that day (which stays its own DATE) | الساعة الثالثة بعد الظهر → …T15:00; 15:23:24 → …T15:23:24 |
//! | `clock_range` | the first end of `(clock \| N) (إلى\|حتى\|-\|و) clock`, with the second's part of the day when it has none | من الساعة 3 إلى الساعة 4 بعد العصر → …T15:00 |
//! | `timestamp` | `(numeric_date \| day_month \| weekday_date \| latin_date) [،] clock`, a date with its day | 25 ابريل 2024 19:57 → 2024-04-25T19:57; السبت 21/09 الساعة 1:30 بعد الظهر |
//! | `range_days` | `DAY (إلى\|حتى\|-\|و) (day_month \| range_days)` (a list: أيام 3 و4 و5 جوان) | من 20 إلى 22 مارس → 20 = …-03-20 |
//! | `day_month` | `DAY [من] MONTH [YEAR \| عام YEAR \| من عام YEAR \| [من] relative_unit-year \| SHIFT]`, `DAY من الشهر ORD` | 16 أكتوبر/تشرين الأول → 2022-10-16; 3 مارس من العام الماضي → 2021-03-03 |
//! | `month_day` | `MONTH ORD [YEAR]`, `MONTH D (إلى\|-) D [YEAR]` (a strong month name; the second day is `range_days`) | مايو الحادي والعشرين → …-05-21; يوليو 13-15 |
//! | `nth_day` | `اليوم ORD (من\|في\|ب) MONTH`, `ORD [يوم] (يوم \| WEEKDAY) (من\|في\|ب) MONTH`, `WEEKDAY (الأخير \| ORD-feminine) من MONTH`, `(الأسبوع ORD \| ORD أسبوع) (من\|في\|ب) MONTH` (a week wholly in the month); `MONTH` may be `الشهر SHIFT`, `الشهر ORD`, a Hijri month | ثالث ثلاثاء من أيلول 2014 → 2014-09-16; آخر يوم من أكتوبر 2015 → 2015-10-31; الأسبوع الأول من أكتوبر 2014 → 2014-W41 |
//! | `day_hijri_month` | `DAY HMONTH [YEAR [هـ\|للهجرة]]` | 22 رمضان 1436 هـ → 2015-07-09 |
//! | `day_of_relative_month` | `DAY [من] الشهر (SHIFT \| نفسه)`, `DAY من هذا الشهر`, `DAY (الجاري\|الحالي)` | ١٤ من الشهر الجاري → 2013-03-14 |
//! | `part_of` | `(مطلع\|أوائل\|منتصف\|أواخر\|نهاية …) (month \| relative_unit \| year \| YEAR \| season)` | مطلع ماي الجاري → 2014-05, mod START |
//! | `month` | `MONTH [YEAR \| SHIFT]` (ambiguous names need context) | فبراير/شباط → 2022-02; مايو الماضي |
//! | `hijri_month` | `[شهر] HMONTH (YEAR [هـ] \| SHIFT)`, `شهر HMONTH`, `(في\|خلال\|منذ …) HMONTH` (not صفر, not before a name) | رمضان 1446 هـ → 2025-03 |
//! | `occasion` | `(عيد الفطر\|عيد الأضحى\|عيد الفصح\|عيد القيامة …) [[عام] YEAR \| SHIFT]` (Easter by the Western computus, عيد القيامة and الفصح الشرقي by the Julian) | عيد الأضحى عام 2024 → 2024-06-16; عيد الفصح 2013 → 2013-03-31 |
//! | `year` | `(عام\|سنة\|عامي) YEAR [م] [(و\|إلى\|-) YEAR]`, `عام` before a `season_years` pair | عام 2014 → 2014 |
//! | `year_range` | the second year of `year` or `year_after_preposition`: `(و\|إلى\|-) YEAR` | بين عامي 2014 و2018 → 2018 |
//! | `year_in_words` | `(عام\|سنة) CARDINAL-words` (1000–2999); `(في\|منذ\|خلال\|بحلول\|حتى) CARDINAL`, `CARDINAL م`, `CARDINAL` alone between punctuation (1901–2099 with units or tens; not before a counted noun) | عام ألف وتسعمائة وتسعة وتسعين → 1999; في ألفين وسبعة وعشرين → 2027 |
//! | `day_in_words` | `CARDINAL-words [من] MONTH-strong [YEAR \| SHIFT]` | خمسة وعشرين ديسمبر → …-12-25 |
//! | `year_after_preposition` | `(في\|منذ\|حتى\|من\|بين …) YEAR` (not before a counted noun) | في 2015 → 2015 |
//! | `relative_day` | `[صباح\|مساء] (أمس\|البارحة\|أول أمس\|اليوم\|غدا\|بعد غد) [WEEKDAY]`, `اليوم التالي` | أمس الأربعاء → DCT−1 |
//! | `relative_day_date` | `relative_day WEEKDAY (numeric_date \| day_month)`, no comma between | اليوم الجمعة 20 غشت 2021 → 2021-08-20 |
//! | `weekday` | `[صباح\|مساء] [يوم\|يومي] WEEKDAY [SHIFT]`, `WEEKDAY (و WEEKDAY)* من relative_unit`, `WEEKDAY-bare relative_unit` (that week's day) | الجمعة الماضية → last Friday; أحد الأسبوع الماضي |
//! | `weekday_date` | `[يوم] WEEKDAY [،] (numeric_date \| day_month)` | الثلاثاء 15 سبتمبر → 2022-09-15 |
//! | `relative_unit` | `(الأسبوع\|الشهر\|العام\|السنة) (SHIFT \| نفسه \| التالي \| السابق)`, `(هذا\|هذه) UNIT` | هذا الأسبوع → 2022-W37 |
//! | `rest_of` | `(بقية\|باقي\|ما تبقى من) (relative_unit \| ال-UNIT)`: the unit | بقية الأسبوع → 2022-W37 |
//! | `ago` | `(قبل\|بعد) (N UNIT \| UNIT-dual \| UNIT)`, not before a year, a date or a weekday (قبل عام 2020 is a `year`); before `(من\|على) EVENT` the amount alone is a `duration` | قبل يومين → DCT−2; قبل 24 ساعة من بدء التصويت → PT24H |
//! | `duration` | `N UNIT`, `UNIT-dual`, `UNIT واحد`, `لمدة UNIT`, `N.N UNIT`, `(نصف\|ربع\|ثلث) UNIT`, `PART [ونصف\|وربع\|إلا ربع] (و PART)*` (smaller units), `ال-UNIT-plural (ال-N \| القليلة) [SHIFT\|الأخيرة]`, `(عدة\|بضعة) UNIT-plural` (PXD; after قبل/بعد an `ago`, PAST_REF/FUTURE_REF), decade words only beside a word of time (عقد is also a contract); N up to the thousands in words | ساعة ونصف → PT1H30M; عام واحد وشهر و21 يوما → P1Y1M21D; الأشهر الستة الماضية → P6M; الأيام القليلة الماضية → PXD |
//! | `set` | `سنويا\|شهريا\|…`, `كل UNIT`, `كل يوم WEEKDAY`, `كل WEEKDAY-bare`, `كل DAYPART`, `كل N UNIT`; `TIMES (set \| في ال-UNIT)` with its frequency | كل يوم اثنين → XXXX-WXX-1; كل صباح → XXXX-XX-XXTMO; مرتين في الأسبوع → P1W freq 2X |
//! | `season` | `SEASON YEAR`, `ال-SEASON [SHIFT]`, `هذا ال-SEASON` | صيف 2016 → 2016-SU |
//! | `decade` | `ال-DECADE`, `DECADE القرن (ORD \| SHIFT)` | التسعينيات → 199 |
//! | `relative_decade` | `العقد (الماضي\|المقبل\|القادم)`, `(خلال\|في …) العقد (الحالي\|الجاري)`, `هذا العقد` (not before ل + owner: العقد المقبل للاعب is a contract) | العقد القادم → 203 (DCT 2022) |
//! | `weekend` | `عطلة نهاية (الأسبوع [SHIFT] \| هذا الأسبوع)` | عطلة نهاية الأسبوع الماضي → 2016-W44-WE |
//! | `week_of_year` | `(الأسبوع ORD \| ORD أسبوع) (من\|في) ([عام] YEAR \| relative_unit-year)` (ISO weeks) | الأسبوع الأول من عام 2015 → 2015-W01 |
//! | `this_month` | `(هذا\|هذه) MONTH` | هذا مارس → 2022-03 |
//! | `century` | `القرن (ORD \| N \| SHIFT)` | القرن الحادي والعشرين → 20 |
//! | `quarter_half` | `(الربع\|النصف) ORD [من] (YEAR \| عام YEAR \| relative_unit)` | الربع الأول من 2023 → 2023-Q1 |
//! | `vague` | `الآن\|حاليا\|مؤخرا\|في وقت سابق\|قريبا` | الآن → PRESENT_REF |
//!
//! Never a date: numbers glued to Latin letters or hyphenated to a word (S-400, Su-35,
//! كوفيد-١٩), decimals, "الـ80", and bare numbers without a year word or a preposition, or
//! followed by a counted noun (المادة 51, 400 مليار دولار, في 2000 جندي).
//!

pub mod amount;
pub mod calendar;
pub mod clock;
pub mod cursor;
pub mod days;
pub mod hijri;
pub mod in_words;
pub mod numbers;
pub mod numeric;
pub mod period;
pub mod relative;
pub mod set;
pub mod stretch;
pub mod tense;

use super::TimexMod;
use super::resolve::Expr;

pub use amount::duration;
pub use calendar::{day_month, latin_date, month, range_days, year_after_preposition, year_word};
pub use clock::{clock, clock_range, with_clock};
pub use cursor::Cursor;
pub use days::{month_day, nth_day};
pub use hijri::{hijri_month, occasion};
pub use in_words::{day_in_words, year_in_words};
pub use numeric::numeric_date;
pub use period::{century, decade, part_of, quarter_half, season, vague};
pub use relative::{ago, relative_day, relative_unit, weekday};
pub use set::set;
pub use stretch::{relative_decade, rest_of, this_month, week_of_year, weekend};

/// The name of the rule that found an expression; each is a row of the grammar table above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    NumericDate,
    SeasonYears,
    LatinDate,
    Clock,
    ClockRange,
    Timestamp,
    RangeDays,
    DayMonth,
    MonthDay,
    NthDay,
    DayHijriMonth,
    DayOfRelativeMonth,
    PartOf,
    Month,
    HijriMonth,
    Occasion,
    Year,
    YearRange,
    YearInWords,
    DayInWords,
    YearAfterPreposition,
    RelativeDay,
    RelativeDayDate,
    Weekday,
    WeekdayDate,
    RelativeUnit,
    RestOf,
    Ago,
    Duration,
    Set,
    Season,
    Decade,
    RelativeDecade,
    Weekend,
    WeekOfYear,
    ThisMonth,
    Century,
    QuarterHalf,
    Vague,
}

impl Rule {
    /// Every rule, in the order of the grammar table.
    pub const ALL: &[Rule] = &[
        Rule::NumericDate,
        Rule::SeasonYears,
        Rule::LatinDate,
        Rule::Clock,
        Rule::ClockRange,
        Rule::Timestamp,
        Rule::RangeDays,
        Rule::DayMonth,
        Rule::MonthDay,
        Rule::NthDay,
        Rule::DayHijriMonth,
        Rule::DayOfRelativeMonth,
        Rule::PartOf,
        Rule::Month,
        Rule::HijriMonth,
        Rule::Occasion,
        Rule::Year,
        Rule::YearRange,
        Rule::YearInWords,
        Rule::DayInWords,
        Rule::YearAfterPreposition,
        Rule::RelativeDay,
        Rule::RelativeDayDate,
        Rule::Weekday,
        Rule::WeekdayDate,
        Rule::RelativeUnit,
        Rule::RestOf,
        Rule::Ago,
        Rule::Duration,
        Rule::Set,
        Rule::Season,
        Rule::Decade,
        Rule::RelativeDecade,
        Rule::Weekend,
        Rule::WeekOfYear,
        Rule::ThisMonth,
        Rule::Century,
        Rule::QuarterHalf,
        Rule::Vague,
    ];

    /// The rule's name as written in the grammar table and reported on each [`Timex`](super::Timex).
    pub fn name(self) -> &'static str {
        match self {
            Rule::NumericDate => "numeric_date",
            Rule::SeasonYears => "season_years",
            Rule::LatinDate => "latin_date",
            Rule::Clock => "clock",
            Rule::ClockRange => "clock_range",
            Rule::Timestamp => "timestamp",
            Rule::RangeDays => "range_days",
            Rule::DayMonth => "day_month",
            Rule::MonthDay => "month_day",
            Rule::NthDay => "nth_day",
            Rule::DayHijriMonth => "day_hijri_month",
            Rule::DayOfRelativeMonth => "day_of_relative_month",
            Rule::PartOf => "part_of",
            Rule::Month => "month",
            Rule::HijriMonth => "hijri_month",
            Rule::Occasion => "occasion",
            Rule::Year => "year",
            Rule::YearRange => "year_range",
            Rule::YearInWords => "year_in_words",
            Rule::DayInWords => "day_in_words",
            Rule::YearAfterPreposition => "year_after_preposition",
            Rule::RelativeDay => "relative_day",
            Rule::RelativeDayDate => "relative_day_date",
            Rule::Weekday => "weekday",
            Rule::WeekdayDate => "weekday_date",
            Rule::RelativeUnit => "relative_unit",
            Rule::RestOf => "rest_of",
            Rule::Ago => "ago",
            Rule::Duration => "duration",
            Rule::Set => "set",
            Rule::Season => "season",
            Rule::Decade => "decade",
            Rule::RelativeDecade => "relative_decade",
            Rule::Weekend => "weekend",
            Rule::WeekOfYear => "week_of_year",
            Rule::ThisMonth => "this_month",
            Rule::Century => "century",
            Rule::QuarterHalf => "quarter_half",
            Rule::Vague => "vague",
        }
    }
}

/// One expression a rule found: tokens `first..last`, what it means, and the rule's name.
#[derive(Debug, Clone)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
    pub modifier: Option<TimexMod>,
    /// The weekday the text gave with a full date ("الأحد 29 رمضان"), checked against it.
    pub weekday: Option<u8>,
    pub rule: Rule,
}

/// A rule's answer: the token after the match, and the expressions in it (a range has two,
/// a consumed non-date none).
pub type Hit = (usize, Vec<Found>);
fn found(first: usize, last: usize, expr: Expr, rule: Rule) -> Found {
    Found {
        first,
        last,
        expr,
        modifier: None,
        weekday: None,
        rule,
    }
}

fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>, shift: Option<i8>) -> Expr {
    Expr::Date {
        year,
        month,
        day,
        shift,
    }
}
/// Every rule, tried at each token; the longest match wins, the earlier rule on a tie.
pub const RULES: &[fn(&Cursor, usize) -> Option<Hit>] = &[
    numeric_date,
    latin_date,
    clock,
    clock_range,
    range_days,
    day_month,
    month_day,
    nth_day,
    weekend,
    part_of,
    month,
    this_month,
    hijri_month,
    occasion,
    year_word,
    year_in_words,
    day_in_words,
    year_after_preposition,
    relative_day,
    weekday,
    rest_of,
    relative_unit,
    ago,
    duration,
    set,
    season,
    decade,
    relative_decade,
    week_of_year,
    century,
    quarter_half,
    vague,
];

#[cfg(test)]
mod tests {
    use super::Rule;

    /// The rule names in the first column of the grammar table of this module's doc.
    fn table_rules() -> Vec<String> {
        include_str!("mod.rs")
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .filter_map(|l| l.strip_prefix("//! | `"))
            .filter_map(|l| l.split('`').next())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_rule_is_in_the_grammar_table_and_every_row_is_a_rule() {
        let table = table_rules();
        let names: Vec<String> = Rule::ALL.iter().map(|r| r.name().to_owned()).collect();
        assert_eq!(table, names, "grammar table rows vs Rule::ALL");
    }
}
