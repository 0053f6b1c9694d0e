pub mod account;
pub mod dashboard;
pub mod not_found;
