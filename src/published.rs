//! The bundled register of published 两轻一免 list entries (清单登记册).
//!
//! [`ListRegister::bundled`] holds every entry of the 21 published lists
//! rouxing ships in `data/lists/` — 128 entries in 12 domains, 19 published
//! lists and 2 consultation drafts — and 28 source records (the 21 lists, a
//! provincial catalogue whose items are reproduced by a municipal list, and 6
//! lists of which only list-level rules were available). Each entry is a
//! [`ListRow`], the type the spreadsheet importer ([`crate::import`])
//! returns, with its texts verbatim; each source carries its title, issuer,
//! 文号, dates, address and where its text was taken from ([`TextFrom`]), so
//! that entries copied from a mirror or a news report rather than the
//! issuing authority's own publication are marked as such.
//!
//! ```
//! use rouxing::catalogue::ListOutcome;
//! use rouxing::published::{ListRegister, TextFrom};
//!
//! let register = ListRegister::bundled()?;
//! assert_eq!(register.entries().len(), 128);
//! assert_eq!(register.lists().count(), 21);
//!
//! let e = register.entry("E093").ok_or("E093")?;
//! let source = register.source_of(e).ok_or("source")?;
//! assert_eq!(source.issuer, "威海市应急管理局");
//! assert_eq!(source.text_from, TextFrom::Issuer);
//! assert_eq!(e.row.outcome, ListOutcome::FirstViolationNoPenalty); // 初次违法 is required
//!
//! // Entries whose text came from a mirror or a news report, not the issuer.
//! let secondary = register.entries().iter().filter(|e| register.is_secondary(e)).count();
//! assert_eq!(secondary, 20);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The register records what the lists say. Its rows carry no machine tests:
//! a department that adopts an entry attaches them and puts the entry in its
//! [`Catalogue`](crate::Catalogue) ([`ListRow::to_entry`]), where
//! [`Catalogue::warnings`](crate::Catalogue::warnings) checks it and
//! [`assess`](crate::assess()) applies it only within the statute.
//!
//! # Format
//!
//! `data/lists/leniency-lists.json` is the dataset as collected, described
//! field by field in `data/lists/README.md` (`{"about", "sources",
//! "entries"}`); `data/lists/provenance.json` adds one record per source:
//!
//! ```json
//! {"schema_version": 1, "about": "…",
//!  "sources": [{"source": "SRC-WH-EM-2025", "text_from": "issuer", "reason": "…"}]}
//! ```
//!
//! # Legal basis
//!
//! The lists are normative documents of the issuing agencies implementing
//! 《中华人民共和国行政处罚法》第三十三条 and the discretion benchmarks of its
//! 第三十四条 ("行政处罚裁量基准应当向社会公布"), and for 不予行政强制
//! 《中华人民共和国行政强制法》第十六条第二款. As official documents they are outside
//! copyright (《中华人民共和国著作权法》第五条).

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use crate::catalogue::{Domain, EntryCondition, EntryId, ListOutcome, Modal, SourceId};
use crate::import::{ListRow, Origin};
use crate::load::{LoadError, line_of, line_of_nth, parse_json};

/// The file name the bundled dataset is loaded under (and named in errors).
pub const BUNDLED_FILE: &str = "data/lists/leniency-lists.json";
/// The file name the bundled provenance records are loaded under.
pub const BUNDLED_PROVENANCE_FILE: &str = "data/lists/provenance.json";

vocabulary! {
    /// Where a source's text was taken from.
    ///
    /// rouxing prefers the issuing authority's own publication; the others
    /// are marked so that an auditor can weigh the text.
    pub enum TextFrom {
        /// The issuing authority's own page, or its government's portal.
        Issuer => "发布机关官方网站",
        /// A public repository's copy of the issuer's official page or file
        /// (pinned to a commit in `copy_location`).
        IssuerRepositoryCopy => "官方文本的公开存档副本",
        /// Republished by another government body (a subordinate or local
        /// authority's repost).
        OtherAuthority => "其他机关转载",
        /// A mirror site, news report or document-sharing copy.
        Secondary => "转载网站或新闻报道",
    }
}

