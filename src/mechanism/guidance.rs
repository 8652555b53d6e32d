//! 简易引导机制: simple guidance for minor matters and mere tendencies.
//!
//! > 对事项简单、影响较小的轻微违法情形，可以通过当面或者电话、短信、电子邮件等简易形式，采取指导、
//! > 建议、提醒、劝告等非强制方式，及时纠正违法倾向，引导行政相对人自觉守法、纠正行为。
//! > — 山丹县实施方案 五(一)
//!
//! Two subjects can be guided:
//!
//! * **a violation** ([`plan`]): only where the matter is simple, the impact
//!   small and the violation minor ([`GuidanceRequirement`] lists every
//!   test). The statutory assessment must allow 不予处罚 if the party corrects
//!   in time: guidance accompanies a no-penalty outcome and never replaces a
//!   penalty the law requires, a transfer, or a formal procedure;
//! * **a tendency** (违法倾向, [`plan_tendency`]): conduct heading towards a
//!   violation that has not happened. Guidance is then the only lawful
//!   action, and no penalty can follow from it (行政处罚法 Arts. 4, 40).
//!
//! A [`GuidancePlan`] names the channel, the soft measures, the instrument
//! (行政提醒建议书 for a violation, 简易行政指导书 for a tendency) with its
//! required contents, what the officer must record for the channel (a phone
//! call is recorded too), the correction date, the follow-up (回访) date, and
//! the non-binding statement [`NON_BINDING_NOTICE`]. A [`GuidanceRecord`] is
//! what the officer stores after the contact; it is never a penalty and has
//! nothing that could be counted as one.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::case::{Case, Correction, Gravity, Harm};
//! use rouxing::measure::{Channel, Document, SoftMeasure};
//! use rouxing::mechanism::guidance::{self, GuidanceRequest};
//! use rouxing::party::{Party, PartyId};
//! use rouxing::{Catalogue, Regime};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let catalogue = Catalogue::from_json(r#"{"schema_version": 1, "name": "示例", "items": [{
//!     "code": "MR-1", "name": "未按规定公示", "domain": "market_regulation",
//!     "authority": "市场监督管理部门", "penalty_provision": "示例条例第十条",
//!     "penalty": {"kinds": ["warning", "fine"], "fine": {"kind": "up_to", "max": "5000"}}}]}"#)?;
//! let case = Case::builder("2025-018".parse()?, "MR-1".parse()?)
//!     .party(Party::legal_person(PartyId::new("91620725MA8")?, None))
//!     .act_on(d(2025, 3, 1)?)
//!     .discovered_on(d(2025, 3, 3)?)
//!     .gravity(Gravity::Minor)
//!     .harm(Harm::None)
//!     .correction(Correction::None)
//!     .build()?;
//! let request = GuidanceRequest {
//!     on: d(2025, 3, 3)?,
//!     channel: guidance::parse_channel("短信")?,
//!     measures: vec![SoftMeasure::Reminder, SoftMeasure::Suggestion],
//!     content: "请于十五日内在经营场所显著位置公示相关信息".to_owned(),
//!     correction_by: None,
//! };
//! let outcome = guidance::plan(&case, &catalogue, &Regime::national(), &request, &[])?;
//! let plan = outcome.plan().ok_or("refused")?;
//! assert_eq!(plan.channel, Channel::Sms);
//! assert_eq!(plan.document, Document::ReminderSuggestionLetter);
//! assert_eq!(plan.follow_up_on, d(2025, 4, 2)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Check, NON_COERCIVE_FIRST, Outcome, SIMPLE_GUIDANCE, TOLERANCE};
use crate::assess::{Assessment, Bar, Tier};
use crate::calendar;
use crate::case::{Aggravating, Case, CaseError, CaseId, Context, Correction, Harm, OfficerId};
use crate::catalogue::{Catalogue, ItemCode, LoadError, parse_json};
use crate::decision::{Decision, Disposition};
use crate::law::{Citation, Instrument};
use crate::measure::{Channel, Document, Mechanism, SoftMeasure};
use crate::party::PartyId;
use crate::regime::Regime;

/// The statement every guidance instrument carries: guidance is not binding.
///
/// # Legal basis
///
/// The Gansu emergency-management 行政提醒建议书 template: "本行政指导不具有强制性，你
/// (单位)可以选择是否接受"; 《优化营商环境条例》第五十九条第一款 names 行政指导 among the
/// "非强制性手段".
pub const NON_BINDING_NOTICE: &str = "本行政指导不具有强制性，你（单位）可以选择是否接受。";

vocabulary! {
    /// A requirement of simple guidance for a violation.
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(一): "对事项简单、影响较小的轻微违法情形" — [`SimpleMatter`],
    /// [`SmallImpact`], [`Minor`]. The bars follow from the same sentence and
    /// the law: the safety baseline (五(二) "不触碰安全底线"; SAMR 2025: "对于触碰到
    /// 例如食品安全、公共安全等底线的行为，坚持零容忍"), harm beyond slight (a matter whose
    /// impact is small), a party that refused or did not follow earlier guidance
    /// (the Gansu list: "对整改不符合要求、拒不整改…要依法依规严格执法"), and a formal
    /// procedure the law requires (行政处罚法 Arts. 57, 58: a penalty that must be
    /// imposed, a transfer, a legal review).
    ///
    /// [`SimpleMatter`]: GuidanceRequirement::SimpleMatter
    /// [`SmallImpact`]: GuidanceRequirement::SmallImpact
    /// [`Minor`]: GuidanceRequirement::Minor
    pub enum GuidanceRequirement {
        /// A violation is established (otherwise guide a tendency).
        ViolationEstablished => "违法事实成立",
        /// 违法行为轻微.
        Minor => "违法行为轻微",
        /// 事项简单: facts clear, one item, no complex circumstances.
        SimpleMatter => "事项简单",
        /// 影响较小: no aggravating circumstance, no major public interest or rights.
        SmallImpact => "影响较小",
        /// No harm, or slight harm only.
        HarmAtMostSlight => "没有造成危害后果或者危害后果轻微",
        /// The item does not touch the safety baseline.
        OffSafetyBaseline => "不触碰安全底线",
        /// The party did not refuse or fail earlier guidance or correction.
        GuidanceHeeded => "未拒绝或者未落实此前的引导、整改",
        /// The law requires no formal procedure: 不予处罚 is lawful (if the
        /// party corrects in time), no transfer, no legal review, no
        /// collective decision.
        NoFormalProcedure => "法律未要求适用正式程序",
    }
}

