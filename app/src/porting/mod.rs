//! The port-in cockpit (issue 17): eligibility first, then a draft that
//! asks for the losing carrier's and the subscriber's details, a billed
//! submit sent once, an orders page with each port-in's status, age and
//! next step, statuses followed by the read model's background sweeps
//! (with a timeline entry and a notice to the submitter and the Account's
//! Manager on every change), corrections, cancels, internal notes, and a
//! fresh start after a cancel; a bulk port-in from a CSV.

pub mod api;
#[cfg(feature = "ssr")]
pub mod bulk;
mod bulk_page;
#[cfg(feature = "ssr")]
mod changes;
#[cfg(feature = "ssr")]
mod details;
mod forms;
mod list_page;
pub mod model;
mod order_page;
#[cfg(feature = "ssr")]
pub mod port_date;
#[cfg(feature = "ssr")]
mod reading;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod track;

pub use bulk_page::BulkPortInsPage;
pub use list_page::PortInsListPage;
pub use order_page::PortInPage;
