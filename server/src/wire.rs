//! The wire documents (请求与应答文书) that the command line and the service
//! exchange, and the calls they make into the library.
//!
//! Every top-level output document carries `schema_version`
//! ([`SCHEMA_VERSION`]). Money is a decimal string of yuan with two decimals
//! (`"1500.00"`), never a float. Review and audit documents carry the case
//! facts with the decision (or the officer's proposal): the assessment is
//! always recomputed here from case, catalogue and regime, and no document
//! accepts an assessment as input.
//!
//! Nothing here decides anything: each function calls
//! [`rouxing::assess()`], [`rouxing::recommend`], [`rouxing::review`],
//! [`rouxing::audit::audit`] or [`rouxing::report::Ledger`] and wraps the
//! result.

use chrono::NaiveDate;
use rouxing::audit::{AuditConfig, AuditReport, DecidedCase};
use rouxing::catalogue::LoadError;
use rouxing::guard::{Proposal, review_assessed};
use rouxing::report::{ReportPeriod, StatisticsTable};
use rouxing::{Assessment, Case, Catalogue, Decision, Regime, Review, assess, recommend, review};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The version of every document in this module, carried as `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

fn one() -> u32 {
    SCHEMA_VERSION
}

/// Where the decision date (`as_of`, 决定日期) came from.
///
/// Precedence: the date given with the request (`--as-of`, `"as_of"`), then
/// the decision date recorded in the case, then today's date (China
/// Standard Time) on the machine that answers.
///
/// | code | meaning |
/// |---|---|
/// | `argument` | given with the request or on the command line |
/// | `case` | the decision date recorded in the case |
/// | `today` | today's date, China Standard Time |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// Given with the request or on the command line.
    Argument,
    /// The decision date recorded in the case.
    Case,
    /// Today's date, China Standard Time.
    Today,
}

impl AsOfSource {
    /// The Chinese description, for text output.
    pub fn legal_name(self) -> &'static str {
        match self {
            AsOfSource::Argument => "指定日期",
            AsOfSource::Case => "案件记载的决定日期",
            AsOfSource::Today => "当日（北京时间）",
        }
    }
}

/// The decision date and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsOf {
    /// The date.
    pub date: NaiveDate,
    /// Its source.
    pub source: AsOfSource,
}

/// Resolves the decision date: `explicit` wins, then the case's recorded
/// decision date, then `today`.
pub fn resolve_as_of(explicit: Option<NaiveDate>, case: &Case, today: NaiveDate) -> AsOf {
    match (explicit, case.decision_date()) {
        (Some(date), _) => AsOf { date, source: AsOfSource::Argument },
        (None, Some(date)) => AsOf { date, source: AsOfSource::Case },
        (None, None) => AsOf { date: today, source: AsOfSource::Today },
    }
}

/// Today in China Standard Time (UTC+8), from the system clock.
pub fn today() -> NaiveDate {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = i32::try_from((secs + 8 * 3600) / 86_400).unwrap_or(0);
    NaiveDate::from_num_days_from_ce_opt(719_163 + days).unwrap_or(NaiveDate::MIN)
}

/// A failure to read a wire document, with the precise text of the loader
/// that rejected it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireError {
    /// The stable error code ([`ErrorCode`]).
    pub code: ErrorCode,
    /// The one-line message, naming file, line, field and value.
    pub message: String,
    /// The field path, where known.
    pub field: Option<String>,
    /// The 1-based line, where known.
    pub line: Option<usize>,
    /// The 1-based column, where known.
    pub column: Option<usize>,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WireError {}

/// The stable code of an error document.
///
/// | code | HTTP | meaning |
/// |---|---|---|
/// | `malformed_json` | 400 | the body is not JSON |
/// | `invalid_document` | 422 | the envelope has an unknown field, a missing field or a wrong value |
/// | `invalid_case` | 422 | the case facts are rejected by the case loader |
/// | `invalid_catalogue` | 422 | a catalogue is rejected by the catalogue loader |
/// | `invalid_regime` | 422 | a regime is rejected by the regime loader |
/// | `invalid_record` | 422 | a case file fails to import or verify |
/// | `invalid_period` | 422 | a report period ends before it starts |
/// | `unsupported_media_type` | 415 | the body is not `application/json` |
/// | `payload_too_large` | 413 | the body exceeds the documented limit |
/// | `not_found` | 404 | no such endpoint, item, article or schema |
/// | `method_not_allowed` | 405 | the endpoint exists with another method |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not JSON.
    MalformedJson,
    /// The envelope has an unknown field, a missing field or a wrong value.
    InvalidDocument,
    /// The case facts are rejected by the case loader.
    InvalidCase,
    /// A catalogue is rejected by the catalogue loader.
    InvalidCatalogue,
    /// A regime is rejected by the regime loader.
    InvalidRegime,
    /// A case file fails to import or verify.
    InvalidRecord,
    /// A report period ends before it starts.
    InvalidPeriod,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// The body exceeds the documented limit.
    PayloadTooLarge,
    /// No such endpoint, item, article or schema.
    NotFound,
    /// The endpoint exists with another method.
    MethodNotAllowed,
}

impl ErrorCode {
    /// The stable code, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidDocument => "invalid_document",
            ErrorCode::InvalidCase => "invalid_case",
            ErrorCode::InvalidCatalogue => "invalid_catalogue",
            ErrorCode::InvalidRegime => "invalid_regime",
            ErrorCode::InvalidRecord => "invalid_record",
            ErrorCode::InvalidPeriod => "invalid_period",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
        }
    }
}

impl WireError {
    /// An error with a code and message only.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> WireError {
        WireError { code, message: message.into(), field: None, line: None, column: None }
    }

    /// The error of a library loader, keeping its text and location.
    pub fn load(code: ErrorCode, e: &LoadError) -> WireError {
        let field = (!e.field().is_empty()).then(|| e.field().to_owned());
        WireError {
            code,
            message: e.to_string(),
            field,
            line: (e.line() > 0).then_some(e.line()),
            column: (e.column() > 0).then_some(e.column()),
        }
    }

    /// The error document of this error.
    pub fn document(&self) -> ErrorDocument {
        ErrorDocument {
            schema_version: SCHEMA_VERSION,
            error: ErrorBody {
                code: self.code,
                message: self.message.clone(),
                field: self.field.clone(),
                line: self.line,
                column: self.column,
            },
        }
    }
}

/// An error document (错误应答).
///
/// ```json
/// {"schema_version": 1,
///  "error": {"code": "invalid_case", "field": "harm", "line": 3, "column": 18,
///            "message": "request.case:3:18: field `harm`: unknown variant `bad` …"}}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The error.
    pub error: ErrorBody,
}

