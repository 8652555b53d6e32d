//! The column layout of the filed table, as data.

use serde::{Deserialize, Serialize};

use super::Column;
use crate::catalogue::{LoadError, line_of, parse_json};

/// The schema version of a layout file.
pub const LAYOUT_SCHEMA_VERSION: u32 = 1;

/// A group of columns under one upper header.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnGroup {
    /// The upper header, e.g. 不予处罚.
    pub header: String,
    /// The column codes ([`Column::code`]).
    pub columns: Vec<String>,
}

/// Which columns the filed table shows, grouped under two-level headers,
/// with its title and note.
///
/// The official form was not found, so the bundled layout
/// ([`ColumnLayout::proposal`]) is a documented proposal built from the
/// metrics agencies publish (see the [module documentation](super)); a
/// county that receives the official form replaces it with its own file
/// ([`ColumnLayout::from_json_named`]) without a code change.
///
/// ```json
/// {"schema_version": 1, "title": "实施行政柔性执法和“两轻一免”情况统计表", "note": "注：…",
///  "groups": [{"header": "不予处罚", "columns": ["no_penalty", "no_penalty_first_violation"]}]}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnLayout {
    /// [`LAYOUT_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The table's title.
    pub title: String,
    /// A note printed under the table.
    #[serde(default)]
    pub note: String,
    /// The groups, left to right.
    pub groups: Vec<ColumnGroup>,
}

impl ColumnLayout {
    /// The bundled proposal: every column of [`Column::all`], grouped.
    ///
    /// # Errors
    ///
    /// Never for the bundled file (a test proves it).
    pub fn proposal() -> Result<ColumnLayout, LoadError> {
        ColumnLayout::from_json_named("report/columns.json", include_str!("../../data/report/columns.json"))
    }

    /// Loads and checks a layout: every code is a column, none appears
    /// twice, no group is empty.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] naming file, line, field and value.
    ///
    /// ```
    /// use rouxing::report::ColumnLayout;
    /// let bad = r#"{"schema_version": 1, "title": "表", "groups": [{"header": "甲", "columns": ["no_penalti"]}]}"#;
    /// let err = ColumnLayout::from_json_named("cols.json", bad).unwrap_err();
    /// assert!(err.to_string().contains("unknown column `no_penalti`"));
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<ColumnLayout, LoadError> {
        let layout: ColumnLayout = parse_json(file, text)?;
        let err = |needle: &str, path: String, message: String| {
            let (line, column) = line_of(text, needle);
            LoadError::new(file, line, column, path, message)
        };
        if layout.schema_version != LAYOUT_SCHEMA_VERSION {
            return Err(err(
                "schema_version",
                "schema_version".to_owned(),
                format!("unsupported layout schema version `{}`", layout.schema_version),
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for (g, group) in layout.groups.iter().enumerate() {
            if group.columns.is_empty() {
                return Err(err(
                    &group.header,
                    format!("groups[{g}].columns"),
                    format!("group `{}` has no columns", group.header),
                ));
            }
            for (c, code) in group.columns.iter().enumerate() {
                let needle = format!("\"{code}\"");
                let path = format!("groups[{g}].columns[{c}]");
                if Column::from_code(code).is_none() {
                    let shown = crate::ident::prefix(code);
                    return Err(err(&needle, path, format!("unknown column `{shown}`")));
                }
                if seen.contains(&code.as_str()) {
                    return Err(err(&needle, path, format!("column `{code}` appears twice")));
                }
                seen.push(code);
            }
        }
        Ok(layout)
    }

    /// The columns in order, with their group index.
    pub fn columns(&self) -> Vec<(usize, Column)> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| {
                group.columns.iter().filter_map(move |c| Column::from_code(c).map(|c| (g, c)))
            })
            .collect()
    }
}

/// The lower header of a column under its group: the part after `：`
/// (`其中：首违不罚` → `首违不罚`).
#[cfg(feature = "xlsx")]
pub(crate) fn short_header(c: Column) -> String {
    let h = c.header();
    match h.rsplit_once('：') {
        Some((_, tail)) => tail.to_owned(),
        None => h,
    }
}

/// Neutralises a text cell against formula injection: a value starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`,
/// so that a spreadsheet shows it as text instead of evaluating it.
///
/// ```
/// use rouxing::report::neutralise_formula;
/// assert_eq!(neutralise_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise_formula("山丹县市场监督管理局"), "山丹县市场监督管理局");
/// ```
pub fn neutralise_formula(s: &str) -> std::borrow::Cow<'_, str> {
    if starts_formula(s) { std::borrow::Cow::Owned(format!("'{s}")) } else { std::borrow::Cow::Borrowed(s) }
}

/// Whether a text would be read as a formula by a spreadsheet.
pub(crate) fn starts_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
}
