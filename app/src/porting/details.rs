//! A port-in's details: their checks (shape for a draft, completeness
//! for a submit), the draft saved, and the billed submit sent once per
//! draft with the secrets, which are kept nowhere.

use telegent::ops::numbers::{PortInRequest, PortInUpdateRequest};
use telegent::types::Address;

use super::model::{DetailsForm, Stage};
use super::port_date;
use super::service::*;
use super::store::{self, Stored};
use crate::error::AppError;
use crate::onboarding::facts::SUBMIT_PORT_IN_ACTION;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::db::now_text;

pub(super) fn address_problems(a: &super::model::AddressFields, required: bool, out: &mut Problems) {
    if required && a.street1.trim().is_empty() {
        out.push(AppError::invalid(
            "street1",
            "Type the street of the billing address the losing carrier has.",
        ));
    }
    if required && a.city.trim().is_empty() {
        out.push(AppError::invalid("city", "Type the city."));
    }
    let state = a.state.trim();
    if (required || !state.is_empty()) && !(state.len() == 2 && state.chars().all(|c| c.is_ascii_alphabetic())) {
        out.push(AppError::invalid("state", "Type the state's two letters, e.g. UT."));
    }
    let zip = a.zip.trim();
    let zip_ok = (zip.len() == 5 && zip.chars().all(|c| c.is_ascii_digit()))
        || (zip.len() == 10 && zip.as_bytes()[5] == b'-' && zip.chars().filter(char::is_ascii_digit).count() == 9);
    if (required || !zip.is_empty()) && !zip_ok {
        out.push(AppError::invalid(
            "zip",
            "Type the ZIP code: 5 digits, or ZIP+4 like 84601-1234.",
        ));
    }
}

pub(super) fn secret_problems(account_number: &str, pin: &str, required: bool, out: &mut Problems) {
    let n = account_number.trim();
    if (required || !n.is_empty()) && !(1..=30).contains(&n.len()) {
        out.push(AppError::invalid(
            "account_number",
            "Type the subscriber's account number at the losing carrier (on their bill).",
        ));
    }
    let p = pin.trim();
    if (required || !p.is_empty()) && (!(4..=15).contains(&p.len()) || p.chars().any(char::is_whitespace)) {
        out.push(AppError::invalid(
            "pin",
            "Type the account PIN or passcode the losing carrier gave the subscriber (4 to 15 characters).",
        ));
    }
}

pub(super) fn address_of(a: &super::model::AddressFields) -> Address {
    let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    Address {
        street1: some(&a.street1),
        street2: some(&a.street2),
        city: some(&a.city),
        state: some(&a.state.to_ascii_uppercase()),
        zip: some(&a.zip),
        country: None,
    }
}

/// The details of `form` into `p` (never the secrets), and what is wrong
/// with them: for a save only their shape, for a submit also what a port
/// needs (every detail, the secrets, the letter, the confirmation).
pub(super) fn take_details(p: &mut Stored, form: &DetailsForm, submit: bool, today: chrono::NaiveDate) -> Problems {
    p.carrier_name = form.carrier_name.trim().to_string();
    p.subscriber_name = form.subscriber_name.trim().to_string();
    p.billing = super::model::AddressFields {
        street1: form.street1.trim().to_string(),
        street2: form.street2.trim().to_string(),
        city: form.city.trim().to_string(),
        state: form.state.trim().to_ascii_uppercase(),
        zip: form.zip.trim().to_string(),
    };
    p.iccid = form.iccid.trim().to_string();
    let mut problems: Problems = Vec::new();
    if submit && p.carrier_name.is_empty() {
        problems.push(AppError::invalid(
            "carrier_name",
            "Type the name of the carrier the number leaves.",
        ));
    }
    if submit && p.subscriber_name.is_empty() {
        problems.push(AppError::invalid(
            "subscriber_name",
            "Type the name on the account at the losing carrier.",
        ));
    }
    address_problems(&p.billing, submit, &mut problems);
    if let Some(problem) = crate::provisioning::model::iccid_problem(&p.iccid) {
        problems.push(AppError::invalid("iccid", problem));
    }
    let typed_date = form.port_date.trim();
    p.port_date = String::new();
    if !typed_date.is_empty() {
        match port_date::check(typed_date, today) {
            Ok(date) => p.port_date = date,
            Err(problem) => problems.push(AppError::invalid("port_date", problem)),
        }
    } else if submit && p.is_wireline() {
        let t = today;
        problems.push(AppError::invalid(
            "port_date",
            format!(
                "A wireline port needs a port date: a business day between {} and {}.",
                port_date::wire(port_date::business_days_after(t, port_date::EARLIEST_BUSINESS_DAYS)),
                port_date::wire(port_date::business_days_after(t, port_date::LATEST_BUSINESS_DAYS))
            ),
        ));
    }
    if submit {
        secret_problems(&form.account_number, &form.pin, true, &mut problems);
        if form.loa.is_none() {
            problems.push(AppError::invalid(
                "loa",
                "Confirm that the subscriber signed the letter of authorization: a port needs it.",
            ));
        }
        if form.confirm.is_none() {
            problems.push(AppError::invalid(
                "confirm",
                "Tick the box to confirm the port-in (billed).",
            ));
        }
    }
    problems
}