/// The body of an [`ErrorDocument`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    /// The stable code.
    pub code: ErrorCode,
    /// The loader's one-line message (file, line, field, value).
    pub message: String,
    /// The field path, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The 1-based line, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// Parses a wire envelope, naming `file`, line, column and field on error.
///
/// # Errors
///
/// `malformed_json` when the text is not JSON, `invalid_document` when it
/// does not fit `T` (unknown or missing field, wrong value).
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, WireError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let value = match result {
        Ok(v) => v,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let (line, column) = (inner.line(), inner.column());
            let code = if inner.is_syntax() || inner.is_eof() {
                ErrorCode::MalformedJson
            } else {
                ErrorCode::InvalidDocument
            };
            let mut msg = inner.to_string();
            let suffix = format!(" at line {line} column {column}");
            if let Some(s) = msg.strip_suffix(&suffix) {
                msg = s.to_owned();
            }
            let field = (path != "." && !path.is_empty()).then_some(path);
            let message = match &field {
                Some(f) => format!("{file}:{line}:{column}: field `{f}`: {msg}"),
                None => format!("{file}:{line}:{column}: {msg}"),
            };
            return Err(WireError {
                code,
                message,
                field,
                line: (line > 0).then_some(line),
                column: (column > 0).then_some(column),
            });
        }
    };
    de.end().map_err(|e| WireError {
        code: ErrorCode::MalformedJson,
        message: format!("{file}:{}:{}: trailing characters after the document", e.line(), e.column()),
        field: None,
        line: Some(e.line()),
        column: Some(e.column()),
    })?;
    Ok(value)
}

/// Loads case facts with the case loader, keeping its error text.
///
/// # Errors
///
/// `invalid_case` with the loader's message.
pub fn load_case(file: &str, text: &str, catalogue: &Catalogue) -> Result<Case, WireError> {
    Case::from_json_named(file, text, catalogue).map_err(|e| WireError::load(ErrorCode::InvalidCase, &e))
}

/// A request to assess or decide one case (`POST /v1/assess`, `POST /v1/decide`).
///
/// ```json
/// {"case": {"schema_version": 1, "id": "C-1", "item": "AG-XM-66", "…": "…"},
///  "as_of": "2026-09-01"}
/// ```
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseRequest {
    /// Always 1 when given.
    #[serde(default = "one")]
    pub schema_version: u32,
    /// The case facts (案件事实), as the case loader reads them.
    #[schemars(with = "rouxing::Case")]
    pub case: Box<RawValue>,
    /// The decision date (决定日期); else the case's, else today.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// The assessment of one case (`POST /v1/assess`): the lawful outcomes with
/// grounds and citations, and the explanation as text.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct AssessmentDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The decision date used.
    pub as_of: NaiveDate,
    /// Where it came from.
    pub as_of_source: AsOfSource,
    /// The regime's name (适用裁量基准).
    pub regime: String,
    /// The assessment (法定处理结果及理由).
    pub assessment: Assessment,
    /// The explanation, rule by rule, with citations.
    pub explanation: String,
}

