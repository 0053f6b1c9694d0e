//! The life of a number: availability, provisioning (Complete at once, or
//! Pending until the sandbox clock moves), orders, status changes,
//! reactivation, updates, port-in (eligibility, submit, update, cancel, with
//! its state machine on the clock), port-out and SIM status.
//!
//! Magic values (documented in the README) force outcomes:
//! - area code `000`: no inventory; area code `999`: provisioning stays
//!   `Pending` until the clock advances two minutes;
//! - a port-in number ending in 7 is rejected as correctable (fix it with
//!   portin/update), ending in 8 hard-rejected (cancel and resubmit after fixing
//!   it with the losing carrier), ending in 9 is not eligible, ending in 6 is
//!   a wireline (`NumberType` `wireline`): without a `PortInDate` (sent by
//!   portin/update) it is rejected as correctable.

use serde_json::{json, Map, Value};

use super::{phone_list, Handler};
use crate::api::{ApiError, Ctx};
use crate::validate::get;
use crate::world::{Number, Order, World};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "POST /v1.0/numbers/availability" => availability,
        "POST /v1.0/numbers/provision" => provision,
        "GET /v1.0/numbers/order" => order_details,
        "POST /v1.0/numbers/status" => status_change,
        "POST /v1.0/numbers/reactivate" => reactivate,
        "POST /v1.0/numbers/update" => update,
        "POST /v1.0/numbers/device-details" => device_details,
        "POST /v1.0/numbers/refresh-nnid" => refresh_nnid,
        "POST /v1.0/numbers/portin/eligibility" => portin_eligibility,
        "POST /v1.0/numbers/portin" => portin_submit,
        "POST /v1.0/numbers/portin/update" => portin_update,
        "POST /v1.0/numbers/portin/cancel" => portin_cancel,
        "POST /v1.0/numbers/portout" => portout,
        "POST /v1.0/sims/update-status" => sim_update,
        "POST /v1.0/sims/clear-status" => sim_clear,
        _ => return None,
    })
}

fn flag(input: &Value, name: &str) -> bool {
    match get(input, name) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    }
}

fn number_in_scope<'w>(world: &'w World, did: &str, msisdn: &str) -> Option<&'w Number> {
    world
        .numbers
        .values()
        .find(|n| n.msisdn == msisdn && world.account_in(did, &n.account_id).is_some())
}

/// Status names in the vocabulary the sandbox is set to.
fn render_state(world: &World, state: &str) -> String {
    if world.vocabulary != "seeds" {
        return state.to_string();
    }
    match state {
        "Pending" => "Submitted",
        "InProgress" => "Pending Carrier Approval",
        "Scheduled" => "Scheduled",
        "ResolutionRequired" | "Rejected" => "Rejected",
        "Complete" => "Completed",
        other => other,
    }
    .to_string()
}

fn order_json(world: &World, o: &Order) -> Value {
    json!({
        "OrderId": o.id,
        "OrderDate": o.created_at,
        "OrderType": o.order_type,
        "OrderStatus": render_state(world, &o.state),
        "OrderStatusMessage": o.status_message,
        "PhoneNumbersOrdered": o.numbers.iter().map(|n| json!({ "Number": n })).collect::<Vec<_>>(),
        "PhoneNumberId": o.number_id,
    })
}

fn new_order(
    w: &mut World,
    did: &str,
    account: Option<String>,
    order_type: &str,
    state: &str,
    numbers: Vec<String>,
    request: &Value,
) -> Order {
    let now = w.now().to_rfc3339();
    let order = Order {
        id: w.new_id("JNUOID"),
        distributor_id: did.into(),
        account_id: account,
        order_type: order_type.into(),
        state: state.into(),
        status_message: String::new(),
        created_at: now.clone(),
        changed_at: now,
        numbers,
        request: request.as_object().cloned().unwrap_or_default(),
        number_id: None,
    };
    w.orders.insert(order.id.clone(), order.clone());
    order
}

/// The area a replacement number is asked in: `AreaCode`, else, for a
/// `ZipCode`, the sandbox's one area (it has no ZIP-to-area table).
fn requested_area(input: &Value) -> String {
    let area = input["AreaCode"].as_str().unwrap_or_default().trim();
    if area.len() == 3 && area.bytes().all(|b| b.is_ascii_digit()) {
        return area.to_string();
    }
    let zip = input["ZipCode"].as_str().unwrap_or_default().trim();
    if zip.len() == 5 && zip.bytes().all(|b| b.is_ascii_digit()) {
        return "801".to_string();
    }
    String::new()
}

