//! Legal sources and citations (法律依据).
//!
//! Every rule rouxing applies names its source as a [`Citation`]: an
//! [`Instrument`] (the law, regulation or policy document) and a locator
//! (article 条, paragraph 款, item 项, sentence 句). A citation renders two
//! ways:
//!
//! * in Chinese legal style for people — `《中华人民共和国行政处罚法》第三十三条第一款`
//!   ([`Citation::legal_name`], also the `Display` form);
//! * as a stable machine id modelled on Akoma Ntoso `eId`s — `art_33__para_1`
//!   ([`Citation::eid`]), which together with the instrument code is the wire
//!   format.
//!
//! The full text of the 2021 Administrative Penalty Law ships with the crate
//! (Chinese statutes are not subject to copyright, 著作权法 Art. 5), so
//! [`Citation::quote`] returns the words of the cited provision and a test
//! proves that every citation the crate emits points at text that exists.
//!
//! ```
//! use rouxing::law::Citation;
//!
//! let c = Citation::apl(33).para(1).sentence(2);
//! assert_eq!(c.legal_name(), "《中华人民共和国行政处罚法》第三十三条第一款第二句");
//! assert_eq!(c.eid(), "art_33__para_1__sent_2");
//! assert_eq!(c.quote(), Some("初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::calendar::chinese_numeral;

/// The text of 《中华人民共和国行政处罚法》 as revised on 2021-01-22 (in force
/// 2021-07-15), from the public LawRefBook/Laws repository.
const APL_TEXT: &str = include_str!("../data/law/xingzheng-chufa-fa-2021.md");

vocabulary! {
    /// A legal instrument that rouxing cites.
    ///
    /// The `Display` form is the stable snake_case code; [`Instrument::legal_name`]
    /// is the title as cited in Chinese legal writing, with book-title marks.
    ///
    /// This enum is non-exhaustive so that other instruments may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `administrative_penalty_law` | 《中华人民共和国行政处罚法》 |
    /// | `optimizing_business_environment_regulations` | 《优化营商环境条例》 |
    /// | `civil_code` | 《中华人民共和国民法典》 |
    /// | `minors_interpretation2006` | 《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》 |
    /// | `samr_penalty_publicity_rules` | 《市场监督管理行政处罚信息公示规定》 |
    /// | `shandan_flexible_enforcement_plan` | 《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》 |
    /// | `government_procurement_law` | 《中华人民共和国政府采购法》 |
    /// | `government_procurement_regulations` | 《中华人民共和国政府采购法实施条例》 |
    /// | `personal_information_protection_law` | 《中华人民共和国个人信息保护法》 |
    /// | `minors_protection_law` | 《中华人民共和国未成年人保护法》 |
    /// | `public_security_administration_punishment_law` | 《中华人民共和国治安管理处罚法》 |
    ///
    /// ```
    /// use rouxing::law::Instrument;
    ///
    /// let instrument: Instrument = serde_json::from_str(r#""administrative_penalty_law""#)?;
    /// assert_eq!(instrument, Instrument::AdministrativePenaltyLaw);
    /// assert_eq!(serde_json::to_string(&instrument)?, r#""administrative_penalty_law""#);
    /// # let codes = [("administrative_penalty_law", "《中华人民共和国行政处罚法》"), ("optimizing_business_environment_regulations", "《优化营商环境条例》"), ("civil_code", "《中华人民共和国民法典》"), ("minors_interpretation2006", "《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》"), ("samr_penalty_publicity_rules", "《市场监督管理行政处罚信息公示规定》"), ("shandan_flexible_enforcement_plan", "《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》"), ("government_procurement_law", "《中华人民共和国政府采购法》"), ("government_procurement_regulations", "《中华人民共和国政府采购法实施条例》"), ("personal_information_protection_law", "《中华人民共和国个人信息保护法》"), ("minors_protection_law", "《中华人民共和国未成年人保护法》"), ("public_security_administration_punishment_law", "《中华人民共和国治安管理处罚法》")];
    /// # assert_eq!(Instrument::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Instrument::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Instrument>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Instrument {
        /// 《中华人民共和国行政处罚法》 (2021 revision, in force 2021-07-15).
        AdministrativePenaltyLaw => "《中华人民共和国行政处罚法》",
        /// 《优化营商环境条例》 (State Council Decree No. 722, in force 2020-01-01).
        OptimizingBusinessEnvironmentRegulations => "《优化营商环境条例》",
        /// 《中华人民共和国民法典》 (in force 2021-01-01): periods and "以下".
        CivilCode => "《中华人民共和国民法典》",
        /// 《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》
        /// (法释〔2006〕1号): how 周岁 is counted.
        MinorsInterpretation2006 => "《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》",
        /// 《市场监督管理行政处罚信息公示规定》 (SAMR, in force 2021-09-01).
        SamrPenaltyPublicityRules => "《市场监督管理行政处罚信息公示规定》",
        /// 《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》 (山司发〔2021〕52号),
        /// the county plan that sets the flexible-enforcement working mechanisms.
        /// Its locators are parts (部分, 一–六) and items ((一)…), not articles.
        ShandanFlexibleEnforcementPlan => "《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》",
        /// 《中华人民共和国政府采购法》 (2014 amendment): supplier qualification.
        GovernmentProcurementLaw => "《中华人民共和国政府采购法》",
        /// 《中华人民共和国政府采购法实施条例》 (State Council Decree No. 658, in force
        /// 2015-03-01): what a 重大违法记录 is.
        GovernmentProcurementRegulations => "《中华人民共和国政府采购法实施条例》",
        /// 《中华人民共和国个人信息保护法》 (in force 2021-11-01): redaction before
        /// publication.
        PersonalInformationProtectionLaw => "《中华人民共和国个人信息保护法》",
        /// 《中华人民共和国未成年人保护法》 (2020 revision, in force 2021-06-01):
        /// a minor is never identifiable in what is published.
        MinorsProtectionLaw => "《中华人民共和国未成年人保护法》",
        /// 《中华人民共和国治安管理处罚法》 (2012 amendment, in force 2013-01-01): a
        /// special law whose own 从重 article (第二十条) a catalogue item can apply
        /// ([`AggravationClause`](crate::catalogue::AggravationClause)). rouxing
        /// carries that article only; the 2025 revision (in force 2026-01-01)
        /// renumbers it and is not carried.
        PublicSecurityAdministrationPunishmentLaw => "《中华人民共和国治安管理处罚法》",
    }
}

