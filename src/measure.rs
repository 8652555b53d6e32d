//! What an agency can do: penalties (行政处罚), soft measures (非强制性措施),
//! channels, correction orders and enforcement documents (执法文书).
//!
//! The distinction at the heart of flexible enforcement is between a
//! [`PenaltyKind`] — "以减损权益或者增加义务的方式予以惩戒的行为" (行政处罚法
//! Art. 2) — and a [`SoftMeasure`], which is non-binding and is never a
//! penalty. A correction order ([`CorrectionOrder`], 责令改正) is neither: it
//! restores legality and is issued in every case (Art. 28 ¶1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::Citation;

vocabulary! {
    /// A kind of administrative penalty (行政处罚的种类).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第九条: "行政处罚的种类：（一）警告、通报批评；
    /// （二）罚款、没收违法所得、没收非法财物；（三）暂扣许可证件、降低资质等级、吊销许可证件；
    /// （四）限制开展生产经营活动、责令停产停业、责令关闭、限制从业；（五）行政拘留；
    /// （六）法律、行政法规规定的其他行政处罚。"
    ///
    /// `Ord` is the statute's order; the statute ranks its groups roughly from
    /// light to heavy but does not rank kinds within a group, so rouxing
    /// compares severity only by group ([`PenaltyKind::group`]).
    ///
    /// A 行政告诫 or 行政提示 is a [`SoftMeasure`], never a [`PenaltyKind::Warning`].
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `warning` | 警告 |
    /// | `circulated_criticism` | 通报批评 |
    /// | `fine` | 罚款 |
    /// | `confiscate_illegal_gains` | 没收违法所得 |
    /// | `confiscate_illegal_property` | 没收非法财物 |
    /// | `suspend_permit` | 暂扣许可证件 |
    /// | `downgrade_qualification` | 降低资质等级 |
    /// | `revoke_permit` | 吊销许可证件 |
    /// | `restrict_business` | 限制开展生产经营活动 |
    /// | `order_suspend_production` | 责令停产停业 |
    /// | `order_close` | 责令关闭 |
    /// | `restrict_practice` | 限制从业 |
    /// | `detention` | 行政拘留 |
    /// | `other_by_law` | 法律、行政法规规定的其他行政处罚 |
    ///
    /// ```
    /// use rouxing::measure::PenaltyKind;
    ///
    /// let penalty_kind: PenaltyKind = serde_json::from_str(r#""warning""#)?;
    /// assert_eq!(penalty_kind, PenaltyKind::Warning);
    /// assert_eq!(serde_json::to_string(&penalty_kind)?, r#""warning""#);
    /// # let codes = [("warning", "警告"), ("circulated_criticism", "通报批评"), ("fine", "罚款"), ("confiscate_illegal_gains", "没收违法所得"), ("confiscate_illegal_property", "没收非法财物"), ("suspend_permit", "暂扣许可证件"), ("downgrade_qualification", "降低资质等级"), ("revoke_permit", "吊销许可证件"), ("restrict_business", "限制开展生产经营活动"), ("order_suspend_production", "责令停产停业"), ("order_close", "责令关闭"), ("restrict_practice", "限制从业"), ("detention", "行政拘留"), ("other_by_law", "法律、行政法规规定的其他行政处罚")];
    /// # assert_eq!(PenaltyKind::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PenaltyKind::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PenaltyKind>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PenaltyKind {
        /// 警告 (Art. 9 (一)).
        Warning => "警告",
        /// 通报批评 (Art. 9 (一)).
        CirculatedCriticism => "通报批评",
        /// 罚款 (Art. 9 (二)).
        Fine => "罚款",
        /// 没收违法所得 (Art. 9 (二)).
        ConfiscateIllegalGains => "没收违法所得",
        /// 没收非法财物 (Art. 9 (二)).
        ConfiscateIllegalProperty => "没收非法财物",
        /// 暂扣许可证件 (Art. 9 (三)).
        SuspendPermit => "暂扣许可证件",
        /// 降低资质等级 (Art. 9 (三)).
        DowngradeQualification => "降低资质等级",
        /// 吊销许可证件 (Art. 9 (三)).
        RevokePermit => "吊销许可证件",
        /// 限制开展生产经营活动 (Art. 9 (四)).
        RestrictBusiness => "限制开展生产经营活动",
        /// 责令停产停业 (Art. 9 (四)).
        OrderSuspendProduction => "责令停产停业",
        /// 责令关闭 (Art. 9 (四)).
        OrderClose => "责令关闭",
        /// 限制从业 (Art. 9 (四)).
        RestrictPractice => "限制从业",
        /// 行政拘留 (Art. 9 (五)); only 公安机关 and bodies named by law (Art. 18 ¶3).
        Detention => "行政拘留",
        /// 法律、行政法规规定的其他行政处罚 (Art. 9 (六)).
        OtherByLaw => "法律、行政法规规定的其他行政处罚",
    }
}