/// A fresh MSISDN in `area_code` (deterministic, never one already in use).
fn free_msisdn(w: &World, area_code: &str) -> String {
    let area = if area_code.len() == 3 && area_code.bytes().all(|b| b.is_ascii_digit()) {
        area_code
    } else {
        "801"
    };
    (0..10_000u32)
        .map(|i| format!("+1{area}55{:05}", (w.id_counter as u32 * 7 + i * 13) % 100_000))
        .find(|candidate| !w.numbers.values().any(|n| n.msisdn == *candidate))
        .expect("area has free numbers")
}

fn availability(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    ctx.distributor_id()?;
    let area = ctx.str_field("AreaCode").unwrap_or_default();
    let zip = ctx.str_field("ZipCode").unwrap_or_default();
    let page = ctx
        .str_field("PageNumber")
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1);
    let areas: Vec<Value> = if area == "000" {
        Vec::new()
    } else {
        let base: u32 = area.parse().unwrap_or(801);
        const NGPS: [&str; 3] = ["SAG", "AGP", "NPX"];
        (0..5)
            .map(|i| {
                let zipcode = if zip.is_empty() {
                    format!("84{:03}", 600 + i)
                } else {
                    zip.clone()
                };
                json!({ "NGP": NGPS[i % 3], "AreaCode": base, "Zipcode": zipcode })
            })
            .collect()
    };
    let mut out = ctx.input.clone();
    let world = ctx.sandbox.snapshot();
    out["RequestId"] = json!(format!("T-{:05}", world.id_counter));
    out["RequestDate"] = json!(world.now().to_rfc3339());
    out["ResultsTotal"] = json!(areas.len());
    out["PageNumber"] = json!(page);
    out["AvailableNumberAreas"] = json!(areas);
    Ok(out)
}

fn provision(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let account = crate::accounts::owning_account(ctx)?;
    let number_type = ctx.str_field("NumberType").unwrap_or_default().to_ascii_lowercase();
    let message_type = ctx.str_field("MessageType").unwrap_or_default().to_ascii_lowercase();
    if number_type == "iot" && message_type == "a2p" {
        return Err(ApiError::bad_request(
            "The MessageType field must be p2p for iot numbers (use NumberType mvno for a2p).",
        ));
    }
    let world = ctx.sandbox.snapshot();
    let route = ctx
        .str_field("MessageRouteId")
        .ok_or_else(|| ApiError::required("MessageRouteId"))?;
    world
        .record_in("message_routes", &did, &route)
        .ok_or_else(|| ApiError::not_found("Message route"))?;
    let voice_route = ctx.str_field("VoiceRouteId");
    if flag(ctx.input, "VoiceEnabled") {
        let id = voice_route
            .as_deref()
            .ok_or_else(|| ApiError::required("VoiceRouteId"))?;
        world
            .record_in("voice_routes", &did, id)
            .ok_or_else(|| ApiError::not_found("Voice route"))?;
    }
    let subscriber = ctx.str_field("AssignedSubscriberId");
    if let Some(s) = &subscriber {
        world
            .subscribers
            .get(s)
            .filter(|s| s.account_id == account)
            .ok_or_else(|| ApiError::not_found("Subscriber"))?;
    }
    let area = ctx.str_field("AreaCode").unwrap_or_default();
    if area == "000" {
        return Err(ApiError::unprocessable(
            "No numbers are available in area code 000. Try another area code or a ZIP code.",
        ));
    }
    drop(world);
    let iccid = ctx.str_field("ICCID");
    let product_type = ctx.str_field("ProductType").unwrap_or_default();
    let (order, number) = ctx.sandbox.mutate(|w| {
        let msisdn = free_msisdn(w, &area);
        let pending = area == "999";
        let mut order = new_order(
            w,
            &did,
            Some(account.clone()),
            "provision",
            if pending { "Pending" } else { "Complete" },
            vec![msisdn.clone()],
            ctx.input,
        );
        let id = w.new_id("NID");
        let iccid = iccid
            .clone()
            .unwrap_or_else(|| format!("89010{:015}", w.id_counter * 7919 % 1_000_000_000_000_000));
        let number = Number {
            id: id.clone(),
            account_id: account.clone(),
            subscriber_id: subscriber.clone(),
            msisdn,
            iccid,
            number_type: number_type.clone(),
            product_type: product_type.clone(),
            status: if pending { "pending".into() } else { "active".into() },
            message_route_id: Some(route.clone()),
            voice_route_id: voice_route.clone(),
            sim_status: Some("Active".into()),
            order_id: Some(order.id.clone()),
            purchased_on: Some(w.now().format("%m/%d/%Y").to_string()),
            message_type: Some(message_type.clone()),
            ..Number::default()
        };
        w.numbers.insert(id.clone(), number.clone());
        if let Some(s) = subscriber.as_ref().and_then(|s| w.subscribers.get_mut(s)) {
            s.phone_numbers.push(number.msisdn.clone());
        }
        order.number_id = Some(id);
        w.orders.insert(order.id.clone(), order.clone());
        w.charge("provision", &did, &order.id, &number.msisdn);
        (order, number)
    });
    let world = ctx.sandbox.snapshot();
    Ok(json!({
        "OrderDate": order.created_at,
        "OrderId": order.id,
        "OrderStatus": render_state(&world, &order.state),
        "PhoneNumberAssigned": number.msisdn,
        "PhoneNumberId": number.id,
        "QRCode": if iccid.is_none() { Some(format!("LPA:1$sandbox.telegent.test${}", number.id)) } else { None },
        "ZipCode": ctx.str_field("ZipCode"),
        "ICCID": number.iccid,
        "ErrorMessage": null,
        "SubscriberId": number.subscriber_id,
    }))
}

