//! The events of a case file: one per procedural step of Art. 47 and of the
//! flexible-enforcement mechanisms.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assess::Assessment;
use crate::case::{Case, OfficerId};
use crate::catalogue::{ItemCode, string_id};
use crate::decision::{Decision, Notified};
use crate::law::Citation;
use crate::measure::{Channel, SoftMeasure};
use crate::money::Money;
use crate::party::PartyId;

use super::Digest;

string_id! {
    /// The number of an enforcement credential (行政执法证件号).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第四十二条第一款: "行政处罚应当由具有行政执法资格的执法人员实施。"
    CredentialId, "credential id"
}

/// An officer acting in a step, with the enforcement credential shown.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十二条第一款 and 第五十五条第一款: "执法人员在调查或者进行检查时，
/// 应当主动向当事人或者有关人员出示执法证件。"
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// The officer.
    pub id: OfficerId,
    /// The credential shown.
    pub credential: CredentialId,
}

vocabulary! {
    /// How a case came to the agency (案件来源), recorded at 启动.
    ///
    /// This enum is non-exhaustive so that other origins may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `inspection` | 监督检查发现 |
    /// | `complaint` | 投诉举报 |
    /// | `assigned` | 上级交办 |
    /// | `referral` | 其他机关移送 |
    /// | `other` | 其他途径 |
    ///
    /// ```
    /// use rouxing::record::Origin;
    ///
    /// let origin: Origin = serde_json::from_str(r#""inspection""#)?;
    /// assert_eq!(origin, Origin::Inspection);
    /// assert_eq!(serde_json::to_string(&origin)?, r#""inspection""#);
    /// # let codes = [("inspection", "监督检查发现"), ("complaint", "投诉举报"), ("assigned", "上级交办"), ("referral", "其他机关移送"), ("other", "其他途径")];
    /// # assert_eq!(Origin::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Origin::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Origin>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Origin {
        /// 监督检查发现.
        Inspection => "监督检查发现",
        /// 投诉、举报.
        Complaint => "投诉举报",
        /// 上级交办.
        Assigned => "上级交办",
        /// 其他机关移送.
        Referral => "其他机关移送",
        /// 其他途径.
        Other => "其他途径",
    }
}

vocabulary! {
    /// A kind of evidence (证据的种类).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第四十六条第一款: "证据包括：（一）书证；（二）物证；（三）视听资料；
    /// （四）电子数据；（五）证人证言；（六）当事人的陈述；（七）鉴定意见；（八）勘验笔录、现场笔录。"
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `documentary` | 书证 |
    /// | `physical` | 物证 |
    /// | `audio_visual` | 视听资料 |
    /// | `electronic` | 电子数据 |
    /// | `testimony` | 证人证言 |
    /// | `party_statement` | 当事人的陈述 |
    /// | `expert_opinion` | 鉴定意见 |
    /// | `inspection_record` | 勘验笔录、现场笔录 |
    ///
    /// ```
    /// use rouxing::record::EvidenceKind;
    ///
    /// let evidence_kind: EvidenceKind = serde_json::from_str(r#""documentary""#)?;
    /// assert_eq!(evidence_kind, EvidenceKind::Documentary);
    /// assert_eq!(serde_json::to_string(&evidence_kind)?, r#""documentary""#);
    /// # let codes = [("documentary", "书证"), ("physical", "物证"), ("audio_visual", "视听资料"), ("electronic", "电子数据"), ("testimony", "证人证言"), ("party_statement", "当事人的陈述"), ("expert_opinion", "鉴定意见"), ("inspection_record", "勘验笔录、现场笔录")];
    /// # assert_eq!(EvidenceKind::ALL.len(), codes.len());
    /// # for (v, (code, name)) in EvidenceKind::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<EvidenceKind>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum EvidenceKind {
        /// 书证 (Art. 46 (一)).
        Documentary => "书证",
        /// 物证 (Art. 46 (二)).
        Physical => "物证",
        /// 视听资料 (Art. 46 (三)).
        AudioVisual => "视听资料",
        /// 电子数据 (Art. 46 (四)).
        Electronic => "电子数据",
        /// 证人证言 (Art. 46 (五)).
        Testimony => "证人证言",
        /// 当事人的陈述 (Art. 46 (六)).
        PartyStatement => "当事人的陈述",
        /// 鉴定意见 (Art. 46 (七)).
        ExpertOpinion => "鉴定意见",
        /// 勘验笔录、现场笔录 (Art. 46 (八)).
        InspectionRecord => "勘验笔录、现场笔录",
    }
}

