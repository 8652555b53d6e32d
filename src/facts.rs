//! The fact vocabulary (认定事实的要素): the closed sets of findings that the
//! statute, the lists and the local benchmarks test — whether the facts are
//! established, suspicion of crime, gravity, harm, fault, correction,
//! mitigating and aggravating circumstances, context facts, what came of an
//! earlier violation, and the look-back window of "first violation".
//!
//! The vocabulary sits at the bottom of the data layer
//! (`facts` → `load` → `catalogue` → `case` → `regime`): a catalogue's list
//! conditions and penalty conditions, a case's findings and a regime's
//! recognised circumstances all speak it, and none of them needs another to
//! do so. Every type is re-exported where users first met it
//! ([`case::Harm`](crate::case::Harm), [`regime::Window`](crate::regime::Window) …).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar;

vocabulary! {
    /// Whether the facts of the violation are established (违法事实).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第四十条: "违法事实不清、证据不足的，不得给予行政处罚。"
    /// 第五十七条第一款第（三）项: "违法事实不能成立的，不予行政处罚".
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `established` | 违法事实清楚 |
    /// | `not_established` | 违法事实不清、证据不足 |
    ///
    /// ```
    /// use rouxing::facts::Facts;
    ///
    /// let facts: Facts = serde_json::from_str(r#""established""#)?;
    /// assert_eq!(facts, Facts::Established);
    /// assert_eq!(serde_json::to_string(&facts)?, r#""established""#);
    /// # let codes = [("established", "违法事实清楚"), ("not_established", "违法事实不清、证据不足")];
    /// # assert_eq!(Facts::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Facts::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Facts>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Facts {
        /// 违法事实清楚、证据确凿.
        Established => "违法事实清楚",
        /// 违法事实不清、证据不足 / 不能成立.
        NotEstablished => "违法事实不清、证据不足",
    }
}

vocabulary! {
    /// Whether the act is suspected to be a crime.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第二十七条第一款: "违法行为涉嫌犯罪的，行政机关应当及时将案件
    /// 移送司法机关"; 第五十七条第一款第（四）项; 第八条第二款: "不得以行政处罚代替刑事处罚".
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `none` | 不涉嫌犯罪 |
    /// | `suspected` | 涉嫌犯罪 |
    ///
    /// ```
    /// use rouxing::facts::CrimeSuspicion;
    ///
    /// let crime_suspicion: CrimeSuspicion = serde_json::from_str(r#""none""#)?;
    /// assert_eq!(crime_suspicion, CrimeSuspicion::None);
    /// assert_eq!(serde_json::to_string(&crime_suspicion)?, r#""none""#);
    /// # let codes = [("none", "不涉嫌犯罪"), ("suspected", "涉嫌犯罪")];
    /// # assert_eq!(CrimeSuspicion::ALL.len(), codes.len());
    /// # for (v, (code, name)) in CrimeSuspicion::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<CrimeSuspicion>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CrimeSuspicion {
        /// No suspicion of a crime.
        None => "不涉嫌犯罪",
        /// 涉嫌犯罪.
        Suspected => "涉嫌犯罪",
    }
}

vocabulary! {
    /// What the criminal process made of a case transferred under Art. 27
    /// (移送司法机关后的刑事处理结果).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十五条 (a judgment: 拘役、有期徒刑、罚金 are offset or
    /// exclude the administrative fine); 第二十七条第一款: "对依法不需要追究刑事责任或者免予
    /// 刑事处罚，但应当给予行政处罚的，司法机关应当及时将案件移送有关行政机关" (the other three:
    /// the case is returned and the agency decides it administratively).
    ///
    /// # JSON
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `judgment` | 人民法院判处刑罚 |
    /// | `exempted` | 免予刑事处罚 |
    /// | `not_prosecuted` | 不起诉 |
    /// | `case_withdrawn` | 撤销案件 |
    ///
    /// ```
    /// use rouxing::facts::CriminalOutcomeKind;
    ///
    /// let kind: CriminalOutcomeKind = serde_json::from_str(r#""not_prosecuted""#)?;
    /// assert_eq!(kind, CriminalOutcomeKind::NotProsecuted);
    /// assert_eq!(kind.legal_name(), "不起诉");
    /// assert!(!kind.is_judgment());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CriminalOutcomeKind {
        /// 人民法院判决有罪并判处刑罚.
        Judgment => "人民法院判处刑罚",
        /// 免予刑事处罚 (刑法第三十七条).
        Exempted => "免予刑事处罚",
        /// 人民检察院决定不起诉.
        NotProsecuted => "不起诉",
        /// 公安机关撤销案件 / 不予立案.
        CaseWithdrawn => "撤销案件",
    }
}

