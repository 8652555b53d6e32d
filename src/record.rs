//! The full-process record of a case (全过程记录 / 留痕): an append-only,
//! hash-chained [`CaseFile`].
//!
//! A case file holds one [`Event`] per step — 启动, 立案 or 不予立案, 调查取证,
//! 告知, 陈述申辩, 听证, 法制审核, 集体讨论, 决定, 送达, 执行, 整改复查, 回访,
//! 结案, and every soft-measure contact. [`CaseFile::append`] checks that the
//! step may follow the steps before it and says in an [`AppendError`] what is
//! out of order; [`CaseFile::deadlines`] derives the statutory periods from
//! the steps, and [`CaseFile::overdue`] lists those missed on a day.
//!
//! Each stored [`Entry`] carries the SHA-256 of the previous entry's digest,
//! its sequence number and its canonical JSON content; [`CaseFile::verify`]
//! recomputes the chain and names the first broken link. A case file is
//! exported as JSON Lines ([`CaseFile::to_jsonl`]) and imported again
//! ([`CaseFile::from_jsonl`]), which verifies the chain *and* replays the
//! lifecycle: a file that was changed, truncated, extended or reordered is
//! rejected with the line where it first differs.
//!
//! # The file format
//!
//! ```text
//! {"format":"rouxing-case-file","schema_version":1,"case_id":"C-1"}
//! {"seq":0,"prev":"<64 hex>","hash":"<64 hex>","event":{"on":"2025-03-02","stage":"started",…}}
//! …
//! {"events":12,"head":"<64 hex>"}
//! ```
//!
//! Entry 0 links to the SHA-256 of the header line; each later entry to the
//! digest of the one before it; the closing line states the number of
//! entries and the last digest, so that a file cut after any line is
//! detected. Every line must be exactly as [`CaseFile::to_jsonl`] writes it
//! (no added spaces, a single `\n` after each line): a file has one
//! spelling, so any change to any byte is a change to the record.
//!
//! The chain proves a file unchanged since it was written, not who wrote it:
//! anyone who can rewrite the whole file can recompute the chain. Store
//! [`CaseFile::head`] somewhere the case file's custodian cannot rewrite
//! (the agency's case system, a timestamping service) and compare it on
//! import.
//!
//! # Sealing
//!
//! The chain alone proves a file unchanged, not who wrote it. A signed
//! [`Checkpoint`] — "case `C`, after `n` events, has head `h`", signed with the
//! agency's key through a [`Signer`] — is kept outside the file, and
//! [`CaseFile::verify_checkpoint`] proves a file extends it, naming a tail cut
//! ([`SealError::TailCut`]) apart from a rewrite ([`SealError::Rewritten`]).
//! At 结案, [`CaseFile::seal`] appends the signed checkpoint of the closed file
//! as the `封存` event; [`CaseFile::verify_seal`] checks it with a [`Verifier`]
//! that holds public keys only, so a 司法局 or court can verify a file but not
//! forge one. [`Ed25519Signer`] and [`Ed25519Verifier`] are bundled; an SM2/SM3
//! implementation plugs into the same traits. Keys always come from the
//! embedding system: the library never generates or stores one.
//!
//! # Legal basis
//!
//! * 《中华人民共和国行政处罚法》第四十七条: "行政机关应当依法以文字、音像等形式，对行政处罚的启动、
//!   调查取证、审核、决定、送达、执行等进行全过程记录，归档保存。"
//! * 《优化营商环境条例》第五十八条: "实现行政执法信息及时准确公示、行政执法全过程留痕和可回溯管理".
//! * 山丹县实施方案 四(四): "要制定必要的柔性执法文书，加强执法全过程“留痕”和可追溯管理。"
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::record::{CaseFile, Event, Origin, Stage};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let mut file = CaseFile::new("2025-001".parse()?);
//! file.append(Event::new(d(2025, 3, 2)?, Stage::Started {
//!     origin: Origin::Inspection,
//!     party: "91620725MA7".parse()?,
//!     item: Some("EM-HC-78-3".parse()?),
//!     act_on: d(2025, 3, 1)?,
//!     discovered_on: d(2025, 3, 2)?,
//!     limitation_ends: Some(d(2027, 3, 1)?),
//! }))?;
//! file.append(Event::new(d(2025, 3, 3)?, Stage::Filed { approved_by: "HEAD-1".parse()? }))?;
//! // Service before any decision is out of order (Art. 61).
//! let err = file
//!     .append(Event::new(d(2025, 3, 4)?, Stage::Served {
//!         method: rouxing::record::ServiceMethod::Direct,
//!         consent: None,
//!     }))
//!     .unwrap_err();
//! assert_eq!(err.to_string(), "`送达` before any decision in force (Art. 61)");
//!
//! let text = file.to_jsonl();
//! let back = CaseFile::from_jsonl(&text)?;
//! assert_eq!(back.head(), file.head());
//! back.verify()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chain;
mod deadline;
mod event;
mod payment;
mod seal;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::WorkCalendar;
use crate::case::{CaseId, OfficerId};
use crate::catalogue::ItemCode;
use crate::decision::{Disposition, Notified};
use crate::money::Money;
use crate::party::PartyId;

pub use self::chain::{ChainError, Digest, Entry, ParseDigestError};
pub use self::deadline::{Deadline, DeadlineStatus, Obligation};
pub use self::event::{
    CredentialId, Event, EvidenceKind, EvidenceRef, HearingOutcome, Instalment, Officer, Origin, PartyRight,
    Rectification, ReviewOpinion, ServiceMethod, Stage, StageKind,
};
pub use self::seal::{
    Checkpoint, ED25519, Ed25519Signer, Ed25519Verifier, InvalidKeyError, KeyId, ParseSignatureError,
    SealError, SignError, Signature, SignatureRejected, Signer, Verifier,
};

use self::payment::Payment;

use self::chain::{check_link, genesis, link_digest, verify_entries};

/// The schema version of the case-file format this release reads and writes.
pub const CASE_FILE_SCHEMA_VERSION: u32 = 1;

/// The format name in the header line.
const FORMAT: &str = "rouxing-case-file";

vocabulary! {
    /// An element of the Art. 44 notice.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第四十四条: "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的
    /// 行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。"
    pub enum NoticeItem {
        /// 事实.
        Facts => "事实",
        /// 理由.
        Reasons => "理由",
        /// 依据.
        Basis => "依据",
        /// 陈述权利.
        StatementRight => "陈述权利",
        /// 申辩权利.
        DefenceRight => "申辩权利",
    }
}