/// The decision on one case (`POST /v1/decide`, `rouxing decide --json`):
/// assessment, recommended decision and its legality review.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct DecisionDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The decision date used.
    pub as_of: NaiveDate,
    /// Where it came from.
    pub as_of_source: AsOfSource,
    /// The regime's name (适用裁量基准).
    pub regime: String,
    /// The assessment (法定处理结果及理由).
    pub assessment: Assessment,
    /// The recommended decision (建议处理决定).
    pub decision: Decision,
    /// The legality review of the recommendation (合法性审查).
    pub review: Review,
    /// The explanation, rule by rule, with citations.
    pub explanation: String,
    /// The decision's reasons (说明理由), as text.
    pub reasons: String,
    /// The review, as text.
    pub review_text: String,
}

/// A case with its decision (已决案件): one line of a `DECIDED.jsonl`, one
/// member of an audit or report request. `rouxing decide --decided` writes
/// these.
///
/// ```json
/// {"schema_version": 1, "case": {"…": "…"}, "decision": {"…": "…"}}
/// ```
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecidedDocument {
    /// Always 1.
    #[serde(default = "one")]
    pub schema_version: u32,
    /// The case facts.
    #[schemars(with = "rouxing::Case")]
    pub case: Box<RawValue>,
    /// The decision taken.
    pub decision: Decision,
}

/// A request to review a decision or an officer's proposal (`POST
/// /v1/review`, `rouxing review`): the case facts with exactly one of
/// `decision` (the decision taken, 拟作出的决定) or `proposal` (the
/// officer's changes to the recommendation, 承办人意见).
///
/// ```json
/// {"case": {"…": "…"}, "proposal": {"officer": "OF-1", "tier": "no_penalty"}}
/// ```
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// Always 1 when given.
    #[serde(default = "one")]
    pub schema_version: u32,
    /// The case facts.
    #[schemars(with = "rouxing::Case")]
    pub case: Box<RawValue>,
    /// The decision to review.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// The officer's proposal to review.
    #[serde(default)]
    pub proposal: Option<Proposal>,
    /// The decision date; else the decision's, else the case's, else today.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// The legality review of a decision (`POST /v1/review`).
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ReviewDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The decision date used.
    pub as_of: NaiveDate,
    /// Where it came from.
    pub as_of_source: AsOfSource,
    /// The regime's name.
    pub regime: String,
    /// Whether no finding is unlawful (合法).
    pub lawful: bool,
    /// Whether the decision passes legal review (审核通过).
    pub passes: bool,
    /// The decision reviewed (after applying the proposal, if one was sent).
    pub decision: Decision,
    /// The recommendation recomputed from the case.
    pub recommended: Decision,
    /// The findings (审查意见), each cited.
    pub review: Review,
    /// The review, as text.
    pub review_text: String,
}

/// A request for the batch audit (`POST /v1/audit`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditRequest {
    /// Always 1 when given.
    #[serde(default = "one")]
    pub schema_version: u32,
    /// The decided cases.
    pub cases: Vec<DecidedDocument>,
    /// The audit thresholds; else the defaults with the regime's window.
    #[serde(default)]
    pub config: Option<AuditConfig>,
}

/// The batch audit (执法监督) of decided cases.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct AuditDocument {
    /// Always 1.
    pub schema_version: u32,
    /// How many cases were audited.
    pub cases: usize,
    /// Whether nothing was flagged.
    pub clean: bool,
    /// The findings.
    pub report: AuditReport,
    /// The findings, as text.
    pub text: String,
}

/// A request for the statistics table (`POST /v1/report`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// Always 1 when given.
    #[serde(default = "one")]
    pub schema_version: u32,
    /// The first day of the period.
    pub from: NaiveDate,
    /// The last day of the period.
    pub to: NaiveDate,
    /// The decided cases.
    pub cases: Vec<DecidedDocument>,
}

/// The catalogue and regime the service or command holds.
#[derive(Debug)]
pub struct Context {
    /// The 两轻一免 catalogue.
    pub catalogue: Catalogue,
    /// The regime (裁量基准).
    pub regime: Regime,
}

impl Context {
    /// Assesses one case.
    pub fn assess(&self, case: &Case, as_of: AsOf) -> AssessmentDocument {
        let a = assess(case, &self.catalogue, &self.regime, as_of.date);
        AssessmentDocument {
            schema_version: SCHEMA_VERSION,
            as_of: as_of.date,
            as_of_source: as_of.source,
            regime: self.regime.name.clone(),
            explanation: a.explain().to_string(),
            assessment: a,
        }
    }