fn order_details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let id = ctx.str_field("OrderId").ok_or_else(|| ApiError::required("OrderId"))?;
    let world = ctx.sandbox.snapshot();
    let order = world
        .orders
        .get(&id)
        .filter(|o| o.distributor_id == did)
        .ok_or_else(|| ApiError::not_found("Order"))?;
    Ok(order_json(&world, order))
}

/// The ICCID each line of a status change asks for (`PhoneNumbers[].ICCID`).
fn requested_iccids(input: &Value) -> Vec<(String, String)> {
    get(input, "PhoneNumbers")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| {
                    let number = get(i, "Number")?.as_str()?.trim().to_string();
                    let iccid = get(i, "ICCID")?.as_str()?.trim().to_string();
                    (!iccid.is_empty()).then_some((number, iccid))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A SIM serial no line holds yet (deterministic for the world's seed).
pub(crate) fn fresh_iccid(w: &mut World) -> String {
    loop {
        w.id_counter += 1;
        let candidate = format!("89010{:015}", w.id_counter * 7919 % 1_000_000_000_000_000);
        if !w.numbers.values().any(|n| n.iccid == candidate) {
            return candidate;
        }
    }
}

fn status_change(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let change = ctx.str_field("StatusChange").unwrap_or_default().to_ascii_lowercase();
    let numbers = phone_list(ctx.input, "PhoneNumbers");
    if numbers.is_empty() {
        return Err(ApiError::required("PhoneNumbers"));
    }
    let wanted = requested_iccids(ctx.input);
    // One SIM serves one line: the same ICCID twice, or one another line
    // holds, is refused before anything changes.
    for (i, (_, iccid)) in wanted.iter().enumerate() {
        if wanted[..i].iter().any(|(_, other)| other == iccid) {
            return Err(ApiError::unprocessable(format!(
                "ICCID {iccid} is given for two lines; a SIM serves one line."
            )));
        }
    }
    if !matches!(
        change.as_str(),
        "park" | "activate" | "cancel" | "swap" | "replace" | "swap-sim"
    ) {
        return Err(ApiError::bad_request(
            "The StatusChange field must be one of activate, cancel, swap, swap-sim, replace, park.",
        ));
    }
    if change == "replace" && requested_area(ctx.input).is_empty() {
        return Err(ApiError::required("AreaCode"));
    }
    let mut renumbered: Vec<(String, String)> = Vec::new();
    let order = ctx.sandbox.mutate(|w| {
        let mut ids = Vec::new();
        for msisdn in &numbers {
            let n = number_in_scope(w, &did, msisdn).ok_or_else(|| ApiError::not_found("Number"))?;
            match change.as_str() {
                "park" if n.portout_order.is_some() => {
                    return Err(ApiError::unprocessable(format!(
                        "{msisdn} has a port-out in progress and cannot be parked."
                    )))
                }
                "activate" | "park" if n.status == "cancelled" => {
                    return Err(ApiError::unprocessable(format!(
                        "{msisdn} is cancelled: reactivate it instead."
                    )))
                }
                _ => {}
            }
            // A new number for the line: not while the old one is being
            // ported out, not for a cancelled line.
            if matches!(change.as_str(), "swap" | "replace") {
                if n.portout_order.is_some() {
                    return Err(ApiError::unprocessable(format!(
                        "{msisdn} has a port-out in progress and cannot get a new number."
                    )));
                }
                if n.status == "cancelled" {
                    return Err(ApiError::unprocessable(format!(
                        "{msisdn} is cancelled: reactivate it first."
                    )));
                }
            }
            let swapping = change == "swap-sim";
            if swapping {
                if let (0, reset) = n.swaps(w.now()) {
                    return Err(ApiError::unprocessable(format!(
                        "{msisdn} has no SIM swaps left until {}.",
                        reset.map(|t| t.to_rfc3339()).unwrap_or_default()
                    )));
                }
            }
            if let Some((_, iccid)) = wanted.iter().find(|(number, _)| number == msisdn) {
                if w.numbers
                    .values()
                    .any(|other| other.iccid == *iccid && other.id != n.id)
                {
                    return Err(ApiError::unprocessable(format!(
                        "ICCID {iccid} is already in use by another line."
                    )));
                }
            }
            ids.push(n.id.clone());
        }
        let now = w.now().to_rfc3339();
        for id in &ids {
            let msisdn = w.numbers[id].msisdn.clone();
            if matches!(change.as_str(), "swap" | "replace") {
                // swap: a new number in the line's own area; replace: one in
                // the area asked (AreaCode first, else the ZIP's). The SIM,
                // routes and person stay; the old number is released.
                let area = if change == "swap" {
                    msisdn.get(2..5).unwrap_or_default().to_string()
                } else {
                    requested_area(ctx.input)
                };
                let fresh = free_msisdn(w, &area);
                let n = w.numbers.get_mut(id).expect("checked above");
                n.msisdn = fresh.clone();
                for s in w.subscribers.values_mut() {
                    for number in s.phone_numbers.iter_mut() {
                        if *number == msisdn {
                            *number = fresh.clone();
                        }
                    }
                }
                renumbered.push((msisdn.clone(), fresh));
                continue;
            }
            let swapped = match change.as_str() {
                "park" | "activate" | "cancel" => None,
                // swap-sim: a new SIM for the same line.
                _ => Some(match wanted.iter().find(|(number, _)| *number == msisdn) {
                    Some((_, iccid)) => iccid.clone(),
                    None => fresh_iccid(w),
                }),
            };
            let n = w.numbers.get_mut(id).expect("checked above");
            match change.as_str() {
                "park" => n.status = "parked".into(),
                "activate" => n.status = "active".into(),
                "cancel" => {
                    n.status = "cancelled".into();
                    n.cancelled_at = Some(now.clone());
                }
                _ => {
                    n.iccid = swapped.unwrap_or_default();
                    n.sim_swaps.push(now.clone());
                }
            }
        }
        let account = ids.first().map(|id| w.numbers[id].account_id.clone());
        Ok(new_order(
            w,
            &did,
            account,
            "status",
            "Complete",
            numbers.clone(),
            ctx.input,
        ))
    })?;
    let world = ctx.sandbox.snapshot();
    let rows: Vec<Value> = numbers
        .iter()
        .map(|asked| {
            // A swapped or replaced number answers with its new number.
            let previous = renumbered.iter().find(|(old, _)| old == asked);
            let msisdn = previous.map_or(asked, |(_, new)| new);
            let line = world.numbers.values().find(|n| n.msisdn == *msisdn);
            json!({
                "Number": msisdn,
                "PreviousNumber": previous.map(|(old, _)| old),
                "ICCID": line.map(|n| n.iccid.clone()),
                // An eSIM profile to scan, for the SIM the line now has.
                "QrCode": line.map(super::numbers::qr_activation_link),
            })
        })
        .collect();
    Ok(json!({
        "OrderId": order.id,
        "OrderDate": order.created_at,
        "OrderStatus": "Complete",
        "ChangeType": change,
        "EffectiveDate": ctx.str_field("EffectiveDate"),
        "Numbers": rows,
    }))
}

fn reactivate(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let msisdn = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let n = ctx.sandbox.mutate(|w| {
        let now = w.now();
        let id = number_in_scope(w, &did, &msisdn)
            .map(|n| n.id.clone())
            .ok_or_else(|| ApiError::not_found("Number"))?;
        let n = w.numbers.get_mut(&id).expect("found");
        if n.status != "cancelled" {
            return Err(ApiError::unprocessable("Only a cancelled number can be reactivated."));
        }
        let cancelled = n
            .cancelled_at
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        if cancelled.is_none_or(|t| now.signed_duration_since(t) > chrono::Duration::days(30)) {
            return Err(ApiError::unprocessable(
                "The number was cancelled more than 30 days ago and cannot be reactivated.",
            ));
        }
        n.status = "active".into();
        n.cancelled_at = None;
        Ok(n.clone())
    })?;
    Ok(json!({
        "PhoneNumber": n.msisdn, "AccountId": n.account_id, "Status": "Active",
        "StatusMessage": "Number reactivated.", "ICCID": n.iccid, "Successful": true,
    }))
}

fn update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let msisdn = ctx.str_field("Number").ok_or_else(|| ApiError::required("Number"))?;
    let world = ctx.sandbox.snapshot();
    let existing = number_in_scope(&world, &did, &msisdn)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Number"))?;
    if let Some(r) = ctx.str_field("MessageRouteId") {
        world
            .record_in("message_routes", &did, &r)
            .ok_or_else(|| ApiError::not_found("Message route"))?;
    }
    if let Some(r) = ctx.str_field("VoiceRouteId") {
        world
            .record_in("voice_routes", &did, &r)
            .ok_or_else(|| ApiError::not_found("Voice route"))?;
    }
    let subscriber = ctx.str_field("AssignedSubscriberId");
    if let Some(s) = &subscriber {
        world
            .subscribers
            .get(s)
            .filter(|s| s.account_id == existing.account_id)
            .ok_or_else(|| ApiError::not_found("Subscriber"))?;
    }
    let iccid = ctx.str_field("Iccid");
    if let Some(i) = &iccid {
        if world.numbers.values().any(|n| n.iccid == *i && n.id != existing.id) {
            return Err(ApiError::unprocessable(format!(
                "ICCID {i} is already in use by another line."
            )));
        }
    }
    drop(world);
    let (message_route, voice_route) = (ctx.str_field("MessageRouteId"), ctx.str_field("VoiceRouteId"));
    let (message_type, product_type) = (
        ctx.str_field("MessageType").map(|t| t.to_ascii_lowercase()),
        ctx.str_field("ProductType"),
    );
    let (cnam_first, cnam_last) = (ctx.str_field("CnamFirstName"), ctx.str_field("CnamLastName"));
    let (n, order) = ctx.sandbox.mutate(|w| {
        let n = w.numbers.get_mut(&existing.id).expect("in scope");
        if message_type.is_some() {
            n.message_type = message_type;
        }
        if let Some(p) = product_type {
            n.product_type = p;
        }
        if cnam_first.is_some() {
            n.cnam_first_name = cnam_first;
        }
        if cnam_last.is_some() {
            n.cnam_last_name = cnam_last;
        }
        if message_route.is_some() {
            n.message_route_id = message_route;
        }
        if voice_route.is_some() {
            n.voice_route_id = voice_route;
        }
        if let Some(i) = iccid {
            n.iccid = i;
        }
        let previous = n.subscriber_id.clone();
        if subscriber.is_some() {
            n.subscriber_id = subscriber.clone();
        }
        let n = n.clone();
        // Binding a line to a subscriber moves it between their lists.
        if subscriber.is_some() && previous != subscriber {
            if let Some(p) = previous.and_then(|p| w.subscribers.get_mut(&p)) {
                p.phone_numbers.retain(|x| *x != n.msisdn);
            }
            // Listed once, also when the create already named it.
            if let Some(s) = subscriber.and_then(|s| w.subscribers.get_mut(&s)) {
                if !s.phone_numbers.contains(&n.msisdn) {
                    s.phone_numbers.push(n.msisdn.clone());
                }
            }
        }
        let order = new_order(
            w,
            &did,
            Some(n.account_id.clone()),
            "update",
            "Complete",
            vec![n.msisdn.clone()],
            ctx.input,
        );
        (n, order)
    });
    Ok(json!({
        "Number": n.msisdn, "Tnid": n.id, "UpdateOrderId": order.id, "UpdateOrderDate": order.created_at,
        "UpdateOrderStatus": "Complete", "MessageType": n.message_type.as_deref().unwrap_or("p2p"),
        "MessageEnabled": n.product_type.contains("Sms"),
        "Classification": if n.number_type == "iot" { "IoT" } else { "MVNO" },
        "VoiceEnabled": n.product_type.contains("Voice"),
        "MessageRouteId": n.message_route_id, "VoiceRouteId": n.voice_route_id,
        "Iccid": n.iccid, "CnamFirstName": n.cnam_first_name, "CnamLastName": n.cnam_last_name,
        "ProductType": n.product_type, "AssignedSubscriberId": n.subscriber_id,
    }))
}

fn device_details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let msisdn = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let world = ctx.sandbox.snapshot();
    let n = number_in_scope(&world, did, &msisdn).ok_or_else(|| ApiError::not_found("Number"))?;
    let digits: String = n.msisdn.chars().filter(char::is_ascii_digit).collect();
    Ok(json!({
        "AccountId": n.account_id, "PhoneNumber": n.msisdn,
        "NumberType": if n.number_type == "iot" { "IoT" } else { "Mobile" },
        "IMEI": format!("35{:0>13}", &digits[digits.len().saturating_sub(13)..]),
        "DeviceModel": if n.number_type == "iot" { "Quectel" } else { "Google" },
        "DeviceName": if n.number_type == "iot" { "Quectel BG95 tracker" } else { "Google Pixel 9" },
        "TAC": "35290611", "Status": "Success", "StatusMessage": "",
    }))
}

fn refresh_nnid(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let msisdn = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let world = ctx.sandbox.snapshot();
    let n = number_in_scope(&world, did, &msisdn).ok_or_else(|| ApiError::not_found("Number"))?;
    Ok(json!({ "PhoneNumber": n.msisdn, "NNID": format!("NNID-{}", &n.id[4..12]), "Successful": true }))
}

/// What the magic last digit of a port-in number decides.
fn portin_outcome(number: &str) -> &'static str {
    match number.chars().last() {
        Some('7') => "correctable",
        Some('8') => "hard",
        Some('9') => "ineligible",
        Some('6') => "wireline",
        _ => "ok",
    }
}

