//! Enforcement instruments (柔性执法文书) rendered from a decision.
//!
//! The county plan asks each department to "制定必要的柔性执法文书" (山丹县实施方案
//! 四(四)); [`Decision::documents`] names the instruments an outcome calls for,
//! and this module writes them: from the decision, its case, the catalogue
//! item, the agency and the particulars only the case file holds (the
//! party's name and address, the facts and evidence as found), through a
//! department's [`TemplateSet`], into an [`Instrument`] that renders as plain
//! text ([`Instrument::to_text`]) and, with the `docx` feature, as a Word
//! document an agency prints and stamps (`Instrument::to_docx`).
//!
//! # Templates are data
//!
//! A template is a title, a 文号 pattern (`{year}`, `{serial}`, `{agency_short}`)
//! and paragraphs with placeholders (`{party_name}`, `{penalty}` …, see
//! [`Field`]). A department supplies its own wording as JSON
//! ([`TemplateSet::from_json_named`]); loading checks that every element the
//! law requires of that instrument has its placeholder — a 行政处罚决定书 template
//! without `{remedies}` is an error naming 申请行政复议、提起行政诉讼的途径和期限 and
//! Art. 59 ¶1 (五) — and that no placeholder is unknown. [`TemplateSet::standard`]
//! is the bundled wording (a design proposal, not an official 样式).
//!
//! ```json
//! {"schema_version": 1, "department": "某县市场监督管理局", "templates": [
//!   {"kind": "correction_notice", "title": "责令改正通知书",
//!    "number": "{agency_short}责改〔{year}〕{serial}号",
//!    "body": ["{party_name}：", "经查，{facts}", "违反了{violated_provision}。", "{correction}",
//!             "{consequence}", "{agency_name}", "{seal}", "{date}"]}]}
//! ```
//!
//! # Judging substance
//!
//! Every value is computed from what the decision does, never from the
//! label it carries: a 行政处罚决定书 needs a decision that imposes sanctions; a
//! 当场行政处罚决定书 needs sanctions that Art. 51 admits on the spot (a warning, or
//! a fine within the regime's summary thresholds); a 不予行政处罚决定书 needs a
//! no-penalty disposition with the education Art. 33 ¶3 requires; a
//! 听证通知书 needs a hearing at least seven working days after the notice
//! (Art. 64 (二), Art. 85) chaired by someone who did not investigate
//! (Art. 64 (四)). Periods in working days use the regime's
//! [`WorkCalendar`](crate::calendar::WorkCalendar).
//!
//! # Legal basis
//!
//! * 《中华人民共和国行政处罚法》第五十九条: the six items of a 行政处罚决定书 and the seal
//!   (¶2); 第五十二条第二款: the 当场 decision; 第四十四条: the advance notice; 第六十三条,
//!   第六十四条第（一）（二）（四）项: hearing rights and notice; 第二十八条第一款: correction;
//!   第三十三条第三款: education; 第五十八条: legal review; 第六十七条第三款 and
//!   第七十二条第一款第（一）项: the manner and period of paying a fine; 第八十五条:
//!   working days.
//! * 《优化营商环境条例》第五十九条第一款 and 山丹县实施方案 五(一): guidance is
//!   non-binding ("本行政指导不具有强制性").
//! * The remedies' periods (sixty days for 行政复议, six months for 行政诉讼) are
//!   those of 《中华人民共和国行政复议法》第二十条第一款 and 《中华人民共和国行政诉讼法》
//!   第四十六条第一款; they are [`Remedies`] fields with those defaults, since a
//!   special law may set others.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::instrument::{self, InstrumentKind, Particulars, TemplateSet};
//! use rouxing::{Case, Catalogue, Regime, assess, recommend};
//!
//! let catalogue = Catalogue::bundled()?;
//! let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
//! let regime = Regime::shandan_sample();
//! let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
//! let decision = recommend(&assess(&case, &catalogue, &regime, on), &regime);
//! let particulars = Particulars::example();
//! let templates = TemplateSet::standard()?;
//! let ctx = instrument::Context::new(&decision, &case, &catalogue, &regime, &particulars, on)?;
//! let doc = ctx.render(&templates, InstrumentKind::NoPenaltyDecision)?;
//! let text = doc.to_text();
//! assert!(text.contains("不予行政处罚决定书"));
//! assert!(text.contains("第三十三条第三款"));          // education, Art. 33 ¶3
//! assert!(text.contains("申请行政复议"));              // remedies
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::case::{Agency, Case, OfficerId};
use crate::catalogue::{Catalogue, Item, LoadError, line_of, parse_json};
use crate::decision::{Decision, Disposition};
use crate::ident::prefix;
use crate::law::{Citation, Instrument as LawInstrument};
use crate::measure::{CorrectionKind, Document, PenaltyKind};
use crate::regime::Regime;

#[cfg(feature = "docx")]
mod docx;

/// The schema version of a template file.
pub const TEMPLATE_SCHEMA_VERSION: u32 = 1;

vocabulary! {
    /// An instrument rouxing renders.
    ///
    /// Each maps to the [`Document`] a decision lists, except
    /// [`HearingSummons`](InstrumentKind::HearingSummons) (听证通知书), which follows
    /// the party's request for a hearing and so is not known when deciding.
    pub enum InstrumentKind {
        /// 不予行政处罚决定书 (Art. 57 ¶1 (二), Art. 33).
        NoPenaltyDecision => "不予行政处罚决定书",
        /// 行政处罚决定书 (Art. 59).
        PenaltyDecision => "行政处罚决定书",
        /// 当场行政处罚决定书 (Art. 52).
        SummaryPenaltyDecision => "当场行政处罚决定书",
        /// 责令改正通知书 (Art. 28 ¶1).
        CorrectionNotice => "责令改正通知书",
        /// 行政提醒建议书 (non-binding).
        ReminderSuggestionLetter => "行政提醒建议书",
        /// 简易行政指导书 (non-binding, 山丹县实施方案 五(一)).
        SimpleGuidanceLetter => "简易行政指导书",
        /// 行政处罚事先告知书 (Art. 44).
        AdvanceNotice => "行政处罚事先告知书",
        /// 听证权利告知书 (Art. 63, Art. 64 (一)).
        HearingNotice => "听证权利告知书",
        /// 听证通知书 (Art. 64 (二)).
        HearingSummons => "听证通知书",
        /// 法制审核意见书 (Art. 58).
        LegalReviewOpinion => "法制审核意见书",
        /// 承诺书 (告知承诺).
        CommitmentLetter => "承诺书",
    }
}

