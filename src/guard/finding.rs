//! Findings of the legality review: codes, severities, details and their
//! explanation in Chinese legal terms.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assess::{Bar, Ground, Tier};
use crate::case::Harm;
use crate::catalogue::Domain;
use crate::decision::ReviewTrigger;
use crate::law::Source;
use crate::measure::{CoerciveMeasure, GuardianOrder, Mechanism, PenaltyKind};
use crate::money::{FineBounds, Money};

use super::CheckPoint;

vocabulary! {
    /// How serious a finding is.
    ///
    /// `Ord` has legal meaning: `Advisory < Irregular < Unlawful`.
    ///
    /// * **Unlawful** (违法): the decision breaks a mandatory rule (应当 / 不得 /
    ///   不予) of a law or regulation, or acts without any legal basis (e.g.
    ///   an observation period on the safety baseline, which only the plan
    ///   provides for, and only off the baseline); it must not be made as it
    ///   stands.
    /// * **Irregular** (不规范): the decision departs from a discretion
    ///   benchmark or a local rule of procedure (e.g. the plan's legal review
    ///   of every flexible decision), gives no reasons, or its record is
    ///   incomplete; legal review sends it back for correction or reasons.
    /// * **Advisory** (提示): a point the reviewer should weigh; it does not stop
    ///   the decision.
    ///
    /// This enum is exhaustive: a new level would change what every review
    /// means.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `advisory` | 提示 |
    /// | `irregular` | 不规范 |
    /// | `unlawful` | 违法 |
    ///
    /// ```
    /// use rouxing::guard::Severity;
    ///
    /// let severity: Severity = serde_json::from_str(r#""advisory""#)?;
    /// assert_eq!(severity, Severity::Advisory);
    /// assert_eq!(serde_json::to_string(&severity)?, r#""advisory""#);
    /// # let codes = [("advisory", "提示"), ("irregular", "不规范"), ("unlawful", "违法")];
    /// # assert_eq!(Severity::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Severity::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Severity>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Severity {
        /// 提示.
        Advisory => "提示",
        /// 不规范.
        Irregular => "不规范",
        /// 违法.
        Unlawful => "违法",
    }
}

