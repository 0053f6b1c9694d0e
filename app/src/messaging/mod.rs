//! Outbound messages, sent at most once per intent.

#[cfg(feature = "ssr")]
pub mod service;
