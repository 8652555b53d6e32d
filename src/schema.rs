//! JSON Schemas (draft 2020-12) of the wire documents (接口文书的 JSON Schema),
//! generated from the types with `schemars` (feature `schema`).
//!
//! Each schema follows the type's serde attributes, so it describes exactly
//! what the loaders accept and what the types write: unknown fields are
//! rejected (`"additionalProperties": false`), enums list their stable
//! snake_case codes, dates are `YYYY-MM-DD` strings, and money is a decimal
//! string of yuan (`"1500.00"`, see [`money`](crate::money)), never a float.
//! The checked-in copies are under `schema/` in the repository; a test fails
//! when they drift from the types.
//!
//! ```
//! use rouxing::schema;
//!
//! let case = schema::schema("case").ok_or("no schema")?;
//! assert_eq!(case["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(case["additionalProperties"], false);
//! assert!(schema::documents().iter().any(|d| d.name == "decision"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::report::Column;

/// A wire document: its stable name, its Chinese legal name and its schema.
#[derive(Clone, Copy, Debug)]
pub struct Document {
    /// The stable name (`case`, `decision` …), also the schema's file name
    /// under `schema/` (`case.schema.json`).
    pub name: &'static str,
    /// The Chinese legal name (案件事实, 处理决定 …).
    pub legal_name: &'static str,
    /// What the document is.
    pub description: &'static str,
    schema: fn(&mut SchemaGenerator, bool) -> Schema,
    rust_type: fn() -> &'static str,
}

impl Document {
    /// The document's schema, as a root schema with its `$defs`.
    pub fn schema(&self) -> serde_json::Value {
        let mut g = generator();
        let s = (self.schema)(&mut g, true);
        finish(self.name, self.legal_name, s, &mut g)
    }

    /// The document's schema generated into `g`: a reference to its
    /// definition, which `g` collects with every type it refers to (for an
    /// OpenAPI `components` section).
    pub fn subschema(&self, g: &mut SchemaGenerator) -> Schema {
        (self.schema)(g, false)
    }

    /// The path of the Rust type the document is (`rouxing::case::Case`):
    /// its doc comment shows the document's JSON shape with an example.
    pub fn rust_type(&self) -> &'static str {
        (self.rust_type)()
    }
}

/// The root schema of `T` as the document `name`: `$schema` (draft
/// 2020-12), an `$id` under `schema/`, a title and the `$defs`.
pub fn root<T: JsonSchema>(name: &str, legal_name: &str) -> serde_json::Value {
    let mut g = generator();
    let s = g.root_schema_for::<T>();
    finish(name, legal_name, s, &mut g)
}

fn finish(name: &str, legal_name: &str, mut s: Schema, g: &mut SchemaGenerator) -> serde_json::Value {
    let defs = g.take_definitions(true);
    let obj = s.ensure_object();
    obj.remove("$schema");
    let mut out = serde_json::Map::new();
    out.insert("$schema".to_owned(), "https://json-schema.org/draft/2020-12/schema".into());
    out.insert("$id".to_owned(), format!("https://rouxing.invalid/schema/{name}.schema.json").into());
    out.insert("title".to_owned(), legal_name.into());
    for (k, v) in std::mem::take(obj) {
        if k != "title" {
            out.insert(k, v);
        }
    }
    if !defs.is_empty() {
        out.insert("$defs".to_owned(), serde_json::Value::Object(defs));
    }
    serde_json::Value::Object(out)
}

/// A schema generator with the settings of every rouxing schema: JSON
/// Schema draft 2020-12, definitions under `$defs`.
pub fn generator() -> SchemaGenerator {
    schemars::generate::SchemaSettings::draft2020_12().with_transform(DropDocExamples).into_generator()
}

/// Cuts the `# JSON` section (the example and its doctest) off every
/// description taken from a doc comment: the schema states the shape itself,
/// and its descriptions stay prose.
#[derive(Clone, Copy, Debug, Default)]
pub struct DropDocExamples;

impl schemars::transform::Transform for DropDocExamples {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(obj) = schema.as_object_mut() {
            let cut = match obj.get_mut("description") {
                Some(serde_json::Value::String(d)) if d.starts_with("# JSON\n") => true,
                Some(serde_json::Value::String(d)) => {
                    if let Some(i) = d.find("\n\n# JSON\n") {
                        d.truncate(i);
                    }
                    false
                }
                _ => false,
            };
            if cut {
                obj.remove("description");
            }
        }
        schemars::transform::transform_subschemas(self, schema);
    }
}

