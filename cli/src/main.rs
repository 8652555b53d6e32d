//! `rouxing`: the command line of rouxing (柔性执法规则库命令行).
//!
//! A thin layer over the library: every answer comes from
//! [`rouxing::assess()`], [`rouxing::recommend`], [`rouxing::review`] and the
//! batch functions; this program reads files, picks the catalogue, regime
//! and decision date, and prints. See `rouxing --help` and the README.
//!
//! Exit codes (退出码):
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done; every check passed |
//! | 1 | done, and a check found something: an unlawful decision (review), audit findings, a case file that is broken, dated after `--as-of`, cut or rewritten against its checkpoint, or whose seal or checkpoint signature is rejected (`record verify`) |
//! | 2 | usage error (unknown option, missing argument) |
//! | 3 | a document was rejected (case, decision, catalogue, regime, checkpoint): the message names file, line, field and value |
//! | 4 | a file could not be read or written |

use std::io::{BufRead, IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rouxing::{CaseFile, Catalogue, Regime};
use rouxing_server::wire::{
    self, AsOf, Context, DecidedDocument, ErrorCode, ReviewRequest, SCHEMA_VERSION, WireError, load_case,
    resolve_as_of,
};

const AFTER_HELP: &str = "\
退出码 / exit codes:
  0  完成，检查均通过 / done, every check passed
  1  完成，检查发现问题（违法决定、监督发现、案卷被改动、截尾、签名无效）/ a check found something
  2  用法错误 / usage error
  3  文书被拒绝（案件、决定、清单、裁量基准、检查点），信息注明文件、行、字段和值 / a document was rejected
  4  文件无法读写 / a file could not be read or written";

/// rouxing：行政柔性执法与“两轻一免”规则（《中华人民共和国行政处罚法》）。
/// Flexible administrative enforcement and the 两轻一免 lists, under the
/// Administrative Penalty Law 2021.
#[derive(Debug, Parser)]
#[command(name = "rouxing", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The catalogue and regime options shared by the deciding commands.
#[derive(Debug, clap::Args)]
struct Basis {
    /// 两轻一免清单 / catalogue file (JSON, or compiled by `catalogue compile`); default: the bundled sample catalogue.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// 裁量基准 / regime: `national` (全国, default), `shandan` (山丹县样例) or a JSON file.
    #[arg(long, value_name = "national|shandan|FILE", default_value = "national")]
    regime: String,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 决定：评估、建议并审查案件 / decide cases: assess, recommend, review.
    ///
    /// Each CASE is a case file (JSON); a name ending in `.jsonl`, or `-` for
    /// standard input, holds one case per line (JSON Lines). The decision
    /// date is `--as-of`, else the case's recorded decision date, else today
    /// (China Standard Time); the output says which.
    Decide {
        /// 案件文件 / case files, `.jsonl` batches or `-` (stdin).
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<String>,
        #[command(flatten)]
        basis: Basis,
        /// 决定日期 / decision date, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// JSON Lines out: one decision document per case / 每案一行 JSON。
        #[arg(long, conflicts_with = "decided")]
        json: bool,
        /// JSON Lines out: case + decision, the input of `audit` and `report` / 输出已决案件。
        #[arg(long)]
        decided: bool,
    },
    /// 法制审核：审查拟作出的决定 / review decisions or proposals.
    ///
    /// Each FILE holds `{"case": …, "decision": …}` or `{"case": …,
    /// "proposal": …}`; `.jsonl` or `-` hold one per line. The assessment is
    /// recomputed from the case.
    Review {
        /// 审查文书 / review documents, `.jsonl` batches or `-` (stdin).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        #[command(flatten)]
        basis: Basis,
        /// 决定日期 / decision date, YYYY-MM-DD; default: the decision's.
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// JSON Lines out / 输出 JSON。
        #[arg(long)]
        json: bool,
    },
    /// 执法监督：同事同罚、重复首违不罚、宽严异常、安全底线 / batch audit of decided cases.
    Audit {
        /// 已决案件 / decided cases (JSON Lines of case + decision), or `-`.
        #[arg(value_name = "DECIDED.jsonl")]
        decided: String,
        #[command(flatten)]
        basis: Basis,
        /// JSON out / 输出 JSON。
        #[arg(long)]
        json: bool,
    },
    /// 统计表：实施行政柔性执法和“两轻一免”情况统计表 / the statistics table.
    Report {
        /// 已决案件 / decided cases (JSON Lines of case + decision), or `-`.
        #[arg(value_name = "DECIDED.jsonl")]
        decided: String,
        /// 格式 / format.
        #[arg(long, value_enum, default_value = "md")]
        format: Format,
        /// 统计起日 / first day of the period; default: the earliest decision.
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// 统计止日 / last day of the period; default: the latest decision.
        #[arg(long, value_name = "DATE")]
        to: Option<NaiveDate>,
    },
    /// 全过程记录 / case files (留痕).
    Record {
        #[command(subcommand)]
        command: RecordCommand,
    },
    /// 两轻一免清单 / catalogues.
    Catalogue {
        #[command(subcommand)]
        command: CatalogueCommand,
    },
    /// 接口规范：列出或输出 JSON Schema / list the wire schemas, or print one.
    Schema {
        /// 文书名 / document name; without it, the list.
        name: Option<String>,
    },
    /// 服务：HTTP 决策服务与法制审核工作台 / run the HTTP service and the review page.
    Serve {
        /// 监听地址 / listen address.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        #[command(flatten)]
        basis: Basis,
    },
}

#[derive(Debug, Subcommand)]
enum RecordCommand {
    /// 校验案卷：哈希链、流程、封存签名与检查点 / verify a case file.
    ///
    /// Checks, in order: the hash chain and the lifecycle (import); that no
    /// event is dated after `--as-of`; the seal (封存) signature, when the
    /// file is sealed and `--key` is given; and, with `--checkpoint`, the
    /// checkpoint's signature and that the file extends it (a tail cut or a
    /// rewrite is named). Exit 0 when every check passes, 1 when one fails.
    ///
    /// A key is `<key id>:<64 hexadecimal digits>`, the 32-byte Ed25519
    /// public key (RFC 8032) under the key id recorded with the signature,
    /// e.g. `amr-2025:ea4a6c63…`; give `--key` once per key (old and new keys
    /// after a rotation).
    Verify {
        /// 案卷 / case file (JSON Lines).
        #[arg(value_name = "FILE.jsonl")]
        file: String,
        /// 验签公钥 / verifying key: `<key id>:<64 hex digits>` (Ed25519 public key); repeatable.
        #[arg(long, value_name = "KEY_ID:HEX", value_parser = parse_key)]
        key: Vec<(rouxing::record::KeyId, [u8; 32])>,
        /// 检查点 / the signed checkpoint stored outside the file (JSON), or `-` for stdin; needs `--key`.
        #[arg(long, value_name = "FILE|-", requires = "key")]
        checkpoint: Option<String>,
        /// 校验日期 / day of verification (YYYY-MM-DD): no event may be dated after it; default: today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
    },
}

/// Parses `--key <key id>:<64 hex digits>`.
fn parse_key(s: &str) -> Result<(rouxing::record::KeyId, [u8; 32]), String> {
    let shown: String = s.chars().take(32).collect();
    let Some((id, hex)) = s.rsplit_once(':') else {
        return Err(format!("`{shown}`: expected `<key id>:<64 hexadecimal digits>`"));
    };
    let key_id = id.parse::<rouxing::record::KeyId>().map_err(|e| e.to_string())?;
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let mut key = [0u8; 32];
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return Err(format!(
            "key `{id}`: expected 64 hexadecimal digits (a 32-byte Ed25519 public key), found {}",
            digits.len()
        ));
    }
    for (k, pair) in key.iter_mut().zip(digits.chunks_exact(2)) {
        let [hi, lo] = pair else { return Err(format!("key `{id}`: odd number of digits")) };
        *k = nibble(*hi)
            .zip(nibble(*lo))
            .map(|(h, l)| (h << 4) | l)
            .ok_or_else(|| format!("key `{id}`: not hexadecimal"))?;
    }
    Ok((key_id, key))
}

