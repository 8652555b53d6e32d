//! The service, tested for real: each test starts it on a loopback port and
//! calls it over HTTP.

// clippy.toml allows these inside `#[test]` functions only; the helpers of
// this test crate fail the same way, by panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers fail by panicking"
)]

use std::sync::Arc;

use rouxing::{Catalogue, Regime};
use rouxing_server::wire::Context;
use serde_json::{Value, json};

struct Server {
    base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
    agent: ureq::Agent,
}

impl Server {
    fn start(regime: Regime) -> Server {
        let ctx = Arc::new(Context { catalogue: Catalogue::bundled().unwrap(), regime });
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                addr_tx.send(listener.local_addr()?).ok();
                rouxing_server::serve(listener, ctx, async {
                    rx.await.ok();
                })
                .await
            })
        });
        let addr = addr_rx.recv().unwrap();
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Server { base: format!("http://{addr}"), stop: Some(tx), thread: Some(thread), agent }
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let mut r = self.agent.get(&format!("{}{path}", self.base)).call().unwrap();
        let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (r.status().as_u16(), ct, r.body_mut().read_to_string().unwrap())
    }

    fn post_raw(&self, path: &str, content_type: &str, body: &str) -> (u16, Value) {
        let mut r = self
            .agent
            .post(&format!("{}{path}", self.base))
            .header("content-type", content_type)
            .send(body)
            .unwrap();
        let status = r.status().as_u16();
        let text = r.body_mut().with_config().limit(64 << 20).read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}")))
    }

    fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.post_raw(path, "application/json", &body.to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            tx.send(()).ok();
        }
        if let Some(t) = self.thread.take() {
            t.join().unwrap().unwrap();
        }
    }
}

fn sample(path: &str) -> Value {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    serde_json::from_str(&std::fs::read_to_string(format!("{root}/{path}")).unwrap()).unwrap()
}

fn first_violation() -> Value {
    sample("examples/data/cases/first-violation.json")
}

#[test]
fn healthz_and_page() {
    let s = Server::start(Regime::national());
    let (status, _, body) = s.get("/healthz");
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    let (status, ct, body) = s.get("/");
    assert_eq!(status, 200);
    assert!(ct.starts_with("text/html"));
    assert!(body.contains("法制审核工作台") && body.contains("/v1/decide"));
    assert!(!body.contains("http://") && !body.contains("https://"), "the page loads nothing from elsewhere");
}

#[test]
fn decide_first_violation_is_no_penalty_with_citation() {
    let s = Server::start(Regime::national());
    let (status, d) = s.post("/v1/decide", &json!({"case": first_violation(), "as_of": "2026-09-01"}));
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["schema_version"], 1);
    assert_eq!(d["as_of"], "2026-09-01");
    assert_eq!(d["as_of_source"], "argument");
    assert_eq!(d["decision"]["tier"], "no_penalty");
    assert_eq!(d["assessment"]["lawful"][0]["tier"], "no_penalty");
    assert!(d["reasons"].as_str().unwrap().contains("《中华人民共和国行政处罚法》第三十三条第一款"));
    assert_eq!(d["review"]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn decide_without_date_uses_the_cases_then_today_and_says_so() {
    let s = Server::start(Regime::national());
    // The decision date recorded in the case comes before today.
    let (status, d) = s.post("/v1/decide", &json!({"case": first_violation()}));
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["as_of_source"], "case");
    assert_eq!(d["as_of"], first_violation()["decision_date"]);

    let mut case = first_violation();
    case.as_object_mut().unwrap().remove("decision_date");
    let (status, d) = s.post("/v1/decide", &json!({"case": case}));
    assert_eq!(status, 200, "{d}");
    assert_eq!(d["as_of_source"], "today");
    assert_eq!(d["as_of"], rouxing_server::wire::today().to_string());
}

