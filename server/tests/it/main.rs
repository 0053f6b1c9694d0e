//! The portal's integration tests, one module per area, in one binary: each
//! test file used to be its own binary linking the whole portal.

mod billable;
mod bulk_reserve;
mod catalog;
mod client;
mod common;
mod dashboard;
mod delivery;
mod distributor_changes;
mod family;
mod forms;
mod guardian;
mod hardening;
mod identity;
mod inventory;
mod line_status;
mod lines_given;
mod member_removal;
mod member_role;
mod members;
mod notifications;
mod onboarding;
mod pages_in_words;
mod password_reset;
mod porting;
mod provisioning;
mod routes;
mod security_matrix;
mod services;
mod staff_changes;
mod subscriptions;
mod users_page;
mod voice_routes;
mod workspace;
