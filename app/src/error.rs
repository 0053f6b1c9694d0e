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
    /// No valid session (never signed in, signed out, or expired).
    #[error("Your session has ended. Sign in again to continue.")]
    SignedOut,
    /// Signed in, but the role does not allow this action.
    #[error("Your role doesn't allow this. Ask an administrator if you need it.")]
    Forbidden,
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

impl AppError {
    /// The message for a form field, when this error belongs to one.
    pub fn field_message(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid { field, message } if field == name => Some(message.clone()),
            _ => None,
        }
    }

    /// An error for a form field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignedOut => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Upstream(_) => StatusCode::BAD_GATEWAY,
            AppError::Internal | AppError::Network => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
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
