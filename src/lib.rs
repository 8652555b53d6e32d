//! rouxing (柔性): typed rules for China's flexible administrative enforcement
//! (行政柔性执法) and the 两轻一免 lists (从轻、减轻、免予处罚), under
//! 《中华人民共和国行政处罚法》 (2021).
//!
//! Case facts, a department's catalogue and a jurisdiction's regime go in;
//! the lawful outcomes, a recommended decision and an explanation citing the
//! law (法名 第X条第Y款) come out. Every decision function is pure: no clock,
//! no I/O, no panics.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::{Case, Catalogue, Regime, Tier, assess, recommend};
//!
//! let catalogue = Catalogue::bundled()?;
//! let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
//! let regime = Regime::shandan_sample();
//! let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
//!
//! let assessment = assess(&case, &catalogue, &regime, as_of);
//! let decision = recommend(&assessment, &regime);
//!
//! // 初次违法且危害后果轻微并及时改正: 首违不罚, with education and a correction order.
//! assert_eq!(decision.tier, Tier::NoPenalty);
//! assert!(decision.education && decision.correction.is_some());
//! assert!(decision.reasons.to_string().contains("第三十三条第一款"));
//! println!("{}", assessment.explain());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # 快速上手
//!
//! rouxing 供执法办案系统嵌入使用：输入案件事实（[`Case`]）、本部门的两轻一免清单
//! （[`Catalogue`]）和本地的裁量规则（[`Regime`]），得到依法可以作出的处理范围、
//! 建议的处理决定和逐条援引法律依据的说明。所有判断都是纯函数：不读系统时钟、
//! 不做读写、不会 panic；决定日期由调用方传入。
//!
//! 1. 在 `Cargo.toml` 中加入依赖：`rouxing = "0.1"`（最低 Rust 版本 1.85）。
//! 2. 载入清单：[`Catalogue::from_json_named`]（格式见 [`Catalogue`] 文档；
//!    [`Catalogue::bundled`] 为随附的示例清单）。
//! 3. 载入案件：[`Case::from_json_named`] 或 [`Case::builder`]；出错时错误信息载明
//!    文件、行号、字段和取值。
//! 4. 选择裁量规则：[`Regime::national`]（全国通用的默认值），或从 JSON 载入本地规则。
//! 5. 调用 [`assess()`] 得到 [`Assessment`]（依法可以作出的处理、理由、期限、逐条规则），
//!    调用 [`recommend`] 得到建议的 [`Decision`]，调用 [`review`] 进行合法性审查。
//! 6. 展示 `assessment.explain()` 与 `decision.reasons`：每条规则均注明
//!    《中华人民共和国行政处罚法》第X条第Y款。
//!
//! 工作日（第八十五条）按国务院办公厅公布的节假日安排计算（随附 2019–2026 年）；
//! 尚未公布的年份按《全国年节及纪念日放假办法》推算，结果标注“暂定”
//! （[`calendar::ScheduleBasis::Provisional`]），公布后用
//! [`calendar::WorkCalendar::from_json`] 载入当年通知即可。
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::{Case, Catalogue, Regime, assess, recommend, review};
//!
//! let catalogue = Catalogue::bundled()?;
//! let case = Case::from_json(include_str!("../examples/data/cases/minor-16.json"), &catalogue)?;
//! let regime = Regime::national();
//! let decided_on = case.decision_date().ok_or("案件未载明决定日期")?;
//!
//! let assessment = assess(&case, &catalogue, &regime, decided_on);
//! let decision = recommend(&assessment, &regime);
//! let check = review(&case, &catalogue, &regime, &decision, None);
//! assert!(check.findings.is_empty());
//! println!("{}\n建议：{}\n理由：{}", assessment.explain(), decision.summary(), decision.reasons);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! * [`Case`] — the facts found (认定事实), built and checked by
//!   [`CaseBuilder`](case::CaseBuilder) or loaded from JSON.
//! * [`Catalogue`] — a department's violations (事项) with their penalty
//!   provisions and published 两轻一免 list entries.
//! * [`Regime`] — a jurisdiction's knobs: 裁量基准 bands, what "first
//!   violation" means, 较大数额, which decisions need 法制审核.
//! * [`assess()`] → [`Assessment`] — the lawful outcome set over [`Tier`]
//!   (不予处罚 < 减轻 < 从轻 < 一般 < 从重), each member mandatory, alternative or
//!   discretionary, with grounds, fine bands, limitation, applicable rule
//!   version, duties, deadlines and a trace of every rule considered.
//! * [`recommend`] → [`Decision`] — the most lenient lawful outcome
//!   (柔性执法作为首选方式) with sanctions, correction order, education, guardian
//!   order, documents (文书), procedure and reasons (说明理由).
//! * [`import`] and [`published`] — a department's list from its own
//!   spreadsheet, and every entry of the 21 published lists rouxing bundles;
//!   [`Catalogue::warnings`] lints the entries a department adopts.
//! * [`law::Citation`] — every rule's source, rendered
//!   `《中华人民共和国行政处罚法》第三十三条第一款` or `art_33__para_1`, with the
//!   statute's words via [`law::Citation::quote`].
//! * [`instrument`] — the 文书 a decision calls for (行政处罚决定书 with Art. 59's
//!   contents, 不予行政处罚决定书, 责令改正通知书, 听证通知书 …) rendered through a
//!   department's templates; [`publicity`] — publication, withdrawal and
//!   redaction; [`report`] — the 统计表 and typical cases.
//!
//! # Domain primer
//!
//! An administrative penalty (行政处罚) "以减损权益或者增加义务的方式予以惩戒" (Art. 2).
//! The Law makes some outcomes mandatory — 不予 (no penalty) for a person
//! under 14, for someone who could not control their conduct, for a minor
//! violation promptly corrected without harm, for a party that proves it had
//! no fault; 应当从轻或者减轻 for a minor aged 14–17 or a party who, say,
//! eliminated the harm (Art. 32) — and leaves others to discretion: 可以不予 for a
//! first violation with slight harm (首违不罚, Art. 33 ¶1), 可以从轻或者减轻 for partial
//! capacity. Departments publish lists (两轻一免清单) naming situations in which
//! they will not penalise, or will penalise more lightly; provinces and
//! departments publish discretion benchmarks (裁量基准) that split a fine range
//! into lighter, ordinary and heavier bands. A correction order (责令改正) is not
//! a penalty and follows every violation; soft measures (行政指导、提醒、告诫…) are
//! never penalties.
//!
//! Dates are civil dates ([`chrono::NaiveDate`]): the law counts days, months
//! and years of the calendar, not instants. Periods run from the day after
//! the trigger to the corresponding day (民法典 Arts. 201, 202); Art. 85's
//! 二日/三日/五日/七日 are working days, counted with the official holiday schedule
//! ([`calendar::WorkCalendar`]); for a year whose schedule is not yet
//! published, with the statutory holidays of 《全国年节及纪念日放假办法》, and the
//! result says it is provisional ([`calendar::ScheduleBasis`]). Money is
//! exact, in 分 ([`money::Money`]).
//!
//! [`_documentation::legal_basis`] walks through every article applied.
//!
//! # Examples
//!
//! ### Check a boundary: the 14th birthday
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::party::{MentalCapacity, Party, PartyId};
//!
//! let born = NaiveDate::from_ymd_opt(2011, 3, 1).ok_or("date")?;
//! let p = Party::natural_person(PartyId::new("P-1")?, born, MentalCapacity::Full);
//! // 周岁 count from the day after the birthday: still 13 on the birthday.
//! assert_eq!(p.age_on(NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?), Some(13));
//! assert_eq!(p.age_on(NaiveDate::from_ymd_opt(2025, 3, 2).ok_or("date")?), Some(14));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Compute the service deadline over a holiday
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::calendar::WorkCalendar;
//!
//! let cal = WorkCalendar::china();
//! let decided = NaiveDate::from_ymd_opt(2024, 9, 30).ok_or("date")?;
//! // Art. 61 + Art. 85: seven working days; National Day 2024 is off and
//! // Saturday 12 October is an adjusted working day.
//! assert_eq!(cal.add_working_days(decided, 7).date, NaiveDate::from_ymd_opt(2024, 10, 15).ok_or("date")?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### Load your own catalogue and regime
//!
//! ```
//! use rouxing::{Catalogue, Regime};
//!
//! let catalogue = Catalogue::from_json_named("catalogue.json", &Catalogue::bundled()?.to_json())?;
//! let mut regime = Regime::national();
//! regime.discretion.lighter_upper_permille = 200; // 从轻 = lower 20 %
//! regime.validate()?;
//! assert!(catalogue.len() > 15);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What this crate does not do
//!
//! * It does not find facts: whether harm was slight or a correction prompt
//!   is the officer's finding, entered in the [`Case`].
//! * It does not store anything or read a clock; the embedding system keeps
//!   records and passes the decision date.
//! * It covers the Administrative Penalty Law's general rules and catalogue
//!   data; special procedures of other laws (public-security detention, tax
//!   enforcement) are out of scope beyond what catalogue data expresses.
//! * Provincial 较大数额 and discretion figures are not bundled: they are
//!   [`Regime`] knobs with documented defaults.
//!
//! # Crate features
//!
//! * `proptest` — the public [`strategy`] module: `proptest` strategies for
//!   catalogues, cases and regimes, the generators rouxing's own property
//!   tests use.
//!   With it: tunable distributions (`strategy::Config`), lawful decisions,
//!   proposals, the list checker and the case-file state machine. The
//!   invariant checkers they feed, [`invariants`], need no feature.
//! * `docx` — Word output of the enforcement instruments ([`instrument`]),
//!   the publishable list ([`publicity::ListPublication`]) and typical cases
//!   (`report::typical_cases_docx`). Needs Rust 1.89 (docx-rs's zip).
//! * `xlsx` — the statistics table as an Excel workbook
//!   (`StatisticsTable::to_xlsx`). Needs Rust 1.88 (rust_xlsxwriter).
//!
//! The minimum supported Rust version is 1.85, for the default features and
//! for `proptest` alike (dependencies are bounded to versions that build
//! with it: `sha2` below 0.11.1, `proptest` below 1.12).
//!
//! # Data and licences
//!
//! rouxing is licensed under MIT OR Apache-2.0. The bundled holiday schedule
//! (2019–2026) is converted from the NateScarlet/holiday-cn data set, MIT
//! License, Copyright (c) 2019 NateScarlet; a program that ships it should
//! carry that notice, available as [`calendar::HOLIDAY_DATA_NOTICE`]. The
//! statute and list texts are official documents of state organs, outside
//! copyright (《中华人民共和国著作权法》第五条).
//! * `import-xlsx` — `import::from_xlsx`: import a published list from an
//!   `.xlsx` workbook (its reader, calamine, needs Rust 1.88; CSV import
//!   needs no feature).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(docsrs_rouxing, feature(doc_cfg))]

