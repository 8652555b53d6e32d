//! The facts found in a case (认定事实).
//!
//! A [`Case`] is built through [`CaseBuilder`], whose [`build`](CaseBuilder::build)
//! checks every cross-field rule once (the act ends after it starts, discovery
//! is not before the act, filing is not before discovery …). Deserializing a
//! case goes through the same builder, so a `Case` value is always valid.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::case::{Case, Correction, Harm};
//! use rouxing::party::{Party, PartyId};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let case = Case::builder("2024-001".parse()?, "EM-HC-78-3".parse()?)
//!     .party(Party::legal_person(PartyId::new("91620725MA7")?, None))
//!     .act_on(d(2024, 3, 1)?)
//!     .discovered_on(d(2024, 3, 5)?)
//!     .harm(Harm::None)
//!     .correction(Correction::Prompt { on: d(2024, 3, 6)? })
//!     .build()?;
//! assert_eq!(case.act().start(), d(2024, 3, 1)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Domain, FactKey, ItemCode, Sector, string_id};
pub use crate::facts::{
    Aggravating, Context, Correction, CrimeSuspicion, CriminalOutcomeKind, CustodialSentence, Facts, Fault,
    Gravity, Harm, Mitigating, PriorOutcome,
};
use crate::load::{LoadError, line_of, parse_json};
use crate::money::{Amounts, Money};
use crate::party::{InvalidIdError, Party, PartyKind};

/// The schema version of the case format this release reads and writes.
pub const CASE_SCHEMA_VERSION: u32 = 1;

string_id! {
    /// A case number (案号 / 案件编号).
    CaseId, "case id"
}

string_id! {
    /// The identifier of an enforcement agency (执法机关 / 执法单位).
    AgencyId, "agency id"
}

string_id! {
    /// The identifier of an enforcement officer (执法人员, e.g. the credential
    /// number).
    OfficerId, "officer id"
}

/// The agency handling the case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Identifier.
    pub id: AgencyId,
    /// Name, e.g. 山丹县应急管理局. Shared (`Arc<str>`, a JSON string): the
    /// agency an assessment and a decision copy from the case allocates
    /// nothing; build it with `"…".into()` or `Arc::from(name)`.
    pub name: std::sync::Arc<str>,
    /// The domain it is competent for.
    pub domain: Domain,
}

/// When the act was committed: a single day, or a continuing or repeated act
/// (连续或者继续状态) from `start` to `end`.
///
/// For a continuing act the limitation period (Art. 36 ¶2), the applicable
/// rule (Art. 37) and the party's age count from the end of the act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Act {
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    start: NaiveDate,
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    end: Option<NaiveDate>,
}

impl Act {
    /// A single act on one day.
    pub const fn on(date: NaiveDate) -> Act {
        Act { start: date, end: None }
    }

    /// A continuing or repeated act.
    ///
    /// # Errors
    ///
    /// Returns an error when `end` is before `start`.
    pub fn continuing(start: NaiveDate, end: NaiveDate) -> Result<Act, CaseError> {
        if end < start {
            return Err(CaseError::Order {
                field: "act.end",
                value: end,
                earlier_field: "act.start",
                earlier: start,
            });
        }
        Ok(Act { start, end: Some(end) })
    }

    /// The day the act began.
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// The day a continuing act ended.
    pub const fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether the act is continuing or repeated.
    pub const fn is_continuing(&self) -> bool {
        self.end.is_some()
    }

    /// The day the act is taken to have been committed for Arts. 30, 36 and
    /// 37: its end for a continuing act, else its day.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十六条第二款: "违法行为有连续或者继续状态的，从行为终了之日起
    /// 计算。" rouxing applies the same reference day to Art. 37 (the act is
    /// still being committed under the later rule) and to the party's age.
    pub fn committed_on(&self) -> NaiveDate {
        self.end.unwrap_or(self.start)
    }
}

/// An earlier violation of the same party, from the agency's case system or
/// the 国家企业信用信息公示系统.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriorViolation {
    /// The item violated.
    pub item: ItemCode,
    /// Its domain.
    pub domain: Domain,
    /// The day of the earlier act.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// What came of it.
    pub outcome: PriorOutcome,
}

