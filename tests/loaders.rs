//! Bad input gives one clear error naming file, line, field and value.

use rouxing::{Case, Catalogue, Regime};

const ITEM: &str = r#"{"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "市场监管部门",
   "penalty_provision": "p", "penalty": {"kinds": ["fine"], "fine": {"kind": "range", "min": "100", "max": "1000"}}}"#;

fn catalogue_with(items: &str) -> String {
    format!("{{\"schema_version\": 1, \"name\": \"测试\", \"items\": [\n{items}\n]}}")
}

fn cat_err(text: &str) -> String {
    Catalogue::from_json_named("cat.json", text).unwrap_err().to_string()
}

#[test]
fn catalogue_unknown_field() {
    let text = catalogue_with(&ITEM.replace("\"name\": \"n\"", "\"name\": \"n\", \"colour\": 1"));
    let e = cat_err(&text);
    assert!(e.starts_with("cat.json line 2 column "), "{e}");
    assert!(e.contains("field `items[0].colour`: unknown field `colour`"), "{e}");
}

#[test]
fn catalogue_inverted_fine_range() {
    let text = catalogue_with(
        &ITEM.replace("\"min\": \"100\", \"max\": \"1000\"", "\"min\": \"1000\", \"max\": \"100\""),
    );
    let e = cat_err(&text);
    assert!(
        e.ends_with(", field `items[0].penalty.fine`: inverted fine range: minimum `¥1,000.00` is above maximum `¥100.00`"),
        "{e}"
    );
    assert!(e.starts_with("cat.json line 3 column "), "{e}");
}

#[test]
fn catalogue_negative_amount() {
    let text = catalogue_with(&ITEM.replace("\"min\": \"100\"", "\"min\": \"-100\""));
    let e = cat_err(&text);
    assert!(
        e.ends_with(
            "field `items[0].penalty.fine`: field `min`: negative amount `-100`: amounts of money are never negative"
        ),
        "{e}"
    );
}

#[test]
fn catalogue_duplicate_item_code() {
    let text = catalogue_with(&format!("{ITEM},\n{ITEM}"));
    let e = cat_err(&text);
    assert_eq!(e, "cat.json line 4 column 10, field `items[1].code`: duplicate item code `A-1`");
}

#[test]
fn catalogue_bad_date_and_unknown_source() {
    let entry = r#""entries": [{"id": "E1", "source": "S1", "outcome": "no_penalty", "modal": "shall", "conditions": [], "effective_from": "2024-02-30"}]"#;
    let text = catalogue_with(
        &ITEM.replace("\"penalty_provision\": \"p\"", &format!("\"penalty_provision\": \"p\", {entry}")),
    );
    let e = cat_err(&text);
    assert!(e.contains("field `items[0].entries[0].effective_from`: invalid date `2024-02-30`: no such day in the calendar"), "{e}");
    let text = text.replace("2024-02-30", "2024-02-01");
    let e = cat_err(&text);
    assert!(
        e.ends_with("field `items[0].entries[0].source`: unknown source `S1`: list it under `sources`"),
        "{e}"
    );
    assert!(e.starts_with("cat.json line 3 column "), "{e}");
}

#[test]
fn catalogue_entry_ending_before_it_starts() {
    let entry = r#""entries": [{"id": "E1", "source": "S1", "outcome": "no_penalty", "modal": "shall", "conditions": [], "effective_from": "2024-02-01", "valid_until": "2023-01-01"}]"#;
    let text = catalogue_with(
        &ITEM.replace("\"penalty_provision\": \"p\"", &format!("\"penalty_provision\": \"p\", {entry}")),
    );
    let e = cat_err(&text);
    assert!(e.ends_with("field `items[0].entries[0].valid_until`: entry `E1` ends `2023-01-01` before it starts `2024-02-01`"), "{e}");
    assert!(e.starts_with("cat.json line 3 column "), "{e}");
}

#[test]
fn catalogue_bad_enum_value_and_schema() {
    let text = catalogue_with(&ITEM.replace("market_regulation", "space_agency"));
    let e = cat_err(&text);
    assert!(e.contains("field `items[0].domain`: unknown variant `space_agency`"), "{e}");
    let text = catalogue_with(ITEM).replace("\"schema_version\": 1", "\"schema_version\": 9");
    assert_eq!(
        cat_err(&text),
        "cat.json line 1 column 2, field `schema_version`: unsupported schema version `9`: this release reads versions 1 and 2"
    );
    assert!(cat_err("{").starts_with("cat.json line 1 column 1"));
}

