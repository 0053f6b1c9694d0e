use std::time::Duration;

/// Every way an upstream call can fail, reduced to what the portal can act on.
///
/// `Display` is for logs (never contains credentials or tokens);
/// [`TelegentError::user_message`] is what a person sees.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum TelegentError {
    /// 400 or 422: the request broke a documented rule. `message` is the API's own
    /// validation text (it names the field), safe to show.
    #[error("rejected by Telegent ({status}): {message}")]
    Rejected { status: u16, message: String },
    #[error("not found upstream")]
    NotFound,
    /// 401/403 that survived one re-authentication: the stored credential is wrong or revoked.
    #[error("credentials refused by Telegent ({status})")]
    CredentialsRefused { status: u16 },
    /// The upstream answered 429 and the retry budget ran out.
    #[error("rate limited by Telegent")]
    RateLimited { retry_after: Option<Duration> },
    /// Our own per-credential budget is spent and the wait would exceed the caller's bound.
    #[error("request budget spent; would wait {wait:?}")]
    Busy { wait: Duration },
    /// 5xx, dropped connection or timeout after the retry policy gave up.
    #[error("Telegent unavailable: {detail}")]
    Unavailable { detail: String },
    /// A billable call whose request was sent but whose outcome is unknown
    /// (timeout, 5xx or dropped connection after sending). Must be reconciled.
    #[error("outcome unknown: {detail}")]
    OutcomeUnknown { detail: String },
    #[error("unexpected response from Telegent: {detail}")]
    Decode { detail: String },
}

impl TelegentError {
    /// A message a person can act on, without internals.
    pub fn user_message(&self) -> String {
        match self {
            TelegentError::Rejected { message, .. } => format!("Telegent refused the request: {message}"),
            TelegentError::NotFound => "That item was not found. It may have been removed.".into(),
            TelegentError::CredentialsRefused { .. } => {
                "Telegent refused this distributor's API credentials. Ask a platform administrator to check them."
                    .into()
            }
            TelegentError::RateLimited { .. } | TelegentError::Busy { .. } => {
                "Telegent is busy right now (request limit reached). Wait a minute and try again.".into()
            }
            TelegentError::Unavailable { .. } => {
                "Telegent did not answer. Nothing was changed; try again in a few minutes.".into()
            }
            TelegentError::OutcomeUnknown { .. } => {
                "Telegent did not confirm the request. We are checking whether it went through; do not submit it again."
                    .into()
            }
            TelegentError::Decode { .. } => {
                "Telegent sent an answer the portal could not read. Try again; if it persists, contact support.".into()
            }
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, TelegentError::NotFound)
    }
}
