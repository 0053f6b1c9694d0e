//! Number services.

use serde_json::{json, Value};
use telegent::ops::numbers::{PortInRequest, PortOutRequest, ProvisionRequest};

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
    request: &ProvisionRequest,
) -> Result<Value, AppError> {
    // On a retry the inventory may already hold this intent's number, so what
    // is "new" cannot be told any more: an unconfirmed order is then never
    // sent again automatically (it stays unconfirmed until someone checks).
    let retry = crate::ssr::intents::exists(pool, &tenant.distributor_id, intent_key).await?;
    let before = inventory(tenant, account_id).await?;
    let request = ProvisionRequest {
        account_id: Some(account_id.to_string()),
        ..request.clone()
    };
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "provision",
        request: &request,
    };
    let answer = submit_once(pool, &tenant.client, call, || async {
        let now = inventory(tenant, account_id).await?;
        let claimed = crate::ssr::intents::succeeded_answers_field(
            pool,
            &tenant.distributor_id,
            "provision",
            "PhoneNumberAssigned",
        )
        .await?;
        let new = now.into_iter().find(|n| !before.contains(n) && !claimed.contains(n));
        if new.is_none() && retry {
            return Err(AppError::Upstream(
                "This order was not confirmed by Telegent and could not be matched to a number. \
                 It will not be sent again: check the Account's numbers, or ask Telegent support."
                    .into(),
            ));
        }
        Ok(new.map(|number| json!({ "PhoneNumberAssigned": number, "OrderStatus": "Complete", "Reconciled": true })))
    })
    .await?;
    tenant.client.invalidate_reads("/v1.0/numbers");
    crate::read_model::orders::submitted(pool, &tenant.distributor_id, account_id, "provision", &answer).await;
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
    request: &PortInRequest,
) -> Result<Value, AppError> {
    let number = request.port_in_number.clone();
    let classification = request
        .target_portin_classification
        .clone()
        .unwrap_or_else(|| "mvno".into());
    let request = PortInRequest {
        account_id: Some(account_id.to_string()),
        ..request.clone()
    };
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "portin",
        request: &request,
    };
    let answer = submit_once(pool, &tenant.client, call, || async {
        let check = json!({ "PhoneNumber": number, "TargetClassification": classification });
        let answer: Value = tenant
            .client
            .post("/v1.0/numbers/portin/eligibility", &check, telegent::Safety::Safe)
            .await?;
        // Eligible again: the submit did not land, it may be sent. Not
        // eligible because a port-in is open: ours went through. Anything
        // else (another reason, an answer not understood): unconfirmed,
        // never sent again blindly.
        let open = answer["Message"]
            .as_str()
            .is_some_and(|m| m.to_lowercase().contains("already open"));
        match (answer["Eligible"].as_bool(), open) {
            (Some(true), _) => Ok(None),
            (Some(false), true) => Ok(Some(
                json!({ "PhoneNumber": number, "Status": "Pending", "Reconciled": true }),
            )),
            _ => Err(AppError::Upstream(
                "Telegent did not confirm this port-in and its state could not be read. It will not be sent \
                 again automatically: check with Telegent support, or submit again in a few minutes."
                    .into(),
            )),
        }
    })
    .await?;
    // A reconciled submit has no order ID to ask after: it is not listed.
    crate::read_model::orders::submitted(pool, &tenant.distributor_id, account_id, "portin", &answer).await;
    Ok(answer)
}

/// Requests a port-out PIN at most once per `intent_key`. The API offers no
/// read that shows a port-out without its order ID, so an unconfirmed request
/// stays unconfirmed (and is never resent) until someone checks with Telegent.
pub async fn port_out(
    pool: &DbPool,
    tenant: &Tenant,
    intent_key: &str,
    request: &PortOutRequest,
) -> Result<Value, AppError> {
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "portout",
        request,
    };
    submit_once(pool, &tenant.client, call, || async {
        Err::<Option<Value>, _>(AppError::Upstream(
            "Telegent did not confirm the port-out request. Check with Telegent support before asking again.".into(),
        ))
    })
    .await
}
