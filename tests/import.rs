//! Importing published lists (CSV, .xlsx) and the bundled list register.

use proptest::prelude::*;
use rouxing::catalogue::{Condition, Domain, ListOutcome, Modal};
use rouxing::import::{self, Field, HeaderMap, HeaderMapError, Imported, IssueKind};
use rouxing::published::{ListDate, ListRegister, TextFrom};

const JIANGMEN: &[u8] = include_bytes!("import/jiangmen-style.csv");
const BAD_ROWS: &[u8] = include_bytes!("import/bad-rows.csv");

fn csv(name: &str, bytes: &[u8]) -> Imported {
    import::from_csv(name, bytes, &HeaderMap::default()).unwrap()
}

/// Every row after the header is accounted for exactly once.
fn accounted(imp: &Imported, data_rows: usize) {
    let s: usize =
        imp.report.sheets.iter().map(|s| s.rows + s.unclassified + s.section_rows + s.blank_rows).sum();
    assert_eq!(s, data_rows);
    assert_eq!(imp.report.sheets.iter().map(|s| s.rows).sum::<usize>(), imp.rows.len());
    assert_eq!(
        imp.report.sheets.iter().map(|s| s.unclassified).sum::<usize>(),
        imp.report.unclassified.len()
    );
}

#[test]
fn csv_title_sections_multiline_cells() {
    let imp = csv("jiangmen.csv", JIANGMEN);
    let sheet = &imp.report.sheets[0];
    assert_eq!(sheet.header_row, 2);
    assert_eq!(sheet.section_rows, 2);
    assert_eq!(sheet.blank_rows, 1);
    accounted(&imp, 6);
    assert!(imp.report.issues.is_empty(), "{:?}", imp.report.issues);
    assert_eq!(imp.rows.len(), 3);

    let r = &imp.rows[0];
    assert_eq!(r.origin.row, 4);
    assert_eq!(r.seq.as_deref(), Some("1"));
    assert_eq!(r.section.as_deref(), Some("一、建设项目管理类"));
    assert_eq!(r.behaviour, "建设单位未依法备案建设项目环境影响登记表");
    assert_eq!(
        r.violated_provisions,
        ["《中华人民共和国环境影响评价法》第二十二条第四款", "《建设项目环境保护管理条例》第九条第四款"]
    );
    // 适用情形 verbatim, line break included; one condition per line.
    assert_eq!(
        r.conditions_text.as_deref(),
        Some("（1）属于首次违法；\r\n（2）在责令改正期限内改正违法行为，危害后果轻微。")
    );
    let texts: Vec<&str> = r.conditions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["（1）属于首次违法；", "（2）在责令改正期限内改正违法行为，危害后果轻微。"]);
    assert_eq!(r.outcome, ListOutcome::FirstViolationNoPenalty);
    assert_eq!(r.modal, Some(Modal::Shall));
    assert!(!r.reviewed());

    let r = &imp.rows[1];
    assert_eq!(r.section.as_deref(), Some("二、大气污染防治类"));
    assert_eq!(r.conditions.len(), 3);
    assert_eq!(r.modal, Some(Modal::May));
    assert_eq!(r.outcome, ListOutcome::FirstViolationNoPenalty);

    let r = &imp.rows[2];
    assert_eq!(r.outcome, ListOutcome::NoPenalty);
    assert_eq!(r.penalty_provision.as_deref(), Some("《某条例》第三十条"));
    assert_eq!(r.conditions.len(), 1);
}

