//! Server functions of the provisioning wizard.

use leptos::prelude::*;

use super::model::{WizardQuery, WizardView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::{
    policy::Action,
    ssr::context::{in_account, redirect},
};

/// A step's page: the answers so far (from the URL) checked again, and
/// what the step offers (areas found, the Account's people and routes, the
/// review's intent key, the order's result).
#[server(endpoint = "numbers/wizard")]
pub async fn wizard_step(#[server(flatten)] query: WizardQuery) -> Result<WizardView, AppError> {
    super::service::view(query).await
}

/// Orders the number (billed; sent once per intent key), then the result
/// step follows the order until it completes. Posted by the review step
/// with every answer, its intent key and the confirmation.
#[server(endpoint = "numbers/provision")]
pub async fn provision_number(#[server(flatten)] form: WizardQuery) -> Result<(), AppError> {
    let ctx = in_account(Action::ProvisionNumbers, form.account.trim()).await?;
    super::service::provision(&ctx, &form, &form.intent_key, form.confirm.is_some()).await?;
    redirect(&super::result_href(&form, form.intent_key.trim()));
    Ok(())
}
