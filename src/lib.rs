//! rouxing (柔性): typed rules for China's flexible administrative enforcement.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod macros;
mod serde_date;

pub mod assess;
pub mod audit;
pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod decision;
pub mod guard;
pub mod law;
pub mod measure;
pub mod money;
pub mod party;
pub mod regime;
#[cfg(feature = "proptest")]
pub mod strategy;

pub use crate::assess::{Assessment, Tier, assess};
pub use crate::case::Case;
pub use crate::catalogue::Catalogue;
pub use crate::decision::{Decision, recommend};
pub use crate::guard::{Review, review};
pub use crate::regime::Regime;