vocabulary! {
    /// A field the officer must record for a guidance contact (留痕).
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 四(四): "加强执法全过程“留痕”和可追溯管理"; 《优化营商环境条例》第五十八条:
    /// "实现…行政执法全过程留痕和可回溯管理". The Henan 简易行政指导统计表 records "时间 /
    /// 行政指导的方式、对象和内容 / 指导结果". The channel-specific fields are rouxing's
    /// reading of what makes each contact traceable (unconfirmed as a rule).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `time` | 时间 |
    /// | `officers` | 执法人员 |
    /// | `content` | 指导内容 |
    /// | `party_response` | 当事人反馈 |
    /// | `place` | 地点 |
    /// | `party_signature` | 当事人签收 |
    /// | `phone_number` | 联系电话 |
    /// | `call_record` | 通话录音或者电话记录 |
    /// | `delivery_receipt` | 发送回执 |
    /// | `email_address` | 电子邮箱 |
    /// | `platform_record` | 平台办理记录 |
    ///
    /// ```
    /// use rouxing::mechanism::guidance::RecordField;
    ///
    /// let record_field: RecordField = serde_json::from_str(r#""time""#)?;
    /// assert_eq!(record_field, RecordField::Time);
    /// assert_eq!(serde_json::to_string(&record_field)?, r#""time""#);
    /// # let codes = [("time", "时间"), ("officers", "执法人员"), ("content", "指导内容"), ("party_response", "当事人反馈"), ("place", "地点"), ("party_signature", "当事人签收"), ("phone_number", "联系电话"), ("call_record", "通话录音或者电话记录"), ("delivery_receipt", "发送回执"), ("email_address", "电子邮箱"), ("platform_record", "平台办理记录")];
    /// # assert_eq!(RecordField::ALL.len(), codes.len());
    /// # for (v, (code, name)) in RecordField::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<RecordField>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum RecordField {
        /// Date and time of the contact.
        Time => "时间",
        /// The officers who gave the guidance.
        Officers => "执法人员",
        /// What was said or sent.
        Content => "指导内容",
        /// The party's answer.
        PartyResponse => "当事人反馈",
        /// In person: the place.
        Place => "地点",
        /// In person: the party's signature on the receipt (回执) or a note of refusal.
        PartySignature => "当事人签收",
        /// Phone / SMS: the number.
        PhoneNumber => "联系电话",
        /// Phone: a call recording or a written call note.
        CallRecord => "通话录音或者电话记录",
        /// SMS / e-mail / online: the delivery receipt or send status.
        DeliveryReceipt => "发送回执",
        /// E-mail: the address.
        EmailAddress => "电子邮箱",
        /// Online: the platform and its record number.
        PlatformRecord => "平台办理记录",
    }
}

vocabulary! {
    /// A required content of a guidance instrument.
    ///
    /// # Legal basis
    ///
    /// The Gansu 行政提醒建议书 template (甘应急行建字): the violated provision; "鉴于违法情节
    /// 轻微，没有造成危害后果…决定不予处罚"; a correction date; "逾期不纠正或者再次发现…将依法予以
    /// 处罚"; "本行政指导不具有强制性"; a receipt (回执); officer name and credential
    /// number; seal and date. The Henan 简易行政指导书: a number of the form
    /// "行政区划简称+行政机关简称+文书简称+年份+序号", the 行政指导方式 and 行政指导内容,
    /// one copy to the party and one archived.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `number` | 文书编号 |
    /// | `party` | 当事人 |
    /// | `facts` | 发现的问题 |
    /// | `violated_provision` | 违反的规定 |
    /// | `no_penalty_reason` | 不予处罚的理由 |
    /// | `method` | 行政指导方式 |
    /// | `content` | 行政指导内容 |
    /// | `correction_date` | 改正期限 |
    /// | `consequence_warning` | 逾期不纠正或者再次发现的法律后果 |
    /// | `non_binding` | 本行政指导不具有强制性 |
    /// | `receipt` | 回执 |
    /// | `officer_credentials` | 执法人员姓名及执法证号 |
    /// | `seal_and_date` | 行政机关印章和日期 |
    ///
    /// ```
    /// use rouxing::mechanism::guidance::LetterContent;
    ///
    /// let letter_content: LetterContent = serde_json::from_str(r#""number""#)?;
    /// assert_eq!(letter_content, LetterContent::Number);
    /// assert_eq!(serde_json::to_string(&letter_content)?, r#""number""#);
    /// # let codes = [("number", "文书编号"), ("party", "当事人"), ("facts", "发现的问题"), ("violated_provision", "违反的规定"), ("no_penalty_reason", "不予处罚的理由"), ("method", "行政指导方式"), ("content", "行政指导内容"), ("correction_date", "改正期限"), ("consequence_warning", "逾期不纠正或者再次发现的法律后果"), ("non_binding", "本行政指导不具有强制性"), ("receipt", "回执"), ("officer_credentials", "执法人员姓名及执法证号"), ("seal_and_date", "行政机关印章和日期")];
    /// # assert_eq!(LetterContent::ALL.len(), codes.len());
    /// # for (v, (code, name)) in LetterContent::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<LetterContent>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum LetterContent {
        /// 文书编号.
        Number => "文书编号",
        /// The party.
        Party => "当事人",
        /// The facts found (the violation or the tendency).
        Facts => "发现的问题",
        /// The provision violated.
        ViolatedProvision => "违反的规定",
        /// Why no penalty is imposed.
        NoPenaltyReason => "不予处罚的理由",
        /// The guidance method (提示、规劝、建议 …).
        Method => "行政指导方式",
        /// The guidance content.
        Content => "行政指导内容",
        /// The correction date.
        CorrectionDate => "改正期限",
        /// The consequence of not correcting or repeating.
        ConsequenceWarning => "逾期不纠正或者再次发现的法律后果",
        /// The non-binding statement.
        NonBinding => "本行政指导不具有强制性",
        /// The receipt (回执).
        Receipt => "回执",
        /// Officer name and credential number.
        OfficerCredentials => "执法人员姓名及执法证号",
        /// Seal and date.
        SealAndDate => "行政机关印章和日期",
    }
}