impl CriminalOutcomeKind {
    /// Whether a court imposed a criminal penalty (the Art. 35 cases).
    pub const fn is_judgment(self) -> bool {
        matches!(self, CriminalOutcomeKind::Judgment)
    }
}

vocabulary! {
    /// A custodial criminal sentence, against which 行政拘留 already served
    /// is offset (Art. 35 ¶1).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十五条第一款: "违法行为构成犯罪，人民法院判处拘役或者有期徒刑时，
    /// 行政机关已经给予当事人行政拘留的，应当依法折抵相应刑期。"
    ///
    /// # JSON
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `criminal_detention` | 拘役 |
    /// | `fixed_term_imprisonment` | 有期徒刑 |
    ///
    /// ```
    /// use rouxing::facts::CustodialSentence;
    ///
    /// let s: CustodialSentence = serde_json::from_str(r#""criminal_detention""#)?;
    /// assert_eq!(s.legal_name(), "拘役");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CustodialSentence {
        /// 拘役.
        CriminalDetention => "拘役",
        /// 有期徒刑.
        FixedTermImprisonment => "有期徒刑",
    }
}

vocabulary! {
    /// The gravity of the act itself (情节).
    ///
    /// `Ord` runs from light to grave.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `minor` | 违法行为轻微 |
    /// | `general` | 情节一般 |
    /// | `serious` | 情节严重 |
    ///
    /// ```
    /// use rouxing::facts::Gravity;
    ///
    /// let gravity: Gravity = serde_json::from_str(r#""minor""#)?;
    /// assert_eq!(gravity, Gravity::Minor);
    /// assert_eq!(serde_json::to_string(&gravity)?, r#""minor""#);
    /// # let codes = [("minor", "违法行为轻微"), ("general", "情节一般"), ("serious", "情节严重")];
    /// # assert_eq!(Gravity::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Gravity::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Gravity>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Gravity {
        /// 违法行为轻微.
        Minor => "违法行为轻微",
        /// 一般.
        General => "情节一般",
        /// 情节严重 / 重大违法行为 (Art. 57 ¶2 collective decision).
        Serious => "情节严重",
    }
}

vocabulary! {
    /// The harmful consequence (危害后果) of the act.
    ///
    /// `Ord` runs from none to serious: "没有造成危害后果" < "危害后果轻微" < harm <
    /// serious harm.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `none` | 没有造成危害后果 |
    /// | `slight` | 危害后果轻微 |
    /// | `harmful` | 造成危害后果 |
    /// | `serious` | 造成严重危害后果 |
    ///
    /// ```
    /// use rouxing::facts::Harm;
    ///
    /// let harm: Harm = serde_json::from_str(r#""none""#)?;
    /// assert_eq!(harm, Harm::None);
    /// assert_eq!(serde_json::to_string(&harm)?, r#""none""#);
    /// # let codes = [("none", "没有造成危害后果"), ("slight", "危害后果轻微"), ("harmful", "造成危害后果"), ("serious", "造成严重危害后果")];
    /// # assert_eq!(Harm::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Harm::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Harm>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Harm {
        /// 没有造成危害后果.
        None => "没有造成危害后果",
        /// 危害后果轻微.
        Slight => "危害后果轻微",
        /// 造成危害后果.
        Harmful => "造成危害后果",
        /// 造成严重危害后果.
        Serious => "造成严重危害后果",
    }
}

vocabulary! {
    /// The party's subjective fault (主观过错).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十三条第二款: "当事人有证据足以证明没有主观过错的，不予行政处罚。
    /// 法律、行政法规另有规定的，从其规定。" The burden is on the party; `NoFaultProven` means the
    /// agency accepted the party's evidence.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `intentional` | 故意 |
    /// | `negligent` | 过失 |
    /// | `no_fault_proven` | 有证据足以证明没有主观过错 |
    ///
    /// ```
    /// use rouxing::facts::Fault;
    ///
    /// let fault: Fault = serde_json::from_str(r#""intentional""#)?;
    /// assert_eq!(fault, Fault::Intentional);
    /// assert_eq!(serde_json::to_string(&fault)?, r#""intentional""#);
    /// # let codes = [("intentional", "故意"), ("negligent", "过失"), ("no_fault_proven", "有证据足以证明没有主观过错")];
    /// # assert_eq!(Fault::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Fault::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Fault>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Fault {
        /// 故意.
        Intentional => "故意",
        /// 过失.
        Negligent => "过失",
        /// 有证据足以证明没有主观过错.
        NoFaultProven => "有证据足以证明没有主观过错",
    }
}

