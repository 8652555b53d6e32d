//! The identifier and text rules shared by every identifier type (party,
//! case, item, entry, officer, agency, credential and key ids) and by party
//! names.
//!
//! # The identifier set
//!
//! An identifier is 1 to 64 characters with no whitespace at either end,
//! and
//!
//! * no control character (Unicode `Cc`);
//! * no format character (`Cf`): zero-width space, joiners and non-joiners,
//!   the byte-order mark, soft hyphen, word joiner, the bidirectional
//!   embeddings, overrides, isolates and marks, and the other invisible
//!   format controls;
//! * no other default-ignorable character that renders as nothing
//!   (variation selectors, the combining grapheme joiner, Hangul fillers,
//!   Mongolian free variation selectors);
//! * in Unicode Normalization Form KC: no fullwidth digits or letters (`０`,
//!   `Ａ`), no compatibility ideographs or ligatures, no ideographic space.
//!
//! A refused identifier is never rewritten: a sealed case file must verify
//! byte for byte as it was written, so the library refuses instead of
//! normalising, and the error names the character and its position.
//! Two identifiers that pass are equal only if they are the same string;
//! [`comparison_key`] gives the NFKC, lower-cased form for grouping in
//! batch supervision.
//!
//! Errors quote at most [`PREFIX_CHARS`] characters of an offending value.

use unicode_normalization::UnicodeNormalization as _;

/// The most characters of an offending value that an error quotes.
pub const PREFIX_CHARS: usize = 32;

/// A short prefix of a value for an error message: at most
/// [`PREFIX_CHARS`] characters, with `…` when cut.
///
/// ```
/// assert_eq!(rouxing::ident::prefix("short"), "short");
/// assert_eq!(rouxing::ident::prefix(&"x".repeat(100)).chars().count(), 33);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn prefix(value: &str) -> String {
    match value.char_indices().nth(PREFIX_CHARS) {
        Some((cut, _)) => format!("{}…", value.get(..cut).unwrap_or_default()),
        None => value.to_owned(),
    }
}

/// Why a character is refused in an identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// A control character.
    Control,
    /// A format, bidirectional or zero-width character, or another
    /// character that renders as nothing.
    Invisible,
    /// A character that NFKC normalisation changes (fullwidth forms,
    /// compatibility characters).
    NotNfkc,
}

impl Refusal {
    /// A short description for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Refusal::Control => "a control character",
            Refusal::Invisible => "a format, bidi or zero-width character",
            Refusal::NotNfkc => "not in NFKC form",
        }
    }
}

/// Whether a character is a format (`Cf`) or other invisible
/// default-ignorable character.
pub const fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}' | '\u{0891}' | '\u{08E2}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The first refused character of a text: its 1-based position in
/// characters, the character and why.
///
/// Control and invisible characters are found character by character; a
/// text that is not NFKC is reported at the first character whose own NFKC
/// form differs (or, for a combining sequence that composes, the first
/// character of the text that differs from its normal form).
///
/// ```
/// use rouxing::ident::{first_refused, Refusal};
/// assert_eq!(first_refused("demo-lp-0101"), None);
/// assert_eq!(first_refused("demo-lp-0101\u{200B}"), Some((13, '\u{200B}', Refusal::Invisible)));
/// assert_eq!(first_refused("demo-lp-０101"), Some((9, '０', Refusal::NotNfkc)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn first_refused(text: &str) -> Option<(usize, char, Refusal)> {
    for (i, c) in (1..).zip(text.chars()) {
        if c.is_control() {
            return Some((i, c, Refusal::Control));
        }
        if is_invisible(c) {
            return Some((i, c, Refusal::Invisible));
        }
    }
    if text.is_ascii()
        || unicode_normalization::is_nfkc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return None;
    }
    let normal: String = text.nfkc().collect();
    if normal == text {
        return None;
    }
    for (i, c) in (1..).zip(text.chars()) {
        if !std::iter::once(c).nfkc().eq(std::iter::once(c)) {
            return Some((i, c, Refusal::NotNfkc));
        }
    }
    // Every character is NFKC on its own but the sequence composes: report
    // the first character that differs from the normal form.
    let at = text.chars().zip(normal.chars()).position(|(a, b)| a != b).unwrap_or(0);
    text.chars().nth(at).map(|c| (at + 1, c, Refusal::NotNfkc))
}

/// The key under which batch supervision groups identifiers: NFKC, then
/// lower case. Stored identifiers are never replaced by it.
///
/// ```
/// assert_eq!(rouxing::ident::comparison_key("Demo-LP-0101"), "demo-lp-0101");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn comparison_key(id: &str) -> String {
    id.nfkc().flat_map(char::to_lowercase).collect()
}

/// Why an identifier or a name is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Empty, too long, or whitespace at an end.
    Shape,
    /// A refused character.
    Char { at: usize, c: char, why: Refusal },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Shape => f.write_str("without surrounding spaces"),
            Problem::Char { at, c, why } => {
                write!(f, "character {at} (U+{:04X}) is {}", u32::from(*c), why.describe())
            }
        }
    }
}

/// Checks a text against the identifier set (see the module documentation)
/// with a length limit in characters.
pub(crate) fn check(text: &str, max_chars: usize) -> Result<(), Problem> {
    let n = text.chars().count();
    let edges = text.chars().next().is_some_and(char::is_whitespace)
        || text.chars().next_back().is_some_and(char::is_whitespace);
    if n == 0 || n > max_chars || edges {
        if let Some((at, c, why)) = first_refused(text).filter(|(_, _, w)| *w == Refusal::Control) {
            return Err(Problem::Char { at, c, why });
        }
        return Err(Problem::Shape);
    }
    match first_refused(text) {
        Some((at, c, why)) => Err(Problem::Char { at, c, why }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals() {
        assert_eq!(first_refused("a\u{202E}b"), Some((2, '\u{202E}', Refusal::Invisible)));
        assert_eq!(first_refused("\u{FEFF}a"), Some((1, '\u{FEFF}', Refusal::Invisible)));
        assert_eq!(first_refused("a\tb"), Some((2, '\t', Refusal::Control)));
        assert_eq!(first_refused("ｆｉ"), Some((1, 'ｆ', Refusal::NotNfkc)));
        assert_eq!(first_refused("e\u{0301}"), Some((1, 'e', Refusal::NotNfkc)));
        assert_eq!(first_refused("山丹县市场监督管理局"), None);
        assert_eq!(first_refused("é"), None);
        assert_eq!(check("", 64), Err(Problem::Shape));
        assert_eq!(check(" a", 64), Err(Problem::Shape));
        assert!(check("a b", 64).is_ok());
    }
}
