//! The HTTP routes (接口).
//!
//! | method | path | body in | document out |
//! |---|---|---|---|
//! | `POST` | `/v1/assess` | [`CaseRequest`] | [`AssessmentDocument`](crate::wire::AssessmentDocument) |
//! | `POST` | `/v1/decide` | [`CaseRequest`] | [`DecisionDocument`](crate::wire::DecisionDocument) |
//! | `POST` | `/v1/review` | [`ReviewRequest`] | [`ReviewDocument`](crate::wire::ReviewDocument) |
//! | `POST` | `/v1/audit` | [`AuditRequest`] | [`AuditDocument`](crate::wire::AuditDocument) |
//! | `POST` | `/v1/report` | [`ReportRequest`] | the statistics table ([`rouxing::StatisticsTable`]) |
//! | `GET` | `/v1/catalogue` | | the catalogue held |
//! | `GET` | `/v1/catalogue/items/{code}` | | one item |
//! | `GET` | `/v1/regime` | | the regime held |
//! | `GET` | `/v1/law/{article}` | | the statute's words: `33` or `art_33__para_1` |
//! | `GET` | `/v1/schema/{name}` | | the JSON Schema of a document ([`crate::schema`]) |
//! | `GET` | `/openapi.json` | | the OpenAPI 3.1 description, from the same schemas |
//! | `GET` | `/healthz` | | `{"status": "ok"}` |
//! | `GET` | `/` | | the review workbench page (法制审核工作台) |
//!
//! Every body is `application/json` of at most [`BODY_LIMIT`] bytes; every
//! error is an [`ErrorDocument`](crate::wire::ErrorDocument) with a stable
//! code and a 4xx status.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use rouxing::catalogue::ItemCode;
use rouxing::law::{Citation, Instrument};
use serde::Serialize;

use crate::wire::{
    AuditRequest, CaseRequest, Context, ErrorCode, Health, ItemDocument, LawDocument, ReportRequest,
    ReviewRequest, SCHEMA_VERSION, WireError, load_case, parse, resolve_as_of, today,
};

/// The largest request body accepted: 1 MiB (about two thousand decided
/// cases in one audit or report request). Larger bodies get 413
/// `payload_too_large`.
pub const BODY_LIMIT: usize = 1 << 20;

/// The service's shared, read-only state.
pub type Shared = Arc<Context>;

/// The router of every endpoint over the shared context.
pub fn router(ctx: Shared) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/healthz", get(healthz))
        .route("/v1/assess", post(assess))
        .route("/v1/decide", post(decide))
        .route("/v1/review", post(review))
        .route("/v1/audit", post(audit))
        .route("/v1/report", post(report))
        .route("/v1/catalogue", get(catalogue))
        .route("/v1/catalogue/items/{code}", get(item))
        .route("/v1/regime", get(regime))
        .route("/v1/law/{article}", get(law))
        .route("/v1/schema/{name}", get(schema))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(ctx)
}

impl IntoResponse for WireError {
    fn into_response(self) -> Response {
        let status = match self.code {
            ErrorCode::MalformedJson => StatusCode::BAD_REQUEST,
            ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::InvalidDocument
            | ErrorCode::InvalidCase
            | ErrorCode::InvalidCatalogue
            | ErrorCode::InvalidRegime
            | ErrorCode::InvalidRecord
            | ErrorCode::InvalidPeriod => StatusCode::UNPROCESSABLE_ENTITY,
        };
        json_response(status, &self.document())
    }
}

fn json_response<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => json_bytes(status, bytes),
        Err(e) => json_bytes(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(r#"{{"schema_version":1,"error":{{"code":"internal","message":"{e}"}}}}"#).into_bytes(),
        ),
    }
}

fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(bytes));
    *r.status_mut() = status;
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r
}

fn ok<T: Serialize>(value: &T) -> Response {
    json_response(StatusCode::OK, value)
}

