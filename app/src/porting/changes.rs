//! What is done to a port-in after it is drafted or submitted: a
//! correction, a cancel, an internal note, a fresh start after a cancel,
//! a status read now.

use telegent::ops::numbers::{OrderIdRequest, PortInUpdateRequest};

use super::details::{address_of, address_problems, secret_problems};
use super::model::{rejection_field, CorrectionForm, PortInAct, Stage};
use super::port_date;
use super::service::*;
use super::store;
use crate::error::AppError;
use crate::onboarding::facts::{CANCEL_PORT_IN_ACTION, UPDATE_PORT_IN_ACTION};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

/// Corrects an open port-in (a correctable rejection, a changed detail):
/// only what changed is sent; the account number and PIN only when typed.
pub async fn correct(ctx: &InAccount, form: &CorrectionForm) -> Result<(), AppError> {
    let mut p = port_in_of(ctx, &form.id).await?;
    let Some(order_id) = p.order_id.clone().filter(|_| p.stage == Stage::Open) else {
        return Err(AppError::invalid(
            "carrier_name",
            "Only an open port-in with a Telegent order can be corrected.",
        ));
    };
    let billing = super::model::AddressFields {
        street1: form.street1.trim().to_string(),
        street2: form.street2.trim().to_string(),
        city: form.city.trim().to_string(),
        state: form.state.trim().to_ascii_uppercase(),
        zip: form.zip.trim().to_string(),
    };
    let mut problems: Problems = Vec::new();
    address_problems(&billing, false, &mut problems);
    secret_problems(&form.account_number, &form.pin, false, &mut problems);
    if let Some(problem) = crate::provisioning::model::iccid_problem(&form.iccid) {
        problems.push(AppError::invalid("iccid", problem));
    }
    let mut port_date = p.port_date.clone();
    if !form.port_date.trim().is_empty() && form.port_date.trim() != p.port_date {
        match port_date::check(&form.port_date, today(ctx)) {
            Ok(date) => port_date = date,
            Err(problem) => problems.push(AppError::invalid("port_date", problem)),
        }
    }
    refuse(problems)?;
    let changed = |typed: &str, was: &str| Some(typed.trim().to_string()).filter(|t| !t.is_empty() && t != was);
    let mut request = PortInUpdateRequest {
        order_id: order_id.clone(),
        current_carrier_name: changed(&form.carrier_name, &p.carrier_name),
        current_account_number: changed(&form.account_number, ""),
        current_account_password: changed(&form.pin, ""),
        port_in_date: changed(&port_date, &p.port_date),
        subscriber_name: changed(&form.subscriber_name, &p.subscriber_name),
        iccid: changed(&form.iccid, &p.iccid),
        ..Default::default()
    };
    if billing != p.billing && !billing.street1.is_empty() {
        request.current_billing_address = Some(address_of(&billing));
    }
    // Names of what is sent, for the audit log and the timeline (never values).
    let mut fields: Vec<&str> = Vec::new();
    for (name, sent) in [
        ("carrier name", request.current_carrier_name.is_some()),
        ("account number", request.current_account_number.is_some()),
        ("PIN", request.current_account_password.is_some()),
        ("port date", request.port_in_date.is_some()),
        ("subscriber name", request.subscriber_name.is_some()),
        ("ICCID", request.iccid.is_some()),
        ("billing address", request.current_billing_address.is_some()),
    ] {
        if sent {
            fields.push(name);
        }
    }
    if fields.is_empty() {
        let field = rejection_field(&p.status_message).unwrap_or("carrier_name");
        return Err(AppError::invalid(
            field,
            "Change at least one detail to send a correction.",
        ));
    }
    let pool = &ctx.state.pool;
    let entry = ctx.caller.audit_in(
        &ctx.tenant,
        &ctx.account_id,
        UPDATE_PORT_IN_ACTION,
        &[&p.msisdn, &order_id],
    );
    let audit_id = audit::begin(pool, &entry).await?;
    if let Err(error) = ctx.tenant.client.update_port_in(&request).await {
        audit::finish(pool, audit_id, Outcome::Failed, &error.to_string()).await?;
        return Err(error.into());
    }
    let sent = fields.join(", ");
    audit::finish(pool, audit_id, Outcome::Succeeded, &format!("corrected: {sent}")).await?;
    if let Some(v) = &request.current_carrier_name {
        p.carrier_name = v.clone();
    }
    if let Some(v) = &request.subscriber_name {
        p.subscriber_name = v.clone();
    }
    if let Some(v) = &request.iccid {
        p.iccid = v.clone();
    }
    if request.current_billing_address.is_some() {
        p.billing = billing;
    }
    p.port_date = port_date;
    store::save_details(pool, &p).await?;
    store::event(
        pool,
        &p.id,
        "step",
        &p.status,
        &format!("Correction sent: {sent}."),
        &ctx.caller.email,
    )
    .await;
    // The order's status after the correction (it goes back in the queue).
    if let Ok(order) = ctx.tenant.client.number_order(&order_id).await {
        super::track::seen(
            pool,
            &ctx.tenant.distributor_id,
            &order_id,
            order.order_status.as_deref().unwrap_or_default(),
            order.order_status_message.as_deref().unwrap_or_default(),
        )
        .await;
    }
    Ok(())
}

