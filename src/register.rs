//! The register of 两轻一免 lists (清单报备): each department's list versions,
//! their adoption and their filing (报备) with the county 司法局, a check of
//! decisions against it, and the difference between two versions.
//!
//! The county plan requires every department that has not yet done so to
//! "认真梳理制定本部门单位“两轻一免”清单，及时向县委全面依法治县委员会执法协调小组办公室(县司法局)报备"
//! (山丹县实施方案 六(一)). A [`Register`] records, per list version: the
//! department, the published list it is (a [`SourceId`] of the
//! department's [`Catalogue`]), the version label, the adoption date, and the
//! filing — not filed, filed with an authority on a date, or returned for
//! revision.
//!
//! [`Register::check`] reads what each decision relied on (the list entries
//! among its reasons), finds the list version in force on the decision day
//! and flags a decision taken under a list that was not registered, not yet
//! adopted, not filed by then, or whose entry [`Catalogue::warnings`] (the
//! one owner of list lint) reports as never applicable or as exceeding the
//! statute. [`diff`] compares two versions of a list entry by entry.
//!
//! # Format
//!
//! ```json
//! {"schema_version": 1, "versions": [
//!   {"department": "SD-SCJG", "department_name": "山丹县市场监督管理局", "source": "SRC-GS-MR-2020",
//!    "version": "2020版", "adopted_on": "2020-06-01",
//!    "filing": {"status": "filed", "authority": "山丹县司法局", "on": "2021-08-30"}}
//! ]}
//! ```
//!
//! # Legal basis
//!
//! 山丹县实施方案 六(一) (`第六部分第（一）项第二句`): 报备 to 县司法局; 四(三): "认真落实“两轻一免”清单";
//! 《中华人民共和国行政处罚法》第三十四条: 裁量基准 "应当向社会公布".

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::{AgencyId, CaseId};
use crate::catalogue::{
    Catalogue, CatalogueWarning, EntryId, ItemCode, ListEntry, LoadError, SourceId, parse_json,
};
use crate::decision::Decision;
use crate::guard::Severity;
use crate::law::{Citation, Instrument};

/// The schema version of the register format.
pub const REGISTER_SCHEMA_VERSION: u32 = 1;

/// The filing (报备) of a list version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Filing {
    /// 未报备.
    NotFiled,
    /// 已报备: filed with an authority on a day.
    Filed {
        /// The authority filed with (e.g. 山丹县司法局).
        authority: String,
        /// The day of filing.
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// 退回修改: returned by the authority for revision.
    Returned {
        /// The authority.
        authority: String,
        /// The day it was returned.
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
        /// The reason given.
        reason: String,
    },
}

impl Filing {
    /// Whether the version stands filed on a day.
    pub fn filed_by(&self, day: NaiveDate) -> bool {
        matches!(self, Filing::Filed { on, .. } if *on <= day)
    }

    /// The Chinese name of the status.
    pub fn legal_name(&self) -> &'static str {
        match self {
            Filing::NotFiled => "未报备",
            Filing::Filed { .. } => "已报备",
            Filing::Returned { .. } => "退回修改",
        }
    }
}

/// One version of a department's list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListVersion {
    /// The department (执法单位).
    pub department: AgencyId,
    /// Its name.
    pub department_name: String,
    /// The published list (its source id in the department's catalogue).
    pub source: SourceId,
    /// The version label (e.g. `2020版`).
    pub version: String,
    /// The day the version was adopted (印发).
    #[serde(with = "crate::serde_date")]
    pub adopted_on: NaiveDate,
    /// Its filing.
    pub filing: Filing,
}

/// The list register.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Register {
    schema_version: u32,
    versions: Vec<ListVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRepr {
    schema_version: u32,
    versions: Vec<ListVersion>,
}