vocabulary! {
    /// How an entry's outcome class was decided in the dataset.
    pub enum KindBasis {
        /// The agency's own section heading.
        AgencySection => "清单分类",
        /// The agency's list title.
        AgencyList => "清单名称",
        /// Derived: the agency did not sort items, and one whose conditions
        /// require a first violation is 首违不罚, otherwise 不予处罚.
        DerivedFromConditions => "依适用条件推定",
    }
}

/// A date as precise as the list states it: a day, or only a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ListDate {
    /// A day.
    Day(NaiveDate),
    /// Only the year is known.
    Year(i32),
}

impl fmt::Display for ListDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            ListDate::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl std::str::FromStr for ListDate {
    type Err = String;
    fn from_str(s: &str) -> Result<ListDate, String> {
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse().map(ListDate::Year).map_err(|e| format!("invalid year `{s}`: {e}"));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(ListDate::Day)
            .map_err(|_| format!("invalid date `{s}`: expected YYYY-MM-DD or YYYY"))
    }
}

impl TryFrom<String> for ListDate {
    type Error = String;
    fn try_from(s: String) -> Result<ListDate, String> {
        s.parse()
    }
}

impl From<ListDate> for String {
    fn from(d: ListDate) -> String {
        d.to_string()
    }
}

/// A published list (or a list of which only list-level rules are known).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterSource {
    /// Identifier referenced by entries.
    pub id: SourceId,
    /// The list's title, as published.
    pub title: String,
    /// The issuing body.
    pub issuer: String,
    /// national / provincial / municipal, with the dataset's qualification.
    pub level: String,
    /// The province, where the list is not national.
    pub province: Option<String>,
    /// The list's 领域, as a Chinese label.
    pub domain_label: String,
    /// 文号 or 索引号 where known.
    pub doc_number: Option<String>,
    /// Date issued, as precise as known.
    pub issued: Option<ListDate>,
    /// Date in force.
    pub effective: Option<ListDate>,
    /// Last day of validity.
    pub valid_until: Option<ListDate>,
    /// Status as recorded (in force, repealed, draft …).
    pub status: String,
    /// The address of the text: the official page where there is one.
    pub url: Option<String>,
    /// Further copies and reports.
    pub secondary_urls: Vec<String>,
    /// The repository copy of the official text, with its commit.
    pub copy_location: Option<String>,
    /// What kind of copy the text is and any normalisation applied.
    pub text_capture: String,
    /// Where the text was taken from.
    pub text_from: TextFrom,
    /// Why [`RegisterSource::text_from`] is what it is.
    pub text_from_reason: String,
    /// The number of items the list has according to the list or official
    /// reports.
    pub published_count: Option<u32>,
    /// List-level rules (definitions, exclusions, validity), verbatim.
    pub rules: Vec<String>,
    /// Caveats recorded with the source.
    pub notes: Option<String>,
}

impl RegisterSource {
    /// Whether the list is a consultation draft (征求意见稿), not a published
    /// list.
    pub fn is_draft(&self) -> bool {
        self.title.contains("征求意见") || self.status.starts_with("draft")
    }
}

/// The same item in another source (a municipal list reproducing a
/// provincial catalogue item).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlsoIn {
    /// The other source.
    pub source: SourceId,
    /// Its 序号 there.
    pub seq: String,
}

