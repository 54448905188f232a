//! Event words: triggers with their codings, the gazetteer of people and states, and places
//! with coordinates. Spellings are folded when the lexicon is built, like every other table.

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

const MEET: TriggerDef = t(EventKind::Meeting, Some("CONSULT"), None, "040");
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
    ("مناورات مشتركة", DRILL, Form::Noun),
    ("مناورة", DRILL, Form::Noun),
    ("تمرين", DRILL, Form::Noun),
    ("تمرينات", DRILL, Form::Noun),
    ("دورية", DRILL, Form::Noun),
    ("دوريات", DRILL, Form::Noun),
    ("دورية جوية", DRILL, Form::Noun),
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

/// Words that count how often something happened: "مرتين", "ثلاث مرات".
pub const TIMES_WORDS: &[&str] = &["مرتين", "مرتان", "مرات"];

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
    "نظيره",
    "نظيرها",
    "ضيفه",
    "بحريتا",
];

/// Organisations whose summits bring their members together: the summit of one lists its
/// founding members among its participants.
pub const ORGANISATIONS: &[(&str, &[&str])] = &[
    ("منظمة شنغهاي", &["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"]),
    (
        "شنغهاي للتعاون",
        &["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"],
    ),
    ("بريكس", &["BRA", "RUS", "IND", "CHN", "ZAF"]),
];

/// A person, state or institution that takes part in events.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActorDef {
    pub name: &'static str,
    pub country: &'static str,
    pub wikidata: Option<&'static str>,
}

const fn a(name: &'static str, country: &'static str, wikidata: Option<&'static str>) -> ActorDef {
    ActorDef {
        name,
        country,
        wikidata,
    }
}

const PUTIN: ActorDef = a("Vladimir Putin", "RUS", Some("Q7747"));
const XI: ActorDef = a("Xi Jinping", "CHN", Some("Q15031"));
const TRUMP: ActorDef = a("Donald Trump", "USA", Some("Q22686"));
const KIM: ActorDef = a("Kim Jong Un", "PRK", Some("Q56226"));
const RUSSIA: ActorDef = a("Russia", "RUS", Some("Q159"));
const CHINA: ActorDef = a("China", "CHN", Some("Q148"));
const USA: ActorDef = a("United States", "USA", Some("Q30"));
const UKRAINE: ActorDef = a("Ukraine", "UKR", Some("Q212"));

