//! Stable codes and Chinese messages for every error type, for the systems
//! that show errors to officers. The English `Display` message stays as it
//! is; `message_zh()` puts a Chinese sentence first and keeps the English
//! detail (which names the file, line, field and value) in parentheses.
//!
//! Codes are `<area>.<kind>` in snake case, e.g. `case.order`; they are
//! stable across releases: a code is never reused for another meaning.

use crate::load::LoadError;

impl crate::case::CaseError {
    /// The stable code of this error, e.g. `case.missing`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Missing { .. } => "case.missing",
            Self::Order { .. } => "case.order",
            Self::PriorAfterAct { .. } => "case.prior_after_act",
            Self::Duplicate { .. } => "case.duplicate",
            Self::Requires { .. } => "case.requires",
            Self::Id { .. } => "case.id",
            Self::SchemaVersion { .. } => "case.schema_version",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Missing { .. } => "案件缺少必填字段",
            Self::Order { .. } => "案件日期先后顺序不符",
            Self::PriorAfterAct { .. } => "此前违法行为的日期晚于本案违法行为",
            Self::Duplicate { .. } => "案件列表中有重复项",
            Self::Requires { .. } => "案件字段须以其他字段的特定取值为前提",
            Self::Id { .. } => "案件中的编号或名称格式不正确",
            Self::SchemaVersion { .. } => "案件数据格式版本不受支持",
        };
        format!("{text}（{self}）")
    }
}

impl crate::decision::DecisionVersionError {
    /// The stable code of this error, e.g. `decision.schema_version`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unsupported { .. } => "decision.schema_version",
            Self::NewFieldInOld { .. } => "decision.new_field_in_old_version",
            Self::OldFieldInNew { .. } => "decision.old_field_in_new_version",
            Self::MissingReason => "decision.override_reason_missing",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Unsupported { .. } => "处理决定数据格式版本不受支持",
            Self::NewFieldInOld { .. } => "第1版处理决定数据中出现第2版字段，请将 schema_version 设为 2",
            Self::OldFieldInNew { .. } => {
                "第2版处理决定数据中出现第1版字段，请改用 overridden.note 并在说明理由中载明所依据的情形和情节"
            }
            Self::MissingReason => "第1版处理决定数据的变更记录缺少理由",
        };
        format!("{text}（{self}）")
    }
}

impl crate::party::PartyError {
    /// The stable code of this error, e.g. `party.missing_birth_date`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingBirthDate { .. } => "party.missing_birth_date",
            Self::Inapplicable { .. } => "party.inapplicable",
            Self::Id { .. } => "party.id",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::MissingBirthDate { .. } => "自然人当事人缺少出生日期",
            Self::Inapplicable { .. } => "该字段不适用于此类当事人",
            Self::Id { .. } => "当事人编号或名称格式不正确",
        };
        format!("{text}（{self}）")
    }
}

impl crate::calendar::LoadCalendarError {
    /// The stable code of this error, e.g. `holiday_table.syntax`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "holiday_table.syntax",
            Self::Shape { .. } => "holiday_table.shape",
            Self::InvalidDate { .. } => "holiday_table.invalid_date",
            Self::InvalidYear { .. } => "holiday_table.invalid_year",
            Self::DuplicateYear { .. } => "holiday_table.duplicate_year",
            Self::ConflictingDay { .. } => "holiday_table.conflicting_day",
            Self::WrongYear { .. } => "holiday_table.wrong_year",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Syntax { .. } => "节假日表不是格式正确的JSON",
            Self::Shape { .. } => "节假日表字段缺失、多余或类型不符",
            Self::InvalidDate { .. } => "节假日表中的日期无效",
            Self::InvalidYear { .. } => "节假日表中的年份无效",
            Self::DuplicateYear { .. } => "节假日表中同一年份重复",
            Self::ConflictingDay { .. } => "节假日表中同一日期既列为休息日又列为工作日",
            Self::WrongYear { .. } => "节假日表中的日期不属于其所列年份",
        };
        format!("{text}（{self}）")
    }
}

impl crate::catalogue::TaggedError {
    /// The stable code of this error, e.g. `condition.missing`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Missing { .. } => "condition.missing",
            Self::Inapplicable { .. } => "condition.inapplicable",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Missing { .. } => "清单适用条件缺少所需字段",
            Self::Inapplicable { .. } => "清单适用条件含有不适用的字段",
        };
        format!("{text}（{self}）")
    }
}

impl crate::catalogue::ClauseError {
    /// The stable code of this error, e.g. `clause.no_condition`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EmptyText { .. } => "clause.empty_text",
            Self::NoCondition { .. } => "clause.no_condition",
            Self::DuplicateCondition { .. } => "clause.duplicate_condition",
            Self::UnknownProvision { .. } => "clause.unknown_provision",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::EmptyText { .. } => "特别法从重条款缺少条文原文",
            Self::NoCondition { .. } => "特别法从重条款未列出适用情形，无从适用",
            Self::DuplicateCondition { .. } => "特别法从重条款的适用情形重复列出",
            Self::UnknownProvision { .. } => "特别法从重条款援引的条文不是 rouxing 收录的条文",
        };
        format!("{text}（{self}）")
    }
}

