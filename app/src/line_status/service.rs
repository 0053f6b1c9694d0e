//! A line's status: suspend (park), restore (activate), deactivate
//! (cancel), reactivate within 30 days of a cancellation, and the port-out
//! PIN. Each is confirmed, audited under the names the onboarding checklist
//! reads (`onboarding::facts`), and refused where the platform would be
//! wrong to do it: a suspension while a port-out is in flight, a
//! reactivation after its 30 days (with the day it lapsed).

use chrono::NaiveDate;
use telegent::ops::numbers::{NumberDetails, PhoneNumberRequest, PortOutRequest, StatusChangeRequest};
use telegent::phone;
use telegent::types::NumberEntry;

use super::dates;
use super::model::{Change, LineFacts, LineStatusView, PortOutForm, StatusForm};
use crate::error::AppError;
use crate::onboarding::facts::{PORT_OUT_ACTION, STATUS_CHANGE_ACTIONS};
use crate::policy::Action;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::db::now_text;

fn today(ctx: &InAccount) -> NaiveDate {
    chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// The line's details, when it is this Account's (a change's context reads
/// afresh: it must not rest on a copy). Anything else is "not found".
async fn line(ctx: &InAccount, msisdn: &str) -> Result<(String, NumberDetails), AppError> {
    let e164 = phone::normalize_e164(msisdn).map_err(|_| AppError::NotFound)?;
    let details = ctx.tenant.client.number_details(&e164).await?;
    if details.account_id.as_deref() != Some(ctx.account_id.as_str()) {
        return Err(AppError::NotFound);
    }
    Ok((e164, details))
}

fn status_word(details: &NumberDetails) -> String {
    details.status.clone().unwrap_or_else(|| "Unknown".into())
}

fn allowed(status: &str) -> Vec<Change> {
    match status.trim().to_ascii_lowercase().as_str() {
        "active" => vec![Change::Suspend, Change::Deactivate],
        "parked" | "suspended" => vec![Change::Restore, Change::Deactivate],
        _ => Vec::new(),
    }
}

fn is_cancelled(status: &str) -> bool {
    matches!(status.trim().to_ascii_lowercase().as_str(), "cancelled" | "canceled")
}

/// An open port-out of the number the portal requested: (order, since).
pub(super) async fn open_port_out(ctx: &InAccount, e164: &str) -> Result<Option<(String, String)>, AppError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT order_id, submitted_at FROM rm_orders WHERE distributor_id = $1 AND kind = 'portout' AND numbers = $2 \
         ORDER BY submitted_at DESC LIMIT 1",
    )
    .bind(&ctx.tenant.distributor_id)
    .bind(e164)
    .fetch_optional(&ctx.state.pool)
    .await?;
    Ok(row)
}

