//! The invariants rouxing guarantees (DESIGN.md, "Invariants"), as public
//! checkers a downstream system calls on its own values (不变量检查).
//!
//! Each checker takes what a downstream system produces or stores — its own
//! decisions, its own serialised documents, its own case files — recomputes
//! what the law requires from the facts with [`assess`], and returns
//! `Ok(())` or a [`Violation`] that names the invariant, the provision it
//! rests on and what was found. Nothing here trusts a field an officer
//! fills in: a decision's tier, fine and sanctions are compared with the
//! lawful set recomputed from the case.
//!
//! The checkers are pure functions and need no feature: a downstream system
//! may run them in production (before a decision is issued) as well as in
//! its test suite. The generators that feed them in property tests are in
//! `rouxing::strategy` (feature `proptest`).
//!
//! | invariant | checker | legal basis |
//! |---|---|---|
//! | 1 determinism | [`deterministic`] | 《中华人民共和国行政处罚法》第五条第一款 |
//! | 2 recommendation inside the lawful set | [`within_lawful_set`] | 第五条第二款、第三十四条 |
//! | 3 monotonicity | [`monotone`] | 第五条第二款 |
//! | 4 mandatory 不予处罚 duties | [`mandatory_no_penalty`] | 第三十条、第三十一条、第三十三条、第二十八条第一款 |
//! | 5 fine within the statute | [`fine_within_statute`] | 第七十六条第一款第（二）项 |
//! | 6 limitation | [`limitation`] | 第三十六条 |
//! | 7 applied version never heavier | [`version_never_heavier`] | 第三十七条 |
//! | 8 citations real | [`citations_real`] | 第五条第三款 |
//! | 9 round trips | [`json_round_trip`], [`code_round_trip`] | 第四十七条 |
//! | 10 record tamper | [`record_tamper`], [`tamper_evident`] | 第四十七条 |
//! | 11 legality guard | [`guard_lawful`] | 第五十八条; each finding's own provision |
//!
//! # Cookbook: check your own decision wrapper
//!
//! A downstream system that wraps [`recommend`](crate::recommend()) (to add
//! its own defaults, or to let an officer choose inside the lawful set) runs
//! every decision-level checker on each decision it would issue:
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::invariants::{self, Inputs};
//! use rouxing::{Case, Catalogue, Decision, Regime, assess, recommend};
//!
//! // The downstream system's own wrapper: here it always takes the
//! // recommendation and adds a note.
//! fn my_decide(i: &Inputs<'_>) -> Decision {
//!     let mut d = recommend(&assess(i.case, i.catalogue, i.regime, i.as_of), i.regime);
//!     d.reasons.officer_note = Some("经集体研究".to_owned());
//!     d
//! }
//!
//! let catalogue = Catalogue::bundled()?;
//! let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
//! let regime = Regime::shandan_sample();
//! let inputs = Inputs::new(&case, &catalogue, &regime, NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
//! let decision = my_decide(&inputs);
//! invariants::check_decision(&inputs, &decision)?;
//! invariants::deterministic(|| my_decide(&inputs))?;
//!
//! // A wrapper that fines a 首违不罚 case is caught, with the provision:
//! let mut heavier = decision.clone();
//! heavier.tier = rouxing::Tier::Ordinary;
//! let v = invariants::within_lawful_set(&inputs, &heavier).unwrap_err();
//! assert_eq!(v.invariant, invariants::Invariant::WithinLawfulSet);
//! assert!(v.to_string().contains("第三十四条"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Cookbook: check your own storage of case files
//!
//! A system that stores exported case files (a database column, an object
//! store) checks that what it gives back imports with the same head, and
//! that the importer it uses still refuses every change:
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::invariants;
//! use rouxing::record::{CaseFile, Event, Origin, Stage};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let mut file = CaseFile::new("2025-001".parse()?);
//! file.append(Event::new(d(2025, 3, 2)?, Stage::Started {
//!     origin: Origin::Inspection,
//!     party: "91620725MA7".parse()?,
//!     item: None,
//!     act_on: d(2025, 3, 1)?,
//!     discovered_on: d(2025, 3, 2)?,
//!     limitation_ends: None,
//! }))?;
//! file.append(Event::new(d(2025, 3, 3)?, Stage::Filed { approved_by: "HEAD-1".parse()? }))?;
//!
//! // The downstream store: here a String column, given back as written.
//! let stored: String = file.to_jsonl();
//! invariants::stored_case_file(&file, &stored)?;
//! invariants::record_tamper(&file)?;
//!
//! // A store that trims the final newline loses the record's closing form.
//! let trimmed = stored.trim_end().to_owned();
//! assert!(invariants::stored_case_file(&file, &trimmed).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Legal basis
//!
//! Each [`Invariant`] names its provision ([`Invariant::citation`]); a
//! [`Violation`] renders it beside the stable code, e.g.
//! `违反“罚款不超出法定幅度”（fine_within_statute，《中华人民共和国行政处罚法》第七十六条第一款第（二）项）：…`.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::assess::{Assessment, Modality, Tier, assess};
use crate::case::{Aggravating, Case, Correction, Harm, Mitigating};
use crate::catalogue::{Catalogue, PenaltyFacts};
use crate::decision::{Decision, Disposition, Notice};
use crate::guard::Severity;
use crate::law::Citation;
use crate::measure::PenaltyKind;
use crate::money::Money;
use crate::record::{CaseFile, Digest, ImportError};
use crate::regime::Regime;

