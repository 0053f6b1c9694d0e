//! Accounts: a Distributor's list of Accounts (the staff dashboard), one
//! Account's page, and the family overview shown on it (the Manager's home).

pub mod account_form;
pub mod account_page;
pub mod api;
#[cfg(feature = "ssr")]
pub mod changes;
pub mod dashboard;
pub mod family;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

pub use account_form::{EditAccountPage, NewAccountPage};
pub use account_page::AccountPage;
pub use dashboard::Dashboard;
