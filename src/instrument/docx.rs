//! Word output of instruments (feature `docx`).

use super::Instrument;
use crate::office::{DocxError, Para, write_docx};

impl Instrument {
    /// The instrument as a Word document (`.docx`): the title centred in
    /// bold, the 文号 right-aligned, then the paragraphs, in a CJK serif
    /// font (宋体, which LibreOffice and Word substitute where absent).
    ///
    /// # Errors
    ///
    /// When the document cannot be packed.
    pub fn to_docx(&self) -> Result<Vec<u8>, DocxError> {
        let mut paras = vec![Para::Title(self.title.clone()), Para::Right(self.number.clone())];
        paras.extend(self.paragraphs.iter().map(|p| Para::Body(p.clone())));
        write_docx(&paras)
    }
}
