//! The native module of rouxing's Python package (`rouxing._rouxing`).
//!
//! A thin layer over [`rouxing_bindings`]: handles for catalogues, regimes,
//! cases and case files, and functions that return the library's JSON
//! documents as text for the pure-Python layer (`python/rouxing`) to wrap.
//! Nothing here applies a rule of law. Errors are raised as
//! `rouxing.LoadError` (a document did not load: the loader's message,
//! naming file, line, field and value), `rouxing.InputError` and
//! `rouxing.IntegrityError`, all subclasses of `rouxing.RouxingError`; a
//! panic inside Rust becomes a `RouxingError`.

use std::sync::Arc;

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use rouxing_bindings::{self as rb, BoundCase, ErrorKind, SharedCaseFile};

create_exception!(rouxing, RouxingError, PyException, "An error from rouxing (错误).");
create_exception!(
    rouxing,
    LoadError,
    RouxingError,
    "A document did not load (文书载入错误): the loader's message names file, line, column, field and value."
);
create_exception!(rouxing, InputError, RouxingError, "An argument is out of range (参数错误).");
create_exception!(
    rouxing,
    IntegrityError,
    RouxingError,
    "A case file's hash chain does not verify (全过程记录校验失败)."
);

fn py_err(e: rb::Error) -> PyErr {
    match e.kind {
        ErrorKind::Load => LoadError::new_err(e.message),
        ErrorKind::Input => InputError::new_err(e.message),
        ErrorKind::Integrity => IntegrityError::new_err(e.message),
        ErrorKind::Internal => RouxingError::new_err(e.message),
    }
}

fn call<T>(f: impl FnOnce() -> rb::Result<T>) -> PyResult<T> {
    rb::guarded(f).map_err(py_err)
}

/// 事项目录与两轻一免清单: a catalogue of items and published list entries.
/// Immutable; share it across threads.
#[pyclass(frozen, module = "rouxing")]
#[derive(Clone)]
pub struct Catalogue(Arc<rb::Catalogue>);

#[pymethods]
impl Catalogue {
    /// The bundled sample catalogue (real published 两轻一免 list entries).
    #[staticmethod]
    fn bundled() -> PyResult<Catalogue> {
        call(rb::bundled_catalogue).map(Catalogue)
    }

    /// A catalogue from its JSON document; `name` names it in errors.
    #[staticmethod]
    #[pyo3(signature = (text, name = "catalogue"))]
    fn from_json(text: &str, name: &str) -> PyResult<Catalogue> {
        call(|| rb::load_catalogue(name, text)).map(Catalogue)
    }

    fn __repr__(&self) -> String {
        "<rouxing.Catalogue>".to_owned()
    }
}

/// 裁量基准与地方规则: a jurisdiction's regime. Immutable; share it.
#[pyclass(frozen, module = "rouxing")]
#[derive(Clone)]
pub struct Regime(Arc<rb::Regime>, String);

#[pymethods]
impl Regime {
    /// The national regime (全国通用): the statute's figures and defaults.
    #[staticmethod]
    fn national() -> PyResult<Regime> {
        Regime::named("national")
    }

    /// The county sample regime (山丹县实施方案).
    #[staticmethod]
    fn shandan_sample() -> PyResult<Regime> {
        Regime::named("shandan")
    }

    /// A built-in regime by name: `national` or `shandan`.
    #[staticmethod]
    fn named(name: &str) -> PyResult<Regime> {
        call(|| rb::regime_named(name)).map(|r| Regime(r, name.to_owned()))
    }

    /// A regime from its JSON document; `name` names it in errors.
    #[staticmethod]
    #[pyo3(signature = (text, name = "regime"))]
    fn from_json(text: &str, name: &str) -> PyResult<Regime> {
        call(|| rb::load_regime(name, text)).map(|r| Regime(r, name.to_owned()))
    }

    fn __repr__(&self) -> String {
        format!("<rouxing.Regime {}>", self.1)
    }
}

/// 案件事实: the facts found in a case, validated against a catalogue.
#[pyclass(frozen, module = "rouxing")]
#[derive(Clone)]
pub struct Case(Arc<BoundCase>);

#[pymethods]
impl Case {
    /// A case from its JSON document, validated against `catalogue`.
    #[staticmethod]
    #[pyo3(signature = (text, catalogue, name = "case"))]
    fn from_json(text: &str, catalogue: &Catalogue, name: &str) -> PyResult<Case> {
        call(|| rb::load_case(name, text, &catalogue.0)).map(|c| Case(Arc::new(c)))
    }

    /// The case number (案号).
    #[getter]
    fn id(&self) -> String {
        self.0.case.id().to_string()
    }

    /// The case as its JSON document.
    fn to_json(&self) -> String {
        self.0.case.to_json()
    }

    fn __repr__(&self) -> String {
        format!("<rouxing.Case {}>", self.0.case.id())
    }
}

/// `{"assessment", "explanation"}` as JSON text.
#[pyfunction]
fn assess_json(case: &Case, regime: &Regime, as_of: &str) -> PyResult<String> {
    call(|| Ok(rb::to_text(&rb::assess_doc(&case.0, &regime.0, rb::date(as_of)?))))
}

/// Many assessments, computed with the GIL released.
#[pyfunction]
fn assess_many_json(py: Python<'_>, cases: Vec<Case>, regime: &Regime, as_of: &str) -> PyResult<Vec<String>> {
    let as_of = call(|| rb::date(as_of))?;
    let regime = Arc::clone(&regime.0);
    py.allow_threads(move || {
        call(|| Ok(cases.iter().map(|c| rb::to_text(&rb::assess_doc(&c.0, &regime, as_of))).collect()))
    })
}

