//! `.xlsx` import through calamine (feature `import-xlsx`).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::{Grid, HeaderMap, ImportError, ImportReport, Imported, no_header, read_grid};

/// Imports a list from the bytes of an `.xlsx` workbook.
///
/// Every sheet is read in workbook order, each with its own header row
/// (found as for [`from_csv`](super::from_csv)); a sheet without one is
/// reported ([`IssueKind::NoHeader`](super::IssueKind::NoHeader)) and
/// skipped. Numbers are read as the text Excel would show without
/// formatting (`1`, not `1.0`); merged cells hold their value in the first
/// cell, so a merged section heading is a one-value row; error cells
/// (`#N/A` …) are kept as their text and reported.
///
/// # Errors
///
/// Returns an error naming the file (and sheet) when the bytes are not an
/// `.xlsx` workbook, a sheet cannot be read, or no sheet has a header row.
///
/// ```
/// use rouxing::import::{self, HeaderMap};
///
/// let err = import::from_xlsx("清单.xlsx", b"not a workbook", &HeaderMap::default()).unwrap_err();
/// assert!(err.to_string().starts_with("清单.xlsx: not an .xlsx workbook: "), "{err}");
/// ```
pub fn from_xlsx(file: &str, bytes: &[u8], map: &HeaderMap) -> Result<Imported, ImportError> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ImportError::new(file, format!("not an .xlsx workbook: {e}")))?;
    let mut out =
        Imported { rows: Vec::new(), report: ImportReport { file: file.to_owned(), ..Default::default() } };
    let mut any = false;
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| ImportError::new(file, format!("sheet cannot be read: {e}")).at(Some(&name), 0))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let lead = usize::try_from(col0).unwrap_or(0);
        let mut grid = Grid { sheet: Some(name.clone()), rows: Vec::new(), cell_errors: Vec::new() };
        for (k, cells) in range.rows().enumerate() {
            let row = usize::try_from(row0).unwrap_or(0) + k + 1;
            let mut texts: Vec<String> = vec![String::new(); lead];
            for (j, c) in cells.iter().enumerate() {
                if let Data::Error(e) = c {
                    grid.cell_errors.push((row, lead + j, e.to_string()));
                }
                texts.push(c.to_string());
            }
            grid.rows.push((row, texts));
        }
        any |= read_grid(file, &grid, map, &mut out);
    }
    if !any {
        return Err(no_header(file));
    }
    Ok(out)
}
