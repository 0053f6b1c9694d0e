//! A line's status (issue 17, first part): suspend, restore, deactivate,
//! reactivate within 30 days, a SIM swap, a new number (swap or replace),
//! and the port-out PIN, on the line's page for
//! Distributor staff. Each confirmed, audited, and refused where it would
//! harm the subscriber (a suspension during a port-out). Below it, the
//! line's device, subscription, orders and audit trail (`history`).

pub mod api;
pub mod details;
pub mod history;
pub mod model;
pub mod panel;
mod update_form;

#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod history_service;
#[cfg(feature = "ssr")]
pub mod line_update;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod renumber;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod sim_swap;

pub use history::LineHistorySection;
pub use panel::LineStatusPanel;