impl InstrumentKind {
    /// The instrument that renders a document a decision lists, if rouxing
    /// renders it.
    pub const fn for_document(d: Document) -> Option<InstrumentKind> {
        Some(match d {
            Document::NoPenaltyDecision => InstrumentKind::NoPenaltyDecision,
            Document::PenaltyDecision => InstrumentKind::PenaltyDecision,
            Document::SummaryPenaltyDecision => InstrumentKind::SummaryPenaltyDecision,
            Document::CorrectionNotice => InstrumentKind::CorrectionNotice,
            Document::ReminderSuggestionLetter => InstrumentKind::ReminderSuggestionLetter,
            Document::SimpleGuidanceLetter => InstrumentKind::SimpleGuidanceLetter,
            Document::AdvanceNotice => InstrumentKind::AdvanceNotice,
            Document::HearingNotice => InstrumentKind::HearingNotice,
            Document::LegalReviewOpinion => InstrumentKind::LegalReviewOpinion,
            Document::CommitmentLetter => InstrumentKind::CommitmentLetter,
            _ => return None,
        })
    }

    /// The elements the law requires of this instrument, each with its
    /// source; a template must carry every one.
    pub fn required(self) -> &'static [Field] {
        use Field as F;
        match self {
            InstrumentKind::PenaltyDecision => &[
                F::PartyName,
                F::PartyAddress,
                F::Facts,
                F::Evidence,
                F::Penalty,
                F::PenaltyBasis,
                F::Performance,
                F::Remedies,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::SummaryPenaltyDecision => &[
                F::PartyName,
                F::Facts,
                F::Penalty,
                F::PenaltyBasis,
                F::TimePlace,
                F::Remedies,
                F::AgencyName,
                F::Officers,
            ],
            InstrumentKind::NoPenaltyDecision => &[
                F::PartyName,
                F::PartyAddress,
                F::Facts,
                F::Ground,
                F::Education,
                F::Correction,
                F::Remedies,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::CorrectionNotice => &[
                F::PartyName,
                F::Facts,
                F::ViolatedProvision,
                F::Correction,
                F::Consequence,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::ReminderSuggestionLetter | InstrumentKind::SimpleGuidanceLetter => &[
                F::PartyName,
                F::Facts,
                F::ViolatedProvision,
                F::Correction,
                F::NonBinding,
                F::AgencyName,
                F::Date,
            ],
            InstrumentKind::AdvanceNotice => &[
                F::PartyName,
                F::ProposedPenalty,
                F::Facts,
                F::Reasons,
                F::PenaltyBasis,
                F::Rights,
                F::StatementDeadline,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::HearingNotice => &[
                F::PartyName,
                F::ProposedPenalty,
                F::HearingRight,
                F::HearingDeadline,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::HearingSummons => &[
                F::PartyName,
                F::HearingTime,
                F::HearingPlace,
                F::HearingHost,
                F::AgencyName,
                F::Date,
                F::Seal,
            ],
            InstrumentKind::LegalReviewOpinion => {
                &[F::ReviewTriggers, F::ReviewPoints, F::ReviewOpinion, F::Reviewer, F::AgencyName, F::Date]
            }
            InstrumentKind::CommitmentLetter => {
                &[F::PartyName, F::Facts, F::Correction, F::Commitment, F::Signature, F::Date]
            }
        }
    }

    /// The provision that requires `field` of this instrument.
    pub const fn requirement(self, field: Field) -> Citation {
        use Field as F;
        use InstrumentKind as K;
        match (self, field) {
            (K::PenaltyDecision, F::PartyName | F::PartyAddress) => Citation::apl(59).para(1).item(1),
            (K::PenaltyDecision, F::Facts | F::Evidence) => Citation::apl(59).para(1).item(2),
            (K::PenaltyDecision, F::Penalty | F::PenaltyBasis) => Citation::apl(59).para(1).item(3),
            (K::PenaltyDecision, F::Performance) => Citation::apl(59).para(1).item(4),
            (K::PenaltyDecision, F::Remedies) => Citation::apl(59).para(1).item(5),
            (K::PenaltyDecision, F::AgencyName | F::Date) => Citation::apl(59).para(1).item(6),
            (K::PenaltyDecision, _) => Citation::apl(59).para(2),
            (K::SummaryPenaltyDecision, _) => Citation::apl(52).para(2),
            (K::NoPenaltyDecision, F::Education) => Citation::apl(33).para(3),
            (K::NoPenaltyDecision | K::CorrectionNotice | K::CommitmentLetter, F::Correction) => {
                Citation::apl(28).para(1)
            }
            (K::NoPenaltyDecision, _) => Citation::apl(57).para(1).item(2),
            (K::CorrectionNotice, _) => Citation::apl(28).para(1),
            (K::ReminderSuggestionLetter | K::SimpleGuidanceLetter, F::NonBinding) => {
                Citation::new(LawInstrument::OptimizingBusinessEnvironmentRegulations, 59).para(1)
            }
            (K::ReminderSuggestionLetter | K::SimpleGuidanceLetter, _) => {
                Citation::new(LawInstrument::ShandanFlexibleEnforcementPlan, 5).item(1)
            }
            (K::AdvanceNotice, _) => Citation::apl(44),
            (K::HearingNotice, F::HearingDeadline) => Citation::apl(64).para(1).item(1),
            (K::HearingNotice, _) => Citation::apl(63).para(1),
            (K::HearingSummons, F::HearingHost) => Citation::apl(64).para(1).item(4),
            (K::HearingSummons, _) => Citation::apl(64).para(1).item(2),
            (K::LegalReviewOpinion, _) => Citation::apl(58).para(1),
            (K::CommitmentLetter, _) => {
                Citation::new(LawInstrument::ShandanFlexibleEnforcementPlan, 4).item(4)
            }
        }
    }
}

vocabulary! {
    /// A placeholder of a template: `{party_name}` is [`Field::PartyName`].
    ///
    /// The code is the placeholder's name; the legal name says what the
    /// element is.
    #[non_exhaustive]
    pub enum Field {
        /// 当事人的姓名或者名称.
        PartyName => "当事人的姓名或者名称",
        /// 当事人的地址.
        PartyAddress => "当事人的地址",
        /// 当事人的身份证件号码或者统一社会信用代码.
        PartyIdentifier => "当事人的证件号码或者统一社会信用代码",
        /// 违法事实.
        Facts => "违反法律、法规、规章的事实",
        /// 证据.
        Evidence => "证据",
        /// 违反的规定.
        ViolatedProvision => "违反的规定",
        /// 行政处罚的种类 (and amount).
        Penalty => "行政处罚的种类",
        /// 行政处罚的依据.
        PenaltyBasis => "行政处罚的依据",
        /// 行政处罚的履行方式和期限.
        Performance => "行政处罚的履行方式和期限",
        /// 申请行政复议、提起行政诉讼的途径和期限.
        Remedies => "申请行政复议、提起行政诉讼的途径和期限",
        /// 行政机关名称.
        AgencyName => "行政机关名称",
        /// 作出决定的日期.
        Date => "作出决定的日期",
        /// 行政机关的印章.
        Seal => "行政机关的印章",
        /// 不予行政处罚的理由和依据.
        Ground => "不予行政处罚的理由和依据",
        /// 对当事人进行教育.
        Education => "对当事人进行教育",
        /// 改正的要求和期限.
        Correction => "改正的要求和期限",
        /// 逾期不改正的后果.
        Consequence => "逾期不改正的后果",
        /// 不具有强制性的声明.
        NonBinding => "不具有强制性的声明",
        /// 拟作出的行政处罚内容.
        ProposedPenalty => "拟作出的行政处罚内容",
        /// 理由.
        Reasons => "理由",
        /// 陈述、申辩、要求听证等权利.
        Rights => "陈述、申辩、要求听证等权利",
        /// 陈述、申辩的期限.
        StatementDeadline => "陈述、申辩的期限",
        /// 要求听证的权利.
        HearingRight => "要求听证的权利",
        /// 要求听证的期限（告知后五日内）.
        HearingDeadline => "要求听证的期限",
        /// 听证的时间.
        HearingTime => "听证的时间",
        /// 听证的地点.
        HearingPlace => "听证的地点",
        /// 听证主持人.
        HearingHost => "听证主持人",
        /// 作出处罚的时间、地点.
        TimePlace => "时间、地点",
        /// 执法人员签名或者盖章.
        Officers => "执法人员签名或者盖章",
        /// 法制审核的事由.
        ReviewTriggers => "法制审核的事由",
        /// 法制审核的内容.
        ReviewPoints => "法制审核的内容",
        /// 法制审核意见.
        ReviewOpinion => "法制审核意见",
        /// 审核人员.
        Reviewer => "审核人员",
        /// 承诺事项.
        Commitment => "承诺事项",
        /// 当事人签名.
        Signature => "当事人签名或者盖章",
        /// The year of the 文号.
        Year => "文号年份",
        /// The serial of the 文号.
        Serial => "文号序号",
        /// The agency's short name in the 文号.
        AgencyShort => "机关简称",
    }
}

/// The remedies (救济途径) stated in a decision.
///
/// # Legal basis
///
/// Art. 59 ¶1 (五). Defaults: sixty days (《中华人民共和国行政复议法》第二十条第一款)
/// and six months (《中华人民共和国行政诉讼法》第四十六条第一款), both counted from
/// receipt; a special law may set other periods.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedies {
    /// The 行政复议机关, e.g. 山丹县人民政府.
    pub reconsideration_body: String,
    /// Days to apply for 行政复议.
    pub reconsideration_days: u32,
    /// The court, e.g. 山丹县人民法院.
    pub court: String,
    /// Months to sue.
    pub litigation_months: u32,
}

/// An officer named on an instrument.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    /// The officer's id (credential number, 执法证号).
    pub id: OfficerId,
    /// The officer's name.
    pub name: String,
}

/// The hearing arranged after a party asked for one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hearing {
    /// The day.
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The time of day, e.g. `上午9时`.
    pub time: String,
    /// The place.
    pub place: String,
    /// The presiding officer (主持人), who must not have investigated the case.
    pub host: Officer,
}

/// A legal reviewer's opinion.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewOpinion {
    /// The reviewer.
    pub reviewer: Officer,
    /// The opinion (审核意见).
    pub opinion: String,
}

