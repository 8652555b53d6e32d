//! Import a 两轻一免 list from the spreadsheet a department publishes
//! (清单导入).
//!
//! Departments publish their lists (不予处罚清单、首违不罚清单、从轻减轻处罚清单、
//! 不予行政强制清单) as tables with columns such as 序号 / 违法行为 / 法律依据 /
//! 处罚依据 / 适用情形 / 处理方式 / 裁量结果. [`from_csv`] and, with the feature
//! `import-xlsx`, `from_xlsx` read such a table from bytes (the library does
//! no I/O: the caller reads the file) and return every row as a typed
//! [`ListRow`] plus an [`ImportReport`] that accounts for every other row.
//!
//! * Columns are found by a [`HeaderMap`]: data, not code. The
//!   [default](HeaderMap::default) covers the header variants of the
//!   published lists rouxing bundles; a department adds its own in JSON.
//! * Each row's 适用情形 is kept verbatim ([`ListRow::conditions_text`]) and
//!   split into its numbered conditions ([`ListRow::conditions`]), each with
//!   an empty list of machine tests that a reviewer then attaches; an entry
//!   with a condition without tests never applies
//!   ([`crate::catalogue::EntryCondition`]).
//! * A row the importer cannot classify (no 违法行为, no recognisable outcome,
//!   an ambiguous one such as "从轻或者减轻") is reported with its cells in
//!   [`ImportReport::unclassified`], never dropped; so are cells under a
//!   header the map does not know ([`ListRow::extra`]).
//! * Errors and issues name file, sheet, row, column and value (a short
//!   prefix of it).
//!
//! ```
//! use rouxing::catalogue::ListOutcome;
//! use rouxing::import::{self, HeaderMap};
//!
//! let csv = "序号,违法行为,法律依据,适用情形,处理方式\n\
//!            1,未按规定公示收费标准,《某条例》第十条,\"（1）首次违法；（2）及时改正。\",不予行政处罚\n\
//!            2,超时经营,《某条例》第十二条,情节轻微,从轻或者减轻处罚\n";
//! let imported = import::from_csv("清单.csv", csv.as_bytes(), &HeaderMap::default())?;
//!
//! let row = &imported.rows[0];
//! assert_eq!(row.behaviour, "未按规定公示收费标准");
//! // 不予处罚 whose conditions require a first violation: 首违不罚.
//! assert_eq!(row.outcome, ListOutcome::FirstViolationNoPenalty);
//! assert_eq!(row.conditions_text.as_deref(), Some("（1）首次违法；（2）及时改正。"));
//! assert_eq!(row.conditions.len(), 2);
//! assert!(row.conditions.iter().all(|c| c.tests.is_empty())); // a reviewer attaches them
//!
//! // "从轻或者减轻" names two outcomes: reported, not guessed, not dropped.
//! let issue = &imported.report.issues[0];
//! assert_eq!(
//!     issue.to_string(),
//!     "清单.csv row 3, column `处理方式`, value `从轻或者减轻处罚`: the outcome is ambiguous: \
//!      it names more than one of 不予处罚, 从轻, 减轻, 不予行政强制"
//! );
//! assert_eq!(imported.report.unclassified[0].origin.row, 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Legal basis
//!
//! The lists are the agencies' published implementation of
//! 《中华人民共和国行政处罚法》第三十三条 (不予处罚, 首违不罚) and 第三十四条
//! ("行政机关可以依法制定行政处罚裁量基准……行政处罚裁量基准应当向社会公布"); 不予行政强制
//! lists implement 《中华人民共和国行政强制法》第十六条第二款. Importing records
//! what a list says; whether an entry may take effect is decided by
//! [`assess`](crate::assess()) on top of the statute and checked by
//! [`Catalogue::warnings`](crate::Catalogue::warnings).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::{EntryCondition, EntryId, ListEntry, ListOutcome, Modal, SourceId};

#[cfg(feature = "import-xlsx")]
mod xlsx;
#[cfg(feature = "import-xlsx")]
#[cfg_attr(docsrs_rouxing, doc(cfg(feature = "import-xlsx")))]
pub use xlsx::from_xlsx;

/// How many rows from the top of a sheet are searched for the header row
/// (published tables often start with a title and a notice line).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// How many characters of a value an error or issue quotes (the library's
/// one limit, [`crate::ident::PREFIX_CHARS`]).
pub const VALUE_PREFIX_CHARS: usize = crate::ident::PREFIX_CHARS;

vocabulary! {
    /// A column of a published list, as the importer understands it.
    ///
    /// This enum is non-exhaustive so that other columns may be added in
    /// semver compatible releases.
    #[non_exhaustive]
    pub enum Field {
        /// 序号.
        Seq => "序号",
        /// 类别 / 分类: a category column (the section the row sits under).
        Section => "类别",
        /// 违法行为 / 事项名称: the only required column.
        Behaviour => "违法行为",
        /// 法律依据 / 违法依据 / 违反条款: the provisions violated.
        ViolatedProvision => "法律依据",
        /// 处罚依据 / 罚则.
        PenaltyProvision => "处罚依据",
        /// 适用情形 / 适用条件 / 不予处罚情形.
        Conditions => "适用情形",
        /// 处理方式 / 处理结果: the outcome the list grants.
        Disposition => "处理方式",
        /// 裁量结果 / 裁量幅度: the reduced sanction.
        Sanction => "裁量结果",
        /// 实施主体 / 执法主体.
        Authority => "实施主体",
        /// 不予处罚依据 / 从轻减轻依据: the list's citation of its leniency ground.
        Basis => "不予处罚依据",
        /// 配套监管措施.
        Measures => "配套监管措施",
        /// 基本编码 / 事项编码.
        ItemCode => "基本编码",
    }
}