#[derive(Debug, Subcommand)]
enum CatalogueCommand {
    /// 校验清单 / load and check a catalogue file.
    Check {
        /// 清单文件 / catalogue file (JSON).
        file: String,
        /// 检查日期 / the day entries are checked for being in force (YYYY-MM-DD); default: today.
        #[arg(long)]
        as_of: Option<NaiveDate>,
    },
    /// 编译清单 / compile a catalogue's JSON into its binary form, for systems that load it at every start.
    Compile {
        /// 清单文件 / catalogue file (JSON), the source of truth.
        input: String,
        /// 输出文件 / the compiled catalogue to write.
        output: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// CSV for Excel (UTF-8 with BOM, CRLF).
    Csv,
    /// Markdown.
    Md,
    /// JSON.
    Json,
}

/// Why the program stops, with its exit code.
#[derive(Debug)]
enum Fail {
    /// A check found something (1).
    Found,
    /// A document was rejected (3).
    Rejected(String),
    /// A file could not be read or written (4).
    Io(String),
    /// Standard output was closed by the reader: stop quietly (0).
    ClosedPipe,
}

impl From<WireError> for Fail {
    fn from(e: WireError) -> Fail {
        Fail::Rejected(e.message)
    }
}

/// Standard output, locked, with a closed pipe turned into a quiet stop.
struct Out(std::io::StdoutLock<'static>);

impl Out {
    fn line(&mut self, s: &str) -> Result<(), Fail> {
        self.0.write_all(s.as_bytes()).and_then(|()| self.0.write_all(b"\n")).map_err(io_fail)
    }
    fn text(&mut self, s: &str) -> Result<(), Fail> {
        self.0.write_all(s.as_bytes()).map_err(io_fail)
    }
    fn flush(&mut self) -> Result<(), Fail> {
        self.0.flush().map_err(io_fail)
    }
}

fn io_fail(e: std::io::Error) -> Fail {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Fail::ClosedPipe
    } else {
        Fail::Io(format!("stdout: {e}"))
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let mut out = Out(std::io::stdout().lock());
    let result = run(cli, &mut out).and_then(|()| out.flush());
    match result {
        Ok(()) | Err(Fail::ClosedPipe) => ExitCode::SUCCESS,
        Err(Fail::Found) => ExitCode::from(1),
        Err(Fail::Rejected(m)) => {
            eprintln!("rouxing: {m}");
            ExitCode::from(3)
        }
        Err(Fail::Io(m)) => {
            eprintln!("rouxing: {m}");
            ExitCode::from(4)
        }
    }
}

fn run(cli: Cli, out: &mut Out) -> Result<(), Fail> {
    match cli.command {
        Command::Decide { cases, basis, as_of, json, decided } => {
            decide(&context(&basis)?, &cases, as_of, Output::of(json, decided), out)
        }
        Command::Review { files, basis, as_of, json } => review(&context(&basis)?, &files, as_of, json, out),
        Command::Audit { decided, basis, json } => audit(&context(&basis)?, &decided, json, out),
        Command::Report { decided, format, from, to } => report(&decided, format, from, to, out),
        Command::Record { command: RecordCommand::Verify { file, key, checkpoint, as_of } } => {
            record_verify(&file, &key, checkpoint.as_deref(), as_of.unwrap_or_else(wire::today), out)
        }
        Command::Catalogue { command: CatalogueCommand::Check { file, as_of } } => {
            catalogue_check(&file, as_of.unwrap_or_else(wire::today), out)
        }
        Command::Catalogue { command: CatalogueCommand::Compile { input, output } } => {
            catalogue_compile(&input, &output, out)
        }
        Command::Schema { name } => schema(name.as_deref(), out),
        Command::Serve { addr, basis } => serve(context(&basis)?, addr),
    }
}

fn read(path: &str) -> Result<String, Fail> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().lock().read_to_string(&mut s).map_err(|e| Fail::Io(format!("stdin: {e}")))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| Fail::Io(format!("{path}: {e}")))
}

