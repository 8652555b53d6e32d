//! The party (当事人): a natural person (公民), a legal person (法人) or
//! another organisation (其他组织).
//!
//! What the law asks of the party differs by kind: age and mental capacity
//! decide responsibility for a natural person (Arts. 30, 31); Art. 51's
//! summary-procedure thresholds are ¥200 for a citizen and ¥3,000 for an
//! organisation; an organisation's registration date opens the observation
//! period (观察期) for new business forms.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::party::{MentalCapacity, Party, PartyId};
//!
//! let p = Party::natural_person(
//!     PartyId::new("620725200803011234")?,
//!     NaiveDate::from_ymd_opt(2008, 3, 1).ok_or("date")?,
//!     MentalCapacity::Full,
//! );
//! assert_eq!(p.age_on(NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("date")?), Some(13));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar;

/// The identifier of a party: an ID card number, a 统一社会信用代码, or any
/// stable key the embedding system uses. Used to find earlier violations of
/// the same party (首违) and by the batch audit.
///
/// Non-empty, at most 64 characters, no surrounding whitespace, and no
/// control, format, bidi, zero-width or non-NFKC characters (the identifier
/// set of [`crate::ident`]).
///
/// The text is shared (`Arc<str>`): the id an assessment and a decision copy
/// from the case is the same allocation, so copying it allocates nothing.
/// The JSON form is the string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct PartyId(std::sync::Arc<str>);

impl PartyId {
    /// Validates an identifier.
    ///
    /// # Errors
    ///
    /// Returns an error when the identifier is empty, longer than 64
    /// characters, has surrounding whitespace or contains a character outside
    /// the identifier set of [`crate::ident`]; the message names the first
    /// refused character and its position.
    ///
    /// ```
    /// use rouxing::party::PartyId;
    /// assert!(PartyId::new("91620725MA72XXXX0X").is_ok());
    /// assert_eq!(
    ///     PartyId::new(" x").unwrap_err().to_string(),
    ///     "invalid party id ` x`: must be 1 to 64 characters without surrounding spaces or control characters"
    /// );
    /// assert!(PartyId::new("demo-lp-0101\u{200B}").unwrap_err().to_string().ends_with(
    ///     "character 13 (U+200B) is a format, bidi or zero-width character"
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: impl Into<String>) -> Result<PartyId, InvalidIdError> {
        let id = id.into();
        check_id(&id, "party id").map(|()| PartyId(std::sync::Arc::from(id)))
    }

    /// The identifier as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A placeholder used by builders before the party is set; never escapes
    /// a successful build.
    pub(crate) fn placeholder() -> PartyId {
        PartyId(std::sync::Arc::from("unset"))
    }
}

pub(crate) fn check_id(id: &str, what: &'static str) -> Result<(), InvalidIdError> {
    crate::ident::check(id, 64).map_err(|problem| InvalidIdError::new(what, id, problem))
}

impl fmt::Display for PartyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PartyId {
    type Error = InvalidIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PartyId::new(s)
    }
}

impl From<PartyId> for String {
    fn from(p: PartyId) -> String {
        String::from(&*p.0)
    }
}

impl std::str::FromStr for PartyId {
    type Err = InvalidIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartyId::new(s)
    }
}

/// The error returned when an identifier (party, case, item, agency, officer)
/// or a party name is malformed.
///
/// The message quotes at most a short prefix of the value
/// ([`ident::PREFIX_CHARS`](crate::ident::PREFIX_CHARS) characters) and names
/// the first refused character and its position (see [`crate::ident`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} `{value}`: must be 1 to {max} characters {problem}")]
pub struct InvalidIdError {
    what: &'static str,
    value: String,
    max: usize,
    problem: String,
}

impl InvalidIdError {
    pub(crate) fn new(what: &'static str, value: &str, problem: crate::ident::Problem) -> InvalidIdError {
        let max = if what == "party name" { 200 } else { 64 };
        let problem = match problem {
            crate::ident::Problem::Shape => "without surrounding spaces or control characters".to_owned(),
            p => format!("without control, format or non-NFKC characters: {p}"),
        };
        InvalidIdError { what, value: crate::ident::prefix(value), max, problem }
    }

    /// The rejected value, or its first
    /// [`ident::PREFIX_CHARS`](crate::ident::PREFIX_CHARS) characters and `…`.
    pub fn attempted(&self) -> &str {
        &self.value
    }
}

