//! Redaction before publication (隐名处理).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{Citation, Instrument};
use crate::party::Party;

vocabulary! {
    /// Who a subject of a published text is.
    pub enum SubjectKind {
        /// 自然人 aged eighteen or more.
        NaturalPerson => "自然人",
        /// 未成年人: a natural person under eighteen.
        Minor => "未成年人",
        /// 法人或者其他组织: its name and 统一社会信用代码 are published as they are.
        Organisation => "法人或者其他组织",
    }
}

impl SubjectKind {
    /// The kind of a party on a day (the act day, for a decision about the
    /// act): a natural person under eighteen is a minor (民法典 Art. 17).
    pub fn of(party: &Party, on: NaiveDate) -> SubjectKind {
        match party.age_on(on) {
            Some(age) if age < 18 => SubjectKind::Minor,
            Some(_) => SubjectKind::NaturalPerson,
            None => SubjectKind::Organisation,
        }
    }
}

/// A person or organisation named in a text to publish, with what
/// identifies it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Who it is; `None` is redacted as a natural person, the safer reading.
    pub kind: Option<SubjectKind>,
    /// The name (姓名或者名称).
    pub name: String,
    /// The ID number (身份证号码) or unified social credit code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    /// The address (住址 / 住所).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Bank accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounts: Vec<String>,
    /// Anything else that identifies a natural person (a minor's school,
    /// a licence plate …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<String>,
}

/// What to redact from a text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    /// The subjects named.
    pub subjects: Vec<Subject>,
    /// Passages that are trade secrets of any party (Art. 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trade_secrets: Vec<String>,
}

vocabulary! {
    /// A redaction rule.
    pub enum RedactionRule {
        /// A trade secret withheld: `［涉及商业秘密，依法不予公开］`.
        TradeSecret => "商业秘密不予公开",
        /// A natural person's name: the surname and 某 (`张某`).
        PersonName => "自然人姓名隐名",
        /// A minor's name: `某某`, no surname.
        MinorName => "未成年人姓名隐去",
        /// A natural person's address: the part up to the county (县、区、旗)
        /// and `××`; the whole address where no county is named.
        Address => "自然人住址隐去",
        /// A minor's address, school or other identifying detail: withheld whole.
        MinorDetail => "未成年人可识别信息隐去",
        /// Another identifying detail of a natural person: withheld whole.
        PersonDetail => "自然人其他可识别信息隐去",
        /// An ID number: the first three and last two characters kept.
        IdNumber => "身份证件号码隐去",
        /// A phone number: a mobile keeps its first three and last four
        /// digits; a landline its area code and last four.
        Phone => "电话号码隐去",
        /// A bank account (or any run of 12–19 digits): the last four kept.
        BankAccount => "银行账户隐去",
        /// An e-mail address: the local part replaced by `***`.
        Email => "电子邮箱隐去",
    }
}

impl RedactionRule {
    /// The provision behind the rule.
    pub const fn citation(self) -> Citation {
        match self {
            RedactionRule::TradeSecret => Citation::apl(50),
            RedactionRule::MinorName | RedactionRule::MinorDetail => {
                Citation::new(Instrument::MinorsProtectionLaw, 103)
            }
            RedactionRule::BankAccount => {
                Citation::new(Instrument::PersonalInformationProtectionLaw, 28).para(1)
            }
            RedactionRule::IdNumber => Citation::new(Instrument::PersonalInformationProtectionLaw, 4).para(1),
            RedactionRule::PersonName
            | RedactionRule::Address
            | RedactionRule::PersonDetail
            | RedactionRule::Phone
            | RedactionRule::Email => Citation::new(Instrument::PersonalInformationProtectionLaw, 25),
        }
    }
}

/// A redacted text and the rules applied (each with how often).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redacted {
    /// The text to publish.
    pub text: String,
    /// The rules applied, in first-use order, with counts.
    pub applied: Vec<(RedactionRule, u32)>,
}

