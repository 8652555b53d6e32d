//! Fixtures shared by the benchmarks.

#![allow(dead_code, reason = "each benchmark uses a different subset")]

use chrono::NaiveDate;
use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A market-regulation item fined ¥1,000–¥10,000 ("处一千元以上一万元以下罚款"),
/// with the given extra kinds besides the fine.
pub fn range_item(code: &str, name: &str, extra: &[PenaltyKind]) -> Item {
    let mut kinds = vec![PenaltyKind::Fine];
    kinds.extend_from_slice(extra);
    Item {
        code: code.parse().unwrap(),
        name: name.into(),
        domain: Domain::MarketRegulation,
        authority: "县级以上市场监督管理部门".into(),
        violated_provisions: vec![],
        penalty_provision: "某条例第十条".into(),
        penalty_text: None,
        penalty: StatutoryPenalty::new(
            kinds,
            Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
            None,
        )
        .unwrap(),
        amendments: vec![],
        safety_baseline: false,
        sectors: vec![],
        limitation: None,
        no_fault_exception: None,
        entries: vec![],
    }
}

/// A catalogue of one item.
pub fn catalogue_of(item: Item) -> Catalogue {
    Catalogue::new("基准测试", vec![], vec![item]).unwrap()
}

/// A small deterministic generator (xorshift*), so benchmark inputs are the
/// same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