/// What only the case file holds: the party's particulars, the facts and
/// evidence as written by the investigators, and the numbering.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Particulars {
    /// The party's name (姓名或者名称).
    pub party_name: String,
    /// The party's address (地址).
    pub party_address: String,
    /// The party's ID number or unified social credit code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_identifier: Option<String>,
    /// The facts found (违法事实), in the investigators' words.
    pub facts: String,
    /// The evidence (证据), one entry per item.
    pub evidence: Vec<String>,
    /// The agency's short name for numbers, e.g. `山市监`.
    pub agency_short: String,
    /// The serial number of the instrument in its year.
    pub serial: u32,
    /// Where the decision is made (for the 当场 decision).
    #[serde(default)]
    pub place: String,
    /// The bank or payment channel for fines (Art. 67 ¶3).
    #[serde(default)]
    pub payment: String,
    /// The remedies.
    pub remedies: Remedies,
    /// Working days the party has to state its case after the advance
    /// notice. No national period exists (Art. 44 sets none): default 3
    /// (common practice, unconfirmed).
    pub statement_working_days: u32,
    /// The officers acting.
    pub officers: Vec<Officer>,
    /// The hearing, once arranged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hearing: Option<Hearing>,
    /// The legal review opinion, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewOpinion>,
}

impl Particulars {
    /// Sample particulars for examples and tests (a fictitious shop in
    /// 山丹县).
    pub fn example() -> Particulars {
        let officer =
            |id: &str, name: &str| OfficerId::new(id).ok().map(|id| Officer { id, name: name.to_owned() });
        Particulars {
            party_name: "山丹县清泉镇某某便利店".to_owned(),
            party_address: "甘肃省张掖市山丹县清泉镇南关路12号".to_owned(),
            party_identifier: Some("92620725MA71XK2Q3B".to_owned()),
            facts: "2026年11月3日，执法人员检查发现当事人经营场所未按规定公示营业执照，当事人当场改正。"
                .to_owned(),
            evidence: vec!["现场检查笔录".to_owned(), "现场照片二张".to_owned(), "询问笔录".to_owned()],
            agency_short: "山市监".to_owned(),
            serial: 17,
            place: "山丹县清泉镇南关路12号".to_owned(),
            payment: "山丹县农村信用合作联社".to_owned(),
            remedies: Remedies {
                reconsideration_body: "山丹县人民政府".to_owned(),
                reconsideration_days: 60,
                court: "山丹县人民法院".to_owned(),
                litigation_months: 6,
            },
            statement_working_days: 3,
            officers: [officer("62070001", "王某"), officer("62070002", "李某")]
                .into_iter()
                .flatten()
                .collect(),
            hearing: None,
            review: None,
        }
    }
}

