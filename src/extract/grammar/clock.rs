//! Clock times: "الساعة العاشرة صباحا", "14:30", "15:23:24", "الثالثة إلا ربعا", "الثامنة هذه الليلة".

use super::super::TimexMod;
use super::super::lexicon::{ClockPart, DayPart, Lex, Unit};
use super::super::resolve::Expr;
use super::super::token::Kind;
use super::calendar::day_month;
use super::numeric::numeric_date;
use super::relative::{relative_day, weekday};
use super::{Cursor, Found, Hit, Rule, found};

/// clock: "الساعة العاشرة صباحا", "الساعة 14:30", "14:30", "الساعة الثالثة بعد الظهر".
pub fn clock(g: &Cursor, i: usize) -> Option<Hit> {
    if let Some(hit) = midnight(g, i) {
        return Some(hit);
    }
    let has_hour = g.lex(i) == Some(Lex::Hour);
    let j = usize::from(has_hour) + i;
    let colon = |k: usize| g.punct(k, ":") && g.glued(k) && g.glued(k + 1);
    let mut second = None;
    let mut spoken = false;
    let (mut h, mut m, mut k) = if let Some((h, m)) = dotted(g, j).filter(|_| has_hour) {
        // "الساعة 19.00", "الساعة 6.30 مساء": the point some outlets write, after الساعة.
        (h, m, j + 3)
    } else if let Some((h, _)) = g.num(j).filter(|_| colon(j + 1)) {
        let (m, md) = g.num(j + 2)?;
        if h > 23 || md != 2 || m > 59 {
            return None;
        }
        // "15:23:24": seconds, kept when written.
        if colon(j + 3) {
            let (s, sd) = g.num(j + 4)?;
            if sd != 2 || s > 59 || colon(j + 5) {
                return None;
            }
            second = Some(s as u8);
            (h, m, j + 5)
        } else {
            (h, m, j + 3)
        }
    } else if has_hour || matches!(g.lex(j), Some(Lex::Ordinal(_))) || hour_before_part(g, j) {
        let (h, k) = g.ordinal(j).or_else(|| g.number(j))?;
        if !(1..=12).contains(&h) {
            return None;
        }
        spoken = true;
        (h, 0, k)
    } else {
        return None;
    };
    // Minutes in words count only after a whole hour, and "إلا" never before midnight.
    let words = clock_minutes(g, k).filter(|&(mm, _)| m == 0 && (mm >= 0 || h > 0));
    if let Some((minutes, next)) = words {
        (h, m, k) = if minutes < 0 {
            (h - 1, (60 + minutes) as u32, next)
        } else {
            (h, minutes as u32, next)
        };
    }
    let this_part = g.lex(k) == Some(Lex::This)
        && matches!(g.lex(k + 1), Some(Lex::DayPart(_) | Lex::RelDay(0)))
        && g.text(k + 1) != "اليوم";
    // "الساعة السابعة من مساء أمس", "في العاشرة من صباح الأحد": the part of the day and the
    // day come after "من"; they stay their own DATE, and the time takes both.
    let of_part = match (g.lex(k), g.lex(k + 1)) {
        (Some(Lex::From), Some(Lex::DayPart(p))) => Some(p),
        _ => None,
    };
    let part = this_part
        || of_part.is_some()
        || matches!(
            g.lex(k),
            Some(Lex::ClockPart(_) | Lex::DayPart(DayPart::Evening))
        );
    if !has_hour && g.t[i].kind != Kind::Number && !part {
        return None;
    }
    // A bare "3:16" could be a verse or a score: it needs two hour digits, a part of the
    // day, or a preposition before it.
    let prep_before = i > 0
        && matches!(
            g.lex(i - 1),
            Some(Lex::YearPrep | Lex::From | Lex::Until | Lex::Before | Lex::After)
        );
    if !has_hour && g.t[i].kind == Kind::Number && g.t[i].digits < 2 && !part && !prep_before {
        return None;
    }
    // "4:05 م", "9:30 ص": the letters for مساء and صباحا after digits.
    let digital = !spoken && g.t[j].kind == Kind::Number;
    match g.lex(k) {
        _ if digital && g.text(k) == "م" && g.t[k].kind == Kind::Word => {
            if h < 12 {
                h += 12;
            }
            k += 1;
        }
        _ if digital && g.text(k) == "ص" && g.t[k].kind == Kind::Word => {
            if h == 12 {
                h = 0;
            }
            k += 1;
        }
        Some(Lex::ClockPart(ClockPart::Pm) | Lex::DayPart(DayPart::Evening)) => {
            if h < 12 && !(g.text(k).starts_with("ليل") && h < 6) {
                h += 12;
            }
            k += 1;
        }
        Some(Lex::ClockPart(ClockPart::Am)) => {
            if h == 12 {
                h = 0;
            }
            k += 1;
        }
        // "الثامنة هذه الليلة", "الحادية عشرة إلا ربعا هذا الصباح"
        Some(Lex::This) if this_part => match g.lex(k + 1) {
            Some(Lex::DayPart(DayPart::Morning)) => {
                if h == 12 {
                    h = 0;
                }
                k += 2;
            }
            Some(Lex::DayPart(DayPart::Evening | DayPart::Night) | Lex::RelDay(0)) => {
                if h < 12 && !(h < 5 && g.text(k + 1).starts_with("الليل")) {
                    h += 12;
                }
                k += 2;
            }
            _ => {}
        },
        _ => {}
    }
    h = match of_part {
        Some(DayPart::Evening) if h < 12 => h + 12,
        Some(DayPart::Night) if (6..12).contains(&h) => h + 12,
        Some(DayPart::Noon) if h <= 7 => h + 12,
        _ => h,
    };
    // "الساعة الثالثة" with no part of the day: one to five is in the afternoon (the hours of
    // meetings and talks).
    if spoken && !part && (1..=5).contains(&h) {
        h += 12;
    }
    let day = of_part
        .and_then(|_| weekday(g, k + 1).or_else(|| relative_day(g, k + 1)))
        .and_then(|(_, day)| match day.as_slice() {
            [one] => Some(one.expr.clone()),
            _ => None,
        });
    let e = match day {
        Some(date) => Expr::Timestamp {
            date: Box::new(date),
            hour: h as u8,
            minute: m as u8,
            second,
        },
        None => Expr::Clock {
            hour: h as u8,
            minute: m as u8,
            second,
        },
    };
    Some((k, vec![found(i, k, e, Rule::Clock)]))
}

