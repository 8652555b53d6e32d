//! The checked-in wire contract (`schema/`) matches the types.
//!
//! Regenerate after changing a wire type:
//!
//! ```text
//! ROUXING_UPDATE_SCHEMA=1 cargo test -p rouxing-server --test schema
//! ```

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers fail by panicking"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rouxing_server::schema::{documents, get, openapi};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema")
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

/// Compares `text` with the checked-in file, or writes it when asked to.
fn check(file: &str, text: &str, drifted: &mut Vec<String>) {
    let path = dir().join(file);
    if std::env::var_os("ROUXING_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(old) if old == text => {}
        _ => drifted.push(file.to_owned()),
    }
}

#[test]
fn checked_in_schemas_match_the_types() {
    let mut drifted = Vec::new();
    for d in documents() {
        check(&format!("{}.schema.json", d.name), &pretty(&d.schema()), &mut drifted);
    }
    check("openapi.json", &pretty(&openapi()), &mut drifted);
    check("README.md", &reference(), &mut drifted);
    assert!(
        drifted.is_empty(),
        "schema/ drifted from the types: {drifted:?}; regenerate with \
         ROUXING_UPDATE_SCHEMA=1 cargo test -p rouxing-server --test schema"
    );
}

#[test]
fn no_stray_schema_files() {
    let names: Vec<String> = documents().iter().map(|d| format!("{}.schema.json", d.name)).collect();
    for e in std::fs::read_dir(dir()).unwrap() {
        let f = e.unwrap().file_name().into_string().unwrap();
        if f.ends_with(".schema.json") {
            assert!(names.contains(&f), "schema/{f} is no longer generated");
        }
    }
}

#[test]
fn every_schema_is_draft_2020_12_and_closed() {
    for d in documents() {
        let s = d.schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema", "{}", d.name);
        assert_eq!(s["title"], d.legal_name);
        // No money is ever a JSON number: every amount refers to Money.
        let text = s.to_string();
        assert!(!text.contains("\"type\":\"number\""), "{} has a float", d.name);
    }
    for name in ["case", "decision", "proposal", "review_request", "case_request", "audit_request"] {
        assert_eq!(get(name).unwrap()["additionalProperties"], false, "{name} rejects unknown fields");
    }
}

#[test]
fn every_output_document_carries_schema_version() {
    for name in [
        "assessment_document",
        "decision_document",
        "review_document",
        "audit_document",
        "item_document",
        "law_document",
        "error_document",
        "statistics_table",
        "catalogue",
        "regime",
        "case",
        "case_file",
    ] {
        let s = get(name).unwrap();
        let required: Vec<&str> =
            s["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(
            required.contains(&"schema_version") || s["properties"]["schema_version"].is_object(),
            "{name} has no schema_version"
        );
    }
}

#[test]
fn no_request_accepts_an_assessment() {
    for name in ["case_request", "review_request", "audit_request", "report_request", "decided_document"] {
        let s = get(name).unwrap();
        let props = s["properties"].as_object().unwrap();
        assert!(!props.contains_key("assessment"), "{name} accepts an assessment");
    }
}

/// Rewrites `#/$defs/` references to `#/components/schemas/`.
fn to_components(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace("#/$defs/", "#/components/schemas/")),
        Value::Array(a) => Value::Array(a.iter().map(to_components).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), to_components(v))).collect()),
        other => other.clone(),
    }
}

#[test]
fn openapi_components_are_the_checked_in_definitions() {
    let api = openapi();
    assert_eq!(api["openapi"], "3.1.0");
    let components = api["components"]["schemas"].as_object().unwrap();
    for d in documents() {
        let s = d.schema();
        for (name, def) in s["$defs"].as_object().into_iter().flatten() {
            assert_eq!(components.get(name), Some(&to_components(def)), "{}: $defs/{name}", d.name);
        }
    }
    for path in ["/v1/assess", "/v1/decide", "/v1/review", "/v1/audit", "/v1/report"] {
        assert!(api["paths"][path]["post"]["requestBody"].is_object(), "{path}");
    }
    for path in ["/v1/catalogue", "/v1/catalogue/items/{code}", "/v1/regime", "/v1/law/{article}", "/healthz"]
    {
        assert!(api["paths"][path]["get"]["responses"]["200"].is_object(), "{path}");
    }
}