vocabulary! {
    /// The party's answer to a guidance contact.
    pub enum PartyResponse {
        /// Accepted the guidance.
        Accepted => "接受",
        /// Refused it (guidance is not binding; a refusal bars simple guidance next time).
        Refused => "拒绝",
        /// No answer.
        NoAnswer => "未答复",
    }
}

vocabulary! {
    /// What came of a guidance contact, as found at the follow-up (回访).
    pub enum GuidanceResult {
        /// Not yet followed up.
        Pending => "待回访",
        /// The party corrected.
        Corrected => "已纠正",
        /// The party did not correct.
        NotCorrected => "未纠正",
    }
}

/// The soft measures simple guidance may use.
///
/// # Legal basis
///
/// 山丹县实施方案 五(一) names "指导、建议、提醒、劝告等非强制方式"; the "等" is filled from
/// 《优化营商环境条例》第五十九条第一款 ("说服教育、劝导示范、行政指导等非强制性手段") and the
/// published Gansu lists (预警提示、警示告诫、政策辅导、走访约谈). A follow-up visit (回访)
/// is part of the plan, not a guidance measure.
pub const MEASURES: &[SoftMeasure] = &[
    SoftMeasure::Guidance,
    SoftMeasure::Suggestion,
    SoftMeasure::Reminder,
    SoftMeasure::Dissuasion,
    SoftMeasure::Prompt,
    SoftMeasure::Admonition,
    SoftMeasure::PersuasionEducation,
    SoftMeasure::Coaching,
    SoftMeasure::Demonstration,
    SoftMeasure::Interview,
];

/// The provision that admits a soft measure to simple guidance, or `None`
/// when the measure is not a simple-guidance measure.
///
/// # Legal basis
///
/// 指导、建议、提醒、劝告: 山丹县实施方案 五(一). The others: 《优化营商环境条例》第五十九条第一款.
pub fn measure_basis(measure: SoftMeasure) -> Option<Citation> {
    match measure {
        SoftMeasure::Guidance | SoftMeasure::Suggestion | SoftMeasure::Reminder | SoftMeasure::Dissuasion => {
            Some(SIMPLE_GUIDANCE)
        }
        SoftMeasure::Prompt
        | SoftMeasure::Admonition
        | SoftMeasure::PersuasionEducation
        | SoftMeasure::Coaching
        | SoftMeasure::Demonstration
        | SoftMeasure::Interview => Some(NON_COERCIVE_FIRST),
        _ => None,
    }
}

/// The provision that admits a channel.
///
/// # Legal basis
///
/// 当面、电话、短信、电子邮件: 山丹县实施方案 五(一) "可以通过当面或者电话、短信、电子邮件等简易形式".
/// 网上在线办理: 四(四) "有条件的部门要积极创新，借助现代化信息技术，开展网上在线办理".
pub fn channel_basis(channel: Channel) -> Citation {
    match channel {
        Channel::Online => Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(4).sentence(3),
        _ => SIMPLE_GUIDANCE,
    }
}

/// Parses a channel from its code (`in_person`, `phone`, `sms`, `email`,
/// `online`) or its Chinese name (当面、电话、短信、电子邮件、网上在线办理; also 线上).
///
/// # Errors
///
/// Returns [`GuidanceError::UnknownChannel`] for anything else.
///
/// ```
/// use rouxing::measure::Channel;
/// use rouxing::mechanism::guidance::parse_channel;
///
/// assert_eq!(parse_channel("电话")?, Channel::Phone);
/// assert_eq!(parse_channel("email")?, Channel::Email);
/// assert!(parse_channel("fax").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_channel(text: &str) -> Result<Channel, GuidanceError> {
    let t = text.trim();
    if let Ok(c) = t.parse::<Channel>() {
        return Ok(c);
    }
    if t == "线上" {
        return Ok(Channel::Online);
    }
    Channel::ALL
        .iter()
        .copied()
        .find(|c| c.legal_name() == t)
        .ok_or_else(|| GuidanceError::UnknownChannel { value: text.to_owned() })
}

/// What must be recorded for a contact through a channel.
///
/// Every channel records the time, the officers, the content and the
/// party's answer; each adds what makes the contact traceable. A phone call
/// is recorded too: a recording or a written call note.
///
/// # Legal basis
///
/// 山丹县实施方案 四(四): "加强执法全过程“留痕”和可追溯管理"; see [`RecordField`].
pub fn record_fields(channel: Channel) -> Vec<RecordField> {
    let mut v =
        vec![RecordField::Time, RecordField::Officers, RecordField::Content, RecordField::PartyResponse];
    match channel {
        Channel::InPerson => v.extend([RecordField::Place, RecordField::PartySignature]),
        Channel::Phone => v.extend([RecordField::PhoneNumber, RecordField::CallRecord]),
        Channel::Sms => v.extend([RecordField::PhoneNumber, RecordField::DeliveryReceipt]),
        Channel::Email => v.extend([RecordField::EmailAddress, RecordField::DeliveryReceipt]),
        _ => v.extend([RecordField::PlatformRecord, RecordField::DeliveryReceipt]),
    }
    v
}

/// The channels a measure can be delivered through: an interview (约谈) is a
/// meeting, held in person or online; every other measure goes through any
/// channel.
fn channel_fits(measure: SoftMeasure, channel: Channel) -> bool {
    measure != SoftMeasure::Interview || matches!(channel, Channel::InPerson | Channel::Online)
}