fn catalogue() -> Catalogue {
    Catalogue::from_json(&catalogue_with(ITEM)).unwrap()
}

const CASE: &str = r#"{
  "id": "C-1",
  "item": "A-1",
  "party": {"id": "P-1", "kind": "legal_person"},
  "act": {"start": "2025-03-01"},
  "discovered_on": "2025-03-05",
  "harm": "none",
  "correction": {"status": "none"}
}"#;

fn case_err(text: &str) -> String {
    Case::from_json_named("case.json", text, &catalogue()).unwrap_err().to_string()
}

#[test]
fn case_loads() {
    Case::from_json_named("case.json", CASE, &catalogue()).unwrap();
}

#[test]
fn case_unknown_item_code() {
    assert_eq!(
        case_err(&CASE.replace("\"A-1\"", "\"B-2\"")),
        "case.json line 3 column 11, field `item`: unknown item code `B-2`: not in catalogue `测试`"
    );
}

#[test]
fn case_end_before_start() {
    let e = case_err(
        &CASE.replace("{\"start\": \"2025-03-01\"}", "{\"start\": \"2025-03-01\", \"end\": \"2025-02-01\"}"),
    );
    assert_eq!(
        e,
        "case.json line 5 column 34, field `act.end`: field `act.end` is `2025-02-01`, before `act.start` `2025-03-01`"
    );
}

#[test]
fn case_discovery_before_act_and_bad_date() {
    let e = case_err(&CASE.replace("2025-03-05", "2025-02-05"));
    assert!(e.contains("field `discovered_on` is `2025-02-05`, before `act.start` `2025-03-01`"), "{e}");
    let e = case_err(&CASE.replace("2025-03-05", "2025-13-05"));
    assert!(
        e.contains("field `discovered_on`: invalid date `2025-13-05`: no such day in the calendar"),
        "{e}"
    );
    assert!(e.starts_with("case.json line 6 column "), "{e}");
}

#[test]
fn case_unknown_field_and_party_errors() {
    let e = case_err(&CASE.replace("\"harm\": \"none\"", "\"harm\": \"none\", \"mood\": \"bad\""));
    assert!(e.contains("field `mood`: unknown field `mood`"), "{e}");
    let e = case_err(&CASE.replace("\"kind\": \"legal_person\"", "\"kind\": \"natural_person\""));
    assert!(e.contains("field `party`: field `birth_date` is required for a natural person"), "{e}");
    let e = case_err(&CASE.replace("\"harm\": \"none\"", "\"harm\": \"catastrophic\""));
    assert!(e.contains("field `harm`: unknown variant `catastrophic`"), "{e}");
}

#[test]
fn case_duplicate_circumstance_and_negative_amount() {
    let e = case_err(
        &CASE.replace("\"harm\": \"none\"", "\"harm\": \"none\", \"mitigating\": [\"coerced\", \"coerced\"]"),
    );
    assert!(e.contains("field `mitigating` lists `coerced` twice"), "{e}");
    let e = case_err(
        &CASE.replace("\"harm\": \"none\"", "\"harm\": \"none\", \"amounts\": {\"illegal_gains\": \"-3\"}"),
    );
    assert!(e.contains("field `amounts.illegal_gains`: negative amount `-3`"), "{e}");
}

#[test]
fn regime_errors_name_the_field() {
    let mut r = Regime::national().to_json();
    r = r.replace("\"decision_period_days\": 90", "\"decision_period_days\": 0");
    let e = Regime::from_json_named("regime.json", &r).unwrap_err().to_string();
    assert!(e.starts_with("regime.json line "), "{e}");
    assert!(
        e.ends_with(", field `decision_period_days`: field `decision_period_days` must not be zero"),
        "{e}"
    );
}

#[test]
fn no_input_makes_the_loaders_panic() {
    // Truncations and byte flips of valid documents: errors, never panics.
    let cat = catalogue_with(ITEM);
    for i in 0..cat.len() {
        if cat.is_char_boundary(i) {
            let _ = Catalogue::from_json(&cat[..i]);
        }
    }
    for i in 0..CASE.len() {
        if CASE.is_char_boundary(i) {
            let _ = Case::from_json(&CASE[..i], &catalogue());
        }
    }
}

