//! Server functions of the session: who is signed in, signing in and out,
//! the password, and "view as".

use leptos::prelude::*;

use super::model::CurrentUser;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{redirect, request_meta, scoped, session, signed_in},
    ssr::{caller::current_caller, state},
};

/// Only paths on this site, so a crafted link cannot send people elsewhere.
pub fn safe_next(next: &str) -> String {
    // Browsers drop tabs and newlines from URLs and read `\` as `/`, so
    // "/\t/evil.example" would leave the site: refuse all of them.
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains("://")
        && !next.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ok && !next.starts_with("/login") {
        next.to_string()
    } else {
        "/".to_string()
    }
}

/// The signed-in user, their navigation and any "view as" banner; `None`
/// when nobody is signed in.
#[server(endpoint = "session/current-user")]
pub async fn fetch_current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(caller) = current_caller() else {
        return Ok(None);
    };
    let state = state()?;
    Ok(Some(super::service::current_user(&state, &caller).await))
}

/// Signs in (a plain form post: the browser follows the redirect and loads
/// the next page with its new session).
#[server(endpoint = "session/login")]
pub async fn login(email: String, password: String, next: String) -> Result<(), AppError> {
    let state = state()?;
    let session = session().await?;
    let (request_id, address) = request_meta();
    let user = super::service::sign_in(&state, &session, &email, &password, request_id, address).await?;
    let target = if user.must_change_password {
        crate::links::password()
    } else {
        safe_next(&next)
    };
    redirect(&target);
    Ok(())
}

#[server(endpoint = "session/logout")]
pub async fn logout() -> Result<(), AppError> {
    let state = state()?;
    let session = session().await?;
    let caller = current_caller();
    super::service::sign_out(&state, &session, caller.as_deref()).await?;
    redirect("/login?signed_out=1");
    Ok(())
}

/// Changes the caller's password (also the first-sign-in step).
#[server(endpoint = "session/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    let (state, caller) = signed_in()?;
    if caller.view_as.is_some() {
        return Err(AppError::Forbidden);
    }
    let session = session().await?;
    let input = super::service::NewPassword {
        current: &current_password,
        new: &new_password,
        confirm: &confirm_password,
    };
    super::service::change_password(&state, &session, &caller, input).await?;
    redirect(&crate::links::with_notice(
        &super::service::home_of(&caller),
        "password_changed",
        "1",
    ));
    Ok(())
}

#[server(endpoint = "session/view-as")]
pub async fn start_view_as(account_id: String, reason: String) -> Result<(), AppError> {
    let ctx = scoped(Action::ViewAsManager).await?;
    let session = session().await?;
    super::service::start_view_as(&ctx.state, &session, &ctx.caller, &account_id, &reason).await?;
    redirect(&crate::links::account(&account_id));
    Ok(())
}

#[server(endpoint = "session/view-as-stop")]
pub async fn stop_view_as() -> Result<(), AppError> {
    let (state, caller) = signed_in()?;
    let session = session().await?;
    let back = caller
        .view_as
        .as_ref()
        .map(|v| crate::links::account(&v.account_id))
        .unwrap_or_else(crate::links::staff_home);
    super::service::stop_view_as(&state, &session, &caller).await?;
    redirect(&back);
    Ok(())
}