/// The error returned when a register cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The document does not parse.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Two versions of the same list carry the same adoption date.
    #[error("{file}: list `{source_id}` has two versions adopted on {on}")]
    DuplicateAdoption {
        /// The file.
        file: String,
        /// The list.
        source_id: SourceId,
        /// The day.
        on: NaiveDate,
    },
    /// A version is filed or returned before it was adopted.
    #[error(
        "{file}: list `{source_id}` version `{version}` is filed on {filed} before its adoption on {adopted}"
    )]
    FiledBeforeAdoption {
        /// The file.
        file: String,
        /// The list.
        source_id: SourceId,
        /// The version label (a short prefix).
        version: String,
        /// The filing day.
        filed: NaiveDate,
        /// The adoption day.
        adopted: NaiveDate,
    },
    /// The schema version is not the one this release reads.
    #[error(
        "{file}: field `schema_version`: unsupported schema version `{found}`, expected {REGISTER_SCHEMA_VERSION}"
    )]
    Schema {
        /// The file.
        file: String,
        /// The version found.
        found: u32,
    },
}

impl Register {
    /// A register of versions, checked: no two versions of one list adopted
    /// on the same day; no filing before adoption.
    ///
    /// # Errors
    ///
    /// [`RegisterError::DuplicateAdoption`], [`RegisterError::FiledBeforeAdoption`].
    ///
    /// ```
    /// use rouxing::register::{Filing, ListVersion, Register};
    /// let day = chrono::NaiveDate::from_ymd_opt(2021, 8, 30).ok_or("date")?;
    /// let r = Register::new(vec![ListVersion {
    ///     department: "SD-YJ".parse()?,
    ///     department_name: "山丹县应急管理局".into(),
    ///     source: "SRC-1".parse()?,
    ///     version: "2021版".into(),
    ///     adopted_on: day,
    ///     filing: Filing::NotFiled,
    /// }])?;
    /// assert_eq!(r.versions().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(versions: Vec<ListVersion>) -> Result<Register, RegisterError> {
        Register::checked("register", versions)
    }

    fn checked(file: &str, mut versions: Vec<ListVersion>) -> Result<Register, RegisterError> {
        versions.sort_by(|a, b| (&a.source, a.adopted_on).cmp(&(&b.source, b.adopted_on)));
        for w in versions.windows(2) {
            if let [a, b] = w {
                if a.source == b.source && a.adopted_on == b.adopted_on {
                    return Err(RegisterError::DuplicateAdoption {
                        file: file.to_owned(),
                        source_id: a.source.clone(),
                        on: a.adopted_on,
                    });
                }
            }
        }
        for v in &versions {
            let filed = match &v.filing {
                Filing::NotFiled => None,
                Filing::Filed { on, .. } | Filing::Returned { on, .. } => Some(*on),
            };
            if let Some(f) = filed.filter(|f| *f < v.adopted_on) {
                return Err(RegisterError::FiledBeforeAdoption {
                    file: file.to_owned(),
                    source_id: v.source.clone(),
                    version: crate::ident::prefix(&v.version),
                    filed: f,
                    adopted: v.adopted_on,
                });
            }
        }
        Ok(Register { schema_version: REGISTER_SCHEMA_VERSION, versions })
    }

    /// Loads a register from JSON in the documented format.
    ///
    /// # Errors
    ///
    /// A [`RegisterError::Load`] naming the file, line, field and value of a
    /// malformed document, and the errors of [`Register::new`].
    ///
    /// ```
    /// use rouxing::register::Register;
    /// let r = Register::from_json_named("register.json", r#"{"schema_version": 1, "versions": []}"#)?;
    /// assert!(r.versions().is_empty());
    /// let e = Register::from_json_named("register.json", r#"{"schema_version": 1, "versions": [{"department": ""}]}"#);
    /// assert!(e.unwrap_err().to_string().starts_with("register.json line 1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<Register, RegisterError> {
        let repr: RegisterRepr = parse_json(file, text)?;
        if repr.schema_version != REGISTER_SCHEMA_VERSION {
            return Err(RegisterError::Schema { file: file.to_owned(), found: repr.schema_version });
        }
        Register::checked(file, repr.versions)
    }

    /// The register as JSON in the documented format.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The versions, by list and adoption date.
    pub fn versions(&self) -> &[ListVersion] {
        &self.versions
    }

    /// The version of a list in force on a day: the latest adopted on or
    /// before it.
    pub fn in_force(&self, source: &SourceId, day: NaiveDate) -> Option<&ListVersion> {
        self.versions
            .iter()
            .filter(|v| &v.source == source && v.adopted_on <= day)
            .max_by_key(|v| v.adopted_on)
    }

    /// Lists whose version in force on `as_of` is not filed, one per list.
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 六(一): "及时向…县司法局报备".
    pub fn unfiled(&self, as_of: NaiveDate) -> Vec<&ListVersion> {
        let sources: BTreeSet<&SourceId> = self.versions.iter().map(|v| &v.source).collect();
        sources
            .into_iter()
            .filter_map(|s| self.in_force(s, as_of))
            .filter(|v| !v.filing.filed_by(as_of))
            .collect()
    }

    /// Checks decisions against the register and the catalogue's list lint.
    ///
    /// For every list entry a decision relies on (its reasons' entry ids,
    /// looked up in the decision's item): the entry's list must be in the
    /// register, a version must be adopted on the decision day, that version
    /// must be filed by then, and [`Catalogue::warnings`] (on the decision
    /// day) must report nothing about the entry or its item.
    ///
    /// ```
    /// use rouxing::register::Register;
    /// let r = Register::new(vec![])?;
    /// assert!(r.check(&rouxing::Catalogue::bundled()?, &[]).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 六(一) (报备) and 四(三) ("逐情形规范适用"); 《中华人民共和国行政处罚法》
    /// 第三十三条第一款 and 第三十二条: a list cannot exempt or mitigate beyond what the
    /// law allows.
    pub fn check(&self, catalogue: &Catalogue, decisions: &[Decision]) -> Vec<RegisterFinding> {
        let mut lint_cache: BTreeMap<NaiveDate, Vec<CatalogueWarning>> = BTreeMap::new();
        let mut out = Vec::new();
        for d in decisions {
            let Some(item) = d.item.as_ref().and_then(|i| catalogue.get(i)) else { continue };
            for id in &d.reasons.entries {
                let Some(entry) = item.entries.iter().find(|e| &e.id == id) else {
                    out.push(RegisterFinding::new(d, &item.code, id, None, RegisterIssue::UnknownEntry));
                    continue;
                };
                let source = &entry.source;
                if !self.versions.iter().any(|v| &v.source == source) {
                    out.push(RegisterFinding::new(
                        d,
                        &item.code,
                        id,
                        Some(source),
                        RegisterIssue::NotRegistered,
                    ));
                } else {
                    match self.in_force(source, d.decided_on) {
                        None => {
                            out.push(RegisterFinding::new(
                                d,
                                &item.code,
                                id,
                                Some(source),
                                RegisterIssue::NotYetAdopted,
                            ));
                        }
                        Some(v) if !v.filing.filed_by(d.decided_on) => {
                            let mut f =
                                RegisterFinding::new(d, &item.code, id, Some(source), RegisterIssue::Unfiled);
                            f.version = Some(v.version.clone());
                            out.push(f);
                        }
                        Some(_) => {}
                    }
                }
                let warnings =
                    lint_cache.entry(d.decided_on).or_insert_with(|| catalogue.warnings(d.decided_on));
                for w in warnings.iter().filter(|w| concerns(w, entry, &item.code)) {
                    let mut f =
                        RegisterFinding::new(d, &item.code, id, Some(source), RegisterIssue::ListLint);
                    f.warning = Some(w.to_string());
                    out.push(f);
                }
            }
        }
        out
    }
}

