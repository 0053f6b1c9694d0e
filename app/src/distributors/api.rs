//! Server functions of the Distributors area (Platform admin).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::DistributorRow;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::{Action, Role},
    ssr::context::{redirect, scoped},
};

/// The credential form: a Distributor's API address, key and secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CredentialForm {
    pub distributor_id: String,
    pub api_base_url: String,
    pub account_key: String,
    /// Write-only: sealed at rest, never shown again.
    pub account_secret: String,
}

/// The Distributors this portal serves (Platform admin; staff see their own).
#[server(endpoint = "distributors/list")]
pub async fn list_distributors() -> Result<Vec<DistributorRow>, AppError> {
    let ctx = scoped(Action::ViewDistributors).await?;
    let records = crate::ssr::upstreams::list_distributors(&ctx.state.pool).await?;
    Ok(records
        .into_iter()
        .filter(|r| {
            ctx.caller.role == Role::PlatformAdmin || ctx.caller.distributor_id.as_deref() == Some(&r.distributor_id)
        })
        .map(|r| DistributorRow {
            connected: ctx.state.upstreams.get(&r.distributor_id).is_some(),
            can_edit: ctx.caller.allows(Action::ManageDistributors),
            id: r.distributor_id,
            name: r.name,
            api_base_url: r.api_base_url,
            account_key: r.account_key,
        })
        .collect())
}

/// Adds a Distributor or replaces its API credential (Platform admin). The
/// credential is tried against Telegent first and stored only if it works;
/// the secret is sealed and never shown again.
#[server(endpoint = "distributors/save")]
pub async fn save_distributor(#[server(flatten)] form: CredentialForm) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageCredentials).await?;
    super::service::save(&ctx.state, &ctx.caller, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::distributors(),
        "saved",
        form.distributor_id.trim(),
    ));
    Ok(())
}

/// Creates a Distributor at Telegent with the platform credential and
/// stores its credential (Platform admin), then lists the Distributors.
#[server(endpoint = "distributors/create")]
pub async fn create_distributor(#[server(flatten)] form: crate::accounts::model::AccountForm) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageDistributors).await?;
    let did = super::changes::create(&ctx.state, &ctx.caller, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::distributors(),
        "created",
        &did,
    ));
    Ok(())
}

/// The Distributor form, filled from Telegent (Platform admin).
#[server(endpoint = "distributors/edit-form")]
pub async fn fetch_distributor_form(
    distributor_id: String,
) -> Result<crate::accounts::model::AccountFormPage, AppError> {
    let ctx = scoped(Action::ManageDistributors).await?;
    super::changes::edit_page(&ctx.state, &ctx.caller, &distributor_id).await
}

/// Changes a Distributor's name and addresses (Platform admin).
#[server(endpoint = "distributors/update")]
pub async fn update_distributor(#[server(flatten)] form: crate::accounts::model::AccountForm) -> Result<(), AppError> {
    let ctx = scoped(Action::ManageDistributors).await?;
    super::changes::update(&ctx.state, &ctx.caller, &form).await?;
    redirect(&crate::links::with_notice(
        &crate::links::distributors(),
        "updated",
        form.distributor_id.trim(),
    ));
    Ok(())
}

/// The empty Distributor form (Platform admin; anyone else is refused here,
/// before seeing a form they can't send).
#[server(endpoint = "distributors/new-form")]
pub async fn fetch_new_distributor_form() -> Result<crate::accounts::model::AccountFormPage, AppError> {
    scoped(Action::ManageDistributors).await?;
    Ok(crate::accounts::model::AccountFormPage {
        form: crate::accounts::model::AccountForm {
            mailing_same: true,
            ..Default::default()
        },
        distributor_name: String::new(),
        distributor_href: crate::links::distributors(),
        account_name: None,
    })
}
