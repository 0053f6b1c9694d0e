//! Voicemail per line: activate with a PIN, read, update, delete.

use serde_json::{json, Value};

use super::Handler;
use crate::api::{ApiError, Ctx};
use crate::world::Voicemail;

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "POST /v1.0/numbers/voicemail/activate" => activate,
        "POST /v1.0/numbers/voicemail/info" => info,
        "POST /v1.0/numbers/voicemail/update" => update,
        "POST /v1.0/numbers/voicemail/delete" => delete,
        _ => return None,
    })
}

/// The number's ID when the caller may reach it (and it is in `AccountId`, if given).
fn number_in_scope(ctx: &Ctx<'_>) -> Result<String, ApiError> {
    let did = ctx.distributor_id()?;
    let account = ctx.account_scope()?;
    let msisdn = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let world = ctx.sandbox.snapshot();
    let found = world
        .numbers
        .values()
        .filter(|n| world.account_in(did, &n.account_id).is_some())
        .filter(|n| account.as_deref().is_none_or(|a| n.account_id == a))
        .find(|n| n.msisdn == msisdn)
        .map(|n| n.id.clone());
    found.ok_or_else(|| ApiError::not_found("Number"))
}

fn pin(ctx: &Ctx<'_>) -> Result<Option<String>, ApiError> {
    match ctx.str_field("PIN") {
        None => Ok(None),
        Some(p) if (4..=10).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) => Ok(Some(p)),
        Some(_) => Err(ApiError::bad_request("The PIN field must be 4 to 10 digits.")),
    }
}

fn activate(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = number_in_scope(ctx)?;
    let pin = pin(ctx)?.unwrap_or_else(|| "0000".into());
    let vm = Voicemail {
        pin,
        email: ctx.str_field("Email"),
        first_name: ctx.str_field("FirstName"),
        last_name: ctx.str_field("LastName"),
    };
    let msisdn = ctx.sandbox.mutate(|w| {
        let n = w.numbers.get_mut(&id).expect("number in scope");
        n.voicemail = Some(vm);
        n.msisdn.clone()
    });
    Ok(json!({ "PhoneNumber": msisdn, "VoicemailActivated": true, "Successful": true }))
}

fn info(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = number_in_scope(ctx)?;
    let world = ctx.sandbox.snapshot();
    let n = &world.numbers[&id];
    Ok(match &n.voicemail {
        Some(vm) => json!({
            "PhoneNumber": n.msisdn, "VoicemailEnabled": true, "Email": vm.email,
            "FirstName": vm.first_name, "LastName": vm.last_name,
        }),
        None => json!({ "PhoneNumber": n.msisdn, "VoicemailEnabled": false }),
    })
}

fn update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = number_in_scope(ctx)?;
    let pin = pin(ctx)?;
    let (email, first, last) = (
        ctx.str_field("Email"),
        ctx.str_field("FirstName"),
        ctx.str_field("LastName"),
    );
    let msisdn = ctx.sandbox.mutate(|w| {
        let n = w.numbers.get_mut(&id).expect("number in scope");
        let vm = n
            .voicemail
            .as_mut()
            .ok_or_else(|| ApiError::unprocessable("Voicemail is not active on this number."))?;
        if let Some(p) = pin {
            vm.pin = p;
        }
        if email.is_some() {
            vm.email = email;
        }
        if first.is_some() {
            vm.first_name = first;
        }
        if last.is_some() {
            vm.last_name = last;
        }
        Ok::<_, ApiError>(n.msisdn.clone())
    })?;
    Ok(json!({ "PhoneNumber": msisdn, "Successful": true, "Message": "Voicemail settings updated" }))
}

fn delete(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let id = number_in_scope(ctx)?;
    let msisdn = ctx.sandbox.mutate(|w| {
        let n = w.numbers.get_mut(&id).expect("number in scope");
        n.voicemail
            .take()
            .ok_or_else(|| ApiError::unprocessable("Voicemail is not active on this number."))?;
        Ok::<_, ApiError>(n.msisdn.clone())
    })?;
    Ok(json!({ "PhoneNumber": msisdn, "Successful": true, "Message": "Voicemail removed" }))
}
