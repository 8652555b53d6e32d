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
///
/// # JSON
///
/// A JSON string, one of these codes:
///
/// | code | 中文 |
/// |---|---|
/// | `argument` | 指定日期 |
/// | `case` | 案件记载的决定日期 |
/// | `today` | 当日（北京时间） |
///
/// ```
/// use rouxing_server::wire::AsOfSource;
///
/// let as_of_source: AsOfSource = serde_json::from_str(r#""case""#)?;
/// assert_eq!(as_of_source, AsOfSource::Case);
/// # for (v, code, name) in [(AsOfSource::Argument, "argument", "指定日期"),
/// #     (AsOfSource::Case, "case", "案件记载的决定日期"), (AsOfSource::Today, "today", "当日（北京时间）")] {
/// #     match v { AsOfSource::Argument | AsOfSource::Case | AsOfSource::Today => {} }
/// #     assert_eq!(serde_json::to_value(v)?, code);
/// #     assert_eq!(v.legal_name(), name);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// A JSON string, one of these codes:
///
/// | code | 中文 |
/// |---|---|
/// | `malformed_json` | 请求体不是 JSON |
/// | `invalid_document` | 文书字段错误（未知、缺少或取值错误） |
/// | `invalid_case` | 案件事实未通过案件加载 |
/// | `invalid_catalogue` | 清单未通过清单加载 |
/// | `invalid_regime` | 裁量基准未通过加载 |
/// | `invalid_record` | 案卷导入或校验失败 |
/// | `invalid_period` | 统计期间的终止日早于起始日 |
/// | `unsupported_media_type` | 请求体不是 application/json |
/// | `payload_too_large` | 请求体超过限制 |
/// | `not_found` | 无此接口、事项、条文或文书 |
/// | `method_not_allowed` | 接口不支持该请求方法 |
///
/// ```
/// use rouxing_server::wire::ErrorCode;
///
/// let error_code: ErrorCode = serde_json::from_str(r#""invalid_case""#)?;
/// assert_eq!(error_code, ErrorCode::InvalidCase);
/// # for (v, code) in [
/// #     (ErrorCode::MalformedJson, "malformed_json"),
/// #     (ErrorCode::InvalidDocument, "invalid_document"),
/// #     (ErrorCode::InvalidCase, "invalid_case"),
/// #     (ErrorCode::InvalidCatalogue, "invalid_catalogue"),
/// #     (ErrorCode::InvalidRegime, "invalid_regime"),
/// #     (ErrorCode::InvalidRecord, "invalid_record"),
/// #     (ErrorCode::InvalidPeriod, "invalid_period"),
/// #     (ErrorCode::UnsupportedMediaType, "unsupported_media_type"),
/// #     (ErrorCode::PayloadTooLarge, "payload_too_large"),
/// #     (ErrorCode::NotFound, "not_found"),
/// #     (ErrorCode::MethodNotAllowed, "method_not_allowed"),
/// # ] {
/// #     match v { ErrorCode::MalformedJson | ErrorCode::InvalidDocument | ErrorCode::InvalidCase | ErrorCode::InvalidCatalogue | ErrorCode::InvalidRegime | ErrorCode::InvalidRecord | ErrorCode::InvalidPeriod | ErrorCode::UnsupportedMediaType | ErrorCode::PayloadTooLarge | ErrorCode::NotFound | ErrorCode::MethodNotAllowed => {} }
/// #     assert_eq!(serde_json::to_value(v)?, code);
/// #     assert_eq!(v.as_str(), code);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// The answer to a body that stops in the middle:
///
/// ```
/// let error_document_json = r#"{
///   "schema_version": 1,
///   "error": {
///              "code": "malformed_json",
///              "message": "request:1:30: field `?`: EOF while parsing an object",
///              "field": "?",
///              "line": 1,
///              "column": 30
///            }
/// }"#;
/// use rouxing_server::wire::ErrorDocument;
///
/// let error_document: ErrorDocument = serde_json::from_str(error_document_json)?;
/// assert_eq!(serde_json::to_value(&error_document)?, serde_json::from_str::<serde_json::Value>(error_document_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
///
/// # JSON
///
/// A case with the decision date to assess it on:
///
/// ```
/// let case_request_json = r#"{
///   "case": {
///             "schema_version": 1,
///             "id": "SH-JA-SJ-2026-0506",
///             "item": "MR-PRICE-42",
///             "party": {
///                        "id": "demo-oo-0401",
///                        "name": "某某便利店",
///                        "kind": "other_organisation",
///                        "registered_on": "2021-06-01"
///                      },
///             "agency": {
///                         "id": "SH-JA-SCJG",
///                         "name": "上海市静安区市场监督管理局",
///                         "domain": "market_regulation"
///                       },
///             "officers": ["31010607402", "31010607415"],
///             "act": {"start": "2026-05-02"},
///             "discovered_on": "2026-05-06",
///             "filed_on": "2026-05-08",
///             "decision_date": "2026-06-05",
///             "facts": "not_established",
///             "harm": "none",
///             "correction": {"status": "none"}
///           },
///   "as_of": "2026-09-01"
/// }"#;
/// use rouxing_server::wire::CaseRequest;
///
/// let case_request: CaseRequest = serde_json::from_str(case_request_json)?;
/// assert_eq!(case_request.as_of.map(|d| d.to_string()).as_deref(), Some("2026-09-01"));
/// assert!(case_request.case.get().contains("SH-JA-SJ-2026-0506"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
///
/// # JSON
///
/// ```
/// let assessment_document_json = r#"{
///   "schema_version": 1,
///   "as_of": "2026-09-01",
///   "as_of_source": "argument",
///   "regime": "national",
///   "assessment": {
///                   "case_id": "SH-JA-SJ-2026-0506",
///                   "party": "demo-oo-0401",
///                   "agency": {
///                               "id": "SH-JA-SCJG",
///                               "name": "上海市静安区市场监督管理局",
///                               "domain": "market_regulation"
///                             },
///                   "as_of": "2026-09-01",
///                   "item": {
///                             "code": "MR-PRICE-42",
///                             "name": "经营者违反明码标价规定",
///                             "domain": "market_regulation",
///                             "authority": "县级以上各级人民政府价格主管部门",
///                             "violated_provisions": ["《中华人民共和国价格法》第十三条第一款"],
///                             "penalty_provision": "《中华人民共和国价格法》第四十二条",
///                             "penalty_text": "经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。",
///                             "penalty": {
///                                          "sanctions": [
///                                                         {
///                                                           "kind": "confiscate_illegal_gains",
///                                                           "modal": "shall"
///                                                         },
///                                                         {
///                                                           "kind": "fine",
///                                                           "modal": "may",
///                                                           "fine": {
///                                                                     "kind": "up_to",
///                                                                     "max": "5000.00"
///                                                                   }
///                                                         }
///                                                       ]
///                                        },
///                             "safety_baseline": false
///                           },
///                   "natural_person": false,
///                   "bar": "facts_not_established",
///                   "lawful": [
///                               {
///                                 "tier": "no_penalty",
///                                 "modality": "mandatory",
///                                 "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                                 "fine_band": null
///                               }
///                             ],
///                   "limitation": null,
///                   "version": {
///                                "choice": "at_act",
///                                "provision": "《中华人民共和国价格法》第四十二条",
///                                "penalty": {
///                                             "sanctions": [
///                                                            {
///                                                              "kind": "confiscate_illegal_gains",
///                                                              "modal": "shall"
///                                                            },
///                                                            {
///                                                              "kind": "fine",
///                                                              "modal": "may",
///                                                              "fine": {
///                                                                        "kind": "up_to",
///                                                                        "max": "5000.00"
///                                                                      }
///                                                            }
///                                                          ]
///                                           },
///                                "fine_bounds": {"min": "0.00", "max": "5000.00"}
///                              },
///                   "duties": [],
///                   "guardian_order": null,
///                   "no_coercion": [],
///                   "illegal_gains": null,
///                   "facts_established": false,
///                   "correction": {"status": "none"},
///                   "commitment_signed": false,
///                   "party_absent": false,
///                   "collective_decision": false,
///                   "legal_review_triggers": [],
///                   "deadlines": [],
///                   "trace": [
///                              {
///                                "rule": "legal_basis",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_38__para_1"
///                                            },
///                                "fired": false,
///                                "why": {"why": "item_in_catalogue", "found": true}
///                              },
///                              {
///                                "rule": "applicable_version",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_37"
///                                            },
///                                "fired": false,
///                                "why": {
///                                         "why": "version",
///                                         "choice": "at_act",
///                                         "act_on": "2026-05-02",
///                                         "as_of": "2026-09-01"
///                                       }
///                              },
///                              {
///                                "rule": "facts_established",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_40"
///                                            },
///                                "fired": true,
///                                "why": {"why": "facts", "facts": "not_established"}
///                              },
///                              {
///                                "rule": "criminal_transfer",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_27__para_1"
///                                            },
///                                "fired": false,
///                                "why": {"why": "crime", "crime": "none"}
///                              }
///                            ]
///                 },
///   "explanation": "案件 SH-JA-SJ-2026-0506（评估日 2026-09-01）\n违法行为：经营者违反明码标价规定（MR-PRICE-42）\n处罚依据：《中华人民共和国价格法》第四十二条（适用违法行为发生时的规定）\n法定罚款幅度：¥5,000.00以下\n结论：违法事实不能成立，不得给予行政处罚（《中华人民共和国行政处罚法》第四十条）\n依法可以作出的处理：\n  - 不予处罚（应当）；依据：违法事实不能成立，第四十条\n适用规则（逐条）：\n  [不适用] 没有依据不得处罚：事项在清单中，有处罚依据（《中华人民共和国行政处罚法》第三十八条第一款）\n  [不适用] 从旧兼从轻：行为日2026-05-02，决定日2026-09-01：适用违法行为发生时的规定（《中华人民共和国行政处罚法》第三十七条）\n  [适用] 违法事实不清不得处罚：违法事实不清、证据不足（《中华人民共和国行政处罚法》第四十条）\n  [不适用] 涉嫌犯罪移送：不涉嫌犯罪（《中华人民共和国行政处罚法》第二十七条第一款）\n"
/// }"#;
/// use rouxing_server::wire::AssessmentDocument;
///
/// let v: serde_json::Value = serde_json::from_str(assessment_document_json)?;
/// let assessment_document = AssessmentDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     as_of: serde_json::from_value(v["as_of"].clone())?,
///     as_of_source: serde_json::from_value(v["as_of_source"].clone())?,
///     regime: serde_json::from_value(v["regime"].clone())?,
///     assessment: serde_json::from_value(v["assessment"].clone())?,
///     explanation: serde_json::from_value(v["explanation"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&assessment_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let decision_document_json = r#"{
///   "schema_version": 1,
///   "as_of": "2026-09-01",
///   "as_of_source": "argument",
///   "regime": "national",
///   "assessment": {
///                   "case_id": "SH-JA-SJ-2026-0506",
///                   "party": "demo-oo-0401",
///                   "agency": {
///                               "id": "SH-JA-SCJG",
///                               "name": "上海市静安区市场监督管理局",
///                               "domain": "market_regulation"
///                             },
///                   "as_of": "2026-09-01",
///                   "item": {
///                             "code": "MR-PRICE-42",
///                             "name": "经营者违反明码标价规定",
///                             "domain": "market_regulation",
///                             "authority": "县级以上各级人民政府价格主管部门",
///                             "violated_provisions": ["《中华人民共和国价格法》第十三条第一款"],
///                             "penalty_provision": "《中华人民共和国价格法》第四十二条",
///                             "penalty_text": "经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。",
///                             "penalty": {
///                                          "sanctions": [
///                                                         {
///                                                           "kind": "confiscate_illegal_gains",
///                                                           "modal": "shall"
///                                                         },
///                                                         {
///                                                           "kind": "fine",
///                                                           "modal": "may",
///                                                           "fine": {
///                                                                     "kind": "up_to",
///                                                                     "max": "5000.00"
///                                                                   }
///                                                         }
///                                                       ]
///                                        },
///                             "safety_baseline": false
///                           },
///                   "natural_person": false,
///                   "bar": "facts_not_established",
///                   "lawful": [
///                               {
///                                 "tier": "no_penalty",
///                                 "modality": "mandatory",
///                                 "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                                 "fine_band": null
///                               }
///                             ],
///                   "limitation": null,
///                   "version": {
///                                "choice": "at_act",
///                                "provision": "《中华人民共和国价格法》第四十二条",
///                                "penalty": {
///                                             "sanctions": [
///                                                            {
///                                                              "kind": "confiscate_illegal_gains",
///                                                              "modal": "shall"
///                                                            },
///                                                            {
///                                                              "kind": "fine",
///                                                              "modal": "may",
///                                                              "fine": {
///                                                                        "kind": "up_to",
///                                                                        "max": "5000.00"
///                                                                      }
///                                                            }
///                                                          ]
///                                           },
///                                "fine_bounds": {"min": "0.00", "max": "5000.00"}
///                              },
///                   "duties": [],
///                   "guardian_order": null,
///                   "no_coercion": [],
///                   "illegal_gains": null,
///                   "facts_established": false,
///                   "correction": {"status": "none"},
///                   "commitment_signed": false,
///                   "party_absent": false,
///                   "collective_decision": false,
///                   "legal_review_triggers": [],
///                   "deadlines": [],
///                   "trace": [
///                              {
///                                "rule": "legal_basis",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_38__para_1"
///                                            },
///                                "fired": false,
///                                "why": {"why": "item_in_catalogue", "found": true}
///                              },
///                              {
///                                "rule": "applicable_version",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_37"
///                                            },
///                                "fired": false,
///                                "why": {
///                                         "why": "version",
///                                         "choice": "at_act",
///                                         "act_on": "2026-05-02",
///                                         "as_of": "2026-09-01"
///                                       }
///                              },
///                              {
///                                "rule": "facts_established",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_40"
///                                            },
///                                "fired": true,
///                                "why": {"why": "facts", "facts": "not_established"}
///                              },
///                              {
///                                "rule": "criminal_transfer",
///                                "citation": {
///                                              "instrument": "administrative_penalty_law",
///                                              "eid": "art_27__para_1"
///                                            },
///                                "fired": false,
///                                "why": {"why": "crime", "crime": "none"}
///                              }
///                            ]
///                 },
///   "decision": {
///                 "schema_version": 2,
///                 "case_id": "SH-JA-SJ-2026-0506",
///                 "party": "demo-oo-0401",
///                 "agency": {
///                             "id": "SH-JA-SCJG",
///                             "name": "上海市静安区市场监督管理局",
///                             "domain": "market_regulation"
///                           },
///                 "decided_on": "2026-09-01",
///                 "item": "MR-PRICE-42",
///                 "domain": "market_regulation",
///                 "disposition": "no_penalty",
///                 "tier": "no_penalty",
///                 "sanctions": [],
///                 "correction": null,
///                 "education": false,
///                 "guardian_order": null,
///                 "soft_measures": [],
///                 "documents": ["no_penalty_decision"],
///                 "procedure": "ordinary",
///                 "duties": {
///                             "legal_review": [],
///                             "hearing_notice": false,
///                             "collective_decision": false,
///                             "summary_eligible": false
///                           },
///                 "reasons": {
///                              "tier": "no_penalty",
///                              "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                              "bar": "facts_not_established",
///                              "most_lenient": false,
///                              "fine_band": null
///                            },
///                 "baseline_fine": "2500.00"
///               },
///   "review": {"case_id": "SH-JA-SJ-2026-0506", "findings": []},
///   "explanation": "案件 SH-JA-SJ-2026-0506（评估日 2026-09-01）\n违法行为：经营者违反明码标价规定（MR-PRICE-42）\n处罚依据：《中华人民共和国价格法》第四十二条（适用违法行为发生时的规定）\n法定罚款幅度：¥5,000.00以下\n结论：违法事实不能成立，不得给予行政处罚（《中华人民共和国行政处罚法》第四十条）\n依法可以作出的处理：\n  - 不予处罚（应当）；依据：违法事实不能成立，第四十条\n适用规则（逐条）：\n  [不适用] 没有依据不得处罚：事项在清单中，有处罚依据（《中华人民共和国行政处罚法》第三十八条第一款）\n  [不适用] 从旧兼从轻：行为日2026-05-02，决定日2026-09-01：适用违法行为发生时的规定（《中华人民共和国行政处罚法》第三十七条）\n  [适用] 违法事实不清不得处罚：违法事实不清、证据不足（《中华人民共和国行政处罚法》第四十条）\n  [不适用] 涉嫌犯罪移送：不涉嫌犯罪（《中华人民共和国行政处罚法》第二十七条第一款）\n",
///   "reasons": "违法事实不能成立，依据《中华人民共和国行政处罚法》第四十条，不得给予行政处罚。",
///   "review_text": "案件 SH-JA-SJ-2026-0506：未发现合法性问题\n"
/// }"#;
/// use rouxing_server::wire::DecisionDocument;
///
/// let v: serde_json::Value = serde_json::from_str(decision_document_json)?;
/// let decision_document = DecisionDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     as_of: serde_json::from_value(v["as_of"].clone())?,
///     as_of_source: serde_json::from_value(v["as_of_source"].clone())?,
///     regime: serde_json::from_value(v["regime"].clone())?,
///     assessment: serde_json::from_value(v["assessment"].clone())?,
///     decision: serde_json::from_value(v["decision"].clone())?,
///     review: serde_json::from_value(v["review"].clone())?,
///     explanation: serde_json::from_value(v["explanation"].clone())?,
///     reasons: serde_json::from_value(v["reasons"].clone())?,
///     review_text: serde_json::from_value(v["review_text"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&decision_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let decided_document_json = r#"{
///   "schema_version": 1,
///   "case": {
///             "act": {"start": "2026-05-02"},
///             "agency": {
///                         "domain": "market_regulation",
///                         "id": "SH-JA-SCJG",
///                         "name": "上海市静安区市场监督管理局"
///                       },
///             "correction": {"status": "none"},
///             "crime": "none",
///             "decision_date": "2026-06-05",
///             "discovered_on": "2026-05-06",
///             "facts": "not_established",
///             "fault": "negligent",
///             "filed_on": "2026-05-08",
///             "gravity": "general",
///             "harm": "none",
///             "id": "SH-JA-SJ-2026-0506",
///             "item": "MR-PRICE-42",
///             "officers": ["31010607402", "31010607415"],
///             "party": {
///                        "id": "demo-oo-0401",
///                        "kind": "other_organisation",
///                        "name": "某某便利店",
///                        "registered_on": "2021-06-01"
///                      },
///             "schema_version": 1
///           },
///   "decision": {
///                 "schema_version": 2,
///                 "case_id": "SH-JA-SJ-2026-0506",
///                 "party": "demo-oo-0401",
///                 "agency": {
///                             "id": "SH-JA-SCJG",
///                             "name": "上海市静安区市场监督管理局",
///                             "domain": "market_regulation"
///                           },
///                 "decided_on": "2026-09-01",
///                 "item": "MR-PRICE-42",
///                 "domain": "market_regulation",
///                 "disposition": "no_penalty",
///                 "tier": "no_penalty",
///                 "sanctions": [],
///                 "correction": null,
///                 "education": false,
///                 "guardian_order": null,
///                 "soft_measures": [],
///                 "documents": ["no_penalty_decision"],
///                 "procedure": "ordinary",
///                 "duties": {
///                             "legal_review": [],
///                             "hearing_notice": false,
///                             "collective_decision": false,
///                             "summary_eligible": false
///                           },
///                 "reasons": {
///                              "tier": "no_penalty",
///                              "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                              "bar": "facts_not_established",
///                              "most_lenient": false,
///                              "fine_band": null
///                            },
///                 "baseline_fine": "2500.00"
///               }
/// }"#;
/// use rouxing_server::wire::DecidedDocument;
///
/// let decided_document: DecidedDocument = serde_json::from_str(decided_document_json)?;
/// assert_eq!(decided_document.decision.tier, rouxing::Tier::NoPenalty);
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
///
/// # JSON
///
/// A case with an officer's proposal:
///
/// ```
/// let review_request_json = r#"{
///   "schema_version": 1,
///   "case": {
///             "schema_version": 1,
///             "id": "山应急罚〔2025〕12号",
///             "item": "EM-HC-78-3",
///             "party": {"id": "SD-CHEM-012", "name": "甘肃某化工有限公司", "kind": "legal_person"},
///             "agency": {"id": "SD-YJGLJ", "name": "山丹县应急管理局", "domain": "emergency_management"},
///             "officers": ["62072500201", "62072500202"],
///             "act": {"start": "2025-04-10"},
///             "discovered_on": "2025-04-15",
///             "filed_on": "2025-04-15",
///             "gravity": "minor",
///             "harm": "none",
///             "correction": {"status": "prompt", "on": "2025-04-16"}
///           },
///   "proposal": {
///                 "officer": "62072500202",
///                 "tier": "ordinary",
///                 "fine": "25000",
///                 "reason": "危险化学品无小事，一律从严处罚"
///               },
///   "as_of": "2025-06-30"
/// }"#;
/// use rouxing_server::wire::ReviewRequest;
///
/// let review_request: ReviewRequest = serde_json::from_str(review_request_json)?;
/// assert!(review_request.proposal.is_some() && review_request.decision.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
    /// The Art. 44 notice the decision is made on (事先告知); absent for a
    /// draft still to be notified.
    #[serde(default)]
    pub notice: Option<rouxing::decision::Notice>,
}

