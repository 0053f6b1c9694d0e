//! The one error type server functions return. Every variant's text is safe
//! to show a person: it says what happened and what to do, never internals.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Missing, or outside the caller's scope: both look exactly the same.
    #[error("We couldn't find that page. It may have been removed, or the link may be wrong.")]
    NotFound,
    /// A value a person typed broke a rule; `field` names the form field.
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// Telegent refused, failed or was busy; the message says what to do.
    #[error("{0}")]
    Upstream(String),
    /// Something broke inside the portal (logged with the request id).
    #[error("Something went wrong on our side. Try again; if it keeps happening, contact support.")]
    Internal,
    /// The browser could not reach the portal or read its answer.
    #[error("The portal could not be reached. Check your connection and try again.")]
    Network,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => AppError::Network,
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => AppError::Invalid {
                field: String::new(),
                message: format!("The request was incomplete: {message}"),
            },
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<telegent::TelegentError> for AppError {
    fn from(error: telegent::TelegentError) -> Self {
        match error {
            telegent::TelegentError::NotFound => AppError::NotFound,
            other => {
                tracing::warn!(error = %other, "Telegent call failed");
                AppError::Upstream(other.user_message())
            }
        }
    }
}
