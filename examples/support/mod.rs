//! What the example programs share: reading files, the catalogue and regime
//! options, and today's date (the library itself never reads a clock).

#![allow(dead_code, reason = "each example uses a different subset")]

use chrono::NaiveDate;
use rouxing::{Catalogue, Regime};

/// Reads a file, naming it in the error.
pub fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

/// The catalogue given with `--catalogue`, or the bundled sample catalogue.
pub fn catalogue(path: Option<&str>) -> Result<Catalogue, String> {
    match path {
        Some(path) => Catalogue::from_json_named(path, &read(path)?).map_err(|e| e.to_string()),
        None => Catalogue::bundled().map_err(|e| e.to_string()),
    }
}

/// The regime named by `--regime`: `national`, `shandan` or a JSON file.
pub fn regime(arg: &str) -> Result<Regime, String> {
    match arg {
        "national" => Ok(Regime::national()),
        "shandan" => Ok(Regime::shandan_sample()),
        path => Regime::from_json_named(path, &read(path)?).map_err(|e| e.to_string()),
    }
}

/// Today in China Standard Time (UTC+8), from the system clock.
pub fn today() -> NaiveDate {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let days = i32::try_from((secs + 8 * 3600) / 86_400).unwrap_or(0);
    NaiveDate::from_num_days_from_ce_opt(719_163 + days).unwrap_or(NaiveDate::MIN)
}

/// Writes to standard output. When the reader has gone away (`| head`), the
/// program ends quietly with success instead of panicking as `print!` does.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if out.write_fmt(args).and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}

/// `print!` that ends quietly on a closed standard output.
#[allow(unused_macros, reason = "each example uses a different subset")]
macro_rules! out {
    ($($arg:tt)*) => { $crate::support::write_out(format_args!($($arg)*)) };
}

/// `println!` that ends quietly on a closed standard output.
#[allow(unused_macros, reason = "each example uses a different subset")]
macro_rules! outln {
    () => { $crate::support::write_out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::support::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

#[allow(unused_imports, reason = "each example uses a different subset")]
pub(crate) use {out, outln};

/// Where the decision date of a run came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// `--as-of` on the command line.
    Option,
    /// The case file's `decision_date`.
    CaseFile,
    /// The system clock, in China Standard Time.
    Clock,
}

impl DateSource {
    /// How the date is described to the reader.
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::Option => "命令行 --as-of 指定",
            DateSource::CaseFile => "案件文件 decision_date 字段",
            DateSource::Clock => "系统时钟（中国标准时间），案件文件未载明决定日期",
        }
    }

    /// The stable code used in JSON output.
    pub fn code(self) -> &'static str {
        match self {
            DateSource::Option => "option",
            DateSource::CaseFile => "case_file",
            DateSource::Clock => "clock",
        }
    }
}