vocabulary! {
    /// The rule a finding says was broken (the finding's stable code).
    ///
    /// Each code names one rule; [`FindingCode::point`] says which legal-review
    /// point (审核要点) it bears on. The citation and severity of a particular
    /// finding are on the [`Finding`], because some codes rest on different
    /// provisions case by case (a missing legal review under Art. 58 is
    /// unlawful, under a county's own rule irregular).
    ///
    /// This enum is non-exhaustive so that other checks may be added in semver
    /// compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_penalty_despite_harm` | 造成危害后果仍不予处罚（执法放水） |
    /// | `first_violation_for_repeat` | 非初次违法适用首违不罚（柔性滥用） |
    /// | `leniency_excluded` | 存在排除从宽情形仍予从宽（柔性滥用） |
    /// | `mitigation_without_ground` | 没有法定依据减轻处罚 |
    /// | `below_lawful_set` | 低于依法可以作出的处理（执法放水） |
    /// | `penalty_despite_mandatory_no_penalty` | 依法应当不予处罚而处罚（机械执法） |
    /// | `mitigation_ignored` | 应当从轻或者减轻而未从轻、减轻（机械执法） |
    /// | `above_lawful_set` | 重于依法可以作出的处理（机械执法、一罚了之） |
    /// | `penalty_after_limitation` | 超过追责期限仍予处罚 |
    /// | `wrong_rule_version` | 适用规定错误（从旧兼从轻） |
    /// | `penalty_without_legal_basis` | 没有法定依据给予处罚 |
    /// | `penalty_without_established_facts` | 违法事实不清、证据不足仍予处罚 |
    /// | `penalty_instead_of_transfer` | 以行政处罚代替刑事处罚 |
    /// | `no_criminal_transfer` | 涉嫌犯罪未移送司法机关 |
    /// | `fine_above_maximum` | 罚款超过法定最高限额 |
    /// | `fine_below_minimum` | 未减轻处罚而罚款低于法定最低限额 |
    /// | `fine_outside_band` | 罚款不在裁量基准幅度内 |
    /// | `sanction_not_prescribed` | 处罚种类没有法定依据 |
    /// | `second_fine` | 同一违法行为两次以上罚款 |
    /// | `same_act_fined_before` | 疑似同一违法行为已受处罚 |
    /// | `summary_procedure_ineligible` | 不符合简易程序条件当场处罚 |
    /// | `missing_confiscation` | 未没收违法所得 |
    /// | `inconsistent_decision` | 处理结论与处罚内容不一致 |
    /// | `missing_correction_order` | 未责令改正（以罚代管） |
    /// | `missing_education` | 不予处罚未对当事人进行教育 |
    /// | `missing_guardian_order` | 未责令监护人管教或者看管治疗 |
    /// | `outside_competence` | 超越职权（法无授权不可为） |
    /// | `no_disposition` | 对违法行为未作处理（不作为） |
    /// | `tolerance_on_safety_baseline` | 触碰安全底线仍予包容 |
    /// | `missing_legal_review` | 未经法制审核 |
    /// | `missing_hearing_notice` | 未告知听证权利 |
    /// | `missing_collective_decision` | 未经负责人集体讨论决定 |
    /// | `heavier_after_statement` | 因陈述、申辩而加重处罚 |
    /// | `decision_period_exceeded` | 超过办案期限 |
    /// | `missing_reasons` | 裁量未说明理由 |
    /// | `override_without_reason` | 变更建议处理未说明理由 |
    /// | `ground_not_established` | 所依据的情形未经查证 |
    /// | `coercion_where_soft_suffices` | 非强制性手段能够达到目的仍实施行政强制 |
    /// | `mandatory_sanction_missing` | 未给予处罚依据规定应当给予的处罚种类 |
    /// | `sanction_reserved_to_other_organ` | 行使专属于其他机关的处罚权 |
    /// | `fine_amount_undetermined` | 罚款数额未确定 |
    /// | `token_sanction` | 以象征性处罚代替依法应当给予的处罚（执法放水） |
    /// | `confiscation_mismatch` | 没收违法所得与依法查明的数额不符 |
    /// | `transfer_without_suspicion` | 未涉嫌犯罪而以移送代替处理（执法放水） |
    /// | `agency_missing` | 决定未载明作出决定的行政机关 |
    /// | `leniency_on_safety_baseline` | 触碰安全底线的违法行为适用裁量性从宽 |
    /// | `penalty_instead_of_education` | 符合首违不罚条件而处罚未说明理由（以罚代教） |
    /// | `reviewer_is_investigator` | 法制审核由案件调查人员进行 |
    /// | `reviewer_unqualified` | 初次从事法制审核的人员未取得法律职业资格 |
    /// | `notice_missing` | 未事先告知即作出行政处罚决定 |
    /// | `decided_before_statement` | 未听取陈述、申辩即作出行政处罚决定 |
    /// | `fresh_notice_missing` | 加重处罚或者变更违法行为未重新告知 |
    /// | `new_fact_not_established` | 决定所称新的事实未经查证 |
    /// | `decided_before_hearing` | 听证申请期限届满或者听证结束前作出处罚决定 |
    /// | `transition_not_allowed` | 不符合条件给予过渡期（暂缓处罚） |
    /// | `circumstance_not_established` | 说明理由所称情节未经查证 |
    /// | `fine_after_criminal_fine` | 人民法院已判处罚金仍给予罚款 |
    ///
    /// ```
    /// use rouxing::guard::FindingCode;
    ///
    /// let finding_code: FindingCode = serde_json::from_str(r#""no_penalty_despite_harm""#)?;
    /// assert_eq!(finding_code, FindingCode::NoPenaltyDespiteHarm);
    /// assert_eq!(serde_json::to_string(&finding_code)?, r#""no_penalty_despite_harm""#);
    /// # let codes = [("no_penalty_despite_harm", "造成危害后果仍不予处罚（执法放水）"), ("first_violation_for_repeat", "非初次违法适用首违不罚（柔性滥用）"), ("leniency_excluded", "存在排除从宽情形仍予从宽（柔性滥用）"), ("mitigation_without_ground", "没有法定依据减轻处罚"), ("below_lawful_set", "低于依法可以作出的处理（执法放水）"), ("penalty_despite_mandatory_no_penalty", "依法应当不予处罚而处罚（机械执法）"), ("mitigation_ignored", "应当从轻或者减轻而未从轻、减轻（机械执法）"), ("above_lawful_set", "重于依法可以作出的处理（机械执法、一罚了之）"), ("penalty_after_limitation", "超过追责期限仍予处罚"), ("wrong_rule_version", "适用规定错误（从旧兼从轻）"), ("penalty_without_legal_basis", "没有法定依据给予处罚"), ("penalty_without_established_facts", "违法事实不清、证据不足仍予处罚"), ("penalty_instead_of_transfer", "以行政处罚代替刑事处罚"), ("no_criminal_transfer", "涉嫌犯罪未移送司法机关"), ("fine_above_maximum", "罚款超过法定最高限额"), ("fine_below_minimum", "未减轻处罚而罚款低于法定最低限额"), ("fine_outside_band", "罚款不在裁量基准幅度内"), ("sanction_not_prescribed", "处罚种类没有法定依据"), ("second_fine", "同一违法行为两次以上罚款"), ("same_act_fined_before", "疑似同一违法行为已受处罚"), ("summary_procedure_ineligible", "不符合简易程序条件当场处罚"), ("missing_confiscation", "未没收违法所得"), ("inconsistent_decision", "处理结论与处罚内容不一致"), ("missing_correction_order", "未责令改正（以罚代管）"), ("missing_education", "不予处罚未对当事人进行教育"), ("missing_guardian_order", "未责令监护人管教或者看管治疗"), ("outside_competence", "超越职权（法无授权不可为）"), ("no_disposition", "对违法行为未作处理（不作为）"), ("tolerance_on_safety_baseline", "触碰安全底线仍予包容"), ("missing_legal_review", "未经法制审核"), ("missing_hearing_notice", "未告知听证权利"), ("missing_collective_decision", "未经负责人集体讨论决定"), ("heavier_after_statement", "因陈述、申辩而加重处罚"), ("decision_period_exceeded", "超过办案期限"), ("missing_reasons", "裁量未说明理由"), ("override_without_reason", "变更建议处理未说明理由"), ("ground_not_established", "所依据的情形未经查证"), ("coercion_where_soft_suffices", "非强制性手段能够达到目的仍实施行政强制"), ("mandatory_sanction_missing", "未给予处罚依据规定应当给予的处罚种类"), ("sanction_reserved_to_other_organ", "行使专属于其他机关的处罚权"), ("fine_amount_undetermined", "罚款数额未确定"), ("token_sanction", "以象征性处罚代替依法应当给予的处罚（执法放水）"), ("confiscation_mismatch", "没收违法所得与依法查明的数额不符"), ("transfer_without_suspicion", "未涉嫌犯罪而以移送代替处理（执法放水）"), ("agency_missing", "决定未载明作出决定的行政机关"), ("leniency_on_safety_baseline", "触碰安全底线的违法行为适用裁量性从宽"), ("penalty_instead_of_education", "符合首违不罚条件而处罚未说明理由（以罚代教）"), ("reviewer_is_investigator", "法制审核由案件调查人员进行"), ("reviewer_unqualified", "初次从事法制审核的人员未取得法律职业资格"), ("notice_missing", "未事先告知即作出行政处罚决定"), ("decided_before_statement", "未听取陈述、申辩即作出行政处罚决定"), ("fresh_notice_missing", "加重处罚或者变更违法行为未重新告知"), ("new_fact_not_established", "决定所称新的事实未经查证"), ("decided_before_hearing", "听证申请期限届满或者听证结束前作出处罚决定"), ("transition_not_allowed", "不符合条件给予过渡期（暂缓处罚）"), ("circumstance_not_established", "说明理由所称情节未经查证"), ("fine_after_criminal_fine", "人民法院已判处罚金仍给予罚款")];
    /// # assert_eq!(FindingCode::ALL.len(), codes.len());
    /// # for (v, (code, name)) in FindingCode::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<FindingCode>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum FindingCode {
        /// 造成危害后果仍不予处罚 (执法放水): no penalty although the act caused
        /// harm beyond "轻微" (Art. 33 ¶1 does not reach it; Art. 57 ¶1 (一)).
        NoPenaltyDespiteHarm => "造成危害后果仍不予处罚（执法放水）",
        /// 非初次违法适用首违不罚 (柔性滥用): 首违不罚 for a party with an earlier
        /// violation in the first-violation window (Art. 33 ¶1 sentence 2).
        FirstViolationForRepeat => "非初次违法适用首违不罚（柔性滥用）",
        /// 排除从宽仍予从宽 (柔性滥用): leniency that a list exclusion, an
        /// aggravating circumstance or Art. 49 rules out.
        LeniencyExcluded => "存在排除从宽情形仍予从宽（柔性滥用）",
        /// 无依据减轻处罚: 减轻 without any ground that permits it (Art. 32, the
        /// lists, the 裁量基准).
        MitigationWithoutGround => "没有法定依据减轻处罚",
        /// 低于依法可以作出的处理 (执法放水): any other tier below the lawful set.
        BelowLawfulSet => "低于依法可以作出的处理（执法放水）",
        /// 依法不予处罚而处罚 (机械执法): a penalty where the law says 不予
        /// (Arts. 30, 31, 33 ¶1 sentence 1, 33 ¶2, a 不予 list entry).
        PenaltyDespiteMandatoryNoPenalty => "依法应当不予处罚而处罚（机械执法）",
        /// 应当从轻减轻而未从轻减轻 (机械执法): Arts. 30, 32 or a list's 应当.
        MitigationIgnored => "应当从轻或者减轻而未从轻、减轻（机械执法）",
        /// 重于依法可以作出的处理 (机械执法、一罚了之): any other tier above the
        /// lawful set (Art. 5 ¶2, 过罚相当).
        AboveLawfulSet => "重于依法可以作出的处理（机械执法、一罚了之）",
        /// 超过追责期限仍予处罚 (Art. 36).
        PenaltyAfterLimitation => "超过追责期限仍予处罚",
        /// 适用规定版本错误 (Art. 37, 从旧兼从轻).
        WrongRuleVersion => "适用规定错误（从旧兼从轻）",
        /// 没有法定依据给予处罚 (Art. 38 ¶1).
        PenaltyWithoutLegalBasis => "没有法定依据给予处罚",
        /// 违法事实不清、证据不足仍予处罚 (Art. 40).
        PenaltyWithoutEstablishedFacts => "违法事实不清、证据不足仍予处罚",
        /// 以行政处罚代替刑事处罚 (Art. 8 ¶2).
        PenaltyInsteadOfTransfer => "以行政处罚代替刑事处罚",
        /// 涉嫌犯罪未移送 (Art. 27 ¶1).
        NoCriminalTransfer => "涉嫌犯罪未移送司法机关",
        /// 罚款超过法定最高限额 (Art. 76 ¶1 (二)).
        FineAboveMaximum => "罚款超过法定最高限额",
        /// 未减轻处罚而罚款低于法定最低限额 (Art. 76 ¶1 (二)).
        FineBelowMinimum => "未减轻处罚而罚款低于法定最低限额",
        /// 罚款不在裁量基准幅度内 (Art. 34).
        FineOutsideBand => "罚款不在裁量基准幅度内",
        /// 处罚种类没有法定依据 (Art. 76 ¶1 (二)).
        SanctionNotPrescribed => "处罚种类没有法定依据",
        /// 同一违法行为两次以上罚款 (Art. 29).
        SecondFine => "同一违法行为两次以上罚款",
        /// 疑似同一违法行为已受处罚 (Art. 29): to be verified.
        SameActFinedBefore => "疑似同一违法行为已受处罚",
        /// 不符合简易程序条件当场处罚 (Art. 51).
        SummaryProcedureIneligible => "不符合简易程序条件当场处罚",
        /// 未没收违法所得 (Art. 28 ¶2).
        MissingConfiscation => "未没收违法所得",
        /// 处理结论与处罚内容不一致.
        InconsistentDecision => "处理结论与处罚内容不一致",
        /// 未责令改正 (以罚代管; 免罚不免责) (Art. 28 ¶1).
        MissingCorrectionOrder => "未责令改正（以罚代管）",
        /// 不予处罚未进行教育 (Art. 33 ¶3).
        MissingEducation => "不予处罚未对当事人进行教育",
        /// 未责令监护人管教或者看管治疗 (Arts. 30, 31).
        MissingGuardianOrder => "未责令监护人管教或者看管治疗",
        /// 超越职权 (法无授权不可为) (Art. 17).
        OutsideCompetence => "超越职权（法无授权不可为）",
        /// 对违法行为未作任何处理 (不作为; 法定职责必须为) (Art. 83).
        NoDisposition => "对违法行为未作处理（不作为）",
        /// 触碰安全底线仍予包容 (山丹县实施方案 五(一)(二)).
        ToleranceOnSafetyBaseline => "触碰安全底线仍予包容",
        /// 未经法制审核 (Art. 58; 山丹县实施方案 四(三)).
        MissingLegalReview => "未经法制审核",
        /// 未告知听证权利 (Art. 63).
        MissingHearingNotice => "未告知听证权利",
        /// 未经集体讨论决定 (Art. 57 ¶2).
        MissingCollectiveDecision => "未经负责人集体讨论决定",
        /// 因陈述申辩加重处罚 (Art. 45 ¶2).
        HeavierAfterStatement => "因陈述、申辩而加重处罚",
        /// 超过办案期限 (Art. 60).
        DecisionPeriodExceeded => "超过办案期限",
        /// 裁量未说明理由 (说明理由; Art. 44).
        MissingReasons => "裁量未说明理由",
        /// 变更建议处理未说明理由 (Art. 44).
        OverrideWithoutReason => "变更建议处理未说明理由",
        /// 所依据的情形未经查证 (Art. 40).
        GroundNotEstablished => "所依据的情形未经查证",
        /// 非强制手段能够达到目的仍实施行政强制 (优化营商环境条例 Art. 59 ¶1).
        CoercionWhereSoftSuffices => "非强制性手段能够达到目的仍实施行政强制",
        /// A kind the provision imposes (处 / 并处) is missing from a penalty
        /// (Art. 76 ¶1 (二): 擅自改变行政处罚种类).
        MandatorySanctionMissing => "未给予处罚依据规定应当给予的处罚种类",
        /// 行政拘留 by an organ other than public security (Art. 18 ¶3).
        SanctionReservedToOtherOrgan => "行使专属于其他机关的处罚权",
        /// A fine without a determined amount (Art. 59 ¶1 (三); Arts. 44, 52 ¶2).
        FineAmountUndetermined => "罚款数额未确定",
        /// A fine of ¥0 or another token sanction in place of the statutory one
        /// (执法放水; Art. 76 ¶1 (二)).
        TokenSanction => "以象征性处罚代替依法应当给予的处罚（执法放水）",
        /// Confiscation that does not match the established illegal gains less
        /// what must be refunded (Art. 28 ¶2).
        ConfiscationMismatch => "没收违法所得与依法查明的数额不符",
        /// 移送司法机关 without a suspected crime, dropping the penalty and the
        /// correction order (Arts. 27, 57 ¶1 (四), 83).
        TransferWithoutSuspicion => "未涉嫌犯罪而以移送代替处理（执法放水）",
        /// A decision that names no deciding agency (Art. 17; Art. 59 ¶1 (六)).
        AgencyMissing => "决定未载明作出决定的行政机关",
        /// Discretionary leniency (首违不罚, a list's 可以 or a benchmark's 从轻 / 减轻)
        /// on a safety-baseline item.
        LeniencyOnSafetyBaseline => "触碰安全底线的违法行为适用裁量性从宽",
        /// 首违不罚 met, a penalty imposed, no reason given (以罚代教).
        PenaltyInsteadOfEducation => "符合首违不罚条件而处罚未说明理由（以罚代教）",
        /// The legal reviewer is one of the case's investigators (Art. 58 ¶1).
        ReviewerIsInvestigator => "法制审核由案件调查人员进行",
        /// A first-time legal reviewer without 法律职业资格 (Art. 58 ¶2).
        ReviewerUnqualified => "初次从事法制审核的人员未取得法律职业资格",
        /// A penalty decided with no Art. 44 notice and no express waiver
        /// (Arts. 44, 62).
        NoticeMissing => "未事先告知即作出行政处罚决定",
        /// A penalty decided while the party's period for a statement or
        /// defence was still open and unanswered (Arts. 45 ¶1, 62).
        DecidedBeforeStatement => "未听取陈述、申辩即作出行政处罚决定",
        /// A decision heavier than the notice, or on another item, that was
        /// not notified afresh (Art. 44).
        FreshNoticeMissing => "加重处罚或者变更违法行为未重新告知",
        /// A new fact the decision relies on that the case does not
        /// establish (Art. 40).
        NewFactNotEstablished => "决定所称新的事实未经查证",
        /// A penalty that carries the right to a hearing (Art. 63 ¶1),
        /// decided while the five working days to ask for one were running
        /// (Art. 64 (一)), or after a request made in time and before the
        /// hearing was held (Arts. 63 ¶1, 65).
        DecidedBeforeHearing => "听证申请期限届满或者听证结束前作出处罚决定",
        /// A 过渡期 whose requirements the facts do not meet (山丹县实施方案
        /// 五(二)): a violation not established, correction refused, a
        /// period beyond the regime's maximum, or an end that cannot lawfully
        /// be a 不予处罚 (Art. 33 ¶1), so that the period only defers a
        /// penalty the law requires.
        TransitionNotAllowed => "不符合条件给予过渡期（暂缓处罚）",
        /// A circumstance the reasons rely on that the case does not
        /// establish (Art. 40; Art. 5 ¶2).
        CircumstanceNotEstablished => "说明理由所称情节未经查证",
        /// An administrative fine for an act for which a court judged 罚金
        /// after the transfer (Art. 35 ¶2 "行政机关尚未给予当事人罚款的，不再给予
        /// 罚款").
        FineAfterCriminalFine => "人民法院已判处罚金仍给予罚款",
    }
}