#[macro_use]
mod macros;
mod dedup;
mod error_zh;
mod serde_date;

pub mod assess;
pub mod audit;
pub mod batch;
pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod decision;
pub mod evaluation;
pub mod facts;
pub mod guard;
pub mod ident;
pub mod import;
pub mod instrument;
pub mod invariants;
pub mod law;
pub mod liability;
mod load;
pub mod measure;
pub mod mechanism;
pub mod money;
#[cfg(feature = "docx")]
#[cfg_attr(docsrs_rouxing, doc(cfg(feature = "docx")))]
pub mod office;
pub mod party;
pub mod publicity;
pub mod published;
pub mod record;
pub mod regime;
pub mod register;
pub mod report;
#[cfg(feature = "schema")]
#[cfg_attr(docsrs_rouxing, doc(cfg(feature = "schema")))]
pub mod schema;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs_rouxing, doc(cfg(feature = "proptest")))]
pub mod strategy;

pub use crate::assess::{Assessment, Tier, assess};
pub use crate::case::Case;
pub use crate::catalogue::Catalogue;
pub use crate::decision::{Decision, recommend};
pub use crate::guard::{Review, review};
pub use crate::record::CaseFile;
pub use crate::regime::Regime;
pub use crate::report::{StatisticsTable, tabulate};

/// Long-form documentation.
pub mod _documentation {
    /// Every article rouxing applies: what is implemented, where, what is
    /// approximated or configurable.
    #[doc = include_str!("../LEGAL_BASIS.md")]
    pub mod legal_basis {}

    /// Design questions and answers.
    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}

    /// Changes by release.
    #[doc = include_str!("../CHANGELOG.md")]
    pub mod changelog {}
}
