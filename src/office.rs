//! Word (`.docx`) output shared by [`instrument`](crate::instrument),
//! [`publicity`](crate::publicity) and [`report`](crate::report) (feature
//! `docx`).
//!
//! Documents are A4 portrait, 宋体 body text at 14 pt (四号) with a 黑体-style
//! bold title at 18 pt (小二), the sizes of common government document
//! practice (GB/T 9704 sets 3号仿宋 for 公文; enforcement instruments follow
//! each department's 样式, so these are a neutral choice). Where the named
//! fonts are absent, Word and LibreOffice substitute an installed CJK font.

use std::io::Cursor;

use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts};

/// The error returned when a Word document cannot be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the .docx document: {message}")]
pub struct DocxError {
    message: String,
}

impl DocxError {
    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A paragraph of a generated document.
#[derive(Clone, Debug)]
pub(crate) enum Para {
    /// The centred bold title.
    Title(String),
    /// A right-aligned line (文号, version and date).
    Right(String),
    /// A bold section heading.
    Heading(String),
    /// Body text with a two-character first-line indent.
    Body(String),
}

const BODY_HALF_POINTS: usize = 28;
const TITLE_HALF_POINTS: usize = 36;

fn run(text: &str, half_points: usize, bold: bool) -> Run {
    let fonts = RunFonts::new().east_asia("宋体").ascii("Times New Roman").hi_ansi("Times New Roman");
    let r = Run::new().add_text(text).size(half_points).fonts(fonts);
    if bold { r.bold() } else { r }
}

/// Writes paragraphs into a `.docx` file.
pub(crate) fn write_docx(paras: &[Para]) -> Result<Vec<u8>, DocxError> {
    // A4 in twentieths of a point; margins of about 2.5 cm.
    let mut doc = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(PageMargin::new().top(1_418).bottom(1_418).left(1_588).right(1_474))
        .default_fonts(RunFonts::new().east_asia("宋体"))
        .default_size(BODY_HALF_POINTS);
    for p in paras {
        let para = match p {
            Para::Title(t) => {
                Paragraph::new().add_run(run(t, TITLE_HALF_POINTS, true)).align(AlignmentType::Center)
            }
            Para::Right(t) => {
                Paragraph::new().add_run(run(t, BODY_HALF_POINTS, false)).align(AlignmentType::Right)
            }
            Para::Heading(t) => Paragraph::new().add_run(run(t, BODY_HALF_POINTS, true)),
            Para::Body(t) => Paragraph::new().add_run(run(t, BODY_HALF_POINTS, false)).indent(
                None,
                Some(docx_rs::SpecialIndentType::FirstLine(560)),
                None,
                None,
            ),
        };
        doc = doc.add_paragraph(para);
    }
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| DocxError { message: e.to_string() })?;
    Ok(buf.into_inner())
}
