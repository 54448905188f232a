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
pub mod events;
pub mod gazetteer;
pub mod schedule;

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

/// Gregorian months in every regional form. Levantine names that are also common words or
/// surnames are marked ambiguous.
const MONTHS: &[(&str, u8, bool)] = &[
    // Egyptian / Gulf
    ("يناير", 1, false),
    ("فبراير", 2, false),
    ("مارس", 3, true),
    ("أبريل", 4, false),
    ("إبريل", 4, false),
    ("ابرايل", 4, false),
    ("مايو", 5, false),
    ("يونيو", 6, false),
    ("يونيه", 6, false),
    ("يونية", 6, false),
    ("يوليو", 7, false),
    ("يوليه", 7, false),
    ("يولية", 7, false),
    ("أغسطس", 8, false),
    ("اغسطس", 8, false),
    ("سبتمبر", 9, false),
    ("أكتوبر", 10, false),
    ("نوفمبر", 11, false),
    ("ديسمبر", 12, false),
    // Levantine / Iraqi
    ("كانون الثاني", 1, false),
    ("كانون 2", 1, false),
    ("شباط", 2, true),
    ("آذار", 3, false),
    ("نيسان", 4, true),
    ("أيار", 5, false),
    ("حزيران", 6, false),
    ("تموز", 7, true),
    ("آب", 8, true),
    ("أيلول", 9, false),
    ("تشرين الأول", 10, false),
    ("تشرين 1", 10, false),
    ("تشرين الثاني", 11, false),
    ("تشرين 2", 11, false),
    ("كانون الأول", 12, false),
    ("كانون 1", 12, false),
    // Maghreb (Algeria, Tunisia)
    ("جانفي", 1, false),
    ("فيفري", 2, false),
    ("أفريل", 4, false),
    ("ماي", 5, true),
    ("جوان", 6, true),
    ("جويلية", 7, false),
    ("جويليه", 7, false),
    ("أوت", 8, true),
    // Morocco
    ("يوليوز", 7, false),
    ("غشت", 8, false),
    ("شتنبر", 9, false),
    ("نونبر", 11, false),
    ("دجنبر", 12, false),
];