/// One template: title, 文号 pattern, paragraphs with placeholders.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The instrument.
    pub kind: InstrumentKind,
    /// The title, e.g. 行政处罚决定书.
    pub title: String,
    /// The 文号 pattern; must contain `{serial}`.
    pub number: String,
    /// The paragraphs.
    pub body: Vec<String>,
}

/// A department's templates, one per instrument it issues.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSet {
    /// The schema version ([`TEMPLATE_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The department whose wording this is.
    pub department: String,
    /// The templates.
    pub templates: Vec<Template>,
}

/// A piece of a parsed paragraph.
enum Piece<'a> {
    Text(&'a str),
    Field(Field),
}

/// Splits a paragraph at `{name}` placeholders. `Err` carries the bad
/// placeholder (unknown, or an unclosed brace).
fn pieces(s: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let (text, tail) = rest.split_at(open);
        if !text.is_empty() {
            out.push(Piece::Text(text));
        }
        let tail = tail.get(1..).unwrap_or("");
        let Some(close) = tail.find('}') else {
            return Err(format!("{{{}", prefix(tail)));
        };
        let name = tail.get(..close).unwrap_or("");
        let field = name.parse::<Field>().map_err(|_| format!("{{{}}}", prefix(name)))?;
        out.push(Piece::Field(field));
        rest = tail.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

impl TemplateSet {
    /// The bundled wording for every [`InstrumentKind`]: a design proposal
    /// following the published 样式 named in the crate's sources, not an
    /// official one.
    ///
    /// # Errors
    ///
    /// Never for the bundled file (a test proves it); the `Result` keeps
    /// the one loading path.
    pub fn standard() -> Result<TemplateSet, LoadError> {
        TemplateSet::from_json_named(
            "instruments/standard.json",
            include_str!("../data/instruments/standard.json"),
        )
    }

    /// Loads and checks a template file.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming file, line, field and value when the JSON is
    /// malformed, the schema version unknown, a kind appears twice, a
    /// placeholder is unknown or unclosed, the 文号 pattern lacks `{serial}`,
    /// or a template omits an element the law requires of its instrument
    /// (the message names the element and the provision).
    ///
    /// ```
    /// use rouxing::instrument::TemplateSet;
    ///
    /// let bad = r#"{"schema_version": 1, "department": "某局", "templates": [
    ///   {"kind": "penalty_decision", "title": "行政处罚决定书", "number": "罚〔{year}〕{serial}号",
    ///    "body": ["{party_name}", "{party_address}", "{facts}{evidence}", "{penalty}{penalty_basis}",
    ///             "{performance}", "{agency_name}{date}{seal}"]}]}"#;
    /// let err = TemplateSet::from_json_named("dept.json", bad).unwrap_err();
    /// assert!(err.to_string().contains("申请行政复议、提起行政诉讼的途径和期限"));
    /// assert!(err.to_string().contains("第五十九条第一款第（五）项"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<TemplateSet, LoadError> {
        let set: TemplateSet = parse_json(file, text)?;
        let err = |needle: &str, path: String, message: String| {
            let (line, column) = line_of(text, needle);
            LoadError::new(file, line, column, path, message)
        };
        if set.schema_version != TEMPLATE_SCHEMA_VERSION {
            return Err(err(
                "schema_version",
                "schema_version".to_owned(),
                format!("unsupported template schema version `{}`", set.schema_version),
            ));
        }
        for (i, t) in set.templates.iter().enumerate() {
            let kind_needle = format!("\"{}\"", t.kind.code());
            if set.templates.iter().take(i).any(|u| u.kind == t.kind) {
                return Err(err(
                    &kind_needle,
                    format!("templates[{i}].kind"),
                    format!("template `{}` is defined twice", t.kind),
                ));
            }
            if !t.number.contains("{serial}") {
                return Err(err(
                    &t.number,
                    format!("templates[{i}].number"),
                    format!("number pattern `{}` has no `{{serial}}`", prefix(&t.number)),
                ));
            }
            let mut seen: Vec<Field> = Vec::new();
            for (j, p) in std::iter::once(&t.number).chain(&t.body).enumerate() {
                let path = if j == 0 {
                    format!("templates[{i}].number")
                } else {
                    format!("templates[{i}].body[{}]", j - 1)
                };
                let ps = pieces(p).map_err(|bad| {
                    err(p, path.clone(), format!("unknown placeholder `{}` in `{}`", prefix(&bad), prefix(p)))
                })?;
                seen.extend(ps.iter().filter_map(|x| match x {
                    Piece::Field(f) => Some(*f),
                    Piece::Text(_) => None,
                }));
            }
            if let Some(missing) = t.kind.required().iter().find(|f| !seen.contains(f)) {
                return Err(err(
                    &kind_needle,
                    format!("templates[{i}].body"),
                    format!(
                        "template `{}` omits `{{{}}}` ({}, {})",
                        t.kind,
                        missing.code(),
                        missing.legal_name(),
                        t.kind.requirement(*missing)
                    ),
                ));
            }
        }
        Ok(set)
    }

    /// The template for an instrument, if the set has one.
    pub fn get(&self, kind: InstrumentKind) -> Option<&Template> {
        self.templates.iter().find(|t| t.kind == kind)
    }
}

