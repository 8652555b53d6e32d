//! An officer's proposal: the recommendation with the officer's changes.

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Bar, Tier};
use crate::case::{Agency, OfficerId};
use crate::decision::{
    Decision, Disposition, Fact, Notified, Override, Procedure, Sanction, procedure_duties,
};
use crate::measure::{CoerciveMeasure, Document, Mechanism, PenaltyKind, SoftMeasure};
use crate::money::Money;
use crate::regime::Regime;

vocabulary! {
    /// Something an officer's proposal leaves out of the recommendation.
    ///
    /// Leaving out a duty is how a proposal expresses 以罚代管 (no correction
    /// order), a no-penalty decision without education, or a decision taken
    /// without legal review; the guard then says which rule that breaks.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `correction_order` | 不责令改正 |
    /// | `education` | 不进行教育 |
    /// | `guardian_order` | 不责令监护人管教 |
    /// | `confiscation` | 不没收违法所得 |
    /// | `legal_review` | 不经法制审核 |
    /// | `hearing_notice` | 不告知听证权利 |
    /// | `collective_decision` | 不经集体讨论 |
    /// | `soft_measures` | 不采取柔性措施 |
    ///
    /// ```
    /// use rouxing::guard::Omission;
    ///
    /// let omission: Omission = serde_json::from_str(r#""correction_order""#)?;
    /// assert_eq!(omission, Omission::CorrectionOrder);
    /// assert_eq!(serde_json::to_string(&omission)?, r#""correction_order""#);
    /// # let codes = [("correction_order", "不责令改正"), ("education", "不进行教育"), ("guardian_order", "不责令监护人管教"), ("confiscation", "不没收违法所得"), ("legal_review", "不经法制审核"), ("hearing_notice", "不告知听证权利"), ("collective_decision", "不经集体讨论"), ("soft_measures", "不采取柔性措施")];
    /// # assert_eq!(Omission::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Omission::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Omission>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Omission {
        /// No correction order (责令改正).
        CorrectionOrder => "不责令改正",
        /// No education on a no-penalty outcome.
        Education => "不进行教育",
        /// No guardian order.
        GuardianOrder => "不责令监护人管教",
        /// No confiscation of illegal gains.
        Confiscation => "不没收违法所得",
        /// No legal review (法制审核).
        LegalReview => "不经法制审核",
        /// No hearing notice.
        HearingNotice => "不告知听证权利",
        /// No collective decision.
        CollectiveDecision => "不经集体讨论",
        /// No soft measures (guidance, follow-up …).
        SoftMeasures => "不采取柔性措施",
    }
}

