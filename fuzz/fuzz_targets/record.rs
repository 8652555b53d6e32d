//! A case file in JSON Lines: import, export byte for byte, verify.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rouxing::CaseFile;

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = CaseFile::from_jsonl_bytes(data) {
        assert_eq!(file.to_jsonl().as_bytes(), data, "an imported file exports to the same bytes");
        file.verify().unwrap_or_else(|e| panic!("an imported file does not verify: {e}"));
        let json = serde_json::to_string(&file).unwrap_or_else(|e| panic!("serialize: {e}"));
        let again: CaseFile =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("case file round trip: {e}"));
        assert_eq!(again.head(), file.head());
        let _ = file.deadlines(&rouxing::Regime::national());
        let last = file.entries().last().map(|e| e.event().on).unwrap_or_default();
        let _ = file.outstanding(last);
        let _ = file.overdue(&rouxing::Regime::national(), last);
    }
});
