//! Event words: triggers with their codings and the words around them. The gazetteer of
//! people, states, places and organisations is in [`super::gazetteer`], re-exported here.
//! Spellings are folded when the lexicon is built, like every other table.

use crate::extract::events::EventKind;

/// What a trigger word means: the coarse kind and its PLOVER / CAMEO codings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TriggerDef {
    pub kind: EventKind,
    pub plover: Option<&'static str>,
    pub plover_mode: Option<&'static str>,
    pub cameo: &'static str,
    /// The trigger needs a place after it ("وصل إلى بكين", "ضمها القرم"): alone it means
    /// something else ("وصل حجم التبادل", "ضم رئيس منغوليا").
    pub needs_place: PlaceNeed,
    /// A verb of signing ("وقع", "توقيع"): an event only with an agreement noun in the
    /// sentence ("وقع عقدا"), not with a petition ("توقيع ... على عريضة").
    pub needs_agreement_noun: bool,
    /// An agreement noun ("اتفاقية"): an event only when its clause says it was signed or
    /// reached ("الاتفاقات الموقعة", "التوصل إلى اتفاق"), not when it is only mentioned.
    pub needs_signing: bool,
    /// A verb of announcing or deciding ("أعلنت الوزارة", "قرر مجلس الوزراء"): an event only
    /// when what it announces is itself the news (no other happening in its sentence) and
    /// the announcement is dated before what it announces.
    pub announces: bool,
}

const fn t(
    kind: EventKind,
    plover: Option<&'static str>,
    mode: Option<&'static str>,
    cameo: &'static str,
) -> TriggerDef {
    TriggerDef {
        kind,
        plover,
        plover_mode: mode,
        cameo,
        needs_place: PlaceNeed::None,
        needs_agreement_noun: false,
        needs_signing: false,
        announces: false,
    }
}

/// What place a trigger needs after it to mean an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceNeed {
    None,
    /// "إلى" and a place, within the clause: وصل إلى بكين.
    Destination,
    /// A territory as the object, right after: ضمها القرم.
    Territory,
}

const fn placed(d: TriggerDef) -> TriggerDef {
    TriggerDef {
        needs_place: PlaceNeed::Destination,
        ..d
    }
}

const fn annexed(d: TriggerDef) -> TriggerDef {
    TriggerDef {
        needs_place: PlaceNeed::Territory,
        ..d
    }
}

const fn signing(d: TriggerDef) -> TriggerDef {
    TriggerDef {
        needs_agreement_noun: true,
        ..d
    }
}

const fn signed(d: TriggerDef) -> TriggerDef {
    TriggerDef {
        needs_signing: true,
        ..d
    }
}

pub const MEET: TriggerDef = t(EventKind::Meeting, Some("CONSULT"), None, "040");
const HOST: TriggerDef = t(EventKind::Meeting, Some("CONSULT"), Some("visit"), "043");
const VISIT: TriggerDef = t(EventKind::Visit, Some("CONSULT"), Some("visit"), "042");
const SUMMIT: TriggerDef = t(
    EventKind::Summit,
    Some("CONSULT"),
    Some("multilateral"),
    "044",
);
const CALL: TriggerDef = t(EventKind::Call, Some("CONSULT"), Some("phone"), "041");
const SIGN: TriggerDef = t(EventKind::Agreement, Some("AGREE"), None, "057");
const INVADE: TriggerDef = t(EventKind::Military, Some("ASSAULT"), None, "190");
const ANNEX: TriggerDef = t(EventKind::Military, Some("ASSAULT"), None, "192");
const DRILL: TriggerDef = t(EventKind::Military, Some("MOBILIZE"), None, "150");
const PARADE: TriggerDef = t(EventKind::Other, Some("MOBILIZE"), None, "150");
/// A ceremony, an opening or an inauguration attended: "حفل افتتاح", "دشّن", "يفتتح". CAMEO has
/// no code of its own for these: 050, diplomatic cooperation.
const CEREMONY: TriggerDef = t(EventKind::Other, Some("COOPERATE"), None, "050");
const SAY: TriggerDef = t(EventKind::Statement, None, None, "010");
/// An announcement or decision that is itself the news: an exam calendar, a holiday, a
/// cabinet decision. CAMEO 010, make a statement.
pub const ANNOUNCE: TriggerDef = TriggerDef {
    announces: true,
    ..SAY
};

