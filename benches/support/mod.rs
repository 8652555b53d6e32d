//! Fixtures shared by the benchmarks.

#![allow(dead_code, reason = "each benchmark uses a different subset")]

use chrono::{Days, NaiveDate};
use rouxing::assess::Tier;
use rouxing::audit::{CorrectionStatus, DecidedCase, FactSignature, FirstViolationStatus};
use rouxing::case::{Agency, AgencyId, Case, Correction, Gravity, Harm};
use rouxing::catalogue::{Catalogue, Domain, Item, ItemCode, StatutoryPenalty};
use rouxing::decision::Disposition;
use rouxing::measure::{Channel, Mechanism, PenaltyKind, SoftMeasure};
use rouxing::money::{FineRule, Money};
use rouxing::party::{Party, PartyId};
use rouxing::record::{
    CaseFile, Event, EvidenceKind, EvidenceRef, Officer, Origin, Rectification, ServiceMethod, Stage,
};
use rouxing::{Decision, Regime, assess, recommend};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A market-regulation item fined ¥1,000–¥10,000 ("处一千元以上一万元以下罚款"),
/// with the given extra kinds besides the fine.
pub fn range_item(code: &str, name: &str, extra: &[PenaltyKind]) -> Item {
    let mut kinds = vec![PenaltyKind::Fine];
    kinds.extend_from_slice(extra);
    Item {
        code: code.parse().unwrap(),
        name: name.into(),
        domain: Domain::MarketRegulation,
        authority: "县级以上市场监督管理部门".into(),
        violated_provisions: vec![],
        penalty_provision: "某条例第十条".into(),
        penalty_text: None,
        penalty: StatutoryPenalty::new(
            kinds,
            Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
            None,
        )
        .unwrap(),
        amendments: vec![],
        safety_baseline: false,
        sectors: vec![],
        limitation: None,
        aggravation: vec![],
        no_fault_exception: None,
        entries: vec![],
    }
}

/// A catalogue of one item.
pub fn catalogue_of(item: Item) -> Catalogue {
    Catalogue::new("基准测试", vec![], vec![item]).unwrap()
}

/// A small deterministic generator (xorshift*), so benchmark inputs are the
/// same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The JSON text of a catalogue of `n` items: the bundled items repeated
/// under fresh codes and entry ids (about 1.8 KB of verbatim text each).
pub fn catalogue_json(n: usize) -> String {
    let cat = Catalogue::bundled().unwrap();
    let value: serde_json::Value = serde_json::from_str(&cat.to_json()).unwrap();
    let items = value["items"].as_array().unwrap();
    let mut big = value.clone();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut it = items[i % items.len()].clone();
        it["code"] = serde_json::Value::String(format!("X-{i}"));
        if let Some(entries) = it.get_mut("entries").and_then(|e| e.as_array_mut()) {
            for (j, e) in entries.iter_mut().enumerate() {
                e["id"] = serde_json::Value::String(format!("X-{i}-{j}"));
            }
        }
        out.push(it);
    }
    big["items"] = serde_json::Value::Array(out);
    serde_json::to_string(&big).unwrap()
}

/// 1,000,000 decided cases over 500 items and 2,000 parties: the tier
/// follows the facts, except for one case in two hundred decided one tier
/// away (同事不同罚 to be found).
pub fn decided_cases(n: usize) -> Vec<DecidedCase> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let items: Vec<ItemCode> = (0..500).map(|i| format!("ITEM-{i:03}").parse().unwrap()).collect();
    let parties: Vec<_> = (0..2_000).map(|i| PartyId::new(format!("P-{i:04}")).unwrap()).collect();
    let units: Vec<AgencyId> = (0..20).map(|i| format!("U-{i:02}").parse().unwrap()).collect();
    let harms = [Harm::None, Harm::Slight, Harm::Harmful, Harm::Serious];
    let corrections =
        [CorrectionStatus::None, CorrectionStatus::Prompt, CorrectionStatus::Late, CorrectionStatus::Refused];
    (0..n)
        .map(|i| {
            let item = rng.below(500) as usize;
            let harm = harms[rng.below(4) as usize];
            let correction = corrections[rng.below(4) as usize];
            let first = rng.below(3) != 0;
            let gravity = [Gravity::Minor, Gravity::General, Gravity::Serious][rng.below(3) as usize];
            let amount = (rng.below(2) == 0).then(|| Money::yuan(rng.below(2_000_000)));
            let base = match (harm, correction, first) {
                (Harm::None | Harm::Slight, CorrectionStatus::Prompt, true) => 0,
                (Harm::Serious, _, _) => 4,
                (_, CorrectionStatus::Refused, _) => 4,
                (Harm::Harmful, _, false) => 3,
                (_, CorrectionStatus::Prompt, _) => 2,
                _ => 3,
            };
            let noisy = if rng.below(200) == 0 { 1 } else { 0 };
            let tier = Tier::ALL[(base + noisy).min(4)];
            let fine = (tier != Tier::NoPenalty).then(|| Money::yuan(1_000 * (base as u64 + 1)));
            DecidedCase {
                case_id: format!("C-{i:07}").parse().unwrap(),
                party: parties[rng.below(2_000) as usize].clone(),
                item: items[item].clone(),
                unit: Some(units[rng.below(20) as usize].clone()),
                officer: None,
                act_on: d(2024, 1, 1),
                decided_on: d(2024, 2, 1),
                facts: FactSignature {
                    gravity,
                    correction,
                    first_violation: if first {
                        FirstViolationStatus::First
                    } else {
                        FirstViolationStatus::Repeat
                    },
                    ..FactSignature::plain(harm)
                },
                amount,
                safety_baseline: item % 7 == 0,
                tier,
                fine,
                fine_band: None,
                mechanisms: Vec::new(),
                ground: None,
                first_violation_waiver: false,
            }
        })
        .collect()
}

