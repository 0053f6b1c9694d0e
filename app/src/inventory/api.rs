//! Server functions of the numbers inventory.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::InventoryPage;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    read_model::scope::Scope,
    ssr::context::{in_account, redirect, scoped},
};

/// The list's state, as it lives in the URL (each filter by its
/// `model::Filter::param`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InventoryQuery {
    #[serde(default)]
    pub search: String,
    /// An Account ID: that Account's lines only.
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub capability: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub status: String,
    /// `none`: orphans only; `some`: lines with a subscriber.
    #[serde(default)]
    pub holder: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default, deserialize_with = "crate::form_values::number")]
    pub page: u32,
    /// The caller's last selection change, to show its results.
    #[serde(default)]
    pub batch: String,
}

/// A status change for the ticked lines (`numbers[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SelectionForm {
    #[serde(default)]
    pub numbers: Vec<String>,
    /// suspend | restore | deactivate
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub effective_date: String,
    #[serde(default)]
    pub confirm: Option<String>,
    /// The list the form was on (see `links_back`).
    #[serde(default)]
    pub back: Option<String>,
}

impl InventoryQuery {
    /// A filter's value by its URL parameter.
    pub fn filter(&self, param: &str) -> &str {
        match param {
            "kind" => &self.kind,
            "capability" => &self.capability,
            "product" => &self.product,
            "status" => &self.status,
            "holder" => &self.holder,
            _ => "",
        }
    }
}

/// One page of the lines the caller reaches, from the read model: a
/// Distributor's staff every Account's, a Platform admin every
/// Distributor's, an Account's admin or Manager their Account's.
#[server(endpoint = "numbers/inventory")]
pub async fn list_numbers(#[server(flatten)] query: InventoryQuery) -> Result<InventoryPage, AppError> {
    let ctx = scoped(Action::ViewNumbers).await?;
    let scope = Scope::of(&ctx.caller)?;
    let can_assign = ctx.caller.allows(Action::ManageSubscribers);
    let can_provision = ctx.caller.allows(Action::ProvisionNumbers);
    let mut page = super::service::list(&ctx.state, &scope, &query, can_assign, can_provision).await?;
    page.can_change = ctx.caller.allows(Action::ChangeNumberStatus);
    page.today = chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    if !query.batch.trim().is_empty() {
        page.batch = super::selection::results(&ctx.state.pool, ctx.caller.user_id, &query.batch).await;
    }
    Ok(page)
}

/// "Assign to…" on an orphan line: gives it to a person of its Account
/// (the checks and the audit are the member page's "Give a line"), then
/// back to the list the form was on.
#[server(endpoint = "numbers/assign")]
pub async fn assign_orphan(
    account_id: String,
    msisdn: String,
    subscriber_id: String,
    back: Option<String>,
) -> Result<(), AppError> {
    let ctx = in_account(Action::ManageSubscribers, &account_id).await?;
    super::service::assign(&ctx, &msisdn, subscriber_id.trim()).await?;
    let back = super::links_back(back.as_deref());
    redirect(&crate::links::with_notice(&back, "assigned", &msisdn));
    Ok(())
}

/// Suspends, restores or deactivates the ticked lines, each as its own page
/// would; back to the list with a result per line.
#[server(endpoint = "numbers/status-selection")]
pub async fn change_selection(#[server(flatten)] form: SelectionForm) -> Result<(), AppError> {
    let ctx = scoped(Action::ChangeNumberStatus).await?;
    let batch = super::selection::change(&ctx, &form).await?;
    let back = super::links_back(form.back.as_deref());
    redirect(&crate::links::with_notice(&back, "batch", &batch.to_string()));
    Ok(())
}