/// What the officer proposes: when, through which channel, which measures
/// and what to say.
///
/// On the wire (unknown fields rejected, an unknown channel named):
/// `{"on": "2025-03-03", "channel": "sms", "measures": ["reminder"],
/// "content": "…", "correction_by": "2025-03-18"}`.
///
/// # JSON
///
/// ```
/// let guidance_request_json = r#"{
///   "on": "2025-03-10",
///   "channel": "sms",
///   "measures": ["reminder", "suggestion"],
///   "content": "贵店部分商品未标明价格，请于改正期限内按规定明码标价。"
/// }"#;
/// use rouxing::mechanism::guidance::GuidanceRequest;
///
/// let guidance_request: GuidanceRequest = serde_json::from_str(guidance_request_json)?;
/// assert_eq!(serde_json::to_value(&guidance_request)?, serde_json::from_str::<serde_json::Value>(guidance_request_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuidanceRequest {
    /// The day of the guidance.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The channel.
    pub channel: Channel,
    /// The soft measures (at least one, from [`MEASURES`]).
    pub measures: Vec<SoftMeasure>,
    /// What the guidance says.
    pub content: String,
    /// The correction date, if the officer sets one; default the day of the
    /// guidance plus the regime's `correction_days`, moved off a holiday.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub correction_by: Option<NaiveDate>,
}

impl GuidanceRequest {
    /// Loads a request from JSON, naming `file` in errors.
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not a
    /// request (an unknown channel or measure, a bad date, an unknown field).
    pub fn from_json_named(file: &str, text: &str) -> Result<GuidanceRequest, LoadError> {
        parse_json(file, text)
    }
}

/// A tendency to violate (违法倾向): conduct heading towards a violation
/// that has not happened.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tendency {
    /// The party.
    pub party: PartyId,
    /// The day the tendency was observed.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub observed_on: NaiveDate,
    /// What was observed.
    pub description: String,
    /// The item the party risks violating, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
}

/// Who or what a guidance plan addresses.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "subject", rename_all = "snake_case", deny_unknown_fields)]
pub enum Subject {
    /// A minor violation in a case.
    Violation {
        /// The case.
        case_id: CaseId,
        /// The item violated.
        item: ItemCode,
    },
    /// A tendency: no violation, so no penalty can follow.
    Tendency {
        /// What was observed.
        description: String,
        /// The item at risk, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<ItemCode>,
    },
}

/// A simple-guidance plan.
///
/// A plan is never a penalty: it has no sanction, and [`apply`] refuses a
/// decision that imposes one.
///
/// # Legal basis
///
/// 山丹县实施方案 五(一); 《优化营商环境条例》第五十九条第一款; for a violation, 行政处罚法
/// Art. 28 ¶1 (correction) and Art. 33 ¶3 (education on every no-penalty
/// outcome); for a tendency, Arts. 4 and 40 (a penalty only for a violation
/// that is established).
///
/// # JSON
///
/// ```
/// let guidance_plan_json = r#"{
///   "subject": {"subject": "violation", "case_id": "SD-SJ-2025-031", "item": "MR-PRICE-42"},
///   "party": "92620725MA71XXXX1K",
///   "on": "2025-03-10",
///   "channel": "sms",
///   "measures": ["reminder", "suggestion"],
///   "content": "贵店部分商品未标明价格，请于改正期限内按规定明码标价。",
///   "document": "reminder_suggestion_letter",
///   "contents": [
///                 "number",
///                 "party",
///                 "facts",
///                 "violated_provision",
///                 "no_penalty_reason",
///                 "content",
///                 "correction_date",
///                 "consequence_warning",
///                 "non_binding",
///                 "receipt",
///                 "officer_credentials",
///                 "seal_and_date"
///               ],
///   "record": [
///               "time",
///               "officers",
///               "content",
///               "party_response",
///               "phone_number",
///               "delivery_receipt"
///             ],
///   "correction_by": "2025-03-25",
///   "follow_up_on": "2025-04-09",
///   "non_binding": "本行政指导不具有强制性，你（单位）可以选择是否接受。",
///   "citations": [
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_1"},
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_1"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_28__para_1"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_33__para_3"}
///                ]
/// }"#;
/// use rouxing::mechanism::guidance::GuidancePlan;
///
/// let guidance_plan: GuidancePlan = serde_json::from_str(guidance_plan_json)?;
/// assert_eq!(serde_json::to_value(&guidance_plan)?, serde_json::from_str::<serde_json::Value>(guidance_plan_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuidancePlan {
    /// What is guided.
    pub subject: Subject,
    /// The party.
    pub party: PartyId,
    /// The day of the guidance.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The channel.
    pub channel: Channel,
    /// The soft measures.
    pub measures: Vec<SoftMeasure>,
    /// What the guidance says.
    pub content: String,
    /// The instrument (行政提醒建议书 or 简易行政指导书).
    pub document: Document,
    /// What the instrument must contain.
    pub contents: Vec<LetterContent>,
    /// What must be recorded for the channel.
    pub record: Vec<RecordField>,
    /// The correction date, for a violation not yet corrected.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub correction_by: Option<NaiveDate>,
    /// The follow-up visit (回访).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub follow_up_on: NaiveDate,
    /// The non-binding statement ([`NON_BINDING_NOTICE`]).
    pub non_binding: String,
    /// The provisions the plan applies.
    pub citations: Vec<Citation>,
}

/// A stored record of one guidance contact.
///
/// Build it with [`GuidanceRecord::new`], which checks that everything the
/// channel requires ([`record_fields`]) is there. A record is never a
/// penalty: it carries no sanction, tier or amount, so nothing can count it
/// as one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuidanceRecord {
    /// The party.
    pub party: PartyId,
    /// The case, for guidance on a violation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<CaseId>,
    /// The contact.
    pub contact: Contact,
    /// What came of it.
    pub result: GuidanceResult,
}

/// What the officer records about one contact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The channel used.
    pub channel: Channel,
    /// The day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The time.
    pub at: NaiveTime,
    /// The officers.
    pub officers: Vec<OfficerId>,
    /// What was said or sent.
    pub content: String,
    /// Where: the place, the number, the e-mail address or the platform
    /// account.
    pub address: String,
    /// The trace: the receipt signed, the call recording or note, the send
    /// status, the platform record number.
    pub evidence: String,
    /// The party's answer.
    pub response: PartyResponse,
}

