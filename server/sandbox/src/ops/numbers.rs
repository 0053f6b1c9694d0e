//! Number reads: details and inventory.

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

/// A number as `GET numbers` shows it.
pub fn number_json(world: &World, n: &Number) -> Value {
    let (swaps_left, swaps_reset) = n.swaps(world.now());
    json!({
        "Number": n.msisdn,
        "TNID": n.id,
        "OrderId": n.order_id,
        "NumberType": "Mobile",
        "MessageEnabled": n.product_type.contains("Sms"),
        "MessageRouteId": n.message_route_id,
        "VoiceEnabled": n.product_type.contains("Voice"),
        "Classification": if n.number_type == "iot" { "IoT" } else { "MVNO" },
        "MessageType": n.message_type.as_deref().unwrap_or("p2p").to_ascii_uppercase(),
        "VoiceRouteId": n.voice_route_id,
        "Status": capitalized(&n.status),
        "OriginalDatePurchased": n.purchased_on,
        "AssignedSubscriberId": n.subscriber_id,
        "Iccid": n.iccid,
        "Cnam": n.cnam(),
        "QrActivationLink": qr_activation_link(n),
        "SwapsRemaining": swaps_left,
        "NextSwapResetDate": swaps_reset.map(|t| t.to_rfc3339()),
        "AccountId": n.account_id,
    })
}

/// The eSIM profile of the line's current SIM, as a link to scan.
pub fn qr_activation_link(n: &Number) -> String {
    format!("https://qr.sandbox.telegent.test/activate/{}", n.iccid)
}

/// A number as an inventory row: the details plus product and port-out PIN.
fn inventory_row(world: &World, n: &Number) -> Value {
    let mut row = number_json(world, n);
    let details = row.as_object_mut().expect("an object");
    // The inventory documents `Tnid`; `TNID` (as `GET numbers` spells it) stays
    // for clients that read one type for both.
    details.insert("Tnid".into(), json!(n.id));
    details.insert("NumberType".into(), json!("mobile"));
    details.insert("MessageType".into(), json!(n.message_type.as_deref().unwrap_or("p2p")));
    details.insert("ProductType".into(), json!(n.product_type));
    // Set by the losing side of a port-out only; the platform keeps none.
    details.insert("PortOutPin".into(), Value::Null);
    row
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
    found
        .map(|n| number_json(&world, n))
        .ok_or_else(|| ApiError::not_found("Number"))
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
    // "All" (or nothing) is every status; the answer echoes what was asked.
    let status = ctx.str_field("Filter").filter(|f| !f.eq_ignore_ascii_case("all"));
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
        .map(|n| inventory_row(&world, n))
        .collect();
    Ok(json!({
        "AccountId": account,
        "TotalResults": all.len(),
        "PageNumber": page,
        "Filter": crate::collections::echoed_filter(ctx.input),
        "PhoneNumbers": rows,
    }))
}
