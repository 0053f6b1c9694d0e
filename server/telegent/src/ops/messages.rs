//! Outbound messages, message details and search.
//!
//! Fields take the API's names in PascalCase; `rename` marks where the API
//! spells a name otherwise. Responses read every field as optional, and the
//! loose forms the reference shows are read by `crate::tolerant`, so the types
//! stay plain. The table at the end declares the area's operations.

use serde::{Deserialize, Serialize};

use crate::types::NumberEntry;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct OutboundMessageRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    pub to: Vec<NumberEntry>,
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_media: Option<Vec<MmsMedia>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mms_base64: Option<Vec<MmsBase64>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MmsMedia {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MmsBase64 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Message {
    pub message_id: Option<String>,
    pub direction: Option<String>,
    #[serde(rename = "Type")]
    pub kind: Option<String>,
    pub campaign_id: Option<String>,
    pub cost: Option<f64>,
    pub status: Option<String>,
    pub to: Vec<String>,
    pub from: Option<String>,
    pub owner: Option<String>,
    pub body: Option<String>,
    pub created_on: Option<String>,
    pub message_type: Option<String>,
    pub mms_media: Vec<MmsMedia>,
    pub mms_base64: Vec<MmsBase64>,
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MessageSearch {
    pub phone_number: Option<String>,
    pub results_total_records: Option<i64>,
    pub results_pages: Option<i64>,
    pub results: Vec<Message>,
}

operations! {
    /// Sends an SMS/MMS. Sent once: an ambiguous failure is `OutcomeUnknown`; search for the message
    /// before sending again.
    Billable POST "/v1.0/message/outbound"
        => send_message(request: OutboundMessageRequest) -> Message,
        invalidates ["/v1.0/message/details", "/v1.0/message/search"];
    Read GET "/v1.0/message/details"
        => message_details(message_id: &str = "MessageId") -> Message;
    /// Messages to or from a number, one page at a time (`page` counts from 1).
    Read GET "/v1.0/message/search"
        => message_search(
            phone_number: &str = "PhoneNumber",
            page: u32 = "Page",
            results: Option<u32> = "Results",
        ) -> MessageSearch;
}