impl PenaltyKind {
    /// The item (项) of Art. 9 the kind belongs to, 1–6.
    pub const fn group(self) -> u8 {
        match self {
            PenaltyKind::Warning | PenaltyKind::CirculatedCriticism => 1,
            PenaltyKind::Fine
            | PenaltyKind::ConfiscateIllegalGains
            | PenaltyKind::ConfiscateIllegalProperty => 2,
            PenaltyKind::SuspendPermit | PenaltyKind::DowngradeQualification | PenaltyKind::RevokePermit => 3,
            PenaltyKind::RestrictBusiness
            | PenaltyKind::OrderSuspendProduction
            | PenaltyKind::OrderClose
            | PenaltyKind::RestrictPractice => 4,
            PenaltyKind::Detention => 5,
            PenaltyKind::OtherByLaw => 6,
        }
    }

    /// The citation of the Art. 9 item that lists the kind.
    pub const fn citation(self) -> Citation {
        Citation::apl(9).item(self.group())
    }

    /// Whether proposing this kind obliges the agency to inform the party of
    /// the right to a hearing regardless of amount.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第六十三条第一款: "（三）降低资质等级、吊销许可证件；
    /// （四）责令停产停业、责令关闭、限制从业；（五）其他较重的行政处罚". The amount-based
    /// items (一)(二) are decided with the regime's 较大数额 thresholds.
    pub const fn requires_hearing_notice(self) -> bool {
        matches!(
            self,
            PenaltyKind::DowngradeQualification
                | PenaltyKind::RevokePermit
                | PenaltyKind::OrderSuspendProduction
                | PenaltyKind::OrderClose
                | PenaltyKind::RestrictPractice
                | PenaltyKind::RestrictBusiness
        )
    }
}