/// A step could not be appended: it is out of order or incomplete.
///
/// Every message names the step in Chinese (`送达`, `决定` …) and the
/// provision it breaks.
///
/// This enum is non-exhaustive so that other lifecycle rules may be added in
/// semver compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AppendError {
    /// Nothing may follow 结案.
    #[error("`{stage}` after `结案`: a closed case takes no further steps")]
    Closed {
        /// The step attempted.
        stage: &'static str,
    },
    /// A step dated before the step before it.
    #[error("`{stage}` on `{on}` is dated before the previous step on `{previous}`")]
    DateOrder {
        /// The step attempted.
        stage: &'static str,
        /// Its date.
        on: NaiveDate,
        /// The date of the previous step.
        previous: NaiveDate,
    },
    /// The first step must be 启动.
    #[error("`{stage}` before `启动`: a case file starts with the case's start (Art. 47)")]
    NotStarted {
        /// The step attempted.
        stage: &'static str,
    },
    /// A step that happens once was repeated.
    #[error("`{stage}` is already recorded and happens once per case")]
    Repeated {
        /// The step repeated.
        stage: &'static str,
    },
    /// 不予立案 after the case was filed.
    #[error("`不予立案` after `立案`: the case is already filed")]
    NotFiledAfterFiling,
    /// An investigation by fewer than two officers without a legal exception.
    #[error(
        "`调查取证` by `{count}` officer(s): at least two officers with credentials are required (Art. 42)"
    )]
    TooFewOfficers {
        /// The number of distinct officers recorded.
        count: usize,
    },
    /// An investigation step without evidence.
    #[error("`调查取证` without any evidence reference (Arts. 46, 47)")]
    NoEvidence,
    /// An Art. 44 notice that lacks an element.
    #[error("`告知` lacks the {missing} (Art. 44)")]
    NoticeIncomplete {
        /// The missing element.
        missing: &'static str,
    },
    /// An Art. 44 notice whose reply period ends before it was given.
    #[error("`告知` on `{on}` gives a reply period ending `{reply_by}`, before the notice")]
    ReplyPeriodInvalid {
        /// The day of the notice.
        on: NaiveDate,
        /// The last day given for a reply.
        reply_by: NaiveDate,
    },
    /// A statement, waiver or hearing step before any notice.
    #[error("`{stage}` before `告知`: the party is heard on a notified proposal (Arts. 44, 45)")]
    NoNotice {
        /// The step attempted.
        stage: &'static str,
    },
    /// The reply period was recorded as lapsed before it ended.
    #[error("`陈述申辩期限届满` on `{on}`, but the period runs until `{reply_by}`")]
    StatementPeriodRunning {
        /// The day recorded.
        on: NaiveDate,
        /// The last day of the period.
        reply_by: NaiveDate,
    },
    /// A hearing request when the notice did not offer a hearing.
    #[error("`要求听证` but the notice did not tell the party of the right to a hearing (Art. 63)")]
    HearingNotOffered,
    /// A hearing notified without a request.
    #[error("`听证通知` without a request for a hearing (Art. 63)")]
    HearingNotRequested,
    /// A hearing notified fewer than seven working days ahead.
    #[error(
        "hearing on `{hearing_on}` notified on `{on}`: it may be held on `{earliest}` at the earliest (Art. 64 (二), Art. 85)"
    )]
    HearingNoticeTooShort {
        /// The day of the notice.
        on: NaiveDate,
        /// The day of the hearing.
        hearing_on: NaiveDate,
        /// The earliest lawful day.
        earliest: NaiveDate,
    },
    /// A hearing presided over by an investigator of the case.
    #[error("hearing presided by `{officer}`, an investigator of the case (Art. 64 (四))")]
    PresidingInvestigator {
        /// The officer.
        officer: OfficerId,
    },
    /// A hearing ended without having been notified.
    #[error("`听证` without `听证通知` (Art. 64 (二))")]
    HearingNotScheduled,
    /// A hearing recorded as held before its day.
    #[error("hearing recorded on `{on}`, before the notified day `{hearing_on}`")]
    HearingBeforeDay {
        /// The day recorded.
        on: NaiveDate,
        /// The notified day.
        hearing_on: NaiveDate,
    },
    /// A decision for another case.
    #[error("decision for case `{found}` appended to the file of case `{expected}`")]
    WrongCase {
        /// This file's case.
        expected: CaseId,
        /// The decision's case.
        found: CaseId,
    },
    /// A second decision while one is in force.
    #[error("`决定` while the decision of `{decided_on}` is in force: revoke it first")]
    AlreadyDecided {
        /// The day of the decision in force.
        decided_on: NaiveDate,
    },
    /// A decision after 不予立案.
    #[error("`决定` after `不予立案`: file the case first")]
    DecisionAfterNotFiled,
    /// A decision under the ordinary procedure without filing.
    #[error("`决定` under the ordinary procedure without `立案` (Art. 54 ¶2)")]
    DecisionWithoutFiling,
    /// A penalty decision although the violation was discovered after the
    /// limitation period.
    #[error(
        "penalty decided although discovery on `{discovered_on}` came after the limitation's last day `{last_day}` (Art. 36)"
    )]
    LimitationExpired {
        /// The day of discovery.
        discovered_on: NaiveDate,
        /// The last day on which discovery was in time.
        last_day: NaiveDate,
    },
    /// A decision that requires legal review without one.
    #[error("`决定` without `法制审核`, which the decision requires (Art. 58)")]
    LegalReviewMissing,
    /// A decision after a legal review that did not pass.
    #[error("`决定` after a `法制审核` that did not pass (Art. 58)")]
    LegalReviewNotPassed,
    /// A decision that requires collective discussion without one.
    #[error("`决定` without `集体讨论`, which the decision requires (Art. 57 ¶2)")]
    CollectiveDiscussionMissing,
    /// A penalty decision before the Art. 44 notice.
    #[error("penalty decided before `告知` (Arts. 44, 62)")]
    DecisionBeforeNotice,
    /// A penalty decision before the party was heard or waived.
    #[error(
        "penalty decided before the party was heard, waived, or let the period to `{reply_by}` pass (Arts. 45, 62)"
    )]
    DecisionBeforeStatement {
        /// The last day of the reply period.
        reply_by: NaiveDate,
    },
    /// A penalty decision that needs a hearing notice, without one.
    #[error(
        "the decision requires telling the party of the right to a hearing, and the notice did not (Art. 63)"
    )]
    HearingRightNotNotified,
    /// A penalty decision before a hearing requested in time.
    #[error("penalty decided before the hearing requested on `{requested_on}` ended (Arts. 63, 65)")]
    DecisionBeforeHearing {
        /// The day of the request.
        requested_on: NaiveDate,
    },
    /// A penalty decision while the period to ask for a hearing runs, with
    /// no request and no waiver.
    #[error(
        "penalty decided while the party may still ask for a hearing, until `{due}` (Art. 64 (一), Art. 85)"
    )]
    DecisionDuringHearingPeriod {
        /// The last day of the request period.
        due: NaiveDate,
    },
    /// A hearing waiver when the notice did not offer a hearing.
    #[error("`放弃听证` but the notice did not tell the party of the right to a hearing (Art. 63)")]
    HearingWaiverNotOffered,
    /// A hearing request after the party waived the hearing.
    #[error("`要求听证` after the party waived the hearing on `{waived_on}`")]
    HearingAlreadyWaived {
        /// The day of the waiver.
        waived_on: NaiveDate,
    },
    /// A waiver after the hearing was notified: the party withdraws instead.
    #[error(
        "`放弃听证` after the hearing of `{hearing_on}` was notified: record `听证` with outcome `withdrawn` (Art. 64 (六))"
    )]
    HearingWaiverAfterScheduling {
        /// The notified day of the hearing.
        hearing_on: NaiveDate,
    },
    /// A decision heavier than the proposal notified.
    #[error(
        "decision `{decided}` is heavier than the notified `{notified}`: notify the heavier proposal first (Arts. 44, 45 ¶2)"
    )]
    HeavierThanNotified {
        /// The notified proposal, as tier and fine.
        notified: String,
        /// The decision, as tier and fine.
        decided: String,
    },
    /// A step that needs a decision in force, without one.
    #[error("`{stage}` before any decision in force (Art. 61)")]
    NoDecision {
        /// The step attempted.
        stage: &'static str,
    },
    /// A step that needs the decision served, before service.
    #[error("`{stage}` before the decision was served (Arts. 61, 67 ¶3)")]
    NotServed {
        /// The step attempted.
        stage: &'static str,
    },
    /// Electronic service without the party's signed consent.
    #[error("electronic service without the party's signed confirmation (Art. 61 ¶2)")]
    ElectronicServiceWithoutConsent,
    /// A payment on a decision without a fine.
    #[error("`缴纳罚款` on a decision without a fine")]
    NoFine,
    /// A follow-up before any outcome.
    #[error("`回访` before a decision or `不予立案`")]
    FollowUpBeforeOutcome,
    /// 结案 before the case has an outcome.
    #[error("`结案` before a decision or `不予立案`")]
    CloseBeforeOutcome,
    /// A date outside the plausible range of case files.
    #[error("`{stage}` field `{field}` is `{on}`, outside {FIRST_PLAUSIBLE_DAY}..={LAST_PLAUSIBLE_DAY}")]
    DateOutOfRange {
        /// The step.
        stage: &'static str,
        /// The field.
        field: &'static str,
        /// The date.
        on: NaiveDate,
    },
    /// The act is dated after its discovery, or the discovery after the
    /// case's start.
    #[error(
        "`启动` field `{field}` is `{on}`, after `{later_field}` `{later}`: an act precedes its discovery, a discovery the case"
    )]
    ImpossibleOrder {
        /// The field that is too late.
        field: &'static str,
        /// Its date.
        on: NaiveDate,
        /// The field it must not follow.
        later_field: &'static str,
        /// That field's date.
        later: NaiveDate,
    },
    /// A stated limitation day outside what Art. 36 allows.
    #[error(
        "`启动` field `limitation_ends` is `{stated}`, but Art. 36 ends the period from the act on `{act_on}` by `{latest}` at the latest"
    )]
    LimitationImplausible {
        /// The day stated.
        stated: NaiveDate,
        /// The act day.
        act_on: NaiveDate,
        /// The latest lawful last day (five years, Art. 36 ¶1).
        latest: NaiveDate,
    },
    /// A decision for another party than the case was opened for.
    #[error("`决定` field `party` is `{found}`, the case was opened for `{expected}`")]
    WrongParty {
        /// The party at 启动.
        expected: PartyId,
        /// The decision's party.
        found: PartyId,
    },
    /// A decision on another item than recorded, without a change event.
    #[error(
        "`决定` field `item` is `{found}`, the file records `{expected}`: record `变更违法行为` and notify again (Art. 44)"
    )]
    WrongItem {
        /// The item recorded.
        expected: String,
        /// The decision's item.
        found: String,
    },
    /// A step whose required text field is empty.
    #[error("`{stage}` field `{field}` is empty ({rule})")]
    Empty {
        /// The step.
        stage: &'static str,
        /// The field.
        field: &'static str,
        /// The rule that requires it.
        rule: &'static str,
    },
    /// A collective discussion with fewer than two participants.
    #[error(
        "`集体讨论` field `participants` names `{count}` distinct officer(s): a collective discussion needs at least two (Art. 57 ¶2)"
    )]
    TooFewParticipants {
        /// The distinct participants.
        count: usize,
    },
    /// A legal review by an investigator of the case.
    #[error(
        "`法制审核` field `reviewer` is `{officer}`, an investigator of the case: the review is by the staff who do legal review (Art. 58 ¶1)"
    )]
    ReviewerIsInvestigator {
        /// The officer.
        officer: OfficerId,
    },
    /// A decision served a second time without a reason.
    #[error(
        "`送达` field `method`: the decision was served on `{served_on}`; record `重新送达` with its reason (Art. 61)"
    )]
    AlreadyServed {
        /// The day of the first service.
        served_on: NaiveDate,
    },
    /// A payment beyond what is due.
    #[error(
        "`缴纳罚款` field `amount` is `{amount}`, but only `{outstanding}` is due on `{on}` (Arts. 67, 72)"
    )]
    Overpaid {
        /// The amount paid.
        amount: Money,
        /// What was due.
        outstanding: Money,
        /// The day.
        on: NaiveDate,
    },
    /// 结案 with part of the fine or surcharge unpaid.
    #[error(
        "`结案` with `{outstanding}` of the fine and surcharge unpaid on `{on}`: pay, or record `强制执行` (Arts. 67, 72)"
    )]
    Outstanding {
        /// What is unpaid.
        outstanding: Money,
        /// The day.
        on: NaiveDate,
    },
    /// A payment step on a decision with nothing to pay (no fine, or the fine paid).
    #[error("`{stage}`: nothing of the fine is unpaid (Art. 66 ¶2)")]
    NothingToPay {
        /// The step.
        stage: &'static str,
    },
    /// A deferral or instalment day before the step.
    #[error("`{stage}` field `{field}` is `{until}`, before the approval on `{on}` (Art. 66 ¶2)")]
    RescheduleInPast {
        /// The step.
        stage: &'static str,
        /// The field.
        field: &'static str,
        /// The day given.
        until: NaiveDate,
        /// The day of the step.
        on: NaiveDate,
    },
    /// Instalments that are not in date order or do not add up to the unpaid fine.
    #[error(
        "`分期缴纳罚款` field `instalments` adds up to `{total}` (in date order: {ordered}), the unpaid fine is `{unpaid}` (Art. 66 ¶2)"
    )]
    InstalmentsMismatch {
        /// Their sum.
        total: Money,
        /// Whether they are in date order.
        ordered: bool,
        /// The unpaid fine.
        unpaid: Money,
    },
    /// A challenge step out of order.
    #[error("`{stage}`: {why} (Art. 73 ¶3)")]
    ChallengeOrder {
        /// The step.
        stage: &'static str,
        /// What is wrong.
        why: &'static str,
    },
    /// Enforcement before the fine was overdue.
    #[error("`强制执行` on `{on}`, but the fine is due by `{last_day}` (Art. 72 ¶1: 到期不缴纳)")]
    NotOverdue {
        /// The day.
        on: NaiveDate,
        /// The last day to pay.
        last_day: NaiveDate,
    },
    /// A change of item while a decision is in force.
    #[error("`变更违法行为` while the decision of `{decided_on}` is in force: revoke it first")]
    ChangeWhileDecided {
        /// The day of the decision in force.
        decided_on: NaiveDate,
    },
    /// A seal that does not follow 结案 or does not state the file's head.
    #[error(
        "`封存` field `{field}` does not match the closed file: it states `{stated}`, the file has `{found}`"
    )]
    SealMismatch {
        /// The field.
        field: &'static str,
        /// What the seal states.
        stated: String,
        /// What the file has.
        found: String,
    },
    /// A seal before 结案.
    #[error("`封存` before `结案`: only a closed case is sealed")]
    SealBeforeClose,
}