fn portin_eligibility(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let number = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let world = ctx.sandbox.snapshot();
    let (eligible, message) = if portin_outcome(&number) == "ineligible" {
        (
            false,
            "Number is not portable: the current carrier does not allow port-out for this line.",
        )
    } else if world
        .numbers
        .values()
        .any(|n| n.msisdn == number && n.status != "cancelled")
    {
        (false, "Number is already on the Telegent platform.")
    } else if open_portin(&world, did, &number).is_some() {
        (false, "A port-in for this number is already open.")
    } else {
        (true, "Number is eligible for port-in")
    };
    // The kind of line at the losing carrier: a wireline port needs a date.
    let number_type = if portin_outcome(&number) == "wireline" {
        "wireline"
    } else {
        "wireless"
    };
    Ok(
        json!({ "PhoneNumber": number, "Eligible": eligible, "CurrentCarrier": "Sandbox Wireless", "NumberType": number_type, "Message": message }),
    )
}

fn open_portin<'w>(world: &'w World, did: &str, number: &str) -> Option<&'w Order> {
    world.orders.values().find(|o| {
        o.distributor_id == did
            && o.order_type == "portin"
            && o.numbers.iter().any(|n| n == number)
            && !matches!(o.state.as_str(), "Complete" | "Cancelled")
    })
}