/// Which header texts name which [`Field`]: the configurable column map.
///
/// A header cell matches a variant when they are equal after removing all
/// white space (also full-width and line breaks inside a cell), a leading
/// `*` and a trailing colon. The header row is the first of the top
/// [`HEADER_SEARCH_ROWS`] rows in which a cell names [`Field::Behaviour`] and
/// at least one other cell names another field.
///
/// `default_outcome` classifies rows that state no outcome of their own, for
/// a list whose title declares it ("不予行政处罚事项清单"). Without it such rows
/// are reported as unclassified.
///
/// # Format
///
/// ```json
/// {
///   "columns": {
///     "seq": ["序号", "编号"],
///     "behaviour": ["违法行为", "违法行为名称", "事项名称"],
///     "conditions": ["适用情形", "适用条件", "不予处罚情形"],
///     "disposition": ["处理方式"]
///   },
///   "default_outcome": "no_penalty"
/// }
/// ```
///
/// Field codes are the [`Field`] codes; `default_outcome` is a
/// [`ListOutcome`] code. Unknown fields are rejected.
///
/// ```
/// use rouxing::import::{Field, HeaderMap};
///
/// let mut map = HeaderMap::default();
/// map.add(Field::Behaviour, "违法情形")?;
/// assert_eq!(map.field_of("违法\n情形"), Some(Field::Behaviour));
/// assert_eq!(map.field_of("违法行为"), Some(Field::Behaviour));
/// let again = HeaderMap::from_json(&map.to_json())?;
/// assert_eq!(again, map);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderMap {
    columns: BTreeMap<Field, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default_outcome: Option<ListOutcome>,
}

/// The header variants of [`HeaderMap::default`], taken from the published
/// lists in `data/lists/` and common practice.
const DEFAULT_HEADERS: &[(Field, &[&str])] = &[
    (Field::Seq, &["序号", "编号", "序列号"]),
    (Field::Section, &["类别", "分类", "类型", "事项类别", "违法行为类别", "领域"]),
    (
        Field::Behaviour,
        &[
            "违法行为",
            "违法行为名称",
            "违法行为表现",
            "违法行为描述",
            "轻微违法行为",
            "事项名称",
            "违法事项",
            "违法情形",
        ],
    ),
    (
        Field::ViolatedProvision,
        &["法律依据", "违法依据", "违反条款", "违反的法律条款", "违法条款", "法定依据", "违反依据"],
    ),
    (Field::PenaltyProvision, &["处罚依据", "罚则", "处罚条款", "处罚规定"]),
    (
        Field::Conditions,
        &[
            "适用情形",
            "适用条件",
            "适用情形或条件",
            "不予处罚情形",
            "不予行政处罚情形",
            "不予处罚的条件",
            "免罚条件",
            "首违不罚条件",
            "从轻处罚情形",
            "减轻处罚情形",
            "情形",
        ],
    ),
    (Field::Disposition, &["处理方式", "处理结果", "处理措施", "处理意见", "处罚方式"]),
    (Field::Sanction, &["裁量结果", "裁量幅度", "处罚幅度", "裁量标准", "减轻处罚幅度", "从轻处罚幅度"]),
    (Field::Authority, &["实施主体", "执法主体", "处罚机关", "责任单位"]),
    (Field::Basis, &["不予处罚依据", "不予行政处罚依据", "免罚依据", "从轻减轻依据", "减轻处罚依据"]),
    (Field::Measures, &["配套监管措施", "配套措施", "监管措施", "跟踪监管措施"]),
    (Field::ItemCode, &["基本编码", "事项编码", "编码"]),
];

impl Default for HeaderMap {
    /// The map covering the common header variants (see the table in the
    /// source, `DEFAULT_HEADERS`), with no default outcome.
    fn default() -> HeaderMap {
        let columns = DEFAULT_HEADERS
            .iter()
            .map(|(f, hs)| (*f, hs.iter().map(|h| (*h).to_owned()).collect()))
            .collect();
        HeaderMap { columns, default_outcome: None }
    }
}

/// The error returned when a [`HeaderMap`] is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderMapError {
    /// The JSON does not have the documented shape.
    #[error("header map, {0}")]
    Json(String),
    /// A header text is empty after normalisation.
    #[error("header map: field `{field}` has an empty header text")]
    Empty {
        /// The field.
        field: Field,
    },
    /// One header text names two fields.
    #[error("header map: header `{header}` names both `{first}` and `{second}`")]
    Conflict {
        /// The header text.
        header: String,
        /// The first field.
        first: Field,
        /// The second field.
        second: Field,
    },
    /// No header names [`Field::Behaviour`].
    #[error("header map: field `behaviour` (违法行为) needs at least one header text")]
    NoBehaviour,
}

