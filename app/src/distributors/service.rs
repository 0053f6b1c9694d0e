//! The Platform admin's Distributors: adding one, or replacing its API
//! credential. A credential is tried against Telegent before it is stored.

use super::api::CredentialForm;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::upstreams::{trial_client, DistributorRecord};
use crate::ssr::{AppState, Caller};

/// The API address a Platform admin typed, parsed and checked: `https`
/// (plain `http` only to loopback, where the sandbox runs), a host, no user
/// name or password, no query or fragment. Written back normalised, without
/// a trailing slash.
pub fn checked_base_url(typed: &str) -> Result<String, AppError> {
    let wrong = |message: &str| AppError::invalid("api_base_url", message.to_string());
    let url =
        url::Url::parse(typed.trim()).map_err(|_| wrong("Enter the API address, like https://api.telegent.com."))?;
    if url.host().is_none() {
        return Err(wrong("Enter the API address, like https://api.telegent.com."));
    }
    let loopback = host_is_loopback(&url);
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(wrong(
                "Use https:// (plain http is only for a sandbox on this machine).",
            ))
        }
        _ => return Err(wrong("Enter the API address, like https://api.telegent.com.")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(wrong(
            "Leave the user name and password out of the address; the key and secret go below.",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(wrong("Enter only the address, without ? or #."));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

fn host_is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Whether a checked API address points at this machine.
fn is_loopback(api_base_url: &str) -> bool {
    url::Url::parse(api_base_url).is_ok_and(|url| host_is_loopback(&url))
}

pub async fn save(state: &AppState, caller: &Caller, form: &CredentialForm) -> Result<(), AppError> {
    let distributor_id = form.distributor_id.trim();
    let api_base_url = form.api_base_url.trim().trim_end_matches('/');
    let account_key = form.account_key.trim();
    let account_secret = form.account_secret.as_str();
    if !distributor_id.starts_with("DID-") || distributor_id.len() < 8 {
        return Err(AppError::invalid("distributor_id", "Enter the DistributorId (DID-…)."));
    }
    let api_base_url = checked_base_url(api_base_url)?;
    let api_base_url = api_base_url.as_str();
    // Demo users share a published password: while any exists, the portal
    // talks to nothing but a sandbox on this machine.
    if !is_loopback(api_base_url) && !crate::ssr::demo::demo_users_present(&state.pool).await?.is_empty() {
        return Err(AppError::invalid(
            "api_base_url",
            "This portal still has its demo users, so it only talks to a sandbox on this machine. \
             Remove them (telegent-portal remove-demo-users) before adding a real Telegent API.",
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
        Err(other) => {
            // Transport and decode failures are on the record too: a wrong
            // address is how a credential ends up pointed somewhere else.
            audit::record(&state.pool, &entry, Outcome::Failed, &format!("{detail}: {other}")).await?;
            return Err(other.into());
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_addresses_are_https_without_credentials_or_query() {
        assert_eq!(
            checked_base_url(" https://api.telegent.com/ ").unwrap(),
            "https://api.telegent.com"
        );
        assert_eq!(
            checked_base_url("https://api.telegent.com/v1").unwrap(),
            "https://api.telegent.com/v1"
        );
        assert_eq!(
            checked_base_url("http://127.0.0.1:4010").unwrap(),
            "http://127.0.0.1:4010"
        );
        for wrong in [
            "http://api.telegent.com",
            "https://user:pw@api.telegent.com",
            "https://api.telegent.com/?next=x",
            "https://api.telegent.com/#x",
            "ftp://api.telegent.com",
            "file:///etc/passwd",
            "api.telegent.com",
            "http://10.0.0.1:8080",
        ] {
            let error = checked_base_url(wrong).unwrap_err();
            assert!(error.field_message("api_base_url").is_some(), "{wrong}");
        }
    }
}
