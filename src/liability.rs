//! The officers' liability-exemption list (免责清单, 尽职免责): the situations in
//! which an officer who applied flexible enforcement in good faith and by the
//! rules is not held responsible when the outcome later proves wrong.
//!
//! The county plan names two lists side by side: "以免罚清单、免责清单为载体"
//! (山丹县实施方案 四(二)). The 免罚清单 is the [`Catalogue`]'s 两轻一免 entries; the
//! 免责清单 is an [`ExemptionList`]: entries, each with its verbatim text and
//! the [`DutyCondition`]s that must all hold. [`ExemptionList::check`] is a
//! pure function over the decision, its assessment, the list register and
//! the facts of the case file and of the later inquiry ([`DutyRecord`]): it
//! recomputes each condition from what the decision did — the lawful set,
//! the review duty, the list's filing — and says, entry by entry, which
//! conditions were met.
//!
//! The conditions are a documented proposal: the Gansu market-regulation
//! rule 《甘肃省市场监督管理包容审慎执法免责规定（试行）》 (2021) exempts officers who
//! apply the lists in good faith, but its text could not be confirmed; the
//! conditions here are those the 行政处罚法 itself makes the measure of a
//! lawful decision (Arts. 38, 44, 47, 57, 58) plus good faith. A department
//! loads its own list as data.
//!
//! # Format
//!
//! ```json
//! {"schema_version": 1, "name": "…", "issuer": "…", "entries": [
//!   {"id": "MZ-1", "text": "…", "requires": ["listed_situation", "lawful_outcome", "full_record"]}
//! ]}
//! ```
//!
//! # Legal basis
//!
//! 山丹县实施方案 四(二) (`第四部分第（二）项第二句`): "以免罚清单、免责清单为载体"; 《中华人民共和国行政处罚法》
//! 第七十六条 (the grounds on which officers are held responsible: no legal basis, changing the kind
//! or range, breaking the procedure) — an officer who breached none of them acted by the rules.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Ground};
use crate::case::CaseId;
use crate::catalogue::{Catalogue, LoadError, parse_json};
use crate::decision::{Decision, Disposition, procedure_duties};
use crate::law::{Citation, Instrument};
use crate::regime::Regime;
use crate::register::Register;

/// The schema version of the exemption-list format.
pub const EXEMPTION_SCHEMA_VERSION: u32 = 1;

vocabulary! {
    /// A condition of a 免责清单 entry.
    ///
    /// This enum is non-exhaustive so that other conditions may be added in
    /// semver compatible releases.
    #[non_exhaustive]
    pub enum DutyCondition {
        /// The decision relied on a 两轻一免 list entry that applies on the
        /// facts (the assessment found it a ground of the tier decided) and
        /// whose list version was filed (报备) by the decision day (山丹县实施方案
        /// 六(一)).
        ListedSituation => "依照已公布并报备的清单作出",
        /// The tier decided was lawful on the facts, and any fine within its
        /// band (Art. 38, Art. 5 ¶2).
        LawfulOutcome => "处理结果在法定范围内",
        /// Where legal review was required, it was passed before the decision
        /// (Art. 58 ¶1).
        LegalReviewPassed => "依法经法制审核通过",
        /// Where a collective decision was required, it was taken (Art. 57 ¶2).
        CollectiveDecision => "依法经集体讨论决定",
        /// For a penalty, the party was notified before the decision or
        /// waived its statement (Arts. 44, 62).
        ProcedureFollowed => "履行告知和陈述申辩程序",
        /// The full-process record is complete and its hash chain verifies
        /// (Art. 47).
        FullRecord => "全过程记录完整且未被篡改",
        /// The inquiry found no personal interest or conflict of interest.
        NoConflictOfInterest => "与当事人无利害关系、未谋取私利",
        /// The inquiry found the error caused by the party's concealment or
        /// false material, or by evidence that surfaced later.
        ErrorNotOfficers => "错误系当事人隐瞒、提供虚假材料或者事后新证据所致",
        /// The error was corrected within the entry's period of its
        /// discovery.
        CorrectedPromptly => "发现错误后及时纠正",
    }
}

vocabulary! {
    /// What the later inquiry found caused the error.
    pub enum ErrorCause {
        /// 当事人隐瞒事实或者提供虚假材料.
        PartyConcealment => "当事人隐瞒事实或者提供虚假材料",
        /// 事后出现的新证据.
        NewEvidence => "事后出现的新证据",
        /// 执法人员认定或者适用错误.
        OfficerError => "执法人员认定或者适用错误",
    }
}