impl GuidanceRecord {
    /// Records a contact made under a plan.
    ///
    /// # Errors
    ///
    /// Returns an error when the channel differs from the plan's, the contact
    /// is dated before the plan, no officer is named, or the content, address
    /// or evidence the channel requires is empty.
    pub fn new(plan: &GuidancePlan, contact: Contact) -> Result<GuidanceRecord, GuidanceError> {
        if contact.channel != plan.channel {
            return Err(GuidanceError::ChannelMismatch { planned: plan.channel, recorded: contact.channel });
        }
        if contact.on < plan.on {
            return Err(GuidanceError::DateOrder {
                field: "contact.on",
                value: contact.on,
                earlier_field: "plan.on",
                earlier: plan.on,
            });
        }
        if contact.officers.is_empty() {
            return Err(GuidanceError::NoOfficer);
        }
        if contact.content.trim().is_empty() {
            return Err(GuidanceError::EmptyText { field: "contact.content" });
        }
        if contact.address.trim().is_empty() {
            return Err(GuidanceError::MissingRecord {
                channel: contact.channel,
                field: address_field(contact.channel),
            });
        }
        if contact.evidence.trim().is_empty() {
            return Err(GuidanceError::MissingRecord {
                channel: contact.channel,
                field: evidence_field(contact.channel),
            });
        }
        let case_id = match &plan.subject {
            Subject::Violation { case_id, .. } => Some(case_id.clone()),
            Subject::Tendency { .. } => None,
        };
        Ok(GuidanceRecord { party: plan.party.clone(), case_id, contact, result: GuidanceResult::Pending })
    }

    /// Whether the record shows the party refused or did not follow the
    /// guidance.
    pub fn ignored(&self) -> bool {
        self.contact.response == PartyResponse::Refused || self.result == GuidanceResult::NotCorrected
    }
}

fn address_field(channel: Channel) -> RecordField {
    match channel {
        Channel::InPerson => RecordField::Place,
        Channel::Phone | Channel::Sms => RecordField::PhoneNumber,
        Channel::Email => RecordField::EmailAddress,
        _ => RecordField::PlatformRecord,
    }
}

fn evidence_field(channel: Channel) -> RecordField {
    match channel {
        Channel::InPerson => RecordField::PartySignature,
        Channel::Phone => RecordField::CallRecord,
        _ => RecordField::DeliveryReceipt,
    }
}

/// Checks the requirements of simple guidance for a violation.
///
/// `current` is the assessment as things stand; `if_corrected` the assessment
/// if the party corrects in time (the same when the party already has).
/// `earlier` are the party's earlier guidance records (others' are ignored).
///
/// # Legal basis
///
/// See [`GuidanceRequirement`].
pub fn requirements(
    case: &Case,
    current: &Assessment,
    if_corrected: &Assessment,
    earlier: &[GuidanceRecord],
) -> Vec<Check<GuidanceRequirement>> {
    use GuidanceRequirement as G;
    let mut v = Vec::with_capacity(8);
    let no_violation =
        matches!(current.bar, Some(Bar::NoLegalBasis | Bar::NotIllegal | Bar::FactsNotEstablished));
    v.push(match current.bar.filter(|_| no_violation) {
        Some(bar) => Check::new(
            G::ViolationEstablished,
            false,
            bar.citation(),
            format!("{}：没有可以纠正的违法行为，只能对违法倾向进行引导", bar.legal_name()),
        ),
        None => Check::new(G::ViolationEstablished, true, Citation::apl(40), "违法事实已经查明".to_owned()),
    });
    v.push(Check::new(
        G::Minor,
        case.gravity() == crate::case::Gravity::Minor,
        SIMPLE_GUIDANCE,
        format!("情节：{}", case.gravity().legal_name()),
    ));
    let complex: Vec<&str> = case
        .context()
        .iter()
        .filter(|c| matches!(c, Context::ComplexLegalRelations | Context::ComplexCircumstances))
        .map(|c| c.legal_name())
        .collect();
    let simple = complex.is_empty()
        && case.also_violates().is_empty()
        && case.facts() == crate::case::Facts::Established;
    v.push(Check::new(
        G::SimpleMatter,
        simple,
        SIMPLE_GUIDANCE,
        if simple {
            "事实清楚、只涉及一个违法行为".to_owned()
        } else if !complex.is_empty() {
            complex.join("、")
        } else if !case.also_violates().is_empty() {
            format!("同时违反{}项其他规定", case.also_violates().len())
        } else {
            case.facts().legal_name().to_owned()
        },
    ));
    let weighty: Vec<&str> = case
        .context()
        .iter()
        .filter(|c| matches!(c, Context::MajorPublicInterest | Context::MajorRights))
        .map(|c| c.legal_name())
        .chain(case.aggravating().iter().map(|a| a.legal_name()))
        .collect();
    v.push(Check::new(
        G::SmallImpact,
        weighty.is_empty(),
        SIMPLE_GUIDANCE,
        if weighty.is_empty() {
            "没有从重情节，不涉及重大公共利益或者重大权益".to_owned()
        } else {
            weighty.join("、")
        },
    ));
    v.push(Check::new(
        G::HarmAtMostSlight,
        case.harm() <= Harm::Slight,
        SIMPLE_GUIDANCE,
        format!("危害后果：{}", case.harm().legal_name()),
    ));
    let baseline_item = current.item.as_ref().is_some_and(|i| i.safety_baseline);
    let endangers = case.aggravating().contains(&Aggravating::EndangersSafety);
    v.push(Check::new(
        G::OffSafetyBaseline,
        !baseline_item && !endangers,
        TOLERANCE,
        if baseline_item {
            format!("事项{}触碰安全底线", case.item())
        } else if endangers {
            Aggravating::EndangersSafety.legal_name().to_owned()
        } else {
            "不触碰安全底线".to_owned()
        },
    ));
    let ignored = earlier.iter().filter(|r| &r.party == case.party().id()).find(|r| r.ignored());
    let refused_correction = case.correction() == Correction::Refused;
    v.push(Check::new(
        G::GuidanceHeeded,
        ignored.is_none() && !refused_correction,
        SIMPLE_GUIDANCE,
        match ignored {
            Some(r) => format!(
                "{}经{}引导，当事人{}、{}",
                r.contact.on,
                r.contact.channel.legal_name(),
                r.contact.response.legal_name(),
                r.result.legal_name()
            ),
            None if refused_correction => Correction::Refused.legal_name().to_owned(),
            None => "此前没有拒绝或者未落实的引导".to_owned(),
        },
    ));
    v.push(formal_procedure(current, if_corrected));
    v
}