/// Whether and when the party corrected the violation.
///
/// "及时改正" covers correcting before discovery and correcting within the
/// period an officer ordered (both count as [`Correction::Prompt`]); a
/// correction after that period is [`Correction::Late`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Correction {
    /// Not (yet) corrected.
    None,
    /// 及时改正.
    Prompt {
        /// The day of correction.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// Corrected, but not in time.
    Late {
        /// The day of correction.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// 拒不改正.
    Refused,
}

impl Correction {
    /// Whether the party corrected promptly (及时改正).
    pub const fn is_prompt(&self) -> bool {
        matches!(self, Correction::Prompt { .. })
    }

    /// The day of correction, if corrected.
    pub const fn date(&self) -> Option<NaiveDate> {
        match self {
            Correction::Prompt { on } | Correction::Late { on } => Some(*on),
            Correction::None | Correction::Refused => None,
        }
    }

    /// The Chinese legal term.
    pub const fn legal_name(&self) -> &'static str {
        match self {
            Correction::None => "未改正",
            Correction::Prompt { .. } => "及时改正",
            Correction::Late { .. } => "逾期改正",
            Correction::Refused => "拒不改正",
        }
    }
}

vocabulary! {
    /// A mitigating circumstance.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十二条: "当事人有下列情形之一，应当从轻或者减轻行政处罚：
    /// （一）主动消除或者减轻违法行为危害后果的；（二）受他人胁迫或者诱骗实施违法行为的；（三）主动供述
    /// 行政机关尚未掌握的违法行为的；（四）配合行政机关查处违法行为有立功表现的；（五）法律、法规、规章
    /// 规定其他应当从轻或者减轻行政处罚的。"
    ///
    /// The last two variants are local discretion-benchmark grounds (裁量基准, e.g.
    /// "在共同违法行为中起次要或者辅助作用，且没有造成严重后果的；主动中止违法行为，且危害后果轻微的");
    /// they count only where the regime recognises them and then allow (可以), not
    /// require, 从轻 within the statutory band (unconfirmed as national rules).
    /// A benchmark narrows the discretion the statute leaves (Art. 34 "规范行使
    /// 行政处罚裁量权"); it never opens 减轻 below the statutory minimum, which
    /// needs a statutory ground (Arts. 30, 31, 32).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `eliminated_harm` | 主动消除或者减轻违法行为危害后果 |
    /// | `coerced` | 受他人胁迫或者诱骗实施违法行为 |
    /// | `confessed_unknown` | 主动供述行政机关尚未掌握的违法行为 |
    /// | `meritorious` | 配合行政机关查处违法行为有立功表现 |
    /// | `other_statutory` | 法律、法规、规章规定其他应当从轻或者减轻行政处罚 |
    /// | `secondary_role` | 在共同违法行为中起次要或者辅助作用 |
    /// | `voluntarily_stopped` | 主动中止违法行为 |
    ///
    /// ```
    /// use rouxing::facts::Mitigating;
    ///
    /// let mitigating: Mitigating = serde_json::from_str(r#""eliminated_harm""#)?;
    /// assert_eq!(mitigating, Mitigating::EliminatedHarm);
    /// assert_eq!(serde_json::to_string(&mitigating)?, r#""eliminated_harm""#);
    /// # let codes = [("eliminated_harm", "主动消除或者减轻违法行为危害后果"), ("coerced", "受他人胁迫或者诱骗实施违法行为"), ("confessed_unknown", "主动供述行政机关尚未掌握的违法行为"), ("meritorious", "配合行政机关查处违法行为有立功表现"), ("other_statutory", "法律、法规、规章规定其他应当从轻或者减轻行政处罚"), ("secondary_role", "在共同违法行为中起次要或者辅助作用"), ("voluntarily_stopped", "主动中止违法行为")];
    /// # assert_eq!(Mitigating::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Mitigating::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Mitigating>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Mitigating {
        /// Art. 32 (一) 主动消除或者减轻违法行为危害后果.
        EliminatedHarm => "主动消除或者减轻违法行为危害后果",
        /// Art. 32 (二) 受他人胁迫或者诱骗实施违法行为.
        Coerced => "受他人胁迫或者诱骗实施违法行为",
        /// Art. 32 (三) 主动供述行政机关尚未掌握的违法行为.
        ConfessedUnknown => "主动供述行政机关尚未掌握的违法行为",
        /// Art. 32 (四) 配合行政机关查处违法行为有立功表现.
        Meritorious => "配合行政机关查处违法行为有立功表现",
        /// Art. 32 (五) 法律、法规、规章规定其他应当从轻或者减轻行政处罚的.
        OtherStatutory => "法律、法规、规章规定其他应当从轻或者减轻行政处罚",
        /// Local: 在共同违法行为中起次要或者辅助作用，且没有造成严重后果.
        SecondaryRole => "在共同违法行为中起次要或者辅助作用",
        /// Local: 主动中止违法行为，且危害后果轻微.
        VoluntarilyStopped => "主动中止违法行为",
    }
}