vocabulary! {
    /// An invariant of DESIGN.md (不变量), with its stable code.
    pub enum Invariant {
        /// 1. Same inputs, same result, byte for byte in JSON.
        Determinism => "同一事实同一结果",
        /// 2. A decision's tier is in the lawful set, its fine in the tier's band.
        WithinLawfulSet => "处理结果不超出依法可以作出的范围",
        /// 3. Lighter facts never give a heavier outcome.
        Monotonicity => "过罚相当（情节越轻处理不重）",
        /// 4. A mandatory 不予处罚 yields no penalty, education, a correction
        /// order and the guardian order where due.
        MandatoryNoPenalty => "应当不予处罚的，不予处罚并履行教育、责令改正义务",
        /// 5. No fine above the statutory maximum; below the minimum only in 减轻.
        FineWithinStatute => "罚款不超出法定幅度",
        /// 6. No penalty after the Art. 36 period.
        Limitation => "超过追责期限不再给予行政处罚",
        /// 7. The applied version is never heavier than the one in force on the act day.
        VersionNeverHeavier => "从旧兼从轻",
        /// 8. Every citation renders to a provision whose text rouxing carries.
        CitationsReal => "援引的依据真实存在",
        /// 9. A document reads back as the same value.
        RoundTrip => "记录往返一致",
        /// 10. Any change to an exported case file is refused at its line.
        RecordTamper => "案卷记录不可篡改",
        /// 11. The legality guard finds nothing unlawful in the decision, and
        /// always finds something in a tier outside the lawful set.
        Guard => "法制审核未发现违法问题",
    }
}

impl Invariant {
    /// The provision the invariant rests on.
    ///
    /// | invariant | provision |
    /// |---|---|
    /// | determinism | Art. 5 ¶1 (公正) |
    /// | within the lawful set, monotonicity | Art. 5 ¶2 (过罚相当); Art. 34 for the set |
    /// | mandatory no penalty | Art. 33 ¶3 (education) |
    /// | fine within the statute | Art. 76 ¶1 (二) (擅自改变幅度) |
    /// | limitation | Art. 36 |
    /// | version | Art. 37 |
    /// | citations | Art. 5 ¶3 (依据必须公布) |
    /// | round trip, record tamper | Art. 47 (全过程记录，归档保存) |
    /// | guard | Art. 58 (法制审核) |
    pub const fn citation(self) -> Citation {
        match self {
            Invariant::Determinism => Citation::apl(5).para(1),
            Invariant::WithinLawfulSet => Citation::apl(34),
            Invariant::Monotonicity => Citation::apl(5).para(2),
            Invariant::MandatoryNoPenalty => Citation::apl(33).para(3),
            Invariant::FineWithinStatute => Citation::apl(76).para(1).item(2),
            Invariant::Limitation => Citation::apl(36),
            Invariant::VersionNeverHeavier => Citation::apl(37),
            Invariant::CitationsReal => Citation::apl(5).para(3),
            Invariant::RoundTrip | Invariant::RecordTamper => Citation::apl(47),
            Invariant::Guard => Citation::apl(58),
        }
    }

    /// Its number in DESIGN.md's list.
    pub const fn number(self) -> u8 {
        match self {
            Invariant::Determinism => 1,
            Invariant::WithinLawfulSet => 2,
            Invariant::Monotonicity => 3,
            Invariant::MandatoryNoPenalty => 4,
            Invariant::FineWithinStatute => 5,
            Invariant::Limitation => 6,
            Invariant::VersionNeverHeavier => 7,
            Invariant::CitationsReal => 8,
            Invariant::RoundTrip => 9,
            Invariant::RecordTamper => 10,
            Invariant::Guard => 11,
        }
    }
}

/// An invariant a value breaks: which one, the provision and what was found.
///
/// `Display` is Chinese with the stable code and the citation:
///
/// ```
/// use rouxing::invariants::{Invariant, Violation};
/// use rouxing::law::Citation;
/// let v = Violation::new(Invariant::Limitation, Citation::apl(36).para(1), "发现之日已超过追责期限");
/// assert_eq!(
///     v.to_string(),
///     "违反“超过追责期限不再给予行政处罚”（limitation，《中华人民共和国行政处罚法》第三十六条第一款）：发现之日已超过追责期限"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    /// The invariant broken.
    pub invariant: Invariant,
    /// The provision broken (more precise than [`Invariant::citation`]
    /// where the failure is, e.g. Art. 30 for a guardian order).
    pub citation: Citation,
    /// What was found, in Chinese.
    pub detail: String,
}