/// `schema/README.md`: the documents and the codes of every enum, for the
/// people who write DTOs in other languages.
fn reference() -> String {
    let mut out = String::from(include_str!("schema_readme_head.md"));
    out.push_str("\n## Documents (文书)\n\n| document | 文书 | file | what it is |\n|---|---|---|---|\n");
    for d in documents() {
        let _ = writeln!(
            out,
            "| `{}` | {} | [`{0}.schema.json`]({0}.schema.json) | {} |",
            d.name, d.legal_name, d.description
        );
    }
    let _ = writeln!(
        out,
        "| `openapi` | 接口说明 | [`openapi.json`](openapi.json) | The OpenAPI 3.1 description of the service. |"
    );

    // Every closed vocabulary (an enum of string codes) met in any schema.
    let mut enums: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for d in documents() {
        let s = d.schema();
        for (name, def) in s["$defs"].as_object().into_iter().flatten() {
            if let Some(codes) = codes(def) {
                enums.insert(name.clone(), codes);
            }
        }
    }
    out.push_str(
        "\n## Codes (代码)\n\nEvery enumeration on the wire, with its stable code and what it means.\n",
    );
    for (name, codes) in &enums {
        let _ = writeln!(out, "\n### `{name}`\n\n| code | meaning |\n|---|---|");
        for (code, desc) in codes {
            let desc = desc.replace('\n', " ").replace('|', "\\|");
            let _ = writeln!(out, "| `{code}` | {desc} |");
        }
    }
    out
}

/// The codes of a string enumeration: `oneOf` of `const`s or an `enum`.
fn codes(def: &Value) -> Option<Vec<(String, String)>> {
    if let Some(e) = def["enum"].as_array() {
        return e.iter().map(|c| c.as_str().map(|c| (c.to_owned(), String::new()))).collect();
    }
    let one = def["oneOf"].as_array()?;
    one.iter()
        .map(|v| {
            let code = v["const"].as_str()?;
            let desc = v["description"].as_str().unwrap_or("");
            let first = desc.split("\n\n").next().unwrap_or("");
            Some((code.to_owned(), first.to_owned()))
        })
        .collect()
}

// ---- the JSON shapes in rustdoc ---------------------------------------------
//
// Every document's Rust type ends its doc comment with a `# JSON` section
// whose doctest holds the document's example in a raw string bound to a
// variable named after the document (`let case_json = r#"…"#;`) and loads it, so
// that rustdoc shows the shape and the doctest keeps it loadable. Every
// enumeration of codes lists each code in its own `# JSON` section. The tests
// below find those sections in the source and fail when one is missing, when
// an example does not have the schema's fields, or when a code is not listed.

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The source file that defines `rust_type` (`rouxing::guard::proposal::Proposal`).
fn source_file(rust_type: &str) -> PathBuf {
    let mut parts: Vec<&str> = rust_type.split("::").collect();
    parts.pop();
    let krate = parts.remove(0);
    let src = match krate {
        "rouxing" => repo().join("src"),
        "rouxing_server" => repo().join("server/src"),
        other => panic!("{rust_type}: unknown crate {other}"),
    };
    if parts.is_empty() {
        return src.join("lib.rs");
    }
    let file = src.join(parts.join("/") + ".rs");
    if file.exists() { file } else { src.join(parts.join("/")).join("mod.rs") }
}

/// The doc comment of the item declared `struct {name}` or `enum {name}` in
/// `text`, without the `///` markers, or `None`.
fn doc_of(text: &str, name: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let decl = lines.iter().position(|l| {
        let t = l.trim_start();
        let t = t.strip_prefix("pub(crate) ").or_else(|| t.strip_prefix("pub ")).unwrap_or(t);
        ["struct ", "enum "].iter().any(|k| {
            t.strip_prefix(k).is_some_and(|rest| {
                rest.strip_prefix(name)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            })
        })
    })?;
    let mut i = decl;
    // Skip the attributes between the doc comment and the declaration.
    while i > 0 && !lines[i - 1].trim_start().starts_with("///") {
        let t = lines[i - 1].trim();
        if t.is_empty() || t.ends_with('}') || t.ends_with(';') {
            return None;
        }
        i -= 1;
    }
    let mut doc = Vec::new();
    while i > 0 && lines[i - 1].trim_start().starts_with("///") {
        let t = lines[i - 1].trim_start().trim_start_matches("///");
        doc.push(t.strip_prefix(' ').unwrap_or(t).to_owned());
        i -= 1;
    }
    doc.reverse();
    Some(doc)
}

/// The lines of the `# JSON` section of a doc comment.
fn json_section(doc: &[String]) -> Option<Vec<String>> {
    let start = doc.iter().position(|l| l.trim() == "# JSON")?;
    let mut fence = false;
    let mut out = Vec::new();
    for l in &doc[start + 1..] {
        if l.trim_start().starts_with("```") {
            fence = !fence;
        }
        if !fence && l.starts_with("# ") {
            break;
        }
        out.push(l.clone());
    }
    Some(out)
}