impl crate::catalogue::PenaltyError {
    /// The stable code of this error, e.g. `penalty.no_kinds`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoKinds { .. } => "penalty.no_kinds",
            Self::DuplicateKind { .. } => "penalty.duplicate_kind",
            Self::FineMismatch { .. } => "penalty.fine_mismatch",
            Self::NoSanctions { .. } => "penalty.no_sanctions",
            Self::FineWithoutRule { .. } => "penalty.fine_without_rule",
            Self::RuleOnNonFine { .. } => "penalty.rule_on_non_fine",
            Self::DuplicateSanction { .. } => "penalty.duplicate_sanction",
            Self::BadAlternative { .. } => "penalty.bad_alternative",
            Self::MixedForms { .. } => "penalty.mixed_forms",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::NoKinds { .. } => "罚则未列出任何处罚种类",
            Self::DuplicateKind { .. } => "罚则中处罚种类重复",
            Self::FineMismatch { .. } => "罚款种类与罚款规则须同时给出",
            Self::NoSanctions { .. } => "罚则未列出任何处罚",
            Self::FineWithoutRule { .. } => "罚款处罚缺少罚款规则",
            Self::RuleOnNonFine { .. } => "非罚款处罚不应有罚款规则",
            Self::DuplicateSanction { .. } => "罚则中同一处罚重复列出",
            Self::BadAlternative { .. } => "“或者”选择组不完整或成员不一致",
            Self::MixedForms { .. } => "罚则混用了第1版与第2版格式",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::AppendError {
    /// The stable code of this error, e.g. `record_append.closed`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Closed { .. } => "record_append.closed",
            Self::DateOrder { .. } => "record_append.date_order",
            Self::NotStarted { .. } => "record_append.not_started",
            Self::Repeated { .. } => "record_append.repeated",
            Self::NotFiledAfterFiling { .. } => "record_append.not_filed_after_filing",
            Self::TooFewOfficers { .. } => "record_append.too_few_officers",
            Self::NoEvidence { .. } => "record_append.no_evidence",
            Self::NoticeIncomplete { .. } => "record_append.notice_incomplete",
            Self::ReplyPeriodInvalid { .. } => "record_append.reply_period_invalid",
            Self::NoNotice { .. } => "record_append.no_notice",
            Self::StatementPeriodRunning { .. } => "record_append.statement_period_running",
            Self::HearingNotOffered { .. } => "record_append.hearing_not_offered",
            Self::HearingNotRequested { .. } => "record_append.hearing_not_requested",
            Self::HearingNoticeTooShort { .. } => "record_append.hearing_notice_too_short",
            Self::PresidingInvestigator { .. } => "record_append.presiding_investigator",
            Self::HearingNotScheduled { .. } => "record_append.hearing_not_scheduled",
            Self::HearingBeforeDay { .. } => "record_append.hearing_before_day",
            Self::WrongCase { .. } => "record_append.wrong_case",
            Self::AlreadyDecided { .. } => "record_append.already_decided",
            Self::DecisionAfterNotFiled { .. } => "record_append.decision_after_not_filed",
            Self::DecisionWithoutFiling { .. } => "record_append.decision_without_filing",
            Self::LimitationExpired { .. } => "record_append.limitation_expired",
            Self::LegalReviewMissing { .. } => "record_append.legal_review_missing",
            Self::LegalReviewNotPassed { .. } => "record_append.legal_review_not_passed",
            Self::CollectiveDiscussionMissing { .. } => "record_append.collective_discussion_missing",
            Self::DecisionBeforeNotice { .. } => "record_append.decision_before_notice",
            Self::DecisionBeforeStatement { .. } => "record_append.decision_before_statement",
            Self::HearingRightNotNotified { .. } => "record_append.hearing_right_not_notified",
            Self::DecisionBeforeHearing { .. } => "record_append.decision_before_hearing",
            Self::DecisionDuringHearingPeriod { .. } => "record_append.decision_during_hearing_period",
            Self::HearingAlreadyWaived { .. } => "record_append.hearing_already_waived",
            Self::HearingWaiverNotOffered { .. } => "record_append.hearing_waiver_not_offered",
            Self::HearingWaiverAfterScheduling { .. } => "record_append.hearing_waiver_after_scheduling",
            Self::HeavierThanNotified { .. } => "record_append.heavier_than_notified",
            Self::NoDecision { .. } => "record_append.no_decision",
            Self::NotServed { .. } => "record_append.not_served",
            Self::ElectronicServiceWithoutConsent { .. } => {
                "record_append.electronic_service_without_consent"
            }
            Self::NoFine { .. } => "record_append.no_fine",
            Self::FollowUpBeforeOutcome { .. } => "record_append.follow_up_before_outcome",
            Self::CloseBeforeOutcome { .. } => "record_append.close_before_outcome",
            Self::DateOutOfRange { .. } => "record_append.date_out_of_range",
            Self::ImpossibleOrder { .. } => "record_append.impossible_order",
            Self::LimitationImplausible { .. } => "record_append.limitation_implausible",
            Self::WrongParty { .. } => "record_append.wrong_party",
            Self::WrongItem { .. } => "record_append.wrong_item",
            Self::Empty { .. } => "record_append.empty",
            Self::TooFewParticipants { .. } => "record_append.too_few_participants",
            Self::ReviewerIsInvestigator { .. } => "record_append.reviewer_is_investigator",
            Self::AlreadyServed { .. } => "record_append.already_served",
            Self::Overpaid { .. } => "record_append.overpaid",
            Self::Outstanding { .. } => "record_append.outstanding",
            Self::NothingToPay { .. } => "record_append.nothing_to_pay",
            Self::RescheduleInPast { .. } => "record_append.reschedule_in_past",
            Self::InstalmentsMismatch { .. } => "record_append.instalments_mismatch",
            Self::ChallengeOrder { .. } => "record_append.challenge_order",
            Self::NotOverdue { .. } => "record_append.not_overdue",
            Self::ChangeWhileDecided { .. } => "record_append.change_while_decided",
            Self::SealMismatch { .. } => "record_append.seal_mismatch",
            Self::SealBeforeClose { .. } => "record_append.seal_before_close",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Closed { .. } => "案件已结案，不能再记录后续环节",
            Self::DateOrder { .. } => "环节日期早于上一环节",
            Self::NotStarted { .. } => "案卷须以“启动”环节开始",
            Self::Repeated { .. } => "该环节每案只能记录一次",
            Self::NotFiledAfterFiling { .. } => "案件已立案，不能再记录不予立案",
            Self::TooFewOfficers { .. } => "调查取证的执法人员少于二人",
            Self::NoEvidence { .. } => "调查取证未记录证据",
            Self::NoticeIncomplete { .. } => "行政处罚事先告知内容不全",
            Self::ReplyPeriodInvalid { .. } => "陈述申辩期限早于告知日期",
            Self::NoNotice { .. } => "未经告知即记录陈述申辩或听证环节",
            Self::StatementPeriodRunning { .. } => "陈述申辩期限尚未届满",
            Self::HearingNotOffered { .. } => "告知中未告知听证权利，却记录了听证申请",
            Self::HearingNotRequested { .. } => "当事人未申请听证，却记录了听证通知",
            Self::HearingNoticeTooShort { .. } => "听证通知距听证日不足七个工作日",
            Self::PresidingInvestigator { .. } => "听证主持人是本案调查人员",
            Self::HearingNotScheduled { .. } => "未发出听证通知即记录听证",
            Self::HearingBeforeDay { .. } => "听证记录日期早于通知的听证日",
            Self::WrongCase { .. } => "处理决定不属于本案",
            Self::AlreadyDecided { .. } => "已有生效决定，不能再作决定",
            Self::DecisionAfterNotFiled { .. } => "已不予立案，不能作出决定",
            Self::DecisionWithoutFiling { .. } => "普通程序未立案即作出决定",
            Self::LimitationExpired { .. } => "超过追责时效仍作出处罚决定",
            Self::LegalReviewMissing { .. } => "应当法制审核而未审核即作出决定",
            Self::LegalReviewNotPassed { .. } => "法制审核未通过即作出决定",
            Self::CollectiveDiscussionMissing { .. } => "应当集体讨论而未讨论即作出决定",
            Self::DecisionBeforeNotice { .. } => "未经事先告知即作出处罚决定",
            Self::DecisionBeforeStatement { .. } => "当事人陈述申辩前即作出处罚决定",
            Self::HearingRightNotNotified { .. } => "应当告知听证权利而未告知即作出处罚决定",
            Self::DecisionBeforeHearing { .. } => "听证结束前即作出处罚决定",
            Self::DecisionDuringHearingPeriod { .. } => "要求听证的期限届满前即作出处罚决定",
            Self::HearingAlreadyWaived { .. } => "当事人已放弃听证，又记录了听证申请",
            Self::HearingWaiverNotOffered { .. } => "告知中未告知听证权利，却记录了放弃听证",
            Self::HearingWaiverAfterScheduling { .. } => "已发出听证通知，应记录撤回听证申请而非放弃听证",
            Self::HeavierThanNotified { .. } => "处罚决定重于告知的拟处罚内容",
            Self::NoDecision { .. } => "尚无生效决定",
            Self::NotServed { .. } => "决定书尚未送达",
            Self::ElectronicServiceWithoutConsent { .. } => "未经当事人同意即电子送达",
            Self::NoFine { .. } => "决定未处罚款，不能记录缴纳罚款",
            Self::FollowUpBeforeOutcome { .. } => "尚无处理结果即记录回访",
            Self::CloseBeforeOutcome { .. } => "尚无处理结果即结案",
            Self::DateOutOfRange { .. } => "环节日期超出合理范围",
            Self::ImpossibleOrder { .. } => "违法行为日期晚于发现日期，或发现日期晚于案件启动日期",
            Self::LimitationImplausible { .. } => "记载的追责时效届满日不符合第三十六条",
            Self::WrongParty { .. } => "处理决定的当事人与立案时不一致",
            Self::WrongItem { .. } => "处理决定的违法事项与记录不一致且未记录变更",
            Self::Empty { .. } => "环节的必填文字内容为空",
            Self::TooFewParticipants { .. } => "集体讨论的参加人少于二人",
            Self::ReviewerIsInvestigator { .. } => "法制审核人员是本案调查人员",
            Self::AlreadyServed { .. } => "决定书已送达，重复送达未说明理由",
            Self::Overpaid { .. } => "缴纳金额超过应缴数额",
            Self::Outstanding { .. } => "罚款或加处罚款尚未缴清即结案",
            Self::NothingToPay { .. } => "无应缴罚款却记录缴纳",
            Self::RescheduleInPast { .. } => "延期或分期缴纳的日期早于该环节",
            Self::InstalmentsMismatch { .. } => "分期日期顺序或金额合计与未缴罚款不符",
            Self::ChallengeOrder { .. } => "复议或诉讼环节顺序不正确",
            Self::NotOverdue { .. } => "罚款缴纳期限尚未届满即强制执行",
            Self::ChangeWhileDecided { .. } => "已有生效决定时变更违法事项",
            Self::SealMismatch { .. } => "封存不在结案之后或未载明案卷最终摘要",
            Self::SealBeforeClose { .. } => "结案前即封存",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::ImportError {
    /// The stable code of this error, e.g. `record_import.encoding`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Encoding { .. } => "record_import.encoding",
            Self::Syntax { .. } => "record_import.syntax",
            Self::NotCanonical { .. } => "record_import.not_canonical",
            Self::Unsupported { .. } => "record_import.unsupported",
            Self::Header { .. } => "record_import.header",
            Self::Chain { .. } => "record_import.chain",
            Self::Lifecycle { .. } => "record_import.lifecycle",
            Self::Count { .. } => "record_import.count",
            Self::Head { .. } => "record_import.head",
            Self::Truncated { .. } => "record_import.truncated",
            Self::MissingFinalNewline { .. } => "record_import.missing_final_newline",
            Self::AfterClosingLine { .. } => "record_import.after_closing_line",
            Self::UnexpectedHead { .. } => "record_import.unexpected_head",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Encoding { .. } => "案卷文件不是UTF-8编码",
            Self::Syntax { .. } => "案卷文件某行格式不正确",
            Self::NotCanonical { .. } => "案卷文件某行不是规范格式",
            Self::Unsupported { .. } => "案卷文件格式或版本不受支持",
            Self::Header { .. } => "案卷文件头与哈希链不符",
            Self::Chain { .. } => "案卷哈希链断裂，记录可能被篡改",
            Self::Lifecycle { .. } => "案卷环节顺序不符合程序",
            Self::Count { .. } => "案卷结尾行记载的环节数不符",
            Self::Head { .. } => "案卷结尾行记载的最终摘要不符",
            Self::Truncated { .. } => "案卷文件不完整，缺少结尾行",
            Self::MissingFinalNewline { .. } => "案卷结尾行缺少换行符",
            Self::AfterClosingLine { .. } => "案卷结尾行之后还有内容",
            Self::UnexpectedHead { .. } => "案卷最终摘要与预期不符",
        };
        format!("{text}（{self}）")
    }
}