/// A reference to a piece of evidence kept in the case archive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceRef {
    /// The kind of evidence.
    pub kind: EvidenceKind,
    /// Where it is kept: a document number, archive number or file name.
    pub reference: String,
    /// The SHA-256 of the evidence file, where it is kept electronically, so
    /// that the record also proves the file unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<Digest>,
}

vocabulary! {
    /// A procedural right the party is told of in the Art. 44 notice.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第四十四条: "并告知当事人依法享有的陈述、申辩、要求听证等权利。"
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `statement` | 陈述 |
    /// | `defence` | 申辩 |
    /// | `hearing` | 要求听证 |
    ///
    /// ```
    /// use rouxing::record::PartyRight;
    ///
    /// let party_right: PartyRight = serde_json::from_str(r#""statement""#)?;
    /// assert_eq!(party_right, PartyRight::Statement);
    /// assert_eq!(serde_json::to_string(&party_right)?, r#""statement""#);
    /// # let codes = [("statement", "陈述"), ("defence", "申辩"), ("hearing", "要求听证")];
    /// # assert_eq!(PartyRight::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PartyRight::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PartyRight>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PartyRight {
        /// 陈述.
        Statement => "陈述",
        /// 申辩.
        Defence => "申辩",
        /// 要求听证 (Art. 63).
        Hearing => "要求听证",
    }
}

vocabulary! {
    /// The opinion of a legal review (法制审核意见).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `passed` | 审核通过 |
    /// | `not_passed` | 审核未通过 |
    ///
    /// ```
    /// use rouxing::record::ReviewOpinion;
    ///
    /// let review_opinion: ReviewOpinion = serde_json::from_str(r#""passed""#)?;
    /// assert_eq!(review_opinion, ReviewOpinion::Passed);
    /// assert_eq!(serde_json::to_string(&review_opinion)?, r#""passed""#);
    /// # let codes = [("passed", "审核通过"), ("not_passed", "审核未通过")];
    /// # assert_eq!(ReviewOpinion::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ReviewOpinion::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ReviewOpinion>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ReviewOpinion {
        /// 审核通过.
        Passed => "审核通过",
        /// 审核未通过 (including 退回补充调查).
        NotPassed => "审核未通过",
    }
}

vocabulary! {
    /// How a hearing ended.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第六十四条第（六）项: "当事人及其代理人无正当理由拒不出席听证或者
    /// 未经许可中途退出听证的，视为放弃听证权利，行政机关终止听证"; 第（八）项: "听证应当制作笔录。"
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `held` | 听证举行完毕 |
    /// | `deemed_waived` | 视为放弃听证权利 |
    /// | `withdrawn` | 当事人撤回听证申请 |
    ///
    /// ```
    /// use rouxing::record::HearingOutcome;
    ///
    /// let hearing_outcome: HearingOutcome = serde_json::from_str(r#""held""#)?;
    /// assert_eq!(hearing_outcome, HearingOutcome::Held);
    /// assert_eq!(serde_json::to_string(&hearing_outcome)?, r#""held""#);
    /// # let codes = [("held", "听证举行完毕"), ("deemed_waived", "视为放弃听证权利"), ("withdrawn", "当事人撤回听证申请")];
    /// # assert_eq!(HearingOutcome::ALL.len(), codes.len());
    /// # for (v, (code, name)) in HearingOutcome::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<HearingOutcome>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum HearingOutcome {
        /// 听证举行完毕，笔录经当事人核对签字.
        Held => "听证举行完毕",
        /// 无正当理由拒不出席或者中途退出，视为放弃听证权利.
        DeemedWaived => "视为放弃听证权利",
        /// 当事人撤回听证申请.
        Withdrawn => "当事人撤回听证申请",
    }
}