impl Violation {
    /// A violation of `invariant` under `citation`.
    pub fn new(invariant: Invariant, citation: Citation, detail: impl Into<String>) -> Violation {
        Violation { invariant, citation, detail: detail.into() }
    }

    fn of(invariant: Invariant, detail: impl Into<String>) -> Violation {
        Violation::new(invariant, invariant.citation(), detail)
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "违反“{}”（{}，{}）：{}",
            self.invariant.legal_name(),
            self.invariant.code(),
            self.citation,
            self.detail
        )
    }
}

impl std::error::Error for Violation {}

/// What [`assess`] takes: the case, the catalogue, the regime and the
/// decision date. The checkers recompute the assessment from these.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    /// The case.
    pub case: &'a Case,
    /// The catalogue.
    pub catalogue: &'a Catalogue,
    /// The regime.
    pub regime: &'a Regime,
    /// The decision date.
    pub as_of: NaiveDate,
}

impl<'a> Inputs<'a> {
    /// Bundles the inputs.
    pub const fn new(case: &'a Case, catalogue: &'a Catalogue, regime: &'a Regime, as_of: NaiveDate) -> Self {
        Inputs { case, catalogue, regime, as_of }
    }

    /// The assessment of these inputs.
    pub fn assess(&self) -> Assessment {
        assess(self.case, self.catalogue, self.regime, self.as_of)
    }

    /// The same inputs for another case.
    pub const fn with_case<'b>(&self, case: &'b Case) -> Inputs<'b>
    where
        'a: 'b,
    {
        Inputs { case, catalogue: self.catalogue, regime: self.regime, as_of: self.as_of }
    }
}

fn json<T: Serialize>(invariant: Invariant, v: &T) -> Result<String, Violation> {
    serde_json::to_string(v).map_err(|e| Violation::of(invariant, format!("无法序列化为 JSON：{e}")))
}

/// Invariant 1: `f` gives the same value twice, byte for byte in JSON.
///
/// Call it on a downstream wrapper (`|| my_decide(&case)`): a wrapper that
/// reads the clock, a random number or a hash map's order fails it.
///
/// # Errors
///
/// [`Invariant::Determinism`] when the two JSON texts differ (the first
/// differing byte is named) or a value cannot be serialised.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五条第一款: "行政处罚遵循公正、公开的原则。" The same facts
/// must give the same answer in a nightly batch and on appeal.
pub fn deterministic<T: Serialize>(f: impl Fn() -> T) -> Result<(), Violation> {
    let (a, b) = (json(Invariant::Determinism, &f())?, json(Invariant::Determinism, &f())?);
    if a == b {
        return Ok(());
    }
    let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let near = |s: &str| s.get(at.saturating_sub(20)..).unwrap_or(s).chars().take(40).collect::<String>();
    Err(Violation::of(
        Invariant::Determinism,
        format!("两次结果在第 {at} 字节处不同：`{}` 与 `{}`", near(&a), near(&b)),
    ))
}

/// Invariant 2: the decision's tier is in the lawful set recomputed from
/// the inputs, and its fine lies in that tier's band.
///
/// # Errors
///
/// [`Invariant::WithinLawfulSet`] naming the tier (or fine) and the lawful
/// set (or band).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十四条 (裁量基准, "规范行使行政处罚裁量权") and 第五条第二款
/// (过罚相当): an outcome outside the lawful set, or a fine outside the tier's
/// band, is not an exercise of the discretion the law grants.
pub fn within_lawful_set(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    let a = inputs.assess();
    let Some(option) = a.option(decision.tier) else {
        let set: Vec<&str> = a.lawful.iter().map(|o| o.tier.legal_name()).collect();
        return Err(Violation::of(
            Invariant::WithinLawfulSet,
            format!("决定为“{}”，依法可以作出的处理为：{}", decision.tier.legal_name(), set.join("、")),
        ));
    };
    if let (Some(fine), Some(band)) = (decision.fine(), option.fine_band) {
        if !band.contains(fine) {
            return Err(Violation::of(
                Invariant::WithinLawfulSet,
                format!("“{}”的罚款 {fine} 不在该档幅度 {band} 内", decision.tier.legal_name()),
            ));
        }
    }
    Ok(())
}

/// A change of one fact of a case, for [`monotone`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Change {
    /// Adds a mitigating circumstance (lighter).
    AddMitigating(Mitigating),
    /// The party corrected promptly on this day (lighter).
    CorrectPromptly(NaiveDate),
    /// Raises the harm to this level (heavier; no change if not higher).
    RaiseHarm(Harm),
    /// Adds an aggravating circumstance (heavier).
    AddAggravating(Aggravating),
}

impl Change {
    /// Whether the change makes the facts lighter.
    pub const fn is_lighter(self) -> bool {
        matches!(self, Change::AddMitigating(_) | Change::CorrectPromptly(_))
    }