async fn cancelled_on(ctx: &InAccount, e164: &str) -> Result<Option<NaiveDate>, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT effective_on FROM number_cancellations WHERE distributor_id = $1 AND msisdn = $2")
            .bind(&ctx.tenant.distributor_id)
            .bind(e164)
            .fetch_optional(&ctx.state.pool)
            .await?;
    Ok(row.and_then(|(d,)| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
}

fn facts(d: &NumberDetails) -> LineFacts {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let product_type = text(&d.product_type);
    let activation = text(&d.qr_activation_link);
    LineFacts {
        classification: text(&d.classification),
        message_type: text(&d.message_type).to_ascii_uppercase(),
        sms: d.message_enabled.unwrap_or(false),
        voice: d.voice_enabled.unwrap_or(false),
        data: product_type.to_ascii_lowercase().contains("data"),
        product_type,
        iccid: text(&d.iccid),
        message_route_id: text(&d.message_route_id),
        voice_route_id: text(&d.voice_route_id),
        purchased: text(&d.original_date_purchased),
        activation_svg: super::qr::svg_of(&activation),
        activation,
    }
}

pub async fn view(ctx: &InAccount, msisdn: &str) -> Result<LineStatusView, AppError> {
    let (e164, details) = line(ctx, msisdn).await?;
    let status = status_word(&details);
    let today = today(ctx);
    let reactivate_until = if is_cancelled(&status) {
        cancelled_on(ctx, &e164).await?.map(|on| {
            let until = dates::reactivate_until(on);
            (dates::shown(until), until < today)
        })
    } else {
        None
    };
    let mut f = facts(&details);
    // Telegent's number details leave the product type out (its inventory
    // rows carry it): the read model's copy then.
    if f.product_type.is_empty() {
        let stored: Option<(String,)> =
            sqlx::query_as("SELECT product_type FROM rm_numbers WHERE distributor_id = $1 AND msisdn = $2")
                .bind(&ctx.tenant.distributor_id)
                .bind(&e164)
                .fetch_optional(&ctx.state.pool)
                .await?;
        if let Some((product,)) = stored {
            f.data = product.to_ascii_lowercase().contains("data");
            f.product_type = product;
        }
    }
    Ok(LineStatusView {
        account_id: ctx.account_id.clone(),
        changes: allowed(&status),
        port_out: open_port_out(ctx, &e164).await?,
        msisdn: e164,
        status,
        reactivate_until,
        today: today.format("%Y-%m-%d").to_string(),
        can_change: ctx.caller.allows(Action::ChangeNumberStatus),
        can_port_out: ctx.caller.allows(Action::ManagePorting),
        intent_key: crate::ssr::intents::new_key(),
        swaps_remaining: details.swaps_remaining,
        facts: {
            // Whoever holds the activation code can install the eSIM: shown
            // only to the staff who provision lines.
            if !ctx.caller.allows(Action::ProvisionNumbers) {
                f.activation.clear();
                f.activation_svg.clear();
            }
            f
        },
    })
}

/// Suspends, restores or deactivates the line, or reactivates it.
pub async fn change(ctx: &InAccount, form: &StatusForm) -> Result<(), AppError> {
    let (e164, details) = line(ctx, &form.msisdn).await?;
    let status = status_word(&details);
    if form.change.trim() == "reactivate" {
        return reactivate(ctx, &e164, &status, form.confirm.is_some()).await;
    }
    let change = Change::from_form(&form.change)
        .ok_or_else(|| AppError::invalid("change", "Choose suspend, restore or deactivate."))?;
    let today = today(ctx);
    let effective =
        dates::effective(&form.effective_date, today).map_err(|m| AppError::invalid("effective_date", m))?;
    if !allowed(&status).contains(&change) {
        return Err(AppError::invalid(
            "change",
            format!(
                "The line is {status}: it can't be {}d.",
                change.key().trim_end_matches('e')
            ),
        ));
    }
    if form.confirm.is_none() {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, STATUS_CHANGE_ACTIONS[0], &[&e164]);
    // A port-out in flight moves the number to another carrier: suspending
    // or cancelling it now would strand the subscriber mid-move.
    if change != Change::Restore {
        if let Some((order, _)) = open_port_out(ctx, &e164).await? {
            let message = format!(
                "A port-out of this number is in flight (order {order}): the line can't be {} until it ends.",
                if change == Change::Suspend {
                    "suspended"
                } else {
                    "deactivated"
                }
            );
            audit::record(&ctx.state.pool, &entry, Outcome::Denied, &message).await?;
            return Err(AppError::invalid("change", message));
        }
    }
    let detail = format!(
        "{} ({}) effective {}",
        change.key(),
        change.wire(),
        dates::wire(effective)
    );
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let request = StatusChangeRequest {
        status_change: change.wire().into(),
        effective_date: dates::wire(effective),
        phone_numbers: NumberEntry::list(&[e164.as_str()]),
        ..Default::default()
    };
    match ctx.tenant.client.change_number_status(&request).await {
        Ok(_) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, &detail).await?;
            if change == Change::Deactivate {
                record_cancellation(ctx, &e164, effective).await?;
            }
            status_written(ctx, &e164, change).await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

async fn record_cancellation(ctx: &InAccount, e164: &str, on: NaiveDate) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO number_cancellations (distributor_id, msisdn, account_id, effective_on, recorded_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (distributor_id, msisdn) DO UPDATE SET \
         account_id = excluded.account_id, effective_on = excluded.effective_on, recorded_at = excluded.recorded_at",
    )
    .bind(&ctx.tenant.distributor_id)
    .bind(e164)
    .bind(&ctx.account_id)
    .bind(on.format("%Y-%m-%d").to_string())
    .bind(now_text())
    .execute(&ctx.state.pool)
    .await?;
    Ok(())
}

/// The read model follows at once (confirmed by the next sweep).
async fn status_written(ctx: &InAccount, e164: &str, change: Change) {
    let status = match change {
        Change::Suspend => "Parked",
        Change::Restore => "Active",
        Change::Deactivate => "Cancelled",
    };
    crate::read_model::write_through::number_status(&ctx.state.pool, &ctx.tenant.distributor_id, e164, status).await;
}

async fn reactivate(ctx: &InAccount, e164: &str, status: &str, confirmed: bool) -> Result<(), AppError> {
    if !is_cancelled(status) {
        return Err(AppError::invalid(
            "change",
            format!("The line is {status}: only a cancelled line is reactivated."),
        ));
    }
    if !confirmed {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, STATUS_CHANGE_ACTIONS[1], &[e164]);
    if let Some(on) = cancelled_on(ctx, e164).await? {
        let until = dates::reactivate_until(on);
        if until < today(ctx) {
            let message = format!(
                "The 30 days to reactivate ended on {} (cancelled {}): the number is gone. Order a new one instead.",
                dates::shown(until),
                dates::shown(on)
            );
            audit::record(&ctx.state.pool, &entry, Outcome::Denied, &message).await?;
            return Err(AppError::invalid("change", message));
        }
    }
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    let request = PhoneNumberRequest {
        phone_number: e164.to_string(),
        account_id: Some(ctx.account_id.clone()),
    };
    match ctx.tenant.client.reactivate_number(&request).await {
        Ok(_) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Succeeded, "reactivated").await?;
            sqlx::query("DELETE FROM number_cancellations WHERE distributor_id = $1 AND msisdn = $2")
                .bind(&ctx.tenant.distributor_id)
                .bind(e164)
                .execute(&ctx.state.pool)
                .await?;
            status_written(ctx, e164, Change::Restore).await;
            Ok(())
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error.into())
        }
    }
}