/// A fine already imposed for this same act (Art. 29), under this or another
/// provision.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第二十九条: "对当事人的同一个违法行为，不得给予两次以上罚款的行政
/// 处罚。同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。"
///
/// ```json
/// {"provision": "《某条例》第十条", "by": "某县市场监督管理局", "on": "2025-03-05", "amount": "2000"}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EarlierFine {
    /// The provision the fine was imposed under, as cited.
    pub provision: String,
    /// The organ that imposed it.
    pub by: String,
    /// The day of that decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The amount.
    pub amount: Money,
}

/// What the criminal process made of the case after its transfer (Art. 27):
/// a court's judgment, or the case returned to the agency.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十五条第二款: "违法行为构成犯罪，人民法院判处罚金时，行政机关已经
/// 给予当事人罚款的，应当折抵相应罚金；行政机关尚未给予当事人罚款的，不再给予罚款。" 第一款: 拘役、
/// 有期徒刑 offset 行政拘留 already given (a public-security matter, stated only).
/// 第二十七条第一款: a case that needs no criminal liability or is exempted from
/// criminal punishment, "但应当给予行政处罚的", is returned to the agency, which
/// decides it administratively.
///
/// `criminal_fine` and `custody` are for a `judgment` only; a 罚金 is above
/// zero; the outcome is not dated before the act, and it needs the case to
/// record the suspicion of crime (`"crime": "suspected"`) that was
/// transferred.
///
/// ```json
/// {"by": "某县人民法院", "on": "2025-09-01", "kind": "judgment", "criminal_fine": "20000", "custody": "fixed_term_imprisonment"}
/// {"by": "某县人民检察院", "on": "2025-07-01", "kind": "not_prosecuted"}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CriminalOutcome {
    /// The court or organ that decided (人民法院 / 人民检察院 / 公安机关).
    pub by: String,
    /// The day of the judgment or decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// What it decided.
    pub kind: CriminalOutcomeKind,
    /// The 罚金 judged, if any (judgment only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_fine: Option<Money>,
    /// The 拘役 or 有期徒刑 judged, if any (judgment only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custody: Option<CustodialSentence>,
}