fn portin_submit(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let account = crate::accounts::owning_account(ctx)?;
    let number = ctx
        .str_field("PortInNumber")
        .ok_or_else(|| ApiError::required("PortInNumber"))?;
    if portin_outcome(&number) == "ineligible" {
        return Err(ApiError::unprocessable(
            "Number is not portable. Check eligibility first.",
        ));
    }
    let order = ctx.sandbox.mutate(|w| {
        if open_portin(w, &did, &number).is_some() {
            return Err(ApiError::unprocessable(
                "A port-in for this number is already open. Update or cancel it.",
            ));
        }
        let order = new_order(
            w,
            &did,
            Some(account.clone()),
            "portin",
            "Pending",
            vec![number.clone()],
            ctx.input,
        );
        w.charge("portin", &did, &order.id, &number);
        Ok(order)
    })?;
    let world = ctx.sandbox.snapshot();
    Ok(json!({
        "OrderId": order.id, "OrderDate": order.created_at, "Status": render_state(&world, &order.state),
        "PhoneNumber": number, "ICCID": ctx.str_field("ICCID"),
    }))
}

fn portin_in_scope(ctx: &Ctx<'_>) -> Result<Order, ApiError> {
    let did = ctx.distributor_id()?;
    let id = ctx.str_field("OrderId").ok_or_else(|| ApiError::required("OrderId"))?;
    let world = ctx.sandbox.snapshot();
    world
        .orders
        .get(&id)
        .filter(|o| o.distributor_id == did && o.order_type == "portin")
        .cloned()
        .ok_or_else(|| ApiError::not_found("Order"))
}

