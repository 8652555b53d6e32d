//! Art. 85 working days beyond the published schedule: the statutory rule of
//! 《全国年节及纪念日放假办法》 checked against the published notices of
//! 2019–2026, the 2027 holidays, loaded tables and regional overlays.

use proptest::prelude::*;
use rouxing::calendar::{
    Fallback, Festival, HolidayText, ScheduleBasis, StatutoryDayKind, WorkCalendar, statutory_days,
};

use crate::common::d;

#[test]
fn every_statutory_holiday_2019_2026_is_off_in_the_published_schedule() {
    let published = WorkCalendar::china();
    let mut checked = 0;
    for year in 2019..=2026 {
        let days = statutory_days(year);
        assert!(!days.is_empty(), "{year}");
        for day in days.iter().filter(|s| s.kind == StatutoryDayKind::Holiday) {
            assert!(!published.is_working_day(day.date), "{year}: {day:?} is a working day in the notice");
            checked += 1;
        }
    }
    // 8 years of 11 holidays (2013 text) or 13 (2024 text), 中秋 on 国庆 in
    // 2020 counted twice.
    assert_eq!(checked, 6 * 11 + 2 * 13);
}

#[test]
fn the_rule_alone_reproduces_every_published_holiday() {
    // The same check through the calendar: with no table, every statutory
    // holiday is a day off on the provisional basis.
    let rule = WorkCalendar::weekends_only().with_fallback(Fallback::Statutory);
    let published = WorkCalendar::china();
    for year in 2019..=2026 {
        for day in statutory_days(year) {
            assert!(!rule.is_working_day(day.date), "{day:?}");
            assert_eq!(rule.basis_on(day.date), ScheduleBasis::Provisional);
            assert_eq!(published.basis_on(day.date), ScheduleBasis::Official);
        }
    }
}

#[test]
fn holidays_of_2027_are_off() {
    let cal = WorkCalendar::china();
    // 元旦 (Friday) and 除夕 (Friday 5 February, 2024 text).
    for date in [d(2027, 1, 1), d(2027, 2, 5), d(2027, 2, 8), d(2027, 5, 3), d(2027, 10, 1)] {
        assert!(!cal.is_working_day(date), "{date}");
        assert_eq!(cal.basis_on(date), ScheduleBasis::Provisional);
    }
    assert_eq!(HolidayText::in_force_on(d(2027, 2, 5)), Some(HolidayText::Text2024));
    // 劳动节 1–2 May 2027 is a Saturday and Sunday: made up on 3 and 4 May.
    let may: Vec<_> = statutory_days(2027)
        .into_iter()
        .filter(|s| s.festival == Festival::LabourDay)
        .map(|s| (s.date, s.kind))
        .collect();
    assert_eq!(
        may,
        [
            (d(2027, 5, 1), StatutoryDayKind::Holiday),
            (d(2027, 5, 2), StatutoryDayKind::Holiday),
            (d(2027, 5, 3), StatutoryDayKind::MakeUp),
            (d(2027, 5, 4), StatutoryDayKind::MakeUp),
        ]
    );
    // No weekend is worked: only the notice swaps days.
    assert!(!cal.is_working_day(d(2027, 2, 14)));
    // Seven working days from 2027-01-29 skip 春节 (5, 8 Feb) and the
    // make-up days (9, 10 Feb): 1, 2, 3, 4, 11, 12, 15 February.
    let deadline = cal.add_working_days(d(2027, 1, 29), 7);
    assert_eq!((deadline.date, deadline.basis), (d(2027, 2, 15), ScheduleBasis::Provisional));
}

#[test]
fn a_loaded_notice_makes_the_year_official() {
    let table = r#"{"years": {"2027": {
        "papers": ["transcribed notice"],
        "days": [
            {"date": "2027-01-01", "name": "元旦", "off_day": true},
            {"date": "2027-02-05", "name": "春节", "off_day": true},
            {"date": "2027-02-06", "name": "春节", "off_day": true},
            {"date": "2027-02-07", "name": "春节", "off_day": true},
            {"date": "2027-02-08", "name": "春节", "off_day": true},
            {"date": "2027-02-09", "name": "春节", "off_day": true},
            {"date": "2027-02-10", "name": "春节", "off_day": true},
            {"date": "2027-02-11", "name": "春节", "off_day": true},
            {"date": "2027-02-12", "name": "春节", "off_day": true},
            {"date": "2027-02-14", "name": "春节", "off_day": false}
        ]
    }}}"#;
    let cal = WorkCalendar::from_json(table).unwrap();
    assert!(cal.covers(d(2027, 2, 14)));
    assert!(cal.is_working_day(d(2027, 2, 14)), "the notice's weekend working day");
    assert!(!cal.is_working_day(d(2027, 2, 11)));
    let deadline = cal.add_working_days(d(2027, 2, 4), 1);
    assert_eq!((deadline.date, deadline.basis), (d(2027, 2, 14), ScheduleBasis::Official));
    // 2028 falls back to the rule.
    assert_eq!(cal.basis_on(d(2028, 1, 1)), ScheduleBasis::Provisional);
    assert!(!cal.is_working_day(d(2028, 1, 3)), "元旦 2028 (Saturday) made up on Monday");
}

