//! Arithmetic on money never loses a duty: an overflow is an explicit
//! outcome, and loaders bound every input amount by a plausible maximum.

use crate::common::*;
use proptest::prelude::*;
use rouxing::catalogue::StatutoryPenalty;
use rouxing::measure::PenaltyKind;
use rouxing::money::{AmountBase, Amounts, FineRule, FineRuleError, Money, Multiplier};

fn goods_item(code: &str, max_times: u32) -> rouxing::catalogue::Item {
    let rule = FineRule::multiple(
        AmountBase::GoodsValue,
        Multiplier::times(5).unwrap(),
        Multiplier::times(max_times).unwrap(),
        None,
    )
    .unwrap();
    item(code, StatutoryPenalty::new(vec![PenaltyKind::Fine], Some(rule), None).unwrap())
}

#[test]
fn an_overflowing_multiple_keeps_the_hearing_duty() {
    // 第六十三条第一款第（一）项: 较大数额罚款 requires telling the party of the
    // right to a hearing. A 货值 so large that ten times it is not
    // representable is still a large amount, never "no bounds".
    let cat = catalogue(vec![goods_item("G-1", 10)]);
    let huge = Amounts { goods_value: Some(Money::from_fen(u64::MAX / 4)), ..Amounts::default() };
    let (a, dec) = run(&case("G-1").amounts(huge).build().unwrap(), &cat);
    let bounds = a.version.as_ref().and_then(|v| v.fine_bounds).expect("bounds beyond range, not none");
    assert!(bounds.is_beyond_range());
    assert_eq!(bounds.max(), Money::MAX);
    assert!(bounds.to_string().contains("超出可表示范围"));
    let fine = dec.fine().expect("a fine with an amount");
    assert!(fine >= Money::yuan(10_000));
    assert!(dec.duties.hearing_notice, "the Art. 63 hearing duty is kept");
    assert!(!dec.duties.summary_eligible);
}

#[test]
fn loaders_refuse_implausible_amounts_and_multiples() {
    let err = serde_json::from_str::<Amounts>(r#"{"illegal_gains":"184467440737095516.15"}"#).unwrap_err();
    assert!(err.to_string().contains("`illegal_gains` amount"), "{err}");
    assert!(serde_json::from_str::<Amounts>(r#"{"illegal_gains":"1000000000000"}"#).is_ok());
    let err =
        serde_json::from_str::<FineRule>(r#"{"kind":"up_to","max":"184467440737095516.15"}"#).unwrap_err();
    assert!(err.to_string().starts_with("fine amount `¥184,467,440,737,095,516.15` is above"), "{err}");
    let err = serde_json::from_str::<FineRule>(
        r#"{"kind":"multiple","base":"goods_value","min":"1","max":"4000000"}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("multiple `4000000` is above the plausible maximum `10000`"),
        "{err}"
    );
    assert_eq!(FineRule::fixed(Money::MAX).unwrap_err(), FineRuleError::Implausible { amount: Money::MAX });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    /// On anything a loader accepts, no multiple-based fine overflows.
    #[test]
    fn prop_loaded_amounts_never_overflow(
        value in 0..=Money::PLAUSIBLE_MAX.fen(),
        lo in 0..=Multiplier::PLAUSIBLE_MAX.permille(),
        extra in 0..=Multiplier::PLAUSIBLE_MAX.permille(),
    ) {
        let hi = lo.saturating_add(extra).min(Multiplier::PLAUSIBLE_MAX.permille()).max(1);
        let lo = lo.min(hi);
        let rule = FineRule::multiple(
            AmountBase::GoodsValue,
            Multiplier::from_permille(lo),
            Multiplier::from_permille(hi),
            None,
        ).unwrap();
        let json = format!(r#"{{"goods_value":"{}"}}"#, Money::from_fen(value).to_decimal_string());
        let amounts: Amounts = serde_json::from_str(&json).unwrap();
        let b = rule.bounds(&amounts).unwrap();
        prop_assert!(!b.is_beyond_range());
        prop_assert!(b.min() <= b.max());
    }

    /// Any base, however large, gives bounds (never none) once established.
    #[test]
    fn prop_an_established_base_always_bounds(value in any::<u64>(), hi in 1u32..=10_000_000) {
        let rule = FineRule::multiple(
            AmountBase::IllegalGains,
            Multiplier::from_permille(hi / 2),
            Multiplier::from_permille(hi),
            None,
        ).unwrap();
        let amounts = Amounts { illegal_gains: Some(Money::from_fen(value)), ..Amounts::default() };
        let b = rule.bounds(&amounts).unwrap();
        prop_assert_eq!(b.is_beyond_range(), u128::from(value) * u128::from(hi) / 1000 > u128::from(u64::MAX));
        let back: rouxing::money::FineBounds = serde_json::from_str(&serde_json::to_string(&b).unwrap()).unwrap();
        prop_assert_eq!(back, b);
    }
}
