//! Dates in words, English or Arabic, at the precision the sources give and no finer.

use chrono::{Datelike, NaiveDate};

use super::{Lang, words};
use crate::extract::events::{EventDate, Precision};

/// A date in English at the precision the sources give, no finer: `8 June 2018`,
/// `week of 12 September 2022`, `June 2018`, `summer 2016`, `third quarter of 2022`, `2018`,
/// `the 1990s`, `the 20th century`.
pub fn display_date(d: &EventDate) -> String {
    let (a, b) = (d.earliest, d.latest);
    match d.precision {
        Precision::Day => day_text(a),
        Precision::Week => format!("week of {}", day_text(a)),
        Precision::Month => a.format("%B %Y").to_string(),
        Precision::Season => season_text(d).unwrap_or_else(|| range_text(a, b)),
        Precision::Quarter => quarter_text(d).unwrap_or_else(|| range_text(a, b)),
        Precision::Year => a.year().to_string(),
        Precision::Decade => format!("the {}s", a.year()),
        Precision::Century => format!("the {} century", ordinal(a.year() / 100 + 1)),
    }
}

/// [`display_date`] in `lang`. In Arabic, with the Levantine month names and Latin digits, as
/// the page writes them: `8 حزيران 2018`, `أسبوع 12 أيلول 2022`, `صيف 2016`,
/// `الربع الثالث من 2022`, `عقد 1990`, `القرن 20`.
pub fn display_date_in(d: &EventDate, lang: Lang) -> String {
    if lang == Lang::En {
        return display_date(d);
    }
    let (a, b) = (d.earliest, d.latest);
    match d.precision {
        Precision::Day => day_ar(a),
        Precision::Week => format!("أسبوع {}", day_ar(a)),
        Precision::Month => format!("{} {}", month_ar(a), a.year()),
        Precision::Season => season_ar(d).unwrap_or_else(|| range_ar(a, b)),
        Precision::Quarter => quarter_ar(d).unwrap_or_else(|| range_ar(a, b)),
        Precision::Year => a.year().to_string(),
        Precision::Decade => format!("عقد {}", a.year()),
        Precision::Century => format!("القرن {}", a.year() / 100 + 1),
    }
}

fn month_ar(d: NaiveDate) -> &'static str {
    words::MONTHS[d.month0() as usize]
}

fn day_ar(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_ar(d), d.year())
}

/// `صيف 2016`, `شتاء 2022–23`.
fn season_ar(d: &EventDate) -> Option<String> {
    let code = d.value.rsplit('-').next()?;
    let (_, name) = words::SEASONS.iter().find(|(c, _)| *c == code)?;
    let (from, to) = (d.earliest.year(), d.latest.year());
    Some(if from == to {
        format!("{name} {from}")
    } else {
        format!("{name} {from}–{:02}", to % 100)
    })
}

/// `الربع الثالث من 2022`, `النصف الأول من 2022`.
fn quarter_ar(d: &EventDate) -> Option<String> {
    let (unit, n) = match d.value.rsplit('-').next()?.split_at_checked(1)? {
        ("Q", n) => ("الربع", n),
        ("H", n) => ("النصف", n),
        _ => return None,
    };
    let nth = words::ORDINALS.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
    Some(format!("{unit} {nth} من {}", d.earliest.year()))
}

fn range_ar(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day_ar(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), day_ar(b))
    } else if a.year() == b.year() {
        format!("{} {} – {}", a.day(), month_ar(a), day_ar(b))
    } else {
        format!("{} – {}", day_ar(a), day_ar(b))
    }
}

fn day_text(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// `summer 2016`; winter runs from December, so it can span two years: `winter 2022–23`.
fn season_text(d: &EventDate) -> Option<String> {
    let name = match d.value.rsplit('-').next()? {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    };
    let (from, to) = (d.earliest.year(), d.latest.year());
    Some(if from == to {
        format!("{name} {from}")
    } else {
        format!("{name} {from}–{:02}", to % 100)
    })
}

/// `third quarter of 2022`, `first half of 2022` (halves are stored as quarter precision).
fn quarter_text(d: &EventDate) -> Option<String> {
    const NTH: [&str; 4] = ["first", "second", "third", "fourth"];
    let (unit, n) = match d.value.rsplit('-').next()?.split_at_checked(1)? {
        ("Q", n) => ("quarter", n),
        ("H", n) => ("half", n),
        _ => return None,
    };
    let nth = NTH.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
    Some(format!("{nth} {unit} of {}", d.earliest.year()))
}

/// The interval itself, for a value the names above do not know.
fn range_text(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        day_text(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}–{}", a.day(), day_text(b))
    } else if a.year() == b.year() {
        format!("{} – {}", a.format("%-d %B"), day_text(b))
    } else {
        format!("{} – {}", day_text(a), day_text(b))
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::*;

    #[test]
    fn display_dates_keep_their_precision() {
        for &(value, precision, want, ..) in PRECISIONS {
            assert_eq!(display_date(&date(value, precision)), want, "{value}");
        }
    }

    #[test]
    fn unknown_values_show_their_interval() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let cases = [
            ("2022-09-12", "2022-09-18", "12–18 September 2022"),
            ("2022-09-12", "2022-10-03", "12 September – 3 October 2022"),
            (
                "2022-12-28",
                "2023-01-03",
                "28 December 2022 – 3 January 2023",
            ),
        ];
        for (a, b, want) in cases {
            for precision in [Precision::Season, Precision::Quarter] {
                let odd = EventDate {
                    value: "2022-XX".to_owned(),
                    earliest: d(a),
                    latest: d(b),
                    precision,
                };
                assert_eq!(display_date(&odd), want, "{a}..{b} {precision:?}");
            }
        }
    }

    #[test]
    fn ordinals() {
        for (n, want) in [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (11, "11th"),
            (21, "21st"),
        ] {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn arabic_dates_keep_their_precision() {
        let cases = [
            ("2018-06-08", Precision::Day, "8 حزيران 2018"),
            ("2022-W37", Precision::Week, "أسبوع 12 أيلول 2022"),
            ("2018-06", Precision::Month, "حزيران 2018"),
            ("2016-SU", Precision::Season, "صيف 2016"),
            ("2022-WI", Precision::Season, "شتاء 2022–23"),
            ("2022-Q3", Precision::Quarter, "الربع الثالث من 2022"),
            ("2022-H1", Precision::Quarter, "النصف الأول من 2022"),
            ("2018", Precision::Year, "2018"),
            ("199", Precision::Decade, "عقد 1990"),
            ("19", Precision::Century, "القرن 20"),
        ];
        for (value, precision, want) in cases {
            let d = date(value, precision);
            assert_eq!(display_date_in(&d, Lang::Ar), want, "{value}");
            assert_eq!(display_date_in(&d, Lang::En), display_date(&d), "{value}");
        }
        let odd = EventDate {
            value: "2022-XX".to_owned(),
            ..date("2022-W37", Precision::Season)
        };
        assert_eq!(display_date_in(&odd, Lang::Ar), "12–18 أيلول 2022");
    }
}