impl Instrument {
    /// Whether the instrument is divided into parts (部分) and items rather
    /// than articles (条).
    const fn uses_parts(self) -> bool {
        matches!(self, Instrument::ShandanFlexibleEnforcementPlan)
    }

    /// The instrument's rank (效力层级).
    ///
    /// ```
    /// use rouxing::law::{Instrument, Rank};
    /// assert_eq!(Instrument::AdministrativePenaltyLaw.rank(), Rank::Law);
    /// assert_eq!(Instrument::ShandanFlexibleEnforcementPlan.rank(), Rank::NormativeDocument);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rank(self) -> Rank {
        match self {
            Instrument::AdministrativePenaltyLaw
            | Instrument::CivilCode
            | Instrument::GovernmentProcurementLaw
            | Instrument::PersonalInformationProtectionLaw
            | Instrument::MinorsProtectionLaw
            | Instrument::PublicSecurityAdministrationPunishmentLaw => Rank::Law,
            Instrument::OptimizingBusinessEnvironmentRegulations
            | Instrument::GovernmentProcurementRegulations => Rank::AdministrativeRegulation,
            Instrument::MinorsInterpretation2006 => Rank::JudicialInterpretation,
            Instrument::SamrPenaltyPublicityRules => Rank::Rule,
            Instrument::ShandanFlexibleEnforcementPlan => Rank::NormativeDocument,
        }
    }
}

vocabulary! {
    /// The rank of a legal source (效力层级), as 《中华人民共和国立法法》 orders
    /// them, with the two kinds of document below them that enforcement
    /// relies on.
    ///
    /// Only 法律 and 法规 (行政法规, 地方性法规) can set "法律、法规规定应当进行法制审核的
    /// 其他情形" (《中华人民共和国行政处罚法》第五十八条第一款第（四）项): see
    /// [`Rank::is_law_or_regulation`].
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `law` | 法律 |
    /// | `administrative_regulation` | 行政法规 |
    /// | `local_regulation` | 地方性法规 |
    /// | `rule` | 规章 |
    /// | `judicial_interpretation` | 司法解释 |
    /// | `normative_document` | 行政规范性文件 |
    ///
    /// ```
    /// use rouxing::law::Rank;
    ///
    /// let rank: Rank = serde_json::from_str(r#""law""#)?;
    /// assert_eq!(rank, Rank::Law);
    /// assert_eq!(serde_json::to_string(&rank)?, r#""law""#);
    /// # let codes = [("law", "法律"), ("administrative_regulation", "行政法规"), ("local_regulation", "地方性法规"), ("rule", "规章"), ("judicial_interpretation", "司法解释"), ("normative_document", "行政规范性文件")];
    /// # assert_eq!(Rank::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Rank::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Rank>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum Rank {
        /// 法律 (adopted by the National People's Congress or its Standing
        /// Committee).
        Law => "法律",
        /// 行政法规 (State Council).
        AdministrativeRegulation => "行政法规",
        /// 地方性法规 (a provincial or municipal people's congress), including
        /// 自治条例 and 单行条例.
        LocalRegulation => "地方性法规",
        /// 规章 (departmental or local government rules).
        Rule => "规章",
        /// 司法解释 (Supreme People's Court or Procuratorate).
        JudicialInterpretation => "司法解释",
        /// 行政规范性文件: a plan, a catalogue, a notice of an agency or a
        /// county government (e.g. 山司发〔2021〕52号).
        NormativeDocument => "行政规范性文件",
    }
}

impl Rank {
    /// Whether the source is a 法律 or a 法规 (行政法规, 地方性法规).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条第一款第（四）项: "法律、法规规定应当进行法制审核的其他
    /// 情形". A 规章 or a 规范性文件 may require review of its own accord, but that is
    /// not the statute's item (四).
    pub const fn is_law_or_regulation(self) -> bool {
        matches!(self, Rank::Law | Rank::AdministrativeRegulation | Rank::LocalRegulation)
    }
}

/// A pinpoint citation: instrument, article (条), paragraph (款), item (项)
/// and sentence (句).
///
/// Citations are small `Copy` values so that every rule and every trace entry
/// can carry one at no cost. Build them with the `const fn` chain
/// `Citation::apl(58).para(1).item(2)`.
///
/// `Ord` follows the instrument, then the numbering, which is the order a
/// reader finds provisions in.
///
/// On the wire a citation is an object with the instrument code and the
/// Akoma-Ntoso-style id: `{"instrument": "administrative_penalty_law", "eid":
/// "art_33__para_1"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CitationRepr", into = "CitationRepr")]
pub struct Citation {
    instrument: Instrument,
    article: u16,
    paragraph: Option<u8>,
    item: Option<u8>,
    sentence: Option<u8>,
}

