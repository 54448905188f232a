//! The TIMEX3 value of an amount of time made of parts ("عام واحد وشهر و21 يوما" → P1Y1M21D,
//! "ساعة ونصف" → PT1H30M, "3.5 ثانية" → PT3.5S, "نصف قرن" → P50Y).
//!
//! Each part is a unit and a count in 1/60000 of it ([`SCALE`]). Years, decades and centuries are counted in
//! months and written as years and months; weeks, days, hours, minutes and seconds are counted
//! in milliseconds and written as days, hours, minutes and seconds. A fraction left over (half
//! a month, 3.5 seconds) is written as a decimal of its unit, as ISO 8601 allows on the last.

use super::super::lexicon::Unit;

/// A part's count is kept in 1/60000 of its unit, so that thirds (ثلث ساعة) and sixtieths
/// stay exact.
pub const SCALE: u64 = 60_000;

/// An amount of time: (unit, count × [`SCALE`]) parts, largest unit first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount(pub Vec<(Unit, u64)>);

fn months_per(u: Unit) -> Option<u64> {
    match u {
        Unit::Century => Some(1200),
        Unit::Decade => Some(120),
        Unit::Year => Some(12),
        Unit::Month => Some(1),
        _ => None,
    }
}

fn seconds_per(u: Unit) -> u64 {
    match u {
        Unit::Week => 604_800,
        Unit::Day => 86_400,
        Unit::Hour => 3_600,
        Unit::Minute => 60,
        _ => 1,
    }
}

/// A scaled count as a decimal, to three places: 210000 → "3.5".
fn decimal(scaled: u64) -> String {
    let whole = scaled / SCALE;
    let frac = ((scaled % SCALE) * 1000 + SCALE / 2) / SCALE;
    if frac == 0 {
        return whole.to_string();
    }
    if frac == 1000 {
        return (whole + 1).to_string();
    }
    let f = format!("{frac:03}");
    format!("{whole}.{}", f.trim_end_matches('0'))
}

impl Amount {
    /// The ISO 8601 duration TIMEX3 writes for the amount.
    pub fn value(&self) -> String {
        // One whole part keeps its own unit: P2W, P1DE, P12CE.
        if let [(u @ (Unit::Week | Unit::Decade | Unit::Century), n)] = self.0.as_slice() {
            if n % SCALE == 0 {
                let code = match u {
                    Unit::Week => "W",
                    Unit::Decade => "DE",
                    _ => "CE",
                };
                return format!("P{}{code}", n / SCALE);
            }
        }
        let mut months = 0u64; // scaled months
        let mut millis = 0u64; // scaled seconds
        for &(u, n) in &self.0 {
            match months_per(u) {
                Some(m) => months += n * m,
                None => millis += n * seconds_per(u),
            }
        }
        let mut out = String::from("P");
        if months > 0 {
            let (y, m) = (months / (12 * SCALE), months % (12 * SCALE));
            if y > 0 {
                out.push_str(&format!("{y}Y"));
            }
            if m > 0 {
                out.push_str(&format!("{}M", decimal(m)));
            }
        }
        if millis > 0 {
            let (day, hour, minute) = (86_400 * SCALE, 3_600 * SCALE, 60 * SCALE);
            let (d, rest) = (millis / day, millis % day);
            if d > 0 {
                out.push_str(&format!("{d}D"));
            }
            if rest > 0 {
                out.push('T');
                let (h, rest) = (rest / hour, rest % hour);
                let (m, s) = (rest / minute, rest % minute);
                if h > 0 {
                    out.push_str(&format!("{h}H"));
                }
                if m > 0 {
                    out.push_str(&format!("{m}M"));
                }
                if s > 0 {
                    out.push_str(&format!("{}S", decimal(s)));
                }
            }
        }
        if out == "P" {
            out.push_str("T0S");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts given in thousandths of their unit.
    fn v(parts: &[(Unit, u64)]) -> String {
        Amount(parts.iter().map(|&(u, n)| (u, n * SCALE / 1000)).collect()).value()
    }

    #[test]
    fn parts_are_written_in_iso_order() {
        use Unit::*;
        assert_eq!(v(&[(Year, 1000), (Month, 1000), (Day, 21000)]), "P1Y1M21D");
        assert_eq!(v(&[(Hour, 1500)]), "PT1H30M");
        assert_eq!(v(&[(Second, 3500)]), "PT3.5S");
        assert_eq!(v(&[(Century, 500)]), "P50Y");
        assert_eq!(v(&[(Century, 12000)]), "P12CE");
        assert_eq!(v(&[(Decade, 1000)]), "P1DE");
        assert_eq!(v(&[(Year, 1500)]), "P1Y6M");
        assert_eq!(v(&[(Month, 500)]), "P0.5M");
        assert_eq!(v(&[(Day, 1500)]), "P1DT12H");
        assert_eq!(v(&[(Week, 2000), (Day, 3000)]), "P17D");
        assert_eq!(v(&[(Hour, 3000), (Minute, 20000)]), "PT3H20M");
        let third = |u| Amount(vec![(u, SCALE / 3)]).value();
        assert_eq!(third(Hour), "PT20M");
        assert_eq!(third(Month), "P0.333M");
    }
}
