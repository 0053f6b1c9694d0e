//! Server functions of the accounts area: a Distributor's accounts, one
//! Account's page, and the family overview shown on it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{AccountDetail, AccountsPage, FamilyOverview};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    accounts::model::{AccountNeeds, AccountSort},
    accounts::service::ListArgs,
    policy::{Action, Role},
    read_model::scope::Scope,
    ssr::context::{in_account, in_distributor},
};

/// The accounts list's state, as it lives in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountsQuery {
    /// Empty: the caller's own Distributor.
    #[serde(default)]
    pub distributor_id: String,
    /// 1-based.
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
    #[serde(default)]
    pub search: String,
    /// A URL value: `name`, `-name`, `subscribers`, `-subscribers`.
    #[serde(default)]
    pub sort: String,
    /// A URL value: `no-manager`, `many-managers` (see `AccountNeeds`).
    #[serde(default)]
    pub needs: String,
}

/// One page of a Distributor's accounts. Account roles see their one Account.
#[server(endpoint = "accounts/list")]
pub async fn list_accounts(#[server(flatten)] query: AccountsQuery) -> Result<AccountsPage, AppError> {
    let ctx = in_distributor(Action::ViewAccounts, &query.distributor_id).await?;
    let scope = Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?;
    super::service::list(
        &ctx.state,
        &ctx.tenant.distributor_id,
        &scope,
        &ListArgs {
            page: query.page,
            search: query.search,
            sort: AccountSort::from_param(&query.sort),
            needs: AccountNeeds::from_param(&query.needs),
        },
    )
    .await
}

#[server(endpoint = "accounts/detail")]
pub async fn fetch_account_detail(account_id: String) -> Result<AccountDetail, AppError> {
    let ctx = in_account(Action::ViewAccounts, &account_id).await?;
    let mut detail = super::service::detail(&ctx.tenant, &ctx.account_id).await?;
    detail.distributor_href = match ctx.caller.role {
        Role::PlatformAdmin => Some(crate::links::distributor(&ctx.tenant.distributor_id)),
        Role::DistributorAdmin | Role::DistributorViewer => Some(crate::links::staff_home()),
        _ => None,
    };
    detail.can_view_as = ctx.caller.allows(Action::ViewAsManager);
    Ok(detail)
}

/// An Account's members and lines with live data use, Guardian state and
/// what needs attention (the Manager's home).
#[server(endpoint = "family/overview")]
pub async fn fetch_family_overview(account_id: String) -> Result<FamilyOverview, AppError> {
    let ctx = in_account(Action::ViewSubscribers, &account_id).await?;
    super::service::overview(&ctx).await
}