impl Citation {
    /// A citation of a whole article (or, for instruments divided into parts,
    /// a whole part).
    ///
    /// ```
    /// use rouxing::law::{Citation, Instrument};
    /// let c = Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59);
    /// assert_eq!(c.to_string(), "《优化营商环境条例》第五十九条");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(instrument: Instrument, article: u16) -> Citation {
        Citation { instrument, article, paragraph: None, item: None, sentence: None }
    }

    /// A citation of an article of 《中华人民共和国行政处罚法》 (2021).
    ///
    /// ```
    /// use rouxing::law::Citation;
    /// assert_eq!(Citation::apl(36).legal_name(), "《中华人民共和国行政处罚法》第三十六条");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn apl(article: u16) -> Citation {
        Citation::new(Instrument::AdministrativePenaltyLaw, article)
    }

    /// The same citation narrowed to a paragraph (款, counted from 1).
    pub const fn para(self, paragraph: u8) -> Citation {
        Citation { paragraph: Some(paragraph), ..self }
    }

    /// The same citation narrowed to an item (项, the statute's （一）（二）…).
    pub const fn item(self, item: u8) -> Citation {
        Citation { item: Some(item), ..self }
    }

    /// The same citation narrowed to a sentence (句) of the paragraph.
    pub const fn sentence(self, sentence: u8) -> Citation {
        Citation { sentence: Some(sentence), ..self }
    }

    /// The cited instrument.
    pub const fn instrument(&self) -> Instrument {
        self.instrument
    }

    /// The article (条) number, or the part (部分) number for instruments
    /// divided into parts.
    pub const fn article(&self) -> u16 {
        self.article
    }

    /// The paragraph (款), if the citation is that precise.
    pub const fn paragraph(&self) -> Option<u8> {
        self.paragraph
    }

    /// The item (项), if the citation is that precise.
    pub const fn item_number(&self) -> Option<u8> {
        self.item
    }

    /// The sentence (句), if the citation is that precise.
    pub const fn sentence_number(&self) -> Option<u8> {
        self.sentence
    }

    /// The citation in Chinese legal style, e.g.
    /// `《中华人民共和国行政处罚法》第五十八条第一款第（二）项`.
    ///
    /// ```
    /// use rouxing::law::Citation;
    /// assert_eq!(
    ///     Citation::apl(58).para(1).item(2).legal_name(),
    ///     "《中华人民共和国行政处罚法》第五十八条第一款第（二）项"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_name(&self) -> String {
        let mut s = String::with_capacity(64);
        s.push_str(self.instrument.legal_name());
        s.push_str(&self.pinpoint());
        s
    }

    /// The locator without the instrument title, e.g. `第三十三条第一款`.
    pub fn pinpoint(&self) -> String {
        let mut s = String::with_capacity(32);
        s.push('第');
        s.push_str(&chinese_numeral(u32::from(self.article)));
        s.push_str(if self.instrument.uses_parts() { "部分" } else { "条" });
        if let Some(p) = self.paragraph {
            s.push('第');
            s.push_str(&chinese_numeral(u32::from(p)));
            s.push('款');
        }
        if let Some(i) = self.item {
            s.push_str("第（");
            s.push_str(&chinese_numeral(u32::from(i)));
            s.push_str("）项");
        }
        if let Some(t) = self.sentence {
            s.push('第');
            s.push_str(&chinese_numeral(u32::from(t)));
            s.push('句');
        }
        s
    }

    /// The Akoma-Ntoso-style element id, e.g. `art_33__para_1__point_2`
    /// (`sec_5__point_1` for instruments divided into parts).
    ///
    /// ```
    /// use rouxing::law::Citation;
    /// assert_eq!(Citation::apl(57).para(1).item(4).eid(), "art_57__para_1__point_4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn eid(&self) -> String {
        use fmt::Write as _;
        let mut s = String::with_capacity(32);
        let head = if self.instrument.uses_parts() { "sec" } else { "art" };
        let _ = write!(s, "{head}_{}", self.article);
        if let Some(p) = self.paragraph {
            let _ = write!(s, "__para_{p}");
        }
        if let Some(i) = self.item {
            let _ = write!(s, "__point_{i}");
        }
        if let Some(t) = self.sentence {
            let _ = write!(s, "__sent_{t}");
        }
        s
    }

    /// Parses an element id produced by [`Citation::eid`].
    ///
    /// # Errors
    ///
    /// Returns an error when the id is not of the form
    /// `art_N[__para_N][__point_N][__sent_N]` (or `sec_N…` for instruments
    /// divided into parts), or a number is zero or out of range.
    ///
    /// ```
    /// use rouxing::law::{Citation, Instrument};
    /// let c = Citation::from_eid(Instrument::AdministrativePenaltyLaw, "art_33__para_2")?;
    /// assert_eq!(c, Citation::apl(33).para(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_eid(instrument: Instrument, eid: &str) -> Result<Citation, ParseCitationError> {
        let bad = || ParseCitationError { eid: eid.to_owned() };
        let head = if instrument.uses_parts() { "sec_" } else { "art_" };
        let mut parts = eid.split("__");
        let first = parts.next().ok_or_else(bad)?;
        let article: u16 = first
            .strip_prefix(head)
            .and_then(parse_positive)
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(bad)?;
        let mut c = Citation::new(instrument, article);
        let mut last_rank = 0u8;
        for part in parts {
            let (rank, rest) = if let Some(r) = part.strip_prefix("para_") {
                (1, r)
            } else if let Some(r) = part.strip_prefix("point_") {
                (2, r)
            } else if let Some(r) = part.strip_prefix("sent_") {
                (3, r)
            } else {
                return Err(bad());
            };
            if rank <= last_rank {
                return Err(bad());
            }
            last_rank = rank;
            let n = parse_positive(rest).and_then(|n| u8::try_from(n).ok()).ok_or_else(bad)?;
            c = match rank {
                1 => c.para(n),
                2 => c.item(n),
                _ => c.sentence(n),
            };
        }
        Ok(c)
    }

    /// The words of the cited provision, if rouxing carries them.
    ///
    /// For 《中华人民共和国行政处罚法》 the text comes from the bundled statute:
    /// an article, a paragraph, an item or a sentence (split at `。`). For the
    /// other instruments rouxing carries the provisions it applies, quoted from
    /// their official texts. Returns `None` when the provision does not exist
    /// (for example `第八十七条` of a law with 86 articles) or is not carried.
    ///
    /// ```
    /// use rouxing::law::Citation;
    /// assert!(Citation::apl(30).quote().is_some_and(|t| t.starts_with("不满十四周岁的未成年人")));
    /// assert_eq!(Citation::apl(87).quote(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quote(&self) -> Option<&'static str> {
        match self.instrument {
            Instrument::AdministrativePenaltyLaw => self.quote_apl(),
            _ => OTHER_QUOTES.iter().find(|(c, _)| c == self).map(|(_, t)| *t),
        }
    }

    /// Whether the citation points at a provision whose text rouxing carries.
    pub fn is_known(&self) -> bool {
        self.quote().is_some()
    }

    fn quote_apl(&self) -> Option<&'static str> {
        let body = apl_article(self.article)?;
        // An item or sentence cited without a paragraph belongs to the first
        // (often only) paragraph: 第九条第（一）项.
        let para = match self.paragraph {
            Some(p) => apl_paragraph(body, p)?,
            None if self.item.is_some() || self.sentence.is_some() => apl_paragraph(body, 1)?,
            None => return Some(body),
        };
        let text = match self.item {
            Some(i) => apl_item(para, i)?,
            None => para,
        };
        match self.sentence {
            Some(n) => nth_sentence(text, n),
            None => Some(text),
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.legal_name())
    }
}