/// "منتصف الليل" (T24:00 of the reference day), "منتصف ليلة السبت 26 أكتوبر" (T24:00 of the
/// day named, as the conventions have it).
fn midnight(g: &Cursor, i: usize) -> Option<Hit> {
    if g.lex(i) != Some(Lex::Part(TimexMod::Mid))
        || g.lex(i + 1) != Some(Lex::DayPart(DayPart::Night))
    {
        return None;
    }
    let e = Expr::Clock {
        hour: 24,
        minute: 0,
        second: None,
    };
    if g.has_article(i + 1) {
        return Some((i + 2, vec![found(i, i + 2, e, Rule::Clock)]));
    }
    let (end, day) = weekday(g, i + 1).or_else(|| relative_day(g, i + 1))?;
    let [day] = day.as_slice() else {
        return None;
    };
    let e = Expr::Timestamp {
        date: Box::new(day.expr.clone()),
        hour: 24,
        minute: 0,
        second: None,
    };
    Some((end, vec![found(i, end, e, Rule::Timestamp)]))
}

/// "19.00", "6.30": hours, a glued point and two digits of minutes (a decimal to every other
/// rule, so read from the tokens themselves).
fn dotted(g: &Cursor, j: usize) -> Option<(u32, u32)> {
    let number = |k: usize| g.t.get(k).filter(|t| t.kind == Kind::Number);
    let (h, m) = (number(j)?, number(j + 2)?);
    let fits = g.punct(j + 1, ".") && g.glued(j + 1) && g.glued(j + 2);
    (fits && h.digits <= 2 && h.value <= 23 && m.digits == 2 && m.value <= 59)
        .then_some((h.value, m.value))
}

/// A plain number of hours right before a part of the day: "7 مساء", "5 صباحا", "12 من ظهر
/// اليوم".
fn hour_before_part(g: &Cursor, j: usize) -> bool {
    g.day_digits(j).is_some_and(|h| h <= 12)
        && (matches!(
            g.lex(j + 1),
            Some(Lex::ClockPart(_) | Lex::DayPart(DayPart::Evening))
        ) || (g.lex(j + 1) == Some(Lex::From) && matches!(g.lex(j + 2), Some(Lex::DayPart(_)))))
}

/// clock_range: "من الساعة 3 إلى الساعة 4 بعد العصر", "بين الساعة 5 و6 مساء", "من 5 إلى 6
/// مساء": two TIMEs; the first end takes the part of the day of the second when it has none.
pub fn clock_range(g: &Cursor, i: usize) -> Option<Hit> {
    let first_hour = g.day_digits(i).filter(|&h| h <= 12);
    let (k1, first) = match clock(g, i) {
        Some((k1, pieces)) => (k1, pieces.into_iter().next()?),
        // "من 5 إلى 6 مساء": a bare number as the first end.
        None if i > 0 && matches!(g.lex(i - 1), Some(Lex::From | Lex::Between)) => {
            let h = first_hour?;
            let e = Expr::Clock {
                hour: h,
                minute: 0,
                second: None,
            };
            (i + 1, found(i, i + 1, e, Rule::ClockRange))
        }
        None => return None,
    };
    if !g.connector(k1) {
        return None;
    }
    let (end, second) = clock(g, k1 + 1)?;
    let second = second.into_iter().next()?;
    let (
        Expr::Clock {
            hour: h1,
            minute,
            second: s1,
        },
        Expr::Clock { hour: h2, .. },
    ) = (&first.expr, &second.expr)
    else {
        return None;
    };
    let had_part = matches!(
        g.lex(k1 - 1),
        Some(Lex::ClockPart(_) | Lex::DayPart(_) | Lex::RelDay(_))
    );
    let h1 = if !had_part && *h2 >= 12 && *h1 < 12 && h1 + 12 <= *h2 {
        h1 + 12
    } else {
        *h1
    };
    // A bare first end was read as the afternoon by `clock`; a morning second end undoes it.
    let h1 = if !had_part && *h2 < 12 && h1 > *h2 && h1 >= 12 {
        h1 - 12
    } else {
        h1
    };
    let e = Expr::Clock {
        hour: h1,
        minute: *minute,
        second: *s1,
    };
    Some((
        end,
        vec![found(first.first, k1, e, Rule::ClockRange), second],
    ))
}

