//! Number services.

use serde_json::{json, Value};

use super::intents::{submit_once, Billable};
use super::{AppState, RequestContext};
use crate::error::AppError;

/// The MSISDNs of an account's inventory, read fresh from the platform.
async fn inventory(state: &AppState, account_id: &str) -> Result<Vec<String>, AppError> {
    state.telegent.invalidate_reads("/v1.0/numbers/inventory");
    let page: Value = state
        .telegent
        .get_cached(
            "/v1.0/numbers/inventory",
            &[("AccountId", account_id), ("TotalNumbersRequested", "500")],
        )
        .await?;
    Ok(page["PhoneNumbers"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["Number"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// Provisions one number into `account_id`, at most once per `intent_key`.
/// An unconfirmed order is reconciled against the account's inventory: a
/// number that appeared since the request was prepared, and that no other
/// intent has claimed, is this order's.
pub async fn provision(
    state: &AppState,
    ctx: &RequestContext,
    intent_key: &str,
    account_id: &str,
    request: &Value,
) -> Result<Value, AppError> {
    let before = inventory(state, account_id).await?;
    let mut body = request.clone();
    body["AccountId"] = json!(account_id);
    let call = Billable {
        intent_key,
        distributor_id: &ctx.distributor_id,
        operation: "provision",
        path: "/v1.0/numbers/provision",
        body: &body,
    };
    let answer = submit_once(&state.pool, &state.telegent, call, || async {
        let now = inventory(state, account_id).await?;
        let claimed: Vec<(Option<String>,)> = sqlx::query_as(
            "SELECT json_extract(response_json, '$.PhoneNumberAssigned') FROM billable_intents \
             WHERE operation = 'provision' AND state = 'succeeded' AND response_json IS NOT NULL",
        )
        .fetch_all(&state.pool)
        .await
        .map_err(|_| AppError::Internal)?;
        let new = now
            .into_iter()
            .find(|n| !before.contains(n) && !claimed.iter().any(|(c,)| c.as_deref() == Some(n.as_str())));
        Ok(new.map(|number| json!({ "PhoneNumberAssigned": number, "OrderStatus": "Complete", "Reconciled": true })))
    })
    .await?;
    state.telegent.invalidate_reads("/v1.0/numbers");
    Ok(answer)
}
