//! A SIM swap: the line moves to a new SIM — a physical one by its ICCID,
//! or a new eSIM profile — and the old SIM stops working. Confirmed,
//! audited, and (takeover protection) told at once to the Account's
//! Manager and admins: a swap nobody asked for is how numbers are stolen.

use telegent::ops::numbers::StatusChangeRequest;
use telegent::phone;
use telegent::types::NumberEntry;

use super::model::SwapSimForm;
use crate::error::AppError;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

pub const SWAP_SIM_ACTION: &str = "SwapSim";

/// A swap this recent of the same line is taken for a repeat of it.
const RECENT_SECONDS: i64 = 120;

pub async fn swap_sim(ctx: &InAccount, form: &SwapSimForm) -> Result<(), AppError> {
    let e164 = phone::normalize_e164(&form.msisdn).map_err(|_| AppError::NotFound)?;
    let details = ctx.tenant.client.number_details(&e164).await?;
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    let status = details.status.clone().unwrap_or_default().to_ascii_lowercase();
    if matches!(status.as_str(), "cancelled" | "canceled") {
        return Err(AppError::invalid(
            "iccid",
            "The line is cancelled: reactivate it before swapping its SIM.",
        ));
    }
    let iccid = form.iccid.trim().to_string();
    if let Some(problem) = crate::provisioning::model::iccid_problem(&iccid) {
        return Err(AppError::invalid("iccid", problem));
    }
    if !iccid.is_empty() {
        // One SIM serves one line: never one another line of the Distributor
        // holds (asked of the copy, filled first if it is not yet).
        crate::read_model::sweep::ensure_filled(&ctx.state, &ctx.tenant.distributor_id).await?;
        let (elsewhere,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM rm_numbers WHERE distributor_id = $1 AND iccid = $2 AND msisdn <> $3")
                .bind(&ctx.tenant.distributor_id)
                .bind(&iccid)
                .bind(&e164)
                .fetch_one(&ctx.state.pool)
                .await?;
        if elsewhere > 0 {
            return Err(AppError::invalid(
                "iccid",
                "That SIM is another line's. Check the ICCID on the card.",
            ));
        }
    }
    if details.swaps_remaining == Some(0) {
        return Err(AppError::invalid(
            "iccid",
            format!(
                "Telegent allows no more SIM swaps on this line until {}.",
                details
                    .next_swap_reset_date
                    .as_deref()
                    .and_then(|d| d.get(..10))
                    .unwrap_or("the next reset")
            ),
        ));
    }
    if form.confirm.is_none() {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    // A second press, a retry after a slow answer: a swap of this line a
    // moment ago is not made again (each swap voids the SIM before it).
    // The audit log's own time (the database's clock), as it writes it.
    let since = (chrono::Utc::now() - chrono::Duration::seconds(RECENT_SECONDS))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let (recent,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE distributor_id = $1 AND action = $2 AND target_ids LIKE $3 \
         AND outcome IN ('succeeded', 'pending') AND at > $4",
    )
    .bind(&ctx.tenant.distributor_id)
    .bind(SWAP_SIM_ACTION)
    .bind(format!("%{e164}%"))
    .bind(&since)
    .fetch_one(&ctx.state.pool)
    .await?;
    if recent > 0 {
        return Err(AppError::invalid(
            "iccid",
            "This line's SIM was swapped a moment ago. Reload the page to see its new SIM before swapping again.",
        ));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, SWAP_SIM_ACTION, &[&e164]);
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let today = chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    let request = StatusChangeRequest {
        status_change: "swap-sim".into(),
        effective_date: super::dates::wire(today),
        phone_numbers: vec![NumberEntry {
            number: e164.clone(),
            iccid: (!iccid.is_empty()).then(|| iccid.clone()),
        }],
        ..Default::default()
    };
    match ctx.tenant.client.change_number_status(&request).await {
        Ok(answer) => {
            let new_iccid = answer
                .numbers
                .iter()
                .find(|n| n.number.as_deref() == Some(e164.as_str()))
                .and_then(|n| n.iccid.clone())
                .unwrap_or_else(|| iccid.clone());
            let detail = if iccid.is_empty() {
                "to a new eSIM".to_string()
            } else {
                format!("to SIM {iccid}")
            };
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            crate::read_model::write_through::number_sim(
                &ctx.state.pool,
                &ctx.tenant.distributor_id,
                &e164,
                &new_iccid,
            )
            .await;
            crate::notifications::service::takeover_alert(ctx, "The SIM was swapped", &e164).await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}