vocabulary! {
    /// A soft, non-coercive measure (非强制性执法手段). Never a penalty.
    ///
    /// # Legal basis
    ///
    /// 《优化营商环境条例》第五十九条第一款: "行政执法中应当推广运用说服教育、劝导示范、
    /// 行政指导等非强制性手段"; the county plan's 简易引导机制 names "指导、建议、提醒、劝告"
    /// (山丹县实施方案 五(一)); the Gansu emergency-management list adds "政策辅导、行政建议、
    /// 警示告诫、规劝提醒、走访约谈、说服教育、示范帮助" and "预警提示"; the former 工商
    /// administrative-guidance rule defines 建议、辅导、提醒、规劝、示范 (Art. 15). Membership
    /// beyond the plan's four is taken from those published sources; no Gansu
    /// definition of the set was available (unconfirmed).
    ///
    /// A guidance record (行政指导) is non-binding: "本行政指导不具有强制性" (行政提醒建议书
    /// template). It must never be stored or counted as a penalty.
    ///
    /// This enum is non-exhaustive so that other measures may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `guidance` | 行政指导 |
    /// | `suggestion` | 行政建议 |
    /// | `reminder` | 行政提醒 |
    /// | `dissuasion` | 劝告 |
    /// | `admonition` | 行政告诫 |
    /// | `interview` | 行政约谈 |
    /// | `prompt` | 预警提示 |
    /// | `persuasion_education` | 说服教育 |
    /// | `demonstration` | 劝导示范 |
    /// | `coaching` | 政策辅导 |
    /// | `follow_up_visit` | 行政回访 |
    ///
    /// ```
    /// use rouxing::measure::SoftMeasure;
    ///
    /// let soft_measure: SoftMeasure = serde_json::from_str(r#""guidance""#)?;
    /// assert_eq!(soft_measure, SoftMeasure::Guidance);
    /// assert_eq!(serde_json::to_string(&soft_measure)?, r#""guidance""#);
    /// # let codes = [("guidance", "行政指导"), ("suggestion", "行政建议"), ("reminder", "行政提醒"), ("dissuasion", "劝告"), ("admonition", "行政告诫"), ("interview", "行政约谈"), ("prompt", "预警提示"), ("persuasion_education", "说服教育"), ("demonstration", "劝导示范"), ("coaching", "政策辅导"), ("follow_up_visit", "行政回访")];
    /// # assert_eq!(SoftMeasure::ALL.len(), codes.len());
    /// # for (v, (code, name)) in SoftMeasure::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<SoftMeasure>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum SoftMeasure {
        /// 指导 / 行政指导: guiding the party towards lawful conduct.
        Guidance => "行政指导",
        /// 建议 / 行政建议: "引导性、倾向性意见供其参考".
        Suggestion => "行政建议",
        /// 提醒 / 行政提醒: "就行政相对人易疏忽的…相关事项进行提示".
        Reminder => "行政提醒",
        /// 劝告 / 规劝: "就行政相对人易发生或者可能发生的违法行为进行劝告、预警".
        Dissuasion => "劝告",
        /// 告诫 / 警示告诫: an oral or written admonition; not the Art. 9 警告.
        Admonition => "行政告诫",
        /// 约谈 / 走访约谈.
        Interview => "行政约谈",
        /// 提示 / 预警提示.
        Prompt => "预警提示",
        /// 说服教育: the education Art. 33 ¶3 requires on every no-penalty outcome.
        PersuasionEducation => "说服教育",
        /// 劝导示范 / 示范帮助.
        Demonstration => "劝导示范",
        /// 辅导 / 政策辅导: "为行政相对人提供…帮助和支持".
        Coaching => "政策辅导",
        /// 回访 / 行政回访: a follow-up visit after correction.
        FollowUpVisit => "行政回访",
    }
}

vocabulary! {
    /// A channel through which a soft measure is delivered (简易形式).
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(一): "可以通过当面或者电话、短信、电子邮件等简易形式"; 四(四):
    /// "有条件的部门要积极创新，借助现代化信息技术，开展网上在线办理".
    ///
    /// This enum is non-exhaustive so that other channels may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `in_person` | 当面 |
    /// | `phone` | 电话 |
    /// | `sms` | 短信 |
    /// | `email` | 电子邮件 |
    /// | `online` | 网上在线办理 |
    ///
    /// ```
    /// use rouxing::measure::Channel;
    ///
    /// let channel: Channel = serde_json::from_str(r#""in_person""#)?;
    /// assert_eq!(channel, Channel::InPerson);
    /// assert_eq!(serde_json::to_string(&channel)?, r#""in_person""#);
    /// # let codes = [("in_person", "当面"), ("phone", "电话"), ("sms", "短信"), ("email", "电子邮件"), ("online", "网上在线办理")];
    /// # assert_eq!(Channel::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Channel::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Channel>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Channel {
        /// 当面.
        InPerson => "当面",
        /// 电话.
        Phone => "电话",
        /// 短信.
        Sms => "短信",
        /// 电子邮件.
        Email => "电子邮件",
        /// 网上在线办理.
        Online => "网上在线办理",
    }
}

