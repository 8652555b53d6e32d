//! The JSON-level layer that rouxing's Java (JNI) and Python (PyO3) bindings
//! share.
//!
//! Each function here is a thin wrapper around the library: it loads a
//! document with the library's own loader (so the error text is the
//! loader's, naming file, line, field and value), calls the library, and
//! returns the library's wire documents (`serde_json::Value`) together with
//! the rendered Chinese explanation. No rule of law is applied here: every
//! outcome, citation and finding comes from `rouxing` itself.
//!
//! Two rules keep the bindings honest:
//!
//! * no function accepts an assessment: `review`, `audit` and `decide`
//!   recompute it from the case, its catalogue and the regime
//!   (《中华人民共和国行政处罚法》第三十八条 and 第五十八条: the reviewer judges the
//!   facts, not the officer's summary of them);
//! * a review or audit recomputes the assessment as of the decision's own
//!   date (`decided_on`), the day on which the law applied to the decision
//!   is fixed (《中华人民共和国行政处罚法》第三十七条: the law in force when the act
//!   was done, unless the new one is lighter at the time of deciding).
//!
//! ```
//! use rouxing_bindings as rb;
//! let catalogue = rb::bundled_catalogue()?;
//! let regime = rb::regime_named("national")?;
//! let text = r#"{"schema_version":1,"id":"PJ-NY-2026-0017","item":"AG-XM-66",
//!   "party":{"id":"demo-lp-0101","name":"某某生态养殖有限公司","kind":"legal_person","registered_on":"2019-05-10"},
//!   "act":{"start":"2026-08-12"},"discovered_on":"2026-08-12","gravity":"general","harm":"slight",
//!   "correction":{"status":"prompt","on":"2026-08-26"}}"#;
//! let case = rb::load_case("first-violation.json", text, &catalogue)?;
//! let d = rb::recommend_doc(&case, &regime, rb::date("2026-12-01")?);
//! assert_eq!(d["decision"]["tier"], "no_penalty");
//! # Ok::<(), rb::Error>(())
//! ```

use std::fmt;
use std::sync::{Arc, Mutex};

use rouxing::audit::{AuditConfig, DecidedCase};
use rouxing::case::CaseId;
use rouxing::record::{Checkpoint, Ed25519Signer, Ed25519Verifier, Event, KeyId};
use rouxing::report::{Column, ReportPeriod};
use rouxing::{Case, CaseFile, assess, recommend};
use serde_json::{Map, json};

pub use chrono::NaiveDate;
pub use rouxing::{Catalogue, Decision, Regime};
pub use serde_json::Value;

/// What went wrong, by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A document (catalogue, regime, case, decision, event, case file) did
    /// not load: the message is the loader's, naming file, line, field and
    /// value.
    Load,
    /// An argument was out of range (an unknown regime name, a bad date, a
    /// report period that ends before it starts, a case-file step the
    /// lifecycle forbids).
    Input,
    /// A hash-chain or signature check failed.
    Integrity,
    /// The library failed in a way it should not (a panic caught at the
    /// boundary, or a document that would not serialize).
    Internal,
}

impl ErrorKind {
    /// The stable code of the kind (`load`, `input`, `integrity`, `internal`).
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Load => "load",
            ErrorKind::Input => "input",
            ErrorKind::Integrity => "integrity",
            ErrorKind::Internal => "internal",
        }
    }
}

/// An error with its kind and the precise message of the loader or check
/// that produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The kind.
    pub kind: ErrorKind,
    /// The message, exactly as the library gives it.
    pub message: String,
}