#[test]
fn csv_bad_rows_are_reported_never_dropped() {
    let imp = csv("bad.csv", BAD_ROWS);
    accounted(&imp, 6);
    let issues: Vec<String> = imp.report.issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        issues,
        [
            "bad.csv row 1, column `备注`: the header map does not know this header; its cells are kept as extra cells",
            "bad.csv row 2, column `违法行为`: the row has values but no 违法行为: unclassified",
            "bad.csv row 3, column `处理方式`, value `警告`: no cell names an outcome (不予处罚, 首违不罚, 从轻, 减轻, 不予行政强制) and the header map sets no default: unclassified",
            "bad.csv row 4, column `处理方式`, value `从轻或者减轻处罚`: the outcome is ambiguous: it names more than one of 不予处罚, 从轻, 减轻, 不予行政强制",
        ]
    );
    let un: Vec<(usize, &IssueKind)> =
        imp.report.unclassified.iter().map(|u| (u.origin.row, &u.reason)).collect();
    assert_eq!(
        un,
        [(2, &IssueKind::MissingBehaviour), (3, &IssueKind::NoOutcome), (4, &IssueKind::AmbiguousOutcome)]
    );
    // the unclassified row keeps every cell
    let cells = &imp.report.unclassified[0].cells;
    assert_eq!(cells.len(), 5);
    assert!(cells.iter().any(|c| c.column == "备注" && c.value == "缺违法行为"));

    let outcomes: Vec<(usize, ListOutcome)> = imp.rows.iter().map(|r| (r.origin.row, r.outcome)).collect();
    assert_eq!(
        outcomes,
        [(5, ListOutcome::FirstViolationNoPenalty), (6, ListOutcome::Mitigate), (7, ListOutcome::Lighten)]
    );
    // the unknown column is kept on the rows
    assert_eq!(imp.rows[1].extra[0].column, "备注");
    assert_eq!(imp.rows[1].extra[0].value, "裁量结果列的减轻");
    assert_eq!(imp.rows[2].sanction.as_deref(), Some("处1000元以上2000元以下罚款"));
}

#[test]
fn csv_default_outcome_and_custom_headers() {
    let text = "序\u{3000}号,违法情形（行为）,条件\n1,占道晾晒,\"1.首次违法;2.及时改正\"\n";
    // the default map knows neither header
    let e = import::from_csv("x.csv", text.as_bytes(), &HeaderMap::default()).unwrap_err();
    assert_eq!(e.row(), 0);
    let mut map = HeaderMap::default();
    map.add(Field::Behaviour, "违法情形（行为）").unwrap();
    map.add(Field::Conditions, "条件").unwrap();
    // no outcome column: unclassified without a default
    let imp = import::from_csv("x.csv", text.as_bytes(), &map).unwrap();
    assert!(imp.rows.is_empty());
    assert_eq!(imp.report.unclassified.len(), 1);
    map.set_default_outcome(Some(ListOutcome::NoPenalty));
    let json = map.to_json();
    let map = HeaderMap::from_json(&json).unwrap();
    let imp = import::from_csv("x.csv", text.as_bytes(), &map).unwrap();
    let r = &imp.rows[0];
    assert_eq!(r.seq.as_deref(), Some("1"));
    assert_eq!(r.outcome, ListOutcome::FirstViolationNoPenalty);
    assert_eq!(r.modal, None);
    // a reviewer attaches tests; the entry then carries them
    let mut r = r.clone();
    r.conditions[0].tests.push(Condition::FirstViolation { window: None });
    r.conditions[1].tests.push(Condition::CorrectedPromptly);
    assert!(r.reviewed());
    let entry = r.to_entry("X-1".parse().unwrap(), "SRC-X".parse().unwrap(), Modal::Shall);
    assert_eq!(entry.modal, Modal::Shall);
    assert_eq!(entry.conditions[1].tests, [Condition::CorrectedPromptly]);
}

#[test]
fn csv_errors_name_file_and_row() {
    // GBK bytes of "中文" in the second record
    let mut bytes = b"a,b\n".to_vec();
    bytes.extend_from_slice(&[0xD6, 0xD0, 0xCE, 0xC4]);
    let e = import::from_csv("gbk.csv", &bytes, &HeaderMap::default()).unwrap_err();
    assert_eq!(e.to_string(), "gbk.csv row 2: not UTF-8 (field 1, byte 0): save the sheet as CSV UTF-8");
    assert_eq!((e.file(), e.row()), ("gbk.csv", 2));
    // a byte-order mark is not part of the first header
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice("违法行为,处理方式\n甲,不予处罚\n".as_bytes());
    assert_eq!(csv("bom.csv", &bom).rows.len(), 1);
    // an empty file has no header
    let e = import::from_csv("empty.csv", b"", &HeaderMap::default()).unwrap_err();
    assert!(e.to_string().starts_with("empty.csv: no header row"), "{e}");
}