vocabulary! {
    /// An enforcement document (执法文书) an outcome calls for.
    ///
    /// This enum is non-exhaustive so that other documents may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `penalty_decision` | 行政处罚决定书 |
    /// | `summary_penalty_decision` | 当场行政处罚决定书 |
    /// | `advance_notice` | 行政处罚事先告知书 |
    /// | `hearing_notice` | 行政处罚听证告知书 |
    /// | `no_penalty_notice` | 不予行政处罚告知书 |
    /// | `no_penalty_decision` | 不予行政处罚决定书 |
    /// | `correction_notice` | 责令改正通知书 |
    /// | `reminder_suggestion_letter` | 行政提醒建议书 |
    /// | `simple_guidance_letter` | 简易行政指导书 |
    /// | `commitment_letter` | 承诺书 |
    /// | `legal_review_opinion` | 法制审核意见书 |
    /// | `collective_discussion_record` | 集体讨论记录 |
    /// | `criminal_transfer_letter` | 涉嫌犯罪案件移送书 |
    /// | `guardian_notice` | 责令监护人管教通知书 |
    /// | `credit_repair_notice` | 信用修复告知书 |
    ///
    /// ```
    /// use rouxing::measure::Document;
    ///
    /// let document: Document = serde_json::from_str(r#""penalty_decision""#)?;
    /// assert_eq!(document, Document::PenaltyDecision);
    /// assert_eq!(serde_json::to_string(&document)?, r#""penalty_decision""#);
    /// # let codes = [("penalty_decision", "行政处罚决定书"), ("summary_penalty_decision", "当场行政处罚决定书"), ("advance_notice", "行政处罚事先告知书"), ("hearing_notice", "行政处罚听证告知书"), ("no_penalty_notice", "不予行政处罚告知书"), ("no_penalty_decision", "不予行政处罚决定书"), ("correction_notice", "责令改正通知书"), ("reminder_suggestion_letter", "行政提醒建议书"), ("simple_guidance_letter", "简易行政指导书"), ("commitment_letter", "承诺书"), ("legal_review_opinion", "法制审核意见书"), ("collective_discussion_record", "集体讨论记录"), ("criminal_transfer_letter", "涉嫌犯罪案件移送书"), ("guardian_notice", "责令监护人管教通知书"), ("credit_repair_notice", "信用修复告知书")];
    /// # assert_eq!(Document::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Document::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Document>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Document {
        /// 行政处罚决定书 (ordinary procedure, Art. 59).
        PenaltyDecision => "行政处罚决定书",
        /// 当场行政处罚决定书 (summary procedure, Art. 52).
        SummaryPenaltyDecision => "当场行政处罚决定书",
        /// 行政处罚事先告知书 (Art. 44).
        AdvanceNotice => "行政处罚事先告知书",
        /// 行政处罚听证告知书 (Art. 63).
        HearingNotice => "行政处罚听证告知书",
        /// 不予行政处罚告知书 (pre-decision notice of a no-penalty outcome).
        NoPenaltyNotice => "不予行政处罚告知书",
        /// 不予行政处罚决定书.
        NoPenaltyDecision => "不予行政处罚决定书",
        /// 责令改正通知书 / 责令限期改正通知书 (Art. 28 ¶1; not a penalty).
        CorrectionNotice => "责令改正通知书",
        /// 行政提醒建议书 (non-binding guidance with a correction date).
        ReminderSuggestionLetter => "行政提醒建议书",
        /// 简易行政指导书.
        SimpleGuidanceLetter => "简易行政指导书",
        /// 承诺书 / 包容免罚告知承诺书 (告知承诺).
        CommitmentLetter => "承诺书",
        /// 重大执法决定法制审核意见书 (Art. 58).
        LegalReviewOpinion => "法制审核意见书",
        /// 集体讨论记录 (Art. 57 ¶2).
        CollectiveDiscussionRecord => "集体讨论记录",
        /// 涉嫌犯罪案件移送书 (Arts. 27, 57 (四)).
        CriminalTransferLetter => "涉嫌犯罪案件移送书",
        /// 责令监护人加以管教 / 严加看管和治疗 notice (Arts. 30, 31).
        GuardianNotice => "责令监护人管教通知书",
        /// 信用修复告知书.
        CreditRepairNotice => "信用修复告知书",
    }
}