fn formal_procedure(current: &Assessment, if_corrected: &Assessment) -> Check<GuidanceRequirement> {
    let g = GuidanceRequirement::NoFormalProcedure;
    if current.bar == Some(Bar::SuspectedCrime) {
        return Check::new(
            g,
            false,
            Citation::apl(57).para(1).item(4),
            "涉嫌犯罪，应当移送司法机关".to_owned(),
        );
    }
    if let Some(c) = current.legal_review_triggers.first() {
        return Check::new(
            g,
            false,
            Citation::apl(58).para(1),
            format!("{}，应当进行法制审核", c.legal_name()),
        );
    }
    if current.collective_decision {
        return Check::new(g, false, Citation::apl(57).para(2), "情节复杂，应当集体讨论决定".to_owned());
    }
    if !if_corrected.is_lawful(Tier::NoPenalty) {
        return Check::new(
            g,
            false,
            Citation::apl(57).para(1).item(1),
            format!(
                "即使及时改正，依法也应当给予行政处罚（最轻为{}）",
                if_corrected.most_lenient().legal_name()
            ),
        );
    }
    let detail = if current.is_lawful(Tier::NoPenalty) {
        "依法可以不予行政处罚".to_owned()
    } else {
        "及时改正的，依法可以不予行政处罚".to_owned()
    };
    Check::new(g, true, SIMPLE_GUIDANCE, detail)
}

/// Plans simple guidance for a violation, or says why it is refused.
///
/// The guidance is given on `request.on`, which is also the day the law is
/// applied. rouxing assesses the case as it stands and as it would stand if
/// the party corrected by the correction date, and requires 不予处罚 to be
/// lawful in the second.
///
/// # Errors
///
/// Returns an error for bad input: no measure, a measure listed twice or not
/// a simple-guidance measure, a measure the channel cannot carry, empty
/// content, a guidance day before discovery, a correction date before the
/// guidance, or dates out of range.
///
/// # Legal basis
///
/// See [`GuidanceRequirement`] and [`GuidancePlan`].
pub fn plan(
    case: &Case,
    catalogue: &Catalogue,
    regime: &Regime,
    request: &GuidanceRequest,
    earlier: &[GuidanceRecord],
) -> Result<Outcome<GuidancePlan, GuidanceRequirement>, GuidanceError> {
    validate_request(request)?;
    if request.on < case.discovered_on() {
        return Err(GuidanceError::DateOrder {
            field: "on",
            value: request.on,
            earlier_field: "discovered_on",
            earlier: case.discovered_on(),
        });
    }
    let corrected = matches!(case.correction(), Correction::Prompt { .. } | Correction::Late { .. });
    let correction_by = if corrected { None } else { Some(correction_date(request, regime)?) };
    let current = crate::assess(case, catalogue, regime, request.on);
    let if_corrected = match correction_by {
        Some(by) if case.correction() == Correction::None => {
            let hypo = case.to_builder().correction(Correction::Prompt { on: by }).build()?;
            crate::assess(&hypo, catalogue, regime, request.on)
        }
        _ => current.clone(),
    };
    let checks = requirements(case, &current, &if_corrected, earlier);
    let follow_up_on = follow_up(request.on, regime)?;
    Ok(Outcome::from_checks(checks, || {
        let mut citations = vec![SIMPLE_GUIDANCE, channel_basis(request.channel)];
        for m in &request.measures {
            if let Some(c) = measure_basis(*m) {
                if !citations.contains(&c) {
                    citations.push(c);
                }
            }
        }
        citations.push(Citation::apl(28).para(1));
        citations.push(Citation::apl(33).para(3));
        let mut contents = vec![
            LetterContent::Number,
            LetterContent::Party,
            LetterContent::Facts,
            LetterContent::ViolatedProvision,
            LetterContent::NoPenaltyReason,
            LetterContent::Content,
        ];
        if correction_by.is_some() {
            contents.push(LetterContent::CorrectionDate);
        }
        contents.extend([
            LetterContent::ConsequenceWarning,
            LetterContent::NonBinding,
            LetterContent::Receipt,
            LetterContent::OfficerCredentials,
            LetterContent::SealAndDate,
        ]);
        GuidancePlan {
            subject: Subject::Violation { case_id: case.id().clone(), item: case.item().clone() },
            party: case.party().id().clone(),
            on: request.on,
            channel: request.channel,
            measures: request.measures.clone(),
            content: request.content.clone(),
            document: Document::ReminderSuggestionLetter,
            contents,
            record: record_fields(request.channel),
            correction_by,
            follow_up_on,
            non_binding: NON_BINDING_NOTICE.to_owned(),
            citations,
        }
    }))
}