vocabulary! {
    /// The mental capacity of a natural person at the time of the act.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十一条: "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有
    /// 违法行为的，不予行政处罚，但应当责令其监护人严加看管和治疗。间歇性精神病人在精神正常时有违法行为
    /// 的，应当给予行政处罚。尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，
    /// 可以从轻或者减轻行政处罚。"
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `full` | 完全辨认和控制能力 |
    /// | `incapable` | 不能辨认或者不能控制自己行为 |
    /// | `intermittent_normal` | 间歇性精神病人在精神正常时 |
    /// | `partial` | 尚未完全丧失辨认或者控制自己行为能力 |
    ///
    /// ```
    /// use rouxing::party::MentalCapacity;
    ///
    /// let mental_capacity: MentalCapacity = serde_json::from_str(r#""full""#)?;
    /// assert_eq!(mental_capacity, MentalCapacity::Full);
    /// assert_eq!(serde_json::to_string(&mental_capacity)?, r#""full""#);
    /// # let codes = [("full", "完全辨认和控制能力"), ("incapable", "不能辨认或者不能控制自己行为"), ("intermittent_normal", "间歇性精神病人在精神正常时"), ("partial", "尚未完全丧失辨认或者控制自己行为能力")];
    /// # assert_eq!(MentalCapacity::ALL.len(), codes.len());
    /// # for (v, (code, name)) in MentalCapacity::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<MentalCapacity>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum MentalCapacity {
        /// Full capacity.
        Full => "完全辨认和控制能力",
        /// Could not recognise or control the conduct at the time (不能辨认或者不能控制).
        Incapable => "不能辨认或者不能控制自己行为",
        /// An intermittently ill person acting while normal (间歇性精神病人在精神正常时).
        IntermittentNormal => "间歇性精神病人在精神正常时",
        /// Capacity not fully lost (尚未完全丧失辨认或者控制自己行为能力).
        Partial => "尚未完全丧失辨认或者控制自己行为能力",
    }
}

vocabulary! {
    /// The kind of party, as the statute distinguishes them.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `natural_person` | 公民 |
    /// | `legal_person` | 法人 |
    /// | `other_organisation` | 其他组织 |
    ///
    /// ```
    /// use rouxing::party::PartyKindCode;
    ///
    /// let party_kind_code: PartyKindCode = serde_json::from_str(r#""natural_person""#)?;
    /// assert_eq!(party_kind_code, PartyKindCode::NaturalPerson);
    /// assert_eq!(serde_json::to_string(&party_kind_code)?, r#""natural_person""#);
    /// # let codes = [("natural_person", "公民"), ("legal_person", "法人"), ("other_organisation", "其他组织")];
    /// # assert_eq!(PartyKindCode::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PartyKindCode::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PartyKindCode>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PartyKindCode {
        /// 公民 (natural person).
        NaturalPerson => "公民",
        /// 法人.
        LegalPerson => "法人",
        /// 其他组织.
        OtherOrganisation => "其他组织",
    }
}

/// A party (当事人).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "PartyRepr", into = "PartyRepr")]
pub struct Party {
    id: PartyId,
    name: Option<String>,
    kind: PartyKind,
}

/// The kind-specific facts of a party.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartyKind {
    /// 公民.
    NaturalPerson {
        /// Date of birth.
        birth_date: NaiveDate,
        /// Mental capacity at the time of the act.
        capacity: MentalCapacity,
    },
    /// 法人.
    LegalPerson {
        /// Date of registration (登记设立), if known.
        registered_on: Option<NaiveDate>,
    },
    /// 其他组织 (个体工商户, 合伙企业, branches …).
    OtherOrganisation {
        /// Date of registration, if known.
        registered_on: Option<NaiveDate>,
    },
}

impl Party {
    /// A natural person.
    pub fn natural_person(id: PartyId, birth_date: NaiveDate, capacity: MentalCapacity) -> Party {
        Party { id, name: None, kind: PartyKind::NaturalPerson { birth_date, capacity } }
    }

    /// A legal person, with its registration date if known.
    pub fn legal_person(id: PartyId, registered_on: Option<NaiveDate>) -> Party {
        Party { id, name: None, kind: PartyKind::LegalPerson { registered_on } }
    }

    /// Another organisation, with its registration date if known.
    pub fn other_organisation(id: PartyId, registered_on: Option<NaiveDate>) -> Party {
        Party { id, name: None, kind: PartyKind::OtherOrganisation { registered_on } }
    }

