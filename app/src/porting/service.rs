//! The port-in cockpit on the server. Eligibility comes first: only an
//! eligible number gets a draft, and only a draft asks for the losing
//! carrier's and the subscriber's details. The submit is billed and sent
//! once per draft (its intent key); the account number and PIN go to
//! Telegent with it (or with a correction) and are kept nowhere — not in
//! the draft, the audit log, the intent's record, a log line or a page.

use telegent::ops::numbers::{OrderIdRequest, PortInEligibilityRequest, PortInRequest, PortInUpdateRequest};
use telegent::phone;
use telegent::types::Address;

use super::model::{
    is_port_in_id, rejection_field, CorrectionForm, DetailsForm, EligibilityForm, PortInAct, PortInView, PortInsPage,
    Stage,
};
use super::port_date;
use super::store::{self, Stored};
use crate::error::AppError;
use crate::onboarding::facts::{
    CANCEL_PORT_IN_ACTION, ELIGIBILITY_ACTION, SUBMIT_PORT_IN_ACTION, UPDATE_PORT_IN_ACTION,
};
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;
use crate::ssr::db::now_text;

pub const SAVE_DRAFT_ACTION: &str = "SavePortInDraft";
pub const NOTE_ACTION: &str = "AddPortInNote";
/// The port date sent right after a submit (not a correction: the
/// onboarding checklist's 8c asks for one of those).
pub const PORT_DATE_ACTION: &str = "SendPortInDate";

/// A "check now" this soon after the last read answers from that read.
const CHECK_AT_MOST_EVERY_SECONDS: i64 = 5;

type Problems = Vec<AppError>;

fn refuse(problems: Problems) -> Result<(), AppError> {
    match AppError::from_field_errors(problems) {
        Some(refused) => Err(refused),
        None => Ok(()),
    }
}