/// The first day a case-file date may have: the day the Administrative
/// Penalty Law of 1996 came into force.
pub const FIRST_PLAUSIBLE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1996, 10, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last day a case-file date may have.
pub const LAST_PLAUSIBLE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2099, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// A case file does not verify on a day.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The chain is broken.
    #[error("{0}")]
    Chain(#[from] ChainError),
    /// An event is dated after the day of verification.
    #[error("event `{seq}` (`{stage}`) is dated `{on}`, after the day of verification `{as_of}`")]
    AfterAsOf {
        /// The event.
        seq: u64,
        /// Its step.
        stage: &'static str,
        /// Its date.
        on: NaiveDate,
        /// The day of verification.
        as_of: NaiveDate,
    },
}

/// A case file could not be imported: where and why.
///
/// Every variant names the 1-based line of the file where it first differs
/// from a file [`CaseFile::to_jsonl`] could have written.
///
/// This enum is non-exhaustive so that other checks may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The bytes are not UTF-8.
    #[error("line {line}: not valid UTF-8")]
    Encoding {
        /// The line.
        line: usize,
    },
    /// A line is not JSON of the expected shape.
    #[error("line {line}: not a case-file line: {message}")]
    Syntax {
        /// The line.
        line: usize,
        /// What the parser found.
        message: String,
    },
    /// A line parses but is not spelled as the exporter spells it.
    #[error("line {line}: not in canonical form")]
    NotCanonical {
        /// The line.
        line: usize,
    },
    /// The header names another format or version.
    #[error("line {line}: unsupported format `{format}` version `{version}`")]
    Unsupported {
        /// The line.
        line: usize,
        /// The format named.
        format: String,
        /// The version named.
        version: u32,
    },
    /// The header does not match the chain (entry 0 is intact but links to
    /// another header).
    #[error(
        "line {line}: the header was changed: the first event links to `{expected}`, the header hashes to `{found}`"
    )]
    Header {
        /// The line.
        line: usize,
        /// The digest entry 0 links to.
        expected: Digest,
        /// The digest of the header as found.
        found: Digest,
    },
    /// The chain is broken at a line.
    #[error("line {line}: broken chain")]
    Chain {
        /// The line.
        line: usize,
        /// How.
        #[source]
        source: ChainError,
    },
    /// The chain is intact but the step is out of order.
    #[error("line {line}: event `{seq}` is out of order")]
    Lifecycle {
        /// The line.
        line: usize,
        /// The event.
        seq: u64,
        /// Why.
        #[source]
        source: AppendError,
    },
    /// The closing line states another number of events.
    #[error("line {line}: the closing line states `{stated}` events, the file has `{found}`")]
    Count {
        /// The line.
        line: usize,
        /// The number stated.
        stated: u64,
        /// The number found.
        found: u64,
    },
    /// The closing line states another last digest.
    #[error("line {line}: the closing line states head `{stated}`, the chain ends at `{found}`")]
    Head {
        /// The line.
        line: usize,
        /// The digest stated.
        stated: Digest,
        /// The last digest of the chain.
        found: Digest,
    },
    /// The file ends before its closing line.
    #[error("line {line}: the file ends after `{events}` events without its closing line")]
    Truncated {
        /// The line where the file ends: the closing line's place, or a
        /// last line without its newline.
        line: usize,
        /// The events read.
        events: u64,
    },
    /// The closing line is not followed by a newline.
    #[error("line {line}: the closing line lacks its final newline")]
    MissingFinalNewline {
        /// The line.
        line: usize,
    },
    /// Something follows the closing line.
    #[error("line {line}: content after the closing line")]
    AfterClosingLine {
        /// The line.
        line: usize,
    },
    /// The head does not match the one the caller expected.
    #[error("line {line}: the file ends at head `{found}`, expected `{expected}`")]
    UnexpectedHead {
        /// The closing line.
        line: usize,
        /// The head the caller expected.
        expected: Digest,
        /// The head of the file.
        found: Digest,
    },
}

impl ImportError {
    /// The 1-based line where the file first goes wrong.
    pub const fn line(&self) -> usize {
        match self {
            ImportError::Encoding { line }
            | ImportError::Syntax { line, .. }
            | ImportError::NotCanonical { line }
            | ImportError::Unsupported { line, .. }
            | ImportError::Header { line, .. }
            | ImportError::Chain { line, .. }
            | ImportError::Lifecycle { line, .. }
            | ImportError::Count { line, .. }
            | ImportError::Head { line, .. }
            | ImportError::Truncated { line, .. }
            | ImportError::MissingFinalNewline { line }
            | ImportError::AfterClosingLine { line }
            | ImportError::UnexpectedHead { line, .. } => *line,
        }
    }
}