impl Error {
    /// An error of a kind.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;

fn load(e: impl fmt::Display) -> Error {
    Error::new(ErrorKind::Load, e.to_string())
}

fn input(e: impl fmt::Display) -> Error {
    Error::new(ErrorKind::Input, e.to_string())
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    // The library's documents are plain data (strings, numbers, maps with
    // string keys): serialization cannot fail; `Null` would show it if it did.
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A case bound to the catalogue it was loaded against: the case's item
/// codes are only meaningful with that catalogue, so the two travel
/// together and the catalogue lives as long as any case loaded from it.
#[derive(Clone, Debug)]
pub struct BoundCase {
    /// The case.
    pub case: Case,
    /// The catalogue it was validated against.
    pub catalogue: Arc<Catalogue>,
}

/// The bundled sample catalogue (real published 两轻一免 list entries).
///
/// # Errors
///
/// Never in a correct build; the loader's error otherwise.
pub fn bundled_catalogue() -> Result<Arc<Catalogue>> {
    Catalogue::bundled().map(Arc::new).map_err(load)
}

/// A catalogue (两轻一免清单 and items) from JSON; `name` names the document
/// in errors.
///
/// # Errors
///
/// The loader's error: file, line, column, field and value.
pub fn load_catalogue(name: &str, text: &str) -> Result<Arc<Catalogue>> {
    Catalogue::from_json_named(name, text).map(Arc::new).map_err(load)
}

/// A built-in regime by name: `national` (the statute's defaults) or
/// `shandan` (the county sample plan).
///
/// # Errors
///
/// An unknown name.
pub fn regime_named(name: &str) -> Result<Arc<Regime>> {
    match name {
        "national" => Ok(Arc::new(Regime::national())),
        "shandan" => Ok(Arc::new(Regime::shandan_sample())),
        other => Err(input(format!("unknown regime `{}`: expected `national` or `shandan`", prefix(other)))),
    }
}

/// A regime (裁量基准 and local knobs) from JSON.
///
/// # Errors
///
/// The loader's error: file, line, column, field and value.
pub fn load_regime(name: &str, text: &str) -> Result<Arc<Regime>> {
    Regime::from_json_named(name, text).map(Arc::new).map_err(load)
}

/// A case from JSON, validated against a catalogue.
///
/// # Errors
///
/// The loader's error: file, line, column, field and value.
pub fn load_case(name: &str, text: &str, catalogue: &Arc<Catalogue>) -> Result<BoundCase> {
    Case::from_json_named(name, text, catalogue)
        .map(|case| BoundCase { case, catalogue: Arc::clone(catalogue) })
        .map_err(load)
}

/// A short prefix of a value for an error message (at most 40 characters).
fn prefix(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// A decision (处罚决定 / 不予处罚决定) from its JSON document, as `recommend`
/// writes it or as an enforcement system proposes it.
///
/// # Errors
///
/// File, line, column, field and message of the first problem.
pub fn load_decision(name: &str, text: &str) -> Result<Decision> {
    Decision::from_json_named(name, text).map_err(load)
}

/// A decision as its JSON text.
pub fn decision_json(d: &Decision) -> String {
    serde_json::to_string(d).unwrap_or_default()
}

/// A date `YYYY-MM-DD`.
///
/// # Errors
///
/// Anything else, quoted.
pub fn date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| input(format!("invalid date `{}`: expected YYYY-MM-DD", prefix(s))))
}

/// `assess`: `{"assessment": …, "explanation": "…"}` — the lawful set, the
/// grounds, duties, deadlines and trace, and the Chinese explanation with
/// every citation.
pub fn assess_doc(case: &BoundCase, regime: &Regime, as_of: NaiveDate) -> Value {
    let a = assess(&case.case, &case.catalogue, regime, as_of);
    json!({ "assessment": to_value(&a), "explanation": a.explain().to_string() })
}

/// `recommend` over a freshly computed assessment: `{"decision": …,
/// "reasons": "…"}`.
pub fn recommend_doc(case: &BoundCase, regime: &Regime, as_of: NaiveDate) -> Value {
    let a = assess(&case.case, &case.catalogue, regime, as_of);
    let d = recommend(&a, regime);
    json!({ "decision": to_value(&d), "reasons": d.reasons.to_string() })
}

/// The recommended decision itself (for batch use and tests).
pub fn recommend_decision(case: &BoundCase, regime: &Regime, as_of: NaiveDate) -> Decision {
    recommend(&assess(&case.case, &case.catalogue, regime, as_of), regime)
}

/// The legality review (法制审核, 《中华人民共和国行政处罚法》第五十八条) of a
/// decision on a case; the assessment is recomputed as of the decision's
/// `decided_on`. `{"review": …, "lawful": bool, "passes": bool, "text": "…"}`.
pub fn review_doc(case: &BoundCase, regime: &Regime, decision: &Decision) -> Value {
    let r = rouxing::guard::review(&case.case, &case.catalogue, regime, decision, None);
    json!({
        "review": to_value(&r),
        "lawful": r.is_lawful(),
        "passes": r.passes(),
        "text": r.to_string(),
    })
}

/// A broken invariant as a document: `{"invariant": "guard", "number": 11,
/// "name": "法制审核未发现违法问题", "citation": "《中华人民共和国行政处罚法》第二十八条第一款",
/// "detail": "…", "text": "违反“…”（guard，…）：…"}`; `null` for none.
fn violation_doc(v: std::result::Result<(), rouxing::invariants::Violation>) -> Value {
    match v {
        Ok(()) => Value::Null,
        Err(v) => json!({
            "invariant": v.invariant.code(),
            "number": v.invariant.number(),
            "name": v.invariant.legal_name(),
            "citation": v.citation.to_string(),
            "detail": v.detail,
            "text": v.to_string(),
        }),
    }
}

/// The decision-level invariant checkers
/// (`rouxing::invariants::check_decision`: lawful set, mandatory 不予处罚
/// duties, fine bounds, limitation, version, citations, the legality guard,
/// round trip) on a decision the caller made, recomputing the assessment
/// from the case, its catalogue and `regime` on `as_of`:
/// `{"violation": null}` or `{"violation": {…}}` (the first one found).
pub fn check_invariants_doc(
    case: &BoundCase,
    regime: &Regime,
    decision: &Decision,
    as_of: NaiveDate,
) -> Value {
    let inputs = rouxing::invariants::Inputs::new(&case.case, &case.catalogue, regime, as_of);
    json!({ "violation": violation_doc(rouxing::invariants::check_decision(&inputs, decision)) })
}

/// Batch supervision (同案同罚, repeated 首违不罚, leniency outliers,
/// safety-baseline exemptions) over cases with their decisions; each
/// assessment recomputed as of its decision's date. `{"report": …, "text": "…"}`.
pub fn audit_doc(cases: &[(BoundCase, Decision)], regime: &Regime) -> Value {
    let decided: Vec<DecidedCase> = cases
        .iter()
        .map(|(c, d)| DecidedCase::new(&c.case, &assess(&c.case, &c.catalogue, regime, d.decided_on), d))
        .collect();
    let report = rouxing::audit::audit(&decided, &AuditConfig::from_regime(regime));
    json!({ "report": to_value(&report), "text": report.to_string() })
}

/// The statistics table (统计表) of decisions over a period (both days
/// included): `{"table": …, "rows": [...], "csv": "…", "markdown": "…"}`.
///
/// `rows` has one flat object per reporting unit and a last one for the
/// total (`unit` = `合计`), keyed by the column codes, counts as integers
/// and amounts as integer 分 — ready for `pandas.DataFrame(rows)`.
///
/// # Errors
///
/// A period that ends before it starts.
pub fn tabulate_doc(decisions: &[Decision], from: NaiveDate, to: NaiveDate) -> Result<Value> {
    let period = ReportPeriod::new(from, to).map_err(input)?;
    let table = rouxing::tabulate(decisions, period);
    let columns = Column::all();
    let cell = |c: rouxing::report::Cell| match c {
        rouxing::report::Cell::Count(n) => json!(n),
        rouxing::report::Cell::Amount(m) => json!(m.fen()),
    };
    let mut rows = Vec::with_capacity(table.rows().len() + 1);
    for r in table.rows() {
        let mut o = Map::new();
        o.insert("unit_id".into(), r.unit.id.as_ref().map_or(Value::Null, |i| json!(i.as_str())));
        o.insert("unit".into(), json!(r.unit.name));
        for c in &columns {
            o.insert(c.code(), cell(r.counts.get(*c)));
        }
        rows.push(Value::Object(o));
    }
    let mut total = Map::new();
    total.insert("unit_id".into(), Value::Null);
    total.insert("unit".into(), json!("合计"));
    for c in &columns {
        total.insert(c.code(), cell(table.total().get(*c)));
    }
    rows.push(Value::Object(total));
    let table_json: Value = serde_json::from_str(&table.to_json()).unwrap_or(Value::Null);
    Ok(json!({
        "table": table_json,
        "rows": rows,
        "csv": table.to_csv(),
        "markdown": table.to_markdown(),
    }))
}

/// A case file (全过程记录) shared across threads: every call locks it.
#[derive(Debug)]
pub struct SharedCaseFile(Mutex<CaseFile>);

impl SharedCaseFile {
    /// An empty case file for a case id.
    ///
    /// # Errors
    ///
    /// An empty or malformed case id.
    pub fn new(case_id: &str) -> Result<SharedCaseFile> {
        let id: CaseId = CaseId::new(case_id).map_err(input)?;
        Ok(SharedCaseFile(Mutex::new(CaseFile::new(id))))
    }