impl HeaderMap {
    /// A map with no columns (add them with [`HeaderMap::add`]).
    pub fn empty() -> HeaderMap {
        HeaderMap { columns: BTreeMap::new(), default_outcome: None }
    }

    /// Loads a map from JSON in the documented format and checks it.
    ///
    /// # Errors
    ///
    /// Returns an error naming the line and field when the JSON is malformed
    /// or has unknown fields, and [`HeaderMap::validate`]'s errors.
    pub fn from_json(text: &str) -> Result<HeaderMap, HeaderMapError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let map: HeaderMap = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            HeaderMapError::Json(format!("line {}, field `{path}`: {inner}", inner.line()))
        })?;
        de.end().map_err(|e| HeaderMapError::Json(e.to_string()))?;
        map.validate()?;
        Ok(map)
    }

    /// The map as JSON in the documented format.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks that no header text is empty, none names two fields, and
    /// [`Field::Behaviour`] has a header.
    ///
    /// # Errors
    ///
    /// See [`HeaderMapError`].
    pub fn validate(&self) -> Result<(), HeaderMapError> {
        let mut seen: BTreeMap<String, Field> = BTreeMap::new();
        for (field, headers) in &self.columns {
            for h in headers {
                let n = normalise_header(h);
                if n.is_empty() {
                    return Err(HeaderMapError::Empty { field: *field });
                }
                if let Some(first) = seen.insert(n.clone(), *field) {
                    if first != *field {
                        return Err(HeaderMapError::Conflict { header: n, first, second: *field });
                    }
                }
            }
        }
        if self.columns.get(&Field::Behaviour).is_none_or(|v| v.is_empty()) {
            return Err(HeaderMapError::NoBehaviour);
        }
        Ok(())
    }

    /// Adds a header text for a field.
    ///
    /// # Errors
    ///
    /// Returns an error when the text is empty or already names another
    /// field; the map is then unchanged.
    pub fn add(&mut self, field: Field, header: impl Into<String>) -> Result<(), HeaderMapError> {
        let header = header.into();
        let n = normalise_header(&header);
        if n.is_empty() {
            return Err(HeaderMapError::Empty { field });
        }
        if let Some(first) = self.field_of(&n) {
            if first != field {
                return Err(HeaderMapError::Conflict { header: n, first, second: field });
            }
            return Ok(());
        }
        self.columns.entry(field).or_default().push(header);
        Ok(())
    }

    /// Sets the outcome of rows that state none (the list title's outcome).
    pub fn set_default_outcome(&mut self, outcome: Option<ListOutcome>) {
        self.default_outcome = outcome;
    }

    /// The outcome of rows that state none, if set.
    pub fn default_outcome(&self) -> Option<ListOutcome> {
        self.default_outcome
    }

    /// The header texts of a field.
    pub fn headers(&self, field: Field) -> &[String] {
        self.columns.get(&field).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The field a header cell names, if any.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let n = normalise_header(header);
        if n.is_empty() {
            return None;
        }
        self.columns.iter().find(|(_, hs)| hs.iter().any(|h| normalise_header(h) == n)).map(|(f, _)| *f)
    }
}

fn normalise_header(h: &str) -> String {
    let s: String = h.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_start_matches('*');
    let s = s.trim_end_matches([':', '：']);
    s.to_owned()
}

/// Where a row came from: file, sheet (for workbooks) and 1-based row
/// number (for CSV, the record number, header and title rows included).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The file name given to the importer.
    pub file: String,
    /// The sheet, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The 1-based row.
    pub row: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(s) = &self.sheet {
            write!(f, " sheet `{s}`")?;
        }
        write!(f, " row {}", self.row)
    }
}

/// A cell under a header: the header text as published and the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// The header text, as published.
    pub column: String,
    /// The cell's text.
    pub value: String,
}

/// One row of a published 两轻一免 list, as published, with the typed
/// conditions a reviewer attaches.
///
/// Texts are verbatim from the list. This is the type both the importer and
/// the bundled [`ListRegister`](crate::published::ListRegister) hold; a
/// reviewed row becomes a catalogue [`ListEntry`] with
/// [`ListRow::to_entry`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRow {
    /// Where the row came from.
    pub origin: Origin,
    /// 序号 as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<String>,
    /// The section heading or category the row sits under, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// 违法行为, verbatim.
    pub behaviour: String,
    /// For lists written as sentences ("违反《…》第…条，\[行为\]，\[条件\]"), the
    /// whole sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_text: Option<String>,
    /// The provisions violated (法律依据 / 违反条款), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violated_provisions: Vec<String>,
    /// 处罚依据, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_provision: Option<String>,
    /// The 适用情形 cell, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions_text: Option<String>,
    /// The lead-in to the conditions ("同时满足下列情形的，不予行政处罚："), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions_intro: Option<String>,
    /// One condition per published condition, text verbatim; the machine
    /// tests are attached by a reviewer (empty on import).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<EntryCondition>,
    /// The outcome the row grants.
    pub outcome: ListOutcome,
    /// The modal the list states (不予 / 应当 → `shall`, 可以 → `may`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modal: Option<Modal>,
    /// The 处理方式 cell (or the list's modal wording), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    /// 裁量结果: the reduced sanction, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanction: Option<String>,
    /// The coercive measure withheld, for 不予行政强制 rows, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coercive_measure_withheld: Option<String>,
    /// 实施主体, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The list's own citation of its leniency ground, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// 配套监管措施, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporting_measures: Option<String>,
    /// 基本编码, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_code: Option<String>,
    /// Cells under headers the map does not know, kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<Cell>,
    /// `false` where the published copy was cut off.
    pub complete: bool,
}

