//! The 统计表 a clerk can file: decides every bundled sample case, tabulates
//! the year, writes the table as `.xlsx` and the typical cases (典型案例) as
//! `.docx` with the parties redacted, and converts both to PDF with
//! LibreOffice, rendering the first page of each as an image.
//!
//! ```sh
//! cargo run --features xlsx,docx --example statistics_xlsx -- out/statistics
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::case::Case;
use rouxing::publicity::{Redaction, Subject, SubjectKind};
use rouxing::report::{ColumnLayout, Filing, ReportPeriod, typical_cases, typical_cases_docx};
use rouxing::{Catalogue, Regime, assess, recommend, tabulate};

#[path = "support/convert.rs"]
mod convert;
mod support;

fn run() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out/statistics".to_owned()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let catalogue = Catalogue::bundled().map_err(|e| e.to_string())?;
    let regime = Regime::shandan_sample();
    let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
    let mut cases = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("examples/data/cases")
        .map_err(|e| format!("examples/data/cases: {e}"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        cases.push(Case::from_json_named(&name, &text, &catalogue).map_err(|e| e.to_string())?);
    }
    let decisions: Vec<_> =
        cases.iter().map(|c| recommend(&assess(c, &catalogue, &regime, on), &regime)).collect();
    let period = ReportPeriod::year(2026).ok_or("year")?;
    let table = tabulate(&decisions, period);
    let layout = ColumnLayout::proposal().map_err(|e| e.to_string())?;
    let filing = Filing {
        unit: "山丹县司法局（汇总）".to_owned(),
        preparer: "王某".to_owned(),
        filled_on: NaiveDate::from_ymd_opt(2027, 1, 8).ok_or("date")?,
    };
    let xlsx = dir.join("statistics.xlsx");
    std::fs::write(&xlsx, table.to_xlsx(&layout, &filing).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    std::fs::write(dir.join("statistics.csv"), table.to_csv()).map_err(|e| e.to_string())?;

    // Typical cases, with every natural person among the parties redacted.
    let typical = typical_cases(&decisions, period, |d| {
        let case = cases.iter().find(|c| c.id() == &d.case_id);
        match case {
            Some(c) => format!(
                "{}，{}违法行为被发现，危害后果{}。",
                rouxing::instrument::chinese_date(c.act().committed_on()),
                c.party().name().unwrap_or("当事人"),
                c.harm().legal_name()
            ),
            None => String::new(),
        }
    });
    let subjects = cases
        .iter()
        .map(|c| Subject {
            kind: Some(SubjectKind::of(c.party(), c.act().committed_on())),
            name: c.party().name().unwrap_or(c.party().id().as_str()).to_owned(),
            identifier: Some(c.party().id().as_str().to_owned()),
            ..Subject::default()
        })
        .collect();
    let redaction = Redaction { subjects, trade_secrets: vec![] };
    let docx = dir.join("typical-cases.docx");
    std::fs::write(&docx, typical_cases_docx(&typical, &redaction).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    support::outln!(
        "{} 件决定，{} 个执法单位，{} 个典型案例",
        decisions.len(),
        table.rows().len(),
        typical.len()
    );
    for f in [&xlsx, &docx] {
        if let Some(png) = convert::to_pdf_and_png(f)? {
            let pages =
                convert::pages(&f.with_extension("pdf")).map_or(String::new(), |n| format!("（PDF {n} 页）"));
            support::outln!("页面图像：{}{pages}", png.display());
        }
    }
    support::outln!("已写入 {}", dir.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