/// The error returned when an instrument cannot be rendered for a decision.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The decision is for another case.
    #[error("decision is for case `{decision}`, not `{case}`")]
    CaseMismatch {
        /// The case.
        case: String,
        /// The decision's case.
        decision: String,
    },
    /// No agency on the decision or the case.
    #[error("the decision and the case name no agency")]
    NoAgency,
    /// The decision's item is not in the catalogue.
    #[error("item `{item}` is not in the catalogue")]
    UnknownItem {
        /// The item.
        item: String,
    },
    /// What the decision does does not call for this instrument.
    #[error("`{kind}` does not fit the decision: {why}")]
    NotCalledFor {
        /// The instrument.
        kind: InstrumentKind,
        /// Why, in Chinese with the provision.
        why: String,
    },
    /// A particular the instrument needs is missing or empty.
    #[error("`{kind}` needs `{field}` ({name}), which is missing or empty")]
    Missing {
        /// The instrument.
        kind: InstrumentKind,
        /// The field.
        field: Field,
        /// Its legal name.
        name: &'static str,
    },
    /// The hearing is fewer than seven working days after the notice.
    #[error(
        "hearing on {on} is less than seven working days after the notice of {notice} (earliest {earliest}, art. 64 (二))"
    )]
    HearingTooSoon {
        /// The hearing day.
        on: NaiveDate,
        /// The notice day.
        notice: NaiveDate,
        /// The earliest lawful hearing day.
        earliest: NaiveDate,
    },
    /// The hearing's host investigated the case.
    #[error("hearing host `{host}` investigated the case (art. 64 (四))")]
    HostInvestigated {
        /// The host.
        host: String,
    },
    /// The template set has no template for the instrument.
    #[error("the template set has no template `{kind}`")]
    NoTemplate {
        /// The instrument.
        kind: InstrumentKind,
    },
    /// A date left the calendar.
    #[error("a period from {from} leaves the calendar")]
    DateOutOfRange {
        /// The start.
        from: NaiveDate,
    },
}

/// A rendered instrument: number, title and paragraphs, with the values of
/// its elements.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The instrument.
    pub kind: InstrumentKind,
    /// The title.
    pub title: String,
    /// The 文号.
    pub number: String,
    /// The paragraphs.
    pub paragraphs: Vec<String>,
    /// Each element's rendered value, in first-use order.
    pub elements: Vec<(Field, String)>,
}

impl Instrument {
    /// The instrument as plain text: title, number, paragraphs.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n{}\n\n", self.title, self.number);
        for p in &self.paragraphs {
            let _ = writeln!(out, "{p}");
        }
        out
    }

    /// The rendered value of an element, if the template used it.
    pub fn element(&self, field: Field) -> Option<&str> {
        self.elements.iter().find(|(f, _)| *f == field).map(|(_, v)| v.as_str())
    }
}

/// Everything an instrument is rendered from.
#[derive(Debug)]
pub struct Context<'a> {
    decision: &'a Decision,
    case: &'a Case,
    item: Option<&'a Item>,
    agency: &'a Agency,
    regime: &'a Regime,
    particulars: &'a Particulars,
    issued_on: NaiveDate,
}

/// A date as written in instruments: `2026年11月25日`.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

