//! The JNI native library of rouxing's Java binding (`org.rouxing`).
//!
//! Every exported function is a `static native` method of
//! `org.rouxing.Native`. It reads its arguments, calls
//! [`rouxing_bindings`] (which calls the library), and returns a JSON
//! document or a handle. Nothing here applies a rule of law.
//!
//! Safety of the boundary:
//!
//! * every call runs under [`rouxing_bindings::guarded`]: a panic becomes a
//!   Java `org.rouxing.RouxingException`, never an abort of the JVM;
//! * errors are thrown as `org.rouxing.LoadException` (a document did not
//!   load; the message is the loader's, naming file, line, field and
//!   value), `org.rouxing.InputException` (an argument out of range),
//!   `org.rouxing.IntegrityException` (a hash chain does not verify) or
//!   `org.rouxing.RouxingException` (internal);
//! * handles are pointers to boxed values, created here and freed here only
//!   (`*Free`); the Java side never frees a handle twice and never frees it
//!   while a call is using it (each Java handle owner holds a read lock for
//!   calls and the write lock to close).

use std::sync::Arc;

use jni::JNIEnv;
use jni::objects::{JByteArray, JClass, JLongArray, JObject, JObjectArray, JString};
use jni::sys::{jbyteArray, jint, jlong, jstring};
use rouxing_bindings::{self as rb, BoundCase, Error, ErrorKind, SharedCaseFile, SigningKey, VerifyingKey};

/// The catalogue behind a handle.
type CatalogueBox = Arc<rb::Catalogue>;

fn internal(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Internal, e.to_string())
}

/// Runs a call: a panic or an error becomes a pending Java exception and the
/// call returns `fallback`.
fn run<'l, T>(env: &mut JNIEnv<'l>, fallback: T, f: impl FnOnce(&mut JNIEnv<'l>) -> rb::Result<T>) -> T {
    match rb::guarded(|| f(env)) {
        Ok(v) => v,
        Err(e) => {
            // A Java exception already pending (e.g. from a failed JNI call)
            // is left to propagate: it is the more precise one.
            if !env.exception_check().unwrap_or(false) {
                let class = match e.kind {
                    ErrorKind::Load => "org/rouxing/LoadException",
                    ErrorKind::Input => "org/rouxing/InputException",
                    ErrorKind::Integrity => "org/rouxing/IntegrityException",
                    ErrorKind::Internal => "org/rouxing/RouxingException",
                };
                let _ = env.throw_new(class, e.message);
            }
            fallback
        }
    }
}

fn string(env: &mut JNIEnv<'_>, s: &JString<'_>, what: &str) -> rb::Result<String> {
    if s.is_null() {
        return Err(Error::new(ErrorKind::Input, format!("`{what}` is null")));
    }
    env.get_string(s).map(String::from).map_err(internal)
}

fn jstr(env: &mut JNIEnv<'_>, s: &str) -> rb::Result<jstring> {
    env.new_string(s).map(JString::into_raw).map_err(internal)
}

fn doc(env: &mut JNIEnv<'_>, v: &rb::Value) -> rb::Result<jstring> {
    jstr(env, &rb::to_text(v))
}

fn into_handle<T>(v: T) -> jlong {
    Box::into_raw(Box::new(v)) as jlong
}

/// Borrows the value behind a handle.
fn borrow<'a, T>(h: jlong, what: &str) -> rb::Result<&'a T> {
    let p = h as *const T;
    // SAFETY: `h` is 0 or a pointer made by `into_handle::<T>` for this very
    // type (each Java class passes only its own handles) and not yet freed:
    // the Java owner frees a handle only under its write lock, after every
    // call holding the read lock has returned, and sets it to 0 first.
    unsafe { p.as_ref() }.ok_or_else(|| Error::new(ErrorKind::Input, format!("{what} is closed")))
}

/// Frees the value behind a handle.
fn free<T>(h: jlong) {
    if h != 0 {
        // SAFETY: as in `borrow`; the Java owner calls `*Free` exactly once
        // per handle (guarded by a compare-and-set), after the last use.
        drop(unsafe { Box::from_raw(h as *mut T) });
    }
}

/// What a method returning a string returns after throwing.
const NULL: jstring = std::ptr::null_mut();
/// What a method returning a byte array returns after throwing.
const NULL_BYTES: jbyteArray = std::ptr::null_mut();

