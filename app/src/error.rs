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
    /// Several values of one form broke their rules: (field, message) each,
    /// all shown at once, each at its field.
    #[error("{}", .0.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join(" "))]
    InvalidFields(Vec<(String, String)>),
    /// The request itself was malformed (a missing or unreadable argument):
    /// not something a person typed, so a 400, never shown at a field.
    #[error("The request could not be read ({0}). Reload the page and try again.")]
    BadRequest(String),
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
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => AppError::BadRequest(message),
            _ => AppError::Internal,
        }
    }
}

impl AppError {
    /// The message for a form field, when this error belongs to one.
    pub fn field_message(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid { field, message } if field == name => Some(message.clone()),
            AppError::InvalidFields(problems) => {
                let messages: Vec<&str> = problems
                    .iter()
                    .filter(|(field, _)| field == name)
                    .map(|(_, m)| m.as_str())
                    .collect();
                (!messages.is_empty()).then(|| messages.join(" "))
            }
            _ => None,
        }
    }

    /// Whether this is a refusal of what was typed (one field or several).
    pub fn is_invalid(&self) -> bool {
        matches!(self, AppError::Invalid { .. } | AppError::InvalidFields(_))
    }

    /// One error for the field errors of a form: `None` when there are none,
    /// the error itself when there is one, all of them when there are more.
    pub fn from_field_errors(problems: Vec<AppError>) -> Option<AppError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for problem in problems {
            match problem {
                AppError::Invalid { field, message } => pairs.push((field, message)),
                AppError::InvalidFields(more) => pairs.extend(more),
                _ => {}
            }
        }
        match pairs.len() {
            0 => None,
            1 => {
                let (field, message) = pairs.remove(0);
                Some(AppError::Invalid { field, message })
            }
            _ => Some(AppError::InvalidFields(pairs)),
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
            AppError::Invalid { .. } | AppError::InvalidFields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
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
