//! The loaders' shared machinery: the [`LoadError`] every JSON loader
//! returns, the parse that names the failing field, and the helpers that
//! point an error at the line where a value occurs.
//!
//! This module sits below the data layer (`facts` → `load` → `catalogue` →
//! `case` → `regime`): catalogue, case, regime, mechanism and record loaders
//! all report through it, so a file's problem reads the same wherever it
//! is loaded. [`LoadError`] is re-exported as
//! [`catalogue::LoadError`](crate::catalogue::LoadError).

/// The error returned when a catalogue (or a case, or a regime) file cannot
/// be loaded. It names the file, the line and column, the field path and the
/// offending value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{loc}{field}: {message}",
    loc = if *line > 0 { format!(" line {line} column {column}") } else { String::new() },
    field = if path.is_empty() || path == "." { String::new() } else { format!(", field `{path}`") })]
pub struct LoadError {
    file: String,
    line: usize,
    column: usize,
    path: String,
    message: String,
}

impl LoadError {
    pub(crate) fn new(file: &str, line: usize, column: usize, path: String, message: String) -> LoadError {
        LoadError { file: file.to_owned(), line, column, path, message }
    }

    pub(crate) fn from_json(file: &str, e: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let suffix = format!(" at line {line} column {column}");
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_owned();
        }
        LoadError { file: file.to_owned(), line, column, path, message }
    }

    /// The file name given to the loader.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, or 0 when the error concerns the whole document.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, or 0.
    pub fn column(&self) -> usize {
        self.column
    }

    /// The path of the offending field, e.g. `items[3].penalty.fine`.
    pub fn field(&self) -> &str {
        &self.path
    }

    /// The message without location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    // A byte-order mark is refused by name rather than as "expected value":
    // JSON text exchanged between systems carries none (RFC 8259 §8.1).
    if text.starts_with('\u{FEFF}') {
        return Err(LoadError::new(
            file,
            1,
            1,
            String::new(),
            "the document starts with a byte-order mark (U+FEFF): save it as UTF-8 without BOM (RFC 8259 §8.1)"
                .to_owned(),
        ));
    }
    // The fast path parses without tracking the field path; only a failing
    // document is parsed again with tracking, to name the field.
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| LoadError::from_json(file, e))?;
    de.end().map_err(|e| {
        LoadError::new(
            file,
            e.line(),
            e.column(),
            String::new(),
            "trailing characters after the document".to_owned(),
        )
    })?;
    Ok(value)
}

/// The 1-based line and column of the first occurrence of `needle` in
/// `text`, or `(0, 0)`.
pub(crate) fn line_of(text: &str, needle: &str) -> (usize, usize) {
    line_of_nth(text, needle, 0)
}

/// The 1-based line and column of a byte offset of `text`.
pub(crate) fn line_col_at(text: &str, pos: usize) -> (usize, usize) {
    let before = text.get(..pos).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count() + 1).unwrap_or(1);
    (line, col)
}

/// The 1-based line and column of the `n`-th (0-based) occurrence of
/// `needle` in `text`, or `(0, 0)`.
pub(crate) fn line_of_nth(text: &str, needle: &str, n: usize) -> (usize, usize) {
    match text.match_indices(needle).nth(n).map(|(i, _)| i) {
        Some(pos) => line_col_at(text, pos),
        None => (0, 0),
    }
}