    /// The case with the change applied, built through the validating
    /// builder; `None` when the change changes nothing or the builder
    /// refuses it.
    pub fn apply(self, case: &Case) -> Option<Case> {
        let b = case.to_builder();
        let b = match self {
            Change::AddMitigating(m) if !case.mitigating().contains(&m) => {
                let mut ms = case.mitigating().to_vec();
                ms.push(m);
                b.mitigating(ms)
            }
            Change::CorrectPromptly(on) if !case.correction().is_prompt() => {
                b.correction(Correction::Prompt { on })
            }
            Change::RaiseHarm(h) if h > case.harm() => b.harm(h),
            Change::AddAggravating(x) if !case.aggravating().contains(&x) => {
                let mut xs = case.aggravating().to_vec();
                xs.push(x);
                b.aggravating(xs)
            }
            _ => return None,
        };
        b.build().ok()
    }
}

/// Invariant 3: applying `change` to the case never makes the outcome of
/// `decide` heavier when the change is lighter, nor lighter when it is
/// heavier.
///
/// "Heavier" compares the lawful minimum (recomputed), the decided tier and,
/// within one tier, the fine. `decide` is the downstream system's own
/// decision function. A change that does not apply (already present, or
/// refused by the builder) has nothing to compare and passes.
///
/// # Errors
///
/// [`Invariant::Monotonicity`] naming the change and both outcomes.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五条第二款: the penalty is "与违法行为的事实、性质、情节以及社会危害程度相当";
/// 第三十二条: a mitigating circumstance leads to 从轻 or 减轻, never to more.
pub fn monotone(
    inputs: &Inputs<'_>,
    change: Change,
    decide: impl Fn(&Inputs<'_>) -> Decision,
) -> Result<(), Violation> {
    let Some(changed) = change.apply(inputs.case) else {
        return Ok(());
    };
    let changed_inputs = inputs.with_case(&changed);
    let outcome = |i: &Inputs<'_>| {
        let d = decide(i);
        (i.assess().most_lenient(), d.tier, d.fine())
    };
    let (before, after) = (outcome(inputs), outcome(&changed_inputs));
    let (lighter, heavier) = if change.is_lighter() { (after, before) } else { (before, after) };
    let fines_ok = match (lighter.2, heavier.2) {
        (Some(x), Some(y)) => lighter.1 < heavier.1 || x <= y,
        _ => true,
    };
    if lighter.0 <= heavier.0 && lighter.1 <= heavier.1 && fines_ok {
        return Ok(());
    }
    let show = |o: (Tier, Tier, Option<Money>)| {
        let fine = o.2.map(|f| format!("，罚款 {f}")).unwrap_or_default();
        format!("最轻可为“{}”，决定“{}”{fine}", o.0.legal_name(), o.1.legal_name())
    };
    Err(Violation::of(
        Invariant::Monotonicity,
        format!("变更 {change:?} 之前：{}；之后：{}", show(before), show(after)),
    ))
}

/// Invariant 4: where the only lawful outcome is a mandatory 不予处罚 (and no
/// bar applies), the decision imposes no penalty, educates the party, orders
/// correction and gives the guardian order the assessment finds.
///
/// # Errors
///
/// [`Invariant::MandatoryNoPenalty`] citing the duty left out: Art. 33 ¶3
/// (education), Art. 28 ¶1 (correction), Art. 30 or Art. 31 (guardian
/// order), or the ground itself (a penalty imposed).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十条、第三十一条、第三十三条第一款、第二款 ("不予行政处罚"),
/// 第三十三条第三款 ("对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育"),
/// 第二十八条第一款 ("应当责令当事人改正或者限期改正违法行为"). The confiscation of
/// established illegal gains that the regime's reading of 第二十八条第二款 requires on a
/// 不予处罚 outcome ([`GainsOnNoPenalty`](crate::regime::GainsOnNoPenalty)) is not a penalty here.
pub fn mandatory_no_penalty(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    let a = inputs.assess();
    let mandatory = match a.lawful.as_slice() {
        [only] if a.bar.is_none() && only.tier == Tier::NoPenalty && only.modality == Modality::Mandatory => {
            only
        }
        _ => return Ok(()),
    };
    let ground = mandatory.grounds.first().map_or(Citation::apl(33), |g| g.citation());
    let fail = |citation: Citation, detail: &str| {
        Err(Violation::new(Invariant::MandatoryNoPenalty, citation, detail))
    };
    if decision.tier != Tier::NoPenalty
        || decision.disposition == Disposition::Penalty
        || !crate::guard::only_gains_confiscated(&a, decision, inputs.regime)
    {
        return fail(ground, "依法应当不予处罚，决定却给予了行政处罚");
    }
    if !decision.education {
        return fail(Citation::apl(33).para(3), "不予处罚的，未对当事人进行教育");
    }
    if decision.correction.is_none() {
        return fail(Citation::apl(28).para(1), "未责令当事人改正违法行为");
    }
    if let Some(due) = a.guardian_order {
        if decision.guardian_order != Some(due) {
            let citation = match due {
                crate::measure::GuardianOrder::Discipline => Citation::apl(30),
                _ => Citation::apl(31).sentence(1),
            };
            return fail(citation, &format!("未{}", due.legal_name()));
        }
    }
    Ok(())
}

