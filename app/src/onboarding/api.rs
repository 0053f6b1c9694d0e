//! Server functions of the onboarding checklist. An Account's checklist is
//! checked against the caller's scope like any Account page; the
//! Distributor's is its staff's alone.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{ChecklistPage, ScopeForm, SignOffForm};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::service::{self, Checklist};
#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, in_distributor, redirect},
};

/// Whose checklist: an Account (empty: the Distributor's, which a Platform
/// admin names with `distributor_id`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChecklistRef {
    #[serde(default)]
    pub account_id: String,
    #[serde(default)]
    pub distributor_id: String,
}

#[cfg(feature = "ssr")]
async fn checklist(action: Action, account_id: &str, distributor_id: &str) -> Result<Checklist, AppError> {
    if account_id.trim().is_empty() {
        Checklist::from_distributor(in_distributor(action, distributor_id.trim()).await?, distributor_id)
    } else {
        Ok(in_account(action, account_id.trim()).await?.into())
    }
}

#[cfg(feature = "ssr")]
fn back_to(c: &Checklist, notice: &str, value: &str) {
    let href = if c.account_id.is_empty() {
        crate::links::distributor_onboarding(&c.distributor_param)
    } else {
        crate::links::onboarding(&c.account_id)
    };
    redirect(&crate::links::with_notice(&href, notice, value));
}

#[server(endpoint = "onboarding/checklist")]
pub async fn fetch_checklist(#[server(flatten)] target: ChecklistRef) -> Result<ChecklistPage, AppError> {
    if target.account_id.trim().is_empty() {
        if let Some(choose) = service::distributor_to_choose(&target.distributor_id).await? {
            return Ok(choose);
        }
    }
    let c = checklist(Action::ViewOnboarding, &target.account_id, &target.distributor_id).await?;
    service::page(&c).await
}

/// The policy check for the change, then the checklist read through the
/// cached client: a change here touches only the portal's tables, and the
/// sign-off's re-reading of the checklist must not spend the budget afresh.
#[cfg(feature = "ssr")]
async fn to_change(account_id: &str, distributor_id: &str) -> Result<Checklist, AppError> {
    crate::ssr::context::scoped(Action::ManageOnboarding).await?;
    checklist(Action::ViewOnboarding, account_id, distributor_id).await
}

#[server(endpoint = "onboarding/scope")]
pub async fn set_onboarding_scope(#[server(flatten)] form: ScopeForm) -> Result<(), AppError> {
    let c = to_change(&form.account_id, &form.distributor_id).await?;
    service::set_scope(&c, &form).await?;
    back_to(&c, "scope", form.section.trim());
    Ok(())
}

#[server(endpoint = "onboarding/sign-off")]
pub async fn sign_off_onboarding(#[server(flatten)] form: SignOffForm) -> Result<(), AppError> {
    let c = to_change(&form.account_id, &form.distributor_id).await?;
    service::sign_off(&c, &form).await?;
    back_to(&c, "signed", "1");
    Ok(())
}
