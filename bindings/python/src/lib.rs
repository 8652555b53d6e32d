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
use rouxing_bindings::{SigningKey as CoreSigningKey, VerifyingKey as CoreVerifyingKey};

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

/// `{"violation"}` as JSON text: the decision-level invariant checkers on a
/// decision, the assessment recomputed on `as_of`.
#[pyfunction]
fn check_invariants_json(case: &Case, regime: &Regime, decision: &str, as_of: &str) -> PyResult<String> {
    call(|| {
        let d = rb::load_decision("decision", decision)?;
        Ok(rb::to_text(&rb::check_invariants_doc(&case.0, &regime.0, &d, rb::date(as_of)?)))
    })
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

    /// Verifies the file (校验案卷). Without arguments: the hash chain.
    /// With `key` (a `VerifyingKey`, or a list of them after a key
    /// rotation): also the seal (封存) when the file is sealed. With
    /// `checkpoint` (a `Checkpoint` kept outside the file; needs `key`):
    /// its signature and that the file extends it. With `as_of`
    /// (`YYYY-MM-DD`): no event dated after it. Returns what was verified
    /// as a dict (`case_id`, `events`, `head`, `sealed`, `seal_verified`,
    /// `checkpoint_events`); raises `IntegrityError` naming what fails —
    /// `tail cut: …`, `rewritten: …`, `signature rejected: …`, a broken
    /// chain.
    #[pyo3(signature = (key = None, checkpoint = None, as_of = None))]
    fn verify<'py>(
        &self,
        py: Python<'py>,
        key: Option<&Bound<'py, PyAny>>,
        checkpoint: Option<&Checkpoint>,
        as_of: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let keys: Vec<CoreVerifyingKey> = match key {
            None => Vec::new(),
            Some(k) => match k.extract::<VerifyingKey>() {
                Ok(one) => vec![one.0],
                Err(_) => k.extract::<Vec<VerifyingKey>>()?.into_iter().map(|k| k.0).collect(),
            },
        };
        let report = call(|| {
            let as_of = as_of.map(rb::date).transpose()?;
            self.0.verify_with(&keys, checkpoint.map(|c| c.json.as_str()), as_of).map(|v| rb::to_text(&v))
        })?;
        py.import("json")?.call_method1("loads", (report,))
    }

    /// A signed checkpoint (检查点) of the file as it is now, to store or
    /// publish outside the file.
    fn checkpoint(&self, key: &SigningKey) -> PyResult<Checkpoint> {
        let text = call(|| self.0.checkpoint_json(&key.0))?;
        Checkpoint::from_json(&text)
    }

    /// Seals the closed case (封存) on `on` (`YYYY-MM-DD`); returns the
    /// seal's checkpoint.
    fn seal(&self, on: &str, key: &SigningKey) -> PyResult<Checkpoint> {
        let text = call(|| self.0.seal_json(rb::date(on)?, &key.0))?;
        Checkpoint::from_json(&text)
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

    /// Invariants 9 and 10 for the caller's store of case files: `stored`,
    /// the text the store gives back for this file, imports to a file with
    /// the same head and length. `None`, or the violation as a dict
    /// (`invariant`, `number`, `name`, `citation`, `detail`, `text`).
    fn check_stored<'py>(&self, py: Python<'py>, stored: &str) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.0.check_stored_doc(stored);
        py.import("json")?
            .call_method1("loads", (doc.get("violation").map_or_else(|| "null".to_owned(), rb::to_text),))
    }

    /// Invariant 10: every one-character change, deletion, duplication and
    /// swap of a line of the export is refused at its line. `None`, or the
    /// violation as a dict.
    fn check_tamper<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let doc = self.0.check_tamper_doc();
        py.import("json")?
            .call_method1("loads", (doc.get("violation").map_or_else(|| "null".to_owned(), rb::to_text),))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }
}

/// 签章密钥: an Ed25519 signing key the embedding system supplies — a key id
/// and the 32-byte seed (RFC 8032) from its key store. rouxing never
/// generates, stores or prints a key; `repr` shows the key id only.
#[pyclass(frozen, module = "rouxing")]
pub struct SigningKey(CoreSigningKey);

#[pymethods]
impl SigningKey {
    /// A signing key from its id and 32-byte seed.
    #[new]
    fn new(key_id: &str, seed: &[u8]) -> PyResult<SigningKey> {
        call(|| CoreSigningKey::ed25519(key_id, seed)).map(SigningKey)
    }

