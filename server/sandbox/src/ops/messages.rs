//! Messaging: outbound SMS/MMS (billable, queued then delivered), details,
//! search and filter by number, device delivery reports; and account schedules.

use serde_json::{json, Value};

use super::{phone_list, Handler};
use crate::api::{ApiError, Ctx};
use crate::validate::get;
use crate::world::{Message, World};

pub fn handler(key: &str) -> Option<Handler> {
    Some(match key {
        "POST /v1.0/message/outbound" => outbound,
        "GET /v1.0/message/details" => details,
        "GET /v1.0/message/search" => search,
        "GET /v1.0/message/filter" => filter,
        "POST /v1.0/message/device-delivery" => device_delivery,
        "GET /v1.0/account/schedules" => schedules,
        _ => return None,
    })
}

/// Messages are queued on send and delivered after a minute of sandbox time.
fn status_of(world: &World, m: &Message) -> &'static str {
    let sent = chrono::DateTime::parse_from_rfc3339(&m.created_at).ok();
    match sent {
        Some(t) if world.now().signed_duration_since(t) >= chrono::Duration::minutes(1) => "Delivered",
        _ => "Queued",
    }
}

fn message_json(world: &World, m: &Message) -> Value {
    json!({
        "MessageId": m.id,
        "Direction": "Outbound",
        "Type": "p2p",
        "CampaignId": m.campaign_id,
        "Cost": 0.0045,
        "Status": status_of(world, m),
        "To": m.to.iter().map(|n| json!({ "Number": n })).collect::<Vec<_>>(),
        "From": m.from,
        "Owner": m.from,
        "Body": m.body,
        "CreatedOn": m.created_at,
        "MessageType": if m.media.is_empty() && m.inline_media.is_empty() { "sms" } else { "mms" },
        "MmsMedia": m.media,
        "MmsBase64": m.inline_media,
    })
}

fn outbound(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?.to_string();
    let from = ctx.str_field("From").ok_or_else(|| ApiError::required("From"))?;
    let to = phone_list(ctx.input, "To");
    if to.is_empty() {
        return Err(ApiError::required("To"));
    }
    let body = ctx.str_field("Body").ok_or_else(|| ApiError::required("Body"))?;
    let world = ctx.sandbox.snapshot();
    // The sender must be one of the caller's active lines.
    let owned = world
        .numbers
        .values()
        .any(|n| n.msisdn == from && n.status == "active" && world.account_in(&did, &n.account_id).is_some());
    if !owned {
        return Err(ApiError::not_found("From number"));
    }
    drop(world);
    let media = get(ctx.input, "MmsMedia")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let inline_media = get(ctx.input, "MmsBase64")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let campaign_id = ctx.str_field("CampaignId");
    let message = ctx.sandbox.mutate(|w| {
        let m = Message {
            id: w.new_id("TMID"),
            distributor_id: did.clone(),
            from,
            to,
            body,
            media,
            inline_media,
            campaign_id,
            created_at: w.now().to_rfc3339(),
            status: "Queued".into(),
        };
        w.messages.insert(m.id.clone(), m.clone());
        w.charge("message", &did, &m.id, &m.to.join(","));
        m
    });
    Ok(message_json(&ctx.sandbox.snapshot(), &message))
}

fn message_in_scope(ctx: &Ctx<'_>) -> Result<(std::sync::Arc<World>, Message), ApiError> {
    let did = ctx.distributor_id()?;
    let id = ctx
        .str_field("MessageId")
        .ok_or_else(|| ApiError::required("MessageId"))?;
    let world = ctx.sandbox.snapshot();
    let m = world
        .messages
        .get(&id)
        .filter(|m| m.distributor_id == did)
        .cloned()
        .ok_or_else(|| ApiError::not_found("Message"))?;
    Ok((world, m))
}

fn details(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let (world, m) = message_in_scope(ctx)?;
    let mut out = message_json(&world, &m);
    out["To"] = json!(m.to.first());
    out["Region"] = json!("United States");
    Ok(out)
}