impl crate::regime::RegimeError {
    /// The stable code of this error, e.g. `regime.bands`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Bands { .. } => "regime.bands",
            Self::Zero { .. } => "regime.zero",
            Self::Floor { .. } => "regime.floor",
            Self::Duplicate { .. } => "regime.duplicate",
            Self::SchemaVersion { .. } => "regime.schema_version",
            Self::Implausible { .. } => "regime.implausible",
            Self::SourceWithoutRule { .. } => "regime.source_without_rule",
            Self::StatuteAsSource { .. } => "regime.statute_as_source",
            Self::UnknownSource { .. } => "regime.unknown_source",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Bands { .. } => "裁量档次划分顺序不正确",
            Self::Zero { .. } => "裁量规则中的数额或期限不能为零",
            Self::Floor { .. } => "减轻处罚下限须低于法定最低额",
            Self::Duplicate { .. } => "裁量规则列表中有重复项",
            Self::SchemaVersion { .. } => "裁量规则数据格式版本不受支持",
            Self::Implausible { .. } => "裁量规则中的期限超过十年，不合常理",
            Self::SourceWithoutRule { .. } => "法制审核规则未启用，却载明了依据",
            Self::StatuteAsSource { .. } => {
                "法制审核规则不得以行政处罚法第五十八条本身为依据，应当载明规定法制审核的法律、法规"
            }
            Self::UnknownSource { .. } => "法制审核规则援引的条文未收录，应当以文件形式载明",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::ChainError {
    /// The stable code of this error, e.g. `chain.tampered`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Tampered { .. } => "chain.tampered",
            Self::Unlinked { .. } => "chain.unlinked",
            Self::OutOfSequence { .. } => "chain.out_of_sequence",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Tampered { .. } => "案卷记录被改动",
            Self::Unlinked { .. } => "案卷记录未与上一条记录衔接",
            Self::OutOfSequence { .. } => "案卷记录顺序号不连续",
        };
        format!("{text}（{self}）")
    }
}