vocabulary! {
    /// How a decision was served (送达方式).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第六十一条: "行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，
    /// 行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。当事人同意
    /// 并签订确认书的，行政机关可以采用传真、电子邮件等方式，将行政处罚决定书等送达当事人。"
    ///
    /// This enum is non-exhaustive so that other methods may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `on_the_spot` | 当场交付 |
    /// | `direct` | 直接送达 |
    /// | `left_at_residence` | 留置送达 |
    /// | `entrusted` | 委托送达 |
    /// | `mail` | 邮寄送达 |
    /// | `electronic` | 电子送达 |
    /// | `public` | 公告送达 |
    ///
    /// ```
    /// use rouxing::record::ServiceMethod;
    ///
    /// let service_method: ServiceMethod = serde_json::from_str(r#""on_the_spot""#)?;
    /// assert_eq!(service_method, ServiceMethod::OnTheSpot);
    /// assert_eq!(serde_json::to_string(&service_method)?, r#""on_the_spot""#);
    /// # let codes = [("on_the_spot", "当场交付"), ("direct", "直接送达"), ("left_at_residence", "留置送达"), ("entrusted", "委托送达"), ("mail", "邮寄送达"), ("electronic", "电子送达"), ("public", "公告送达")];
    /// # assert_eq!(ServiceMethod::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ServiceMethod::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ServiceMethod>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum ServiceMethod {
        /// 宣告后当场交付.
        OnTheSpot => "当场交付",
        /// 直接送达.
        Direct => "直接送达",
        /// 留置送达.
        LeftAtResidence => "留置送达",
        /// 委托送达.
        Entrusted => "委托送达",
        /// 邮寄送达.
        Mail => "邮寄送达",
        /// 传真、电子邮件等电子方式 (only with the party's signed consent).
        Electronic => "电子送达",
        /// 公告送达.
        Public => "公告送达",
    }
}

vocabulary! {
    /// Whether a re-inspection found the violation corrected.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `corrected` | 已整改到位 |
    /// | `not_corrected` | 未整改到位 |
    ///
    /// ```
    /// use rouxing::record::Rectification;
    ///
    /// let rectification: Rectification = serde_json::from_str(r#""corrected""#)?;
    /// assert_eq!(rectification, Rectification::Corrected);
    /// assert_eq!(serde_json::to_string(&rectification)?, r#""corrected""#);
    /// # let codes = [("corrected", "已整改到位"), ("not_corrected", "未整改到位")];
    /// # assert_eq!(Rectification::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Rectification::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Rectification>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Rectification {
        /// 已整改到位.
        Corrected => "已整改到位",
        /// 未整改到位.
        NotCorrected => "未整改到位",
    }
}

vocabulary! {
    /// The kind of a case-file event, with its Chinese name (the stages of
    /// Art. 47 and of the flexible-enforcement mechanisms).
    pub enum StageKind {
        /// 启动.
        Started => "启动",
        /// 立案.
        Filed => "立案",
        /// 不予立案.
        NotFiled => "不予立案",
        /// 调查取证.
        Investigated => "调查取证",
        /// 告知.
        Notified => "告知",
        /// 陈述申辩.
        Stated => "陈述申辩",
        /// 放弃陈述申辩.
        Waived => "放弃陈述申辩",
        /// 陈述申辩期限届满.
        StatementLapsed => "陈述申辩期限届满",
        /// 要求听证.
        HearingRequested => "要求听证",
        /// 放弃听证.
        HearingWaived => "放弃听证",
        /// 听证通知.
        HearingScheduled => "听证通知",
        /// 听证.
        HearingEnded => "听证",
        /// 法制审核.
        LegalReviewed => "法制审核",
        /// 集体讨论.
        Discussed => "集体讨论",
        /// 决定.
        Decided => "决定",
        /// 撤销决定.
        Revoked => "撤销决定",
        /// 送达.
        Served => "送达",
        /// 缴纳罚款.
        Paid => "缴纳罚款",
        /// 履行.
        Performed => "履行",
        /// 整改复查.
        Reinspected => "整改复查",
        /// 回访.
        FollowedUp => "回访",
        /// 柔性措施.
        Contacted => "柔性措施",
        /// 结案.
        Closed => "结案",
        /// 封存: the signed seal after 结案.
        Sealed => "封存",
        /// 变更违法行为: the item changed.
        ItemChanged => "变更违法行为",
        /// 重新送达.
        ServedAgain => "重新送达",
        /// 暂缓缴纳罚款 (Art. 66 ¶2).
        PaymentDeferred => "暂缓缴纳罚款",
        /// 分期缴纳罚款 (Art. 66 ¶2).
        PaymentInInstalments => "分期缴纳罚款",
        /// 申请行政复议或者提起行政诉讼 (Art. 73).
        Challenged => "申请复议或者提起诉讼",
        /// 复议或者诉讼终结 (Art. 73 ¶3).
        ChallengeEnded => "复议或者诉讼终结",
        /// 申请人民法院强制执行 or 依法强制执行 (Art. 72 ¶1 (四)).
        EnforcementApplied => "强制执行",
    }
}