/// Invariant 5: no fine above the statutory maximum; below the minimum only
/// in 减轻处罚; no fine at all in 不予处罚.
///
/// The bounds are the applied version's, recomputed for this party and these
/// amounts.
///
/// # Errors
///
/// [`Invariant::FineWithinStatute`] naming the fine and the bounds.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第七十六条第一款第（二）项 ("擅自改变行政处罚种类、幅度的"); 第三十二条
/// (减轻 is the only way below the minimum).
pub fn fine_within_statute(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    let Some(fine) = decision.fine() else {
        return Ok(());
    };
    if decision.tier == Tier::NoPenalty && !fine.is_zero() {
        return Err(Violation::new(
            Invariant::FineWithinStatute,
            Citation::apl(33),
            format!("不予处罚的决定处罚款 {fine}"),
        ));
    }
    let a = inputs.assess();
    let Some(bounds) = a.version.as_ref().and_then(|v| v.fine_bounds) else {
        return Ok(());
    };
    if fine > bounds.max() {
        return Err(Violation::of(
            Invariant::FineWithinStatute,
            format!("罚款 {fine} 高于法定最高额 {}", bounds.max()),
        ));
    }
    if fine < bounds.min() && decision.tier != Tier::Mitigated {
        return Err(Violation::new(
            Invariant::FineWithinStatute,
            Citation::apl(32),
            format!(
                "罚款 {fine} 低于法定最低额 {}，而决定为“{}”而非减轻处罚",
                bounds.min(),
                decision.tier.legal_name()
            ),
        ));
    }
    Ok(())
}

/// Invariant 6: after the Art. 36 period no penalty; the period recomputed
/// from the case counts from the end of a continuing act and is five years
/// only with harm in a life, health or financial-safety sector.
///
/// # Errors
///
/// [`Invariant::Limitation`] citing Art. 36 ¶1 (a penalty after the period,
/// or an extension without its conditions) or Art. 36 ¶2 (the wrong day
/// counted from).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十六条: "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民
/// 生命健康安全、金融安全且有危害后果的，上述期限延长至五年。…违法行为有连续或者继续状态的，从行为终了之日起计算。"
pub fn limitation(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    let a = inputs.assess();
    let Some(l) = a.limitation else {
        return Ok(());
    };
    let case = inputs.case;
    let end = case.act().end().unwrap_or(case.act().start());
    if l.counts_from != end {
        return Err(Violation::new(
            Invariant::Limitation,
            Citation::apl(36).para(2),
            format!("期限自 {} 起算，违法行为终了之日为 {end}", l.counts_from),
        ));
    }
    if l.years == 5 && !l.by_other_law {
        let sector = inputs
            .catalogue
            .get(case.item())
            .map(|i| i.sectors.as_slice())
            .unwrap_or_default()
            .iter()
            .chain(case.sectors())
            .any(|s| s.extends_limitation());
        if case.harm() == Harm::None || !sector {
            return Err(Violation::new(
                Invariant::Limitation,
                Citation::apl(36).para(1),
                "期限延长至五年，但不涉及生命健康安全、金融安全或者没有危害后果",
            ));
        }
    }
    let expired = case.discovered_on() > l.last_day;
    if expired && (decision.disposition == Disposition::Penalty || !decision.sanctions.is_empty()) {
        return Err(Violation::new(
            Invariant::Limitation,
            Citation::apl(36).para(1),
            format!("{} 发现，追责期限至 {} 届满，决定仍给予行政处罚", case.discovered_on(), l.last_day),
        ));
    }
    Ok(())
}