impl crate::mechanism::guidance::GuidanceError {
    /// The stable code of this error, e.g. `guidance.unknown_channel`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownChannel { .. } => "guidance.unknown_channel",
            Self::NoMeasure { .. } => "guidance.no_measure",
            Self::DuplicateMeasure { .. } => "guidance.duplicate_measure",
            Self::MeasureNotAllowed { .. } => "guidance.measure_not_allowed",
            Self::MeasureChannel { .. } => "guidance.measure_channel",
            Self::EmptyText { .. } => "guidance.empty_text",
            Self::DateOrder { .. } => "guidance.date_order",
            Self::CorrectionForTendency { .. } => "guidance.correction_for_tendency",
            Self::DateOutOfRange { .. } => "guidance.date_out_of_range",
            Self::NoCase { .. } => "guidance.no_case",
            Self::CaseMismatch { .. } => "guidance.case_mismatch",
            Self::PenaltyDecision { .. } => "guidance.penalty_decision",
            Self::ChannelMismatch { .. } => "guidance.channel_mismatch",
            Self::NoOfficer { .. } => "guidance.no_officer",
            Self::MissingRecord { .. } => "guidance.missing_record",
            Self::Case { .. } => "guidance.case",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::UnknownChannel { .. } => "简易引导的联系方式不受支持",
            Self::NoMeasure { .. } => "简易引导未选择任何柔性措施",
            Self::DuplicateMeasure { .. } => "柔性措施重复",
            Self::MeasureNotAllowed { .. } => "该措施不属于简易引导措施",
            Self::MeasureChannel { .. } => "该措施不能通过所选方式实施",
            Self::EmptyText { .. } => "文字字段不能为空",
            Self::DateOrder { .. } => "日期先后顺序不符",
            Self::CorrectionForTendency { .. } => "违法倾向不适用改正期限",
            Self::DateOutOfRange { .. } => "日期超出可计算范围",
            Self::NoCase { .. } => "违法倾向的引导计划没有对应的案件决定",
            Self::CaseMismatch { .. } => "引导计划与决定不属于同一案件",
            Self::PenaltyDecision { .. } => "决定给予了行政处罚，不适用简易引导",
            Self::ChannelMismatch { .. } => "联系方式与计划不一致",
            Self::NoOfficer { .. } => "引导记录未载明执法人员",
            Self::MissingRecord { .. } => "引导记录缺少该联系方式要求记载的内容",
            Self::Case { .. } => "无法构建改正后的案件",
        };
        format!("{text}（{self}）")
    }
}