/// What happened in one step of the case.
///
/// The variants follow Art. 47 — "对行政处罚的启动、调查取证、审核、决定、送达、执行等进行全过程
/// 记录" — and the steps of the flexible-enforcement mechanisms (soft-measure
/// contacts, re-inspection of the correction, follow-up visit).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十七条: "行政机关应当依法以文字、音像等形式，对行政处罚的启动、
/// 调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。"
///
/// This enum is non-exhaustive so that other steps may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "stage", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Stage {
    /// 启动: the case comes to the agency. Always the first event.
    Started {
        /// How the case came.
        origin: Origin,
        /// The party.
        party: PartyId,
        /// The item, if the conduct is in the catalogue.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<ItemCode>,
        /// The day the act was committed (its end for a continuing act).
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        act_on: NaiveDate,
        /// The day of discovery.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        discovered_on: NaiveDate,
        /// The last day on which discovery was in time (Art. 36); `None`
        /// when not computed.
        #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
        #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
        limitation_ends: Option<NaiveDate>,
    },
    /// 立案 (Art. 54 ¶2), approved by the agency's head.
    Filed {
        /// Who approved.
        approved_by: OfficerId,
    },
    /// 不予立案: the pre-filing check showed facts calling for no penalty,
    /// and the agency's head approved not filing.
    NotFiled {
        /// Who approved (the approval is required).
        approved_by: OfficerId,
        /// Why.
        reason: String,
    },
    /// 调查取证 (Arts. 42, 46, 54, 55).
    Investigated {
        /// The officers, with their credentials.
        officers: Vec<Officer>,
        /// The evidence collected.
        evidence: Vec<EvidenceRef>,
        /// The provision of another law that allows a single officer (Art.
        /// 42 "法律另有规定的除外"), if one is relied on.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sole_officer_basis: Option<String>,
    },
    /// 告知 (Art. 44): the proposed outcome, its facts, reasons and basis,
    /// and the party's rights.
    Notified {
        /// The proposed outcome.
        proposed: Notified,
        /// The facts.
        facts: String,
        /// The reasons.
        reasons: String,
        /// The legal basis, as cited in the notice.
        basis: Vec<String>,
        /// The rights the party is told of.
        rights: Vec<PartyRight>,
        /// The last day the notice gives for a statement or defence.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        reply_by: NaiveDate,
    },
    /// 陈述、申辩 heard, and the agency's re-examination (复核, Art. 45 ¶1).
    Stated {
        /// What the party said.
        summary: String,
        /// Whether the agency adopted the party's facts, reasons or evidence.
        adopted: bool,
    },
    /// The party expressly waived statement and defence (Art. 62).
    Waived {
        /// Reference of the signed waiver or the record of the oral waiver.
        reference: String,
    },
    /// The period given in the notice ended without a statement or defence:
    /// the agency did not refuse to hear the party (Art. 62 forbids only
    /// refusing to hear).
    StatementLapsed {},
    /// The party asked for a hearing (Art. 64 (一)).
    HearingRequested {},
    /// The party expressly waived the hearing notified to it (放弃听证): the
    /// decision need not wait for the five working days of Art. 64 (一).
    /// Recorded before any hearing is notified; afterwards the party
    /// withdraws ([`HearingOutcome::Withdrawn`]).
    HearingWaived {
        /// Reference of the signed waiver or the record of the oral waiver.
        reference: String,
    },
    /// The hearing was notified (Art. 64 (二)).
    HearingScheduled {
        /// The day of the hearing.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        hearing_on: NaiveDate,
        /// Who presides: not an investigator of the case (Art. 64 (四)).
        presiding: OfficerId,
    },
    /// The hearing ended (Art. 64 (六)-(八)).
    HearingEnded {
        /// How it ended.
        outcome: HearingOutcome,
    },
    /// 法制审核 (Art. 58).
    LegalReviewed {
        /// The reviewer.
        reviewer: OfficerId,
        /// The opinion.
        opinion: ReviewOpinion,
        /// The written opinion (法制审核意见书).
        text: String,
    },
    /// 集体讨论 (Art. 57 ¶2).
    Discussed {
        /// Who took part.
        participants: Vec<OfficerId>,
        /// The conclusion.
        conclusion: String,
    },
    /// 决定: the decision (Art. 57).
    Decided {
        /// The decision.
        decision: Box<Decision>,
    },
    /// The decision in force was revoked (撤销), e.g. on self-correction or
    /// administrative review; a new decision may follow.
    Revoked {
        /// Why.
        reason: String,
    },
    /// 送达 (Art. 61).
    Served {
        /// How.
        method: ServiceMethod,
        /// For electronic service, the reference of the party's signed
        /// confirmation (确认书).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consent: Option<String>,
    },
    /// 缴纳罚款 (Art. 67 ¶3).
    Paid {
        /// The amount paid.
        amount: Money,
        /// The receipt (bank or electronic payment reference).
        receipt: String,
    },
    /// Other performance of the decision (履行, Art. 66).
    Performed {
        /// What was performed.
        content: String,
    },
    /// 整改复查: re-inspection of the correction (Art. 28 ¶1).
    Reinspected {
        /// The result.
        result: Rectification,
        /// The findings.
        findings: String,
    },
    /// 回访: a follow-up visit after a lenient outcome.
    FollowedUp {
        /// The channel.
        channel: Channel,
        /// The findings.
        findings: String,
    },
    /// A soft-measure contact (简易引导 and other non-coercive measures).
    Contacted {
        /// The measure.
        measure: SoftMeasure,
        /// The channel.
        channel: Channel,
        /// What the party was told.
        content: String,
        /// The party's answer.
        answer: String,
    },
    /// 结案.
    Closed {},
    /// 变更违法行为: the conduct is re-qualified as another item, with the
    /// reason. A fresh Art. 44 notice must follow before a penalty decision.
    ItemChanged {
        /// The new item.
        item: ItemCode,
        /// Why.
        reason: String,
    },
    /// 重新送达: the decision served again (e.g. the first service was
    /// defective), with the reason (Art. 61).
    ServedAgain {
        /// How.
        method: ServiceMethod,
        /// For electronic service, the party's signed confirmation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consent: Option<String>,
        /// Why the decision is served again.
        reason: String,
    },
    /// 暂缓缴纳罚款: an approved deferral of the unpaid fine (Art. 66 ¶2).
    PaymentDeferred {
        /// The new last day for the unpaid fine.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        until: NaiveDate,
        /// Who approved.
        approved_by: OfficerId,
    },
    /// 分期缴纳罚款: approved instalments of the unpaid fine (Art. 66 ¶2).
    PaymentInInstalments {
        /// The instalments, in date order, adding up to the unpaid fine.
        instalments: Vec<Instalment>,
        /// Who approved.
        approved_by: OfficerId,
    },
    /// 申请行政复议或者提起行政诉讼: the surcharge is not counted while it runs
    /// (Art. 73 ¶3).
    Challenged {
        /// The reference of the application or complaint.
        reference: String,
    },
    /// The review or litigation ended (the surcharge counts again).
    ChallengeEnded {
        /// The reference of the review decision or judgment.
        reference: String,
    },
    /// 强制执行: the agency applied to the court for enforcement or enforced
    /// by law after the party did not pay by the last day (Art. 72 ¶1).
    EnforcementApplied {
        /// The reference of the application or enforcement decision.
        reference: String,
    },
    /// 封存: the agency's signature over the closed file, the last event of
    /// a case file (see [`CaseFile::seal`](super::CaseFile::seal)).
    ///
    /// The signature covers the checkpoint message of the file as closed:
    /// the case, `events` (the events before the seal) and `head` (the
    /// digest of 结案).
    Sealed {
        /// The signature algorithm.
        algorithm: String,
        /// The signing key.
        key_id: super::KeyId,
        /// The events the seal covers: all before it.
        events: u64,
        /// The digest of the last event before the seal.
        head: Digest,
        /// The signature.
        signature: super::Signature,
    },
}

