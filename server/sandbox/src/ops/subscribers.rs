use serde_json::{json, Value};

use super::{phone_list, subscriber_in_scope, Handler};
use crate::api::{field, ApiError, Ctx};
use crate::world::{Subscriber, World};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "POST /v1.0/subscribers/create" => create,
        "GET /v1.0/subscribers/get" => read,
        "POST /v1.0/subscribers/update" => update,
        "POST /v1.0/subscribers/transfer" => transfer,
        _ => return None,
    })
}

/// A subscriber as the API returns it (`Account` is `{AccountId, CompanyName}`).
pub fn subscriber_json(world: &World, s: &Subscriber) -> Value {
    let company = world
        .accounts
        .get(&s.account_id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    json!({
        "SubscriberId": s.id,
        "Name": s.name,
        "Email": s.email,
        "PhoneNumbers": s.phone_numbers,
        "Role": s.role,
        "Account": { "AccountId": s.account_id, "CompanyName": company },
    })
}

fn canonical_role(role: &str) -> String {
    ["Subscriber", "Manager", "Account Admin"]
        .into_iter()
        .find(|r| r.eq_ignore_ascii_case(role.trim()))
        .unwrap_or("Subscriber")
        .to_string()
}

fn create(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let account_id = ctx.account_scope()?.ok_or_else(|| ApiError::required("AccountId"))?;
    let name = ctx.str_field("Name").ok_or_else(|| ApiError::required("Name"))?;
    let email = ctx.str_field("Email").ok_or_else(|| ApiError::required("Email"))?;
    if !email.contains('@') || email.starts_with('@') || email.ends_with('@') {
        return Err(ApiError::bad_request("The Email field is not a valid e-mail address."));
    }
    let role = canonical_role(&ctx.str_field("Role").unwrap_or_default());
    let phones = phone_list(ctx.input, "PhoneNumbers");
    let subscriber = ctx.sandbox.mutate(|w| {
        if w.email_taken(&email) {
            return Err(ApiError::unprocessable(format!(
                "A subscriber with the email {email} already exists."
            )));
        }
        let id = w.new_id("TSUID");
        let s = Subscriber {
            id: id.clone(),
            account_id,
            name,
            email,
            role,
            phone_numbers: phones,
        };
        w.subscribers.insert(id, s.clone());
        Ok(s)
    })?;
    Ok(subscriber_json(&ctx.sandbox.snapshot(), &subscriber))
}

fn read(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    Ok(subscriber_json(&ctx.sandbox.snapshot(), &s))
}

fn update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let existing = subscriber_in_scope(ctx, "SubscriberId")?;
    let name = ctx.str_field("Name");
    let email = ctx.str_field("Email");
    let role = ctx.str_field("Role").map(|r| canonical_role(&r));
    let phones = field(ctx.input, "PhoneNumbers").map(|_| phone_list(ctx.input, "PhoneNumbers"));
    let updated = ctx.sandbox.mutate(|w| {
        if let Some(email) = &email {
            let taken = w
                .subscribers
                .values()
                .any(|s| s.id != existing.id && s.email.eq_ignore_ascii_case(email));
            if taken {
                return Err(ApiError::unprocessable(format!(
                    "A subscriber with the email {email} already exists."
                )));
            }
        }
        let s = w
            .subscribers
            .get_mut(&existing.id)
            .ok_or_else(|| ApiError::not_found("Subscriber"))?;
        if let Some(name) = name {
            s.name = name;
        }
        if let Some(email) = email {
            s.email = email;
        }
        if let Some(role) = role {
            s.role = role;
        }
        if let Some(phones) = phones {
            s.phone_numbers = phones;
        }
        Ok(s.clone())
    })?;
    Ok(subscriber_json(&ctx.sandbox.snapshot(), &updated))
}

fn transfer(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let s = subscriber_in_scope(ctx, "SubscriberId")?;
    let did = ctx.distributor_id()?.to_string();
    let from = ctx
        .str_field("FromAccountId")
        .ok_or_else(|| ApiError::required("FromAccountId"))?;
    let to = ctx
        .str_field("ToAccountId")
        .ok_or_else(|| ApiError::required("ToAccountId"))?;
    if s.account_id != from {
        return Err(ApiError::bad_request(
            "The FromAccountId field does not match the subscriber's account.",
        ));
    }
    let moved = ctx.sandbox.mutate(|w| {
        w.account_in(&did, &to).ok_or_else(|| ApiError::not_found("Account"))?;
        // Lines move with their subscriber: no orphan numbers.
        let mut line_ids = std::collections::HashSet::new();
        for n in w
            .numbers
            .values_mut()
            .filter(|n| n.subscriber_id.as_deref() == Some(s.id.as_str()))
        {
            n.account_id = to.clone();
            line_ids.insert(n.id.clone());
        }
        // A subscription belongs to its number (`TNID`): it follows the line;
        // one on no line at all follows the person holding it.
        if let Some(subscriptions) = w.records.get_mut("subscriptions") {
            for r in subscriptions.values_mut().filter(|r| r.distributor_id == did) {
                let field = |name: &str| {
                    r.fields
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(name))
                        .and_then(|(_, v)| v.as_str())
                        .map(str::to_string)
                };
                let tnid = field("TNID").filter(|t| !t.is_empty());
                let on_line = tnid.as_ref().is_some_and(|t| line_ids.contains(t));
                // A plan on another person's line stays with that line.
                let held = tnid.is_none() && field("SubscriberId").as_deref() == Some(s.id.as_str());
                if on_line || held {
                    r.account_id = Some(to.clone());
                }
            }
        }
        let sub = w
            .subscribers
            .get_mut(&s.id)
            .ok_or_else(|| ApiError::not_found("Subscriber"))?;
        sub.account_id = to.clone();
        Ok::<_, ApiError>(sub.clone())
    })?;
    let mut out = subscriber_json(&ctx.sandbox.snapshot(), &moved);
    out["Message"] = json!("Subscriber transferred successfully.");
    Ok(out)
}
