//! The Platform admin creates a Distributor at Telegent (with the platform
//! credential: only it may) and changes a Distributor's name and addresses.
//! A new Distributor's credential comes back once, in Telegent's answer: it
//! is stored sealed at once and never shown, so nobody has to copy a
//! secret by hand. The form is the Account form's (name and two addresses).

use telegent::ops::hierarchy::{DistributorCreateRequest, DistributorUpdateRequest};

use crate::accounts::changes::{check_named, filled_form, what_changed};
use crate::accounts::model::{AccountForm, AccountFormPage};
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::caller::distributor_in_scope;
use crate::ssr::upstreams::DistributorRecord;
use crate::ssr::{AppState, Caller};

/// Said when this portal has no platform credential.
pub const NO_PLATFORM: &str = "This portal has no platform (Aggregator) credential, so it can't create \
    Distributors. Set TELEGENT_PLATFORM_KEY and TELEGENT_PLATFORM_SECRET, or create the Distributor at \
    Telegent and add its credential on the Distributors page.";

/// Creates the Distributor; returns its DID. Its credential is stored and
/// connected when Telegent's answer carries the secret.
pub async fn create(state: &AppState, caller: &Caller, form: &AccountForm) -> Result<String, AppError> {
    let mut problems = Vec::new();
    let checked = check_named(form, "Enter the Distributor's name.", &mut problems);
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let Some((base_url, platform)) = state.upstreams.platform() else {
        return Err(AppError::invalid("form", NO_PLATFORM));
    };
    let entry = caller.audit("CreateDistributor", &[&checked.name]);
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = DistributorCreateRequest {
        distributor_name: checked.name.clone(),
        billing_address: Some(checked.billing.clone()),
        mailing_address: Some(checked.mailing.clone()),
    };
    // Sent once (a repeat would make a second Distributor).
    let created = match platform.create_distributor(&request).await {
        Ok(created) => created,
        Err(telegent::TelegentError::OutcomeUnknown { detail }) => {
            audit::finish(
                &state.pool,
                audit_id,
                Outcome::Failed,
                &format!("outcome unknown: {detail}"),
            )
            .await?;
            return Err(AppError::Upstream(format!(
                "Telegent did not confirm the new Distributor “{}”. Ask Telegent whether it exists before \
                 creating it again: a second request would make a second one.",
                checked.name
            )));
        }
        Err(error) => {
            audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error.into());
        }
    };
    let did = created.distributor_id.clone();
    // From here the Distributor exists: every outcome is written down.
    let stored = match created.secret.as_deref().filter(|s| !s.is_empty()) {
        None => Err("Telegent's answer had no secret: add its credential on the Distributors page".to_string()),
        Some(secret) => {
            let record = DistributorRecord {
                distributor_id: did.clone(),
                name: checked.name.clone(),
                api_base_url: base_url.clone(),
                account_key: did.clone(),
            };
            match state.upstreams.store(&state.pool, &record, secret).await {
                Ok(()) => match state.upstreams.connect(&record, secret) {
                    // Tried once, as a saved credential is: the key is
                    // taken to be the DID, and only Telegent can say so.
                    Ok(client) => match client.distributor(&did).await {
                        Ok(_) => Ok(()),
                        Err(e) => Err(format!("its credential was stored but Telegent refused it ({e}): replace it on the Distributors page")),
                    },
                    Err(e) => Err(format!("stored, not connected: {e}")),
                },
                Err(e) => Err(format!("its credential was not stored: {e}")),
            }
        }
    };
    let (outcome, detail) = match &stored {
        Ok(()) => (
            Outcome::Succeeded,
            format!("{} ({did}), credential stored", checked.name),
        ),
        Err(why) => (Outcome::Failed, format!("{} ({did}) created; {why}", checked.name)),
    };
    audit::finish(&state.pool, audit_id, outcome, &detail).await?;
    if let Err(why) = stored {
        tracing::error!(%did, why, "Distributor created at Telegent, not usable here yet");
    }
    Ok(did)
}

/// The edit form, filled from the Distributor as Telegent has it now.
pub async fn edit_page(state: &AppState, caller: &Caller, distributor_id: &str) -> Result<AccountFormPage, AppError> {
    let tenant = distributor_in_scope(state, caller, distributor_id)?;
    let d = tenant.client.distributor(&tenant.distributor_id).await?;
    Ok(AccountFormPage {
        form: AccountForm {
            distributor_id: d.distributor_id.clone(),
            ..filled_form(&d.distributor_name, &d.billing_address, &d.mailing_address)
        },
        distributor_name: d.distributor_name.clone(),
        distributor_href: crate::links::distributor(&d.distributor_id),
        account_name: None,
    })
}

/// Changes the Distributor's name and addresses (its own credential makes
/// the call); the portal's list shows the new name at once.
pub async fn update(state: &AppState, caller: &Caller, form: &AccountForm) -> Result<(), AppError> {
    let tenant = distributor_in_scope(state, caller, form.distributor_id.trim())?;
    let mut problems = Vec::new();
    let checked = check_named(form, "Enter the Distributor's name.", &mut problems);
    if let Some(refused) = AppError::from_field_errors(problems) {
        return Err(refused);
    }
    let did = tenant.distributor_id.clone();
    let before = tenant.client.distributor(&did).await?;
    let changed = what_changed(
        &before.distributor_name,
        &before.billing_address,
        &before.mailing_address,
        &checked,
    );
    if changed.is_empty() {
        return Ok(());
    }
    let mut entry = caller.audit("UpdateDistributor", &[&did]);
    entry.distributor_id = Some(did.clone());
    let audit_id = audit::begin(&state.pool, &entry).await?;
    let request = DistributorUpdateRequest {
        distributor_id: did.clone(),
        distributor_name: Some(checked.name.clone()),
        billing_address: Some(checked.billing.clone()),
        mailing_address: Some(checked.mailing.clone()),
    };
    if let Err(error) = tenant.client.update_distributor(&request).await {
        audit::finish(&state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
        return Err(error.into());
    }
    let renamed = sqlx::query("UPDATE distributors SET name = $1 WHERE distributor_id = $2")
        .bind(&checked.name)
        .bind(&did)
        .execute(&state.pool)
        .await;
    let detail = format!("Changed {} of {}", changed.join(", "), checked.name);
    audit::finish(&state.pool, audit_id, Outcome::Succeeded, &detail).await?;
    renamed?;
    Ok(())
}