/// The facts found in a case. Build with [`Case::builder`].
///
/// # JSON fields
///
/// Loaded with [`Case::from_json_named`]; unknown fields are rejected, dates
/// are `YYYY-MM-DD`, amounts are strings in yuan (`"1500.00"`). A sample:
///
/// ```json
/// {
///   "schema_version": 1,
///   "id": "SH-HP-CG-2026-0906",
///   "item": "SH-SR-21-1",
///   "party": {"id": "demo-np-0701", "name": "王某", "kind": "natural_person", "birth_date": "2010-03-15"},
///   "agency": {"id": "SH-HP-CGZF", "name": "上海市黄浦区城市管理行政执法局", "domain": "urban_management"},
///   "officers": ["31010108114", "31010108129"],
///   "act": {"start": "2026-09-06"},
///   "discovered_on": "2026-09-06",
///   "decision_date": "2026-09-25",
///   "harm": "harmful",
///   "correction": {"status": "late", "on": "2026-09-20"}
/// }
/// ```
///
/// | field | 含义 | required / default |
/// |---|---|---|
/// | `schema_version` | format version, `1` | default `1` |
/// | `id` | 案件编号 | required |
/// | `item` | 违法行为 code of the catalogue item violated | required; must be in the catalogue |
/// | `also_violates` | other items the same act violates (Art. 29) | default `[]` |
/// | `party` | 当事人: `kind` `natural_person` (with `birth_date`, optional `capacity`) or `legal_person` / `other_organisation` (optional `registered_on`) | required |
/// | `agency` | 执法机关: `id`, `name`, `domain` | optional |
/// | `officers` | 执法人员 ids | default `[]` |
/// | `act` | 违法行为发生时间: `start`, and `end` for a continuing act (连续或者继续状态) | required |
/// | `discovered_on` | 发现之日 (Art. 36) | required; not before `act.start` |
/// | `filed_on` | 立案之日 (Art. 60 counts from it) | optional; not before `discovered_on` |
/// | `decision_date` | 作出决定之日 recorded in the file ([`Case::decision_date`]) | optional; not before `discovered_on` / `filed_on` |
/// | `facts` | 违法事实是否清楚 (`established` / `not_established`, Art. 40) | default `established` |
/// | `crime` | 涉嫌犯罪 (Art. 27) | default `none` |
/// | `gravity` | 情节 | default `general` |
/// | `harm` | 危害后果: `none`, `slight`, `harmful`, `serious` | required |
/// | `correction` | 改正: `{"status": "none"}`, `prompt` / `late` with `on`, `refused` | required |
/// | `fault` | 主观过错: `intentional`, `negligent`, `no_fault_proven` (Art. 33 ¶2) | default `negligent` |
/// | `mitigating` / `aggravating` | Art. 32 and local circumstances (从轻/减轻, 从重) | default `[]` |
/// | `context` | further facts the list conditions test | default `[]` |
/// | `confirmed` | fact keys an officer confirmed for list conditions | default `[]` |
/// | `priors` | earlier violations: `item`, `domain`, `on`, `outcome` (首违 window) | default `[]` |
/// | `sectors` | 涉及 生命健康、金融安全 … (Art. 36 five years) | default `[]` |
/// | `amounts` | 违法所得, 货值金额 … | default none |
/// | `gains_refundable` | 违法所得 to be refunded (Art. 28 ¶2) | default `false` |
/// | `fined_before` | a fine already imposed for this act (Art. 29): `provision`, `by`, `on`, `amount` ([`EarlierFine`]) | optional |
/// | `criminal_outcome` | what came of the Art. 27 transfer: `by`, `on`, `kind`, `criminal_fine`, `custody` ([`CriminalOutcome`], Art. 35) | optional; needs `crime` `suspected` |
///
/// # JSON
///
/// A case as written back (every default spelled out), loaded and written again:
///
/// ```
/// let case_json = r#"{
///   "act": {"start": "2026-05-02"},
///   "agency": {"domain": "market_regulation", "id": "SH-JA-SCJG", "name": "上海市静安区市场监督管理局"},
///   "correction": {"status": "none"},
///   "crime": "none",
///   "decision_date": "2026-06-05",
///   "discovered_on": "2026-05-06",
///   "facts": "not_established",
///   "fault": "negligent",
///   "filed_on": "2026-05-08",
///   "gravity": "general",
///   "harm": "none",
///   "id": "SH-JA-SJ-2026-0506",
///   "item": "MR-PRICE-42",
///   "officers": ["31010607402", "31010607415"],
///   "party": {
///              "id": "demo-oo-0401",
///              "kind": "other_organisation",
///              "name": "某某便利店",
///              "registered_on": "2021-06-01"
///            },
///   "schema_version": 1
/// }"#;
/// use rouxing::Case;
///
/// let case: Case = serde_json::from_str(case_json)?;
/// assert_eq!(serde_json::to_value(&case)?, serde_json::from_str::<serde_json::Value>(case_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CaseRepr", into = "CaseRepr")]
pub struct Case {
    id: CaseId,
    item: ItemCode,
    also_violates: Vec<ItemCode>,
    party: Party,
    agency: Option<Agency>,
    officers: Vec<OfficerId>,
    act: Act,
    discovered_on: NaiveDate,
    filed_on: Option<NaiveDate>,
    decision_date: Option<NaiveDate>,
    facts: Facts,
    crime: CrimeSuspicion,
    gravity: Gravity,
    harm: Harm,
    correction: Correction,
    fault: Fault,
    mitigating: Vec<Mitigating>,
    aggravating: Vec<Aggravating>,
    context: Vec<Context>,
    confirmed: Vec<FactKey>,
    priors: Vec<PriorViolation>,
    sectors: Vec<Sector>,
    amounts: Amounts,
    gains_refundable: bool,
    fined_before: Option<EarlierFine>,
    criminal_outcome: Option<CriminalOutcome>,
}

impl Case {
    /// Starts building a case for a violation of `item`.
    pub fn builder(id: CaseId, item: ItemCode) -> CaseBuilder {
        CaseBuilder::new(id, item)
    }

