//! A county enforcement system's own layer over rouxing, as a downstream
//! crate would write it: its list (`data/catalogue.json`), its regime, its
//! decision wrapper and its store of case files. The tests in `tests/`
//! property-check all four with rouxing's test kit (`rouxing::strategy`,
//! `rouxing::invariants`).

use std::collections::BTreeMap;

use rouxing::case::OfficerId;
use rouxing::catalogue::LoadError;
use rouxing::invariants::Inputs;
use rouxing::record::{CaseFile, ImportError};
use rouxing::{Catalogue, Decision, Regime, assess, recommend};

/// The department's own 两轻一免 list.
///
/// # Errors
///
/// The loader's error, naming the file, line and field.
pub fn catalogue() -> Result<Catalogue, LoadError> {
    Catalogue::from_json_named("data/catalogue.json", include_str!("../data/catalogue.json"))
}

/// The county's regime: the national defaults with 从轻 as the lower 30 %
/// of the range.
pub fn regime() -> Regime {
    let mut r = Regime::national();
    r.discretion.lighter_upper_permille = 300;
    r
}

/// The system's decision: rouxing's recommendation, signed by the duty
/// officer, with the system's standard note.
pub fn decide(inputs: &Inputs<'_>) -> Decision {
    let mut d = recommend(&assess(inputs.case, inputs.catalogue, inputs.regime, inputs.as_of), inputs.regime);
    d.decided_by = "OF-DUTY".parse::<OfficerId>().ok();
    d.reasons.officer_note = Some("经审查，依法作出如下处理".to_owned());
    d
}

/// The system's store of exported case files (a table keyed by case
/// number, here in memory).
#[derive(Debug, Default)]
pub struct CaseStore {
    files: BTreeMap<String, String>,
}

impl CaseStore {
    /// Stores a case file's export.
    pub fn put(&mut self, file: &CaseFile) {
        self.files.insert(file.case_id().to_string(), file.to_jsonl());
    }

    /// The stored text of a case.
    pub fn text(&self, case_id: &str) -> Option<&str> {
        self.files.get(case_id).map(String::as_str)
    }

    /// Loads a stored case file back.
    ///
    /// # Errors
    ///
    /// rouxing's import error (its line), or `None` for an unknown case.
    pub fn get(&self, case_id: &str) -> Option<Result<CaseFile, ImportError>> {
        self.text(case_id).map(CaseFile::from_jsonl)
    }
}