/// The lifecycle summary that append checks against. Derived from the
/// events; never stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct State {
    last_on: Option<NaiveDate>,
    started: Option<Started>,
    filed: bool,
    not_filed: bool,
    investigators: std::collections::BTreeSet<OfficerId>,
    notice: Option<NoticeState>,
    hearing: HearingState,
    review: Option<ReviewOpinion>,
    discussed: bool,
    decision: Option<DecisionState>,
    closed: bool,
    sealed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Started {
    party: PartyId,
    item: Option<ItemCode>,
    discovered_on: NaiveDate,
    /// The last day of the Art. 36 period: as stated, or two years from
    /// the act when not stated.
    limitation_ends: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct NoticeState {
    on: NaiveDate,
    proposed: Notified,
    hearing_right: bool,
    reply_by: NaiveDate,
    heard: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct HearingState {
    /// The day of a request, and whether it came in time.
    requested: Option<(NaiveDate, bool)>,
    /// The day of an express waiver (放弃听证).
    waived: Option<NaiveDate>,
    scheduled: Option<NaiveDate>,
    /// The day the hearing ended, and how.
    ended: Option<(NaiveDate, HearingOutcome)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct DecisionState {
    on: NaiveDate,
    disposition: Disposition,
    fine: Option<Money>,
    served: Option<NaiveDate>,
    payment: Option<Payment>,
    enforcement: bool,
    challenged: bool,
}

/// The header line of an exported case file.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CaseFileHeader"))]
#[serde(deny_unknown_fields)]
pub(crate) struct Header {
    /// The format's name, always `rouxing-case-file`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = "rouxing-case-file")))]
    format: String,
    /// The version of the case-file format, `1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    schema_version: u32,
    /// 案件编号: the case the file records.
    case_id: CaseId,
}

/// An entry line of an exported case file.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct EntryLine {
    seq: u64,
    prev: Digest,
    hash: Digest,
    event: Event,
}

/// The closing line of an exported case file.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CaseFileClosing"))]
#[serde(deny_unknown_fields)]
pub(crate) struct Closing {
    /// The number of event lines between the header and this line.
    events: u64,
    /// The digest of the last entry (of the header line when there is none).
    head: Digest,
}

/// The full-process record of one case: append-only, lifecycle-checked and
/// hash-chained.
///
/// A `CaseFile` value is always valid: it is built by [`CaseFile::append`],
/// or by [`CaseFile::from_jsonl`] and deserialization, which verify the chain
/// and replay every step through the same checks.
///
/// See the [module documentation](self) for the format and an example.
///
/// # JSON
///
/// Inside other JSON documents a case file is one object ([`Serialize`], [`Deserialize`]): the entries
/// with their chain digests and the head. [`CaseFile::to_jsonl`] writes it as JSON Lines instead: a
/// header line (`case_file_header.schema.json`), one line per entry (`case_file_entry.schema.json`)
/// and a closing line (`case_file_closing.schema.json`) stating the number of events and the head.
/// Both forms are checked on the way in: the chain is verified and every step replayed.
///
/// ```
/// use rouxing::CaseFile;
///
/// let case_file_json = r#"{
///   "schema_version": 1,
///   "case_id": "2025-001",
///   "entries": [
///                {
///                  "seq": 0,
///                  "prev": "6ec460619b1ab9fd171fb142775331f2e7aed001002adedec0b17900358bc75e",
///                  "hash": "be8c08d2d598805d020ec466c36b0689b8f549659faaf7fb72a86553ede19892",
///                  "event": {
///                             "on": "2025-03-02",
///                             "stage": "started",
///                             "origin": "inspection",
///                             "party": "91620725MA7",
///                             "item": "EM-HC-78-3",
///                             "act_on": "2025-03-01",
///                             "discovered_on": "2025-03-02",
///                             "limitation_ends": "2027-03-01"
///                           }
///                },
///                {
///                  "seq": 1,
///                  "prev": "be8c08d2d598805d020ec466c36b0689b8f549659faaf7fb72a86553ede19892",
///                  "hash": "13b1ceff1d073c6f19ec97eefc2be77a28f61bdb867d28a89b6ec55ab5f54244",
///                  "event": {"on": "2025-03-03", "stage": "filed", "approved_by": "HEAD-1"}
///                }
///              ],
///   "head": "13b1ceff1d073c6f19ec97eefc2be77a28f61bdb867d28a89b6ec55ab5f54244"
/// }"#;
/// let case_file: CaseFile = serde_json::from_str(case_file_json)?;
/// assert_eq!(case_file.len(), 2);
/// assert_eq!(serde_json::to_value(&case_file)?, serde_json::from_str::<serde_json::Value>(case_file_json)?);
///
/// // The same file as JSON Lines: header, entries, closing line.
/// let case_file_header_json = r#"{"format":"rouxing-case-file","schema_version":1,"case_id":"2025-001"}"#;
/// let case_file_closing_json = r#"{"events":2,"head":"13b1ceff1d073c6f19ec97eefc2be77a28f61bdb867d28a89b6ec55ab5f54244"}"#;
/// let entries: Vec<String> = case_file.entries().iter().map(serde_json::to_string).collect::<Result<_, _>>()?;
/// let jsonl = format!("{case_file_header_json}\n{}\n{case_file_closing_json}\n", entries.join("\n"));
/// assert_eq!(case_file.to_jsonl(), jsonl);
/// assert_eq!(CaseFile::from_jsonl(&jsonl)?, case_file);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseFile {
    case_id: CaseId,
    header: String,
    genesis: Digest,
    entries: Vec<Entry>,
    calendar: WorkCalendar,
    state: State,
}

impl CaseFile {
    /// An empty case file, counting working days (Art. 85) with the bundled
    /// Chinese schedule.
    pub fn new(case_id: CaseId) -> CaseFile {
        CaseFile::with_calendar(case_id, WorkCalendar::china())
    }

    /// An empty case file counting working days with a given calendar (use
    /// the regime's, [`Regime::calendar`](crate::Regime::calendar)).
    pub fn with_calendar(case_id: CaseId, calendar: WorkCalendar) -> CaseFile {
        let header = header_line(&case_id);
        CaseFile {
            genesis: genesis(&header),
            case_id,
            header,
            entries: Vec::new(),
            calendar,
            state: State::default(),
        }
    }

    /// The case.
    pub fn case_id(&self) -> &CaseId {
        &self.case_id
    }

    /// The stored entries, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no event is recorded yet.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The digest of the last entry (of the header when empty): store it
    /// outside the file to detect a rewritten file.
    pub fn head(&self) -> Digest {
        self.entries.last().map_or(self.genesis, |e| e.hash)
    }

    /// The decision in force, if any.
    pub fn decision(&self) -> Option<&crate::decision::Decision> {
        self.state.decision.as_ref()?;
        self.entries.iter().rev().find_map(|e| match &e.event.stage {
            Stage::Decided { decision } => Some(decision.as_ref()),
            _ => None,
        })
    }

    /// Whether the case is closed (结案).
    pub fn is_closed(&self) -> bool {
        self.state.closed
    }

    /// The hearing that followed the notice in force, as the recorded steps
    /// show it on `as_of`: what a [`NotifiedProposal`](crate::decision::NotifiedProposal)
    /// handed to [`review`](crate::review()) should carry as its `hearing`.
    ///
    /// `NotOffered` when no notice is in force or it did not offer a hearing;
    /// `Pending` or `Lapsed` by the five working days of Art. 64 (一) counted
    /// from the notice ([`hearing_request_due`](crate::decision::hearing_request_due));
    /// `Held` only for a hearing recorded as held (听证举行完毕), dated the
    /// day it ended.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条第一款第（二）项 ("经过听证程序的"), 第六十三条, 第六十四条
    /// 第（一）（六）项, 第八十五条.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::decision::HearingAnswer;
    /// use rouxing::record::CaseFile;
    ///
    /// let file = CaseFile::new("2025-001".parse()?);
    /// let on = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
    /// assert_eq!(file.hearing(on), HearingAnswer::NotOffered);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hearing(&self, as_of: NaiveDate) -> crate::decision::HearingAnswer {
        use crate::decision::HearingAnswer as H;
        let Some(notice) = self.state.notice.filter(|n| n.hearing_right) else {
            return H::NotOffered;
        };
        let h = self.state.hearing;
        match (h.requested, h.ended) {
            (Some((requested_on, _)), Some((held_on, HearingOutcome::Held))) => {
                H::Held { requested_on, held_on }
            }
            (Some((requested_on, _)), Some(_)) => H::Withdrawn { requested_on },
            (Some((on, _)), None) => H::Requested { on },
            (None, _) if h.waived.is_some() => {
                let reference = self
                    .entries
                    .iter()
                    .rev()
                    .find_map(|e| match &e.event.stage {
                        Stage::HearingWaived { reference } => Some(reference.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                H::Waived { reference }
            }
            (None, _) => {
                let due = crate::decision::hearing_request_due(notice.on, &self.calendar).date;
                if as_of <= due { H::Pending } else { H::Lapsed }
            }
        }
    }

    /// Appends a step after checking that it may follow the steps before it,
    /// and returns the new head digest.
    ///
    /// # Errors
    ///
    /// Returns an [`AppendError`] naming the rule the step breaks; the file
    /// is unchanged. The rules, in the order they are checked:
    ///
    /// * nothing follows 结案; steps are dated in order; 启动 comes first
    ///   and once; 立案 once, and 不予立案 only before it;
    /// * 调查取证 by at least two officers with credentials, unless another
    ///   law allows one (Art. 42), with at least one piece of evidence;
    /// * 告知 states facts, reasons, basis and the rights of statement and
    ///   defence (Art. 44); 陈述申辩, waiver and the lapse of the reply
    ///   period follow a notice, the lapse only after its last day;
    /// * 要求听证 only when the notice offered a hearing (Art. 63); the
    ///   hearing notified at least seven working days ahead (Art. 64 (二),
    ///   Art. 85), presided by a non-investigator (Art. 64 (四)), held on or
    ///   after its day;
    /// * 决定: for this case; one in force at a time (revoke first); after
    ///   立案 under the ordinary procedure and never after 不予立案 alone;
    ///   no penalty when discovery came after the limitation (Art. 36); a
    ///   passed legal review when the decision requires one (Art. 58);
    ///   collective discussion when required (Art. 57 ¶2); for a penalty,
    ///   notice, then statement, waiver or lapse (Art. 62), the hearing
    ///   right when required (Art. 63), the hearing when requested in time,
    ///   and nothing heavier than notified (Art. 45 ¶2);
    /// * 送达 and 撤销决定 need a decision in force, electronic service the
    ///   party's signed confirmation (Art. 61 ¶2); 缴纳罚款 and 履行 a served
    ///   decision (and a fine to pay); 回访 a decision or 不予立案; 结案 a served
    ///   decision, a transfer, or 不予立案.
    ///
    /// A hearing request after the five working days of Art. 64 (一) is
    /// recorded but does not oblige a hearing before the decision.
    pub fn append(&mut self, event: Event) -> Result<Digest, AppendError> {
        let next = self.check(&event)?;
        // Serializing an event cannot fail: every field serializes to a
        // string, number, list or string-keyed object.
        let content = serde_json::to_string(&event).unwrap_or_default();
        let seq = u64::try_from(self.entries.len()).unwrap_or(u64::MAX);
        let prev = self.head();
        let hash = link_digest(&prev, seq, content.as_bytes());
        self.state = next;
        self.entries.push(Entry { seq, prev, hash, content, event });
        Ok(hash)
    }

    /// Recomputes the chain and returns the first broken link, if any.
    ///
    /// A `CaseFile` is verified when built; `verify` re-checks what is held,
    /// e.g. after the file was kept in memory for long or copied from
    /// storage. It hashes the stored canonical bytes without serializing
    /// anything again.
    ///
    /// # Errors
    ///
    /// Returns the first entry whose digest does not match its content, or
    /// that does not link to the entry before it.
    pub fn verify(&self) -> Result<(), ChainError> {
        verify_entries(&self.genesis, &self.entries)
    }

    /// Recomputes the chain and checks that no event is dated after
    /// `as_of`, the day of verification.
    ///
    /// # Errors
    ///
    /// Returns the first broken link, or the first event dated after
    /// `as_of`.
    pub fn verify_at(&self, as_of: NaiveDate) -> Result<(), VerifyError> {
        self.verify()?;
        if let Some(e) = self.entries.iter().find(|e| e.event.on > as_of) {
            return Err(VerifyError::AfterAsOf {
                seq: e.seq,
                stage: e.event.stage.kind().legal_name(),
                on: e.event.on,
                as_of,
            });
        }
        Ok(())
    }

    /// What is still owed on the fine of the decision in force on a day:
    /// the fine, plus the Art. 72 (一) surcharge of 3 % a day after the last
    /// day to pay (capped at the fine, not counted during review or
    /// litigation, Art. 73 ¶3), less the payments recorded. `None` when no
    /// served decision imposes a fine.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第六十七条第三款、第七十二条第一款第（一）项、第七十三条第三款、
    /// 第六十六条第二款 (see `LEGAL_BASIS.md`, Art. 72).
    pub fn outstanding(&self, on: NaiveDate) -> Option<Money> {
        let mut p = self.state.decision.as_ref()?.payment.clone()?;
        p.accrue(on);
        Some(p.outstanding())
    }

    /// A signed checkpoint of the file as it is now, for the embedding
    /// system to store or publish outside the file.
    ///
    /// # Errors
    ///
    /// Returns the signer's error.
    pub fn checkpoint(&self, signer: &dyn Signer) -> Result<Checkpoint, SealError> {
        Ok(Checkpoint::sign(&self.case_id, self.len_u64(), self.head(), signer)?)
    }

    /// Seals a closed case (封存): signs a checkpoint of the file as closed
    /// and appends it as the `封存` event, after which nothing may be
    /// appended. Returns the checkpoint, to store outside the file as well.
    ///
    /// # Errors
    ///
    /// Returns [`SealError::NotClosed`] before 结案, the signer's error, or
    /// an [`AppendError`] (a second seal, or `on` before the closing day).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::record::{CaseFile, Ed25519Signer, Ed25519Verifier, Event, Origin, Stage};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// let mut file = CaseFile::new("2025-002".parse()?);
    /// file.append(Event::new(d(2025, 3, 2)?, Stage::Started {
    ///     origin: Origin::Inspection, party: "P-1".parse()?, item: None,
    ///     act_on: d(2025, 3, 1)?, discovered_on: d(2025, 3, 2)?, limitation_ends: None,
    /// }))?;
    /// file.append(Event::new(d(2025, 3, 3)?, Stage::NotFiled {
    ///     approved_by: "HEAD-1".parse()?, reason: "情节轻微并及时改正".into(),
    /// }))?;
    /// file.append(Event::new(d(2025, 3, 3)?, Stage::Closed {}))?;
    /// // The key comes from the agency's key store; a fixed seed here.
    /// let signer = Ed25519Signer::from_secret_bytes("amr-2025".parse()?, &[7; 32]);
    /// let checkpoint = file.seal(d(2025, 3, 3)?, &signer)?;
    /// let verifier = Ed25519Verifier::new().with_key("amr-2025".parse()?, signer.public_key());
    ///
    /// let back = CaseFile::from_jsonl(&file.to_jsonl())?;
    /// back.verify_seal(&verifier)?;
    /// back.verify_checkpoint(&checkpoint, &verifier)?;
    /// assert!(back.is_sealed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn seal(&mut self, on: NaiveDate, signer: &dyn Signer) -> Result<Checkpoint, SealError> {
        if !self.state.closed {
            return Err(SealError::NotClosed);
        }
        let checkpoint = self.checkpoint(signer)?;
        self.append(Event::new(
            on,
            Stage::Sealed {
                algorithm: checkpoint.algorithm.clone(),
                key_id: checkpoint.key_id.clone(),
                events: checkpoint.events,
                head: checkpoint.head,
                signature: checkpoint.signature.clone(),
            },
        ))?;
        Ok(checkpoint)
    }

    /// Whether the file carries its seal (封存).
    pub fn is_sealed(&self) -> bool {
        self.state.sealed
    }

    /// Verifies the file's seal: the `封存` event's signature over the file
    /// as closed, by a key the verifier holds. Returns the seal as a
    /// checkpoint.
    ///
    /// Whoever rewrites an event and recomputes the chain cannot produce a
    /// seal without the key: the old seal no longer states the head (import
    /// refuses it) and a seal stating the new head does not verify.
    ///
    /// # Errors
    ///
    /// [`SealError::NotSealed`] when there is no seal, the verifier's
    /// refusal, or a broken chain.
    pub fn verify_seal(&self, verifier: &dyn Verifier) -> Result<Checkpoint, SealError> {
        self.verify()?;
        let Some(Stage::Sealed { algorithm, key_id, events, head, signature }) =
            self.entries.last().map(|e| &e.event.stage)
        else {
            return Err(SealError::NotSealed);
        };
        let checkpoint = Checkpoint {
            case_id: self.case_id.clone(),
            events: *events,
            head: *head,
            algorithm: algorithm.clone(),
            key_id: key_id.clone(),
            signature: signature.clone(),
        };
        checkpoint.verify_signature(verifier)?;
        Ok(checkpoint)
    }

    /// Proves that the file extends a checkpoint stored elsewhere: the
    /// checkpoint's signature verifies, the chain is intact, the file has at
    /// least the checkpoint's events, and its digest after that many events
    /// is the checkpoint's head. A linear hash chain makes the last the
    /// proof of the whole prefix.
    ///
    /// # Errors
    ///
    /// [`SealError::WrongCase`], the verifier's refusal, a broken chain,
    /// [`SealError::TailCut`] when events after the checkpoint's were removed
    /// (even with a forged closing line), or [`SealError::Rewritten`] when an
    /// event up to the checkpoint was changed and the chain recomputed.
    pub fn verify_checkpoint(
        &self,
        checkpoint: &Checkpoint,
        verifier: &dyn Verifier,
    ) -> Result<(), SealError> {
        if checkpoint.case_id != self.case_id {
            return Err(SealError::WrongCase {
                expected: self.case_id.clone(),
                found: checkpoint.case_id.clone(),
            });
        }
        checkpoint.verify_signature(verifier)?;
        self.verify()?;
        let file_events = self.len_u64();
        if checkpoint.events > file_events {
            return Err(SealError::TailCut { checkpoint_events: checkpoint.events, file_events });
        }
        let (seq, found) = match checkpoint.events.checked_sub(1) {
            None => (0, self.genesis),
            Some(last) => {
                let at = usize::try_from(last).unwrap_or(usize::MAX);
                (last, self.entries.get(at).map_or(self.genesis, |e| e.hash))
            }
        };
        if found != checkpoint.head {
            return Err(SealError::Rewritten { seq, expected: checkpoint.head, found });
        }
        Ok(())
    }

    /// The file as JSON Lines: a header line, one line per entry and a
    /// closing line, each followed by `\n`.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::with_capacity(
            self.header.len() + 80 + self.entries.iter().map(|e| e.content.len() + 170).sum::<usize>(),
        );
        out.push_str(&self.header);
        out.push('\n');
        for e in &self.entries {
            push_entry_line(&mut out, e.seq, &e.prev, &e.hash, &e.content);
            out.push('\n');
        }
        out.push_str(&closing_line(self.len_u64(), &self.head()));
        out.push('\n');
        out
    }

    /// Imports a file written by [`CaseFile::to_jsonl`], verifying the chain
    /// and replaying every step through [`CaseFile::append`]'s checks.
    ///
    /// # Errors
    ///
    /// Returns the first line where the file differs from one
    /// [`CaseFile::to_jsonl`] could have written: a line that is not JSON of
    /// the expected shape or not in canonical form, a changed header, a
    /// changed, removed, inserted or reordered entry, a step out of order, a
    /// closing line that states another count or head, a missing closing
    /// line or final newline, or content after the closing line.
    pub fn from_jsonl(text: &str) -> Result<CaseFile, ImportError> {
        CaseFile::import(text, WorkCalendar::china(), None)
    }

    /// [`CaseFile::from_jsonl`] for bytes, which must be UTF-8.
    ///
    /// # Errors
    ///
    /// As [`CaseFile::from_jsonl`], and [`ImportError::Encoding`] naming the
    /// line of the first byte that is not UTF-8.
    pub fn from_jsonl_bytes(bytes: &[u8]) -> Result<CaseFile, ImportError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => CaseFile::from_jsonl(text),
            Err(e) => {
                let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
                let line = 1 + valid.iter().filter(|c| **c == b'\n').count();
                // Report the first damaged line: the whole lines before the
                // invalid bytes may already be damaged themselves (a newline
                // written into the middle of a character splits its line).
                let whole = valid.iter().rposition(|c| *c == b'\n').map_or(0, |i| i + 1);
                let earlier = std::str::from_utf8(valid.get(..whole).unwrap_or_default())
                    .ok()
                    .and_then(|prefix| CaseFile::from_jsonl(prefix).err())
                    .filter(|err| err.line() < line);
                Err(earlier.unwrap_or(ImportError::Encoding { line }))
            }
        }
    }

    /// [`CaseFile::from_jsonl`] with a working-day calendar and, optionally,
    /// the head the caller stored elsewhere.
    ///
    /// # Errors
    ///
    /// As [`CaseFile::from_jsonl`], and [`ImportError::UnexpectedHead`] when
    /// the file's head is not `expected_head`.
    pub fn from_jsonl_with(
        text: &str,
        calendar: WorkCalendar,
        expected_head: Option<Digest>,
    ) -> Result<CaseFile, ImportError> {
        CaseFile::import(text, calendar, expected_head)
    }

    fn len_u64(&self) -> u64 {
        u64::try_from(self.entries.len()).unwrap_or(u64::MAX)
    }

    fn import(
        text: &str,
        calendar: WorkCalendar,
        expected_head: Option<Digest>,
    ) -> Result<CaseFile, ImportError> {
        if text.starts_with('\u{FEFF}') {
            return Err(ImportError::Syntax {
                line: 1,
                message: "the file starts with a byte-order mark (U+FEFF): case files are UTF-8 without BOM"
                    .to_owned(),
            });
        }
        let mut lines = text.split('\n');
        let header_text = lines.next().unwrap_or_default();
        let header: Header = serde_json::from_str(header_text)
            .map_err(|e| ImportError::Syntax { line: 1, message: e.to_string() })?;
        if header.format != FORMAT || header.schema_version != CASE_FILE_SCHEMA_VERSION {
            return Err(ImportError::Unsupported {
                line: 1,
                format: header.format,
                version: header.schema_version,
            });
        }
        let mut file = CaseFile::with_calendar(header.case_id, calendar);
        if file.header != header_text {
            return Err(ImportError::NotCanonical { line: 1 });
        }
        let mut line_no = 1usize;
        let mut pending: Option<&str> = None;
        let mut lines = lines.peekable();
        if lines.peek().is_none() {
            // The header without its newline: the file stops on line 1.
            return Err(ImportError::Truncated { line: 1, events: 0 });
        }
        while let Some(line) = lines.next() {
            line_no += 1;
            if line.starts_with("{\"events\":") {
                pending = Some(line);
                break;
            }
            if lines.peek().is_none() {
                // The last piece: empty after a final newline, else a line
                // without its newline. Either way the closing line is missing
                // (or this piece is a damaged one).
                if line.is_empty() {
                    return Err(ImportError::Truncated { line: line_no, events: file.len_u64() });
                }
                file.import_entry(line_no, line)?;
                return Err(ImportError::Truncated { line: line_no, events: file.len_u64() });
            }
            file.import_entry(line_no, line)?;
        }
        let Some(closing_text) = pending else {
            // The loop above returns on the last piece, and there is one
            // after the header's (checked above); stay total anyway.
            return Err(ImportError::Truncated { line: line_no + 1, events: file.len_u64() });
        };
        let closing: Closing = serde_json::from_str(closing_text)
            .map_err(|e| ImportError::Syntax { line: line_no, message: e.to_string() })?;
        if closing_line(closing.events, &closing.head) != closing_text {
            return Err(ImportError::NotCanonical { line: line_no });
        }
        if closing.events != file.len_u64() {
            return Err(ImportError::Count { line: line_no, stated: closing.events, found: file.len_u64() });
        }
        if closing.head != file.head() {
            return Err(ImportError::Head { line: line_no, stated: closing.head, found: file.head() });
        }
        match (lines.next(), lines.next()) {
            (Some(""), None) => {}
            (None, _) => return Err(ImportError::MissingFinalNewline { line: line_no }),
            (Some(_), _) => {
                return Err(ImportError::AfterClosingLine { line: line_no + 1 });
            }
        }
        if let Some(expected) = expected_head {
            if expected != file.head() {
                return Err(ImportError::UnexpectedHead { line: line_no, expected, found: file.head() });
            }
        }
        Ok(file)
    }

    fn import_entry(&mut self, line_no: usize, line: &str) -> Result<(), ImportError> {
        let parsed: EntryLine = serde_json::from_str(line)
            .map_err(|e| ImportError::Syntax { line: line_no, message: e.to_string() })?;
        let content = serde_json::to_string(&parsed.event)
            .map_err(|e| ImportError::Syntax { line: line_no, message: e.to_string() })?;
        let mut canonical = String::with_capacity(line.len());
        push_entry_line(&mut canonical, parsed.seq, &parsed.prev, &parsed.hash, &content);
        if canonical != line {
            return Err(ImportError::NotCanonical { line: line_no });
        }
        let seq = self.len_u64();
        let head = self.head();
        check_link(seq, &head, parsed.seq, &parsed.prev, &parsed.hash, content.as_bytes()).map_err(
            |source| match source {
                ChainError::Unlinked { seq: 0, found, .. } => {
                    ImportError::Header { line: 1, expected: found, found: head }
                }
                source => ImportError::Chain { line: line_no, source },
            },
        )?;
        let next = self.check(&parsed.event).map_err(|source| ImportError::Lifecycle {
            line: line_no,
            seq,
            source,
        })?;
        self.state = next;
        self.entries.push(Entry { seq, prev: parsed.prev, hash: parsed.hash, content, event: parsed.event });
        Ok(())
    }

    /// Checks a step against the lifecycle and returns the state after it.
    fn check(&self, event: &Event) -> Result<State, AppendError> {
        let s = &self.state;
        let kind = event.stage.kind();
        let stage = kind.legal_name();
        if s.sealed || (s.closed && kind != StageKind::Sealed) {
            return Err(AppendError::Closed { stage });
        }
        in_range(stage, "on", event.on)?;
        if let Some(previous) = s.last_on {
            if event.on < previous {
                return Err(AppendError::DateOrder { stage, on: event.on, previous });
            }
        }
        let mut next = s.clone();
        next.last_on = Some(event.on);
        if s.started.is_none() && kind != StageKind::Started {
            return Err(AppendError::NotStarted { stage });
        }
        // The surcharge accrues up to the day of every step (Art. 72 (一)).
        if let Some(p) = next.decision.as_mut().and_then(|d| d.payment.as_mut()) {
            p.accrue(event.on);
        }
        let empty = |field: &'static str, text: &str, rule: &'static str| {
            if text.trim().is_empty() { Err(AppendError::Empty { stage, field, rule }) } else { Ok(()) }
        };
        match &event.stage {
            Stage::Started { party, item, act_on, discovered_on, limitation_ends, .. } => {
                if s.started.is_some() {
                    return Err(AppendError::Repeated { stage });
                }
                in_range(stage, "act_on", *act_on)?;
                in_range(stage, "discovered_on", *discovered_on)?;
                if act_on > discovered_on {
                    return Err(AppendError::ImpossibleOrder {
                        field: "act_on",
                        on: *act_on,
                        later_field: "discovered_on",
                        later: *discovered_on,
                    });
                }
                if *discovered_on > event.on {
                    return Err(AppendError::ImpossibleOrder {
                        field: "discovered_on",
                        on: *discovered_on,
                        later_field: "on",
                        later: event.on,
                    });
                }
                // Art. 36 ¶1: two years, five where life, health or financial
                // safety is touched with harm; a last day extended past a
                // holiday may fall a few days later. A stated day is checked
                // against the five years; none stated means the general two.
                let latest = crate::calendar::add_years(*act_on, 5)
                    .and_then(|d| crate::calendar::add_days(d, 15))
                    .unwrap_or(LAST_PLAUSIBLE_DAY);
                let last_day = match limitation_ends {
                    Some(stated) if *stated < *act_on || *stated > latest => {
                        return Err(AppendError::LimitationImplausible {
                            stated: *stated,
                            act_on: *act_on,
                            latest,
                        });
                    }
                    Some(stated) => *stated,
                    None => crate::calendar::add_years(*act_on, 2).unwrap_or(LAST_PLAUSIBLE_DAY),
                };
                next.started = Some(Started {
                    party: party.clone(),
                    item: item.clone(),
                    discovered_on: *discovered_on,
                    limitation_ends: last_day,
                });
            }
            Stage::Filed { .. } => {
                if s.filed {
                    return Err(AppendError::Repeated { stage });
                }
                next.filed = true;
            }
            Stage::NotFiled { reason, .. } => {
                if s.filed {
                    return Err(AppendError::NotFiledAfterFiling);
                }
                if s.not_filed {
                    return Err(AppendError::Repeated { stage });
                }
                empty("reason", reason, "Art. 54 ¶2")?;
                next.not_filed = true;
            }
            Stage::Investigated { officers, evidence, sole_officer_basis } => {
                let ids: std::collections::BTreeSet<&OfficerId> = officers.iter().map(|o| &o.id).collect();
                if ids.len() < 2 && sole_officer_basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
                    return Err(AppendError::TooFewOfficers { count: ids.len() });
                }
                if evidence.is_empty() {
                    return Err(AppendError::NoEvidence);
                }
                next.investigators.extend(ids.into_iter().cloned());
            }
            Stage::Notified { proposed, facts, reasons, basis, rights, reply_by } => {
                let missing = if facts.trim().is_empty() {
                    Some(NoticeItem::Facts)
                } else if reasons.trim().is_empty() {
                    Some(NoticeItem::Reasons)
                } else if basis.iter().all(|b| b.trim().is_empty()) {
                    Some(NoticeItem::Basis)
                } else if !rights.contains(&PartyRight::Statement) {
                    Some(NoticeItem::StatementRight)
                } else if !rights.contains(&PartyRight::Defence) {
                    Some(NoticeItem::DefenceRight)
                } else {
                    None
                };
                if let Some(m) = missing {
                    return Err(AppendError::NoticeIncomplete { missing: m.legal_name() });
                }
                in_range(stage, "reply_by", *reply_by)?;
                if *reply_by < event.on {
                    return Err(AppendError::ReplyPeriodInvalid { on: event.on, reply_by: *reply_by });
                }
                next.notice = Some(NoticeState {
                    on: event.on,
                    proposed: *proposed,
                    hearing_right: rights.contains(&PartyRight::Hearing),
                    reply_by: *reply_by,
                    heard: false,
                });
                next.hearing = HearingState::default();
            }
            Stage::Stated { .. } | Stage::Waived { .. } | Stage::StatementLapsed {} => {
                let Some(notice) = next.notice.as_mut() else {
                    return Err(AppendError::NoNotice { stage });
                };
                if kind == StageKind::StatementLapsed && event.on <= notice.reply_by {
                    return Err(AppendError::StatementPeriodRunning {
                        on: event.on,
                        reply_by: notice.reply_by,
                    });
                }
                notice.heard = true;
            }
            Stage::HearingRequested {} => {
                let Some(notice) = s.notice else {
                    return Err(AppendError::NoNotice { stage });
                };
                if !notice.hearing_right {
                    return Err(AppendError::HearingNotOffered);
                }
                if let Some(waived_on) = s.hearing.waived {
                    return Err(AppendError::HearingAlreadyWaived { waived_on });
                }
                if s.hearing.requested.is_some() {
                    return Err(AppendError::Repeated { stage });
                }
                let due = crate::decision::hearing_request_due(notice.on, &self.calendar).date;
                next.hearing.requested = Some((event.on, event.on <= due));
            }
            Stage::HearingWaived { reference } => {
                let Some(notice) = s.notice else {
                    return Err(AppendError::NoNotice { stage });
                };
                if !notice.hearing_right {
                    return Err(AppendError::HearingWaiverNotOffered);
                }
                if s.hearing.waived.is_some() {
                    return Err(AppendError::Repeated { stage });
                }
                if let Some(hearing_on) = s.hearing.scheduled {
                    return Err(AppendError::HearingWaiverAfterScheduling { hearing_on });
                }
                empty("reference", reference, "Art. 64 (一)")?;
                next.hearing.waived = Some(event.on);
            }
            Stage::HearingScheduled { hearing_on, presiding } => {
                if s.hearing.requested.is_none() {
                    return Err(AppendError::HearingNotRequested);
                }
                in_range(stage, "hearing_on", *hearing_on)?;
                let earliest = self.calendar.add_working_days(event.on, 7).date;
                if *hearing_on < earliest {
                    return Err(AppendError::HearingNoticeTooShort {
                        on: event.on,
                        hearing_on: *hearing_on,
                        earliest,
                    });
                }
                if s.investigators.contains(presiding) {
                    return Err(AppendError::PresidingInvestigator { officer: presiding.clone() });
                }
                next.hearing.scheduled = Some(*hearing_on);
            }
            Stage::HearingEnded { outcome } => {
                let Some(hearing_on) = s.hearing.scheduled else {
                    return Err(AppendError::HearingNotScheduled);
                };
                if s.hearing.ended.is_some() {
                    return Err(AppendError::Repeated { stage });
                }
                if *outcome != HearingOutcome::Withdrawn && event.on < hearing_on {
                    return Err(AppendError::HearingBeforeDay { on: event.on, hearing_on });
                }
                next.hearing.ended = Some((event.on, *outcome));
            }
            Stage::LegalReviewed { reviewer, opinion, text } => {
                if s.investigators.contains(reviewer) {
                    return Err(AppendError::ReviewerIsInvestigator { officer: reviewer.clone() });
                }
                empty("text", text, "Art. 58 ¶1")?;
                next.review = Some(*opinion);
            }
            Stage::Discussed { participants, conclusion } => {
                let distinct: std::collections::BTreeSet<&OfficerId> = participants.iter().collect();
                if distinct.len() < 2 {
                    return Err(AppendError::TooFewParticipants { count: distinct.len() });
                }
                empty("conclusion", conclusion, "Art. 57 ¶2")?;
                next.discussed = true;
            }
            Stage::Decided { decision } => {
                next.decision = Some(self.check_decision(event.on, decision)?);
            }
            Stage::Revoked { reason } => {
                if s.decision.is_none() {
                    return Err(AppendError::NoDecision { stage });
                }
                empty("reason", reason, "Art. 75 ¶2")?;
                next.decision = None;
                // A new decision needs a new notice and hearing of the party
                // (Arts. 44, 45, 62).
                next.notice = None;
                next.hearing = HearingState::default();
            }
            Stage::ItemChanged { item, reason } => {
                if let Some(d) = &s.decision {
                    return Err(AppendError::ChangeWhileDecided { decided_on: d.on });
                }
                empty("reason", reason, "Art. 44")?;
                if let Some(st) = next.started.as_mut() {
                    st.item = Some(item.clone());
                }
                // The notice was of the old item: notify again (Art. 44).
                next.notice = None;
                next.hearing = HearingState::default();
            }
            Stage::Served { method, consent } | Stage::ServedAgain { method, consent, .. } => {
                let Some(d) = next.decision.as_mut() else {
                    return Err(AppendError::NoDecision { stage });
                };
                if let Stage::ServedAgain { reason, .. } = &event.stage {
                    empty("reason", reason, "Art. 61")?;
                } else if let Some(served_on) = d.served {
                    return Err(AppendError::AlreadyServed { served_on });
                }
                if *method == ServiceMethod::Electronic
                    && consent.as_deref().is_none_or(|c| c.trim().is_empty())
                {
                    return Err(AppendError::ElectronicServiceWithoutConsent);
                }
                if d.served.is_none() {
                    d.served = Some(event.on);
                    if let (Some(fine), Disposition::Penalty) = (d.fine, d.disposition) {
                        if !fine.is_zero() {
                            // Art. 67 ¶3: fifteen days from receipt.
                            let last = crate::calendar::add_days(event.on, 15).unwrap_or(LAST_PLAUSIBLE_DAY);
                            let last = self.calendar.extend_if_holiday(last);
                            d.payment = Some(Payment::new(fine, event.on, last));
                        }
                    }
                }
            }
            Stage::Paid { amount, receipt } => {
                let d = served_decision(&mut next, stage)?;
                empty("receipt", receipt, "Arts. 67 ¶3, 70")?;
                let Some(p) = d.payment.as_mut() else {
                    return Err(AppendError::NoFine);
                };
                let outstanding = p.outstanding();
                if *amount > outstanding || amount.is_zero() {
                    return Err(AppendError::Overpaid { amount: *amount, outstanding, on: event.on });
                }
                p.paid = p.paid.saturating_add(*amount);
            }
            Stage::Performed { .. } => {
                served_decision(&mut next, stage)?;
            }
            Stage::PaymentDeferred { until, .. } => {
                in_range(stage, "until", *until)?;
                let p = unpaid_fine(&mut next, stage)?;
                if *until < event.on {
                    return Err(AppendError::RescheduleInPast {
                        stage,
                        field: "until",
                        until: *until,
                        on: event.on,
                    });
                }
                p.schedule = vec![(*until, p.fine)];
                p.rescheduled = true;
            }
            Stage::PaymentInInstalments { instalments, .. } => {
                let p = unpaid_fine(&mut next, stage)?;
                let unpaid = p.principal_unpaid();
                let mut total = Money::ZERO;
                let mut ordered = true;
                let mut schedule = Vec::with_capacity(instalments.len());
                let mut cumulative = p.principal_paid();
                let mut previous = event.on;
                for i in instalments {
                    in_range(stage, "instalments.by", i.by)?;
                    if i.by < event.on {
                        return Err(AppendError::RescheduleInPast {
                            stage,
                            field: "instalments.by",
                            until: i.by,
                            on: event.on,
                        });
                    }
                    ordered &= i.by >= previous && !i.amount.is_zero();
                    previous = i.by;
                    total = total.saturating_add(i.amount);
                    cumulative = cumulative.saturating_add(i.amount);
                    schedule.push((i.by, cumulative));
                }
                if !ordered || total != unpaid {
                    return Err(AppendError::InstalmentsMismatch { total, ordered, unpaid });
                }
                p.schedule = schedule;
                p.rescheduled = true;
            }
            Stage::Challenged { reference } | Stage::ChallengeEnded { reference } => {
                let Some(d) = next.decision.as_mut() else {
                    return Err(AppendError::NoDecision { stage });
                };
                empty("reference", reference, "Art. 73")?;
                let starting = kind == StageKind::Challenged;
                if starting == d.challenged {
                    let why = if starting {
                        "a review or litigation is already running"
                    } else {
                        "no review or litigation is running"
                    };
                    return Err(AppendError::ChallengeOrder { stage, why });
                }
                d.challenged = starting;
                if let Some(p) = d.payment.as_mut() {
                    p.paused = starting;
                }
            }
            Stage::EnforcementApplied { reference } => {
                let d = served_decision(&mut next, stage)?;
                empty("reference", reference, "Art. 72")?;
                let Some(p) = d.payment.as_ref() else {
                    return Err(AppendError::NoFine);
                };
                let last_day = p.last_due().unwrap_or(event.on);
                if event.on <= last_day {
                    return Err(AppendError::NotOverdue { on: event.on, last_day });
                }
                if p.outstanding().is_zero() {
                    return Err(AppendError::NothingToPay { stage });
                }
                d.enforcement = true;
            }
            Stage::FollowedUp { .. } => {
                if s.decision.is_none() && !s.not_filed {
                    return Err(AppendError::FollowUpBeforeOutcome);
                }
            }
            Stage::Reinspected { .. } | Stage::Contacted { .. } => {}
            Stage::Closed {} => {
                match &s.decision {
                    Some(d) if d.served.is_some() || d.disposition == Disposition::Transfer => {}
                    Some(_) => return Err(AppendError::NotServed { stage }),
                    None if s.not_filed && !s.filed => {}
                    None => return Err(AppendError::CloseBeforeOutcome),
                }
                if let Some(d) = &next.decision {
                    if let Some(p) = &d.payment {
                        let outstanding = p.outstanding();
                        if !outstanding.is_zero() && !d.enforcement {
                            return Err(AppendError::Outstanding { outstanding, on: event.on });
                        }
                    }
                }
                next.closed = true;
            }
            Stage::Sealed { events, head, .. } => {
                if !s.closed {
                    return Err(AppendError::SealBeforeClose);
                }
                if *events != self.len_u64() {
                    return Err(AppendError::SealMismatch {
                        field: "events",
                        stated: events.to_string(),
                        found: self.len_u64().to_string(),
                    });
                }
                if *head != self.head() {
                    return Err(AppendError::SealMismatch {
                        field: "head",
                        stated: head.to_string(),
                        found: self.head().to_string(),
                    });
                }
                next.sealed = true;
            }
        }
        Ok(next)
    }

    fn check_decision(
        &self,
        on: NaiveDate,
        decision: &crate::decision::Decision,
    ) -> Result<DecisionState, AppendError> {
        let s = &self.state;
        if decision.case_id != self.case_id {
            return Err(AppendError::WrongCase {
                expected: self.case_id.clone(),
                found: decision.case_id.clone(),
            });
        }
        if let Some(d) = &s.decision {
            return Err(AppendError::AlreadyDecided { decided_on: d.on });
        }
        if let Some(st) = &s.started {
            if decision.party != st.party {
                return Err(AppendError::WrongParty {
                    expected: st.party.clone(),
                    found: decision.party.clone(),
                });
            }
            if decision.item.is_some() && decision.item != st.item {
                let name =
                    |i: &Option<ItemCode>| i.as_ref().map_or_else(|| "none".to_owned(), ToString::to_string);
                return Err(AppendError::WrongItem { expected: name(&st.item), found: name(&decision.item) });
            }
        }
        if s.not_filed && !s.filed {
            return Err(AppendError::DecisionAfterNotFiled);
        }
        if decision.procedure == crate::decision::Procedure::Ordinary && !s.filed {
            return Err(AppendError::DecisionWithoutFiling);
        }
        let penalty = decision.disposition == Disposition::Penalty;
        if let Some(Started { discovered_on, limitation_ends: last_day, .. }) = &s.started {
            if penalty && discovered_on > last_day {
                return Err(AppendError::LimitationExpired {
                    discovered_on: *discovered_on,
                    last_day: *last_day,
                });
            }
        }
        if !decision.duties.legal_review.is_empty() {
            match s.review {
                None => return Err(AppendError::LegalReviewMissing),
                Some(ReviewOpinion::NotPassed) => return Err(AppendError::LegalReviewNotPassed),
                Some(ReviewOpinion::Passed) => {}
            }
        }
        if decision.duties.collective_decision && !s.discussed {
            return Err(AppendError::CollectiveDiscussionMissing);
        }
        if penalty {
            let Some(notice) = s.notice else {
                return Err(AppendError::DecisionBeforeNotice);
            };
            if !notice.heard {
                return Err(AppendError::DecisionBeforeStatement { reply_by: notice.reply_by });
            }
            if decision.duties.hearing_notice && !notice.hearing_right {
                return Err(AppendError::HearingRightNotNotified);
            }
            if let Some((requested_on, true)) = s.hearing.requested {
                if s.hearing.ended.is_none() {
                    return Err(AppendError::DecisionBeforeHearing { requested_on });
                }
            }
            // Art. 64 (一): the party has five working days from the notice to
            // ask for a hearing; only an express waiver lets the decision
            // come sooner.
            if notice.hearing_right && s.hearing.requested.is_none() && s.hearing.waived.is_none() {
                let due = crate::decision::hearing_request_due(notice.on, &self.calendar).date;
                if on <= due {
                    return Err(AppendError::DecisionDuringHearingPeriod { due });
                }
            }
            let fine = decision.fine();
            let heavier = decision.tier > notice.proposed.tier
                || fine.unwrap_or(Money::ZERO) > notice.proposed.fine.unwrap_or(Money::ZERO);
            if heavier {
                return Err(AppendError::HeavierThanNotified {
                    notified: proposal(notice.proposed.tier, notice.proposed.fine),
                    decided: proposal(decision.tier, fine),
                });
            }
        }
        Ok(DecisionState {
            on,
            disposition: decision.disposition,
            fine: decision.fine(),
            served: None,
            payment: None,
            enforcement: false,
            challenged: false,
        })
    }
}

