//! Any document date (issue 10, item 4): the first bytes pick a day anywhere chrono can
//! represent (the edges included) and a mode, the rest is the text; the same bytes are also
//! tried as a written date. Neither the parser nor the extractor may panic.
//!
//!     cargo +nightly fuzz run document_date -- -max_total_time=60     (from the repository)
#![no_main]

use chrono::{NaiveDate, NaiveTime};
use libfuzzer_sys::fuzz_target;
use tarikh::extract::{Dct, Mode, extract};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(dct) = Dct::parse(s) {
            let _ = extract("التقى الوزيران أمس والأسبوع الماضي", Some(dct), Mode::News);
        }
    }
    if data.len() < 6 {
        return;
    }
    let days = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let date = match data[4] % 4 {
        0 => NaiveDate::MIN,
        1 => NaiveDate::MAX,
        _ => NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MAX),
    };
    let time = NaiveTime::from_hms_opt(u32::from(data[5] % 24), 0, 0).filter(|_| data[5] >= 128);
    let mode = [Mode::News, Mode::Narrative, Mode::Colloquial][usize::from(data[5] % 3)];
    let text = String::from_utf8_lossy(&data[6..]);
    let _ = extract(&text, Some(Dct { date, time }), mode);
});
