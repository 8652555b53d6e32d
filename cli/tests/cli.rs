//! The `rouxing` binary, run as a user runs it.

// clippy.toml allows these inside `#[test]` functions only; the helpers of
// this test crate fail the same way, by panicking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test helpers fail by panicking"
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_rouxing");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn rouxing(args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(ROOT).output().unwrap()
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

/// Asserts that a check found something (exit code 1) and that the output
/// says `says`.
fn found(o: &Output, says: &str) {
    assert_eq!(code(o), 1, "{}{}", stdout(o), stderr(o));
    assert!(stdout(o).contains(says), "expected `{says}` in: {}", stdout(o));
}

/// `rouxing record verify FILE --key KEY --checkpoint CHECKPOINT --as-of 2025-12-31`.
fn verify_against(file: &str, key: &str, checkpoint: &str) -> Output {
    rouxing(&["record", "verify", file, "--key", key, "--checkpoint", checkpoint, "--as-of", "2025-12-31"])
}

fn one_line(path: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap()).unwrap();
    v.to_string()
}

#[test]
fn help_is_in_chinese_and_english_and_lists_exit_codes() {
    let o = rouxing(&["--help"]);
    assert_eq!(code(&o), 0);
    let h = stdout(&o);
    for s in [
        "决定",
        "decide",
        "法制审核",
        "review",
        "执法监督",
        "audit",
        "统计表",
        "serve",
        "退出码",
        "exit codes",
    ] {
        assert!(h.contains(s), "`{s}` missing from --help:\n{h}");
    }
    let o = rouxing(&["decide", "--help"]);
    assert!(stdout(&o).contains("裁量基准") && stdout(&o).contains("--as-of"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&rouxing(&["decide"])), 2);
    assert_eq!(code(&rouxing(&["decide", "x.json", "--bogus"])), 2);
    let o = rouxing(&["decide", "examples/data/cases/ordinary.json", "--as-of", "2026-13-01"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("2026-13-01"));
}

#[test]
fn decide_prints_the_outcome_the_citation_and_the_date_used() {
    let o = rouxing(&["decide", "examples/data/cases/first-violation.json", "--as-of", "2026-09-01"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let t = stdout(&o);
    assert!(t.contains("决定日期：2026-09-01（指定日期）"), "{t}");
    assert!(t.contains("建议处理：不予处罚"), "{t}");
    assert!(t.contains("《中华人民共和国行政处罚法》第三十三条第一款"), "{t}");
    assert!(t.contains("适用裁量规则：national"), "the national regime by default: {t}");

    // Without --as-of: the decision date recorded in the case.
    let o = rouxing(&["decide", "examples/data/cases/first-violation.json", "--regime", "shandan"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("（案件记载的决定日期）"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("适用裁量规则：national"));

    // Without either: today, and the output says so.
    let mut case: serde_json::Value =
        serde_json::from_str(&one_line("examples/data/cases/first-violation.json")).unwrap();
    case.as_object_mut().unwrap().remove("decision_date");
    let o = with_stdin(&["decide", "-"], &format!("{case}\n"));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("（当日（北京时间））"), "{}", stdout(&o));
}

#[test]
fn decide_many_cases_as_json_lines() {
    let dir = format!("{ROOT}/examples/data/cases");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    let mut args = vec!["decide", "--json", "--as-of", "2026-11-25"];
    args.extend(files.iter().map(String::as_str));
    let o = rouxing(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "no progress bar when stderr is not a terminal");
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), files.len());
    for l in &lines {
        assert_eq!(l["schema_version"], 1);
        assert_eq!(l["as_of_source"], "argument");
        assert!(l["decision"]["tier"].is_string());
    }
}

#[test]
fn decide_reads_json_lines_from_stdin_and_reports_bad_lines() {
    let good = one_line("examples/data/cases/first-violation.json");
    let bad = good.replace("\"slight\"", "\"catastrophic\"");
    let o = with_stdin(
        &["decide", "-", "--json", "--as-of", "2026-09-01"],
        &format!("{good}\n\n{bad}\n{good}\n"),
    );
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["decision"]["tier"], "no_penalty");
    assert_eq!(lines[1]["error"]["code"], "invalid_case");
    let msg = lines[1]["error"]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("stdin[line 3]") && msg.contains("harm") && msg.contains("catastrophic"),
        "{msg}"
    );
    assert_eq!(lines[2]["decision"]["tier"], "no_penalty");
    assert!(stderr(&o).contains("1 of 3 cases rejected"));
}

#[test]
fn a_rejected_case_file_exits_3_naming_file_and_field() {
    let o = rouxing(&["decide", "Cargo.toml"]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("Cargo.toml"), "{}", stderr(&o));
    let o = rouxing(&["decide", "no-such-file.json"]);
    assert_eq!(code(&o), 4);
    assert!(stderr(&o).contains("no-such-file.json"));
    let o = rouxing(&["decide", "examples/data/cases/ordinary.json", "--regime", "no-such-regime.json"]);
    assert_eq!(code(&o), 4);
}

