//! Outbound messages, sent at most once per intent.

use serde_json::Value;

use crate::ssr::db::DbPool;
use crate::ssr::intents::{submit_once, Billable};

use crate::error::AppError;
use crate::ssr::Tenant;

/// Sends a message at most once per `intent_key`. An unconfirmed send is
/// reconciled by searching the sender's messages for this body and recipients.
pub async fn send(pool: &DbPool, tenant: &Tenant, intent_key: &str, request: &Value) -> Result<Value, AppError> {
    let from = request["From"].as_str().unwrap_or_default().to_string();
    let body = request["Body"].as_str().unwrap_or_default().to_string();
    let recipients: Vec<String> = request["To"]
        .as_array()
        .map(|to| {
            to.iter()
                .filter_map(|t| t["Number"].as_str().or(t.as_str()).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "message",
        path: "/v1.0/message/outbound",
        body: request,
    };
    submit_once(pool, &tenant.client, call, || async {
        tenant.client.invalidate_reads("/v1.0/message/search");
        let found: Value = tenant
            .client
            .get_cached("/v1.0/message/search", &[("PhoneNumber", from.as_str()), ("Page", "1")])
            .await?;
        let claimed = crate::ssr::intents::succeeded_answers_field(pool, "message", "MessageId").await?;
        let ours = found["Results"].as_array().into_iter().flatten().find(|m| {
            let id = m["MessageId"].as_str().or(m["MessageID"].as_str());
            let to: Vec<&str> = m["To"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["Number"].as_str())
                .collect();
            m["Body"].as_str() == Some(body.as_str())
                && to == recipients.iter().map(String::as_str).collect::<Vec<_>>()
                && !id.is_some_and(|id| claimed.iter().any(|c| c == id))
        });
        Ok(ours.cloned())
    })
    .await
}