impl Mitigating {
    /// The Art. 32 item for a statutory ground, `None` for a local one.
    pub const fn art_32_item(self) -> Option<u8> {
        match self {
            Mitigating::EliminatedHarm => Some(1),
            Mitigating::Coerced => Some(2),
            Mitigating::ConfessedUnknown => Some(3),
            Mitigating::Meritorious => Some(4),
            Mitigating::OtherStatutory => Some(5),
            Mitigating::SecondaryRole | Mitigating::VoluntarilyStopped => None,
        }
    }
}

vocabulary! {
    /// An aggravating circumstance (从重情节).
    ///
    /// # Legal basis
    ///
    /// Only [`Aggravating::EmergencyMeasures`] is statutory: 《中华人民共和国行政处罚法》第四十九条
    /// "发生重大传染病疫情等突发事件，为了控制、减轻和消除突发事件引起的社会危害，行政机关对违反突发事件
    /// 应对措施的行为，依法快速、从重处罚。" The others are taken from published local
    /// discretion benchmarks (e.g. "危及…公共安全…；违法情节恶劣，造成严重后果的；受到行政处罚后，不执行
    /// 整改要求，继续实施违法行为的；…多次实施违法行为，屡教不改的；妨碍执法人员查处其违法行为的；隐匿、
    /// 销毁违法证据的；…对检举人、证人实施打击报复的；在发生突发公共事件时实施违法行为的") and count only
    /// where the regime recognises them (unconfirmed as national rules).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `emergency_measures` | 突发事件期间违反突发事件应对措施 |
    /// | `endangers_safety` | 危及公共安全或者人身健康、生命财产安全 |
    /// | `egregious` | 违法情节恶劣，造成严重后果 |
    /// | `continued_after_penalty` | 受到行政处罚后继续实施违法行为 |
    /// | `principal_role` | 在共同违法行为中起主要作用 |
    /// | `recidivist` | 多次实施违法行为，屡教不改 |
    /// | `obstruction` | 妨碍执法人员查处违法行为 |
    /// | `destroyed_evidence` | 隐匿、销毁违法证据 |
    /// | `coerced_others` | 胁迫、诱骗他人或者教唆未成年人实施违法行为 |
    /// | `retaliation` | 对检举人、证人打击报复 |
    /// | `during_emergency` | 在发生突发公共事件时实施违法行为 |
    ///
    /// ```
    /// use rouxing::facts::Aggravating;
    ///
    /// let aggravating: Aggravating = serde_json::from_str(r#""emergency_measures""#)?;
    /// assert_eq!(aggravating, Aggravating::EmergencyMeasures);
    /// assert_eq!(serde_json::to_string(&aggravating)?, r#""emergency_measures""#);
    /// # let codes = [("emergency_measures", "突发事件期间违反突发事件应对措施"), ("endangers_safety", "危及公共安全或者人身健康、生命财产安全"), ("egregious", "违法情节恶劣，造成严重后果"), ("continued_after_penalty", "受到行政处罚后继续实施违法行为"), ("principal_role", "在共同违法行为中起主要作用"), ("recidivist", "多次实施违法行为，屡教不改"), ("obstruction", "妨碍执法人员查处违法行为"), ("destroyed_evidence", "隐匿、销毁违法证据"), ("coerced_others", "胁迫、诱骗他人或者教唆未成年人实施违法行为"), ("retaliation", "对检举人、证人打击报复"), ("during_emergency", "在发生突发公共事件时实施违法行为")];
    /// # assert_eq!(Aggravating::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Aggravating::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Aggravating>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Aggravating {
        /// Art. 49: 违反突发事件应对措施 during a major emergency.
        EmergencyMeasures => "突发事件期间违反突发事件应对措施",
        /// 危及国家安全、公共安全、生态环境以及直接关系人身健康、生命财产安全.
        EndangersSafety => "危及公共安全或者人身健康、生命财产安全",
        /// 违法情节恶劣，造成严重后果.
        Egregious => "违法情节恶劣，造成严重后果",
        /// 受到行政处罚后，不执行整改要求，继续实施违法行为.
        ContinuedAfterPenalty => "受到行政处罚后继续实施违法行为",
        /// 在共同实施违法行为中起主要作用.
        PrincipalRole => "在共同违法行为中起主要作用",
        /// 多次实施违法行为，屡教不改.
        Recidivist => "多次实施违法行为，屡教不改",
        /// 妨碍执法人员查处其违法行为.
        Obstruction => "妨碍执法人员查处违法行为",
        /// 隐匿、销毁违法证据.
        DestroyedEvidence => "隐匿、销毁违法证据",
        /// 胁迫、诱骗他人或者教唆未成年人实施违法行为.
        CoercedOthers => "胁迫、诱骗他人或者教唆未成年人实施违法行为",
        /// 对检举人、证人实施打击报复.
        Retaliation => "对检举人、证人打击报复",
        /// 在发生突发公共事件时实施违法行为.
        DuringEmergency => "在发生突发公共事件时实施违法行为",
    }
}