/// The error returned when an element id is not a valid citation locator.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid citation id `{eid}`")]
pub struct ParseCitationError {
    eid: String,
}

impl ParseCitationError {
    /// The id that failed to parse.
    pub fn attempted(&self) -> &str {
        &self.eid
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CitationRepr {
    instrument: Instrument,
    eid: String,
}

impl TryFrom<CitationRepr> for Citation {
    type Error = ParseCitationError;
    fn try_from(r: CitationRepr) -> Result<Self, Self::Error> {
        Citation::from_eid(r.instrument, &r.eid)
    }
}

impl From<Citation> for CitationRepr {
    fn from(c: Citation) -> Self {
        CitationRepr { instrument: c.instrument, eid: c.eid() }
    }
}

/// A provision of a document rouxing does not carry, named by the data
/// that relies on it: the local document a [`Regime`](crate::Regime) rule
/// rests on (a county plan, a 重大执法决定法制审核目录).
///
/// It holds the document's name with its book-title marks (and, where
/// known, its 文号), the locator inside it, the document's [`Rank`], and
/// optionally the provision's words and where the document was published.
/// Cloning is two reference-count increments at most: the text is shared.
///
/// # JSON
///
/// ```json
/// {"document": "《重大执法决定法制审核目录》", "locator": "序号6", "rank": "normative_document",
///  "text": "超出自由裁量权标准，拟作出减轻或加重处罚的"}
/// ```
///
/// `document` begins with `《` and holds the closing `》`; `locator` is not
/// blank; `text` and `url`, when given, are not blank; no field holds a
/// control character.
///
/// ```
/// use rouxing::law::{DocumentCitation, Rank};
///
/// let c = DocumentCitation::new("《重大执法决定法制审核目录》", "序号6", Rank::NormativeDocument)?
///     .with_text("超出自由裁量权标准，拟作出减轻或加重处罚的")?;
/// assert_eq!(c.to_string(), "《重大执法决定法制审核目录》序号6");
/// assert_eq!(c.text(), Some("超出自由裁量权标准，拟作出减轻或加重处罚的"));
/// let json = serde_json::to_string(&c)?;
/// assert_eq!(serde_json::from_str::<DocumentCitation>(&json)?, c);
/// assert!(DocumentCitation::new("重大执法决定法制审核目录", "序号6", Rank::NormativeDocument).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DocumentCitationRepr", into = "DocumentCitationRepr")]
pub struct DocumentCitation {
    parts: std::sync::Arc<DocumentParts>,
    text: Option<std::sync::Arc<str>>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct DocumentParts {
    document: String,
    locator: String,
    rank: Rank,
    url: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DocumentCitationRepr {
    /// The document's name in book-title marks (《…》), with its 文号 if known.
    document: String,
    /// Where in the document: 第X条, 第X部分第（X）项, 序号X …
    locator: String,
    /// The document's rank.
    rank: Rank,
    /// The provision's words, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Where the document was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The error returned when a document citation is malformed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentCitationError {
    /// The document is not named in book-title marks.
    #[error("document `{prefix}` must be named in book-title marks, e.g. `《重大执法决定法制审核目录》`")]
    Title {
        /// A short prefix of the value.
        prefix: String,
    },
    /// A field is blank.
    #[error("document citation field `{field}` must not be blank")]
    Blank {
        /// The field.
        field: &'static str,
    },
    /// A field holds a control character.
    #[error("document citation field `{field}` holds a control character: `{prefix}`")]
    Control {
        /// The field.
        field: &'static str,
        /// A short prefix of the value.
        prefix: String,
    },
}

fn check_field(field: &'static str, value: &str) -> Result<(), DocumentCitationError> {
    if value.trim().is_empty() {
        return Err(DocumentCitationError::Blank { field });
    }
    if value.chars().any(char::is_control) {
        return Err(DocumentCitationError::Control { field, prefix: crate::ident::prefix(value) });
    }
    Ok(())
}

impl DocumentCitation {
    /// A citation of `locator` in `document`, a document of rank `rank`.
    ///
    /// # Errors
    ///
    /// Returns an error when `document` does not begin with `《` or has no
    /// closing `》`, when either string is blank, or when one holds a control
    /// character.
    pub fn new(
        document: impl Into<String>,
        locator: impl Into<String>,
        rank: Rank,
    ) -> Result<DocumentCitation, DocumentCitationError> {
        let (document, locator) = (document.into(), locator.into());
        check_field("document", &document)?;
        check_field("locator", &locator)?;
        if !document.starts_with('《') || !document.contains('》') {
            return Err(DocumentCitationError::Title { prefix: crate::ident::prefix(&document) });
        }
        Ok(DocumentCitation {
            parts: std::sync::Arc::new(DocumentParts { document, locator, rank, url: None }),
            text: None,
        })
    }

    /// The same citation with the provision's words, verbatim.
    ///
    /// # Errors
    ///
    /// Returns an error when the text is blank or holds a control character.
    pub fn with_text(mut self, text: impl Into<String>) -> Result<DocumentCitation, DocumentCitationError> {
        let text = text.into();
        check_field("text", &text)?;
        self.text = Some(text.into());
        Ok(self)
    }

    /// The same citation with the address where the document was published.
    ///
    /// # Errors
    ///
    /// Returns an error when the address is blank or holds a control
    /// character.
    pub fn with_url(mut self, url: impl Into<String>) -> Result<DocumentCitation, DocumentCitationError> {
        let url = url.into();
        check_field("url", &url)?;
        std::sync::Arc::make_mut(&mut self.parts).url = Some(url);
        Ok(self)
    }

    /// The document's name, with its book-title marks.
    pub fn document(&self) -> &str {
        &self.parts.document
    }

    /// Where in the document.
    pub fn locator(&self) -> &str {
        &self.parts.locator
    }

    /// The document's rank.
    pub fn rank(&self) -> Rank {
        self.parts.rank
    }

    /// The provision's words, if given.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Where the document was published, if given.
    pub fn url(&self) -> Option<&str> {
        self.parts.url.as_deref()
    }

    /// The citation in Chinese legal style: the document's name, then the
    /// locator.
    pub fn legal_name(&self) -> String {
        let mut s = String::with_capacity(self.parts.document.len() + self.parts.locator.len());
        s.push_str(&self.parts.document);
        s.push_str(&self.parts.locator);
        s
    }
}

impl fmt::Display for DocumentCitation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.parts.document)?;
        f.write_str(&self.parts.locator)
    }
}

impl TryFrom<DocumentCitationRepr> for DocumentCitation {
    type Error = DocumentCitationError;
    fn try_from(r: DocumentCitationRepr) -> Result<Self, Self::Error> {
        let mut c = DocumentCitation::new(r.document, r.locator, r.rank)?;
        if let Some(t) = r.text {
            c = c.with_text(t)?;
        }
        if let Some(u) = r.url {
            c = c.with_url(u)?;
        }
        Ok(c)
    }
}

impl From<DocumentCitation> for DocumentCitationRepr {
    fn from(c: DocumentCitation) -> Self {
        let parts = std::sync::Arc::unwrap_or_clone(c.parts);
        DocumentCitationRepr {
            document: parts.document,
            locator: parts.locator,
            rank: parts.rank,
            text: c.text.map(|t| t.to_string()),
            url: parts.url,
        }
    }
}

/// Where a rule comes from: a provision of an instrument rouxing carries
/// ([`Citation`], `Copy`), or a provision of a document the data names
/// ([`DocumentCitation`]: a regime's local document).
///
/// Findings of the review ([`guard::Finding`](crate::guard::Finding)) and
/// the legal-review checklist's reasons carry a `Source`, so that a rule a
/// county regime sets cites the county's own document rather than a statute
/// it does not rest on. Comparing a `Source` with a [`Citation`] compares the
/// bundled citation. In the JSON Schemas it is named `LegalSource`.
///
/// # JSON
///
/// A bundled citation keeps the [`Citation`] form, a document the
/// [`DocumentCitation`] form:
///
/// ```json
/// {"instrument": "administrative_penalty_law", "eid": "art_58__para_1__point_1"}
/// {"document": "《重大执法决定法制审核目录》", "locator": "序号1", "rank": "normative_document"}
/// ```
///
/// ```
/// use rouxing::law::{Citation, DocumentCitation, Rank, Source};
///
/// let s = Source::from(Citation::apl(58).para(1).item(1));
/// assert_eq!(s, Citation::apl(58).para(1).item(1));
/// assert_eq!(s.to_string(), "《中华人民共和国行政处罚法》第五十八条第一款第（一）项");
/// let d = Source::from(DocumentCitation::new("《重大执法决定法制审核目录》", "序号1", Rank::NormativeDocument)?);
/// assert_eq!(d.to_string(), "《重大执法决定法制审核目录》序号1");
/// assert_eq!(d.rank(), Rank::NormativeDocument);
/// for s in [s, d] {
///     assert_eq!(serde_json::from_str::<Source>(&serde_json::to_string(&s)?)?, s);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LegalSource"))]
#[serde(try_from = "SourceRepr", into = "SourceRepr")]
pub enum Source {
    /// A provision of an instrument rouxing carries.
    Bundled(Citation),
    /// A provision of a document named by the data.
    Document(DocumentCitation),
}

impl Source {
    /// The bundled citation, if the source is one.
    pub const fn citation(&self) -> Option<Citation> {
        match self {
            Source::Bundled(c) => Some(*c),
            Source::Document(_) => None,
        }
    }