impl crate::mechanism::tolerance::ToleranceError {
    /// The stable code of this error, e.g. `tolerance.deadline_before_decision`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::DeadlineBeforeDecision { .. } => "tolerance.deadline_before_decision",
            Self::DecisionBeforeDiscovery { .. } => "tolerance.decision_before_discovery",
            Self::Window { .. } => "tolerance.window",
            Self::StartsBeforeDecision { .. } => "tolerance.starts_before_decision",
            Self::MilestoneOutside { .. } => "tolerance.milestone_outside",
            Self::MilestoneOrder { .. } => "tolerance.milestone_order",
            Self::UnknownMilestone { .. } => "tolerance.unknown_milestone",
            Self::EmptyText { .. } => "tolerance.empty_text",
            Self::AsOfBeforeDecision { .. } => "tolerance.as_of_before_decision",
            Self::FactAfterAsOf { .. } => "tolerance.fact_after_as_of",
            Self::VerificationBeforeCorrection { .. } => "tolerance.verification_before_correction",
            Self::DateOutOfRange { .. } => "tolerance.date_out_of_range",
            Self::CaseMismatch { .. } => "tolerance.case_mismatch",
            Self::PenaltyDecision { .. } => "tolerance.penalty_decision",
            Self::Case { .. } => "tolerance.case",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::DeadlineBeforeDecision { .. } => "期限早于决定日期",
            Self::DecisionBeforeDiscovery { .. } => "决定日期早于发现违法行为之日",
            Self::Window { .. } => "期间的结束日早于开始日",
            Self::StartsBeforeDecision { .. } => "过渡期开始日早于决定日期",
            Self::MilestoneOutside { .. } => "阶段节点不在过渡期内",
            Self::MilestoneOrder { .. } => "阶段节点顺序不正确",
            Self::UnknownMilestone { .. } => "计划中没有该阶段节点",
            Self::EmptyText { .. } => "文字字段不能为空",
            Self::AsOfBeforeDecision { .. } => "评估日期早于决定日期",
            Self::FactAfterAsOf { .. } => "事实日期晚于评估日期",
            Self::VerificationBeforeCorrection { .. } => "复查日期早于改正日期",
            Self::DateOutOfRange { .. } => "日期超出可计算范围",
            Self::CaseMismatch { .. } => "计划与决定不属于同一案件",
            Self::PenaltyDecision { .. } => "决定给予了行政处罚，不适用该机制",
            Self::Case { .. } => "无法以改正情况重新构建案件",
        };
        format!("{text}（{self}）")
    }
}

impl crate::mechanism::credit::CreditError {
    /// The stable code of this error, e.g. `credit.no_grades`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoGrades { .. } => "credit.no_grades",
            Self::DuplicateGrade { .. } => "credit.duplicate_grade",
            Self::CatchAll { .. } => "credit.catch_all",
            Self::GradeOrder { .. } => "credit.grade_order",
            Self::UnknownGrade { .. } => "credit.unknown_grade",
            Self::DuplicateIncentive { .. } => "credit.duplicate_incentive",
            Self::Zero { .. } => "credit.zero",
            Self::DuplicateRecord { .. } => "credit.duplicate_record",
            Self::RepairBeforeDecision { .. } => "credit.repair_before_decision",
            Self::Window { .. } => "credit.window",
            Self::CaseMismatch { .. } => "credit.case_mismatch",
            Self::PublishedBeforeDecision { .. } => "credit.published_before_decision",
            Self::EmptyText { .. } => "credit.empty_text",
            Self::DateOutOfRange { .. } => "credit.date_out_of_range",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::NoGrades { .. } => "信用政策未设信用等级",
            Self::DuplicateGrade { .. } => "信用等级代码重复",
            Self::CatchAll { .. } => "信用等级上限设置不正确（仅最后一级可不设上限）",
            Self::GradeOrder { .. } => "信用等级上限须逐级递增",
            Self::UnknownGrade { .. } => "激励措施引用了不存在的信用等级",
            Self::DuplicateIncentive { .. } => "同一激励措施有两条规则",
            Self::Zero { .. } => "期限或数额不能为零",
            Self::DuplicateRecord { .. } => "信用档案中同一案件重复记录",
            Self::RepairBeforeDecision { .. } => "信用修复日期早于决定日期",
            Self::Window { .. } => "期间的结束日早于开始日",
            Self::CaseMismatch { .. } => "案件与决定不一致",
            Self::PublishedBeforeDecision { .. } => "公示日期早于决定日期",
            Self::EmptyText { .. } => "文字字段不能为空",
            Self::DateOutOfRange { .. } => "日期超出可计算范围",
        };
        format!("{text}（{self}）")
    }
}

