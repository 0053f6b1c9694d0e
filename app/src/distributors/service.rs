//! The Platform admin's Distributors: adding one, or replacing its API
//! credential. A credential is tried against Telegent before it is stored.

use super::api::CredentialForm;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::upstreams::{trial_client, DistributorRecord};
use crate::ssr::{AppState, Caller};

pub async fn save(state: &AppState, caller: &Caller, form: &CredentialForm) -> Result<(), AppError> {
    let distributor_id = form.distributor_id.trim();
    let api_base_url = form.api_base_url.trim().trim_end_matches('/');
    let account_key = form.account_key.trim();
    let account_secret = form.account_secret.as_str();
    if !distributor_id.starts_with("DID-") || distributor_id.len() < 8 {
        return Err(AppError::invalid("distributor_id", "Enter the DistributorId (DID-…)."));
    }
    if !(api_base_url.starts_with("https://") || api_base_url.starts_with("http://")) {
        return Err(AppError::invalid(
            "api_base_url",
            "Enter the API address, like https://api.telegent.com.",
        ));
    }
    if account_key.is_empty() {
        return Err(AppError::invalid("account_key", "Enter the AccountKey."));
    }
    if account_secret.is_empty() {
        return Err(AppError::invalid("account_secret", "Enter the AccountSecret."));
    }
    let mut entry = caller.audit("SaveDistributorCredential", &[distributor_id]);
    entry.distributor_id = Some(distributor_id.to_string());
    // Never the secret: only which key was stored.
    let detail = format!("key {account_key} at {api_base_url}");
    let trial = trial_client(api_base_url, account_key, account_secret).map_err(|error| {
        tracing::warn!(%error, "building a trial client");
        AppError::invalid("api_base_url", "This API address can't be used.")
    })?;
    let distributor = match trial.distributor(distributor_id).await {
        Ok(d) => d,
        Err(telegent::TelegentError::CredentialsRefused { .. }) => {
            audit::record(&state.pool, &entry, Outcome::Failed, &format!("{detail}: refused")).await?;
            return Err(AppError::invalid(
                "account_secret",
                "Telegent refused this AccountKey and AccountSecret. Check both.",
            ));
        }
        Err(telegent::TelegentError::NotFound) => {
            audit::record(
                &state.pool,
                &entry,
                Outcome::Failed,
                &format!("{detail}: no such Distributor"),
            )
            .await?;
            return Err(AppError::invalid(
                "distributor_id",
                "This credential can't see that Distributor.",
            ));
        }
        Err(other) => return Err(other.into()),
    };
    let record_row = DistributorRecord {
        distributor_id: distributor_id.to_string(),
        name: distributor.distributor_name,
        api_base_url: api_base_url.to_string(),
        account_key: account_key.to_string(),
    };
    state
        .upstreams
        .store(&state.pool, &record_row, account_secret)
        .await
        .map_err(|error| {
            tracing::error!(%error, "storing a Distributor credential");
            AppError::Internal
        })?;
    state.upstreams.connect(&record_row, account_secret).map_err(|error| {
        tracing::error!(%error, "connecting a Distributor");
        AppError::Internal
    })?;
    audit::record(&state.pool, &entry, Outcome::Succeeded, &detail).await?;
    Ok(())
}