/// Issues a port-out PIN, once per form (billable). The PIN is the
/// subscriber's to give the gaining carrier: it is never written to the
/// audit log.
pub async fn port_out(ctx: &InAccount, form: &PortOutForm) -> Result<String, AppError> {
    let (e164, details) = line(ctx, &form.msisdn).await?;
    let intent_key = form.intent_key.trim();
    if intent_key.len() < 16
        || intent_key.len() > 64
        || !intent_key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(AppError::BadRequest("the form's intent key is missing".into()));
    }
    let pin = form.pin.trim();
    if !(4..=10).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(AppError::invalid("pin", "Enter 4 to 10 digits."));
    }
    if is_cancelled(&status_word(&details)) {
        return Err(AppError::invalid(
            "pin",
            "The line is cancelled: there is nothing to port out.",
        ));
    }
    if form.confirm.is_none() {
        return Err(AppError::invalid("confirm", "Tick the box to confirm."));
    }
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, PORT_OUT_ACTION, &[&e164]);
    let request = PortOutRequest {
        port_out_number: e164.clone(),
        port_out_pin: pin.to_string(),
    };
    // This form sent before (a retry, a second click): its first answer,
    // nothing sent and nothing audited again.
    if crate::ssr::intents::exists(&ctx.state.pool, &ctx.tenant.distributor_id, intent_key).await? {
        let answer = crate::numbers::service::port_out(&ctx.state.pool, &ctx.tenant, intent_key, &request).await?;
        return Ok(answer["OrderId"].as_str().unwrap_or_default().to_string());
    }
    if let Some((order, _)) = open_port_out(ctx, &e164).await? {
        let message = format!("A port-out of this number is already in flight (order {order}).");
        audit::record(&ctx.state.pool, &entry, Outcome::Denied, &message).await?;
        return Err(AppError::invalid("pin", message));
    }
    let audit_id = audit::begin(&ctx.state.pool, &entry).await?;
    match crate::numbers::service::port_out(&ctx.state.pool, &ctx.tenant, intent_key, &request).await {
        Ok(answer) => {
            let order = answer["OrderId"].as_str().unwrap_or_default().to_string();
            audit::finish(
                &ctx.state.pool,
                audit_id,
                Outcome::Succeeded,
                &format!("port-out order {order}"),
            )
            .await?;
            crate::read_model::orders::submitted(
                &ctx.state.pool,
                &ctx.tenant.distributor_id,
                &ctx.account_id,
                "portout",
                &answer,
            )
            .await;
            crate::notifications::service::takeover_alert(ctx, "A port-out PIN was issued", &e164).await;
            Ok(order)
        }
        Err(error) => {
            audit::finish(&ctx.state.pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            Err(error)
        }
    }
}