impl crate::money::FineRuleError {
    /// The stable code of this error, e.g. `fine_rule.inverted`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Inverted { .. } => "fine_rule.inverted",
            Self::ZeroMaximum { .. } => "fine_rule.zero_maximum",
            Self::Missing { .. } => "fine_rule.missing",
            Self::Inapplicable { .. } => "fine_rule.inapplicable",
            Self::Value { .. } => "fine_rule.value",
            Self::InvertedMultiple { .. } => "fine_rule.inverted_multiple",
            Self::Implausible { .. } => "fine_rule.implausible",
            Self::ImplausibleMultiple { .. } => "fine_rule.implausible_multiple",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Inverted { .. } => "罚款幅度最低额高于最高额",
            Self::ZeroMaximum { .. } => "罚款最高额为零",
            Self::Missing { .. } => "罚款规则缺少所需字段",
            Self::Inapplicable { .. } => "罚款规则含有不适用的字段",
            Self::Value { .. } => "金额或倍数格式不正确",
            Self::InvertedMultiple { .. } => "罚款倍数最低值高于最高值",
            Self::Implausible { .. } => "罚款金额超过一万亿元，不合常理",
            Self::ImplausibleMultiple { .. } => "罚款倍数超过一万倍，不合常理",
        };
        format!("{text}（{self}）")
    }
}

impl crate::party::InvalidIdError {
    /// The stable code of this error: `id.invalid`.
    pub fn code(&self) -> &'static str {
        "id.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("编号或名称格式不正确（{self}）")
    }
}

impl crate::mechanism::InvalidWindowError {
    /// The stable code of this error: `window.inverted`.
    pub fn code(&self) -> &'static str {
        "window.inverted"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("期间的结束日早于开始日（{self}）")
    }
}

impl crate::record::ParseDigestError {
    /// The stable code of this error: `digest.invalid`.
    pub fn code(&self) -> &'static str {
        "digest.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("摘要值格式不正确（{self}）")
    }
}

impl crate::money::ParseMoneyError {
    /// The stable code of this error: `money.invalid`.
    pub fn code(&self) -> &'static str {
        "money.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("金额格式不正确（{self}）")
    }
}

impl crate::report::ReportPeriodError {
    /// The stable code of this error: `report.period`.
    pub fn code(&self) -> &'static str {
        "report.period"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("统计期间不正确（{self}）")
    }
}

impl crate::law::ParseCitationError {
    /// The stable code of this error: `citation.invalid`.
    pub fn code(&self) -> &'static str {
        "citation.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("法律条文引用格式不正确（{self}）")
    }
}

impl crate::import::HeaderMapError {
    /// The stable code of this error, e.g. `header_map.conflict`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Json(_) => "header_map.json",
            Self::Empty { .. } => "header_map.empty",
            Self::Conflict { .. } => "header_map.conflict",
            Self::NoBehaviour => "header_map.no_behaviour",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Json(_) => "表头映射不是格式正确的JSON，或字段不符合规定格式",
            Self::Empty { .. } => "表头映射中有空白的表头文字",
            Self::Conflict { .. } => "同一表头文字对应了两个字段",
            Self::NoBehaviour => "表头映射未给出“违法行为”字段的表头文字",
        };
        format!("{text}（{self}）")
    }
}

impl crate::import::ImportError {
    /// The stable code of this error: `list_import.failed`.
    ///
    /// The error has no kind of its own: the file, sheet, row and message
    /// say why the file could not be imported.
    pub fn code(&self) -> &'static str {
        "list_import.failed"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!(
            "清单文件无法导入：不是有效的CSV文件或.xlsx工作簿、不是UTF-8编码，或未找到含“违法行为”的表头行（{self}）"
        )
    }
}

impl crate::instrument::RenderError {
    /// The stable code of this error, e.g. `instrument.missing`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::CaseMismatch { .. } => "instrument.case_mismatch",
            Self::NoAgency => "instrument.no_agency",
            Self::UnknownItem { .. } => "instrument.unknown_item",
            Self::NotCalledFor { .. } => "instrument.not_called_for",
            Self::Missing { .. } => "instrument.missing",
            Self::HearingTooSoon { .. } => "instrument.hearing_too_soon",
            Self::HostInvestigated { .. } => "instrument.host_investigated",
            Self::NoTemplate { .. } => "instrument.no_template",
            Self::DateOutOfRange { .. } => "instrument.date_out_of_range",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::CaseMismatch { .. } => "处理决定不属于本案",
            Self::NoAgency => "处理决定和案件均未载明行政机关",
            Self::UnknownItem { .. } => "处理决定的违法事项不在清单中",
            Self::NotCalledFor { .. } => "处理决定的内容不适用该执法文书",
            Self::Missing { .. } => "执法文书所需的记载事项缺失或为空",
            Self::HearingTooSoon { .. } => "听证日距听证通知不足七个工作日",
            Self::HostInvestigated { .. } => "听证主持人是本案调查人员",
            Self::NoTemplate { .. } => "文书样式中没有该执法文书的模板",
            Self::DateOutOfRange { .. } => "日期超出可计算范围",
        };
        format!("{text}（{self}）")
    }
}

impl crate::liability::ExemptionListError {
    /// The stable code of this error, e.g. `exemption_list.no_conditions`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Load(_) => "exemption_list.load",
            Self::Schema { .. } => "exemption_list.schema_version",
            Self::NoConditions { .. } => "exemption_list.no_conditions",
            Self::DuplicateId { .. } => "exemption_list.duplicate_id",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Load(_) => "免责清单文件数据格式或取值不正确",
            Self::Schema { .. } => "免责清单数据格式版本不受支持",
            Self::NoConditions { .. } => "免责清单条目未设任何免责条件",
            Self::DuplicateId { .. } => "免责清单条目编号重复",
        };
        format!("{text}（{self}）")
    }
}

