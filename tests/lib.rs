//! Integration tests, one module per article or chapter of the law.