    /// The case number.
    pub fn id(&self) -> &CaseId {
        &self.id
    }
    /// The item violated.
    pub fn item(&self) -> &ItemCode {
        &self.item
    }
    /// Other items the same act violates (Art. 29).
    pub fn also_violates(&self) -> &[ItemCode] {
        &self.also_violates
    }
    /// The party.
    pub fn party(&self) -> &Party {
        &self.party
    }
    /// The agency handling the case, if given.
    pub fn agency(&self) -> Option<&Agency> {
        self.agency.as_ref()
    }
    /// The officers handling the case.
    pub fn officers(&self) -> &[OfficerId] {
        &self.officers
    }
    /// When the act was committed.
    pub fn act(&self) -> Act {
        self.act
    }
    /// The day the violation was discovered (发现).
    pub fn discovered_on(&self) -> NaiveDate {
        self.discovered_on
    }
    /// The day the case was filed (立案), if it was.
    pub fn filed_on(&self) -> Option<NaiveDate> {
        self.filed_on
    }
    /// The day the case file records for the decision (作出决定之日), if
    /// given: the date a caller passes to [`crate::assess()`] as `as_of` when
    /// it re-decides the case. rouxing never reads it implicitly; `assess`
    /// takes the date as an argument.
    ///
    /// JSON: `"decision_date": "2026-11-25"` (optional, `YYYY-MM-DD`, not
    /// before `discovered_on` nor `filed_on`).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::{Case, Catalogue};
    ///
    /// let catalogue = Catalogue::bundled()?;
    /// let text = std::fs::read_to_string("examples/data/cases/ordinary.json")?;
    /// let case = Case::from_json(&text, &catalogue)?;
    /// assert!(case.decision_date().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decision_date(&self) -> Option<NaiveDate> {
        self.decision_date
    }
    /// Whether the facts are established.
    pub fn facts(&self) -> Facts {
        self.facts
    }
    /// Whether a crime is suspected.
    pub fn crime(&self) -> CrimeSuspicion {
        self.crime
    }
    /// The gravity of the act.
    pub fn gravity(&self) -> Gravity {
        self.gravity
    }
    /// The harmful consequence.
    pub fn harm(&self) -> Harm {
        self.harm
    }
    /// The correction.
    pub fn correction(&self) -> Correction {
        self.correction
    }
    /// The party's fault.
    pub fn fault(&self) -> Fault {
        self.fault
    }
    /// Mitigating circumstances found.
    pub fn mitigating(&self) -> &[Mitigating] {
        &self.mitigating
    }
    /// Aggravating circumstances found.
    pub fn aggravating(&self) -> &[Aggravating] {
        &self.aggravating
    }
    /// Context facts.
    pub fn context(&self) -> &[Context] {
        &self.context
    }
    /// Whether a context fact holds.
    pub fn has_context(&self, c: Context) -> bool {
        self.context.contains(&c)
    }
    /// Item-specific facts the officer confirmed.
    pub fn confirmed(&self) -> &[FactKey] {
        &self.confirmed
    }
    /// Earlier violations of the party.
    pub fn priors(&self) -> &[PriorViolation] {
        &self.priors
    }
    /// Sectors the act touches, besides the item's own.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }
    /// Amounts established (违法所得, 货值金额 …).
    pub fn amounts(&self) -> &Amounts {
        &self.amounts
    }
    /// Whether the illegal gains must be refunded (依法应当退赔) rather than
    /// confiscated (Art. 28 ¶2).
    pub fn gains_refundable(&self) -> bool {
        self.gains_refundable
    }

    /// A fine already imposed for this same act (Art. 29), if any.
    pub fn fined_before(&self) -> Option<&EarlierFine> {
        self.fined_before.as_ref()
    }

    /// What came of the Art. 27 transfer, if the criminal process has
    /// decided (Art. 35).
    pub fn criminal_outcome(&self) -> Option<&CriminalOutcome> {
        self.criminal_outcome.as_ref()
    }

    /// The 罚金 a court judged for this act, if any: no administrative fine
    /// may follow it (Art. 35 ¶2 "不再给予罚款").
    pub fn criminal_fine(&self) -> Option<Money> {
        self.criminal_outcome.as_ref().filter(|o| o.kind.is_judgment()).and_then(|o| o.criminal_fine)
    }

    /// A builder holding this case's facts, to derive a variant.
    pub fn to_builder(&self) -> CaseBuilder {
        CaseBuilder { case: self.clone(), party_set: true }
    }

    /// Loads a case from JSON and checks its item codes against a catalogue.
    /// Errors name the file as `case`.
    ///
    /// # Errors
    ///
    /// See [`Case::from_json_named`].
    pub fn from_json(text: &str, catalogue: &Catalogue) -> Result<Case, LoadError> {
        Case::from_json_named("case", text, catalogue)
    }

    /// Loads a case from JSON, naming `file` in errors, and checks its item
    /// codes against a catalogue.
    ///
    /// # Errors
    ///
    /// Returns an error naming file, line, column, field and value when the
    /// text is not a case in the documented format, a field is unknown, a
    /// value is invalid, a date ordering rule of [`CaseBuilder::build`] fails,
    /// or an item code is not in the catalogue.
    pub fn from_json_named(file: &str, text: &str, catalogue: &Catalogue) -> Result<Case, LoadError> {
        let repr: CaseRepr = parse_json(file, text)?;
        let case = Case::try_from(repr).map_err(|e| {
            let field = e.field();
            let last = field.rsplit('.').next().unwrap_or(field);
            let last = last.split('[').next().unwrap_or(last);
            let (line, column) = if last.is_empty() { (0, 0) } else { line_of(text, &format!("\"{last}\"")) };
            LoadError::new(file, line, column, field.to_owned(), e.to_string())
        })?;
        let codes = std::iter::once(("item", &case.item))
            .chain(case.also_violates.iter().map(|c| ("also_violates", c)));
        for (field, code) in codes {
            if catalogue.get(code).is_none() {
                let (line, column) = line_of(text, &format!("\"{code}\""));
                return Err(LoadError::new(
                    file,
                    line,
                    column,
                    field.to_owned(),
                    format!("unknown item code `{code}`: not in catalogue `{}`", catalogue.name()),
                ));
            }
        }
        Ok(case)
    }

    /// The case as pretty JSON in the documented format.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Builds a [`Case`]; setters may come in any order and