fn context(basis: &Basis) -> Result<Context, Fail> {
    let catalogue = match &basis.catalogue {
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| Fail::Io(format!("{name}: {e}")))?;
            // A compiled catalogue starts with its magic; anything else is JSON.
            let loaded = if bytes.starts_with(b"RXCATBIN") {
                Catalogue::from_binary_named(&name, &bytes)
            } else {
                let text =
                    String::from_utf8(bytes).map_err(|e| Fail::Io(format!("{name}: not UTF-8: {e}")))?;
                Catalogue::from_json_named(&name, &text)
            };
            loaded.map_err(|e| WireError::load(ErrorCode::InvalidCatalogue, &e))?
        }
        None => Catalogue::bundled().map_err(|e| WireError::load(ErrorCode::InvalidCatalogue, &e))?,
    };
    let regime = match basis.regime.as_str() {
        "national" => Regime::national(),
        "shandan" => Regime::shandan_sample(),
        path => Regime::from_json_named(path, &read(path)?)
            .map_err(|e| WireError::load(ErrorCode::InvalidRegime, &e))?,
    };
    Ok(Context { catalogue, regime })
}

/// One input document: its name for errors (`file` or `file:line`) and text.
struct Doc {
    name: String,
    text: String,
}

/// The documents of the inputs: a `.jsonl` file or `-` gives one per
/// non-blank line, any other file one.
fn documents(inputs: &[String]) -> Result<Vec<Doc>, Fail> {
    let mut docs = Vec::new();
    for input in inputs {
        if input == "-" || input.ends_with(".jsonl") {
            let text = if input == "-" { String::new() } else { read(input)? };
            let lines: Box<dyn Iterator<Item = std::io::Result<String>>> = if input == "-" {
                Box::new(std::io::stdin().lock().lines())
            } else {
                Box::new(text.lines().map(|l| Ok(l.to_owned())).collect::<Vec<_>>().into_iter())
            };
            let shown = if input == "-" { "stdin" } else { input.as_str() };
            for (i, line) in lines.enumerate() {
                let line = line.map_err(|e| Fail::Io(format!("{shown}:{}: {e}", i + 1)))?;
                if !line.trim().is_empty() {
                    docs.push(Doc { name: format!("{shown}[line {}]", i + 1), text: line });
                }
            }
        } else {
            docs.push(Doc { name: input.clone(), text: read(input)? });
        }
    }
    Ok(docs)
}

