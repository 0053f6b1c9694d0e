//! Server functions of the subscriptions area. Lists read the read model
//! within the caller's scope; changes start with the policy check, then
//! find the subscription within that scope (foreign = missing), then act
//! inside its Account.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{
    NewSubscriptionPage, SubscriptionChange, SubscriptionDetail, SubscriptionForm, SubscriptionsPage,
    SubscriptionsQuery,
};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    read_model::scope::Scope,
    ssr::context::{in_account, in_distributor, redirect, scoped, InAccount},
};

/// The new-subscription form's Account and (chosen) subscriber.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewSubscriptionQuery {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub subscriber_id: String,
}

#[server(endpoint = "subscriptions/list")]
pub async fn list_subscriptions(#[server(flatten)] query: SubscriptionsQuery) -> Result<SubscriptionsPage, AppError> {
    let ctx = in_distributor(Action::ViewSubscribers, &query.distributor_id).await?;
    let scope = Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?;
    super::list::list(&ctx.state, &ctx.tenant, &scope, &query).await
}

/// The caller's subscription `subscription_id`, inside its Account.
#[cfg(feature = "ssr")]
async fn subscription_in_scope(action: Action, subscription_id: &str) -> Result<InAccount, AppError> {
    let checked = scoped(action).await?;
    let scope = Scope::of(&checked.caller)?;
    let (_, account_id) = super::changes::locate(&checked.state.pool, &scope, subscription_id).await?;
    checked.account(&account_id).await
}

#[server(endpoint = "subscriptions/detail")]
pub async fn fetch_subscription(subscription_id: String) -> Result<SubscriptionDetail, AppError> {
    let ctx = subscription_in_scope(Action::ViewSubscribers, &subscription_id).await?;
    let scope = Scope::within(&ctx.caller, &ctx.tenant.distributor_id)?;
    let row = super::list::one(&ctx.state, &ctx.tenant, &scope, &subscription_id).await?;
    let iccid = ctx
        .tenant
        .client
        .subscription(&row.id)
        .await
        .ok()
        .and_then(|s| s.iccid)
        .unwrap_or_default();
    Ok(SubscriptionDetail {
        packages: super::changes::packages_for(&ctx.tenant, &ctx.account_id).await?,
        can_change: ctx.caller.allows(Action::ManageSubscriptions),
        row,
        iccid,
    })
}

#[server(endpoint = "subscriptions/new-form")]
pub async fn fetch_new_subscription(
    #[server(flatten)] query: NewSubscriptionQuery,
) -> Result<NewSubscriptionPage, AppError> {
    let ctx = in_account(Action::ManageSubscriptions, &query.account_id).await?;
    super::changes::new_page(&ctx, &query.subscriber_id).await
}

/// Creates a subscription (billable: once per form, whatever the retries).
#[server(endpoint = "subscriptions/create")]
pub async fn create_subscription(#[server(flatten)] form: SubscriptionForm) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscriptions, &form.account_id).await?;
    let id = super::changes::create(&ctx, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::subscription(&id),
        "created",
        "1",
    ));
    Ok(())
}

#[server(endpoint = "subscriptions/change-package")]
pub async fn change_subscription_package(#[server(flatten)] change: SubscriptionChange) -> Result<(), AppError> {
    let ctx = subscription_in_scope(Action::ManageSubscriptions, &change.subscription_id).await?;
    super::changes::change_package(&ctx, &change).await?;
    redirect(&crate::links::with_notice(
        &crate::links::subscription(change.subscription_id.trim()),
        "saved",
        "1",
    ));
    Ok(())
}

/// Cancels a subscription: recurring charges stop, the ICCID can be reused.
#[server(endpoint = "subscriptions/cancel")]
pub async fn cancel_subscription(#[server(flatten)] change: SubscriptionChange) -> Result<(), AppError> {
    let ctx = subscription_in_scope(Action::ManageSubscriptions, &change.subscription_id).await?;
    super::changes::cancel(&ctx, &change).await?;
    redirect(&crate::links::with_notice(
        &crate::links::subscriptions(&[("account", ctx.account_id.clone())]),
        "cancelled",
        change.subscription_id.trim(),
    ));
    Ok(())
}
