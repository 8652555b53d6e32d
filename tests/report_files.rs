//! The 统计表 a clerk can file: the column layout as data, formula
//! injection in CSV and xlsx, the xlsx read back, typical cases as docx.

use rouxing::Decision;
use rouxing::case::{Agency, Correction, Gravity, Harm};
use rouxing::catalogue::Domain;
use rouxing::report::{Column, ColumnLayout, ReportPeriod, neutralise_formula, tabulate, typical_cases};

use crate::common::{self, d};

fn agency(id: &str, name: &str) -> Agency {
    Agency { id: id.parse().unwrap(), name: name.into(), domain: Domain::MarketRegulation }
}

/// A year of decisions: two units, a 轻微不罚, a 从轻 (Art. 32) and an
/// ordinary fine; one unit's name is a formula.
fn decisions() -> Vec<Decision> {
    let cat = common::catalogue(vec![common::range_item("X-1")]);
    let units = [agency("A-1", "山丹县市场监督管理局"), agency("B-2", "=HYPERLINK(\"http://x\",\"点击\")")];
    let mut out = Vec::new();
    for (n, u) in units.iter().enumerate() {
        let minor = common::case("X-1")
            .agency(u.clone())
            .harm(Harm::None)
            .gravity(Gravity::Minor)
            .correction(Correction::Prompt { on: d(2025, 3, 2) })
            .build()
            .unwrap();
        let mitigated = common::case("X-1")
            .agency(u.clone())
            .mitigating(vec![rouxing::case::Mitigating::EliminatedHarm])
            .build()
            .unwrap();
        let ordinary = common::case("X-1").agency(u.clone()).build().unwrap();
        for (k, c) in [minor, mitigated, ordinary].into_iter().enumerate() {
            let c = c.to_builder().build().unwrap();
            let mut dec = common::run(&c, &cat).1;
            dec.case_id = format!("C-{n}-{k}").parse().unwrap();
            out.push(dec);
        }
    }
    out
}

#[test]
fn proposal_layout_covers_every_column_once() {
    let layout = ColumnLayout::proposal().unwrap();
    let cols: Vec<Column> = layout.columns().into_iter().map(|(_, c)| c).collect();
    assert_eq!(cols, Column::all(), "every column, in table order");
}

#[test]
fn layout_errors_name_file_line_and_value() {
    let text = include_str!("../data/report/columns.json");
    let err =
        ColumnLayout::from_json_named("cols.json", &text.replace("\"relief\"", "\"releif\"")).unwrap_err();
    assert!(err.to_string().contains("unknown column `releif`"), "{err}");
    assert!(err.line() > 1, "{err}");
    let err = ColumnLayout::from_json_named("cols.json", &text.replace("\"imposed_fine\"", "\"relief\""))
        .unwrap_err();
    assert!(err.to_string().contains("column `relief` appears twice"), "{err}");
}