/// Recommended decisions of every common shape: 轻微不罚, 一般, and variants
/// with soft measures, contacts, mechanisms and 不予行政强制.
pub fn templates() -> Vec<Decision> {
    let item = range_item("X-1", "某违法行为", &[]);
    let cat = Catalogue::new("示例", vec![], vec![item]).unwrap();
    let regime = Regime::national();
    let mut out = Vec::new();
    for (gravity, harm, correction) in [
        (Gravity::Minor, Harm::None, Correction::Prompt { on: d(2025, 3, 2) }),
        (Gravity::General, Harm::Harmful, Correction::None),
        (Gravity::General, Harm::Slight, Correction::Prompt { on: d(2025, 3, 2) }),
    ] {
        let case = Case::builder("C-1".parse().unwrap(), "X-1".parse().unwrap())
            .party(Party::legal_person(PartyId::new("P-1").unwrap(), None))
            .act_on(d(2025, 3, 1))
            .discovered_on(d(2025, 3, 2))
            .gravity(gravity)
            .harm(harm)
            .correction(correction)
            .build()
            .unwrap();
        out.push(recommend(&assess(&case, &cat, &regime, d(2025, 3, 10)), &regime));
    }
    let mut soft = out[1].clone();
    soft.tier = Tier::Lighter;
    soft.soft_measures = [SoftMeasure::Reminder, SoftMeasure::Interview].into_iter().collect();
    soft.contacts = [Channel::Phone, Channel::Sms].into_iter().collect();
    soft.mechanisms = [Mechanism::TransitionPeriod].into_iter().collect();
    soft.coercion_withheld = [0].into_iter().collect();
    out.push(soft);
    let mut transfer = out[0].clone();
    transfer.disposition = Disposition::Transfer;
    out.push(transfer);
    out
}

/// `n` decisions over 20 units, 50,000 parties and a year and a half of
/// days.
pub fn decisions(n: usize) -> Vec<Decision> {
    let templates = templates();
    let agencies: Vec<Agency> = (0..20)
        .map(|i| Agency {
            id: format!("U-{i:02}").parse().unwrap(),
            name: format!("某县执法单位{i}").into(),
            domain: Domain::ALL[i % Domain::ALL.len()],
        })
        .collect();
    let parties: Vec<PartyId> = (0..50_000).map(|i| PartyId::new(format!("P-{i}")).unwrap()).collect();
    (0..n)
        .map(|i| {
            let mut dec = templates[i % templates.len()].clone();
            dec.agency = Some(agencies[i % agencies.len()].clone());
            dec.party = parties[(i * 7919) % parties.len()].clone();
            dec.decided_on = d(2024, 7, 1).checked_add_days(Days::new((i % 547) as u64)).unwrap();
            dec
        })
        .collect()
}

/// A complete ordinary-procedure case file of twelve events.
pub fn case_file(n: usize) -> CaseFile {
    let item = range_item("X-1", "某违法行为", &[]);
    let cat = Catalogue::new("示例", vec![], vec![item]).unwrap();
    let id = format!("2025-{n:06}");
    let case = Case::builder(id.parse().unwrap(), "X-1".parse().unwrap())
        .party(Party::legal_person(PartyId::new(format!("P-{n}")).unwrap(), None))
        .act_on(d(2025, 3, 1))
        .discovered_on(d(2025, 3, 10))
        .filed_on(d(2025, 3, 11))
        .harm(Harm::Harmful)
        .correction(Correction::None)
        .build()
        .unwrap();
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, d(2025, 4, 1));
    let dec = recommend(&a, &regime);
    let officer =
        |id: &str| Officer { id: id.parse().unwrap(), credential: format!("6207{id}").parse().unwrap() };
    let mut f = CaseFile::new(id.parse().unwrap());
    let events = vec![
        Event::new(d(2025, 3, 10), Stage::started(&case, &a, Origin::Inspection)),
        Event::new(d(2025, 3, 11), Stage::Filed { approved_by: "HEAD-1".parse().unwrap() }),
        Event::new(
            d(2025, 3, 12),
            Stage::Investigated {
                officers: vec![officer("O-1"), officer("O-2")],
                evidence: vec![EvidenceRef {
                    kind: EvidenceKind::InspectionRecord,
                    reference: "现场笔录".into(),
                    sha256: None,
                }],
                sole_officer_basis: None,
            },
        ),
        Event::new(d(2025, 3, 20), Stage::notice_for(&dec, d(2025, 3, 25))),
        Event::new(d(2025, 3, 24), Stage::Stated { summary: "无异议".into(), adopted: false }),
        Event::new(
            d(2025, 3, 26),
            Stage::Contacted {
                measure: SoftMeasure::Reminder,
                channel: Channel::Phone,
                content: "提醒整改期限".into(),
                answer: "按期整改".into(),
            },
        ),
        Event::new(d(2025, 4, 1), Stage::Decided { decision: Box::new(dec.clone()) }),
        Event::new(d(2025, 4, 2), Stage::Served { method: ServiceMethod::Direct, consent: None }),
        Event::new(d(2025, 4, 10), Stage::Paid { amount: dec.fine().unwrap(), receipt: "缴款书".into() }),
        Event::new(
            d(2025, 4, 12),
            Stage::Reinspected { result: Rectification::Corrected, findings: "已整改".into() },
        ),
        Event::new(d(2025, 4, 15), Stage::FollowedUp { channel: Channel::InPerson, findings: "良好".into() }),
        Event::new(d(2025, 4, 20), Stage::Closed {}),
    ];
    for e in events {
        f.append(e).unwrap();
    }
    f
}
