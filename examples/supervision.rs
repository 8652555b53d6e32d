//! Supervision of a year of flexible enforcement: abuse patterns in a batch
//! (运动式, 一刀切, 选择性执法, 以罚代教, 重罚轻管), the list register (清单报备) with a
//! version diff, the annual evaluation per agency (考核评价) and the 免责清单 check
//! of a decision later found wrong.
//!
//! ```text
//! cargo run --example supervision [-- --json]
//! ```
//!
//! The batch is built from two bundled cases (`examples/data/cases/`), each
//! assessed and decided by rouxing and then replayed over 2026 with new case
//! numbers, parties and dates — a fictitious year, not real statistics:
//!
//! * the tax case (`ordinary.json`): one case a month, and sixteen in June (a
//!   burst); in June local companies are lightened (从轻) without a ground and
//!   non-local ones fined in full (a split by registration), and none of the
//!   June corrections is re-inspected (重罚轻管);
//! * the first-violation case (`first-violation.json`): three cases decided
//!   as recommended (首违不罚) in September, October and November — the last two
//!   under a list version adopted on 1 October and not filed — and one where
//!   the officer fined instead, without education (以罚代教).
//!
//! The register and the sector orders come from `examples/data/supervision/`;
//! the 免责清单 is the sample `examples/data/liability/exemptions.json`. The
//! evaluation day is 2027-01-31.

mod support;

use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::assess::Tier;
use rouxing::audit::pattern::{
    PartyProfile, PatternCase, PatternConfig, Registration, SectorOrder, patterns,
};
use rouxing::audit::{AuditConfig, audit};
use rouxing::calendar::WorkCalendar;
use rouxing::decision::Sanction;
use rouxing::evaluation::{EvaluatedCase, EvaluationConfig, ProcessRecord, ReviewResult, evaluate};
use rouxing::liability::{Context, DutyRecord, ErrorCause, ExemptionList};
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::party::PartyId;
use rouxing::register::{Register, diff};
use rouxing::{Assessment, Case, Catalogue, Decision, Regime, assess, recommend};

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

/// One replayed case: its pattern record, its evaluation record and its
/// decision.
struct Replayed {
    pattern: PatternCase,
    evaluated: EvaluatedCase,
    decision: Decision,
}

#[allow(
    clippy::too_many_arguments,
    reason = "one call site, every argument is a different fact of the replay"
)]
fn replay(
    case: &Case,
    a: &Assessment,
    base: &Decision,
    regime: &Regime,
    id: String,
    decided_on: NaiveDate,
    tier_and_fine: Option<(Tier, u64)>,
    profile: PartyProfile,
    rechecked: bool,
) -> Result<Replayed, String> {
    let mut d = base.clone();
    d.case_id = id.parse().map_err(|e| format!("{e}"))?;
    d.party = PartyId::new(format!("P-{id}")).map_err(|e| e.to_string())?;
    d.decided_on = decided_on;
    if let Some((tier, fine)) = tier_and_fine {
        d.tier = tier;
        d.disposition = rouxing::decision::Disposition::Penalty;
        d.reasons.tier = tier;
        d.reasons.grounds.clear();
        d.reasons.entries.clear();
        d.education = false;
        d.soft_measures.clear();
        d.sanctions = rouxing::decision::Sanctions::from_slice(&[Sanction {
            kind: PenaltyKind::Fine,
            amount: Some(Money::yuan(fine)),
        }]);
    }
    if let Some(c) = d.correction.as_mut() {
        c.deadline = decided_on.checked_add_days(chrono::Days::new(15));
    }
    let rechecked_on = if rechecked { decided_on.checked_add_days(chrono::Days::new(20)) } else { None };
    let mut pattern = PatternCase::new(case, a, &d, profile, rechecked_on);
    pattern.decided.case_id = d.case_id.clone();
    pattern.decided.party = d.party.clone();
    pattern.decided.decided_on = decided_on;
    pattern.decided.act_on = decided_on.checked_sub_days(chrono::Days::new(20)).unwrap_or(decided_on);
    let process = ProcessRecord {
        filed_on: decided_on.checked_sub_days(chrono::Days::new(30)),
        review: Some(ReviewResult::Passed),
        delivered_on_pronouncement: true,
        served_on: None,
        followed_up_on: d.follow_up_on,
    };
    let mut evaluated = EvaluatedCase::new(case, a, &d, regime, &WorkCalendar::china(), process);
    evaluated.act_on = pattern.decided.act_on;
    Ok(Replayed { pattern, evaluated, decision: d })
}

