//! 公示: a fine published under the market-regulation rule (deadline, early
//! stop and credit repair), a decision withdrawn after it was revoked, a
//! text redacted before publication, and the department's list and
//! benchmark as a publishable document (Markdown, HTML and, with the `docx`
//! feature, Word).
//!
//! ```sh
//! cargo run --example publicity -- out/publicity
//! cargo run --features docx --example publicity -- out/publicity
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use rouxing::case::{Agency, Case, Correction, Harm};
use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
use rouxing::measure::PenaltyKind;
use rouxing::mechanism::credit::{self, CreditPolicy, CreditProfile, EarlyStopFacts, FaultCause};
use rouxing::money::{FineRule, Money};
use rouxing::party::{Party, PartyId, PartyKindCode};
use rouxing::publicity::{
    self, ListPublication, Overturn, Planned, PublicityPolicy, Redaction, SocialImpact, Subject, SubjectKind,
};
use rouxing::{Regime, assess, recommend};

#[path = "support/convert.rs"]
mod convert;
mod support;

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("bad date {y}-{m}-{d}"))
}

fn e<E: std::fmt::Display>(x: E) -> String {
    x.to_string()
}

fn run() -> Result<(), String> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out/publicity".to_owned()));
    std::fs::create_dir_all(&dir).map_err(|x| format!("{}: {x}", dir.display()))?;
    let regime = Regime::national();
    let policy = PublicityPolicy::default();
    let credit_policy = CreditPolicy::default();

    // A market-regulation fine of the 一般 band of ¥10,000–¥100,000.
    let item = Item {
        code: "SC-01".parse().map_err(e)?,
        name: "销售不符合标准的商品".into(),
        domain: Domain::MarketRegulation,
        authority: "市场监督管理部门".into(),
        violated_provisions: vec!["《示例条例》第八条".into()],
        penalty_provision: "《示例条例》第三十条".into(),
        penalty_text: None,
        penalty: StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(10_000), Money::yuan(100_000)).map_err(e)?),
            None,
        )
        .map_err(e)?,
        amendments: vec![],
        safety_baseline: false,
        sectors: vec![],
        limitation: None,
        aggravation: vec![],
        no_fault_exception: None,
        entries: vec![],
    };
    let catalogue = Catalogue::new("示例", vec![], vec![item]).map_err(e)?;
    let case = Case::builder("SD-SJ-2025-031".parse().map_err(e)?, "SC-01".parse().map_err(e)?)
        .party(Party::legal_person(PartyId::new("91620725MA71XK2Q3B").map_err(e)?, None))
        .agency(Agency {
            id: "SD-SCJG".parse().map_err(e)?,
            name: "山丹县市场监督管理局".into(),
            domain: Domain::MarketRegulation,
        })
        .act_on(date(2025, 3, 1)?)
        .discovered_on(date(2025, 3, 10)?)
        .harm(Harm::Harmful)
        .correction(Correction::None)
        .build()
        .map_err(e)?;
    let decision = recommend(&assess(&case, &catalogue, &regime, date(2025, 4, 1)?), &regime);
    support::outln!("决定：{}", decision.summary());
    let Planned::Publish(mut record) =
        publicity::plan(&case, &decision, SocialImpact::Some, &credit_policy, &policy, &regime).map_err(e)?
    else {
        return Err("expected a publication".into());
    };
    support::outln!("应当于{}前公示（《市场监督管理行政处罚信息公示规定》第九条）", record.publish_by);
    record.publish(date(2025, 4, 8)?).map_err(e)?;
    let last = record.last_day(&policy).map_err(e)?.map_or_else(|| "未定".to_owned(), |d| d.to_string());
    support::outln!("{}公示，公示期至{last}（第十三条第一款）", date(2025, 4, 8)?);
    let effect =
        credit::effect(&case, &decision, &FaultCause::Ordinary, &credit_policy, &regime).map_err(e)?;
    let profile = CreditProfile::new(
        case.party().id().clone(),
        PartyKindCode::LegalPerson,
        vec![effect.record.clone()],
        vec![],
    )
    .map_err(e)?;
    let facts = EarlyStopFacts { performed: true, harm_eliminated: true };
    match record.clone().stop_early(&effect.record, &profile, facts, date(2025, 5, 1)?) {
        Ok(_) => support::outln!("2025-05-01 提前停止公示"),
        Err(x) => support::outln!("2025-05-01 申请提前停止公示：{x}"),
    }
    let repaired = record.stop_early(&effect.record, &profile, facts, date(2025, 8, 1)?).map_err(e)?;
    support::outln!(
        "2025-08-01 提前停止公示，信用修复于{}；此后仍计为失信：{}",
        repaired.repaired_on.map_or_else(String::new, |d| d.to_string()),
        repaired.counts_as_dishonesty(&credit_policy, date(2025, 9, 1)?)
    );

    // Another department's decision with social impact, revoked on review.
    let mut other = decision.clone();
    other.domain = Some(Domain::EmergencyManagement);
    let Planned::Publish(mut r2) =
        publicity::plan(&case, &other, SocialImpact::Some, &credit_policy, &policy, &regime).map_err(e)?
    else {
        return Err("expected a publication".into());
    };
    r2.publish(date(2025, 4, 3)?).map_err(e)?;
    r2.overturn(Overturn::Revoked, date(2025, 5, 2)?, &regime.calendar).map_err(e)?;
    support::outln!("2025-05-02 被撤销：{:?}", r2.status_on(date(2025, 5, 2)?, &policy).map_err(e)?);
    r2.withdraw(date(2025, 5, 7)?, "该行政处罚决定已被行政复议机关撤销").map_err(e)?;
    support::outln!(
        "2025-05-07 撤回：{:?}（第四十八条第二款）",
        r2.status_on(date(2025, 5, 7)?, &policy).map_err(e)?
    );

    // Redaction.
    let redaction = Redaction {
        subjects: vec![
            Subject {
                kind: Some(SubjectKind::NaturalPerson),
                name: "张三丰".into(),
                address: Some("甘肃省张掖市山丹县清泉镇南关村3号".into()),
                ..Subject::default()
            },
            Subject {
                kind: Some(SubjectKind::Organisation),
                name: "山丹县某某商贸有限公司".into(),
                identifier: Some("91620725MA71XK2Q3B".into()),
                ..Subject::default()
            },
        ],
        trade_secrets: vec!["进货价每吨3200元".into()],
    };
    let text = "山丹县某某商贸有限公司（统一社会信用代码91620725MA71XK2Q3B）负责人张三丰（身份证号62072519800101123X，住甘肃省张掖市山丹县清泉镇南关村3号，电话13812345678）称进货价每吨3200元。";
    let out = publicity::redact(text, &redaction);
    support::outln!("\n公示前：{text}\n公示稿：{}", out.text);
    for c in out.citations() {
        support::outln!("  依据：{c}");
    }

    // The list and benchmark.
    let bundled = Catalogue::bundled().map_err(e)?;
    let shandan = Regime::shandan_sample();
    let list = ListPublication {
        department: "山丹县农业农村局",
        version: "2026年第1版",
        published_on: date(2026, 3, 1)?,
        catalogue: &bundled,
        regime: &shandan,
    };
    std::fs::write(dir.join("list.md"), list.to_markdown()).map_err(e)?;
    std::fs::write(dir.join("list.html"), list.to_html()).map_err(e)?;
    #[cfg(feature = "docx")]
    {
        let docx = dir.join("list.docx");
        std::fs::write(&docx, list.to_docx().map_err(e)?).map_err(e)?;
        if let Some(png) = convert::to_pdf_and_png(&docx)? {
            support::outln!("页面图像：{}", png.display());
        }
    }
    support::outln!("\n已写入 {}/list.md、list.html", dir.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(x) => {
            eprintln!("error: {x}");
            ExitCode::FAILURE
        }
    }
}
