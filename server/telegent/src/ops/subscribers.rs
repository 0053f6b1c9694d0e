//! Subscribers, AI Guardian features and relations, message and call filters.
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

use std::collections::BTreeMap;

pub use crate::types::Subscriber;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriberCreateRequest {
    #[serde(rename = "Name", deserialize_with = "lenient_string")]
    pub name: String,
    #[serde(rename = "Email", deserialize_with = "lenient_string")]
    pub email: String,
    #[serde(rename = "PhoneNumbers", deserialize_with = "one_or_many")]
    pub phone_numbers: Vec<String>,
    /// One of: `Subscriber`, `Manager`, `Account Admin`.
    #[serde(rename = "Role", deserialize_with = "lenient_string")]
    pub role: String,
    #[serde(rename = "Password", deserialize_with = "lenient_string")]
    pub password: String,
    #[serde(rename = "AccountId", alias = "AccountID", deserialize_with = "lenient_string")]
    pub account_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriberUpdateRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(
        rename = "Name",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub name: Option<String>,
    /// Not in the reference's request schema, which shows no way to change an
    /// e-mail; sent only when it changes, and the answer is checked for it.
    #[serde(
        rename = "Email",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub email: Option<String>,
    #[serde(
        rename = "PhoneNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub phone_numbers: Option<Vec<String>>,
    /// One of: `Subscriber`, `Manager`, `Account Admin`.
    #[serde(
        rename = "Role",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub role: Option<String>,
    #[serde(
        rename = "Password",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriberTransferRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(
        rename = "FromAccountId",
        alias = "FromAccountID",
        deserialize_with = "lenient_string"
    )]
    pub from_account_id: String,
    #[serde(rename = "ToAccountId", alias = "ToAccountID", deserialize_with = "lenient_string")]
    pub to_account_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuardianFeaturesRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(
        rename = "EnableIntelligentGuardianCalls",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_intelligent_guardian_calls: Option<bool>,
    #[serde(
        rename = "EnableIntelligentGuardianMessages",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_intelligent_guardian_messages: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuardianRelationRequest {
    #[serde(
        rename = "ParentSubscriberId",
        alias = "ParentSubscriberID",
        deserialize_with = "lenient_string"
    )]
    pub parent_subscriber_id: String,
    #[serde(
        rename = "ChildSubscriberId",
        alias = "ChildSubscriberID",
        deserialize_with = "lenient_string"
    )]
    pub child_subscriber_id: String,
    #[serde(rename = "Relation", deserialize_with = "lenient_string")]
    pub relation: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuardianRelationDeleteRequest {
    #[serde(
        rename = "ParentSubscriberId",
        alias = "ParentSubscriberID",
        deserialize_with = "lenient_string"
    )]
    pub parent_subscriber_id: String,
    #[serde(
        rename = "ChildSubscriberId",
        alias = "ChildSubscriberID",
        deserialize_with = "lenient_string"
    )]
    pub child_subscriber_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageFilterCreateRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(rename = "Phone", deserialize_with = "lenient_string")]
    pub phone: String,
    /// One of: `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    #[serde(rename = "FilterMode", deserialize_with = "lenient_string")]
    pub filter_mode: String,
    #[serde(
        rename = "AllowedContacts",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub allowed_contacts: Option<Vec<String>>,
    #[serde(
        rename = "BlockedContacts",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub blocked_contacts: Option<Vec<String>>,
    #[serde(
        rename = "KeywordFilter",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub keyword_filter: Option<String>,
    #[serde(
        rename = "NotificationPhones",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub notification_phones: Option<Vec<String>>,
    #[serde(
        rename = "ApplyToOutbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_outbound: Option<bool>,
    #[serde(
        rename = "ApplyToInbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_inbound: Option<bool>,
    #[serde(
        rename = "BlockUnknownNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_unknown_numbers: Option<bool>,
    #[serde(
        rename = "BlockLinks",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_links: Option<bool>,
    #[serde(
        rename = "BlockMedia",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageFilterUpdateRequest {
    #[serde(rename = "FilterId", alias = "FilterID", deserialize_with = "lenient_string")]
    pub filter_id: String,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(
        rename = "Phone",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub phone: Option<String>,
    /// One of: `ACTIVE`, `MONITOR_ONLY`, `INACTIVE`.
    #[serde(
        rename = "FilterMode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub filter_mode: Option<String>,
    #[serde(
        rename = "AllowedContacts",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub allowed_contacts: Option<Vec<String>>,
    #[serde(
        rename = "BlockedContacts",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub blocked_contacts: Option<Vec<String>>,
    #[serde(
        rename = "KeywordFilter",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub keyword_filter: Option<String>,
    #[serde(
        rename = "NotificationPhones",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub notification_phones: Option<Vec<String>>,
    #[serde(
        rename = "ApplyToOutbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_outbound: Option<bool>,
    #[serde(
        rename = "ApplyToInbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_inbound: Option<bool>,
    #[serde(
        rename = "BlockUnknownNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_unknown_numbers: Option<bool>,
    #[serde(
        rename = "BlockLinks",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_links: Option<bool>,
    #[serde(
        rename = "BlockMedia",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageFilterDeleteRequest {
    #[serde(
        rename = "MessageFilterId",
        alias = "MessageFilterID",
        deserialize_with = "lenient_string"
    )]
    pub message_filter_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MessageFilterContactsRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(
        rename = "MessageFilterId",
        alias = "MessageFilterID",
        deserialize_with = "lenient_string"
    )]
    pub message_filter_id: String,
    #[serde(rename = "Contacts", deserialize_with = "one_or_many")]
    pub contacts: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallFilterCreateRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(rename = "Phone", deserialize_with = "lenient_string")]
    pub phone: String,
    /// One of: `WHITELIST`, `BLACKLIST`, `CHILD`, `TEENAGER`, `ADOLESCENT`.
    #[serde(rename = "FilterMode", deserialize_with = "lenient_string")]
    pub filter_mode: String,
    #[serde(
        rename = "AllowedNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub allowed_numbers: Option<Vec<String>>,
    #[serde(
        rename = "BlockedNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub blocked_numbers: Option<Vec<String>>,
    #[serde(
        rename = "EnableTranscription",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_transcription: Option<bool>,
    #[serde(
        rename = "KeywordFilter",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub keyword_filter: Option<String>,
    /// One of: `WARNING`, `TERMINATE`, `NOTIFY`.
    #[serde(
        rename = "TranscriptionAction",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub transcription_action: Option<String>,
    #[serde(
        rename = "WarningMessage",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub warning_message: Option<String>,
    #[serde(
        rename = "NotificationPhones",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub notification_phones: Option<Vec<String>>,
    #[serde(
        rename = "ApplyToOutbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_outbound: Option<bool>,
    #[serde(
        rename = "ApplyToInbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_inbound: Option<bool>,
    #[serde(
        rename = "BlockUnknownNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_unknown_numbers: Option<bool>,
    #[serde(
        rename = "BlockInternational",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_international: Option<bool>,
    #[serde(
        rename = "RecordFlaggedCalls",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub record_flagged_calls: Option<bool>,
    #[serde(rename = "TimeRestrictions", skip_serializing_if = "Option::is_none")]
    pub time_restrictions: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallFilterUpdateRequest {
    #[serde(rename = "FilterId", alias = "FilterID", deserialize_with = "lenient_string")]
    pub filter_id: String,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(
        rename = "Phone",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub phone: Option<String>,
    /// One of: `WHITELIST`, `BLACKLIST`.
    #[serde(
        rename = "FilterMode",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub filter_mode: Option<String>,
    #[serde(
        rename = "AllowedNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub allowed_numbers: Option<Vec<String>>,
    #[serde(
        rename = "BlockedNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub blocked_numbers: Option<Vec<String>>,
    #[serde(
        rename = "EnableTranscription",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub enable_transcription: Option<bool>,
    #[serde(
        rename = "KeywordFilter",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub keyword_filter: Option<String>,
    /// One of: `WARNING`, `TERMINATE`, `NOTIFY`.
    #[serde(
        rename = "TranscriptionAction",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub transcription_action: Option<String>,
    #[serde(
        rename = "WarningMessage",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_string"
    )]
    pub warning_message: Option<String>,
    #[serde(
        rename = "NotificationPhones",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_list"
    )]
    pub notification_phones: Option<Vec<String>>,
    #[serde(
        rename = "ApplyToOutbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_outbound: Option<bool>,
    #[serde(
        rename = "ApplyToInbound",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub apply_to_inbound: Option<bool>,
    #[serde(
        rename = "BlockUnknownNumbers",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_unknown_numbers: Option<bool>,
    #[serde(
        rename = "BlockInternational",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub block_international: Option<bool>,
    #[serde(
        rename = "RecordFlaggedCalls",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_bool"
    )]
    pub record_flagged_calls: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallFilterDeleteRequest {
    #[serde(rename = "CallFilterId", alias = "CallFilterID", deserialize_with = "lenient_string")]
    pub call_filter_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallFilterNumbersRequest {
    #[serde(rename = "SubscriberId", alias = "SubscriberID", deserialize_with = "lenient_string")]
    pub subscriber_id: String,
    #[serde(rename = "CallFilterId", alias = "CallFilterID", deserialize_with = "lenient_string")]
    pub call_filter_id: String,
    #[serde(rename = "Numbers", deserialize_with = "one_or_many")]
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GuardianFeatures {
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "EnableIntelligentGuardianCalls", default, deserialize_with = "opt_bool")]
    pub enable_intelligent_guardian_calls: Option<bool>,
    #[serde(rename = "EnableIntelligentGuardianMessages", default, deserialize_with = "opt_bool")]
    pub enable_intelligent_guardian_messages: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GuardianRelation {
    #[serde(
        rename = "ParentSubscriberId",
        alias = "ParentSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub parent_subscriber_id: Option<String>,
    #[serde(
        rename = "ChildSubscriberId",
        alias = "ChildSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub child_subscriber_id: Option<String>,
    #[serde(rename = "Relation", default, deserialize_with = "opt_string")]
    pub relation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GuardianRelationDeleted {
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "DateDeleted", default, deserialize_with = "opt_string")]
    pub date_deleted: Option<String>,
    #[serde(
        rename = "ParentSubscriberId",
        alias = "ParentSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub parent_subscriber_id: Option<String>,
    #[serde(
        rename = "ChildSubscriberId",
        alias = "ChildSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub child_subscriber_id: Option<String>,
    #[serde(rename = "Relation", default, deserialize_with = "opt_string")]
    pub relation: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GuardianChildren {
    #[serde(
        rename = "ParentSubscriberId",
        alias = "ParentSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub parent_subscriber_id: Option<String>,
    #[serde(rename = "Children", default, deserialize_with = "one_or_many")]
    pub children: Vec<GuardianRelation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GuardianParents {
    #[serde(
        rename = "ChildSubscriberId",
        alias = "ChildSubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub child_subscriber_id: Option<String>,
    #[serde(rename = "Guardians", default, deserialize_with = "one_or_many")]
    pub guardians: Vec<GuardianRelation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageFilter {
    #[serde(rename = "FilterId", alias = "FilterID", default, deserialize_with = "opt_string")]
    pub filter_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Phone", default, deserialize_with = "opt_string")]
    pub phone: Option<String>,
    #[serde(rename = "FilterMode", default, deserialize_with = "opt_string")]
    pub filter_mode: Option<String>,
    #[serde(rename = "AllowedContacts", default, deserialize_with = "one_or_many")]
    pub allowed_contacts: Vec<String>,
    #[serde(rename = "BlockedContacts", default, deserialize_with = "one_or_many")]
    pub blocked_contacts: Vec<String>,
    #[serde(rename = "KeywordFilter", default, deserialize_with = "opt_string")]
    pub keyword_filter: Option<String>,
    #[serde(rename = "NotificationPhones", default, deserialize_with = "one_or_many")]
    pub notification_phones: Vec<String>,
    #[serde(rename = "ApplyToOutbound", default, deserialize_with = "opt_bool")]
    pub apply_to_outbound: Option<bool>,
    #[serde(rename = "ApplyToInbound", default, deserialize_with = "opt_bool")]
    pub apply_to_inbound: Option<bool>,
    #[serde(rename = "BlockUnknownNumbers", default, deserialize_with = "opt_bool")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(rename = "BlockLinks", default, deserialize_with = "opt_bool")]
    pub block_links: Option<bool>,
    #[serde(rename = "BlockMedia", default, deserialize_with = "opt_bool")]
    pub block_media: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterDeleted {
    #[serde(rename = "Status", default, deserialize_with = "opt_string")]
    pub status: Option<String>,
    #[serde(rename = "FilterId", alias = "FilterID", default, deserialize_with = "opt_string")]
    pub filter_id: Option<String>,
    #[serde(rename = "DateDeleted", default, deserialize_with = "opt_string")]
    pub date_deleted: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MessageFilterContacts {
    #[serde(rename = "FilterId", alias = "FilterID", default, deserialize_with = "opt_string")]
    pub filter_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "AllowedContacts", default, deserialize_with = "one_or_many")]
    pub allowed_contacts: Vec<String>,
    #[serde(rename = "BlockedContacts", default, deserialize_with = "one_or_many")]
    pub blocked_contacts: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterKeywords {
    #[serde(rename = "CustomKeywords", default, deserialize_with = "one_or_many")]
    pub custom_keywords: Vec<String>,
    #[serde(rename = "SystemKeywords", default)]
    pub system_keywords: BTreeMap<String, Vec<String>>,
    #[serde(rename = "SeverityMap", default)]
    pub severity_map: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CallFilter {
    #[serde(rename = "FilterId", alias = "FilterID", default, deserialize_with = "opt_string")]
    pub filter_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "Phone", default, deserialize_with = "opt_string")]
    pub phone: Option<String>,
    #[serde(rename = "FilterMode", default, deserialize_with = "opt_string")]
    pub filter_mode: Option<String>,
    #[serde(rename = "AllowedNumbers", default, deserialize_with = "one_or_many")]
    pub allowed_numbers: Vec<String>,
    #[serde(rename = "BlockedNumbers", default, deserialize_with = "one_or_many")]
    pub blocked_numbers: Vec<String>,
    #[serde(rename = "EnableTranscription", default, deserialize_with = "opt_bool")]
    pub enable_transcription: Option<bool>,
    #[serde(rename = "KeywordFilter", default, deserialize_with = "opt_string")]
    pub keyword_filter: Option<String>,
    #[serde(rename = "TranscriptionAction", default, deserialize_with = "opt_string")]
    pub transcription_action: Option<String>,
    #[serde(rename = "WarningMessage", default, deserialize_with = "opt_string")]
    pub warning_message: Option<String>,
    #[serde(rename = "NotificationPhones", default, deserialize_with = "one_or_many")]
    pub notification_phones: Vec<String>,
    #[serde(rename = "ApplyToOutbound", default, deserialize_with = "opt_bool")]
    pub apply_to_outbound: Option<bool>,
    #[serde(rename = "ApplyToInbound", default, deserialize_with = "opt_bool")]
    pub apply_to_inbound: Option<bool>,
    #[serde(rename = "BlockUnknownNumbers", default, deserialize_with = "opt_bool")]
    pub block_unknown_numbers: Option<bool>,
    #[serde(rename = "BlockInternational", default, deserialize_with = "opt_bool")]
    pub block_international: Option<bool>,
    #[serde(rename = "RecordFlaggedCalls", default, deserialize_with = "opt_bool")]
    pub record_flagged_calls: Option<bool>,
    #[serde(rename = "TimeRestrictions", default)]
    pub time_restrictions: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CallFilterNumbers {
    #[serde(rename = "FilterId", alias = "FilterID", default, deserialize_with = "opt_string")]
    pub filter_id: Option<String>,
    #[serde(
        rename = "SubscriberId",
        alias = "SubscriberID",
        default,
        deserialize_with = "opt_string"
    )]
    pub subscriber_id: Option<String>,
    #[serde(rename = "AllowedNumbers", default, deserialize_with = "one_or_many")]
    pub allowed_numbers: Vec<String>,
    #[serde(rename = "BlockedNumbers", default, deserialize_with = "one_or_many")]
    pub blocked_numbers: Vec<String>,
}

#[cfg(feature = "client")]
mod client_ops {
    use super::*;
    use crate::ops::to_body;
    #[allow(unused_imports)]
    use crate::types::ListOf;
    use crate::{Safety, TelegentClient, TelegentError};

    impl TelegentClient {
        /// `POST /v1.0/subscribers/create`.
        pub async fn create_subscriber(&self, request: &SubscriberCreateRequest) -> Result<Subscriber, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<Subscriber>("/v1.0/subscribers/create", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers");
            self.invalidate_reads("/v1.0/distributor/subscribers");
            self.invalidate_reads("/v1.0/account");
            self.invalidate_reads("/v1.0/distributor/accounts");
            result
        }

        /// `GET /v1.0/subscribers/get`.
        pub async fn subscriber(&self, subscriber_id: &str) -> Result<Subscriber, TelegentError> {
            self.get_cached::<Subscriber>("/v1.0/subscribers/get", &[("SubscriberId", subscriber_id)])
                .await
        }

        /// `POST /v1.0/subscribers/update`.
        pub async fn update_subscriber(&self, request: &SubscriberUpdateRequest) -> Result<Subscriber, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<Subscriber>("/v1.0/subscribers/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers");
            self.invalidate_reads("/v1.0/distributor/subscribers");
            result
        }

        /// `POST /v1.0/subscribers/transfer`.
        pub async fn transfer_subscriber(
            &self,
            request: &SubscriberTransferRequest,
        ) -> Result<Subscriber, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<Subscriber>("/v1.0/subscribers/transfer", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers");
            self.invalidate_reads("/v1.0/distributor/subscribers");
            self.invalidate_reads("/v1.0/account");
            self.invalidate_reads("/v1.0/distributor/accounts");
            result
        }

        /// `GET /v1.0/subscribers/guardian-features`.
        pub async fn guardian_features(
            &self,
            subscriber_id: &str,
            account_id: Option<&str>,
        ) -> Result<GuardianFeatures, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("SubscriberId", subscriber_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<GuardianFeatures>("/v1.0/subscribers/guardian-features", &query)
                .await
        }

        /// `POST /v1.0/subscribers/guardian-features`.
        ///
        /// The master switch: filters do nothing until it is on.
        pub async fn set_guardian_features(
            &self,
            request: &GuardianFeaturesRequest,
        ) -> Result<GuardianFeatures, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<GuardianFeatures>("/v1.0/subscribers/guardian-features", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/guardian-features");
            result
        }

        /// `POST /v1.0/subscribers/guardians/relation`.
        pub async fn create_guardian_relation(
            &self,
            request: &GuardianRelationRequest,
        ) -> Result<GuardianRelation, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<GuardianRelation>("/v1.0/subscribers/guardians/relation", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/guardians");
            result
        }

        /// `POST /v1.0/subscribers/guardians/relation/delete`.
        pub async fn delete_guardian_relation(
            &self,
            request: &GuardianRelationDeleteRequest,
        ) -> Result<GuardianRelationDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<GuardianRelationDeleted>("/v1.0/subscribers/guardians/relation/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/guardians");
            result
        }

        /// `GET /v1.0/subscribers/guardians/relation/parent`.
        ///
        /// The children a guardian (parent) is linked to.
        pub async fn guardian_children(
            &self,
            parent_subscriber_id: &str,
            account_id: Option<&str>,
        ) -> Result<GuardianChildren, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("ParentSubscriberId", parent_subscriber_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<GuardianChildren>("/v1.0/subscribers/guardians/relation/parent", &query)
                .await
        }

        /// `GET /v1.0/subscribers/guardians/relation/child`.
        ///
        /// The guardians linked to a child.
        pub async fn guardian_parents(
            &self,
            child_subscriber_id: &str,
            account_id: Option<&str>,
        ) -> Result<GuardianParents, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("ChildSubscriberId", child_subscriber_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<GuardianParents>("/v1.0/subscribers/guardians/relation/child", &query)
                .await
        }

        /// `POST /v1.0/subscribers/message-filter`.
        ///
        /// One filter per subscriber and phone: a second create is refused; update instead.
        pub async fn create_message_filter(
            &self,
            request: &MessageFilterCreateRequest,
        ) -> Result<MessageFilter, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilter>("/v1.0/subscribers/message-filter", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `GET /v1.0/subscribers/message-filter`.
        pub async fn message_filters(
            &self,
            subscriber_id: Option<&str>,
            phone: Option<&str>,
            account_id: Option<&str>,
        ) -> Result<Vec<MessageFilter>, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = subscriber_id {
                query.push(("SubscriberId", v));
            }
            if let Some(v) = phone {
                query.push(("Phone", v));
            }
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<MessageFilter>>("/v1.0/subscribers/message-filter", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/message-filter/update`.
        pub async fn update_message_filter(
            &self,
            request: &MessageFilterUpdateRequest,
        ) -> Result<MessageFilter, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilter>("/v1.0/subscribers/message-filter/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `POST /v1.0/subscribers/message-filter/delete`.
        pub async fn delete_message_filter(
            &self,
            request: &MessageFilterDeleteRequest,
        ) -> Result<FilterDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<FilterDeleted>("/v1.0/subscribers/message-filter/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `GET /v1.0/subscribers/message-filter/allowed-contacts`.
        pub async fn message_filter_allowed_contacts(
            &self,
            subscriber_id: &str,
            message_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<Vec<String>, TelegentError> {
            let mut query: Vec<(&str, &str)> =
                vec![("SubscriberId", subscriber_id), ("MessageFilterId", message_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<String>>("/v1.0/subscribers/message-filter/allowed-contacts", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/message-filter/allowed-contacts/add`.
        pub async fn add_message_filter_allowed_contacts(
            &self,
            request: &MessageFilterContactsRequest,
        ) -> Result<MessageFilterContacts, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilterContacts>(
                    "/v1.0/subscribers/message-filter/allowed-contacts/add",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `POST /v1.0/subscribers/message-filter/allowed-contacts/remove`.
        pub async fn remove_message_filter_allowed_contacts(
            &self,
            request: &MessageFilterContactsRequest,
        ) -> Result<MessageFilterContacts, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilterContacts>(
                    "/v1.0/subscribers/message-filter/allowed-contacts/remove",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `GET /v1.0/subscribers/message-filter/blocked-contacts`.
        pub async fn message_filter_blocked_contacts(
            &self,
            subscriber_id: &str,
            message_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<Vec<String>, TelegentError> {
            let mut query: Vec<(&str, &str)> =
                vec![("SubscriberId", subscriber_id), ("MessageFilterId", message_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<String>>("/v1.0/subscribers/message-filter/blocked-contacts", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/message-filter/blocked-contacts/add`.
        pub async fn add_message_filter_blocked_contacts(
            &self,
            request: &MessageFilterContactsRequest,
        ) -> Result<MessageFilterContacts, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilterContacts>(
                    "/v1.0/subscribers/message-filter/blocked-contacts/add",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `POST /v1.0/subscribers/message-filter/blocked-contacts/remove`.
        pub async fn remove_message_filter_blocked_contacts(
            &self,
            request: &MessageFilterContactsRequest,
        ) -> Result<MessageFilterContacts, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<MessageFilterContacts>(
                    "/v1.0/subscribers/message-filter/blocked-contacts/remove",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/message-filter");
            result
        }

        /// `GET /v1.0/subscribers/message-filter/keywords`.
        pub async fn message_filter_keywords(
            &self,
            subscriber_id: &str,
            message_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<FilterKeywords, TelegentError> {
            let mut query: Vec<(&str, &str)> =
                vec![("SubscriberId", subscriber_id), ("MessageFilterId", message_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<FilterKeywords>("/v1.0/subscribers/message-filter/keywords", &query)
                .await
        }

        /// `POST /v1.0/subscribers/call-filter`.
        pub async fn create_call_filter(&self, request: &CallFilterCreateRequest) -> Result<CallFilter, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilter>("/v1.0/subscribers/call-filter", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `GET /v1.0/subscribers/call-filter`.
        pub async fn call_filters(
            &self,
            subscriber_id: Option<&str>,
            phone: Option<&str>,
            account_id: Option<&str>,
        ) -> Result<Vec<CallFilter>, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![];
            if let Some(v) = subscriber_id {
                query.push(("SubscriberId", v));
            }
            if let Some(v) = phone {
                query.push(("Phone", v));
            }
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<CallFilter>>("/v1.0/subscribers/call-filter", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/call-filter/update`.
        pub async fn update_call_filter(&self, request: &CallFilterUpdateRequest) -> Result<CallFilter, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilter>("/v1.0/subscribers/call-filter/update", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `POST /v1.0/subscribers/call-filter/delete`.
        pub async fn delete_call_filter(
            &self,
            request: &CallFilterDeleteRequest,
        ) -> Result<FilterDeleted, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<FilterDeleted>("/v1.0/subscribers/call-filter/delete", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `GET /v1.0/subscribers/call-filter/allowed-numbers`.
        pub async fn call_filter_allowed_numbers(
            &self,
            subscriber_id: &str,
            call_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<Vec<String>, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("SubscriberId", subscriber_id), ("CallFilterId", call_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<String>>("/v1.0/subscribers/call-filter/allowed-numbers", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/call-filter/allowed-numbers/add`.
        pub async fn add_call_filter_allowed_numbers(
            &self,
            request: &CallFilterNumbersRequest,
        ) -> Result<CallFilterNumbers, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilterNumbers>("/v1.0/subscribers/call-filter/allowed-numbers/add", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `POST /v1.0/subscribers/call-filter/allowed-numbers/remove`.
        pub async fn remove_call_filter_allowed_numbers(
            &self,
            request: &CallFilterNumbersRequest,
        ) -> Result<CallFilterNumbers, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilterNumbers>(
                    "/v1.0/subscribers/call-filter/allowed-numbers/remove",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `GET /v1.0/subscribers/call-filter/blocked-numbers`.
        pub async fn call_filter_blocked_numbers(
            &self,
            subscriber_id: &str,
            call_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<Vec<String>, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("SubscriberId", subscriber_id), ("CallFilterId", call_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<ListOf<String>>("/v1.0/subscribers/call-filter/blocked-numbers", &query)
                .await
                .map(|list| list.0)
        }

        /// `POST /v1.0/subscribers/call-filter/blocked-numbers/add`.
        pub async fn add_call_filter_blocked_numbers(
            &self,
            request: &CallFilterNumbersRequest,
        ) -> Result<CallFilterNumbers, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilterNumbers>("/v1.0/subscribers/call-filter/blocked-numbers/add", &body, Safety::Safe)
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `POST /v1.0/subscribers/call-filter/blocked-numbers/remove`.
        pub async fn remove_call_filter_blocked_numbers(
            &self,
            request: &CallFilterNumbersRequest,
        ) -> Result<CallFilterNumbers, TelegentError> {
            let body = to_body(request)?;
            let result = self
                .post::<CallFilterNumbers>(
                    "/v1.0/subscribers/call-filter/blocked-numbers/remove",
                    &body,
                    Safety::Safe,
                )
                .await;
            self.invalidate_reads("/v1.0/subscribers/call-filter");
            result
        }

        /// `GET /v1.0/subscribers/call-filter/keywords`.
        pub async fn call_filter_keywords(
            &self,
            subscriber_id: &str,
            call_filter_id: &str,
            account_id: Option<&str>,
        ) -> Result<FilterKeywords, TelegentError> {
            let mut query: Vec<(&str, &str)> = vec![("SubscriberId", subscriber_id), ("CallFilterId", call_filter_id)];
            if let Some(v) = account_id {
                query.push(("AccountId", v));
            }
            self.get_cached::<FilterKeywords>("/v1.0/subscribers/call-filter/keywords", &query)
                .await
        }
    }
}