const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الأول", 3),
    ("ربيع أول", 3),
    ("ربيع الآخر", 4),
    ("ربيع الثاني", 4),
    ("جمادى الأولى", 5),
    ("جمادى الأول", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الثانية", 6),
    ("جمادى الآخر", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
];

const WEEKDAYS: &[(&str, u8)] = &[
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("الأحد", 7),
];

const UNITS: &[(&str, Unit, Count)] = &[
    ("ثانية", Unit::Second, Count::One),
    ("ثانيتين", Unit::Second, Count::Two),
    ("ثوان", Unit::Second, Count::Many),
    ("ثواني", Unit::Second, Count::Many),
    ("دقيقة", Unit::Minute, Count::One),
    ("دقيقتين", Unit::Minute, Count::Two),
    ("دقيقتان", Unit::Minute, Count::Two),
    ("دقائق", Unit::Minute, Count::Many),
    ("ساعة", Unit::Hour, Count::One),
    ("ساعتين", Unit::Hour, Count::Two),
    ("ساعتان", Unit::Hour, Count::Two),
    ("ساعات", Unit::Hour, Count::Many),
    ("يوم", Unit::Day, Count::One),
    ("يوما", Unit::Day, Count::Many),
    ("يومين", Unit::Day, Count::Two),
    ("يومان", Unit::Day, Count::Two),
    ("أيام", Unit::Day, Count::Many),
    ("أسبوع", Unit::Week, Count::One),
    ("أسبوعا", Unit::Week, Count::Many),
    ("أسبوعين", Unit::Week, Count::Two),
    ("أسبوعان", Unit::Week, Count::Two),
    ("أسابيع", Unit::Week, Count::Many),
    ("شهر", Unit::Month, Count::One),
    ("شهرا", Unit::Month, Count::Many),
    ("شهرين", Unit::Month, Count::Two),
    ("شهران", Unit::Month, Count::Two),
    ("أشهر", Unit::Month, Count::Many),
    ("شهور", Unit::Month, Count::Many),
    ("عام", Unit::Year, Count::One),
    ("عاما", Unit::Year, Count::Many),
    ("عامين", Unit::Year, Count::Two),
    ("عامان", Unit::Year, Count::Two),
    ("أعوام", Unit::Year, Count::Many),
    ("سنة", Unit::Year, Count::One),
    ("سنوات", Unit::Year, Count::Many),
    ("سنين", Unit::Year, Count::Many),
    ("سنتين", Unit::Year, Count::Two),
    ("سنتان", Unit::Year, Count::Two),
    ("عقود", Unit::Decade, Count::Many),
    ("قرن", Unit::Century, Count::One),
    ("قرنا", Unit::Century, Count::Many),
    // Also "contract": a duration only beside a word of time (see grammar::amount).
    ("عقدا", Unit::Decade, Count::Many),
    ("عقدين", Unit::Decade, Count::Two),
    ("عقدان", Unit::Decade, Count::Two),
    ("قرنين", Unit::Century, Count::Two),
    ("قرون", Unit::Century, Count::Many),
];

/// Cardinal number words, including the accusative (خمسًا) and the forms used in compounds.
const NUMBERS: &[(&str, u32)] = &[
    ("واحد", 1),
    ("واحدة", 1),
    ("أحد", 1),
    ("إحدى", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("اثنا", 2),
    ("اثني", 2),
    ("اثنتا", 2),
    ("اثنتي", 2),
    ("ثلاث", 3),
    ("ثلاثة", 3),
    ("ثلاثا", 3),
    ("أربع", 4),
    ("أربعة", 4),
    ("أربعا", 4),
    ("خمس", 5),
    ("خمسة", 5),
    ("خمسا", 5),
    ("ست", 6),
    ("ستة", 6),
    ("ستا", 6),
    ("سبع", 7),
    ("سبعة", 7),
    ("سبعا", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانية", 8),
    ("ثمانيا", 8),
    ("تسع", 9),
    ("تسعة", 9),
    ("تسعا", 9),
    ("عشر", 10),
    ("عشرة", 10),
    ("عشرا", 10),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("أربعون", 40),
    ("أربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("مئة", 100),
    ("مائة", 100),
];

/// Ordinals (masculine and feminine), used for days of the month, clock hours and centuries.
const ORDINALS: &[(&str, u32)] = &[
    ("الأول", 1),
    ("الأولى", 1),
    ("الحادي", 1),
    ("الحادية", 1),
    ("الواحدة", 1),
    ("الثاني", 2),
    ("الثانية", 2),
    ("الثالث", 3),
    ("الثالثة", 3),
    ("الرابع", 4),
    ("الرابعة", 4),
    ("الخامس", 5),
    ("الخامسة", 5),
    ("السادس", 6),
    ("السادسة", 6),
    ("السابع", 7),
    ("السابعة", 7),
    ("الثامن", 8),
    ("الثامنة", 8),
    ("التاسع", 9),
    ("التاسعة", 9),
    ("العاشر", 10),
    ("العاشرة", 10),
    ("العشرين", 20),
    ("العشرون", 20),
    ("الثلاثين", 30),
    ("الثلاثون", 30),
];

const DECADES: &[(&str, u8)] = &[
    ("العشرينيات", 2),
    ("العشرينات", 2),
    ("الثلاثينيات", 3),
    ("الثلاثينات", 3),
    ("الأربعينيات", 4),
    ("الأربعينات", 4),
    ("الخمسينيات", 5),
    ("الخمسينات", 5),
    ("الستينيات", 6),
    ("الستينات", 6),
    ("السبعينيات", 7),
    ("السبعينات", 7),
    ("الثمانينيات", 8),
    ("الثمانينات", 8),
    ("التسعينيات", 9),
    ("التسعينات", 9),
];

/// Everything else, one meaning per spelling.
const WORDS: &[(&str, Lex)] = &[
    ("أمس", RelDay(-1)),
    ("الأمس", RelDay(-1)),
    ("البارحة", RelDay(-1)),
    ("أول أمس", RelDay(-2)),
    ("أول من أمس", RelDay(-2)),
    ("اليوم", RelDay(0)),
    ("الليلة", RelDay(0)),
    ("غدا", RelDay(1)),
    ("غد", RelDay(1)),
    ("الغد", RelDay(1)),
    ("بعد غد", RelDay(2)),
    ("بعد الغد", RelDay(2)),
    ("قبل أمس", RelDay(-2)),
    ("قبل البارحة", RelDay(-2)),
    // Levantine and Gulf speech: بكرة (tomorrow), امبارح (yesterday), الجاي (the coming).
    ("بكرة", RelDay(1)),
    ("بكرا", RelDay(1)),
    ("بعد بكرة", RelDay(2)),
    ("بعد بكرا", RelDay(2)),
    ("امبارح", RelDay(-1)),
    ("قبل امبارح", RelDay(-2)),
    ("الماضي", Shift(-1)),
    ("الماضية", Shift(-1)),
    ("المنصرم", Shift(-1)),
    ("المنصرمة", Shift(-1)),
    ("الفائت", Shift(-1)),
    ("الفائتة", Shift(-1)),
    ("السابق", Shift(-1)),
    ("السابقة", Shift(-1)),
    ("الجاي", Shift(1)),
    ("الجاية", Shift(1)),
    // "الماضي" cut short by scraping or typing.
    ("الماض", Shift(-1)),
    ("المقبل", Shift(1)),
    ("المقبلة", Shift(1)),
    ("القادم", Shift(1)),
    ("القادمة", Shift(1)),
    ("الجاري", Shift(0)),
    ("الجارية", Shift(0)),
    ("الحالي", Shift(0)),
    ("الحالية", Shift(0)),
    ("هذا", This),
    ("هذه", This),
    ("مطلع", Part(TimexMod::Start)),
    ("أوائل", Part(TimexMod::Start)),
    ("بداية", Part(TimexMod::Start)),
    ("بدايات", Part(TimexMod::Start)),
    ("مستهل", Part(TimexMod::Start)),
    ("منتصف", Part(TimexMod::Mid)),
    ("أواسط", Part(TimexMod::Mid)),
    ("أواخر", Part(TimexMod::End)),
    ("نهاية", Part(TimexMod::End)),
    ("ختام", Part(TimexMod::End)),
    ("صيف", Season(Season::Summer)),
    ("شتاء", Season(Season::Winter)),
    ("ربيع", Season(Season::Spring)),
    ("خريف", Season(Season::Autumn)),
    ("صباح", DayPart(DayPart::Morning)),
    ("ظهر", DayPart(DayPart::Noon)),
    ("مساء", DayPart(DayPart::Evening)),
    ("ليلة", DayPart(DayPart::Night)),
    ("ليل", DayPart(DayPart::Night)),
    ("فجر", DayPart(DayPart::Morning)),
    ("عصر", DayPart(DayPart::Noon)),
    ("صباحا", ClockPart(ClockPart::Am)),
    ("فجرا", ClockPart(ClockPart::Am)),
    ("ظهرا", ClockPart(ClockPart::Pm)),
    ("بعد الظهر", ClockPart(ClockPart::Pm)),
    ("عصرا", ClockPart(ClockPart::Pm)),
    ("العصر", ClockPart(ClockPart::Pm)),
    ("بعد العصر", ClockPart(ClockPart::Pm)),
    ("بعد المغرب", ClockPart(ClockPart::Pm)),
    ("قبل المغرب", ClockPart(ClockPart::Pm)),
    // The evening prayer: "الساعة 8 العشاء".
    ("العشاء", ClockPart(ClockPart::Pm)),
    ("بعد العشاء", ClockPart(ClockPart::Pm)),
    ("مساءا", ClockPart(ClockPart::Pm)),
    ("الصبح", ClockPart(ClockPart::Am)),
    ("الفجر", ClockPart(ClockPart::Am)),
    ("قبل الظهر", ClockPart(ClockPart::Am)),
    ("ربع", Fraction(15)),
    ("ربعا", Fraction(15)),
    ("ثلث", Fraction(20)),
    ("نصف", Fraction(30)),
    ("إلا", Except),
    ("ليلا", ClockPart(ClockPart::Pm)),
    ("الساعة", Hour),
    ("القرن", Century),
    ("الربع", Quarter),
    ("النصف", Half),
    ("عيد الفطر", Occasion(Occasion::EidAlFitr)),
    ("عيد الأضحى", Occasion(Occasion::EidAlAdha)),
    ("عيد الميلاد", Occasion(Occasion::Christmas)),
    ("رأس السنة الميلادية", Occasion(Occasion::GregorianNewYear)),
    ("رأس السنة الهجرية", Occasion(Occasion::HijriNewYear)),
    ("المولد النبوي", Occasion(Occasion::Mawlid)),
    ("عيد الفصح", Occasion(Occasion::Easter)),
    ("عيد الفصح المجيد", Occasion(Occasion::Easter)),
    ("عيد الفصح الشرقي", Occasion(Occasion::OrthodoxEaster)),
    ("عيد الفصح الأرثوذكسي", Occasion(Occasion::OrthodoxEaster)),
    ("عيد القيامة", Occasion(Occasion::OrthodoxEaster)),
    ("عيد القيامة المجيد", Occasion(Occasion::OrthodoxEaster)),
    // Passover is also called عيد الفصح: the phrase names no day the tagger computes.
    ("عيد الفصح اليهودي", Idiom),
    ("الآن", Vague(VagueRef::Present)),
    ("حاليا", Vague(VagueRef::Present)),
    ("مؤخرا", Vague(VagueRef::Past)),
    ("في وقت سابق", Vague(VagueRef::Past)),
    ("قريبا", Vague(VagueRef::Future)),
    ("سنويا", Every(Unit::Year)),
    ("شهريا", Every(Unit::Month)),
    ("أسبوعيا", Every(Unit::Week)),
    ("يوميا", Every(Unit::Day)),
    ("كل", Each),
    ("نفسه", Same),
    ("نفسها", Same),
    ("ذاته", Same),
    ("ذاتها", Same),
    ("التالي", Following),
    ("التالية", Following),
    ("قبل", Before),
    ("بعد", After),
    ("من", From),
    ("إلى", Until),
    ("حتى", Until),
    ("بين", Between),
    ("لمدة", ForDuration),
    ("مدة", ForDuration),
    ("طوال", ForDuration),
    ("طيلة", ForDuration),
    ("في", YearPrep),
    ("منذ", YearPrep),
    ("خلال", YearPrep),
    ("بحلول", YearPrep),
    ("عند", YearPrep),
    ("سوف", Future),
    ("المقرر", Future),
    ("المقررة", Future),
    ("مقررة", Future),
    ("المتوقعة", Future),
    ("المرتقبة", Future),
    ("المنتظرة", Future),
    ("يعقد", Future),
    ("تعقد", Future),
    ("سيعقد", Future),
    ("ستعقد", Future),
    ("مقرر", Future),
    ("المتوقع", Future),
    ("يتوقع", Future),
    ("ويتوقع", Future),
    ("المنتظر", Future),
    ("المرتقب", Future),
    ("يعتزم", Future),
    ("تعتزم", Future),
    ("تستضيف", Future),
    ("يستضيف", Future),
    ("تنطلق", Future),
    ("ينطلق", Future),
    ("تبدأ", Future),
    ("يبدأ", Future),
    ("يغادر", Future),
    ("يشارك", Future),
    ("كان", Past),
    ("كانت", Past),
    ("قد", Past),
    ("عقد", Past),
    ("عقدت", Past),
    ("أجرى", Past),
    ("أجرت", Past),
    ("أجريا", Past),
    ("بدأ", Past),
    ("بدأت", Past),
    ("شارك", Past),
    ("غادر", Past),
    ("استضافت", Past),
    ("استضاف", Past),
    ("حضر", Past),
    ("اختتم", Past),
    ("اختتمت", Past),
    ("قال", Past),
    ("أعلن", Past),
    ("أكد", Past),
    ("شهد", Past),
    ("جرى", Past),
    ("جرت", Past),
    ("أصدر", Past),
    ("أصدرت", Past),
    ("عاد", Past),
    ("انطلق", Past),
    ("انطلقت", Past),
    // Weekdays written without the article, after يوم or كل.
    ("جمعة", Weekday(5)),
    ("سبت", Weekday(6)),
    ("خميس", Weekday(4)),
    ("أربعاء", Weekday(3)),
    ("ثلاثاء", Weekday(2)),
    ("عامي", Unit(Unit::Year, Count::Two)),
    ("سنتي", Unit(Unit::Year, Count::Two)),
    ("الأخير", Ordinal(99)),
    ("الأخيرة", Ordinal(99)),
    ("أول", Ordinal(1)),
    // Ordinals before the noun they count, without the article: "ثالث ثلاثاء", "آخر يوم".
    ("ثاني", Ordinal(2)),
    ("ثان", Ordinal(2)),
    ("ثالث", Ordinal(3)),
    ("رابع", Ordinal(4)),
    ("خامس", Ordinal(5)),
    ("آخر", Ordinal(99)),
    // The first day of a month: "فاتح ماي", "غرة شعبان".
    ("فاتح", FirstDay),
    ("غرة", FirstDay),
    ("الماضيين", Shift(-1)),
    ("الماضيتين", Shift(-1)),
    ("المقبلين", Shift(1)),
    ("المقبلتين", Shift(1)),
    ("القادمين", Shift(1)),
];

/// Words starting with سي/ست/سن that are not future verbs (سيزور is; سياسة is not).
pub const NOT_FUTURE_VERBS: &[&str] = &[
    "سياسة",
    "سياسي",
    "سياسية",
    "سياسات",
    "سياسيا",
    "سياسيون",
    "سياسيين",
    "سيارة",
    "سيارات",
    "سيطرة",
    "سيطر",
    "سيطرت",
    "سيادة",
    "سيدة",
    "سيدات",
    "سيناريو",
    "سيناء",
    "سينما",
    "سيول",
    "سيبيريا",
    "ستالين",
    "ستوكهولم",
    "ستراتيجية",
    "سنغافورة",
    "سنوات",
    "سنوية",
    "سنويا",
    "سنوي",
    "ستين",
    "ستون",
    "ستة",
    "سيرغي",
    "سيرجي",
];

/// Words that say a number next to them counts something other than years or days:
/// money, people, weapons, articles of law. A number beside one of them is never a date.
pub const NOT_DATE_CONTEXT: &[&str] = &[
    "المادة",
    "مادة",
    "القرار",
    "قرار",
    "الذكرى",
    "البند",
    "بند",
    "بندا",
    "دولار",
    "دولارا",
    "يورو",
    "مليار",
    "مليارات",
    "مليون",
    "ملايين",
    "ألف",
    "آلاف",
    "شخص",
    "شخصا",
    "أشخاص",
    "جندي",
    "جنديا",
    "جنود",
    "قتيلا",
    "قتلى",
    "رئيس",
    "دولة",
    "دول",
    "طراز",
    "صاروخ",
    "صواريخ",
    "طائرة",
    "طائرات",
    "مقعدا",
    "متر",
    "كيلومتر",
    "كلم",
    "طن",
    "برميل",
    "بالمئة",
    "بالمائة",
    "%",
];

/// Short words that scraping glues to the next word (فيأبريل, منذيناير): a token that is one
/// of these followed by a lexicon word is split in two.
pub const GLUE_LEFT: &[&str] = &[
    "في", "من", "منذ", "إلى", "الى", "على", "عن", "حتى", "خلال", "قبل", "بعد", "مع", "بين", "يوم",
    "و", "ثم", "أو",
];

/// Nouns that "العام" follows as the adjective "general" (الأمين العام, الرأي العام), not as
/// "the year".
pub const GENERAL_NOUNS: &[&str] = &[
    "الأمين",
    "المدعي",
    "النائب",
    "المدير",
    "الرأي",
    "القطاع",
    "المؤتمر",
    "الإضراب",
    "المفتش",
    "القائد",
    "الأمن",
    "النظام",
    "الشأن",
    "المال",
    "الصالح",
    "المرشد",
    "المراقب",
    "المنسق",
    "العفو",
    "الدين",
    "الإنفاق",
    "التعليم",
    "الموظف",
    "المشرف",
    "الاتحاد",
];

/// Words before a day and month that make them a name ("قوى 14 آذار", "تيار 8 آذار").
pub const NAMED_BY_DATE: &[&str] = &["قوى", "تحالف", "تيار", "حركة", "تجمع"];

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
    lx
});

/// A word list with every word folded, for lookups of folded text.
fn folded(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

static NOT_FUTURE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(NOT_FUTURE_VERBS));

static NOT_DATE: LazyLock<HashSet<String>> = LazyLock::new(|| folded(NOT_DATE_CONTEXT));

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

/// The meaning of one word written in any spelling (no clitics stripped).
pub fn lookup(word: &str) -> Option<Lex> {
    LEXICON.word(&fold(word))
}

static GENERAL: LazyLock<HashSet<String>> = LazyLock::new(|| {
    GENERAL_NOUNS
        .iter()
        .chain(NAMED_BY_DATE)
        .map(|w| fold(w))
        .collect()
});

/// True for a folded noun that "العام" qualifies as "general", or that names a movement by a
/// date ("قوى 14 آذار").
pub fn is_general_noun(folded: &str) -> bool {
    GENERAL.contains(folded)
}

/// True for a folded word that makes a number beside it a count, not a date.
pub fn is_not_date_context(folded: &str) -> bool {
    NOT_DATE.contains(folded)
}

/// True for a folded word that looks like a future verb: سـ + an imperfect prefix (سيزور,
/// ستعقد, سنعمل), not one of the ordinary words that start the same way.
pub fn is_future_verb(folded: &str) -> bool {
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