/// [`build`](CaseBuilder::build) checks every cross-field rule.
///
/// Required: the party, the act and the discovery date. Defaults: facts
/// established, no suspected crime, gravity general, harm none, not
/// corrected, negligent, no circumstances, no earlier violations.
#[derive(Clone, Debug)]
pub struct CaseBuilder {
    case: Case,
    party_set: bool,
}

impl CaseBuilder {
    fn new(id: CaseId, item: ItemCode) -> CaseBuilder {
        let epoch = NaiveDate::MIN;
        let party = Party::legal_person(crate::party::PartyId::placeholder(), None);
        CaseBuilder {
            party_set: false,
            case: Case {
                id,
                item,
                also_violates: Vec::new(),
                party,
                agency: None,
                officers: Vec::new(),
                act: Act::on(epoch),
                discovered_on: epoch,
                filed_on: None,
                decision_date: None,
                facts: Facts::Established,
                crime: CrimeSuspicion::None,
                gravity: Gravity::General,
                harm: Harm::None,
                correction: Correction::None,
                fault: Fault::Negligent,
                mitigating: Vec::new(),
                aggravating: Vec::new(),
                context: Vec::new(),
                confirmed: Vec::new(),
                priors: Vec::new(),
                sectors: Vec::new(),
                amounts: Amounts::default(),
                gains_refundable: false,
                fined_before: None,
                criminal_outcome: None,
            },
        }
    }