/// Plans guidance on a tendency (违法倾向). Always granted: with no violation,
/// guidance is the only lawful action, and no penalty may follow from it.
///
/// # Errors
///
/// Returns an error for bad input: as [`plan`], plus an empty description or
/// a guidance day before the tendency was observed. A correction date is
/// refused: there is nothing to correct yet.
///
/// # Legal basis
///
/// 山丹县实施方案 五(一) "及时纠正违法倾向"; 行政处罚法 Art. 4: a penalty applies to
/// "违反行政管理秩序的行为"; Art. 40: "违法事实不清、证据不足的，不得给予行政处罚".
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::measure::{Channel, Document, SoftMeasure};
/// use rouxing::mechanism::guidance::{self, GuidanceRequest, Tendency};
/// use rouxing::party::PartyId;
/// use rouxing::Regime;
///
/// let on = NaiveDate::from_ymd_opt(2025, 6, 3).ok_or("date")?;
/// let tendency = Tendency {
///     party: PartyId::new("91620725MA9")?,
///     observed_on: on,
///     description: "拟在促销中使用“最佳”等用语".to_owned(),
///     item: None,
/// };
/// let request = GuidanceRequest {
///     on,
///     channel: Channel::Phone,
///     measures: vec![SoftMeasure::Reminder],
///     content: "广告中不得使用“最佳”等用语".to_owned(),
///     correction_by: None,
/// };
/// let plan = guidance::plan_tendency(&tendency, &Regime::national(), &request)?;
/// assert_eq!(plan.document, Document::SimpleGuidanceLetter);
/// assert!(plan.correction_by.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_tendency(
    tendency: &Tendency,
    regime: &Regime,
    request: &GuidanceRequest,
) -> Result<GuidancePlan, GuidanceError> {
    validate_request(request)?;
    if tendency.description.trim().is_empty() {
        return Err(GuidanceError::EmptyText { field: "description" });
    }
    if request.on < tendency.observed_on {
        return Err(GuidanceError::DateOrder {
            field: "on",
            value: request.on,
            earlier_field: "observed_on",
            earlier: tendency.observed_on,
        });
    }
    if request.correction_by.is_some() {
        return Err(GuidanceError::CorrectionForTendency);
    }
    let mut citations = vec![SIMPLE_GUIDANCE, channel_basis(request.channel)];
    for m in &request.measures {
        if let Some(c) = measure_basis(*m) {
            if !citations.contains(&c) {
                citations.push(c);
            }
        }
    }
    citations.extend([Citation::apl(4), Citation::apl(40)]);
    Ok(GuidancePlan {
        subject: Subject::Tendency { description: tendency.description.clone(), item: tendency.item.clone() },
        party: tendency.party.clone(),
        on: request.on,
        channel: request.channel,
        measures: request.measures.clone(),
        content: request.content.clone(),
        document: Document::SimpleGuidanceLetter,
        contents: vec![
            LetterContent::Number,
            LetterContent::Party,
            LetterContent::Facts,
            LetterContent::Method,
            LetterContent::Content,
            LetterContent::NonBinding,
            LetterContent::Receipt,
            LetterContent::OfficerCredentials,
            LetterContent::SealAndDate,
        ],
        record: record_fields(request.channel),
        correction_by: None,
        follow_up_on: follow_up(request.on, regime)?,
        non_binding: NON_BINDING_NOTICE.to_owned(),
        citations,
    })
}

fn validate_request(r: &GuidanceRequest) -> Result<(), GuidanceError> {
    if r.measures.is_empty() {
        return Err(GuidanceError::NoMeasure);
    }
    for (i, m) in r.measures.iter().enumerate() {
        if r.measures.iter().skip(i + 1).any(|n| n == m) {
            return Err(GuidanceError::DuplicateMeasure { measure: *m });
        }
        if measure_basis(*m).is_none() {
            return Err(GuidanceError::MeasureNotAllowed { measure: *m });
        }
        if !channel_fits(*m, r.channel) {
            return Err(GuidanceError::MeasureChannel { measure: *m, channel: r.channel });
        }
    }
    if r.content.trim().is_empty() {
        return Err(GuidanceError::EmptyText { field: "content" });
    }
    if let Some(by) = r.correction_by {
        if by < r.on {
            return Err(GuidanceError::DateOrder {
                field: "correction_by",
                value: by,
                earlier_field: "on",
                earlier: r.on,
            });
        }
    }
    Ok(())
}

/// The correction date: the officer's, or the guidance day plus the regime's
/// `correction_days`, moved off a holiday (民法典 Art. 203).
fn correction_date(r: &GuidanceRequest, regime: &Regime) -> Result<NaiveDate, GuidanceError> {
    match r.correction_by {
        Some(by) => Ok(by),
        None => calendar::add_days(r.on, regime.correction_days)
            .map(|d| regime.calendar.extend_if_holiday(d))
            .ok_or(GuidanceError::DateOutOfRange { from: r.on }),
    }
}

fn follow_up(on: NaiveDate, regime: &Regime) -> Result<NaiveDate, GuidanceError> {
    calendar::add_days(on, regime.follow_up_days).ok_or(GuidanceError::DateOutOfRange { from: on })
}

/// Applies a guidance plan to the decision of its case, so that statistics
/// count it: marks [`Mechanism::SimpleGuidance`], records the channel in
/// `contacts`, adds the measures, the instrument and the follow-up date.
///
/// Sanctions, tier and disposition are never touched: guidance is not a
/// penalty.
///
/// # Errors
///
/// Returns an error when the plan is for a tendency (there is no case
/// decision), for another case, or when the decision imposes a penalty
/// (simple guidance accompanies only a no-penalty outcome).
///
/// # Legal basis
///
/// 行政处罚法 Art. 2 (a penalty "以减损权益或者增加义务的方式予以惩戒"); the non-binding
/// statement "本行政指导不具有强制性".
pub fn apply(plan: &GuidancePlan, decision: &Decision) -> Result<Decision, GuidanceError> {
    let case_id = match &plan.subject {
        Subject::Violation { case_id, .. } => case_id,
        Subject::Tendency { .. } => return Err(GuidanceError::NoCase),
    };
    if case_id != &decision.case_id {
        return Err(GuidanceError::CaseMismatch {
            plan: case_id.clone(),
            decision: decision.case_id.clone(),
        });
    }
    if decision.disposition != Disposition::NoPenalty || !decision.sanctions.is_empty() {
        return Err(GuidanceError::PenaltyDecision { case_id: decision.case_id.clone() });
    }
    let mut d = decision.clone();
    if !d.mechanisms.contains(&Mechanism::SimpleGuidance) {
        d.mechanisms.push(Mechanism::SimpleGuidance);
    }
    d.contacts.push(plan.channel);
    for m in &plan.measures {
        if !d.soft_measures.contains(m) {
            d.soft_measures.push(*m);
        }
    }
    if !d.soft_measures.contains(&SoftMeasure::FollowUpVisit) {
        d.soft_measures.push(SoftMeasure::FollowUpVisit);
    }
    if !d.documents.contains(&plan.document) {
        d.documents.push(plan.document);
    }
    d.follow_up_on = Some(match d.follow_up_on {
        Some(f) => f.min(plan.follow_up_on),
        None => plan.follow_up_on,
    });
    Ok(d)
}