fn of<T: JsonSchema>(g: &mut SchemaGenerator, root: bool) -> Schema {
    if root { g.root_schema_for::<T>() } else { g.subschema_for::<T>() }
}

/// The library's documents, in the order of the flow.
pub fn documents() -> &'static [Document] {
    use crate::mechanism::{credit, guidance, tolerance};
    const DOCS: &[Document] = &[
        Document {
            name: "catalogue",
            legal_name: "两轻一免清单（事项清单）",
            description: "A department's items with their penalty provisions and published list entries.",
            schema: of::<crate::Catalogue>,
            rust_type: std::any::type_name::<crate::Catalogue>,
        },
        Document {
            name: "case",
            legal_name: "案件事实",
            description: "The facts found in one case.",
            schema: of::<crate::Case>,
            rust_type: std::any::type_name::<crate::Case>,
        },
        Document {
            name: "regime",
            legal_name: "裁量基准及地方规则",
            description: "A jurisdiction's knobs: discretion bands, first-violation window, thresholds.",
            schema: of::<crate::Regime>,
            rust_type: std::any::type_name::<crate::Regime>,
        },
        Document {
            name: "assessment",
            legal_name: "法定处理结果评估",
            description: "The lawful outcomes with grounds, limitation, applicable version and duties.",
            schema: of::<crate::Assessment>,
            rust_type: std::any::type_name::<crate::Assessment>,
        },
        Document {
            name: "decision",
            legal_name: "处理决定",
            description: "A decision on a case: tier, sanctions, correction, education, documents, reasons.",
            schema: of::<crate::Decision>,
            rust_type: std::any::type_name::<crate::Decision>,
        },
        Document {
            name: "proposal",
            legal_name: "承办人意见（拟作出的决定）",
            description: "An officer's changes to the recommended decision.",
            schema: of::<crate::guard::Proposal>,
            rust_type: std::any::type_name::<crate::guard::Proposal>,
        },
        Document {
            name: "review",
            legal_name: "合法性审查意见",
            description: "The findings of the legality review, most severe first, each cited.",
            schema: of::<crate::Review>,
            rust_type: std::any::type_name::<crate::Review>,
        },
        Document {
            name: "decided_case",
            legal_name: "已决案件（监督记录）",
            description: "A decided case, compactly, as the batch audit reads it.",
            schema: of::<crate::audit::DecidedCase>,
            rust_type: std::any::type_name::<crate::audit::DecidedCase>,
        },
        Document {
            name: "audit_config",
            legal_name: "执法监督阈值",
            description: "The thresholds of the batch audit.",
            schema: of::<crate::audit::AuditConfig>,
            rust_type: std::any::type_name::<crate::audit::AuditConfig>,
        },
        Document {
            name: "audit_report",
            legal_name: "执法监督发现",
            description: "同事不同罚, repeated 首违不罚, leniency outliers, safety-baseline exemptions.",
            schema: of::<crate::audit::AuditReport>,
            rust_type: std::any::type_name::<crate::audit::AuditReport>,
        },
        Document {
            name: "statistics_table",
            legal_name: "实施行政柔性执法和“两轻一免”情况统计表",
            description: "Decisions aggregated per unit over a period.",
            schema: of::<crate::StatisticsTable>,
            rust_type: std::any::type_name::<crate::StatisticsTable>,
        },
        Document {
            name: "case_file",
            legal_name: "全过程记录（案卷）",
            description: "A hash-chained case file embedded in another JSON document.",
            schema: of::<crate::CaseFile>,
            rust_type: std::any::type_name::<crate::CaseFile>,
        },
        Document {
            name: "case_file_entry",
            legal_name: "案卷记录行",
            description: "One line of a case file's JSON Lines export: an event with its chain digests.",
            schema: of::<crate::record::Entry>,
            rust_type: std::any::type_name::<crate::record::Entry>,
        },
        Document {
            name: "case_file_header",
            legal_name: "案卷首行",
            description: "The first line of a case file's JSON Lines export: format, version and case.",
            schema: of::<crate::record::Header>,
            // A private line type: its example is on the case file's docs.
            rust_type: std::any::type_name::<crate::CaseFile>,
        },
        Document {
            name: "case_file_closing",
            legal_name: "案卷尾行",
            description: "The last line of a case file's JSON Lines export: the event count and the head digest.",
            schema: of::<crate::record::Closing>,
            rust_type: std::any::type_name::<crate::CaseFile>,
        },
        Document {
            name: "guidance_request",
            legal_name: "简易引导申请",
            description: "Input of the simple-guidance mechanism.",
            schema: of::<guidance::GuidanceRequest>,
            rust_type: std::any::type_name::<guidance::GuidanceRequest>,
        },
        Document {
            name: "guidance_plan",
            legal_name: "简易引导方案",
            description: "Output of the simple-guidance mechanism.",
            schema: of::<guidance::GuidancePlan>,
            rust_type: std::any::type_name::<guidance::GuidancePlan>,
        },
        Document {
            name: "tolerance_policy",
            legal_name: "容错纠错规则",
            description: "The knobs of the tolerance mechanism.",
            schema: of::<tolerance::TolerancePolicy>,
            rust_type: std::any::type_name::<tolerance::TolerancePolicy>,
        },
        Document {
            name: "correction_plan",
            legal_name: "不罚只纠正方案",
            description: "No penalty with a correction order and its deadline.",
            schema: of::<tolerance::CorrectionPlan>,
            rust_type: std::any::type_name::<tolerance::CorrectionPlan>,
        },
        Document {
            name: "observation_period",
            legal_name: "包容审慎观察期",
            description: "An observation period for a new field off the safety baseline.",
            schema: of::<tolerance::ObservationPeriod>,
            rust_type: std::any::type_name::<tolerance::ObservationPeriod>,
        },
        Document {
            name: "transition_request",
            legal_name: "过渡期申请",
            description: "A request for a transition period to reach a standard.",
            schema: of::<tolerance::TransitionRequest>,
            rust_type: std::any::type_name::<tolerance::TransitionRequest>,
        },
        Document {
            name: "transition_plan",
            legal_name: "过渡期方案",
            description: "A granted transition period with its milestones.",
            schema: of::<tolerance::TransitionPlan>,
            rust_type: std::any::type_name::<tolerance::TransitionPlan>,
        },
        Document {
            name: "credit_policy",
            legal_name: "守信激励规则",
            description: "The knobs of the credit-incentive mechanism.",
            schema: of::<credit::CreditPolicy>,
            rust_type: std::any::type_name::<credit::CreditPolicy>,
        },
        Document {
            name: "credit_profile",
            legal_name: "信用档案",
            description: "A party's credit profile.",
            schema: of::<credit::CreditProfile>,
            rust_type: std::any::type_name::<credit::CreditProfile>,
        },
        Document {
            name: "credit_effect",
            legal_name: "处理决定的信用影响",
            description: "The credit effect of a decision, including protected faults.",
            schema: of::<credit::CreditEffect>,
            rust_type: std::any::type_name::<credit::CreditEffect>,
        },
        Document {
            name: "incentive_decision",
            legal_name: "守信激励决定",
            description: "Whether an incentive is granted, and why.",
            schema: of::<credit::IncentiveDecision>,
            rust_type: std::any::type_name::<credit::IncentiveDecision>,
        },
    ];
    DOCS
}

