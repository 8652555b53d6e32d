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
