//! Stateful handlers for the operations that are more than CRUD: subscribers,
//! AI Guardian, numbers, data limits, voicemail.

mod data_usage;
mod guardian;
mod lifecycle;
mod messages;
mod numbers;
mod subscribers;
mod voicemail;

use serde_json::Value;

use crate::api::{ApiError, Ctx};

pub use subscribers::subscriber_json;

type Handler = fn(&Ctx<'_>) -> Result<Value, ApiError>;

pub fn handler(key: &str) -> Option<Handler> {
    subscribers::handler(key)
        .or_else(|| guardian::handler(key))
        .or_else(|| numbers::handler(key))
        .or_else(|| data_usage::handler(key))
        .or_else(|| voicemail::handler(key))
        .or_else(|| lifecycle::handler(key))
        .or_else(|| messages::handler(key))
}

pub use data_usage::accrue;
pub use lifecycle::tick;

/// The subscriber named by `field`, when it is in the caller's Distributor.
pub(crate) fn subscriber_in_scope(ctx: &Ctx<'_>, field: &str) -> Result<crate::world::Subscriber, ApiError> {
    let did = ctx.distributor_id()?;
    let id = ctx.str_field(field).ok_or_else(|| ApiError::required(field))?;
    let world = ctx.sandbox.snapshot();
    world
        .subscribers
        .get(&id)
        .filter(|s| world.account_in(did, &s.account_id).is_some())
        .cloned()
        .ok_or_else(|| ApiError::not_found("Subscriber"))
}

/// A list of phone numbers in a body field: strings or `{Number}` objects.
pub(crate) fn phone_list(input: &Value, field: &str) -> Vec<String> {
    crate::validate::get(input, field)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Object(_) => crate::validate::get(i, "Number")
                        .and_then(Value::as_str)
                        .map(|s| s.trim().to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}
