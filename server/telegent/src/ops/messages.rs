//! Outbound messages, message details and search.
//!
//! Field names exactly as the API spells them. Responses read every field as
//! optional and accept the loose forms the reference shows (numbers as strings,
//! booleans as strings, lists as one object); unknown fields are ignored.

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::types::{
    lenient_bool, lenient_f64, lenient_i64, lenient_string, one_or_many, opt_bool, opt_f64, opt_i64, opt_list,
    opt_string, phone_list, Address, NumberEntry,
};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboundMessageRequest {
    #[serde(
        rename = "CampaignId",
        alias = "CampaignID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub campaign_id: Option<String>,
    #[serde(rename = "To", deserialize_with = "one_or_many")]
    pub to: Vec<NumberEntry>,
    #[serde(rename = "From", deserialize_with = "lenient_string")]
    pub from: String,
    #[serde(
        rename = "Owner",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub owner: Option<String>,
    #[serde(rename = "Body", deserialize_with = "lenient_string")]
    pub body: String,
    #[serde(
        rename = "MmsMedia",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub mms_media: Option<Vec<MmsMedia>>,
    #[serde(
        rename = "MmsBase64",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub mms_base64: Option<Vec<MmsBase64>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MmsMedia {
    #[serde(
        rename = "MediaUrl",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub media_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MmsBase64 {
    #[serde(
        rename = "Base64",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub base64: Option<String>,
    #[serde(
        rename = "BaseType",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub base_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "MessageId", alias = "MessageID", default, deserialize_with = "opt_string")]
    pub message_id: Option<String>,
    #[serde(rename = "Direction", default, deserialize_with = "opt_string")]
    pub direction: Option<String>,
    #[serde(rename = "Type", default, deserialize_with = "opt_string")]
    pub kind: Option<String>,
    #[serde(
        rename = "CampaignId",
        alias = "CampaignID",
        default,
        deserialize_with = "opt_string"
    )]
    pub campaign_id: Option<String>,
    #[serde(rename = "Cost", default, deserialize_with = "opt_f64")]
    pub cost: Option<f64>,
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "To", default, deserialize_with = "phone_list")]
    pub to: Vec<String>,
    #[serde(rename = "From", default, deserialize_with = "opt_string")]
    pub from: Option<String>,
    #[serde(rename = "Owner", default, deserialize_with = "opt_string")]
    pub owner: Option<String>,
    #[serde(rename = "Body", default, deserialize_with = "opt_string")]
    pub body: Option<String>,
    #[serde(rename = "CreatedOn", default, deserialize_with = "opt_string")]
    pub created_on: Option<String>,
    #[serde(rename = "MessageType", default, deserialize_with = "opt_string")]
    pub message_type: Option<String>,
    #[serde(rename = "MmsMedia", default, deserialize_with = "one_or_many")]
    pub mms_media: Vec<MmsMedia>,
    #[serde(rename = "MmsBase64", default, deserialize_with = "one_or_many")]
    pub mms_base64: Vec<MmsBase64>,
    #[serde(rename = "Region", default, deserialize_with = "opt_string")]
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageSearch {
    #[serde(rename = "PhoneNumber", default, deserialize_with = "opt_string")]
    pub phone_number: Option<String>,
    #[serde(rename = "ResultsTotalRecords", default, deserialize_with = "opt_i64")]
    pub results_total_records: Option<i64>,
    #[serde(rename = "ResultsPages", default, deserialize_with = "opt_i64")]
    pub results_pages: Option<i64>,
    #[serde(rename = "Results", default, deserialize_with = "one_or_many")]
    pub results: Vec<Message>,
}

#[cfg(feature = "client")]
mod client_ops {
    use super::*;
    use crate::ops::to_body;
    #[allow(unused_imports)]
    use crate::types::ListOf;
    use crate::{Safety, TelegentClient, TelegentError};

    impl TelegentClient {
        /// `POST /v1.0/message/outbound`.
        ///
        /// Sends an SMS/MMS. Sent once: an ambiguous failure is `OutcomeUnknown`; search for the message
        /// before sending again.
        pub async fn send_message(&self, request: &OutboundMessageRequest) -> Result<Message, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<Message>("/v1.0/message/outbound", &body, Safety::Billable)
                .await;
            // Even a failure may have gone through upstream.
            self.invalidate_reads("/v1.0/message/details");
            self.invalidate_reads("/v1.0/message/search");
            result
        }

        /// `GET /v1.0/message/details`.
        pub async fn message_details(&self, message_id: &str) -> Result<Message, TelegentError> {
            self.get_cached::<Message>("/v1.0/message/details", &[("MessageId", message_id)])
                .await
        }

        /// `GET /v1.0/message/search`.
        ///
        /// Messages to or from a number, one page at a time (`page` counts from 1).
        pub async fn message_search(
            &self,
            phone_number: &str,
            page: u32,
            results: Option<u32>,
        ) -> Result<MessageSearch, TelegentError> {
            let page = page.to_string();
            let results = results.map(|n| n.to_string());
            let mut query: Vec<(&str, &str)> = vec![("PhoneNumber", phone_number), ("Page", page.as_str())];
            if let Some(v) = results.as_deref() {
                query.push(("Results", v));
            }
            self.get_cached::<MessageSearch>("/v1.0/message/search", &query).await
        }
    }
}