/// `{"decision", "reasons"}` as JSON text.
#[pyfunction]
fn recommend_json(case: &Case, regime: &Regime, as_of: &str) -> PyResult<String> {
    call(|| Ok(rb::to_text(&rb::recommend_doc(&case.0, &regime.0, rb::date(as_of)?))))
}

/// `{"review", "lawful", "passes", "text"}` as JSON text; the assessment is
/// recomputed as of the decision's date.
#[pyfunction]
fn review_json(case: &Case, regime: &Regime, decision: &str) -> PyResult<String> {
    call(|| {
        let d = rb::load_decision("decision", decision)?;
        Ok(rb::to_text(&rb::review_doc(&case.0, &regime.0, &d)))
    })
}

/// A decision document checked by the library's reader and written back.
#[pyfunction]
#[pyo3(signature = (text, name = "decision"))]
fn check_decision(text: &str, name: &str) -> PyResult<String> {
    call(|| rb::load_decision(name, text).map(|d| rb::decision_json(&d)))
}

/// `{"report", "text"}` over cases with their decisions (paired by index).
#[pyfunction]
fn audit_json(py: Python<'_>, cases: Vec<Case>, decisions: Vec<String>, regime: &Regime) -> PyResult<String> {
    if cases.len() != decisions.len() {
        return Err(InputError::new_err(format!("{} cases but {} decisions", cases.len(), decisions.len())));
    }
    let regime = Arc::clone(&regime.0);
    py.allow_threads(move || {
        call(|| {
            let mut pairs = Vec::with_capacity(cases.len());
            for (i, (c, d)) in cases.iter().zip(&decisions).enumerate() {
                pairs.push((BoundCase::clone(&c.0), rb::load_decision(&format!("decisions[{i}]"), d)?));
            }
            Ok(rb::to_text(&rb::audit_doc(&pairs, &regime)))
        })
    })
}

/// `{"table", "rows", "csv", "markdown"}` over decisions in a period.
#[pyfunction]
fn tabulate_json(py: Python<'_>, decisions: Vec<String>, start: &str, end: &str) -> PyResult<String> {
    let (from, to) = call(|| Ok((rb::date(start)?, rb::date(end)?)))?;
    py.allow_threads(move || {
        call(|| {
            let ds = decisions
                .iter()
                .enumerate()
                .map(|(i, d)| rb::load_decision(&format!("decisions[{i}]"), d))
                .collect::<rb::Result<Vec<_>>>()?;
            Ok(rb::to_text(&rb::tabulate_doc(&ds, from, to)?))
        })
    })
}

/// 全过程记录 (《中华人民共和国行政处罚法》第四十七条): an append-only,
/// lifecycle-checked, SHA-256 hash-chained case file. Thread-safe.
#[pyclass(frozen, module = "rouxing")]
pub struct CaseFile(SharedCaseFile);

#[pymethods]
impl CaseFile {
    /// An empty case file for a case number (案号).
    #[new]
    fn new(case_id: &str) -> PyResult<CaseFile> {
        call(|| SharedCaseFile::new(case_id)).map(CaseFile)
    }

    /// Imports a JSON Lines export, verifying the chain and the lifecycle.
    #[staticmethod]
    fn from_jsonl(text: &str) -> PyResult<CaseFile> {
        call(|| SharedCaseFile::from_jsonl(text)).map(CaseFile)
    }

    /// Appends one event (a JSON object as text); returns the new
    /// head digest (64 hex digits).
    fn append(&self, event: &str) -> PyResult<String> {
        call(|| self.0.append_json(event))
    }

    /// Recomputes the hash chain; raises `IntegrityError` at the first break.
    fn verify(&self) -> PyResult<()> {
        call(|| self.0.verify())
    }

    /// The head digest (64 hex digits).
    #[getter]
    fn head(&self) -> String {
        self.0.head()
    }

    /// The JSON Lines export.
    fn to_jsonl(&self) -> String {
        self.0.to_jsonl()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }
}

/// Runs assess + recommend + JSON `n` times inside Rust and returns the
/// elapsed nanoseconds: the baseline of the per-call overhead benchmark.
#[pyfunction]
fn rust_recommend_nanos(case: &Case, regime: &Regime, as_of: &str, n: u32) -> PyResult<u128> {
    let as_of = call(|| rb::date(as_of))?;
    let start = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(rb::recommend_doc(std::hint::black_box(&case.0), &regime.0, as_of));
    }
    Ok(start.elapsed().as_nanos())
}

/// Panics inside Rust, so that the tests can prove a panic arrives as a
/// `RouxingError` and the interpreter lives on.
#[expect(clippy::panic, reason = "the deliberate panic the boundary tests catch")]
#[pyfunction]
fn panic_for_test() -> PyResult<()> {
    call(|| std::panic::panic_any("deliberate panic at the Python boundary"))
}

/// The native module.
#[pymodule]
fn _rouxing(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("RouxingError", py.get_type::<RouxingError>())?;
    m.add("LoadError", py.get_type::<LoadError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("IntegrityError", py.get_type::<IntegrityError>())?;
    m.add_class::<Catalogue>()?;
    m.add_class::<Regime>()?;
    m.add_class::<Case>()?;
    m.add_class::<CaseFile>()?;
    m.add_function(wrap_pyfunction!(assess_json, m)?)?;
    m.add_function(wrap_pyfunction!(assess_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(recommend_json, m)?)?;
    m.add_function(wrap_pyfunction!(review_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_decision, m)?)?;
    m.add_function(wrap_pyfunction!(audit_json, m)?)?;
    m.add_function(wrap_pyfunction!(tabulate_json, m)?)?;
    m.add_function(wrap_pyfunction!(rust_recommend_nanos, m)?)?;
    m.add_function(wrap_pyfunction!(panic_for_test, m)?)?;
    Ok(())
}