impl FindingCode {
    /// The legal-review point (审核要点) the rule belongs to.
    pub const fn point(self) -> CheckPoint {
        use FindingCode as F;
        match self {
            F::OutsideCompetence | F::SanctionReservedToOtherOrgan | F::AgencyMissing => {
                CheckPoint::SubjectLawful
            }
            F::MandatorySanctionMissing | F::FineAmountUndetermined | F::ConfiscationMismatch => {
                CheckPoint::BasisCorrect
            }
            F::TokenSanction
            | F::TransferWithoutSuspicion
            | F::LeniencyOnSafetyBaseline
            | F::PenaltyInsteadOfEducation => CheckPoint::DiscretionAppropriate,
            F::PenaltyWithoutEstablishedFacts => CheckPoint::FactsClear,
            F::GroundNotEstablished | F::SameActFinedBefore => CheckPoint::EvidenceConclusive,
            F::PenaltyAfterLimitation
            | F::WrongRuleVersion
            | F::PenaltyWithoutLegalBasis
            | F::PenaltyInsteadOfTransfer
            | F::NoCriminalTransfer
            | F::FineAboveMaximum
            | F::FineBelowMinimum
            | F::SanctionNotPrescribed
            | F::SecondFine
            | F::FineAfterCriminalFine
            | F::MissingConfiscation
            | F::MissingCorrectionOrder
            | F::MissingEducation
            | F::MissingGuardianOrder
            | F::NoDisposition => CheckPoint::BasisCorrect,
            F::NoPenaltyDespiteHarm
            | F::FirstViolationForRepeat
            | F::LeniencyExcluded
            | F::MitigationWithoutGround
            | F::BelowLawfulSet
            | F::PenaltyDespiteMandatoryNoPenalty
            | F::MitigationIgnored
            | F::AboveLawfulSet
            | F::FineOutsideBand
            | F::InconsistentDecision
            | F::ToleranceOnSafetyBaseline
            | F::MissingReasons
            | F::OverrideWithoutReason
            | F::CoercionWhereSoftSuffices => CheckPoint::DiscretionAppropriate,
            F::SummaryProcedureIneligible
            | F::MissingLegalReview
            | F::MissingHearingNotice
            | F::MissingCollectiveDecision
            | F::HeavierAfterStatement
            | F::DecisionPeriodExceeded
            | F::ReviewerIsInvestigator
            | F::ReviewerUnqualified
            | F::NoticeMissing
            | F::DecidedBeforeStatement
            | F::FreshNoticeMissing
            | F::DecidedBeforeHearing => CheckPoint::ProcedureLawful,
            F::TransitionNotAllowed => CheckPoint::DiscretionAppropriate,
            F::NewFactNotEstablished | F::CircumstanceNotEstablished => CheckPoint::EvidenceConclusive,
        }
    }
}