impl Stage {
    /// The kind of the step.
    pub const fn kind(&self) -> StageKind {
        match self {
            Stage::Started { .. } => StageKind::Started,
            Stage::Filed { .. } => StageKind::Filed,
            Stage::NotFiled { .. } => StageKind::NotFiled,
            Stage::Investigated { .. } => StageKind::Investigated,
            Stage::Notified { .. } => StageKind::Notified,
            Stage::Stated { .. } => StageKind::Stated,
            Stage::Waived { .. } => StageKind::Waived,
            Stage::StatementLapsed {} => StageKind::StatementLapsed,
            Stage::HearingRequested {} => StageKind::HearingRequested,
            Stage::HearingWaived { .. } => StageKind::HearingWaived,
            Stage::HearingScheduled { .. } => StageKind::HearingScheduled,
            Stage::HearingEnded { .. } => StageKind::HearingEnded,
            Stage::LegalReviewed { .. } => StageKind::LegalReviewed,
            Stage::Discussed { .. } => StageKind::Discussed,
            Stage::Decided { .. } => StageKind::Decided,
            Stage::Revoked { .. } => StageKind::Revoked,
            Stage::Served { .. } => StageKind::Served,
            Stage::Paid { .. } => StageKind::Paid,
            Stage::Performed { .. } => StageKind::Performed,
            Stage::Reinspected { .. } => StageKind::Reinspected,
            Stage::FollowedUp { .. } => StageKind::FollowedUp,
            Stage::Contacted { .. } => StageKind::Contacted,
            Stage::Closed {} => StageKind::Closed,
            Stage::Sealed { .. } => StageKind::Sealed,
            Stage::ItemChanged { .. } => StageKind::ItemChanged,
            Stage::ServedAgain { .. } => StageKind::ServedAgain,
            Stage::PaymentDeferred { .. } => StageKind::PaymentDeferred,
            Stage::PaymentInInstalments { .. } => StageKind::PaymentInInstalments,
            Stage::Challenged { .. } => StageKind::Challenged,
            Stage::ChallengeEnded { .. } => StageKind::ChallengeEnded,
            Stage::EnforcementApplied { .. } => StageKind::EnforcementApplied,
        }
    }