    /// A case file from its JSON Lines export; the chain is verified and every
    /// step replayed through the lifecycle checks.
    ///
    /// # Errors
    ///
    /// The importer's error, naming the line.
    pub fn from_jsonl(text: &str) -> Result<SharedCaseFile> {
        CaseFile::from_jsonl(text).map(|f| SharedCaseFile(Mutex::new(f))).map_err(load)
    }

    fn with<T>(&self, f: impl FnOnce(&mut CaseFile) -> T) -> T {
        // A poisoned lock means a panic while appending; the file itself is
        // only changed by `append`, which either pushes a checked entry or not.
        let mut g = match self.0.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut g)
    }

    /// Appends an event given as JSON (`{"on": "YYYY-MM-DD", "stage": "…", …}`);
    /// returns the new head digest (hex).
    ///
    /// # Errors
    ///
    /// The event does not parse (file, line, field), or the lifecycle forbids
    /// the step (with the provision it breaks).
    pub fn append_json(&self, event: &str) -> Result<String> {
        let e = Event::from_json_named("event", event).map_err(load)?;
        self.with(|f| f.append(e)).map(|d| d.to_string()).map_err(input)
    }

    /// Recomputes the hash chain.
    ///
    /// # Errors
    ///
    /// The first entry where the chain breaks.
    pub fn verify(&self) -> Result<()> {
        self.with(|f| f.verify()).map_err(|e| Error::new(ErrorKind::Integrity, e.to_string()))
    }