    /// Assesses, recommends and reviews one case.
    pub fn decide(&self, case: &Case, as_of: AsOf) -> DecisionDocument {
        let a = assess(case, &self.catalogue, &self.regime, as_of.date);
        let d = recommend(&a, &self.regime);
        let r = review_assessed(case, &a, &self.regime, &d, None);
        DecisionDocument {
            schema_version: SCHEMA_VERSION,
            as_of: as_of.date,
            as_of_source: as_of.source,
            regime: self.regime.name.clone(),
            explanation: a.explain().to_string(),
            reasons: d.reasons.to_string(),
            review_text: r.to_string(),
            assessment: a,
            decision: d,
            review: r,
        }
    }

    /// Reviews a decision or proposal on a case, recomputing the assessment.
    ///
    /// # Errors
    ///
    /// `invalid_case` when the case is rejected, `invalid_document` when
    /// neither or both of `decision` and `proposal` are given.
    pub fn review(
        &self,
        file: &str,
        req: &ReviewRequest,
        today: NaiveDate,
    ) -> Result<ReviewDocument, WireError> {
        let case = load_case(&format!("{file}.case"), req.case.get(), &self.catalogue)?;
        let explicit = req.as_of.or(req.decision.as_ref().map(|d| d.decided_on));
        let as_of = resolve_as_of(explicit, &case, today);
        let a = assess(&case, &self.catalogue, &self.regime, as_of.date);
        let recommended = recommend(&a, &self.regime);
        let decision = match (&req.decision, &req.proposal) {
            (Some(d), None) => d.clone(),
            (None, Some(p)) => p.apply(&recommended, &a, &self.regime),
            _ => {
                return Err(WireError {
                    code: ErrorCode::InvalidDocument,
                    message: format!("{file}: give exactly one of `decision` and `proposal`"),
                    field: Some("decision".to_owned()),
                    line: None,
                    column: None,
                });
            }
        };
        let r = review(&case, &self.catalogue, &self.regime, &decision, None);
        Ok(ReviewDocument {
            schema_version: SCHEMA_VERSION,
            as_of: as_of.date,
            as_of_source: as_of.source,
            regime: self.regime.name.clone(),
            lawful: r.is_lawful(),
            passes: r.passes(),
            review_text: r.to_string(),
            decision,
            recommended,
            review: r,
        })
    }

    /// The audit record of a decided case: the assessment is recomputed on
    /// the decision's date.
    ///
    /// # Errors
    ///
    /// `invalid_case` when the case is rejected.
    pub fn decided(&self, file: &str, doc: &DecidedDocument) -> Result<DecidedCase, WireError> {
        let case = load_case(&format!("{file}.case"), doc.case.get(), &self.catalogue)?;
        let a = assess(&case, &self.catalogue, &self.regime, doc.decision.decided_on);
        Ok(DecidedCase::new(&case, &a, &doc.decision))
    }

    /// Audits decided cases.
    pub fn audit(&self, cases: &[DecidedCase], config: Option<&AuditConfig>) -> AuditDocument {
        let cfg = config.cloned().unwrap_or_else(|| AuditConfig::from_regime(&self.regime));
        let report = rouxing::audit::audit(cases, &cfg);
        AuditDocument {
            schema_version: SCHEMA_VERSION,
            cases: cases.len(),
            clean: report.is_empty(),
            text: report.to_string(),
            report,
        }
    }
}

/// Tabulates decisions over a period.
///
/// # Errors
///
/// `invalid_period` when `to` is before `from`.
pub fn report(from: NaiveDate, to: NaiveDate, decisions: &[Decision]) -> Result<StatisticsTable, WireError> {
    let period =
        ReportPeriod::new(from, to).map_err(|e| WireError::new(ErrorCode::InvalidPeriod, e.to_string()))?;
    Ok(rouxing::tabulate(decisions, period))
}

/// One catalogue item (`GET /v1/catalogue/items/{code}`).
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct ItemDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The item (事项).
    pub item: rouxing::catalogue::Item,
}

/// The words of a provision of 《中华人民共和国行政处罚法》 (`GET /v1/law/{article}`).
///
/// ```json
/// {"schema_version": 1, "citation": "《中华人民共和国行政处罚法》第三十三条第一款第二句",
///  "eid": "art_33__para_1__sent_2", "text": "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"}
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct LawDocument {
    /// Always 1.
    pub schema_version: u32,
    /// The citation in Chinese legal style.
    pub citation: String,
    /// The stable id of the provision (`art_33__para_1`).
    pub eid: String,
    /// The statute's words.
    pub text: String,
}

/// The health check (`GET /healthz`): `{"status": "ok"}`.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}