    /// The party.
    pub fn party(mut self, party: Party) -> Self {
        self.case.party = party;
        self.party_set = true;
        self
    }
    /// Other items the same act violates (Art. 29).
    pub fn also_violates(mut self, items: Vec<ItemCode>) -> Self {
        self.case.also_violates = items;
        self
    }
    /// The agency handling the case.
    pub fn agency(mut self, agency: Agency) -> Self {
        self.case.agency = Some(agency);
        self
    }
    /// The officers handling the case.
    pub fn officers(mut self, officers: Vec<OfficerId>) -> Self {
        self.case.officers = officers;
        self
    }
    /// A single act on one day.
    pub fn act_on(mut self, date: NaiveDate) -> Self {
        self.case.act = Act::on(date);
        self
    }
    /// The act (single or continuing).
    pub fn act(mut self, act: Act) -> Self {
        self.case.act = act;
        self
    }
    /// The day of discovery.
    pub fn discovered_on(mut self, date: NaiveDate) -> Self {
        self.case.discovered_on = date;
        self
    }
    /// The day of filing (立案).
    pub fn filed_on(mut self, date: NaiveDate) -> Self {
        self.case.filed_on = Some(date);
        self
    }
    /// The day recorded for the decision (see [`Case::decision_date`]).
    pub fn decision_date(mut self, date: NaiveDate) -> Self {
        self.case.decision_date = Some(date);
        self
    }
    /// Whether the facts are established.
    pub fn facts(mut self, facts: Facts) -> Self {
        self.case.facts = facts;
        self
    }
    /// Whether a crime is suspected.
    pub fn crime(mut self, crime: CrimeSuspicion) -> Self {
        self.case.crime = crime;
        self
    }
    /// The gravity of the act.
    pub fn gravity(mut self, gravity: Gravity) -> Self {
        self.case.gravity = gravity;
        self
    }
    /// The harmful consequence.
    pub fn harm(mut self, harm: Harm) -> Self {
        self.case.harm = harm;
        self
    }
    /// The correction.
    pub fn correction(mut self, correction: Correction) -> Self {
        self.case.correction = correction;
        self
    }
    /// The party's fault.
    pub fn fault(mut self, fault: Fault) -> Self {
        self.case.fault = fault;
        self
    }
    /// Mitigating circumstances.
    pub fn mitigating(mut self, m: Vec<Mitigating>) -> Self {
        self.case.mitigating = m;
        self
    }
    /// Aggravating circumstances.
    pub fn aggravating(mut self, a: Vec<Aggravating>) -> Self {
        self.case.aggravating = a;
        self
    }
    /// Context facts.
    pub fn context(mut self, c: Vec<Context>) -> Self {
        self.case.context = c;
        self
    }
    /// Item-specific facts confirmed.
    pub fn confirmed(mut self, keys: Vec<FactKey>) -> Self {
        self.case.confirmed = keys;
        self
    }
    /// Earlier violations.
    pub fn priors(mut self, priors: Vec<PriorViolation>) -> Self {
        self.case.priors = priors;
        self
    }
    /// Sectors touched besides the item's own.
    pub fn sectors(mut self, sectors: Vec<Sector>) -> Self {
        self.case.sectors = sectors;
        self
    }
    /// Amounts established.
    pub fn amounts(mut self, amounts: Amounts) -> Self {
        self.case.amounts = amounts;
        self
    }
    /// Whether illegal gains are to be refunded rather than confiscated.
    pub fn gains_refundable(mut self, refundable: bool) -> Self {
        self.case.gains_refundable = refundable;
        self
    }

    /// A fine already imposed for this same act (Art. 29).
    pub fn fined_before(mut self, fine: EarlierFine) -> Self {
        self.case.fined_before = Some(fine);
        self
    }

    /// What came of the Art. 27 transfer (Art. 35).
    pub fn criminal_outcome(mut self, outcome: CriminalOutcome) -> Self {
        self.case.criminal_outcome = Some(outcome);
        self
    }