/// People, demonyms and institutions. States and capitals are in [`PLACES`] and count as
/// participants through metonymy.
pub const ACTORS: &[(&str, ActorDef)] = &[
    ("بوتين", PUTIN),
    ("فلاديمير بوتين", PUTIN),
    ("فلادمير بوتين", PUTIN),
    ("شي", XI),
    ("شي جين بينغ", XI),
    ("شي جين بينج", XI),
    ("شي جينبينغ", XI),
    ("شي جينبينج", XI),
    ("شي جين بينق", XI),
    ("ترامب", TRUMP),
    ("دونالد ترامب", TRUMP),
    ("بايدن", a("Joe Biden", "USA", Some("Q6279"))),
    ("كيم جونغ أون", KIM),
    ("كيم", KIM),
    ("لافروف", a("Sergey Lavrov", "RUS", None)),
    ("ميدفيديف", a("Dmitry Medvedev", "RUS", Some("Q23530"))),
    ("مدفيديف", a("Dmitry Medvedev", "RUS", Some("Q23530"))),
    ("ميشوستين", a("Mikhail Mishustin", "RUS", None)),
    ("شويغو", a("Sergei Shoigu", "RUS", None)),
    ("بيسكوف", a("Dmitry Peskov", "RUS", None)),
    ("أوشاكوف", a("Yuri Ushakov", "RUS", None)),
    ("وانغ يي", a("Wang Yi", "CHN", None)),
    ("وانغ", a("Wang Yi", "CHN", None)),
    ("لي تشيانغ", a("Li Qiang", "CHN", None)),
    ("لي كه تشيانغ", a("Li Keqiang", "CHN", None)),
    ("لي تشانشو", a("Li Zhanshu", "CHN", None)),
    ("وي فينغ خه", a("Wei Fenghe", "CHN", None)),
    ("وي فينج", a("Wei Fenghe", "CHN", None)),
    ("يانغ جيتشي", a("Yang Jiechi", "CHN", None)),
    ("زيلينسكي", a("Volodymyr Zelensky", "UKR", None)),
    ("مودي", a("Narendra Modi", "IND", None)),
    ("أردوغان", a("Recep Tayyip Erdogan", "TUR", None)),
    ("تساي إنغ ون", a("Tsai Ing-wen", "TWN", None)),
    ("روسي", RUSSIA),
    ("روسية", RUSSIA),
    ("الروس", RUSSIA),
    ("صيني", CHINA),
    ("صينية", CHINA),
    ("الصينيين", CHINA),
    ("أمريكي", USA),
    ("أمريكية", USA),
    ("أميركي", USA),
    ("أميركية", USA),
    ("الأمريكيين", USA),
    ("أوكراني", UKRAINE),
    ("أوكرانية", UKRAINE),
    ("أوكرانيين", UKRAINE),
    ("هندي", a("India", "IND", Some("Q668"))),
    ("هندية", a("India", "IND", Some("Q668"))),
    ("برازيلي", a("Brazil", "BRA", Some("Q155"))),
    ("إيراني", a("Iran", "IRN", Some("Q794"))),
    ("إيرانية", a("Iran", "IRN", Some("Q794"))),
    ("باكستاني", a("Pakistan", "PAK", Some("Q843"))),
    ("ياباني", a("Japan", "JPN", Some("Q17"))),
    ("يابانية", a("Japan", "JPN", Some("Q17"))),
    ("الكوري الشمالي", KIM_STATE),
    ("الكورية الشمالية", KIM_STATE),
    ("منغولي", a("Mongolia", "MNG", Some("Q711"))),
    ("تايواني", a("Taiwan", "TWN", Some("Q865"))),
    ("تايوانية", a("Taiwan", "TWN", Some("Q865"))),
    ("بريطاني", a("United Kingdom", "GBR", Some("Q145"))),
    ("البريطانيين", a("United Kingdom", "GBR", Some("Q145"))),
    ("بيروفي", a("Peru", "PER", Some("Q419"))),
    ("بيروفية", a("Peru", "PER", Some("Q419"))),
    ("كازاخستاني", a("Kazakhstan", "KAZ", Some("Q232"))),
    ("أوزبكي", a("Uzbekistan", "UZB", Some("Q265"))),
];

const KIM_STATE: ActorDef = a("North Korea", "PRK", Some("Q423"));

/// A city, region or state, with coordinates. `actor` states and capitals also stand for
/// their state as a participant ("تقارب بكين وموسكو").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceDef {
    pub name: &'static str,
    pub country: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub wikidata: Option<&'static str>,
    pub actor: bool,
    pub city: bool,
    /// A region states fight over (Crimea): what an annexation takes.
    pub territory: bool,
}

const fn capital(name: &'static str, country: &'static str, lat: f64, lon: f64) -> PlaceDef {
    PlaceDef {
        name,
        country,
        lat,
        lon,
        wikidata: None,
        actor: true,
        city: true,
        territory: false,
    }
}

const fn city(name: &'static str, country: &'static str, lat: f64, lon: f64) -> PlaceDef {
    PlaceDef {
        name,
        country,
        lat,
        lon,
        wikidata: None,
        actor: false,
        city: true,
        territory: false,
    }
}

const fn state(
    name: &'static str,
    country: &'static str,
    lat: f64,
    lon: f64,
    q: &'static str,
) -> PlaceDef {
    PlaceDef {
        name,
        country,
        lat,
        lon,
        wikidata: Some(q),
        actor: true,
        city: false,
        territory: false,
    }
}

const fn sea(name: &'static str, lat: f64, lon: f64) -> PlaceDef {
    PlaceDef {
        name,
        country: "",
        lat,
        lon,
        wikidata: None,
        actor: false,
        city: false,
        territory: false,
    }
}