    /// The document citation, if the source is one.
    pub const fn document(&self) -> Option<&DocumentCitation> {
        match self {
            Source::Bundled(_) => None,
            Source::Document(d) => Some(d),
        }
    }

    /// The rank of the source's instrument or document.
    pub fn rank(&self) -> Rank {
        match self {
            Source::Bundled(c) => c.instrument().rank(),
            Source::Document(d) => d.rank(),
        }
    }

    /// The words of the provision: the bundled text, or the text the
    /// document citation quotes.
    pub fn quote(&self) -> Option<&str> {
        match self {
            Source::Bundled(c) => c.quote(),
            Source::Document(d) => d.text(),
        }
    }

    /// Whether rouxing carries the words of the provision
    /// ([`Source::quote`] is some).
    pub fn is_known(&self) -> bool {
        self.quote().is_some()
    }

    /// The source in Chinese legal style (法名 + locator).
    pub fn legal_name(&self) -> String {
        match self {
            Source::Bundled(c) => c.legal_name(),
            Source::Document(d) => d.legal_name(),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Bundled(c) => fmt::Display::fmt(c, f),
            Source::Document(d) => fmt::Display::fmt(d, f),
        }
    }
}

/// The wire form of a [`Source`]: the fields of one of the two forms.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct SourceRepr {
    /// A bundled instrument's code (with `eid`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    instrument: Option<Instrument>,
    /// The bundled provision's element id (with `instrument`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    eid: Option<String>,
    /// A document's name in book-title marks (with `locator` and `rank`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<String>,
    /// Where in the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    locator: Option<String>,
    /// The document's rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rank: Option<Rank>,
    /// The provision's words, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// Where the document was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// The error returned when a source is neither a bundled citation nor a
/// document citation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Neither form, or both.
    #[error(
        "a source is either `instrument` and `eid` (a provision rouxing carries) or `document`, `locator` and `rank` (a document the data names), not both or neither"
    )]
    Form,
    /// The bundled form is malformed.
    #[error(transparent)]
    Citation(#[from] ParseCitationError),
    /// The document form is malformed.
    #[error(transparent)]
    Document(#[from] DocumentCitationError),
}

impl TryFrom<SourceRepr> for Source {
    type Error = SourceError;
    fn try_from(r: SourceRepr) -> Result<Self, Self::Error> {
        let bundled_form = r.instrument.is_some() || r.eid.is_some();
        match (r.instrument, r.eid, r.document, r.locator, r.rank) {
            (Some(i), Some(eid), None, None, None) if r.text.is_none() && r.url.is_none() => {
                Ok(Source::Bundled(Citation::from_eid(i, &eid)?))
            }
            (None, None, Some(document), Some(locator), Some(rank)) if !bundled_form => {
                let repr = DocumentCitationRepr { document, locator, rank, text: r.text, url: r.url };
                Ok(Source::Document(DocumentCitation::try_from(repr)?))
            }
            _ => Err(SourceError::Form),
        }
    }
}

impl From<Source> for SourceRepr {
    fn from(s: Source) -> Self {
        match s {
            Source::Bundled(c) => SourceRepr {
                instrument: Some(c.instrument),
                eid: Some(c.eid()),
                document: None,
                locator: None,
                rank: None,
                text: None,
                url: None,
            },
            Source::Document(d) => {
                let r = DocumentCitationRepr::from(d);
                SourceRepr {
                    instrument: None,
                    eid: None,
                    document: Some(r.document),
                    locator: Some(r.locator),
                    rank: Some(r.rank),
                    text: r.text,
                    url: r.url,
                }
            }
        }
    }
}

impl From<Citation> for Source {
    fn from(c: Citation) -> Self {
        Source::Bundled(c)
    }
}

impl From<DocumentCitation> for Source {
    fn from(d: DocumentCitation) -> Self {
        Source::Document(d)
    }
}

impl PartialEq<Citation> for Source {
    fn eq(&self, other: &Citation) -> bool {
        matches!(self, Source::Bundled(c) if c == other)
    }
}

impl PartialEq<Source> for Citation {
    fn eq(&self, other: &Source) -> bool {
        other == self
    }
}

fn parse_positive(s: &str) -> Option<u32> {
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n > 0)
}

