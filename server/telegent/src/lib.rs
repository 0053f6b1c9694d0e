//! The Telegent mPaaS API as the portal sees it.
//!
//! `phone` and `types` are plain data and compile everywhere (the browser uses
//! `phone` to normalize what people type). The `client` feature adds the HTTP
//! client that talks to the real API or to the sandbox over loopback. `ops` holds
//! the typed bodies of each area and its table of operations (`operation`),
//! from which, with `client`, the functions that send them are generated.
//! `tolerant` reads the API's loose JSON into those plain types.

#[macro_use]
pub mod operation;
pub mod ops;
pub mod phone;
pub mod tolerant;
pub mod types;

pub use operation::{BillableRequest, Class, Operation};

/// The token endpoint: called before every operation, not by a function of its own.
const TOKEN: &[Operation] = &[Operation {
    method: "POST",
    path: "/v1.0/OAuth2/tokens",
    function: "token cache (every call)",
    class: Class::Read,
    invalidates: &[],
    read_response: operation::reads_as::<types::TokenResponse>,
    read_request: None,
}];

/// Every operation the client covers, from the areas' tables. Feeds the
/// coverage table (`server/sandbox/COVERAGE.md`) and the reference-example tests.
pub fn operations() -> impl Iterator<Item = &'static Operation> {
    [
        TOKEN,
        ops::hierarchy::OPERATIONS,
        ops::numbers::OPERATIONS,
        ops::subscribers::OPERATIONS,
        ops::catalog::OPERATIONS,
        ops::routes::OPERATIONS,
        ops::messages::OPERATIONS,
    ]
    .into_iter()
    .flatten()
}

#[cfg(feature = "client")]
mod budget;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod error;
#[cfg(feature = "client")]
mod freshness;
#[cfg(feature = "client")]
mod retry;
#[cfg(feature = "client")]
mod tokens;

#[cfg(feature = "client")]
pub use budget::{Priority, RateBudget};
#[cfg(feature = "client")]
pub use client::{ClientConfig, Credentials, Safety, SharedClient, TelegentClient};
#[cfg(feature = "client")]
pub use error::TelegentError;
#[cfg(feature = "client")]
pub use retry::RetryPolicy;