/// Invariant 7: neither the applied version nor the decision is heavier
/// than the version in force on the day the act was committed (its end for
/// a continuing act): the heaviest Art. 9 group, and for one provision the
/// fine maximum, do not rise.
///
/// # Errors
///
/// [`Invariant::VersionNeverHeavier`] naming what rose.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十七条: "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。
/// 但是，…新的规定处罚较轻或者不认为是违法的，适用新的规定。"
pub fn version_never_heavier(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    let case = inputs.case;
    let Some(item) = inputs.catalogue.get(case.item()) else {
        return Ok(());
    };
    let facts = PenaltyFacts {
        natural_person: case.party().is_natural_person(),
        gravity: case.gravity(),
        harm: case.harm(),
        correction: case.correction(),
    };
    let act_day = case.act().end().unwrap_or(case.act().start());
    let Some(old) = item.penalty_on(act_day).map(|p| p.resolve(&facts)) else {
        return Ok(());
    };
    let old_group = old.heaviest_group();
    let decided_group = decision
        .sanctions
        .iter()
        .filter(|s| s.kind != PenaltyKind::ConfiscateIllegalGains)
        .map(|s| s.kind.group())
        .max()
        .unwrap_or(0);
    if case.also_violates().is_empty() && decided_group > old_group {
        return Err(Violation::of(
            Invariant::VersionNeverHeavier,
            format!("决定的处罚种类重于违法行为发生时（{act_day}）的规定"),
        ));
    }
    let a = inputs.assess();
    let Some(applied) = a.version.as_ref().and_then(|v| v.penalty.as_ref().map(|p| (v, p))) else {
        return Ok(());
    };
    if applied.1.heaviest_group() > old_group {
        return Err(Violation::of(
            Invariant::VersionNeverHeavier,
            format!("适用的“{}”重于违法行为发生时（{act_day}）的规定", applied.0.provision),
        ));
    }
    let old_bounds = old.fine_for(case.party().is_natural_person()).and_then(|r| r.bounds(case.amounts()));
    if let (Some(new), Some(old_b)) = (applied.0.fine_bounds, old_bounds) {
        if case.also_violates().is_empty()
            && applied.1.heaviest_group() == old_group
            && new.max() > old_b.max()
        {
            return Err(Violation::of(
                Invariant::VersionNeverHeavier,
                format!("适用的罚款上限 {} 高于违法行为发生时的 {}", new.max(), old_b.max()),
            ));
        }
    }
    Ok(())
}

/// Invariant 8: every citation in an assessment and a decision — fired
/// rules, grounds, duties, deadlines, legal-review triggers — renders to a
/// provision whose text rouxing carries.
///
/// Run it on the assessment and decision a downstream system stores or
/// sends (after its own edits and its own serialisation).
///
/// # Errors
///
/// [`Invariant::CitationsReal`] naming the citation and where it was.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五条第三款: "对违法行为给予行政处罚的规定必须公布；未经公布的，不得作为
/// 行政处罚的依据。" A citation of no published provision is no basis.
pub fn citations_real(assessment: &Assessment, decision: &Decision) -> Result<(), Violation> {
    let unknown = |c: Citation, place: &str| {
        if c.is_known() {
            Ok(())
        } else {
            Err(Violation::of(Invariant::CitationsReal, format!("{place}援引的“{c}”不是 rouxing 收录的条文")))
        }
    };
    for t in assessment.trace.iter().filter(|t| t.fired) {
        unknown(t.citation, "规则")?;
    }
    for g in assessment.lawful.iter().flat_map(|o| &o.grounds) {
        unknown(g.citation(), "理由")?;
    }
    for d in &assessment.duties {
        unknown(d.citation(), "义务")?;
    }
    for d in &assessment.deadlines {
        unknown(d.kind.citation(), "期限")?;
    }
    for g in &decision.reasons.grounds {
        unknown(g.citation(), "决定理由")?;
    }
    if let Some(bar) = decision.reasons.bar {
        unknown(bar.citation(), "决定理由")?;
    }
    // A trigger a regime sets cites the regime's own document, which the
    // regime names and rouxing does not carry; the statute's items must be
    // real.
    for t in &decision.duties.legal_review {
        if let Some(c) = t.statute() {
            unknown(c, "法制审核")?;
        }
    }
    Ok(())
}

/// Invariant 9: a value serialised to JSON reads back as the same value,
/// and serialises again to the same bytes.
///
/// # Errors
///
/// [`Invariant::RoundTrip`] when the text does not parse, parses to another
/// value, or re-serialises differently.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十七条 ("全过程记录，归档保存"): what is archived must read back as
/// what was decided.
pub fn json_round_trip<T: Serialize + DeserializeOwned + PartialEq>(value: &T) -> Result<(), Violation> {
    let text = json(Invariant::RoundTrip, value)?;
    let back: T = serde_json::from_str(&text)
        .map_err(|e| Violation::of(Invariant::RoundTrip, format!("读回失败：{e}")))?;
    if back != *value {
        return Err(Violation::of(Invariant::RoundTrip, "读回的值与原值不同"));
    }
    let again = json(Invariant::RoundTrip, &back)?;
    if again != text {
        return Err(Violation::of(Invariant::RoundTrip, "读回后再次序列化的文本不同"));
    }
    Ok(())
}

/// Invariant 9 for a code: `Display`, `FromStr` and serde agree, and the
/// code is snake_case ASCII.
///
/// # Errors
///
/// [`Invariant::RoundTrip`] naming the code.
pub fn code_round_trip<T>(value: T) -> Result<(), Violation>
where
    T: fmt::Display + std::str::FromStr + Serialize + DeserializeOwned + PartialEq + Copy,
{
    let code = value.to_string();
    let fail = |what: &str| Err(Violation::of(Invariant::RoundTrip, format!("代码 `{code}` {what}")));
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return fail("不是 snake_case");
    }
    if code.parse::<T>().ok() != Some(value) {
        return fail("经 FromStr 读回不同");
    }
    if json(Invariant::RoundTrip, &value)? != format!("\"{code}\"") {
        return fail("的 JSON 形式与 Display 不同");
    }
    if serde_json::from_str::<T>(&format!("\"{code}\"")).ok() != Some(value) {
        return fail("经 serde 读回不同");
    }
    Ok(())
}