/// Finds the text of article `n` of the bundled statute: from the line
/// `第N条 ` to the next article or heading, trimmed.
fn apl_article(n: u16) -> Option<&'static str> {
    let marker = format!("第{}条 ", chinese_numeral(u32::from(n)));
    let mut start = None;
    let mut offset = 0usize;
    for line in APL_TEXT.split_inclusive('\n') {
        let begins_article = line.starts_with('第') && line.contains("条 ");
        let begins_heading = line.starts_with('#');
        if let Some(s) = start {
            if begins_article || begins_heading {
                return APL_TEXT.get(s..offset).map(str::trim_end);
            }
        } else if line.starts_with(&marker) {
            start = Some(offset + marker.len());
        }
        offset += line.len();
    }
    start.and_then(|s| APL_TEXT.get(s..)).map(str::trim_end)
}

/// Paragraph `p` (款) of an article body: blank-line separated blocks, where
/// item lines （一）… belong to the paragraph that introduces them.
fn apl_paragraph(body: &'static str, p: u8) -> Option<&'static str> {
    let mut count = 0u8;
    let mut current: Option<(usize, usize)> = None;
    let mut offset = 0usize;
    for block in body.split_inclusive("\n\n") {
        let trimmed = block.trim();
        let is_item = trimmed.starts_with('（');
        if !is_item && !trimmed.is_empty() {
            if count == p {
                break;
            }
            count += 1;
            current = Some((offset, offset + block.len()));
        } else if let Some((s, _)) = current {
            current = Some((s, offset + block.len()));
        }
        offset += block.len();
    }
    if count != p {
        return None;
    }
    current.and_then(|(s, e)| body.get(s..e)).map(str::trim)
}

/// Item `i` (项) of a paragraph: the line beginning `（i）`.
fn apl_item(para: &'static str, i: u8) -> Option<&'static str> {
    let marker = format!("（{}）", chinese_numeral(u32::from(i)));
    para.split('\n').map(str::trim).find(|l| l.starts_with(&marker))
}

/// Sentence `n` of a text, where sentences end with `。`.
fn nth_sentence(text: &'static str, n: u8) -> Option<&'static str> {
    let idx = usize::from(n).checked_sub(1)?;
    text.split_inclusive('。').map(str::trim).filter(|s| !s.is_empty()).nth(idx)
}

/// Provisions of instruments other than the Administrative Penalty Law that
/// rouxing applies, quoted from their official texts.
const OTHER_QUOTES: &[(Citation, &str)] = &[
    // 《中华人民共和国治安管理处罚法》 (2012) 第二十条.
    (
        Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20),
        "违反治安管理有下列情形之一的，从重处罚：（一）有较严重后果的；（二）教唆、胁迫、诱骗他人违反治安管理的；（三）对报案人、控告人、举报人、证人打击报复的；（四）六个月内曾受过治安管理处罚的。",
    ),
    (
        Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(1),
        "（一）有较严重后果的；",
    ),
    (
        Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(2),
        "（二）教唆、胁迫、诱骗他人违反治安管理的；",
    ),
    (
        Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(3),
        "（三）对报案人、控告人、举报人、证人打击报复的；",
    ),
    (
        Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(4),
        "（四）六个月内曾受过治安管理处罚的。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 55),
        "政府及其有关部门应当按照鼓励创新的原则，对新技术、新产业、新业态、新模式等实行包容审慎监管，针对其性质、特点分类制定和实行相应的监管规则和标准，留足发展空间，同时确保质量和安全，不得简单化予以禁止或者不予监管。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 58),
        "行政执法机关应当按照国家有关规定，全面落实行政执法公示、行政执法全过程记录和重大行政执法决定法制审核制度，实现行政执法信息及时准确公示、行政执法全过程留痕和可回溯管理、重大行政执法决定法制审核全覆盖。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1),
        "行政执法中应当推广运用说服教育、劝导示范、行政指导等非强制性手段，依法慎重实施行政强制。采用非强制性手段能够达到行政管理目的的，不得实施行政强制；违法行为情节轻微或者社会危害较小的，可以不实施行政强制；确需实施行政强制的，应当尽可能减少对市场主体正常生产经营活动的影响。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 60),
        "国家健全行政执法自由裁量基准制度，合理确定裁量范围、种类和幅度，规范行政执法自由裁量权的行使。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 65).para(1),
        "制定与市场主体生产经营活动密切相关的行政法规、规章、行政规范性文件，应当结合实际，确定是否为市场主体留出必要的适应调整期。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(2),
        "开展清理整顿、专项整治等活动，应当严格依法进行，除涉及人民群众生命安全、发生重特大事故或者举办国家重大活动，并报经有权机关批准外，不得在相关区域采取要求相关行业、领域的市场主体普遍停产、停业的措施。",
    ),
    (
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(3),
        "禁止将罚没收入与行政执法机关利益挂钩。",
    ),
    (Citation::new(Instrument::CivilCode, 200), "民法所称的期间按照公历年、月、日、小时计算。"),
    (
        Citation::new(Instrument::CivilCode, 201).para(1),
        "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。",
    ),
    (
        Citation::new(Instrument::CivilCode, 202),
        "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。",
    ),
    (
        Citation::new(Instrument::CivilCode, 203).para(1),
        "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。",
    ),
    (
        Citation::new(Instrument::CivilCode, 1259),
        "民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。",
    ),
    (
        Citation::new(Instrument::MinorsInterpretation2006, 2),
        "刑法第十七条规定的“周岁”，按照公历的年、月、日计算，从周岁生日的第二天起算。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(1),
        "市场监督管理部门对适用普通程序作出行政处罚决定的相关信息，应当记录于国家企业信用信息公示系统，并向社会公示。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(2),
        "仅受到警告行政处罚的不予公示。法律、行政法规另有规定的除外。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 9),
        "作出行政处罚决定的市场监督管理部门和行政处罚当事人登记地（住所地）在同一省、自治区、直辖市的，作出行政处罚决定的市场监督管理部门应当自作出行政处罚决定之日起二十个工作日内将行政处罚信息通过国家企业信用信息公示系统进行公示。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 11),
        "行政处罚决定被依法变更、撤销、确认违法或者确认无效的，市场监督管理部门应当在三个工作日内撤回行政处罚公示信息并说明理由。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 13).para(1),
        "仅受到通报批评或者较低数额罚款的行政处罚信息自公示之日起届满三个月的，停止公示。其他行政处罚信息自公示之日起届满三年的，停止公示。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 13).para(2),
        "前款所称较低数额罚款由省级以上市场监督管理部门结合工作实际规定。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(1),
        "行政处罚信息公示达到规定时限要求，且同时符合以下条件的，可以向作出行政处罚决定的市场监督管理部门申请提前停止公示：（一）已经自觉履行行政处罚决定中规定的义务；（二）已经主动消除危害后果和不良影响；（三）未因同一类违法行为再次受到市场监督管理部门行政处罚；（四）未在经营异常名录和严重违法失信名单中。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 13).para(3),
        "依照法律法规被限制开展生产经营活动、限制从业超过三年的，公示期按照实际限制期限执行。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(2),
        "前款所称时限要求和提前停止公示的具体实施办法由国家市场监督管理总局另行规定。",
    ),
    (
        Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(3),
        "当事人受到责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件、吊销营业执照以及国家市场监督管理总局规定的其他较为严重行政处罚的，不得提前停止公示。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(1),
        "切实转变执法理念，将行政柔性执法作为首选方式，贯穿于行政执法活动全过程和行政管理工作各方面。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2),
        "坚决防止借柔性执法之名“执法放水”“柔性滥用”，切实发挥行政柔性执法应有的效用。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(3),
        "要将采取柔性执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围，加强对行政柔性执法工作的监督，用制度约束行政执法权力运行。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(4),
        "要制定必要的柔性执法文书，加强执法全过程“留痕”和可追溯管理。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(4).sentence(3),
        "有条件的部门要积极创新，借助现代化信息技术，开展网上在线办理。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(1),
        "对事项简单、影响较小的轻微违法情形，可以通过当面或者电话、短信、电子邮件等简易形式，采取指导、建议、提醒、劝告等非强制方式，及时纠正违法倾向，引导行政相对人自觉守法、纠正行为。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2),
        "在法定权限、范围内给予行政相对人容错纠错的空间，可以依法不处罚、只纠正。对不触碰安全底线的新领域适当给予一定的“观察期”，对需要达标整改的给予必要的“过渡性”，进行适度、有效监管。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(3),
        "对诚信守法者在政府采购、财政补助、授予荣誉称号等方面予以支持和激励，让诚信守法者处处受益。因突发因素、非主观故意造成的过错行为，不影响信用监管、资格认定、优惠政策享受等。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 6).item(3),
        "要强化执法监督，规范执法行为，防止“以罚代教”“以罚代管”和“同事不同罚”等问题发生。",
    ),
    // Supervision, list register, evaluation and liability exemption
    // (audit::pattern, register, evaluation, liability).
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(1).sentence(3),
        "积极探索创新包容审慎监管方式，防止和纠正“一刀切”、运动式和选择性执法问题，在全县营造良好法治化营商环境。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2).sentence(1),
        "各部门、各单位要认真落实《甘肃省关于全面推行行政柔性执法进一步优化法治营商环境的指导意见》，树立包容审慎监管理念，对符合“从轻”“减轻”“免罚”情形的，通过单独或综合运用行政指导、行政告诫、行政建议等非强制手段，促使行政相对人自觉纠正违法行为，增强奉法守规意识，切实解决重罚轻管、以罚代管、机械执法、“一罚了之”等问题。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2).sentence(2),
        "要落实新修订《行政处罚法》“首违不罚”的法定要求，以免罚清单、免责清单为载体，强化事前事中事后监管，做到“对违法者依法严惩，对守法者无事不扰”，不断释放“温度执法”的明确信号。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(4).sentence(5),
        "要完善考核评价机制，将推行行政柔性执法情况纳入年度法治建设考核，作为领导班子和领导干部述法的具体内容，强化考核结果运用，倒逼各行政执法机关依法行政、规范执法。",
    ),
    (
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 6).item(1).sentence(2),
        "尚未梳理报备“两轻一免”清单的部门单位要积极与上级部门沟通衔接，认真梳理制定本部门单位“两轻一免”清单，及时向县委全面依法治县委员会执法协调小组办公室(县司法局)报备。",
    ),
    (
        Citation::new(Instrument::GovernmentProcurementLaw, 22).para(1).item(5),
        "（五）参加政府采购活动前三年内，在经营活动中没有重大违法记录；",
    ),
    (
        Citation::new(Instrument::GovernmentProcurementRegulations, 19).para(1),
        "政府采购法第二十二条第一款第五项所称重大违法记录，是指供应商因违法经营受到刑事处罚或者责令停产停业、吊销许可证或者执照、较大数额罚款等行政处罚。",
    ),
    (
        Citation::new(Instrument::PersonalInformationProtectionLaw, 4).para(1),
        "个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。",
    ),
    (
        Citation::new(Instrument::PersonalInformationProtectionLaw, 25),
        "个人信息处理者不得公开其处理的个人信息，取得个人单独同意的除外。",
    ),
    (
        Citation::new(Instrument::PersonalInformationProtectionLaw, 28).para(1),
        "敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害或者人身、财产安全受到危害的个人信息，包括生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。",
    ),
    (
        Citation::new(Instrument::PersonalInformationProtectionLaw, 34),
        "国家机关为履行法定职责处理个人信息，应当依照法律、行政法规规定的权限、程序进行，不得超出履行法定职责所必需的范围和限度。",
    ),
    (
        Citation::new(Instrument::MinorsProtectionLaw, 103),
        "公安机关、人民检察院、人民法院、司法行政部门以及其他组织和个人不得披露有关案件中未成年人的姓名、影像、住所、就读学校以及其他可能识别出其身份的信息，但查找失踪、被拐卖未成年人等情形除外。",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn statute_has_86_articles() {
        for n in 1..=86 {
            assert!(Citation::apl(n).is_known(), "article {n}");
        }
        assert!(!Citation::apl(87).is_known());
        assert!(!Citation::apl(0).is_known());
    }

    #[test]
    fn paragraphs_items_sentences() {
        assert_eq!(
            Citation::apl(33).para(1).sentence(1).quote(),
            Some("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。")
        );
        assert_eq!(
            Citation::apl(33).para(3).quote(),
            Some("对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。")
        );
        assert_eq!(Citation::apl(33).para(4).quote(), None);
        assert_eq!(
            Citation::apl(57).para(1).item(4).quote(),
            Some("（四）违法行为涉嫌犯罪的，移送司法机关。")
        );
        assert!(Citation::apl(57).para(2).quote().is_some_and(|t| t.starts_with("对情节复杂")));
        assert!(Citation::apl(57).para(1).item(5).quote().is_none());
        assert!(Citation::apl(32).para(1).item(5).quote().is_some());
        assert!(Citation::apl(85).quote().is_some_and(|t| t.contains("工作日")));
    }

    #[test]
    fn rendering() {
        assert_eq!(Citation::apl(33).para(1).to_string(), "《中华人民共和国行政处罚法》第三十三条第一款");
        assert_eq!(Citation::apl(33).para(1).eid(), "art_33__para_1");
        let plan = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2);
        assert_eq!(
            plan.legal_name(),
            "《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第五部分第（二）项"
        );
        assert_eq!(plan.eid(), "sec_5__point_2");
    }

    #[test]
    fn eid_errors() {
        for bad in
            ["", "art_", "art_0", "art_01", "art_3__para_", "art_3__foo_1", "art_3__point_1__para_1", "sec_3"]
        {
            let err = Citation::from_eid(Instrument::AdministrativePenaltyLaw, bad).unwrap_err();
            assert_eq!(err.to_string(), format!("invalid citation id `{bad}`"));
        }
    }

    #[test]
    fn other_quotes_are_unique() {
        for (i, (c, _)) in OTHER_QUOTES.iter().enumerate() {
            assert!(!OTHER_QUOTES.iter().skip(i + 1).any(|(d, _)| d == c), "{c}");
            assert_ne!(c.instrument(), Instrument::AdministrativePenaltyLaw);
        }
    }

    #[test]
    fn instrument_codes_round_trip() {
        for i in Instrument::iter() {
            let s = i.to_string();
            assert_eq!(s.parse::<Instrument>().unwrap(), i);
            let j = serde_json::to_string(&i).unwrap();
            assert_eq!(j, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Instrument>(&j).unwrap(), i);
        }
    }

    proptest::proptest! {
        #[test]
        fn prop_citation_eid_round_trip(
            art in 1u16..500, para in proptest::option::of(1u8..10),
            item in proptest::option::of(1u8..10), sent in proptest::option::of(1u8..4),
        ) {
            let mut c = Citation::apl(art);
            if let Some(p) = para { c = c.para(p); }
            if let Some(i) = item { c = c.item(i); }
            if let Some(s) = sent { c = c.sentence(s); }
            proptest::prop_assert_eq!(Citation::from_eid(c.instrument(), &c.eid()).unwrap(), c);
            let json = serde_json::to_string(&c).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<Citation>(&json).unwrap(), c);
        }
    }
}