    /// The head digest (hex).
    pub fn head(&self) -> String {
        self.with(|f| f.head().to_string())
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.with(|f| f.len())
    }

    /// Whether the file has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The JSON Lines export.
    pub fn to_jsonl(&self) -> String {
        self.with(|f| f.to_jsonl())
    }

    /// Invariants 9 and 10 for the caller's store
    /// (`rouxing::invariants::stored_case_file`): the text the store gives
    /// back for this file imports to a file with the same head and length.
    /// `{"violation": null}` or `{"violation": {…}}`.
    pub fn check_stored_doc(&self, stored: &str) -> Value {
        self.with(|f| json!({ "violation": violation_doc(rouxing::invariants::stored_case_file(f, stored)) }))
    }

    /// Invariant 10 (`rouxing::invariants::record_tamper`): every one-character
    /// change, deletion, duplication and swap of a line of the export is
    /// refused at its line. `{"violation": null}` or `{"violation": {…}}`.
    pub fn check_tamper_doc(&self) -> Value {
        self.with(|f| json!({ "violation": violation_doc(rouxing::invariants::record_tamper(f)) }))
    }

    /// A signed checkpoint of the file as it is now (JSON), for the
    /// embedding system to store or publish outside the file. The signing
    /// key is the caller's: built from `seed` for this call and dropped.
    ///
    /// # Errors
    ///
    /// The signer's failure (input).
    pub fn checkpoint_json(&self, key: &SigningKey) -> Result<String> {
        let signer = key.signer();
        self.with(|f| f.checkpoint(&signer)).map(|c| c.to_json()).map_err(input)
    }