    /// Checks the case and returns it.
    ///
    /// # Errors
    ///
    /// Returns an error when:
    /// * the party, the act or the discovery date was never set;
    /// * a continuing act ends before it starts;
    /// * discovery is before the act began, filing before discovery, or the
    ///   decision date before discovery or filing;
    /// * correction is before the act began;
    /// * a natural person's birth date is after the act;
    /// * an earlier violation is dated after this act;
    /// * a criminal outcome is dated before the act, is given without `crime`
    ///   `suspected`, carries a 罚金 or custody without being a judgment, or a
    ///   罚金 of zero;
    /// * a list (circumstances, context, sectors, confirmed facts, officers,
    ///   other items) repeats a value, or `also_violates` repeats `item`.
    pub fn build(self) -> Result<Case, CaseError> {
        let c = self.case;
        if !self.party_set {
            return Err(CaseError::Missing { field: "party" });
        }
        if c.act.start == NaiveDate::MIN {
            return Err(CaseError::Missing { field: "act" });
        }
        if c.discovered_on == NaiveDate::MIN {
            return Err(CaseError::Missing { field: "discovered_on" });
        }
        let start = ("act.start", c.act.start);
        not_before(c.act.end.map(|e| ("act.end", e)), start)?;
        not_before(Some(("discovered_on", c.discovered_on)), start)?;
        not_before(c.filed_on.map(|f| ("filed_on", f)), ("discovered_on", c.discovered_on))?;
        not_before(c.decision_date.map(|f| ("decision_date", f)), ("discovered_on", c.discovered_on))?;
        if let Some(filed) = c.filed_on {
            not_before(c.decision_date.map(|f| ("decision_date", f)), ("filed_on", filed))?;
        }
        not_before(c.correction.date().map(|on| ("correction.on", on)), start)?;
        not_before(c.fined_before.as_ref().map(|f| ("fined_before.on", f.on)), start)?;
        if let Some(o) = &c.criminal_outcome {
            not_before(Some(("criminal_outcome.on", o.on)), start)?;
            if c.crime != CrimeSuspicion::Suspected {
                return Err(CaseError::Requires { field: "criminal_outcome", requires: "crime `suspected`" });
            }
            if !o.kind.is_judgment() && o.criminal_fine.is_some() {
                return Err(CaseError::Requires {
                    field: "criminal_outcome.criminal_fine",
                    requires: "criminal_outcome.kind `judgment`",
                });
            }
            if !o.kind.is_judgment() && o.custody.is_some() {
                return Err(CaseError::Requires {
                    field: "criminal_outcome.custody",
                    requires: "criminal_outcome.kind `judgment`",
                });
            }
            if o.criminal_fine.is_some_and(|m| m.is_zero()) {
                return Err(CaseError::Requires {
                    field: "criminal_outcome.criminal_fine",
                    requires: "an amount above zero",
                });
            }
        }
        if let PartyKind::NaturalPerson { birth_date, .. } = c.party.kind() {
            not_before(Some(start), ("party.birth_date", *birth_date))?;
        }
        for (i, p) in c.priors.iter().enumerate() {
            if p.on > c.act.start {
                return Err(CaseError::PriorAfterAct { index: i, on: p.on, act: c.act.start });
            }
        }
        dup_check("mitigating", &c.mitigating)?;
        dup_check("aggravating", &c.aggravating)?;
        dup_check("context", &c.context)?;
        dup_check("sectors", &c.sectors)?;
        dup_check("confirmed", &c.confirmed)?;
        dup_check("officers", &c.officers)?;
        dup_check("also_violates", &c.also_violates)?;
        if c.also_violates.contains(&c.item) {
            return Err(CaseError::Duplicate { field: "also_violates", value: c.item.to_string() });
        }
        Ok(c)
    }
}

