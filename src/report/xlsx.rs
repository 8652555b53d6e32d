//! The statistics table as an Excel workbook a clerk can file (feature
//! `xlsx`).

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet};
use serde::{Deserialize, Serialize};

use super::layout::{ColumnLayout, short_header, starts_formula};
use super::{Cell, Counts, StatisticsTable};
use crate::instrument::chinese_date;

/// Who files the table, and when.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    /// 填报单位.
    pub unit: String,
    /// 填表人.
    pub preparer: String,
    /// 填表日期.
    #[serde(with = "crate::serde_date")]
    pub filled_on: NaiveDate,
}

/// The error returned when the workbook cannot be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the .xlsx workbook: {message}")]
pub struct XlsxError {
    message: String,
}

impl XlsxError {
    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError { message: e.to_string() }
    }
}

const FONT: &str = "宋体";
/// Rows before the data: title, period, unit, two header rows.
const HEAD_ROWS: u32 = 5;

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(10)
}

fn cell() -> Format {
    base().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter)
}

/// A text cell, with Excel's quote prefix where the text would otherwise
/// read as a formula. Text is always written as a string, never as a
/// formula.
fn text(ws: &mut Worksheet, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
    if starts_formula(s) {
        ws.write_string_with_format(row, col, s, &f.clone().set_quote_prefix())?;
    } else {
        ws.write_string_with_format(row, col, s, f)?;
    }
    Ok(())
}