/// One entry of a 免责清单.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExemptionEntry {
    /// The entry's id.
    pub id: String,
    /// The entry's text, verbatim.
    pub text: String,
    /// The conditions; all must hold.
    pub requires: Vec<DutyCondition>,
    /// The days after discovery within which the error must be corrected,
    /// for [`DutyCondition::CorrectedPromptly`] (default 30; a choice).
    #[serde(default = "default_correction_days")]
    pub correction_days: u32,
}

fn default_correction_days() -> u32 {
    30
}

/// A department's 免责清单.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExemptionList {
    /// The schema version.
    pub schema_version: u32,
    /// The list's title.
    pub name: String,
    /// The issuer.
    pub issuer: String,
    /// The entries.
    pub entries: Vec<ExemptionEntry>,
}

/// The error returned when an exemption list cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExemptionListError {
    /// The document does not parse.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The schema version is not the one this release reads.
    #[error(
        "{file}: field `schema_version`: unsupported schema version `{found}`, expected {EXEMPTION_SCHEMA_VERSION}"
    )]
    Schema {
        /// The file.
        file: String,
        /// The version found.
        found: u32,
    },
    /// An entry has no conditions: it would exempt without any check.
    #[error("{file}: field `entries[{index}].requires`: entry `{id}` has no conditions")]
    NoConditions {
        /// The file.
        file: String,
        /// The entry's index.
        index: usize,
        /// The entry's id (a short prefix).
        id: String,
    },
    /// Two entries share an id.
    #[error("{file}: field `entries[{index}].id`: duplicate entry id `{id}`")]
    DuplicateId {
        /// The file.
        file: String,
        /// The index of the second entry.
        index: usize,
        /// The id (a short prefix).
        id: String,
    },
}

/// The facts of the case file and of the later inquiry that the conditions
/// read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyRecord {
    /// The day a legal review was passed, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub review_passed_on: Option<NaiveDate>,
    /// The day of the collective decision, if one was taken.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub collective_decided_on: Option<NaiveDate>,
    /// The day the Art. 44 notice was given, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub notice_given_on: Option<NaiveDate>,
    /// Whether the party expressly waived its statement (Art. 62).
    #[serde(default)]
    pub statement_waived: bool,
    /// Whether the case file's hash chain verifies and the record is
    /// complete (`CaseFile::verify` succeeded and the file is closed).
    pub record_intact: bool,
    /// The day the decision was found wrong.
    #[serde(with = "crate::serde_date")]
    pub found_wrong_on: NaiveDate,
    /// What the inquiry found caused the error.
    pub cause: ErrorCause,
    /// Whether the inquiry found a personal interest or conflict of interest.
    pub conflict_of_interest: bool,
    /// The day the error was corrected, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub corrected_on: Option<NaiveDate>,
}

/// One condition, checked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionCheck {
    /// The condition.
    pub condition: DutyCondition,
    /// Whether it was met.
    pub met: bool,
    /// Why, in one line.
    pub why: String,
}

/// One entry, checked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryCheck {
    /// The entry.
    pub entry: String,
    /// Its conditions, checked, in the entry's order.
    pub conditions: Vec<ConditionCheck>,
    /// Whether every condition was met.
    pub met: bool,
}

/// Whether, and under which entries, the officers of a decision later found
/// wrong are exempt.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiabilityCheck {
    /// The case.
    pub case_id: CaseId,
    /// Every entry, checked.
    pub entries: Vec<EntryCheck>,
}

impl LiabilityCheck {
    /// 山丹县实施方案 四(二): "以免罚清单、免责清单为载体".
    pub const CITATION: Citation =
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2).sentence(2);

    /// The entries whose conditions were all met.
    pub fn exempting(&self) -> impl Iterator<Item = &EntryCheck> {
        self.entries.iter().filter(|e| e.met)
    }

    /// Whether some entry's conditions were all met.
    pub fn exempt(&self) -> bool {
        self.exempting().next().is_some()
    }
}

/// The inputs of a check besides the decision.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The department's catalogue (for the list entries relied on).
    pub catalogue: &'a Catalogue,
    /// The list register.
    pub register: &'a Register,
    /// The regime (to recompute review and collective-decision duties).
    pub regime: &'a Regime,
}

