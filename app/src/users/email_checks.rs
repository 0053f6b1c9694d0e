//! E-mail addresses people type for a new or changed person: the shape of
//! one, Telegent's "already used" refusal, and a limit on how many taken
//! addresses one user may try (the refusals would otherwise map who is on
//! the platform).

use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::Caller;
use crate::ssr::AppState;

/// The shape of an address (the mail server has the last word).
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

/// Telegent e-mails are unique on the whole platform: its refusal of one is
/// shown at the e-mail field; any other error stays what it is.
pub fn email_taken(error: telegent::TelegentError) -> AppError {
    match error {
        telegent::TelegentError::Rejected { message, .. } if message.to_lowercase().contains("email") => {
            AppError::invalid("email", EMAIL_IN_USE)
        }
        other => other.into(),
    }
}

/// The same words whoever holds a taken address (a portal user here, a
/// subscriber of any Distributor): the answer says nothing of where.
pub const EMAIL_IN_USE: &str = "This e-mail address is already used. Choose another one.";

/// Taken-address refusals a user may get in [`EMAIL_WINDOW_SECONDS`]; past
/// that, e-mail addresses are not tried at all for a while (the refusals
/// would otherwise map who is on the platform).
const EMAIL_REFUSALS_PER_WINDOW: i64 = 5;
const EMAIL_WINDOW_SECONDS: i64 = 10 * 60;

async fn recent_email_refusals(state: &AppState, caller: &Caller) -> Result<i64, AppError> {
    let since = (chrono::Utc::now() - chrono::Duration::seconds(EMAIL_WINDOW_SECONDS))
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let (count,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE user_id = $1 AND action = 'EmailInUse' AND at >= $2")
            .bind(caller.user_id)
            .bind(&since)
            .fetch_one(&state.pool)
            .await?;
    Ok(count)
}

/// Before an e-mail address is tried: the caller's turn (one try at a time
/// per user, so parallel requests cannot all pass the count), refused while
/// they are over the limit. Hold the turn until the refusal, if any, is noted.
pub async fn email_tries_left(state: &AppState, caller: &Caller) -> Result<tokio::sync::OwnedMutexGuard<()>, AppError> {
    let turn = state
        .sign_in_locks
        .lock(&format!("email-tries:{}", caller.user_id))
        .await;
    if recent_email_refusals(state, caller).await? >= EMAIL_REFUSALS_PER_WINDOW {
        return Err(AppError::invalid(
            "email",
            "Too many e-mail addresses were already in use. Wait ten minutes and try again.",
        ));
    }
    Ok(turn)
}

/// Passes `error` on; a taken-address refusal is recorded first (it counts
/// towards the limit, and shows in the audit log).
pub async fn note_email_refusal(state: &AppState, caller: &Caller, error: AppError) -> AppError {
    if error.field_message("email").as_deref() == Some(EMAIL_IN_USE) {
        let entry = caller.audit("EmailInUse", &[]);
        let _ = audit::record(&state.pool, &entry, Outcome::Denied, "e-mail address already in use").await;
    }
    error
}