/// `later`, when present, must not be before `earlier`.
fn not_before(
    later: Option<(&'static str, NaiveDate)>,
    (earlier_field, earlier): (&'static str, NaiveDate),
) -> Result<(), CaseError> {
    match later {
        Some((field, value)) if value < earlier => {
            Err(CaseError::Order { field, value, earlier_field, earlier })
        }
        _ => Ok(()),
    }
}

/// The first value of `v` repeated later is refused (linear time: a case
/// may list many officers).
fn dup_check<T: Eq + std::hash::Hash + fmt::Display>(field: &'static str, v: &[T]) -> Result<(), CaseError> {
    match crate::dedup::first_repeated(v, |x| x) {
        Some((_, x)) => Err(CaseError::Duplicate { field, value: x.to_string() }),
        None => Ok(()),
    }
}

/// The error returned when case facts are inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// A required field was never set.
    #[error("field `{field}` is required")]
    Missing {
        /// The field.
        field: &'static str,
    },
    /// A date is before a date it must follow.
    #[error("field `{field}` is `{value}`, before `{earlier_field}` `{earlier}`")]
    Order {
        /// The later field.
        field: &'static str,
        /// Its value.
        value: NaiveDate,
        /// The field it must not precede.
        earlier_field: &'static str,
        /// That field's value.
        earlier: NaiveDate,
    },
    /// An earlier violation dated after the act.
    #[error("field `priors[{index}].on` is `{on}`, after the act `{act}`")]
    PriorAfterAct {
        /// Index in `priors`.
        index: usize,
        /// Its date.
        on: NaiveDate,
        /// The act's start.
        act: NaiveDate,
    },
    /// A list repeats a value.
    #[error("field `{field}` lists `{value}` twice")]
    Duplicate {
        /// The field.
        field: &'static str,
        /// The repeated value.
        value: String,
    },
    /// A field that is only valid together with another value.
    #[error("field `{field}` requires {requires}")]
    Requires {
        /// The field.
        field: &'static str,
        /// What it requires.
        requires: &'static str,
    },
    /// A malformed identifier.
    #[error(transparent)]
    Id(#[from] InvalidIdError),
    /// The schema version is not supported.
    #[error("unsupported schema version `{0}`: this release reads version 1")]
    SchemaVersion(u32),
}

impl CaseError {
    /// The path of the field the error concerns (empty when it concerns the
    /// whole case).
    pub fn field(&self) -> &str {
        match self {
            CaseError::Missing { field } | CaseError::Duplicate { field, .. } => field,
            CaseError::Requires { field, .. } => field,
            CaseError::Order { field, .. } => field,
            CaseError::PriorAfterAct { .. } => "priors",
            CaseError::Id(_) => "",
            CaseError::SchemaVersion(_) => "schema_version",
        }
    }
}

impl fmt::Display for PriorViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.item, self.on)
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CaseRepr {
    #[serde(default = "one")]
    schema_version: u32,
    id: CaseId,
    item: ItemCode,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    also_violates: Vec<ItemCode>,
    party: Party,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<Agency>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    officers: Vec<OfficerId>,
    act: Act,
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    discovered_on: NaiveDate,
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    filed_on: Option<NaiveDate>,
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    decision_date: Option<NaiveDate>,
    #[serde(default = "established")]
    facts: Facts,
    #[serde(default = "no_crime")]
    crime: CrimeSuspicion,
    #[serde(default = "general")]
    gravity: Gravity,
    harm: Harm,
    correction: Correction,
    #[serde(default = "negligent")]
    fault: Fault,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mitigating: Vec<Mitigating>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aggravating: Vec<Aggravating>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    context: Vec<Context>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    confirmed: Vec<FactKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    priors: Vec<PriorViolation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sectors: Vec<Sector>,
    #[serde(default, skip_serializing_if = "is_default")]
    amounts: Amounts,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    gains_refundable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fined_before: Option<EarlierFine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    criminal_outcome: Option<CriminalOutcome>,
}

fn one() -> u32 {
    CASE_SCHEMA_VERSION
}
fn established() -> Facts {
    Facts::Established
}
fn no_crime() -> CrimeSuspicion {
    CrimeSuspicion::None
}
fn general() -> Gravity {
    Gravity::General
}
fn negligent() -> Fault {
    Fault::Negligent
}
fn is_default(a: &Amounts) -> bool {
    *a == Amounts::default()
}

impl TryFrom<CaseRepr> for Case {
    type Error = CaseError;
    fn try_from(r: CaseRepr) -> Result<Self, Self::Error> {
        if r.schema_version != CASE_SCHEMA_VERSION {
            return Err(CaseError::SchemaVersion(r.schema_version));
        }
        let mut b = Case::builder(r.id, r.item)
            .party(r.party)
            .also_violates(r.also_violates)
            .officers(r.officers)
            .act(r.act)
            .discovered_on(r.discovered_on)
            .facts(r.facts)
            .crime(r.crime)
            .gravity(r.gravity)
            .harm(r.harm)
            .correction(r.correction)
            .fault(r.fault)
            .mitigating(r.mitigating)
            .aggravating(r.aggravating)
            .context(r.context)
            .confirmed(r.confirmed)
            .priors(r.priors)
            .sectors(r.sectors)
            .amounts(r.amounts)
            .gains_refundable(r.gains_refundable);
        if let Some(a) = r.agency {
            b = b.agency(a);
        }
        if let Some(f) = r.filed_on {
            b = b.filed_on(f);
        }
        if let Some(f) = r.decision_date {
            b = b.decision_date(f);
        }
        if let Some(f) = r.fined_before {
            b = b.fined_before(f);
        }
        if let Some(o) = r.criminal_outcome {
            b = b.criminal_outcome(o);
        }
        b.build()
    }
}

impl From<Case> for CaseRepr {
    fn from(c: Case) -> Self {
        CaseRepr {
            schema_version: CASE_SCHEMA_VERSION,
            id: c.id,
            item: c.item,
            also_violates: c.also_violates,
            party: c.party,
            agency: c.agency,
            officers: c.officers,
            act: c.act,
            discovered_on: c.discovered_on,
            filed_on: c.filed_on,
            decision_date: c.decision_date,
            facts: c.facts,
            crime: c.crime,
            gravity: c.gravity,
            harm: c.harm,
            correction: c.correction,
            fault: c.fault,
            mitigating: c.mitigating,
            aggravating: c.aggravating,
            context: c.context,
            confirmed: c.confirmed,
            priors: c.priors,
            sectors: c.sectors,
            amounts: c.amounts,
            gains_refundable: c.gains_refundable,
            fined_before: c.fined_before,
            criminal_outcome: c.criminal_outcome,
        }
    }
}