#[cfg(feature = "docx")]
impl crate::office::DocxError {
    /// The stable code of this error: `docx.write`.
    pub fn code(&self) -> &'static str {
        "docx.write"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("无法生成Word文档（{self}）")
    }
}

#[cfg(feature = "xlsx")]
impl crate::report::XlsxError {
    /// The stable code of this error: `xlsx.write`.
    pub fn code(&self) -> &'static str {
        "xlsx.write"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("无法生成Excel工作簿（{self}）")
    }
}

impl crate::publicity::PublicityError {
    /// The stable code of this error, e.g. `publicity.no_reason`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Credit(_) => "publicity.credit",
            Self::OutOfOrder { .. } => "publicity.out_of_order",
            Self::Closed { .. } => "publicity.closed",
            Self::NoReason => "publicity.no_reason",
            Self::EarlyStopRefused { .. } => "publicity.early_stop_refused",
            Self::NotSamr => "publicity.not_samr",
            Self::DateOutOfRange { .. } => "publicity.date_out_of_range",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Credit(_) => "按信用规则确定公示事项时出错",
            Self::OutOfOrder { .. } => "公示环节日期早于其前一环节",
            Self::Closed { .. } => "该公示环节已进行过或公示状态不允许，不能再进行",
            Self::NoReason => "撤回行政处罚决定信息须公开说明理由",
            Self::EarlyStopRefused { .. } => "不符合提前停止公示的条件",
            Self::NotSamr => "提前停止公示仅适用于《市场监督管理行政处罚信息公示规定》",
            Self::DateOutOfRange { .. } => "日期超出可计算范围",
        };
        format!("{text}（{self}）")
    }
}

impl crate::register::RegisterError {
    /// The stable code of this error, e.g. `register.filed_before_adoption`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Load(_) => "register.load",
            Self::DuplicateAdoption { .. } => "register.duplicate_adoption",
            Self::FiledBeforeAdoption { .. } => "register.filed_before_adoption",
            Self::Schema { .. } => "register.schema_version",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Load(_) => "清单报备登记文件数据格式或取值不正确",
            Self::DuplicateAdoption { .. } => "同一清单有两个版本的制定日期相同",
            Self::FiledBeforeAdoption { .. } => "清单版本的报备或退回日期早于其制定日期",
            Self::Schema { .. } => "清单报备登记数据格式版本不受支持",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::ParseSignatureError {
    /// The stable code of this error: `signature.invalid`.
    pub fn code(&self) -> &'static str {
        "signature.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("签名值格式不正确（{self}）")
    }
}

impl crate::record::SignError {
    /// The stable code of this error: `sign.failed`.
    pub fn code(&self) -> &'static str {
        "sign.failed"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("签名密钥或签名服务未能完成签名（{self}）")
    }
}

impl crate::record::SignatureRejected {
    /// The stable code of this error, e.g. `signature_rejected.unknown_key`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownKey { .. } => "signature_rejected.unknown_key",
            Self::Invalid { .. } => "signature_rejected.invalid",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::UnknownKey { .. } => "验证方没有该密钥编号对应的公钥",
            Self::Invalid { .. } => "签名未通过该公钥的验证",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::InvalidKeyError {
    /// The stable code of this error: `key.invalid`.
    pub fn code(&self) -> &'static str {
        "key.invalid"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("公钥不是有效的Ed25519公钥（{self}）")
    }
}

impl crate::record::SealError {
    /// The stable code of this error, e.g. `seal.tail_cut`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::WrongCase { .. } => "seal.wrong_case",
            Self::Signature(_) => "seal.signature",
            Self::Chain(_) => "seal.chain",
            Self::TailCut { .. } => "seal.tail_cut",
            Self::Rewritten { .. } => "seal.rewritten",
            Self::NotSealed => "seal.not_sealed",
            Self::NotClosed => "seal.not_closed",
            Self::Sign(_) => "seal.sign",
            Self::Append(_) => "seal.append",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::WrongCase { .. } => "签名检查点与案卷不属于同一案件",
            Self::Signature(_) => "检查点或封存的签名未通过验证",
            Self::Chain(_) => "案卷哈希链断裂，记录可能被篡改",
            Self::TailCut { .. } => "案卷环节少于检查点记载的环节数，案卷末尾的记录被删除",
            Self::Rewritten { .. } => "案卷在检查点处的摘要与检查点不符，此前的记录被改写",
            Self::NotSealed => "案卷未封存：结案后没有封存环节",
            Self::NotClosed => "案件尚未结案，不能封存",
            Self::Sign(_) => "封存签名失败",
            Self::Append(_) => "封存环节无法记入案卷",
        };
        format!("{text}（{self}）")
    }
}

impl crate::record::VerifyError {
    /// The stable code of this error, e.g. `verify.after_as_of`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Chain(_) => "verify.chain",
            Self::AfterAsOf { .. } => "verify.after_as_of",
        }
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let text = match self {
            Self::Chain(_) => "案卷哈希链断裂，记录可能被篡改",
            Self::AfterAsOf { .. } => "案卷环节的日期晚于核验日期",
        };
        format!("{text}（{self}）")
    }
}

impl crate::money::ImplausibleAmountError {
    /// The stable code of this error: `money.implausible`.
    pub fn code(&self) -> &'static str {
        "money.implausible"
    }

    /// The message in Chinese, followed by the English detail in parentheses.
    pub fn message_zh(&self) -> String {
        format!("金额超过一万亿元，不合常理（{self}）")
    }
}