#[test]
fn assess_returns_the_lawful_set_and_explanation() {
    let s = Server::start(Regime::national());
    let (status, a) = s.post(
        "/v1/assess",
        &json!({"case": sample("examples/data/cases/minor-16.json"), "as_of": "2026-11-25"}),
    );
    assert_eq!(status, 200, "{a}");
    let tiers: Vec<&str> =
        a["assessment"]["lawful"].as_array().unwrap().iter().map(|o| o["tier"].as_str().unwrap()).collect();
    assert_eq!(tiers, ["mitigated", "lighter"]);
    assert!(a["explanation"].as_str().unwrap().contains("第三十条"));
    assert!(a.get("decision").is_none());
}

#[test]
fn review_of_an_unlawful_proposal_names_the_finding() {
    let s = Server::start(Regime::shandan_sample());
    let (status, r) = s.post("/v1/review", &sample("schema/examples/review-jixie.json"));
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["lawful"], false);
    assert_eq!(r["review"]["findings"][0]["code"], "penalty_despite_mandatory_no_penalty");
    assert!(r["review_text"].as_str().unwrap().contains("机械执法"));
    assert_eq!(r["recommended"]["tier"], "no_penalty");

    let (status, r) = s.post("/v1/review", &sample("schema/examples/review-clean.json"));
    assert_eq!(status, 200, "{r}");
    assert_eq!((r["lawful"].as_bool(), r["passes"].as_bool()), (Some(true), Some(true)));
}

#[test]
fn review_of_a_decision_recomputes_the_assessment() {
    let s = Server::start(Regime::national());
    let (_, d) = s.post("/v1/decide", &json!({"case": first_violation(), "as_of": "2026-09-01"}));
    let mut decision = d["decision"].clone();
    decision["tier"] = json!("ordinary");
    let (status, r) = s.post("/v1/review", &json!({"case": first_violation(), "decision": decision}));
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["as_of"], "2026-09-01", "the decision's own date");
    assert_eq!(r["lawful"], false);

    // Neither or both of decision and proposal.
    let (status, e) = s.post("/v1/review", &json!({"case": first_violation()}));
    assert_eq!((status, e["error"]["code"].as_str()), (422, Some("invalid_document")));
    // An assessment is not an input.
    let (status, e) =
        s.post("/v1/review", &json!({"case": first_violation(), "assessment": d["assessment"]}));
    assert_eq!(status, 422);
    assert!(e["error"]["message"].as_str().unwrap().contains("unknown field `assessment`"), "{e}");
}

#[test]
fn audit_and_report_over_decided_cases() {
    let s = Server::start(Regime::national());
    let mut cases = Vec::new();
    for name in ["first-violation", "ordinary", "aggravated", "minor-16"] {
        let case = sample(&format!("examples/data/cases/{name}.json"));
        let (_, d) = s.post("/v1/decide", &json!({"case": case, "as_of": "2026-11-25"}));
        cases.push(json!({"case": case, "decision": d["decision"]}));
    }
    let (status, a) = s.post("/v1/audit", &json!({"cases": cases}));
    assert_eq!(status, 200, "{a}");
    assert_eq!((a["schema_version"].as_u64(), a["cases"].as_u64()), (Some(1), Some(4)));
    assert!(a["text"].as_str().unwrap().contains("同事不同罚"));

    let (status, t) =
        s.post("/v1/report", &json!({"from": "2026-01-01", "to": "2026-12-31", "cases": cases}));
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["schema_version"], 1);

    let (status, e) = s.post("/v1/report", &json!({"from": "2026-12-31", "to": "2026-01-01", "cases": []}));
    assert_eq!((status, e["error"]["code"].as_str()), (422, Some("invalid_period")));
}

