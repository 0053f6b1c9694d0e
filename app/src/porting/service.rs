//! The port-in cockpit on the server. Eligibility comes first: only an
//! eligible number gets a draft, and only a draft asks for the losing
//! carrier's and the subscriber's details. The submit is billed and sent
//! once per draft (its intent key); the account number and PIN go to
//! Telegent with it (or with a correction) and are kept nowhere — not in
//! the draft, the audit log, the intent's record, a log line or a page.
//!
//! This file: the shared checks and step one (eligibility, a draft). The
//! details and the submit are in `details.rs`, what is done to a port-in
//! after (correct, cancel, notes, start again, check now) in `changes.rs`,
//! its page and the orders page in `reading.rs`.

use telegent::ops::numbers::PortInEligibilityRequest;
use telegent::phone;

use super::model::{is_port_in_id, EligibilityForm, Stage};
use super::store::{self, Stored};
use crate::error::AppError;
use crate::onboarding::facts::ELIGIBILITY_ACTION;
use crate::ssr::audit::{self, Outcome};
use crate::ssr::context::InAccount;

pub const SAVE_DRAFT_ACTION: &str = "SavePortInDraft";
pub const NOTE_ACTION: &str = "AddPortInNote";
/// The port date sent right after a submit (not a correction: the
/// onboarding checklist's 8c asks for one of those).
pub const PORT_DATE_ACTION: &str = "SendPortInDate";

/// A "check now" this soon after the last read answers from that read.
pub(super) const CHECK_AT_MOST_EVERY_SECONDS: i64 = 5;

pub(super) type Problems = Vec<AppError>;

pub(super) fn refuse(problems: Problems) -> Result<(), AppError> {
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
pub(super) async fn port_in_of(ctx: &InAccount, id: &str) -> Result<Stored, AppError> {
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

pub use super::changes::{add_note, cancel, check_now, correct, start_again};
pub use super::details::save_or_submit;
pub(super) use super::details::take_details;
pub use super::reading::{list, view};