/// Refuses a date outside the plausible range.
fn in_range(stage: &'static str, field: &'static str, on: NaiveDate) -> Result<(), AppendError> {
    if on < FIRST_PLAUSIBLE_DAY || on > LAST_PLAUSIBLE_DAY {
        return Err(AppendError::DateOutOfRange { stage, field, on });
    }
    Ok(())
}

/// The decision in force, served.
fn served_decision<'a>(
    next: &'a mut State,
    stage: &'static str,
) -> Result<&'a mut DecisionState, AppendError> {
    let Some(d) = next.decision.as_mut() else {
        return Err(AppendError::NoDecision { stage });
    };
    if d.served.is_none() {
        return Err(AppendError::NotServed { stage });
    }
    Ok(d)
}

/// The payment of a served fine with some of it unpaid.
fn unpaid_fine<'a>(next: &'a mut State, stage: &'static str) -> Result<&'a mut Payment, AppendError> {
    let d = served_decision(next, stage)?;
    match d.payment.as_mut() {
        Some(p) if !p.principal_unpaid().is_zero() => Ok(p),
        _ => Err(AppendError::NothingToPay { stage }),
    }
}

fn proposal(tier: crate::Tier, fine: Option<Money>) -> String {
    match fine {
        Some(f) => format!("{} {f}", tier.legal_name()),
        None => tier.legal_name().to_owned(),
    }
}