/// Whether a catalogue warning concerns an entry or its item, read from the
/// warning's wire form (its `entry` or `item` field), so that every warning
/// the lint reports — including kinds added later — is carried over.
fn concerns(w: &CatalogueWarning, entry: &ListEntry, item: &ItemCode) -> bool {
    let Ok(v) = serde_json::to_value(w) else { return false };
    let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    field("entry").is_some_and(|e| e == entry.id.as_str())
        || field("item").is_some_and(|i| i == item.as_str())
}

vocabulary! {
    /// What is wrong with the list behind a decision.
    pub enum RegisterIssue {
        /// The decision names an entry the item does not have.
        UnknownEntry => "清单事项不存在",
        /// The entry's list is not in the register.
        NotRegistered => "清单未登记",
        /// No version of the list was adopted by the decision day.
        NotYetAdopted => "决定时清单尚未印发",
        /// The version in force was not filed by the decision day.
        Unfiled => "清单未报备",
        /// The list lint reports the entry or its item.
        ListLint => "清单事项存在问题",
    }
}

impl RegisterIssue {
    /// The provision the issue rests on.
    pub const fn citation(self) -> Citation {
        match self {
            RegisterIssue::Unfiled | RegisterIssue::NotRegistered | RegisterIssue::NotYetAdopted => {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 6).item(1).sentence(2)
            }
            RegisterIssue::UnknownEntry | RegisterIssue::ListLint => {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2).sentence(1)
            }
        }
    }

    /// Irregular (不规范): a decision under an unfiled or defective list is a
    /// supervision matter; its legality is judged on the law itself
    /// ([`crate::guard::review`]).
    pub const fn severity(self) -> Severity {
        Severity::Irregular
    }
}

