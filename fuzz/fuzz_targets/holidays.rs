//! A holiday table: load and count working days across it.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use rouxing::calendar::WorkCalendar;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(cal) = WorkCalendar::from_json(text) {
        for year in cal.covered_years().iter().take(3) {
            if let Some(day) = NaiveDate::from_ymd_opt(*year, 1, 1) {
                let _ = cal.is_working_day(day);
                let _ = cal.add_working_days(day, 7);
                let _ = cal.checked_add_working_days(day, 400);
                let _ = cal.extend_if_holiday(day);
            }
        }
    }
});