fn progress(n: usize) -> indicatif::ProgressBar {
    // A hidden bar unless stderr is a terminal and the batch is long.
    if n < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(u64::try_from(n).unwrap_or(u64::MAX));
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} 件 {per_sec} 剩余 {eta}")
    {
        bar.set_style(style);
    }
    bar
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Output {
    Text,
    Json,
    Decided,
}

impl Output {
    fn of(json: bool, decided: bool) -> Output {
        if decided {
            Output::Decided
        } else if json {
            Output::Json
        } else {
            Output::Text
        }
    }
}

fn to_line<T: serde::Serialize>(v: &T) -> Result<String, Fail> {
    serde_json::to_string(v).map_err(|e| Fail::Io(format!("stdout: {e}")))
}

fn decide(
    ctx: &Context,
    inputs: &[String],
    as_of: Option<NaiveDate>,
    output: Output,
    out: &mut Out,
) -> Result<(), Fail> {
    let docs = documents(inputs)?;
    let bar = progress(docs.len());
    let today = wire::today();
    let mut rejected = 0usize;
    let mut first_error = None;
    for (n, doc) in docs.iter().enumerate() {
        bar.inc(1);
        let case = match load_case(&doc.name, &doc.text, &ctx.catalogue) {
            Ok(c) => c,
            Err(e) => {
                rejected += 1;
                match output {
                    Output::Text if docs.len() > 1 => bar.suspend(|| eprintln!("rouxing: {}", e.message)),
                    Output::Text => {}
                    Output::Json | Output::Decided => out.line(&to_line(&e.document())?)?,
                }
                first_error.get_or_insert(e.message);
                continue;
            }
        };
        let at: AsOf = resolve_as_of(as_of, &case, today);
        let d = ctx.decide(&case, at);
        match output {
            Output::Json => out.line(&to_line(&d)?)?,
            Output::Decided => {
                // One line per document: the case's pretty JSON, compacted.
                let raw = serde_json::from_str::<serde_json::Value>(&case.to_json())
                    .and_then(|v| serde_json::value::to_raw_value(&v))
                    .map_err(|e| Fail::Io(format!("stdout: {e}")))?;
                out.line(&to_line(&DecidedDocument {
                    schema_version: SCHEMA_VERSION,
                    case: raw,
                    decision: d.decision,
                })?)?;
            }
            Output::Text => {
                if n > 0 {
                    out.line("")?;
                    out.line("────────")?;
                }
                print_decision(&d, &doc.name, out)?;
            }
        }
    }
    bar.finish_and_clear();
    match first_error {
        // A single document: its own message is the error.
        Some(m) if docs.len() == 1 && output == Output::Text => Err(Fail::Rejected(m)),
        Some(_) => Err(Fail::Rejected(format!("{rejected} of {} cases rejected", docs.len()))),
        None => Ok(()),
    }
}