/// The grammatical form of a trigger word, which also tells the tense of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A verbal noun or noun (زيارة): no tense.
    Noun,
    /// A perfect verb (زار): past narration.
    Past,
    /// An imperfect or سـ verb (يزور, سيزور): in news, what is to come.
    Future,
}

/// Trigger words in their common inflections. Plurals of meeting words (لقاءات, زيارات) are
/// left out on purpose: they name series, not happenings.
pub const TRIGGERS: &[(&str, TriggerDef, Form)] = &[
    ("التقى", MEET, Form::Past),
    ("التقت", MEET, Form::Past),
    ("التقيا", MEET, Form::Past),
    ("التقوا", MEET, Form::Past),
    ("يلتقي", MEET, Form::Future),
    ("تلتقي", MEET, Form::Future),
    ("يلتقيان", MEET, Form::Future),
    ("سيلتقي", MEET, Form::Future),
    ("ستلتقي", MEET, Form::Future),
    ("سيلتقيان", MEET, Form::Future),
    // The subjunctive dual after أن: "على أن يلتقيا".
    ("يلتقيا", MEET, Form::Future),
    ("يجتمعا", MEET, Form::Future),
    ("لقاء", MEET, Form::Noun),
    ("اجتماع", MEET, Form::Noun),
    ("اجتماعا", MEET, Form::Noun),
    ("اجتمع", MEET, Form::Past),
    ("اجتمعا", MEET, Form::Past),
    ("يجتمع", MEET, Form::Future),
    ("سيجتمع", MEET, Form::Future),
    ("محادثات", MEET, Form::Noun),
    ("مباحثات", MEET, Form::Noun),
    ("تباحث", MEET, Form::Past),
    ("مفاوضات", MEET, Form::Noun),
    ("مشاورات", MEET, Form::Noun),
    ("محادثة", MEET, Form::Noun),
    ("تحادث", MEET, Form::Past),
    ("تحادثا", MEET, Form::Past),
    ("يتحادث", MEET, Form::Future),
    ("يتحادثان", MEET, Form::Future),
    ("تباحثا", MEET, Form::Past),
    // Exchanging views with someone is talking with them; only the verbs: the noun ("جرى
    // تبادل وجهات النظر") is what a meeting already told consisted of.
    ("تبادلا وجهات النظر", MEET, Form::Past),
    ("يتبادل وجهات النظر", MEET, Form::Future),
    ("يتبادلان وجهات النظر", MEET, Form::Future),
    ("سيتبادل وجهات النظر", MEET, Form::Future),
    ("سيتبادلان وجهات النظر", MEET, Form::Future),
    ("لقاءا", MEET, Form::Noun),
    ("يجتمعان", MEET, Form::Future),
    ("سيجتمعان", MEET, Form::Future),
    ("استقبل", HOST, Form::Past),
    ("يستقبل", HOST, Form::Future),
    ("سيستقبل", HOST, Form::Future),
    ("استقبال", HOST, Form::Noun),
    ("زيارة", VISIT, Form::Noun),
    ("زار", VISIT, Form::Past),
    ("زارت", VISIT, Form::Past),
    ("يزور", VISIT, Form::Future),
    ("تزور", VISIT, Form::Future),
    ("سيزور", VISIT, Form::Future),
    ("ستزور", VISIT, Form::Future),
    ("قدوم", VISIT, Form::Noun),
    // "حل ضيفا على الرئيس": a guest of a host (a guest of a programme has one side only).
    ("حل ضيفا", VISIT, Form::Past),
    ("حلت ضيفة", VISIT, Form::Past),
    ("يحل ضيفا", VISIT, Form::Future),
    ("سيحل ضيفا", VISIT, Form::Future),
    ("وصول", placed(VISIT), Form::Noun),
    ("وصل", placed(VISIT), Form::Past),
    ("وصلت", placed(VISIT), Form::Past),
    ("يصل", placed(VISIT), Form::Future),
    ("تصل", placed(VISIT), Form::Future),
    ("سيصل", placed(VISIT), Form::Future),
    ("توجه", placed(VISIT), Form::Past),
    ("يتوجه", placed(VISIT), Form::Future),
    ("سيتوجه", placed(VISIT), Form::Future),
    ("قمة", SUMMIT, Form::Noun),
    ("منتدى", SUMMIT, Form::Noun),
    ("قمتي", SUMMIT, Form::Noun),
    // "مؤتمر" alone is any conference (a party congress too): only its summit and video forms.
    ("مؤتمر قمة", SUMMIT, Form::Noun),
    ("مؤتمرا عبر الفيديو", CALL, Form::Noun),
    ("مؤتمر عبر الفيديو", CALL, Form::Noun),
    ("اتصال", CALL, Form::Noun),
    ("اتصالا", CALL, Form::Noun),
    ("مكالمة", CALL, Form::Noun),
    ("اتصالات هاتفية", CALL, Form::Noun),
    ("توقيع", signing(SIGN), Form::Noun),
    ("وقع", signing(SIGN), Form::Past),
    ("وقعت", signing(SIGN), Form::Past),
    ("وقعا", signing(SIGN), Form::Past),
    ("وقعوا", signing(SIGN), Form::Past),
    ("يوقع", signing(SIGN), Form::Future),
    ("يوقعان", signing(SIGN), Form::Future),
    ("سيوقع", signing(SIGN), Form::Future),
    ("ستوقع", signing(SIGN), Form::Future),
    ("اتفاقية", signed(SIGN), Form::Noun),
    ("اتفاقيات", signed(SIGN), Form::Noun),
    ("اتفاق", signed(SIGN), Form::Noun),
    ("اتفاقا", signed(SIGN), Form::Noun),
    ("اتفاقات", signed(SIGN), Form::Noun),
    ("معاهدة", signed(SIGN), Form::Noun),
    ("مذكرة تفاهم", signed(SIGN), Form::Noun),
    ("صفقة", signed(SIGN), Form::Noun),
    ("صفقات", signed(SIGN), Form::Noun),
    ("تمديد", signing(SIGN), Form::Noun),
    ("اتفق", SIGN, Form::Past),
    ("اتفقا", SIGN, Form::Past),
    ("اتفقت", SIGN, Form::Past),
    ("اتفقوا", SIGN, Form::Past),
    ("يتفق", SIGN, Form::Future),
    ("يتفقان", SIGN, Form::Future),
    ("غزو", INVADE, Form::Noun),
    ("غزت", INVADE, Form::Past),
    ("غزا", INVADE, Form::Past),
    ("غزوه", INVADE, Form::Noun),
    ("اجتياح", INVADE, Form::Noun),
    // "بدء روسيا حربها على أوكرانيا": a war one side wages on another.
    ("حربها على", INVADE, Form::Noun),
    ("حربه على", INVADE, Form::Noun),
    ("عملية عسكرية", INVADE, Form::Noun),
    ("العملية العسكرية", INVADE, Form::Noun),
    ("عمليتها العسكرية", INVADE, Form::Noun),
    ("عمليته العسكرية", INVADE, Form::Noun),
    ("هجوم", INVADE, Form::Noun),
    ("هجوما", INVADE, Form::Noun),
    ("ضمه", annexed(ANNEX), Form::Past),
    ("ضمها", annexed(ANNEX), Form::Past),
    ("ضمت", annexed(ANNEX), Form::Past),
    ("ضم", annexed(ANNEX), Form::Noun),
    ("مناورات", DRILL, Form::Noun),
    ("تدريبات عسكرية", DRILL, Form::Noun),
    ("تدريبات مشتركة", DRILL, Form::Noun),
    ("تدريب مشترك", DRILL, Form::Noun),
    ("تدريبا مشتركا", DRILL, Form::Noun),
    ("مناورات مشتركة", DRILL, Form::Noun),
    ("مناورة", DRILL, Form::Noun),
    ("تمرين", DRILL, Form::Noun),
    ("تمرينات", DRILL, Form::Noun),
    ("دورية", DRILL, Form::Noun),
    ("دوريات", DRILL, Form::Noun),
    ("دورية جوية", DRILL, Form::Noun),
    // Military aircraft flying: "حلقت قاذفات"; the verb alone also means "soared" (prices).
    ("حلقت قاذفات", DRILL, Form::Past),
    ("حلقت مقاتلات", DRILL, Form::Past),
    ("حلقت طائرات حربية", DRILL, Form::Past),
    ("حلقت طائرات عسكرية", DRILL, Form::Past),
    ("تحليق قاذفات", DRILL, Form::Noun),
    ("تحليق مقاتلات", DRILL, Form::Noun),
    ("دورية بحرية", DRILL, Form::Noun),
    ("غارة", INVADE, Form::Noun),
    ("غارات", INVADE, Form::Noun),
    ("ضربات", INVADE, Form::Noun),
    ("إسقاط", INVADE, Form::Noun),
    ("العرض العسكري", PARADE, Form::Noun),
    ("عرض عسكري", PARADE, Form::Noun),
    ("عرضا عسكريا", PARADE, Form::Noun),
    ("استعراض عسكري", PARADE, Form::Noun),
    ("الاستعراض العسكري", PARADE, Form::Noun),
    ("استعراضا عسكريا", PARADE, Form::Noun),
    ("حفل افتتاح", CEREMONY, Form::Noun),
    ("حفل", CEREMONY, Form::Noun),
    ("مراسم", CEREMONY, Form::Noun),
    ("افتتاح", CEREMONY, Form::Noun),
    ("افتتح", CEREMONY, Form::Past),
    ("افتتحا", CEREMONY, Form::Past),
    ("يفتتح", CEREMONY, Form::Future),
    ("يفتتحان", CEREMONY, Form::Future),
    ("سيفتتح", CEREMONY, Form::Future),
    ("دشن", CEREMONY, Form::Past),
    ("دشنا", CEREMONY, Form::Past),
    ("يدشن", CEREMONY, Form::Future),
    ("يدشنان", CEREMONY, Form::Future),
    ("تدشين", CEREMONY, Form::Noun),
    ("مقابلة", SAY, Form::Noun),
    ("بيان مشترك", SAY, Form::Noun),
    ("بيانا مشتركا", SAY, Form::Noun),
    ("مؤتمر صحفي", SAY, Form::Noun),
    ("مؤتمرا صحفيا", SAY, Form::Noun),
    ("مؤتمر صحفي مشترك", SAY, Form::Noun),
    ("خطاب", SAY, Form::Noun),
    ("خطابا", SAY, Form::Noun),
];