    /// Seals the closed case (封存) on a day with the caller's key, and
    /// returns the seal's checkpoint (JSON).
    ///
    /// # Errors
    ///
    /// A case not closed or a day before its closing (input: the library's
    /// message).
    pub fn seal_json(&self, on: NaiveDate, key: &SigningKey) -> Result<String> {
        let signer = key.signer();
        self.with(|f| f.seal(on, &signer)).map(|c| c.to_json()).map_err(input)
    }

    /// Verifies everything the library can: the hash chain; no event after
    /// `as_of` (when given); the seal (封存) signature when the file is
    /// sealed and keys are given; and, when `checkpoint` (its JSON) is
    /// given, its signature and that the file extends it. Returns what was
    /// verified:
    ///
    /// ```json
    /// {"case_id": "2025-001", "events": 14, "head": "<64 hex>", "sealed": true,
    ///  "seal_verified": true, "checkpoint_events": 13}
    /// ```
    ///
    /// # Errors
    ///
    /// A checkpoint that does not load (load, naming line and field); a key
    /// that is not an Ed25519 public key, or a checkpoint without keys
    /// (input); and every failed check (integrity), the message naming it:
    /// `tail cut: …`, `rewritten: …`, `signature rejected: …`, a broken
    /// chain, an event dated after `as_of`.
    pub fn verify_with(
        &self,
        keys: &[VerifyingKey],
        checkpoint: Option<&str>,
        as_of: Option<NaiveDate>,
    ) -> Result<Value> {
        let integrity = |e: &dyn fmt::Display| Error::new(ErrorKind::Integrity, e.to_string());
        let checkpoint = checkpoint
            .map(|text| Checkpoint::from_json_named("checkpoint", text).map_err(load))
            .transpose()?;
        if checkpoint.is_some() && keys.is_empty() {
            return Err(Error::new(
                ErrorKind::Input,
                "a checkpoint is verified with a verifying key: none given",
            ));
        }
        let mut verifier = Ed25519Verifier::new();
        for k in keys {
            verifier = verifier.try_with_key(k.key_id.clone(), k.public).map_err(input)?;
        }
        self.with(|f| {
            match as_of {
                Some(day) => f.verify_at(day).map_err(|e| integrity(&e))?,
                None => f.verify().map_err(|e| integrity(&e))?,
            }
            let seal_verified = if f.is_sealed() && !keys.is_empty() {
                f.verify_seal(&verifier).map_err(|e| integrity(&e))?;
                true
            } else {
                false
            };
            if let Some(cp) = &checkpoint {
                f.verify_checkpoint(cp, &verifier).map_err(|e| integrity(&e))?;
            }
            Ok(json!({
                "case_id": f.case_id().as_str(),
                "events": f.len(),
                "head": f.head().to_string(),
                "sealed": f.is_sealed(),
                "seal_verified": seal_verified,
                "checkpoint_events": checkpoint.as_ref().map(|c| c.events),
            }))
        })
    }
}

/// An Ed25519 signing key the embedding system supplies (its key store, an
/// HSM export): a key id and the 32-byte RFC 8032 seed. The bindings never
/// generate, store or print a key; the secret lives as long as this value.
#[derive(Clone)]
pub struct SigningKey {
    key_id: KeyId,
    seed: [u8; 32],
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey").field("key_id", &self.key_id).finish_non_exhaustive()
    }
}

impl SigningKey {
    /// A signing key from its id and 32-byte seed.
    ///
    /// # Errors
    ///
    /// A key id that does not parse, or a seed that is not 32 bytes (input).
    pub fn ed25519(key_id: &str, seed: &[u8]) -> Result<SigningKey> {
        let key_id = KeyId::new(key_id).map_err(input)?;
        let seed: [u8; 32] = seed.try_into().map_err(|_| {
            Error::new(ErrorKind::Input, format!("an Ed25519 seed is 32 bytes, not {}", seed.len()))
        })?;
        Ok(SigningKey { key_id, seed })
    }

    fn signer(&self) -> Ed25519Signer {
        Ed25519Signer::from_secret_bytes(self.key_id.clone(), &self.seed)
    }