vocabulary! {
    /// How a decision contradicts itself.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `sanctions_on_no_penalty` | 不予处罚决定载有处罚 |
    /// | `no_sanctions_on_penalty` | 处罚决定未载明处罚种类 |
    /// | `disposition_mismatch` | 处理结论与处罚档次不一致 |
    /// | `transfer_without_suspicion` | 未涉嫌犯罪而移送司法机关 |
    ///
    /// ```
    /// use rouxing::guard::Inconsistency;
    ///
    /// let inconsistency: Inconsistency = serde_json::from_str(r#""sanctions_on_no_penalty""#)?;
    /// assert_eq!(inconsistency, Inconsistency::SanctionsOnNoPenalty);
    /// assert_eq!(serde_json::to_string(&inconsistency)?, r#""sanctions_on_no_penalty""#);
    /// # let codes = [("sanctions_on_no_penalty", "不予处罚决定载有处罚"), ("no_sanctions_on_penalty", "处罚决定未载明处罚种类"), ("disposition_mismatch", "处理结论与处罚档次不一致"), ("transfer_without_suspicion", "未涉嫌犯罪而移送司法机关")];
    /// # assert_eq!(Inconsistency::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Inconsistency::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Inconsistency>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Inconsistency {
        /// A no-penalty decision that imposes sanctions.
        SanctionsOnNoPenalty => "不予处罚决定载有处罚",
        /// A penalty tier with no sanction: in substance no penalty.
        NoSanctionsOnPenalty => "处罚决定未载明处罚种类",
        /// The disposition (处罚 / 不予处罚 / 移送) does not match the tier.
        DispositionMismatch => "处理结论与处罚档次不一致",
        /// Transfer to the judiciary without a suspected crime.
        TransferWithoutSuspicion => "未涉嫌犯罪而移送司法机关",
    }
}