/// One published entry: the row as published plus where it sits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterEntry {
    /// The dataset's entry id (`E001` …), also used by the bundled sample
    /// catalogue.
    pub id: EntryId,
    /// The list it comes from.
    pub source: SourceId,
    /// The entry's 领域, as a Chinese label (e.g. `市场监管（食品安全）`).
    pub domain_label: String,
    /// The enforcement domain.
    pub domain: Domain,
    /// How the outcome class was decided.
    pub kind_basis: KindBasis,
    /// The row, verbatim.
    pub row: ListRow,
    /// Whether the conditions require a first violation, where decidable.
    pub first_time_required: Option<bool>,
    /// The statutory clause the outcome class maps to (derived, not list
    /// text).
    pub statutory_ground: String,
    /// The same item in another source.
    pub also_in: Option<AlsoIn>,
    /// Caveats recorded with the entry (variants, repeal, how conditions
    /// were split).
    pub notes: Vec<String>,
}

/// The register: sources and entries, in dataset order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRegister {
    sources: Vec<RegisterSource>,
    entries: Vec<RegisterEntry>,
    by_id: HashMap<EntryId, usize>,
}

// ---- the dataset's wire form -------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetRepr {
    #[serde(rename = "about")]
    _about: String,
    sources: Vec<SourceRepr>,
    entries: Vec<EntryRepr>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRepr {
    source_id: SourceId,
    title: String,
    issuing_body: String,
    level: String,
    province: Option<String>,
    domain: String,
    doc_number: Option<String>,
    date_issued: Option<ListDate>,
    date_effective: Option<ListDate>,
    valid_until: Option<ListDate>,
    status: String,
    url: Option<String>,
    #[serde(default)]
    secondary_urls: Vec<String>,
    copy_location: Option<String>,
    text_capture: String,
    entry_count_published: Option<u32>,
    list_level_rules: Vec<String>,
    notes: Option<String>,
    entries_recorded: usize,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ListKind {
    NoPenalty,
    FirstViolation,
    Lighter,
    Mitigate,
    NoCoercion,
}

#[derive(Clone, Copy, Deserialize)]
enum ModalRepr {
    #[serde(rename = "不予")]
    NotTo,
    #[serde(rename = "应当")]
    Shall,
    #[serde(rename = "可以不予")]
    MayNot,
    #[serde(rename = "可以不")]
    MayNotShort,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AlsoInRepr {
    source_id: SourceId,
    seq: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRepr {
    entry_id: EntryId,
    source_id: SourceId,
    domain: String,
    list_kind: ListKind,
    kind_basis: KindBasis,
    seq: Option<String>,
    section: Option<String>,
    behaviour: String,
    item_text: Option<String>,
    violated_provision: Option<OneOrMany>,
    penalty_provision: Option<String>,
    conditions_intro: Option<String>,
    conditions: Option<Vec<String>>,
    conditions_note: Option<String>,
    modal: Option<ModalRepr>,
    first_time_required: Option<bool>,
    no_penalty_basis: Option<String>,
    leniency_basis: Option<String>,
    mitigated_sanction: Option<String>,
    lighter_sanction: Option<String>,
    coercive_measure_withheld: Option<String>,
    implementing_body: Option<String>,
    item_code: Option<String>,
    supporting_measures: Option<String>,
    statutory_ground_inferred: String,
    also_in: Option<AlsoInRepr>,
    complete: bool,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvenanceRepr {
    schema_version: u32,
    #[serde(rename = "about")]
    _about: String,
    sources: Vec<ProvenanceRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvenanceRecord {
    source: SourceId,
    text_from: TextFrom,
    reason: String,
}

/// The enforcement domain of a dataset 领域 label (`市场监管（食品安全）` →
/// 市场监管): the part before a full-width parenthesis, with 文化市场 read as
/// 文化和旅游.
pub fn domain_of_label(label: &str) -> Option<Domain> {
    let head = label.split('（').next().unwrap_or(label);
    Some(match head {
        "生态环境" => Domain::EcologyEnvironment,
        "城市管理" => Domain::UrbanManagement,
        "消防救援" => Domain::FireRescue,
        "税务" => Domain::Taxation,
        "市场监管" => Domain::MarketRegulation,
        "应急管理" => Domain::EmergencyManagement,
        "文化市场" | "文化和旅游" => Domain::CultureTourism,
        "交通运输" => Domain::Transport,
        "农业农村" => Domain::AgricultureRural,
        "发展改革" => Domain::DevelopmentReform,
        "人民防空" => Domain::CivilAirDefence,
        "卫生健康" => Domain::HealthCommission,
        "自然资源" => Domain::NaturalResources,
        "住房和城乡建设" => Domain::HousingConstruction,
        "公安" => Domain::PublicSecurity,
        _ => return None,
    })
}

fn err_at(file: &str, text: &str, needle: &str, path: String, message: String) -> LoadError {
    let (line, column) = line_of(text, needle);
    LoadError::new(file, line, column, path, message)
}

impl ListRegister {
    /// The register shipped with rouxing (`data/lists/`).
    ///
    /// # Errors
    ///
    /// Never in a released crate (a test loads it); the `Result` keeps the
    /// constructor total.
    pub fn bundled() -> Result<ListRegister, LoadError> {
        ListRegister::from_json_named(
            BUNDLED_FILE,
            include_str!("../data/lists/leniency-lists.json"),
            BUNDLED_PROVENANCE_FILE,
            include_str!("../data/lists/provenance.json"),
        )
    }

    /// Loads a register from the dataset's JSON and its provenance records,
    /// naming the files in errors.
    ///
    /// # Errors
    ///
    /// Returns an error naming file, line, field and value when either text
    /// is not JSON of the documented format (unknown fields are rejected);
    /// a date, id, outcome class or modal is invalid; a 领域 label names no
    /// known domain; an entry id repeats; an entry (or its `also_in`) names
    /// an unknown source; a source's `entries_recorded` differs from its
    /// entries; or a source has no provenance record, or a record no source.
    ///
    /// ```
    /// use rouxing::published::ListRegister;
    ///
    /// let err = ListRegister::from_json_named(
    ///     "lists.json",
    ///     r#"{"about": "", "sources": [], "entries": [{"entry_id": "E1"}]}"#,
    ///     "provenance.json",
    ///     r#"{"schema_version": 1, "about": "", "sources": []}"#,
    /// )
    /// .unwrap_err();
    /// assert!(err.to_string().starts_with("lists.json line 1 column "), "{err}");
    /// assert!(err.to_string().contains("field `entries[0]`: missing field `source_id`"), "{err}");
    /// ```
    pub fn from_json_named(
        file: &str,
        text: &str,
        provenance_file: &str,
        provenance_text: &str,
    ) -> Result<ListRegister, LoadError> {
        let repr: DatasetRepr = parse_json(file, text)?;
        let prov: ProvenanceRepr = parse_json(provenance_file, provenance_text)?;
        if prov.schema_version != 1 {
            return Err(err_at(
                provenance_file,
                provenance_text,
                "\"schema_version\"",
                "schema_version".to_owned(),
                format!("unsupported schema version `{}`: this release reads version 1", prov.schema_version),
            ));
        }
        let mut provenance: HashMap<&SourceId, &ProvenanceRecord> = HashMap::default();
        for (i, p) in prov.sources.iter().enumerate() {
            if provenance.insert(&p.source, p).is_some() {
                return Err(err_at(
                    provenance_file,
                    provenance_text,
                    &format!("\"{}\"", p.source),
                    format!("sources[{i}].source"),
                    format!("duplicate provenance record for `{}`", p.source),
                ));
            }
        }
        let mut counts: HashMap<&SourceId, usize> = HashMap::default();
        for e in &repr.entries {
            *counts.entry(&e.source_id).or_default() += 1;
        }
        let mut sources = Vec::with_capacity(repr.sources.len());
        let mut known: HashSet<&SourceId> = HashSet::default();
        for (i, s) in repr.sources.iter().enumerate() {
            let needle = format!("\"{}\"", s.source_id);
            if !known.insert(&s.source_id) {
                return Err(err_at(
                    file,
                    text,
                    &needle,
                    format!("sources[{i}].source_id"),
                    format!("duplicate source id `{}`", s.source_id),
                ));
            }
            let Some(p) = provenance.get(&s.source_id) else {
                return Err(err_at(
                    file,
                    text,
                    &needle,
                    format!("sources[{i}].source_id"),
                    format!("source `{}` has no record in `{provenance_file}`", s.source_id),
                ));
            };
            let n = counts.get(&s.source_id).copied().unwrap_or(0);
            if n != s.entries_recorded {
                return Err(err_at(
                    file,
                    text,
                    &needle,
                    format!("sources[{i}].entries_recorded"),
                    format!(
                        "source `{}` says `{}` entries are recorded, the file has {n}",
                        s.source_id, s.entries_recorded
                    ),
                ));
            }
            sources.push(RegisterSource {
                id: s.source_id.clone(),
                title: s.title.clone(),
                issuer: s.issuing_body.clone(),
                level: s.level.clone(),
                province: s.province.clone(),
                domain_label: s.domain.clone(),
                doc_number: s.doc_number.clone(),
                issued: s.date_issued,
                effective: s.date_effective,
                valid_until: s.valid_until,
                status: s.status.clone(),
                url: s.url.clone(),
                secondary_urls: s.secondary_urls.clone(),
                copy_location: s.copy_location.clone(),
                text_capture: s.text_capture.clone(),
                text_from: p.text_from,
                text_from_reason: p.reason.clone(),
                published_count: s.entry_count_published,
                rules: s.list_level_rules.clone(),
                notes: s.notes.clone(),
            });
        }
        for (i, p) in prov.sources.iter().enumerate() {
            if !known.contains(&p.source) {
                return Err(err_at(
                    provenance_file,
                    provenance_text,
                    &format!("\"{}\"", p.source),
                    format!("sources[{i}].source"),
                    format!("provenance record for unknown source `{}`", p.source),
                ));
            }
        }
        let mut entries = Vec::with_capacity(repr.entries.len());
        let mut by_id: HashMap<EntryId, usize> = HashMap::default();
        for (i, e) in repr.entries.into_iter().enumerate() {
            let needle = format!("\"{}\"", e.entry_id);
            if by_id.insert(e.entry_id.clone(), i).is_some() {
                let (line, column) = line_of_nth(text, &needle, 1);
                return Err(LoadError::new(
                    file,
                    line,
                    column,
                    format!("entries[{i}].entry_id"),
                    format!("duplicate entry id `{}`", e.entry_id),
                ));
            }
            if !known.contains(&e.source_id) {
                return Err(err_at(
                    file,
                    text,
                    &needle,
                    format!("entries[{i}].source_id"),
                    format!("unknown source `{}`", e.source_id),
                ));
            }
            if let Some(a) = &e.also_in {
                if !known.contains(&a.source_id) {
                    return Err(err_at(
                        file,
                        text,
                        &needle,
                        format!("entries[{i}].also_in.source_id"),
                        format!("unknown source `{}`", a.source_id),
                    ));
                }
            }
            let Some(domain) = domain_of_label(&e.domain) else {
                return Err(err_at(
                    file,
                    text,
                    &needle,
                    format!("entries[{i}].domain"),
                    format!("unknown domain `{}`", crate::ident::prefix(&e.domain)),
                ));
            };
            entries.push(entry_of(file, i, e, domain));
        }
        Ok(ListRegister { sources, entries, by_id })
    }

    /// Every source, in dataset order.
    pub fn sources(&self) -> &[RegisterSource] {
        &self.sources
    }

    /// The sources that have entries: the lists.
    pub fn lists(&self) -> impl Iterator<Item = &RegisterSource> {
        self.sources.iter().filter(|s| self.entries.iter().any(|e| e.source == s.id))
    }

    /// A source by id.
    pub fn source(&self, id: &SourceId) -> Option<&RegisterSource> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The source of an entry.
    pub fn source_of(&self, entry: &RegisterEntry) -> Option<&RegisterSource> {
        self.source(&entry.source)
    }

    /// Every entry, in dataset order.
    pub fn entries(&self) -> &[RegisterEntry] {
        &self.entries
    }

    /// An entry by id.
    pub fn entry(&self, id: &str) -> Option<&RegisterEntry> {
        EntryId::new(id).ok().and_then(|k| self.by_id.get(&k).copied()).and_then(|i| self.entries.get(i))
    }

    /// The entries of one source.
    pub fn entries_of<'a>(&'a self, source: &'a SourceId) -> impl Iterator<Item = &'a RegisterEntry> + 'a {
        self.entries.iter().filter(move |e| &e.source == source)
    }

    /// The distinct 领域 labels of the entries.
    pub fn domain_labels(&self) -> BTreeSet<&str> {
        self.entries.iter().map(|e| e.domain_label.as_str()).collect()
    }

    /// Whether an entry's text came from a mirror, news report or
    /// document-sharing copy rather than an official publication.
    pub fn is_secondary(&self, entry: &RegisterEntry) -> bool {
        self.source_of(entry).is_none_or(|s| s.text_from == TextFrom::Secondary)
    }
}

fn entry_of(file: &str, i: usize, e: EntryRepr, domain: Domain) -> RegisterEntry {
    let outcome = match e.list_kind {
        ListKind::NoPenalty => ListOutcome::NoPenalty,
        ListKind::FirstViolation => ListOutcome::FirstViolationNoPenalty,
        ListKind::Lighter => ListOutcome::Lighten,
        ListKind::Mitigate => ListOutcome::Mitigate,
        ListKind::NoCoercion => ListOutcome::NoCoercion,
    };
    let (modal, disposition) = match e.modal {
        Some(ModalRepr::NotTo) => (Some(Modal::Shall), Some("不予")),
        Some(ModalRepr::Shall) => (Some(Modal::Shall), Some("应当")),
        Some(ModalRepr::MayNot) => (Some(Modal::May), Some("可以不予")),
        Some(ModalRepr::MayNotShort) => (Some(Modal::May), Some("可以不")),
        None => (None, None),
    };
    let violated_provisions = match e.violated_provision {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    };
    let conditions = e
        .conditions
        .unwrap_or_default()
        .into_iter()
        .map(|text| EntryCondition { text, tests: Vec::new() })
        .collect();
    let row = ListRow {
        origin: Origin { file: file.to_owned(), sheet: None, row: i + 1 },
        seq: e.seq,
        section: e.section,
        behaviour: e.behaviour,
        item_text: e.item_text,
        violated_provisions,
        penalty_provision: e.penalty_provision,
        conditions_text: None,
        conditions_intro: e.conditions_intro,
        conditions,
        outcome,
        modal,
        disposition: disposition.map(str::to_owned),
        sanction: e.mitigated_sanction.or(e.lighter_sanction),
        coercive_measure_withheld: e.coercive_measure_withheld,
        authority: e.implementing_body,
        basis: e.no_penalty_basis.or(e.leniency_basis),
        supporting_measures: e.supporting_measures,
        item_code: e.item_code,
        extra: Vec::new(),
        complete: e.complete,
    };
    RegisterEntry {
        id: e.entry_id,
        source: e.source_id,
        domain_label: e.domain,
        domain,
        kind_basis: e.kind_basis,
        row,
        first_time_required: e.first_time_required,
        statutory_ground: e.statutory_ground_inferred,
        also_in: e.also_in.map(|a| AlsoIn { source: a.source_id, seq: a.seq }),
        notes: e.conditions_note.into_iter().chain(e.notes).collect(),
    }
}
