//! Decides one case: prints the lawful outcomes, the recommended decision and
//! the full explanation with citations.
//!
//! ```text
//! cargo run --example decide -- <case.json> [--catalogue <file>] [--regime national|shandan|<file>]
//!                                [--as-of YYYY-MM-DD] [--json]
//! ```
//!
//! Without `--catalogue` the bundled sample catalogue is used; without
//! `--regime`, the national regime (`shandan` names the county sample).
//! The decision date is `--as-of`, else the case file's `decision_date`,
//! else today in China Standard Time; the first line of the output says
//! which was used.

mod support;

use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::{Case, assess, recommend, review};
use support::{DateSource, out, outln};

struct Args {
    case: String,
    catalogue: Option<String>,
    regime: String,
    as_of: Option<NaiveDate>,
    json: bool,
}

const USAGE: &str = "usage: decide <case.json> [--catalogue <file>] [--regime national|shandan|<file>] [--as-of YYYY-MM-DD] [--json]";

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut case = None;
    let mut catalogue = None;
    let mut regime = "national".to_owned();
    let mut as_of = None;
    let mut json = false;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--catalogue" => catalogue = Some(it.next().ok_or("--catalogue needs a file")?),
            "--regime" => regime = it.next().ok_or("--regime needs a value")?,
            "--as-of" => {
                let v = it.next().ok_or("--as-of needs a date")?;
                as_of = Some(
                    NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                        .map_err(|_| format!("invalid date `{v}` for --as-of: expected YYYY-MM-DD"))?,
                );
            }
            "--json" => json = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s => {
                if case.replace(s.to_owned()).is_some() {
                    return Err(format!("more than one case file given\n{USAGE}"));
                }
            }
        }
    }
    Ok(Args { case: case.ok_or(USAGE)?, catalogue, regime, as_of, json })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let catalogue = support::catalogue(args.catalogue.as_deref())?;
    let regime = support::regime(&args.regime)?;
    let text = support::read(&args.case)?;
    let case = Case::from_json_named(&args.case, &text, &catalogue).map_err(|e| e.to_string())?;
    let (as_of, source) = match (args.as_of, case.decision_date()) {
        (Some(date), _) => (date, DateSource::Option),
        (None, Some(date)) => (date, DateSource::CaseFile),
        (None, None) => (support::today(), DateSource::Clock),
    };

    let assessment = assess(&case, &catalogue, &regime, as_of);
    let decision = recommend(&assessment, &regime);
    let check = review(&case, &catalogue, &regime, &decision, None);

    if args.json {
        let out = serde_json::json!({
            "as_of": as_of,
            "as_of_source": source.code(),
            "regime": regime.name,
            "assessment": assessment,
            "decision": decision,
            "explanation": assessment.explain().to_string(),
            "reasons": decision.reasons.to_string(),
            "review": check,
        });
        outln!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(());
    }

    outln!("决定日期：{as_of}（{}）", source.describe());
    outln!("适用裁量规则：{}", regime.name);
    outln!();
    out!("{}", assessment.explain());
    outln!();
    outln!("建议处理：{}", decision.summary());
    outln!("  处理结果：{}；程序：{}", decision.disposition.legal_name(), decision.procedure.legal_name());
    if !decision.soft_measures.is_empty() {
        let m: Vec<&str> = decision.soft_measures.iter().map(|m| m.legal_name()).collect();
        outln!("  柔性措施：{}", m.join("、"));
    }
    if let Some(d) = decision.follow_up_on {
        outln!("  回访日期：{d}");
    }
    if !decision.duties.legal_review.is_empty() {
        let r: Vec<String> = decision
            .duties
            .legal_review
            .iter()
            .map(|t| format!("{}（{}）", t.legal_name(), regime.review_source(*t)))
            .collect();
        outln!("  法制审核：{}", r.join("；"));
    }
    if decision.duties.hearing_notice {
        outln!("  告知听证权利：是（《中华人民共和国行政处罚法》第六十三条第一款）");
    }
    if decision.duties.collective_decision {
        outln!("  集体讨论决定：是（《中华人民共和国行政处罚法》第五十七条第二款）");
    }
    let docs: Vec<&str> = decision.documents.iter().map(|d| d.legal_name()).collect();
    outln!("  执法文书：{}", docs.join("、"));
    outln!("  说明理由：{}", decision.reasons);
    outln!();
    outln!("合法性审查：{check}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("decide: {e}");
            ExitCode::from(2)
        }
    }
}