/// The raw string bound by `let {var}_json = r#"…"#;` in a section.
fn example(section: &[String], var: &str) -> Option<String> {
    let open = format!("let {var}_json = r#\"");
    let text = section.join("\n");
    let start = text.find(&open)? + open.len();
    let len = text[start..].find("\"#;")?;
    Some(text[start..start + len].to_owned())
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_document_has_a_json_example_with_its_schemas_fields() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("doc-examples");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let mut missing = Vec::new();
    for d in documents() {
        let ty = d.rust_type();
        let file = source_file(ty);
        let name = ty.rsplit("::").next().unwrap();
        let Some(doc) = doc_of(&read(&file), name) else {
            missing.push(format!("{}: no doc comment on {ty} in {}", d.name, file.display()));
            continue;
        };
        let Some(section) = json_section(&doc) else {
            missing.push(format!("{}: no `# JSON` section on {ty}", d.name));
            continue;
        };
        let Some(text) = example(&section, d.name) else {
            missing.push(format!(
                "{}: no `let {}_json = r#\"…\"#;` in the `# JSON` section of {ty}",
                d.name, d.name
            ));
            continue;
        };
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                missing.push(format!("{}: the example on {ty} is not JSON: {e}", d.name));
                continue;
            }
        };
        let s = d.schema();
        if let (Some(obj), Some(props)) = (value.as_object(), s["properties"].as_object()) {
            for r in s["required"].as_array().into_iter().flatten() {
                let r = r.as_str().unwrap();
                if !obj.contains_key(r) {
                    missing.push(format!("{}: the example on {ty} lacks the required field `{r}`", d.name));
                }
            }
            for k in obj.keys() {
                if !props.contains_key(k) {
                    missing.push(format!("{}: the example on {ty} has the unknown field `{k}`", d.name));
                }
            }
        }
        std::fs::write(out.join(format!("{}.json", d.name)), pretty(&value)).unwrap();
    }
    assert!(missing.is_empty(), "documented examples:\n{}", missing.join("\n"));
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_code_is_listed_in_its_enums_json_section() {
    let mut files = Vec::new();
    sources(&repo().join("src"), &mut files);
    sources(&repo().join("server/src"), &mut files);
    let texts: Vec<(PathBuf, String)> = files.into_iter().map(|f| (f.clone(), read(&f))).collect();
    let mut enums: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for d in documents() {
        let s = d.schema();
        for (name, def) in s["$defs"].as_object().into_iter().flatten() {
            if let Some(codes) = codes(def) {
                enums.insert(name.clone(), codes);
            }
        }
    }
    assert!(enums.len() > 50, "only {} enumerations found", enums.len());
    let mut missing = Vec::new();
    for (name, codes) in &enums {
        // Several items may share the name (in different modules): one of
        // them, the wire type, must list every code.
        let docs: Vec<(&PathBuf, Vec<String>)> =
            texts.iter().filter_map(|(f, t)| doc_of(t, name).map(|d| (f, d))).collect();
        if docs.is_empty() {
            missing.push(format!("{name}: no documented declaration"));
            continue;
        }
        let unlisted = |doc: &[String]| -> Vec<String> {
            let Some(section) = json_section(doc) else { return vec!["(no `# JSON` section)".to_owned()] };
            let text = section.join("\n");
            codes
                .iter()
                .filter(|(c, _)| !text.contains(&format!("`{c}`")))
                .map(|(c, _)| format!("`{c}`"))
                .collect()
        };
        if docs.iter().all(|(_, d)| !unlisted(d).is_empty()) {
            for (file, doc) in &docs {
                missing.push(format!(
                    "{name} ({}): not listed: {}",
                    file.display(),
                    unlisted(doc).join(", ")
                ));
            }
        }
    }
    assert!(missing.is_empty(), "enumerations in rustdoc:\n{}", missing.join("\n"));
}

#[test]
fn case_file_line_schemas_fix_the_format_and_version() {
    let h = get("case_file_header").unwrap();
    assert_eq!(h["properties"]["format"]["const"], "rouxing-case-file");
    assert_eq!(h["properties"]["schema_version"]["const"], rouxing::record::CASE_FILE_SCHEMA_VERSION);
    let c = get("case_file_closing").unwrap();
    assert_eq!(c["additionalProperties"], false);
    assert!(c["required"].as_array().unwrap().iter().any(|r| r == "head"));
}