mod fuzz {
    //! Mutated documents: the loaders answer with an error or a value, never
    //! a panic. (`PROPTEST_CASES` raises the count for long runs.)
    use proptest::prelude::*;
    use rouxing::{Case, Catalogue, Regime};

    fn bundled_case() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/cases/art32-mitigation.json"
        ))
        .unwrap()
    }

    fn mutate(text: &str, edits: &[(usize, u8)]) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for &(pos, b) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = pos % bytes.len();
            match b % 3 {
                0 => bytes[i] = b,
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, b),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: crate::common::cases(256), ..ProptestConfig::default() })]

        #[test]
        fn prop_loaders_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
            let cat = Catalogue::bundled().unwrap();
            let case_text = mutate(&bundled_case(), &edits);
            if let Ok(c) = Case::from_json(&case_text, &cat) {
                // whatever loads, decides
                let r = Regime::national();
                let a = rouxing::assess(&c, &cat, &r, c.discovered_on());
                prop_assert!(a.is_lawful(rouxing::recommend(&a, &r).tier));
            }
            let regime_text = mutate(&Regime::shandan_sample().to_json(), &edits);
            let _ = Regime::from_json(&regime_text);
        }

        #[test]
        fn prop_catalogue_loader_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4)) {
            let text = mutate(include_str!("../examples/data/catalogue.json"), &edits);
            let _ = Catalogue::from_json_named("catalogue.json", &text);
        }
    }
}

#[test]
fn a_byte_order_mark_is_refused_by_name() {
    let cat = rouxing::Catalogue::from_json_named("c.json", "\u{FEFF}{}").unwrap_err();
    assert_eq!(cat.line(), 1);
    assert!(cat.to_string().contains("byte-order mark (U+FEFF)"), "{cat}");
    let file = rouxing::CaseFile::from_jsonl("\u{FEFF}{}\n").unwrap_err();
    assert!(
        file.to_string().starts_with("line 1: not a case-file line: the file starts with a byte-order mark"),
        "{file}"
    );
}