impl Redacted {
    /// The provisions applied.
    pub fn citations(&self) -> Vec<Citation> {
        let mut v: Vec<Citation> = self.applied.iter().map(|(r, _)| r.citation()).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// The first private-use code point used for placeholders while redacting.
const TOKEN_BASE: u32 = 0xE000;
const TOKEN_LAST: u32 = 0xF8FF;

fn is_token(c: char) -> bool {
    (TOKEN_BASE..=TOKEN_LAST).contains(&u32::from(c))
}

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
    "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延", "万俟", "澹台", "申屠", "太史",
];

fn mask_name(name: &str, minor: bool) -> String {
    if minor {
        return "某某".to_owned();
    }
    let surname = COMPOUND_SURNAMES
        .iter()
        .find(|s| name.starts_with(**s) && name.chars().count() > 2)
        .map(|s| (*s).to_owned())
        .or_else(|| if name.chars().count() > 1 { name.chars().next().map(String::from) } else { None });
    match surname {
        Some(s) => format!("{s}某"),
        None => "某".to_owned(),
    }
}

fn mask_address(addr: &str) -> String {
    const WITHHELD: &str = "［住址已隐去］";
    let cut =
        addr.char_indices().find(|(_, c)| matches!(c, '县' | '区' | '旗')).map(|(i, c)| i + c.len_utf8());
    match cut.and_then(|i| addr.get(..i)) {
        Some(prefix) if prefix.len() < addr.trim_end().len() => format!("{prefix}××"),
        _ => WITHHELD.to_owned(),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn mask_keep(chars: &[char], head: usize, tail: usize) -> String {
    let n = chars.len();
    chars.iter().enumerate().map(|(i, c)| if i < head || i + tail >= n { *c } else { '*' }).collect()
}

struct Work {
    tokens: Vec<String>,
    applied: Vec<(RedactionRule, u32)>,
}

impl Work {
    fn count(&mut self, rule: RedactionRule) {
        match self.applied.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => self.applied.push((rule, 1)),
        }
    }

    /// A placeholder standing for `replacement` until the end.
    fn token(&mut self, replacement: String) -> Option<char> {
        let idx = u32::try_from(self.tokens.len()).ok()?;
        let c = char::from_u32(TOKEN_BASE.checked_add(idx)?).filter(|c| is_token(*c))?;
        self.tokens.push(replacement);
        Some(c)
    }

    /// Replaces every occurrence of `needle` in `text`.
    fn replace(&mut self, text: &mut String, needle: &str, replacement: String, rule: Option<RedactionRule>) {
        if needle.trim().is_empty() || !text.contains(needle) {
            return;
        }
        let n = u32::try_from(text.matches(needle).count()).unwrap_or(u32::MAX);
        // Past the placeholder range (6,400 distinct strings) the mask is
        // written directly: still masked, only no longer shielded from the
        // pattern pass.
        let with = match self.token(replacement.clone()) {
            Some(c) => c.to_string(),
            None => replacement,
        };
        *text = text.replace(needle, &with);
        if let Some(r) = rule {
            for _ in 0..n {
                self.count(r);
            }
        }
    }
}

/// A pattern match: byte range, rule, masked form.
struct Hit {
    start: usize,
    end: usize,
    rule: RedactionRule,
    masked: String,
}

/// The identifiers the patterns find: ID numbers (15 digits, or 17 digits
/// and a check character), mobile numbers (11 digits from 13–19), landlines
/// (`0` and 2–3 digits, `-`, 7–8 digits), other runs of 12–19 digits (bank
/// accounts) and e-mail addresses.
fn scan(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if !is_digit(c) {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|(_, c)| is_digit(*c)) {
            j += 1;
        }
        let mut run: Vec<char> = chars.get(i..j).unwrap_or(&[]).iter().map(|(_, c)| *c).collect();
        // A check character X after 17 digits.
        if run.len() == 17 && chars.get(j).is_some_and(|(_, c)| matches!(c, 'X' | 'x' | 'Ｘ')) {
            if let Some((_, x)) = chars.get(j) {
                run.push(*x);
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let len = run.len();
        let mobile = len == 11
            && run.first().is_some_and(|c| matches!(c, '1' | '１'))
            && run.get(1).is_some_and(|c| "3456789３４５６７８９".contains(*c));
        // A landline: 0 + 2–3 digits, '-', 7–8 digits.
        let dash_next = chars.get(j).is_some_and(|(_, c)| *c == '-');
        let landline_area =
            (3..=4).contains(&len) && run.first().is_some_and(|c| matches!(c, '0' | '０')) && dash_next;
        if landline_area {
            let mut k = j + 1;
            while chars.get(k).is_some_and(|(_, c)| is_digit(*c)) {
                k += 1;
            }
            if (7..=8).contains(&(k - j - 1)) {
                let number: Vec<char> = chars.get(j + 1..k).unwrap_or(&[]).iter().map(|(_, c)| *c).collect();
                let area: String = run.iter().collect();
                let end = chars.get(k).map_or(text.len(), |(b, _)| *b);
                hits.push(Hit {
                    start,
                    end,
                    rule: RedactionRule::Phone,
                    masked: format!("{area}-{}", mask_keep(&number, 0, 4)),
                });
                i = k;
                continue;
            }
        }
        let hit = if len == 18 || len == 15 {
            Some((RedactionRule::IdNumber, mask_keep(&run, 3, 2)))
        } else if mobile {
            Some((RedactionRule::Phone, mask_keep(&run, 3, 4)))
        } else if (12..=19).contains(&len) {
            Some((RedactionRule::BankAccount, mask_keep(&run, 0, 4)))
        } else {
            None
        };
        if let Some((rule, masked)) = hit {
            hits.push(Hit { start, end, rule, masked });
        }
        i = j;
    }
    // E-mail addresses.
    let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let is_domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    for (at, _) in text.match_indices('@') {
        let before = text.get(..at).unwrap_or("");
        let after = text.get(at + 1..).unwrap_or("");
        let local_len: usize = before.chars().rev().take_while(|c| is_local(*c)).map(char::len_utf8).sum();
        let domain_len: usize = after.chars().take_while(|c| is_domain(*c)).map(char::len_utf8).sum();
        let domain = after.get(..domain_len).unwrap_or("").trim_end_matches(['.', '-']);
        if local_len > 0 && domain.contains('.') && !hits.iter().any(|h| h.start <= at && at < h.end) {
            hits.push(Hit {
                start: at - local_len,
                end: at + 1 + domain.len(),
                rule: RedactionRule::Email,
                masked: format!("***@{domain}"),
            });
        }
    }
    hits.sort_by_key(|h| h.start);
    hits
}

/// The personal identifiers the patterns find in a text, with the rule
/// that masks each: what [`redact`] masks even when nobody declared it, and
/// what must not remain in anything published.
///
/// ```
/// use rouxing::publicity::{RedactionRule, find_identifiers};
///
/// let found = find_identifiers("电话13812345678，账号6222020200112233445");
/// assert_eq!(found.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
///     [RedactionRule::Phone, RedactionRule::BankAccount]);
/// assert!(find_identifiers("统一社会信用代码91620725MA71XK2Q3B").is_empty());
/// ```
pub fn find_identifiers(text: &str) -> Vec<(RedactionRule, String)> {
    scan(text).into_iter().map(|h| (h.rule, text.get(h.start..h.end).unwrap_or("").to_owned())).collect()
}

/// Redacts a text before publication.
///
/// In order:
///
/// 1. Trade secrets of any party are withheld whole (Art. 50:
///    "对…知悉的…商业秘密或者个人隐私，应当依法予以保密").
/// 2. Organisations' names and identifiers (统一社会信用代码) are kept as they
///    are: they are public registration data, not personal information. A
///    natural person's name inside an organisation's name (a 个体工商户's
///    字号) is kept with it.
/// 3. Each natural person's declared name, address, identifier, phones,
///    accounts and other details are masked by the rules of
///    [`RedactionRule`]; a minor's name becomes `某某` and every other detail
///    is withheld whole, so the minor cannot be identified (未成年人保护法
///    第一百零三条: "不得披露…姓名、影像、住所、就读学校以及其他可能识别出其身份的信息").
/// 4. What the patterns of [`find_identifiers`] find anywhere else is masked
///    too, whoever it belongs to: an undeclared ID number, phone, account or
///    e-mail is never published (个人信息保护法 第二十五条; 第二十八条 makes 金融账户
///    sensitive).
///
/// Private-use characters (U+E000–U+F8FF) in the input, which carry no
/// public meaning, are replaced by U+FFFD: redaction uses them internally.
///
/// ```
/// use rouxing::publicity::{Redaction, Subject, SubjectKind, redact};
///
/// let r = Redaction {
///     subjects: vec![
///         Subject { kind: Some(SubjectKind::NaturalPerson), name: "张三丰".into(),
///                   address: Some("甘肃省张掖市山丹县清泉镇南关村3号".into()), ..Subject::default() },
///         Subject { kind: Some(SubjectKind::Organisation), name: "山丹县某某商贸有限公司".into(),
///                   identifier: Some("91620725MA71XK2Q3B".into()), ..Subject::default() },
///     ],
///     trade_secrets: vec!["配方为甲乙丙".into()],
/// };
/// let out = redact("张三丰（住甘肃省张掖市山丹县清泉镇南关村3号，电话13812345678）系山丹县某某商贸有限公司\
///     （91620725MA71XK2Q3B）员工，配方为甲乙丙。", &r);
/// assert_eq!(out.text, "张某（住甘肃省张掖市山丹县××，电话138****5678）系山丹县某某商贸有限公司\
///     （91620725MA71XK2Q3B）员工，［涉及商业秘密，依法不予公开］。");
/// ```
pub fn redact(text: &str, redaction: &Redaction) -> Redacted {
    let mut out: String = text.chars().map(|c| if is_token(c) { '\u{FFFD}' } else { c }).collect();
    let mut w = Work { tokens: Vec::new(), applied: Vec::new() };
    let mut secrets: Vec<&String> = redaction.trade_secrets.iter().collect();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for s in secrets {
        w.replace(&mut out, s, "［涉及商业秘密，依法不予公开］".to_owned(), Some(RedactionRule::TradeSecret));
    }
    // Organisations first, kept verbatim, so that no later rule touches them.
    let mut keep: Vec<&str> = Vec::new();
    for s in &redaction.subjects {
        if s.kind == Some(SubjectKind::Organisation) {
            keep.push(&s.name);
            keep.extend(s.identifier.as_deref());
        }
    }
    keep.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for k in keep {
        w.replace(&mut out, k, k.to_owned(), None);
    }
    // Natural persons' declared details, longest first.
    let mut masks: Vec<(&str, String, RedactionRule)> = Vec::new();
    for s in &redaction.subjects {
        let minor = match s.kind {
            Some(SubjectKind::Organisation) => continue,
            Some(SubjectKind::Minor) => true,
            Some(SubjectKind::NaturalPerson) | None => false,
        };
        let detail = if minor { RedactionRule::MinorDetail } else { RedactionRule::PersonDetail };
        masks.push((
            &s.name,
            mask_name(&s.name, minor),
            if minor { RedactionRule::MinorName } else { RedactionRule::PersonName },
        ));
        if let Some(a) = &s.address {
            if minor {
                masks.push((a, "［住所已隐去］".to_owned(), detail));
            } else {
                masks.push((a, mask_address(a), RedactionRule::Address));
            }
        }
        if let Some(id) = &s.identifier {
            let chars: Vec<char> = id.chars().collect();
            masks.push((
                id,
                if minor { "［已隐去］".to_owned() } else { mask_keep(&chars, 3, 2) },
                RedactionRule::IdNumber,
            ));
        }
        for p in &s.phones {
            let chars: Vec<char> = p.chars().collect();
            masks.push((p, mask_keep(&chars, 3, 4), RedactionRule::Phone));
        }
        for a in &s.accounts {
            let chars: Vec<char> = a.chars().collect();
            masks.push((a, mask_keep(&chars, 0, 4), RedactionRule::BankAccount));
        }
        for o in &s.other {
            masks.push((o, "［已隐去］".to_owned(), detail));
        }
    }
    // Longest first, so that a name inside an address goes with the
    // address; for the same string a minor's stricter mask wins.
    let strict = |r: RedactionRule| !matches!(r, RedactionRule::MinorName | RedactionRule::MinorDetail);
    masks.sort_by_key(|(n, _, r)| (std::cmp::Reverse(n.len()), strict(*r)));
    for (needle, mask, rule) in masks {
        // A mask that still contains its needle (a name already written
        // `张某`) would reveal nothing new; withhold it whole anyway.
        let mask = if mask.contains(needle) { "［已隐去］".to_owned() } else { mask };
        w.replace(&mut out, needle, mask, Some(rule));
    }
    // Patterns, over what is left.
    let hits = scan(&out);
    if !hits.is_empty() {
        let mut s = String::with_capacity(out.len());
        let mut at = 0;
        for h in hits {
            if h.start < at {
                continue;
            }
            s.push_str(out.get(at..h.start).unwrap_or(""));
            s.push_str(&h.masked);
            w.count(h.rule);
            at = h.end;
        }
        s.push_str(out.get(at..).unwrap_or(""));
        out = s;
    }
    // Restore the placeholders.
    let mut text = String::with_capacity(out.len());
    for c in out.chars() {
        let restored = if is_token(c) {
            usize::try_from(u32::from(c) - TOKEN_BASE).ok().and_then(|i| w.tokens.get(i))
        } else {
            None
        };
        match restored {
            Some(r) => text.push_str(r),
            None => text.push(c),
        }
    }
    Redacted { text, applied: w.applied }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(mask_name("张三", false), "张某");
        assert_eq!(mask_name("欧阳娜娜", false), "欧阳某");
        assert_eq!(mask_name("欧阳", false), "欧某");
        assert_eq!(mask_name("李", false), "某");
        assert_eq!(mask_name("李小明", true), "某某");
    }

    #[test]
    fn addresses() {
        assert_eq!(mask_address("甘肃省张掖市山丹县清泉镇南关村3号"), "甘肃省张掖市山丹县××");
        assert_eq!(mask_address("北京市朝阳区某路1号"), "北京市朝阳区××");
        assert_eq!(mask_address("山丹县"), "［住址已隐去］");
        assert_eq!(mask_address("某村3号"), "［住址已隐去］");
    }

    #[test]
    fn patterns() {
        let found =
            find_identifiers("身份证62072519900101123X，座机0936-1234567，邮箱zhang.san@example.com。");
        let rules: Vec<RedactionRule> = found.iter().map(|(r, _)| *r).collect();
        assert_eq!(rules, [RedactionRule::IdNumber, RedactionRule::Phone, RedactionRule::Email]);
        let r = redact(
            "身份证62072519900101123X，座机0936-1234567，邮箱zhang.san@example.com。",
            &Redaction::default(),
        );
        assert_eq!(r.text, "身份证620*************3X，座机0936-***4567，邮箱***@example.com。");
        assert!(find_identifiers(&r.text).is_empty());
        // Amounts, dates and short numbers are left alone.
        assert!(find_identifiers("罚款5000.00元，2026年11月25日，第17号").is_empty());
    }

    #[test]
    fn minor_is_not_identifiable() {
        let r = Redaction {
            subjects: vec![Subject {
                kind: Some(SubjectKind::Minor),
                name: "王小明".into(),
                address: Some("山丹县清泉镇某村5号".into()),
                other: vec!["山丹县第一中学".into()],
                ..Subject::default()
            }],
            trade_secrets: vec![],
        };
        let out = redact("王小明，住山丹县清泉镇某村5号，山丹县第一中学学生。", &r);
        assert_eq!(out.text, "某某，住［住所已隐去］，［已隐去］学生。");
        assert!(out.citations().contains(&Citation::new(Instrument::MinorsProtectionLaw, 103)));
    }

    #[test]
    fn private_use_input_is_neutralised() {
        let out = redact("a\u{E000}b", &Redaction::default());
        assert_eq!(out.text, "a\u{FFFD}b");
    }
}
