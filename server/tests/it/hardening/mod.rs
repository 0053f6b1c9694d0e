//! Security hardening, by concern. Each test fails on the code before the
//! hardening it checks.

mod audit_trail;
mod fail_closed;
mod fairness;
mod rank;
mod sandbox_admin;
mod sessions;

const JANE: &str = "jane.doe@example.com";
const AUDIT_ALL: &str = "user=&action=&outcome=&from=&to=&page=1";