/// An officer's proposed decision, as a set of changes to the
/// recommendation.
///
/// A proposal is what an enforcement system sends when an officer edits the
/// recommended decision; [`Proposal::apply`] turns it into a [`Decision`]
/// that [`review`](super::review) can check. Every field but `officer` is
/// optional; what a proposal does not say is taken from the recommendation.
///
/// | field | effect |
/// |---|---|
/// | `officer` | who proposes; recorded as `decided_by` and, when the tier or the fine changes, in the [`Override`] |
/// | `agency` | the deciding agency (else the case's) |
/// | `tier` | the tier; changing it takes the grounds and band of that tier from the assessment, and for 不予处罚 clears the sanctions and adds education and the guardian order |
/// | `sanctions` | replaces the sanctions |
/// | `fine` | sets the fine (adding one if there is none) |
/// | `procedure` | the procedure (else the summary procedure where available) |
/// | `mechanisms` | replaces the flexible-enforcement mechanisms |
/// | `coercive_measures` | coercive measures taken |
/// | `notified` | the proposal notified before the party's statement (Art. 44) |
/// | `new_facts` | facts established after the notice that the decision relies on ([`Fact`]) |
/// | `omit` | duties left out ([`Omission`]) |
/// | `circumstances` | the circumstances relied on ([`Fact`]), checked against the case |
/// | `reason` | the officer's free-text reasons, an addition only |
///
/// The procedural duties (legal review, hearing notice, collective decision)
/// and the documents are recomputed for the proposed outcome, then the
/// omissions are applied.
///
/// ```json
/// {"officer": "OF-17", "tier": "no_penalty", "omit": ["education"],
///  "reason": "当事人系初次违法"}
/// ```
///
/// Unknown fields are rejected.
///
/// # JSON
///
/// An officer proposing an ordinary fine:
///
/// ```
/// let proposal_json = r#"{"officer": "62072500202", "tier": "ordinary", "fine": "25000.00", "reason": "危险化学品无小事，一律从严处罚"}"#;
/// use rouxing::guard::Proposal;
///
/// let proposal: Proposal = serde_json::from_str(proposal_json)?;
/// assert_eq!(serde_json::to_value(&proposal)?, serde_json::from_str::<serde_json::Value>(proposal_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// Who proposes.
    pub officer: OfficerId,
    /// The deciding agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    /// The tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The sanctions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanctions: Option<Vec<Sanction>>,
    /// The fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Money>,
    /// The procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<Procedure>,
    /// The mechanisms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanisms: Option<Vec<Mechanism>>,
    /// Coercive measures taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coercive_measures: Vec<CoerciveMeasure>,
    /// The proposal notified before the party's statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<Notified>,
    /// Facts established after the Art. 44 notice that the decision relies
    /// on (recorded as the decision's `new_facts`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_facts: Vec<Fact>,
    /// Duties left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omit: Vec<Omission>,
    /// The circumstances of the case the officer relies on (recorded as the
    /// decision's `reasons.circumstances`): what the guard checks a heavier
    /// choice or a departure against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub circumstances: Vec<Fact>,
    /// The officer's free-text reasons, an addition to the grounds and
    /// circumstances (recorded as `reasons.officer_note` and, on an
    /// override, its `note`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Proposal {
    /// Loads a proposal from JSON, naming `file`, the line, the field path
    /// and the value in errors (unknown fields are refused).
    ///
    /// # Errors
    ///
    /// Returns a [`LoadError`](crate::catalogue::LoadError) for a document
    /// that is not a proposal.
    ///
    /// ```
    /// use rouxing::guard::Proposal;
    /// let p = Proposal::from_json_named("p.json", r#"{"officer": "OF-17", "reason": "初次违法"}"#)?;
    /// assert_eq!(p.officer.as_str(), "OF-17");
    /// let err = Proposal::from_json_named("p.json", "{\n  \"officer\": \"OF-17\",\n  \"tier\": \"lenient\"\n}")
    ///     .unwrap_err();
    /// assert_eq!((err.file(), err.line(), err.field()), ("p.json", 3, "tier"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<Proposal, crate::catalogue::LoadError> {
        crate::load::parse_json(file, text)
    }

    /// The decision the proposal makes of the recommendation.
    ///
    /// `recommended` is [`recommend`](crate::recommend())'s decision for
    /// `assessment` under `regime`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::assess::Tier;
    /// use rouxing::case::{Case, Correction, Harm};
    /// use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
    /// use rouxing::guard::{review, FindingCode, Omission, Proposal};
    /// use rouxing::measure::PenaltyKind;
    /// use rouxing::money::{FineRule, Money};
    /// use rouxing::party::{Party, PartyId};
    /// use rouxing::{assess, recommend, Regime};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// let item = Item {
    ///     code: "X-1".parse()?,
    ///     name: "某违法行为".into(),
    ///     domain: Domain::MarketRegulation,
    ///     authority: "市场监督管理部门".into(),
    ///     violated_provisions: vec![],
    ///     penalty_provision: "某条例第十条".into(),
    ///     penalty_text: None,
    ///     penalty: StatutoryPenalty::new(
    ///         vec![PenaltyKind::Fine],
    ///         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?),
    ///         None,
    ///     )?,
    ///     amendments: vec![],
    ///     safety_baseline: false,
    ///     sectors: vec![],
    ///     limitation: None,
    ///     aggravation: vec![],
    ///     no_fault_exception: None,
    ///     entries: vec![],
    /// };
    /// let catalogue = Catalogue::new("示例", vec![], vec![item])?;
    /// let case = Case::builder("C-1".parse()?, "X-1".parse()?)
    ///     .party(Party::legal_person(PartyId::new("P-1")?, None))
    ///     .act_on(d(2025, 3, 1)?)
    ///     .discovered_on(d(2025, 3, 2)?)
    ///     .harm(Harm::Harmful)
    ///     .correction(Correction::None)
    ///     .build()?;
    /// let regime = Regime::national();
    /// let a = assess(&case, &catalogue, &regime, d(2025, 3, 10)?);
    /// let recommended = recommend(&a, &regime);
    /// let proposal: Proposal = serde_json::from_str(
    ///     r#"{"officer": "OF-1", "fine": "8000", "omit": ["correction_order"]}"#,
    /// )?;
    /// let decision = proposal.apply(&recommended, &a, &regime);
    /// assert_eq!(decision.fine(), Some(Money::yuan(8_000)));
    /// let r = review(&case, &catalogue, &regime, &decision, None);
    /// assert!(r.has(FindingCode::MissingCorrectionOrder)); // 以罚代管
    /// assert!(r.has(FindingCode::OverrideWithoutReason));
    /// assert_eq!(r.overridden.map(|o| o.recommended), Some(Tier::Ordinary));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, recommended: &Decision, a: &Assessment, regime: &Regime) -> Decision {
        let rec = recommended;
        let mut d = rec.clone();
        d.decided_by = Some(self.officer.clone());
        if let Some(agency) = &self.agency {
            d.agency = Some(agency.clone());
        }
        let violation = matches!(a.bar, None | Some(Bar::LimitationExpired));
        let tier = self.tier.unwrap_or(rec.tier);
        if tier != rec.tier {
            d.tier = tier;
            let option = a.option(tier);
            d.reasons.tier = tier;
            d.reasons.grounds = option.map(|o| o.grounds.clone()).unwrap_or_default();
            d.reasons.fine_band = option.and_then(|o| o.fine_band);
            d.reasons.most_lenient = a.bar.is_none() && tier == a.most_lenient() && a.lawful.len() > 1;
            d.reasons.entries = d
                .reasons
                .grounds
                .iter()
                .filter_map(|g| match g {
                    crate::assess::Ground::ListEntry { index, .. } => a.entry(*index).map(|e| e.id.clone()),
                    _ => None,
                })
                .collect();
            d.disposition = match tier {
                Tier::NoPenalty if rec.disposition == Disposition::Transfer => Disposition::Transfer,
                Tier::NoPenalty => Disposition::NoPenalty,
                _ => Disposition::Penalty,
            };
            if tier == Tier::NoPenalty {
                d.sanctions.clear();
                d.education = violation;
                d.guardian_order = a.guardian_order;
                if violation && !d.soft_measures.contains(&SoftMeasure::PersuasionEducation) {
                    d.soft_measures.insert(0, SoftMeasure::PersuasionEducation);
                }
            } else {
                d.education = false;
                d.guardian_order = None;
                d.soft_measures.retain(|m| *m != SoftMeasure::PersuasionEducation);
                d.mechanisms.retain(|m| *m != Mechanism::CorrectionOnly);
            }
        }
        if let Some(s) = &self.sanctions {
            d.sanctions = s.iter().copied().collect();
        }
        if let Some(fine) = self.fine {
            match d.sanctions.iter_mut().find(|s| s.kind == PenaltyKind::Fine) {
                Some(s) => s.amount = Some(fine),
                None => d.sanctions.insert(0, Sanction { kind: PenaltyKind::Fine, amount: Some(fine) }),
            }
        }
        if let Some(m) = &self.mechanisms {
            d.mechanisms = m.iter().copied().collect();
        }
        d.coercive_measures.clone_from(&self.coercive_measures);
        d.notified = self.notified.map(Box::new);
        d.new_facts.clone_from(&self.new_facts);
        d.reasons.officer_note.clone_from(&self.reason);
        d.reasons.circumstances.clone_from(&self.circumstances);
        for o in &self.omit {
            match o {
                Omission::CorrectionOrder => d.correction = None,
                Omission::Education => {
                    d.education = false;
                    d.soft_measures.retain(|m| *m != SoftMeasure::PersuasionEducation);
                }
                Omission::GuardianOrder => d.guardian_order = None,
                Omission::Confiscation => {
                    d.sanctions.retain(|s| s.kind != PenaltyKind::ConfiscateIllegalGains)
                }
                Omission::SoftMeasures => {
                    d.soft_measures.clear();
                    d.follow_up_on = None;
                }
                Omission::LegalReview | Omission::HearingNotice | Omission::CollectiveDecision => {}
            }
        }
        // Duties and documents for the proposed outcome, then the procedural
        // omissions.
        d.duties = procedure_duties(a, regime, d.tier, &d.sanctions);
        d.procedure = self.procedure.unwrap_or(if d.duties.summary_eligible {
            Procedure::Summary
        } else {
            Procedure::Ordinary
        });
        d.documents = crate::decision::documents(
            a,
            d.disposition,
            d.procedure,
            &d.duties,
            d.correction.is_some(),
            &d.reasons.grounds,
            d.guardian_order.is_some(),
        );
        for o in &self.omit {
            let doc = match o {
                Omission::LegalReview => {
                    d.duties.legal_review.clear();
                    Document::LegalReviewOpinion
                }
                Omission::HearingNotice => {
                    d.duties.hearing_notice = false;
                    Document::HearingNotice
                }
                Omission::CollectiveDecision => {
                    d.duties.collective_decision = false;
                    Document::CollectiveDiscussionRecord
                }
                _ => continue,
            };
            d.documents.retain(|x| *x != doc);
        }
        if d.tier != rec.tier || d.fine() != rec.fine() {
            d.overridden = Some(Box::new(Override {
                officer: self.officer.clone(),
                recommended: rec.tier,
                recommended_fine: rec.fine(),
                note: self.reason.clone().filter(|r| !r.trim().is_empty()),
            }));
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omission_codes_round_trip() {
        for o in Omission::ALL {
            let json = serde_json::to_string(o).unwrap();
            assert_eq!(json, format!("\"{}\"", o.code()));
            assert_eq!(serde_json::from_str::<Omission>(&json).unwrap(), *o);
        }
    }

    #[test]
    fn minimal_proposal_parses() {
        let p: Proposal = serde_json::from_str(r#"{"officer": "OF-1"}"#).unwrap();
        assert_eq!(p.officer.as_str(), "OF-1");
        assert!(p.tier.is_none() && p.omit.is_empty());
        let err = serde_json::from_str::<Proposal>(r#"{"tier": "lighter"}"#).unwrap_err().to_string();
        assert!(err.starts_with("missing field `officer`"), "{err}");
    }
}