/// Reads a JSON body: checks the content type and the size limit.
async fn body(req: Request) -> Result<String, WireError> {
    let ct = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = ct.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        let shown: String = ct.chars().take(60).collect();
        return Err(WireError::new(
            ErrorCode::UnsupportedMediaType,
            format!("content type `{shown}` is not `application/json`"),
        ));
    }
    let bytes = axum::body::to_bytes(req.into_body(), BODY_LIMIT).await.map_err(|_| {
        WireError::new(
            ErrorCode::PayloadTooLarge,
            format!("request body exceeds the limit of {BODY_LIMIT} bytes"),
        )
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        WireError::new(
            ErrorCode::MalformedJson,
            format!("request: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })
}

async fn page() -> Response {
    let mut r = Response::new(Body::from(crate::PAGE));
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    r
}

async fn healthz() -> Response {
    ok(&Health { status: "ok".to_owned() })
}

async fn not_found(req: Request) -> Response {
    let path: String = req.uri().path().chars().take(80).collect();
    WireError::new(ErrorCode::NotFound, format!("no endpoint `{path}`")).into_response()
}

async fn method_not_allowed(req: Request) -> Response {
    let path: String = req.uri().path().chars().take(80).collect();
    WireError::new(
        ErrorCode::MethodNotAllowed,
        format!("method `{}` is not allowed on `{path}`", req.method()),
    )
    .into_response()
}

async fn assess(State(ctx): State<Shared>, req: Request) -> Result<Response, WireError> {
    let text = body(req).await?;
    let r: CaseRequest = parse("request", &text)?;
    let case = load_case("request.case", r.case.get(), &ctx.catalogue)?;
    let as_of = resolve_as_of(r.as_of, &case, today());
    Ok(ok(&ctx.assess(&case, as_of)))
}

async fn decide(State(ctx): State<Shared>, req: Request) -> Result<Response, WireError> {
    let text = body(req).await?;
    let r: CaseRequest = parse("request", &text)?;
    let case = load_case("request.case", r.case.get(), &ctx.catalogue)?;
    let as_of = resolve_as_of(r.as_of, &case, today());
    Ok(ok(&ctx.decide(&case, as_of)))
}

async fn review(State(ctx): State<Shared>, req: Request) -> Result<Response, WireError> {
    let text = body(req).await?;
    let r: ReviewRequest = parse("request", &text)?;
    Ok(ok(&ctx.review("request", &r, today())?))
}

async fn audit(State(ctx): State<Shared>, req: Request) -> Result<Response, WireError> {
    let text = body(req).await?;
    let r: AuditRequest = parse("request", &text)?;
    let mut cases = Vec::with_capacity(r.cases.len());
    for (i, d) in r.cases.iter().enumerate() {
        cases.push(ctx.decided(&format!("request.cases[{i}]"), d)?);
    }
    Ok(ok(&ctx.audit(&cases, r.config.as_ref())))
}

async fn report(req: Request) -> Result<Response, WireError> {
    let text = body(req).await?;
    let r: ReportRequest = parse("request", &text)?;
    let decisions: Vec<_> = r.cases.into_iter().map(|d| d.decision).collect();
    let table = crate::wire::report(r.from, r.to, &decisions)?;
    Ok(json_bytes(StatusCode::OK, table.to_json().into_bytes()))
}

async fn catalogue(State(ctx): State<Shared>) -> Response {
    json_bytes(StatusCode::OK, ctx.catalogue.to_json().into_bytes())
}

async fn regime(State(ctx): State<Shared>) -> Response {
    json_bytes(StatusCode::OK, ctx.regime.to_json().into_bytes())
}

async fn item(State(ctx): State<Shared>, Path(code): Path<String>) -> Result<Response, WireError> {
    let shown: String = code.chars().take(60).collect();
    let missing = || WireError::new(ErrorCode::NotFound, format!("no item `{shown}` in the catalogue"));
    let code: ItemCode = code.parse().map_err(|_| missing())?;
    let item = ctx.catalogue.get(&code).ok_or_else(missing)?;
    Ok(ok(&ItemDocument { schema_version: SCHEMA_VERSION, item: item.clone() }))
}

/// The statute's words of an article of 《中华人民共和国行政处罚法》.
async fn law(Path(article): Path<String>) -> Result<Response, WireError> {
    let shown: String = article.chars().take(60).collect();
    let missing = || {
        WireError::new(ErrorCode::NotFound, format!("no provision `{shown}` in 《中华人民共和国行政处罚法》"))
    };
    let citation = match article.parse::<u16>() {
        Ok(n) => Citation::apl(n),
        Err(_) => {
            Citation::from_eid(Instrument::AdministrativePenaltyLaw, &article).map_err(|_| missing())?
        }
    };
    let text = citation.quote().ok_or_else(missing)?;
    Ok(ok(&LawDocument {
        schema_version: SCHEMA_VERSION,
        citation: citation.legal_name(),
        eid: citation.eid(),
        text: text.to_owned(),
    }))
}

async fn schema(Path(name): Path<String>) -> Result<Response, WireError> {
    let shown: String = name.chars().take(60).collect();
    let name = name.strip_suffix(".schema.json").unwrap_or(&name);
    let s = crate::schema::get(name)
        .ok_or_else(|| WireError::new(ErrorCode::NotFound, format!("no schema `{shown}`")))?;
    Ok(ok(&s))
}

async fn openapi() -> Response {
    ok(&crate::schema::openapi())
}