#[test]
fn proposals_have_a_named_loader_with_field_paths() {
    let err = rouxing::guard::Proposal::from_json_named(
        "p.json",
        "{\n  \"officer\": \"OF-1\",\n  \"omit\": [\"nothing\"]\n}",
    )
    .unwrap_err();
    assert_eq!((err.file(), err.line(), err.field()), ("p.json", 3, "omit[0]"));
    rouxing::guard::Proposal::from_json_named("p.json", r#"{"officer": "OF-1"}"#).unwrap();
}

#[test]
fn identifiers_refuse_invisible_and_compatibility_characters() {
    use rouxing::party::PartyId;
    let err = PartyId::new("demo-lp-0101\u{200B}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid party id `demo-lp-0101\u{200B}`: must be 1 to 64 characters without control, format or non-NFKC characters: character 13 (U+200B) is a format, bidi or zero-width character"
    );
    assert!(
        PartyId::new("demo\u{202E}1")
            .unwrap_err()
            .to_string()
            .ends_with("character 5 (U+202E) is a format, bidi or zero-width character")
    );
    assert!(
        PartyId::new("demo-lp-０101")
            .unwrap_err()
            .to_string()
            .ends_with("character 9 (U+FF10) is not in NFKC form")
    );
    // The case loader refuses them too, naming the field.
    let cat = rouxing::Catalogue::bundled().unwrap();
    let text = include_str!("../examples/data/cases/ordinary.json");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let id = v["party"]["id"].as_str().unwrap().to_owned();
    let bad = text.replacen(&format!("\"{id}\""), &format!("\"{id}\u{2060}\""), 1);
    let err = rouxing::Case::from_json_named("c.json", &bad, &cat).unwrap_err();
    assert!(err.to_string().contains("U+2060"), "{err}");
    // Errors quote a short prefix only.
    let long = "x".repeat(30_000_000);
    let msg = PartyId::new(long).unwrap_err().to_string();
    assert!(msg.len() < 300, "{}", msg.len());
}

#[test]
fn party_names_refuse_control_characters() {
    use rouxing::party::{Party, PartyId};
    let p = Party::legal_person(PartyId::new("P-1").unwrap(), None);
    assert!(p.clone().with_name("某某\u{1b}[31m公司").is_err());
    assert!(p.with_name("某某 商贸 有限公司").is_ok());
}

#[test]
fn a_regime_period_of_billions_of_days_is_refused() {
    let mut v: serde_json::Value = serde_json::from_str(&rouxing::Regime::national().to_json()).unwrap();
    v["decision_period_days"] = serde_json::json!(4_000_000_000u32);
    let err = rouxing::Regime::from_json_named("r.json", &v.to_string()).unwrap_err();
    assert!(
        err.to_string()
            .contains("field `decision_period_days` is `4000000000`: periods are at most ten years"),
        "{err}"
    );
    v["decision_period_days"] = serde_json::json!(180);
    rouxing::Regime::from_json_named("r.json", &v.to_string()).unwrap();
}

// ---- issue 9 §5: what the loaders refuse, each by file, line and field ----

const SOURCE: &str = r#"{"id": "S1", "title": "某局不予处罚清单", "issuer": "某局"}"#;
const ENTRY: &str = r#"{"id": "E1", "source": "S1", "outcome": "no_penalty", "modal": "shall", "conditions": [{"text": "首次违法", "tests": []}]}"#;

/// A catalogue with one source and one item carrying one entry.
fn catalogue_with_entry(entry: &str) -> String {
    let item = ITEM.replace(
        "\"penalty_provision\": \"p\"",
        &format!("\"penalty_provision\": \"p\",\n\"entries\": [{entry}]"),
    );
    format!("{{\"schema_version\": 1, \"name\": \"测试\", \"sources\": [{SOURCE}], \"items\": [\n{item}\n]}}")
}

#[test]
fn catalogue_with_entry_loads() {
    Catalogue::from_json_named("cat.json", &catalogue_with_entry(ENTRY)).unwrap();
}

#[test]
fn a_catalogue_without_items_is_refused() {
    assert_eq!(
        cat_err("{\"schema_version\": 1, \"name\": \"测试\",\n\"items\": []}"),
        "cat.json line 2 column 1, field `items`: a catalogue lists at least one item"
    );
}

#[test]
fn empty_names_are_refused() {
    assert_eq!(
        cat_err(&catalogue_with(ITEM).replace("\"name\": \"测试\"", "\"name\": \" \"")),
        "cat.json line 1 column 23, field `name`: the catalogue's name is empty"
    );
    assert_eq!(
        cat_err(&catalogue_with(&ITEM.replace("\"name\": \"n\"", "\"name\": \"\""))),
        "cat.json line 2 column 17, field `items[0].name`: the name of item `A-1` is empty"
    );
    let e = cat_err(&catalogue_with(&ITEM.replace("\"authority\": \"市场监管部门\"", "\"authority\": \"\"")));
    assert!(e.ends_with("field `items[0].authority`: the authority of item `A-1` is empty"), "{e}");
    let e = cat_err(&catalogue_with(
        &ITEM.replace("\"penalty_provision\": \"p\"", "\"penalty_provision\": \"\\t\""),
    ));
    assert!(
        e.ends_with("field `items[0].penalty_provision`: the penalty provision of item `A-1` is empty"),
        "{e}"
    );
    let e =
        cat_err(&catalogue_with_entry(ENTRY).replace("\"title\": \"某局不予处罚清单\"", "\"title\": \"\""));
    assert_eq!(e, "cat.json line 1 column 62, field `sources[0].title`: the title of list `S1` is empty");
    let e = cat_err(&catalogue_with_entry(&ENTRY.replace("首次违法", "")));
    assert!(e.starts_with("cat.json line 4 column 101, "), "{e}");
    assert!(
        e.ends_with("field `items[0].entries[0].conditions[0].text`: condition 1 of entry `E1` has no text"),
        "{e}"
    );
}

#[test]
fn entry_dates_outside_the_plausible_range_are_refused() {
    let with = |field: &str, date: &str| {
        catalogue_with_entry(
            &ENTRY.replace("\"modal\": \"shall\"", &format!("\"modal\": \"shall\", \"{field}\": \"{date}\"")),
        )
    };
    let e = cat_err(&with("valid_until", "0000-01-01"));
    assert!(e.starts_with("cat.json line 4 column "), "{e}");
    assert!(
        e.ends_with(
            "field `items[0].entries[0].valid_until`: date `0000-01-01` is outside the plausible range 1949-10-01 to 2099-12-31"
        ),
        "{e}"
    );
    let e = cat_err(&with("effective_from", "2200-01-01"));
    assert!(e.ends_with("field `items[0].entries[0].effective_from`: date `2200-01-01` is outside the plausible range 1949-10-01 to 2099-12-31"), "{e}");
    // The bounds themselves load.
    Catalogue::from_json(&with("effective_from", "1949-10-01")).unwrap();
    Catalogue::from_json(&with("valid_until", "2099-12-31")).unwrap();
    // Amendments too.
    let amended = catalogue_with(&ITEM.replace(
        "\"penalty_provision\": \"p\"",
        "\"penalty_provision\": \"p\", \"amendments\": [{\"effective_from\": \"1900-01-01\", \"provision\": \"q\", \"penalty\": null}]",
    ));
    let e = cat_err(&amended);
    assert!(e.ends_with("field `items[0].amendments[0].effective_from`: date `1900-01-01` is outside the plausible range 1949-10-01 to 2099-12-31"), "{e}");
}

#[test]
fn a_fine_maximum_of_u64_max_fen_is_refused() {
    let text = catalogue_with(&ITEM.replace("\"max\": \"1000\"", "\"max\": \"184467440737095516.15\""));
    let e = cat_err(&text);
    assert!(e.starts_with("cat.json line 3 column "), "{e}");
    assert!(e.contains("field `items[0].penalty.fine`"), "{e}");
    assert!(e.contains("above the plausible maximum `¥1,000,000,000,000.00`"), "{e}");
}

#[test]
fn a_case_without_schema_version_is_version_one() {
    // CASE carries no `schema_version`: it loads as version 1, the documented
    // default, and is written back as version 1.
    assert!(!CASE.contains("schema_version"));
    let case = Case::from_json_named("case.json", CASE, &catalogue()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&case.to_json()).unwrap();
    assert_eq!(v["schema_version"], 1);
    let e = case_err(&CASE.replacen('{', "{\"schema_version\": 2,", 1));
    assert!(e.contains("schema_version"), "{e}");
    assert!(e.contains('2'), "{e}");
}

#[test]
fn party_names_with_control_characters_are_refused_by_the_case_loader() {
    let text = CASE.replace("\"id\": \"P-1\",", "\"id\": \"P-1\", \"name\": \"某某\\u0007公司\",");
    let e = case_err(&text);
    assert!(e.starts_with("case.json line 4 column "), "{e}");
    assert!(e.contains("field `party"), "{e}");
    assert!(e.contains("control character"), "{e}");
}

#[test]
fn a_holiday_filed_under_the_wrong_year_is_refused() {
    use rouxing::calendar::{LoadCalendarError, WorkCalendar};
    let err = WorkCalendar::from_json(
        "{\"years\": {\"2019\": {\"days\": [\n{\"date\": \"2020-10-01\", \"name\": \"国庆节\", \"off_day\": true}]}}}",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "holiday table line 2: date `2020-10-01` filed under year `2019` in field `years.2019.days[0]`: a year's days fall in that year or in the December before it"
    );
    assert!(matches!(err, LoadCalendarError::WrongYear { line: 2, year: 2019, .. }));
    assert_eq!(err.code(), "holiday_table.wrong_year");
    assert!(err.message_zh().starts_with("节假日表中的日期不属于其所列年份"), "{}", err.message_zh());
    // The December before the year is the year's own (元旦 make-up days,
    // as 2018-12-29 in the 2019 notice).
    WorkCalendar::from_json(r#"{"years": {"2019": {"days": [{"date": "2018-12-29", "off_day": false}]}}}"#)
        .unwrap();
    let err = WorkCalendar::from_json(
        r#"{"years": {"2019": {"days": [{"date": "2018-11-30", "off_day": true}]}}}"#,
    )
    .unwrap_err();
    assert!(matches!(err, LoadCalendarError::WrongYear { .. }), "{err:?}");
    // Years outside 1949 to 2100 are not years of a holiday table.
    for year in ["0000", "1900", "2101", "9999"] {
        let err =
            WorkCalendar::from_json(&format!("{{\"years\": {{\"{year}\": {{\"days\": []}}}}}}")).unwrap_err();
        assert!(matches!(err, LoadCalendarError::InvalidYear { .. }), "{err:?}");
    }
    WorkCalendar::from_json(r#"{"years": {"1949": {"days": []}, "2100": {"days": []}}}"#).unwrap();
}
