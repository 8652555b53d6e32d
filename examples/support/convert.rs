//! Converting generated office files to PDF and a page image, to see them
//! as a printer would: LibreOffice headless, then poppler's `pdftoppm`.
//!
//! On Debian: `apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui
//! fonts-noto-cjk poppler-utils` (without `fonts-noto-cjk` the Chinese renders
//! as boxes). When either tool is missing the conversion is skipped with a
//! note, and the office files are still written.

#![allow(dead_code, reason = "each example uses a different subset")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Converts `file` to PDF in its directory and renders the PDF's first page
/// as a PNG beside it; returns the image's path, or `None` with a note on
/// stderr when LibreOffice or pdftoppm is not installed.
pub fn to_pdf_and_png(file: &Path) -> Result<Option<PathBuf>, String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    // A private profile, so that concurrent runs do not share one.
    let profile = std::env::temp_dir().join(format!("rouxing-lo-{}", std::process::id()));
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .output();
    let output = match status {
        Ok(o) => o,
        Err(_) => {
            eprintln!("（未找到 LibreOffice（soffice），跳过 PDF 转换：{}）", file.display());
            return Ok(None);
        }
    };
    if !output.status.success() {
        return Err(format!(
            "soffice failed on {}: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let pdf = file.with_extension("pdf");
    if !pdf.exists() {
        return Err(format!("soffice wrote no PDF for {}", file.display()));
    }
    let prefix = file.with_extension("");
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .output();
    match png {
        Ok(o) if o.status.success() => Ok(Some(prefix.with_extension("png"))),
        Ok(o) => Err(format!("pdftoppm failed on {}: {}", pdf.display(), String::from_utf8_lossy(&o.stderr))),
        Err(_) => {
            eprintln!("（未找到 pdftoppm，跳过页面图像：{}）", pdf.display());
            Ok(None)
        }
    }
}

/// The number of pages of a PDF, from `pdfinfo`, if available.
pub fn pages(pdf: &Path) -> Option<u32> {
    let o = Command::new("pdfinfo").arg(pdf).output().ok()?;
    let text = String::from_utf8_lossy(&o.stdout);
    text.lines().find_map(|l| l.strip_prefix("Pages:").and_then(|n| n.trim().parse().ok()))
}