fn print_decision(d: &wire::DecisionDocument, name: &str, out: &mut Out) -> Result<(), Fail> {
    let dec = &d.decision;
    out.line(&format!("案件：{}（{name}）", dec.case_id))?;
    out.line(&format!("决定日期：{}（{}）", d.as_of, d.as_of_source.legal_name()))?;
    out.line(&format!("适用裁量规则：{}", d.regime))?;
    out.line("")?;
    out.text(&d.explanation)?;
    out.line("")?;
    out.line(&format!("建议处理：{}", dec.summary()))?;
    out.line(&format!("  处理结果：{}；程序：{}", dec.disposition.legal_name(), dec.procedure.legal_name()))?;
    if !dec.soft_measures.is_empty() {
        let m: Vec<&str> = dec.soft_measures.iter().map(|m| m.legal_name()).collect();
        out.line(&format!("  柔性措施：{}", m.join("、")))?;
    }
    if let Some(f) = dec.follow_up_on {
        out.line(&format!("  回访日期：{f}"))?;
    }
    let docs: Vec<&str> = dec.documents.iter().map(|d| d.legal_name()).collect();
    out.line(&format!("  执法文书：{}", docs.join("、")))?;
    out.line(&format!("  说明理由：{}", d.reasons))?;
    out.line("")?;
    out.line(&format!("合法性审查：{}", d.review_text))
}

fn review(
    ctx: &Context,
    inputs: &[String],
    as_of: Option<NaiveDate>,
    json: bool,
    out: &mut Out,
) -> Result<(), Fail> {
    let docs = documents(inputs)?;
    let bar = progress(docs.len());
    let today = wire::today();
    let mut unlawful = false;
    for doc in &docs {
        bar.inc(1);
        let mut req: ReviewRequest = wire::parse(&doc.name, &doc.text)?;
        if as_of.is_some() {
            req.as_of = as_of;
        }
        let r = ctx.review(&doc.name, &req, today)?;
        unlawful |= !r.lawful;
        if json {
            out.line(&to_line(&r)?)?;
        } else {
            out.line(&format!("案件：{}（{}）", r.decision.case_id, doc.name))?;
            out.line(&format!("决定日期：{}（{}）", r.as_of, r.as_of_source.legal_name()))?;
            out.line(&format!("拟作出的决定：{}", r.decision.summary()))?;
            out.line(&format!("建议处理：{}", r.recommended.summary()))?;
            out.line(&format!("合法性审查：{}", r.review_text))?;
            out.line(&format!(
                "结论：{}",
                if !r.lawful {
                    "违法，不予通过"
                } else if r.passes {
                    "合法，审核通过"
                } else {
                    "合法，但有须改正的问题"
                }
            ))?;
        }
    }
    bar.finish_and_clear();
    if unlawful { Err(Fail::Found) } else { Ok(()) }
}

fn decided_docs(input: &str) -> Result<Vec<(String, DecidedDocument)>, Fail> {
    let mut v = Vec::new();
    for doc in documents(&[input.to_owned()])? {
        let d: DecidedDocument = wire::parse(&doc.name, &doc.text)?;
        v.push((doc.name, d));
    }
    Ok(v)
}

