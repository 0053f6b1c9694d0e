//! Subscriptions: the billing relationship of a number (created at most
//! once per intent; the pages come with the catalog work).

#[cfg(feature = "ssr")]
pub mod service;