    /// The 启动 step for a case, with the limitation's last day from its
    /// assessment.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use rouxing::record::{Origin, Stage, StageKind};
    /// # use rouxing::case::{Case, Harm};
    /// # use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
    /// # use rouxing::measure::PenaltyKind;
    /// # use rouxing::money::{FineRule, Money};
    /// # use rouxing::party::{Party, PartyId};
    /// # use rouxing::{assess, Regime};
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// # let item = Item { code: "X-1".parse()?, name: "某违法行为".into(),
    /// #     domain: Domain::MarketRegulation, authority: "市场监督管理部门".into(),
    /// #     violated_provisions: vec![], penalty_provision: "某条例第十条".into(), penalty_text: None,
    /// #     penalty: StatutoryPenalty::new(vec![PenaltyKind::Fine],
    /// #         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?), None)?,
    /// #     amendments: vec![], safety_baseline: false, sectors: vec![], limitation: None,
    /// #     aggravation: vec![],
    /// #     no_fault_exception: None, entries: vec![] };
    /// # let catalogue = Catalogue::new("示例", vec![], vec![item])?;
    /// let case = Case::builder("C-1".parse()?, "X-1".parse()?)
    ///     .party(Party::legal_person(PartyId::new("P-1")?, None))
    ///     .act_on(d(2025, 3, 1)?)
    ///     .discovered_on(d(2025, 3, 2)?)
    ///     .harm(Harm::None)
    ///     .build()?;
    /// let a = assess(&case, &catalogue, &Regime::national(), d(2025, 3, 10)?);
    /// let stage = Stage::started(&case, &a, Origin::Inspection);
    /// assert_eq!(stage.kind(), StageKind::Started);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn started(case: &Case, assessment: &Assessment, origin: Origin) -> Stage {
        Stage::Started {
            origin,
            party: case.party().id().clone(),
            item: Some(case.item().clone()),
            act_on: case.act().committed_on(),
            discovered_on: case.discovered_on(),
            limitation_ends: assessment.limitation.map(|l| l.last_day),
        }
    }

    /// The 告知 step for a recommended or edited decision: its proposal, the
    /// reasons as facts and reasons, the grounds' citations and the statute's
    /// rights (with the hearing right when the decision's duties require it).
    pub fn notice_for(decision: &Decision, reply_by: NaiveDate) -> Stage {
        let mut basis: Vec<String> =
            decision.reasons.grounds.iter().map(|g| g.citation().to_string()).collect();
        if let Some(bar) = decision.reasons.bar {
            basis.push(bar.citation().to_string());
        }
        basis.push(Citation::apl(44).to_string());
        let mut rights = vec![PartyRight::Statement, PartyRight::Defence];
        if decision.duties.hearing_notice {
            rights.push(PartyRight::Hearing);
        }
        Stage::Notified {
            proposed: Notified { tier: decision.tier, fine: decision.fine() },
            facts: decision.summary(),
            reasons: decision.reasons.to_string(),
            basis,
            rights,
            reply_by,
        }
    }
}

