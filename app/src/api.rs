//! Server functions: thin wrappers that take the caller's scope from the
//! request context and call a service. Stable endpoint names, POST only.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AccountDetail, AccountsPage, CurrentUser};

#[cfg(feature = "ssr")]
use crate::{
    model::AccountSort,
    ssr::{accounts, ctx},
};

#[server(endpoint = "session/current-user")]
pub async fn fetch_current_user() -> Result<CurrentUser, AppError> {
    let (state, ctx) = ctx()?;
    let distributor_name = accounts::distributor_name(&state, &ctx).await?;
    Ok(CurrentUser {
        display_name: ctx.display_name,
        email: ctx.email,
        role_label: ctx.role_label,
        distributor_name,
    })
}

/// One page of the caller's Distributor's accounts. `sort` is a URL value
/// (`name`, `-name`, `subscribers`, `-subscribers`).
#[server(endpoint = "accounts/list")]
pub async fn list_accounts(page: u32, search: String, sort: String) -> Result<AccountsPage, AppError> {
    let (state, ctx) = ctx()?;
    accounts::list(&state, &ctx, page, &search, AccountSort::from_param(&sort)).await
}

#[server(endpoint = "accounts/detail")]
pub async fn fetch_account_detail(account_id: String) -> Result<AccountDetail, AppError> {
    let (state, ctx) = ctx()?;
    accounts::detail(&state, &ctx, &account_id).await
}