impl LoadError {
    /// The stable code of this error: `load.invalid`.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::Catalogue;
    ///
    /// let err = Catalogue::from_json_named("list.json", "{").err().ok_or("expected an error")?;
    /// assert_eq!(err.code(), "load.invalid");
    /// assert!(err.message_zh().starts_with("文件 `list.json`"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        "load.invalid"
    }

    /// The message in Chinese: the file, line, column and field, then the
    /// parser's English detail in parentheses.
    pub fn message_zh(&self) -> String {
        let mut text = format!("文件 `{}`", self.file());
        if self.line() > 0 {
            text.push_str(&format!(" 第{}行第{}列", self.line(), self.column()));
        }
        if !self.field().is_empty() && self.field() != "." {
            text.push_str(&format!("，字段 `{}`", self.field()));
        }
        text.push_str(&format!("：数据格式或取值不正确（{}）", self.message()));
        text
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::WorkCalendar;
    use crate::case::CaseError;

    #[test]
    fn codes_and_chinese_messages() {
        let err = CaseError::Missing { field: "party" };
        assert_eq!(err.code(), "case.missing");
        assert_eq!(err.message_zh(), "案件缺少必填字段（field `party` is required）");
        let err = WorkCalendar::from_json("{").unwrap_err();
        assert_eq!(err.code(), "holiday_table.syntax");
        assert!(err.message_zh().starts_with("节假日表不是格式正确的JSON（holiday table line 1"));
        let err = crate::Catalogue::from_json_named("c.json", "{\n\"x\": 1}").unwrap_err();
        assert_eq!(err.code(), "load.invalid");
        assert!(err.message_zh().starts_with("文件 `c.json` 第2行"), "{}", err.message_zh());
        assert!(!err.message_zh().contains('\n'));
    }

    /// A Chinese sentence first, then the English `Display` text in
    /// parentheses.
    fn check(code: &str, message_zh: &str, english: &str, expected: &str) {
        assert_eq!(code, expected);
        assert!(message_zh.ends_with(&format!("（{english}）")), "{message_zh}");
        let sentence = &message_zh[..message_zh.len() - english.len()];
        assert!(sentence.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{message_zh}");
    }

    #[test]
    fn codes_and_chinese_messages_of_the_later_errors() {
        use crate::import::{self, HeaderMap, HeaderMapError};
        use crate::instrument::RenderError;
        use crate::money::{Money, check_plausible};
        use crate::publicity::PublicityError;
        use crate::record::{SealError, Signature};

        let err = HeaderMap::empty().validate().unwrap_err();
        assert_eq!(err, HeaderMapError::NoBehaviour);
        check(err.code(), &err.message_zh(), &err.to_string(), "header_map.no_behaviour");
        let err =
            import::from_csv("a.csv", "名称,备注\n甲,乙\n".as_bytes(), &HeaderMap::default()).unwrap_err();
        check(err.code(), &err.message_zh(), &err.to_string(), "list_import.failed");
        assert!(err.message_zh().contains("a.csv: no header row"), "{}", err.message_zh());
        let err = RenderError::NoAgency;
        check(err.code(), &err.message_zh(), &err.to_string(), "instrument.no_agency");
        let err = PublicityError::NoReason;
        check(err.code(), &err.message_zh(), &err.to_string(), "publicity.no_reason");
        assert!(err.message_zh().starts_with("撤回行政处罚决定信息须公开说明理由"));
        let err = SealError::NotSealed;
        check(err.code(), &err.message_zh(), &err.to_string(), "seal.not_sealed");
        let err = "xyz".parse::<Signature>().unwrap_err();
        check(err.code(), &err.message_zh(), &err.to_string(), "signature.invalid");
        let err = check_plausible("amount", Some(Money::MAX)).unwrap_err();
        check(err.code(), &err.message_zh(), &err.to_string(), "money.implausible");
        use crate::decision::DecisionVersionError as V;
        for (err, code) in [
            (V::Unsupported { version: 3 }, "decision.schema_version"),
            (V::NewFieldInOld { field: "reasons.circumstances" }, "decision.new_field_in_old_version"),
            (V::OldFieldInNew { field: "overridden.reason" }, "decision.old_field_in_new_version"),
            (V::MissingReason, "decision.override_reason_missing"),
        ] {
            check(err.code(), &err.message_zh(), &err.to_string(), code);
        }
    }

    /// Every code literal in the impls above the tests, each once: a code is
    /// never shared by two meanings.
    #[test]
    fn codes_are_unique() {
        let source = include_str!("error_zh.rs");
        let impls = source.split("#[cfg(test)]").next().unwrap_or_default();
        let is_code = |s: &str| {
            let mut parts = s.split('.');
            let ok = |p: Option<&str>| {
                p.is_some_and(|p| {
                    p.starts_with(|c: char| c.is_ascii_lowercase())
                        && p.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            };
            ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
        };
        let mut seen = std::collections::BTreeSet::new();
        for line in impls.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            for (i, literal) in line.split('"').enumerate() {
                if i % 2 == 1 && is_code(literal) {
                    assert!(seen.insert(literal), "code `{literal}` is used twice");
                }
            }
        }
        for code in [
            "case.missing",
            "record_append.electronic_service_without_consent",
            "load.invalid",
            "seal.append",
        ] {
            assert!(seen.contains(code), "{code}");
        }
        assert!(seen.len() > 200, "{}", seen.len());
    }
}
