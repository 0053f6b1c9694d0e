//! A new number for a line: a swap (a new number in the same area) or a
//! replacement (one in another area). The SIM, the routes and the person
//! stay; the old number is released for good. Confirmed, audited, refused
//! while a port-out of the number is in flight, and (takeover protection)
//! told at once to the Account's Manager and admins.

use telegent::ops::numbers::{StatusChangeRequest, StatusChangeResponse};
use telegent::phone;
use telegent::types::NumberEntry;

use super::model::RenumberForm;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

pub const SWAP_NUMBER_ACTION: &str = "SwapNumber";
pub const REPLACE_NUMBER_ACTION: &str = "ReplaceNumber";

/// The line's new number.
pub async fn renumber(ctx: &InAccount, form: &RenumberForm) -> Result<String, AppError> {
    let e164 = phone::normalize_e164(&form.msisdn).map_err(|_| AppError::NotFound)?;
    let replace = match form.kind.trim() {
        "swap" => false,
        "replace" => true,
        _ => {
            return Err(AppError::invalid(
                "kind",
                "Choose a new number in the same area, or one in another area.",
            ))
        }
    };
    let details = ctx.tenant.client.number_details(&e164).await?;
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    let status = details.status.clone().unwrap_or_default().to_ascii_lowercase();
    if matches!(status.as_str(), "cancelled" | "canceled") {
        return Err(AppError::invalid(
            "kind",
            "The line is cancelled: reactivate it before giving it a new number.",
        ));
    }
    if let Some((order, _)) = super::service::open_port_out(ctx, &e164).await? {
        return Err(AppError::invalid(
            "kind",
            format!(
                "A port-out of this number is in flight (order {order}): it can't get a new number until that ends."
            ),
        ));
    }
    let area = form.area_code.trim();
    if replace && !(area.len() == 3 && area.bytes().all(|b| b.is_ascii_digit())) {
        return Err(AppError::invalid(
            "area_code",
            "Type the new area's three-digit code, e.g. 385.",
        ));
    }
    if form.confirm.is_none() {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let action = if replace {
        REPLACE_NUMBER_ACTION
    } else {
        SWAP_NUMBER_ACTION
    };
    let entry = ctx.caller.audit_in(&ctx.tenant, &ctx.account_id, action, &[&e164]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let today = chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let request = StatusChangeRequest {
        status_change: if replace { "replace" } else { "swap" }.into(),
        effective_date: super::dates::wire(today),
        area_code: replace.then(|| area.to_string()),
        zip_code: None,
        phone_numbers: vec![NumberEntry {
            number: e164.clone(),
            iccid: None,
        }],
    };
    // Sent once, not retried by the client: after a lost answer a retry
    // would ask about a number the line no longer has. An unconfirmed
    // change is said as such (the line's page then shows which number it has).
    let body = serde_json::to_value(&request).map_err(|_| AppError::Internal)?;
    let sent: Result<StatusChangeResponse, telegent::TelegentError> = ctx
        .tenant
        .client
        .post("/v1.0/numbers/status", &body, telegent::Safety::Billable)
        .await;
    ctx.tenant.client.invalidate_reads("/v1.0/numbers");
    let answer = match sent {
        Ok(answer) => answer,
        Err(telegent::TelegentError::OutcomeUnknown { .. }) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, "not confirmed by Telegent").await?;
            crate::notifications::service::takeover_alert(ctx, "A new number was asked for (not confirmed)", &e164)
                .await;
            return Err(AppError::Upstream(
                "Telegent did not confirm the new number. Open the account's numbers to see which number the line \
                 has now before trying again."
                    .into(),
            ));
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error.into());
        }
    };
    let fresh = answer
        .numbers
        .iter()
        .find(|n| n.previous_number.as_deref() == Some(e164.as_str()) || answer.numbers.len() == 1)
        .and_then(|n| n.number.clone())
        .filter(|n| *n != e164)
        .unwrap_or_default();
    let detail = if fresh.is_empty() {
        "new number not said by Telegent".to_string()
    } else {
        format!("now {fresh}")
    };
    audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
    if !fresh.is_empty() {
        crate::read_model::write_through::number_renumbered(&ctx.state.pool, &ctx.tenant.distributor_id, &e164, &fresh)
            .await;
    }
    let what = if replace {
        "The number was replaced"
    } else {
        "The number was swapped"
    };
    let alerted = if fresh.is_empty() { e164.clone() } else { fresh.clone() };
    crate::notifications::service::takeover_alert(
        ctx,
        &format!("{what} (was {})", phone::format_for_display(&e164)),
        &alerted,
    )
    .await;
    Ok(if fresh.is_empty() { e164 } else { fresh })
}