/// The case and regime behind two handles, and the `asOf` date argument.
fn case_regime_date<'a>(
    env: &mut JNIEnv<'_>,
    case: jlong,
    regime: jlong,
    as_of: &JString<'_>,
) -> rb::Result<(&'a BoundCase, &'a RegimeBox, rb::NaiveDate)> {
    let as_of = rb::date(&string(env, as_of, "asOf")?)?;
    Ok((borrow::<BoundCase>(case, "case")?, borrow::<RegimeBox>(regime, "regime")?, as_of))
}

/// Declares an exported `static native` method of `org.rouxing.Native`.
///
/// `fn NAME(args) -> RET, or FALLBACK, |env| BODY` expands to
/// `#[unsafe(no_mangle)] pub extern "system" fn NAME<'l>(mut env: JNIEnv<'l>,
/// _: JClass<'l>, args) -> RET` whose body is `run(&mut env, FALLBACK,
/// |env| BODY)`: `BODY` returns an `rb::Result<RET>`, and on an error or a
/// panic the call throws and returns `FALLBACK`. Without `-> RET, or
/// FALLBACK` the method returns nothing. `free NAME: T` is the `*Free(handle)`
/// method of handles made by `into_handle::<T>`.
macro_rules! native {
    (
        $(#[$meta:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty, or $fallback:expr,
        |$env:pat_param| $body:expr
    ) => {
        $(#[$meta])*
        #[unsafe(no_mangle)]
        pub extern "system" fn $name<'l>(mut env: JNIEnv<'l>, _: JClass<'l>, $($arg: $ty),*) -> $ret {
            run(&mut env, $fallback, |$env| $body)
        }
    };
    (
        $(#[$meta:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?),
        |$env:pat_param| $body:expr
    ) => {
        $(#[$meta])*
        #[unsafe(no_mangle)]
        pub extern "system" fn $name<'l>(mut env: JNIEnv<'l>, _: JClass<'l>, $($arg: $ty),*) {
            run(&mut env, (), |$env| $body);
        }
    };
    ($(#[$meta:meta])* free $name:ident: $t:ty) => {
        $(#[$meta])*
        #[unsafe(no_mangle)]
        pub extern "system" fn $name<'l>(mut env: JNIEnv<'l>, _: JClass<'l>, h: jlong) {
            run(&mut env, (), |_| {
                free::<$t>(h);
                Ok(())
            });
        }
    };
}

// ---------------------------------------------------------------------------
// Catalogue (两轻一免清单与事项目录)
// ---------------------------------------------------------------------------

native! {
    /// `Native.catalogueBundled()`: the bundled sample catalogue.
    fn Java_org_rouxing_Native_catalogueBundled() -> jlong, or 0,
    |_| rb::bundled_catalogue().map(into_handle::<CatalogueBox>)
}

native! {
    /// `Native.catalogueFromJson(name, text)`.
    fn Java_org_rouxing_Native_catalogueFromJson(name: JString<'l>, text: JString<'l>) -> jlong, or 0,
    |env| {
        let name = string(env, &name, "name")?;
        let text = string(env, &text, "text")?;
        rb::load_catalogue(&name, &text).map(into_handle::<CatalogueBox>)
    }
}

native! {
    /// `Native.catalogueFree(handle)`.
    free Java_org_rouxing_Native_catalogueFree: CatalogueBox
}

// ---------------------------------------------------------------------------
// Regime (裁量基准)
// ---------------------------------------------------------------------------

/// The regime behind a handle.
type RegimeBox = Arc<rb::Regime>;

native! {
    /// `Native.regimeNamed(name)`: `national` or `shandan`.
    fn Java_org_rouxing_Native_regimeNamed(name: JString<'l>) -> jlong, or 0,
    |env| {
        let name = string(env, &name, "name")?;
        rb::regime_named(&name).map(into_handle::<RegimeBox>)
    }
}

native! {
    /// `Native.regimeFromJson(name, text)`.
    fn Java_org_rouxing_Native_regimeFromJson(name: JString<'l>, text: JString<'l>) -> jlong, or 0,
    |env| {
        let name = string(env, &name, "name")?;
        let text = string(env, &text, "text")?;
        rb::load_regime(&name, &text).map(into_handle::<RegimeBox>)
    }
}

native! {
    /// `Native.regimeFree(handle)`.
    free Java_org_rouxing_Native_regimeFree: RegimeBox
}

// ---------------------------------------------------------------------------
// Case (案件事实)
// ---------------------------------------------------------------------------

native! {
    /// `Native.caseFromJson(name, text, catalogue)`.
    fn Java_org_rouxing_Native_caseFromJson(
        name: JString<'l>,
        text: JString<'l>,
        catalogue: jlong,
    ) -> jlong, or 0,
    |env| {
        let name = string(env, &name, "name")?;
        let text = string(env, &text, "text")?;
        let cat = borrow::<CatalogueBox>(catalogue, "catalogue")?;
        rb::load_case(&name, &text, cat).map(into_handle::<BoundCase>)
    }
}

native! {
    /// `Native.caseJson(handle)`: the case as its JSON document.
    fn Java_org_rouxing_Native_caseJson(h: jlong) -> jstring, or NULL,
    |env| {
        let c = borrow::<BoundCase>(h, "case")?;
        jstr(env, &c.case.to_json())
    }
}

native! {
    /// `Native.caseFree(handle)`.
    free Java_org_rouxing_Native_caseFree: BoundCase
}

// ---------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------

native! {
    /// `Native.assess(case, regime, asOf)`: `{"assessment", "explanation"}`.
    fn Java_org_rouxing_Native_assess(case: jlong, regime: jlong, as_of: JString<'l>) -> jstring, or NULL,
    |env| {
        let (c, r, as_of) = case_regime_date(env, case, regime, &as_of)?;
        doc(env, &rb::assess_doc(c, r, as_of))
    }
}

native! {
    /// `Native.recommend(case, regime, asOf)`: `{"decision", "reasons"}`.
    fn Java_org_rouxing_Native_recommend(case: jlong, regime: jlong, as_of: JString<'l>) -> jstring, or NULL,
    |env| {
        let (c, r, as_of) = case_regime_date(env, case, regime, &as_of)?;
        doc(env, &rb::recommend_doc(c, r, as_of))
    }
}

native! {
    /// `Native.review(case, regime, decisionJson)`: `{"review", "lawful",
    /// "passes", "text"}`, the assessment recomputed inside.
    fn Java_org_rouxing_Native_review(case: jlong, regime: jlong, decision: JString<'l>) -> jstring, or NULL,
    |env| {
        let d = rb::load_decision("decision", &string(env, &decision, "decision")?)?;
        let c = borrow::<BoundCase>(case, "case")?;
        let r = borrow::<RegimeBox>(regime, "regime")?;
        doc(env, &rb::review_doc(c, r, &d))
    }
}

native! {
    /// `Native.decisionCheck(json)`: parses a decision document and writes it
    /// back in the library's spelling.
    fn Java_org_rouxing_Native_decisionCheck(name: JString<'l>, decision: JString<'l>) -> jstring, or NULL,
    |env| {
        let name = string(env, &name, "name")?;
        let d = rb::load_decision(&name, &string(env, &decision, "decision")?)?;
        jstr(env, &rb::decision_json(&d))
    }
}

fn strings(env: &mut JNIEnv<'_>, arr: &JObjectArray<'_>, what: &str) -> rb::Result<Vec<String>> {
    if arr.is_null() {
        return Err(Error::new(ErrorKind::Input, format!("`{what}` is null")));
    }
    let n = env.get_array_length(arr).map_err(internal)?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0));
    for i in 0..n {
        let o: JObject<'_> = env.get_object_array_element(arr, i).map_err(internal)?;
        let s = JString::from(o);
        out.push(string(env, &s, what)?);
        env.delete_local_ref(s).map_err(internal)?;
    }
    Ok(out)
}

fn longs(env: &mut JNIEnv<'_>, arr: &JLongArray<'_>, what: &str) -> rb::Result<Vec<jlong>> {
    if arr.is_null() {
        return Err(Error::new(ErrorKind::Input, format!("`{what}` is null")));
    }
    let n = env.get_array_length(arr).map_err(internal)?;
    let mut out = vec![0; usize::try_from(n).unwrap_or(0)];
    env.get_long_array_region(arr, 0, &mut out).map_err(internal)?;
    Ok(out)
}

native! {
    /// `Native.audit(cases, decisions, regime)`: `{"report", "text"}` over cases
    /// with their decisions (the two arrays pair up by index).
    fn Java_org_rouxing_Native_audit(
        cases: JLongArray<'l>,
        decisions: JObjectArray<'l>,
        regime: jlong,
    ) -> jstring, or NULL,
    |env| {
        let hs = longs(env, &cases, "cases")?;
        let ds = strings(env, &decisions, "decisions")?;
        if hs.len() != ds.len() {
            return Err(Error::new(
                ErrorKind::Input,
                format!("{} cases but {} decisions", hs.len(), ds.len()),
            ));
        }
        let mut pairs = Vec::with_capacity(hs.len());
        for (i, (h, d)) in hs.iter().zip(&ds).enumerate() {
            let c = borrow::<BoundCase>(*h, "case")?;
            pairs.push((c.clone(), rb::load_decision(&format!("decisions[{i}]"), d)?));
        }
        let r = borrow::<RegimeBox>(regime, "regime")?;
        doc(env, &rb::audit_doc(&pairs, r))
    }
}

native! {
    /// `Native.tabulate(decisions, from, to)`: `{"table", "rows", "csv",
    /// "markdown"}`.
    fn Java_org_rouxing_Native_tabulate(
        decisions: JObjectArray<'l>,
        from: JString<'l>,
        to: JString<'l>,
    ) -> jstring, or NULL,
    |env| {
        let ds = strings(env, &decisions, "decisions")?;
        let from = rb::date(&string(env, &from, "from")?)?;
        let to = rb::date(&string(env, &to, "to")?)?;
        let ds = ds
            .iter()
            .enumerate()
            .map(|(i, d)| rb::load_decision(&format!("decisions[{i}]"), d))
            .collect::<rb::Result<Vec<_>>>()?;
        doc(env, &rb::tabulate_doc(&ds, from, to)?)
    }
}

// ---------------------------------------------------------------------------
// Case file (全过程记录)
// ---------------------------------------------------------------------------

native! {
    /// `Native.caseFileNew(caseId)`.
    fn Java_org_rouxing_Native_caseFileNew(id: JString<'l>) -> jlong, or 0,
    |env| SharedCaseFile::new(&string(env, &id, "caseId")?).map(into_handle)
}

native! {
    /// `Native.caseFileFromJsonl(text)`: imports and verifies.
    fn Java_org_rouxing_Native_caseFileFromJsonl(text: JString<'l>) -> jlong, or 0,
    |env| SharedCaseFile::from_jsonl(&string(env, &text, "text")?).map(into_handle)
}

native! {
    /// `Native.caseFileAppend(handle, eventJson)`: the new head digest.
    fn Java_org_rouxing_Native_caseFileAppend(h: jlong, event: JString<'l>) -> jstring, or NULL,
    |env| {
        let event = string(env, &event, "event")?;
        let head = borrow::<SharedCaseFile>(h, "case file")?.append_json(&event)?;
        jstr(env, &head)
    }
}

native! {
    /// `Native.caseFileVerify(handle)`.
    fn Java_org_rouxing_Native_caseFileVerify(h: jlong),
    |_| borrow::<SharedCaseFile>(h, "case file")?.verify()
}

native! {
    /// `Native.caseFileHead(handle)`.
    fn Java_org_rouxing_Native_caseFileHead(h: jlong) -> jstring, or NULL,
    |env| {
        let head = borrow::<SharedCaseFile>(h, "case file")?.head();
        jstr(env, &head)
    }
}

native! {
    /// `Native.caseFileLen(handle)`.
    fn Java_org_rouxing_Native_caseFileLen(h: jlong) -> jint, or 0,
    |_| {
        let n = borrow::<SharedCaseFile>(h, "case file")?.len();
        Ok(jint::try_from(n).unwrap_or(jint::MAX))
    }
}

native! {
    /// `Native.caseFileJsonl(handle)`: the JSON Lines export.
    fn Java_org_rouxing_Native_caseFileJsonl(h: jlong) -> jstring, or NULL,
    |env| {
        let text = borrow::<SharedCaseFile>(h, "case file")?.to_jsonl();
        jstr(env, &text)
    }
}

fn bytes(env: &mut JNIEnv<'_>, arr: &JByteArray<'_>, what: &str) -> rb::Result<Vec<u8>> {
    if arr.is_null() {
        return Err(Error::new(ErrorKind::Input, format!("`{what}` is null")));
    }
    env.convert_byte_array(arr).map_err(internal)
}

/// A nullable string argument.
fn opt_string(env: &mut JNIEnv<'_>, s: &JString<'_>, what: &str) -> rb::Result<Option<String>> {
    if s.is_null() { Ok(None) } else { string(env, s, what).map(Some) }
}

fn signing_key(env: &mut JNIEnv<'_>, key_id: &JString<'_>, seed: &JByteArray<'_>) -> rb::Result<SigningKey> {
    let id = string(env, key_id, "keyId")?;
    let seed = bytes(env, seed, "seed")?;
    SigningKey::ed25519(&id, &seed)
}

native! {
    /// `Native.ed25519PublicKey(keyId, seed)`: the 32-byte public key of a seed.
    fn Java_org_rouxing_Native_ed25519PublicKey(
        key_id: JString<'l>,
        seed: JByteArray<'l>,
    ) -> jbyteArray, or NULL_BYTES,
    |env| {
        let key = signing_key(env, &key_id, &seed)?;
        let public = key.verifying_key().public_key();
        env.byte_array_from_slice(&public).map(JByteArray::into_raw).map_err(internal)
    }
}

native! {
    /// `Native.checkpointLoad(text)`: the checkpoint document, or a
    /// `LoadException` naming line and field.
    fn Java_org_rouxing_Native_checkpointLoad(text: JString<'l>) -> jstring, or NULL,
    |env| {
        let text = string(env, &text, "checkpoint")?;
        let v = rb::load_checkpoint("checkpoint", &text)?;
        doc(env, &v)
    }
}

native! {
    /// `Native.caseFileCheckpoint(handle, keyId, seed)`: a signed checkpoint (JSON).
    fn Java_org_rouxing_Native_caseFileCheckpoint(
        h: jlong,
        key_id: JString<'l>,
        seed: JByteArray<'l>,
    ) -> jstring, or NULL,
    |env| {
        let key = signing_key(env, &key_id, &seed)?;
        let cp = borrow::<SharedCaseFile>(h, "case file")?.checkpoint_json(&key)?;
        jstr(env, &cp)
    }
}

native! {
    /// `Native.caseFileSeal(handle, on, keyId, seed)`: seals a closed case; the
    /// seal's checkpoint (JSON).
    fn Java_org_rouxing_Native_caseFileSeal(
        h: jlong,
        on: JString<'l>,
        key_id: JString<'l>,
        seed: JByteArray<'l>,
    ) -> jstring, or NULL,
    |env| {
        let on = rb::date(&string(env, &on, "on")?)?;
        let key = signing_key(env, &key_id, &seed)?;
        let cp = borrow::<SharedCaseFile>(h, "case file")?.seal_json(on, &key)?;
        jstr(env, &cp)
    }
}

native! {
    /// `Native.caseFileVerifyWith(handle, keyIds, publicKeys, checkpoint, asOf)`:
    /// `publicKeys` holds 32 bytes per key id; `checkpoint` and `asOf` may be
    /// null. Returns what was verified (JSON).
    fn Java_org_rouxing_Native_caseFileVerifyWith(
        h: jlong,
        key_ids: JObjectArray<'l>,
        public_keys: JByteArray<'l>,
        checkpoint: JString<'l>,
        as_of: JString<'l>,
    ) -> jstring, or NULL,
    |env| {
        let ids = strings(env, &key_ids, "keyIds")?;
        let publics = bytes(env, &public_keys, "publicKeys")?;
        if publics.len() != ids.len().saturating_mul(32) {
            return Err(Error::new(
                ErrorKind::Input,
                format!("{} key ids but {} bytes of public keys (32 per key)", ids.len(), publics.len()),
            ));
        }
        let keys = ids
            .iter()
            .zip(publics.chunks_exact(32))
            .map(|(id, public)| VerifyingKey::ed25519(id, public))
            .collect::<rb::Result<Vec<_>>>()?;
        let checkpoint = opt_string(env, &checkpoint, "checkpoint")?;
        let as_of = opt_string(env, &as_of, "asOf")?.map(|d| rb::date(&d)).transpose()?;
        let report =
            borrow::<SharedCaseFile>(h, "case file")?.verify_with(&keys, checkpoint.as_deref(), as_of)?;
        doc(env, &report)
    }
}

native! {
    /// `Native.caseFileFree(handle)`.
    free Java_org_rouxing_Native_caseFileFree: SharedCaseFile
}

// ---------------------------------------------------------------------------
// Benchmark support and boundary tests
// ---------------------------------------------------------------------------

native! {
    /// `Native.rustRecommendNanos(case, regime, asOf, n)`: runs assess +
    /// recommend `n` times inside Rust and returns the elapsed nanoseconds, the
    /// baseline the benchmark command compares the JNI call against.
    fn Java_org_rouxing_Native_rustRecommendNanos(
        case: jlong,
        regime: jlong,
        as_of: JString<'l>,
        n: jint,
    ) -> jlong, or 0,
    |env| {
        let (c, r, as_of) = case_regime_date(env, case, regime, &as_of)?;
        let start = std::time::Instant::now();
        for _ in 0..n {
            std::hint::black_box(rb::recommend_doc(std::hint::black_box(c), r, as_of));
        }
        Ok(jlong::try_from(start.elapsed().as_nanos()).unwrap_or(jlong::MAX))
    }
}

native! {
    /// `Native.panicForTest()`: panics inside Rust, so that the Java tests can
    /// prove a panic arrives as a `RouxingException` and the JVM lives on.
    #[expect(clippy::panic, reason = "the deliberate panic the boundary tests catch")]
    fn Java_org_rouxing_Native_panicForTest(),
    |_| std::panic::panic_any("deliberate panic at the JNI boundary")
}
