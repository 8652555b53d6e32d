//! Word output of instruments (feature `docx`).

use super::{Field, Instrument};
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
        // The signature block (agency, seal, date) stands on the right, as
        // printed instruments have it.
        let right: Vec<&str> =
            [Field::AgencyName, Field::Seal, Field::Date].iter().filter_map(|f| self.element(*f)).collect();
        paras.extend(self.paragraphs.iter().map(|p| {
            if right.contains(&p.as_str()) { Para::Right(p.clone()) } else { Para::Body(p.clone()) }
        }));
        write_docx(&paras)
    }
}
