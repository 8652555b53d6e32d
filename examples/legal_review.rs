//! Reviews an officer's proposed decision: prints the guard's findings and
//! the legal-review checklist (法制审核) with its opinion.
//!
//! ```text
//! cargo run --example legal_review
//! cargo run --example legal_review -- <case.json> <proposal.json> [--catalogue <file>]
//!                                     [--regime national|shandan|<file>] [--as-of YYYY-MM-DD] [--json]
//! ```
//!
//! Without files it reviews the bundled proposals of
//! `examples/data/proposals/` (a clean one, 执法放水, 机械执法, 以罚代管 and a
//! decision outside the agency's competence) against the bundled sample
//! catalogue, on 2025-06-30. A proposal is the recommendation with an
//! officer's changes (see `rouxing::guard::Proposal` and the folder's
//! README); without `--catalogue` the bundled catalogue is used, without
//! `--regime` the Shandan sample regime (every flexible decision goes through
//! legal review), and without `--as-of` today's date in China Standard Time.

mod support;

use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::guard::{LegalReviewChecklist, Proposal, Severity, review};
use rouxing::{Case, Catalogue, Regime, assess, recommend};

/// The bundled demonstrations: title, case file and text, proposal file and
/// text.
const BUNDLED: &[(&str, &str, &str, &str, &str)] = &[
    (
        "合法的首违不罚",
        "cases/price-first.json",
        include_str!("data/proposals/cases/price-first.json"),
        "clean.json",
        include_str!("data/proposals/clean.json"),
    ),
    (
        "执法放水：造成危害后果仍不予处罚，并对安全底线事项给予观察期",
        "cases/hazchem-harm.json",
        include_str!("data/proposals/cases/hazchem-harm.json"),
        "fangshui.json",
        include_str!("data/proposals/fangshui.json"),
    ),
    (
        "机械执法：轻微并及时改正、没有造成危害后果仍予罚款",
        "cases/hazchem-minor.json",
        include_str!("data/proposals/cases/hazchem-minor.json"),
        "jixie.json",
        include_str!("data/proposals/jixie.json"),
    ),
    (
        "以罚代管：罚款但未责令改正",
        "cases/price-repeat.json",
        include_str!("data/proposals/cases/price-repeat.json"),
        "yifadaiguan.json",
        include_str!("data/proposals/yifadaiguan.json"),
    ),
    (
        "超越职权：市场监管部门处理应急管理事项",
        "cases/hazchem-minor.json",
        include_str!("data/proposals/cases/hazchem-minor.json"),
        "out-of-competence.json",
        include_str!("data/proposals/out-of-competence.json"),
    ),
];

const USAGE: &str = "usage: legal_review [<case.json> <proposal.json>] [--catalogue <file>] [--regime national|shandan|<file>] [--as-of YYYY-MM-DD] [--json]";

struct Args {
    files: Vec<String>,
    catalogue: Option<String>,
    regime: String,
    as_of: Option<NaiveDate>,
    json: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut args =
        Args { files: Vec::new(), catalogue: None, regime: "shandan".to_owned(), as_of: None, json: false };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--catalogue" => args.catalogue = Some(it.next().ok_or("--catalogue needs a file")?),
            "--regime" => args.regime = it.next().ok_or("--regime needs a value")?,
            "--as-of" => {
                let v = it.next().ok_or("--as-of needs a date")?;
                args.as_of = Some(
                    NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                        .map_err(|_| format!("invalid date `{v}` for --as-of: expected YYYY-MM-DD"))?,
                );
            }
            "--json" => args.json = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s => args.files.push(s.to_owned()),
        }
    }
    if !matches!(args.files.len(), 0 | 2) {
        return Err(format!("give a case and a proposal, or nothing\n{USAGE}"));
    }
    Ok(args)
}

/// Reviews one proposal and prints the result; returns the worst severity.
fn run_one(
    title: &str,
    (case_name, case_text): (&str, &str),
    (proposal_name, proposal_text): (&str, &str),
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
    json: bool,
) -> Result<Option<Severity>, String> {
    let case = Case::from_json_named(case_name, case_text, catalogue).map_err(|e| e.to_string())?;
    let proposal: Proposal =
        serde_json::from_str(proposal_text).map_err(|e| format!("{proposal_name}: {e}"))?;
    let a = assess(&case, catalogue, regime, as_of);
    let recommended = recommend(&a, regime);
    let decision = proposal.apply(&recommended, &a, regime);
    let r = review(&case, catalogue, regime, &decision, None);
    let checklist = LegalReviewChecklist::build(&case, catalogue, regime, &decision, None);
    if json {
        let out = serde_json::json!({
            "title": title,
            "case": case_name,
            "proposal": proposal_name,
            "decision": decision,
            "review": r,
            "checklist": checklist,
        });
        support::outln!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        support::outln!("════ {title}");
        support::outln!("案件：{case_name}　拟处理：{proposal_name}　审查日：{as_of}");
        support::outln!("建议处理：{}", recommended.summary());
        support::outln!("拟作出的处理：{}", decision.summary());
        support::outln!();
        support::out!("{r}");
        support::outln!();
        support::out!("{checklist}");
        support::outln!();
    }
    Ok(r.worst())
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let catalogue = match &args.catalogue {
        Some(path) => Catalogue::from_json_named(path, &support::read(path)?).map_err(|e| e.to_string())?,
        None => Catalogue::bundled().map_err(|e| e.to_string())?,
    };
    let regime = support::regime(&args.regime)?;
    match args.files.as_slice() {
        [case, proposal] => {
            let as_of = args.as_of.unwrap_or_else(support::today);
            run_one(
                "拟处理决定合法性审查",
                (case, &support::read(case)?),
                (proposal, &support::read(proposal)?),
                &catalogue,
                &regime,
                as_of,
                args.json,
            )?;
        }
        _ => {
            let as_of = args.as_of.or_else(|| NaiveDate::from_ymd_opt(2025, 6, 30)).ok_or("date")?;
            for (title, case_name, case, proposal_name, proposal) in BUNDLED {
                run_one(
                    title,
                    (case_name, case),
                    (proposal_name, proposal),
                    &catalogue,
                    &regime,
                    as_of,
                    args.json,
                )?;
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
