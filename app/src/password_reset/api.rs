//! Server functions of the password reset: asking for a link, checking one,
//! and choosing the new password. Nobody is signed in for these, so there is
//! no caller and no scope: the e-mail address or the link's token is all.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::ssr::{context::redirect, context::request_meta, state};

/// Sends a reset link if the address has an account; answers the same
/// either way (a plain form post: the page that follows says so).
#[server(endpoint = "password/forgot")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let state = state()?;
    let (request_id, address) = request_meta();
    super::service::request_link(&state, &email, request_id, address).await?;
    redirect(&crate::links::with_notice(
        &crate::links::forgot_password(),
        "sent",
        "1",
    ));
    Ok(())
}

/// The e-mail address a link is for, while it works; `None` once it doesn't.
#[server(endpoint = "password/reset-status")]
pub async fn reset_link_status(token: String) -> Result<Option<String>, AppError> {
    let state = state()?;
    super::service::link_status(&state, &token).await
}

/// Sets the new password through a reset link; every session of that user ends.
#[server(endpoint = "password/reset")]
pub async fn reset_password(token: String, new_password: String, confirm_password: String) -> Result<(), AppError> {
    let state = state()?;
    let (request_id, address) = request_meta();
    let choice = super::service::NewPassword {
        token: &token,
        new: &new_password,
        confirm: &confirm_password,
    };
    super::service::reset(&state, choice, request_id, address).await?;
    redirect(&crate::links::with_notice(&crate::links::login(), "reset", "1"));
    Ok(())
}