/// Verbs of announcing and deciding ([`ANNOUNCE`]). They are not lexicon triggers: as words
/// they stay what the tagger knows them as (verbs of reporting, which set the tense).
pub const ANNOUNCEMENTS: &[(&str, Form)] = &[
    ("أعلن", Form::Past),
    ("أعلنت", Form::Past),
    ("أعلنا", Form::Past),
    ("يعلن", Form::Future),
    ("تعلن", Form::Future),
    ("سيعلن", Form::Future),
    ("ستعلن", Form::Future),
    ("قرر", Form::Past),
    ("قررت", Form::Past),
    ("كشفت", Form::Past),
    ("حددت", Form::Past),
];

/// What makes an announcement a schedule or a decision people act on, when what it announces
/// holds no date of its own: "عن روزنامة الامتحانات", "عن موعد العودة المدرسية", "منح عطلة".
pub const SCHEDULE_NOUNS: &[&str] = &[
    "روزنامة",
    "الروزنامة",
    "رزنامة",
    "الرزنامة",
    "موعد",
    "مواعيد",
    "جدول",
    "الجدول",
    "عطلة",
    "العطلة",
    "إجازة",
    "الإجازة",
    "تأجيل",
    "نتائج",
    "النتائج",
    "امتحانات",
    "الامتحانات",
    "تعطيل",
    "بدء",
    "انطلاق",
];

