//! A document's publication date as sources write it: the extractor's exact forms
//! (`2018-06-12`, `2018-06-12T09:30`, `2018-06-12T09:30:00`) or RFC 3339 with an offset
//! (`2022-03-01T10:00:00+03:00`, `…Z`), the form tarikh's own feeds and most news sites write.
//! The document date is the local date and time at the source: the offset says where the
//! clock was, not which day the article belongs to, so `2022-03-01T01:00:00+03:00` is
//! 1 March even though it was still 28 February in UTC.

use chrono::DateTime;

use crate::extract::Dct;

/// The document date of `s`, or what is wrong with it (naming both accepted families).
pub fn document_date(s: &str) -> Result<Dct, String> {
    match Dct::parse(s) {
        Ok(dct) => Ok(dct),
        Err(exact) => match DateTime::parse_from_rfc3339(s) {
            Ok(t) => Dct::parse(&t.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string())
                .map_err(|e| format!("document date {s:?}: {e}")),
            Err(_) => Err(format!(
                "{exact}, or RFC 3339 with an offset (2022-03-01T10:00:00+03:00, …Z)"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_give_the_local_date_at_the_source() {
        #[rustfmt::skip]
        let cases = [
            ("2022-03-01", "2022-03-01"),
            ("2022-03-01T10:00:00+03:00", "2022-03-01"),
            ("2022-03-01T01:00:00+03:00", "2022-03-01"),
            ("2022-02-28T23:30:00-05:00", "2022-02-28"),
            ("2022-03-01T10:00:00Z", "2022-03-01"),
            ("2022-03-01T10:00:00.250+02:00", "2022-03-01"),
        ];
        for (s, day) in cases {
            let dct = document_date(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(dct.date.to_string(), day, "{s}");
        }
    }

    #[test]
    fn bad_dates_name_both_forms() {
        for s in ["2022-3-1", "2022-03-01T10:00:00+3", "2022-03-01T10:00Z", ""] {
            let e = document_date(s).unwrap_err();
            assert!(e.contains(s) && e.contains("RFC 3339"), "{s}: {e}");
        }
        let e = document_date("0000-01-01T00:00:00Z").unwrap_err();
        assert!(
            e.contains("0000-01-01T00:00:00Z") && e.contains("1800"),
            "{e}"
        );
    }
}