impl ListRow {
    /// The catalogue entry for this row, once reviewed: outcome, modal,
    /// conditions (with whatever tests are attached), the list's basis and
    /// the coercive measure withheld.
    ///
    /// A row that states no modal takes `default_modal` (the list title's
    /// wording: "不予处罚清单" reads as 不予, `shall`).
    ///
    /// ```
    /// use rouxing::catalogue::{Condition, Modal};
    /// use rouxing::import::{self, HeaderMap};
    ///
    /// let csv = "违法行为,适用情形,处理方式\n占道晾晒,\"1.首次违法;2.及时改正\",不予处罚\n";
    /// let mut row = import::from_csv("a.csv", csv.as_bytes(), &HeaderMap::default())?.rows.remove(0);
    /// row.conditions[0].tests.push(Condition::FirstViolation { window: None });
    /// row.conditions[1].tests.push(Condition::CorrectedPromptly);
    /// let entry = row.to_entry("A-1".parse()?, "SRC-A".parse()?, Modal::Shall);
    /// assert_eq!(entry.conditions[0].text, "1.首次违法;");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_entry(&self, id: EntryId, source: SourceId, default_modal: Modal) -> ListEntry {
        ListEntry {
            id,
            source,
            outcome: self.outcome,
            modal: self.modal.unwrap_or(default_modal),
            conditions: self.conditions.clone(),
            exclusions: Vec::new(),
            reduced_fine: None,
            reduced_fine_natural_person: None,
            coercive_measure_withheld: self.coercive_measure_withheld.clone(),
            supporting_measures: Vec::new(),
            basis: self.basis.clone(),
            effective_from: None,
            valid_until: None,
        }
    }

    /// Whether every condition has at least one machine test attached.
    pub fn reviewed(&self) -> bool {
        self.conditions.iter().all(|c| !c.tests.is_empty())
    }
}

/// What is wrong with a row or cell.
///
/// This enum is non-exhaustive so that other issues may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "issue", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueKind {
    /// A row with values but no 违法行为: unclassified.
    MissingBehaviour,
    /// No cell, section heading or default names an outcome: unclassified.
    NoOutcome,
    /// A cell names more than one outcome ("从轻或者减轻"): unclassified.
    AmbiguousOutcome,
    /// A workbook cell holds an error value (`#N/A` …); kept as text.
    CellError,
    /// A header cell the map does not know; its values are kept in
    /// [`ListRow::extra`].
    UnmappedHeader,
    /// Two header cells name the same field; the first is used, the second
    /// is kept in [`ListRow::extra`].
    DuplicateColumn {
        /// The field.
        field: Field,
    },
    /// A sheet without a header row; none of its rows were read.
    NoHeader,
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueKind::MissingBehaviour => f.write_str("the row has values but no 违法行为: unclassified"),
            IssueKind::NoOutcome => f.write_str(
                "no cell names an outcome (不予处罚, 首违不罚, 从轻, 减轻, 不予行政强制) and the header map sets no default: unclassified",
            ),
            IssueKind::AmbiguousOutcome => f.write_str(
                "the outcome is ambiguous: it names more than one of 不予处罚, 从轻, 减轻, 不予行政强制",
            ),
            IssueKind::CellError => f.write_str("the cell holds an error value; kept as text"),
            IssueKind::UnmappedHeader => {
                f.write_str("the header map does not know this header; its cells are kept as extra cells")
            }
            IssueKind::DuplicateColumn { field } => write!(
                f,
                "a second column for `{field}`; the first is used and this one is kept as extra cells"
            ),
            IssueKind::NoHeader => write!(
                f,
                "no header row naming 违法行为 in the first {HEADER_SEARCH_ROWS} rows; the sheet was not read"
            ),
        }
    }
}

/// A problem the importer reports without failing: where, and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowIssue {
    /// The file.
    pub file: String,
    /// The sheet, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The 1-based row, or 0 for a whole sheet.
    pub row: usize,
    /// The column's header text, where one cell is concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// A short prefix of the value concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong.
    pub kind: IssueKind,
}

impl fmt::Display for RowIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_location(
            f,
            &self.file,
            self.sheet.as_deref(),
            self.row,
            self.column.as_deref(),
            self.value.as_deref(),
        )?;
        write!(f, ": {}", self.kind)
    }
}