/// The schema of the document named `name`, or `None`.
pub fn schema(name: &str) -> Option<serde_json::Value> {
    documents().iter().find(|d| d.name == name).map(Document::schema)
}

impl JsonSchema for crate::Catalogue {
    fn schema_name() -> Cow<'static, str> {
        "Catalogue".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        crate::catalogue::CatalogueRepr::json_schema(g)
    }
}

impl JsonSchema for crate::StatisticsTable {
    fn schema_name() -> Cow<'static, str> {
        "StatisticsTable".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        crate::report::TableRepr::json_schema(g)
    }
}

impl JsonSchema for crate::CaseFile {
    fn schema_name() -> Cow<'static, str> {
        "CaseFile".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        crate::record::CaseFileRepr::json_schema(g)
    }
}

impl JsonSchema for crate::record::Entry {
    fn schema_name() -> Cow<'static, str> {
        "CaseFileEntry".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        crate::record::EntryLine::json_schema(g)
    }
}

impl JsonSchema for crate::report::Counts {
    fn schema_name() -> Cow<'static, str> {
        "Counts".into()
    }
    /// Every column of the table, each required: an integer for a count, a
    /// decimal string of yuan for an amount.
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let money = g.subschema_for::<crate::money::Money>();
        let mut props = serde_json::Map::new();
        let mut required = Vec::new();
        for c in Column::all() {
            let v = if c.is_amount() {
                money.clone().to_value()
            } else {
                json_schema!({"type": "integer", "minimum": 0}).to_value()
            };
            let mut v = v;
            if let Some(o) = v.as_object_mut() {
                o.insert("description".to_owned(), c.header().into());
            }
            required.push(serde_json::Value::from(c.code()));
            props.insert(c.code(), v);
        }
        json_schema!({
            "type": "object",
            "description": "The values of one row: every column code, a count or an amount.",
            "properties": props,
            "required": required,
            "additionalProperties": false,
        })
    }
}