/// Invariants 9 and 10 for a downstream store: the text it gives back for
/// `file` imports ([`CaseFile::from_jsonl`]) to a file with the same head
/// and length.
///
/// # Errors
///
/// [`Invariant::RoundTrip`] with the import error's line, or naming the
/// head that differs.
pub fn stored_case_file(file: &CaseFile, stored: &str) -> Result<(), Violation> {
    let back = CaseFile::from_jsonl(stored).map_err(|e| {
        Violation::of(Invariant::RoundTrip, format!("保存的案卷第 {} 行无法读回：{e}", e.line()))
    })?;
    if back.head() != file.head() || back.len() != file.len() {
        return Err(Violation::of(
            Invariant::RoundTrip,
            format!(
                "保存的案卷读回为 {} 条、末项 {}，原案卷为 {} 条、末项 {}",
                back.len(),
                back.head(),
                file.len(),
                file.head()
            ),
        ));
    }
    Ok(())
}

/// Invariant 10: every change, deletion, insertion and reordering of a line
/// of `file`'s export is refused by [`CaseFile::from_jsonl`] at the line
/// where it happened (or, for a deleted or inserted line, at that line or
/// later).
///
/// # Errors
///
/// [`Invariant::RecordTamper`] naming the alteration that was accepted or
/// refused at the wrong line.
pub fn record_tamper(file: &CaseFile) -> Result<(), Violation> {
    let text = file.to_jsonl();
    stored_case_file(file, &text)?;
    tamper_evident(&text, |t| CaseFile::from_jsonl(t).map(|f| f.head()))
}

/// Invariant 10 for any importer of case files: `import` must accept `text`
/// and refuse each alteration of it — one character of a line changed, a
/// line deleted, a line duplicated, two adjacent lines swapped — with an
/// [`ImportError`] on the altered line (for a deletion or a duplication, on
/// that line or a later one).
///
/// `import` is the downstream system's own import path (with its own
/// expected head, for example), returning the imported file's head.
///
/// # Errors
///
/// [`Invariant::RecordTamper`] naming the first alteration accepted, or
/// refused at an earlier line.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十七条: the record of 启动、调查取证、审核、决定、送达、执行 is archived;
/// 《优化营商环境条例》第五十八条: "行政执法全过程留痕和可回溯管理".
pub fn tamper_evident(
    text: &str,
    import: impl Fn(&str) -> Result<Digest, ImportError>,
) -> Result<(), Violation> {
    let fail = |detail: String| Err(Violation::of(Invariant::RecordTamper, detail));
    if let Err(e) = import(text) {
        return fail(format!("原案卷第 {} 行即无法导入：{e}", e.line()));
    }
    let lines: Vec<&str> = text.split_terminator('\n').collect();
    let join = |ls: &[&str]| {
        let mut s = ls.join("\n");
        s.push('\n');
        s
    };
    for i in 0..lines.len() {
        let line_no = i + 1;
        let mut altered = lines.clone();
        // One character changed: the last digit or letter before the line's end.
        let Some(line) = lines.get(i) else { continue };
        let changed = change_one_char(line);
        if let Some(slot) = altered.get_mut(i) {
            *slot = changed.as_str();
        }
        match import(&join(&altered)) {
            Ok(_) => return fail(format!("第 {line_no} 行改动一个字符后仍被接受")),
            Err(e) if e.line() != line_no => {
                return fail(format!("第 {line_no} 行改动一个字符，错误却指向第 {} 行：{e}", e.line()));
            }
            Err(_) => {}
        }
        let mut deleted = lines.clone();
        deleted.remove(i);
        match import(&join(&deleted)) {
            Ok(_) => return fail(format!("删除第 {line_no} 行后仍被接受")),
            Err(e) if e.line() < line_no => {
                return fail(format!("删除第 {line_no} 行，错误却指向之前的第 {} 行", e.line()));
            }
            Err(_) => {}
        }
        let mut doubled = lines.clone();
        doubled.insert(i, line);
        match import(&join(&doubled)) {
            Ok(_) => return fail(format!("重复第 {line_no} 行后仍被接受")),
            Err(e) if e.line() < line_no => {
                return fail(format!("重复第 {line_no} 行，错误却指向之前的第 {} 行", e.line()));
            }
            Err(_) => {}
        }
        if i + 1 < lines.len() {
            let mut swapped = lines.clone();
            swapped.swap(i, i + 1);
            match import(&join(&swapped)) {
                Ok(_) => return fail(format!("交换第 {line_no} 行与第 {} 行后仍被接受", line_no + 1)),
                Err(e) if e.line() != line_no => {
                    return fail(format!("交换第 {line_no} 行与下一行，错误却指向第 {} 行", e.line()));
                }
                Err(_) => {}
            }
        }
    }
    Ok(())
}

