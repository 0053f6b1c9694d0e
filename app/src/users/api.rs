//! Server functions of the users area: portal users in the caller's scope.

use leptos::prelude::*;

use super::model::{CreatedUser, NewUser, UsersPage};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{redirect, scoped, session},
    users::model::Done,
};

/// Where a just-created user waits in the session, to be shown once after
/// the redirect (a browser without JavaScript sees it there).
#[cfg(feature = "ssr")]
const CREATED_USER_KEY: &str = "created_user";

#[server(endpoint = "users/list")]
pub async fn list_users(search: String, page: u32) -> Result<UsersPage, AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    super::service::list(&ctx.state, &ctx.caller, &search, page).await
}

/// Creates a user with a temporary password.
#[server(endpoint = "users/create")]
pub async fn create_user(#[server(flatten)] form: NewUser) -> Result<CreatedUser, AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    let created = super::service::create(&ctx.state, &ctx.caller, form).await?;
    session()
        .await?
        .insert(CREATED_USER_KEY, &created)
        .await
        .map_err(|_| AppError::Internal)?;
    redirect(&crate::links::with_notice(&crate::links::users(), "created", "1"));
    Ok(created)
}

/// The user created just before (shown once, then forgotten).
#[server(endpoint = "users/created")]
pub async fn take_created_user() -> Result<Option<CreatedUser>, AppError> {
    scoped(Action::ManageUsers).await?;
    session()
        .await?
        .remove::<CreatedUser>(CREATED_USER_KEY)
        .await
        .map_err(|_| AppError::Internal)
}

#[server(endpoint = "users/set-enabled")]
pub async fn set_user_enabled(user_id: i64, enabled: bool) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    super::service::set_enabled(&ctx.state, &ctx.caller, user_id, enabled).await?;
    redirect(&back_with(if enabled { Done::Enabled } else { Done::Disabled }));
    Ok(())
}

#[server(endpoint = "users/role")]
pub async fn change_user_role(user_id: i64, role: String) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    super::service::change_role(&ctx.state, &ctx.caller, user_id, &role).await?;
    redirect(&back_with(Done::RoleChanged));
    Ok(())
}

/// Mails the user a link to choose a new password (their password keeps
/// working until they do).
#[server(endpoint = "users/send-reset")]
pub async fn send_reset_link(user_id: i64) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    super::service::send_reset(&ctx.state, &ctx.caller, user_id).await?;
    redirect(&back_with(Done::ResetSent));
    Ok(())
}

/// Signs the user out everywhere.
#[server(endpoint = "users/end-sessions")]
pub async fn end_user_sessions(user_id: i64) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageUsers).await?;
    super::service::end_sessions(&ctx.state, &ctx.caller, user_id).await?;
    redirect(&back_with(Done::SessionsEnded));
    Ok(())
}

/// The users page the form was on (its search and page kept, an earlier
/// notice or error dropped), saying what was done.
#[cfg(feature = "ssr")]
fn back_with(done: Done) -> String {
    let kept: Vec<(String, String)> = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?.to_string();
            let url = url::Url::parse(&referer).ok()?;
            (url.path() == crate::links::users()).then(|| {
                url.query_pairs()
                    .filter(|(key, _)| matches!(key.as_ref(), "q" | "page"))
                    .map(|(key, value)| (key.into_owned(), value.into_owned()))
                    .collect()
            })
        })
        .unwrap_or_default();
    let mut params: Vec<(&str, String)> = kept.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    params.push(("done", done.as_str().to_string()));
    crate::links::with_query(&crate::links::users(), &params)
}