/// Verbs of discussing that tell talks when they say with whom ("بحث وزير الخارجية مع نظيره",
/// "سيبحث بوتين مع شي عبر تقنية الفيديو", "ناقش بوتين وشي"): a meeting ([`MEET`]). Like the
/// announcements they are not lexicon triggers: elsewhere they only name what talks were about.
pub const TALK_VERBS: &[(&str, Form)] = &[
    ("بحث", Form::Past),
    ("بحثا", Form::Past),
    ("ناقش", Form::Past),
    ("ناقشا", Form::Past),
    ("يبحث", Form::Future),
    ("يبحثان", Form::Future),
    ("سيبحث", Form::Future),
    ("سيبحثان", Form::Future),
    ("يناقش", Form::Future),
    ("يناقشان", Form::Future),
    ("سيناقش", Form::Future),
    ("سيناقشان", Form::Future),
];

/// Verbs that say a happening is going on as the article is written: "يواصل الرئيس زيارته إلى
/// موسكو". With no date of its own, it is dated by the article's month (its first day only
/// follows from the article's date).
pub const ONGOING_WORDS: &[&str] = &["يواصل", "تواصل", "يواصلان", "تتواصل", "تستمر", "يستمر"];

/// Words that make a trigger a habit, not a happening: "يشارك في افتتاح المنتدى سنويا".
pub const HABIT_WORDS: &[&str] = &["سنويا", "سنويًا", "دوريا", "شهريا", "أسبوعيا"];