    /// The same party with a display name (姓名 / 名称).
    ///
    /// # Errors
    ///
    /// Returns an error when the name is empty, longer than 200 characters,
    /// has whitespace at either end, or contains a control, format (bidi,
    /// zero-width) or non-NFKC character (the rules of [`crate::ident`]).
    ///
    /// ```
    /// use rouxing::party::{Party, PartyId};
    /// let p = Party::legal_person(PartyId::new("P-1")?, None);
    /// assert!(p.clone().with_name("山丹县某某商贸有限公司").is_ok());
    /// let err = p.with_name("某某\u{7}公司").unwrap_err();
    /// assert!(err.to_string().ends_with("character 3 (U+0007) is a control character"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> Result<Party, InvalidIdError> {
        let name = name.into();
        if let Err(problem) = crate::ident::check(&name, 200) {
            return Err(InvalidIdError::new("party name", &name, problem));
        }
        self.name = Some(name);
        Ok(self)
    }

    /// The identifier.
    pub fn id(&self) -> &PartyId {
        &self.id
    }

    /// The display name, if given.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The kind-specific facts.
    pub fn kind(&self) -> &PartyKind {
        &self.kind
    }

    /// The kind as a code.
    pub fn kind_code(&self) -> PartyKindCode {
        match self.kind {
            PartyKind::NaturalPerson { .. } => PartyKindCode::NaturalPerson,
            PartyKind::LegalPerson { .. } => PartyKindCode::LegalPerson,
            PartyKind::OtherOrganisation { .. } => PartyKindCode::OtherOrganisation,
        }
    }

    /// Whether the party is a natural person (公民).
    pub fn is_natural_person(&self) -> bool {
        matches!(self.kind, PartyKind::NaturalPerson { .. })
    }

    /// The age in completed years (周岁) on a date, for a natural person.
    ///
    /// # Legal basis
    ///
    /// 法释〔2006〕1号 Art. 2: "“周岁”，按照公历的年、月、日计算，从周岁生日的第二天起算。"
    /// See [`calendar::age_on`].
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        match self.kind {
            PartyKind::NaturalPerson { birth_date, .. } => Some(calendar::age_on(birth_date, date)),
            _ => None,
        }
    }

    /// The mental capacity, for a natural person.
    pub fn capacity(&self) -> Option<MentalCapacity> {
        match self.kind {
            PartyKind::NaturalPerson { capacity, .. } => Some(capacity),
            _ => None,
        }
    }

    /// The registration date, for an organisation.
    pub fn registered_on(&self) -> Option<NaiveDate> {
        match self.kind {
            PartyKind::NaturalPerson { .. } => None,
            PartyKind::LegalPerson { registered_on } | PartyKind::OtherOrganisation { registered_on } => {
                registered_on
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PartyRepr {
    id: PartyId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    kind: PartyKindCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    birth_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    capacity: Option<MentalCapacity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    registered_on: Option<NaiveDate>,
}

/// The error returned when a party record is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PartyError {
    /// A natural person without a birth date.
    #[error("field `birth_date` is required for a natural person")]
    MissingBirthDate,
    /// A field that does not apply to the kind of party.
    #[error("field `{field}` does not apply to a {kind}")]
    Inapplicable {
        /// The field.
        field: &'static str,
        /// The kind of party.
        kind: PartyKindCode,
    },
    /// A malformed identifier or name.
    #[error(transparent)]
    Id(#[from] InvalidIdError),
}

impl TryFrom<PartyRepr> for Party {
    type Error = PartyError;
    fn try_from(r: PartyRepr) -> Result<Self, Self::Error> {
        let inapplicable = |field| PartyError::Inapplicable { field, kind: r.kind };
        let party = match r.kind {
            PartyKindCode::NaturalPerson => {
                if r.registered_on.is_some() {
                    return Err(inapplicable("registered_on"));
                }
                let birth = r.birth_date.ok_or(PartyError::MissingBirthDate)?;
                Party::natural_person(r.id, birth, r.capacity.unwrap_or(MentalCapacity::Full))
            }
            PartyKindCode::LegalPerson | PartyKindCode::OtherOrganisation => {
                if r.birth_date.is_some() {
                    return Err(inapplicable("birth_date"));
                }
                if r.capacity.is_some() {
                    return Err(inapplicable("capacity"));
                }
                if r.kind == PartyKindCode::LegalPerson {
                    Party::legal_person(r.id, r.registered_on)
                } else {
                    Party::other_organisation(r.id, r.registered_on)
                }
            }
        };
        match r.name {
            Some(n) => Ok(party.with_name(n)?),
            None => Ok(party),
        }
    }
}

impl From<Party> for PartyRepr {
    fn from(p: Party) -> Self {
        let kind = p.kind_code();
        let (birth_date, capacity, registered_on) = match p.kind {
            PartyKind::NaturalPerson { birth_date, capacity } => (Some(birth_date), Some(capacity), None),
            PartyKind::LegalPerson { registered_on } | PartyKind::OtherOrganisation { registered_on } => {
                (None, None, registered_on)
            }
        };
        PartyRepr { id: p.id, name: p.name, kind, birth_date, capacity, registered_on }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_and_errors() {
        let j = r#"{"id":"p1","kind":"natural_person","birth_date":"2008-02-29"}"#;
        let p: Party = serde_json::from_str(j).unwrap();
        assert_eq!(p.capacity(), Some(MentalCapacity::Full));
        let back: Party = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);

        let err =
            serde_json::from_str::<Party>(r#"{"id":"p1","kind":"natural_person"}"#).unwrap_err().to_string();
        assert!(err.starts_with("field `birth_date` is required for a natural person"), "{err}");
        let err =
            serde_json::from_str::<Party>(r#"{"id":"p1","kind":"legal_person","birth_date":"2000-01-01"}"#)
                .unwrap_err()
                .to_string();
        assert!(err.starts_with("field `birth_date` does not apply to a legal_person"), "{err}");
        assert!(serde_json::from_str::<Party>(r#"{"id":"","kind":"legal_person"}"#).is_err());
        assert!(serde_json::from_str::<Party>(r#"{"id":"a","kind":"legal_person","x":1}"#).is_err());
    }
}