#[test]
fn header_map_errors() {
    let e = HeaderMap::from_json(r#"{"columns": {"behaviour": ["违法行为"]}, "colour": 1}"#).unwrap_err();
    assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    let e = HeaderMap::from_json(r#"{"columns": {"behavior": ["违法行为"]}}"#).unwrap_err();
    assert!(e.to_string().contains("unknown variant `behavior`"), "{e}");
    let e = HeaderMap::from_json(r#"{"columns": {"behaviour": ["违法行为"], "seq": ["违法 行为"]}}"#)
        .unwrap_err();
    assert_eq!(
        e,
        HeaderMapError::Conflict {
            header: "违法行为".into(), first: Field::Seq, second: Field::Behaviour
        }
    );
    let e = HeaderMap::from_json(r#"{"columns": {"seq": ["序号"]}}"#).unwrap_err();
    assert_eq!(e, HeaderMapError::NoBehaviour);
    let mut map = HeaderMap::default();
    assert!(map.add(Field::Seq, "违法行为").is_err());
    assert!(map.add(Field::Seq, " ").is_err());
    assert_eq!(map.field_of("*处理方式："), Some(Field::Disposition));
}

#[cfg(feature = "import-xlsx")]
mod xlsx {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    fn workbook() -> Vec<u8> {
        let mut wb = Workbook::new();
        let notes = wb.add_worksheet().set_name("说明").unwrap();
        notes.write_string(0, 0, "本表为示例清单").unwrap();
        let s = wb.add_worksheet().set_name("清单").unwrap();
        let f = Format::new();
        s.merge_range(0, 0, 0, 5, "某市市场监管领域轻微违法行为不予处罚清单", &f).unwrap();
        for (c, h) in ["序号", "违法行为", "法律依据", "处罚依据", "适用情形", "处理方式"].iter().enumerate()
        {
            s.write_string(1, u16::try_from(c).unwrap(), *h).unwrap();
        }
        s.merge_range(2, 0, 2, 5, "一、广告类", &f).unwrap();
        s.write_number(3, 0, 1.0).unwrap();
        s.write_string(3, 1, "发布药品广告未标明药品广告批准文号，但已取得批准文号的").unwrap();
        s.write_string(3, 2, "《药品广告审查发布标准》第七条第一款").unwrap();
        s.write_string(3, 4, "1.及时纠正；2.没有造成危害后果").unwrap();
        s.write_string(3, 5, "不予行政处罚").unwrap();
        s.write_number(4, 0, 2.0).unwrap();
        s.write_string(4, 1, "未按规定公示信息").unwrap();
        s.write_string(4, 5, "从轻或者减轻").unwrap();
        s.write_number(5, 0, 3.0).unwrap();
        s.write_string(5, 1, "未标明价格").unwrap();
        s.write_string(5, 5, "不予实施行政强制措施").unwrap();
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn xlsx_sheets_merged_cells_numbers() {
        let bytes = workbook();
        let imp = import::from_xlsx("清单.xlsx", &bytes, &HeaderMap::default()).unwrap();
        // the notes sheet has no header: reported, not an error
        assert_eq!(
            imp.report.issues[0].to_string(),
            format!(
                "清单.xlsx sheet `说明`: no header row naming 违法行为 in the first {} rows; the sheet was not read",
                import::HEADER_SEARCH_ROWS
            )
        );
        let sheet = &imp.report.sheets[1];
        assert_eq!(sheet.sheet.as_deref(), Some("清单"));
        assert_eq!(sheet.header_row, 2);
        assert_eq!(sheet.section_rows, 1);
        assert_eq!(imp.rows.len(), 2);
        let r = &imp.rows[0];
        assert_eq!(r.seq.as_deref(), Some("1"));
        assert_eq!(r.origin.to_string(), "清单.xlsx sheet `清单` row 4");
        assert_eq!(r.section.as_deref(), Some("一、广告类"));
        assert_eq!(r.outcome, ListOutcome::NoPenalty);
        assert_eq!(r.conditions.len(), 2);
        assert_eq!(imp.rows[1].outcome, ListOutcome::NoCoercion);
        assert_eq!(
            imp.report.issues[1].to_string(),
            "清单.xlsx sheet `清单` row 5, column `处理方式`, value `从轻或者减轻`: the outcome is ambiguous: it names more than one of 不予处罚, 从轻, 减轻, 不予行政强制"
        );
        assert_eq!(imp.report.unclassified[0].origin.row, 5);
    }

    #[test]
    fn xlsx_errors() {
        let e = import::from_xlsx("a.xlsx", b"PK\x03\x04 broken", &HeaderMap::default()).unwrap_err();
        assert!(e.to_string().starts_with("a.xlsx: not an .xlsx workbook"), "{e}");
        let mut wb = Workbook::new();
        wb.add_worksheet().write_string(0, 0, "无表头").unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let e = import::from_xlsx("b.xlsx", &bytes, &HeaderMap::default()).unwrap_err();
        assert!(e.to_string().starts_with("b.xlsx: no header row naming 违法行为"), "{e}");
    }
}

fn cell() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "不予处罚",
            "从轻",
            "减轻",
            "首次",
            "违法",
            "（1）",
            "1.",
            "；",
            ",",
            "\"",
            "\n",
            " ",
            "甲",
            "1.5",
            "①",
            "不予行政强制",
            "可以",
        ]),
        0..6,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    /// Any table imports without panicking, and every row after the header
    /// is a list row, an unclassified row, a section heading or blank.
    #[test]
    fn prop_import_accounts_for_every_row(rows in prop::collection::vec(prop::collection::vec(cell(), 0..7), 0..12)) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["序号", "违法行为", "法律依据", "适用情形", "处理方式", "备注"]).unwrap();
        for r in &rows {
            // the csv writer needs equal lengths unless flexible
            let mut r = r.clone();
            r.resize(6, String::new());
            w.write_record(&r).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let imp = import::from_csv("p.csv", &bytes, &HeaderMap::default()).unwrap();
        accounted(&imp, rows.len());
        for r in &imp.rows {
            prop_assert!(!r.behaviour.is_empty());
            let joined: String = r.conditions.iter().map(|c| c.text.as_str()).collect::<String>();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(strip(&joined), strip(r.conditions_text.as_deref().unwrap_or("")));
        }
    }

    /// Arbitrary bytes give rows or an error, never a panic.
    #[test]
    fn prop_import_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import::from_csv("b.csv", &bytes, &HeaderMap::default());
        #[cfg(feature = "import-xlsx")]
        { let _ = import::from_xlsx("b.xlsx", &bytes, &HeaderMap::default()); }
    }

    /// Splitting keeps every character but white space.
    #[test]
    fn prop_split_conditions_is_verbatim(text in cell()) {
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let joined: String = import::split_conditions(&text).concat();
        prop_assert_eq!(strip(&joined), strip(&text));
    }
}

