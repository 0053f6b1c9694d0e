//! The partner onboarding checklist (Telegent's phase 3) for an Account or
//! the whole Distributor: each step's state read from Telegent and the
//! portal's records, sections marked not in scope with a reason, and the
//! joint sign-off once everything an API can show is done.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod facts;
#[cfg(feature = "ssr")]
pub mod records;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod steps;

pub use pages::{AccountOnboardingPage, DistributorOnboardingPage};