impl ExemptionList {
    /// Loads a list from JSON in the documented format.
    ///
    /// # Errors
    ///
    /// [`ExemptionListError`]: a malformed document (naming file, line,
    /// field and value), another schema version, an entry without conditions
    /// or a duplicate id.
    pub fn from_json_named(file: &str, text: &str) -> Result<ExemptionList, ExemptionListError> {
        let list: ExemptionList = parse_json(file, text)?;
        if list.schema_version != EXEMPTION_SCHEMA_VERSION {
            return Err(ExemptionListError::Schema { file: file.to_owned(), found: list.schema_version });
        }
        let repeat = crate::dedup::first_repeating(&list.entries, |x| &x.id).map(|(i, _)| i);
        for (index, e) in list.entries.iter().enumerate() {
            let id = crate::ident::prefix(&e.id);
            if e.requires.is_empty() {
                return Err(ExemptionListError::NoConditions { file: file.to_owned(), index, id });
            }
            if repeat == Some(index) {
                return Err(ExemptionListError::DuplicateId { file: file.to_owned(), index, id });
            }
        }
        Ok(list)
    }

    /// The sample list shipped with rouxing (`examples/data/liability/exemptions.json`):
    /// a documented proposal, see the [module documentation](self).
    ///
    /// # Errors
    ///
    /// Never in a released crate (a test loads it).
    pub fn sample() -> Result<ExemptionList, ExemptionListError> {
        ExemptionList::from_json_named(
            "examples/data/liability/exemptions.json",
            include_str!("../examples/data/liability/exemptions.json"),
        )
    }

    /// Checks every entry against a decision later found wrong.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::liability::{Context, DutyRecord, ErrorCause, ExemptionList};
    /// use rouxing::register::Register;
    /// use rouxing::{assess, recommend, Case, Catalogue, Regime};
    ///
    /// let catalogue = Catalogue::bundled()?;
    /// let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
    /// let regime = Regime::shandan_sample();
    /// let a = assess(&case, &catalogue, &regime, NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
    /// let d = recommend(&a, &regime);
    /// let record = DutyRecord {
    ///     review_passed_on: Some(d.decided_on),
    ///     collective_decided_on: None,
    ///     notice_given_on: None,
    ///     statement_waived: false,
    ///     record_intact: true,
    ///     found_wrong_on: NaiveDate::from_ymd_opt(2027, 3, 1).ok_or("date")?,
    ///     cause: ErrorCause::PartyConcealment,
    ///     conflict_of_interest: false,
    ///     corrected_on: None,
    /// };
    /// let register = Register::new(vec![])?;
    /// let cx = Context { catalogue: &catalogue, register: &register, regime: &regime };
    /// let check = ExemptionList::sample()?.check(&a, &d, &record, cx);
    /// // The party concealed facts, the review passed, the record is intact.
    /// assert!(check.exempting().any(|e| e.entry == "MZ-2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(
        &self,
        a: &Assessment,
        d: &Decision,
        record: &DutyRecord,
        cx: Context<'_>,
    ) -> LiabilityCheck {
        let entries = self
            .entries
            .iter()
            .map(|e| {
                let conditions: Vec<ConditionCheck> =
                    e.requires.iter().map(|c| condition(*c, e, a, d, record, cx)).collect();
                EntryCheck { entry: e.id.clone(), met: conditions.iter().all(|c| c.met), conditions }
            })
            .collect();
        LiabilityCheck { case_id: d.case_id.clone(), entries }
    }
}