#[test]
fn csv_neutralises_formulas() {
    for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "＝1"] {
        assert!(neutralise_formula(bad).starts_with('\''), "{bad:?}");
    }
    let table = tabulate(&decisions(), ReportPeriod::year(2025).unwrap());
    let csv = table.to_csv();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let names: Vec<String> =
        reader.records().map(|r| r.unwrap().get(0).unwrap_or_default().to_owned()).collect();
    assert!(names.contains(&"'=HYPERLINK(\"http://x\",\"点击\")".to_owned()), "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('=')));
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use std::io::{Cursor, Read};

    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use rouxing::report::{Column, ColumnLayout, Filing, ReportPeriod, tabulate};

    use super::*;

    fn workbook() -> (rouxing::StatisticsTable, Vec<u8>) {
        let table = tabulate(&decisions(), ReportPeriod::year(2025).unwrap());
        let filing =
            Filing {
                unit: "山丹县司法局".into(), preparer: "王某".into(), filled_on: d(2026, 1, 10)
            };
        let bytes = table.to_xlsx(&ColumnLayout::proposal().unwrap(), &filing).unwrap();
        (table, bytes)
    }

    fn s(v: Option<&Data>) -> String {
        match v {
            Some(Data::String(x)) => x.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        }
    }

    #[test]
    fn reads_back_with_title_rows_headers_units_and_amounts() {
        let (table, bytes) = workbook();
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("统计表").unwrap();
        let at = |r: u32, c: u32| range.get_value((r, c));
        assert_eq!(s(at(0, 0)), "实施行政柔性执法和“两轻一免”情况统计表");
        assert_eq!(s(at(1, 0)), "统计期间：2025年1月1日至2025年12月31日");
        assert_eq!(s(at(2, 0)), "填报单位：山丹县司法局");
        // Two-level headers: group above, column below.
        assert_eq!(s(at(3, 0)), "执法单位");
        assert_eq!(s(at(3, 1)), "案件情况");
        assert_eq!(s(at(4, 1)), "案件总数");
        assert_eq!(s(at(3, 3)), "不予处罚");
        assert_eq!(s(at(4, 5)), "首违不罚");
        // Units by Chinese name; the formula is a string, not a formula.
        assert_eq!(s(at(5, 0)), "山丹县市场监督管理局");
        assert_eq!(s(at(6, 0)), "=HYPERLINK(\"http://x\",\"点击\")");
        let formulas = wb.worksheet_formula("统计表").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula anywhere");
        assert_eq!(s(at(7, 0)), "合计");
        // Counts and amounts, with the totals of the table.
        let cols = ColumnLayout::proposal().unwrap().columns();
        for (i, (_, c)) in cols.iter().enumerate() {
            let x = u32::try_from(i + 1).unwrap();
            let want = table.total().get(*c).to_string();
            match at(7, x) {
                Some(Data::Float(f)) if c.is_amount() => assert_eq!(format!("{f:.2}"), want, "{c:?}"),
                Some(Data::Float(f)) => assert_eq!(format!("{f}"), want, "{c:?}"),
                other => panic!("{c:?}: {other:?}"),
            }
        }
        let relief = cols.iter().position(|(_, c)| *c == Column::Relief).unwrap();
        assert!(matches!(at(7, u32::try_from(relief + 1).unwrap()), Some(Data::Float(f)) if *f > 0.0));
        assert_eq!(s(at(9, 0)), "填表人：王某");
        assert_eq!(s(at(9, 3)), "填表日期：2026年1月10日");
        // Merged title and group headers.
        let merged = wb.merge_cells_by_sheet_name("统计表").unwrap();
        assert!(merged.iter().any(|dim| dim.start == (0, 0) && dim.end.1 as usize == cols.len()));
        assert!(
            merged.iter().any(|dim| dim.start == (3, 3) && dim.end == (3, 8)),
            "不予处罚 over six columns"
        );
    }

    #[test]
    fn prints_landscape_a4_one_page_wide_with_quote_prefix() {
        let (_, bytes) = workbook();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
        assert!(sheet.contains("orientation=\"landscape\""), "landscape");
        assert!(sheet.contains("paperSize=\"9\""), "A4");
        assert!(sheet.contains("fitToPage=\"1\""), "fit to page");
        assert!(sheet.contains("fitToHeight=\"0\""), "one page wide, any number of pages tall");
        let mut styles = String::new();
        zip.by_name("xl/styles.xml").unwrap().read_to_string(&mut styles).unwrap();
        assert!(styles.contains("quotePrefix=\"1\""), "formula-like text carries the quote prefix");
        assert!(styles.contains("#,##0.00"), "amounts with two decimals");
    }
}

#[test]
fn typical_cases_carry_an_effect() {
    let decs = decisions();
    let cases = typical_cases(&decs, ReportPeriod::year(2025).unwrap(), |_| {
        "经查，当事人张三丰（电话13812345678）未按规定公示。".to_owned()
    });
    assert!(!cases.is_empty());
    for t in &cases {
        assert!(!t.effect.is_empty(), "{:?}", t.case_id);
    }
    assert!(cases.iter().any(|t| t.effect.contains("减轻负担")), "{cases:#?}");
}

#[cfg(feature = "docx")]
#[test]
fn typical_cases_docx_redacts_and_quotes_each_provision_once() {
    use rouxing::publicity::{Redaction, Subject, SubjectKind};
    let decs = decisions();
    let cases = typical_cases(&decs, ReportPeriod::year(2025).unwrap(), |_| {
        "经查，当事人张三丰（电话13812345678）未按规定公示。".to_owned()
    });
    let r = Redaction {
        subjects: vec![Subject {
            kind: Some(SubjectKind::NaturalPerson),
            name: "张三丰".into(),
            ..Subject::default()
        }],
        trade_secrets: vec![],
    };
    let bytes = rouxing::report::typical_cases_docx(&cases, &r).unwrap();
    let json = docx_rs::read_docx(&bytes).unwrap().json();
    assert!(json.contains("行政柔性执法典型案例"));
    assert!(!json.contains("张三丰") && !json.contains("13812345678"), "redacted");
    assert!(json.contains("张某") && json.contains("138****5678"));
    for section in ["【基本案情】", "【处理结果】", "【法律依据】", "【取得成效】"] {
        assert!(json.contains(section), "{section}");
    }
    // Each provision is quoted once in the whole document.
    let quote = rouxing::law::Citation::apl(33).para(1).sentence(1).quote().unwrap();
    assert_eq!(json.matches(quote).count(), 1, "quoted once");
}