/// The legality review of a decision (`POST /v1/review`).
///
/// # JSON
///
/// ```
/// let review_document_json = r#"{
///   "schema_version": 1,
///   "as_of": "2025-06-30",
///   "as_of_source": "argument",
///   "regime": "national",
///   "lawful": false,
///   "passes": false,
///   "decision": {
///                 "schema_version": 2,
///                 "case_id": "山应急罚〔2025〕12号",
///                 "party": "SD-CHEM-012",
///                 "agency": {
///                             "id": "SD-YJGLJ",
///                             "name": "山丹县应急管理局",
///                             "domain": "emergency_management"
///                           },
///                 "decided_on": "2025-06-30",
///                 "item": "EM-HC-78-3",
///                 "domain": "emergency_management",
///                 "disposition": "penalty",
///                 "tier": "ordinary",
///                 "sanctions": [{"kind": "fine", "amount": "25000.00"}],
///                 "correction": {"kind": "immediate"},
///                 "education": false,
///                 "guardian_order": null,
///                 "soft_measures": ["prompt", "guidance", "follow_up_visit"],
///                 "documents": [
///                                "advance_notice",
///                                "penalty_decision",
///                                "credit_repair_notice",
///                                "correction_notice"
///                              ],
///                 "procedure": "ordinary",
///                 "duties": {
///                             "legal_review": [],
///                             "hearing_notice": false,
///                             "collective_decision": false,
///                             "summary_eligible": false
///                           },
///                 "follow_up_on": "2025-07-30",
///                 "reasons": {
///                              "tier": "ordinary",
///                              "grounds": [],
///                              "bar": null,
///                              "most_lenient": false,
///                              "fine_band": null,
///                              "officer_note": "危险化学品无小事，一律从严处罚"
///                            },
///                 "baseline_fine": "25000.00",
///                 "overridden": {
///                                 "officer": "62072500202",
///                                 "recommended": "no_penalty",
///                                 "note": "危险化学品无小事，一律从严处罚"
///                               },
///                 "decided_by": "62072500202"
///               },
///   "recommended": {
///                    "schema_version": 2,
///                    "case_id": "山应急罚〔2025〕12号",
///                    "party": "SD-CHEM-012",
///                    "agency": {
///                                "id": "SD-YJGLJ",
///                                "name": "山丹县应急管理局",
///                                "domain": "emergency_management"
///                              },
///                    "decided_on": "2025-06-30",
///                    "item": "EM-HC-78-3",
///                    "domain": "emergency_management",
///                    "disposition": "no_penalty",
///                    "tier": "no_penalty",
///                    "sanctions": [],
///                    "correction": {"kind": "immediate"},
///                    "education": true,
///                    "guardian_order": null,
///                    "soft_measures": [
///                                       "persuasion_education",
///                                       "prompt",
///                                       "guidance",
///                                       "follow_up_visit"
///                                     ],
///                    "mechanisms": ["correction_only"],
///                    "documents": [
///                                   "no_penalty_notice",
///                                   "no_penalty_decision",
///                                   "reminder_suggestion_letter",
///                                   "correction_notice"
///                                 ],
///                    "procedure": "ordinary",
///                    "duties": {
///                                "legal_review": [],
///                                "hearing_notice": false,
///                                "collective_decision": false,
///                                "summary_eligible": false
///                              },
///                    "follow_up_on": "2025-07-30",
///                    "reasons": {
///                                 "tier": "no_penalty",
///                                 "grounds": [
///                                              {"ground": "minor_corrected_no_harm"},
///                                              {
///                                                "ground": "list_entry",
///                                                "index": 0,
///                                                "outcome": "no_penalty",
///                                                "modal": "shall"
///                                              },
///                                              {"ground": "first_violation"}
///                                            ],
///                                 "entries": ["E097"],
///                                 "bar": null,
///                                 "most_lenient": false,
///                                 "fine_band": null
///                               },
///                    "baseline_fine": "25000.00"
///                  },
///   "review": {
///               "case_id": "山应急罚〔2025〕12号",
///               "findings": [
///                             {
///                               "code": "penalty_despite_mandatory_no_penalty",
///                               "severity": "unlawful",
///                               "citation": {
///                                             "instrument": "administrative_penalty_law",
///                                             "eid": "art_33__para_1__sent_1"
///                                           },
///                               "detail": {
///                                           "detail": "ground",
///                                           "ground": {"ground": "minor_corrected_no_harm"},
///                                           "decided": "ordinary"
///                                         }
///                             }
///                           ],
///               "overridden": {
///                               "officer": "62072500202",
///                               "recommended": "no_penalty",
///                               "decided": "ordinary",
///                               "decided_fine": "25000.00",
///                               "within_lawful_set": false,
///                               "reasoned": true
///                             }
///             },
///   "review_text": "案件 山应急罚〔2025〕12号：发现1项问题\n1. [违法] 依法应当不予处罚而处罚（机械执法）：当事人违法行为轻微并及时改正，没有造成危害后果（轻微不罚），依法不予行政处罚，决定一般处罚属于“机械执法”（《中华人民共和国行政处罚法》第三十三条第一款第一句）\n执法人员 62072500202 将建议的不予处罚变更为一般处罚（罚款¥25,000.00）（超出依法可以作出的处理范围，已说明理由）\n"
/// }"#;
/// use rouxing_server::wire::ReviewDocument;
///
/// let v: serde_json::Value = serde_json::from_str(review_document_json)?;
/// let review_document = ReviewDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     as_of: serde_json::from_value(v["as_of"].clone())?,
///     as_of_source: serde_json::from_value(v["as_of_source"].clone())?,
///     regime: serde_json::from_value(v["regime"].clone())?,
///     lawful: serde_json::from_value(v["lawful"].clone())?,
///     passes: serde_json::from_value(v["passes"].clone())?,
///     decision: serde_json::from_value(v["decision"].clone())?,
///     recommended: serde_json::from_value(v["recommended"].clone())?,
///     review: serde_json::from_value(v["review"].clone())?,
///     review_text: serde_json::from_value(v["review_text"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&review_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let audit_request_json = r#"{
///   "cases": [
///              {
///                "schema_version": 1,
///                "case": {
///                          "act": {"start": "2026-05-02"},
///                          "agency": {
///                                      "domain": "market_regulation",
///                                      "id": "SH-JA-SCJG",
///                                      "name": "上海市静安区市场监督管理局"
///                                    },
///                          "correction": {"status": "none"},
///                          "crime": "none",
///                          "decision_date": "2026-06-05",
///                          "discovered_on": "2026-05-06",
///                          "facts": "not_established",
///                          "fault": "negligent",
///                          "filed_on": "2026-05-08",
///                          "gravity": "general",
///                          "harm": "none",
///                          "id": "SH-JA-SJ-2026-0506",
///                          "item": "MR-PRICE-42",
///                          "officers": ["31010607402", "31010607415"],
///                          "party": {
///                                     "id": "demo-oo-0401",
///                                     "kind": "other_organisation",
///                                     "name": "某某便利店",
///                                     "registered_on": "2021-06-01"
///                                   },
///                          "schema_version": 1
///                        },
///                "decision": {
///                              "schema_version": 2,
///                              "case_id": "SH-JA-SJ-2026-0506",
///                              "party": "demo-oo-0401",
///                              "agency": {
///                                          "id": "SH-JA-SCJG",
///                                          "name": "上海市静安区市场监督管理局",
///                                          "domain": "market_regulation"
///                                        },
///                              "decided_on": "2026-09-01",
///                              "item": "MR-PRICE-42",
///                              "domain": "market_regulation",
///                              "disposition": "no_penalty",
///                              "tier": "no_penalty",
///                              "sanctions": [],
///                              "correction": null,
///                              "education": false,
///                              "guardian_order": null,
///                              "soft_measures": [],
///                              "documents": ["no_penalty_decision"],
///                              "procedure": "ordinary",
///                              "duties": {
///                                          "legal_review": [],
///                                          "hearing_notice": false,
///                                          "collective_decision": false,
///                                          "summary_eligible": false
///                                        },
///                              "reasons": {
///                                           "tier": "no_penalty",
///                                           "grounds": [
///                                                        {
///                                                          "ground": "bar",
///                                                          "bar": "facts_not_established"
///                                                        }
///                                                      ],
///                                           "bar": "facts_not_established",
///                                           "most_lenient": false,
///                                           "fine_band": null
///                                         },
///                              "baseline_fine": "2500.00"
///                            }
///              }
///            ]
/// }"#;
/// use rouxing_server::wire::AuditRequest;
///
/// let audit_request: AuditRequest = serde_json::from_str(audit_request_json)?;
/// assert_eq!(audit_request.cases.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let audit_document_json = r#"{
///   "schema_version": 1,
///   "cases": 1,
///   "clean": true,
///   "report": {
///               "consistency": [],
///               "repeated_first_violation": [],
///               "outliers": [],
///               "baseline_exemptions": []
///             },
///   "text": "同事不同罚：0组（《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第六部分第（三）项）\n重复适用首违不罚：0件（《中华人民共和国行政处罚法》第三十三条第一款第二句）\n从宽比例异常：0个\n安全底线事项不予处罚：0件（《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第五部分第（二）项）\n"
/// }"#;
/// use rouxing_server::wire::AuditDocument;
///
/// let v: serde_json::Value = serde_json::from_str(audit_document_json)?;
/// let audit_document = AuditDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     cases: serde_json::from_value(v["cases"].clone())?,
///     clean: serde_json::from_value(v["clean"].clone())?,
///     report: serde_json::from_value(v["report"].clone())?,
///     text: serde_json::from_value(v["text"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&audit_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let report_request_json = r#"{
///   "from": "2026-01-01",
///   "to": "2026-12-31",
///   "cases": [
///              {
///                "schema_version": 1,
///                "case": {
///                          "act": {"start": "2026-05-02"},
///                          "agency": {
///                                      "domain": "market_regulation",
///                                      "id": "SH-JA-SCJG",
///                                      "name": "上海市静安区市场监督管理局"
///                                    },
///                          "correction": {"status": "none"},
///                          "crime": "none",
///                          "decision_date": "2026-06-05",
///                          "discovered_on": "2026-05-06",
///                          "facts": "not_established",
///                          "fault": "negligent",
///                          "filed_on": "2026-05-08",
///                          "gravity": "general",
///                          "harm": "none",
///                          "id": "SH-JA-SJ-2026-0506",
///                          "item": "MR-PRICE-42",
///                          "officers": ["31010607402", "31010607415"],
///                          "party": {
///                                     "id": "demo-oo-0401",
///                                     "kind": "other_organisation",
///                                     "name": "某某便利店",
///                                     "registered_on": "2021-06-01"
///                                   },
///                          "schema_version": 1
///                        },
///                "decision": {
///                              "schema_version": 2,
///                              "case_id": "SH-JA-SJ-2026-0506",
///                              "party": "demo-oo-0401",
///                              "agency": {
///                                          "id": "SH-JA-SCJG",
///                                          "name": "上海市静安区市场监督管理局",
///                                          "domain": "market_regulation"
///                                        },
///                              "decided_on": "2026-09-01",
///                              "item": "MR-PRICE-42",
///                              "domain": "market_regulation",
///                              "disposition": "no_penalty",
///                              "tier": "no_penalty",
///                              "sanctions": [],
///                              "correction": null,
///                              "education": false,
///                              "guardian_order": null,
///                              "soft_measures": [],
///                              "documents": ["no_penalty_decision"],
///                              "procedure": "ordinary",
///                              "duties": {
///                                          "legal_review": [],
///                                          "hearing_notice": false,
///                                          "collective_decision": false,
///                                          "summary_eligible": false
///                                        },
///                              "reasons": {
///                                           "tier": "no_penalty",
///                                           "grounds": [
///                                                        {
///                                                          "ground": "bar",
///                                                          "bar": "facts_not_established"
///                                                        }
///                                                      ],
///                                           "bar": "facts_not_established",
///                                           "most_lenient": false,
///                                           "fine_band": null
///                                         },
///                              "baseline_fine": "2500.00"
///                            }
///              }
///            ]
/// }"#;
/// use rouxing_server::wire::ReportRequest;
///
/// let report_request: ReportRequest = serde_json::from_str(report_request_json)?;
/// assert!(report_request.from <= report_request.to);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
        let r = review(&case, &self.catalogue, &self.regime, &decision, req.notice.as_ref());
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
///
/// # JSON
///
/// ```
/// let item_document_json = r#"{
///   "schema_version": 1,
///   "item": {
///             "code": "AG-XM-66",
///             "name": "畜禽养殖场未建立养殖档案,或者未按照规定保存养殖档案",
///             "domain": "agriculture_rural",
///             "authority": "县级以上人民政府畜牧兽医行政主管部门",
///             "violated_provisions": [
///                                      "《中华人民共和国畜牧法》第四十一条:畜禽养殖场应当建立养殖档案,载明以下内容:(一)畜禽的品种、数量、繁殖记录、标识情况、来源和进出场日期;(二)饲料、饲料添加剂、兽药等投入品的来源、名称、使用对象、时间和用量;(三)检疫、免疫、消毒情况;(四)畜禽发病、死亡和无害化处理情况;(五)国务院畜牧兽医行政主管部门规定的其他内容。"
///                                    ],
///             "penalty_provision": "《中华人民共和国畜牧法》（2015年修正）第六十六条",
///             "penalty_text": "违反本法第四十一条规定,畜禽养殖场未建立养殖档案的,或者未按照规定保存养殖档案的,由县级以上人民政府畜牧兽医行政主管部门责令限期改正,可以处一万元以下罚款。",
///             "penalty": {
///                          "sanctions": [
///                                         {
///                                           "kind": "fine",
///                                           "modal": "may",
///                                           "fine": {"kind": "up_to", "max": "10000.00"}
///                                         }
///                                       ]
///                        },
///             "amendments": [
///                             {
///                               "effective_from": "2023-03-01",
///                               "provision": "《中华人民共和国畜牧法》（2022年修订）第八十六条",
///                               "penalty": {
///                                            "sanctions": [
///                                                           {
///                                                             "kind": "fine",
///                                                             "modal": "may",
///                                                             "fine": {
///                                                                       "kind": "up_to",
///                                                                       "max": "10000.00"
///                                                                     }
///                                                           }
///                                                         ]
///                                          }
///                             }
///                           ],
///             "safety_baseline": false,
///             "entries": [
///                          {
///                            "id": "E122",
///                            "source": "SRC-HN-AGRI-2023",
///                            "outcome": "first_violation_no_penalty",
///                            "modal": "shall",
///                            "conditions": [
///                                            {
///                                              "text": "1.首次违法;",
///                                              "tests": [{"test": "first_violation"}]
///                                            },
///                                            {
///                                              "text": "2.危害后果轻微;",
///                                              "tests": [{"test": "harm_at_most_slight"}]
///                                            },
///                                            {
///                                              "text": "3.在责令改正期限内改正。",
///                                              "tests": [{"test": "corrected_promptly"}]
///                                            }
///                                          ]
///                          }
///                        ]
///           }
/// }"#;
/// use rouxing_server::wire::ItemDocument;
///
/// let v: serde_json::Value = serde_json::from_str(item_document_json)?;
/// let item_document = ItemDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     item: serde_json::from_value(v["item"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&item_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # JSON
///
/// ```
/// let law_document_json = r#"{
///   "schema_version": 1,
///   "citation": "《中华人民共和国行政处罚法》第四十条",
///   "eid": "art_40",
///   "text": "公民、法人或者其他组织违反行政管理秩序的行为，依法应当给予行政处罚的，行政机关必须查明事实；违法事实不清、证据不足的，不得给予行政处罚。"
/// }"#;
/// use rouxing_server::wire::LawDocument;
///
/// let v: serde_json::Value = serde_json::from_str(law_document_json)?;
/// let law_document = LawDocument {
///     schema_version: serde_json::from_value(v["schema_version"].clone())?,
///     citation: serde_json::from_value(v["citation"].clone())?,
///     eid: serde_json::from_value(v["eid"].clone())?,
///     text: serde_json::from_value(v["text"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&law_document)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
///
/// # JSON
///
/// ```
/// let health_json = r#"{"status": "ok"}"#;
/// use rouxing_server::wire::Health;
///
/// let v: serde_json::Value = serde_json::from_str(health_json)?;
/// let health = Health {
///     status: serde_json::from_value(v["status"].clone())?,
/// };
/// assert_eq!(serde_json::to_value(&health)?, v);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}