fn run(json: bool) -> Result<(), String> {
    let catalogue = Catalogue::bundled().map_err(|e| e.to_string())?;
    let regime = Regime::shandan_sample();
    let as_of = date(2027, 1, 31)?;
    let load =
        |text: &str, name: &str| Case::from_json_named(name, text, &catalogue).map_err(|e| e.to_string());
    let tax = load(include_str!("data/cases/ordinary.json"), "ordinary.json")?;
    let first = load(include_str!("data/cases/first-violation.json"), "first-violation.json")?;
    let tax_a = assess(&tax, &catalogue, &regime, date(2026, 11, 25)?);
    let tax_d = recommend(&tax_a, &regime);
    let first_a = assess(&first, &catalogue, &regime, date(2026, 11, 25)?);
    let first_d = recommend(&first_a, &regime);

    let mut batch = Vec::new();
    for m in 1..=12 {
        // Registration not recorded for the routine cases: left out of the comparison.
        let profile = PartyProfile::default();
        batch.push(replay(
            &tax,
            &tax_a,
            &tax_d,
            &regime,
            format!("TX-{m:02}"),
            date(2026, m, 12)?,
            None,
            profile,
            true,
        )?);
    }
    for i in 0..16 {
        let local = i % 2 == 0;
        let profile = PartyProfile {
            registration: Some(if local { Registration::Local } else { Registration::NonLocal }),
            ..PartyProfile::default()
        };
        // Local companies lightened without a ground, non-local ones fined in full.
        let outcome = if local { Some((Tier::Lighter, 1_000)) } else { Some((Tier::Ordinary, 2_000)) };
        let id = format!("TX-06-{i:02}");
        batch.push(replay(&tax, &tax_a, &tax_d, &regime, id, date(2026, 6, 20)?, outcome, profile, false)?);
    }
    for i in 0..3 {
        let id = format!("AG-{i:02}");
        batch.push(replay(
            &first,
            &first_a,
            &first_d,
            &regime,
            id,
            date(2026, 9 + i, 1)?,
            None,
            PartyProfile::default(),
            true,
        )?);
    }
    let fined = Some((Tier::Ordinary, 3_000));
    batch.push(replay(
        &first,
        &first_a,
        &first_d,
        &regime,
        "AG-09".into(),
        date(2026, 9, 9)?,
        fined,
        PartyProfile::default(),
        true,
    )?);

    // Part 3: patterns.
    let orders: Vec<SectorOrder> = serde_json::from_str(include_str!("data/supervision/sector-orders.json"))
        .map_err(|e| e.to_string())?;
    let pattern_cases: Vec<PatternCase> = batch.iter().map(|r| r.pattern.clone()).collect();
    let decided: Vec<_> = pattern_cases.iter().map(|p| p.decided.clone()).collect();
    let cfg = PatternConfig::default();
    let found = patterns(&pattern_cases, &orders, as_of, &cfg);
    let audited = audit(&decided, &AuditConfig::from_regime(&regime));

    // Part 4: the register.
    let register = Register::from_json_named(
        "examples/data/supervision/register.json",
        include_str!("data/supervision/register.json"),
    )
    .map_err(|e| e.to_string())?;
    let decisions: Vec<Decision> = batch.iter().map(|r| r.decision.clone()).collect();
    let filing = register.check(&catalogue, &decisions);
    let mut next: serde_json::Value =
        serde_json::from_str(&catalogue.to_json()).map_err(|e| e.to_string())?;
    if let Some(items) = next.get_mut("items").and_then(|i| i.as_array_mut()) {
        for item in items {
            if let Some(entries) = item.get_mut("entries").and_then(|e| e.as_array_mut()) {
                entries.retain(|e| e["id"] != "E124");
                for e in entries.iter_mut().filter(|e| e["id"] == "E122") {
                    e["valid_until"] = serde_json::json!("2028-12-31");
                }
            }
        }
    }
    let next = Catalogue::from_json_named("next.json", &next.to_string()).map_err(|e| e.to_string())?;
    let changes = diff(&catalogue, &next, None);

    // Part 5: the evaluation.
    let evaluated: Vec<EvaluatedCase> = batch.iter().map(|r| r.evaluated.clone()).collect();
    let evaluation = evaluate(&evaluated, &audited, &found, &EvaluationConfig::for_year(2026), as_of);

    // Part 5b: a 首违不罚 decision later found wrong.
    let wrong = batch.iter().find(|r| r.decision.case_id.as_str() == "AG-00").ok_or("no AG-00")?;
    let record = DutyRecord {
        review_passed_on: Some(wrong.decision.decided_on),
        collective_decided_on: None,
        notice_given_on: None,
        statement_waived: false,
        record_intact: true,
        found_wrong_on: date(2027, 1, 10)?,
        cause: ErrorCause::PartyConcealment,
        conflict_of_interest: false,
        corrected_on: Some(date(2027, 1, 20)?),
    };
    let exemptions = ExemptionList::sample().map_err(|e| e.to_string())?;
    let cx = Context { catalogue: &catalogue, register: &register, regime: &regime };
    let liability = exemptions.check(&first_a, &wrong.decision, &record, cx);
    // The fine instead of 首违不罚, found wrong by the officer's own error.
    let fined = batch.iter().find(|r| r.decision.case_id.as_str() == "AG-09").ok_or("no AG-09")?;
    let own_error = DutyRecord {
        review_passed_on: Some(fined.decision.decided_on),
        notice_given_on: Some(fined.decision.decided_on),
        cause: ErrorCause::OfficerError,
        corrected_on: Some(date(2027, 3, 20)?),
        ..record
    };
    let not_exempt = exemptions.check(&first_a, &fined.decision, &own_error, cx);

    if json {
        let out = serde_json::json!({
            "patterns": found,
            "register_findings": filing,
            "list_diff": changes,
            "evaluation": evaluation,
            "liability": [liability, not_exempt],
        });
        support::outln!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(());
    }
    support::outln!("== 执法方式问题（{}件决定）==\n{found}", batch.len());
    support::outln!("== 清单报备核查 ==");
    for f in &filing {
        support::outln!("  {f}");
    }
    if filing.is_empty() {
        support::outln!("  无");
    }
    support::outln!("未报备的现行清单：");
    for v in register.unfiled(as_of) {
        support::outln!("  {}《{}》{}（{}印发）", v.department_name, v.source, v.version, v.adopted_on);
    }
    support::outln!("\n== 清单版本比对 ==\n{changes}");
    support::outln!("== 年度考核评价 ==");
    for e in &evaluation {
        support::outln!("{e}");
    }
    support::outln!("== 尽职免责核查 ==\n{liability}\n{not_exempt}");
    Ok(())
}

fn main() -> ExitCode {
    let json = std::env::args().any(|a| a == "--json");
    match run(json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("supervision: {e}");
            ExitCode::FAILURE
        }
    }
}