/// The facts of a finding that its explanation needs.
///
/// Small `Copy` values only, so that a review allocates nothing beyond its
/// list of findings; the text is rendered on demand by
/// [`Finding::explanation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "detail", rename_all = "snake_case", deny_unknown_fields)]
pub enum Detail {
    /// The decided tier against the lawful set.
    Tiers {
        /// The tier decided.
        decided: Tier,
        /// The most lenient lawful tier.
        lawful_min: Tier,
        /// The least lenient lawful tier.
        lawful_max: Tier,
    },
    /// The harm found.
    Harm {
        /// The harm.
        harm: Harm,
    },
    /// Earlier violations inside the first-violation window.
    Repeat {
        /// How many.
        earlier: u16,
    },
    /// A ground and the tier decided.
    Ground {
        /// The ground.
        ground: Ground,
        /// The tier decided.
        decided: Tier,
    },
    /// A bar to any penalty.
    Bar {
        /// The bar.
        bar: Bar,
    },
    /// The limitation period.
    Limitation {
        /// The last day on which discovery was in time.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        last_day: NaiveDate,
        /// The day of discovery.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        discovered_on: NaiveDate,
    },
    /// The rule version (Art. 37): what of the decision only another version
    /// supports. Both `None` when the applicable rule no longer treats the act
    /// as a violation.
    Version {
        /// A fine above the applicable maximum.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fine: Option<Money>,
        /// The applicable maximum.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limit: Option<Money>,
        /// A kind the applicable version does not prescribe.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<PenaltyKind>,
    },
    /// A fine and the statutory limit it crosses.
    Fine {
        /// The fine.
        fine: Money,
        /// The statutory maximum or minimum.
        limit: Money,
    },
    /// A fine outside its tier's band.
    Band {
        /// The fine.
        fine: Money,
        /// The tier decided.
        tier: Tier,
        /// The tier's band.
        band: FineBounds,
    },
    /// A penalty kind.
    Kind {
        /// The kind.
        kind: PenaltyKind,
    },
    /// The number of fines imposed.
    Fines {
        /// How many.
        count: u16,
    },
    /// An earlier act of the same item on the same day that was penalised.
    SameAct {
        /// The day.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// Why the summary procedure is not available.
    Summary {
        /// The fine, when it exceeds the threshold.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fine: Option<Money>,
        /// The Art. 51 threshold for the party.
        threshold: Money,
        /// A kind the summary procedure does not admit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<PenaltyKind>,
    },
    /// Illegal gains to confiscate.
    Confiscation {
        /// The amount.
        gains: Money,
    },
    /// How the decision contradicts itself.
    Inconsistency {
        /// The contradiction.
        inconsistency: Inconsistency,
    },
    /// The tier decided.
    Decided {
        /// The tier.
        tier: Tier,
    },
    /// The guardian order due.
    Guardian {
        /// The order.
        due: GuardianOrder,
    },
    /// The deciding agency's domain against the item's.
    Competence {
        /// The agency's domain.
        agency: Domain,
        /// The item's domain.
        item: Domain,
    },
    /// A mechanism used on a safety-baseline item.
    Mechanism {
        /// The mechanism.
        mechanism: Mechanism,
    },
    /// A legal-review trigger.
    Trigger {
        /// The trigger.
        trigger: ReviewTrigger,
    },
    /// The proposal notified before the party's statement against the
    /// decision.
    Notified {
        /// The tier notified.
        notified: Tier,
        /// The fine notified.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notified_fine: Option<Money>,
        /// The tier decided.
        decided: Tier,
        /// The fine decided.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_fine: Option<Money>,
    },
    /// A decided sanction heavier than the notice (Arts. 44, 45 ¶2).
    Heavier {
        /// The kind decided.
        kind: PenaltyKind,
        /// Its amount, if it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<Money>,
        /// The amount the notice proposed for that kind, if it proposed the
        /// kind with an amount.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        notified: Option<Money>,
        /// Whether the notice proposed the kind at all.
        kind_notified: bool,
        /// How many new facts, established and absent from the notice, the
        /// decision relies on.
        new_facts: u16,
    },
    /// A fact the decision relies on.
    Fact {
        /// The fact.
        fact: crate::decision::Fact,
    },
    /// The Art. 60 deadline.
    Deadline {
        /// The last day.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        due: NaiveDate,
        /// The day of the decision.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        decided_on: NaiveDate,
    },
    /// The reasons: `stale` when they describe another tier than the one
    /// decided.
    Reasons {
        /// Whether the reasons describe another tier.
        stale: bool,
    },
    /// An officer's override.
    Override {
        /// The tier recommended.
        recommended: Tier,
        /// The tier decided.
        decided: Tier,
    },
    /// A coercive measure.
    Coercion {
        /// The measure.
        measure: CoerciveMeasure,
        /// Whether a 不予行政强制 list entry applies to the case.
        listed: bool,
    },
    /// The 罚金 a court judged for the act (Art. 35 ¶2).
    CriminalFine {
        /// The day of the judgment.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
        /// The 罚金.
        criminal_fine: Money,
    },
}

/// One finding of a review: the rule broken, how seriously, the facts and the
/// provision.
///
/// `Display` renders the whole finding in Chinese legal terms:
/// `[违法] 未责令改正（以罚代管）：…（《中华人民共和国行政处罚法》第二十八条第一款）`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule broken.
    pub code: FindingCode,
    /// How seriously.
    pub severity: Severity,
    /// The provision the rule rests on: a provision rouxing carries, or the
    /// document a regime names for its own rule (a county's legal-review
    /// rule cites the county's document, never Art. 58 ¶1 (四)).
    pub citation: Source,
    /// The facts the explanation needs.
    pub detail: Detail,
}

impl Finding {
    pub(crate) fn new(
        code: FindingCode,
        severity: Severity,
        citation: impl Into<Source>,
        detail: Detail,
    ) -> Finding {
        Finding { code, severity, citation: citation.into(), detail }
    }

    /// The explanation in Chinese legal terms, rendered on demand.
    ///
    /// ```
    /// use rouxing::assess::Tier;
    /// use rouxing::guard::{Detail, Finding, FindingCode, Severity};
    /// use rouxing::law::Citation;
    ///
    /// let f = Finding {
    ///     code: FindingCode::MissingCorrectionOrder,
    ///     severity: Severity::Unlawful,
    ///     citation: Citation::apl(28).para(1).into(),
    ///     detail: Detail::Decided { tier: Tier::Lighter },
    /// };
    /// assert!(f.explanation().to_string().contains("以罚代管"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explanation(&self) -> Explanation<'_> {
        Explanation { finding: self }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {}：{}（{}）",
            self.severity.legal_name(),
            self.code.legal_name(),
            self.explanation(),
            self.citation
        )
    }
}

/// A finding's explanation; `Display` renders it.
#[derive(Clone, Copy, Debug)]
pub struct Explanation<'a> {
    finding: &'a Finding,
}

/// A range of tiers in words: `从轻处罚至一般处罚`, or one tier.
pub(crate) struct TierRange(pub(crate) Tier, pub(crate) Tier);

impl fmt::Display for TierRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == self.1 {
            f.write_str(self.0.legal_name())
        } else {
            write!(f, "{}至{}", self.0.legal_name(), self.1.legal_name())
        }
    }
}

