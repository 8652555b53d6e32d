//! A county's year of flexible enforcement: generates a deterministic
//! synthetic year of cases for the county's enforcement units from a
//! catalogue, decides each (assess → recommend → the 简易引导 mechanism where
//! it applies → the legality review), keeps a hash-chained case file for
//! each, tabulates the statistics table and selects typical cases.
//!
//! ```text
//! cargo run --example county_report -- <out-dir> [--catalogue <file>] [--year 2025]
//!                                       [--cases 1200] [--seed 7]
//! ```
//!
//! Prints the table as Markdown and writes `report.csv` (opens in Excel),
//! `report.json`, `typical-cases.md` and one sample case file
//! (`case-file-sample.jsonl`) to `<out-dir>`. Without `--catalogue` the
//! bundled sample catalogue is used; any catalogue whose items span several
//! domains works (one enforcement unit per domain).

mod support;

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use chrono::{Datelike, Days, NaiveDate};
use rouxing::case::{
    Agency, Aggravating, Case, Context, Correction, Fault, Gravity, Harm, Mitigating, PriorOutcome,
    PriorViolation,
};
use rouxing::catalogue::{Domain, Item};
use rouxing::decision::{Disposition, Procedure};
use rouxing::measure::{Channel, SoftMeasure};
use rouxing::mechanism::Outcome;
use rouxing::mechanism::guidance::{self, GuidanceRequest};
use rouxing::party::{MentalCapacity, Party, PartyId};
use rouxing::record::{
    CaseFile, Event, EvidenceKind, EvidenceRef, Officer, Origin, Rectification, ReviewOpinion, ServiceMethod,
    Stage,
};
use rouxing::report::{ReportPeriod, TypicalCase, typical_cases, typical_cases_markdown};
use rouxing::{Catalogue, Decision, Regime, assess, recommend, review, tabulate};

const USAGE: &str =
    "usage: county_report <out-dir> [--catalogue <file>] [--year YYYY] [--cases N] [--seed N]";