fn portin_update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let order = portin_in_scope(ctx)?;
    if matches!(order.state.as_str(), "Complete" | "Cancelled" | "Rejected") {
        return Err(ApiError::unprocessable(format!(
            "The order is {} and can no longer be updated.",
            order.state
        )));
    }
    let changes: Map<String, Value> = ctx.input.as_object().cloned().unwrap_or_default();
    ctx.sandbox.mutate(|w| {
        let now = w.now().to_rfc3339();
        let o = w.orders.get_mut(&order.id).expect("in scope");
        for (k, v) in changes {
            if !k.eq_ignore_ascii_case("OrderId") {
                o.request.insert(k, v);
            }
        }
        // A correction puts a correctable rejection back in the queue.
        if o.state == "ResolutionRequired" {
            o.state = "Pending".into();
            o.status_message = String::new();
            o.request.insert("Corrected".into(), json!(true));
            o.changed_at = now;
        }
    });
    Ok(json!({ "OrderId": order.id, "Status": "Updated", "Message": "Port-in order updated successfully" }))
}

fn portin_cancel(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let order = portin_in_scope(ctx)?;
    if matches!(order.state.as_str(), "Complete" | "Cancelled") {
        return Err(ApiError::unprocessable(format!(
            "The order is {} and cannot be cancelled.",
            order.state
        )));
    }
    ctx.sandbox.mutate(|w| {
        let now = w.now().to_rfc3339();
        let o = w.orders.get_mut(&order.id).expect("in scope");
        o.state = "Cancelled".into();
        o.changed_at = now;
    });
    Ok(json!({ "OrderId": order.id, "Status": "Cancelled" }))
}