/// Nouns of fixing a date or of intending: in "حدد بوتين، اليوم الخميس، موعدا لزيارة الصين"
/// and "أعلنت الوزارة، الأربعاء، عزمها إرسال قوات ... في إطار تدريبات" the day is when the
/// date was set or the intention told, not the happening's.
pub const APPOINTMENT_WORDS: &[&str] = &[
    "موعد",
    "موعدا",
    "الموعد",
    "موعده",
    "موعدها",
    "عزمها",
    "عزمه",
    "اعتزامها",
    "اعتزامه",
    "نيتها",
    "نيته",
];

/// What an announcement announces starts here: "أعلنت الوزارة أن ...", "عن تأجيل ...".
pub const ANNOUNCED_WORDS: &[&str] = &["أن", "بأن", "أنه", "أنها", "عن", "إن"];

/// Words that say an agreement was signed or reached, besides the signing triggers.
pub const SIGN_WORDS: &[&str] = &[
    "الموقعة",
    "موقعة",
    "الموقع",
    "التوصل",
    "توصل",
    "توصلا",
    "أبرم",
    "أبرما",
    "إبرام",
];

/// Nouns that make a signing verb an agreement.
pub const AGREEMENT_NOUNS: &[&str] = &[
    "اتفاق",
    "اتفاقا",
    "اتفاقية",
    "اتفاقيات",
    "اتفاقات",
    "عقد",
    "عقدا",
    "عقود",
    "مذكرة",
    "بيان",
    "بيانا",
    "وثيقة",
    "إعلان",
    "معاهدة",
    "خطة",
    "صفقة",
    "صفقات",
];

/// Words that turn a contact into a call: "تباحث الرئيسان هاتفيا", "اتصال بالفيديو".
pub const CALL_WORDS: &[&str] = &[
    "هاتفيا",
    "هاتفي",
    "هاتفية",
    "الهاتف",
    "الفيديو",
    "بالفيديو",
    "فيديو",
    "المرئي",
    "مرئي",
    "مرئية",
    "المرئية",
    "افتراضي",
    "افتراضية",
    "افتراضيا",
];

/// Prepositions after which a state is the subject matter ("تجاه الصين", "بشأن أوكرانيا"),
/// not a party. حول is left out: it also means "around".
pub const TOPIC_WORDS: &[&str] = &["تجاه", "بشأن", "إزاء"];

/// Words that introduce the setting of a happening: "التقيا في حفل افتتاح", "على هامش القمة".
/// A trigger after one of them frames the trigger before it instead of standing alone.
pub const SETTING_WORDS: &[&str] = &["في", "خلال", "هامش", "ضمن", "أثناء", "إبان"];

/// Words that count how often something happened: "مرتين", "ثلاث مرات", and the ordinals
/// written before a noun ("ثاني اتصال", "ثالث لقاء"). أول is left out: "أول زيارة" is news.
pub const TIMES_WORDS: &[&str] = &[
    "مرتين",
    "مرتان",
    "مرات",
    "ثاني",
    "ثالث",
    "رابع",
    "خامس",
    "سادس",
    "سابع",
    "ثامن",
    "تاسع",
    "عاشر",
];

/// Verbs of discussing: a trigger right after one is the topic of talks ("محادثات تناولت
/// المناورات المشتركة"), not a happening.
pub const DISCUSS_WORDS: &[&str] = &[
    "تناولت",
    "تناول",
    "تتناول",
    "ستتناول",
    "يتناول",
    "ناقش",
    "ناقشا",
    "ناقشت",
    "يناقش",
    "يناقشان",
    "تناقش",
    "لمناقشة",
    "لبحث",
];

/// Verbs that start or hold a happening: the date right after one is when it began ("زيارة
/// ... بدأها الأحد الماضي", "مناورات ... تنطلق الشهر المقبل"), which dates it.
pub const START_WORDS: &[&str] = &[
    "بدأ",
    "بدأت",
    "بدأها",
    "بدأه",
    "تبدأ",
    "يبدأ",
    "انطلق",
    "انطلقت",
    "تنطلق",
    "ينطلق",
    "ستنطلق",
    "افتتحت",
    "تعقد",
    "عقدت",
    "تنعقد",
    "انعقدت",
    "المنعقدة",
    "تقام",
    "أقيمت",
    "أقيم",
];