/// The line with its last ASCII alphanumeric character replaced by another
/// one (a digit by the next digit, a letter by the next letter).
fn change_one_char(line: &str) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    if let Some(c) = chars.iter_mut().rev().find(|c| c.is_ascii_alphanumeric()) {
        *c = match *c {
            '9' => '0',
            'z' => 'a',
            'Z' => 'A',
            d => char::from_u32(u32::from(d) + 1).unwrap_or('0'),
        };
    } else {
        chars.push(' ');
    }
    chars.into_iter().collect()
}

/// Invariant 11: the legality guard ([`review`](crate::guard::review)) finds
/// nothing of severity 违法 ([`Severity::Unlawful`]) in the decision, and a
/// decision whose tier is outside the lawful set never passes it unnoticed.
///
/// The guard reviews the decision as of its own date
/// (`decision.decided_on`), from the case, the catalogue and the regime of
/// `inputs`, and against `notice` (`None` for a draft still to be notified,
/// as for [`review`](crate::guard::review)). A decision the downstream
/// system would issue must come out without an unlawful finding; a
/// recommendation always does. The second half holds the guard to its own
/// guarantee: were the tier outside the lawful set recomputed for that day
/// and the guard silent, the checker reports it under 第三十四条.
///
/// # Errors
///
/// [`Invariant::Guard`] citing the first unlawful finding's own provision,
/// with its code and explanation; or citing Art. 34 when the tier is outside
/// the lawful set and no finding is unlawful.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条: legal review checks "适用法律、法规、规章是否准确，裁量基准
/// 运用是否适当…执法程序是否合法"; 山丹县实施方案 四(三) brings every flexible decision under it.
/// Each finding cites the provision it applies.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::invariants::{self, Inputs, Invariant};
/// use rouxing::{Case, Catalogue, Regime, Tier, assess, recommend};
///
/// let catalogue = Catalogue::bundled()?;
/// let case = Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?;
/// let regime = Regime::national();
/// let inputs = Inputs::new(&case, &catalogue, &regime, NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
/// let decision = recommend(&assess(&case, &catalogue, &regime, inputs.as_of), &regime);
/// invariants::guard_lawful(&inputs, &decision, None)?;
///
/// // Let off by hand: no penalty, nothing else changed.
/// let mut let_off = decision.clone();
/// let_off.tier = Tier::NoPenalty;
/// let_off.sanctions.clear();
/// let v = invariants::guard_lawful(&inputs, &let_off, None).unwrap_err();
/// assert_eq!(v.invariant, Invariant::Guard);
/// assert!(v.to_string().starts_with("违反“法制审核未发现违法问题”（guard，"), "{v}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn guard_lawful(
    inputs: &Inputs<'_>,
    decision: &Decision,
    notice: Option<&Notice>,
) -> Result<(), Violation> {
    let a = assess(inputs.case, inputs.catalogue, inputs.regime, decision.decided_on);
    let r = crate::guard::review_assessed(inputs.case, &a, inputs.regime, decision, notice);
    if let Some(f) = r.of(Severity::Unlawful).next() {
        return Err(Violation::new(
            Invariant::Guard,
            // A document a regime names is cited through the statute's item
            // that makes it binding (an unlawful missing review under a
            // 法律 or 法规: Art. 58 ¶1 (四)).
            f.citation.citation().unwrap_or(Citation::apl(58).para(1).item(4)),
            format!("法制审核发现违法问题（{}）：{}", f.code.code(), f.explanation()),
        ));
    }
    if !a.is_lawful(decision.tier) {
        let set: Vec<&str> = a.lawful.iter().map(|o| o.tier.legal_name()).collect();
        return Err(Violation::new(
            Invariant::Guard,
            Citation::apl(34),
            format!(
                "决定为“{}”，不在依法可以作出的处理（{}）之内，法制审核却未发现违法问题",
                decision.tier.legal_name(),
                set.join("、")
            ),
        ));
    }
    Ok(())
}

/// Runs every decision-level checker ([`within_lawful_set`],
/// [`mandatory_no_penalty`], [`fine_within_statute`], [`limitation`],
/// [`version_never_heavier`], [`citations_real`] on the recomputed
/// assessment, [`guard_lawful`] on the decision as a draft to be notified,
/// [`json_round_trip`] of the decision) and returns the first violation.
///
/// # Errors
///
/// The first [`Violation`] found.
pub fn check_decision(inputs: &Inputs<'_>, decision: &Decision) -> Result<(), Violation> {
    within_lawful_set(inputs, decision)?;
    mandatory_no_penalty(inputs, decision)?;
    fine_within_statute(inputs, decision)?;
    limitation(inputs, decision)?;
    version_never_heavier(inputs, decision)?;
    citations_real(&inputs.assess(), decision)?;
    guard_lawful(inputs, decision, None)?;
    json_round_trip(decision)
}
