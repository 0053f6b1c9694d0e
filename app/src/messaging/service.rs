//! Outbound messages, sent at most once per intent.

use serde_json::Value;
use telegent::ops::messages::OutboundMessageRequest;

use crate::ssr::db::DbPool;
use crate::ssr::intents::{submit_once, Billable};

use crate::error::AppError;
use crate::ssr::Tenant;

/// Sends a message at most once per `intent_key`. An unconfirmed send is
/// reconciled by searching the sender's messages for this body and recipients.
pub async fn send(
    pool: &DbPool,
    tenant: &Tenant,
    intent_key: &str,
    request: &OutboundMessageRequest,
) -> Result<Value, AppError> {
    let from = request.from.clone();
    let body = request.body.clone();
    let recipients: Vec<String> = request.to.iter().map(|t| t.number.clone()).collect();
    let call = Billable {
        intent_key,
        distributor_id: &tenant.distributor_id,
        operation: "message",
        request,
    };
    submit_once(pool, &tenant.client, call, || async {
        tenant.client.invalidate_reads("/v1.0/message/search");
        let found: Value = tenant
            .client
            .get_cached("/v1.0/message/search", &[("PhoneNumber", from.as_str()), ("Page", "1")])
            .await?;
        let claimed =
            crate::ssr::intents::succeeded_answers_field(pool, &tenant.distributor_id, "message", "MessageId").await?;
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
        // Search rows spell it `MessageID` (the reference does), the send
        // answer `MessageId`: the answer kept for the intent has the latter.
        Ok(ours.cloned().map(|mut found| {
            if found["MessageId"].is_null() {
                found["MessageId"] = found["MessageID"].clone();
            }
            found
        }))
    })
    .await
}