impl<'a> Context<'a> {
    /// The context of a decision on a case, issued on `issued_on`.
    ///
    /// # Errors
    ///
    /// When the decision is for another case, neither decision nor case
    /// names an agency, or the decision's item is not in the catalogue.
    pub fn new(
        decision: &'a Decision,
        case: &'a Case,
        catalogue: &'a Catalogue,
        regime: &'a Regime,
        particulars: &'a Particulars,
        issued_on: NaiveDate,
    ) -> Result<Context<'a>, RenderError> {
        if case.id() != &decision.case_id {
            return Err(RenderError::CaseMismatch {
                case: case.id().to_string(),
                decision: decision.case_id.to_string(),
            });
        }
        let agency = decision.agency.as_ref().or(case.agency()).ok_or(RenderError::NoAgency)?;
        let item = match &decision.item {
            Some(code) => {
                Some(catalogue.get(code).ok_or_else(|| RenderError::UnknownItem { item: code.to_string() })?)
            }
            None => None,
        };
        Ok(Context { decision, case, item, agency, regime, particulars, issued_on })
    }

    /// The instruments the decision calls for, in issuing order (those of
    /// [`Decision::documents`] rouxing renders, plus the 听证通知书 once a
    /// hearing is arranged).
    pub fn called_for(&self) -> Vec<InstrumentKind> {
        let mut v: Vec<InstrumentKind> =
            self.decision.documents.iter().filter_map(|d| InstrumentKind::for_document(*d)).collect();
        if self.particulars.hearing.is_some() && v.contains(&InstrumentKind::HearingNotice) {
            v.push(InstrumentKind::HearingSummons);
        }
        v
    }

    /// Renders one instrument through the set's template.
    ///
    /// # Errors
    ///
    /// A [`RenderError`] when the set lacks the template, the decision does
    /// not call for the instrument by what it does, or a particular it needs
    /// is missing.
    pub fn render(&self, set: &TemplateSet, kind: InstrumentKind) -> Result<Instrument, RenderError> {
        let t = set.get(kind).ok_or(RenderError::NoTemplate { kind })?;
        self.check_fits(kind)?;
        let mut elements: Vec<(Field, String)> = Vec::new();
        let mut fill = |s: &str| -> Result<String, RenderError> {
            // Templates were checked on load; a paragraph that fails to parse
            // here is kept verbatim rather than lost.
            let Ok(ps) = pieces(s) else { return Ok(s.to_owned()) };
            let mut out = String::new();
            for p in ps {
                match p {
                    Piece::Text(x) => out.push_str(x),
                    Piece::Field(f) => {
                        let v = match elements.iter().find(|(g, _)| *g == f) {
                            Some((_, v)) => v.clone(),
                            None => {
                                let v = self.value(kind, f)?;
                                elements.push((f, v.clone()));
                                v
                            }
                        };
                        out.push_str(&v);
                    }
                }
            }
            Ok(out)
        };
        let number = fill(&t.number)?;
        let mut paragraphs = Vec::with_capacity(t.body.len());
        for p in &t.body {
            paragraphs.push(fill(p)?);
        }
        Ok(Instrument { kind, title: t.title.clone(), number, paragraphs, elements })
    }

    /// Renders every instrument the decision calls for.
    ///
    /// # Errors
    ///
    /// The first [`RenderError`].
    pub fn render_all(&self, set: &TemplateSet) -> Result<Vec<Instrument>, RenderError> {
        self.called_for().into_iter().map(|k| self.render(set, k)).collect()
    }

    fn not(kind: InstrumentKind, why: &str) -> RenderError {
        RenderError::NotCalledFor { kind, why: why.to_owned() }
    }

    /// Whether what the decision does fits the instrument.
    fn check_fits(&self, kind: InstrumentKind) -> Result<(), RenderError> {
        use InstrumentKind as K;
        let d = self.decision;
        let penalty = d.disposition == Disposition::Penalty && !d.sanctions.is_empty();
        match kind {
            K::PenaltyDecision | K::AdvanceNotice if !penalty => {
                Err(Self::not(kind, "决定未给予行政处罚（第五十七条第一款第（一）项）"))
            }
            K::SummaryPenaltyDecision => {
                if !penalty {
                    return Err(Self::not(kind, "决定未给予行政处罚"));
                }
                let natural = self.case.party().is_natural_person();
                let ok = d.sanctions.iter().all(|s| match s.kind {
                    PenaltyKind::Warning => true,
                    PenaltyKind::Fine => s.amount.is_some_and(|a| self.regime.summary.admits(a, natural)),
                    _ => false,
                });
                if ok {
                    Ok(())
                } else {
                    Err(Self::not(kind, "处罚种类或者罚款数额超出当场处罚的范围（第五十一条）"))
                }
            }
            K::NoPenaltyDecision => {
                // A 不予处罚 decision carries no penalty; the only sanction it
                // may record is the Art. 28 ¶2 confiscation of illegal gains
                // (the regime's `GainsOnNoPenalty`).
                let penalty =
                    d.sanctions.iter().any(|s| s.kind != crate::measure::PenaltyKind::ConfiscateIllegalGains);
                if d.disposition != Disposition::NoPenalty || penalty {
                    return Err(Self::not(kind, "决定给予了行政处罚或者移送司法机关"));
                }
                Ok(())
            }
            K::HearingNotice | K::HearingSummons => {
                let natural = self.case.party().is_natural_person();
                let threshold = self.regime.hearing.for_party(natural);
                let due = penalty && d.sanctions.iter().any(|s| s.opens_hearing_right(threshold));
                if due {
                    Ok(())
                } else {
                    Err(Self::not(kind, "拟作出的处罚不属于第六十三条第一款所列情形"))
                }
            }
            K::CorrectionNotice if d.correction.is_none() => {
                Err(Self::not(kind, "决定未责令改正（第二十八条第一款）"))
            }
            // A commitment without a correction order is a commitment to
            // abide by the law, where the decision states why nothing is
            // corrected (a bar).
            K::CommitmentLetter if d.correction.is_none() && d.reasons.bar.is_none() => {
                Err(Self::not(kind, "决定未责令改正（第二十八条第一款）"))
            }
            K::ReminderSuggestionLetter | K::SimpleGuidanceLetter if penalty => {
                Err(Self::not(kind, "已给予行政处罚的，不以行政指导代替处罚决定书"))
            }
            _ => Ok(()),
        }
    }

    fn missing(kind: InstrumentKind, field: Field) -> RenderError {
        RenderError::Missing { kind, field, name: field.legal_name() }
    }

    fn nonempty(kind: InstrumentKind, field: Field, s: &str) -> Result<String, RenderError> {
        if s.trim().is_empty() { Err(Self::missing(kind, field)) } else { Ok(s.to_owned()) }
    }

    fn working_days(&self, n: u32) -> Result<NaiveDate, RenderError> {
        self.regime
            .calendar
            .checked_add_working_days(self.issued_on, n)
            .map(|d| d.date)
            .ok_or(RenderError::DateOutOfRange { from: self.issued_on })
    }

    fn penalty_text(&self) -> String {
        let parts: Vec<String> = self
            .decision
            .sanctions
            .iter()
            .map(|s| match s.amount {
                Some(m) => format!("{}人民币{}元", s.kind.legal_name(), m.to_decimal_string()),
                None => s.kind.legal_name().to_owned(),
            })
            .collect();
        parts.join("，")
    }

    fn grounds_basis(&self) -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for g in &self.decision.reasons.grounds {
            let c = g.citation().to_string();
            if !v.contains(&c) {
                v.push(c);
            }
        }
        v
    }

    fn correction_text(&self) -> Option<String> {
        let c = self.decision.correction?;
        Some(match (c.kind, c.deadline) {
            (CorrectionKind::WithinDeadline, Some(d)) => {
                format!(
                    "责令当事人于{}前改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）",
                    chinese_date(d)
                )
            }
            _ => "责令当事人立即改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款）".to_owned(),
        })
    }

    #[allow(clippy::too_many_lines, reason = "one arm per field keeps each element's wording in one place")]
    fn value(&self, kind: InstrumentKind, f: Field) -> Result<String, RenderError> {
        let p = self.particulars;
        let d = self.decision;
        let item_name = self.item.map(|i| i.name.as_str());
        Ok(match f {
            Field::PartyName => Self::nonempty(kind, f, &p.party_name)?,
            Field::PartyAddress => Self::nonempty(kind, f, &p.party_address)?,
            Field::PartyIdentifier => p.party_identifier.clone().ok_or_else(|| Self::missing(kind, f))?,
            Field::Facts => {
                let facts = Self::nonempty(kind, f, &p.facts)?;
                match item_name {
                    Some(n) => format!("{facts}当事人的行为属于“{}”。", n.trim_end_matches(['。', '；', '.'])),
                    None => facts,
                }
            }
            Field::Evidence => {
                if p.evidence.iter().all(|e| e.trim().is_empty()) {
                    return Err(Self::missing(kind, f));
                }
                let list: Vec<String> = p
                    .evidence
                    .iter()
                    .filter(|e| !e.trim().is_empty())
                    .enumerate()
                    .map(|(i, e)| format!("{}.{e}", i + 1))
                    .collect();
                format!("以上事实有下列证据证明：{}。", list.join("；"))
            }
            Field::ViolatedProvision => match self.item {
                Some(i) if !i.violated_provisions.is_empty() => i.violated_provisions.join("、"),
                Some(i) => format!("{}所规定的义务", i.penalty_provision),
                None => return Err(Self::missing(kind, f)),
            },
            Field::Penalty | Field::ProposedPenalty => {
                let t = self.penalty_text();
                if t.is_empty() {
                    return Err(Self::missing(kind, f));
                }
                format!("{}：{t}", d.tier.legal_name())
            }
            Field::PenaltyBasis => {
                let item = self.item.ok_or_else(|| Self::missing(kind, f))?;
                let g = self.grounds_basis();
                if g.is_empty() {
                    format!("依据{}", item.penalty_provision)
                } else {
                    format!("依据{}，并依据{}", item.penalty_provision, g.join("、"))
                }
            }
            Field::Performance => {
                let mut s = String::new();
                if d.sanctions.iter().any(|x| x.kind == PenaltyKind::Fine) {
                    let bank = if p.payment.trim().is_empty() { "指定的银行" } else { p.payment.as_str() };
                    let _ = write!(
                        s,
                        "当事人应当自收到本决定书之日起十五日内，到{bank}或者通过电子支付系统缴纳罚款（《中华人民共和国行政处罚法》第六十七条第三款）。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额（第七十二条第一款第（一）项）。"
                    );
                }
                if d.sanctions.iter().any(|x| x.kind != PenaltyKind::Fine) {
                    s.push_str("其他处罚自本决定书送达之日起执行。");
                }
                s
            }
            Field::Remedies => {
                let r = &p.remedies;
                if r.reconsideration_body.trim().is_empty() || r.court.trim().is_empty() {
                    return Err(Self::missing(kind, f));
                }
                format!(
                    "当事人如不服本决定，可以在收到本决定书之日起{}日内向{}申请行政复议，也可以在{}个月内依法向{}提起行政诉讼。",
                    chinese_count(r.reconsideration_days),
                    r.reconsideration_body,
                    chinese_count(r.litigation_months),
                    r.court
                )
            }
            Field::AgencyName => self.agency.name.to_string(),
            Field::Date => chinese_date(self.issued_on),
            Field::Seal => format!("（{}印章）", self.agency.name),
            Field::Ground => d.reasons.to_string(),
            Field::Education => {
                if !d.education {
                    // Art. 33 ¶3 educates on a violation not penalised; a bar
                    // (no violation established, limitation …) is stated instead.
                    if let Some(bar) = d.reasons.bar {
                        return Ok(format!("本案因{}不予行政处罚（{}）。", bar.legal_name(), bar.citation()));
                    }
                    return Err(Self::not(kind, "依法不予行政处罚的，应当对当事人进行教育（第三十三条第三款）"));
                }
                "依据《中华人民共和国行政处罚法》第三十三条第三款，本机关已对当事人进行教育，当事人应当自觉守法。".to_owned()
            }
            Field::Correction => match (self.correction_text(), d.reasons.bar) {
                (Some(t), _) => t,
                // No violation is established (Art. 40, Art. 38 …): there is
                // nothing to correct, and the instrument says why.
                (None, Some(bar))
                    if matches!(kind, InstrumentKind::NoPenaltyDecision | InstrumentKind::CommitmentLetter) =>
                {
                    format!("因{}，不责令改正（{}）", bar.legal_name(), bar.citation())
                }
                (None, _) => return Err(Self::missing(kind, f)),
            },
            Field::Consequence => {
                "责令改正不属于行政处罚。逾期不改正的，本机关将依法处理。".to_owned()
            }
            Field::NonBinding => "本行政指导不具有强制性，你（单位）可以选择是否接受。".to_owned(),
            Field::Reasons => d.reasons.to_string(),
            Field::Rights => {
                let hearing = self.check_fits(InstrumentKind::HearingNotice).is_ok();
                if hearing {
                    "你（单位）依法享有陈述、申辩和要求听证的权利（《中华人民共和国行政处罚法》第四十四条、第六十三条）。".to_owned()
                } else {
                    "你（单位）依法享有陈述、申辩的权利（《中华人民共和国行政处罚法》第四十四条、第四十五条）。".to_owned()
                }
            }
            Field::StatementDeadline => {
                let by = self.working_days(p.statement_working_days)?;
                format!(
                    "请于{}前（{}个工作日内）提出陈述、申辩；逾期未提出的，视为放弃上述权利。",
                    chinese_date(by),
                    chinese_count(p.statement_working_days)
                )
            }
            Field::HearingRight => {
                "依据《中华人民共和国行政处罚法》第六十三条第一款，你（单位）有权要求举行听证。".to_owned()
            }
            Field::HearingDeadline => {
                let by = self.working_days(5)?;
                format!(
                    "要求听证的，应当在本机关告知后五日内（即{}前）提出（第六十四条第（一）项；五日为工作日，第八十五条）；逾期未提出的，视为放弃听证权利。",
                    chinese_date(by)
                )
            }
            Field::HearingTime | Field::HearingPlace | Field::HearingHost => {
                let h = p.hearing.as_ref().ok_or_else(|| Self::missing(kind, f))?;
                let earliest = self.working_days(7)?;
                if h.on < earliest {
                    return Err(RenderError::HearingTooSoon { on: h.on, notice: self.issued_on, earliest });
                }
                if self.case.officers().contains(&h.host.id) {
                    return Err(RenderError::HostInvestigated { host: h.host.name.clone() });
                }
                match f {
                    Field::HearingTime => format!("{}{}", chinese_date(h.on), h.time),
                    Field::HearingPlace => Self::nonempty(kind, f, &h.place)?,
                    _ => format!("{}（执法证号：{}），非本案调查人员", h.host.name, h.host.id),
                }
            }
            Field::TimePlace => {
                let place = Self::nonempty(kind, f, &p.place)?;
                format!("{}，{place}", chinese_date(self.issued_on))
            }
            Field::Officers => {
                if p.officers.is_empty() {
                    return Err(Self::missing(kind, f));
                }
                let v: Vec<String> =
                    p.officers.iter().map(|o| format!("{}（执法证号：{}）＿＿＿＿", o.name, o.id)).collect();
                format!("执法人员（签名或者盖章）：{}", v.join("　"))
            }
            Field::ReviewTriggers => {
                if d.duties.legal_review.is_empty() {
                    "本机关决定对本案进行法制审核。".to_owned()
                } else {
                    let v: Vec<String> = d
                        .duties
                        .legal_review
                        .iter()
                        .map(|t| format!("{}（{}）", t.legal_name(), self.regime.review_source(*t)))
                        .collect();
                    format!("本案属于应当进行法制审核的情形：{}。", v.join("；"))
                }
            }
            Field::ReviewPoints => "审核内容：（一）执法主体是否合法，执法人员是否具备执法资格；（二）执法程序是否合法；（三）案件事实是否清楚，证据是否合法充分；（四）适用法律、法规、规章是否准确，裁量基准运用是否适当；（五）执法是否超越执法机关法定权限；（六）执法文书是否完备、规范；（七）违法行为是否涉嫌犯罪、需要移送司法机关（《中华人民共和国行政处罚法》第五十八条）。".to_owned(),
            Field::ReviewOpinion => {
                let r = p.review.as_ref().ok_or_else(|| Self::missing(kind, f))?;
                format!("审核意见：{}", Self::nonempty(kind, f, &r.opinion)?)
            }
            Field::Reviewer => {
                let r = p.review.as_ref().ok_or_else(|| Self::missing(kind, f))?;
                format!("审核人员：{}（执法证号：{}）", r.reviewer.name, r.reviewer.id)
            }
            Field::Commitment => {
                let by = match d.correction.and_then(|c| c.deadline) {
                    Some(x) => format!("于{}前", chinese_date(x)),
                    None => "立即".to_owned(),
                };
                format!("本人（单位）对上述事实无异议，承诺{by}完成整改，今后自觉守法；如未按承诺履行，愿意依法承担相应法律责任。")
            }
            Field::Signature => "当事人（签名或者盖章）：＿＿＿＿＿＿＿＿".to_owned(),
            Field::Year => self.issued_on.year().to_string(),
            Field::Serial => p.serial.to_string(),
            Field::AgencyShort => p.agency_short.clone(),
        })
    }
}

/// A small count in Chinese numerals for legal prose (`六十`, `三`).
fn chinese_count(n: u32) -> String {
    crate::calendar::chinese_numeral(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_templates_load_and_cover_every_kind() {
        let set = TemplateSet::standard().unwrap();
        for k in InstrumentKind::ALL {
            assert!(set.get(*k).is_some(), "{k}");
        }
    }

    #[test]
    fn placeholders_parse() {
        assert!(pieces("a{party_name}b").is_ok());
        assert_eq!(pieces("{nope}").err().as_deref(), Some("{nope}"));
        assert!(pieces("{party_name").is_err());
    }
}