    /// The matching verifying key, to give to verifiers.
    pub fn verifying_key(&self) -> VerifyingKey {
        let public = Ed25519Signer::from_secret_bytes(self.key_id.clone(), &self.seed).public_key();
        VerifyingKey { key_id: self.key_id.clone(), public }
    }
}

/// An Ed25519 verifying (public) key with its key id: what a 司法局 or court
/// holds to check a file it cannot forge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyingKey {
    key_id: KeyId,
    public: [u8; 32],
}

impl VerifyingKey {
    /// A verifying key from its id and 32 bytes.
    ///
    /// # Errors
    ///
    /// A key id that does not parse, or a key that is not 32 bytes (input).
    pub fn ed25519(key_id: &str, public: &[u8]) -> Result<VerifyingKey> {
        let key_id = KeyId::new(key_id).map_err(input)?;
        let public: [u8; 32] = public.try_into().map_err(|_| {
            Error::new(ErrorKind::Input, format!("an Ed25519 public key is 32 bytes, not {}", public.len()))
        })?;
        Ok(VerifyingKey { key_id, public })
    }

    /// The key id.
    pub fn key_id(&self) -> &str {
        self.key_id.as_str()
    }

    /// The 32 bytes of the public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.public
    }
}

/// Loads a checkpoint (JSON) and returns it in canonical form with its
/// fields as a document, for the bindings' `Checkpoint` types.
///
/// # Errors
///
/// The loader's error, naming line and field.
pub fn load_checkpoint(name: &str, text: &str) -> Result<Value> {
    let cp = Checkpoint::from_json_named(name, text).map_err(load)?;
    Ok(to_value(&cp))
}

/// Runs `f`, turning a panic into an [`ErrorKind::Internal`] error, so that
/// no input can abort the host process (JVM or Python interpreter).
pub fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(Error::new(ErrorKind::Internal, format!("rouxing panicked: {what}")))
        }
    }
}