fn condition(
    c: DutyCondition,
    entry: &ExemptionEntry,
    a: &Assessment,
    d: &Decision,
    r: &DutyRecord,
    cx: Context<'_>,
) -> ConditionCheck {
    let (met, why): (bool, String) = match c {
        DutyCondition::ListedSituation => {
            // The entries that made the decided tier lawful, from the
            // assessment (not the decision's own citation of them).
            let applied: Vec<&crate::catalogue::EntryId> = a
                .lawful
                .iter()
                .filter(|o| o.tier == d.tier)
                .flat_map(|o| &o.grounds)
                .filter_map(|g| match g {
                    Ground::ListEntry { index, .. } => {
                        a.item.as_ref().and_then(|i| i.entries.get(usize::from(*index))).map(|e| &e.id)
                    }
                    _ => None,
                })
                .collect();
            let unsupported: Vec<crate::catalogue::EntryId> =
                d.reasons.entries.iter().filter(|e| !applied.contains(e)).cloned().collect();
            if d.reasons.entries.is_empty() {
                (false, "决定未依据清单事项".to_owned())
            } else if !unsupported.is_empty() {
                (false, format!("清单事项{}不适用于本案事实", join(&unsupported)))
            } else {
                let issues = cx.register.check(cx.catalogue, std::slice::from_ref(d));
                match issues.first() {
                    None => (true, format!("依据清单事项{}，清单已报备", join(&d.reasons.entries))),
                    Some(f) => (false, f.to_string()),
                }
            }
        }
        DutyCondition::LawfulOutcome => {
            let option = a.lawful.iter().find(|o| o.tier == d.tier);
            match (option, d.fine()) {
                (None, _) => (false, format!("{}不在依法可以作出的处理之内", d.tier.legal_name())),
                (Some(o), Some(f)) if o.fine_band.is_some_and(|b| !b.contains(f)) => {
                    (false, format!("罚款{f}超出{}幅度", d.tier.legal_name()))
                }
                (Some(_), _) => (true, format!("{}在依法可以作出的处理之内", d.tier.legal_name())),
            }
        }
        DutyCondition::LegalReviewPassed => {
            let required = !procedure_duties(a, cx.regime, d.tier, &d.sanctions).legal_review.is_empty();
            match r.review_passed_on {
                Some(on) if on <= d.decided_on => (true, format!("{on}法制审核通过")),
                Some(on) => (false, format!("法制审核通过晚于决定（{on}）")),
                None if required => (false, "应当法制审核而未经审核通过".to_owned()),
                None => (true, "无需法制审核".to_owned()),
            }
        }
        DutyCondition::CollectiveDecision => {
            let required = procedure_duties(a, cx.regime, d.tier, &d.sanctions).collective_decision;
            match r.collective_decided_on {
                Some(on) if on <= d.decided_on => (true, format!("{on}集体讨论决定")),
                _ if !required => (true, "无需集体讨论".to_owned()),
                _ => (false, "应当集体讨论而未讨论".to_owned()),
            }
        }
        DutyCondition::ProcedureFollowed => {
            if d.disposition != Disposition::Penalty {
                (true, "未给予行政处罚，无需事先告知".to_owned())
            } else if r.statement_waived {
                (true, "当事人明确放弃陈述申辩".to_owned())
            } else {
                match r.notice_given_on {
                    Some(on) if on <= d.decided_on => (true, format!("{on}事先告知")),
                    _ => (false, "未在决定前事先告知".to_owned()),
                }
            }
        }
        DutyCondition::FullRecord => {
            if r.record_intact {
                (true, "全过程记录完整，校验通过".to_owned())
            } else {
                (false, "全过程记录不完整或者校验失败".to_owned())
            }
        }
        DutyCondition::NoConflictOfInterest => {
            if r.conflict_of_interest {
                (false, "存在利害关系或者谋取私利".to_owned())
            } else {
                (true, "未发现利害关系".to_owned())
            }
        }
        DutyCondition::ErrorNotOfficers => {
            (r.cause != ErrorCause::OfficerError, r.cause.legal_name().to_owned())
        }
        DutyCondition::CorrectedPromptly => {
            let due = r.found_wrong_on.checked_add_days(Days::new(u64::from(entry.correction_days)));
            match (r.corrected_on, due) {
                (Some(on), Some(due)) if on <= due => (true, format!("{on}纠正")),
                (Some(on), _) => (false, format!("{on}纠正，超过{}日", entry.correction_days)),
                (None, _) => (false, "错误尚未纠正".to_owned()),
            }
        }
    };
    ConditionCheck { condition: c, met, why }
}

fn join(ids: &[crate::catalogue::EntryId]) -> String {
    ids.iter().map(|i| i.as_str()).collect::<Vec<_>>().join("、")
}

impl fmt::Display for LiabilityCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "案件{}尽职免责核查（{}）：", self.case_id, LiabilityCheck::CITATION)?;
        for e in &self.entries {
            writeln!(f, "  {}：{}", e.entry, if e.met { "条件全部满足" } else { "条件未全部满足" })?;
            for c in &e.conditions {
                writeln!(
                    f,
                    "    [{}] {}：{}",
                    if c.met { "✓" } else { "✗" },
                    c.condition.legal_name(),
                    c.why
                )?;
            }
        }
        Ok(())
    }
}