fn audit(ctx: &Context, input: &str, json: bool, out: &mut Out) -> Result<(), Fail> {
    let docs = decided_docs(input)?;
    let bar = progress(docs.len());
    let mut cases = Vec::with_capacity(docs.len());
    for (name, d) in &docs {
        bar.inc(1);
        cases.push(ctx.decided(name, d)?);
    }
    bar.finish_and_clear();
    let a = ctx.audit(&cases, None);
    if json {
        out.line(&to_line(&a)?)?;
    } else {
        out.line(&format!("监督案件：{}件", a.cases))?;
        out.text(&a.text)?;
    }
    if a.clean { Ok(()) } else { Err(Fail::Found) }
}

fn report(
    input: &str,
    format: Format,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    out: &mut Out,
) -> Result<(), Fail> {
    let decisions: Vec<_> = decided_docs(input)?.into_iter().map(|(_, d)| d.decision).collect();
    let earliest = decisions.iter().map(|d| d.decided_on).min();
    let latest = decisions.iter().map(|d| d.decided_on).max();
    let (Some(from), Some(to)) = (from.or(earliest), to.or(latest)) else {
        return Err(Fail::Rejected(format!("{input}: no decided cases, and no --from/--to period")));
    };
    let table = wire::report(from, to, &decisions)?;
    match format {
        Format::Csv => out.text(&table.to_csv()),
        Format::Md => out.text(&table.to_markdown()),
        Format::Json => out.line(&table.to_json()),
    }
}

/// `rouxing record verify`: every check the library offers, in order; the
/// first failure is printed with what it names and exits 1.
fn record_verify(
    file: &str,
    keys: &[(rouxing::record::KeyId, [u8; 32])],
    checkpoint: Option<&str>,
    as_of: NaiveDate,
    out: &mut Out,
) -> Result<(), Fail> {
    use rouxing::record::{Checkpoint, Ed25519Verifier, SealError};
    let text = read(file)?;
    // The checkpoint is read first: a checkpoint that does not load is a
    // rejected document (3), whatever the file holds.
    let checkpoint = match checkpoint {
        Some(path) => {
            let shown = if path == "-" { "stdin" } else { path };
            let cp = Checkpoint::from_json_named(shown, &read(path)?)
                .map_err(|e| WireError::load(ErrorCode::InvalidRecord, &e))?;
            Some(cp)
        }
        None => None,
    };
    let mut verifier = Ed25519Verifier::new();
    for (id, public) in keys {
        verifier =
            verifier.try_with_key(id.clone(), *public).map_err(|e| Fail::Rejected(format!("--key: {e}")))?;
    }
    let fail = |out: &mut Out, what: &str, e: &dyn std::fmt::Display| -> Result<(), Fail> {
        out.line(&format!("{file}: {what}: {e}"))?;
        Err(Fail::Found)
    };
    let cf = match CaseFile::from_jsonl(&text) {
        Ok(cf) => cf,
        Err(e) => return fail(out, "案卷被改动或不完整 / changed or incomplete", &e),
    };
    if let Err(e) = cf.verify_at(as_of) {
        return fail(out, "案卷日期晚于校验日 / dated after the day of verification", &e);
    }
    out.line(&format!(
        "{file}: 案卷完整 / intact: case {}, {} events, head {}, no event after {as_of}",
        cf.case_id(),
        cf.len(),
        cf.head()
    ))?;
    if cf.is_sealed() {
        if keys.is_empty() {
            out.line("封存签名未核验 / seal not checked: no --key given")?;
        } else {
            match cf.verify_seal(&verifier) {
                Ok(seal) => out.line(&format!(
                    "封存签名有效 / seal verified: {} key `{}`, {} events, head {}",
                    seal.algorithm, seal.key_id, seal.events, seal.head
                ))?,
                Err(e) => return fail(out, "封存签名无效 / seal rejected", &e),
            }
        }
    } else {
        out.line("未封存 / not sealed")?;
    }
    if let Some(cp) = checkpoint {
        match cf.verify_checkpoint(&cp, &verifier) {
            Ok(()) => out.line(&format!(
                "检查点相符 / extends the checkpoint: {} key `{}`, {} of {} events, head {}",
                cp.algorithm,
                cp.key_id,
                cp.events,
                cf.len(),
                cp.head
            ))?,
            // The error's own text begins `tail cut:` or `rewritten:`.
            Err(e @ SealError::TailCut { .. }) => return fail(out, "案卷尾部被截去", &e),
            Err(e @ SealError::Rewritten { .. }) => return fail(out, "案卷被改写", &e),
            Err(e) => return fail(out, "检查点不符 / checkpoint rejected", &e),
        }
    }
    Ok(())
}

