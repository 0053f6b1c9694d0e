//! A line's device, plan, orders and audit trail, for its page.

use telegent::ops::numbers::PhoneNumberRequest;
use telegent::phone;

use super::model::{AuditLine, DeviceFacts, LineHistory};
use crate::error::AppError;
use crate::policy::Action;
use crate::ssr::context::InAccount;

/// Audit rows shown on a line's page (the audit log has the rest).
const AUDIT_ROWS: i64 = 20;

pub async fn history(ctx: &InAccount, msisdn: &str) -> Result<LineHistory, AppError> {
    let e164 = phone::normalize_e164(msisdn).map_err(|_| AppError::NotFound)?;
    let details = match ctx.tenant.client.number_details(&e164).await {
        Ok(details) => details,
        Err(telegent::TelegentError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    };
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    let pool = &ctx.state.pool;
    let d = &ctx.tenant.distributor_id;
    let mut out = LineHistory {
        can_see_audit: ctx.caller.allows(Action::ViewAudit),
        ..LineHistory::default()
    };
    // The device as the network saw it: a read that may fail on its own
    // (no device seen yet) without taking the page down.
    let request = PhoneNumberRequest {
        phone_number: e164.clone(),
        account_id: Some(ctx.account_id.clone()),
    };
    match ctx.tenant.client.device_details(&request).await {
        Ok(device) => {
            let text = |v: Option<String>| v.unwrap_or_default();
            out.device = Some(DeviceFacts {
                imei: text(device.imei),
                model: text(device.device_model),
                name: text(device.device_name),
                tac: text(device.tac),
            });
        }
        Err(error) => out.device_problem = AppError::from(error).to_string(),
    }
    let tnid = details.tnid.clone().unwrap_or_default();
    // No TNID said: no subscription can be told to be this line's.
    let plan: Option<(String, String, Option<i64>)> = if tnid.is_empty() {
        None
    } else {
        sqlx::query_as(
            "SELECT subscription_id, package_id, active FROM rm_subscriptions \
         WHERE distributor_id = $1 AND account_id = $2 AND tnid = $3 ORDER BY subscription_id LIMIT 1",
        )
        .bind(d)
        .bind(&ctx.account_id)
        .bind(&tnid)
        .fetch_optional(pool)
        .await?
    };
    out.subscription = plan.map(|(id, package, active)| (id, package, active.map(|a| a != 0)));
    if let Some(order) = details.order_id.clone().filter(|o| !o.is_empty()) {
        let since = details.original_date_purchased.clone().unwrap_or_default();
        out.orders
            .push((order, "Provisioned or ported in".into(), "Complete".into(), since));
    }
    let open: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT order_id, kind, status, submitted_at FROM rm_orders \
         WHERE distributor_id = $1 AND account_id = $2 AND (' ' || numbers || ' ') LIKE $3 ORDER BY submitted_at DESC",
    )
    .bind(d)
    .bind(&ctx.account_id)
    .bind(format!("% {e164} %"))
    .fetch_all(pool)
    .await?;
    out.orders.extend(open.into_iter().map(|(id, kind, status, since)| {
        let what = match kind.as_str() {
            "portout" => "Port-out",
            "portin" => "Port-in",
            _ => "Provisioning",
        };
        (id, what.to_string(), status, since)
    }));
    if out.can_see_audit {
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "SELECT at, user_email, action, outcome, detail FROM audit_log \
             WHERE distributor_id = $1 AND account_id = $2 AND outcome <> 'pending' \
             AND (target_ids LIKE $3 OR detail LIKE $3) ORDER BY id DESC LIMIT $4",
        )
        .bind(d)
        .bind(&ctx.account_id)
        .bind(format!("%{e164}%"))
        .bind(AUDIT_ROWS)
        .fetch_all(pool)
        .await?;
        out.audit = rows
            .into_iter()
            .map(|(at, who, action, outcome, detail)| AuditLine {
                at,
                who,
                action,
                outcome,
                detail,
            })
            .collect();
    }
    Ok(out)
}
