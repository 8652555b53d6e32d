//! Runs the three working mechanisms of the county plan (山丹县实施方案 五) on
//! bundled cases and prints what each decided and why.
//!
//! ```text
//! cargo run --example mechanisms
//! ```
//!
//! The inputs are the bundled sample catalogue and, under
//! `examples/data/mechanisms/`, case
//! files, a guidance request, correction progress, a transition request, a
//! credit profile and a fault cause. Every date is in the data or below; the
//! program never reads the clock.

mod support;

use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::mechanism::credit::{self, CreditPolicy, CreditProfile, FaultCause, Publication};
use rouxing::mechanism::guidance::{self, GuidanceRequest};
use rouxing::mechanism::tolerance::{
    self, Progress, TolerancePolicy, TransitionLapse, TransitionProgress, TransitionRequest, TransitionStatus,
};
use rouxing::mechanism::{Check, Outcome};
use rouxing::{Case, Catalogue, Decision, Regime, assess, recommend};
use support::outln;

macro_rules! data {
    ($name:literal) => {
        ($name, include_str!(concat!("data/mechanisms/", $name)))
    };
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("no such day {y}-{m}-{d}"))
}

fn load_case(catalogue: &Catalogue, (name, text): (&str, &str)) -> Result<Case, String> {
    Case::from_json_named(name, text, catalogue).map_err(|e| e.to_string())
}

fn heading(title: &str) {
    outln!("\n== {title} ==");
}

fn print_checks<R: Copy>(checks: &[Check<R>], indent: &str, name: impl Fn(R) -> &'static str) {
    for c in checks {
        outln!(
            "{indent}{} {}：{}（{}）",
            if c.met { "✓" } else { "✗" },
            name(c.requirement),
            c.detail,
            c.citation
        );
    }
}

fn print_outcome<P, R: Copy>(outcome: &Outcome<P, R>, name: impl Fn(R) -> &'static str) {
    outln!("结论：{}", if outcome.is_granted() { "准予" } else { "不予适用" });
    print_checks(outcome.checks(), "  ", name);
}

fn print_decision(d: &Decision) {
    let mechanisms: Vec<&str> = d.mechanisms.iter().map(|m| m.legal_name()).collect();
    let contacts: Vec<&str> = d.contacts.iter().map(|c| c.legal_name()).collect();
    outln!(
        "决定：{}；工作机制：{}；联系方式：{}",
        d.summary(),
        if mechanisms.is_empty() { "无".to_owned() } else { mechanisms.join("、") },
        if contacts.is_empty() { "无".to_owned() } else { contacts.join("、") }
    );
}

/// A transition period's state in words.
fn transition_state(status: &TransitionStatus) -> String {
    match status {
        TransitionStatus::Running { next_due: Some(due) } => format!("过渡期进行中，下一节点应于{due}前完成"),
        TransitionStatus::Running { next_due: None } => "过渡期进行中".to_owned(),
        TransitionStatus::Completed { on, .. } => {
            format!("已于{on}达到标准，过渡期完成（按及时改正重新评估）")
        }
        TransitionStatus::Lapsed { lapse: TransitionLapse::MissedMilestone { index, due }, .. } => {
            format!("过渡期失效：第{}个节点未在{due}前完成（按一般程序重新评估）", index + 1)
        }
        TransitionStatus::Lapsed { lapse: TransitionLapse::EndPassed { end }, .. } => {
            format!("过渡期失效：{end}届满仍未达到标准（按一般程序重新评估）")
        }
    }
}