/// Loads a catalogue and prints the list lint of `Catalogue::warnings` (the
/// one owner of list lint): warnings do not make the catalogue invalid, so
/// the exit code stays 0.
fn catalogue_check(file: &str, as_of: NaiveDate, out: &mut Out) -> Result<(), Fail> {
    let c = Catalogue::from_json_named(file, &read(file)?)
        .map_err(|e| WireError::load(ErrorCode::InvalidCatalogue, &e))?;
    let entries: usize = c.items().map(|i| i.entries.len()).sum();
    out.line(&format!(
        "{file}: 清单有效 / valid: 《{}》, {} items, {entries} list entries",
        c.name(),
        c.len()
    ))?;
    let warnings = c.warnings(as_of);
    out.line(&format!("清单提示 / warnings on {as_of}: {}", warnings.len()))?;
    for w in &warnings {
        out.line(&format!("  - {w}"))?;
    }
    Ok(())
}

/// Loads and checks a catalogue's JSON and writes its compiled form, with
/// the format version and the SHA-256 of the JSON it was made from.
fn catalogue_compile(input: &str, output: &std::path::Path, out: &mut Out) -> Result<(), Fail> {
    let bytes = Catalogue::compile_json(input, &read(input)?)
        .map_err(|e| WireError::load(ErrorCode::InvalidCatalogue, &e))?;
    let digest = rouxing::catalogue::binary::source_digest(&bytes)
        .map_err(|e| WireError::load(ErrorCode::InvalidCatalogue, &e))?;
    std::fs::write(output, &bytes).map_err(|e| Fail::Io(format!("{}: {e}", output.display())))?;
    out.line(&format!(
        "{input} -> {}: {} bytes, format version {}, source sha256 {digest}",
        output.display(),
        bytes.len(),
        rouxing::catalogue::binary::BINARY_FORMAT_VERSION
    ))
}

fn schema(name: Option<&str>, out: &mut Out) -> Result<(), Fail> {
    use rouxing_server::schema;
    let pretty =
        |v: &serde_json::Value| serde_json::to_string_pretty(v).map_err(|e| Fail::Io(format!("stdout: {e}")));
    match name {
        None => {
            for d in schema::documents() {
                out.line(&format!("{:<22} {}  {}", d.name, d.legal_name, d.description))?;
            }
            out.line(&format!(
                "{:<22} {}  {}",
                "openapi", "接口说明", "The OpenAPI 3.1 description of the service."
            ))
        }
        Some("openapi") => out.line(&pretty(&schema::openapi())?),
        Some(n) => {
            let n = n.strip_suffix(".schema.json").unwrap_or(n);
            match schema::get(n) {
                Some(s) => out.line(&pretty(&s)?),
                None => Err(Fail::Rejected(format!("no schema `{n}`: `rouxing schema` lists them"))),
            }
        }
    }
}

fn serve(ctx: Context, addr: SocketAddr) -> Result<(), Fail> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Fail::Io(format!("runtime: {e}")))?;
    rt.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| Fail::Io(format!("{addr}: {e}")))?;
        let local = listener.local_addr().map_err(|e| Fail::Io(format!("{addr}: {e}")))?;
        eprintln!("rouxing: serving on http://{local}/ (《{}》, {})", ctx.catalogue.name(), ctx.regime.name);
        rouxing_server::serve(listener, Arc::new(ctx), rouxing_server::shutdown_signal())
            .await
            .map_err(|e| Fail::Io(format!("{local}: {e}")))
    })
}
