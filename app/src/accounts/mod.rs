//! Accounts: a Distributor's list of Accounts (the staff dashboard), one
//! Account's page, and the family overview shown on it (the Manager's home).

pub mod account_page;
pub mod api;
pub mod dashboard;
pub mod family;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

pub use account_page::AccountPage;
pub use dashboard::Dashboard;