/// A decision taken under a list with a register or lint issue.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterFinding {
    /// The decision's case.
    pub case_id: CaseId,
    /// The deciding agency, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyId>,
    /// The decision day.
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The item.
    pub item: ItemCode,
    /// The entry relied on.
    pub entry: EntryId,
    /// Its list, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceId>,
    /// The version in force, for [`RegisterIssue::Unfiled`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The issue.
    pub issue: RegisterIssue,
    /// The lint warning, for [`RegisterIssue::ListLint`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

impl RegisterFinding {
    fn new(
        d: &Decision,
        item: &ItemCode,
        entry: &EntryId,
        source: Option<&SourceId>,
        issue: RegisterIssue,
    ) -> Self {
        RegisterFinding {
            case_id: d.case_id.clone(),
            agency: d.agency.as_ref().map(|a| a.id.clone()),
            decided_on: d.decided_on,
            item: item.clone(),
            entry: entry.clone(),
            source: source.cloned(),
            version: None,
            issue,
            warning: None,
        }
    }
}

impl fmt::Display for RegisterFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）依据清单事项{}：{}",
            self.case_id,
            self.decided_on,
            self.entry,
            self.issue.legal_name()
        )?;
        if let Some(v) = &self.version {
            write!(f, "（{v}）")?;
        }
        if let Some(w) = &self.warning {
            write!(f, "：{w}")?;
        }
        write!(f, "（{}）", self.issue.citation())
    }
}

vocabulary! {
    /// A part of a list entry that changed between versions.
    pub enum EntryField {
        /// The item the entry belongs to.
        Item => "所属事项",
        /// The list.
        Source => "所属清单",
        /// The outcome granted.
        Outcome => "适用结果",
        /// 应当 / 可以.
        Modal => "适用方式",
        /// The conditions.
        Conditions => "适用条件",
        /// The exclusions.
        Exclusions => "排除情形",
        /// The reduced fine.
        ReducedFine => "裁量幅度",
        /// The supporting measures.
        SupportingMeasures => "配套监管措施",
        /// The list's own citation of its basis.
        Basis => "依据",
        /// The validity window.
        Validity => "有效期",
        /// The coercive measure withheld.
        CoercionWithheld => "不予实施的强制措施",
    }
}

/// An entry present in one version only.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRef {
    /// The entry.
    pub entry: EntryId,
    /// Its item.
    pub item: ItemCode,
}

