//! Date (de)serialization that names the offending value.
//!
//! chrono's own `Deserialize` reports "input contains invalid characters"
//! without the input; loaders must name the value, so input types use these
//! helpers through `#[serde(with = "crate::serde_date")]`.

use chrono::NaiveDate;
use serde::{Deserializer, Serializer};

pub(crate) fn parse(s: &str) -> Result<NaiveDate, String> {
    let ok_shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !ok_shape {
        return Err(format!("invalid date `{s}`: expected YYYY-MM-DD"));
    }
    // The shape is checked above, so every field is ASCII digits.
    let num = |r: std::ops::Range<usize>| {
        s.as_bytes().get(r).map_or(0, |b| b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = i32::try_from(num(0..4)).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10))
        .ok_or_else(|| format!("invalid date `{s}`: no such day in the calendar"))
}

pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v).map_err(E::custom)
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// The same for `Option<NaiveDate>` fields (use with `#[serde(default)]`).
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    struct OptVisitor;

    impl<'de> serde::de::Visitor<'de> for OptVisitor {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a date as YYYY-MM-DD or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::deserialize(d).map(Some)
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(OptVisitor)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_name_the_value() {
        assert_eq!(
            super::parse("2023-02-30").unwrap_err(),
            "invalid date `2023-02-30`: no such day in the calendar"
        );
        assert_eq!(super::parse("2023/02/01").unwrap_err(), "invalid date `2023/02/01`: expected YYYY-MM-DD");
        assert!(super::parse("2024-02-29").is_ok());
    }
}