/// Words that make a military happening the background of the sentence's own news ("بعث
/// ببرقية تعزية إثر الهجوم على ...", "في اليوم التالي لإطلاق موسكو عمليتها العسكرية"): its
/// sides are the ones its own phrase names, not the sentence's.
pub const BACKGROUND_WORDS: &[&str] = &["إثر", "عقب", "غداة", "عشية", "لإطلاق", "بإطلاق", "إطلاق"];

/// Words that name a news source ("وكالة الأنباء الفرنسية", "التلفزيون الصيني", "وسائل الإعلام
/// الرسمية الروسية"), with the adjectives that may stand between them and the state they
/// belong to: the state that owns a source reports the happening, it does not take part.
pub const MEDIA_WORDS: &[&str] = &[
    "وكالة",
    "لوكالة",
    "ووكالة",
    "بوكالة",
    "وكالات",
    "لوكالات",
    "الوكالة",
    "أنباء",
    "الأنباء",
    "للأنباء",
    "وسائل",
    "ووسائل",
    "لوسائل",
    "الإعلام",
    "إعلام",
    "التلفزيون",
    "للتلفزيون",
    "والتلفزيون",
    "تلفزيون",
    "التلفاز",
    "قناة",
    "لقناة",
    "القناة",
    "صحيفة",
    "لصحيفة",
    "الصحيفة",
    "الصحف",
    "إذاعة",
    "لإذاعة",
    "الإذاعة",
    "شبكة",
    "لشبكة",
];

/// Adjectives that stand between a media word and its state ("التلفزيون الرسمي الصيني").
pub const MEDIA_ADJECTIVES: &[&str] = &[
    "الرسمي",
    "الرسمية",
    "الحكومية",
    "الحكومي",
    "العام",
    "العامة",
    "المركزي",
    "المركزية",
    "الرسميين",
];

/// "During it", right after an agreement verb: what two sides agreed during a call or meeting
/// just told ("أجرى اتصالا ... اتفقا خلاله على"), part of that contact and no happening of its own.
pub const DURING_IT_WORDS: &[&str] = &["خلاله", "خلالها", "خلالهما", "أثناءه", "أثناءها"];

/// Relative pronouns: after a summit that frames a meeting ("محادثات على هامش اجتماع ...
/// الذي سيعقد بعد غد"), what the relative clause dates is the summit's own.
pub const RELATIVE_WORDS: &[&str] = &[
    "الذي",
    "التي",
    "اللذين",
    "اللتين",
    "الذين",
    "اللذان",
    "اللتان",
    "اللواتي",
];

/// Words that open a clause with a new predication: a date after one dates what it says, not a
/// trigger in an earlier clause.
pub const CLAUSE_OPENERS: &[&str] = &[
    "حيث",
    "فيما",
    "بينما",
    "إشارة",
    "مؤكدا",
    "مشيرا",
    "مضيفا",
    "لافتا",
    "معتبرا",
    "وسط",
];

/// Imperfect verbs that end a happening still going on: the date right after one is its last
/// day ("قمة ... تنتهي غدا"), which does not date it. A perfect ("اختتمت الجمعة") may be the
/// only date a past happening is given, and stays.
pub const END_WORDS: &[&str] = &[
    "تنتهي",
    "ينتهي",
    "تختتم",
    "يختتم",
    "تستمر",
    "يستمر",
    "وتستمر",
    "ستنتهي",
    "ستستمر",
];

/// Words that say a happening was called off.
pub const CANCEL_WORDS: &[&str] = &[
    "ألغى",
    "ألغيت",
    "إلغاء",
    "ألغت",
    "أرجأ",
    "أرجئت",
    "إرجاء",
    "تأجيل",
    "أجلت",
    "تأجل",
    "تأجلت",
    "أرجئ",
];

/// Words that refer back to the two sides the article is about: "الزعيمان", "نظيره".
pub const PAIR_WORDS: &[&str] = &[
    "الزعيمان",
    "الزعيمين",
    "الرئيسان",
    "الرئيسين",
    "الجانبان",
    "الجانبين",
    "البلدان",
    "البلدين",
    "بلديهما",
    "الطرفان",
    "الطرفين",
    "الرجلين",
    "الرجلان",
    "الوفدين",
    "الوفدان",
    "الوزيرين",
    "الوزيران",
    "نظيره",
    "نظيرها",
    "ضيفه",
    "بحريتا",
];

pub use super::gazetteer::{ACTORS, ActorDef, ORGANISATIONS, PLACES, PlaceDef};