fn write_location(
    f: &mut fmt::Formatter<'_>,
    file: &str,
    sheet: Option<&str>,
    row: usize,
    column: Option<&str>,
    value: Option<&str>,
) -> fmt::Result {
    f.write_str(file)?;
    if let Some(s) = sheet {
        write!(f, " sheet `{s}`")?;
    }
    if row > 0 {
        write!(f, " row {row}")?;
    }
    if let Some(c) = column {
        write!(f, ", column `{c}`")?;
    }
    if let Some(v) = value {
        write!(f, ", value `{v}`")?;
    }
    Ok(())
}

/// A row kept with its cells because it could not be classified.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnclassifiedRow {
    /// Where the row came from.
    pub origin: Origin,
    /// Every non-empty cell, under its header.
    pub cells: Vec<Cell>,
    /// Why it is unclassified.
    pub reason: IssueKind,
}

/// What an import read, row by row: every row after a header is a
/// [`ListRow`], an [`UnclassifiedRow`], a section heading or blank.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportReport {
    /// The file.
    pub file: String,
    /// Per sheet read (one for CSV): the sheet, the header row and the
    /// columns found.
    pub sheets: Vec<SheetReport>,
    /// Rows kept because they could not be classified.
    pub unclassified: Vec<UnclassifiedRow>,
    /// Every problem found, in reading order.
    pub issues: Vec<RowIssue>,
}

/// The header found on one sheet and how its rows were read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SheetReport {
    /// The sheet name, for workbooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The 1-based header row, 0 when none was found.
    pub header_row: usize,
    /// The fields found, with the header text as published.
    pub columns: Vec<(Field, String)>,
    /// Rows read as list rows.
    pub rows: usize,
    /// Rows kept as unclassified.
    pub unclassified: usize,
    /// Section-heading rows (one value, outside the 违法行为 column).
    pub section_rows: usize,
    /// Blank rows.
    pub blank_rows: usize,
}

/// The result of an import: the rows and the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    /// The rows read, in file order.
    pub rows: Vec<ListRow>,
    /// What else was found.
    pub report: ImportReport,
}

/// The error returned when a file cannot be imported at all (not CSV or
/// not a workbook, not UTF-8, no header row).
///
/// It names the file and, where it applies, the sheet and row. Problems in
/// single cells are never errors: they are [`RowIssue`]s, which also name the
/// column and a short prefix of the value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ImportError(Box<ErrorInner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ErrorInner {
    file: String,
    sheet: Option<String>,
    row: usize,
    message: String,
}

impl ImportError {
    pub(crate) fn new(file: &str, message: impl Into<String>) -> ImportError {
        ImportError(Box::new(ErrorInner {
            file: file.to_owned(),
            sheet: None,
            row: 0,
            message: message.into(),
        }))
    }

    pub(crate) fn at(mut self, sheet: Option<&str>, row: usize) -> ImportError {
        self.0.sheet = sheet.map(str::to_owned);
        self.0.row = row;
        self
    }

    fn render(&self) -> String {
        struct L<'a>(&'a ErrorInner);
        impl fmt::Display for L<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let e = self.0;
                write_location(f, &e.file, e.sheet.as_deref(), e.row, None, None)?;
                write!(f, ": {}", e.message)
            }
        }
        L(&self.0).to_string()
    }

    /// The file name given to the importer.
    pub fn file(&self) -> &str {
        &self.0.file
    }

    /// The sheet, for workbooks.
    pub fn sheet(&self) -> Option<&str> {
        self.0.sheet.as_deref()
    }

    /// The 1-based row, or 0 for the whole file.
    pub fn row(&self) -> usize {
        self.0.row
    }

    /// The message without location.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

/// A sheet as a grid of text cells with 1-based row numbers.
pub(crate) struct Grid {
    pub(crate) sheet: Option<String>,
    pub(crate) rows: Vec<(usize, Vec<String>)>,
    /// Cells that held error values: (row, column index, text).
    pub(crate) cell_errors: Vec<(usize, usize, String)>,
}

/// Imports a list from CSV bytes (UTF-8, with or without a byte-order mark;
/// quoted cells may hold line breaks).
///
/// # Errors
///
/// Returns an error naming the file and row when the bytes are not UTF-8
/// (save the sheet as "CSV UTF-8"), a record is malformed, or no header row
/// naming 违法行为 is found in the first [`HEADER_SEARCH_ROWS`] rows. Problems
/// within rows are not errors: they are in [`Imported::report`].
///
/// ```
/// use rouxing::import::{self, HeaderMap};
///
/// let err = import::from_csv("a.csv", "名称,备注\n甲,乙\n".as_bytes(), &HeaderMap::default()).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "a.csv: no header row naming 违法行为 in the first 20 rows (header map field `behaviour`)"
/// );
/// ```
pub fn from_csv(file: &str, bytes: &[u8], map: &HeaderMap) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut n = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                n += 1;
                rows.push((n, record.iter().map(str::to_owned).collect()));
            }
            Err(e) => {
                let row = n + 1;
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { err, .. } => format!(
                        "not UTF-8 (field {}, byte {}): save the sheet as CSV UTF-8",
                        err.field() + 1,
                        err.valid_up_to()
                    ),
                    _ => format!("malformed CSV: {e}"),
                };
                return Err(ImportError::new(file, message).at(None, row));
            }
        }
    }
    let grid = Grid { sheet: None, rows, cell_errors: Vec::new() };
    let mut out =
        Imported { rows: Vec::new(), report: ImportReport { file: file.to_owned(), ..Default::default() } };
    if !read_grid(file, &grid, map, &mut out) {
        return Err(no_header(file));
    }
    Ok(out)
}