/// Cancels a port-in: a draft is dropped (nothing was sent), an open one
/// is cancelled with Telegent (final). Repeating it changes nothing.
pub async fn cancel(ctx: &InAccount, act: &PortInAct) -> Result<(), AppError> {
    let p = port_in_of(ctx, &act.id).await?;
    if act.confirm.is_none() {
        return Err(AppError::invalid(
            "confirm",
            "Tick the box to confirm: a cancel is final.",
        ));
    }
    let pool = &ctx.state.pool;
    match (p.stage, p.order_id.clone()) {
        (Stage::Ended, _) => Ok(()),
        (Stage::Open, None) => Err(AppError::invalid(
            "confirm",
            "Telegent did not name this port-in's order, so the portal cannot cancel it: ask Telegent support to.",
        )),
        (Stage::Draft, _) => {
            // A submit that went out (or may have): not "discarded", or a
            // billed port-in would be followed by no one.
            let sent = crate::ssr::intents::state_of(pool, &ctx.tenant.distributor_id, &p.intent_key).await?;
            if !matches!(sent.as_deref(), None | Some("failed")) {
                return Err(AppError::invalid(
                    "confirm",
                    "This draft's submit is not confirmed by Telegent yet: submit it again to reconcile it \
                     (it is not sent twice) before cancelling.",
                ));
            }
            store::set_status(pool, &p, Stage::Ended, "Cancelled", "").await?;
            let entry = ctx
                .caller
                .audit_in(&ctx.tenant, &ctx.account_id, CANCEL_PORT_IN_ACTION, &[&p.msisdn, &p.id]);
            audit::record(pool, &entry, Outcome::Succeeded, "draft discarded").await?;
            store::event(
                pool,
                &p.id,
                "step",
                "Cancelled",
                "Discarded before anything was sent.",
                &ctx.caller.email,
            )
            .await;
            Ok(())
        }
        (Stage::Open, Some(order_id)) => {
            let entry = ctx.caller.audit_in(
                &ctx.tenant,
                &ctx.account_id,
                CANCEL_PORT_IN_ACTION,
                &[&p.msisdn, &order_id],
            );
            let audit_id = audit::begin(pool, &entry).await?;
            let request = OrderIdRequest {
                order_id: order_id.clone(),
            };
            if let Err(error) = ctx.tenant.client.cancel_port_in(&request).await {
                audit::finish(pool, audit_id, Outcome::Failed, &error.to_string()).await?;
                return Err(error.into());
            }
            audit::finish(pool, audit_id, Outcome::Succeeded, "cancelled").await?;
            store::set_status(pool, &p, Stage::Ended, "Cancelled", "").await?;
            store::event(
                pool,
                &p.id,
                "step",
                "Cancelled",
                "Cancelled with Telegent.",
                &ctx.caller.email,
            )
            .await;
            crate::read_model::orders::ended(pool, &ctx.tenant.distributor_id, &order_id).await;
            Ok(())
        }
    }
}

/// An internal note on the port-in's timeline (staff only; never sent).
pub async fn add_note(ctx: &InAccount, act: &PortInAct) -> Result<(), AppError> {
    let text = act.text.trim();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(AppError::invalid("text", "Type a note of up to 2,000 characters."));
    }
    let p = port_in_of(ctx, &act.id).await?;
    let pool = &ctx.state.pool;
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, NOTE_ACTION, &[&p.msisdn, &p.id]);
    audit::record(pool, &entry, Outcome::Succeeded, "note added").await?;
    store::event(pool, &p.id, "note", "", text, &ctx.caller.email).await;
    Ok(())
}

/// After a cancel: a fresh eligibility check and a new draft with the
/// earlier details (not the secrets). The new draft's ID.
pub async fn start_again(ctx: &InAccount, act: &PortInAct) -> Result<String, AppError> {
    let p = port_in_of(ctx, &act.id).await?;
    if p.stage != Stage::Ended || !super::model::is_cancelled(&p.status) {
        return Err(AppError::invalid(
            "id",
            "Only a cancelled port-in can be started again.",
        ));
    }
    if let Some(live) = store::live_for_number(&ctx.state.pool, &ctx.tenant.distributor_id, &p.msisdn).await? {
        if live.account_id != ctx.account_id {
            return Err(AppError::invalid(
                "id",
                format!("A port-in of this number is open for another account: {}.", live.id),
            ));
        }
        // Started again already (a second click): that draft.
        return Ok(live.id);
    }
    refuse_while_unconfirmed(ctx, &p.msisdn, "id").await?;
    match eligibility_of(ctx, &p.msisdn, &p.classification).await? {
        Ok(found) => {
            let id = new_draft(ctx, &p.msisdn, &p.classification, found, Some(&p)).await?;
            store::event(
                &ctx.state.pool,
                &p.id,
                "step",
                "Cancelled",
                &format!("Started again as {id}."),
                &ctx.caller.email,
            )
            .await;
            Ok(id)
        }
        Err(reason) => Err(AppError::invalid("id", format!("Not eligible now: {reason}"))),
    }
}

/// Reads the order's status now (at most every 5 s per port-in; the
/// background refresh does this for every open one anyway).
pub async fn check_now(ctx: &InAccount, act: &PortInAct) -> Result<(), AppError> {
    let p = port_in_of(ctx, &act.id).await?;
    let Some(order_id) = p.order_id.clone().filter(|_| p.stage == Stage::Open) else {
        return Ok(());
    };
    let recent = p
        .checked_at
        .as_deref()
        .map(|at| crate::read_model::sweep::age_of(at).as_secs() < CHECK_AT_MOST_EVERY_SECONDS as u64)
        .unwrap_or(false);
    if recent {
        return Ok(());
    }
    let order = ctx.tenant.client.fresh().number_order(&order_id).await?;
    super::track::seen(
        &ctx.state.pool,
        &ctx.tenant.distributor_id,
        &order_id,
        order.order_status.as_deref().unwrap_or_default(),
        order.order_status_message.as_deref().unwrap_or_default(),
    )
    .await;
    Ok(())
}
