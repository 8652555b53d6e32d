//! Benchmarks of list import (`import::from_csv`), the bundled register
//! (`ListRegister::bundled`) and the list lint (`Catalogue::warnings`).

#![expect(clippy::unwrap_used, reason = "fixed, valid benchmark fixtures; a failure is a broken benchmark")]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::Catalogue;
use rouxing::import::{self, HeaderMap};
use rouxing::published::ListRegister;

/// A published-looking list of 10,000 rows with multi-line 适用情形 cells.
fn csv_10k() -> Vec<u8> {
    let mut out = String::from("序号,违法行为,法律依据,处罚依据,适用情形,处理方式\n");
    for i in 0..10_000 {
        out.push_str(&format!(
            "{i},建设单位未依法备案建设项目环境影响登记表{i},《中华人民共和国环境影响评价法》第二十二条第四款,,\"（1）属于首次违法；\n（2）在责令改正期限内改正违法行为，危害后果轻微。\",不予行政处罚\n"
        ));
    }
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let csv = csv_10k();
    let map = HeaderMap::default();
    c.bench_function("lists/import_csv_10k", |b| {
        b.iter(|| import::from_csv("list.csv", black_box(&csv), &map).unwrap().rows.len())
    });
    c.bench_function("lists/register_bundled", |b| {
        b.iter(|| ListRegister::bundled().unwrap().entries().len())
    });
    let cat = Catalogue::bundled().unwrap();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    c.bench_function("lists/lint_bundled_catalogue", |b| b.iter(|| black_box(&cat).warnings(as_of).len()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