pub(crate) fn no_header(file: &str) -> ImportError {
    ImportError::new(
        file,
        format!(
            "no header row naming 违法行为 in the first {HEADER_SEARCH_ROWS} rows (header map field `behaviour`)"
        ),
    )
}

/// Reads one grid into `out`. Returns `false` when the grid has no header
/// row (the caller decides whether that is an error).
pub(crate) fn read_grid(file: &str, grid: &Grid, map: &HeaderMap, out: &mut Imported) -> bool {
    let sheet = grid.sheet.as_deref();
    let issue = |row: usize, column: Option<&str>, value: Option<&str>, kind: IssueKind| RowIssue {
        file: file.to_owned(),
        sheet: sheet.map(str::to_owned),
        row,
        column: column.map(str::to_owned),
        value: value.map(crate::ident::prefix),
        kind,
    };
    // The header row: a cell names 违法行为 and another cell another field.
    let header = grid.rows.iter().take(HEADER_SEARCH_ROWS).position(|(_, cells)| {
        let fields: Vec<Field> = cells.iter().filter_map(|c| map.field_of(c)).collect();
        fields.contains(&Field::Behaviour) && fields.iter().any(|f| *f != Field::Behaviour)
    });
    let Some(header_at) = header else {
        out.report.sheets.push(SheetReport { sheet: sheet.map(str::to_owned), ..Default::default() });
        out.report.issues.push(issue(0, None, None, IssueKind::NoHeader));
        return false;
    };
    let Some((header_row, header_cells)) = grid.rows.get(header_at) else {
        return false;
    };
    let mut sr =
        SheetReport { sheet: sheet.map(str::to_owned), header_row: *header_row, ..Default::default() };
    // Column index → field (first occurrence wins); other headers are extra.
    let mut by_col: Vec<Option<Field>> = Vec::with_capacity(header_cells.len());
    let headers: Vec<String> = header_cells.iter().map(|h| h.trim().to_owned()).collect();
    for h in &headers {
        let f = map.field_of(h);
        match f {
            Some(f) if by_col.contains(&Some(f)) => {
                out.report.issues.push(issue(
                    *header_row,
                    Some(h),
                    None,
                    IssueKind::DuplicateColumn { field: f },
                ));
                by_col.push(None);
            }
            Some(f) => {
                sr.columns.push((f, h.clone()));
                by_col.push(Some(f));
            }
            None => {
                if !h.is_empty() {
                    out.report.issues.push(issue(*header_row, Some(h), None, IssueKind::UnmappedHeader));
                }
                by_col.push(None);
            }
        }
    }
    let col_of = |f: Field| by_col.iter().position(|x| *x == Some(f));
    let header_text = |i: usize| headers.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1));
    let mut section: Option<String> = None;
    for (row, cells) in grid.rows.iter().skip(header_at + 1) {
        let row = *row;
        let values: Vec<(usize, &str)> =
            cells.iter().enumerate().map(|(i, c)| (i, c.trim())).filter(|(_, c)| !c.is_empty()).collect();
        for (r, c, text) in &grid.cell_errors {
            if *r == row {
                out.report.issues.push(issue(row, Some(&header_text(*c)), Some(text), IssueKind::CellError));
            }
        }
        let behaviour_col = col_of(Field::Behaviour);
        match values.as_slice() {
            [] => {
                sr.blank_rows += 1;
                continue;
            }
            [(i, v)] if Some(*i) != behaviour_col => {
                section = Some((*v).to_owned());
                sr.section_rows += 1;
                continue;
            }
            _ => {}
        }
        let get = |f: Field| -> Option<String> {
            col_of(f)
                .and_then(|i| cells.get(i))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
        };
        let origin = Origin { file: file.to_owned(), sheet: sheet.map(str::to_owned), row };
        let all_cells =
            || values.iter().map(|(i, v)| Cell { column: header_text(*i), value: (*v).to_owned() }).collect();
        let Some(behaviour) = get(Field::Behaviour) else {
            out.report.issues.push(issue(
                row,
                Some(&header_text(behaviour_col.unwrap_or(0))),
                None,
                IssueKind::MissingBehaviour,
            ));
            out.report.unclassified.push(UnclassifiedRow {
                origin,
                cells: all_cells(),
                reason: IssueKind::MissingBehaviour,
            });
            sr.unclassified += 1;
            continue;
        };
        let conditions_text = get(Field::Conditions);
        let row_section = get(Field::Section).or_else(|| section.clone());
        // Outcome: the 处理方式 cell, then 裁量结果, then the section heading,
        // then the map's default; the first that names one wins, one that
        // names several stops the search.
        let mut sources: Vec<(Option<usize>, String)> = Vec::new();
        if let Some(d) = get(Field::Disposition) {
            sources.push((col_of(Field::Disposition), d));
        }
        if let Some(s) = get(Field::Sanction) {
            sources.push((col_of(Field::Sanction), s));
        }
        if let Some(s) = &row_section {
            sources.push((col_of(Field::Section).filter(|_| get(Field::Section).is_some()), s.clone()));
        }
        let mut found: Option<(ListOutcome, Option<Modal>)> = None;
        let mut failure: Option<(IssueKind, Option<String>, Option<String>)> = None;
        for (field, text) in &sources {
            match classify(text) {
                Classified::One(o) => {
                    found = Some((o, modal_of(text)));
                    break;
                }
                Classified::Ambiguous => {
                    let column = field.map(header_text);
                    failure = Some((IssueKind::AmbiguousOutcome, column, Some(text.clone())));
                    break;
                }
                Classified::None => {}
            }
        }
        if found.is_none() && failure.is_none() {
            found = map.default_outcome.map(|o| (o, None));
        }
        let Some((mut outcome, modal)) = found else {
            let (kind, column, value) = failure.unwrap_or_else(|| {
                let d = col_of(Field::Disposition);
                (
                    IssueKind::NoOutcome,
                    d.map(header_text),
                    d.and_then(|i| cells.get(i)).map(|c| c.trim().to_owned()),
                )
            });
            out.report.issues.push(issue(row, column.as_deref(), value.as_deref(), kind.clone()));
            out.report.unclassified.push(UnclassifiedRow { origin, cells: all_cells(), reason: kind });
            sr.unclassified += 1;
            continue;
        };
        if outcome == ListOutcome::NoPenalty && conditions_text.as_deref().is_some_and(requires_first) {
            outcome = ListOutcome::FirstViolationNoPenalty;
        }
        let conditions = conditions_text
            .as_deref()
            .map(split_conditions)
            .unwrap_or_default()
            .into_iter()
            .map(|text| EntryCondition { text, tests: Vec::new() })
            .collect();
        let extra = values
            .iter()
            .filter(|(i, _)| by_col.get(*i).copied().flatten().is_none())
            .map(|(i, v)| Cell { column: header_text(*i), value: (*v).to_owned() })
            .collect();
        out.rows.push(ListRow {
            origin,
            seq: get(Field::Seq),
            section: row_section,
            behaviour,
            item_text: None,
            violated_provisions: get(Field::ViolatedProvision).map(|v| split_lines(&v)).unwrap_or_default(),
            penalty_provision: get(Field::PenaltyProvision),
            conditions_text,
            conditions_intro: None,
            conditions,
            outcome,
            modal,
            disposition: get(Field::Disposition),
            sanction: get(Field::Sanction),
            coercive_measure_withheld: None,
            authority: get(Field::Authority),
            basis: get(Field::Basis),
            supporting_measures: get(Field::Measures),
            item_code: get(Field::ItemCode),
            extra,
            complete: true,
        });
        sr.rows += 1;
    }
    out.report.sheets.push(sr);
    true
}