struct Args {
    out: String,
    catalogue: Option<String>,
    year: i32,
    cases: usize,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args { out: String::new(), catalogue: None, year: 2025, cases: 1_200, seed: 7 };
    let num = |v: Option<String>, what: &str| -> Result<u64, String> {
        let v = v.ok_or(format!("{what} needs a value"))?;
        v.parse().map_err(|_| format!("invalid number `{v}` for {what}"))
    };
    while let Some(s) = it.next() {
        match s.as_str() {
            "--catalogue" => a.catalogue = Some(it.next().ok_or("--catalogue needs a file")?),
            "--year" => a.year = i32::try_from(num(it.next(), "--year")?).map_err(|e| e.to_string())?,
            "--cases" => a.cases = usize::try_from(num(it.next(), "--cases")?).map_err(|e| e.to_string())?,
            "--seed" => a.seed = num(it.next(), "--seed")?,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`\n{USAGE}")),
            s if a.out.is_empty() => a.out = s.to_owned(),
            _ => return Err(format!("more than one output directory given\n{USAGE}")),
        }
    }
    if a.out.is_empty() {
        return Err(USAGE.to_owned());
    }
    Ok(a)
}

/// SplitMix64: a small deterministic generator, so the year is the same on
/// every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        v.get(usize::try_from(self.below(v.len() as u64)).unwrap_or(0))
    }
}

fn days(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

/// The county's enforcement unit for a domain.
fn unit_for(domain: Domain) -> Result<Agency, String> {
    let name = match domain {
        Domain::MarketRegulation => "山丹县市场监督管理局".to_owned(),
        Domain::EmergencyManagement => "山丹县应急管理局".to_owned(),
        Domain::EcologyEnvironment => "张掖市生态环境局山丹分局".to_owned(),
        Domain::UrbanManagement => "山丹县城市管理综合执法局".to_owned(),
        Domain::FireRescue => "山丹县消防救援大队".to_owned(),
        Domain::Taxation => "国家税务总局山丹县税务局".to_owned(),
        Domain::CultureTourism => "山丹县文化市场综合执法大队".to_owned(),
        Domain::Transport => "山丹县交通运输综合行政执法大队".to_owned(),
        Domain::AgricultureRural => "山丹县农业综合行政执法大队".to_owned(),
        other => format!("山丹县{}部门", other.legal_name()),
    };
    Ok(Agency { id: id(&format!("SD-{}", domain.code()))?, name: name.into(), domain })
}

/// One generated case with the facts the typical-case text needs.
struct Generated {
    case: Case,
    item_name: String,
}

fn generate(catalogue: &Catalogue, year: i32, n: usize, rng: &mut Rng) -> Result<Vec<Generated>, String> {
    let items: Vec<&Item> = catalogue.items().collect();
    let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or("year out of range")?;
    // Acts in date order, so that earlier decisions are the later cases'
    // priors.
    let mut acts: Vec<u64> = (0..n).map(|_| rng.below(350)).collect();
    acts.sort_unstable();
    let pool = (n / 3).max(1) as u64;
    let mut history: HashMap<u64, Vec<PriorViolation>> = HashMap::new();
    let mut out = Vec::with_capacity(n);
    for (i, offset) in acts.into_iter().enumerate() {
        let item = *rng.pick(&items).ok_or("catalogue has no items")?;
        let who = rng.below(pool);
        let act_on = days(start, offset);
        let party_id = PartyId::new(format!("SD-P{who:05}")).map_err(|e| e.to_string())?;
        let party = if who % 10 < 3 {
            let age = if rng.chance(3) {
                13
            } else if rng.chance(6) {
                16
            } else {
                20 + rng.below(50)
            };
            let birth = NaiveDate::from_ymd_opt(act_on.year() - age as i32, 6, 15)
                .ok_or("birth date out of range")?;
            Party::natural_person(party_id, birth, MentalCapacity::Full)
        } else {
            Party::legal_person(party_id, Some(days(start, 0)))
        };
        let discovered_on = days(act_on, rng.below(15));
        let gravity = match rng.below(10) {
            0..=5 => Gravity::Minor,
            6..=8 => Gravity::General,
            _ => Gravity::Serious,
        };
        let harm = match rng.below(10) {
            0..=4 => Harm::None,
            5..=7 => Harm::Slight,
            8 => Harm::Harmful,
            _ => Harm::Serious,
        };
        let correction = match rng.below(10) {
            0..=6 => Correction::Prompt { on: days(discovered_on, rng.below(3)) },
            7 => Correction::Late { on: days(discovered_on, 20) },
            8 => Correction::None,
            _ => Correction::Refused,
        };
        let fault = if rng.chance(3) { Fault::NoFaultProven } else { Fault::Negligent };
        // Some cases carry an Art. 32 circumstance or an aggravating one.
        let mitigating = if rng.chance(8) {
            vec![
                *rng.pick(&[
                    Mitigating::EliminatedHarm,
                    Mitigating::ConfessedUnknown,
                    Mitigating::Meritorious,
                ])
                .ok_or("empty")?,
            ]
        } else {
            Vec::new()
        };
        let aggravating = if rng.chance(6) {
            vec![
                *rng.pick(&[
                    Aggravating::Obstruction,
                    Aggravating::Recidivist,
                    Aggravating::ContinuedAfterPenalty,
                ])
                .ok_or("empty")?,
            ]
        } else {
            Vec::new()
        };
        let mut context = Vec::new();
        if rng.chance(30) {
            context.push(Context::CommitmentSigned);
        }
        if rng.chance(20) {
            context.push(Context::PartyAbsent);
        }
        let id = format!("山丹{year}-{:05}", i + 1);
        let case = Case::builder(
            id.parse().map_err(|e: rouxing::party::InvalidIdError| e.to_string())?,
            item.code.clone(),
        )
        .party(party)
        .agency(unit_for(item.domain)?)
        .officers(vec![
            "ZF-01".parse().map_err(|e: rouxing::party::InvalidIdError| e.to_string())?,
            "ZF-02".parse().map_err(|e: rouxing::party::InvalidIdError| e.to_string())?,
        ])
        .act_on(act_on)
        .discovered_on(discovered_on)
        .filed_on(days(discovered_on, 1))
        .gravity(gravity)
        .harm(harm)
        .correction(correction)
        .fault(fault)
        .mitigating(mitigating)
        .aggravating(aggravating)
        .context(context)
        .priors(history.get(&who).cloned().unwrap_or_default())
        .build()
        .map_err(|e| e.to_string())?;
        history.entry(who).or_default().push(PriorViolation {
            item: item.code.clone(),
            domain: item.domain,
            on: act_on,
            outcome: PriorOutcome::Penalised,
        });
        out.push(Generated { case, item_name: item.name.clone() });
    }
    Ok(out)
}

fn officer(id: &str) -> Result<Officer, String> {
    Ok(Officer {
        id: id.parse().map_err(|e: rouxing::party::InvalidIdError| e.to_string())?,
        credential: format!("62072500{id}")
            .parse()
            .map_err(|e: rouxing::party::InvalidIdError| e.to_string())?,
    })
}

fn id<T: std::str::FromStr<Err = rouxing::party::InvalidIdError>>(s: &str) -> Result<T, String> {
    s.parse().map_err(|e: rouxing::party::InvalidIdError| e.to_string())
}

/// Records the case's steps from 启动 to 结案, as the unit would.
fn record(
    g: &Generated,
    catalogue: &Catalogue,
    a: &rouxing::Assessment,
    dec: &mut Decision,
    regime: &Regime,
    rng: &mut Rng,
) -> Result<CaseFile, String> {
    let c = &g.case;
    let mut f = CaseFile::with_calendar(c.id().clone(), regime.calendar.clone());
    let push = |f: &mut CaseFile, on: NaiveDate, stage: Stage| -> Result<(), String> {
        f.append(Event::new(on, stage)).map(|_| ()).map_err(|e| format!("case {}: {e}", c.id()))
    };
    let d0 = c.discovered_on();
    let origin = if rng.chance(25) { Origin::Complaint } else { Origin::Inspection };
    push(&mut f, d0, Stage::started(c, a, origin))?;
    let decide_on = dec.decided_on;
    let summary = dec.procedure == Procedure::Summary;
    if !summary {
        push(&mut f, days(d0, 1), Stage::Filed { approved_by: id("FZR-01")? })?;
    }
    push(
        &mut f,
        days(d0, 1),
        Stage::Investigated {
            officers: vec![officer("ZF-01")?, officer("ZF-02")?],
            evidence: vec![
                EvidenceRef {
                    kind: EvidenceKind::InspectionRecord,
                    reference: format!("{}-现场检查笔录", c.id()),
                    sha256: None,
                },
                EvidenceRef {
                    kind: EvidenceKind::AudioVisual,
                    reference: format!("{}-执法记录仪视频", c.id()),
                    sha256: None,
                },
            ],
            sole_officer_basis: None,
        },
    )?;
    // Guidance contacts on lenient outcomes; where the 简易引导 mechanism's
    // conditions hold (山丹县实施方案 五(一)) the plan is applied to the decision.
    if dec.tier.is_lenient() && dec.disposition != Disposition::Transfer && rng.chance(45) {
        let channel = *rng
            .pick(&[Channel::InPerson, Channel::Phone, Channel::Sms, Channel::Online])
            .unwrap_or(&Channel::Phone);
        let measure = *rng
            .pick(&[SoftMeasure::Reminder, SoftMeasure::Suggestion, SoftMeasure::Guidance])
            .unwrap_or(&SoftMeasure::Reminder);
        let content = "指出违法行为，讲解相关规定，提示改正要求".to_owned();
        let request = GuidanceRequest {
            on: days(d0, 1),
            channel,
            measures: vec![measure],
            content: content.clone(),
            correction_by: None,
        };
        let guided = match guidance::plan(c, catalogue, regime, &request, &[]) {
            Ok(Outcome::Granted { plan, .. }) => guidance::apply(&plan, dec).ok(),
            _ => None,
        };
        match guided {
            Some(d) => *dec = d,
            None => {
                dec.contacts.push(channel);
                if !dec.soft_measures.contains(&measure) {
                    dec.soft_measures.push(measure);
                }
            }
        }
        push(
            &mut f,
            days(d0, 1),
            Stage::Contacted {
                measure, channel, content, answer: "当事人表示接受并及时改正".into()
            },
        )?;
    }
    if dec.disposition == Disposition::Penalty {
        let notice_on = if summary { decide_on } else { days(d0, 2) };
        let reply_by = if summary { decide_on } else { days(d0, 7) };
        push(&mut f, notice_on, Stage::notice_for(dec, reply_by))?;
        match rng.below(3) {
            0 => push(
                &mut f,
                notice_on,
                Stage::Stated {
                    summary: "当事人对违法事实无异议，请求从轻处理".into(), adopted: false
                },
            )?,
            1 => push(&mut f, notice_on, Stage::Waived { reference: "放弃陈述申辩声明".into() })?,
            _ if !summary => push(&mut f, days(reply_by, 1), Stage::StatementLapsed {})?,
            _ => push(&mut f, notice_on, Stage::Waived { reference: "当场放弃".into() })?,
        }
    }
    if !dec.duties.legal_review.is_empty() {
        push(
            &mut f,
            decide_on,
            Stage::LegalReviewed {
                reviewer: id("FZ-01")?,
                opinion: ReviewOpinion::Passed,
                text: "主体合法，事实清楚，证据确凿，适用依据正确，裁量适当，程序合法".into(),
            },
        )?;
    }
    if dec.duties.collective_decision {
        push(
            &mut f,
            decide_on,
            Stage::Discussed {
                participants: vec![id("FZR-01")?, id("FZR-02")?, id("FZR-03")?],
                conclusion: "同意承办机构意见".into(),
            },
        )?;
    }
    push(&mut f, decide_on, Stage::Decided { decision: Box::new(dec.clone()) })?;
    if dec.disposition == Disposition::Transfer {
        push(&mut f, decide_on, Stage::Closed {})?;
        return Ok(f);
    }
    let absent = c.has_context(Context::PartyAbsent);
    let (served_on, method) = if summary || !absent {
        (decide_on, ServiceMethod::OnTheSpot)
    } else {
        // A few are served late, so that the overdue list has entries.
        (days(decide_on, 2 + rng.below(10)), ServiceMethod::Mail)
    };
    push(&mut f, served_on, Stage::Served { method, consent: None })?;
    let mut last = served_on;
    if let Some(fine) = dec.fine() {
        // Paid within the fifteen days of Art. 67 ¶3, so no Art. 72 (一)
        // surcharge accrues and 结案 finds nothing outstanding.
        last = days(served_on, rng.below(15));
        push(&mut f, last, Stage::Paid { amount: fine, receipt: format!("{}-缴款书", c.id()) })?;
    }
    if let Some(deadline) = dec.correction.and_then(|o| o.deadline) {
        last = last.max(deadline);
        push(
            &mut f,
            last,
            Stage::Reinspected {
                result: Rectification::Corrected, findings: "经复查，已整改到位".into()
            },
        )?;
    }
    if let Some(visit) = dec.follow_up_on {
        last = last.max(visit);
        push(
            &mut f,
            last,
            Stage::FollowedUp { channel: Channel::InPerson, findings: "未发现同类违法行为".into() },
        )?;
    }
    push(&mut f, last, Stage::Closed {})?;
    Ok(f)
}

fn facts_of(g: &Generated) -> String {
    let c = &g.case;
    format!(
        "{}，当事人{}实施“{}”的行为，{}，{}。经{}调查核实，违法事实清楚。",
        c.act().committed_on(),
        c.party().id(),
        g.item_name,
        c.harm().legal_name(),
        c.correction().legal_name(),
        c.agency().map_or("执法机关", |a| &*a.name),
    )
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let catalogue = support::catalogue(args.catalogue.as_deref())?;
    let domains: std::collections::BTreeSet<Domain> = catalogue.items().map(|i| i.domain).collect();
    if domains.is_empty() {
        return Err(format!("catalogue `{}` has no items: pass --catalogue <file>", catalogue.name()));
    }
    let regime = Regime::shandan_sample();
    let period = ReportPeriod::year(args.year).ok_or("year out of range")?;
    let mut rng = Rng(args.seed);
    let generated = generate(&catalogue, args.year, args.cases, &mut rng)?;

    let mut decisions = Vec::with_capacity(generated.len());
    let mut files = Vec::with_capacity(generated.len());
    let mut unlawful: Vec<(rouxing::case::CaseId, String)> = Vec::new();
    let mut reviewed_with_findings = 0usize;
    for g in &generated {
        let as_of = days(g.case.discovered_on(), 10 + rng.below(30));
        let a = assess(&g.case, &catalogue, &regime, as_of);
        let mut dec = recommend(&a, &regime);
        let file = record(g, &catalogue, &a, &mut dec, &regime, &mut rng)?;
        // The legality review of the decision as finally made.
        let r = review(&g.case, &catalogue, &regime, &dec, None);
        if !r.is_lawful() {
            unlawful.push((g.case.id().clone(), r.to_string()));
        }
        if !r.findings.is_empty() {
            reviewed_with_findings += 1;
        }
        decisions.push(dec);
        files.push(file);
    }

    // Every case file verifies and survives export and import.
    let mut events = 0usize;
    for f in &files {
        f.verify().map_err(|e| format!("case {}: {e}", f.case_id()))?;
        events += f.len();
    }
    let year_end = period.to();
    let mut overdue: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        for d in f.overdue(&regime, year_end) {
            *overdue.entry(d.obligation.legal_name().to_owned()).or_default() += 1;
        }
    }

    let table = tabulate(&decisions, period);
    let facts: HashMap<&rouxing::case::CaseId, &Generated> =
        generated.iter().map(|g| (g.case.id(), g)).collect();
    let typical: Vec<TypicalCase> = typical_cases(&decisions, period, |d| {
        facts.get(&d.case_id).map_or_else(String::new, |g| facts_of(g))
    });

    let out = std::path::Path::new(&args.out);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, text: &str| {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))
    };
    write("report.csv", &table.to_csv())?;
    write("report.json", &table.to_json())?;
    write("typical-cases.md", &typical_cases_markdown(&typical))?;
    if let Some(f) = files.iter().max_by_key(|f| f.len()) {
        let text = f.to_jsonl();
        CaseFile::from_jsonl_with(&text, regime.calendar.clone(), Some(f.head()))
            .map_err(|e| e.to_string())?;
        write("case-file-sample.jsonl", &text)?;
    }

    support::outln!("{}", table.to_markdown());
    support::outln!(
        "{} 个执法单位，{} 件案件，{} 个案卷事件，全部通过哈希链校验。",
        domains.len(),
        decisions.len(),
        events
    );
    support::outln!(
        "合法性审查：{} 件决定发现不规范或提示事项，{} 件违法。",
        reviewed_with_findings,
        unlawful.len()
    );
    for (id, text) in &unlawful {
        support::outln!("  {id}：{text}");
    }
    if overdue.is_empty() {
        support::outln!("截至 {year_end}，无逾期事项。");
    } else {
        let list: Vec<String> = overdue.iter().map(|(k, v)| format!("{k} {v} 件")).collect();
        support::outln!("截至 {year_end} 逾期事项：{}。", list.join("，"));
    }
    support::outln!(
        "已写入 {}/report.csv、report.json、typical-cases.md（{} 个典型案例）、case-file-sample.jsonl。",
        out.display(),
        typical.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("county_report: {e}");
            ExitCode::FAILURE
        }
    }
}
