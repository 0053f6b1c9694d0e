//! Typed operations by area, each ending in its `operations!` table. The
//! bodies compile everywhere (the browser shares them); the `TelegentClient`
//! functions the tables declare need the `client` feature.

pub mod catalog;
pub mod hierarchy;
pub mod messages;
pub mod numbers;
pub mod routes;
pub mod subscribers;

#[cfg(feature = "client")]
pub(crate) fn to_body<T: serde::Serialize>(request: &T) -> Result<serde_json::Value, crate::TelegentError> {
    serde_json::to_value(request).map_err(|e| crate::TelegentError::Decode { detail: e.to_string() })
}