enum Classified {
    One(ListOutcome),
    Ambiguous,
    None,
}

/// Classifies an outcome text. 不予行政强制 is recognised first (its text
/// also says 不予); 首违不罚 is a no-penalty outcome of its own; 从轻 and 减轻
/// in one text ("从轻或者减轻") are ambiguous, as is a text naming 不予处罚
/// and a reduced penalty together.
fn classify(text: &str) -> Classified {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let has = |k: &str| t.contains(k);
    let coercion = has("不予行政强制")
        || has("不予实施行政强制")
        || has("不采取行政强制")
        || has("不予采取行政强制")
        || has("不实施行政强制");
    let first = has("首违不罚");
    let no_penalty = first
        || has("不予处罚")
        || has("不予行政处罚")
        || has("免予处罚")
        || has("免于处罚")
        || has("免予行政处罚")
        || has("免于行政处罚")
        || has("免罚")
        || has("不罚")
        || has("可以不予");
    let mitigate = has("减轻");
    let lighten = has("从轻");
    let found = [coercion, no_penalty && !coercion, mitigate, lighten].iter().filter(|b| **b).count();
    match found {
        0 => Classified::None,
        1 if coercion => Classified::One(ListOutcome::NoCoercion),
        1 if first => Classified::One(ListOutcome::FirstViolationNoPenalty),
        1 if no_penalty => Classified::One(ListOutcome::NoPenalty),
        1 if mitigate => Classified::One(ListOutcome::Mitigate),
        1 => Classified::One(ListOutcome::Lighten),
        _ => Classified::Ambiguous,
    }
}

/// 可以 → `may`; 应当 / 不予 / 免予 / 免于 / 首违不罚 → `shall`; else none.
fn modal_of(text: &str) -> Option<Modal> {
    if text.contains("可以") {
        Some(Modal::May)
    } else if ["应当", "不予", "免予", "免于", "首违不罚", "免罚"].iter().any(|k| text.contains(k))
    {
        Some(Modal::Shall)
    } else {
        None
    }
}