#[test]
fn a_closed_pipe_stops_quietly() {
    let mut args = vec!["decide", "--json", "--as-of", "2026-09-01"];
    args.extend(std::iter::repeat_n("examples/data/cases/ordinary.json", 3000));
    let mut child = Command::new(BIN)
        .args(&args)
        .current_dir(ROOT)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    drop(out);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(first.starts_with("{\"schema_version\":1"));
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn review_exits_1_on_an_unlawful_proposal_and_0_on_a_clean_one() {
    let o = rouxing(&["review", "--regime", "shandan", "schema/examples/review-jixie.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("机械执法") && stdout(&o).contains("违法，不予通过"));
    let o = rouxing(&["review", "--regime", "shandan", "--json", "schema/examples/review-clean.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((r["lawful"].as_bool(), r["as_of_source"].as_str()), (Some(true), Some("argument")));
}

#[test]
fn decided_cases_feed_audit_and_report() {
    let dir = std::env::temp_dir().join(format!("rouxing-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let decided = dir.join("decided.jsonl");
    let mut args =
        vec!["decide".to_owned(), "--decided".to_owned(), "--as-of".to_owned(), "2026-11-25".to_owned()];
    for e in std::fs::read_dir(format!("{ROOT}/examples/data/cases")).unwrap() {
        args.push(e.unwrap().path().display().to_string());
    }
    let o = Command::new(BIN).args(&args).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    std::fs::write(&decided, &o.stdout).unwrap();
    let decided = decided.display().to_string();

    // The one safety-baseline item let off (SH-XH-XF-2026-0320) is a
    // compelled 不予处罚 (no fault, Art. 33 ¶2): never a finding.
    let o = rouxing(&["audit", &decided]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("安全底线事项从宽处理：0件"), "{}", stdout(&o));
    let o = rouxing(&["audit", "--json", &decided]);
    let a: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((a["schema_version"].as_u64(), a["clean"].as_bool()), (Some(1), Some(true)));

    // The same 首违不罚 granted to the same party for the same item twice is
    // found from the batch itself (Art. 33 ¶1 sentence 2).
    let text = std::fs::read_to_string(&decided).unwrap();
    let waived = text
        .lines()
        .find(|l| l.contains("\"first_violation\"") && l.contains("\"tier\":\"no_penalty\""))
        .expect("a 首违不罚 decision in the bundled batch");
    let mut again: serde_json::Value = serde_json::from_str(waived).unwrap();
    again["case"]["id"] = "REPEAT-1".into();
    again["decision"]["case_id"] = "REPEAT-1".into();
    let repeated = dir.join("repeated.jsonl");
    std::fs::write(&repeated, format!("{text}{again}\n")).unwrap();
    let o = rouxing(&["audit", &repeated.display().to_string()]);
    assert_eq!(code(&o), 1, "a repeated 首违不罚 is a finding: {}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("首违不罚适用于非初次违法：1件"), "{}", stdout(&o));

    let o = rouxing(&["report", &decided, "--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.starts_with("\u{feff}".as_bytes()), "CSV for Excel starts with a BOM");
    let o = rouxing(&["report", &decided, "--format", "md", "--from", "2026-01-01", "--to", "2026-12-31"]);
    assert!(stdout(&o).contains("2026-01-01 至 2026-12-31"), "{}", stdout(&o));
    let o = rouxing(&["report", &decided, "--format", "json"]);
    let t: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(t["schema_version"], 1);
    let o = rouxing(&["report", &decided, "--format", "xlsx"]);
    assert_eq!(code(&o), 2);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn record_verify_finds_a_changed_event() {
    let o = rouxing(&["record", "verify", "schema/examples/case-file.jsonl"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("13 events"));

    let text = std::fs::read_to_string(format!("{ROOT}/schema/examples/case-file.jsonl")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replacen("\"on\":\"2025-", "\"on\":\"2024-", 1);
    let s = Scratch::new("tampered");
    let path = s.file("tampered.jsonl", &(lines.join("\n") + "\n"));
    found(&rouxing(&["record", "verify", &path]), "line 4");
}

#[test]
fn catalogue_check_names_line_and_field() {
    let o = rouxing(&["catalogue", "check", "examples/data/catalogue.json", "--as-of", "2026-11-25"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("items"));
    // The list lint of Catalogue::warnings is printed, one line a warning.
    let expected = rouxing::Catalogue::bundled()
        .unwrap()
        .warnings(chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        .len();
    assert!(expected > 0);
    assert!(stdout(&o).contains(&format!("warnings on 2026-11-25: {expected}")), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().filter(|l| l.starts_with("  - ")).count(), expected);
    let text = std::fs::read_to_string(format!("{ROOT}/examples/data/catalogue.json")).unwrap();
    let broken = text.replacen("\"schema_version\": 2", "\"schema_version\": 7", 1);
    let s = Scratch::new("catalogue");
    let o = rouxing(&["catalogue", "check", &s.file("catalogue.json", &broken)]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("schema_version") && stderr(&o).contains('7'), "{}", stderr(&o));
}

#[test]
fn catalogue_compile_writes_a_binary_the_deciding_commands_load() {
    let bin = std::env::temp_dir().join(format!("rouxing-cat-{}.bin", std::process::id()));
    let bin_s = bin.display().to_string();
    let o = rouxing(&["catalogue", "compile", "examples/data/catalogue.json", &bin_s]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = std::fs::read_to_string(format!("{ROOT}/examples/data/catalogue.json")).unwrap();
    let digest = rouxing::record::Digest::of(text.as_bytes()).to_string();
    assert!(stdout(&o).contains(&format!("source sha256 {digest}")), "{}", stdout(&o));
    let bytes = std::fs::read(&bin).unwrap();
    assert_eq!(
        rouxing::Catalogue::from_binary_named("c.bin", &bytes).unwrap(),
        rouxing::Catalogue::bundled().unwrap()
    );
    // Deciding with the compiled catalogue gives what deciding with the JSON gives.
    let case = "examples/data/cases/first-violation.json";
    let with_json = rouxing(&[
        "decide",
        case,
        "--catalogue",
        "examples/data/catalogue.json",
        "--as-of",
        "2026-11-25",
        "--json",
    ]);
    let with_bin = rouxing(&["decide", case, "--catalogue", &bin_s, "--as-of", "2026-11-25", "--json"]);
    assert_eq!(code(&with_bin), code(&with_json), "{}", stderr(&with_bin));
    assert_eq!(stdout(&with_bin), stdout(&with_json));
    // A corrupt compiled catalogue is rejected (exit 3), naming the file.
    let mut corrupt = bytes.clone();
    corrupt[8] = corrupt[8].wrapping_add(1);
    std::fs::write(&bin, &corrupt).unwrap();
    let o = rouxing(&["decide", case, "--catalogue", &bin_s, "--as-of", "2026-11-25"]);
    std::fs::remove_file(&bin).ok();
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains(&bin_s) && stderr(&o).contains("format version"), "{}", stderr(&o));
    // A JSON the loader refuses is not compiled.
    let o = rouxing(&["catalogue", "compile", "README.md", &bin_s]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(!bin.exists());
}

#[test]
fn serve_answers_and_stops_on_sigterm() {
    let mut child = Command::new(BIN)
        .args(["serve", "--addr", "127.0.0.1:0", "--regime", "shandan"])
        .current_dir(ROOT)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    assert!(resp.starts_with("HTTP/1.1 200") && resp.ends_with(r#"{"status":"ok"}"#), "{resp}");
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "graceful shutdown exits 0");
}

// ---- record verify with the verifying key and the expected checkpoint ----

const SEED: [u8; 32] = [7; 32];

fn signer() -> rouxing::record::Ed25519Signer {
    rouxing::record::Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &SEED)
}

fn key_arg(signer: &rouxing::record::Ed25519Signer) -> String {
    let hex: String = signer.public_key().iter().map(|b| format!("{b:02x}")).collect();
    format!("amr-2025:{hex}")
}

/// The sample case file, parsed.
fn sample() -> rouxing::CaseFile {
    let text = std::fs::read_to_string(format!("{ROOT}/schema/examples/case-file.jsonl")).unwrap();
    rouxing::CaseFile::from_jsonl(&text).unwrap()
}

/// A case file rebuilt from events: what someone with write access but no
/// key can produce (a valid chain, a matching closing line).
fn rechained(events: impl IntoIterator<Item = rouxing::record::Event>) -> rouxing::CaseFile {
    let mut f = rouxing::CaseFile::new(sample().case_id().clone());
    for e in events {
        f.append(e).unwrap();
    }
    f
}

/// Writes files into a fresh temporary directory; removed on drop.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rouxing-verify-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn file(&self, name: &str, text: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

#[test]
fn record_verify_checks_the_seal_with_the_key() {
    let s = Scratch::new("seal");
    let signer = signer();
    let mut f = sample();
    let on = f.entries().last().unwrap().event().on;
    let checkpoint = f.seal(on, &signer).unwrap();
    let sealed = s.file("sealed.jsonl", &f.to_jsonl());
    let cp = s.file("cp.json", &checkpoint.to_json());

    // The key and the checkpoint: every check passes.
    let o = verify_against(&sealed, &key_arg(&signer), &cp);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("案卷完整 / intact: case 山丹2025-00640, 14 events"), "{out}");
    assert!(out.contains("封存签名有效 / seal verified: ed25519 key `amr-2025`, 13 events"), "{out}");
    assert!(
        out.contains("检查点相符 / extends the checkpoint: ed25519 key `amr-2025`, 13 of 14 events"),
        "{out}"
    );

    // No key: the chain is checked, the seal is said to be unchecked.
    let o = rouxing(&["record", "verify", &sealed, "--as-of", "2025-12-31"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("封存签名未核验 / seal not checked: no --key given"), "{}", stdout(&o));

    // Another agency's key does not verify the seal.
    let other = rouxing::record::Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &[9; 32]);
    let o = rouxing(&["record", "verify", &sealed, "--key", &key_arg(&other), "--as-of", "2025-12-31"]);
    found(
        &o,
        "封存签名无效 / seal rejected: signature rejected: the `ed25519` signature does not verify under key `amr-2025`",
    );

    // The checkpoint from stdin.
    let o = with_stdin(
        &[
            "record",
            "verify",
            &sealed,
            "--key",
            &key_arg(&signer),
            "--checkpoint",
            "-",
            "--as-of",
            "2025-12-31",
        ],
        &checkpoint.to_json(),
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn record_verify_names_a_rewrite_and_a_tail_cut_against_the_checkpoint() {
    let s = Scratch::new("cut");
    let signer = signer();
    let original = sample();
    let checkpoint = original.checkpoint(&signer).unwrap();
    let cp = s.file("cp.json", &checkpoint.to_json());
    let key = key_arg(&signer);
    let events: Vec<_> = original.entries().iter().map(|e| e.event().clone()).collect();

    // Rewritten and re-chained: the chain is intact, the checkpoint is not met.
    let mut changed = events.clone();
    let follow_up =
        changed.iter_mut().find(|e| e.stage.kind() == rouxing::record::StageKind::FollowedUp).unwrap();
    let mut v = serde_json::to_value(&*follow_up).unwrap();
    v["findings"] = serde_json::json!("发现同类违法行为");
    *follow_up = serde_json::from_value(v).unwrap();
    let rewritten = s.file("rewritten.jsonl", &rechained(changed).to_jsonl());
    let o = rouxing(&["record", "verify", &rewritten, "--as-of", "2025-12-31"]);
    assert_eq!(code(&o), 0, "without the checkpoint a re-chained file looks intact: {}", stdout(&o));
    found(&verify_against(&rewritten, &key, &cp), "案卷被改写: rewritten: event `12` has digest");

    // Cut after ten events, with a closing line forged to match.
    let cut = s.file("cut.jsonl", &rechained(events.into_iter().take(10)).to_jsonl());
    let o = rouxing(&["record", "verify", &cut, "--as-of", "2025-12-31"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    found(
        &verify_against(&cut, &key, &cp),
        "案卷尾部被截去: tail cut: the checkpoint covers `13` events, the file has `10`",
    );

    // A checkpoint whose signature is not the key's.
    let other = rouxing::record::Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &[9; 32]);
    let forged = s.file("forged.json", &original.checkpoint(&other).unwrap().to_json());
    let file = format!("{ROOT}/schema/examples/case-file.jsonl");
    found(&verify_against(&file, &key, &forged), "检查点不符 / checkpoint rejected: signature rejected");
}

#[test]
fn record_verify_refuses_events_after_the_day_of_verification() {
    let o = rouxing(&["record", "verify", "schema/examples/case-file.jsonl", "--as-of", "2025-09-17"]);
    found(&o, "dated after the day of verification: event `11` (`回访`) is dated `2025-09-18`");
}

#[test]
fn record_verify_usage_and_rejected_checkpoints() {
    let s = Scratch::new("usage");
    let file = "schema/examples/case-file.jsonl";
    // A checkpoint needs a key; a key must be `<id>:<64 hex>`.
    let o = rouxing(&["record", "verify", file, "--checkpoint", "cp.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = rouxing(&["record", "verify", file, "--key", "amr-2025:abcd"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("expected 64 hexadecimal digits"), "{}", stderr(&o));
    let o = rouxing(&["record", "verify", file, "--key", "nokeyid"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    // A checkpoint that does not load: rejected, naming file, line and field.
    let cp = s.file("bad.json", "{\"case_id\": \"山丹2025-00640\",\n\"events\": \"13\"}");
    let o = rouxing(&["record", "verify", file, "--key", &key_arg(&signer()), "--checkpoint", &cp]);
    assert_eq!(code(&o), 3, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("bad.json line 2 column 14, field `events`: invalid type"), "{}", stderr(&o));
    // A missing file: 4.
    let o = rouxing(&["record", "verify", "no/such.jsonl"]);
    assert_eq!(code(&o), 4, "{}", stderr(&o));
}