const fn region(name: &'static str, country: &'static str, lat: f64, lon: f64) -> PlaceDef {
    PlaceDef {
        name,
        country,
        lat,
        lon,
        wikidata: None,
        actor: true,
        city: false,
        territory: true,
    }
}

const BEIJING: PlaceDef = capital("Beijing", "CHN", 39.9042, 116.4074);
const MOSCOW: PlaceDef = capital("Moscow", "RUS", 55.7558, 37.6173);

pub const PLACES: &[(&str, PlaceDef)] = &[
    ("بكين", BEIJING),
    // Seats of government stand for their state and are in their capital.
    ("الكرملين", MOSCOW),
    (
        "البيت الأبيض",
        capital("Washington", "USA", 38.9072, -77.0369),
    ),
    (
        "قاعة الشعب الكبرى",
        city("Beijing", "CHN", 39.9042, 116.4074),
    ),
    // Seas are places, not parties: "بحر اليابان" does not bring Japan in.
    ("بحر اليابان", sea("Sea of Japan", 40.0, 135.0)),
    ("بحر الصين الجنوبي", sea("South China Sea", 12.0, 113.0)),
    ("بحر الصين الشرقي", sea("East China Sea", 29.0, 125.0)),
    ("بحر البلطيق", sea("Baltic Sea", 58.0, 20.0)),
    ("موسكو", MOSCOW),
    ("واشنطن", capital("Washington", "USA", 38.9072, -77.0369)),
    ("كييف", capital("Kyiv", "UKR", 50.4501, 30.5234)),
    ("نيودلهي", capital("New Delhi", "IND", 28.6139, 77.2090)),
    ("أستانا", capital("Astana", "KAZ", 51.1694, 71.4491)),
    ("بيشكيك", capital("Bishkek", "KGZ", 42.8746, 74.5698)),
    ("دوشنبه", capital("Dushanbe", "TJK", 38.5598, 68.7870)),
    ("دوشنبي", capital("Dushanbe", "TJK", 38.5598, 68.7870)),
    ("طشقند", capital("Tashkent", "UZB", 41.2995, 69.2401)),
    ("بيونغ يانغ", capital("Pyongyang", "PRK", 39.0392, 125.7625)),
    ("بيونغيانغ", capital("Pyongyang", "PRK", 39.0392, 125.7625)),
    ("طهران", capital("Tehran", "IRN", 35.6892, 51.3890)),
    ("إسلام آباد", capital("Islamabad", "PAK", 33.6844, 73.0479)),
    ("طوكيو", capital("Tokyo", "JPN", 35.6762, 139.6503)),
    ("تايبيه", capital("Taipei", "TWN", 25.0330, 121.5654)),
    ("لندن", capital("London", "GBR", 51.5074, -0.1278)),
    ("مينسك", capital("Minsk", "BLR", 53.9045, 27.5615)),
    (
        "أولان باتور",
        capital("Ulaanbaatar", "MNG", 47.8864, 106.9057),
    ),
    ("برازيليا", capital("Brasilia", "BRA", -15.7975, -47.8919)),
    ("ليما", city("Lima", "PER", -12.0464, -77.0428)),
    ("سمرقند", city("Samarkand", "UZB", 39.6542, 66.9597)),
    ("تيانجين", city("Tianjin", "CHN", 39.3434, 117.3616)),
    ("شنغهاي", city("Shanghai", "CHN", 31.2304, 121.4737)),
    ("هانغتشو", city("Hangzhou", "CHN", 30.2741, 120.1551)),
    ("هانغجو", city("Hangzhou", "CHN", 30.2741, 120.1551)),
    ("قازان", city("Kazan", "RUS", 55.7961, 49.1064)),
    ("فلاديفوستوك", city("Vladivostok", "RUS", 43.1155, 131.8855)),
    ("سوتشي", city("Sochi", "RUS", 43.6028, 39.7342)),
    ("أوفا", city("Ufa", "RUS", 54.7388, 55.9721)),
    (
        "سان بطرسبورغ",
        city("Saint Petersburg", "RUS", 59.9311, 30.3609),
    ),
    (
        "سانت بطرسبرغ",
        city("Saint Petersburg", "RUS", 59.9311, 30.3609),
    ),
    ("ديربان", city("Durban", "ZAF", -29.8587, 31.0218)),
    ("جوهانسبرغ", city("Johannesburg", "ZAF", -26.2041, 28.0473)),
    ("فيينا", city("Vienna", "AUT", 48.2082, 16.3738)),
    ("لوزان", city("Lausanne", "CHE", 46.5197, 6.6323)),
    ("القرم", region("Crimea", "UKR", 45.3, 34.4)),
    ("دونيتسك", region("Donetsk", "UKR", 48.0159, 37.8028)),
    ("لوغانسك", region("Luhansk", "UKR", 48.574, 39.3078)),
    ("زابوريجيا", region("Zaporizhzhia", "UKR", 47.8388, 35.1396)),
    ("خيرسون", region("Kherson", "UKR", 46.6354, 32.6169)),
    ("روسيا", state("Russia", "RUS", 61.52, 105.32, "Q159")),
    ("الصين", state("China", "CHN", 35.86, 104.20, "Q148")),
    (
        "الولايات المتحدة",
        state("United States", "USA", 37.09, -95.71, "Q30"),
    ),
    // Scraping glues these two words together often enough to list the glued form.
    (
        "الولاياتالمتحدة",
        state("United States", "USA", 37.09, -95.71, "Q30"),
    ),
    (
        "أمريكا",
        state("United States", "USA", 37.09, -95.71, "Q30"),
    ),
    ("أوكرانيا", state("Ukraine", "UKR", 48.38, 31.17, "Q212")),
    ("الهند", state("India", "IND", 20.59, 78.96, "Q668")),
    ("البرازيل", state("Brazil", "BRA", -14.24, -51.93, "Q155")),
    (
        "جنوب أفريقيا",
        state("South Africa", "ZAF", -30.56, 22.94, "Q258"),
    ),
    (
        "جنوب إفريقيا",
        state("South Africa", "ZAF", -30.56, 22.94, "Q258"),
    ),
    (
        "كوريا الشمالية",
        state("North Korea", "PRK", 40.34, 127.51, "Q423"),
    ),
    ("منغوليا", state("Mongolia", "MNG", 46.86, 103.85, "Q711")),
    ("إيران", state("Iran", "IRN", 32.43, 53.69, "Q794")),
    ("باكستان", state("Pakistan", "PAK", 30.38, 69.35, "Q843")),
    (
        "كازاخستان",
        state("Kazakhstan", "KAZ", 48.02, 66.92, "Q232"),
    ),
    (
        "أوزبكستان",
        state("Uzbekistan", "UZB", 41.38, 64.59, "Q265"),
    ),
    (
        "طاجيكستان",
        state("Tajikistan", "TJK", 38.86, 71.28, "Q863"),
    ),
    (
        "قرغيزستان",
        state("Kyrgyzstan", "KGZ", 41.20, 74.77, "Q813"),
    ),
    ("تركيا", state("Turkey", "TUR", 38.96, 35.24, "Q43")),
    ("اليابان", state("Japan", "JPN", 36.20, 138.25, "Q17")),
    ("تايوان", state("Taiwan", "TWN", 23.70, 120.96, "Q865")),
    (
        "بريطانيا",
        state("United Kingdom", "GBR", 55.38, -3.44, "Q145"),
    ),
    ("بيلاروسيا", state("Belarus", "BLR", 53.71, 27.95, "Q184")),
    ("بيرو", state("Peru", "PER", -9.19, -75.02, "Q419")),
    ("تنزانيا", state("Tanzania", "TZA", -6.37, 34.89, "Q924")),
    (
        "الكونغو",
        state("Republic of the Congo", "COG", -0.23, 15.83, "Q971"),
    ),
];