impl StatisticsTable {
    /// The table as an `.xlsx` workbook ready to print and file: a title
    /// row, the reporting period, 填报单位, two-level headers from `layout`
    /// (group above, column below), one row per unit with its Chinese name,
    /// the 合计 row, then 填表人 and 填表日期 and the layout's note. Counts are
    /// numbers; amounts are numbers in yuan shown with two decimals
    /// (`#,##0.00`; the conversion from 分 is exact below 2⁵³ 分). The sheet
    /// prints on A4 landscape, one page wide, with the header rows
    /// repeated on every page. Text is written as strings, and a text that
    /// starts like a formula carries Excel's quote prefix, so nothing a unit
    /// name contains is ever evaluated.
    ///
    /// # Errors
    ///
    /// When the workbook cannot be written.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::report::{ColumnLayout, Filing, ReportPeriod, tabulate};
    ///
    /// let table = tabulate(&[], ReportPeriod::year(2025).ok_or("year")?);
    /// let filing = Filing { unit: "山丹县司法局".into(), preparer: "王某".into(),
    ///     filled_on: NaiveDate::from_ymd_opt(2026, 1, 10).ok_or("date")? };
    /// let bytes = table.to_xlsx(&ColumnLayout::proposal()?, &filing)?;
    /// assert!(bytes.starts_with(b"PK"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg_attr(docsrs_rouxing, doc(cfg(feature = "xlsx")))]
    pub fn to_xlsx(&self, layout: &ColumnLayout, filing: &Filing) -> Result<Vec<u8>, XlsxError> {
        let cols = layout.columns();
        let n =
            u16::try_from(cols.len()).map_err(|_| XlsxError { message: "too many columns".to_owned() })?;
        let last_col = n;
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("统计表")?;
        ws.set_landscape();
        ws.set_paper_size(9); // A4
        ws.set_print_fit_to_pages(1, 0);
        ws.set_print_center_horizontally(true);
        ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
        ws.set_repeat_rows(3, 4)?;
        ws.set_footer("&C第 &P 页，共 &N 页");

        let title = base().set_bold().set_font_size(16).set_align(FormatAlign::Center);
        let plain = base();
        let head = cell().set_bold().set_align(FormatAlign::Center).set_text_wrap();
        let count = cell().set_num_format("0");
        let amount = cell().set_num_format("#,##0.00");
        let bold_count = count.clone().set_bold();
        let bold_amount = amount.clone().set_bold();
        let name = cell();
        let bold_name = cell().set_bold();

        ws.merge_range(0, 0, 0, last_col, &layout.title, &title)?;
        ws.set_row_height(0, 30)?;
        let period =
            format!("统计期间：{}至{}", chinese_date(self.period.from), chinese_date(self.period.to));
        ws.merge_range(1, 0, 1, last_col, &period, &plain.clone().set_align(FormatAlign::Center))?;
        text(ws, 2, 0, &format!("填报单位：{}", filing.unit), &plain)?;
        text(ws, 2, last_col, "单位：件、元", &plain.clone().set_align(FormatAlign::Right))?;

        // Two-level headers.
        ws.merge_range(3, 0, 4, 0, "执法单位", &head)?;
        ws.set_column_width(0, 26)?;
        let mut col: u16 = 1;
        for (g, group) in layout.groups.iter().enumerate() {
            let width = u16::try_from(cols.iter().filter(|(i, _)| *i == g).count()).unwrap_or(0);
            if width == 0 {
                continue;
            }
            let end = col.saturating_add(width - 1);
            let only = cols.iter().find(|(i, _)| *i == g).map(|(_, c)| short_header(*c));
            if width == 1 && only.as_deref() == Some(group.header.as_str()) {
                // A group of one column of the same name spans both rows.
                ws.merge_range(3, col, 4, col, &group.header, &head)?;
            } else if width == 1 {
                text(ws, 3, col, &group.header, &head)?;
            } else {
                ws.merge_range(3, col, 3, end, &group.header, &head)?;
            }
            col = end.saturating_add(1);
        }
        for (i, (g, c)) in cols.iter().enumerate() {
            let x = u16::try_from(i + 1).unwrap_or(u16::MAX);
            let spanned = layout
                .groups
                .get(*g)
                .is_some_and(|grp| grp.columns.len() == 1 && grp.header == short_header(*c));
            if !spanned {
                text(ws, 4, x, &short_header(*c), &head)?;
            }
            ws.set_column_width(x, if c.is_amount() { 12.0 } else { 7.5 })?;
        }
        ws.set_row_height(3, 24)?;
        ws.set_row_height(4, 54)?;

        let mut row = HEAD_ROWS;
        let write_row = |ws: &mut Worksheet, row: u32, label: &str, counts: &Counts, total: bool| {
            text(ws, row, 0, label, if total { &bold_name } else { &name })?;
            for (i, (_, c)) in cols.iter().enumerate() {
                let x = u16::try_from(i + 1).unwrap_or(u16::MAX);
                match counts.get(*c) {
                    Cell::Count(v) => {
                        ws.write_number_with_format(
                            row,
                            x,
                            v as f64,
                            if total { &bold_count } else { &count },
                        )?;
                    }
                    Cell::Amount(m) => {
                        let yuan = m.fen() as f64 / 100.0;
                        ws.write_number_with_format(
                            row,
                            x,
                            yuan,
                            if total { &bold_amount } else { &amount },
                        )?;
                    }
                }
            }
            Ok::<(), XlsxError>(())
        };
        for r in &self.rows {
            write_row(ws, row, &r.unit.name, &r.counts, false)?;
            row += 1;
        }
        write_row(ws, row, "合计", &self.total, true)?;
        row += 2;
        text(ws, row, 0, &format!("填表人：{}", filing.preparer), &plain)?;
        text(ws, row, 3, &format!("填表日期：{}", chinese_date(filing.filled_on)), &plain)?;
        if !layout.note.is_empty() {
            row += 1;
            ws.merge_range(row, 0, row, last_col, &layout.note, &plain)?;
        }
        if self.outside_period > 0 {
            row += 1;
            text(
                ws,
                row,
                0,
                &format!("另有{}件决定不在统计期内，未计入本表。", self.outside_period),
                &plain,
            )?;
        }
        ws.set_freeze_panes(HEAD_ROWS, 1)?;
        Ok(wb.save_to_buffer()?)
    }
}
