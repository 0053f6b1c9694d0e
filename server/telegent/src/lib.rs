//! The Telegent mPaaS API as the portal sees it.
//!
//! `phone` and `types` are plain data and compile everywhere (the browser uses
//! `phone` to normalize what people type). The `client` feature adds the HTTP
//! client that talks to the real API or to the sandbox over loopback.

pub mod phone;
pub mod types;

/// Operations the client has typed functions for: (`METHOD /path`, function).
/// Feeds the coverage table (`server/sandbox/COVERAGE.md`).
pub const CLIENT_OPERATIONS: &[(&str, &str)] = &[
    ("POST /v1.0/OAuth2/tokens", "token cache (every call)"),
    ("GET /v1.0/distributor", "TelegentClient::distributor"),
    ("GET /v1.0/distributor/accounts", "TelegentClient::distributor_accounts"),
    (
        "GET /v1.0/distributor/subscribers",
        "TelegentClient::distributor_subscribers",
    ),
    ("GET /v1.0/account", "TelegentClient::account"),
];

#[cfg(feature = "client")]
mod budget;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod tokens;

#[cfg(feature = "client")]
pub use budget::{Priority, RateBudget};
#[cfg(feature = "client")]
pub use client::{ClientConfig, Credentials, Safety, TelegentClient};
#[cfg(feature = "client")]
pub use error::TelegentError;
#[cfg(feature = "client")]
pub use retry::RetryPolicy;
