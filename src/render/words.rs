//! The Arabic words of the feeds: kinds, statuses, months and participants' Arabic names. The
//! page (`app.js`) uses the same words; months are the Levantine names the seeds write.

use crate::extract::events::{EventKind, Participant, Status};
use crate::extract::lexicon::gazetteer::{PEOPLE, STATES};

/// Kinds, in the order of [`EventKind`]'s words.
const KINDS: &[(&str, &str)] = &[
    ("meeting", "لقاء"),
    ("visit", "زيارة"),
    ("summit", "قمة"),
    ("call", "اتصال"),
    ("agreement", "اتفاق"),
    ("military", "عسكري"),
    ("statement", "تصريح"),
    ("other", "آخر"),
];

pub(super) const MONTHS: [&str; 12] = [
    "كانون الثاني",
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
    "كانون الأول",
];

/// Spring, summer, autumn, winter: the TIMEX3 season codes.
pub(super) const SEASONS: [(&str, &str); 4] = [
    ("SP", "ربيع"),
    ("SU", "صيف"),
    ("FA", "خريف"),
    ("WI", "شتاء"),
];

/// First to fourth, as a quarter or half is counted (الربع الأول).
pub(super) const ORDINALS: [&str; 4] = ["الأول", "الثاني", "الثالث", "الرابع"];

/// A kind in Arabic; its code when the table lacks it.
pub(super) fn kind(k: EventKind) -> &'static str {
    let code = k.as_str();
    KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, ar)| ar)
}

pub(super) fn status(s: Status) -> &'static str {
    match s {
        Status::Held => "جرى",
        Status::Announced => "أُعلن عنه",
        Status::Cancelled => "أُلغي",
    }
}

/// A participant's Arabic name from the gazetteer: a person's fullest spelling (the first of
/// those with the most words, a title such as الرئيس aside), a state's CLDR name; the stored
/// (English) name when the gazetteer does not know it.
pub(super) fn name(p: &Participant) -> &str {
    let person = PEOPLE.iter().find(|g| {
        g.name == p.name
            && g.country == p.country
            && (p.wikidata.is_none() || g.wikidata == p.wikidata.as_deref())
    });
    let fullest = person.and_then(|g| {
        g.spellings
            .iter()
            .filter(|s| !s.starts_with("الرئيس "))
            .min_by_key(|s| std::cmp::Reverse(s.split(' ').count()))
    });
    if let Some(fullest) = fullest {
        return fullest;
    }
    let state = STATES
        .iter()
        .find(|s| s.name == p.name && s.code == p.country);
    match state.and_then(|s| s.names.first()) {
        Some(first) => first,
        None => p.name.as_ref(),
    }
}
