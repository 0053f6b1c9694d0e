//! Number reads: details and inventory. (Provisioning, porting, data usage and
//! voicemail are answered from the reference's examples until modelled.)

use serde_json::{json, Value};

use super::Handler;
use crate::api::{ApiError, Ctx};
use crate::world::{Number, World};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "GET /v1.0/numbers" => details,
        "GET /v1.0/numbers/inventory" => inventory,
        _ => return None,
    })
}

fn number_json(n: &Number) -> Value {
    json!({
        "Number": n.msisdn,
        "TNID": n.id,
        "NumberType": "Mobile",
        "MessageEnabled": n.product_type.contains("Sms"),
        "MessageRouteId": n.message_route_id,
        "VoiceEnabled": n.product_type.contains("Voice"),
        "Classification": if n.number_type == "iot" { "IoT" } else { "MVNO" },
        "MessageType": "P2P",
        "VoiceRouteId": n.voice_route_id,
        "Status": capitalized(&n.status),
        "AssignedSubscriberId": n.subscriber_id,
        "Iccid": n.iccid,
        "AccountId": n.account_id,
    })
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn visible<'w>(world: &'w World, did: &str, n: &'w Number) -> bool {
    world.account_in(did, &n.account_id).is_some()
}

fn details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let number = ctx.str_field("Number").or_else(|| ctx.str_field("PhoneNumber"));
    let iccid = ctx.str_field("ICCID");
    let world = ctx.sandbox.snapshot();
    let found =
        world.numbers.values().filter(|n| visible(&world, did, n)).find(|n| {
            number.as_deref().is_some_and(|x| n.msisdn == x) || iccid.as_deref().is_some_and(|x| n.iccid == x)
        });
    found.map(number_json).ok_or_else(|| ApiError::not_found("Number"))
}

fn inventory(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let account = ctx.account_scope()?;
    let page = ctx
        .str_field("PageNumber")
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    let per_page = ctx
        .str_field("TotalNumbersRequested")
        .and_then(|p| p.parse::<usize>().ok())
        .unwrap_or(50)
        .clamp(1, 500);
    let status = ctx.str_field("Filter");
    let world = ctx.sandbox.snapshot();
    let all: Vec<&Number> = world
        .numbers
        .values()
        .filter(|n| visible(&world, did, n))
        .filter(|n| account.as_deref().is_none_or(|a| n.account_id == a))
        .filter(|n| status.as_deref().is_none_or(|s| n.status.eq_ignore_ascii_case(s)))
        .collect();
    let rows: Vec<Value> = all
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|n| number_json(n))
        .collect();
    Ok(json!({
        "AccountId": account,
        "TotalResults": all.len(),
        "PageNumber": page,
        "Filter": status,
        "PhoneNumbers": rows,
    }))
}