pub(super) fn today(ctx: &InAccount) -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp(ctx.state.clock.now(), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

fn new_id() -> String {
    format!("PI-{}", &crate::ssr::intents::new_key()[..12])
}

/// The port-in `id` of the caller's Account (a malformed ID is a field
/// error, a foreign or missing one is missing).
async fn port_in_of(ctx: &InAccount, id: &str) -> Result<Stored, AppError> {
    let id = id.trim();
    if !is_port_in_id(id) {
        return Err(AppError::invalid(
            "id",
            "That is not a port-in's number (PI- and 12 letters or digits).",
        ));
    }
    store::load(&ctx.state.pool, &ctx.tenant.distributor_id, &ctx.account_id, id).await
}

pub(super) fn number_problem(typed: &str) -> Result<String, AppError> {
    phone::normalize_e164(typed).map_err(|_| {
        AppError::invalid(
            "msisdn",
            "Type the number with its area code, e.g. +1 801 555 0123 or 801-555-0123.",
        )
    })
}

pub(super) fn classification_of(typed: &str) -> Result<String, AppError> {
    match typed.trim().to_ascii_lowercase().as_str() {
        "mvno" => Ok("mvno".into()),
        "iot" => Ok("iot".into()),
        _ => Err(AppError::invalid(
            "classification",
            "Choose what the number becomes: a phone line (MVNO) or an IoT line.",
        )),
    }
}

/// Asks Telegent whether the number can be ported in (audited, not billed):
/// `Ok(Ok((carrier, number type)))` when it can, `Ok(Err(reason))` when not.
pub(super) async fn eligibility_of(
    ctx: &InAccount,
    msisdn: &str,
    classification: &str,
) -> Result<Result<(String, String), String>, AppError> {
    let entry = ctx
        .caller
        .audit_in(&ctx.tenant, &ctx.account_id, ELIGIBILITY_ACTION, &[msisdn]);
    let request = PortInEligibilityRequest {
        phone_number: msisdn.to_string(),
        target_classification: classification.to_string(),
    };
    let answer = match ctx.tenant.client.port_in_eligibility(&request).await {
        Ok(answer) => answer,
        Err(error) => {
            let _ = audit::record(&ctx.state.pool, &entry, Outcome::Failed, &error.to_string()).await;
            return Err(error.into());
        }
    };
    let message = answer.message.clone().unwrap_or_default();
    let eligible = answer.eligible == Some(true);
    let detail = if eligible {
        format!("eligible ({classification})")
    } else {
        format!("not eligible: {message}")
    };
    audit::record(&ctx.state.pool, &entry, Outcome::Succeeded, &detail).await?;
    if !eligible {
        return Ok(Err(if message.is_empty() {
            "Telegent says this number cannot be ported in.".into()
        } else {
            message
        }));
    }
    Ok(Ok((
        answer.current_carrier.unwrap_or_default(),
        answer.number_type.unwrap_or_default(),
    )))
}

/// A new draft for an eligible number, started from `from` (a cancelled
/// port-in being started again) when given. Its ID.
pub(super) async fn new_draft(
    ctx: &InAccount,
    msisdn: &str,
    classification: &str,
    found: (String, String),
    from: Option<&Stored>,
) -> Result<String, AppError> {
    let base = from.cloned().unwrap_or_default();
    let draft = Stored {
        id: new_id(),
        distributor_id: ctx.tenant.distributor_id.clone(),
        account_id: ctx.account_id.clone(),
        msisdn: msisdn.to_string(),
        classification: classification.to_string(),
        current_carrier: found.0.clone(),
        number_type: found.1.clone(),
        // Prefilled from the earlier attempt, except the port date (its
        // window has moved) and, as always, the secrets.
        carrier_name: if base.carrier_name.is_empty() {
            found.0.clone()
        } else {
            base.carrier_name
        },
        subscriber_name: base.subscriber_name,
        billing: base.billing,
        iccid: base.iccid,
        intent_key: crate::ssr::intents::new_key(),
        created_by: ctx.caller.user_id,
        ..Stored::default()
    };
    if !store::insert(&ctx.state.pool, &draft).await? {
        return Err(AppError::invalid(
            "msisdn",
            "A port-in of this number was started a moment ago: find it on the Port-ins page.",
        ));
    }
    let line = if draft.is_wireline() {
        "a wireline"
    } else {
        "a mobile line"
    };
    let carrier = if found.0.is_empty() {
        "its carrier".to_string()
    } else {
        found.0.clone()
    };
    store::event(
        &ctx.state.pool,
        &draft.id,
        "step",
        "Draft",
        &format!("Eligible: {line} at {carrier}. Draft started."),
        &ctx.caller.email,
    )
    .await;
    Ok(draft.id)
}

/// A port-in of the number whose submit Telegent has not confirmed (its
/// answer was lost): nothing new is started for the number until it is
/// reconciled, or it could be billed twice.
pub(super) async fn refuse_while_unconfirmed(ctx: &InAccount, msisdn: &str, field: &str) -> Result<(), AppError> {
    let needle = format!("\"PortInNumber\":\"{msisdn}\"");
    if crate::ssr::intents::unconfirmed_with(&ctx.state.pool, &ctx.tenant.distributor_id, "portin", &needle).await? {
        return Err(AppError::invalid(
            field,
            "An earlier port-in of this number is not confirmed by Telegent yet. Open it and submit it again \
             (that reconciles it, it is not sent twice), or check again in a minute.",
        ));
    }
    Ok(())
}

/// Step one: the number and its classification, checked with Telegent. An
/// ineligible number stops here, at the number's field; an eligible one
/// gets a draft (its ID).
pub async fn check_eligibility(ctx: &InAccount, form: &EligibilityForm) -> Result<String, AppError> {
    let number = number_problem(&form.msisdn);
    let classification = classification_of(&form.classification);
    refuse(
        [number.clone().err(), classification.clone().err()]
            .into_iter()
            .flatten()
            .collect(),
    )?;
    let (msisdn, classification) = (number?, classification?);
    if let Some(live) = store::live_for_number(&ctx.state.pool, &ctx.tenant.distributor_id, &msisdn).await? {
        let what = if live.stage == Stage::Draft {
            "being prepared"
        } else {
            "open"
        };
        return Err(AppError::invalid(
            "msisdn",
            format!(
                "A port-in of this number is already {what}: {}. Continue that one.",
                live.id
            ),
        ));
    }
    refuse_while_unconfirmed(ctx, &msisdn, "msisdn").await?;
    match eligibility_of(ctx, &msisdn, &classification).await? {
        Ok(found) => new_draft(ctx, &msisdn, &classification, found, None).await,
        Err(reason) => Err(AppError::invalid("msisdn", format!("Not eligible: {reason}"))),
    }
}

fn address_problems(a: &super::model::AddressFields, required: bool, out: &mut Problems) {
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

fn secret_problems(account_number: &str, pin: &str, required: bool, out: &mut Problems) {
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

fn address_of(a: &super::model::AddressFields) -> Address {
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

/// A port-in's page.
pub async fn view(ctx: &InAccount, id: &str, can_manage: bool) -> Result<PortInView, AppError> {
    let p = port_in_of(ctx, id).await?;
    let pool = &ctx.state.pool;
    let account_name = store::account_name(pool, &ctx.tenant.distributor_id, &ctx.account_id).await;
    let submitted_by = match p.submitted_by {
        Some(user_id) => sqlx::query_as::<_, (String,)>("SELECT email FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(pool)
            .await?
            .map(|(e,)| e)
            .unwrap_or_default(),
        None => String::new(),
    };
    let t = today(ctx);
    let correctable = p.stage == Stage::Open
        && matches!(
            p.status.to_ascii_lowercase().as_str(),
            "resolutionrequired" | "rejected"
        );
    Ok(PortInView {
        row: store::row_of(&p, &account_name, ctx.state.clock.now()),
        classification: p.classification.clone(),
        current_carrier: p.current_carrier.clone(),
        number_type: p.number_type.clone(),
        wireline: p.is_wireline(),
        carrier_name: p.carrier_name.clone(),
        subscriber_name: p.subscriber_name.clone(),
        billing: p.billing.clone(),
        iccid: p.iccid.clone(),
        loa_by: p.loa_by.clone(),
        loa_at: p.loa_at.clone(),
        submitted_by,
        timeline: {
            // Internal notes are the Distributor's staff's: an Account's own
            // people read the steps and statuses only.
            let staff = matches!(
                crate::read_model::scope::Scope::within(&ctx.caller, &ctx.tenant.distributor_id),
                Ok(crate::read_model::scope::Scope::Distributor(_))
            );
            let mut entries = store::timeline(pool, &p.id).await?;
            if !staff {
                entries.retain(|e| e.kind != "note");
            }
            entries
        },
        can_manage,
        rejection_field: correctable
            .then(|| rejection_field(&p.status_message).map(str::to_string))
            .flatten(),
        earliest_port_date: port_date::wire(port_date::business_days_after(t, port_date::EARLIEST_BUSINESS_DAYS)),
        latest_port_date: port_date::wire(port_date::business_days_after(t, port_date::LATEST_BUSINESS_DAYS)),
        checked_at: p.checked_at.clone().unwrap_or_default(),
    })
}

/// The orders page: the scope's port-ins (`show`: open, drafts, ended,
/// all), searched, sorted and paged as the address says.
pub async fn list(
    state: &crate::ssr::AppState,
    scope: &crate::read_model::scope::Scope,
    distributor_name: String,
    query: &super::model::PortInsQuery,
    can_manage: bool,
) -> Result<PortInsPage, AppError> {
    let show = match query.show.as_str() {
        s @ ("drafts" | "ended" | "all") => s,
        _ => "open",
    };
    let sort = match query.sort.as_str() {
        s @ ("oldest" | "number") => s,
        _ => "newest",
    };
    let account = query.account.trim();
    let mut args = store::ListArgs {
        show: show.to_string(),
        account: account.to_string(),
        search: query.q.chars().take(100).collect(),
        sort: sort.to_string(),
        offset: 0,
        limit: super::model::PAGE_SIZE,
    };
    // Account names and the Accounts to choose from come from the read
    // model: filled first when it is still empty (a new portal).
    if let Some(distributor_id) = scope.distributor_id() {
        crate::read_model::sweep::ensure_filled(state, distributor_id).await?;
    }
    let total = store::total(&state.pool, scope, &args).await?;
    let total_pages = ((total.max(0) as u64)
        .div_ceil(u64::from(super::model::PAGE_SIZE))
        .max(1)) as u32;
    let page = query.page.trim().parse::<u32>().unwrap_or(1).clamp(1, total_pages);
    args.offset = (page - 1) * super::model::PAGE_SIZE;
    let rows = store::list(&state.pool, scope, &args, state.clock.now()).await?;
    let counts = store::counts(&state.pool, scope, account).await?;
    let accounts = match scope {
        crate::read_model::scope::Scope::Platform => Vec::new(),
        scope => {
            let (condition, values) = scope.condition("");
            let sql = crate::ssr::db::numbered(&format!(
                "SELECT account_id, name FROM rm_accounts WHERE {condition} ORDER BY name_key LIMIT 201"
            ));
            let mut query = sqlx::query_as::<_, (String, String)>(&sql);
            for v in &values {
                query = query.bind(v);
            }
            query.fetch_all(&state.pool).await?
        }
    };
    Ok(PortInsPage {
        account: account.to_string(),
        q: args.search.clone(),
        sort: sort.to_string(),
        page,
        total_pages,
        total,
        distributor_id: scope.distributor_id().unwrap_or_default().to_string(),
        distributor_name,
        show: show.to_string(),
        rows,
        counts,
        can_manage,
        accounts,
    })
}