fn run() -> Result<(), String> {
    let catalogue = Catalogue::bundled().map_err(|e| e.to_string())?;
    let regime = Regime::shandan_sample();

    // 一、简易引导：短信提醒一起轻微的明码标价问题。
    heading("简易引导机制：短信提醒（五(一)）");
    let case = load_case(&catalogue, data!("guidance-case.json"))?;
    let (name, text) = data!("guidance-sms.json");
    let request = GuidanceRequest::from_json_named(name, text).map_err(|e| e.to_string())?;
    let outcome = guidance::plan(&case, &catalogue, &regime, &request, &[]).map_err(|e| e.to_string())?;
    print_outcome(&outcome, |r| r.legal_name());
    if let Some(plan) = outcome.plan() {
        let measures: Vec<&str> = plan.measures.iter().map(|m| m.legal_name()).collect();
        outln!(
            "方式：{}；措施：{}；文书：{}",
            plan.channel.legal_name(),
            measures.join("、"),
            plan.document.legal_name()
        );
        let contents: Vec<&str> = plan.contents.iter().map(|c| c.legal_name()).collect();
        outln!("文书应载明：{}", contents.join("、"));
        let record: Vec<&str> = plan.record.iter().map(|f| f.legal_name()).collect();
        outln!("应当记录：{}", record.join("、"));
        if let Some(by) = plan.correction_by {
            outln!("改正期限：{by}");
        }
        outln!("回访日期：{}", plan.follow_up_on);
        outln!("告知：{}", plan.non_binding);
        // The decision once the party corrects in time: no penalty, guidance recorded.
        let corrected = case
            .to_builder()
            .correction(rouxing::case::Correction::Prompt { on: date(2025, 3, 14)? })
            .build()
            .map_err(|e| e.to_string())?;
        let decision = recommend(&assess(&corrected, &catalogue, &regime, date(2025, 3, 17)?), &regime);
        print_decision(&guidance::apply(plan, &decision).map_err(|e| e.to_string())?);
    }

    // 二、容错纠错：不罚只纠正，一起按期改正，一起逾期未改正。
    heading("容错纠错机制：不罚只纠正（五(二)）");
    let case = load_case(&catalogue, data!("correction-case.json"))?;
    let decided_on = date(2025, 3, 12)?;
    let policy =
        TolerancePolicy { commitment: tolerance::CommitmentUse::Required, ..TolerancePolicy::default() };
    let outcome = tolerance::correction_plan(&case, &catalogue, &regime, &policy, decided_on, None)
        .map_err(|e| e.to_string())?;
    print_outcome(&outcome, |r| r.legal_name());
    let plan = outcome.plan().ok_or("correction plan refused")?;
    let docs: Vec<&str> = plan.documents.iter().map(|d| d.legal_name()).collect();
    outln!(
        "责令限期改正至{}；复查验收至{}；文书：{}；承诺书{}",
        plan.deadline(),
        plan.reinspect_by,
        docs.join("、"),
        if plan.commitment_signed { "已签署" } else { "待签署" }
    );
    let on = date(2025, 3, 31)?;
    for file in [data!("correction-met.json"), data!("correction-lapsed.json")] {
        let progress = Progress::from_json_named(file.0, file.1).map_err(|e| e.to_string())?;
        let status = tolerance::follow_up(plan, &progress, on).map_err(|e| e.to_string())?;
        let cites: Vec<String> = status.citations().iter().map(|c| c.to_string()).collect();
        outln!("{}（{on}）：{}；依据：{}", file.0, status.legal_name(), cites.join("、"));
        if let Some(again) = status.reassessment(&case).map_err(|e| e.to_string())? {
            let decision = recommend(&assess(&again, &catalogue, &regime, on), &regime);
            print_decision(&decision);
        }
    }

    heading("容错纠错机制：观察期（五(二)）");
    let as_of = date(2025, 3, 12)?;
    for file in [data!("observation-new-business.json"), data!("observation-safety.json")] {
        let case = load_case(&catalogue, file)?;
        outln!("{}：", file.0);
        let outcome = tolerance::observation(&case, &catalogue, &regime, as_of).map_err(|e| e.to_string())?;
        print_outcome(&outcome, |r| r.legal_name());
        if let Some(period) = outcome.plan() {
            outln!("观察期：{}（{}）", period.window, period.period);
        }
    }

    heading("容错纠错机制：过渡期（五(二)）");
    let case = load_case(&catalogue, data!("transition-case.json"))?;
    let (name, text) = data!("transition-request.json");
    let request = TransitionRequest::from_json_named(name, text).map_err(|e| e.to_string())?;
    let outcome =
        tolerance::transition(&case, &catalogue, &regime, decided_on, &request).map_err(|e| e.to_string())?;
    print_outcome(&outcome, |r| r.legal_name());
    if let Some(plan) = outcome.plan() {
        for (phase, list) in [("过渡期内", &plan.during), ("过渡期届满未达标", &plan.after_lapse)]
        {
            let items: Vec<String> = list
                .iter()
                .map(|p| format!("{}：{}", p.action.legal_name(), p.allowance.legal_name()))
                .collect();
            outln!("{phase}：{}", items.join("；"));
        }
        let (name, text) = data!("transition-progress.json");
        let progress: TransitionProgress = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let status =
            tolerance::transition_status(plan, &progress, date(2025, 5, 15)?).map_err(|e| e.to_string())?;
        outln!("2025-05-15 状态：{}", transition_state(&status));
    }

    // 三、守信激励：激励措施审查与突发因素过错保护。
    heading("守信激励机制（五(三)）");
    let policy = CreditPolicy::default();
    let (name, text) = data!("credit-profile.json");
    let profile = CreditProfile::from_json_named(name, text).map_err(|e| e.to_string())?;
    let on = date(2025, 6, 1)?;
    let grade = profile.grade(&policy, on);
    outln!(
        "{}：信用等级{}（{}），失信记录{}条；激励措施审查（{on}）：",
        profile.party(),
        grade.grade,
        grade.name,
        grade.counted
    );
    print_incentives(&profile, &policy, on);

    let case = load_case(&catalogue, data!("protected-case.json"))?;
    let (name, text) = data!("protected-cause.json");
    let cause: FaultCause = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
    let decision = recommend(&assess(&case, &catalogue, &regime, date(2025, 3, 3)?), &regime);
    print_decision(&decision);
    let effect = credit::effect(&case, &decision, &cause, &policy, &regime).map_err(|e| e.to_string())?;
    outln!("过错保护：{}", effect.protection);
    match &effect.publication {
        Publication::NotPublished { reason } => {
            outln!("公示：不予公示（{}，{}）", reason.legal_name(), reason.citation());
        }
        Publication::ByOtherRules { domain } => {
            outln!(
                "公示：{}的处罚不适用《市场监督管理行政处罚信息公示规定》，依{}及本部门规定公开",
                domain.map_or("该部门", |d| d.legal_name()),
                rouxing::law::Citation::apl(48).para(1)
            );
        }
        Publication::Published(p) => {
            let s = p.schedule(p.publish_by).map_err(|e| e.to_string())?;
            outln!(
                "公示：{}，最迟{}公示，公示期{}（至{}）；提前停止公示：{}；信用修复：{}",
                p.class.legal_name(),
                p.publish_by,
                p.period,
                s.window.end(),
                s.early_stop_from.map_or("公示期内不适用".to_owned(), |d| format!("{d}起可申请")),
                s.repair_from.map_or("公示期内不适用".to_owned(), |d| format!("{d}起可申请")),
            );
        }
    }
    outln!("计入失信：{}", if effect.counts_as_dishonesty { "是" } else { "否" });
    let after = profile.with_record(effect.record.clone()).map_err(|e| e.to_string())?;
    let grade_after = after.grade(&policy, on);
    outln!("保护后信用等级：{}（原为{}）；激励措施：", grade_after.grade, grade.grade);
    print_incentives(&after, &policy, on);
    print_decision(&credit::apply(&effect, &decision).map_err(|e| e.to_string())?);
    let cites: Vec<String> = effect.citations.iter().map(|c| c.to_string()).collect();
    outln!("依据：{}", cites.join("、"));

    // For comparison: the same decision without a sudden factor.
    let plain = credit::effect(&case, &decision, &FaultCause::Ordinary, &policy, &regime)
        .map_err(|e| e.to_string())?;
    let hit = profile.with_record(plain.record).map_err(|e| e.to_string())?;
    let g = hit.grade(&policy, on);
    outln!(
        "对比（不主张突发因素）：计入失信：{}；信用等级{}（{}）",
        if plain.counts_as_dishonesty { "是" } else { "否" },
        g.grade,
        g.name
    );
    print_incentives(&hit, &policy, on);
    Ok(())
}

fn print_incentives(profile: &CreditProfile, policy: &CreditPolicy, on: NaiveDate) {
    for d in credit::incentives(profile, policy, on) {
        if d.granted {
            outln!("  {}：给予激励", d.incentive.legal_name());
        } else {
            outln!("  {}：不予激励", d.incentive.legal_name());
            let failed: Vec<_> = d.checks.iter().filter(|c| !c.met).cloned().collect();
            print_checks(&failed, "      ", |r| r.legal_name());
        }
    }
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
