//! The one rule for the Account a new thing belongs to, used by every
//! Account-scoped create (routes, workgroups, webhooks, subscriptions,
//! features, thresholds, provisioning, port-in) and by `account/update`:
//!
//! 1. `AccountId` when the request sends it (another Distributor's is a 404);
//! 2. else the Account of the subscriber or number the request names
//!    (`SubscriberId`, `AssignedSubscriberId`, `PhoneNumber`, `TNID`…);
//! 3. else the Distributor's default Account: the first one it created.

use serde_json::Value;

use crate::api::{ApiError, Ctx};
use crate::world::World;

/// Fields naming a subscriber whose Account a new thing joins.
const SUBSCRIBER_FIELDS: &[&str] = &[
    "SubscriberId",
    "AssignedSubscriberId",
    "ParentSubscriberId",
    "ChildSubscriberId",
];

/// Fields naming a number (MSISDN or `NID-`) whose Account a new thing joins.
const NUMBER_FIELDS: &[&str] = &["PhoneNumber", "Number", "Phone", "PortOutNumber", "TNID"];

pub fn owning_account(ctx: &Ctx<'_>) -> Result<String, ApiError> {
    if let Some(id) = ctx.account_scope()? {
        return Ok(id);
    }
    let did = ctx.distributor_id()?;
    let world = ctx.sandbox.snapshot();
    named_account(&world, did, ctx.input)
        .or_else(|| default_account(&world, did))
        .ok_or_else(|| {
            ApiError::unprocessable("The distributor has no account yet: create one with POST /v1.0/account/create.")
        })
}

fn named_account(world: &World, did: &str, input: &Value) -> Option<String> {
    let text = |name: &str| {
        crate::validate::get(input, name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let mine = |account: &str| world.account_in(did, account).is_some();
    let by_subscriber = SUBSCRIBER_FIELDS.iter().filter_map(|f| text(f)).find_map(|id| {
        world
            .subscribers
            .get(id)
            .map(|s| s.account_id.clone())
            .filter(|a| mine(a))
    });
    by_subscriber.or_else(|| {
        NUMBER_FIELDS.iter().filter_map(|f| text(f)).find_map(|n| {
            world
                .numbers
                .values()
                .find(|x| (x.msisdn == n || x.id == n) && mine(&x.account_id))
                .map(|x| x.account_id.clone())
        })
    })
}

/// The Distributor's first Account (by creation; by ID for state saved
/// before creation order was kept).
pub fn default_account(world: &World, did: &str) -> Option<String> {
    world
        .accounts_of(did)
        .min_by(|a, b| a.created_seq.cmp(&b.created_seq).then_with(|| a.id.cmp(&b.id)))
        .map(|a| a.id.clone())
}
