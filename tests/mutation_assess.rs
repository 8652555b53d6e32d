//! Tests that pin rules of `src/assess.rs` which the mutation runs showed
//! unpinned (tests/mutation/LEDGER.md names the mutant each test kills).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rouxing::assess::ProvisionText;
use rouxing::catalogue::Amendment;

use crate::common::*;

fn hash_of(p: &ProvisionText) -> u64 {
    let mut h = DefaultHasher::new();
    p.hash(&mut h);
    h.finish()
}

/// An item whose provision was amended on 2025-01-01: "测试条例第1条" before,
/// "测试条例（2025年修订）第九条" from that day on.
fn amended() -> Arc<rouxing::catalogue::Item> {
    let mut it = range_item("A");
    it.amendments.push(Amendment {
        effective_from: d(2025, 1, 1),
        provision: "测试条例（2025年修订）第九条".into(),
        penalty: Some(it.penalty.clone()),
    });
    Arc::new(it)
}

/// 行政处罚法 第三十七条: the provision in force when the act was done applies,
/// an amendment from the day it takes effect ("施行之日起"), the day itself
/// included; the text read through the item is the same text as a copy of it.
#[test]
fn the_provision_of_a_day_is_the_amendment_in_force_on_that_day() {
    let item = amended();
    let before = ProvisionText::of(&item, d(2024, 12, 31));
    let on = ProvisionText::of(&item, d(2025, 1, 1));
    let after = ProvisionText::of(&item, d(2025, 6, 1));
    assert_eq!(before.as_str(), "测试条例第1条");
    assert_eq!(on.as_str(), "测试条例（2025年修订）第九条");
    assert_eq!(after.as_str(), item.provision_on(d(2025, 6, 1)));
    assert_eq!(&*before, item.provision_on(d(2024, 12, 31)));
    assert_eq!(before.to_string(), "测试条例第1条");
    assert_eq!(format!("{on:?}"), "\"测试条例（2025年修订）第九条\"");
}

/// Two provision texts are equal when their texts are, however they are
/// held (through the item or as a copy), and they hash alike; different
/// texts are unequal under every comparison.
#[test]
fn provision_texts_compare_and_hash_by_their_text() {
    let item = amended();
    let through_item = ProvisionText::of(&item, d(2024, 6, 1));
    let copy = ProvisionText::from("测试条例第1条");
    let owned = ProvisionText::from(String::from("测试条例第1条"));
    let other = ProvisionText::of(&item, d(2025, 6, 1));

    assert_eq!(through_item, copy);
    assert_eq!(copy, owned);
    assert!(through_item != other);
    assert_eq!(hash_of(&through_item), hash_of(&copy));
    assert_ne!(hash_of(&through_item), hash_of(&other));

    assert!(through_item == *"测试条例第1条");
    assert!(!(through_item == *"测试条例第2条"));
    assert!(through_item == "测试条例第1条");
    assert!(!(through_item == "测试条例第2条"));
    assert!(owned.as_str() == "测试条例第1条" && !owned.is_empty());
}

/// The JSON of a provision text is its text, both ways.
#[test]
fn a_provision_text_is_its_text_in_json() {
    let item = amended();
    let p = ProvisionText::of(&item, d(2025, 2, 1));
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"测试条例（2025年修订）第九条\"");
    let back: ProvisionText = serde_json::from_str("\"测试条例（2025年修订）第九条\"").unwrap();
    assert_eq!(back, p);
    assert_eq!(back.as_str(), "测试条例（2025年修订）第九条");
}

/// Every ground is named in the words of the law, the name the reasons of a
/// decision give it (行政处罚法 第三十条至第三十三条; 第三十二条第一项 for
/// 主动消除或者减轻违法行为危害后果).
#[test]
fn grounds_are_named_in_the_words_of_the_law() {
    use rouxing::assess::{Bar, Ground};
    use rouxing::case::Mitigating;
    assert_eq!(Ground::FirstViolation.legal_name(), "初次违法且危害后果轻微并及时改正（首违不罚）");
    assert_eq!(Ground::UnderFourteen.legal_name(), "不满十四周岁");
    assert_eq!(Ground::NoFault.legal_name(), "有证据足以证明没有主观过错（无过错不罚）");
    assert_eq!(Ground::Bar { bar: Bar::LimitationExpired }.legal_name(), Bar::LimitationExpired.legal_name());
    let m = Ground::Mitigating { circumstance: Mitigating::EliminatedHarm };
    assert_eq!(m.legal_name(), Mitigating::EliminatedHarm.legal_name());
    assert!(!m.legal_name().is_empty());

    // The name reaches the decision's reasons beside the citation.
    let cat = catalogue(vec![range_item("A")]);
    let c = case("A").mitigating(vec![Mitigating::EliminatedHarm]).build().unwrap();
    let (_, dec) = run(&c, &cat);
    let text = dec.reasons.to_string();
    assert!(text.contains(&format!("{}（{}）", m.legal_name(), m.citation())), "{text}");
}
