//! The mechanism inputs: guidance requests, correction progress, transition
//! requests, credit policies and profiles (the first byte picks which).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rouxing::mechanism::{credit, guidance, tolerance};

fn round_trip<T>(value: &T, load: impl Fn(&str) -> Option<T>)
where
    T: serde::Serialize + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).unwrap_or_else(|e| panic!("serialize: {e}"));
    let again = load(&json).unwrap_or_else(|| panic!("a loaded input does not load again: {json}"));
    assert_eq!(&again, value, "round trip");
}

fuzz_target!(|data: &[u8]| {
    let Some((which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    match which % 5 {
        0 => {
            if let Ok(v) = guidance::GuidanceRequest::from_json_named("f", text) {
                round_trip(&v, |t| guidance::GuidanceRequest::from_json_named("f", t).ok());
            }
        }
        1 => {
            if let Ok(v) = tolerance::Progress::from_json_named("f", text) {
                round_trip(&v, |t| tolerance::Progress::from_json_named("f", t).ok());
            }
        }
        2 => {
            if let Ok(v) = tolerance::TransitionRequest::from_json_named("f", text) {
                round_trip(&v, |t| tolerance::TransitionRequest::from_json_named("f", t).ok());
            }
        }
        3 => {
            if let Ok(v) = credit::CreditPolicy::from_json_named("f", text) {
                round_trip(&v, |t| credit::CreditPolicy::from_json_named("f", t).ok());
            }
        }
        _ => {
            if let Ok(v) = credit::CreditProfile::from_json_named("f", text) {
                round_trip(&v, |t| credit::CreditProfile::from_json_named("f", t).ok());
            }
        }
    }
});