#[test]
fn a_regional_overlay_adds_days_without_changing_the_basis() {
    let regional = WorkCalendar::from_json(
        r#"{"years": {"2027": {"days": [{"date": "2027-03-09", "name": "藏历新年", "off_day": true}]}}}"#,
    )
    .unwrap();
    let cal = WorkCalendar::china().with_regional(&regional);
    assert!(!cal.is_working_day(d(2027, 3, 9)));
    assert!(WorkCalendar::china().is_working_day(d(2027, 3, 9)));
    assert_eq!(cal.basis_on(d(2027, 3, 9)), ScheduleBasis::Provisional);
    assert_eq!(cal.covered_years(), WorkCalendar::china().covered_years());
    let deadline = cal.add_working_days(d(2027, 3, 8), 1);
    assert_eq!(deadline.date, d(2027, 3, 10));
}

fn day_by_day(cal: &WorkCalendar, from: chrono::NaiveDate, n: u32) -> chrono::NaiveDate {
    let mut date = from;
    let mut left = n;
    while left > 0 {
        date = date.succ_opt().unwrap();
        if cal.is_working_day(date) {
            left -= 1;
        }
    }
    date
}

fn calendar() -> impl Strategy<Value = WorkCalendar> {
    prop_oneof![
        Just(WorkCalendar::china()),
        Just(WorkCalendar::weekends_only().with_fallback(Fallback::Statutory)),
        Just(WorkCalendar::china().with_fallback(Fallback::WeekendsOnly)),
        (2024i32..2030, 1u32..=12, 1u32..=28, any::<bool>()).prop_map(|(y, m, day, off)| {
            let text = format!(
                r#"{{"years": {{"{y}": {{"days": [{{"date": "{y}-{m:02}-{day:02}", "off_day": {off}}}]}}}}}}"#
            );
            WorkCalendar::china().with_regional(&WorkCalendar::from_json(&text).unwrap())
        }),
    ]
}

proptest! {
    /// The year-skipping count agrees with counting day by day, and the
    /// basis is the weakest over the days counted.
    #[test]
    fn prop_working_day_index_matches_day_by_day(
        cal in calendar(),
        from in (1990i32..2110, 1u32..=366).prop_filter_map("no such day", |(y, o)| chrono::NaiveDate::from_yo_opt(y, o)),
        n in 0u32..3000,
    ) {
        let deadline = cal.add_working_days(from, n);
        prop_assert_eq!(deadline.date, day_by_day(&cal, from, n));
        if n > 0 {
            let weakest = from
                .iter_days()
                .skip(1)
                .take_while(|day| *day <= deadline.date)
                .map(|day| cal.basis_on(day))
                .max()
                .unwrap();
            prop_assert_eq!(deadline.basis, weakest);
        }
    }

    /// The rule never makes a weekend a working day, and makes every listed
    /// statutory day a day off.
    #[test]
    fn prop_statutory_rule_only_adds_days_off(year in 2008i32..=2100) {
        let rule = WorkCalendar::weekends_only().with_fallback(Fallback::Statutory);
        let days = statutory_days(year);
        prop_assert!(days.iter().filter(|s| s.kind == StatutoryDayKind::Holiday).count() >= 11);
        let mut date = d(year, 1, 1);
        while chrono::Datelike::year(&date) == year {
            let listed = days.iter().any(|s| s.date == date);
            let weekday = !matches!(chrono::Datelike::weekday(&date), chrono::Weekday::Sat | chrono::Weekday::Sun);
            prop_assert_eq!(rule.is_working_day(date), weekday && !listed, "{}", date);
            date = date.succ_opt().unwrap();
        }
    }
}