vocabulary! {
    /// A context fact about the case that rules and list exclusions test.
    ///
    /// This enum is non-exhaustive so that other facts may be added in semver
    /// compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `sensitive_zone` | 生态环境敏感区 |
    /// | `emergency_opportunism` | 趁突发事件之机实施 |
    /// | `serious_dishonesty_listed` | 被纳入严重失信主体名单 |
    /// | `fatal_accident_within_three_years` | 近三年发生人员死亡、重伤生产安全事故 |
    /// | `major_public_interest` | 涉及重大公共利益 |
    /// | `major_rights` | 直接关系当事人或者第三人重大权益 |
    /// | `complex_legal_relations` | 案件情况疑难复杂、涉及多个法律关系 |
    /// | `complex_circumstances` | 情节复杂 |
    /// | `commitment_signed` | 已签署承诺书 |
    /// | `party_absent` | 当事人不在场 |
    /// | `new_business_form` | 新技术、新产业、新业态、新模式 |
    /// | `hard_to_enforce_later` | 不当场收缴事后难以执行 |
    ///
    /// ```
    /// use rouxing::facts::Context;
    ///
    /// let context: Context = serde_json::from_str(r#""sensitive_zone""#)?;
    /// assert_eq!(context, Context::SensitiveZone);
    /// assert_eq!(serde_json::to_string(&context)?, r#""sensitive_zone""#);
    /// # let codes = [("sensitive_zone", "生态环境敏感区"), ("emergency_opportunism", "趁突发事件之机实施"), ("serious_dishonesty_listed", "被纳入严重失信主体名单"), ("fatal_accident_within_three_years", "近三年发生人员死亡、重伤生产安全事故"), ("major_public_interest", "涉及重大公共利益"), ("major_rights", "直接关系当事人或者第三人重大权益"), ("complex_legal_relations", "案件情况疑难复杂、涉及多个法律关系"), ("complex_circumstances", "情节复杂"), ("commitment_signed", "已签署承诺书"), ("party_absent", "当事人不在场"), ("new_business_form", "新技术、新产业、新业态、新模式"), ("hard_to_enforce_later", "不当场收缴事后难以执行")];
    /// # assert_eq!(Context::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Context::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Context>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Context {
        /// 生态环境敏感区 (list-level exclusion, e.g. 江环〔2021〕231号 二).
        SensitiveZone => "生态环境敏感区",
        /// 趁发生重大传染病疫情、自然灾害等突发事件之机实施 (list exclusion).
        EmergencyOpportunism => "趁突发事件之机实施",
        /// 被纳入严重失信主体名单.
        SeriousDishonestyListed => "被纳入严重失信主体名单",
        /// 近三年发生人员死亡、重伤生产安全事故.
        FatalAccidentWithinThreeYears => "近三年发生人员死亡、重伤生产安全事故",
        /// 涉及重大公共利益 (Art. 58 ¶1 (一)).
        MajorPublicInterest => "涉及重大公共利益",
        /// 直接关系当事人或者第三人重大权益 (Art. 58 ¶1 (二), with a hearing).
        MajorRights => "直接关系当事人或者第三人重大权益",
        /// 案件情况疑难复杂、涉及多个法律关系 (Art. 58 ¶1 (三)).
        ComplexLegalRelations => "案件情况疑难复杂、涉及多个法律关系",
        /// 情节复杂 (Art. 57 ¶2).
        ComplexCircumstances => "情节复杂",
        /// 签署承诺书 (告知承诺).
        CommitmentSigned => "已签署承诺书",
        /// The party is not present when the decision is pronounced (Art. 61).
        PartyAbsent => "当事人不在场",
        /// A new technology, industry, business form or model (新技术、新产业、新业态、
        /// 新模式, 优化营商环境条例 Art. 55).
        NewBusinessForm => "新技术、新产业、新业态、新模式",
        /// 不当场收缴事后难以执行 (Art. 68 (二)).
        HardToEnforceLater => "不当场收缴事后难以执行",
    }
}