/// An entry changed between versions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryChange {
    /// The entry.
    pub entry: EntryId,
    /// Its item in the new version.
    pub item: ItemCode,
    /// What changed.
    pub fields: Vec<EntryField>,
}

/// The difference between two versions of a list: situations added, removed
/// and changed, by entry id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListDiff {
    /// In the new version only.
    pub added: Vec<EntryRef>,
    /// In the old version only.
    pub removed: Vec<EntryRef>,
    /// In both, changed.
    pub changed: Vec<EntryChange>,
}

impl ListDiff {
    /// Whether the versions carry the same entries.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

fn entries<'a>(
    c: &'a Catalogue,
    source: Option<&SourceId>,
) -> BTreeMap<&'a EntryId, (&'a ItemCode, &'a ListEntry)> {
    c.items()
        .flat_map(|i| i.entries.iter().map(move |e| (&i.code, e)))
        .filter(|(_, e)| source.is_none_or(|s| &e.source == s))
        .map(|(code, e)| (&e.id, (code, e)))
        .collect()
}

fn changes(old: (&ItemCode, &ListEntry), new: (&ItemCode, &ListEntry)) -> Vec<EntryField> {
    let (oi, o) = old;
    let (ni, n) = new;
    let mut f = Vec::new();
    let mut push = |changed: bool, field| {
        if changed {
            f.push(field);
        }
    };
    push(oi != ni, EntryField::Item);
    push(o.source != n.source, EntryField::Source);
    push(o.outcome != n.outcome, EntryField::Outcome);
    push(o.modal != n.modal, EntryField::Modal);
    push(o.conditions != n.conditions, EntryField::Conditions);
    push(o.exclusions != n.exclusions, EntryField::Exclusions);
    push(
        o.reduced_fine != n.reduced_fine || o.reduced_fine_natural_person != n.reduced_fine_natural_person,
        EntryField::ReducedFine,
    );
    push(o.supporting_measures != n.supporting_measures, EntryField::SupportingMeasures);
    push(o.basis != n.basis, EntryField::Basis);
    push(o.effective_from != n.effective_from || o.valid_until != n.valid_until, EntryField::Validity);
    push(o.coercive_measure_withheld != n.coercive_measure_withheld, EntryField::CoercionWithheld);
    f
}

/// Compares two versions of a list — the entries of `source` in two
/// catalogues, or every entry when `source` is `None` — by entry id.
///
/// ```
/// use rouxing::register::diff;
/// let c = rouxing::Catalogue::bundled()?;
/// assert!(diff(&c, &c, None).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff(old: &Catalogue, new: &Catalogue, source: Option<&SourceId>) -> ListDiff {
    let (o, n) = (entries(old, source), entries(new, source));
    let mut out = ListDiff::default();
    for (id, (item, _)) in &n {
        if !o.contains_key(id) {
            out.added.push(EntryRef { entry: (*id).clone(), item: (*item).clone() });
        }
    }
    for (id, (item, e)) in &o {
        match n.get(id) {
            None => out.removed.push(EntryRef { entry: (*id).clone(), item: (*item).clone() }),
            Some(&(ni, ne)) => {
                let fields = changes((item, e), (ni, ne));
                if !fields.is_empty() {
                    out.changed.push(EntryChange { entry: (*id).clone(), item: ni.clone(), fields });
                }
            }
        }
    }
    out
}

impl fmt::Display for ListDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "新增情形{}项，删除{}项，修改{}项",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        )?;
        for a in &self.added {
            writeln!(f, "  + {}（事项{}）", a.entry, a.item)?;
        }
        for r in &self.removed {
            writeln!(f, "  - {}（事项{}）", r.entry, r.item)?;
        }
        for c in &self.changed {
            let names: Vec<&str> = c.fields.iter().map(|x| x.legal_name()).collect();
            writeln!(f, "  ~ {}（事项{}）：{}", c.entry, c.item, names.join("、"))?;
        }
        Ok(())
    }
}