fn portout(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let msisdn = ctx
        .str_field("PortOutNumber")
        .ok_or_else(|| ApiError::required("PortOutNumber"))?;
    let pin = ctx.str_field("PortOutPIN").unwrap_or_default();
    if !(4..=10).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(ApiError::bad_request("The PortOutPIN field must be 4 to 10 digits."));
    }
    let order = ctx.sandbox.mutate(|w| {
        let id = number_in_scope(w, &did, &msisdn)
            .map(|n| n.id.clone())
            .ok_or_else(|| ApiError::not_found("Number"))?;
        if w.numbers[&id].portout_order.is_some() {
            return Err(ApiError::unprocessable(
                "A port-out for this number is already in progress.",
            ));
        }
        let account = w.numbers[&id].account_id.clone();
        let order = new_order(
            w,
            &did,
            Some(account),
            "portout",
            "Pending",
            vec![msisdn.clone()],
            ctx.input,
        );
        w.numbers.get_mut(&id).expect("found").portout_order = Some(order.id.clone());
        w.charge("portout", &did, &order.id, &msisdn);
        Ok(order)
    })?;
    Ok(json!({ "OrderId": order.id, "OrderDate": order.created_at, "Status": "Pending", "PhoneNumber": msisdn }))
}

fn sim_set(ctx: &Ctx<'_>, status: Option<String>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let iccid = ctx.str_field("ICCID").ok_or_else(|| ApiError::required("ICCID"))?;
    let shown = status.clone().unwrap_or_else(|| "Empty".into());
    ctx.sandbox.mutate(|w| {
        let id = w
            .numbers
            .values()
            .find(|n| n.iccid == iccid && w.account_in(&did, &n.account_id).is_some())
            .map(|n| n.id.clone())
            .ok_or_else(|| ApiError::not_found("SIM"))?;
        w.numbers.get_mut(&id).expect("found").sim_status = status;
        Ok::<_, ApiError>(())
    })?;
    Ok(json!({ "ICCID": iccid, "SimStatus": shown, "Successful": true }))
}