// ---- the bundled register ---------------------------------------------------

#[test]
fn register_holds_every_entry() {
    let reg = ListRegister::bundled().unwrap();
    assert_eq!(reg.entries().len(), 128);
    assert_eq!(reg.sources().len(), 28);
    assert_eq!(reg.lists().count(), 21);
    assert_eq!(reg.domain_labels().len(), 12);
    // published lists and drafts
    let drafts: Vec<&str> = reg.lists().filter(|s| s.is_draft()).map(|s| s.id.as_str()).collect();
    assert_eq!(drafts, ["SRC-SAMR-DRAFT-2024", "SRC-TJ-CULT-2021"]);
    // outcome classes as in data/lists/README.md
    let count = |o: ListOutcome| reg.entries().iter().filter(|e| e.row.outcome == o).count();
    assert_eq!(count(ListOutcome::NoPenalty), 24);
    assert_eq!(count(ListOutcome::FirstViolationNoPenalty), 98);
    assert_eq!(count(ListOutcome::Lighten), 2);
    assert_eq!(count(ListOutcome::Mitigate), 1);
    assert_eq!(count(ListOutcome::NoCoercion), 3);
    // per-domain totals
    let dom = |l: &str| reg.entries().iter().filter(|e| e.domain_label == l).count();
    assert_eq!(
        (dom("生态环境"), dom("城市管理（综合执法）"), dom("消防救援"), dom("税务")),
        (40, 22, 19, 12)
    );
    assert_eq!(reg.entries().iter().filter(|e| e.domain == Domain::MarketRegulation).count(), 14);
    assert_eq!(reg.entries().iter().filter(|e| !e.row.complete).count(), 14);
}