/// Serializes a document to compact JSON text.
pub fn to_text(v: &Value) -> String {
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: &str = include_str!("../../../examples/data/cases/first-violation.json");

    #[test]
    fn recommend_and_review_first_violation() -> Result<()> {
        let cat = bundled_catalogue()?;
        let regime = regime_named("national")?;
        let case = load_case("first-violation.json", FIRST, &cat)?;
        let as_of = date("2026-12-01")?;
        let a = assess_doc(&case, &regime, as_of);
        assert_eq!(a["assessment"]["lawful"][0]["tier"], "no_penalty");
        assert!(a["explanation"].as_str().is_some_and(|s| s.contains("第三十三条")));
        let d = recommend_decision(&case, &regime, as_of);
        let back = load_decision("d", &decision_json(&d))?;
        assert_eq!(back, d);
        let r = review_doc(&case, &regime, &d);
        assert_eq!(r["lawful"], true);
        Ok(())
    }

    #[test]
    fn errors_are_the_loaders() -> Result<()> {
        let cat = bundled_catalogue()?;
        let e = load_case("x.json", "{\"id\": 3}", &cat).err();
        assert_eq!(e.map(|e| e.kind), Some(ErrorKind::Load));
        let e = load_decision("d.json", "{\n \"case_id\": 7}").err().map(|e| e.message);
        assert_eq!(
            e.as_deref(),
            Some("d.json line 2 column 13, field `case_id`: invalid type: integer `7`, expected a string")
        );
        assert_eq!(regime_named("mars").err().map(|e| e.kind), Some(ErrorKind::Input));
        assert_eq!(
            date("2026-13-01").err().map(|e| e.message).as_deref(),
            Some("invalid date `2026-13-01`: expected YYYY-MM-DD")
        );
        Ok(())
    }

    #[test]
    fn panics_become_errors() {
        let r: Result<()> = guarded(|| {
            let v: Vec<u8> = Vec::new();
            let _ = v.get(3).map_or_else(|| std::panic::panic_any("boom"), |x| *x);
            Ok(())
        });
        assert_eq!(r.err().map(|e| e.kind), Some(ErrorKind::Internal));
    }

    #[test]
    fn table_rows_are_flat() -> Result<()> {
        let cat = bundled_catalogue()?;
        let regime = regime_named("national")?;
        let case = load_case("f", FIRST, &cat)?;
        let d = recommend_decision(&case, &regime, date("2026-12-01")?);
        let t = tabulate_doc(&[d], date("2026-01-01")?, date("2026-12-31")?)?;
        let rows = t["rows"].as_array().map(Vec::len);
        assert_eq!(rows, Some(2));
        assert_eq!(t["rows"][1]["unit"], "合计");
        assert!(tabulate_doc(&[], date("2026-12-31")?, date("2026-01-01")?).is_err());
        Ok(())
    }

    #[test]
    fn case_file_appends_and_verifies() -> Result<()> {
        let f = SharedCaseFile::new("2025-001")?;
        assert!(f.is_empty());
        let started = r#"{"on":"2025-03-02","stage":"started","origin":"inspection","party":"91620725MA7",
            "item":"EM-HC-78-3","act_on":"2025-03-01","discovered_on":"2025-03-02"}"#;
        let h1 = f.append_json(started)?;
        assert_eq!(h1.len(), 64);
        f.append_json(r#"{"on":"2025-03-03","stage":"filed","approved_by":"HEAD-1"}"#)?;
        let early = f.append_json(r#"{"on":"2025-03-04","stage":"served","method":"direct"}"#);
        assert_eq!(
            early.err().map(|e| (e.kind, e.message)),
            Some((ErrorKind::Input, "`送达` before any decision in force (Art. 61)".to_owned()))
        );
        assert_eq!(f.len(), 2);
        f.verify()?;
        let again = SharedCaseFile::from_jsonl(&f.to_jsonl())?;
        assert_eq!(again.head(), f.head());
        let cut: String = f.to_jsonl().lines().take(2).map(|l| format!("{l}\n")).collect();
        assert_eq!(SharedCaseFile::from_jsonl(&cut).err().map(|e| e.kind), Some(ErrorKind::Load));
        Ok(())
    }

    const SAMPLE: &str = include_str!("../../../schema/examples/case-file.jsonl");

    #[test]
    fn case_file_verifies_with_key_and_checkpoint() -> Result<()> {
        let key = SigningKey::ed25519("amr-2025", &[7; 32])?;
        let public = key.verifying_key();
        let f = SharedCaseFile::from_jsonl(SAMPLE)?;
        let cp = f.checkpoint_json(&key)?;
        let r = f.verify_with(std::slice::from_ref(&public), Some(&cp), date("2025-12-31").ok())?;
        assert_eq!((r["events"].as_u64(), r["checkpoint_events"].as_u64()), (Some(13), Some(13)));
        // Sealing, then verifying the seal.
        let seal = f.seal_json(date("2025-09-18")?, &key)?;
        assert_eq!(load_checkpoint("seal", &seal)?["events"], 13);
        let r = f.verify_with(std::slice::from_ref(&public), Some(&cp), None)?;
        assert_eq!((r["sealed"].as_bool(), r["seal_verified"].as_bool()), (Some(true), Some(true)));
        // A tail cut, re-closed: the chain is intact, the checkpoint names the cut.
        let cut = SharedCaseFile::new("山丹2025-00640")?;
        for line in SAMPLE.lines().skip(1).take(10) {
            let v: Value = serde_json::from_str(line).map_err(input)?;
            cut.append_json(&v["event"].to_string())?;
        }
        let e = cut.verify_with(std::slice::from_ref(&public), Some(&cp), None).err();
        assert_eq!(
            e.map(|e| (e.kind, e.message)),
            Some((
                ErrorKind::Integrity,
                "tail cut: the checkpoint covers `13` events, the file has `10`".to_owned()
            ))
        );
        // Wrong seed length and a checkpoint without keys are input errors.
        assert_eq!(SigningKey::ed25519("k", &[1; 31]).err().map(|e| e.kind), Some(ErrorKind::Input));
        assert_eq!(f.verify_with(&[], Some(&cp), None).err().map(|e| e.kind), Some(ErrorKind::Input));
        assert_eq!(f.verify_with(&[public], Some("{}"), None).err().map(|e| e.kind), Some(ErrorKind::Load));
        Ok(())
    }
}
