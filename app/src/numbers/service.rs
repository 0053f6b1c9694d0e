//! Number services.

use serde_json::{json, Value};

use crate::ssr::db::DbPool;
use crate::ssr::intents::{submit_once, Billable};

use crate::error::AppError;
use crate::ssr::Tenant;

/// The MSISDNs of an account's inventory, read fresh from the platform.
async fn inventory(tenant: &Tenant, account_id: &str) -> Result<Vec<String>, AppError> {
    tenant.client.invalidate_reads("/v1.0/numbers/inventory");
    let page: Value = tenant
        .client
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
    pool: &DbPool,
    tenant: &Tenant,
    intent_key: &str,
    account_id: &str,
    request: &Value,
) -> Result<Value, AppError> {
    let before = inventory(tenant, account_id).await?;
    let mut body = request.clone();
    body["AccountId"] = json!(account_id);
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "provision",
        path: "/v1.0/numbers/provision",
        body: &body,
    };
    let answer = submit_once(pool, &tenant.client, call, || async {
        let now = inventory(tenant, account_id).await?;
        let claimed = crate::ssr::intents::succeeded_answers_field(pool, "provision", "PhoneNumberAssigned").await?;
        let new = now.into_iter().find(|n| !before.contains(n) && !claimed.contains(n));
        Ok(new.map(|number| json!({ "PhoneNumberAssigned": number, "OrderStatus": "Complete", "Reconciled": true })))
    })
    .await?;
    tenant.client.invalidate_reads("/v1.0/numbers");
    Ok(answer)
}

/// Submits a port-in at most once per `intent_key`. An unconfirmed submit is
/// reconciled with an eligibility check: the platform refuses a second open
/// port-in for a number, so "already open" means ours went through.
pub async fn submit_port_in(
    pool: &DbPool,
    tenant: &Tenant,
    intent_key: &str,
    account_id: &str,
    request: &Value,
) -> Result<Value, AppError> {
    let number = request["PortInNumber"].as_str().unwrap_or_default().to_string();
    let mut body = request.clone();
    body["AccountId"] = json!(account_id);
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "portin",
        path: "/v1.0/numbers/portin",
        body: &body,
    };
    submit_once(pool, &tenant.client, call, || async {
        let check = json!({ "PhoneNumber": number, "TargetClassification": request["TargetPortinClassification"].as_str().unwrap_or("mvno") });
        let answer: Value = tenant.client.post("/v1.0/numbers/portin/eligibility", &check, telegent::Safety::Safe).await?;
        let open = answer["Message"].as_str().is_some_and(|m| m.to_lowercase().contains("already open"));
        Ok(open.then(|| json!({ "PhoneNumber": number, "Status": "Pending", "Reconciled": true })))
    })
    .await
}

/// Requests a port-out PIN at most once per `intent_key`. The API offers no
/// read that shows a port-out without its order ID, so an unconfirmed request
/// stays unconfirmed (and is never resent) until someone checks with Telegent.
pub async fn port_out(pool: &DbPool, tenant: &Tenant, intent_key: &str, request: &Value) -> Result<Value, AppError> {
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "portout",
        path: "/v1.0/numbers/portout",
        body: request,
    };
    submit_once(pool, &tenant.client, call, || async {
        Err::<Option<Value>, _>(AppError::Upstream(
            "Telegent did not confirm the port-out request. Check with Telegent support before asking again.".into(),
        ))
    })
    .await
}