/// One instalment of a fine (Art. 66 ¶2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instalment {
    /// The last day to pay it.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub by: NaiveDate,
    /// The amount.
    pub amount: Money,
}

/// One step of a case: the day it happened and what happened.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::record::{Event, Stage, StageKind};
///
/// let e = Event::new(NaiveDate::from_ymd_opt(2025, 3, 2).ok_or("date")?, Stage::Closed {});
/// assert_eq!(e.stage.kind(), StageKind::Closed);
/// assert_eq!(serde_json::to_string(&e)?, r#"{"on":"2025-03-02","stage":"closed"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    /// The day of the step.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// What happened.
    #[serde(flatten)]
    pub stage: Stage,
}

impl Event {
    /// Loads one case-file event from its JSON form; `file` names the
    /// document in errors. The lifecycle rules are checked when the event is
    /// appended to a [`CaseFile`](crate::CaseFile), not here.
    ///
    /// # Errors
    ///
    /// A [`LoadError`](crate::catalogue::LoadError) naming the file, line,
    /// column, field and message of the first problem.
    ///
    /// ```
    /// use rouxing::record::Event;
    /// let err = Event::from_json_named("event", "{\"on\": 3").unwrap_err();
    /// assert_eq!((err.file(), err.line()), ("event", 1));
    /// assert!(err.to_string().starts_with("event line 1"));
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<Event, crate::catalogue::LoadError> {
        crate::load::parse_json(file, text)
    }

    /// An event on a day.
    pub const fn new(on: NaiveDate, stage: Stage) -> Event {
        Event { on, stage }
    }
}

impl<'de> Deserialize<'de> for Event {
    /// Reads `{"on": "YYYY-MM-DD", "stage": "<code>", …}`; unknown fields
    /// are rejected (serde's `flatten` cannot reject them, so the day is
    /// taken out first and the rest read as a [`Stage`]).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        use serde::de::Error as _;
        let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        let on = match map.remove("on") {
            Some(serde_json::Value::String(s)) => crate::serde_date::parse(&s).map_err(D::Error::custom)?,
            Some(v) => {
                return Err(D::Error::custom(format!("invalid date `{v}`: expected YYYY-MM-DD")));
            }
            None => return Err(D::Error::missing_field("on")),
        };
        let stage = Stage::deserialize(serde_json::Value::Object(map)).map_err(D::Error::custom)?;
        Ok(Event { on, stage })
    }
}