/// The error returned for bad guidance input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GuidanceError {
    /// A channel that is not one of the simple forms.
    #[error(
        "unknown channel `{value}`: expected one of `in_person`, `phone`, `sms`, `email`, `online` or 当面、电话、短信、电子邮件、网上在线办理"
    )]
    UnknownChannel {
        /// The text given.
        value: String,
    },
    /// No soft measure.
    #[error(
        "guidance names no measure: give at least one of `guidance`, `suggestion`, `reminder`, `dissuasion`"
    )]
    NoMeasure,
    /// A measure listed twice.
    #[error("measure `{measure}` is listed twice")]
    DuplicateMeasure {
        /// The measure.
        measure: SoftMeasure,
    },
    /// A measure that is not a simple-guidance measure.
    #[error("measure `{measure}` is not a simple-guidance measure")]
    MeasureNotAllowed {
        /// The measure.
        measure: SoftMeasure,
    },
    /// A measure the channel cannot carry.
    #[error("measure `{measure}` cannot be delivered by `{channel}`: it needs `in_person` or `online`")]
    MeasureChannel {
        /// The measure.
        measure: SoftMeasure,
        /// The channel.
        channel: Channel,
    },
    /// An empty text field.
    #[error("field `{field}` must not be empty")]
    EmptyText {
        /// The field.
        field: &'static str,
    },
    /// Dates out of order.
    #[error("field `{field}` is `{value}`, before `{earlier_field}` `{earlier}`")]
    DateOrder {
        /// The field.
        field: &'static str,
        /// Its value.
        value: NaiveDate,
        /// The field it must not precede.
        earlier_field: &'static str,
        /// That field's value.
        earlier: NaiveDate,
    },
    /// A correction date for a tendency.
    #[error("field `correction_by` does not apply to a tendency: there is no violation to correct")]
    CorrectionForTendency,
    /// Date arithmetic left the calendar.
    #[error("date arithmetic from `{from}` leaves the supported range")]
    DateOutOfRange {
        /// The starting date.
        from: NaiveDate,
    },
    /// A tendency plan applied to a decision.
    #[error("a plan for a tendency has no case decision to apply to")]
    NoCase,
    /// Plan and decision for different cases.
    #[error("plan is for case `{plan}` but the decision is for case `{decision}`")]
    CaseMismatch {
        /// The plan's case.
        plan: CaseId,
        /// The decision's case.
        decision: CaseId,
    },
    /// The decision imposes a penalty.
    #[error(
        "decision for case `{case_id}` imposes a penalty: simple guidance accompanies only a no-penalty outcome"
    )]
    PenaltyDecision {
        /// The case.
        case_id: CaseId,
    },
    /// A contact through another channel than planned.
    #[error("contact by `{recorded}` does not match the planned channel `{planned}`")]
    ChannelMismatch {
        /// The planned channel.
        planned: Channel,
        /// The recorded channel.
        recorded: Channel,
    },
    /// A record without an officer.
    #[error("guidance record names no officer")]
    NoOfficer,
    /// A record missing what its channel requires.
    #[error("a `{channel}` guidance record needs `{field}` ({name})", name = field.legal_name())]
    MissingRecord {
        /// The channel.
        channel: Channel,
        /// The missing field.
        field: RecordField,
    },
    /// The hypothetical corrected case could not be built.
    #[error(transparent)]
    Case(#[from] CaseError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_parse_by_code_and_name() {
        for c in Channel::ALL {
            assert_eq!(parse_channel(c.code()).unwrap(), *c);
            assert_eq!(parse_channel(c.legal_name()).unwrap(), *c);
            assert!(channel_basis(*c).is_known(), "{c}");
        }
        assert_eq!(parse_channel(" 线上 ").unwrap(), Channel::Online);
        assert_eq!(
            parse_channel("fax").unwrap_err().to_string(),
            "unknown channel `fax`: expected one of `in_person`, `phone`, `sms`, `email`, `online` or 当面、电话、短信、电子邮件、网上在线办理"
        );
    }

    #[test]
    fn every_channel_records_the_basics() {
        for c in Channel::ALL {
            let f = record_fields(*c);
            for basic in
                [RecordField::Time, RecordField::Officers, RecordField::Content, RecordField::PartyResponse]
            {
                assert!(f.contains(&basic), "{c} {basic}");
            }
            assert!(f.contains(&address_field(*c)), "{c}");
            assert!(f.contains(&evidence_field(*c)), "{c}");
        }
        assert!(record_fields(Channel::Phone).contains(&RecordField::CallRecord));
    }

    #[test]
    fn measure_set() {
        for m in SoftMeasure::ALL {
            assert_eq!(measure_basis(*m).is_some(), MEASURES.contains(m), "{m}");
        }
        assert!(measure_basis(SoftMeasure::FollowUpVisit).is_none());
        assert!(!channel_fits(SoftMeasure::Interview, Channel::Sms));
        assert!(channel_fits(SoftMeasure::Interview, Channel::Online));
        assert!(channel_fits(SoftMeasure::Reminder, Channel::Sms));
    }

    #[test]
    fn codes_round_trip() {
        for v in GuidanceRequirement::ALL {
            assert_eq!(v.code().parse::<GuidanceRequirement>().unwrap(), *v);
        }
        for v in RecordField::ALL {
            assert_eq!(v.code().parse::<RecordField>().unwrap(), *v);
        }
        for v in LetterContent::ALL {
            assert_eq!(v.code().parse::<LetterContent>().unwrap(), *v);
        }
    }
}
