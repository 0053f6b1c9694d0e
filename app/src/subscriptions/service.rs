//! Subscriptions (one per number), created at most once per intent.

use serde_json::Value;
use telegent::ops::catalog::SubscriptionCreateRequest;

use crate::ssr::db::DbPool;
use crate::ssr::intents::{submit_once, Billable};

use crate::error::AppError;
use crate::ssr::Tenant;

/// Creates a subscription at most once per `intent_key`. An unconfirmed create
/// is reconciled by looking for the number's subscription: there can be only one.
pub async fn create(
    pool: &DbPool,
    tenant: &Tenant,
    account_id: &str,
    intent_key: &str,
    request: &SubscriptionCreateRequest,
) -> Result<Value, AppError> {
    let tnid = request.tnid.clone().unwrap_or_default();
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "subscription",
        request,
    };
    let answer = submit_once(pool, &tenant.client, call, || async {
        tenant.client.invalidate_reads("/v1.0/account/subscriptions");
        // Named by Account: a Distributor with several must name one.
        let list: Value = tenant
            .client
            .get_cached("/v1.0/account/subscriptions", &[("AccountId", account_id)])
            .await?;
        let rows = list["Results"]
            .as_array()
            .cloned()
            .or_else(|| list.as_array().cloned())
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            // An active one: a cancelled subscription of the number is not this order.
            .find(|s| {
                !tnid.is_empty() && s["TNID"].as_str() == Some(tnid.as_str()) && s["Active"].as_bool() != Some(false)
            }))
    })
    .await?;
    tenant.client.invalidate_reads("/v1.0/account/subscriptions");
    crate::read_model::write_through::subscription_saved(pool, &tenant.distributor_id, &answer).await;
    Ok(answer)
}
