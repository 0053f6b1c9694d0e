pub mod account;
pub mod audit;
pub mod dashboard;
pub mod distributors;
pub mod family;
pub mod not_found;
pub mod session;
pub mod users;
