//! The wire contract: the JSON Schema of every document (the library's and
//! the service's envelopes) and the OpenAPI 3.1 description of the service.
//!
//! One generator makes both: `schema/*.schema.json` in the repository are
//! [`get`] of each name (a test fails when they drift), and `/openapi.json`
//! is [`openapi`], whose `components.schemas` are the same types generated
//! with references under `#/components/schemas/`.

use rouxing::schema::{Document, root};
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::wire;

/// A document of the contract: a library document or a service envelope.
#[derive(Clone, Copy, Debug)]
pub struct Doc {
    /// The stable name; the file is `schema/{name}.schema.json`.
    pub name: &'static str,
    /// The Chinese legal name.
    pub legal_name: &'static str,
    /// What it is.
    pub description: &'static str,
    kind: Kind,
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Library(Document),
    Envelope {
        root: fn(&str, &str) -> Value,
        sub: fn(&mut SchemaGenerator) -> schemars::Schema,
        rust_type: fn() -> &'static str,
    },
}

fn sub<T: JsonSchema>(g: &mut SchemaGenerator) -> schemars::Schema {
    g.subschema_for::<T>()
}

macro_rules! envelope {
    ($name:literal, $legal:literal, $desc:literal, $ty:ty) => {
        Doc {
            name: $name,
            legal_name: $legal,
            description: $desc,
            kind: Kind::Envelope {
                root: root::<$ty>,
                sub: sub::<$ty>,
                rust_type: std::any::type_name::<$ty>,
            },
        }
    };
}

/// Every document: the service's envelopes, then the library's documents.
pub fn documents() -> Vec<Doc> {
    let mut v = vec![
        envelope!(
            "case_request",
            "评估请求",
            "A case with an optional decision date (POST /v1/assess, /v1/decide).",
            wire::CaseRequest
        ),
        envelope!(
            "assessment_document",
            "法定处理结果评估书",
            "The assessment of one case (POST /v1/assess).",
            wire::AssessmentDocument
        ),
        envelope!(
            "decision_document",
            "处理决定书（建议）",
            "Assessment, recommended decision and its review (POST /v1/decide, rouxing decide --json).",
            wire::DecisionDocument
        ),
        envelope!(
            "review_request",
            "法制审核请求",
            "A case with a decision or an officer's proposal (POST /v1/review, rouxing review).",
            wire::ReviewRequest
        ),
        envelope!(
            "review_document",
            "法制审核意见书",
            "The legality review of a decision (POST /v1/review).",
            wire::ReviewDocument
        ),
        envelope!(
            "decided_document",
            "已决案件",
            "A case with its decision: a line of DECIDED.jsonl (rouxing decide --decided).",
            wire::DecidedDocument
        ),
        envelope!(
            "audit_request",
            "执法监督请求",
            "Decided cases with optional thresholds (POST /v1/audit).",
            wire::AuditRequest
        ),
        envelope!(
            "audit_document",
            "执法监督报告",
            "The batch audit of decided cases (POST /v1/audit, rouxing audit --json).",
            wire::AuditDocument
        ),
        envelope!(
            "report_request",
            "统计表请求",
            "Decided cases and a period (POST /v1/report).",
            wire::ReportRequest
        ),
        envelope!(
            "item_document",
            "清单事项",
            "One catalogue item (GET /v1/catalogue/items/{code}).",
            wire::ItemDocument
        ),
        envelope!(
            "law_document",
            "法律条文",
            "The words of a provision (GET /v1/law/{article}).",
            wire::LawDocument
        ),
        envelope!("health", "健康检查", "The health check (GET /healthz).", wire::Health),
        envelope!(
            "error_document",
            "错误应答",
            "An error with a stable code and the loader's message.",
            wire::ErrorDocument
        ),
    ];
    v.extend(rouxing::schema::documents().iter().map(|d| Doc {
        name: d.name,
        legal_name: d.legal_name,
        description: d.description,
        kind: Kind::Library(*d),
    }));
    v
}

impl Doc {
    /// The path of the Rust type the document is (`rouxing_server::wire::CaseRequest`,
    /// `rouxing::case::Case`): its doc comment shows the JSON shape with an example.
    pub fn rust_type(&self) -> &'static str {
        match self.kind {
            Kind::Library(d) => d.rust_type(),
            Kind::Envelope { rust_type, .. } => rust_type(),
        }
    }

    /// The document's root schema.
    pub fn schema(&self) -> Value {
        match self.kind {
            Kind::Library(d) => d.schema(),
            Kind::Envelope { root, .. } => root(self.name, self.legal_name),
        }
    }

    fn subschema(&self, g: &mut SchemaGenerator) -> Value {
        match self.kind {
            Kind::Library(d) => d.subschema(g).to_value(),
            Kind::Envelope { sub, .. } => sub(g).to_value(),
        }
    }
}

/// The schema of the document `name`, or `None`.
pub fn get(name: &str) -> Option<Value> {
    documents().into_iter().find(|d| d.name == name).map(|d| d.schema())
}