fn device_delivery(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let (world, m) = message_in_scope(ctx)?;
    let delivered = status_of(&world, &m) == "Delivered";
    Ok(json!({
        "MessageId": m.id,
        "DeviceDeliveryStatus": if delivered { "Delivered" } else { "Pending" },
        "DeliveredOn": if delivered { Some(m.created_at.clone()) } else { None },
        "DeviceType": "mobile",
    }))
}

/// The caller's messages sent from or to `number`, newest first, paged.
fn matching(ctx: &Ctx<'_>, number: &str) -> Result<(std::sync::Arc<World>, Vec<Message>), ApiError> {
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    let mut found: Vec<Message> = world
        .messages
        .values()
        .filter(|m| m.distributor_id == did && (m.from == number || m.to.iter().any(|t| t == number)))
        .cloned()
        .collect();
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    Ok((world, found))
}

fn paging(ctx: &Ctx<'_>) -> (usize, usize) {
    let page = ctx
        .str_field("Page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1usize)
        .max(1);
    let results = ctx
        .str_field("Results")
        .and_then(|p| p.parse().ok())
        .unwrap_or(25usize)
        .clamp(1, 500);
    (page, results)
}

/// A message as search documents it: `MessageID`, `CampaignID` and the cost
/// as text ("$0.0045"), where send and details say `MessageId` and a number.
fn search_row(world: &World, m: &Message) -> Value {
    let mut row = message_json(world, m);
    if let Some(map) = row.as_object_mut() {
        for (from, to) in [("MessageId", "MessageID"), ("CampaignId", "CampaignID")] {
            let value = map.remove(from).unwrap_or(Value::Null);
            map.insert(to.into(), value);
        }
        let cost = map.get("Cost").and_then(Value::as_f64).unwrap_or_default();
        map.insert("Cost".into(), json!(format!("${cost:.4}")));
    }
    row
}

fn search(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let number = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let (world, found) = matching(ctx, &number)?;
    let (page, results) = paging(ctx);
    let rows: Vec<Value> = found
        .iter()
        .skip((page - 1) * results)
        .take(results)
        .map(|m| search_row(&world, m))
        .collect();
    Ok(json!({
        "PhoneNumber": number,
        "ResultsTotalRecords": found.len(),
        "ResultsPages": found.len().div_ceil(results),
        "Results": rows,
    }))
}

fn filter(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let number = ctx
        .str_field("PhoneNumber")
        .ok_or_else(|| ApiError::required("PhoneNumber"))?;
    let (world, found) = matching(ctx, &number)?;
    let (page, results) = paging(ctx);
    let rows: Vec<Value> = found
        .iter()
        .skip((page - 1) * results)
        .take(results)
        .map(|m| {
            json!({
                "MessageId": m.id, "From": m.from, "To": m.to.first(), "Body": m.body,
                "Direction": "outbound", "Status": status_of(&world, m).to_ascii_lowercase(), "CreatedAt": m.created_at,
            })
        })
        .collect();
    Ok(json!({ "Messages": rows, "Page": page, "Results": results, "Total": found.len() }))
}

/// Schedules have no create operation in the reference: they are set up by
/// Telegent. The sandbox seeds none, so the list is read from its state.
fn schedules(ctx: &Ctx<'_>) -> Result<Value, ApiError> {
    let did = ctx.distributor_id()?;
    let account = ctx.account_scope()?;
    let world = ctx.sandbox.snapshot();
    let rows: Vec<Value> = world
        .collection("schedules")
        .filter(|(_, r)| r.distributor_id == did)
        .filter(|(_, r)| account.is_none() || r.account_id == account)
        .map(|(_, r)| Value::Object(r.fields.clone()))
        .collect();
    Ok(json!({ "AccountID": account, "TotalSchedules": rows.len(), "Results": rows }))
}
