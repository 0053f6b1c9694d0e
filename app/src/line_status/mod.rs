//! A line's status (issue 17, first part): suspend, restore, deactivate,
//! reactivate within 30 days, and the port-out PIN, on the line's page for
//! Distributor staff. Each confirmed, audited, and refused where it would
//! harm the subscriber (a suspension during a port-out).

pub mod api;
pub mod details;
pub mod model;
pub mod panel;

#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod service;

pub use panel::LineStatusPanel;