#[test]
fn register_every_entry_has_a_source() {
    let reg = ListRegister::bundled().unwrap();
    for e in reg.entries() {
        let s = reg.source_of(e).unwrap();
        assert!(!s.title.is_empty() && !s.issuer.is_empty(), "{}", e.id);
        assert!(!e.row.behaviour.is_empty(), "{}", e.id);
        assert!(s.url.is_some() || s.copy_location.is_some(), "{}", s.id);
    }
    // lists without an address: the Guangdong catalogue (a repository copy)
    // and one Shanghai list whose page address was not preserved (it keeps its 索引号)
    let no_url: Vec<&str> = reg.lists().filter(|s| s.url.is_none()).map(|s| s.id.as_str()).collect();
    assert_eq!(no_url, ["SRC-SH-CG-2020"]);
    let sh = reg.source(&"SRC-SH-CG-2020".parse().unwrap()).unwrap();
    assert!(sh.copy_location.as_deref().unwrap().contains("address not preserved"));
    assert_eq!(sh.doc_number.as_deref(), Some("沪城管规〔2020〕1号（索引号 MB2F300040/2020-00004）"));
    assert_eq!(sh.issued, Some(ListDate::Day(crate::common::d(2020, 8, 18))));
    // where the texts come from
    let by = |t: TextFrom| reg.entries().iter().filter(|e| reg.source_of(e).unwrap().text_from == t).count();
    assert_eq!(
        (
            by(TextFrom::Issuer),
            by(TextFrom::IssuerRepositoryCopy),
            by(TextFrom::OtherAuthority),
            by(TextFrom::Secondary)
        ),
        (15, 76, 17, 20)
    );
    let secondary: std::collections::BTreeSet<&str> =
        reg.entries().iter().filter(|e| reg.is_secondary(e)).map(|e| e.source.as_str()).collect();
    assert_eq!(
        secondary.into_iter().collect::<Vec<_>>(),
        [
            "SRC-BZ-ZHZF-2025",
            "SRC-GZ-FGW",
            "SRC-JX-EM-2022",
            "SRC-NB-NC-2023",
            "SRC-SAMR-2025",
            "SRC-SAMR-DRAFT-2024",
            "SRC-SH-SCJG-2019",
            "SRC-XN-EM-2022"
        ]
    );
    // a repository copy names its commit
    let fire = reg.source(&"SRC-SH-FIRE-2026".parse().unwrap()).unwrap();
    assert_eq!(fire.text_from, TextFrom::IssuerRepositoryCopy);
    assert!(fire.copy_location.as_deref().unwrap().ends_with("@ 1a5b8a1490d179c97614bb7dc62d44efbe8b339a"));
    assert_eq!(fire.doc_number.as_deref(), Some("沪消规〔2026〕1号"));
    let year_only = reg.source(&"SRC-MOT-2021".parse().unwrap()).unwrap();
    assert_eq!(year_only.issued, Some(ListDate::Year(2021)));
}

#[test]
fn register_texts_are_verbatim() {
    let reg = ListRegister::bundled().unwrap();
    let e = reg.entry("E001").unwrap();
    assert_eq!(e.row.behaviour, "建设单位未依法备案建设项目环境影响登记表");
    assert_eq!(e.row.conditions_intro.as_deref(), Some("同时满足下列情形的，不予行政处罚："));
    let texts: Vec<&str> = e.row.conditions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["（1）属于首次违法；", "（2）在责令改正期限内改正违法行为，危害后果轻微。"]);
    assert_eq!(e.also_in.as_ref().unwrap().source.as_str(), "SRC-GD-ECO-2021");

    let e = reg.entry("E042").unwrap();
    assert_eq!(e.row.behaviour, "占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为");
    assert_eq!(e.row.conditions[0].text, "首次发现后，当场改正，且没有实际影响疏散逃生的");
    assert_eq!(e.row.section.as_deref(), Some("一、下列初次违法且危害后果轻微并及时改正的，不予行政处罚："));

    let e = reg.entry("E093").unwrap();
    assert_eq!(e.row.modal, Some(Modal::May));
    assert_eq!(e.row.disposition.as_deref(), Some("可以不予"));
    assert_eq!(e.row.conditions[0].text, "同时满足初次违法、危害后果轻微、及时改正等情形");

    let e = reg.entry("E125").unwrap();
    assert_eq!(e.row.outcome, ListOutcome::Mitigate);
    assert_eq!(e.row.sanction.as_deref(), Some("责令改正,对个人处200元以下的罚款,对单位处1000元以下的罚款"));
    assert_eq!(e.row.conditions.len(), 6);
    assert_eq!(e.row.conditions[4].text, "5.在城市照明设施上刻划、涂污的不满2处的;");

    let e = reg.entry("E113").unwrap();
    assert_eq!(e.row.outcome, ListOutcome::NoCoercion);
    assert_eq!(
        e.row.coercive_measure_withheld.as_deref(),
        Some("《中华人民共和国广告法》第四十九条第一款第五项 查封、扣押")
    );

    let e = reg.entry("E083").unwrap();
    assert_eq!(
        e.row.behaviour,
        "纳税人未按照税收征收管理法及实施细则等有关规定的期限办理纳税申报和报送纳税资料。"
    );
    assert_eq!(e.domain, Domain::Taxation);
    assert!(reg.entry("E129").is_none());
}