vocabulary! {
    /// What came of an earlier violation.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `penalised` | 给予行政处罚 |
    /// | `no_penalty` | 不予行政处罚 |
    /// | `first_violation_no_penalty` | 首违不罚 |
    ///
    /// ```
    /// use rouxing::facts::PriorOutcome;
    ///
    /// let prior_outcome: PriorOutcome = serde_json::from_str(r#""penalised""#)?;
    /// assert_eq!(prior_outcome, PriorOutcome::Penalised);
    /// assert_eq!(serde_json::to_string(&prior_outcome)?, r#""penalised""#);
    /// # let codes = [("penalised", "给予行政处罚"), ("no_penalty", "不予行政处罚"), ("first_violation_no_penalty", "首违不罚")];
    /// # assert_eq!(PriorOutcome::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PriorOutcome::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PriorOutcome>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PriorOutcome {
        /// 给予行政处罚.
        Penalised => "给予行政处罚",
        /// 不予行政处罚 (other than 首违不罚).
        NoPenalty => "不予行政处罚",
        /// 首违不罚.
        FirstViolationNoPenalty => "首违不罚",
    }
}

/// The window in which an earlier violation prevents a "first violation"
/// (首违).
///
/// On the wire: `{"months": 24}`, `"calendar_year"`, `{"since": "2022-02-01"}`
/// or `"ever"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Window {
    /// Earlier violations in the `n` months before the act (以内, inclusive).
    Months(u32),
    /// Earlier violations in the same calendar year (自然年度内).
    CalendarYear,
    /// Earlier violations on or after a date (e.g. since the list took effect).
    Since(
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        NaiveDate,
    ),
    /// Any earlier violation.
    Ever,
}

impl Window {
    /// Whether an earlier act on `prior` falls inside the window for an act on
    /// `act`.
    ///
    /// `Months(n)`: `prior` on or after the day `n` months before `act`
    /// (民法典 Art. 1259: "以内" includes the number).
    pub fn contains(self, prior: NaiveDate, act: NaiveDate) -> bool {
        if prior > act {
            return false;
        }
        match self {
            Window::Months(n) => match calendar::sub_months(act, n) {
                Some(start) => prior >= start,
                None => true,
            },
            Window::CalendarYear => prior.year() == act.year(),
            Window::Since(d) => prior >= d,
            Window::Ever => true,
        }
    }

    /// The window in words, e.g. `二十四个月内`.
    pub fn legal_name(self) -> String {
        match self {
            Window::Months(n) => format!("{}个月内", calendar::chinese_numeral(n)),
            Window::CalendarYear => "同一自然年度内".to_owned(),
            Window::Since(d) => format!("自{d}起"),
            Window::Ever => "此前任何时间".to_owned(),
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.legal_name())
    }
}