fn sim_update(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let status = ctx.str_field("SimStatus").unwrap_or_else(|| "Active".into());
    sim_set(ctx, Some(status))
}

fn sim_clear(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    sim_set(ctx, None)
}

/// Moves time-driven state forward to the sandbox's `now`: pending
/// provisioning completes after two minutes; port-ins go Pending → InProgress
/// (after an hour) → Complete (after a day), unless their magic number rejects
/// them; port-outs complete after a day (the line leaves the platform).
pub fn tick(w: &mut World) {
    let now = w.now();
    let age = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|t| now.signed_duration_since(t))
            .unwrap_or_default()
    };
    let ids: Vec<String> = w.orders.keys().cloned().collect();
    for id in ids {
        let o = w.orders[&id].clone();
        let since = age(&o.changed_at);
        let (next, message) = match (o.order_type.as_str(), o.state.as_str()) {
            ("provision", "Pending") if since >= chrono::Duration::minutes(2) => ("Complete", ""),
            ("portin", "Pending") if since >= chrono::Duration::hours(1) => {
                let corrected = o.request.contains_key("Corrected");
                match portin_outcome(o.numbers.first().map_or("", String::as_str)) {
                    "correctable" if !corrected => ("ResolutionRequired", "8A-ACCOUNT_NUM_REQ_OR_INCORRECT"),
                    "wireline" if !o.request.contains_key("PortInDate") => (
                        "ResolutionRequired",
                        "7C-PORT_IN_DATE_REQUIRED: a wireline port needs a port-in date",
                    ),
                    "hard" => (
                        "Rejected",
                        "6F-PORT_OUT_PROTECTION_HOLD: the losing carrier has a hold on this number",
                    ),
                    _ => ("InProgress", ""),
                }
            }
            ("portin", "InProgress") if since >= chrono::Duration::hours(24) => ("Complete", ""),
            ("portout", "Pending") if since >= chrono::Duration::hours(24) => ("Complete", ""),
            _ => continue,
        };
        let o = w.orders.get_mut(&id).expect("listed");
        o.state = next.into();
        o.status_message = message.into();
        o.changed_at = now.to_rfc3339();
        let o = o.clone();
        if next == "Complete" {
            complete(w, &o);
        }
    }
}

fn complete(w: &mut World, o: &Order) {
    match o.order_type.as_str() {
        "provision" => {
            if let Some(n) = o.number_id.as_ref().and_then(|id| w.numbers.get_mut(id)) {
                n.status = "active".into();
            }
        }
        "portin" => {
            let Some(account) = o.account_id.clone() else { return };
            let msisdn = o.numbers.first().cloned().unwrap_or_default();
            let id = w.new_id("NID");
            let iccid = o
                .request
                .get("ICCID")
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| format!("89010{:015}", w.id_counter));
            w.numbers.insert(
                id.clone(),
                Number {
                    id: id.clone(),
                    account_id: account,
                    msisdn,
                    iccid,
                    number_type: o
                        .request
                        .get("TargetPortinClassification")
                        .and_then(Value::as_str)
                        .unwrap_or("mvno")
                        .to_ascii_lowercase(),
                    product_type: "Sms+Data+Voice".into(),
                    status: "active".into(),
                    sim_status: Some("Active".into()),
                    order_id: Some(o.id.clone()),
                    purchased_on: Some(w.now().format("%m/%d/%Y").to_string()),
                    message_type: Some("p2p".into()),
                    ..Number::default()
                },
            );
            if let Some(order) = w.orders.get_mut(&o.id) {
                order.number_id = Some(id);
            }
        }
        "portout" => {
            let msisdn = o.numbers.first().cloned().unwrap_or_default();
            w.numbers.retain(|_, n| n.msisdn != msisdn);
            for s in w.subscribers.values_mut() {
                s.phone_numbers.retain(|n| *n != msisdn);
            }
        }
        _ => {}
    }
}