vocabulary! {
    /// An administrative coercive measure (行政强制措施).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政强制法》第九条: "行政强制措施的种类：（一）限制公民人身自由；（二）查封场所、
    /// 设施或者财物；（三）扣押财物；（四）冻结存款、汇款；（五）其他行政强制措施。" 《优化营商环境条例》
    /// 第五十九条第一款: "采用非强制性手段能够达到行政管理目的的，不得实施行政强制；违法行为情节轻微或者
    /// 社会危害较小的，可以不实施行政强制".
    ///
    /// This enum is non-exhaustive so that other measures may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `restrict_liberty` | 限制公民人身自由 |
    /// | `seal_up` | 查封场所、设施或者财物 |
    /// | `seize` | 扣押财物 |
    /// | `freeze` | 冻结存款、汇款 |
    /// | `other` | 其他行政强制措施 |
    ///
    /// ```
    /// use rouxing::measure::CoerciveMeasure;
    ///
    /// let coercive_measure: CoerciveMeasure = serde_json::from_str(r#""restrict_liberty""#)?;
    /// assert_eq!(coercive_measure, CoerciveMeasure::RestrictLiberty);
    /// assert_eq!(serde_json::to_string(&coercive_measure)?, r#""restrict_liberty""#);
    /// # let codes = [("restrict_liberty", "限制公民人身自由"), ("seal_up", "查封场所、设施或者财物"), ("seize", "扣押财物"), ("freeze", "冻结存款、汇款"), ("other", "其他行政强制措施")];
    /// # assert_eq!(CoerciveMeasure::ALL.len(), codes.len());
    /// # for (v, (code, name)) in CoerciveMeasure::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<CoerciveMeasure>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum CoerciveMeasure {
        /// 限制公民人身自由.
        RestrictLiberty => "限制公民人身自由",
        /// 查封场所、设施或者财物.
        SealUp => "查封场所、设施或者财物",
        /// 扣押财物.
        Seize => "扣押财物",
        /// 冻结存款、汇款.
        Freeze => "冻结存款、汇款",
        /// 其他行政强制措施.
        Other => "其他行政强制措施",
    }
}

vocabulary! {
    /// A working mechanism of flexible enforcement a decision uses.
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五: (一) 简易引导机制, (二) 容错纠错机制 (不罚只纠正, 观察期, 过渡期),
    /// (三) 守信激励机制.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `simple_guidance` | 简易引导 |
    /// | `correction_only` | 不罚只纠正 |
    /// | `observation_period` | 观察期 |
    /// | `transition_period` | 过渡期 |
    /// | `credit_incentive` | 守信激励 |
    ///
    /// ```
    /// use rouxing::measure::Mechanism;
    ///
    /// let mechanism: Mechanism = serde_json::from_str(r#""simple_guidance""#)?;
    /// assert_eq!(mechanism, Mechanism::SimpleGuidance);
    /// assert_eq!(serde_json::to_string(&mechanism)?, r#""simple_guidance""#);
    /// # let codes = [("simple_guidance", "简易引导"), ("correction_only", "不罚只纠正"), ("observation_period", "观察期"), ("transition_period", "过渡期"), ("credit_incentive", "守信激励")];
    /// # assert_eq!(Mechanism::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Mechanism::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Mechanism>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Mechanism {
        /// 简易引导 (五(一)).
        SimpleGuidance => "简易引导",
        /// 不处罚、只纠正 (五(二)).
        CorrectionOnly => "不罚只纠正",
        /// 观察期 (五(二)).
        ObservationPeriod => "观察期",
        /// 过渡期 (五(二)).
        TransitionPeriod => "过渡期",
        /// 守信激励 (五(三)).
        CreditIncentive => "守信激励",
    }
}