    /// The matching verifying key, to give to verifiers.
    fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.0.verifying_key())
    }

    fn __repr__(&self) -> String {
        format!("SigningKey({:?})", self.0.verifying_key().key_id())
    }
}

/// 验签公钥: an Ed25519 verifying (public) key with its key id — what a
/// 司法局 or court holds to check a file it cannot forge.
#[pyclass(frozen, module = "rouxing")]
#[derive(Clone)]
pub struct VerifyingKey(CoreVerifyingKey);

#[pymethods]
impl VerifyingKey {
    /// A verifying key from its id and the 32 bytes of the public key.
    #[new]
    fn new(key_id: &str, public_key: &[u8]) -> PyResult<VerifyingKey> {
        call(|| CoreVerifyingKey::ed25519(key_id, public_key)).map(VerifyingKey)
    }

    /// A verifying key from its id and 64 hexadecimal digits (the form
    /// `rouxing record verify --key <key id>:<hex>` takes).
    #[staticmethod]
    fn from_hex(key_id: &str, hex: &str) -> PyResult<VerifyingKey> {
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .filter(|b| b.bytes().all(|c| c.is_ascii_hexdigit()))
                    .and_then(|b| u8::from_str_radix(b, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(|| InputError::new_err(format!("key `{key_id}`: not hexadecimal")))?;
        VerifyingKey::new(key_id, &bytes)
    }

    /// The key id.
    #[getter]
    fn key_id(&self) -> String {
        self.0.key_id().to_owned()
    }

    /// The 32 bytes of the public key.
    #[getter]
    fn public_key(&self) -> Vec<u8> {
        self.0.public_key().to_vec()
    }

    /// The public key as 64 lowercase hexadecimal digits.
    fn hex(&self) -> String {
        self.0.public_key().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn __eq__(&self, other: &VerifyingKey) -> bool {
        self.0 == other.0
    }

    fn __repr__(&self) -> String {
        format!("VerifyingKey({:?}, {})", self.0.key_id(), self.hex())
    }
}

/// 检查点: a signed statement "case `case_id`, after `events` events, has
/// head `head`", kept outside the case file; `CaseFile.verify(key,
/// checkpoint)` proves a file extends it.
#[pyclass(frozen, module = "rouxing")]
#[derive(Clone)]
pub struct Checkpoint {
    json: String,
    #[pyo3(get)]
    case_id: String,
    #[pyo3(get)]
    events: u64,
    #[pyo3(get)]
    head: String,
    #[pyo3(get)]
    algorithm: String,
    #[pyo3(get)]
    key_id: String,
    #[pyo3(get)]
    signature: String,
}

#[pymethods]
impl Checkpoint {
    /// Loads a checkpoint from its JSON form; raises `LoadError` naming
    /// line and field.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Checkpoint> {
        let v = call(|| rb::load_checkpoint("checkpoint", text))?;
        let field = |k: &str| v.get(k).and_then(rb::Value::as_str).unwrap_or_default().to_owned();
        Ok(Checkpoint {
            json: rb::to_text(&v),
            case_id: field("case_id"),
            events: v.get("events").and_then(rb::Value::as_u64).unwrap_or_default(),
            head: field("head"),
            algorithm: field("algorithm"),
            key_id: field("key_id"),
            signature: field("signature"),
        })
    }

    /// The JSON form, to store or publish.
    fn to_json(&self) -> String {
        self.json.clone()
    }

    fn __eq__(&self, other: &Checkpoint) -> bool {
        self.json == other.json
    }

    fn __repr__(&self) -> String {
        format!(
            "Checkpoint(case_id={:?}, events={}, head={:?}, key_id={:?})",
            self.case_id, self.events, self.head, self.key_id
        )
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
    m.add_class::<SigningKey>()?;
    m.add_class::<VerifyingKey>()?;
    m.add_class::<Checkpoint>()?;
    m.add_function(wrap_pyfunction!(assess_json, m)?)?;
    m.add_function(wrap_pyfunction!(assess_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(recommend_json, m)?)?;
    m.add_function(wrap_pyfunction!(review_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_decision, m)?)?;
    m.add_function(wrap_pyfunction!(check_invariants_json, m)?)?;
    m.add_function(wrap_pyfunction!(audit_json, m)?)?;
    m.add_function(wrap_pyfunction!(tabulate_json, m)?)?;
    m.add_function(wrap_pyfunction!(rust_recommend_nanos, m)?)?;
    m.add_function(wrap_pyfunction!(panic_for_test, m)?)?;
    Ok(())
}