/// Whether conditions require a first violation (首次 / 初次 / 首违).
fn requires_first(conditions: &str) -> bool {
    ["首次", "初次", "首违"].iter().any(|k| conditions.contains(k))
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// Splits a 适用情形 cell into its published conditions.
///
/// Rule: a cell of several lines gives one condition per non-empty line;
/// a one-line cell is cut before each numbering marker that opens the text
/// or follows a separator (`；` `;` `。` `，` `,` or a space) — `（1）` `(1)`
/// `1.` `1、` `1．` `①` `（一）` `一、` — when there are at least two
/// markers and the first opens the text; otherwise the whole text is one
/// condition. Pieces are verbatim (trimmed), so joined they give the cell's
/// text without white space.
pub fn split_conditions(text: &str) -> Vec<String> {
    let lines = split_lines(text);
    if lines.len() > 1 {
        return lines;
    }
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts: Vec<usize> = Vec::new();
    for (k, (at, _)) in chars.iter().enumerate() {
        let after_separator = k == 0
            || chars
                .get(k - 1)
                .is_some_and(|(_, p)| matches!(p, '；' | ';' | '。' | '，' | ',' | ' ' | '　'));
        if after_separator && marker_len(chars.get(k..).unwrap_or(&[])) > 0 {
            cuts.push(*at);
        }
    }
    if cuts.len() < 2 || cuts.first() != Some(&0) {
        return vec![text.to_owned()];
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| match w {
            [a, b] => text.get(*a..*b).map(|s| s.trim().to_owned()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The length in chars of a numbering marker at the start of `s`, or 0.
fn marker_len(s: &[(usize, char)]) -> usize {
    let ch = |i: usize| s.get(i).map(|(_, c)| *c);
    let is_digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let is_cn = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九十".contains(c));
    match ch(0) {
        Some(c) if ('①'..='⑳').contains(&c) => 1,
        Some('（' | '(') => {
            let mut i = 1;
            while is_digit(ch(i)) || is_cn(ch(i)) {
                i += 1;
            }
            if i > 1 && matches!(ch(i), Some('）' | ')')) { i + 1 } else { 0 }
        }
        Some(c) if c.is_ascii_digit() => {
            let mut i = 1;
            while is_digit(ch(i)) {
                i += 1;
            }
            if matches!(ch(i), Some('.' | '、' | '．')) && !is_digit(ch(i + 1)) { i + 1 } else { 0 }
        }
        Some(_) if is_cn(ch(0)) => {
            let mut i = 1;
            while is_cn(ch(i)) {
                i += 1;
            }
            if matches!(ch(i), Some('、')) { i + 1 } else { 0 }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_map_is_valid() {
        HeaderMap::default().validate().unwrap();
    }

    #[test]
    fn splits_numbered_conditions() {
        assert_eq!(
            split_conditions("（1）属于首次违法；（2）在责令改正期限内改正违法行为，危害后果轻微。"),
            ["（1）属于首次违法；", "（2）在责令改正期限内改正违法行为，危害后果轻微。"]
        );
        assert_eq!(split_conditions("1.首次违法;2.及时改正"), ["1.首次违法;", "2.及时改正"]);
        assert_eq!(split_conditions("①首次②及时改正"), ["①首次②及时改正"]);
        assert_eq!(split_conditions("① 首次；② 及时改正"), ["① 首次；", "② 及时改正"]);
        assert_eq!(split_conditions("及时改正，没有造成危害后果"), ["及时改正，没有造成危害后果"]);
        assert_eq!(split_conditions("首次违法\n及时改正"), ["首次违法", "及时改正"]);
        // a decimal is not a marker
        assert_eq!(split_conditions("面积在1.5平方米以下"), ["面积在1.5平方米以下"]);
        assert!(split_conditions("  ").is_empty());
    }

    #[test]
    fn classifies_outcomes() {
        let one = |t: &str| match classify(t) {
            Classified::One(o) => Some(o),
            _ => None,
        };
        assert_eq!(one("不予行政处罚"), Some(ListOutcome::NoPenalty));
        assert_eq!(one("可以不予处罚"), Some(ListOutcome::NoPenalty));
        assert_eq!(one("首违不罚"), Some(ListOutcome::FirstViolationNoPenalty));
        assert_eq!(one("不予实施行政强制措施"), Some(ListOutcome::NoCoercion));
        assert_eq!(one("减轻处罚"), Some(ListOutcome::Mitigate));
        assert_eq!(one("从轻处罚"), Some(ListOutcome::Lighten));
        assert!(matches!(classify("从轻或者减轻处罚"), Classified::Ambiguous));
        assert!(matches!(classify("警告"), Classified::None));
        assert_eq!(modal_of("可以不予处罚"), Some(Modal::May));
        assert_eq!(modal_of("不予处罚"), Some(Modal::Shall));
        assert_eq!(modal_of("从轻处罚"), None);
    }

    #[test]
    fn prefix_cuts_long_values() {
        assert_eq!(crate::ident::prefix("短"), "短");
        let long = "长".repeat(40);
        assert_eq!(crate::ident::prefix(&long), format!("{}…", "长".repeat(VALUE_PREFIX_CHARS)));
    }
}