/// The sample catalogue's entries are register entries (same id, or id and
/// a suffix for entries split into alternatives) from the same source.
#[test]
fn register_backs_the_sample_catalogue() {
    let reg = ListRegister::bundled().unwrap();
    let cat = rouxing::Catalogue::bundled().unwrap();
    for item in cat.items() {
        for e in &item.entries {
            let base = e.id.as_str().split('-').next().unwrap();
            let r = reg.entry(base).unwrap_or_else(|| panic!("{}", e.id));
            // E015-GD12 / E017-GD14 are the Guangdong copies of Jiangmen entries
            let source = if e.id.as_str().contains("-GD") {
                r.also_in.as_ref().map(|a| a.source.clone()).unwrap()
            } else {
                r.source.clone()
            };
            assert_eq!(e.source, source, "{}", e.id);
            assert_eq!(e.outcome, r.row.outcome, "{}", e.id);
        }
    }
}

#[test]
fn register_errors_name_file_line_field() {
    let data = include_str!("../data/lists/leniency-lists.json");
    let prov = include_str!("../data/lists/provenance.json");
    let load = |d: &str, p: &str| {
        ListRegister::from_json_named("lists.json", d, "prov.json", p).unwrap_err().to_string()
    };

    let e = load(&data.replacen("\"behaviour\":", "\"behavior\":", 1), prov);
    assert!(e.contains("field `entries[0].behavior`: unknown field `behavior`"), "{e}");
    assert!(e.starts_with("lists.json line "), "{e}");

    let e = load(&data.replacen("\"2022-02-01\"", "\"2022-02-30\"", 1), prov);
    assert!(e.contains("field `sources[0].date_effective`: invalid date `2022-02-30`"), "{e}");

    let e = load(&data.replacen("\"list_kind\": \"first_violation\"", "\"list_kind\": \"pardon\"", 1), prov);
    assert!(e.contains("field `entries[0].list_kind`: unknown variant `pardon`"), "{e}");

    let e = load(
        &data.replacen(
            "\"domain\": \"生态环境\",\n   \"list_kind\"",
            "\"domain\": \"海关\",\n   \"list_kind\"",
            1,
        ),
        prov,
    );
    assert!(e.contains("field `entries[0].domain`: unknown domain `海关`"), "{e}");

    let e = load(&data.replacen("\"entry_id\": \"E002\"", "\"entry_id\": \"E001\"", 1), prov);
    assert!(e.contains("field `entries[1].entry_id`: duplicate entry id `E001`"), "{e}");

    let e =
        load(data, &prov.replacen("\"source\": \"SRC-JM-ECO-2021\"", "\"source\": \"SRC-JM-ECO-2099\"", 1));
    assert!(e.contains("source `SRC-JM-ECO-2021` has no record in `prov.json`"), "{e}");

    let e = load(&data.replacen("\"entries_recorded\": 40", "\"entries_recorded\": 39", 1), prov);
    assert!(e.contains("field `sources[0].entries_recorded`: source `SRC-JM-ECO-2021` says `39` entries are recorded, the file has 40"), "{e}");

    let e = load(
        data,
        &prov.replacen("\"text_from\": \"issuer_repository_copy\"", "\"text_from\": \"rumour\"", 1),
    );
    assert!(e.starts_with("prov.json line "), "{e}");
    assert!(e.contains("field `sources[0].text_from`: unknown variant `rumour`"), "{e}");
}
