//! Renders the enforcement instruments (柔性执法文书) of sample decisions as
//! text and `.docx`, converts them to PDF with LibreOffice and renders the
//! first page of each as an image.
//!
//! ```sh
//! cargo run --features docx --example instruments -- out/instruments
//! ```
//!
//! Writes, for a 首违不罚 decision, an ordinary fine with a hearing and a
//! summary fine, each instrument as `NN-<kind>.txt`, `.docx`, `.pdf` and
//! `.png` into the directory given (default `out/instruments`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::case::Case;
use rouxing::decision::Sanction;
use rouxing::instrument::{Context, Hearing, Officer, Particulars, ReviewOpinion, TemplateSet};
use rouxing::measure::PenaltyKind;
use rouxing::{Catalogue, Regime, assess, recommend};

#[path = "support/convert.rs"]
mod convert;
mod support;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

fn officer(id: &str, name: &str) -> Result<Officer, String> {
    Ok(Officer { id: id.parse().map_err(|e| format!("{e}"))?, name: name.to_owned() })
}

fn run() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out/instruments".to_owned()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let catalogue = Catalogue::bundled().map_err(|e| e.to_string())?;
    let templates = TemplateSet::standard().map_err(|e| e.to_string())?;
    let regime = Regime::shandan_sample();
    let mut particulars = Particulars::example();
    particulars.review = Some(ReviewOpinion {
        reviewer: officer("62079001", "赵某")?,
        opinion: "执法主体合法，事实清楚，证据确凿，适用依据正确，裁量适当，程序合法，同意。".to_owned(),
    });
    particulars.hearing = Some(Hearing {
        on: date(2026, 12, 9)?,
        time: "上午9时".to_owned(),
        place: "本局三楼听证室".to_owned(),
        host: officer("62079100", "孙某")?,
    });
    let on = date(2026, 11, 25)?;
    let mut written: Vec<PathBuf> = Vec::new();
    let mut n = 0;
    for (file, tweak) in [("first-violation.json", false), ("ordinary.json", true), ("ordinary.json", false)]
    {
        let text = std::fs::read_to_string(Path::new("examples/data/cases").join(file))
            .map_err(|e| format!("{file}: {e}"))?;
        let case = Case::from_json_named(file, &text, &catalogue).map_err(|e| e.to_string())?;
        let mut decision = recommend(&assess(&case, &catalogue, &regime, on), &regime);
        let agency = case.agency().map(|a| a.name.clone()).unwrap_or_default();
        particulars.agency_short = agency.chars().take(2).collect();
        particulars.facts = format!(
            "{}，执法人员依法检查发现，当事人存在下列违法行为，有现场检查笔录等证据在卷。",
            rouxing::instrument::chinese_date(case.act().committed_on())
        );
        if tweak {
            // A fine at the hearing threshold, so that Arts. 63–64 apply.
            let natural = case.party().is_natural_person();
            let amount = regime.hearing.for_party(natural);
            decision.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(amount) }].into();
            decision.procedure = rouxing::decision::Procedure::Ordinary;
            decision.duties.summary_eligible = false;
            decision.duties.hearing_notice = true;
            use rouxing::measure::Document as D;
            decision.documents =
                vec![D::AdvanceNotice, D::HearingNotice, D::PenaltyDecision, D::CorrectionNotice].into();
        }
        let ctx = Context::new(&decision, &case, &catalogue, &regime, &particulars, on)
            .map_err(|e| e.to_string())?;
        support::outln!("{}：{}", case.id(), decision.summary());
        for kind in ctx.called_for() {
            let doc = match ctx.render(&templates, kind) {
                Ok(doc) => doc,
                Err(e) => {
                    support::outln!("  {}：不出具（{e}）", kind.legal_name());
                    continue;
                }
            };
            n += 1;
            let stem = dir.join(format!("{n:02}-{}", kind.code()));
            std::fs::write(stem.with_extension("txt"), doc.to_text()).map_err(|e| e.to_string())?;
            let docx = stem.with_extension("docx");
            std::fs::write(&docx, doc.to_docx().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
            support::outln!("  {} {}", doc.title, doc.number);
            written.push(docx);
        }
    }
    for docx in &written {
        if let Some(png) = convert::to_pdf_and_png(docx)? {
            support::outln!("页面图像：{}", png.display());
        }
    }
    support::outln!("已写入 {} 份文书至 {}", written.len(), dir.display());
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
