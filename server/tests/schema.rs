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