/// A draft's details saved (`act` = `save`: may be incomplete) or
/// submitted (`act` = `submit`: complete, the letter of authorization
/// confirmed, billed once).
pub async fn save_or_submit(ctx: &InAccount, form: &DetailsForm) -> Result<(), AppError> {
    let mut p = port_in_of(ctx, &form.id).await?;
    let submit = form.act.trim() == "submit";
    if p.stage != Stage::Draft {
        // A second click after the submit went through: already done.
        if submit && p.stage == Stage::Open {
            return Ok(());
        }
        return Err(AppError::invalid(
            "act",
            "This port-in is no longer a draft: correct or cancel it on its page instead.",
        ));
    }
    let problems = take_details(&mut p, form, submit, today(ctx));
    refuse(problems)?;
    let pool = &ctx.state.pool;
    if !submit {
        store::save_details(pool, &p).await?;
        let entry = ctx
            .caller
            .audit_in(&ctx.tenant, &ctx.account_id, SAVE_DRAFT_ACTION, &[&p.msisdn, &p.id]);
        audit::record(pool, &entry, Outcome::Succeeded, "draft saved").await?;
        store::event(pool, &p.id, "step", "Draft", "Draft saved.", &ctx.caller.email).await;
        return Ok(());
    }
    submit_draft(ctx, p, form).await
}

async fn submit_draft(ctx: &InAccount, mut p: Stored, form: &DetailsForm) -> Result<(), AppError> {
    let pool = &ctx.state.pool;
    let d = &ctx.tenant.distributor_id;
    // A refused submit (Telegent said no, nothing was billed) leaves its
    // key spent: the corrected draft goes under a new one. An unconfirmed
    // one keeps its key, so it is reconciled and never sent twice.
    if crate::ssr::intents::state_of(pool, d, &p.intent_key).await?.as_deref() == Some("failed") {
        let old = p.intent_key.clone();
        p.intent_key = store::rotate_key(pool, &p, &old, &crate::ssr::intents::new_key()).await?;
    }
    p.loa_by = ctx.caller.email.clone();
    p.loa_at = now_text();
    store::save_details(pool, &p).await?;
    let request = PortInRequest {
        port_in_number: p.msisdn.clone(),
        current_carrier_name: p.carrier_name.clone(),
        current_account_number: form.account_number.trim().to_string(),
        current_account_password: form.pin.trim().to_string(),
        current_billing_address: address_of(&p.billing),
        iccid: Some(p.iccid.clone()).filter(|i| !i.is_empty()),
        target_portin_classification: Some(p.classification.clone()),
        subscriber_name: Some(p.subscriber_name.clone()),
        account_id: Some(ctx.account_id.clone()),
    };
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, SUBMIT_PORT_IN_ACTION, &[&p.msisdn, &p.id]);
    let audit_id = audit::begin(pool, &entry).await?;
    let answer = match crate::numbers::service::submit_port_in(
        pool,
        &ctx.tenant,
        &p.intent_key,
        &ctx.account_id,
        &request,
    )
    .await
    {
        Ok(answer) => answer,
        Err(error) => {
            audit::finish(pool, audit_id, Outcome::Failed, &error.to_string()).await?;
            return Err(error);
        }
    };
    let order_id = answer["OrderId"].as_str().map(str::trim).filter(|o| !o.is_empty());
    let status = answer["Status"].as_str().filter(|s| !s.is_empty()).unwrap_or("Pending");
    store::mark_submitted(pool, &p, order_id, status, ctx.caller.user_id).await?;
    let detail = format!("order {} status {status}", order_id.unwrap_or("(not confirmed by ID)"));
    audit::finish(pool, audit_id, Outcome::Succeeded, &detail).await?;
    let text = match order_id {
        Some(order) => format!(
            "Submitted to Telegent (order {order}). Letter of authorization confirmed by {}.",
            ctx.caller.email
        ),
        None => "Submitted; Telegent confirmed a port-in is open for the number but did not name its order. \
                 Ask Telegent support for the order number."
            .to_string(),
    };
    store::event(pool, &p.id, "step", status, &text, &ctx.caller.email).await;
    // Telegent takes the port date with an update, not with the submit.
    if let (Some(order), false) = (order_id, p.port_date.is_empty()) {
        let update = PortInUpdateRequest {
            order_id: order.to_string(),
            port_in_date: Some(p.port_date.clone()),
            ..Default::default()
        };
        let entry = ctx
            .caller
            .audit_in(&ctx.tenant, &ctx.account_id, PORT_DATE_ACTION, &[&p.msisdn, order]);
        let audit_id = audit::begin(pool, &entry).await?;
        let note = match ctx.tenant.client.update_port_in(&update).await {
            Ok(_) => {
                audit::finish(pool, audit_id, Outcome::Succeeded, "sent with the submit").await?;
                format!("Port date {} sent.", p.port_date)
            }
            Err(error) => {
                audit::finish(pool, audit_id, Outcome::Failed, &error.to_string()).await?;
                format!(
                    "The port date was not sent ({}): send it with a correction.",
                    error.user_message()
                )
            }
        };
        store::event(pool, &p.id, "step", status, &note, &ctx.caller.email).await;
    }
    Ok(())
}