fn opt_fine(m: Option<Money>) -> String {
    m.map(|m| format!("，罚款{m}")).unwrap_or_default()
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FindingCode as C;
        let finding = self.finding;
        let d = finding.detail;
        match (finding.code, d) {
            (C::NoPenaltyDespiteHarm, Detail::Harm { harm }) => write!(
                f,
                "违法行为{}，不符合“轻微不罚”“首违不罚”的法定条件，决定不予行政处罚属于“执法放水”；确有应受行政处罚的违法行为的，应当根据情节轻重及具体情况作出行政处罚决定",
                harm.legal_name()
            ),
            (C::FirstViolationForRepeat, Detail::Repeat { earlier }) => write!(
                f,
                "当事人在首违认定期限内已有同类违法{earlier}次，不属于初次违法，不得适用“首违不罚”"
            ),
            (
                C::LeniencyExcluded,
                Detail::Tiers {
                    decided, lawful_min, ..
                },
            ) => write!(
                f,
                "本案存在排除从宽的情形（清单除外情形、从重情节或者突发事件期间违反应对措施），决定{}低于依法可以作出的{}，属于“柔性滥用”",
                decided.legal_name(),
                lawful_min.legal_name()
            ),
            (
                C::MitigationWithoutGround,
                Detail::Tiers {
                    lawful_min,
                    lawful_max,
                    ..
                },
            ) => write!(
                f,
                "本案没有应当或者可以减轻处罚的法定情形，也没有清单或者裁量基准的减轻依据，决定减轻处罚没有依据；依法可以作出的处理为{}",
                TierRange(lawful_min, lawful_max)
            ),
            (
                C::BelowLawfulSet,
                Detail::Tiers {
                    decided,
                    lawful_min,
                    lawful_max,
                },
            ) => write!(
                f,
                "决定{}低于依法可以作出的处理（{}），属于借柔性执法之名“执法放水”“柔性滥用”",
                decided.legal_name(),
                TierRange(lawful_min, lawful_max)
            ),
            (C::PenaltyDespiteMandatoryNoPenalty, Detail::Ground { ground, decided }) => write!(
                f,
                "当事人{}，依法不予行政处罚，决定{}属于“机械执法”",
                ground.legal_name(),
                decided.legal_name()
            ),
            (C::MitigationIgnored, Detail::Ground { ground, decided }) => write!(
                f,
                "当事人{}，依法应当从轻或者减轻行政处罚，决定{}未予从轻、减轻，属于“机械执法”",
                ground.legal_name(),
                decided.legal_name()
            ),
            (
                C::AboveLawfulSet,
                Detail::Tiers {
                    decided,
                    lawful_min,
                    lawful_max,
                },
            ) => write!(
                f,
                "决定{}重于依法可以作出的处理（{}），与违法行为的事实、性质、情节以及社会危害程度不相当，属于“机械执法”“一罚了之”",
                decided.legal_name(),
                TierRange(lawful_min, lawful_max)
            ),
            (
                C::PenaltyAfterLimitation,
                Detail::Limitation {
                    last_day,
                    discovered_on,
                },
            ) => write!(
                f,
                "违法行为的追责期限至{last_day}届满，{discovered_on}才被发现，不再给予行政处罚"
            ),
            (C::WrongRuleVersion, Detail::Version { fine, limit, kind }) => match (fine, kind) {
                (Some(fine), _) => write!(
                    f,
                    "罚款{fine}超出应当适用的规定的最高限额{}，所依据的是不应适用的规定版本；实施行政处罚适用违法行为发生时的规定，新的规定处罚较轻的适用新的规定",
                    limit.map(|m| m.to_string()).unwrap_or_default()
                ),
                (None, Some(kind)) => write!(
                    f,
                    "应当适用的规定未规定{}，所依据的是不应适用的规定版本",
                    kind.legal_name()
                ),
                (None, None) => f.write_str(
                    "违法行为发生时的规定或者作出决定时的新规定不认为是违法，依照从旧兼从轻原则不得给予行政处罚",
                ),
            },
            (C::PenaltyWithoutLegalBasis, _) => f.write_str(
                "违法行为不在执法事项清单中，没有法定的行政处罚依据，不得给予行政处罚",
            ),
            (C::PenaltyWithoutEstablishedFacts, _) => {
                f.write_str("违法事实不清、证据不足，不得给予行政处罚")
            }
            (C::PenaltyInsteadOfTransfer, _) => f.write_str(
                "违法行为涉嫌犯罪，应当移送司法机关追究刑事责任，不得以行政处罚代替刑事处罚",
            ),
            (C::NoCriminalTransfer, _) => f.write_str(
                "违法行为涉嫌犯罪，行政机关应当及时将案件移送司法机关，决定未移送",
            ),
            (C::FineAboveMaximum, Detail::Fine { fine, limit }) => write!(
                f,
                "罚款{fine}超过法定最高限额{limit}，属于擅自改变行政处罚幅度"
            ),
            (C::FineBelowMinimum, Detail::Fine { fine, limit }) => write!(
                f,
                "未适用减轻处罚，罚款{fine}却低于法定最低限额{limit}，属于擅自改变行政处罚幅度"
            ),
            (C::FineOutsideBand, Detail::Band { fine, tier, band }) => {
                write!(
                    f,
                    "罚款{fine}不在{}的裁量基准幅度{band}内",
                    tier.legal_name()
                )?;
                if finding.severity == Severity::Unlawful {
                    f.write_str("，也不在任何依法可以作出的处理的幅度内")
                } else {
                    f.write_str("，处罚档次与罚款数额不一致，应当按照裁量基准确定罚款数额或者说明理由")
                }
            }
            (C::SanctionNotPrescribed, Detail::Kind { kind }) => write!(
                f,
                "处罚依据未规定{}，属于擅自改变行政处罚种类",
                kind.legal_name()
            ),
            (C::SecondFine, Detail::Fines { count }) => write!(
                f,
                "对同一违法行为给予{count}项罚款；同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚一次"
            ),
            (C::SecondFine, Detail::SameAct { on }) => write!(
                f,
                "当事人的同一违法行为已于{on}被处以罚款，不得再次给予罚款；可以依法给予罚款以外的其他种类的处罚"
            ),
            (C::SameActFinedBefore, Detail::SameAct { on }) => write!(
                f,
                "当事人{on}的同类违法行为已受行政处罚，应当核实是否为同一违法行为；对同一违法行为不得给予两次以上罚款"
            ),
            (C::SummaryProcedureIneligible, Detail::Summary { fine, threshold, kind }) => {
                f.write_str("简易程序仅适用于违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的行政处罚")?;
                if let Some(fine) = fine {
                    write!(f, "；本案罚款{fine}超过{threshold}")?;
                }
                if let Some(kind) = kind {
                    write!(f, "；{}不得当场作出", kind.legal_name())?;
                }
                Ok(())
            }
            (C::MandatorySanctionMissing, Detail::Kind { kind }) => write!(
                f,
                "处罚依据规定应当给予{}，决定未予给予；从轻处罚也不得免除法定应当并处的处罚，属于擅自改变行政处罚种类",
                kind.legal_name()
            ),
            (C::SanctionReservedToOtherOrgan, Detail::Kind { kind }) => write!(
                f,
                "{}属于限制人身自由的行政处罚，只能由公安机关和法律规定的其他机关行使，作出决定的机关无此职权",
                kind.legal_name()
            ),
            (C::FineAmountUndetermined, _) => f.write_str(
                "决定给予罚款却未载明罚款数额；行政处罚决定书应当载明行政处罚的内容，罚款数额须在作出决定时确定",
            ),
            (C::TokenSanction, _) => f.write_str(
                "决定以零元罚款等象征性处罚代替依法应当给予的处罚，实质上不予处罚，属于借从轻之名“执法放水”",
            ),
            (C::ConfiscationMismatch, Detail::Fine { fine, limit }) => write!(
                f,
                "决定没收违法所得{fine}，而依法查明应当没收的违法所得为{limit}（除依法应当退赔的外）"
            ),
            (C::TransferWithoutSuspicion, _) => f.write_str(
                "案件未认定涉嫌犯罪，却以移送司法机关代替处罚和责令改正，属于“执法放水”；违法行为涉嫌犯罪的才应当移送",
            ),
            (C::LeniencyOnSafetyBaseline, Detail::Decided { tier }) => write!(
                f,
                "该违法行为触碰安全底线，决定{}所依据的是裁量性从宽情形（可以），而非法定应当从宽的情形；对触碰安全底线的行为应当坚持零容忍，依法严格执法，确需从宽的应当说明理由",
                tier.legal_name()
            ),
            (C::PenaltyInsteadOfEducation, Detail::Decided { tier }) => write!(
                f,
                "当事人初次违法且危害后果轻微并及时改正，依法可以不予行政处罚，决定{}却未说明不适用首违不罚的理由，属于“机械执法”“以罚代教”",
                tier.legal_name()
            ),
            (C::ReviewerIsInvestigator, _) => f.write_str(
                "法制审核人员是本案的调查人员，审核与调查未分离，不构成法制审核；应当由从事行政处罚决定法制审核的人员进行审核",
            ),
            (C::ReviewerUnqualified, _) => f.write_str(
                "初次从事行政处罚决定法制审核的人员应当通过国家统一法律职业资格考试取得法律职业资格，审核人员未取得",
            ),
            (C::AgencyMissing, _) => f.write_str(
                "决定未载明作出决定的行政机关，无法审查其是否具有法定职权（法无授权不可为）",
            ),
            (C::MissingConfiscation, Detail::Confiscation { gains }) => write!(
                f,
                "当事人有违法所得{gains}，除依法应当退赔的外，给予行政处罚时应当予以没收"
            ),
            (C::InconsistentDecision, Detail::Inconsistency { inconsistency }) => {
                f.write_str(inconsistency.legal_name())?;
                match inconsistency {
                    Inconsistency::NoSanctionsOnPenalty if finding.severity == Severity::Unlawful => {
                        f.write_str("，实质上不予处罚，而本案依法不属于不予处罚的情形")
                    }
                    Inconsistency::SanctionsOnNoPenalty => {
                        f.write_str("，实质上给予了行政处罚")
                    }
                    _ => Ok(()),
                }
            }
            (C::MissingCorrectionOrder, Detail::Decided { tier }) => {
                f.write_str("未责令当事人改正或者限期改正违法行为")?;
                if tier == Tier::NoPenalty {
                    f.write_str("；“不罚”不等于“不管”，免罚也不免除纠正违法行为的责任")
                } else {
                    f.write_str("，罚后放任违法行为继续，属于“以罚代管”")
                }
            }
            (C::MissingEducation, _) => f.write_str(
                "对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育，决定未载明教育",
            ),
            (C::MissingGuardianOrder, Detail::Guardian { due }) => {
                write!(f, "依法应当{}，决定未载明", due.legal_name())
            }
            (C::OutsideCompetence, Detail::Competence { agency, item }) => write!(
                f,
                "{}领域的执法机关对{}领域的违法行为作出决定，超出法定职权范围（法无授权不可为）",
                agency.legal_name(),
                item.legal_name()
            ),
            (C::NoDisposition, _) => f.write_str(
                "对已查实的违法行为既未处罚，也未责令改正、进行教育或者采取其他措施，属于不作为（法定职责必须为）",
            ),
            (C::ToleranceOnSafetyBaseline, Detail::Mechanism { mechanism }) => write!(
                f,
                "该违法行为触碰安全底线，不得适用“{}”；对触碰安全底线的行为应当依法严格执法",
                mechanism.legal_name()
            ),
            (C::MissingLegalReview, Detail::Trigger { trigger }) => {
                write!(f, "本决定属于“{}”", trigger.legal_name())?;
                // The source is the finding's citation: the statute's item, or
                // the document the regime names for its own rule, which is
                // Art. 58 ¶1 (四) only when a 法律 or 法规 sets it.
                match &finding.citation {
                    Source::Bundled(_) if trigger.statute().is_some() => {}
                    source if source.rank().is_law_or_regulation() => write!(
                        f,
                        "，{}规定应当进行法制审核，属于《中华人民共和国行政处罚法》第五十八条第一款第（四）项规定的情形",
                        source.legal_name()
                    )?,
                    source => write!(f, "，{}将其纳入法制审核范围", source.legal_name())?,
                }
                f.write_str(
                    "，应当在作出决定前由法制审核人员进行法制审核，未经法制审核或者审核未通过的，不得作出决定",
                )
            }
            (C::MissingHearingNotice, _) => f.write_str(
                "拟作出的行政处罚属于应当告知当事人有要求听证权利的情形，决定未告知",
            ),
            (C::MissingCollectiveDecision, _) => f.write_str(
                "对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定，决定未经集体讨论",
            ),
            (
                C::HeavierAfterStatement,
                Detail::Notified {
                    notified,
                    notified_fine,
                    decided,
                    decided_fine,
                },
            ) => write!(
                f,
                "决定（{}{}）重于陈述、申辩前告知的处罚（{}{}）；行政机关不得因当事人陈述、申辩而给予更重的处罚，确需变更的应当重新告知",
                decided.legal_name(),
                opt_fine(decided_fine),
                notified.legal_name(),
                opt_fine(notified_fine)
            ),
            (C::NoticeMissing, _) => f.write_str(
                "作出行政处罚决定之前未告知当事人拟作出的行政处罚内容及事实、理由、依据，当事人也未明确放弃陈述、申辩权利，不得作出行政处罚决定",
            ),
            (C::DecidedBeforeStatement, _) => f.write_str(
                "告知后当事人陈述、申辩的期限未届满、也未放弃陈述申辩，即作出行政处罚决定，未充分听取当事人的意见",
            ),
            (
                C::HeavierAfterStatement | C::FreshNoticeMissing,
                Detail::Heavier { kind, amount, notified, kind_notified, new_facts },
            ) => {
                f.write_str("决定")?;
                match (kind_notified, amount) {
                    (true, Some(m)) => write!(
                        f,
                        "{}{m}，重于告知的{}{}",
                        kind.legal_name(),
                        kind.legal_name(),
                        notified.map(|n| n.to_string()).unwrap_or_else(|| "（未告知数额）".to_owned())
                    )?,
                    _ => write!(f, "给予告知中没有的{}", kind.legal_name())?,
                }
                if finding.code == C::HeavierAfterStatement {
                    f.write_str("；当事人已陈述、申辩且没有查明新的事实，行政机关不得因当事人陈述、申辩而给予更重的处罚")
                } else if new_facts > 0 {
                    write!(f, "；依据告知后查明的{new_facts}项新的事实加重处罚，应当重新告知拟作出的行政处罚内容及事实、理由、依据")
                } else {
                    f.write_str("；拟作出的行政处罚内容未经告知，应当重新告知")
                }
            }
            (C::FreshNoticeMissing, _) => f.write_str(
                "决定认定的违法行为与告知的不同，应当重新告知拟作出的行政处罚内容及事实、理由、依据",
            ),
            (C::CircumstanceNotEstablished, Detail::Fact { fact }) => {
                write!(f, "说明理由所称情节“{fact}”，案件认定的事实中没有，不能作为裁量的理由")
            }
            (C::NewFactNotEstablished, Detail::Fact { fact }) => {
                write!(f, "决定所称告知后查明的新的事实“{fact}”，案件认定的事实中没有")
            }
            (C::TransitionNotAllowed, _) => f.write_str(
                "给予过渡期、暂缓处理应当在法定权限、范围内依法进行：违法事实成立、当事人未拒不改正、期限不超过规定上限，且按期达标整改后依法可以不予处罚；本案不符合上述条件，过渡期只会拖延依法应当给予的处罚",
            ),
            (C::DecidedBeforeHearing, Detail::Deadline { due, decided_on }) => write!(
                f,
                "拟作出的行政处罚属于当事人有权要求听证的情形，当事人可以在告知后五日内（至{due}）要求听证；决定于{decided_on}作出，当时要求听证的期限尚未届满，或者当事人已依法要求听证而听证尚未结束"
            ),
            (C::DecisionPeriodExceeded, Detail::Deadline { due, decided_on }) => write!(
                f,
                "应当自立案之日起九十日内作出行政处罚决定（至{due}），决定于{decided_on}作出，超过期限"
            ),
            (C::FineAfterCriminalFine, Detail::CriminalFine { on, criminal_fine }) => write!(
                f,
                "违法行为构成犯罪，人民法院已于{on}判处罚金{criminal_fine}；行政机关尚未给予罚款的，不再给予罚款，已经给予罚款的，应当折抵相应罚金；可以依法给予罚款以外的其他种类的处罚"
            ),
            (C::MissingReasons, Detail::Reasons { stale: true }) => {
                f.write_str("说明理由所述处理与决定不一致，决定的理由未予说明")
            }
            (C::MissingReasons, _) => f.write_str(
                "说明理由未载明所作处理依据的情形或者查证属实的情节：选择较依法可以作出的柔性处理更重的处理，应当载明从重或者排除从宽的情节；选择从宽处理，应当载明所依据的法定或者清单情形；文字说明不能代替",
            ),
            (C::OverrideWithoutReason, Detail::Override { recommended, decided }) => write!(
                f,
                "执法人员将建议的{}变更为{}，未载明所依据的情形或者查证属实的情节（文字说明不能代替）",
                recommended.legal_name(),
                decided.legal_name()
            ),
            (C::GroundNotEstablished, Detail::Ground { ground, .. }) => write!(
                f,
                "决定所依据的“{}”未经查证属实，不能作为处理的依据",
                ground.legal_name()
            ),
            (C::CoercionWhereSoftSuffices, Detail::Coercion { measure, listed }) => {
                if listed {
                    write!(
                        f,
                        "本案适用不予行政强制清单，仍实施{}",
                        measure.legal_name()
                    )
                } else {
                    write!(
                        f,
                        "违法行为情节轻微或者社会危害较小，可以不实施行政强制；采用非强制性手段能够达到行政管理目的的，不得实施行政强制，实施{}应当说明必要性",
                        measure.legal_name()
                    )
                }
            }
            // A detail that does not belong to the code (only from hand-built
            // findings): the rule's name says enough.
            (code, _) => f.write_str(code.legal_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Tier;

    #[test]
    fn tier_range_words() {
        assert_eq!(TierRange(Tier::Lighter, Tier::Ordinary).to_string(), "从轻处罚至一般处罚");
        assert_eq!(TierRange(Tier::Ordinary, Tier::Ordinary).to_string(), "一般处罚");
    }

    #[test]
    fn every_detail_round_trips() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let m = Money::yuan(1_000);
        let band = FineBounds::new(m, Money::yuan(3_700)).unwrap();
        let details = [
            Detail::Tiers { decided: Tier::Lighter, lawful_min: Tier::Ordinary, lawful_max: Tier::Heavier },
            Detail::Harm { harm: Harm::Serious },
            Detail::Repeat { earlier: 2 },
            Detail::Ground { ground: Ground::FirstViolation, decided: Tier::NoPenalty },
            Detail::Bar { bar: Bar::SuspectedCrime },
            Detail::Limitation { last_day: day, discovered_on: day },
            Detail::Version { fine: Some(m), limit: None, kind: Some(PenaltyKind::RevokePermit) },
            Detail::Fine { fine: m, limit: m },
            Detail::Band { fine: m, tier: Tier::Lighter, band },
            Detail::Kind { kind: PenaltyKind::Detention },
            Detail::Fines { count: 2 },
            Detail::SameAct { on: day },
            Detail::Summary { fine: Some(m), threshold: Money::yuan(200), kind: None },
            Detail::Confiscation { gains: m },
            Detail::Inconsistency { inconsistency: Inconsistency::DispositionMismatch },
            Detail::Decided { tier: Tier::Heavier },
            Detail::Guardian { due: GuardianOrder::Discipline },
            Detail::Competence { agency: Domain::Taxation, item: Domain::MarketRegulation },
            Detail::Mechanism { mechanism: Mechanism::ObservationPeriod },
            Detail::Trigger { trigger: ReviewTrigger::Complex },
            Detail::Notified {
                notified: Tier::Lighter,
                notified_fine: None,
                decided: Tier::Ordinary,
                decided_fine: Some(m),
            },
            Detail::Deadline { due: day, decided_on: day },
            Detail::Heavier {
                kind: PenaltyKind::Fine,
                amount: Some(m),
                notified: None,
                kind_notified: true,
                new_facts: 1,
            },
            Detail::Fact { fact: crate::decision::Fact::IllegalGains(m) },
            Detail::Reasons { stale: true },
            Detail::Override { recommended: Tier::Mitigated, decided: Tier::Ordinary },
            Detail::Coercion { measure: CoerciveMeasure::Seize, listed: false },
            Detail::CriminalFine { on: day, criminal_fine: m },
        ];
        for d in details {
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<Detail>(&json).unwrap(), d, "{json}");
        }
        let err =
            serde_json::from_str::<Detail>(r#"{"detail":"fines","count":1,"x":2}"#).unwrap_err().to_string();
        assert!(err.starts_with("unknown field `x`"), "{err}");
    }
}
