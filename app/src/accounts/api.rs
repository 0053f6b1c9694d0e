//! Server functions of the accounts area: a Distributor's accounts, one
//! Account's page, and the family overview shown on it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{AccountDetail, AccountForm, AccountFormPage, AccountsPage, FamilyOverview};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    accounts::model::{AccountNeeds, AccountSort},
    accounts::service::ListArgs,
    policy::{Action, Role},
    read_model::scope::Scope,
    ssr::context::{in_account, in_distributor, redirect},
    ssr::Caller,
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
    let mut page = super::service::list(
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
    .await?;
    if ctx.caller.allows(Action::CreateAccounts) {
        page.new_account_href = Some(crate::links::new_account(&query.distributor_id));
    }
    Ok(page)
}

#[server(endpoint = "accounts/detail")]
pub async fn fetch_account_detail(account_id: String) -> Result<AccountDetail, AppError> {
    let ctx = in_account(Action::ViewAccounts, &account_id).await?;
    let staff = matches!(
        ctx.caller.role,
        Role::PlatformAdmin | Role::DistributorAdmin | Role::DistributorViewer
    );
    let mut detail = super::service::detail(&ctx.state, &ctx.tenant, &ctx.account_id, staff).await?;
    detail.can_edit = ctx.caller.allows(Action::ManageAccounts) && ctx.caller.view_as.is_none();
    detail.distributor_href = match ctx.caller.role {
        Role::PlatformAdmin => Some(crate::links::distributor(&ctx.tenant.distributor_id)),
        Role::DistributorAdmin | Role::DistributorViewer => Some(crate::links::staff_home()),
        _ => None,
    };
    detail.can_view_as = ctx.caller.allows(Action::ViewAsManager);
    detail.can_view_routes = ctx.caller.allows(Action::ViewRoutes);
    detail.can_view_onboarding = ctx.caller.allows(Action::ViewOnboarding);
    Ok(detail)
}

/// An Account's members and lines with live data use, Guardian state and
/// what needs attention (the Manager's home).
#[server(endpoint = "family/overview")]
pub async fn fetch_family_overview(account_id: String) -> Result<FamilyOverview, AppError> {
    let ctx = in_account(Action::ViewSubscribers, &account_id).await?;
    super::service::overview(&ctx).await
}

/// The new-Account form's page: which Distributor it goes under.
#[server(endpoint = "accounts/new-form")]
pub async fn fetch_new_account_form(distributor_id: String) -> Result<AccountFormPage, AppError> {
    let ctx = in_distributor(Action::CreateAccounts, &distributor_id).await?;
    Ok(AccountFormPage {
        form: AccountForm {
            distributor_id: if ctx.caller.role == Role::PlatformAdmin {
                ctx.tenant.distributor_id.clone()
            } else {
                String::new()
            },
            mailing_same: true,
            ..AccountForm::default()
        },
        distributor_name: super::service::stored_distributor_name(&ctx.state, &ctx.tenant.distributor_id).await?,
        distributor_href: staff_home_of(&ctx.caller, &ctx.tenant.distributor_id),
        account_name: None,
    })
}

/// Creates the Account, then opens its page.
#[server(endpoint = "accounts/create")]
pub async fn create_account(#[server(flatten)] form: AccountForm) -> Result<(), AppError> {
    let ctx = in_distributor(Action::CreateAccounts, &form.distributor_id).await?;
    let account_id = super::changes::create(&ctx, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::account(&account_id),
        "saved",
        "created",
    ));
    Ok(())
}

/// The edit form of an Account, filled in.
#[server(endpoint = "accounts/edit-form")]
pub async fn fetch_account_form(account_id: String) -> Result<AccountFormPage, AppError> {
    let ctx = in_account(Action::ManageAccounts, &account_id).await?;
    let home = staff_home_of(&ctx.caller, &ctx.tenant.distributor_id);
    super::changes::edit_page(&ctx, home).await
}

/// Saves an Account's name and addresses, then opens its page.
#[server(endpoint = "accounts/update")]
pub async fn update_account(#[server(flatten)] form: AccountForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageAccounts, &form.account_id).await?;
    super::changes::update(&ctx, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::account(&ctx.account_id),
        "saved",
        "updated",
    ));
    Ok(())
}

/// Where a caller's Distributor home is (the first breadcrumb).
#[cfg(feature = "ssr")]
fn staff_home_of(caller: &Caller, distributor_id: &str) -> String {
    match caller.role {
        Role::PlatformAdmin => crate::links::distributor(distributor_id),
        _ => crate::links::staff_home(),
    }
}