#[test]
fn catalogue_regime_and_law() {
    let s = Server::start(Regime::shandan_sample());
    let (status, ct, body) = s.get("/v1/catalogue");
    assert_eq!((status, ct.as_str()), (200, "application/json"));
    let cat: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(cat["schema_version"], rouxing::catalogue::CATALOGUE_SCHEMA_VERSION);
    let (status, _, body) = s.get("/v1/catalogue/items/AG-XM-66");
    assert_eq!(status, 200);
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["item"]["code"], "AG-XM-66");
    let (status, _, body) = s.get("/v1/catalogue/items/NO-SUCH");
    assert_eq!(status, 404);
    assert!(body.contains("no item `NO-SUCH`"));
    let (status, _, body) = s.get("/v1/regime");
    assert_eq!(status, 200);
    assert_eq!(Regime::from_json(&body).unwrap(), Regime::shandan_sample());

    let (status, _, body) = s.get("/v1/law/art_33__para_1__sent_2");
    assert_eq!(status, 200);
    let law: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(law["text"], "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。");
    assert_eq!(law["citation"], "《中华人民共和国行政处罚法》第三十三条第一款第二句");
    let (status, _, body) = s.get("/v1/law/30");
    assert_eq!(status, 200);
    assert!(body.contains("不满十四周岁"));
    for bad in ["999", "art_x", "0"] {
        let (status, _, body) = s.get(&format!("/v1/law/{bad}"));
        assert_eq!(status, 404, "{bad}: {body}");
        assert!(body.contains("\"code\":\"not_found\""));
    }
}

#[test]
fn bad_requests_get_a_4xx_json_error_with_a_stable_code() {
    let s = Server::start(Regime::national());
    let body = json!({"case": first_violation()}).to_string();

    let (status, e) = s.post_raw("/v1/decide", "text/plain", &body);
    assert_eq!((status, e["error"]["code"].as_str()), (415, Some("unsupported_media_type")));
    let (status, _) = s.post_raw("/v1/decide", "application/json; charset=utf-8", &body);
    assert_eq!(status, 200);

    let (status, e) = s.post_raw("/v1/decide", "application/json", "{\"case\": ");
    assert_eq!((status, e["error"]["code"].as_str()), (400, Some("malformed_json")));
    let (status, e) = s.post_raw("/v1/decide", "application/json", "{\"case\": {}} x");
    assert_eq!((status, e["error"]["code"].as_str()), (400, Some("malformed_json")));

    let big = format!("{{\"case\": \"{}\"}}", "x".repeat(rouxing_server::http::BODY_LIMIT));
    let (status, e) = s.post_raw("/v1/decide", "application/json", &big);
    assert_eq!((status, e["error"]["code"].as_str()), (413, Some("payload_too_large")));

    let (status, e) = s.post("/v1/decide", &json!({"case": first_violation(), "as_off": "2026-09-01"}));
    assert_eq!((status, e["error"]["code"].as_str()), (422, Some("invalid_document")));
    assert!(e["error"]["message"].as_str().unwrap().contains("unknown field `as_off`"), "{e}");

    let (status, e) = s.post("/v1/decide", &json!({"case": first_violation(), "as_of": "2026-02-30"}));
    assert_eq!((status, e["error"]["field"].as_str()), (422, Some("as_of")), "{e}");

    // The case loader's own text: file, line, field and value.
    let mut case = first_violation();
    case["harm"] = json!("catastrophic");
    let (status, e) = s.post("/v1/decide", &json!({"case": case}));
    assert_eq!((status, e["error"]["code"].as_str()), (422, Some("invalid_case")), "{e}");
    let msg = e["error"]["message"].as_str().unwrap();
    assert!(msg.starts_with("request.case") && msg.contains("harm") && msg.contains("catastrophic"), "{msg}");
    assert_eq!(e["error"]["field"], "harm");

    let mut case = first_violation();
    case["item"] = json!("NO-SUCH-ITEM");
    let (status, e) = s.post("/v1/decide", &json!({"case": case}));
    assert_eq!(status, 422);
    assert!(e["error"]["message"].as_str().unwrap().contains("NO-SUCH-ITEM"), "{e}");

    let (status, _, body) = s.get("/v1/nothing");
    assert_eq!(status, 404);
    assert!(body.contains("\"code\":\"not_found\""));
    let (status, _, body) = s.get("/v1/decide");
    assert_eq!(status, 405);
    assert!(body.contains("\"code\":\"method_not_allowed\""));
}

#[test]
fn concurrent_requests_share_the_catalogue() {
    let s = Arc::new(Server::start(Regime::national()));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                for _ in 0..10 {
                    let (status, d) =
                        s.post("/v1/decide", &json!({"case": first_violation(), "as_of": "2026-09-01"}));
                    assert_eq!((status, d["decision"]["tier"].as_str()), (200, Some("no_penalty")));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}