vocabulary! {
    /// The kind of a correction order.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `immediate` | 责令改正 |
    /// | `within_deadline` | 责令限期改正 |
    ///
    /// ```
    /// use rouxing::measure::CorrectionKind;
    ///
    /// let correction_kind: CorrectionKind = serde_json::from_str(r#""immediate""#)?;
    /// assert_eq!(correction_kind, CorrectionKind::Immediate);
    /// assert_eq!(serde_json::to_string(&correction_kind)?, r#""immediate""#);
    /// # let codes = [("immediate", "责令改正"), ("within_deadline", "责令限期改正")];
    /// # assert_eq!(CorrectionKind::ALL.len(), codes.len());
    /// # for (v, (code, name)) in CorrectionKind::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<CorrectionKind>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CorrectionKind {
        /// 责令改正: correct at once.
        Immediate => "责令改正",
        /// 责令限期改正: correct by a deadline.
        WithinDeadline => "责令限期改正",
    }
}

/// An order to correct the violation (责令改正 / 责令限期改正).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第二十八条第一款: "行政机关实施行政处罚时，应当责令当事人改正或者
/// 限期改正违法行为。" It is not a penalty; leniency never removes it ("免罚也绝不等于免责").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CorrectionOrder {
    /// Immediate or within a deadline.
    pub kind: CorrectionKind,
    /// The deadline, for [`CorrectionKind::WithinDeadline`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
}

impl CorrectionOrder {
    /// The citation of the duty to order correction.
    pub const CITATION: Citation = Citation::apl(28).para(1);
}

vocabulary! {
    /// The order to a guardian that replaces a penalty for a person without
    /// responsibility.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `discipline` | 责令监护人加以管教 |
    /// | `custody_and_treatment` | 责令监护人严加看管和治疗 |
    ///
    /// ```
    /// use rouxing::measure::GuardianOrder;
    ///
    /// let guardian_order: GuardianOrder = serde_json::from_str(r#""discipline""#)?;
    /// assert_eq!(guardian_order, GuardianOrder::Discipline);
    /// assert_eq!(serde_json::to_string(&guardian_order)?, r#""discipline""#);
    /// # let codes = [("discipline", "责令监护人加以管教"), ("custody_and_treatment", "责令监护人严加看管和治疗")];
    /// # assert_eq!(GuardianOrder::ALL.len(), codes.len());
    /// # for (v, (code, name)) in GuardianOrder::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<GuardianOrder>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum GuardianOrder {
        /// Art. 30: "责令监护人加以管教" (a minor under 14).
        Discipline => "责令监护人加以管教",
        /// Art. 31: "责令其监护人严加看管和治疗" (a person who could not recognise or
        /// control their conduct).
        CustodyAndTreatment => "责令监护人严加看管和治疗",
    }
}

impl GuardianOrder {
    /// The article that imposes the order.
    pub const fn citation(self) -> Citation {
        match self {
            GuardianOrder::Discipline => Citation::apl(30),
            GuardianOrder::CustodyAndTreatment => Citation::apl(31),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    fn round_trip<T>()
    where
        T: IntoEnumIterator
            + std::fmt::Display
            + std::str::FromStr
            + serde::Serialize
            + serde::de::DeserializeOwned
            + PartialEq
            + std::fmt::Debug
            + Copy,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for v in T::iter() {
            let code = v.to_string();
            assert_eq!(code.parse::<T>().unwrap(), v);
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{code}\"")).unwrap(), v);
        }
    }

    #[test]
    fn codes_round_trip() {
        round_trip::<PenaltyKind>();
        round_trip::<SoftMeasure>();
        round_trip::<Channel>();
        round_trip::<Document>();
        round_trip::<CorrectionKind>();
        round_trip::<GuardianOrder>();
        round_trip::<CoerciveMeasure>();
        round_trip::<Mechanism>();
    }

    #[test]
    fn penalty_groups_follow_article_9() {
        assert_eq!(
            PenaltyKind::Warning.citation().to_string(),
            "《中华人民共和国行政处罚法》第九条第（一）项"
        );
        assert_eq!(PenaltyKind::Detention.group(), 5);
        for k in PenaltyKind::ALL {
            assert!(k.citation().is_known(), "{k}");
        }
        assert!(PenaltyKind::RevokePermit.requires_hearing_notice());
        assert!(!PenaltyKind::Fine.requires_hearing_notice());
    }
}