/// The POST operations: path, summary, operation id, request document,
/// response document.
const POSTS: [(&str, &str, &str, &str, &str); 5] = [
    ("/v1/assess", "评估 / assess one case", "assess", "case_request", "assessment_document"),
    ("/v1/decide", "决定 / assess, recommend and review", "decide", "case_request", "decision_document"),
    ("/v1/review", "法制审核 / review a decision or proposal", "review", "review_request", "review_document"),
    ("/v1/audit", "执法监督 / batch audit", "audit", "audit_request", "audit_document"),
    ("/v1/report", "统计表 / statistics table", "report", "report_request", "statistics_table"),
];

/// The GET operations on documents: path, summary, operation id, response
/// document and the path parameter (name, description), if any; an
/// operation with a parameter can answer 404.
type GetOp = (&'static str, &'static str, &'static str, &'static str, Option<(&'static str, &'static str)>);
const GETS: [GetOp; 4] = [
    ("/v1/catalogue", "清单 / the catalogue held", "catalogue", "catalogue", None),
    (
        "/v1/catalogue/items/{code}",
        "清单事项 / one item",
        "item",
        "item_document",
        Some(("code", "事项编码 / item code")),
    ),
    ("/v1/regime", "裁量基准 / the regime held", "regime", "regime", None),
    (
        "/v1/law/{article}",
        "法律条文 / the statute's words",
        "law",
        "law_document",
        Some(("article", "条号 `33` 或 `art_33__para_1` / article number or provision id")),
    ),
];

/// The OpenAPI 3.1 description of the service.
pub fn openapi() -> Value {
    let mut settings =
        schemars::generate::SchemaSettings::draft2020_12().with_transform(rouxing::schema::DropDocExamples);
    settings.definitions_path = "/components/schemas".into();
    let mut g = settings.into_generator();
    let docs = documents();
    let mut refs = Map::new();
    for d in &docs {
        refs.insert(d.name.to_owned(), d.subschema(&mut g));
    }
    let components = Value::Object(g.take_definitions(true));
    let r = |name: &str| refs.get(name).cloned().unwrap_or(Value::Null);
    let error = json!({"description": "错误 / error", "content": {"application/json": {"schema": r("error_document")}}});
    let errors = |codes: &[&str]| {
        let mut m = Map::new();
        for c in codes {
            m.insert((*c).to_owned(), error.clone());
        }
        m
    };
    let post = |summary: &str, op: &str, req: &str, resp: Value| {
        let mut responses = errors(&["400", "413", "415", "422"]);
        responses.insert(
            "200".to_owned(),
            json!({"description": "成功 / success", "content": {"application/json": {"schema": resp}}}),
        );
        json!({"post": {
            "summary": summary,
            "operationId": op,
            "requestBody": {"required": true, "content": {"application/json": {"schema": r(req)}}},
            "responses": responses,
        }})
    };
    let get_op = |summary: &str, op: &str, resp: Value, params: Value, not_found: bool| {
        let mut responses = if not_found { errors(&["404"]) } else { Map::new() };
        responses.insert(
            "200".to_owned(),
            json!({"description": "成功 / success", "content": {"application/json": {"schema": resp}}}),
        );
        let mut op_obj = json!({"summary": summary, "operationId": op, "responses": responses});
        if let (Some(o), true) = (op_obj.as_object_mut(), params.as_array().is_some_and(|a| !a.is_empty())) {
            o.insert("parameters".to_owned(), params);
        }
        json!({"get": op_obj})
    };
    let path_param = |name: &str, desc: &str| json!([{"name": name, "in": "path", "required": true, "description": desc, "schema": {"type": "string"}}]);
    let mut paths = Map::new();
    for (path, summary, op, request, response) in POSTS {
        paths.insert(path.into(), post(summary, op, request, r(response)));
    }
    for (path, summary, op, response, param) in GETS {
        let params = param.map_or_else(|| json!([]), |(name, desc)| path_param(name, desc));
        paths.insert(path.into(), get_op(summary, op, r(response), params, param.is_some()));
    }
    paths.insert(
        "/v1/schema/{name}".into(),
        get_op(
            "接口规范 / a document's JSON Schema",
            "schema",
            json!({"type": "object"}),
            json!([{"name": "name", "in": "path", "required": true, "description": "文书名 / document name",
                    "schema": {"type": "string", "enum": docs.iter().map(|d| d.name).collect::<Vec<_>>()}}]),
            true,
        ),
    );
    paths.insert("/healthz".into(), get_op("健康检查 / health", "healthz", r("health"), json!([]), false));
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "rouxing 柔性执法决策服务 / decision service",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "行政柔性执法与“两轻一免”（《中华人民共和国行政处罚法》）。Money is a decimal string of yuan (\"1500.00\"), never a number; every output document carries schema_version; the assessment is always recomputed from the case and never accepted as input.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": components},
    })
}
