//! rouxing (柔性): typed rules for China's flexible administrative enforcement.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