/// Minutes after an hour: "والربع", "والنصف", "وثلث", "إلا ربعا", "و18 دقيقة",
/// "وخمس وأربعون دقيقة". Negative for "إلا".
fn clock_minutes(g: &Cursor, k: usize) -> Option<(i32, usize)> {
    let t = g.t.get(k)?;
    match t.lex {
        Some(Lex::Fraction(f)) if t.clitic == 1 => return Some((f.into(), k + 1)),
        Some(Lex::Quarter) if t.clitic == 1 => return Some((15, k + 1)),
        Some(Lex::Half) if t.clitic == 1 => return Some((30, k + 1)),
        Some(Lex::Except) => {
            return match g.lex(k + 1)? {
                Lex::Fraction(f) => Some((-i32::from(f), k + 2)),
                Lex::Quarter => Some((-15, k + 2)),
                _ => None,
            };
        }
        _ => {}
    }
    let j = if g.text(k) == "و" { k + 1 } else { k };
    if j == k && !(t.clitic == 1 && matches!(t.lex, Some(Lex::Number(_)))) {
        return None;
    }
    let (n, next) = g.number(j)?;
    let unit = matches!(g.lex(next), Some(Lex::Unit(Unit::Minute, _)));
    (n < 60 && unit).then_some((n as i32, next + 1))
}

/// timestamp: a date with its day and the clock time right after it, one TIME ("25 ابريل 2024
/// 19:57", "9-10-2023, 17:29", "الجمعة 26 أبريل 2024، 08:27", "12 يونيو 2021 - 02:55 ص",
/// "السبت 21/09 الساعة 1:30 بعد الظهر"), or a digital time right before its date ("01:05 م
/// الجمعة 16 أكتوبر 2015", a page's timestamp). `hit` is what a rule found.
pub fn with_clock(g: &Cursor, hit: Hit) -> Hit {
    if let Some(joined) = clock_then_date(g, &hit) {
        return joined;
    }
    let (end, pieces) = &hit;
    let [
        Found {
            first,
            expr:
                date @ Expr::Date {
                    month: Some(_),
                    day: Some(_),
                    shift: None,
                    ..
                },
            ..
        },
    ] = pieces.as_slice()
    else {
        return hit;
    };
    let k = if g.punct(*end, ",-–") {
        end + 1
    } else {
        *end
    };
    let after = clock(g, k);
    let Some((
        clock_end,
        [
            Found {
                expr:
                    Expr::Clock {
                        hour,
                        minute,
                        second,
                    },
                ..
            },
        ],
    )) = after.as_ref().map(|(e, p)| (*e, p.as_slice()))
    else {
        return hit;
    };
    let e = Expr::Timestamp {
        date: Box::new(date.clone()),
        hour: *hour,
        minute: *minute,
        second: *second,
    };
    (
        clock_end,
        vec![found(*first, clock_end, e, Rule::Timestamp)],
    )
}

/// "01:05 م الجمعة 16 أكتوبر 2015": a digital clock time (the hit) and, with nothing between,
/// a date with its day; one TIME.
fn clock_then_date(g: &Cursor, hit: &Hit) -> Option<Hit> {
    let (end, pieces) = hit;
    let [
        Found {
            first,
            expr:
                Expr::Clock {
                    hour,
                    minute,
                    second,
                },
            ..
        },
    ] = pieces.as_slice()
    else {
        return None;
    };
    if g.t[*first].kind != Kind::Number {
        return None;
    }
    let (date_end, dated) = weekday(g, *end)
        .or_else(|| day_month(g, *end))
        .or_else(|| numeric_date(g, *end))?;
    let [
        Found {
            expr:
                date @ Expr::Date {
                    month: Some(_),
                    day: Some(_),
                    ..
                },
            last,
            ..
        },
    ] = dated.as_slice()
    else {
        return None;
    };
    if *last != date_end {
        return None;
    }
    let e = Expr::Timestamp {
        date: Box::new(date.clone()),
        hour: *hour,
        minute: *minute,
        second: *second,
    };
    Some((date_end, vec![found(*first, date_end, e, Rule::Timestamp)]))
}