fn header_line(case_id: &CaseId) -> String {
    serde_json::to_string(&Header {
        format: FORMAT.to_owned(),
        schema_version: CASE_FILE_SCHEMA_VERSION,
        case_id: case_id.clone(),
    })
    .unwrap_or_default()
}

fn closing_line(events: u64, head: &Digest) -> String {
    format!("{{\"events\":{events},\"head\":\"{head}\"}}")
}

fn push_entry_line(out: &mut String, seq: u64, prev: &Digest, hash: &Digest, content: &str) {
    use std::fmt::Write as _;
    let _ = write!(out, "{{\"seq\":{seq},\"prev\":\"{prev}\",\"hash\":\"{hash}\",\"event\":{content}}}");
}

/// The wire form of a case file inside other JSON documents.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseFileRepr {
    schema_version: u32,
    case_id: CaseId,
    entries: Vec<EntryLine>,
    head: Digest,
}

impl Serialize for CaseFile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CaseFileRepr {
            schema_version: CASE_FILE_SCHEMA_VERSION,
            case_id: self.case_id.clone(),
            entries: self
                .entries
                .iter()
                .map(|e| EntryLine { seq: e.seq, prev: e.prev, hash: e.hash, event: e.event.clone() })
                .collect(),
            head: self.head(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for CaseFile {
    /// Deserializes through the same checks as [`CaseFile::from_jsonl`],
    /// counting working days with the bundled Chinese schedule.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CaseFile, D::Error> {
        let r = CaseFileRepr::deserialize(d)?;
        let mut text = header_line(&r.case_id);
        text.push('\n');
        for e in &r.entries {
            let content = serde_json::to_string(&e.event).map_err(serde::de::Error::custom)?;
            push_entry_line(&mut text, e.seq, &e.prev, &e.hash, &content);
            text.push('\n');
        }
        text.push_str(&closing_line(u64::try_from(r.entries.len()).unwrap_or(u64::MAX), &r.head));
        text.push('\n');
        if r.schema_version != CASE_FILE_SCHEMA_VERSION {
            return Err(serde::de::Error::custom(format!(
                "unsupported case file schema version `{}`",
                r.schema_version
            )));
        }
        CaseFile::from_jsonl(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        EntryLine { seq: self.seq, prev: self.prev, hash: self.hash, event: self.event.clone() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Entry {
    /// Deserializes an entry and checks that its digest matches its content.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        let l = EntryLine::deserialize(d)?;
        let content = serde_json::to_string(&l.event).map_err(serde::de::Error::custom)?;
        let computed = link_digest(&l.prev, l.seq, content.as_bytes());
        if computed != l.hash {
            return Err(serde::de::Error::custom(ChainError::Tampered {
                seq: l.seq,
                stored: l.hash,
                computed,
            }));
        }
        Ok(Entry { seq: l.seq, prev: l.prev, hash: l.hash, content, event: l.event })
    }
}
